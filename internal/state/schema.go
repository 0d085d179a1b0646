package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// version is the schema of the files Save writes. Each older schema has
// a migration to the next, in decode.
const version = 1

// file is a state file of the current schema.
type file struct {
	Version  int    `json:"version"`
	Identity string `json:"identity"`
	Record
}

// fileV0 is the first schema: no version field, the read topics as bare
// ids with their fingerprints in a map, and places as bare offsets.
type fileV0 struct {
	Identity string                   `json:"identity"`
	Topic    string                   `json:"topic"`
	Offset   int                      `json:"offset"`
	Read     []string                 `json:"read"`
	Seen     map[string][]Fingerprint `json:"seen"`
	Marks    []struct {
		Topic  string `json:"topic"`
		Offset int    `json:"offset"`
		Line   string `json:"line"`
	} `json:"marks"`
}

// migrate0 turns a v0 file into a record. The places have no anchor
// words, so they are found again by offset alone, and the topics read
// have no time, so theirs are the first fingerprints dropped.
func migrate0(v fileV0) file {
	f := file{Version: version, Identity: v.Identity}
	f.Topic, f.Place = v.Topic, Position{Offset: v.Offset}
	for _, id := range v.Read {
		f.Read = append(f.Read, ReadTopic{ID: id, Blocks: v.Seen[id]})
	}
	for _, m := range v.Marks {
		f.Bookmarks = append(f.Bookmarks, Bookmark{Topic: m.Topic, Place: Position{Offset: m.Offset}, Label: m.Line})
	}
	return f
}

// newerError is a file written by a later brief, which this one does
// not know how to read.
type newerError struct{ version int }

func (e *newerError) Error() string {
	return fmt.Sprintf("schema %d is newer than this brief's (%d)", e.version, version)
}

// decodeAny reads a state file of any known schema.
func decodeAny(data []byte) (string, Record, error) {
	var head struct {
		Version *int `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return "", Record{}, err
	}
	var f file
	switch {
	case head.Version == nil:
		var v fileV0
		if err := json.Unmarshal(data, &v); err != nil {
			return "", Record{}, err
		}
		f = migrate0(v)
	case *head.Version == version:
		if err := json.Unmarshal(data, &f); err != nil {
			return "", Record{}, err
		}
	case *head.Version > version:
		return "", Record{}, &newerError{*head.Version}
	default:
		return "", Record{}, fmt.Errorf("unknown schema %d", *head.Version)
	}
	if f.Identity == "" {
		return "", Record{}, errors.New("no identity")
	}
	return f.Identity, f.Record, nil
}

// decode reads the state file of identity.
func decode(data []byte, identity string) (Record, error) {
	id, r, err := decodeAny(data)
	if err == nil && id != identity {
		err = errors.New("the file is another briefing's")
	}
	return r, err
}

// encode writes r as identity's state file, within MaxSize.
func encode(identity string, r Record) ([]byte, error) {
	r.Title = squash(r.Title, maxTitle)
	for {
		data, err := json.Marshal(file{Version: version, Identity: identity, Record: r})
		if err != nil || len(data) <= MaxSize {
			return data, err
		}
		var ok bool
		if r, ok = shed(r, len(data)-MaxSize); !ok {
			return nil, fmt.Errorf("the state is larger than %d bytes", MaxSize)
		}
	}
}

// shed returns r with about excess bytes less to write: the fingerprints
// of the topics read longest ago, else the oldest topics read, else the
// oldest bookmarks. ok is false when there is nothing left to drop.
func shed(r Record, excess int) (_ Record, ok bool) {
	r.Read = slices.Clone(r.Read)
	order := make([]int, len(r.Read))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return r.Read[a].At.Compare(r.Read[b].At) })
	for _, i := range order {
		if excess <= 0 {
			return r, true
		}
		if fps := r.Read[i].Blocks; fps != nil {
			for _, f := range fps {
				excess -= len(strconv.FormatUint(uint64(f), 10)) + 1
			}
			r.Read[i].Blocks = nil
			ok = true
		}
	}
	if ok {
		return r, true
	}
	drop := map[int]bool{}
	for _, i := range order {
		if excess <= 0 {
			break
		}
		drop[i] = true
		excess -= len(r.Read[i].ID) + 64
	}
	if len(drop) > 0 {
		kept := make([]ReadTopic, 0, len(r.Read)-len(drop))
		for i, rt := range r.Read {
			if !drop[i] {
				kept = append(kept, rt)
			}
		}
		r.Read = kept
		return r, true
	}
	n := 0
	for n < len(r.Bookmarks) && excess > 0 {
		b := r.Bookmarks[n]
		excess -= len(b.Topic) + len(b.Label) + len(b.Place.Anchor) + 64
		n++
	}
	if n > 0 {
		r.Bookmarks = slices.Clone(r.Bookmarks[n:])
		return r, true
	}
	return r, false
}
