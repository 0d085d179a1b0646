package ui

import (
	"sort"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"brief/internal/state"
)

// A place in a topic is kept as a state.Position in the topic's Body, the
// Markdown as written: it survives a change of width, and citation numbers
// that change when another topic cites a new source. The line on screen
// and the place in the Body are matched by their words: the same run of
// words, the n-th time it occurs before the place in one, is the n-th
// time in the other. Markup, bullets, borders and link addresses that
// one has and the other lacks only make runs that span them unmatched;
// the next run along is tried (words.go). A long Body is matched near
// the place its fraction of the text gives instead.

// places remembers where the reader is to be put and what was found to
// put it there.
type places struct {
	// pending is the place the reader is to show, kept until the text
	// that holds it is on screen rendered, or until the reader moves.
	pending pendingPlace
	// tracked is the last place seen, to tell when it changes; dirty is
	// set when it has changed since it was last noted in the record.
	tracked trackedPlace
	dirty   bool
	// readOf is the topic whose end has been on screen since it was
	// opened, or -2.
	readOf int
	words  *wordCache
}

// pendingPlace is a place being gone to.
type pendingPlace struct {
	on    bool
	topic int
	pos   state.Position
	// shown, version and top are the text it was last applied to and
	// the line put at the top then.
	shown   renderKey
	version int
	top     int
	// off is pos resolved in the Body, -1 until it is.
	off int
}

// trackedPlace is where the reader was at the end of the last update.
type trackedPlace struct {
	topic, top int
	text       bool
}

func newPlaces() places { return places{readOf: -2, words: &wordCache{topic: -2, version: -1}} }

// placeHere returns the current topic's id and the place in its Body of
// the first line on screen; "" on the summary page.
func (m Model) placeHere() (topic string, p state.Position) {
	if m.about || len(m.b.Topics) == 0 {
		return "", state.Position{}
	}
	t := m.b.Topics[m.current]
	if pp := m.place.pending; pp.on && pp.topic == m.current {
		return t.ID, pp.pos // not yet on screen: still where it is going
	}
	r := &m.reader
	top := r.vp.YOffset()
	if !r.hasText || r.shown.topic != m.current || top == 0 {
		return t.ID, state.PositionAt(t.Body, 0)
	}
	own := m.ownLines()
	if top >= own {
		return t.ID, state.PositionAt(t.Body, len(t.Body))
	}
	est := len(t.Body) * top / max(own, 1)
	var sw, bw []word
	i, near := 0, len(t.Body) > exactLimit
	if near {
		sw = m.screenWordsIn(top, top+2*seqTries)
		bw = m.bodyWordsIn(m.current, est-windowBytes, est+windowBytes)
	} else {
		sw, _ = m.screenWords()
		i = sort.Search(len(sw), func(i int) bool { return sw[i].at >= top })
		bw = m.bodyWords(m.current)
	}
	if j, ok := match(sw, i, bw, near, est); ok && j < len(bw) {
		return t.ID, state.PositionAt(t.Body, bw[j].at)
	}
	return t.ID, state.PositionAt(t.Body, est)
}

// lineOf returns the line of the text on screen that holds byte off of
// topic's Body; past the last line for the end of the Body.
func (m Model) lineOf(topic int, off int) int {
	body := m.b.Topics[topic].Body
	if off <= 0 {
		return 0
	}
	own := m.ownLines()
	est := own * off / max(len(body), 1)
	var sw, bw []word
	i, near := 0, len(body) > exactLimit
	if near {
		bw = m.bodyWordsIn(topic, off, off+windowBytes/4)
		sw = m.screenWordsIn(est-windowLines, est+windowLines)
	} else {
		bw = m.bodyWords(topic)
		i = sort.Search(len(bw), func(i int) bool { return bw[i].at >= off })
		sw, _ = m.screenWords()
	}
	if i >= len(bw) {
		return len(m.reader.lines)
	}
	if j, ok := match(bw, i, sw, near, est); ok && j < len(sw) {
		return sw[j].at
	}
	return est
}

// goToPlace opens topic with p, a place in its Body, at the top of the
// pane: at once on the text shown, and again on each text that replaces
// it (the plain text, then the rendered one, a long topic's pieces) until
// the rendered text that holds the place is on screen, unless the reader
// moves meanwhile.
func (m Model) goToPlace(topic int, p state.Position) (Model, tea.Cmd) {
	if topic < 0 || topic >= len(m.b.Topics) {
		return m, nil
	}
	m.place.pending = pendingPlace{on: true, topic: topic, pos: p, version: -1, off: -1}
	var cmd tea.Cmd
	if m.about || m.current != topic || !m.reader.hasText {
		m, cmd = m.open(topic)
	}
	m = m.syncPlace()
	// The place gone to is the reader's now, for the next save to keep.
	m.place.dirty = true
	return m, tea.Batch(cmd, m.updateRecord(func(r state.Record) state.Record { return r }))
}

