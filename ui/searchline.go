package ui

import (
	"fmt"
	"slices"
	"strings"

	"brief/internal/search"
)

// searchStatus is the search's counts, for the search line and footer:
// "2/5 here · 14 in 6 topics", and the other spellings searched. A match
// is one in a topic's own text (not the source list the reader appends)
// or in a timeline event: what the index finds, the results list shows,
// and n and N visit.
func (m Model) searchStatus() string {
	s, hl := m.search, m.reader.hl
	if s.query.Empty() {
		return ""
	}
	var parts []string
	switch {
	case !hl.valid:
	case hl.count() == 0:
		parts = append(parts, "none here")
	case hl.cur >= 0:
		parts = append(parts, fmt.Sprintf("%d/%d here", hl.cur+1, hl.count()))
		if mk := hl.inExcerpt(hl.cur); mk != "" {
			// The excerpt is hidden in the text: its marker stands for it.
			parts = append(parts, "in excerpt "+cleanLine(mk))
		}
	default:
		parts = append(parts, fmt.Sprintf("%d here", hl.count()))
	}
	// While typing, with no match ahead here, where enter would go.
	if m.focus == focusSearch && hl.valid && hl.cur < 0 && s.counted && s.counts.Total > 0 {
		if next := m.nextPlace(); next != "" {
			parts = append(parts, "next in "+next)
		}
	}
	switch {
	case !s.counted:
		parts = append(parts, "counting…")
	case s.counts.Total == 0:
		parts = []string{"no matches"}
	default:
		parts = append(parts, countLine(s.counts))
	}
	if alts := spellings(s.query); len(alts) > 0 {
		parts = append(parts, "also: "+strings.Join(alts, ", "))
	}
	return strings.Join(parts, " · ")
}

// countLine says how many matches there are and where: "5 in 4 topics
// and the timeline"; the timeline is no topic.
func countLine(c search.Counts) string {
	n := len(c.ByTopic)
	topics := fmt.Sprintf("%d in %d %s", c.Total, n, plural(n, "topic", "topics"))
	switch {
	case c.Timeline == 0:
		return topics
	case n == 0:
		return fmt.Sprintf("%d in the timeline", c.Total)
	}
	return topics + " and the timeline"
}

// nextPlace names the topic (or the timeline) after the place where the
// search began that has a match, where enter goes when this page has
// none below the place.
func (m Model) nextPlace() string {
	s, nt := m.search, len(m.b.Topics)
	from := s.placeTopic
	if s.placeAbout {
		from = -1
	}
	for p := from + 1; p < nt; p++ {
		if s.counts.ByTopic[m.b.Topics[p].ID] > 0 {
			return m.titles[p]
		}
	}
	if s.counts.Timeline > 0 {
		return "the timeline"
	}
	for p := 0; p <= from && p < nt; p++ {
		if s.counts.ByTopic[m.b.Topics[p].ID] > 0 {
			return m.titles[p]
		}
	}
	return ""
}

// spellings are the other spellings q matched, less those that only add
// a first name to another: "also: Zelenskiy, Zelenskyy" for "zelensky",
// not "Volodymyr Zelensky" too.
func spellings(q search.Query) []string {
	alts := q.Alternatives()
	names := append([]string{q.Text()}, alts...)
	var out []string
	for _, a := range alts {
		a = cleanLine(a)
		if same(q.Text(), a) {
			continue
		}
		if sp := strings.LastIndexByte(a, ' '); sp >= 0 {
			if slices.ContainsFunc(names, func(n string) bool { return same(n, a[sp+1:]) }) {
				continue
			}
		}
		out = append(out, a)
	}
	return out
}

// same reports whether two spellings are the same but for case and
// diacritics.
func same(a, b string) bool {
	r := search.Compile(strings.ToLower(a), nil).FindAll(b)
	return len(r) == 1 && r[0].Start == 0 && r[0].End == len(b)
}

// searchLine is the footer while the search line has focus, or while a
// search is kept.
func (m Model) searchLine() string {
	status := m.searchStatus()
	if m.focus == focusSearch {
		line := " " + m.search.input.View()
		if status != "" {
			line += "  " + m.st.footerInfo.Render(status)
		}
		return line
	}
	return " " + m.st.footerInfo.Render("/"+cleanLine(m.search.query.Text())+"  "+status)
}
