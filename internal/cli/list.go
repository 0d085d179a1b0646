package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"brief/briefing"
	"brief/internal/state"
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
error; once one of them has been read, also the topics read, unread and
updated since, and the day of the last reading, as the library shows them.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := pathArg(args, 0)
			if path != "" && briefing.IsLibrary(path) {
				lib, err := briefing.ScanLibrary(path)
				if err != nil {
					return err
				}
				return listLibrary(cmd.OutOrStdout(), lib, state.LibraryProgress(lib, state.Open(state.Dir()), loadToRead))
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
// title, as-of date ("-" if none), topics, the reading progress (as the
// library view counts it, once any briefing has been read) and path, then
// a broken briefing's first error.
func listLibrary(out io.Writer, lib *briefing.Library, progress []state.Progress) error {
	read := slices.ContainsFunc(progress, func(p state.Progress) bool { return !p.LastRead.IsZero() })
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	for i, e := range lib.Entries {
		asOf := e.AsOf.String()
		if asOf == "" {
			asOf = "-"
		}
		topics := "topics"
		if e.Topics == 1 {
			topics = "topic"
		}
		fmt.Fprintf(w, "%s\t%s\t%d %s\t", briefing.Sanitize(e.Title), asOf, e.Topics, topics)
		if read {
			if p := progress[i]; p.Known {
				f := p.Fields()
				fmt.Fprintf(w, "%s read\t%s unread\t%s updated\tlast read %s\t", f[0], f[1], f[2], f[3])
			} else {
				fmt.Fprint(w, "\t\t\t\t")
			}
		}
		fmt.Fprint(w, briefing.Sanitize(e.Path))
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

// oneBriefing refuses path when it is a library, for a command that reads
// one briefing: reading the library's files as one briefing would be
// nonsense. example writes the command line for one entry's path.
func oneBriefing(cmd *cobra.Command, path string, wantFile bool, example func(entry string) string) error {
	if path == "" || !briefing.IsLibrary(path) {
		return nil
	}
	lib, err := briefing.ScanLibrary(path)
	if err != nil {
		return err
	}
	return usageError(cmd, fmt.Sprintf("%s is a library of %s; name one, as in brief %s",
		briefing.Sanitize(path), count(len(lib.Entries), "briefing"), example(shellWord(exampleEntry(lib, wantFile).Path))))
}

// exampleEntry is the library's first briefing that reads without error,
// a single file if wantFile and there is one.
func exampleEntry(lib *briefing.Library, wantFile bool) briefing.Entry {
	for _, file := range []bool{wantFile, false} {
		for _, e := range lib.Entries {
			if e.Err == nil && (!file || strings.EqualFold(filepath.Ext(e.Name), ".md")) {
				return e
			}
		}
	}
	return lib.Entries[0]
}

// shellWord quotes s for a shell when it needs it, so that an example
// command can be pasted.
func shellWord(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/@:=+,-~") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
