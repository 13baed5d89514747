#!/bin/bash
# replay.sh - run each libFuzzer target of a build briefly over its corpus; fail on a crash.
# Usage: tests/fuzz/replay.sh BUILD_DIR [SECONDS]
#   Runs every BUILD_DIR/fuzz_NAME for SECONDS (default $FUZZ_SECONDS, else 20) from the
#   seeds in tests/fuzz/corpus/NAME/, prints "fuzz_NAME: ok" or "fuzz_NAME: FAILED" per
#   target, and exits 1 if any failed (2 if there was nothing to run). New inputs found go
#   to a temporary directory, not into the corpus; a crashing input is kept in
#   BUILD_DIR/artifacts/ and the end of the fuzzer's log is shown on standard error.
#   FUZZ_JOBS=N runs N targets at once (default 1; each target is one process on one core,
#   so on N free cores each still gets its SECONDS of a whole core).
set -u
dir=${1:?usage: replay.sh BUILD_DIR [SECONDS]}
secs=${2:-${FUZZ_SECONDS:-20}}
jobs=${FUZZ_JOBS:-1}
[ "$jobs" -ge 1 ] 2>/dev/null || jobs=1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'kill $(jobs -p) 2>/dev/null; exit 130' INT TERM
status=0
names=()
running=0
for t in "$dir"/fuzz_*; do
	case $t in *.d | *.o) continue ;; esac
	if [ ! -f "$t" ] || [ ! -x "$t" ]; then
		continue
	fi
	name=$(basename "$t")
	short=${name#fuzz_}
	names+=("$name")
	mkdir -p "$tmp/$short" "$dir/artifacts"
	set -- "$tmp/$short"
	[ -d "$here/corpus/$short" ] && set -- "$@" "$here/corpus/$short"
	(
		"$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
			-artifact_prefix="$dir/artifacts/$short-" "$@" >"$tmp/$short.log" 2>&1
		echo $? >"$tmp/$short.rc"
	) &
	running=$((running + 1))
	if [ $running -ge "$jobs" ]; then
		wait -n
		running=$((running - 1))
	fi
done
wait
if [ ${#names[@]} = 0 ]; then
	echo "replay.sh: no fuzz_* targets in $dir; build them with make fuzz" >&2
	exit 2
fi
for name in "${names[@]}"; do
	short=${name#fuzz_}
	if [ "$(cat "$tmp/$short.rc" 2>/dev/null)" = 0 ]; then
		echo "$name: ok"
	else
		echo "$name: FAILED"
		tail -n 40 "$tmp/$short.log" >&2
		status=1
	fi
done
exit "$status"
