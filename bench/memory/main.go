// Command memory measures brief's peak resident memory (VmHWM) in a 120x40
// pseudo-terminal, in two runs:
//
//   - the embedded briefing, paging down through every topic and moving to
//     the next with l, target under 40 MB;
//
//   - a synthetic 1,000-topic briefing (internal/testkit/synth), visiting topics one
//     after another: resident memory must not grow with the number of
//     topics visited, since rendered text is cached within a bound.
//
//     go run ./bench/memory [-visits 999] [-synth-size 20971520]
//
// Each step waits for brief to show the topic's number ("12/1000") and
// then for its output to settle, so that every topic visited has been
// rendered, not skipped.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"brief/bench/internal/expect"
	"brief/bench/internal/session"
	"brief/internal/testkit/synth"
)

func main() {
	visits := flag.Int("visits", 999, "topics visited after the first in the synthetic briefing (at most topics-1)")
	position := flag.String("position", "%d/%d", "how brief shows the current topic's number and the count, as a Printf format; empty: do not wait for it")
	topics := flag.Int("synth-topics", 1000, "topics in the synthetic briefing")
	size := flag.Int64("synth-size", 20<<20, "bytes of Markdown in the synthetic briefing (20 MiB, as bench/search.sh uses)")
	settle := flag.Duration("settle", 150*time.Millisecond, "output silence that counts as a finished step")
	briefBin := flag.String("brief", "", "brief binary (default: build the module's main package)")
	skipSynth := flag.Bool("embedded-only", false, "measure the embedded briefing only")
	flag.Parse()
	session.CloseOnInterrupt()
	c := config{
		visits: min(*visits, *topics-1), topics: *topics, size: *size, settle: *settle,
		brief: *briefBin, skipSynth: *skipSynth, position: *position,
	}
	if err := run(c); err != nil {
		session.Fail("memory", err)
	}
}

type config struct {
	visits, topics int
	size           int64
	settle         time.Duration
	brief          string
	skipSynth      bool
	position       string
}

func run(c config) error {
	dir, err := os.MkdirTemp("", "memory")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	session.AtInterrupt(func() { os.RemoveAll(dir) })
	if c.brief == "" {
		if c.brief, err = session.Build(dir, ".", "brief"); err != nil {
			return err
		}
	}
	fmt.Printf("Peak resident memory (VmHWM) in a 120x40 pty\n%s\n\n", session.Machine())
	if err := embedded(c); err != nil {
		return fmt.Errorf("embedded briefing: %w", err)
	}
	if c.skipSynth {
		return nil
	}
	path := filepath.Join(dir, "synth")
	if err := synth.Generate(path, c.topics, c.size, 1); err != nil {
		return err
	}
	if err := synthetic(c, path); err != nil {
		return fmt.Errorf("synthetic briefing: %w", err)
	}
	return nil
}

// memory is VmHWM and VmRSS of a process, and its live heap at the last
// garbage collection.
type memory struct {
	hwm, rss int64
	live     gcLive
}

func readMemory(s *session.Session, gc *gcTrace) (memory, error) {
	hwm, err := session.Status(s.Pid(), "VmHWM")
	if err != nil {
		return memory{}, err
	}
	rss, err := session.Status(s.Pid(), "VmRSS")
	return memory{hwm: hwm, rss: rss, live: gc.last()}, err
}

// start runs brief with the garbage collector's trace on its standard
// error, and waits for the first frame.
func start(c config, args []string, want []string) (*session.Session, *gcTrace, error) {
	gc := &gcTrace{}
	s, err := session.Start(c.brief, session.Options{
		Args: args, Width: 120, Height: 40, Answer: true,
		Env: []string{"GODEBUG=gctrace=1"}, Stderr: gc,
	})
	if err != nil {
		return nil, nil, err
	}
	if _, err := s.WaitFor(60*time.Second, want...); err != nil {
		s.Close()
		return nil, nil, err
	}
	return s, gc, nil
}

// step types keys, waits for the screen to show want (if any), and then
// for the output to settle, so that the topic's rendered text has landed.
// Settling alone is not enough: a program busy rendering writes nothing,
// and keys sent meanwhile pile up.
func step(s *session.Session, keys, want string, settle time.Duration) error {
	if err := s.Send(keys); err != nil {
		return err
	}
	if want != "" {
		if _, err := s.WaitFor(60*time.Second, want); err != nil {
			return err
		}
	}
	return s.WaitQuiet(settle, 60*time.Second)
}

// quit ends brief with q, and says how long it took.
func quit(s *session.Session) string {
	t := time.Now()
	if err := s.Send("q"); err == nil && s.Exited(10*time.Second) {
		return "quit on q in " + session.Ms(time.Since(t))
	}
	return "did NOT quit on q within 10 s"
}

