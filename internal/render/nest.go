package render

import (
	"strings"

	"charm.land/glamour/v2/styles"
)

// indentLimit is the deepest indentation, in columns of Markdown, kept in
// text wrapped at width: a list level takes at least two columns of
// Markdown and is drawn LevelIndent columns deeper, so the deepest text
// kept starts at most half way across.
func indentLimit(style Style, width int) int {
	per := styles.DarkStyleConfig.List.LevelIndent
	switch style {
	case Light:
		per = styles.LightStyleConfig.List.LevelIndent
	case NoTTY:
		per = styles.NoTTYStyleConfig.List.LevelIndent
	}
	return max(width, MinWidth) / max(int(per), 1)
}

// flatten moves lines indented deeper than limit columns back to limit,
// outside fenced code. Glamour indents each level of a nested list, so
// lists nested 50 deep would wrap one letter to a line, and its time grows
// fast with the depth; flattened, the deepest items show as siblings at the
// deepest level kept. md is returned as it is when no line is that deep.
func flatten(md string, limit int) string {
	if !tooDeep(md, limit) {
		return md
	}
	var b strings.Builder
	b.Grow(len(md))
	fence := ""
	for line := range strings.Lines(md) {
		body := strings.TrimLeft(line, " \t")
		inFence := fence != ""
		switch {
		case inFence:
			if strings.HasPrefix(body, fence) {
				fence = ""
			}
		case strings.HasPrefix(body, "```"), strings.HasPrefix(body, "~~~"):
			fence = body[:3]
		}
		if inFence || indentCols(line[:len(line)-len(body)]) <= limit {
			b.WriteString(line)
			continue
		}
		b.WriteString(strings.Repeat(" ", limit))
		b.WriteString(body)
	}
	return b.String()
}

// tooDeep reports whether any line of md is indented past limit columns.
func tooDeep(md string, limit int) bool {
	for line := range strings.Lines(md) {
		body := strings.TrimLeft(line, " \t")
		if body != "" && body != "\n" && indentCols(line[:len(line)-len(body)]) > limit {
			return true
		}
	}
	return false
}

// indentCols is the width of a run of spaces and tabs, with tab stops
// every four columns as in CommonMark.
func indentCols(ws string) int {
	col := 0
	for i := 0; i < len(ws); i++ {
		if ws[i] == '\t' {
			col += 4 - col%4
		} else {
			col++
		}
	}
	return col
}
