package vterm

import (
	"bytes"
	"fmt"
	"strconv"
	"sync"

	"github.com/charmbracelet/x/ansi"
)

// Answerer replies to a program's terminal queries the way xterm (patch
// 390, dark background) does: background and foreground colours, primary
// and secondary device attributes, cursor position, mode reports (DECRQM),
// version (XTVERSION), window size and termcap (XTGETTCAP). Like xterm it
// stays silent on the kitty keyboard query, which it does not implement.
type Answerer struct {
	// Reply receives each answer. It is called while the screen is being
	// written to, so it must not block for long.
	Reply func(string)

	mu      sync.Mutex
	queries []string
}

// Queries returns a short name for every query seen so far, in order,
// whether it was answered or not.
func (a *Answerer) Queries() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]string(nil), a.queries...)
}

func (a *Answerer) note(q string) {
	a.mu.Lock()
	a.queries = append(a.queries, q)
	a.mu.Unlock()
}

func (a *Answerer) reply(format string, args ...any) {
	if a.Reply != nil {
		a.Reply(fmt.Sprintf(format, args...))
	}
}

// Modes xterm knows, with the state they have in a fresh terminal as far
// as a report is concerned (1 set, 2 reset). Anything else is reported as
// not recognised (0), as xterm does for synchronized output (2026) and
// unicode core (2027).
var xtermModes = map[int]int{
	1: 2, 7: 1, 12: 2, 25: 1, 47: 2, 1000: 2, 1002: 2, 1003: 2, 1004: 2,
	1006: 2, 1047: 2, 1049: 2, 2004: 2,
}

// csi answers a CSI query and reports whether cmd was one.
func (a *Answerer) csi(s *Screen, cmd ansi.Cmd, params ansi.Params) bool {
	first, _, _ := params.Param(0, 0)
	switch {
	case cmd.Final() == 'c' && cmd.Prefix() == 0 && cmd.Intermediate() == 0:
		a.note("DA1")
		a.reply("\x1b[?62;22c")
	case cmd.Final() == 'c' && cmd.Prefix() == '>':
		a.note("DA2")
		a.reply("\x1b[>41;390;0c")
	case cmd.Final() == 'n' && cmd.Prefix() == 0 && first == 5:
		a.note("DSR")
		a.reply("\x1b[0n")
	case cmd.Final() == 'n' && cmd.Prefix() == 0 && first == 6:
		a.note("CPR")
		a.reply("\x1b[%d;%dR", s.y+1, s.x+1)
	case cmd.Final() == 'n' && cmd.Prefix() == '?' && first == 6:
		a.note("DECXCPR")
		a.reply("\x1b[?%d;%d;1R", s.y+1, s.x+1)
	case cmd.Final() == 'p' && cmd.Intermediate() == '$':
		if cmd.Prefix() == '?' {
			a.note("DECRQM " + strconv.Itoa(first))
			a.reply("\x1b[?%d;%d$y", first, xtermModes[first])
		} else {
			a.note("RQM " + strconv.Itoa(first))
			a.reply("\x1b[%d;0$y", first)
		}
	case cmd.Final() == 'u' && cmd.Prefix() == '?':
		a.note("kitty keyboard")
	case cmd.Final() == 'q' && cmd.Prefix() == '>':
		a.note("XTVERSION")
		a.reply("\x1bP>|XTerm(390)\x1b\\")
	case cmd.Final() == 't' && cmd.Prefix() == 0 && first == 18:
		a.note("window size")
		a.reply("\x1b[8;%d;%dt", s.h, s.w)
	case cmd.Final() == 't' && cmd.Prefix() == 0 && first == 14:
		a.note("window pixels")
		a.reply("\x1b[4;%d;%dt", s.h*16, s.w*8)
	default:
		return false
	}
	return true
}

// osc answers colour queries such as "11;?".
func (a *Answerer) osc(cmd int, data []byte) {
	if !bytes.HasSuffix(data, []byte(";?")) {
		return
	}
	colours := map[int]string{
		10: "rgb:ffff/ffff/ffff",
		11: "rgb:0000/0000/0000",
		12: "rgb:ffff/ffff/ffff",
	}
	c, ok := colours[cmd]
	if !ok {
		return
	}
	a.note("OSC " + strconv.Itoa(cmd))
	a.reply("\x1b]%d;%s\x1b\\", cmd, c)
}

// dcs answers termcap queries (XTGETTCAP) with "not found".
func (a *Answerer) dcs(cmd ansi.Cmd, _ []byte) {
	if cmd.Final() == 'q' && cmd.Intermediate() == '+' {
		a.note("XTGETTCAP")
		a.reply("\x1bP0+r\x1b\\")
	}
}
