package briefing

import (
	"fmt"
	"strings"
)

// yamlReader turns a YAML syntax tree into briefing values, reporting
// every problem at its position in the file. The YAML may start part way
// into a file (front matter), so lines are shifted by lineOffset.
type yamlReader struct {
	file       string
	lineOffset int
	diags      *Diagnostics
	// lines indexes the whole file, to keep positions inside it: the
	// parser places some tokens (an empty value) past the end of a line.
	lines *lineIndex
	// foreign, when set, collects the unknown top-level fields rather
	// than report them: a single Markdown file's front matter is often
	// written for another tool (Hugo's tags, Jekyll's layout).
	foreign *[]ypair
}

// parse parses src and returns the body of its single document, nil for
// an empty one. It reports a syntax error and returns ok false. The plain
// block form that briefings are written in is read by a fast reader (see
// yaml_fast.go); anything else goes to the full YAML parser.
func (y *yamlReader) parse(src string) (body *ynode, ok bool) {
	if n, ok := y.parseFast(src); ok {
		return n, true
	}
	return y.parseFull(src)
}

// unwrap reports an alias, which is refused: aliases are not needed in a
// briefing and can blow up in size.
func (y *yamlReader) unwrap(n *ynode) (*ynode, bool) {
	if n != nil && n.kind == yAlias {
		y.diags.errorf(n.inner, "YAML aliases are not supported")
		return nil, false
	}
	return n, true
}

// at returns where n starts, anchors and tags included.
func (y *yamlReader) at(n *ynode) Pos {
	if n == nil {
		return Pos{File: y.file}
	}
	return n.pos
}

// kindName names the YAML type of n for a message.
func kindName(n *ynode) string {
	switch {
	case n == nil || n.kind == yNull:
		return "nothing"
	case n.kind == yMap:
		return "a mapping"
	case n.kind == ySeq:
		return "a list"
	}
	return "text"
}

// fields calls f for each key of the mapping n, reporting keys that are
// not in known. what names the mapping in messages ("" for the top level).
func (y *yamlReader) fields(n *ynode, what string, known []string, f func(key string, v *ynode, kp Pos)) bool {
	n, ok := y.unwrap(n)
	if !ok {
		return false
	}
	switch {
	case n == nil || n.kind == yNull:
		return true
	case n.kind != yMap:
		if what == "" {
			y.diags.errorf(n.inner, "want a mapping of fields, got %s", kindName(n))
		} else {
			y.diags.errorf(n.inner, "%s: want a mapping of fields, got %s", what, kindName(n))
		}
		return false
	}
	for _, p := range n.pairs {
		if !contains(known, p.key) && what == "" && y.foreign != nil {
			*y.foreign = append(*y.foreign, p)
			continue
		}
		if !contains(known, p.key) {
			msg := fmt.Sprintf("unknown field %q", Sanitize(p.key))
			if what != "" {
				msg += " in " + what
			}
			if s := suggest(p.key, known); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			y.diags.errorf(p.pos, "%s", msg)
			continue
		}
		f(p.key, p.val, p.pos)
	}
	return true
}

// str reads a scalar as text. Numbers, booleans and dates keep their
// spelling in the file, so "as_of: 2026" and "title: 1984" work.
func (y *yamlReader) str(n *ynode, field string) (string, Pos, bool) {
	p := y.at(n)
	n, ok := y.unwrap(n)
	if !ok {
		return "", p, false
	}
	switch {
	case n == nil || n.kind == yNull:
		return "", p, true
	case n.kind != yScalar:
		y.diags.errorf(p, "%s: want text, got %s", field, kindName(n))
		return "", p, false
	}
	return sanitizeField(n.text, p, field, y.diags), p, true
}

// list calls f for each entry of the sequence n, and reports whether n
// is a list (or empty).
func (y *yamlReader) list(n *ynode, field string, f func(v *ynode)) bool {
	n, ok := y.unwrap(n)
	if !ok {
		return false
	}
	switch {
	case n == nil || n.kind == yNull:
	case n.kind == ySeq:
		for _, e := range n.items {
			f(e)
		}
	default:
		y.diags.errorf(n.inner, "%s: want a list, got %s", field, kindName(n))
		return false
	}
	return true
}

// ref is an id named somewhere, with where it was named.
type ref struct {
	ID  string
	Pos Pos
}

// strs reads a list of text values.
func (y *yamlReader) strs(n *ynode, field string) ([]ref, bool) {
	var out []ref
	ok := y.list(n, field, func(v *ynode) {
		if s, p, ok := y.str(v, field); ok && s != "" {
			out = append(out, ref{s, p})
		}
	})
	return out, ok
}

// date reads a date field, and reports whether one was given, even a
// bad one.
func (y *yamlReader) date(n *ynode, field string) (Date, bool) {
	s, p, ok := y.str(n, field)
	if !ok {
		return Date{}, true
	}
	if s == "" {
		return Date{}, false
	}
	d, err := ParseDate(s)
	if err != nil {
		y.diags.errorf(p, "%s: %s", field, Sanitize(err.Error()))
	}
	return d, true
}

// meta is what briefing.yaml (or a single file's front matter) holds.
type meta struct {
	file     string
	title    string
	titleSet bool
	subtitle string
	asOf     Date
	summary  string
	// summaryPos is where the summary value starts.
	summaryPos Pos
	topics     []ref
	topicsSet  bool
	sources    []Source
	timeline   []Event
	// eventTopics and eventSources hold, for each timeline entry, the
	// topics and sources it names, with their positions.
	eventTopics, eventSources [][]ref
	actors                    []Actor
}

