package cli

import (
	"bytes"
	"context"
	"fmt"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// commands lists every command whose help is checked.
var commands = [][]string{{}, {"print"}, {"list"}, {"check"}, {"search"}, {"state"}, {"export"}, {"new"}, {"completion"}}

// TestHelpGolden is the help of each command at 80 columns, as piped.
func TestHelpGolden(t *testing.T) {
	t.Setenv("COLUMNS", "80")
	for _, c := range commands {
		t.Run(strings.Join(append([]string{"brief"}, c...), "-"), func(t *testing.T) {
			stdout, stderr, code := run(t, append(c, "--help")...)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			golden.RequireEqual(t, stdout)
		})
	}
}

// TestHelpFits checks the help of every command at many widths: no line
// is wider than the width, none ends in spaces, none holds an escape
// code, and no word is broken.
func TestHelpFits(t *testing.T) {
	for _, width := range []int{40, 52, 60, 80, 100, 132, 200} {
		t.Setenv("COLUMNS", fmt.Sprint(width))
		for _, c := range commands {
			stdout, _, code := run(t, append(c, "--help")...)
			if code != 0 {
				t.Fatalf("%v --help: exit %d", c, code)
			}
			if strings.Contains(stdout, "\x1b") {
				t.Errorf("%v --help at %d: escape codes in piped help", c, width)
			}
			for i, line := range strings.Split(stdout, "\n") {
				if w := ansi.StringWidth(line); w > width {
					t.Errorf("%v --help at %d: line %d is %d columns: %q", c, width, i+1, w, line)
				}
				if strings.TrimRight(line, " ") != line {
					t.Errorf("%v --help at %d: line %d ends in spaces: %q", c, width, i+1, line)
				}
			}
			// Every word of the one-line descriptions is whole.
			for _, w := range []string{"specified", "(default: auto)", "autocompletion"} {
				if c == nil && !strings.Contains(strings.Join(strings.Fields(stdout), " "), w) {
					t.Errorf("--help at %d: %q is broken", width, w)
				}
			}
		}
	}
}

// TestManGolden is the manual page, with the date of a build.
func TestManGolden(t *testing.T) {
	info := &debug.BuildInfo{Settings: []debug.BuildSetting{{Key: "vcs.time", Value: "2026-11-22T10:00:00Z"}}}
	var out, errw bytes.Buffer
	code := execute(context.Background(), newProgram("v1.2.3", info), []string{"man"}, Streams{In: strings.NewReader(""), Out: &out, Err: &errw})
	if code != 0 || errw.Len() > 0 {
		t.Fatalf("man: exit %d, stderr %q", code, errw.String())
	}
	page := out.String()
	for _, bad := range []string{"--t ", "--w ", `\-\-t `, "`", "\n.PP\nof a news"} {
		if strings.Contains(page, bad) {
			t.Errorf("the manual page holds %q", bad)
		}
	}
	for _, want := range []string{`.TH BRIEF 1 "2026-11-22" "brief v1.2.3"`, `\fB\-t\fR, \fB\-\-topic\fR \fITOPIC\fR`, `\fB\-w\fR, \fB\-\-width\fR \fIN\fR`} {
		if !strings.Contains(page, want) {
			t.Errorf("the manual page lacks %q", want)
		}
	}
	golden.RequireEqual(t, page)
}
