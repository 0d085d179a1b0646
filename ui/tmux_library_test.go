package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTmuxLibrary opens a folder of three briefings, one broken, in a
// real terminal, and moves between the other two and back.
func TestTmuxLibrary(t *testing.T) {
	bin := tmuxBinary(t)
	lib, err := filepath.Abs("testdata/library")
	if err != nil {
		t.Fatal(err)
	}
	s := startTmux(t, "library", 80, 24,
		fmt.Sprintf("%q --style dark %q; echo E2E-DONE $?; sleep 60", bin, lib))

	s.waitFor("the library", contains("Library", "3 briefings", "› Harbour bridge dispute", "The Pass Closure",
		"⚠ broken/briefing.yaml:3:9"))

	s.keys("Enter")
	s.waitFor("the first briefing", contains("Harbour bridge dispute · as of", "1/4", "Repairs have stopped"))
	s.keys("l")
	s.waitFor("its second topic", contains("2/4"))

	s.keys("Escape")
	// Back in the library, the row of the briefing read has its state.
	today := time.Now().Format("2006-01-02")
	s.waitFor("the library again, with the reading state", contains("3 briefings", "› Harbour bridge dispute",
		"Unread", "Last read", today))
	s.keys("j", "j")
	s.waitFor("the third row", contains("› The Pass Closure"))
	s.keys("Enter")
	s.waitFor("the second briefing", contains("The Pass Closure · as of", "1/2", "A storm brought down rock"))

	s.keys("Escape")
	screen := s.waitFor("the library at the same row", contains("3 briefings", "› The Pass Closure"))
	if strings.Contains(screen, "› Harbour") {
		t.Errorf("two cursors:\n%s", screen)
	}
	s.keys("k", "k", "Enter")
	// A new reader of the first briefing: it resumes where the first
	// one was left.
	s.waitFor("the first briefing again", contains("Harbour bridge dispute · as of", "2/4", "Resumed at Who pays"))
	s.keys("q")
	s.waitFor("the program to end", contains("E2E-DONE 0"))
}
