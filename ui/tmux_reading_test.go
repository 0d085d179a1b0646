package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestTmuxReading reads in a real terminal as a new reader would: with
// --style light nothing on screen is near-white; at 60 columns the footer
// keeps ? help and q quit; space reads on into the next topic; and the
// help keeps one width while it scrolls.
func TestTmuxReading(t *testing.T) {
	bin := tmuxBinary(t)
	data, err := filepath.Abs("testdata/brief")
	if err != nil {
		t.Fatal(err)
	}
	s := startTmux(t, "reading", 80, 24, fmt.Sprintf("%q --style light %q; echo E2E-DONE $?; sleep 60", bin, data))
	colour := func() string { return s.run("capture-pane", "-e", "-p", "-t", "e2e") }
	noNearWhite := func(what string) {
		t.Helper()
		sc := colour()
		for _, c := range foregrounds(sc) {
			if nearWhite(c) {
				r, g, b, _ := c.RGBA()
				t.Errorf("%s: near-white foreground #%02x%02x%02x with --style light:\n%s", what, r>>8, g>>8, b>>8, s.screen())
				return
			}
		}
	}

	s.waitFor("rendered text", contains("1/4", "• Repairs have stopped."))
	noNearWhite("the first screen")
	s.keys("t")
	s.waitFor("the list focused", contains("enter open"))
	noNearWhite("the topic list")
	s.keys("Escape")
	s.waitFor("the list to close", func(sc string) bool { return !strings.Contains(sc, "enter open") })
	s.keys("?")
	s.waitFor("the help", contains("Keys ·"))
	noNearWhite("the help")
	s.keys("Escape")
	s.waitFor("the help to close", func(sc string) bool { return !strings.Contains(sc, "Keys ·") })
	s.keys("/", "bridge")
	s.waitFor("the search line", contains("/bridge", "here"))
	noNearWhite("the search line")
	s.keys("Escape")
	s.waitFor("the search to close", func(sc string) bool { return !strings.Contains(sc, "/bridge") })

	// space pages down, and at the end goes on to the next topic.
	for i := 0; !strings.Contains(strings.Split(s.screen(), "\n")[0], "2/4"); i++ {
		if i > 20 {
			t.Fatalf("space never reached topic 2:\n%s", s.screen())
		}
		s.keys("Space")
		s.settled()
	}
	if !strings.Contains(s.screen(), " 0% ") {
		t.Errorf("space opened topic 2 but not at its top:\n%s", s.screen())
	}

	s.run("resize-window", "-t", "e2e", "-x", "60", "-y", "20")
	sc := s.waitFor("the narrow layout", func(sc string) bool {
		return strings.Contains(strings.Split(sc, "\n")[0], "Who pays, and how much · 2/4")
	})
	lines := strings.Split(strings.TrimRight(sc, "\n"), "\n")
	if foot := lines[len(lines)-1]; !strings.Contains(foot, "? help") || !strings.Contains(foot, "q quit") {
		t.Errorf("at 60 columns the footer %q lacks ? help or q quit", foot)
	}

	// The help does not fit 20 lines: it scrolls, keeping its width.
	s.keys("?")
	top := func() int {
		for _, l := range strings.Split(s.settled(), "\n") {
			if i := strings.Index(l, "╭"); i >= 0 {
				return len([]rune(strings.TrimRight(l[i:], " ")))
			}
		}
		t.Fatalf("no help box:\n%s", s.screen())
		return 0
	}
	w := top()
	for range 3 {
		s.keys("j")
		if got := top(); got != w {
			t.Errorf("the help is %d wide, then %d after scrolling:\n%s", w, got, s.screen())
		}
	}
	s.keys("Escape")
	s.waitFor("the help to close", func(sc string) bool { return !strings.Contains(sc, "╭") })
	s.keys("q")
	s.waitFor("the program to end", contains("E2E-DONE 0"))
}
