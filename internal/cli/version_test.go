package cli

import (
	"runtime/debug"
	"testing"
)

func TestVersionString(t *testing.T) {
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	const rev = "4d19cb3a69d8cf94e0830f83203b6aa1bb2cc3dd"
	tests := []struct {
		name    string
		version string
		info    *debug.BuildInfo
		want    string
	}{
		{"set with ldflags", "v1.2.0", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("vcs.revision", rev)}, "v1.2.0"},
		{"no build information", "", nil, "unknown (built without module information)"},
		{"no vcs", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "(devel)"},
		{"clean clone", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"},
			Settings: vcs("vcs", "git", "vcs.revision", rev, "vcs.time", "2026-11-22T18:04:05Z", "vcs.modified", "false")},
			"(devel) 4d19cb3, 2026-11-22"},
		{"modified clone", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"},
			Settings: vcs("vcs.revision", rev, "vcs.time", "2026-11-22T18:04:05Z", "vcs.modified", "true")},
			"(devel) 4d19cb3, 2026-11-22, modified"},
		{"time in another zone", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"},
			Settings: vcs("vcs.revision", rev, "vcs.time", "2026-11-22T23:30:00-02:00")},
			"(devel) 4d19cb3, 2026-11-23"},
		{"go install of a release", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.4.0"}}, "v0.4.0"},
		{"pseudo-version of the revision", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261122180405-4d19cb3a69d8+dirty"},
			Settings: vcs("vcs.revision", rev, "vcs.time", "2026-11-22T18:04:05Z", "vcs.modified", "true")},
			"(devel) 4d19cb3, 2026-11-22, modified"},
		{"pseudo-version after a tag", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.4-0.20261122180405-4d19cb3a69d8"},
			Settings: vcs("vcs.revision", rev, "vcs.time", "2026-11-22T18:04:05Z", "vcs.modified", "false")},
			"v1.2.4-0.20261122180405-4d19cb3a69d8 4d19cb3, 2026-11-22"},
		{"pseudo-version of another revision", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261122180405-aaaaaaaaaaaa"},
			Settings: vcs("vcs.revision", rev)},
			"v0.0.0-20261122180405-aaaaaaaaaaaa 4d19cb3"},
		{"short revision", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("vcs.revision", "abc")}, "(devel) abc"},
		{"bad time", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("vcs.revision", rev, "vcs.time", "yesterday")}, "(devel) 4d19cb3"},
		{"empty main version", "", &debug.BuildInfo{Settings: vcs("vcs.revision", rev)}, "(devel) 4d19cb3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := versionString(tt.version, tt.info); got != tt.want {
				t.Errorf("versionString = %q, want %q", got, tt.want)
			}
		})
	}
}
