package briefing

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"
)

// Limits on what the loader reads, so that a wrong path (a home directory,
// a disk image) fails fast with a clear message.
const (
	// MaxFileSize is the largest file the loader reads.
	MaxFileSize = 16 << 20
	// MaxTopicFiles is the most topic files read from one directory.
	MaxTopicFiles = 10000
)

// MetaFile is the name of the file that holds a briefing directory's
// title, sources, timeline and actors.
const MetaFile = "briefing.yaml"

// Load reads the briefing at path: a directory holding briefing.yaml and
// one Markdown file per topic, or a single Markdown file. Positions in
// diagnostics start with path as given.
//
// Every problem found is in the returned briefing's Diagnostics. The error
// is non-nil only when nothing readable could be loaded; it is then a
// Diagnostics value whose lines read "path: message".
func Load(path string) (*Briefing, error) {
	return LoadWith(path, LoadOptions{Check: true})
}

// LoadOptions choose how much a load checks.
type LoadOptions struct {
	// Check asks for every check, as brief check reports them: the
	// warnings about paragraphs without citations (a Markdown parse of
	// every topic), sources never cited and topics without citations.
	// Without it a load finds everything that makes a topic unreadable or
	// wrong (errors) and skips those warnings, which cost about half of
	// a load; readers and search do not show them.
	Check bool
	// SkipCitations leaves every Topic's Citations empty and so does not
	// report citations of unknown sources: for a search, which needs the
	// text only. Check overrides it.
	SkipCitations bool
}

// LoadWith is Load with options.
func LoadWith(path string, opts LoadOptions) (*Briefing, error) {
	if path == "" {
		return nil, fileError("", "no path given")
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fileError(path, errText(err))
	}
	if fi.IsDir() {
		display := func(name string) string { return filepath.Join(path, filepath.FromSlash(name)) }
		return load(dirFS(path), ".", display, opts)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	display := func(name string) string {
		if name == base {
			return path
		}
		return filepath.Join(dir, filepath.FromSlash(name))
	}
	return load(dirFS(dir), base, display, opts)
}

// LoadFS is Load over a file system: name is a directory ("." for the
// root) or a Markdown file in fsys. Positions in diagnostics use names
// within fsys.
func LoadFS(fsys fs.FS, name string) (*Briefing, error) {
	return LoadFSWith(fsys, name, LoadOptions{Check: true})
}

// LoadFSWith is LoadFS with options.
func LoadFSWith(fsys fs.FS, name string, opts LoadOptions) (*Briefing, error) {
	return load(fsys, name, func(n string) string { return n }, opts)
}

// fileError is the error for a path that cannot be loaded at all.
func fileError(file, msg string) error {
	return Diagnostics{{Pos: Pos{File: file}, Severity: Error, Message: msg}}
}

// errText is the message for a file system error, without the path that
// the diagnostic's position already gives.
func errText(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return Sanitize(pe.Err.Error())
	}
	return Sanitize(err.Error())
}

// loader holds the state of one load.
type loader struct {
	fsys    fs.FS
	display func(name string) string
	diags   Diagnostics
	md      *markdown // nil unless check
	// top is the name the load started from.
	top string
	// check asks for the warnings of LoadOptions.Check.
	check bool
	// noCites skips citations, as LoadOptions.SkipCitations asks.
	noCites bool
	// regular holds the files that their directory listing shows to be
	// regular files, which need no stat before they are opened. It is
	// not changed once workers share it.
	regular map[string]bool
}

// newWorker returns a loader sharing l's file system and options, with
// its own diagnostics and Markdown parser, for another goroutine.
func (l *loader) newWorker() *loader {
	w := &loader{fsys: l.fsys, display: l.display, top: l.top, check: l.check, noCites: l.noCites, regular: l.regular}
	if l.check {
		w.md = newMarkdown()
	}
	return w
}

