package patho

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"brief/briefing"
)

// TestLoads checks that the briefing loads without errors, each topic is
// as pathological as its title says, and each marker is in its body.
func TestLoads(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir); err != nil {
		t.Fatal(err)
	}
	b, err := briefing.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if ds := b.Diagnostics.Errors(); len(ds) > 0 {
		t.Fatalf("errors:\n%v", ds)
	}
	cases := Cases()
	if len(b.Topics) != len(cases) {
		t.Fatalf("%d topics, want %d", len(b.Topics), len(cases))
	}
	for i, c := range cases {
		tp := b.Topics[i]
		if tp.ID != c.ID || tp.Title != c.Title || !strings.HasPrefix(strings.TrimSpace(tp.Body), c.Marker) {
			t.Errorf("topic %d: %q %q, body starts %.40q", i, tp.ID, tp.Title, tp.Body)
		}
		fi, err := os.Stat(filepath.Join(dir, c.ID+".md"))
		if err != nil || fi.Size() > briefing.MaxFileSize {
			t.Errorf("%s: %v, size over the loader's limit", c.ID, err)
		}
	}
	body := func(id string) string { return b.Topic(id).Body }
	if n := len(body("huge")); n < 5<<20 {
		t.Errorf("huge topic is %d bytes", n)
	}
	longest := 0
	for _, w := range strings.Fields(body("long-line")) {
		longest = max(longest, len(w))
	}
	if longest < 1<<20 {
		t.Errorf("longest word is %d bytes", longest)
	}
	if n := strings.Count(strings.SplitN(body("wide-table"), "\n", 4)[2], "|"); n != 301 {
		t.Errorf("table header has %d bars, want 301", n)
	}
	if !strings.Contains(body("deep-lists"), strings.Repeat("  ", 49)+"- Level 50") {
		t.Error("lists do not reach level 50")
	}
	if n := len(b.Topic("citations").Citations); n < 10000 {
		t.Errorf("%d citations", n)
	}
}
