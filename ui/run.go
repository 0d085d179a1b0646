package ui

import (
	"os"

	tea "charm.land/bubbletea/v2"

	"brief/briefing"
	"brief/internal/render"
)

// Run shows b in the terminal until the user quits. NO_COLOR in the
// environment turns the automatic style colourless.
func Run(b *briefing.Briefing, opts Options) error {
	if opts.Style == render.Auto && os.Getenv("NO_COLOR") != "" {
		opts.Style = render.NoTTY
	}
	_, err := tea.NewProgram(New(b, opts)).Run()
	return err
}
