package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"brief/briefing"
	"brief/internal/search"
)

// Marks for a match on a terminal: bold and reverse video, then reset.
const (
	markOn  = "\x1b[1;7m"
	markOff = "\x1b[m"
)

// searchMemory is the heap size at which brief search collects garbage:
// about four times what a 20 MiB briefing needs.
const searchMemory = 512 << 20

// searchFullIndex makes brief search index every text, not only those
// that may match; tests set it to compare the two.
var searchFullIndex = false

// snippetWidth caps a snippet on a terminal, where a whole paragraph on
// one line would wrap into a wall of text.
const snippetWidth = 160

func newSearchCmd() *cobra.Command {
	var (
		asJSON bool
		color  string
	)
	cmd := &cobra.Command{
		Use:   "search QUERY [PATH]",
		Short: "Find text across a briefing's topics and timeline",
		Long: `search prints every line of the briefing's topics and timeline that
matches QUERY, once, as grep does: the topic id (or "timeline"), the line
in its file, and the line of text, with the matches marked on a terminal.
The excerpts of citations ([@a, "the passage"]), hidden in the running
text, are searched too: a match in one is printed after the line of its
citation as the topic id, the line and column of the excerpt's opening
quotation mark, and the excerpt, "guarantees:13:233: excerpt of [1]: ...".

QUERY is literal text, matched as in the reader: in lower case it ignores
case, with any capital it matches case exactly; accents are ignored; words
match across line breaks; and a query naming an actor (its name or an
alias) also finds the actor's other spellings, listed on standard error, as
whole words, and in capitals only where written in capitals ("US").

With --json, each match (not each line) is one JSON object per line (JSON Lines) with the
fields topic (absent for the timeline), event (timeline index, absent in
topics), file, line, text (the whole line), match, and start and end (the
byte range of the match in text). A match in an excerpt also has excerpt
(true), marker (its citation's marker, "[1]") and col (the column of the
excerpt's opening mark on line), and its text is the excerpt.

The exit status is 0 if there was a match, 1 if there was none, and 2 on
an error, as with grep. PATH is one briefing: for a library search names
one of its briefings to search instead, and exits 2.`,
		Example: `  brief search zelensky
  brief search "security guarantees" ~/briefings/talks
  brief search --json Donetsk | jq -r .topic | sort | uniq -c`,
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) == 0:
				return argsError(cmd, "search needs a QUERY, the text to find")
			case len(args) > 2:
				return argsError(cmd, fmt.Sprintf("search takes a QUERY and at most one PATH, not %d arguments", len(args)))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			var mark bool
			switch color {
			case "auto":
				mark = isTerminal(out) && os.Getenv("NO_COLOR") == ""
			case "always":
				mark = true
			case "never":
			default:
				return usageError(cmd, fmt.Sprintf("invalid argument %q for --color: want auto, always or never", color))
			}
			if strings.TrimSpace(args[0]) == "" {
				return usageError(cmd, "empty query")
			}
			// A search is one pass over text that stays live until it
			// ends: collecting garbage meanwhile would free next to
			// nothing. Memory is capped all the same.
			defer debug.SetGCPercent(debug.SetGCPercent(-1))
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(searchMemory))
			path := pathArg(args, 1)
			if err := oneBriefing(cmd, path, false, func(e string) string { return "search " + shellWord(args[0]) + " " + e }); err != nil {
				return err
			}
			// The text is all a search needs: no citations, no checks.
			b, err := loadWith(path, briefing.LoadOptions{SkipCitations: true})
			if err != nil {
				return loadFailure(cmd, err)
			}
			s := searcher{out: out, mark: mark, json: asJSON, full: searchFullIndex}
			if mark {
				s.width = snippetWidth
			}
			n, err := s.run(cmd.ErrOrStderr(), b, args[0])
			if err != nil {
				return err
			}
			if errs := b.Diagnostics.Errors(); len(errs) > 0 {
				// Some topics were skipped: the search was incomplete.
				printDiagnostics(cmd.ErrOrStderr(), errs)
				return &exitError{code: exitUsage}
			}
			if n == 0 {
				return &exitError{code: exitFailure}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print matches as JSON Lines")
	cmd.Flags().StringVar(&color, "color", "auto", "mark matches `WHEN`: auto (on a terminal without NO_COLOR), always or never")
	return cmd
}

// usageError ends the command with exit status 2 and message msg.
func usageError(cmd *cobra.Command, msg string) error {
	fmt.Fprintln(cmd.ErrOrStderr(), "brief: "+msg)
	return &exitError{code: exitUsage}
}

// argsError is usageError for arguments that are missing or too many,
// with the command's usage line.
func argsError(cmd *cobra.Command, msg string) error {
	fmt.Fprintln(cmd.ErrOrStderr(), "brief: "+msg)
	fmt.Fprintln(cmd.ErrOrStderr(), "usage: "+cmd.UseLine())
	return &exitError{code: exitUsage}
}

// loadFailure reports a briefing that could not be loaded, with exit
// status 2 as grep uses for errors.
func loadFailure(cmd *cobra.Command, err error) error {
	var ds briefing.Diagnostics
	if errors.As(err, &ds) {
		printDiagnostics(cmd.ErrOrStderr(), ds)
	} else {
		fmt.Fprintln(cmd.ErrOrStderr(), "brief: "+briefing.Sanitize(err.Error()))
	}
	return &exitError{code: exitUsage}
}

func printDiagnostics(w io.Writer, ds briefing.Diagnostics) {
	for _, d := range ds {
		fmt.Fprintln(w, briefing.Sanitize(d.String()))
	}
}

