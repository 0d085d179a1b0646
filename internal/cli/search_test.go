package cli

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"brief/briefing"
	"brief/internal/testkit/synth"
)

// writeBriefing writes a briefing directory with one topic file and
// returns its path.
func writeBriefing(t *testing.T, topic string) string {
	t.Helper()
	dir := t.TempDir()
	meta := "title: T\nsources:\n  - id: s\n    title: S\n    kind: news\nactors:\n  - name: Volodymyr Zelenskyy\n    aliases: [Zelensky, Zelenskiy]\n"
	if err := os.WriteFile(filepath.Join(dir, "briefing.yaml"), []byte(meta), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "talks.md"), []byte(topic), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

const talks = `---
title: Talks
---

Zelensky met the envoys [@s].
The **security**
guarantees are ready, Zelenskiy said [@s].
`

func TestSearchOutput(t *testing.T) {
	dir := writeBriefing(t, talks)
	tests := []struct {
		name       string
		args       []string
		wantOut    string
		wantErr    string
		wantCode   int
		wantNoMark bool
	}{
		{"aliases, lines of the file", []string{"search", "zelensky", dir},
			"talks:5: Zelensky met the envoys [1].\ntalks:7: guarantees are ready, Zelenskiy said [1].\n",
			"brief: also matching Volodymyr Zelenskyy, Zelenskiy (spellings of Volodymyr Zelenskyy)\n", 0, true},
		{"phrase across a line break and markup", []string{"search", "security guarantees", dir},
			"talks:6: The security guarantees are ready, Zelenskiy said [1].\n", "", 0, true},
		{"exact case", []string{"search", "ZELENSKY", dir}, "", "", 1, true},
		{"marked on request", []string{"search", "--color=always", "envoys", dir},
			"talks:5: Zelensky met the \x1b[1;7menvoys\x1b[m [1].\n", "", 0, false},
		{"no match", []string{"search", "Kharkiv", dir}, "", "", 1, true},
		{"a line with several matches once", []string{"search", "e", dir},
			"talks:5: Zelensky met the envoys [1].\ntalks:6: The security\ntalks:7: guarantees are ready, Zelenskiy said [1].\n", "", 0, true},
		{"every match on the line marked", []string{"search", "--color=always", "re", dir},
			"talks:7: guarantees a\x1b[1;7mre\x1b[m \x1b[1;7mre\x1b[mady, Zelenskiy said [1].\n", "", 0, false},
		{"missing path", []string{"search", "x", filepath.Join(dir, "nope")}, "",
			filepath.Join(dir, "nope") + ": no such file or directory\n", 2, true},
		{"empty query", []string{"search", " ", dir}, "", "brief: empty query\n", 2, true},
		{"bad colour", []string{"search", "--color=pink", "x", dir}, "",
			"brief: invalid argument \"pink\" for --color: want auto, always or never\n", 2, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errw, code := run(t, tt.args...)
			if out != tt.wantOut || errw != tt.wantErr || code != tt.wantCode {
				t.Errorf("brief %q:\nstdout %q\nstderr %q\nexit %d\nwant\nstdout %q\nstderr %q\nexit %d",
					tt.args, out, errw, code, tt.wantOut, tt.wantErr, tt.wantCode)
			}
		})
	}
}

func TestSearchUsage(t *testing.T) {
	_, errw, code := run(t, "search")
	if code != 2 || errw == "" {
		t.Errorf("search without a query: exit %d, stderr %q; want 2 and a message", code, errw)
	}
}

func TestSearchJSON(t *testing.T) {
	out, errw, code := run(t, "search", "--json", "zelensky", writeBriefing(t, talks))
	if code != 0 || errw != "" {
		t.Fatalf("exit %d, stderr %q", code, errw)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d JSON lines, want 2:\n%s", len(lines), out)
	}
	var got []jsonMatch
	for _, l := range lines {
		var m jsonMatch
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		if m.Text[m.Start:m.End] != m.Match {
			t.Errorf("text[%d:%d] = %q, match %q", m.Start, m.End, m.Text[m.Start:m.End], m.Match)
		}
		got = append(got, m)
	}
	if got[0].Topic != "talks" || got[0].Line != 5 || got[0].Match != "Zelensky" || got[0].Event != nil ||
		!strings.HasSuffix(got[0].File, "talks.md") || got[1].Match != "Zelenskiy" || got[1].Line != 7 {
		t.Errorf("JSON matches: %+v", got)
	}
}

