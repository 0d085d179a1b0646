package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"brief/briefing"
	"brief/internal/search"
)

// people is the who's who view: each actor with role, aliases and how
// many passages name them; choosing one lists those passages, with the
// search's snippets, across the topics and the timeline.
type people struct {
	actors []briefing.Actor
	// names, roles and aliases are the actors' texts made safe for one
	// line.
	names, roles, aliases []string
	counts                []int
	counted               bool
	keys                  keyMap
	st                    *styles // shared, as the timeline's
	titles                map[string]string
	rows                  rows // over actors, two lines each
	width, height         int

	// chosen is the actor whose passages are listed, or -1.
	chosen   int
	ix       *search.Index
	passages results
}

// mentionOpenMsg asks the root to open a passage naming an actor.
type mentionOpenMsg struct {
	match search.Match
	name  string
}

func newPeople(b *briefing.Briefing, keys keyMap, st *styles, titles map[string]string) people {
	p := people{actors: b.Actors, keys: keys, st: st, titles: titles, chosen: -1, rows: rows{n: len(b.Actors)}}
	if p.actors == nil {
		p.actors = []briefing.Actor{}
	}
	for _, a := range b.Actors {
		var as []string
		for _, s := range a.Aliases {
			as = append(as, cleanLine(s))
		}
		p.names = append(p.names, cleanLine(a.Name))
		p.roles = append(p.roles, cleanLine(a.Role))
		p.aliases = append(p.aliases, strings.Join(as, ", "))
	}
	return p
}

// Focus is called when the view opens; it takes no input of its own.
func (p *people) Focus() tea.Cmd { return nil }

// Blur is called when the view closes.
func (p *people) Blur() {}

// SetSize sets the size the view draws in.
func (p *people) SetSize(w, h int) {
	p.width, p.height = w, h
	p.rows.height = max((h-2)/2, 1)
	p.rows.move(0)
	p.passages.SetSize(w, h)
}

// setCounts takes the counts of passages per actor.
func (p *people) setCounts(counts []int) {
	if len(counts) == len(p.actors) {
		p.counts, p.counted = counts, true
	}
}

// choose opens the list of the passages that name actor i, and returns
// the command that finds them, off the update loop, as a search for the
// actor's name finds them.
func (p *people) choose(i int) tea.Cmd {
	p.chosen = i
	p.passages = results{ix: p.ix, titles: p.titles, st: p.st, head: p.names[i] + " · finding the passages…"}
	p.passages.SetSize(p.width, p.height)
	ix, q := p.ix, search.Compile(p.actors[i].Name, p.actors)
	return func() tea.Msg { return passagesMsg{actor: i, matches: ix.Search(q)} }
}

// setPassages lists the passages found for the actor chosen.
func (p *people) setPassages(msg passagesMsg) {
	if msg.actor != p.chosen {
		return // stale: another actor, or none, was chosen since
	}
	ms := msg.matches
	p.passages.matches, p.passages.rows = ms, rows{n: len(ms)}
	p.passages.head = fmt.Sprintf("%s · %d %s naming them", p.names[p.chosen], len(ms), plural(len(ms), "passage", "passages"))
	p.passages.SetSize(p.width, p.height)
}

// Update handles the keys and the mouse wheel of the view. The root
// makes sure ix is set before a key can choose an actor.
func (p people) Update(msg tea.Msg) (people, tea.Cmd) {
	r := &p.rows
	if p.chosen >= 0 {
		r = &p.passages.rows
	}
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		r.wheel(msg.Mouse())
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, p.keys.Close):
			if p.chosen >= 0 {
				p.chosen = -1
				return p, nil
			}
			return p, func() tea.Msg { return viewCloseMsg{} }
		case key.Matches(msg, p.keys.Open):
			switch {
			case len(p.actors) == 0:
			case p.chosen < 0:
				if p.ix != nil {
					return p, p.choose(p.rows.cursor)
				}
			case len(p.passages.matches) > 0:
				mt, name := p.passages.matches[p.passages.rows.cursor], p.actors[p.chosen].Name
				return p, func() tea.Msg { return mentionOpenMsg{match: mt, name: name} }
			}
		case key.Matches(msg, p.keys.ReadOn):
			r.move(max(r.height-1, 1))
		default:
			r.key(p.keys, msg, true)
		}
	}
	return p, nil
}

// View draws exactly height lines: the actors, or the passages naming
// the one chosen.
func (p people) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	if p.chosen >= 0 {
		return strings.Join(fit(strings.Split(p.passages.View(), "\n"), p.width, p.height), "\n")
	}
	w, st := p.width, p.st
	head := fmt.Sprintf("Who's who · %d %s", len(p.actors), plural(len(p.actors), "actor", "actors"))
	lines := []string{st.overlayTitle.Render(" " + head)}
	if len(p.actors) == 0 {
		lines = append(lines, st.placeholder.Render("  This briefing names no actors."))
	}
	countW := 5
	nameW := min(max(w/3, 12), 30)
	for i := p.rows.offset; i < len(p.actors) && i < p.rows.offset+p.rows.height; i++ {
		count := "  …"
		if p.counted {
			count = fmt.Sprintf("%*d", countW-2, p.counts[i])
		}
		mark := "  "
		name := pad(ansi.Truncate(p.names[i], nameW, "…"), nameW)
		if i == p.rows.cursor {
			mark, name = "› ", st.listCursor.Render(name)
		} else {
			name = st.listCurrent.Render(name)
		}
		roleW := max(w-2-nameW-countW-2, 1)
		lines = append(lines, mark+name+st.listNumber.Render(pad(count, countW))+"  "+ansi.Truncate(p.roles[i], roleW, "…"))
		also := ""
		if p.aliases[i] != "" {
			also = "also " + p.aliases[i]
		}
		lines = append(lines, strings.Repeat(" ", 2+nameW+countW+2)+st.listNumber.Render(ansi.Truncate(also, roleW, "…")))
	}
	for len(lines) < p.height-1 {
		lines = append(lines, "")
	}
	pos := ""
	if len(p.actors) > 0 {
		pos = fmt.Sprintf(" %d/%d", p.rows.cursor+1, len(p.actors))
		if p.counted {
			pos += " · the count: passages naming them"
		} else {
			pos += " · counting passages…"
		}
	}
	lines = append(lines, st.footerInfo.Render(pos))
	return strings.Join(fit(lines, w, p.height), "\n")
}
