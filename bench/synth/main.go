// Command synth writes a synthetic briefing for benchmarks:
//
//	go run ./bench/synth -topics 1000 -size 20 -seed 1 DIR
//
// writes DIR/briefing.yaml and 1,000 topic files of 20 MiB in all. The
// same flags always give the same files.
package main

import (
	"flag"
	"fmt"
	"os"

	"brief/internal/testkit/synth"
)

func main() {
	topics := flag.Int("topics", 1000, "number of topics")
	size := flag.Int64("size", 20, "total size of the topic files, in MiB")
	seed := flag.Int64("seed", 1, "seed of the generator")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: synth [-topics N] [-size MiB] [-seed N] DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := synth.Generate(flag.Arg(0), *topics, *size<<20, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}
