package cli

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Help is laid out for COLUMNS, or the width of the terminal, or 80, and
// at most maxHelpWidth: prose much wider than that is hard to read.
const (
	maxHelpWidth = 100
	minHelpWidth = 40
)

// helpStyles are the styles of brief's help, as the reader's for a dark
// or a light background.
type helpStyles struct {
	title, command, flag, comment lipgloss.Style
}

func newHelpStyles(isDark bool) helpStyles {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#5A3FC0"), lipgloss.Color("#A48CF2"))
	dim := ld(lipgloss.Color("#8A8A8A"), lipgloss.Color("#6C6C6C"))
	green := ld(lipgloss.Color("#0B7A55"), lipgloss.Color("#5FD7A7"))
	return helpStyles{
		title:   lipgloss.NewStyle().Bold(true).Foreground(accent),
		command: lipgloss.NewStyle().Foreground(accent),
		flag:    lipgloss.NewStyle().Foreground(green),
		comment: lipgloss.NewStyle().Foreground(dim),
	}
}

// writeHelp is the help of every command: styled on a terminal, plain
// text in a pipe, and wrapped at word boundaries to the width.
func writeHelp(c *cobra.Command) {
	out := c.OutOrStdout()
	isDark := true
	if f, ok := out.(term.File); ok && term.IsTerminal(f.Fd()) {
		isDark = lipgloss.HasDarkBackground(os.Stdin, f)
	}
	w := colorprofile.NewWriter(out, os.Environ())
	_, _ = io.WriteString(w, renderHelp(c, newHelpStyles(isDark), helpWidth(out)))
}

// helpWidth is the width help is laid out for: COLUMNS when it is set,
// as ls reads it, else the terminal's width, else 80.
func helpWidth(w io.Writer) int {
	width := 80
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		width = n
	} else if f, ok := w.(term.File); ok && term.IsTerminal(f.Fd()) {
		if tw, _, err := term.GetSize(f.Fd()); err == nil && tw > 0 {
			width = tw
		}
	}
	return min(max(width, minHelpWidth), maxHelpWidth)
}

// renderHelp lays out c's help for width columns.
func renderHelp(c *cobra.Command, st helpStyles, width int) string {
	var b strings.Builder
	section := func(name string) {
		fmt.Fprintf(&b, "\n  %s\n\n", st.title.Render(strings.ToUpper(name)))
	}
	b.WriteString("\n")
	for i, p := range paragraphs(cmp.Or(c.Long, c.Short)) {
		if i > 0 {
			b.WriteString("\n")
		}
		writeWrapped(&b, p, 2, width)
	}

	section("usage")
	fmt.Fprintf(&b, "    %s\n", st.command.Render(c.UseLine()))
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "    %s\n", st.command.Render(c.CommandPath()+" COMMAND [flags]"))
	}

	if c.Example != "" {
		section("examples")
		for _, ex := range exampleLines(c.Example) {
			for _, line := range fitExample(ex, width-4) {
				cmd, comment, _ := strings.Cut(line, "#")
				if comment != "" {
					comment = st.comment.Render("#" + comment)
				}
				fmt.Fprintf(&b, "    %s%s\n", cmd, comment)
			}
		}
	}

	var cmds, flags [][2]string
	for _, sc := range c.Commands() {
		if sc.IsAvailableCommand() {
			cmds = append(cmds, [2]string{sc.Use, sc.Short})
		}
	}
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			d := docFlag(f)
			flags = append(flags, [2]string{d.String(), d.usage})
		}
	})
	col := 0
	for _, r := range append(cmds, flags...) {
		col = max(col, utf8.RuneCountInString(r[0])+2)
	}
	if len(cmds) > 0 {
		section("commands")
		writeTable(&b, cmds, st.command, col, width)
	}
	if len(flags) > 0 {
		section("flags")
		writeTable(&b, flags, st.flag, col, width)
	}
	b.WriteString("\n")
	return b.String()
}

