package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"brief/briefing"
	"brief/internal/search"
	"brief/internal/watch"
)

// Live reload: the reader watches the files of a briefing on disk and,
// after each save, loads it again off the update loop. A good load takes
// the place of the briefing on screen, the reader staying where it was; a
// broken one leaves it, and its first error stays in the footer until a
// later save loads.
//
// Every command's messages carry the briefing's revision once it has
// been reloaded, and those of an earlier revision are dropped: a render,
// an index or a count made from the old briefing must not land in the
// new one.

// watching reports whether the reader should watch its briefing's files.
func (m Model) watching() bool {
	return m.opts.Watch && m.opts.Path != "" && m.opts.Load != nil
}

// startWatch starts watching the briefing's files, off the update loop.
func (m Model) startWatch() tea.Cmd {
	if !m.watching() {
		return nil
	}
	path := m.opts.Path
	return func() tea.Msg {
		w, err := watch.New(path, 0)
		return watchingMsg{w: w, err: err}
	}
}

// waitChange waits for the next change of the files; it costs nothing
// while it waits, and ends when the watcher is closed.
func waitChange(c <-chan struct{}) tea.Cmd {
	return func() tea.Msg {
		if _, ok := <-c; !ok {
			return nil
		}
		return changedMsg{}
	}
}

// reloadCmd loads the briefing again.
func reloadCmd(load Loader, path string) tea.Cmd {
	return func() tea.Msg {
		b, err := load(path)
		return reloadedMsg{b: b, err: err}
	}
}

// reloadMsg handles the messages of the watcher and of reloads.
func (m Model) reloadMsg(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case watchingMsg:
		if msg.err != nil {
			m.notice = "Not watching for changes: " + cleanLine(msg.err.Error())
			return m, nil
		}
		m.stopWatch()
		m.watcher = msg.w
		return m, waitChange(m.watcher.Changes())
	case changedMsg:
		if m.watcher == nil {
			return m, nil
		}
		wait := waitChange(m.watcher.Changes())
		if m.reloading {
			m.again = true // loaded again once this load is back
			return m, wait
		}
		m.reloading = true
		return m, tea.Batch(wait, reloadCmd(m.opts.Load, m.opts.Path))
	case reloadedMsg:
		m.reloading = false
		var cmd tea.Cmd
		if m.again {
			m.again, m.reloading = false, true
			cmd = reloadCmd(m.opts.Load, m.opts.Path)
		}
		// A version with errors keeps the last good one on screen; but
		// when the one on screen has errors too, there is none better to
		// keep, and the author's edits show, with the first error.
		first := loadError(msg.b, msg.err)
		if first != "" && (msg.b == nil || len(msg.b.Topics) == 0 || len(m.b.Diagnostics.Errors()) == 0) {
			m.broken, m.notice = first, ""
			return m, cmd
		}
		m, swapped := m.swap(msg.b)
		m.broken = first
		return m, tea.Batch(cmd, swapped)
	}
	return m, nil
}

// loadError is the first error of a load, on one line, or "".
func loadError(b *briefing.Briefing, err error) string {
	var first string
	switch {
	case err != nil:
		first, _, _ = strings.Cut(err.Error(), "\n")
	case b == nil:
		first = "nothing loaded"
	default:
		if errs := b.Diagnostics.Errors(); len(errs) > 0 {
			first = errs[0].String()
		}
	}
	return cleanLine(first)
}

// stopWatch stops watching the files.
func (m *Model) stopWatch() {
	if m.watcher != nil {
		m.watcher.Close()
		m.watcher = nil
	}
}

