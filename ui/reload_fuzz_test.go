package ui

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"

	"brief/briefing"
	"brief/internal/render"
)

// reloadKeys are the keys FuzzReload presses: every view, the citations,
// the card, search and the topic list.
var reloadKeys = []string{
	"j", "k", "G", "g", "space", "l", "h", "2", "4", "t", "enter", "enter", "esc", "esc", "?",
	"T", "a", "s", "x", "f", "c", "c", "C", "v", "i", "/", "e", "n", "N", "tab", ":",
}

// reloadVersions are the briefings FuzzReload swaps between: the test
// briefing, a smaller one (a topic gone, the others reordered, fewer
// citations, events and actors), and nil for a broken save.
func reloadVersions(t testing.TB) []*briefing.Briefing {
	t.Helper()
	a := testBriefing(t)
	dir := editable(t)
	edit(t, dir, "briefing.yaml", "  - overview\n  - costs\n  - timeline-notes\n  - people\n", "  - costs\n  - overview\n")
	for _, f := range []string{"people.md", "timeline-notes.md"} {
		if err := os.Remove(filepath.Join(dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	edit(t, dir, "costs.md", " [@gazette; @ledger].", ".")
	edit(t, dir, "costs.md", "hard to judge [@ledger]", "hard to judge")
	b, err := loadToRead(dir)
	if err != nil {
		t.Fatal(err)
	}
	// The timeline and actors may name the topics gone: errors that a
	// reader would not swap in, but the swap itself must bear them.
	b.Diagnostics = nil
	return []*briefing.Briefing{a, b, nil}
}

// FuzzReload interleaves keys, reloads of three versions of a briefing
// and the results of the commands, delivered late and out of order as a
// program may deliver them: nothing panics, the screen fits, the topic
// exists.
func FuzzReload(f *testing.F) {
	versions := reloadVersions(f)
	for _, seed := range reloadSeeds(24, 48) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, ops []byte) {
		if len(ops) > 96 {
			ops = ops[:96]
		}
		m := New(versions[0], Options{Style: render.Dark, Path: "x", Watch: true, Load: loadToRead})
		m.resizeWait = 0
		m = send(t, m, sizeMsg(100, 30))
		var pending []tea.Msg
		update := func(msg tea.Msg) {
			tm, cmd := m.Update(msg)
			m = tm.(Model)
			pending = append(pending, run(cmd)...)
			checkInvariants(t, m)
		}
		for _, op := range ops {
			switch {
			case op >= 0xe0 && len(pending) > 0: // a late result
				i := int(op) % len(pending)
				msg := pending[i]
				pending = append(pending[:i], pending[i+1:]...)
				update(msg)
			case op >= 0xd0:
				b := versions[int(op)%len(versions)]
				if b == nil {
					update(reloadedMsg{err: errors.New("briefing.yaml:1:2: broken")})
				} else {
					update(reloadedMsg{b: b})
				}
			case op >= 0xc8:
				update(sizeMsg(40+int(op&7)*20, 10+int(op&7)*4))
			default:
				update(keyPress(reloadKeys[int(op)%len(reloadKeys)]))
			}
		}
		for steps := 0; len(pending) > 0; steps++ {
			if steps > 2000 {
				t.Fatal("commands do not settle")
			}
			msg := pending[0]
			pending = pending[1:]
			update(msg)
		}
	})
}

// reloadSeeds makes n sequences of size ops, the same every run: half
// keys, the rest reloads, late results and a few resizes, so that views,
// citations and searches meet reloads and the results of the briefing
// before them.
func reloadSeeds(n, size int) [][]byte {
	r := rand.New(rand.NewPCG(14, 1))
	seeds := make([][]byte, n)
	for i := range seeds {
		seeds[i] = make([]byte, size)
		for j := range seeds[i] {
			switch p := r.IntN(20); {
			case p < 10:
				seeds[i][j] = byte(r.IntN(len(reloadKeys)))
			case p < 14:
				seeds[i][j] = byte(0xd0 + r.IntN(16))
			case p < 19:
				seeds[i][j] = byte(0xe0 + r.IntN(32))
			default:
				seeds[i][j] = byte(0xc8 + r.IntN(8))
			}
		}
	}
	return seeds
}
