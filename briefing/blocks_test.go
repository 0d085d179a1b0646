package briefing

import (
	"strings"
	"testing"
)

func TestBlocks(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string // each block's text, "item:" before an item's, "lead:" before a lead-in's
	}{
		{"paragraphs", "One\nline two.\n\nThree.\n", []string{"One\nline two.", "Three."}},
		{"nested items after their parent", "- a\n  - b\n- c\n", []string{"item:a", "item:b", "item:c"}},
		{"an item of two paragraphs", "- a:\n\n  more\n", []string{"item:a:\n\n  more"}},
		{"a lead-in", "Intro:\n\n1. one\n", []string{"lead:Intro:", "item:one"}},
		{"no blocks in headings, code and quotes", "## H\n\n```\ncode\n```\n\n> quote\n\n| a |\n|---|\n| b |\n", nil},
		{"too deep", strings.Repeat(" ", maxIndent+1) + "x\n\nText.\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, b := range Blocks(tt.body) {
				s := tt.body[b.Start:b.End]
				if b.LeadIn {
					s = "lead:" + s
				}
				if b.Item {
					s = "item:" + s
				}
				got = append(got, s)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Blocks = %q, want %q", got, tt.want)
			}
		})
	}
}
