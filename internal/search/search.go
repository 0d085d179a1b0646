// Package search is brief's search engine: a query compiled once (smart
// case, folded diacritics, actor aliases as whole words), an index of a
// briefing's topics and timeline as plain text, the matches and their
// counts, and snippets. The reader and brief search share it, so that a
// match is counted one way everywhere.
package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"brief/briefing"
)

// Range is a half-open byte range [Start, End) of a text.
type Range struct {
	Start, End int
}

// Query is a compiled search: compile it once per change of the search
// text, then run it over as many texts as needed. The zero Query matches
// nothing.
//
// Matching is literal (no character is special) and forgiving the way a
// reader expects:
//   - smart case: a query in lower case ignores case; one with any upper
//     case letter matches case exactly;
//   - diacritics are ignored on both sides, so "Zelenskyy" finds
//     "Zelenskyy" however it is accented, and "ß" matches "ss";
//   - any run of white space in the text, line breaks included, matches a
//     space in the query, so phrases match across wrapped lines;
//   - a query naming an actor (its name or one of its aliases) also
//     matches the actor's other spellings; Alternatives lists them. The
//     query as typed matches anywhere, but another spelling only as a
//     whole word, so that "US" does not match in "must"; and one written
//     in capitals only ("US", "EU") only in capitals.
type Query struct {
	text    string
	exact   bool
	needles []needle
	actor   string
	alts    []string
}

// needle is one spelling searched for: in folded lower case, and, when
// case matters, in folded exact case for checking candidates.
type needle struct {
	lower string
	exact string // "" when case is ignored
	// word says that a match must not start or end inside a word: an
	// actor's other spellings are whole words, the query as typed is not.
	// It holds for the ends where the spelling has a letter or digit.
	wordStart, wordEnd bool
	// base is the index of a shorter needle found inside this one, or -1:
	// this needle's candidates are then found around the base's
	// occurrences, at offsets, saving a pass over the text.
	base    int
	offsets []int
}

// Compile prepares the search for q. actors supplies the aliases: when q
// equals an actor's name or one of its aliases (ignoring diacritics and
// outer space, and case if q is in lower case), the actor's other
// spellings are searched too, in the same case mode. An empty or
// all-space q compiles to a Query that matches nothing.
func Compile(q string, actors []briefing.Actor) Query {
	query := Query{text: q}
	if strings.TrimSpace(q) == "" {
		return query
	}
	query.exact = hasUpper(q)
	primary := newNeedle(q, query.exact)
	if primary.lower == "" {
		// Only marks that fold away: nothing to look for.
		return query
	}
	query.needles = []needle{primary}

	// With exact case, a query names an actor only if spelled in the
	// same case: "ZELENSKY" is not looking for "Zelenskiy".
	key := normKey(q, query.exact)
	for _, a := range actors {
		spellings := append([]string{a.Name}, a.Aliases...)
		if !slices.ContainsFunc(spellings, func(s string) bool { return normKey(s, query.exact) == key }) {
			continue
		}
		query.actor = a.Name
		for _, s := range spellings {
			k := normKey(s, query.exact)
			if k == key || k == "" || slices.Contains(query.alts, s) {
				continue
			}
			query.alts = append(query.alts, s)
			n := aliasNeedle(s, query.exact)
			// "Erdoğan" and "Erdogan" are one needle.
			if !slices.ContainsFunc(query.needles, func(o needle) bool {
				return o.lower == n.lower && o.exact == n.exact && o.wordStart == n.wordStart && o.wordEnd == n.wordEnd
			}) {
				query.needles = append(query.needles, n)
			}
		}
		break
	}
	deriveNeedles(query.needles)
	return query
}

