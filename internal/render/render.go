// Package render turns a briefing's Markdown into styled terminal text with
// Glamour. The reader and the print command share it so that both show a
// topic the same way.
package render

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"charm.land/glamour/v2/ansi"
	xansi "github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	gmrenderer "github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"brief/briefing"
)

// Style selects the colours of rendered text.
type Style int

// The styles. Auto means "dark or light, whichever suits the terminal";
// the caller resolves it with Resolve once it knows the background.
const (
	Auto Style = iota
	Dark
	Light
	NoTTY
)

// MinWidth is the narrowest width text is wrapped at; narrower panes cut
// the lines instead, since wrapping at a few columns helps nobody.
const MinWidth = 16

var styleNames = [...]string{Auto: "auto", Dark: "dark", Light: "light", NoTTY: "notty"}

// String returns the style's name as accepted by ParseStyle.
func (s Style) String() string {
	if s < 0 || int(s) >= len(styleNames) {
		return fmt.Sprintf("Style(%d)", int(s))
	}
	return styleNames[s]
}

// ParseStyle reads a style name: auto, dark, light or notty.
func ParseStyle(name string) (Style, error) {
	for i, n := range styleNames {
		if strings.EqualFold(name, n) {
			return Style(i), nil
		}
	}
	return Auto, fmt.Errorf("unknown style %q: want auto, dark, light or notty", name)
}

// Set implements pflag.Value, so that a Style can be a command-line flag.
func (s *Style) Set(name string) error {
	v, err := ParseStyle(name)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Type implements pflag.Value.
func (s *Style) Type() string { return "style" }

// Resolve turns Auto into Dark or Light for the given background; other
// styles are returned unchanged.
func (s Style) Resolve(isDark bool) Style {
	if s != Auto {
		return s
	}
	if isDark {
		return Dark
	}
	return Light
}

// Colour reports whether the style uses colour.
func (s Style) Colour() bool { return s != NoTTY }

// glamourMD is Glamour's renderer, set up as glamour.NewTermRenderer sets
// it up, but for the plain style, whose links it writes as text and whose
// output it keeps free of escape sequences.
type glamourMD struct {
	md    goldmark.Markdown
	plain bool
}

// newMarkdown returns a glamourMD with the styles given that wraps text at
// width columns.
func newMarkdown(cfg ansi.StyleConfig, width int, plain bool) *glamourMD {
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.DefinitionList),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	ar := ansi.NewRenderer(ansi.Options{WordWrap: max(width, MinWidth), Styles: cfg})
	md.SetRenderer(gmrenderer.NewRenderer(gmrenderer.WithNodeRenderers(util.Prioritized(ar, 1000))))
	return &glamourMD{md: md, plain: plain}
}

// Render renders in, a Markdown text.
func (r *glamourMD) Render(in string) (string, error) {
	src := []byte(in)
	doc := r.md.Parser().Parse(text.NewReader(src))
	if r.plain {
		src = plainLinks(doc, src)
	} else {
		bareLinks(doc, src)
	}
	var out bytes.Buffer
	if err := r.md.Renderer().Render(&out, src, doc); err != nil {
		return "", err
	}
	if r.plain {
		// Glamour writes a link as an OSC 8 hyperlink whatever the
		// style; plain text has no escape sequence of any kind.
		return xansi.Strip(out.String()), nil
	}
	return out.String(), nil
}

// plainLinks rewrites the links and images of doc, parsed from src, as
// the text a reader of plain text needs: "text (URL)", or the URL alone
// when it is the text. The text added is appended to src, whose extended
// copy it returns for rendering doc.
func plainLinks(doc ast.Node, src []byte) []byte {
	var links []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.Kind() {
		case ast.KindLink, ast.KindImage, ast.KindAutoLink:
			if entering {
				links = append(links, n)
			}
		}
		return ast.WalkContinue, nil
	})
	add := func(parent, before ast.Node, s string) {
		seg := text.NewSegment(len(src), len(src)+len(s))
		src = append(src, s...)
		parent.InsertBefore(parent, before, ast.NewTextSegment(seg))
	}
	for _, n := range links {
		parent := n.Parent()
		if parent == nil {
			continue
		}
		var dest string
		switch l := n.(type) {
		case *ast.AutoLink:
			add(parent, n, string(l.Label(src)))
			parent.RemoveChild(parent, n)
			continue
		case *ast.Link:
			dest = string(l.Destination)
		case *ast.Image:
			dest = string(l.Destination)
		}
		label := plainText(n, src)
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		switch {
		case label == "":
			add(parent, n, dest)
		case label != dest && "mailto:"+label != dest:
			add(parent, n, " ("+dest+")")
		}
		parent.RemoveChild(parent, n)
	}
	return src
}

