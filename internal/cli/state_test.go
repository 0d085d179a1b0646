package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"brief/internal/state"
)

// stateHome points the state directory, and HOME, at temporary ones.
func stateHome(t *testing.T) *state.Store {
	t.Helper()
	t.Setenv("HOME", t.TempDir())
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	return state.Open(state.Dir())
}

func TestStateListAndForget(t *testing.T) {
	store := stateHome(t)
	stdout, stderr, code := run(t, "state")
	if code != 0 || stderr != "" || !strings.HasPrefix(stdout, "no reading state kept in "+state.Dir()) {
		t.Fatalf("state with nothing kept: exit %d, %q, %q", code, stdout, stderr)
	}

	dir := t.TempDir()
	talks := filepath.Join(dir, "talks")
	t.Chdir(dir)
	var r state.Record
	r.Title = "Talks\x1b[31m on\nUkraine"
	r = r.MarkRead("one", "A paragraph [@s].\n", time.Now())
	r = r.MarkRead("two", "Another [@s].\n", time.Now())
	r = r.MarkRead("gone", "A topic since removed [@s].\n", time.Now())
	// The briefing now: "two" changed since it was read, "three" not read.
	writeFiles(t, talks, map[string]string{
		"briefing.yaml": "title: Talks\ntopics: [one, two, three]\nsources:\n  - id: s\n    title: S\n",
		"one.md":        "A paragraph [@s].\n",
		"two.md":        "Another, changed [@s].\n",
		"three.md":      "A third [@s].\n",
	})
	r, _ = r.ToggleBookmark(state.Bookmark{Topic: "one", Label: "A paragraph."})
	if err := store.Save(talks, r); err != nil {
		t.Fatal(err)
	}
	if err := store.Save(state.Builtin, state.Record{}.At("territory", state.Position{})); err != nil {
		t.Fatal(err)
	}

	stdout, stderr, code = run(t, "state")
	if code != 0 || stderr != "" {
		t.Fatalf("state: exit %d, stderr %q", code, stderr)
	}
	lines := strings.Split(strings.TrimRight(stdout, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("state printed %d lines, want 2:\n%s", len(lines), stdout)
	}
	if strings.Contains(stdout, "\x1b") {
		t.Errorf("a title put an escape on the terminal: %q", stdout)
	}
	var talksLine string
	for _, l := range lines {
		if strings.HasPrefix(l, talks+" ") {
			talksLine = l
		}
	}
	for _, want := range []string{"Talks", "on Ukraine", "2 of 3 read, 1 updated", "1 bookmark ", " B", store.Path(talks)} {
		if !strings.Contains(talksLine, want) {
			t.Errorf("the line of %s lacks %q:\n%s", talks, want, stdout)
		}
	}
	if !strings.Contains(stdout, state.Builtin) || !strings.Contains(stdout, "0 of 7 read") {
		t.Errorf("the built-in briefing is not listed, counted against its 7 topics:\n%s", stdout)
	}

	// PATH as given to brief: relative to the working directory.
	if stdout, _, code := run(t, "state", "--forget", "talks"); code != 0 || !strings.Contains(stdout, talks) {
		t.Errorf("state --forget talks: exit %d, %q", code, stdout)
	}
	if _, err := os.Stat(store.Path(talks)); !os.IsNotExist(err) {
		t.Errorf("the state of talks is still there: %v", err)
	}
	if _, stderr, code := run(t, "state", "--forget", "talks"); code != 1 || !strings.Contains(stderr, "no reading state kept for "+talks) {
		t.Errorf("forgetting twice: exit %d, stderr %q", code, stderr)
	}
	if stdout, _, _ := run(t, "state"); !strings.Contains(stdout, state.Builtin) || strings.Contains(stdout, talks) {
		t.Errorf("after forgetting talks:\n%s", stdout)
	}
	if _, _, code := run(t, "state", "--forget"); code != 0 {
		t.Errorf("state --forget (the built-in briefing): exit %d", code)
	}
	if r, err := store.Load(state.Builtin); err != nil || r.Topic != "" {
		t.Errorf("the built-in briefing's state is still there: %+v, %v", r, err)
	}
}

func TestStateListsCorruptFile(t *testing.T) {
	store := stateHome(t)
	if err := os.MkdirAll(state.Dir(), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(store.Path("/b/x"), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	stdout, _, code := run(t, "state")
	if code != 0 || !strings.Contains(stdout, "unreadable") {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	if _, err := os.Stat(store.Path("/b/x")); err != nil {
		t.Errorf("listing moved the file: %v", err)
	}
}

// writeFiles writes files into dir, made if need be.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
