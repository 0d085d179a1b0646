package render

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"

	"brief/internal/testkit/patho"
)

// cells draws s on a screen as a terminal would and returns every cell as
// text and attributes. A blank whose style shows nothing (no background,
// underline, reverse or strike) is the same as an empty cell: that is how
// it looks.
func cells(s string, w int) []string {
	lines := strings.Split(s, "\n")
	scr := uv.NewScreenBuffer(w, len(lines))
	uv.NewStyledString(s).Draw(scr, uv.Rect(0, 0, w, len(lines)))
	var out []string
	for y := range lines {
		for x := range w {
			c := scr.CellAt(x, y)
			if c == nil {
				out = append(out, fmt.Sprintf("%d,%d: nil", x, y))
				continue
			}
			st := c.Style
			if (c.Content == " " || c.Content == "") && st.Bg == nil && st.Underline == uv.UnderlineNone &&
				st.Attrs&(uv.AttrReverse|uv.AttrStrikethrough) == 0 && c.Link.URL == "" {
				out = append(out, fmt.Sprintf("%d,%d: blank", x, y))
				continue
			}
			out = append(out, fmt.Sprintf("%d,%d: %q %+v %q", x, y, c.Content, st, c.Link.URL))
		}
	}
	return out
}

// sameCells fails t if a and b do not draw the same cells.
func sameCells(t *testing.T, a, b string, w int) {
	t.Helper()
	ca, cb := cells(a, w), cells(b, w)
	if len(ca) != len(cb) {
		t.Fatalf("%d cells against %d", len(ca), len(cb))
	}
	for i := range ca {
		if ca[i] != cb[i] {
			t.Fatalf("cell differs:\n before %s\n after  %s", ca[i], cb[i])
		}
	}
}

func TestCompactDrawsTheSameCells(t *testing.T) {
	var docs []string
	files, _ := filepath.Glob("../../ui/testdata/brief/*.md")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, string(b))
	}
	for _, c := range patho.Cases() {
		if c.ID != "ordinary" && c.ID != "citations" {
			continue
		}
		docs = append(docs, c.Body())
	}
	docs = append(docs, "# Title\n\nText with `code`, **bold**, _italic_, ~~struck~~ and a [link](https://example.com/x).\n\n"+
		"> A quote\n> on two lines.\n\n```go\nfunc main() {\n\tprintln(\"hi\")\n}\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [ ] task\n- [x] done\n\n---\n")
	if len(files) == 0 {
		t.Fatal("no test topics")
	}
	for _, style := range []Style{Dark, Light} {
		for _, w := range []int{40, 100} {
			for i, md := range docs {
				t.Run(fmt.Sprintf("%v-%d-%d", style, w, i), func(t *testing.T) {
					out, err := Markdown(md, style, w)
					if err != nil {
						t.Fatal(err)
					}
					small := Compact(out)
					// Table and code lines can be wider than w; draw
					// on a screen wide enough for every line.
					sw := w + 40
					sameCells(t, out, small, sw)
					if len(small) > len(out)*3/4 {
						t.Errorf("compacted to %d of %d bytes", len(small), len(out))
					}
				})
			}
		}
	}
}

func TestCompactLine(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "just text", "just text"},
		{"runs merge", "\x1b[38;5;252mA\x1b[m\x1b[38;5;252m \x1b[m\x1b[38;5;252mB\x1b[m", "\x1b[38;5;252mA B\x1b[m"},
		{"padding dropped", "\x1b[38;5;252mA\x1b[m\x1b[38;5;252m \x1b[m\x1b[38;5;252m \x1b[m", "\x1b[38;5;252mA\x1b[m"},
		{"background kept", "\x1b[48;5;63m \x1b[m\x1b[48;5;63m \x1b[m", "\x1b[48;5;63m  \x1b[m"},
		{"attribute dropped", "\x1b[1mA\x1b[m B", "\x1b[1mA \x1b[mB"},
		{"colours in one sequence", "\x1b[0;1;38;2;1;2;3;48;5;10mA\x1b[22;39mB\x1b[m", "\x1b[1;38;2;1;2;3;48;5;10mA\x1b[0;48;5;10mB\x1b[m"},
		{"unknown sequence kept", "\x1b[4:3mA\x1b[m", "\x1b[4:3mA\x1b[m"},
		{"hyperlink kept", "\x1b]8;;https://x\x07link\x1b]8;;\x07 ", "\x1b]8;;https://x\x07link\x1b]8;;\x07"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Compact(tt.in); got != tt.want {
				t.Errorf("Compact(%q) = %q, want %q", tt.in, got, tt.want)
			}
			sameCells(t, tt.in, Compact(tt.in), 20)
		})
	}
}
