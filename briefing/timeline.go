package briefing

import (
	"slices"
	"strings"
)

// Chronology returns the indices of b.Timeline in date order; events of
// one date keep the order the briefing gives them. An event whose date is
// unknown sorts first.
func (b *Briefing) Chronology() []int {
	order := make([]int, len(b.Timeline))
	for i := range order {
		order[i] = i
	}
	return b.byDate(order)
}

// TopicEvents returns the indices of the events of b.Timeline that belong
// to the topic with id, in date order.
func (b *Briefing) TopicEvents(id string) []int {
	var out []int
	for i, ev := range b.Timeline {
		if slices.Contains(ev.Topics, id) {
			out = append(out, i)
		}
	}
	return b.byDate(out)
}

// byDate sorts indices of b.Timeline by date, stably.
func (b *Briefing) byDate(order []int) []int {
	slices.SortStableFunc(order, func(i, j int) int {
		di, dj := b.Timeline[i].Date, b.Timeline[j].Date
		switch {
		case di.Before(dj):
			return -1
		case dj.Before(di):
			return 1
		}
		return 0
	})
	return order
}

// CitationCount is how often a source is cited: the number of citation
// groups that name it, such as [@a; @b] counting once for a and once for
// b, in each topic and in all topics.
type CitationCount struct {
	Total   int
	ByTopic map[string]int
}

// CitationCounts counts, for every source id of b, the citation groups of
// the topics that cite it; a source named twice in one group counts once.
// It is the one definition of "how often cited" that print and the
// reader's views share. Sources never cited have a zero count.
func (b *Briefing) CitationCounts() map[string]CitationCount {
	counts := make(map[string]CitationCount, len(b.Sources))
	for _, s := range b.Sources {
		counts[s.ID] = CitationCount{ByTopic: map[string]int{}}
	}
	for _, t := range b.Topics {
		eachCitedKey(t, func(k string) {
			if cc, ok := counts[k]; ok {
				cc.Total++
				cc.ByTopic[t.ID]++
				counts[k] = cc
			}
		})
	}
	return counts
}

// TopicCitationCounts is CitationCounts for topic t alone: for each key
// its citation groups name, how many do, counted as CitationCounts
// counts them. It is quick, where CitationCounts reads every topic.
func TopicCitationCounts(t *Topic) map[string]int {
	counts := map[string]int{}
	eachCitedKey(t, func(k string) { counts[k]++ })
	return counts
}

// eachCitedKey calls f for each key of each citation group of t, once per
// group however often the group names it.
func eachCitedKey(t *Topic, f func(k string)) {
	for _, c := range t.Citations {
		for i, k := range c.Keys {
			if !slices.Contains(c.Keys[:i], k) {
				f(k)
			}
		}
	}
}

// PlainCited returns md, a short piece of Markdown such as a timeline
// event, as one line of plain text: each citation group becomes its
// numbered marker in brackets, as the reader shows it ("[1–2]"), taking
// the numbers from num (see SourceNumbers); emphasis marks and backslash
// escapes go, and line breaks become spaces. The result is not
// sanitised.
func PlainCited(md string, num map[string]int) string {
	return plainRange(md, 0, len(md), ScanCitations(md), num)
}

// plainRange is md[start:end] as one line of plain text, each of cites
// that lies within it as its numbered marker; cites are in order.
func plainRange(md string, start, end int, cites []Citation, num map[string]int) string {
	var out strings.Builder
	last := start
	for _, c := range cites {
		if c.Start < last || c.End > end {
			continue
		}
		out.WriteString(plainInline(md[last:c.Start]))
		out.WriteString("[" + Marker(c, num) + "]")
		last = c.End
	}
	out.WriteString(plainInline(md[last:end]))
	return strings.Join(strings.Fields(out.String()), " ")
}
