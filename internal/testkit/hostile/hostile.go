// Package hostile holds the hostile-input corpus shared by the tests of the
// loader, the reader and the command line: briefings that put terminal
// control sequences in every field, and the check that none of them
// reaches the terminal. Only tests import it.
package hostile

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// A Sequence is one kind of control sequence a hostile briefing carries.
type Sequence struct {
	Name string
	Seq  string
}

// Sequences are the control sequences put in every field of the corpus.
// Each would do something to a terminal that printed it raw: set the
// window title, make a link, write the clipboard, clear the screen, move
// the cursor, change colours, ask the terminal for a reply that then
// arrives as typed input, ring the bell, overwrite text, reorder it.
var Sequences = []Sequence{
	{"OSC 0 window title", "\x1b]0;PWNED\x07"},
	{"OSC 8 hyperlink", "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"},
	{"OSC 52 clipboard write", "\x1b]52;c;cm0gLXJmIH4K\x07"},
	{"CSI clear screen", "\x1b[2J"},
	{"CSI cursor moves", "\x1b[H\x1b[10;20H\x1b[3A"},
	{"SGR", "\x1b[5;31m"},
	{"DCS request status", "\x1bP$qm\x1b\\"},
	{"APC", "\x1b_Ga=d\x1b\\"},
	{"C1 CSI", "\u009b2J"},
	{"C1 OSC", "\u009d0;C1\u009c"},
	{"C1 DCS", "\u0090q\u009c"},
	{"C1 APC", "\u009fx\u009c"},
	{"BEL", "\x07"},
	{"backspace", "X\x08"},
	{"DEL", "\x7f"},
	{"bidi override", "\u202e"},
	{"bidi embeddings", "\u202a\u202b\u202c\u202d"},
	{"bidi isolates", "\u2066\u2067\u2068\u2069"},
}

// Payload is every sequence of Sequences in a row, as raw characters.
var Payload = func() string {
	var b strings.Builder
	for _, s := range Sequences {
		b.WriteString(s.Seq)
	}
	return b.String()
}()

// InExcerpt is Payload less the sequences that hold "[", which would
// open a group inside a citation group: what an excerpt, between
// quotation marks, can carry whole.
var InExcerpt = func() string {
	var b strings.Builder
	for _, s := range Sequences {
		if !strings.Contains(s.Seq, "[") {
			b.WriteString(s.Seq)
		}
	}
	return b.String()
}()

// escaped is Payload written as a YAML double-quoted scalar's content,
// with a carriage return and a NUL that raw text could not carry (the
// loader turns a raw CR into a line break and refuses a NUL as binary).
var escaped = yamlEscape(Payload + "\r\x00")

func yamlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == '"':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r >= 0x7f && r <= 0x9f:
			fmt.Fprintf(&b, `\x%02X`, r)
		case r >= 0x2000 && r <= 0x206f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// RawC1 is an 8-bit CSI as a single byte, which is not UTF-8: some
// terminals read it as the start of a control sequence.
const RawC1 = "\x9b2J"

// Files returns the committed corpus: name (slash-separated, under
// testdata/hostile) to content. {H} in the templates stands for Payload as
// raw characters, {E} for Payload as YAML escapes.
func Files() map[string]string {
	expand := func(s string) string {
		return strings.NewReplacer("{H}", Payload, "{E}", escaped).Replace(s)
	}
	out := map[string]string{}
	for name, tmpl := range templates {
		out[name] = expand(tmpl)
	}
	// Invalid UTF-8: the loader skips this topic with a positioned error.
	out["dir/zz-raw-c1.md"] = "# Raw C1\n\nA raw 8-bit CSI: " + RawC1 + " [@src].\n"
	return out
}

// HostileNames are file names that carry control sequences; they are made
// at test time (see Copy), because a module zip and some file systems
// refuse such names in a repository.
var HostileNames = []string{
	"\x1b]0;PWNED\x07\x1b[2J\u009b2J\u202e.md",
	"raw" + RawC1 + "\x1b]52;c;cm0K\x07.md",
	// Only a byte that is not UTF-8, with no other control character.
	"only" + RawC1 + ".md",
}

