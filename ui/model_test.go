package ui

import (
	"fmt"
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"brief/briefing"
	"brief/internal/render"
)

func TestFirstFrameDoesNotWaitForRendering(t *testing.T) {
	m := New(testBriefing(t), Options{Style: render.Dark})
	tm, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m = tm.(Model)
	if cmd == nil {
		t.Fatal("no render command after the first size")
	}
	if m.reader.rendered {
		t.Fatal("text was rendered inside Update")
	}
	screen := plain(m)
	for _, want := range []string{"Harbour bridge dispute", "1/4", "Who pays, and how much", "What is happening"} {
		if !strings.Contains(screen, want) {
			t.Errorf("first frame lacks %q:\n%s", want, screen)
		}
	}
	// Once the command has run, the rendered text replaces the plain one.
	for _, msg := range run(cmd) {
		tm, _ = m.Update(msg)
		m = tm.(Model)
	}
	if !m.reader.rendered || strings.Contains(plain(m), "**Repairs") {
		t.Errorf("rendered text not shown:\n%s", plain(m))
	}
}

func TestTopicKeys(t *testing.T) {
	tests := []struct {
		keys []string
		want int
	}{
		{[]string{"l"}, 1},
		{[]string{"tab"}, 1},
		{[]string{"]"}, 1},
		{[]string{"right"}, 1},
		{[]string{"l", "l", "h"}, 1},
		{[]string{"3", "shift+tab"}, 1},
		{[]string{"3", "["}, 1},
		{[]string{"3", "left"}, 1},
		{[]string{"4"}, 3},
		{[]string{"4", "l"}, 3}, // stays at the last topic
		{[]string{"h"}, 0},      // and at the first
		{[]string{"9"}, 0},      // no ninth topic
		{[]string{"t", "j", "j", "enter"}, 2},
		{[]string{"t", "G", "enter"}, 3},
		{[]string{"t", "j", "esc"}, 0},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.keys, " "), func(t *testing.T) {
			m := press(t, newTestModel(t, render.Dark, 120, 40), tt.keys...)
			if m.Current() != tt.want {
				t.Fatalf("current = %d, want %d", m.Current(), tt.want)
			}
			if m.focus != focusText {
				t.Errorf("focus = %v, want text", m.focus)
			}
			pos := strings.Fields(screenLines(m)[0])
			if got, want := pos[len(pos)-1], []string{"1/4", "2/4", "3/4", "4/4"}[tt.want]; got != want {
				t.Errorf("header position %q, want %q", got, want)
			}
			if !strings.Contains(plain(m), m.b.Topics[tt.want].Title) {
				t.Errorf("screen does not show topic %d", tt.want)
			}
		})
	}
}

func TestScrollKeys(t *testing.T) {
	base := press(t, newTestModel(t, render.Dark, 80, 14), "3")
	h := base.reader.vp.Height()
	total := base.reader.vp.TotalLineCount()
	if total <= 3*h {
		t.Fatalf("topic 3 too short to test scrolling: %d lines for %d", total, h)
	}
	bottom := total - h
	tests := []struct {
		keys []string
		want int
	}{
		{[]string{"j"}, 1},
		{[]string{"down", "down"}, 2},
		{[]string{"j", "j", "k"}, 1},
		{[]string{"j", "up"}, 0},
		{[]string{"ctrl+d"}, h / 2},
		{[]string{"ctrl+d", "ctrl+u"}, 0},
		{[]string{"space"}, h},
		{[]string{"f"}, h},
		{[]string{"pgdown"}, h},
		{[]string{"f", "f", "b"}, h},
		{[]string{"f", "pgup"}, 0},
		{[]string{"G"}, bottom},
		{[]string{"end"}, bottom},
		{[]string{"G", "g"}, 0},
		{[]string{"G", "home"}, 0},
		{[]string{"G", "l", "h"}, 0}, // another topic starts at the top
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.keys, " "), func(t *testing.T) {
			m := press(t, base, tt.keys...)
			if got := m.reader.vp.YOffset(); got != tt.want {
				t.Errorf("offset = %d, want %d", got, tt.want)
			}
		})
	}
	m := press(t, base, "G")
	if !strings.Contains(screenLines(m)[13], "100%") {
		t.Errorf("footer at the bottom: %q", screenLines(m)[13])
	}
}

