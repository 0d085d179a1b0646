package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"brief/briefing"
	"brief/internal/state"
)

// library is the library view: one row per briefing of a directory, a
// fuzzy filter as in the topic finder, and enter to open one.
type library struct {
	lib *briefing.Library
	// states is each entry's reading progress, filled off the update
	// loop once the library is scanned; its columns stay hidden until a
	// row has been read.
	states []state.Progress
	titles []string
	errs   []string // each entry's first error, "" if none
	// titleWidth is the widest title, heading included.
	titleWidth int
	// list is the entries as filtered, on "title name".
	list     filterList
	showHelp bool
	focused  bool
	// status is a line for the footer: the load under way, or why a
	// briefing could not be opened.
	status        string
	width, height int
	keys          keyMap
	help          help.Model
	st            styles
}

func newLibrary(lib *briefing.Library, st styles) library {
	l := library{list: newFilterList("/ ", "title or name", st), keys: defaultKeyMap(), help: help.New(), focused: true}
	l.setStyles(st)
	l.setLibrary(lib)
	return l
}

// setLibrary shows lib: at first as listed, then as scanned, with the
// cursor and the filter kept.
func (l *library) setLibrary(lib *briefing.Library) {
	l.lib, l.states = lib, make([]state.Progress, len(lib.Entries))
	var targets [][]string
	l.titles, l.errs = nil, nil
	base := filepath.Clean(lib.Path) + string(filepath.Separator)
	l.titleWidth = len("Title")
	for _, e := range lib.Entries {
		t := cleanLine(e.Title)
		if t == "" {
			t = cleanLine(e.Name)
		}
		l.titles = append(l.titles, t)
		l.titleWidth = max(l.titleWidth, ansi.StringWidth(t))
		targets = append(targets, []string{t + " " + cleanLine(e.Name)})
		msg := ""
		if e.Err != nil {
			// Positions inside the library are enough in a row.
			msg = cleanLine(strings.TrimPrefix(e.Err.String(), base))
		}
		l.errs = append(l.errs, msg)
	}
	l.list.setTargets(targets)
}

func (l *library) setStyles(st styles) {
	l.st = st
	l.help.Styles = st.help
	l.list.input.SetStyles(st.input)
}

// SetSize sets the size of the whole screen the library fills.
func (l *library) SetSize(w, h int) {
	l.width, l.height = max(w, 0), max(h, 0)
	l.list.rows.height = max(l.height-l.chrome(), 0)
	l.list.input.SetWidth(max(w-20, 1)) // room for the count after it
	l.help.SetWidth(l.width)
	l.list.rows.move(0)
}

// chrome is the number of lines around the rows: header, column heads,
// filter line and footer.
func (l library) chrome() int { return 4 }

// Focus gives the library the keys.
func (l *library) Focus() tea.Cmd {
	l.focused = true
	if l.list.on {
		return l.list.input.Focus()
	}
	return nil
}

// Blur takes the keys away, while a briefing is read.
func (l *library) Blur() {
	l.focused = false
	l.list.input.Blur()
}

// selected returns the entry under the cursor, or -1.
func (l library) selected() int { return l.list.selected() }

// Update handles a key or the mouse; enter, or a click on a row, asks
// for that briefing.
func (l library) Update(msg tea.Msg) (library, tea.Cmd) {
	if !l.focused {
		return l, nil
	}
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			l.list.rows.move(-wheelLines)
		case tea.MouseWheelDown:
			l.list.rows.move(wheelLines)
		}
		return l, nil
	case tea.MouseClickMsg:
		// Rows start below the header and the column heads.
		r := &l.list.rows
		j := r.offset + msg.Y - 2
		if msg.Button != tea.MouseLeft || l.showHelp || msg.Y < 2 || msg.Y-2 >= r.height || j >= len(l.list.shown) {
			return l, nil
		}
		r.move(j - r.cursor)
		i := l.list.shown[j]
		return l, func() tea.Msg { return openEntryMsg{index: i} }
	}
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return l, nil
	}
	l.status = ""
	k := l.keys
	switch {
	case kp.String() == "ctrl+c":
		return l, tea.Quit
	case l.showHelp && key.Matches(kp, k.Help, k.Close):
		l.showHelp = false
	case l.showHelp && key.Matches(kp, k.Quit):
		return l, tea.Quit
	case l.showHelp:
	case key.Matches(kp, k.Open):
		l.list.stop()
		if i := l.selected(); i >= 0 {
			return l, func() tea.Msg { return openEntryMsg{index: i} }
		}
	default:
		if cmd, ok := l.list.key(k, kp); ok {
			return l, cmd
		}
		switch {
		case key.Matches(kp, k.Quit):
			return l, tea.Quit
		case key.Matches(kp, k.Help):
			l.showHelp = true
		default:
			l.list.rows.key(k, kp, true)
		}
	}
	return l, nil
}

