package export

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	gmtext "github.com/yuin/goldmark/text"

	"brief/briefing"
)

// ToMarkdown returns b as one Markdown document that is also a
// single-file briefing: YAML front matter with the subtitle, date,
// sources, timeline and who's who (so that brief reads them, and they do
// not become topics), "# Title", the summary, then each topic under
// "## Title", in order.
//
// Each citation group becomes a footnote reference such as [^3], numbered
// through the document; the footnote, written at the end of its topic (or
// of the summary), holds the group as the author wrote it, with its
// excerpts, and then the sources it names. brief reads that group as a
// citation again and puts it back in place of its reference.
//
// A level-2 ATX heading inside a topic ("## Background") would start a
// topic of its own, so it is written as a setext heading, underlined with
// "---", which reads the same and does not. Raw HTML in the Markdown,
// and a "<" that could start a tag in a title, is written with "&lt;", so
// that a Markdown viewer shows it as text. Topic ids become the slugs of
// their titles, as in any single-file briefing; the timeline's topics are
// renamed to match. A topic's one-line summary and tags have no place in
// the single-file form and are left out.
func ToMarkdown(b *briefing.Briefing) string {
	var out strings.Builder
	ids := topicIDs(b)
	writeFrontMatter(&out, b, ids)
	out.WriteString("# " + escapeHeading(oneLine(s(b.Title))) + "\n\n")
	num := b.SourceNumbers()
	n := 0
	if b.Summary != "" {
		writeFootnoted(&out, b, s(b.Summary), briefing.ScanCitations(s(b.Summary)), num, &n)
	}
	for _, t := range b.Topics {
		out.WriteString("## " + escapeHeading(oneLine(s(t.Title))) + "\n\n")
		writeFootnoted(&out, b, s(t.Body), t.Citations, num, &n)
	}
	return out.String()
}

// writeFootnoted writes text with its citation groups cs as footnote
// references numbered from *n+1, then the footnotes.
func writeFootnoted(out *strings.Builder, b *briefing.Briefing, text string, cs []briefing.Citation, num map[string]int, n *int) {
	var notes []string
	text = replaceCitations(text, cs, func(_ int, c briefing.Citation) string {
		*n++
		label := "[^" + strconv.Itoa(*n) + "]"
		note := label + ": " + oneLine(text[c.Start:c.End])
		seen := map[int]bool{}
		for _, ct := range cites(c, num) {
			if ct.number == 0 || seen[ct.number] {
				continue
			}
			seen[ct.number] = true
			note += " " + strconv.Itoa(ct.number) + ". " + escapeInline(briefing.SourceLine(b.Sources[ct.number-1])) + "."
		}
		notes = append(notes, note)
		return label
	})
	text = strings.TrimRight(escapeRawHTML(setextHeadings(text)), "\n")
	if text != "" {
		out.WriteString(text + "\n\n")
	}
	if len(notes) > 0 {
		out.WriteString(strings.Join(notes, "\n") + "\n\n")
	}
}