func TestMouse(t *testing.T) {
	m := press(t, newTestModel(t, render.Dark, 80, 14), "3")
	m = send(t, m, tea.MouseWheelMsg{X: 60, Y: 5, Button: tea.MouseWheelDown})
	if got := m.reader.vp.YOffset(); got != wheelLines {
		t.Errorf("wheel down: offset %d, want %d", got, wheelLines)
	}
	m = send(t, m, tea.MouseWheelMsg{X: 60, Y: 5, Button: tea.MouseWheelUp})
	if got := m.reader.vp.YOffset(); got != 0 {
		t.Errorf("wheel up: offset %d, want 0", got)
	}
	// The list's rows start under the header: row 2 is the second topic.
	m = send(t, m, tea.MouseClickMsg{X: 5, Y: 2, Button: tea.MouseLeft})
	if m.Current() != 1 {
		t.Errorf("click on the second row opened topic %d", m.Current())
	}
	m = send(t, m, tea.MouseClickMsg{X: 5, Y: 12, Button: tea.MouseLeft})
	if m.Current() != 1 {
		t.Errorf("click below the list opened topic %d", m.Current())
	}

	// Narrow: the list is hidden, so a click there scrolls nothing and opens
	// nothing, until the overlay shows it.
	n := newTestModel(t, render.Dark, 60, 14)
	n = send(t, n, tea.MouseClickMsg{X: 5, Y: 3, Button: tea.MouseLeft})
	if n.Current() != 0 {
		t.Errorf("narrow click opened topic %d", n.Current())
	}
	n = press(t, n, "t")
	n = send(t, n, tea.MouseClickMsg{X: 5, Y: 4, Button: tea.MouseLeft}) // border, then rows
	if n.Current() != 2 || n.focus != focusText {
		t.Errorf("overlay click: current %d, focus %v; want 2, text", n.Current(), n.focus)
	}
}

func TestNarrowLayout(t *testing.T) {
	m := newTestModel(t, render.Dark, 79, 20)
	screen := plain(m)
	if strings.Contains(screen, "│") || strings.Contains(screen, "How it got here") {
		t.Fatalf("narrow screen shows the list:\n%s", screen)
	}
	if w := m.reader.vp.Width(); w != 79 {
		t.Errorf("reader width %d, want the whole 79", w)
	}
	m = press(t, m, "t")
	screen = plain(m)
	if !strings.Contains(screen, "How it got here") || !strings.Contains(screen, "╭") {
		t.Fatalf("overlay not shown:\n%s", screen)
	}
	m = press(t, m, "esc")
	if strings.Contains(plain(m), "How it got here") {
		t.Error("esc did not close the overlay")
	}
	wide := newTestModel(t, render.Dark, 80, 20)
	if !strings.Contains(plain(wide), "How it got here") {
		t.Error("80 columns does not show the list")
	}
	// With the list hidden, the header names the topic.
	m = press(t, m, "3")
	if header := screenLines(m)[0]; !strings.Contains(header, "How it got here · 3/4") {
		t.Errorf("narrow header does not name the topic: %q", header)
	}
}

func TestHelpOverlay(t *testing.T) {
	m := press(t, newTestModel(t, render.Dark, 120, 40), "?")
	screen := plain(m)
	for _, b := range m.keys.allBindings() {
		if !b.Enabled() {
			continue
		}
		h := b.Help()
		if !strings.Contains(screen, h.Key) || !strings.Contains(screen, h.Desc) {
			t.Errorf("help lacks %q %q", h.Key, h.Desc)
		}
	}
	for _, h := range mouseHelp {
		if !strings.Contains(screen, h.Desc) {
			t.Errorf("help lacks mouse %q", h.Desc)
		}
	}
	if !strings.Contains(screen, "next match (after a search)") {
		t.Error("help does not say that n waits for a search")
	}
	if press(t, m, "l").Current() != 0 {
		t.Error("keys reach the reader under the help")
	}
	for _, k := range []string{"?", "esc"} {
		if press(t, m, k).showHelp {
			t.Errorf("%s does not close the help", k)
		}
	}
}

