package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// hardWrapped is a list as an author writes it in a narrow editor: every
// item broken at about forty columns.
const hardWrapped = `Before the list.

- The first item is hard wrapped in the
  source file at about forty columns, so
  its lines end early.
  - A nested item, wrapped in the source
    just as its parent was, at about forty
    columns.
    - A third level, wrapped like the
      others in the source.
- A short item.

9. The first numbered item is hard wrapped
   in the source at forty columns as well.
10. The tenth item has a wider number and
    is hard wrapped in the source too.

After the list.
`

// items are the texts of hardWrapped's items, each as one line.
var items = []string{
	"The first item is hard wrapped in the source file at about forty columns, so its lines end early.",
	"A nested item, wrapped in the source just as its parent was, at about forty columns.",
	"A third level, wrapped like the others in the source.",
	"A short item.",
	"The first numbered item is hard wrapped in the source at forty columns as well.",
	"The tenth item has a wider number and is hard wrapped in the source too.",
}

// lineWidth is the widest a rendered line may be at width: Glamour keeps a
// margin of two columns on the right.
func lineWidth(width int) int { return width - 2 }

// findItem returns the lines of the item whose text starts with the first
// words of text, and the column its text starts at.
func findItem(t *testing.T, lines []string, text string) ([]string, int) {
	t.Helper()
	f := strings.Fields(text)
	first := strings.Join(f[:min(3, len(f))], " ")
	for i, l := range lines {
		col := strings.Index(l, first)
		if col < 0 {
			continue
		}
		col = ansi.StringWidth(l[:col])
		got := []string{strings.TrimRight(l, " ")}
		for _, c := range lines[i+1:] {
			body := strings.TrimLeft(c, " ")
			if body == "" || strings.HasPrefix(body, "•") || isNumbered(body) || ansi.StringWidth(c)-ansi.StringWidth(body) > col {
				break
			}
			got = append(got, strings.TrimRight(c, " "))
		}
		return got, col
	}
	t.Fatalf("item %q not found in\n%s", first, strings.Join(lines, "\n"))
	return nil, 0
}

func isNumbered(s string) bool {
	d := strings.TrimLeft(s, "0123456789")
	return len(d) < len(s) && strings.HasPrefix(d, ". ")
}

func TestListItemsReflowWithHangingIndent(t *testing.T) {
	for _, style := range []Style{NoTTY, Dark, Light} {
		for _, width := range []int{40, 60, 80} {
			out, err := Markdown(hardWrapped, style, width)
			if err != nil {
				t.Fatal(err)
			}
			if style == NoTTY && strings.Contains(out, "\x1b") {
				t.Errorf("plain output at %d has an escape sequence: %q", width, out)
			}
			lines := strings.Split(ansi.Strip(out), "\n")
			for _, text := range items {
				got, col := findItem(t, lines, text)
				var words []string
				for k, l := range got {
					if k > 0 {
						// Hanging indent: under the text, not the bullet.
						if ind := ansi.StringWidth(l) - ansi.StringWidth(strings.TrimLeft(l, " ")); ind != col {
							t.Errorf("%v at %d: %q is indented %d, want %d (under the item's text)", style, width, l, ind, col)
						}
					}
					if w := ansi.StringWidth(l); w > lineWidth(width) {
						t.Errorf("%v at %d: %q is %d wide", style, width, l, w)
					}
					// Reflowed: the next line's first word would not
					// have fitted on this one.
					if k+1 < len(got) {
						next := strings.Fields(got[k+1])[0]
						if ansi.StringWidth(l)+1+ansi.StringWidth(next) <= lineWidth(width) {
							t.Errorf("%v at %d: %q ends early; %q would fit (lines %q)", style, width, l, next, got)
						}
					}
					if k == 0 {
						l = ansi.Cut(l, col, len(l))
					}
					words = append(words, strings.Fields(l)...)
				}
				if strings.Join(words, " ") != text {
					t.Errorf("%v at %d: item reads %q, want %q", style, width, strings.Join(words, " "), text)
				}
			}
		}
	}
}

