#!/usr/bin/env bash
# Measures two builds of brief back to back under the same load: package
# initialisation, first frame (both builds interleaved in one run), idle
# CPU (both idling at the same time) and memory, each once. OLD is a
# checkout of the earlier commit (a git worktree); each build's harnesses
# and floor come from its own checkout, so a dependency change reaches
# the floor too. Usage: bench/compare.sh OLD [NEW]   (NEW: this checkout)
set -euo pipefail
cd "$(dirname "$0")/.."
old=$(cd "${1:?usage: bench/compare.sh OLD [NEW]}" && pwd)
new=$(cd "${2:-.}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for side in old new; do
	dir=${!side}
	(cd "$dir" && go build -o "$tmp/$side/brief" . && go build -o "$tmp/$side/floor" ./bench/floor &&
		go build -o "$tmp/$side/" ./bench/inittrace ./bench/firstframe ./bench/idle ./bench/memory)
	echo "$side: $dir, commit $(git -C "$dir" rev-parse --short HEAD)"
done
load() { echo "== $1, $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"; }

for side in old new; do
	load "inittrace $side"
	(cd "${!side}" && "$tmp/$side/inittrace" -brief "$tmp/$side/brief")
done
load "firstframe: brief is new, baseline is old, floor is new's"
"$tmp/new/firstframe" -brief "$tmp/new/brief" -baseline "$tmp/old/brief" -floor "$tmp/new/floor" \
	-keys 40 -huge-size 0 -ui-bench=false
load "idle, old and new at the same time"
(cd "$old" && "$tmp/old/idle" -brief "$tmp/old/brief") >"$tmp/idle-old.txt" 2>&1 &
(cd "$new" && "$tmp/new/idle" -brief "$tmp/new/brief") >"$tmp/idle-new.txt" 2>&1 &
wait
echo "-- old:"; cat "$tmp/idle-old.txt"
echo "-- new:"; cat "$tmp/idle-new.txt"
for side in old new; do
	load "memory $side"
	(cd "${!side}" && "$tmp/$side/memory" -brief "$tmp/$side/brief" -visits 100)
done
load end
