package synth

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"brief/briefing"
	"brief/internal/search"
)

func TestGenerateLoadsClean(t *testing.T) {
	dir := t.TempDir()
	const topics, size = 30, 300 << 10
	if err := Generate(dir, topics, size, 1); err != nil {
		t.Fatal(err)
	}
	b, err := briefing.Load(dir)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(b.Diagnostics) > 0 {
		t.Errorf("diagnostics on a generated briefing:\n%v", b.Diagnostics)
	}
	if len(b.Topics) != topics {
		t.Errorf("%d topics, want %d", len(b.Topics), topics)
	}
	total := 0
	for _, tp := range b.Topics {
		total += len(tp.Body)
		if len(tp.Citations) == 0 {
			t.Errorf("topic %s has no citation", tp.ID)
		}
	}
	if total < size*9/10 || total > size*12/10 {
		t.Errorf("topic bodies total %d bytes, want about %d", total, size)
	}
	if len(b.Timeline) == 0 || len(b.Sources) == 0 {
		t.Errorf("%d timeline events, %d sources", len(b.Timeline), len(b.Sources))
	}
	// Most citations carry an excerpt, some none, as in a real briefing.
	if with, all := briefing.ExcerptCount(b); with < all*8/10 || with == all {
		t.Errorf("%d of %d citations carry an excerpt, want most but not all", with, all)
	}
	// Aliases with and without diacritics are what search is tested on.
	q := search.Compile("erdogan", b.Actors)
	if q.Actor() == "" || search.NewIndex(b).Count(q).Total == 0 {
		t.Errorf("no actor or no match for erdogan: actor %q", q.Actor())
	}
	body := b.Topics[0].Body
	for _, want := range []string{"## ", "| --- |", "\n  - ", "[@src-", "**"} {
		if !strings.Contains(body, want) && !strings.Contains(b.Topics[1].Body, want) {
			t.Errorf("generated topics lack %q", want)
		}
	}
}

func TestGenerateDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, d := range []string{a, b} {
		if err := Generate(d, 5, 20<<10, 42); err != nil {
			t.Fatal(err)
		}
	}
	c := t.TempDir()
	if err := Generate(c, 5, 20<<10, 43); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(a, "*"))
	if len(files) != 6 {
		t.Fatalf("%d files, want briefing.yaml and 5 topics", len(files))
	}
	differs := false
	for _, f := range files {
		x, _ := os.ReadFile(f)
		y, _ := os.ReadFile(filepath.Join(b, filepath.Base(f)))
		z, _ := os.ReadFile(filepath.Join(c, filepath.Base(f)))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs with the same seed", filepath.Base(f))
		}
		differs = differs || !bytes.Equal(x, z)
	}
	if !differs {
		t.Error("another seed gave the same files")
	}
}

func TestGenerateBadArgs(t *testing.T) {
	if err := Generate(t.TempDir(), 0, 100, 1); err == nil {
		t.Error("Generate with 0 topics did not fail")
	}
}