// searcher writes the matches of one search.
type searcher struct {
	out   io.Writer
	mark  bool
	json  bool
	width int // snippet width in bytes, 0 for the whole line
	// full indexes every text rather than those that may match, as the
	// reader does: the same output, slower; tests compare the two.
	full bool
}

// jsonMatch is one line of --json output.
type jsonMatch struct {
	Topic string `json:"topic,omitempty"`
	Event *int   `json:"event,omitempty"`
	File  string `json:"file"`
	Line  int    `json:"line"`
	Text  string `json:"text"`
	Match string `json:"match"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Excerpt, Marker and Col say that the match is in the excerpt of a
	// citation, which Text holds: its marker in the text, and the column
	// of its opening quotation mark on Line.
	Excerpt bool   `json:"excerpt,omitempty"`
	Marker  string `json:"marker,omitempty"`
	Col     int    `json:"col,omitempty"`
}

// run searches b for query, writes the matches and returns their number.
func (s searcher) run(errw io.Writer, b *briefing.Briefing, query string) (int, error) {
	q := search.Compile(query, b.Actors)
	ix := search.NewIndexFor(b, q)
	if s.full {
		ix = search.NewIndex(b)
	}
	ms := ix.Search(q)
	total := len(ms)
	if alts := q.Alternatives(); len(alts) > 0 && !s.json {
		fmt.Fprintf(errw, "brief: also matching %s (spellings of %s)\n",
			briefing.Sanitize(strings.Join(alts, ", ")), briefing.Sanitize(q.Actor()))
	}
	w := bufio.NewWriterSize(s.out, 64<<10)
	if s.json {
		if err := s.writeJSON(w, ix, ms); err != nil {
			return 0, err
		}
		return len(ms), w.Flush()
	}
	// A line per match, appended in the writer's buffer: thousands of
	// matches make formatting count. A write error sticks to w, and
	// Flush reports it.
	place, placeOf := "", "\x00"
	for len(ms) > 0 {
		// Each line once, as grep prints it, with all its matches; the
		// excerpts of citations on it, which come between its matches
		// in reading order, after it.
		same, rest := lineMatches(ix, ms)
		m := same[0]
		ms = rest
		if m.Topic != placeOf {
			placeOf, place = m.Topic, m.Topic
			if place == "" {
				place = "timeline"
			}
			place = briefing.Sanitize(place)
		}
		line := append(w.AvailableBuffer(), place...)
		line = append(line, ':')
		line = strconv.AppendInt(line, int64(m.Line), 10)
		if ex, ok := ix.Excerpt(m); ok {
			line = append(line, ':')
			line = strconv.AppendInt(line, int64(ex.Col), 10)
			line = append(line, ": excerpt of "...)
			line = append(line, ex.Marker...)
		}
		line = append(line, ": "...)
		start := len(line)
		// Snippets hold no control characters, but a briefing from
		// elsewhere may have reached the index without the loader:
		// AppendSnippet sanitizes them.
		line, hls := ix.AppendLine(line, same, s.width)
		if s.mark {
			// From the last, so that the offsets before stay true.
			for i := len(hls) - 1; i >= 0; i-- {
				line = slices.Insert(line, start+hls[i].End, []byte(markOff)...)
				line = slices.Insert(line, start+hls[i].Start, []byte(markOn)...)
			}
		}
		w.Write(append(line, '\n'))
	}
	return total, w.Flush()
}

// lineMatches splits ms, matches in reading order, into those of the
// line of ms[0], which brief search prints as one, and the rest, in
// order: the matches of excerpts met between the line's matches come
// first in the rest.
func lineMatches(ix *search.Index, ms []search.Match) (same, rest []search.Match) {
	// Excerpts are lines of one text; two may stand on one line of the
	// file.
	first, inExcerpt := ix.Excerpt(ms[0])
	sameLine := func(m search.Match) bool {
		if m.Doc != ms[0].Doc || m.Line != ms[0].Line {
			return false
		}
		ex, _ := ix.Excerpt(m)
		return ex.N == first.N
	}
	isExcerpt := func(m search.Match) bool { return ix.Doc(m.Doc).Excerpts }
	n, last := 1, 1 // matches looked at; those up to the line's last
	for n < len(ms) && (sameLine(ms[n]) || isExcerpt(ms[n]) && !inExcerpt) {
		n++
		if sameLine(ms[n-1]) {
			last = n
		}
	}
	if last == 1 || slices.IndexFunc(ms[:last], func(m search.Match) bool { return !sameLine(m) }) < 0 {
		return ms[:last], ms[last:]
	}
	// Rare: a line with an excerpt's match between two of its own.
	for _, m := range ms[:last] {
		if sameLine(m) {
			same = append(same, m)
		}
	}
	for _, m := range ms[:last] {
		if !sameLine(m) {
			rest = append(rest, m)
		}
	}
	return same, append(rest, ms[last:]...)
}

// writeJSON writes the matches ms found in ix as JSON Lines.
func (s searcher) writeJSON(w io.Writer, ix *search.Index, ms []search.Match) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	var buf []byte
	for _, m := range ms {
		var hl search.Range
		buf, hl = ix.AppendSnippet(buf[:0], m, s.width)
		text := string(buf)
		jm := jsonMatch{Topic: m.Topic, File: ix.Doc(m.Doc).File, Line: m.Line, Text: text,
			Match: text[hl.Start:hl.End], Start: hl.Start, End: hl.End}
		if m.Event >= 0 {
			ev := m.Event
			jm.Event = &ev
		}
		if ex, ok := ix.Excerpt(m); ok {
			jm.Excerpt, jm.Marker, jm.Col = true, ex.Marker, ex.Col
		}
		if err := enc.Encode(jm); err != nil {
			return err
		}
	}
	return nil
}
