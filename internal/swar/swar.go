// Package swar holds the word-at-a-time helpers that the sanitiser and the
// search engine use to scan eight bytes of text in one step.
package swar

const (
	// LSB has the lowest bit of each byte of a word set.
	LSB = 0x0101010101010101
	// MSB has the highest bit of each byte of a word set.
	MSB = 0x8080808080808080
)

// Load64 reads 8 bytes of s from i, little-endian; the compiler makes it
// one load.
func Load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// ZeroBytes sets the top bit of each byte of v that is zero, and no other.
func ZeroBytes(v uint64) uint64 {
	return ^(((v &^ MSB) + ^uint64(MSB)) | v) & MSB
}
