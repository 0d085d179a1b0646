package ui

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"brief/briefing"
)

// The words of a topic's Body and of its text on screen, and the runs of
// them that tie a line on screen to a place in the Body (see place.go).

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
