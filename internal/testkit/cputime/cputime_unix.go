//go:build unix

// Package cputime tells benchmarks how much CPU time the process has used:
// on a machine busy with other work it says what a benchmark costs better
// than the wall clock does.
package cputime

import (
	"syscall"
	"time"
)

// Used returns the CPU time, user and system on all cores, that the
// process has used so far, or 0 if it is unknown.
func Used() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
