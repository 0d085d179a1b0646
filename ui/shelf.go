package ui

import (
	"reflect"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"brief/briefing"
	"brief/internal/render"
	"brief/internal/state"
)

// Loader loads the briefing at a path, as brief PATH does.
type Loader func(path string) (*briefing.Briefing, error)

// Shelf is the program for a library: the library view, and the reader of
// the briefing opened from it. It routes messages and keeps the reader's
// apart from the next reader's; the reader itself is the same Model that
// brief PATH runs.
type Shelf struct {
	lib  library
	opts Options
	load Loader

	reader  Model
	reading bool
	// gen numbers the readers opened; a message from an earlier one (a
	// render that finished as the reader closed) is dropped.
	gen int
	// loading is the entry being loaded, or -1.
	loading int

	// What the terminal said, for the next reader.
	size    *tea.WindowSizeMsg
	bg      *tea.BackgroundColorMsg
	profile *tea.ColorProfileMsg
}

// NewShelf returns the program for lib; load opens a briefing of it.
func NewShelf(lib *briefing.Library, opts Options, load Loader) Shelf {
	return Shelf{lib: newLibrary(lib, newStyles(opts.Style != render.Light)), opts: opts, load: load, loading: -1}
}

// RunLibrary shows lib in the terminal until the user quits.
func RunLibrary(lib *briefing.Library, opts Options, load Loader) error {
	final, err := tea.NewProgram(NewShelf(lib, withEnv(opts), load)).Run()
	if s, ok := final.(Shelf); ok && s.reading && err == nil {
		err = s.reader.SaveState()
	}
	return err
}

// Init asks the terminal for its background colour and scans a library
// that is only listed: its names are on screen meanwhile.
func (s Shelf) Init() tea.Cmd {
	lib := s.lib.lib
	if lib.Scanned {
		return tea.Batch(tea.RequestBackgroundColor, s.progressCmd(lib))
	}
	return tea.Batch(tea.RequestBackgroundColor, func() tea.Msg { return scannedMsg{lib: lib.Scan()} })
}

// progressCmd finds the reading progress of lib's entries off the update
// loop: a state file per entry, and a load of those read, to count their
// topics updated since.
func (s Shelf) progressCmd(lib *briefing.Library) tea.Cmd {
	store, load := s.opts.State, s.load
	if store == nil || load == nil {
		return nil
	}
	return func() tea.Msg {
		return progressMsg{lib: lib, index: -1, progress: state.LibraryProgress(lib, store, load)}
	}
}

// progressed fills in the reading progress found: of every entry, or
// of the one index.
func (s Shelf) progressed(msg progressMsg) Shelf {
	switch {
	case msg.lib != s.lib.lib:
	case msg.index < 0:
		s.lib.setProgress(msg.lib, msg.progress)
	case msg.index < len(s.lib.states) && len(msg.progress) == 1:
		s.lib.states[msg.index] = msg.progress[0]
	}
	return s
}

// Update handles a message: the terminal's go to both views, the reader's
// to the reader it came from, keys to whichever is on screen.
func (s Shelf) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.size = &msg
		s.lib.SetSize(msg.Width, msg.Height)
	case tea.BackgroundColorMsg:
		s.bg = &msg
		s.lib.setStyles(newStyles(s.isDark(msg.IsDark())))
	case tea.ColorProfileMsg:
		s.profile = &msg
	case readerMsg:
		if msg.gen != s.gen || !s.reading {
			if w, ok := msg.msg.(watchingMsg); ok && w.w != nil {
				w.w.Close() // the watcher of a reader since closed
			}
			return s, nil
		}
		if _, ok := msg.msg.(backMsg); ok {
			return s.back()
		}
		return s.toReader(msg.msg)
	case scannedMsg:
		s.lib.setLibrary(msg.lib)
		return s, s.progressCmd(msg.lib)
	case progressMsg:
		return s.progressed(msg), nil
	case openEntryMsg:
		return s.open(msg.index)
	case loadedMsg:
		return s.opened(msg)
	}
	if s.reading {
		return s.toReader(msg)
	}
	var cmd tea.Cmd
	s.lib, cmd = s.lib.Update(msg)
	return s, cmd
}

// isDark is the terminal's answer, unless the command line chose a style.
func (s Shelf) isDark(terminal bool) bool {
	switch s.opts.Style {
	case render.Dark, render.Light:
		return s.opts.Style == render.Dark
	}
	return terminal
}

// View draws the reader, or the library.
func (s Shelf) View() tea.View {
	if s.reading {
		return s.reader.View()
	}
	v := tea.NewView(s.lib.View())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	return v
}

