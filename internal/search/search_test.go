package search

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"brief/briefing"
)

var testActors = []briefing.Actor{
	{Name: "Volodymyr Zelenskyy", Aliases: []string{"Zelensky", "Zelenskiy", "Зеленський"}},
	{Name: "Recep Tayyip Erdoğan", Aliases: []string{"Erdogan"}},
	{Name: "NATO"},
	{Name: "United States", Aliases: []string{"US", "U.S.", "Washington", "American side"}},
	{Name: "United Kingdom", Aliases: []string{"UK", "U.K.", "Britain"}},
	{Name: "European Union", Aliases: []string{"EU"}},
}

// spans returns the text of each range, which reads better in a failure
// than offsets.
func spans(text string, rs []Range) []string {
	var out []string
	for _, r := range rs {
		out = append(out, text[r.Start:r.End])
	}
	return out
}

func TestFindAll(t *testing.T) {
	tests := []struct {
		name  string
		query string
		text  string
		want  []string
	}{
		{"lower case ignores case", "moscow", "Moscow, MOSCOW and moscow", []string{"Moscow", "MOSCOW", "moscow"}},
		{"upper case is exact", "Moscow", "Moscow, MOSCOW and moscow", []string{"Moscow"}},
		{"exact case inside a failed candidate", "Aa", "aAa", []string{"Aa"}},
		{"exact case beyond ASCII", "Жук", "жук Жук ЖУК", []string{"Жук"}},
		{"lower case beyond ASCII", "жук", "жук Жук ЖУК", []string{"жук", "Жук", "ЖУК"}},
		{"accents ignored in the text", "orban", "Viktor Orbán said", []string{"Orbán"}},
		{"accents ignored in the query", "orbán", "Viktor Orban said", []string{"Orban"}},
		{"accents with exact case", "Erdogan", "Erdoğan and erdoğan", []string{"Erdoğan"}},
		{"decomposed accents", "orban", "Orba\u0301n", []string{"Orba\u0301n"}},
		{"trailing mark kept with its letter", "orba", "Orba\u0301n", []string{"Orba\u0301"}},
		{"letters without decomposition", "sikorski lodz strasse", "Sikorski Łódź Straße", []string{"Sikorski Łódź Straße"}},
		{"phrase across a line break", "security guarantees", "the security\n   guarantees were", []string{"security\n   guarantees"}},
		{"phrase across tab and no-break space", "security guarantees", "security\t\u00a0guarantees", []string{"security\t\u00a0guarantees"}},
		{"spaces in the query collapse", "security   guarantees", "security guarantees", []string{"security guarantees"}},
		{"phrase does not match inside a word", "cat dog", "catdog", nil},
		{"dot is literal", "a.b", "axb a.b", []string{"a.b"}},
		{"regex specials are literal", "(1+1)*2 [x]", "is (1+1)*2 [x]?", []string{"(1+1)*2 [x]"}},
		{"backslash is literal", `\d+`, `12 \d+`, []string{`\d+`}},
		{"no overlap", "aa", "aaaaa", []string{"aa", "aa"}},
		{"folded matches may not share a rune", "ea", "æææ", []string{"ææ"}},
		{"invalid UTF-8 in the text", "b", "a\xffb\xc3", []string{"b"}},
		{"invalid UTF-8 in the query", "\xff", "a\xffb", []string{"\xff"}},
		{"empty query", "", "anything", nil},
		{"blank query", " \t", "any thing", nil},
		{"marks only", "\u0301", "e\u0301", nil},
		{"empty text", "x", "", nil},
		{"alias of an actor", "zelensky", "Zelenskyy, Zelenskiy and Зеленський", []string{"Zelensky", "Zelenskiy", "Зеленський"}},
		{"alias by its name", "Volodymyr Zelenskyy", "Zelensky met Volodymyr Zelenskyy", []string{"Zelensky", "Volodymyr Zelenskyy"}},
		{"alias with accents", "erdogan", "Erdoğan, Recep Tayyip Erdoğan", []string{"Erdoğan", "Recep Tayyip Erdoğan"}},
		{"no alias for a prefix", "zelen", "Zelenskiy", []string{"Zelen"}},
		{"aliases match whole words", "washington", "Washington must tell Russia, the US and U.S. officials; the United States, us",
			[]string{"Washington", "US", "U.S.", "United States"}},
		{"an acronym alias keeps its case", "washington", "US, Us, us, USA", []string{"US"}},
		{"alias not inside a word", "britain", "Ukrainian, UK-based, Britain's", []string{"UK", "Britain"}},
		{"short alias not inside a word", "european union", "Reuters, the EU, eu, European Union", []string{"EU", "European Union"}},
		{"alias with a mark, not inside a word", "britain", "UKé and UK\u0301", []string{"UK\u0301"}},
		{"alias bounded by non-ASCII letters", "britain", "ÉUK, UKé, «UK»", []string{"UK"}},
		{"the query as typed stays a substring", "us", "must, Russia, US", []string{"us", "us", "US"}},
		{"alias spelled as the query keeps substring", "zelensk", "Zelenskiy", []string{"Zelensk"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := Compile(tt.query, testActors)
			got := spans(tt.text, q.FindAll(tt.text))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Compile(%q).FindAll(%q) = %q, want %q", tt.query, tt.text, got, tt.want)
			}
		})
	}
}

