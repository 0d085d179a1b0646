package watch

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// quiet is how long a test waits to be sure that no change is reported:
// many times the delay the watchers of these tests use.
const (
	testDelay = 50 * time.Millisecond
	quiet     = 10 * testDelay
	// patience bounds the wait for a change that must come, on a loaded
	// machine.
	patience = 10 * time.Second
)

// briefingDir writes a small briefing directory and returns its path.
func briefingDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "briefing.yaml"), "title: T\n")
	write(t, filepath.Join(dir, "one.md"), "# One\n\nText.\n")
	return dir
}

func write(t *testing.T, name, text string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func watch(t *testing.T, path string) *Watcher {
	t.Helper()
	w, err := New(path, testDelay)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// changed waits for a change to be reported.
func changed(t *testing.T, w *Watcher) {
	t.Helper()
	select {
	case _, ok := <-w.Changes():
		if !ok {
			t.Fatal("the watcher stopped")
		}
	case <-time.After(patience):
		t.Fatal("no change reported")
	}
}

// unchanged checks that no change is reported for a while.
func unchanged(t *testing.T, w *Watcher) {
	t.Helper()
	select {
	case <-w.Changes():
		t.Fatal("a change was reported")
	case <-time.After(quiet):
	}
}

func TestBurstIsOneChange(t *testing.T) {
	dir := briefingDir(t)
	// Saves a little apart, as an editor writing a file in pieces makes
	// them, all well within the delay of one another.
	const delay = 200 * time.Millisecond
	w, err := New(dir, delay)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	counted := make(chan int)
	go func() {
		n := 0
		for {
			select {
			case <-w.Changes():
				n++
			case <-time.After(quiet + delay):
				counted <- n
				return
			}
		}
	}()
	for i := range 20 {
		write(t, filepath.Join(dir, "one.md"), "# One\n\nText "+string(rune('a'+i))+".\n")
		time.Sleep(delay / 20)
	}
	write(t, filepath.Join(dir, "briefing.yaml"), "title: U\n")
	if n := <-counted; n != 1 {
		t.Errorf("%d changes reported for one burst, want 1", n)
	}
}

func TestAtomicSave(t *testing.T) {
	dir := briefingDir(t)
	w := watch(t, dir)
	// As renameio and most editors save: a temporary file, renamed over.
	tmp := filepath.Join(dir, ".one.md.tmp123")
	write(t, tmp, "# One\n\nNew text.\n")
	if err := os.Rename(tmp, filepath.Join(dir, "one.md")); err != nil {
		t.Fatal(err)
	}
	changed(t, w)
	// And again: the watch holds after the file it saw was replaced.
	write(t, tmp, "# One\n\nNewer text.\n")
	if err := os.Rename(tmp, filepath.Join(dir, "one.md")); err != nil {
		t.Fatal(err)
	}
	changed(t, w)
}

func TestEditorFilesIgnored(t *testing.T) {
	dir := briefingDir(t)
	w := watch(t, dir)
	for _, name := range []string{".one.md.swp", ".one.md.swx", "4913", "one.md~", ".#one.md", "#one.md#", "notes.txt", ".hidden.md"} {
		write(t, filepath.Join(dir, name), "x")
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	unchanged(t, w)
	write(t, filepath.Join(dir, "two.md"), "# Two\n")
	changed(t, w)
}

func TestSingleFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "notes.md")
	write(t, file, "# Notes\n")
	w := watch(t, file)
	// Another Markdown file beside it is no part of this briefing.
	write(t, filepath.Join(dir, "other.md"), "# Other\n")
	unchanged(t, w)
	write(t, file, "# Notes, changed\n")
	changed(t, w)
}

func TestClose(t *testing.T) {
	w := watch(t, briefingDir(t))
	w.Close()
	select {
	case _, ok := <-w.Changes():
		if ok {
			t.Fatal("a change after Close")
		}
	case <-time.After(patience):
		t.Fatal("Changes not closed by Close")
	}
}

func TestOurs(t *testing.T) {
	for name, want := range map[string]bool{
		"briefing.yaml": true, "topic.md": true, "TOPIC.MD": true,
		".topic.md.swp": false, "4913": false, "topic.md~": false, ".#topic.md": false,
		"#topic.md#": false, "briefing.yaml~": false, ".briefing.yaml.swp": false, "notes.txt": false,
	} {
		if got := Ours(name); got != want {
			t.Errorf("Ours(%q) = %v, want %v", name, got, want)
		}
	}
}
