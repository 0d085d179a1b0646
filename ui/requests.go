package ui

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"
)

// The root model's render requests: which topics to render, when, and
// what to do with a render that comes back.

// refresh puts the current topic on screen at the current width and style:
// from the cache if it is there, else the plain text until it renders.
// Text already on screen for the same topic stays until then.
func (m *Model) refresh() tea.Cmd {
	if len(m.b.Topics) == 0 || !m.sized {
		return nil
	}
	i := m.shownTopic()
	k := m.keyFor(i)
	m.abandon()
	if lines, ok := m.cache.get(k); ok {
		if m.reader.shown != k || !m.reader.rendered {
			m.reader.setLines(k, lines, true)
		}
		return m.prefetch()
	}
	if !m.reader.hasText || m.reader.shown.topic != i {
		m.reader.setText(k, plainText(m.text(i), k.width), false)
	}
	return m.request(k)
}

// request starts rendering k unless it is already under way; the topic on
// screen, if long, renders a piece at a time.
func (m *Model) request(k renderKey) tea.Cmd {
	md := m.text(k.topic)
	long := k.topic == m.shownTopic() && len(md) > piecesFrom
	if cancel := m.inflight[k]; cancel != nil {
		if !long || m.prog.key == k {
			return nil
		}
		// A long neighbour rendering whole ahead of time is opened: its
		// first screen comes sooner a piece at a time.
		cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.inflight[k] = cancel
	if long {
		return withCites(m.startPieces(ctx, k, md), m.b, k.topic, md)
	}
	return withCites(renderCmd(ctx, m.slots, k, md), m.b, k.topic, md)
}

// abandon cancels the renders under way that are neither the current topic
// nor a neighbour at the current width and style: a huge topic the reader
// paged past stops taking the CPU. It also forgets the Markdown of topics
// far from the current one, so memory does not grow with topics visited.
func (m *Model) abandon() {
	near := func(i int) bool {
		return i >= m.current-1 && i <= m.current+1 || i == aboutTopic && m.about
	}
	for k, cancel := range m.inflight {
		if near(k.topic) && k == m.keyFor(k.topic) {
			continue
		}
		cancel()
		delete(m.inflight, k)
	}
	if m.prog.active() && m.prog.key != m.keyFor(m.shownTopic()) {
		m.endPieces() // a long topic stops rendering once the reader leaves it
	}
	for i := range m.texts {
		if !near(i) {
			delete(m.texts, i)
		}
	}
}

// stop cancels every render under way and stops watching the files, when
// the reader quits.
func (m *Model) stop() {
	m.cancelRenders()
	m.stopWatch()
}

// cancelRenders cancels every render under way.
func (m *Model) cancelRenders() {
	for k, cancel := range m.inflight {
		cancel()
		delete(m.inflight, k)
	}
}

// prefetch renders the neighbours of the current topic, so that paging
// finds them ready; huge ones wait until they are opened, as rendering
// them takes seconds of work the reader may never want.
func (m *Model) prefetch() tea.Cmd {
	var cmds []tea.Cmd
	for _, i := range []int{m.current + 1, m.current - 1} {
		if i < 0 || i >= len(m.b.Topics) {
			continue
		}
		k := m.keyFor(i)
		if _, ok := m.cache.get(k); !ok && len(m.b.Topics[i].Body) <= prefetchLimit {
			cmds = append(cmds, m.request(k))
		}
	}
	return tea.Batch(cmds...)
}

func (m Model) rendered(msg renderedMsg) (Model, tea.Cmd) {
	if m.prog.active() && m.prog.key == msg.key && msg.gen != m.prog.gen {
		// A whole render, begun before the topic was opened and since
		// given up for one a piece at a time: use it if it finished.
		if msg.err != nil {
			return m, nil
		}
		m.endPieces()
	}
	if cancel := m.inflight[msg.key]; cancel != nil {
		cancel()
		delete(m.inflight, msg.key)
	}
	if m.prog.key == msg.key {
		m.prog = progress{gen: m.prog.gen} // a long topic that made one piece
	}
	if errors.Is(msg.err, context.Canceled) {
		return m, nil
	}
	out := msg.out
	if msg.err != nil {
		m.notice = "Could not render topic: " + cleanLine(msg.err.Error())
		out = plainText(m.text(msg.key.topic), msg.key.width)
	}
	m.cache.put(msg.key, out)
	m.keepLayout(msg.key, msg.cites)
	if m.provStale && msg.key.topic == aboutTopic {
		return m.renewAbout()
	}
	if msg.key != m.keyFor(m.shownTopic()) {
		return m, nil // a neighbour, or stale
	}
	m.reader.setText(msg.key, out, true)
	return m, m.prefetch()
}
