package render

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

func TestParseStyle(t *testing.T) {
	tests := []struct {
		in      string
		want    Style
		wantErr bool
	}{
		{"auto", Auto, false},
		{"dark", Dark, false},
		{"LIGHT", Light, false},
		{"notty", NoTTY, false},
		{"pink", Auto, true},
		{"", Auto, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseStyle(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Fatalf("ParseStyle(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
			if err == nil && !strings.EqualFold(got.String(), tt.in) {
				t.Errorf("String() = %q, want %q", got.String(), tt.in)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	if Auto.Resolve(true) != Dark || Auto.Resolve(false) != Light {
		t.Error("Auto does not follow the background")
	}
	if Light.Resolve(true) != Light || NoTTY.Resolve(false) != NoTTY {
		t.Error("an explicit style was overridden")
	}
}

const sample = "## Heading\n\nA paragraph long enough to need wrapping at a narrow width, " +
	"with **bold** words and a marker \\[1\\].\n\n- one\n- two\n"

func TestMarkdownWraps(t *testing.T) {
	for _, style := range []Style{Dark, Light, NoTTY} {
		for _, width := range []int{MinWidth, 40, 120} {
			out, err := Markdown(sample, style, width)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range strings.Split(out, "\n") {
				if w := ansi.StringWidth(l); w > width {
					t.Errorf("%v at %d: line %q is %d wide", style, width, ansi.Strip(l), w)
				}
			}
			if !strings.Contains(ansi.Strip(out), "[1]") {
				t.Errorf("%v at %d: marker lost:\n%s", style, width, ansi.Strip(out))
			}
		}
	}
}

func TestNoTTYHasNoColour(t *testing.T) {
	out, err := Markdown(sample, NoTTY, 60)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "\x1b[") {
		t.Errorf("notty output has SGR sequences: %q", out)
	}
	dark, _ := Markdown(sample, Dark, 60)
	if !strings.Contains(dark, "\x1b[") {
		t.Error("dark output has no colour")
	}
}

func TestMarkdownDropsControls(t *testing.T) {
	out, err := Markdown("evil \x1b]0;title\x07 \x1b[2J\u202e text \u009b raw \x9b2J", NoTTY, 60)
	if err != nil {
		t.Fatal(err)
	}
	if !utf8.ValidString(out) {
		t.Errorf("output is not UTF-8: %q", out)
	}
	for _, bad := range []string{"\x1b", "\x07", "\u202e", "\u009b", "\x9b"} {
		if strings.Contains(out, bad) {
			t.Errorf("output keeps %q: %q", bad, out)
		}
	}
}

func TestTinyWidths(t *testing.T) {
	for _, w := range []int{-1, 0, 1, 2} {
		if _, err := Markdown(sample, Dark, w); err != nil {
			t.Errorf("width %d: %v", w, err)
		}
	}
}

func BenchmarkMarkdown(b *testing.B) {
	md := strings.Repeat(sample, 50)
	for b.Loop() {
		if _, err := Markdown(md, Dark, 100); err != nil {
			b.Fatal(err)
		}
	}
}

func TestSplitBlocks(t *testing.T) {
	md := "# Title\n\npara one\n\n```\ncode\n\nmore code\n```\n\n- item\n\n  continued\n\npara two\n"
	tests := []struct {
		name string
		size int
		want []string
	}{
		{"small text is one chunk", 1 << 10, []string{md}},
		{"cut at every top-level block", 1, []string{
			"# Title\n\n",
			"para one\n\n",
			"```\ncode\n\nmore code\n```\n\n",
			"- item\n\n  continued\n\n",
			"para two\n",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := splitBlocks(md, tt.size)
			if strings.Join(got, "") != md {
				t.Fatalf("chunks do not add up to the text: %q", got)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("splitBlocks = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMarkdownContextChunksReadLikeOne(t *testing.T) {
	var md strings.Builder
	for i := range 400 {
		fmt.Fprintf(&md, "## Part %d\n\nParagraph %d of a long topic, long enough to wrap at forty columns.\n\n", i, i)
	}
	whole, err := Markdown(md.String(), NoTTY, 40)
	if err != nil {
		t.Fatal(err)
	}
	if len(splitBlocks(md.String(), chunkSize)) < 2 {
		t.Fatal("test text renders in one chunk; make it longer")
	}
	norm := func(s string) string {
		var lines []string
		for _, l := range strings.Split(s, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		return strings.Join(lines, "\n")
	}
	want, _ := NewRenderer(NoTTY, 40)
	one, _ := want.Render(md.String())
	if norm(whole) != norm(one) {
		t.Error("chunked rendering differs from rendering in one piece")
	}
}

func TestMarkdownContextStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	md := strings.Repeat("A paragraph.\n\n", chunkSize/8)
	if _, err := MarkdownContext(ctx, md, Dark, 80); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestPlainLinks(t *testing.T) {
	tests := []struct{ md, want string }{
		{"[the map](https://example.com/map)", "the map (https://example.com/map)"},
		{"[*the* `map`](https://example.com/map)", "*the* map (https://example.com/map)"},
		{"[https://example.com/x](https://example.com/x)", "https://example.com/x"},
		{"<https://example.com/x>", "https://example.com/x"},
		{"see https://example.com/x now", "see https://example.com/x now"},
		{"<me@example.com>", "me@example.com"},
		{"[](https://example.com/x)", "https://example.com/x"},
		{"![a bridge](bridge.png)", "a bridge (bridge.png)"},
		{"[ref][r]\n\n[r]: https://example.com/r", "ref (https://example.com/r)"},
		{"| a |\n|---|\n| [x](https://example.com/t) |", "x (https://example.com/t)"},
	}
	for _, tt := range tests {
		out, err := Markdown(tt.md, NoTTY, 80)
		if err != nil {
			t.Fatal(err)
		}
		if strings.ContainsRune(out, '\x1b') {
			t.Errorf("%q: plain output has an escape sequence: %q", tt.md, out)
		}
		if got := strings.Join(strings.Fields(out), " "); !strings.Contains(got, tt.want) {
			t.Errorf("%q: got %q, want it to hold %q", tt.md, got, tt.want)
		}
	}
	// The styled reader keeps its links clickable, and writes a URL
	// that is its own text once.
	if dark, _ := Markdown("[the map](https://example.com/map)", Dark, 80); !strings.Contains(dark, "\x1b]8;") {
		t.Errorf("dark output lost its hyperlink: %q", dark)
	}
	dark, _ := Markdown("[https://example.com/x](https://example.com/x)", Dark, 80)
	if n := strings.Count(ansi.Strip(dark), "https://example.com/x"); n != 1 {
		t.Errorf("dark output writes the URL %d times: %q", n, ansi.Strip(dark))
	}
}
