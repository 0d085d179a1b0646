package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"brief/briefing"
)

// landing says which match to go to once a topic's text is on screen.
type landing int

const (
	landNone  landing = iota
	landNear          // the first at or below where the search began
	landFirst         // the topic's first match
	landLast          // its last
	landNth           // match number search.nth
)

// search is the state of the search line and of the search kept after it
// closes.
type search struct {
	input   textinput.Model
	query   briefing.Query
	counts  briefing.Counts
	counted bool
	// gen counts changes of the query, so that stale counts are dropped.
	gen int

	// history holds the searches kept this session, oldest first; hist is
	// the entry shown, len(history) for the line being typed (draft).
	history []string
	hist    int
	draft   string

	// placeTopic and placeOffset are where the reader was when the search
	// line opened, for esc.
	placeTopic, placeOffset int

	land landing
	nth  int
	dir  int // the direction of the walk that is landing: 1 or -1
	// skipped counts topics walked past because their text had no match
	// after all, so that a walk always ends.
	skipped int
}

func newSearch() search {
	in := textinput.New()
	in.Prompt = "/"
	st := in.Styles()
	st.Cursor.Blink = false
	in.SetStyles(st)
	return search{input: in}
}

// openSearch opens the search line, remembering the place to come back to.
func (m Model) openSearch() (Model, tea.Cmd) {
	s := &m.search
	s.placeTopic, s.placeOffset = m.current, m.reader.vp.YOffset()
	s.input.Reset()
	m.fitInput()
	s.hist, s.draft = len(s.history), ""
	s.query, s.counts, s.counted = briefing.Query{}, briefing.Counts{}, false
	s.gen++
	m.setFocus(focusSearch)
	return m, tea.Batch(s.input.Focus(), m.ensureIndex())
}

// ensureIndex starts building the search index unless it is there or on
// its way.
func (m *Model) ensureIndex() tea.Cmd {
	if m.ix != nil || m.indexing {
		return nil
	}
	m.indexing = true
	b := m.b
	return func() tea.Msg { return indexedMsg{ix: briefing.NewIndex(b)} }
}

func (m Model) indexed(msg indexedMsg) (Model, tea.Cmd) {
	m.ix, m.indexing = msg.ix, false
	return m, m.countCmd()
}

// countCmd counts the query across the briefing off the update loop.
func (m Model) countCmd() tea.Cmd {
	if m.ix == nil || m.search.query.Empty() {
		return nil
	}
	ix, q, gen := m.ix, m.search.query, m.search.gen
	return func() tea.Msg { return countedMsg{gen: gen, counts: ix.Count(q)} }
}

func (m Model) counted(msg countedMsg) Model {
	if msg.gen == m.search.gen {
		m.search.counts, m.search.counted = msg.counts, true
	}
	return m
}

// searchKey handles a key while the search line has focus: every key that
// is not the search line's own goes to the input.
func (m Model) searchKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k, s := m.keys, &m.search
	switch {
	case key.Matches(msg, k.Cancel):
		return m.cancelSearch()
	case key.Matches(msg, k.Keep):
		m.keepSearch()
		return m, nil
	case key.Matches(msg, k.Results):
		return m.openResults()
	case key.Matches(msg, k.History):
		if !m.browseHistory(msg.String() == "up") {
			return m, nil
		}
		return m, m.requery()
	}
	before := s.input.Value()
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	if s.input.Value() == before {
		return m, cmd
	}
	m.fitInput()
	s.hist = len(s.history)
	return m, tea.Batch(cmd, m.requery())
}

// requery compiles the line's text, counts it, and goes to the first match
// in the topic from where the search began.
func (m *Model) requery() tea.Cmd {
	s := &m.search
	s.query = briefing.Compile(s.input.Value(), m.b.Actors)
	s.gen++
	s.counted = false
	s.land, s.skipped = landNear, 0
	m.reader.hl.valid = false
	if m.ix == nil {
		return m.ensureIndex()
	}
	return m.countCmd()
}

// browseHistory shows the previous (up) or next search of the history; it
// reports whether the line changed.
func (m *Model) browseHistory(up bool) bool {
	s := &m.search
	switch {
	case up && s.hist > 0:
		if s.hist == len(s.history) {
			s.draft = s.input.Value()
		}
		s.hist--
		s.input.SetValue(s.history[s.hist])
	case !up && s.hist < len(s.history):
		s.hist++
		if s.hist == len(s.history) {
			s.input.SetValue(s.draft)
		} else {
			s.input.SetValue(s.history[s.hist])
		}
	default:
		return false
	}
	s.input.CursorEnd()
	m.fitInput()
	return true
}

// fitInput makes the search line's input as wide as its text, so the
// counts stand next to it.
func (m *Model) fitInput() {
	w := ansi.StringWidth(m.search.input.Value()) + 1
	m.search.input.SetWidth(min(max(w, 8), max(m.width/2, 8)))
}

// keepSearch closes the search line and keeps the search for n and N.
func (m *Model) keepSearch() {
	s := &m.search
	s.input.Blur()
	if v := s.input.Value(); strings.TrimSpace(v) != "" {
		if n := len(s.history); n == 0 || s.history[n-1] != v {
			s.history = append(s.history, v)
		}
	}
	m.setFocus(focusText)
}

// cancelSearch closes the search line, forgets the search and goes back
// to where the reader was.
func (m Model) cancelSearch() (Model, tea.Cmd) {
	s := &m.search
	s.input.Blur()
	s.query, s.land = briefing.Query{}, landNone
	s.gen++
	m.setFocus(focusText)
	var cmd tea.Cmd
	if m.current != s.placeTopic {
		m, cmd = m.open(s.placeTopic)
	}
	m.reader.vp.SetYOffset(s.placeOffset)
	return m, cmd
}

