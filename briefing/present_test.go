package briefing

import (
	"strings"
	"testing"
)

// topicWith builds a topic whose citations are found by scanning body for
// [@...] groups, as the loader records them.
func topicWith(body string) *Topic {
	t := &Topic{ID: "t", Body: body}
	for i := 0; i < len(body); {
		start := strings.Index(body[i:], "[@")
		if start < 0 {
			break
		}
		start += i
		end := strings.IndexByte(body[start:], ']')
		if end < 0 {
			break
		}
		end += start + 1
		var keys []string
		for _, k := range strings.Split(body[start+1:end-1], ";") {
			keys = append(keys, strings.TrimPrefix(strings.TrimSpace(k), "@"))
		}
		t.Citations = append(t.Citations, Citation{Keys: keys, Start: start, End: end})
		i = end
	}
	return t
}

func TestCited(t *testing.T) {
	b := &Briefing{Sources: []Source{
		{ID: "a", Outlet: "Reuters", Title: "Talks resume", Date: Date{2026, 1, 25}},
		{ID: "b", Outlet: "BBC", Title: "What [we] know", Date: Date{Year: 2026, Month: 2}, DateNote: "inferred"},
		{ID: "c", Title: "Untitled *memo*"},
	}}
	tests := []struct {
		name     string
		body     string
		want     string
		wantRefs []string
	}{
		{
			name: "no citations",
			body: "Plain text.\n",
			want: "Plain text.\n",
		},
		{
			name: "numbered by first appearance",
			body: "One [@b]. Two [@a; @b]. Three [@a].\n",
			want: "One \\[1\\]. Two \\[2, 1\\]. Three \\[2\\].\n\n## Sources\n\n" +
				"1. BBC, *What \\[we\\] know*, February 2026 (inferred)\n" +
				"2. Reuters, *Talks resume*, 25 January 2026\n",
			wantRefs: []string{"b", "a"},
		},
		{
			name:     "unknown id stays visible",
			body:     "Claim [@nope; @c].",
			want:     "Claim \\[?nope, 1\\].\n\n## Sources\n\n1. *Untitled \\*memo\\**\n",
			wantRefs: []string{"c"},
		},
		{
			name:     "duplicate key in a group counts once",
			body:     "X [@a; @a].",
			want:     "X \\[1\\].\n\n## Sources\n\n1. Reuters, *Talks resume*, 25 January 2026\n",
			wantRefs: []string{"a"},
		},
		{
			name: "only unknown ids: no sources section",
			body: "Y [@zz_top].",
			want: "Y \\[?zz\\_top\\].",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, refs := b.Cited(topicWith(tt.body))
			if got != tt.want {
				t.Errorf("Cited text:\n got %q\nwant %q", got, tt.want)
			}
			var ids []string
			for _, r := range refs {
				ids = append(ids, r.ID)
			}
			if strings.Join(ids, ",") != strings.Join(tt.wantRefs, ",") {
				t.Errorf("refs = %v, want %v", ids, tt.wantRefs)
			}
		})
	}
}

func TestCitedBadOffsets(t *testing.T) {
	b := &Briefing{Sources: []Source{{ID: "a", Outlet: "AP"}}}
	top := &Topic{Body: "abc [@a] def", Citations: []Citation{
		{Keys: []string{"a"}, Start: 4, End: 8},
		{Keys: []string{"a"}, Start: 6, End: 100}, // past the end
		{Keys: []string{"a"}, Start: 2, End: 3},   // overlaps the first
	}}
	got, refs := b.Cited(top)
	want := "abc \\[1\\] def\n\n## Sources\n\n1. AP\n"
	if got != want || len(refs) != 1 {
		t.Errorf("got %q (%d refs), want %q", got, len(refs), want)
	}
}

func TestAbout(t *testing.T) {
	b := &Briefing{
		Title:    "Talks",
		Subtitle: "What was *agreed*",
		AsOf:     Date{Year: 2026, Month: 1, Day: 25},
		Summary:  "Second source first [@b]; then both [@a; @b]. Unknown [@zz].",
		Sources: []Source{
			{ID: "a", Outlet: "Outlet A", Title: "First", Author: "Ann", Kind: KindNews, URL: "https://a.example/x"},
			{ID: "b", Outlet: "Outlet B", Title: "Second", Date: Date{Year: 2026, Month: 1}, DateNote: "inferred"},
		},
	}
	want := `# Talks

*What was \*agreed\**

As of 25 January 2026.

Second source first \[2\]; then both \[1, 2\]. Unknown \[?zz\].

## Sources

1. Outlet A, *First*; by Ann; news; https://a\.example/x
1. Outlet B, *Second*, January 2026 (inferred)
`
	if got := b.About(); got != want {
		t.Errorf("About() =\n%s\nwant\n%s", got, want)
	}
}
