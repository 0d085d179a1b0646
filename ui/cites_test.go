package ui

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"brief/internal/render"
)

// clipboard presses k and returns what the command it gives puts on the
// clipboard, and the model after it.
func clipboard(t *testing.T, m Model, k string) (Model, tea.Msg) {
	t.Helper()
	tm, cmd := m.Update(keyPress(k))
	m = tm.(Model)
	for _, msg := range run(cmd) {
		if reflect.TypeOf(msg) == reflect.TypeOf(tea.SetClipboard("")()) {
			return m, msg
		}
	}
	t.Fatalf("%s copies nothing", k)
	return m, nil
}

// markText is the text of the marker under the citation cursor.
func markText(m Model) string {
	mk := m.reader.cites.marks[m.cite.mark]
	return m.reader.plainText().text[mk.start:mk.end]
}

func TestCiteCursor(t *testing.T) {
	m := newTestModel(t, render.Dark, 100, 30)
	if m.cite.on {
		t.Fatal("a citation is under the cursor before c")
	}
	if m.keys.Card.Enabled() || m.keys.Copy.Enabled() {
		t.Error("enter and y are on without a citation under the cursor")
	}
	m = press(t, m, "c")
	if !m.cite.on || m.cite.mark != 0 || markText(m) != "[1]" {
		t.Fatalf("c: cursor %+v, want the first marker [1]", m.cite)
	}
	if !m.keys.Card.Enabled() || !m.keys.Copy.Enabled() {
		t.Error("enter and y are off with a citation under the cursor")
	}
	// The claim is highlighted from the item's text to its marker.
	mk := m.reader.cites.marks[0]
	if got := m.reader.plainText().text[mk.from:mk.end]; !strings.HasPrefix(got, "Repairs have stopped.") || !strings.HasSuffix(got, "[1]") {
		t.Errorf("highlighted claim %q", got)
	}
	if !strings.Contains(m.View().Content, m.st.markerOn+"[1]") {
		t.Error("the marker under the cursor is not drawn in its style")
	}
	m = press(t, m, "c", "c", "c")
	if got := markText(m); got != "[3]" || m.cite.mark != 3 {
		t.Errorf("c four times: marker %q (%d), want the fourth, [3]", got, m.cite.mark)
	}
	m = press(t, m, "C")
	if m.cite.mark != 2 || markText(m) != "[1, 3]" {
		t.Errorf("C: mark %d %q, want the third, [1, 3]", m.cite.mark, markText(m))
	}
	m = press(t, m, "esc")
	if m.cite.on {
		t.Error("esc leaves the cursor on")
	}
	// Another topic drops the cursor.
	m = press(t, m, "c", "l")
	if m.cite.on {
		t.Error("the cursor stays on after the topic changed")
	}
}

func TestCiteScrolls(t *testing.T) {
	m := newTestModel(t, render.Dark, 60, 20)
	m = press(t, m, "3")
	n := len(m.b.Topics[2].Citations)
	for range n - 1 {
		m = press(t, m, "c")
	}
	if m.cite.mark != n-2 {
		t.Fatalf("cursor at %d after %d presses", m.cite.mark, n-1)
	}
	m = press(t, m, "c")
	line := lineAt(m.reader.plainText(), m.reader.cites.marks[m.cite.mark].start)
	if off := m.reader.vp.YOffset(); line < off || line >= off+m.reader.vp.Height() {
		t.Errorf("the last citation, line %d, is off screen (offset %d, height %d)", line, off, m.reader.vp.Height())
	}
	m = press(t, m, "c")
	if !strings.Contains(plain(m), "last citation") {
		t.Errorf("c past the last citation says nothing:\n%s", plain(m))
	}
}

