// Package vterm is a small virtual terminal for the benchmarks: it keeps
// the text of the screen a program draws, so that a harness can tell when
// given words are visible, and it answers the queries a real terminal
// answers. Of colours and attributes it keeps only whether a cell has any
// (see Styled), which tells styled text from plain.
//
// It implements what Bubble Tea's cell renderer emits: cursor motion,
// erasure, insertion and deletion of lines and characters, scroll regions,
// repeat (REP), tabs, autowrap and the alternate screen.
package vterm

import (
	"io"
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"
)

// cell is one column of the screen. A wide character occupies its cell and
// leaves the next one as a continuation (cont).
type cell struct {
	s    string
	cont bool
	pen  pen
}

// pen is the SGR state text is printed with, as bits: which colours are
// set and which attributes are on. Only whether it is zero matters to
// the harnesses.
type pen uint8

const (
	penFg pen = 1 << iota
	penBg
	penBold
	penFaint
	penItalic
	penUnderline
	penReverse
	penStrike
)

// Screen is a virtual terminal of a fixed size. Write feeds it a program's
// output; its methods are safe for concurrent use.
type Screen struct {
	mu sync.Mutex

	w, h       int
	main, alt  [][]cell
	grid       [][]cell
	x, y       int
	wrapNext   bool
	top, bot   int // scroll region, inclusive rows
	savedX     int
	savedY     int
	altActive  bool
	autowrap   bool
	insertMode bool
	last       string // last printed character, for REP
	pen        pen

	parser *ansi.Parser
	answer *Answerer
}

// New returns a blank screen of w columns and h rows. Replies to the
// program's queries go to a (nil: never answer, like a terminal that does
// not reply).
func New(w, h int, a *Answerer) *Screen {
	s := &Screen{w: w, h: h, autowrap: true, answer: a}
	s.main = blank(w, h)
	s.alt = blank(w, h)
	s.grid = s.main
	s.bot = h - 1
	s.parser = ansi.NewParser()
	s.parser.SetHandler(ansi.Handler{
		Print:     s.print,
		Execute:   s.execute,
		HandleCsi: s.csi,
		HandleEsc: s.esc,
		HandleOsc: s.osc,
		HandleDcs: s.dcs,
	})
	return s
}

var _ io.Writer = (*Screen)(nil)

// Write parses p, which may end in the middle of a sequence.
func (s *Screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.parser.Parse(p)
	return len(p), nil
}

// Lines returns the rows of the screen with trailing blanks trimmed.
func (s *Screen) Lines() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, s.h)
	for y, row := range s.grid {
		var b strings.Builder
		for _, c := range row {
			if c.cont {
				continue
			}
			if c.s == "" {
				b.WriteByte(' ')
			} else {
				b.WriteString(c.s)
			}
		}
		out[y] = strings.TrimRight(b.String(), " ")
	}
	return out
}

// String returns the screen as text, one row per line.
func (s *Screen) String() string {
	return strings.Join(s.Lines(), "\n")
}

