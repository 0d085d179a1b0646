package ui

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"brief/briefing"
	"brief/content"
	"brief/internal/render"
	"brief/internal/search"
)

// embeddedModel is the reader on the embedded briefing, sized w by h.
func embeddedModel(t testing.TB, w, h int) Model {
	t.Helper()
	b, err := briefing.LoadFS(content.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	return send(t, New(b, Options{Style: render.Dark}), sizeMsg(w, h))
}

// typeText types s into whatever has the keys, one key per rune.
func typeText(t testing.TB, m Model, s string) Model {
	t.Helper()
	for _, r := range s {
		m = send(t, m, keyPress(string(r)))
	}
	return m
}

func footerLine(m Model) string {
	l := screenLines(m)
	return l[len(l)-1]
}

func topicIndex(t testing.TB, m Model, id string) int {
	t.Helper()
	i, ok := m.topicIdx[id]
	if !ok {
		t.Fatalf("no topic %q", id)
	}
	return i
}

// current returns the text of the current match, from the plain text.
func currentMatch(t testing.TB, m Model) string {
	t.Helper()
	hl := m.reader.hl
	if !hl.valid || hl.cur < 0 {
		t.Fatalf("no current match (valid %v, cur %d)", hl.valid, hl.cur)
	}
	var parts []string
	for _, sp := range hl.spans {
		if sp.match == hl.cur {
			parts = append(parts, ansi.Cut(ansi.Strip(m.reader.lines[sp.line]), sp.start, sp.end))
		}
	}
	return strings.Join(parts, " ")
}

// visible reports whether the current match's first line is on screen.
func visible(m Model) bool {
	hl, off := m.reader.hl, m.reader.vp.YOffset()
	l := hl.first[hl.cur]
	return l >= off && l < off+m.reader.vp.Height()
}

func TestSearchTypingCountsAndHighlights(t *testing.T) {
	m := press(t, newTestModel(t, render.Dark, 100, 30), "/")
	if m.focus != focusSearch {
		t.Fatalf("focus %v after /, want search", m.focus)
	}
	m = typeText(t, m, "bridge")
	// The topic's source list also names the bridge: it is not the
	// topic's text, and is neither counted nor visited.
	if got := footerLine(m); !strings.Contains(got, "/bridge") || !strings.Contains(got, "1/2 here · 5 in 2 topics") {
		t.Errorf("search line %q, want the query and 1/2 here · 5 in 2 topics", got)
	}
	if got := currentMatch(t, m); got != "bridge" {
		t.Errorf("current match %q, want bridge", got)
	}
	// The match is drawn in the current match's style, distinct from the others.
	view := m.View().Content
	if !strings.Contains(view, m.st.matchCurrent.Render("bridge")) {
		t.Errorf("the current match is not highlighted:\n%q", view)
	}
	// Single letters go to the input: q types q, and n is no next match.
	m = typeText(t, m, " q")
	if m.focus != focusSearch || m.search.input.Value() != "bridge q" {
		t.Errorf("focus %v, line %q: want the search line to take q", m.focus, m.search.input.Value())
	}
	if got := footerLine(m); !strings.Contains(got, "no matches") {
		t.Errorf("search line %q, want no matches", got)
	}
}

func TestSearchScrollsToFirstMatchAndEscRestores(t *testing.T) {
	m := newTestModel(t, render.Dark, 100, 12)
	m = press(t, m, "3", "j")
	top := m.reader.vp.YOffset()
	m = typeText(t, press(t, m, "/"), "ferry")
	if !visible(m) || m.reader.vp.YOffset() == top {
		t.Fatalf("the view did not scroll to the match (offset %d, was %d)", m.reader.vp.YOffset(), top)
	}
	m = press(t, m, "esc")
	if m.focus != focusText || m.current != 2 || m.reader.vp.YOffset() != top {
		t.Errorf("after esc: focus %v, topic %d, offset %d; want text, 2, %d", m.focus, m.current, m.reader.vp.YOffset(), top)
	}
	if len(m.reader.hl.spans) != 0 || strings.Contains(footerLine(m), "ferry") {
		t.Errorf("esc left the search behind: %q", footerLine(m))
	}
	// Walking to another topic and cancelling comes back too.
	m = typeText(t, press(t, m, "/"), "bridge")
	m = press(t, m, "enter", "1", "/", "esc")
	if m.current != 0 {
		t.Errorf("esc returns to topic %d, want the one the search line opened on (0)", m.current)
	}
}

func TestSearchEnterKeepsAndNWalksTopics(t *testing.T) {
	m := typeText(t, press(t, newTestModel(t, render.Dark, 100, 30), "/"), "bridge")
	m = press(t, m, "enter")
	if m.focus != focusText || !m.keys.NextMatch.Enabled() || !m.keys.PrevMatch.Enabled() {
		t.Fatalf("after enter: focus %v, n enabled %v; want the search kept", m.focus, m.keys.NextMatch.Enabled())
	}
	if got := footerLine(m); !strings.Contains(got, "/bridge") || !strings.Contains(got, "1/2 here") {
		t.Errorf("footer %q, want the kept search", got)
	}
	// n walks every match of topic 0, then every one of topic 2 (topic 1
	// has none), then wraps with a notice.
	type stop struct{ topic, match int }
	var want []stop
	for _, topic := range []int{0, 2} {
		r := press(t, m, string(rune('1'+topic)))
		for i := range r.reader.hl.count() {
			want = append(want, stop{topic, i})
		}
	}
	want = append(want[1:], stop{0, 0})
	for i, w := range want {
		m = press(t, m, "n")
		if m.current != w.topic || m.reader.hl.cur != w.match || !visible(m) {
			t.Fatalf("n #%d: topic %d match %d (visible %v), want topic %d match %d", i+1, m.current, m.reader.hl.cur, visible(m), w.topic, w.match)
		}
		if got := currentMatch(t, m); !strings.EqualFold(got, "bridge") {
			t.Errorf("n #%d: current match %q", i+1, got)
		}
		wrapped := strings.Contains(footerLine(m), "wrapped to the first")
		if wrapped != (i == len(want)-1) {
			t.Errorf("n #%d: footer %q: wrap notice %v", i+1, footerLine(m), wrapped)
		}
	}
	last := want[len(want)-2]
	m = press(t, m, "N")
	if m.current != last.topic || m.reader.hl.cur != last.match || !strings.Contains(footerLine(m), "wrapped to the last") {
		t.Errorf("N from the first match: topic %d match %d, footer %q; want the last match of topic 2 and a notice", m.current, m.reader.hl.cur, footerLine(m))
	}
}

// TestSearchLandsAfterRender checks that enter, going on to a topic that
// is not yet rendered, lands once its rendering comes back.
func TestSearchLandsAfterRender(t *testing.T) {
	m := typeText(t, press(t, newTestModel(t, render.Dark, 100, 30), "/"), "ferry")
	// Press enter without running the commands: the render is left pending.
	tm, cmd := m.Update(keyPress("enter"))
	m = tm.(Model)
	if m.current != 2 || m.search.land != landFirst {
		t.Fatalf("enter: topic %d, land %v; want topic 2 waiting to land", m.current, m.search.land)
	}
	for _, msg := range run(cmd) {
		m = send(t, m, msg)
	}
	if !m.reader.rendered || m.search.land != landNone || currentMatch(t, m) != "ferry" || !visible(m) {
		t.Errorf("after the render: rendered %v, land %v", m.reader.rendered, m.search.land)
	}
}

func TestSearchHistory(t *testing.T) {
	m := newTestModel(t, render.Dark, 100, 30)
	for _, q := range []string{"bridge", "ferry"} {
		m = press(t, typeText(t, press(t, m, "/"), q), "enter")
	}
	m = typeText(t, press(t, m, "/"), "dra")
	steps := []struct{ key, want string }{{"up", "ferry"}, {"up", "bridge"}, {"up", "bridge"}, {"down", "ferry"}, {"down", "dra"}}
	for _, s := range steps {
		m = press(t, m, s.key)
		if got := m.search.input.Value(); got != s.want {
			t.Fatalf("%s: line %q, want %q", s.key, got, s.want)
		}
	}
	m = press(t, m, "up")
	if !strings.Contains(footerLine(m), "2 in 1 topic") {
		t.Errorf("a search from the history is not run: %q", footerLine(m))
	}
}

func TestSearchAliases(t *testing.T) {
	m := typeText(t, press(t, embeddedModel(t, 120, 30), "3", "/"), "zelensky")
	if got := footerLine(m); !strings.Contains(got, "also: Zelenskiy, Zelenskyy") {
		t.Errorf("search line %q, want the other spellings", got)
	}
	seen := map[string]bool{}
	for cur := range m.reader.hl.count() {
		m.reader.hl.cur = cur
		seen[currentMatch(t, m)] = true
	}
	for _, s := range []string{"Zelensky", "Zelenskiy", "Zelenskyy"} {
		if !seen[s] {
			t.Errorf("%s is not among the matches %v", s, seen)
		}
	}
}

func TestResultsOpenTheMatch(t *testing.T) {
	m := typeText(t, press(t, embeddedModel(t, 120, 30), "/"), "novoross")
	m = press(t, m, "tab")
	// One is in the excerpt of a citation.
	if m.focus != focusResults || len(m.results.matches) != 6 {
		t.Fatalf("focus %v, %d results; want the 6 matches listed", m.focus, len(m.results.matches))
	}
	if !strings.Contains(plain(m), "6 matches for “novoross”") {
		t.Errorf("results list:\n%s", plain(m))
	}
	for i, mt := range m.results.matches {
		if mt.Topic == "" {
			continue
		}
		r := press(t, m, strings.Split(strings.Repeat("j", i), "")...)
		r = press(t, r, "enter")
		if r.focus != focusText || r.b.Topics[r.current].ID != mt.Topic || r.reader.hl.cur != mt.N || !visible(r) {
			t.Errorf("result %d: topic %s match %d (visible %v), want %s match %d",
				i, r.b.Topics[r.current].ID, r.reader.hl.cur, visible(r), mt.Topic, mt.N)
			continue
		}
		want := "Novoross"
		if _, ok := r.ix.Excerpt(mt); ok {
			want = "[3]" // its marker
		}
		if got := currentMatch(t, r); !strings.HasPrefix(got, want) {
			t.Errorf("result %d: current match %q", i, got)
		}
	}
}

func TestFinderOpensTopic(t *testing.T) {
	m := press(t, embeddedModel(t, 120, 30), ":")
	if m.focus != focusFinder || !strings.Contains(plain(m), "7 of 7 topics") {
		t.Fatalf("finder not open:\n%s", plain(m))
	}
	m = typeText(t, m, "whos")
	if l := screenLines(m); !strings.Contains(l[2], "Who's who") {
		t.Errorf("finder after whos:\n%s", plain(m))
	}
	m = press(t, m, "enter")
	if m.focus != focusText || m.b.Topics[m.current].Title != "Who's who" {
		t.Errorf("enter opened topic %d (%s)", m.current, m.b.Topics[m.current].Title)
	}
	// By id, with ctrl+p.
	m = send(t, m, tea.KeyPressMsg{Code: 'p', Mod: tea.ModCtrl})
	m = press(t, typeText(t, m, "ratific"), "enter")
	if m.b.Topics[m.current].ID != "ratification" {
		t.Errorf("ctrl+p ratific opened %s", m.b.Topics[m.current].ID)
	}
}

func TestFindSpansAcrossWrap(t *testing.T) {
	r := reader{lines: []string{
		"\x1b[38;5;252m  The port \x1b[1msaid the\x1b[m",
		"\x1b[38;5;252m  brïdge is\x1b[m closed; the bridge",
	}}
	spans, first, _ := findSpans(r.plainText(), search.Compile("the bridge", nil), len(r.lines), nil)
	want := []span{{0, 16, 19, 0}, {1, 2, 8, 0}, {1, 20, 30, 1}}
	if len(first) != 2 || first[0] != 0 || first[1] != 1 {
		t.Errorf("first lines %v, want [0 1]", first)
	}
	if len(spans) != len(want) {
		t.Fatalf("spans %v, want %v", spans, want)
	}
	for i := range want {
		if spans[i] != want[i] {
			t.Errorf("span %d = %v, want %v", i, spans[i], want[i])
		}
	}
	st := newStyles(true)
	hl := highlights{spans: spans, first: first, cur: 1, on: st.match, current: st.matchCurrent}
	for i, line := range r.lines {
		out := hl.apply(i, line)
		if ansi.Strip(out) != ansi.Strip(line) {
			t.Errorf("line %d: text changed: %q", i, ansi.Strip(out))
		}
		// The other styles are still there.
		if !strings.Contains(out, "\x1b[38;5;252m") {
			t.Errorf("line %d lost its style: %q", i, out)
		}
	}
	if out := hl.apply(0, r.lines[0]); !strings.Contains(out, st.match.Render("the")) || !strings.Contains(out, "\x1b[1msaid") {
		t.Errorf("line 0: %q", out)
	}
	if out := hl.apply(1, r.lines[1]); !strings.Contains(out, st.match.Render("brïdge")) || !strings.Contains(out, st.matchCurrent.Render("the bridge")) {
		t.Errorf("line 1: %q", out)
	}
}

// TestSearchRenderedPhraseAcrossWrap searches a phrase that Glamour wraps
// in the test briefing and checks both parts are highlighted.
func TestSearchRenderedPhraseAcrossWrap(t *testing.T) {
	m := newTestModel(t, render.Dark, 60, 30)
	// Find two words on either side of a wrap in the rendered text.
	var phrase string
	for i := 0; i+1 < len(m.reader.lines) && phrase == ""; i++ {
		a := strings.Fields(ansi.Strip(m.reader.lines[i]))
		b := strings.Fields(ansi.Strip(m.reader.lines[i+1]))
		if len(a) > 3 && len(b) > 3 && strings.Trim(a[len(a)-1], ".,\"[]") == a[len(a)-1] && b[0] != "•" {
			phrase = strings.ToLower(a[len(a)-1] + " " + b[0])
		}
	}
	if phrase == "" {
		t.Fatal("no wrapped phrase in the rendered text")
	}
	m = typeText(t, press(t, m, "/"), phrase)
	lines := map[int]bool{}
	for _, sp := range m.reader.hl.spans {
		if sp.match == m.reader.hl.cur {
			lines[sp.line] = true
		}
	}
	if len(lines) != 2 {
		t.Errorf("%q: current match on lines %v, want two lines", phrase, lines)
	}
	if got := currentMatch(t, m); !strings.EqualFold(got, phrase) {
		t.Errorf("current match %q, want %q", got, phrase)
	}
}

// TestSearchHelpTellsTheTruth checks that n and N work only once a search
// is kept, and that the help, which always lists them, says so.
func TestSearchHelpTellsTheTruth(t *testing.T) {
	m := newTestModel(t, render.NoTTY, 100, 40)
	if h := plain(press(t, m, "?")); !strings.Contains(h, "next match (after a search)") || !strings.Contains(h, "find a topic") {
		t.Errorf("help before a search:\n%s", h)
	}
	m = press(t, typeText(t, press(t, m, "/"), "bridge"), "enter")
	if h := plain(press(t, m, "?")); !strings.Contains(h, "next match") || !strings.Contains(h, "previous match") {
		t.Errorf("help with a search kept:\n%s", h)
	}
	m = press(t, m, "/", "esc")
	if m.keys.NextMatch.Enabled() {
		t.Error("n is still on after the search was cancelled")
	}
}

// TestResultsTimelineMatch checks that a timeline match shows the event
// and opens the topic it belongs to.
func TestResultsTimelineMatch(t *testing.T) {
	m := press(t, typeText(t, press(t, embeddedModel(t, 120, 30), "/"), "zelensky"), "tab")
	i := slices.IndexFunc(m.results.matches, func(mt search.Match) bool { return mt.Topic == "" })
	if i < 0 {
		t.Fatal("no timeline match listed")
	}
	if !strings.Contains(plain(press(t, m, strings.Split(strings.Repeat("j", i), "")...)), "Timeline") {
		t.Error("the timeline match is not labelled Timeline")
	}
	m = press(t, press(t, m, strings.Split(strings.Repeat("j", i), "")...), "enter")
	ev := m.b.Timeline[m.results.matches[i].Event]
	if got := footerLine(m); !strings.Contains(got, "Timeline, "+ev.Date.Long()) {
		t.Errorf("footer %q, want the event", got)
	}
	if len(ev.Topics) > 0 && m.b.Topics[m.current].ID != ev.Topics[0] {
		t.Errorf("opened %s, want the event's topic %s", m.b.Topics[m.current].ID, ev.Topics[0])
	}
}

func TestSearchPaste(t *testing.T) {
	m := press(t, newTestModel(t, render.Dark, 100, 30), "/")
	m = send(t, m, tea.PasteMsg{Content: "harbour\n bridge"})
	if got := m.search.input.Value(); got != "harbour bridge" {
		t.Errorf("pasted %q, want harbour bridge", got)
	}
	if got := currentMatch(t, m); got != "harbour bridge" {
		t.Errorf("current match %q", got)
	}
}