func TestHelpScrollsWhenSmall(t *testing.T) {
	m := press(t, newTestModel(t, render.Dark, 40, 12), "?")
	if !strings.Contains(plain(m), "scroll up") || strings.Contains(helpText(t, m), "quit") {
		t.Fatalf("small help: want the first keys only:\n%s", plain(m))
	}
	for range 10 {
		m = press(t, m, "j")
	}
	if !strings.Contains(helpText(t, m), mouseHelp[len(mouseHelp)-1].Desc) {
		t.Errorf("scrolled help does not reach the end:\n%s", plain(m))
	}
}

func TestQuit(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		for _, setup := range [][]string{nil, {"?"}, {"t"}} {
			m := press(t, newTestModel(t, render.Dark, 80, 24), setup...)
			_, cmd := m.Update(keyPress(k))
			if cmd == nil {
				t.Fatalf("%s after %v: no command", k, setup)
			}
			if _, ok := cmd().(tea.QuitMsg); !ok {
				t.Errorf("%s after %v does not quit", k, setup)
			}
		}
	}
}

func TestResizeKeepsPlace(t *testing.T) {
	m := press(t, newTestModel(t, render.Dark, 120, 16), "3", "j", "j", "j", "j", "j", "j")
	top := strings.TrimSpace(strings.SplitN(screenLines(m)[1], "│", 2)[1])
	before := m.reader.place()
	m = send(t, m, tea.WindowSizeMsg{Width: 70, Height: 16})
	if m.reader.shown.width != m.textWidth() || !m.reader.rendered {
		t.Fatalf("not rendered for the new width: shown %+v, want width %d", m.reader.shown, m.textWidth())
	}
	after := m.reader.place()
	if d := after - before; d < -0.08 || d > 0.08 {
		t.Errorf("place moved from %.2f to %.2f", before, after)
	}
	// The words at the top before are still on screen.
	words := strings.Fields(top)
	if len(words) > 2 && !strings.Contains(strings.Join(strings.Fields(plain(m)), " "), strings.Join(words[:2], " ")) {
		t.Errorf("text at the top before (%q) is no longer on screen:\n%s", top, plain(m))
	}
	// At the bottom, the reader stays at the bottom.
	m = press(t, m, "G")
	m = send(t, m, tea.WindowSizeMsg{Width: 130, Height: 16})
	if !m.reader.vp.AtBottom() {
		t.Error("resize left the bottom")
	}
	// A taller window shows more of the end, not empty lines past it.
	m = send(t, m, tea.WindowSizeMsg{Width: 130, Height: 30})
	if want := m.reader.vp.TotalLineCount() - m.reader.vp.Height(); m.reader.vp.YOffset() != max(want, 0) {
		t.Errorf("taller window: offset %d, want %d", m.reader.vp.YOffset(), max(want, 0))
	}
}

func TestResizeBurstRendersOnce(t *testing.T) {
	m := newTestModel(t, render.Dark, 120, 40)
	var cmds []tea.Cmd
	for w := 60; w < 160; w++ {
		tm, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: 30 + w%7})
		m = tm.(Model)
		if cmd != nil {
			cmds = append(cmds, cmd)
		}
	}
	if len(cmds) != 1 {
		t.Fatalf("a burst of 100 resizes gave %d commands, want one wait", len(cmds))
	}
	renders := 0
	for len(cmds) > 0 {
		var next []tea.Cmd
		for _, msg := range run(cmds[0]) {
			if r, ok := msg.(renderedMsg); ok {
				renders++
				if r.key.width != m.textWidth() {
					t.Errorf("rendered for width %d, want the final %d", r.key.width, m.textWidth())
				}
			}
			tm, cmd := m.Update(msg)
			m = tm.(Model)
			if cmd != nil {
				next = append(next, cmd)
			}
		}
		cmds = append(cmds[1:], next...)
	}
	// The current topic and its one neighbour.
	if renders != 2 {
		t.Errorf("%d renders after the burst, want 2 (current and next)", renders)
	}
	if m.waiting {
		t.Error("still waiting after the burst")
	}
}

