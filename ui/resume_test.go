package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"brief/briefing"
	"brief/internal/render"
	"brief/internal/state"
)

// stateModel is a reader of b keeping its state in store, sized w by h,
// its saves waiting no time.
func stateModel(t testing.TB, b *briefing.Briefing, store *state.Store, style render.Style, w, h int) Model {
	t.Helper()
	m := New(b, Options{Style: style, State: store, saveWait: -1})
	return send(t, m, sizeMsg(w, h))
}

// topLine is the first line with words at or below the top of the
// reading pane, and the line after it, without styles.
func topLine(m Model) string {
	r := m.reader
	for i := r.vp.YOffset(); i < len(r.lines); i++ {
		if l := strings.Join(strings.Fields(ansi.Strip(r.lines[i])), " "); l != "" {
			if i+1 < len(r.lines) {
				l += " " + strings.Join(strings.Fields(ansi.Strip(r.lines[i+1])), " ")
			}
			return l
		}
	}
	return ""
}

// firstWords is the first n words of s.
func firstWords(s string, n int) string {
	w := strings.Fields(s)
	return strings.Join(w[:min(n, len(w))], " ")
}

// words is the letters and digits of s, a space between each run.
func words(s string) string {
	var out []string
	for _, w := range appendWords(nil, s, func(int) int { return 0 }) {
		out = append(out, w.text)
	}
	return strings.Join(out, " ")
}

// TestResumeAcrossWidths: a place kept at 80 columns is found again at
// 60 and 200, the same words at the top, with a notice saying where.
func TestResumeAcrossWidths(t *testing.T) {
	b := testBriefing(t)
	store := state.Open(t.TempDir())
	for _, scroll := range []int{5, 14, 23} {
		m := stateModel(t, b, store, render.NoTTY, 80, 24)
		m = press(t, m, "3")
		for range scroll {
			m = press(t, m, "j")
		}
		want := firstWords(topLine(m), 3)
		if err := m.SaveState(); err != nil {
			t.Fatal(err)
		}
		for _, size := range [][2]int{{60, 20}, {200, 60}, {80, 24}} {
			t.Run(fmt.Sprintf("j%d-%dx%d", scroll, size[0], size[1]), func(t *testing.T) {
				r := stateModel(t, b, store, render.NoTTY, size[0], size[1])
				if r.Current() != 2 {
					t.Fatalf("reopened at topic %d, want 2", r.Current())
				}
				// Where the text ends too soon to have it at the top, it
				// is at the bottom, on screen.
				got := topLine(r)
				if r.reader.vp.AtBottom() && r.reader.vp.YOffset() > 0 || r.reader.vp.TotalLineCount() <= r.reader.vp.Height() {
					got = strings.Join(strings.Fields(ansi.Strip(r.reader.View())), " ")
				}
				if !strings.Contains(words(got), words(want)) {
					t.Errorf("at the top %q, want %q there (saved at 80 columns)", got, want)
				}
				if !strings.Contains(footerLine(r), "Resumed at How it got here") {
					t.Errorf("no notice: %q", footerLine(r))
				}
			})
		}
	}
}

