package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"brief/briefing"
	"brief/internal/render"
	"brief/internal/state"
)

// readBefore is a reading state in which topic id of b was read with its
// body then old, saved in a store of its own.
func readBefore(t *testing.T, b *briefing.Briefing, reads map[string]string) *state.Store {
	t.Helper()
	store := state.Open(t.TempDir())
	ident, err := state.Identity(b.Path)
	if err != nil {
		t.Fatal(err)
	}
	var rec state.Record
	at := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	for _, tp := range b.Topics {
		if old, ok := reads[tp.ID]; ok {
			rec = rec.MarkRead(tp.ID, old, at)
		}
	}
	if err := store.Save(ident, rec); err != nil {
		t.Fatal(err)
	}
	return store
}

// edited returns the test briefing with the body of topic id as it was
// before an edit: old paragraphs in place of the ones now there.
func editedBriefing(t *testing.T) (b *briefing.Briefing, id, old string, changed []string) {
	t.Helper()
	b = testBriefing(t)
	tp := b.Topics[2] // How it got here
	id = tp.ID
	// Before the edit, the second paragraph of "The halt" said less and
	// "What the residents say" had no second paragraph; the list item
	// for 2019 is the same.
	now := tp.Body
	para := "A longer paragraph follows so that this topic needs scrolling at small sizes."
	if !strings.Contains(now, para) {
		t.Fatal("the test briefing changed: no paragraph to edit")
	}
	start := strings.Index(now, para)
	end := start + strings.Index(now[start:], "\n\n")
	old = now[:start] + "A shorter paragraph stood here." + now[end:]
	ferry := "The northern bank's traders have formed an association"
	fs := strings.Index(old, ferry)
	fe := fs + strings.Index(old[fs:], "\n\n")
	old = old[:fs] + old[fe+2:]
	return b, id, old, []string{"A longer paragraph follows", "The northern bank's traders"}
}

func newStateModel(t *testing.T, b *briefing.Briefing, store *state.Store, w, h int) Model {
	t.Helper()
	return started(t, New(b, Options{Style: render.NoTTY, State: store}), w, h)
}

// started runs m's Init, as the program would, and sizes it.
func started(t *testing.T, m Model, w, h int) Model {
	t.Helper()
	for _, msg := range run(m.Init()) {
		m = send(t, m, msg)
	}
	return send(t, m, sizeMsg(w, h))
}

// barLines returns the text of the reading pane's lines with a change bar,
// in the wide layout.
func barLines(m Model) []string {
	var out []string
	for _, l := range screenLines(m) {
		_, text, ok := strings.Cut(l, "│")
		if ok && strings.HasPrefix(text, " "+changeBar) {
			out = append(out, strings.TrimSpace(strings.TrimPrefix(text, " "+changeBar)))
		}
	}
	return out
}