// setextHeadings rewrites the level-2 ATX headings of text, outside
// fenced code blocks, as setext headings, after a blank line so that no
// paragraph line above joins the heading.
func setextHeadings(text string) string {
	lines := strings.Split(text, "\n")
	var out []string
	var fence codeFence
	for _, line := range lines {
		if fence.code(line) {
			out = append(out, line)
			continue
		}
		h, ok := atx2(line)
		if !ok {
			out = append(out, line)
			continue
		}
		if h == "" {
			out = append(out, `\`+strings.TrimLeft(line, " ")) // an empty heading, kept visible as text
			continue
		}
		if len(out) > 0 && strings.TrimSpace(out[len(out)-1]) != "" {
			out = append(out, "")
		}
		out = append(out, h, "---")
	}
	return strings.Join(out, "\n")
}

// atx2 reports whether line is a level-2 ATX heading, and its text, as
// the loader reads one.
func atx2(line string) (string, bool) {
	i := 0
	for i < 3 && i < len(line) && line[i] == ' ' {
		i++
	}
	line = line[i:]
	if !strings.HasPrefix(line, "##") {
		return "", false
	}
	line = line[2:]
	if line != "" && line[0] != ' ' && line[0] != '\t' {
		return "", false
	}
	line = strings.TrimSpace(line)
	if t := strings.TrimRight(line, "#"); t != line && (t == "" || strings.HasSuffix(t, " ") || strings.HasSuffix(t, "\t")) {
		line = strings.TrimSpace(t)
	}
	return line, true
}

// codeFence follows the fenced code blocks of a text, line by line.
type codeFence struct {
	char byte
	n    int
}

// code reports whether line is part of a fenced code block, fences
// included.
func (f *codeFence) code(line string) bool {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 {
		return f.n > 0
	}
	c, n := byte(0), 0
	if t != "" && (t[0] == '`' || t[0] == '~') {
		c = t[0]
		for n < len(t) && t[n] == c {
			n++
		}
	}
	if f.n > 0 {
		if c == f.char && n >= f.n && strings.TrimSpace(t[n:]) == "" {
			f.n = 0
		}
		return true
	}
	if n >= 3 && !(c == '`' && strings.Contains(t[n:], "`")) {
		f.char, f.n = c, n
		return true
	}
	return false
}

// writeFrontMatter writes the fields of b that the Markdown body has no
// place for as YAML front matter.
func writeFrontMatter(out *strings.Builder, b *briefing.Briefing, ids map[string]string) {
	out.WriteString("---\n")
	field := func(indent, name, v string) {
		if v != "" {
			out.WriteString(indent + name + ": " + yamlString(v, indent+"  ") + "\n")
		}
	}
	field("", "subtitle", s(b.Subtitle))
	field("", "as_of", b.AsOf.String())
	writeLists(out, b, ids)
	out.WriteString("---\n")
}

// writeLists writes the sources, timeline and actors of b as YAML, the
// timeline's topic ids mapped through ids.
func writeLists(out *strings.Builder, b *briefing.Briefing, ids map[string]string) {
	field := func(indent, name, v string) {
		if v != "" {
			out.WriteString(indent + name + ": " + yamlString(v, indent+"  ") + "\n")
		}
	}
	if len(b.Sources) > 0 {
		out.WriteString("sources:\n")
	}
	for _, src := range b.Sources {
		out.WriteString("  - id: " + yamlString(s(src.ID), "") + "\n")
		field("    ", "title", s(src.Title))
		field("    ", "outlet", s(src.Outlet))
		field("    ", "author", s(src.Author))
		field("    ", "date", src.Date.String())
		field("    ", "date_note", s(src.DateNote))
		field("    ", "url", s(src.URL))
		field("    ", "kind", s(string(src.Kind)))
		field("    ", "file", s(src.File))
	}
	if len(b.Timeline) > 0 {
		out.WriteString("timeline:\n")
	}
	for _, e := range b.Timeline {
		out.WriteString("  - date: " + yamlString(e.Date.String(), "") + "\n")
		field("    ", "event", s(e.Text))
		if len(e.Topics) > 0 {
			out.WriteString("    topics: " + yamlList(mapIDs(ss(e.Topics), ids)) + "\n")
		}
		if len(e.Sources) > 0 {
			out.WriteString("    sources: " + yamlList(ss(e.Sources)) + "\n")
		}
	}
	if len(b.Actors) > 0 {
		out.WriteString("actors:\n")
	}
	for _, a := range b.Actors {
		out.WriteString("  - name: " + yamlString(s(a.Name), "") + "\n")
		field("    ", "role", s(a.Role))
		if len(a.Aliases) > 0 {
			out.WriteString("    aliases: " + yamlList(ss(a.Aliases)) + "\n")
		}
	}
}

// yamlString writes v as a YAML scalar: a literal block, its lines
// indented by indent, for text of several lines that one reads back
// exactly, else a double-quoted string.
func yamlString(v, indent string) string {
	if indent != "" && strings.Contains(strings.TrimSuffix(v, "\n"), "\n") && literalSafe(v) {
		head := "|-"
		if strings.HasSuffix(v, "\n") {
			head, v = "|", strings.TrimSuffix(v, "\n")
		}
		lines := strings.Split(v, "\n")
		for i, l := range lines {
			if l != "" {
				lines[i] = indent + l
			}
		}
		return head + "\n" + strings.Join(lines, "\n")
	}
	q, _ := json.Marshal(v) // JSON strings are YAML double-quoted scalars
	return string(q)
}

// literalSafe reports whether v reads back the same from a literal block:
// no leading space or blank first line, no trailing blank lines, no tab
// or carriage return.
func literalSafe(v string) bool {
	t := strings.TrimSuffix(v, "\n")
	return t != "" && t[0] != ' ' && t[0] != '\n' && !strings.HasSuffix(t, "\n") &&
		!strings.ContainsAny(t, "\t\r") && !strings.Contains(t, " \n") && !strings.HasSuffix(t, " ")
}

// yamlList writes vs as a YAML flow list of double-quoted strings.
func yamlList(vs []string) string {
	q, _ := json.Marshal(vs)
	return strings.ReplaceAll(string(q), `","`, `", "`)
}

// oneLine puts s on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// escapeInline makes s literal text in Markdown inline context.
func escapeInline(s string) string {
	var b strings.Builder
	for _, r := range oneLine(s) {
		if strings.ContainsRune("\\`*_{}[]<>()#+-.!|~&^", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// escapeRawHTML writes each "<" that starts raw HTML in Markdown text (an
// HTML block or an inline tag, not code or an autolink) as "&lt;", so
// that a Markdown viewer shows the tag as text instead of making it
// markup.
func escapeRawHTML(md string) string {
	src := []byte(md)
	doc := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough)).Parser().Parse(gmtext.NewReader(src))
	var at []int
	mark := func(seg gmtext.Segment) {
		for i := seg.Start; i < seg.Stop; i++ {
			if src[i] == '<' {
				at = append(at, i)
			}
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				mark(n.Segments.At(i))
			}
		case *ast.HTMLBlock:
			for i := 0; i < n.Lines().Len(); i++ {
				mark(n.Lines().At(i))
			}
			if n.HasClosure() {
				mark(n.ClosureLine)
			}
		}
		return ast.WalkContinue, nil
	})
	if len(at) == 0 {
		return md
	}
	slices.Sort(at)
	at = slices.Compact(at)
	var b strings.Builder
	last := 0
	for _, i := range at {
		b.WriteString(md[last:i] + "&lt;")
		last = i + 1
	}
	b.WriteString(md[last:])
	return b.String()
}

// escapeHeading keeps a title plain text in a heading: a "<" that could
// start a tag is written "&lt;".
func escapeHeading(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '<' && i+1 < len(s) && (isASCIILetter(s[i+1]) || strings.IndexByte("/!?", s[i+1]) >= 0) {
			b.WriteString("&lt;")
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
