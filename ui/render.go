package ui

import (
	"container/list"
	"context"
	"strings"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"brief/internal/render"
)

const (
	// maxTextWidth caps the width text is wrapped at: long lines are hard
	// to read, and wide windows then need no new render.
	maxTextWidth = 100
	// resizeWait is how long the window must stay one size before text is
	// rendered for it again.
	resizeWait = 100 * time.Millisecond
	// plainLimit bounds the plain text shown while a topic renders, so a
	// huge topic still shows at once.
	plainLimit = 64 << 10
	// renderSlots is how many renders run at once: one, leaving a core
	// for the reader on a two-core laptop.
	renderSlots = 1
	// pieceSize is how much Markdown of a long topic is rendered at a
	// time: a piece renders in about 10 ms, so the first screen is
	// styled at once whatever the topic's size.
	pieceSize = 8 << 10
	// piecesFrom is the size from which a topic is shown a piece at a
	// time; shorter ones render whole within a frame or two.
	piecesFrom = 32 << 10
	// prefetchLimit is the largest topic rendered before it is opened.
	prefetchLimit = 256 << 10
	// Cache bounds: rendered text is kept for this many (topic, width,
	// style) keys and this many bytes, whichever is reached first.
	cacheEntries = 48
	cacheBytes   = 32 << 20
)

// renderKey names one rendering of a topic.
type renderKey struct {
	topic int // index in Briefing.Topics
	width int
	style render.Style
}

// renderCmd renders md off the update loop once one of slots is free. It
// captures values only; ctx lets the reader abandon a render it no longer
// needs, whether it waits for a slot or runs.
func renderCmd(ctx context.Context, slots chan struct{}, k renderKey, md string) tea.Cmd {
	return func() tea.Msg {
		select {
		case slots <- struct{}{}:
			defer func() { <-slots }()
		case <-ctx.Done():
			return renderedMsg{key: k, err: ctx.Err()}
		}
		out, err := render.MarkdownContext(ctx, md, k.style, k.width)
		return renderedMsg{key: k, out: strings.TrimRight(out, "\n"), err: err}
	}
}

// piecesCmd cuts a long topic into pieces, renders the one at the
// fraction at of the text, and makes every piece's stand-in lines. A text
// that makes one piece is rendered whole, as renderCmd does.
func piecesCmd(ctx context.Context, slots chan struct{}, k renderKey, gen int, md string, at float64) tea.Cmd {
	return func() tea.Msg {
		select {
		case slots <- struct{}{}:
			defer func() { <-slots }()
		case <-ctx.Done():
			return piecesMsg{key: k, gen: gen, err: ctx.Err()}
		}
		if err := ctx.Err(); err != nil {
			return piecesMsg{key: k, gen: gen, err: err}
		}
		pieces := render.Pieces(md, k.style, k.width, pieceSize)
		if len(pieces) == 1 {
			out, err := render.MarkdownContext(ctx, md, k.style, k.width)
			return renderedMsg{key: k, gen: gen, out: strings.TrimRight(out, "\n"), err: err}
		}
		i := pieceAt(pieces, at)
		lines, err := renderPiece(k, pieces[i])
		if err != nil {
			return piecesMsg{key: k, gen: gen, err: err}
		}
		plain := make([][]string, len(pieces))
		for j, p := range pieces {
			if j != i {
				plain[j] = standIn(p, k.width)
			}
		}
		return piecesMsg{key: k, gen: gen, pieces: pieces, plain: plain, index: i, lines: lines}
	}
}

// pieceCmd renders piece i of a long topic.
func pieceCmd(ctx context.Context, slots chan struct{}, k renderKey, gen, i int, piece string) tea.Cmd {
	return func() tea.Msg {
		select {
		case slots <- struct{}{}:
			defer func() { <-slots }()
		case <-ctx.Done():
			return pieceMsg{key: k, gen: gen, index: i, err: ctx.Err()}
		}
		if err := ctx.Err(); err != nil {
			return pieceMsg{key: k, gen: gen, index: i, err: err}
		}
		lines, err := renderPiece(k, piece)
		return pieceMsg{key: k, gen: gen, index: i, lines: lines, err: err}
	}
}

// renderPiece renders a piece with a renderer of its own (one per
// goroutine), as lines after the blank line that separates pieces.
func renderPiece(k renderKey, piece string) ([]string, error) {
	r, err := render.NewRenderer(k.style, k.width)
	if err != nil {
		return nil, err
	}
	out, err := render.RenderPiece(r, piece)
	if err != nil {
		return nil, err
	}
	return append([]string{""}, strings.Split(out, "\n")...), nil
}

// pieceAt is the piece that holds the fraction at of the text.
func pieceAt(pieces []string, at float64) int {
	total := 0
	for _, p := range pieces {
		total += len(p)
	}
	want := int(at * float64(total))
	for i, p := range pieces {
		if want < len(p) {
			return i
		}
		want -= len(p)
	}
	return len(pieces) - 1
}

