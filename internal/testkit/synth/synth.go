// Package synth writes synthetic briefings of any size, for benchmarks
// and stress tests: a briefing.yaml with sources, a timeline and actors
// with aliases, and topic files with front matter, headings, paragraphs
// with citations, tables, nested lists, links and accented names. The
// output depends only on the arguments, so figures measured on it can be
// reproduced.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Actor spellings: the first is the name, the rest are aliases. Accents
// and transliterations vary on purpose, as they do across news sources.
var actors = []struct {
	role      string
	spellings []string
}{
	{"President of Ukraine", []string{"Volodymyr Zelenskyy", "Zelensky", "Zelenskiy", "Zelenskyy", "Volodymyr Zelensky"}},
	{"President of Turkey", []string{"Recep Tayyip Erdoğan", "Erdoğan", "Erdogan"}},
	{"Prime Minister of Hungary", []string{"Viktor Orbán", "Orbán", "Orban"}},
	{"Foreign Minister of Poland", []string{"Radosław Sikorski", "Sikorski", "Radoslaw Sikorski"}},
	{"President of France", []string{"Emmanuel Macron", "Macron"}},
	{"Foreign Minister of Russia", []string{"Sergei Lavrov", "Lavrov", "Sergey Lavrov"}},
	{"President of Finland", []string{"Alexander Stubb", "Stubb"}},
	{"Chancellor of Germany", []string{"Friedrich Merz", "Merz"}},
	{"NATO Secretary General", []string{"Mark Rutte", "Rutte"}},
	{"EU foreign policy chief", []string{"Kaja Kallas", "Kallas"}},
	{"Prime Minister of Denmark", []string{"Mette Frederiksen", "Frederiksen"}},
	{"Foreign Minister of Ukraine", []string{"Andrii Sybiha", "Sybiha", "Andriy Sybiha"}},
}

var places = []string{
	"Kyiv", "Kharkiv", "Zaporizhzhia", "Dnipro", "Odesa", "Kraków", "Łódź", "Gdańsk", "Brussels",
	"Genève", "Zürich", "München", "Paris", "Washington", "Ankara", "İstanbul", "Abu Dhabi", "Donetsk",
	"Bratislava", "Córdoba", "Tromsø", "Reykjavík",
}

var words = strings.Fields(`the a of to and in on for with by from that this which as at
agreement guarantees security ceasefire talks draft document parliament ratification coalition
negotiators envoy summit declaration framework territory region border troops monitoring mission
sanctions reconstruction fund billion assets frozen energy grid infrastructure drones missiles
air defence brigade deployment withdrawal referendum constitution amendment vote majority
committee hearing statement officials spokesman reported according analysts said warned
proposed rejected accepted signed outlined insisted argued confirmed denied expected agreed
would could might should must will may long-term binding legal political military economic
humanitarian prisoners exchange corridor port grain exports shipping insurance lenders bonds
timeline phase stage clause article annex protocol observers inspectors verification compliance`)

var headings = []string{
	"Background", "What was agreed", "Positions", "Open questions", "Reactions", "Figures",
	"Legal status", "Timeline", "Who said what", "Where sources differ", "Outlook", "Costs",
}

// Generate writes a briefing of the given number of topics to dir,
// creating dir if needed, with topic files of about size bytes in total.
// The same arguments always give the same files.
func Generate(dir string, topics int, size int64, seed int64) error {
	if topics < 1 {
		return fmt.Errorf("synth: %d topics: want at least 1", topics)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	g := newGen(topics, seed)
	if err := os.WriteFile(filepath.Join(dir, "briefing.yaml"), []byte(g.meta()), 0o644); err != nil {
		return err
	}
	per := int(size / int64(topics))
	for i := range topics {
		if err := os.WriteFile(filepath.Join(dir, g.topicID(i)+".md"), []byte(g.topic(i, per)), 0o644); err != nil {
			return err
		}
	}
	return nil
}

type gen struct {
	r       *rand.Rand
	topics  int
	sources int
	b       strings.Builder
}

func newGen(topics int, seed int64) *gen {
	return &gen{
		r:       rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15)),
		topics:  topics,
		sources: min(500, 20+topics/2),
	}
}

