package cli

import (
	"bytes"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"brief/internal/export"
)

func newExportCmd() *cobra.Command {
	var format, output string
	cmd := &cobra.Command{
		Use:   "export [PATH]",
		Short: "Write a briefing as one HTML, Markdown or JSON file",
		Long: `export writes the briefing as one file to share.

--format html (the default) is a self-contained page that works offline,
light and dark, with contents, each citation linked to a numbered source list
that shows the excerpts, the timeline and who's who. md is one Markdown
document that brief also opens as a briefing, its citations as footnotes.
json is the parsed model, with a schema version (docs/format.md).

The same briefing always gives the same bytes. Without -o the file goes to
standard output; with -o it is written whole or not at all.

PATH is one briefing; for a library export names one of its briefings to
give instead, and exits 2.`,
		Example: `  brief export --format html -o briefing.html
  brief export mybriefing --format md > mybriefing.md
  brief export --format json | jq '.topics[].title'`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := export.ParseFormat(format)
			if err != nil {
				return usageError(cmd, err.Error())
			}
			path := pathArg(args, 0)
			if err := oneBriefing(cmd, path, false, func(e string) string { return "export " + e }); err != nil {
				return err
			}
			b, err := loadToRead(path)
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			if err := export.Write(&buf, b, f); err != nil {
				return err
			}
			if output == "" || output == "-" {
				if _, err := cmd.OutOrStdout().Write(buf.Bytes()); err != nil {
					return err
				}
			} else if err := writeAtomic(output, buf.Bytes()); err != nil {
				return err
			}
			return skippedError(cmd, b)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "html", "`FORMAT`: html, md or json")
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to `FILE` instead of standard output")
	return cmd
}

// writeAtomic writes data to name through a temporary file in the same
// directory, renamed over name, so that name is never left half written.
func writeAtomic(name string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
