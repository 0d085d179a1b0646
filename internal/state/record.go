// Package state keeps what the reader remembers of each briefing between
// runs: the last place, the topics read with a fingerprint of each of
// their paragraphs and list items, and bookmarks.
//
// A Record is a value: its methods return a changed copy and never write
// to the slices of the record they were called on, so a record handed to
// a command that saves it off the update loop is never changed under it.
//
// Writes are the reader's to space out: after a change it schedules one
// Save Interval later (a tick), unless one is already scheduled, saves
// the record as it is when the tick comes, and saves once more at quit.
// Saves may run on any goroutine; a Store never writes a record older
// than one it has already written for the same briefing.
package state

import (
	"hash/fnv"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"brief/briefing"
)

// Interval is the least time between two saves of a briefing's state
// while it is read.
const Interval = time.Second

// Caps on what a record keeps of the text it is given.
const (
	maxAnchor = 64  // bytes of a paragraph's first words
	maxLabel  = 120 // bytes of a bookmark's label
	maxTitle  = 200 // bytes of a briefing's title
)

// Record is the reading state of one briefing.
type Record struct {
	// Title is the briefing's title, for brief state to show.
	Title string `json:"title,omitempty"`
	// Saved is when the record was last saved: the last reading. Save
	// sets it.
	Saved time.Time `json:"saved"`
	// Topic is the id of the topic last read, and Place the place in it.
	Topic string   `json:"topic,omitempty"`
	Place Position `json:"place"`
	// Read lists the topics read, in the order first read.
	Read      []ReadTopic `json:"read,omitempty"`
	Bookmarks []Bookmark  `json:"bookmarks,omitempty"`

	// rev counts the changes made through the methods, so that a Store
	// can tell an older record from a newer one.
	rev uint64
}

// ReadTopic is a topic whose end has been on screen.
type ReadTopic struct {
	ID string `json:"id"`
	// At is when it was last read.
	At time.Time `json:"at"`
	// Blocks are the fingerprints of its paragraphs and list items as
	// last read; nil once dropped to keep the record within MaxSize.
	Blocks []Fingerprint `json:"blocks,omitempty"`
}

// Bookmark is a place the reader marked.
type Bookmark struct {
	Topic string   `json:"topic"`
	Place Position `json:"place"`
	// Label is the line the bookmark is listed with.
	Label string `json:"label,omitempty"`
}

// Position is a place in a topic's Markdown, kept as text rather than a
// screen line so that it survives a change of width, and found again in a
// new version of the text by the first words of its paragraph.
type Position struct {
	// Offset is the byte offset in the Markdown.
	Offset int `json:"offset"`
	// Into is how far Offset is into its paragraph, and Anchor the first
	// words of that paragraph, spaces collapsed.
	Into   int    `json:"into,omitempty"`
	Anchor string `json:"anchor,omitempty"`
}

// At returns r with its last place set to p in topic.
func (r Record) At(topic string, p Position) Record {
	r.Topic, r.Place = topic, p
	r.rev++
	return r
}

// MarkRead returns r with topic read at time at, its body's fingerprints
// replacing those of an earlier reading.
func (r Record) MarkRead(topic, body string, at time.Time) Record {
	rt := ReadTopic{ID: topic, At: at, Blocks: Fingerprints(body)}
	r.Read = slices.Clone(r.Read)
	if i := r.find(topic); i >= 0 {
		r.Read[i] = rt
	} else {
		r.Read = append(r.Read, rt)
	}
	r.rev++
	return r
}

// IsRead reports whether topic has been read.
func (r Record) IsRead(topic string) bool { return r.find(topic) >= 0 }

func (r Record) find(topic string) int {
	return slices.IndexFunc(r.Read, func(t ReadTopic) bool { return t.ID == topic })
}

// Changed returns the paragraphs and list items of body, topic's Markdown
// now, that are new or changed since topic was last read. known is false
// when there is nothing to compare with: the topic was never read, or its
// fingerprints were dropped.
func (r Record) Changed(topic, body string) (blocks []briefing.Block, known bool) {
	i := r.find(topic)
	if i < 0 || r.Read[i].Blocks == nil {
		return nil, false
	}
	return Changed(r.Read[i].Blocks, body), true
}

