package cli

import (
	"strings"
	"testing"
)

// TestListLibrary prints a library as list prints topics: one plain line
// per briefing, the broken one with its first error.
func TestListLibrary(t *testing.T) {
	t.Chdir("../../briefing/testdata")
	out, errOut, code := run(t, "list", "library")
	want := `A Broken Briefing    -           1 topic   library/broken  library/broken/briefing.yaml:2:8: as_of: bad date "2026-13-01": month 13 is not 1 to 12
The Harbour Dispute  2026-01-25  2 topics  library/harbour
The Pass Closure     2026-02     2 topics  library/pass.md
plain                -           1 topic   library/plain.md
`
	if out != want || errOut != "" || code != 0 {
		t.Errorf("brief list library = %d\n%s\nstderr: %s\nwant:\n%s", code, out, errOut, want)
	}
	if strings.Contains(out, "\x1b") {
		t.Error("escape sequences in piped output")
	}
	// A briefing directory in it still lists its topics.
	out, _, _ = run(t, "list", "library/harbour")
	if !strings.HasPrefix(out, "ruling ") {
		t.Errorf("brief list of a briefing in a library:\n%s", out)
	}
}
