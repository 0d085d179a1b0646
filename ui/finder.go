package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// finder is the topic finder: a line to type in and the topics whose id or
// title match it, fuzzily, best first.
type finder struct {
	list   filterList // on "title id" per topic
	titles []string
	ids    []string
	width  int
	st     styles
}

func newFinder(titles, ids []string, st styles) finder {
	f := finder{list: newFilterList(": ", "topic title or id", st), titles: titles, ids: ids, st: st}
	targets := make([][]string, len(titles))
	for i := range titles {
		targets[i] = []string{titles[i] + " " + ids[i]}
	}
	f.list.on = true
	f.list.setTargets(targets)
	return f
}

func (f *finder) SetSize(w, h int) {
	f.width, f.list.rows.height = w, max(h-2, 0)
	f.list.input.SetWidth(max(w-4, 1))
	f.list.rows.move(0)
}

// openFinder opens the topic finder.
func (m Model) openFinder() (Model, tea.Cmd) {
	ids := make([]string, len(m.b.Topics))
	for i, t := range m.b.Topics {
		ids[i] = cleanLine(t.ID)
	}
	m.finder = newFinder(m.titles, ids, m.st)
	m.finder.SetSize(m.width, m.bodyHeight())
	m.setFocus(focusFinder)
	return m, m.finder.list.input.Focus()
}

// finderKey handles a key in the topic finder: letters go to the input.
func (m Model) finderKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k, f := m.keys, &m.finder
	switch {
	case key.Matches(msg, k.Close):
		m.setFocus(focusText)
		return m, nil
	case key.Matches(msg, k.Open):
		m.setFocus(focusText)
		if i := f.list.selected(); i >= 0 {
			return m.open(i)
		}
		return m, nil
	}
	return m, f.list.typeKey(k, msg)
}

// View draws the input, the visible topics and a count.
func (f finder) View() string {
	lines := []string{" " + f.list.input.View()}
	digits := len(fmt.Sprint(len(f.titles)))
	r := f.list.rows
	for j := r.offset; j < len(f.list.shown) && j < r.offset+r.height; j++ {
		i := f.list.shown[j]
		row := fmt.Sprintf("%*d  %s", digits, i+1, f.titles[i]) + f.st.listNumber.Render("  "+f.ids[i])
		row = ansi.Truncate(row, max(f.width-3, 1), "…")
		if j == r.cursor {
			lines = append(lines, " › "+f.st.listCursor.Render(row))
		} else {
			lines = append(lines, "   "+row)
		}
	}
	for len(lines) < r.height+1 {
		lines = append(lines, "")
	}
	lines = append(lines, f.st.footerInfo.Render(fmt.Sprintf(" %d of %d topics", len(f.list.shown), len(f.titles))))
	return strings.Join(lines, "\n")
}
