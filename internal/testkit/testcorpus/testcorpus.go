// Package testcorpus lists the briefings the repository keeps for tests, so
// that tests which compare two code paths over all of them agree on what
// all of them are. Only tests import it.
package testcorpus

import (
	"path/filepath"
	"strings"
	"testing"
)

// patterns are relative to the repository's top directory.
var patterns = []string{
	"briefing/testdata/good/*",
	"briefing/testdata/broken/*",
	"testdata/hostile/*",
	"ui/testdata/brief",
}

// Paths returns the test briefings under root, the repository's top
// directory as the calling test sees it: the loader's good and broken
// cases, the hostile corpus and the reader's test briefing, without the
// golden files beside them.
func Paths(t testing.TB, root string) []string {
	t.Helper()
	var paths []string
	for _, pattern := range patterns {
		ps, err := filepath.Glob(filepath.Join(root, pattern))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			if !strings.HasSuffix(p, ".golden") {
				paths = append(paths, p)
			}
		}
	}
	if len(paths) == 0 {
		t.Fatalf("no test briefings under %s", root)
	}
	return paths
}
