// Package briefing is the domain of brief: the model of a briefing, its
// file format, loading and validation. It has no user interface code, so
// the reader, the command line, the search engine and tests share it.
package briefing

// Briefing is a short, structured, cited digest of a news story.
type Briefing struct {
	// Path is where the briefing was loaded from, as given to the loader.
	Path     string
	Title    string
	Subtitle string
	AsOf     Date
	// Summary is the bottom line up front, in Markdown.
	Summary  string
	Topics   []*Topic
	Sources  []Source
	Timeline []Event
	Actors   []Actor

	// Diagnostics holds every error and warning found while loading. A
	// briefing with errors may still be readable: topics that failed to
	// load are left out of Topics and named here.
	Diagnostics Diagnostics
}

// Topic is one page of a briefing.
type Topic struct {
	ID      string
	Title   string
	Summary string
	Tags    []string
	// Body is the topic's Markdown, without front matter or a leading
	// level-1 title heading.
	Body string
	// BodyPos is where Body starts in its file, so that positions found in
	// Body can be reported against the file.
	BodyPos Pos
	// Citations lists every citation in Body, in order of appearance.
	Citations []Citation

	// src is the Markdown as written when loading put citations written
	// as footnotes back in place (notes says where), for positions.
	src   string
	notes []noteSpan
}

// Citation is one pandoc-style citation group such as [@a; @b].
type Citation struct {
	// Keys are the cited source ids, in order.
	Keys []string
	// Prefixes and Locators hold, for each key, what the author wrote
	// before and after it, such as "see" and "p. 3" in [see @a, p. 3].
	// Both are nil when no key of the group has either.
	Prefixes, Locators []string
	// Excerpts holds, for each key, the passage of the source that the
	// citation rests on, written as a quoted locator: "the passage" in
	// [@a, "the passage"]. An excerpt is not also a locator. Excerpts is
	// nil when no key of the group has one; "" is a key without.
	Excerpts []string
	// Start and End are the byte offsets of the whole group, brackets
	// included, in the topic body.
	Start, End int
	Pos        Pos
}

// SourceKind says what sort of text a source is.
type SourceKind string

// The kinds of source a briefing may cite.
const (
	KindNews     SourceKind = "news"
	KindAnalysis SourceKind = "analysis"
	KindOpinion  SourceKind = "opinion"
)

// Source is an article or document that a briefing cites.
type Source struct {
	ID     string
	Title  string
	Outlet string
	Author string
	Date   Date
	// DateNote qualifies Date, for example "inferred from the text".
	DateNote string
	URL      string
	Kind     SourceKind
	// File names the file that holds the source's text in the directory
	// that brief check --quotes reads, for checking excerpts.
	File string
	Pos  Pos
}

// Event is one dated entry of a briefing's timeline.
type Event struct {
	Date Date
	// Text is the event, in Markdown.
	Text    string
	Topics  []string
	Sources []string
	Pos     Pos
}

// Actor is a person or body named in a briefing.
type Actor struct {
	Name string
	Role string
	// Aliases are other spellings of Name found in the sources; search
	// matches them too.
	Aliases []string
	Pos     Pos
}

// Topic returns the topic with the given id, or nil.
func (b *Briefing) Topic(id string) *Topic {
	for _, t := range b.Topics {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// Source returns the source with the given id and whether it exists.
func (b *Briefing) Source(id string) (Source, bool) {
	for _, s := range b.Sources {
		if s.ID == id {
			return s, true
		}
	}
	return Source{}, false
}
