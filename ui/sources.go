package ui

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"brief/briefing"
)

// sources is the sources view: the sources of the current topic first,
// then the briefing's others, each with how often it is cited here and in
// all; choosing one lists every passage that cites it. x doubts a source.
type sources struct {
	b    *briefing.Briefing
	keys keyMap
	// st is shared, not copied: the root model is copied on every update.
	st     *styles
	titles []string // topic titles by index, made safe
	num    map[string]int
	// ids are the distinct source ids in number order, refs their
	// descriptions on one line, made once. counts is CitationCounts,
	// which reads every topic and so comes from a command (counted says
	// it has come); mine counts the current topic's citations.
	ids     []string
	refs    []string
	counts  map[string]briefing.CitationCount
	counted bool
	mine    map[string]int
	// order indexes ids: the current topic's sources first; here is how
	// many of them there are.
	order []int
	here  int
	topic string
	rows  rows // over order, two lines each
	// doubted is the root's set of doubted sources, shared; dimmed counts
	// the claims of the briefing resting on them alone, once known.
	doubted     map[string]bool
	gen         int // counts changes of doubted
	dimmed      int
	dimmedKnown bool

	width, height int

	// chosen indexes ids: the source whose passages are listed, or -1.
	chosen   int
	passages []briefing.Passage
	finding  bool
	prows    rows // over passages, three lines each
}

// sourcePassagesMsg carries the passages citing source id, found off the
// update loop.
type sourcePassagesMsg struct {
	id       string
	passages []briefing.Passage
}

// passageOpenMsg asks the root to open topic at its citation cite, the
// claim it ends highlighted.
type passageOpenMsg struct{ topic, cite int }

// doubtMsg asks the root to doubt source id, or to stop doubting it.
type doubtMsg struct{ id string }

// sourceCountsMsg carries how often each source is cited, counted off
// the update loop.
type sourceCountsMsg struct {
	counts map[string]briefing.CitationCount
}

// doubtedCountMsg carries the number of claims resting on doubted sources
// alone; gen is the doubt's generation, so that stale counts are dropped.
type doubtedCountMsg struct{ gen, n int }

func newSources(b *briefing.Briefing, keys keyMap, st *styles, titles []string) sources {
	s := sources{b: b, keys: keys, st: st, titles: titles, num: b.SourceNumbers(), chosen: -1}
	seen := map[string]bool{}
	for _, src := range b.Sources {
		if seen[src.ID] {
			continue
		}
		seen[src.ID] = true
		s.ids = append(s.ids, src.ID)
		s.refs = append(s.refs, cleanLine(src.Reference()))
	}
	return s
}

// show orders the sources for topic t, nil on the summary page, its own
// first, in number order each. The cursor stays on the source it was on
// when the view shows the same topic again, else starts on the first.
func (s *sources) show(t *briefing.Topic) {
	id := ""
	if t != nil {
		id = t.ID
	}
	keep := -1
	if s.order != nil && id == s.topic {
		keep = s.source()
	}
	s.topic, s.mine, s.order = id, map[string]int{}, s.order[:0]
	if t != nil {
		s.mine = briefing.TopicCitationCounts(t)
	}
	for i, id := range s.ids {
		if s.mine[id] > 0 {
			s.order = append(s.order, i)
		}
	}
	s.here = len(s.order)
	for i, id := range s.ids {
		if s.mine[id] == 0 {
			s.order = append(s.order, i)
		}
	}
	s.chosen, s.passages = -1, nil
	s.rows = rows{n: len(s.order), height: s.rows.height, cursor: max(slices.Index(s.order, keep), 0)}
	s.rows.move(0)
}

// Focus is called when the view opens: it counts the citations of every
// source, the first time, off the update loop.
func (s *sources) Focus() tea.Cmd {
	if s.counted {
		return nil
	}
	b := s.b
	return func() tea.Msg { return sourceCountsMsg{counts: b.CitationCounts()} }
}

// setCounts takes the citation counts.
func (s *sources) setCounts(msg sourceCountsMsg) { s.counts, s.counted = msg.counts, true }

// Blur is called when the view closes.
func (s *sources) Blur() {}

// SetSize sets the size the view draws in, and keeps the cursor in view.
func (s *sources) SetSize(w, h int) {
	s.width, s.height = w, h
	list := h - 2 - detailHeight(h)
	s.rows.height = max(list/2, 1)
	s.rows.move(0)
	s.prows.height = max(list/3, 1)
	s.prows.move(0)
}

