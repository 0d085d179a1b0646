package briefing

import (
	"reflect"
	"testing"
)

func claimsBriefing() *Briefing {
	return &Briefing{Sources: []Source{
		{ID: "a", Outlet: "Reuters"},
		{ID: "b", Outlet: "reuters "},
		{ID: "c", Outlet: "unnamed outlet"},
		{ID: "d", Outlet: ""},
		{ID: "e", Outlet: "AP"},
	}}
}

// claimText is what the test compares: the claim's text, its citations'
// indexes, its sources and outlets.
type claimText struct {
	text    string
	cites   []int
	sources []string
	outlets int
}

func TestClaims(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []claimText
	}{
		{"none", "No citations at all.\n", nil},
		{"paragraph", "One claim [@a]. Same claim [@e].\n",
			[]claimText{{"One claim [@a]. Same claim [@e].", []int{0, 1}, []string{"a", "e"}, 2}}},
		{"two paragraphs", "First [@a].\n\nUncited.\n\nThird [@c; @d].\n",
			[]claimText{
				{"First [@a].", []int{0}, []string{"a"}, 1},
				{"Third [@c; @d].", []int{1}, []string{"c", "d"}, 2},
			}},
		{"one outlet twice", "Both Reuters [@a; @b].\n",
			[]claimText{{"Both Reuters [@a; @b].", []int{0}, []string{"a", "b"}, 1}}},
		{"unnamed outlets are distinct", "Two unnamed [@c] [@d] [@c].\n",
			[]claimText{{"Two unnamed [@c] [@d] [@c].", []int{0, 1, 2}, []string{"c", "d"}, 2}}},
		{"unknown source", "Ghost [@zz; @a].\n",
			[]claimText{{"Ghost [@zz; @a].", []int{0}, []string{"a"}, 1}}},
		{"list items and sub-items", "- Item [@a]:\n  - sub [@c]\n  - sub two\n- Last [@e]\n",
			[]claimText{
				{"Item [@a]:", []int{0}, []string{"a"}, 1},
				{"sub [@c]", []int{1}, []string{"c"}, 1},
				{"Last [@e]", []int{2}, []string{"e"}, 1},
			}},
		{"item with two paragraphs", "- First part.\n\n  Second [@a].\n",
			[]claimText{{"First part.\n\n  Second [@a].", []int{0}, []string{"a"}, 1}}},
		{"heading and table are no claims", "## Head [@a]\n\n| x |\n|---|\n| y [@b] |\n\nText [@e].\n",
			[]claimText{{"Text [@e].", []int{2}, []string{"e"}, 1}}},
		{"quote is no claim", "> Quoted [@a].\n",
			nil},
	}
	b := claimsBriefing()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			topic := &Topic{Body: tt.body, Citations: ScanCitations(tt.body)}
			var got []claimText
			for _, c := range b.Claims(topic) {
				got = append(got, claimText{tt.body[c.Start:c.End], c.Cites, c.Sources, c.Outlets})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Claims:\ngot  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestOutlets(t *testing.T) {
	tests := []struct {
		name string
		ids  []string
		want int
	}{
		{"none", nil, 0},
		{"one", []string{"a"}, 1},
		{"same outlet, other case and space", []string{"a", "b"}, 1},
		{"two unnamed", []string{"c", "d"}, 2},
		{"unnamed and named", []string{"a", "c", "e"}, 3},
		{"unknown id", []string{"zz"}, 0},
	}
	b := claimsBriefing()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := b.Outlets(tt.ids); got != tt.want {
				t.Errorf("Outlets(%q) = %d, want %d", tt.ids, got, tt.want)
			}
		})
	}
}

func TestProvenance(t *testing.T) {
	b := claimsBriefing()
	b.Sources[0].Date = Date{2026, 1, 8}
	b.Sources[1].Date, b.Sources[1].DateNote = Date{2026, 1, 0}, "inferred"
	b.Sources[2].Date, b.Sources[2].DateNote = Date{2026, 1, 25}, "inferred"
	b.Sources = append(b.Sources, Source{ID: "a", Outlet: "duplicate id"})
	body := "One [@a].\n\nTwo [@a; @e].\n\n- Three [@c] [@d]\n"
	b.Topics = []*Topic{{Body: body, Citations: ScanCitations(body)}}
	want := Provenance{Sources: 5, Outlets: 4,
		First: Date{2026, 1, 0}, FirstInferred: true,
		Last: Date{2026, 1, 25}, LastInferred: true,
		Claims: 3, Corroborated: 2}
	if got := b.Provenance(); got != want {
		t.Errorf("Provenance:\ngot  %+v\nwant %+v", got, want)
	}
}

func TestClaimText(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"markers", "Talks **resumed** [@a; @e], then *stalled* [see @c, p. 3].\n", "Talks resumed [1, 5], then stalled [see 3, p. 3]."},
		{"escapes and code", "A \\*literal\\* star and `code` [@a].\n", "A *literal* star and code [1]."},
		{"snake_case stays", "The file_name field [@a].\n", "The file_name field [1]."},
		{"wrapped item", "- First line\n  goes on [@d].\n", "First line goes on [4]."},
		{"hostile", "Bad \x1b[31m text [@a].\n", "Bad \u241b[31m text [1]."},
	}
	b := claimsBriefing()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			topic := &Topic{Body: tt.body, Citations: ScanCitations(tt.body)}
			cs := b.Claims(topic)
			if len(cs) != 1 {
				t.Fatalf("%d claims, want 1", len(cs))
			}
			if got := b.ClaimText(topic, cs[0]); got != tt.want {
				t.Errorf("ClaimText = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestReference(t *testing.T) {
	tests := []struct {
		name string
		s    Source
		want string
	}{
		{"full", Source{ID: "x", Outlet: "Reuters", Author: "Ann Lee", Title: "Talks resume",
			Date: Date{2026, 1, 25}, DateNote: "inferred", Kind: KindNews, URL: "https://example.com/a"},
			`Reuters, by Ann Lee, “Talks resume”, 25 January 2026 (inferred); news; https://example.com/a`},
		{"only an id", Source{ID: "x"}, "x"},
		{"hostile outlet", Source{ID: "x", Outlet: "Evil\x1b]52;c;Zm9v\x07"}, "Evil\u241b]52;c;Zm9v\u2407"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.s.Reference(); got != tt.want {
				t.Errorf("Reference = %q, want %q", got, tt.want)
			}
		})
	}
}
