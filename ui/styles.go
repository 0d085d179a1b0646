package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// styles is the reader's theme: every Lip Gloss style in one value, built
// for a dark or a light background and passed down to the components.
type styles struct {
	isDark bool

	header, headerTitle, headerDim lipgloss.Style
	position, problem              lipgloss.Style

	listItem, listCurrent, listCursor, listNumber lipgloss.Style
	divider                                       lipgloss.Style

	footer, footerInfo, notice lipgloss.Style
	placeholder                lipgloss.Style

	overlay, overlayTitle lipgloss.Style
	topicTitle            lipgloss.Style // above the text, when the list cuts it

	// match marks a search match in the text, matchCurrent the current one.
	match, matchCurrent lipgloss.Style

	// Sequences laid over rendered text, keeping its own styles: the
	// claim and the marker under the citation cursor, a dimmed claim,
	// and the margin mark of a claim with one source.
	claimOn, markerOn, dimOn, singleOn string
	// barOn draws the bar beside a paragraph changed since last read.
	barOn string
	// The evidence card.
	cardLabel, cardExcerpt lipgloss.Style

	help  help.Styles
	input textinput.Styles // the search line and the topic finder
}

func newStyles(isDark bool) styles {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#5A3FC0"), lipgloss.Color("#A48CF2"))
	dim := ld(lipgloss.Color("#8A8A8A"), lipgloss.Color("#6C6C6C"))
	text := ld(lipgloss.Color("#1F1F1F"), lipgloss.Color("#DADADA"))
	bar := ld(lipgloss.Color("#E8E4F8"), lipgloss.Color("#2A2540"))
	warn := ld(lipgloss.Color("#A04000"), lipgloss.Color("#F2A65A"))

	s := styles{isDark: isDark}
	s.header = lipgloss.NewStyle().Background(bar).Foreground(text)
	s.headerTitle = s.header.Bold(true).Foreground(accent)
	s.headerDim = s.header.Foreground(dim)
	s.position = s.header.Bold(true)
	s.problem = s.header.Foreground(warn)

	s.listItem = lipgloss.NewStyle().Foreground(text)
	s.listNumber = lipgloss.NewStyle().Foreground(dim)
	s.listCurrent = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.listCursor = lipgloss.NewStyle().Reverse(true)
	s.divider = lipgloss.NewStyle().Foreground(dim)

	s.footer = lipgloss.NewStyle().Foreground(dim)
	s.footerInfo = lipgloss.NewStyle().Foreground(dim)
	s.notice = lipgloss.NewStyle().Foreground(warn)
	s.placeholder = lipgloss.NewStyle().Foreground(dim).Italic(true)

	s.overlay = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1)
	s.overlayTitle = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.topicTitle = lipgloss.NewStyle().Bold(true).Foreground(accent)

	// Underline and reverse video still tell matches apart without colour.
	s.match = lipgloss.NewStyle().Background(ld(lipgloss.Color("#FFE27A"), lipgloss.Color("#E8C547"))).
		Foreground(lipgloss.Color("#1F1F1F")).Underline(true)
	s.matchCurrent = lipgloss.NewStyle().Background(ld(lipgloss.Color("#E8590C"), lipgloss.Color("#FF8A3D"))).
		Foreground(lipgloss.Color("#000000")).Bold(true)

	// Reverse video and bold still show the marker without colour.
	s.claimOn = ansi.NewStyle().BackgroundColor(ld(lipgloss.Color("#E4DDFB"), lipgloss.Color("#2E2A4A"))).String()
	s.markerOn = ansi.NewStyle().Reverse(true).Bold().ForegroundColor(accent).String()
	s.dimOn = ansi.NewStyle().Faint().String()
	s.singleOn = ansi.NewStyle().ForegroundColor(dim).String()
	s.barOn = ansi.NewStyle().ForegroundColor(accent).String()
	s.cardLabel = lipgloss.NewStyle().Foreground(dim)
	s.cardExcerpt = lipgloss.NewStyle().Italic(true).Foreground(text)

	// bubbles' defaults are for a dark background: on a light one their
	// separators are near-white and the prompt and cursor pale grey.
	s.help = help.DefaultStyles(isDark)
	if !isDark {
		s.help.ShortKey = lipgloss.NewStyle().Foreground(lipgloss.Color("#5C5C5C"))
		s.help.ShortDesc = lipgloss.NewStyle().Foreground(lipgloss.Color("#7A7A7A"))
		s.help.ShortSeparator = lipgloss.NewStyle().Foreground(lipgloss.Color("#ABABAB"))
		s.help.Ellipsis, s.help.FullSeparator = s.help.ShortSeparator, s.help.ShortSeparator
		s.help.FullKey, s.help.FullDesc = s.help.ShortKey, s.help.ShortDesc
	}
	s.input = textinput.DefaultStyles(isDark)
	s.input.Cursor.Blink = false
	if !isDark {
		s.input.Focused.Prompt = lipgloss.NewStyle().Foreground(text)
		s.input.Blurred.Prompt = s.input.Focused.Prompt
		s.input.Cursor.Color = text
	}
	return s
}
