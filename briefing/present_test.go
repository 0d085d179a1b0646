package briefing

import (
	"strings"
	"testing"
)

// topicWith builds a topic whose citations are found as the loader finds
// them.
func topicWith(body string) *Topic {
	return &Topic{ID: "t", Body: body, Citations: ScanCitations(body)}
}

func TestCited(t *testing.T) {
	b := &Briefing{Sources: []Source{
		{ID: "a", Outlet: "Reuters", Title: "Talks resume", Date: Date{2026, 1, 25}},
		{ID: "b", Outlet: "BBC", Title: "What [we] know", Date: Date{Year: 2026, Month: 2}, DateNote: "inferred"},
		{ID: "c", Title: "Untitled *memo*"},
		{ID: "d", Outlet: "AP", Author: "Ann Lee", Title: "Paris", Kind: KindNews, URL: "https://ap.example/p"},
		{ID: "e", Outlet: "AFP"},
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
			name: "numbered in the order of sources, not of appearance",
			body: "One [@b]. Two [@a; @b]. Three [@a].\n",
			want: "One \\[2\\]. Two \\[1–2\\]. Three \\[1\\].\n\n## Sources\n\n" +
				"1. Reuters, *Talks resume*, 25 January 2026\n" +
				"2. BBC, *What \\[we\\] know*, February 2026 (inferred)\n",
			wantRefs: []string{"a", "b"},
		},
		{
			name: "sorted and compressed",
			body: "X [@a; @e; @d]. Y [@c; @b]. Z [@e; @a; @c].",
			want: "X \\[1, 4–5\\]. Y \\[2–3\\]. Z \\[1, 3, 5\\].\n\n## Sources\n\n" +
				"1. Reuters, *Talks resume*, 25 January 2026\n" +
				"2. BBC, *What \\[we\\] know*, February 2026 (inferred)\n" +
				"3. *Untitled \\*memo\\**\n" +
				"4. AP, by Ann Lee, *Paris*; news; <https://ap.example/p>\n" +
				"5. AFP\n",
			wantRefs: []string{"a", "b", "c", "d", "e"},
		},
		{
			name: "a gap in the numbers starts a new list",
			body: "X [@e; @a; @b].",
			want: "X \\[1–2, 5\\].\n\n## Sources\n\n" +
				"1. Reuters, *Talks resume*, 25 January 2026\n" +
				"2. BBC, *What \\[we\\] know*, February 2026 (inferred)\n" +
				"\n5) AFP\n",
			wantRefs: []string{"a", "b", "e"},
		},
		{
			name:     "prefix and locator kept",
			body:     "X [see @d, p. 3]. Y [@a, p. 3]. Z [@b; see also @a, ch. 2]. W [@c; @b; see @d; @e; @a].",
			want:     "X \\[see 4, p\\. 3\\]. Y \\[1, p\\. 3\\]. Z \\[2; see also 1, ch\\. 2\\]. W \\[2–3; see 4; 1, 5\\].\n\n## Sources\n\n",
			wantRefs: []string{"a", "b", "c", "d", "e"},
		},
		{
			name:     "unknown id stays visible",
			body:     "Claim [@nope; @c].",
			want:     "Claim \\[3, ?nope\\].\n\n## Sources\n\n3. *Untitled \\*memo\\**\n",
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
			if strings.HasSuffix(tt.want, "## Sources\n\n") {
				got, _, _ = strings.Cut(got, "## Sources\n\n")
				got += "## Sources\n\n"
			}
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

// TestOneNumberPerSource checks that a source has the same number in a
// topic, in its source list and on the summary page, and is listed the
// same way in both lists.
func TestOneNumberPerSource(t *testing.T) {
	b := &Briefing{
		Summary: "Outline [@a; @paris].",
		Sources: []Source{
			{ID: "a", Outlet: "A"}, {ID: "b", Outlet: "B"}, {ID: "c", Outlet: "C"},
			{ID: "paris", Outlet: "Le Monde", Author: "Ann", Title: "Paris", Date: Date{Year: 2026, Month: 1}, DateNote: "inferred", Kind: KindNews, URL: "https://lm.example/p"},
		},
	}
	topic, _ := b.Cited(topicWith("Bottom line [@paris]. Also [@c]."))
	about := b.About()
	entry := "4. Le Monde, by Ann, *Paris*, January 2026 (inferred); news; <https://lm.example/p>\n"
	for _, want := range []string{"Bottom line \\[4\\]", "Also \\[3\\]", "\n" + entry} {
		if !strings.Contains(topic, want) {
			t.Errorf("topic lacks %q:\n%s", want, topic)
		}
	}
	for _, want := range []string{"Outline \\[1, 4\\]", "\n" + entry} {
		if !strings.Contains(about, want) {
			t.Errorf("summary page lacks %q:\n%s", want, about)
		}
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

Second source first \[2\]; then both \[1–2\]. Unknown \[?zz\].

## Sources

1. Outlet A, by Ann, *First*; news; <https://a.example/x>
2. Outlet B, *Second*, January 2026 (inferred)
`
	if got := b.About(); got != want {
		t.Errorf("About() =\n%s\nwant\n%s", got, want)
	}
}

func TestURLText(t *testing.T) {
	for in, want := range map[string]string{
		"https://a.example/x?q=1":  "<https://a.example/x?q=1>",
		"mailto:ed@a.example":      "<mailto:ed@a.example>",
		"https://a.example/x y":    `https://a\.example/x y`,
		"https://a.example/<b>":    `https://a\.example/\<b\>`,
		"javascript:alert(1)":      `javascript:alert\(1\)`,
		"ftp://a.example/file.txt": `ftp://a\.example/file\.txt`,
	} {
		if got := urlText(in); got != want {
			t.Errorf("urlText(%q) = %q, want %q", in, got, want)
		}
	}
}
