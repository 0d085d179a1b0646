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
// search's snippets, across the topics and the timeline. / filters the
// actors on their names, aliases and roles, as the library filters its
// briefings.
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
	// list is the actors as filtered; its rows take two lines each.
	list          filterList
	width, height int

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
	p := people{actors: b.Actors, keys: keys, st: st, titles: titles, chosen: -1,
		list: newFilterList("/ ", "name, alias or role", *st)}
	if p.actors == nil {
		p.actors = []briefing.Actor{}
	}
	var targets [][]string
	for _, a := range b.Actors {
		var as []string
		for _, s := range a.Aliases {
			as = append(as, cleanLine(s))
		}
		name, role := cleanLine(a.Name), cleanLine(a.Role)
		p.names = append(p.names, name)
		p.roles = append(p.roles, role)
		p.aliases = append(p.aliases, strings.Join(as, ", "))
		// Each spelling on its own, so that one among many ranks as
		// high as a name.
		targets = append(targets, append([]string{name, role}, as...))
	}
	p.list.setTargets(targets)
	return p
}

// Focus is called when the view opens; the filter line has the keys
// again if it had them.
func (p *people) Focus() tea.Cmd {
	if p.list.on {
		return p.list.input.Focus()
	}
	return nil
}

// Blur is called when the view closes.
func (p *people) Blur() { p.list.input.Blur() }

// typing reports whether keys are typed into the filter line, and so
// are not the reader's.
func (p people) typing() bool { return p.list.on && p.chosen < 0 }

// SetSize sets the size the view draws in.
func (p *people) SetSize(w, h int) {
	p.width, p.height = w, h
	p.list.input.SetWidth(max(w-20, 1)) // room for the count after it
	p.sizeRows()
	p.passages.SetSize(w, h)
}

// sizeRows fits the actors' rows between the heading and the footer,
// and above the filter line while there is one.
func (p *people) sizeRows() {
	chrome := 2
	if p.list.active() {
		chrome++
	}
	p.list.rows.height = max((p.height-chrome)/2, 1)
	p.list.rows.move(0)
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
	r := &p.list.rows
	if p.chosen >= 0 {
		r = &p.passages.rows
	}
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		r.wheel(msg.Mouse())
	case tea.KeyPressMsg:
		if p.chosen < 0 && !key.Matches(msg, p.keys.Open) {
			cmd, ok := p.list.key(p.keys, msg)
			if ok {
				p.sizeRows()
				return p, cmd
			}
		}
		switch {
		case key.Matches(msg, p.keys.Close):
			if p.chosen >= 0 {
				p.chosen = -1
				return p, nil
			}
			return p, func() tea.Msg { return viewCloseMsg{} }
		case key.Matches(msg, p.keys.Open):
			switch i := p.list.selected(); {
			case p.chosen < 0:
				if i >= 0 && p.ix != nil {
					p.list.stop()
					p.sizeRows()
					return p, p.choose(i)
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
	r := p.list.rows
	for j := r.offset; j < len(p.list.shown) && j < r.offset+r.height; j++ {
		i := p.list.shown[j]
		count := "  …"
		if p.counted {
			count = fmt.Sprintf("%*d", countW-2, p.counts[i])
		}
		mark := "  "
		name := pad(ansi.Truncate(p.names[i], nameW, "…"), nameW)
		if j == r.cursor {
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
	if len(p.actors) > 0 && len(p.list.shown) == 0 {
		lines = append(lines, st.placeholder.Render("  No actor matches."))
	}
	foot := 1
	if p.list.active() {
		foot++
	}
	for len(lines) < p.height-foot {
		lines = append(lines, "")
	}
	if p.list.active() {
		lines = append(lines, p.list.line(*st))
	}
	pos := ""
	if len(p.list.shown) > 0 {
		pos = fmt.Sprintf(" %d/%d", r.cursor+1, len(p.list.shown))
		if p.counted {
			pos += " · the count: passages naming them"
		} else {
			pos += " · counting passages…"
		}
	}
	lines = append(lines, st.footerInfo.Render(pos))
	return strings.Join(fit(lines, w, p.height), "\n")
}
