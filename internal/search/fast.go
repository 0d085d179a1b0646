package search

import (
	"math/bits"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"brief/briefing"
)

// A search from the command line runs one query once, so building the
// plain, folded text of every topic (most of a search's time) is wasted on
// the topics, and the parts of topics, that cannot match. A prefilter looks for an anchor of each
// spelling in a text's Markdown as it is: a piece of the spelling that
// any match must contain, letters and digits only. Turning Markdown into
// plain text only deletes bytes (markup, link targets, whole lines) or
// puts characters that are not letters or digits in place of others (a
// space for "|", placeholders for control characters), and folding maps
// each rune on its own; so where the plain, folded text holds the anchor,
// the Markdown holds its letters in order, each from a rune that folds to
// it, with nothing between them but markup that plain text deletes. The
// prefilter accepts every such place: it may let through a text that has
// no match, never the reverse.

// letterFreq ranks ASCII letters by how often they occur in English text
// (per mille), to anchor on a rare one when the briefing is too small to
// count its own; digits count as rare.
var letterFreq = [26]uint8{
	82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24, 67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1,
}

// minAnchor is the shortest anchor chosen where the spelling allows: one
// rare letter alone occurs in most pages of prose.
const minAnchor = 4

// alnumFreq is how often each ASCII letter and digit occurs (see
// alnumIndex), per mille of the text, either case.
type alnumFreq [36]int

// alnumIndex numbers the lower-case ASCII letters and the digits from 0
// to 35.
func alnumIndex(c byte) int {
	if c >= 'a' {
		return int(c - 'a')
	}
	return 26 + int(c-'0')
}

// sampleFreq counts the letters and digits of the start of some of docs,
// which are what the prefilter pays for with each candidate: a briefing's
// own frequencies (citations make "c" common, for one) beat English's.
func sampleFreq(docs []Doc) alnumFreq {
	const (
		take    = 2 << 10 // bytes from each text sampled
		samples = 32
	)
	var hist [256]int
	total := 0
	for i := 0; i < len(docs); i += max(1, len(docs)/samples) {
		total += min(take, len(docs[i].Text))
	}
	if total < 4<<10 {
		total = 0 // too little to go by
	}
	for i := 0; i < len(docs) && total > 0; i += max(1, len(docs)/samples) {
		s := docs[i].Text[:min(take, len(docs[i].Text))]
		for j := 0; j < len(s); j++ {
			hist[s[j]]++
		}
	}
	var f alnumFreq
	for c := byte('a'); c <= 'z'; c++ {
		f[alnumIndex(c)] = int(letterFreq[c-'a'])
		if total > 0 {
			f[alnumIndex(c)] = (hist[c] + hist[upper(c)]) * 1000 / total
		}
	}
	for c := byte('0'); c <= '9' && total > 0; c++ {
		f[alnumIndex(c)] = hist[c] * 1000 / total
	}
	return f
}

// anchorsOf returns the anchors of a folded spelling, rarest first by
// freq: for each of its runs of ASCII letters and digits, the tail of the
// run of at least minAnchor bytes (or the whole run if shorter) that
// starts with the rarest letter. Every match holds each of them. It
// returns nil when the spelling has no ASCII letter or digit.
func anchorsOf(folded string, freq *alnumFreq) []string {
	type anchor struct {
		s    string
		freq int
	}
	var as []anchor
	for i := 0; i < len(folded); {
		if !isAlnum(folded[i]) {
			i++
			continue
		}
		j := i
		for j < len(folded) && isAlnum(folded[j]) {
			j++
		}
		run := folded[i:j]
		best := anchor{freq: 1 << 30}
		for k := 0; k == 0 || k+minAnchor <= len(run); k++ {
			f := freq[alnumIndex(run[k])]
			// Rarer first letter, then longer tail.
			if f < best.freq || f == best.freq && len(run)-k > len(best.s) {
				best = anchor{run[k:], f}
			}
		}
		as = append(as, best)
		i = j
	}
	slices.SortStableFunc(as, func(a, b anchor) int { return a.freq - b.freq })
	var out []string
	for _, a := range as {
		out = append(out, a.s)
	}
	return out
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
}

// markupGap marks the ASCII bytes that plain text may delete between two
// letters of a line (see plainLine): code ticks, emphasis, strikethrough,
// image and link openings, and the backslash of an escape.
var markupGap = func() (t [128]bool) {
	for _, c := range []byte("`*_~![\\") {
		t[c] = true
	}
	return t
}()

