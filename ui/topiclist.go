package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// topicList is the numbered list of topics. current is the topic being
// read; cursor is where the list's selection is while it has focus.
type topicList struct {
	titles []string
	// states marks each topic read or updated, nil when no reading
	// state is kept: then the list has no column for the marks.
	states          []topicState
	current, cursor int
	offset          int
	width, height   int
	focused         bool
	st              styles
}

// topicState is what the reading state says of a topic.
type topicState uint8

const (
	topicUnread topicState = iota
	topicRead
	// topicUpdated is a topic changed since it was read.
	topicUpdated
)

// Marks of the topics read and updated, at the right end of their rows;
// an unread topic has none, as everything in a briefing is new the first
// time, and the list has no column for them until a topic is read.
const readMark, updatedMark = "✓", "•"

func newTopicList(titles []string, st styles) topicList {
	return topicList{titles: titles, st: st}
}

// SetSize sets the list's size and keeps the cursor in view.
func (l *topicList) SetSize(w, h int) {
	l.width, l.height = max(w, 0), max(h, 0)
	l.scrollTo(l.cursor)
}

// Focus gives the list the keys, starting from the current topic.
func (l *topicList) Focus() {
	l.focused = true
	l.cursor = l.current
	l.scrollTo(l.cursor)
}

// Blur gives the keys back to the reader.
func (l *topicList) Blur() { l.focused = false }

// setCurrent marks topic i as the one being read.
func (l *topicList) setCurrent(i int) {
	l.current, l.cursor = i, i
	l.scrollTo(i)
}

// move moves the cursor by d rows, stopping at the ends.
func (l *topicList) move(d int) {
	if len(l.titles) == 0 {
		return
	}
	l.cursor = min(max(l.cursor+d, 0), len(l.titles)-1)
	l.scrollTo(l.cursor)
}

// scroll moves the visible rows by d without moving the cursor.
func (l *topicList) scroll(d int) {
	l.offset = min(max(l.offset+d, 0), max(len(l.titles)-l.height, 0))
}

func (l *topicList) scrollTo(i int) {
	if l.height <= 0 {
		return
	}
	if i < l.offset {
		l.offset = i
	}
	if i >= l.offset+l.height {
		l.offset = i - l.height + 1
	}
	l.offset = min(max(l.offset, 0), max(len(l.titles)-l.height, 0))
}

// indexAt returns the topic shown on row y of the list, if any.
func (l topicList) indexAt(y int) (int, bool) {
	i := l.offset + y
	if y < 0 || y >= l.height || i >= len(l.titles) {
		return 0, false
	}
	return i, true
}

// markWidth is the width of the column of marks at the rows' right end.
func (l topicList) markWidth() int {
	if l.states == nil {
		return 0
	}
	return 2
}

// cuts reports whether the list shows topic i's title cut short.
func (l topicList) cuts(i int) bool {
	numW := len(fmt.Sprint(len(l.titles))) + 2
	return i >= 0 && i < len(l.titles) && ansi.StringWidth(l.titles[i]) > max(l.width-numW-1-l.markWidth(), 0)
}

// stateMark is topic i's mark, " " for none.
func (l topicList) stateMark(i int) string {
	switch l.states[i] {
	case topicRead:
		return readMark
	case topicUpdated:
		return updatedMark
	}
	return " "
}

// stateStyle is the style of topic i's mark in a row of its own style.
func (l topicList) stateStyle(i int) lipgloss.Style {
	if l.states[i] == topicUpdated {
		return l.st.listCurrent
	}
	return l.st.listNumber
}

// View draws exactly height rows of exactly width cells.
func (l topicList) View() string {
	if l.width <= 0 || l.height <= 0 {
		return ""
	}
	digits := len(fmt.Sprint(len(l.titles)))
	rows := make([]string, 0, l.height)
	for i := l.offset; i < len(l.titles) && len(rows) < l.height; i++ {
		mark := " "
		switch {
		case i == l.current:
			mark = "▸"
		case l.focused && i == l.cursor:
			mark = "›" // visible without colour too
		}
		num := fmt.Sprintf("%s%*d ", mark, digits, i+1)
		numW := ansi.StringWidth(num)
		markW := l.markWidth()
		title := ansi.Truncate(l.titles[i], max(l.width-numW-1-markW, 0), "…")
		row := pad(ansi.Truncate(num, l.width, "")+title, max(l.width-markW, 0))
		switch {
		case l.focused && i == l.cursor:
			row = l.st.listCursor.Render(row)
		case i == l.current:
			row = l.st.listCurrent.Render(row)
		default:
			row = l.st.listNumber.Render(ansi.Truncate(num, l.width, "")) +
				l.st.listItem.Render(pad(title, max(l.width-numW-markW, 0)))
		}
		if markW > 0 && l.width > markW {
			row += l.stateStyle(i).Render(l.stateMark(i)) + " "
		}
		row = ansi.Truncate(row, l.width, "")
		rows = append(rows, row)
	}
	for len(rows) < l.height {
		rows = append(rows, strings.Repeat(" ", l.width))
	}
	return strings.Join(rows, "\n")
}

// pad pads s with spaces to w cells; it does not cut.
func pad(s string, w int) string {
	if n := ansi.StringWidth(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}
