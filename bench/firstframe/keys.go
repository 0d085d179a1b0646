package main

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"brief/bench/internal/expect"
	"brief/bench/internal/session"
)

// tick is Bubble Tea's frame period at its default 60 frames a second.
const tick = time.Second / 60

// keySubject is a program in a terminal, ready for keys.
type keySubject struct {
	name  string
	s     *session.Session
	lat   []time.Duration
	answs []time.Time // when each answer was read
}

// keyToFrame times keys in a pseudo-terminal, as a user feels them: from
// j written to the terminal to the first byte the program writes back.
// brief (and the baseline) show the longest of the first nine topics,
// already rendered; less shows the same topic as `brief print` writes it.
// The programs take turns, one key each, so that they see the same load,
// and each key waits until the program has been quiet for 50 ms and then
// a random part of a frame period, so that keys land at random phases of
// the ticker.
func keyToFrame(dir string, progs []program, c config) error {
	b, err := expect.Load(c.args)
	if err != nil {
		return err
	}
	if len(b.Topics) == 0 {
		return fmt.Errorf("the briefing has no topic to scroll")
	}
	ti := 0
	for i, t := range b.Topics[:min(9, len(b.Topics))] {
		if len(t.Body) > len(b.Topics[ti].Body) {
			ti = i
		}
	}
	topic := b.Topics[ti]

	var subjects []*keySubject
	defer func() {
		for _, k := range subjects {
			k.s.Close()
		}
	}()
	for _, p := range progs {
		s, err := session.Start(p.bin, session.Options{Args: p.args, Width: c.w, Height: c.h, Answer: true})
		if err != nil {
			return err
		}
		subjects = append(subjects, &keySubject{name: p.name, s: s})
		if _, err := s.WaitFor(c.timeout, p.want...); err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
		if err := s.Send(strconv.Itoa(ti + 1)); err != nil {
			return err
		}
	}
	if c.less != "" {
		s, err := startLess(dir, progs[0], topic.ID, c)
		if err != nil {
			return err
		}
		subjects = append(subjects, &keySubject{name: "less", s: s})
	}
	// Let topics render and screens settle.
	for _, k := range subjects {
		if err := k.s.WaitQuiet(500*time.Millisecond, 30*time.Second); err != nil {
			return fmt.Errorf("%s: %w", k.name, err)
		}
	}

	rng := rand.New(rand.NewPCG(c.seed, 0))
	for i := range c.keys {
		for _, k := range subjects {
			if err := k.s.WaitQuiet(50*time.Millisecond, 5*time.Second); err != nil {
				return fmt.Errorf("%s: %w", k.name, err)
			}
			time.Sleep(time.Duration(rng.Int64N(int64(tick))))
			sent, answered, err := k.s.SendTimed("j", 2*time.Second)
			if err != nil {
				return fmt.Errorf("%s, key %d of %d (the text may be too short for this many keys): %w", k.name, i+1, c.keys, err)
			}
			k.lat = append(k.lat, answered.Sub(sent))
			k.answs = append(k.answs, answered)
		}
	}

	inproc := ""
	if c.uiBench {
		if inproc, err = inProcess(); err != nil {
			return err
		}
	}
	reportKeys(subjects, topic.Title, inproc, c)
	return nil
}

// startLess writes the topic as `brief print` does, plain, at the width
// the reader gives its text, and opens it in less.
func startLess(dir string, brief program, id string, c config) (*session.Session, error) {
	args := append([]string{"print"}, brief.args...)
	args = append(args, "--topic", id, "--style", "notty", "--width", strconv.Itoa(readerWidth(c.w)))
	out, err := exec.Command(brief.bin, args...).Output()
	if err != nil {
		return nil, fmt.Errorf("brief %s: %w", strings.Join(args, " "), err)
	}
	file := filepath.Join(dir, "topic.txt")
	if err := os.WriteFile(file, out, 0o644); err != nil {
		return nil, err
	}
	first := ""
	for line := range strings.Lines(string(out)) {
		if first = strings.TrimSpace(line); first != "" {
			break
		}
	}
	s, err := session.Start(c.less, session.Options{Args: []string{file}, Width: c.w, Height: c.h, Answer: true})
	if err != nil {
		return nil, err
	}
	if _, err := s.WaitFor(c.timeout, expect.Prefix(first, 20)); err != nil {
		s.Close()
		return nil, fmt.Errorf("less: %w", err)
	}
	return s, nil
}