// standIn is a piece's plain text, wrapped, shown until it renders, after
// the blank line that separates pieces. Lines that fit are kept as they
// are (a line has no more cells than bytes), so that the stand-in of a
// huge topic costs little more than a scan.
func standIn(md string, width int) []string {
	md = unescapeMarks(strings.Trim(md, "\n"))
	width = max(width, 1)
	lines := make([]string, 1, strings.Count(md, "\n")+2)
	for line := range strings.Lines(md) {
		line = strings.TrimSuffix(line, "\n")
		if len(line) <= width {
			lines = append(lines, line)
			continue
		}
		if isASCII(line) {
			lines = wrapASCII(lines, line, width)
			continue
		}
		lines = append(lines, strings.Split(ansi.Wrap(line, width, ""), "\n")...)
	}
	return lines
}

// wrapASCII appends line, printable ASCII, wrapped at width bytes (which
// are cells) at spaces, and cut where a word is longer than a line.
func wrapASCII(lines []string, line string, width int) []string {
	for len(line) > width {
		cut := strings.LastIndexByte(line[:width+1], ' ')
		if cut <= 0 {
			lines, line = append(lines, line[:width]), line[width:]
			continue
		}
		lines, line = append(lines, line[:cut]), line[cut+1:]
	}
	return append(lines, line)
}

// isASCII reports whether s is printable ASCII only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// resizeTick waits d for a resize burst to end.
func resizeTick(d time.Duration, gen int) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return resizeDoneMsg{gen: gen} })
}

// plainText is what the reader shows while a topic renders: the Markdown
// source, cleaned and wrapped, cut short if the topic is huge.
func plainText(md string, width int) string {
	if len(md) > plainLimit {
		cut := plainLimit
		for cut > 0 && !utf8.RuneStart(md[cut]) {
			cut--
		}
		md = md[:cut] + "\n\n…"
	}
	// Citation markers are escaped for Markdown; shown raw, they read
	// as they will once rendered.
	md = citationMarks.Replace(md)
	return ansi.Wrap(render.Clean(md), max(width, 1), "")
}

var citationMarks = strings.NewReplacer(`\[`, "[", `\]`, "]")

// unescapeMarks is citationMarks.Replace, in one pass and one allocation.
func unescapeMarks(line string) string {
	i := strings.IndexByte(line, '\\')
	if i < 0 {
		return line
	}
	b := make([]byte, 0, len(line))
	for ; i >= 0; i = strings.IndexByte(line, '\\') {
		if i+1 < len(line) && (line[i+1] == '[' || line[i+1] == ']') {
			b = append(b, line[:i]...)
			line = line[i+1:]
			continue
		}
		b = append(b, line[:i+1]...)
		line = line[i+1:]
	}
	return string(append(b, line...))
}

// renderCache is a least-recently-used cache of rendered topics, bounded by
// entries and bytes, so memory does not grow with the topics visited.
type renderCache struct {
	ll    *list.List
	items map[renderKey]*list.Element
	bytes int
}

type cacheEntry struct {
	key   renderKey
	lines []string // never changed once cached: readers share them
	size  int
}

func newRenderCache() *renderCache {
	return &renderCache{ll: list.New(), items: map[renderKey]*list.Element{}}
}

// get returns k's rendered lines; the caller must not change them.
func (c *renderCache) get(k renderKey) ([]string, bool) {
	e, ok := c.items[k]
	if !ok {
		return nil, false
	}
	c.ll.MoveToFront(e)
	return e.Value.(*cacheEntry).lines, true
}

func (c *renderCache) put(k renderKey, out string) {
	c.putLines(k, strings.Split(out, "\n"))
}

// putLines keeps lines, which must not change afterwards.
func (c *renderCache) putLines(k renderKey, lines []string) {
	size := max(len(lines)-1, 0) // the bytes of the text: lines and newlines
	for _, l := range lines {
		size += len(l)
	}
	if e, ok := c.items[k]; ok {
		ent := e.Value.(*cacheEntry)
		c.bytes += size - ent.size
		ent.lines, ent.size = lines, size
		c.ll.MoveToFront(e)
	} else {
		c.items[k] = c.ll.PushFront(&cacheEntry{key: k, lines: lines, size: size})
		c.bytes += size
	}
	// Keep at least the newest entry, however big.
	for c.ll.Len() > 1 && (c.ll.Len() > cacheEntries || c.bytes > cacheBytes) {
		e := c.ll.Back()
		ent := e.Value.(*cacheEntry)
		c.ll.Remove(e)
		delete(c.items, ent.key)
		c.bytes -= ent.size
	}
}

// forget drops every rendering of topic, whose text has changed.
func (c *renderCache) forget(topic int) {
	for k, e := range c.items {
		if k.topic == topic {
			c.bytes -= e.Value.(*cacheEntry).size
			c.ll.Remove(e)
			delete(c.items, k)
		}
	}
}

func (c *renderCache) len() int { return c.ll.Len() }
