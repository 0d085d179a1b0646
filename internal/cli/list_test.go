package cli

import (
	"strings"
	"testing"
	"time"

	"brief/briefing"
	"brief/internal/state"
)

// TestListLibrary prints a library as list prints topics: one plain line
// per briefing, the broken one with its first error.
func TestListLibrary(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
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

// TestListLibraryProgress: once a briefing of the library has been read,
// list counts the topics read, unread and updated as the library view
// does.
func TestListLibraryProgress(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	t.Chdir("../../briefing/testdata")
	b, err := briefing.Load("library/harbour")
	if err != nil {
		t.Fatal(err)
	}
	id, _ := state.Identity("library/harbour")
	rec := state.Record{}.MarkRead("ruling", b.Topics[0].Body, time.Now()).MarkRead("fishing", "Another text.", time.Now())
	if err := state.Open(state.Dir()).Save(id, rec); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "list", "library")
	today := time.Now().Format("2006-01-02")
	want := `A Broken Briefing    -           1 topic                                                      library/broken  library/broken/briefing.yaml:2:8: as_of: bad date "2026-13-01": month 13 is not 1 to 12
The Harbour Dispute  2026-01-25  2 topics  2 read  0 unread  1 updated  last read ` + today + `  library/harbour
The Pass Closure     2026-02     2 topics  0 read  2 unread  0 updated  last read never       library/pass.md
plain                -           1 topic   0 read  1 unread  0 updated  last read never       library/plain.md
`
	if out != want || errOut != "" || code != 0 {
		t.Errorf("brief list library = %d\n%s\nstderr: %s\nwant:\n%s", code, out, errOut, want)
	}
}
