package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// filterList is a list narrowed by a line typed in: the items with a
// text that matches it fuzzily, best first, with a cursor over them. The
// topic finder, the library and the who's who view share it, so all
// three rank and type alike.
type filterList struct {
	input textinput.Model
	// texts are the texts the items are matched on, owner the item of
	// each, and n the number of items.
	texts []string
	owner []int
	n     int
	shown []int // item indices, in the order shown
	rows  rows
	// on gives the keys to the filter line.
	on bool
}

func newFilterList(prompt, placeholder string, st styles) filterList {
	in := textinput.New()
	in.Prompt, in.Placeholder = prompt, placeholder
	in.SetStyles(st.input)
	return filterList{input: in}
}

// setTargets matches each item i on the texts targets[i] from now on,
// the cursor kept on the same item where it is still shown. An item
// ranks by its best text: the fuzzy score falls with a text's length, so
// a long list of aliases joined into one would sink the item.
func (f *filterList) setTargets(targets [][]string) {
	cur := f.selected()
	f.texts, f.owner, f.n = f.texts[:0], f.owner[:0], len(targets)
	for i, ts := range targets {
		for _, t := range ts {
			f.texts, f.owner = append(f.texts, t), append(f.owner, i)
		}
	}
	f.filter()
	f.moveTo(cur)
}

// filter ranks the items for the text typed; the cursor goes to the
// best match.
func (f *filterList) filter() {
	f.shown = rank(f.input.Value(), f.texts, f.owner, f.n, f.shown[:0])
	f.rows = rows{n: len(f.shown), height: f.rows.height}
}

// rank appends to dst the n items, each the owner of some of texts,
// that match query fuzzily, each once and best first, or every item for
// an empty query.
func rank(query string, texts []string, owner []int, n int, dst []int) []int {
	q := strings.TrimSpace(query)
	if q == "" {
		for i := range n {
			dst = append(dst, i)
		}
		return dst
	}
	seen := make([]bool, n)
	for _, r := range list.DefaultFilter(q, texts) {
		if i := owner[r.Index]; !seen[i] {
			seen[i] = true
			dst = append(dst, i)
		}
	}
	return dst
}

// selected returns the item under the cursor, or -1.
func (f filterList) selected() int {
	if f.rows.cursor >= 0 && f.rows.cursor < len(f.shown) {
		return f.shown[f.rows.cursor]
	}
	return -1
}

// moveTo puts the cursor on item i, if it is shown.
func (f *filterList) moveTo(i int) {
	for j, k := range f.shown {
		if k == i {
			f.rows.move(j - f.rows.cursor)
		}
	}
}

// active reports whether the filter line is to be shown: being typed in,
// or narrowing the list.
func (f filterList) active() bool { return f.on || f.input.Value() != "" }

// keep takes the filter line of old, a list of other items, and filters
// these with it.
func (f *filterList) keep(old filterList) {
	if !old.active() {
		return
	}
	f.input, f.on = old.input, old.on
	f.filter()
}

// stop takes the keys from the filter line, and keeps what it narrows.
func (f *filterList) stop() {
	f.on = false
	f.input.Blur()
}

// clear shows every item again, the cursor on the same one.
func (f *filterList) clear() {
	cur := f.selected()
	f.input.SetValue("")
	f.filter()
	f.moveTo(cur)
}

// key handles the filter's keys, apart from enter, which each list takes
// as its own: / opens the filter line, esc clears the filter, and while
// the line is open every other key is typed into it. It reports whether
// the key was the filter's.
func (f *filterList) key(k keyMap, kp tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case f.on && key.Matches(kp, k.Close):
		f.stop()
		f.clear()
	case f.on:
		return f.typeKey(k, kp), true
	case key.Matches(kp, k.ListFilter):
		f.on = true
		return f.input.Focus(), true
	case key.Matches(kp, k.Close) && f.input.Value() != "":
		f.clear()
	default:
		return nil, false
	}
	return nil, true
}

// typeKey types a key into the filter line; the arrows and the paging
// keys, which type nothing, move the cursor.
func (f *filterList) typeKey(k keyMap, kp tea.KeyPressMsg) tea.Cmd {
	if f.rows.key(k, kp, false) {
		return nil
	}
	return f.update(kp)
}

// update hands msg, a key or a paste, to the filter line, and filters
// again if the text changed.
func (f *filterList) update(msg tea.Msg) tea.Cmd {
	before := f.input.Value()
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	if f.input.Value() != before {
		f.filter()
	}
	return cmd
}

// line is the filter line: what is typed, and how many of all the items
// match it.
func (f filterList) line(st styles) string {
	return " " + f.input.View() + st.footerInfo.Render(fmt.Sprintf("  %d of %d", len(f.shown), f.n))
}
