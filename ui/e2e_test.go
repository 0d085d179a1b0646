package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tmuxSession drives the built binary in a real terminal: tmux runs it,
// send-keys types, capture-pane reads the screen.
type tmuxSession struct {
	t      *testing.T
	socket string
	// state is the XDG_STATE_HOME of the programs it runs.
	state string
}

func (s tmuxSession) run(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (s tmuxSession) screen() string { return s.run("capture-pane", "-p", "-t", "e2e") }

func (s tmuxSession) keys(keys ...string) {
	s.run(append([]string{"send-keys", "-t", "e2e"}, keys...)...)
}

// waitFor waits until the screen satisfies ok, and returns it.
func (s tmuxSession) waitFor(what string, ok func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		screen := s.screen()
		if ok(screen) {
			return screen
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("timed out waiting for %s; screen:\n%s", what, screen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// settled waits until the screen stops changing, and returns it.
func (s tmuxSession) settled() string {
	s.t.Helper()
	prev := s.screen()
	for range 100 {
		time.Sleep(150 * time.Millisecond)
		cur := s.screen()
		if cur == prev {
			return cur
		}
		prev = cur
	}
	s.t.Fatalf("the screen never settles:\n%s", prev)
	return ""
}

func contains(subs ...string) func(string) bool {
	return func(screen string) bool {
		for _, s := range subs {
			if !strings.Contains(screen, s) {
				return false
			}
		}
		return true
	}
}

// tmuxBinary builds brief for an end-to-end test in tmux, or skips the
// test where tmux is missing or with -short.
func tmuxBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	bin := filepath.Join(t.TempDir(), "brief")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startTmux runs script with sh in a w by h tmux window of a server of
// its own, named after name, which the end of the test stops. The
// reading state is kept in a directory of the test's, never the user's.
func startTmux(t *testing.T, name string, w, h int, script string) tmuxSession {
	t.Helper()
	s := tmuxSession{t: t, socket: fmt.Sprintf("brief-e2e-%s-%d", name, os.Getpid()), state: t.TempDir()}
	s.run("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h),
		"-e", "TERM=xterm-256color", "-e", "XDG_STATE_HOME="+s.state, "sh", "-c", script)
	t.Cleanup(func() { exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	return s
}

// TestTmux opens the reader in tmux, pages to the third topic, scrolls,
// resizes the window and quits, and checks that the shell comes back.
func TestTmux(t *testing.T) {
	bin := tmuxBinary(t)
	data, err := filepath.Abs("testdata/brief")
	if err != nil {
		t.Fatal(err)
	}

	// The markers around the program show whether the terminal comes back
	// to the normal screen, where the first one was printed.
	s := startTmux(t, "main", 120, 40,
		fmt.Sprintf("echo E2E-START; %q --style dark %q; echo E2E-DONE $?; sleep 60", bin, data))

	s.waitFor("the first frame", contains("Harbour bridge dispute", "1/4", "▸1 Bottom line", "How it got here"))
	s.waitFor("rendered text", contains("• Repairs have stopped."))

	s.keys("l", "]")
	// Until its text is rendered, the plain text stands in, cut short,
	// and may all fit on screen: wait for the rendered text's place.
	s.waitFor("the third topic at its top", contains("3/4", "▸3 How it got here", "Before the halt", " 0% "))
	s.keys("j", "j", "j", "j", "j", "j", "j", "j")
	s.waitFor("scrolling", func(sc string) bool { return !strings.Contains(sc, "## Before the halt") })
	top := firstTextLine(s.settled())

	s.run("resize-window", "-t", "e2e", "-x", "70", "-y", "30")
	screen := s.waitFor("the narrow layout", func(sc string) bool {
		lines := strings.Split(sc, "\n")
		return strings.Contains(lines[0], "3/4") && !strings.Contains(sc, "│") && len(lines) >= 30
	})
	// Wrapped anew, the words at the top before are still on screen.
	if w := strings.Fields(top); len(w) >= 2 {
		phrase := strings.Join(w[:2], " ")
		s.waitFor("the place kept ("+phrase+")", func(sc string) bool {
			return strings.Contains(strings.Join(strings.Fields(sc), " "), phrase)
		})
	}

	s.keys("?")
	s.waitFor("the help", contains("Keys", "next topic", "quit"))
	// Wait between esc and q, or the terminal reads them as alt+q.
	s.keys("Escape")
	s.waitFor("the help to close", func(sc string) bool { return !strings.Contains(sc, "Keys ·") })
	s.keys("q")
	screen = s.waitFor("the program to end", contains("E2E-DONE"))
	if !strings.Contains(screen, "E2E-START") || !strings.Contains(screen, "E2E-DONE 0") ||
		strings.Contains(screen, "Harbour bridge dispute") {
		t.Errorf("the terminal was not restored, or the exit status is not 0:\n%s", screen)
	}
}

// firstTextLine returns the reading pane's first line with text.
func firstTextLine(screen string) string {
	for _, l := range strings.Split(screen, "\n")[1:] {
		if _, text, ok := strings.Cut(l, "│"); ok && strings.TrimSpace(text) != "" {
			return strings.TrimSpace(text)
		}
	}
	return ""
}
