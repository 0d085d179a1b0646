package search_test

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"brief/briefing"
	"brief/internal/search"
	"brief/internal/testkit/hostile"
	"brief/internal/testkit/synth"
	"brief/internal/testkit/testcorpus"
)

// searchResult renders every match of q in ix with what brief search
// prints of it: place, file, line, for an excerpt its column and marker,
// and snippets, whole and cut, with the match's range in them. (Ranges in
// the texts of the index differ: the index for one query holds only
// parts of them.)
func searchResult(ix *search.Index, q search.Query) []string {
	var out []string
	for _, m := range ix.Search(q) {
		s0, h0 := ix.Snippet(m, 0)
		s1, h1 := ix.Snippet(m, 40)
		d := ix.Doc(m.Doc)
		ex := ""
		if e, ok := ix.Excerpt(m); ok {
			ex = fmt.Sprintf("excerpt %d:%d of %s", e.Line, e.Col, e.Marker)
		}
		out = append(out, fmt.Sprintf("%s|%d|%s|%d|%s|%q|%v|%q|%v",
			m.Topic, m.Event, d.File, m.Line, ex, s0, h0, s1, h1))
	}
	return out
}

// compareFast checks that NewIndexFor finds what NewIndex finds for each
// query, and returns how many queries had a match.
func compareFast(t *testing.T, b *briefing.Briefing, queries []string) int {
	t.Helper()
	full := search.NewIndex(b)
	hits := 0
	for _, text := range queries {
		q := search.Compile(text, b.Actors)
		want := searchResult(full, q)
		got := searchResult(search.NewIndexFor(b, q), q)
		if !slices.Equal(got, want) {
			t.Errorf("query %q: NewIndexFor finds %d matches, NewIndex %d; first difference:\n%s",
				text, len(got), len(want), firstDiff(got, want))
			continue
		}
		if len(want) > 0 {
			hits++
		}
	}
	return hits
}

func firstDiff(got, want []string) string {
	for i := range max(len(got), len(want)) {
		g, w := "(none)", "(none)"
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			return "got  " + g + "\nwant " + w
		}
	}
	return ""
}

// fixedQueries are the hard cases: words split by markup, phrases over
// line breaks, accents, aliases, case, characters special elsewhere.
var fixedQueries = []string{
	"zelensky", "Zelensky", "ZELENSKY", "zelenskyy", "Zelenskiy", "Volodymyr Zelensky",
	"kraków", "krakow", "Kraków", "KRAKOW", "łódź", "lodz", "Genève", "geneve", "strasse", "straße",
	"security guarantees", "Security Guarantees", "security  guarantees", "guarantees for",
	"the", "a", "e", "th", "and the", "of the", "2026", "billion", "$500 billion",
	"src-063", "[@src", "@src-0", "**", "*", "_", "`", "](", "a.b", "(.*)", "^$", "\\d+", "|", "--",
	"sanctions vote", "vote in", "told reporters", "erdogan", "Erdoğan",
	"novoross", "ceasefire", "Ceasefire", "donetsk", "timeline", "orbán", "orban",
	"ǅ", "ß", "æ", "ss", "ae", "oe", "x", "q", "z", "zz", "ﬁ", "İ", "ı",
}

// queriesFrom picks queries out of b's own texts: pieces of the Markdown
// as written (markup included) and of the plain text (so markup-split
// words such as **Zel**ensky appear whole), each also in upper case and
// with its first letter capitalised, and every actor spelling.
func queriesFrom(b *briefing.Briefing, r *rand.Rand, n int) []string {
	var texts []string
	for _, tp := range b.Topics {
		texts = append(texts, tp.Body)
	}
	for _, e := range b.Timeline {
		texts = append(texts, e.Text)
	}
	ix := search.NewIndex(b)
	for i := range ix.Len() {
		texts = append(texts, ix.Doc(i).Text)
	}
	qs := slices.Clone(fixedQueries)
	for _, a := range b.Actors {
		qs = append(qs, a.Name, strings.ToLower(a.Name))
		for _, s := range a.Aliases {
			qs = append(qs, s, strings.ToLower(s), strings.ToUpper(s))
		}
	}
	if len(texts) == 0 {
		return qs
	}
	for range n {
		s := texts[r.IntN(len(texts))]
		if s == "" {
			continue
		}
		i := r.IntN(len(s))
		j := min(len(s), i+1+r.IntN(24))
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		for j < len(s) && !utf8.RuneStart(s[j]) {
			j++
		}
		q := s[i:j]
		if strings.TrimSpace(q) == "" {
			continue
		}
		qs = append(qs, q, strings.ToLower(q), strings.ToUpper(q))
	}
	return qs
}

