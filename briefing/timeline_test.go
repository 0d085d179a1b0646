package briefing

import (
	"reflect"
	"strings"
	"testing"
)

func TestChronology(t *testing.T) {
	b := &Briefing{Timeline: []Event{
		{Date: Date{2026, 1, 6}, Topics: []string{"a"}},
		{Date: Date{Year: 2025}},
		{Date: Date{Year: 2026, Month: 1}, Topics: []string{"a", "b"}},
		{Date: Date{2026, 1, 6}},
		{Date: Date{Year: 2026}, Topics: []string{"b"}},
	}}
	if got, want := b.Chronology(), []int{1, 4, 2, 0, 3}; !reflect.DeepEqual(got, want) {
		t.Errorf("Chronology = %v, want %v", got, want)
	}
	if got, want := b.TopicEvents("a"), []int{2, 0}; !reflect.DeepEqual(got, want) {
		t.Errorf("TopicEvents(a) = %v, want %v", got, want)
	}
	if got := b.TopicEvents("c"); got != nil {
		t.Errorf("TopicEvents(c) = %v, want none", got)
	}
}

func TestDateShort(t *testing.T) {
	for _, tc := range []struct {
		d    Date
		want string
	}{{Date{}, ""}, {Date{Year: 1994}, "1994"}, {Date{Year: 2026, Month: 1}, "Jan 2026"}, {Date{2025, 12, 28}, "28 Dec 2025"}} {
		if got := tc.d.Short(); got != tc.want {
			t.Errorf("%v.Short() = %q, want %q", tc.d, got, tc.want)
		}
	}
}

func TestCitationCounts(t *testing.T) {
	b := &Briefing{
		Sources: []Source{{ID: "a"}, {ID: "b"}, {ID: "c"}},
		Topics: []*Topic{
			topicWith("X [@a; @b]. Y [@a]. Z [@a; @a, p. 2]. W [@zz]."),
			{ID: "u", Body: "V [@b].", Citations: ScanCitations("V [@b].")},
		},
	}
	got := b.CitationCounts()
	want := map[string]CitationCount{
		"a": {Total: 3, ByTopic: map[string]int{"t": 3}},
		"b": {Total: 2, ByTopic: map[string]int{"t": 1, "u": 1}},
		"c": {Total: 0, ByTopic: map[string]int{}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CitationCounts = %v, want %v", got, want)
	}
}

func TestCitedTimelineLine(t *testing.T) {
	b := &Briefing{
		Sources:  []Source{{ID: "a", Outlet: "AP"}},
		Timeline: []Event{{Topics: []string{"t"}}, {Topics: []string{"t", "x"}}, {Topics: []string{"x"}}},
	}
	md, _ := b.Cited(topicWith("Text [@a].\n"))
	if !strings.HasSuffix(md, "## Sources\n\n1. AP\n\n\nOn the timeline: 2 events\n") {
		t.Errorf("Cited does not end with the timeline line after the sources:\n%q", md)
	}
	md, _ = b.Cited(&Topic{ID: "x", Body: "Uncited.\n"})
	if md != "Uncited.\n\n"+"On the timeline: 2 events\n" {
		t.Errorf("uncited topic: %q", md)
	}
	md, _ = b.Cited(&Topic{ID: "none", Body: "Uncited.\n"})
	if md != "Uncited.\n" {
		t.Errorf("topic without events: %q", md)
	}
}

func TestPlainCited(t *testing.T) {
	num := map[string]int{"a": 1, "b": 2}
	got := PlainCited("Talks *resume*\nin \\*Paris\\* [@b; @a], `x` [see @a, p. 3] [@zz].", num)
	want := "Talks resume in *Paris* [1–2], x [see 1, p. 3] [?zz]."
	if got != want {
		t.Errorf("PlainCited = %q, want %q", got, want)
	}
}
