package ui

import (
	"fmt"
	"testing"

	"brief/internal/render"
)

func TestPeek(t *testing.T) {
	m := newTestModel(t, render.Dark, 120, 40)
	fmt.Println(plain(m))
	m = press(t, m, "l", "l", "j", "j")
	fmt.Println(plain(m))
	m = newTestModel(t, render.NoTTY, 60, 20)
	fmt.Println(plain(m))
	m = press(t, m, "t")
	fmt.Println(plain(m))
	m = press(t, m, "?")
	fmt.Println(plain(m))
}
