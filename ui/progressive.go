package ui

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"
)

// progress is the state of a long topic rendered a piece at a time: the
// pieces around the reader's place first, shown as each arrives, the rest
// after, one command at a time so that each next piece is the one nearest
// where the reader is then.
type progress struct {
	key renderKey
	// gen counts long renders begun, so that a piece of an earlier
	// render of the same topic is dropped.
	gen    int
	ctx    context.Context
	pieces []string // nil until the first piece arrives
	left   int      // pieces not yet rendered
}

func (p progress) active() bool { return p.ctx != nil }

// startPieces begins rendering the current topic a piece at a time,
// starting with the piece at the reader's place.
func (m *Model) startPieces(ctx context.Context, k renderKey, md string) tea.Cmd {
	at := 0.0
	if m.reader.hasText && m.reader.shown.topic == k.topic {
		at = m.reader.place()
	}
	if f, ok := m.pendingFraction(k.topic); ok {
		at = f // a place being gone to, past the plain text's end maybe
	}
	m.prog = progress{key: k, gen: m.prog.gen + 1, ctx: ctx}
	return piecesCmd(ctx, m.slots, k, m.prog.gen, md, at)
}

// stale reports whether a piece of render (k, gen) is no longer wanted.
func (m Model) stale(k renderKey, gen int) bool {
	return !m.prog.active() || m.prog.key != k || m.prog.gen != gen
}

func (m Model) piecesArrived(msg piecesMsg) (Model, tea.Cmd) {
	if m.stale(msg.key, msg.gen) || errors.Is(msg.err, context.Canceled) {
		return m, nil
	}
	if msg.err != nil {
		return m.piecesFailed(msg.err)
	}
	done := make([]bool, len(msg.pieces))
	done[msg.index] = true
	lines := msg.plain
	lines[msg.index] = msg.lines
	m.prog.pieces, m.prog.left = msg.pieces, len(msg.pieces)-1
	m.reader.setPieces(msg.key, lines, done)
	return m.nextPiece()
}

func (m Model) pieceArrived(msg pieceMsg) (Model, tea.Cmd) {
	if m.stale(msg.key, msg.gen) || errors.Is(msg.err, context.Canceled) ||
		msg.index >= len(m.reader.segs) || m.reader.segs[msg.index].rendered {
		return m, nil
	}
	if msg.err != nil {
		return m.piecesFailed(msg.err)
	}
	m.reader.splice(msg.index, msg.lines)
	m.prog.left--
	return m.nextPiece()
}

// nextPiece asks for the piece nearest the reader's place that is not
// rendered yet: the one at the top of the pane, then those after it, then
// those before. With none left the text goes to the cache.
func (m Model) nextPiece() (Model, tea.Cmd) {
	p, segs := m.prog, m.reader.segs
	if p.left > 0 {
		at := m.reader.pieceAtLine(m.reader.vp.YOffset())
		for d := range 2 * len(segs) {
			i := at + d
			if i >= len(segs) {
				i = at - (i - len(segs) + 1)
			}
			if i >= 0 && i < len(segs) && !segs[i].rendered {
				return m, pieceCmd(p.ctx, m.slots, p.key, p.gen, i, p.pieces[i])
			}
		}
	}
	// The cache shares the reader's lines; no piece is spliced in now.
	m.cache.putLines(p.key, m.reader.lines)
	m.reader.rendered, m.reader.segs = true, nil
	m.endPieces()
	return m, tea.Batch(m.prefetch(), citesCmd(m.b, p.key, m.reader.lines, m.text(p.key.topic)))
}

// piecesFailed shows the plain text in place of a long topic that could
// not be rendered, as rendered does for a whole one.
func (m Model) piecesFailed(err error) (Model, tea.Cmd) {
	k := m.prog.key
	m.endPieces()
	m.notice = "Could not render topic: " + cleanLine(err.Error())
	out := plainText(m.text(k.topic), k.width)
	m.cache.put(k, out)
	m.reader.setText(k, out, true)
	return m, nil
}

// endPieces forgets the long render, keeping its generation count.
func (m *Model) endPieces() {
	if cancel := m.inflight[m.prog.key]; cancel != nil {
		cancel()
		delete(m.inflight, m.prog.key)
	}
	m.prog = progress{gen: m.prog.gen}
}
