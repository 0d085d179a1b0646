package briefing

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"brief/internal/testkit/synth"
)

// fastAgrees reads src with both YAML readers and fails t if the fast one
// accepts it and the full parser disagrees: a syntax error, a diagnostic,
// or another tree. It reports whether the fast reader accepted src.
func fastAgrees(t testing.TB, name, src string) bool {
	t.Helper()
	var fd, gd Diagnostics
	fy := &yamlReader{file: "f.yaml", diags: &fd, lines: newLineIndex(src)}
	fast, ok := fy.parseFast(src)
	if len(fd) > 0 {
		t.Errorf("%s: the fast reader reported %v", name, fd)
	}
	if !ok {
		return false
	}
	gy := &yamlReader{file: "f.yaml", diags: &gd, lines: newLineIndex(src)}
	full, ok := gy.parseFull(src)
	if !ok || len(gd) > 0 {
		t.Errorf("%s: the fast reader accepts what the full parser rejects (%v):\n%s", name, gd, src)
		return true
	}
	if !reflect.DeepEqual(fast, full) {
		t.Errorf("%s: the readers disagree on\n%s\nfast:\n%s\nfull:\n%s", name, src, dumpY(fast), dumpY(full))
	}
	return true
}

// dumpY writes a tree one node a line, for messages.
func dumpY(n *ynode) string {
	var b strings.Builder
	var walk func(n *ynode, depth int, label string)
	walk = func(n *ynode, depth int, label string) {
		pad := strings.Repeat("  ", depth)
		if n == nil {
			fmt.Fprintf(&b, "%s%snil\n", pad, label)
			return
		}
		fmt.Fprintf(&b, "%s%skind %d at %d:%d (%d:%d) %q\n", pad, label, n.kind, n.pos.Line, n.pos.Col, n.inner.Line, n.inner.Col, n.text)
		for _, p := range n.pairs {
			walk(p.val, depth+1, fmt.Sprintf("%q at %d:%d: ", p.key, p.pos.Line, p.pos.Col))
		}
		for _, e := range n.items {
			walk(e, depth+1, "- ")
		}
	}
	walk(n, 0, "")
	return b.String()
}

// frontMatterOf returns the YAML of a Markdown file's front matter, or "".
func frontMatterOf(text string) string {
	rest, ok := strings.CutPrefix(text, "---\n")
	if !ok {
		return ""
	}
	fm, _, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		return ""
	}
	return fm + "\n"
}

// TestFastYAMLBriefings reads the YAML of every briefing in the tree with
// both readers, and checks that the fast one reads the usual forms: the
// embedded briefing's, the synthetic one's and the test briefings'.
func TestFastYAMLBriefings(t *testing.T) {
	var files []string
	for _, pat := range []string{"../content/*", "testdata/*/*/*", "testdata/*/*", "../internal/*/testdata/*/*", "../ui/testdata/*/*"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	dir := t.TempDir()
	if err := synth.Generate(dir, 20, 200<<10, 3); err != nil {
		t.Fatal(err)
	}
	m, _ := filepath.Glob(filepath.Join(dir, "*"))
	files = append(files, m...)
	mustAccept := map[string]bool{"../content/briefing.yaml": true, filepath.Join(dir, MetaFile): true}
	accepted, seen := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		src := string(data)
		switch filepath.Ext(f) {
		case ".yaml":
		case ".md":
			src = frontMatterOf(src)
		default:
			continue
		}
		if src == "" {
			continue
		}
		seen++
		ok := fastAgrees(t, f, src)
		if ok {
			accepted++
		}
		if !ok && (mustAccept[f] || strings.HasPrefix(f, "../content/") || strings.HasPrefix(f, dir)) {
			t.Errorf("%s: the fast reader does not read it", f)
		}
	}
	t.Logf("the fast reader read %d of %d YAML texts", accepted, seen)
	if accepted < seen/2 {
		t.Errorf("the fast reader read only %d of %d YAML texts", accepted, seen)
	}
}

