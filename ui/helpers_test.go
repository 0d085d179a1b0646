package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"brief/briefing"
	"brief/internal/render"
)

// testBriefing loads the small fixed briefing in testdata/brief.
func testBriefing(t testing.TB) *briefing.Briefing {
	t.Helper()
	b, err := briefing.Load("testdata/brief")
	if err != nil {
		t.Fatal(err)
	}
	if ds := b.Diagnostics.Errors(); len(ds) > 0 {
		t.Fatalf("test briefing has errors:\n%v", ds)
	}
	return b
}

// newTestModel returns a reader for the test briefing, sized w by h, with
// every command run to completion.
func newTestModel(t testing.TB, style render.Style, w, h int) Model {
	t.Helper()
	m := New(testBriefing(t), Options{Style: style})
	return send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
}

// send feeds msg through Update and then runs the commands it returns, and
// the ones their messages return, the way the program would, until none is
// left.
func send(t testing.TB, m Model, msg tea.Msg) Model { return sendTo(t, m, msg) }

// sendTo is send for any model: the reader, or the library's shelf.
func sendTo[M tea.Model](t testing.TB, m M, msg tea.Msg) M {
	t.Helper()
	queue := []tea.Msg{msg}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 1000 {
			t.Fatal("commands do not settle")
		}
		msg := queue[0]
		queue = queue[1:]
		if _, ok := msg.(tea.QuitMsg); ok {
			continue // the program would stop here; the model is what is tested
		}
		tm, cmd := m.Update(msg)
		m = tm.(M)
		queue = append(queue, run(cmd)...)
	}
	return m
}

// run runs cmd and returns the messages it produces, expanding batches.
func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, run(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

func keyPress(s string) tea.KeyPressMsg {
	switch s {
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "ctrl+c", "ctrl+d", "ctrl+u", "ctrl+f", "ctrl+b":
		return tea.KeyPressMsg{Code: rune(s[5]), Mod: tea.ModCtrl}
	}
	r := []rune(s)[0]
	k := tea.KeyPressMsg{Code: r, Text: s}
	if r >= 'A' && r <= 'Z' {
		k.Code, k.Mod = r+'a'-'A', tea.ModShift
	}
	return k
}

// press sends each key in turn.
func press(t testing.TB, m Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		m = send(t, m, keyPress(k))
	}
	return m
}

// plain is the screen without styles.
func plain(m Model) string {
	return ansi.Strip(m.View().Content)
}

func screenLines(m Model) []string {
	return strings.Split(plain(m), "\n")
}

func sizeMsg(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }
