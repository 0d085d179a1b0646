package briefing

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// hasControlRef is HasControl one rune at a time, the definition the fast
// path must agree with.
func hasControlRef(s string) bool {
	for _, r := range s {
		if IsControl(r) {
			return true
		}
	}
	return !utf8.ValidString(s)
}

func TestHasControl(t *testing.T) {
	long := strings.Repeat("plain text, wrapped\n\tand indented ", 3)
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"empty", "", false},
		{"ascii", long, false},
		{"accents", long + "Kraków, Erdoğan " + long, false},
		{"replacement character", long + "\uFFFD" + long, false},
		{"escape in a word", long + "abc\x1b[31mdef" + long, true},
		{"escape at the end", long + "\x1b", true},
		{"DEL in a word", "abcdefg\x7fhijklmno", true},
		{"carriage return", long + "\r" + long, true},
		{"NUL", "12345678\x00", true},
		{"C1 control", long + "\u009b" + long, true},
		{"first C1 control", long + "\u0080" + long, true},
		{"no-break space after the C1 range", long + "\u00a0\u00ff\u07ff" + long, false},
		{"lead byte without its second", long + "\xc3x" + long, true},
		{"bidi override", long + "\u202e" + long, true},
		{"raw 0x9b", long + "\x9b" + long, true},
		{"cut rune", long + "\xc3", true},
		{"byte 0x1f next to a newline", "aaaaaaa\n\x1f", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HasControl(tt.in); got != tt.want {
				t.Errorf("HasControl(%q) = %v, want %v", tt.in, got, tt.want)
			}
			// Every alignment of the sixteen- and eight-byte scans.
			for k := 1; k < 17; k++ {
				s := strings.Repeat("x", k) + tt.in
				if got := HasControl(s); got != tt.want {
					t.Errorf("HasControl(%d bytes + %q) = %v, want %v", k, tt.in, got, tt.want)
				}
			}
		})
	}
}

func FuzzHasControl(f *testing.F) {
	for _, s := range []string{"", "abcdefgh\x1bijk", "text\nwith\ttabs and é", "\x7f", "\xff\xfe", "12345678\u202e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := HasControl(s), hasControlRef(s); got != want {
			t.Fatalf("HasControl(%q) = %v, reference says %v", s, got, want)
		}
	})
}