// prefilter says which texts, and which lines of them, may match a
// query; see windows.
type prefilter struct {
	// anchors holds the anchors of each spelling, as indexes into uniq.
	// nil means no filtering: a spelling without an anchor may match
	// anywhere.
	anchors [][]int
	// uniq holds each anchor once: spellings share them ("zelensky" in
	// "volodymyr zelensky").
	uniq []string
	// groups lists the spellings' first anchors by their first byte,
	// which one pass over a text looks for.
	groups []anchorGroup
	// group has the index in groups of each lower-case letter and digit,
	// or -1.
	group [256]int8
	// firsts has the bit (see foldLetters) of the first byte of each
	// spelling's first anchor.
	firsts uint64
	// firstBytes holds the bytes that may start a first anchor: its
	// first letter in either case, and the first bytes of the runes that
	// fold to a spelling holding it.
	firstBytes []byte
	// starters holds the bytes that may start each anchor of uniq, as
	// firstBytes.
	starters [][]byte
	// follow marks the bytes that may follow one of firstBytes where an
	// anchor starts: its second letter in either case, markup, and any
	// byte of a rune that is not ASCII. (Anchors of one byte make all
	// bytes pass.)
	follow [256]bool
	// back is how many bytes of a spelling, folded, may come before its
	// first anchor, at most over all spellings; ahead, for each
	// spelling, how many may come from the anchor's start on.
	back  int
	ahead []int
	// num numbers the sources, for the markers of plain text.
	num map[string]int
	// lines says that a match lies within the lines around its anchor
	// (see windows): no spelling starts or ends with a space, which
	// would take in the white space of lines before or after.
	lines bool
}

// anchorGroup is the anchors that start with one byte.
type anchorGroup struct {
	c   byte
	ids []int
}

func newPrefilter(q Query, freq *alnumFreq) prefilter {
	p := prefilter{lines: true}
	for c := range p.group {
		p.group[c] = -1
	}
	for _, n := range q.needles {
		if n.lower[0] == ' ' || n.lower[len(n.lower)-1] == ' ' {
			p.lines = false
		}
		as := anchorsOf(n.lower, freq)
		if as == nil || strings.ContainsAny(n.lower, "0123456789") {
			// A digit may match the number of a citation's marker,
			// which the Markdown does not hold.
			return prefilter{}
		}
		var ids []int
		for _, a := range as {
			id := slices.Index(p.uniq, a)
			if id < 0 {
				id = len(p.uniq)
				p.uniq = append(p.uniq, a)
			}
			ids = append(ids, id)
		}
		p.anchors = append(p.anchors, ids)
		// Only the first anchor is looked for everywhere; the others,
		// around its places (see windows).
		a := as[0]
		// The anchor may stand more than once in the spelling.
		ahead := 0
		for o := 0; ; o++ {
			k := strings.Index(n.lower[o:], a)
			if k < 0 {
				break
			}
			o += k
			p.back = max(p.back, o)
			ahead = max(ahead, len(n.lower)-o)
		}
		p.ahead = append(p.ahead, ahead)
		g := p.group[a[0]]
		if g < 0 {
			g = int8(len(p.groups))
			p.groups = append(p.groups, anchorGroup{c: a[0]})
			p.group[a[0]] = g
			p.firsts |= 1 << alnumIndex(a[0])
		}
		if !slices.Contains(p.groups[g].ids, ids[0]) {
			p.groups[g].ids = append(p.groups[g].ids, ids[0])
		}
		if len(a) == 1 {
			p.follow = [256]bool{}
			for b := range p.follow {
				p.follow[b] = true
			}
		} else {
			p.follow[a[1]], p.follow[upper(a[1])] = true, true
		}
	}
	for b := range p.follow {
		if b >= utf8.RuneSelf || b < utf8.RuneSelf && markupGap[b] || b == ']' {
			p.follow[b] = true
		}
	}
	for _, g := range p.groups {
		p.firstBytes = append(p.firstBytes, g.c)
		if u := upper(g.c); u != g.c {
			p.firstBytes = append(p.firstBytes, u)
		}
	}
	p.firstBytes = append(p.firstBytes, leadsOf(p.firsts)...)
	for _, a := range p.uniq {
		bs := []byte{a[0]}
		if u := upper(a[0]); u != a[0] {
			bs = append(bs, u)
		}
		p.starters = append(p.starters, append(bs, leadsOf(1<<alnumIndex(a[0]))...))
	}
	return p
}

