package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// highlighted reports whether word is on the screen (captured with its
// escape sequences) right after a background colour, as the search
// highlights draw it.
func highlighted(screen, word string) bool {
	for rest := screen; ; {
		i := strings.Index(rest, word)
		if i < 0 {
			return false
		}
		if m := trailingEscapes.FindString(rest[:i]); strings.Contains(m, "[48;") || strings.Contains(m, ";48;") {
			return true
		}
		rest = rest[i+len(word):]
	}
}

// textRows is the reading pane's rows of a screen: all but the header
// and the footer.
func textRows(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	if len(lines) < 3 {
		return screen
	}
	return strings.Join(lines[1:len(lines)-1], "\n")
}

// trailingEscapes matches the escape sequences right before a position.
var trailingEscapes = regexp.MustCompile(`(\x1b\[[0-9;:]*m)+$`)

// TestTmuxSearch searches the embedded briefing in a real terminal, as a
// new reader would: /novoross is highlighted in its topic, n walks every
// match across topics and wraps, /zelensky finds every spelling, and the
// results list and the topic finder open what they show.
func TestTmuxSearch(t *testing.T) {
	bin := tmuxBinary(t)
	script := fmt.Sprintf("%q --style dark; echo E2E-DONE $?; sleep 60", bin)
	s := startTmux(t, "search", 120, 40, script)
	colour := func() string { return s.run("capture-pane", "-e", "-p", "-t", "e2e") }

	s.waitFor("the first frame", contains("US security guarantees", "1/7", "Bottom line"))
	s.keys("/", "novoross")
	s.waitFor("the counts", contains("/novoross", "none here · next in Territory · 6 in 4 topics"))
	// enter goes on, as in less, to the first match after the place.
	s.keys("Enter")
	s.waitFor("the first match, highlighted", func(sc string) bool {
		return contains("3/7", "▸3 Territory", "1/2 here · 6 in 4 topics")(sc) && highlighted(colour(), "Novoross")
	})
	// n walks every match, topic after topic, and wraps with a notice;
	// one is in the excerpt of a citation, which its marker stands for.
	walk := []string{"2/2 here", "4/7", "2/2 here · in excerpt [3]", "6/7", "7/7"}
	for _, want := range walk {
		s.keys("n")
		word := "Novoross"
		if strings.Contains(want, "excerpt") {
			word = "[3]"
		}
		// The match is highlighted once the topic has rendered.
		s.waitFor("n to "+want+", highlighted", func(sc string) bool {
			return contains(want)(sc) && highlighted(colour(), word)
		})
	}
	s.keys("n")
	s.waitFor("the wrap", contains("3/7", "Search wrapped to the first topic"))

	// From topic 2, the same: typing does not move the reader, enter
	// lands on Novorossiya; esc from the results list goes back.
	s.keys("2")
	s.waitFor("topic 2", contains("2/7", "▸2 Security guarantees"))
	top := s.settled()
	s.keys("/", "novoross")
	s.waitFor("the counts from topic 2", contains("/novoross", "none here · next in Territory"))
	s.keys("Tab")
	s.waitFor("the results list", contains("6 matches for “novoross”"))
	s.keys("Escape")
	s.waitFor("back where the search began", contains("2/7", "▸2 Security guarantees", "/novoross"))
	if a, b := textRows(top), textRows(s.settled()); a != b {
		t.Errorf("esc from the results does not go back to the place:\n%s\nwant\n%s", b, a)
	}
	s.keys("/", "novoross", "Enter")
	s.waitFor("Novorossiya from topic 2, highlighted", func(sc string) bool {
		return contains("3/7", "▸3 Territory", "1/2 here")(sc) && highlighted(colour(), "Novoross")
	})

	// The United States by its aliases, as whole words.
	s.keys("1", "/", "washington")
	s.waitFor("the aliases", contains("/washington", "in 7 topics and the timeline", "also: United States, US, U.S."))
	s.keys("Escape")
	s.waitFor("the search cancelled", func(sc string) bool { return !strings.Contains(sc, "/washington") })
	s.keys("3")
	s.waitFor("Territory", contains("3/7", "▸3 Territory"))

	// Every spelling of the actor; the line says which were added.
	s.keys("/", "zelensky")
	s.waitFor("the aliases", contains("/zelensky", "also: Zelenskiy, Zelenskyy"))

	// The results list shows every spelling highlighted (the briefing writes
	// one; its quotations keep the articles' others), and opens the topic of
	// the match chosen.
	s.keys("Tab")
	s.waitFor("the results list", contains("matches for “zelensky”", "Bottom line", "1/"))
	sc := colour()
	for _, w := range []string{"Zelenskiy", "Zelenskyy", "Zelensky "} {
		if !highlighted(sc, strings.TrimSpace(w)) {
			t.Errorf("%s is not highlighted:\n%s", w, sc)
		}
	}
	// Past Bottom line's seven, one of them in an excerpt.
	s.keys("Down", "Down", "Down", "Down", "Down", "Down", "Down", "Enter")
	s.waitFor("the match opened", contains("2/7", "▸2 Security guarantees", "/zelensky"))
	if sc := colour(); !highlighted(sc, "Zelensk") {
		t.Errorf("the opened match is not highlighted:\n%s", sc)
	}

	// The topic finder.
	s.keys(":")
	s.waitFor("the finder", contains("7 of 7 topics"))
	s.keys("ratif")
	s.waitFor("the finder filtered", contains("Ratification", "of 7 topics"))
	s.keys("Enter")
	s.waitFor("the topic opened", contains("5/7", "▸5 Ratification"))

	s.keys("q")
	s.waitFor("the program to end", contains("E2E-DONE 0"))
}
