// Command firstframe measures brief's time to first frame: from the start
// of the process to the first frame that shows the briefing's title and its
// topic list, in a 120x40 pseudo-terminal. In the same run it measures the
// floor (bench/floor: Bubble Tea v2 with one Glamour paragraph), and both
// again in a terminal that never answers queries.
//
//	go run ./bench/firstframe [-n 20]
//
// It builds brief and the floor with `go build` into a temporary directory
// unless -brief and -floor name binaries.
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

type stringsFlag []string

func (s *stringsFlag) String() string     { return strings.Join(*s, ", ") }
func (s *stringsFlag) Set(v string) error { *s = append(*s, v); return nil }

func main() {
	n := flag.Int("n", 20, "measured runs of each program in each terminal")
	width := flag.Int("width", 120, "terminal width")
	height := flag.Int("height", 40, "terminal height")
	timeout := flag.Duration("timeout", 10*time.Second, "give up on a run after this long")
	briefBin := flag.String("brief", "", "brief binary to measure (default: build the module's main package)")
	floorBin := flag.String("floor", "", "floor binary (default: build ./bench/floor)")
	floorOnly := flag.Bool("floor-only", false, "measure the floor alone")
	baseline := flag.String("baseline", "", "another brief binary, such as a build of the previous commit, measured in the same runs")
	show := flag.Bool("show", false, "print each program's first frame as the harness saw it")
	var want, args stringsFlag
	flag.Var(&want, "want", "text brief's first frame must show (repeatable; default: the embedded briefing's title and topic titles)")
	flag.Var(&args, "arg", "argument passed to brief, such as a briefing PATH, from which the default -want is then taken (repeatable)")
	flag.Parse()

	session.CloseOnInterrupt()
	if err := run(config{
		n: *n, w: *width, h: *height, timeout: *timeout,
		brief: *briefBin, floor: *floorBin, floorOnly: *floorOnly,
		want: want, args: args, show: *show, baseline: *baseline,
	}); err != nil {
		session.Fail("firstframe", err)
	}
}

type config struct {
	n, w, h         int
	timeout         time.Duration
	brief, floor    string
	baseline        string
	floorOnly, show bool
	want, args      []string
}

// program is one binary under test and what its first frame shows.
type program struct {
	name string
	bin  string
	args []string
	want []string
}

// series is the runs of one program in one kind of terminal.
type series struct {
	prog    program
	answer  bool
	times   []time.Duration
	firsts  []time.Duration // to the program's first output
	cpus    []time.Duration // CPU time used by the first frame
	queries []string
	frame   string
}

func run(c config) error {
	dir, err := os.MkdirTemp("", "firstframe")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	session.AtInterrupt(func() { os.RemoveAll(dir) })

	if c.floor == "" {
		if c.floor, err = session.Build(dir, "./bench/floor", "floor"); err != nil {
			return err
		}
	}
	progs := []program{{name: "floor", bin: c.floor, want: []string{session.FloorMarker}}}
	if !c.floorOnly {
		if c.brief == "" {
			if c.brief, err = session.Build(dir, ".", "brief"); err != nil {
				return err
			}
		}
		if len(c.want) == 0 {
			if c.want, err = defaultWant(c.args); err != nil {
				return err
			}
		}
		progs = append(progs, program{name: "brief", bin: c.brief, args: c.args, want: c.want})
		if c.baseline != "" {
			progs = append(progs, program{name: "baseline", bin: c.baseline, args: c.args, want: c.want})
		}
	}

	var all []*series
	for _, answer := range []bool{true, false} {
		for _, p := range progs {
			all = append(all, &series{prog: p, answer: answer})
		}
	}
	// A warm-up run of each, then the measured runs interleaved so that
	// every series sees the same machine load.
	for i := -1; i < c.n; i++ {
		for _, s := range all {
			d, first, cpu, queries, frame, err := once(s.prog, s.answer, c)
			if err != nil {
				return fmt.Errorf("%s (%s): %w", s.prog.name, terminal(s.answer), err)
			}
			if i >= 0 {
				s.times = append(s.times, d)
				s.firsts = append(s.firsts, first)
				s.cpus = append(s.cpus, cpu)
			}
			s.queries, s.frame = queries, frame
		}
	}
	report(c, all)
	return nil
}

