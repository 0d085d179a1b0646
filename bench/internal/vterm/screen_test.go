package vterm

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
)

func TestScreenSequences(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []string
	}{
		{"plain", "ab\r\ncd", []string{"ab", "cd", ""}},
		{"cup and erase line", "hello\x1b[1;3H\x1b[K", []string{"he", "", ""}},
		{"rep", "a-\x1b[3b!", []string{"a----!", "", ""}},
		{"cursor forward keeps cells", "abcdef\r\x1b[2Cx", []string{"abxdef", "", ""}},
		{"ech", "abcdef\x1b[1;2H\x1b[3X", []string{"a   ef", "", ""}},
		{"autowrap", "0123456789ab", []string{"0123456789", "ab", ""}},
		{"pending wrap then cr", "0123456789\rX", []string{"X123456789", "", ""}},
		{"no autowrap", "\x1b[?7l0123456789ab\x1b[?7h", []string{"012345678b", "", ""}},
		{"scroll at bottom", "a\r\nb\r\nc\r\nd", []string{"b", "c", "d"}},
		{"insert line", "a\r\nb\r\nc\x1b[2;1H\x1b[L", []string{"a", "", "b"}},
		{"delete line", "a\r\nb\r\nc\x1b[1;1H\x1b[M", []string{"b", "c", ""}},
		{"scroll region", "a\r\nb\r\nc\x1b[2;3r\x1b[S\x1b[r", []string{"a", "c", ""}},
		{"reverse index at top", "a\r\nb\x1b[H\x1bMz", []string{"z", "a", "b"}},
		{"insert and delete chars", "abcd\x1b[1;2H\x1b[2@\x1b[1;6H\x1b[P", []string{"a  bc", "", ""}},
		{"tab", "a\tb", []string{"a       b", "", ""}},
		{"wide", "界x", []string{"界x", "", ""}},
		{"combining mark", "e\u0301x", []string{"e\u0301x", "", ""}},
		{"alt screen", "main\x1b[?1049hALT\x1b[?1049l", []string{"main", "", ""}},
		{"alt screen shows", "main\x1b[?1049h\x1b[HALT", []string{"ALT", "", ""}},
		{"sgr ignored", "\x1b[1;38;2;1;2;3mbold\x1b[m", []string{"bold", "", ""}},
		{"osc title ignored", "\x1b]0;title\x07x", []string{"x", "", ""}},
		{"erase below", "aa\r\nbb\r\ncc\x1b[2;2H\x1b[J", []string{"aa", "b", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(10, 3, nil)
			// Byte by byte, so sequences split across writes are covered.
			for i := range len(tt.input) {
				s.Write([]byte{tt.input[i]})
			}
			if got := s.Lines(); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestShows(t *testing.T) {
	s := New(20, 3, nil)
	s.Write([]byte("The Title\r\n  topic one\r\n  topic two"))
	if !s.Shows("The Title", "topic two") {
		t.Errorf("Shows = false for visible text:\n%s", s)
	}
	if s.Shows("The Title", "topic three") {
		t.Error("Shows = true for absent text")
	}
	if s.Shows("Title topic") {
		t.Error("Shows matched across rows")
	}
}

func TestShowsStyled(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string
		ok    bool
	}{
		{"plain", "draft text", "draft", false},
		{"256 colour", "\x1b[38;5;252mdraft text", "draft text", true},
		{"true colour then plain", "\x1b[38;2;1;2;3mdraft\x1b[0m text", "draft text", false},
		{"colon colour", "\x1b[38:5:252mdraft\x1b[m", "draft", true},
		{"bold", "\x1b[1mdraft", "draft", true},
		{"bold off", "\x1b[1m\x1b[22mdraft", "draft", false},
		{"fg reset", "\x1b[31m\x1b[39mdraft", "draft", false},
		{"background alone counts", "\x1b[48;5;17mdraft", "draft", true},
		// 5 in 38;5;n is the colour's kind, not blink; 1 in 38;2;1;2;3 is red, not bold.
		{"colour parameters skipped", "\x1b[38;2;1;2;3m\x1b[39mdraft", "draft", false},
		{"unstyled spaces between styled words", "\x1b[1mdraft\x1b[m \x1b[1mtext", "draft text", true},
		{"one plain letter", "\x1b[1mdraf\x1b[mt", "draft", false},
		{"second occurrence styled", "draft \x1b[1mdraft", "draft", true},
		{"erased after styling", "\x1b[1mdraft\x1b[m\r\x1b[Kdraft", "draft", false},
		{"reset clears", "\x1b[1;31m\x1bcdraft", "draft", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(20, 2, nil)
			s.Write([]byte(tt.input))
			if got := s.ShowsStyled(tt.want); got != tt.ok {
				t.Errorf("ShowsStyled(%q) = %v, want %v; screen %q", tt.want, got, tt.ok, s.String())
			}
		})
	}
}

// TestMatchesRenderer draws random frames with the cell renderer Bubble Tea
// uses and checks that the screen ends up showing each frame, through the
// renderer's diffing, scrolling and line insertion optimisations.
func TestMatchesRenderer(t *testing.T) {
	const w, h = 40, 12
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"brief", "topic", "the", "界面", "source", "—", "a", "  ", "citation", "é"}
	line := func() string {
		var b strings.Builder
		for range rng.IntN(8) {
			if rng.IntN(3) == 0 {
				fmt.Fprintf(&b, "\x1b[3%dm", rng.IntN(8))
			}
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteByte(' ')
		}
		return b.String()
	}
	for run := range 20 {
		var out bytes.Buffer
		r := uv.NewTerminalRenderer(&out, []string{"TERM=xterm-256color"})
		r.SetScrollOptim(true)
		r.SetFullscreen(true)
		r.SaveCursor()
		r.Erase()
		scr := uv.NewScreenBuffer(w, h)
		s := New(w, h, nil)
		s.Write([]byte("\x1b[?1049h"))
		lines := make([]string, h)
		for i := range lines {
			lines[i] = line()
		}
		for frame := range 30 {
			switch rng.IntN(4) {
			case 0: // scroll down by a few lines
				n := 1 + rng.IntN(3)
				lines = lines[n:]
				for range n {
					lines = append(lines, line())
				}
			case 1: // insert a line
				i := rng.IntN(h)
				lines = slices.Insert(lines, i, line())[:h]
			case 2: // change one line
				lines[rng.IntN(h)] = line()
			case 3: // delete a line
				i := rng.IntN(h)
				lines = append(slices.Delete(lines, i, i+1), line())
			}
			scr.Clear()
			uv.NewStyledString(strings.Join(lines, "\n")).Draw(scr, scr.Bounds())
			out.Reset()
			r.Render(scr.RenderBuffer)
			if err := r.Flush(); err != nil {
				t.Fatal(err)
			}
			s.Write(out.Bytes())
			want := strings.Split(scr.Buffer.String(), "\n")
			for i := range want {
				want[i] = strings.TrimRight(want[i], " ")
			}
			if got := s.Lines(); !slices.Equal(got, want) {
				t.Fatalf("run %d frame %d: screen differs from the renderer's buffer\ngot:\n%s\nwant:\n%s\noutput: %q",
					run, frame, strings.Join(got, "\n"), strings.Join(want, "\n"), out.String())
			}
		}
	}
}
