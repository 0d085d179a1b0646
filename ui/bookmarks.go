package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"brief/briefing"
	"brief/internal/state"
)

// bookmarks is the bookmarks view: the places the reader marked, across
// the briefing and in its order, each with its topic and its line.
type bookmarks struct {
	keys keyMap
	// st is shared, not copied: the root model is copied on every update.
	st *styles
	// marks are the bookmarks in briefing order; topics their topics'
	// indexes (-1 for a topic no longer in the briefing), and titles
	// and labels their lines, made safe.
	marks         []state.Bookmark
	topics        []int
	titles        []string
	labels        []string
	rows          rows // over marks, two lines each
	width, height int
}

// bookmarkOpenMsg asks the root to open a bookmark's topic at its place.
type bookmarkOpenMsg struct {
	mark  state.Bookmark
	topic int
}

// bookmarkDropMsg asks the root to remove a bookmark.
type bookmarkDropMsg struct{ mark state.Bookmark }

// show lists marks; topic maps a topic id to its index and title. The
// cursor stays on the row it was on, or the last one.
func (v *bookmarks) show(marks []state.Bookmark, topic func(id string) (int, string, bool)) {
	v.marks = slices.Clone(marks)
	order := func(b state.Bookmark) int {
		if i, _, ok := topic(b.Topic); ok {
			return i
		}
		return int(^uint(0) >> 1) // gone: last
	}
	slices.SortStableFunc(v.marks, func(a, b state.Bookmark) int {
		return cmp.Or(cmp.Compare(order(a), order(b)), cmp.Compare(a.Place.Offset, b.Place.Offset))
	})
	v.topics, v.titles, v.labels = v.topics[:0], v.titles[:0], v.labels[:0]
	for _, b := range v.marks {
		i, title, ok := topic(b.Topic)
		if !ok {
			i, title = -1, cleanLine(b.Topic)+" (no longer in the briefing)"
		}
		label := cleanLine(b.Label)
		if label == "" {
			label = cleanLine(b.Place.Anchor)
		}
		v.topics, v.titles, v.labels = append(v.topics, i), append(v.titles, title), append(v.labels, label)
	}
	v.rows.n = len(v.marks)
	v.rows.move(0)
}

// Focus is called when the view opens; it takes no input of its own.
func (v *bookmarks) Focus() tea.Cmd { return nil }

// Blur is called when the view closes.
func (v *bookmarks) Blur() {}

// SetSize sets the size the view draws in, and keeps the cursor in view.
func (v *bookmarks) SetSize(w, h int) {
	v.width, v.height = w, h
	v.rows.height = max((h-2)/2, 1)
	v.rows.move(0)
}

// Update handles the keys and the mouse wheel of the view.
func (v bookmarks) Update(msg tea.Msg) (bookmarks, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		v.rows.wheel(msg.Mouse())
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, v.keys.Close):
			return v, func() tea.Msg { return viewCloseMsg{} }
		case key.Matches(msg, v.keys.Open) && len(v.marks) > 0:
			b, i := v.marks[v.rows.cursor], v.topics[v.rows.cursor]
			return v, func() tea.Msg { return bookmarkOpenMsg{mark: b, topic: i} }
		case key.Matches(msg, v.keys.Unmark) && len(v.marks) > 0:
			b := v.marks[v.rows.cursor]
			return v, func() tea.Msg { return bookmarkDropMsg{mark: b} }
		case key.Matches(msg, v.keys.ReadOn):
			v.rows.move(max(v.rows.height-1, 1))
		default:
			v.rows.key(v.keys, msg, true)
		}
	}
	return v, nil
}

