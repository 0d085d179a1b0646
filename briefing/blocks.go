package briefing

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Block is a paragraph or a list item of a topic's Markdown: the unit the
// citation check asks a citation of, and the unit the reader marks as
// changed since it was last read.
type Block struct {
	// Start and End are the byte offsets of the block's text in the body.
	// An item's text starts after its marker and leaves out its nested
	// lists, which are blocks of their own.
	Start, End int
	// Item is true for a list item, false for a paragraph.
	Item bool
	// LeadIn is true for a block that ends with a colon and introduces a
	// list.
	LeadIn bool
}

// Blocks returns the paragraphs and list items of body, a topic's
// Markdown, in the order they are read: an item before its nested items.
// Headings, code, tables, HTML and block quotes hold none, and neither does
// a body indented deeper than any real briefing is (see maxIndent).
func Blocks(body string) []Block {
	return newMarkdown().blocks(body)
}

// blocks is Blocks with m's parser.
func (m *markdown) blocks(body string) (out []Block) {
	defer func() {
		// goldmark is third-party code; a panic on strange input costs
		// the blocks of this topic, not the load.
		if recover() != nil {
			out = nil
		}
	}()
	if deepIndent(body) {
		return nil
	}
	doc := m.p.Parse(text.NewReader([]byte(body)))
	leadIn := func(start, stop int, next ast.Node) bool {
		return next != nil && next.Kind() == ast.KindList && strings.HasSuffix(strings.TrimSpace(body[start:stop]), ":")
	}
	var list func(n ast.Node)
	list = func(n ast.Node) {
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			start, stop := -1, -1
			var sub ast.Node
			for c := item.FirstChild(); c != nil; c = c.NextSibling() {
				if c.Kind() == ast.KindList {
					if sub == nil {
						sub = c
					}
					continue
				}
				if s, e := span(c); s >= 0 {
					if start < 0 {
						start = s
					}
					stop = max(stop, e)
				}
			}
			if start >= 0 {
				out = append(out, Block{Start: start, End: stop, Item: true, LeadIn: leadIn(start, stop, sub)})
			}
			for c := item.FirstChild(); c != nil; c = c.NextSibling() {
				if c.Kind() == ast.KindList {
					list(c)
				}
			}
		}
	}
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindParagraph:
			if s, e := span(c); s >= 0 {
				out = append(out, Block{Start: s, End: e, LeadIn: leadIn(s, e, c.NextSibling())})
			}
		case ast.KindList:
			list(c)
		}
	}
	return out
}
