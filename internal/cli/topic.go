package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"brief/briefing"
)

// maxTopicsListed bounds the topics an unknown --topic lists; brief list
// shows the rest.
const maxTopicsListed = 20

// findTopic returns the topic that s names: its number as the reader
// numbers topics (from 1), its id, or its title in any case.
func findTopic(b *briefing.Briefing, s string) *briefing.Topic {
	if t := b.Topic(s); t != nil {
		return t
	}
	if n, err := strconv.Atoi(s); err == nil {
		if n >= 1 && n <= len(b.Topics) {
			return b.Topics[n-1]
		}
		return nil
	}
	for _, t := range b.Topics {
		if strings.EqualFold(t.Title, s) || strings.EqualFold(t.ID, s) {
			return t
		}
	}
	return nil
}

// noTopic tells the user that s names no topic, and which topics there
// are.
func noTopic(w io.Writer, b *briefing.Briefing, s string) error {
	fmt.Fprintf(w, "brief: no topic %q in %s; --topic takes a number, an id or a title:\n",
		briefing.Sanitize(s), briefing.Sanitize(displayName(b)))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for i, t := range b.Topics {
		if i == maxTopicsListed {
			fmt.Fprintf(tw, "  …and %d more: brief list shows them all\n", len(b.Topics)-i)
			break
		}
		fmt.Fprintf(tw, "  %d\t%s\t%s\n", i+1, briefing.Sanitize(t.ID), briefing.Sanitize(t.Title))
	}
	tw.Flush()
	return &exitError{code: exitFailure}
}
