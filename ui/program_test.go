package ui

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"brief/internal/render"
)

// TestProgram runs the whole program: the terminal never answers the
// background colour query, yet the first frame and the rendered text come;
// paging and quitting work; no goroutine outlives the program.
func TestProgram(t *testing.T) {
	before := ours()
	tm := teatest.NewTestModel(t, New(testBriefing(t), Options{Style: render.Auto}),
		teatest.WithInitialTermSize(120, 40))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		// The title, the list and the rendered text (bullets are Glamour's).
		return bytes.Contains(b, []byte("Harbour bridge dispute")) &&
			bytes.Contains(b, []byte("How it got here")) &&
			bytes.Contains(b, []byte("•"))
	}, teatest.WithDuration(20*time.Second))
	for _, k := range []string{"l", "l", "j", "t", "k", "esc", "?", "?"} {
		tm.Send(keyPress(k))
	}
	tm.Send(keyPress("q"))
	m := tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(Model)
	if m.Current() != 2 || m.showHelp || m.focus != focusText {
		t.Errorf("final state: topic %d, help %v, focus %v; want 2, false, text", m.Current(), m.showHelp, m.focus)
	}
	checkNoLeak(t, before)
}

// TestProgramResizeStorm sends a storm of sizes and checks the program
// settles on the last one with the text rendered for it.
func TestProgramResizeStorm(t *testing.T) {
	before := ours()
	tm := teatest.NewTestModel(t, New(testBriefing(t), Options{Style: render.Dark}),
		teatest.WithInitialTermSize(120, 40))
	for i := range 300 {
		tm.GetProgram().Send(sizeMsg(40+i%150, 10+i%50))
	}
	tm.GetProgram().Send(sizeMsg(90, 30))
	time.Sleep(3 * resizeWait)
	tm.Send(keyPress("q"))
	m := tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(Model)
	if m.width != 90 || m.height != 30 || m.waiting {
		t.Fatalf("after the storm: %dx%d, waiting %v", m.width, m.height, m.waiting)
	}
	if !m.reader.rendered || m.reader.shown != m.keyFor(m.Current()) {
		t.Errorf("after the storm the text shown is %+v (rendered %v), want %+v",
			m.reader.shown, m.reader.rendered, m.keyFor(m.Current()))
	}
	checkNoLeak(t, before)
}

// checkNoLeak waits briefly for goroutines to end, then fails if more are
// running than before the program started. teatest's own signal watchers
// outlive every program by design, so they are not counted.
func checkNoLeak(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for ours() > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := ours(); n > before {
		t.Errorf("%d goroutines after the program, %d before:\n%s", n, before, strings.Join(stacks(), "\n\n"))
	}
}

// ours counts the running goroutines other than teatest's signal watchers.
func ours() int { return len(stacks()) }

// stacks returns the stacks of the goroutines that ours counts.
func stacks() []string {
	buf := make([]byte, 1<<20)
	var out []string
	for _, g := range strings.Split(string(buf[:runtime.Stack(buf, true)]), "\n\n") {
		if !strings.Contains(g, "teatest/v2.NewTestModel.func2") && !strings.Contains(g, "os/signal.loop") {
			out = append(out, g)
		}
	}
	return out
}
