package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"brief/briefing"
)

// citeMark is one citation marker found in the text on screen.
type citeMark struct {
	cite  int // index in Topic.Citations
	claim int // index in citeLayout.claims, -1 outside every claim
	// start and end are the marker's bytes in the plain text; from is
	// where the words it ends begin: after the previous marker of its
	// claim, or at the claim's start.
	start, end, from int
	// line is the marker's line; words and marker its spans on screen,
	// from from and from start to end.
	line          int
	words, marker []span
}

// citeLayout places a topic's citation markers and claims in the text on
// screen. The markers are found in the rendered text in order: the n-th
// citation of the topic is the n-th marker that reads as it should.
type citeLayout struct {
	claims []briefing.Claim
	// claimFrom and claimTo are each claim's bytes in the plain text,
	// from its start to the end of the line of its last marker; -1 when
	// none of its markers was found.
	claimFrom, claimTo []int
	// claimLine is each claim's first line, claimSpans its spans.
	claimLine  []int
	claimSpans [][]span
	marks      []citeMark
}

// layoutCites finds t's markers and claims in p, the plain form of t's
// text on screen, in its first own lines (before the source list).
func layoutCites(b *briefing.Briefing, t *briefing.Topic, p *plainLines, own int) *citeLayout {
	l := &citeLayout{claims: b.Claims(t)}
	claimOf := make([]int, len(t.Citations))
	for i := range claimOf {
		claimOf[i] = -1
	}
	for ci, c := range l.claims {
		for _, i := range c.Cites {
			claimOf[i] = ci
		}
	}
	limit := len(p.text)
	if own < len(p.starts) {
		limit = p.starts[own]
	}
	num := b.SourceNumbers()
	prevEnd, prevClaim := 0, -1
	for i, c := range t.Citations {
		s, e, ok := findMarker(p.text, "["+briefing.Marker(c, num)+"]", prevEnd, limit)
		if !ok {
			continue
		}
		mk := citeMark{cite: i, claim: claimOf[i], start: s, end: e}
		from := prevEnd
		if mk.claim < 0 || mk.claim != prevClaim {
			from = blockStart(p, s, prevEnd)
		}
		mk.from = skipJoin(p.text, from, s)
		l.marks = append(l.marks, mk)
		prevEnd, prevClaim = e, mk.claim
	}
	l.claimFrom = make([]int, len(l.claims))
	l.claimTo = make([]int, len(l.claims))
	for i := range l.claims {
		l.claimFrom[i], l.claimTo[i] = -1, -1
	}
	for _, mk := range l.marks {
		if mk.claim < 0 {
			continue
		}
		if l.claimFrom[mk.claim] < 0 {
			l.claimFrom[mk.claim] = mk.from
		}
		_, le := lineBounds(p, lineAt(p, mk.end-1))
		l.claimTo[mk.claim] = len(strings.TrimRight(p.text[:le], " "))
	}
	// The spans are found once here, not on every frame.
	for i := range l.marks {
		mk := &l.marks[i]
		mk.line = lineAt(p, mk.start)
		mk.words, mk.marker = rangeSpans(p, mk.from, mk.end, 0), rangeSpans(p, mk.start, mk.end, 0)
	}
	l.claimLine = make([]int, len(l.claims))
	l.claimSpans = make([][]span, len(l.claims))
	for i := range l.claims {
		if l.claimFrom[i] >= 0 {
			l.claimLine[i] = lineAt(p, l.claimFrom[i])
			l.claimSpans[i] = rangeSpans(p, l.claimFrom[i], l.claimTo[i], 0)
		}
	}
	return l
}

// findMarker finds needle in text[from:limit]; a space in needle matches
// any run of white space, as a marker such as [1, 5] may wrap.
func findMarker(text, needle string, from, limit int) (start, end int, ok bool) {
	fields := strings.Fields(needle)
	for from < limit {
		j := strings.Index(text[from:limit], fields[0])
		if j < 0 {
			return 0, 0, false
		}
		start = from + j
		end = start + len(fields[0])
		ok = true
		for _, f := range fields[1:] {
			k := end
			for k < limit && (text[k] == ' ' || text[k] == '\n') {
				k++
			}
			if k == end || !strings.HasPrefix(text[k:limit], f) {
				ok = false
				break
			}
			end = k + len(f)
		}
		if ok {
			return start, end, true
		}
		from = start + 1
	}
	return 0, 0, false
}

