// Package ui is brief's terminal reader: a Bubble Tea program that pages
// through a briefing's topics, rendered with Glamour.
package ui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"brief/briefing"
	"brief/internal/render"
	"brief/internal/search"
	"brief/internal/state"
	"brief/internal/watch"
)

// Options configure the reader.
type Options struct {
	// Style of the rendered text. Auto follows the terminal's background,
	// dark until the terminal says otherwise.
	Style render.Style
	// Path is where the briefing was loaded from, "" for the built-in
	// one. With Watch and Load, the reader watches its files and loads it
	// again with Load after each save (brief --watch).
	Path  string
	Watch bool
	Load  Loader
	// NoState reads and writes no reading state (brief --no-state).
	NoState bool
	// State is where the reading state is kept; nil with NoState.
	State *state.Store

	// saveWait, when set, replaces state.Interval: tests make it
	// negative, for saves without a wait.
	saveWait time.Duration
}

// focus says which part of the reader gets the keys.
type focus int

const (
	focusText focus = iota
	focusList
	// focusSearch is the search line; focusResults the list of every
	// match; focusFinder the topic finder.
	focusSearch
	focusResults
	focusFinder
	// focusTimeline and focusPeople are the timeline and who's who views.
	focusTimeline
	focusPeople
	// focusSources is the sources view.
	focusSources
	// focusCard is the evidence card of a citation.
	focusCard
	// focusBookmarks is the list of bookmarks.
	focusBookmarks
)

func (f focus) String() string {
	switch f {
	case focusList:
		return "list"
	case focusSearch:
		return "search"
	case focusResults:
		return "results"
	case focusFinder:
		return "finder"
	case focusTimeline:
		return "timeline"
	case focusPeople:
		return "people"
	case focusSources:
		return "sources"
	case focusCard:
		return "card"
	case focusBookmarks:
		return "bookmarks"
	}
	return "text"
}

const (
	// narrowWidth is the width under which the topic list hides.
	narrowWidth                = 80
	minListWidth, maxListWidth = 24, 36
)

// Model is the reader's root model.
type Model struct {
	b     *briefing.Briefing
	opts  Options
	keys  keyMap
	help  help.Model
	st    styles
	style render.Style // resolved: never Auto

	list   topicList
	reader reader
	focus  focus
	// showHelp shows the help overlay over the text.
	showHelp bool
	// helpOffset scrolls the help overlay when it does not fit.
	helpOffset int
	notice     string

	current int
	// about shows the briefing's front page (summary and sources) in
	// place of the current topic.
	about         bool
	width, height int
	sized         bool
	// resizeGen counts resizes; waiting is set while a resize burst is
	// being waited out (the only time a timer runs).
	resizeGen  int
	waiting    bool
	resizeWait time.Duration

	// Shared memo and cache; they never leave the update loop.
	texts   map[int]string // only for the topics near the current one
	minutes []int          // reading time per topic, 0 until counted
	cache   *renderCache
	// inflight cancels each render under way; refresh abandons the ones
	// no longer wanted.
	inflight map[renderKey]context.CancelFunc
	// slots bounds how many renders run at once, so that paging quickly
	// through many topics cannot bury the CPU in renders.
	slots chan struct{}
	// prog is the long topic being rendered a piece at a time, if any.
	prog progress

	search  searchBox
	results results
	finder  finder
	// ix is the search index, built the first time it is needed.
	ix       *search.Index
	indexing bool
	titles   []string
	topicIdx map[string]int

	// The timeline and who's who views; views holds what they return to.
	timeline timeline
	people   people
	sources  sources
	views    viewState
	// cite is the citation cursor and card the evidence card. doubted
	// holds the ids of the sources the reader doubts, and dimSingle asks
	// to dim the claims resting on one source: such claims are dimmed.
	cite citeCursor
	card card
	// layouts keeps the citation layouts of the rendered texts of the
	// topics near the current one, as texts keeps their Markdown.
	layouts   map[renderKey]*citeLayout
	doubted   map[string]bool
	dimSingle bool
	// prov is the briefing's provenance for the summary page; claims
	// counts only once provCounted.
	prov        briefing.Provenance
	provCounted bool
	provAsked   bool
	// provStale is set while a summary rendered before the count is
	// under way: it is rendered again when it comes back.
	provStale bool

	// ident is the briefing's identity in the state store, "" when no
	// state is kept; rec is its reading state, saved when saveDue comes
	// due, and stateWarn why the state could not be read or written.
	ident     string
	rec       state.Record
	saveDue   bool
	saveWait  time.Duration // state.Interval; tests shorten it
	stateWarn string

	// Live reload (ui/reload.go): watcher watches the briefing's files;
	// reloading is set while a load runs, and again when they changed
	// during it; rev counts the briefings swapped in, and broken is the
	// first error of the last load if it failed, shown in the footer.
	watcher          *watch.Watcher
	reloading, again bool
	rev              int
	broken           string

	// marks is what the state says of each topic: read, and what changed
	// since; spans maps the current topic's paragraphs to its lines.
	// changes are the current topic's changes since last read.
	marks     topicMarks
	spans     *spanCache
	changes   shownChanges
	bookmarks bookmarks

	// place is where the reader is going and has been, for the record.
	place places
}

