package ui

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"brief/internal/testkit/patho"
)

// TestTmuxPathological opens each pathological topic in the built binary,
// as a new user would, at 120x40 and 80x24: its plain text shows, the help
// opens and closes while it renders, the rendered text follows, and q
// gives the shell back.
func TestTmuxPathological(t *testing.T) {
	bin := tmuxBinary(t)
	dir := t.TempDir()
	if err := patho.Write(dir); err != nil {
		t.Fatal(err)
	}
	cases := patho.Cases()
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			script := fmt.Sprintf("echo E2E-START; %q --style dark %q; echo E2E-DONE $?; sleep 60", bin, dir)
			s := startTmux(t, fmt.Sprintf("patho-%d", size[0]), size[0], size[1], script)

			s.waitFor("the first frame", contains(cases[0].Marker))
			for i, c := range cases[1:] {
				s.keys(strconv.Itoa(i + 2))
				s.waitFor(c.ID+" plain or rendered", contains(c.Marker, fmt.Sprintf("%d/%d", i+2, len(cases))))
				s.keys("?")
				s.waitFor("the help over "+c.ID, contains("Keys", "quit"))
				s.keys("Escape")
				s.waitFor("the help to close over "+c.ID, func(sc string) bool { return !strings.Contains(sc, "Keys ·") })
				// Rendered text has Glamour's two-column margin, where a
				// claim with one source has its mark.
				s.waitFor(c.ID+" rendered", func(sc string) bool {
					for _, l := range strings.Split(sc, "\n") {
						l = strings.Replace(l, singleMark+" ", "  ", 1)
						if strings.HasPrefix(l, "  "+c.Marker) || strings.Contains(l, "│  "+c.Marker) {
							return true
						}
					}
					return false
				})
			}
			s.keys("q")
			screen := s.waitFor("the program to end", contains("E2E-DONE"))
			if !strings.Contains(screen, "E2E-START") || !strings.Contains(screen, "E2E-DONE 0") ||
				strings.Contains(screen, "Pathological topics") {
				t.Errorf("the terminal was not restored, or the exit status is not 0:\n%s", screen)
			}
		})
	}
}