func TestCompileAliases(t *testing.T) {
	tests := []struct {
		query     string
		wantActor string
		wantAlts  []string
		wantExact bool
	}{
		{"zelensky", "Volodymyr Zelenskyy", []string{"Volodymyr Zelenskyy", "Zelenskiy", "Зеленський"}, false},
		{" Zelenskiy ", "Volodymyr Zelenskyy", []string{"Volodymyr Zelenskyy", "Zelensky", "Зеленський"}, true},
		{"ZELENSKIY", "", nil, true},
		{"зеленський", "Volodymyr Zelenskyy", []string{"Volodymyr Zelenskyy", "Zelensky", "Zelenskiy"}, false},
		{"Erdogan", "Recep Tayyip Erdoğan", []string{"Recep Tayyip Erdoğan"}, true},
		{"nato", "NATO", nil, false},
		{"zelenskyy said", "", nil, false},
		{"", "", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			q := Compile(tt.query, testActors)
			if q.Actor() != tt.wantActor || !slices.Equal(q.Alternatives(), tt.wantAlts) || q.CaseSensitive() != tt.wantExact {
				t.Errorf("Compile(%q): actor %q, alternatives %q, exact %v; want %q, %q, %v",
					tt.query, q.Actor(), q.Alternatives(), q.CaseSensitive(), tt.wantActor, tt.wantAlts, tt.wantExact)
			}
		})
	}
}

