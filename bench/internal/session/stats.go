package session

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// Percentile returns the p-th percentile (0 < p <= 100) of ds by the
// nearest-rank method; the median of an even count is the mean of the two
// middle values.
func Percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	if p == 50 && len(s)%2 == 0 {
		return (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	rank := int(float64(len(s))*p/100 + 0.999999)
	return s[max(rank, 1)-1]
}

// Ms formats a duration in milliseconds with one decimal.
func Ms(d time.Duration) string {
	return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
}

// MiB formats a byte count in mebibytes with one decimal.
func MiB(n int64) string {
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// Table formats rows as a Markdown table, the first row being the header.
func Table(rows [][]string) string {
	var b strings.Builder
	for i, r := range rows {
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
		if i == 0 {
			b.WriteString("|" + strings.Repeat(" --- |", len(r)) + "\n")
		}
	}
	return b.String()
}

// PhaseSpread is how far the times ts stray from one phase of a clock
// that ticks every period: the p-th percentile (as Percentile) of the
// distances, either way, of their phases from their circular mean phase.
// Times that fall on the ticks of one ticker have a spread near zero;
// times independent of it spread over the whole period, a median of
// about period/4.
func PhaseSpread(ts []time.Time, period time.Duration, p float64) time.Duration {
	if len(ts) == 0 || period <= 0 {
		return 0
	}
	angle := func(t time.Time) float64 {
		ph := t.Sub(ts[0]) % period
		return 2 * math.Pi * float64(ph) / float64(period)
	}
	var sx, sy float64
	for _, t := range ts {
		a := angle(t)
		sx += math.Cos(a)
		sy += math.Sin(a)
	}
	mean := math.Atan2(sy, sx)
	ds := make([]time.Duration, len(ts))
	for i, t := range ts {
		d := math.Abs(math.Remainder(angle(t)-mean, 2*math.Pi))
		ds[i] = time.Duration(d / (2 * math.Pi) * float64(period))
	}
	return Percentile(ds, p)
}
