package ui

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
