//go:build !unix

package briefing

import (
	"io/fs"
	"os"
)

// dirFS is os.DirFS; see dirfs_unix.go.
func dirFS(dir string) fs.FS { return os.DirFS(dir) }
