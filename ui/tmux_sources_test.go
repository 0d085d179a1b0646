package ui

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"brief/briefing"
	"brief/content"
)

// TestTmuxSources follows the sources of the built-in briefing in a real
// terminal, as a new reader would: from "Security guarantees", s lists
// the topic's sources first; enter on one lists every passage citing it,
// and enter opens one at its claim; x doubts a source, and the claims
// resting on it alone are dimmed in the text, the header counting them.
func TestTmuxSources(t *testing.T) {
	bin := tmuxBinary(t)
	b, err := briefing.LoadFS(content.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	topic := b.Topics[1]
	counts, num := b.CitationCounts(), b.SourceNumbers()
	var mine []string // the topic's sources, in number order
	for _, s := range b.Sources {
		if counts[s.ID].ByTopic[topic.ID] > 0 && !slices.Contains(mine, s.ID) {
			mine = append(mine, s.ID)
		}
	}
	slices.SortFunc(mine, func(a, c string) int { return num[a] - num[c] })
	// A source that some claim of the topic rests on alone, and a word of
	// the first such claim.
	doubt, word := "", ""
	for _, c := range b.Claims(topic) {
		if len(c.Sources) == 1 {
			doubt = c.Sources[0]
			for _, w := range strings.Fields(b.ClaimText(topic, c))[1:] {
				if regexp.MustCompile(`^[A-Za-z]{6,}$`).MatchString(w) {
					word = w
					break
				}
			}
			if word != "" {
				break
			}
		}
	}
	if doubt == "" || word == "" {
		t.Fatal("no claim of Security guarantees rests on one source")
	}

	s := startTmux(t, "sources", 120, 40, fmt.Sprintf("%q --style dark; echo E2E-DONE $?; sleep 60", bin))
	s.waitFor("the first frame", contains("1/7"))
	s.keys("2")
	s.waitFor("Security guarantees", contains("2/7", "Status over time"))
	s.keys("s")
	first := mine[0]
	screen := s.waitFor("the sources", contains(fmt.Sprintf("Sources · %d · ● %d in this topic", len(counts), len(mine))))
	if !strings.Contains(screen, fmt.Sprintf("› ● [%d] ", num[first])) {
		t.Errorf("the cursor is not on the topic's first source, [%d]:\n%s", num[first], screen)
	}
	// The counts in all come from a command; "…" stands for them until then.
	c := counts[first]
	s.waitFor("the first source's counts", contains(fmt.Sprintf("cited %d here · %d in all", c.ByTopic[topic.ID], c.Total)))

	// Every passage citing it.
	s.keys("Enter")
	passages := b.Passages(first)
	screen = s.waitFor("the passages", contains(fmt.Sprintf("%d passages citing it", len(passages))))
	for _, p := range passages[:min(len(passages), 10)] {
		if !strings.Contains(screen, strings.Join(strings.Fields(p.Text)[:3], " ")) {
			t.Errorf("passage %q is not listed:\n%s", p.Text, screen)
		}
	}
	// The second opens its topic at its claim.
	p := passages[1]
	s.keys("j", "Enter")
	words := strings.Fields(p.Text)
	s.waitFor("the passage's topic", contains(fmt.Sprintf("%d/7", p.Topic+1)))
	s.waitFor("the claim highlighted", func(string) bool {
		screen := s.run("capture-pane", "-e", "-p", "-t", "e2e")
		return slices.ContainsFunc(words, func(w string) bool { return len(w) > 5 && highlighted(screen, w) })
	})
	s.keys("Escape")
	s.waitFor("back in the passages", contains(fmt.Sprintf("%d passages citing it", len(passages)), "2/"))
	s.keys("Escape")
	s.waitFor("back in the sources", contains("Sources ·"))

	// Doubting one source dims the claims resting on it alone.
	// One key at a time: esc and 2 sent together read as alt+2.
	s.keys("Escape")
	s.waitFor("the text", func(sc string) bool { return !strings.Contains(sc, "Sources ·") })
	s.keys("2")
	s.waitFor("Security guarantees again", func(sc string) bool {
		return strings.Contains(sc, "2/7") && !strings.Contains(sc, "Sources ·")
	})
	if faint(s.run("capture-pane", "-e", "-p", "-t", "e2e"), word) {
		t.Fatalf("%q is dimmed before any source is doubted", word)
	}
	s.keys("s")
	s.waitFor("the sources", contains("Sources ·"))
	for range slices.Index(mine, doubt) {
		s.keys("j")
	}
	s.waitFor("the cursor on the source to doubt", contains(fmt.Sprintf("› ● [%d] ", num[doubt])))
	s.keys("x")
	all := b.DoubtedClaims(func(id string) bool { return id == doubt })
	here := 0
	for _, c := range b.Claims(topic) {
		if len(c.Sources) == 1 && c.Sources[0] == doubt {
			here++
		}
	}
	screen = s.waitFor("the source doubted", contains(fmt.Sprintf("✗ 1 doubted, %d %s dimmed", all, plural(all, "claim", "claims"))))
	if !strings.Contains(screen, fmt.Sprintf("› ✗ [%d] ", num[doubt])) {
		t.Errorf("the doubted source is not marked:\n%s", screen)
	}
	s.keys("Escape")
	s.waitFor("the text, dimmed", func(string) bool {
		return faint(s.run("capture-pane", "-e", "-p", "-t", "e2e"), word)
	})
	screen = s.screen()
	if h := strings.SplitN(screen, "\n", 2)[0]; !strings.Contains(h, fmt.Sprintf("%d %s dimmed, %d here", all, plural(all, "claim", "claims"), here)) {
		t.Errorf("header %q does not count %d dimmed claims, %d here", h, all, here)
	}
	// x again clears it: the view opens again where it was.
	s.keys("s")
	s.waitFor("the cursor on the doubted source", contains("Sources ·", fmt.Sprintf("› ✗ [%d] ", num[doubt])))
	s.keys("x", "Escape")
	// Wait for the view to close: a q right behind an esc would reach
	// the program as alt+q.
	s.waitFor("nothing dimmed", func(sc string) bool {
		return !strings.Contains(sc, "Sources ·") && !strings.Contains(sc, "dimmed") && !faint(s.run("capture-pane", "-e", "-p", "-t", "e2e"), word)
	})
	s.keys("q")
	s.waitFor("the program to end", contains("E2E-DONE 0"))
}

// faint reports whether word shows faint somewhere on screen, a capture
// with escapes: the SGR sequences before it, from the top, leave
// attribute 2 on; colour parameters (38;2;r;g;b and the like) aside.
func faint(screen, word string) bool {
	on, last := false, 0
	seqs := sgrSeq.FindAllStringSubmatchIndex(screen, -1)
	for k := 0; k <= len(seqs); k++ {
		end := len(screen)
		if k < len(seqs) {
			end = seqs[k][0]
		}
		if on && strings.Contains(screen[last:end], word) {
			return true
		}
		if k == len(seqs) {
			break
		}
		last = seqs[k][1]
		ps := strings.Split(screen[seqs[k][2]:seqs[k][3]], ";")
		for j := 0; j < len(ps); j++ {
			switch ps[j] {
			case "", "0", "22":
				on = false
			case "2":
				on = true
			case "38", "48", "58":
				if j+1 < len(ps) && ps[j+1] == "2" {
					j += 4
				} else {
					j += 2
				}
			}
		}
	}
	return false
}

var sgrSeq = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)