// syncSearch finds the query's matches in the text on screen when the text
// or the query changed, and goes to the match a landing waits for.
func (m Model) syncSearch() (Model, tea.Cmd) {
	s, r := &m.search, &m.reader
	if s.query.Empty() {
		if r.hl.valid || len(r.hl.spans) > 0 {
			r.hl = highlights{}
		}
		return m, nil
	}
	if !r.hasText {
		return m, nil
	}
	hl := &r.hl
	if !hl.valid || hl.key != r.shown || hl.rendered != r.rendered || hl.version != r.version || hl.query != s.query.Text() {
		same := hl.valid && hl.key.topic == r.shown.topic && hl.query == s.query.Text()
		cur := hl.cur
		spans, first := findSpans(r.plainText(), s.query)
		*hl = highlights{key: r.shown, rendered: r.rendered, version: r.version, query: s.query.Text(), valid: true,
			spans: spans, first: first, cur: -1, on: m.st.match, current: m.st.matchCurrent}
		if same && cur < len(first) {
			hl.cur = cur
		}
	}
	hl.on, hl.current = m.st.match, m.st.matchCurrent
	// Land only on rendered text: the plain text standing in for it
	// wraps differently. A long topic shown a piece at a time lands once
	// the piece with the match is rendered.
	if s.land == landNone || !r.rendered && r.segs == nil {
		return m, nil
	}
	n := hl.count()
	if n == 0 {
		if s.land == landNear {
			s.land = landNone
			return m, nil
		}
		// The index found a match the rendered text does not show (in a
		// link's address, say): walk on.
		s.skipped++
		if s.skipped > len(m.b.Topics) {
			s.land = landNone
			return m, nil
		}
		return m.stepTopic(s.dir)
	}
	switch s.land {
	case landNear:
		hl.cur = 0
		if m.current == s.placeTopic {
			for i, l := range hl.first {
				if l >= s.placeOffset {
					hl.cur = i
					break
				}
			}
		}
	case landFirst:
		hl.cur = 0
	case landLast:
		hl.cur = n - 1
	case landNth:
		hl.cur = min(max(s.nth, 0), n-1)
	}
	line := hl.first[hl.cur]
	r.reveal(line)
	if r.segs != nil && !r.segs[r.pieceAtLine(line)].rendered {
		// Its piece is rendered next, being the one on screen now;
		// land again when it arrives.
		return m, nil
	}
	s.land = landNone
	return m, nil
}

// step goes to the next (dir 1) or previous (dir -1) match, into the
// following or preceding topic with a match, wrapping at the ends.
func (m Model) step(dir int) (Model, tea.Cmd) {
	s, hl := &m.search, &m.reader.hl
	s.skipped = 0
	if m.ix == nil {
		m.ix = briefing.NewIndex(m.b)
	}
	if !s.counted {
		m.search.counts, m.search.counted = m.ix.Count(s.query), true
	}
	if hl.valid && hl.count() > 0 {
		next := hl.cur + dir
		if hl.cur < 0 {
			next = m.nearestMatch(dir)
		}
		if next >= 0 && next < hl.count() {
			hl.cur = next
			m.reader.reveal(hl.first[next])
			return m, nil
		}
	}
	return m.stepTopic(dir)
}

// nearestMatch is the first match below the top of the pane (dir 1) or
// the last above its bottom (dir -1), when no match is current.
func (m Model) nearestMatch(dir int) int {
	hl, off := m.reader.hl, m.reader.vp.YOffset()
	if dir > 0 {
		for i, l := range hl.first {
			if l >= off {
				return i
			}
		}
		return hl.count()
	}
	for i := hl.count() - 1; i >= 0; i-- {
		if hl.first[i] < off+m.reader.vp.Height() {
			return i
		}
	}
	return -1
}

// stepTopic opens the next topic in direction dir that has a match, and
// lands on its first (or last) match once it is rendered.
func (m Model) stepTopic(dir int) (Model, tea.Cmd) {
	s, nt := &m.search, len(m.b.Topics)
	if s.counts.Total == 0 || len(s.counts.ByTopic) == 0 {
		m.notice = "No match in the topics for “" + cleanLine(s.query.Text()) + "”"
		return m, nil
	}
	for d := 1; d <= nt; d++ {
		i := ((m.current+dir*d)%nt + nt) % nt
		if s.counts.ByTopic[m.b.Topics[i].ID] == 0 {
			continue
		}
		wrapped := dir > 0 && i <= m.current || dir < 0 && i >= m.current
		if wrapped {
			if dir > 0 {
				m.notice = "Search wrapped to the first topic"
			} else {
				m.notice = "Search wrapped to the last topic"
			}
		}
		s.land, s.dir = landFirst, dir
		if dir < 0 {
			s.land = landLast
		}
		if i == m.current {
			m.reader.hl.valid = false // land again on this topic
			return m, nil
		}
		return m.open(i)
	}
	return m, nil
}

// paste puts pasted text in the search line or the finder, on one line.
func (m Model) paste(msg tea.PasteMsg) (Model, tea.Cmd) {
	msg.Content = cleanLine(msg.Content)
	var cmd tea.Cmd
	switch m.focus {
	case focusSearch:
		s := &m.search
		before := s.input.Value()
		s.input, cmd = s.input.Update(msg)
		if s.input.Value() != before {
			m.fitInput()
			cmd = tea.Batch(cmd, m.requery())
		}
	case focusFinder:
		m.finder.input, cmd = m.finder.input.Update(msg)
		m.finder.filter()
	}
	return m, cmd
}
