package content

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"brief/briefing"
)

// articles holds the source articles the briefing is distilled from; it
// sits beside the repository, so the quotation test skips when it is absent.
var articles = filepath.Join("..", "..", "shared", "articles")

// wantTopics is the order of topics that readers are promised.
var wantTopics = []string{
	"overview", "guarantees", "territory", "russian-position",
	"ratification", "discrepancies", "actors",
}

func load(t *testing.T) *briefing.Briefing {
	t.Helper()
	b, err := briefing.LoadFS(FS, ".")
	if err != nil {
		t.Fatalf("LoadFS: %v", err)
	}
	return b
}

func TestStrict(t *testing.T) {
	b := load(t)
	for _, d := range b.Diagnostics {
		t.Errorf("%s", d)
	}
}

func TestTopics(t *testing.T) {
	b := load(t)
	var ids []string
	for _, tp := range b.Topics {
		ids = append(ids, tp.ID)
		if tp.Title == "" {
			t.Errorf("topic %s has no title", tp.ID)
		}
		if tp.Summary == "" {
			t.Errorf("topic %s has no summary", tp.ID)
		}
		if len(tp.Citations) == 0 {
			t.Errorf("topic %s cites nothing", tp.ID)
		}
	}
	if !slices.Equal(ids, wantTopics) {
		t.Errorf("topics = %v, want %v", ids, wantTopics)
	}
	if b.Title == "" || b.AsOf.IsZero() || len(briefing.ScanCitations(b.Summary)) == 0 {
		t.Errorf("briefing needs a title, an as-of date and a cited summary")
	}
}

func TestSources(t *testing.T) {
	b := load(t)
	cited := map[string]bool{}
	cite := func(cs []briefing.Citation) {
		for _, c := range cs {
			for _, k := range c.Keys {
				cited[k] = true
			}
		}
	}
	for _, tp := range b.Topics {
		cite(tp.Citations)
	}
	cite(briefing.ScanCitations(b.Summary))
	for _, e := range b.Timeline {
		cite(briefing.ScanCitations(e.Text))
	}
	if len(b.Sources) != 5 {
		t.Errorf("%d sources, want the 5 articles", len(b.Sources))
	}
	for _, s := range b.Sources {
		if !cited[s.ID] {
			t.Errorf("source %s is never cited", s.ID)
		}
		if s.Title == "" || s.Outlet == "" || s.Kind == "" || s.Date.IsZero() {
			t.Errorf("source %s lacks a title, outlet, kind or date", s.ID)
		}
		// Every article's date is inferred; the note must say so.
		if !strings.Contains(s.DateNote, "inferred") {
			t.Errorf("source %s: date note %q does not say the date is inferred", s.ID, s.DateNote)
		}
	}
}

func TestTimeline(t *testing.T) {
	b := load(t)
	if len(b.Timeline) == 0 {
		t.Fatal("no timeline")
	}
	for i, e := range b.Timeline {
		if len(e.Sources) == 0 || len(e.Topics) == 0 {
			t.Errorf("%s: event needs sources and topics", e.Pos)
		}
		for _, id := range e.Topics {
			if b.Topic(id) == nil {
				t.Errorf("%s: unknown topic %q", e.Pos, id)
			}
		}
		var keys []string
		for _, c := range briefing.ScanCitations(e.Text) {
			keys = append(keys, c.Keys...)
		}
		if len(keys) == 0 {
			t.Errorf("%s: event text cites nothing", e.Pos)
		}
		for _, id := range e.Sources {
			if _, ok := b.Source(id); !ok {
				t.Errorf("%s: unknown source %q", e.Pos, id)
			}
			if !slices.Contains(keys, id) {
				t.Errorf("%s: source %q is listed but not cited in the text", e.Pos, id)
			}
		}
		for _, k := range keys {
			if !slices.Contains(e.Sources, k) {
				t.Errorf("%s: cites %q but does not list it in sources", e.Pos, k)
			}
		}
		if i > 0 && e.Date.Before(b.Timeline[i-1].Date) {
			t.Errorf("%s: %s is out of order after %s", e.Pos, e.Date, b.Timeline[i-1].Date)
		}
	}
}

func TestActors(t *testing.T) {
	b := load(t)
	names := map[string]bool{}
	for _, a := range b.Actors {
		if a.Name == "" || a.Role == "" {
			t.Errorf("%s: actor needs a name and a role", a.Pos)
		}
		names[a.Name] = true
		for _, al := range a.Aliases {
			names[al] = true
		}
	}
	// The spellings the articles use for the people at the centre.
	for _, n := range []string{"Zelenskiy", "Zelensky", "Zelenskyy", "Trump", "Putin", "Witkoff", "Kushner", "Lavrov", "Peskov", "Macron", "Starmer"} {
		if !names[n] {
			t.Errorf("no actor or alias %q", n)
		}
	}
}

// TestQuotes checks every quotation against the articles themselves (the
// README beside them is left out, so a quotation cannot pass on a
// description of an article).
func TestQuotes(t *testing.T) {
	if _, err := os.Stat(articles); err != nil {
		t.Skipf("no source articles: %v", err)
	}
	texts, err := briefing.ReadTexts(articles)
	if err != nil {
		t.Fatal(err)
	}
	for name := range texts {
		if !strings.HasSuffix(name, ".txt") {
			delete(texts, name)
		}
	}
	if len(texts) != 5 {
		t.Fatalf("%d article texts in %s, want 5", len(texts), articles)
	}
	b := load(t)
	for _, d := range briefing.CheckQuotes(b, texts) {
		t.Errorf("%s", d)
	}
	n := len(briefing.Quotes(b.Summary))
	for _, tp := range b.Topics {
		n += len(briefing.Quotes(tp.Body))
	}
	if n < 50 {
		t.Errorf("only %d quotations found: is the scanner missing them?", n)
	}
	t.Logf("%d quotations checked in summary and topics", n)
}

// TestExcerpts checks that every citation carries an excerpt, short
// enough to be a passage and not a paragraph, found verbatim in the text
// of the source it cites.
func TestExcerpts(t *testing.T) {
	b := load(t)
	if with, all := briefing.ExcerptCount(b); with != all || all < 250 {
		t.Errorf("%d of %d citations carry an excerpt, want all of at least 250", with, all)
	}
	for _, d := range briefing.MissingExcerpts(b) {
		t.Errorf("%s", d)
	}
	var texts []string
	for _, tp := range b.Topics {
		texts = append(texts, tp.Body)
	}
	texts = append(texts, b.Summary)
	for _, e := range b.Timeline {
		texts = append(texts, e.Text)
	}
	for _, text := range texts {
		for _, c := range briefing.ScanCitations(text) {
			for i, ex := range c.Excerpts {
				if n := len(strings.Fields(ex)); n > 25 {
					t.Errorf("excerpt for %q of %d words, over 25: %q", c.Keys[i], n, ex)
				}
			}
		}
	}
	for _, s := range b.Sources {
		if s.File == "" {
			t.Errorf("source %q names no article file", s.ID)
		}
	}
	if _, err := os.Stat(articles); err != nil {
		t.Skipf("no source articles: %v", err)
	}
	all, err := briefing.ReadTexts(articles)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range briefing.CheckExcerpts(b, all, articles) {
		t.Errorf("%s", d)
	}
}
