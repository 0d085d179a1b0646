package briefing

import (
	"strings"
	"unicode/utf8"
)

// The full YAML parser takes about 70 ms for the briefing.yaml of a
// 1,000-topic briefing, more than reading all its topics. Briefings are
// written in a small part of YAML: a mapping of fields whose values are
// one-line scalars (plain or quoted), one-line flow lists, literal blocks
// ("|") and block lists of those or of such mappings. The fast reader
// reads exactly that part and gives up on anything else, however valid,
// which the full parser then reads: a document it accepts gets the tree
// the full parser gives, positions included (FuzzFastYAML checks this),
// so it needs no error messages of its own.

// fastYAML is the state of one fast read.
type fastYAML struct {
	y     *yamlReader
	lines []string // without their "\n"
	// open is true when the last line has no "\n".
	open bool
	i    int // the line being read
	// slab holds nodes to hand out, allocated slabs at a time.
	slab  []ynode
	slabs int
}

// node returns a new node holding n.
func (p *fastYAML) node(n ynode) *ynode {
	if len(p.slab) == 0 {
		// Front matter has a handful of nodes, briefing.yaml thousands.
		p.slabs = min(max(2*p.slabs, 8), 256)
		p.slab = make([]ynode, p.slabs)
	}
	t := &p.slab[0]
	*t = n
	p.slab = p.slab[1:]
	return t
}

// parseFast reads src if it is in the plain block form, and reports
// whether it was.
func (y *yamlReader) parseFast(src string) (*ynode, bool) {
	// Tabs and carriage returns change how lines are read; the full
	// parser replaces bytes that are not UTF-8 (which a loaded file has
	// none of) and refuses deep nesting before it parses.
	if _, ok := flowDepthOK(src); !ok || strings.ContainsAny(src, "\t\r") || !utf8.ValidString(src) {
		return nil, false
	}
	p := &fastYAML{y: y, lines: strings.Split(src, "\n")}
	if n := len(p.lines); p.lines[n-1] == "" {
		p.lines = p.lines[:n-1]
	} else {
		p.open = true
	}
	p.skipBlank()
	if p.i == len(p.lines) || indent(p.lines[p.i]) != 0 || !isKeyLine(p.lines[p.i]) {
		return nil, false
	}
	n, ok := p.mapping(0)
	if !ok {
		return nil, false
	}
	p.skipBlank()
	if p.i != len(p.lines) {
		return nil, false
	}
	return n, true
}

// pos returns the position of byte col of line i.
func (p *fastYAML) pos(i, col int) Pos {
	line := p.lines[i]
	return Pos{File: p.y.file, Line: i + 1 + p.y.lineOffset, Col: utf8.RuneCountInString(line[:col]) + 1}
}

// skipBlank moves past blank lines and comment lines.
func (p *fastYAML) skipBlank() {
	for p.i < len(p.lines) {
		s := strings.TrimLeft(p.lines[p.i], " ")
		if s != "" && s[0] != '#' {
			return
		}
		p.i++
	}
}

// next moves past blank and comment lines and returns the indent of the
// line it stops at, or -1 at the end.
func (p *fastYAML) next() int {
	p.skipBlank()
	if p.i == len(p.lines) {
		return -1
	}
	return indent(p.lines[p.i])
}

func indent(s string) int {
	n := 0
	for n < len(s) && s[n] == ' ' {
		n++
	}
	return n
}

// keyLen returns the length of the plain key that s starts with, followed
// by ':' and a space or the end of the line, or 0.
func keyLen(s string) int {
	n := 0
	for n < len(s) {
		c := s[n]
		if c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || n > 0 && ('0' <= c && c <= '9' || c == '-') {
			n++
			continue
		}
		break
	}
	if n == 0 || n == len(s) || s[n] != ':' || n+1 < len(s) && s[n+1] != ' ' {
		return 0
	}
	return n
}

func isKeyLine(s string) bool { return keyLen(s) > 0 }

// maxFastKeys bounds the keys of a mapping the fast reader reads, and so
// the cost of looking for duplicates: a briefing's mappings have at most
// eight fields, and a longer one is full of unknown fields anyway.
const maxFastKeys = 32