// libraryHelp is the library's help, one column per group.
func (k keyMap) libraryHelp() [][]key.Binding {
	return [][]key.Binding{
		{relabel(k.Up, "k/↑", "up"), relabel(k.Down, "j/↓", "down"), k.PageUp, k.PageDown, k.Top, k.Bottom},
		{relabel(k.Open, "enter", "open briefing"), relabel(k.ListFilter, "/", "filter"),
			relabel(k.Close, "esc", "clear filter"), k.Help, k.Quit},
	}
}

// footerKeys are the keys the footer shows.
func (l library) footerKeys() []key.Binding {
	k := l.keys
	switch {
	case l.showHelp:
		return []key.Binding{relabel(k.Close, "?/esc", "close"), relabel(k.Quit, "q", "quit")}
	case l.list.on:
		return []key.Binding{relabel(k.Down, "↑/↓", "move"), relabel(k.Open, "enter", "open"), relabel(k.Close, "esc", "clear")}
	}
	return []key.Binding{relabel(k.Down, "j/k", "move"), relabel(k.Open, "enter", "open"),
		relabel(k.ListFilter, "/", "filter"), k.Help, relabel(k.Quit, "q", "quit")}
}

// View draws the library: exactly height lines of width cells.
func (l library) View() string {
	if l.width <= 0 || l.height <= 0 {
		return ""
	}
	n := len(l.lib.Entries)
	head := spread(" "+l.st.headerTitle.Render("Library")+l.st.headerDim.Render(" · "+cleanLine(l.lib.Path)),
		l.st.position.Render(fmt.Sprintf("%d %s ", n, plural(n, "briefing", "briefings"))), l.width)
	lines := []string{l.st.header.Render(head)}
	lines = append(lines, l.st.listNumber.Render(l.row("Title", "As of", "Topics", l.stateColumns(state.Columns()), false)))
	body := l.rowLines()
	if l.showHelp {
		box := l.helpBox()
		x := max((l.width-ansi.StringWidth(box[0]))/2, 0)
		body = overlay(fit(body, l.width, l.list.rows.height), box, x, max((l.list.rows.height-len(box))/2, 0), l.width)
	}
	lines = append(lines, fit(body, l.width, l.list.rows.height)...)
	filter := ""
	switch i := l.selected(); {
	case l.list.active():
		filter = l.list.line(l.st)
	case i >= 0 && l.errs[i] != "":
		// The error of the row under the cursor, whole.
		filter = " " + l.st.notice.Render(ansi.Truncate("⚠ "+l.errs[i], max(l.width-2, 1), "…"))
	}
	lines = append(lines, filter)
	left := " "
	if l.status != "" {
		left += l.st.notice.Render(l.status)
	} else {
		left += l.help.ShortHelpView(l.footerKeys())
	}
	lines = append(lines, left)
	return strings.Join(fit(lines, l.width, l.height), "\n")
}

