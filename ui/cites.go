package ui

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

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
		if n := bulletLen(line[ind:]); n > 0 {
			start += n
			break
		}
		if ls <= floor {
			break
		}
	}
	return max(start, floor)
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

// paint lays a sequence of attributes over cells start to end of a line.
type paint struct {
	line, start, end int
	on               string
}

// citeDeco is what the citation cursor and corroboration draw over the
// text: paints, sorted by line, and a mark in the left margin of lines.
type citeDeco struct {
	paints []paint
	margin map[int]string
}

// apply draws the decorations of line i over it.
func (d citeDeco) apply(i int, line string) string {
	k := sort.Search(len(d.paints), func(j int) bool { return d.paints[j].line >= i })
	e := k
	for e < len(d.paints) && d.paints[e].line == i {
		e++
	}
	mark := d.margin[i]
	if k == e && mark == "" {
		return line
	}
	return paintLine(line, d.paints[k:e], mark)
}

// paintLine lays ps over line without breaking its own styles: the
// attributes of a paint are added at its start, again after every style
// change of the line inside it, and taken away at its end by a reset and
// the line's own styles since its last reset. mark, if not "", stands in
// for a space in the first cell.
func paintLine(line string, ps []paint, mark string) string {
	var b strings.Builder
	b.Grow(len(line) + 64)
	var state, cur string
	var st byte
	col := 0
	for i := 0; i < len(line); {
		seq, w, n, nst := ansi.DecodeSequence(line[i:], st, nil)
		st, i = nst, i+n
		if w == 0 {
			b.WriteString(seq)
			if params, ok := sgrParams(seq); ok {
				switch {
				case params == "" || params == "0":
					state = ""
				case strings.HasPrefix(params, "0;"):
					state = seq
				default:
					state += seq
				}
				b.WriteString(cur)
			}
			continue
		}
		want := ""
		for _, p := range ps {
			if col >= p.start && col < p.end {
				want += p.on
			}
		}
		if want != cur {
			if cur != "" {
				b.WriteString(ansi.ResetStyle + state)
			}
			b.WriteString(want)
			cur = want
		}
		if col == 0 && mark != "" && seq == " " {
			b.WriteString(mark + ansi.ResetStyle + state + cur)
		} else {
			b.WriteString(seq)
		}
		col += w
	}
	if cur != "" {
		b.WriteString(ansi.ResetStyle + state)
	}
	return b.String()
}

// sgrParams returns the parameters of a Select Graphic Rendition
// sequence, and whether seq is one.
func sgrParams(seq string) (string, bool) {
	if len(seq) < 3 || !strings.HasPrefix(seq, "\x1b[") || seq[len(seq)-1] != 'm' {
		return "", false
	}
	return seq[2 : len(seq)-1], true
}

// withCites has render also place the topic's citations in the text it
// renders, off the update loop, so that a topic opens with its marks
// at no cost to the frame. Topic -1, the summary, has none.
func withCites(render tea.Cmd, b *briefing.Briefing, topic int, md string) tea.Cmd {
	if topic < 0 || len(b.Topics[topic].Citations) == 0 || len(b.Topics[topic].Body) > prefetchLimit {
		return render
	}
	t := b.Topics[topic]
	return func() tea.Msg {
		msg := render()
		if r, ok := msg.(renderedMsg); ok && r.err == nil {
			p := newPlainLines(strings.Split(r.out, "\n"))
			r.cites = layoutCites(b, t, p, ownLines(p, md))
			return r
		}
		return msg
	}
}

// keepLayout keeps the citation layout a render brought, for as long as
// the render cache may hold its text.
func (m *Model) keepLayout(msg renderedMsg) {
	if msg.cites == nil || m.layouts == nil {
		return
	}
	if len(m.layouts) >= cacheEntries {
		for k := range m.layouts {
			if _, ok := m.cache.items[k]; !ok {
				delete(m.layouts, k)
			}
		}
	}
	m.layouts[msg.key] = msg.cites
}

// citeCursor is the citation under the cursor: a marker of the layout of
// the topic shown.
type citeCursor struct {
	on    bool
	topic int
	mark  int
}

// singleMark flags a claim that rests on one source only.
const singleMark = "¹"

// citeLayout returns the layout of the current topic's text on screen,
// made once per text, most often by the render command. Unless force,
// the plain text shown while a topic renders, and a topic too large to
// render ahead, have none: their markers are found only when asked for.
func (m *Model) citeLayout(force bool) *citeLayout {
	r := &m.reader
	if m.about || len(m.b.Topics) == 0 || !r.hasText || r.shown.topic != m.current {
		return nil
	}
	if r.cites != nil {
		return r.cites
	}
	if l := m.layouts[r.shown]; l != nil && r.rendered {
		r.cites = l
		return l
	}
	t := m.b.Topics[m.current]
	if len(t.Citations) == 0 || !force && (!r.rendered || len(t.Body) > prefetchLimit) {
		return nil
	}
	// Not rendered yet, or too large to be placed ahead: c asks.
	p := r.plainText()
	r.cites = layoutCites(m.b, t, p, ownLines(p, m.text(m.current)))
	return r.cites
}

