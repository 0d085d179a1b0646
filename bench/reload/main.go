// Command reload measures the time from an author's save to the new text
// on screen: it copies the built-in briefing into a temporary directory,
// opens it with brief in a 120x40 pseudo-terminal, and saves its first
// topic again and again as editors do (a temporary file renamed over the
// old one), each time with a new word in the first paragraph, timing the
// rename to the read of the output that shows the word. Then, as often,
// a broken briefing.yaml and its fix: the rename to the error in the
// footer, and to the footer without it.
//
//	go run ./bench/reload [-n 20]
//
// The time includes the watcher's wait for the burst of events to end
// (watch.Delay).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"brief/bench/internal/expect"
	"brief/bench/internal/session"
	"brief/bench/internal/vterm"
	"brief/content"
	"brief/internal/watch"
)

func main() {
	n := flag.Int("n", 20, "saves of each kind")
	briefBin := flag.String("brief", "", "brief binary (default: build the module's main package)")
	flag.Parse()
	session.CloseOnInterrupt()
	if err := run(*n, *briefBin); err != nil {
		session.Fail("reload", err)
	}
}

// The first topic's first claim, and what each save makes of it.
const (
	topicFile = "overview.md"
	claim     = "The document is drafted."
)

func run(n int, briefBin string) error {
	dir, err := os.MkdirTemp("", "reload")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	session.AtInterrupt(func() { os.RemoveAll(dir) })
	if briefBin == "" {
		if briefBin, err = session.Build(dir, ".", "brief"); err != nil {
			return err
		}
	}
	data := filepath.Join(dir, "briefing")
	if err := os.CopyFS(data, content.FS); err != nil {
		return err
	}
	b, err := expect.Load([]string{data})
	if err != nil {
		return err
	}
	s, err := session.Start(briefBin, session.Options{Args: []string{data}, Width: 120, Height: 40, Answer: true})
	if err != nil {
		return err
	}
	defer s.Close()
	if _, err := s.WaitFor(10*time.Second, expect.FirstFrame(b, 7)...); err != nil {
		return err
	}
	if _, err := s.WaitFor(10*time.Second, claim); err != nil {
		return err
	}

	topic, err := os.ReadFile(filepath.Join(data, topicFile))
	if err != nil {
		return err
	}
	meta, err := os.ReadFile(filepath.Join(data, "briefing.yaml"))
	if err != nil {
		return err
	}
	broken := strings.Replace(string(meta), "\ntopics:\n", "\ntopics: x: y\n", 1)
	var edits, breaks, fixes []time.Duration
	for i := range n {
		word := fmt.Sprintf("save-%d", i+1)
		text := strings.Replace(string(topic), claim, strings.TrimSuffix(claim, ".")+" "+word+".", 1)
		d, err := timeSave(s, data, topicFile, text, func(sc *vterm.Screen) bool { return sc.Shows(word) })
		if err != nil {
			return err
		}
		edits = append(edits, d)

		d, err = timeSave(s, data, "briefing.yaml", broken, func(sc *vterm.Screen) bool { return sc.Shows("⚠ " + filepath.Join(data, "briefing.yaml") + ":") })
		if err != nil {
			return err
		}
		breaks = append(breaks, d)
		d, err = timeSave(s, data, "briefing.yaml", string(meta), func(sc *vterm.Screen) bool { return !sc.Shows("⚠ ") })
		if err != nil {
			return err
		}
		fixes = append(fixes, d)
	}

	fmt.Printf("Save to screen, built-in briefing (%d topics) on disk, 120x40 pty, %d saves of each; watcher delay %v\n%s\n\n",
		len(b.Topics), n, watch.Delay, session.Machine())
	rows := [][]string{{"save", "median", "p90", "min", "max"}}
	for _, r := range []struct {
		name string
		ds   []time.Duration
	}{
		{"topic edited: the new word on screen", edits},
		{"briefing.yaml broken: the error in the footer", breaks},
		{"briefing.yaml fixed: the error gone", fixes},
	} {
		rows = append(rows, []string{r.name, session.Ms(session.Percentile(r.ds, 50)), session.Ms(session.Percentile(r.ds, 90)),
			session.Ms(session.Percentile(r.ds, 0)), session.Ms(session.Percentile(r.ds, 100))})
	}
	fmt.Print(session.Table(rows))
	return nil
}

// timeSave saves text as file of dir, as an editor does, and returns the
// time from the rename to the output that made shown hold.
func timeSave(s *session.Session, dir, file, text string, shown func(*vterm.Screen) bool) (time.Duration, error) {
	if err := s.WaitQuiet(300*time.Millisecond, 10*time.Second); err != nil {
		return 0, err
	}
	tmp := filepath.Join(dir, "."+file+".tmp")
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		return 0, err
	}
	start := time.Now()
	if err := os.Rename(tmp, filepath.Join(dir, file)); err != nil {
		return 0, err
	}
	at, err := s.WaitUntil(10*time.Second, "the save of "+file, shown)
	if err != nil {
		return 0, err
	}
	return at.Sub(start), nil
}
