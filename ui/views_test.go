package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"brief/internal/render"
	"brief/internal/search"
)

// timelineEvents lists the events the timeline shows, in order.
func timelineEvents(m Model) []int {
	var out []int
	for _, it := range m.timeline.items {
		if it.event >= 0 {
			out = append(out, it.event)
		}
	}
	return out
}

func TestTimelineOrderAndGroups(t *testing.T) {
	m := press(t, newTestModel(t, render.NoTTY, 80, 24), "T")
	if m.focus != focusTimeline {
		t.Fatalf("T: focus %v, want timeline", m.focus)
	}
	evs := timelineEvents(m)
	if len(evs) != len(m.b.Timeline) {
		t.Fatalf("%d events shown, want %d", len(evs), len(m.b.Timeline))
	}
	for i := 1; i < len(evs); i++ {
		if m.b.Timeline[evs[i]].Date.Before(m.b.Timeline[evs[i-1]].Date) {
			t.Errorf("event %d (%v) shown after %d (%v)", evs[i], m.b.Timeline[evs[i]].Date, evs[i-1], m.b.Timeline[evs[i-1]].Date)
		}
	}
	var trimmed []string
	for _, l := range screenLines(m) {
		trimmed = append(trimmed, strings.TrimRight(l, " "))
	}
	screen := strings.Join(trimmed, "\n")
	// Each year and month heads its events; dates show at their precision.
	for _, want := range []string{" 1962\n", " 1998\n", " 2026\n", "   March\n", "  1962  ", "Mar 2026  ", "10 Mar 2026  ", "● "} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q:\n%s", want, screen)
		}
	}
	// The cursor starts on the current topic's first event.
	if ev := m.timeline.event(); !slices.Contains(m.b.Timeline[ev].Topics, "overview") {
		t.Errorf("cursor on event %d, not one of the current topic's", ev)
	}
	if !strings.Contains(screen, "People · How it got here · [3]") {
		t.Errorf("an event's topics and citations are not shown:\n%s", screen)
	}
}

func TestTimelineFilter(t *testing.T) {
	m := press(t, newTestModel(t, render.NoTTY, 80, 24), "T", "f")
	if got := len(timelineEvents(m)); got != 2 || !m.timeline.only {
		t.Fatalf("f: %d events, only %v; want the 2 of the first topic", got, m.timeline.only)
	}
	m = press(t, m, "f")
	if got := len(timelineEvents(m)); got != len(m.b.Timeline) {
		t.Fatalf("f again: %d events, want all", got)
	}
	// From the end of a topic, where its text says how many events it
	// has, T shows only those.
	m = press(t, newTestModel(t, render.NoTTY, 80, 24), "3", "G")
	if !strings.Contains(plain(m), "On the timeline: 4 events") {
		t.Fatalf("the topic's end does not name its events:\n%s", plain(m))
	}
	m = press(t, m, "T")
	if got := len(timelineEvents(m)); got != 4 || !m.timeline.only {
		t.Errorf("T at the end of the topic: %d events, only %v; want its 4", got, m.timeline.only)
	}
	m = press(t, m, "esc", "g", "T")
	if m.timeline.only {
		t.Error("T at the top of the topic shows only its events")
	}
}

