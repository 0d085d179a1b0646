package render

import (
	"strconv"
	"strings"
	"unicode"

	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Glamour keeps the source's line breaks inside list items, hangs a wrapped
// item's lines under its bullet, and wraps wide code back to the margin.
// The Renderer below marks what Glamour cannot tell apart afterwards and
// lays those parts out again. The marks are C0 controls, which Clean takes
// out of every briefing, so no text can forge them.
const (
	itemMark = "\x1e" // ends a list item's bullet
	codeMark = "\x1f" // brackets the number of a code block set aside
	paraMark = "\x1d" // parts the paragraphs of a list item
)

// Renderer renders Markdown in one style at one width: Glamour, with links
// written as text in the plain style, list items reflowed with a hanging
// indent, and code blocks wider than the text cut, not wrapped. Like
// Glamour's, it is not safe for concurrent use: make one per goroutine.
type Renderer struct {
	tr    *glamourMD
	base  gansi.StyleConfig // the style without marks, for code blocks
	width int
}

func styleConfig(style Style) gansi.StyleConfig {
	switch style {
	case Light:
		return styles.LightStyleConfig
	case NoTTY:
		return styles.NoTTYStyleConfig
	}
	return styles.DarkStyleConfig
}

// NewRenderer returns a renderer for the style that wraps text at width
// columns. Auto renders as Dark.
func NewRenderer(style Style, width int) (*Renderer, error) {
	base := styleConfig(style)
	cfg := base
	cfg.Item.BlockPrefix += itemMark
	cfg.Enumeration.BlockPrefix += itemMark
	cfg.Task.Ticked += itemMark
	cfg.Task.Unticked += itemMark
	width = max(width, MinWidth)
	return &Renderer{tr: newMarkdown(cfg, width, style == NoTTY), base: base, width: width}, nil
}

// Render renders md, which must be free of control characters.
func (r *Renderer) Render(md string) (string, error) {
	md, blocks := r.setAside(md)
	out, err := r.tr.Render(md)
	if err != nil {
		return "", err
	}
	out = hangItems(out, r.base, md)
	if len(blocks) > 0 {
		out = r.putBack(out, blocks)
	}
	// A mark Glamour moved where it was not looked for must not reach
	// the terminal either.
	return strings.NewReplacer(itemMark, "", codeMark, "", paraMark, "").Replace(out), nil
}

// hangItems reflows the text of every marked list item: the source's line
// breaks become spaces, as in paragraphs, and the lines after the first
// start under the item's text. src is the Markdown s was rendered from.
func hangItems(s string, cfg gansi.StyleConfig, md string) string {
	if !strings.Contains(s, itemMark) {
		return s
	}
	src := &sourceWords{md: md}
	quote := ""
	if t := cfg.BlockQuote.IndentToken; t != nil {
		quote = strings.TrimSpace(*t)
	}
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); {
		line := lines[i]
		at := strings.Index(line, itemMark)
		if at < 0 {
			out = append(out, line)
			i++
			continue
		}
		head := line[:at]
		col := ansi.StringWidth(head)
		lead := bulletLead(ansi.Strip(head), cfg)
		words := []string{trimPad(line[at+len(itemMark):])}
		width := ansi.StringWidth(line)
		// The item's text goes on in the lines that start where its
		// bullet does; a blank line, another item, a quote, or anything
		// indented further (code, a table) ends it.
		j := i + 1
		for ; j < len(lines); j++ {
			l := lines[j]
			plain := ansi.Strip(l)
			if strings.Contains(l, itemMark) || !strings.HasPrefix(plain, lead) ||
				strings.TrimSpace(plain) == "" || strings.HasPrefix(plain[len(lead):], " ") ||
				quote != "" && strings.HasPrefix(plain[len(lead):], quote) {
				break
			}
			words = append(words, trimPad(ansi.TruncateLeft(l, ansi.StringWidth(lead), "")))
			width = max(width, ansi.StringWidth(l))
		}
		if words[0] == "" && len(words) == 1 {
			out = append(out, line)
			i++
			continue
		}
		indent := cutCols(line, ansi.StringWidth(lead)) + strings.Repeat(" ", max(col-ansi.StringWidth(lead), 0))
		var text strings.Builder
		for k, w := range words {
			if k > 0 && !glued(words[k-1], w, src) {
				text.WriteByte(' ')
			}
			text.WriteString(w)
		}
		for p, para := range strings.Split(text.String(), paraMark) {
			if p > 0 {
				out = append(out, indent+strings.Repeat(" ", max(width-col, 0)))
			}
			for k, w := range strings.Split(lipgloss.Wrap(strings.TrimSpace(para), max(width-col, 1), ""), "\n") {
				l := indent + w
				if k == 0 && p == 0 {
					l = head + w
				}
				out = append(out, l+strings.Repeat(" ", max(width-ansi.StringWidth(l), 0)))
			}
		}
		i = j
	}
	return strings.Join(out, "\n")
}

