package ui

import (
	"math"

	"charm.land/bubbles/v2/viewport"
)

// reader is the right-hand pane: the current topic's text in a viewport.
type reader struct {
	vp viewport.Model
	// shown is the rendering on screen; rendered is false while the plain
	// text stands in for it.
	shown    renderKey
	rendered bool
	hasText  bool
}

func newReader() reader {
	vp := viewport.New()
	vp.MouseWheelEnabled = false // the root routes the wheel
	vp.FillHeight = true
	return reader{vp: vp}
}

// SetSize sets the pane's size; the text keeps its place.
func (r *reader) SetSize(w, h int) {
	r.vp.SetWidth(max(w, 0))
	r.vp.SetHeight(max(h, 0))
}

// setText shows text for k. Text of the same topic keeps the reader's
// place, as a fraction of the text; another topic starts at the top.
func (r *reader) setText(k renderKey, text string, rendered bool) {
	same := r.hasText && r.shown.topic == k.topic
	frac, atBottom := r.place(), r.vp.AtBottom() && !r.vp.AtTop()
	r.vp.SetContent(text)
	r.shown, r.rendered, r.hasText = k, rendered, true
	switch {
	case !same:
		r.vp.GotoTop()
	case atBottom:
		r.vp.GotoBottom()
	default:
		r.vp.SetYOffset(int(math.Round(frac * float64(r.vp.TotalLineCount()))))
	}
}

// place is the fraction of the text above the top of the pane.
func (r reader) place() float64 {
	total := r.vp.TotalLineCount()
	if total == 0 {
		return 0
	}
	return float64(r.vp.YOffset()) / float64(total)
}

func (r reader) View() string { return r.vp.View() }
