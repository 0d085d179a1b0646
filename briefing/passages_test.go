package briefing

import (
	"reflect"
	"testing"
)

func TestPassages(t *testing.T) {
	b := claimsBriefing()
	bodies := []string{
		"First [@a, \"the first\"].\n\nBoth [@e; @a].\n",
		"## Head [@a]\n\nNone of a here [@e].\n\n- Item [@c] and a [@a, \"bad \x1bM excerpt\"]\n",
		"Nothing cited.\n",
	}
	for i, body := range bodies {
		b.Topics = append(b.Topics, &Topic{ID: string(rune('x' + i)), Body: body, Citations: ScanCitations(body)})
	}
	tests := []struct {
		id   string
		want []Passage
	}{
		{"a", []Passage{
			{Topic: 0, Cite: 0, Claim: 0, Text: "First [1].", Excerpt: "the first"},
			{Topic: 0, Cite: 1, Claim: 1, Text: "Both [1, 5]."},
			{Topic: 1, Cite: 0, Claim: -1, Text: "## Head [1]"},
			{Topic: 1, Cite: 3, Claim: 1, Text: "Item [3] and a [1]", Excerpt: "bad \u241bM excerpt"},
		}},
		{"e", []Passage{
			{Topic: 0, Cite: 1, Claim: 1, Text: "Both [1, 5]."},
			{Topic: 1, Cite: 1, Claim: 0, Text: "None of a here [5]."},
		}},
		{"zz", nil},
	}
	counts := b.CitationCounts()
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			got := b.Passages(tt.id)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Passages(%q):\ngot  %+v\nwant %+v", tt.id, got, tt.want)
			}
			// One row for each citation CitationCounts counts.
			if n := counts[tt.id].Total; n != len(got) {
				t.Errorf("%d passages, CitationCounts says %d", len(got), n)
			}
		})
	}
}

func TestDoubtedClaims(t *testing.T) {
	b := claimsBriefing()
	body := "Only a [@a].\n\nA and e [@a; @e].\n\n- Only c [@c]\n- a twice [@a] [@a]\n- unknown [@zz]\n"
	b.Topics = []*Topic{{ID: "x", Body: body, Citations: ScanCitations(body)}}
	tests := []struct {
		name    string
		doubted []string
		want    int
	}{
		{"none", nil, 0},
		{"a", []string{"a"}, 2},
		{"a and e", []string{"a", "e"}, 3},
		{"c", []string{"c"}, 1},
		{"unknown id", []string{"zz"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := map[string]bool{}
			for _, id := range tt.doubted {
				set[id] = true
			}
			if got := b.DoubtedClaims(func(id string) bool { return set[id] }); got != tt.want {
				t.Errorf("DoubtedClaims(%v) = %d, want %d", tt.doubted, got, tt.want)
			}
		})
	}
}