var (
	foldLettersOnce sync.Once
	// foldLetterTab has, for each rune below tableSize, the bits
	// (1<<alnumIndex) of the ASCII letters and digits in its folded
	// lower-case spelling.
	foldLetterTab [tableSize]uint64
	// foldLetterHigh is the same for the few runes above tableSize whose
	// lower case is ASCII (the Kelvin sign).
	foldLetterHigh []runeBits
	// foldLetterLead has the bits of all the runes that a byte starts.
	foldLetterLead [256]uint64
	// foldLetterLeads lists, for each letter and digit, the bytes that
	// start a rune whose folded spelling holds it.
	foldLetterLeads [36][]byte
)

// leadsOf returns the bytes that start a rune, not ASCII, that folds to
// a spelling holding one of the letters and digits of set (see
// foldLetters).
func leadsOf(set uint64) []byte {
	foldLettersOnce.Do(buildFoldLetters)
	if set != 0 && set&(set-1) == 0 {
		return foldLetterLeads[bits.TrailingZeros64(set)]
	}
	var bs []byte
	for b, m := range foldLetterLead {
		if m&set != 0 {
			bs = append(bs, byte(b))
		}
	}
	return bs
}

func buildFoldLetters() {
	for r := rune(utf8.RuneSelf); r < tableSize; r++ {
		foldLetterTab[r] = letterBits(foldRune(r, true))
	}
	for _, cr := range unicode.CaseRanges {
		for r := max(cr.Lo, tableSize); r <= cr.Hi; r++ {
			if m := letterBits(foldRune(rune(r), true)); m != 0 {
				foldLetterHigh = append(foldLetterHigh, runeBits{rune(r), m})
			}
		}
	}
	var b [utf8.UTFMax]byte
	for r := rune(utf8.RuneSelf); r < tableSize; r++ {
		utf8.EncodeRune(b[:], r)
		foldLetterLead[b[0]] |= foldLetterTab[r]
	}
	for _, h := range foldLetterHigh {
		utf8.EncodeRune(b[:], h.r)
		foldLetterLead[b[0]] |= h.bits
	}
	for c, m := range foldLetterLead {
		for k := range foldLetterLeads {
			if m&(1<<k) != 0 {
				foldLetterLeads[k] = append(foldLetterLeads[k], byte(c))
			}
		}
	}
}

func letterBits(f string) uint64 {
	var m uint64
	for i := 0; i < len(f); i++ {
		if isAlnum(f[i]) {
			m |= 1 << alnumIndex(f[i])
		}
	}
	return m
}

// foldLetters returns the bits (1<<alnumIndex) of the ASCII letters and
// digits in the folded lower-case spelling of the rune r, not ASCII.
func foldLetters(r rune) uint64 {
	foldLettersOnce.Do(buildFoldLetters)
	if r < tableSize {
		return foldLetterTab[r]
	}
	// Few: a search through them is quick.
	for _, h := range foldLetterHigh {
		if h.r == r {
			return h.bits
		}
	}
	return 0
}

// runeBits is a rune and the bits of the letters and digits it folds to.
type runeBits struct {
	r    rune
	bits uint64
}

// scan finds, in one text, where each anchor of a prefilter may start;
// it is reused from text to text.
type scan struct {
	p *prefilter
	// starts holds the places of each first anchor (of p.uniq), in
	// order; the others' stay empty.
	starts [][]int
	// cands holds the starts of spellings' first anchors, in order.
	cands []cand
	// windows holds the parts of a text to index, as byte ranges.
	windows [][2]int
	// text holds the parts' plain text.
	text arena
	// fold, segs and lines hold the parts' folded text and line starts.
	fold  []byte
	segs  []seg
	lines []int32
}

// cand is a place where a spelling may match: the start of its first
// anchor.
type cand struct {
	at, spelling int
}

func newScan(p *prefilter) *scan {
	return &scan{p: p, starts: make([][]int, len(p.uniq))}
}

