package cli

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"brief/briefing"
	"brief/ui"
)

func newListCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "list [PATH]",
		Short: "List a briefing's topics, or a library's briefings",
		Long: `list prints the topics of a briefing in reading order, one per line:
id, title, words and reading time. For a library (a directory of
briefings without a briefing.yaml of its own) it prints one line per
briefing: title, as-of date, topics and path, and a broken one's first
error.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := pathArg(args, 0)
			if path != "" && briefing.IsLibrary(path) {
				lib, err := briefing.ScanLibrary(path)
				if err != nil {
					return err
				}
				return listLibrary(cmd.OutOrStdout(), lib)
			}
			b, err := load(path)
			if err != nil {
				return err
			}
			w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			for _, t := range b.Topics {
				fmt.Fprintf(w, "%s\t%s\t%d words\t%d min\n",
					briefing.Sanitize(t.ID), briefing.Sanitize(t.Title), t.Words(), int(t.ReadingTime().Minutes()))
			}
			if err := w.Flush(); err != nil {
				return err
			}
			return skippedError(cmd, b)
		},
	}
}

// listLibrary prints one line per briefing of lib, as list prints topics:
// title, as-of date ("-" if none), topics and path, then a broken
// briefing's first error.
func listLibrary(out io.Writer, lib *briefing.Library) error {
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	for _, e := range lib.Entries {
		asOf := e.AsOf.String()
		if asOf == "" {
			asOf = "-"
		}
		topics := "topics"
		if e.Topics == 1 {
			topics = "topic"
		}
		fmt.Fprintf(w, "%s\t%s\t%d %s\t%s", briefing.Sanitize(e.Title), asOf, e.Topics, topics, briefing.Sanitize(e.Path))
		if e.Err != nil {
			fmt.Fprintf(w, "\t%s", briefing.Sanitize(e.Err.String()))
		}
		fmt.Fprintln(w)
	}
	return w.Flush()
}

// runLibrary opens the library at path; a briefing chosen in it loads as
// brief PATH loads one.
func runLibrary(path string, opts ui.Options) error {
	// Listed only: the reader shows the names at once and scans the rest.
	lib, err := briefing.ListLibrary(path)
	if err != nil {
		return err
	}
	return ui.RunLibrary(lib, opts, loadToRead)
}
