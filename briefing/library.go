package briefing

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// A library is a directory of briefings. The rule: a directory holding
// briefing.yaml is one briefing; any other directory is a library of the
// sub-directories in it that hold a briefing.yaml and of the Markdown
// files in it (each a single-file briefing), if it holds any. Names
// starting with "." are ignored, and so are sub-directories without a
// briefing.yaml.

// Library is a directory of briefings, scanned without loading them.
type Library struct {
	// Path is the library's directory, as given.
	Path    string
	Entries []Entry
	// Scanned is false for a library only listed: its entries have their
	// names and paths, and titles made from their names.
	Scanned bool

	fsys    fs.FS
	dir     string
	display func(string) string
	names   []libraryName // as listed, for the scan
}

// Entry is one briefing of a library, as far as a scan reads it: the
// briefing.yaml of a directory, or the front matter and headings of a
// Markdown file; never the topic files.
type Entry struct {
	// Path is where the briefing is, to load it: the library's path and
	// Name joined.
	Path string
	// Name is the directory or file name within the library.
	Name  string
	Title string
	AsOf  Date
	// Topics counts the Markdown files of a directory, or the level-2
	// headings of a single file (one topic if it has none).
	Topics int
	// Err is the first error the scan found, nil if none. A full load
	// may find more, in the topic files.
	Err *Diagnostic
}

// IsLibrary reports whether path is a library by the rule above: a
// directory without briefing.yaml that holds at least one briefing.
func IsLibrary(path string) bool {
	fi, err := os.Stat(path)
	if err != nil || !fi.IsDir() {
		return false
	}
	names, ok, err := libraryNames(dirFS(path), ".")
	return err == nil && ok && len(names) > 0
}

// ScanLibrary scans the library at path. An entry that cannot be read
// carries its first error and does not stop the others. The error is
// non-nil when path is not a library.
func ScanLibrary(path string) (*Library, error) {
	lib, err := ListLibrary(path)
	if err != nil {
		return nil, err
	}
	return lib.Scan(), nil
}

// ListLibrary lists the library at path without reading its entries,
// which costs one directory listing: a reader shows it at once, and Scan
// fills in the rest.
func ListLibrary(path string) (*Library, error) {
	display := func(name string) string { return Sanitize(filepath.Join(path, filepath.FromSlash(name))) }
	lib, err := listLibrary(dirFS(path), ".", display)
	if lib != nil {
		lib.Path = path
	}
	return lib, err
}

// ScanLibraryFS is ScanLibrary over a file system: dir is a directory
// in fsys ("." for the root). Entry paths are names within fsys.
func ScanLibraryFS(fsys fs.FS, dir string) (*Library, error) {
	lib, err := listLibrary(fsys, dir, Sanitize)
	if err != nil {
		return nil, err
	}
	return lib.Scan(), nil
}

func listLibrary(fsys fs.FS, dir string, display func(string) string) (*Library, error) {
	names, ok, err := libraryNames(fsys, dir)
	switch {
	case err != nil:
		return nil, fileError(display(dir), errText(err))
	case !ok:
		return nil, fileError(display(dir), "is a briefing (it holds "+MetaFile+"), not a library")
	case len(names) == 0:
		return nil, fileError(display(dir), "holds no briefing: no sub-directory with "+MetaFile+" and no Markdown file")
	}
	lib := &Library{Path: display(dir), Entries: make([]Entry, len(names)), fsys: fsys, dir: dir, display: display,
		names: names}
	for i, n := range names {
		lib.Entries[i] = newEntry(path.Join(dir, n.name), n.dir, display)
	}
	return lib, nil
}

// Scan returns lib with each entry read, the entries spread over every
// core. lib is not changed, so a reader may show it meanwhile.
func (lib *Library) Scan() *Library {
	if lib.Scanned || lib.fsys == nil {
		return lib
	}
	out := *lib
	out.Entries = make([]Entry, len(lib.Entries))
	n := len(out.Entries)
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				ln := lib.names[i]
				out.Entries[i] = scanEntry(lib.fsys, path.Join(lib.dir, ln.name), ln.dir, lib.display)
			}
		}()
	}
	wg.Wait()
	out.Scanned = true
	return &out
}

// libraryName is an entry of a library directory.
type libraryName struct {
	name string
	dir  bool
}

// libraryNames lists the entries of the library dir in name order; ok is
// false when dir holds briefing.yaml and so is a briefing.
func libraryNames(fsys fs.FS, dir string) (names []libraryName, ok bool, err error) {
	des, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, false, err
	}
	for _, de := range des {
		n := de.Name()
		if n == MetaFile {
			return nil, false, nil
		}
		if strings.HasPrefix(n, ".") {
			continue
		}
		full := path.Join(dir, n)
		typ := de.Type()
		if typ&fs.ModeSymlink != 0 {
			if fi, err := fs.Stat(fsys, full); err == nil {
				typ = fi.Mode().Type()
			}
		}
		switch {
		case typ.IsDir():
			// A briefing.yaml that cannot be read still makes an entry,
			// which shows why.
			if _, err := fs.Stat(fsys, path.Join(full, MetaFile)); !errors.Is(err, fs.ErrNotExist) {
				names = append(names, libraryName{name: n, dir: true})
			}
		case typ.IsRegular() && strings.EqualFold(path.Ext(n), ".md"):
			names = append(names, libraryName{name: n})
		}
	}
	sort.Slice(names, func(i, j int) bool { return names[i].name < names[j].name })
	return names, true, nil
}

// newEntry is the entry at name before it is read, titled after its name.
func newEntry(name string, dir bool, display func(string) string) Entry {
	base := path.Base(name)
	e := Entry{Path: display(name), Name: Sanitize(base), Title: Sanitize(strings.TrimSuffix(base, path.Ext(base)))}
	if dir {
		e.Title = Sanitize(base)
	}
	return e
}

// scanEntry reads what the library shows of the briefing at name.
func scanEntry(fsys fs.FS, name string, dir bool, display func(string) string) Entry {
	e := newEntry(name, dir, display)
	l := &loader{fsys: fsys, display: display, regular: map[string]bool{}}
	var m meta
	if dir {
		m = l.scanDir(name, &e)
	} else if h, fail := l.readHead(name); fail != nil {
		l.diags = append(l.diags, *fail)
	} else {
		m = h.m
		e.Topics = max(len(sections(h.text, h.bodyOff)), 1)
	}
	if m.title != "" {
		e.Title = m.title
	}
	e.AsOf = m.asOf
	if errs := l.diags.Errors(); len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool { return errs[i].Pos.before(errs[j].Pos) })
		e.Err = &errs[0]
	}
	return e
}

// scanDir reads a briefing directory's briefing.yaml and counts its
// topic files.
func (l *loader) scanDir(name string, e *Entry) meta {
	des, err := fs.ReadDir(l.fsys, name)
	if err != nil {
		l.diags.errorf(Pos{File: l.display(name)}, "%s", errText(err))
		return meta{}
	}
	for _, de := range des {
		n := de.Name()
		if de.Type().IsRegular() {
			l.regular[path.Join(name, n)] = true
		}
		if !strings.HasPrefix(n, ".") && !de.IsDir() && strings.EqualFold(path.Ext(n), ".md") {
			e.Topics++
		}
	}
	m, _ := l.readMetaFile(path.Join(name, MetaFile))
	return m
}