// rowLines draws the visible rows.
func (l library) rowLines() []string {
	var out []string
	r := l.list.rows
	for j := r.offset; j < len(l.list.shown) && j < r.offset+r.height; j++ {
		i := l.list.shown[j]
		e := l.lib.Entries[i]
		cur := j == r.cursor
		var row string
		if l.errs[i] != "" {
			row = l.row(l.titles[i], "", "", l.errs[i], cur)
		} else {
			topics := fmt.Sprint(e.Topics)
			if !l.lib.Scanned {
				topics = "…"
			}
			row = l.row(l.titles[i], e.AsOf.String(), topics, l.stateText(i), cur)
		}
		if cur {
			row = l.st.listCursor.Render(row)
		}
		out = append(out, row)
	}
	if len(l.list.shown) == 0 {
		out = append(out, "   "+l.st.placeholder.Render("No briefing matches."))
	}
	return out
}

// Column widths; the title takes what is left.
const (
	asOfWidth   = 10
	topicsWidth = 6
	stateWidth  = 4 + 1 + 6 + 1 + 7 + 1 + 10
	// minTitleWidth is the least room for titles the last-read column
	// leaves.
	minTitleWidth = 16
)

// row lays out one row: the title, then the as-of date and topic count,
// or a broken entry's error in their place. Only the error is styled, so
// that the cursor's style covers the whole row.
func (l library) row(title, asOf, topics, extra string, cur bool) string {
	mark := "   "
	if cur {
		mark = " › "
	}
	tw := l.width - 3 - asOfWidth - topicsWidth - 5
	if l.hasState() {
		tw -= l.stateWidth() + 2
	}
	// The title column is as wide as the widest title, leaving the rest
	// of the row to a broken entry's error.
	tw = max(min(tw, l.titleWidth), 8)
	s := mark + pad(ansi.Truncate(title, tw, "…"), tw) + "  "
	if asOf == "" && topics == "" && extra != "" {
		msg := ansi.Truncate("⚠ "+extra, max(l.width-ansi.StringWidth(s)-1, 1), "…")
		if !cur {
			msg = l.st.notice.Render(msg)
		}
		return s + msg
	}
	s += pad(asOf, asOfWidth) + "  " + fmt.Sprintf("%*s", topicsWidth, topics)
	if l.hasState() && extra != "" {
		s += "  " + extra
	}
	return s
}

// hasState reports whether any row has been read, and so has a reading
// state to show.
func (l library) hasState() bool {
	for _, s := range l.states {
		if !s.LastRead.IsZero() {
			return true
		}
	}
	return false
}

// stateText is the reading state columns of entry i.
func (l library) stateText(i int) string {
	if !l.states[i].Known {
		return ""
	}
	return l.stateColumns(l.states[i].Fields())
}

// stateColumns lays out the reading state's columns: read, unread,
// updated and last read; the last goes where it would leave the titles
// too little room.
func (l library) stateColumns(f []string) string {
	if l.stateWidth() < stateWidth {
		return fmt.Sprintf("%4s %6s %7s", f[0], f[1], f[2])
	}
	return fmt.Sprintf("%4s %6s %7s %-10s", f[0], f[1], f[2], f[3])
}

// stateWidth is the width of the reading state's columns at the
// library's width.
func (l library) stateWidth() int {
	if l.width-3-asOfWidth-topicsWidth-5-stateWidth-2 < minTitleWidth {
		return stateWidth - 11
	}
	return stateWidth
}

// setProgress fills in the reading state of the entries of lib, unless
// another library is shown since.
func (l *library) setProgress(lib *briefing.Library, p []state.Progress) {
	if lib == l.lib && len(p) == len(l.states) {
		copy(l.states, p)
	}
}

// helpBox is the library's keys in a box.
func (l library) helpBox() []string {
	var cols []string
	for _, g := range l.keys.libraryHelp() {
		kw := 0
		for _, b := range g {
			kw = max(kw, ansi.StringWidth(b.Help().Key))
		}
		var rows []string
		for _, b := range g {
			h := b.Help()
			rows = append(rows, l.st.help.FullKey.Render(pad(h.Key, kw))+" "+l.st.help.FullDesc.Render(h.Desc))
		}
		cols = append(cols, strings.Join(rows, "\n"))
	}
	text := l.st.overlayTitle.Render("Keys") + l.st.footer.Render(" · ? or esc closes") + "\n\n" +
		strings.Join(flow(cols, max(l.width-8, 1), "   "), "\n")
	return strings.Split(l.st.overlay.Render(text), "\n")
}