func TestCard(t *testing.T) {
	b := testBriefing(t)
	// A hostile excerpt on the first citation, and a hostile outlet.
	b.Topics[0].Citations[0].Excerpts = []string{"work \x1b[2J halted"}
	b.Sources[1].Outlet = "The \x1b]52;c;aGk=\x07Ledger"
	m := send(t, New(b, Options{Style: render.Dark}), sizeMsg(80, 24))
	m = press(t, m, "j", "c")
	off := m.reader.vp.YOffset()
	m = press(t, m, "enter")
	if m.focus != focusCard {
		t.Fatalf("enter on a citation: focus %v, want card", m.focus)
	}
	screen := plain(m)
	for _, want := range []string{"Evidence", "Repairs have stopped.", "[1] Harbour Gazette",
		"Bridge repairs stall as city and port trade blame", "12 March 2026", "news", "work \u241b[2J halted", "esc back"} {
		if !strings.Contains(screen, want) {
			t.Errorf("card lacks %q:\n%s", want, screen)
		}
	}
	if strings.Contains(m.View().Content, "\x1b[2J") {
		t.Error("the excerpt's escape sequence reaches the screen")
	}
	m = press(t, m, "esc")
	if m.focus != focusText || m.reader.vp.YOffset() != off || !m.cite.on || m.cite.mark != 0 {
		t.Errorf("esc: focus %v, offset %d (was %d), cursor %+v", m.focus, m.reader.vp.YOffset(), off, m.cite)
	}
	// A source without an excerpt says so; c in the card goes on to the next.
	m = press(t, m, "enter", "c")
	if s := plain(m); m.focus != focusCard || !strings.Contains(s, "[2] The \u241b]52;c;aGk=\u2407Ledger") || !strings.Contains(s, "no excerpt") {
		t.Errorf("c in the card:\n%s", s)
	}
	if strings.Contains(m.View().Content, "\x1b]52") {
		t.Error("the outlet's escape sequence reaches the screen")
	}
	if tm, cmd := m.Update(keyPress("q")); cmd == nil || reflect.TypeOf(cmd()) != reflect.TypeOf(tea.Quit()) {
		t.Errorf("q in the card does not quit (focus %v)", tm.(Model).focus)
	}
}

func TestCardScrolls(t *testing.T) {
	m := newTestModel(t, render.Dark, 60, 12)
	m = press(t, m, "3", "c", "enter")
	if m.card.maxOffset() == 0 {
		t.Fatalf("the card fits in %d lines; the test needs it not to", m.card.height)
	}
	m = press(t, m, "j")
	if m.card.offset != 1 {
		t.Errorf("j: offset %d", m.card.offset)
	}
	m = send(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelDown, X: 10, Y: 5})
	if m.card.offset != min(1+wheelLines, m.card.maxOffset()) {
		t.Errorf("wheel: offset %d", m.card.offset)
	}
	m = send(t, m, sizeMsg(120, 40))
	if m.card.offset != 0 || m.focus != focusCard {
		t.Errorf("a taller window: offset %d, focus %v", m.card.offset, m.focus)
	}
}

func TestCopy(t *testing.T) {
	m := newTestModel(t, render.Dark, 100, 30)
	m = press(t, m, "c", "c", "c")
	m, msg := clipboard(t, m, "y")
	want := "Traffic is limited. Lorries over 7.5 tonnes are banned until the repairs resume [1, 3]\n\n" +
		"[1] Harbour Gazette, “Bridge repairs stall as city and port trade blame”, 12 March 2026; news\n\n" +
		"[3] City Radio, “Morning show interview with the port director”, 10 March 2026; news\n"
	if !reflect.DeepEqual(msg, tea.SetClipboard(want)()) {
		t.Errorf("y copies %q\nwant %q", msg, want)
	}
	if !strings.Contains(plain(m), "Copied the claim and its 2 sources") {
		t.Errorf("the footer does not say what was copied:\n%s", plain(m))
	}
	m, msg = clipboard(t, m, "Y")
	md := reflect.ValueOf(msg).String()
	for _, want := range []string{"# Bottom line\n\n## What is happening", `resume \[1, 3\]`,
		"## Sources\n\n1. Harbour Gazette", "3. City Radio"} {
		if !strings.Contains(md, want) {
			t.Errorf("Y copies no %q:\n%s", want, md)
		}
	}
	if !strings.Contains(plain(m), `Copied "Bottom line" as Markdown with 3 sources`) {
		t.Errorf("the footer does not say what was copied:\n%s", plain(m))
	}
}

func TestCorroboration(t *testing.T) {
	m := newTestModel(t, render.Dark, 100, 30)
	// Single-source claims: items 1, 2, 4 and 5 of "What is happening".
	marks := 0
	for _, l := range screenLines(m) {
		if strings.Contains(l, "│"+singleMark+" •") {
			marks++
		}
	}
	if marks != 4 {
		t.Errorf("%d single-source marks, want 4:\n%s", marks, plain(m))
	}
	m = press(t, m, "v")
	if got := m.dimmedCount(); got != 4 {
		t.Errorf("v dims %d claims, want 4", got)
	}
	if !strings.Contains(screenLines(m)[0], "4 claims dimmed") {
		t.Errorf("header: %q", screenLines(m)[0])
	}
	m = press(t, m, "v")
	if m.dimmedCount() != 0 || strings.Contains(m.View().Content, m.st.dimOn) {
		t.Error("v again leaves claims dimmed")
	}
}

