package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTmuxCheckWatch runs check --watch in a real terminal: each save
// clears the screen and prints the check afresh, and Ctrl-C exits 0.
func TestTmuxCheckWatch(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "briefing.yaml"), "title: T\nsources:\n  - id: a\n    title: A\n")
	writeFile(t, filepath.Join(dir, "one.md"), "# One\n\nA claim [@a].\n")
	// The shell outlives the Ctrl-C meant for brief, to tell its exit status.
	tmux := startTmux(t, "checkwatch", 100, 20,
		fmt.Sprintf("trap true INT; cd %q && %%q check --watch --strict .; echo E2E-DONE $?; sleep 60", dir))
	waitScreen := func(what string, ok func(string) bool) string {
		t.Helper()
		var screen string
		for end := time.Now().Add(30 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
			if screen = tmux("capture-pane", "-p", "-t", "e2e"); ok(screen) {
				return screen
			}
		}
		t.Fatalf("timed out waiting for %s:\n%s", what, screen)
		return ""
	}

	waitScreen("the first check", func(s string) bool { return strings.Contains(s, ".: ok: 1 topic") })
	writeFile(t, filepath.Join(dir, "one.md"), "# One\n\nA claim [@a].\n\nAn uncited claim.\n")
	screen := waitScreen("the check after the save", func(s string) bool { return strings.Contains(s, ".: FAILED: 1 topic") })
	if strings.Contains(screen, ": ok: ") || !strings.Contains(screen, "one.md:5:1: warning: ") {
		t.Errorf("the screen is not the new check alone:\n%s", screen)
	}
	tmux("send-keys", "-t", "e2e", "C-c")
	waitScreen("the exit", func(s string) bool { return strings.Contains(s, "E2E-DONE 0") })
}