// find sets sc.starts to every place where each spelling's first anchor
// may start in s, in order: where its letters occur in order, matched as
// plain text and folding would match them (see the comment at the top of
// this file).
func (sc *scan) find(s string) {
	for i := range sc.starts {
		sc.starts[i] = sc.starts[i][:0]
	}
	p := sc.p
	// Each first letter in either case, and each first byte of a rune
	// that may fold to one: strings.IndexByte skips the text between
	// quickly, and the byte after rules out most.
	for _, b := range p.firstBytes {
		for i := 0; ; i++ {
			j := strings.IndexByte(s[i:], b)
			if j < 0 {
				break
			}
			i += j
			if i+1 < len(s) {
				if c := s[i+1]; !p.follow[c] {
					continue
				} else if b >= 0xC2 && b < 0xE0 && foldLetterTab[rune(b&0x1F)<<6|rune(c&0x3F)]&p.firsts == 0 {
					// A rune of two bytes that folds to none of the first
					// letters, or not a rune.
					continue
				}
			}
			sc.at(s, i)
		}
	}
	if len(p.firstBytes) > 1 {
		for _, st := range sc.starts {
			slices.Sort(st)
		}
	}
}

// at records the anchors that start at s[i], a byte that may start one.
func (sc *scan) at(s string, i int) {
	p := sc.p
	if c := s[i]; c < utf8.RuneSelf {
		if !alnumByte[c] {
			return
		}
		for _, id := range p.groups[p.group[c|0x20]].ids {
			if anchorRest(s, i+1, p.uniq[id][1:]) {
				sc.starts[id] = append(sc.starts[id], i)
			}
		}
		return
	}
	// Where an anchor starts inside the folded form of another rune: "ź"
	// folds to "z", "ß" to "ss", and so on.
	r, size := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && size == 1 || foldLetters(r)&p.firsts == 0 {
		return // folds to "\uFFFD", or to none of the first letters
	}
	f := foldRune(r, true)
	for _, g := range p.groups {
		for _, id := range g.ids {
			if startsIn(s, i+size, f, p.uniq[id]) {
				sc.starts[id] = append(sc.starts[id], i)
			}
		}
	}
}

// startsIn reports whether anchor a starts inside f, the folded form of
// a rune that ends at i in s, and goes on in s.
func startsIn(s string, i int, f, a string) bool {
	for k := 0; k < len(f); k++ {
		if f[k] != a[0] {
			continue
		}
		rest := f[k:]
		if strings.HasPrefix(a, rest) && anchorRest(s, i, a[len(rest):]) || strings.HasPrefix(rest, a) {
			return true
		}
	}
	return false
}