// Reading reports whether a briefing is open, and which entry.
func (s Shelf) Reading() (int, bool) { return s.loading, s.reading }

// open starts loading entry i, off the update loop.
func (s Shelf) open(i int) (Shelf, tea.Cmd) {
	e := s.lib.lib.Entries[i]
	s.loading = i
	s.lib.status = "Opening " + cleanLine(e.Title) + "…"
	load, path := s.load, e.Path
	return s, func() tea.Msg {
		b, err := load(path)
		return loadedMsg{index: i, b: b, err: err}
	}
}

// opened shows a loaded briefing, with what the terminal said so far.
func (s Shelf) opened(msg loadedMsg) (Shelf, tea.Cmd) {
	if msg.index != s.loading || s.reading {
		return s, nil // another was asked for since
	}
	if msg.err != nil {
		first, _, _ := strings.Cut(msg.err.Error(), "\n")
		s.lib.status = "Could not open it: " + cleanLine(first)
		s.loading = -1
		return s, nil
	}
	s.lib.status = ""
	s.gen++
	s.reading = true
	s.lib.Blur()
	opts := s.opts
	opts.Path, opts.Load = s.lib.lib.Entries[msg.index].Path, s.load
	s.reader = New(msg.b, opts)
	s.reader.keys.Library.SetEnabled(true)
	cmds := []tea.Cmd{tagCmd(s.gen, s.reader.startWatch())}
	if s.bg == nil {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	var said []tea.Msg
	if s.bg != nil {
		said = append(said, *s.bg)
	}
	if s.profile != nil {
		said = append(said, *s.profile)
	}
	if s.size != nil {
		said = append(said, *s.size)
	}
	for _, m := range said {
		var cmd tea.Cmd
		s, cmd = s.toReader(m)
		cmds = append(cmds, cmd)
	}
	return s, tea.Batch(cmds...)
}

// back closes the briefing and shows the library where it was.
func (s Shelf) back() (Shelf, tea.Cmd) {
	s.reader.stop()
	s.reader = s.reader.notePlace()
	save := s.reader.saveCmd()
	row := s.rowCmd()
	s.reader, s.reading, s.loading = Model{}, false, -1
	return s, tea.Batch(save, row, s.lib.Focus())
}

// rowCmd counts the progress of the briefing being closed, from the
// reader's record rather than the file its save is writing, off the
// update loop.
func (s Shelf) rowCmd() tea.Cmd {
	if s.reader.ident == "" || s.loading < 0 {
		return nil
	}
	lib, i, rec, topics := s.lib.lib, s.loading, s.reader.rec, s.reader.b.Topics
	return func() tea.Msg {
		p := rec.Progress(topics)
		p.LastRead = time.Now() // the save under way sets as much
		return progressMsg{lib: lib, index: i, progress: []state.Progress{p}}
	}
}

// toReader hands msg to the reader and marks its commands as its own.
func (s Shelf) toReader(msg tea.Msg) (Shelf, tea.Cmd) {
	tm, cmd := s.reader.Update(msg)
	s.reader = tm.(Model)
	return s, tagCmd(s.gen, cmd)
}

// uiPkg is this package's path: messages of types declared here are the
// reader's own, and get its generation; the runtime's pass as they are.
var uiPkg = reflect.TypeFor[readerMsg]().PkgPath()

// tagCmd wraps cmd so that the reader's messages it makes carry gen.
func tagCmd(gen int, cmd tea.Cmd) tea.Cmd {
	return mapCmd(cmd, func(msg tea.Msg) tea.Msg { return tagMsg(gen, msg) })
}

func tagMsg(gen int, msg tea.Msg) tea.Msg {
	return mapMsg(msg, func(msg tea.Msg) tea.Msg {
		if own(msg) {
			return readerMsg{gen: gen, msg: msg}
		}
		return msg
	})
}

// own reports whether msg is of a type declared in this package.
func own(msg tea.Msg) bool { return reflect.TypeOf(msg).PkgPath() == uiPkg }

// mapCmd wraps cmd so that each message it makes, batches opened, goes
// through f.
func mapCmd(cmd tea.Cmd, f func(tea.Msg) tea.Msg) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg { return mapMsg(cmd(), f) }
}

func mapMsg(msg tea.Msg, f func(tea.Msg) tea.Msg) tea.Msg {
	switch msg := msg.(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		out := make(tea.BatchMsg, len(msg))
		for i, c := range msg {
			out[i] = mapCmd(c, f)
		}
		return out
	}
	return f(msg)
}