// corpus returns every briefing the repository keeps for tests, loaded as
// brief search loads them.
func corpus(t *testing.T) map[string]*briefing.Briefing {
	t.Helper()
	paths := testcorpus.Paths(t, "../..")
	dir, single := hostile.Copy(t)
	paths = append(paths, dir, single)
	for _, topics := range []int{3, 40} {
		d := filepath.Join(t.TempDir(), fmt.Sprint("synth", topics))
		if err := synth.Generate(d, topics, int64(topics)*6000, int64(topics)); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, d)
	}
	bs := map[string]*briefing.Briefing{}
	for _, p := range paths {
		b, err := briefing.LoadWith(p, briefing.LoadOptions{SkipCitations: true})
		if err != nil {
			continue // nothing to search
		}
		bs[p] = b
	}
	if len(bs) < 10 {
		t.Fatalf("only %d briefings loaded", len(bs))
	}
	return bs
}

// TestNewIndexForMatchesNewIndex runs many queries over every test
// briefing with both indexes and expects the same matches and snippets.
func TestNewIndexForMatchesNewIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for p, b := range corpus(t) {
		t.Run(p, func(t *testing.T) {
			qs := queriesFrom(b, r, 300)
			hits := compareFast(t, b, qs)
			// Queries cut from the briefing's own text must mostly match,
			// or the comparison proves little.
			if len(b.Topics)+len(b.Timeline) > 0 && hits < len(qs)/4 {
				t.Errorf("only %d of %d queries match", hits, len(qs))
			}
		})
	}
}

// TestNewIndexForExcerpts runs queries cut from the excerpts of every
// test briefing with both indexes, and expects the same matches, excerpts
// with their markers and columns, in the same order.
func TestNewIndexForExcerpts(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	excerpts := 0
	for p, b := range corpus(t) {
		ix := search.NewIndex(b)
		var qs []string
		for i := range ix.Len() {
			d := ix.Doc(i)
			if !d.Excerpts {
				continue
			}
			for line := range strings.Lines(d.Text) {
				excerpts++
				ws := strings.Fields(line)
				k := r.IntN(len(ws))
				qs = append(qs, ws[k], strings.Join(ws[k:min(len(ws), k+2)], " "))
			}
		}
		if len(qs) > 200 {
			qs = qs[:200]
		}
		t.Run(p, func(t *testing.T) {
			if hits := compareFast(t, b, qs); hits < len(qs)/2 {
				t.Errorf("only %d of %d queries match", hits, len(qs))
			}
		})
	}
	if excerpts < 100 {
		t.Errorf("only %d excerpts in the test briefings", excerpts)
	}
}

// TestNewIndexForSkips checks that the index for one query leaves out
// text without a match, and keeps what has one, on a synthetic briefing.
func TestNewIndexForSkips(t *testing.T) {
	d := t.TempDir()
	if err := synth.Generate(d, 40, 40*20000, 7); err != nil {
		t.Fatal(err)
	}
	b, err := briefing.LoadWith(d, briefing.LoadOptions{SkipCitations: true})
	if err != nil {
		t.Fatal(err)
	}
	size := func(ix *search.Index) int {
		n := 0
		for i := range ix.Len() {
			n += len(ix.Doc(i).Text)
		}
		return n
	}
	all := size(search.NewIndex(b))
	for _, tc := range []struct {
		query      string
		atMost     int // per cent of the text
		wantSearch bool
	}{
		{"security guarantees", 15, true}, // in 3 of 120 texts
		{"qqqxqqq", 0, false},
		{"zelensky", 40, true}, // in every topic, every 1.4 KB
		{"Kraków", 40, true},
	} {
		q := search.Compile(tc.query, b.Actors)
		ix := search.NewIndexFor(b, q)
		t.Logf("%q: %d of %d bytes indexed", tc.query, size(ix), all)
		if got := size(ix); got*100 > all*tc.atMost {
			t.Errorf("%q: %d of %d bytes indexed, want at most %d%%", tc.query, got, all, tc.atMost)
		}
		if got := len(ix.Search(q)) > 0; got != tc.wantSearch {
			t.Errorf("%q: found matches %v, want %v", tc.query, got, tc.wantSearch)
		}
	}
}

