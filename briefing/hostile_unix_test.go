//go:build unix

package briefing

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"brief/internal/testkit/hostile"
)

// TestBadInputFiles covers what only a real file system has: named pipes,
// directories and devices where files are expected, names that are not
// UTF-8, dangling links, and a sparse file over the size limit.
func TestBadInputFiles(t *testing.T) {
	dir := t.TempDir()
	b := filepath.Join(dir, "b")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Mkdir(b, 0o755))
	must(os.WriteFile(filepath.Join(b, "briefing.yaml"), []byte("title: T\nsources:\n  - id: a\n    title: A\n"), 0o644))
	must(os.WriteFile(filepath.Join(b, "good.md"), []byte("# Good\n\nText [@a].\n"), 0o644))
	if err := syscall.Mkfifo(filepath.Join(b, "pipe.md"), 0o644); err != nil {
		t.Skip("no named pipes:", err)
	}
	must(os.Symlink("pipe.md", filepath.Join(b, "link-to-pipe.md")))
	must(os.Symlink("nowhere.md", filepath.Join(b, "dangling.md")))
	must(os.Mkdir(filepath.Join(b, "folder.md"), 0o755))
	// A name that is not UTF-8, where the file system takes one.
	nonUTF8 := os.WriteFile(filepath.Join(b, "bad"+hostile.RawC1+".md"), []byte("# Bad name\n"), 0o644) == nil
	big, err := os.Create(filepath.Join(b, "big.md"))
	must(err)
	must(big.Truncate(MaxFileSize + 1))
	must(big.Close())

	got, err := loadWithin(t, func() (*Briefing, error) { return Load(b) })
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	if nonUTF8 {
		want = append(want, b+"/bad\uFFFD2J.md: file name is not valid UTF-8; topic skipped")
	}
	want = append(want,
		b+"/big.md: file is 16777217 bytes, over the 16 MiB limit; topic skipped",
		b+"/dangling.md: no such file or directory; topic skipped",
		b+"/link-to-pipe.md: not a regular file; topic skipped",
		b+"/pipe.md: not a regular file; topic skipped",
	)
	if errs := got.Diagnostics.Errors().Error(); errs != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", errs, strings.Join(want, "\n"))
	}
	if len(got.Topics) != 1 || got.Topics[0].ID != "good" {
		t.Errorf("topics: %d; the good topic should load and the directory named folder.md be ignored", len(got.Topics))
	}

	// briefing.yaml that is a pipe, or a directory.
	for _, kind := range []string{"pipe", "directory"} {
		c := filepath.Join(dir, kind)
		must(os.Mkdir(c, 0o755))
		must(os.WriteFile(filepath.Join(c, "a.md"), []byte("# A\n"), 0o644))
		meta := filepath.Join(c, MetaFile)
		var wantMsg string
		if kind == "pipe" {
			must(syscall.Mkfifo(meta, 0o644))
			wantMsg = meta + ": not a regular file"
		} else {
			must(os.Mkdir(meta, 0o755))
			wantMsg = meta + ": is a directory"
		}
		got, err := loadWithin(t, func() (*Briefing, error) { return Load(c) })
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(got.Diagnostics.Error()+"\n", wantMsg+"\n") || len(got.Topics) != 1 {
			t.Errorf("%s as %s: %d topics, diagnostics:\n%s\nwant %s", kind, MetaFile, len(got.Topics), got.Diagnostics, wantMsg)
		}
	}

	// Paths named on the command line.
	tests := []struct {
		name, path, want string
	}{
		{"a device that never ends", "/dev/zero", "/dev/zero: file is over the 16 MiB limit"},
		{"a file name that is not UTF-8", filepath.Join(b, "bad"+hostile.RawC1+".md"), b + "/bad\uFFFD2J.md: file name is not valid UTF-8"},
		{"a sparse file over the limit", filepath.Join(b, "big.md"), filepath.Join(b, "big.md") + ": file is 16777217 bytes, over the 16 MiB limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := os.Stat(tt.path); err != nil {
				t.Skip(err)
			}
			_, err := loadWithin(t, func() (*Briefing, error) { return Load(tt.path) })
			if err == nil || err.Error() != tt.want {
				t.Errorf("err = %v, want %s", err, tt.want)
			}
			var ds Diagnostics
			if err != nil && !errors.As(err, &ds) {
				t.Errorf("error is %T, want Diagnostics", err)
			}
		})
	}
}
