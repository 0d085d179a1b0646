package ui

import (
	"sort"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"brief/briefing"
	"brief/internal/search"
)

// plainLines is the reader's text without styles: the lines joined by
// "\n", so that a phrase wrapped onto the next line is found, and where
// each line starts in it.
type plainLines struct {
	text   string
	starts []int
}

// plainText makes the text's plain form once per text shown.
func (r *reader) plainText() *plainLines {
	if r.plain != nil {
		return r.plain
	}
	if len(r.stripped) != len(r.lines) {
		r.stripped = make([]string, len(r.lines))
		for i, l := range r.lines {
			r.stripped[i] = ansi.Strip(l)
		}
	}
	r.plain = joinLines(r.stripped)
	return r.plain
}

// newPlainLines strips lines of their styles and joins them.
func newPlainLines(lines []string) *plainLines {
	stripped := make([]string, len(lines))
	for i, l := range lines {
		stripped[i] = ansi.Strip(l)
	}
	return joinLines(stripped)
}

// joinLines joins lines without styles into their plain form.
func joinLines(lines []string) *plainLines {
	p := &plainLines{starts: make([]int, len(lines))}
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		p.starts[i] = b.Len()
		b.WriteString(l)
	}
	p.text = b.String()
	return p
}

// span is the part of one match on one line, in cells.
type span struct {
	line, start, end int
	match            int
}

// highlights are the matches of a query on the text shown, found once per
// (rendering, query) and drawn on the visible lines only.
type highlights struct {
	// key, rendered and query say what the spans were found for.
	key      renderKey
	rendered bool
	version  int
	query    string
	valid    bool

	spans []span // in order of line, then cell
	first []int  // the line where each match starts
	// excerpt has, for each match in the excerpt of a citation, the
	// citation's marker ("[3]"), and "" for a match in the text.
	excerpt []string
	// indexed says that the excerpts were searched: the index was there.
	indexed bool
	cur     int // the current match, or -1

	on, current lipgloss.Style
}

// count is the number of matches on the text.
func (h highlights) count() int { return len(h.first) }

// excerptHit is a match in the excerpt of a citation, shown on the
// citation's marker, the bytes start to end of the plain text.
type excerptHit struct {
	start, end int
	marker     string
}

// findSpans maps the matches of q in p back to cells of the lines, for
// the matches that start in the first own lines, and puts hits, matches
// in excerpts in the order of their markers, among them: in reading
// order, as the search index has them, a hit after the matches that
// start before its marker ends. It returns the spans, the line where
// each match starts, and each match's marker if in an excerpt.
func findSpans(p *plainLines, q search.Query, own int, hits []excerptHit) ([]span, []int, []string) {
	var spans []span
	var first []int
	var excerpt []string
	add := func(start, end int, marker string) {
		n := len(first)
		first = append(first, lineAt(p, start))
		excerpt = append(excerpt, marker)
		spans = append(spans, rangeSpans(p, start, end, n)...)
	}
	for _, rg := range q.FindAll(p.text) {
		if lineAt(p, rg.Start) >= own {
			break
		}
		for len(hits) > 0 && hits[0].end <= rg.Start {
			add(hits[0].start, hits[0].end, hits[0].marker)
			hits = hits[1:]
		}
		add(rg.Start, rg.End, "")
	}
	for _, h := range hits {
		add(h.start, h.end, h.marker)
	}
	// A marker's spans may come after those of a match that starts in
	// it: apply wants them in order.
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].line != spans[j].line {
			return spans[i].line < spans[j].line
		}
		return spans[i].start < spans[j].start
	})
	return spans, first, excerpt
}

// inExcerpt returns the marker of the citation whose excerpt holds match
// i, or "" if the match is in the text.
func (h highlights) inExcerpt(i int) string {
	if i < 0 || i >= len(h.excerpt) {
		return ""
	}
	return h.excerpt[i]
}

