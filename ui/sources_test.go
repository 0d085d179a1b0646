package ui

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"brief/internal/render"
)

// sourceOrder is the source ids the view lists, in order.
func sourceOrder(m Model) []string {
	var ids []string
	for _, i := range m.sources.order {
		ids = append(ids, m.sources.ids[i])
	}
	return ids
}

func TestSourcesViewOrderAndCounts(t *testing.T) {
	// The fourth topic, People, cites the Gazette and the radio only.
	m := press(t, newTestModel(t, render.NoTTY, 100, 30), "4", "s")
	if m.focus != focusSources {
		t.Fatalf("s: focus %v, want sources", m.focus)
	}
	if got := strings.Join(sourceOrder(m), " "); got != "gazette radio ledger" {
		t.Errorf("order %q, want this topic's sources first: gazette radio ledger", got)
	}
	counts := m.b.CitationCounts()
	screen := plain(m)
	for _, id := range []string{"gazette", "radio", "ledger"} {
		want := fmt.Sprintf("cited %d here · %d in all", counts[id].ByTopic["people"], counts[id].Total)
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q for %s:\n%s", want, id, screen)
		}
	}
	if !strings.Contains(screen, "Sources · 3 · ● 2 in this topic") {
		t.Errorf("title:\n%s", screen)
	}
	m = press(t, m, "esc")
	if m.focus != focusText || m.current != 3 {
		t.Errorf("esc: focus %v, topic %d; want the text of topic 4", m.focus, m.current+1)
	}
}

func TestSourcesPassagesOpenOne(t *testing.T) {
	m := press(t, newTestModel(t, render.Dark, 100, 30), "s", "j", "enter")
	id := m.sources.ids[m.sources.chosen]
	if id != "ledger" {
		t.Fatalf("chose %q, want the second source of the first topic, ledger", id)
	}
	total := m.b.CitationCounts()[id].Total
	if len(m.sources.passages) != total {
		t.Fatalf("%d passages, want every citation of %s: %d", len(m.sources.passages), id, total)
	}
	screen := plain(m)
	if !strings.Contains(screen, fmt.Sprintf("%d passages citing it", total)) {
		t.Errorf("title lacks the count:\n%s", screen)
	}
	// Each passage names its topic; the first's claim and excerpt show.
	p := m.sources.passages[0]
	for _, want := range []string{m.titles[p.Topic], p.Text[:20]} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q:\n%s", want, screen)
		}
	}
	// The third passage: enter opens its topic at its claim, highlighted.
	m = press(t, m, "j", "j")
	p = m.sources.passages[2]
	m = press(t, m, "enter")
	if m.focus != focusText || m.current != p.Topic {
		t.Fatalf("enter: focus %v, topic %d; want the text of topic %d", m.focus, m.current, p.Topic)
	}
	if len(m.reader.mark.first) == 0 {
		t.Fatal("the passage's claim is not highlighted")
	}
	line := m.reader.mark.first[0]
	if off := m.reader.vp.YOffset(); line < off || line >= off+m.reader.vp.Height() {
		t.Errorf("the claim, line %d, is off screen (offset %d)", line, off)
	}
	marked := strings.Join(strings.Fields(markedText(m)), " ")
	if !strings.Contains(p.Text, marked) || len(marked) < 10 {
		t.Errorf("highlighted %q, not part of the claim %q", marked, p.Text)
	}
	// esc goes back one step at a time: the passages, the sources, the text.
	m = press(t, m, "esc")
	if m.focus != focusSources || m.sources.chosen < 0 || m.sources.prows.cursor != 2 {
		t.Fatalf("esc from the topic: focus %v, chosen %d, cursor %d", m.focus, m.sources.chosen, m.sources.prows.cursor)
	}
	m = press(t, m, "esc")
	if m.focus != focusSources || m.sources.chosen >= 0 {
		t.Fatalf("esc from the passages: focus %v, chosen %d", m.focus, m.sources.chosen)
	}
	m = press(t, m, "esc")
	if m.focus != focusText {
		t.Errorf("esc from the sources: focus %v", m.focus)
	}
}

// markedText is the text of the highlighted passage's spans.
func markedText(m Model) string {
	var parts []string
	for _, sp := range m.reader.mark.spans {
		line := ansi.Strip(m.reader.lines[sp.line])
		parts = append(parts, ansi.Cut(line, sp.start, sp.end))
	}
	return strings.Join(parts, " ")
}

