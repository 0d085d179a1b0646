#!/usr/bin/env bash
# Times `brief search` against `grep -ri` on the same synthetic briefing
# (1,000 topics, 20 MiB), with hyperfine when it is installed and a plain
# timing loop otherwise. Usage: bench/search.sh [QUERY...]
set -euo pipefail
cd "$(dirname "$0")/.."

dir=${SYNTH_DIR:-${TMPDIR:-/tmp}/brief-synth-1000-20MiB-seed1}
bin=$(mktemp -d)/brief
trap 'rm -rf "$(dirname "$bin")"' EXIT

go build -o "$bin" .
# The floors: a Go program that only reads the files and counts a byte,
# without and with Glamour linked (see bench/searchfloor).
floor=$(dirname "$bin")/searchfloor
go build -o "$floor" ./bench/searchfloor
go build -tags glamour -o "$floor-glamour" ./bench/searchfloor
if [[ ! -e $dir/.complete ]]; then
	go run ./bench/synth -topics 1000 -size 20 -seed 1 "$dir"
	touch "$dir/.complete"
fi
queries=("$@")
if [[ ${#queries[@]} -eq 0 ]]; then
	queries=(kraków "security guarantees" zelensky)
fi

echo "machine: $(uname -srm), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "briefing: $dir ($(du -sh "$dir" | cut -f1), $(ls "$dir"/*.md | wc -l) topics)"
if command -v hyperfine >/dev/null; then
	echo
	echo "start-up alone:"
	hyperfine -N --warmup 2 --runs 15 --style basic -n "brief --version" "$bin --version"
fi
for q in "${queries[@]}"; do
	echo
	echo "query: $q ($("$bin" search "$q" "$dir" 2>/dev/null | wc -l) matches by brief, $(grep -ri -- "$q" "$dir" | wc -l) lines by grep -ri)"
	if command -v hyperfine >/dev/null; then
		# -N: no shell, whose start-up would count against both.
		hyperfine -N --warmup 2 --runs 15 --style basic \
			-n "brief search" "$bin search '$q' '$dir'" \
			-n "grep -ri" "grep -ri -- '$q' '$dir'" \
			-n "floor: read in Go" "$floor '$q' '$dir'" \
			-n "floor: read in Go, Glamour linked" "$floor-glamour '$q' '$dir'"
	else
		for cmd in "$bin search '$q' '$dir'" "grep -ri -- '$q' '$dir'" "$floor '$q' '$dir'" "$floor-glamour '$q' '$dir'"; do
			start=$(date +%s%N)
			for _ in 1 2 3 4 5; do bash -c "$cmd" >/dev/null || true; done
			echo "$cmd: $(( ($(date +%s%N) - start) / 5000000 )) ms"
		done
	fi
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
