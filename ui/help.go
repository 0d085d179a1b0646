package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// helpBox lists every binding, and the loading problems, in a box at most
// h lines high; when it does not fit, the lines from helpOffset on are
// shown. The box is as wide as its widest line, wherever it is scrolled.
func (m Model) helpBox(h int) []string {
	lines := m.helpLines(max(m.width-4, 1))
	inner := max(h-2, 0)
	off := min(m.helpOffset, max(len(lines)-inner, 0))
	if len(lines) > inner && inner > 0 {
		lines[0] += m.st.footer.Render(" · j/k scroll")
	}
	width := blockWidth(strings.Join(lines, "\n"))
	lines = lines[off:min(off+inner, len(lines))]
	box := m.st.overlay.Width(width + 4).Render(strings.Join(lines, "\n"))
	return fit(strings.Split(box, "\n"), m.width, min(h, strings.Count(box, "\n")+1))
}

// helpLines is the content of the help overlay, at most width cells wide.
func (m Model) helpLines(width int) []string {
	var cols []string
	groups := m.keys.FullHelp()
	if m.inView() {
		groups = m.keys.viewHelp(m.focus)
	}
	for _, g := range groups {
		var hs []key.Help
		for _, b := range g {
			if b.Enabled() {
				hs = append(hs, b.Help())
			}
		}
		if len(hs) > 0 {
			cols = append(cols, m.helpColumn(hs, width))
		}
	}
	mouse := mouseHelp
	if m.inView() {
		mouse = viewMouseHelp
	}
	cols = append(cols, m.helpColumn(mouse, width))
	lines := []string{m.st.overlayTitle.Render("Keys") + m.st.footer.Render(" · ? or esc closes"), ""}
	if m.broken != "" {
		// First and whole here, where the footer cuts it to the width.
		lines = append(lines, m.st.overlayTitle.Render("Not reloaded: the last save has an error"))
		for _, l := range strings.Split(ansi.Wrap(m.broken, width, ""), "\n") {
			lines = append(lines, m.st.notice.Render(l))
		}
		lines = append(lines, "")
	}
	lines = append(lines, flow(cols, width, "   ")...)
	if ds := m.b.Diagnostics; len(ds) > 0 {
		lines = append(lines, "", m.st.overlayTitle.Render("Problems loading the briefing"))
		for _, d := range ds {
			for _, l := range strings.Split(ansi.Wrap(cleanLine(d.String()), width, ""), "\n") {
				lines = append(lines, m.st.notice.Render(l))
			}
		}
	}
	return lines
}

// helpColumn lays out keys and what they do in two columns, at most width
// cells wide: a description that does not fit wraps under itself.
func (m Model) helpColumn(hs []key.Help, width int) string {
	kw := 0
	for _, h := range hs {
		kw = max(kw, ansi.StringWidth(h.Key))
	}
	dw := max(width-kw-1, 8)
	var rows []string
	for _, h := range hs {
		for i, d := range strings.Split(ansi.Wrap(h.Desc, dw, ""), "\n") {
			k := ""
			if i == 0 {
				k = h.Key
			}
			rows = append(rows, m.st.help.FullKey.Render(pad(k, kw))+" "+m.st.help.FullDesc.Render(d))
		}
	}
	return strings.Join(rows, "\n")
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
