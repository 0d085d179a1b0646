package briefing

import (
	"strconv"
	"strings"
)

// Cited returns the topic's body ready to be shown: each citation group
// such as [@a; @b] becomes compact numbered markers such as [1, 2],
// numbered in order of first appearance in the topic, and a "Sources"
// section listing the cited sources ends the text. refs holds the cited
// sources in number order (refs[0] is [1]). An id that names no source
// stays visible as [?id] and gets no number.
func (b *Briefing) Cited(t *Topic) (md string, refs []Source) {
	body, refs := b.markCitations(t, map[string]int{})
	if len(refs) == 0 {
		return body, nil
	}
	var out strings.Builder
	out.WriteString(strings.TrimRight(body, "\n"))
	out.WriteString("\n\n## Sources\n\n")
	for i, s := range refs {
		out.WriteString(strconv.Itoa(i+1) + ". " + sourceLine(s) + "\n")
	}
	return out.String(), refs
}

// markCitations replaces t's citation groups by numbered markers and
// returns the newly numbered sources in number order. num holds the
// numbers already given, by source id; new ones follow on.
func (b *Briefing) markCitations(t *Topic, num map[string]int) (md string, refs []Source) {
	var out strings.Builder
	out.Grow(len(t.Body) + 256)
	last := 0
	for _, c := range t.Citations {
		if c.Start < last || c.End <= c.Start || c.End > len(t.Body) {
			continue // offsets that do not fit the body are left as text
		}
		out.WriteString(t.Body[last:c.Start])
		last = c.End
		var marks []string
		seen := map[string]bool{}
		for _, id := range c.Keys {
			if seen[id] {
				continue
			}
			seen[id] = true
			if n, ok := num[id]; ok {
				marks = append(marks, strconv.Itoa(n))
				continue
			}
			s, ok := b.Source(id)
			if !ok {
				marks = append(marks, "?"+escapeInline(id))
				continue
			}
			refs = append(refs, s)
			num[id] = len(num) + 1
			marks = append(marks, strconv.Itoa(num[id]))
		}
		// Escaped brackets so that Markdown never reads a marker as a link.
		out.WriteString(`\[` + strings.Join(marks, ", ") + `\]`)
	}
	out.WriteString(t.Body[last:])
	return out.String(), refs
}

// sourceLine formats a source as "Outlet, *Title*, 25 January 2026 (note)".
func sourceLine(s Source) string {
	var parts []string
	if s.Outlet != "" {
		parts = append(parts, escapeInline(s.Outlet))
	}
	if s.Title != "" {
		parts = append(parts, "*"+escapeInline(s.Title)+"*")
	}
	if d := s.Date.Long(); d != "" {
		if s.DateNote != "" {
			d += " (" + escapeInline(s.DateNote) + ")"
		}
		parts = append(parts, d)
	} else if s.DateNote != "" {
		parts = append(parts, escapeInline(s.DateNote))
	}
	if len(parts) == 0 {
		return escapeInline(s.ID)
	}
	return strings.Join(parts, ", ")
}

// escapeInline makes s literal text in Markdown inline context, and keeps
// it on one line so that it cannot start a block.
func escapeInline(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case strings.ContainsRune("\\`*_{}[]<>()#+-.!|~&", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// About returns the briefing's front page in Markdown: title, subtitle,
// as-of date, the summary with its citations as numbered markers, and
// every source the briefing draws on.
func (b *Briefing) About() string {
	var out strings.Builder
	out.WriteString("# " + escapeInline(b.Title) + "\n\n")
	if b.Subtitle != "" {
		out.WriteString("*" + escapeInline(b.Subtitle) + "*\n\n")
	}
	if d := b.AsOf.Long(); d != "" {
		out.WriteString("As of " + d + ".\n\n")
	}
	// The summary's markers number the sources in the order of the list
	// below, which holds every source, cited in the summary or not.
	if b.Summary != "" {
		num := make(map[string]int, len(b.Sources))
		for i, s := range b.Sources {
			num[s.ID] = i + 1
		}
		summary, _ := b.markCitations(&Topic{Body: b.Summary, Citations: ScanCitations(b.Summary)}, num)
		out.WriteString(strings.TrimRight(summary, "\n") + "\n\n")
	}
	if len(b.Sources) > 0 {
		out.WriteString("## Sources\n\n")
		for _, s := range b.Sources {
			line := "1. " + sourceLine(s)
			if s.Author != "" {
				line += "; by " + escapeInline(s.Author)
			}
			if s.Kind != "" {
				line += "; " + string(s.Kind)
			}
			if s.URL != "" {
				line += "; " + escapeInline(s.URL)
			}
			out.WriteString(line + "\n")
		}
	}
	return out.String()
}