// once runs a program until its first frame shows what it must.
// It returns the time to that frame and to the program's first output,
// and the CPU time the program had used when the frame was seen, which
// depends less than wall time on what else the machine is doing.
func once(p program, answer bool, c config) (frame, first, cpu time.Duration, queries []string, screen string, err error) {
	s, err := session.Start(p.bin, session.Options{Args: p.args, Width: c.w, Height: c.h, Answer: answer})
	if err != nil {
		return 0, 0, 0, nil, "", err
	}
	defer s.Close()
	at, err := s.WaitFor(c.timeout, p.want...)
	if err != nil {
		return 0, 0, 0, nil, "", err
	}
	if cpu, err = session.CPUTime(s.Pid()); err != nil {
		return 0, 0, 0, nil, "", err
	}
	screen = s.Screen.String()
	// Give queries sent with or after the first frame a moment to arrive,
	// so that the report lists them all.
	time.Sleep(20 * time.Millisecond)
	return at.Sub(s.Started), s.FirstOutput().Sub(s.Started), cpu, s.Answerer.Queries(), screen, nil
}

func terminal(answer bool) string {
	if answer {
		return "answering"
	}
	return "silent"
}

// defaultWant is the briefing's title and the start of its first topic
// titles.
func defaultWant(args []string) ([]string, error) {
	b, err := expect.Load(args)
	if err != nil {
		return nil, err
	}
	return expect.FirstFrame(b, 10), nil
}

func report(c config, all []*series) {
	fmt.Printf("Time to first frame, %dx%d, %d runs each after one warm-up\n%s\n\n",
		c.w, c.h, c.n, session.Machine())
	rows := [][]string{{"program", "terminal", "median", "p90", "min", "max", "first output (median)", "CPU time (median)"}}
	med := map[string]time.Duration{}
	for _, s := range all {
		m := session.Percentile(s.times, 50)
		med[s.prog.name+"/"+terminal(s.answer)] = m
		rows = append(rows, []string{
			s.prog.name, terminal(s.answer), session.Ms(m), session.Ms(session.Percentile(s.times, 90)),
			session.Ms(session.Percentile(s.times, 0.001)), session.Ms(session.Percentile(s.times, 100)),
			session.Ms(session.Percentile(s.firsts, 50)), session.Ms(session.Percentile(s.cpus, 50)),
		})
	}
	fmt.Print(session.Table(rows))
	fmt.Println()
	if b, ok := med["brief/answering"]; ok {
		fmt.Printf("brief / floor (answering terminal): %.2fx (target at most 1.2x)\n",
			float64(b)/float64(med["floor/answering"]))
		fmt.Printf("brief / floor (silent terminal):    %.2fx\n",
			float64(med["brief/silent"])/float64(med["floor/silent"]))
		fmt.Printf("brief silent / brief answering:     %.2fx (a terminal that never answers must not delay the frame)\n",
			float64(med["brief/silent"])/float64(b))
		if base, ok := med["baseline/answering"]; ok {
			fmt.Printf("brief / baseline (answering):       %.2fx\n", float64(b)/float64(base))
		}
	}
	fmt.Println()
	for _, s := range all {
		if s.answer {
			fmt.Printf("%s asks the terminal: %s\n", s.prog.name, strings.Join(s.queries, ", "))
		}
	}
	for _, s := range all {
		if s.prog.name == "brief" && s.answer {
			fmt.Printf("brief's first frame is awaited as showing: %q\n", s.prog.want)
		}
	}
	if c.show {
		for _, s := range all {
			fmt.Printf("\n%s (%s terminal), first frame:\n%s\n", s.prog.name, terminal(s.answer), s.frame)
		}
	}
}
