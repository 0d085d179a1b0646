package ui

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"brief/briefing"
	"brief/internal/render"
	"brief/internal/watch"
)

// loadToRead loads a briefing as brief PATH does.
func loadToRead(path string) (*briefing.Briefing, error) {
	return briefing.LoadWith(path, briefing.LoadOptions{})
}

// editable copies the test briefing to a directory of its own, to edit.
func editable(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "brief")
	if err := os.CopyFS(dir, os.DirFS("testdata/brief")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// edit replaces old with new in file of dir, which must hold it.
func edit(t testing.TB, dir, file, old, new string) { editFile(t, dir, file, old, new, false) }

// atomicEdit is edit as editors save: a temporary file written beside
// the file and renamed over it.
func atomicEdit(t *testing.T, dir, file, old, new string) { editFile(t, dir, file, old, new, true) }

func editFile(t testing.TB, dir, file, old, new string, atomic bool) {
	t.Helper()
	name := filepath.Join(dir, file)
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not hold %q", file, old)
	}
	to := name
	if atomic {
		to = filepath.Join(dir, "."+file+".tmp")
	}
	if err := os.WriteFile(to, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if atomic {
		if err := os.Rename(to, name); err != nil {
			t.Fatal(err)
		}
	}
}

// reload loads dir again and hands the result to m, as a save would.
func reload(t *testing.T, m Model, dir string) Model {
	t.Helper()
	b, err := loadToRead(dir)
	return send(t, m, reloadedMsg{b: b, err: err})
}

// topicText is the whole text of the topic in the reader, on screen or
// not, without styles.
func topicText(m Model) string {
	return ansi.Strip(strings.Join(m.reader.lines, "\n"))
}

// watchedModel is a reader of the briefing in dir, as brief DIR opens it,
// sized w by h; the tests hand it reloads themselves.
func watchedModel(t *testing.T, dir string, w, h int) Model {
	t.Helper()
	b, err := loadToRead(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := New(b, Options{Style: render.NoTTY, Path: dir, Watch: true, Load: loadToRead})
	return send(t, m, sizeMsg(w, h))
}

// TestReloadKeepsPlace edits the topic being read, above and below the
// place: the new text is shown, in the same topic, at the same words.
func TestReloadKeepsPlace(t *testing.T) {
	dir := editable(t)
	m := watchedModel(t, dir, 60, 12)
	m = press(t, m, "2", "j", "j", "j", "j", "j", "j", "j", "j")
	before := screenLines(m)
	top := before[1]
	if !strings.Contains(plain(m), "The city says the port earns") || m.reader.vp.YOffset() == 0 {
		t.Fatalf("not scrolled to the arguments:\n%s", plain(m))
	}
	offset := m.reader.vp.YOffset()

	// A paragraph above the place, and a word changed below it.
	edit(t, dir, "costs.md", "## The estimates\n", "## The estimates\n\nA paragraph added above, long enough to take two lines of the text at this width [@gazette].\n")
	edit(t, dir, "costs.md", "Neither side has published", "Neither party has published")
	m = reload(t, m, dir)

	if got := m.b.Topics[m.Current()].ID; got != "costs" {
		t.Errorf("reading %q after the reload, want costs", got)
	}
	if !strings.Contains(topicText(m), "Neither party has published") {
		t.Errorf("the new text is not shown:\n%s", topicText(m))
	}
	if got := screenLines(m)[1]; got != top {
		t.Errorf("the top line is %q after the reload, want %q as before", got, top)
	}
	if m.reader.vp.YOffset() <= offset {
		t.Errorf("offset %d after a paragraph was added above, want more than %d", m.reader.vp.YOffset(), offset)
	}
	if m.broken != "" {
		t.Errorf("a good reload shows an error: %q", m.broken)
	}
}

// TestReloadFollowsTopicByID reads a topic that moves when the order of
// the topics changes: the reader stays with it.
func TestReloadFollowsTopicByID(t *testing.T) {
	dir := editable(t)
	m := watchedModel(t, dir, 60, 12)
	m = press(t, m, "3", "j", "j", "j", "j", "j", "j") // timeline-notes
	top := screenLines(m)[1]
	if m.reader.vp.YOffset() == 0 {
		t.Fatal("not scrolled")
	}
	edit(t, dir, "briefing.yaml", "  - overview\n  - costs\n  - timeline-notes\n", "  - timeline-notes\n  - overview\n  - costs\n")
	m = reload(t, m, dir)
	if m.Current() != 0 || m.b.Topics[0].ID != "timeline-notes" {
		t.Errorf("reading topic %d after the reload, want 0, timeline-notes", m.Current())
	}
	if got := screenLines(m)[1]; got != top {
		t.Errorf("the top line is %q after the reload, want %q as before", got, top)
	}
	if head := screenLines(m)[0]; !strings.Contains(head, "1/4") {
		t.Errorf("header %q, want 1/4", head)
	}
}

// TestReloadBroken breaks briefing.yaml, then a topic, then fixes both:
// meanwhile the last good text stays and the footer shows the first
// error with its position; the fix clears it.
func TestReloadBroken(t *testing.T) {
	dir := editable(t)
	m := watchedModel(t, dir, 100, 20)
	m = press(t, m, "2")
	edit(t, dir, "costs.md", "Neither side", "Neither party")
	m = reload(t, m, dir)
	if !strings.Contains(topicText(m), "Neither party") {
		t.Fatalf("the good edit is not shown:\n%s", topicText(m))
	}

	edit(t, dir, "briefing.yaml", "as_of: 2026-03-14\n", "as_of: 2026-03-14: x\n")
	edit(t, dir, "costs.md", "Neither party", "Neither of them")
	m = reload(t, m, dir)
	lines := screenLines(m)
	want := "⚠ " + filepath.Join(dir, "briefing.yaml") + ":3:8: YAML syntax error"
	if footer := lines[len(lines)-1]; !strings.Contains(footer, want) {
		t.Errorf("footer %q does not show %q", footer, want)
	}
	if !strings.Contains(topicText(m), "Neither party") || strings.Contains(topicText(m), "Neither of them") {
		t.Errorf("the last good text is not the one shown:\n%s", topicText(m))
	}
	// A key does not dismiss it: the error stands until a save fixes it.
	m = press(t, m, "j")
	if lines := screenLines(m); !strings.Contains(lines[len(lines)-1], want) {
		t.Errorf("the error is gone after a key press: %q", lines[len(lines)-1])
	}

	// A topic that no longer parses is an error too.
	edit(t, dir, "briefing.yaml", "as_of: 2026-03-14: x\n", "as_of: 2026-03-14\n")
	edit(t, dir, "people.md", "", "---\ntitle: [\n---\n")
	m = reload(t, m, dir)
	if lines := screenLines(m); !strings.Contains(lines[len(lines)-1], "people.md:2:") {
		t.Errorf("footer %q does not show the error at people.md:2", lines[len(lines)-1])
	}

	edit(t, dir, "people.md", "---\ntitle: [\n---\n", "")
	m = reload(t, m, dir)
	lines = screenLines(m)
	if footer := lines[len(lines)-1]; strings.Contains(footer, "⚠") {
		t.Errorf("the footer still shows an error after the fix: %q", footer)
	}
	if !strings.Contains(topicText(m), "Neither of them") {
		t.Errorf("the fixed briefing's text is not shown:\n%s", topicText(m))
	}
}

// TestReloadErrorIsSanitised hands the reader an error holding control
// sequences and more than a line's width of text: the footer shows it on
// one line of the screen's width, with no control character.
func TestReloadErrorIsSanitised(t *testing.T) {
	dir := editable(t)
	m := watchedModel(t, dir, 80, 20)
	msg := "x.md:1:2: \x1b]0;pwned\x07bad \x1b[2Jtext\r\n" + strings.Repeat("long ", 40) + "\nsecond line"
	m = send(t, m, reloadedMsg{err: errors.New(msg)})
	raw := strings.Split(m.View().Content, "\n")
	footer := raw[len(raw)-1]
	if strings.ContainsAny(ansi.Strip(footer), "\x1b\x07\r") || strings.Contains(footer, "\x1b]") || strings.Contains(footer, "\x1b[2J") {
		t.Errorf("a control character of the error reaches the screen: %q", footer)
	}
	if len(raw) != 20 {
		t.Errorf("%d lines on a screen of 20", len(raw))
	}
	if w := ansi.StringWidth(footer); w != 80 {
		t.Errorf("footer of %d cells, want 80", w)
	}
	if got := ansi.Strip(footer); !strings.HasPrefix(got, " ⚠ x.md:1:2: ") || strings.Contains(got, "second line") {
		t.Errorf("footer %q, want the first line of the error", got)
	}
}

// TestReloadDropsStaleMessages hands the reader, after a reload, a render
// made before it: it is not shown.
func TestReloadDropsStaleMessages(t *testing.T) {
	dir := editable(t)
	m := watchedModel(t, dir, 100, 20)
	stale := renderedMsg{key: m.keyFor(m.shownTopic()), out: "STALE RENDER"}
	edit(t, dir, "overview.md", "", "")
	m = reload(t, m, dir)
	m = send(t, m, stale)
	if strings.Contains(plain(m), "STALE RENDER") {
		t.Errorf("a render of the briefing before the reload is shown:\n%s", plain(m))
	}
	// The same message made now is shown: only its age drops it.
	m = send(t, m, revMsg{rev: m.rev, msg: stale})
	if !strings.Contains(plain(m), "STALE RENDER") {
		t.Errorf("a render of the current briefing is not shown:\n%s", plain(m))
	}
}

// TestReloadRefreshesViews reloads while the timeline is open and a
// search is kept: the timeline shows the new events, and the search
// counts again in the new text.
func TestReloadRefreshesViews(t *testing.T) {
	dir := editable(t)
	m := watchedModel(t, dir, 100, 20)
	m = press(t, m, "/", "d", "e", "e", "d", "enter", "T")
	if m.focus != focusTimeline {
		t.Fatalf("focus %v, want timeline", m.focus)
	}
	before := m.search.counts.Total
	edit(t, dir, "briefing.yaml", "    event: Repair work halts;", "    event: A new deed is found; repair work halts;")
	m = reload(t, m, dir)
	if m.focus != focusTimeline || !strings.Contains(plain(m), "A new deed is found") {
		t.Errorf("the timeline does not show the new event (focus %v):\n%s", m.focus, plain(m))
	}
	if !m.search.counted || m.search.counts.Total != before+1 {
		t.Errorf("the search counts %d (counted %v) after the reload, want %d", m.search.counts.Total, m.search.counted, before+1)
	}
}

// TestWatchOptions: only a briefing on disk, with a loader, is watched.
func TestWatchOptions(t *testing.T) {
	b := testBriefing(t)
	for _, c := range []struct {
		opts Options
		want bool
	}{
		{Options{Path: "testdata/brief", Watch: true, Load: loadToRead}, true},
		{Options{Path: "testdata/brief", Watch: false, Load: loadToRead}, false},
		{Options{Path: "", Watch: true, Load: loadToRead}, false},
	} {
		if got := New(b, c.opts).startWatch() != nil; got != c.want {
			t.Errorf("%+v: watching %v, want %v", c.opts, got, c.want)
		}
	}
}

// TestShelfWatchesOpenBriefing opens a briefing of a library: its reader
// watches that briefing, and stops when it closes, as does the watcher
// of a reader closed before its watch began.
func TestShelfWatchesOpenBriefing(t *testing.T) {
	lib, err := briefing.ScanLibrary("testdata/library")
	if err != nil {
		t.Fatal(err)
	}
	s := sendShelf(t, NewShelf(lib, Options{Style: render.NoTTY, Watch: true}, loadToRead), sizeMsg(80, 24))
	tm, cmd := s.Update(openEntryMsg{index: 0})
	s = tm.(Shelf)
	tm, cmd = s.Update(run(cmd)[0])
	s = tm.(Shelf)
	if got, want := s.reader.opts.Path, lib.Entries[0].Path; got != want || !s.reader.watching() {
		t.Fatalf("the reader watches %q (%v), want %q", got, s.reader.watching(), want)
	}
	var w *watch.Watcher
	for _, msg := range run(cmd) {
		if r, ok := msg.(readerMsg); ok {
			if wm, ok := r.msg.(watchingMsg); ok {
				w = wm.w
				tm, _ = s.Update(msg)
				s = tm.(Shelf)
			}
		}
	}
	if w == nil || s.reader.watcher != w {
		t.Fatal("the reader of the library does not watch")
	}
	s = pressShelf(t, s, "esc")
	if _, reading := s.Reading(); reading {
		t.Fatal("esc did not close the briefing")
	}
	if _, open := <-w.Changes(); open {
		t.Error("the watcher of the closed briefing still runs")
	}

	// A watch that begins after its reader closed is stopped.
	late, err := watch.New(lib.Entries[0].Path, 0)
	if err != nil {
		t.Fatal(err)
	}
	s.Update(readerMsg{gen: s.gen, msg: watchingMsg{w: late}})
	if _, open := <-late.Changes(); open {
		t.Error("the watcher of a reader closed before its watch began still runs")
	}
}

// TestReloadOnSummary reloads while the summary is shown: it shows the
// new summary, its provenance counted again.
func TestReloadOnSummary(t *testing.T) {
	dir := editable(t)
	m := watchedModel(t, dir, 100, 30)
	m = press(t, m, "i")
	if !m.about || !strings.Contains(topicText(m), "Provenance") {
		t.Fatalf("the summary is not shown:\n%s", plain(m))
	}
	edit(t, dir, "briefing.yaml", "The city and the port authority disagree", "The city and the port authority still disagree")
	m = reload(t, m, dir)
	text := topicText(m)
	if !m.about || !strings.Contains(text, "still disagree") || !strings.Contains(text, "backed by two or more sources") {
		t.Errorf("the new summary, counted, is not shown:\n%s", text)
	}
}

// TestReloadTopicGone removes the topic being read: the reader shows the
// topic now in its place, from the top, and says why.
func TestReloadTopicGone(t *testing.T) {
	dir := editable(t)
	m := watchedModel(t, dir, 100, 20)
	m = press(t, m, "4", "j", "j")
	edit(t, dir, "briefing.yaml", "  - people\n", "")
	edit(t, dir, "briefing.yaml", "topics: [people, timeline-notes]", "topics: [timeline-notes]")
	edit(t, dir, "briefing.yaml", "topics: [people]", "topics: [overview]")
	if err := os.Remove(filepath.Join(dir, "people.md")); err != nil {
		t.Fatal(err)
	}
	m = reload(t, m, dir)
	if m.Current() != 2 || m.reader.vp.YOffset() != 0 {
		t.Errorf("reading topic %d at line %d, want 2 at the top", m.Current(), m.reader.vp.YOffset())
	}
	lines := screenLines(m)
	if footer := lines[len(lines)-1]; !strings.Contains(footer, "“People” is no longer in the briefing") {
		t.Errorf("footer %q does not say the topic is gone", footer)
	}
	if !strings.Contains(lines[0], "3/3") {
		t.Errorf("header %q, want 3/3", lines[0])
	}
}

// TestReloadErrorInHelp: the help shows the error of a broken save whole,
// which the footer of a narrow screen cuts.
func TestReloadErrorInHelp(t *testing.T) {
	dir := editable(t)
	m := watchedModel(t, dir, 60, 30)
	edit(t, dir, "briefing.yaml", "as_of: 2026-03-14\n", "as_of: 2026-03-14: x\n")
	m = reload(t, m, dir)
	if lines := screenLines(m); strings.Contains(lines[len(lines)-1], "in this context") {
		t.Fatalf("the footer is not cut at 60 cells: %q", lines[len(lines)-1])
	}
	m = press(t, m, "?")
	help := strings.Join(strings.Fields(strings.ReplaceAll(plain(m), "│", "")), " ")
	if !strings.Contains(help, "Not reloaded: the last save has an error") || !strings.Contains(help, "mapping value is not allowed in this context") {
		t.Errorf("the help does not show the whole error:\n%s", plain(m))
	}
}

// TestReloadCitationsBeforeRender walks the citations of the topic on
// screen after a reload that took most of them away, before its new text
// has rendered: the old text's citations must not be taken for the new
// topic's.
func TestReloadCitationsBeforeRender(t *testing.T) {
	dir := editable(t)
	m := watchedModel(t, dir, 100, 30)
	m = press(t, m, "2")
	edit(t, dir, "costs.md", " [@ledger]. Both sides", ". Both sides")
	edit(t, dir, "costs.md", " [@gazette; @ledger].", ".")
	edit(t, dir, "costs.md", "hard to judge [@ledger]", "hard to judge")
	b, err := loadToRead(dir)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(b.Topics[1].Citations); n != 1 {
		t.Fatalf("the edited topic has %d citations, want 1", n)
	}
	// Update alone: the render the reload asks for does not come back.
	tm, _ := m.Update(reloadedMsg{b: b})
	m = tm.(Model)
	for _, k := range []string{"c", "c", "c", "c", "enter"} {
		tm, _ = m.Update(keyPress(k))
		m = tm.(Model)
	}
	if m.focus == focusCard && m.cite.mark != 0 {
		t.Errorf("the card of citation %d of a topic that has one", m.cite.mark)
	}
}

// TestReloadThenBackToView opens a topic from each view, reloads, and
// goes back with esc: the view is there, made from the new briefing.
func TestReloadThenBackToView(t *testing.T) {
	for _, c := range []struct {
		name, open, want string
	}{
		{"timeline", "T", "Timeline"},
		{"people", "a", "Who's who"},
		{"sources", "s", "Sources"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := editable(t)
			m := watchedModel(t, dir, 100, 30)
			m = press(t, m, c.open, "enter")
			if m.focus == focusPeople || m.focus == focusSources {
				m = press(t, m, "enter") // the passages that name or cite it, then one
			}
			if m.focus != focusText || m.views.back == focusText {
				t.Fatalf("no topic opened from the %s (focus %v)", c.name, m.focus)
			}
			edit(t, dir, "briefing.yaml", "title: Harbour bridge dispute", "title: Harbour bridge row")
			m = reload(t, m, dir)
			m = press(t, m, "esc")
			if screen := plain(m); !strings.Contains(screen, c.want) || !strings.Contains(screen, "Harbour bridge row") {
				t.Errorf("esc after the reload does not show the %s of the new briefing:\n%s", c.name, screen)
			}
		})
	}
}

// TestReloadMarksUpdated reads a topic, then its file is saved with a
// paragraph changed: after the reload the topic is marked updated, and
// the changed paragraph is barred.
func TestReloadMarksUpdated(t *testing.T) {
	dir := editable(t)
	b, err := loadToRead(dir)
	if err != nil {
		t.Fatal(err)
	}
	costs := b.Topics[slices.IndexFunc(b.Topics, func(tp *briefing.Topic) bool { return tp.ID == "costs" })]
	store := readBefore(t, b, map[string]string{"costs": costs.Body})
	m := New(b, Options{Style: render.NoTTY, Path: dir, Watch: true, Load: loadToRead, State: store})
	for _, msg := range run(m.marksCmd()) {
		m = send(t, m, msg)
	}
	m = send(t, m, sizeMsg(120, 40))
	row := func(m Model) string {
		for _, l := range screenLines(m) {
			if strings.Contains(l, "Who pays") {
				list, _, _ := strings.Cut(l, "│")
				return list
			}
		}
		t.Fatalf("no row for the topic:\n%s", plain(m))
		return ""
	}
	if r := row(m); !strings.Contains(r, readMark) || strings.Contains(r, updatedMark) {
		t.Fatalf("the topic read is not marked read: %q", r)
	}
	edit(t, dir, "costs.md", "Neither side has published", "Neither party has published")
	m = reload(t, m, dir)
	if r := row(m); !strings.Contains(r, updatedMark) {
		t.Errorf("the topic edited since it was read is not marked updated after the reload: %q", r)
	}
	m = press(t, m, "2")
	if bars := barLines(m); len(bars) == 0 {
		t.Errorf("no paragraph barred after the reload:\n%s", plain(m))
	}
}

// TestReloadWhileBroken opens a briefing that already has an error: there
// is no good version to keep, so an edit to another topic still shows,
// with the error in the footer until it is fixed.
func TestReloadWhileBroken(t *testing.T) {
	dir := editable(t)
	people, err := os.ReadFile(filepath.Join(dir, "people.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "people.md")); err != nil {
		t.Fatal(err)
	}
	b, _ := loadToRead(dir)
	if b == nil || len(b.Diagnostics.Errors()) == 0 {
		t.Fatal("the briefing without a topic file has no error")
	}
	m := New(b, Options{Style: render.NoTTY, Path: dir, Watch: true, Load: loadToRead})
	m = press(t, send(t, m, sizeMsg(100, 30)), "2")
	edit(t, dir, "costs.md", "Neither side has published", "Neither party has published")
	m = reload(t, m, dir)
	if !strings.Contains(topicText(m), "Neither party has published") {
		t.Errorf("the edit is not shown while the briefing has an error:\n%s", topicText(m))
	}
	if !strings.Contains(m.broken, "people") || !strings.Contains(plain(m), "briefing.yaml:12:5: topic \"people\"") {
		t.Errorf("the error is not in the footer: %q\n%s", m.broken, plain(m))
	}
	if err := os.WriteFile(filepath.Join(dir, "people.md"), people, 0o644); err != nil {
		t.Fatal(err)
	}
	m = reload(t, m, dir)
	if m.broken != "" || len(m.b.Topics) != 4 {
		t.Errorf("fixed, yet %d topics and the error %q", len(m.b.Topics), m.broken)
	}
}
