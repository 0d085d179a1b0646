package briefing

import (
	iofs "io/fs"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"

	"brief/internal/synth"
)

// TestLoadStream loads briefings both ways, whole and streamed: the
// streamed load hands out every kept topic once, with the same text, after
// the briefing's fields, and ends with the same briefing less the bodies
// and the same diagnostics.
func TestLoadStream(t *testing.T) {
	type place struct {
		fsys iofs.FS
		name string
	}
	var places []place
	for _, name := range testBriefings(t) {
		places = append(places, place{os.DirFS("testdata"), name})
	}
	// Topics of many sizes, so that buffers are reused and outgrown.
	gen := t.TempDir()
	if err := synth.Generate(gen, 40, 400<<10, 5); err != nil {
		t.Fatal(err)
	}
	places = append(places, place{os.DirFS(gen), "."})
	for _, p := range places {
		for _, opts := range []LoadOptions{{SkipCitations: true}, {}} {
			whole, wholeErr := LoadFSWith(p.fsys, p.name, opts)
			var mu sync.Mutex
			bodies := map[*Topic]string{}
			var meta *Briefing
			opts.Meta = func(b *Briefing) {
				if len(bodies) > 0 || meta != nil {
					t.Errorf("%s: Meta called after a topic or twice", p.name)
				}
				meta = b
			}
			opts.Topic = func(tp *Topic) {
				mu.Lock()
				defer mu.Unlock()
				if meta == nil {
					t.Errorf("%s: topic %q before Meta", p.name, tp.ID)
				}
				if _, dup := bodies[tp]; dup {
					t.Errorf("%s: topic %q streamed twice", p.name, tp.ID)
				}
				bodies[tp] = strings.Clone(tp.Body)
			}
			streamed, streamErr := LoadFSWith(p.fsys, p.name, opts)
			if (wholeErr == nil) != (streamErr == nil) {
				t.Fatalf("%s: whole load error %v, streamed %v", p.name, wholeErr, streamErr)
			}
			if wholeErr != nil {
				if wholeErr.Error() != streamErr.Error() {
					t.Errorf("%s: errors differ:\nwhole: %v\nstreamed: %v", p.name, wholeErr, streamErr)
				}
				continue
			}
			if meta == nil || meta.Title != whole.Title || !reflect.DeepEqual(meta.Actors, whole.Actors) {
				t.Errorf("%s: Meta got %+v", p.name, meta)
			}
			if len(streamed.Topics) != len(whole.Topics) {
				t.Fatalf("%s: %d topics streamed, want %d", p.name, len(streamed.Topics), len(whole.Topics))
			}
			for i, tp := range streamed.Topics {
				body, ok := bodies[tp]
				if !ok {
					t.Errorf("%s: topic %q kept but not streamed", p.name, tp.ID)
				}
				if tp.Body != "" {
					t.Errorf("%s: topic %q keeps its body", p.name, tp.ID)
				}
				want := *whole.Topics[i]
				if body != want.Body {
					t.Errorf("%s: topic %q streamed with another body", p.name, tp.ID)
				}
				got := *tp
				got.Body = want.Body
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s: topic %q differs:\n%+v\nwant:\n%+v", p.name, tp.ID, got, want)
				}
			}
			if !reflect.DeepEqual(streamed.Diagnostics, whole.Diagnostics) {
				t.Errorf("%s: diagnostics differ:\n%v\nwant:\n%v", p.name, streamed.Diagnostics, whole.Diagnostics)
			}
			streamed.Topics, whole.Topics = nil, nil
			if !reflect.DeepEqual(streamed, whole) {
				t.Errorf("%s: the streamed briefing differs", p.name)
			}
		}
	}
}
