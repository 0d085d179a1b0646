package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"brief/briefing"
	"brief/internal/render"
	"brief/internal/state"
)

// newTestShelf returns the program for the library in testdata/library
// (a briefing directory, a broken one and a single file), sized w by h.
func newTestShelf(t testing.TB, style render.Style, w, h int) Shelf {
	t.Helper()
	return sendShelf(t, NewShelf(testLibrary(t), Options{Style: style}, loadTest), tea.WindowSizeMsg{Width: w, Height: h})
}

// testLibrary is testdata/library scanned.
func testLibrary(t testing.TB) *briefing.Library {
	t.Helper()
	lib, err := briefing.ScanLibrary("testdata/library")
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// loadTest loads a briefing of the test library, as brief does.
func loadTest(path string) (*briefing.Briefing, error) {
	return briefing.LoadWith(path, briefing.LoadOptions{})
}

// sendShelf is send for a Shelf.
func sendShelf(t testing.TB, s Shelf, msg tea.Msg) Shelf { return sendTo(t, s, msg) }

func pressShelf(t testing.TB, s Shelf, keys ...string) Shelf {
	t.Helper()
	for _, k := range keys {
		s = sendShelf(t, s, keyPress(k))
	}
	return s
}

func shelfScreen(s Shelf) string { return ansi.Strip(s.View().Content) }

// quits reports whether the shelf quits on key k.
func quits(s Shelf, k string) bool {
	_, cmd := s.Update(keyPress(k))
	for _, msg := range run(cmd) {
		if _, ok := msg.(tea.QuitMsg); ok {
			return true
		}
	}
	return false
}

func TestLibraryOpens(t *testing.T) {
	s := newTestShelf(t, render.NoTTY, 80, 24)
	screen := shelfScreen(s)
	for _, want := range []string{"Library", "3 briefings", "Harbour bridge dispute", "2026-03-14", "The Pass Closure",
		"broken", "⚠ broken/briefing.yaml:3:9: YAML syntax error"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the library lacks %q:\n%s", want, screen)
		}
	}
	if _, reading := s.Reading(); reading {
		t.Error("a briefing is open before enter")
	}
	// Rows in name order: bridge, broken, pass.md; the counts in theirs.
	lines := strings.Split(screen, "\n")
	if !strings.Contains(lines[2], "› Harbour bridge dispute") || !strings.HasSuffix(strings.TrimRight(lines[2], " "), "4") ||
		!strings.HasSuffix(strings.TrimRight(lines[4], " "), "2") {
		t.Errorf("rows:\n%s", strings.Join(lines[:5], "\n"))
	}
}

func TestLibraryEnterAndBack(t *testing.T) {
	s := newTestShelf(t, render.NoTTY, 80, 24)
	s = pressShelf(t, s, "j", "j", "enter")
	if i, reading := s.Reading(); !reading || i != 2 {
		t.Fatalf("Reading() = %d, %v after enter on the third row", i, reading)
	}
	screen := shelfScreen(s)
	if !strings.Contains(screen, "The Pass Closure") || !strings.Contains(screen, "A storm brought down rock") {
		t.Fatalf("the single-file briefing is not shown:\n%s", screen)
	}
	if !strings.Contains(screen, "esc library") {
		t.Errorf("the footer does not tell how to go back:\n%s", screen)
	}
	// Keys go to the reader: l is the next topic there.
	s = pressShelf(t, s, "l")
	if !strings.Contains(shelfScreen(s), "Engineers will inspect") {
		t.Errorf("l did not reach the reader:\n%s", shelfScreen(s))
	}
	s = pressShelf(t, s, "esc")
	if _, reading := s.Reading(); reading {
		t.Fatal("esc did not go back to the library")
	}
	lines := strings.Split(shelfScreen(s), "\n")
	if !strings.Contains(lines[4], "› The Pass Closure") {
		t.Errorf("back in the library, the cursor is not on the same row:\n%s", strings.Join(lines[:6], "\n"))
	}
	// And on to the other good one.
	s = pressShelf(t, s, "k", "k", "enter")
	if screen := shelfScreen(s); !strings.Contains(screen, "Harbour bridge dispute") || !strings.Contains(screen, "1/4") {
		t.Errorf("the second briefing did not open:\n%s", screen)
	}
}

