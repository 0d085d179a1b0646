package search

import (
	"math/bits"
	"strings"

	"brief/internal/swar"
)

// commonFirst marks the bytes that start a needle so often in text that
// strings.Count, which stops at each of them, is slower than scanning for
// the needle's first two bytes eight at a time: space and the most
// frequent letters of English.
var commonFirst = func() (t [256]bool) {
	for _, c := range []byte(" etaoinshrdlcum") {
		t[c] = true
	}
	return t
}()

// countFolded returns strings.Count(s, needle): the number of
// non-overlapping occurrences, leftmost first. When needle starts with a
// common byte it finds candidates by their first two bytes, eight
// positions at a time, so that a short common prefix typed in the search
// line (say "th") costs a few milliseconds over many megabytes.
func countFolded(s, needle string) int {
	if len(needle) < 2 || !commonFirst[needle[0]] {
		return strings.Count(s, needle)
	}
	m0, m1 := swar.LSB*uint64(needle[0]), swar.LSB*uint64(needle[1])
	n, next := 0, 0
	i := 0
	for ; i+9 <= len(s); i += 8 {
		hits := swar.ZeroBytes(swar.Load64(s, i)^m0) & swar.ZeroBytes(swar.Load64(s, i+1)^m1)
		for hits != 0 {
			p := i + bits.TrailingZeros64(hits)/8
			hits &= hits - 1
			if p >= next && strings.HasPrefix(s[p:], needle) {
				n++
				next = p + len(needle)
			}
		}
	}
	for ; i+1 < len(s); i++ {
		if i >= next && s[i] == needle[0] && strings.HasPrefix(s[i:], needle) {
			n++
			next = i + len(needle)
		}
	}
	return n
}
