package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTmuxHelp reads brief --help in a real terminal of 80 columns, with
// no COLUMNS: every row fits, so the terminal breaks no word.
func TestTmuxHelp(t *testing.T) {
	tmux := startTmux(t, "help", 80, 60, "env -u COLUMNS %q --help; echo E2E-DONE; sleep 60")
	var screen string
	// A generous bound for a loaded machine; the help comes at once.
	for end := time.Now().Add(30 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		if screen = tmux("capture-pane", "-p", "-t", "e2e"); strings.Contains(screen, "E2E-DONE") {
			break
		}
	}
	if !strings.Contains(screen, "E2E-DONE") {
		t.Fatalf("the help did not end:\n%s", screen)
	}
	rows := strings.Split(screen, "\n")
	for _, want := range []string{"Generate the autocompletion script for the specified", "(default:", "auto)", "Version for brief"} {
		found := false
		for _, r := range rows {
			found = found || strings.Contains(r, want)
		}
		if !found {
			t.Errorf("no row holds %q whole:\n%s", want, screen)
		}
	}
}

// startTmux builds brief and runs script, a format whose %q is the binary,
// with sh in a w by h tmux window of a server of its own, which the end of
// the test stops. It returns a function that runs tmux commands there.
func startTmux(t *testing.T, name string, w, h int, script string) func(args ...string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds brief and runs tmux")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("no tmux")
	}
	bin := filepath.Join(t.TempDir(), "brief")
	if out, err := exec.Command("go", "build", "-o", bin, "../..").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	socket := fmt.Sprintf("brief-cli-%s-%d", name, os.Getpid())
	tmux := func(args ...string) string {
		out, err := exec.Command("tmux", append([]string{"-L", socket}, args...)...).Output()
		if err != nil {
			t.Fatalf("tmux %v: %v", args, err)
		}
		return string(out)
	}
	t.Cleanup(func() { exec.Command("tmux", "-L", socket, "kill-server").Run() })
	tmux("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h),
		"-e", "TERM=xterm-256color", "sh", "-c", fmt.Sprintf(script, bin))
	return tmux
}
