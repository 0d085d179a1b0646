package ui

import (
	tea "charm.land/bubbletea/v2"

	"brief/briefing"
	"brief/internal/search"
	"brief/internal/state"
	"brief/internal/watch"
)

// renderedMsg carries a topic rendered off the update loop; key says which
// topic, width and style it was rendered for, so stale results are known.
type renderedMsg struct {
	key renderKey
	gen int // the long render's generation, for a long topic of one piece
	out string
	err error
	// cites places the topic's citations in out, if it has any.
	cites *citeLayout
}

// piecesMsg starts showing a long topic a piece at a time: the stand-in
// lines of every piece, and piece index rendered. key and gen say which
// render it belongs to, so stale ones are dropped.
type piecesMsg struct {
	key    renderKey
	gen    int
	pieces []string   // the Markdown of each piece
	plain  [][]string // each piece's stand-in lines
	index  int
	lines  []string // piece index rendered
	err    error
}

// pieceMsg carries one more piece of a long topic, rendered.
type pieceMsg struct {
	key   renderKey
	gen   int
	index int
	lines []string
	err   error
}

// citesMsg carries the citation layout of rendering key, placed off the
// update loop once a long topic's pieces are all rendered.
type citesMsg struct {
	key   renderKey
	cites *citeLayout
}

// resizeDoneMsg ends the wait after a resize; gen is the resize count when
// the wait began, so a newer resize restarts the wait.
type resizeDoneMsg struct{ gen int }

// indexedMsg carries the search index, built off the update loop.
type indexedMsg struct{ ix *search.Index }

// provenanceMsg carries the briefing's provenance, claims counted off the
// update loop.
type provenanceMsg struct{ p briefing.Provenance }

// countedMsg carries the counts of a query across the briefing; gen is the
// search's generation when the count began, so stale counts are dropped.
type countedMsg struct {
	gen    int
	counts search.Counts
}

// peopleCountedMsg carries the number of passages naming each actor, in
// the order of Briefing.Actors, counted off the update loop.
type peopleCountedMsg struct{ counts []int }

// passagesMsg carries the passages naming actor, an index in
// Briefing.Actors, found off the update loop.
type passagesMsg struct {
	actor   int
	matches []search.Match
}

// openEntryMsg asks for entry i of the library to be loaded and opened.
type openEntryMsg struct{ index int }

// readerMsg is a message of the reader of generation gen.
type readerMsg struct {
	gen int
	msg tea.Msg
}

// loadedMsg carries the briefing of library entry index, loaded off the
// update loop.
type loadedMsg struct {
	index int
	b     *briefing.Briefing
	err   error
}

// backMsg asks the shelf to close the briefing and show the library.
type backMsg struct{}

// scannedMsg carries the library scanned off the update loop.
type scannedMsg struct{ lib *briefing.Library }

// watchingMsg carries the watcher of the briefing's files, started off the
// update loop, or why it could not start.
type watchingMsg struct {
	w   *watch.Watcher
	err error
}

// changedMsg says that the briefing's files changed.
type changedMsg struct{}

// reloadedMsg carries the briefing loaded again after a change, or the
// error that stopped the load.
type reloadedMsg struct {
	b   *briefing.Briefing
	err error
}

// revMsg is a message made from revision rev of the briefing: those of an
// earlier one are dropped after a reload.
type revMsg struct {
	rev int
	msg tea.Msg
}

// progressMsg carries the reading progress of the entries of lib, or of
// entry index alone when one is set, found off the update loop.
type progressMsg struct {
	lib      *briefing.Library
	index    int
	progress []state.Progress
}