func embedded(c config) error {
	b, err := expect.Load(nil)
	if err != nil {
		return err
	}
	s, gc, err := start(c, nil, expect.FirstFrame(b, 10))
	if err != nil {
		return err
	}
	defer s.Close()
	first, err := readMemory(s, gc)
	if err != nil {
		return err
	}
	// Page down through each topic (f: space would go on to the next
	// topic at the end of a short one), then on to the next (l).
	for i := range b.Topics {
		for range 4 {
			if err := step(s, "f", "", c.settle); err != nil {
				return err
			}
		}
		if err := step(s, "l", c.at(i+2, len(b.Topics)), c.settle); err != nil {
			return err
		}
	}
	after, err := readMemory(s, gc)
	if err != nil {
		return err
	}
	fmt.Printf("Embedded briefing, %d topics, each paged through (4 x f, then l):\n\n", len(b.Topics))
	fmt.Print(session.Table([][]string{
		{"moment", "VmHWM (peak)", "VmRSS", "live heap at last GC"},
		{"first frame", session.MiB(first.hwm), session.MiB(first.rss), first.live.String()},
		{"after every topic", session.MiB(after.hwm), session.MiB(after.rss), after.live.String()},
	}))
	fmt.Printf("\nTarget: peak under 40 MB (%s). brief %s.\n\n", verdict(after.hwm < 40_000_000), quit(s))
	return nil
}

func synthetic(c config, path string) error {
	b, err := expect.Load([]string{path})
	if err != nil {
		return err
	}
	loadStart := time.Now()
	s, gc, err := start(c, []string{path}, expect.FirstFrame(b, 5))
	if err != nil {
		return err
	}
	defer s.Close()
	firstFrame := time.Since(loadStart)
	first, err := readMemory(s, gc)
	if err != nil {
		return err
	}
	checkpoints := []int{10, 50, 100, 250, 500, 750, 1000, 2000, 5000}
	checkpoints = slices.DeleteFunc(checkpoints, func(n int) bool { return n >= c.visits })
	checkpoints = append(checkpoints, c.visits)
	rows := [][]string{
		{"topics visited", "VmHWM (peak)", "VmRSS", "live heap at last GC", "elapsed"},
		{"0 (first frame)", session.MiB(first.hwm), session.MiB(first.rss), first.live.String(), session.Ms(firstFrame)},
	}
	var at []memory
	began := time.Now()
	for i := 1; i <= c.visits; i++ {
		if err := step(s, "l", c.at(i+1, len(b.Topics)), c.settle); err != nil {
			return fmt.Errorf("visit %d: %w", i, err)
		}
		if slices.Contains(checkpoints, i) {
			m, err := readMemory(s, gc)
			if err != nil {
				return err
			}
			at = append(at, m)
			rows = append(rows, []string{fmt.Sprint(i), session.MiB(m.hwm), session.MiB(m.rss), m.live.String(),
				fmt.Sprintf("%.0f s", time.Since(began).Seconds())})
		}
	}
	var words int
	for _, t := range b.Topics {
		words += t.Words()
	}
	fmt.Printf("Synthetic briefing: %d topics, %.1f MiB of Markdown (%d words), visited one after another with l:\n\n",
		len(b.Topics), float64(c.size)/(1<<20), words)
	fmt.Print(session.Table(rows))
	if len(at) >= 2 {
		// Growth between the first and last checkpoints, per topic visited.
		first, last := at[0], at[len(at)-1]
		n := checkpoints[len(checkpoints)-1] - checkpoints[0]
		fmt.Printf("\nFrom %d to %d topics visited: VmRSS %s (%s per topic), VmHWM %s, live heap %s (%s per topic).\n",
			checkpoints[0], checkpoints[len(checkpoints)-1], signedMiB(last.rss-first.rss),
			signedKiB((last.rss-first.rss)/int64(max(n, 1))), signedMiB(last.hwm-first.hwm),
			signedMiB(last.live.bytes-first.live.bytes), signedKiB((last.live.bytes-first.live.bytes)/int64(max(n, 1))))
	}
	fmt.Printf("brief %s.\n", quit(s))
	return nil
}

// gcTrace reads the garbage collector's trace (GODEBUG=gctrace=1) from a
// program's standard error and keeps the live heap of the last collection.
type gcTrace struct {
	mu      sync.Mutex
	partial []byte
	live    gcLive
}

// gcLive is the heap marked live by a collection, and how many there
// have been.
type gcLive struct {
	bytes int64
	gcs   int
}

func (l gcLive) String() string {
	if l.gcs == 0 {
		return "no GC yet"
	}
	return fmt.Sprintf("%s (GC %d)", session.MiB(l.bytes), l.gcs)
}

// gcLine matches "gc 12 @1.5s 1%: ... ms cpu, 40->41->20 MB, ...": the
// third heap size is the live heap.
var gcLine = regexp.MustCompile(`^gc (\d+) @.* (\d+)->(\d+)->(\d+) MB`)

func (g *gcTrace) Write(p []byte) (int, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.partial = append(g.partial, p...)
	for {
		i := bytes.IndexByte(g.partial, '\n')
		if i < 0 {
			break
		}
		if m := gcLine.FindSubmatch(g.partial[:i]); m != nil {
			n, _ := strconv.Atoi(string(m[1]))
			live, _ := strconv.ParseInt(string(m[4]), 10, 64)
			g.live = gcLive{bytes: live << 20, gcs: n}
		}
		g.partial = g.partial[i+1:]
	}
	return len(p), nil
}

func (g *gcTrace) last() gcLive {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.live
}

// at is what the screen shows on topic number n (from 1) of count; past
// the last topic, nothing is awaited.
func (c config) at(n, count int) string {
	if c.position == "" || n > count {
		return ""
	}
	return fmt.Sprintf(c.position, n, count)
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT met"
}

func signedMiB(n int64) string {
	return strings.Replace(fmt.Sprintf("%+.1f MiB", float64(n)/(1<<20)), "+0.0", "0.0", 1)
}

func signedKiB(n int64) string {
	return fmt.Sprintf("%+.1f KiB", float64(n)/1024)
}
