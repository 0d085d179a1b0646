package cli

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"brief/internal/testkit/testcorpus"
)

// plainError reports the first escape or control character of out other
// than a line break or a tab: plain output carries none, not even the
// OSC 8 hyperlinks or SGR styling of a terminal.
func plainError(out string) error {
	for i, r := range out {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20 || r == 0x7f || 0x80 <= r && r <= 0x9f:
			return fmt.Errorf("control character %U at byte %d: %q", r, i, out[max(0, i-40):min(len(out), i+40)])
		case r == utf8.RuneError && !strings.HasPrefix(out[i:], "\uFFFD"):
			return fmt.Errorf("invalid UTF-8 at byte %d", i)
		}
	}
	return nil
}

// TestPlainOutputHasNoEscapes pipes the built-in briefing and every test
// briefing through print, list and search, plain, and checks that the
// output holds no escape sequence or other control character.
func TestPlainOutputHasNoEscapes(t *testing.T) {
	paths := append([]string{""}, testcorpus.Paths(t, "../..")...)
	for _, path := range paths {
		name := path
		if name == "" {
			name = "built-in"
		}
		for _, args := range [][]string{
			{"print"},
			{"print", "--style", "notty"},
			{"print", "--style", "notty", "--width", "20"},
			{"list"},
			{"print", "--timeline"},
			{"print", "--timeline", "--json"},
			{"print", "--actors"},
			{"print", "--actors", "--json"},
			{"print", "--sources"},
			{"print", "--sources", "--json"},
			{"search", "a"},
			{"search", "--color", "never", "the"},
		} {
			if path != "" {
				args = append(args, path)
			}
			t.Run(name+"/"+strings.Join(args, " "), func(t *testing.T) {
				stdout, _, _ := run(t, args...)
				if err := plainError(stdout); err != nil {
					t.Error(err)
				}
			})
		}
	}
}

// TestPlainLinks checks how print writes a link as plain text: its text,
// then its URL in parentheses once, or the URL alone when it is the text.
func TestPlainLinks(t *testing.T) {
	path := writeBriefing(t, "---\ntitle: Links\n---\n\nSee [the map](https://example.com/map), <https://example.com/a>,\n"+
		"[https://example.com/b](https://example.com/b), info@example.com and\n"+
		"[a reference][r] [@s].\n\n[r]: https://example.com/r\n")
	for _, args := range [][]string{{"print", path}, {"print", "--style", "notty", path}} {
		stdout, _, code := run(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d", args, code)
		}
		if err := plainError(stdout); err != nil {
			t.Errorf("%v: %v", args, err)
		}
		text := strings.Join(strings.Fields(stdout), " ")
		want := "See the map (https://example.com/map), https://example.com/a, https://example.com/b, " +
			"info@example.com and a reference (https://example.com/r) [1]."
		if !strings.Contains(text, want) {
			t.Errorf("%v: output lacks %q:\n%s", args, want, stdout)
		}
	}
}

// TestPrintWidth checks the width piped output wraps at: --width, then
// COLUMNS, then 80.
func TestPrintWidth(t *testing.T) {
	widest := func(out string) int {
		n := 0
		for _, l := range strings.Split(out, "\n") {
			n = max(n, utf8.RuneCountInString(l))
		}
		return n
	}
	tests := []struct {
		columns string
		args    []string
		want    int
	}{
		{"", nil, 80},
		{"60", nil, 60},
		{"100", nil, 100},
		{"60", []string{"--width", "50"}, 50},
		{"wide", nil, 80},
		{"-3", nil, 80},
	}
	for _, tt := range tests {
		t.Run(tt.columns+strings.Join(tt.args, " "), func(t *testing.T) {
			t.Setenv("COLUMNS", tt.columns)
			stdout, _, code := run(t, append([]string{"print"}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d", code)
			}
			// The built-in briefing's paragraphs fill every line nearly
			// to the width.
			if got := widest(stdout); got > tt.want || got < tt.want-8 {
				t.Errorf("COLUMNS=%q %v: widest line %d columns, want about %d", tt.columns, tt.args, got, tt.want)
			}
		})
	}
}

// TestSearchSnippetsNumberCitations checks that brief search shows a
// citation as the reader does, numbered in the order of the sources, with
// its locator, never as the raw keys.
func TestSearchSnippetsNumberCitations(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir+"/briefing.yaml", "title: T\nsources:\n  - id: first\n    title: A\n  - id: ledger\n    title: B\n  - id: kyivindependent\n    title: C\n")
	writeFile(t, dir+"/talks.md", "---\ntitle: Talks\n---\n\nKyiv agreed [@kyivindependent; @first].\nKyiv said so [see @ledger, p. 3].\n")
	out, _, code := run(t, "search", "kyiv", dir)
	want := "talks:5: Kyiv agreed [1, 3].\ntalks:6: Kyiv said so [see 2, p. 3].\n"
	if code != 0 || out != want {
		t.Errorf("search kyiv: exit %d\n%s\nwant\n%s", code, out, want)
	}
	printed, _, _ := run(t, "print", dir)
	for _, m := range []string{"Kyiv agreed [1, 3].", "Kyiv said so [see 2, p. 3]."} {
		if !strings.Contains(printed, m) {
			t.Errorf("print lacks %q, as search shows it:\n%s", m, printed)
		}
	}
}
