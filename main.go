// Command brief is a terminal reader for briefings: short, structured,
// cited digests of a news story.
package main

import (
	"context"
	"os"

	"brief/internal/cli"
)

// version is set at build time with -ldflags "-X main.version=...".
var version string

func main() {
	streams := cli.Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}
	os.Exit(cli.Execute(context.Background(), os.Args[1:], streams, version))
}
