package ui

import (
	"strings"
	"testing"

	"brief/internal/render"
)

func TestAboutShowsSummaryAndSources(t *testing.T) {
	m := press(t, newTestModel(t, render.NoTTY, 120, 40), "j", "l")
	topic := m.Current()
	m = press(t, m, "i")
	screen := plain(m)
	for _, want := range []string{
		"Harbour bridge dispute",
		"who pays for the harbour bridge repairs",
		"[1].", // numbered as in the list of sources below
		"Sources",
		"1. Harbour Gazette",
		"2. The Ledger",
		"summary",
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("front page lacks %q:\n%s", want, screen)
		}
	}
	if strings.Contains(screen, "[@") {
		t.Error("front page shows a raw citation")
	}
	for _, k := range []string{"i", "esc"} {
		back := press(t, m, k)
		if back.about || back.Current() != topic {
			t.Errorf("%s: about %v, topic %d; want the topic %d back", k, back.about, back.Current(), topic)
		}
		if back.reader.shown.topic != topic {
			t.Errorf("%s: the pane shows topic %d, want %d", k, back.reader.shown.topic, topic)
		}
	}
	if next := press(t, m, "l"); next.about || next.Current() != topic+1 {
		t.Errorf("l from the front page: about %v, topic %d; want topic %d", next.about, next.Current(), topic+1)
	}
}

func TestAboutSurvivesResize(t *testing.T) {
	m := press(t, newTestModel(t, render.Dark, 120, 40), "i")
	m = send(t, m, sizeMsg(60, 20))
	m = send(t, m, resizeDoneMsg{gen: m.resizeGen})
	if !m.about || !strings.Contains(plain(m), "Harbour") {
		t.Errorf("front page lost on resize:\n%s", plain(m))
	}
	if m.reader.shown.topic != aboutTopic || !m.reader.rendered {
		t.Errorf("front page not rendered after resize: shown %+v rendered %v", m.reader.shown, m.reader.rendered)
	}
}

// TestSourceHasOneNumber checks that a source has the same number, and is
// listed the same way, at the end of a topic and on the front page,
// whichever source the topic cites first.
func TestSourceHasOneNumber(t *testing.T) {
	m := press(t, newTestModel(t, render.NoTTY, 120, 40), "3", "G")
	topic := plain(m)
	m = press(t, m, "i")
	about := plain(m)
	for _, want := range []string{
		"1. Harbour Gazette, *Bridge repairs stall as city and port trade blame*, 12 March",
		"2. The Ledger, *Who owns the bridge? A look at the 1962 deed*, March 2026 (inferred",
		"3. City Radio, *Morning show interview with the port director*, 10 March 2026; news",
	} {
		if !strings.Contains(topic, want) {
			t.Errorf("the end of topic 3 lacks %q:\n%s", want, topic)
		}
		if !strings.Contains(about, want) {
			t.Errorf("the front page lacks %q:\n%s", want, about)
		}
	}
}
