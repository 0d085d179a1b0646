package ui

import (
	"fmt"
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
	landNear          // the first at or below where the search began (see search.onward)
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
	timeline []briefing.Match
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

func newSearch() search {
	in := textinput.New()
	in.Prompt = "/"
	st := in.Styles()
	st.Cursor.Blink = false
	in.SetStyles(st)
	return search{input: in, event: -1, after: -1}
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
	s.query = briefing.Compile(s.input.Value(), m.b.Actors)
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

// enter goes, as less does, to the first match at or after the place
// where the search began, in this topic or the following ones.
func (m Model) enter() (Model, tea.Cmd) {
	s, hl := &m.search, m.reader.hl
	if s.query.Empty() {
		return m, nil
	}
	s.onward = true
	if s.land == landNear {
		return m, nil // the landing under way goes on
	}
	s.onward = false
	if hl.valid && hl.cur >= 0 {
		return m, nil // on the first match below the place already
	}
	return m.stepTopic(1)
}

// repeatSearch runs the last search again, from the match after the
// current one, as enter on an empty line does in less.
func (m Model) repeatSearch() (Model, tea.Cmd) {
	s := &m.search
	if len(s.history) == 0 {
		m.keepSearch()
		return m, nil
	}
	last := s.history[len(s.history)-1]
	s.input.SetValue(last)
	s.input.CursorEnd()
	m.fitInput()
	cmd := m.requery()
	if s.prevQuery == last && s.prevCur >= 0 {
		s.after = s.prevCur
	}
	m.keepSearch()
	m, more := m.enter()
	return m, tea.Batch(cmd, more)
}

// cancelSearch closes the search line, forgets the search and goes back
// to where the reader was.
func (m Model) cancelSearch() (Model, tea.Cmd) {
	s := &m.search
	s.input.Blur()
	s.query, s.land, s.event = briefing.Query{}, landNone, -1
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
	if !hl.valid || hl.key != r.shown || hl.rendered != r.rendered || hl.query != s.query.Text() {
		same := hl.valid && hl.key.topic == r.shown.topic && hl.query == s.query.Text()
		cur := hl.cur
		own := 0 // the summary page is not searched
		if r.shown.topic != aboutTopic {
			own = ownLines(r.plainText(), m.text(r.shown.topic))
		}
		spans, first := findSpans(r.plainText(), s.query, own)
		*hl = highlights{key: r.shown, rendered: r.rendered, query: s.query.Text(), valid: true,
			spans: spans, first: first, cur: -1, on: m.st.match, current: m.st.matchCurrent}
		if same && cur < len(first) {
			hl.cur = cur
		}
	}
	hl.on, hl.current = m.st.match, m.st.matchCurrent
	// Land only on the rendered text: the plain text standing in for it
	// wraps differently.
	if s.land == landNone || !r.rendered {
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
	s.land = landNone
	r.reveal(hl.first[hl.cur])
	return m, nil
}

// landNear lands on the first match at or below the place where the
// search began (or past the match s.after), while typing and on enter.
// With none there, the reader stays at the place; after enter, the
// search goes on into the following topics.
func (m Model) landNear() (Model, tea.Cmd) {
	s, r := &m.search, &m.reader
	hl := &r.hl
	hl.cur = -1
	switch {
	case s.after >= 0:
		if s.after+1 < hl.count() {
			hl.cur = s.after + 1
		}
	case m.current == s.placeTopic && m.about == s.placeAbout:
		for i, l := range hl.first {
			if l >= s.placeOffset {
				hl.cur = i
				break
			}
		}
	}
	s.land, s.after = landNone, -1
	if hl.cur >= 0 {
		s.onward = false
		r.reveal(hl.first[hl.cur])
		return m, nil
	}
	m.toPlace()
	if s.onward {
		s.onward = false
		return m.stepTopic(1)
	}
	return m, nil
}

// ensureCounts counts the search now if its count has not come yet.
func (m *Model) ensureCounts() {
	s := &m.search
	if m.ix == nil {
		m.ix = briefing.NewIndex(m.b)
	}
	if !s.counted {
		s.counts, s.counted = m.ix.Count(s.query), true
	}
}

// step goes to the next (dir 1) or previous (dir -1) match, into the
// following or preceding topic with a match, then the timeline, wrapping
// at the ends.
func (m Model) step(dir int) (Model, tea.Cmd) {
	s, hl := &m.search, &m.reader.hl
	s.skipped = 0
	m.ensureCounts()
	if s.event >= 0 && s.eventAt != m.shownTopic() {
		s.event = -1
	}
	if s.event >= 0 {
		if next := s.event + dir; next >= 0 && next < len(m.timelineMatches()) {
			return m.showEvent(next, false), nil
		}
		return m.stepTopic(dir)
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

// stepTopic opens the next place in direction dir that has a match: a
// topic, where it lands on the first (or last) match once the topic is
// rendered, or the timeline, which comes after the last topic.
func (m Model) stepTopic(dir int) (Model, tea.Cmd) {
	s, nt := &m.search, len(m.b.Topics)
	m.ensureCounts()
	if s.counts.Total == 0 {
		m.notice = "No match for “" + cleanLine(s.query.Text()) + "”"
		return m, nil
	}
	// Places 0 to nt-1 are the topics, nt the timeline, in a ring; the
	// summary page stands before the first topic.
	ring := nt + 1
	from := m.current
	switch {
	case s.event >= 0:
		from = nt
	case m.about && dir > 0:
		from = -1
	case m.about:
		from = ring
	}
	for d := 1; d <= ring; d++ {
		p := from + dir*d
		wrapped := p < 0 || p >= ring
		p = (p%ring + ring) % ring
		if p == nt && s.counts.Timeline == 0 || p < nt && s.counts.ByTopic[m.b.Topics[p].ID] == 0 {
			continue
		}
		if p == nt {
			k := 0
			if dir < 0 {
				k = len(m.timelineMatches()) - 1
			}
			return m.showEvent(k, wrapped), nil
		}
		if wrapped {
			if dir > 0 {
				m.notice = "Search wrapped to the first topic"
			} else {
				m.notice = "Search wrapped to the last topic"
			}
		}
		s.land, s.dir, s.event = landFirst, dir, -1
		if dir < 0 {
			s.land = landLast
		}
		if p == m.current && !m.about {
			m.reader.hl.valid = false // land again on this topic
			return m, nil
		}
		return m.open(p)
	}
	return m, nil
}

// timelineMatches returns the matches of the search in the timeline,
// found once per search.
func (m *Model) timelineMatches() []briefing.Match {
	s := &m.search
	if s.tlGen != s.gen || s.timeline == nil {
		m.ensureCounts()
		s.timeline, s.tlGen = []briefing.Match{}, s.gen
		for _, mt := range m.ix.Search(s.query) {
			if mt.Topic == "" {
				s.timeline = append(s.timeline, mt)
			}
		}
	}
	return s.timeline
}

// showEvent makes timeline match k the current match and shows it in the
// status line: the reader has no timeline view, and stays where it is.
func (m Model) showEvent(k int, wrapped bool) Model {
	s, tl := &m.search, m.timelineMatches()
	if k < 0 || k >= len(tl) {
		return m
	}
	s.event, s.eventAt = k, m.shownTopic()
	m.reader.hl.cur = -1
	notice := fmt.Sprintf("Timeline %d/%d", k+1, len(tl))
	if wrapped {
		notice = "Search wrapped · " + notice
	}
	m.notice = notice + ": " + m.eventLine(tl[k])
	return m
}

// eventLine is a timeline match's date and text, for the status line.
func (m Model) eventLine(mt briefing.Match) string {
	snip, _ := m.ix.Snippet(mt, 200)
	line := cleanLine(snip)
	if mt.Event >= 0 && mt.Event < len(m.b.Timeline) {
		if d := m.b.Timeline[mt.Event].Date.Long(); d != "" {
			line = d + ": " + line
		}
	}
	return line
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