func (g *gen) topicID(i int) string { return fmt.Sprintf("t%04d", i+1) }

func (g *gen) sourceID(i int) string { return fmt.Sprintf("src-%03d", i+1) }

func (g *gen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

// meta returns briefing.yaml.
func (g *gen) meta() string {
	var b strings.Builder
	b.WriteString("title: A synthetic briefing\n")
	fmt.Fprintf(&b, "subtitle: %d generated topics for benchmarks\n", g.topics)
	b.WriteString("as_of: 2026-01-25\n")
	b.WriteString("summary: |\n  Generated text about security guarantees, talks in Genève and Kraków, and Zelenskiy's statements [@src-001, \"a generated passage\"].\n")
	b.WriteString("topics:\n")
	for i := range g.topics {
		fmt.Fprintf(&b, "  - %s\n", g.topicID(i))
	}
	b.WriteString("sources:\n")
	kinds := []string{"news", "analysis", "opinion"}
	for i := range g.sources {
		fmt.Fprintf(&b, "  - id: %s\n    title: \"%s\"\n    outlet: %s\n    author: %s\n    date: 2025-%02d-%02d\n    url: https://news.example/%d\n    kind: %s\n",
			g.sourceID(i), g.sentenceWords(6), g.pick([]string{"Reuters", "Kyiv Independent", "Le Monde", "Gazeta Wyborcza", "Hürriyet"}),
			g.pick([]string{"Anna Nowak", "Jürgen Müller", "Olena Kovalenko", "Søren Kierkegaard", "Zoë Martin"}),
			1+g.r.IntN(12), 1+g.r.IntN(28), i, kinds[i%3])
	}
	b.WriteString("timeline:\n")
	for i := range min(2000, 2*g.topics) {
		fmt.Fprintf(&b, "  - date: 2025-%02d-%02d\n    event: \"%s %s in %s [@%s%s].\"\n    topics: [%s]\n    sources: [%s]\n",
			1+i%12, 1+i%28, g.pick(g.actorSpellings()), g.sentenceWords(8), g.pick(places),
			g.sourceID(i%g.sources), strings.ReplaceAll(g.excerpt(), `"`, `\"`), g.topicID(i%g.topics), g.sourceID(i%g.sources))
	}
	b.WriteString("actors:\n")
	for _, a := range actors {
		fmt.Fprintf(&b, "  - name: %s\n    role: %s\n    aliases: [%s]\n", a.spellings[0], a.role, strings.Join(a.spellings[1:], ", "))
	}
	return b.String()
}

func (g *gen) actorSpellings() []string {
	return actors[g.r.IntN(len(actors))].spellings
}

// sentenceWords returns n random words.
func (g *gen) sentenceWords(n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = g.pick(words)
	}
	return strings.Join(ws, " ")
}

// topic returns the file of topic i, of about size bytes.
func (g *gen) topic(i, size int) string {
	b := &g.b
	b.Reset()
	b.Grow(size + 1024)
	fmt.Fprintf(b, "---\ntitle: %s talks in %s, part %d\nsummary: %s.\ntags: [%s, %s]\n---\n\n",
		g.pick(headings), g.pick(places), i+1, g.sentenceWords(10), g.pick(words), g.pick(places))
	for n := 0; b.Len() < size || n < 2; n++ {
		if n%6 == 0 {
			fmt.Fprintf(b, "## %s\n\n", g.pick(headings))
		}
		switch g.r.IntN(8) {
		case 0:
			g.table(b)
		case 1:
			g.list(b)
		default:
			g.paragraph(b)
		}
	}
	return b.String()
}

// paragraph writes sentences hard-wrapped near 78 columns, so that
// phrases cross line breaks as they do in hand-written Markdown.
func (g *gen) paragraph(b *strings.Builder) {
	col := 0
	for range 3 + g.r.IntN(5) {
		for _, w := range strings.Fields(g.sentence()) {
			if col > 0 && col+1+len(w) > 78 {
				b.WriteByte('\n')
				col = 0
			} else if col > 0 {
				b.WriteByte(' ')
				col++
			}
			b.WriteString(w)
			col += len(w)
		}
	}
	b.WriteString("\n\n")
}

