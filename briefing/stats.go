package briefing

import (
	"time"
	"unicode"
)

// wordsPerMinute is a common figure for reading prose on screen.
const wordsPerMinute = 200

// Words counts the words in the topic's body. A citation group counts as
// one word, its marker, however long the excerpts it carries.
func (t *Topic) Words() int {
	n, last := 0, 0
	for _, c := range t.Citations {
		if c.Start < last || c.End > len(t.Body) {
			continue
		}
		n += words(t.Body[last:c.Start]) + 1
		last = c.End
	}
	return n + words(t.Body[last:])
}

func words(s string) int {
	n, in := 0, false
	for _, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		if word && !in {
			n++
		}
		in = word || (in && (r == '\'' || r == '’' || r == '-'))
	}
	return n
}

// ReadingTime estimates how long the topic takes to read, rounded up to
// the minute.
func (t *Topic) ReadingTime() time.Duration {
	words := t.Words()
	if words == 0 {
		return 0
	}
	minutes := (words + wordsPerMinute - 1) / wordsPerMinute
	return time.Duration(minutes) * time.Minute
}
