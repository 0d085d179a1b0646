package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"brief/internal/render"
	"brief/internal/search"
)

// rows is a cursor over n rows of which height show at a time; only those
// are drawn, so a list of thousands costs no more than a screenful.
type rows struct {
	n, cursor, offset, height int
}

func (r *rows) move(d int) {
	r.cursor = min(max(r.cursor+d, 0), max(r.n-1, 0))
	if r.cursor < r.offset {
		r.offset = r.cursor
	}
	if r.height > 0 && r.cursor >= r.offset+r.height {
		r.offset = r.cursor - r.height + 1
	}
}

// wheel moves the cursor for a turn of the mouse wheel.
func (r *rows) wheel(ms tea.Mouse) {
	switch ms.Button {
	case tea.MouseWheelUp:
		r.move(-wheelLines)
	case tea.MouseWheelDown:
		r.move(wheelLines)
	}
}

// key moves the cursor for a key of the list; it reports whether the key
// was one.
func (r *rows) key(k keyMap, msg tea.KeyPressMsg, letters bool) bool {
	page := max(r.height-1, 1)
	switch {
	case msg.String() == "up", letters && key.Matches(msg, k.Up):
		r.move(-1)
	case msg.String() == "down", letters && key.Matches(msg, k.Down):
		r.move(1)
	case msg.String() == "pgup", letters && key.Matches(msg, k.PageUp, k.HalfUp):
		r.move(-page)
	case msg.String() == "pgdown", letters && key.Matches(msg, k.PageDown, k.HalfDown):
		r.move(page)
	case msg.String() == "home", letters && key.Matches(msg, k.Top):
		r.move(-r.n)
	case msg.String() == "end", letters && key.Matches(msg, k.Bottom):
		r.move(r.n)
	default:
		return false
	}
	return true
}

// results lists every match of a search across the topics and the
// timeline.
type results struct {
	ix      *search.Index
	matches []search.Match
	titles  map[string]string
	head    string
	rows    rows
	width   int
	st      *styles // shared: the root model is copied on every update
}

func (r *results) SetSize(w, h int) {
	r.width, r.rows.height = w, max(h-2, 0)
	r.rows.move(0)
}

// openResults shows every match of the search line's query.
func (m Model) openResults() (Model, tea.Cmd) {
	if m.search.query.Empty() {
		return m, nil
	}
	m.keepSearch()
	if m.ix == nil {
		m.ix, m.indexing = search.NewIndex(m.b), false
	}
	titles := make(map[string]string, len(m.b.Topics))
	for i, t := range m.b.Topics {
		titles[t.ID] = m.titles[i]
	}
	ms := m.ix.Search(m.search.query)
	m.results = results{ix: m.ix, matches: ms, titles: titles, st: m.sharedStyles(), rows: rows{n: len(ms)},
		head: fmt.Sprintf("%d %s for “%s”", len(ms), plural(len(ms), "match", "matches"), cleanLine(m.search.query.Text()))}
	m.results.SetSize(m.width, m.bodyHeight())
	m.setFocus(focusResults)
	return m, nil
}

// resultsKey handles a key in the results list.
func (m Model) resultsKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		m.stop()
		return m, tea.Quit
	case key.Matches(msg, k.Close):
		// Back to where the search began, as the search line's esc.
		m.setFocus(focusText)
		return m.backToPlace()
	case key.Matches(msg, k.Open):
		if len(m.results.matches) == 0 {
			m.setFocus(focusText)
			return m, nil
		}
		return m.openMatch(m.results.matches[m.results.rows.cursor])
	default:
		m.results.rows.key(k, msg, true)
	}
	return m, nil
}

// openMatch opens the topic of a match, scrolled to it, as the current
// match.
func (m Model) openMatch(mt search.Match) (Model, tea.Cmd) {
	m.setFocus(focusText)
	if mt.Topic == "" {
		return m.openEvent(mt)
	}
	i, ok := m.topicIdx[mt.Topic]
	if !ok {
		return m, nil
	}
	m.search.land, m.search.nth, m.search.skipped, m.search.event = landNth, mt.N, 0, -1
	m.reader.hl.valid = false
	return m.open(i)
}

// openEvent shows a timeline match in the status line, as the reader has
// no timeline view, and opens the first topic the event belongs to.
func (m Model) openEvent(mt search.Match) (Model, tea.Cmd) {
	if mt.Event < 0 || mt.Event >= len(m.b.Timeline) {
		return m, nil
	}
	ev := m.b.Timeline[mt.Event]
	// n and N go on from this match.
	m.search.eventAt = m.shownTopic()
	m.search.event = slices.IndexFunc(m.timelineMatches(), func(o search.Match) bool {
		return o.Event == mt.Event && o.N == mt.N
	})
	notice := "Timeline, " + m.eventLine(mt)
	for _, id := range ev.Topics {
		if i, ok := m.topicIdx[id]; ok {
			m, cmd := m.open(i)
			m.search.eventAt = m.shownTopic()
			m.notice = notice
			return m, cmd
		}
	}
	m.notice = notice
	return m, nil
}

// View draws a title line, the visible rows and a position line.
func (r results) View() string {
	w := r.width
	lines := []string{r.st.overlayTitle.Render(" " + r.head)}
	tw := min(max(w/4, 12), 28)
	for i := r.rows.offset; i < len(r.matches) && i < r.rows.offset+r.rows.height; i++ {
		mt := r.matches[i]
		where := r.titles[mt.Topic]
		if mt.Topic == "" {
			where = "Timeline"
		}
		where = pad(ansi.Truncate(where, tw, "…"), tw)
		room := max(w-tw-4, 1)
		// A match in an excerpt, which the text hides, says so first.
		label := ""
		if ex, ok := r.ix.Excerpt(mt); ok {
			label = "excerpt " + render.Clean(ex.Marker) + ": "
		}
		snip, rg := r.ix.Snippet(mt, max(room-ansi.StringWidth(label), 1))
		snip = render.Clean(snip[:rg.Start]) + r.st.match.Render(render.Clean(snip[rg.Start:rg.End])) + render.Clean(snip[rg.End:])
		if label != "" {
			snip = r.st.listNumber.Render(label) + snip
		}
		row := ansi.Truncate(snip, room, "…")
		mark := "  "
		if i == r.rows.cursor {
			mark = "› "
			where = r.st.listCursor.Render(where)
		} else {
			where = r.st.listNumber.Render(where)
		}
		lines = append(lines, mark+where+"  "+row)
	}
	for len(lines) < r.rows.height+1 {
		lines = append(lines, "")
	}
	pos := ""
	if len(r.matches) > 0 {
		pos = fmt.Sprintf(" %d/%d", r.rows.cursor+1, len(r.matches))
	}
	lines = append(lines, r.st.footerInfo.Render(pos))
	return strings.Join(lines, "\n")
}
