package cli

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func newManCmd(info *debug.BuildInfo) *cobra.Command {
	return &cobra.Command{
		Use:    "man",
		Short:  "Write brief's manual page, for man -l -",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := io.WriteString(cmd.OutOrStdout(), manPage(cmd.Root(), buildDate(info)))
			return err
		},
	}
}

// manPage writes root's manual page in roff: the text of every command's
// help, its paragraphs left for man to fill, its examples as written.
func manPage(root *cobra.Command, date string) string {
	var b strings.Builder
	name := root.Name()
	fmt.Fprintf(&b, ".TH %s 1 %q %q \"User Commands\"\n", strings.ToUpper(name), date, strings.TrimSpace(name+" "+root.Version))
	// Words are not hyphenated: an option broken at a line's end could
	// not be copied.
	b.WriteString(".nh\n")
	b.WriteString(".SH NAME\n")
	fmt.Fprintf(&b, "%s \\- %s\n", name, roffText(lowerFirst(root.Short)))

	cmds := manCommands(root)
	b.WriteString(".SH SYNOPSIS\n")
	for i, c := range append([]*cobra.Command{root}, cmds...) {
		if i > 0 {
			b.WriteString(".br\n")
		}
		path := c.CommandPath()
		fmt.Fprintf(&b, "\\fB%s\\fR%s\n", roffText(path), roffText(strings.TrimPrefix(c.UseLine(), path)))
	}

	b.WriteString(".SH DESCRIPTION\n")
	writeParagraphs(&b, root.Long)
	b.WriteString(".SH OPTIONS\n")
	writeFlags(&b, root)

	b.WriteString(".SH COMMANDS\n")
	for _, c := range cmds {
		fmt.Fprintf(&b, ".SS %s\n", roffText(c.CommandPath()))
		if c.Long == "" || c.Name() == "completion" {
			fmt.Fprintf(&b, "%s.\n", roffText(c.Short))
			continue
		}
		writeParagraphs(&b, c.Long)
		if hasOwnFlags(c) {
			b.WriteString(".PP\nOptions:\n")
			writeFlags(&b, c)
		}
		if c.Example != "" {
			b.WriteString(".PP\nExamples:\n")
			writeExamples(&b, c.Example)
		}
	}
	if root.Example != "" {
		b.WriteString(".SH EXAMPLES\n")
		writeExamples(&b, root.Example)
	}
	return b.String()
}

// manCommands returns the commands the manual describes: those the help
// lists, without help itself.
func manCommands(root *cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() && c.Name() != "help" {
			out = append(out, c)
		}
	}
	return out
}

// hasOwnFlags reports whether c has a flag other than --help.
func hasOwnFlags(c *cobra.Command) bool {
	own := false
	c.Flags().VisitAll(func(f *pflag.Flag) { own = own || f.Name != "help" && !f.Hidden })
	return own
}

func writeParagraphs(b *strings.Builder, text string) {
	for i, p := range paragraphs(text) {
		if i > 0 {
			b.WriteString(".PP\n")
		}
		b.WriteString(roffText(p) + "\n")
	}
}

// writeFlags writes c's flags as tagged paragraphs: "-t, --topic TOPIC"
// in bold with its argument in italics, then what it does.
func writeFlags(b *strings.Builder, c *cobra.Command) {
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		d := docFlag(f)
		line := `\fB` + roffText(d.long) + `\fR`
		if d.short != "" {
			line = `\fB` + roffText(d.short) + `\fR, ` + line
		}
		if d.arg != "" {
			line += ` \fI` + roffText(d.arg) + `\fR`
		}
		fmt.Fprintf(b, ".TP\n%s\n%s\n", line, roffText(capitalize(d.usage)))
	})
}

// writeExamples writes examples as they are, unfilled and indented.
func writeExamples(b *strings.Builder, ex string) {
	b.WriteString(".PP\n.RS 4\n.nf\n")
	for _, l := range exampleLines(ex) {
		b.WriteString(roffText(l) + "\n")
	}
	b.WriteString(".fi\n.RE\n")
}

// roffText escapes text for roff: backslashes; dashes that start an
// option, which must stay ASCII to be copied; and a line starting with a
// dot or an apostrophe, which roff would take for a request.
func roffText(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	var b strings.Builder
	option := false // in a run of dashes that starts a word
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '-' && (option || i == 0 || strings.IndexByte(" \n[(|\"'", s[i-1]) >= 0) {
			option = true
			b.WriteString(`\-`)
			continue
		}
		option = false
		if (c == '.' || c == '\'') && (i == 0 || s[i-1] == '\n') {
			b.WriteString(`\&`)
		}
		b.WriteByte(c)
	}
	return b.String()
}

// lowerFirst is s with a lower-case first letter, for the NAME line.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
