package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"brief/briefing"
)

// toggleAbout shows or hides the summary page; the first time, it starts
// counting the briefing's claims for the provenance, which takes a parse
// of every topic and so runs off the update loop.
func (m Model) toggleAbout() (Model, tea.Cmd) {
	count := m.askProvenance()
	m, cmd := m.showAbout(!m.about)
	return m, tea.Batch(cmd, count)
}

// askProvenance starts counting the briefing's claims, unless it has.
func (m *Model) askProvenance() tea.Cmd {
	if m.provAsked {
		return nil
	}
	m.provAsked = true
	m.prov = m.b.SourceProvenance()
	b := m.b
	return func() tea.Msg { return provenanceMsg{p: b.Provenance()} }
}

// provenanceCounted shows the counted provenance on the summary page.
func (m Model) provenanceCounted(msg provenanceMsg) (Model, tea.Cmd) {
	m.prov, m.provCounted = msg.p, true
	for k := range m.inflight {
		if k.topic == aboutTopic {
			// A render of the summary without the count is under way;
			// a new one would share its key: wait for it to come back.
			m.provStale = true
			return m, nil
		}
	}
	return m.renewAbout()
}

// renewAbout renders the summary page again, with the provenance counted.
func (m Model) renewAbout() (Model, tea.Cmd) {
	m.provStale = false
	delete(m.texts, aboutTopic)
	m.cache.forget(aboutTopic)
	if !m.about {
		return m, nil
	}
	return m, m.refresh()
}

// provenanceMarkdown is the provenance section of the summary page:
// sources and outlets, their dates, and how many claims two or more
// sources back.
func (m Model) provenanceMarkdown() string {
	if !m.provAsked {
		return ""
	}
	p := m.prov
	var b strings.Builder
	b.WriteString("## Provenance\n\n")
	fmt.Fprintf(&b, "- %d %s from %d %s (an unnamed outlet counts as one of its own).\n",
		p.Sources, plural(p.Sources, "source", "sources"), p.Outlets, plural(p.Outlets, "outlet", "outlets"))
	if !p.First.IsZero() {
		date := func(d briefing.Date, inferred bool) string {
			if inferred {
				return d.Long() + " (inferred)"
			}
			return d.Long()
		}
		if p.First == p.Last {
			fmt.Fprintf(&b, "- Dated %s.\n", date(p.First, p.FirstInferred))
		} else {
			fmt.Fprintf(&b, "- Dated from %s to %s.\n", date(p.First, p.FirstInferred), date(p.Last, p.LastInferred))
		}
	}
	switch {
	case !m.provCounted:
		b.WriteString("- Claims: counting…\n")
	case p.Claims == 0:
		b.WriteString("- No paragraph or list item carries a citation.\n")
	default:
		fmt.Fprintf(&b, "- %d%% of %d %s backed by two or more sources (%d); the others are marked %s in the margin.\n",
			(p.Corroborated*100+p.Claims/2)/p.Claims, p.Claims, plural(p.Claims, "claim is", "claims are"), p.Corroborated, singleMark)
	}
	return b.String()
}
