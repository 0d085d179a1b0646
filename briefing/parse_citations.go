package briefing

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxCitationLen bounds how far the scanner looks for the closing bracket
// of a citation group, which keeps scanning linear in the text.
const MaxCitationLen = 2000

// ScanCitations finds the pandoc-style citation groups in Markdown text:
// [@a], [@a; @b], [@a, @b] and groups with a prefix or locator such as
// [see @a, p. 3]. A key starts with @ at the start of the group or after
// a space, ';' or ','; so an e-mail address such as [me@example.com] is
// not a citation. A bracket group followed by '(' or '[' is a link, and
// text in code spans and fenced code blocks is skipped. The Pos of each
// citation is left zero; Start and End are byte offsets in s.
func ScanCitations(s string) []Citation {
	var out []Citation
	lineStart := true
	var fence fences
	var spans CodeSpans
	for i := 0; i < len(s); {
		if lineStart {
			lineStart = false
			end := lineEnd(s, i)
			line := s[i:end]
			if fence.code(line) {
				i = end + 1
				lineStart = true
				continue
			}
		}
		switch c := s[i]; c {
		case '\n':
			lineStart = true
			i++
		case '\\':
			if i+1 < len(s) && s[i+1] != '\n' {
				i++
			}
			i++
		case '`':
			i = spans.Skip(s, i)
		case '[':
			if i > 0 && s[i-1] == '!' {
				i++
				continue
			}
			if c, ok := CitationAt(s, i); ok {
				out = append(out, c)
				i = c.End
				continue
			}
			i++
		default:
			// Most of a text is none of the bytes above.
			i++
			for i < len(s) && !citeStop[s[i]] {
				i++
			}
		}
	}
	return out
}

// citeStop marks the bytes ScanCitations stops at.
var citeStop = [256]bool{'\n': true, '\\': true, '`': true, '[': true}

// fences follows the fenced code blocks of a text, line by line.
type fences struct {
	c byte // the fence character while inside a block, else 0
	n int  // the opening fence's length
}

// code reports whether line belongs to a fenced code block, its opening
// and closing fences included, and moves past it.
func (f *fences) code(line string) bool {
	if f.c != 0 {
		if c, n, rest := fenceOf(line); c == f.c && n >= f.n && strings.TrimSpace(rest) == "" {
			f.c = 0
		}
		return true
	}
	if c, n, rest := fenceOf(line); c != 0 && !(c == '`' && strings.IndexByte(rest, '`') >= 0) {
		f.c, f.n = c, n
		return true
	}
	return false
}

// fenceOf reports the fence character and length if line opens or closes
// a fenced code block (up to three spaces, then three or more ` or ~).
func fenceOf(line string) (c byte, n int, rest string) {
	t := line
	for k := 0; k < 3 && strings.HasPrefix(t, " "); k++ {
		t = t[1:]
	}
	if t == "" || (t[0] != '`' && t[0] != '~') {
		return 0, 0, ""
	}
	c = t[0]
	for n < len(t) && t[n] == c {
		n++
	}
	if n < 3 {
		return 0, 0, ""
	}
	return c, n, t[n:]
}

// skipCodeSpan returns the offset after the code span whose opening
// backtick run is at s[i], or after the run if it is not closed.
func skipCodeSpan(s string, i int) int {
	var c CodeSpans
	return c.Skip(s, i)
}

// CodeSpans finds the end of code spans in one paragraph at a time. It
// indexes the paragraph's backtick runs by length, so that finding the
// closing run of each opening run costs linear time in all.
type CodeSpans struct {
	start, end int           // the paragraph indexed
	runs       map[int][]int // offsets of the runs of each length
	next       map[int]int   // first entry of runs not yet passed
}

// skip returns the offset after the code span whose opening backtick run
// is at s[i], or after the run if nothing closes it in its paragraph.
func (c *CodeSpans) Skip(s string, i int) int {
	if c.runs == nil || i < c.start || i >= c.end {
		c.index(s, i)
	}
	n := 0
	for i+n < len(s) && s[i+n] == '`' {
		n++
	}
	runs := c.runs[n]
	k := c.next[n]
	for k < len(runs) && runs[k] <= i {
		k++
	}
	c.next[n] = k
	if k < len(runs) {
		return runs[k] + n
	}
	return i + n
}

// index records the backtick runs of the paragraph from i: a code span
// ends with its paragraph at the latest.
func (c *CodeSpans) index(s string, i int) {
	c.start = i
	c.end = len(s)
	if b := strings.Index(s[i:], "\n\n"); b >= 0 {
		c.end = i + b
	}
	c.runs = map[int][]int{}
	c.next = map[int]int{}
	for j := i; j < c.end; {
		if s[j] != '`' {
			j++
			continue
		}
		n := 0
		for j+n < c.end && s[j+n] == '`' {
			n++
		}
		c.runs[n] = append(c.runs[n], j)
		j += n
	}
}

