package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// newTestLibrary makes a library of three briefings: a directory, a single
// file and a directory whose briefing.yaml does not parse.
func newTestLibrary(t *testing.T) string {
	t.Helper()
	lib := t.TempDir()
	if _, stderr, code := run(t, "new", filepath.Join(lib, "harbour")); code != 0 {
		t.Fatalf("brief new: %d %s", code, stderr)
	}
	if _, stderr, code := run(t, "export", "--format", "md", "-o", filepath.Join(lib, "ukraine.md")); code != 0 {
		t.Fatalf("brief export: %d %s", code, stderr)
	}
	writeFile(t, filepath.Join(lib, "broken", "briefing.yaml"), "title: [oops\ntopics: [a]\n")
	return lib
}

// TestCheckLibrary checks each briefing of a library as check checks one,
// then says how many passed; one broken briefing fails the whole.
func TestCheckLibrary(t *testing.T) {
	lib := newTestLibrary(t)
	out, errOut, code := run(t, "check", lib)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	want := []string{
		filepath.Join(lib, "broken") + ": FAILED: cannot be checked, 1 error",
		filepath.Join(lib, "harbour") + ": ok: 2 topics, 1 source, 0 errors, 0 warnings",
		filepath.Join(lib, "ukraine.md") + ": ok: ",
		"3 briefings: 2 ok, 1 failed",
	}
	if len(lines) != len(want) {
		t.Fatalf("stdout:\n%s\nwant %d lines beginning:\n%s", out, len(want), strings.Join(want, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want it to begin %q", i+1, lines[i], w)
		}
	}
	// The diagnostics are the entry's own, positioned in its files; none
	// comes from treating the library as one briefing.
	if !strings.HasPrefix(errOut, filepath.Join(lib, "broken", "briefing.yaml")+":2:1: YAML syntax error") {
		t.Errorf("stderr does not start with the broken entry's error:\n%s", errOut)
	}
	for _, bad := range []string{"no briefing.yaml", "unknown field", "\x1b"} {
		if strings.Contains(out+errOut, bad) {
			t.Errorf("output holds %q:\n%s\n%s", bad, out, errOut)
		}
	}

	// Each entry alone gives the same verdict as within the library.
	single, _, code := run(t, "check", filepath.Join(lib, "harbour"))
	if code != 0 || single != lines[1]+"\n" {
		t.Errorf("check of one entry = %d %q, want %q", code, single, lines[1])
	}
}

// TestCheckLibraryFlags: the flags apply to every entry; --strict fails
// the entries with warnings.
func TestCheckLibraryFlags(t *testing.T) {
	t.Chdir("../../briefing/testdata")
	out, _, code := run(t, "check", "--strict", "library")
	want := `library/broken: FAILED: 1 topic, 0 sources, 2 errors, 1 warning
library/harbour: FAILED: 2 topics, 0 sources, 0 errors, 2 warnings
library/pass.md: FAILED: 2 topics, 0 sources, 0 errors, 2 warnings
library/plain.md: FAILED: 1 topic, 0 sources, 0 errors, 1 warning
4 briefings: 0 ok, 4 failed
`
	if out != want || code != 1 {
		t.Errorf("check --strict library = %d\n%s\nwant:\n%s", code, out, want)
	}
	_, errOut, code := run(t, "check", "--watch", "library")
	if code != 2 || !strings.Contains(errOut, "library is a library") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("check --watch library = %d %q, want a one-line refusal, exit 2", code, errOut)
	}
}

// TestLibraryNeedsOneBriefing: print, export and search read one briefing;
// given a library they say so and name one of its briefings, the first
// that can be read, rather than read the library's files as one briefing.
func TestLibraryNeedsOneBriefing(t *testing.T) {
	lib := newTestLibrary(t)
	harbour := filepath.Join(lib, "harbour")
	for _, args := range [][]string{
		{"print", lib},
		{"print", "--timeline", lib},
		{"export", "--format", "md", lib},
		{"search", "harbour", lib},
		{"new", "--from-markdown", lib, filepath.Join(t.TempDir(), "out")},
	} {
		out, errOut, code := run(t, args...)
		hint := "brief " + args[0] + " " + harbour
		switch args[0] {
		case "search":
			hint = "brief search harbour " + harbour
		case "new":
			// --from-markdown takes a file: the single-file briefing.
			hint = "brief new --from-markdown " + filepath.Join(lib, "ukraine.md") + " " + args[3]
		}
		want := "brief: " + lib + " is a library of 3 briefings; name one, as in " + hint + "\n"
		if out != "" || errOut != want || code != 2 {
			t.Errorf("brief %s = %d\nstdout %q\nstderr %q\nwant %q, exit 2", strings.Join(args, " "), code, out, errOut, want)
		}
	}
}