// blockStart walks back from off to the start of its paragraph or list
// item in p: the line after a blank one, or the text after a bullet; never
// before floor.
func blockStart(p *plainLines, off, floor int) int {
	l := lineAt(p, off)
	start := off
	for ; l >= 0; l-- {
		ls, le := lineBounds(p, l)
		line := p.text[ls:le]
		if strings.TrimSpace(line) == "" {
			break
		}
		ind := len(line) - len(strings.TrimLeft(line, " "))
		start = ls + ind
		if n := bulletLen(line[ind:]); n > 0 && !continues(p, l, ind) {
			start += n
			break
		}
		if ls <= floor {
			break
		}
	}
	return max(start, floor)
}

// continues reports whether line l, indented by ind, goes on the
// paragraph of the line above: one as indented that is not a list item.
// A list item's own lines hang deeper than its bullet, so a line such as
// "2023. A" under a line of its paragraph is text, not a numbered item.
func continues(p *plainLines, l, ind int) bool {
	if l == 0 {
		return false
	}
	ls, le := lineBounds(p, l-1)
	above := p.text[ls:le]
	if strings.TrimSpace(above) == "" {
		return false
	}
	aind := len(above) - len(strings.TrimLeft(above, " "))
	return aind == ind && bulletLen(above[aind:]) == 0
}

// bulletLen is the length of the list bullet line starts with, or 0.
func bulletLen(line string) int {
	for _, b := range []string{"• ", "- ", "* "} {
		if strings.HasPrefix(line, b) {
			return len(b)
		}
	}
	i := 0
	for i < len(line) && i < 4 && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i > 0 && strings.HasPrefix(line[i:], ". ") {
		return i + 2
	}
	return 0
}

// skipJoin skips the punctuation and space that join the words a marker
// ends to what comes before them.
func skipJoin(text string, from, limit int) int {
	for from < limit && strings.IndexByte(" \n;,.:", text[from]) >= 0 {
		from++
	}
	return from
}

// lineBounds returns the bytes of line l of p, without its newline.
func lineBounds(p *plainLines, l int) (int, int) {
	end := len(p.text)
	if l+1 < len(p.starts) {
		end = p.starts[l+1] - 1
	}
	return p.starts[l], end
}

// withCites has render also place the topic's citations in the text it
// renders, off the update loop, so that a topic opens with its marks
// at no cost to the frame. Topic -1, the summary, has none.
func withCites(render tea.Cmd, b *briefing.Briefing, topic int, md string) tea.Cmd {
	if !placedAhead(b, topic) {
		return render
	}
	return func() tea.Msg {
		msg := render()
		if r, ok := msg.(renderedMsg); ok && r.err == nil {
			r.cites = placeCites(b, b.Topics[topic], strings.Split(r.out, "\n"), md)
			return r
		}
		return msg
	}
}

// citesCmd places the citations of a long topic once all its pieces are
// rendered, off the update loop, as withCites does for a whole render.
func citesCmd(b *briefing.Briefing, k renderKey, lines []string, md string) tea.Cmd {
	if !placedAhead(b, k.topic) {
		return nil
	}
	return func() tea.Msg {
		return citesMsg{key: k, cites: placeCites(b, b.Topics[k.topic], lines, md)}
	}
}

// placedAhead reports whether topic's citations are placed as it renders:
// it has some, and is not too large to render ahead.
func placedAhead(b *briefing.Briefing, topic int) bool {
	return topic >= 0 && len(b.Topics[topic].Citations) > 0 && len(b.Topics[topic].Body) <= prefetchLimit
}

// placeCites places t's citations in lines, its text on screen; md is
// its Markdown.
func placeCites(b *briefing.Briefing, t *briefing.Topic, lines []string, md string) *citeLayout {
	p := newPlainLines(lines)
	return layoutCites(b, t, p, ownLines(p, md))
}

// keepLayout keeps the citation layout of rendering k, for as long as
// the render cache may hold its text.
func (m *Model) keepLayout(k renderKey, l *citeLayout) {
	if l == nil || m.layouts == nil {
		return
	}
	if len(m.layouts) >= cacheEntries {
		for k := range m.layouts {
			if _, ok := m.cache.items[k]; !ok {
				delete(m.layouts, k)
			}
		}
	}
	m.layouts[k] = l
}
