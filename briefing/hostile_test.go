package briefing

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"brief/internal/testkit/hostile"
)

// TestHostileCorpusFields loads the hostile corpus (control sequences in
// every field, in file names and in the directory's name) and checks that
// every string the loader returns is free of control characters, and that
// each field did receive the hostile text, neutralised.
func TestHostileCorpusFields(t *testing.T) {
	dir, single := hostile.Copy(t)
	for name, p := range map[string]string{"dir": dir, "single": single} {
		t.Run(name, func(t *testing.T) {
			b, err := Load(p)
			if err != nil {
				t.Fatal(err)
			}
			fields := map[string]string{}
			add := func(what, s string) {
				fields[what] = s
				if HasControl(s) {
					t.Errorf("%s keeps a control character: %q", what, s)
				}
				if err := hostile.Check(s); err != nil {
					t.Errorf("%s: %v", what, err)
				}
			}
			add("path", b.Path)
			add("title", b.Title)
			add("subtitle", b.Subtitle)
			add("summary", b.Summary)
			for i, tp := range b.Topics {
				add(fmt.Sprintf("topic %d id", i), tp.ID)
				add(fmt.Sprintf("topic %d title", i), tp.Title)
				add(fmt.Sprintf("topic %d summary", i), tp.Summary)
				add(fmt.Sprintf("topic %d body", i), tp.Body)
				add(fmt.Sprintf("topic %d tags", i), strings.Join(tp.Tags, " "))
				for j, c := range tp.Citations {
					add(fmt.Sprintf("topic %d citation %d", i, j), strings.Join(c.Keys, " ")+c.Pos.File)
					for k, e := range c.Excerpts {
						add(fmt.Sprintf("topic %d citation %d excerpt %d", i, j, k), e)
						if strings.Contains(e, "\u2407\u241b]0;title\u2407") {
							fields["excerpt"] = e
						}
					}
				}
			}
			for i, s := range b.Sources {
				for _, f := range [][2]string{{"id", s.ID}, {"title", s.Title}, {"outlet", s.Outlet}, {"author", s.Author},
					{"date_note", s.DateNote}, {"url", s.URL}, {"kind", string(s.Kind)}, {"file", s.Pos.File}} {
					add(fmt.Sprintf("source %d %s", i, f[0]), f[1])
				}
			}
			for i, e := range b.Timeline {
				add(fmt.Sprintf("event %d", i), e.Text+strings.Join(e.Topics, " ")+strings.Join(e.Sources, " "))
			}
			for i, a := range b.Actors {
				add(fmt.Sprintf("actor %d name", i), a.Name)
				add(fmt.Sprintf("actor %d role", i), a.Role)
				add(fmt.Sprintf("actor %d aliases", i), strings.Join(a.Aliases, " "))
			}
			for i, d := range b.Diagnostics {
				add(fmt.Sprintf("diagnostic %d", i), d.String())
			}

			// Each field got the payload: it is there, neutralised.
			if fields["excerpt"] == "" {
				t.Error("no excerpt carries the neutralised bell and escape")
			}
			want := []string{"title", "subtitle", "summary", "topic 0 title", "topic 0 body",
				"source 0 title", "source 0 outlet", "source 0 author", "source 0 date_note", "source 0 url",
				"event 0", "actor 0 name", "actor 0 role", "actor 0 aliases"}
			if name == "dir" {
				want = append(want, "path", "topic 0 id", "topic 0 summary", "topic 0 tags", "topic 1 id", "topic 1 title",
					"topic 1 summary", "topic 1 tags", "topic 2 title", "source 1 id", "source 1 title", "event 1")
			}
			for _, f := range want {
				if !strings.Contains(fields[f], "PWNED\u2407") && !strings.Contains(fields[f], "\u241b") {
					t.Errorf("%s does not carry the neutralised payload: %q", f, fields[f])
				}
			}
			if name == "dir" {
				named := b.Topic(Sanitize(strings.TrimSuffix(hostile.HostileNames[0], ".md")))
				if named == nil {
					t.Error("the topic named by a hostile file name is missing")
				}
				for _, w := range []string{"control character U+001B in subtitle replaced by \u241b",
					"control character U+001B in author replaced by \u241b", "invalid UTF-8 (byte 0x9B); topic skipped"} {
					if !strings.Contains(b.Diagnostics.Error(), w) {
						t.Errorf("no diagnostic %q", w)
					}
				}
			}
		})
	}
}

// TestSanitizeInvalidUTF8 covers text that is only a byte that is not
// UTF-8, which a raw 8-bit CSI is.
func TestSanitizeInvalidUTF8(t *testing.T) {
	in := "name" + hostile.RawC1
	if !HasControl(in) {
		t.Error("HasControl misses a byte that is not UTF-8")
	}
	if got := Sanitize(in); got != "name\uFFFD2J" {
		t.Errorf("Sanitize(%q) = %q", in, got)
	}
}