// source is the index in ids of the source under the cursor, or -1.
func (s sources) source() int {
	if len(s.order) == 0 {
		return -1
	}
	return s.order[s.rows.cursor]
}

// choose lists the passages citing source i, found by a command.
func (s *sources) choose(i int) tea.Cmd {
	s.chosen, s.passages, s.finding = i, nil, true
	s.prows = rows{height: s.prows.height}
	b, id := s.b, s.ids[i]
	return func() tea.Msg { return sourcePassagesMsg{id: id, passages: b.Passages(id)} }
}

// setPassages takes the passages found for the source chosen.
func (s *sources) setPassages(msg sourcePassagesMsg) {
	if s.chosen < 0 || s.ids[s.chosen] != msg.id {
		return // stale: another source, or none, was chosen since
	}
	s.passages, s.finding = msg.passages, false
	s.prows = rows{n: len(msg.passages), height: s.prows.height}
}

// countDimmed starts counting, off the update loop, the claims of the
// briefing that rest on the doubted sources alone.
func (s *sources) countDimmed() tea.Cmd {
	s.gen++
	s.dimmedKnown = false
	b, set, gen := s.b, maps.Clone(s.doubted), s.gen
	return func() tea.Msg {
		return doubtedCountMsg{gen: gen, n: b.DoubtedClaims(func(id string) bool { return set[id] })}
	}
}

// setDimmed takes a count of dimmed claims, unless the doubts changed
// since it began.
func (s *sources) setDimmed(msg doubtedCountMsg) {
	if msg.gen == s.gen {
		s.dimmed, s.dimmedKnown = msg.n, true
	}
}

// Update handles the keys and the mouse wheel of the view.
func (s sources) Update(msg tea.Msg) (sources, tea.Cmd) {
	r := &s.rows
	if s.chosen >= 0 {
		r = &s.prows
	}
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		r.wheel(msg.Mouse())
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, s.keys.Close):
			if s.chosen >= 0 {
				s.chosen, s.passages = -1, nil
				return s, nil
			}
			return s, func() tea.Msg { return viewCloseMsg{} }
		case key.Matches(msg, s.keys.Open):
			switch {
			case s.chosen < 0 && len(s.order) > 0:
				return s, s.choose(s.source())
			case s.chosen >= 0 && len(s.passages) > 0:
				p := s.passages[s.prows.cursor]
				return s, func() tea.Msg { return passageOpenMsg{topic: p.Topic, cite: p.Cite} }
			}
		case key.Matches(msg, s.keys.Doubt):
			i := s.chosen
			if i < 0 {
				i = s.source()
			}
			if i >= 0 {
				id := s.ids[i]
				return s, func() tea.Msg { return doubtMsg{id: id} }
			}
		case key.Matches(msg, s.keys.ReadOn):
			r.move(max(r.height-1, 1))
		default:
			r.key(s.keys, msg, true)
		}
	}
	return s, nil
}

// View draws exactly height lines: the sources, or the passages citing
// the one chosen.
func (s sources) View() string {
	if s.width <= 0 || s.height <= 0 {
		return ""
	}
	var lines []string
	if s.chosen >= 0 {
		lines = s.passageLines()
	} else {
		lines = s.sourceLines()
	}
	return strings.Join(fit(lines, s.width, s.height), "\n")
}

// doubtNote is what the title says of the doubted sources.
func (s sources) doubtNote() string {
	n := len(s.doubted)
	if n == 0 {
		return ""
	}
	note := fmt.Sprintf(" · ✗ %d doubted", n)
	if s.dimmedKnown {
		note += fmt.Sprintf(", %d %s dimmed", s.dimmed, plural(s.dimmed, "claim", "claims"))
	}
	return note
}

// numLabel is source i's number as the text shows it, [3].
func (s sources) numLabel(i int) string {
	if n := s.num[s.ids[i]]; n > 0 {
		return fmt.Sprintf("[%d]", n)
	}
	return "[?]"
}