// fastCases are YAML texts at the edges of what the fast reader reads;
// each must be read the same by both readers or left to the full one.
var fastCases = []string{
	"title: x\n",
	"title: x",
	"title: 'it''s'\n",
	"title: \"say \\\"hi\\\"\"\n",
	"title: \"a\\\\\"\n",
	"title: \"a\\nb\"\n",
	"title: a #c\n",
	"title: a#c\n",
	"title: \"a\" #c\n",
	"title: \"a\"#c\n",
	"title: a: b\n",
	"title: a:\n",
	"title: a:b\n",
	"title: 1984\n",
	"title: 0x1F\n",
	"title: yes\n",
	"title: .inf\n",
	"title: -1\n",
	"title: null\n",
	"title: ~\n",
	"title:\n",
	"title: 2026-01-25\n",
	"title: Kraków, Genève\n",
	"title: AT&T *and* !that\n",
	"title: a {b} [c]\n",
	"title: x  \n  \n",
	"# c\ntitle: x\n# d\n",
	"title: x\nsubtitle: y\ntitle: z\n",
	"topics: [a, b]\n",
	"topics: []\n",
	"topics: [ a , 'b' , \"c\" ]\n",
	"topics: [a, b,]\n",
	"topics: [a, [b]]\n",
	"topics: [a:b]\n",
	"topics: [a] x\n",
	"topics:\n  - a\n  - b\n",
	"topics:\n- a\n- b\n",
	"topics:\n  - a\n  -  b\n",
	"topics:\n  # c\n  - a\n",
	"topics:\n  - a\n  # c\n  - b\n",
	"topics:\n  - a\n    b\n",
	"topics:\n  -\n  - b\n",
	"topics:\n  - - a\n",
	"topics:\n  - a\ntitle: x\n",
	"sources:\n  - id: a\n    title: b\n  - id: c\n",
	"sources:\n- id: a\n  title: b\n- id: c\n",
	"sources:\n  - id: a\n    topics: [x]\n    aliases:\n      - y\n",
	"sources:\n  - id: a\n    aliases:\n    - y\n    - z\n    name: q\n",
	"sources:\n  - id: a\n     title: b\n",
	"sources:\n  - id: a\n   title: b\n",
	"summary: |\n  a\n  b\n",
	"summary: |-\n  a\n  b\n",
	"summary: |\n  a\n\n  b\n\n\ntitle: x\n",
	"summary: |\n  a\n    b\n  c\n",
	"summary: |\n  a\n \n  b\n",
	"summary: |\n  a\n   \n  b\n",
	"summary: |\n  a\n  # b\n# c\ntitle: x\n",
	"summary: |\n  a",
	"summary: |\n\n  a\n",
	"summary: |+\n  a\n",
	"summary: >\n  a\n",
	"summary: | # c\n  a\n",
	"timeline:\n  - date: 2025\n    event: |\n      x\n      y\n    topics: [a]\n",
	"timeline:\n  - event: |\n    x\n",
	"timeline:\n  - |\n    x\n  - y\n",
	"---\ntitle: x\n",
	"title: x\n---\ntitle: y\n",
	"title: x\n...\n",
	"title: &a x\nsub: *a\n",
	"title: !!str x\n",
	"{title: x}\n",
	"- a\n- b\n",
	"a\n",
	"title: x\n  y\n",
	"title: [a,\n  b]\n",
	"title: 'a\n  b'\n",
	"title :x\n",
	"ti-tle: x\nti_2: y\n",
	"2x: y\n",
	"title: x\n\tsub: y\n",
	"title: Post\ndate: 2024-03-01T10:00:00Z\ndraft: true\ntags: [go, cli]\nlayout: post\ncategories:\n  - notes\nparams:\n  toc: true\n",
	"layout: post\ntitle: \"Post\"\nweight: 3\naliases: [/old/]\n",
	manyKeys(maxFastKeys),
	manyKeys(maxFastKeys + 1),
}

// manyKeys returns a mapping of n distinct keys.
func manyKeys(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "k%d: v\n", i)
	}
	return b.String()
}

func TestFastYAMLCases(t *testing.T) {
	accepted := 0
	for _, src := range fastCases {
		if fastAgrees(t, fmt.Sprintf("%q", src), src) {
			accepted++
		}
	}
	t.Logf("the fast reader read %d of %d cases", accepted, len(fastCases))
}

// TestFastYAMLGenerated compares the readers on documents made of random
// pieces from the edges of the fast reader's form.
func TestFastYAMLGenerated(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 3000
	if testing.Short() {
		n = 300
	}
	accepted := 0
	for range n {
		src := genYAML(r)
		if fastAgrees(t, "generated", src) {
			accepted++
		}
	}
	t.Logf("the fast reader read %d of %d generated documents", accepted, n)
	if accepted < n/5 {
		t.Errorf("the fast reader read only %d of %d generated documents", accepted, n)
	}
}

