package briefing

import (
	"slices"
	"strconv"
	"strings"
)

// Cited returns the topic's body ready to be shown: each citation group
// such as [@a; @b] becomes a compact numbered marker such as [1–2], and a
// "Sources" section listing the cited sources ends the text. Sources are
// numbered once per briefing, in the order of b.Sources, so that a source
// has one number on every page. refs holds the cited sources in number
// order. An id that names no source stays visible as [?id].
//
// A topic with events on the timeline ends with a line that says how
// many, such as "On the timeline: 3 events", after the sources.
func (b *Briefing) Cited(t *Topic) (md string, refs []Source) {
	num := b.SourceNumbers()
	body, cited := markCitations(t.Body, t.Citations, num)
	events := len(b.TopicEvents(t.ID))
	if len(cited) == 0 && events == 0 {
		return body, nil
	}
	var out strings.Builder
	out.WriteString(strings.TrimRight(body, "\n"))
	if len(cited) > 0 {
		out.WriteString("\n\n## Sources\n\n")
		writeSources(&out, b.Sources, cited)
	}
	if events > 0 {
		out.WriteString("\n\n" + TimelineLine(events) + "\n")
	}
	for _, n := range cited {
		refs = append(refs, b.Sources[n-1])
	}
	return out.String(), refs
}

// TimelinePrefix starts the line that ends a topic with events on the
// timeline, so that the reader can tell it from the topic's own text.
const TimelinePrefix = "On the timeline: "

// TimelineLine is the line that ends a topic with n events on the
// timeline.
func TimelineLine(n int) string {
	if n == 1 {
		return TimelinePrefix + "1 event"
	}
	return TimelinePrefix + strconv.Itoa(n) + " events"
}

// SourceNumbers numbers b's sources from 1 in the order of b.Sources, by
// id; of two sources with one id, the first is the one cited.
func (b *Briefing) SourceNumbers() map[string]int {
	num := make(map[string]int, len(b.Sources))
	for i, s := range b.Sources {
		if _, ok := num[s.ID]; !ok {
			num[s.ID] = i + 1
		}
	}
	return num
}

// markCitations replaces the citation groups cs of md by numbered
// markers, the numbers taken from num, and returns the numbers cited,
// sorted.
func markCitations(md string, cs []Citation, num map[string]int) (string, []int) {
	var out strings.Builder
	out.Grow(len(md) + 256)
	last := 0
	seen := map[int]bool{}
	for _, c := range cs {
		if c.Start < last || c.End <= c.Start || c.End > len(md) {
			continue // offsets that do not fit the text are left as text
		}
		out.WriteString(md[last:c.Start])
		last = c.End
		// Escaped brackets so that Markdown never reads a marker as a link.
		out.WriteString(`\[` + marker(c, num, escapeInline) + `\]`)
		for _, k := range c.Keys {
			if n, ok := num[k]; ok {
				seen[n] = true
			}
		}
	}
	out.WriteString(md[last:])
	cited := make([]int, 0, len(seen))
	for n := range seen {
		cited = append(cited, n)
	}
	slices.Sort(cited)
	return out.String(), cited
}

// Marker is the inside of the marker that stands for citation group c in
// plain text, as the reader numbers it with num.
func Marker(c Citation, num map[string]int) string {
	return marker(c, num, func(s string) string { return s })
}

// marker is the inside of the marker that stands for citation group c:
// its source numbers, taken from num, sorted with runs shortened ("1,
// 3–5"). When the author wrote a prefix or a locator, each such cite is
// shown as written with its number, and the parts are joined by "; "
// ("see 1, p. 3; 2–3"). An id that names no source shows as "?id". esc
// makes text from the briefing literal in the output.
func marker(c Citation, num map[string]int, esc func(string) string) string {
	type cite struct{ key, pre, loc string }
	var cites []cite
	for i, k := range c.Keys {
		ct := cite{key: k}
		if c.Prefixes != nil {
			ct.pre, ct.loc = c.Prefixes[i], c.Locators[i]
		}
		if !slices.Contains(cites, ct) {
			cites = append(cites, ct)
		}
	}
	var parts, bare []string
	flush := func() {
		if len(bare) > 0 {
			parts = append(parts, numbers(bare, num, esc))
			bare = nil
		}
	}
	for _, ct := range cites {
		if ct.pre == "" && ct.loc == "" {
			bare = append(bare, ct.key)
			continue
		}
		flush()
		p := numbers([]string{ct.key}, num, esc)
		if ct.pre != "" {
			p = esc(ct.pre) + " " + p
		}
		if ct.loc != "" {
			p += ", " + esc(ct.loc)
		}
		parts = append(parts, p)
	}
	flush()
	return strings.Join(parts, "; ")
}

