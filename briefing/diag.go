package briefing

import (
	"fmt"
	"strings"
)

// Pos is a position in a briefing file. Line and Col count from 1; Col
// counts characters (runes), not bytes. A zero Line means the whole file.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats p as path:line:col, leaving out what is unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// before orders positions by file, line and column.
func (p Pos) before(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// Severity says whether a diagnostic stops a briefing from being valid.
type Severity int

// Severities of diagnostics.
const (
	Error Severity = iota
	Warning
	// Note is something worth knowing that is not a problem, such as
	// front matter fields written for another tool; brief check --strict
	// shows notes.
	Note
)

func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Note:
		return "note"
	}
	return "error"
}

// Diagnostic is one problem found in a briefing, with its position.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Message  string
}

// String formats d as "path:line:col: message", with "warning: " or
// "note: " before the message of a warning or a note.
func (d Diagnostic) String() string {
	if d.Severity != Error {
		return d.Pos.String() + ": " + d.Severity.String() + ": " + d.Message
	}
	return d.Pos.String() + ": " + d.Message
}

// Diagnostics is a list of problems, in the order they were found.
type Diagnostics []Diagnostic

// Errors returns the diagnostics of severity Error.
func (ds Diagnostics) Errors() Diagnostics { return ds.filter(Error) }

// Warnings returns the diagnostics of severity Warning.
func (ds Diagnostics) Warnings() Diagnostics { return ds.filter(Warning) }

// Notes returns the diagnostics of severity Note.
func (ds Diagnostics) Notes() Diagnostics { return ds.filter(Note) }

func (ds Diagnostics) filter(s Severity) Diagnostics {
	var out Diagnostics
	for _, d := range ds {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Err returns ds as an error if it holds any error, and nil otherwise.
func (ds Diagnostics) Err() error {
	if errs := ds.Errors(); len(errs) > 0 {
		return errs
	}
	return nil
}

// Error lists the diagnostics one per line.
func (ds Diagnostics) Error() string {
	var b strings.Builder
	for i, d := range ds {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}
