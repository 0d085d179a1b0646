package export

import (
	"bytes"
	"encoding/json"

	"brief/briefing"
)

// SchemaVersion is the version of the JSON export's schema, documented in
// docs/format.md; it changes when a field changes meaning or goes.
const SchemaVersion = 1

// The JSON export. Every field is always present, so that a reader need
// not tell a missing field from an empty one.
type (
	jsonBriefing struct {
		Schema           int            `json:"schema"`
		Title            string         `json:"title"`
		Subtitle         string         `json:"subtitle"`
		AsOf             string         `json:"as_of"`
		Summary          string         `json:"summary"`
		SummaryCitations []jsonCitation `json:"summary_citations"`
		Sources          []jsonSource   `json:"sources"`
		Topics           []jsonTopic    `json:"topics"`
		Timeline         []jsonEvent    `json:"timeline"`
		Actors           []jsonActor    `json:"actors"`
	}
	jsonSource struct {
		Number   int    `json:"number"`
		ID       string `json:"id"`
		Title    string `json:"title"`
		Outlet   string `json:"outlet"`
		Author   string `json:"author"`
		Date     string `json:"date"`
		DateNote string `json:"date_note"`
		URL      string `json:"url"`
		Kind     string `json:"kind"`
	}
	jsonTopic struct {
		ID        string         `json:"id"`
		Title     string         `json:"title"`
		Summary   string         `json:"summary"`
		Tags      []string       `json:"tags"`
		Body      string         `json:"body"`
		Citations []jsonCitation `json:"citations"`
	}
	jsonCitation struct {
		Start int        `json:"start"`
		End   int        `json:"end"`
		Line  int        `json:"line"`
		Col   int        `json:"col"`
		Cites []jsonCite `json:"cites"`
	}
	jsonCite struct {
		Key     string `json:"key"`
		Number  int    `json:"number"`
		Prefix  string `json:"prefix"`
		Locator string `json:"locator"`
		Excerpt string `json:"excerpt"`
	}
	jsonEvent struct {
		Date      string         `json:"date"`
		Text      string         `json:"text"`
		Topics    []string       `json:"topics"`
		Sources   []string       `json:"sources"`
		Citations []jsonCitation `json:"citations"`
	}
	jsonActor struct {
		Name    string   `json:"name"`
		Role    string   `json:"role"`
		Aliases []string `json:"aliases"`
	}
)

// ToJSON returns b as JSON, indented, ending in a newline. Strings are
// escaped for HTML too (<, > and & as \u003c...), so that the JSON can
// be pasted into a page.
func ToJSON(b *briefing.Briefing) ([]byte, error) {
	num := b.SourceNumbers()
	doc := jsonBriefing{
		Schema:           SchemaVersion,
		Title:            s(b.Title),
		Subtitle:         s(b.Subtitle),
		AsOf:             b.AsOf.String(),
		Summary:          s(b.Summary),
		SummaryCitations: jsonCitations(briefing.ScanCitations(b.Summary), num),
		Sources:          []jsonSource{},
		Topics:           []jsonTopic{},
		Timeline:         []jsonEvent{},
		Actors:           []jsonActor{},
	}
	for i, src := range b.Sources {
		doc.Sources = append(doc.Sources, jsonSource{
			Number: i + 1, ID: s(src.ID), Title: s(src.Title), Outlet: s(src.Outlet),
			Author: s(src.Author), Date: src.Date.String(), DateNote: s(src.DateNote),
			URL: s(src.URL), Kind: s(string(src.Kind)),
		})
	}
	for _, t := range b.Topics {
		doc.Topics = append(doc.Topics, jsonTopic{
			ID: s(t.ID), Title: s(t.Title), Summary: s(t.Summary), Tags: ss(t.Tags),
			Body: s(t.Body), Citations: jsonCitations(t.Citations, num),
		})
	}
	for _, e := range b.Timeline {
		doc.Timeline = append(doc.Timeline, jsonEvent{
			Date: e.Date.String(), Text: s(e.Text), Topics: ss(e.Topics), Sources: ss(e.Sources),
			Citations: jsonCitations(briefing.ScanCitations(e.Text), num),
		})
	}
	for _, a := range b.Actors {
		doc.Actors = append(doc.Actors, jsonActor{Name: s(a.Name), Role: s(a.Role), Aliases: ss(a.Aliases)})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func jsonCitations(cs []briefing.Citation, num map[string]int) []jsonCitation {
	out := make([]jsonCitation, 0, len(cs))
	for _, c := range cs {
		jc := jsonCitation{Start: c.Start, End: c.End, Line: c.Pos.Line, Col: c.Pos.Col, Cites: []jsonCite{}}
		for _, ct := range cites(c, num) {
			jc.Cites = append(jc.Cites, jsonCite{Key: s(ct.key), Number: ct.number, Prefix: s(ct.prefix), Locator: s(ct.locator), Excerpt: s(ct.excerpt)})
		}
		out = append(out, jc)
	}
	return out
}

// s sanitises a string of the briefing once more: the loader has done so,
// but a briefing built in code has not.
func s(v string) string { return briefing.Sanitize(v) }

// ss is s for a list, never nil.
func ss(vs []string) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = s(v)
	}
	return out
}
