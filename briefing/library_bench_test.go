package briefing

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkScanLibrary scans libraries of 1 and 200 briefings, half
// directories (briefing.yaml with 20 sources, 12 topics of 8 KB) and half
// single files (40 KB, 12 sections): the library opens within a frame of
// either when the two are close.
func BenchmarkScanLibrary(b *testing.B) {
	for _, n := range []int{1, 200} {
		dir := b.TempDir()
		writeLibrary(b, dir, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				lib, err := ScanLibrary(dir)
				if err != nil || len(lib.Entries) != n {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkListLibrary lists the same libraries without reading their
// entries: what the reader does before its first frame.
func BenchmarkListLibrary(b *testing.B) {
	for _, n := range []int{1, 200} {
		dir := b.TempDir()
		writeLibrary(b, dir, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if !IsLibrary(dir) {
					b.Fatal("not a library")
				}
				lib, err := ListLibrary(dir)
				if err != nil || len(lib.Entries) != n {
					b.Fatal(err)
				}
			}
		})
	}
}

func writeLibrary(tb testing.TB, dir string, n int) {
	tb.Helper()
	para := strings.Repeat("The council met again and the talks went on into the night [@s1]. ", 12) + "\n\n"
	write := func(name, text string) {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	var meta strings.Builder
	meta.WriteString("title: A briefing\nas_of: 2026-01-25\nsummary: |\n  " + strings.TrimSpace(para) + "\ntopics:\n")
	for t := range 12 {
		fmt.Fprintf(&meta, "  - t%d\n", t)
	}
	meta.WriteString("sources:\n")
	for s := range 20 {
		fmt.Fprintf(&meta, "  - id: s%d\n    title: Source %d\n    outlet: The Paper\n    date: 2026-01-%02d\n    kind: news\n", s, s, s+1)
	}
	for i := range n {
		if i%2 == 0 {
			d := filepath.Join(dir, fmt.Sprintf("b%03d", i))
			write(filepath.Join(d, MetaFile), meta.String())
			for t := range 12 {
				write(filepath.Join(d, fmt.Sprintf("t%d.md", t)), fmt.Sprintf("# Topic %d\n\n", t)+strings.Repeat(para, 10))
			}
			continue
		}
		var f strings.Builder
		f.WriteString("---\nas_of: 2026-02\n---\n# A single file\n\n" + para)
		for t := range 12 {
			fmt.Fprintf(&f, "## Section %d\n\n%s", t, strings.Repeat(para, 4))
		}
		write(filepath.Join(dir, fmt.Sprintf("f%03d.md", i)), f.String())
	}
}
