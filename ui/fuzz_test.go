package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"brief/internal/render"
)

// fuzzKeys are the keys the model fuzz test presses, by byte value.
var fuzzKeys = []string{
	"j", "k", "up", "down", "ctrl+d", "ctrl+u", "space", "f", "b", "pgdown", "pgup",
	"g", "G", "home", "end", "l", "h", "tab", "shift+tab", "]", "[", "left", "right",
	"1", "2", "4", "9", "t", "enter", "esc", "?", "/", "n", "N", "x",
	":", "e", "r", "d",
}

// The window sizes the fuzz test uses; each new width costs renders.
var (
	fuzzWidths  = []int{0, 1, 2, 5, 17, 40, 79, 80, 81, 120, 200, 500}
	fuzzHeights = []int{0, 1, 2, 3, 4, 10, 24, 40, 60, 200}
)

// FuzzModel feeds sequences of keys, mouse events and window sizes (from
// 0x0 to 500x200) through Update and View, checking that nothing panics,
// the screen fits the window and the current topic exists.
func FuzzModel(f *testing.F) {
	f.Add([]byte("\x00\x01\x02\x10"), uint16(120), uint8(40))
	f.Add([]byte{0xf0, 0x10, 0x81, 0xa3, 30, 31, 32}, uint16(0), uint8(0))
	f.Add([]byte{0xc0, 1, 0xe0, 0x05, 27, 28, 0xd0, 0x00}, uint16(79), uint8(24))
	b := testBriefing(f)
	f.Fuzz(func(t *testing.T, ops []byte, w0 uint16, h0 uint8) {
		// The same Briefing is shared: the reader only reads it.
		if len(ops) > 64 {
			ops = ops[:64]
		}
		m := New(b, Options{Style: render.Dark})
		m.resizeWait = 0
		m = send(t, m, sizeMsg(fuzzWidths[int(w0)%len(fuzzWidths)], fuzzHeights[int(h0)%len(fuzzHeights)]))
		for i := 0; i < len(ops); i++ {
			op := ops[i]
			var msg tea.Msg
			switch op >> 4 {
			case 0xc, 0xd: // a window size, from few enough that renders are cached
				msg = sizeMsg(fuzzWidths[int(op&0x0f)%len(fuzzWidths)], fuzzHeights[int(op&0x1f)%len(fuzzHeights)])
			case 0xe: // the wheel
				btn := tea.MouseWheelDown
				if op&1 == 1 {
					btn = tea.MouseWheelUp
				}
				msg = tea.MouseWheelMsg{X: int(op & 0x0e), Y: int(op>>1) % 30, Button: btn}
			case 0xf: // a click
				msg = tea.MouseClickMsg{X: int(op&0x03) * 7, Y: int(op & 0x0c >> 2), Button: tea.MouseLeft}
			default:
				msg = keyPress(fuzzKeys[int(op)%len(fuzzKeys)])
			}
			m = send(t, m, msg)
			checkInvariants(t, m)
		}
	})
}

func checkInvariants(t *testing.T, m Model) {
	t.Helper()
	if len(m.b.Topics) > 0 && (m.current < 0 || m.current >= len(m.b.Topics)) {
		t.Fatalf("current topic %d of %d", m.current, len(m.b.Topics))
	}
	content := m.View().Content
	if content == "" {
		return
	}
	lines := strings.Split(content, "\n")
	if len(lines) > m.height {
		t.Fatalf("%d lines on a %d-line screen", len(lines), m.height)
	}
	for _, l := range lines {
		if w := ansi.StringWidth(l); w > m.width {
			t.Fatalf("line %d wide on a %d-column screen: %q", w, m.width, ansi.Strip(l))
		}
	}
}
