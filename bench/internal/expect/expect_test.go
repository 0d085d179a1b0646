package expect

import (
	"slices"
	"testing"

	"brief/briefing"
)

func TestPrefix(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"Overview", 12, "Overview"},
		{"Where sources differ", 12, "Where"},
		{"Territoriality", 12, "Territoriali"},
		{"Это длинный заголовок", 12, "Это длинный"},
	}
	for _, tt := range tests {
		if got := Prefix(tt.in, tt.n); got != tt.want {
			t.Errorf("Prefix(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestFirstFrameEmbedded(t *testing.T) {
	b, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	want := FirstFrame(b, 3)
	if len(want) != 1+min(3, len(b.Topics)) {
		t.Fatalf("FirstFrame = %q for %d topics", want, len(b.Topics))
	}
	if want[0] == "" {
		t.Error("empty title")
	}
}

func TestStyledWords(t *testing.T) {
	b := &briefing.Briefing{
		Title: "Security guarantees",
		Topics: []*briefing.Topic{
			{Title: "Bottom line", Body: "## What is happening\n\n- **The document is drafted.** " +
				"Zel**ensky** said [@ready] that `guarantees` are http://x.example/words " +
				"Kyiv's délais bottom-line drafted happening again."},
			{Title: "Territory"},
		},
	}
	// "happening" once, "guarantees" and "Bottom" are in titles, "Zel**ensky"
	// has markup inside, "http://..." is a link, "Kyiv's" holds a quote.
	want := []string{"happening", "document", "drafted", "délais", "again"}
	if got := StyledWords(b, 10); !slices.Equal(got, want) {
		t.Errorf("StyledWords = %q, want %q", got, want)
	}
	if got := StyledWords(b, 2); !slices.Equal(got, want[:2]) {
		t.Errorf("StyledWords(2) = %q, want %q", got, want[:2])
	}
	if got := StyledWords(&briefing.Briefing{}, 3); got != nil {
		t.Errorf("StyledWords of no topic = %q", got)
	}
}

func TestStyledWordsEmbedded(t *testing.T) {
	b, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := StyledWords(b, 8); len(got) != 8 {
		t.Errorf("StyledWords of the embedded briefing = %q, want 8 words", got)
	}
}
