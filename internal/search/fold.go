package search

import (
	"encoding/binary"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"

	"brief/internal/swar"
)

// Search works on a folded form of the text: diacritics removed, runs of
// white space made one space, and, for case-insensitive search, lower
// case. Folding can change byte lengths (é is two bytes, e is one), so a
// folded text carries segments that map its positions back to the
// original.

// tableSize covers Latin, Greek and Cyrillic, where folding needs Unicode
// decomposition; above it runes are only lower-cased.
const tableSize = 0x2000

var (
	foldOnce sync.Once
	// foldTab[0] keeps case, foldTab[1] lower-cases.
	foldTab [2][tableSize]string
)

// foldSpecial spells letters that do not decompose into a base letter and
// marks, as a reader typing without them would.
var foldSpecial = map[rune]string{
	'ß': "ss", 'ẞ': "SS", 'æ': "ae", 'Æ': "AE", 'œ': "oe", 'Œ': "OE",
	'ø': "o", 'Ø': "O", 'ł': "l", 'Ł': "L", 'đ': "d", 'Đ': "D",
	'ð': "d", 'Ð': "D", 'þ': "th", 'Þ': "TH", 'ı': "i", 'ħ': "h", 'Ħ': "H",
}

// buildFoldTables fills foldTab. It runs in every search from the command
// line, so it avoids what costs there: decomposing a rune only when it
// has a decomposition, and one string for all the spellings, which the
// table's strings share.
func buildFoldTables() {
	blob := make([]byte, 0, 4*tableSize)
	var spans [tableSize][3]int32 // where each rune's spellings start and end in blob
	var enc [utf8.UTFMax]byte
	var special [tableSize]string
	for r, s := range foldSpecial {
		special[r] = s
	}
	for r := rune(0); r < tableSize; r++ {
		start := len(blob)
		switch n := utf8.EncodeRune(enc[:], r); {
		case r < utf8.RuneSelf:
			blob = append(blob, byte(r))
		case special[r] != "":
			blob = append(blob, special[r]...)
		case r >= 0x300 && unicode.Is(unicode.Mn, r):
			// Marks fold to nothing.
		default:
			d := norm.NFD.Properties(enc[:n]).Decomposition()
			if d == nil {
				blob = append(blob, enc[:n]...)
				break
			}
			for _, c := range string(d) {
				if !unicode.Is(unicode.Mn, c) {
					blob = utf8.AppendRune(blob, c)
				}
			}
		}
		mid := len(blob)
		for _, c := range string(blob[start:mid]) {
			blob = utf8.AppendRune(blob, unicode.ToLower(c))
		}
		spans[r] = [3]int32{int32(start), int32(mid), int32(len(blob))}
	}
	all := string(blob)
	for r, sp := range spans {
		foldTab[0][r] = all[sp[0]:sp[1]]
		foldTab[1][r] = all[sp[1]:sp[2]]
	}
}

// foldRune returns the folded spelling of r; lower selects case folding.
func foldRune(r rune, lower bool) string {
	foldOnce.Do(buildFoldTables)
	l := 0
	if lower {
		l = 1
	}
	if r < tableSize {
		return foldTab[l][r]
	}
	if unicode.Is(unicode.Mn, r) {
		return ""
	}
	if lower {
		r = unicode.ToLower(r)
	}
	return string(r)
}

// isSpace reports whether r separates words: any run of such runes
// matches one space in a query.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
	}
	return unicode.IsSpace(r)
}

// seg is one stretch of a folded text. Folded bytes [f, next.f) come from
// original bytes [o, next.o). In a unit segment the two are one rune or
// one run of white space, mapped as a whole; otherwise they correspond
// byte for byte.
type seg struct {
	f, o int32
	unit bool
}

// folded is a text in folded form with the map back to the original.
type folded struct {
	s    string
	segs []seg
	// n is the length of the original text.
	n int
	// multi says that some rune folds to several ("ß" to "ss"), so that
	// two folded matches may map back to overlapping ranges.
	multi bool
}

// asciiPlain marks the ASCII bytes that fold to themselves (upper case
// aside) and end no word: everything but control and space characters,
// and the space itself, which foldText checks is alone.
var asciiPlain = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = true
	}
	return t
}()

const spaces = 0x2020202020202020

// printable8 reports whether the eight bytes of v are all printable
// ASCII: none from 0x7f on, none below a space.
func printable8(v uint64) bool {
	below := (v - spaces) &^ v & swar.MSB
	return (v&swar.MSB | below | swar.ZeroBytes(v^0x7f7f7f7f7f7f7f7f)) == 0
}

// upperBytes sets the top bit of each byte of v, all ASCII, that is an
// upper-case letter, and no other.
func upperBytes(v uint64) uint64 {
	return (v + (0x80-'A')*swar.LSB) &^ (v + (0x80-'Z'-1)*swar.LSB) & swar.MSB
}

// foldText folds s for search. lower selects case folding.
func foldText(s string, lower bool) folded {
	f, _, _ := foldAppend(make([]byte, 0, len(s)+8), make([]seg, 0, 8), s, lower)
	return f
}

