package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"brief/briefing"
)

// blockSpan is where a paragraph or list item of a topic's Markdown is in
// the text on screen: its first and last lines, first -1 if not found.
type blockSpan struct{ first, last int }

// blockKey is how many bytes of letters and digits from a block's start
// find it in the text on screen; shortKey is tried when those do not.
const blockKey, shortKey = 32, 12

// blockLines finds blocks, the paragraphs and list items of md, in p, the
// plain form of md rendered, within its first own lines. Markup, wrapping,
// indents, bullets and the brackets of citation markers change no letter
// or digit, so each block is found, in order, by its first letters and
// digits; its lines go down to a blank line or the next block's start (a
// line that starts "2023. " may be an item's or a paragraph's).
// A block not found (its start hidden by the renderer) is skipped.
func blockLines(p *plainLines, own int, md string, blocks []briefing.Block) []blockSpan {
	limit := len(p.text)
	if own < len(p.starts) {
		limit = p.starts[own]
	}
	stream, offs := foldAlnum(p.text[:limit], -1)
	spans := make([]blockSpan, len(blocks))
	at := 0
	for i, b := range blocks {
		spans[i] = blockSpan{-1, -1}
		key, _ := foldAlnum(md[b.Start:b.End], blockKey)
		j := -1
		for _, k := range []string{key, key[:min(len(key), shortKey)]} {
			if k == "" {
				break
			}
			if j = strings.Index(stream[at:], k); j >= 0 {
				j += at
				at = j + len(k)
				break
			}
		}
		if j < 0 {
			continue
		}
		first := lineAt(p, offs[j])
		last := first
		for last+1 < own && last+1 < len(p.starts) {
			ls, le := lineBounds(p, last+1)
			if strings.TrimSpace(p.text[ls:le]) == "" {
				break
			}
			last++
		}
		spans[i] = blockSpan{first, last}
	}
	// A block ends before the next one starts, whatever its lines say.
	next := -1
	for i := len(spans) - 1; i >= 0; i-- {
		if spans[i].first < 0 {
			continue
		}
		if next >= 0 && spans[i].last >= next {
			spans[i].last = max(next-1, spans[i].first)
		}
		next = spans[i].first
	}
	return spans
}

// foldAlnum returns the letters and digits of s, lower-cased, at most n
// bytes of them (n < 0: all), and the offset in s of each byte returned.
func foldAlnum(s string, n int) (string, []int) {
	var b strings.Builder
	var offs []int
	for i, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		r = unicode.ToLower(r)
		if n >= 0 && b.Len()+utf8.RuneLen(r) > n {
			break
		}
		b.WriteRune(r)
		if n < 0 {
			for range utf8.RuneLen(r) {
				offs = append(offs, i)
			}
		}
	}
	return b.String(), offs
}

// spanCache keeps the blocks of the topic on screen mapped to its lines,
// found once per text shown.
type spanCache struct {
	key     renderKey
	version int
	valid   bool
	// body are the blocks of the topic's Body, spans where each is.
	body  []briefing.Block
	spans []blockSpan
}

// topicSpans returns the blocks of the current topic's Body and where
// each is in the text on screen, or nothing while that text is another's.
// The Markdown rendered (Briefing.Cited) has the same blocks in the same
// order, its citations made markers and its source list after them.
func (m *Model) topicSpans() ([]briefing.Block, []blockSpan) {
	r := &m.reader
	if m.about || len(m.b.Topics) == 0 || !r.hasText || r.shown.topic != m.current {
		return nil, nil
	}
	c := m.spans
	if c != nil && c.valid && c.key == r.shown && c.version == r.version {
		return c.body, c.spans
	}
	md := m.text(m.current)
	body := briefing.Blocks(m.b.Topics[m.current].Body)
	cited := briefing.Blocks(md)
	cited = cited[:min(len(cited), len(body))]
	p := r.plainText()
	spans := blockLines(p, ownLines(p, md), md, cited)
	for len(spans) < len(body) {
		spans = append(spans, blockSpan{-1, -1})
	}
	if m.spans != nil {
		*m.spans = spanCache{key: r.shown, version: r.version, valid: true, body: body, spans: spans}
	}
	return body, spans
}
