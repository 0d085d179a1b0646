package ui

import (
	"strings"
	"testing"
)

// TestBlockStartNumberInText: a wrapped line of a paragraph that starts
// with a number and a full stop ("2023. A") is not a numbered item, so
// the claim starts with its paragraph; items of a list still start at
// their own bullets.
func TestBlockStartNumberInText(t *testing.T) {
	lines := []string{
		"  Residents describe the ban as the third disruption, after the ring road in",
		"  2023. A petition has gathered names [1].",
		"",
		"  1. First item, long enough to wrap onto",
		"     a second line [2].",
		"  2. Second item [3].",
		"  • A bullet item [4].",
		"  • 1999. Another, which starts with a year [5].",
	}
	p := joinLines(lines)
	for _, tt := range []struct{ marker, start string }{
		{"[1]", "Residents describe"},
		{"[2]", "First item"},
		{"[3]", "Second item"},
		{"[4]", "A bullet item"},
		{"[5]", "1999. Another"},
	} {
		off := strings.Index(p.text, tt.marker)
		got := blockStart(p, off, 0)
		if !strings.HasPrefix(p.text[got:], tt.start) {
			t.Errorf("the claim of %s starts at %q, want %q", tt.marker, p.text[got:min(got+20, len(p.text))], tt.start)
		}
	}
}
