package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDirectoryWithoutBriefing is brief on a directory that holds files,
// none of them a briefing's: it is not "empty".
func TestDirectoryWithoutBriefing(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "passwd"), "root:x:0:0\n")
	_, stderr, code := run(t, "list", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	want := dir + ": holds no briefing.yaml and no Markdown file"
	if !strings.Contains(stderr, want) || strings.Contains(stderr, "empty") {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
}

// TestCheckVerdictPlurals is check's one-line verdict, in the singular
// for one of a thing.
func TestCheckVerdictPlurals(t *testing.T) {
	dir := t.TempDir()
	one := filepath.Join(dir, "one.md")
	writeFile(t, one, "---\ntitle: T\nsources:\n  - id: a\n    title: A\n---\n## Only\n\nText [@a] and [@nope].\n")
	stdout, _, code := run(t, "check", one)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if want := one + ": FAILED: 1 topic, 1 source, 1 error, 0 warnings; 0 of 2 citations carry an excerpt\n"; stdout != want {
		t.Errorf("stdout %q, want %q", stdout, want)
	}
	two := filepath.Join(dir, "two.md")
	writeFile(t, two, "---\ntitle: T\nsources:\n  - id: a\n    title: A\n  - id: b\n    title: B\n---\n## One\n\nText [@a].\n\n## Two\n\nText [@b].\n\nMore.\n")
	stdout, _, _ = run(t, "check", two)
	if want := two + ": ok: 2 topics, 2 sources, 0 errors, 1 warning; 0 of 2 citations carry an excerpt\n"; stdout != want {
		t.Errorf("stdout %q, want %q", stdout, want)
	}
}

// TestSearchWithoutQuery says what is missing, with the usage line.
func TestSearchWithoutQuery(t *testing.T) {
	_, stderr, code := run(t, "search")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	for _, want := range []string{"brief: search needs a QUERY", "usage: brief search QUERY [PATH]"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q lacks %q", stderr, want)
		}
	}
	if strings.Contains(stderr, "arg(s)") {
		t.Errorf("stderr %q speaks cobra's language", stderr)
	}
	_, stderr, code = run(t, "search", "a", "b", "c")
	if code != 2 || !strings.Contains(stderr, "usage: brief search QUERY [PATH]") || strings.Contains(stderr, "arg(s)") {
		t.Errorf("search with three arguments: exit %d, stderr %q", code, stderr)
	}
}

// TestCommandLikePath is brief given a word that is neither a file nor a
// command: it says so and suggests what was probably meant.
func TestCommandLikePath(t *testing.T) {
	t.Chdir(t.TempDir())
	tests := []struct{ arg, want string }{
		{"version", "did you mean brief --version?"},
		{"lst", "did you mean brief list?"},
		{"serch", "did you mean brief search?"},
	}
	for _, tt := range tests {
		_, stderr, code := run(t, tt.arg)
		if code != 1 {
			t.Errorf("brief %s: exit %d, want 1", tt.arg, code)
		}
		if !strings.Contains(stderr, tt.want) || !strings.Contains(stderr, "no such file") {
			t.Errorf("brief %s: stderr %q, want %q", tt.arg, stderr, tt.want)
		}
	}
	// A file of that name is read, not second-guessed.
	if err := os.WriteFile("version", []byte("# Version\n\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := run(t, "list", "version"); code != 0 || stderr != "" {
		t.Errorf("list version: exit %d, stderr %q", code, stderr)
	}
}

// hugoPost is a Markdown file written for Hugo, with front matter brief
// does not read.
const hugoPost = `---
title: "Notes on the talks"
date: 2026-01-20T09:00:00Z
draft: true
tags: [ukraine, diplomacy]
categories:
  - news
layout: post
---
Some text before the first section.

## Territory

Donetsk is the main question.

## Guarantees

Troops, if there is a ceasefire.
`

// TestForeignFrontMatter is a Hugo post through every command: it opens,
// prints and lists without a problem; check --strict notes the fields it
// ignores, once, with their position.
func TestForeignFrontMatter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "post.md")
	writeFile(t, path, hugoPost)
	for _, args := range [][]string{{"print", path}, {"list", path}, {"print", "--topic", "2", path}} {
		stdout, stderr, code := run(t, args...)
		if code != 0 || stderr != "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
		if !strings.Contains(stdout, "Guarantees") && !strings.Contains(stdout, "guarantees") {
			t.Errorf("%v: output lacks the second topic:\n%s", args, stdout)
		}
	}
	note := path + ":3:1: note: front matter fields brief does not read, ignored: date, draft, tags, categories, layout"
	stdout, stderr, code := run(t, "check", path)
	if code != 0 || strings.Contains(stderr, "note:") || strings.Contains(stderr, "unknown field") {
		t.Errorf("check: exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(stdout, ": ok: 2 topics, 0 sources, 0 errors, ") {
		t.Errorf("check: stdout %q", stdout)
	}
	_, stderr, _ = run(t, "check", "--strict", path)
	if strings.Count(stderr, note) != 1 || strings.Count(stderr, "note:") != 1 {
		t.Errorf("check --strict: stderr %q, want the note %q once", stderr, note)
	}
}

// TestReadDespiteErrors is print and list of a briefing with a problem
// they could show the rest of: they succeed, and say what is wrong.
func TestReadDespiteErrors(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cites.md")
	writeFile(t, path, "---\ntitle: T\n---\n## One\n\nText [@nowhere].\n")
	for _, args := range [][]string{{"print", path}, {"list", path}, {"list", "../../briefing/testdata/broken/partial"}} {
		stdout, stderr, code := run(t, args...)
		if code != 0 || stdout == "" {
			t.Errorf("%v: exit %d, stdout %q", args, code, stdout)
		}
		if stderr == "" {
			t.Errorf("%v: the problem is not told", args)
		}
	}
	if _, _, code := run(t, "check", path); code != 1 {
		t.Errorf("check: exit %d, want 1", code)
	}
}