func TestStaleRenderIsDropped(t *testing.T) {
	m := newTestModel(t, render.Dark, 120, 40)
	shown := strings.Join(m.reader.lines, "\n")
	stale := renderedMsg{key: renderKey{topic: 0, width: 33, style: render.Dark}, out: "STALE"}
	m = send(t, m, stale)
	if strings.Join(m.reader.lines, "\n") != shown {
		t.Error("a render for another width replaced the text")
	}
	other := renderedMsg{key: renderKey{topic: 2, width: m.textWidth(), style: render.Dark}, out: "OTHER"}
	m = send(t, m, other)
	if strings.Join(m.reader.lines, "\n") != shown {
		t.Error("a render for another topic replaced the text")
	}
}

func TestBackgroundColour(t *testing.T) {
	light := tea.BackgroundColorMsg{Color: color.White}
	m := newTestModel(t, render.Auto, 120, 40)
	if m.style != render.Dark {
		t.Fatalf("auto starts as %v, want dark", m.style)
	}
	m = send(t, m, light)
	if m.style != render.Light || m.st.isDark || m.reader.shown.style != render.Light {
		t.Errorf("after a light background: style %v, dark styles %v, shown %v",
			m.style, m.st.isDark, m.reader.shown.style)
	}
	for _, s := range []render.Style{render.Dark, render.NoTTY} {
		m := send(t, newTestModel(t, s, 120, 40), light)
		if m.style != s {
			t.Errorf("--style %v became %v on a light background", s, m.style)
		}
	}
}

func TestColourProfile(t *testing.T) {
	tests := []struct {
		style   render.Style
		profile colorprofile.Profile
		want    render.Style
	}{
		{render.Auto, colorprofile.ASCII, render.NoTTY},
		{render.Auto, colorprofile.NoTTY, render.NoTTY},
		{render.Auto, colorprofile.Unknown, render.Dark},
		{render.Auto, colorprofile.ANSI256, render.Dark},
		{render.Light, colorprofile.ASCII, render.Light},
	}
	for _, tt := range tests {
		m := send(t, newTestModel(t, tt.style, 80, 24), tea.ColorProfileMsg{Profile: tt.profile})
		if m.style != tt.want || m.reader.shown.style != tt.want {
			t.Errorf("%v on %v: style %v, text shown in %v; want %v", tt.style, tt.profile, m.style, m.reader.shown.style, tt.want)
		}
	}
}

func TestProblemsAreShown(t *testing.T) {
	b := testBriefing(t)
	b.Diagnostics = append(b.Diagnostics, briefing.Diagnostic{
		Pos: briefing.Pos{File: "x/missing.md", Line: 3, Col: 1}, Message: "topic skipped: bad \x1b[31mfront matter",
	})
	m := send(t, New(b, Options{Style: render.Dark}), tea.WindowSizeMsg{Width: 120, Height: 40})
	lines := screenLines(m)
	if !strings.Contains(lines[0], "⚠ 1 problem") || !strings.Contains(lines[39], "1 problem loading") {
		t.Errorf("problem not announced:\n%s\n%s", lines[0], lines[39])
	}
	warned := testBriefing(t)
	warned.Diagnostics = briefing.Diagnostics{{Severity: briefing.Warning, Message: "no citation"}}
	w := send(t, New(warned, Options{}), tea.WindowSizeMsg{Width: 120, Height: 40})
	if got := screenLines(w)[39]; !strings.Contains(got, "1 warning about the briefing") {
		t.Errorf("a warning is announced as %q", got)
	}
	m = press(t, m, "?")
	if !strings.Contains(plain(m), "x/missing.md:3:1: topic skipped") {
		t.Errorf("help does not list the problem:\n%s", plain(m))
	}
	if strings.Contains(m.View().Content, "\x1b[31mfront") {
		t.Error("a control sequence from the briefing reached the screen")
	}
}

