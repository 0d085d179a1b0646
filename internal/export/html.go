package export

import (
	"bytes"
	"html"
	"strconv"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"brief/briefing"
)

// ToHTML returns b as one self-contained HTML page that works offline: the
// style is inline, and there is no script, font, image or other request
// (a Content-Security-Policy says so to the browser too). Markdown is
// rendered by goldmark with raw HTML off, and what it makes passes a
// sanitising policy, so that no text of the briefing becomes markup.
// Every citation links to its entry in the numbered source list, which
// shows the excerpts cited from that source.
func ToHTML(b *briefing.Briefing) ([]byte, error) {
	h := htmlWriter{
		b:   b,
		num: b.SourceNumbers(),
		md: goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough),
			goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(demote{}, 100)))),
		pol: policy(),
	}
	return h.page()
}

// policy allows the elements goldmark makes from Markdown, links only to
// the web, mail and this page, and no images.
func policy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements("p", "br", "hr", "em", "strong", "del", "code", "pre", "blockquote",
		"ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
		"table", "thead", "tbody", "tr", "th", "td", "a")
	p.AllowAttrs("start").Matching(bluemonday.Integer).OnElements("ol")
	p.AllowAttrs("href").OnElements("a")
	p.AllowURLSchemes("http", "https", "mailto")
	p.AllowRelativeURLs(true)
	p.RequireNoReferrerOnLinks(true)
	return p
}

type htmlWriter struct {
	b   *briefing.Briefing
	num map[string]int
	md  goldmark.Markdown
	pol *bluemonday.Policy
	out bytes.Buffer
	err error
	// excerpts holds, by source number, the excerpts cited from it, each
	// once, in the order of the document.
	excerpts map[int][]string
}

func (h *htmlWriter) w(parts ...string) {
	for _, p := range parts {
		h.out.WriteString(p)
	}
}

// markdown writes text, Markdown from the briefing, with its citation
// groups cs as links to the source list.
func (h *htmlWriter) markdown(text string, cs []briefing.Citation) {
	text = replaceCitations(s(text), cs, func(_ int, c briefing.Citation) string {
		var parts []string
		for _, ct := range cites(c, h.num) {
			p := "?" + escapeInline(ct.key)
			if ct.number > 0 {
				n := strconv.Itoa(ct.number)
				p = "[" + n + "](#src-" + n + ")"
				if ct.excerpt != "" && !contains(h.excerpts[ct.number], ct.excerpt) {
					h.excerpts[ct.number] = append(h.excerpts[ct.number], ct.excerpt)
				}
			}
			if ct.prefix != "" {
				p = escapeInline(ct.prefix) + " " + p
			}
			if ct.locator != "" {
				p += ", " + escapeInline(ct.locator)
			}
			parts = append(parts, p)
		}
		return `\[` + strings.Join(parts, "; ") + `\]`
	})
	var buf bytes.Buffer
	if err := h.md.Convert([]byte(text), &buf); err != nil && h.err == nil {
		h.err = err
	}
	h.out.Write(h.pol.SanitizeBytes(buf.Bytes()))
}

func contains(ss []string, v string) bool {
	for _, x := range ss {
		if x == v {
			return true
		}
	}
	return false
}

// t escapes plain text from the briefing for HTML.
func t(v string) string { return html.EscapeString(s(v)) }

func topicAnchor(id string) string { return "topic-" + briefing.Slug(id) }

