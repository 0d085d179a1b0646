package briefing

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// checkOnly are the warnings a load without LoadOptions.Check leaves out.
var checkOnly = []string{
	"no citation in this paragraph or list item",
	"is never cited",
	"has no citations",
}

func isCheckOnly(d Diagnostic) bool {
	if d.Severity != Warning {
		return false
	}
	for _, m := range checkOnly {
		if strings.Contains(d.Message, m) {
			return true
		}
	}
	return false
}

// TestLoadWithoutCheck loads every broken and good briefing in testdata
// both ways: without Check, the topics are the same and the diagnostics
// are those of a full load less the check-only warnings, so that every
// error (a skipped topic, an unknown source) is still found.
func TestLoadWithoutCheck(t *testing.T) {
	var names []string
	for _, dir := range []string{"broken", "good"} {
		entries, err := os.ReadDir("testdata/" + dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".golden") {
				names = append(names, dir+"/"+e.Name())
			}
		}
	}
	dropped, uncited := 0, 0
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			fsys := os.DirFS("testdata")
			full, fullErr := LoadFSWith(fsys, name, LoadOptions{Check: true})
			fast, fastErr := LoadFSWith(fsys, name, LoadOptions{})
			if (fullErr == nil) != (fastErr == nil) {
				t.Fatalf("full load error %v, fast load error %v", fullErr, fastErr)
			}
			if fullErr != nil {
				if fullErr.Error() != fastErr.Error() {
					t.Errorf("errors differ:\nfull: %v\nfast: %v", fullErr, fastErr)
				}
				return
			}
			var want Diagnostics
			for _, d := range full.Diagnostics {
				if isCheckOnly(d) {
					dropped++
					continue
				}
				want = append(want, d)
			}
			if !reflect.DeepEqual(fast.Diagnostics, want) {
				t.Errorf("diagnostics without Check:\n%v\nwant:\n%v", fast.Diagnostics, want)
			}
			fullDiags, fastDiags := full.Diagnostics, fast.Diagnostics
			full.Diagnostics, fast.Diagnostics = nil, nil
			if !reflect.DeepEqual(full, fast) {
				t.Errorf("the briefing loaded without Check differs from the full load")
			}
			full.Diagnostics, fast.Diagnostics = fullDiags, fastDiags

			// Without citations, as for a search: the same text, and
			// the same diagnostics less the unknown sources cited.
			text, err := LoadFSWith(fsys, name, LoadOptions{SkipCitations: true})
			if err != nil {
				t.Fatal(err)
			}
			want = nil
			for _, d := range fast.Diagnostics {
				if strings.HasPrefix(d.Message, "unknown source ") {
					uncited++
					continue
				}
				want = append(want, d)
			}
			if !reflect.DeepEqual(text.Diagnostics, want) {
				t.Errorf("diagnostics with SkipCitations:\n%v\nwant:\n%v", text.Diagnostics, want)
			}
			if len(fast.Topics) != len(text.Topics) {
				t.Fatalf("%d topics with SkipCitations, want %d", len(text.Topics), len(fast.Topics))
			}
			for i, tp := range text.Topics {
				if len(tp.Citations) != 0 {
					t.Errorf("topic %q has citations with SkipCitations", tp.ID)
				}
				want := *fast.Topics[i]
				want.Citations = nil
				if !reflect.DeepEqual(*tp, want) {
					t.Errorf("topic %q with SkipCitations differs", tp.ID)
				}
			}
		})
	}
	if uncited == 0 {
		t.Error("no unknown source in testdata: SkipCitations is not tested")
	}
	if dropped == 0 {
		t.Error("no check-only warning in testdata: the comparison proves nothing")
	}
}
