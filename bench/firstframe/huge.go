package main

import (
	"fmt"
	"path/filepath"
	"time"

	"brief/bench/internal/expect"
	"brief/bench/internal/session"
	"brief/internal/testkit/synth"
)

// huge measures first frame and first styled frame on a generated
// briefing of one topic of c.hugeSize bytes: the plain Markdown is shown
// at once and the styled text replaces it once Glamour has rendered it.
func huge(dir string, progs []program, c config) error {
	path := filepath.Join(dir, "huge")
	if err := synth.Generate(path, 1, c.hugeSize, 1); err != nil {
		return err
	}
	b, err := expect.Load([]string{path})
	if err != nil {
		return err
	}
	if len(b.Topics) != 1 {
		return fmt.Errorf("%s: %d topics, want 1", path, len(b.Topics))
	}
	var all []*series
	for _, p := range progs {
		p.args = []string{path}
		p.want = expect.FirstFrame(b, 10)
		p.styled = expect.StyledWords(b, 8)
		all = append(all, &series{prog: p, answer: true})
	}
	hc := c
	hc.timeout = max(c.timeout, time.Minute)
	if err := measure(all, c.hugeN, hc); err != nil {
		return err
	}
	fmt.Printf("\nOne topic of %.1f MiB (internal/testkit/synth, seed 1), %dx%d, answering terminal, %d runs each after one warm-up\n%s\n\n",
		float64(len(b.Topics[0].Body))/(1<<20), c.w, c.h, c.hugeN, session.Machine())
	rows := [][]string{{"program", "first frame (median)", "first styled frame (median)", "p90", "min", "max", "CPU time by the styled frame (median)"}}
	for _, s := range all {
		rows = append(rows, []string{
			s.prog.name, session.Ms(session.Percentile(s.times, 50)),
			session.Ms(session.Percentile(s.styled, 50)), session.Ms(session.Percentile(s.styled, 90)),
			session.Ms(session.Percentile(s.styled, 0.001)), session.Ms(session.Percentile(s.styled, 100)),
			session.Ms(session.Percentile(s.sCPUs, 50)),
		})
	}
	fmt.Print(session.Table(rows))
	fmt.Printf("\nThe styled frame is awaited as showing one of %q with every letter in a colour or attribute.\n", all[0].prog.styled)
	return nil
}
