package ui

import (
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// paint lays a sequence of attributes over cells start to end of a line.
type paint struct {
	line, start, end int
	on               string
}

// citeDeco is what the citation cursor and corroboration draw over the
// text: paints, sorted by line, and a mark in the left margin of lines.
type citeDeco struct {
	paints []paint
	margin map[int]string
}

// apply draws the decorations of line i over it.
func (d citeDeco) apply(i int, line string) string {
	k := sort.Search(len(d.paints), func(j int) bool { return d.paints[j].line >= i })
	e := k
	for e < len(d.paints) && d.paints[e].line == i {
		e++
	}
	mark := d.margin[i]
	if k == e && mark == "" {
		return line
	}
	return paintLine(line, d.paints[k:e], mark)
}

// paintLine lays ps over line without breaking its own styles: the
// attributes of a paint are added at its start, again after every style
// change of the line inside it, and taken away at its end by a reset and
// the line's own styles since its last reset. marks[c], if not "", stands
// in for a space in cell c.
func paintLine(line string, ps []paint, marks ...string) string {
	var b strings.Builder
	b.Grow(len(line) + 64)
	var state, cur string
	var st byte
	col := 0
	for i := 0; i < len(line); {
		seq, w, n, nst := ansi.DecodeSequence(line[i:], st, nil)
		st, i = nst, i+n
		if w == 0 {
			b.WriteString(seq)
			if params, ok := sgrParams(seq); ok {
				switch {
				case params == "" || params == "0":
					state = ""
				case strings.HasPrefix(params, "0;"):
					state = seq
				default:
					state += seq
				}
				b.WriteString(cur)
			}
			continue
		}
		want := ""
		for _, p := range ps {
			if col >= p.start && col < p.end {
				want += p.on
			}
		}
		if want != cur {
			if cur != "" {
				b.WriteString(ansi.ResetStyle + state)
			}
			b.WriteString(want)
			cur = want
		}
		if col < len(marks) && marks[col] != "" && seq == " " {
			b.WriteString(marks[col] + ansi.ResetStyle + state + cur)
		} else {
			b.WriteString(seq)
		}
		col += w
	}
	if cur != "" {
		b.WriteString(ansi.ResetStyle + state)
	}
	return b.String()
}

// sgrParams returns the parameters of a Select Graphic Rendition
// sequence, and whether seq is one.
func sgrParams(seq string) (string, bool) {
	if len(seq) < 3 || !strings.HasPrefix(seq, "\x1b[") || seq[len(seq)-1] != 'm' {
		return "", false
	}
	return seq[2 : len(seq)-1], true
}
