package briefing

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestFootnotedCitations loads citations written as footnotes, as a
// Markdown export writes them: each group goes back in place of its
// reference, and positions still point where the group was written.
func TestFootnotedCitations(t *testing.T) {
	const src = "---\nsources:\n  - id: a\n    title: A\n---\n" + // lines 1-5
		"# T\n\nIntro [^1].\n\n[^1]: [@a, \"intro\"] 1. A.\n\n" + // 6-11
		"## One\n\nFirst claim [^2], again [^2].\n\n- an item [^3]\n\n" + // 12-17
		"[^2]: [@a, \"first\"] 1. A.\n[^3]: [@nope] 9. Unknown.\n" // 18-19
	b, err := LoadFSWith(fstest.MapFS{"x.md": mapFile(src)}, "x.md", LoadOptions{Check: true})
	if err != nil && len(b.Diagnostics.Errors()) == 0 {
		t.Fatal(err)
	}
	if want := `Intro [@a, "intro"].`; b.Summary != want {
		t.Errorf("summary %q, want %q", b.Summary, want)
	}
	tp := b.Topics[0]
	if want := "First claim [@a, \"first\"], again [@a, \"first\"].\n\n- an item [@nope]\n"; tp.Body != want {
		t.Errorf("body %q, want %q", tp.Body, want)
	}
	if len(tp.Citations) != 3 || tp.Citations[0].Excerpts[0] != "first" {
		t.Fatalf("citations %+v", tp.Citations)
	}
	// Both references point at the one footnote, the group's '[' at 18:7.
	for _, i := range []int{0, 1} {
		if p := tp.Citations[i].Pos; p.Line != 18 || p.Col != 7 {
			t.Errorf("citation %d at %v, want 18:7", i, p)
		}
	}
	got := b.Diagnostics.Error()
	if !strings.Contains(got, "x.md:19:8: unknown source") || !strings.Contains(got, `"nope"`) {
		t.Errorf("the unknown key is not reported in its footnote, at 19:8:\n%s", got)
	}
	if strings.Contains(got, "no citation") {
		t.Errorf("footnoted claims reported uncited:\n%s", got)
	}
}

// TestFootnotesLeftAlone: footnotes that hold no citation group, and
// references with no footnote, stay as written.
func TestFootnotesLeftAlone(t *testing.T) {
	for _, text := range []string{
		"A claim [^1].\n\n[^1]: Just a note.\n",
		"A claim [^2].\n\n[^1]: [@a] 1. A.\n",
		"Code `[^1]` and [^x y].\n",
		"[^1]: [@a]\n",
	} {
		got, spans := unfootnote(text)
		if got != text || spans != nil {
			t.Errorf("%q became %q", text, got)
		}
	}
}

func TestOrigOffset(t *testing.T) {
	const text = "ab [^1] cd [^1] e\n\n[^1]: [@key] x\n"
	got, spans := unfootnote(text)
	if got != "ab [@key] cd [@key] e\n" {
		t.Fatalf("%q", got)
	}
	group := strings.Index(text, "[@key]")
	for off, want := range map[int]int{0: 0, 3: group, 8: group + 5, 9: 7, 13: group, 19: 15, 20: 16} {
		if o := origOffset(spans, off); o != want {
			t.Errorf("offset %d maps to %d, want %d", off, o, want)
		}
	}
}
