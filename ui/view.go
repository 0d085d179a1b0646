package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"brief/briefing"
	"brief/internal/render"
)

// screen draws exactly height lines of at most width cells.
func (m Model) screen() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	// The body is drawn to size already; fitting it again costs a lot.
	lines := fit([]string{m.header()}, m.width, 1)
	if h := m.bodyHeight(); h > 0 {
		lines = append(lines, m.body(h)...)
	}
	if m.height > 1 {
		lines = append(lines, fit([]string{m.footer()}, m.width, 1)...)
	}
	return strings.Join(lines, "\n")
}

// body draws the list and the text, and any overlay on top, in h lines.
func (m Model) body(h int) []string {
	var lines []string
	switch {
	case len(m.b.Topics) == 0:
		lines = fit([]string{m.st.placeholder.Render("This briefing has no topics to show.")}, m.width, h)
	case m.focus == focusResults:
		return fit(strings.Split(m.results.View(), "\n"), m.width, h)
	case m.focus == focusFinder:
		return fit(strings.Split(m.finder.View(), "\n"), m.width, h)
	case m.focus == focusTimeline:
		lines = strings.Split(m.timeline.View(), "\n")
	case m.focus == focusPeople:
		lines = strings.Split(m.people.View(), "\n")
	case m.focus == focusSources:
		lines = strings.Split(m.sources.View(), "\n")
	case m.focus == focusBookmarks:
		lines = strings.Split(m.bookmarks.View(), "\n")
	case m.focus == focusCard:
		return strings.Split(m.card.View(), "\n")
	case m.wide():
		list := strings.Split(m.list.View(), "\n")
		text := append(m.titleLines(), strings.Split(m.reader.View(), "\n")...)
		bar := m.st.divider.Render("│")
		lines = make([]string, h)
		for i := range h {
			lines[i] = at(list, i) + bar + at(text, i)
		}
	default:
		lines = strings.Split(m.reader.View(), "\n")
	}
	switch {
	case m.showHelp:
		box := m.helpBox(h)
		x := max((m.width-ansi.StringWidth(box[0]))/2, 0)
		y := max((h-len(box))/2, 0)
		lines = overlay(lines, box, x, y, m.width)
	case m.focus == focusList && !m.wide():
		lines = overlay(lines, m.listBox(), 0, 0, m.width)
	}
	return lines
}

// titleLines show the current topic's title whole above the text when the
// topic list, beside it, cuts the title short.
func (m Model) titleLines() []string {
	if !m.wide() || m.about || !m.list.cuts(m.current) {
		return nil
	}
	w := m.width - m.listWidth() - 1
	var out []string
	for _, l := range strings.Split(ansi.Wrap(m.list.titles[m.current], max(w-4, 1), ""), "\n") {
		out = append(out, pad("  "+m.st.topicTitle.Render(l), w))
	}
	return out
}

// overlayListSize is the size of the topic list shown over the text in
// the narrow layout, inside its border.
func (m Model) overlayListSize() (w, h int) {
	return max(min(m.width-2, maxListWidth+10), 0), max(m.bodyHeight()-2, 0)
}

func (m Model) listBox() []string {
	if m.list.width <= 0 || m.list.height <= 0 {
		return nil
	}
	return strings.Split(m.st.overlay.Padding(0).Render(m.list.View()), "\n")
}

func (m Model) header() string {
	w := m.width
	left := " " + m.st.headerTitle.Render(cleanLine(m.b.Title))
	if d := m.b.AsOf.Long(); d != "" {
		left += m.st.headerDim.Render(" · as of " + d)
	}
	right := ""
	if n := len(m.b.Diagnostics); n > 0 {
		right = m.st.problem.Render(fmt.Sprintf("⚠ %d %s ", n, plural(n, "problem", "problems")))
	}
	if note := m.dimmedNote(); note != "" {
		right += m.st.headerDim.Render(note + " · ")
	}
	switch {
	case m.about:
		right += m.st.position.Render("summary ")
	case len(m.b.Topics) > 0:
		pos := fmt.Sprintf("%d/%d ", m.current+1, len(m.b.Topics))
		if !m.wide() {
			// The list that names the topic is hidden: the header does.
			pos = ansi.Truncate(m.list.titles[m.current], max(w/2, 8), "…") + " · " + pos
		}
		right += m.st.position.Render(pos)
	}
	return m.st.header.Render(spread(left, right, w))
}

// dimmedNote says how many claims are dimmed: in this topic, and in the
// whole briefing once the claims resting on doubted sources alone are
// counted.
func (m Model) dimmedNote() string {
	n := m.dimmedCount()
	if len(m.doubted) > 0 && m.sources.dimmedKnown && !m.dimSingle {
		all := m.sources.dimmed
		return fmt.Sprintf("%d %s dimmed, %d here", all, plural(all, "claim", "claims"), n)
	}
	if n > 0 {
		return fmt.Sprintf("%d %s dimmed", n, plural(n, "claim", "claims"))
	}
	return ""
}