// TestResumeStyled: the place holds through the plain text shown first
// and the styled text that replaces it.
func TestResumeStyled(t *testing.T) {
	b := testBriefing(t)
	store := state.Open(t.TempDir())
	m := stateModel(t, b, store, render.Dark, 80, 24)
	m = press(t, m, "3", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j")
	want := firstWords(topLine(m), 3)
	if err := m.SaveState(); err != nil {
		t.Fatal(err)
	}
	r := New(b, Options{Style: render.Dark, State: store, saveWait: -1})
	// The size alone, without the render it asks for: the plain text.
	tm, cmd := r.Update(sizeMsg(100, 30))
	r = tm.(Model)
	if r.reader.rendered {
		t.Fatal("the text is rendered before its render came back")
	}
	if got := topLine(r); !strings.Contains(got, want) {
		t.Errorf("plain text: at the top %q, want %q", got, want)
	}
	for _, msg := range run(cmd) {
		r = send(t, r, msg)
	}
	if !r.reader.rendered {
		t.Fatal("not rendered")
	}
	if got := topLine(r); !strings.Contains(got, want) {
		t.Errorf("styled text: at the top %q, want %q", got, want)
	}
}

// longBriefing is a briefing of one topic long enough to render a piece
// at a time, its paragraphs numbered.
func longBriefing(t testing.TB) *briefing.Briefing {
	t.Helper()
	var sb strings.Builder
	sb.WriteString("# Long\n\n## Story\n\n")
	for i := range 2500 {
		fmt.Fprintf(&sb, "Paragraph %d of the story goes on about the harbour and the bridge, as the last one did.\n\n", i)
	}
	path := filepath.Join(t.TempDir(), "long.md")
	if err := os.WriteFile(path, []byte(sb.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	b, err := briefing.LoadWith(path, briefing.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Topics[0].Body) < 3*plainLimit {
		t.Fatalf("the topic is only %d bytes", len(b.Topics[0].Body))
	}
	return b
}

// TestResumeLongTopic: a place past the plain text's end, in a topic
// rendered a piece at a time, is reached.
func TestResumeLongTopic(t *testing.T) {
	b := longBriefing(t)
	store := state.Open(t.TempDir())
	body := b.Topics[0].Body
	off := strings.Index(body, "Paragraph 2101 ")
	id, _ := state.Identity(b.Path)
	rec := state.Record{}.At(b.Topics[0].ID, state.PositionAt(body, off))
	if err := store.Save(id, rec); err != nil {
		t.Fatal(err)
	}
	m := stateModel(t, b, store, render.Dark, 90, 30)
	if got := topLine(m); !strings.HasPrefix(got, "Paragraph 2101 of") {
		t.Errorf("at the top %q, want paragraph 2101", got)
	}
	if m.reader.segs != nil || !m.reader.rendered {
		t.Error("the topic did not finish rendering")
	}
	// And the place is kept as it was found.
	m = m.notePlace()
	if _, p := m.placeHere(); p.Offset != off {
		t.Errorf("placeHere = %+v, want offset %d", p, off)
	}
}

// TestPlaceHereRoundTrip: for every line of a topic, the place found is
// one goToPlace puts back at the top, at the same width.
func TestPlaceHereRoundTrip(t *testing.T) {
	m := newTestModel(t, render.Dark, 80, 24)
	m = press(t, m, "3")
	for top := 0; top < len(m.reader.lines)-m.reader.vp.Height(); top++ {
		m.reader.vp.SetYOffset(top)
		want := topLine(m)
		_, p := m.placeHere()
		n, _ := m.goToPlace(2, p)
		if got := topLine(n); firstWords(got, 3) != firstWords(want, 3) {
			t.Errorf("line %d: back at %q, want %q (%+v)", top, got, want, p)
		}
	}
}

// TestGoToPlaceOtherTopic: goToPlace opens the topic and keeps the place
// through its render.
func TestGoToPlaceOtherTopic(t *testing.T) {
	m := newTestModel(t, render.Dark, 80, 24)
	body := m.b.Topics[2].Body
	p := state.PositionAt(body, strings.Index(body, "Residents of the southern"))
	m, cmd := m.goToPlace(2, p)
	for _, msg := range run(cmd) {
		m = send(t, m, msg)
	}
	if m.Current() != 2 || !strings.HasPrefix(topLine(m), "Residents of the southern") {
		t.Errorf("topic %d, at the top %q", m.Current(), topLine(m))
	}
	// The reader moves: the place stops pulling.
	m = press(t, m, "g")
	if m.place.pending.on || m.reader.vp.YOffset() != 0 {
		t.Errorf("the place still pulls after g: %+v", m.place.pending)
	}
}

// TestResumeTopicGone: a record whose topic is gone opens the start,
// with no notice and no error.
func TestResumeTopicGone(t *testing.T) {
	b := testBriefing(t)
	store := state.Open(t.TempDir())
	id, _ := state.Identity(b.Path)
	if err := store.Save(id, state.Record{}.At("removed", state.Position{Offset: 40})); err != nil {
		t.Fatal(err)
	}
	m := stateModel(t, b, store, render.NoTTY, 80, 24)
	if m.Current() != 0 || m.reader.vp.YOffset() != 0 || m.notice != "" {
		t.Errorf("topic %d, line %d, notice %q", m.Current(), m.reader.vp.YOffset(), m.notice)
	}
	// Nor does a record of the start say it resumed there.
	if err := store.Save(id, state.Record{}.At("overview", state.Position{})); err != nil {
		t.Fatal(err)
	}
	if m := stateModel(t, b, store, render.NoTTY, 80, 24); m.notice != "" {
		t.Errorf("notice %q at the start", m.notice)
	}
}

// TestMarkReadAtEnd: a topic is read once its end has been on screen,
// with the fingerprints of its Body.
func TestMarkReadAtEnd(t *testing.T) {
	b := testBriefing(t)
	m := stateModel(t, b, state.Open(t.TempDir()), render.NoTTY, 80, 24)
	if m.rec.IsRead("timeline-notes") {
		t.Fatal("read before opened")
	}
	m = press(t, m, "3", "j", "j")
	if m.rec.IsRead("timeline-notes") {
		t.Fatal("read with its end not yet on screen")
	}
	m = press(t, m, "G")
	if !m.rec.IsRead("timeline-notes") {
		t.Fatal("not read with its end on screen")
	}
	if blocks, known := m.rec.Changed("timeline-notes", b.Topics[2].Body); !known || len(blocks) != 0 {
		t.Errorf("Changed = %v, %v: the fingerprints are not the Body's", blocks, known)
	}
	// A short topic is read as soon as it is opened; the summary never.
	m = press(t, m, "4")
	if !m.rec.IsRead("people") || m.rec.IsRead("overview") {
		t.Errorf("read: %+v", m.rec.Read)
	}
}

// TestSavesOffTheLoop: keys change the record at once, schedule one save
// however many they are, and write nothing themselves; the save runs in a
// command when the tick comes.
func TestSavesOffTheLoop(t *testing.T) {
	b := testBriefing(t)
	store := state.Open(t.TempDir())
	m := stateModel(t, b, store, render.NoTTY, 80, 24)
	id, _ := state.Identity(b.Path)
	file := store.Path(id)
	// The first frame's place is saved as the tick says; start afresh.
	if err := os.RemoveAll(file); err != nil {
		t.Fatal(err)
	}
	ticks := 0
	var tick saveTickMsg
	m = press(t, m, "3") // rendered, so that the keys below only scroll
	os.Remove(file)
	for range 20 {
		tm, cmd := m.Update(keyPress("j"))
		m = tm.(Model)
		for _, msg := range run(cmd) {
			if tk, ok := msg.(saveTickMsg); ok {
				ticks++
				tick = tk
			}
		}
		if _, err := os.Stat(file); err == nil {
			t.Fatal("a key wrote the state")
		}
	}
	if ticks != 1 {
		t.Fatalf("%d saves scheduled for 20 keys, want 1", ticks)
	}
	tm, cmd := m.Update(tick)
	m = tm.(Model)
	if _, err := os.Stat(file); err == nil {
		t.Fatal("the tick wrote the state on the update loop")
	}
	msgs := run(cmd)
	if len(msgs) != 1 {
		t.Fatalf("the tick gave %d messages", len(msgs))
	}
	if _, ok := msgs[0].(savedMsg); !ok {
		t.Fatalf("the tick gave %T", msgs[0])
	}
	r, err := store.Load(id)
	if err != nil || r.Topic != "timeline-notes" || r.Place.Offset == 0 {
		t.Errorf("saved %+v, %v", r, err)
	}
	// The next key schedules the next save.
	_, cmd = m.Update(keyPress("j"))
	ticks = 0
	for _, msg := range run(cmd) {
		if _, ok := msg.(saveTickMsg); ok {
			ticks++
		}
	}
	if ticks != 1 {
		t.Errorf("%d saves scheduled after a save, want 1", ticks)
	}
}

// TestStateWarnings: a state that cannot be used costs one line in the
// footer, and the reader reads.
func TestStateWarnings(t *testing.T) {
	b := testBriefing(t)
	id, _ := state.Identity(b.Path)
	cases := []struct {
		name  string
		spoil func(t *testing.T, dir string, store *state.Store)
		want  string
		// save is set where the warning comes with the first save.
		save bool
	}{
		{"corrupt", func(t *testing.T, dir string, store *state.Store) {
			write(t, store.Path(id), "{\"version\": 1, \"identity\": tru")
		}, "corrupt", false},
		{"truncated", func(t *testing.T, dir string, store *state.Store) {
			if err := store.Save(id, state.Record{}.At("costs", state.Position{})); err != nil {
				t.Fatal(err)
			}
			data, _ := os.ReadFile(store.Path(id))
			write(t, store.Path(id), string(data[:len(data)/2]))
		}, "corrupt", false},
		{"unreadable", func(t *testing.T, dir string, store *state.Store) {
			if err := os.MkdirAll(store.Path(id), 0o700); err != nil {
				t.Fatal(err)
			}
		}, "unreadable", false},
		{"unwritable", func(t *testing.T, dir string, store *state.Store) {
			write(t, dir, "") // a file where the directory should be
		}, "reading state not", false},
		{"read-only", func(t *testing.T, dir string, store *state.Store) {
			if os.Geteuid() == 0 {
				t.Skip("root writes in a read-only directory")
			}
			if err := store.Save(id, state.Record{}); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(dir, 0o500); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(dir, 0o700) })
		}, "not saved", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "brief")
			store := state.Open(dir)
			if c.name != "unwritable" {
				if err := os.MkdirAll(dir, 0o700); err != nil {
					t.Fatal(err)
				}
			}
			c.spoil(t, dir, store)
			m := stateModel(t, b, store, render.NoTTY, 80, 24)
			foot := footerLine(m)
			if c.save {
				m = press(t, m, "j") // a move to save
				m = send(t, m, saveTickMsg{ident: m.ident})
				foot = footerLine(m)
			}
			if !strings.Contains(foot, c.want) || !strings.Contains(strings.ToLower(foot), "reading state") {
				t.Errorf("footer %q, want a warning with %q", foot, c.want)
			}
			if lines := screenLines(m); len(lines) != 24 {
				t.Errorf("%d lines on screen", len(lines))
			}
			if !strings.Contains(plain(m), "Harbour bridge dispute") || !strings.Contains(plain(m), "What is happening") {
				t.Errorf("the reader does not read:\n%s", plain(m))
			}
		})
	}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestSaveWarningAfterResume: a save that fails after a resume shows its
