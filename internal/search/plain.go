package search

import (
	"strings"
	"unicode/utf8"
	"unsafe"

	"brief/briefing"
)

// plainText reduces Markdown to the text a reader sees, line for line, so
// that a match found in it has the line number of its source: heading,
// quote and list markers, emphasis, code ticks, table rules and link
// targets go; citation groups become the reader's markers, [1–2] or
// [see 1, p. 3], their sources numbered by num. Control characters become
// placeholders, as Sanitize makes them, so no snippet can carry one to a
// terminal.
func plainText(md string, num map[string]int) string {
	b := appendPlain(make([]byte, 0, len(md)), md, "", num, nil)
	// b is not written again: the string can share its bytes.
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// appendPlain appends the plain text of md, whole lines of a Markdown
// text, to b, as plainText makes it when the code fence fence (or none)
// is open before md's first line and no citation group is. ex, if not
// nil, collects the excerpts of the citation groups met.
func appendPlain(b []byte, md string, fence string, num map[string]int, ex *excerpts) []byte {
	first := true
	// md before skip is part of a citation group already written; at is
	// where the next line starts.
	skip, at := 0, 0
	for line := range strings.SplitSeq(md, "\n") {
		if !first {
			b = append(b, '\n')
		}
		first = false
		ls := at
		at += len(line) + 1
		line = strings.TrimSuffix(line, "\r")
		trimmed := strings.TrimLeft(line, " \t")
		if f := codeFence(trimmed); f != "" {
			switch {
			case fence == "":
				fence = f
				continue
			case strings.HasPrefix(trimmed, fence):
				fence = ""
				continue
			}
		}
		if fence != "" {
			b = appendSafe(b, line)
			continue
		}
		if skip > ls {
			// The rest of a group begun on a line before: its marker
			// took all of it.
			if rest := strings.TrimLeft(line[min(skip-ls, len(line)):], " \t"); rest != "" {
				b, skip = plainLine(b, md, rest, num, ex)
			}
			continue
		}
		if isTableRule(trimmed) {
			continue
		}
		if line := stripBlockMarkers(trimmed); line != "" {
			b, skip = plainLine(b, md, line, num, ex)
		}
	}
	return b
}

// codeFence returns the fence that line opens or closes, or "".
func codeFence(line string) string {
	for _, f := range []string{"```", "~~~"} {
		if strings.HasPrefix(line, f) {
			return f
		}
	}
	return ""
}

// isTableRule reports whether line is a table's header rule: |---|:--|.
func isTableRule(line string) bool {
	if !strings.Contains(line, "-") || !strings.Contains(line, "|") {
		return false
	}
	return strings.Trim(line, "|-: \t") == ""
}

// stripBlockMarkers removes the quote, heading and list markers that
// start a line.
func stripBlockMarkers(line string) string {
	for {
		switch {
		case strings.HasPrefix(line, ">"):
			line = strings.TrimLeft(line[1:], " \t")
			continue
		case strings.HasPrefix(line, "#"):
			n := len(line) - len(strings.TrimLeft(line, "#"))
			if n <= 6 && (n == len(line) || line[n] == ' ' || line[n] == '\t') {
				return strings.TrimRight(strings.TrimLeft(line[n:], " \t"), " #")
			}
		case len(line) >= 2 && strings.ContainsRune("-*+", rune(line[0])) && (line[1] == ' ' || line[1] == '\t'):
			line = strings.TrimLeft(line[2:], " \t")
			if strings.HasPrefix(line, "[ ] ") || strings.HasPrefix(line, "[x] ") {
				line = line[4:]
			}
			continue
		}
		return line
	}
}

// inlinePlain marks the bytes that plainLine copies as they are: ASCII
// that is neither markup nor a control character.
var inlinePlain = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = !strings.ContainsRune("\\`*_~|![", rune(c))
	}
	t['\t'] = true
	return t
}()