// TestAliasExactCase checks that an upper-case query keeps exact case for
// the other spellings too.
func TestAliasExactCase(t *testing.T) {
	text := "Zelenskiy, zelenskiy, Zelensky"
	got := spans(text, Compile("Zelensky", testActors).FindAll(text))
	if want := []string{"Zelenskiy", "Zelensky"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct {
		name, md, want string
	}{
		{"heading", "## Security *guarantees*", "Security guarantees"},
		{"emphasis", "**bold** and _it_ and `code` and ~~gone~~", "bold and it and code and gone"},
		{"intraword underscore and lone star", "snake_case and 2 * 3", "snake_case and 2 * 3"},
		{"link", "see [the text](https://x.example/a) now", "see the text now"},
		{"image", "![a map](map.png)", "a map"},
		{"citation numbered", "said so [@reuters-1; @ap-2].", "said so [1–2]."},
		{"citation with locator", "[see @ap-2, p. 3] and [@ap-2; @nope]", "[see 2, p. 3] and [2, ?nope]"},
		{"citation over a line break", "a [@ap-2;\n@reuters-1] b\nc", "a [1–2]\nb\nc"},
		{"excerpts left out", `said [@ap-2, "the passage; ] @x"; @reuters-1, “more”] so`, "said [1–2] so"},
		{"excerpt over a line break", "a [@ap-2, \"one\ntwo\"] b\nc", "a [2]\nb\nc"},
		{"escaped citation stays", `\[@ap-2]`, "[@ap-2]"},
		{"nested brackets", "[[@ap-2]]", "[[2]]"},
		{"citation in code stays", "`[@ap-2]` and ``x ` [@ap-2]`` but [@ap-2] `", "[@ap-2] and x  [@ap-2] but [2] "},
		{"image is no citation", "![@ap-2] x", "[@ap-2] x"},
		{"lists and quotes", "- one\n  * two\n> quoted\n1. three", "one\ntwo\nquoted\n1. three"},
		{"table", "| a | b |\n|---|:-:|\n| c | d |", "  a   b  \n\n  c   d  "},
		{"fence keeps code", "```go\nx := *p\n```", "\nx := *p\n"},
		{"escapes", `\*not emphasis\*`, "*not emphasis*"},
		{"controls replaced", "a\x1b[31mb\u202ec\x9bd", "a\u241b[31mb\ufffdc\ufffdd"},
		{"line count kept", "a\r\n\r\nb", "a\n\nb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := plainText(tt.md, map[string]int{"reuters-1": 1, "ap-2": 2}); got != tt.want {
				t.Errorf("plainText(%q) = %q, want %q", tt.md, got, tt.want)
			}
		})
	}
}

func testBriefing() *briefing.Briefing {
	return &briefing.Briefing{
		Actors: testActors,
		Topics: []*briefing.Topic{
			{ID: "talks", BodyPos: briefing.Pos{File: "talks.md", Line: 5}, Body: "Intro.\n\nZelensky met **security**\nguarantees envoys.\n\n| Who | Said |\n|---|---|\n| Zelenskiy | no |"},
			{ID: "empty", Body: "Nothing here."},
			{ID: "aid", Body: "Zelenskyy asked for aid. Zelensky again."},
		},
		Timeline: []briefing.Event{
			{Text: "Zelensky visits Washington.", Pos: briefing.Pos{File: "briefing.yaml", Line: 40}},
		},
	}
}

func TestIndexSearch(t *testing.T) {
	ix := NewIndex(testBriefing())
	q := Compile("zelensky", testActors)
	got := ix.Search(q)
	type row struct {
		topic      string
		event, n   int
		line       int
		text, file string
	}
	var rows []row
	for _, m := range got {
		d := ix.Doc(m.Doc)
		rows = append(rows, row{m.Topic, m.Event, m.N, m.Line, d.Text[m.Start:m.End], d.File})
	}
	want := []row{
		{"talks", -1, 0, 7, "Zelensky", "talks.md"},
		{"talks", -1, 1, 12, "Zelenskiy", "talks.md"},
		{"aid", -1, 0, 1, "Zelensky", ""},
		{"aid", -1, 1, 1, "Zelensky", ""},
		{"", 0, 0, 40, "Zelensky", "briefing.yaml"},
	}
	if !slices.Equal(rows, want) {
		t.Errorf("Search:\n got %v\nwant %v", rows, want)
	}

	c := ix.Count(q)
	if c.Total != 5 || c.Timeline != 1 || c.ByTopic["talks"] != 2 || c.ByTopic["aid"] != 2 || c.Places() != 3 {
		t.Errorf("Count = %+v, Places %d", c, c.Places())
	}
}

func TestIndexPhraseOverMarkup(t *testing.T) {
	ix := NewIndex(testBriefing())
	ms := ix.Search(Compile("met security guarantees", nil))
	if len(ms) != 1 || ms[0].Topic != "talks" || ms[0].Line != 7 {
		t.Fatalf("Search = %+v, want one match in talks at line 7", ms)
	}
	s, hl := ix.Snippet(ms[0], 0)
	if want := "Zelensky met security guarantees envoys."; s != want {
		t.Errorf("snippet %q, want %q", s, want)
	}
	if s[hl.Start:hl.End] != "met security guarantees" {
		t.Errorf("highlight %q", s[hl.Start:hl.End])
	}
}

