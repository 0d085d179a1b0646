package ui

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"brief/briefing"
	"brief/internal/render"
	"brief/internal/testkit/hostile"
)

// hostileBriefings loads the hostile corpus: control sequences in every
// field, in file names and in the directory's own name.
func hostileBriefings(t *testing.T) map[string]*briefing.Briefing {
	t.Helper()
	dir, single := hostile.Copy(t)
	out := map[string]*briefing.Briefing{}
	for name, p := range map[string]string{"dir": dir, "single": single} {
		b, err := briefing.Load(p)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(b.Topics) < 3 || len(b.Diagnostics) == 0 {
			t.Fatalf("%s: %d topics, %d diagnostics: the corpus did not load as expected", name, len(b.Topics), len(b.Diagnostics))
		}
		out[name] = b
	}
	return out
}

// checkScreen fails the test if the model's view would put anything but
// its own styling on the terminal, in the screen or the window title.
func checkScreen(t *testing.T, m Model, step string) {
	t.Helper()
	v := m.View()
	if err := hostile.Check(v.Content); err != nil {
		t.Fatalf("%s: screen: %v", step, err)
	}
	if err := hostile.Check(v.WindowTitle); err != nil || strings.Contains(v.WindowTitle, "\n") {
		t.Fatalf("%s: window title %q: %v", step, v.WindowTitle, err)
	}
}

// TestHostileReader drives the reader over the hostile corpus through
// every view: each topic from top to bottom, before and after rendering,
// the help overlay, the topic list (beside the text and over it), search,
// a light background and resizes, in each style.
func TestHostileReader(t *testing.T) {
	for name, b := range hostileBriefings(t) {
		// Wide and narrow layouts in each style, and a tiny window.
		cases := []struct {
			style render.Style
			size  [2]int
		}{
			{render.Auto, [2]int{120, 40}}, {render.Light, [2]int{120, 40}}, {render.NoTTY, [2]int{120, 40}},
			{render.Dark, [2]int{60, 24}}, {render.NoTTY, [2]int{60, 24}}, {render.Dark, [2]int{20, 8}},
		}
		for _, c := range cases {
			style, size := c.style, c.size
			t.Run(fmt.Sprintf("%s/%v/%dx%d", name, style, size[0], size[1]), func(t *testing.T) {
				t.Parallel()
				m := New(b, Options{Style: style})
				checkScreen(t, m, "before the size is known")

				// The plain text shown until the rendering arrives.
				tm, _ := m.Update(sizeMsg(size[0], size[1]))
				checkScreen(t, tm.(Model), "plain text before rendering")

				m = send(t, m, sizeMsg(size[0], size[1]))
				if size[0] >= 60 && !strings.Contains(m.View().Content, "PWNED␇") {
					t.Fatalf("the hostile text is not on screen, neutralised:\n%s", plain(m))
				}
				for i := range b.Topics {
					step := fmt.Sprintf("topic %d", i)
					checkScreen(t, m, step)
					for _, k := range []string{"space", "space", "G", "ctrl+u", "g"} {
						m = press(t, m, k)
						checkScreen(t, m, step+" after "+k)
					}
					m = press(t, m, "l")
				}

				m = press(t, m, "?")
				checkScreen(t, m, "help")
				for range 5 {
					m = press(t, m, "j")
					checkScreen(t, m, "help scrolled")
				}
				m = press(t, m, "esc", "t")
				checkScreen(t, m, "topic list")
				for range len(b.Topics) {
					m = press(t, m, "j")
					checkScreen(t, m, "topic list moved")
				}
				m = press(t, m, "enter")
				checkScreen(t, m, "topic opened from the list")

				// Search, where the reader has it; the query is typed.
				m = press(t, m, "/", "P", "W", "N", "E", "D", "enter", "n", "N")
				checkScreen(t, m, "search")
				m = press(t, m, "esc")

				// The timeline and who's who: events, topics, actor
				// names, roles and aliases, and the passages naming them.
				m = press(t, m, "T")
				checkScreen(t, m, "timeline")
				for _, k := range []string{"j", "f", "f", "G", "?", "esc", "enter", "esc"} {
					m = press(t, m, k)
					checkScreen(t, m, "timeline after "+k)
				}
				m = press(t, m, "esc", "a")
				checkScreen(t, m, "people")
				if size[0] >= 60 && !strings.Contains(m.View().Content, "PWNED␇") {
					t.Fatalf("the hostile actor is not on screen, neutralised:\n%s", plain(m))
				}
				// Filtered on the names as shown, and on a hostile paste.
				for _, k := range []string{"/", "p", "w", "n", "e", "d"} {
					m = press(t, m, k)
					checkScreen(t, m, "people filtered after "+k)
				}
				m = send(t, m, tea.PasteMsg{Content: "\x1b]0;PWNED\x07\x1b[2J\x9b31m"})
				checkScreen(t, m, "people filtered after a paste")
				m = press(t, m, "esc")
				checkScreen(t, m, "people filter cleared")
				for _, k := range []string{"enter", "j", "enter", "esc", "esc", "esc"} {
					m = press(t, m, k)
					checkScreen(t, m, "people after "+k)
				}

				m = send(t, m, tea.BackgroundColorMsg{Color: color.White})
				checkScreen(t, m, "light background")
				for _, s := range [][2]int{{size[0] / 2, size[1]}, {size[0] + 7, size[1] + 3}, {1, 1}, {0, 0}, size} {
					m = send(t, m, sizeMsg(s[0], s[1]))
					checkScreen(t, m, fmt.Sprintf("resized to %dx%d", s[0], s[1]))
				}
			})
		}
	}
}