func TestTimelineEnterOpensPassage(t *testing.T) {
	m := press(t, newTestModel(t, render.NoTTY, 80, 24), "T")
	for m.timeline.event() < 0 || !strings.HasPrefix(m.b.Timeline[m.timeline.event()].Text, "Tomas Reyes") {
		before := m.timeline.cursor
		m = press(t, m, "j")
		if m.timeline.cursor == before {
			t.Fatal("no event about Tomas Reyes")
		}
	}
	m = press(t, m, "enter")
	if m.focus != focusText || m.b.Topics[m.current].ID != "people" {
		t.Fatalf("enter: focus %v, topic %s; want the event's first topic", m.focus, m.b.Topics[m.current].ID)
	}
	mk := m.reader.mark
	if !mk.valid || len(mk.first) != 1 || len(mk.spans) == 0 {
		t.Fatalf("no passage highlighted: %+v", mk)
	}
	// The highlighted text is the claim that cites the event's source.
	var got []string
	lines := strings.Split(m.reader.plainText().text, "\n")
	for _, sp := range mk.spans {
		got = append(got, ansi.Cut(lines[sp.line], sp.start, sp.end))
	}
	claim := strings.ReplaceAll(strings.Join(got, " "), "**", "") // NoTTY keeps the bold marks
	if !strings.HasPrefix(claim, "Tomas Reyes, port director") || !strings.HasSuffix(claim, "[3]") {
		t.Errorf("highlighted %q, want the claim about Tomas Reyes up to its marker", claim)
	}
	if off := m.reader.vp.YOffset(); mk.first[0] < off || mk.first[0] >= off+m.reader.vp.Height() {
		t.Errorf("the passage, line %d, is not on screen (from line %d)", mk.first[0], off)
	}
	// esc goes back to the timeline, on the same event.
	ev := m.timeline.event()
	m = press(t, m, "esc")
	if m.focus != focusTimeline || m.timeline.event() != ev || m.reader.mark.valid {
		t.Errorf("esc: focus %v, event %d (want %d), mark %v", m.focus, m.timeline.event(), ev, m.reader.mark.valid)
	}
	m = press(t, m, "esc")
	if m.focus != focusText {
		t.Errorf("esc in the timeline: focus %v", m.focus)
	}
}

func TestViewsQuitAndHelp(t *testing.T) {
	for _, open := range [][]string{{"T"}, {"a"}, {"a", "enter"}} {
		m := press(t, newTestModel(t, render.NoTTY, 80, 24), open...)
		if _, cmd := m.Update(keyPress("q")); cmd == nil || fmt.Sprint(cmd()) != fmt.Sprint(tea.Quit()) {
			t.Errorf("%v then q does not quit", open)
		}
		m = press(t, m, "?")
		if !m.showHelp || !strings.Contains(plain(m), "esc") {
			t.Errorf("%v then ?: no help", open)
		}
		foot := screenLines(m)[23]
		m = press(t, m, "esc")
		if m.showHelp || !m.inView() {
			t.Errorf("%v then ? esc: help %v, focus %v", open, m.showHelp, m.focus)
		}
		if foot == screenLines(m)[23] {
			t.Errorf("%v: the footer does not change with the help", open)
		}
	}
}

func TestPeopleCountsAndPassages(t *testing.T) {
	m := press(t, newTestModel(t, render.NoTTY, 80, 24), "a")
	if m.focus != focusPeople || !m.people.counted {
		t.Fatalf("a: focus %v, counted %v", m.focus, m.people.counted)
	}
	ix := search.NewIndex(m.b)
	for i, a := range m.b.Actors {
		if want := ix.Count(search.Compile(a.Name, m.b.Actors)).Total; m.people.counts[i] != want {
			t.Errorf("%s: %d passages, search counts %d", a.Name, m.people.counts[i], want)
		}
	}
	screen := plain(m)
	if !strings.Contains(screen, "Tomas Reyes") || !strings.Contains(screen, "Port director") || !strings.Contains(screen, "also Reyes, the port director") {
		t.Errorf("people view:\n%s", screen)
	}
	m = press(t, m, "j", "enter")
	ms := m.people.passages.matches
	if m.people.chosen != 1 || len(ms) != m.people.counts[1] || len(ms) == 0 {
		t.Fatalf("enter on Tomas Reyes: %d passages listed, counted %d", len(ms), m.people.counts[1])
	}
	if !strings.Contains(plain(m), "Timeline") || !strings.Contains(plain(m), "People") {
		t.Errorf("passages do not span topics and the timeline:\n%s", plain(m))
	}
	// The first passage opens in its topic with the name as the search.
	first := ms[0]
	m = press(t, m, "enter")
	if m.focus != focusText || m.b.Topics[m.current].ID != first.Topic {
		t.Fatalf("enter on a passage: focus %v, topic %s, want %s", m.focus, m.b.Topics[m.current].ID, first.Topic)
	}
	if m.search.query.Text() != "Tomas Reyes" || m.reader.hl.cur != first.N || !visible(m) {
		t.Errorf("search %q, current match %d (want %d), visible %v", m.search.query.Text(), m.reader.hl.cur, first.N, visible(m))
	}
	// esc steps back: the passages, the actors, the text.
	m = press(t, m, "esc")
	if m.focus != focusPeople || m.people.chosen != 1 {
		t.Fatalf("esc from the topic: focus %v, chosen %d", m.focus, m.people.chosen)
	}
	m = press(t, m, "esc")
	if m.focus != focusPeople || m.people.chosen != -1 {
		t.Fatalf("esc from the passages: focus %v, chosen %d", m.focus, m.people.chosen)
	}
	m = press(t, m, "esc")
	if m.focus != focusText {
		t.Fatalf("esc from the actors: focus %v", m.focus)
	}
	// The view keeps its place; a passage in the timeline opens the
	// timeline at its event.
	m = press(t, m, "a", "enter", "G", "enter")
	if m.focus != focusTimeline || !strings.HasPrefix(m.b.Timeline[m.timeline.event()].Text, "Tomas Reyes") {
		t.Errorf("a timeline passage: focus %v", m.focus)
	}
}

