package render

import (
	"strings"
)

// Compact rewrites styled text so that it draws the same cells with far
// fewer bytes. Glamour styles every word and every space of its padding on
// its own, each wrapped in a set and a reset: a 2 MB topic becomes 17 MB of
// output, most of it escape sequences around spaces. Compact sets the
// style only where it changes, gives a space that shows no colour (no
// background, underline, reverse or strike) whatever style is current,
// and drops such spaces at the end of a line. Each line ends with the
// style reset, so lines stand alone. A line with an escape sequence it
// does not understand is kept as it is.
func Compact(s string) string {
	if strings.IndexByte(s, 0x1b) < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) / 3)
	for line := range strings.Lines(s) {
		body := strings.TrimSuffix(line, "\n")
		if out, ok := compactLine(body); ok {
			b.WriteString(out)
		} else {
			b.WriteString(body)
		}
		if len(body) < len(line) {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// pen is the graphic state SGR sequences set.
type pen struct {
	attrs      uint16
	fg, bg, ul string // colour parameters as written, "" for the default
}

const (
	attrBold uint16 = 1 << iota
	attrFaint
	attrItalic
	attrUnderline
	attrBlink
	attrReverse
	attrConceal
	attrStrike
	attrOverline
)

// attrCodes lists the attributes with the parameter that sets each.
var attrCodes = [...]struct {
	bit  uint16
	code string
}{
	{attrBold, "1"}, {attrFaint, "2"}, {attrItalic, "3"}, {attrUnderline, "4"},
	{attrBlink, "5"}, {attrReverse, "7"}, {attrConceal, "8"}, {attrStrike, "9"},
	{attrOverline, "53"},
}

// blankSafe reports whether a space drawn with p looks like a plain space:
// foreground, bold and italic show only on a glyph.
func (p pen) blankSafe() bool {
	return p.bg == "" && p.attrs&(attrUnderline|attrReverse|attrStrike|attrOverline) == 0
}

// apply reads the parameters of one SGR sequence into p; it reports false
// for a parameter it does not know. It allocates nothing: a styled topic
// has millions of these.
func (p *pen) apply(params string) bool {
	if params == "" {
		*p = pen{}
		return true
	}
	if strings.IndexByte(params, ':') >= 0 {
		return false
	}
	// next returns the parameter at i and where the one after it starts.
	next := func(i int) (string, int) {
		j := strings.IndexByte(params[i:], ';')
		if j < 0 {
			return params[i:], len(params) + 1
		}
		return params[i : i+j], i + j + 1
	}
	for i := 0; i <= len(params); {
		start := i
		c, after := next(i)
		i = after
		switch c {
		case "", "0":
			*p = pen{}
		case "1":
			p.attrs |= attrBold
		case "2":
			p.attrs |= attrFaint
		case "3":
			p.attrs |= attrItalic
		case "4":
			p.attrs |= attrUnderline
		case "5":
			p.attrs |= attrBlink
		case "7":
			p.attrs |= attrReverse
		case "8":
			p.attrs |= attrConceal
		case "9":
			p.attrs |= attrStrike
		case "53":
			p.attrs |= attrOverline
		case "22":
			p.attrs &^= attrBold | attrFaint
		case "23":
			p.attrs &^= attrItalic
		case "24":
			p.attrs &^= attrUnderline
		case "25":
			p.attrs &^= attrBlink
		case "27":
			p.attrs &^= attrReverse
		case "28":
			p.attrs &^= attrConceal
		case "29":
			p.attrs &^= attrStrike
		case "55":
			p.attrs &^= attrOverline
		case "39":
			p.fg = ""
		case "49":
			p.bg = ""
		case "59":
			p.ul = ""
		case "38", "48", "58":
			if i > len(params) {
				return false
			}
			kind, j := next(i)
			n := 0
			switch kind {
			case "5":
				n = 1
			case "2":
				n = 3
			default:
				return false
			}
			for ; n > 0; n-- {
				if j > len(params) {
					return false
				}
				_, j = next(j)
			}
			// The colour as written, from its code to its last number.
			v := params[start:min(j-1, len(params))]
			switch c {
			case "38":
				p.fg = v
			case "48":
				p.bg = v
			default:
				p.ul = v
			}
			i = j
		default:
			if len(c) == 2 && (c[0] == '3' || c[0] == '4' || c[0] == '9') && c[1] >= '0' && c[1] <= '7' {
				if c[0] == '4' {
					p.bg = c
				} else {
					p.fg = c
				}
				continue
			}
			if len(c) == 3 && c[:2] == "10" && c[2] >= '0' && c[2] <= '7' {
				p.bg = c
				continue
			}
			return false
		}
	}
	return true
}

// sgr writes the sequence that changes the terminal's pen from `from` to p.
func (p pen) sgr(b *strings.Builder, from pen) {
	if p == (pen{}) {
		b.WriteString("\x1b[m")
		return
	}
	reset := from.attrs&^p.attrs != 0 ||
		from.fg != "" && p.fg == "" || from.bg != "" && p.bg == "" || from.ul != "" && p.ul == ""
	if reset {
		from = pen{}
	}
	b.WriteString("\x1b[")
	sep := ""
	if reset {
		b.WriteString("0")
		sep = ";"
	}
	for _, a := range attrCodes {
		if p.attrs&a.bit != 0 && from.attrs&a.bit == 0 {
			b.WriteString(sep + a.code)
			sep = ";"
		}
	}
	for _, c := range [...][2]string{{p.fg, from.fg}, {p.bg, from.bg}, {p.ul, from.ul}} {
		if c[0] != c[1] {
			b.WriteString(sep + c[0])
			sep = ";"
		}
	}
	b.WriteByte('m')
}

const blanks = "                                                                "

// compactLine compacts one line; ok is false if it holds an escape
// sequence other than SGR, OSC or another CSI.
func compactLine(s string) (string, bool) {
	var b strings.Builder
	b.Grow(len(s) / 2)
	var want, have pen // the style asked for and the terminal's
	link := false      // inside an OSC 8 hyperlink
	spaces := 0        // plain-looking spaces not yet written
	flush := func() {
		if spaces == 0 {
			return
		}
		if !have.blankSafe() {
			next := want
			if !next.blankSafe() {
				next = pen{}
			}
			next.sgr(&b, have)
			have = next
		}
		for ; spaces > len(blanks); spaces -= len(blanks) {
			b.WriteString(blanks)
		}
		b.WriteString(blanks[:spaces])
		spaces = 0
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b && i+1 < len(s) && s[i+1] == '[':
			j := i + 2
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
				j++
			}
			if j == len(s) {
				return "", false
			}
			if s[j] != 'm' {
				flush()
				b.WriteString(s[i : j+1])
			} else if !want.apply(s[i+2 : j]) {
				return "", false
			}
			i = j + 1
		case c == 0x1b && i+1 < len(s) && s[i+1] == ']':
			j := i + 2
			for j < len(s) && s[j] != 0x07 && !(s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\') {
				j++
			}
			if j == len(s) {
				return "", false
			}
			end := j + 1
			if s[j] == 0x1b {
				end = j + 2
			}
			flush()
			body := s[i+2 : j]
			if strings.HasPrefix(body, "8;") {
				link = !strings.HasSuffix(body, ";")
			}
			b.WriteString(s[i:end])
			i = end
		case c == 0x1b:
			return "", false
		case c == ' ' && !link && want.blankSafe():
			spaces++
			i++
		default:
			flush()
			if have != want {
				want.sgr(&b, have)
				have = want
			}
			j := i + 1
			for j < len(s) && s[j] != 0x1b && s[j] != ' ' {
				j++
			}
			b.WriteString(s[i:j])
			i = j
		}
	}
	// Spaces at the end that show nothing are left out.
	if have != (pen{}) {
		b.WriteString("\x1b[m")
	}
	return b.String(), true
}
