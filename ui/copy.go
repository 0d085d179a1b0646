package ui

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	tea "charm.land/bubbletea/v2"

	"brief/briefing"
)

// copyClaim copies the claim under the cursor with its sources, as a
// plain-text reference, to the clipboard (OSC 52).
func (m Model) copyClaim() (Model, tea.Cmd) {
	if !m.cite.on || m.reader.cites == nil {
		return m, nil
	}
	_, claim, cites := m.citeAt()
	ref, n := claimReference(m.b, claim, cites)
	m.notice = fmt.Sprintf("Copied the claim and its %d %s", n, plural(n, "source", "sources"))
	return m, tea.SetClipboard(ref)
}

// claimReference is claim followed by the sources cites draw on, one a
// line in number order with their excerpts, and how many sources.
func claimReference(b *briefing.Briefing, claim string, cites []briefing.Citation) (string, int) {
	var out strings.Builder
	out.WriteString(claim + "\n")
	n := 0
	for _, e := range citedSources(b, cites) {
		n++
		fmt.Fprintf(&out, "\n[%d] %s\n", e.num, e.src.Reference())
		for _, x := range e.excerpts {
			fmt.Fprintf(&out, "    \u201c%s\u201d\n", cleanLine(briefing.Sanitize(x)))
		}
	}
	return out.String(), n
}

// citedSource is one source of a group of citations, with its number and
// the excerpts cited from it.
type citedSource struct {
	num      int
	src      briefing.Source
	id       string
	known    bool
	excerpts []string
}

// citedSources lists the distinct sources of cites in number order; an
// id that names no source comes last, unnumbered.
func citedSources(b *briefing.Briefing, cites []briefing.Citation) []citedSource {
	num := b.SourceNumbers()
	var out []citedSource
	at := map[string]int{}
	for _, c := range cites {
		for i, id := range c.Keys {
			j, ok := at[id]
			if !ok {
				s, known := b.Source(id)
				j, at[id] = len(out), len(out)
				out = append(out, citedSource{num: num[id], src: s, id: id, known: known})
			}
			if i < len(c.Excerpts) && strings.TrimSpace(c.Excerpts[i]) != "" && !slices.Contains(out[j].excerpts, c.Excerpts[i]) {
				out[j].excerpts = append(out[j].excerpts, c.Excerpts[i])
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].known != out[j].known {
			return out[i].known
		}
		return out[i].num < out[j].num
	})
	return out
}

// copyTopic copies the current topic as Markdown, its citations resolved
// to a numbered list of sources.
func (m Model) copyTopic() (Model, tea.Cmd) {
	if m.about || len(m.b.Topics) == 0 {
		return m, nil
	}
	t := m.b.Topics[m.current]
	md, refs := m.b.Cited(t)
	md = "# " + cleanLine(t.Title) + "\n\n" + strings.TrimRight(md, "\n") + "\n"
	m.notice = fmt.Sprintf("Copied %q as Markdown with %d %s", m.titles[m.current], len(refs), plural(len(refs), "source", "sources"))
	return m, tea.SetClipboard(md)
}
