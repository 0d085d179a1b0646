package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"brief/internal/search"
)

// How enter, n and N walk the matches: within the topic on screen, then
// on to the following topics and the timeline, which comes after the
// last topic, wrapping at the ends.

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
	if hl.cur >= 0 {
		line := hl.first[hl.cur]
		r.reveal(line)
		if r.segs != nil && !r.segs[r.pieceAtLine(line)].rendered {
			// A long topic shown a piece at a time: land again, on
			// the rendered text, when the match's piece arrives.
			return m, nil
		}
		s.land, s.after, s.onward = landNone, -1, false
		return m, nil
	}
	s.land, s.after = landNone, -1
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
		m.ix = search.NewIndex(m.b)
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
func (m *Model) timelineMatches() []search.Match {
	s := &m.search
	if s.tlGen != s.gen || s.timeline == nil {
		m.ensureCounts()
		s.timeline, s.tlGen = []search.Match{}, s.gen
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
func (m Model) eventLine(mt search.Match) string {
	snip, _ := m.ix.Snippet(mt, 200)
	line := cleanLine(snip)
	if ex, ok := m.ix.Excerpt(mt); ok {
		line = "excerpt of " + cleanLine(ex.Marker) + ": " + line
	}
	if mt.Event >= 0 && mt.Event < len(m.b.Timeline) {
		if d := m.b.Timeline[mt.Event].Date.Long(); d != "" {
			line = d + ": " + line
		}
	}
	return line
}
