package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"brief/internal/render"
	"brief/internal/testkit/patho"
)

// openHuge opens the pathological briefing's 5 MB topic at 120x40 and
// feeds the first message of its render: the pieces, the first rendered.
// It returns the model and the command for the next piece, not run.
func openHuge(t *testing.T) (Model, piecesMsg) {
	t.Helper()
	b := patho.Load(t)
	m, _ := update(New(b, Options{Style: render.Dark}), sizeMsg(120, 40))
	m, cmd := update(m, keyPress("2"))
	msgs := run(cmd)
	if len(msgs) != 1 {
		t.Fatalf("opening the huge topic gave %d messages", len(msgs))
	}
	pm, ok := msgs[0].(piecesMsg)
	if !ok || pm.err != nil {
		t.Fatalf("opening the huge topic gave %T (err %v), want its first piece", msgs[0], pm.err)
	}
	m, next := update(m, pm)
	if next == nil {
		t.Fatal("no command for the next piece")
	}
	return m, pm
}

// styled reports whether line carries escape sequences, as rendered text
// does and the plain stand-in does not.
func styled(line string) bool { return strings.Contains(line, "\x1b[") }

func TestLongTopicFirstScreenStyledAtOnce(t *testing.T) {
	m, pm := openHuge(t)
	r := m.reader
	if len(r.segs) < 3 || !r.segs[0].rendered || r.segs[1].rendered || r.rendered {
		t.Fatalf("after the first piece: %d pieces, first rendered %v, second %v, whole %v",
			len(r.segs), len(r.segs) > 0 && r.segs[0].rendered, len(r.segs) > 1 && r.segs[1].rendered, r.rendered)
	}
	// Every line of the first screen is from the rendered piece.
	h := r.vp.Height()
	if r.segs[0].n < h {
		t.Fatalf("first piece is %d lines, shorter than the pane (%d)", r.segs[0].n, h)
	}
	if l := textLine(m, patho.Cases()[1].Marker); !strings.Contains(l, "│  "+patho.Cases()[1].Marker) {
		t.Errorf("first screen not rendered; marker line %q", l)
	}
	if !styled(r.lines[1]) {
		t.Errorf("first line of the pane is not styled: %q", r.lines[1])
	}
	// Later pieces are still their plain stand-in.
	s := r.segs[2]
	for _, l := range r.lines[s.start : s.start+s.n] {
		if styled(l) {
			t.Fatalf("third piece is styled before it was rendered: %q", l)
		}
	}
	if m.inflight[m.keyFor(1)] == nil || len(pm.pieces) != len(r.segs) {
		t.Errorf("render no longer in flight, or %d pieces for %d segments", len(pm.pieces), len(r.segs))
	}
}

func TestLongTopicPiecesArriveInPlace(t *testing.T) {
	m, pm := openHuge(t)
	k := m.keyFor(1)
	// Scroll into the third piece, still plain, and note the line on top.
	top := m.reader.segs[2].start + 5
	m.reader.vp.SetYOffset(top)
	want := m.reader.lines[top]
	// The second piece, above the place, arrives: the same line stays on
	// top though the piece above it changed its number of lines.
	piece := run(pieceCmd(context.Background(), m.slots, k, m.prog.gen, 1, pm.pieces[1]))[0].(pieceMsg)
	before := m.reader.segs[1].n
	m, next := update(m, piece)
	if !m.reader.segs[1].rendered || !styled(m.reader.lines[m.reader.segs[1].start+1]) {
		t.Fatal("the second piece was not put in place")
	}
	if m.reader.segs[1].n == before {
		t.Fatalf("the rendered piece has as many lines as its stand-in (%d); the test proves nothing", before)
	}
	if got := m.reader.lines[m.reader.vp.YOffset()]; got != want {
		t.Errorf("line on top after a piece above arrived: %q, want %q", got, want)
	}
	// The next piece asked for is the one on screen, the third.
	msgs := run(next)
	if p, ok := msgs[0].(pieceMsg); !ok || p.index != 2 {
		t.Fatalf("next piece asked for: %#v, want piece 2", msgs[0])
	}
	m, _ = update(m, msgs[0])
	if l := m.reader.lines[m.reader.vp.YOffset()]; !styled(l) && strings.TrimSpace(l) != "" {
		t.Errorf("top of the pane not styled once its piece arrived: %q", l)
	}
}

