package ui

import (
	tea "charm.land/bubbletea/v2"

	"brief/internal/state"
)

// A stand-in for the place functions of the resume work, exact to the
// paragraph: it is replaced by theirs.

// placeHere returns the current topic's id and the position in its Markdown
// of the first line on screen.
func (m Model) placeHere() (topic string, p state.Position) {
	id := m.currentID()
	if id == "" {
		return "", state.Position{}
	}
	body, spans := m.topicSpans()
	top := m.reader.vp.YOffset()
	off := 0
	for k, s := range spans {
		if s.first >= 0 && s.first <= top {
			off = body[k].Start
		}
	}
	return id, state.PositionAt(m.b.Topics[m.current].Body, off)
}

// goToPlace opens topic and scrolls so that p is at the top.
func (m Model) goToPlace(topic int, p state.Position) (Model, tea.Cmd) {
	m, cmd := m.open(topic)
	if m.current != topic {
		return m, cmd
	}
	off := state.Resolve(m.b.Topics[topic].Body, p)
	body, spans := m.topicSpans()
	for k, s := range spans {
		if s.first >= 0 && body[k].Start <= off {
			m.reader.vp.SetYOffset(s.first)
		}
	}
	return m, cmd
}
