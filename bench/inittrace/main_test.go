package main

import (
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	in := "init internal/bytealg @0.009 ms, 0 ms clock, 0 bytes, 0 allocs\n" +
		"brief 0.1.0\n" +
		"init github.com/mattn/go-runewidth @0.42 ms, 26 ms clock, 2048 bytes, 3 allocs\n" +
		"init broken @x ms, y ms clock\n"
	got, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Line{
		{"internal/bytealg", 0, 0},
		{"github.com/mattn/go-runewidth", 26 * time.Millisecond, 2048},
	}
	if len(got) != len(want) {
		t.Fatalf("Parse = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if _, err := Parse([]byte("init p @0 ms, x ms clock, 0 bytes, 0 allocs\n")); err == nil {
		t.Error("Parse of a malformed clock: no error")
	}
}
