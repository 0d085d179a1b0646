package briefing

import (
	"slices"
	"strings"
)

// Passage is one citation group of a topic that names a source, with the
// claim it ends: a row of the list of what rests on a source.
type Passage struct {
	// Topic indexes b.Topics, Cite the topic's Citations.
	Topic, Cite int
	// Claim indexes b.Claims of the topic, -1 for a citation that ends
	// no claim (in a heading or a table).
	Claim int
	// Text is the claim on one line, made safe (ClaimText), or for a
	// citation outside every claim, the line that holds it.
	Text string
	// Excerpt is the passage of the source the citation quotes, made safe;
	// "" when it gives none.
	Excerpt string
}

// Passages returns every citation group of b's topics that names source
// id, in the order of the topics and their text: the groups that
// CitationCounts counts, one row each.
func (b *Briefing) Passages(id string) []Passage {
	var out []Passage
	num := b.SourceNumbers()
	for ti, t := range b.Topics {
		if !citesAny(t, func(k string) bool { return k == id }) {
			continue
		}
		claims := b.Claims(t)
		claimOf := make([]int, len(t.Citations))
		for i := range claimOf {
			claimOf[i] = -1
		}
		for ci, c := range claims {
			for _, i := range c.Cites {
				claimOf[i] = ci
			}
		}
		for i, c := range t.Citations {
			k := slices.Index(c.Keys, id)
			if k < 0 {
				continue
			}
			p := Passage{Topic: ti, Cite: i, Claim: claimOf[i]}
			if p.Claim >= 0 {
				p.Text = b.ClaimText(t, claims[p.Claim])
			} else {
				ls := strings.LastIndexByte(t.Body[:c.Start], '\n') + 1
				le := len(t.Body)
				if j := strings.IndexByte(t.Body[c.End:], '\n'); j >= 0 {
					le = c.End + j
				}
				p.Text = safeLine(plainRange(t.Body, ls, le, t.Citations, num))
			}
			if k < len(c.Excerpts) {
				p.Excerpt = safeLine(c.Excerpts[k])
			}
			out = append(out, p)
		}
	}
	return out
}

// DoubtedClaims counts the claims of b that rest on doubted sources only:
// the claims a reader who doubts them sees dimmed. A claim that names no
// known source rests on none, and is not counted.
func (b *Briefing) DoubtedClaims(doubted func(id string) bool) int {
	n := 0
	for _, t := range b.Topics {
		if !citesAny(t, doubted) {
			continue // no claim of t can rest on doubted sources only
		}
		for _, c := range b.Claims(t) {
			if len(c.Sources) > 0 && !slices.ContainsFunc(c.Sources, func(id string) bool { return !doubted(id) }) {
				n++
			}
		}
	}
	return n
}

// citesAny reports whether a citation of t names a source that is.
func citesAny(t *Topic, is func(id string) bool) bool {
	for _, c := range t.Citations {
		if slices.ContainsFunc(c.Keys, is) {
			return true
		}
	}
	return false
}

// safeLine makes s safe and puts it on one line.
func safeLine(s string) string { return oneLine(Sanitize(s)) }
