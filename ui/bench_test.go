package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"brief/briefing"
	"brief/internal/render"
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
	m := press(b, benchModel(b), "3")
	down, up := keyPress("j"), keyPress("k")
	i := 0
	for b.Loop() {
		k := down
		if i%20 >= 10 {
			k = up
		}
		i++
		tm, _ := m.Update(k)
		m = tm.(Model)
		_ = m.View()
	}
}

// BenchmarkSwitchTopic is paging to a cached topic plus the frame.
func BenchmarkSwitchTopic(b *testing.B) {
	m := benchModel(b)
	next, prev := keyPress("l"), keyPress("h")
	i := 0
	for b.Loop() {
		k := next
		if i%6 >= 3 {
			k = prev
		}
		i++
		var tm tea.Model
		tm, _ = m.Update(k)
		m = tm.(Model)
		_ = m.View()
	}
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