// New returns the reader for b. b must not change while the reader runs.
func New(b *briefing.Briefing, opts Options) Model {
	st := newStyles(opts.Style != render.Light)
	m := Model{
		opts:     opts,
		keys:     defaultKeyMap(),
		help:     help.New(),
		st:       st,
		style:    opts.Style.Resolve(true),
		reader:   newReader(),
		slots:    make(chan struct{}, renderSlots),
		inflight: map[renderKey]context.CancelFunc{},

		resizeWait: resizeWait,
		saveWait:   state.Interval,

		search: newSearch(),
		place:  newPlaces(),
	}
	m.help.Styles = st.help
	m.search.input.SetStyles(st.input)
	m.setBriefing(b)
	if n := len(b.Diagnostics); n > 0 {
		m.notice = problemNotice(b.Diagnostics)
	}
	if opts.saveWait != 0 {
		m.saveWait = max(opts.saveWait, 0)
	}
	m.loadRecord()
	m.marks.pending = len(m.rec.Read) > 0
	m.resume()
	return m
}

// setBriefing makes b the briefing read: all that the reader made from
// the briefing before, its renders, index, counts, views and marks,
// starts afresh. New and a reload (ui/reload.go) share it.
func (m *Model) setBriefing(b *briefing.Briefing) {
	titles := make([]string, len(b.Topics))
	for i, t := range b.Topics {
		titles[i] = cleanLine(t.Title)
		if titles[i] == "" {
			titles[i] = cleanLine(t.ID)
		}
	}
	m.b, m.titles = b, titles
	m.list = newTopicList(titles, m.st)
	m.topicIdx = make(map[string]int, len(b.Topics))
	for i, t := range b.Topics {
		m.topicIdx[t.ID] = i
	}
	m.texts, m.layouts = map[int]string{}, map[renderKey]*citeLayout{}
	m.minutes = make([]int, len(b.Topics))
	m.cache = newRenderCache()
	m.ix, m.indexing = nil, false
	m.timeline, m.people, m.sources = timeline{}, people{list: m.people.list}, sources{}
	m.prov, m.provCounted, m.provAsked, m.provStale = briefing.Provenance{}, false, false, false
	// The topics read are compared with b in a command (marksCmd).
	m.marks = topicMarks{pending: len(m.rec.Read) > 0}
	m.spans, m.changes = &spanCache{}, shownChanges{topic: -1, landAt: -1}
	m.place.words = newPlaces().words // its words are the old Body's
}

// Init asks the terminal for its background colour, starts watching the
// briefing's files and compares the topics read with the briefing; the
// reader waits for none of them.
func (m Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, m.startWatch(), m.marksCmd())
}

