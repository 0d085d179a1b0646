package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// finder is the topic finder: a line to type in and the topics whose id or
// title match it, fuzzily, best first.
type finder struct {
	input   textinput.Model
	targets []string // "title id" per topic
	titles  []string
	ids     []string
	shown   []int // topic indices, in the order shown
	rows    rows
	width   int
	st      styles
}

func newFinder(titles, ids []string, st styles) finder {
	in := textinput.New()
	in.Prompt = ": "
	in.Placeholder = "topic title or id"
	in.SetStyles(st.input)
	f := finder{input: in, titles: titles, ids: ids, st: st}
	for i := range titles {
		f.targets = append(f.targets, titles[i]+" "+ids[i])
	}
	f.filter()
	return f
}

func (f *finder) SetSize(w, h int) {
	f.width, f.rows.height = w, max(h-2, 0)
	f.input.SetWidth(max(w-4, 1))
	f.rows.move(0)
}

// filter ranks the topics for the text typed.
func (f *finder) filter() {
	f.shown = rank(f.input.Value(), f.targets, f.shown[:0])
	f.rows = rows{n: len(f.shown), height: f.rows.height}
}

// rank appends to dst the indices of the targets that match query
// fuzzily, best first, or of every target for an empty query. The topic
// finder and the library share it, so both rank alike.
func rank(query string, targets []string, dst []int) []int {
	if q := strings.TrimSpace(query); q != "" {
		for _, r := range list.DefaultFilter(q, targets) {
			dst = append(dst, r.Index)
		}
		return dst
	}
	for i := range targets {
		dst = append(dst, i)
	}
	return dst
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
	return m, m.finder.input.Focus()
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
		if len(f.shown) == 0 {
			return m, nil
		}
		return m.open(f.shown[f.rows.cursor])
	case f.rows.key(k, msg, false):
		return m, nil
	}
	before := f.input.Value()
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	if f.input.Value() != before {
		f.filter()
	}
	return m, cmd
}

// View draws the input, the visible topics and a count.
func (f finder) View() string {
	lines := []string{" " + f.input.View()}
	digits := len(fmt.Sprint(len(f.titles)))
	for j := f.rows.offset; j < len(f.shown) && j < f.rows.offset+f.rows.height; j++ {
		i := f.shown[j]
		row := fmt.Sprintf("%*d  %s", digits, i+1, f.titles[i]) + f.st.listNumber.Render("  "+f.ids[i])
		row = ansi.Truncate(row, max(f.width-3, 1), "…")
		if j == f.rows.cursor {
			lines = append(lines, " › "+f.st.listCursor.Render(row))
		} else {
			lines = append(lines, "   "+row)
		}
	}
	for len(lines) < f.rows.height+1 {
		lines = append(lines, "")
	}
	lines = append(lines, f.st.footerInfo.Render(fmt.Sprintf(" %d of %d topics", len(f.shown), len(f.titles))))
	return strings.Join(lines, "\n")
}
