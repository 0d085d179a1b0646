package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"brief/briefing"
)

func newCheckCmd() *cobra.Command {
	var strict, requireExcerpts, watchFiles bool
	var quotes string
	cmd := &cobra.Command{
		Use:   "check [PATH]",
		Short: "Validate a briefing and report every problem with its position",
		Long: `check loads a briefing and prints every error and warning as
path:line:col: message, and says how many citations carry an excerpt, the
passage of the source they rest on. It exits 0 when the briefing has no
errors and 1 when it has any; --strict counts warnings as errors, and
--require-excerpts a citation without an excerpt as an error. --quotes DIR
also checks that every double-quoted passage in the topics appears verbatim
in a text file of DIR, the briefing's source articles, and that every
excerpt appears in its source's text: the file of DIR that the source's
file field names, or any file of DIR for a source without one. --watch
checks again after every save of the briefing's files, printing the
diagnostics afresh, until interrupted.

For a library (a directory of briefings without a briefing.yaml of its
own) check checks each of its briefings in turn, then prints a total line,
"3 briefings: 2 ok, 1 failed", and exits 1 if any failed. --watch takes
one briefing.`,
		Example: `  brief check --strict mybriefing
  brief check --quotes articles/ --require-excerpts mybriefing
  brief check --watch --strict mybriefing   # in a pane beside the editor`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := pathArg(args, 0)
			check := func(path string) error { return runCheck(cmd, path, strict, requireExcerpts, quotes) }
			if path != "" && briefing.IsLibrary(path) {
				if watchFiles {
					return usageError(cmd, fmt.Sprintf("check --watch takes one briefing, and %s is a library; brief check %s checks each of its briefings once",
						briefing.Sanitize(path), shellWord(briefing.Sanitize(path))))
				}
				return checkLibrary(cmd, path, check)
			}
			if !watchFiles {
				return check(path)
			}
			return checkWatch(cmd, path, func() error { return check(path) })
		},
	}
	cmd.Flags().BoolVar(&strict, "strict", false, "treat warnings as errors")
	cmd.Flags().StringVar(&quotes, "quotes", "", "check quotations and excerpts against the text files in `DIR`")
	cmd.Flags().BoolVar(&requireExcerpts, "require-excerpts", false, "treat a citation without an excerpt as an error")
	cmd.Flags().BoolVar(&watchFiles, "watch", false, "check again after every save of the briefing's files, until interrupted")
	return cmd
}

// runCheck checks the briefing at path once.
func runCheck(cmd *cobra.Command, path string, strict, requireExcerpts bool, quotes string) error {
	b, err := load(path)
	if err != nil {
		return err
	}
	ds := b.Diagnostics
	if quotes != "" {
		texts, err := briefing.ReadTexts(quotes)
		if err != nil {
			return err
		}
		ds = append(ds, briefing.CheckQuotes(b, texts)...)
		ds = append(ds, briefing.CheckExcerpts(b, texts, quotes)...)
	}
	if requireExcerpts {
		ds = append(ds, briefing.MissingExcerpts(b)...)
	}
	return report(cmd.OutOrStdout(), cmd.ErrOrStderr(), b, ds, strict)
}

// checkLibrary checks each briefing of the library at path with check, as
// brief check checks one, then prints how many passed. A briefing
// that cannot be checked at all, such as one that does not load, gets a
// verdict line of its own.
func checkLibrary(cmd *cobra.Command, path string, check func(path string) error) error {
	lib, err := briefing.ListLibrary(path)
	if err != nil {
		return err
	}
	out, errw := cmd.OutOrStdout(), cmd.ErrOrStderr()
	failed := 0
	for _, e := range lib.Entries {
		err := check(e.Path)
		if err == nil {
			continue
		}
		failed++
		var ee *exitError
		if errors.As(err, &ee) && ee.msg == "" {
			continue // reported, with its verdict
		}
		printError(errw, err)
		nerr := 1
		var ds briefing.Diagnostics
		if errors.As(err, &ds) && len(ds.Errors()) > 0 {
			nerr = len(ds.Errors())
		}
		fmt.Fprintf(out, "%s: FAILED: cannot be checked, %s\n", briefing.Sanitize(e.Path), count(nerr, "error"))
	}
	n := len(lib.Entries)
	fmt.Fprintf(out, "%s: %d ok, %d failed\n", count(n, "briefing"), n-failed, failed)
	if failed > 0 {
		return &exitError{code: exitFailure}
	}
	return nil
}

// report prints diagnostics on stderr and a one-line verdict on stdout.
// Notes, which are no problem, are for --strict only.
func report(out, errw io.Writer, b *briefing.Briefing, ds briefing.Diagnostics, strict bool) error {
	for _, d := range ds {
		if d.Severity != briefing.Note || strict {
			fmt.Fprintln(errw, briefing.Sanitize(d.String()))
		}
	}
	nerr, nwarn := len(ds.Errors()), len(ds.Warnings())
	failed := nerr > 0 || (strict && nwarn > 0)
	name := displayName(b)
	verdict := "ok"
	if failed {
		verdict = "FAILED"
	}
	excerpts := ""
	if with, all := briefing.ExcerptCount(b); all > 0 {
		excerpts = fmt.Sprintf("; %d of %s carry an excerpt", with, count(all, "citation"))
		if all == 1 {
			excerpts = fmt.Sprintf("; %d of 1 citation carries an excerpt", with)
		}
	}
	fmt.Fprintf(out, "%s: %s: %s, %s, %s, %s%s\n", briefing.Sanitize(name), verdict,
		count(len(b.Topics), "topic"), count(len(b.Sources), "source"), count(nerr, "error"), count(nwarn, "warning"), excerpts)
	if failed {
		return &exitError{code: exitFailure}
	}
	return nil
}

// count writes n things, in the singular for one: "1 topic", "2 topics".
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// skippedError tells the user, after a command's output, of the errors
// in the briefing, such as topics that could not be read. The command has
// shown what it could and succeeds all the same: only check fails for
// problems.
func skippedError(cmd *cobra.Command, b *briefing.Briefing) error {
	for _, d := range b.Diagnostics.Errors() {
		fmt.Fprintln(cmd.ErrOrStderr(), briefing.Sanitize(d.String()))
	}
	return nil
}
