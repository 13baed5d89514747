#!/bin/bash
# run.sh [CADRE_BINARY] - run every tests/cli/t_*.sh (or $CADRE_TEST_DIR/t_*.sh: the server
# suites use this runner too; CADRE_TEST_DIR=DIR:DIR... runs several suites in one pool)
# against the real cadre binary (default build/cadre), a few files at a time, the longest
# first. Prints each failure (command, expected, got) and ends with exactly one line
# "N passed, N failed"; exits non-zero on any failure.
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
# python3 found on the PATH may be a version manager's shim (pyenv's is a chain of shell
# scripts that costs four times the interpreter's own start): the files run the interpreter
# it leads to, through a link in a folder put first on the PATH.
py=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)
if [ -n "$py" ] && [ -x "$py" ] && [ "$py" != "$(command -v python3)" ]; then
	mkdir -p "$tmp/bin" && ln -s "$py" "$tmp/bin/python3" && export PATH=$tmp/bin:$PATH
fi
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

# The files of every suite named (CADRE_TEST_DIR: one folder, or several separated by ':'),
# in one pool: the longest first, so that no long file starts last and leaves a processor idle
# at the end. A file's length is its wall seconds of the last run on this machine
# (build/test-logs/test-costs, written at the end of a run), else of the last measure kept in
# tests/test-costs, else guessed from its size (a new file).
suites=()
IFS=: read -r -a dirs <<<"${CADRE_TEST_DIR:-$here}"
for d in "${dirs[@]}"; do suites+=("$(cd "$d" && pwd)"); done
costs_local=$root/build/test-logs/test-costs
declare -A cost=()
for c in "$root/tests/test-costs" "$costs_local"; do
	[ -r "$c" ] || continue
	while read -r key secs; do
		[[ $key == [a-z]*/t_*.sh && $secs =~ ^[0-9]+$ ]] && cost[$key]=$secs
	done <"$c"
done
files=()
keys=()
for suite in "${suites[@]}"; do
	for t in "$suite"/t_*.sh; do
		[ -e "$t" ] || continue
		name=$(basename "$t")
		if [ -n "${CADRE_TEST_ONLY:-}" ] && [[ ",$CADRE_TEST_ONLY," != *",$name,"* ]]; then
			continue
		fi
		files+=("$t")
		keys+=("$(basename "$suite")/$name")
	done
done
# Seconds per byte of the files whose length is known, for a guess at the others.
known_s=0
known_b=0
for i in "${!files[@]}"; do
	if [ -n "${cost[${keys[$i]}]:-}" ]; then
		known_s=$((known_s + cost[${keys[$i]}]))
		known_b=$((known_b + $(stat -c %s "${files[$i]}")))
	fi
done
order=()
for i in "${!files[@]}"; do
	c=${cost[${keys[$i]}]:-}
	if [ -z "$c" ]; then
		b=$(stat -c %s "${files[$i]}")
		if [ "$known_b" -gt 0 ]; then c=$((b * known_s / known_b)); else c=$((b / 100)); fi
	fi
	order+=("$c $i")
done
mapfile -t order < <(printf '%s\n' "${order[@]}" | sort -k1,1nr -k2,2n)

# Run the files in parallel, at most $jobs at once. A file's outputs are $tmp/SUITE.NAME.*.
running=0
for o in "${order[@]}"; do
	[ -n "$o" ] || continue
	i=${o#* }
	t=${files[$i]}
	name=$(basename "$t" .sh)
	out=$tmp/$(dirname "${keys[$i]}").$name
	(
		t0=$(date +%s)
		CADRE_TEST_RESULT=$out.result timeout "$limit" bash "$t" >"$out.log" 2>&1
		echo $? >"$out.rc"
		# Wall seconds and the CPU seconds (user+sys) of the file and all it ran.
		times >"$out.times"
		echo "$(($(date +%s) - t0)) $(tail -1 "$out.times" | tr -d s | tr m ' ' |
			awk '{ printf "%.0f", $1 * 60 + $2 + $3 * 60 + $4 }')" >"$out.time"
	) &
	running=$((running + 1))
	if [ $running -ge "$jobs" ]; then
		wait -n
		running=$((running - 1))
	fi
done
wait

# Each suite's files in order of name, then its count "suite NAME: N passed, N failed
# (CPU N s)"; the last line is the sum of all.
passed=0
failed=0
newcosts=()
for suite in "${suites[@]}"; do
	sname=$(basename "$suite")
	sp=0
	sf=0
	scpu=0
	echo "cadre tests ($sname): $bin"
	for i in "${!files[@]}"; do
		[ "$(dirname "${keys[$i]}")" = "$sname" ] || continue
		t=${files[$i]}
		name=$(basename "$t" .sh)
		out=$tmp/$sname.$name
		p=0
		f=0
		if [ -s "$out.result" ]; then
			read -r p f <"$out.result"
		else
			f=1
			echo "FAIL $name.sh: no result (killed or timed out after $limit s?)"
		fi
		rc=$(cat "$out.rc" 2>/dev/null || echo 1)
		if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
			f=1
			echo "FAIL $name.sh: exit status $rc"
		fi
		# The log holds the FAIL blocks and the file's own summary line.
		grep -v -E "^$name\.sh: ok [0-9]+, failed [0-9]+$" "$out.log"
		read -r tw tc 2>/dev/null <"$out.time" || { tw=?; tc=?; }
		printf '%-16s ok %4d, failed %d  (%s s, CPU %s s)\n' "$name.sh" "$p" "$f" "$tw" "$tc"
		[[ $tw =~ ^[0-9]+$ ]] && newcosts+=("${keys[$i]} $tw")
		[[ $tc =~ ^[0-9]+$ ]] && scpu=$((scpu + tc))
		sp=$((sp + p))
		sf=$((sf + f))
	done
	echo "suite $sname: $sp passed, $sf failed (CPU $scpu s)"
	passed=$((passed + sp))
	failed=$((failed + sf))
done
# This run's lengths, for the next run's order (kept for the files not run this time).
if [ ${#newcosts[@]} -gt 0 ] && mkdir -p "$(dirname "$costs_local")" 2>/dev/null; then
	{
		[ -r "$costs_local" ] && cat "$costs_local"
		printf '%s\n' "${newcosts[@]}"
	} | awk '{ c[$1] = $2 } END { for (k in c) print k, c[k] }' | sort >"$costs_local.$$" &&
		mv "$costs_local.$$" "$costs_local"
fi
echo "($(($(date +%s) - start)) s)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
