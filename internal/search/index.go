package search

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"brief/briefing"
)

// Index holds a briefing's searchable text, folded once, so that a search
// per keystroke only scans it. Build it with NewIndex when a briefing is
// loaded; it is read-only afterwards and safe for concurrent use.
type Index struct {
	docs  []indexDoc
	parts [][2]int // ranges of docs of about equal size, one per worker
	// topics has the index in docs of each topic's body.
	topics map[string]int
}

// Doc is one searchable text of a briefing: a topic's body, a timeline
// event, or the excerpts of the citations in either, as plain text
// (Markdown markup removed, citations numbered as the reader numbers
// them). The excerpts of a text follow it as one Doc, one excerpt a line.
type Doc struct {
	// Topic is the id of the topic, or "" for a timeline event.
	Topic string
	// Event is the index of the event in Briefing.Timeline, or -1.
	Event int
	// File and Line locate Text: for a topic, the line where its body
	// starts; for an event, the line of its entry in the timeline; for
	// excerpts, where the first is (see Excerpt). Line is 1 when unknown.
	File string
	Line int
	// Col is the column of Text's start on Line, in characters from 1;
	// 0 when unknown.
	Col int
	// Text is the plain text searched. It holds no control characters.
	Text string
	// Excerpts says that Text holds the excerpts of the citations of the
	// Doc before it, one a line, in order; Index.Excerpt tells which a
	// match is in.
	Excerpts bool
	ex       []excerptPlace // for Excerpts, each line's
}

// excerptPlace places an excerpt of an excerpts Doc.
type excerptPlace struct {
	marker          string
	line, col, cite int
	// at is where its citation's marker ends in the text it is in: its
	// matches come after the matches there that start before.
	at int
}

// Excerpt is the excerpt of a citation that a match is in.
type Excerpt struct {
	// Marker is the citation's marker, as the reader shows it ("[3]").
	Marker string
	// Line and Col place the excerpt's opening quotation mark in the
	// file (Col in characters, from 1); for an excerpt in a timeline
	// event, they place the event's entry.
	Line, Col int
	// Cite is the number of citation groups before its own in the text
	// it is in: for a topic, its index in briefing.Topic.Citations.
	Cite int
	// N numbers the excerpts of the text, from 0.
	N int
}

// Excerpt returns the excerpt that m is in, if m is in one.
func (ix *Index) Excerpt(m Match) (Excerpt, bool) {
	d := &ix.docs[m.Doc]
	if !d.Excerpts {
		return Excerpt{}, false
	}
	k := d.lineOf(m.Start)
	p := d.ex[k]
	return Excerpt{Marker: p.marker, Line: p.line, Col: p.col, Cite: p.cite, N: k}, true
}

// lineOf returns the line of the text that holds byte off.
func (d *indexDoc) lineOf(off int) int {
	k, found := slices.BinarySearch(d.lines, int32(off))
	if !found {
		k--
	}
	return k
}

type indexDoc struct {
	Doc
	fold  folded
	lines []int32 // byte offsets in Text where each line starts
}

// Match is one match found by Index.Search.
type Match struct {
	// Doc is the index of the text matched, for Index.Doc.
	Doc int
	// Topic is the topic's id, or "" for a timeline event.
	Topic string
	// Event is the index of the timeline event, or -1 in a topic.
	Event int
	// N counts the matches in the same Doc from 0, so that a reader can
	// go to the Nth highlighted match of a rendered topic.
	N int
	// Line is the line in File (see Doc) where the match starts; for a
	// timeline event, the line of the event's entry.
	Line int
	// Range is the match in the Doc's Text.
	Range
}

// searchDocs lists the texts an index searches: every topic body in
// reading order, then the timeline events.
func searchDocs(b *briefing.Briefing) []Doc {
	docs := make([]Doc, 0, len(b.Topics)+len(b.Timeline))
	for _, t := range b.Topics {
		docs = append(docs, Doc{Topic: t.ID, Event: -1, File: t.BodyPos.File, Line: max(t.BodyPos.Line, 1), Col: max(t.BodyPos.Col, 1), Text: t.Body})
	}
	for i, e := range b.Timeline {
		docs = append(docs, Doc{Event: i, File: e.Pos.File, Line: max(e.Pos.Line, 1), Col: e.Pos.Col, Text: e.Text})
	}
	return docs
}