// warning in the footer in place of the resume notice.
func TestSaveWarningAfterResume(t *testing.T) {
	b := testBriefing(t)
	dir := filepath.Join(t.TempDir(), "brief")
	store := state.Open(dir)
	id, _ := state.Identity(b.Path)
	if err := store.Save(id, state.Record{}.At("costs", state.Position{})); err != nil {
		t.Fatal(err)
	}
	m := New(b, Options{Style: render.NoTTY, State: store, saveWait: -1})
	// The directory goes, and a file takes its place: no save can work.
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	write(t, dir, "")
	m = send(t, m, sizeMsg(80, 24))
	if !strings.Contains(footerLine(m), "Resumed at Who pays") {
		t.Fatalf("no resume notice: %q", footerLine(m))
	}
	m = send(t, m, saveTickMsg{ident: m.ident})
	if foot := footerLine(m); !strings.Contains(foot, "reading state not saved") {
		t.Errorf("the failed save is not in the footer: %q", foot)
	}
}

// TestSaveWarningOnce: a save that keeps failing warns once, not after
// every key that the next save follows.
func TestSaveWarningOnce(t *testing.T) {
	b := testBriefing(t)
	dir := filepath.Join(t.TempDir(), "brief")
	m := stateModel(t, b, state.Open(dir), render.NoTTY, 80, 24)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	write(t, dir, "") // a file where the directory should be
	m = press(t, m, "j")
	m = send(t, m, saveTickMsg{ident: m.ident})
	if !strings.Contains(footerLine(m), "reading state not") {
		t.Fatalf("no warning: %q", footerLine(m))
	}
	m = press(t, m, "j")
	m = send(t, m, saveTickMsg{ident: m.ident})
	if strings.Contains(footerLine(m), "reading state not") {
		t.Errorf("the same warning again after a key: %q", footerLine(m))
	}
}

// TestGoToPlaceIsKept: a place gone to, as a bookmark goes, is the place
// the next save keeps, the reader not having moved since.
func TestGoToPlaceIsKept(t *testing.T) {
	b := testBriefing(t)
	store := state.Open(t.TempDir())
	m := stateModel(t, b, store, render.NoTTY, 80, 24)
	body := b.Topics[2].Body
	p := state.PositionAt(body, strings.Index(body, "Residents of the southern"))
	m, cmd := m.goToPlace(2, p)
	for _, msg := range run(cmd) {
		m = send(t, m, msg)
	}
	if err := m.SaveState(); err != nil {
		t.Fatal(err)
	}
	r, err := store.Load(m.ident)
	if err != nil || r.Topic != "timeline-notes" || r.Place.Offset != p.Offset {
		t.Errorf("kept %q at %+v (%v), want timeline-notes at %+v", r.Topic, r.Place, err, p)
	}
}