func TestListItemsAt40(t *testing.T) {
	out, err := Markdown(hardWrapped, NoTTY, 40)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range strings.Split(out, "\n") {
		if l = strings.TrimRight(l, " "); l != "" {
			got = append(got, l)
		}
	}
	want := []string{
		"  Before the list.",
		"  • The first item is hard wrapped in",
		"    the source file at about forty",
		"    columns, so its lines end early.",
		"      • A nested item, wrapped in the",
		"        source just as its parent was,",
		"        at about forty columns.",
		"          • A third level, wrapped",
		"            like the others in the",
		"            source.",
		"  • A short item.",
		"  9. The first numbered item is hard",
		"     wrapped in the source at forty",
		"     columns as well.",
		"  10. The tenth item has a wider",
		"      number and is hard wrapped in",
		"      the source too.",
		"  After the list.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

const wideCode = "Some code:\n\n```go\nfunc main() { fmt.Println(\"a line of code far wider than forty columns\") }\n\tshort := 1\n```\n\n" +
	"- In a list:\n\n  ```\n  another line of code far wider than forty columns, in a list\n  ```\n\nAfter.\n"

func TestWideCodeIsCutNotWrapped(t *testing.T) {
	for _, style := range []Style{NoTTY, Dark, Light} {
		out, err := Markdown(wideCode, style, 40)
		if err != nil {
			t.Fatal(err)
		}
		plain := ansi.Strip(out)
		lines := strings.Split(plain, "\n")
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > lineWidth(40) {
				t.Errorf("%v: %q is %d wide", style, l, w)
			}
			if strings.Contains(l, "columns") && !strings.Contains(l, "forty columns") {
				t.Errorf("%v: code wrapped onto a line of its own: %q", style, l)
			}
		}
		for _, start := range []string{`    func main() { fmt.Println("a line`, "    another line of code far wider"} {
			found := false
			for _, l := range lines {
				if strings.HasPrefix(l, start) {
					found = true
					if !strings.HasSuffix(strings.TrimRight(l, " "), "…") || ansi.StringWidth(strings.TrimRight(l, " ")) != lineWidth(40) {
						t.Errorf("%v: %q is not cut at the right edge with a marker", style, l)
					}
				}
			}
			if !found {
				t.Errorf("%v: no line starts %q in\n%s", style, start, plain)
			}
		}
		if !strings.Contains(plain, "\n        short := 1") {
			t.Errorf("%v: a short line of the block lost its indentation:\n%s", style, plain)
		}
		if style == NoTTY && strings.Contains(out, "\x1b") {
			t.Errorf("plain output has an escape sequence: %q", out)
		}
		if strings.ContainsAny(out, itemMark+codeMark+"\t") {
			t.Errorf("%v: a mark or a tab reached the output: %q", style, out)
		}
	}
}

func TestNarrowCodeIsLeftToGlamour(t *testing.T) {
	md := "```go\nx := 1\n```\n"
	r, _ := NewRenderer(Dark, 80)
	want, _ := r.Render(md)
	got, err := Markdown(md, Dark, 80)
	if err != nil || got != want {
		t.Errorf("Markdown = %q, %v; want Glamour's %q", got, err, want)
	}
}

func TestCodeTabsAreExpanded(t *testing.T) {
	out, err := Markdown("```\nif x {\n\treturn\n}\n```\n", Dark, 80)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "\t") {
		t.Errorf("a tab reached the output: %q", out)
	}
	if !strings.Contains(ansi.Strip(out), "\n        return") {
		t.Errorf("the tab did not become spaces to the next stop:\n%s", ansi.Strip(out))
	}
}

func TestQuoteInListItemStaysAQuote(t *testing.T) {
	md := "- An item\n  > quoted inside the item\n- Another item\n"
	for _, style := range []Style{NoTTY, Dark, Light} {
		out, err := Markdown(md, style, 60)
		if err != nil {
			t.Fatal(err)
		}
		plain := ansi.Strip(out)
		if strings.Contains(plain, "An item quoted") || strings.Contains(plain, "An item │") || strings.Contains(plain, "An item |") {
			t.Errorf("%v: the quote joined the item's text:\n%s", style, plain)
		}
	}
}

// TestListItemsKeepWordsWhole: where Glamour broke a word without a space
// (a URL at a dot, a hyphenated word), the reflowed item does not put one
// in; where the source broke a line after a full stop, it does.
func TestListItemsKeepWordsWhole(t *testing.T) {
	md := "- An item with [a link whose text is long enough to wrap](https://example.com/a/long/path) in\n" +
		"  the middle of a hard wrapped item, a well-known phrase and 1,000,000 spent.\n" +
		"  A sentence ends here.\n  Another starts.\n"
	for _, style := range []Style{NoTTY, Dark} {
		for _, width := range []int{40, 50, 60, 80} {
			out, err := Markdown(md, style, width)
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Join(strings.Fields(ansi.Strip(out)), " ")
			for _, want := range []string{"https://example.com/a/long/path", "well-known", "1,000,000", "here. Another"} {
				if !strings.Contains(text, want) {
					t.Errorf("%v at %d: %q broken in %q", style, width, want, text)
				}
			}
		}
	}
}

// TestListItemParagraphs: Glamour runs an item's paragraphs together
// ("source.Its"); they stay apart, each under the item's text.
func TestListItemParagraphs(t *testing.T) {
	md := "- The first paragraph of a loose item, hard\n  wrapped in the source.\n\n  Its second paragraph, *also* hard\n  wrapped in the source.\n\n- Another item.\n\n  > a quote\n"
	for _, style := range []Style{NoTTY, Dark} {
		out, err := Markdown(md, style, 40)
		if err != nil {
			t.Fatal(err)
		}
		plain := ansi.Strip(out)
		if strings.Contains(plain, "source.Its") || strings.Contains(plain, "source. Its") {
			t.Errorf("%v: the paragraphs ran together:\n%s", style, plain)
		}
		lines := strings.Split(plain, "\n")
		for i, l := range lines {
			if strings.Contains(l, "Its second") {
				if !strings.HasPrefix(l, "    Its second") || strings.TrimSpace(lines[i-1]) != "" {
					t.Errorf("%v: the second paragraph is not under the text after a blank line:\n%s", style, plain)
				}
			}
		}
		if !strings.Contains(plain, "a quote") || strings.ContainsAny(out, paraMark) {
			t.Errorf("%v: %q", style, out)
		}
	}
}
