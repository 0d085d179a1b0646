package ui

import (
	"testing"
)

// BenchmarkFirstCite is the first c on a topic of the synthetic briefing,
// plus the frame, when the layout of its citations must be made on the
// update loop: its claims parsed, its markers found in the rendered text,
// the claim highlighted. A render places them off the loop; this is the
// fallback, for a topic too large to place ahead.
func BenchmarkFirstCite(b *testing.B) {
	m := press(b, synthModel(b), "2")
	c := keyPress("c")
	for b.Loop() {
		m.reader.cites, m.cite.on = nil, false
		clear(m.layouts)
		tm, _ := m.Update(c)
		_ = tm.(Model).View()
	}
}

// BenchmarkOpenCard is enter on a citation of the synthetic briefing,
// plus the frame with the card, then esc back to the text and its frame.
func BenchmarkOpenCard(b *testing.B) {
	m := press(b, synthModel(b), "2", "c", "c")
	if !m.cite.on {
		b.Fatal("no citation under the cursor")
	}
	enter, esc := keyPress("enter"), keyPress("esc")
	for b.Loop() {
		tm, _ := m.Update(enter)
		if tm.(Model).focus != focusCard {
			b.Fatal("no card")
		}
		_ = tm.(Model).View()
		tm, _ = tm.(Model).Update(esc)
		_ = tm.(Model).View()
	}
}

// BenchmarkSummaryProvenance is counting the claims of every topic of the
// synthetic briefing, which the summary page runs off the update loop.
func BenchmarkSummaryProvenance(b *testing.B) {
	m := synthModel(b)
	for b.Loop() {
		_ = m.b.Provenance()
	}
}