func TestLongTopicLeavingCancels(t *testing.T) {
	m, _ := openHuge(t)
	k := m.keyFor(1)
	ctx, gen := m.prog.ctx, m.prog.gen
	// Moving to the next topic, a neighbour, still stops the long render.
	m, _ = update(m, keyPress("l"))
	if m.Current() != 2 || m.inflight[k] != nil || m.prog.key == k {
		t.Fatalf("after leaving: topic %d, in flight %v, long render of %+v", m.Current(), m.inflight[k] != nil, m.prog.key)
	}
	if ctx.Err() == nil {
		t.Fatal("leaving the topic did not cancel its render")
	}
	msg := run(pieceCmd(ctx, m.slots, k, gen, 1, "text"))[0].(pieceMsg)
	if !errors.Is(msg.err, context.Canceled) {
		t.Errorf("a piece after leaving gave err %v, want cancelled", msg.err)
	}
	shown := plain(m)
	m, cmd := update(m, msg)
	if cmd != nil || plain(m) != shown {
		t.Error("a cancelled piece changed the reader")
	}
}

func TestLongTopicStalePiecesDropped(t *testing.T) {
	m, pm := openHuge(t)
	k := m.keyFor(1)
	lines := []string{"", "STALE"}
	stale := []pieceMsg{
		{key: k, gen: m.prog.gen - 1, index: 1, lines: lines},                                                          // an earlier render
		{key: renderKey{topic: k.topic, width: k.width - 1, style: k.style}, gen: m.prog.gen, index: 1, lines: lines},  // another width
		{key: renderKey{topic: k.topic, width: k.width, style: render.Light}, gen: m.prog.gen, index: 1, lines: lines}, // another style
		{key: renderKey{topic: 0, width: k.width, style: k.style}, gen: m.prog.gen, index: 1, lines: lines},            // another topic
		{key: k, gen: m.prog.gen, index: pm.index, lines: lines},                                                       // a piece already in
		{key: k, gen: m.prog.gen, index: len(pm.pieces), lines: lines},                                                 // no such piece
	}
	for i, msg := range stale {
		version := m.reader.version
		got, cmd := update(m, msg)
		if got.reader.version != version || strings.Contains(strings.Join(got.reader.lines, "\n"), "STALE") || cmd != nil {
			t.Errorf("stale piece %d was used", i)
		}
	}
}

func TestLongTopicSearchOnPartialText(t *testing.T) {
	m, pm := openHuge(t)
	k := m.keyFor(1)
	m = press(t, m, "/", "h", "a", "r", "b", "o", "u", "r")
	hl := m.reader.hl
	if !hl.valid || hl.count() == 0 {
		t.Fatalf("no match highlighted on the partly rendered topic")
	}
	if !strings.Contains(m.View().Content, "harbour") || len(hl.spans) == 0 || hl.spans[0].line >= m.reader.segs[1].start {
		t.Fatalf("first match not on the first, rendered, piece")
	}
	before := hl.count()
	piece := run(pieceCmd(context.Background(), m.slots, k, m.prog.gen, 1, pm.pieces[1]))[0].(pieceMsg)
	m, _ = update(m, piece)
	if hl := m.reader.hl; hl.version != m.reader.version || hl.count() != before {
		t.Errorf("after a piece arrived: highlights of version %d on text %d, %d matches (were %d)",
			hl.version, m.reader.version, hl.count(), before)
	}
	// The highlighted cells are the word's.
	sp := m.reader.hl.spans[len(m.reader.hl.spans)-1]
	line := ansi.Strip(m.reader.lines[sp.line])
	if got := ansi.Cut(line, sp.start, sp.end); got != "harbour" {
		t.Errorf("last highlight covers %q", got)
	}
}

