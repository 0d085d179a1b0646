package ui

import (
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"brief/briefing"
)

// citeCursor is the citation under the cursor: a marker of the layout of
// the topic shown.
type citeCursor struct {
	on    bool
	topic int
	mark  int
}

// singleMark flags a claim that rests on one source only.
const singleMark = "¹"

// citeLayout returns the layout of the current topic's text on screen,
// made once per text, most often by the render command. Unless force,
// the plain text shown while a topic renders, and a topic too large to
// render ahead, have none: their markers are found only when asked for.
func (m *Model) citeLayout(force bool) *citeLayout {
	r := &m.reader
	if m.about || len(m.b.Topics) == 0 || !r.hasText || r.shown.topic != m.current {
		return nil
	}
	if r.cites != nil {
		return r.cites
	}
	if l := m.layouts[r.shown]; l != nil && r.rendered {
		r.cites = l
		return l
	}
	t := m.b.Topics[m.current]
	if len(t.Citations) == 0 || !force && (!r.rendered || len(t.Body) > prefetchLimit) {
		return nil
	}
	// Not rendered yet, or too large to be placed ahead: c asks.
	p := r.plainText()
	r.cites = layoutCites(m.b, t, p, ownLines(p, m.text(m.current)))
	return r.cites
}

// dimmed reports whether claim c is dimmed: it rests on one source while
// single-source claims are dimmed, or only on doubted sources.
func (m *Model) dimmed(c *briefing.Claim) bool {
	if m.dimSingle && len(c.Sources) < 2 {
		return true
	}
	if len(c.Sources) == 0 || len(m.doubted) == 0 {
		return false
	}
	for _, id := range c.Sources {
		if !m.doubted[id] {
			return false
		}
	}
	return true
}

// syncCites fits the citation cursor and the corroboration marks to the
// text on screen, after any message.
func (m Model) syncCites() Model {
	if m.cite.on && (m.about || m.cite.topic != m.current) {
		m.cite.on = false
		if m.focus == focusCard {
			m.setFocus(focusText)
		}
	}
	// While the cursor is on, the citations follow the text even as a
	// long topic's pieces arrive.
	l := m.citeLayout(m.cite.on)
	if m.cite.on && (l == nil || m.cite.mark >= len(l.marks)) {
		m.cite.on = false
	}
	m.keys.setCite(m.cite.on)
	m.reader.deco = citeDeco{}
	if l == nil {
		return m
	}
	d := citeDeco{margin: map[int]string{}}
	add := func(spans []span, on string) {
		for _, sp := range spans {
			d.paints = append(d.paints, paint{line: sp.line, start: sp.start, end: sp.end, on: on})
		}
	}
	for i, c := range l.claims {
		if l.claimFrom[i] < 0 {
			continue
		}
		if len(c.Sources) < 2 {
			d.margin[l.claimLine[i]] = m.st.singleOn + singleMark
		}
		if m.dimmed(&l.claims[i]) {
			add(l.claimSpans[i], m.st.dimOn)
		}
	}
	if m.cite.on {
		mk := l.marks[m.cite.mark]
		add(mk.words, m.st.claimOn)
		add(mk.marker, m.st.markerOn)
	}
	sort.SliceStable(d.paints, func(i, j int) bool { return d.paints[i].line < d.paints[j].line })
	m.reader.deco = d
	return m
}

// toggleDoubt doubts the source id, or stops doubting it: every claim
// resting on doubted sources only is dimmed. The sources view calls it.
func (m *Model) toggleDoubt(id string) {
	if m.doubted[id] {
		delete(m.doubted, id)
		return
	}
	if m.doubted == nil {
		m.doubted = map[string]bool{}
	}
	m.doubted[id] = true
}

// dimmedCount is the number of the current topic's claims that are
// dimmed, for the header.
func (m Model) dimmedCount() int {
	l := m.reader.cites
	if l == nil || m.about {
		return 0
	}
	n := 0
	for i := range l.claims {
		if m.dimmed(&l.claims[i]) {
			n++
		}
	}
	return n
}

// citeKey handles the keys of citations and corroboration in the text.
func (m Model) citeKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.NextCite):
		return m.moveCite(1), nil
	case key.Matches(msg, k.PrevCite):
		return m.moveCite(-1), nil
	case key.Matches(msg, k.Card):
		return m.openCard(), nil
	case key.Matches(msg, k.Copy):
		return m.copyClaim()
	case key.Matches(msg, k.CopyTopic):
		return m.copyTopic()
	case key.Matches(msg, k.Dim):
		m.dimSingle = !m.dimSingle
		if m.dimSingle {
			m.notice = "Claims resting on one source are dimmed (v shows them)"
		}
	case key.Matches(msg, k.Close):
		m.cite.on = false
	}
	return m, nil
}

// moveCite moves the citation cursor d markers on; without a cursor it
// starts at the first marker on screen (the last for C).
func (m Model) moveCite(d int) Model {
	if m.about {
		m.notice = "The summary's citations are not followed; open a topic"
		return m
	}
	l := m.citeLayout(true)
	if l == nil || len(l.marks) == 0 {
		m.notice = "No citations in this topic"
		return m
	}
	next := m.cite.mark + d
	if !m.cite.on {
		top := m.reader.vp.YOffset()
		bottom := top + m.reader.vp.Height()
		next = -1
		for i, mk := range l.marks {
			line := mk.line
			if d > 0 && line >= top {
				next = i
				break
			}
			if d < 0 && line < bottom {
				next = i
			}
		}
		if next < 0 {
			next = len(l.marks) - 1
			if d < 0 {
				next = 0
			}
		}
	}
	switch {
	case next >= len(l.marks):
		m.notice = "That was the topic's last citation"
		return m
	case next < 0:
		m.notice = "That was the topic's first citation"
		return m
	}
	m.cite = citeCursor{on: true, topic: m.current, mark: next}
	m.reader.reveal(l.marks[next].line)
	return m
}

// citeAt returns the citation under the cursor and the words it ends, as
// highlighted: the sentence or item, on one line.
func (m Model) citeAt() (c briefing.Citation, claim string, cites []briefing.Citation) {
	mk := m.reader.cites.marks[m.cite.mark]
	c = m.b.Topics[m.current].Citations[mk.cite]
	p := m.reader.plainText()
	return c, strings.Join(strings.Fields(p.text[mk.from:mk.end]), " "), []briefing.Citation{c}
}

// openCard opens the evidence card of the citation under the cursor.
func (m Model) openCard() Model {
	if !m.cite.on || m.reader.cites == nil {
		return m
	}
	c, claim, _ := m.citeAt()
	m.card = newCard(m.b, c, claim, m.st)
	m.card.SetSize(m.width, m.bodyHeight())
	m.card.Focus()
	m.setFocus(focusCard)
	return m
}

// cardKey handles a key while the evidence card is open: c and C go on
// to the next card, y copies, esc goes back to the text where it was.
func (m Model) cardKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		m.stop()
		return m, tea.Quit
	case key.Matches(msg, k.Close):
		m.card.Blur()
		m.setFocus(focusText)
	case key.Matches(msg, k.NextCite, k.PrevCite):
		d := 1
		if key.Matches(msg, k.PrevCite) {
			d = -1
		}
		m = m.moveCite(d).openCard()
	case key.Matches(msg, k.Copy):
		return m.copyClaim()
	default:
		var cmd tea.Cmd
		m.card, cmd = m.card.Update(msg)
		return m, cmd
	}
	return m, nil
}
