package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"brief/briefing"
	"brief/content"
	"brief/internal/render"
	"brief/internal/testkit/cputime"
	"brief/internal/testkit/synth"
)

// benchModel is the reader at 120x40 with every topic rendered and cached.
func benchModel(b *testing.B) Model {
	m := newTestModel(b, render.Dark, 120, 40)
	for range m.b.Topics {
		m = press(b, m, "l")
	}
	return press(b, m, "1")
}

// BenchmarkScroll is one key press of scrolling plus the frame it draws.
func BenchmarkScroll(b *testing.B) {
	benchKeys(b, press(b, benchModel(b), "3"), "j", "k", 10)
}

// benchKeys presses forward n times, then back n times, and so on, each
// press followed by the frame, as the program does.
func benchKeys(b *testing.B, m Model, forward, back string, n int) {
	fwd, bwd := keyPress(forward), keyPress(back)
	i := 0
	for b.Loop() {
		k := fwd
		if i%(2*n) >= n {
			k = bwd
		}
		i++
		tm, _ := m.Update(k)
		m = tm.(Model)
		_ = m.View()
	}
}

// BenchmarkSwitchTopic is paging to a cached topic plus the frame.
func BenchmarkSwitchTopic(b *testing.B) {
	benchKeys(b, benchModel(b), "l", "h", 3)
}

// hugeBriefing has one 5 MB topic of long paragraphs.
func hugeBriefing() *briefing.Briefing {
	para := strings.Repeat("A sentence about the harbour bridge and its repairs. ", 40) + "\n\n"
	body := strings.Repeat(para, 5<<20/len(para))
	return &briefing.Briefing{Title: "Huge", Topics: []*briefing.Topic{
		{ID: "small", Title: "Small", Body: "Short."},
		{ID: "huge", Title: "Huge", Body: body},
	}}
}

// BenchmarkOpenHugeTopic is opening a 5 MB topic: the frame with its plain
// text, before the rendering (which runs in a command) comes back.
func BenchmarkOpenHugeTopic(b *testing.B) {
	// Commands are not run, so the huge topic is never rendered.
	tm, _ := New(hugeBriefing(), Options{Style: render.Dark}).Update(sizeMsg(120, 40))
	base := tm.(Model)
	for b.Loop() {
		tm, _ := base.Update(keyPress("2"))
		_ = tm.(Model).View()
	}
}

// BenchmarkPage is one key press of paging down or up through the longest
// topic of the embedded briefing, plus the frame.
func BenchmarkPage(b *testing.B) {
	bf, err := briefing.LoadFS(content.FS, ".")
	if err != nil {
		b.Fatal(err)
	}
	m := send(b, New(bf, Options{Style: render.Dark}), sizeMsg(120, 40))
	benchKeys(b, press(b, m, "6"), "space", "b", 4) // "Where sources differ"
}

// BenchmarkFirstRender is the render of a 20 KB topic that is not in the
// cache, at the text width of a 120x40 window, as the reader's command
// runs it.
func BenchmarkFirstRender(b *testing.B) {
	dir := b.TempDir()
	if err := synth.Generate(dir, 1, 20<<10, 1); err != nil {
		b.Fatal(err)
	}
	bf, err := briefing.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	m := send(b, New(bf, Options{Style: render.Dark}), sizeMsg(120, 40))
	k := m.keyFor(0)
	md := m.text(0)
	slots := make(chan struct{}, 1)
	for b.Loop() {
		msg := renderCmd(context.Background(), slots, k, md)().(renderedMsg)
		if msg.err != nil {
			b.Fatal(msg.err)
		}
	}
}

// BenchmarkFirstStyledScreen is the time from the window size of a reader
// opening on a 2 MB topic to its first screen drawn styled: the message
// that sizes the reader, the command it returns (which cuts the topic into
// pieces and renders the first), that message through Update, and the
// frame. The rest of the topic renders afterwards, a piece at a time.
func BenchmarkFirstStyledScreen(b *testing.B) {
	dir := b.TempDir()
	if err := synth.Generate(dir, 1, 2<<20, 1); err != nil {
		b.Fatal(err)
	}
	bf, err := briefing.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		m := New(bf, Options{Style: render.Dark})
		m.text(0) // the Markdown with numbered citations, made once per topic
		c := cputime.Used()
		b.StartTimer()
		m, cmd := update(m, sizeMsg(120, 40))
		for _, msg := range run(cmd) {
			if pm, ok := msg.(piecesMsg); ok {
				m, _ = update(m, pm)
			}
		}
		if !m.reader.segs[0].rendered || !strings.Contains(m.View().Content, "\x1b[") {
			b.Fatal("first screen not styled")
		}
		cpu += cputime.Used() - c
	}
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
}