// TestSearchJSONEveryMatch checks that --json still lists each match of
// a line that plain output prints once.
func TestSearchJSONEveryMatch(t *testing.T) {
	dir := writeBriefing(t, talks)
	out, _, _ := run(t, "search", "--json", "e", dir)
	plain, _, _ := run(t, "search", "e", dir)
	if n, lines := strings.Count(out, "\n"), strings.Count(plain, "\n"); n != 13 || lines != 3 {
		t.Errorf("--json gives %d matches, plain output %d lines; want 13 and 3", n, lines)
	}
}

// TestSearchEmbeddedAliases checks the aliases of issue 10 on the
// built-in briefing: each match is the query or another spelling of its
// actor as a whole word, never a piece of "must", "Ukrainian" or
// "Reuters", and /kyiv is no search for Ukraine.
func TestSearchEmbeddedAliases(t *testing.T) {
	for q, spellings := range map[string][]string{
		"washington":     {"washington", "United States", "US", "U.S.", "American side"},
		"britain":        {"britain", "United Kingdom", "UK", "U.K."},
		"european union": {"european union", "EU"},
		"kyiv":           {"kyiv"},
	} {
		out, _, code := run(t, "search", "--json", q)
		if code != 0 {
			t.Errorf("search %s: exit %d", q, code)
			continue
		}
		for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			var m jsonMatch
			if err := json.Unmarshal([]byte(l), &m); err != nil {
				t.Fatal(err)
			}
			ok := false
			for _, sp := range spellings {
				// The query as typed ignores case; the other spellings
				// keep theirs when in capitals.
				ok = ok || m.Match == sp || sp == q && strings.EqualFold(m.Match, sp) ||
					sp != strings.ToUpper(sp) && strings.EqualFold(m.Match, sp)
			}
			if !ok {
				t.Errorf("search %s matches %q in %q", q, m.Match, m.Text)
			}
		}
	}
}

// TestSearchEmbedded searches the built-in briefing, as a new user would.
func TestSearchEmbedded(t *testing.T) {
	out, _, code := run(t, "search", "novoross")
	if code != 0 || !strings.Contains(out, "territory:") || !strings.Contains(out, "Novorossiya") {
		t.Errorf("search novoross: exit %d\n%s", code, out)
	}
	out, errw, code := run(t, "search", "zelensky")
	for _, spelling := range []string{"Zelensky ", "Zelenskiy", "Zelenskyy"} {
		if !strings.Contains(out, spelling) {
			t.Errorf("search zelensky: no %q in\n%s", spelling, out)
		}
	}
	if code != 0 || !strings.Contains(errw, "also matching") {
		t.Errorf("search zelensky: exit %d, stderr %q", code, errw)
	}
	out, _, _ = run(t, "search", "--json", "2026")
	if !strings.Contains(out, `"event":`) {
		t.Errorf("search 2026 finds no timeline event:\n%s", out)
	}
}

// TestSearchHostile checks that control sequences in a briefing never
// reach the output, in any format.
func TestSearchHostile(t *testing.T) {
	hostile := "---\ntitle: T\n---\n\nZelensky \x1b]0;pwned\x07 said \x1b[2J\u009b31m \u202eevil [@s].\n"
	dir := writeBriefing(t, hostile)
	for _, args := range [][]string{
		{"search", "zelensky", dir},
		{"search", "--color=always", "said", dir},
		{"search", "--json", "evil", dir},
		{"search", "pwned", dir},
	} {
		out, errw, code := run(t, args...)
		if code != 0 {
			t.Errorf("brief %q: exit %d, stderr %q", args, code, errw)
		}
		for _, bad := range []string{"\x07", "\u009b", "\u202e", "\x1b]", "\x1b[2J"} {
			if strings.Contains(out, bad) || strings.Contains(errw, bad) {
				t.Errorf("brief %q: output carries %q:\n%q\n%q", args, bad, out, errw)
			}
		}
	}
}

