package briefing

import (
	"fmt"
	"strings"
)

// assembly is a briefing being put together from its parts.
type assembly struct {
	meta meta
	// metaOK is false when the briefing's fields could not be read, so
	// that citations are not all reported as naming unknown sources.
	metaOK bool
	topics []*topicInfo
	// present holds the id of every topic file or section, including
	// those skipped because of errors.
	present map[string]bool
	// extra holds citations outside topics, in a single file's summary.
	extra []ref
	// single is true for a single-file briefing.
	single bool
}

// assemble builds the briefing and checks its cross-references.
func (l *loader) assemble(a *assembly) *Briefing {
	m := a.meta
	b := &Briefing{
		Title:    m.title,
		Subtitle: m.subtitle,
		AsOf:     m.asOf,
		Summary:  m.summary,
		Timeline: m.timeline,
		Actors:   m.actors,
	}

	// Sources, without duplicates.
	firstSource := map[string]Pos{}
	for _, s := range m.sources {
		if p, dup := firstSource[s.ID]; dup {
			l.diags.errorf(s.Pos, "duplicate source id %q (first at %s)", s.ID, p)
			continue
		}
		firstSource[s.ID] = s.Pos
		b.Sources = append(b.Sources, s)
	}

	b.Topics = l.orderTopics(a)

	// Citations must name known sources; every source should be cited.
	cited := map[string]bool{}
	suggestions := 0
	suggest := func(id string) string {
		// Suggestions cost a pass over the sources; a briefing with
		// thousands of bad citations gets them for the first few only.
		if suggestions++; suggestions > maxSuggestions {
			return ""
		}
		return didYouMean(id, firstSource)
	}
	cite := func(key string, p Pos) {
		cited[key] = true
		if _, ok := firstSource[key]; !ok && a.metaOK {
			l.diags.errorf(p, "unknown source %q%s", key, suggest(key))
		}
	}
	for _, ti := range a.topics {
		for i, c := range ti.t.Citations {
			for j, k := range c.Keys {
				cite(k, ti.keyPos[i][j])
			}
		}
	}
	for _, r := range a.extra {
		cite(r.ID, r.Pos)
	}
	if m.summaryPos.Line != 0 {
		for _, c := range l.citations(m.summary) {
			for _, k := range c.Keys {
				cite(k, m.summaryPos)
			}
		}
	}
	for i, e := range m.timeline {
		for _, c := range l.citations(e.Text) {
			for _, k := range c.Keys {
				cite(k, e.Pos)
			}
		}
		for _, r := range m.eventTopics[i] {
			if !a.present[r.ID] {
				l.diags.errorf(r.Pos, "timeline entry names unknown topic %q", r.ID)
			}
		}
		for _, r := range m.eventSources[i] {
			cited[r.ID] = true
			if _, ok := firstSource[r.ID]; !ok {
				l.diags.errorf(r.Pos, "timeline entry names unknown source %q%s", r.ID, suggest(r.ID))
			}
		}
	}
	for _, s := range b.Sources {
		if l.check && !cited[s.ID] {
			l.diags.warn(s.Pos, "source %q is never cited", s.ID)
		}
	}
	if len(b.Topics) == 0 && len(l.diags.Errors()) == 0 {
		l.diags.warn(Pos{File: m.file}, "the briefing has no topics")
	}
	return b
}

// orderTopics puts topics in the order of the topics field, checking it.
func (l *loader) orderTopics(a *assembly) []*Topic {
	var out []*Topic
	if !a.meta.topicsSet {
		for _, ti := range a.topics {
			out = append(out, ti.t)
		}
		return out
	}
	byID := map[string]*topicInfo{}
	for _, ti := range a.topics {
		byID[ti.t.ID] = ti
	}
	listed := map[string]bool{}
	for _, r := range a.meta.topics {
		switch {
		case listed[r.ID]:
			l.diags.errorf(r.Pos, "topic %q is listed twice", r.ID)
			continue
		case byID[r.ID] != nil:
			out = append(out, byID[r.ID].t)
		case a.present[r.ID]:
			// Its file was skipped, and that is reported already.
		case a.single:
			l.diags.errorf(r.Pos, "topic %q is listed in topics but no \"## \" heading has that id", r.ID)
		default:
			l.diags.errorf(r.Pos, "topic %q is listed in topics but has no file (%s.md)", r.ID, r.ID)
		}
		listed[r.ID] = true
	}
	for _, ti := range a.topics {
		if !listed[ti.t.ID] {
			l.diags.warn(ti.decl, "topic %q is not listed in topics; it is shown last", ti.t.ID)
			out = append(out, ti.t)
		}
	}
	return out
}

// maxSuggestions is how many unknown ids get a "did you mean".
const maxSuggestions = 100

// didYouMean suggests the closest known id to a misspelt one.
func didYouMean(id string, known map[string]Pos) string {
	if len(known) > 1000 {
		return ""
	}
	best, bestD := "", 3
	for k := range known {
		if d := editDistance(strings.ToLower(id), strings.ToLower(k)); d < bestD || (d == bestD && d < 3 && k < best) {
			best, bestD = k, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}