func upper(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// anchorRest reports whether a, the rest of an anchor, follows in s from
// i, with markup that plain text deletes allowed before each letter.
func anchorRest(s string, i int, a string) bool {
	for len(a) > 0 {
		if i >= len(s) {
			return false
		}
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case markupGap[c]:
				i++
				continue
			case c == ']' && i+1 < len(s) && s[i+1] == '(':
				// A link's target, deleted up to the first ")" of the
				// line.
				end := strings.IndexByte(s[i:], ')')
				if end < 0 || strings.IndexByte(s[i:i+end], '\n') >= 0 {
					return false
				}
				i += end + 1
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != a[0] {
				return false
			}
			a = a[1:]
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		f := foldRune(r, true)
		if r == utf8.RuneError && size == 1 {
			f = "\uFFFD"
		}
		switch {
		case strings.HasPrefix(a, f):
			// Marks fold to nothing and so pass too.
			a = a[len(f):]
		case strings.HasPrefix(f, a):
			return true
		default:
			return false
		}
		i += size
	}
	return true
}

// windows appends to out the parts of d, a topic's Markdown, that may
// hold a match, as plain text, each with its first line: every match of
// the full plain text lies wholly within one of them, and none crosses
// from one to the next. It appends d's whole plain text when the parts
// would not save work, and nothing when d cannot match. sc is scratch
// space for one goroutine.
//
// A match holds its spelling's first anchor, on one line, with at most
// p.back bytes of the spelling (folded) before it. If the match starts on
// an earlier line, all of the anchor's line before it and all the lines
// between are text of the match; so counting the bytes there that fold to
// one byte each (printable ASCII but space), a match cannot start before
// the line where the count reaches p.back. The same holds after the
// anchor's start, with the bytes the spelling has from there on. Counting
// fewer bytes (see lineWeight) only makes a part longer.
func (p *prefilter) windows(out []Doc, d Doc, sc *scan) []Doc {
	whole := func() []Doc {
		return plainDocs(out, d, "", p.num, newText)
	}
	if p.anchors == nil {
		return whole()
	}
	s := d.Text
	sc.find(s)
	cands := sc.cands[:0]
	for sp, ids := range p.anchors {
		for _, at := range sc.starts[ids[0]] {
			cands = append(cands, cand{at, sp})
		}
	}
	sc.cands = cands
	if len(cands) == 0 {
		return out
	}
	if !p.lines || d.Event >= 0 {
		return whole()
	}
	if len(p.anchors) > 1 {
		slices.SortFunc(cands, func(a, b cand) int { return a.at - b.at })
	}
	// Windows are about a line of some 80 bytes each: around this many
	// places they would cover most of the text anyway.
	places := 0
	for k := range cands {
		if k == 0 || cands[k].at != cands[k-1].at {
			places++
		}
	}
	if places*160 > len(s) {
		return whole()
	}
	// The window being made: the Markdown of its lines, s[lo:hi].
	lo, hi := -1, -1
	ws := sc.windows[:0]
	// The line of the last candidate.
	ls, le := -1, -1
	for k := 0; k < len(cands); {
		at := cands[k].at
		// The candidates at one place: the lines around it are the same
		// for all, and any spelling of one anchor keeps them.
		end, keep := k, false
		for ; end < len(cands) && cands[end].at == at; end++ {
			keep = keep || len(p.anchors[cands[end].spelling]) == 1
		}
		group := cands[k:end]
		k = end
		ahead := 0
		for _, c := range group {
			ahead = max(ahead, p.ahead[c.spelling])
		}
		if at >= le {
			ls = strings.LastIndexByte(s[:at], '\n') + 1
			le = len(s)
			if j := strings.IndexByte(s[at:], '\n'); j >= 0 {
				le = at + j
			}
		}
		// A match that starts on an earlier line takes in the line up to
		// the anchor; one that ends on a later line, the rest of the line
		// from the anchor on. Counting back as far for every candidate
		// keeps the windows in order.
		wlo, whi := ls, le
		for n := lineWeight(s[ls:at], p.back); wlo > 0 && n < p.back; {
			// Lines that reach the window join it whatever the count,
			// unless they may be left out.
			if keep && wlo <= hi+1 {
				break
			}
			e := wlo - 1
			wlo = strings.LastIndexByte(s[:e], '\n') + 1
			n += lineWeight(s[wlo:e], p.back-n)
		}
		for n := lineWeight(s[at:le], ahead); whi < len(s) && n < ahead; {
			b := whi + 1
			whi = len(s)
			if j := strings.IndexByte(s[b:], '\n'); j >= 0 {
				whi = b + j
			}
			n += lineWeight(s[b:whi], ahead-n)
		}
		// A match of a spelling holds all its anchors.
		if !keep && !slices.ContainsFunc(group, func(c cand) bool { return p.holdsAll(s, c.spelling, wlo, whi) }) {
			continue
		}
		if lo >= 0 && wlo <= hi+1 {
			hi = max(hi, whi)
			continue
		}
		if lo >= 0 {
			ws = append(ws, [2]int{lo, hi})
		}
		lo, hi = wlo, whi
	}
	if lo >= 0 {
		ws = append(ws, [2]int{lo, hi})
	}
	ws = spanCites(ws, s)
	sc.windows = ws
	size := 0
	for _, w := range ws {
		size += w[1] - w[0]
	}
	if size > len(s)/2 {
		// Not worth the pieces.
		return whole()
	}
	fences := codeFences(s)
	line, lineAt := d.Line, 0 // line is the number of the line at lineAt
	for _, w := range ws {
		line += strings.Count(s[lineAt:w[0]], "\n")
		lineAt = w[0]
		wd := Doc{Topic: d.Topic, Event: d.Event, File: d.File, Line: line, Col: 1, Text: s[w[0]:w[1]]}
		if w[0] == 0 {
			wd.Col = d.Col
		}
		out = plainDocs(out, wd, fences.at(w[0]), p.num, sc.text.add)
	}
	return out
}

// spanCites widens the windows ws, whole lines of s, so that no citation
// group crosses the start or end of one: plain text writes a group's
// marker where it starts, in place of all its lines. Windows that come to
// meet are merged.
func spanCites(ws [][2]int, s string) [][2]int {
	out := ws[:0]
	for _, w := range ws {
		for c, ok := citeAcross(s, w[0]); ok; c, ok = citeAcross(s, w[0]) {
			w[0] = strings.LastIndexByte(s[:c.Start], '\n') + 1
		}
		for c, ok := citeAcross(s, w[1]); ok; c, ok = citeAcross(s, w[1]) {
			w[1] = len(s)
			if j := strings.IndexByte(s[c.End:], '\n'); j >= 0 {
				w[1] = c.End + j
			}
		}
		if n := len(out); n > 0 && w[0] <= out[n-1][1]+1 {
			out[n-1][1] = max(out[n-1][1], w[1])
			continue
		}
		out = append(out, w)
	}
	return out
}

// citeAcross returns a citation group of s that starts before i and ends
// after it, if any. Such a group holds no "[" but its first.
func citeAcross(s string, i int) (briefing.Citation, bool) {
	lo := max(0, i-briefing.MaxCitationLen)
	j := strings.LastIndexByte(s[lo:i], '[')
	if j < 0 {
		return briefing.Citation{}, false
	}
	j += lo
	if end, ok := briefing.CitationEnd(s, j); ok && end > i {
		return briefing.Citation{Start: j, End: end}, true
	}
	return briefing.Citation{}, false
}

// index makes the indexDoc of d, its folded text and line starts in
// blocks shared with others.
func (sc *scan) index(d Doc) indexDoc {
	// Folding may lengthen a text ("ß" is "ss"), rarely by much; if it
	// outgrows the block, the block is copied.
	// Blocks grow as the text indexed does.
	if cap(sc.fold)-len(sc.fold) < len(d.Text)+8 {
		sc.fold = make([]byte, 0, max(min(2*cap(sc.fold), 64<<10), 2*len(d.Text)+8))
	}
	if cap(sc.segs)-len(sc.segs) < 16 {
		sc.segs = make([]seg, 0, min(max(2*cap(sc.segs), 64), 4096))
	}
	var f folded
	f, sc.fold, sc.segs = foldAppend(sc.fold, sc.segs, d.Text, true)
	if d.Excerpts {
		sealLines(&f, d.Text)
	}
	n := len(sc.lines)
	sc.lines = appendLineStarts(sc.lines, d.Text)
	return indexDoc{Doc: d, fold: f, lines: sc.lines[n:len(sc.lines):len(sc.lines)]}
}

// arena hands out strings built in shared blocks rather than one
// allocation each; it never writes a byte it handed out again.
type arena struct {
	buf  []byte
	next int // the size of the next block
}

// add returns the text that build appends to a byte slice, given about
// how long it will be.
func (a *arena) add(hint int, build func([]byte) []byte) string {
	if cap(a.buf)-len(a.buf) < hint+hint/8+16 {
		// Blocks grow from a few KiB, for a briefing of one topic, to a
		// few pages.
		a.next = min(max(2*a.next, 2<<10), 64<<10)
		a.buf = make([]byte, 0, max(a.next, 2*hint+16))
	}
	start := len(a.buf)
	// If build outgrows the block, the strings handed out keep the old
	// one.
	a.buf = build(a.buf)
	b := a.buf[start:]
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// holdsAll reports whether the Markdown s[lo:hi], whole lines, may hold
// each anchor of spelling sp but the first: a match of sp holds them all.
func (p *prefilter) holdsAll(s string, sp, lo, hi int) bool {
	for _, id := range p.anchors[sp][1:] {
		if !anchorIn(s, lo, hi, p.uniq[id], p.starters[id]) {
			return false
		}
	}
	return true
}

// anchorIn reports whether anchor a may start in s[lo:hi], as scan.find
// would find it; starters are the bytes that may start it.
func anchorIn(s string, lo, hi int, a string, starters []byte) bool {
	for _, b := range starters {
		for i := lo; i < hi; i++ {
			j := strings.IndexByte(s[i:hi], b)
			if j < 0 {
				break
			}
			i += j
			if b < utf8.RuneSelf {
				if anchorRest(s, i+1, a[1:]) {
					return true
				}
				continue
			}
			if r, size := utf8.DecodeRuneInString(s[i:]); (r != utf8.RuneError || size > 1) && startsIn(s, i+size, foldRune(r, true), a) {
				return true
			}
		}
	}
	return false
}

// lineWeight returns at most the number of bytes of a Markdown line's
// plain text that fold to one byte other than a space each (see
// windows): its ASCII letters and digits, but for those of a link's
// target and of a task list's box, and none on a code fence's line.
// Plain text deletes no other letter or digit. It stops counting at
// need. Counting from left to right, it counts no more for the start of
// a line, up to an anchor, than for the whole line.
func lineWeight(line string, need int) int {
	t := strings.TrimLeft(line, " \t")
	if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
		return 0
	}
	n := 0
	for i := 0; i < len(line) && n < need; i++ {
		c := line[i]
		switch {
		case alnumByte[c]:
			n++
		case c == ']' && i+1 < len(line) && line[i+1] == '(':
			k := strings.IndexByte(line[i:], ')')
			if k < 0 {
				return n
			}
			i += k
		case c == '[' && strings.HasPrefix(line[i+1:], "x] "):
			i += 3
		}
	}
	return n
}

// alnumByte marks the ASCII letters, either case, and digits.
var alnumByte = func() (t [256]bool) {
	for c := 0; c < 128; c++ {
		t[c] = isAlnum(byte(c)) || 'A' <= c && c <= 'Z'
	}
	return t
}()

// fenceLines holds the lines of a Markdown text that open or close a
// code fence, in order, with the fence open after each.
type fenceLines []struct {
	start int // the line's first byte
	after string
}

// codeFences finds the code fences of s as plainText sees them.
func codeFences(s string) fenceLines {
	var starts []int
	for _, f := range []string{"```", "~~~"} {
		for i := 0; ; {
			j := strings.Index(s[i:], f)
			if j < 0 {
				break
			}
			i += j
			ls := strings.LastIndexByte(s[:i], '\n') + 1
			if strings.Trim(s[ls:i], " \t") == "" {
				starts = append(starts, ls)
			}
			// The rest of the line cannot start a fence.
			if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
				i += j
			} else {
				break
			}
		}
	}
	if starts == nil {
		return nil
	}
	slices.Sort(starts)
	var fs fenceLines
	open := ""
	for _, ls := range starts {
		f := codeFence(strings.TrimLeft(s[ls:], " \t"))
		switch {
		case open == "":
			open = f
		case f == open:
			open = ""
		default:
			continue // text in the open fence
		}
		fs = append(fs, struct {
			start int
			after string
		}{ls, open})
	}
	return fs
}

