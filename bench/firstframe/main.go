// Command firstframe measures brief's time to first frame: from the start
// of the process to the first frame that shows the briefing's title and its
// topic list, in a 120x40 pseudo-terminal. In the same run it measures the
// floor (bench/floor: Bubble Tea v2 with one Glamour paragraph), and both
// again in a terminal that never answers queries.
//
// Beside the first frame it measures the first styled frame: when words of
// the first topic show in Glamour's colours rather than as the plain
// Markdown the reader shows while a topic renders, on the briefing and on
// a generated single-topic briefing of 2 MB (-huge-size). And it measures
// key to frame: the time from a key (j) written to the terminal to the
// program's next output, for brief and for less on the same text, keys
// sent at random phases of Bubble Tea's frame ticker (-keys).
//
//	go run ./bench/firstframe [-n 20] [-keys 40] [-huge-size 2097152]
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
	n := flag.Int("n", 20, "measured runs of each program in each terminal; 0: no first frames (keys or -huge-size only)")
	width := flag.Int("width", 120, "terminal width")
	height := flag.Int("height", 40, "terminal height")
	timeout := flag.Duration("timeout", 10*time.Second, "give up on a run after this long")
	briefBin := flag.String("brief", "", "brief binary to measure (default: build the module's main package)")
	floorBin := flag.String("floor", "", "floor binary (default: build ./bench/floor)")
	floorOnly := flag.Bool("floor-only", false, "measure the floor alone")
	baseline := flag.String("baseline", "", "another brief binary, such as a build of the previous commit, measured in the same runs")
	show := flag.Bool("show", false, "print each program's first frame as the harness saw it")
	keys := flag.Int("keys", 40, "keys (j) timed from the key to the next output, for brief and less; 0: none")
	less := flag.String("less", "less", "pager measured beside brief for key to frame; empty: none")
	uiBench := flag.Bool("ui-bench", true, "with -keys, also run the in-process benchmark of a key (go test ./ui -bench Scroll)")
	hugeSize := flag.Int64("huge-size", 2<<20, "bytes of Markdown in the generated single-topic briefing whose first styled frame is measured; 0: none")
	hugeN := flag.Int("huge-n", 5, "measured runs on the generated single-topic briefing")
	seed := flag.Uint64("seed", 1, "seed of the random phases at which keys are sent")
	var want, args stringsFlag
	flag.Var(&want, "want", "text brief's first frame must show (repeatable; default: the embedded briefing's title and topic titles)")
	flag.Var(&args, "arg", "argument passed to brief, such as a briefing PATH, from which the default -want is then taken (repeatable)")
	flag.Parse()

	session.CloseOnInterrupt()
	if err := run(config{
		n: *n, w: *width, h: *height, timeout: *timeout,
		brief: *briefBin, floor: *floorBin, floorOnly: *floorOnly,
		want: want, args: args, show: *show, baseline: *baseline,
		keys: *keys, less: *less, uiBench: *uiBench, hugeSize: *hugeSize, hugeN: *hugeN, seed: *seed,
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
	keys, hugeN     int
	less            string
	uiBench         bool
	hugeSize        int64
	seed            uint64
}

// program is one binary under test, what its first frame shows and, for
// brief, words of its first topic that show styled once it has rendered.
type program struct {
	name   string
	bin    string
	args   []string
	want   []string
	styled []string
}

// series is the runs of one program in one kind of terminal.
type series struct {
	prog    program
	answer  bool
	times   []time.Duration
	firsts  []time.Duration // to the program's first output
	cpus    []time.Duration // CPU time used by the first frame
	styled  []time.Duration // to the first styled frame, for brief
	sCPUs   []time.Duration // CPU time used by the first styled frame
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
		b, err := expect.Load(c.args)
		if err != nil {
			return err
		}
		styled := expect.StyledWords(b, 8)
		progs = append(progs, program{name: "brief", bin: c.brief, args: c.args, want: c.want, styled: styled})
		if c.baseline != "" {
			progs = append(progs, program{name: "baseline", bin: c.baseline, args: c.args, want: c.want, styled: styled})
		}
	}

	var all []*series
	for _, answer := range []bool{true, false} {
		for _, p := range progs {
			all = append(all, &series{prog: p, answer: answer})
		}
	}
	if c.n > 0 {
		if err := measure(all, c.n, c); err != nil {
			return err
		}
		fmt.Printf("Time to first frame, %dx%d, %d runs each after one warm-up\n%s\n\n",
			c.w, c.h, c.n, session.Machine())
		report(c, all)
	}

	if c.hugeSize > 0 && !c.floorOnly {
		if err := huge(dir, progs[1:], c); err != nil {
			return fmt.Errorf("single-topic briefing: %w", err)
		}
	}
	if c.keys > 0 && !c.floorOnly {
		if err := keyToFrame(dir, progs[1:], c); err != nil {
			return fmt.Errorf("key to frame: %w", err)
		}
	}
	return nil
}

