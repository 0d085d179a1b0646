package ui

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"brief/internal/render"
	"brief/internal/state"
)

// TestGolden compares whole screens with testdata/TestGolden/*.golden;
// go test ./ui -run Golden -update rewrites them. The dark screens keep
// their escape sequences (they test the styles); the colourless ones are
// stripped to test the layout. The light ones, at 80x24, keep theirs too.
func TestGolden(t *testing.T) {
	screens := []struct {
		name string
		keys []string
	}{
		{"first", nil},
		{"third-scrolled", []string{"3", "j", "j", "j"}},
		{"help", []string{"?"}},
		{"list-focused", []string{"t", "j"}},
		{"search", []string{"/", "b", "r", "i", "d", "g", "e"}},
		{"search-results", []string{"/", "b", "r", "i", "d", "g", "e", "tab"}},
		{"finder", []string{":", "p", "e", "o"}},
		{"summary", []string{"i"}},
		{"timeline", []string{"T"}},
		{"timeline-filtered", []string{"3", "T", "f", "j"}},
		{"timeline-help", []string{"T", "?"}},
		{"people", []string{"a"}},
		{"people-passages", []string{"a", "j", "enter"}},
		{"people-filtered", []string{"a", "/", "d", "i", "r"}},
		{"card", []string{"c", "c", "c", "enter"}},
		{"sources", []string{"4", "s"}},
		{"sources-passages", []string{"s", "j", "enter"}},
		{"sources-doubted", []string{"s", "x", "j"}},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		styles := []render.Style{render.Dark, render.NoTTY}
		if size[0] == 80 {
			styles = append(styles, render.Light)
		}
		for _, style := range styles {
			for _, s := range screens {
				name := fmt.Sprintf("%dx%d-%v-%s", size[0], size[1], style, s.name)
				t.Run(name, func(t *testing.T) {
					m := press(t, newTestModel(t, style, size[0], size[1]), s.keys...)
					out := m.View().Content
					if style == render.NoTTY {
						out = ansi.Strip(out)
					}
					golden.RequireEqual(t, out)
				})
			}
		}
	}
}

// TestReadmeKeyTable keeps the README's key table in step with the key
// bindings; with -update it rewrites the table.
func TestReadmeKeyTable(t *testing.T) {
	const start, end = "<!-- keys:start -->\n", "<!-- keys:end -->"
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	i, j := strings.Index(text, start), strings.Index(text, end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the %q ... %q markers", strings.TrimSpace(start), end)
	}
	want := "\n" + KeyTable() + "\n"
	if got := text[i+len(start) : j]; got != want {
		if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
			text = text[:i+len(start)] + want + text[j:]
			if err := os.WriteFile("../README.md", []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("README key table is out of date (go test ./ui -run ReadmeKeyTable -update):\ngot:\n%s\nwant:\n%s", got, want)
	}
}

// TestMarksGolden compares the screens of the bookmarks view and of a
// topic changed since it was read, as TestGolden does.
func TestMarksGolden(t *testing.T) {
	screens := []struct {
		name  string
		state bool // read before, with a topic changed since
		keys  []string
	}{
		{"bookmarks-empty", false, []string{"'"}},
		{"bookmarks", false, []string{"3", "G", "m", "1", "j", "j", "j", "j", "j", "m", "'", "j"}},
		{"changed", true, []string{"3", "U"}},
		{"changed-list", true, []string{"3", "t"}},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, style := range []render.Style{render.Dark, render.NoTTY} {
			for _, s := range screens {
				name := fmt.Sprintf("%dx%d-%v-%s", size[0], size[1], style, s.name)
				t.Run(name, func(t *testing.T) {
					b := testBriefing(t)
					var store *state.Store
					if s.state {
						var id, old string
						b, id, old, _ = editedBriefing(t)
						store = readBefore(t, b, map[string]string{id: old, b.Topics[0].ID: b.Topics[0].Body})
					}
					m := press(t, started(t, New(b, Options{Style: style, State: store}), size[0], size[1]), s.keys...)
					out := m.View().Content
					if style == render.NoTTY {
						out = ansi.Strip(out)
					}
					golden.RequireEqual(t, out)
				})
			}
		}
	}
}
