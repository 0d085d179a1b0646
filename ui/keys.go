package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// keyMap holds every key binding of the reader. The help overlay, the footer
// and the README's key table are all generated from it.
type keyMap struct {
	Up, Down         key.Binding
	HalfUp, HalfDown key.Binding
	PageUp, PageDown key.Binding
	// ReadOn pages down and then goes on to the next topic, as a book.
	ReadOn      key.Binding
	Top, Bottom key.Binding

	Next, Prev key.Binding
	Jump       key.Binding
	Topics     key.Binding
	About      key.Binding
	Open       key.Binding
	Close      key.Binding

	Search, NextMatch, PrevMatch key.Binding
	Finder                       key.Binding
	// Timeline and People open those views; Filter, in the timeline,
	// shows only the current topic's events. Library goes back to the
	// library a briefing was opened from; ListFilter filters the
	// library's briefings and the who's who's actors.
	Timeline, People, Filter key.Binding
	Library, ListFilter      key.Binding
	// Sources opens the sources view; Doubt, there, doubts a source.
	Sources, Doubt key.Binding
	// Citations and their evidence.
	NextCite, PrevCite, Card key.Binding
	Copy, CopyTopic, Dim     key.Binding
	// Bookmark marks the place, Bookmarks lists the marks, and Unmark,
	// there, removes one. NextChange goes to the next paragraph changed
	// since the topic was last read.
	Bookmark, Bookmarks, Unmark key.Binding
	NextChange                  key.Binding
	// In the search line.
	Keep, Cancel, History, Results key.Binding

	Help key.Binding
	Quit key.Binding
}

func defaultKeyMap() keyMap {
	k := keyMap{
		Up:   key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("k/↑", "scroll up")),
		Down: key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("j/↓", "scroll down")),
		// As in less.
		HalfUp:   key.NewBinding(key.WithKeys("u", "ctrl+u"), key.WithHelp("u/ctrl+u", "half page up")),
		HalfDown: key.NewBinding(key.WithKeys("d", "ctrl+d"), key.WithHelp("d/ctrl+d", "half page down")),
		PageUp:   key.NewBinding(key.WithKeys("b", "ctrl+b", "pgup"), key.WithHelp("b/ctrl+b/pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("f", "ctrl+f", "pgdown"), key.WithHelp("f/ctrl+f/pgdn", "page down")),
		ReadOn:   key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "next page or topic")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "top")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "bottom")),

		Next:   key.NewBinding(key.WithKeys("tab", "]", "l", "right"), key.WithHelp("tab/]/l/→", "next topic")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab", "[", "h", "left"), key.WithHelp("shift+tab/[/h/←", "previous topic")),
		Jump:   key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "go to topic")),
		Topics: key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "topic list")),
		About:  key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "summary and sources")),
		Open:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open topic (list)")),
		Close:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close list, help, summary, card; leave citations")),

		Search:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		NextMatch: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match (after a search)")),
		PrevMatch: key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match (after a search)")),
		Finder:    key.NewBinding(key.WithKeys("ctrl+p", ":"), key.WithHelp("ctrl+p/:", "find a topic")),
		Timeline:  key.NewBinding(key.WithKeys("T"), key.WithHelp("T", "timeline (at a topic's end: its events)")),
		People:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "who's who: people and bodies")),
		Filter:    key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "only this topic's events (timeline)")),
		Sources:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sources, and what cites each")),
		Doubt:     key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "doubt a source (sources)")),

		NextCite:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "next citation")),
		PrevCite:  key.NewBinding(key.WithKeys("C"), key.WithHelp("C", "previous citation")),
		Card:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "evidence card (on a citation)")),
		Copy:      key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy claim and sources (on a citation)")),
		CopyTopic: key.NewBinding(key.WithKeys("Y"), key.WithHelp("Y", "copy topic as Markdown")),
		Dim:       key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "dim single-source claims (¹)")),

		Bookmark:   key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "bookmark this place, or remove its bookmark")),
		Bookmarks:  key.NewBinding(key.WithKeys("'"), key.WithHelp("'", "bookmarks")),
		Unmark:     key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x/del", "remove a bookmark (bookmarks)")),
		NextChange: key.NewBinding(key.WithKeys("U"), key.WithHelp("U", "next paragraph changed since last read")),

		Library:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the library"), key.WithDisabled()),
		ListFilter: key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter the list (library, who's who)")),

		Keep:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep search (search line)")),
		Cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel search (search line)")),
		History: key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "search history (search line)")),
		Results: key.NewBinding(key.WithKeys("ctrl+r", "tab"), key.WithHelp("ctrl+r/tab", "list all matches (search line)")),

		Help: key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit: key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q/ctrl+c", "quit")),
	}
	k.setMode(focusText, false)
	k.setCite(false)
	return k
}

