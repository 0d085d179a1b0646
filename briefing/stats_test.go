package briefing

import (
	"strings"
	"testing"
	"time"
)

func TestWords(t *testing.T) {
	tests := []struct {
		name string
		body string
		want int
	}{
		{"empty", "", 0},
		{"plain", "one two three", 3},
		{"markup", "**Kyiv** said: *no* [@a].", 4},
		{"apostrophe and hyphen", "Ukraine's ceasefire-line talks", 3},
		{"numbers", "20% of 2026", 3},
		{"accents", "Zelenskyy met Ołeksandr", 3},
		{"excerpts are not read", `Kyiv said no [@a, "a passage of six words here"; @b].`, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (&Topic{Body: tt.body, Citations: ScanCitations(tt.body)}).Words(); got != tt.want {
				t.Errorf("Words(%q) = %d, want %d", tt.body, got, tt.want)
			}
		})
	}
}

func TestReadingTime(t *testing.T) {
	tests := []struct {
		words int
		want  time.Duration
	}{
		{0, 0},
		{1, time.Minute},
		{200, time.Minute},
		{201, 2 * time.Minute},
	}
	for _, tt := range tests {
		body := strings.Repeat("word ", tt.words)
		if got := (&Topic{Body: body}).ReadingTime(); got != tt.want {
			t.Errorf("ReadingTime(%d words) = %v, want %v", tt.words, got, tt.want)
		}
	}
}
