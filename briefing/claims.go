package briefing

import "strings"

// Claim is a paragraph or list item of a topic that carries citations:
// the blocks that the "no citation in this paragraph or list item" check
// walks.
type Claim struct {
	// Start and End are the byte range of the claim's text in
	// Topic.Body; a list item's range leaves out its sub-lists.
	Start, End int
	// Cites are indexes into Topic.Citations, in order.
	Cites []int
	// Sources are the distinct ids of the known sources the claim cites,
	// in order of first citation; an id that names no source is left out.
	Sources []string
	// Outlets is the number of distinct outlets behind Sources. A source
	// whose outlet is unnamed counts as an outlet of its own: two unnamed
	// outlets may be one or two, and corroboration must not be claimed
	// on a guess either way.
	Outlets int
}

// Corroborated reports whether two or more sources back the claim.
func (c Claim) Corroborated() bool { return len(c.Sources) >= 2 }

// Claims returns the claims of t in order. A citation outside every
// paragraph and list item, in a heading or a table, belongs to no claim.
func (b *Briefing) Claims(t *Topic) []Claim {
	if len(t.Citations) == 0 {
		return nil
	}
	var out []Claim
	known := b.sourceIndex()
	for _, bl := range newMarkdown().blocks(t.Body) {
		i := firstCite(t.Citations, bl.Start)
		if i == len(t.Citations) || t.Citations[i].Start >= bl.End {
			continue
		}
		c := Claim{Start: bl.Start, End: bl.End}
		for ; i < len(t.Citations) && t.Citations[i].Start < bl.End; i++ {
			c.Cites = append(c.Cites, i)
			for _, k := range t.Citations[i].Keys {
				if _, ok := known[k]; ok && !contains(c.Sources, k) {
					c.Sources = append(c.Sources, k)
				}
			}
		}
		c.Outlets = b.Outlets(c.Sources)
		out = append(out, c)
	}
	return out
}

// sourceIndex maps each source id to its first index in b.Sources.
func (b *Briefing) sourceIndex() map[string]int {
	ix := make(map[string]int, len(b.Sources))
	for i, s := range b.Sources {
		if _, ok := ix[s.ID]; !ok {
			ix[s.ID] = i
		}
	}
	return ix
}

// UnnamedOutlet is how a briefing names the outlet of a source whose
// outlet is not known.
const UnnamedOutlet = "unnamed outlet"

// Outlets returns the number of distinct outlets of the sources ids,
// compared without regard to case or surrounding space. A source without
// an outlet, or whose outlet is "unnamed outlet", counts as one of its
// own; an id that names no source counts for nothing.
func (b *Briefing) Outlets(ids []string) int {
	named := map[string]bool{}
	n := 0
	for _, id := range ids {
		s, ok := b.Source(id)
		if !ok {
			continue
		}
		o := strings.ToLower(strings.TrimSpace(s.Outlet))
		switch {
		case o == "" || o == UnnamedOutlet:
			n++
		case !named[o]:
			named[o] = true
			n++
		}
	}
	return n
}

// Provenance sums up what a briefing draws on.
type Provenance struct {
	// Sources and Outlets count the briefing's sources and their distinct
	// outlets, as Outlets counts them.
	Sources, Outlets int
	// First and Last are the earliest and latest dates of the sources,
	// zero if none has a date; an Inferred flag says the date has a note,
	// such as "inferred from the text".
	First, Last                 Date
	FirstInferred, LastInferred bool
	// Claims counts the claims of every topic, Corroborated those backed
	// by two or more sources.
	Claims, Corroborated int
}

// SourceProvenance is Provenance without the claims, which take a parse
// of every topic to count: it is quick.
func (b *Briefing) SourceProvenance() Provenance {
	var p Provenance
	ids := make([]string, 0, len(b.Sources))
	first := b.sourceIndex()
	for i, s := range b.Sources {
		if first[s.ID] != i {
			continue
		}
		ids = append(ids, s.ID)
		if s.Date.IsZero() {
			continue
		}
		if p.First.IsZero() || s.Date.Before(p.First) {
			p.First, p.FirstInferred = s.Date, s.DateNote != ""
		}
		if p.Last.IsZero() || p.Last.Before(s.Date) {
			p.Last, p.LastInferred = s.Date, s.DateNote != ""
		}
	}
	p.Sources, p.Outlets = len(ids), b.Outlets(ids)
	return p
}

// Provenance sums up b's sources and how well its claims are backed. It
// parses every topic, so it takes a while on a large briefing.
func (b *Briefing) Provenance() Provenance {
	p := b.SourceProvenance()
	for _, t := range b.Topics {
		for _, c := range b.Claims(t) {
			p.Claims++
			if c.Corroborated() {
				p.Corroborated++
			}
		}
	}
	return p
}

// ClaimText returns the text of claim c of t on one line, as a reader
// sees it: citations as their numbered markers, such as [1], emphasis
// marks and escapes dropped, white space collapsed.
func (b *Briefing) ClaimText(t *Topic, c Claim) string {
	cites := make([]Citation, 0, len(c.Cites))
	for _, i := range c.Cites {
		cites = append(cites, t.Citations[i])
	}
	return safeLine(plainRange(t.Body, c.Start, c.End, cites, b.SourceNumbers()))
}

// plainInline drops the emphasis and code marks and the backslash
// escapes of Markdown inline text.
func plainInline(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && strings.IndexByte("\\`*_{}[]<>()#+-.!|~&", s[i+1]) >= 0:
			i++
			b.WriteByte(s[i])
		case c == '*' || c == '`':
		case c == '_' && (i == 0 || i+1 == len(s) || !isWordByte(s[i-1]) || !isWordByte(s[i+1])):
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// Reference describes the source on one line of plain text, as every
// source list does (SourceLine), made safe: outlet, author, title, date
// with its note, kind and URL.
func (s Source) Reference() string {
	return strings.Join(strings.Fields(Sanitize(SourceLine(s))), " ")
}
