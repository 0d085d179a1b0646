package cli

import (
	"runtime/debug"
	"strings"
	"time"
)

// versionString is what brief --version prints after the program's name:
// the version set at build time, or else what Go recorded of the build,
// the module's version and the revision it was built from.
func versionString(version string, info *debug.BuildInfo) string {
	if version != "" {
		return version
	}
	if info == nil {
		return "unknown (built without module information)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev string
	date := buildDate(info)
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	// Go 1.24 makes the version of an untagged build a pseudo-version,
	// v0.0.0-time-revision: it says nothing the revision and date after
	// it do not.
	if len(rev) >= 12 && strings.HasPrefix(v, "v0.0.0-") && strings.HasSuffix(strings.TrimSuffix(v, "+dirty"), "-"+rev[:12]) {
		v = "(devel)"
	}
	rev = rev[:min(len(rev), 7)]
	var vcs []string
	for _, s := range []string{rev, date} {
		if s != "" {
			vcs = append(vcs, s)
		}
	}
	if modified {
		vcs = append(vcs, "modified")
	}
	if len(vcs) == 0 {
		return v
	}
	return v + " " + strings.Join(vcs, ", ")
}

// buildDate is the day of the revision brief was built from, or "".
func buildDate(info *debug.BuildInfo) string {
	if info == nil {
		return ""
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.time" {
			if t, err := time.Parse(time.RFC3339, s.Value); err == nil {
				return t.UTC().Format(time.DateOnly)
			}
		}
	}
	return ""
}