func (s sources) sourceLines() []string {
	w, st := s.width, s.st
	head := fmt.Sprintf("Sources · %d", len(s.ids))
	if s.here > 0 {
		head += fmt.Sprintf(" · ● %d in this topic", s.here)
	}
	lines := []string{st.overlayTitle.Render(" "+head) + st.headerDim.Render(s.doubtNote())}
	if len(s.ids) == 0 {
		lines = append(lines, st.placeholder.Render("  This briefing lists no sources."))
	}
	numW := len(fmt.Sprintf("[%d]", len(s.ids))) + 1
	for j := s.rows.offset; j < len(s.order) && j < s.rows.offset+s.rows.height; j++ {
		i := s.order[j]
		id := s.ids[i]
		mark, dot := "  ", "  "
		if j == s.rows.cursor {
			mark = "› "
		}
		if j < s.here {
			dot = "● "
		}
		if s.doubted[id] {
			dot = "✗ "
		}
		lead := mark + dot + pad(s.numLabel(i), numW)
		refW := max(w-ansi.StringWidth(lead), 1)
		ref := ansi.Truncate(s.refs[i], refW, "…")
		switch {
		case j == s.rows.cursor:
			ref = st.listCursor.Render(ref)
		case j < s.here:
			ref = st.listCurrent.Render(ref)
		}
		all := "…"
		if s.counted {
			all = fmt.Sprint(s.counts[id].Total)
		}
		cited := fmt.Sprintf("cited %d here · %s in all", s.mine[id], all)
		if s.topic == "" {
			cited = fmt.Sprintf("cited %s in all", all)
		}
		if s.doubted[id] {
			cited += " · doubted: the claims resting on it alone are dimmed"
		}
		indent := strings.Repeat(" ", ansi.StringWidth(lead))
		lines = append(lines, lead+ref, indent+st.listNumber.Render(ansi.Truncate(cited, refW, "…")))
	}
	detail := ""
	if i := s.source(); i >= 0 {
		detail = s.numLabel(i) + " " + s.refs[i]
	}
	pos := ""
	if len(s.order) > 0 {
		pos = fmt.Sprintf(" %d/%d", s.rows.cursor+1, len(s.order))
	}
	return s.finish(lines, detail, pos)
}

func (s sources) passageLines() []string {
	w, st := s.width, s.st
	i := s.chosen
	head := s.numLabel(i) + " " + s.refs[i]
	n := len(s.passages)
	count := " · finding the passages…"
	if !s.finding {
		count = fmt.Sprintf(" · %d %s citing it", n, plural(n, "passage", "passages"))
	}
	if s.doubted[s.ids[i]] {
		count += " · ✗ doubted"
	}
	lines := []string{st.overlayTitle.Render(ansi.Truncate(" "+head, max(w-ansi.StringWidth(count), w/2), "…")) + st.headerDim.Render(count)}
	if !s.finding && n == 0 {
		lines = append(lines, st.placeholder.Render("  No passage cites this source."))
	}
	textW := max(w-4, 1)
	for j := s.prows.offset; j < n && j < s.prows.offset+s.prows.height; j++ {
		p := s.passages[j]
		mark := "  "
		title := s.titles[p.Topic]
		if j == s.prows.cursor {
			mark, title = "› ", st.listCursor.Render(ansi.Truncate(title, textW, "…"))
		} else {
			title = st.listCurrent.Render(ansi.Truncate(title, textW, "…"))
		}
		excerpt := st.placeholder.Render("no excerpt")
		if p.Excerpt != "" {
			excerpt = st.cardExcerpt.Render(ansi.Truncate("\u201c"+p.Excerpt+"\u201d", textW, "…"))
		}
		lines = append(lines, mark+title, "    "+ansi.Truncate(p.Text, textW, "…"), "    "+excerpt)
	}
	detail, pos := "", ""
	if n > 0 {
		p := s.passages[s.prows.cursor]
		detail = s.titles[p.Topic] + ": " + p.Text
		if p.Excerpt != "" {
			detail += " — “" + p.Excerpt + "”"
		}
		pos = fmt.Sprintf(" %d/%d", s.prows.cursor+1, n)
	}
	return s.finish(lines, detail, pos)
}

// finish ends a screen of the view: lines, cut or filled to the list's
// height, then detail in full and the position.
func (s sources) finish(lines []string, detail, pos string) []string {
	dh := detailHeight(s.height)
	list := max(s.height-1-dh, 1)
	lines = lines[:min(len(lines), list)]
	for len(lines) < list {
		lines = append(lines, "")
	}
	lines = append(lines, detailLines(*s.st, detail, s.width, dh)...)
	return append(lines, s.st.footerInfo.Render(pos))
}
