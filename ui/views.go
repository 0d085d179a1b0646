package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"brief/briefing"
	"brief/internal/search"
)

// How the root model opens the timeline and who's who views, routes to
// them, and follows them back to the text.

// viewState is what the views need from the root between key presses.
type viewState struct {
	// back is the view that esc in the text returns to, after a view
	// opened a topic; focusText when there is none.
	back focus
	// passage is the citation group to show highlighted in the topic
	// opened from the timeline.
	passage passage
}

// passage names a citation group of a topic: the claim it ends is shown
// highlighted as a search match is. landed says the reader has scrolled
// to it once.
type passage struct {
	topic, cite int
	on, landed  bool
}

// inView reports whether a view has the keys.
func (m Model) inView() bool {
	return m.focus == focusTimeline || m.focus == focusPeople || m.focus == focusSources || m.focus == focusBookmarks
}

// topicTitles maps topic ids to their titles, made safe for one line.
func (m Model) topicTitles() map[string]string {
	titles := make(map[string]string, len(m.b.Topics))
	for i, t := range m.b.Topics {
		titles[t.ID] = m.titles[i]
	}
	return titles
}

// currentID is the id of the topic being read, or "" on the summary.
func (m Model) currentID() string {
	if m.about || len(m.b.Topics) == 0 {
		return ""
	}
	return m.b.Topics[m.current].ID
}

// openTimeline opens the timeline; at the end of a topic that has
// events, where the text says "On the timeline: 3 events", it shows
// only those.
func (m Model) openTimeline(at int) (Model, tea.Cmd) {
	id := m.currentID()
	only := at < 0 && m.focus == focusText && id != "" && m.reader.vp.AtBottom() && len(m.b.TopicEvents(id)) > 0
	if m.timeline.b == nil {
		m.timeline = newTimeline(m.b, m.keys, m.sharedStyles(), m.topicTitles())
	}
	m.timeline.SetSize(m.width, m.bodyHeight())
	m.timeline.show(id, only, at)
	m.setFocus(focusTimeline)
	return m, m.timeline.Focus()
}

// openPeople opens the who's who view, counting the passages that name
// each actor once the search index is there.
func (m Model) openPeople() (Model, tea.Cmd) {
	if m.people.actors == nil {
		// The filter outlives a reload, which drops the view; the
		// keys typed next still go to it.
		kept := m.people.list
		m.people = newPeople(m.b, m.keys, m.sharedStyles(), m.topicTitles())
		m.people.list.keep(kept)
	}
	m.people.SetSize(m.width, m.bodyHeight())
	m.setFocus(focusPeople)
	return m, tea.Batch(m.people.Focus(), m.ensureIndex(), m.peopleCountCmd())
}

// peopleCountCmd counts, off the update loop, the passages naming each
// actor, once the index is built.
func (m Model) peopleCountCmd() tea.Cmd {
	if m.ix == nil || m.people.counted || m.people.actors == nil {
		return nil
	}
	ix, actors := m.ix, m.b.Actors
	return func() tea.Msg { return peopleCountedMsg{counts: countActors(ix, actors)} }
}

// countActors counts the passages naming each actor by any spelling, as
// the search counts them.
func countActors(ix *search.Index, actors []briefing.Actor) []int {
	counts := make([]int, len(actors))
	for i, a := range actors {
		counts[i] = ix.Count(search.Compile(a.Name, actors)).Total
	}
	return counts
}

// openSources opens the sources view, the current topic's sources first.
func (m Model) openSources() (Model, tea.Cmd) {
	if m.sources.b == nil {
		m.sources = newSources(m.b, m.keys, m.sharedStyles(), m.titles)
	}
	m.sources.doubted = m.doubted
	m.sources.SetSize(m.width, m.bodyHeight())
	var t *briefing.Topic
	if id := m.currentID(); id != "" {
		t = m.b.Topics[m.current]
	}
	m.sources.show(t)
	m.setFocus(focusSources)
	return m, m.sources.Focus()
}

// sourcesMsg handles what the sources view asks of the root and what its
// commands bring back.
func (m Model) sourcesMsg(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case sourceCountsMsg:
		m.sources.setCounts(msg)
	case sourcePassagesMsg:
		m.sources.setPassages(msg)
	case passageOpenMsg:
		return m.openAt(msg.topic, msg.cite, focusSources)
	case doubtMsg:
		m.toggleDoubt(msg.id)
		m.sources.doubted = m.doubted
		return m, m.sources.countDimmed()
	case doubtedCountMsg:
		m.sources.setDimmed(msg)
	}
	return m, nil
}

// viewKey hands a key to the view that has focus.
func (m Model) viewKey(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	// The views match keys with the bindings enabled for their focus.
	m.timeline.keys, m.people.keys, m.sources.keys, m.bookmarks.keys = m.keys, m.keys, m.keys, m.keys
	switch m.focus {
	case focusBookmarks:
		m.bookmarks, cmd = m.bookmarks.Update(msg)
	case focusTimeline:
		m.timeline, cmd = m.timeline.Update(msg)
	case focusSources:
		m.sources, cmd = m.sources.Update(msg)
	case focusPeople:
		// Choosing an actor needs the index: build it now if the
		// command building it has not returned yet, as the results do.
		if k, ok := msg.(tea.KeyPressMsg); ok && m.ix == nil && key.Matches(k, m.keys.Open) {
			m.ix, m.indexing = search.NewIndex(m.b), false
		}
		m.people.ix = m.ix
		m.people, cmd = m.people.Update(msg)
	}
	return m, cmd
}