// ToggleBookmark returns r with b added, or, when a bookmark of the same
// topic and offset is there, with that one removed; added tells which.
func (r Record) ToggleBookmark(b Bookmark) (_ Record, added bool) {
	r.rev++
	i := slices.IndexFunc(r.Bookmarks, func(x Bookmark) bool {
		return x.Topic == b.Topic && x.Place.Offset == b.Place.Offset
	})
	if i >= 0 {
		r.Bookmarks = slices.Delete(slices.Clone(r.Bookmarks), i, i+1)
		return r, false
	}
	b.Label = squash(b.Label, maxLabel)
	r.Bookmarks = append(slices.Clone(r.Bookmarks), b)
	return r, true
}

// Fingerprint identifies the text of a paragraph or list item.
type Fingerprint uint64

// Fingerprints returns one fingerprint per paragraph and list item of a
// topic's Markdown, as briefing.Blocks finds them. Spaces and line breaks
// are collapsed first: a paragraph wrapped anew has not changed. Give it
// the topic's Body rather than the text Cited makes of it, whose citation
// numbers change when another topic cites a new source.
func Fingerprints(md string) []Fingerprint {
	blocks := briefing.Blocks(md)
	fps := make([]Fingerprint, len(blocks))
	for i, b := range blocks {
		fps[i] = fingerprint(md[b.Start:b.End])
	}
	return fps
}

func fingerprint(s string) Fingerprint {
	h := fnv.New64a()
	for i, w := range strings.Fields(s) {
		if i > 0 {
			h.Write([]byte{' '})
		}
		h.Write([]byte(w))
	}
	return Fingerprint(h.Sum64())
}

// Changed returns the blocks of md whose fingerprints are not among old:
// the paragraphs and list items new or changed since old was taken. A
// block only moved is not changed; of two copies of one, the second is
// new.
func Changed(old []Fingerprint, md string) []briefing.Block {
	count := make(map[Fingerprint]int, len(old))
	for _, f := range old {
		count[f]++
	}
	var out []briefing.Block
	for _, b := range briefing.Blocks(md) {
		f := fingerprint(md[b.Start:b.End])
		if count[f] > 0 {
			count[f]--
			continue
		}
		out = append(out, b)
	}
	return out
}

// PositionAt returns the position of byte offset off in md.
func PositionAt(md string, off int) Position {
	off = min(max(off, 0), len(md))
	start, end := paragraph(md, off)
	return Position{Offset: off, Into: off - start, Anchor: squash(md[start:end], maxAnchor)}
}

// Resolve returns the byte offset of p in md, which may have changed
// since p was taken: p's own offset if its paragraph is still there,
// else the same place in the paragraph with p's first words nearest to
// it, else p's offset kept within md at the start of its line.
func Resolve(md string, p Position) int {
	if p.Anchor != "" {
		best := -1
		for start := 0; start < len(md); {
			_, end := paragraph(md, start)
			if strings.HasPrefix(squash(md[start:end], len(p.Anchor)+utf8.UTFMax), p.Anchor) {
				at := min(start+p.Into, end)
				if best < 0 || abs(at-p.Offset) < abs(best-p.Offset) {
					best = at
				}
			}
			start = nextParagraph(md, end)
		}
		if best >= 0 {
			return best
		}
	}
	off := min(max(p.Offset, 0), len(md))
	return strings.LastIndexByte(md[:off], '\n') + 1
}

// paragraph returns the bounds of the run of non-blank lines holding off,
// or of the next one when off is on a blank line.
func paragraph(md string, off int) (start, end int) {
	start = strings.LastIndex(md[:off], "\n\n") + 1
	if start > 0 {
		start++
	}
	start = nextParagraph(md, start)
	if start > off {
		off = start
	}
	end = len(md)
	if i := strings.Index(md[off:], "\n\n"); i >= 0 {
		end = off + i
	}
	return start, max(start, end)
}

// nextParagraph skips the blank lines and spaces at i.
func nextParagraph(md string, i int) int {
	for i < len(md) && (md[i] == '\n' || md[i] == ' ' || md[i] == '\t' || md[i] == '\r') {
		i++
	}
	return i
}

// squash is s with each run of spaces made one space, cut to at most n
// bytes at a character boundary.
func squash(s string, n int) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		if b.Len() > 0 {
			if b.Len()+1 > n {
				break
			}
			b.WriteByte(' ')
		}
		for _, c := range w {
			if b.Len()+utf8.RuneLen(c) > n {
				return strings.TrimRight(b.String(), " ")
			}
			b.WriteRune(c)
		}
	}
	return strings.TrimRight(b.String(), " ")
}

func abs(n int) int { return max(n, -n) }
