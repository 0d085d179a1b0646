// Package expect says what brief's screen must show for a briefing, so
// that the harnesses know when a frame is the one they wait for.
package expect

import (
	"strings"

	"brief/briefing"
	"brief/content"
)

// Load loads the briefing brief opens with args: the one at args[0], or
// the embedded one when there is none.
func Load(args []string) (*briefing.Briefing, error) {
	if len(args) > 0 && args[0] != "" {
		return briefing.Load(args[0])
	}
	return briefing.LoadFS(content.FS, ".")
}

// FirstFrame is the text of the first frame: the briefing's title and the
// start of each of the first maxTopics topic titles (the whole list of a
// short briefing, what fits of a long one). Starts, so that a list that
// truncates long titles still matches.
func FirstFrame(b *briefing.Briefing, maxTopics int) []string {
	want := []string{Prefix(b.Title, 24)}
	for i, t := range b.Topics {
		if i == maxTopics {
			break
		}
		want = append(want, Prefix(t.Title, 12))
	}
	return want
}

// Prefix cuts s to at most n runes, at a word boundary when it can.
func Prefix(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return cut
}
