package briefing

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestScanCitations(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // each group as "start-end:key,key", space-separated
	}{
		{"one", "Text [@a].", "5-9:a"},
		{"semicolons", "[@a; @b;@c]", "0-11:a,b,c"},
		{"commas tolerated", "[@a, @b]", "0-8:a,b"},
		{"prefix and locator", "[see @smith-2020, p. 3; also @jones]", "0-36:smith-2020,jones"},
		{"suppress author", "[-@a]", "0-5:a"},
		{"key punctuation", "[@doe.2020:ch/1] [@end.]", "0-16:doe.2020:ch/1 17-24:end"},
		{"unicode key", "[@müller]", "0-10:müller"},
		{"across a line break", "[@a;\n@b]", "0-8:a,b"},
		{"email", "[write to me@example.com]", ""},
		{"link", "[@user](https://example.com) and [@a][ref]", ""},
		{"image", "![@a](x.png)", ""},
		{"no key", "[@ noon] [@] [text]", ""},
		{"escaped", `\[@a] [\@b]`, ""},
		{"code span", "`[@a]` and ``x ` [@b]`` but [@c]", "28-32:c"},
		{"unclosed code span", "`[@a]", "1-5:a"},
		{"fenced code", "```\n[@a]\n```\n[@b]\n~~~~\n[@c]\n~~~\n~~~~\n", "13-17:b"},
		{"nested brackets", "[[@a]]", "1-5:a"},
		{"blank line ends a group", "[@a\n\n]", ""},
		{"unclosed", "[@a", ""},
		{"footnote", "[^1] [@a]", "5-9:a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range ScanCitations(tt.in) {
				got = append(got, strings.Join([]string{itoa(c.Start), "-", itoa(c.End), ":", strings.Join(c.Keys, ",")}, ""))
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("ScanCitations(%q) = %q, want %q", tt.in, g, tt.want)
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestScanCitationsAffixes(t *testing.T) {
	tests := []struct {
		in   string
		want string // each key as prefix|key|locator, space-separated; "-" for none
	}{
		{"[@a]", "-"},
		{"[@a; @b]", "-"},
		{"[@a, @b]", "-"},
		{"[see @ledger-analysis, p. 3]", "see|ledger-analysis|p. 3"},
		{"[@a, p. 3]", "|a|p. 3"},
		{"[see @a, pp. 33-35; also @b, chap. 1]", "see|a|pp. 33-35 also|b|chap. 1"},
		{"[@a, p. 3, @b]", "|a|p. 3 |b|"},
		{"[see -@a]", "see|a|"},
		{"[cf.\n@a,\np. 3]", "cf.|a|p. 3"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			cs := ScanCitations(tt.in)
			if len(cs) != 1 {
				t.Fatalf("ScanCitations(%q) found %d groups, want 1", tt.in, len(cs))
			}
			c := cs[0]
			got := "-"
			if c.Prefixes != nil || c.Locators != nil {
				var parts []string
				for i, k := range c.Keys {
					parts = append(parts, c.Prefixes[i]+"|"+k+"|"+c.Locators[i])
				}
				got = strings.Join(parts, " ")
			}
			if got != tt.want {
				t.Errorf("affixes of %q = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestScanCitationsExcerpts(t *testing.T) {
	tests := []struct {
		in   string
		want string // the group's span, then each key as key|excerpt|locator; "" for no group
	}{
		{`[@a, "the passage"]`, `0-19 a|the passage|`},
		{`[@a, "100% ready"; @b, "two"]`, `0-29 a|100% ready| b|two|`},
		{`[@a; @b, "only b"]`, `0-18 a|| b|only b|`},
		{`[see @a, "x"]`, `0-13 a|x|`},
		{`[@a, p. 3; @b, "x"]`, `0-19 a||p. 3 b|x|`},
		{`[@a, "holds ; and ] and @b, too"]`, `0-33 a|holds ; and ] and @b, too|`},
		{`[@a, "he called it "100% ready" on Sunday"]`, `0-43 a|he called it "100% ready" on Sunday|`},
		{`[@a, “curly ; quotes”; @b]`, `0-30 a|curly ; quotes| b||`},
		{`[@a, “a "straight" one”]`, `0-28 a|a "straight" one|`},
		{"[@a, \"across\n  lines\"]", `0-22 a|across lines|`},
		{"[@a, \" x \t y\n z \"]", `0-18 a|x y z|`},
		{"[@a, \"non\u00a0breaking\"]", `0-21 a|non breaking|`},
		{`[@a, "no close]`, `0-15 a||"no close`},
		{`[@a, p. 3, "not alone"]`, `0-23 a||p. 3, "not alone"`},
		{`[@a "no comma"]`, `0-15 a||"no comma"`},
		{`[@a, ""]`, `0-8 a||`},
		{`[x, "@a"]`, ``},
		{`[@a, "a [bracket"]`, ``},
		{"[@a, \"blank\n\nline\"]", ``},
		{`[@a, "x"](link)`, ``},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			cs := ScanCitations(tt.in)
			got := ""
			if len(cs) > 1 {
				t.Fatalf("ScanCitations(%q) found %d groups", tt.in, len(cs))
			}
			if len(cs) == 1 {
				c := cs[0]
				got = itoa(c.Start) + "-" + itoa(c.End)
				for i, k := range c.Keys {
					var ex, loc string
					if c.Excerpts != nil {
						ex = c.Excerpts[i]
					}
					if c.Locators != nil {
						loc = c.Locators[i]
					}
					got += " " + k + "|" + ex + "|" + loc
				}
			}
			if got != tt.want {
				t.Errorf("ScanCitations(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestExcerptMarker checks that an excerpt never shows in a marker: the
// passage is for the evidence, not the running text.
func TestExcerptMarker(t *testing.T) {
	num := map[string]int{"a": 1, "b": 2}
	for in, want := range map[string]string{
		`[@a, "the passage"]`:            "1",
		`[@a, "x"; @b, "y; z"]`:          "1–2",
		`[see @a, "x"; @b, p. 3]`:        "see 1; 2, p. 3",
		`[@a, "he said "yes"" ; @b, ""]`: "1–2",
	} {
		cs := ScanCitations(in)
		if len(cs) != 1 {
			t.Fatalf("ScanCitations(%q) found %d groups, want 1", in, len(cs))
		}
		if got := Marker(cs[0], num); got != want {
			t.Errorf("Marker(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestKeyPosExcerpt checks that a key is reported where it stands, not
// where an excerpt before it names it.
func TestKeyPosExcerpt(t *testing.T) {
	body := `Text [@a, "write to @b"; @b].`
	c := ScanCitations(body)[0]
	got := keyOffsets(body, c)
	if len(got) != 2 || got[0] != 6 || got[1] != 25 {
		t.Errorf("keyOffsets = %v, want [6 25]", got)
	}
}

// TestCitationExcerptsAt checks that CitationExcerptsAt parses a group as
// CitationAt does and places its excerpts as ExcerptOffsets does.
func TestCitationExcerptsAt(t *testing.T) {
	for _, s := range []string{
		`x [@a, "one"; @b] y`,
		`x [@a; @b, “two; ] here”] y`,
		"x [see @a, p. 3, \"not\"; @b,\n  \"over\n lines\"] y",
		`x [@a] y`,
	} {
		i := strings.IndexByte(s, '[')
		want, ok := CitationAt(s, i)
		got, offs, ok2 := CitationExcerptsAt(s, i)
		if ok != ok2 || !reflect.DeepEqual(got, want) || !reflect.DeepEqual(offs, ExcerptOffsets(s, want)) {
			t.Errorf("%q: got %+v %v, want %+v %v", s, got, offs, want, ExcerptOffsets(s, want))
		}
		for k, o := range offs {
			if o >= 0 && s[o] != '"' && !strings.HasPrefix(s[o:], "“") {
				t.Errorf("%q: excerpt %d placed at %q", s, k, s[o:])
			}
		}
	}
}