// syncPlace puts the pending place at the top of the text on screen.
func (m Model) syncPlace() Model {
	pp, r := &m.place.pending, &m.reader
	if !pp.on {
		return m
	}
	if m.about || m.current != pp.topic {
		pp.on = false
		return m
	}
	if !r.hasText || r.shown.topic != pp.topic {
		return m
	}
	if pp.shown == r.shown && pp.version == r.version {
		if r.vp.YOffset() != pp.top {
			pp.on = false // the reader moved
		}
		return m
	}
	if pp.off < 0 {
		// Once: in a topic of megabytes it reads them all.
		pp.off = state.Resolve(m.b.Topics[pp.topic].Body, pp.pos)
	}
	line := m.lineOf(pp.topic, pp.off)
	r.vp.SetYOffset(line)
	pp.shown, pp.version, pp.top = r.shown, r.version, r.vp.YOffset()
	// Not the reader's move: the place kept stays the one gone to, even
	// where the text ends too soon to show it at the top.
	m.place.tracked = trackedPlace{topic: m.shownTopic(), top: r.vp.YOffset(), text: true}
	if r.segs == nil && r.rendered || r.segs != nil && r.segs[r.pieceAtLine(r.vp.YOffset())].rendered {
		pp.on = false // a splice keeps the line at the top where it is
	}
	return m
}

// pendingFraction is how far into topic the pending place is, for a long
// topic to render the piece there first.
func (m Model) pendingFraction(topic int) (float64, bool) {
	pp := m.place.pending
	if !pp.on || pp.topic != topic {
		return 0, false
	}
	body := m.b.Topics[topic].Body
	off := pp.off
	if off < 0 {
		off = state.Resolve(body, pp.pos)
	}
	return float64(off) / float64(max(len(body), 1)), true
}

// resume reopens the record's last topic at its place, if the topic is
// still there, with a notice saying so.
func (m *Model) resume() {
	i, ok := m.topicIdx[m.rec.Topic]
	if m.rec.Topic == "" || !ok || i == 0 && m.rec.Place.Offset == 0 {
		return // the start: nothing to resume, nothing to say
	}
	m.current = i
	m.list.setCurrent(i)
	m.place.pending = pendingPlace{on: true, topic: i, pos: m.rec.Place, version: -1, off: -1}
	m.notice = joinNotice(m.notice, "Resumed at "+m.titles[i])
}

// joinNotice puts two notices on one line, the first first.
func joinNotice(a, b string) string {
	if a == "" {
		return b
	}
	return a + " · " + b
}

// trackReading notes, after each update, that the place has moved, for
// the next save to keep, and marks the topic read once its end has been
// on screen.
func (m Model) trackReading() (Model, tea.Cmd) {
	if m.ident == "" || !m.sized || len(m.b.Topics) == 0 {
		return m, nil
	}
	r := &m.reader
	now := trackedPlace{topic: m.shownTopic(), top: r.vp.YOffset(), text: r.hasText}
	var cmds []tea.Cmd
	if now != m.place.tracked {
		if now.topic != m.place.tracked.topic {
			m.place.readOf = -2
		}
		m.place.tracked, m.place.dirty = now, true
		cmds = append(cmds, m.updateRecord(func(r state.Record) state.Record { return r }))
	}
	if m.place.readOf != m.current && m.endOnScreen() {
		m.place.readOf = m.current
		t := m.b.Topics[m.current]
		cmds = append(cmds, m.updateRecord(func(r state.Record) state.Record {
			return r.MarkRead(t.ID, t.Body, time.Now())
		}))
	}
	return m, tea.Batch(cmds...)
}

// endOnScreen reports whether the end of the current topic's own text is
// on screen, in text that is the whole of it.
func (m Model) endOnScreen() bool {
	r := &m.reader
	if m.about || !r.hasText || r.shown.topic != m.current || r.segs != nil || m.place.pending.on {
		return false
	}
	if !r.rendered {
		return false // the plain text is not as long as the rendered one
	}
	last := m.ownLines() - 1
	for last > 0 && len(appendWords(nil, ansi.Strip(r.lines[last]), func(int) int { return 0 })) == 0 {
		last--
	}
	return last < r.vp.YOffset()+r.vp.Height()
}

// notePlace puts the place in the record if it has moved since it was
// last put there: once per save, not once per key.
func (m Model) notePlace() Model {
	if !m.place.dirty || m.ident == "" {
		return m
	}
	m.place.dirty = false
	topic, p := m.placeHere()
	if topic == "" {
		return m // the summary page: the last topic read stays
	}
	// A save is under way or coming: the tick this could schedule is not
	// wanted.
	m.updateRecord(func(r state.Record) state.Record { return r.At(topic, p) })
	return m
}
