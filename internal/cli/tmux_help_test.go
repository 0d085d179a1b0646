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
	socket := fmt.Sprintf("brief-cli-help-%d", os.Getpid())
	tmux := func(args ...string) string {
		out, err := exec.Command("tmux", append([]string{"-L", socket}, args...)...).Output()
		if err != nil {
			t.Fatalf("tmux %v: %v", args, err)
		}
		return string(out)
	}
	t.Cleanup(func() { exec.Command("tmux", "-L", socket, "kill-server").Run() })
	script := fmt.Sprintf("env -u COLUMNS %q --help; echo E2E-DONE; sleep 60", bin)
	tmux("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "80", "-y", "60",
		"-e", "TERM=xterm-256color", "sh", "-c", script)
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
