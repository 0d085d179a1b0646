package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestPrintTimeline prints the built-in briefing's timeline, plain and as
// JSON, and checks that the events come in date order, each once.
func TestPrintTimeline(t *testing.T) {
	stdout, _, code := run(t, "print", "--timeline")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) < 10 {
		t.Fatalf("only %d events:\n%s", len(lines), stdout)
	}
	prev := ""
	for _, l := range lines {
		date, _, _ := strings.Cut(l, " ")
		if date < prev {
			t.Errorf("%q comes after %q", date, prev)
		}
		prev = date
	}
	if !strings.HasPrefix(lines[0], "1994        Under the Budapest Memorandum") || !strings.Contains(lines[0], "(Ratification)") {
		t.Errorf("first event: %q", lines[0])
	}

	stdout, _, _ = run(t, "print", "--timeline", "--json")
	var evs []jsonEvent
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var ev jsonEvent
		if err := json.Unmarshal([]byte(l), &ev); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		evs = append(evs, ev)
	}
	if len(evs) != len(lines) {
		t.Fatalf("%d JSON events, %d plain", len(evs), len(lines))
	}
	if ev := evs[4]; ev.Date != "2025-12-28" || ev.Precision != "day" || len(ev.Citations) != 1 || ev.Topics[0] != "guarantees" {
		t.Errorf("fifth event: %+v", ev)
	}
}

// TestPrintActorsAndSources checks the counts print gives: passages per
// actor from the search index, citation groups per source.
func TestPrintActorsAndSources(t *testing.T) {
	stdout, _, _ := run(t, "print", "--actors", "--json")
	var lavrov jsonActor
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var a jsonActor
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatal(err)
		}
		if a.Name == "Sergei Lavrov" {
			lavrov = a
		}
	}
	search, _, _ := run(t, "search", "--json", "Sergei Lavrov")
	if n := strings.Count(search, "\n"); lavrov.Mentions == 0 || lavrov.Mentions != n {
		t.Errorf("Lavrov: %d mentions, search finds %d", lavrov.Mentions, n)
	}

	stdout, _, _ = run(t, "print", "--sources")
	if !strings.Contains(stdout, "[1] unnamed outlet, “Untitled news analysis") || !strings.Contains(stdout, "    cited ") {
		t.Errorf("sources:\n%s", stdout)
	}
	for _, args := range [][]string{{"print", "--json"}, {"print", "--timeline", "--actors"}, {"print", "--sources", "--topic", "1"}} {
		if _, stderr, code := run(t, args...); code != 2 || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}
