package hostile

// richBody is Markdown that puts the payload in each construct a renderer
// treats differently: headings, citations, links, images, code, emphasis,
// lists, quotes, tables, HTML.
const richBody = `# Heading one {H}

Paragraph {H} cited [@src] and [@src; @{H}key] and [see @src, p. {H}].
Excerpts [@src, "a passage {H}"; @src, “bell ] and ; too”] [@src, "` + "\x07\x1b]0;title\x07\u009b\u202e" + `"].
A [link {H}](https://evil.example/{H} "title {H}") and <https://evil.example/{H}>
and ![image {H}](https://evil.example/{H}.png) and ` + "`code span {H}`" + ` and
**bold {H}** and *emphasis {H}*. A carriage return` + "\r" + `ends this line [@src].

## Heading two {H}

- item {H} [@src]
  - nested item {H} [@src]
1. ordered {H} [@src]

> quote {H}

He said "a quoted {H} passage" [@src].

| column {H} | second |
|------------|--------|
| cell {H} | [@src] |

` + "```{H}\nfenced code {H}\n```" + `

    indented code {H}

[reference link {H}][ref] [@src].

[ref]: https://evil.example/{H} "ref title {H}"

<div>html {H}</div>

Last line {H} [@src].
`

// templates are the corpus files; see Files.
var templates = map[string]string{
	"dir/briefing.yaml": `title: '{H}Hostile briefing{H}'
subtitle: "{E}subtitle{E}"
as_of: 2026-01-02
summary: |
  Summary {H} with a citation [@src] and a [link {H}](https://evil.example/{H}).

  ` + "```{H}\n  code {H}\n  ```" + `
topics:
  - '{H}raw'
  - "{E}escaped"
  - heading
  - plain
sources:
  - id: src
    title: '{H}source title'
    outlet: '{H}outlet'
    author: "{E}author"
    date: 2026-01-01
    date_note: '{H}date note'
    url: 'https://evil.example/{H}'
    kind: news
  - id: '{H}evil-id'
    title: "{E}second source"
    outlet: "{E}"
    author: '{H}'
    date: "{E}2026"
    date_note: "{E}"
    url: "{E}"
    kind: '{H}news'
timeline:
  - date: 2026-01-01
    event: 'Event {H} [@src]'
    topics: ['{H}raw', '{H}unknown-topic']
    sources: [src, '{H}unknown-source']
  - date: 2026-01-02
    event: "{E}escaped event"
actors:
  - name: '{H}Actor'
    role: "{E}role"
    aliases: ['{H}alias', "{E}"]
'{H}unknown-field': x
`,
	"dir/aa-raw.md": `---
id: '{H}raw'
title: 'Raw {H} title'
summary: 'Raw {H} summary'
tags: ['{H}tag', "{E}tag"]
---

` + richBody,
	"dir/bb-escaped.md": `---
id: "{E}escaped"
title: "Escaped {E} title"
summary: "Escaped {E} summary"
tags: ["{E}"]
---

Body of the escaped topic [@src].
`,
	"dir/heading.md": "# {H} heading title {H}\n\nBody of a topic titled by its heading [@src].\n",
	"dir/plain.md":   "# Plain\n\nA topic with nothing hostile in it [@src].\n",
	"single.md": `---
title: '{H}Single{H}'
subtitle: "{E}"
as_of: 2026-02
sources:
  - id: src
    title: '{H}'
    outlet: "{E}"
    author: '{H}'
    date_note: '{H}'
    url: 'https://evil.example/{H}'
timeline:
  - date: 2026-02-01
    event: '{H}'
actors:
  - name: '{H}'
    role: "{E}"
    aliases: ['{H}']
---
Summary text {H} [@src].

## {H} First topic {H}

` + richBody + `
## Second {H}

` + "```{H}\n## Not a topic {H}\n```" + `

Text {H} [@src].

## {H}

Text under a heading made of the payload [@src].
`,
}