func (m Model) footer() string {
	var right string
	if len(m.b.Topics) > 0 {
		pct := int(m.reader.vp.ScrollPercent()*100 + 0.5)
		if m.reader.vp.TotalLineCount() <= m.reader.vp.Height() {
			pct = 100
		}
		right = fmt.Sprintf("%d%% · %d min ", pct, m.readingMinutes(m.current))
		if m.about {
			right = fmt.Sprintf("%d%% ", pct)
		}
	}
	if m.inView() {
		right = ""
	}
	left := " "
	switch {
	case m.notice != "":
		left += m.st.notice.Render(m.notice)
	case m.broken != "" && m.focus != focusSearch:
		// The last save does not load: the text is the one before it.
		left += m.st.notice.Render("⚠ " + m.broken)
		right = ""
	case m.focus == focusSearch || m.focus == focusText && !m.search.query.Empty():
		left = m.searchLine()
		if m.focus == focusSearch {
			right = "" // room for the counts
		}
		if m.focus == focusSearch {
			if keys := "  " + m.help.ShortHelpView(m.footerKeys()); ansi.StringWidth(left+keys+right)+1 < m.width {
				left += keys
			}
			break
		}
		// A kept search: its line, then as many keys as fit, "? help"
		// and "q quit" last to go; the place in the topic goes first.
		least := m.help.ShortHelpView([]key.Binding{m.keys.Help, relabel(m.keys.Quit, "q", "quit")})
		fitted := false
		for _, r := range []string{right, ""} {
			if room := m.width - ansi.StringWidth(left+r) - 4; room >= ansi.StringWidth(least) {
				left, right, fitted = left+"  "+m.shortHelp(m.footerKeys(), room), r, true
				break
			}
		}
		if !fitted {
			// The search line is cut rather than the way out.
			left = ansi.Truncate(left, max(m.width-ansi.StringWidth(least)-4, 0), "…") + "  " + least
			right = ""
		}
	default:
		left += m.shortHelp(m.footerKeys(), max(m.width-ansi.StringWidth(right)-2, 0))
	}
	return spread(left, m.st.footerInfo.Render(right), m.width)
}

// shortHelp draws keys in at most width cells. Keys go from the right
// until the rest fits, "? help" and "q quit" last of all: they tell how
// to learn the others and how to leave.
func (m Model) shortHelp(keys []key.Binding, width int) string {
	hm := m.help
	hm.SetWidth(0)
	keep := func(b key.Binding) bool {
		return slices.Equal(b.Keys(), m.keys.Help.Keys()) || slices.Equal(b.Keys(), m.keys.Quit.Keys())
	}
	keys = slices.Clone(keys)
	for ansi.StringWidth(hm.ShortHelpView(keys)) > width {
		drop := -1
		for i := len(keys) - 1; i >= 0 && drop < 0; i-- {
			if !keep(keys[i]) {
				drop = i
			}
		}
		if drop < 0 {
			break // the help's own cut, with its ellipsis
		}
		keys = slices.Delete(keys, drop, drop+1)
	}
	hm.SetWidth(width)
	return hm.ShortHelpView(keys)
}

// footerKeys are the bindings the footer shows in the current mode.
func (m Model) footerKeys() []key.Binding {
	switch {
	case m.showHelp:
		return m.keys.overlayHelp()
	case m.focus == focusList:
		return m.keys.listHelp()
	case m.focus == focusSearch:
		return m.keys.searchHelp()
	case m.focus == focusResults || m.focus == focusFinder:
		return m.keys.pickHelp()
	case m.focus == focusTimeline:
		return m.keys.timelineHelp()
	case m.focus == focusPeople:
		return m.keys.peopleHelp(m.people)
	case m.focus == focusSources:
		return m.keys.sourcesHelp()
	case m.focus == focusBookmarks:
		return m.keys.bookmarksHelp()
	case m.focus == focusCard:
		return m.keys.cardHelp()
	case m.cite.on:
		return m.keys.citeHelp()
	}
	return m.keys.ShortHelp()
}

// spread puts left and right at the two ends of a line of width w; left is
// cut if both do not fit.
func spread(left, right string, w int) string {
	rw := ansi.StringWidth(right)
	if rw >= w {
		return ansi.Truncate(right, w, "")
	}
	left = ansi.Truncate(left, w-rw-1, "…")
	return pad(left, w-rw) + right
}

// fit makes exactly h lines of exactly w cells.
func fit(lines []string, w, h int) []string {
	out := make([]string, h)
	for i := range out {
		out[i] = pad(ansi.Truncate(at(lines, i), w, ""), w)
	}
	return out
}

// overlay draws box over lines with its top left corner at (x, y).
func overlay(lines, box []string, x, y, w int) []string {
	out := append([]string(nil), lines...)
	for i, b := range box {
		row := y + i
		if row < 0 || row >= len(out) {
			continue
		}
		bw := ansi.StringWidth(b)
		base := out[row]
		out[row] = pad(ansi.Cut(base, 0, x), x) + "\x1b[m" + b + "\x1b[m" + ansi.Cut(base, x+bw, w)
	}
	return out
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return ""
}

// cleanLine makes text from a briefing safe for one line of the screen.
func cleanLine(s string) string {
	s = strings.Join(strings.Fields(render.Clean(strings.ReplaceAll(s, "\t", " "))), " ")
	return s
}

// problemNotice tells the reader that loading found problems, and whether
// any of them may have cost a topic.
func problemNotice(ds briefing.Diagnostics) string {
	n := len(ds)
	if len(ds.Errors()) == 0 {
		return fmt.Sprintf("%d %s about the briefing (? lists %s)",
			n, plural(n, "warning", "warnings"), plural(n, "it", "them"))
	}
	return fmt.Sprintf("%d %s loading the briefing; some topics may be missing (? lists %s)",
		n, plural(n, "problem", "problems"), plural(n, "it", "them"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