func TestDoubtedSources(t *testing.T) {
	m := newTestModel(t, render.Dark, 100, 30)
	m.toggleDoubt("gazette")
	m = press(t, m, "j", "k")
	// Items 1 and 5 rest on the Gazette alone; 3 and the last paragraph
	// have another source too.
	if got := m.dimmedCount(); got != 2 {
		t.Errorf("%d claims dimmed, want 2", got)
	}
	if !strings.Contains(screenLines(m)[0], "2 claims dimmed") {
		t.Errorf("header: %q", screenLines(m)[0])
	}
	var dim []string
	for _, l := range strings.Split(m.reader.View(), "\n") {
		if strings.Contains(l, m.st.dimOn) {
			dim = append(dim, l)
		}
	}
	if len(dim) == 0 || !strings.Contains(strings.Join(dim, "\n"), "Repairs have stopped") ||
		strings.Contains(strings.Join(dim, "\n"), "The deed is unclear") {
		t.Errorf("dimmed lines:\n%s", strings.Join(dim, "\n"))
	}
	m.toggleDoubt("radio")
	m = press(t, m, "j", "k")
	// All but the Ledger's item.
	if got := m.dimmedCount(); got != 5 {
		t.Errorf("doubting the radio too: %d claims dimmed, want 5", got)
	}
	m.toggleDoubt("gazette")
	m.toggleDoubt("radio")
	m = press(t, m, "j", "k")
	if got := m.dimmedCount(); got != 0 || strings.Contains(screenLines(m)[0], "dimmed") {
		t.Errorf("doubting nothing: %d claims dimmed; header %q", got, screenLines(m)[0])
	}
}

func TestSummaryProvenance(t *testing.T) {
	m := press(t, newTestModel(t, render.NoTTY, 100, 60), "i")
	screen := strings.Join(strings.Fields(plain(m)), " ")
	for _, want := range []string{"Provenance", "3 sources from 3 outlets",
		"Dated from March 2026 (inferred) to 12 March 2026", "backed by two or more sources"} {
		if !strings.Contains(screen, want) {
			t.Errorf("summary lacks %q:\n%s", want, plain(m))
		}
	}
	p := m.b.Provenance()
	if !m.provCounted || m.prov != p {
		t.Errorf("provenance %+v, counted %v; want %+v", m.prov, m.provCounted, p)
	}
}

func TestPaintLineKeepsStyles(t *testing.T) {
	line := "  \x1b[1mbold\x1b[0m plain \x1b[3mitalic\x1b[0m"
	got := paintLine(line, []paint{{start: 4, end: 12, on: "\x1b[7m"}}, "X")
	want := "X" + "\x1b[m" + " " + "\x1b[1m" + "bo" + "\x1b[7m" + "ld" + "\x1b[0m" + "\x1b[7m" + " plain" +
		"\x1b[m" + " " + "\x1b[3m" + "italic" + "\x1b[0m"
	if got != want {
		t.Errorf("paintLine:\ngot  %q\nwant %q", got, want)
	}
}

func TestCiteKeysWithoutCitation(t *testing.T) {
	m := newTestModel(t, render.Dark, 100, 30)
	// enter and y do nothing without a citation under the cursor.
	tm, cmd := m.Update(keyPress("y"))
	if cmd != nil || tm.(Model).notice != "" {
		t.Errorf("y without a citation: command %v, notice %q", cmd != nil, tm.(Model).notice)
	}
	m = press(t, m, "enter")
	if m.focus != focusText {
		t.Errorf("enter without a citation: focus %v", m.focus)
	}
	// On the summary page c says why it does nothing.
	m = press(t, m, "i", "c")
	if m.cite.on || !strings.Contains(plain(m), "summary's citations are not followed") {
		t.Errorf("c on the summary: cursor %v\n%s", m.cite.on, plain(m))
	}
}

// TestProvenanceBeforeSummaryRender counts the claims before the summary
// page's first render comes back, as on a fast machine: the page must
// still show the count, not "counting…".
func TestProvenanceBeforeSummaryRender(t *testing.T) {
	m := newTestModel(t, render.NoTTY, 100, 60)
	tm, cmd := m.Update(keyPress("i"))
	m = tm.(Model)
	msgs := run(cmd)
	// The count first, then the render.
	sort.SliceStable(msgs, func(i, j int) bool {
		_, pi := msgs[i].(provenanceMsg)
		_, pj := msgs[j].(provenanceMsg)
		return pi && !pj
	})
	if _, ok := msgs[0].(provenanceMsg); !ok {
		t.Fatalf("i starts no count: %T", msgs[0])
	}
	for _, msg := range msgs {
		m = send(t, m, msg)
	}
	if s := plain(m); strings.Contains(s, "counting") || !strings.Contains(s, "backed by two or more") {
		t.Errorf("the summary does not show the count:\n%s", s)
	}
}
