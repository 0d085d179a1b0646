package state

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/adrg/xdg"
)

// Builtin is the identity of the briefing built into brief.
const Builtin = "builtin:us-guarantees-ukraine"

// MaxSize bounds a briefing's state file. Past it, Save drops the
// fingerprints of the topics read longest ago first (they are then read
// but no longer marked as changed), then, if need be, the oldest topics
// read and the oldest bookmarks.
const MaxSize = 1 << 20

// Identity is the identity of the briefing at path, as brief was given
// it: its absolute path, or Builtin for "". A briefing that moves is a
// new one.
func Identity(path string) (string, error) {
	if path == "" {
		return Builtin, nil
	}
	return filepath.Abs(path)
}

// Dir is the directory of brief's state: $XDG_STATE_HOME/brief, else
// ~/.local/state/brief on Unix. It reads the environment at each call.
func Dir() string {
	xdg.Reload()
	return filepath.Join(xdg.StateHome, "brief")
}

// Store keeps one file per briefing in a directory, created on the first
// Save. Its methods may be called from any goroutine.
type Store struct {
	dir string
	now func() time.Time

	mu sync.Mutex
	// rev is the revision of the record last written per identity.
	rev map[string]uint64
	// keep holds, per identity, why its file could not be read and so
	// must not be overwritten.
	keep map[string]error
}

// Open returns the store in dir. It does not touch the disk.
func Open(dir string) *Store {
	return &Store{dir: dir, now: time.Now, rev: map[string]uint64{}, keep: map[string]error{}}
}

// Path is the file that holds the state of the briefing identity.
func (s *Store) Path(identity string) string {
	sum := sha256.Sum256([]byte(identity))
	return filepath.Join(s.dir, hex.EncodeToString(sum[:16])+".json")
}

// Load returns the state of the briefing identity: empty when none is
// kept. A state that cannot be used is empty too, with a one-line warning
// for the reader to show: a corrupt file is moved aside (renamed with a
// .corrupt-TIME suffix), and one that cannot be read is left alone and
// not overwritten by Save.
func (s *Store) Load(identity string) (Record, error) {
	path := s.Path(identity)
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.keep, identity)
	s.rev[identity] = 0
	data, err := readFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Record{}, nil
	}
	if err != nil {
		s.keep[identity] = warn("reading state not kept: %v", err)
		return Record{}, warn("reading state unreadable, starting afresh: %v", err)
	}
	r, err := decode(data, identity)
	var newer *newerError
	if errors.As(err, &newer) {
		s.keep[identity] = warn("reading state not kept: %v", err)
		return Record{}, warn("reading state not read: %v", err)
	}
	if err != nil {
		aside := path + ".corrupt-" + s.now().UTC().Format("20060102T150405.000Z")
		if merr := os.Rename(path, aside); merr != nil {
			s.keep[identity] = warn("reading state not kept: %s is corrupt", path)
			return Record{}, warn("reading state corrupt (%v), and could not be moved aside: %v", err, merr)
		}
		return Record{}, warn("reading state corrupt (%v); moved aside to %s", err, filepath.Base(aside))
	}
	return r, nil
}

// Save writes r as the state of the briefing identity, atomically, and
// sets its Saved time. A record older than one already saved through s is
// not written. Of two processes saving one briefing, the last wins.
func (s *Store) Save(identity string, r Record) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.keep[identity]; err != nil {
		return err
	}
	if last, ok := s.rev[identity]; ok && r.rev < last {
		return nil
	}
	r.Saved = s.now()
	data, err := encode(identity, r)
	if err != nil {
		return warn("reading state not saved: %v", err)
	}
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return warn("reading state not saved: %v", err)
	}
	if err := writeFile(s.Path(identity), data); err != nil {
		return warn("reading state not saved: %v", err)
	}
	s.rev[identity] = r.rev
	return nil
}

// Forget removes the state of the briefing identity, and the corrupt
// copies of it moved aside. It returns an error wrapping fs.ErrNotExist
// when there was none.
func (s *Store) Forget(identity string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.keep, identity)
	delete(s.rev, identity)
	path := s.Path(identity)
	aside, _ := filepath.Glob(path + ".corrupt-*")
	found := false
	for _, p := range append([]string{path}, aside...) {
		err := os.Remove(p)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		found = found || err == nil
	}
	if !found {
		return fmt.Errorf("no reading state kept for %s: %w", identity, fs.ErrNotExist)
	}
	return nil
}

// Entry is one briefing's state as List finds it.
type Entry struct {
	Identity string
	Record   Record
	File     string
	Size     int64
	// Err says why the file could not be read; Identity and Record are
	// then empty.
	Err error
}

// List returns the state kept of every briefing, the last read first.
// It changes nothing: a corrupt file is listed with its error.
func (s *Store) List() ([]Entry, error) {
	des, err := os.ReadDir(s.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Entry
	for _, de := range des {
		name := de.Name()
		if !strings.HasSuffix(name, ".json") || strings.HasPrefix(name, ".") {
			continue // temporary files and corrupt copies
		}
		e := Entry{File: filepath.Join(s.dir, name)}
		data, err := readFile(e.File)
		e.Size = int64(len(data))
		if err == nil {
			e.Identity, e.Record, err = decodeAny(data)
		}
		e.Err = err
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b Entry) int { return b.Record.Saved.Compare(a.Record.Saved) })
	return out, nil
}

// readFile reads a state file, refusing one far larger than any Save
// writes.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, 4*MaxSize+1))
	if err == nil && len(data) > 4*MaxSize {
		err = fmt.Errorf("%s: larger than %d bytes", path, 4*MaxSize)
	}
	return data, err
}

// warn is a warning of one line, for the reader's footer.
func warn(format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	return errors.New(strings.Join(strings.Fields(msg), " "))
}
