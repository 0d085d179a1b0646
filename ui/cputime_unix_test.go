//go:build unix

package ui

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time, user and system, used by the process so
// far: on a machine busy with other work it says what a benchmark costs
// better than the wall clock does.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