// dimmed reports whether claim c is dimmed: it rests on one source while
// single-source claims are dimmed, or only on doubted sources.
func (m *Model) dimmed(c *briefing.Claim) bool {
	if m.dimSingle && len(c.Sources) < 2 {
		return true
	}
	if len(c.Sources) == 0 || len(m.doubted) == 0 {
		return false
	}
	for _, id := range c.Sources {
		if !m.doubted[id] {
			return false
		}
	}
	return true
}

// syncCites fits the citation cursor and the corroboration marks to the
// text on screen, after any message.
func (m Model) syncCites() Model {
	if m.cite.on && (m.about || m.cite.topic != m.current) {
		m.cite.on = false
		if m.focus == focusCard {
			m.setFocus(focusText)
		}
	}
	l := m.citeLayout(false)
	if m.cite.on && (l == nil || m.cite.mark >= len(l.marks)) {
		m.cite.on = false
	}
	m.keys.setCite(m.cite.on)
	m.reader.deco = citeDeco{}
	if l == nil {
		return m
	}
	d := citeDeco{margin: map[int]string{}}
	add := func(spans []span, on string) {
		for _, sp := range spans {
			d.paints = append(d.paints, paint{line: sp.line, start: sp.start, end: sp.end, on: on})
		}
	}
	for i, c := range l.claims {
		if l.claimFrom[i] < 0 {
			continue
		}
		if len(c.Sources) < 2 {
			d.margin[l.claimLine[i]] = m.st.singleOn + singleMark
		}
		if m.dimmed(&l.claims[i]) {
			add(l.claimSpans[i], m.st.dimOn)
		}
	}
	if m.cite.on {
		mk := l.marks[m.cite.mark]
		add(mk.words, m.st.claimOn)
		add(mk.marker, m.st.markerOn)
	}
	sort.SliceStable(d.paints, func(i, j int) bool { return d.paints[i].line < d.paints[j].line })
	m.reader.deco = d
	return m
}

// toggleDoubt doubts the source id, or stops doubting it: every claim
// resting on doubted sources only is dimmed. The sources view calls it.
func (m *Model) toggleDoubt(id string) {
	if m.doubted[id] {
		delete(m.doubted, id)
		return
	}
	if m.doubted == nil {
		m.doubted = map[string]bool{}
	}
	m.doubted[id] = true
}

// dimmedCount is the number of the current topic's claims that are
// dimmed, for the header.
func (m Model) dimmedCount() int {
	l := m.reader.cites
	if l == nil || m.about {
		return 0
	}
	n := 0
	for i := range l.claims {
		if m.dimmed(&l.claims[i]) {
			n++
		}
	}
	return n
}

// citeKey handles the keys of citations and corroboration in the text.
func (m Model) citeKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.NextCite):
		return m.moveCite(1), nil
	case key.Matches(msg, k.PrevCite):
		return m.moveCite(-1), nil
	case key.Matches(msg, k.Card):
		return m.openCard(), nil
	case key.Matches(msg, k.Copy):
		return m.copyClaim()
	case key.Matches(msg, k.CopyTopic):
		return m.copyTopic()
	case key.Matches(msg, k.Dim):
		m.dimSingle = !m.dimSingle
		if m.dimSingle {
			m.notice = "Claims resting on one source are dimmed (v shows them)"
		}
	case key.Matches(msg, k.Close):
		m.cite.on = false
	}
	return m, nil
}

// moveCite moves the citation cursor d markers on; without a cursor it
// starts at the first marker on screen (the last for C).
func (m Model) moveCite(d int) Model {
	if m.about {
		m.notice = "The summary's citations are not followed; open a topic"
		return m
	}
	l := m.citeLayout(true)
	if l == nil || len(l.marks) == 0 {
		m.notice = "No citations in this topic"
		return m
	}
	next := m.cite.mark + d
	if !m.cite.on {
		top := m.reader.vp.YOffset()
		bottom := top + m.reader.vp.Height()
		next = -1
		for i, mk := range l.marks {
			line := mk.line
			if d > 0 && line >= top {
				next = i
				break
			}
			if d < 0 && line < bottom {
				next = i
			}
		}
		if next < 0 {
			next = len(l.marks) - 1
			if d < 0 {
				next = 0
			}
		}
	}
	switch {
	case next >= len(l.marks):
		m.notice = "That was the topic's last citation"
		return m
	case next < 0:
		m.notice = "That was the topic's first citation"
		return m
	}
	m.cite = citeCursor{on: true, topic: m.current, mark: next}
	m.reader.reveal(l.marks[next].line)
	return m
}

