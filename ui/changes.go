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
	// changed holds each topic's blocks (briefing.Blocks of its Body) new
	// or changed since it was read; nil for none, or when there is
	// nothing to compare with.
	changed [][]briefing.Block
	// seen is the record's Read as last compared, and from each topic's
	// reading its changes were found against. A record's methods put a
	// new slice in place of one they change, so a slice still the same
	// means nothing to compare.
	seen []state.ReadTopic
	from []*state.ReadTopic
	// pending is set while the first comparison runs in a command.
	pending bool
}

// marksMsg carries the first comparison of the topics read with the
// briefing, made off the update loop: each topic read is parsed, which for
// a large briefing read through takes seconds.
type marksMsg struct{ marks topicMarks }

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

// compareReadings finds what changed in the topics of b read in rd since
// they were read, taking from prev the topics whose reading it compared.
// It only reads its arguments, so that a command may run it.
func compareReadings(b *briefing.Briefing, idx map[string]int, rd []state.ReadTopic, prev topicMarks) topicMarks {
	n := len(b.Topics)
	t := topicMarks{read: make([]bool, n), changed: make([][]briefing.Block, n), from: make([]*state.ReadTopic, n), seen: rd}
	for k := range rd {
		i, ok := idx[rd[k].ID]
		if !ok {
			continue
		}
		t.read[i], t.from[i] = true, &rd[k]
		switch {
		case i < len(prev.from) && sameReading(prev.from[i], t.from[i]):
			t.changed[i] = prev.changed[i]
		case rd[k].Blocks != nil: // else dropped to keep the record small
			t.changed[i] = state.Changed(rd[k].Blocks, b.Topics[i].Body)
		}
	}
	return t
}

// marksCmd makes the first comparison off the update loop.
func (m Model) marksCmd() tea.Cmd {
	if !m.marks.pending {
		return nil
	}
	b, idx, rd := m.b, m.topicIdx, m.rec.Read
	return func() tea.Msg { return marksMsg{marks: compareReadings(b, idx, rd, topicMarks{})} }
}

// syncMarks follows the reading state: the topics read, and the blocks
// of each changed since. Once the first comparison has come, it compares
// only the topics whose reading is new, and a record that did not change
// costs a comparison of two slices.
func (m Model) syncMarks() (Model, tea.Cmd) {
	rd, t := m.rec.Read, &m.marks
	if t.pending || t.read != nil && len(rd) == len(t.seen) && (len(rd) == 0 || &rd[0] == &t.seen[0]) {
		return m, nil
	}
	was := t.updatedTopics()
	*t = compareReadings(m.b, m.topicIdx, rd, *t)
	return m.marksChanged(was)
}

// marksArrived takes the first comparison; syncMarks then compares again
// the topics read since it began.
func (m Model) marksArrived(msg marksMsg) (Model, tea.Cmd) {
	if !m.marks.pending {
		return m, nil
	}
	m.marks = msg.marks
	return m.marksChanged(nil)
}

