package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run executes brief with args and returns its output and exit code.
func run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errw bytes.Buffer
	code = Execute(context.Background(), args, Streams{In: strings.NewReader(""), Out: &out, Err: &errw}, "test")
	return out.String(), errw.String(), code
}

// TestCheckBrokenCorpus runs check on every case of the loader's broken
// corpus and expects exactly the diagnostics of its golden file.
func TestCheckBrokenCorpus(t *testing.T) {
	t.Chdir("../../briefing/testdata")
	goldens, err := filepath.Glob("broken/*.golden")
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, golden := range goldens {
		name := strings.TrimSuffix(golden, ".golden")
		path := name
		if _, err := os.Stat(name + ".md"); err == nil {
			path = name + ".md"
		}
		t.Run(filepath.Base(name), func(t *testing.T) {
			data, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			hasError := false
			for _, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
				if strings.HasPrefix(line, "topics:") || line == "error:" {
					continue
				}
				want = append(want, line)
				if !strings.Contains(line, ": warning: ") {
					hasError = true
				}
			}
			_, stderr, code := run(t, "check", path)
			got := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("check %s: stderr\n%s\nwant\n%s", path, stderr, strings.Join(want, "\n"))
			}
			if wantCode := map[bool]int{true: 1, false: 0}[hasError]; code != wantCode {
				t.Errorf("check %s: exit %d, want %d", path, code, wantCode)
			}
			if _, _, code := run(t, "check", "--strict", path); code != 1 {
				t.Errorf("check --strict %s: exit %d, want 1", path, code)
			}
		})
	}
}

func TestCheckEmbedded(t *testing.T) {
	stdout, stderr, code := run(t, "check", "--strict")
	if code != 0 || stderr != "" {
		t.Fatalf("check --strict: exit %d, stderr:\n%s", code, stderr)
	}
	if want := "the built-in briefing: ok: 7 topics, 5 sources, 0 errors, 0 warnings; 304 of 304 citations carry an excerpt\n"; stdout != want {
		t.Errorf("stdout = %q, want %q", stdout, want)
	}
}

func TestCheckQuotesFindsInventedQuote(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "brief.md"), "---\ntitle: T\nsources:\n  - id: a\n    title: A\n---\n## One\n\nShe said \"the sky is green\" [@a].\n\nHe said \"it rained\" [@a].\n")
	texts := filepath.Join(dir, "texts")
	writeFile(t, filepath.Join(texts, "a.txt"), "Yesterday it rained all day.")
	_, stderr, code := run(t, "check", "--quotes", texts, filepath.Join(dir, "brief.md"))
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr, "brief.md:9:10: ") || !strings.Contains(stderr, "the sky is green") {
		t.Errorf("stderr does not report the invented quote at 9:10:\n%s", stderr)
	}
	if strings.Contains(stderr, "it rained") {
		t.Errorf("stderr reports a quote that is in the text:\n%s", stderr)
	}
}

func TestList(t *testing.T) {
	stdout, stderr, code := run(t, "list")
	if code != 0 || stderr != "" {
		t.Fatalf("list: exit %d, stderr %q", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	ids := []string{"overview", "guarantees", "territory", "russian-position", "ratification", "discrepancies", "actors"}
	if len(lines) != len(ids) {
		t.Fatalf("list printed %d lines, want %d:\n%s", len(lines), len(ids), stdout)
	}
	for i, line := range lines {
		f := strings.Fields(line)
		if f[0] != ids[i] {
			t.Errorf("line %d starts %q, want %q", i+1, f[0], ids[i])
		}
		if !strings.HasSuffix(line, " min") || !strings.Contains(line, " words ") {
			t.Errorf("line %d lacks words or reading time: %q", i+1, line)
		}
	}
}

func TestListReportsSkippedTopics(t *testing.T) {
	stdout, stderr, code := run(t, "list", "../../briefing/testdata/broken/partial")
	if code != 0 {
		t.Errorf("exit %d, want 0", code)
	}
	if !strings.HasPrefix(stdout, "good ") {
		t.Errorf("the good topic is not listed: %q", stdout)
	}
	if !strings.Contains(stderr, "topic skipped") {
		t.Errorf("stderr does not say which topics were skipped: %q", stderr)
	}
}

func TestPrint(t *testing.T) {
	stdout, stderr, code := run(t, "print", "--topic", "territory", "--width", "60")
	if code != 0 || stderr != "" {
		t.Fatalf("print: exit %d, stderr %q", code, stderr)
	}
	if strings.Contains(stdout, "\x1b") {
		t.Error("print to a pipe wrote escape sequences")
	}
	if strings.Contains(stdout, "[@") {
		t.Error("print left a raw citation")
	}
	for i, line := range strings.Split(stdout, "\n") {
		if n := len([]rune(line)); n > 60 {
			t.Errorf("line %d is %d columns wide, more than --width 60: %q", i+1, n, line)
		}
		if strings.HasSuffix(line, " ") {
			t.Errorf("line %d has trailing spaces", i+1)
		}
	}
	for _, want := range []string{"Territory", "Sources", "Kyiv Independent"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("print output lacks %q", want)
		}
	}
}

func TestPrintWholeBriefing(t *testing.T) {
	stdout, _, code := run(t, "print")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	last := -1
	for i, title := range []string{"1. Bottom line", "2. Security guarantees", "7. Who's who"} {
		at := strings.Index(stdout, title)
		if at < 0 || at < last {
			t.Errorf("topic heading %d %q missing or out of order", i, title)
		}
		last = at
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"missing path", []string{"list", "no/such/briefing"}, 1, "no/such/briefing: "},
		{"bad style", []string{"print", "--style", "neon"}, 2, `unknown style "neon"`},
		{"too many args", []string{"list", "a", "b"}, 2, "brief: accepts at most 1 arg(s)"},
		{"unknown flag", []string{"list", "--bogus"}, 2, "brief: unknown flag: --bogus"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := run(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q lacks %q", stderr, tt.stderr)
			}
			if strings.Count(strings.TrimRight(stderr, "\n"), "\n") != 0 {
				t.Errorf("error is not one line: %q", stderr)
			}
		})
	}
}

func TestVersion(t *testing.T) {
	stdout, _, code := run(t, "--version")
	if code != 0 || !strings.Contains(stdout, "test") {
		t.Errorf("--version: exit %d, output %q", code, stdout)
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