// citeAt returns the citation under the cursor and the words it ends, as
// highlighted: the sentence or item, on one line.
func (m Model) citeAt() (c briefing.Citation, claim string, cites []briefing.Citation) {
	mk := m.reader.cites.marks[m.cite.mark]
	c = m.b.Topics[m.current].Citations[mk.cite]
	p := m.reader.plainText()
	return c, strings.Join(strings.Fields(p.text[mk.from:mk.end]), " "), []briefing.Citation{c}
}

// openCard opens the evidence card of the citation under the cursor.
func (m Model) openCard() Model {
	if !m.cite.on || m.reader.cites == nil {
		return m
	}
	c, claim, _ := m.citeAt()
	m.card = newCard(m.b, c, claim, m.st)
	m.card.SetSize(m.width, m.bodyHeight())
	m.card.Focus()
	m.setFocus(focusCard)
	return m
}

// cardKey handles a key while the evidence card is open: c and C go on
// to the next card, y copies, esc goes back to the text where it was.
func (m Model) cardKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		m.stop()
		return m, tea.Quit
	case key.Matches(msg, k.Close):
		m.card.Blur()
		m.setFocus(focusText)
	case key.Matches(msg, k.NextCite, k.PrevCite):
		d := 1
		if key.Matches(msg, k.PrevCite) {
			d = -1
		}
		m = m.moveCite(d).openCard()
	case key.Matches(msg, k.Copy):
		return m.copyClaim()
	default:
		var cmd tea.Cmd
		m.card, cmd = m.card.Update(msg)
		return m, cmd
	}
	return m, nil
}

// copyClaim copies the claim under the cursor with its sources, as a
// plain-text reference, to the clipboard (OSC 52).
func (m Model) copyClaim() (Model, tea.Cmd) {
	if !m.cite.on || m.reader.cites == nil {
		return m, nil
	}
	_, claim, cites := m.citeAt()
	ref, n := claimReference(m.b, claim, cites)
	m.notice = fmt.Sprintf("Copied the claim and its %d %s", n, plural(n, "source", "sources"))
	return m, tea.SetClipboard(ref)
}

// claimReference is claim followed by the sources cites draw on, one a
// line in number order with their excerpts, and how many sources.
func claimReference(b *briefing.Briefing, claim string, cites []briefing.Citation) (string, int) {
	var out strings.Builder
	out.WriteString(claim + "\n")
	n := 0
	for _, e := range citedSources(b, cites) {
		n++
		fmt.Fprintf(&out, "\n[%d] %s\n", e.num, e.src.Reference())
		for _, x := range e.excerpts {
			fmt.Fprintf(&out, "    \u201c%s\u201d\n", cleanLine(briefing.Sanitize(x)))
		}
	}
	return out.String(), n
}

// citedSource is one source of a group of citations, with its number and
// the excerpts cited from it.
type citedSource struct {
	num      int
	src      briefing.Source
	id       string
	known    bool
	excerpts []string
}

// citedSources lists the distinct sources of cites in number order; an
// id that names no source comes last, unnumbered.
func citedSources(b *briefing.Briefing, cites []briefing.Citation) []citedSource {
	num := b.SourceNumbers()
	var out []citedSource
	at := map[string]int{}
	for _, c := range cites {
		for i, id := range c.Keys {
			j, ok := at[id]
			if !ok {
				s, known := b.Source(id)
				j, at[id] = len(out), len(out)
				out = append(out, citedSource{num: num[id], src: s, id: id, known: known})
			}
			if i < len(c.Excerpts) && strings.TrimSpace(c.Excerpts[i]) != "" && !slices.Contains(out[j].excerpts, c.Excerpts[i]) {
				out[j].excerpts = append(out[j].excerpts, c.Excerpts[i])
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].known != out[j].known {
			return out[i].known
		}
		return out[i].num < out[j].num
	})
	return out
}

// copyTopic copies the current topic as Markdown, its citations resolved
// to a numbered list of sources.
func (m Model) copyTopic() (Model, tea.Cmd) {
	if m.about || len(m.b.Topics) == 0 {
		return m, nil
	}
	t := m.b.Topics[m.current]
	md, refs := m.b.Cited(t)
	md = "# " + cleanLine(t.Title) + "\n\n" + strings.TrimRight(md, "\n") + "\n"
	m.notice = fmt.Sprintf("Copied %q as Markdown with %d %s", m.titles[m.current], len(refs), plural(len(refs), "source", "sources"))
	return m, tea.SetClipboard(md)
}