// plainLine appends line, a part of md, without its inline markup to b,
// and its citation groups as markers. It returns where in md the last
// group ends when it ends past line, and 0 otherwise.
func plainLine(b []byte, md string, line string, num map[string]int, ex *excerpts) ([]byte, int) {
	off := int(uintptr(unsafe.Pointer(unsafe.StringData(line))) - uintptr(unsafe.Pointer(unsafe.StringData(md))))
	linkClose, linkEnd := -1, -1
	// line[:code] holds the code spans passed, in which a citation stays
	// as written, as the reader shows it.
	code := 0
	var spans briefing.CodeSpans
	for i := 0; i < len(line); {
		if i == linkClose {
			i = linkEnd
			continue
		}
		// Copy plain runs whole, stopping at a link's "]".
		j := i
		for j < len(line) && inlinePlain[line[j]] && j != linkClose {
			j++
		}
		if j > i {
			b = append(b, line[i:j]...)
			i = j
			continue
		}
		c := line[i]
		switch c {
		case '\\':
			if i+1 < len(line) && isASCIIPunct(line[i+1]) {
				b = append(b, line[i+1])
				i += 2
				continue
			}
		case '`':
			if i >= code {
				code = spans.Skip(line, i)
			}
			i++
			continue
		case '*':
			if !(before(line, i) == ' ' && after(line, i) == ' ') {
				i++
				continue
			}
		case '~':
			if before(line, i) == '~' || after(line, i) == '~' {
				i++
				continue
			}
		case '_':
			if !(isWordByte(before(line, i)) && isWordByte(after(line, i))) {
				i++
				continue
			}
		case '|':
			b = append(b, ' ')
			i++
			continue
		case '!':
			if after(line, i) == '[' {
				i++
				continue
			}
		case '[':
			if c, offs, ok := citationAt(md, off+i, ex != nil); ok && i >= code && before(line, i) != '!' {
				mk := len(b)
				b = appendSafe(b, "["+briefing.Marker(c, num)+"]")
				if ex != nil {
					ex.add(b, mk, c, offs)
				}
				if c.End-off > len(line) {
					return b, c.End
				}
				i = c.End - off
				continue
			}
			if after(line, i) != '@' && linkClose < i {
				if close, end := linkAt(line, i); close >= 0 {
					linkClose, linkEnd = close, end
					i++
					continue
				}
			}
		}
		if c < utf8.RuneSelf && !briefing.IsControl(rune(c)) {
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		b = appendRuneSafe(b, r, r == utf8.RuneError && size == 1)
		i += size
	}
	return b, 0
}

// linkAt finds the inline link [text](target) opening at i and returns
// the index of its "]" and the index just past its ")", or -1.
func linkAt(line string, i int) (close, end int) {
	j := strings.Index(line[i:], "](")
	if j < 0 {
		return -1, -1
	}
	close = i + j
	k := strings.IndexByte(line[close:], ')')
	if k < 0 {
		return -1, -1
	}
	return close, close + k + 1
}

func before(s string, i int) byte {
	if i == 0 {
		return ' '
	}
	return s[i-1]
}

func after(s string, i int) byte {
	if i+1 >= len(s) {
		return ' '
	}
	return s[i+1]
}

func isWordByte(c byte) bool {
	return c >= utf8.RuneSelf || c == '_' || ('0' <= c && c <= '9') || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// appendSafe appends s with control characters replaced.
func appendSafe(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		b = appendRuneSafe(b, r, r == utf8.RuneError && size == 1)
		i += size
	}
	return b
}

// appendRuneSafe appends r, or a placeholder for a control character (see
// isControl) or a byte that is not UTF-8.
func appendRuneSafe(b []byte, r rune, invalid bool) []byte {
	switch {
	case invalid:
		r = utf8.RuneError
	case briefing.IsControl(r):
		r = briefing.Placeholder(r)
	}
	return utf8.AppendRune(b, r)
}

// excerpts collects the excerpts of the citation groups that appendPlain
// meets, each placed at its group's marker.
type excerpts struct {
	base  int // where the text made plain starts in appendPlain's b
	cites int // the groups met
	list  []excerpt
}

// excerpt is one excerpt met in a text made plain.
type excerpt struct {
	at     int    // where its group's marker ends in the plain text
	off    int    // where its opening quotation mark is in the Markdown
	cite   int    // the number of groups before its own in the text
	marker string // the marker, as the plain text has it
	text   string
}

// citationAt parses the citation group at md[i], with the offsets of
// its excerpts if excerpts.
func citationAt(md string, i int, excerpts bool) (briefing.Citation, []int, bool) {
	if excerpts {
		return briefing.CitationExcerptsAt(md, i)
	}
	c, ok := briefing.CitationAt(md, i)
	return c, nil, ok
}

// add collects the excerpts of c, a group whose marker b[mk:] ends b and
// whose excerpts open at offs.
func (x *excerpts) add(b []byte, mk int, c briefing.Citation, offs []int) {
	n := x.cites
	x.cites++
	if c.Excerpts == nil {
		return
	}
	for k, e := range c.Excerpts {
		if k < len(offs) && offs[k] >= 0 && strings.TrimSpace(e) != "" {
			x.list = append(x.list, excerpt{at: len(b) - x.base, off: offs[k], cite: n, marker: string(b[mk:]), text: e})
		}
	}
}
