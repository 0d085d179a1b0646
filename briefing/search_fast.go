package briefing

import (
	"slices"
	"strings"
	"unicode/utf8"
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
// (per mille), to anchor on a rare one; digits count as rare.
var letterFreq = [26]uint8{
	82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24, 67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1,
}

// minAnchor is the shortest anchor chosen where the spelling allows: one
// rare letter alone occurs in most pages of prose.
const minAnchor = 4

// anchorsOf returns the anchors of a folded spelling, rarest first: for
// each of its runs of ASCII letters and digits, the tail of the run of at
// least minAnchor bytes (or the whole run if shorter) that starts with
// the rarest letter. Every match holds each of them. It returns nil when
// the spelling has no ASCII letter or digit.
func anchorsOf(folded string) []string {
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
		best := anchor{freq: 1000}
		for k := 0; k == 0 || k+minAnchor <= len(run); k++ {
			f := 0 // digits are rare
			if c := run[k]; 'a' <= c && c <= 'z' {
				f = int(letterFreq[c-'a'])
			}
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

// prefilter says which texts may match a query; see mayMatch.
type prefilter struct {
	// anchors holds the anchors of each spelling. nil means no
	// filtering: a spelling without an anchor may match anywhere.
	anchors [][]string
	// span is the length of the longest spelling, folded.
	span int
	// lines says that a match lies within the lines around its anchor
	// (see windows): no spelling starts or ends with a space, which
	// would take in the white space of lines before or after.
	lines bool
}

func newPrefilter(q Query) prefilter {
	p := prefilter{lines: true}
	for _, n := range q.needles {
		p.span = max(p.span, len(n.lower))
		if n.lower[0] == ' ' || n.lower[len(n.lower)-1] == ' ' {
			p.lines = false
		}
		a := anchorsOf(n.lower)
		if a == nil {
			return prefilter{}
		}
		p.anchors = append(p.anchors, a)
	}
	return p
}

// scan remembers, for one text, where the bytes that may start an anchor
// are, so that several anchors take one pass each over the text.
type scan struct {
	byByte    map[byte][]int // an ASCII letter or digit, in either case
	nonASCII  []int          // the first byte of each rune that is not ASCII
	nonASCIIs bool           // whether nonASCII is set
}

// anchorStarts returns every place where anchor a may start in s, in no
// particular order: where its letters occur in order, matched as plain
// text and folding would match them (see the comment at the top of this
// file).
func (sc *scan) anchorStarts(s, a string) []int {
	var at []int
	c := a[0]
	// Where the anchor starts with an ASCII letter or digit of s.
	for _, i := range sc.positions(s, c) {
		if anchorRest(s, i+1, a[1:]) {
			at = append(at, i)
		}
	}
	// Where it starts inside the folded form of another rune: "ź" folds
	// to "z", "ß" to "ss", and so on.
	if !sc.nonASCIIs {
		for i := 0; i < len(s); {
			j := nextNonASCII(s, i)
			if j < 0 {
				break
			}
			sc.nonASCII = append(sc.nonASCII, j)
			_, size := utf8.DecodeRuneInString(s[j:])
			i = j + size
		}
		sc.nonASCIIs = true
	}
	for _, j := range sc.nonASCII {
		r, size := utf8.DecodeRuneInString(s[j:])
		f := foldRune(r, true)
		if r == utf8.RuneError && size == 1 {
			f = "\uFFFD"
		}
		for k := 0; k < len(f); k++ {
			if f[k] != c {
				continue
			}
			rest := f[k:]
			if strings.HasPrefix(a, rest) && anchorRest(s, j+size, a[len(rest):]) || strings.HasPrefix(rest, a) {
				at = append(at, j)
				break
			}
		}
	}
	return at
}

// positions returns where c occurs in s in either case.
func (sc *scan) positions(s string, c byte) []int {
	if at, ok := sc.byByte[c]; ok {
		return at
	}
	var at []int
	for _, b := range [2]byte{c, upper(c)} {
		for i := 0; ; {
			j := strings.IndexByte(s[i:], b)
			if j < 0 {
				break
			}
			at = append(at, i+j)
			i += j + 1
		}
		if upper(c) == c {
			break
		}
	}
	if sc.byByte == nil {
		sc.byByte = map[byte][]int{}
	}
	sc.byByte[c] = at
	return at
}

func upper(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// nextNonASCII returns the index of the first byte at or after i that is
// not ASCII, or -1, looking at eight bytes at a time.
func nextNonASCII(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		if load64(s, i)&msb != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return i
		}
	}
	return -1
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

// windows returns the parts of d, a topic's Markdown, that may hold a
// match, as plain text, each with its first line: every match of the
// full plain text lies wholly within one of them, and none crosses from
// one to the next. It returns d's whole plain text when the parts would
// not save work, and nothing when d cannot match.
//
// A match holds an anchor of its spelling, on one line. The lines it
// takes in before that line are all of them text of the match, but the
// first; so counting the bytes that fold to one byte each (printable
// ASCII but space) of the lines before the anchor's, a match cannot
// start before the line where the count reaches the spelling's length.
// The same holds after it.
func (p prefilter) windows(d Doc) []Doc {
	if p.anchors == nil {
		return []Doc{{Topic: d.Topic, Event: d.Event, File: d.File, Line: d.Line, Text: plainText(d.Text)}}
	}
	s := d.Text
	// Spellings share anchors ("zelensky" in "volodymyr zelensky"):
	// each is looked for once.
	found := map[string][]int{}
	var sc scan
	startsOf := func(a string) []int {
		at, ok := found[a]
		if !ok {
			at = sc.anchorStarts(s, a)
			found[a] = at
		}
		return at
	}
	var starts []int
	for _, as := range p.anchors {
		if slices.ContainsFunc(as, func(a string) bool { return len(startsOf(a)) == 0 }) {
			continue
		}
		starts = append(starts, startsOf(as[0])...)
	}
	if len(starts) == 0 {
		return nil
	}
	whole := func() []Doc {
		return []Doc{{Topic: d.Topic, Event: d.Event, File: d.File, Line: d.Line, Text: plainText(s)}}
	}
	if !p.lines || d.Event >= 0 {
		return whole()
	}
	lines := lineStarts(s)
	// Lines of about 70 bytes: windows around this many anchors would
	// cover most of the text anyway.
	if len(starts)*(3+2*p.span/40) > len(lines)/2 {
		return whole()
	}
	t := newLineText(s, lines)
	var ranges [][2]int
	for _, at := range starts {
		la, _ := slices.BinarySearch(lines, int32(at+1))
		la-- // the line that holds at
		lo, n := la, 0
		for lo > 0 && n < p.span {
			lo--
			n += t.weight(lo)
		}
		hi, n := la, 0
		for hi+1 < len(lines) && n < p.span {
			hi++
			n += t.weight(hi)
		}
		ranges = append(ranges, [2]int{lo, hi})
	}
	slices.SortFunc(ranges, func(a, b [2]int) int { return a[0] - b[0] })
	var out []Doc
	var b strings.Builder
	for i := 0; i < len(ranges); {
		lo, hi := ranges[i][0], ranges[i][1]
		for i++; i < len(ranges) && ranges[i][0] <= hi+1; i++ {
			hi = max(hi, ranges[i][1])
		}
		b.Reset()
		for l := lo; l <= hi; l++ {
			if l > lo {
				b.WriteByte('\n')
			}
			b.WriteString(t.plain(l))
		}
		out = append(out, Doc{Topic: d.Topic, Event: d.Event, File: d.File, Line: d.Line + lo, Text: b.String()})
	}
	return out
}

// lineText makes the plain text of single lines of a Markdown text, as
// plainText makes it of the whole: the same lines in the same code
// fences.
type lineText struct {
	s      string
	starts []int32
	// fence holds the code fence open at the start of each line.
	fence []string
	memo  []string
	done  []bool
}

func newLineText(s string, starts []int32) *lineText {
	t := &lineText{s: s, starts: starts, fence: make([]string, len(starts)), memo: make([]string, len(starts)), done: make([]bool, len(starts))}
	if !strings.Contains(s, "```") && !strings.Contains(s, "~~~") {
		return t // no fences
	}
	fence := ""
	for l := range starts {
		t.fence[l] = fence
		trimmed := strings.TrimLeft(strings.TrimSuffix(t.line(l), "\r"), " \t")
		if f := codeFence(trimmed); f != "" {
			switch {
			case fence == "":
				fence = f
			case strings.HasPrefix(trimmed, fence):
				fence = ""
			}
		}
	}
	return t
}

// line returns line l of the Markdown.
func (t *lineText) line(l int) string {
	end := len(t.s)
	if l+1 < len(t.starts) {
		end = int(t.starts[l+1]) - 1
	}
	return t.s[t.starts[l]:end]
}

// plain returns the plain text of line l.
func (t *lineText) plain(l int) string {
	if t.done[l] {
		return t.memo[l]
	}
	var p string
	if f := t.fence[l]; f != "" {
		// Within a fence: the fence's line first, which plain text
		// makes empty.
		p = plainText(f + "\n" + t.line(l))[1:]
	} else {
		p = plainText(t.line(l))
	}
	t.memo[l], t.done[l] = p, true
	return p
}

// weight returns the number of bytes of line l's plain text that fold
// to one byte other than a space each: a match that takes in the whole
// line takes in at least as many bytes of its spelling.
func (t *lineText) weight(l int) int {
	n := 0
	for _, c := range []byte(t.plain(l)) {
		if c > ' ' && c < 0x7f {
			n++
		}
	}
	return n
}

// NewIndexFor builds the index of b for one search of q: like NewIndex,
// but leaving out the text that provably holds no match of q (whole
// topics, and the lines of a topic far from any candidate), which makes
// building it much cheaper for a rare word. Its Search(q) returns the
// same matches, with the same lines and snippets, as NewIndex(b).Search(q);
// only Match.Doc, Match.N and the ranges, which number the texts of this
// index, differ. For any other query it is incomplete.
func NewIndexFor(b *Briefing, q Query) *Index {
	if q.Empty() {
		return &Index{parts: [][2]int{{0, 0}}}
	}
	p := newPrefilter(q)
	// The same texts, in the same order, as NewIndex.
	docs := searchDocs(b)

	parts := make([][]indexDoc, len(docs))
	ix := &Index{}
	ix.each(len(docs), func(i int) {
		for _, d := range p.windows(docs[i]) {
			parts[i] = append(parts[i], indexDoc{Doc: d, fold: foldText(d.Text, true), lines: lineStarts(d.Text)})
		}
	})
	for _, ds := range parts {
		ix.docs = append(ix.docs, ds...)
	}
	ix.parts = partition(ix.docs, workers())
	return ix
}