// deriveNeedles sets base and offsets for each needle that contains a
// shorter one searched anyway, such as "volodymyr zelensky" holding
// "zelensky": alias spellings usually share most of their letters, and
// one pass finds them all.
func deriveNeedles(ns []needle) {
	order := make([]int, len(ns))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return len(ns[a].lower) - len(ns[b].lower) })
	var roots []int
	for _, i := range order {
		for _, r := range roots {
			if strings.Contains(ns[i].lower, ns[r].lower) {
				ns[i].base = r
				for o := 0; o+len(ns[r].lower) <= len(ns[i].lower); o++ {
					if strings.HasPrefix(ns[i].lower[o:], ns[r].lower) {
						ns[i].offsets = append(ns[i].offsets, o)
					}
				}
				break
			}
		}
		if ns[i].base < 0 {
			roots = append(roots, i)
		}
	}
}

func newNeedle(s string, exact bool) needle {
	n := needle{lower: foldText(s, true).s, base: -1}
	if exact {
		n.exact = foldText(s, false).s
	}
	return n
}

// aliasNeedle is the needle of an actor's other spelling s: a whole
// word, and in its own case if written in capitals (an acronym such as
// "US" is not the word "us").
func aliasNeedle(s string, exact bool) needle {
	n := newNeedle(s, exact || isCapitals(s))
	first, _ := utf8.DecodeRuneInString(n.lower)
	last, _ := utf8.DecodeLastRuneInString(n.lower)
	n.wordStart, n.wordEnd = isWordRune(first), isWordRune(last)
	return n
}

// isCapitals reports whether s has letters and all are upper case.
func isCapitals(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters = true
		}
	}
	return letters
}

// isWordRune reports whether r is part of a word: a letter, digit, mark
// or connector such as "_", as Unicode's word boundaries see it.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) || unicode.Is(unicode.Pc, r)
}

// wordBounded reports whether the folded text s[start:end] neither
// starts nor ends inside a word, as far as n asks. Folding keeps letters
// letters and drops marks, so the folded text is where to look: "æ"
// folds to "ae", inside which "e" is no word.
func (n needle) wordBounded(s string, start, end int) bool {
	if n.wordStart && start > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:start]); isWordRune(r) {
			return false
		}
	}
	if n.wordEnd && end < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[end:]); isWordRune(r) {
			return false
		}
	}
	return true
}