func TestSourcesDoubt(t *testing.T) {
	m := press(t, newTestModel(t, render.Dark, 100, 30), "s")
	if m.keys.Doubt.Enabled() != true {
		t.Error("x is off in the sources view")
	}
	// The Gazette, the first source of the first topic.
	m = press(t, m, "x")
	if !m.doubted["gazette"] {
		t.Fatal("x does not doubt the source under the cursor")
	}
	want := m.b.DoubtedClaims(func(id string) bool { return id == "gazette" })
	if want == 0 || !m.sources.dimmedKnown || m.sources.dimmed != want {
		t.Fatalf("dimmed %d (known %v), want %d", m.sources.dimmed, m.sources.dimmedKnown, want)
	}
	screen := plain(m)
	for _, s := range []string{"✗ 1 doubted", fmt.Sprintf("%d claims dimmed", want), "doubted: the claims resting on it alone are dimmed"} {
		if !strings.Contains(screen, s) {
			t.Errorf("sources view lacks %q:\n%s", s, screen)
		}
	}
	// Back in the text, the topic's claims on the Gazette alone are dimmed.
	m = press(t, m, "esc")
	if n := m.dimmedCount(); n != 2 {
		t.Errorf("%d claims of the first topic dimmed, want 2", n)
	}
	if h := screenLines(m)[0]; !strings.Contains(h, fmt.Sprintf("%d claims dimmed, 2 here", want)) {
		t.Errorf("header %q", h)
	}
	if !strings.Contains(m.reader.View(), m.st.dimOn) {
		t.Error("no dimmed text in the reader")
	}
	m = press(t, m, "s", "x")
	if len(m.doubted) != 0 {
		t.Fatalf("x again leaves %v doubted", m.doubted)
	}
	m = press(t, m, "esc")
	if m.dimmedCount() != 0 || strings.Contains(screenLines(m)[0], "dimmed") || strings.Contains(m.reader.View(), m.st.dimOn) {
		t.Errorf("doubting nothing still dims: header %q", screenLines(m)[0])
	}
	// In the text, x does nothing.
	m = press(t, m, "x")
	if len(m.doubted) != 0 {
		t.Error("x in the text doubts a source")
	}
}

