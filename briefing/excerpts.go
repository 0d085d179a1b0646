package briefing

import "strings"

// cite is one key of a citation group, where it was found.
type cite struct {
	key, excerpt string
	// at and excerptAt are the positions of the key and of its excerpt.
	at, excerptAt Pos
	quoted        bool // the key has an excerpt, perhaps ""
}

// cites calls f for each key of each citation in b: the topics', then
// the summary's and the timeline's. A key in a topic is placed exactly;
// one in the summary or a timeline event at the start of its entry, as
// quotations there are.
func cites(b *Briefing, f func(cite)) {
	each := func(text string, cs []Citation, pos func(off int) Pos) {
		for _, c := range cs {
			ex := ExcerptOffsets(text, c)
			keys := keyOffsets(text, c)
			for i, k := range c.Keys {
				ct := cite{key: k, at: pos(keys[i])}
				if i < len(ex) && ex[i] >= 0 {
					ct.quoted, ct.excerpt = true, c.Excerpts[i]
					ct.excerptAt = pos(ex[i])
				}
				f(ct)
			}
		}
	}
	for _, t := range b.Topics {
		each(t.Body, t.Citations, t.bodyPos())
	}
	if b.Summary != "" {
		p := Pos{File: metaFileOf(b)}
		each(b.Summary, ScanCitations(b.Summary), func(int) Pos { return p })
	}
	for _, e := range b.Timeline {
		each(e.Text, ScanCitations(e.Text), func(int) Pos { return e.Pos })
	}
}

// ExcerptCount counts the citations of b, each key of a group being one,
// and those of them that carry an excerpt that is not empty.
func ExcerptCount(b *Briefing) (with, all int) {
	count := func(cs []Citation) {
		for _, c := range cs {
			all += len(c.Keys)
			for _, e := range c.Excerpts {
				if strings.TrimSpace(e) != "" {
					with++
				}
			}
		}
	}
	for _, t := range b.Topics {
		count(t.Citations)
	}
	count(ScanCitations(b.Summary))
	for _, e := range b.Timeline {
		count(ScanCitations(e.Text))
	}
	return with, all
}

// MissingExcerpts reports, as errors, the citations of b that carry no
// excerpt, each at its key.
func MissingExcerpts(b *Briefing) Diagnostics {
	var ds Diagnostics
	cites(b, func(c cite) {
		if strings.TrimSpace(c.excerpt) == "" {
			ds.errorf(c.at, "citation of %q has no excerpt", Sanitize(c.key))
		}
	})
	return ds
}

// CheckExcerpts reports, as errors, the excerpts of b that do not appear
// verbatim in the text of their source: the file named by the source's
// file field among texts (file name to content), or for a source without
// one, any of texts. Differences are ignored as in CheckQuotes. An empty
// excerpt is an error too, and so is a source whose file is not in texts.
func CheckExcerpts(b *Briefing, texts map[string]string, dir string) Diagnostics {
	var ds Diagnostics
	norm := map[string]string{}
	normalized := func(name string) string {
		n, ok := norm[name]
		if !ok {
			n = normalizeQuoted(texts[name])
			norm[name] = n
		}
		return n
	}
	files := map[string]string{}
	for _, s := range b.Sources {
		if _, dup := files[s.ID]; dup {
			continue
		}
		files[s.ID] = s.File
		if _, ok := texts[s.File]; s.File != "" && !ok {
			ds.errorf(s.Pos, "source %q: no text file %q in %s", Sanitize(s.ID), Sanitize(s.File), Sanitize(dir))
		}
	}
	var all []string // every text, for sources without a file
	cites(b, func(c cite) {
		if !c.quoted {
			return
		}
		n := normalizeQuoted(c.excerpt)
		if n == "" {
			ds.errorf(c.excerptAt, "empty excerpt for %q", Sanitize(c.key))
			return
		}
		file, known := files[c.key]
		if !known {
			return // an unknown source, reported by the loader
		}
		if file != "" {
			if _, ok := texts[file]; !ok {
				return // reported at the source
			}
			if !strings.Contains(normalized(file), n) {
				ds.errorf(c.excerptAt, "excerpt not found in %s, the text of source %q: \"%s\"", Sanitize(file), Sanitize(c.key), Sanitize(shorten(n, 60)))
			}
			return
		}
		if all == nil {
			for name := range texts {
				all = append(all, normalized(name))
			}
		}
		for _, t := range all {
			if strings.Contains(t, n) {
				return
			}
		}
		ds.errorf(c.excerptAt, "excerpt not found in the source texts: \"%s\"", Sanitize(shorten(n, 60)))
	})
	return ds
}
