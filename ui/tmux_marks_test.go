package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"brief/briefing"
	"brief/internal/state"
)

// copyBriefing copies the test briefing into a directory of its own.
func copyBriefing(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "harbour")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir("testdata/brief")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("testdata/brief", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestTmuxMarks reads a briefing in a real terminal as a reader coming
// back to it would: a topic read before and edited since is marked
// updated, its new paragraph barred, and U goes to it; two places
// bookmarked are listed after a restart, and enter opens each.
func TestTmuxMarks(t *testing.T) {
	bin := tmuxBinary(t)
	dir := copyBriefing(t)
	stateHome := t.TempDir()

	// The reader read "How it got here" as it was, then the file changed.
	b, err := briefing.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	ident, err := state.Identity(dir)
	if err != nil {
		t.Fatal(err)
	}
	rec := state.Record{}.MarkRead(b.Topics[2].ID, b.Topics[2].Body, time.Now().Add(-time.Hour))
	if err := state.Open(filepath.Join(stateHome, "brief")).Save(ident, rec); err != nil {
		t.Fatal(err)
	}
	topicFile := filepath.Join(dir, "timeline-notes.md")
	md, err := os.ReadFile(topicFile)
	if err != nil {
		t.Fatal(err)
	}
	const added = "Late on 13 March the council called an emergency session for the following week [@gazette]."
	edited := strings.Replace(string(md), "## What the residents say", added+"\n\n## What the residents say", 1)
	if edited == string(md) {
		t.Fatal("the test briefing changed: nowhere to add a paragraph")
	}
	if err := os.WriteFile(topicFile, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}

	run := fmt.Sprintf("XDG_STATE_HOME=%q %q --style dark %q", stateHome, bin, dir)
	s := startTmux(t, "marks", 100, 30, run+"; echo E2E-ONE $?; "+run+"; echo E2E-TWO $?; sleep 60")
	s.waitFor("the first frame", contains("Harbour bridge dispute", "1/4", "▸1 Bottom line"))
	screen := s.waitFor("the updated mark", contains("How it got here"))
	if row := rowOf(screen, "How it got here"); !strings.Contains(row, updatedMark) {
		t.Errorf("the edited topic is not marked %s in the list: %q\n%s", updatedMark, row, screen)
	}

	s.keys("3")
	s.waitFor("the notice of the update", contains("3/4", "Updated: 1 paragraph new or changed"))
	s.keys("U")
	screen = s.waitFor("U to the new paragraph", contains("Change 1 of 1", "Late on 13 March"))
	if line := rowOf(screen, "Late on 13 March"); !strings.Contains(line, changeBar+"Late on 13 March") {
		t.Errorf("the new paragraph is not barred: %q\n%s", line, screen)
	}
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, changeBar) && !strings.Contains(l, "Late on 13 March") && !strings.Contains(l, "the following week") && !strings.Contains(l, "[1]") {
			t.Errorf("a line barred that is not the new paragraph's: %q", l)
		}
	}

	// Two bookmarks: this place, and Bottom line scrolled a little.
	s.keys("m")
	s.waitFor("the first bookmark", contains("Bookmarked “Late on 13 March"))
	s.keys("1")
	s.waitFor("Bottom line", contains("1/4", "What is happening"))
	s.keys("j", "j", "j", "j")
	s.waitFor("scrolled", func(sc string) bool { return !strings.Contains(sc, "## What is happening") })
	top := firstTextLine(s.settled())
	s.keys("m")
	s.waitFor("the second bookmark", contains("Bookmarked “"))
	s.keys("q")
	s.waitFor("the first run to end", contains("E2E-ONE 0"))

	// Reopened: both bookmarks, in briefing order.
	s.waitFor("the second run", contains("Harbour bridge dispute", "▸1 Bottom line"))
	s.keys("'")
	screen = s.waitFor("the bookmarks", contains("Bookmarks · 2", "Bottom line", "How it got here", "Late on 13 March"))
	if i, j := strings.Index(screen, "Bottom line\n"), strings.Index(screen, "How it got here\n"); i < 0 || j < i {
		t.Errorf("the bookmarks are not in briefing order:\n%s", screen)
	}
	s.keys("Enter")
	s.waitFor("the first bookmark opened", func(sc string) bool {
		return !strings.Contains(sc, "Bookmarks ·") && strings.Contains(sc, "1/4") && firstTextLine(sc) == top
	})
	s.keys("Escape")
	s.waitFor("back in the bookmarks", contains("Bookmarks · 2", "› Bottom line"))
	s.keys("j")
	s.waitFor("the cursor on the second", contains("› How it got here"))
	s.keys("Enter")
	s.waitFor("the second bookmark opened", func(sc string) bool {
		return !strings.Contains(sc, "Bookmarks ·") && strings.Contains(sc, "3/4") && strings.Contains(firstTextLine(sc), "Late on 13 March")
	})
	s.keys("q")
	s.waitFor("the program to end", contains("E2E-TWO 0"))
}

// rowOf returns the first line of screen that holds s.
func rowOf(screen, s string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}
