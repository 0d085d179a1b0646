package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"brief/briefing"
)

// TestExportOutput writes each format to standard output and with -o,
// and gets the same bytes; -o replaces a file whole and leaves no
// temporary file beside it.
func TestExportOutput(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"html", "md", "json"} {
		stdout, stderr, code := run(t, "export", "--format", f)
		if code != 0 || stderr != "" || stdout == "" {
			t.Fatalf("export --format %s: exit %d, stderr %q, %d bytes", f, code, stderr, len(stdout))
		}
		name := filepath.Join(dir, "out."+f)
		if err := os.WriteFile(name, []byte("old contents, longer than nothing"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, stderr, code := run(t, "export", "-f", f, "-o", name); code != 0 {
			t.Fatalf("export -o: exit %d, %s", code, stderr)
		}
		if got, _ := os.ReadFile(name); string(got) != stdout {
			t.Errorf("%s: -o wrote %d bytes, standard output had %d", f, len(got), len(stdout))
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("%d files in the output directory, want 3", len(entries))
	}
	if _, stderr, code := run(t, "export", "--format", "pdf"); code != exitUsage || !strings.Contains(stderr, `unknown format "pdf"`) {
		t.Errorf("--format pdf: exit %d, %q", code, stderr)
	}
	if _, _, code := run(t, "export", "-o", filepath.Join(dir, "no", "such", "dir", "x.html")); code == 0 {
		t.Errorf("-o into a missing directory: exit 0")
	}
}

// TestNewChecks writes the starter briefing and checks it strictly.
func TestNewChecks(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "harbour")
	if _, stderr, code := run(t, "new", dir); code != 0 {
		t.Fatalf("new: exit %d, %s", code, stderr)
	}
	stdout, stderr, code := run(t, "check", "--strict", dir)
	if code != 0 || !strings.Contains(stdout, "0 errors, 0 warnings") {
		t.Fatalf("check --strict: exit %d\n%s%s", code, stdout, stderr)
	}
	b, err := briefing.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Sources) != 1 || len(b.Timeline) != 1 || len(b.Actors) != 1 || len(b.Topics) != 2 {
		t.Errorf("%d sources, %d events, %d actors, %d topics", len(b.Sources), len(b.Timeline), len(b.Actors), len(b.Topics))
	}
	for _, tp := range b.Topics {
		with := 0
		for _, c := range tp.Citations {
			if c.Excerpts != nil {
				with++
			}
		}
		if with == 0 {
			t.Errorf("topic %s: no citation with an excerpt", tp.ID)
		}
	}
}

// TestNewOverwritesNothing runs new on a directory that holds a file, and
// on a file: both refused, nothing changed.
func TestNewOverwritesNothing(t *testing.T) {
	dir := t.TempDir()
	keep := filepath.Join(dir, "briefing.yaml")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := run(t, "new", dir); code == 0 || !strings.Contains(stderr, "not empty") {
		t.Errorf("new on a directory with a file: exit %d, %q", code, stderr)
	}
	if _, _, code := run(t, "new", keep); code == 0 {
		t.Errorf("new on a file: exit 0")
	}
	if got, _ := os.ReadFile(keep); string(got) != "mine" {
		t.Errorf("briefing.yaml is now %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d entries, want 1", len(entries))
	}
}

// TestNewFromMarkdown takes the built-in briefing through export --format
// md and new --from-markdown, and checks the result strictly and against
// the original's topics.
func TestNewFromMarkdown(t *testing.T) {
	tmp := t.TempDir()
	md := filepath.Join(tmp, "b.md")
	if _, stderr, code := run(t, "export", "--format", "md", "-o", md); code != 0 {
		t.Fatalf("export: %d %s", code, stderr)
	}
	dir := filepath.Join(tmp, "b")
	if _, stderr, code := run(t, "new", "--from-markdown", md, dir); code != 0 {
		t.Fatalf("new --from-markdown: %d %s", code, stderr)
	}
	stdout, stderr, code := run(t, "check", "--strict", dir)
	if code != 0 {
		t.Fatalf("check --strict: exit %d\n%s%s", code, stdout, stderr)
	}
	orig, _ := load("")
	got, _ := load(dir)
	if len(got.Topics) != len(orig.Topics) {
		t.Fatalf("%d topics, want %d", len(got.Topics), len(orig.Topics))
	}
	for i, tp := range orig.Topics {
		if got.Topics[i].Title != tp.Title || len(got.Topics[i].Citations) != len(tp.Citations) {
			t.Errorf("topic %d: %q with %d citations, want %q with %d", i, got.Topics[i].Title, len(got.Topics[i].Citations), tp.Title, len(tp.Citations))
		}
	}
}
