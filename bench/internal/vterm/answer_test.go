package vterm

import (
	"slices"
	"testing"
)

func TestAnswerer(t *testing.T) {
	tests := []struct {
		name    string
		query   string
		want    []string
		queries []string
	}{
		{"background BEL", "\x1b]11;?\x07", []string{"\x1b]11;rgb:0000/0000/0000\x1b\\"}, []string{"OSC 11"}},
		{"background ST", "\x1b]11;?\x1b\\", []string{"\x1b]11;rgb:0000/0000/0000\x1b\\"}, []string{"OSC 11"}},
		{"foreground", "\x1b]10;?\x07", []string{"\x1b]10;rgb:ffff/ffff/ffff\x1b\\"}, []string{"OSC 10"}},
		{"set background is no query", "\x1b]11;#ffffff\x07", nil, nil},
		{"da1", "\x1b[c", []string{"\x1b[?62;22c"}, []string{"DA1"}},
		{"da1 zero", "\x1b[0c", []string{"\x1b[?62;22c"}, []string{"DA1"}},
		{"cursor position", "\x1b[3;5H\x1b[6n", []string{"\x1b[3;5R"}, []string{"CPR"}},
		{
			"bubbletea startup modes", "\x1b[?2026$p\x1b[?2027$p",
			[]string{"\x1b[?2026;0$y", "\x1b[?2027;0$y"},
			[]string{"DECRQM 2026", "DECRQM 2027"},
		},
		{"known mode", "\x1b[?2004$p", []string{"\x1b[?2004;2$y"}, []string{"DECRQM 2004"}},
		{"kitty keyboard ignored", "\x1b[?u", nil, []string{"kitty keyboard"}},
		{"xtversion", "\x1b[>0q", []string{"\x1bP>|XTerm(390)\x1b\\"}, []string{"XTVERSION"}},
		{"xtgettcap", "\x1bP+q524742\x1b\\", []string{"\x1bP0+r\x1b\\"}, []string{"XTGETTCAP"}},
		{"window size", "\x1b[18t", []string{"\x1b[8;5;10t"}, []string{"window size"}},
		{"mode set is no query", "\x1b[?2004h\x1b[?1049h", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			a := &Answerer{Reply: func(s string) { got = append(got, s) }}
			s := New(10, 5, a)
			for i := range len(tt.query) {
				s.Write([]byte{tt.query[i]})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("replies %q, want %q", got, tt.want)
			}
			if q := a.Queries(); !slices.Equal(q, tt.queries) {
				t.Errorf("queries %q, want %q", q, tt.queries)
			}
		})
	}
}

func TestSilentAnswererRecords(t *testing.T) {
	a := &Answerer{}
	s := New(10, 5, a)
	s.Write([]byte("\x1b]11;?\x07\x1b[c"))
	if q := a.Queries(); !slices.Equal(q, []string{"OSC 11", "DA1"}) {
		t.Errorf("queries %q", q)
	}
}
