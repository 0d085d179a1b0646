package briefing

import (
	"bytes"
	"fmt"
	"math/bits"
	"strings"
	"unicode/utf8"

	"brief/internal/swar"
)

// maxControlWarnings caps the control-character warnings per file, so that
// a file full of them does not bury every other diagnostic.
const maxControlWarnings = 10

// IsControl reports whether r must not reach a terminal: C0 and C1 control
// characters other than newline and tab, DEL, and the bidirectional
// override and isolate characters that can reorder what a reader sees.
func IsControl(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// placeholder returns the visible character that stands in for the control
// character r: its Unicode control picture where there is one, else U+FFFD.
func Placeholder(r rune) rune {
	switch {
	case r < 0x20:
		return 0x2400 + r
	case r == 0x7f:
		return 0x2421
	}
	return utf8.RuneError
}

// HasControl reports whether s holds a character that Sanitize replaces,
// or a byte that is not UTF-8 (such as a raw 0x9B, an 8-bit CSI to some
// terminals), which Sanitize replaces by U+FFFD.
func HasControl(s string) bool {
	i := 0
	for i < len(s) {
		// Sixteen bytes at a time while they are printable ASCII.
		for i+16 <= len(s) {
			v, w := swar.Load64(s, i), swar.Load64(s, i+8)
			if (v|w)&swar.MSB != 0 || controlBytes(v)|controlBytes(w) != 0 {
				break
			}
			i += 16
		}
		// Eight bytes at a time while they are ASCII.
		for i+8 <= len(s) {
			v := swar.Load64(s, i)
			bad := controlBytes(v &^ swar.MSB)
			if high := v & swar.MSB; high != 0 {
				// Only the bytes before the first non-ASCII one count.
				k := bits.TrailingZeros64(high) / 8
				if bad&(1<<(8*k)-1) != 0 {
					return true
				}
				i += k
				break
			}
			if bad != 0 {
				return true
			}
			i += 8
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
				return true
			}
			i++
			continue
		}
		if 0xC2 <= c && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// A two-byte rune, as in most accented letters: a C1
			// control is U+0080 to U+009F.
			if c == 0xC2 && s[i+1] < 0xA0 {
				return true
			}
			i += 2
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || IsControl(r) {
			return true
		}
		i += n
	}
	return false
}

// controlBytes sets the top bit of each byte of v, whose bytes are ASCII,
// that is a control character (below 0x20 but newline and tab, or DEL).
// Each test is exact per byte, as no byte has its top bit set.
func controlBytes(v uint64) uint64 {
	low := ^(v + 0x60*swar.LSB)                                                     // top bit set below 0x20
	ok := (v ^ '\n'*swar.LSB + 0x7f*swar.LSB) & (v ^ '\t'*swar.LSB + 0x7f*swar.LSB) // top bit clear at \n and \t
	del := ^(v ^ 0x7f*swar.LSB + 0x7f*swar.LSB)                                     // top bit set at DEL
	return (low&ok | del) & swar.MSB
}