// normKey folds a spelling for comparing names: diacritics and outer
// space ignored, and case unless exact.
func normKey(s string, exact bool) string {
	return strings.TrimSpace(foldText(s, !exact).s)
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// Text returns the query as typed.
func (q Query) Text() string { return q.text }

// Empty reports whether q matches nothing because it has no text.
func (q Query) Empty() bool { return len(q.needles) == 0 }

// CaseSensitive reports whether q matches case exactly (it has an upper
// case letter).
func (q Query) CaseSensitive() bool { return q.exact }

// Actor returns the name of the actor q names, or "" if none.
func (q Query) Actor() string { return q.actor }

// Alternatives returns the actor's other spellings that q also matches,
// in the order the briefing lists them, for example to tell the reader
// "also Zelenskiy, Zelenskyy".
func (q Query) Alternatives() []string { return slices.Clone(q.alts) }

// FindAll returns the matches of q in text as byte ranges of text, in
// order and without overlap. Ranges start and end on rune boundaries and
// may span line breaks: to find phrases that wrap, pass a whole page
// (lines joined with "\n") rather than one line at a time. text may be
// any string, including invalid UTF-8.
func (q Query) FindAll(text string) []Range {
	if q.Empty() || text == "" {
		return nil
	}
	f := foldText(text, true)
	return q.findFolded(&f, text, nil, nil)
}

// finder holds scratch space for findFolded, to reuse from text to text.
type finder struct {
	occ [][]int
	at  []int
	all []Range
}

// findFolded appends the matches of q in the folded form f of orig. sc,
// if not nil, lends its space.
func (q Query) findFolded(f *folded, orig string, out []Range, sc *finder) []Range {
	if len(q.needles) == 1 {
		return q.findNeedle(q.needles[0], f, orig, out, nil, false)
	}
	if sc == nil {
		sc = &finder{}
	}
	// Every occurrence, overlapping ones too, of each needle that others
	// are derived from; then each needle's candidates.
	for len(sc.occ) < len(q.needles) {
		sc.occ = append(sc.occ, nil)
	}
	occ := sc.occ
	for i, n := range q.needles {
		if n.base < 0 {
			occ[i] = occurrences(f.s, n.lower, occ[i][:0])
		}
	}
	all := sc.all[:0]
	for i, n := range q.needles {
		starts := occ[i]
		if n.base >= 0 {
			sc.at = derive(f.s, n, occ[n.base], sc.at[:0])
			starts = sc.at
		}
		all = q.findNeedle(n, f, orig, all, starts, true)
	}
	sc.all = all
	return mergeMatches(all, out)
}

// mergeMatches sorts all, the matches of every spelling, and appends to
// out those that do not overlap an earlier one: leftmost first, and the
// longer of two that start together.
func mergeMatches(all, out []Range) []Range {
	slices.SortFunc(all, func(a, b Range) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	end := -1
	for _, r := range all {
		if r.Start >= end {
			out = append(out, r)
			end = r.End
		}
	}
	return out
}

// count returns the number of matches of q in f, which is what
// findFolded would find, without mapping them back when it can. sc, if
// not nil, lends findFolded its space.
func (q Query) count(f *folded, orig string, buf []Range, sc *finder) (int, []Range) {
	// One case-insensitive spelling in a text where every rune folds to
	// at most one: folded matches are the matches.
	if len(q.needles) == 1 && q.needles[0].exact == "" && !q.needles[0].wordStart && !q.needles[0].wordEnd && !f.multi {
		return countFolded(f.s, q.needles[0].lower), buf
	}
	buf = q.findFolded(f, orig, buf[:0], sc)
	return len(buf), buf
}

// occurrences appends to at where n occurs in s, overlapping
// occurrences included, in order.
func occurrences(s, n string, at []int) []int {
	for p := 0; p <= len(s)-len(n); {
		i := strings.Index(s[p:], n)
		if i < 0 {
			break
		}
		at = append(at, p+i)
		p += i + 1
	}
	return at
}

// derive appends to at where n occurs in s, in order, given every
// occurrence of its base.
func derive(s string, n needle, base []int, at []int) []int {
	for _, b := range base {
		for _, o := range n.offsets {
			if p := b - o; p >= 0 && strings.HasPrefix(s[p:], n.lower) {
				at = append(at, p)
			}
		}
	}
	if len(n.offsets) > 1 {
		slices.Sort(at)
		at = slices.Compact(at)
	}
	return at
}

// findNeedle appends the matches of one spelling. If listed, starts
// holds every occurrence of the spelling in f; otherwise they are looked
// for.
func (q Query) findNeedle(n needle, f *folded, orig string, out []Range, starts []int, listed bool) []Range {
	m := mapper{f: f}
	end := -1
	if len(out) > 0 {
		end = out[len(out)-1].End
	}
	first := len(out)
	for p := 0; p <= len(f.s)-len(n.lower); {
		fs := -1
		if !listed {
			if i := strings.Index(f.s[p:], n.lower); i >= 0 {
				fs = p + i
			}
		} else {
			for len(starts) > 0 && starts[0] < p {
				starts = starts[1:]
			}
			if len(starts) > 0 {
				fs = starts[0]
			}
		}
		if fs < 0 {
			break
		}
		fe := fs + len(n.lower)
		if !n.wordBounded(f.s, fs, fe) {
			p = fs + 1
			continue
		}
		r := Range{m.start(fs), m.end(fe)}
		// When case matters the candidate must also match exactly; if it
		// does not, a match may still start inside it.
		if n.exact != "" && !foldEqual(orig[r.Start:r.End], n.exact) {
			p = fs + 1
			continue
		}
		// Folding can make two separate folded matches share a rune of
		// the original (one "æ" is "ae"): keep the first.
		if len(out) > first && r.Start < end {
			p = fe
			continue
		}
		out = append(out, r)
		end = r.End
		p = fe
	}
	return out
}
