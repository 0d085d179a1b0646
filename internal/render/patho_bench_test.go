package render

import (
	"testing"

	"brief/internal/testkit/patho"
)

// BenchmarkPathological renders each pathological topic as the reader does
// in a 120x40 window: citations numbered, wrapped at 89 columns. The reader
// does this off the update loop; the figures say how long its plain text
// stands in.
func BenchmarkPathological(b *testing.B) {
	br := patho.Load(b)
	for _, t := range br.Topics {
		md, _ := br.Cited(t)
		b.Run(t.ID, func(b *testing.B) {
			b.SetBytes(int64(len(md)))
			for b.Loop() {
				if _, err := Markdown(md, Dark, 89); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
