package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"brief/briefing"
)

// timeline is the timeline view: every event in date order, under a
// heading for each year and month, the current topic's events marked;
// the event under the cursor is shown whole below the list.
type timeline struct {
	b      *briefing.Briefing
	keys   keyMap
	st     *styles // shared: the root model is copied on every update
	num    map[string]int
	titles map[string]string
	// texts holds each event as one line of plain text, made safe, once
	// it has been shown (made is set); only the events on screen are made.
	texts []string
	made  []bool

	topic string // the current topic's id, whose events are marked
	only  bool   // show the current topic's events only
	items []tlItem
	// cursor indexes items and is always on an event, when there is one;
	// offset is the first item shown.
	cursor, offset int
	width, height  int
}

// tlItem is one row of the timeline: a heading, or an event (an index in
// Briefing.Timeline) drawn on two lines.
type tlItem struct {
	event   int // -1 for a heading
	heading string
	mine    bool
}

// timelineOpenMsg asks the root to open an event's first topic at the
// passage citing what the event cites.
type timelineOpenMsg struct{ event int }

// viewCloseMsg asks the root to close the view that has focus.
type viewCloseMsg struct{}

func newTimeline(b *briefing.Briefing, keys keyMap, st *styles, titles map[string]string) timeline {
	t := timeline{b: b, keys: keys, st: st, num: b.SourceNumbers(), titles: titles}
	t.texts, t.made = make([]string, len(b.Timeline)), make([]bool, len(b.Timeline))
	return t
}

// text returns event i as one line of plain text, made once.
func (t timeline) text(i int) string {
	if !t.made[i] {
		t.texts[i], t.made[i] = cleanLine(briefing.PlainCited(t.b.Timeline[i].Text, t.num)), true
	}
	return t.texts[i]
}

// show lays the events out for the topic with id topic, only its own if
// only is set, with the cursor on event at if it is shown, else on the
// topic's first event, else the first event.
func (t *timeline) show(topic string, only bool, at int) {
	t.topic, t.only = topic, only
	t.items = t.items[:0]
	year, month := -1, -1
	for _, i := range t.b.Chronology() {
		ev := t.b.Timeline[i]
		mine := slices.Contains(ev.Topics, topic)
		if only && !mine {
			continue
		}
		d := ev.Date
		if d.Year != year {
			year, month = d.Year, -1
			h := fmt.Sprint(d.Year)
			if d.IsZero() {
				h = "Undated"
			}
			t.items = append(t.items, tlItem{event: -1, heading: h})
		}
		if d.Month != 0 && int(d.Month) != month {
			month = int(d.Month)
			t.items = append(t.items, tlItem{event: -1, heading: "  " + d.Month.String()})
		}
		t.items = append(t.items, tlItem{event: i, mine: mine})
	}
	t.cursor, t.offset = -1, 0
	for j, it := range t.items {
		if it.event < 0 {
			continue
		}
		if it.event == at || t.cursor < 0 || it.mine && !t.items[t.cursor].mine {
			t.cursor = j
		}
		if it.event == at {
			break
		}
	}
	t.move(0)
}

// Focus is called when the view opens; it takes no input of its own.
func (t *timeline) Focus() tea.Cmd { return nil }

// Blur is called when the view closes.
func (t *timeline) Blur() {}

// SetSize sets the size the view draws in, and keeps the cursor in view.
func (t *timeline) SetSize(w, h int) {
	t.width, t.height = w, h
	t.move(0)
}

// listHeight is the number of lines the list of events gets: the rest
// goes to the title, the event in full and the position line.
func (t timeline) listHeight() int { return max(t.height-2-t.detailHeight(), 1) }

func (t timeline) detailHeight() int { return detailHeight(t.height) }

// itemHeight is the lines item j takes.
func (t timeline) itemHeight(j int) int {
	if t.items[j].event < 0 {
		return 1
	}
	return 2
}

// move moves the cursor by d events, stopping at the ends, and scrolls
// so that it is shown.
func (t *timeline) move(d int) {
	if t.cursor < 0 {
		return
	}
	step := 1
	if d < 0 {
		step, d = -1, -d
	}
	for ; d > 0; d-- {
		j := t.cursor + step
		for j >= 0 && j < len(t.items) && t.items[j].event < 0 {
			j += step
		}
		if j < 0 || j >= len(t.items) {
			break
		}
		t.cursor = j
	}
	// The headings above the first event show with it.
	if t.cursor < t.offset || t.offset > 0 && t.cursor == t.firstEvent() {
		t.offset = t.cursor
		for t.offset > 0 && t.items[t.offset-1].event < 0 {
			t.offset--
		}
	}
	for t.offset < t.cursor && t.linesBetween(t.offset, t.cursor+1) > t.listHeight() {
		t.offset++
	}
}

func (t timeline) firstEvent() int {
	return slices.IndexFunc(t.items, func(it tlItem) bool { return it.event >= 0 })
}

func (t timeline) linesBetween(from, to int) int {
	n := 0
	for j := from; j < to; j++ {
		n += t.itemHeight(j)
	}
	return n
}

// event returns the event under the cursor, or -1.
func (t timeline) event() int {
	if t.cursor < 0 {
		return -1
	}
	return t.items[t.cursor].event
}