func TestChangedParagraphsBarred(t *testing.T) {
	b, id, old, changed := editedBriefing(t)
	store := readBefore(t, b, map[string]string{id: old, b.Topics[0].ID: b.Topics[0].Body})
	m := newStateModel(t, b, store, 120, 60)
	if !m.marks.updated(2) || m.marks.updated(0) || !m.marks.read[0] || m.marks.read[1] {
		t.Fatalf("marks: updated %v, read %v", m.marks.updatedTopics(), m.marks.read)
	}
	m = press(t, m, "3")
	bars := barLines(m)
	// The bar is on every line of the two changed paragraphs, and no other.
	text := m.reader.plainText()
	var want []string
	for _, c := range changed {
		i := strings.Index(text.text, c)
		if i < 0 {
			t.Fatalf("%q not on screen", c)
		}
		for l := lineAt(text, i); l < len(text.starts); l++ {
			ls, le := lineBounds(text, l)
			line := strings.TrimSpace(text.text[ls:le])
			if line == "" {
				break
			}
			want = append(want, line)
		}
	}
	if strings.Join(bars, "\n") != strings.Join(want, "\n") {
		t.Errorf("barred lines:\n%s\nwant:\n%s\nscreen:\n%s", strings.Join(bars, "\n"), strings.Join(want, "\n"), plain(m))
	}
	if !strings.Contains(plain(m), "Updated: 2 paragraphs new or changed") {
		t.Errorf("no notice of the update:\n%s", plain(m))
	}

	// U goes to each change in turn, and wraps with a notice, on a
	// screen too small to hold the topic.
	m = send(t, m, sizeMsg(120, 24))
	firstText := func(m Model) string { return strings.TrimSpace(ansi.Strip(m.reader.lines[m.reader.vp.YOffset()])) }
	m = press(t, m, "U")
	if got := firstText(m); !strings.HasPrefix(got, changed[0]) || !strings.Contains(plain(m), "Change 1 of 2") {
		t.Errorf("U: top line %q, want %q\n%s", got, changed[0], plain(m))
	}
	m = press(t, m, "U")
	if got := firstText(m); !strings.HasPrefix(got, changed[1]) || !strings.Contains(plain(m), "Change 2 of 2") {
		t.Errorf("second U: top line %q, want %q", got, changed[1])
	}
	m = press(t, m, "U")
	if got := firstText(m); !strings.HasPrefix(got, changed[0]) || !strings.Contains(plain(m), "back to the first") {
		t.Errorf("third U: top line %q, want %q wrapped", got, changed[0])
	}
	// u is still half a page up.
	before := m.reader.vp.YOffset()
	m = press(t, m, "u")
	if m.reader.vp.YOffset() >= before {
		t.Errorf("u did not scroll up: %d then %d", before, m.reader.vp.YOffset())
	}
}

func TestUpdatedUntilReadAgain(t *testing.T) {
	b, id, old, _ := editedBriefing(t)
	store := readBefore(t, b, map[string]string{id: old})
	m := newStateModel(t, b, store, 120, 40)
	if !strings.Contains(screenLines(m)[3], updatedMark) {
		t.Errorf("the updated topic is not marked %s in the list:\n%s", updatedMark, plain(m))
	}
	// Read again, to its end, the fingerprints are taken anew: no longer
	// updated, but the bars stay while the reader is on the topic.
	m = press(t, m, "3")
	m.rec = m.rec.MarkRead(id, b.Topics[2].Body, time.Now())
	m = press(t, m, "j")
	if m.marks.updated(2) || len(barLines(m)) == 0 {
		t.Errorf("read again: updated %v, bars %q", m.marks.updatedTopics(), barLines(m))
	}
	m = press(t, m, "2", "3")
	if len(barLines(m)) > 0 {
		t.Errorf("bars after leaving the topic read again and coming back: %q", barLines(m))
	}
	if row := screenLines(m)[3]; !strings.Contains(row, readMark) || strings.Contains(row, updatedMark) {
		t.Errorf("the topic read again is not marked %s: %q", readMark, row)
	}
}

func TestUpdatedMarksInList(t *testing.T) {
	b, id, old, _ := editedBriefing(t)
	store := readBefore(t, b, map[string]string{id: old, b.Topics[1].ID: b.Topics[1].Body})
	for _, size := range [][2]int{{120, 40}, {80, 24}, {60, 20}} {
		m := newStateModel(t, b, store, size[0], size[1])
		if size[0] < narrowWidth {
			m = press(t, m, "t")
		}
		lines := screenLines(m)
		row := func(title string) string {
			for _, l := range lines {
				if strings.Contains(l, title) {
					if size[0] < narrowWidth {
						l = strings.TrimPrefix(l, "│") // the overlay's border
					}
					list, _, _ := strings.Cut(l, "│")
					return list
				}
			}
			t.Fatalf("%dx%d: no row %q:\n%s", size[0], size[1], title, plain(m))
			return ""
		}
		if r := row("How it got here"); !strings.Contains(r, updatedMark) {
			t.Errorf("%dx%d: updated topic not marked: %q", size[0], size[1], r)
		}
		if r := row("Who pays"); !strings.Contains(r, readMark) {
			t.Errorf("%dx%d: read topic not marked: %q", size[0], size[1], r)
		}
		if r := row("People"); strings.ContainsAny(r, readMark+updatedMark) {
			t.Errorf("%dx%d: unread topic marked: %q", size[0], size[1], r)
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w != size[0] {
				t.Errorf("%dx%d: line %d is %d cells wide", size[0], size[1], i, w)
			}
		}
	}
	// The finder still finds topics by title.
	m := press(t, newStateModel(t, b, store, 80, 24), ":", "h", "o", "w", "enter")
	if m.current != 2 {
		t.Errorf("finder opened topic %d, want 2", m.current)
	}
}

