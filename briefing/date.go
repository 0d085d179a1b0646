package briefing

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date that may be known only to the month or the year,
// as dates in news often are. The zero Date is unknown.
type Date struct {
	Year  int
	Month time.Month // 0 when only the year is known
	Day   int        // 0 when only the year and month are known
}

// ParseDate reads YYYY, YYYY-MM or YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	parts := strings.SplitN(s, "-", 4)
	bad := func() (Date, error) {
		return Date{}, fmt.Errorf("bad date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
	}
	if len(parts) > 3 || len(parts[0]) != 4 {
		return bad()
	}
	var n [3]int
	for i, p := range parts {
		if (i > 0 && len(p) != 2) || p == "" {
			return bad()
		}
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return bad()
		}
		n[i] = v
	}
	d := Date{Year: n[0], Month: time.Month(n[1]), Day: n[2]}
	if len(parts) >= 2 && (d.Month < 1 || d.Month > 12) {
		return Date{}, fmt.Errorf("bad date %q: month %d is not 1 to 12", s, n[1])
	}
	if len(parts) == 3 {
		last := time.Date(d.Year, d.Month+1, 0, 0, 0, 0, 0, time.UTC).Day()
		if d.Day < 1 || d.Day > last {
			return Date{}, fmt.Errorf("bad date %q: %s %d has no day %d", s, d.Month, d.Year, n[2])
		}
	}
	return d, nil
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Year == 0 }

// String formats the date as ISO 8601 at its precision, or "" if unknown.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Long formats the date written out, as "25 January 2026", "January 2026"
// or "2026".
func (d Date) Long() string { return d.written(time.Month.String) }

// Short formats the date at its precision with the month abbreviated, as
// "6 Jan 2026", "Jan 2026" or "2026", or "" if unknown.
func (d Date) Short() string {
	return d.written(func(m time.Month) string { return m.String()[:3] })
}

// written formats the date at its precision, the month named by month.
func (d Date) written(month func(time.Month) string) string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return strconv.Itoa(d.Year)
	case d.Day == 0:
		return month(d.Month) + " " + strconv.Itoa(d.Year)
	}
	return strconv.Itoa(d.Day) + " " + month(d.Month) + " " + strconv.Itoa(d.Year)
}

// Before reports whether d sorts before e; a less precise date sorts
// before the more precise dates within it.
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}