// TestLibraryEscClosesFirst: esc closes what is open in the briefing
// before it leaves it.
func TestLibraryEscClosesFirst(t *testing.T) {
	s := newTestShelf(t, render.NoTTY, 80, 24)
	s = pressShelf(t, s, "enter", "?")
	if !strings.Contains(shelfScreen(s), "back to the library") {
		t.Errorf("the help does not list esc back to the library:\n%s", shelfScreen(s))
	}
	for _, keys := range [][]string{{"esc"}, {"t", "esc"}, {"i", "esc"}} {
		s = pressShelf(t, s, keys...)
		if _, reading := s.Reading(); !reading {
			t.Fatalf("%v left the briefing", keys)
		}
	}
	s = pressShelf(t, s, "esc")
	if _, reading := s.Reading(); reading {
		t.Fatal("esc with nothing open did not go back")
	}
}

func TestLibraryBrokenEntryOpens(t *testing.T) {
	s := newTestShelf(t, render.NoTTY, 80, 24)
	s = pressShelf(t, s, "j")
	if screen := shelfScreen(s); !strings.Contains(screen, "⚠ broken/briefing.yaml:3:9: YAML syntax error: sequence end token") {
		t.Errorf("the broken row's error is not shown whole below the rows:\n%s", screen)
	}
	// Its topic file is fine: it opens, with its problems told.
	s = pressShelf(t, s, "enter")
	if _, reading := s.Reading(); !reading {
		t.Fatal("the broken briefing did not open")
	}
	if screen := shelfScreen(s); !strings.Contains(screen, "The unions met the operator") || !strings.Contains(screen, "problem") {
		t.Errorf("screen:\n%s", screen)
	}
}

func TestLibraryUnloadable(t *testing.T) {
	s := newTestShelf(t, render.NoTTY, 80, 24)
	s.load = func(path string) (*briefing.Briefing, error) {
		return nil, briefing.Diagnostics{{Pos: briefing.Pos{File: path}, Message: "no such file or directory"}}
	}
	s = pressShelf(t, s, "enter")
	if _, reading := s.Reading(); reading {
		t.Fatal("a briefing that failed to load is open")
	}
	if screen := shelfScreen(s); !strings.Contains(screen, "Could not open it: testdata/library/bridge: no such file") {
		t.Errorf("the failure is not told:\n%s", screen)
	}
}

func TestLibraryFilter(t *testing.T) {
	s := newTestShelf(t, render.NoTTY, 80, 24)
	s = pressShelf(t, s, "/", "p", "a", "s")
	screen := shelfScreen(s)
	if !strings.Contains(screen, "1 of 3") || !strings.Contains(screen, "› The Pass Closure") ||
		strings.Contains(screen, "Harbour bridge dispute") {
		t.Errorf("filtering for pas:\n%s", screen)
	}
	// Letters go to the filter line: q is typed, not a quit.
	if quits(s, "q") {
		t.Error("q quit while typing a filter")
	}
	s = pressShelf(t, s, "enter")
	if i, reading := s.Reading(); !reading || i != 2 {
		t.Fatalf("enter opened %d, %v", i, reading)
	}
	s = pressShelf(t, s, "esc")
	if screen := shelfScreen(s); !strings.Contains(screen, "1 of 3") || !strings.Contains(screen, "› The Pass Closure") {
		t.Errorf("back from the briefing, the filter or row is lost:\n%s", screen)
	}
	s = pressShelf(t, s, "esc")
	if screen := shelfScreen(s); !strings.Contains(screen, "Harbour bridge dispute") || !strings.Contains(screen, "› The Pass Closure") {
		t.Errorf("esc does not clear the filter, keeping the row:\n%s", screen)
	}
	if !quits(s, "q") {
		t.Error("q does not quit the library")
	}
}

