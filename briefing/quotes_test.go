package briefing

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestQuotes(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []Quote
	}{
		{"none", "no quotation here", nil},
		{"straight", `He said "yes" twice.`, []Quote{{"yes", 8}}},
		{"curly", "He said “yes, now” [@a].", []Quote{{"yes, now", 8}}},
		{"two", `"a" and "b"`, []Quote{{"a", 0}, {"b", 8}}},
		{"mixed marks", "“a\" and \"b”", []Quote{{"a", 0}, {"b", 10}}},
		{"across lines", "\"one\ntwo\" end", []Quote{{"one\ntwo", 0}}},
		{"blank line drops open quote", "a \"stray\n\nnext \"b\"", []Quote{{"b", 15}}},
		{"unclosed at end", `tail "open`, nil},
		{"empty", `x "" y`, []Quote{{"", 2}}},
		{"code span skipped", "`\"not\"` but \"yes\"", []Quote{{"yes", 12}}},
		{"escaped mark skipped", `\"a\" "b"`, []Quote{{"b", 6}}},
		{"fenced code skipped", "```\n\"code\"\n```\n\"text\"", []Quote{{"text", 15}}},
		{"apostrophes are not quotes", "Kyiv's 'soft' \"hard\"", []Quote{{"hard", 14}}},
		{"non-ASCII inside", "«» \"Zelenskyy’s plan\"", []Quote{{"Zelenskyy’s plan", 5}}},
		{"excerpts are not quotations", `"a" [@s, "x "y"; @t, "z"] "b"`, []Quote{{"a", 0}, {"b", 26}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Quotes(tt.input)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Quotes(%q) = %+v, want %+v", tt.input, got, tt.want)
			}
		})
	}
}

func TestNormalizeQuoted(t *testing.T) {
	tests := []struct {
		name, input, want string
	}{
		{"spaces", "a  b\n\tc", "a b c"},
		{"trim", "  a ", "a"},
		{"curly double", "“a”", `"a"`},
		{"curly single", "Kyiv’s ‘plan’", "Kyiv's 'plan'"},
		{"no-break space", "100\u00a0percent", "100 percent"},
		{"case kept", "Moscow", "Moscow"},
		{"dashes", "a – b — c‑d", "a - b - c-d"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := normalizeQuoted(tt.input); got != tt.want {
				t.Errorf("normalizeQuoted(%q) = %q, want %q", tt.input, got, tt.want)
			}
		})
	}
}