// marksChanged shows the marks anew; the summary lists the updated
// topics, so it is made again when they are others than were.
func (m Model) marksChanged(was []int) (Model, tea.Cmd) {
	m.list.states = m.topicStates()
	if slices.Equal(was, m.marks.updatedTopics()) {
		return m, nil
	}
	delete(m.texts, aboutTopic)
	m.cache.forget(aboutTopic)
	if m.about {
		return m, m.refresh()
	}
	return m, nil
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

// shownChanges are the changes of the topic being read, as they were when
// it was opened: reading it to its end takes its fingerprints anew, and
// its bars stay until the reader leaves it.
type shownChanges struct {
	topic  int
	blocks []briefing.Block
	told   bool // the footer has said the topic is updated
	// landAt is the topic U opened, to land on its first change once its
	// text is shown, or -1; wrapped says U went past the last updated
	// topic to it.
	landAt  int
	wrapped bool
}

// followChanges keeps the changes of the topic being read: those found
// when it was opened, or since, if a comparison comes later.
func (m *Model) followChanges() {
	c := &m.changes
	if m.about || len(m.b.Topics) == 0 {
		return
	}
	if c.topic != m.current {
		*c = shownChanges{topic: m.current, landAt: c.landAt, wrapped: c.wrapped}
	}
	if m.marks.updated(m.current) {
		c.blocks = m.marks.changed[m.current]
	}
}

// changedSpans returns the changed blocks of the current topic where they
// are on screen, in order, those not found left out.
func (m *Model) changedSpans() []blockSpan {
	if m.about || m.changes.topic != m.current || len(m.changes.blocks) == 0 {
		return nil
	}
	body, spans := m.topicSpans()
	var out []blockSpan
	for _, c := range m.changes.blocks {
		k := slices.IndexFunc(body, func(b briefing.Block) bool { return b.Start == c.Start })
		if k >= 0 && spans[k].first >= 0 {
			out = append(out, spans[k])
		}
	}
	return out
}

// syncBars draws the bar beside the changed paragraphs of the text on
// screen, and says once that the topic is updated.
func (m Model) syncBars() Model {
	m.followChanges()
	m = m.syncLanding()
	c := &m.changes
	if !m.about && !c.told && len(c.blocks) > 0 && m.notice == "" {
		c.told = true
		n := len(c.blocks)
		m.notice = fmt.Sprintf("Updated: %d %s new or changed · U: next", n, plural(n, "paragraph", "paragraphs"))
	}
	spans := m.changedSpans()
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
// pane; past the last, it opens the next updated topic at its first, and
// past the last of those it wraps to the first.
func (m Model) nextChange() (Model, tea.Cmd) {
	spans := m.changedSpans()
	vp := m.reader.vp
	top := vp.YOffset()
	// At the end of the text, the changes on screen are there already.
	below := top
	if vp.AtBottom() {
		below = top + vp.Height() - 1
	}
	if k := slices.IndexFunc(spans, func(s blockSpan) bool { return s.first > below }); k >= 0 && !m.about {
		return m.landChange(spans, k, ""), nil
	}
	up := m.marks.updatedTopics()
	from := m.current
	if m.about {
		from = -1
	}
	next := slices.IndexFunc(up, func(i int) bool { return i > from })
	wrapped := next < 0
	if wrapped {
		next = 0
	}
	switch {
	case len(up) > 0 && (up[next] != m.current || m.about):
		m.changes.landAt, m.changes.wrapped = up[next], wrapped
		return m.open(up[next])
	case len(spans) > 0:
		return m.landChange(spans, 0, ", back to the first"), nil
	case len(m.changes.blocks) > 0:
		m.notice = "The changes are not found in the text on screen"
	default:
		m.notice = "Nothing has changed since you read the briefing"
	}
	return m, nil
}

// landChange scrolls to change k of spans and says which it is.
func (m Model) landChange(spans []blockSpan, k int, note string) Model {
	m.reader.vp.SetYOffset(spans[k].first)
	m.notice = fmt.Sprintf("Change %d of %d", k+1, len(spans))
	if len(spans) > 1 || note != ", back to the first" {
		m.notice += note
	}
	return m
}

// syncLanding lands on the first change of a topic U opened, once its
// text is rendered.
func (m Model) syncLanding() Model {
	c := &m.changes
	if c.landAt < 0 {
		return m
	}
	if c.landAt != m.current || m.about {
		c.landAt = -1 // the reader went elsewhere first
		return m
	}
	if !m.reader.rendered || m.reader.shown.topic != m.current {
		return m
	}
	c.landAt, c.told = -1, true
	note := " in " + m.titles[m.current]
	if c.wrapped {
		note += ", back to the first updated topic"
	}
	if spans := m.changedSpans(); len(spans) > 0 {
		return m.landChange(spans, 0, note)
	}
	m.notice = "The changes are not found in the text on screen"
	return m
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
	b.WriteString("\nThe changed paragraphs are marked " + changeBar + " in the margin; U goes from one to the next, topic after topic.\n\n")
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