var metaFields = []string{"title", "subtitle", "as_of", "summary", "topics", "sources", "timeline", "actors"}

// readMeta reads briefing fields from a YAML body, and reports whether
// it was a mapping of fields.
func (y *yamlReader) readMeta(body *ynode, m *meta) bool {
	m.file = y.file
	return y.fields(body, "", metaFields, func(key string, v *ynode, kp Pos) {
		switch key {
		case "title":
			var ok bool
			m.title, _, ok = y.str(v, key)
			// A title of the wrong type is reported already.
			m.titleSet = m.title != "" || !ok
		case "subtitle":
			m.subtitle, _, _ = y.str(v, key)
		case "as_of":
			m.asOf, _ = y.date(v, key)
		case "summary":
			m.summary, m.summaryPos, _ = y.str(v, key)
		case "topics":
			m.topics, m.topicsSet = y.strs(v, key)
		case "sources":
			y.list(v, key, func(e *ynode) { y.readSource(e, m) })
		case "timeline":
			y.list(v, key, func(e *ynode) { y.readEvent(e, m) })
		case "actors":
			y.list(v, key, func(e *ynode) { y.readActor(e, m) })
		}
	})
}

var sourceFields = []string{"id", "title", "outlet", "author", "date", "date_note", "url", "kind", "file"}

func (y *yamlReader) readSource(n *ynode, m *meta) {
	s := Source{Pos: y.at(n)}
	ok := y.fields(n, "source", sourceFields, func(key string, v *ynode, kp Pos) {
		switch key {
		case "id":
			s.ID, s.Pos, _ = y.str(v, "source id")
		case "title":
			s.Title, _, _ = y.str(v, "source title")
		case "outlet":
			s.Outlet, _, _ = y.str(v, "outlet")
		case "author":
			s.Author, _, _ = y.str(v, "author")
		case "date":
			s.Date, _ = y.date(v, "source date")
		case "date_note":
			s.DateNote, _, _ = y.str(v, "date_note")
		case "url":
			s.URL, _, _ = y.str(v, "url")
		case "file":
			s.File, _, _ = y.str(v, "file")
		case "kind":
			k, p, _ := y.str(v, "kind")
			switch SourceKind(k) {
			case "", KindNews, KindAnalysis, KindOpinion:
				s.Kind = SourceKind(k)
			default:
				y.diags.errorf(p, "bad kind %q: want news, analysis or opinion", k)
			}
		}
	})
	if !ok {
		return
	}
	if s.ID == "" {
		y.diags.errorf(s.Pos, "source has no id")
		return
	}
	if s.Title == "" {
		y.diags.errorf(s.Pos, "source %q has no title", s.ID)
	}
	m.sources = append(m.sources, s)
}

var eventFields = []string{"date", "event", "topics", "sources"}

func (y *yamlReader) readEvent(n *ynode, m *meta) {
	e := Event{Pos: y.at(n)}
	var topics, sources []ref
	dated := false
	ok := y.fields(n, "timeline entry", eventFields, func(key string, v *ynode, kp Pos) {
		switch key {
		case "date":
			e.Date, dated = y.date(v, "timeline date")
		case "event":
			e.Text, _, _ = y.str(v, "event")
		case "topics":
			topics, _ = y.strs(v, "topics")
		case "sources":
			sources, _ = y.strs(v, "sources")
		}
	})
	if !ok {
		return
	}
	if !dated {
		y.diags.errorf(e.Pos, "timeline entry has no date")
	}
	if e.Text == "" {
		y.diags.errorf(e.Pos, "timeline entry has no event")
	}
	for _, r := range topics {
		e.Topics = append(e.Topics, r.ID)
	}
	for _, r := range sources {
		e.Sources = append(e.Sources, r.ID)
	}
	m.timeline = append(m.timeline, e)
	m.eventTopics = append(m.eventTopics, topics)
	m.eventSources = append(m.eventSources, sources)
}

var actorFields = []string{"name", "role", "aliases"}

func (y *yamlReader) readActor(n *ynode, m *meta) {
	a := Actor{Pos: y.at(n)}
	ok := y.fields(n, "actor", actorFields, func(key string, v *ynode, kp Pos) {
		switch key {
		case "name":
			a.Name, _, _ = y.str(v, "name")
		case "role":
			a.Role, _, _ = y.str(v, "role")
		case "aliases":
			rs, _ := y.strs(v, "aliases")
			for _, r := range rs {
				a.Aliases = append(a.Aliases, r.ID)
			}
		}
	})
	if !ok {
		return
	}
	if a.Name == "" {
		y.diags.errorf(a.Pos, "actor has no name")
		return
	}
	m.actors = append(m.actors, a)
}

// topicMeta is what a topic file's front matter holds.
type topicMeta struct {
	id, title, summary string
	idPos              Pos
	tags               []string
}

var topicFields = []string{"id", "title", "summary", "tags"}

func (y *yamlReader) readTopicMeta(body *ynode, t *topicMeta) {
	y.fields(body, "", topicFields, func(key string, v *ynode, kp Pos) {
		switch key {
		case "id":
			t.id, t.idPos, _ = y.str(v, "id")
		case "title":
			t.title, _, _ = y.str(v, "title")
		case "summary":
			t.summary, _, _ = y.str(v, "summary")
			t.summary = strings.Join(strings.Fields(t.summary), " ")
		case "tags":
			rs, _ := y.strs(v, "tags")
			for _, r := range rs {
				t.tags = append(t.tags, r.ID)
			}
		}
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// suggest returns the entry of known closest to s, if it is close enough
// to be a likely typo.
func suggest(s string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := editDistance(strings.ToLower(s), k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance, bounded for long input.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