// NewIndex builds the search index of b: every topic body in reading
// order, then the timeline events, each followed by its excerpts.
func NewIndex(b *briefing.Briefing) *Index {
	docs := searchDocs(b)
	num := b.SourceNumbers()

	groups := make([][]indexDoc, len(docs))
	ix := &Index{}
	ix.each(len(docs), func(i int) {
		ds := plainDocs(nil, docs[i], "", num, newText)
		g := make([]indexDoc, len(ds))
		for k, d := range ds {
			g[k] = indexDoc{Doc: d, fold: foldText(d.Text, true), lines: lineStarts(d.Text)}
			if d.Excerpts {
				sealLines(&g[k].fold, d.Text)
			}
		}
		groups[i] = g
	})
	n := 0
	for _, g := range groups {
		n += len(g)
	}
	ix.docs = make([]indexDoc, 0, n)
	ix.topics = make(map[string]int, len(b.Topics))
	for i, g := range groups {
		if docs[i].Topic != "" {
			ix.topics[docs[i].Topic] = len(ix.docs)
		}
		ix.docs = append(ix.docs, g...)
	}
	ix.parts = partition(ix.docs, workers())
	return ix
}

// newText returns the text that build appends to an empty slice with
// room for about hint bytes.
func newText(hint int, build func([]byte) []byte) string {
	b := build(make([]byte, 0, hint))
	// b is not written again: the string can share its bytes.
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// plainDocs appends d, whose Text is Markdown, made plain (as appendPlain
// makes it with the code fence fence open), and then, if it has any, the
// excerpts of its citation groups. newText makes the texts.
func plainDocs(out []Doc, d Doc, fence string, num map[string]int, newText func(hint int, build func([]byte) []byte) string) []Doc {
	var ex excerpts
	md := d.Text
	d.Text = newText(len(md), func(b []byte) []byte {
		ex.base = len(b)
		return appendPlain(b, md, fence, num, &ex)
	})
	out = append(out, d)
	if len(ex.list) == 0 {
		return out
	}
	xd := Doc{Topic: d.Topic, Event: d.Event, File: d.File, Excerpts: true, ex: make([]excerptPlace, len(ex.list))}
	size := 0
	// The excerpts come in order: each line is counted on from the last.
	line, ls, from := d.Line, 0, 0
	for i, e := range ex.list {
		size += len(e.text) + 1
		if nl := strings.Count(md[from:e.off], "\n"); nl > 0 {
			line += nl
			ls = strings.LastIndexByte(md[:e.off], '\n') + 1
		}
		from = e.off
		col := 1 + utf8.RuneCountInString(md[ls:e.off])
		if ls == 0 {
			col = max(d.Col, 1) + utf8.RuneCountInString(md[:e.off])
		}
		if d.Event >= 0 {
			// An event's text is not placed exactly: its entry is.
			line, col = d.Line, d.Col
		}
		xd.ex[i] = excerptPlace{marker: e.marker, line: line, col: col, cite: e.cite, at: e.at}
	}
	xd.Line, xd.Col = xd.ex[0].line, xd.ex[0].col
	xd.Text = newText(size, func(b []byte) []byte {
		for i, e := range ex.list {
			if i > 0 {
				b = append(b, '\n')
			}
			if briefing.HasControl(e.text) || !utf8.ValidString(e.text) {
				b = appendSafe(b, e.text)
			} else {
				b = append(b, e.text...)
			}
		}
		return b
	})
	return append(out, xd)
}

// sealLines makes the line breaks of f, the folded form of excerpts
// text, match nothing: each excerpt is searched on its own, and no
// phrase runs on from one into the next. The folded space that stands
// for a line break becomes a byte no query holds (0xff is never UTF-8)
// and no word either. f's bytes are its own, not yet shared.
func sealLines(f *folded, text string) {
	b := unsafe.Slice(unsafe.StringData(f.s), len(f.s))
	k := 0 // the segment that holds the line break, found walking on
	for o := 0; o < len(text); o++ {
		i := strings.IndexByte(text[o:], '\n')
		if i < 0 {
			return
		}
		o += i
		for k+1 < len(f.segs) && int(f.segs[k+1].o) <= o {
			k++
		}
		// A run of white space is one folded space, in a unit segment of
		// its own; otherwise the segment is byte for byte.
		sg := f.segs[k]
		p := int(sg.f)
		if !sg.unit {
			p += o - int(sg.o)
		}
		if p < len(b) && b[p] == ' ' {
			b[p] = 0xff
		}
	}
}

// each runs f for 0 <= i < n on every core.
func (ix *Index) each(n int, f func(i int)) {
	w := workers()
	var wg sync.WaitGroup
	for k := range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := k; i < n; i += w {
				f(i)
			}
		}()
	}
	wg.Wait()
}