// Update handles a message.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	msg, ok := m.currentMsg(msg)
	if !ok {
		return m, nil // made from the briefing before a reload
	}
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m, cmd = m.resize(msg.Width, msg.Height)
	case resizeDoneMsg:
		m, cmd = m.resizeDone(msg)
	case renderedMsg:
		m, cmd = m.rendered(msg)
	case piecesMsg:
		m, cmd = m.piecesArrived(msg)
	case pieceMsg:
		m, cmd = m.pieceArrived(msg)
	case tea.BackgroundColorMsg:
		m, cmd = m.setBackground(msg.IsDark())
	case tea.ColorProfileMsg:
		noColour := msg.Profile == colorprofile.NoTTY || msg.Profile == colorprofile.ASCII
		if m.opts.Style == render.Auto && noColour && m.style != render.NoTTY {
			m.style = render.NoTTY
			cmd = m.refresh()
		}
	case tea.KeyPressMsg:
		m, cmd = m.handleKey(msg)
	case tea.MouseWheelMsg:
		if m.inView() && !m.showHelp {
			m, cmd = m.viewKey(msg)
		} else {
			m = m.wheel(msg.Mouse())
		}
	case tea.MouseClickMsg:
		m, cmd = m.click(msg.Mouse())
	case tea.PasteMsg:
		m, cmd = m.paste(msg)
	case indexedMsg:
		m, cmd = m.indexed(msg)
		cmd = tea.Batch(cmd, m.peopleCountCmd())
	case peopleCountedMsg:
		m.people.setCounts(msg.counts)
	case passagesMsg:
		m.people.setPassages(msg)
	case timelineOpenMsg:
		m, cmd = m.openTimelineEvent(msg.event)
	case mentionOpenMsg:
		m, cmd = m.openMention(msg.match, msg.name)
	case viewCloseMsg:
		m, cmd = m.closeView()
	case sourceCountsMsg, sourcePassagesMsg, passageOpenMsg, doubtMsg, doubtedCountMsg:
		m, cmd = m.sourcesMsg(msg)
	case bookmarkOpenMsg, bookmarkDropMsg:
		m, cmd = m.bookmarksMsg(msg)
	case marksMsg:
		m, cmd = m.marksArrived(msg)
	case countedMsg:
		m = m.counted(msg)
	case citesMsg:
		m.keepLayout(msg.key, msg.cites)
	case provenanceMsg:
		m, cmd = m.provenanceCounted(msg)
	case saveTickMsg:
		if msg.ident == m.ident {
			m = m.notePlace()
			cmd = m.saveCmd()
		}
	case savedMsg:
		m = m.saved(msg)
	case watchingMsg, changedMsg, reloadedMsg:
		m, cmd = m.reloadMsg(msg)
	}
	// Whatever changed the text on screen, the place and the highlights
	// follow it.
	m = m.syncPlace()
	m, more := m.syncSearch()
	m = m.syncPassage()
	m = m.syncCites()
	m, marks := m.syncMarks()
	m = m.syncBars()
	m, track := m.trackReading()
	return m, tagRev(m.rev, tea.Batch(cmd, more, marks, track))
}

// View draws the whole screen.
func (m Model) View() tea.View {
	v := tea.NewView(m.screen())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	return v
}

// Current returns the index of the topic being read.
func (m Model) Current() int { return m.current }

func (m Model) wide() bool { return m.width >= narrowWidth }

// listWidth is the width of the topic list pane in the wide layout.
func (m Model) listWidth() int {
	return min(max(m.width/4, minListWidth), maxListWidth)
}

// bodyHeight is the height between the header and the footer.
func (m Model) bodyHeight() int { return max(m.height-2, 0) }

// layout sizes the children for the window.
func (m *Model) layout() {
	h := m.bodyHeight()
	if m.wide() {
		lw := m.listWidth()
		m.list.SetSize(lw, h)
		m.reader.SetSize(m.width-lw-1, max(h-len(m.titleLines()), 0))
	} else {
		ow, oh := m.overlayListSize()
		m.list.SetSize(ow, oh)
		m.reader.SetSize(m.width, h)
	}
	m.results.SetSize(m.width, h)
	m.card.SetSize(m.width, h)
	m.finder.SetSize(m.width, h)
	m.timeline.SetSize(m.width, h)
	m.people.SetSize(m.width, h)
	m.sources.SetSize(m.width, h)
	m.bookmarks.SetSize(m.width, h)
	m.help.SetWidth(m.width)
}

// textWidth is the width text is rendered at.
func (m Model) textWidth() int {
	w := m.width
	if m.wide() {
		w -= m.listWidth() + 1
	}
	return min(max(w, 1), maxTextWidth)
}

