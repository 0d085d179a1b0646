package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"brief/briefing"
	"brief/internal/render"
	"brief/internal/search"
	"brief/internal/testkit/synth"
)

// stops walks n from the current state until it comes back to where it
// began and returns each stop: a topic's match, or a timeline match.
func stops(t *testing.T, m Model) []string {
	t.Helper()
	type stop struct{ topic, match, event int }
	at := func(m Model) stop {
		if m.search.event >= 0 {
			return stop{-1, -1, m.search.event}
		}
		return stop{m.current, m.reader.hl.cur, -1}
	}
	start := at(m)
	var out []string
	for i := 0; i < 500; i++ {
		m = press(t, m, "n")
		s := at(m)
		if s.topic >= 0 {
			out = append(out, m.b.Topics[s.topic].ID+":"+currentMatch(t, m))
		} else {
			out = append(out, "timeline:"+m.notice)
		}
		if s == start {
			return out
		}
	}
	t.Fatal("n does not come back to where it began")
	return nil
}

// TestSearchCountsAgree checks one definition of a match for the search
// line, n and the results list: a topic's own text, not the source list
// appended to it, and the timeline events, which is no topic.
func TestSearchCountsAgree(t *testing.T) {
	m := typeText(t, press(t, embeddedModel(t, 120, 30), "/"), "zelensky")
	here := m.reader.hl.count()
	m = press(t, m, "tab")
	inTopic := 0
	for _, mt := range m.results.matches {
		if mt.Topic == "overview" {
			inTopic++
		}
	}
	// Matches in excerpts count with their topic.
	excerpts := 0
	for _, mt := range m.results.matches {
		if _, ok := m.ix.Excerpt(mt); ok && mt.Topic == "overview" {
			excerpts++
		}
	}
	if excerpts == 0 {
		t.Error("no match of zelensky in the excerpts of Bottom line: the test proves less")
	}
	if here != inTopic || here != m.search.counts.ByTopic["overview"] {
		t.Errorf("Bottom line /zelensky: %d here, the results list %d, the count %d; want them equal",
			here, inTopic, m.search.counts.ByTopic["overview"])
	}
	if got, want := footerLine(press(t, m, "esc")), listed(m.results.matches); !strings.Contains(got, want) {
		t.Errorf("search line %q, want %q as the results list has it", got, want)
	}

	want := listed(press(t, typeText(t, press(t, embeddedModel(t, 120, 30), "/"), "budapest"), "tab").results.matches)
	m = press(t, typeText(t, press(t, embeddedModel(t, 120, 30), "/"), "budapest"), "enter")
	if got := footerLine(m); !strings.Contains(got, want) {
		t.Errorf("search line %q, want %q as the results list has it", got, want)
	}
	walk := stops(t, m)
	if len(walk) != m.search.counts.Total {
		t.Errorf("/budapest counts %d, n visits %d: %q", m.search.counts.Total, len(walk), walk)
	}
	if tl := walk[len(walk)-2]; !strings.HasPrefix(tl, "timeline:Timeline 1/1") {
		t.Errorf("the stop before the wrap is %q, want the timeline match", tl)
	}
	m = press(t, typeText(t, press(t, embeddedModel(t, 120, 30), "/"), "ferry novoross"), "enter")
	if got := footerLine(m); !strings.Contains(got, "No match for “ferry novoross”") {
		t.Errorf("search line %q", got)
	}
}

// listed counts a results list the way the search line words it: every
// match, the topics they are in, and whether the timeline has any.
func listed(matches []search.Match) string {
	topics := map[string]bool{}
	timeline := false
	for _, mt := range matches {
		if mt.Topic == "" {
			timeline = true
		} else {
			topics[mt.Topic] = true
		}
	}
	s := fmt.Sprintf("%d in %d topics", len(matches), len(topics))
	if timeline {
		s += " and the timeline"
	}
	return s
}

// TestSearchCountWording checks singular and plural, and a timeline
// alone.
func TestSearchCountWording(t *testing.T) {
	for _, tt := range []struct{ query, want string }{
		{"harbour bridge", "in 1 topic"},
		{"bridge", "in 2 topics"},
	} {
		m := typeText(t, press(t, newTestModel(t, 0, 100, 30), "/"), tt.query)
		if got := footerLine(m); !strings.Contains(got, tt.want) || strings.Contains(got, "timeline") {
			t.Errorf("/%s: %q, want %q", tt.query, got, tt.want)
		}
	}
}

