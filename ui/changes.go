package ui

import (
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"brief/briefing"
	"brief/internal/state"
)

// What changed since the reader last read each topic: a topic read
// before whose paragraphs or list items have changed since is updated
// until it is read again, when its fingerprints are taken anew.

// changeBar is drawn in the margin of the lines of a changed paragraph.
const changeBar = "▎"

// topicMarks is what the reading state says of each topic, by index.
type topicMarks struct {
	read []bool
	// changed holds the indexes, among briefing.Blocks of its Body, of
	// each topic's blocks new or changed since it was read; nil for none,
	// or when there is nothing to compare with.
	changed [][]int
	// seen is the record's Read as last looked at, and from each topic's
	// reading its changes were found against. A record's methods put a
	// new slice in place of one they change, so a slice still the same
	// means nothing to look at.
	seen []state.ReadTopic
	from []*state.ReadTopic
}

// updated reports whether topic i has changed since it was read.
func (t topicMarks) updated(i int) bool { return i >= 0 && i < len(t.changed) && len(t.changed[i]) > 0 }

// updatedTopics lists the updated topics in briefing order.
func (t topicMarks) updatedTopics() []int {
	var out []int
	for i := range t.changed {
		if t.updated(i) {
			out = append(out, i)
		}
	}
	return out
}

// sameReading reports whether a and b are one reading: MarkRead takes
// new fingerprints each time.
func sameReading(a, b *state.ReadTopic) bool {
	if a == nil || b == nil || a.ID != b.ID || !a.At.Equal(b.At) || len(a.Blocks) != len(b.Blocks) {
		return false
	}
	return len(a.Blocks) == 0 || &a.Blocks[0] == &b.Blocks[0]
}

// syncMarks follows the reading state: the topics read, and the blocks
// of each changed since. It compares only the topics whose reading is
// new, so that a record that did not change costs a comparison.
func (m Model) syncMarks() (Model, tea.Cmd) {
	rd, t := m.rec.Read, &m.marks
	if t.read != nil && len(rd) == len(t.seen) && (len(rd) == 0 || &rd[0] == &t.seen[0]) {
		return m, nil
	}
	n := len(m.b.Topics)
	was := t.updatedTopics()
	read, changed, from := make([]bool, n), make([][]int, n), make([]*state.ReadTopic, n)
	for k := range rd {
		i, ok := m.topicIdx[rd[k].ID]
		if !ok {
			continue
		}
		read[i], from[i] = true, &rd[k]
		if i < len(t.from) && sameReading(t.from[i], from[i]) {
			changed[i] = t.changed[i]
			continue
		}
		if rd[k].Blocks == nil {
			continue // dropped to keep the record small: nothing to compare with
		}
		body := m.b.Topics[i].Body
		changed[i] = blockIndexes(briefing.Blocks(body), state.Changed(rd[k].Blocks, body))
	}
	*t = topicMarks{read: read, changed: changed, seen: rd, from: from}
	m.list.states = m.topicStates()
	if !slices.Equal(was, t.updatedTopics()) {
		// The summary lists the updated topics.
		delete(m.texts, aboutTopic)
		m.cache.forget(aboutTopic)
		if m.about {
			return m, m.refresh()
		}
	}
	return m, nil
}

// blockIndexes returns the indexes in all of the blocks of some, both
// from one Markdown.
func blockIndexes(all, some []briefing.Block) []int {
	var out []int
	for _, b := range some {
		if i := slices.IndexFunc(all, func(a briefing.Block) bool { return a.Start == b.Start }); i >= 0 {
			out = append(out, i)
		}
	}
	return out
}

// topicStates is the mark of each topic in the list, nil when none has
// been read.
func (m Model) topicStates() []topicState {
	if !slices.Contains(m.marks.read, true) {
		return nil
	}
	out := make([]topicState, len(m.b.Topics))
	for i := range out {
		switch {
		case m.marks.updated(i):
			out[i] = topicUpdated
		case m.marks.read[i]:
			out[i] = topicRead
		}
	}
	return out
}

// changedSpans returns the changed blocks of the current topic where they
// are on screen, in order, those not found left out.
func (m *Model) changedSpans() []blockSpan {
	if m.about || !m.marks.updated(m.current) {
		return nil
	}
	_, spans := m.topicSpans()
	var out []blockSpan
	for _, k := range m.marks.changed[m.current] {
		if k < len(spans) && spans[k].first >= 0 {
			out = append(out, spans[k])
		}
	}
	return out
}

// syncBars draws the bar beside the changed paragraphs of the text on
// screen.
func (m Model) syncBars() Model {
	spans := m.changedSpans()
	if !m.about && m.noticed != m.current && m.marks.updated(m.current) && m.notice == "" {
		m.noticed = m.current
		n := len(m.marks.changed[m.current])
		m.notice = fmt.Sprintf("Updated since you read it: %d %s marked %s (U: next)", n, plural(n, "paragraph", "paragraphs"), changeBar)
	}
	if len(spans) == 0 {
		m.reader.bars = nil
		return m
	}
	bars := map[int]string{}
	for _, s := range spans {
		for l := s.first; l <= s.last; l++ {
			bars[l] = m.st.barOn + changeBar
		}
	}
	m.reader.bars = bars
	return m
}

// nextChange scrolls to the next changed paragraph below the top of the
// pane, wrapping to the first.
func (m Model) nextChange() (Model, tea.Cmd) {
	spans := m.changedSpans()
	if len(spans) == 0 {
		if m.marks.updated(m.current) && !m.about {
			m.notice = "The changes are not found in the text on screen"
			return m, nil
		}
		m.notice = "Nothing changed here since you read it"
		if up := m.marks.updatedTopics(); len(up) > 0 {
			m.notice += fmt.Sprintf("; updated: %s", m.titleList(up))
		}
		return m, nil
	}
	top := m.reader.vp.YOffset()
	k := slices.IndexFunc(spans, func(s blockSpan) bool { return s.first > top })
	wrapped := k < 0
	if wrapped {
		k = 0
	}
	m.reader.vp.SetYOffset(spans[k].first)
	m.notice = fmt.Sprintf("Change %d of %d", k+1, len(spans))
	if wrapped && len(spans) > 1 {
		m.notice += ", back to the first"
	}
	return m, nil
}

// titleList names topics, at most three, for a notice.
func (m Model) titleList(topics []int) string {
	var names []string
	for _, i := range topics[:min(len(topics), 3)] {
		names = append(names, m.titles[i])
	}
	s := strings.Join(names, ", ")
	if len(topics) > 3 {
		s += fmt.Sprintf(" and %d more", len(topics)-3)
	}
	return s
}

// updatedMarkdown is the summary page's list of the topics updated since
// they were read.
func (m Model) updatedMarkdown() string {
	up := m.marks.updatedTopics()
	if len(up) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("## Updated since you read them\n\n")
	for _, i := range up {
		n := len(m.marks.changed[i])
		fmt.Fprintf(&b, "- %s (topic %d): %d %s new or changed\n", mdEscape(m.titles[i]), i+1, n, plural(n, "paragraph", "paragraphs"))
	}
	b.WriteString("\nThe changed paragraphs are marked " + changeBar + " in the margin; U goes from one to the next.\n\n")
	return b.String()
}

// mdEscape makes a line of text literal in Markdown.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_{}[]()#+-.!<>|~&", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
