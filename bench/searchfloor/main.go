// Command searchfloor is the least a Go program does to search a briefing
// directory: it reads every file on every core with plain system calls and
// counts the lines holding a byte, the first of its argument. bench/search.sh
// times it next to brief search and grep -ri: built with -tags glamour it
// also links Glamour, whose package initialisation every program on brief's
// stack pays for at start-up, searching or not.
//
// Usage: searchfloor QUERY DIR
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
)

func main() {
	if len(os.Args) != 3 || os.Args[1] == "" {
		fmt.Fprintln(os.Stderr, "usage: searchfloor QUERY DIR")
		os.Exit(2)
	}
	b, dir := os.Args[1][0], os.Args[2]
	entries, err := os.ReadDir(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "searchfloor:", err)
		os.Exit(2)
	}
	var next, lines atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := make([]byte, 1<<20)
			for {
				i := int(next.Add(1)) - 1
				if i >= len(entries) {
					return
				}
				fd, err := syscall.Open(filepath.Join(dir, entries[i].Name()), syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
				if err != nil {
					continue
				}
				n, _ := syscall.Read(fd, buf)
				syscall.Close(fd)
				text := buf[:max(n, 0)]
				for {
					j := bytes.IndexByte(text, b)
					if j < 0 {
						break
					}
					lines.Add(1)
					k := bytes.IndexByte(text[j:], '\n')
					if k < 0 {
						break
					}
					text = text[j+k:]
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println(lines.Load())
}