func workers() int { return max(1, runtime.GOMAXPROCS(0)) }

// minPart is the size of text below which starting goroutines costs
// more than it saves.
const minPart = 256 << 10

// partition splits docs into at most n runs of about equal text size.
func partition(docs []indexDoc, n int) [][2]int {
	total := 0
	for _, d := range docs {
		total += len(d.fold.s)
	}
	n = min(n, max(1, total/minPart))
	var parts [][2]int
	start, size := 0, 0
	for i, d := range docs {
		size += len(d.fold.s)
		// A text and its excerpts stay together, to be put in order.
		if size >= total/n && len(parts) < n-1 && (i+1 == len(docs) || !docs[i+1].Excerpts) {
			parts = append(parts, [2]int{start, i + 1})
			start, size = i+1, 0
		}
	}
	return append(parts, [2]int{start, len(docs)})
}

func lineStarts(s string) []int32 {
	return appendLineStarts(nil, s)
}

// appendLineStarts appends the byte offsets where the lines of s start.
func appendLineStarts(lines []int32, s string) []int32 {
	lines = append(lines, 0)
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		lines = append(lines, int32(i))
	}
	return lines
}

// Len returns the number of texts in the index.
func (ix *Index) Len() int { return len(ix.docs) }

// Doc returns the i-th text of the index, as numbered in Match.Doc.
func (ix *Index) Doc(i int) Doc { return ix.docs[i].Doc }

// Search returns every match of q in the briefing, in reading order:
// topics first, then the timeline. It allocates a Match per match; to
// count matches as the user types, Count is cheaper.
func (ix *Index) Search(q Query) []Match {
	if q.Empty() {
		return nil
	}
	results := make([][]Match, len(ix.parts))
	ix.run(func(p int, lo, hi int) {
		// About a match a text: the index for one query holds little
		// else.
		out := make([]Match, 0, hi-lo+16)
		var buf []Range
		var sc finder
		for i := lo; i < hi; {
			// A text and its excerpts: their matches in reading order.
			j, first := i+1, len(out)
			for j < hi && ix.docs[j].Excerpts {
				j++
			}
			body := first
			for k := i; k < j; k++ {
				if k == i+1 {
					body = len(out)
				}
				d := &ix.docs[k]
				buf = q.findFolded(&d.fold, d.Text, buf[:0], &sc)
				line := 0
				for _, r := range buf {
					for line+1 < len(d.lines) && int(d.lines[line+1]) <= r.Start {
						line++
					}
					fl := d.Line + line
					if d.Excerpts {
						fl = d.ex[line].line
					}
					out = append(out, Match{Doc: k, Topic: d.Topic, Event: d.Event, Line: fl, Range: r})
				}
			}
			if body > first && len(out) > body {
				ix.readingOrder(out[first:])
			}
			for n := first; n < len(out); n++ {
				out[n].N = n - first
			}
			i = j
		}
		results[p] = out
	})
	if len(results) == 1 && len(results[0]) > 0 {
		return results[0]
	}
	n := 0
	for _, r := range results {
		n += len(r)
	}
	if n == 0 {
		return nil
	}
	all := make([]Match, 0, n)
	for _, r := range results {
		all = append(all, r...)
	}
	return all
}