// foldAppend folds s as foldText does, with the folded text appended to
// buf and its segments to segs, which it returns for more: the folded
// text keeps the bytes and segments it was given, which must not be
// written again.
func foldAppend(buf []byte, segs []seg, s string, lower bool) (folded, []byte, []seg) {
	base, segBase := len(buf), len(segs)
	ident := false // whether the last segment is byte for byte
	multi := false
	startIdent := func(o int) {
		if !ident {
			segs = append(segs, seg{f: int32(len(buf) - base), o: int32(o)})
			ident = true
		}
	}
	startUnit := func(o int) {
		segs = append(segs, seg{f: int32(len(buf) - base), o: int32(o), unit: true})
		ident = false
	}
	for i := 0; i < len(s); {
		// Most text is runs of printable ASCII with single spaces: copy
		// them whole.
		j := i
		for j < len(s) {
			// Eight bytes at a time where they and the eight from the
			// next one on are printable and no space follows a space.
			if j+9 <= len(s) {
				v, w := swar.Load64(s, j), swar.Load64(s, j+1)
				if printable8(v) && printable8(w) && swar.ZeroBytes(v^spaces)&swar.ZeroBytes(w^spaces) == 0 {
					j += 8
					continue
				}
			}
			if !asciiPlain[s[j]] || s[j] == ' ' && j+1 < len(s) && (!asciiPlain[s[j+1]] || s[j+1] == ' ') {
				break
			}
			j++
		}
		if j > i {
			startIdent(i)
			k := len(buf)
			buf = append(buf, s[i:j]...)
			if lower {
				for ; k+8 <= len(buf); k += 8 {
					v := binary.LittleEndian.Uint64(buf[k:])
					binary.LittleEndian.PutUint64(buf[k:], v|upperBytes(v)>>2)
				}
				for ; k < len(buf); k++ {
					if c := buf[k]; 'A' <= c && c <= 'Z' {
						buf[k] = c + 'a' - 'A'
					}
				}
			}
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) {
			j := i + size
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isSpace(r2) {
					break
				}
				j += n2
			}
			if j-i == 1 {
				startIdent(i)
			} else {
				startUnit(i)
			}
			buf = append(buf, ' ')
			i = j
			continue
		}
		var f string
		switch {
		case r == utf8.RuneError && size == 1:
			f = "\uFFFD"
		case r < utf8.RuneSelf:
			// A control character: kept, never part of a word.
			f = string(r)
		case r >= tableSize && !unicode.Is(unicode.Mn, r) && (!lower || unicode.ToLower(r) == r):
			// Folds to itself: copy it without making a string.
			startIdent(i)
			buf = append(buf, s[i:i+size]...)
			i += size
			continue
		default:
			f = foldRune(r, lower)
		}
		// Byte for byte only if rune boundaries stay put too: "æ" is two
		// bytes and so is "ae", but a match may start at its "e".
		switch n := utf8.RuneCountInString(f); {
		case len(f) == size && n == 1:
			startIdent(i)
		case n > 1:
			multi = true
			fallthrough
		default:
			startUnit(i)
		}
		buf = append(buf, f...)
		i += size
	}
	// buf is not written again: the string can share its bytes.
	f := buf[base:]
	return folded{s: unsafe.String(unsafe.SliceData(f), len(f)), segs: segs[segBase:len(segs):len(segs)], n: len(s), multi: multi}, buf, segs
}

// mapper turns folded positions back into original byte offsets. Queries
// usually come in increasing order, so it remembers where it was.
type mapper struct {
	f   *folded
	cur int
}

// find returns the index of the segment that holds folded byte p.
func (m *mapper) find(p int) int {
	segs := m.f.segs
	i := m.cur
	if i >= len(segs) || int(segs[i].f) > p {
		i = 0
	}
	// Galloping would help with huge jumps; matches are dense enough that
	// a forward walk with a binary-search fallback is simpler.
	if i+64 < len(segs) && int(segs[i+64].f) <= p {
		lo, hi := i, len(segs)-1
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if int(segs[mid].f) <= p {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		i = lo
	}
	for i+1 < len(segs) && int(segs[i+1].f) <= p {
		i++
	}
	m.cur = i
	return i
}

// segEnd returns where segment i ends in the folded and original text.
func (m *mapper) segEnd(i int) (f, o int) {
	if i+1 < len(m.f.segs) {
		return int(m.f.segs[i+1].f), int(m.f.segs[i+1].o)
	}
	return len(m.f.s), m.f.n
}

// start maps the folded byte p to the start of the original rune it came
// from.
func (m *mapper) start(p int) int {
	i := m.find(p)
	s := m.f.segs[i]
	if s.unit {
		return int(s.o)
	}
	return int(s.o) + p - int(s.f)
}

// end maps the exclusive folded end p > 0 to the end of the original rune
// it came from, taking in marks that folded to nothing after it.
func (m *mapper) end(p int) int {
	i := m.find(p - 1)
	s := m.f.segs[i]
	fe, oe := m.segEnd(i)
	if !s.unit && p < fe {
		return int(s.o) + p - int(s.f)
	}
	// Skip the empty segments of dropped marks that follow.
	for i+1 < len(m.f.segs) {
		nf, _ := m.segEnd(i + 1)
		if nf != fe {
			break
		}
		i++
		_, oe = m.segEnd(i)
	}
	return oe
}

// foldEqual reports whether s folds, keeping case, to exactly want.
func foldEqual(s, want string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && !isSpace(rune(c)) {
			if len(want) == 0 || want[0] != c {
				return false
			}
			want = want[1:]
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) {
			for i < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[i:])
				if !isSpace(r2) {
					break
				}
				i += n2
			}
			if len(want) == 0 || want[0] != ' ' {
				return false
			}
			want = want[1:]
			continue
		}
		f := "\uFFFD"
		if r != utf8.RuneError || size != 1 {
			f = foldRune(r, false)
		}
		if !strings.HasPrefix(want, f) {
			return false
		}
		want = want[len(f):]
		i += size
	}
	return want == ""
}