func TestSourcesFitAndFollow(t *testing.T) {
	for _, style := range []render.Style{render.Dark, render.Light} {
		for _, size := range [][2]int{{60, 20}, {80, 24}, {120, 40}, {200, 60}} {
			name := fmt.Sprintf("%v-%dx%d", style, size[0], size[1])
			m := press(t, newTestModel(t, style, size[0], size[1]), "s")
			for _, step := range []string{"list", "passages"} {
				lines := screenLines(m)
				if len(lines) != size[1] {
					t.Errorf("%s %s: %d lines, want %d", name, step, len(lines), size[1])
				}
				for i, l := range lines {
					if w := ansi.StringWidth(l); w > size[0] {
						t.Errorf("%s %s: line %d is %d wide: %q", name, step, i, w, l)
					}
				}
				m = press(t, m, "enter")
			}
		}
	}
	// A resize keeps the cursor in view; the wheel moves it.
	m := press(t, newTestModel(t, render.NoTTY, 80, 24), "s", "G")
	m = send(t, m, sizeMsg(60, 8))
	if r := m.sources.rows; r.cursor < r.offset || r.cursor >= r.offset+r.height {
		t.Errorf("after a resize the cursor %d is off screen (offset %d, height %d)", r.cursor, r.offset, r.height)
	}
	m = send(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if m.sources.rows.cursor != 0 {
		t.Errorf("the wheel up from the last source: cursor %d", m.sources.rows.cursor)
	}
	m = send(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if m.sources.rows.cursor != 2 {
		t.Errorf("the wheel down: cursor %d, want the last", m.sources.rows.cursor)
	}
	if _, cmd := update(press(t, newTestModel(t, render.NoTTY, 80, 24), "s"), keyPress("q")); cmd == nil || fmt.Sprint(cmd()) != fmt.Sprint(tea.Quit()) {
		t.Error("q does not quit from the sources view")
	}
}

func TestSourcesHostile(t *testing.T) {
	b := testBriefing(t)
	b.Sources[0].Outlet = "Evil\x1b]52;c;Zm9v\x07 outlet"
	b.Sources[0].Title = "Title \x1b[2J"
	b.Topics[0].Citations[0].Excerpts = []string{"work \x1b[31m halted"}
	m := send(t, New(b, Options{Style: render.Dark}), sizeMsg(120, 40))
	m = press(t, m, "s")
	for _, step := range []string{"list", "passages"} {
		out := m.View().Content
		for _, bad := range []string{"\x1b]52", "\x1b[2J", "\x07", "\x1b[31m halted"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s: a control sequence from the briefing reaches the screen: %q", step, bad)
			}
		}
		if !strings.Contains(ansi.Strip(out), "Evil␛]52;c;Zm9v␇ outlet") {
			t.Errorf("%s: the hostile outlet is not shown as visible text:\n%s", step, ansi.Strip(out))
		}
		if step == "passages" && !strings.Contains(plain(m), "work ␛[31m halted") {
			t.Errorf("the hostile excerpt is not shown as visible text:\n%s", plain(m))
		}
		m = press(t, m, "enter")
	}
}

// The sources view with the help: its own keys, then those everywhere.
func TestSourcesHelp(t *testing.T) {
	m := press(t, newTestModel(t, render.NoTTY, 100, 40), "s", "?")
	text := helpText(t, m)
	for _, want := range []string{"list the passages citing it; open one", "doubt a source", "back one step", "move in the list"} {
		if !strings.Contains(text, want) {
			t.Errorf("help lacks %q:\n%s", want, plain(m))
		}
	}
	footer := screenLines(press(t, m, "?"))[39]
	for _, want := range []string{"enter open", "x doubt", "esc back", "q quit"} {
		if !strings.Contains(footer, want) {
			t.Errorf("footer %q lacks %q", footer, want)
		}
	}
}

// No key does two things where the text has the keys: the bindings that
// work there, and the views' own keys among themselves, share none.
func TestKeysDoNotClash(t *testing.T) {
	k := defaultKeyMap()
	groups := map[string][]key.Binding{
		"text": {k.Up, k.Down, k.HalfUp, k.HalfDown, k.PageUp, k.PageDown, k.ReadOn, k.Top, k.Bottom,
			k.Next, k.Prev, k.Jump, k.Topics, k.About, k.Close, k.Search, k.NextMatch, k.PrevMatch, k.Finder,
			k.Timeline, k.People, k.Sources, k.NextCite, k.PrevCite, k.Card, k.Copy, k.CopyTopic, k.Dim, k.Help, k.Quit},
		"sources": {k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.ReadOn, k.Top, k.Bottom,
			k.Open, k.Doubt, k.Close, k.Help, k.Quit},
		"timeline": {k.Up, k.Down, k.PageUp, k.HalfUp, k.HalfDown, k.ReadOn, k.Top, k.Bottom,
			k.Open, k.Filter, k.Close, k.Help, k.Quit},
	}
	for name, bs := range groups {
		seen := map[string]string{}
		for _, b := range bs {
			for _, key := range b.Keys() {
				if other, ok := seen[key]; ok {
					t.Errorf("%s: %q is both %q and %q", name, key, other, b.Help().Desc)
				}
				seen[key] = b.Help().Desc
			}
		}
	}
}

// The counts in all come from a command: until then the view shows the
// topic's own counts and "…".
func TestSourcesCountsComeLater(t *testing.T) {
	m, cmd := update(newTestModel(t, render.NoTTY, 100, 30), keyPress("s"))
	screen := plain(m)
	if !strings.Contains(screen, "cited 4 here · … in all") {
		t.Errorf("before the count, the Gazette's line is not \"cited 4 here · … in all\":\n%s", screen)
	}
	for _, msg := range run(cmd) {
		m = send(t, m, msg)
	}
	if want := fmt.Sprintf("cited 4 here · %d in all", m.b.CitationCounts()["gazette"].Total); !strings.Contains(plain(m), want) {
		t.Errorf("after the count, no %q:\n%s", want, plain(m))
	}
}

// From the summary page there is no current topic: every source, cited in
// all.
func TestSourcesFromSummary(t *testing.T) {
	m := press(t, newTestModel(t, render.NoTTY, 100, 30), "i", "s")
	if m.sources.here != 0 || m.sources.topic != "" {
		t.Errorf("from the summary: %d sources of a topic %q", m.sources.here, m.sources.topic)
	}
	want := fmt.Sprintf("cited %d in all", m.b.CitationCounts()["gazette"].Total)
	if screen := plain(m); !strings.Contains(screen, want) || strings.Contains(screen, "here") {
		t.Errorf("screen lacks %q, or counts a topic's:\n%s", want, screen)
	}
}

// The root model is copied on every update: the views share the styles
// by pointer rather than each holding a copy, which made scrolling and
// paging three to six times dearer (docs/performance.md).
func TestViewsShareStyles(t *testing.T) {
	st := unsafe.Sizeof(styles{})
	for name, size := range map[string]uintptr{
		"timeline": unsafe.Sizeof(timeline{}), "people": unsafe.Sizeof(people{}),
		"results": unsafe.Sizeof(results{}), "sources": unsafe.Sizeof(sources{}), "card": unsafe.Sizeof(card{}),
	} {
		if size >= st {
			t.Errorf("the %s view is %d bytes, as large as a copy of the styles (%d)", name, size, st)
		}
	}
}

// Opened again on the same topic, the view keeps its cursor, so that x
// can be undone where it was done; on another topic it starts at the top.
func TestSourcesKeepCursor(t *testing.T) {
	m := press(t, newTestModel(t, render.NoTTY, 100, 30), "s", "j", "x", "esc", "s")
	if got := m.sources.ids[m.sources.source()]; got != "ledger" {
		t.Fatalf("reopened on the same topic, the cursor is on %q, want ledger", got)
	}
	m = press(t, m, "x")
	if len(m.doubted) != 0 {
		t.Errorf("x again leaves %v doubted", m.doubted)
	}
	m = press(t, m, "esc", "4", "s")
	if m.sources.rows.cursor != 0 {
		t.Errorf("on another topic the cursor starts at %d", m.sources.rows.cursor)
	}
}
