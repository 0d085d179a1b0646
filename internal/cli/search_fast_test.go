package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"brief/internal/testkit/synth"
	"brief/internal/testkit/testcorpus"
)

// TestSearchIndexesOnlyWhatMayMatch runs brief search with the index of
// the texts that may match and with the full index, on every briefing the
// repository keeps for tests and the embedded one, and expects the same
// output, plain, marked and JSON, and the same exit status.
func TestSearchIndexesOnlyWhatMayMatch(t *testing.T) {
	paths := append([]string{""}, testcorpus.Paths(t, "../..")...) // "" is the embedded briefing
	syn := filepath.Join(t.TempDir(), "synth")
	if err := synth.Generate(syn, 30, 30*8000, 3); err != nil {
		t.Fatal(err)
	}
	paths = append(paths, syn, writeBriefing(t, talks), writeBriefing(t, withExcerpts),
		writeBriefing(t, "# Split\n\n**Zel**enskiy in Kra*k*ów, [Zel](x)ensky\n\nsecurity\n\n`guarantees`\n"))
	if len(paths) < 20 {
		t.Fatalf("only %d briefings", len(paths))
	}
	queries := []string{
		"zelensky", "Zelensky", "ZELENSKY", "Zelenskiy", "zelenskyy", "volodymyr zelensky", "kraków", "krakow",
		"KRAKÓW", "genève", "geneve", "łódź", "lodz", "security guarantees", "Security guarantees",
		"guarantees are", "novoross", "ceasefire", "2026", "the", "e", "src-001", "[@s]", "a.b", "(.*)",
		"\\d", "**", "x", "qqqxqqq", "strasse", "erdogan", "Donetsk", "timeline", "talks in", "ß", "æ",
		"washington", "britain", "european union", "kyiv", "US", "us", "eu", "re",
		// Words found in excerpts only, in the built-in briefing and the
		// others.
		"informed", "expressing hope", "essentially", "draft", "meet the",
	}
	defer func() { searchFullIndex = false }()
	for _, p := range paths {
		for _, q := range queries {
			for _, flags := range [][]string{nil, {"--json"}, {"--color=always"}} {
				args := append(append([]string{"search"}, flags...), q)
				if p != "" {
					args = append(args, p)
				}
				searchFullIndex = true
				wantOut, wantErr, wantCode := run(t, args...)
				searchFullIndex = false
				out, errw, code := run(t, args...)
				if out != wantOut || errw != wantErr || code != wantCode {
					t.Errorf("brief %q: the two indexes differ:\n%s", args,
						firstLineDiff(fmt.Sprintf("exit %d\n%s\n%s", code, errw, out),
							fmt.Sprintf("exit %d\n%s\n%s", wantCode, wantErr, wantOut)))
				}
			}
		}
	}
}

func firstLineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\ngot  %q\nwant %q", i+1, a, b)
		}
	}
	return ""
}
