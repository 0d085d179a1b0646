package ui

import (
	"strings"
	"testing"

	"brief/briefing"
	"brief/internal/render"
)

func TestBlockLines(t *testing.T) {
	md := "Intro **bold** paragraph that wraps over more than one line at this narrow width, ending 2023. Petition follows here.\n\n" +
		"## A heading\n\n" +
		"- First item with [a link](https://example.com/x) inside.\n" +
		"  - A nested item.\n" +
		"- Second item, \\[1\\] a marker.\n\n" +
		"1. An ordered item.\n" +
		"2. Another ordered item.\n\n" +
		"| a | b |\n| --- | --- |\n| table | cell |\n\n" +
		"Último párrafo, con acentos y ÑANDÚ.\n"
	for _, width := range []int{30, 60} {
		out, err := render.Markdown(md, render.NoTTY, width)
		if err != nil {
			t.Fatal(err)
		}
		p := newPlainLines(strings.Split(strings.TrimRight(out, "\n"), "\n"))
		blocks := briefing.Blocks(md)
		spans := blockLines(p, len(p.starts), md, blocks)
		if len(spans) != 7 {
			t.Fatalf("%d blocks, want 7", len(spans))
		}
		for i, b := range blocks {
			s := spans[i]
			if s.first < 0 {
				t.Errorf("width %d: block %d (%q) not found in\n%s", width, i, md[b.Start:b.End], p.text)
				continue
			}
			// The block's lines, joined, hold its words, and no other
			// block's.
			ls, _ := lineBounds(p, s.first)
			_, le := lineBounds(p, s.last)
			got := strings.Join(strings.Fields(p.text[ls:le]), " ")
			words := strings.Fields(md[b.Start:b.End])
			if first := strings.Trim(words[0], "*[]\\"); !strings.Contains(got, first) {
				t.Errorf("width %d: block %d starts %q, lines %q", width, i, first, got)
			}
			if last := strings.Trim(words[len(words)-1], "*[]\\."); !strings.Contains(got, last) {
				t.Errorf("width %d: block %d ends %q, lines %q", width, i, last, got)
			}
			if i+1 < len(spans) && s.last >= spans[i+1].first {
				t.Errorf("width %d: block %d runs into the next: %v %v", width, i, s, spans[i+1])
			}
		}
	}
}
