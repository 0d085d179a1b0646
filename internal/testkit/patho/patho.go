// Package patho writes a briefing of pathological topics, for the tests
// that prove the reader never stalls: a 5 MB topic, a 1 MB line without
// spaces, a table 300 columns wide, lists nested 50 deep and 10,000
// citations in one paragraph. An ordinary topic comes first, so the reader
// opens on something normal. The output is always the same.
package patho

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"brief/briefing"
)

// Case is one topic of the pathological briefing.
type Case struct {
	// ID is the topic's id, also its file name without ".md".
	ID    string
	Title string
	// Marker is text near the start of the topic's body that shows in its
	// plain text and in its rendering, at any width from 40 columns up.
	Marker string
	body   func() string
}

// Sources is how many sources briefing.yaml lists; the citations cycle
// through them.
const Sources = 10

// Cases returns the topics in briefing order: the ordinary one, then the
// pathological ones.
func Cases() []Case {
	return []Case{
		{ID: "ordinary", Title: "An ordinary topic", Marker: "Nothing unusual here", body: ordinary},
		{ID: "huge", Title: "A 5 MB topic", Marker: "Huge topic opening", body: huge},
		{ID: "long-line", Title: "A 1 MB line without spaces", Marker: "Long line opening", body: longLine},
		{ID: "wide-table", Title: "A table 300 columns wide", Marker: "Wide table opening", body: wideTable},
		{ID: "deep-lists", Title: "Lists nested 50 deep", Marker: "Deep lists opening", body: deepLists},
		{ID: "citations", Title: "10,000 citations in one paragraph", Marker: "Citations opening", body: citations},
	}
}

// Body returns the topic's Markdown, without front matter.
func (c Case) Body() string { return c.body() }

// Load writes the briefing to a temporary directory and loads it, failing
// tb if it does not load without errors.
func Load(tb testing.TB) *briefing.Briefing {
	tb.Helper()
	dir := tb.TempDir()
	if err := Write(dir); err != nil {
		tb.Fatal(err)
	}
	b, err := briefing.Load(dir)
	if err != nil {
		tb.Fatal(err)
	}
	if ds := b.Diagnostics.Errors(); len(ds) > 0 {
		tb.Fatalf("pathological briefing has errors:\n%v", ds)
	}
	return b
}

// Write writes the briefing to dir, creating dir if needed.
func Write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var meta strings.Builder
	meta.WriteString("title: Pathological topics\nsubtitle: Topics built to stall a reader\nas_of: 2026-01-25\n")
	meta.WriteString("summary: |\n  Each topic is ordinary Markdown taken to an extreme [@s1].\ntopics:\n")
	for _, c := range Cases() {
		fmt.Fprintf(&meta, "  - %s\n", c.ID)
	}
	meta.WriteString("sources:\n")
	for i := 1; i <= Sources; i++ {
		fmt.Fprintf(&meta, "  - id: s%d\n    title: Source number %d\n    outlet: The Example Times\n    date: 2026-01-%02d\n    kind: news\n", i, i, i)
	}
	if err := os.WriteFile(filepath.Join(dir, "briefing.yaml"), []byte(meta.String()), 0o644); err != nil {
		return err
	}
	for _, c := range Cases() {
		text := fmt.Sprintf("---\ntitle: %s\nsummary: %s\n---\n\n%s", c.Title, c.Title+".", c.Body())
		if err := os.WriteFile(filepath.Join(dir, c.ID+".md"), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func ordinary() string {
	return "Nothing unusual here: a short topic with a list and a citation [@s1].\n\n## What happened\n\n" +
		"- The first point [@s2].\n- The second point [@s3].\n\nA closing paragraph [@s1; @s2].\n"
}

// huge is 5 MB of cited paragraphs under headings.
func huge() string {
	var b strings.Builder
	b.WriteString("Huge topic opening: five megabytes of paragraphs follow [@s1].\n\n")
	para := strings.Repeat("A sentence about the harbour bridge and its repairs. ", 20)
	for i := 0; b.Len() < 5<<20; i++ {
		if i%50 == 0 {
			fmt.Fprintf(&b, "## Section %d\n\n", i/50+1)
		}
		fmt.Fprintf(&b, "%s[@s%d]\n\n", para, i%Sources+1)
	}
	return b.String()
}

// longLine is one paragraph of 1 MB without a space.
func longLine() string {
	return "Long line opening: the next paragraph is one word of a megabyte [@s1].\n\n" +
		strings.Repeat("abcdefghij", 1<<20/10+1) + " [@s2]\n"
}

// wideTable is a table of 300 columns and 40 rows.
func wideTable() string {
	const cols, rows = 300, 40
	var b strings.Builder
	b.WriteString("Wide table opening: a table of 300 columns follows [@s1].\n\n")
	row := func(cell func(int) string) {
		b.WriteString("|")
		for c := range cols {
			b.WriteString(" " + cell(c) + " |")
		}
		b.WriteString("\n")
	}
	row(func(c int) string { return fmt.Sprintf("C%d", c+1) })
	row(func(int) string { return "---" })
	for r := range rows {
		row(func(c int) string { return fmt.Sprintf("%d.%d", r+1, c+1) })
	}
	b.WriteString("\nA paragraph after the table [@s2].\n")
	return b.String()
}

// deepLists is a list nested 50 deep, climbing back out, a few times over.
func deepLists() string {
	const depth = 50
	var b strings.Builder
	b.WriteString("Deep lists opening: lists nested fifty deep follow [@s1].\n\n")
	for rep := range 4 {
		for d := range depth {
			fmt.Fprintf(&b, "%s- Level %d of list %d [@s%d]\n", strings.Repeat("  ", d), d+1, rep+1, d%Sources+1)
		}
		b.WriteString("\n")
		if rep < 3 {
			b.WriteString("A paragraph between the lists [@s2].\n\n")
		}
	}
	return b.String()
}

// citations is one paragraph of 10,000 citations.
func citations() string {
	var b strings.Builder
	b.WriteString("Citations opening: the next paragraph cites ten thousand times [@s1].\n\n")
	for i := range 10000 {
		fmt.Fprintf(&b, "Claim %d [@s%d]. ", i+1, i%Sources+1)
	}
	b.WriteString("\n")
	return b.String()
}
