package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"brief/briefing"
	"brief/content"
	"brief/internal/search"
)

// TestTmuxViews opens the timeline and the people view of the built-in
// briefing in a real terminal, as a new reader would: T lists the events
// in date order and enter opens a topic at the event's passage; a, then
// Lavrov, lists every passage naming him and opens one, his name
// highlighted.
func TestTmuxViews(t *testing.T) {
	bin := tmuxBinary(t)
	b, err := briefing.LoadFS(content.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	s := startTmux(t, "views", 120, 40, fmt.Sprintf("%q --style dark; echo E2E-DONE $?; sleep 60", bin))
	s.waitFor("the first frame", contains("1/7", "Security guarantees"))

	// From Security guarantees, whose events are marked.
	s.keys("2")
	s.waitFor("Security guarantees", contains("2/7"))
	s.keys("T")
	screen := s.waitFor("the timeline", contains("Timeline ·", fmt.Sprintf("%d events", len(b.Timeline))))
	// The events on screen come in date order, each year under its
	// heading.
	var shown []string
	for _, l := range strings.Split(screen, "\n") {
		for _, ev := range b.Timeline {
			if d := ev.Date.Short(); strings.Contains(l, "  "+d+"  ") && !slices.Contains(shown, l) {
				shown = append(shown, l)
			}
		}
	}
	if len(shown) < 5 {
		t.Fatalf("only %d events on screen:\n%s", len(shown), screen)
	}
	for _, y := range []string{" 1994", " 2014", " 2026", "   January"} {
		if !strings.Contains(screen, "\n"+y+"\n") {
			t.Errorf("no heading %q:\n%s", y, screen)
		}
	}
	if i, j := strings.Index(screen, "Budapest Memorandum"), strings.Index(screen, "full-scale invasion"); i < 0 || j < i {
		t.Errorf("1994 does not come before 2022:\n%s", screen)
	}

	// The cursor starts on the topic's first event (2025); the next is
	// of 28 December 2025.
	if !strings.Contains(screen, "› ● 2025 ") {
		t.Errorf("the cursor is not on the topic's first event:\n%s", screen)
	}
	s.keys("j")
	s.waitFor("the cursor on 28 Dec 2025", contains("› ● 28 Dec 2025", "28 December 2025: Zelenskiy meets"))
	s.keys("Enter")
	screen = s.waitFor("the topic opened", func(sc string) bool {
		return strings.Contains(sc, "▸2 Security guarantees") && !strings.Contains(sc, "Timeline ·")
	})
	s.waitFor("the passage highlighted", func(sc string) bool {
		return highlighted(s.run("capture-pane", "-e", "-p", "-t", "e2e"), "Zelenskiy met Trump")
	})

	// esc goes back to the timeline, esc again to the text.
	s.keys("Escape")
	s.waitFor("back in the timeline", contains("Timeline ·", "› ● 28 Dec 2025"))
	s.keys("Escape")
	s.waitFor("back in the text", func(sc string) bool { return !strings.Contains(sc, "Timeline ·") })

	// Who's who: a, / and Lavrov's name find him; enter lists every
	// passage naming him.
	want := search.NewIndex(b).Count(search.Compile("Sergei Lavrov", b.Actors)).Total
	s.keys("a")
	s.waitFor("the people view", contains("Who's who ·", "Volodymyr Zelenskiy", "President of Ukraine"))
	s.keys("/")
	s.keys("-l", "Lavrov")
	// His row counts the passages as the search does.
	s.waitFor("the cursor on Lavrov, and his count", func(sc string) bool {
		return contains("/ Lavrov", fmt.Sprintf("1 of %d", len(b.Actors)), "esc clear")(sc) && strings.Contains(lineWith(sc, "› Sergei Lavrov"), fmt.Sprintf(" %d  ", want))
	})
	s.keys("Enter")
	// The passages are found in a command: wait for every one of them.
	s.waitFor(fmt.Sprintf("Lavrov's %d passages", want), func(sc string) bool {
		return contains(fmt.Sprintf("Sergei Lavrov · %d passages naming them", want))(sc) && strings.Count(sc, "Lavrov") >= want
	})
	s.keys("Enter")
	s.waitFor("a passage opened", contains("/Sergei Lavrov", "here"))
	s.waitFor("the name highlighted", func(string) bool {
		return highlighted(s.run("capture-pane", "-e", "-p", "-t", "e2e"), "Sergei Lavrov")
	})
	s.keys("q")
	s.waitFor("the program to end", contains("E2E-DONE 0"))
}