// TestNewIndexForMarkup covers what plain text removes between letters
// and what folding turns into letters, one topic at a time.
func TestNewIndexForMarkup(t *testing.T) {
	bodies := []string{
		"**Zel**ensky said", "Zel*ens*ky", "Ze`l`ensky", "Zel_ensky", "Zel~~en~~sky", "[Zel](http://x)ensky",
		"![Zel](img.png)ensky", "Zel[ens](a(b)ky", "Zel\\*ensky", "Zel\\ensky", "Zelen\u0301sky", "Zélénský",
		"ZELENSKY", "zelen\nsky", "zelen sky", "Zelen|sky", "> Zelensky", "# Zelensky #", "- [x] Zelensky",
		"```\nZel**ensky\n```", "~~~\nZelensky", "| Zel | ensky |\n|---|---|", "Zelen\x1bsky", "Zelen\u200bsky",
		"Straße", "STRASSE", "strasse", "Æsir", "aesir", "ﬁnal", "final", "Łódź", "lodz", "Kraków", "Krakow",
		"security\n\nguarantees", "security **guarantees**", "security\tguarantees", "se*cu*rity guar[an](x)tees",
		"İstanbul", "istanbul", "Istanbul", "ǅemal", "dzemal", "Dž", "\xffzelensky", "zelensky\xff",
		"Zelensk[y]", "Zelensk[y](x)", "Zelen[@s]sky", "Zelen](x)sky", "Zelen](x\n)sky",
		// Matches over several lines, some of them empty in plain text.
		"security\n\n\n\nguarantees", "security\n|---|---|\nguarantees", "security\n```\nguarantees\n```",
		"security\n**\n\n`` \n> \n#\nguarantees", "Volodymyr\n**\nZelensky", "a\nb\nc\nd\ne\nf\ng\nzelensky",
		"a b\nc d\ne f\ng zelensky security\nguarantees", "Zelensky\nsecurity\n\nguarantees\nh i j k",
		"```\n" + strings.Repeat("filler line\n", 80) + "**Zel**ensky\n```\n**Zel**ensky",
		"~~~\n```\n**Zel**ensky\n~~~\n**Zel**ensky", "    ```\nZel**ensky\n ```x\nZel**ensky",
		"Zelensky\n" + strings.Repeat("\u0301\n", 30) + "security guarantees",
		"Zelen\u0301\u0301\nsky\n\u00e9\u00e9\nZelensky Zelensky Zelenskiy\nZelenskyy",
		// Letters that plain text deletes, just before or after a
		// match's anchor or in the lines around it.
		"a [b](ccccccccccccccccccccccccc) security\nguarantees", "security [g](uarantees-x-y-z-w)\nguarantees",
		"- [x] x security\nguarantees", "- [x] [x] security\nguarantees", "```zzzzzzzzzzzzzzzzzzzzzzz\nsecurity\n```\nguarantees",
		"security\n```zzzzzzzzzzzzzzzzzzzzzzz\nguarantees\n```", "lorem [Zel](x)ensky security\nguarantees",
		"Zelensky [a](b)\nsecurity guarantees", "[Volodymyr](x)\nZelenskyy", "Volodymyr [x](y)\n[x] Zelenskyy",
		// The second anchor of a spelling, looked for around the first.
		"Volodymyr\n" + strings.Repeat("x\n", 30) + "Zelenskyy", "Volodymyr Źelenskyy", "\u1e7dolodymyr Zelenskyy",
		"VOLODYMYR\nZELENSKYY", "Volodymyr\n\nZelen**skyy", "Volo**dymyr**\nZelenskyy", "Zelenskyy\nVolodymyr Zelenskyy",
		"lorem ipsum dolor sit amet Zelensky security\nguarantees", "Zelensky said so at length to Volodymyr\nZelensky",
		"[Z](x)elensky", "Z**elensky", "Z~~elensky~~", "K`rakow`",
		// Letters from runes above the fold table: the Kelvin sign.
		"\u212araków", "Zelens\u212ay",
		// Lines that weigh less than their bytes: spaces, accents.
		"a\nb" + strings.Repeat(" ", 40) + "c\nd e f g h i j\nzelensky",
		"e\n" + strings.Repeat("\u1ebf ", 15) + "\nzelensky",
		// Citations, which plain text numbers as the reader does, some
		// over line breaks.
		"Zelensky [@s] security\nguarantees", "security [@a;\n@s] guarantees", "x [see @s,\np. 3] Zelensky",
		"[@a;\n@s;\n@zz] zelensky", "[cf.\nsee @s] zelensky", "[@s;\n@a]\n[@a;\n@s] security\nguarantees [@s]",
		"Zelensky [@a, p.\n3]\nsecurity", "[@sssssssssssssssssssssssssssssssss] security\nguarantees",
		// Excerpts, which plain text leaves out with the rest of a group.
		"Zelensky [@s, \"security guarantees ; ] @a\"] said", "[@a, \"Zelensky\nsecurity\"] guarantees",
		"security [@s, “guarantees] ”;\n@a, \"Zel\"ensky\"] guarantees", "Zel [@s, \"open] ensky \"x\"]",
	}
	queries := []string{
		"zelensky", "Zelensky", "ZELENSKY", "zelen sky", "strasse", "straße", "aesir", "æsir", "final", "fi",
		"lodz", "łódź", "krakow", "Kraków", "security guarantees", "istanbul", "İstanbul", "dzemal", "dž",
		"ǅ", "y", "ensky", "zelensk", "ss", "e", "\u0301", "[y]", "@s", "a b c d e f g zelensky",
		"zelensky security guarantees", "Volodymyr Zelensky", "security guarantees h", "guarantees h i j",
		"zelensky security", "sky security", "lorem", "amet lorem", "ipsum", " zelensky", "zelensky ",
		"amet zelen", "sky lorem", "g zelensky security guarantees",
		"a b c d e f g h i j zelensky", "e" + strings.Repeat(" e", 15) + " zelensky",
		"b security guarantees", "x security guarantees", "x x security guarantees", "ensky security guarantees",
		"zelensky b", "volodymyr zelenskyy", "volodymyr zelensky", "zelenskyy volodymyr zelenskyy", "lorem zelensky", "y volodymyr",
		"[1]", "1", "2", "[1–2]", "see 2", "cf. see", "see", "p. 3", "?zz", "2, p", "] security", "sss", "1–2, ?zz",
	}
	// Long stretches around, so that only parts of the text are indexed.
	filler := strings.Repeat("lorem ipsum dolor sit amet\n", 60)
	for _, body := range bodies {
		// At the very start and end of a text too.
		body = body + "\n" + filler + body + "\n" + filler + body
		b := &briefing.Briefing{
			Topics:   []*briefing.Topic{{ID: "t", Body: body}},
			Timeline: []briefing.Event{{Text: body}},
			Actors:   []briefing.Actor{{Name: "Volodymyr Zelenskyy", Aliases: []string{"Zelensky", "Zelenskiy"}}},
			Sources:  []briefing.Source{{ID: "a"}, {ID: "s"}},
		}
		compareFast(t, b, queries)
	}
}

