package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTmuxReload reads a briefing in a real terminal while its files are
// edited: a topic's change shows without a restart, at the same topic; a
// broken briefing.yaml keeps the text and shows its error in the footer
// until a save fixes it.
func TestTmuxReload(t *testing.T) {
	bin := tmuxBinary(t)
	work := t.TempDir()
	dir := filepath.Join(work, "brief")
	if err := os.CopyFS(dir, os.DirFS("testdata/brief")); err != nil {
		t.Fatal(err)
	}
	s := startTmux(t, "reload", 100, 30,
		fmt.Sprintf("cd %q && %q --style dark brief; echo E2E-DONE $?; sleep 60", work, bin))

	s.waitFor("the first frame", contains("Harbour bridge dispute", "1/4", "Repairs have stopped"))
	s.keys("l")
	s.waitFor("the second topic", contains("2/4", "The city's engineers put the repair at 14"))

	atomicEdit(t, dir, "costs.md", "The city's engineers put the repair at 14 million", "The city's engineers now put the repair at 15 million")
	screen := s.waitFor("the edit", contains("now put the repair at 15"))
	if !strings.Contains(screen, "2/4") || !strings.Contains(screen, "▸2 Who pays") {
		t.Errorf("the reader left the topic on reload:\n%s", screen)
	}

	edit(t, dir, "briefing.yaml", "as_of: 2026-03-14\n", "as_of: 2026-03-14: x\n")
	screen = s.waitFor("the error in the footer", contains("⚠ brief/briefing.yaml:3:8: YAML syntax error"))
	if !strings.Contains(screen, "now put the repair at 15") || !strings.Contains(screen, "2/4") {
		t.Errorf("the text before the broken save is not on screen:\n%s", screen)
	}
	// A topic edited and the YAML fixed in one burst: both show.
	atomicEdit(t, dir, "costs.md", "at 15 million", "at 16 million")
	atomicEdit(t, dir, "briefing.yaml", "as_of: 2026-03-14: x\n", "as_of: 2026-03-14\n")
	screen = s.waitFor("the fix", func(sc string) bool {
		return strings.Contains(sc, "now put the repair at 16") && !strings.Contains(sc, "⚠")
	})
	if !strings.Contains(screen, "2/4") {
		t.Errorf("the reader left the topic on reload:\n%s", screen)
	}

	s.keys("q")
	s.waitFor("the program to end", contains("E2E-DONE 0"))
}
