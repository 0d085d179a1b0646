package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// wheelLines is how far one step of the mouse wheel scrolls.
const wheelLines = 3

func (m Model) handleKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	m.notice = "" // a key press acknowledges the notice
	k := m.keys
	// ctrl+c quits from every mode; q only where it is not typed.
	if msg.String() == "ctrl+c" {
		m.stop()
		return m, tea.Quit
	}
	switch m.focus {
	case focusSearch:
		return m.searchKey(msg)
	case focusResults:
		return m.resultsKey(msg)
	case focusFinder:
		return m.finderKey(msg)
	case focusCard:
		return m.cardKey(msg)
	case focusPeople:
		if m.people.typing() {
			return m.viewKey(msg)
		}
	}
	switch {
	case key.Matches(msg, k.Quit):
		m.stop()
		return m, tea.Quit
	case m.showHelp:
		return m.helpKey(msg), nil
	case key.Matches(msg, k.Help):
		m.showHelp, m.helpOffset = true, 0
		return m, nil
	case m.inView():
		return m.viewKey(msg)
	case key.Matches(msg, k.Bookmarks):
		return m.openBookmarks()
	case m.focus == focusText && key.Matches(msg, k.Bookmark):
		return m.toggleBookmark()
	case m.focus == focusText && key.Matches(msg, k.NextChange):
		return m.nextChange()
	case key.Matches(msg, k.Timeline):
		return m.openTimeline(-1)
	case key.Matches(msg, k.People):
		return m.openPeople()
	case key.Matches(msg, k.Sources):
		return m.openSources()
	case key.Matches(msg, k.Topics):
		if m.focus == focusList {
			m.setFocus(focusText)
		} else {
			m.setFocus(focusList)
		}
		return m, nil
	case key.Matches(msg, k.About):
		return m.toggleAbout()
	case m.about && m.focus == focusText && key.Matches(msg, k.Close):
		return m.showAbout(false)
	case m.views.back != focusText && m.focus == focusText && !m.cite.on && key.Matches(msg, k.Close):
		return m.viewBack()
	case m.focus == focusText && key.Matches(msg, k.Library):
		return m, func() tea.Msg { return backMsg{} }
	case key.Matches(msg, k.Next):
		return m.open(m.current + 1)
	case key.Matches(msg, k.Prev):
		return m.open(m.current - 1)
	case key.Matches(msg, k.Jump):
		return m.open(int(msg.Code - '1'))
	case key.Matches(msg, k.Search):
		return m.openSearch()
	case key.Matches(msg, k.Finder):
		return m.openFinder()
	case m.focus == focusText && key.Matches(msg, k.ReadOn):
		return m.readOn()
	case m.focus == focusText && (key.Matches(msg, k.NextCite, k.PrevCite, k.Card, k.Copy, k.CopyTopic, k.Dim) ||
		m.cite.on && key.Matches(msg, k.Close)):
		return m.citeKey(msg)
	case key.Matches(msg, k.NextMatch):
		return m.step(1)
	case key.Matches(msg, k.PrevMatch):
		return m.step(-1)
	}
	if m.focus == focusList {
		return m.listKey(msg)
	}
	m.textKey(msg)
	return m, nil
}

// helpKey handles a key while the help overlay is shown: it scrolls the
// help if the help does not fit, and closes it.
func (m Model) helpKey(msg tea.KeyPressMsg) Model {
	k := m.keys
	switch {
	case key.Matches(msg, k.Help, k.Close):
		m.showHelp = false
	case key.Matches(msg, k.Up, k.PageUp, k.HalfUp, k.Top):
		m.helpOffset = max(m.helpOffset-max(m.bodyHeight()-2, 1), 0)
	case key.Matches(msg, k.Down, k.PageDown, k.ReadOn, k.HalfDown, k.Bottom):
		lines := len(m.helpLines(max(m.width-4, 1)))
		m.helpOffset = min(m.helpOffset+max(m.bodyHeight()-2, 1), max(lines-(m.bodyHeight()-2), 0))
	}
	return m
}

