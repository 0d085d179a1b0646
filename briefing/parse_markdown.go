package briefing

import (
	"fmt"
	"path"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// Slug turns a heading into an id: lower case letters and digits, with
// each run of other characters turned into a single '-', and none at
// either end. It returns "" when s has no letter or digit.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		// Apostrophes join words: "Kyiv's" is "kyivs", not "kyiv-s".
		if r == '\'' || r == '\u2019' {
			continue
		}
		dash = true
	}
	return b.String()
}

// markdown parses topic bodies to find their paragraphs and list items.
type markdown struct {
	p parser.Parser
}

// newMarkdown builds a parser of block structure only: the checks need
// paragraphs, lists and tables, and skipping inline parsing halves the
// cost of a load.
func newMarkdown() *markdown {
	return &markdown{p: parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithParagraphTransformers(append(parser.DefaultParagraphTransformers(),
			util.Prioritized(extension.NewTableParagraphTransformer(), 200))...),
	)}
}

// maxIndent is the deepest indentation, in columns, of a body whose
// paragraphs are checked for citations. goldmark's time grows with the
// cube of the depth of indented list nesting (4 MB of lists nested 2,000
// deep took 40 s); no real briefing indents this far.
const maxIndent = 256

// deepIndent reports whether a line of body is indented past maxIndent.
func deepIndent(body string) bool {
	col := 0
	for i := 0; i < len(body); i++ {
		switch body[i] {
		case '\n':
			col = 0
			continue
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			// Skip to the end of the line.
			j := strings.IndexByte(body[i:], '\n')
			if j < 0 {
				return false
			}
			i += j - 1
			continue
		}
		if col > maxIndent {
			return true
		}
	}
	return false
}

