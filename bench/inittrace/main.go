// Command inittrace measures the package initialisation brief pays on
// every start: it runs the built binary with GODEBUG=inittrace=1 several
// times and reports, per package, the median time and the memory its init
// functions allocate, largest first, with the total.
//
//	go run ./bench/inittrace [-n 15] [-top 15] [-- args to brief]
//
// It builds brief (and bench/floor, for comparison) with `go build` into a
// temporary directory unless -brief names a binary. The default arguments
// are --version, which loads nothing, so that what is measured is what
// every start pays before main runs.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"time"

	"brief/bench/internal/session"
)

func main() {
	n := flag.Int("n", 15, "runs of each binary")
	top := flag.Int("top", 15, "packages to list")
	briefBin := flag.String("brief", "", "brief binary (default: build the module's main package)")
	flag.Parse()
	args := flag.Args()
	if len(args) == 0 {
		args = []string{"--version"}
	}
	if err := run(*n, *top, *briefBin, args); err != nil {
		fmt.Fprintln(os.Stderr, "inittrace:", err)
		os.Exit(1)
	}
}

func run(n, top int, briefBin string, args []string) error {
	dir, err := os.MkdirTemp("", "inittrace")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	briefBin, floorBin, err := session.BuildBriefAndFloor(dir, briefBin)
	if err != nil {
		return err
	}

	fmt.Printf("Package initialisation (GODEBUG=inittrace=1), median of %d runs\n%s\n\n", n, session.Machine())
	// Runs alternate between the two binaries so that both see the same
	// machine load.
	brief, floor := newTrace(), newTrace()
	for range n {
		if err := brief.run(briefBin, args); err != nil {
			return err
		}
		// Given an argument, the floor exits right after its inits.
		if err := floor.run(floorBin, []string{"init-only"}); err != nil {
			return err
		}
	}
	brief.summarise()
	floor.summarise()
	fmt.Printf("brief %s: %s in %d packages, %s allocated\n", strings.Join(args, " "),
		session.Ms(brief.total), len(brief.pkgs), session.MiB(brief.bytes))
	fmt.Printf("floor (Bubble Tea + Glamour): %s in %d packages, %s allocated\n\n",
		session.Ms(floor.total), len(floor.pkgs), session.MiB(floor.bytes))

	rows := [][]string{{"package", "init (median)", "allocated", "share of brief's total"}}
	for i, p := range brief.sorted() {
		if i == top {
			break
		}
		rows = append(rows, []string{
			p.name, session.Ms(p.median), session.MiB(p.bytes),
			fmt.Sprintf("%.0f%%", 100*float64(p.median)/float64(brief.total)),
		})
	}
	fmt.Print(session.Table(rows))
	return nil
}

// pkgInit is one package's initialisation over several runs.
type pkgInit struct {
	name   string
	times  []time.Duration
	median time.Duration
	bytes  int64
}

type trace struct {
	pkgs   map[string]*pkgInit
	totals []time.Duration
	total  time.Duration // median of totals
	bytes  int64
}

func (t *trace) sorted() []*pkgInit {
	ps := make([]*pkgInit, 0, len(t.pkgs))
	for _, p := range t.pkgs {
		ps = append(ps, p)
	}
	slices.SortFunc(ps, func(a, b *pkgInit) int { return int(b.median - a.median) })
	return ps
}

func newTrace() *trace {
	return &trace{pkgs: map[string]*pkgInit{}}
}

// run runs bin once and adds its init trace.
func (t *trace) run(bin string, args []string) error {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w\n%s", bin, strings.Join(args, " "), err, lastLines(stderr.String(), 5))
	}
	lines, err := Parse(stderr.Bytes())
	if err != nil {
		return fmt.Errorf("%s: %w", bin, err)
	}
	if len(lines) == 0 {
		return fmt.Errorf("%s: no init trace on stderr:\n%s", bin, stderr.String())
	}
	var total time.Duration
	var bytes int64
	for _, l := range lines {
		p := t.pkgs[l.Package]
		if p == nil {
			p = &pkgInit{name: l.Package}
			t.pkgs[l.Package] = p
		}
		p.times = append(p.times, l.Clock)
		p.bytes = l.Bytes
		total += l.Clock
		bytes += l.Bytes
	}
	t.totals = append(t.totals, total)
	t.bytes = bytes
	return nil
}

// summarise computes the medians.
func (t *trace) summarise() {
	for _, p := range t.pkgs {
		p.median = session.Percentile(p.times, 50)
	}
	t.total = session.Percentile(t.totals, 50)
}

// Line is one line of the runtime's init trace:
//
//	init github.com/mattn/go-runewidth @0.42 ms, 26 ms clock, 2048 bytes, 3 allocs
type Line struct {
	Package string
	Clock   time.Duration
	Bytes   int64
}

// Parse reads the init trace lines out of a program's standard error and
// ignores everything else.
func Parse(stderr []byte) ([]Line, error) {
	var out []Line
	sc := bufio.NewScanner(bytes.NewReader(stderr))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 9 || f[0] != "init" || f[3] != "ms," || f[5] != "ms" || f[8] != "bytes," {
			continue
		}
		ms, err := strconv.ParseFloat(f[4], 64)
		if err != nil {
			return nil, fmt.Errorf("init trace %q: %w", sc.Text(), err)
		}
		b, err := strconv.ParseInt(f[7], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("init trace %q: %w", sc.Text(), err)
		}
		out = append(out, Line{Package: f[1], Clock: time.Duration(ms * float64(time.Millisecond)), Bytes: b})
	}
	return out, sc.Err()
}

// lastLines is the end of a program's error output, for an error message.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(len(lines)-n, 0):], "\n")
}
