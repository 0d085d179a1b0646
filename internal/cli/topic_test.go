package cli

import (
	"strings"
	"testing"
)

// TestPrintTopicBy is --topic given a number, as the reader numbers
// topics, an id, or a title in any case.
func TestPrintTopicBy(t *testing.T) {
	tests := []struct{ topic, title string }{
		{"3", "# Territory"},
		{"territory", "# Territory"},
		{"Territory", "# Territory"},
		{"TERRITORY", "# Territory"},
		{"1", "# Bottom line"},
		{"7", "# Who's who"},
		{"the russian position", "# The Russian position"},
		{"russian-position", "# The Russian position"},
	}
	for _, tt := range tests {
		stdout, stderr, code := run(t, "print", "--style", "notty", "--topic", tt.topic)
		if code != 0 || stderr != "" {
			t.Errorf("--topic %q: exit %d, stderr %q", tt.topic, code, stderr)
			continue
		}
		if !strings.Contains(stdout, strings.TrimPrefix(tt.title, "# ")) || strings.Count(stdout, "Sources") != 1 {
			t.Errorf("--topic %q: output is not the topic %q alone:\n%.200s", tt.topic, tt.title, stdout)
		}
	}
}

// TestPrintTopicNone names the topics there are when --topic matches
// none of them.
func TestPrintTopicNone(t *testing.T) {
	for _, topic := range []string{"nope", "0", "8", "-1"} {
		stdout, stderr, code := run(t, "print", "--topic", topic)
		if code != 1 || stdout != "" {
			t.Errorf("--topic %q: exit %d, stdout %q", topic, code, stdout)
		}
		if !strings.HasPrefix(stderr, `brief: no topic "`+topic+`" in the built-in briefing`) {
			t.Errorf("--topic %q: stderr starts %q", topic, stderr)
		}
		for _, want := range []string{"1  overview", "Bottom line", "3  territory", "Territory", "7  actors", "Who's who"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("--topic %q: stderr lacks %q:\n%s", topic, want, stderr)
			}
		}
	}
}
