package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"brief/briefing"
	"brief/internal/search"
)

// TestPeopleFilterLavrov is the "a then Lavrov": the filter
// narrows the actors to him, and enter lists every passage naming him,
// as many as the search counts and the view's column says.
func TestPeopleFilterLavrov(t *testing.T) {
	m := embeddedModel(t, 80, 24)
	b := m.b
	lavrov := slices.IndexFunc(b.Actors, func(a briefing.Actor) bool { return a.Name == "Sergei Lavrov" })
	want := search.NewIndex(b).Count(search.Compile("Sergei Lavrov", b.Actors)).Total
	if lavrov < 0 || want == 0 {
		t.Fatalf("the built-in briefing has no Lavrov to find (%d, %d passages)", lavrov, want)
	}
	m = typeText(t, press(t, m, "a", "/"), "lavrov")
	screen := plain(m)
	if !strings.Contains(screen, "› Sergei Lavrov") || !strings.Contains(screen, fmt.Sprintf("of %d", len(b.Actors))) {
		t.Fatalf("a / lavrov: the cursor is not on Lavrov, or no count of the actors shown:\n%s", screen)
	}
	if row := lineWith(screen, "› Sergei Lavrov"); !strings.Contains(row, fmt.Sprintf(" %d  ", want)) {
		t.Errorf("Lavrov's row does not show the search's count %d: %q", want, row)
	}
	m = press(t, m, "enter")
	if m.focus != focusPeople || m.people.chosen != lavrov || len(m.people.passages.matches) != want {
		t.Fatalf("enter: focus %v, chosen %d (want %d), %d passages (want %d)", m.focus, m.people.chosen, lavrov, len(m.people.passages.matches), want)
	}
	if head := fmt.Sprintf("Sergei Lavrov · %d passages naming them", want); !strings.Contains(plain(m), head) {
		t.Errorf("no %q:\n%s", head, plain(m))
	}
}

// lineWith returns the first line of screen that contains s.
func lineWith(screen, s string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

// TestPeopleFilterMatches: the filter matches an actor's aliases and role
// as well as the name, best first.
func TestPeopleFilterMatches(t *testing.T) {
	for _, c := range []struct{ query, want string }{
		{"lavrov", "Sergei Lavrov"},
		{"zelensky", "Volodymyr Zelenskiy"},
		{"britain", "United Kingdom"},     // an alias only
		{"kremlin spok", "Dmitry Peskov"}, // the role
		{"davos", "World Economic Forum"},
	} {
		m := embeddedModel(t, 80, 24)
		m = typeText(t, press(t, m, "a", "/"), c.query)
		if !strings.Contains(plain(m), "› "+c.want) {
			t.Errorf("filter %q: the cursor is not on %s:\n%s", c.query, c.want, plain(m))
		}
	}
}

// TestPeopleFilterKeys: while the filter line has the keys, letters are
// typed, q and ? included; esc clears the filter, then closes the view.
func TestPeopleFilterKeys(t *testing.T) {
	m := embeddedModel(t, 80, 24)
	m = typeText(t, press(t, m, "a", "/"), "q?jgGb1")
	if m.focus != focusPeople || m.showHelp || !strings.Contains(plain(m), "/ q?jgGb1") {
		t.Fatalf("typed in the filter: focus %v, help %v:\n%s", m.focus, m.showHelp, plain(m))
	}
	if !strings.Contains(plain(m), "No actor matches") {
		t.Errorf("nothing matches, and the view does not say so:\n%s", plain(m))
	}
	// esc clears the filter, the cursor on the actor it was on.
	m = embeddedModel(t, 80, 24)
	m = press(t, typeText(t, press(t, m, "a", "/"), "lavrov"), "esc")
	screen := plain(m)
	if m.focus != focusPeople || strings.Contains(screen, "/ lavrov") || !strings.Contains(screen, "› Sergei Lavrov") || !strings.Contains(screen, "Volodymyr Zelenskiy") {
		t.Fatalf("esc in the filter: focus %v:\n%s", m.focus, screen)
	}
	// j moves again once the filter is closed; esc closes the view.
	m = press(t, m, "j")
	if strings.Contains(plain(m), "› Sergei Lavrov") {
		t.Errorf("j after the filter does not move:\n%s", plain(m))
	}
	if m = press(t, m, "esc"); m.focus != focusText {
		t.Fatalf("esc with no filter: focus %v, want the text", m.focus)
	}

	// From the passages, esc goes back to the actors, still filtered;
	// then esc clears the filter; then esc closes.
	m = embeddedModel(t, 80, 24)
	m = press(t, typeText(t, press(t, m, "a", "/"), "lavrov"), "enter", "esc")
	if m.focus != focusPeople || m.people.chosen != -1 || !strings.Contains(plain(m), "/ lavrov") {
		t.Fatalf("esc from the passages: focus %v, chosen %d:\n%s", m.focus, m.people.chosen, plain(m))
	}
	m = press(t, m, "j") // the filter line no longer has the keys
	if strings.Contains(plain(m), "/ lavrovj") {
		t.Errorf("j typed after enter closed the filter line:\n%s", plain(m))
	}
	m = press(t, m, "esc")
	if m.focus != focusPeople || strings.Contains(plain(m), "/ lavrov") {
		t.Fatalf("esc with a filter: focus %v:\n%s", m.focus, plain(m))
	}
	if m = press(t, m, "esc"); m.focus != focusText {
		t.Fatalf("esc after the filter is cleared: focus %v, want the text", m.focus)
	}
}

// TestPeopleFilterHelp: the footer and the ? overlay tell of the filter.
func TestPeopleFilterHelp(t *testing.T) {
	m := embeddedModel(t, 80, 24)
	m = press(t, m, "a")
	if foot := screenLines(m)[23]; !strings.Contains(foot, "/ filter") {
		t.Errorf("the people view's footer has no / filter: %q", foot)
	}
	if help := plain(press(t, m, "?")); !strings.Contains(help, "/ ") || !strings.Contains(help, "filter the actors") {
		t.Errorf("the help has no / filter:\n%s", help)
	}
	m = press(t, m, "/")
	if foot := screenLines(m)[23]; !strings.Contains(foot, "esc clear") || strings.Contains(foot, "/ filter") {
		t.Errorf("the footer while filtering: %q", foot)
	}
}

// TestPeopleFilterKeptOnReload: a briefing saved while the filter is
// typed in is reloaded with the filter kept and the keys still typed,
// so that a q typed next does not quit.
func TestPeopleFilterKeptOnReload(t *testing.T) {
	dir := editable(t)
	m := typeText(t, press(t, watchedModel(t, dir, 100, 30), "a", "/"), "rey")
	edit(t, dir, "briefing.yaml", "role: Port director", "role: Port chief")
	m = typeText(t, reload(t, m, dir), "esq")
	screen := plain(m)
	if m.focus != focusPeople || !strings.Contains(screen, "/ reyesq") || !strings.Contains(screen, "No actor matches") {
		t.Fatalf("after the reload: focus %v:\n%s", m.focus, screen)
	}
	m = press(t, m, "backspace", "backspace")
	if screen := plain(m); !strings.Contains(screen, "› Tomas Reyes") || !strings.Contains(screen, "Port chief") {
		t.Errorf("the filter does not show the new briefing's actors:\n%s", screen)
	}
}
