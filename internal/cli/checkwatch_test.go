package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer that a command writes while a test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitFor waits until cond holds, failing after a generous while.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestCheckWatch runs check --watch --strict on a briefing being edited:
// each save prints the diagnostics afresh after a header, and an
// interrupt ends it with exit 0.
func TestCheckWatch(t *testing.T) {
	dir := t.TempDir()
	meta := "title: T\nsources:\n  - id: a\n    title: A\n"
	writeFile(t, filepath.Join(dir, "briefing.yaml"), meta)
	writeFile(t, filepath.Join(dir, "one.md"), "# One\n\nA claim [@a].\n")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errw syncBuffer
	done := make(chan int)
	go func() {
		done <- Execute(ctx, []string{"check", "--watch", "--strict", dir}, Streams{In: strings.NewReader(""), Out: &out, Err: &errw}, "test")
	}()
	runs := func() int { return strings.Count(out.String(), "--- brief check at ") }
	waitFor(t, "the first check", func() bool { return strings.Contains(out.String(), ": ok: 1 topic") })
	if errw.String() != "" {
		t.Fatalf("the first check reports problems:\n%s", errw.String())
	}

	// An uncited paragraph is a warning, which --strict fails.
	writeFile(t, filepath.Join(dir, "one.md"), "# One\n\nA claim [@a].\n\nAn uncited claim.\n")
	waitFor(t, "the check after the edit", func() bool { return strings.Contains(out.String(), ": FAILED: 1 topic") })
	if !strings.Contains(errw.String(), filepath.Join(dir, "one.md")+":5:1: warning: ") {
		t.Errorf("the check after the edit does not report the uncited paragraph at one.md:5:1:\n%s", errw.String())
	}
	if n := runs(); n != 2 {
		t.Errorf("%d headers after one edit, want 2:\n%s", n, out.String())
	}

	// A broken briefing.yaml is reported with its position, and watched on.
	writeFile(t, filepath.Join(dir, "briefing.yaml"), meta+"timeline: [\n")
	waitFor(t, "the check of the broken file", func() bool {
		return strings.Contains(errw.String(), filepath.Join(dir, "briefing.yaml")+":")
	})
	writeFile(t, filepath.Join(dir, "one.md"), "# One\n\nA claim [@a].\n")
	writeFile(t, filepath.Join(dir, "briefing.yaml"), meta)
	waitFor(t, "the check after the fix", func() bool {
		return strings.HasSuffix(out.String(), ": ok: 1 topic, 1 source, 0 errors, 0 warnings; 0 of 1 citation carries an excerpt\n")
	})

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after an interrupt, want 0", code)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("check --watch did not stop when interrupted")
	}
}

func TestCheckWatchNeedsPath(t *testing.T) {
	_, stderr, code := run(t, "check", "--watch")
	if code != 2 || !strings.Contains(stderr, "needs a PATH") {
		t.Errorf("check --watch without PATH: exit %d, stderr %q", code, stderr)
	}
}