// glued reports whether the line break between prev and next was not a
// space: Glamour also breaks a word after one of ",.;-+|" (a URL, a
// hyphenated word, a number) or, too long for a line, anywhere. Such a
// break is told from one at a space by looking for the two halves
// written together as one word of the source.
func glued(prev, next string, src *sourceWords) bool {
	a := ansi.Strip(prev)
	a = a[strings.LastIndexByte(a, ' ')+1:]
	b := ansi.Strip(next)
	if i := strings.IndexByte(b, ' '); i >= 0 {
		b = b[:i]
	}
	if a == "" || b == "" || !strings.ContainsAny(a[len(a)-1:], ",.;-+|") && ansi.StringWidth(a) < 12 {
		return false
	}
	return src.has(a + b)
}

// sourceWords are the words of a Markdown text, split at spaces and at
// the characters of its markup, made into a set when first asked.
type sourceWords struct {
	md    string
	words map[string]bool
}

func (s *sourceWords) has(w string) bool {
	if s.words == nil {
		s.words = map[string]bool{}
		for _, f := range strings.FieldsFunc(s.md, isWordEnd) {
			s.words[strings.ReplaceAll(f, "\\", "")] = true
		}
	}
	return s.words[strings.TrimFunc(w, isWordEnd)]
}

func isWordEnd(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("[]()<>*_`\"'", r)
}

// bulletLead is what comes before the bullet in plain, the text of an item's
// first line up to its mark: the margin and the indentation of its level.
func bulletLead(plain string, cfg gansi.StyleConfig) string {
	for _, b := range []string{cfg.Item.BlockPrefix, cfg.Task.Ticked, cfg.Task.Unticked} {
		if b != "" && strings.HasSuffix(plain, b) {
			return strings.TrimSuffix(plain, b)
		}
	}
	if p := strings.TrimSuffix(plain, cfg.Enumeration.BlockPrefix); p != plain {
		return strings.TrimRight(p, "0123456789")
	}
	return plain[:len(plain)-len(strings.TrimLeft(plain, " "))]
}

// trimPad drops the spaces Glamour pads a line with.
func trimPad(s string) string {
	return cutCols(s, ansi.StringWidth(strings.TrimRight(ansi.Strip(s), " ")))
}

// cutCols returns the start of s that holds its first n columns, with the
// escape sequences right after them, which close what those columns
// opened, and a reset of the style should one still be open.
func cutCols(s string, n int) string {
	var state byte
	w, i := 0, 0
	for i < len(s) {
		_, width, k, st := ansi.DecodeSequence(s[i:], state, nil)
		if width > 0 && w+width > n {
			break
		}
		w, i, state = w+width, i+k, st
	}
	if strings.Contains(s[:i], "\x1b") {
		return s[:i] + ansi.ResetStyle
	}
	return s[:i]
}

// codeBlock is a code block set aside so that Glamour does not wrap it.
type codeBlock struct {
	lang  string
	code  string // its lines, each ending in a newline
	width int    // of its widest line
}

// codeSlack is more than the columns Glamour puts before a code block's
// lines beyond its indentation in the source: margins and list levels.
const codeSlack = 8

// setAside replaces every code block that might not fit the width, or
// holds a tab, with a one-line placeholder, which Render replaces with the
// block's lines cut to the width. It also puts a paragraph of a paraMark
// between the paragraphs of a list item, which Glamour runs together.
func (r *Renderer) setAside(md string) (string, []codeBlock) {
	if !strings.Contains(md, "```") && !strings.Contains(md, "~~~") &&
		!strings.Contains(md, "\n    ") && !strings.Contains(md, "\n\t") && !strings.Contains(md, "\n\n ") &&
		!strings.Contains(md, "\n>") {
		return md, nil
	}
	src := []byte(md)
	doc := goldmark.DefaultParser().Parse(text.NewReader(src))
	// An edit replaces md[start:stop] with text.
	type edit struct {
		start, stop int
		text        string
	}
	var edits []edit
	var blocks []codeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var lang string
		switch b := n.(type) {
		case *ast.FencedCodeBlock:
			lang = string(b.Language(src))
		case *ast.CodeBlock:
		case *ast.Paragraph:
			next, ok := b.NextSibling().(*ast.Paragraph)
			if _, item := b.Parent().(*ast.ListItem); ok && item && next.Lines().Len() > 0 {
				// The mark goes in a paragraph of its own, indented as
				// the next one, so that no word's markup changes.
				at := next.Lines().At(0).Start
				lineStart := strings.LastIndexByte(md[:at], '\n') + 1
				prefix := md[lineStart:at]
				edits = append(edits, edit{lineStart, lineStart,
					prefix + paraMark + "\n" + strings.TrimRight(prefix, " \t") + "\n"})
			}
			return ast.WalkSkipChildren, nil
		default:
			return ast.WalkContinue, nil
		}
		segs := n.Lines()
		if segs.Len() == 0 {
			return ast.WalkSkipChildren, nil
		}
		var code strings.Builder
		width := 0
		for i := range segs.Len() {
			seg := segs.At(i)
			line := strings.Repeat(" ", seg.Padding) + string(seg.Value(src))
			code.WriteString(line)
			width = max(width, ansi.StringWidth(expandTabs(strings.TrimRight(line, "\n"))))
		}
		first, last := segs.At(0), segs.At(segs.Len()-1)
		lineStart := strings.LastIndexByte(md[:first.Start], '\n') + 1
		// A tab would move the cursor by a width nobody measured: such a
		// block is set aside too, to have its tabs expanded.
		if width+indentCols(md[lineStart:first.Start])+codeSlack <= r.width && !strings.Contains(code.String(), "\t") {
			return ast.WalkSkipChildren, nil
		}
		c := code.String()
		if !strings.HasSuffix(c, "\n") {
			c += "\n"
		}
		edits = append(edits, edit{first.Start, last.Stop, codeMark + strconv.Itoa(len(blocks)) + codeMark + "\n"})
		blocks = append(blocks, codeBlock{lang: lang, code: c, width: width})
		return ast.WalkSkipChildren, nil
	})
	if len(edits) == 0 {
		return md, nil
	}
	var b strings.Builder
	prev := 0
	for _, e := range edits {
		if e.start < prev {
			continue // cannot happen: the walk goes in the text's order
		}
		b.WriteString(md[prev:e.start])
		b.WriteString(e.text)
		prev = e.stop
	}
	b.WriteString(md[prev:])
	return b.String(), blocks
}

