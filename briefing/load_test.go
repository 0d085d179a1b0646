package briefing

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// report is what a golden file holds for one load: the ids of the topics
// loaded, then every diagnostic, or the error when nothing loaded.
func report(b *Briefing, err error) string {
	var s strings.Builder
	if err != nil {
		s.WriteString("error:\n" + err.Error() + "\n")
		return s.String()
	}
	var ids []string
	for _, t := range b.Topics {
		ids = append(ids, t.ID)
	}
	s.WriteString("topics: " + strings.Join(ids, " ") + "\n")
	if len(b.Diagnostics) > 0 {
		s.WriteString(b.Diagnostics.Error() + "\n")
	}
	return s.String()
}

func checkGolden(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./briefing -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("diagnostics differ from %s\ngot:\n%s\nwant:\n%s", golden, got, want)
	}
}

// TestBroken loads each briefing in testdata/broken and compares every
// message with the case's golden file.
func TestBroken(t *testing.T) {
	entries, err := os.ReadDir("testdata/broken")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		name := e.Name()
		if strings.HasSuffix(name, ".golden") {
			continue
		}
		n++
		t.Run(name, func(t *testing.T) {
			b, err := LoadFS(os.DirFS("testdata"), "broken/"+name)
			got := report(b, err)
			if err == nil && len(b.Diagnostics.Errors()) == 0 && !strings.Contains(got, "warning") {
				t.Errorf("no diagnostics for a broken briefing")
			}
			checkGolden(t, "testdata/broken/"+strings.TrimSuffix(name, ".md")+".golden", got)
		})
	}
	if n < 15 {
		t.Errorf("only %d broken cases found", n)
	}
}

func TestGoodDir(t *testing.T) {
	b, err := LoadFS(os.DirFS("testdata"), "good/dir")
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Diagnostics) != 0 {
		t.Errorf("diagnostics:\n%s", b.Diagnostics)
	}
	if b.Path != "good/dir" || b.Title != "The Harbour Dispute" || b.Subtitle != "Two towns, one harbour, a court ruling" {
		t.Errorf("path, title, subtitle = %q, %q, %q", b.Path, b.Title, b.Subtitle)
	}
	if b.AsOf != (Date{2026, 1, 25}) {
		t.Errorf("as_of = %v", b.AsOf)
	}
	wantSummary := "The regional court ruled that the harbour belongs to both towns\n[@court-ruling]. Fishing rights are still contested [@ledger-analysis].\n"
	if b.Summary != wantSummary {
		t.Errorf("summary = %q", b.Summary)
	}
	type topic struct {
		id, title, summary, tags, bodyPos, cites, start string
	}
	var got []topic
	for _, tp := range b.Topics {
		var cites []string
		for _, c := range tp.Citations {
			cites = append(cites, c.Pos.String()+"="+strings.Join(c.Keys, ","))
		}
		got = append(got, topic{tp.ID, tp.Title, tp.Summary, strings.Join(tp.Tags, ","), tp.BodyPos.String(),
			strings.Join(cites, " "), tp.Body[:20]})
	}
	want := []topic{
		{"ruling", "The ruling", "The court gave each town half the harbour.", "law,court", "good/dir/ruling.md:6:1",
			"good/dir/ruling.md:6:54=court-ruling good/dir/ruling.md:8:33=court-ruling good/dir/ruling.md:9:33=court-ruling,mayor-op-ed",
			"The court split the "},
		{"fishing", "Fishing rights", "", "", "good/dir/fishing.md:3:1",
			"good/dir/fishing.md:3:52=ledger-analysis good/dir/fishing.md:7:33=ledger-analysis good/dir/fishing.md:8:25=ledger-analysis,court-ruling",
			"Boats from both town"},
	}
	if len(got) != len(want) {
		t.Fatalf("topics = %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("topic %d:\ngot  %+v\nwant %+v", i, got[i], want[i])
		}
	}
	c := b.Topics[0].Citations[0]
	if b.Topics[0].Body[c.Start:c.End] != "[@court-ruling]" {
		t.Errorf("citation offsets %d-%d give %q", c.Start, c.End, b.Topics[0].Body[c.Start:c.End])
	}
	wantSources := []Source{
		{ID: "court-ruling", Title: "Court splits harbour between towns", Outlet: "The Coastal Times", Author: "Ana Ruiz",
			Date: Date{2026, 1, 20}, URL: "https://example.com/ruling", Kind: KindNews, Pos: Pos{"good/dir/briefing.yaml", 11, 9}},
		{ID: "ledger-analysis", Title: "What the ruling means for the fleet", Outlet: "The Ledger", Date: Date{2026, 1, 0},
			DateNote: "month inferred from the text", Kind: KindAnalysis, Pos: Pos{"good/dir/briefing.yaml", 18, 9}},
		{ID: "mayor-op-ed", Title: "Our harbour, our future", Author: "Piet Vos", Date: Date{Year: 2026},
			Kind: KindOpinion, Pos: Pos{"good/dir/briefing.yaml", 24, 9}},
	}
	if len(b.Sources) != len(wantSources) {
		t.Fatalf("sources = %+v", b.Sources)
	}
	for i := range wantSources {
		if b.Sources[i] != wantSources[i] {
			t.Errorf("source %d:\ngot  %+v\nwant %+v", i, b.Sources[i], wantSources[i])
		}
	}
	if len(b.Timeline) != 2 {
		t.Fatalf("timeline = %+v", b.Timeline)
	}
	e := b.Timeline[1]
	if e.Date != (Date{2026, 1, 20}) || e.Text != "The court rules." || strings.Join(e.Topics, ",") != "ruling,fishing" ||
		strings.Join(e.Sources, ",") != "court-ruling,mayor-op-ed" || e.Pos != (Pos{"good/dir/briefing.yaml", 33, 5}) {
		t.Errorf("timeline[1] = %+v", e)
	}
	if len(b.Actors) != 2 || b.Actors[1].Name != "Piet Vos" || b.Actors[1].Role != "Mayor of Northtown" ||
		strings.Join(b.Actors[1].Aliases, ",") != "P. Vos,the mayor" {
		t.Errorf("actors = %+v", b.Actors)
	}
}