// mapping reads a block mapping whose keys start at byte col: the first
// on the current line (after "- " in a list), the others on lines of
// their own indented by col.
func (p *fastYAML) mapping(col int) (*ynode, bool) {
	n := p.node(ynode{kind: yMap})
	for {
		line := p.lines[p.i]
		k := keyLen(line[col:])
		if k == 0 {
			return nil, false
		}
		key := line[col : col+k]
		if len(n.pairs) == maxFastKeys {
			return nil, false
		}
		for _, q := range n.pairs {
			if q.key == key {
				return nil, false
			}
		}
		kp := p.pos(p.i, col)
		if len(n.pairs) == 0 {
			n.pos, n.inner = kp, kp
		}
		v, ok := p.value(col, col+k+1)
		if !ok {
			return nil, false
		}
		n.pairs = append(n.pairs, ypair{key: key, pos: kp, val: v})
		if more, ok := p.sibling(col); !more {
			return n, ok
		}
	}
}

// sibling reports whether the next line goes on with the block at byte
// col; ok is false if it is indented deeper, which the fast reader does
// not read.
func (p *fastYAML) sibling(col int) (more, ok bool) {
	ind := p.next()
	return ind == col, ind <= col
}

// value reads the value of a key at byte col whose ':' ends before byte
// from of the current line.
func (p *fastYAML) value(col, from int) (*ynode, bool) {
	line := p.lines[p.i]
	rest := line[from:]
	s := strings.TrimLeft(rest, " ")
	if s != "" && s[0] != '#' {
		return p.inline(col, from+len(rest)-len(s))
	}
	// A block list on the next lines, indented or not.
	p.i++
	ind := p.next()
	if ind < col {
		return nil, false // an empty value
	}
	if !isDash(p.lines[p.i][ind:]) {
		return nil, false
	}
	return p.sequence(ind)
}

func isDash(s string) bool {
	return s == "-" || strings.HasPrefix(s, "- ")
}

// sequence reads a block list whose dashes are at byte col.
func (p *fastYAML) sequence(col int) (*ynode, bool) {
	n := p.node(ynode{kind: ySeq, pos: p.pos(p.i, col)})
	n.inner = n.pos
	for {
		line := p.lines[p.i]
		if !isDash(line[col:]) {
			// The end of a list that is a value at its key's indent.
			return n, true
		}
		c := col + 1 + indent(line[col+1:])
		if c == len(line) || line[c] == '#' || isDash(line[c:]) {
			return nil, false
		}
		var e *ynode
		var ok bool
		if isKeyLine(line[c:]) {
			e, ok = p.mapping(c)
		} else {
			e, ok = p.inline(col, c)
		}
		if !ok {
			return nil, false
		}
		n.items = append(n.items, e)
		if more, ok := p.sibling(col); !more {
			return n, ok
		}
	}
}

// inline reads the value that starts at byte c of the current line, for a
// key or dash at byte col, and moves past its lines.
func (p *fastYAML) inline(col, c int) (*ynode, bool) {
	line := p.lines[p.i]
	s := line[c:]
	at := p.pos(p.i, c)
	n := p.node(ynode{kind: yScalar, pos: at, inner: at})
	var rest string
	switch s[0] {
	case '"':
		j := strings.IndexByte(s[1:], '"')
		for j >= 0 && escaped(s[1:], j) {
			k := strings.IndexByte(s[j+2:], '"')
			if k < 0 {
				j = -1
				break
			}
			j += 1 + k
		}
		if j < 0 {
			return nil, false
		}
		text, ok := unescapeDouble(s[1 : 1+j])
		if !ok {
			return nil, false
		}
		n.text, rest = text, s[2+j:]
	case '\'':
		text, end, ok := singleQuoted(s)
		if !ok {
			return nil, false
		}
		n.text, rest = text, s[end:]
	case '[':
		items, end, ok := p.flow(s, c)
		if !ok {
			return nil, false
		}
		n.kind, n.items, rest = ySeq, items, s[end:]
	case '|':
		return p.literal(col, c)
	default:
		text, ok := plain(s)
		if !ok {
			return nil, false
		}
		n.text = text
	}
	if !trailing(rest) {
		return nil, false
	}
	p.i++
	return n, true
}

// escaped reports whether the quote at s[j] follows an odd run of
// backslashes.
func escaped(s string, j int) bool {
	k := j
	for k > 0 && s[k-1] == '\\' {
		k--
	}
	return (j-k)%2 == 1
}

// unescapeDouble resolves the escapes \" and \\ of a double-quoted
// string; others are left to the full parser.
func unescapeDouble(s string) (string, bool) {
	if strings.IndexByte(s, '\\') < 0 {
		return s, true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' {
			if i+1 == len(s) || s[i+1] != '"' && s[i+1] != '\\' {
				return "", false
			}
			i++
			c = s[i]
		}
		b.WriteByte(c)
	}
	return b.String(), true
}

