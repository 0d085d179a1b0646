package main

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"

	"brief/bench/internal/expect"
	"brief/internal/render"
	"brief/ui"
)

// BenchmarkKeyFrame is the work of one scrolling key in process, in the
// two parts a terminal sees it: the event loop's Update and View
// ("update"), and what Bubble Tea v2.1.1's renderer does on the next tick
// (cursedRenderer.flush: the view drawn into the cell buffer, the buffer
// diffed against the screen and the difference written; "flush"). The
// wait for the tick comes between them; bench/firstframe -keys measures
// the whole in a pty.
func BenchmarkKeyFrame(b *testing.B) {
	br, err := expect.Load(nil)
	if err != nil {
		b.Fatal(err)
	}
	m := settle(b, ui.New(br, ui.Options{Style: render.Dark}), tea.WindowSizeMsg{Width: 120, Height: 40})
	m = settle(b, m, tea.KeyPressMsg{Code: '6', Text: "6"}) // the longest topic
	var out bytes.Buffer
	scr := uv.NewTerminalRenderer(&out, []string{"TERM=xterm-256color"})
	scr.SetColorProfile(colorprofile.ANSI256)
	scr.SetRelativeCursor(true)
	scr.SetScrollOptim(runtime.GOOS != "windows")
	scr.EnterAltScreen()
	cells := uv.NewScreenBuffer(120, 40)
	written := 0
	flush := func(v tea.View) {
		cells.Clear()
		uv.NewStyledString(v.Content).Draw(cells, cells.Bounds())
		scr.Render(cells.RenderBuffer)
		_ = scr.Flush()
		written += out.Len()
		out.Reset()
	}
	// The topic must be on screen rendered, or the benchmark would
	// measure the plain text.
	if v := m.View().Content; !strings.Contains(v, "\x1b[") || !strings.Contains(ansi.Strip(v), "Conflicting statements") {
		b.Fatalf("the rendered topic is not on screen:\n%s", ansi.Strip(v))
	}
	flush(m.View())

	keys := []tea.KeyPressMsg{{Code: 'j', Text: "j"}, {Code: 'k', Text: "k"}}
	var update, draw time.Duration
	i := 0
	for b.Loop() {
		k := keys[(i/10)%2] // ten down, ten up
		i++
		t0 := time.Now()
		tm, _ := m.Update(k)
		m = tm
		v := m.View()
		t1 := time.Now()
		flush(v)
		update += t1.Sub(t0)
		draw += time.Since(t1)
	}
	b.ReportMetric(float64(written)/float64(b.N), "bytes/key")
	b.ReportMetric(float64(update.Nanoseconds())/float64(b.N), "update-ns/key")
	b.ReportMetric(float64(draw.Nanoseconds())/float64(b.N), "flush-ns/key")
}

// settle sends msg and runs the commands that follow, feeding their
// messages back, until none is left (or 200 have run), as the program
// would before the first key: the topic is rendered and shown.
func settle(tb testing.TB, m tea.Model, msg tea.Msg) tea.Model {
	tb.Helper()
	m, cmd := m.Update(msg)
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0 && n < 200; n++ {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		done := make(chan tea.Msg, 1)
		go func() { done <- c() }()
		var got tea.Msg
		select {
		case got = <-done:
		case <-time.After(5 * time.Second):
			tb.Fatal("a command did not return within 5 s")
		}
		switch got := got.(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, got...)
		default:
			var next tea.Cmd
			m, next = m.Update(got)
			queue = append(queue, next)
		}
	}
	return m
}