// TestSearchEnterGoesOn checks that enter, as in less, goes to the first
// match at or after the place where the search began, into the following
// topics, and that typing does not move the reader for good.
func TestSearchEnterGoesOn(t *testing.T) {
	for _, from := range []string{"1", "2"} {
		m := press(t, embeddedModel(t, 80, 24), from, "j", "j")
		top := m.reader.vp.YOffset()
		m = typeText(t, press(t, m, "/"), "novoross")
		if got := footerLine(m); !strings.Contains(got, "none here · next in Territory") {
			t.Errorf("from topic %s: search line %q, want none here · next in Territory", from, got)
		}
		if m.reader.vp.YOffset() != top {
			t.Errorf("from topic %s: typing left the reader at %d, want %d where the search began", from, m.reader.vp.YOffset(), top)
		}
		m = press(t, m, "enter")
		if m.b.Topics[m.current].ID != "territory" || !strings.HasPrefix(currentMatch(t, m), "Novoross") || !visible(m) {
			t.Errorf("from topic %s: enter lands in %s", from, m.b.Topics[m.current].ID)
		}
	}
	// A topic with a match below the place: enter stays in it.
	m := press(t, embeddedModel(t, 80, 24), "3")
	m = press(t, typeText(t, press(t, m, "/"), "novoross"), "enter")
	if m.current != 2 || m.reader.hl.cur != 0 || m.notice != "" {
		t.Errorf("from Territory: topic %d match %d notice %q", m.current, m.reader.hl.cur, m.notice)
	}
	// Past the last match, enter wraps with the notice.
	m = press(t, embeddedModel(t, 80, 24), "7", "G")
	m = press(t, typeText(t, press(t, m, "/"), "novoross"), "enter")
	if m.b.Topics[m.current].ID != "territory" || !strings.Contains(footerLine(m), "wrapped to the first") {
		t.Errorf("from the end: topic %s, footer %q", m.b.Topics[m.current].ID, footerLine(m))
	}
}

// TestSearchEscFromResults checks that esc in the results list goes back
// to where the search began.
func TestSearchEscFromResults(t *testing.T) {
	m := press(t, embeddedModel(t, 80, 24), "2", "j", "j", "j")
	top := m.reader.vp.YOffset()
	m = press(t, typeText(t, press(t, m, "/"), "novoross"), "tab", "esc")
	if m.focus != focusText || m.current != 1 || m.reader.vp.YOffset() != top {
		t.Errorf("esc from the results: focus %v, topic %d, offset %d; want text, 1, %d", m.focus, m.current, m.reader.vp.YOffset(), top)
	}
	// After a result was opened and the search line opened again there.
	m = press(t, typeText(t, press(t, m, "/"), "novoross"), "enter", "n")
	topic, off := m.current, m.reader.vp.YOffset()
	m = press(t, typeText(t, press(t, m, "/"), "zelensky"), "tab", "j", "j", "esc")
	if m.current != topic || m.reader.vp.YOffset() != off {
		t.Errorf("esc from the results: topic %d offset %d, want %d %d", m.current, m.reader.vp.YOffset(), topic, off)
	}
}

// TestSearchFromSummary checks that n on the summary page starts at the
// first topic, and that the summary is not searched.
func TestSearchFromSummary(t *testing.T) {
	m := press(t, embeddedModel(t, 80, 24), "4", "i")
	m = press(t, typeText(t, press(t, m, "/"), "budapest"), "enter")
	if m.about || m.current != 0 || !strings.EqualFold(currentMatch(t, m), "budapest") {
		t.Errorf("enter from the summary: about %v, topic %d", m.about, m.current)
	}
	m = press(t, m, "i", "n")
	if m.about || m.current != 0 || m.reader.hl.cur != 0 {
		t.Errorf("n from the summary: about %v, topic %d, match %d; want the first topic's first match", m.about, m.current, m.reader.hl.cur)
	}
}

// TestSearchRepeat checks that / then enter on an empty line repeats the
// last search, from the match after the current one.
func TestSearchRepeat(t *testing.T) {
	m := press(t, typeText(t, press(t, embeddedModel(t, 80, 24), "/"), "novoross"), "enter")
	first := m.current
	m = press(t, m, "/", "enter")
	if m.search.query.Text() != "novoross" || m.current != first || m.reader.hl.cur != 1 {
		t.Errorf("/ enter: query %q, topic %d match %d; want novoross, topic %d match 1", m.search.query.Text(), m.current, m.reader.hl.cur, first)
	}
	// After a cancelled search, from the place on, as enter goes.
	m = press(t, m, "/", "esc", "/", "enter")
	if m.search.query.Text() != "novoross" || m.current != first || m.reader.hl.cur < 0 || !visible(m) {
		t.Errorf("/ enter after esc: query %q, topic %d, match %d", m.search.query.Text(), m.current, m.reader.hl.cur)
	}
	// No search yet: nothing happens.
	m = press(t, embeddedModel(t, 80, 24), "/", "enter")
	if m.focus != focusText || !m.search.query.Empty() {
		t.Errorf("/ enter with no history: focus %v, query %q", m.focus, m.search.query.Text())
	}
}

