package cli

import (
	"context"
	"io"
	"strings"
	"testing"

	"brief/internal/testkit/synth"
)

// BenchmarkSearchCommand runs brief search in process, start-up aside, on
// the synthetic briefing of the briefing benchmarks (1,000 topics, 20
// MiB), its output going to a pipe that discards it: the part of
// bench/search.sh that brief's own code decides.
func BenchmarkSearchCommand(b *testing.B) {
	dir, err := synth.Cached(1000, 20<<20, 1)
	if err != nil {
		b.Fatal(err)
	}
	for _, query := range []string{"kraków", "zelensky", "security guarantees"} {
		b.Run(strings.ReplaceAll(query, " ", "_"), func(b *testing.B) {
			for b.Loop() {
				s := Streams{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard}
				if code := Execute(context.Background(), []string{"search", query, dir}, s, "bench"); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}
