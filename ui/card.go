package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"brief/briefing"
)

// card is the evidence card of one citation: the claim it backs, then for
// each source it cites the source's number, outlet, author, title, date,
// kind, URL and the excerpt cited. It scrolls when it does not fit.
type card struct {
	claim   string
	entries []citedSource
	// st and keys are shared, never changed: the root model is copied on
	// every message, and a card of its own styles would double its size.
	st   *styles
	keys *keyMap

	width, height int
	offset        int
	lines         []string // the content laid out at width
	focused       bool
}

func newCard(b *briefing.Briefing, c briefing.Citation, claim string, st styles) card {
	k := defaultKeyMap()
	return card{claim: claim, entries: citedSources(b, []briefing.Citation{c}), st: &st, keys: &k}
}

// SetSize lays the card out for w by h cells.
func (c *card) SetSize(w, h int) {
	c.width, c.height = max(w, 0), max(h, 0)
	c.lines = c.layout()
	c.offset = min(c.offset, c.maxOffset())
}

// Focus gives the card the keys.
func (c *card) Focus() tea.Cmd {
	c.focused = true
	return nil
}

// Blur takes the keys away.
func (c *card) Blur() { c.focused = false }

func (c card) maxOffset() int { return max(len(c.lines)-c.height, 0) }

// Update scrolls the card.
func (c card) Update(msg tea.Msg) (card, tea.Cmd) {
	if c.keys == nil {
		return c, nil
	}
	k := c.keys
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Up):
			c.scroll(-1)
		case key.Matches(msg, k.Down):
			c.scroll(1)
		case key.Matches(msg, k.PageUp, k.HalfUp):
			c.scroll(-max(c.height-1, 1))
		case key.Matches(msg, k.PageDown, k.HalfDown, k.ReadOn):
			c.scroll(max(c.height-1, 1))
		case key.Matches(msg, k.Top):
			c.offset = 0
		case key.Matches(msg, k.Bottom):
			c.offset = c.maxOffset()
		}
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelUp:
			c.scroll(-wheelLines)
		case tea.MouseWheelDown:
			c.scroll(wheelLines)
		}
	}
	return c, nil
}

func (c *card) scroll(d int) {
	c.offset = min(max(c.offset+d, 0), c.maxOffset())
}

// View draws the card's visible lines, exactly its height.
func (c card) View() string {
	if c.height <= 0 {
		return ""
	}
	return strings.Join(fit(c.lines[min(c.offset, len(c.lines)):], c.width, c.height), "\n")
}

// cardMaxWidth keeps the card's lines short enough to read.
const cardMaxWidth = 90

// layout makes the card's lines for its width. Every text from the
// briefing goes through the sanitiser: a hostile field shows as text.
func (c card) layout() []string {
	if c.st == nil {
		return nil
	}
	w := min(max(c.width-4, 10), cardMaxWidth)
	var out []string
	add := func(style func(...string) string, indent, text string) {
		for _, l := range strings.Split(ansi.Wrap(text, max(w-ansi.StringWidth(indent), 1), ""), "\n") {
			out = append(out, "  "+indent+style(l))
		}
	}
	plain := func(s ...string) string { return strings.Join(s, "") }
	clean := func(s string) string { return cleanLine(briefing.Sanitize(s)) }
	out = append(out, "", "  "+c.st.overlayTitle.Render("Evidence")+c.st.cardLabel.Render(" · the claim and the passages it rests on"), "")
	add(c.st.cardLabel.Render, "", "Claim")
	add(plain, "", clean(c.claim))
	for _, e := range c.entries {
		out = append(out, "")
		head := "?" + clean(e.id)
		if e.known {
			head = fmt.Sprint(e.num)
		}
		head = "[" + head + "] "
		name := clean(e.src.Outlet)
		if name == "" {
			name = briefing.UnnamedOutlet
		}
		if !e.known {
			name = "no such source in this briefing"
		}
		out = append(out, "  "+c.st.topicTitle.Render(head+ansi.Truncate(name, max(w-len(head), 1), "…")))
		field := func(label, value string) {
			if value = clean(value); value != "" {
				add(plain, "    ", c.st.cardLabel.Render(label+" ")+value)
			}
		}
		if e.known {
			field("author", e.src.Author)
			field("title", e.src.Title)
			d := e.src.Date.Long()
			if e.src.DateNote != "" {
				d = strings.TrimSpace(d + " (" + e.src.DateNote + ")")
			}
			field("date", d)
			field("kind", string(e.src.Kind))
			field("url", e.src.URL)
		}
		if len(e.excerpts) == 0 {
			add(c.st.placeholder.Render, "    ", "no excerpt")
		}
		for _, x := range e.excerpts {
			add(c.st.cardExcerpt.Render, "    ", "\u201c"+clean(x)+"\u201d")
		}
	}
	return out
}
