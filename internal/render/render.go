// Package render turns a briefing's Markdown into styled terminal text with
// Glamour. The reader and the print command share it so that both show a
// topic the same way.
package render

import (
	"context"
	"fmt"
	"strings"

	"brief/briefing"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"
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

// NewRenderer returns a Glamour renderer for the style that wraps text at
// width columns. Auto renders as Dark. A renderer is not safe for
// concurrent use: make one per goroutine.
func NewRenderer(style Style, width int) (*glamour.TermRenderer, error) {
	cfg := styles.DarkStyleConfig
	switch style {
	case Light:
		cfg = styles.LightStyleConfig
	case NoTTY:
		cfg = styles.NoTTYStyleConfig
	}
	return glamour.NewTermRenderer(
		glamour.WithStyles(cfg),
		glamour.WithWordWrap(max(width, MinWidth)),
	)
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
func RenderPiece(r *glamour.TermRenderer, piece string) (string, error) {
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