// FuzzSearchFast compares the two indexes on a small briefing directory
// made of the fuzzed texts: a topic file, a timeline event and an actor.
func FuzzSearchFast(f *testing.F) {
	f.Add("**Zel**ensky met [Duda](x) in Kraków.\n\nSecurity\nguarantees.", "Zelenskiy", "zelensky")
	f.Add("Straße and ﬁnal `co`de", "Strasse", "strasse")
	f.Add("| a | b |\n|---|---|\n| Zel | ensky |", "Zel", "zel ensky")
	f.Add("```\n**x**\n```\nx", "X", "X")
	f.Add("Łódź, Genève, İstanbul", "Lodz", "lodz")
	f.Add("zel\u0301ensky \u00a0 guarantees", "Zelensky", "ZEL")
	f.Add("Zel [@a;\n@b] ensky [see\n@a, p. 3]\n[x [@b]", "Zelensky", "1")
	f.Add("Zel [@a, \"x ] Zelensky\";\n@b, “ensky”] ensky", "Zelensky", "ensky")
	// Excerpts: over lines, two in a group, a phrase from one to the
	// next, white space and control characters at their edges.
	f.Add("A [@a, \"one Zel\"; @b, \"ensky two\"] B [@a, \"\tthree\n  Zelensky \"]", "Zelensky", "zel ensky")
	f.Add("x [@a, \"\u00a0é\u0301 ß\x1b\u2028\"] y [@s, “Straße\u3000”]", "Strasse", " ss")
	f.Fuzz(func(t *testing.T, body, event, query string) {
		if strings.ContainsAny(event, "\"\\") || strings.TrimSpace(event) == "" {
			event = "Zelensky"
		}
		meta := fmt.Sprintf("title: T\nactors:\n  - name: Volodymyr Zelenskyy\n    aliases: [%q]\ntimeline:\n  - date: 2025-01-01\n    text: %q\n", event, event)
		fsys := fstest.MapFS{
			"briefing.yaml": {Data: []byte(meta)},
			"a.md":          {Data: []byte("# A\n\n" + body)},
			"b.md":          {Data: []byte("# B\n\nZelensky and " + event + "\n" + body)},
		}
		b, err := briefing.LoadFSWith(fsys, ".", briefing.LoadOptions{SkipCitations: true})
		if err != nil {
			return
		}
		// The texts as given too, without the loader's checks, and inside
		// long stretches of other text.
		filler := strings.Repeat("lorem ipsum dolor sit amet\n", 40)
		raw := &briefing.Briefing{
			Topics: []*briefing.Topic{{ID: "raw", Body: body},
				{ID: "long", Body: filler + body + "\n" + filler + body + "\n" + filler}},
			Timeline: []briefing.Event{{Text: event}},
			Actors:   b.Actors,
		}
		for _, br := range []*briefing.Briefing{b, raw} {
			compareFast(t, br, []string{query, strings.ToLower(query), event})
		}
	})
}

