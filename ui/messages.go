package ui

import (
	"brief/briefing"
	"brief/internal/search"
)

// renderedMsg carries a topic rendered off the update loop; key says which
// topic, width and style it was rendered for, so stale results are known.
type renderedMsg struct {
	key renderKey
	out string
	err error
	// cites places the topic's citations in out, if it has any.
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
