package ui

import (
	"fmt"
	"testing"
	"time"

	"brief/briefing"
	"brief/content"
	"brief/internal/render"
	"brief/internal/state"
)

// fullRecord is the state of the built-in briefing read through: every
// topic read with its fingerprints, a place, and 20 bookmarks.
func fullRecord(b *testing.B) (*briefing.Briefing, state.Record) {
	bf, err := briefing.LoadFS(content.FS, ".")
	if err != nil {
		b.Fatal(err)
	}
	var r state.Record
	for _, t := range bf.Topics {
		r = r.MarkRead(t.ID, t.Body, time.Now())
	}
	for i := range 20 {
		t := bf.Topics[i%len(bf.Topics)]
		r, _ = r.ToggleBookmark(state.Bookmark{Topic: t.ID, Place: state.PositionAt(t.Body, i*40), Label: fmt.Sprint("mark ", i)})
	}
	t := bf.Topics[2]
	return bf, r.At(t.ID, state.PositionAt(t.Body, len(t.Body)/2))
}

// BenchmarkRecordLoad is what the reader's start pays for its state:
// Store.Load of the record, on the update loop before the first frame.
func BenchmarkRecordLoad(b *testing.B) {
	_, r := fullRecord(b)
	s := state.Open(b.TempDir())
	if err := s.Save(state.Builtin, r); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.Load(state.Builtin); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRecordSave is one save, which runs in a command off the
// update loop, at most once a second.
func BenchmarkRecordSave(b *testing.B) {
	_, r := fullRecord(b)
	s := state.Open(b.TempDir())
	for b.Loop() {
		r = r.At(r.Topic, r.Place) // a newer record each time, or Save skips it
		if err := s.Save(state.Builtin, r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlaceHere is finding the place of the line at the top, done
// before each save and for a bookmark; the words of the text on screen
// are found once per text, so this is the cost after a scroll.
func BenchmarkPlaceHere(b *testing.B) {
	m := benchModel(b)
	m = press(b, m, "3", "j", "j", "j", "j", "j", "j")
	for b.Loop() {
		m.place.words.version = -1 // as after a new render: the worst case
		m.placeHere()
	}
}

// BenchmarkResumePlace is putting a place at the top of a rendered
// topic, as a resume or a bookmark does.
func BenchmarkResumePlace(b *testing.B) {
	m := benchModel(b)
	m = press(b, m, "3", "j", "j", "j", "j", "j", "j")
	_, p := m.placeHere()
	for b.Loop() {
		m.place.words.version = -1
		m.goToPlace(2, p)
	}
}

// BenchmarkHugePlaceHere is placeHere in the middle of a topic of 5 MB,
// after a new render.
func BenchmarkHugePlaceHere(b *testing.B) {
	m := New(hugeBriefing(), Options{Style: render.Dark})
	m = send(b, m, sizeMsg(120, 40))
	m = press(b, m, "2")
	m.reader.vp.SetYOffset(len(m.reader.lines) / 2)
	for b.Loop() {
		m.place.words.version = -1
		m.placeHere()
	}
}

// BenchmarkHugeResumePlace is goToPlace in the middle of a topic of 5 MB.
func BenchmarkHugeResumePlace(b *testing.B) {
	m := New(hugeBriefing(), Options{Style: render.Dark})
	m = send(b, m, sizeMsg(120, 40))
	m = press(b, m, "2")
	m.reader.vp.SetYOffset(len(m.reader.lines) / 2)
	_, p := m.placeHere()
	for b.Loop() {
		m.place.words.version = -1
		m.goToPlace(1, p)
	}
}

// BenchmarkScrollWithState is BenchmarkScroll with the reading state
// kept: each key notes that the place moved, for the next save.
func BenchmarkScrollWithState(b *testing.B) {
	m := New(testBriefing(b), Options{Style: render.Dark, State: state.Open(b.TempDir()), saveWait: -1})
	m = send(b, m, sizeMsg(120, 40))
	for range m.b.Topics {
		m = press(b, m, "l")
	}
	m = press(b, m, "1", "3")
	benchKeys(b, m, "j", "k", 10)
}