func TestSummaryListsUpdated(t *testing.T) {
	b, id, old, _ := editedBriefing(t)
	store := readBefore(t, b, map[string]string{id: old})
	m := press(t, newStateModel(t, b, store, 120, 60), "i")
	screen := strings.Join(strings.Fields(plain(m)), " ")
	if !strings.Contains(screen, "Updated since you read them") || !strings.Contains(screen, "How it got here (topic 3): 2 paragraphs new or changed") {
		t.Errorf("the summary does not list the updated topic:\n%s", plain(m))
	}
	none := press(t, newTestModel(t, render.NoTTY, 120, 60), "i")
	if strings.Contains(plain(none), "Updated since") {
		t.Errorf("a summary with nothing read lists updates:\n%s", plain(none))
	}
}

// topPlace is the current topic and the place at the top of the text.
func topPlace(m Model) (string, int) {
	id, p := m.placeHere()
	return id, p.Offset
}

func TestBookmarks(t *testing.T) {
	b := testBriefing(t)
	store := state.Open(t.TempDir())
	m := newStateModel(t, b, store, 80, 24)
	m = press(t, m, "'")
	if m.focus != focusBookmarks || !strings.Contains(plain(m), "No bookmarks yet") || !strings.Contains(plain(m), "m marks the place you are reading") {
		t.Fatalf("empty bookmarks view:\n%s", plain(m))
	}
	m = press(t, m, "esc")

	// Two places: topic 3 scrolled, and topic 1 at the top.
	m = press(t, m, "3", "G")
	m = press(t, m, "m")
	id3, off3 := topPlace(m)
	if !strings.Contains(plain(m), "Bookmarked “") {
		t.Errorf("no notice of the bookmark:\n%s", plain(m))
	}
	m = press(t, m, "1", "j", "j", "j", "j", "j", "m")
	id1, off1 := topPlace(m)
	if len(m.rec.Bookmarks) != 2 {
		t.Fatalf("bookmarks: %+v", m.rec.Bookmarks)
	}
	// m on the same place removes its bookmark, and again adds it.
	m = press(t, m, "m")
	if len(m.rec.Bookmarks) != 1 || !strings.Contains(plain(m), "Bookmark removed") {
		t.Fatalf("m again did not remove the bookmark: %+v\n%s", m.rec.Bookmarks, plain(m))
	}
	m = press(t, m, "m")

	// The list is in briefing order, each with its topic and its line.
	m = press(t, m, "2", "'")
	lines := screenLines(m)
	if !strings.Contains(lines[1], "Bookmarks · 2") || !strings.Contains(lines[2], "Bottom line") || !strings.Contains(lines[4], "How it got here") {
		t.Errorf("bookmarks view:\n%s", plain(m))
	}
	if label := m.rec.Bookmarks[0].Label; label == "" || !strings.Contains(strings.Join(strings.Fields(plain(m)), " "), strings.TrimSuffix(label, " …")[:20]) {
		t.Errorf("label %q not shown:\n%s", label, plain(m))
	}
	// enter opens each at its place; esc goes back to the list.
	m = press(t, m, "enter")
	if id, off := topPlace(m); m.focus != focusText || id != id1 || off != off1 {
		t.Errorf("enter opened %s at %d, want %s at %d", id, off, id1, off1)
	}
	m = press(t, m, "esc")
	if m.focus != focusBookmarks {
		t.Fatalf("esc from the text went to %v, not back to the list", m.focus)
	}
	m = press(t, m, "j", "enter")
	if id, off := topPlace(m); id != id3 || off != off3 {
		t.Errorf("enter opened %s at %d, want %s at %d", id, off, id3, off3)
	}
	// esc in the list goes back to where the reader was.
	m = press(t, m, "1", "'", "esc")
	if m.focus != focusText || m.current != 0 {
		t.Errorf("esc from the list: focus %v, topic %d", m.focus, m.current)
	}
	// Persistence: saved, and loaded by a new reader.
	if err := m.SaveState(); err != nil {
		t.Fatal(err)
	}
	m2 := newStateModel(t, b, store, 80, 24)
	m2 = press(t, m2, "'")
	if len(m2.rec.Bookmarks) != 2 || !strings.Contains(plain(m2), "Bookmarks · 2") {
		t.Fatalf("bookmarks after a reload: %+v\n%s", m2.rec.Bookmarks, plain(m2))
	}
	m2 = press(t, m2, "j", "enter")
	if id, off := topPlace(m2); id != id3 || off != off3 {
		t.Errorf("after a reload, enter opened %s at %d, want %s at %d", id, off, id3, off3)
	}
	// x removes the bookmark under the cursor.
	m2 = press(t, m2, "'", "x")
	if len(m2.rec.Bookmarks) != 1 || m2.rec.Bookmarks[0].Topic != id1 || !strings.Contains(plain(m2), "Bookmarks · 1") {
		t.Errorf("x removed the wrong bookmark: %+v\n%s", m2.rec.Bookmarks, plain(m2))
	}
}

