package session

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// CPUTime is the CPU time (user and system, all threads) the process has
// used so far, read from its CPU-time clock: nanosecond resolution, where
// /proc/<pid>/stat counts 10 ms ticks.
func CPUTime(pid int) (time.Duration, error) {
	// The clock id of another process's CPU clock, as glibc's
	// clock_getcpuclockid builds it: ((~pid) << 3) | CPUCLOCK_SCHED.
	clk := int32((^pid)<<3 | 2)
	var ts unix.Timespec
	if err := unix.ClockGettime(clk, &ts); err != nil {
		return 0, fmt.Errorf("cpu clock of %d: %w", pid, err)
	}
	return time.Duration(ts.Nano()), nil
}

// StatTicks returns utime+stime of the process from /proc/<pid>/stat, in
// clock ticks (USER_HZ, 100 per second on Linux).
func StatTicks(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// The command name, field 2, may hold spaces: fields count from the
	// last ')'.
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, fmt.Errorf("/proc/%d/stat: no command name", pid)
	}
	f := strings.Fields(string(b[i+1:]))
	// f[0] is field 3 (state); utime and stime are fields 14 and 15.
	if len(f) < 13 {
		return 0, fmt.Errorf("/proc/%d/stat: %d fields", pid, len(f))
	}
	ut, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("/proc/%d/stat: bad utime/stime %q %q", pid, f[11], f[12])
	}
	return ut + st, nil
}

// Status returns a field of /proc/<pid>/status in bytes, for the
// memory fields given in kB (VmHWM, VmRSS), or as a plain number
// otherwise (Threads, voluntary_ctxt_switches).
func Status(pid int, field string) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for line := range strings.Lines(string(b)) {
		name, rest, ok := strings.Cut(line, ":")
		if !ok || name != field {
			continue
		}
		f := strings.Fields(rest)
		if len(f) == 0 {
			break
		}
		n, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("/proc/%d/status %s: %w", pid, field, err)
		}
		if len(f) > 1 && f[1] == "kB" {
			n *= 1024
		}
		return n, nil
	}
	return 0, fmt.Errorf("/proc/%d/status: no %s", pid, field)
}

// Switches is the number of context switches of all the process's
// threads, each one a wake-up.
func Switches(pid int) (int64, error) {
	tasks, err := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/status", pid))
	if err != nil || len(tasks) == 0 {
		return 0, fmt.Errorf("tasks of %d: %v", pid, err)
	}
	var total int64
	for _, t := range tasks {
		b, err := os.ReadFile(t)
		if err != nil {
			continue // the thread ended
		}
		for line := range strings.Lines(string(b)) {
			name, rest, _ := strings.Cut(line, ":")
			if name == "voluntary_ctxt_switches" || name == "nonvoluntary_ctxt_switches" {
				n, _ := strconv.ParseInt(strings.TrimSpace(rest), 10, 64)
				total += n
			}
		}
	}
	return total, nil
}

// ModuleRoot is the directory holding the go.mod of the current module.
func ModuleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", fmt.Errorf("not inside a Go module")
	}
	return filepath.Dir(mod), nil
}

// FloorMarker is the heading bench/floor renders (its Marker), which the
// harnesses wait for.
const FloorMarker = "Floor of the first frame"

// BuildBriefAndFloor builds brief into dir, unless briefBin names a binary
// already, and bench/floor, and returns the paths of both.
func BuildBriefAndFloor(dir, briefBin string) (brief, floor string, err error) {
	if briefBin == "" {
		if briefBin, err = Build(dir, ".", "brief"); err != nil {
			return "", "", err
		}
	}
	if floor, err = Build(dir, "./bench/floor", "floor"); err != nil {
		return "", "", err
	}
	return briefBin, floor, nil
}

// Build compiles the package pkg (relative to the module root, such as
// "." or "./bench/floor") into dir/name with `go build`, and returns the
// binary's path.
func Build(dir, pkg, name string) (string, error) {
	root, err := ModuleRoot()
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, name)
	cmd := exec.Command("go", "build", "-o", bin, pkg)
	cmd.Dir = root
	// Its own process group, so that an interrupt stops the compiler and
	// linker too before the temporary directory goes.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return "", fmt.Errorf("go build %s: %w", pkg, err)
	}
	stop := func() { _ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	trackBuild(&stop)
	err = cmd.Wait()
	untrackBuild(&stop)
	if err != nil {
		return "", fmt.Errorf("go build %s: %v\n%s", pkg, err, out.String())
	}
	return bin, nil
}

// Machine describes where the figures were taken: date, CPU count and
// model, Go version and operating system.
func Machine() string {
	model := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.Lines(string(b)) {
			if name, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(name) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
	}
	kernel := "unknown kernel"
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		kernel = "Linux " + strings.TrimSpace(string(b))
	}
	load := ""
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(b)); len(f) > 0 {
			load = ", load average " + f[0]
		}
	}
	return fmt.Sprintf("%s; %d CPUs (%s); %s; %s%s",
		time.Now().UTC().Format("2006-01-02 15:04 MST"), runtime.NumCPU(), model,
		runtime.Version(), kernel, load)
}