// sentence returns one sentence with names, a place, a figure, some
// markup and a citation.
func (g *gen) sentence() string {
	var parts []string
	parts = append(parts, g.pick(g.actorSpellings()), g.pick([]string{"said", "told reporters", "warned", "insisted"}), "that")
	parts = append(parts, strings.Fields(g.sentenceWords(4+g.r.IntN(8)))...)
	switch g.r.IntN(5) {
	case 0:
		parts = append(parts, "**"+g.pick(words)+" "+g.pick(words)+"**")
	case 1:
		parts = append(parts, "*"+g.pick(words)+"*")
	case 2:
		parts = append(parts, fmt.Sprintf("[%s](https://news.example/%d)", g.pick(words), g.r.IntN(1000)))
	case 3:
		parts = append(parts, fmt.Sprintf("$%d billion", 1+g.r.IntN(900)))
	}
	parts = append(parts, "in", g.pick(places))
	cite := "[@" + g.sourceID(g.r.IntN(g.sources)) + g.excerpt()
	if g.r.IntN(3) == 0 {
		cite += "; @" + g.sourceID(g.r.IntN(g.sources)) + g.excerpt()
	}
	return strings.Join(parts, " ") + " " + cite + "]."
}

// excerpt returns the quoted locator that gives a cite its passage, as
// in [@a, "the passage"], or now and then nothing, as some cites have
// none. Some passages hold the separators an excerpt may hold, and some
// are between curly marks.
func (g *gen) excerpt() string {
	if g.r.IntN(10) == 0 {
		return ""
	}
	ws := strings.Fields(g.sentenceWords(3 + g.r.IntN(10)))
	open, close := `"`, `"`
	switch g.r.IntN(8) {
	case 0:
		ws[0] += ";"
	case 1:
		ws[0] += ","
	case 2:
		open, close = "“", "”"
	}
	return ", " + open + strings.Join(ws, " ") + close
}

func (g *gen) table(b *strings.Builder) {
	cols := 3 + g.r.IntN(3)
	row := func(cell func(c int) string) {
		b.WriteString("|")
		for c := range cols {
			b.WriteString(" " + cell(c) + " |")
		}
		b.WriteString("\n")
	}
	row(func(int) string {
		w := g.pick(words)
		return strings.ToUpper(w[:1]) + w[1:]
	})
	row(func(int) string { return "---" })
	for range 3 + g.r.IntN(6) {
		row(func(c int) string {
			switch c {
			case 0:
				return g.pick(g.actorSpellings())
			case 1:
				return g.pick(places)
			}
			return fmt.Sprintf("%d%%", g.r.IntN(100))
		})
	}
	b.WriteString("\n")
}

func (g *gen) list(b *strings.Builder) {
	for range 2 + g.r.IntN(4) {
		fmt.Fprintf(b, "- %s\n", g.sentence())
		for range g.r.IntN(3) {
			fmt.Fprintf(b, "  - %s %s [@%s%s]\n", g.pick(places), g.sentenceWords(6), g.sourceID(g.r.IntN(g.sources)), g.excerpt())
			if g.r.IntN(3) == 0 {
				fmt.Fprintf(b, "    1. %s [@%s%s]\n", g.sentenceWords(5), g.sourceID(g.r.IntN(g.sources)), g.excerpt())
			}
		}
	}
	b.WriteString("\n")
}

// Cached returns a directory holding the briefing Generate writes for these
// arguments, generating it into the system's temporary directory the first
// time: the output is deterministic, so benchmarks in several packages and
// runs can share one copy.
func Cached(topics int, size int64, seed int64) (string, error) {
	// The version changes with the output, so that no run reuses a copy
	// an older Generate wrote (v2: excerpts).
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("brief-synth-v2-%d-%dMiB-seed%d", topics, size>>20, seed))
	done := filepath.Join(dir, ".complete")
	if _, err := os.Stat(done); err == nil {
		return dir, nil
	}
	if err := Generate(dir, topics, size, seed); err != nil {
		return "", err
	}
	return dir, os.WriteFile(done, nil, 0o644)
}
