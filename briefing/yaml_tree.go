package briefing

import (
	"errors"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// ynode is a YAML value as the briefing reader sees it: both YAML readers,
// the full parser and the fast one, produce it, so what is done with a
// value, and every message about it, does not depend on which read it.
type ynode struct {
	kind ykind
	// pos is where the value starts, its anchor or tag included; inner
	// is where the value itself starts. For a block mapping both are its
	// first key.
	pos, inner Pos
	text       string   // yScalar
	pairs      []ypair  // yMap
	items      []*ynode // ySeq, entries may be nil
}

type ykind uint8

const (
	yNull   ykind = iota
	yScalar       // text, a number, a boolean or a date, as spelled
	yMap
	ySeq
	yAlias // refused when used
	yOther // anything else, such as a "? key"
)

// ypair is one key of a mapping with its value, which may be nil.
type ypair struct {
	key string
	pos Pos
	val *ynode
}

// parseFull parses src with the full YAML parser.
func (y *yamlReader) parseFull(src string) (body *ynode, ok bool) {
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
	var doc ast.Node
	for _, d := range f.Docs {
		if d == nil || d.Body == nil {
			continue
		}
		if _, isComment := d.Body.(*ast.CommentGroupNode); isComment {
			continue
		}
		if doc != nil {
			y.diags.errorf(y.pos(d.Body), "more than one YAML document")
			break
		}
		doc = d.Body
	}
	return y.tree(doc), true
}

// tree turns the parser's syntax tree into ynodes.
func (y *yamlReader) tree(n ast.Node) *ynode {
	if n == nil {
		return nil
	}
	t := &ynode{pos: y.pos(n)}
	// Anchors and tags only wrap a value.
	for {
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
			continue
		case *ast.TagNode:
			n = v.Value
			continue
		}
		break
	}
	t.inner = y.pos(n)
	switch v := n.(type) {
	case nil, *ast.NullNode, *ast.CommentGroupNode:
		t.kind = yNull
	case *ast.AliasNode:
		t.kind = yAlias
	case *ast.StringNode:
		t.kind, t.text = yScalar, v.Value
	case *ast.LiteralNode:
		t.kind = yScalar
		if v.Value != nil {
			t.text = v.Value.Value
		}
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		t.kind, t.text = yScalar, v.GetToken().Value
	case *ast.MappingNode:
		t.kind = yMap
		for _, p := range v.Values {
			t.pairs = y.pair(t.pairs, p)
		}
	case *ast.MappingValueNode:
		t.kind = yMap
		t.pairs = y.pair(nil, v)
	case *ast.SequenceNode:
		t.kind = ySeq
		for _, e := range v.Values {
			t.items = append(t.items, y.tree(e))
		}
	default:
		t.kind = yOther
	}
	return t
}

// pair appends the key and value of p, if it has a key.
func (y *yamlReader) pair(pairs []ypair, p *ast.MappingValueNode) []ypair {
	if p == nil || p.Key == nil {
		return pairs
	}
	key := ""
	if tk := p.Key.GetToken(); tk != nil {
		key = tk.Value
	}
	return append(pairs, ypair{key: key, pos: y.pos(p.Key), val: y.tree(p.Value)})
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

// maxFlowDepth bounds the nesting of [ and { in YAML: the parser's cost
// grows fast with it, and no briefing needs more than a few levels.
const maxFlowDepth = 100

// flowDepthOK reports whether the [ and { nesting of src stays within
// maxFlowDepth, and if not, the offset where it goes over. It ignores
// quoting and comments, so it can only overestimate, which a real
// briefing is far from.
func flowDepthOK(src string) (int, bool) {
	// Without enough opening brackets the depth cannot be reached; the
	// counts are fast.
	if strings.Count(src, "[")+strings.Count(src, "{") <= maxFlowDepth {
		return 0, true
	}
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