func TestSnippetCut(t *testing.T) {
	long := strings.Repeat("word ", 100) + "Zelensky" + strings.Repeat(" more", 100)
	ix := NewIndex(&briefing.Briefing{Topics: []*briefing.Topic{{ID: "t", Body: long}}})
	ms := ix.Search(Compile("zelensky", nil))
	if len(ms) != 1 {
		t.Fatalf("got %d matches", len(ms))
	}
	s, hl := ix.Snippet(ms[0], 60)
	if !strings.HasPrefix(s, "…") || !strings.HasSuffix(s, "…") || len(s) > 60+2*len("…") {
		t.Errorf("snippet %q not cut to 60 bytes with ellipses", s)
	}
	if s[hl.Start:hl.End] != "Zelensky" {
		t.Errorf("highlight %q", s[hl.Start:hl.End])
	}
	if !utf8.ValidString(s) {
		t.Errorf("snippet not UTF-8: %q", s)
	}
}

// TestAppendSnippet checks that AppendSnippet appends what Snippet
// returns, sanitized before, in and after the match, as brief search
// prints it, in texts with tabs, line breaks, cut lines and, in an index
// made by hand, control characters.
func TestAppendSnippet(t *testing.T) {
	long := strings.Repeat("wörd\t", 40) + "Zelensky\nsaid" + strings.Repeat(" more", 40)
	b := &briefing.Briefing{Topics: []*briefing.Topic{{ID: "t", Body: long + "\n\n\tZelensky\nZelensky x"}}}
	ix := NewIndex(b)
	raw := "a\x1b[2J Zel\x9bensky\tb\u202e Zelensky \xff"
	ix.docs = append(ix.docs, indexDoc{Doc: Doc{Topic: "raw", Event: -1, Text: raw}, fold: foldText(raw, true), lines: lineStarts(raw)})
	ix.parts = partition(ix.docs, 1)
	n := 0
	for _, q := range []string{"zelensky", "zelensky said", "w", "zel", "b"} {
		for _, m := range ix.Search(Compile(q, nil)) {
			for _, width := range []int{0, 12, 60} {
				text, hl := ix.Snippet(m, width)
				want := briefing.Sanitize(text[:hl.Start]) + "|" + briefing.Sanitize(text[hl.Start:hl.End]) + "|" + briefing.Sanitize(text[hl.End:])
				got, ghl := ix.AppendSnippet([]byte("x:1: "), m, width)
				g := string(got[5:])
				if !strings.HasPrefix(string(got), "x:1: ") || g[:ghl.Start]+"|"+g[ghl.Start:ghl.End]+"|"+g[ghl.End:] != want {
					t.Errorf("%q, width %d: AppendSnippet %q %v, want %q", q, width, got, ghl, want)
				}
				n++
			}
		}
	}
	if n < 30 {
		t.Errorf("only %d snippets", n)
	}
}

func TestIndexEmptyQuery(t *testing.T) {
	ix := NewIndex(testBriefing())
	if ms := ix.Search(Compile("", nil)); ms != nil {
		t.Errorf("Search(empty) = %v", ms)
	}
	if c := ix.Count(Compile("", nil)); c.Total != 0 || c.Places() != 0 {
		t.Errorf("Count(empty) = %+v", c)
	}
	if ms := NewIndex(&briefing.Briefing{}).Search(Compile("x", nil)); ms != nil {
		t.Errorf("Search on an empty briefing = %v", ms)
	}
}

