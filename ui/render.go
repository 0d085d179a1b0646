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

// renderCache is a least-recently-used cache of rendered topics, bounded by
// entries and bytes, so memory does not grow with the topics visited.
type renderCache struct {
	ll    *list.List
	items map[renderKey]*list.Element
	bytes int
}

type cacheEntry struct {
	key renderKey
	out string
}

func newRenderCache() *renderCache {
	return &renderCache{ll: list.New(), items: map[renderKey]*list.Element{}}
}

func (c *renderCache) get(k renderKey) (string, bool) {
	e, ok := c.items[k]
	if !ok {
		return "", false
	}
	c.ll.MoveToFront(e)
	return e.Value.(*cacheEntry).out, true
}

func (c *renderCache) put(k renderKey, out string) {
	if e, ok := c.items[k]; ok {
		c.bytes += len(out) - len(e.Value.(*cacheEntry).out)
		e.Value.(*cacheEntry).out = out
		c.ll.MoveToFront(e)
	} else {
		c.items[k] = c.ll.PushFront(&cacheEntry{key: k, out: out})
		c.bytes += len(out)
	}
	// Keep at least the newest entry, however big.
	for c.ll.Len() > 1 && (c.ll.Len() > cacheEntries || c.bytes > cacheBytes) {
		e := c.ll.Back()
		ent := e.Value.(*cacheEntry)
		c.ll.Remove(e)
		delete(c.items, ent.key)
		c.bytes -= len(ent.out)
	}
}

// forget drops every rendering of topic, whose text has changed.
func (c *renderCache) forget(topic int) {
	for k, e := range c.items {
		if k.topic == topic {
			c.bytes -= len(e.Value.(*cacheEntry).out)
			c.ll.Remove(e)
			delete(c.items, k)
		}
	}
}

func (c *renderCache) len() int { return c.ll.Len() }