// TestLibraryRanksAsFinder: the library ranks as the topic finder does.
func TestLibraryRanksAsFinder(t *testing.T) {
	s := newTestShelf(t, render.NoTTY, 80, 24)
	for _, q := range []string{"h", "br", "pass", "zz"} {
		l := s.lib
		l.list.input.SetValue(q)
		l.list.filter()
		f := newFinder(l.titles, names(s.lib.lib), styles{})
		f.list.input.SetValue(q)
		f.list.filter()
		if fmt.Sprint(l.list.shown) != fmt.Sprint(f.list.shown) {
			t.Errorf("%q: library %v, finder %v", q, l.list.shown, f.list.shown)
		}
	}
}

func names(lib *briefing.Library) []string {
	var out []string
	for _, e := range lib.Entries {
		out = append(out, e.Name)
	}
	return out
}

// TestLibraryStaleRender: a render of a closed briefing that arrives
// after another has opened is not shown in it.
func TestLibraryStaleRender(t *testing.T) {
	s := newTestShelf(t, render.NoTTY, 80, 24)
	s = pressShelf(t, s, "enter")
	old := s.gen
	s = pressShelf(t, s, "esc", "j", "j", "enter")
	k := s.reader.keyFor(0)
	tm, _ := s.Update(readerMsg{gen: old, msg: renderedMsg{key: k, out: "STALE TEXT"}})
	if screen := shelfScreen(tm.(Shelf)); strings.Contains(screen, "STALE TEXT") {
		t.Errorf("a render of the closed briefing is shown:\n%s", screen)
	}
	// The same message from the reader on screen is shown.
	tm, _ = s.Update(readerMsg{gen: s.gen, msg: renderedMsg{key: k, out: "FRESH TEXT"}})
	if screen := shelfScreen(tm.(Shelf)); !strings.Contains(screen, "FRESH TEXT") {
		t.Errorf("a render of the open briefing is not shown:\n%s", screen)
	}
}

func TestLibraryHelp(t *testing.T) {
	s := newTestShelf(t, render.NoTTY, 80, 24)
	s = pressShelf(t, s, "?")
	screen := shelfScreen(s)
	for _, want := range []string{"Keys", "open briefing", "filter", "clear filter", "quit"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the help lacks %q:\n%s", want, screen)
		}
	}
	s = pressShelf(t, s, "esc")
	if strings.Contains(shelfScreen(s), "Keys ·") {
		t.Error("esc does not close the help")
	}
}

// TestLibraryFits draws the library at every size from 60x20 to 200x60,
// dark and light: exactly the window's lines, none wider.
func TestLibraryFits(t *testing.T) {
	for _, style := range []render.Style{render.Dark, render.Light} {
		for _, size := range [][2]int{{60, 20}, {80, 24}, {120, 40}, {200, 60}} {
			for _, keys := range [][]string{nil, {"j"}, {"/", "b"}, {"?"}} {
				s := pressShelf(t, newTestShelf(t, style, size[0], size[1]), keys...)
				lines := strings.Split(s.View().Content, "\n")
				if len(lines) != size[1] {
					t.Errorf("%v %v %v: %d lines", style, size, keys, len(lines))
				}
				for i, l := range lines {
					if w := ansi.StringWidth(l); w != size[0] {
						t.Errorf("%v %v %v: line %d is %d wide: %q", style, size, keys, i, w, ansi.Strip(l))
					}
				}
			}
		}
	}
}

// TestLibraryGolden compares the library at 80x24, with its broken entry,
// with testdata/TestLibraryGolden/*.golden (-update rewrites them).
func TestLibraryGolden(t *testing.T) {
	screens := []struct {
		name string
		keys []string
	}{
		{"first", nil},
		{"broken-selected", []string{"j"}},
		{"filter", []string{"/", "p"}},
		{"help", []string{"?"}},
	}
	for _, style := range []render.Style{render.NoTTY, render.Dark, render.Light} {
		for _, sc := range screens {
			t.Run(fmt.Sprintf("80x24-%v-%s", style, sc.name), func(t *testing.T) {
				s := pressShelf(t, newTestShelf(t, style, 80, 24), sc.keys...)
				out := s.View().Content
				if style == render.NoTTY {
					out = ansi.Strip(out)
				}
				golden.RequireEqual(t, out)
			})
		}
	}
}

