package briefing

import (
	"time"
	"unicode"
)

// wordsPerMinute is a common figure for reading prose on screen.
const wordsPerMinute = 200

// Words counts the words in the topic's body.
func (t *Topic) Words() int {
	n, in := 0, false
	for _, r := range t.Body {
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