// writeTable writes rows of a name and its description, the names in a
// column of col, each description wrapped beside its name, or under it
// when the terminal is too narrow for both.
func writeTable(b *strings.Builder, rows [][2]string, name lipgloss.Style, col, width int) {
	const indent = 4
	descWidth := width - indent - col
	for _, r := range rows {
		key := strings.Repeat(" ", indent) + name.Render(r[0])
		desc := capitalize(r[1])
		if descWidth < 24 {
			b.WriteString(strings.Repeat(" ", indent) + name.Render(strings.TrimSpace(r[0])) + "\n")
			writeWrapped(b, desc, indent+4, width)
			continue
		}
		lines := wrap(desc, descWidth)
		pad := strings.Repeat(" ", col-utf8.RuneCountInString(r[0]))
		fmt.Fprintf(b, "%s%s%s\n", key, pad, lines[0])
		for _, l := range lines[1:] {
			fmt.Fprintf(b, "%s%s\n", strings.Repeat(" ", indent+col), l)
		}
	}
}

// writeWrapped writes text wrapped at word boundaries to width, indented.
func writeWrapped(b *strings.Builder, text string, indent, width int) {
	for _, l := range wrap(text, width-indent) {
		fmt.Fprintf(b, "%s%s\n", strings.Repeat(" ", indent), l)
	}
}

// wrap fills lines of at most width columns with the words of text, at
// spaces only: an option such as --strict is never broken at its dashes,
// and a word wider than the width stays whole.
func wrap(text string, width int) []string {
	var lines []string
	cur, curW := "", 0
	for _, w := range strings.Fields(text) {
		ww := ansi.StringWidth(w)
		if cur != "" && curW+1+ww > width {
			lines = append(lines, cur)
			cur, curW = "", 0
		}
		if cur != "" {
			cur += " "
			curW++
		}
		cur += w
		curW += ww
	}
	return append(lines, cur)
}

// paragraphs splits help text at blank lines and joins the lines of each
// paragraph, to be wrapped again.
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.TrimSpace(s), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// exampleLines returns a command's examples without their common indent,
// their alignment kept.
func exampleLines(s string) []string {
	lines := strings.Split(strings.Trim(s, "\n"), "\n")
	indent := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " "))
		if indent < 0 || n < indent {
			indent = n
		}
	}
	for i, l := range lines {
		lines[i] = strings.TrimRight(l[min(indent, len(l)-len(strings.TrimLeft(l, " "))):], " ")
	}
	return lines
}

// fitExample breaks an example wider than width as a shell reads it: its
// comment on a line above it, and the command continued with "\" at
// spaces. A word wider than the width stays whole.
func fitExample(line string, width int) []string {
	if ansi.StringWidth(line) <= width {
		return []string{line}
	}
	var out []string
	cmd, comment, ok := strings.Cut(line, " #")
	if ok {
		for _, l := range wrap(strings.TrimSpace(comment), width-2) {
			out = append(out, "# "+l)
		}
		line = strings.TrimRight(cmd, " ")
		if ansi.StringWidth(line) <= width {
			return append(out, line)
		}
	}
	cur := ""
	for _, w := range strings.Fields(line) {
		switch {
		case cur == "":
			cur = w
		case ansi.StringWidth(cur+" "+w+" \\") <= width:
			cur += " " + w
		default:
			out = append(out, cur+" \\")
			cur = "  " + w
		}
	}
	return append(out, cur)
}

// flagDoc is how a flag is written and what it does.
type flagDoc struct {
	short, long string // "-t", "--topic"; short may be ""
	arg         string // the value's name, "TOPIC", or "" for a switch
	usage       string // with its default when it has one worth saying
}

func docFlag(f *pflag.Flag) flagDoc {
	arg, usage := pflag.UnquoteUsage(f)
	d := flagDoc{long: "--" + f.Name, arg: strings.ToUpper(arg), usage: usage}
	if f.Shorthand != "" {
		d.short = "-" + f.Shorthand
	}
	switch f.DefValue {
	case "", "false", "0", "[]":
	default:
		if !strings.Contains(usage, "default") {
			d.usage += " (default: " + f.DefValue + ")"
		}
	}
	return d
}

// String writes the flag as help lists it: "-t, --topic TOPIC", the long
// names of flags without a short one lined up under those with one.
func (d flagDoc) String() string {
	s := "    " + d.long
	if d.short != "" {
		s = d.short + ", " + d.long
	}
	if d.arg != "" {
		s += " " + d.arg
	}
	return s
}

// capitalize writes s with a capital first letter, as help lists do.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