// readerWidth is about the width brief wraps a topic at in a terminal w
// columns wide: what is left beside the topic list, at most 100.
func readerWidth(w int) int {
	return min(max(w-32, 20), 100)
}

// inProcess runs the in-process benchmarks of a scrolling key: ui's
// BenchmarkScroll (Update with j or k, then View) and BenchmarkKeyFrame
// of this package, which adds what Bubble Tea's renderer does with the
// frame on the next tick. It returns a line for each.
func inProcess() (string, error) {
	root, err := session.ModuleRoot()
	if err != nil {
		return "", err
	}
	cmd := exec.Command("go", "test", "./ui", "./bench/firstframe", "-run", "^$",
		"-bench", "^(BenchmarkScroll|BenchmarkKeyFrame)$", "-benchtime", "1000x", "-count", "3")
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go test -bench: %v\n%s", err, out)
	}
	scroll := benchMetric(out, "BenchmarkScroll", "ns/op")
	update := benchMetric(out, "BenchmarkKeyFrame", "update-ns/key")
	flush := benchMetric(out, "BenchmarkKeyFrame", "flush-ns/key")
	if len(scroll) == 0 || len(update) == 0 || len(flush) == 0 {
		return "", fmt.Errorf("go test -bench: results missing in\n%s", out)
	}
	return fmt.Sprintf("In process, 3 runs each: Update with j or k then View, %s (ui BenchmarkScroll), %s (BenchmarkKeyFrame);\n"+
		"the renderer's flush of that frame on the tick (draw, diff, write), %s (BenchmarkKeyFrame).\n",
		msList(scroll), msList(update), msList(flush)), nil
}

// msList formats nanosecond figures as milliseconds.
func msList(ns []float64) string {
	var parts []string
	for _, v := range ns {
		parts = append(parts, fmt.Sprintf("%.2f", v/1e6))
	}
	return strings.Join(parts, ", ") + " ms"
}

// benchMetric returns the value of unit on every result line of the
// benchmark name (with or without its -N suffix) in go test's output.
func benchMetric(out []byte, name, unit string) []float64 {
	var vs []float64
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || (f[0] != name && !strings.HasPrefix(f[0], name+"-")) {
			continue
		}
		for i := 2; i+1 < len(f); i++ {
			if f[i+1] == unit {
				if v, err := strconv.ParseFloat(f[i], 64); err == nil {
					vs = append(vs, v)
				}
				break
			}
		}
	}
	return vs
}

func reportKeys(subjects []*keySubject, title, inproc string, c config) {
	fmt.Printf("\nKey to frame: j written to the terminal to the first byte of output, %d keys each at random phases of a %.1f ms tick, topic %q, %dx%d\n%s\n\n",
		c.keys, float64(tick)/float64(time.Millisecond), title, c.w, c.h, session.Machine())
	rows := [][]string{{"program", "median", "p90", "min", "max", "answers off one 60 Hz phase (median)"}}
	for _, k := range subjects {
		rows = append(rows, []string{
			k.name, session.Ms(session.Percentile(k.lat, 50)), session.Ms(session.Percentile(k.lat, 90)),
			session.Ms(session.Percentile(k.lat, 0.001)), session.Ms(session.Percentile(k.lat, 100)),
			session.Ms(session.PhaseSpread(k.answs, tick, 50)),
		})
	}
	fmt.Print(session.Table(rows))
	fmt.Println()
	fmt.Print(inproc)
	fmt.Printf("A frame waits for the ticker: a key at a random phase waits 0 to %.1f ms for the next tick (median %.1f, p90 %.1f) on top of its work.\n",
		float64(tick)/1e6, float64(tick)/2e6, float64(tick)*0.9/1e6)
	fmt.Printf("Answers written on a 60 Hz ticker's beat fall near one phase (last column near 0); answers independent of it are %.1f ms off on average.\n",
		float64(tick)/4e6)
}