// View draws exactly height lines.
func (v bookmarks) View() string {
	if v.width <= 0 || v.height <= 0 {
		return ""
	}
	w, st := v.width, v.st
	n := len(v.marks)
	lines := []string{st.overlayTitle.Render(fmt.Sprintf(" Bookmarks · %d", n))}
	if n == 0 {
		lines = append(lines, st.placeholder.Render("  No bookmarks yet: m marks the place you are reading."))
	}
	textW := max(w-4, 1)
	for j := v.rows.offset; j < n && j < v.rows.offset+v.rows.height; j++ {
		mark, title := "  ", ansi.Truncate(v.titles[j], textW, "…")
		switch {
		case j == v.rows.cursor:
			mark, title = "› ", st.listCursor.Render(title)
		case v.topics[j] < 0:
			title = st.placeholder.Render(title)
		default:
			title = st.listCurrent.Render(title)
		}
		lines = append(lines, mark+title, "    "+ansi.Truncate(v.labels[j], textW, "…"))
	}
	lines = lines[:min(len(lines), max(v.height-1, 1))]
	for len(lines) < v.height-1 {
		lines = append(lines, "")
	}
	pos := ""
	if n > 0 {
		pos = fmt.Sprintf(" %d/%d", v.rows.cursor+1, n)
	}
	lines = append(lines, st.footerInfo.Render(pos))
	return strings.Join(fit(lines, w, v.height), "\n")
}

// openBookmarks opens the bookmarks view.
func (m Model) openBookmarks() (Model, tea.Cmd) {
	m.bookmarks.keys, m.bookmarks.st = m.keys, m.sharedStyles()
	m.bookmarks.SetSize(m.width, m.bodyHeight())
	m.bookmarks.show(m.rec.Bookmarks, m.topicNamed)
	m.setFocus(focusBookmarks)
	return m, m.bookmarks.Focus()
}

// topicNamed returns the index and title of the topic with id id.
func (m Model) topicNamed(id string) (int, string, bool) {
	i, ok := m.topicIdx[id]
	if !ok {
		return -1, "", false
	}
	return i, m.titles[i], true
}

// toggleBookmark bookmarks the place at the top of the text, or removes
// the bookmark that is there.
func (m Model) toggleBookmark() (Model, tea.Cmd) {
	id, p := m.placeHere()
	if id == "" {
		m.notice = "Bookmarks mark a place in a topic: open one first"
		return m, nil
	}
	b := state.Bookmark{Topic: id, Place: p, Label: m.bookmarkLabel(m.current, p)}
	var added bool
	cmd := m.updateRecord(func(r state.Record) state.Record {
		r, added = r.ToggleBookmark(b)
		return r
	})
	if added {
		m.notice = "Bookmarked “" + ansi.Truncate(cleanLine(b.Label), 30, "…") + "” · ' lists them"
	} else {
		m.notice = "Bookmark removed"
	}
	if m.ident == "" {
		m.notice += "; reading state is not kept, so it lasts until you quit"
	}
	return m, cmd
}

// bookmarkLabel is the line a bookmark at p in topic i is listed with:
// the first words of the paragraph or list item there, as plain text.
func (m Model) bookmarkLabel(i int, p state.Position) string {
	body := m.b.Topics[i].Body
	blocks := briefing.Blocks(body)
	k := slices.IndexFunc(blocks, func(b briefing.Block) bool { return p.Offset < b.End })
	if k < 0 {
		return ""
	}
	words := strings.Fields(cleanLine(briefing.PlainCited(body[blocks[k].Start:blocks[k].End], m.b.SourceNumbers())))
	label := ""
	for _, w := range words {
		if label != "" && ansi.StringWidth(label)+1+ansi.StringWidth(w) > labelWidth {
			return label + " …"
		}
		label = strings.TrimSpace(label + " " + w)
	}
	return label
}

// labelWidth is the most cells of a paragraph's words a bookmark keeps.
const labelWidth = 60

// bookmarksMsg handles what the bookmarks view asks of the root.
func (m Model) bookmarksMsg(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case bookmarkOpenMsg:
		if msg.topic < 0 {
			m.notice = "That topic is no longer in the briefing: x removes the bookmark"
			return m, nil
		}
		m.setFocus(focusText)
		m.views.back, m.views.passage = focusBookmarks, passage{}
		m.reader.mark = highlights{}
		return m.goToPlace(msg.topic, msg.mark.Place)
	case bookmarkDropMsg:
		cmd := m.updateRecord(func(r state.Record) state.Record {
			r, _ = r.ToggleBookmark(msg.mark)
			return r
		})
		m.bookmarks.show(m.rec.Bookmarks, m.topicNamed)
		m.notice = "Bookmark removed"
		return m, cmd
	}
	return m, nil
}
