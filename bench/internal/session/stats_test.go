package session

import (
	"os"
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	ms := func(vs ...int) []time.Duration {
		var ds []time.Duration
		for _, v := range vs {
			ds = append(ds, time.Duration(v)*time.Millisecond)
		}
		return ds
	}
	tests := []struct {
		name string
		in   []time.Duration
		p    float64
		want time.Duration
	}{
		{"empty", nil, 50, 0},
		{"odd median", ms(5, 1, 3), 50, 3 * time.Millisecond},
		{"even median", ms(4, 1, 3, 2), 50, 2500 * time.Microsecond},
		{"p90 of 20", ms(20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1), 90, 18 * time.Millisecond},
		{"p90 of 3", ms(1, 2, 3), 90, 3 * time.Millisecond},
		{"p100", ms(7, 9, 8), 100, 9 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Percentile(tt.in, tt.p); got != tt.want {
				t.Errorf("Percentile(%v, %v) = %v, want %v", tt.in, tt.p, got, tt.want)
			}
		})
	}
}

func TestStatTicksAndStatusOfSelf(t *testing.T) {
	// The harness reads other processes' files; its own have the same
	// layout and are always there.
	pid := os.Getpid()
	if _, err := StatTicks(pid); err != nil {
		t.Error(err)
	}
	hwm, err := Status(pid, "VmHWM")
	if err != nil || hwm < 1<<20 {
		t.Errorf("VmHWM = %d, %v; want at least 1 MiB", hwm, err)
	}
	if n, err := Status(pid, "Threads"); err != nil || n < 1 {
		t.Errorf("Threads = %d, %v", n, err)
	}
	if _, err := Status(pid, "NoSuchField"); err == nil {
		t.Error("Status of a missing field: no error")
	}
	before, err := CPUTime(pid)
	if err != nil {
		t.Fatal(err)
	}
	spin := time.Now()
	for time.Since(spin) < 20*time.Millisecond {
	}
	after, _ := CPUTime(pid)
	// How much it grows depends on the machine's load; that it grows
	// shows the clock is this process's.
	if after <= before {
		t.Errorf("CPU time %v after a spin, %v before", after, before)
	}
}

func TestPhaseSpread(t *testing.T) {
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	at := func(ms ...float64) []time.Time {
		var ts []time.Time
		for _, m := range ms {
			ts = append(ts, base.Add(time.Duration(m*float64(time.Millisecond))))
		}
		return ts
	}
	const period = 10 * time.Millisecond
	tests := []struct {
		name     string
		in       []time.Time
		p        float64
		min, max time.Duration
	}{
		{"empty", nil, 100, 0, 0},
		{"on the ticks", at(0, 10, 30, 70, 1000), 100, 0, time.Microsecond},
		{"within half a millisecond", at(0, 10.5, 29.5, 40.2), 100, 400 * time.Microsecond, 600 * time.Microsecond},
		// 9.8 and 0.2 are 0.4 ms apart across the wrap, not 9.6 ms.
		{"across the wrap", at(0, 9.8, 20.2), 100, 150 * time.Microsecond, 250 * time.Microsecond},
		{"all phases", at(0, 2.5, 5, 7.5), 100, 3700 * time.Microsecond, 5 * time.Millisecond},
		{"median ignores an outlier", at(0, 10, 20, 30, 45), 50, 0, 600 * time.Microsecond},
		{"median of spread phases", at(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), 50, 2 * time.Millisecond, 3 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := PhaseSpread(tt.in, period, tt.p)
			if got < tt.min || got > tt.max {
				t.Errorf("PhaseSpread = %v, want %v to %v", got, tt.min, tt.max)
			}
		})
	}
}
