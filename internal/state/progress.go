package state

import (
	"errors"
	"fmt"
	"io/fs"
	"time"

	"brief/briefing"
)

// Progress is how much of a briefing has been read, for a library to
// list: counted one way by the library view and brief list.
type Progress struct {
	// Known is false for a briefing whose state was not looked at, or
	// could not be read.
	Known bool
	// Read counts the topics read, Updated those of them changed since,
	// and Unread the others.
	Read, Unread, Updated int
	// LastRead is when the state was last saved; zero if never.
	LastRead time.Time
}

// Progress counts r against topics, the briefing's topics now: a topic
// read is one with an id in r.Read, and it is updated when its Body has a
// paragraph or list item new or changed since.
func (r Record) Progress(topics []*briefing.Topic) Progress {
	p := Progress{Known: true, LastRead: r.Saved}
	for _, t := range topics {
		if !r.IsRead(t.ID) {
			p.Unread++
			continue
		}
		p.Read++
		if changed, known := r.Changed(t.ID, t.Body); known && len(changed) > 0 {
			p.Updated++
		}
	}
	return p
}

// Columns are the heads of the columns Fields fills.
func Columns() []string { return []string{"Read", "Unread", "Updated", "Last read"} }

// Fields are p's columns: the three counts and the day of the last
// reading, "never" if none.
func (p Progress) Fields() []string {
	last := "never"
	if !p.LastRead.IsZero() {
		last = p.LastRead.Local().Format("2006-01-02")
	}
	return []string{fmt.Sprint(p.Read), fmt.Sprint(p.Unread), fmt.Sprint(p.Updated), last}
}

// Peek returns the state of the briefing identity as Load does, without
// what Load does to a file it cannot use: nothing is moved aside or
// marked not to be overwritten, so that the reader, when it opens the
// briefing, still warns. ok is false when none is kept.
func (s *Store) Peek(identity string) (r Record, ok bool, err error) {
	data, err := readFile(s.Path(identity))
	if errors.Is(err, fs.ErrNotExist) {
		return Record{}, false, nil
	}
	if err == nil {
		r, err = decode(data, identity)
	}
	return r, err == nil, err
}

// LibraryProgress returns the progress of each briefing of lib: the
// entries with a state kept are loaded with load, to count against their
// topics now; the others, never read, are not. An entry that cannot be
// loaded, or whose state cannot be read, is not Known.
func LibraryProgress(lib *briefing.Library, s *Store, load func(path string) (*briefing.Briefing, error)) []Progress {
	out := make([]Progress, len(lib.Entries))
	for i, e := range lib.Entries {
		out[i] = EntryProgress(e, s, load)
	}
	return out
}

// EntryProgress is LibraryProgress for one entry.
func EntryProgress(e briefing.Entry, s *Store, load func(path string) (*briefing.Briefing, error)) Progress {
	if e.Err != nil || s == nil {
		return Progress{}
	}
	id, err := Identity(e.Path)
	if err != nil {
		return Progress{}
	}
	r, ok, err := s.Peek(id)
	switch {
	case err != nil:
		return Progress{}
	case !ok:
		return Progress{Known: true, Unread: e.Topics}
	}
	b, err := load(e.Path)
	if err != nil || b == nil {
		return Progress{}
	}
	return r.Progress(b.Topics)
}