func (m Model) keyFor(topic int) renderKey {
	return renderKey{topic: topic, width: m.textWidth(), style: m.style}
}

// resize lays the screen out again at once; the text is rendered for the
// new width only once the window has kept one size for a moment.
func (m Model) resize(w, h int) (Model, tea.Cmd) {
	oldWidth := m.textWidth()
	first := !m.sized
	m.width, m.height, m.sized = max(w, 0), max(h, 0), true
	m.layout()
	if first || !m.reader.hasText {
		return m, m.refresh()
	}
	if m.textWidth() == oldWidth && !m.waiting {
		return m, nil
	}
	m.resizeGen++
	if m.waiting {
		return m, nil
	}
	m.waiting = true
	return m, resizeTick(m.resizeWait, m.resizeGen)
}

func (m Model) resizeDone(msg resizeDoneMsg) (Model, tea.Cmd) {
	if msg.gen != m.resizeGen {
		return m, resizeTick(m.resizeWait, m.resizeGen) // still resizing
	}
	m.waiting = false
	return m, m.refresh()
}

func (m Model) setBackground(isDark bool) (Model, tea.Cmd) {
	// A style chosen on the command line outranks the terminal's answer.
	switch m.opts.Style {
	case render.Dark, render.Light:
		isDark = m.opts.Style == render.Dark
	}
	m.st = newStyles(isDark)
	m.list.st, m.finder.st = m.st, m.st
	st := m.sharedStyles()
	m.card.st, m.sources.st, m.results.st = st, st, st
	m.timeline.st, m.people.st, m.people.passages.st = st, st, st
	m.bookmarks.st = st
	m.card.SetSize(m.card.width, m.card.height)
	m.help.Styles = m.st.help
	m.search.input.SetStyles(m.st.input)
	m.finder.list.input.SetStyles(m.st.input)
	m.people.list.input.SetStyles(m.st.input)
	if m.opts.Style != render.Auto || m.style == render.NoTTY {
		return m, nil
	}
	m.style = render.Auto.Resolve(isDark)
	return m, m.refresh()
}

// sharedStyles returns a copy of the styles for the views to share by
// pointer: a copy in each would make every update's copy of the root
// model dearer (see docs/performance.md).
func (m Model) sharedStyles() *styles {
	st := m.st
	return &st
}

// text returns topic i's Markdown with citations as numbered markers.
func (m Model) text(i int) string {
	md, ok := m.texts[i]
	if !ok {
		if i == aboutTopic {
			md = m.b.AboutWith(m.updatedMarkdown() + m.provenanceMarkdown())
		} else {
			md, _ = m.b.Cited(m.b.Topics[i])
		}
		m.texts[i] = md
	}
	return md
}

// readingMinutes returns topic i's reading time, counted once.
func (m Model) readingMinutes(i int) int {
	if m.minutes[i] == 0 {
		m.minutes[i] = max(int(m.b.Topics[i].ReadingTime().Minutes()), 1)
	}
	return m.minutes[i]
}

// open makes topic i the current one.
func (m Model) open(i int) (Model, tea.Cmd) {
	if i < 0 || i >= len(m.b.Topics) {
		return m, nil
	}
	m.current, m.about = i, false
	m.list.setCurrent(i)
	m.layout() // the title above the text comes and goes
	return m, m.refresh()
}

// aboutTopic stands for the briefing's front page where a topic index is
// expected: in render keys, the cache and the Markdown memo.
const aboutTopic = -1

// shownTopic is the topic index of what the reading pane shows.
func (m Model) shownTopic() int {
	if m.about {
		return aboutTopic
	}
	return m.current
}

// showAbout shows or hides the front page.
func (m Model) showAbout(on bool) (Model, tea.Cmd) {
	m.about = on
	m.layout()
	return m, m.refresh()
}

// setFocus moves the keys to the text or the list.
func (m *Model) setFocus(f focus) {
	m.focus = f
	m.keys.setMode(f, !m.search.query.Empty())
	if f == focusList {
		m.list.Focus()
	} else {
		m.list.Blur()
	}
}
