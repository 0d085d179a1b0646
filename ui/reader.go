package ui

import (
	"math"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"charm.land/bubbles/v2/viewport"
)

// reader is the right-hand pane: the current topic's text in a viewport.
type reader struct {
	// vp keeps the scroll state; View draws the lines itself, because
	// the viewport's drawing re-wraps every visible line each frame.
	vp viewport.Model
	// lines is the text on screen; widths caches their widths, -1 until
	// measured.
	lines  []string
	widths []int
	// shown is the rendering on screen; rendered is false while the plain
	// text stands in for it.
	shown    renderKey
	rendered bool
	hasText  bool
	// plain is the text without styles, lines joined by "\n", and starts
	// the byte offset of each line in it; both are made when a search
	// first needs them.
	plain *plainLines
	// stripped holds the lines without styles once a search needs them,
	// kept through splices so that a long topic's pieces are stripped
	// once each.
	stripped []string
	hl       highlights
	// cites places the citations in the text, made when first needed;
	// deco is what the citation cursor and corroboration draw.
	cites *citeLayout
	deco  citeDeco
	// mark is a passage shown highlighted as a search match is: the claim
	// an event of the timeline rests on.
	mark highlights
	// bars marks the lines of the paragraphs changed since the topic
	// was last read, in the margin's second cell.
	bars map[int]string
	// segs are the pieces of a long topic shown a piece at a time, in
	// order, nil for text shown whole; version counts changes of the
	// text, so that what was found in it is found again.
	segs    []segment
	version int
	blank   []string // empty lines for the viewport to count
}

// segment is where one piece of a long topic is in the lines, and
// whether it is rendered yet or its stand-in.
type segment struct {
	start, n int
	rendered bool
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
	r.vp.SetYOffset(r.vp.YOffset()) // a taller pane must not show past the end
}

// setText shows text for k. Text of the same topic keeps the reader's
// place, as a fraction of the text; another topic starts at the top.
func (r *reader) setText(k renderKey, text string, rendered bool) {
	r.setLines(k, strings.Split(text, "\n"), rendered)
}

// setLines is setText with the text already in lines.
func (r *reader) setLines(k renderKey, lines []string, rendered bool) {
	same := r.hasText && r.shown.topic == k.topic
	frac, atTop, atBottom := r.place(), r.vp.AtTop(), r.vp.AtBottom() && !r.vp.AtTop()
	var anchor []string
	skip := 0
	if same && !atTop && !atBottom {
		anchor, skip = r.anchor()
	}
	r.lines = lines
	r.countLines()
	r.widths = make([]int, len(r.lines))
	for i := range r.widths {
		r.widths[i] = -1
	}
	r.shown, r.rendered, r.hasText = k, rendered, true
	r.plain, r.segs, r.stripped, r.cites = nil, nil, nil, nil
	r.version++
	switch {
	case !same || atTop:
		r.vp.GotoTop()
	case atBottom:
		r.vp.GotoBottom()
	default:
		guess := int(math.Round(frac * float64(r.vp.TotalLineCount())))
		if i, ok := findAnchor(r.lines, anchor, guess+skip); ok {
			guess = i - skip
		}
		r.vp.SetYOffset(max(guess, 0))
	}
}

// setPieces shows a long topic as its pieces' lines, pieces[i] rendered
// where rendered[i] is set and its stand-in elsewhere; the place is kept
// as setText keeps it.
func (r *reader) setPieces(k renderKey, pieces [][]string, rendered []bool) {
	n := 0
	for _, p := range pieces {
		n += len(p)
	}
	lines := make([]string, 0, n)
	segs := make([]segment, len(pieces))
	for i, p := range pieces {
		segs[i] = segment{start: len(lines), n: len(p), rendered: rendered[i]}
		lines = append(lines, p...)
	}
	r.setLines(k, lines, false)
	r.segs = segs
}

