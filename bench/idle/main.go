// Command idle measures the CPU time brief uses while the reader sits idle
// on a topic: it runs brief in a 120x40 pseudo-terminal, waits for the
// first frame, moves to the next topic, lets the output settle, and reads
// the process's CPU time before and after an idle period (30 s by
// default). The floor (bench/floor) idles next to it for comparison. The
// target is under 10 ms for brief: no tickers, no polling.
//
//	go run ./bench/idle [-for 30s]
//
// CPU time is read twice: as utime+stime from /proc/<pid>/stat (10 ms
// ticks) and from the process's CPU-time clock (nanoseconds). Context
// switches of all threads count wake-ups; output bytes count redraws.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"brief/bench/internal/expect"
	"brief/bench/internal/session"
)

func main() {
	idle := flag.Duration("for", 30*time.Second, "how long to sit idle")
	keys := flag.String("keys", "l", "keys sent to brief after the first frame, to land on a topic")
	settle := flag.Duration("settle", time.Second, "output silence that ends the settling before the idle period")
	briefBin := flag.String("brief", "", "brief binary (default: build the module's main package)")
	var env envFlag
	flag.Var(&env, "env", "NAME=value added to both programs' environment (repeatable), e.g. GOMAXPROCS=1")
	flag.Parse()
	session.CloseOnInterrupt()
	if err := run(*idle, *settle, *keys, *briefBin, env, flag.Args()); err != nil {
		session.Fail("idle", err)
	}
}

type envFlag []string

func (e *envFlag) String() string     { return strings.Join(*e, " ") }
func (e *envFlag) Set(v string) error { *e = append(*e, v); return nil }

// sample is what is read of a process at one moment.
type sample struct {
	cpu      time.Duration
	ticks    int64
	switches int64
	bytes    int64
}

func read(s *session.Session) (sample, error) {
	pid := s.Pid()
	cpu, err := session.CPUTime(pid)
	if err != nil {
		return sample{}, err
	}
	ticks, err := session.StatTicks(pid)
	if err != nil {
		return sample{}, err
	}
	sw, err := session.Switches(pid)
	if err != nil {
		return sample{}, err
	}
	return sample{cpu: cpu, ticks: ticks, switches: sw, bytes: s.OutputBytes()}, nil
}

// subject is a program to idle, ready for its idle period.
type subject struct {
	name    string
	s       *session.Session
	quitKey string
	before  sample
}

func run(idle, settle time.Duration, keys, briefBin string, env, args []string) error {
	dir, err := os.MkdirTemp("", "idle")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	session.AtInterrupt(func() { os.RemoveAll(dir) })
	briefBin, floorBin, err := session.BuildBriefAndFloor(dir, briefBin)
	if err != nil {
		return err
	}
	b, err := expect.Load(args)
	if err != nil {
		return err
	}

	opts := session.Options{Args: args, Width: 120, Height: 40, Answer: true, Env: env}
	brief, err := session.Start(briefBin, opts)
	if err != nil {
		return err
	}
	defer brief.Close()
	if _, err := brief.WaitFor(10*time.Second, expect.FirstFrame(b, 10)...); err != nil {
		return fmt.Errorf("brief: %w", err)
	}
	if err := brief.Send(keys); err != nil {
		return err
	}
	floor, err := session.Start(floorBin, session.Options{Width: 120, Height: 40, Answer: true, Env: env})
	if err != nil {
		return err
	}
	defer floor.Close()
	if _, err := floor.WaitFor(10*time.Second, session.FloorMarker); err != nil {
		return fmt.Errorf("floor: %w", err)
	}

	subjects := []*subject{{name: "brief", s: brief, quitKey: "q"}, {name: "floor", s: floor, quitKey: "q"}}
	for _, sub := range subjects {
		if err := sub.s.WaitQuiet(settle, 20*time.Second); err != nil {
			return fmt.Errorf("%s: %w", sub.name, err)
		}
	}
	for _, sub := range subjects {
		if sub.before, err = read(sub.s); err != nil {
			return fmt.Errorf("%s: %w", sub.name, err)
		}
	}
	time.Sleep(idle)

	fmt.Printf("Idle CPU over %v in a 120x40 pty, brief on its second topic (keys %q)%s\n%s\n\n",
		idle, keys, envNote(env), session.Machine())
	rows := [][]string{{"program", "CPU time (clock)", "utime+stime (ticks)", "context switches", "output bytes", "quits on q"}}
	for _, sub := range subjects {
		after, err := read(sub.s)
		if err != nil {
			return fmt.Errorf("%s: %w", sub.name, err)
		}
		// Quitting is part of the check: an idle program must still answer.
		quits := "no"
		if err := sub.s.Send(sub.quitKey); err == nil && sub.s.Exited(2*time.Second) {
			quits = "yes"
		}
		rows = append(rows, []string{
			sub.name,
			fmt.Sprintf("%.2f ms", float64(after.cpu-sub.before.cpu)/float64(time.Millisecond)),
			fmt.Sprintf("%d (%d ms)", after.ticks-sub.before.ticks, (after.ticks-sub.before.ticks)*10),
			fmt.Sprint(after.switches - sub.before.switches),
			fmt.Sprint(after.bytes - sub.before.bytes),
			quits,
		})
	}
	fmt.Print(session.Table(rows))
	fmt.Println("\nTarget: brief under 10 ms of CPU time while idle.")
	return nil
}

func envNote(env []string) string {
	if len(env) == 0 {
		return ""
	}
	return ", with " + strings.Join(env, " ")
}
