package briefing

import (
	"strings"
)

// A text may carry its citations as footnotes, as brief export --format md
// writes them: a reference such as [^3] in the running text, and at the end
// of the text a line "[^3]: [@a, "…"] 1. Outlet, …" whose group is the
// citation. Loading puts each group back in place of its references, so
// that the reader, the checks and the evidence views see ordinary
// citations; positions still point where the group was written.

// noteSpan is a group put in place of a reference: Body[start:end] is the
// text of the original at orig.
type noteSpan struct {
	start, end, orig int
	// shift is how much longer the text is, up to end, than the original.
	shift int
}

// unfootnote puts the citation groups of the footnotes that end text in
// place of their references and drops those footnotes. A footnote that
// does not open with a citation group, and every footnote above it, is
// left as written. When text has no such footnote it is returned as it is
// and spans is nil.
func unfootnote(text string) (out string, spans []noteSpan) {
	if !strings.Contains(text, "[^") {
		return text, nil
	}
	groups := map[string][2]int{} // label to the group's range in text
	end := len(strings.TrimRight(text, " \t\n"))
	for end > 0 {
		ls := strings.LastIndexByte(text[:end], '\n') + 1
		line := text[ls:end]
		if strings.TrimSpace(line) == "" {
			end = max(ls-1, 0)
			continue
		}
		label, ok := noteLabel(line)
		if !ok {
			break
		}
		at := ls + len(label) + 2
		c, ok := CitationAt(text, at)
		if !ok || c.End > end {
			break
		}
		groups[label] = [2]int{c.Start, c.End}
		end = max(ls-1, 0)
	}
	if len(groups) == 0 {
		return text, nil
	}
	var b strings.Builder
	body := text[:end]
	last, shift := 0, 0
	for i := 0; i < len(body); {
		j := strings.Index(body[i:], "[^")
		if j < 0 {
			break
		}
		i += j
		k := strings.IndexByte(body[i:], ']')
		g, ok := groups[body[i:max(i+k+1, i)]]
		if k < 0 || !ok {
			i += 2
			continue
		}
		b.WriteString(body[last:i])
		start := b.Len()
		b.WriteString(text[g[0]:g[1]])
		shift += (g[1] - g[0]) - (k + 1)
		spans = append(spans, noteSpan{start: start, end: b.Len(), orig: g[0], shift: shift})
		i += k + 1
		last = i
	}
	if spans == nil {
		return text, nil // footnotes with no reference: nothing to put back
	}
	b.WriteString(body[last:])
	b.WriteString("\n")
	return b.String(), spans
}

// noteLabel returns the label of the footnote line starts, such as [^3],
// if it is one followed by ": ".
func noteLabel(line string) (string, bool) {
	if !strings.HasPrefix(line, "[^") {
		return "", false
	}
	k := strings.Index(line, "]: ")
	if k < 3 || strings.ContainsAny(line[2:k], " \t[]") {
		return "", false
	}
	return line[:k+1], true
}

// origOffset maps an offset of a text unfootnote rewrote to the offset in
// the text as written: inside a group, into the footnote it came from.
func origOffset(spans []noteSpan, off int) int {
	shift := 0
	for _, s := range spans {
		if off < s.start {
			break
		}
		if off < s.end {
			return s.orig + off - s.start
		}
		shift = s.shift
	}
	return off - shift
}
