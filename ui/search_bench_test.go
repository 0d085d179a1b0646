package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"brief/briefing"
	"brief/internal/render"
	"brief/internal/testkit/cputime"
	"brief/internal/testkit/synth"
)

// synthModel is the reader at 120x40 on the synthetic briefing of the
// search benchmarks: 1,000 topics, 20 MiB of Markdown, the same copy the
// briefing package's benchmarks use.
func synthModel(b *testing.B) Model {
	b.Helper()
	dir, err := synth.Cached(1000, 20<<20, 1)
	if err != nil {
		b.Fatal(err)
	}
	br, err := briefing.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	return send(b, New(br, Options{Style: render.Dark}), sizeMsg(120, 40))
}

// BenchmarkSearchKeystrokeUI is one key typed in the search line on the
// synthetic briefing, as the reader does it: the key through Update (the
// query compiled, the current topic's rendered text searched and its
// matches mapped to cells), the count across the briefing (a command,
// run here at once), and the frame with the visible matches highlighted.
// ns/key is the mean over the keys of the query, worst-ns/key the slowest
// key; local-ns/key is the frame shown at once, before the count returns.
func BenchmarkSearchKeystrokeUI(b *testing.B) {
	// The index is built once, when the search line first opens.
	base := press(b, synthModel(b), "/", "esc")
	for _, query := range []string{"zelensky security guarantees", "the agreement", "Kraków"} {
		b.Run(strings.ReplaceAll(query, " ", "_"), func(b *testing.B) {
			keys := []rune(query)
			per := make([]time.Duration, len(keys))
			local := make([]time.Duration, len(keys))
			cpu := make([]time.Duration, len(keys))
			n := 0
			for b.Loop() {
				m := press(b, base, "/")
				for i, r := range keys {
					start, c := time.Now(), cputime.Used()
					tm, cmd := m.Update(keyPress(string(r)))
					m = tm.(Model)
					_ = m.View()
					local[i] += time.Since(start)
					for _, msg := range run(cmd) {
						var more tea.Cmd
						tm, more = m.Update(msg)
						m = tm.(Model)
						if more != nil {
							run(more)
						}
					}
					_ = m.View()
					per[i] += time.Since(start)
					cpu[i] += cputime.Used() - c
				}
				if !m.search.counted {
					b.Fatal("the count did not come back")
				}
				n++
			}
			report := func(d []time.Duration, unit string) {
				var total, worst time.Duration
				slowest := 0
				for i, x := range d {
					total += x
					if x > worst {
						worst, slowest = x, i
					}
				}
				b.ReportMetric(float64(total.Nanoseconds())/float64(n*len(d)), unit+"/key")
				b.ReportMetric(float64(worst.Nanoseconds())/float64(n), "worst-"+unit+"/key")
				b.Logf("%s: slowest after %q", unit, string(keys[:slowest+1]))
			}
			report(per, "ns")
			report(cpu, "cpu-ns")
			report(local, "local-ns")
		})
	}
}
