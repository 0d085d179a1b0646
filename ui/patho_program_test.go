package ui

import (
	"bytes"
	"io"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"brief/briefing"
	"brief/internal/render"
	"brief/internal/testkit/patho"
)

// TestProgramPathological pages quickly through every pathological topic
// and quits: the program ends, leaves the alternate screen and leaves no
// goroutine behind. The deadlines are for liveness, not speed.
func TestProgramPathological(t *testing.T) {
	before := ours()
	b := patho.Load(t)
	tm := startPatho(t, b)
	for range len(b.Topics) - 1 {
		tm.Send(keyPress("l"))
	}
	tm.Send(keyPress("q"))
	m := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(Model)
	if m.Current() != len(b.Topics)-1 {
		t.Errorf("quit on topic %d, want the last, %d", m.Current(), len(b.Topics)-1)
	}
	if len(m.inflight) != 0 {
		t.Errorf("%d renders in flight after quitting", len(m.inflight))
	}
	rest, err := io.ReadAll(tm.FinalOutput(t))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(rest, []byte("\x1b[?1049l")) {
		t.Errorf("the alternate screen was not left; output ends %q", tail(rest, 200))
	}
	checkNoLeak(t, before)
}

// TestProgramScrollsWhileRendering opens the 5 MB topic and scrolls its
// plain text while its render runs, then quits before the render ends.
func TestProgramScrollsWhileRendering(t *testing.T) {
	before := ours()
	b := patho.Load(t)
	tm := startPatho(t, b)
	tm.Send(keyPress("2"))
	teatest.WaitFor(t, tm.Output(), func(out []byte) bool {
		return bytes.Contains(out, []byte(patho.Cases()[1].Marker))
	}, teatest.WithDuration(10*time.Second))
	for range 3 {
		tm.Send(keyPress("j"))
	}
	tm.Send(keyPress("q"))
	m := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(Model)
	// Rendering 5 MB takes seconds (BenchmarkPathological/huge); the keys
	// take microseconds, so they were handled while it ran.
	if m.Current() != 1 || m.reader.rendered {
		t.Errorf("topic %d, rendered %v: want the huge topic's plain text", m.Current(), m.reader.rendered)
	}
	// A piece that arrives meanwhile may move the offset to keep the
	// same text at the top, never back.
	if got := m.reader.vp.YOffset(); got < 3 {
		t.Errorf("j pressed 3 times while rendering: offset %d", got)
	}
	checkNoLeak(t, before)
}

// startPatho runs the reader on b, the pathological briefing, and waits
// for its first topic.
func startPatho(t *testing.T, b *briefing.Briefing) *teatest.TestModel {
	t.Helper()
	tm := teatest.NewTestModel(t, New(b, Options{Style: render.Dark}), teatest.WithInitialTermSize(120, 40))
	teatest.WaitFor(t, tm.Output(), func(out []byte) bool {
		return bytes.Contains(out, []byte(patho.Cases()[0].Marker))
	}, teatest.WithDuration(10*time.Second))
	return tm
}

// tail returns the last n bytes of b.
func tail(b []byte, n int) []byte { return b[max(len(b)-n, 0):] }