// Update handles the keys and the mouse wheel of the view.
func (t timeline) Update(msg tea.Msg) (timeline, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelUp:
			t.move(-wheelLines)
		case tea.MouseWheelDown:
			t.move(wheelLines)
		}
	case tea.KeyPressMsg:
		k, page := t.keys, max(t.listHeight()/2, 1)
		switch {
		case key.Matches(msg, k.Close):
			return t, func() tea.Msg { return viewCloseMsg{} }
		case key.Matches(msg, k.Open):
			if ev := t.event(); ev >= 0 {
				return t, func() tea.Msg { return timelineOpenMsg{event: ev} }
			}
		case key.Matches(msg, k.Filter):
			t.show(t.topic, !t.only, t.event())
		case key.Matches(msg, k.Up):
			t.move(-1)
		case key.Matches(msg, k.Down):
			t.move(1)
		case key.Matches(msg, k.PageUp, k.HalfUp):
			t.move(-page)
		case key.Matches(msg, k.PageDown, k.HalfDown, k.ReadOn):
			t.move(page)
		case key.Matches(msg, k.Top):
			t.move(-len(t.items))
		case key.Matches(msg, k.Bottom):
			t.move(len(t.items))
		}
	}
	return t, nil
}

// dateWidth fits "28 Dec 2025".
const dateWidth = 11

// View draws exactly height lines: a title, the events, the event under
// the cursor in full, and its position.
func (t timeline) View() string {
	w, st := t.width, t.st
	if w <= 0 || t.height <= 0 {
		return ""
	}
	events, mine := 0, 0
	for _, it := range t.items {
		if it.event >= 0 {
			events++
		}
	}
	for _, ev := range t.b.Timeline {
		if slices.Contains(ev.Topics, t.topic) {
			mine++
		}
	}
	head := fmt.Sprintf("Timeline · %d %s", events, plural(events, "event", "events"))
	switch {
	case t.only:
		head += " of this topic · f shows all"
	case mine > 0:
		head += fmt.Sprintf(" · ● %d of this topic", mine)
	}
	lines := []string{st.overlayTitle.Render(" " + head)}
	if events == 0 {
		lines = append(lines, st.placeholder.Render("  No events on the timeline."))
	}
	room := t.listHeight()
	for j := t.offset; j < len(t.items) && room > 0; j++ {
		lines = append(lines, t.itemLines(j, w)...)
		room -= t.itemHeight(j)
	}
	lines = lines[:min(len(lines), 1+t.listHeight())]
	for len(lines) < 1+t.listHeight() {
		lines = append(lines, "")
	}
	lines = append(lines, t.detail(w)...)
	pos := ""
	if ev := t.event(); ev >= 0 {
		n := 0
		for j := 0; j <= t.cursor; j++ {
			if t.items[j].event >= 0 {
				n++
			}
		}
		pos = fmt.Sprintf(" %d/%d", n, events)
	}
	lines = append(lines, st.footerInfo.Render(pos))
	return strings.Join(fit(lines, w, t.height), "\n")
}

// itemLines draws item j: a heading, or an event on two lines, its date
// and text, then its topics and citations.
func (t timeline) itemLines(j, w int) []string {
	it, st := t.items[j], t.st
	if it.event < 0 {
		return []string{st.listCurrent.Render(" " + it.heading)}
	}
	ev := t.b.Timeline[it.event]
	mark, dot := "  ", "  "
	if j == t.cursor {
		mark = "› "
	}
	if it.mine {
		dot = "● "
	}
	date := pad(ev.Date.Short(), dateWidth) + "  "
	lead := mark + dot
	textW := max(w-ansi.StringWidth(lead)-dateWidth-2, 1)
	text := ansi.Truncate(t.text(it.event), textW, "…")
	first := lead + st.listNumber.Render(date) + text
	if j == t.cursor {
		first = lead + st.listCursor.Render(date+text)
	} else if it.mine {
		first = lead + st.listCurrent.Render(date) + text
	}
	second := strings.Repeat(" ", ansi.StringWidth(lead)+dateWidth+2) +
		st.listNumber.Render(ansi.Truncate(t.where(ev), textW, "…"))
	return []string{first, second}
}

// where lists an event's topics and its citations, numbered as
// everywhere.
func (t timeline) where(ev briefing.Event) string {
	var parts []string
	for _, id := range ev.Topics {
		if title, ok := t.titles[id]; ok {
			parts = append(parts, title)
		} else {
			parts = append(parts, cleanLine(id)+" (no such topic)")
		}
	}
	if len(ev.Sources) > 0 {
		parts = append(parts, "["+briefing.Marker(briefing.Citation{Keys: ev.Sources}, t.num)+"]")
	}
	if len(parts) == 0 {
		return "no topic"
	}
	return cleanLine(strings.Join(parts, " · "))
}

// detail is the event under the cursor in full, wrapped, in
// detailHeight lines.
func (t timeline) detail(w int) []string {
	ev := t.event()
	if ev < 0 {
		return make([]string, t.detailHeight())
	}
	return detailLines(*t.st, t.b.Timeline[ev].Date.Long()+": "+t.text(ev), w, t.detailHeight())
}

// detailHeight is the height of a view's pane that shows the item under
// the cursor in full, for a view h lines high.
func detailHeight(h int) int { return min(max(h/4, 2), 6) }

// detailLines shows text, one line of plain text made safe, in full
// under a divider: wrapped, cut with "…" past h lines.
func detailLines(st styles, text string, w, h int) []string {
	wrapped := strings.Split(ansi.Wrap(text, max(w-4, 1), ""), "\n")
	if len(wrapped) > h-1 {
		wrapped = wrapped[:h-1]
		wrapped[h-2] = ansi.Truncate(wrapped[h-2], max(w-5, 1), "") + "…"
	}
	out := []string{st.divider.Render(strings.Repeat("─", w))}
	for _, l := range wrapped {
		out = append(out, "  "+l)
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out
}
