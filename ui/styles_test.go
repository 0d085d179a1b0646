package ui

import (
	"image/color"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"brief/internal/render"
)

// nearWhite reports whether c would all but vanish on a light background.
func nearWhite(c color.Color) bool {
	if c == nil {
		return false
	}
	if _, none := c.(lipgloss.NoColor); none {
		return false
	}
	r, g, b, _ := c.RGBA()
	return min(r, g, b)>>8 >= 0xC0
}

// foregrounds returns every foreground colour the SGR sequences in s set.
func foregrounds(s string) []color.Color {
	var out []color.Color
	for _, m := range sgr.FindAllStringSubmatch(s, -1) {
		p := strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' })
		for i := 0; i < len(p); i++ {
			n, _ := strconv.Atoi(p[i])
			switch {
			case n == 38 && i+2 < len(p) && p[i+1] == "5":
				v, _ := strconv.Atoi(p[i+2])
				out = append(out, ansi.IndexedColor(v))
				i += 2
			case n == 38 && i+4 < len(p) && p[i+1] == "2":
				r, _ := strconv.Atoi(p[i+2])
				g, _ := strconv.Atoi(p[i+3])
				b, _ := strconv.Atoi(p[i+4])
				out = append(out, color.RGBA{uint8(r), uint8(g), uint8(b), 255})
				i += 4
			case n == 48 && i+1 < len(p) && p[i+1] == "5":
				i += 2
			case n == 48 && i+1 < len(p) && p[i+1] == "2":
				i += 4
			case n >= 30 && n <= 37:
				out = append(out, ansi.BasicColor(n-30))
			case n >= 90 && n <= 97:
				out = append(out, ansi.BasicColor(n-90+8))
			}
		}
	}
	return out
}

var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// TestLightStylesHaveNoNearWhite walks every Lip Gloss style of the light
// theme, the help's and the text inputs' included.
func TestLightStylesHaveNoNearWhite(t *testing.T) {
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		if st, ok := v.Interface().(lipgloss.Style); ok {
			if c := st.GetForeground(); nearWhite(c) {
				t.Errorf("%s has the near-white foreground %v", path, c)
			}
			return
		}
		if c, ok := v.Interface().(color.Color); ok && path != "" && strings.HasSuffix(path, "Color") {
			if nearWhite(c) {
				t.Errorf("%s is near-white: %v", path, c)
			}
			return
		}
		if v.Kind() == reflect.Struct {
			for i := range v.NumField() {
				f := v.Type().Field(i)
				fv := v.Field(i)
				if !f.IsExported() {
					fv = reflect.NewAt(fv.Type(), fv.Addr().UnsafePointer()).Elem()
				}
				walk(path+"."+f.Name, fv)
			}
		}
	}
	st := newStyles(false)
	walk("styles", reflect.ValueOf(&st).Elem())
}

// TestLightScreens draws the reader's screens with --style light on a
// terminal that has not told its background, and one that claims a dark
// one: the choice on the command line wins, and nothing is near-white.
func TestLightScreens(t *testing.T) {
	screens := [][]string{
		nil, {"?"}, {"t", "j"}, {"/", "b", "r", "i", "d", "g", "e"},
		{"/", "b", "r", "i", "d", "g", "e", "tab"}, {":", "p", "e", "o"}, {"i"}, {"/", "b", "r", "i", "d", "g", "e", "enter"},
	}
	for _, bg := range []tea.Msg{nil, tea.BackgroundColorMsg{Color: color.Black}} {
		for _, keys := range screens {
			m := newTestModel(t, render.Light, 80, 24)
			if bg != nil {
				m = send(t, m, bg)
			}
			m = press(t, m, keys...)
			if m.st.isDark {
				t.Errorf("keys %q, background %v: --style light uses dark styles", keys, bg)
			}
			out := m.View().Content
			for _, c := range foregrounds(out) {
				if nearWhite(c) {
					r, g, b, _ := c.RGBA()
					t.Errorf("keys %q, background %v: near-white foreground #%02x%02x%02x on screen:\n%s",
						keys, bg, r>>8, g>>8, b>>8, ansi.Strip(out))
					break
				}
			}
		}
	}
}
