package export

import (
	"fmt"
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
	if b.Summary != "" {
		// Written as the block it is in a briefing.yaml: one newline at the end.
		field("", "summary", strings.TrimRight(atxHeadings(s(b.Summary)), "\n")+"\n")
	}
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
		f.WriteString("---\n" + strings.TrimRight(atxHeadings(s(t.Body)), "\n") + "\n")
		files = append(files, File{Name: id + ".md", Content: f.String()})
	}
	writeLists(&y, b, nil)
	files[0].Content = y.String()
	return files, nil
}

// atxHeadings undoes what is left of ToMarkdown in a loaded text (the
// loader puts footnoted citations back in place): the setext level-2
// headings underlined "---" that setextHeadings writes, after a blank
// line, become "## " headings again.
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
