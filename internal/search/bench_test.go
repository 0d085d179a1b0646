package search_test

import (
	"strings"
	"testing"
	"time"

	"brief/briefing"
	"brief/internal/search"
	"brief/internal/testkit/cputime"
	"brief/internal/testkit/synth"
)

// The synthetic briefing the benchmarks run on: 1,000 topics, 20 MiB of
// Markdown, generated once into the temporary directory and reused.
const (
	synthTopics = 1000
	synthSize   = 20 << 20
	synthSeed   = 1
)

func synthBriefing(b *testing.B) string {
	b.Helper()
	dir, err := synth.Cached(synthTopics, synthSize, synthSeed)
	if err != nil {
		b.Fatal(err)
	}
	return dir
}

func loadSynth(b *testing.B) *briefing.Briefing {
	b.Helper()
	br, err := briefing.Load(synthBriefing(b))
	if err != nil {
		b.Fatal(err)
	}
	return br
}

// BenchmarkLoad loads the synthetic briefing from disk.
func BenchmarkLoad(b *testing.B) {
	dir := synthBriefing(b)
	cpu := cputime.Used()
	for b.Loop() {
		if _, err := briefing.Load(dir); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
}

// BenchmarkLoadToRead loads the synthetic briefing as the reader and
// brief search do: without the check-only warnings.
func BenchmarkLoadToRead(b *testing.B) {
	dir := synthBriefing(b)
	cpu := cputime.Used()
	for b.Loop() {
		if _, err := briefing.LoadWith(dir, briefing.LoadOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
}

// BenchmarkSearchCommand does in process what brief search does after
// start-up: load the synthetic briefing's text, search it for zelensky
// (with its aliases) and make every match's snippet.
func BenchmarkSearchCommand(b *testing.B) {
	benchSearchCommand(b, func(br *briefing.Briefing, _ search.Query) *search.Index {
		return search.NewIndex(br)
	})
}

// benchSearchCommand runs brief search's work in process with the index
// that newIndex builds.
func benchSearchCommand(b *testing.B, newIndex func(*briefing.Briefing, search.Query) *search.Index) {
	dir := synthBriefing(b)
	cpu := cputime.Used()
	for b.Loop() {
		br, err := briefing.LoadWith(dir, briefing.LoadOptions{SkipCitations: true})
		if err != nil {
			b.Fatal(err)
		}
		q := search.Compile("zelensky", br.Actors)
		ix := newIndex(br, q)
		ms := ix.Search(q)
		if len(ms) < 1000 {
			b.Fatalf("%d matches", len(ms))
		}
		for _, m := range ms {
			ix.Snippet(m, 0)
		}
	}
	reportCPU(b, cpu)
}

// reportCPU reports the CPU time per operation since start, all cores
// together.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64((cputime.Used()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

// BenchmarkIndexBuild builds the search index of the synthetic briefing.
func BenchmarkIndexBuild(b *testing.B) {
	br := loadSynth(b)
	cpu := cputime.Used()
	for b.Loop() {
		search.NewIndex(br)
	}
	reportCPU(b, cpu)
}

// BenchmarkSearchKeystroke types queries one key at a time. Each keystroke
// compiles the query, counts the matches across the briefing (for "2/5
// here · 14 in 6 topics") and finds the matches on a visible page of 40
// lines (for highlighting). ns/key is the mean per keystroke and
// worst-ns/key the slowest prefix's mean; cpu-ns/key and worst-cpu-ns/key
// are the same in CPU time, all cores together.
func BenchmarkSearchKeystroke(b *testing.B) {
	br := loadSynth(b)
	ix := search.NewIndex(br)
	page := strings.Join(strings.SplitN(ix.Doc(0).Text, "\n", 41)[:40], "\n")
	for _, query := range []string{
		"zelensky security guarantees", // a name with aliases, then a phrase
		"the agreement",                // the commonest first letters
		"Kraków",                       // exact case and a diacritic
	} {
		b.Run(strings.ReplaceAll(query, " ", "_"), func(b *testing.B) {
			// What the search line holds after each key.
			var prefixes []string
			for i := range query {
				if i > 0 {
					prefixes = append(prefixes, query[:i])
				}
			}
			prefixes = append(prefixes, query)
			per := make([]time.Duration, len(prefixes))
			perCPU := make([]time.Duration, len(prefixes))
			n := 0
			for b.Loop() {
				for i, p := range prefixes {
					start, cpu := time.Now(), cputime.Used()
					q := search.Compile(p, br.Actors)
					ix.Count(q)
					q.FindAll(page)
					per[i] += time.Since(start)
					perCPU[i] += cputime.Used() - cpu
				}
				n++
			}
			mean, worst, slowest := summary(per, prefixes)
			b.Logf("slowest prefix %q", slowest)
			b.ReportMetric(float64(mean.Nanoseconds())/float64(n), "ns/key")
			b.ReportMetric(float64(worst.Nanoseconds())/float64(n), "worst-ns/key")
			// CPU time on all cores: on an idle machine with two cores, a
			// keystroke takes at least half of it, whatever else runs.
			mean, worst, slowest = summary(perCPU, prefixes)
			b.Logf("slowest prefix in CPU time %q", slowest)
			b.ReportMetric(float64(mean.Nanoseconds())/float64(n), "cpu-ns/key")
			b.ReportMetric(float64(worst.Nanoseconds())/float64(n), "worst-cpu-ns/key")
		})
	}
}

// summary returns the mean and the largest of per, and the prefix that
// took the largest.
func summary(per []time.Duration, prefixes []string) (mean, worst time.Duration, slowest string) {
	var total time.Duration
	for i, d := range per {
		total += d
		if d > worst {
			worst, slowest = d, prefixes[i]
		}
	}
	return total / time.Duration(len(per)), worst, slowest
}

// BenchmarkSearchAll lists every match of a name with aliases, as the
// results list does.
func BenchmarkSearchAll(b *testing.B) {
	br := loadSynth(b)
	ix := search.NewIndex(br)
	q := search.Compile("zelensky", br.Actors)
	cpu := cputime.Used()
	for b.Loop() {
		ms := ix.Search(q)
		if len(ms) == 0 {
			b.Fatal("no match")
		}
	}
	reportCPU(b, cpu)
}