func (d *Diagnostics) errorf(p Pos, format string, args ...any) {
	*d = append(*d, Diagnostic{Pos: p, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

func (d *Diagnostics) warn(p Pos, format string, args ...any) {
	*d = append(*d, Diagnostic{Pos: p, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

func load(fsys fs.FS, name string, display func(string) string, opts LoadOptions) (*Briefing, error) {
	// File names come from the file system and may hold control
	// characters too; they appear in every diagnostic.
	clean := func(n string) string { return Sanitize(display(n)) }
	if !utf8.ValidString(name) {
		return nil, fileError(clean(name), "file name is not valid UTF-8")
	}
	if !fs.ValidPath(name) {
		return nil, fileError(Sanitize(name), "invalid path")
	}
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, fileError(clean(name), errText(err))
	}
	l := (&loader{fsys: fsys, display: clean, top: name, check: opts.Check,
		noCites: opts.SkipCitations && !opts.Check}).newWorker()
	var b *Briefing
	switch {
	case fi.IsDir():
		b, err = l.loadDir(name)
	case path.Base(name) == MetaFile:
		// briefing.yaml names its directory.
		name = path.Dir(name)
		b, err = l.loadDir(name)
	default:
		b, err = l.loadFile(name)
	}
	if err != nil {
		return nil, err
	}
	b.Path = clean(name)
	sort.SliceStable(l.diags, func(i, j int) bool { return l.diags[i].Pos.before(l.diags[j].Pos) })
	b.Diagnostics = l.diags
	if len(b.Topics) == 0 && b.Summary == "" {
		if errs := l.diags.Errors(); len(errs) > 0 {
			return nil, errs
		}
	}
	return b, nil
}

// read returns the text of a file, normalized and with control characters
// neutralized, or the reason it cannot be read.
func (l *loader) read(name string) (string, *lineIndex, *Diagnostic) {
	file := l.display(name)
	fail := func(p Pos, format string, args ...any) (string, *lineIndex, *Diagnostic) {
		return "", nil, &Diagnostic{Pos: p, Severity: Error, Message: fmt.Sprintf(format, args...)}
	}
	// Only regular files are read from a directory: opening a named pipe
	// would wait for a writer forever. A file the user names may be a
	// pipe, as in brief <(command).
	if name != l.top && !l.regular[name] {
		if fi, err := fs.Stat(l.fsys, name); err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
			return fail(Pos{File: file}, "not a regular file")
		}
	}
	f, err := l.fsys.Open(name)
	if err != nil {
		if !utf8.ValidString(name) {
			// fs.FS refuses such names ("invalid argument").
			return fail(Pos{File: file}, "file name is not valid UTF-8")
		}
		return fail(Pos{File: file}, "%s", errText(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err == nil {
		if fi.IsDir() {
			return fail(Pos{File: file}, "is a directory")
		}
		if fi.Size() > MaxFileSize {
			return fail(Pos{File: file}, "file is %d bytes, over the %d MiB limit", fi.Size(), MaxFileSize>>20)
		}
	}
	data, err := readAll(f, fi)
	if err != nil {
		return fail(Pos{File: file}, "%s", errText(err))
	}
	if len(data) > MaxFileSize {
		return fail(Pos{File: file}, "file is over the %d MiB limit", MaxFileSize>>20)
	}
	// The same as normalize, in two steps.
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	// data is not changed after this: the string can share its bytes
	// rather than copy them.
	text := unsafe.String(unsafe.SliceData(data), len(data))
	if !HasControl(text) {
		// No carriage return, NUL, invalid UTF-8 or control character:
		// the usual file needs none of the passes below.
		return text, newLineIndex(text), nil
	}
	data = lineFeeds(data)
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fail(newLineIndex(string(data[:i])).pos(file, i), "binary data (NUL byte), not a text file")
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			i += n
		}
		return fail(newLineIndex(string(data[:i])).pos(file, i), "invalid UTF-8 (byte 0x%02X)", data[i])
	}
	text = neutralize(unsafe.String(unsafe.SliceData(data), len(data)), file, &l.diags)
	return text, newLineIndex(text), nil
}

// readAll reads f up to one byte past MaxFileSize, in one read for a
// regular file, whose size fi (which may be nil) gives.
func readAll(f fs.File, fi fs.FileInfo) ([]byte, error) {
	size := 0
	if fi != nil && fi.Mode().IsRegular() && fi.Size() <= MaxFileSize {
		size = int(fi.Size())
	}
	// One byte more, to see the end of the file (or that it grew).
	buf := make([]byte, 0, size+1)
	r := io.LimitReader(f, MaxFileSize+1)
	for {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
}

// loadDir loads a briefing directory.
func (l *loader) loadDir(dir string) (*Briefing, error) {
	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		return nil, fileError(l.display(dir), errText(err))
	}
	hasMeta := false
	var files []string
	l.regular = make(map[string]bool, len(entries))
	for _, e := range entries {
		n := e.Name()
		if e.Type().IsRegular() {
			l.regular[path.Join(dir, n)] = true
		}
		switch {
		case strings.HasPrefix(n, "."):
		case n == MetaFile:
			hasMeta = true
		case strings.EqualFold(path.Ext(n), ".md") && !e.IsDir():
			files = append(files, n)
		}
	}
	if !hasMeta && len(files) == 0 {
		return nil, fileError(l.display(dir), "holds no "+MetaFile+" and no Markdown file")
	}
	if len(files) > MaxTopicFiles {
		l.diags.errorf(Pos{File: l.display(dir)}, "%d Markdown files, over the limit of %d: only the first %d are read",
			len(files), MaxTopicFiles, MaxTopicFiles)
		files = files[:MaxTopicFiles]
	}

	// The topic files load on every core while this goroutine reads
	// briefing.yaml: they do not depend on it until they are assembled.
	loaded := make(chan []topicResult, 1)
	go func() { loaded <- l.loadTopicFiles(dir, files) }()

	var m meta
	metaOK := false
	if !hasMeta {
		l.diags.errorf(Pos{File: l.display(dir)}, "no %s: the briefing has no title, sources or timeline", MetaFile)
	} else {
		m, metaOK = l.readMetaFile(path.Join(dir, MetaFile))
	}
	if m.title == "" {
		m.title = filepath.Base(l.display(dir))
	}

	a := &assembly{meta: m, metaOK: metaOK, present: map[string]bool{}, single: false}
	firstFile := map[string]string{}
	for i, r := range <-loaded {
		l.diags = append(l.diags, r.read...)
		ti := r.ti
		if ti == nil {
			f := files[i]
			a.present[Sanitize(strings.TrimSuffix(f, path.Ext(f)))] = true
			continue
		}
		if other, dup := firstFile[ti.t.ID]; dup {
			l.diags.errorf(ti.decl, "duplicate topic id %q (also in %s); topic skipped", ti.t.ID, other)
			continue
		}
		firstFile[ti.t.ID] = ti.decl.File
		a.present[ti.t.ID] = true
		l.diags = append(l.diags, r.finish...)
		a.topics = append(a.topics, ti)
	}
	return l.assemble(a), nil
}

// readMetaFile reads a briefing.yaml, reporting what is wrong with it,
// and reports whether it was a mapping of fields.
func (l *loader) readMetaFile(name string) (m meta, ok bool) {
	text, lines, fail := l.read(name)
	if fail != nil {
		l.diags = append(l.diags, *fail)
		return m, false
	}
	y := &yamlReader{file: l.display(name), diags: &l.diags, lines: lines}
	if body, parsed := y.parse(text); parsed {
		ok = y.readMeta(body, &m)
	}
	if ok && !m.titleSet {
		l.diags.errorf(Pos{File: y.file}, "missing title")
	}
	return m, ok
}

// topicResult is a topic file loaded on its own, with the diagnostics of
// reading it and of checking its text kept apart: a topic skipped as a
// duplicate keeps the first and drops the second.
type topicResult struct {
	ti           *topicInfo
	read, finish Diagnostics
}

// loadTopicFiles loads the topic files of dir in parallel, as each is
// independent until ids are compared, and returns them in order.
func (l *loader) loadTopicFiles(dir string, files []string) []topicResult {
	out := make([]topicResult, len(files))
	workers := min(runtime.GOMAXPROCS(0), len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each worker has its own diagnostics and Markdown parser.
			w := l.newWorker()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				r := &out[i]
				r.ti = w.loadTopicFile(path.Join(dir, files[i]))
				r.read, w.diags = w.diags, nil
				if r.ti != nil {
					w.finishTopic(r.ti)
					r.finish, w.diags = w.diags, nil
				}
			}
		}()
	}
	wg.Wait()
	return out
}

// topicInfo is a loaded topic with what validation needs to know about
// where it came from.
type topicInfo struct {
	t *Topic
	// decl is where the topic is declared: its id in front matter, its
	// heading, or its file.
	decl    Pos
	file    string
	lines   *lineIndex
	bodyOff int // where Body starts in text
	// keyPos holds the position of each key of each citation.
	keyPos [][]Pos
}

// loadTopicFile reads one topic file, or reports why it was skipped.
func (l *loader) loadTopicFile(name string) *topicInfo {
	file := l.display(name)
	text, lines, fail := l.read(name)
	if fail != nil {
		fail.Message += "; topic skipped"
		l.diags = append(l.diags, *fail)
		return nil
	}
	var tm topicMeta
	bodyOff := 0
	if fm, end, ok := l.frontMatter(text, file); ok {
		y := &yamlReader{file: file, lineOffset: 1, diags: &l.diags, lines: lines}
		body, ok := y.parse(fm)
		if !ok {
			l.diags[len(l.diags)-1].Message += "; topic skipped"
			return nil
		}
		y.readTopicMeta(body, &tm)
		bodyOff = end
	}
	base := path.Base(name)
	ti := &topicInfo{
		t:     &Topic{ID: tm.id, Title: tm.title, Summary: tm.summary, Tags: tm.tags},
		decl:  tm.idPos,
		file:  file,
		lines: lines,
	}
	if ti.t.ID == "" {
		ti.t.ID = Sanitize(strings.TrimSuffix(base, path.Ext(base)))
		ti.decl = Pos{File: file}
	}
	bodyOff = skipBlankLines(text, bodyOff)
	if h, next, ok := atxHeading(text, bodyOff, 1); ok && ti.t.Title == "" {
		ti.t.Title = h
		bodyOff = skipBlankLines(text, next)
	}
	if ti.t.Title == "" {
		l.diags.errorf(ti.decl, "topic %q has no title: add title to its front matter or start it with a \"# Title\" line", ti.t.ID)
		ti.t.Title = ti.t.ID
	}
	ti.bodyOff = bodyOff
	ti.t.Body = text[bodyOff:]
	return ti
}

// frontMatter returns the YAML between a leading "---" line and the next
// "---" or "..." line, and the offset after the closing line. An unclosed
// block is reported and read as Markdown.
func (l *loader) frontMatter(text, file string) (yaml string, end int, ok bool) {
	first, _, _ := strings.Cut(text, "\n")
	if strings.TrimRight(first, " \t") != "---" {
		return "", 0, false
	}
	off := len(first) + 1
	for i := off; i <= len(text); {
		e := lineEnd(text, i)
		line := strings.TrimRight(text[i:e], " \t")
		if line == "---" || line == "..." {
			return text[off:i], min(e+1, len(text)), true
		}
		if e == len(text) {
			break
		}
		i = e + 1
	}
	l.diags.errorf(Pos{File: file, Line: 1, Col: 1}, "front matter has no closing \"---\" line; read as Markdown")
	return "", 0, false
}

// skipBlankLines returns the offset of the first line at or after off
// that is not blank.
func skipBlankLines(text string, off int) int {
	for off < len(text) {
		j := strings.IndexByte(text[off:], '\n')
		if j < 0 || strings.TrimSpace(text[off:off+j]) != "" {
			return off
		}
		off += j + 1
	}
	return off
}

// lineEnd returns the offset of the end of the line of s that starts at
// byte i: its "\n", or the end of s.
func lineEnd(s string, i int) int {
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(s)
}

// atxHeading reports whether the line at off is an ATX heading of the
// given level, with its text and the offset of the next line.
func atxHeading(text string, off, level int) (string, int, bool) {
	end := lineEnd(text, off)
	next := min(end+1, len(text))
	line := text[off:end]
	indent := 0
	for indent < 3 && indent < len(line) && line[indent] == ' ' {
		indent++
	}
	line = line[indent:]
	marks := strings.Repeat("#", level)
	if !strings.HasPrefix(line, marks) {
		return "", 0, false
	}
	line = line[level:]
	if line != "" && line[0] != ' ' && line[0] != '\t' {
		return "", 0, false
	}
	line = strings.TrimSpace(line)
	// A closing sequence of #s is not part of the text.
	if t := strings.TrimRight(line, "#"); t != line && (t == "" || strings.HasSuffix(t, " ") || strings.HasSuffix(t, "\t")) {
		line = strings.TrimSpace(t)
	}
	return line, next, true
}