func TestBookmarkLabelIsSafe(t *testing.T) {
	b := testBriefing(t)
	m := newStateModel(t, b, nil, 80, 24)
	m.rec, _ = m.rec.ToggleBookmark(state.Bookmark{Topic: b.Topics[0].ID, Label: "evil \x1b]0;title\x07 \x1b[31mred"})
	m.rec, _ = m.rec.ToggleBookmark(state.Bookmark{Topic: "gone\x1b[2J", Place: state.Position{Offset: 3}})
	m = press(t, m, "'")
	out := m.View().Content
	for _, bad := range []string{"\x1b]", "\x07", "\x1b[31m", "\x1b[2J"} {
		if strings.Contains(out, bad) {
			t.Errorf("the bookmarks view writes %q", bad)
		}
	}
	if !strings.Contains(plain(m), "no longer in the briefing") {
		t.Errorf("a bookmark of a topic gone is not said to be:\n%s", plain(m))
	}
}

func TestMarksComparedOffLoop(t *testing.T) {
	b, id, old, _ := editedBriefing(t)
	store := readBefore(t, b, map[string]string{id: old})
	m := New(b, Options{Style: render.NoTTY, State: store})
	// New parses no topic: the comparison is Init's command.
	if m.marks.updated(2) || !m.marks.pending {
		t.Fatalf("New compared the topics: pending %v, updated %v", m.marks.pending, m.marks.updatedTopics())
	}
	cmd := m.Init()
	m = send(t, m, sizeMsg(120, 40))
	if m.marks.updated(2) || m.list.states != nil {
		t.Fatalf("marks before the comparison came: %v", m.marks.updatedTopics())
	}
	// A topic read while the comparison runs is compared again after.
	m.rec = m.rec.MarkRead(b.Topics[1].ID, b.Topics[1].Body, time.Now())
	for _, msg := range run(cmd) {
		m = send(t, m, msg)
	}
	if !m.marks.updated(2) || !m.marks.read[1] || m.list.states[1] != topicRead || m.list.states[2] != topicUpdated {
		t.Errorf("after the comparison: updated %v, read %v, states %v", m.marks.updatedTopics(), m.marks.read, m.list.states)
	}
}

