package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/charmbracelet/x/exp/golden"

	"brief/briefing"
	"brief/content"
	"brief/internal/testkit/hostile"
)

func builtin(t *testing.T) *briefing.Briefing {
	t.Helper()
	b, err := briefing.LoadFS(content.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func loadPath(t *testing.T, path string) *briefing.Briefing {
	t.Helper()
	b, err := briefing.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func write(t *testing.T, b *briefing.Briefing, f Format) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, b, f); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// corpus is the briefings the goldens and the safety checks cover.
func corpus(t *testing.T) map[string]*briefing.Briefing {
	return map[string]*briefing.Briefing{
		"builtin":        builtin(t),
		"hostile-dir":    loadPath(t, "../../testdata/hostile/dir"),
		"hostile-single": loadPath(t, "../../testdata/hostile/single.md"),
		"markup":         markup(t),
	}
}

// markup is a briefing that tries to inject markup and script in every
// field.
func markup(t *testing.T) *briefing.Briefing {
	const x = `<script>alert(1)</script><img src=x onerror=alert(2)><iframe src="https://evil.example/"></iframe>`
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	fsys := fstest.MapFS{
		"briefing.yaml": {Data: []byte(`title: ` + q("T"+x) + `
subtitle: ` + q(x) + `
summary: ` + q("Sum "+x+" [@s]") + `
sources:
  - id: s
    title: ` + q(x) + `
    outlet: ` + q(x) + `
    url: "javascript:alert(3)"
  - id: t
    title: web
    url: ` + q(`https://example.com/"><script>alert(4)</script>`) + `
timeline:
  - date: 2026
    event: ` + q("E "+x+" [@s]") + `
    topics: [a]
actors:
  - name: ` + q(x) + `
    role: ` + q(x) + `
    aliases: [` + q(x) + `]
`)},
		"a.md": {Data: []byte("---\ntitle: " + q("A "+x) + "\nsummary: " + q(x) + "\n---\n" +
			"Body " + x + " [see @s, " + q(x) + "; @t].\n\n<div onclick=\"alert(5)\">raw</div>\n\n" +
			"[link](javascript:alert(6)) ![img](https://evil.example/i.png) <https://evil.example/a>\n\n" +
			"## Heading " + x + "\n\n```html\n<script>alert(7)</script>\n```\n")},
	}
	b, err := briefing.LoadFS(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestGolden is each format of each briefing of the corpus.
func TestGolden(t *testing.T) {
	for name, b := range corpus(t) {
		for _, f := range Formats {
			t.Run(name+"."+string(f), func(t *testing.T) {
				golden.RequireEqual(t, write(t, b, f))
			})
		}
	}
}

// TestDeterministic exports each briefing twice, from two loads.
func TestDeterministic(t *testing.T) {
	one, two := corpus(t), corpus(t)
	for name := range one {
		for _, f := range Formats {
			if a, b := write(t, one[name], f), write(t, two[name], f); !bytes.Equal(a, b) {
				t.Errorf("%s as %s: two exports differ", name, f)
			}
		}
	}
}

var (
	tagRe      = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>`)
	allowedTag = map[string]bool{"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true,
		"main": true, "header": true, "nav": true, "section": true, "article": true, "time": true, "span": true,
		"dl": true, "dt": true, "dd": true, "p": true, "br": true, "hr": true, "em": true, "strong": true, "del": true,
		"code": true, "pre": true, "blockquote": true, "ul": true, "ol": true, "li": true, "h1": true, "h2": true,
		"h3": true, "h4": true, "h5": true, "h6": true, "table": true, "thead": true, "tbody": true, "tr": true,
		"th": true, "td": true, "a": true}
	hrefRe = regexp.MustCompile(`href="([^"]*)"`)
)

// TestNothingGetsThrough checks every format of the hostile and markup
// briefings, and of the hostile corpus under hostile names: no control
// character in any; in HTML no element or attribute but the page's own,
// no script, no request; in JSON no < at all.
func TestNothingGetsThrough(t *testing.T) {
	bs := corpus(t)
	dir, single := hostile.Copy(t)
	bs["copy-dir"], bs["copy-single"] = loadPath(t, dir), loadPath(t, single)
	for name, b := range bs {
		for _, f := range Formats {
			out := string(write(t, b, f))
			for _, r := range out {
				if briefing.IsControl(r) {
					t.Errorf("%s as %s: control character %U", name, f, r)
					break
				}
			}
			if strings.Contains(out, "\x1b") || strings.Contains(out, "\u009b") {
				t.Errorf("%s as %s: an escape got through", name, f)
			}
			switch f {
			case JSON:
				if strings.ContainsAny(out, "<>") {
					t.Errorf("%s as JSON: < or > unescaped", name)
				}
			case HTML:
				checkHTML(t, name, out)
			case Markdown:
				// Rendered by any Markdown viewer, the export makes no HTML
				// of its own: goldmark finds no raw HTML in it.
				if n := escapeRawHTML(out); n != out {
					t.Errorf("%s as md: raw HTML got through", name)
				}
			}
		}
	}
}

func checkHTML(t *testing.T, name, out string) {
	t.Helper()
	low := strings.ToLower(out)
	for _, bad := range []string{"<script", "<img", "<iframe", "<div"} {
		if strings.Contains(low, bad) {
			t.Errorf("%s as html: %q got through", name, bad)
		}
	}
	attrRe := regexp.MustCompile(`\s([a-zA-Z-]+)="[^"<>]*"`)
	for _, m := range tagRe.FindAllStringSubmatch(out, -1) {
		if !allowedTag[strings.ToLower(m[2])] {
			t.Errorf("%s as html: element <%s>", name, m[2])
		}
		if rest := strings.TrimSpace(attrRe.ReplaceAllString(m[3], "")); rest != "" {
			t.Errorf("%s as html: %q in <%s>", name, rest, m[2])
		}
		for _, attr := range attrRe.FindAllStringSubmatch(m[3], -1) {
			if !slices.Contains([]string{"href", "rel", "id", "class", "lang", "charset", "name", "content", "http-equiv", "start"}, attr[1]) {
				t.Errorf("%s as html: attribute %s on <%s>", name, attr[1], m[2])
			}
		}
	}
	if n := strings.Count(low, "<style"); n != 1 {
		t.Errorf("%s as html: %d style elements", name, n)
	}
	for _, m := range hrefRe.FindAllStringSubmatch(out, -1) {
		if u := m[1]; !strings.HasPrefix(u, "#") && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "mailto:") {
			t.Errorf("%s as html: link to %q", name, u)
		}
	}
}

// TestHTMLPage checks the page of the built-in briefing: offline, phone,
// light and dark, print, contents, summary first, every citation linked
// to a source entry that exists and shows the excerpts.
func TestHTMLPage(t *testing.T) {
	b := builtin(t)
	out := string(write(t, b, HTML))
	for _, want := range []string{`<meta name="viewport" content="width=device-width, initial-scale=1">`,
		"prefers-color-scheme:dark", "@media print", "max-width:", `<nav id="contents">`,
		"default-src 'none'", `<section id="timeline">`, `<section id="actors">`, `<ol class="sources">`} {
		if !strings.Contains(out, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if s, n := strings.Index(out, `id="summary"`), strings.Index(out, "<article"); s < 0 || s > n {
		t.Errorf("the summary is not before the topics")
	}
	for _, tp := range b.Topics {
		if !strings.Contains(out, `<article id="topic-`+tp.ID+`">`+"\n<h2>"+t2(tp.Title)+"</h2>") {
			t.Errorf("topic %q has no heading", tp.Title)
		}
		if !strings.Contains(out, `<a href="#topic-`+tp.ID+`">`) {
			t.Errorf("topic %q is not in the contents", tp.Title)
		}
	}
	links := regexp.MustCompile(`<a href="#src-([0-9]+)"`).FindAllStringSubmatch(out, -1)
	if len(links) < 200 {
		t.Errorf("%d citation links, want one per cited key", len(links))
	}
	for _, l := range links {
		if !strings.Contains(out, `<li id="src-`+l[1]+`">`) {
			t.Errorf("link to source %s, which has no entry", l[1])
		}
	}
	with, _ := briefing.ExcerptCount(b)
	if n := strings.Count(out, "<blockquote>"); n == 0 || n > with {
		t.Errorf("%d excerpts in the source list, of %d citations with one", n, with)
	}
}

func t2(s string) string { return strings.ReplaceAll(s, "'", "&#39;") }

// TestMarkdownOpens exports the built-in briefing as Markdown and loads
// the file as brief would: same topics in order with the same text, same
// sources, timeline and actors, and brief check has nothing to say.
func TestMarkdownOpens(t *testing.T) {
	b := builtin(t)
	path := filepath.Join(t.TempDir(), "b.md")
	if err := os.WriteFile(path, write(t, b, Markdown), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := briefing.LoadWith(path, briefing.LoadOptions{Check: true})
	if err != nil || len(got.Diagnostics) > 0 {
		t.Fatalf("%v: %v", err, got.Diagnostics)
	}
	// The reader shows the same text: the footnotes are citations again.
	for i := range min(len(got.Topics), len(b.Topics)) {
		a, _ := got.Cited(got.Topics[i])
		w, _ := b.Cited(b.Topics[i])
		if a, w := strings.TrimSpace(atxHeadings(a)), strings.TrimSpace(w); a != w {
			t.Log(firstDiff(a, w))
			t.Errorf("topic %q reads otherwise from the export", b.Topics[i].Title)
		}
	}
	if got.Title != b.Title || got.Subtitle != b.Subtitle || got.AsOf != b.AsOf {
		t.Errorf("title %q %q %v", got.Title, got.Subtitle, got.AsOf)
	}
	if a, w := titles(got), titles(b); !slices.Equal(a, w) {
		t.Errorf("topics %q, want %q", a, w)
	}
	if len(got.Sources) != len(b.Sources) || len(got.Timeline) != len(b.Timeline) || len(got.Actors) != len(b.Actors) {
		t.Errorf("%d sources, %d events, %d actors", len(got.Sources), len(got.Timeline), len(got.Actors))
	}
	if !strings.Contains(string(write(t, b, Markdown)), "[^1]") {
		t.Errorf("no footnotes")
	}
}

func titles(b *briefing.Briefing) []string {
	var out []string
	for _, t := range b.Topics {
		out = append(out, t.Title)
	}
	return out
}

// TestRoundTrip takes the built-in briefing through the Markdown export
// and back to a directory, and compares the models.
func TestRoundTrip(t *testing.T) {
	b := builtin(t)
	md := filepath.Join(t.TempDir(), "b.md")
	if err := os.WriteFile(md, write(t, b, Markdown), 0o644); err != nil {
		t.Fatal(err)
	}
	files, err := Directory(loadPath(t, md))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), []byte(f.Content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := loadPath(t, dir)
	if ds := got.Diagnostics; len(ds.Errors())+len(ds.Warnings()) > 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	if got.Title != b.Title || got.Subtitle != b.Subtitle || got.AsOf != b.AsOf || got.Summary != b.Summary {
		t.Errorf("header differs:\n%q\n%q", got.Summary, b.Summary)
	}
	ids := topicIDs(b)
	if len(got.Topics) != len(b.Topics) {
		t.Fatalf("%d topics, want %d", len(got.Topics), len(b.Topics))
	}
	for i, want := range b.Topics {
		g := got.Topics[i]
		if g.Title != want.Title || g.ID != ids[want.ID] {
			t.Errorf("topic %d: %q %q, want %q %q", i, g.ID, g.Title, ids[want.ID], want.Title)
		}
		if a, w := strings.TrimSpace(g.Body), strings.TrimSpace(oneLineCites(want)); a != w {
			t.Errorf("topic %q: body differs", want.Title)
		}
		if len(g.Citations) != len(want.Citations) {
			t.Errorf("topic %q: %d citations, want %d", want.Title, len(g.Citations), len(want.Citations))
			continue
		}
		for j, c := range want.Citations {
			if a := g.Citations[j]; !slices.Equal(a.Keys, c.Keys) || !slices.Equal(a.Excerpts, c.Excerpts) || !slices.Equal(a.Locators, c.Locators) {
				t.Errorf("topic %q citation %d: %+v, want %+v", want.Title, j, a, c)
			}
		}
	}
	for i := range b.Sources {
		a, w := got.Sources[i], b.Sources[i]
		a.Pos, w.Pos = briefing.Pos{}, briefing.Pos{}
		if a != w {
			t.Errorf("source %d: %+v, want %+v", i, a, w)
		}
	}
	for i, w := range b.Timeline {
		a := got.Timeline[i]
		if a.Date != w.Date || a.Text != w.Text || !slices.Equal(a.Topics, mapIDs(w.Topics, ids)) || !slices.Equal(a.Sources, w.Sources) {
			t.Errorf("event %d: %+v, want %+v", i, a, w)
		}
	}
	for i, w := range b.Actors {
		a := got.Actors[i]
		if a.Name != w.Name || a.Role != w.Role || !slices.Equal(a.Aliases, w.Aliases) {
			t.Errorf("actor %d: %+v, want %+v", i, a, w)
		}
	}
}

// oneLineCites is the topic's body with each citation group on one line,
// as the Markdown export writes it.
func oneLineCites(t *briefing.Topic) string {
	return replaceCitations(t.Body, t.Citations, func(_ int, c briefing.Citation) string { return oneLine(t.Body[c.Start:c.End]) })
}

// firstDiff shows where a and w part.
func firstDiff(a, w string) string {
	i := 0
	for i < min(len(a), len(w)) && a[i] == w[i] {
		i++
	}
	return fmt.Sprintf("%q\nwant\n%q", a[max(i-40, 0):min(i+60, len(a))], w[max(i-40, 0):min(i+60, len(w))])
}