// CitationAt parses a citation group whose '[' is at s[i].
func CitationAt(s string, i int) (Citation, bool) {
	end, ok := CitationEnd(s, i)
	if !ok {
		return Citation{}, false
	}
	c := citationParts(s[i+1 : end-1])
	c.Start, c.End = i, end
	return c, true
}

// CitationEnd reports whether a citation group opens with the '[' at
// s[i], and where it ends, without taking it apart. An excerpt in the
// group (see excerptEnd) may hold ']', ';', ',' and '@'.
func CitationEnd(s string, i int) (end int, ok bool) {
	limit := len(s)
	if limit > i+MaxCitationLen {
		limit = i + MaxCitationLen
	}
	var q excerpts
	key := false
	j := i + 1
	for ; j < limit; j++ {
		switch s[j] {
		case ']':
			goto closed
		case '[':
			return 0, false
		case '\n':
			// A blank line ends the paragraph, and the group with it.
			if j+1 < len(s) && s[j+1] == '\n' {
				return 0, false
			}
		case '"', 0xE2:
			if e, ok := q.end(s, i+1, j, limit, false); ok {
				j = e - 1
			}
		case '@':
			key = key || keyBoundary(s[i+1:], j-i-1) && keyAt(s[j+1:limit]) != ""
		}
	}
	return 0, false
closed:
	if j+1 < len(s) && (s[j+1] == '(' || s[j+1] == '[') {
		return 0, false
	}
	if !key {
		return 0, false
	}
	return j + 1, true
}

// excerpts finds the excerpts of one citation group. An excerpt is a
// locator written as a quotation: a '"' or '“' after the ',' that
// follows a key, up to the first matching '"' or '”' that ends the item,
// being followed (after white space) by ';' or the group's ']'. So the
// passage may hold quotation marks of its own, and ';', ']', ',' and '@'.
// A mark that opens no excerpt is text, as in pandoc.
type excerpts struct {
	// failed is set, for straight and for curly marks, when one opening
	// mark found no close: a later one of the kind cannot either, so
	// that scanning a group stays linear.
	failed [2]bool
}

// end returns the end of the excerpt opening at s[j], just past its
// closing mark, in a group whose inside starts at lo; it looks no
// further than limit, a '[' or a blank line. If closed, limit is where
// the group's ']' stands.
func (q *excerpts) end(s string, lo, j, limit int, closed bool) (int, bool) {
	open, close, kind := `"`, `"`, 0
	if strings.HasPrefix(s[j:], "“") {
		open, close, kind = "“", "”", 1
	} else if s[j] != '"' {
		return 0, false
	}
	if q.failed[kind] {
		return 0, false
	}
	k := j - 1
	for k >= lo && isBlank(s[k]) {
		k--
	}
	if k < lo || s[k] != ',' {
		return 0, false
	}
	for m := j + len(open); m < limit; m++ {
		switch c := s[m]; {
		case c == '[':
			m = limit
			continue
		case c == '\n' && m+1 < len(s) && s[m+1] == '\n':
			m = limit
			continue
		case c != close[0] || !strings.HasPrefix(s[m:], close):
			continue
		}
		e := m + len(close)
		t := e
		for t < limit && isBlank(s[t]) {
			t++
		}
		if t < limit && (s[t] == ';' || s[t] == ']') || t == limit && closed {
			return e, true
		}
	}
	q.failed[kind] = true
	return 0, false
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

// citationParts returns the @keys in the inside of a bracket group, with
// the prefix and locator written around each: in pandoc's
// [see @a, p. 3; @b], the prefix of a is "see" and its locator "p. 3".
// Text between two keys of one item ([@a, p. 3, @b]) is the locator of
// the first. A locator that is a quotation ([@a, "the passage"]) is the
// key's excerpt instead.
func citationParts(g string) Citation {
	c, _, _ := groupParts(g, false)
	return c
}

// groupParts is citationParts, with, if offs, the offsets in g of each
// key's '@' and of each excerpt's opening mark (-1 for none).
func groupParts(g string, offs bool) (c Citation, keyOff, excerptOff []int) {
	var q excerpts
	from, n := 0, 0  // where the text after the last key starts; keys in the item
	qs, qe := -1, -1 // the last excerpt found, marks included
	affixes, quoted := false, false
	endItem := func(end int) {
		if n == 0 {
			return
		}
		last := len(c.Keys) - 1
		if qs >= from && strings.Trim(g[from:qs], " \t\n,") == "" && strings.TrimSpace(g[qe:end]) == "" {
			open := 1
			if g[qs] != '"' {
				open = len("“")
			}
			quoted = true
			if offs {
				excerptOff[last] = qs
			}
			c.Excerpts[last] = oneLine(g[qs+open : qe-open])
			return
		}
		c.Locators[last] = affix(g[from:end])
	}
	for k := 0; k < len(g); k++ {
		switch g[k] {
		case ';':
			endItem(k)
			from, n = k+1, 0
			continue
		case '"', 0xE2:
			if e, ok := q.end(g, 0, k, len(g), true); ok {
				qs, qe = k, e
				k = e - 1
			}
			continue
		case '@':
		default:
			continue
		}
		if !keyBoundary(g, k) {
			continue
		}
		key := keyAt(g[k+1:])
		if key == "" {
			continue
		}
		before := g[from:k]
		if n > 0 {
			c.Locators[len(c.Locators)-1] = affix(before)
		}
		pre := ""
		if n == 0 {
			pre = affix(strings.TrimSuffix(strings.TrimRight(before, " \t\n"), "-"))
		}
		c.Keys = append(c.Keys, key)
		c.Prefixes = append(c.Prefixes, pre)
		c.Locators = append(c.Locators, "")
		c.Excerpts = append(c.Excerpts, "")
		if offs {
			keyOff = append(keyOff, k)
			excerptOff = append(excerptOff, -1)
		}
		n++
		k += len(key)
		from = k + 1
	}
	endItem(len(g))
	for i := range c.Keys {
		affixes = affixes || c.Prefixes[i] != "" || c.Locators[i] != ""
	}
	if !affixes {
		c.Prefixes, c.Locators = nil, nil
	}
	if !quoted {
		c.Excerpts = nil
	}
	return c, keyOff, excerptOff
}

// oneLine returns s with each run of white space as one space and none
// at either end, as an excerpt written over lines reads; most need no
// copy.
func oneLine(s string) string {
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		c := s[i]
		clean = c < utf8.RuneSelf && !unicode.IsSpace(rune(c)) || c == ' ' && i > 0 && i < len(s)-1 && s[i+1] != ' '
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, f := range strings.FieldsFunc(s, unicode.IsSpace) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f)
	}
	return b.String()
}