// rangeSpans maps the bytes start to end of p's text back to cells of
// its lines, one span per line, all for match n.
func rangeSpans(p *plainLines, start, end, n int) []span {
	var spans []span
	for l := lineAt(p, start); l < len(p.starts) && p.starts[l] < end; l++ {
		ls := p.starts[l]
		le := len(p.text)
		if l+1 < len(p.starts) {
			le = p.starts[l+1] - 1
		}
		a, e := max(start, ls), min(end, le)
		// The white space a range spans between lines is Glamour's
		// indent and padding: leave it plain.
		for a < e && isBlank(p.text[a]) {
			a++
		}
		for e > a && isBlank(p.text[e-1]) {
			e--
		}
		if a >= e {
			continue
		}
		line := p.text[ls:le]
		col := ansi.StringWidth(line[:a-ls])
		spans = append(spans, span{line: l, start: col, end: col + ansi.StringWidth(line[a-ls:e-ls]), match: n})
	}
	return spans
}

// lineAt returns the line of p that holds byte off.
func lineAt(p *plainLines, off int) int {
	return max(sort.SearchInts(p.starts, off+1)-1, 0)
}

// sourcesHeading is the heading of the source list that
// briefing.Briefing.Cited appends to a topic.
const sourcesHeading = "\n\n## Sources\n\n"

// ownLines returns how many lines at the start of p are a topic's own
// text, md being its Markdown: the source list and the timeline line
// appended to it are not the topic's text, and the search index, whose
// matches the reader counts and visits, does not hold them.
func ownLines(p *plainLines, md string) int {
	sources := strings.Contains(md, sourcesHeading)
	timeline := strings.Contains(md, "\n\n"+briefing.TimelinePrefix)
	if !sources && !timeline {
		return len(p.starts)
	}
	// They come last: the list's heading is the last "Sources" line, the
	// timeline line the last line with text.
	own := len(p.starts)
	for i := len(p.starts) - 1; i >= 0; i-- {
		end := len(p.text)
		if i+1 < len(p.starts) {
			end = p.starts[i+1] - 1
		}
		line := strings.TrimSpace(p.text[p.starts[i]:end])
		switch {
		case timeline && strings.HasPrefix(line, briefing.TimelinePrefix):
			own, timeline = i, false
			if !sources {
				return own
			}
		case sources && strings.TrimLeft(line, "# ") == "Sources":
			return i
		}
	}
	return own
}

// apply highlights the matches on line i of the text.
func (h highlights) apply(i int, line string) string {
	k := sort.Search(len(h.spans), func(j int) bool { return h.spans[j].line >= i })
	end := k
	for end < len(h.spans) && h.spans[end].line == i {
		end++
	}
	if k == end {
		return line
	}
	// Matches may share cells: those in the excerpts of one citation
	// share its marker. Overlapping ranges would repeat the text, so each
	// cell is drawn once, the current match's first.
	var ranges []lipgloss.Range
	var taken [][2]int
	for _, current := range []bool{true, false} {
		for _, sp := range h.spans[k:end] {
			if (sp.match == h.cur) != current {
				continue
			}
			st := h.on
			if current {
				st = h.current
			}
			for _, p := range uncovered(sp.start, sp.end, taken) {
				ranges = append(ranges, lipgloss.NewRange(p[0], p[1], st))
				taken = append(taken, p)
			}
		}
	}
	sort.Slice(ranges, func(a, b int) bool { return ranges[a].Start < ranges[b].Start })
	return lipgloss.StyleRanges(line, ranges...)
}

// uncovered returns the parts of the cells start to end that none of
// taken covers.
func uncovered(start, end int, taken [][2]int) [][2]int {
	parts := [][2]int{{start, end}}
	for _, t := range taken {
		var next [][2]int
		for _, p := range parts {
			if t[1] <= p[0] || t[0] >= p[1] {
				next = append(next, p)
				continue
			}
			if p[0] < t[0] {
				next = append(next, [2]int{p[0], t[0]})
			}
			if t[1] < p[1] {
				next = append(next, [2]int{t[1], p[1]})
			}
		}
		parts = next
	}
	return parts
}

// reveal scrolls so that line is on screen, with some text above it.
func (r *reader) reveal(line int) {
	off, h := r.vp.YOffset(), r.vp.Height()
	if line >= off && line < off+h {
		return
	}
	r.vp.SetYOffset(max(line-h/4, 0))
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }
