package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// helpBox lists every binding that works now, and the loading problems,
// in a box at most h lines high; when it does not fit, the lines from
// helpOffset on are shown.
func (m Model) helpBox(h int) []string {
	lines := m.helpLines(max(m.width-4, 1))
	inner := max(h-2, 0)
	off := min(m.helpOffset, max(len(lines)-inner, 0))
	if len(lines) > inner && inner > 0 {
		lines[0] += m.st.footer.Render(" · j/k scroll")
	}
	lines = lines[off:min(off+inner, len(lines))]
	box := m.st.overlay.Render(strings.Join(lines, "\n"))
	return fit(strings.Split(box, "\n"), m.width, min(h, strings.Count(box, "\n")+1))
}

// helpLines is the content of the help overlay, width cells wide.
func (m Model) helpLines(width int) []string {
	var cols []string
	for _, g := range m.keys.FullHelp() {
		if col := m.help.FullHelpView([][]key.Binding{g}); col != "" {
			cols = append(cols, col)
		}
	}
	var mk, md []string
	for _, mh := range mouseHelp {
		mk, md = append(mk, mh.Key), append(md, mh.Desc)
	}
	cols = append(cols, joinColumns([]string{
		m.st.help.FullKey.Render(strings.Join(mk, "\n")),
		m.st.help.FullDesc.Render(strings.Join(md, "\n")),
	}, " "))
	lines := []string{m.st.overlayTitle.Render("Keys") + m.st.footer.Render(" · ? or esc closes"), ""}
	lines = append(lines, flow(cols, width, "   ")...)
	if ds := m.b.Diagnostics; len(ds) > 0 {
		lines = append(lines, "", m.st.overlayTitle.Render("Problems loading the briefing"))
		for _, d := range ds {
			lines = append(lines, m.st.notice.Render(ansi.Truncate(cleanLine(d.String()), width, "…")))
		}
	}
	return lines
}

// flow lays blocks out left to right, wrapping to a new row when the next
// block would not fit in width.
func flow(blocks []string, width int, gap string) []string {
	var rows []string
	var row []string
	rowWidth := 0
	flush := func() {
		if len(row) > 0 {
			rows = append(rows, strings.Split(joinColumns(row, gap), "\n")...)
			rows = append(rows, "")
		}
		row, rowWidth = nil, 0
	}
	for _, b := range blocks {
		w := blockWidth(b)
		if len(row) > 0 && rowWidth+len(gap)+w > width {
			flush()
		}
		if len(row) > 0 {
			rowWidth += len(gap)
		}
		row, rowWidth = append(row, b), rowWidth+w
	}
	flush()
	if len(rows) > 0 {
		rows = rows[:len(rows)-1]
	}
	return rows
}

func blockWidth(b string) int {
	w := 0
	for _, l := range strings.Split(b, "\n") {
		w = max(w, ansi.StringWidth(l))
	}
	return w
}

// joinColumns puts blocks side by side, top aligned.
func joinColumns(blocks []string, gap string) string {
	var cols [][]string
	var widths []int
	height := 0
	for _, b := range blocks {
		l := strings.Split(b, "\n")
		cols, widths = append(cols, l), append(widths, blockWidth(b))
		height = max(height, len(l))
	}
	out := make([]string, height)
	for i := range height {
		var sb strings.Builder
		for c, col := range cols {
			if c > 0 {
				sb.WriteString(gap)
			}
			cell := at(col, i)
			if c < len(cols)-1 {
				cell = pad(cell, widths[c])
			}
			sb.WriteString(cell)
		}
		out[i] = sb.String()
	}
	return strings.Join(out, "\n")
}
