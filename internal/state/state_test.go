package state

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// newStore is a store in a fresh XDG_STATE_HOME, with HOME moved too so
// that nothing can reach the real one.
func newStore(t *testing.T) *Store {
	t.Helper()
	t.Setenv("HOME", t.TempDir())
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	return Open(Dir())
}

const body = "First paragraph [@a].\n\n- one item\n- two item\n\nLast paragraph.\n"

func sample() Record {
	r := Record{Title: "Talks"}
	r = r.MarkRead("overview", body, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	r = r.At("territory", PositionAt(body, 30))
	r, _ = r.ToggleBookmark(Bookmark{Topic: "overview", Place: PositionAt(body, 0), Label: "First paragraph"})
	return r
}

func TestDirHonoursXDGStateHome(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", t.TempDir())
	t.Setenv("XDG_STATE_HOME", home)
	if got, want := Dir(), filepath.Join(home, "brief"); got != want {
		t.Errorf("Dir() = %q, want %q", got, want)
	}
	t.Setenv("XDG_STATE_HOME", "")
	if got, want := Dir(), filepath.Join(os.Getenv("HOME"), ".local", "state", "brief"); got != want {
		t.Errorf("without XDG_STATE_HOME, Dir() = %q, want %q", got, want)
	}
}

func TestRoundTrip(t *testing.T) {
	s := newStore(t)
	want := sample()
	if err := s.Save("/b/talks", want); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(os.Getenv("XDG_STATE_HOME"), "brief", filepath.Base(s.Path("/b/talks")))); err != nil {
		t.Fatalf("not saved under XDG_STATE_HOME/brief: %v", err)
	}
	got, err := Open(Dir()).Load("/b/talks")
	if err != nil {
		t.Fatal(err)
	}
	if got.Saved.IsZero() {
		t.Error("Saved not set")
	}
	got.Saved, got.rev, want.rev = time.Time{}, 0, 0
	if g, w := fmt.Sprintf("%+v", got), fmt.Sprintf("%+v", want); g != w {
		t.Errorf("loaded\n%s\nwant\n%s", g, w)
	}
	if r, err := s.Load("/b/other"); err != nil || r.Topic != "" {
		t.Errorf("another briefing: %+v, %v; want empty state, no warning", r, err)
	}
}

func TestMigrateV0(t *testing.T) {
	s := newStore(t)
	fps := Fingerprints(body)
	v0 := fmt.Sprintf(`{"identity":"/b/old","topic":"territory","offset":42,"read":["overview"],
		"seen":{"overview":%s},"marks":[{"topic":"overview","offset":7,"line":"First paragraph"}]}`, mustJSON(t, fps))
	writeState(t, s, "/b/old", v0)
	r, err := s.Load("/b/old")
	if err != nil {
		t.Fatal(err)
	}
	if r.Topic != "territory" || r.Place.Offset != 42 || !r.IsRead("overview") {
		t.Errorf("migrated record lost its place or reading: %+v", r)
	}
	if len(r.Bookmarks) != 1 || r.Bookmarks[0].Label != "First paragraph" || r.Bookmarks[0].Place.Offset != 7 {
		t.Errorf("bookmarks = %+v", r.Bookmarks)
	}
	if ch, known := r.Changed("overview", body+"\nA new paragraph.\n"); !known || len(ch) != 1 {
		t.Errorf("migrated fingerprints: changed %v, known %v; want the one new paragraph", ch, known)
	}
	// Saved again, it is of the current schema.
	if err := s.Save("/b/old", r); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(s.Path("/b/old"))
	if !strings.Contains(string(data), `"version":1`) {
		t.Errorf("saved without the current schema: %s", data)
	}
}