func TestAnySize(t *testing.T) {
	sizes := [][2]int{{0, 0}, {1, 1}, {1, 0}, {0, 1}, {2, 2}, {3, 1}, {5, 3}, {10, 4}, {20, 6}, {79, 24}, {80, 3}, {500, 200}}
	for _, s := range sizes {
		m := newTestModel(t, render.Dark, s[0], s[1])
		for _, keys := range [][]string{nil, {"t"}, {"?"}, {"j", "G", "l"}} {
			m := press(t, m, keys...)
			content := m.View().Content
			lines := strings.Split(content, "\n")
			if content == "" {
				lines = nil
			}
			if len(lines) > s[1] {
				t.Errorf("%dx%d %v: %d lines", s[0], s[1], keys, len(lines))
			}
			for _, l := range lines {
				if w := ansi.StringWidth(l); w > s[0] {
					t.Errorf("%dx%d %v: line %d wide: %q", s[0], s[1], keys, w, ansi.Strip(l))
					break
				}
			}
		}
	}
}

func TestEmptyBriefing(t *testing.T) {
	m := send(t, New(&briefing.Briefing{Title: "Nothing"}, Options{}), tea.WindowSizeMsg{Width: 80, Height: 10})
	m = press(t, m, "l", "j", "t", "enter", "3")
	if !strings.Contains(plain(m), "no topics") {
		t.Errorf("empty briefing:\n%s", plain(m))
	}
}

func TestCacheIsBounded(t *testing.T) {
	c := newRenderCache()
	for i := range cacheEntries + 10 {
		c.put(renderKey{topic: i, width: 80}, "text")
	}
	if c.len() != cacheEntries {
		t.Errorf("cache holds %d, want %d", c.len(), cacheEntries)
	}
	if _, ok := c.get(renderKey{topic: 0, width: 80}); ok {
		t.Error("oldest entry kept")
	}
	if _, ok := c.get(renderKey{topic: cacheEntries + 9, width: 80}); !ok {
		t.Error("newest entry lost")
	}
	c.put(renderKey{topic: -1}, strings.Repeat("x", cacheBytes+1))
	if c.len() != 1 || c.bytes != cacheBytes+1 {
		t.Errorf("after a huge entry: %d entries, %d bytes", c.len(), c.bytes)
	}
}

func TestHugeTopicIsNotRenderedAhead(t *testing.T) {
	m := send(t, New(hugeBriefing(), Options{Style: render.Dark}), sizeMsg(100, 30))
	if m.cache.len() != 1 {
		t.Errorf("%d topics rendered, want only the small one", m.cache.len())
	}
}

func TestHugeTopicShowsPlainTextFirst(t *testing.T) {
	// Commands are not run, so the huge topic is not rendered ahead.
	tm, _ := New(hugeBriefing(), Options{Style: render.Dark}).Update(sizeMsg(100, 30))
	tm, cmd := tm.Update(keyPress("2"))
	m := tm.(Model)
	if cmd == nil || m.reader.rendered {
		t.Fatal("the huge topic was not left to a command")
	}
	if !strings.Contains(plain(m), "A sentence about the harbour bridge") {
		t.Errorf("plain text not shown at once:\n%s", plain(m))
	}
	if n := len(m.reader.lines); n > 2*plainLimit/100 {
		t.Errorf("plain text stand-in has %d lines; it should be cut short", n)
	}
}

func TestPlainTextShowsCitationMarkers(t *testing.T) {
	md, _ := testBriefing(t).Cited(testBriefing(t).Topics[0])
	if !strings.Contains(md, `\[1\]`) {
		t.Fatalf("test topic has no escaped marker to show:\n%s", md)
	}
	got := plainText(md, 200)
	if strings.Contains(got, `\[`) || !strings.Contains(got, "[1]") {
		t.Errorf("plain text shows escaped markers:\n%s", got)
	}
}

// TestFooterKeepsHelpAndQuit narrows the window: the footer gives up its
// other keys before "? help" and "q quit".
func TestFooterKeepsHelpAndQuit(t *testing.T) {
	for _, w := range []int{40, 50, 60, 70, 80} {
		// Reading, the topic list, and a search kept after enter.
		for _, keys := range [][]string{nil, {"t"}, {"/", "b", "r", "i", "d", "g", "e", "enter"}} {
			m := press(t, newTestModel(t, render.NoTTY, w, 20), keys...)
			lines := screenLines(m)
			foot := lines[len(lines)-1]
			if !strings.Contains(foot, "? help") || !strings.Contains(foot, "q quit") {
				t.Errorf("at %d columns, keys %q: footer %q lacks ? help or q quit", w, keys, foot)
			}
			// A kept search's own line may be cut; the keys may not.
			if _, keysPart, _ := strings.Cut(foot, "  ? help"); strings.Contains(keysPart, "…") || len(keys) < 2 && strings.Contains(foot, "…") {
				t.Errorf("at %d columns, keys %q: footer %q cuts a key instead of dropping it", w, keys, foot)
			}
		}
	}
	m := newTestModel(t, render.NoTTY, 80, 20)
	if foot := screenLines(m)[19]; !strings.Contains(foot, "/ search") {
		t.Errorf("at 80 columns the footer drops keys it has room for: %q", foot)
	}
}