func TestGoodSingle(t *testing.T) {
	b, err := Load("testdata/good/single.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Diagnostics) != 0 {
		t.Errorf("diagnostics:\n%s", b.Diagnostics)
	}
	if b.Title != "The Pass Closure" || b.AsOf != (Date{Year: 2026, Month: 2}) {
		t.Errorf("title, as_of = %q, %v", b.Title, b.AsOf)
	}
	if b.Summary != "The mountain pass has been closed since early February [@wire]." {
		t.Errorf("summary = %q", b.Summary)
	}
	var got []string
	for _, tp := range b.Topics {
		got = append(got, tp.ID+"|"+tp.Title+"|"+tp.BodyPos.String()+"|"+tp.Citations[0].Pos.String())
	}
	want := []string{
		"what-happened|What happened|testdata/good/single.md:16:1|testdata/good/single.md:16:41",
		"what-comes-next|What comes next|testdata/good/single.md:24:1|testdata/good/single.md:24:43",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("topics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if body := b.Topics[0].Body; !strings.Contains(body, "## Not a topic") || strings.Contains(body, "What comes next") {
		t.Errorf("first topic body = %q", body)
	}
	if len(b.Topics[1].Citations) != 1 {
		t.Errorf("an e-mail address or a link was read as a citation: %+v", b.Topics[1].Citations)
	}
}

// TestLoadDiskPaths checks that Load reports positions under the path it
// was given.
func TestLoadDiskPaths(t *testing.T) {
	b, err := Load("testdata/broken/partial")
	if err != nil {
		t.Fatal(err)
	}
	want := "testdata/broken/partial/binary.md:1:4: binary data (NUL byte), not a text file; topic skipped"
	if got := b.Diagnostics[0].String(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if b.Path != "testdata/broken/partial" || len(b.Topics) != 1 || b.Topics[0].ID != "good" {
		t.Errorf("path %q, topics %d", b.Path, len(b.Topics))
	}
}

// deniedFS refuses to open the names in deny, as a file system does for
// a user without permission (root ignores permission bits).
type deniedFS struct {
	fstest.MapFS
	deny map[string]bool
}

func (d deniedFS) Open(name string) (fs.File, error) {
	if d.deny[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.MapFS.Open(name)
}

func mapFile(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

const metaA = "title: T\nsources:\n  - id: a\n    title: A\n"

func TestLoadFileErrors(t *testing.T) {
	many := fstest.MapFS{"b/briefing.yaml": mapFile(metaA)}
	for i := 0; i <= MaxTopicFiles; i++ {
		many[fmt.Sprintf("b/t%05d.md", i)] = mapFile("# T\n\nText [@a].\n")
	}
	tests := []struct {
		name    string
		fsys    fs.FS
		path    string
		want    string // the first diagnostic or the error
		wantErr bool
		topics  int
	}{
		{"missing path", fstest.MapFS{}, "nowhere", "nowhere: no such file or directory", true, 0},
		{"empty directory", fstest.MapFS{"b/.hidden": mapFile("")}, "b", "b: holds no briefing.yaml and no Markdown file", true, 0},
		{"permission denied on the file", deniedFS{fstest.MapFS{"x.md": mapFile("# X\n")}, map[string]bool{"x.md": true}},
			"x.md", "x.md: permission denied", true, 0},
		{"permission denied on a topic", deniedFS{fstest.MapFS{"b/briefing.yaml": mapFile(metaA), "b/a.md": mapFile("# A\n\nText [@a].\n"), "b/x.md": mapFile("")},
			map[string]bool{"b/x.md": true}}, "b", "b/x.md: permission denied; topic skipped", false, 1},
		{"permission denied on briefing.yaml", deniedFS{fstest.MapFS{"b/briefing.yaml": mapFile(metaA), "b/a.md": mapFile("# A\n\nText [@a].\n")},
			map[string]bool{"b/briefing.yaml": true}}, "b", "b/briefing.yaml: permission denied", false, 1},
		{"too many files", many, "b",
			fmt.Sprintf("b: %d Markdown files, over the limit of %d: only the first %d are read", MaxTopicFiles+1, MaxTopicFiles, MaxTopicFiles),
			false, MaxTopicFiles},
		{"file too large", fstest.MapFS{"big.md": &fstest.MapFile{Data: make([]byte, MaxFileSize+1)}}, "big.md",
			"big.md: file is 16777217 bytes, over the 16 MiB limit", true, 0},
		{"bad name", fstest.MapFS{}, "../x", "../x: invalid path", true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := LoadFS(tt.fsys, tt.path)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			var got string
			if err != nil {
				got = err.Error()
				var ds Diagnostics
				if !errors.As(err, &ds) {
					t.Errorf("error is %T, want Diagnostics", err)
				}
			} else {
				got = b.Diagnostics[0].String()
				if len(b.Topics) != tt.topics {
					t.Errorf("%d topics, want %d", len(b.Topics), tt.topics)
				}
			}
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestLoadDisk covers what only a real file system does: symbolic link
// loops, permission bits and missing paths.
func TestLoadDisk(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "b"), 0o755); err != nil {
		t.Fatal(err)
	}
	write("b/briefing.yaml", metaA)
	write("b/a.md", "# A\n\nText [@a].\n")
	for _, l := range []string{"loop.md", "b/loop.md"} {
		if err := os.Symlink(filepath.Base(l), filepath.Join(dir, l)); err != nil {
			t.Skip("no symbolic links:", err)
		}
	}

	if _, err := Load(filepath.Join(dir, "loop.md")); err == nil || !strings.Contains(err.Error(), "loop.md: too many levels of symbolic links") {
		t.Errorf("symlink loop: err = %v", err)
	}
	b, err := Load(filepath.Join(dir, "b"))
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, "b", "loop.md") + ": too many levels of symbolic links; topic skipped"
	if len(b.Diagnostics) == 0 || b.Diagnostics[0].String() != want || len(b.Topics) != 1 {
		t.Errorf("symlink loop in a directory: %d topics, diagnostics:\n%s\nwant %s", len(b.Topics), b.Diagnostics, want)
	}
	if _, err := Load(filepath.Join(dir, "missing")); err == nil || err.Error() != filepath.Join(dir, "missing")+": no such file or directory" {
		t.Errorf("missing: err = %v", err)
	}
	if _, err := Load(""); err == nil {
		t.Errorf("empty path: no error")
	}

	if os.Geteuid() == 0 {
		t.Log("running as root, which ignores permissions; TestLoadFileErrors covers them with a fake file system")
		return
	}
	write("b/secret.md", "# Secret\n")
	if err := os.Chmod(filepath.Join(dir, "b", "secret.md"), 0); err != nil {
		t.Fatal(err)
	}
	b, err = Load(filepath.Join(dir, "b"))
	if err != nil {
		t.Fatal(err)
	}
	want = filepath.Join(dir, "b", "secret.md") + ": permission denied; topic skipped"
	if !strings.Contains(b.Diagnostics.Error(), want) {
		t.Errorf("diagnostics:\n%s\nwant %s", b.Diagnostics, want)
	}
}

// TestNormalize checks that a byte order mark and CRLF line endings are
// dropped silently and that positions still match the file.
func TestNormalize(t *testing.T) {
	src := "\uFEFF---\r\ntitle: T\r\nsources:\r\n  - id: a\r\n    title: A\r\n---\r\n## One\r\n\r\nText [@a]\rMore [@b].\r\n"
	b, err := LoadFS(fstest.MapFS{"x.md": mapFile(src)}, "x.md")
	if err != nil {
		t.Fatal(err)
	}
	want := "x.md:10:7: unknown source \"b\" (did you mean \"a\"?)"
	if b.Diagnostics.Error() != want {
		t.Errorf("diagnostics:\n%s\nwant\n%s", b.Diagnostics, want)
	}
	if tp := b.Topics[0]; tp.Body != "Text [@a]\nMore [@b].\n" || tp.BodyPos != (Pos{"x.md", 9, 1}) {
		t.Errorf("body %q at %v", tp.Body, tp.BodyPos)
	}
}

func TestSingleFileShapes(t *testing.T) {
	tests := []struct {
		name, src      string
		title, summary string
		topics         string // id=title, space-separated
		diags          string
	}{
		{"plain text", "Just some text.\n", "x", "", "x=x", "x.md: warning: topic \"x\" has no citations"},
		{"title heading only", "# Notes\n\nSome text.\n", "Notes", "", "notes=Notes", "x.md: warning: topic \"notes\" has no citations"},
		{"front matter title wins", "---\ntitle: Front\n---\n# Heading\n\nIntro.\n\n## A b\n\nText.\n", "Front", "# Heading\n\nIntro.", "a-b=A b",
			"x.md:8:1: warning: topic \"a-b\" has no citations"},
		{"empty heading", "## \n\ntext\n\n##\n", "x", "", "section=section section-2=section-2",
			"x.md:1:1: warning: topic \"section\" has no citations\nx.md:5:1: warning: another heading has the id \"section\": this one is \"section-2\""},
		{"level three is not a topic", "## A\n### B\n#### C\n", "x", "", "a=A", "x.md:1:1: warning: topic \"a\" has no citations"},
		{"tilde fence hides headings", "## A\n~~~\n## B\n~~~\n## C\n", "x", "", "a=A c=C",
			"x.md:1:1: warning: topic \"a\" has no citations"},
		{"empty file", "", "x", "", "x=x", ""},
		{"hugo front matter", "---\ntitle: Post\ndate: 2024-03-01T10:00:00Z\ndraft: true\ntags: [go, cli]\nlayout: post\ncategories:\n  - notes\nparams:\n  toc: true\n---\nText.\n",
			"Post", "", "post=Post",
			"x.md: warning: topic \"post\" has no citations\nx.md:3:1: note: front matter fields brief does not read, ignored: date, draft, tags, layout, categories, params"},
		{"jekyll front matter", "---\nlayout: post\ntitle: \"Post\"\nsummary: S\n---\n## A\n\nText.\n", "Post", "S", "a=A",
			"x.md:2:1: note: front matter fields brief does not read, ignored: layout\nx.md:6:1: warning: topic \"a\" has no citations"},
		{"a misspelt field is a warning", "---\ntitle: T\nsumary: S\nauthor: A\n---\nText.\n", "T", "", "t=T",
			"x.md: warning: topic \"t\" has no citations\nx.md:3:1: warning: unknown field \"sumary\" (did you mean \"summary\"?); ignored\nx.md:4:1: note: front matter fields brief does not read, ignored: author"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := LoadFS(fstest.MapFS{"x.md": mapFile(tt.src)}, "x.md")
			if err != nil {
				t.Fatal(err)
			}
			var topics []string
			for _, tp := range b.Topics {
				topics = append(topics, tp.ID+"="+tp.Title)
			}
			if b.Title != tt.title || b.Summary != tt.summary || strings.Join(topics, " ") != tt.topics {
				t.Errorf("title %q, summary %q, topics %q", b.Title, b.Summary, strings.Join(topics, " "))
			}
			if got := b.Diagnostics.Error(); got != tt.diags {
				t.Errorf("diagnostics:\n%s\nwant\n%s", got, tt.diags)
			}
		})
	}
}

// TestSingleFileForeignFields is a file with front matter written for
// another tool, loaded to be read: it loads without a word.
func TestSingleFileForeignFields(t *testing.T) {
	src := "---\ntitle: Post\ntags: [a]\ndraft: false\nlayout: post\nweight: 3\n---\n## A\n\nText.\n"
	b, err := LoadFSWith(fstest.MapFS{"x.md": mapFile(src)}, "x.md", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Diagnostics) != 0 || b.Title != "Post" || len(b.Topics) != 1 {
		t.Errorf("title %q, %d topics, diagnostics:\n%s", b.Title, len(b.Topics), b.Diagnostics)
	}
	// A topic file of a directory keeps the closed set.
	b, err = LoadFS(fstest.MapFS{"d/briefing.yaml": mapFile("title: T\n"), "d/a.md": mapFile("---\nlayout: post\n---\n# A\n")}, "d")
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Diagnostics.Errors().Error(); got != `d/a.md:2:1: unknown field "layout"` {
		t.Errorf("topic file errors: %q", got)
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"What happened", "what-happened"},
		{"  The *new* deal!  ", "the-new-deal"},
		{"Kyiv's position", "kyivs-position"},
		{"Zürich & Genève", "zürich-genève"},
		{"2026: a year", "2026-a-year"},
		{"---", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain\ttext\n", "plain\ttext\n"},
		{"\x1b[31mred", "\u241b[31mred"},
		{"bell\x07", "bell\u2407"},
		{"del\x7f", "del\u2421"},
		{"c1\u009b", "c1\uFFFD"},
		{"bidi\u202eevil\u2069", "bidi\uFFFDevil\uFFFD"},
		{"nul\x00", "nul\u2400"},
	}
	for _, tt := range tests {
		if got := Sanitize(tt.in); got != tt.want {
			t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestControlInFileName checks that a hostile file name cannot reach the
// terminal through a topic id or a diagnostic.
func TestControlInFileName(t *testing.T) {
	fsys := fstest.MapFS{
		"b/briefing.yaml":   mapFile("title: T\n"),
		"b/\x1b[2Jevil.md":  mapFile("# Evil\n\nText.\n"),
		"b/\x1b]0;x\x07.md": mapFile("\x00"),
	}
	b, err := LoadFS(fsys, "b")
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Topics) != 1 || b.Topics[0].ID != "\u241b[2Jevil" {
		t.Errorf("topics = %+v", b.Topics)
	}
	if len(b.Diagnostics) != 2 {
		t.Errorf("diagnostics:\n%s", b.Diagnostics)
	}
	for _, d := range b.Diagnostics {
		if HasControl(d.String()) {
			t.Errorf("control character in %q", d.String())
		}
	}
}

// TestControlWarningsCapped checks that a file full of control characters
// gets ten positioned warnings and a count, not one warning each.
func TestControlWarningsCapped(t *testing.T) {
	src := "## A\n\n" + strings.Repeat("x\x1b", 15) + "\n"
	b, err := LoadFS(fstest.MapFS{"x.md": mapFile(src)}, "x.md")
	if err != nil {
		t.Fatal(err)
	}
	ws := b.Diagnostics.Warnings()
	if len(ws) != 12 {
		t.Fatalf("warnings:\n%s", ws)
	}
	if got, want := ws[10].String(), "x.md:3:20: warning: control character U+001B replaced by \u241b"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := ws[11].String(), "x.md:3:22: warning: 5 more control characters replaced from here on"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if body := b.Topics[0].Body; body != strings.Repeat("x\u241b", 15)+"\n" {
		t.Errorf("body = %q", body)
	}
}

func TestHostileShapes(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // the diagnostic looked for
	}{
		{"deep YAML nesting", "---\ntitle: " + strings.Repeat("[", 150) + "\n---\n## A\n",
			"x.md:2:108: YAML nested more than 100 levels deep"},
		{"repeated headings", "## A\n## A\n## A-2\n## A\n",
			"x.md:4:1: warning: another heading has the id \"a\": this one is \"a-3\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := LoadFS(fstest.MapFS{"x.md": mapFile(tt.src)}, "x.md")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.Diagnostics.Error()+"\n", tt.want+"\n") {
				t.Errorf("diagnostics:\n%s\nwant a line\n%s", b.Diagnostics, tt.want)
			}
		})
	}
}

// TestLoadMetaFile checks that the path of a briefing.yaml loads its
// directory, not the YAML as Markdown.
func TestLoadMetaFile(t *testing.T) {
	b, err := Load("testdata/good/dir/briefing.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if b.Path != "testdata/good/dir" || len(b.Topics) != 2 || len(b.Diagnostics) != 0 {
		t.Errorf("path %q, %d topics, diagnostics:\n%s", b.Path, len(b.Topics), b.Diagnostics)
	}
}

// TestMetaShapes covers YAML forms a hand-written briefing.yaml may take.
func TestMetaShapes(t *testing.T) {
	tests := []struct {
		name, meta  string
		title, asOf string
		diags       string
	}{
		{"numbers as text", "title: 1984\nas_of: 2026\n", "1984", "2026", ""},
		{"anchor and tag", "title: &t !!str Tagged\n", "Tagged", "", ""},
		{"two documents", "title: One\n---\ntitle: Two\n", "One", "",
			"b/briefing.yaml:3:1: more than one YAML document"},
		{"not a mapping", "- a\n- b\n", "b", "",
			"b/briefing.yaml:1:1: want a mapping of fields, got a list"},
		{"actor without a name", "title: T\nactors:\n  - role: chair\n", "T", "",
			"b/briefing.yaml:3:5: actor has no name"},
		{"empty file", "", "b", "", "b/briefing.yaml: missing title"},
		{"comments only", "# nothing\n", "b", "", "b/briefing.yaml: missing title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"b/briefing.yaml": mapFile(tt.meta), "b/a.md": mapFile("# A\n")}
			b, err := LoadFS(fsys, "b")
			if err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, d := range b.Diagnostics {
				if !strings.HasPrefix(d.Pos.File, "b/a.md") {
					lines = append(lines, d.String())
				}
			}
			if b.Title != tt.title || b.AsOf.String() != tt.asOf || strings.Join(lines, "\n") != tt.diags {
				t.Errorf("title %q, as_of %q, diagnostics:\n%s\nwant %q, %q,\n%s", b.Title, b.AsOf, strings.Join(lines, "\n"), tt.title, tt.asOf, tt.diags)
			}
		})
	}
}

// TestLoadDeterministic checks that loading topic files in parallel gives
// the same topics and diagnostics, in the same order, every time.
func TestLoadDeterministic(t *testing.T) {
	fsys := fstest.MapFS{"b/briefing.yaml": mapFile(metaA)}
	for i := range 300 {
		src := fmt.Sprintf("---\nid: t%d\n---\n# T\n\nText [@a].\n\nUncited [@x%d].\n", i%250, i)
		if i%37 == 0 {
			src = "\x00"
		}
		fsys[fmt.Sprintf("b/%03d.md", i)] = mapFile(src)
	}
	var first string
	for range 5 {
		b, err := LoadFS(fsys, "b")
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, tp := range b.Topics {
			ids = append(ids, tp.ID)
		}
		got := strings.Join(ids, " ") + "\n" + b.Diagnostics.Error()
		if first == "" {
			first = got
			if !strings.Contains(got, "b/251.md:2:5: duplicate topic id \"t1\" (also in b/001.md); topic skipped") {
				t.Errorf("no duplicate reported:\n%.1000s", got)
			}
		} else if got != first {
			t.Fatalf("a second load differs from the first")
		}
	}
}