func TestCheckQuotes(t *testing.T) {
	texts := map[string]string{
		"a.txt": "The document is 100% ready, he stated. Kyiv “has not budged” from its position.",
		"b.txt": "Zelensky said it was \"essentially\n   ready\" to be finalized.",
	}
	tests := []struct {
		name    string
		body    string
		summary string
		event   string
		want    []string
	}{
		{name: "verbatim", body: `It is "100% ready" [@a].`},
		{name: "curly in text, straight in body", body: `Kyiv "has not budged" [@a].`},
		{name: "straight in text, curly in body", body: "“essentially ready” [@b]."},
		{name: "white space differs", body: "\"essentially \n ready\" to be [@b]."},
		{name: "case differs", body: `"The Document is" [@a].`,
			want: []string{`t.md:3:1: quotation not found in the source texts: "The Document is"`}},
		{name: "words changed", body: "Intro [@a].\n\nHe said the plan is \"fully ready\" [@a].",
			want: []string{`t.md:5:21: quotation not found in the source texts: "fully ready"`}},
		{name: "column counts runes", body: "Größe \"nope\" [@a].",
			want: []string{`t.md:3:7: quotation not found in the source texts: "nope"`}},
		{name: "long quotation shortened", body: `"` + strings.Repeat("x", 70) + `"`,
			want: []string{`t.md:3:1: quotation not found in the source texts: "` + strings.Repeat("x", 60) + `…"`}},
		{name: "summary", summary: `It is "ready now" [@a].`,
			want: []string{`briefing.yaml: quotation in the summary not found in the source texts: "ready now"`}},
		{name: "timeline event", event: `Kyiv "has budged" [@a].`,
			want: []string{`briefing.yaml:9:5: quotation in a timeline event not found in the source texts: "has budged"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &Briefing{
				Path:    ".",
				Summary: tt.summary,
				Sources: []Source{{ID: "a", Pos: Pos{File: "briefing.yaml", Line: 4, Col: 9}}},
				Topics:  []*Topic{{ID: "t", Body: tt.body, BodyPos: Pos{File: "t.md", Line: 3, Col: 1}}},
			}
			if tt.event != "" {
				b.Timeline = []Event{{Text: tt.event, Pos: Pos{File: "briefing.yaml", Line: 9, Col: 5}}}
			}
			ds := CheckQuotes(b, texts)
			var got []string
			for _, d := range ds {
				if d.Severity != Error {
					t.Errorf("severity of %s is %v, want error", d, d.Severity)
				}
				got = append(got, d.String())
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("CheckQuotes:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestOffsetPos(t *testing.T) {
	base := Pos{File: "f.md", Line: 4, Col: 3}
	text := "ab\ncé\"x"
	tests := []struct {
		name string
		off  int
		want Pos
	}{
		{"start", 0, Pos{"f.md", 4, 3}},
		{"first line", 2, Pos{"f.md", 4, 5}},
		{"second line start", 3, Pos{"f.md", 5, 1}},
		{"after multibyte", 6, Pos{"f.md", 5, 3}},
		{"past end clamps", 99, Pos{"f.md", 5, 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := offsetPos(base, text, tt.off); got != tt.want {
				t.Errorf("offsetPos(%d) = %v, want %v", tt.off, got, tt.want)
			}
		})
	}
}

func TestReadTexts(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "alpha")
	write("README.md", "read me")
	write("bin.dat", "\x00\x01\x02")
	write("latin1.txt", "caf\xe9")
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sub", "c.txt"), []byte("nested"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("a.txt", filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	got, err := ReadTexts(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a.txt": "alpha", "README.md": "read me"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadTexts = %q, want %q", got, want)
	}

	missing := filepath.Join(dir, "missing")
	_, err = ReadTexts(missing)
	if err == nil || err.Error() != missing+": no such file or directory" {
		t.Errorf("ReadTexts(missing) error = %v, want %q", err, missing+": no such file or directory")
	}
}

// FuzzQuotes checks that the quotation check never panics, reports every
// quotation at the position of its opening mark, and finds every
// quotation in a text that contains the body itself.
func FuzzQuotes(f *testing.F) {
	f.Add("He said \"yes\" [@a].", "he said yes")
	f.Add("“curly” and \"straight\"\n\nnext", "curly")
	f.Add("`\"code\"` \"x\"\n```\n\"y\"\n```\n", "x")
	f.Add("a \"b\n\nc\" d", "")
	f.Fuzz(func(t *testing.T, body, text string) {
		if !utf8.ValidString(body) {
			return
		}
		base := Pos{File: "t.md", Line: 7, Col: 2}
		b := &Briefing{Topics: []*Topic{{ID: "t", Body: body, BodyPos: base}}}

		if ds := CheckQuotes(b, map[string]string{"self": body}); len(ds) != 0 {
			t.Fatalf("a body is its own source, yet: %v", ds)
		}

		quotes := Quotes(body)
		ds := CheckQuotes(b, map[string]string{"text": text})
		want := 0
		norm := normalizeQuoted(text)
		for _, q := range quotes {
			if n := normalizeQuoted(q.Text); n != "" && !strings.Contains(norm, n) {
				want++
			}
			if c, _ := utf8.DecodeRuneInString(body[q.Offset:]); c != '"' && c != '“' {
				t.Fatalf("quotation at %d starts with %q, not a quotation mark", q.Offset, c)
			}
		}
		if len(ds) != want {
			t.Fatalf("%d diagnostics, want %d: %v", len(ds), want, ds)
		}
		for _, d := range ds {
			off := bodyOffset(body, base, d.Pos)
			if off < 0 {
				t.Fatalf("%s points outside the body", d.Pos)
			}
			if c, _ := utf8.DecodeRuneInString(body[off:]); c != '"' && c != '“' {
				t.Fatalf("%s points at %q, not a quotation mark", d.Pos, c)
			}
		}
	})
}

// bodyOffset maps a file position back to a byte offset in body, which
// starts at base, or returns -1 if p is not in body.
func bodyOffset(body string, base, p Pos) int {
	line, col := base.Line, base.Col
	for i, r := range body {
		if line == p.Line && col == p.Col {
			return i
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return -1
}
