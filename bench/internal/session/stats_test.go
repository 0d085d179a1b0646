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