// singleQuoted reads the single-quoted string s starts with, and returns
// its text and the offset after its closing quote.
func singleQuoted(s string) (string, int, bool) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch {
		case s[i] != '\'':
			b.WriteByte(s[i])
		case i+1 < len(s) && s[i+1] == '\'':
			b.WriteByte('\'')
			i++
		default:
			return b.String(), i + 1, true
		}
	}
	return "", 0, false
}

// trailing reports whether what follows a value on its line is nothing
// or a comment.
func trailing(s string) bool {
	t := strings.TrimLeft(s, " ")
	return t == "" || t[0] == '#' && len(t) < len(s)
}

// plain reads a plain scalar that runs to the end of the line or a
// comment. One that could be read otherwise (null, a key, an indicator)
// is refused.
func plain(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	switch s[0] {
	case '-', '?', ':', ',', ']', '}', '#', '>', '%', '@', '`', '"', '\'', '|', '[', '{', '&', '*', '!':
		return "", false
	}
	if i := strings.Index(s, " #"); i >= 0 {
		s = strings.TrimRight(s[:i], " ")
	} else if strings.HasSuffix(s, " ") {
		// The full parser places such a value after its spaces.
		return "", false
	}
	if strings.Contains(s, ": ") || strings.HasSuffix(s, ":") {
		return "", false
	}
	switch s {
	case "~", "null", "Null", "NULL":
		return "", false
	}
	return s, true
}

// flow reads a one-line flow list of scalars that s starts with, s being
// at byte c of the current line, and returns its entries and the offset
// after its "]".
func (p *fastYAML) flow(s string, c int) ([]*ynode, int, bool) {
	var items []*ynode
	i := 1
	for {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i == len(s) {
			return nil, 0, false
		}
		if s[i] == ']' && len(items) == 0 {
			return items, i + 1, true
		}
		at := p.pos(p.i, c+i)
		e := p.node(ynode{kind: yScalar, pos: at, inner: at})
		switch s[i] {
		case '"':
			j := strings.IndexByte(s[i+1:], '"')
			if j < 0 || strings.IndexByte(s[i+1:i+1+j], '\\') >= 0 {
				return nil, 0, false
			}
			e.text = s[i+1 : i+1+j]
			i += j + 2
		case '\'':
			text, end, ok := singleQuoted(s[i:])
			if !ok {
				return nil, 0, false
			}
			e.text = text
			i += end
		default:
			j := i
			for j < len(s) && s[j] != ',' && s[j] != ']' {
				switch s[j] {
				case '[', '{', '}', ':', '#', '"', '\'':
					return nil, 0, false
				}
				j++
			}
			text, ok := plain(strings.TrimRight(s[i:j], " "))
			if !ok || text == "" {
				return nil, 0, false
			}
			e.text = text
			i = j
		}
		items = append(items, e)
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i == len(s) {
			return nil, 0, false
		}
		switch s[i] {
		case ']':
			return items, i + 1, true
		case ',':
			i++
		default:
			return nil, 0, false
		}
	}
}

// literal reads a literal block ("|" or "|-") whose indicator is at byte
// c of the current line, for a key or dash at byte col.
func (p *fastYAML) literal(col, c int) (*ynode, bool) {
	at := p.pos(p.i, c)
	head := strings.TrimRight(p.lines[p.i][c:], " ")
	if head != "|" && head != "|-" {
		return nil, false
	}
	p.i++
	if p.i == len(p.lines) {
		return nil, false
	}
	ind := indent(p.lines[p.i])
	if ind <= col || ind == len(p.lines[p.i]) {
		return nil, false
	}
	var b strings.Builder
	blanks := 0
	last := p.i
	for ; p.i < len(p.lines); p.i++ {
		line := p.lines[p.i]
		n := indent(line)
		if n == len(line) {
			if n > ind {
				return nil, false
			}
			blanks++
			continue
		}
		if n < ind {
			break
		}
		if line[len(line)-1] == ' ' {
			return nil, false // the full parser drops some trailing spaces
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		for ; blanks > 0; blanks-- {
			b.WriteByte('\n')
		}
		b.WriteString(line[ind:])
		last = p.i
	}
	if last == len(p.lines)-1 && p.open {
		return nil, false
	}
	if head == "|" {
		b.WriteByte('\n')
	}
	return p.node(ynode{kind: yScalar, pos: at, inner: at, text: b.String()}), true
}
