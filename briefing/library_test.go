package briefing

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

func TestScanLibrary(t *testing.T) {
	lib := filepath.Join("testdata", "library")
	empty := t.TempDir()
	tests := []struct {
		name    string
		path    string
		want    []Entry
		wantErr string
	}{
		{
			name: "mixed",
			path: lib,
			want: []Entry{
				{Path: filepath.Join(lib, "broken"), Name: "broken", Title: "A Broken Briefing", Topics: 1,
					Err: &Diagnostic{Pos: Pos{File: filepath.Join(lib, "broken", "briefing.yaml"), Line: 2, Col: 8},
						Message: `as_of: bad date "2026-13-01": month 13 is not 1 to 12`}},
				{Path: filepath.Join(lib, "harbour"), Name: "harbour", Title: "The Harbour Dispute",
					AsOf: Date{Year: 2026, Month: 1, Day: 25}, Topics: 2},
				{Path: filepath.Join(lib, "pass.md"), Name: "pass.md", Title: "The Pass Closure",
					AsOf: Date{Year: 2026, Month: 2}, Topics: 2},
				{Path: filepath.Join(lib, "plain.md"), Name: "plain.md", Title: "plain", Topics: 1},
			},
		},
		{
			name:    "a briefing is not a library",
			path:    filepath.Join(lib, "harbour"),
			wantErr: filepath.Join(lib, "harbour") + ": is a briefing (it holds briefing.yaml), not a library",
		},
		{
			name:    "no briefing in it",
			path:    empty,
			wantErr: empty + ": holds no briefing: no sub-directory with briefing.yaml and no Markdown file",
		},
		{
			name:    "missing",
			path:    filepath.Join(lib, "nowhere"),
			wantErr: filepath.Join(lib, "nowhere") + ": no such file or directory",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ScanLibrary(tt.path)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Entries) != len(tt.want) {
				t.Fatalf("%d entries, want %d: %+v", len(got.Entries), len(tt.want), got.Entries)
			}
			for i, w := range tt.want {
				g := got.Entries[i]
				if g.Path != w.Path || g.Name != w.Name || g.Title != w.Title || g.AsOf != w.AsOf || g.Topics != w.Topics {
					t.Errorf("entry %d = %+v\nwant %+v", i, g, w)
				}
				switch {
				case (g.Err == nil) != (w.Err == nil):
					t.Errorf("entry %d error = %v, want %v", i, g.Err, w.Err)
				case g.Err != nil && g.Err.String() != w.Err.String():
					t.Errorf("entry %d error = %q, want %q", i, g.Err, w.Err)
				}
			}
		})
	}
}

func TestIsLibrary(t *testing.T) {
	lib := filepath.Join("testdata", "library")
	tests := []struct {
		path string
		want bool
	}{
		{lib, true},
		{filepath.Join(lib, "harbour"), false}, // a briefing
		{filepath.Join(lib, "pass.md"), false}, // a file
		{filepath.Join(lib, "notes"), true},    // Markdown files, no briefing.yaml
		{filepath.Join(lib, ".hidden"), true},  // a hidden file is still a file here
		{filepath.Join(lib, "nowhere"), false},
		{t.TempDir(), false}, // empty
	}
	for _, tt := range tests {
		if got := IsLibrary(tt.path); got != tt.want {
			t.Errorf("IsLibrary(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

// openLog records every file opened.
type openLog struct {
	fs.FS
	mu     sync.Mutex
	opened []string
}

func (o *openLog) Open(name string) (fs.File, error) {
	o.mu.Lock()
	o.opened = append(o.opened, name)
	o.mu.Unlock()
	return o.FS.Open(name)
}

// TestScanLibraryIsLazy checks that a scan never opens a topic file of a
// briefing directory, and that a broken entry does not stop the others.
func TestScanLibraryIsLazy(t *testing.T) {
	fsys := &openLog{FS: fstest.MapFS{
		"a/briefing.yaml": {Data: []byte("title: A\ntopics: [one, two]\n")},
		"a/one.md":        {Data: []byte("# One\n")},
		"a/two.md":        {Data: []byte("# Two\n")},
		"b/briefing.yaml": {Data: []byte("title: [B\n")},
		"b/one.md":        {Data: []byte("# One\n")},
		"c.md":            {Data: []byte("---\ntitle: C\n---\n## x\n## y\n## z\n")},
	}}
	lib, err := ScanLibraryFS(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range fsys.opened {
		if strings.HasSuffix(name, "one.md") || strings.HasSuffix(name, "two.md") {
			t.Errorf("the scan opened the topic file %s", name)
		}
	}
	var got []string
	for _, e := range lib.Entries {
		s := e.Title
		if e.Err != nil {
			s += " (" + e.Err.String() + ")"
		}
		got = append(got, s)
	}
	// The broken one is named after its directory, with its error.
	if g := strings.Join(got, "|"); !strings.HasPrefix(g, "A|b (b/briefing.yaml:1:") || !strings.HasSuffix(g, "|C") {
		t.Errorf("entries = %q, want A, b with its error, C", g)
	}
	if n := lib.Entries[2].Topics; n != 3 {
		t.Errorf("c.md has %d topics, want 3", n)
	}
}

// TestScanLibraryUnreadable shows an entry that cannot be read with its
// error, among the others.
func TestScanLibraryUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file")
	}
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "# A\n")
	write("b/briefing.yaml", "title: B\n")
	if err := os.Chmod(filepath.Join(dir, "b", "briefing.yaml"), 0); err != nil {
		t.Fatal(err)
	}
	lib, err := ScanLibrary(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.Entries) != 2 || lib.Entries[0].Err != nil || lib.Entries[1].Err == nil ||
		lib.Entries[1].Err.String() != filepath.Join(dir, "b", "briefing.yaml")+": permission denied" {
		t.Errorf("entries = %+v", lib.Entries)
	}
}
