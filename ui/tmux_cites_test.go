package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTmuxCitationCard follows a citation of the built-in briefing to its
// evidence card and back in a real terminal: from "Security guarantees",
// c three times and enter show the card of the third marker on screen,
// and esc shows the text exactly as it was.
func TestTmuxCitationCard(t *testing.T) {
	bin := tmuxBinary(t)
	s := startTmux(t, "cites", 80, 24, fmt.Sprintf("%q --style dark; echo E2E-DONE $?; sleep 60", bin))
	s.waitFor("the first frame", contains("1/7"))
	s.keys("2")
	s.waitFor("Security guarantees", contains("2/7", "Status over time", "Mar-a-Lago"))
	s.settled()
	s.keys("c", "c", "c")
	before := s.waitFor("the cursor on a citation", contains("c/C citation", "enter evidence"))
	before = s.settled()
	s.keys("Enter")
	card := s.waitFor("the card", contains("Evidence", "Claim", "esc back"))
	// The third marker on screen is [1], the unnamed analysis, in the
	// item of 6 January.
	for _, want := range []string{"[1] unnamed outlet", "Untitled news analysis", "kind analysis",
		"One article says the United States", "guarantees [1]"} {
		if !strings.Contains(card, want) {
			t.Errorf("card lacks %q:\n%s", want, card)
		}
	}
	checkExcerpt(t, card)
	s.keys("Escape")
	s.waitFor("the text again", func(sc string) bool { return !strings.Contains(sc, "Evidence") })
	if after := s.settled(); after != before {
		t.Errorf("esc does not return to the same place:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	s.keys("q")
	s.waitFor("the program to end", contains("E2E-DONE 0"))
}

// checkExcerpt checks that the excerpt on a card's screen, between
// typographic quotes and wrapped over lines, is verbatim in one of the
// articles the built-in briefing was written from, where they are at
// hand; white space and the form of quotes and dashes do not count.
func checkExcerpt(t *testing.T, screen string) {
	t.Helper()
	i := strings.Index(screen, "\u201c")
	j := strings.LastIndex(screen, "\u201d")
	if i < 0 || j < i {
		t.Log("the card shows no excerpt")
		return
	}
	excerpt := normalQuote(screen[i+len("\u201c") : j])
	files, _ := filepath.Glob("../../shared/articles/*.txt")
	if len(files) == 0 {
		files, _ = filepath.Glob("/work/shared/articles/*.txt")
	}
	if len(files) == 0 {
		t.Log("the articles are not at hand")
		return
	}
	for _, f := range files {
		if text, err := os.ReadFile(f); err == nil && strings.Contains(normalQuote(string(text)), excerpt) {
			return
		}
	}
	t.Errorf("the excerpt %q is in no article", excerpt)
}

// normalQuote collapses white space and makes quotes and dashes plain.
func normalQuote(s string) string {
	s = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "\u2013", "-", "\u2014", "-").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}
