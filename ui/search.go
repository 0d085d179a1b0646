package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"brief/internal/search"
)

// landing says which match to go to once a topic's text is on screen.
type landing int

const (
	landNone  landing = iota
	landNear          // the first at or below where the search began (see search.onward)
	landFirst         // the topic's first match
	landLast          // its last
	landNth           // match number search.nth
)

// searchBox is the state of the search line and of the search kept after it
// closes.
type searchBox struct {
	input   textinput.Model
	query   search.Query
	counts  search.Counts
	counted bool
	// gen counts changes of the query, so that stale counts are dropped.
	gen int

	// history holds the searches kept this session, oldest first; hist is
	// the entry shown, len(history) for the line being typed (draft).
	history []string
	hist    int
	draft   string

	// placeTopic, placeAbout and placeOffset are where the reader was
	// when the search line opened: where enter looks from and esc goes
	// back to.
	placeTopic, placeOffset int
	placeAbout              bool
	// onward says that enter was pressed: landNear goes on into the
	// following topics when the topic has no match below the place.
	onward bool
	// after, if not -1, is the match landNear goes past instead: the
	// current match when the search line opened, for a repeated search.
	after int
	// prevQuery and prevCur are the search and its current match when
	// the search line opened, for a repeated search.
	prevQuery string
	prevCur   int

	// event is the timeline match shown, an index in timeline, or -1:
	// the reader has no timeline view, so n and N show timeline matches
	// in the status line, after the last topic's.
	event    int
	timeline []search.Match
	tlGen    int
	// eventAt is the page shown with the timeline match: one opened
	// since makes n start from it instead.
	eventAt int

	land landing
	nth  int
	dir  int // the direction of the walk that is landing: 1 or -1
	// skipped counts topics walked past because their text had no match
	// after all, so that a walk always ends.
	skipped int
}

func newSearch() searchBox {
	in := textinput.New()
	in.Prompt = "/"
	st := in.Styles()
	st.Cursor.Blink = false
	in.SetStyles(st)
	return searchBox{input: in, event: -1, after: -1}
}

// openSearch opens the search line, remembering the place to come back to.
func (m Model) openSearch() (Model, tea.Cmd) {
	s := &m.search
	s.placeTopic, s.placeOffset, s.placeAbout = m.current, m.reader.vp.YOffset(), m.about
	s.prevQuery, s.prevCur = s.query.Text(), -1
	if m.reader.hl.valid && s.event < 0 {
		s.prevCur = m.reader.hl.cur
	}
	s.onward, s.after, s.event = false, -1, -1
	s.input.Reset()
	m.fitInput()
	s.hist, s.draft = len(s.history), ""
	s.query, s.counts, s.counted = search.Query{}, search.Counts{}, false
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
	return func() tea.Msg { return indexedMsg{ix: search.NewIndex(b)} }
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
		if strings.TrimSpace(s.input.Value()) == "" {
			return m.repeatSearch()
		}
		m.keepSearch()
		return m.enter()
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
	s.query = search.Compile(s.input.Value(), m.b.Actors)
	s.gen++
	s.counted = false
	s.land, s.skipped, s.event = landNear, 0, -1
	m.reader.hl.valid = false
	if s.query.Empty() {
		// Nothing to show: back to the place the search began.
		m.toPlace()
	}
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
	s.query, s.land, s.event = search.Query{}, landNone, -1
	s.gen++
	m.setFocus(focusText)
	return m.backToPlace()
}

// backToPlace goes back to where the reader was when the search began.
func (m Model) backToPlace() (Model, tea.Cmd) {
	s := &m.search
	var cmd tea.Cmd
	switch {
	case s.placeAbout:
		if !m.about {
			m, cmd = m.showAbout(true)
		}
	case m.current != s.placeTopic || m.about:
		m, cmd = m.open(s.placeTopic)
	}
	m.reader.vp.SetYOffset(s.placeOffset)
	return m, cmd
}

// toPlace scrolls back to where the search began if the reader is still
// on that page: a preview of an earlier prefix does not move it for good.
func (m *Model) toPlace() {
	s := &m.search
	if m.current == s.placeTopic && m.about == s.placeAbout {
		m.reader.vp.SetYOffset(s.placeOffset)
	}
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
	if !hl.valid || hl.key != r.shown || hl.rendered != r.rendered || hl.version != r.version || hl.query != s.query.Text() ||
		!hl.indexed && m.ix != nil {
		same := hl.valid && hl.key.topic == r.shown.topic && hl.query == s.query.Text()
		cur := hl.cur
		own := 0 // the summary page is not searched
		var hits []excerptHit
		if r.shown.topic != aboutTopic {
			own = ownLines(r.plainText(), m.text(r.shown.topic))
			hits = m.excerptHits(own)
		}
		spans, first, excerpt := findSpans(r.plainText(), s.query, own, hits)
		*hl = highlights{key: r.shown, rendered: r.rendered, version: r.version, query: s.query.Text(), valid: true,
			spans: spans, first: first, excerpt: excerpt, indexed: m.ix != nil, cur: -1, on: m.st.match, current: m.st.matchCurrent}
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
	if s.land == landNear {
		return m.landNear()
	}
	if n == 0 {
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

// excerptHits finds the matches of the search in the excerpts of the
// citations of the topic shown, whose first own lines are its text, on
// their markers. The index finds them, as it counts them; until it is
// built, there are none.
func (m *Model) excerptHits(own int) []excerptHit {
	r := &m.reader
	if m.ix == nil || r.shown.topic < 0 || r.shown.topic >= len(m.b.Topics) {
		return nil
	}
	t := m.b.Topics[r.shown.topic]
	ems := m.ix.TopicExcerpts(t.ID, m.search.query)
	if len(ems) == 0 {
		return nil
	}
	l := m.citeLayout(true)
	if l == nil || r.shown.topic != m.current {
		l = layoutCites(m.b, t, r.plainText(), own)
	}
	hits := make([]excerptHit, 0, len(ems))
	k := 0
	for _, em := range ems {
		ex, _ := m.ix.Excerpt(em)
		// Both come in the order of the citations.
		for k < len(l.marks) && l.marks[k].cite < ex.Cite {
			k++
		}
		if k < len(l.marks) && l.marks[k].cite == ex.Cite {
			hits = append(hits, excerptHit{start: l.marks[k].start, end: l.marks[k].end, marker: ex.Marker})
		}
	}
	return hits
}

// paste puts pasted text in the search line, the finder or the who's
// who's filter line, on one line.
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
		cmd = m.finder.list.update(msg)
	case focusPeople:
		if m.people.list.on && m.people.chosen < 0 {
			cmd = m.people.list.update(msg)
		}
	}
	return m, cmd
}
