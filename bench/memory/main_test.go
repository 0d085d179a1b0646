package main

import "testing"

func TestGCTrace(t *testing.T) {
	var g gcTrace
	if l := g.last(); l.gcs != 0 || l.String() != "no GC yet" {
		t.Errorf("before any GC: %+v %q", l, l)
	}
	// Written in pieces, as a pipe delivers it, with other output between.
	for _, chunk := range []string{
		"gc 1 @0.011s 3%: 0.019+1.2+0.024 ms clock, 0.039+0.2/0.9/0+0.049 ms cpu, 3->4->2 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P\n",
		"some other line\ngc 2 @0.5s 2%: 0.01+2+0.02 ms clock, 0.03+0.1/1/0+0.04 ms cpu, 40->4",
		"1->23 MB, 46 MB goal, 0 MB stacks, 0 MB globals, 2 P\n",
	} {
		g.Write([]byte(chunk))
	}
	if l := g.last(); l.gcs != 2 || l.bytes != 23<<20 {
		t.Errorf("after two GCs: %+v, want GC 2 with 23 MiB live", l)
	}
}
