package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"brief/internal/testkit/patho"
)

func TestFlatten(t *testing.T) {
	deep := strings.Repeat(" ", 12)
	tests := []struct {
		name, in, want string
	}{
		{"shallow", "- a\n  - b\n    - c\n", "- a\n  - b\n    - c\n"},
		{"deep item", "- a\n" + deep + "- z\n", "- a\n" + strings.Repeat(" ", 8) + "- z\n"},
		{"tabs", "\t\t\t- z\n", strings.Repeat(" ", 8) + "- z\n"},
		{"no final newline", deep + "z", strings.Repeat(" ", 8) + "z"},
		{"fenced code kept", "```\n" + deep + "code\n```\n" + deep + "z\n", "```\n" + deep + "code\n```\n" + strings.Repeat(" ", 8) + "z\n"},
		{"blank lines", deep + "\n", deep + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := flatten(tt.in, 8); got != tt.want {
				t.Errorf("flatten(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestDeepListsStayReadable renders lists nested 50 deep: the deepest
// items keep their words on one line instead of one letter to a line, and
// no line is wider than the width.
func TestDeepListsStayReadable(t *testing.T) {
	md := patho.Cases()[4].Body()
	for _, style := range []Style{Dark, NoTTY} {
		for _, width := range []int{40, 89} {
			out, err := Markdown(md, style, width)
			if err != nil {
				t.Fatal(err)
			}
			out = ansi.Strip(out)
			for _, want := range []string{"Level 50 of", "A paragraph between"} {
				if !strings.Contains(out, want) {
					t.Errorf("%v at %d: no line holds %q", style, width, want)
				}
			}
			for _, l := range strings.Split(out, "\n") {
				if w := ansi.StringWidth(l); w > width {
					t.Errorf("%v at %d: line of width %d: %q", style, width, w, l)
					break
				}
			}
		}
	}
}
