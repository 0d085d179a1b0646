package state

import (
	"os"
	"testing"

	"brief/briefing"
)

func TestProgress(t *testing.T) {
	topics := []*briefing.Topic{
		{ID: "overview", Body: body},
		{ID: "territory", Body: "Changed since.\n"},
		{ID: "actors", Body: "Never read.\n"},
	}
	r := sample().MarkRead("territory", "As first read.\n", sample().Saved)
	// A topic read and since removed counts nowhere.
	r = r.MarkRead("removed", "Gone.\n", sample().Saved)
	got := r.Progress(topics)
	if !got.Known || got.Read != 2 || got.Unread != 1 || got.Updated != 1 {
		t.Errorf("Progress = %+v, want 2 read (1 updated), 1 unread", got)
	}
	if f := got.Fields(); f[0] != "2" || f[1] != "1" || f[2] != "1" || f[3] != "never" {
		t.Errorf("Fields = %q", f)
	}
}

// TestPeekLeavesCorruptAlone: the library looks at a corrupt state
// without moving it aside, so that the reader still warns of it.
func TestPeekLeavesCorruptAlone(t *testing.T) {
	s := newStore(t)
	if err := os.MkdirAll(Dir(), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.Path("/b/x"), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.Peek("/b/x"); ok || err == nil {
		t.Errorf("Peek = %v, %v on a corrupt file", ok, err)
	}
	if _, err := os.Stat(s.Path("/b/x")); err != nil {
		t.Fatalf("Peek moved the file: %v", err)
	}
	if _, err := s.Load("/b/x"); err == nil {
		t.Error("Load after Peek does not warn")
	}
	if _, ok, err := s.Peek("/b/none"); ok || err != nil {
		t.Errorf("Peek = %v, %v with no state", ok, err)
	}
}