func TestNextChangeAtTheEnd(t *testing.T) {
	b, id, old, changed := editedBriefing(t)
	store := readBefore(t, b, map[string]string{id: old})
	m := press(t, newStateModel(t, b, store, 120, 30), "3", "U", "U")
	if !m.reader.vp.AtBottom() || !strings.Contains(plain(m), "Change 2 of 2") {
		t.Fatalf("the second change does not end the text at this size:\n%s", plain(m))
	}
	// The last change cannot come to the top: U wraps to the first rather
	// than staying on it.
	m = press(t, m, "U")
	if got := strings.TrimSpace(ansi.Strip(m.reader.lines[m.reader.vp.YOffset()])); !strings.HasPrefix(got, changed[0]) {
		t.Errorf("U at the end: top line %q, want %q\n%s", got, changed[0], plain(m))
	}
}

func TestNextChangeAcrossTopics(t *testing.T) {
	b, id, old, changed := editedBriefing(t)
	costs := b.Topics[1]
	gone := "Neither side has published the full engineering reports"
	i := strings.Index(costs.Body, gone)
	if i < 0 {
		t.Fatal("the test briefing changed: no paragraph to take out")
	}
	oldCosts := costs.Body[:i] + costs.Body[i+strings.Index(costs.Body[i:], "\n\n")+2:]
	store := readBefore(t, b, map[string]string{id: old, costs.ID: oldCosts, b.Topics[0].ID: b.Topics[0].Body})
	m := newStateModel(t, b, store, 120, 30)
	// A change is landed on when its first line is at the top, or on
	// screen at the end of the text.
	landed := func(m Model, starts string) bool {
		vp := m.reader.vp
		for l := vp.YOffset(); l < len(m.reader.lines) && l < vp.YOffset()+vp.Height(); l++ {
			if strings.HasPrefix(strings.TrimLeft(ansi.Strip(m.reader.lines[l]), " ¹"+changeBar), starts) {
				return l == vp.YOffset() || vp.AtBottom()
			}
		}
		return false
	}
	top := func(m Model) string { return strings.TrimSpace(ansi.Strip(m.reader.lines[m.reader.vp.YOffset()])) }
	// On the summary, U goes to the first updated topic.
	m = press(t, m, "i", "U")
	if m.about || m.current != 1 || !landed(m, gone) || !strings.Contains(plain(m), "Change 1 of 1 in Who pays, and how much") {
		t.Fatalf("U on the summary: topic %d, top %q\n%s", m.current, top(m), plain(m))
	}
	// Each topic's end has been on screen by the time U leaves it, so it is
	// read and no longer updated: U past the last change wraps in the topic.
	steps := []struct {
		topic  int
		starts string
		notice string
	}{
		{2, changed[0], "Change 1 of 2 in How it got here"},
		{2, changed[1], "Change 2 of 2"},
		{2, changed[0], "Change 1 of 2, back to the first"},
	}
	for n, st := range steps {
		m = press(t, m, "U")
		if m.current != st.topic || !landed(m, st.starts) || !strings.Contains(plain(m), st.notice) {
			t.Fatalf("U %d: topic %d, top line %q, want topic %d at %q, notice %q\n%s", n+1, m.current, top(m), st.topic, st.starts, st.notice, plain(m))
		}
	}
	if m.marks.updatedTopics() != nil {
		t.Errorf("topics still updated after reading them: %v", m.marks.updatedTopics())
	}
}

func TestSummaryUpdatedTitleIsLiteral(t *testing.T) {
	b, id, old, _ := editedBriefing(t)
	b.Topics[2].Title = "*Not* [a link](x) # \x1b[31mred"
	store := readBefore(t, b, map[string]string{id: old})
	// Styled, emphasis and links would lose their marks.
	m := press(t, started(t, New(b, Options{Style: render.Dark, State: store}), 120, 60), "i")
	if out := m.View().Content; strings.Contains(out, "\x1b[31m") {
		t.Error("the summary writes the title's escape sequence")
	}
	var text []string
	for _, l := range screenLines(m) {
		if _, pane, ok := strings.Cut(l, "│"); ok {
			text = append(text, pane)
		}
	}
	if pane := strings.Join(text, "\n"); !strings.Contains(pane, "*Not* [a link](x) #") {
		t.Errorf("the title is not shown as written:\n%s", pane)
	}
}
