package briefing

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// checkLoaded asserts the loader's invariants on any input: no control
// character in any loaded field or message, and every position inside
// the file it names.
func checkLoaded(t *testing.T, b *Briefing, err error, files map[string]string) {
	t.Helper()
	clean := func(what, s string) {
		if HasControl(s) {
			t.Errorf("control character left in %s: %q", what, s)
		}
	}
	inFile := func(what string, p Pos) {
		src, ok := files[p.File]
		if !ok {
			if p.Line != 0 {
				t.Errorf("%s: position %v in an unknown file", what, p)
			}
			return
		}
		if p.Line == 0 {
			return
		}
		lines := strings.Split(string(normalize([]byte(src))), "\n")
		if p.Line < 1 || p.Line > len(lines) {
			t.Errorf("%s: line of %v outside the file's %d lines", what, p, len(lines))
			return
		}
		if n := utf8.RuneCountInString(lines[p.Line-1]); p.Col < 1 || p.Col > n+1 {
			t.Errorf("%s: column of %v outside the line's %d characters", what, p, n)
		}
	}
	if err != nil {
		clean("error", err.Error())
		if b != nil {
			t.Errorf("both a briefing and an error")
		}
		return
	}
	for _, s := range []string{b.Title, b.Subtitle, b.Summary} {
		clean("briefing field", s)
	}
	for _, tp := range b.Topics {
		for _, s := range append([]string{tp.ID, tp.Title, tp.Summary, tp.Body}, tp.Tags...) {
			clean("topic field", s)
		}
		inFile("topic body", tp.BodyPos)
		for _, c := range tp.Citations {
			inFile("citation", c.Pos)
			if c.Start < 0 || c.End > len(tp.Body) || c.Start >= c.End {
				t.Errorf("citation offsets %d-%d outside the body", c.Start, c.End)
			}
		}
	}
	for _, s := range b.Sources {
		for _, f := range []string{s.ID, s.Title, s.Outlet, s.Author, s.DateNote, s.URL, string(s.Kind)} {
			clean("source field", f)
		}
		inFile("source", s.Pos)
	}
	for _, e := range b.Timeline {
		for _, f := range append(append([]string{e.Text}, e.Topics...), e.Sources...) {
			clean("timeline field", f)
		}
		inFile("event", e.Pos)
	}
	for _, a := range b.Actors {
		for _, f := range append([]string{a.Name, a.Role}, a.Aliases...) {
			clean("actor field", f)
		}
		inFile("actor", a.Pos)
	}
	for _, d := range b.Diagnostics {
		clean("diagnostic", d.Message)
		inFile("diagnostic "+d.Message, d.Pos)
	}
}

func FuzzLoadMarkdown(f *testing.F) {
	f.Add("# Title\n\nSummary [@a].\n\n## One\n\nText [@a].\n")
	f.Add("---\ntitle: T\nsources:\n  - id: a\n    title: A\n---\n## A\n\n- item [@a]\n- [@b, @a]\n")
	f.Add("---\ntitle: [\n---\n")
	f.Add("\uFEFF---\r\ntitle: \"\\e[2J\"\r\n---\r\n## \x1b]0;x\x07\r\n")
	f.Add("```\n## no\n```\n## yes\n\u202e")
	f.Add("# T\n\nIn [^1].\n\n[^1]: [@a, \"x\"] 1. A.\n\n## One\n\nA [^2] b [^2].\n\n[^2]: [@a]\n[^3]: [@b; @c] x\n")
	f.Fuzz(func(t *testing.T, src string) {
		files := map[string]string{"x.md": src}
		b, err := LoadFS(fstest.MapFS{"x.md": mapFile(src)}, "x.md")
		checkLoaded(t, b, err, files)
	})
}

func FuzzLoadDir(f *testing.F) {
	f.Add("title: T\nsources:\n  - id: a\n    title: A\n", "# One\n\nText [@a].\n")
	f.Add("title: T\ntopics: [t, u]\ntimeline:\n  - date: 2026-01\n    event: x\n    topics: [v]\n", "---\nid: t\ntags: [a]\n---\nText.\n")
	f.Add("title: &a x\nsubtitle: *a\n", "---\ntitle: x\n")
	f.Add("actors:\n  - name: \"\\x9b\"\n    aliases: [1, 2.5, true]\n", "\x00")
	f.Fuzz(func(t *testing.T, meta, topic string) {
		files := map[string]string{"b/briefing.yaml": meta, "b/t.md": topic}
		fsys := fstest.MapFS{"b/briefing.yaml": mapFile(meta), "b/t.md": mapFile(topic)}
		b, err := LoadFS(fsys, "b")
		checkLoaded(t, b, err, files)
	})
}

func FuzzCitations(f *testing.F) {
	for _, s := range []string{"[@a]", "[@a; @b]", "[see @a, p. 3]", `[@a, "x ; ] @b"; @c, “y”]`, `[@a, "he said "no""]`, `[@a, "open]`, "[@a, \"x\n\ny\"]", "`[@a]`", "```\n[@a]\n```", "[a@b.c]", "[@a](x)", "\\[@a]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, c := range ScanCitations(s) {
			if c.Start < last || c.End > len(s) || c.Start >= c.End {
				t.Fatalf("citation %d-%d out of order or range (previous end %d, length %d)", c.Start, c.End, last, len(s))
			}
			last = c.End
			g := s[c.Start:c.End]
			if g[0] != '[' || g[len(g)-1] != ']' || len(c.Keys) == 0 {
				t.Fatalf("bad group %q keys %q", g, c.Keys)
			}
			for _, k := range c.Keys {
				if k == "" || !strings.Contains(g, "@"+k) {
					t.Fatalf("key %q not in group %q", k, g)
				}
			}
			if c.Prefixes != nil && (len(c.Prefixes) != len(c.Keys) || len(c.Locators) != len(c.Keys)) {
				t.Fatalf("group %q: %d keys, %d prefixes, %d locators", g, len(c.Keys), len(c.Prefixes), len(c.Locators))
			}
			if c.Excerpts != nil && len(c.Excerpts) != len(c.Keys) {
				t.Fatalf("group %q: %d keys, %d excerpts", g, len(c.Keys), len(c.Excerpts))
			}
			if ks := keyOffsets(s, c); len(ks) != len(c.Keys) {
				t.Fatalf("group %q: %d keys, %d key offsets", g, len(c.Keys), len(ks))
			} else {
				for i, k := range ks {
					if !strings.HasPrefix(s[k:], "@"+c.Keys[i]) {
						t.Fatalf("group %q: key %q not at offset %d", g, c.Keys[i], k)
					}
				}
			}
			if end, ok := CitationEnd(s, c.Start); !ok || end != c.End {
				t.Fatalf("group %q: CitationEnd = %d, %v", g, end, ok)
			}
			if m := marker(c, nil, escapeInline); strings.ContainsAny(m, "\n\r") || m == "" {
				t.Fatalf("group %q: marker %q", g, m)
			}
		}
	})
}
