package expect

import "testing"

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