// measure runs each series n times after a warm-up run of each,
// interleaved so that every series sees the same machine load.
func measure(all []*series, n int, c config) error {
	for i := -1; i < n; i++ {
		for _, s := range all {
			r, err := once(s.prog, s.answer, c)
			if err != nil {
				return fmt.Errorf("%s (%s): %w", s.prog.name, terminal(s.answer), err)
			}
			if i >= 0 {
				s.times = append(s.times, r.frame)
				s.firsts = append(s.firsts, r.first)
				s.cpus = append(s.cpus, r.cpu)
				if len(s.prog.styled) > 0 {
					s.styled = append(s.styled, r.styled)
					s.sCPUs = append(s.sCPUs, r.styledCPU)
				}
			}
			s.queries, s.frame = r.queries, r.screen
		}
	}
	return nil
}

// result is what one run measured.
type result struct {
	frame, first, cpu, styled time.Duration
	styledCPU                 time.Duration // CPU time used by the first styled frame
	queries                   []string
	screen                    string
}

// once runs a program until its first frame shows what it must, and then,
// for brief, until its first topic shows styled. It returns the time to
// those frames and to the program's first output, and the CPU time the
// program had used when the first frame was seen, which depends less than
// wall time on what else the machine is doing.
func once(p program, answer bool, c config) (result, error) {
	s, err := session.Start(p.bin, session.Options{Args: p.args, Width: c.w, Height: c.h, Answer: answer})
	if err != nil {
		return result{}, err
	}
	defer s.Close()
	at, err := s.WaitFor(c.timeout, p.want...)
	if err != nil {
		return result{}, err
	}
	var r result
	if r.cpu, err = session.CPUTime(s.Pid()); err != nil {
		return result{}, err
	}
	r.screen = s.Screen.String()
	if len(p.styled) > 0 {
		sat, err := s.WaitStyled(c.timeout, p.styled...)
		if err != nil {
			return result{}, err
		}
		r.styled = sat.Sub(s.Started)
		if r.styledCPU, err = session.CPUTime(s.Pid()); err != nil {
			return result{}, err
		}
	}
	// Give queries sent with or after the first frame a moment to arrive,
	// so that the report lists them all.
	time.Sleep(20 * time.Millisecond)
	r.frame, r.first, r.queries = at.Sub(s.Started), s.FirstOutput().Sub(s.Started), s.Answerer.Queries()
	return r, nil
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
	rows := [][]string{{"program", "terminal", "median", "p90", "min", "max", "first output (median)", "CPU time (median)", "first styled frame (median, p90)"}}
	med := map[string]time.Duration{}
	for _, s := range all {
		m := session.Percentile(s.times, 50)
		med[s.prog.name+"/"+terminal(s.answer)] = m
		rows = append(rows, []string{
			s.prog.name, terminal(s.answer), session.Ms(m), session.Ms(session.Percentile(s.times, 90)),
			session.Ms(session.Percentile(s.times, 0.001)), session.Ms(session.Percentile(s.times, 100)),
			session.Ms(session.Percentile(s.firsts, 50)), session.Ms(session.Percentile(s.cpus, 50)),
			styledCell(s.styled),
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
			fmt.Printf("its first styled frame as showing one of %q with every letter in a colour or attribute\n", s.prog.styled)
		}
	}
	if c.show {
		for _, s := range all {
			fmt.Printf("\n%s (%s terminal), first frame:\n%s\n", s.prog.name, terminal(s.answer), s.frame)
		}
	}
}

// styledCell is the median and p90 of the first styled frames, or a dash
// for a program whose styled frame is not awaited.
func styledCell(ds []time.Duration) string {
	if len(ds) == 0 {
		return "-"
	}
	return session.Ms(session.Percentile(ds, 50)) + ", " + session.Ms(session.Percentile(ds, 90))
}