// TestSearchLoadErrors: brief search loads the text only, so a citation of
// an unknown source, which costs no text, does not fail it (brief check
// still reports it); a topic that could not be read makes the search
// incomplete and exits 2 with the reason.
func TestSearchLoadErrors(t *testing.T) {
	dir := writeBriefing(t, "---\ntitle: Talks\n---\n\nZelensky met the envoys [@ghost].\n")
	out, errw, code := run(t, "search", "--color", "never", "envoys", dir)
	if code != 0 || errw != "" || !strings.Contains(out, "talks:5: Zelensky met the envoys") {
		t.Errorf("search with an unknown source: exit %d, stdout %q, stderr %q; want 0 and the match", code, out, errw)
	}
	out, errw, code = run(t, "check", dir)
	if code == 0 || !strings.Contains(out+errw, `unknown source "ghost"`) {
		t.Errorf("check with an unknown source: exit %d, stdout %q, stderr %q; want the error", code, out, errw)
	}

	if err := os.WriteFile(filepath.Join(dir, "broken.md"), []byte("---\ntitle: [unclosed\n---\nenvoys\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errw, code = run(t, "search", "--color", "never", "envoys", dir)
	if code != 2 || !strings.Contains(out, "talks:5:") || !strings.Contains(errw, "broken.md") || !strings.Contains(errw, "topic skipped") {
		t.Errorf("search with a skipped topic: exit %d, stdout %q, stderr %q; want 2, the match and the reason", code, out, errw)
	}
}

// BenchmarkSearchAfterLoad does in process what brief search does once
// the briefing is loaded: compile the query, build the index for it,
// search, and write every match as on a pipe. The briefing is the
// synthetic one of the briefing benchmarks (1,000 topics, 20 MiB).
func BenchmarkSearchAfterLoad(b *testing.B) {
	dir, err := synth.Cached(1000, 20<<20, 1)
	if err != nil {
		b.Fatal(err)
	}
	br, err := briefing.LoadWith(dir, briefing.LoadOptions{SkipCitations: true})
	if err != nil {
		b.Fatal(err)
	}
	for _, query := range []string{"zelensky", "kraków", "security guarantees"} {
		b.Run(strings.ReplaceAll(query, " ", "_"), func(b *testing.B) {
			for b.Loop() {
				n, err := searcher{out: io.Discard}.run(io.Discard, br, query)
				if err != nil || n == 0 {
					b.Fatalf("%d matches, %v", n, err)
				}
			}
		})
	}
}

// TestSearchPlaces checks the place and line of matches in two topics and
// the timeline, and snippets cut to the terminal's width, marked and in
// JSON.
func TestSearchPlaces(t *testing.T) {
	dir := t.TempDir()
	event := "Zelensky spoke\\tin Kyiv, a long line of text that goes on and on and on well past the width of a terminal snippet, " +
		"so that it is cut on both sides of the match when marked, as Zelensky said and said again and again at the end of it all"
	files := map[string]string{
		"briefing.yaml": "title: T\ntimeline:\n  - date: 2025-01-01\n    event: \"" + event + "\"\n",
		"a.md":          "---\ntitle: A\n---\n\nZelensky met **envoys**.\nAnd then Zelenskiy left.\n",
		"b.md":          "---\ntitle: B\n---\n\nNothing here.\n\nZelensky, again.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	whole := strings.ReplaceAll(event, "\\t", " ")
	tail := "…on both sides of the match when marked, as Zelensky said and said again and again at the end of it all"
	tail2 := "…ides of the match when marked, as Zelensky said and said again and again at the end of it all"
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"search", "zelensky", dir},
			"a:5: Zelensky met envoys.\nb:7: Zelensky, again.\ntimeline:3: " + whole + "\n"},
		// Each line once, with every match in the snippet marked.
		{[]string{"search", "--color=always", "said", dir},
			"timeline:3: " + strings.ReplaceAll(tail, "said", markOn+"said"+markOff) + "\n"},
		{[]string{"search", "--json", "--color=always", "said", dir},
			`{"event":0,"file":"` + filepath.Join(dir, "briefing.yaml") + `","line":3,"text":"` + tail + `","match":"said","start":55,"end":59}` + "\n" +
				`{"event":0,"file":"` + filepath.Join(dir, "briefing.yaml") + `","line":3,"text":"` + tail2 + `","match":"said","start":55,"end":59}` + "\n"},
	} {
		out, errw, code := run(t, tt.args...)
		if out != tt.want || code != 0 {
			t.Errorf("brief %q: exit %d, stderr %q\n%s", tt.args, code, errw, firstLineDiff(out, tt.want))
		}
	}
}

