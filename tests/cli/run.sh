#!/bin/bash
# run.sh [CADRE_BINARY] - run every tests/cli/t_*.sh (or $CADRE_TEST_DIR/t_*.sh: the server
# suites use this runner too) against the real cadre binary
# (default build/cadre), a few files at a time. Prints each failure (command, expected, got)
# and ends with exactly one line "N passed, N failed"; exits non-zero on any failure.
#   CADRE_TEST_JOBS=N   files run at once (default: the number of CPUs)
#   CADRE_TEST_ONLY=t_org.sh,t_cli.sh   run only these files
#   CADRE_TEST_TIMEOUT=S   a file still running after S seconds is stopped (default 600)
#   CADRE_TEST_SHARED=DIR  the folder of the run's audit key and shared fixtures (default: one
#                          of its own, removed at the end)
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-$root/build/cadre}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
if [ ! -x "$bin" ]; then
	echo "run.sh: no cadre binary at $bin (build it with 'make' or 'make san')" >&2
	echo "0 passed, 1 failed"
	exit 1
fi
for tool in python3 mktemp cmp; do
	if ! command -v $tool >/dev/null; then
		echo "run.sh: the tests need $tool" >&2
		echo "0 passed, 1 failed"
		exit 1
	fi
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cadre-cli-run.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'kill $(jobs -p) 2>/dev/null; exit 130' INT TERM
# Test a private copy, so that a rebuild during the run does not change the binary under test.
if ! cp "$bin" "$tmp/cadre"; then
	echo "run.sh: cannot copy $bin" >&2
	echo "0 passed, 1 failed"
	exit 1
fi
export CADRE=$tmp/cadre
export CADRE_TEST_TMP=$tmp
# The run's audit key and its shared fixtures (tests/cli/lib.sh: fixture_shared). The caller may
# name a folder that several runs share (scripts/test.sh does, for the suites on one binary).
if [ -z "${CADRE_TEST_SHARED:-}" ]; then
	export CADRE_TEST_SHARED=$tmp/shared
fi
mkdir -p "$CADRE_TEST_SHARED"
if [ ! -s "$CADRE_TEST_SHARED/audit.key" ]; then
	rm -f "$CADRE_TEST_SHARED/keygen.db"
	CADRE_AUDIT_KEY_FILE=$CADRE_TEST_SHARED/audit.key "$CADRE" --db "$CADRE_TEST_SHARED/keygen.db" \
		init >/dev/null 2>&1 || rm -f "$CADRE_TEST_SHARED/audit.key"
fi
jobs=${CADRE_TEST_JOBS:-$(nproc 2>/dev/null || echo 2)}
limit=${CADRE_TEST_TIMEOUT:-600}
[ "$jobs" -lt 1 ] && jobs=1
start=$(date +%s)

# The biggest files first, so that the longest one does not start last.
files=()
suite=${CADRE_TEST_DIR:-$here}
mapfile -t all < <(ls -S "$suite"/t_*.sh)
for t in "${all[@]}"; do
	name=$(basename "$t")
	if [ -n "${CADRE_TEST_ONLY:-}" ] && [[ ",$CADRE_TEST_ONLY," != *",$name,"* ]]; then
		continue
	fi
	files+=("$t")
done

# Run the files in parallel, at most $jobs at once.
running=0
for t in "${files[@]}"; do
	name=$(basename "$t" .sh)
	(
		t0=$(date +%s)
		CADRE_TEST_RESULT=$tmp/$name.result timeout "$limit" bash "$t" >"$tmp/$name.log" 2>&1
		echo $? >"$tmp/$name.rc"
		# Wall seconds and the CPU seconds (user+sys) of the file and all it ran.
		times >"$tmp/$name.times"
		echo "$(($(date +%s) - t0)) $(tail -1 "$tmp/$name.times" | tr -d s | tr m ' ' |
			awk '{ printf "%.0f", $1 * 60 + $2 + $3 * 60 + $4 }')" >"$tmp/$name.time"
	) &
	running=$((running + 1))
	if [ $running -ge "$jobs" ]; then
		wait -n
		running=$((running - 1))
	fi
done
wait

passed=0
failed=0
echo "cadre tests ($(basename "$suite")): $bin"
mapfile -t sorted < <(printf '%s\n' "${files[@]}" | sort)
for t in "${sorted[@]}"; do
	name=$(basename "$t" .sh)
	p=0
	f=0
	if [ -s "$tmp/$name.result" ]; then
		read -r p f <"$tmp/$name.result"
	else
		f=1
		echo "FAIL $name.sh: no result (killed or timed out after $limit s?)"
	fi
	rc=$(cat "$tmp/$name.rc" 2>/dev/null || echo 1)
	if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
		f=1
		echo "FAIL $name.sh: exit status $rc"
	fi
	# The log holds the FAIL blocks and the file's own summary line.
	grep -v -E "^$name\.sh: ok [0-9]+, failed [0-9]+$" "$tmp/$name.log"
	read -r tw tc 2>/dev/null <"$tmp/$name.time" || { tw=?; tc=?; }
	printf '%-16s ok %4d, failed %d  (%s s, CPU %s s)\n' "$name.sh" "$p" "$f" "$tw" "$tc"
	passed=$((passed + p))
	failed=$((failed + f))
done
echo "($(($(date +%s) - start)) s)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
