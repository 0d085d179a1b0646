// Package export writes a loaded briefing as one file to share: JSON (the
// model), Markdown (a single-file briefing that brief opens again) and HTML
// (a self-contained page that works offline). The same briefing always
// gives the same bytes, so that exports can be diffed and versioned.
package export

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"brief/briefing"
)

// Format is an export format.
type Format string

// The formats Write knows.
const (
	JSON     Format = "json"
	Markdown Format = "md"
	HTML     Format = "html"
)

// Formats lists the formats, in the order the help names them.
var Formats = []Format{HTML, Markdown, JSON}

// ParseFormat returns the format named s ("markdown" is "md").
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case JSON, Markdown, HTML:
		return f, nil
	case "markdown":
		return Markdown, nil
	}
	return "", fmt.Errorf("unknown format %q: use html, md or json", s)
}

// Write writes b to w in format f.
func Write(w io.Writer, b *briefing.Briefing, f Format) error {
	var (
		out []byte
		err error
	)
	switch f {
	case JSON:
		out, err = ToJSON(b)
	case Markdown:
		out = []byte(ToMarkdown(b))
	case HTML:
		out, err = ToHTML(b)
	default:
		return fmt.Errorf("unknown format %q", f)
	}
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// cite is one key of a citation group, numbered as the reader numbers it.
type cite struct {
	key, prefix, locator, excerpt string
	number                        int // 0 for a key that names no source
}

// cites splits group c into its keys.
func cites(c briefing.Citation, num map[string]int) []cite {
	out := make([]cite, len(c.Keys))
	for i, k := range c.Keys {
		out[i] = cite{key: k, number: num[k]}
		if c.Prefixes != nil {
			out[i].prefix, out[i].locator = c.Prefixes[i], c.Locators[i]
		}
		if c.Excerpts != nil {
			out[i].excerpt = c.Excerpts[i]
		}
	}
	return out
}

// replaceCitations calls f for each citation group of cs in text and puts
// what it returns in place of the group.
func replaceCitations(text string, cs []briefing.Citation, f func(i int, c briefing.Citation) string) string {
	var out strings.Builder
	last := 0
	for i, c := range cs {
		if c.Start < last || c.End <= c.Start || c.End > len(text) {
			continue // offsets that do not fit the text are left as text
		}
		out.WriteString(text[last:c.Start])
		out.WriteString(f(i, c))
		last = c.End
	}
	out.WriteString(text[last:])
	return out.String()
}

// topicIDs maps each topic id to the id it has in a single-file briefing:
// the slug of its title, with -2, -3 after the second and later of one
// slug, as the loader numbers them.
func topicIDs(b *briefing.Briefing) map[string]string {
	ids := make(map[string]string, len(b.Topics))
	seen := map[string]int{}
	for _, t := range b.Topics {
		s := briefing.Slug(t.Title)
		seen[s]++
		if n := seen[s]; n > 1 {
			s = fmt.Sprintf("%s-%d", s, n)
		}
		ids[t.ID] = s
	}
	return ids
}

// mapIDs maps ids through m, keeping an id m does not know.
func mapIDs(ids []string, m map[string]string) []string {
	out := slices.Clone(ids)
	for i, id := range out {
		if v, ok := m[id]; ok {
			out[i] = v
		}
	}
	return out
}