// TestTagMsg: the reader's own messages carry its generation, the
// runtime's pass as they are, and batches are tagged inside.
func TestTagMsg(t *testing.T) {
	if _, ok := tagMsg(3, renderedMsg{}).(readerMsg); !ok {
		t.Error("a render is not tagged")
	}
	if _, ok := tagMsg(3, tea.QuitMsg{}).(tea.QuitMsg); !ok {
		t.Error("quit is tagged and would not quit")
	}
	b, ok := tagMsg(3, tea.BatchMsg{func() tea.Msg { return countedMsg{} }}).(tea.BatchMsg)
	if !ok || len(b) != 1 {
		t.Fatal("a batch is not kept a batch")
	}
	if m, ok := b[0]().(readerMsg); !ok || m.gen != 3 {
		t.Errorf("a batched message is %#v", b[0]())
	}
}

// TestLibraryListedFirst: a library only listed shows its names at once;
// the scan, run by Init, fills in the rows and keeps the cursor.
func TestLibraryListedFirst(t *testing.T) {
	lib, err := briefing.ListLibrary("testdata/library")
	if err != nil {
		t.Fatal(err)
	}
	s := sendShelf(t, NewShelf(lib, Options{Style: render.NoTTY}, nil), sizeMsg(80, 24))
	s = pressShelf(t, s, "j", "j")
	screen := shelfScreen(s)
	if !strings.Contains(screen, "› pass") || !strings.Contains(screen, "bridge") || strings.Contains(screen, "Harbour bridge dispute") {
		t.Fatalf("the listed library:\n%s", screen)
	}
	var scanned bool
	for _, msg := range run(s.Init()) {
		if m, ok := msg.(scannedMsg); ok {
			s, scanned = sendShelf(t, s, m), true
		}
	}
	if !scanned {
		t.Fatal("Init does not scan a listed library")
	}
	screen = shelfScreen(s)
	if !strings.Contains(screen, "› The Pass Closure") || !strings.Contains(screen, "Harbour bridge dispute") ||
		!strings.Contains(screen, "⚠ broken/briefing.yaml:3:9") {
		t.Errorf("the scanned library:\n%s", screen)
	}
}

func TestLibraryMouse(t *testing.T) {
	s := newTestShelf(t, render.NoTTY, 80, 24)
	s = sendShelf(t, s, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if !strings.Contains(shelfScreen(s), "› The Pass Closure") {
		t.Errorf("the wheel does not move down the rows:\n%s", shelfScreen(s))
	}
	s = sendShelf(t, s, tea.MouseClickMsg{Button: tea.MouseLeft, X: 5, Y: 3})
	if i, reading := s.Reading(); !reading || i != 1 {
		t.Errorf("a click on the second row opened %d, %v", i, reading)
	}
}

// TestLibraryStateColumns: the reading state columns stay hidden until a
// row has been read, and then fit.
func TestLibraryStateColumns(t *testing.T) {
	s := newTestShelf(t, render.NoTTY, 80, 24)
	if strings.Contains(shelfScreen(s), "Unread") {
		t.Fatalf("state columns without a state:\n%s", shelfScreen(s))
	}
	s.lib.states[0] = state.Progress{Known: true, Read: 2, Unread: 2, Updated: 1, LastRead: time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)}
	lines := strings.Split(shelfScreen(s), "\n")
	if !strings.Contains(lines[1], "Read Unread Updated Last read") ||
		!strings.Contains(lines[2], "   2      2       1 2026-03-15") {
		t.Errorf("the state of the first row:\n%s", strings.Join(lines[:5], "\n"))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != 80 {
			t.Errorf("line %d is %d wide", i, w)
		}
	}
	// At 60 columns the last reading goes, and the counts stay whole.
	s = sendShelf(t, s, sizeMsg(60, 20))
	lines = strings.Split(shelfScreen(s), "\n")
	if !strings.HasSuffix(strings.TrimRight(lines[1], " "), "Read Unread Updated") ||
		!strings.HasSuffix(strings.TrimRight(lines[2], " "), "   2      2       1") || strings.Contains(lines[2], "2026-03-15") {
		t.Errorf("at 60 columns:\n%s", strings.Join(lines[:5], "\n"))
	}
}