// Counts tells how many matches a query has and where.
type Counts struct {
	// Total is the number of matches in the whole briefing.
	Total int
	// ByTopic is the number of matches in each topic that has any.
	ByTopic map[string]int
	// Timeline is the number of matches in timeline events.
	Timeline int
}

// Places returns the number of topics with a match, counting the
// timeline as one, for a line such as "14 in 6 topics".
func (c Counts) Places() int {
	n := len(c.ByTopic)
	if c.Timeline > 0 {
		n++
	}
	return n
}

// Count counts the matches of q: the same matches as Search, without
// building them.
func (ix *Index) Count(q Query) Counts {
	c := Counts{ByTopic: map[string]int{}}
	if q.Empty() {
		return c
	}
	per := make([]int, len(ix.docs))
	ix.run(func(_ int, lo, hi int) {
		var buf []Range
		var sc finder
		for i := lo; i < hi; i++ {
			per[i], buf = q.count(&ix.docs[i].fold, ix.docs[i].Text, buf, &sc)
		}
	})
	for i, n := range per {
		if n == 0 {
			continue
		}
		c.Total += n
		if t := ix.docs[i].Topic; t != "" {
			c.ByTopic[t] += n
		} else {
			c.Timeline += n
		}
	}
	return c
}

// run calls f for each part of the index, in parallel.
func (ix *Index) run(f func(part, lo, hi int)) {
	if len(ix.parts) == 1 {
		f(0, ix.parts[0][0], ix.parts[0][1])
		return
	}
	var wg sync.WaitGroup
	for p, r := range ix.parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(p, r[0], r[1])
		}()
	}
	wg.Wait()
}

// Snippet returns the line of text around m, on one line, cut to about
// width bytes around the match with "…" where text was left out, and the
// match's range within it. A match that spans lines brings them all,
// joined by spaces.
func (ix *Index) Snippet(m Match, width int) (string, Range) {
	text, ls, le, prefix, suffix := ix.snippet(m, width)
	line := text[ls:le]
	if strings.ContainsAny(line, "\n\t") {
		b := []byte(line)
		spaceOut(b)
		line = string(b)
	}
	off := len(prefix) - ls
	if prefix != "" || suffix != "" {
		line = prefix + line + suffix
	}
	return line, Range{m.Start + off, m.End + off}
}

// AppendSnippet appends to dst the snippet of m that Snippet makes, with
// control characters replaced as Sanitize replaces them in the text
// before, in and after the match, and returns the match's range in what
// it appended. For most snippets it allocates nothing: a command that
// prints thousands of them spends much of its time there.
func (ix *Index) AppendSnippet(dst []byte, m Match, width int) ([]byte, Range) {
	text, ls, le, prefix, suffix := ix.snippet(m, width)
	start := len(dst)
	dst = append(dst, prefix...)
	if line := text[ls:le]; strings.IndexByte(line, '\n') >= 0 || strings.IndexByte(line, '\t') >= 0 {
		dst = append(dst, line...)
		spaceOut(dst[len(dst)-len(line):])
	} else {
		dst = append(dst, line...)
	}
	dst = append(dst, suffix...)
	off := len(prefix) - ls
	hl := Range{m.Start + off, m.End + off}
	got := dst[start:]
	if !briefing.HasControl(unsafe.String(unsafe.SliceData(got), len(got))) {
		return dst, hl
	}
	// The index holds plain text, which has none; but an index may be
	// made of any text.
	before, match, after := briefing.Sanitize(string(got[:hl.Start])), briefing.Sanitize(string(got[hl.Start:hl.End])), briefing.Sanitize(string(got[hl.End:]))
	dst = append(append(append(dst[:start], before...), match...), after...)
	return dst, Range{len(before), len(before) + len(match)}
}

