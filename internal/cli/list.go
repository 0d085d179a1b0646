package cli

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"brief/briefing"
)

func newListCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "list [PATH]",
		Short: "List a briefing's topics with their length and reading time",
		Long: `list prints the topics of a briefing in reading order, one per line:
id, title, words and reading time.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			b, err := load(pathArg(args, 0))
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
