package export

import (
	"fmt"
	"regexp"
	"strings"

	"brief/briefing"
)

// File is one file of a briefing directory.
type File struct {
	Name, Content string
}

// Directory returns b in the directory form: briefing.yaml, then one
// Markdown file per topic, named by its id. A topic id that cannot be a
// file name is an error.
func Directory(b *briefing.Briefing) ([]File, error) {
	var y strings.Builder
	field := func(indent, name, v string) {
		if v != "" {
			y.WriteString(indent + name + ": " + yamlString(v, indent+"  ") + "\n")
		}
	}
	field("", "title", s(b.Title))
	field("", "subtitle", s(b.Subtitle))
	field("", "as_of", b.AsOf.String())
	field("", "summary", Unfootnote(s(b.Summary)))
	files := []File{{Name: "briefing.yaml"}}
	if len(b.Topics) > 0 {
		y.WriteString("topics:\n")
	}
	seen := map[string]bool{}
	for _, t := range b.Topics {
		id := s(t.ID)
		if id == "" || id == "briefing" || strings.ContainsAny(id, `/\`) || strings.HasPrefix(id, ".") || seen[id] {
			return nil, fmt.Errorf("topic %q: the id cannot name a file of its own", id)
		}
		seen[id] = true
		y.WriteString("  - " + yamlString(id, "") + "\n")
		var f strings.Builder
		f.WriteString("---\ntitle: " + yamlString(s(t.Title), "") + "\n")
		if t.Summary != "" {
			f.WriteString("summary: " + yamlString(oneLine(s(t.Summary)), "") + "\n")
		}
		if len(t.Tags) > 0 {
			f.WriteString("tags: " + yamlList(ss(t.Tags)) + "\n")
		}
		f.WriteString("---\n" + strings.TrimRight(Unfootnote(s(t.Body)), "\n") + "\n")
		files = append(files, File{Name: id + ".md", Content: f.String()})
	}
	writeLists(&y, b, nil)
	files[0].Content = y.String()
	return files, nil
}

// footnote matches the start of a footnote of a Markdown export.
var footnote = regexp.MustCompile(`^\[\^([0-9]+)\]: `)

// Unfootnote undoes what ToMarkdown does to a text: each footnote that
// holds a citation group goes back in place of its reference, and the
// setext headings ToMarkdown wrote are level-2 ATX headings again. Other
// text is left as it is.
func Unfootnote(text string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	groups := map[string]string{}
	end := len(lines)
	for end > 0 {
		l := lines[end-1]
		if strings.TrimSpace(l) == "" {
			end--
			continue
		}
		m := footnote.FindStringSubmatch(l)
		if m == nil {
			break
		}
		c, ok := briefing.CitationAt(l, len(m[0]))
		if !ok {
			break
		}
		groups["[^"+m[1]+"]"] = l[c.Start:c.End]
		end--
	}
	if len(groups) == 0 {
		return atxHeadings(text)
	}
	body := strings.Join(lines[:end], "\n")
	for ref, g := range groups {
		body = strings.ReplaceAll(body, ref, g)
	}
	return atxHeadings(body) + "\n"
}

// atxHeadings turns the setext level-2 headings underlined "---" that
// setextHeadings writes, after a blank line, back into "## " headings.
func atxHeadings(text string) string {
	lines := strings.Split(text, "\n")
	var out []string
	var fence codeFence
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if fence.code(l) {
			out = append(out, l)
			continue
		}
		if i+1 < len(lines) && lines[i+1] == "---" && strings.TrimSpace(l) != "" && l == strings.TrimSpace(l) &&
			(i == 0 || strings.TrimSpace(lines[i-1]) == "") {
			out = append(out, "## "+l)
			i++
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