// AppendLine appends to dst the snippet of ms[0] that AppendSnippet
// makes and returns the ranges, in what it appended, of those of ms that
// lie wholly within it, in order. ms are matches of one Doc that start on
// one line, the first first: a command that prints each line once, as
// grep does, marks them all.
func (ix *Index) AppendLine(dst []byte, ms []Match, width int) ([]byte, []Range) {
	start := len(dst)
	dst, hl := ix.AppendSnippet(dst, ms[0], width)
	rs := []Range{hl}
	_, ls, le, prefix, suffix := ix.snippet(ms[0], width)
	if len(dst)-start != len(prefix)+le-ls+len(suffix) {
		return dst, rs // sanitized: offsets moved
	}
	d := hl.Start - ms[0].Start
	for _, m := range ms[1:] {
		if m.Doc == ms[0].Doc && m.Start >= max(ls, rs[len(rs)-1].End-d) && m.End <= le {
			rs = append(rs, Range{m.Start + d, m.End + d})
		}
	}
	return dst, rs
}

// snippet returns the text of m's index entry and what Snippet takes of
// it: text[ls:le] between prefix and suffix.
func (ix *Index) snippet(m Match, width int) (text string, ls, le int, prefix, suffix string) {
	text = ix.docs[m.Doc].Text
	ls = strings.LastIndexByte(text[:m.Start], '\n') + 1
	le = len(text)
	if j := strings.IndexByte(text[m.End:], '\n'); j >= 0 {
		le = m.End + j
	}
	// Leading space says nothing in a snippet.
	for ls < m.Start && (text[ls] == ' ' || text[ls] == '\t') {
		ls++
	}
	if width > 0 && le-ls > width {
		room := width - (m.End - m.Start)
		if room < 0 {
			room = 0
		}
		// A third of the room before the match, the rest after.
		if s := m.Start - room/3; s > ls {
			ls, prefix = runeStart(text, s), "…"
		}
		if e := m.End + (room - (m.Start - ls)); e < le {
			le, suffix = runeStart(text, max(e, m.End)), "…"
		}
	}
	return text, ls, le, prefix, suffix
}

// spaceOut turns the line breaks and tabs of b into spaces.
func spaceOut(b []byte) {
	for i, c := range b {
		if c == '\n' || c == '\t' {
			b[i] = ' '
		}
	}
}

// runeStart moves i back to the start of the rune it is in.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// readingOrder sorts ms, the matches of a text and then of its excerpts,
// in reading order: an excerpt's matches where its citation's marker
// ends, after the text's matches that start before that.
func (ix *Index) readingOrder(ms []Match) {
	at := func(m Match) (int, bool) {
		if d := &ix.docs[m.Doc]; d.Excerpts {
			return d.ex[d.lineOf(m.Start)].at, true
		}
		return m.Start, false
	}
	slices.SortStableFunc(ms, func(a, b Match) int {
		x, ea := at(a)
		y, eb := at(b)
		switch {
		case x != y:
			return x - y
		// At one place, an excerpt first: its marker ended there.
		case ea && !eb:
			return -1
		case eb && !ea:
			return 1
		}
		return 0
	})
}

// TopicExcerpts returns the matches of q in the excerpts of topic id's
// citations, in the order of the citations and within each excerpt;
// Match.N counts them from 0, and Excerpt tells which each is in. An
// index made by NewIndexFor has none.
func (ix *Index) TopicExcerpts(id string, q Query) []Match {
	i, ok := ix.topics[id]
	if !ok || q.Empty() || i+1 >= len(ix.docs) || !ix.docs[i+1].Excerpts {
		return nil
	}
	d := &ix.docs[i+1]
	rs := q.findFolded(&d.fold, d.Text, nil, nil)
	out := make([]Match, len(rs))
	for n, r := range rs {
		out[n] = Match{Doc: i + 1, Topic: d.Topic, Event: -1, N: n, Line: d.ex[d.lineOf(r.Start)].line, Range: r}
	}
	return out
}