func TestUnescapeMarksIsCitationMarks(t *testing.T) {
	for _, s := range []string{`a \[1\] b`, `\\[x`, `end\`, `\a\[`, `none`, `\[\]`, ``} {
		if got, want := unescapeMarks(s), citationMarks.Replace(s); got != want {
			t.Errorf("unescapeMarks(%q) = %q, want %q", s, got, want)
		}
	}
}

// A long topic's neighbour renders whole ahead of time; opened before
// that render ends, it renders a piece at a time, and the abandoned whole
// render does not stop it.
func TestLongTopicOpenedWhilePrefetched(t *testing.T) {
	b := patho.Load(t)
	m, _ := update(New(b, Options{Style: render.Dark}), sizeMsg(120, 40))
	m, _ = update(m, keyPress("3")) // long-line; its neighbour wide-table (105 KB) is prefetched
	k := m.keyFor(3)
	ctx, cancel := context.WithCancel(context.Background())
	m.inflight[k] = cancel // as prefetch leaves it
	whole := renderCmd(ctx, m.slots, k, m.text(3))
	m, cmd := update(m, keyPress("4"))
	if m.prog.key != k || ctx.Err() == nil {
		t.Fatalf("opening a prefetched long topic: long render of %+v, whole render cancelled %v", m.prog.key, ctx.Err() != nil)
	}
	m, _ = update(m, run(whole)[0]) // the cancelled whole render comes back
	if m.inflight[k] == nil || m.prog.key != k {
		t.Fatal("the abandoned whole render stopped the piece-at-a-time one")
	}
	m = settle(t, m, cmd)
	if !m.reader.rendered || m.reader.shown != k {
		t.Errorf("topic not rendered: shown %+v, rendered %v", m.reader.shown, m.reader.rendered)
	}
}

// A search lands on a match in a piece not yet rendered by moving there
// at once and landing again, on the rendered text, when the piece comes.
func TestLongTopicSearchLandsWhenPieceArrives(t *testing.T) {
	m, pm := openHuge(t)
	// The command in flight when the search starts: the piece after the
	// first, asked for when the first arrived.
	cmd := pieceCmd(m.prog.ctx, m.slots, m.prog.key, m.prog.gen, 1, pm.pieces[1])
	for _, k := range []string{"/", "S", "e", "c", "t", "i", "o", "n", " ", "4", "0", "enter"} {
		m, _ = update(m, keyPress(k))
	}
	r := &m.reader
	if m.search.land == landNone || r.hl.count() == 0 {
		t.Fatalf("land %v with %d matches: want a landing waiting for its piece", m.search.land, r.hl.count())
	}
	line := r.hl.first[0]
	p := r.pieceAtLine(line)
	if p < 2 || r.segs[p].rendered || line < r.vp.YOffset() || line >= r.vp.YOffset()+r.vp.Height() {
		t.Fatalf("match on line %d (piece %d, rendered %v) with the pane at %d: want it on screen, unrendered",
			line, p, r.segs[p].rendered, r.vp.YOffset())
	}
	// The pieces asked for next are those on screen; run them until the
	// match's piece is in.
	for i := 0; i < 3 && !m.reader.segs[p].rendered; i++ {
		var next tea.Cmd
		for _, msg := range run(cmd) {
			if pm, ok := msg.(pieceMsg); ok {
				m, next = update(m, pm)
			}
		}
		cmd = next
	}
	r = &m.reader
	if !r.segs[p].rendered || m.search.land != landNone {
		t.Fatalf("after its piece: rendered %v, land %v", r.segs[p].rendered, m.search.land)
	}
	line = r.hl.first[r.hl.cur]
	if !styled(r.lines[line]) || line < r.vp.YOffset() || line >= r.vp.YOffset()+r.vp.Height() ||
		!strings.Contains(ansi.Strip(r.lines[line]), "Section 40") {
		t.Errorf("landed on line %d %q, pane at %d", line, ansi.Strip(r.lines[line]), r.vp.YOffset())
	}
}