// CitationExcerptsAt parses a citation group whose '[' is at s[i], as
// CitationAt does, and returns with it the offsets that ExcerptOffsets
// returns, in one pass.
func CitationExcerptsAt(s string, i int) (Citation, []int, bool) {
	end, ok := CitationEnd(s, i)
	if !ok {
		return Citation{}, nil, false
	}
	c, _, ex := groupParts(s[i+1:end-1], true)
	c.Start, c.End = i, end
	if c.Excerpts == nil {
		return c, nil, true
	}
	for k := range ex {
		if ex[k] >= 0 {
			ex[k] += i + 1
		}
	}
	return c, ex, true
}

// ExcerptOffsets returns, for each key of c, a citation group found in
// s, the offset in s of its excerpt's opening quotation mark, or -1 for a
// key without one; nil when c has no excerpt.
func ExcerptOffsets(s string, c Citation) []int {
	if c.Excerpts == nil {
		return nil
	}
	_, _, ex := groupParts(s[c.Start+1:c.End-1], true)
	for i := range ex {
		if ex[i] >= 0 {
			ex[i] += c.Start + 1
		}
	}
	return ex
}

// keyOffsets returns the offsets in s of the '@' of each key of c, a
// citation group found in s.
func keyOffsets(s string, c Citation) []int {
	offs := make([]int, 0, len(c.Keys))
	if c.Excerpts != nil {
		// An excerpt may hold "@k": the group is taken apart again.
		_, ks, _ := groupParts(s[c.Start+1:c.End-1], true)
		for _, k := range ks {
			offs = append(offs, c.Start+1+k)
		}
		return offs
	}
	from := c.Start
	for _, k := range c.Keys {
		off := from
		if j := strings.Index(s[from:c.End], "@"+k); j >= 0 {
			off = from + j
			from = off + 1 + len(k)
		}
		offs = append(offs, off)
	}
	return offs
}

// affix is the text around a key as shown: without the separators that
// set it off, and on one line.
func affix(s string) string {
	return strings.Join(strings.Fields(strings.Trim(s, " \t\n,;")), " ")
}

// keyBoundary reports whether the @ at g[k] may start a key: at the start,
// after a separator, or after a '-' (pandoc's author suppression) that is
// itself at such a place.
func keyBoundary(g string, k int) bool {
	sep := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == ',' }
	switch {
	case k == 0:
		return true
	case sep(g[k-1]):
		return true
	case g[k-1] == '-':
		return k == 1 || sep(g[k-2])
	}
	return false
}

// keyAt returns the citation key at the start of s: a letter, digit or _,
// then letters, digits, _ and internal punctuation (:.#$%&-+?<>~/) that is
// followed by a letter, digit or _.
func keyAt(s string) string {
	word := func(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !word(r) {
		return ""
	}
	end := n
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if word(r) {
			end += n
			continue
		}
		if strings.ContainsRune(":.#$%&-+?<>~/", r) {
			r2, n2 := utf8.DecodeRuneInString(s[end+n:])
			if n2 > 0 && word(r2) {
				end += n + n2
				continue
			}
		}
		break
	}
	return s[:end]
}