// TestNewIndexForSpellingsAtOnePlace covers spellings of an actor that
// share their first anchor but reach differently far from it, before and
// after, over line breaks.
func TestNewIndexForSpellingsAtOnePlace(t *testing.T) {
	filler := strings.Repeat("lorem ipsum dolor sit amet\n", 60)
	actors := []briefing.Actor{
		{Name: "Zelensky", Aliases: []string{"Zelensky of Ukraine", "President Zelensky", "Zelen"}},
	}
	for _, body := range []string{
		"Zelensky of\nUkraine", "Zelensky\nof Ukraine", "President\nZelensky", "a President\nZelensky of\nUkraine b",
		"Zelensky of\n\n\nUkraine", "**President**\n`Zelensky` of [Ukraine](x)", "Zelen\nsky of Ukraine",
	} {
		body = filler + body + "\n" + filler + body
		b := &briefing.Briefing{Topics: []*briefing.Topic{{ID: "t", Body: body}}, Actors: actors}
		if compareFast(t, b, []string{"zelensky", "zelen", "ukraine", "Zelensky"}) == 0 {
			t.Errorf("no query matches %q", body)
		}
	}
}

// TestNewIndexForWholeWordAliases runs the alias cases of issue 10 through
// both indexes: other spellings match whole words, acronyms in capitals
// only, with markup and line breaks around them.
func TestNewIndexForWholeWordAliases(t *testing.T) {
	filler := strings.Repeat("lorem ipsum dolor sit amet\n", 60)
	actors := []briefing.Actor{
		{Name: "United States", Aliases: []string{"US", "U.S.", "Washington", "American side"}},
		{Name: "United Kingdom", Aliases: []string{"UK", "U.K.", "Britain"}},
		{Name: "European Union", Aliases: []string{"EU"}},
	}
	body := "Washington must tell Russia; the **US** and U.S.\nofficials, the United\nStates, us, Us.\n" +
		"Ukrainian and UK-based [Britain](x), Reuters and the EU, eu, *European* Union.\n"
	b := &briefing.Briefing{Topics: []*briefing.Topic{{ID: "t", Body: filler + body + filler}}, Actors: actors,
		Timeline: []briefing.Event{{Text: "US envoys, Reuters, Britain"}}}
	if compareFast(t, b, []string{"washington", "britain", "european union", "Washington", "us", "US", "eu"}) == 0 {
		t.Fatal("no query matches")
	}
	for q, want := range map[string][]string{
		"washington":     {"Washington", "US", "U.S.", "United\nStates", "US"},
		"britain":        {"UK", "Britain", "Britain"},
		"european union": {"EU", "European Union"},
	} {
		ix := search.NewIndexFor(b, search.Compile(q, actors))
		var got []string
		for _, m := range ix.Search(search.Compile(q, actors)) {
			got = append(got, ix.Doc(m.Doc).Text[m.Start:m.End])
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q finds %q, want %q", q, got, want)
		}
	}
}