// stateShelf is the test library with its reading state in store, its
// progress found as Init finds it.
func stateShelf(t testing.TB, store *state.Store, style render.Style) Shelf {
	t.Helper()
	s := NewShelf(testLibrary(t), Options{Style: style, State: store, saveWait: -1}, loadTest)
	s = sendShelf(t, s, sizeMsg(80, 24))
	for _, msg := range run(s.Init()) {
		if _, ok := msg.(progressMsg); ok {
			s = sendShelf(t, s, msg)
		}
	}
	return s
}

// readBridge keeps a state of the bridge briefing: its overview read as
// it is now, its costs read when they said something else.
func readBridge(t testing.TB, store *state.Store) {
	t.Helper()
	b, err := briefing.LoadWith("testdata/library/bridge", briefing.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	id, _ := state.Identity("testdata/library/bridge")
	then := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	rec := state.Record{}.MarkRead("overview", b.Topics[0].Body, then).MarkRead("costs", "An older paragraph.", then)
	if err := store.Save(id, rec); err != nil {
		t.Fatal(err)
	}
}

// TestLibraryProgress: the rows count the topics read, unread and
// updated since, from the state kept; and the row of a briefing read
// counts anew on the way back to the library.
func TestLibraryProgress(t *testing.T) {
	store := state.Open(t.TempDir())
	readBridge(t, store)
	s := stateShelf(t, store, render.NoTTY)
	lines := strings.Split(shelfScreen(s), "\n")
	today := time.Now().Format("2006-01-02")
	if !strings.Contains(lines[1], "Read Unread Updated Last read") ||
		!strings.Contains(lines[2], "   2      2       1 "+today) ||
		!strings.Contains(lines[3], "⚠ broken") ||
		!strings.Contains(lines[4], "   0      2       0 never") {
		t.Fatalf("the rows:\n%s", strings.Join(lines[:5], "\n"))
	}
	// Read both topics of the pass, and back.
	s = pressShelf(t, s, "j", "j", "enter", "G", "l", "G", "esc")
	lines = strings.Split(shelfScreen(s), "\n")
	if !strings.Contains(lines[4], "   2      0       0 "+today) {
		t.Errorf("the row of the briefing read:\n%s", strings.Join(lines[:5], "\n"))
	}
	// The costs, read again, are no longer updated.
	s = pressShelf(t, s, "k", "k", "enter", "2", "G", "esc")
	lines = strings.Split(shelfScreen(s), "\n")
	if !strings.Contains(lines[2], "   2      2       0 "+today) {
		t.Errorf("the row of the bridge read again:\n%s", strings.Join(lines[:5], "\n"))
	}
}

// TestLibraryProgressGolden is the library with its reading state, its
// last reading on a fixed day (-update rewrites the golden files).
func TestLibraryProgressGolden(t *testing.T) {
	for _, style := range []render.Style{render.NoTTY, render.Dark} {
		t.Run(fmt.Sprintf("80x24-%v", style), func(t *testing.T) {
			store := state.Open(t.TempDir())
			readBridge(t, store)
			s := stateShelf(t, store, style)
			s.lib.states[0].LastRead = time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)
			out := s.View().Content
			if style == render.NoTTY {
				out = ansi.Strip(out)
			}
			golden.RequireEqual(t, out)
		})
	}
}
