package ui

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"brief/internal/render"
	"brief/internal/testkit/patho"
)

// update feeds msg through Update without running the commands it returns,
// as if they were still running.
func update(m Model, msg tea.Msg) (Model, tea.Cmd) {
	tm, cmd := m.Update(msg)
	return tm.(Model), cmd
}

// textLine returns the screen line that shows s, or "".
func textLine(m Model, s string) string {
	for _, l := range screenLines(m) {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

// TestPathologicalTopics opens each pathological topic with its render
// left in flight: the plain text shows at once, keys keep working, moving
// away cancels the render, and a finished render replaces the plain text.
func TestPathologicalTopics(t *testing.T) {
	b := patho.Load(t)
	cases := patho.Cases()
	for i, c := range cases {
		if i == 0 {
			continue // the ordinary topic
		}
		t.Run(c.ID, func(t *testing.T) {
			// The first render command is not run: nothing renders
			// unless the test runs it.
			m, _ := update(New(b, Options{Style: render.Dark}), sizeMsg(120, 40))
			m, cmd := update(m, keyPress(strconv.Itoa(i+1)))
			k := m.keyFor(i)
			if m.Current() != i || cmd == nil || m.reader.rendered || m.inflight[k] == nil {
				t.Fatalf("topic %d, command %v, rendered %v, in flight %v: want its render left to a command",
					m.Current(), cmd != nil, m.reader.rendered, m.inflight[k] != nil)
			}
			// Plain text: the marker at the pane's left edge, no margin.
			if l := textLine(m, c.Marker); !strings.Contains(l, "│"+c.Marker) {
				t.Fatalf("plain text not shown at once; marker line %q:\n%s", l, plain(m))
			}

			// Keys work while the render runs.
			m, _ = update(m, keyPress("j"))
			if got := m.reader.vp.YOffset(); got != 1 {
				t.Errorf("j while rendering: offset %d, want 1", got)
			}
			busy := m
			far := 0 // a topic that is not a neighbour
			if i <= 2 {
				far = len(b.Topics) - 1
			}
			m, _ = update(m, keyPress(strconv.Itoa(far+1)))
			if m.Current() != far || !strings.Contains(plain(m), cases[far].Marker) {
				t.Errorf("after moving away: topic %d, want %d", m.Current(), far)
			}
			if m.inflight[k] != nil {
				t.Error("moving away left the render in flight")
			}
			msgs := run(cmd)
			if len(msgs) != 1 {
				t.Fatalf("render command gave %d messages", len(msgs))
			}
			// A long topic renders a piece at a time; its first message is
			// a piecesMsg.
			switch r := msgs[0].(type) {
			case renderedMsg:
				if r.key != k || !errors.Is(r.err, context.Canceled) {
					t.Errorf("abandoned render gave key %+v, err %v; want cancelled for %+v", r.key, r.err, k)
				}
			case piecesMsg:
				if r.key != k || !errors.Is(r.err, context.Canceled) {
					t.Errorf("abandoned render gave pieces for %+v, err %v; want cancelled for %+v", r.key, r.err, k)
				}
			default:
				t.Errorf("abandoned render gave %T", msgs[0])
			}

			// Quitting while the render runs stops it.
			q, qcmd := update(busy, keyPress("q"))
			if qcmd == nil {
				t.Fatal("q while rendering: no command")
			}
			if _, ok := qcmd().(tea.QuitMsg); !ok || len(q.inflight) != 0 {
				t.Errorf("q while rendering: quit %v, %d renders in flight", ok, len(q.inflight))
			}
		})
	}
}

// settle runs cmd and feeds its messages through Update, and the
// commands they return, until none is left, as send does after a message.
func settle(t testing.TB, m Model, cmd tea.Cmd) Model {
	t.Helper()
	for _, msg := range run(cmd) {
		m = send(t, m, msg)
	}
	return m
}

// TestPathologicalRenderArrives runs each pathological topic's render and
// checks that the rendered text replaces the plain text, with the
// reader's place kept.
func TestPathologicalRenderArrives(t *testing.T) {
	b := patho.Load(t)
	for i, c := range patho.Cases() {
		if i == 0 {
			continue
		}
		t.Run(c.ID, func(t *testing.T) {
			m, _ := update(New(b, Options{Style: render.Dark}), sizeMsg(120, 40))
			m, cmd := update(m, keyPress(strconv.Itoa(i+1)))
			k := m.keyFor(i)
			m = settle(t, m, cmd)
			if !m.reader.rendered || m.reader.shown != k || m.inflight[k] != nil {
				t.Fatalf("after the render: rendered %v, shown %+v, in flight %v", m.reader.rendered, m.reader.shown, m.inflight[k] != nil)
			}
			// Rendered text: Glamour's margin before the marker, or in it
			// the mark of a claim with one source.
			if l := textLine(m, c.Marker); !strings.Contains(l, "│  "+c.Marker) && !strings.Contains(l, "│"+singleMark+" "+c.Marker) {
				t.Errorf("rendered text not shown; marker line %q:\n%s", l, plain(m))
			}
			if m.notice != "" {
				t.Errorf("notice after the render: %q", m.notice)
			}
			// Every line fits the window.
			for n, l := range screenLines(m) {
				if w := ansi.StringWidth(l); w > 120 {
					t.Errorf("line %d is %d wide", n, w)
					break
				}
			}
		})
	}
}