// withExcerpts is a topic whose citations carry excerpts: one between two
// matches of its line, one over two lines, and aliases in both.
const withExcerpts = `---
title: Talks
---

The draft is ready [@s, "the draft is essentially ready"] and the draft waits.
Envoys met [@s, "we must meet
  the US envoys"; @s].
`

// TestSearchExcerpts checks that brief search finds the excerpts of
// citations, which the running text hides, with the line and column of
// each excerpt in its file, after the line of their marker, and with the
// actor alias rules: "US" in capitals only and whole words.
func TestSearchExcerpts(t *testing.T) {
	dir := writeBriefing(t, withExcerpts)
	meta := "title: T\nsources:\n  - id: s\n    title: S\n    kind: news\nactors:\n  - name: United States\n    aliases: [US]\n"
	if err := os.WriteFile(filepath.Join(dir, "briefing.yaml"), []byte(meta), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args    []string
		wantOut string
	}{
		{[]string{"search", "draft", dir},
			"talks:5: The draft is ready [1] and the draft waits.\n" +
				"talks:5:25: excerpt of [1]: the draft is essentially ready\n"},
		{[]string{"search", "essentially", dir}, "talks:5:25: excerpt of [1]: the draft is essentially ready\n"},
		{[]string{"search", "--color=always", "meet the", dir},
			"talks:6:17: excerpt of [1]: we must \x1b[1;7mmeet the\x1b[m US envoys\n"},
		// "united states" also finds "US" in capitals, as a whole word:
		// not "us" in "must".
		{[]string{"search", "--color=always", "united states", dir},
			"talks:6:17: excerpt of [1]: we must meet the \x1b[1;7mUS\x1b[m envoys\n"},
	} {
		out, _, code := run(t, tt.args...)
		if out != tt.wantOut || code != 0 {
			t.Errorf("brief %q: exit %d\n%q\nwant\n%q", tt.args, code, out, tt.wantOut)
		}
	}
	// Two excerpts on one line of the file: two lines of output.
	two := writeBriefing(t, "# T\n\nBoth [@s, \"a first draft\"; @s, \"the second draft\"].\n")
	if out, _, _ := run(t, "search", "draft", two); out != "talks:3:11: excerpt of [1]: a first draft\ntalks:3:32: excerpt of [1]: the second draft\n" {
		t.Errorf("two excerpts on a line:\n%s", out)
	}
	out, _, _ := run(t, "search", "--json", "draft", dir)
	var got []jsonMatch
	for l := range strings.Lines(out) {
		var m jsonMatch
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		got = append(got, m)
	}
	// In reading order: the excerpt at its marker, between the line's
	// two matches.
	if len(got) != 3 || got[0].Excerpt || !got[1].Excerpt || got[2].Excerpt ||
		got[1].Marker != "[1]" || got[1].Line != 5 || got[1].Col != 25 || got[1].Text != "the draft is essentially ready" ||
		got[1].Text[got[1].Start:got[1].End] != "draft" {
		t.Errorf("JSON matches: %+v", got)
	}
}
