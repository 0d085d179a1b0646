package state

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"testing"
)

// TestTwoProcesses runs two copies of this test binary that save one
// briefing's state at once, as two copies of brief would.
func TestTwoProcesses(t *testing.T) {
	if w := os.Getenv("BRIEF_STATE_WRITER"); w != "" {
		s := Open(Dir())
		r := sample()
		for i := range 200 {
			r = r.At("writer"+w, Position{Offset: i})
			if err := s.Save("/b/x", r); err != nil {
				fmt.Println(err)
				os.Exit(1)
			}
		}
		return
	}
	s := newStore(t)
	var cmds []*exec.Cmd
	for w := range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestTwoProcesses$")
		cmd.Env = append(os.Environ(), "BRIEF_STATE_WRITER="+strconv.Itoa(w))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("a writer failed: %v", err)
		}
	}
	r, err := s.Load("/b/x")
	if err != nil {
		t.Fatal(err)
	}
	if (r.Topic != "writer0" && r.Topic != "writer1") || r.Place.Offset != 199 {
		t.Errorf("last state %q at %d, want one writer's last", r.Topic, r.Place.Offset)
	}
}
