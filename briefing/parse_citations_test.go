package briefing

import (
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