// TestIndexParallel checks that a briefing large enough to be split across
// workers gives the same matches, in order, as each topic alone.
func TestIndexParallel(t *testing.T) {
	b := &briefing.Briefing{}
	for i := range 200 {
		b.Topics = append(b.Topics, &briefing.Topic{ID: string(rune('a'+i%26)) + strings.Repeat("x", i), Body: strings.Repeat("lorem ipsum Zelenskiy dolor\n", 200)})
	}
	ix := NewIndex(b)
	if len(ix.parts) < 2 && workers() > 1 {
		t.Fatalf("index of %d topics not split: %v", len(b.Topics), ix.parts)
	}
	q := Compile("zelensky", testActors)
	ms := ix.Search(q)
	if len(ms) != 200*200 {
		t.Fatalf("got %d matches, want %d", len(ms), 200*200)
	}
	for i, m := range ms {
		if m.Doc != i/200 || m.N != i%200 || m.Line != 1+i%200 {
			t.Fatalf("match %d = %+v", i, m)
		}
	}
	if c := ix.Count(q); c.Total != len(ms) || c.Places() != 200 {
		t.Errorf("Count = %d in %d places", c.Total, c.Places())
	}
}

func TestCountFolded(t *testing.T) {
	long := strings.Repeat("the other then, theme; thththe ", 50)
	tests := []struct{ s, needle string }{
		{"", "th"},
		{"t", "th"},
		{"th", "th"},
		{"aaaaaaaaaaaaaaaaaaaaa", "aa"},
		{"aaaaaaaaaaaaaaaaaaaaa", "aaa"},
		{"  x  x   x", "  "},
		{long, "th"},
		{long, "the "},
		{long, "thth"},
		{long + "t", "th"},
		{"eeeeeeeeXeeeeeeee", "ee"},
		{"zebra zebra", "ze"},
	}
	for _, tt := range tests {
		if got, want := countFolded(tt.s, tt.needle), strings.Count(tt.s, tt.needle); got != want {
			t.Errorf("countFolded(%.20q, %q) = %d, want %d", tt.s, tt.needle, got, want)
		}
	}
}

// findReference is findFolded without derived needles: one pass per
// spelling, then the same merge.
func findReference(q Query, text string) []Range {
	f := foldText(text, true)
	var all []Range
	for _, n := range q.needles {
		all = q.findNeedle(n, &f, text, all, nil, false)
	}
	return mergeMatches(all, nil)
}

func TestDerivedNeedles(t *testing.T) {
	actors := []briefing.Actor{
		{Name: "Volodymyr Zelenskyy", Aliases: []string{"Zelensky", "Zelenskiy", "Zelenskyy", "Volodymyr Zelensky", "ZELENSKY"}},
		{Name: "aa", Aliases: []string{"aaa", "a", "baab", "Erdoğan", "Erdogan"}},
	}
	text := "Volodymyr Zelenskyy, zelenskyy; Zelensky-Zelenskiy ZELENSKY volodymyr zelensky " +
		"aaaa baab abaaba Erdogan Erdoğan æaæ"
	for _, query := range []string{"zelensky", "Zelensky", "ZELENSKY", "Volodymyr Zelensky", "aa", "a", "baab", "erdogan"} {
		q := Compile(query, actors)
		if q.Actor() == "" {
			t.Fatalf("%q names no actor", query)
		}
		got, want := q.FindAll(text), findReference(q, text)
		if !slices.Equal(got, want) {
			t.Errorf("%q: got %q, want %q", query, spans(text, got), spans(text, want))
		}
	}
	if n := len(Compile("erdogan", actors).needles); n != 5 {
		t.Errorf("erdogan: %d needles, want 5 (Erdoğan and Erdogan are one)", n)
	}
}

// TestFoldTables compares the fold tables with folding each rune the
// plain way: full canonical decomposition, marks dropped, then lower case.
func TestFoldTables(t *testing.T) {
	foldOnce.Do(buildFoldTables)
	for r := rune(0); r < tableSize; r++ {
		var want string
		switch {
		case r < utf8.RuneSelf:
			want = string(r)
		case foldSpecial[r] != "":
			want = foldSpecial[r]
		case unicode.Is(unicode.Mn, r):
		default:
			var b strings.Builder
			for _, d := range norm.NFD.String(string(r)) {
				if !unicode.Is(unicode.Mn, d) {
					b.WriteRune(d)
				}
			}
			want = b.String()
		}
		if foldTab[0][r] != want || foldTab[1][r] != strings.ToLower(want) {
			t.Errorf("%U %q folds to %q and %q, want %q and %q", r, r, foldTab[0][r], foldTab[1][r], want, strings.ToLower(want))
		}
	}
}