// TestSearchTimelineThenTopic checks that n after a timeline match goes
// on from a topic opened since, and that a timeline match opened from the
// results list is where n goes on from.
func TestSearchTimelineThenTopic(t *testing.T) {
	m := press(t, typeText(t, press(t, embeddedModel(t, 120, 30), "7", "/"), "budapest"), "enter", "n")
	if m.search.event != 0 || !strings.Contains(footerLine(m), "Timeline 1/1") {
		t.Fatalf("n past the last topic's match: event %d, footer %q", m.search.event, footerLine(m))
	}
	m = press(t, m, "5", "n")
	if m.current != 4 || m.search.event >= 0 || m.reader.hl.cur != 0 {
		t.Errorf("n in the topic opened after a timeline match: topic %d, event %d, match %d", m.current, m.search.event, m.reader.hl.cur)
	}
	m = press(t, typeText(t, press(t, m, "/"), "zelensky"), "tab")
	i := slices.IndexFunc(m.results.matches, func(mt search.Match) bool { return mt.Topic == "" })
	events := len(m.results.matches) - i
	m = press(t, press(t, m, strings.Split(strings.Repeat("j", i), "")...), "enter", "n")
	if m.search.event != 1 || !strings.Contains(footerLine(m), fmt.Sprintf("Timeline 2/%d", events)) {
		t.Errorf("n after the first timeline result: event %d, footer %q", m.search.event, footerLine(m))
	}
}

// TestSearchExcerpts checks, on the built-in briefing, a word found only
// in excerpts, which the running text hides: the search line, the
// here-count, n and the results list count its matches alike; n lands on
// the citation's marker, highlighted, and the status line says the match
// is in its excerpt; enter in the results list opens the topic at the
// marker.
func TestSearchExcerpts(t *testing.T) {
	const word = "informed" // in six excerpts, in no running text
	list := press(t, typeText(t, press(t, embeddedModel(t, 120, 30), "/"), word), "tab")
	ms := list.results.matches
	if len(ms) != 6 {
		t.Fatalf("the results list has %d matches of %q, want 6", len(ms), word)
	}
	for i, mt := range ms {
		if _, ok := list.ix.Excerpt(mt); !ok {
			t.Errorf("result %d is not in an excerpt", i)
		}
	}
	if v := list.View().Content; !strings.Contains(ansi.Strip(v), "excerpt [1]: On January 23, he informed") {
		t.Errorf("the results list does not show the excerpt as such:\n%s", ansi.Strip(v))
	}

	m := press(t, typeText(t, press(t, embeddedModel(t, 120, 30), "/"), word), "enter")
	if got, want := footerLine(m), listed(ms); !strings.Contains(got, want) {
		t.Errorf("search line %q, want %q as the results list has it", got, want)
	}
	id := m.b.Topics[m.current].ID
	inTopic := 0
	for _, mt := range ms {
		if mt.Topic == id {
			inTopic++
		}
	}
	if m.reader.hl.count() != inTopic || inTopic == 0 {
		t.Errorf("%s: %d here, the results list %d", id, m.reader.hl.count(), inTopic)
	}
	if got := currentMatch(t, m); got != "[1]" || !visible(m) {
		t.Errorf("enter lands on %q, want the marker [1] on screen", got)
	}
	if got := footerLine(m); !strings.Contains(got, "1/1 here · in excerpt [1]") {
		t.Errorf("status line %q, want it to say the match is in the excerpt of [1]", got)
	}
	if strings.Contains(ansi.Strip(strings.Join(m.reader.lines, "\n")), word) {
		t.Error("the excerpt shows in the running text")
	}
	walk := stops(t, m)
	if len(walk) != len(ms) || len(walk) != m.search.counts.Total {
		t.Errorf("n visits %d, the results list has %d, the count is %d: %q", len(walk), len(ms), m.search.counts.Total, walk)
	}
	for _, w := range walk {
		if !strings.HasSuffix(w, ":[1]") && !strings.Contains(w, "excerpt of [1]") {
			t.Errorf("stop %q is not the marker of the excerpt", w)
		}
	}

	// enter on each result opens its topic at the marker.
	for i, mt := range ms {
		if mt.Topic == "" {
			continue
		}
		keys := append(strings.Split(strings.Repeat("j", i), ""), "enter")
		o := press(t, list, keys...)
		if o.b.Topics[o.current].ID != mt.Topic || o.reader.hl.cur != mt.N || currentMatch(t, o) != "[1]" || !visible(o) {
			t.Errorf("result %d: topic %s match %d, want %s match %d on its marker", i, o.b.Topics[o.current].ID, o.reader.hl.cur, mt.Topic, mt.N)
		}
	}
}

