package search_test

import (
	"testing"

	"brief/internal/search"
	"brief/internal/testkit/cputime"
)

// BenchmarkIndexFor builds the index for one query, as brief search does,
// on the synthetic briefing: a name with aliases in every topic, a rare
// word with a diacritic, and a phrase of two common words. Compare with
// BenchmarkIndexBuild, the whole index.
func BenchmarkIndexFor(b *testing.B) {
	br := loadSynth(b)
	for _, query := range []string{"zelensky", "kraków", "security guarantees"} {
		b.Run(query, func(b *testing.B) {
			q := search.Compile(query, br.Actors)
			cpu := cputime.Used()
			for b.Loop() {
				search.NewIndexFor(br, q)
			}
			reportCPU(b, cpu)
		})
	}
}

// BenchmarkSearchCommandFast is BenchmarkSearchCommand with the index for
// the one query that brief search now builds.
func BenchmarkSearchCommandFast(b *testing.B) {
	benchSearchCommand(b, search.NewIndexFor)
}