// TestIndexExcerpts checks that the excerpts of citations are searched,
// each a text of its own placed at its citation's marker: in reading
// order among the matches of the text, counted with its topic (or the
// timeline), with the line and column of its opening quotation mark and
// its marker; and that a citation written in code has none.
func TestIndexExcerpts(t *testing.T) {
	b := &briefing.Briefing{
		Actors:  testActors,
		Sources: []briefing.Source{{ID: "a"}, {ID: "b"}},
		Topics: []*briefing.Topic{
			{ID: "talks", BodyPos: briefing.Pos{File: "talks.md", Line: 5, Col: 1}, Body: "The draft [@a, \"a draft by Zelenskiy\"] and the draft.\n" +
				"More [@a; @b, \"one\n   more draft\"]. Code `[@a, \"draft\"]`."},
			{ID: "none", Body: "No draft."},
		},
		Timeline: []briefing.Event{
			{Text: "Zelensky [@b, \"a draft\"].", Pos: briefing.Pos{File: "briefing.yaml", Line: 40, Col: 5}},
		},
	}
	ix := NewIndex(b)
	q := Compile("draft", nil)
	type row struct {
		topic         string
		n, line       int
		marker        string
		col           int
		text, snippet string
	}
	var rows []row
	for _, m := range ix.Search(q) {
		d := ix.Doc(m.Doc)
		snip, _ := ix.Snippet(m, 0)
		r := row{topic: m.Topic, n: m.N, line: m.Line, snippet: snip}
		if ex, ok := ix.Excerpt(m); ok {
			r.marker, r.col = ex.Marker, ex.Col
		}
		r.text = d.Text[m.Start:m.End]
		rows = append(rows, r)
	}
	// Plain text keeps the lines: the group's marker takes its two.
	want := []row{
		{"talks", 0, 5, "", 0, "draft", "The draft [1] and the draft."},
		{"talks", 1, 5, "[1]", 16, "draft", "a draft by Zelenskiy"},
		{"talks", 2, 5, "", 0, "draft", "The draft [1] and the draft."},
		{"talks", 3, 6, "[1–2]", 15, "draft", "one more draft"},
		{"talks", 4, 7, "", 0, "draft", ". Code [@a, \"draft\"]."},
		{"none", 0, 1, "", 0, "draft", "No draft."},
		{"", 0, 40, "[2]", 5, "draft", "a draft"},
	}
	if !slices.Equal(rows, want) {
		t.Errorf("Search:\n got %v\nwant %v", rows, want)
	}
	c := ix.Count(q)
	if c.Total != len(want) || c.ByTopic["talks"] != 5 || c.Timeline != 1 {
		t.Errorf("Count = %+v, want the %d matches of Search", c, len(want))
	}
	// The alias rules hold in an excerpt as in the text.
	got := ix.TopicExcerpts("talks", Compile("zelensky", testActors))
	if ex, _ := ix.Excerpt(got[0]); len(got) != 1 || ex.Cite != 0 {
		t.Errorf("TopicExcerpts(zelensky) = %+v", got)
	}
	got = ix.TopicExcerpts("talks", q)
	if ex, _ := ix.Excerpt(got[1]); len(got) != 2 || ex.Cite != 1 || ex.N != 1 || got[1].N != 1 {
		t.Errorf("TopicExcerpts(draft) = %+v", got)
	}
	// Each excerpt is searched on its own: no phrase runs from one into
	// the next, and a query's leading space finds no start of one.
	for _, text := range []string{"zelenskiy one", "zelenskiy\none", " one", "draft one"} {
		if got := ix.TopicExcerpts("talks", Compile(text, nil)); len(got) != 0 {
			t.Errorf("%q matches across excerpts: %+v", text, got)
		}
	}
}