// TestSearchExcerptCountsEveryTopic checks, in every topic of the
// built-in briefing and a synthetic one, that the reader finds on screen as many matches as
// the index counts there, for words of the excerpts: each excerpt's
// marker is found where the index places the excerpt.
func TestSearchExcerptCountsEveryTopic(t *testing.T) {
	checkExcerptCounts(t, embeddedModel(t, 100, 30))
	// A synthetic briefing: citations in lists, tables and headings.
	dir := t.TempDir()
	if err := synth.Generate(dir, 6, 6*3000, 7); err != nil {
		t.Fatal(err)
	}
	b, err := briefing.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	checkExcerptCounts(t, send(t, New(b, Options{Style: render.Dark}), sizeMsg(100, 30)))
}

// checkExcerptCounts compares, in each topic of base's briefing, the
// matches on screen with the index's count, for words of the excerpts.
func checkExcerptCounts(t *testing.T, base Model) {
	t.Helper()
	ix := search.NewIndex(base.b)
	seen := map[string]bool{}
	var queries []string
	for i := range ix.Len() {
		d := ix.Doc(i)
		if !d.Excerpts {
			continue
		}
		for line := range strings.Lines(d.Text) {
			long := ""
			for _, w := range strings.Fields(line) {
				if w = strings.Trim(strings.ToLower(w), `.,;:"“”'’()`); len(w) > len(long) {
					long = w
				}
			}
			// Not a hyphenated word: the renderer may wrap it at the
			// hyphen, which a query without a space does not match across.
			if !seen[long] && !strings.Contains(long, "-") && len(queries) < 40 {
				seen[long] = true
				queries = append(queries, long)
			}
		}
	}
	excerpts := 0
	for ti, tp := range base.b.Topics {
		m := press(t, base, fmt.Sprint(ti+1))
		for _, q := range queries {
			// Typing finds the matches of the topic shown, and stays.
			s := typeText(t, press(t, m, "/"), q)
			want := s.search.counts.ByTopic[tp.ID]
			if got := s.reader.hl.count(); got != want {
				t.Errorf("%s /%s: %d here, the index counts %d", tp.ID, q, got, want)
			}
			for _, mk := range s.reader.hl.excerpt {
				if mk != "" {
					excerpts++
				}
			}
		}
	}
	if excerpts < len(queries) {
		t.Errorf("only %d matches in excerpts for %d queries: the test proves little", excerpts, len(queries))
	}
}

// TestSearchHighlightKeepsText checks that highlighting never changes
// the text: matches may share cells (two matches in the excerpts of one
// citation share its marker; a match of "1" in the marker [1] and one in
// its excerpt), and each cell is drawn once.
func TestSearchHighlightKeepsText(t *testing.T) {
	for _, q := range []string{"the", "1", "a", "ready"} {
		for ti := range 7 {
			m := typeText(t, press(t, embeddedModel(t, 100, 30), fmt.Sprint(ti+1), "/"), q)
			hl := m.reader.hl
			shared := false
			for i := 1; i < len(hl.spans); i++ {
				a, b := hl.spans[i-1], hl.spans[i]
				shared = shared || a.line == b.line && b.start < a.end
			}
			for _, cur := range []int{-1, 0, hl.count() - 1} {
				hl.cur = cur
				for i, l := range m.reader.lines {
					if got, want := ansi.Strip(hl.apply(i, l)), ansi.Strip(l); got != want {
						t.Fatalf("/%s in topic %d, current %d, line %d: highlighted %q, was %q", q, ti+1, cur, i, got, want)
					}
				}
			}
			if q == "the" && ti == 0 && !shared {
				t.Errorf("/the in topic 1: no two matches share cells; the test proves less")
			}
		}
	}
}
