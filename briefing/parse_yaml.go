package briefing

import (
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
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
}

// pos returns the position of a node's first token in the file.
func (y *yamlReader) pos(n ast.Node) Pos {
	switch v := n.(type) {
	case nil:
		return Pos{File: y.file}
	case *ast.MappingNode:
		// A block mapping's own token is its first ':'; its first key
		// is where a reader looks.
		if len(v.Values) > 0 && v.Values[0] != nil && v.Values[0].Key != nil && !v.IsFlowStyle {
			return y.pos(v.Values[0].Key)
		}
	case *ast.MappingValueNode:
		if v.Key != nil {
			return y.pos(v.Key)
		}
	}
	return y.tokenPos(n.GetToken())
}

func (y *yamlReader) tokenPos(tk *token.Token) Pos {
	if tk == nil || tk.Position == nil || tk.Position.Line < 1 {
		return Pos{File: y.file}
	}
	col := tk.Position.Column
	if col < 1 {
		col = 1
	}
	p := Pos{File: y.file, Line: tk.Position.Line + y.lineOffset, Col: col}
	if y.lines != nil {
		p = y.lines.clamp(p)
	}
	return p
}

// parse parses src and returns the body of its single document, nil for
// an empty one. It reports a syntax error and returns ok false.
func (y *yamlReader) parse(src string) (body ast.Node, ok bool) {
	defer func() {
		// The YAML library is third-party code; a panic on strange input
		// becomes an error rather than a crash.
		if r := recover(); r != nil {
			y.diags.errorf(Pos{File: y.file}, "cannot parse YAML")
			body, ok = nil, false
		}
	}()
	if off, ok := flowDepthOK(src); !ok {
		y.diags.errorf(y.offsetPos(src, off), "YAML nested more than %d levels deep", maxFlowDepth)
		return nil, false
	}
	f, err := parser.ParseBytes([]byte(src), 0)
	if err != nil {
		var ye interface {
			GetToken() *token.Token
			GetMessage() string
		}
		if errors.As(err, &ye) {
			y.diags.errorf(y.tokenPos(ye.GetToken()), "YAML syntax error: %s", Sanitize(ye.GetMessage()))
		} else {
			y.diags.errorf(Pos{File: y.file}, "YAML syntax error: %s", Sanitize(err.Error()))
		}
		return nil, false
	}
	for _, d := range f.Docs {
		if d == nil || d.Body == nil {
			continue
		}
		if _, isComment := d.Body.(*ast.CommentGroupNode); isComment {
			continue
		}
		if body != nil {
			y.diags.errorf(y.pos(d.Body), "more than one YAML document")
			break
		}
		body = d.Body
	}
	return body, true
}

// maxFlowDepth bounds the nesting of [ and { in YAML: the parser's cost
// grows fast with it, and no briefing needs more than a few levels.
const maxFlowDepth = 100

// flowDepthOK reports whether the [ and { nesting of src stays within
// maxFlowDepth, and if not, the offset where it goes over. It ignores
// quoting and comments, so it can only overestimate, which a real
// briefing is far from.
func flowDepthOK(src string) (int, bool) {
	depth := 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '[', '{':
			depth++
			if depth > maxFlowDepth {
				return i, false
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return 0, true
}

// offsetPos returns the position of byte offset off in the YAML text src.
func (y *yamlReader) offsetPos(src string, off int) Pos {
	p := newLineIndex(src).pos(y.file, off)
	p.Line += y.lineOffset
	return p
}

// unwrap strips anchors and tags from n. Aliases are refused: they are not
// needed in a briefing and can blow up in size.
func (y *yamlReader) unwrap(n ast.Node) (ast.Node, bool) {
	for {
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
		case *ast.TagNode:
			n = v.Value
		case *ast.AliasNode:
			y.diags.errorf(y.pos(v), "YAML aliases are not supported")
			return nil, false
		case *ast.CommentGroupNode:
			return nil, true
		default:
			return n, true
		}
	}
}

// kindName names the YAML type of n for a message.
func kindName(n ast.Node) string {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case nil, *ast.NullNode:
		return "nothing"
	}
	return "text"
}