// Copy copies the committed corpus into a temporary directory whose own
// name holds control sequences, adds the topic files of HostileNames
// (with no title, so their ids and titles come from the file names), and
// returns the paths of the briefing directory and of the single-file
// briefing. Every path and diagnostic the loader reports about them
// therefore carries control sequences too.
func Copy(t testing.TB) (dir, single string) {
	t.Helper()
	src := filepath.Join(root(t), "testdata", "hostile")
	// Some file systems (APFS) refuse names that are not UTF-8: then the
	// names keep their other control characters.
	tmp := t.TempDir()
	base := filepath.Join(tmp, "\x1b]0;DIR\x07\u009b2J\u202e"+RawC1)
	if err := os.Mkdir(base, 0o755); err != nil {
		t.Logf("without the raw byte in the directory name: %v", err)
		base = filepath.Join(tmp, "\x1b]0;DIR\x07\u009b2J\u202e")
	}
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(base, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	dir = filepath.Join(base, "dir")
	for _, n := range HostileNames {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("Body of a topic named by its file "+n+" [@src].\n"), 0o644); err != nil {
			t.Logf("the file system refuses a hostile file name: %v", err)
		}
	}
	single = filepath.Join(base, "\x1b[2J\u009b2Jsingle\u202e.md")
	if err := os.Rename(filepath.Join(base, "single.md"), single); err != nil {
		t.Fatal(err)
	}
	return dir, single
}

// NonUTF8Dir makes a briefing directory with a plain name and one topic
// file whose name has a byte that is not UTF-8 and no other control
// character, and returns its path. Text that is only invalid UTF-8 must be
// caught on its own, not only alongside other control characters.
func NonUTF8Dir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "briefing")
	files := map[string]string{
		"briefing.yaml":         "title: Plain title\nsources:\n  - id: src\n    title: Source\n",
		"a.md":                  "# Plain topic\n\nText [@src].\n",
		"only" + RawC1 + "x.md": "# Skipped\n\nText [@src].\n",
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Skipf("the file system refuses a file name that is not UTF-8: %v", err)
		}
	}
	return dir
}

// root returns the module's root directory.
func root(t testing.TB) string {
	t.Helper()
	d, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			t.Fatal("no go.mod above the working directory")
		}
		d = parent
	}
}

// sgr matches the Select Graphic Rendition sequences that the program's
// own styling emits.
var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// hyperlink matches the OSC 8 hyperlinks that Glamour wraps around the
// text of a Markdown link, in exactly the shapes it and the x/ansi
// wrapping functions write them: an id parameter, then the link's URL,
// ended by ESC \ or BEL; and the sequence that ends a link. The first
// group is the URL.
var hyperlink = regexp.MustCompile(`\x1b\]8;id=[0-9]+;([^\x00-\x1f\x7f]*?)(?:\x1b\\|\x07)|\x1b\]8;;(?:\x1b\\|\x07)`)

// Check reports the first character of s that would act on a terminal,
// after removing what the program emits itself: SGR sequences (styling),
// and Glamour's OSC 8 hyperlinks, whose URL is kept and checked like the
// rest of the text. What it reports: a C0 control other than newline and
// tab (this covers ESC, so every other OSC, DCS, APC and CSI introducer),
// DEL, a C1 control whether UTF-8 encoded or a raw byte, a byte that is
// not UTF-8, or a bidirectional embedding, override or isolate.
//
// A hyperlink's shape is fixed and its URL cannot hold a control
// character, so one cannot end early and start another sequence; its
// target is the briefing's, as with any link, and Glamour prints the URL
// visibly after the link text.
func Check(s string) error {
	t := hyperlink.ReplaceAllString(sgr.ReplaceAllString(s, ""), "$1")
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRuneInString(t[i:])
		bad := ""
		switch {
		case r == utf8.RuneError && n == 1:
			bad = fmt.Sprintf("byte 0x%02X, not UTF-8", t[i])
		case r == '\n' || r == '\t':
		case r < 0x20 || r == 0x7f:
			bad = fmt.Sprintf("control character %U", r)
		case r >= 0x80 && r <= 0x9f:
			bad = fmt.Sprintf("C1 control character %U", r)
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			bad = fmt.Sprintf("bidirectional control %U", r)
		}
		if bad != "" {
			from, to := max(i-40, 0), min(i+40, len(t))
			return fmt.Errorf("%s at byte %d (own styling removed), in %q", bad, i, t[from:to])
		}
		i += n
	}
	return nil
}
