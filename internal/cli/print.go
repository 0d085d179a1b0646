package cli

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"brief/briefing"
	"brief/internal/render"
)

func newPrintCmd() *cobra.Command {
	var (
		topic string
		width int
		style = render.Auto
		// The lists print writes instead of the text.
		timeline, actors, sources, asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "print [PATH]",
		Short: "Render a briefing, or one topic, to standard output",
		Long: `print renders the briefing's summary and topics with their sources, as the
reader shows them. On a terminal the text is styled; when the output is piped,
or NO_COLOR is set, it is plain text.

--timeline, --actors and --sources print a list instead, always as plain
text:
  --timeline  every event in date order: the date at its precision (YYYY,
              YYYY-MM or YYYY-MM-DD), the text with its citations numbered
              as in the reader, and its topics;
  --actors    every actor with role, aliases and how many passages name
              them (any spelling, counted as search counts);
  --sources   every source, numbered as in the reader, and how often it is
              cited: the citation groups naming it, in all and per topic.
With --json each entry is one JSON object per line (JSON Lines); the fields
are listed in docs/format.md ("Lists as JSON").

PATH is one briefing; for a library print names one of its briefings to
give instead, and exits 2.`,
		Example: `  brief print --topic territory
  brief print mybriefing | less -R
  brief print --width 60 --style notty notes.md > notes.txt
  brief print --timeline
  brief print --actors --json | jq -r '.name + ": " + (.mentions|tostring)'`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			lists := 0
			for _, on := range []bool{timeline, actors, sources} {
				if on {
					lists++
				}
			}
			switch {
			case lists > 1:
				return usageError(cmd, "--timeline, --actors and --sources go one at a time")
			case asJSON && lists == 0:
				return usageError(cmd, "--json goes with --timeline, --actors or --sources")
			case lists > 0 && topic != "":
				return usageError(cmd, "--topic does not go with --timeline, --actors or --sources")
			}
			path := pathArg(args, 0)
			if err := oneBriefing(cmd, path, false, func(e string) string { return "print " + e }); err != nil {
				return err
			}
			b, err := load(path)
			if err != nil {
				return err
			}
			if lists > 0 {
				out := cmd.OutOrStdout()
				switch {
				case timeline:
					err = writeTimeline(out, b, asJSON)
				case actors:
					err = writeActors(out, b, asJSON)
				default:
					err = writeSourceList(out, b, asJSON)
				}
				if err != nil {
					return err
				}
				return skippedError(cmd, b)
			}
			topics := b.Topics
			if topic != "" {
				t := findTopic(b, topic)
				if t == nil {
					return noTopic(cmd.ErrOrStderr(), b, topic)
				}
				topics = []*briefing.Topic{t}
			}
			out := cmd.OutOrStdout()
			tty := isTerminal(out)
			style = printStyle(style, tty)
			if width <= 0 {
				width = outputWidth(out)
			}
			md := printable(b, topics, topic == "")
			text, err := render.Markdown(md, style, width)
			if err != nil {
				return err
			}
			text = render.Compact(text)
			w := io.Writer(out)
			if tty {
				w = colorprofile.NewWriter(out, os.Environ())
			} else {
				text = trimRight(text)
			}
			if _, err := io.WriteString(w, text); err != nil {
				return err
			}
			return skippedError(cmd, b)
		},
	}
	cmd.Flags().StringVarP(&topic, "topic", "t", "", "print only this `TOPIC`: its number, id or title")
	cmd.Flags().IntVarP(&width, "width", "w", 0, "wrap at `N` columns (default: $COLUMNS, the terminal's width, or 80)")
	cmd.Flags().Var(&style, "style", "colour style: auto, dark, light or notty")
	cmd.Flags().BoolVar(&timeline, "timeline", false, "print the timeline's events in date order")
	cmd.Flags().BoolVar(&actors, "actors", false, "print the actors and how many passages name them")
	cmd.Flags().BoolVar(&sources, "sources", false, "print the sources and how often each is cited")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the list as JSON Lines (with --timeline, --actors or --sources)")
	return cmd
}

// printStyle settles the style for output that is a terminal or not:
// plain when piped or with NO_COLOR, else the terminal's background decides.
func printStyle(s render.Style, tty bool) render.Style {
	if !tty || os.Getenv("NO_COLOR") != "" {
		if s == render.Auto {
			return render.NoTTY
		}
		return s
	}
	if s == render.Auto {
		return s.Resolve(lipgloss.HasDarkBackground(os.Stdin, os.Stdout))
	}
	return s
}

// printable assembles the Markdown that print renders: the briefing's
// front page when the whole briefing is printed, then each topic with its
// numbered citations and sources.
func printable(b *briefing.Briefing, topics []*briefing.Topic, whole bool) string {
	var md strings.Builder
	if whole {
		md.WriteString(b.About())
		md.WriteString("\n")
	}
	for i, t := range topics {
		body, _ := b.Cited(t)
		if whole {
			fmt.Fprintf(&md, "# %d. %s\n\n", i+1, t.Title)
		} else {
			fmt.Fprintf(&md, "# %s\n\n", t.Title)
		}
		md.WriteString(body)
		md.WriteString("\n\n")
	}
	return md.String()
}

func displayName(b *briefing.Briefing) string {
	if b.Path == "" {
		return "the built-in briefing"
	}
	return b.Path
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(term.File)
	return ok && term.IsTerminal(f.Fd())
}

// outputWidth is the width to wrap output to w at: COLUMNS when it is
// set, as for ls, so that a pipe into a pager can follow the terminal;
// else w's width when it is a terminal; else 80.
func outputWidth(w io.Writer) int {
	if n, err := strconv.Atoi(strings.TrimSpace(os.Getenv("COLUMNS"))); err == nil && n > 0 {
		return n
	}
	if f, ok := w.(term.File); ok {
		if width, _, err := term.GetSize(f.Fd()); err == nil && width > 0 {
			return width
		}
	}
	return 80
}

// trimRight drops the padding Glamour puts at the end of every line, which
// is noise in a file or a pipe.
func trimRight(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}
