package ui

import "brief/internal/search"

// renderedMsg carries a topic rendered off the update loop; key says which
// topic, width and style it was rendered for, so stale results are known.
type renderedMsg struct {
	key renderKey
	out string
	err error
}

// resizeDoneMsg ends the wait after a resize; gen is the resize count when
// the wait began, so a newer resize restarts the wait.
type resizeDoneMsg struct{ gen int }

// indexedMsg carries the search index, built off the update loop.
type indexedMsg struct{ ix *search.Index }

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