// numbers lists the numbers of the sources keys, sorted with runs
// shortened ("1, 3–5"), then the keys that name no source ("?id").
func numbers(keys []string, num map[string]int, esc func(string) string) string {
	var ns []int
	var unknown []string
	for _, k := range keys {
		if n, ok := num[k]; ok {
			ns = append(ns, n)
		} else if u := "?" + esc(k); !slices.Contains(unknown, u) {
			unknown = append(unknown, u)
		}
	}
	slices.Sort(ns)
	ns = slices.Compact(ns)
	var parts []string
	for i := 0; i < len(ns); {
		j := i
		for j+1 < len(ns) && ns[j+1] == ns[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, strconv.Itoa(ns[i])+"–"+strconv.Itoa(ns[j]))
		} else {
			parts = append(parts, strconv.Itoa(ns[i]))
		}
		i = j + 1
	}
	return strings.Join(append(parts, unknown...), ", ")
}

// writeSources writes the sources numbered nums (sorted, from 1) of srcs
// as Markdown ordered lists, one list for each run of consecutive numbers:
// a list numbers its items one after the other from its first.
func writeSources(out *strings.Builder, srcs []Source, nums []int) {
	delim := "."
	for i, n := range nums {
		if i > 0 && n != nums[i-1]+1 {
			// A new delimiter starts a new list, with its own first number.
			out.WriteString("\n")
			delim = map[string]string{".": ")", ")": "."}[delim]
		}
		out.WriteString(strconv.Itoa(n) + delim + " " + sourceEntry(srcs[n-1]) + "\n")
	}
}

// sourceEntry formats a source the same way wherever it is listed:
// outlet, author, title, date with its note, kind and URL, as in
// "Reuters, by Ann Lee, *Talks resume*, 25 January 2026 (inferred); news;
// https://…".
func sourceEntry(s Source) string {
	return formatSource(s, escapeInline, func(t string) string { return "*" + escapeInline(t) + "*" }, urlText)
}

// SourceLine formats a source as plain text, in the order of the source
// lists: "Reuters, by Ann Lee, “Talks resume”, 25 January 2026
// (inferred); news; https://…". It is not sanitised.
func SourceLine(s Source) string {
	same := func(t string) string { return t }
	return formatSource(s, same, func(t string) string { return "“" + t + "”" }, same)
}

// formatSource lays out a source's fields; esc, title and url write text,
// the title and the URL.
func formatSource(s Source, esc, title, url func(string) string) string {
	var parts []string
	if s.Outlet != "" {
		parts = append(parts, esc(s.Outlet))
	}
	if s.Author != "" {
		parts = append(parts, "by "+esc(s.Author))
	}
	if s.Title != "" {
		parts = append(parts, title(s.Title))
	}
	if d := s.Date.Long(); d != "" {
		if s.DateNote != "" {
			d += " (" + esc(s.DateNote) + ")"
		}
		parts = append(parts, d)
	} else if s.DateNote != "" {
		parts = append(parts, esc(s.DateNote))
	}
	line := strings.Join(parts, ", ")
	if line == "" {
		line = esc(s.ID)
	}
	if s.Kind != "" {
		line += "; " + esc(string(s.Kind))
	}
	if s.URL != "" {
		line += "; " + url(s.URL)
	}
	return line
}

// urlText writes a URL as an autolink, which the reader can open, when
// it is a web or mail address that makes one; else as literal text.
func urlText(u string) string {
	web := strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "mailto:")
	if !web || strings.ContainsFunc(u, func(r rune) bool { return r <= ' ' || strings.ContainsRune("<>\\`", r) || IsControl(r) }) {
		return escapeInline(u)
	}
	return "<" + u + ">"
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
func (b *Briefing) About() string { return b.AboutWith("") }

// AboutWith is About with extra Markdown, such as the briefing's
// provenance, between the summary and the sources.
func (b *Briefing) AboutWith(extra string) string {
	var out strings.Builder
	out.WriteString("# " + escapeInline(b.Title) + "\n\n")
	if b.Subtitle != "" {
		out.WriteString("*" + escapeInline(b.Subtitle) + "*\n\n")
	}
	if d := b.AsOf.Long(); d != "" {
		out.WriteString("As of " + d + ".\n\n")
	}
	num := b.SourceNumbers()
	if b.Summary != "" {
		summary, _ := markCitations(b.Summary, ScanCitations(b.Summary), num)
		out.WriteString(strings.TrimRight(summary, "\n") + "\n\n")
	}
	if extra != "" {
		out.WriteString(strings.TrimRight(extra, "\n") + "\n\n")
	}
	if len(b.Sources) > 0 {
		out.WriteString("## Sources\n\n")
		all := make([]int, len(b.Sources))
		for i := range all {
			all[i] = i + 1
		}
		writeSources(&out, b.Sources, all)
	}
	return out.String()
}
