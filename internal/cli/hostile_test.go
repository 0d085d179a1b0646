package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"brief/briefing"
	"brief/internal/testkit/hostile"
)

// TestHostileOutput runs every command over the hostile corpus (control
// sequences in every field, in file names and in the directory's name)
// and checks that neither standard output nor standard error carries
// anything but the program's own styling. Diagnostics quote the user's
// text, so standard error matters as much as the output.
func TestHostileOutput(t *testing.T) {
	dir, single := hostile.Copy(t)
	texts := filepath.Join(t.TempDir(), "texts")
	writeFile(t, filepath.Join(texts, "\x1b]0;TEXT\x07\u202e.txt"), "An article "+hostile.Payload+" with no quotation in it.\n")
	for name, path := range map[string]string{"dir": dir, "single": single} {
		b, err := briefing.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		cases := [][]string{
			{"print", path},
			{"print", "--style", "dark", path},
			{"print", "--style", "light", path},
			{"print", "--style", "notty", path},
			{"print", "--style", "dark", "--width", "20", path},
			{"print", "--topic", briefing.Sanitize(hostile.Payload) + "missing", path},
			{"list", path},
			{"check", path},
			{"check", "--strict", path},
			{"check", "--quotes", texts, path},
			{"search", "PWNED", path},
			{"search", "--color", "always", "PWNED", path},
			{"search", "--color", "always", b.Actors[0].Name, path},
			{"search", "--json", "PWNED", path},
		}
		for _, tp := range b.Topics {
			cases = append(cases, []string{"print", "--style", "dark", "--topic", tp.ID, path})
		}
		for _, args := range cases {
			t.Run(name+"/"+strings.Join(args[:len(args)-1], " "), func(t *testing.T) {
				stdout, stderr, code := run(t, args...)
				if code == 0 && stderr == "" && !strings.Contains(stdout, "PWNED") {
					t.Errorf("exit 0 without the hostile text in the output: the corpus did not reach it\n%s", stdout)
				}
				if !strings.Contains(stdout+stderr, "PWNED") && !strings.Contains(stdout+stderr, "␛") {
					t.Errorf("neither output shows the neutralised text:\nstdout:\n%s\nstderr:\n%s", stdout, stderr)
				}
				if err := hostile.Check(stdout); err != nil {
					t.Errorf("stdout: %v", err)
				}
				if err := hostile.Check(stderr); err != nil {
					t.Errorf("stderr: %v", err)
				}
				if args[1] == "--json" {
					checkJSONLines(t, stdout)
				}
			})
		}
	}
}

// TestHostileExcerptSearch searches the hostile corpus's excerpts, which
// carry control sequences: brief search shows them as excerpts, the
// sequences as visible text, plain, marked and in JSON.
func TestHostileExcerptSearch(t *testing.T) {
	dir, _ := hostile.Copy(t)
	own := writeBriefing(t, "# T\n\nA claim [@s, \"the evidence "+hostile.InExcerpt+" PWNED is here\"].\n")
	for _, args := range [][]string{
		{"search", "--color", "always", "title", dir},
		{"search", "--json", "title", dir},
		{"search", "--color", "never", "evidence", own},
		{"search", "--color", "always", "evidence", own},
		{"search", "--color", "always", "PWNED", own},
		{"search", "--json", "evidence", own},
	} {
		t.Run(strings.Join(args[1:len(args)-1], " "), func(t *testing.T) {
			// The corpus has errors too, which make the exit status 2.
			stdout, stderr, code := run(t, args...)
			if code == 1 {
				t.Fatalf("exit %d: no match", code)
			}
			if !strings.Contains(stdout, ": excerpt of [") && !strings.Contains(stdout, `"excerpt":true`) {
				t.Errorf("no match in an excerpt:\n%s", stdout)
			}
			if !strings.Contains(stdout, "␛") {
				t.Errorf("the excerpt's control sequences are not shown as text:\n%s", stdout)
			}
			for _, out := range []string{stdout, stderr} {
				if err := hostile.Check(out); err != nil {
					t.Error(err)
				}
			}
			if args[1] == "--json" {
				checkJSONLines(t, stdout)
			}
		})
	}
}

// checkJSONLines checks the decoded strings of search's JSON output: a
// script that prints them (jq -r) must not get control characters either.
// That holds for file too: the loader reports paths with control
// characters replaced, so a hostile file name is shown, not obeyed.
func checkJSONLines(t *testing.T, out string) {
	t.Helper()
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("not JSON: %v: %q", err, line)
		}
		n++
		for k, v := range m {
			if s, ok := v.(string); ok {
				if err := hostile.Check(s); err != nil {
					t.Errorf("decoded %s: %v", k, err)
				}
			}
		}
	}
	if n == 0 {
		t.Error("no matches")
	}
}

// TestHostileArguments checks text that comes from the command line
// rather than a briefing: a path that does not exist, a file name that is
// not UTF-8, a topic id, a query. Errors quote them back.
func TestHostileArguments(t *testing.T) {
	dir, _ := hostile.Copy(t)
	missing := filepath.Join(t.TempDir(), "\x1b]0;PWNED\x07"+hostile.RawC1+"\u202e")
	cases := [][]string{
		{missing},
		{"list", missing},
		{"print", missing},
		{"check", missing},
		{"search", "x", missing},
		{"print", "--topic", "\x1b]0;PWNED\x07" + hostile.RawC1, dir},
		{"search", "\x1b]0;PWNED\x07\u202e" + hostile.RawC1, dir},
		{"print", "--style", "\x1b]0;PWNED\x07", dir},
		{"search", "--color", "\x1b]0;PWNED\x07", "x", dir},
	}
	runFailing(t, cases)
	if _, err := os.Stat(missing); err == nil {
		t.Fatal("the missing path exists")
	}
}

// TestHostileNonUTF8Names covers names whose only hostile part is a byte
// that is not UTF-8: a named file, and a topic file in a directory.
func TestHostileNonUTF8Names(t *testing.T) {
	dir := hostile.NonUTF8Dir(t) // skips where the file system refuses such names
	named := filepath.Join(t.TempDir(), "brief"+hostile.RawC1+".md")
	writeFile(t, named, "# Title\n\nText.\n")
	runFailing(t, [][]string{
		{"list", named}, {"check", named}, {"print", named},
		{"check", dir}, {"search", "text", dir},
	})
	// The directory's other topics are shown, and the skipped one told.
	runTelling(t, [][]string{{"list", dir}, {"print", dir}}, false)
}

// runFailing runs each command, expecting an error message and a
// non-zero exit, and checks both outputs.
func runFailing(t *testing.T, cases [][]string) {
	t.Helper()
	runTelling(t, cases, true)
}

// runTelling runs each command, expecting an error message and a
// non-zero exit if fail, a zero one if not, and checks both outputs.
func runTelling(t *testing.T, cases [][]string, fail bool) {
	t.Helper()
	for _, args := range cases {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			stdout, stderr, code := run(t, args...)
			if (code != 0) != fail {
				t.Errorf("exit %d, want an error: %v", code, fail)
			}
			if stderr == "" {
				t.Error("no error message")
			}
			if err := hostile.Check(stdout); err != nil {
				t.Errorf("stdout: %v", err)
			}
			if err := hostile.Check(stderr); err != nil {
				t.Errorf("stderr: %v", err)
			}
		})
	}
}