// listKey handles a key while the topic list has focus.
func (m Model) listKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Close):
		m.setFocus(focusText)
	case key.Matches(msg, k.Open):
		i := m.list.cursor
		m.setFocus(focusText)
		return m.open(i)
	case key.Matches(msg, k.Up):
		m.list.move(-1)
	case key.Matches(msg, k.Down):
		m.list.move(1)
	case key.Matches(msg, k.PageUp, k.HalfUp):
		m.list.move(-max(m.list.height, 1))
	case key.Matches(msg, k.PageDown, k.ReadOn, k.HalfDown):
		m.list.move(max(m.list.height, 1))
	case key.Matches(msg, k.Top):
		m.list.move(-len(m.b.Topics))
	case key.Matches(msg, k.Bottom):
		m.list.move(len(m.b.Topics))
	}
	return m, nil
}

// textKey scrolls the text.
func (m *Model) textKey(msg tea.KeyPressMsg) {
	k, vp := m.keys, &m.reader.vp
	switch {
	case key.Matches(msg, k.Up):
		vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		vp.ScrollDown(1)
	case key.Matches(msg, k.HalfUp):
		vp.HalfPageUp()
	case key.Matches(msg, k.HalfDown):
		vp.HalfPageDown()
	case key.Matches(msg, k.PageUp):
		vp.PageUp()
	case key.Matches(msg, k.PageDown):
		vp.PageDown()
	case key.Matches(msg, k.Top):
		vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		vp.GotoBottom()
	}
}

// readOn pages down; at the end of a topic it goes on to the next one, as
// a pager reading a book does, and the summary leads to the first topic.
func (m Model) readOn() (Model, tea.Cmd) {
	if !m.reader.vp.AtBottom() {
		m.reader.vp.PageDown()
		return m, nil
	}
	switch {
	case m.about && len(m.b.Topics) > 0:
		return m.open(0)
	case !m.about && m.current+1 < len(m.b.Topics):
		return m.open(m.current + 1)
	}
	m.notice = "End of the briefing"
	return m, nil
}

// wheel scrolls the list or the text, whichever is under the pointer.
func (m Model) wheel(ms tea.Mouse) Model {
	d := 0
	switch ms.Button {
	case tea.MouseWheelUp:
		d = -wheelLines
	case tea.MouseWheelDown:
		d = wheelLines
	default:
		return m
	}
	if _, _, ok := m.listAt(ms.X, ms.Y); ok {
		m.list.scroll(d)
		return m
	}
	if m.showHelp || m.focus == focusList && !m.wide() {
		return m
	}
	switch m.focus {
	case focusResults:
		m.results.rows.move(d)
		return m
	case focusFinder:
		m.finder.list.rows.move(d)
		return m
	case focusCard:
		m.card, _ = m.card.Update(tea.MouseWheelMsg(ms))
		return m
	}
	if d < 0 {
		m.reader.vp.ScrollUp(-d)
	} else {
		m.reader.vp.ScrollDown(d)
	}
	return m
}

// click opens the topic clicked in the list.
func (m Model) click(ms tea.Mouse) (Model, tea.Cmd) {
	if ms.Button != tea.MouseLeft || m.showHelp {
		return m, nil
	}
	_, y, ok := m.listAt(ms.X, ms.Y)
	if !ok {
		return m, nil
	}
	i, ok := m.list.indexAt(y)
	if !ok {
		return m, nil
	}
	m.notice = ""
	if m.focus == focusList {
		m.setFocus(focusText)
	}
	return m.open(i)
}

// listAt maps a screen cell to a cell of the topic list, if the list is
// shown there.
func (m Model) listAt(x, y int) (lx, ly int, ok bool) {
	var left, top int
	switch {
	case m.showHelp, m.focus == focusResults, m.focus == focusFinder, m.focus == focusCard, m.inView():
		return 0, 0, false
	case m.wide():
		left, top = 0, 1
	case m.focus == focusList:
		left, top = 1, 2 // inside the overlay's border
	default:
		return 0, 0, false
	}
	lx, ly = x-left, y-top
	if lx < 0 || ly < 0 || lx >= m.list.width || ly >= m.list.height {
		return 0, 0, false
	}
	return lx, ly, true
}