// splice puts piece i, rendered, in place of its stand-in. The line at
// the top of the pane stays there: pieces above it move it by the lines
// they gain or lose, and within the piece itself it keeps its fraction.
func (r *reader) splice(i int, piece []string) {
	seg := r.segs[i]
	delta := len(piece) - seg.n
	// In place where the arrays have room: a huge topic has hundreds of
	// pieces and tens of thousands of lines, and copies of them all for
	// each piece would be most of the reader's garbage.
	unmeasured := make([]int, len(piece))
	for j := range unmeasured {
		unmeasured[j] = -1
	}
	if len(r.stripped) == len(r.lines) {
		plain := make([]string, len(piece))
		for j, l := range piece {
			plain[j] = ansi.Strip(l)
		}
		r.stripped = slices.Replace(r.stripped, seg.start, seg.start+seg.n, plain...)
	}
	lines := slices.Replace(r.lines, seg.start, seg.start+seg.n, piece...)
	widths := slices.Replace(r.widths, seg.start, seg.start+seg.n, unmeasured...)

	top := r.vp.YOffset()
	switch {
	case top >= seg.start+seg.n:
		top += delta
	case top > seg.start:
		top = seg.start + (top-seg.start)*len(piece)/max(seg.n, 1)
	}
	r.lines, r.widths = lines, widths
	r.countLines()
	r.vp.SetYOffset(top)
	r.segs[i] = segment{start: seg.start, n: len(piece), rendered: true}
	for j := i + 1; j < len(r.segs); j++ {
		r.segs[j].start += delta
	}
	r.plain, r.cites = nil, nil
	r.version++
}

// pieceAtLine is the piece that holds line i, or -1 for text shown whole.
func (r reader) pieceAtLine(i int) int {
	for j, s := range r.segs {
		if i < s.start+s.n {
			return j
		}
	}
	return len(r.segs) - 1
}

// countLines tells the viewport how many lines there are. It only counts
// them; it measures every line it is given, which a huge topic cannot
// afford on the update loop, so it gets empty ones, kept between texts.
func (r *reader) countLines() {
	if cap(r.blank) < len(r.lines) {
		r.blank = make([]string, len(r.lines)+len(r.lines)/4)
	}
	r.vp.SetContentLines(r.blank[:len(r.lines)])
}

// anchorWords is how many words identify the place in the text.
const anchorWords = 4

// anchor returns the first words of the first line with text at or below
// the top of the pane, and how many lines below the top that line is.
func (r reader) anchor() ([]string, int) {
	for i := r.vp.YOffset(); i < len(r.lines) && i < r.vp.YOffset()+r.vp.Height(); i++ {
		if w := strings.Fields(ansi.Strip(r.lines[i])); len(w) > 0 {
			return w[:min(len(w), anchorWords)], i - r.vp.YOffset()
		}
	}
	return nil, 0
}

// findAnchor finds the line of lines where the words start, even if they
// wrap onto the next line; of several, the one nearest near wins.
func findAnchor(lines []string, words []string, near int) (int, bool) {
	if len(words) == 0 {
		return 0, false
	}
	phrase := strings.Join(words, " ")
	best, found := 0, false
	next := ""
	for i := len(lines) - 1; i >= 0; i-- {
		cur := strings.Join(strings.Fields(ansi.Strip(lines[i])), " ")
		joined := cur + " " + next
		if j := strings.Index(joined, phrase); j >= 0 && j <= len(cur) {
			if !found || abs(i-near) < abs(best-near) {
				best, found = i, true
			}
		}
		next = cur
	}
	return best, found
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// place is the fraction of the text above the top of the pane.
func (r reader) place() float64 {
	total := r.vp.TotalLineCount()
	if total == 0 {
		return 0
	}
	return float64(r.vp.YOffset()) / float64(total)
}

// View draws exactly the pane's height in lines of exactly its width.
func (r reader) View() string {
	w, h := r.vp.Width(), r.vp.Height()
	if w <= 0 || h <= 0 {
		return ""
	}
	var sb strings.Builder
	off := r.vp.YOffset()
	for i := range h {
		if i > 0 {
			sb.WriteByte('\n')
		}
		j := off + i
		if j < 0 || j >= len(r.lines) {
			sb.WriteString(strings.Repeat(" ", w))
			continue
		}
		line, lw := r.lines[j], r.width(j)
		line = r.mark.apply(j, r.hl.apply(j, r.deco.apply(j, line)))
		if bar := r.bars[j]; bar != "" {
			line = paintLine(line, nil, "", bar)
		}
		if lw > w {
			line = ansi.Truncate(line, w, "") + "\x1b[m"
			lw = ansi.StringWidth(line)
		}
		sb.WriteString(line)
		sb.WriteString(strings.Repeat(" ", max(w-lw, 0)))
	}
	return sb.String()
}

// width measures line i once.
func (r reader) width(i int) int {
	if r.widths[i] < 0 {
		r.widths[i] = ansi.StringWidth(r.lines[i])
	}
	return r.widths[i]
}