func TestCorruptAndTruncated(t *testing.T) {
	for _, tt := range []struct{ name, data string }{
		{"corrupt", "{not json"},
		{"truncated", ""}, // filled below from a real file
		{"empty", " "},
		{"unknown schema", `{"version":-3,"identity":"/b/x"}`},
		{"another briefing's", `{"version":1,"identity":"/b/other"}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			if err := s.Save("/b/keep", sample()); err != nil {
				t.Fatal(err)
			}
			data := tt.data
			if tt.name == "truncated" {
				if err := s.Save("/b/x", sample()); err != nil {
					t.Fatal(err)
				}
				full, _ := os.ReadFile(s.Path("/b/x"))
				data = string(full[:len(full)/2])
			}
			writeState(t, s, "/b/x", data)
			r, err := s.Load("/b/x")
			if err == nil || strings.Contains(err.Error(), "\n") {
				t.Fatalf("warning %v, want one line", err)
			}
			if r.Topic != "" || r.Read != nil {
				t.Errorf("state %+v, want empty", r)
			}
			aside, _ := filepath.Glob(s.Path("/b/x") + ".corrupt-*")
			if len(aside) != 1 {
				t.Fatalf("moved aside: %v, want one file", aside)
			}
			if kept, _ := os.ReadFile(aside[0]); string(kept) != data {
				t.Errorf("the corrupt file was changed")
			}
			if !strings.Contains(err.Error(), filepath.Base(aside[0])) {
				t.Errorf("warning %q does not say where the file went", err)
			}
			if err := s.Save("/b/x", sample()); err != nil {
				t.Errorf("save after a corrupt file: %v", err)
			}
			if r, err := s.Load("/b/keep"); err != nil || r.Topic != "territory" {
				t.Errorf("another briefing's state: %+v, %v", r, err)
			}
		})
	}
}

func TestNewerSchemaIsKept(t *testing.T) {
	s := newStore(t)
	newer := `{"version":99,"identity":"/b/x","future":true}`
	writeState(t, s, "/b/x", newer)
	if _, err := s.Load("/b/x"); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("warning %v, want one about a newer schema", err)
	}
	if err := s.Save("/b/x", sample()); err == nil {
		t.Error("saved over a newer brief's state")
	}
	if data, _ := os.ReadFile(s.Path("/b/x")); string(data) != newer {
		t.Errorf("the newer state was changed: %s", data)
	}
}

// TestUnreadable makes the state file a directory, which no one, root
// included, can read as a file.
func TestUnreadable(t *testing.T) {
	s := newStore(t)
	if err := os.MkdirAll(s.Path("/b/x"), 0o700); err != nil {
		t.Fatal(err)
	}
	r, err := s.Load("/b/x")
	if err == nil || strings.Contains(err.Error(), "\n") || r.Topic != "" {
		t.Fatalf("Load = %+v, %v; want empty state and a one-line warning", r, err)
	}
	if err := s.Save("/b/x", sample()); err == nil {
		t.Error("saved over state that could not be read")
	}
	if fi, err := os.Stat(s.Path("/b/x")); err != nil || !fi.IsDir() {
		t.Errorf("the unreadable state was touched: %v", err)
	}
}

func TestUnreadablePermissions(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any file")
	}
	s := newStore(t)
	if err := s.Save("/b/x", sample()); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(s.Path("/b/x"), 0); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(Dir()).Load("/b/x"); err == nil {
		t.Fatal("no warning")
	}
}

// TestUnwritable puts a file where the state directory should be; a
// read-only directory is tested too when not run as root.
func TestUnwritable(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	if err := os.WriteFile(Dir(), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s := Open(Dir())
	err := s.Save("/b/x", sample())
	if err == nil || strings.Contains(err.Error(), "\n") {
		t.Fatalf("Save = %v, want a one-line error", err)
	}
	if r, err := s.Load("/b/x"); err == nil && r.Topic != "" {
		t.Errorf("Load = %+v", r)
	}

	if os.Geteuid() == 0 {
		t.Skip("root writes in a read-only directory")
	}
	s = newStore(t)
	if err := s.Save("/b/x", sample()); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(Dir(), 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(Dir(), 0o700) })
	if err := s.Save("/b/x", sample().At("actors", Position{})); err == nil {
		t.Error("saved in a read-only directory")
	}
	if r, err := s.Load("/b/x"); err != nil || r.Topic != "territory" {
		t.Errorf("after a failed save: %+v, %v; want the state as saved before", r, err)
	}
}

// TestTwoWriters saves two versions of one briefing's state from two
// stores at once, as two copies of brief would, beside a third briefing.
// The file is always one writer's whole record.
func TestTwoWriters(t *testing.T) {
	s := newStore(t)
	if err := s.Save("/b/other", sample()); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for w := range 2 {
		store := Open(Dir())
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := sample()
			for i := range 100 {
				r = r.At(fmt.Sprintf("writer%d", w), Position{Offset: i})
				if err := store.Save("/b/x", r); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	// A reader meanwhile never sees a broken file.
	for range 100 {
		if _, err := Open(Dir()).Load("/b/x"); err != nil {
			t.Fatalf("load during writes: %v", err)
		}
	}
	wg.Wait()
	r, err := s.Load("/b/x")
	if err != nil {
		t.Fatal(err)
	}
	if (r.Topic != "writer0" && r.Topic != "writer1") || r.Place.Offset != 99 {
		t.Errorf("last state %q at %d, want one writer's last", r.Topic, r.Place.Offset)
	}
	if r, _ := s.Load("/b/other"); r.Topic != "territory" {
		t.Errorf("the other briefing's state was lost: %+v", r)
	}
	if left, _ := filepath.Glob(filepath.Join(Dir(), ".*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestOlderRecordNotWritten saves out of order, as two commands finishing
// in the wrong order would.
func TestOlderRecordNotWritten(t *testing.T) {
	s := newStore(t)
	older := sample()
	newer := older.At("actors", Position{})
	if err := s.Save("/b/x", newer); err != nil {
		t.Fatal(err)
	}
	if err := s.Save("/b/x", older); err != nil {
		t.Fatal(err)
	}
	if r, _ := s.Load("/b/x"); r.Topic != "actors" {
		t.Errorf("topic %q: an older record overwrote a newer one", r.Topic)
	}
}

func TestSizeBound(t *testing.T) {
	s := newStore(t)
	var r Record
	var md strings.Builder
	for i := range 100 {
		fmt.Fprintf(&md, "Paragraph %d.\n\n", i)
	}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	const topics = 1000 // 100 fingerprints each: about 2 MB
	for i := range topics {
		r = r.MarkRead(fmt.Sprintf("t%04d", i), md.String(), start.Add(time.Duration(i)*time.Minute))
	}
	// The oldest read last: its fingerprints stay.
	r = r.MarkRead("t0000", md.String(), start.Add(time.Duration(topics)*time.Minute))
	if err := s.Save("/b/big", r); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(s.Path("/b/big"))
	if err != nil || fi.Size() > MaxSize {
		t.Fatalf("file of %d bytes, want at most %d (%v)", fi.Size(), MaxSize, err)
	}
	got, err := s.Load("/b/big")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Read) != topics {
		t.Errorf("%d topics read kept, want %d", len(got.Read), topics)
	}
	if _, known := got.Changed("t0001", md.String()); known {
		t.Error("the fingerprints of a topic read long ago were kept")
	}
	for _, id := range []string{"t0000", fmt.Sprintf("t%04d", topics-1)} {
		if ch, known := got.Changed(id, md.String()); !known || len(ch) != 0 {
			t.Errorf("%s, read last: changed %v, known %v", id, ch, known)
		}
	}
}

func TestForget(t *testing.T) {
	s := newStore(t)
	for _, id := range []string{"/b/x", "/b/y"} {
		if err := s.Save(id, sample()); err != nil {
			t.Fatal(err)
		}
	}
	writeState(t, s, "/b/x", "{")
	s.Load("/b/x") // moved aside
	if err := s.Save("/b/x", sample()); err != nil {
		t.Fatal(err)
	}
	if err := s.Forget("/b/x"); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(s.Path("/b/x") + "*"); len(left) > 0 {
		t.Errorf("left after forget: %v", left)
	}
	if err := s.Forget("/b/x"); err == nil {
		t.Error("forgetting twice: no error")
	}
	list, err := s.List()
	if err != nil || len(list) != 1 || list[0].Identity != "/b/y" || list[0].Size == 0 {
		t.Errorf("List = %+v, %v; want /b/y alone", list, err)
	}
}

func TestChanged(t *testing.T) {
	edited := "First paragraph [@a].\n\n- one item\n- a new item\n- two item\n\nLast paragraph,\nrewrapped and changed.\n"
	got := Changed(Fingerprints(body), edited)
	var texts []string
	for _, b := range got {
		texts = append(texts, edited[b.Start:b.End])
	}
	if want := "a new item|Last paragraph,\nrewrapped and changed."; strings.Join(texts, "|") != want {
		t.Errorf("changed %q, want %q", strings.Join(texts, "|"), want)
	}
	rewrapped := "First\nparagraph [@a].\n\n- one item\n- two item\n\nLast   paragraph.\n"
	if got := Changed(Fingerprints(body), rewrapped); len(got) != 0 {
		t.Errorf("rewrapping changed %v", got)
	}
	var r Record
	if _, known := r.Changed("overview", body); known {
		t.Error("a topic never read has fingerprints")
	}
}

func TestResolve(t *testing.T) {
	md := "Intro.\n\nThe Kremlin said on Monday that talks\nwould go on.\n\nEnd.\n"
	off := strings.Index(md, "talks")
	p := PositionAt(md, off)
	if p.Anchor != "The Kremlin said on Monday that talks would go on." {
		t.Errorf("anchor %q", p.Anchor)
	}
	tests := []struct{ name, md, want string }{
		{"same text", md, "talks"},
		{"a paragraph inserted before", "Intro.\n\nNew.\n\nThe Kremlin said on Monday that talks\nwould go on.\n\nEnd.\n", "talks"},
		{"paragraph gone", "Intro.\n\nSomething else entirely here, and longer than before.\n", "Something"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Resolve(tt.md, p)
			if !strings.HasPrefix(tt.md[got:], tt.want) {
				t.Errorf("resolved to %q, want %q", tt.md[got:], tt.want)
			}
		})
	}
}

func TestToggleBookmarkKeepsTheOriginal(t *testing.T) {
	r := sample()
	r2, added := r.ToggleBookmark(r.Bookmarks[0])
	if added || len(r2.Bookmarks) != 0 {
		t.Errorf("toggling an existing bookmark: added %v, %d left", added, len(r2.Bookmarks))
	}
	if len(r.Bookmarks) != 1 || r.Bookmarks[0].Label != "First paragraph" {
		t.Errorf("the original record changed: %+v", r.Bookmarks)
	}
}

func writeState(t *testing.T, s *Store, identity, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(s.Path(identity)), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.Path(identity), []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestSizeBoundDropsOldestTopics fills a record past MaxSize with topic
// ids alone, as a hostile briefing could: the oldest read go first.
func TestSizeBoundDropsOldestTopics(t *testing.T) {
	s := newStore(t)
	var r Record
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	long := strings.Repeat("x", 1000)
	for i := range 2000 {
		r = r.MarkRead(fmt.Sprintf("%04d%s", i, long), "", start.Add(time.Duration(i)*time.Minute))
	}
	if err := s.Save("/b/big", r); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load("/b/big")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(got.Read); n == 0 || n >= 2000 || n < 900 {
		t.Fatalf("%d topics kept of 2000, want as many as 1 MiB holds", n)
	}
	if !got.IsRead("1999"+long) || got.IsRead("0000"+long) {
		t.Error("the topics kept are not the last read")
	}
}