// firstCite returns the index of the first of cites, which are in order,
// that starts at or after start.
func firstCite(cites []Citation, start int) int {
	lo, hi := 0, len(cites)
	for lo < hi {
		mid := (lo + hi) / 2
		if cites[mid].Start < start {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// uncited returns the offsets in body of the paragraphs and list items
// that hold no citation. Headings, code, tables, HTML and block quotes
// (quoted material) are exempt, and so is a paragraph or item that ends
// with a colon and introduces a list. cites must be in order.
func (m *markdown) uncited(body string, cites []Citation) (offs []int) {
	for _, b := range m.blocks(body) {
		if i := firstCite(cites, b.Start); b.LeadIn || i < len(cites) && cites[i].Start < b.End {
			continue
		}
		if b.Item {
			// An item is reported at its marker.
			offs = append(offs, lineIndent(body, b.Start))
		} else {
			offs = append(offs, b.Start)
		}
	}
	return offs
}

// span returns the byte range of a block's text, or -1s if it has none.
func span(n ast.Node) (int, int) {
	start, stop := -1, -1
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		if n.Type() != ast.TypeBlock {
			return
		}
		if ls := n.Lines(); ls != nil && ls.Len() > 0 {
			if s := ls.At(0).Start; start < 0 || s < start {
				start = s
			}
			stop = max(stop, ls.At(ls.Len()-1).Stop)
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c)
		}
	}
	walk(n)
	return start, stop
}

// lineIndent returns the offset of the first non-blank character on the
// line holding off: the list marker of an item whose text starts at off.
func lineIndent(s string, off int) int {
	i := strings.LastIndexByte(s[:off], '\n') + 1
	for i < off && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// finishTopic finds a topic's citations and positions, and warns about
// uncited text.
func (l *loader) finishTopic(ti *topicInfo) {
	t := ti.t
	t.BodyPos = ti.lines.pos(ti.file, ti.bodyOff)
	if body, notes := unfootnote(t.Body); notes != nil {
		t.src, t.Body, t.notes = t.Body, body, notes
	}
	pos := func(off int) Pos { return ti.lines.pos(ti.file, ti.bodyOff+origOffset(t.notes, off)) }
	if l.noCites {
		return
	}
	t.Citations = ScanCitations(t.Body)
	ti.keyPos = make([][]Pos, len(t.Citations))
	for i := range t.Citations {
		c := &t.Citations[i]
		c.Pos = pos(c.Start)
		for _, off := range keyOffsets(t.Body, *c) {
			ti.keyPos[i] = append(ti.keyPos[i], pos(off))
		}
	}
	if !l.check {
		return
	}
	if len(t.Citations) == 0 {
		if strings.TrimSpace(t.Body) != "" {
			l.diags.warn(ti.decl, "topic %q has no citations", t.ID)
		}
		return
	}
	for _, off := range l.md.uncited(t.Body, t.Citations) {
		l.diags.warn(pos(off), "no citation in this paragraph or list item")
	}
}

// citations is ScanCitations, or nothing when the load skips citations.
func (l *loader) citations(s string) []Citation {
	if l.noCites {
		return nil
	}
	return ScanCitations(s)
}

// section is one level-2 heading of a single-file briefing.
type section struct {
	title       string
	start, next int // offsets of the heading line and the line after it
}

// sections finds the level-2 ATX headings of text from off, outside
// fenced code blocks.
func sections(text string, off int) []section {
	var out []section
	var fence fences
	for i := off; i < len(text); {
		end := strings.IndexByte(text[i:], '\n')
		next := len(text)
		if end >= 0 {
			next = i + end + 1
		} else {
			end = len(text) - i
		}
		line := text[i : i+end]
		if !fence.code(line) {
			if h, _, ok := atxHeading(text, i, 2); ok {
				out = append(out, section{title: h, start: i, next: next})
			}
		}
		i = next
	}
	return out
}

// maxNamed bounds the ignored fields a note names.
const maxNamed = 10

// noteForeign tells of the front matter fields of a single file that are
// not a briefing's: a likely misspelling of one in a warning, the others,
// written for another tool, in one note.
func (l *loader) noteForeign(fields []ypair) {
	var names []string
	var at Pos
	for _, p := range fields {
		if s := suggest(p.key, metaFields); s != "" {
			l.diags.warn(p.pos, "unknown field %q (did you mean %q?); ignored", Sanitize(p.key), s)
			continue
		}
		if names == nil {
			at = p.pos
		}
		names = append(names, Sanitize(p.key))
	}
	if len(names) > maxNamed {
		names = append(names[:maxNamed], fmt.Sprintf("and %d more", len(names)-maxNamed))
	}
	if names != nil {
		l.diags = append(l.diags, Diagnostic{Pos: at, Severity: Note,
			Message: "front matter fields brief does not read, ignored: " + strings.Join(names, ", ")})
	}
}

// fileHead is a single-file briefing read up to its body: the text, its
// front matter and its title.
type fileHead struct {
	text    string
	lines   *lineIndex
	m       meta
	metaOK  bool
	bodyOff int // where the text after front matter and title starts
}

// readHead reads a single-file briefing's text, front matter and title.
func (l *loader) readHead(name string) (fileHead, *Diagnostic) {
	file := l.display(name)
	text, lines, fail := l.read(name)
	if fail != nil {
		return fileHead{}, fail
	}
	h := fileHead{text: text, lines: lines, metaOK: true}
	if fm, end, ok := l.frontMatter(text, file); ok {
		var foreign []ypair
		y := &yamlReader{file: file, lineOffset: 1, diags: &l.diags, lines: lines, foreign: &foreign}
		body, ok := y.parse(fm)
		h.metaOK = ok && y.readMeta(body, &h.m)
		h.bodyOff = end
		if l.check {
			l.noteForeign(foreign)
		}
	}
	h.bodyOff = skipBlankLines(text, h.bodyOff)
	if t, next, ok := atxHeading(text, h.bodyOff, 1); ok && h.m.title == "" {
		h.m.title = t
		h.bodyOff = skipBlankLines(text, next)
	}
	if h.m.title == "" {
		base := path.Base(name)
		h.m.title = strings.TrimSuffix(base, path.Ext(base))
	}
	h.m.file = file
	return h, nil
}

// loadFile loads a single-file briefing.
func (l *loader) loadFile(name string) (*Briefing, error) {
	h, fail := l.readHead(name)
	if fail != nil {
		return nil, Diagnostics{*fail}
	}
	text, lines, m, bodyOff, file := h.text, h.lines, h.m, h.bodyOff, h.m.file
	a := &assembly{meta: m, metaOK: h.metaOK, present: map[string]bool{}, single: true}

	secs := sections(text, bodyOff)
	if len(secs) == 0 {
		// No sections: the whole text is one topic.
		id := Slug(m.title)
		if id == "" {
			id = "text"
		}
		ti := &topicInfo{t: &Topic{ID: id, Title: m.title, Body: text[bodyOff:]},
			decl: Pos{File: file}, file: file, lines: lines, bodyOff: bodyOff}
		a.present[id] = true
		l.finishTopic(ti)
		a.topics = append(a.topics, ti)
		return l.assemble(a), nil
	}

	// Text before the first section is the summary.
	pre := text[bodyOff:secs[0].start]
	if strings.TrimSpace(pre) != "" {
		for _, c := range l.citations(pre) {
			from := c.Start
			for _, k := range c.Keys {
				off := from + max(0, strings.Index(pre[from:c.End], "@"+k))
				a.extra = append(a.extra, ref{k, lines.pos(file, bodyOff+off)})
			}
		}
		if m.summary != "" {
			l.diags.warn(lines.pos(file, bodyOff), "the front matter has a summary, so this text before the first \"## \" heading is not shown")
		} else {
			summary, _ := unfootnote(pre)
			a.meta.summary = strings.TrimSpace(summary)
		}
	}
	next := map[string]int{} // suffixes used per repeated id
	for i, s := range secs {
		end := len(text)
		if i+1 < len(secs) {
			end = secs[i+1].start
		}
		id := Slug(s.title)
		decl := lines.pos(file, s.start)
		if id == "" {
			id = "section"
		}
		if a.present[id] {
			base := id
			for a.present[id] {
				next[base]++
				id = base + "-" + strconv.Itoa(next[base]+1)
			}
			l.diags.warn(decl, "another heading has the id %q: this one is %q", base, id)
		}
		title := s.title
		if title == "" {
			title = id
		}
		off := skipBlankLines(text[:end], s.next)
		ti := &topicInfo{t: &Topic{ID: id, Title: title, Body: text[off:end]},
			decl: decl, file: file, lines: lines, bodyOff: off}
		a.present[id] = true
		l.finishTopic(ti)
		a.topics = append(a.topics, ti)
	}
	return l.assemble(a), nil
}
