package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"brief/briefing"
	"brief/internal/search"
)

// The lists print writes instead of the text: --timeline, --actors and
// --sources, plain or as JSON Lines. Every string from the briefing goes
// through briefing.Sanitize, in JSON too, where C1 controls would
// otherwise pass unescaped.

// jsonEvent is one line of print --timeline --json.
type jsonEvent struct {
	Date      string   `json:"date"`
	Precision string   `json:"precision"`
	Text      string   `json:"text"`
	Topics    []string `json:"topics"`
	Sources   []string `json:"sources"`
	Citations []int    `json:"citations"`
	File      string   `json:"file"`
	Line      int      `json:"line"`
}

// jsonActor is one line of print --actors --json.
type jsonActor struct {
	Name     string         `json:"name"`
	Role     string         `json:"role"`
	Aliases  []string       `json:"aliases"`
	Mentions int            `json:"mentions"`
	ByTopic  map[string]int `json:"by_topic"`
	Timeline int            `json:"timeline"`
}

// jsonSource is one line of print --sources --json.
type jsonSource struct {
	Number   int            `json:"number"`
	ID       string         `json:"id"`
	Title    string         `json:"title"`
	Outlet   string         `json:"outlet"`
	Author   string         `json:"author"`
	Date     string         `json:"date"`
	DateNote string         `json:"date_note"`
	Kind     string         `json:"kind"`
	URL      string         `json:"url"`
	Cited    int            `json:"cited"`
	ByTopic  map[string]int `json:"by_topic"`
}

func precision(d briefing.Date) string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return "year"
	case d.Day == 0:
		return "month"
	}
	return "day"
}

func sanitizeAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = briefing.Sanitize(s)
	}
	return out
}

// oneLine makes text from the briefing safe and single-line for plain
// output.
func oneLine(s string) string {
	return strings.Join(strings.Fields(briefing.Sanitize(s)), " ")
}

// citationNumbers lists the numbers of the sources ids that exist, in
// order.
func citationNumbers(ids []string, num map[string]int) []int {
	out := []int{}
	for _, id := range ids {
		if n, ok := num[id]; ok {
			out = append(out, n)
		}
	}
	sort.Ints(out)
	return out
}

// writeTimeline writes the events in date order: the date at its
// precision, the text with numbered citations, and the topics.
func writeTimeline(w io.Writer, b *briefing.Briefing, asJSON bool) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	num := b.SourceNumbers()
	for _, i := range b.Chronology() {
		ev := b.Timeline[i]
		text := briefing.PlainCited(ev.Text, num)
		if asJSON {
			err := enc.Encode(jsonEvent{Date: ev.Date.String(), Precision: precision(ev.Date), Text: briefing.Sanitize(text),
				Topics: sanitizeAll(ev.Topics), Sources: sanitizeAll(ev.Sources), Citations: citationNumbers(ev.Sources, num),
				File: briefing.Sanitize(ev.Pos.File), Line: ev.Pos.Line})
			if err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(bw, "%-10s  %s", ev.Date.String(), oneLine(text))
		var titles []string
		for _, id := range ev.Topics {
			if t := b.Topic(id); t != nil {
				titles = append(titles, oneLine(t.Title))
			} else {
				titles = append(titles, oneLine(id))
			}
		}
		if len(titles) > 0 {
			fmt.Fprintf(bw, "  (%s)", strings.Join(titles, "; "))
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// writeActors writes each actor with role, aliases and how many passages
// name them, counted by the search index as the reader counts them.
func writeActors(w io.Writer, b *briefing.Briefing, asJSON bool) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	ix := search.NewIndex(b)
	for _, a := range b.Actors {
		c := ix.Count(search.Compile(a.Name, b.Actors))
		if asJSON {
			by := map[string]int{}
			for id, n := range c.ByTopic {
				by[briefing.Sanitize(id)] = n
			}
			err := enc.Encode(jsonActor{Name: briefing.Sanitize(a.Name), Role: briefing.Sanitize(a.Role),
				Aliases: sanitizeAll(a.Aliases), Mentions: c.Total, ByTopic: by, Timeline: c.Timeline})
			if err != nil {
				return err
			}
			continue
		}
		line := oneLine(a.Name)
		if a.Role != "" {
			line += " — " + oneLine(a.Role)
		}
		fmt.Fprintln(bw, line)
		if len(a.Aliases) > 0 {
			var as []string
			for _, s := range a.Aliases {
				as = append(as, oneLine(s))
			}
			fmt.Fprintf(bw, "    also: %s\n", strings.Join(as, ", "))
		}
		fmt.Fprintf(bw, "    named in %s\n", mentions(c))
	}
	return bw.Flush()
}

// mentions says how many passages a search found and where: "12
// passages: 9 in 3 topics, 3 in the timeline".
func mentions(c search.Counts) string {
	s := fmt.Sprintf("%d %s", c.Total, plural(c.Total, "passage", "passages"))
	var parts []string
	if n := len(c.ByTopic); n > 0 {
		parts = append(parts, fmt.Sprintf("%d in %d %s", c.Total-c.Timeline, n, plural(n, "topic", "topics")))
	}
	if c.Timeline > 0 {
		parts = append(parts, fmt.Sprintf("%d in the timeline", c.Timeline))
	}
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, ", ")
	}
	return s
}

// writeSources writes every source, numbered as everywhere, with how
// often it is cited (briefing.CitationCounts), in all and per topic.
func writeSourceList(w io.Writer, b *briefing.Briefing, asJSON bool) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	counts := b.CitationCounts()
	num := b.SourceNumbers()
	for i, s := range b.Sources {
		if num[s.ID] != i+1 {
			continue // a second source with one id is never cited
		}
		cc := counts[s.ID]
		if asJSON {
			by := map[string]int{}
			for id, n := range cc.ByTopic {
				by[briefing.Sanitize(id)] = n
			}
			err := enc.Encode(jsonSource{Number: i + 1, ID: briefing.Sanitize(s.ID), Title: briefing.Sanitize(s.Title),
				Outlet: briefing.Sanitize(s.Outlet), Author: briefing.Sanitize(s.Author), Date: s.Date.String(),
				DateNote: briefing.Sanitize(s.DateNote), Kind: briefing.Sanitize(string(s.Kind)), URL: briefing.Sanitize(s.URL),
				Cited: cc.Total, ByTopic: by})
			if err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(bw, "[%d] %s\n", i+1, oneLine(briefing.SourceLine(s)))
		fmt.Fprintf(bw, "    cited %d %s", cc.Total, plural(cc.Total, "time", "times"))
		var parts []string
		for _, t := range b.Topics {
			if n := cc.ByTopic[t.ID]; n > 0 {
				parts = append(parts, fmt.Sprintf("%d in %s", n, oneLine(t.Title)))
			}
		}
		if len(parts) > 0 {
			fmt.Fprintf(bw, ": %s", strings.Join(parts, "; "))
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