// swap puts b in place of the briefing read, keeping the reader's place:
// the same topic, found by its id, at the same words; the same view open.
func (m Model) swap(b *briefing.Briefing) (Model, tea.Cmd) {
	id, about := m.currentID(), m.about
	title := ""
	if id != "" {
		title = m.titles[m.current]
	}
	m.endPieces()
	m.cancelRenders()
	m.rev++
	m.setBriefing(b)

	i, found := m.topicIdx[id]
	if !found {
		i = min(m.current, max(len(b.Topics)-1, 0))
	}
	m.current, m.about = i, about
	m.list.setCurrent(i)
	var prov tea.Cmd
	switch {
	case about:
		prov = m.askProvenance()
	case found:
		// The same topic: its new text, once rendered, is shown at the
		// words the reader was at (see reader.setLines).
		m.reader.shown.topic = i
	default:
		m.reader.hasText = false
		if title != "" {
			m.notice = "“" + title + "” is no longer in the briefing"
		}
	}
	// The text on screen stays until the new one renders; its citations
	// are placed again, for the new topic's.
	m.cite, m.reader.cites = citeCursor{}, nil
	m.views.passage, m.reader.mark = passage{}, highlights{}
	for src := range m.doubted {
		if _, ok := b.Source(src); !ok {
			delete(m.doubted, src)
		}
	}

	cmds := []tea.Cmd{prov, m.refreshSearch(), m.marksCmd()}
	switch m.focus {
	case focusList:
		m.list.Focus()
	case focusResults, focusFinder, focusCard:
		// What they list may be gone: back to the text.
		m.setFocus(focusText)
	}
	// The view on screen, and the one esc goes back to, are made again.
	m, view := m.reopen(m.focus)
	m, back := m.reopen(m.views.back)
	cmds = append(cmds, view, back)
	if len(m.doubted) > 0 {
		if m.sources.b == nil {
			m.sources = newSources(m.b, m.keys, m.sharedStyles(), m.titles)
		}
		m.sources.doubted = m.doubted
		cmds = append(cmds, m.sources.countDimmed())
	}
	m.layout()
	return m, tea.Batch(append(cmds, m.refresh())...)
}

// reopen makes view f again from the briefing, as opening it does, and
// leaves the focus where it was; f other than a view does nothing.
func (m Model) reopen(f focus) (Model, tea.Cmd) {
	was := m.focus
	var cmd tea.Cmd
	switch f {
	case focusTimeline:
		m, cmd = m.openTimeline(-1)
	case focusPeople:
		m, cmd = m.openPeople()
	case focusSources:
		m, cmd = m.openSources()
	case focusBookmarks:
		m, cmd = m.openBookmarks()
	default:
		return m, nil
	}
	m.setFocus(was)
	return m, cmd
}

// refreshSearch compiles the kept search again, for the new briefing's
// names, and counts it again.
func (m *Model) refreshSearch() tea.Cmd {
	s := &m.search
	s.gen++
	s.counts, s.counted, s.timeline, s.event = search.Counts{}, false, nil, -1
	if s.query.Empty() {
		return nil
	}
	s.query = search.Compile(s.query.Text(), m.b.Actors)
	return m.ensureIndex()
}

// tagRev wraps cmd so that the messages of this package it makes carry
// rev, unless they outlast a reload. Before the first reload there is
// nothing to tell apart and nothing is wrapped.
func tagRev(rev int, cmd tea.Cmd) tea.Cmd {
	if rev == 0 {
		return cmd
	}
	return mapCmd(cmd, func(msg tea.Msg) tea.Msg {
		if lasting(msg) || !own(msg) {
			return msg
		}
		return revMsg{rev: rev, msg: msg}
	})
}

// lasting reports whether msg means the same after a reload: it comes
// from the watcher, a timer, the state store or the shelf, not from the
// briefing.
func lasting(msg tea.Msg) bool {
	switch msg.(type) {
	case watchingMsg, changedMsg, reloadedMsg, resizeDoneMsg, backMsg, viewCloseMsg, saveTickMsg, savedMsg:
		return true
	}
	return false
}

// currentMsg returns msg as this revision's message, or false for a message
// of an earlier revision. A message of this package that is not wrapped
// was made before the first reload.
func (m Model) currentMsg(msg tea.Msg) (tea.Msg, bool) {
	if r, ok := msg.(revMsg); ok {
		return r.msg, r.rev == m.rev
	}
	if m.rev == 0 || msg == nil || lasting(msg) || !own(msg) {
		return msg, true
	}
	return msg, false
}
