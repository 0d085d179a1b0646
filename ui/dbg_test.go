package ui

import (
	"strings"
	"testing"

	"brief/internal/render"
)

func TestDbg(t *testing.T) {
	bs := hostileBriefings(t)
	b := bs["single"]
	m := send(t, New(b, Options{Style: render.NoTTY}), sizeMsg(120, 40))
	m = press(t, m, "l")
	c := m.View().Content
	i := strings.Index(c, "\x1b]8;id")
	t.Logf("%v %q", i, c[max(i-10, 0):min(i+700, len(c))])
}
