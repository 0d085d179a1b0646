// Command floor is the smallest program on brief's stack that does what
// brief's first frame does: Bubble Tea v2 opens the alternate screen and
// shows one Glamour-rendered paragraph. The first-frame benchmark measures
// it next to brief; its time to first frame is the floor brief is compared
// with.
package main

import (
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"
)

// Marker is the text the benchmark waits for.
const Marker = "Floor of the first frame"

const paragraph = "# " + Marker + "\n\nA **paragraph** rendered by Glamour, wrapped to the window, " +
	"in the alternate screen: the least a reader on this stack can show."

type model struct {
	text string
	err  error
}

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		r, err := glamour.NewTermRenderer(
			glamour.WithStyles(styles.DarkStyleConfig),
			glamour.WithWordWrap(msg.Width),
		)
		if err == nil {
			m.text, err = r.Render(paragraph)
		}
		m.err = err
	case tea.KeyPressMsg:
		if msg.String() == "q" || msg.String() == "ctrl+c" {
			return m, tea.Quit
		}
	}
	return m, nil
}

func (m model) View() tea.View {
	v := tea.NewView(m.text)
	if m.err != nil {
		v = tea.NewView(m.err.Error())
	}
	v.AltScreen = true
	return v
}

func main() {
	if len(os.Args) > 1 {
		// Any argument: stop after package initialisation, so that the
		// init trace of the floor can be taken without a terminal.
		return
	}
	if _, err := tea.NewProgram(model{}).Run(); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}
