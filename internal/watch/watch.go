// Package watch tells when the files of a briefing on disk change: the
// reader reloads the briefing, and brief check --watch checks it again.
//
// It watches the briefing's directory, not its files, so that an editor's
// atomic save (a temporary file renamed over the old one) is seen as the
// file's new version; it ignores the files that are not the briefing's
// (editors' swap and backup files among them), and it waits for a burst
// of events to end before it says once that something changed. While
// nothing changes it uses no CPU: it waits on the kernel's notifications.
package watch

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"brief/briefing"
)

const (
	// Delay is how long a burst of events must be quiet before a change
	// is reported: an editor's save is a few events within milliseconds.
	Delay = 100 * time.Millisecond
	// maxWait bounds the wait when the events never stop, a file being
	// written for seconds, so that changes are still reported.
	maxWait = time.Second
)

// Watcher reports the changes to one briefing's files.
type Watcher struct {
	fw      *fsnotify.Watcher
	ours    func(name string) bool
	delay   time.Duration
	changes chan struct{}
	done    chan struct{}
	once    sync.Once
}

// New watches the briefing at path, a briefing directory (or its
// briefing.yaml) or a single Markdown file, reporting a change delay
// after the last event of a burst (Delay if delay is 0).
func New(path string, delay time.Duration) (*Watcher, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	dir, ours := path, Ours
	if !fi.IsDir() {
		dir = filepath.Dir(path)
		if base := filepath.Base(path); base != briefing.MetaFile {
			ours = func(name string) bool { return name == base }
		}
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if err := fw.Add(dir); err != nil {
		fw.Close()
		return nil, err
	}
	if delay <= 0 {
		delay = Delay
	}
	w := &Watcher{fw: fw, ours: ours, delay: delay, changes: make(chan struct{}, 1), done: make(chan struct{})}
	go w.loop()
	return w, nil
}

// Ours reports whether a file of a briefing directory is one the loader
// reads: briefing.yaml and the Markdown files, as briefing.Load lists
// them. Editors' files are not: vim's .x.md.swp, 4913 and x.md~, emacs's
// .#x.md and #x.md#, and the temporary files of atomic saves.
func Ours(name string) bool {
	if name == briefing.MetaFile {
		return true
	}
	return !strings.HasPrefix(name, ".") && strings.EqualFold(filepath.Ext(name), ".md")
}

// Changes receives a value once after each burst of changes; a value not
// yet received stands for every change since. It is closed by Close.
func (w *Watcher) Changes() <-chan struct{} { return w.changes }

// Close stops watching.
func (w *Watcher) Close() error {
	var err error
	w.once.Do(func() {
		close(w.done)
		err = w.fw.Close()
	})
	return err
}

func (w *Watcher) loop() {
	defer close(w.changes)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var first time.Time // when the burst under way began; zero if none
	for {
		select {
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			// A change of mode or times alone changes no text.
			if ev.Op == fsnotify.Chmod || !w.ours(filepath.Base(ev.Name)) {
				continue
			}
		case _, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			// An overflow of the kernel's queue lost events: reload.
		case <-timer.C:
			first = time.Time{}
			select {
			case w.changes <- struct{}{}:
			default: // one is waiting already and stands for this one
			}
			continue
		case <-w.done:
			return
		}
		now := time.Now()
		if first.IsZero() {
			first = now
		}
		timer.Reset(min(w.delay, first.Add(maxWait).Sub(now)))
	}
}