// TestViewsFitAndWheel draws both views at the smallest and largest
// sizes, dark and light, the actors filtered too, and moves them with
// the mouse wheel.
func TestViewsFitAndWheel(t *testing.T) {
	for _, style := range []render.Style{render.Dark, render.Light} {
		for _, size := range [][2]int{{60, 20}, {80, 24}, {200, 60}} {
			for _, keys := range [][]string{{"T"}, {"a"}, {"a", "enter"}, {"T", "?"}, {"a", "/", "r"}, {"a", "/", "z", "z"}, {"a", "/", "r", "enter", "esc"}, {"a", "?"}} {
				m := press(t, newTestModel(t, style, size[0], size[1]), keys...)
				lines := strings.Split(m.View().Content, "\n")
				if len(lines) != size[1] {
					t.Errorf("%v %v %v: %d lines", style, size, keys, len(lines))
				}
				for i, l := range lines {
					if w := ansi.StringWidth(l); w != size[0] {
						t.Errorf("%v %v %v: line %d is %d cells", style, size, keys, i, w)
					}
				}
			}
		}
	}
	m := press(t, newTestModel(t, render.NoTTY, 60, 20), "T", "g")
	before := m.timeline.event()
	m = send(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelDown, X: 10, Y: 5})
	if m.timeline.event() == before {
		t.Error("the wheel does not move the timeline")
	}
	m = press(t, newTestModel(t, render.NoTTY, 60, 20), "a")
	m = send(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelDown, X: 10, Y: 5})
	if m.people.list.rows.cursor == 0 {
		t.Error("the wheel does not move the people view")
	}
	// A resize reaches the view.
	m = send(t, press(t, newTestModel(t, render.NoTTY, 60, 20), "T"), sizeMsg(120, 40))
	if m.timeline.width != 120 || m.timeline.height != 38 || len(screenLines(m)) != 40 {
		t.Errorf("resize: timeline %dx%d", m.timeline.width, m.timeline.height)
	}
}

// TestTimelineEnterWithoutCitation opens an event that cites nothing: its
// topic opens at the top, nothing highlighted.
func TestTimelineEnterWithoutCitation(t *testing.T) {
	m := press(t, newTestModel(t, render.NoTTY, 80, 24), "2", "T")
	for m.timeline.event() < 0 || len(m.b.Timeline[m.timeline.event()].Sources) > 0 {
		before := m.timeline.cursor
		m = press(t, m, "j")
		if m.timeline.cursor == before {
			t.Fatal("no event without sources")
		}
	}
	m = press(t, m, "enter")
	if m.focus != focusText || m.b.Topics[m.current].ID != "overview" || m.reader.mark.valid || m.reader.vp.YOffset() != 0 {
		t.Errorf("focus %v, topic %s, mark %v, offset %d", m.focus, m.b.Topics[m.current].ID, m.reader.mark.valid, m.reader.vp.YOffset())
	}
}

// TestPeopleEnterBeforeIndex chooses an actor before the command that
// builds the search index has returned: the passages are listed all the
// same.
func TestPeopleEnterBeforeIndex(t *testing.T) {
	m := newTestModel(t, render.NoTTY, 80, 24)
	tm, _ := m.Update(keyPress("a")) // the index command is not run
	m = send(t, tm.(Model), keyPress("enter"))
	if m.people.chosen != 0 || len(m.people.passages.matches) == 0 {
		t.Errorf("enter before the index: chosen %d, %d passages", m.people.chosen, len(m.people.passages.matches))
	}
}
