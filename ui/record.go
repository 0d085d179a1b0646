package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"brief/internal/state"
)

// saveTickMsg comes one state.Interval after the first change of the
// record since the last save.
type saveTickMsg struct{ ident string }

// savedMsg is the outcome of a save.
type savedMsg struct {
	ident string
	err   error
}

// loadRecord reads the reading state of the briefing, if one is kept. It
// runs once, before the first frame: the file is small, bounded by
// state.MaxSize.
func (m *Model) loadRecord() {
	if m.opts.NoState || m.opts.State == nil {
		return
	}
	id, err := state.Identity(m.b.Path)
	if err != nil {
		m.stateWarn = "Reading state not kept: " + cleanLine(err.Error())
		return
	}
	m.ident = id
	m.rec, err = m.opts.State.Load(id)
	if err != nil {
		m.stateWarn = cleanLine(err.Error())
	}
	m.rec.Title = m.b.Title
	if m.stateWarn != "" {
		m.notice = joinNotice(m.stateWarn, m.notice) // the warning first
	}
}

// updateRecord changes the reading state with f and, unless one is
// already due, schedules a save: writes are off the update loop and at
// most one a second.
func (m *Model) updateRecord(f func(state.Record) state.Record) tea.Cmd {
	m.rec = f(m.rec)
	if m.ident == "" || m.saveDue {
		return nil
	}
	m.saveDue = true
	id := m.ident
	return tea.Tick(m.saveWait, func(time.Time) tea.Msg { return saveTickMsg{ident: id} })
}

// saveCmd saves the record as it is now, off the update loop.
func (m *Model) saveCmd() tea.Cmd {
	m.saveDue = false
	if m.ident == "" {
		return nil
	}
	store, id, rec := m.opts.State, m.ident, m.rec
	return func() tea.Msg { return savedMsg{ident: id, err: store.Save(id, rec)} }
}

// saved shows why a save failed, once, in the footer.
func (m Model) saved(msg savedMsg) Model {
	if msg.ident != m.ident || msg.err == nil {
		return m
	}
	// The same failure, once acknowledged, is not shown again on every
	// save that follows a key.
	if w := cleanLine(msg.err.Error()); w != m.stateWarn {
		m.stateWarn = w
		m.notice = joinNotice(w, m.notice)
	}
	return m
}

// SaveState writes the reading state as it is now: brief calls it once
// the program has ended, so the last place is kept whatever the last key.
func (m Model) SaveState() error {
	if m.ident == "" {
		return nil
	}
	m = m.notePlace()
	return m.opts.State.Save(m.ident, m.rec)
}