func (h *htmlWriter) page() ([]byte, error) {
	b := h.b
	h.excerpts = map[int][]string{}
	h.w("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
		"<meta name=\"color-scheme\" content=\"light dark\">\n",
		"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
		"<title>", t(b.Title), "</title>\n<style>", css, "</style>\n</head>\n<body>\n<main>\n")

	// The summary and where the briefing comes from come first.
	h.w("<header>\n<h1>", t(b.Title), "</h1>\n")
	if b.Subtitle != "" {
		h.w("<p class=\"subtitle\">", t(b.Subtitle), "</p>\n")
	}
	prov := []string{}
	if d := b.AsOf.Long(); d != "" {
		prov = append(prov, "As of "+d)
	}
	prov = append(prov, plural(len(b.Topics), "topic"), plural(len(b.Sources), "source"),
		plural(len(b.Timeline), "event")+" on the timeline", plural(len(b.Actors), "actor"))
	h.w("<p class=\"provenance\">", html.EscapeString(strings.Join(prov, " · ")), ". Exported by brief.</p>\n</header>\n")
	if b.Summary != "" {
		h.w("<section id=\"summary\" class=\"summary\">\n")
		h.markdown(b.Summary, briefing.ScanCitations(s(b.Summary)))
		h.w("</section>\n")
	}

	h.w("<nav id=\"contents\">\n<h2>Contents</h2>\n<ol>\n")
	for _, tp := range b.Topics {
		h.w("<li><a href=\"#", t(topicAnchor(tp.ID)), "\">", t(tp.Title), "</a></li>\n")
	}
	if len(b.Timeline) > 0 {
		h.w("<li><a href=\"#timeline\">Timeline</a></li>\n")
	}
	if len(b.Actors) > 0 {
		h.w("<li><a href=\"#actors\">Who’s who</a></li>\n")
	}
	if len(b.Sources) > 0 {
		h.w("<li><a href=\"#sources\">Sources</a></li>\n")
	}
	h.w("</ol>\n</nav>\n")

	for _, tp := range b.Topics {
		h.w("<article id=\"", t(topicAnchor(tp.ID)), "\">\n<h2>", t(tp.Title), "</h2>\n")
		if tp.Summary != "" {
			h.w("<p class=\"topic-summary\">", t(tp.Summary), "</p>\n")
		}
		h.markdown(tp.Body, tp.Citations)
		h.w("</article>\n")
	}

	if len(b.Timeline) > 0 {
		h.w("<section id=\"timeline\">\n<h2>Timeline</h2>\n<ol class=\"timeline\">\n")
		for _, i := range b.Chronology() {
			e := b.Timeline[i]
			h.w("<li><time>", t(e.Date.Long()), "</time>\n")
			h.markdown(e.Text, briefing.ScanCitations(s(e.Text)))
			if len(e.Topics) > 0 {
				h.w("<p class=\"see\">See ")
				for j, id := range e.Topics {
					if j > 0 {
						h.w(", ")
					}
					title := id
					if tp := b.Topic(id); tp != nil {
						title = tp.Title
					}
					h.w("<a href=\"#", t(topicAnchor(id)), "\">", t(title), "</a>")
				}
				h.w("</p>\n")
			}
			h.w("</li>\n")
		}
		h.w("</ol>\n</section>\n")
	}

	if len(b.Actors) > 0 {
		h.w("<section id=\"actors\">\n<h2>Who’s who</h2>\n<dl>\n")
		for _, a := range b.Actors {
			h.w("<dt>", t(a.Name), "</dt>\n<dd>", t(a.Role))
			if len(a.Aliases) > 0 {
				h.w(" <span class=\"aliases\">(also ", t(strings.Join(a.Aliases, ", ")), ")</span>")
			}
			h.w("</dd>\n")
		}
		h.w("</dl>\n</section>\n")
	}

	if len(b.Sources) > 0 {
		h.w("<section id=\"sources\">\n<h2>Sources</h2>\n<ol class=\"sources\">\n")
		for i, src := range b.Sources {
			n := i + 1
			h.w("<li id=\"src-", strconv.Itoa(n), "\">", t(briefing.SourceLine(src)))
			if web(src.URL) {
				h.w(" <a href=\"", t(src.URL), "\" rel=\"noreferrer\">link</a>")
			}
			for _, ex := range h.excerpts[n] {
				h.w("\n<blockquote>", t(ex), "</blockquote>")
			}
			h.w("</li>\n")
		}
		h.w("</ol>\n</section>\n")
	}
	h.w("</main>\n</body>\n</html>\n")
	return h.out.Bytes(), h.err
}

// demote puts the headings of a topic below its title.
type demote struct{}

func (demote) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			h.Level = min(h.Level+1, 6)
		}
		return ast.WalkContinue, nil
	})
}

// web reports whether u is a web address to link to.
func web(u string) bool {
	return (strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")) &&
		!strings.ContainsFunc(u, func(r rune) bool { return r <= ' ' || strings.ContainsRune("<>\"'\\`", r) || briefing.IsControl(r) })
}

func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return strconv.Itoa(n) + " " + thing + "s"
}

// css is the page's style: light and dark, a readable measure on a phone
// and a desk, and clean print.
const css = `
:root{color-scheme:light dark;--fg:#1d1d1f;--bg:#fdfdfb;--muted:#5f6368;--rule:#d9d9d6;--accent:#0b57d0;--quote:#f2f1ec}
@media (prefers-color-scheme:dark){:root{--fg:#e6e6e3;--bg:#161618;--muted:#a0a4a8;--rule:#38383c;--accent:#8ab4f8;--quote:#222226}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:42rem;margin:0 auto;padding:1.25rem 1rem 4rem}
h1{font-size:1.9rem;line-height:1.2;margin:1rem 0 .5rem}
h2{font-size:1.4rem;line-height:1.3;margin:2.5rem 0 .75rem;padding-top:.5rem;border-top:1px solid var(--rule)}
h3,h4,h5,h6{font-size:1.1rem;margin:1.5rem 0 .5rem}
article h2{border-top:2px solid var(--fg)}
a{color:var(--accent)}
.subtitle{font-size:1.15rem;color:var(--muted);margin:0 0 .5rem}
.provenance,.topic-summary,.see,.aliases{color:var(--muted);font-size:.95rem}
.summary{font-size:1.075rem}
blockquote{margin:.5rem 0;padding:.25rem .75rem;background:var(--quote);border-left:3px solid var(--rule);font-style:italic}
pre{overflow-x:auto;background:var(--quote);padding:.75rem}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}
table{border-collapse:collapse;display:block;overflow-x:auto}
th,td{border:1px solid var(--rule);padding:.25rem .5rem}
.timeline time{font-weight:600;display:block}
.timeline p{margin:.25rem 0}
.timeline li{margin-bottom:1rem}
dt{font-weight:600;margin-top:.75rem}
dd{margin:0 0 0 1rem}
.sources li{margin-bottom:1rem;scroll-margin-top:1rem}
.sources li:target{outline:2px solid var(--accent);outline-offset:4px}
@media print{
:root{--fg:#000;--bg:#fff;--muted:#333;--rule:#999;--quote:#fff}
body{font-size:11pt}
main{max-width:none;padding:0}
nav#contents{display:none}
h2{break-after:avoid}
article,section{break-before:auto}
blockquote,.sources li,.timeline li{break-inside:avoid}
a{color:inherit;text-decoration:none}
}
`