// bareLinks makes each link of doc whose text is its URL an autolink,
// which Glamour writes once rather than as text and URL.
func bareLinks(doc ast.Node, src []byte) {
	var links []*ast.Link
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			links = append(links, l)
		}
		return ast.WalkContinue, nil
	})
	for _, l := range links {
		t, ok := l.FirstChild().(*ast.Text)
		if !ok || l.ChildCount() != 1 || l.Parent() == nil {
			continue
		}
		label, dest := string(t.Segment.Value(src)), string(l.Destination)
		kind := ast.AutoLinkURL
		switch {
		case label == dest:
		case "mailto:"+label == dest:
			kind = ast.AutoLinkEmail
		default:
			continue
		}
		l.RemoveChild(l, t)
		l.Parent().ReplaceChild(l.Parent(), l, ast.NewAutoLink(kind, t))
	}
}

// plainText is the text of n's descendants.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// Markdown renders md in the style, wrapped at width columns. Control
// characters in md are dropped first: nothing in a briefing may drive the
// terminal.
func Markdown(md string, style Style, width int) (string, error) {
	return MarkdownContext(context.Background(), md, style, width)
}

// chunkSize is how much Markdown is rendered between checks for
// cancellation: small enough to stop within a frame or so, large enough
// that ordinary topics render in one piece.
const chunkSize = 32 << 10

// MarkdownContext is Markdown that gives up when ctx is done, returning
// ctx's error. Glamour itself cannot be interrupted, so a long text is
// rendered in chunks split between top-level blocks, and ctx is checked
// between them.
func MarkdownContext(ctx context.Context, md string, style Style, width int) (string, error) {
	r, err := NewRenderer(style, width)
	if err != nil {
		return "", err
	}
	chunks := Pieces(md, style, width, chunkSize)
	parts := make([]string, 0, len(chunks))
	for _, c := range chunks {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		out, err := r.Render(c)
		if err != nil {
			return "", fmt.Errorf("render markdown: %w", err)
		}
		if len(chunks) == 1 {
			return out, nil
		}
		parts = append(parts, strings.Trim(out, "\n"))
	}
	// Each chunk comes with the document margins; keep one set.
	return "\n" + strings.Join(parts, "\n\n") + "\n\n", nil
}

// Pieces cleans md as it is rendered in the style at width and cuts it
// into pieces of about size bytes between top-level blocks, for a caller
// that renders a long text a piece at a time. Rendered with RenderPiece
// and joined by blank lines, after one blank line, the pieces read as the
// whole text rendered by MarkdownContext.
func Pieces(md string, style Style, width, size int) []string {
	return splitBlocks(flatten(Clean(md), indentLimit(style, width)), size)
}

// RenderPiece renders one of Pieces with r, without the blank lines
// Glamour puts around a document, compacted.
func RenderPiece(r *Renderer, piece string) (string, error) {
	out, err := r.Render(piece)
	if err != nil {
		return "", fmt.Errorf("render markdown: %w", err)
	}
	return Compact(strings.Trim(out, "\n")), nil
}

// splitBlocks cuts md into pieces of about size bytes at blank lines that
// end a top-level block: outside fenced code, and followed by a line that
// is not indented, so that list items and indented code stay whole.
func splitBlocks(md string, size int) []string {
	if len(md) <= size {
		return []string{md}
	}
	var chunks []string
	start, fence := 0, ""
	for i := 0; i < len(md); {
		end := strings.IndexByte(md[i:], '\n')
		if end < 0 {
			break
		}
		line, next := md[i:i+end], i+end+1
		trimmed := strings.TrimLeft(line, " ")
		switch {
		case fence != "":
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
		case strings.HasPrefix(trimmed, "```"), strings.HasPrefix(trimmed, "~~~"):
			fence = trimmed[:3]
		case strings.TrimSpace(line) == "" && next-start >= size &&
			next < len(md) && md[next] != ' ' && md[next] != '\t' && md[next] != '\n':
			chunks = append(chunks, md[start:next])
			start = next
		}
		i = next
	}
	return append(chunks, md[start:])
}

// Clean removes the characters that could drive a terminal: C0 and C1
// controls other than newline and tab, DEL, and the bidirectional
// overrides and isolates. It returns s itself when there is nothing to
// remove.
func Clean(s string) string {
	// strings.Map also turns bytes that are not UTF-8 into U+FFFD.
	if !briefing.HasControl(s) { // many bytes at a time: huge topics pass here
		return s
	}
	return strings.Map(func(r rune) rune {
		if briefing.IsControl(r) {
			return -1
		}
		return r
	}, s)
}
