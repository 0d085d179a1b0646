// Package expect says what brief's screen must show for a briefing, so
// that the harnesses know when a frame is the one they wait for.
package expect

import (
	"strings"
	"unicode"
	"unicode/utf8"

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

// chrome is the words of the reader's header (with the briefing's date)
// and footer, which are styled whatever the topic shows.
var chrome = strings.Fields("scroll topic topics search help quit minutes " +
	"January February March April May June July August September October November December")

// StyledWords returns up to n words from the start of the first topic's
// Markdown, each of five letters or more, that no title of the briefing
// and nothing of the reader's chrome holds. They are on the topic's first
// screen, and when they show styled, the styled text has replaced the
// plain Markdown (see vterm.Screen.ShowsStyled). Words are taken whole,
// with the markup around them (**, _, `, [, #) removed; words with markup
// inside are skipped, since Glamour would draw them apart.
func StyledWords(b *briefing.Briefing, n int) []string {
	if len(b.Topics) == 0 {
		return nil
	}
	titles := []string{b.Title, b.Subtitle}
	for _, t := range b.Topics {
		titles = append(titles, t.Title)
	}
	taken := strings.ToLower(strings.Join(titles, " ") + " " + strings.Join(chrome, " "))
	var words []string
	seen := map[string]bool{}
	for _, f := range strings.Fields(b.Topics[0].Body) {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })
		if utf8.RuneCountInString(w) < 5 || seen[w] || !allLetters(w) ||
			strings.Contains(taken, strings.ToLower(w)) || !plainAround(f, w) {
			continue
		}
		seen[w] = true
		words = append(words, w)
		if len(words) == n {
			break
		}
	}
	return words
}

func allLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// plainAround reports whether the field f is w with only emphasis, code,
// heading or bracket markup and punctuation around it, so that the word
// is drawn whole once rendered.
func plainAround(f, w string) bool {
	i := strings.Index(f, w)
	return !strings.ContainsAny(f[:i]+f[i+len(w):], "@/:\\=<>")
}
