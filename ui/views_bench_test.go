package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"brief/briefing"
	"brief/content"
	"brief/internal/render"
	"brief/internal/search"
)

// The views on the built-in briefing and on the synthetic one of 1,000
// topics, 2,000 timeline events and its actors: opening each must draw
// within a frame (16 ms).

func embeddedBenchModel(b *testing.B) Model {
	bf, err := briefing.LoadFS(content.FS, ".")
	if err != nil {
		b.Fatal(err)
	}
	return send(b, New(bf, Options{Style: render.Dark}), sizeMsg(120, 40))
}

// benchModels are the briefings the views are measured on: the built-in
// one and the synthetic one of 1,000 topics.
var benchModels = []struct {
	name string
	m    func(*testing.B) Model
}{{"builtin", embeddedBenchModel}, {"synth1000", synthModel}}

// benchOpen measures a key that opens a view, from a model that has not
// opened it yet, through Update and the first frame. Commands are not
// run: what they do happens off the update loop.
func benchOpen(b *testing.B, base Model, keys ...string) {
	for b.Loop() {
		var tm tea.Model = base
		for _, k := range keys {
			tm, _ = tm.(Model).Update(keyPress(k))
		}
		_ = tm.(Model).View()
	}
}

func BenchmarkOpenTimeline(b *testing.B) {
	b.Run("builtin", func(b *testing.B) { benchOpen(b, embeddedBenchModel(b), "T") })
	b.Run("synth1000", func(b *testing.B) { benchOpen(b, synthModel(b), "T") })
}

func BenchmarkOpenPeople(b *testing.B) {
	b.Run("builtin", func(b *testing.B) { benchOpen(b, embeddedBenchModel(b), "a") })
	b.Run("synth1000", func(b *testing.B) { benchOpen(b, synthModel(b), "a") })
}

// BenchmarkPeopleCounts is the command that counts the passages naming
// every actor, off the update loop, once per session.
func BenchmarkPeopleCounts(b *testing.B) {
	for _, c := range benchModels {
		b.Run(c.name, func(b *testing.B) {
			m := c.m(b)
			ix := search.NewIndex(m.b)
			for b.Loop() {
				countActors(ix, m.b.Actors)
			}
		})
	}
}

// BenchmarkOpenPassages is enter on an actor: the list opens, and the
// command that finds the passages starts.
func BenchmarkOpenPassages(b *testing.B) {
	for _, c := range benchModels {
		b.Run(c.name, func(b *testing.B) {
			base := send(b, c.m(b), keyPress("a")) // the index built, the counts in
			benchOpen(b, base, "enter")
		})
	}
}

// BenchmarkFindPassages is the command that finds every passage naming
// an actor (the first, the most named), off the update loop, and the
// frame that lists them.
func BenchmarkFindPassages(b *testing.B) {
	for _, c := range benchModels {
		b.Run(c.name, func(b *testing.B) {
			base := send(b, c.m(b), keyPress("a"))
			tm, cmd := base.Update(keyPress("enter"))
			for b.Loop() {
				tm2, _ := tm.Update(cmd())
				_ = tm2.(Model).View()
			}
		})
	}
}
