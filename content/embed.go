// Package content holds the briefing that brief opens when no path is
// given, embedded in the binary so that it reads offline.
package content

import "embed"

// FS holds briefing.yaml and one Markdown file per topic, at its root, so
// that briefing.LoadFS(content.FS, ".") loads it.
//
//go:embed briefing.yaml *.md
var FS embed.FS