// closeView goes back from a view to the text, where the reader was.
func (m Model) closeView() (Model, tea.Cmd) {
	m.timeline.Blur()
	m.people.Blur()
	m.sources.Blur()
	m.bookmarks.Blur()
	m.setFocus(focusText)
	return m, nil
}

// viewBack goes back from the text to the view that opened it.
func (m Model) viewBack() (Model, tea.Cmd) {
	back := m.views.back
	m.views.back, m.views.passage = focusText, passage{}
	m.reader.mark = highlights{}
	m.setFocus(back)
	return m, nil
}

// openTimelineEvent opens the event's first topic at the passage whose
// citation shares a source with the event, where there is one.
func (m Model) openTimelineEvent(ev int) (Model, tea.Cmd) {
	e := m.b.Timeline[ev]
	for _, id := range e.Topics {
		if i, ok := m.topicIdx[id]; ok {
			return m.openAt(i, sharedCitation(m.b.Topics[i], e.Sources), focusTimeline)
		}
	}
	m.notice = "This event belongs to no topic"
	return m, nil
}

// openAt opens topic i from the view back, with the claim that its
// citation group cite ends highlighted (none if cite is -1); esc in the
// text goes back to the view.
func (m Model) openAt(i, cite int, back focus) (Model, tea.Cmd) {
	m.setFocus(focusText)
	m.views.back = back
	m.views.passage = passage{}
	if cite >= 0 {
		m.views.passage = passage{topic: i, cite: cite, on: true}
	}
	m.reader.mark = highlights{}
	return m.open(i)
}

// sharedCitation returns the citation group of t that shares the most
// sources with srcs, the first of equals, or -1 if none shares one.
func sharedCitation(t *briefing.Topic, srcs []string) int {
	best, most := -1, 0
	for k, c := range t.Citations {
		n := 0
		for _, s := range srcs {
			if slices.Contains(c.Keys, s) {
				n++
			}
		}
		if n > most {
			best, most = k, n
		}
	}
	return best
}

// openMention opens a passage naming an actor: a topic with the search
// set to the actor's name, on that match; or, in the timeline, the event.
func (m Model) openMention(mt search.Match, name string) (Model, tea.Cmd) {
	if mt.Topic == "" {
		m, cmd := m.openTimeline(mt.Event)
		m.views.back = focusPeople
		return m, cmd
	}
	s := &m.search
	s.input.SetValue(name)
	s.input.CursorEnd()
	m.fitInput()
	s.query = search.Compile(name, m.b.Actors)
	s.gen++
	s.counted = false
	m.keepSearch()
	m.views.back = focusPeople
	m, cmd := m.openMatch(mt)
	return m, tea.Batch(cmd, m.countCmd())
}

// syncPassage highlights the passage opened from the timeline once the
// topic's text is on screen, and scrolls to it once it is rendered.
func (m Model) syncPassage() Model {
	p, r := &m.views.passage, &m.reader
	if !p.on || !r.hasText {
		return m
	}
	if m.about || m.current != p.topic || r.shown.topic != p.topic {
		if r.shown.topic != p.topic || m.about {
			*p = passage{}
			r.mark = highlights{}
		}
		return m
	}
	if r.mark.valid && r.mark.key == r.shown && r.mark.rendered == r.rendered {
		return m
	}
	t := m.b.Topics[p.topic]
	text := r.plainText()
	spans, first := passageSpans(text, ownLines(text, m.text(p.topic)), t.Citations, p.cite, m.b.SourceNumbers())
	r.mark = highlights{key: r.shown, rendered: r.rendered, valid: true, spans: spans, first: first, cur: -1, on: m.st.match}
	if len(first) > 0 && r.rendered && !p.landed {
		p.landed = true
		r.reveal(first[0])
	}
	return m
}

// passageSpans finds, in the first own lines of the text on screen, the
// marker of citation group k of cs and the claim it ends: from the start
// of its sentence, list item or paragraph to the marker's end.
func passageSpans(p *plainLines, own int, cs []briefing.Citation, k int, num map[string]int) ([]span, []int) {
	if k < 0 || k >= len(cs) || own == 0 {
		return nil, nil
	}
	marker := "[" + briefing.Marker(cs[k], num) + "]"
	nth := 0
	for _, c := range cs[:k] {
		if "["+briefing.Marker(c, num)+"]" == marker {
			nth++
		}
	}
	// A marker may wrap at a space; the search matches it across lines.
	end := len(p.text)
	if own < len(p.starts) {
		end = p.starts[own]
	}
	ms := search.Compile(marker, nil).FindAll(p.text[:end])
	if nth >= len(ms) {
		return nil, nil
	}
	mk := ms[nth]
	start := claimStart(p.text, mk.Start)
	return rangeSpans(p, start, mk.End, 0), []int{lineAt(p, start)}
}

// claimStart is where the claim ending at i begins: after the end of the
// previous sentence, a blank line or a list bullet, at most a few
// hundred bytes back.
func claimStart(s string, i int) int {
	lo := max(i-600, 0)
	for j := i - 1; j > lo; j-- {
		switch {
		case strings.HasPrefix(s[j:], "\n\n"):
			return skipSpace(s, j+2, i)
		case strings.HasPrefix(s[j:], "• "):
			return skipSpace(s, j+len("• "), i)
		case (s[j] == '.' || s[j] == '!' || s[j] == '?') && j+1 < i && isSpaceByte(s[j+1]):
			return skipSpace(s, j+1, i)
		}
	}
	return skipSpace(s, lo, i)
}

func skipSpace(s string, j, limit int) int {
	for j < limit && isSpaceByte(s[j]) {
		j++
	}
	return j
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' }
