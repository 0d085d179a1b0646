package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"brief/briefing"
)

// excerptBriefing writes a briefing directory whose topic is body, with
// sources a (its text in a.txt), b (in b.txt) and c (no file), and the
// source texts beside it; it returns the briefing and the texts.
func excerptBriefing(t *testing.T, body string) (dir, texts string) {
	t.Helper()
	root := t.TempDir()
	dir = filepath.Join(root, "b")
	writeFile(t, filepath.Join(dir, "briefing.yaml"), `title: T
summary: Said so [@a, "it rained all day"].
sources:
  - id: a
    title: A
    file: a.txt
  - id: b
    title: B
    file: b.txt
  - id: c
    title: C
timeline:
  - date: 2026-01-02
    event: It rained [@b, "the rain stopped"].
`)
	writeFile(t, filepath.Join(dir, "t.md"), "# T\n\n"+body)
	texts = filepath.Join(root, "texts")
	writeFile(t, filepath.Join(texts, "a.txt"), "Yesterday it rained  all\nday — “so they say”; ask @b].")
	writeFile(t, filepath.Join(texts, "b.txt"), "Then the rain stopped. It was dry.")
	return dir, texts
}

func TestCheckExcerpts(t *testing.T) {
	tests := []struct {
		name, body string
		args       []string
		code       int
		verdict    string   // the end of the verdict line
		errs       []string // lines of stderr, in order
	}{
		{
			name:    "good",
			body:    "Rain [@a, “it rained all day - \"so they say\"; ask @b]”; @b, “It was dry.”].\n\nAnd [@c, \"Yesterday\"].\n",
			args:    []string{"--strict", "--require-excerpts"},
			verdict: "0 errors, 0 warnings; 5 of 5 citations carry an excerpt",
		},
		{
			name:    "not verbatim, in another source's text, in no text",
			body:    "Rain [@a, \"it rained every day\"].\n\nDry [@a,\n  \"It was dry\"].\n\nNone [@c, \"snow\"].\n",
			code:    1,
			verdict: "3 errors, 0 warnings; 5 of 5 citations carry an excerpt",
			errs: []string{
				`t.md:3:11: excerpt not found in a.txt, the text of source "a": "it rained every day"`,
				`t.md:6:3: excerpt not found in a.txt, the text of source "a": "It was dry"`,
				`t.md:8:11: excerpt not found in the source texts: "snow"`,
			},
		},
		{
			name:    "missing is no error without the option",
			body:    "Rain [@a; @b, \"It was dry\"; @c].\n",
			verdict: "0 errors, 0 warnings; 3 of 5 citations carry an excerpt",
		},
		{
			name:    "missing with the option",
			body:    "Rain [@a; @b, \"It was dry\"] and [see @c, p. 3] and [@a, \"\"].\n",
			args:    []string{"--require-excerpts"},
			code:    1,
			verdict: "4 errors, 0 warnings; 3 of 6 citations carry an excerpt",
			errs: []string{
				`t.md:3:57: empty excerpt for "a"`,
				`t.md:3:7: citation of "a" has no excerpt`,
				`t.md:3:38: citation of "c" has no excerpt`,
				`t.md:3:53: citation of "a" has no excerpt`,
			},
		},
		{
			name:    "hostile",
			body:    "Rain [@a, \"\x1b]0;pwned\x07 \u202e\u009b31m\"; @c].\n",
			code:    1,
			verdict: "1 error, 4 warnings; 3 of 4 citations carry an excerpt",
			errs: []string{
				"t.md:3:12: warning: control character U+001B replaced by \u241b",
				"t.md:3:21: warning: control character U+0007 replaced by \u2407",
				"t.md:3:23: warning: control character U+202E replaced by \ufffd",
				"t.md:3:24: warning: control character U+009B replaced by \ufffd",
				"t.md:3:11: excerpt not found in a.txt, the text of source \"a\": \"\u241b]0;pwned\u2407 \ufffd\ufffd31m\"",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, texts := excerptBriefing(t, tt.body)
			args := append([]string{"check", "--quotes", texts}, tt.args...)
			stdout, stderr, code := run(t, append(args, dir)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			if !strings.HasSuffix(stdout, tt.verdict+"\n") {
				t.Errorf("stdout %q, want it to end %q", stdout, tt.verdict)
			}
			var got []string
			for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
				if l != "" {
					got = append(got, strings.TrimPrefix(l, dir+string(filepath.Separator)))
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.errs, "\n") {
				t.Errorf("stderr:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.errs, "\n"))
			}
			if strings.ContainsAny(stdout+stderr, "\x1b\x07\u202e\u009b") {
				t.Errorf("a control character reached the output: %q", stderr)
			}
		})
	}
}

// TestCheckExcerptFileMissing is a source whose file is not among the
// texts: one error at the source, none for each of its excerpts.
func TestCheckExcerptFileMissing(t *testing.T) {
	dir, texts := excerptBriefing(t, "Rain [@b, \"nowhere\"; @b, \"again\"; @c].\n")
	writeFile(t, filepath.Join(texts, "b.txt"), "\x00binary")
	_, stderr, code := run(t, "check", "--quotes", texts, dir)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	want := filepath.Join(dir, "briefing.yaml") + `:7:9: source "b": no text file "b.txt" in ` + texts + "\n"
	if stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
}

// TestExcerptsHidden checks, on the built-in briefing, that no excerpt
// shows in print where the running text does not hold it too, and that
// search finds it as an excerpt only: an excerpt is evidence for a card,
// not text of the topic.
func TestExcerptsHidden(t *testing.T) {
	b, err := load("")
	if err != nil {
		t.Fatal(err)
	}
	// The running text: every body and event without its citation
	// groups, and the source list.
	var text strings.Builder
	texts := []string{b.Summary}
	for _, tp := range b.Topics {
		texts = append(texts, tp.Body)
	}
	for _, e := range b.Timeline {
		texts = append(texts, e.Text)
	}
	var excerpts []string
	// The summary's excerpts are not searched, as the summary is not.
	summary := 0
	for i, s := range texts {
		last := 0
		for _, c := range briefing.ScanCitations(s) {
			text.WriteString(s[last:c.Start])
			last = c.End
			excerpts = append(excerpts, c.Excerpts...)
		}
		if i == 0 {
			summary = len(excerpts)
		}
		text.WriteString(s[last:] + "\n")
	}
	for _, s := range b.Sources {
		// print lists the sources too.
		text.WriteString(s.Title + "\n")
	}
	running := strings.ToLower(strings.Join(strings.Fields(text.String()), " "))
	printed, _, _ := run(t, "print")
	printed = strings.Join(strings.Fields(printed), " ")
	checked := 0
	for i, e := range excerpts {
		if e == "" || strings.Contains(running, strings.ToLower(e)) {
			continue
		}
		checked++
		if strings.Contains(printed, e) {
			t.Errorf("print shows the excerpt %q", e)
		}
		if i < summary {
			continue
		}
		// search finds it, as an excerpt, never as running text.
		out, _, code := run(t, "search", "--color=never", e)
		if code != 0 {
			t.Errorf("search %q: exit %d, want 0", e, code)
		}
		for line := range strings.Lines(out) {
			if !strings.Contains(line, ": excerpt of [") {
				t.Errorf("search %q finds it outside an excerpt: %s", e, line)
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d of %d excerpts checked", checked, len(excerpts))
	}
	t.Logf("%d of %d excerpts checked, the others being in the running text too", checked, len(excerpts))
}