// setMode turns on the bindings that work with focus f; n and N work once
// a search is kept.
func (k *keyMap) setMode(f focus, searching bool) {
	line := f == focusSearch
	for _, b := range []*key.Binding{&k.Keep, &k.Cancel, &k.History, &k.Results} {
		b.SetEnabled(line)
	}
	k.NextMatch.SetEnabled(searching && f == focusText)
	k.PrevMatch.SetEnabled(searching && f == focusText)
	k.Filter.SetEnabled(f == focusTimeline)
	k.Doubt.SetEnabled(f == focusSources)
	k.Unmark.SetEnabled(f == focusBookmarks)
}

// setCite turns on the bindings that work on the citation under the
// cursor, when there is one.
func (k *keyMap) setCite(on bool) {
	k.Card.SetEnabled(on)
	k.Copy.SetEnabled(on)
}

// cardHelp is the footer's help while the evidence card is open.
func (k keyMap) cardHelp() []key.Binding {
	return []key.Binding{
		relabel(k.Close, "esc", "back"), relabel(k.Down, "j/k", "scroll"), relabel(k.NextCite, "c/C", "citation"),
		relabel(k.Copy, "y", "copy"), relabel(k.Quit, "q", "quit"),
	}
}

// mouseHelp describes what the mouse does; the mouse has no key bindings
// but belongs in the help all the same.
var mouseHelp = []key.Help{
	{Key: "wheel", Desc: "scroll text, list or card"},
	{Key: "click", Desc: "open a topic in the list"},
}

// viewMouseHelp is what the mouse does in the timeline and people views.
var viewMouseHelp = []key.Help{{Key: "wheel", Desc: "move in the list"}}

// ShortHelp is the footer's help while reading, with short labels so
// that it fits 80 columns.
func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{
		relabel(k.Down, "j/k", "scroll"), relabel(k.Next, "l/h", "topic"), relabel(k.Topics, "t", "topics"),
		relabel(k.Library, "esc", "library"), relabel(k.Search, "/", "search"), relabel(k.NextCite, "c", "cite"), k.Help, relabel(k.Quit, "q", "quit"),
	}
}

// citeHelp is the footer's help while a citation is under the cursor.
func (k keyMap) citeHelp() []key.Binding {
	return []key.Binding{
		relabel(k.NextCite, "c/C", "citation"), relabel(k.Card, "enter", "evidence"), relabel(k.Copy, "y", "copy"),
		relabel(k.Close, "esc", "done"), k.Help, relabel(k.Quit, "q", "quit"),
	}
}

// listHelp is the footer's help while the topic list has focus.
func (k keyMap) listHelp() []key.Binding {
	return []key.Binding{
		relabel(k.Down, "j/k", "move"), relabel(k.Open, "enter", "open"), relabel(k.Close, "esc", "back"),
		k.Help, relabel(k.Quit, "q", "quit"),
	}
}

// overlayHelp is the footer's help while the help overlay is shown.
func (k keyMap) overlayHelp() []key.Binding {
	return []key.Binding{relabel(k.Down, "j/k", "scroll"), relabel(k.Close, "?/esc", "close"), relabel(k.Quit, "q", "quit")}
}

// relabel returns a copy of b with a shorter help text.
func relabel(b key.Binding, keys, desc string) key.Binding {
	b.SetHelp(keys, desc)
	return b
}

// FullHelp is the help overlay, one column per group.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.HalfUp, k.HalfDown, k.PageUp, k.PageDown, k.ReadOn, k.Top, k.Bottom},
		{k.Next, k.Prev, k.Jump, k.Topics, k.About, k.Open, k.Close, k.Library},
		// n and N wait for a search, but a reader looks for them first.
		{k.Search, shown(k.NextMatch), shown(k.PrevMatch), k.Finder, k.Timeline, k.People, shown(k.Filter), k.Sources, shown(k.Doubt), k.Help, k.Quit},
		{k.NextCite, k.PrevCite, shown(k.Card), shown(k.Copy), k.CopyTopic, k.Dim},
		{k.Bookmark, k.Bookmarks, shown(k.Unmark), k.NextChange},
		// The search line's keys work only there, where ? types; the
		// help lists them all the same, so they can be found.
		{shown(k.Keep), shown(k.Cancel), shown(k.History), shown(k.Results)},
	}
}

// shown returns an enabled copy of b, for the help.
func shown(b key.Binding) key.Binding {
	b.SetEnabled(true)
	return b
}

// searchHelp is the footer's help while the search line has focus.
func (k keyMap) searchHelp() []key.Binding {
	return []key.Binding{
		relabel(k.Keep, "enter", "keep"), relabel(k.Results, "tab", "all"), relabel(k.Cancel, "esc", "cancel"),
	}
}

// pickHelp is the footer's help in the results list and the topic finder.
func (k keyMap) pickHelp() []key.Binding {
	return []key.Binding{
		relabel(k.Down, "↑/↓", "move"), relabel(k.Open, "enter", "open"), relabel(k.Close, "esc", "back"),
	}
}

