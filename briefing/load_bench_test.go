package briefing

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// synthetic returns a briefing directory of n topics of about size bytes
// each, every paragraph and list item cited.
func synthetic(n, size int) fstest.MapFS {
	var meta strings.Builder
	meta.WriteString("title: Synthetic\nsources:\n")
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&meta, "  - id: s%d\n    title: Source %d\n    date: 2026-01-02\n    kind: news\n", i, i)
	}
	fsys := fstest.MapFS{"b/briefing.yaml": mapFile(meta.String())}
	para := "The talks resumed on Tuesday after a week of delays, officials said, and both sides " +
		"described the mood as constructive though no text was agreed [@s%d; @s%d].\n\n" +
		"- A second point with its own citation [see @s%d, p. 4].\n- And a third [@s%d].\n\n"
	for t := 0; t < n; t++ {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: Topic %d\ntags: [a, b]\n---\n", t)
		for i := 0; b.Len() < size; i++ {
			fmt.Fprintf(&b, para, (t+i)%200, (t+i+7)%200, (t+i+13)%200, (t+i+19)%200)
		}
		fsys[fmt.Sprintf("b/t%04d.md", t)] = mapFile(b.String())
	}
	return fsys
}

func BenchmarkLoadDir(b *testing.B) {
	fsys := synthetic(1000, 20000)
	b.SetBytes(20000 * 1000)
	b.ResetTimer()
	for b.Loop() {
		br, err := LoadFS(fsys, "b")
		if err != nil {
			b.Fatal(err)
		}
		if len(br.Topics) != 1000 || len(br.Diagnostics) != 0 {
			b.Fatalf("%d topics, diagnostics:\n%.500s", len(br.Topics), br.Diagnostics)
		}
	}
}

func BenchmarkLoadMarkdown(b *testing.B) {
	var s strings.Builder
	s.WriteString("---\ntitle: Synthetic\nsources:\n  - id: a\n    title: A\n---\nSummary [@a].\n\n")
	for t := 0; s.Len() < 15<<20; t++ {
		fmt.Fprintf(&s, "## Topic %d\n\n", t)
		for i := 0; i < 40; i++ {
			s.WriteString("A paragraph of ordinary length that cites its source, as every paragraph should [@a].\n\n")
		}
	}
	fsys := fstest.MapFS{"x.md": mapFile(s.String())}
	b.SetBytes(int64(s.Len()))
	b.ResetTimer()
	for b.Loop() {
		br, err := LoadFS(fsys, "x.md")
		if err != nil {
			b.Fatal(err)
		}
		if len(br.Diagnostics) != 0 {
			b.Fatalf("diagnostics:\n%.500s", br.Diagnostics)
		}
	}
}

// BenchmarkLongLine is the case a naive position computation makes
// quadratic: many citations on one very long line.
func BenchmarkLongLine(b *testing.B) {
	src := "---\ntitle: T\nsources:\n  - id: a\n    title: A\n---\n## One\n\n" + strings.Repeat("Text [@a] and more [@a]. ", 200000) + "\n"
	fsys := fstest.MapFS{"x.md": mapFile(src)}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := LoadFS(fsys, "x.md"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHostileShapes loads inputs shaped to find quadratic or worse
// paths: deep YAML nesting, long runs of backticks and brackets, and
// thousands of headings with the same id.
func BenchmarkHostileShapes(b *testing.B) {
	shapes := map[string]string{
		"yaml-nesting": "---\ntitle: " + strings.Repeat("[", 200000) + "\n---\n",
		"backticks":    "## A\n\n" + strings.Repeat("` ``", 300000) + "\n",
		"brackets":     "## A\n\n" + strings.Repeat("[", 1000000) + "\n",
		"same-heading": strings.Repeat("## a\n", 100000),
		"blockquotes":  "## A\n\n" + strings.Repeat("> ", 100000) + "x\n",
	}
	for name, src := range shapes {
		fsys := fstest.MapFS{"x.md": mapFile(src)}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := LoadFS(fsys, "x.md"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
