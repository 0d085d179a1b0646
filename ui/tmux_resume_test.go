package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTmuxResume reads to the third topic and scrolls, quits, and opens
// the briefing again, wider: it resumes at the same place with a notice.
// Then, the state file corrupt, the reader still reads, with a one-line
// warning.
func TestTmuxResume(t *testing.T) {
	bin := tmuxBinary(t)
	data, err := filepath.Abs("testdata/brief")
	if err != nil {
		t.Fatal(err)
	}
	// Between runs the shell waits for a line, while the test resizes
	// the window or spoils the state.
	run := fmt.Sprintf("%q --style dark %q", bin, data)
	s := startTmux(t, "resume", 80, 24, fmt.Sprintf(
		"%s; echo RUN1-DONE; read x; %s; echo RUN2-DONE; read x; %s; echo E2E-DONE $?; sleep 60", run, run, run))

	s.waitFor("rendered text", contains("1/4", "• Repairs have stopped."))
	s.keys("3")
	s.waitFor("the third topic", contains("3/4", "Before the halt"))
	for range 12 {
		s.keys("j")
	}
	s.waitFor("scrolling", func(sc string) bool { return !strings.Contains(sc, "## Before the halt") })
	top := firstTextLine(s.settled())
	s.keys("q")
	s.waitFor("the first run to end", contains("RUN1-DONE"))

	s.run("resize-window", "-t", "e2e", "-x", "100", "-y", "30")
	s.keys("go", "Enter")
	screen := s.waitFor("the resume", contains("3/4", "Resumed at How it got here"))
	want := firstWords(words(top), 3)
	got := s.waitFor("the place kept ("+want+")", func(sc string) bool {
		lines := strings.Split(sc, "\n")
		for i, l := range lines[1:] {
			if _, text, ok := strings.Cut(l, "│"); ok && strings.TrimSpace(text) != "" {
				next := ""
				if _, n, ok := strings.Cut(lines[i+2], "│"); ok {
					next = n
				}
				return strings.HasPrefix(words(text+" "+next), want)
			}
		}
		return false
	})
	if strings.Count(got, "Resumed at") != 1 {
		t.Errorf("the notice:\n%s", screen)
	}
	s.keys("q")
	s.waitFor("the second run to end", contains("RUN2-DONE"))

	files, _ := filepath.Glob(filepath.Join(s.state, "brief", "*.json"))
	if len(files) != 1 {
		t.Fatalf("state files: %v", files)
	}
	if err := os.WriteFile(files[0], []byte(`{"version": 1, "identity": "`), 0o600); err != nil {
		t.Fatal(err)
	}
	s.keys("go", "Enter")
	screen = s.waitFor("the reader with a warning", contains("1/4", "Repairs have stopped", "reading state corrupt"))
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, "reading state corrupt") && !strings.HasPrefix(strings.TrimSpace(l), "reading state corrupt") {
			t.Errorf("the warning is not a footer line of its own: %q", l)
		}
	}
	s.keys("q")
	s.waitFor("the program to end", contains("E2E-DONE 0"))
	aside, _ := filepath.Glob(files[0] + ".corrupt-*")
	if len(aside) != 1 {
		t.Errorf("the corrupt file was not moved aside: %v", aside)
	}
}
