package ui

import "testing"

// The sources view on the built-in briefing and on the synthetic one of
// 1,000 topics: opening it must draw within a frame (16 ms).

func BenchmarkOpenSources(b *testing.B) {
	b.Run("builtin", func(b *testing.B) { benchOpen(b, embeddedBenchModel(b), "s") })
	b.Run("synth1000", func(b *testing.B) { benchOpen(b, synthModel(b), "s") })
}

// BenchmarkOpenSourcePassages is enter on a source and its frame; the
// passages are found by a command, off the update loop.
func BenchmarkOpenSourcePassages(b *testing.B) {
	b.Run("builtin", func(b *testing.B) { benchOpen(b, press(b, embeddedBenchModel(b), "s"), "enter") })
	b.Run("synth1000", func(b *testing.B) { benchOpen(b, press(b, synthModel(b), "s"), "enter") })
}

// BenchmarkSourcePassages is that command: every citation of the first
// source with its claim, which parses the topics that cite it.
func BenchmarkSourcePassages(b *testing.B) {
	for _, c := range benchModels {
		b.Run(c.name, func(b *testing.B) {
			m := c.m(b)
			id := m.b.Sources[0].ID
			for b.Loop() {
				m.b.Passages(id)
			}
		})
	}
}

// BenchmarkDoubtedCount is the command that counts the claims resting on
// a doubted source alone, off the update loop.
func BenchmarkDoubtedCount(b *testing.B) {
	for _, c := range benchModels {
		b.Run(c.name, func(b *testing.B) {
			m := c.m(b)
			id := m.b.Sources[0].ID
			for b.Loop() {
				m.b.DoubtedClaims(func(s string) bool { return s == id })
			}
		})
	}
}