// loadWithin loads path, failing the test if the load does not return
// within a generous time: these inputs used to hang or are built to.
func loadWithin(t *testing.T, load func() (*Briefing, error)) (*Briefing, error) {
	t.Helper()
	type result struct {
		b   *Briefing
		err error
	}
	done := make(chan result, 1)
	go func() {
		b, err := load()
		done <- result{b, err}
	}()
	select {
	case r := <-done:
		return r.b, r.err
	case <-time.After(time.Minute):
		t.Fatal("the load does not return")
		return nil, nil
	}
}

// TestBadInputShapes covers bad input that the broken corpus and the
// other loader tests do not: each case loads or gives a clear error, and
// returns.
func TestBadInputShapes(t *testing.T) {
	const meta = "title: T\nsources:\n  - id: a\n    title: A\n"
	nested := func(depth int) string {
		var b strings.Builder
		for i := range depth {
			b.WriteString(strings.Repeat("  ", i) + "- item [@a]\n")
		}
		return b.String()
	}
	var bomb strings.Builder
	bomb.WriteString("title: T\nactors:\n  - name: &l0 lol\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&bomb, "  - name: x\n    aliases: &l%d [", i)
		for j := range 10 {
			if j > 0 {
				bomb.WriteString(", ")
			}
			fmt.Fprintf(&bomb, "*l%d", i-1)
		}
		bomb.WriteString("]\n")
	}
	bomb.WriteString("subtitle: *l9\n")

	tests := []struct {
		name   string
		files  map[string]string
		want   string // a diagnostic, or "" for none
		topics int
		check  func(t *testing.T, b *Briefing)
	}{
		{"file of exactly the size limit", map[string]string{"b/briefing.yaml": meta,
			"b/a.md": "# A\n\nText [@a].\n" + strings.Repeat("\n", MaxFileSize-len("# A\n\nText [@a].\n"))}, "", 1, nil},
		{"YAML alias bomb", map[string]string{"b/briefing.yaml": bomb.String(), "b/a.md": "# A\n"},
			"b/briefing.yaml:5:19: YAML aliases are not supported", 1, nil},
		{"line of 1 MiB without a space", map[string]string{"b/briefing.yaml": meta,
			"b/a.md": "# A\n\n" + strings.Repeat("x", 1<<20) + " [@a]\n"}, "", 1, nil},
		{"10,000 citations in one paragraph", map[string]string{"b/briefing.yaml": meta,
			"b/a.md": "# A\n\n" + strings.Repeat("Text [@a]. ", 10000) + "\n"}, "", 1,
			func(t *testing.T, b *Briefing) {
				if n := len(b.Topics[0].Citations); n != 10000 {
					t.Errorf("%d citations, want 10000", n)
				}
			}},
		{"lists nested 50 deep", map[string]string{"b/briefing.yaml": meta, "b/a.md": "# A\n\n" + nested(50) + strings.Repeat("  ", 50) + "- uncited\n"},
			"b/a.md:53:101: warning: no citation in this paragraph or list item", 1, nil},
		{"lists nested 2,000 deep (4 MB)", map[string]string{"b/briefing.yaml": meta, "b/a.md": "# A\n\n" + nested(2000)}, "", 1, nil},
		{"block quotes nested 10,000 deep", map[string]string{"b/briefing.yaml": meta,
			"b/a.md": "# A\n\n" + strings.Repeat("> ", 10000) + "quoted [@a]\n"}, "", 1, nil},
		{"YAML block mappings nested 2,000 deep", map[string]string{"b/a.md": "# A\n\nText [@a].\n",
			"b/briefing.yaml": meta + "summary:\n" + func() string {
				var s strings.Builder
				for i := 1; i < 2000; i++ {
					s.WriteString(strings.Repeat(" ", i) + "k:\n")
				}
				return s.String()
			}()}, "b/briefing.yaml:6:2: summary: want text, got a mapping", 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for n, s := range tt.files {
				fsys[n] = mapFile(s)
			}
			b, err := loadWithin(t, func() (*Briefing, error) { return LoadFS(fsys, "b") })
			if err != nil {
				t.Fatal(err)
			}
			if len(b.Topics) != tt.topics {
				t.Errorf("%d topics, want %d", len(b.Topics), tt.topics)
			}
			if tt.want == "" && len(b.Diagnostics.Errors()) > 0 {
				t.Errorf("errors:\n%s", b.Diagnostics.Errors())
			}
			if tt.want != "" && !strings.Contains(b.Diagnostics.Error()+"\n", tt.want+"\n") {
				t.Errorf("diagnostics:\n%.2000s\nwant a line\n%s", b.Diagnostics, tt.want)
			}
			if tt.check != nil {
				tt.check(t, b)
			}
		})
	}
}
