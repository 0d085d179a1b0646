package export

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// documentedSchema reads the objects of the JSON export from the tables of
// docs/format.md: object name to field name to type.
func documentedSchema(t *testing.T) map[string]map[string]string {
	t.Helper()
	doc, err := os.ReadFile("../../docs/format.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), "\n### Export as JSON\n")
	if !ok {
		t.Fatal(`docs/format.md has no "Export as JSON" section`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	objRe := regexp.MustCompile("^Object `([a-z]+)`")
	rowRe := regexp.MustCompile("^\\| `([a-z_]+)` \\| ([a-z ]+) \\|")
	schema := map[string]map[string]string{}
	var obj string
	for _, line := range strings.Split(section, "\n") {
		if m := objRe.FindStringSubmatch(line); m != nil {
			obj = m[1]
			schema[obj] = map[string]string{}
		} else if m := rowRe.FindStringSubmatch(line); m != nil && obj != "" {
			schema[obj][m[1]] = strings.TrimSpace(m[2])
		}
	}
	return schema
}

// TestJSONSchema checks the JSON export of each briefing of the corpus
// against the schema documented in docs/format.md: every object has
// exactly the documented fields, each of its documented type.
func TestJSONSchema(t *testing.T) {
	schema := documentedSchema(t)
	if len(schema) != 7 {
		t.Fatalf("docs/format.md documents %d objects, want 7", len(schema))
	}
	for name, b := range corpus(t) {
		var v any
		if err := json.Unmarshal(write(t, b, JSON), &v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkObject(t, name, schema, "briefing", v)
		if v.(map[string]any)["schema"] != float64(SchemaVersion) {
			t.Errorf("%s: schema %v", name, v.(map[string]any)["schema"])
		}
	}
}

func checkObject(t *testing.T, at string, schema map[string]map[string]string, obj string, v any) {
	t.Helper()
	fields, ok := schema[obj]
	if !ok {
		t.Fatalf("%s: no documented object %q", at, obj)
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.Errorf("%s: %T, want object %s", at, v, obj)
		return
	}
	var got, want []string
	for k := range m {
		got = append(got, k)
	}
	for k := range fields {
		want = append(want, k)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s: fields %v, documented %v", at, got, want)
	}
	for k, typ := range fields {
		checkValue(t, at+"."+k, schema, typ, m[k])
	}
}

func checkValue(t *testing.T, at string, schema map[string]map[string]string, typ string, v any) {
	t.Helper()
	switch {
	case typ == "string":
		if _, ok := v.(string); !ok {
			t.Errorf("%s: %T, want string", at, v)
		}
	case typ == "number":
		if _, ok := v.(float64); !ok {
			t.Errorf("%s: %T, want number", at, v)
		}
	case strings.HasPrefix(typ, "list of "):
		list, ok := v.([]any)
		if !ok {
			t.Errorf("%s: %T, want list", at, v)
			return
		}
		elem := strings.TrimPrefix(typ, "list of ")
		for i, e := range list {
			if elem == "strings" {
				checkValue(t, at, schema, "string", e)
			} else {
				checkObject(t, at+"["+string(rune('0'+i%10))+"]", schema, elem, e)
			}
		}
	default:
		t.Errorf("%s: documented type %q is not one the check knows", at, typ)
	}
}
