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

// blockKey is how many letters and digits from a block's start find it
// in the text on screen; shortKey is tried when those do not.
const blockKey, shortKey = 32, 12

// blockLines finds blocks, the paragraphs and list items of md, in p, the
// plain form of md rendered, within its first own lines. Markup, wrapping,
// indents, bullets and the brackets of citation markers change no letter
// or digit, so each block is found, in order, by its first letters and
// digits; its lines go down to a blank line or the next block's start (a
// line that starts "2023. " may be an item's or a paragraph's). A block
// not found (its start hidden by the renderer) is skipped.
func blockLines(p *plainLines, own int, md string, blocks []briefing.Block) []blockSpan {
	limit := len(p.text)
	if own < len(p.starts) {
		limit = p.starts[own]
	}
	spans := make([]blockSpan, len(blocks))
	at, lag := 0, 0
	for i, b := range blocks {
		spans[i] = blockSpan{-1, -1}
		key := foldAlnum(md[b.Start:b.End], blockKey)
		// A block is found near where the last one ended: the window
		// grows with the text of the blocks not found since, so that a
		// block not found does not cost a scan of the rest of the text.
		lag += b.End - b.Start
		window := min(limit, at+2*lag+4096)
		start, end, ok := -1, 0, false
		for _, k := range [][]rune{key, key[:min(len(key), shortKey)]} {
			if len(k) == 0 {
				break
			}
			if start, end, ok = findFolded(p.text[:window], at, k); ok {
				break
			}
		}
		if !ok {
			continue
		}
		at, lag = end, 0
		first := lineAt(p, start)
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

// isAlnum reports whether r is a letter or a digit.
func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// foldAlnum returns the first n letters and digits of s, lower-cased.
func foldAlnum(s string, n int) []rune {
	var out []rune
	for _, r := range s {
		if len(out) == n {
			break
		}
		if isAlnum(r) {
			out = append(out, unicode.ToLower(r))
		}
	}
	return out
}

// findFolded finds in text, from byte from on, the first place where the
// letters and digits, lower-cased, are key, whatever else is between
// them; it returns the bytes from the first of them to the end of the last.
func findFolded(text string, from int, key []rune) (start, end int, ok bool) {
	for i := from; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isAlnum(r) || unicode.ToLower(r) != key[0] {
			i += n
			continue
		}
		j, k := i+n, 1
		for k < len(key) && j < len(text) {
			r, m := utf8.DecodeRuneInString(text[j:])
			j += m
			if !isAlnum(r) {
				continue
			}
			if unicode.ToLower(r) != key[k] {
				break
			}
			k++
		}
		if k == len(key) {
			return i, j, true
		}
		i += n
	}
	return 0, 0, false
}

// spanCache keeps the blocks of the topic on screen mapped to its lines,
// found once per text shown; the blocks themselves, a parse of the
// topic's Markdown, once per topic.
type spanCache struct {
	key     renderKey
	version int
	valid   bool
	// body are the blocks of the topic's Body and cited those of the
	// Markdown rendered; spans is where each of body is.
	topic       int
	body, cited []briefing.Block
	spans       []blockSpan
}

// topicSpans returns the blocks of the current topic's Body and where
// each is in the text on screen, or nothing while that text is another's.
// The Markdown rendered (Briefing.Cited) has the same blocks in the same
// order, its citations made markers and its source list after them.
func (m *Model) topicSpans() ([]briefing.Block, []blockSpan) {
	r, c := &m.reader, m.spans
	if m.about || len(m.b.Topics) == 0 || !r.hasText || r.shown.topic != m.current || c == nil {
		return nil, nil
	}
	if c.valid && c.key == r.shown && c.version == r.version {
		return c.body, c.spans
	}
	md := m.text(m.current)
	if !c.valid || c.topic != m.current {
		c.topic = m.current
		c.body = briefing.Blocks(m.b.Topics[m.current].Body)
		c.cited = briefing.Blocks(md)
		c.cited = c.cited[:min(len(c.cited), len(c.body))]
	}
	p := r.plainText()
	spans := blockLines(p, ownLines(p, md), md, c.cited)
	for len(spans) < len(c.body) {
		spans = append(spans, blockSpan{-1, -1})
	}
	c.key, c.version, c.valid, c.spans = r.shown, r.version, true, spans
	return c.body, spans
}
