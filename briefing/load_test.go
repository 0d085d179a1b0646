package briefing

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// report is what a golden file holds for one load: the ids of the topics
// loaded, then every diagnostic, or the error when nothing loaded.
func report(b *Briefing, err error) string {
	var s strings.Builder
	if err != nil {
		s.WriteString("error:\n" + err.Error() + "\n")
		return s.String()
	}
	var ids []string
	for _, t := range b.Topics {
		ids = append(ids, t.ID)
	}
	s.WriteString("topics: " + strings.Join(ids, " ") + "\n")
	if len(b.Diagnostics) > 0 {
		s.WriteString(b.Diagnostics.Error() + "\n")
	}
	return s.String()
}

func checkGolden(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./briefing -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("diagnostics differ from %s\ngot:\n%s\nwant:\n%s", golden, got, want)
	}
}

// TestBroken loads each briefing in testdata/broken and compares every
// message with the case's golden file.
func TestBroken(t *testing.T) {
	entries, err := os.ReadDir("testdata/broken")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		name := e.Name()
		if strings.HasSuffix(name, ".golden") {
			continue
		}
		n++
		t.Run(name, func(t *testing.T) {
			b, err := LoadFS(os.DirFS("testdata"), "broken/"+name)
			got := report(b, err)
			if err == nil && len(b.Diagnostics.Errors()) == 0 && !strings.Contains(got, "warning") {
				t.Errorf("no diagnostics for a broken briefing")
			}
			checkGolden(t, "testdata/broken/"+strings.TrimSuffix(name, ".md")+".golden", got)
		})
	}
	if n < 15 {
		t.Errorf("only %d broken cases found", n)
	}
}