// Shows reports whether every one of want appears on the screen, each
// within a single row.
func (s *Screen) Shows(want ...string) bool {
	lines := s.Lines()
	for _, w := range want {
		found := false
		for _, l := range lines {
			if strings.Contains(l, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// ShowsStyled reports whether any one of want appears on a row with every
// cell of it that is not a space drawn in some colour or attribute: text
// a program styled, as opposed to the same words printed plain.
func (s *Screen) ShowsStyled(want ...string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, row := range s.grid {
		var text strings.Builder
		var pens []pen // one per byte of text
		for _, c := range row {
			if c.cont {
				continue
			}
			ch := c.s
			if ch == "" {
				ch = " "
			}
			text.WriteString(ch)
			for range len(ch) {
				pens = append(pens, c.pen)
			}
		}
		line := text.String()
		for _, w := range want {
			for off := 0; w != ""; {
				i := strings.Index(line[off:], w)
				if i < 0 {
					break
				}
				if styled(line[off+i:off+i+len(w)], pens[off+i:]) {
					return true
				}
				off += i + 1
			}
		}
	}
	return false
}

// styled reports whether every byte of text that is not a space has a
// pen.
func styled(text string, pens []pen) bool {
	for i := range len(text) {
		if text[i] != ' ' && pens[i] == 0 {
			return false
		}
	}
	return true
}

// AltScreen reports whether the program has switched to the alternate
// screen.
func (s *Screen) AltScreen() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.altActive
}

// reset returns the screen to its state at power-on (RIS).
func (s *Screen) reset() {
	s.main, s.alt = blank(s.w, s.h), blank(s.w, s.h)
	s.grid = s.main
	s.x, s.y, s.savedX, s.savedY = 0, 0, 0, 0
	s.top, s.bot = 0, s.h-1
	s.wrapNext, s.altActive, s.insertMode = false, false, false
	s.autowrap = true
	s.last = ""
	s.pen = 0
}

func blank(w, h int) [][]cell {
	g := make([][]cell, h)
	for i := range g {
		g[i] = make([]cell, w)
	}
	return g
}

func (s *Screen) print(r rune) {
	ch := string(r)
	width := ansi.StringWidthWc(ch)
	if width == 0 {
		// A combining mark joins the character before the cursor.
		if x := s.x - 1; x >= 0 && !s.wrapNext {
			s.grid[s.y][x].s += ch
		} else if s.wrapNext {
			s.grid[s.y][s.w-1].s += ch
		}
		return
	}
	if s.wrapNext {
		s.wrapNext = false
		if s.autowrap {
			s.x = 0
			s.lineFeed()
		}
	}
	if s.x+width > s.w {
		if !s.autowrap {
			s.x = s.w - width
		} else {
			s.x = 0
			s.lineFeed()
		}
	}
	if s.insertMode {
		s.insertChars(width)
	}
	row := s.grid[s.y]
	row[s.x] = cell{s: ch, pen: s.pen}
	for i := 1; i < width && s.x+i < s.w; i++ {
		row[s.x+i] = cell{cont: true, pen: s.pen}
	}
	s.last = ch
	s.x += width
	if s.x >= s.w {
		s.x = s.w - 1
		s.wrapNext = true
	}
}

func (s *Screen) execute(b byte) {
	switch b {
	case ansi.BS:
		s.wrapNext = false
		if s.x > 0 {
			s.x--
		}
	case ansi.HT:
		s.tab(1)
	case ansi.LF, ansi.VT, ansi.FF:
		s.wrapNext = false
		s.lineFeed()
	case ansi.CR:
		s.wrapNext = false
		s.x = 0
	}
}

// lineFeed moves down a row, scrolling the region at its bottom margin.
func (s *Screen) lineFeed() {
	if s.y == s.bot {
		s.scrollUp(1)
		return
	}
	if s.y < s.h-1 {
		s.y++
	}
}

func (s *Screen) reverseIndex() {
	if s.y == s.top {
		s.scrollDown(1)
		return
	}
	if s.y > 0 {
		s.y--
	}
}

func (s *Screen) scrollUp(n int) {
	n = min(n, s.bot-s.top+1)
	region := s.grid[s.top : s.bot+1]
	copy(region, region[n:])
	for i := len(region) - n; i < len(region); i++ {
		region[i] = make([]cell, s.w)
	}
}

func (s *Screen) scrollDown(n int) {
	n = min(n, s.bot-s.top+1)
	region := s.grid[s.top : s.bot+1]
	copy(region[n:], region)
	for i := range n {
		region[i] = make([]cell, s.w)
	}
}

func (s *Screen) tab(n int) {
	s.wrapNext = false
	for ; n > 0 && s.x < s.w-1; n-- {
		s.x = min((s.x/8+1)*8, s.w-1)
	}
}

func (s *Screen) backTab(n int) {
	s.wrapNext = false
	for ; n > 0 && s.x > 0; n-- {
		s.x = (s.x - 1) / 8 * 8
	}
}

func (s *Screen) moveTo(x, y int) {
	s.wrapNext = false
	s.x = clamp(x, 0, s.w-1)
	s.y = clamp(y, 0, s.h-1)
}

func clamp(v, lo, hi int) int {
	return max(lo, min(v, hi))
}

// erase blanks columns [from, to) of row y.
func (s *Screen) erase(y, from, to int) {
	row := s.grid[y]
	for x := max(from, 0); x < min(to, s.w); x++ {
		row[x] = cell{}
	}
}

func (s *Screen) insertChars(n int) {
	row := s.grid[s.y]
	n = min(n, s.w-s.x)
	copy(row[s.x+n:], row[s.x:])
	s.erase(s.y, s.x, s.x+n)
}

func (s *Screen) deleteChars(n int) {
	row := s.grid[s.y]
	n = min(n, s.w-s.x)
	copy(row[s.x:], row[s.x+n:])
	s.erase(s.y, s.w-n, s.w)
}

// insertLines and deleteLines act within the scroll region, from the
// cursor's row down, and do nothing when the cursor is outside it.
func (s *Screen) insertLines(n int) {
	if s.y < s.top || s.y > s.bot {
		return
	}
	top := s.top
	s.top = s.y
	s.scrollDown(n)
	s.top = top
	s.x = 0
}

func (s *Screen) deleteLines(n int) {
	if s.y < s.top || s.y > s.bot {
		return
	}
	top := s.top
	s.top = s.y
	s.scrollUp(n)
	s.top = top
	s.x = 0
}

func (s *Screen) setAltScreen(on bool) {
	if on == s.altActive {
		return
	}
	s.altActive = on
	if on {
		s.alt = blank(s.w, s.h)
		s.grid = s.alt
	} else {
		s.grid = s.main
	}
}

func (s *Screen) setMode(mode int, private, on bool) {
	if !private {
		if mode == 4 {
			s.insertMode = on
		}
		return
	}
	switch mode {
	case 7:
		s.autowrap = on
	case 47, 1047:
		s.setAltScreen(on)
	case 1049:
		if on {
			s.savedX, s.savedY = s.x, s.y
			s.setAltScreen(true)
		} else {
			s.setAltScreen(false)
			s.moveTo(s.savedX, s.savedY)
		}
	}
}

func (s *Screen) csi(cmd ansi.Cmd, params ansi.Params) {
	p := func(i, def int) int {
		v, _, _ := params.Param(i, def)
		if v == 0 && def == 1 {
			return 1
		}
		return v
	}
	if s.answer != nil && s.answer.csi(s, cmd, params) {
		return
	}
	if cmd.Intermediate() != 0 {
		return
	}
	switch cmd.Prefix() {
	case '?':
		switch cmd.Final() {
		case 'h', 'l':
			for i := range params {
				s.setMode(params[i].Param(0), true, cmd.Final() == 'h')
			}
		}
		return
	case 0:
	default:
		return
	}
	switch cmd.Final() {
	case 'A':
		s.moveTo(s.x, s.y-p(0, 1))
	case 'B':
		s.moveTo(s.x, s.y+p(0, 1))
	case 'C':
		s.moveTo(s.x+p(0, 1), s.y)
	case 'D':
		s.moveTo(s.x-p(0, 1), s.y)
	case 'E':
		s.moveTo(0, s.y+p(0, 1))
	case 'F':
		s.moveTo(0, s.y-p(0, 1))
	case 'G', '`':
		s.moveTo(p(0, 1)-1, s.y)
	case 'd':
		s.moveTo(s.x, p(0, 1)-1)
	case 'H', 'f':
		s.moveTo(p(1, 1)-1, p(0, 1)-1)
	case 'I':
		s.tab(p(0, 1))
	case 'Z':
		s.backTab(p(0, 1))
	case 'J':
		s.wrapNext = false
		switch p(0, 0) {
		case 0:
			s.erase(s.y, s.x, s.w)
			for y := s.y + 1; y < s.h; y++ {
				s.erase(y, 0, s.w)
			}
		case 1:
			s.erase(s.y, 0, s.x+1)
			for y := range s.y {
				s.erase(y, 0, s.w)
			}
		case 2, 3:
			for y := range s.h {
				s.erase(y, 0, s.w)
			}
		}
	case 'K':
		s.wrapNext = false
		switch p(0, 0) {
		case 0:
			s.erase(s.y, s.x, s.w)
		case 1:
			s.erase(s.y, 0, s.x+1)
		case 2:
			s.erase(s.y, 0, s.w)
		}
	case 'X':
		s.wrapNext = false
		s.erase(s.y, s.x, s.x+p(0, 1))
	case '@':
		s.insertChars(p(0, 1))
	case 'P':
		s.deleteChars(p(0, 1))
	case 'L':
		s.insertLines(p(0, 1))
	case 'M':
		s.deleteLines(p(0, 1))
	case 'S':
		s.scrollUp(p(0, 1))
	case 'T':
		s.scrollDown(p(0, 1))
	case 'b':
		if s.last != "" {
			for range min(p(0, 1), s.w*s.h) {
				for _, r := range s.last {
					s.print(r)
				}
			}
		}
	case 'r':
		top, bot := p(0, 1)-1, s.h-1
		if v, _, ok := params.Param(1, 0); ok && v > 0 {
			bot = v - 1
		}
		if top < bot && bot < s.h {
			s.top, s.bot = top, bot
			s.moveTo(0, 0)
		}
	case 'h', 'l':
		for i := range params {
			s.setMode(params[i].Param(0), false, cmd.Final() == 'h')
		}
	case 's':
		s.savedX, s.savedY = s.x, s.y
	case 'u':
		s.moveTo(s.savedX, s.savedY)
	case 'm':
		s.pen = sgr(s.pen, params)
	}
}

// sgr applies a Select Graphic Rendition sequence to p. Colours are only
// noted as set or not: 38 and 48 skip their colour's parameters, given
// after semicolons (38;5;n, 38;2;r;g;b) or colons (38:5:n).
func sgr(p pen, params ansi.Params) pen {
	if len(params) == 0 {
		return 0
	}
	for i := 0; i < len(params); i++ {
		v := params[i].Param(0)
		switch {
		case v == 0:
			p = 0
		case v == 1:
			p |= penBold
		case v == 2:
			p |= penFaint
		case v == 3:
			p |= penItalic
		case v == 4:
			p |= penUnderline
			if params[i].HasMore() && i+1 < len(params) && params[i+1].Param(0) == 0 { // 4:0, no underline
				p &^= penUnderline
			}
		case v == 7:
			p |= penReverse
		case v == 9:
			p |= penStrike
		case v == 22:
			p &^= penBold | penFaint
		case v == 23:
			p &^= penItalic
		case v == 24:
			p &^= penUnderline
		case v == 27:
			p &^= penReverse
		case v == 29:
			p &^= penStrike
		case v >= 30 && v <= 37, v >= 90 && v <= 97:
			p |= penFg
		case v == 39:
			p &^= penFg
		case v >= 40 && v <= 47, v >= 100 && v <= 107:
			p |= penBg
		case v == 49:
			p &^= penBg
		case v == 38 || v == 48:
			if v == 38 {
				p |= penFg
			} else {
				p |= penBg
			}
			i = skipColour(params, i)
			continue
		}
		// Sub-parameters of other attributes (4:3, a curly underline)
		// belong to them.
		for params[i].HasMore() && i+1 < len(params) {
			i++
		}
	}
	return p
}

// skipColour returns the index of the last parameter of the extended
// colour that starts at params[i] (38 or 48).
func skipColour(params ansi.Params, i int) int {
	if params[i].HasMore() {
		for params[i].HasMore() && i+1 < len(params) {
			i++
		}
		return i
	}
	if i+1 >= len(params) {
		return i
	}
	switch params[i+1].Param(0) {
	case 5:
		return min(i+2, len(params)-1)
	case 2:
		return min(i+4, len(params)-1)
	}
	return i + 1
}

func (s *Screen) esc(cmd ansi.Cmd) {
	if cmd.Intermediate() != 0 {
		return // charset designations and the like
	}
	switch cmd.Final() {
	case '7':
		s.savedX, s.savedY = s.x, s.y
	case '8':
		s.moveTo(s.savedX, s.savedY)
	case 'D':
		s.wrapNext = false
		s.lineFeed()
	case 'E':
		s.wrapNext = false
		s.x = 0
		s.lineFeed()
	case 'M':
		s.wrapNext = false
		s.reverseIndex()
	case 'c':
		s.reset()
	}
}

func (s *Screen) osc(cmd int, data []byte) {
	if s.answer != nil {
		s.answer.osc(cmd, data)
	}
}

func (s *Screen) dcs(cmd ansi.Cmd, params ansi.Params, data []byte) {
	if s.answer != nil {
		s.answer.dcs(cmd, data)
	}
}
