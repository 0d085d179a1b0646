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
	final, err := tea.NewProgram(New(b, withEnv(opts))).Run()
	if m, ok := final.(Model); ok && err == nil {
		err = m.SaveState()
	}
	return err
}

// withEnv applies NO_COLOR to opts.
func withEnv(opts Options) Options {
	if opts.Style == render.Auto && os.Getenv("NO_COLOR") != "" {
		opts.Style = render.NoTTY
	}
	return opts
}
