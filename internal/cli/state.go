package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"brief/briefing"
	"brief/internal/state"
)

func newStateCmd() *cobra.Command {
	forget := false
	cmd := &cobra.Command{
		Use:   "state [PATH]",
		Short: "List or forget the reading state kept per briefing",
		Long: `state lists the reading state brief keeps of each briefing, the last read
first: the briefing, its title, when it was last read, the topics read (of
its topics now, and how many of them were updated since, as the library
counts them), the bookmarks, and the size and path of its file. With PATH, only that
briefing's.

The state is kept in $XDG_STATE_HOME/brief, else ~/.local/state/brief, one
file per briefing. A briefing is known by its absolute path: one that moved
starts afresh. Each file is kept within 1 MB: past it, the fingerprints of
the topics read longest ago are dropped first, so that changes in them are no
longer marked. brief --no-state neither reads nor writes the state.

With --forget, state removes the state of the briefing at PATH, as given to
brief, or of the built-in briefing when there is no PATH.`,
		Example: `  brief state                        # what is kept
  brief state --forget ~/briefings/talks
  brief state --forget               # the built-in briefing's`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			store := state.Open(state.Dir())
			var only string
			if forget || len(args) > 0 {
				id, err := state.Identity(pathArg(args, 0))
				if err != nil {
					return err
				}
				only = id
			}
			if forget {
				err := store.Forget(only)
				if errors.Is(err, fs.ErrNotExist) {
					return fmt.Errorf("no reading state kept for %s", briefing.Sanitize(only))
				}
				if err == nil {
					fmt.Fprintf(cmd.OutOrStdout(), "forgot %s\n", briefing.Sanitize(only))
				}
				return err
			}
			return listState(cmd, store, only)
		},
	}
	cmd.Flags().BoolVar(&forget, "forget", false, "remove the state of the briefing at PATH, or of the built-in one")
	return cmd
}

// listState writes one line per briefing whose state is kept, or only
// the one of identity only.
func listState(cmd *cobra.Command, store *state.Store, only string) error {
	entries, err := store.List()
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
	var bad []string
	n := 0
	for _, e := range entries {
		if only != "" && e.Identity != only {
			continue
		}
		n++
		if e.Err != nil {
			bad = append(bad, fmt.Sprintf("%s: unreadable (%s): %s", oneLine(e.File), size(e.Size), oneLine(e.Err.Error())))
			continue
		}
		r := e.Record
		last := "-"
		if !r.Saved.IsZero() {
			last = r.Saved.Local().Format("2006-01-02 15:04")
		}
		// The file last, for the reader who wants to look at it.
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", oneLine(e.Identity), oneLine(r.Title),
			last, progress(e.Identity, r), count(len(r.Bookmarks), "bookmark"), size(e.Size), oneLine(e.File))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	for _, l := range bad {
		fmt.Fprintln(cmd.OutOrStdout(), l)
	}
	if n == 0 && only != "" {
		return fmt.Errorf("no reading state kept for %s", briefing.Sanitize(only))
	}
	if n == 0 {
		fmt.Fprintf(cmd.OutOrStdout(), "no reading state kept in %s\n", briefing.Sanitize(state.Dir()))
	}
	return nil
}

// progress says how much of the briefing identity r records as read,
// counted against its topics now, as the library counts them; a briefing
// that cannot be loaded any more is counted from r alone.
func progress(identity string, r state.Record) string {
	path := identity
	if identity == state.Builtin {
		path = ""
	}
	b, _ := loadToRead(path)
	if b == nil || len(b.Topics) == 0 {
		return fmt.Sprintf("%d read, briefing not found", len(r.Read))
	}
	p := r.Progress(b.Topics)
	out := fmt.Sprintf("%d of %d read", p.Read, p.Read+p.Unread)
	if p.Updated > 0 {
		out += fmt.Sprintf(", %d updated", p.Updated)
	}
	return out
}

// size writes n bytes as "512 B", "12 KB" or "1.0 MB".
func size(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