var genScalars = []string{
	"x", "a b", "Kraków", "1984", "2026-01-25", "yes", "a #c", "a#c", "'it''s'", "'a'", "\"q\"",
	"\"a \\\"b\\\"\"", "-1", "a:b", "x  ", "[a, b]", "[]", "[ 'x' , \"y\" ]", "[a,b]", "AT&T", "{a}",
	"a [b]", "\"a\" # c", "null", "~", ".5", "a,b", "a, b", "0o17", "+1", "1_000", "ß", "x # y # z",
}

var genKeys = []string{"title", "id", "topics", "aliases", "as_of", "date_note", "x-y", "Title"}

// genYAML returns a random document of mappings, lists, literal blocks and
// scalars, with comments, blank lines and odd indentation thrown in.
func genYAML(r *rand.Rand) string {
	var b strings.Builder
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	maybeNoise := func(ind int) {
		switch r.IntN(12) {
		case 0:
			b.WriteString("\n")
		case 1:
			b.WriteString(strings.Repeat(" ", r.IntN(ind+3)) + "# note\n")
		case 2:
			b.WriteString(strings.Repeat(" ", r.IntN(3)) + "\n")
		}
	}
	var value func(ind, depth int, dash bool)
	literal := func(ind int) {
		b.WriteString(pick([]string{"|", "|-", "|", "| "}) + "\n")
		in := ind + 1 + r.IntN(3)
		for k := range 1 + r.IntN(3) {
			extra := 0
			if k > 0 && r.IntN(4) == 0 {
				extra = r.IntN(3)
			}
			b.WriteString(strings.Repeat(" ", in+extra) + pick(genScalars) + "\n")
			if r.IntN(5) == 0 {
				b.WriteString("\n")
			}
		}
	}
	mapping := func(ind, depth int, first bool) {
		keys := r.Perm(len(genKeys))[:1+r.IntN(3)]
		for i, k := range keys {
			if i > 0 || !first {
				b.WriteString(strings.Repeat(" ", ind))
			}
			b.WriteString(genKeys[k] + ":")
			value(ind, depth+1, false)
			maybeNoise(ind)
		}
	}
	value = func(ind, depth int, dash bool) {
		switch c := r.IntN(10); {
		case c < 5 || depth > 2:
			b.WriteString(" " + pick(genScalars) + "\n")
		case c < 6:
			b.WriteString(" ")
			literal(ind)
		default:
			b.WriteString("\n")
			in := ind + []int{0, 2, 2, 4, 1}[r.IntN(5)]
			for range 1 + r.IntN(3) {
				maybeNoise(in)
				b.WriteString(strings.Repeat(" ", in) + "- ")
				switch r.IntN(3) {
				case 0:
					mapping(in+2, depth+1, true)
				case 1:
					b.WriteString(pick(genScalars) + "\n")
				default:
					literal(in)
				}
			}
		}
	}
	maybeNoise(0)
	mapping(0, 0, true)
	return b.String()
}

// FuzzFastYAML checks on any text that the fast reader reads only what
// the full parser reads the same.
func FuzzFastYAML(f *testing.F) {
	for _, src := range fastCases {
		f.Add(src)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 50 {
		f.Add(genYAML(r))
	}
	if data, err := os.ReadFile("../content/briefing.yaml"); err == nil {
		f.Add(string(data))
	}
	f.Fuzz(func(t *testing.T, src string) {
		fastAgrees(t, "fuzzed", src)
	})
}

// BenchmarkYAML reads the briefing.yaml of the synthetic 1,000-topic
// briefing (461 KB) with each reader.
func BenchmarkYAML(b *testing.B) {
	dir, err := synth.Cached(1000, 20<<20, 1)
	if err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, MetaFile))
	if err != nil {
		b.Fatal(err)
	}
	src := string(data)
	for _, r := range []struct {
		name  string
		parse func(y *yamlReader, src string) (*ynode, bool)
	}{{"fast", (*yamlReader).parseFast}, {"full", (*yamlReader).parseFull}} {
		b.Run(r.name, func(b *testing.B) {
			for b.Loop() {
				var ds Diagnostics
				y := &yamlReader{file: MetaFile, diags: &ds, lines: newLineIndex(src)}
				if _, ok := r.parse(y, src); !ok {
					b.Fatal("not read")
				}
			}
		})
	}
}
