package briefing

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxTexts is the most files ReadTexts reads from one directory.
const MaxTexts = 10000

// Quote is a passage between double quotes in Markdown text.
type Quote struct {
	// Text is what stands between the quotation marks.
	Text string
	// Offset is the byte offset of the opening mark in the scanned text.
	Offset int
}

// Quotes finds the passages between double quotes in Markdown text,
// straight ("...") or curly (“...”). A quotation ends at the next closing
// mark; one still open at a blank line or at the end of the text is
// dropped, so a stray mark cannot swallow the next paragraph. Code spans,
// fenced code blocks, backslash-escaped marks and citation groups (whose
// excerpts are quoted) are skipped, as in ScanCitations.
func Quotes(s string) []Quote {
	var out []Quote
	open := -1 // offset of the open mark, or -1
	textStart := 0
	lineStart := true
	var fence fences
	for i := 0; i < len(s); {
		if lineStart {
			lineStart = false
			end := lineEnd(s, i)
			line := s[i:end]
			if strings.TrimSpace(line) == "" {
				open = -1 // a blank line ends the paragraph
			}
			if fence.code(line) {
				open = -1
				i = end + 1
				lineStart = true
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n':
			lineStart = true
		case r == '\\':
			if i+1 < len(s) && s[i+1] != '\n' {
				_, n := utf8.DecodeRuneInString(s[i+1:])
				size += n
			}
		case r == '`':
			i = skipCodeSpan(s, i)
			continue
		case r == '[':
			// A citation's excerpts are checked with its source, and
			// their marks must not pair with the text's.
			if end, ok := CitationEnd(s, i); ok && (i == 0 || s[i-1] != '!') {
				i = end
				continue
			}
		case open < 0 && (r == '"' || r == '“'):
			open, textStart = i, i+size
		case open >= 0 && (r == '"' || r == '”'):
			out = append(out, Quote{Text: s[textStart:i], Offset: open})
			open = -1
		}
		i += size
	}
	return out
}

// normalizeQuoted folds the differences that do not change a quotation:
// each run of white space becomes one space, curly quotation marks and
// apostrophes become straight ones, dashes become hyphens. Case is kept.
func normalizeQuoted(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		switch r {
		case '“', '”', '„', '‟':
			r = '"'
		case '‘', '’', '‚', '‛':
			r = '\''
		case '‐', '‑', '‒', '–', '—', '―', '−':
			r = '-'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// CheckQuotes reports, as errors, the quotations in b that appear verbatim
// in none of texts (file name to content). It checks topic bodies, the
// summary and timeline events. Differences of white space and of straight
// versus curly quotation marks and apostrophes are ignored; case is not.
// Positions in topic bodies are exact; a quotation in the summary or in a
// timeline event is reported at the start of its entry.
func CheckQuotes(b *Briefing, texts map[string]string) Diagnostics {
	names := make([]string, 0, len(texts))
	for name := range texts {
		names = append(names, name)
	}
	sort.Strings(names)
	norm := make([]string, len(names))
	for i, name := range names {
		norm[i] = normalizeQuoted(texts[name])
	}
	seen := make(map[string]bool)
	found := func(q string) bool {
		if ok, done := seen[q]; done {
			return ok
		}
		ok := false
		for _, t := range norm {
			if strings.Contains(t, q) {
				ok = true
				break
			}
		}
		seen[q] = ok
		return ok
	}
	var ds Diagnostics
	check := func(text string, pos func(off int) Pos, where string) {
		for _, q := range Quotes(text) {
			n := normalizeQuoted(q.Text)
			if n == "" || found(n) {
				continue
			}
			ds.errorf(pos(q.Offset), "quotation%s not found in the source texts: \"%s\"", where, Sanitize(shorten(n, 60)))
		}
	}
	if b.Summary != "" {
		p := Pos{File: metaFileOf(b)}
		check(b.Summary, func(int) Pos { return p }, " in the summary")
	}
	for _, t := range b.Topics {
		check(t.Body, t.bodyPos(), "")
	}
	for _, e := range b.Timeline {
		check(e.Text, func(int) Pos { return e.Pos }, " in a timeline event")
	}
	return ds
}

// metaFileOf names the file that holds b's summary: the one its sources
// or timeline come from, or else b's path.
func metaFileOf(b *Briefing) string {
	for _, s := range b.Sources {
		if s.Pos.File != "" {
			return s.Pos.File
		}
	}
	for _, e := range b.Timeline {
		if e.Pos.File != "" {
			return e.Pos.File
		}
	}
	return b.Path
}

// bodyPos returns the file position of an offset of t.Body. Offsets
// mostly come in order, so each is counted on from the last one, which
// keeps a long body linear.
func (t *Topic) bodyPos() func(off int) Pos {
	text := t.Body
	if t.notes != nil {
		text = t.src
	}
	last, lastPos := 0, t.BodyPos
	return func(off int) Pos {
		off = origOffset(t.notes, off)
		if off < last {
			last, lastPos = 0, t.BodyPos
		}
		lastPos = offsetPos(lastPos, text[last:], off-last)
		last = off
		return lastPos
	}
}

// offsetPos is the file position of byte offset off in text, where text
// starts at base.
func offsetPos(base Pos, text string, off int) Pos {
	if off > len(text) {
		off = len(text)
	}
	before := text[:off]
	nl := strings.LastIndexByte(before, '\n')
	p := Pos{File: base.File, Line: base.Line + strings.Count(before, "\n")}
	if nl < 0 {
		p.Col = base.Col + utf8.RuneCountInString(before)
	} else {
		p.Col = 1 + utf8.RuneCountInString(before[nl+1:])
	}
	if base.Line == 0 {
		p.Line, p.Col = 0, 0 // the base is only a file
	}
	return p
}

// shorten cuts s to at most n runes, marking a cut with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// ReadTexts reads the regular text files directly in dir into a map from
// file name to content, for CheckQuotes. Files over MaxFileSize, files
// that are not valid UTF-8 or hold NUL bytes, subdirectories and symbolic
// links are skipped, so a directory of mixed material still works.
func ReadTexts(dir string) (map[string]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fileError(dir, errText(err))
	}
	if len(entries) > MaxTexts {
		return nil, fileError(dir, fmt.Sprintf("%d entries, over the limit of %d", len(entries), MaxTexts))
	}
	texts := make(map[string]string)
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		data, ok, err := readText(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		if ok {
			texts[e.Name()] = string(data)
		}
	}
	return texts, nil
}

// readText reads the file at name if it is text no larger than
// MaxFileSize; ok is false if it is not.
func readText(name string) (data []byte, ok bool, err error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, false, fileError(name, errText(err))
	}
	defer f.Close()
	data, err = io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, false, fileError(name, errText(err))
	}
	if len(data) > MaxFileSize || !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return nil, false, nil
	}
	return data, true, nil
}
