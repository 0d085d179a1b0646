package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"brief/briefing"
	"brief/internal/export"
)

func newNewCmd() *cobra.Command {
	var from string
	cmd := &cobra.Command{
		Use:   "new DIR",
		Short: "Start a briefing directory, or split a Markdown briefing into one",
		Long: `new writes a small, valid briefing to DIR to start from: briefing.yaml with
one source, one timeline event and one actor, and two topic files with a cited
paragraph and its excerpt, every field commented. brief check --strict DIR
passes on it.

With --from-markdown FILE it writes the single-file briefing FILE in the
directory form instead: briefing.yaml and one file per topic. A Markdown
export's footnotes become citations again.

new never overwrites: DIR must not exist, or be empty.`,
		Example: `  brief new harbour && brief check --strict harbour
  brief export --format md > b.md && brief new --from-markdown b.md b`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			files := starter
			if from != "" {
				// --from-markdown takes a file: a single-file entry is the example.
				if err := oneBriefing(cmd, from, true, func(e string) string { return "new --from-markdown " + e + " " + shellWord(dir) }); err != nil {
					return err
				}
				b, err := briefing.Load(from)
				if err != nil {
					return err
				}
				if files, err = export.Directory(b); err != nil {
					return err
				}
			}
			if err := writeNew(dir, files); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %d files to %s\n", len(files), briefing.Sanitize(dir))
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from-markdown", "", "split the single-file briefing `FILE`")
	return cmd
}

// writeNew writes files to dir, which must not exist or be empty; a file
// that exists is never replaced (O_EXCL).
func writeNew(dir string, files []export.File) error {
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		return fmt.Errorf("%s: exists and is not empty; new overwrites nothing", briefing.Sanitize(dir))
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		fh, err := os.OpenFile(filepath.Join(dir, f.Name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		_, werr := fh.WriteString(f.Content)
		if cerr := fh.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return werr
		}
	}
	return nil
}

// starter is the briefing brief new writes.
var starter = []export.File{
	{Name: "briefing.yaml", Content: `# A briefing: a short, cited digest of a story. The format is in
# docs/format.md; check your work with: brief check --strict .
title: The Harbour Dispute                  # required: the briefing's title
subtitle: Two towns, one harbour, a ruling  # one line under the title
as_of: 2026-01-25                           # the date it is current to: YYYY-MM-DD, YYYY-MM or YYYY
summary: |                                  # Markdown: the bottom line up front, cited
  The regional court split the harbour between the two towns [@court-ruling, "splits harbour"].
topics:                                     # reading order, by topic id (file name without .md)
  - ruling
  - fishing
sources:                                    # what the briefing cites
  - id: court-ruling                        # required, unique; cited as [@court-ruling]
    title: Court splits harbour between towns   # required
    outlet: The Coastal Times               # who published it
    author: Ana Ruiz                        # who wrote it
    date: 2026-01-20                        # when
    kind: news                              # news, analysis or opinion
timeline:                                   # dated events, shown in date order
  - date: 2026-01-20                        # required
    event: The court rules on the harbour [@court-ruling, "the ruling"].   # required, Markdown
    topics: [ruling, fishing]               # ids of the topics about it
    sources: [court-ruling]                 # ids of its sources
actors:                                     # who's who
  - name: Ana Ruiz                          # required
    role: Court reporter, The Coastal Times # what they are in the story
    aliases: [A. Ruiz]                      # other spellings; search finds them too
`},
	{Name: "ruling.md", Content: `---
# The front matter of a topic; every field is optional.
title: The ruling                           # else a first line "# Title"
summary: The court gave each town half the harbour.   # one line, for the topic list
tags: [law, court]                          # words to find the topic by
---
The court split the harbour along the old breakwater [@court-ruling, "along the old breakwater"].

Each town keeps its own quay, the ruling says; every paragraph cites its
source, and the quoted passage after the id is the excerpt it rests on
[@court-ruling, "each town keeps its own quay"].
`},
	{Name: "fishing.md", Content: `---
title: Fishing rights                       # the topic's title
---
Boats from both towns may still fish the whole bay [@court-ruling, "fish the whole bay"].
`},
}