// TestHostileWindowTitle checks the window title on its own: a program
// sends it inside an OSC sequence of its own, where an injected BEL or ESC
// would end that sequence and start the attacker's. The reader leaves the
// title alone; if it ever sets one, it must be the briefing's title,
// neutralised.
func TestHostileWindowTitle(t *testing.T) {
	for name, b := range hostileBriefings(t) {
		m := press(t, send(t, New(b, Options{}), sizeMsg(120, 40)), "l")
		title := m.View().WindowTitle
		if title != "" && !strings.Contains(title, "PWNED␇") {
			t.Errorf("%s: window title %q is not the briefing's title", name, title)
		}
		if err := hostile.Check(title); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestHostileNonUTF8Name opens the help overlay, which lists the loading
// problems, for a briefing whose only hostile text is a file name with a
// byte that is not UTF-8.
func TestHostileNonUTF8Name(t *testing.T) {
	b, err := briefing.Load(hostile.NonUTF8Dir(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Diagnostics) == 0 {
		t.Fatal("no diagnostic for the skipped topic")
	}
	m := press(t, send(t, New(b, Options{Style: render.Dark}), sizeMsg(120, 40)), "?")
	if !strings.Contains(plain(m), "only") {
		t.Fatalf("the help does not list the problem:\n%s", plain(m))
	}
	checkScreen(t, m, "help")
}

// TestHostileProgram runs the whole program on the hostile corpus and
// looks at the bytes it writes to the terminal, after Bubble Tea's
// renderer has redrawn the screen its own way. The renderer emits cursor
// moves and modes of its own, so instead of the rule of hostile.Check this
// looks for the corpus's sequences themselves, and for text that is not
// UTF-8.
func TestHostileProgram(t *testing.T) {
	b := hostileBriefings(t)["dir"]
	tm := teatest.NewTestModel(t, New(b, Options{Style: render.Dark}), teatest.WithInitialTermSize(120, 40))
	teatest.WaitFor(t, tm.Output(), func(out []byte) bool {
		return bytes.Contains(out, []byte("PWNED␇"))
	}, teatest.WithDuration(20*time.Second))
	keys := []string{"space", "G", "?", "j", "esc", "t", "j", "j", "enter"}
	for range b.Topics {
		keys = append(keys, "l", "space", "G")
	}
	for _, k := range keys {
		tm.Send(keyPress(k))
	}
	tm.Send(sizeMsg(60, 24))
	tm.Send(keyPress("t"))
	tm.Send(keyPress("q"))
	out, err := io.ReadAll(tm.FinalOutput(t, teatest.WithFinalTimeout(20*time.Second)))
	if err != nil {
		t.Fatal(err)
	}
	if !utf8.Valid(out) {
		t.Error("the program wrote bytes that are not UTF-8")
	}
	for _, bad := range []string{"\x1b]0;PWNED", "PWNED\x07", "\x1b]8;;https://evil.example", "\x1b]52;", "\x1bP$q", "\x1b_G",
		"\x1b[5;31m", "\u009b", "\u009d", "\u0090", "\u009f", "\u202e", "\u202a", "\u2066", "\u2069", "X\x08", "\x7f"} {
		if i := bytes.Index(out, []byte(bad)); i >= 0 {
			t.Errorf("the program wrote %q: %q", bad, out[max(i-40, 0):min(i+40, len(out))])
		}
	}
}

// TestHostileExcerptSearch searches excerpts that carry control
// sequences: n lands on the marker, the status line names it, and the
// results list shows the excerpt with the sequences as visible text,
// never as sequences, in each style.
func TestHostileExcerptSearch(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"briefing.yaml": "title: T\nsources:\n  - id: s\n    title: S\n    kind: news\n",
		"claims.md":     "# Claims\n\nA claim [@s, \"the evidence " + hostile.InExcerpt + " PWNED here\"] and more.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := briefing.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, style := range []render.Style{render.Dark, render.Light, render.NoTTY} {
		m := send(t, New(b, Options{Style: style}), sizeMsg(100, 24))
		m = press(t, typeText(t, press(t, m, "/"), "evidence"), "enter")
		checkScreen(t, m, "search")
		if got := footerLine(m); !strings.Contains(got, "1/1 here · in excerpt [1]") {
			t.Errorf("%v: status line %q", style, got)
		}
		m = press(t, m, "n", "N", "/", "P", "W", "N", "E", "D", "tab")
		checkScreen(t, m, "results list")
		if got := plain(m); !strings.Contains(got, "excerpt [1]:") || !strings.Contains(got, "PWNED") || !strings.Contains(got, "␛") {
			t.Errorf("%v: the results list does not show the excerpt, neutralised:\n%s", style, got)
		}
		m = press(t, m, "enter")
		checkScreen(t, m, "result opened")
		if got := currentMatch(t, m); got != "[1]" {
			t.Errorf("%v: the result opens on %q, want the marker", style, got)
		}
	}
}
