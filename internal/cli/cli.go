// Package cli is brief's command line: the reader, print, list, check and
// search, wired with cobra, with help and a man page of its own.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"brief/briefing"
	"brief/content"
	"brief/internal/render"
	"brief/internal/state"
	"brief/ui"
)

// Exit codes shared by every command; search follows grep.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// exitError ends a command with a given exit code. An empty message means
// the command has already said what went wrong.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// Streams are the standard streams a command reads and writes.
type Streams struct {
	In       io.Reader
	Out, Err io.Writer
}

// Execute runs brief with args (without the program name) and returns the
// process exit code.
func Execute(ctx context.Context, args []string, s Streams, version string) int {
	info, _ := debug.ReadBuildInfo()
	return execute(ctx, newProgram(version, info), args, s)
}

// newProgram is brief's command tree, with its version, help and manual
// page made from version and the build's information.
func newProgram(version string, info *debug.BuildInfo) *cobra.Command {
	root := newRootCmd()
	// Errors are printed once, by execute; usage is in the help.
	root.SilenceErrors = true
	root.SilenceUsage = true
	root.Version = versionString(version, info)
	root.SetVersionTemplate("{{.Name}} {{.Version}}\n")
	root.SetHelpFunc(func(c *cobra.Command, _ []string) { writeHelp(c) })
	root.AddCommand(newManCmd(info))
	return root
}

// execute runs root with args and returns the process exit code.
func execute(ctx context.Context, root *cobra.Command, args []string, s Streams) int {
	root.SetArgs(args)
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	printError(s.Err, err)
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	if isUsageError(err) {
		return exitUsage
	}
	return exitFailure
}

// printError writes an error as plain lines on standard error, each
// prefixed with the program's name, so that scripts and editors can read
// positions from it.
func printError(w io.Writer, err error) {
	msg := err.Error()
	if msg == "" {
		return
	}
	// Positioned diagnostics stand alone, as a compiler's do.
	prefix := "brief: "
	var ds briefing.Diagnostics
	if errors.As(err, &ds) {
		prefix = ""
	}
	for _, line := range strings.Split(msg, "\n") {
		fmt.Fprintln(w, prefix+briefing.Sanitize(line))
	}
}

// isUsageError tells cobra's argument and flag errors apart from others.
func isUsageError(err error) bool {
	s := err.Error()
	for _, p := range []string{"unknown flag", "unknown shorthand flag", "flag needs an argument", "invalid argument", "unknown command", "accepts ", "requires "} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// load reads the briefing at path, or the embedded one when path is empty,
// with every check.
func load(path string) (*briefing.Briefing, error) {
	return loadWith(path, briefing.LoadOptions{Check: true})
}

// loadToRead loads a briefing to read or search it: without the warnings
// only brief check reports, which cost half of a load. Errors, such as a
// skipped topic, are still found.
func loadToRead(path string) (*briefing.Briefing, error) {
	return loadWith(path, briefing.LoadOptions{})
}

func loadWith(path string, opts briefing.LoadOptions) (*briefing.Briefing, error) {
	if path == "" {
		b, err := briefing.LoadFSWith(content.FS, ".", opts)
		if b != nil {
			b.Path = "" // not a path the user could open
		}
		return b, err
	}
	return briefing.LoadWith(path, opts)
}

// commandHint adds to err, the failure to load path, the command that a
// missing path named like one was probably meant to be: "brief version"
// is "brief --version", "brief lst" is "brief list".
func commandHint(cmd *cobra.Command, path string, err error) error {
	if path == "" || strings.ContainsAny(path, `./\`) {
		return err
	}
	if _, serr := os.Stat(path); !errors.Is(serr, fs.ErrNotExist) {
		return err
	}
	var hints []string
	if path == "version" {
		hints = append(hints, "--version")
	}
	cmd.SuggestionsMinimumDistance = 2
	hints = append(hints, cmd.SuggestionsFor(path)...)
	if len(hints) == 0 {
		return err
	}
	return fmt.Errorf("%w; did you mean brief %s?", err, strings.Join(hints, " or brief "))
}

// pathArg returns the optional PATH argument at index i.
func pathArg(args []string, i int) string {
	if len(args) > i {
		return args[i]
	}
	return ""
}

func newRootCmd() *cobra.Command {
	style := render.Auto
	noState, watch := false, true
	root := &cobra.Command{
		Use:   "brief [PATH]",
		Short: "Read cited news briefings in the terminal",
		Long: `brief is a terminal reader for briefings: short, structured, cited digests
of a news story. With no PATH it opens the briefing built into the program.
PATH is a briefing directory (briefing.yaml and one Markdown file per topic)
or a single Markdown file. A directory without briefing.yaml is a library:
its sub-directories holding a briefing.yaml and its Markdown files are
listed first, and enter opens one.`,
		Example: `  brief                     # read the built-in briefing
  brief ~/briefings/talks   # read a briefing directory
  brief notes.md            # read any Markdown file as a briefing
  brief ~/briefings         # choose from a folder of briefings
  brief check --strict .    # validate a briefing you are writing`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := pathArg(args, 0)
			opts := ui.Options{Style: style, NoState: noState, Watch: watch, Load: loadToRead}
			if !noState {
				opts.State = state.Open(state.Dir())
			}
			if path != "" && briefing.IsLibrary(path) {
				return runLibrary(path, opts)
			}
			b, err := loadToRead(path)
			if err != nil {
				return commandHint(cmd, path, err)
			}
			// The built-in briefing, with no path, is never watched.
			opts.Path = path
			return ui.Run(b, opts)
		},
	}
	root.Flags().Var(&style, "style", "colour style: auto, dark, light or notty")
	root.Flags().BoolVar(&noState, "no-state", false, "keep no reading state: none read, none written")
	root.Flags().BoolVar(&watch, "watch", true, "reload the briefing when its files are saved; --watch=false does not watch")
	root.AddCommand(newPrintCmd(), newListCmd(), newCheckCmd(), newSearchCmd(), newStateCmd(), newExportCmd(), newNewCmd())
	return root
}