// fields calls f for each key of the mapping n, reporting keys that are
// not in known. what names the mapping in messages ("" for the top level).
func (y *yamlReader) fields(n ast.Node, what string, known []string, f func(key string, v ast.Node, kp Pos)) bool {
	n, ok := y.unwrap(n)
	if !ok {
		return false
	}
	var pairs []*ast.MappingValueNode
	switch m := n.(type) {
	case nil, *ast.NullNode:
		return true
	case *ast.MappingNode:
		pairs = m.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{m}
	default:
		if what == "" {
			y.diags.errorf(y.pos(n), "want a mapping of fields, got %s", kindName(n))
		} else {
			y.diags.errorf(y.pos(n), "%s: want a mapping of fields, got %s", what, kindName(n))
		}
		return false
	}
	for _, p := range pairs {
		if p == nil || p.Key == nil {
			continue
		}
		kp := y.pos(p.Key)
		key := ""
		if tk := p.Key.GetToken(); tk != nil {
			key = tk.Value
		}
		if !contains(known, key) {
			msg := fmt.Sprintf("unknown field %q", Sanitize(key))
			if what != "" {
				msg += " in " + what
			}
			if s := suggest(key, known); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			y.diags.errorf(kp, "%s", msg)
			continue
		}
		f(key, p.Value, kp)
	}
	return true
}

// str reads a scalar as text. Numbers, booleans and dates keep their
// spelling in the file, so "as_of: 2026" and "title: 1984" work.
func (y *yamlReader) str(n ast.Node, field string) (string, Pos, bool) {
	p := y.pos(n)
	n, ok := y.unwrap(n)
	if !ok {
		return "", p, false
	}
	var s string
	switch v := n.(type) {
	case nil, *ast.NullNode:
		return "", p, true
	case *ast.StringNode:
		s = v.Value
	case *ast.LiteralNode:
		if v.Value != nil {
			s = v.Value.Value
		}
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		s = v.GetToken().Value
	default:
		y.diags.errorf(p, "%s: want text, got %s", field, kindName(n))
		return "", p, false
	}
	return sanitizeField(s, p, field, y.diags), p, true
}

// list calls f for each entry of the sequence n, and reports whether n
// is a list (or empty).
func (y *yamlReader) list(n ast.Node, field string, f func(v ast.Node)) bool {
	n, ok := y.unwrap(n)
	if !ok {
		return false
	}
	switch v := n.(type) {
	case nil, *ast.NullNode:
	case *ast.SequenceNode:
		for _, e := range v.Values {
			f(e)
		}
	default:
		y.diags.errorf(y.pos(n), "%s: want a list, got %s", field, kindName(n))
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
func (y *yamlReader) strs(n ast.Node, field string) ([]ref, bool) {
	var out []ref
	ok := y.list(n, field, func(v ast.Node) {
		if s, p, ok := y.str(v, field); ok && s != "" {
			out = append(out, ref{s, p})
		}
	})
	return out, ok
}

// date reads a date field, and reports whether one was given, even a
// bad one.
func (y *yamlReader) date(n ast.Node, field string) (Date, bool) {
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
func (y *yamlReader) readMeta(body ast.Node, m *meta) bool {
	m.file = y.file
	return y.fields(body, "", metaFields, func(key string, v ast.Node, kp Pos) {
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
			y.list(v, key, func(e ast.Node) { y.readSource(e, m) })
		case "timeline":
			y.list(v, key, func(e ast.Node) { y.readEvent(e, m) })
		case "actors":
			y.list(v, key, func(e ast.Node) { y.readActor(e, m) })
		}
	})
}

var sourceFields = []string{"id", "title", "outlet", "author", "date", "date_note", "url", "kind"}

func (y *yamlReader) readSource(n ast.Node, m *meta) {
	s := Source{Pos: y.pos(n)}
	ok := y.fields(n, "source", sourceFields, func(key string, v ast.Node, kp Pos) {
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

func (y *yamlReader) readEvent(n ast.Node, m *meta) {
	e := Event{Pos: y.pos(n)}
	var topics, sources []ref
	dated := false
	ok := y.fields(n, "timeline entry", eventFields, func(key string, v ast.Node, kp Pos) {
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

func (y *yamlReader) readActor(n ast.Node, m *meta) {
	a := Actor{Pos: y.pos(n)}
	ok := y.fields(n, "actor", actorFields, func(key string, v ast.Node, kp Pos) {
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

func (y *yamlReader) readTopicMeta(body ast.Node, t *topicMeta) {
	y.fields(body, "", topicFields, func(key string, v ast.Node, kp Pos) {
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