// Sanitize replaces every control character in s (see the format
// documentation) by a visible placeholder, and every byte that is not
// UTF-8 by U+FFFD, so that text from a briefing, or a file name, cannot
// put a control sequence on a terminal. Text that passed through
// the loader is already sanitized.
func Sanitize(s string) string {
	if !HasControl(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		if IsControl(r) {
			r = Placeholder(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// controlName describes r for a diagnostic.
func controlName(r rune) string {
	return fmt.Sprintf("control character U+%04X", r)
}

// normalize prepares a file's bytes for parsing: it drops a leading byte
// order mark and turns \r\n and lone \r into \n. Line and column numbers
// are unchanged by this, as editors count them the same way.
func normalize(data []byte) []byte {
	return lineFeeds(bytes.TrimPrefix(data, []byte("\uFEFF")))
}

// lineFeeds turns \r\n and lone \r into \n.
func lineFeeds(data []byte) []byte {
	if bytes.IndexByte(data, '\r') < 0 {
		return data
	}
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c == '\r' {
			if i+1 < len(data) && data[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		out = append(out, c)
	}
	return out
}

// neutralize replaces the control characters in a file's text by
// placeholders, each replacement a warning at its position. A placeholder
// is a single character, so positions in the result match the file.
func neutralize(text string, file string, diags *Diagnostics) string {
	if !HasControl(text) {
		return text
	}
	lines := newLineIndex(text)
	var b strings.Builder
	b.Grow(len(text) + 16)
	n := 0
	var rest Pos // where the unlisted replacements start
	for i, r := range text {
		if !IsControl(r) {
			b.WriteRune(r)
			continue
		}
		switch {
		case n < maxControlWarnings:
			diags.warn(lines.pos(file, i), "%s replaced by %c", controlName(r), Placeholder(r))
		case n == maxControlWarnings:
			rest = lines.pos(file, i)
		}
		n++
		b.WriteRune(Placeholder(r))
	}
	if n > maxControlWarnings {
		diags.warn(rest, "%d more control characters replaced from here on", n-maxControlWarnings)
	}
	return b.String()
}

// sanitizeField neutralizes control characters that reach a field by
// other means than the raw text, such as YAML escapes ("\e"), with one
// warning at the field's position.
func sanitizeField(s string, p Pos, field string, diags *Diagnostics) string {
	if !HasControl(s) {
		return s
	}
	for _, r := range s {
		if IsControl(r) {
			diags.warn(p, "%s in %s replaced by %c", controlName(r), field, Placeholder(r))
			break
		}
	}
	return Sanitize(s)
}

// lineIndex maps byte offsets in a text to line and column numbers. It
// remembers the last lookup, so that a run of increasing offsets on one
// long line costs time linear in the line, not quadratic.
type lineIndex struct {
	text string
	// starts holds the byte offset of the start of each line, as far as
	// the text has been scanned: most files are asked for positions near
	// their top only, so lines are found as lookups need them.
	starts []int
	done   bool // starts holds every line
	// last lookup, to resume the column count
	lastLine, lastOff, lastCol int
}

func newLineIndex(text string) *lineIndex {
	return &lineIndex{text: text, starts: []int{0}, lastLine: -1}
}

// scan finds line starts until one is past off or the text ends.
func (x *lineIndex) scan(off int) {
	for !x.done {
		last := x.starts[len(x.starts)-1]
		if last > off {
			return
		}
		j := strings.IndexByte(x.text[last:], '\n')
		if j < 0 {
			x.done = true
			return
		}
		x.starts = append(x.starts, last+j+1)
	}
}

// pos returns the position of byte offset off in file. Offsets outside the
// text are clamped to it.
func (x *lineIndex) pos(file string, off int) Pos {
	if off < 0 {
		off = 0
	}
	if off > len(x.text) {
		off = len(x.text)
	}
	x.scan(off)
	// Binary search for the last line start <= off.
	lo, hi := 0, len(x.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if x.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	line := lo
	from, col := x.starts[line], 1
	if line == x.lastLine && off >= x.lastOff {
		from, col = x.lastOff, x.lastCol
	}
	col += utf8.RuneCountInString(x.text[from:off])
	x.lastLine, x.lastOff, x.lastCol = line, off, col
	return Pos{File: file, Line: line + 1, Col: col}
}

// clamp moves p to the nearest position inside the text.
func (x *lineIndex) clamp(p Pos) Pos {
	// Only the lines up to p's are needed: a file's front matter is at
	// its top.
	for !x.done && len(x.starts) <= p.Line {
		x.scan(x.starts[len(x.starts)-1])
	}
	if p.Line > len(x.starts) {
		p.Line = len(x.starts)
	}
	if p.Line < 1 {
		return p
	}
	end := len(x.text)
	if p.Line < len(x.starts) {
		end = x.starts[p.Line] - 1
	}
	if n := utf8.RuneCountInString(x.text[x.starts[p.Line-1]:end]); p.Col > n+1 {
		p.Col = n + 1
	}
	return p
}
