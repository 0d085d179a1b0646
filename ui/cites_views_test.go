package ui

import (
	"fmt"
	"strings"
	"testing"

	"brief/briefing"
	"brief/internal/render"
)

// The citation cursor among the views: esc leaves the cursor before it
// goes back to the view that opened the topic.
func TestEscLeavesCitationsBeforeTheView(t *testing.T) {
	m := press(t, newTestModel(t, render.NoTTY, 100, 30), "T", "enter")
	if m.focus != focusText || m.views.back != focusTimeline {
		t.Fatalf("enter in the timeline: focus %v, back %v", m.focus, m.views.back)
	}
	m = press(t, m, "c")
	if !m.cite.on {
		t.Fatal("c: no citation under the cursor")
	}
	m = press(t, m, "esc")
	if m.cite.on || m.focus != focusText {
		t.Fatalf("first esc: cursor %v, focus %v; want the cursor gone, the text", m.cite.on, m.focus)
	}
	m = press(t, m, "esc")
	if m.focus != focusTimeline {
		t.Errorf("second esc: focus %v, want the timeline", m.focus)
	}
}

// A topic long enough to render a piece at a time has its citations placed
// off the update loop once its last piece is in, not on each piece.
func TestLongTopicPlacesCitationsAfterItsPieces(t *testing.T) {
	b := testBriefing(t)
	t0 := b.Topics[0]
	var body strings.Builder
	for i := 0; body.Len() <= 2*piecesFrom; i++ {
		fmt.Fprintf(&body, "%s\n\nA paragraph between, %d.\n\n", t0.Body, i)
	}
	t0.Body = body.String()
	t0.Citations = briefing.ScanCitations(t0.Body)
	m, cmd := update(New(b, Options{Style: render.Dark}), sizeMsg(100, 30))
	msgs := run(cmd)
	pm, ok := msgs[0].(piecesMsg)
	if !ok {
		t.Fatalf("a %d-byte topic opens with %T, not its pieces", len(t0.Body), msgs[0])
	}
	m, cmd = update(m, pm)
	if m.reader.segs == nil {
		t.Fatal("the topic is not shown a piece at a time")
	}
	if m.reader.cites != nil || len(m.reader.deco.margin) > 0 {
		t.Error("citations placed on the update loop while the pieces come")
	}
	for _, msg := range run(cmd) {
		m = send(t, m, msg)
	}
	if m.reader.segs != nil || !m.reader.rendered {
		t.Fatal("the pieces never all came")
	}
	if m.layouts[m.reader.shown] == nil {
		t.Fatal("no citation layout came for the long topic once rendered")
	}
	if len(m.reader.deco.margin) == 0 {
		t.Error("no single-source marks in the margin of the long topic")
	}
}
