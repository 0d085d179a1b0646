package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"brief/briefing"
	"brief/internal/render"
)

// helpBoxLines returns the lines of the help box on screen, borders
// included, and its width.
func helpBoxLines(t *testing.T, m Model) ([]string, int) {
	t.Helper()
	var box []string
	width := -1
	for _, l := range screenLines(m) {
		i, j := strings.IndexAny(l, "╭│╰"), strings.LastIndexAny(l, "╮│╯")
		if i < 0 || j <= i || !strings.ContainsAny(l, "╭╮╰╯") && (strings.Count(l, "│") < 2) {
			continue
		}
		line := l[i : j+len("╮")]
		if strings.HasPrefix(line, "╭") {
			width = ansi.StringWidth(line)
		}
		box = append(box, line)
	}
	if width < 0 {
		t.Fatalf("no help box on screen:\n%s", plain(m))
	}
	return box, width
}

// helpText is the help box's text, its lines joined with spaces.
func helpText(t *testing.T, m Model) string {
	box, _ := helpBoxLines(t, m)
	var words []string
	for _, l := range box {
		words = append(words, strings.Fields(strings.Trim(l, "│╭╮╰╯─ "))...)
	}
	return strings.Join(words, " ")
}

func TestHelpKeepsOneWidthWhileScrolling(t *testing.T) {
	for _, size := range [][2]int{{80, 10}, {60, 12}, {100, 9}} {
		m := press(t, newTestModel(t, render.NoTTY, size[0], size[1]), "?")
		_, first := helpBoxLines(t, m)
		for range 8 {
			m = press(t, m, "j")
			if _, w := helpBoxLines(t, m); w != first {
				t.Errorf("at %dx%d the help is %d wide, then %d after scrolling (offset %d)", size[0], size[1], first, w, m.helpOffset)
			}
		}
	}
}

func TestHelpWrapsLongLines(t *testing.T) {
	b := testBriefing(t)
	long := "a problem described at such length that its message cannot fit on one line of an eighty column help box and must wrap to the next"
	b.Diagnostics = append(b.Diagnostics, briefing.Diagnostic{Pos: briefing.Pos{File: "topics/x.md", Line: 3, Col: 1}, Message: long})
	for _, w := range []int{40, 60, 80} {
		// Tall enough for the whole help at 40 columns, one column a row.
		m := press(t, send(t, New(b, Options{Style: render.NoTTY}), sizeMsg(w, 100)), "?")
		text := helpText(t, m)
		if strings.Contains(text, "…") {
			t.Errorf("at %d columns the help cuts a line:\n%s", w, plain(m))
		}
		if !strings.Contains(text, long) {
			t.Errorf("at %d columns the help lacks the whole problem %q:\n%s", w, long, plain(m))
		}
		for _, kb := range m.keys.allBindings() {
			// A disabled binding (esc back to a library) is not listed.
			if d := kb.Help().Desc; kb.Enabled() && !strings.Contains(text, d) {
				t.Errorf("at %d columns the help lacks %q whole:\n%s", w, d, plain(m))
			}
		}
	}
}

func TestHelpListsNextMatchAlways(t *testing.T) {
	m := press(t, newTestModel(t, render.NoTTY, 100, 40), "?")
	text := helpText(t, m)
	for _, want := range []string{"n next match (after a search)", "N previous match (after a search)"} {
		if !strings.Contains(text, want) {
			t.Errorf("help before a search lacks %q:\n%s", want, plain(m))
		}
	}
}
