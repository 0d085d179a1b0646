package ui

import (
	"sort"
	"strings"
	"time"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"brief/briefing"
	"brief/internal/state"
)

// A place in a topic is kept as a state.Position in the topic's Body, the
// Markdown as written: it survives a change of width, and citation numbers
// that change when another topic cites a new source. The line on screen
// and the place in the Body are matched by their words: the same run of
// words, the n-th time it occurs before the place in one, is the n-th
// time in the other. Markup, bullets, borders and link addresses that
// one has and the other lacks only make runs that span them unmatched;
// the next run along is tried.

// seqWords is how many words make a run to match; seqTries is how many
// runs along are tried before the place is estimated from its fraction of
// the text.
const (
	seqWords = 4
	seqTries = 16
)

// word is a run of letters and digits: at is its byte offset in a Body,
// or its line in the text on screen.
type word struct {
	text string
	at   int
}

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

type trackedPlace struct {
	topic, top int
	text       bool
}

// wordCache keeps the words of the last Body and the last text on screen
// looked at: a place is found on each save and each bookmark, and the
// text only changes when it renders.
type wordCache struct {
	topic int
	body  []word

	shown   renderKey
	version int
	screen  []word
	own     int // lines of the topic's own text on screen
}

func newPlaces() places { return places{readOf: -2, words: &wordCache{topic: -2, version: -1}} }

// appendWords appends the words of s, at at.
func appendWords(out []word, s string, at func(i int) int) []word {
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, word{s[start:i], at(start)})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{s[start:], at(start)})
	}
	return out
}

// exactLimit is the largest Body matched whole, run by run from its
// start; a longer one is matched in a window around the place estimated
// from its fraction of the text, the run nearest that place winning, so
// that a place in a topic of megabytes costs what one in a short topic
// does.
const (
	exactLimit  = 64 << 10
	windowBytes = 16 << 10 // of Body, each side of the estimate
	windowLines = 300      // of the text on screen, each side
	ownTail     = 4000     // lines from the end searched for the sources
)

// bodyWords is the words of topic i's Body, each citation group read as
// its numbered marker, as the reader shows it.
func (m Model) bodyWords(i int) []word {
	c := m.place.words
	if c != nil && c.topic == i {
		return c.body
	}
	ws := m.bodyWordsIn(i, 0, len(m.b.Topics[i].Body))
	if c != nil {
		c.topic, c.body = i, ws
	}
	return ws
}

// bodyWordsIn is bodyWords of the bytes lo to hi of the Body.
func (m Model) bodyWordsIn(i, lo, hi int) []word {
	t := m.b.Topics[i]
	lo, hi = max(lo, 0), min(hi, len(t.Body))
	num := m.b.SourceNumbers()
	var ws []word
	prev, last := 0, lo
	for _, ct := range t.Citations {
		if ct.Start < prev || ct.End <= ct.Start || ct.End > len(t.Body) {
			continue // as briefing.Cited leaves them
		}
		prev = ct.End
		switch {
		case ct.End <= lo:
			continue
		case ct.Start >= hi:
		case ct.Start < lo:
			last = ct.End
			continue
		default:
			base := last
			ws = appendWords(ws, t.Body[last:ct.Start], func(j int) int { return base + j })
			at := ct.Start
			ws = appendWords(ws, briefing.Marker(ct, num), func(int) int { return at })
			last = ct.End
			continue
		}
		break
	}
	if last < hi {
		base := last
		ws = appendWords(ws, t.Body[last:hi], func(j int) int { return base + j })
	}
	return ws
}

// screenWords is the words of the topic's own text on screen, each at its
// line, and how many lines that text has, before its source list.
func (m Model) screenWords() ([]word, int) {
	r := &m.reader
	c := m.place.words
	if c != nil && c.shown == r.shown && c.version == r.version && c.screen != nil {
		return c.screen, c.own
	}
	own := m.ownLines()
	ws := m.screenWordsIn(0, own)
	if c != nil {
		c.screen = ws
	}
	return ws, own
}

// screenWordsIn is the words of lines lo to hi of the text on screen.
func (m Model) screenWordsIn(lo, hi int) []word {
	r := &m.reader
	lo, hi = max(lo, 0), min(hi, len(r.lines))
	var ws []word
	for i := lo; i < hi; i++ {
		l := r.lines[i]
		if len(r.stripped) == len(r.lines) {
			l = r.stripped[i]
		} else {
			l = ansi.Strip(l)
		}
		ws = appendWords(ws, l, func(int) int { return i })
	}
	return ws
}

// ownLines is how many lines of the text on screen are the topic's own,
// before its source list and timeline line, found near the end.
func (m Model) ownLines() int {
	r := &m.reader
	c := m.place.words
	if c != nil && c.shown == r.shown && c.version == r.version {
		return c.own
	}
	own := len(r.lines)
	if r.shown.topic >= 0 {
		from := max(len(r.lines)-ownTail, 0)
		own = from + ownLines(newPlainLines(r.lines[from:]), m.text(r.shown.topic))
	}
	if c != nil {
		c.shown, c.version, c.screen, c.own = r.shown, r.version, nil, own
	}
	return own
}

// matches reports whether the run seq starts at ws[i].
func matches(ws []word, i int, seq []word) bool {
	if i+len(seq) > len(ws) {
		return false
	}
	for k, w := range seq {
		if !strings.EqualFold(ws[i+k].text, w.text) {
			return false
		}
	}
	return true
}

// countBefore counts the runs seq that start before end in ws.
func countBefore(ws []word, end int, seq []word) int {
	n := 0
	for i := 0; i < end; i++ {
		if matches(ws, i, seq) {
			n++
		}
	}
	return n
}

// nth returns where the n-th run seq (from 0) starts in ws, or -1.
func nth(ws []word, seq []word, n int) int {
	for i := range ws {
		if matches(ws, i, seq) {
			if n == 0 {
				return i
			}
			n--
		}
	}
	return -1
}

// nearest returns where the run seq starts in ws nearest at, or -1.
func nearest(ws []word, seq []word, at int) int {
	best := -1
	for i := range ws {
		if matches(ws, i, seq) && (best < 0 || abs(ws[i].at-at) < abs(ws[best].at-at)) {
			best = i
		}
	}
	return best
}

// match finds in to the word of from at i: the run of words there, or one
// of the next runs along, met as often before it in to as in from; or,
// with near set, the one nearest at in to. ok is false when none is.
func match(from []word, i int, to []word, near bool, at int) (int, bool) {
	for d := 0; d < seqTries && i+d < len(from); d++ {
		seq := from[i+d : min(i+d+seqWords, len(from))]
		j := -1
		if near {
			j = nearest(to, seq, at)
		} else {
			j = nth(to, seq, countBefore(from, i+d, seq))
		}
		if j >= 0 {
			return max(j-d, 0), true
		}
	}
	return 0, false
}

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
	return m.syncPlace(), cmd
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
	if m.rec.Topic == "" || !ok {
		return
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