// TestCutTitleShownWhole: a title the topic list cuts is shown whole above
// the text, at 80 columns and wider.
func TestCutTitleShownWhole(t *testing.T) {
	const title = "Who pays, and how much"
	for _, size := range [][2]int{{80, 24}, {100, 30}} {
		m := press(t, newTestModel(t, render.NoTTY, size[0], size[1]), "2")
		lines := screenLines(m)
		if !strings.Contains(lines[2], "… │") && !strings.Contains(plain(m), "how m…") {
			t.Fatalf("at %dx%d the list does not cut %q; the test needs a longer title:\n%s", size[0], size[1], title, plain(m))
		}
		found := false
		for _, l := range lines[1 : len(lines)-1] {
			if i := strings.Index(l, "│"); i >= 0 && strings.Contains(l[i:], title) {
				found = true
			}
		}
		if !found {
			t.Errorf("at %dx%d the title %q is shown whole nowhere:\n%s", size[0], size[1], title, plain(m))
		}
		if len(lines) != size[1] {
			t.Errorf("at %dx%d the screen has %d lines", size[0], size[1], len(lines))
		}
		// A title that fits the list is not repeated.
		m = press(t, m, "3")
		if n := strings.Count(plain(m), "How it got here"); n != 1 {
			t.Errorf("at %dx%d a title that fits shows %d times:\n%s", size[0], size[1], n, plain(m))
		}
	}
}

// TestSpaceReadsOn: space pages down, and at the end of a topic goes on to
// the next, as a pager reading a book; the summary leads to topic 1.
func TestSpaceReadsOn(t *testing.T) {
	m := newTestModel(t, render.NoTTY, 80, 12)
	for steps := 0; m.Current() == 0; steps++ {
		if steps > 50 {
			t.Fatal("space never leaves topic 1")
		}
		before := m.reader.vp.AtBottom()
		m = press(t, m, "space")
		if m.Current() == 1 && !before {
			t.Fatal("space left topic 1 before its end")
		}
	}
	if m.Current() != 1 || !m.reader.vp.AtTop() {
		t.Errorf("after the end of topic 1: topic %d, at top %v", m.Current()+1, m.reader.vp.AtTop())
	}
	last := len(m.b.Topics) - 1
	m = press(t, m, fmt.Sprint(last+1), "G", "space")
	if m.Current() != last || m.notice == "" {
		t.Errorf("space at the end of the last topic: topic %d, notice %q", m.Current()+1, m.notice)
	}
	m = press(t, m, "i", "G", "space")
	if m.about || m.Current() != 0 {
		t.Errorf("space at the end of the summary: summary %v, topic %d", m.about, m.Current()+1)
	}
}

// TestLessKeys: d and u move half a page, ctrl+f and ctrl+b a page, as in
// less.
func TestLessKeys(t *testing.T) {
	m := newTestModel(t, render.NoTTY, 80, 12)
	h := m.reader.vp.Height()
	tests := []struct {
		keys []string
		want int
	}{
		{[]string{"d"}, h / 2},
		{[]string{"d", "u"}, 0},
		{[]string{"ctrl+f"}, h},
		{[]string{"ctrl+f", "ctrl+b"}, 0},
		{[]string{"ctrl+d"}, h / 2},
		{[]string{"ctrl+d", "ctrl+u"}, 0},
	}
	for _, tt := range tests {
		got := press(t, m, tt.keys...)
		if got := got.reader.vp.YOffset(); got != tt.want {
			t.Errorf("%q: offset %d, want %d", tt.keys, got, tt.want)
		}
	}
}
