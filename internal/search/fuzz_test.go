package search

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"brief/briefing"
)

// FuzzMatch checks the matcher's invariants on any text and query: no
// panic; ranges inside the text, non-empty, on rune boundaries, in order
// and without overlap; each range folds to text that holds the query; and,
// for plain ASCII, the same matches as a naive search.
func FuzzMatch(f *testing.F) {
	f.Add("Zelenskyy met Zelenskiy and Зеленський", "zelensky")
	f.Add("security\n  guarantees", "security guarantees")
	f.Add("Erdoğan, Orba\u0301n, Straße, æææ", "ea")
	f.Add("a\xffb\xc3", "\xff")
	f.Add("(1+1)*2 [x] a.b", "a.b")
	f.Add("aAa ÅÅ", "Aa")
	f.Fuzz(func(t *testing.T, text, query string) {
		q := Compile(query, testActors)
		rs := q.FindAll(text)
		bounds := runeBounds(text)
		end := 0
		for _, r := range rs {
			if r.Start < end || r.End <= r.Start || r.End > len(text) {
				t.Fatalf("range %v out of order, empty or outside the text (previous end %d, length %d): %v", r, end, len(text), rs)
			}
			if !bounds[r.Start] || !bounds[r.End] {
				t.Fatalf("range %v of %q not on rune boundaries", r, text)
			}
			end = r.End
		}
		checkIndex(t, text, q)
		if got, want := countFolded(text, query), strings.Count(text, query); query != "" && got != want {
			t.Fatalf("countFolded(%q, %q) = %d, strings.Count %d", text, query, got, want)
		}
		if len(q.Alternatives()) > 0 {
			if want := findReference(q, text); !slices.Equal(rs, want) {
				t.Fatalf("%q in %q: %v, one pass per spelling gives %v", query, text, rs, want)
			}
			return
		}
		want := foldText(query, true).s
		for _, r := range rs {
			if got := foldText(text[r.Start:r.End], true).s; !strings.Contains(got, want) {
				t.Fatalf("range %v = %q folds to %q, which lacks %q", r, text[r.Start:r.End], got, want)
			}
		}
		if isPlainASCII(text) && isPlainASCII(query) && strings.ToLower(query) == query && query != "" {
			if got, want := len(rs), naiveCount(strings.ToLower(text), query); got != want {
				t.Fatalf("%d matches of %q in %q, naive search finds %d", got, query, text, want)
			}
		}
	})
}

// checkIndex searches text as a topic body and checks that matches fall
// inside the indexed text, in order, and that snippets are single clean
// lines holding their highlight.
func checkIndex(t *testing.T, text string, q Query) {
	ix := NewIndex(&briefing.Briefing{Topics: []*briefing.Topic{{ID: "t", Body: text}}})
	ms := ix.Search(q)
	if c := ix.Count(q); c.Total != len(ms) {
		t.Fatalf("Count %d, Search %d", c.Total, len(ms))
	}
	doc := ix.Doc(0).Text
	if briefing.HasControl(strings.ReplaceAll(doc, "\n", "")) || !utf8.ValidString(doc) {
		t.Fatalf("indexed text %q holds control characters or bad UTF-8", doc)
	}
	end := 0
	for i, m := range ms {
		if m.Start < end || m.End <= m.Start || m.End > len(doc) || m.N != i {
			t.Fatalf("match %d %+v out of order or outside %q", i, m, doc)
		}
		end = m.End
		for _, width := range []int{0, 10} {
			s, hl := ix.Snippet(m, width)
			if strings.ContainsAny(s, "\n\t") || briefing.HasControl(s) || hl.Start < 0 || hl.End > len(s) || hl.Start > hl.End {
				t.Fatalf("snippet %q, highlight %v", s, hl)
			}
		}
	}
}

// runeBounds marks the offsets where a rune starts (and the end of s), as
// ranging over s sees them.
func runeBounds(s string) []bool {
	b := make([]bool, len(s)+1)
	for i := range s {
		b[i] = true
	}
	b[len(s)] = true
	return b
}

// isPlainASCII reports whether s is printable ASCII without spaces, where
// folding changes nothing but case.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func naiveCount(text, sub string) int {
	n := 0
	for i := 0; i+len(sub) <= len(text); {
		if text[i:i+len(sub)] == sub {
			n++
			i += len(sub)
			continue
		}
		i++
	}
	return n
}