// putBack replaces each placeholder line in out with its code block's
// lines, indented as the placeholder is and cut at the width it had, with
// a marker where a line was cut.
func (r *Renderer) putBack(out string, blocks []codeBlock) string {
	lines := strings.Split(out, "\n")
	res := make([]string, 0, len(lines))
	for _, line := range lines {
		at := strings.Index(line, codeMark)
		end := -1
		if at >= 0 {
			end = strings.Index(line[at+1:], codeMark)
		}
		n, err := 0, error(nil)
		if end >= 0 {
			// A highlighter may have styled the number.
			n, err = strconv.Atoi(ansi.Strip(line[at+1 : at+1+end]))
		}
		if end < 0 || err != nil || n >= len(blocks) {
			res = append(res, line)
			continue
		}
		head := line[:at]
		if strings.Contains(head, "\x1b") {
			head += ansi.ResetStyle
		}
		width := max(ansi.StringWidth(line), r.width-2)
		avail := max(width-ansi.StringWidth(head), 1)
		for _, c := range r.codeLines(blocks[n]) {
			if ansi.StringWidth(c) > avail {
				c = ansi.Truncate(c, avail, "…")
			}
			l := head + c
			if strings.Contains(l, "\x1b") {
				l += ansi.ResetStyle
			}
			res = append(res, l+strings.Repeat(" ", max(width-ansi.StringWidth(l), 0)))
		}
	}
	return strings.Join(res, "\n")
}

// codeLines renders the code block on its own, wide enough not to wrap, and
// returns its lines without Glamour's margins. Should they not be found, it
// returns the code unstyled.
func (r *Renderer) codeLines(b codeBlock) []string {
	// Tabs would move the cursor by a width nobody measured.
	code := expandTabs(b.code)
	src := strings.Split(strings.TrimSuffix(code, "\n"), "\n")
	plain := func() []string { return src }
	fence := "```"
	for strings.Contains(code, fence) {
		fence += "`"
	}
	tr, err := glamour.NewTermRenderer(glamour.WithStyles(r.base), glamour.WithWordWrap(b.width+2*codeSlack))
	if err != nil {
		return plain()
	}
	out, err := tr.Render(fence + b.lang + "\n" + code + fence + "\n")
	if err != nil {
		return plain()
	}
	lines := strings.Split(out, "\n")
	same := func(rendered, source string) bool {
		return strings.Join(strings.Fields(ansi.Strip(rendered)), " ") == strings.Join(strings.Fields(source), " ")
	}
	for k := 0; k+len(src) <= len(lines); k++ {
		ok := true
		for i, s := range src {
			if !same(lines[k+i], s) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		// The code starts where its first line that is not blank
		// starts, less its own indentation.
		left := -1
		for i, s := range src {
			if strings.TrimSpace(s) == "" {
				continue
			}
			p := ansi.Strip(lines[k+i])
			left = (len(p) - len(strings.TrimLeft(p, " "))) - (len(s) - len(strings.TrimLeft(s, " ")))
			break
		}
		if left < 0 {
			return plain()
		}
		res := make([]string, len(src))
		for i := range src {
			res[i] = trimPad(ansi.TruncateLeft(lines[k+i], left, ""))
		}
		return res
	}
	return plain()
}

// expandTabs replaces tabs with spaces to the next stop of every four
// columns.
func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		switch r {
		case '\t':
			n := 4 - col%4
			b.WriteString(strings.Repeat(" ", n))
			col += n
		case '\n':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteRune(r)
			col += ansi.StringWidth(string(r))
		}
	}
	return b.String()
}
