package main

import (
	"slices"
	"testing"
)

func TestBenchMetric(t *testing.T) {
	out := []byte(`goos: linux
goarch: amd64
pkg: brief/ui
cpu: Intel(R) Xeon(R) Processor
BenchmarkScroll-2         	    2000	    312345 ns/op
BenchmarkScrollFast-2     	    2000	       100 ns/op
BenchmarkScroll-2         	    2000	    298000.5 ns/op	   12 B/op	       1 allocs/op
BenchmarkScroll
BenchmarkScroll           	    2000	    400000 ns/op
BenchmarkKeyFrame-2   	    1000	   2444267 ns/op	       519.9 bytes/key	   1753185 flush-ns/key	    690541 update-ns/key
PASS
ok  	brief/ui	3.2s
`)
	want := []float64{312345, 298000.5, 400000}
	if got := benchMetric(out, "BenchmarkScroll", "ns/op"); !slices.Equal(got, want) {
		t.Errorf("benchMetric = %v, want %v", got, want)
	}
	if got := benchMetric(out, "BenchmarkPage", "ns/op"); got != nil {
		t.Errorf("benchMetric of an absent benchmark = %v", got)
	}
	for unit, want := range map[string]float64{"flush-ns/key": 1753185, "update-ns/key": 690541, "bytes/key": 519.9} {
		if got := benchMetric(out, "BenchmarkKeyFrame", unit); !slices.Equal(got, []float64{want}) {
			t.Errorf("benchMetric %s = %v, want %v", unit, got, want)
		}
	}
	if got := benchMetric(out, "BenchmarkKeyFrame", "allocs/op"); got != nil {
		t.Errorf("benchMetric of an absent unit = %v", got)
	}
}

func TestReaderWidth(t *testing.T) {
	for _, tt := range []struct{ w, want int }{{120, 88}, {200, 100}, {40, 20}} {
		if got := readerWidth(tt.w); got != tt.want {
			t.Errorf("readerWidth(%d) = %d, want %d", tt.w, got, tt.want)
		}
	}
}