// timelineHelp is the footer's help in the timeline.
func (k keyMap) timelineHelp() []key.Binding {
	return []key.Binding{
		relabel(k.Down, "j/k", "move"), relabel(k.Open, "enter", "open"), relabel(k.Close, "esc", "back"),
		relabel(k.Filter, "f", "this topic"), k.Help, relabel(k.Quit, "q", "quit"),
	}
}

// peopleHelp is the footer's help in the people view p: while the
// filter line has the keys, as the library's.
func (k keyMap) peopleHelp(p people) []key.Binding {
	switch {
	case p.typing():
		return []key.Binding{relabel(k.Down, "↑/↓", "move"), relabel(k.Open, "enter", "open"), relabel(k.Close, "esc", "clear")}
	case p.chosen < 0:
		esc := relabel(k.Close, "esc", "back")
		if p.list.active() {
			esc = relabel(k.Close, "esc", "clear")
		}
		return []key.Binding{
			relabel(k.Down, "j/k", "move"), relabel(k.Open, "enter", "open"), relabel(k.ListFilter, "/", "filter"),
			esc, k.Help, relabel(k.Quit, "q", "quit"),
		}
	}
	return []key.Binding{
		relabel(k.Down, "j/k", "move"), relabel(k.Open, "enter", "open"),
		relabel(k.Close, "esc", "back"), k.Help, relabel(k.Quit, "q", "quit"),
	}
}

// sourcesHelp is the footer's help in the sources view.
func (k keyMap) sourcesHelp() []key.Binding {
	return []key.Binding{
		relabel(k.Down, "j/k", "move"), relabel(k.Open, "enter", "open"), relabel(k.Close, "esc", "back"),
		relabel(k.Doubt, "x", "doubt"), k.Help, relabel(k.Quit, "q", "quit"),
	}
}

// bookmarksHelp is the footer's help in the bookmarks view.
func (k keyMap) bookmarksHelp() []key.Binding {
	return []key.Binding{
		relabel(k.Down, "j/k", "move"), relabel(k.Open, "enter", "open"), relabel(k.Close, "esc", "back"),
		relabel(k.Unmark, "x", "remove"), k.Help, relabel(k.Quit, "q", "quit"),
	}
}

// viewHelp is the help overlay in the timeline and people views: their
// keys, then the keys that work everywhere.
func (k keyMap) viewHelp(f focus) [][]key.Binding {
	move := []key.Binding{relabel(k.Up, "k/↑", "move up"), relabel(k.Down, "j/↓", "move down"),
		relabel(k.PageUp, "b/pgup", "page up"), relabel(k.PageDown, "pgdn", "page down"),
		relabel(k.Top, "g/home", "first"), relabel(k.Bottom, "G/end", "last")}
	var own []key.Binding
	switch f {
	case focusTimeline:
		own = []key.Binding{relabel(k.Open, "enter", "open the event's topic at its passage"), k.Filter,
			relabel(k.Close, "esc", "back to the text")}
	case focusPeople:
		own = []key.Binding{relabel(k.Open, "enter", "list the passages naming them; open one"),
			relabel(k.ListFilter, "/", "filter the actors by name, alias or role"),
			relabel(k.Close, "esc", "clear the filter, or back one step")}
	case focusSources:
		own = []key.Binding{relabel(k.Open, "enter", "list the passages citing it; open one"), k.Doubt,
			relabel(k.Close, "esc", "back one step")}
	case focusBookmarks:
		own = []key.Binding{relabel(k.Open, "enter", "open the topic at the bookmark"), relabel(k.Unmark, "x/del", "remove the bookmark"),
			relabel(k.Close, "esc", "back to the text")}
	}
	return [][]key.Binding{move, append(own, k.Help, k.Quit)}
}

// allBindings lists every binding once, in help order.
func (k keyMap) allBindings() []key.Binding {
	var all []key.Binding
	for _, g := range k.FullHelp() {
		all = append(all, g...)
	}
	return all
}

// KeyTable returns the reader's keys as a Markdown table, for the README:
// every binding, whatever mode it works in, plus the mouse.
func KeyTable() string {
	var b strings.Builder
	b.WriteString("| Key | Action |\n| --- | --- |\n")
	row := func(h key.Help) {
		keys := h.Key
		if keys != "/" {
			keys = strings.ReplaceAll(keys, "/", "` `")
		}
		b.WriteString("| `" + keys + "` | " + h.Desc + " |\n")
	}
	k := defaultKeyMap()
	for _, kb := range append(k.allBindings(), k.ListFilter) {
		row(kb.Help())
	}
	for _, h := range mouseHelp {
		b.WriteString("| " + h.Key + " | " + h.Desc + " |\n")
	}
	for _, h := range viewMouseHelp {
		h.Desc += " (timeline, who's who, sources)"
		b.WriteString("| " + h.Key + " | " + h.Desc + " |\n")
	}
	return b.String()
}