// at returns the code fence open at the start of the line that starts at
// byte i.
func (fs fenceLines) at(i int) string {
	k, _ := slices.BinarySearchFunc(fs, i, func(f struct {
		start int
		after string
	}, i int) int {
		return f.start - i
	})
	if k == 0 {
		return ""
	}
	return fs[k-1].after
}

// NewIndexFor builds the index of b for one search of q: like NewIndex,
// but leaving out the text that provably holds no match of q (whole
// topics, and the lines of a topic far from any candidate), which makes
// building it much cheaper for a rare word. Its Search(q) returns the
// same matches, with the same lines and snippets, as NewIndex(b).Search(q);
// only Match.Doc, Match.N and the ranges, which number the texts of this
// index, differ. For any other query it is incomplete.
func NewIndexFor(b *briefing.Briefing, q Query) *Index {
	if q.Empty() {
		return &Index{parts: [][2]int{{0, 0}}}
	}
	// The same texts, in the same order, as NewIndex.
	docs := searchDocs(b)
	freq := sampleFreq(docs)
	p := newPrefilter(q, &freq)
	p.num = b.SourceNumbers()

	parts := make([][]indexDoc, len(docs))
	var next atomic.Int64
	work := func() {
		sc := newScan(&p)
		var ds []Doc
		// Texts one at a time to whichever goroutine is free: they
		// differ in size.
		for i := int(next.Add(1) - 1); i < len(docs); i = int(next.Add(1) - 1) {
			ds = p.windows(ds[:0], docs[i], sc)
			if len(ds) == 0 {
				continue
			}
			part := make([]indexDoc, len(ds))
			for k, d := range ds {
				part[k] = sc.index(d)
			}
			parts[i] = part
		}
	}
	size := 0
	for _, d := range docs {
		size += len(d.Text)
	}
	if n := workers(); n > 1 && size >= minPart {
		var wg sync.WaitGroup
		for range n {
			wg.Go(work)
		}
		wg.Wait()
	} else {
		work()
	}
	n := 0
	for _, ds := range parts {
		n += len(ds)
	}
	ix := &Index{docs: make([]indexDoc, 0, n)}
	for _, ds := range parts {
		ix.docs = append(ix.docs, ds...)
	}
	ix.parts = partition(ix.docs, workers())
	return ix
}
