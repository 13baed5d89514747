#!/bin/bash
# Run every test: unit tests (plain and under ASan+UBSan), CLI tests on the sanitizer build,
# the fuzz targets over their corpora, and lint. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
export CADRE_NO_PROGRESS=1
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
passed=0
failed=0
failures=()
log=build/test-logs
mkdir -p "$log"

# The unit tests run CADRE_TEST_JOBS at a time (default: the number of CPUs; each binary is
# one thread), the slowest first; their results are read in order afterwards.
# cmocka prints "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s), listed below:".
jobs=${CADRE_TEST_JOBS:-$(nproc 2>/dev/null || echo 2)}
[ "$jobs" -lt 1 ] && jobs=1
unit_log() { echo "$log/$(echo "$1" | tr '/' '_').log"; }
start_unit() {
	local bin=$1 out t0=$SECONDS
	out=$(unit_log "$bin")
	"$bin" >"$out" 2>&1
	echo "$? $((SECONDS - t0))" >"$out.rc"
}
read_unit() {
	local bin=$1 out p f rc secs
	out=$(unit_log "$bin")
	read -r rc secs <"$out.rc" 2>/dev/null || { rc=1; secs=0; }
	rm -f "$out.rc"
	ucosts+=("unit:$bin $secs")
	p=$(grep -oE '\[  PASSED  \] [0-9]+' "$out" | grep -oE '[0-9]+$' | tail -1)
	f=$(grep -oE '\[  FAILED  \] [0-9]+' "$out" | grep -oE '[0-9]+$' | tail -1)
	p=${p:-0}
	f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1 # crashed or a sanitizer stopped it
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$f" -ne 0 ]; then
		failures+=("$bin (see $out)")
		tail -30 "$out"
	fi
	printf '%-40s %4d passed, %d failed (%d s)\n' "$bin" "$p" "$f" "$secs"
}
units=()
# test_demo and test_review build the demo region (a minute of processor time under ASan each,
# test_demo twice for its determinism): they run once, on the plain build. The code they run is
# the app's, which the sanitized suites drive too.
for t in build/tests/test_* build/san/tests/test_*; do
	case $t in build/san/tests/test_demo | build/san/tests/test_review) continue ;; esac
	[ -x "$t" ] && units+=("$t")
done
# The longest first (test_demo and test_review), by their seconds at the
# last run ("unit:BINARY SECONDS" in build/test-logs/test-costs, else in tests/test-costs); a
# new one, not measured yet, before all. The run's seconds are kept for the next run.
costs_local=$log/test-costs
declare -A ucost=()
for c in tests/test-costs "$costs_local"; do
	[ -r "$c" ] || continue
	while read -r k v; do
		[[ $k == unit:* && $v =~ ^[0-9]+$ ]] && ucost[${k#unit:}]=$v
	done <"$c"
done
running=0
for t in $(for u in "${units[@]}"; do echo "${ucost[$u]:-100000} $u"; done | sort -k1,1nr -k2,2 |
	cut -d' ' -f2); do
	start_unit "$t" &
	running=$((running + 1))
	if [ $running -ge "$jobs" ]; then
		wait -n
		running=$((running - 1))
	fi
done
wait
ucosts=()
for t in "${units[@]}"; do read_unit "$t"; done
if [ ${#ucosts[@]} -gt 0 ]; then
	{
		[ -r "$costs_local" ] && cat "$costs_local"
		printf '%s\n' "${ucosts[@]}"
	} | awk '{ c[$1] = $2 } END { for (k in c) print k, c[k] }' | sort >"$costs_local.$$" &&
		mv "$costs_local.$$" "$costs_local"
fi

# Suites that print "N passed, N failed" as their last summary line: the command line, the
# server, the API, the pages (escaping, HTML validity, CSRF) and the browser tests.
run_suite() {
	local name=$1 logf=$2 rc t0=$SECONDS
	shift 2
	"$@" >"$logf" 2>&1
	rc=$?
	suite_result "$name" "$logf" "$rc" $((SECONDS - t0))
}
# suite_result NAME LOG RC SECONDS: count a finished suite's summary line.
suite_result() {
	local name=$1 logf=$2 rc=$3 secs=$4 line p f
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$logf" | tail -1)
	p=$(echo "$line" | awk '{print $1}')
	f=$(echo "$line" | awk '{print $3}')
	p=${p:-0}
	f=${f:-1}
	[ $rc -ne 0 ] && [ "$f" -eq 0 ] && f=1
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$f" -ne 0 ]; then
		failures+=("$name (see $logf)")
		grep -E 'FAIL' "$logf" | head -40
	fi
	printf '%-40s %4d passed, %d failed (%d s)\n' "$name" "$p" "$f" "$secs"
}
# The fuzz targets are built (clang, every source again) beside the pool at a lower priority:
# they take the processor time the pool leaves while its files wait, and are run after it.
fuzz_build_pid=
if command -v clang >/dev/null; then
	(
		nice -n 10 make --no-print-directory -s -j1 fuzz >"$log/fuzz-build.log" 2>&1
		echo "$?" >"$log/fuzz-build.rc"
	) &
	fuzz_build_pid=$!
fi
# The browser tests (the plain build, a server and Chromium of their own) run beside the
# sanitized suites: they wait on the browser and the network much of their time, when the
# pool keeps the processors busy.
browser_pid=
if [ -x tests/browser/run.sh ]; then
	(
		t0=$SECONDS
		env -u CADRE_TEST_SHARED tests/browser/run.sh build/cadre >"$log/browser.log" 2>&1
		echo "$? $((SECONDS - t0))" >"$log/browser.rc"
	) &
	browser_pid=$!
fi
# The suites on the sanitizer build run as one pool of files, the longest first, so that no
# processor waits at the end of each suite for its last file. They share one audit key and build each fixture database once (tests/cli/lib.sh: fixture_shared;
# the suites' files copy it). Each suite's count is read from its line "suite NAME: ...".
shared=$(mktemp -d "${TMPDIR:-/tmp}/cadre-test-shared.XXXXXX") || exit 1
trap 'rm -rf "$shared"' EXIT
export CADRE_TEST_SHARED=$shared
# The shared demo region is built by the plain build (tests/cli/lib.sh, demo_fixture_build).
export CADRE_DEMO_BINARY=$PWD/build/cadre
pool=()
for s in cli server api web hostile; do
	[ -x "tests/$s/run.sh" ] && pool+=("$PWD/tests/$s")
done
if [ ${#pool[@]} -gt 0 ]; then
	t0=$SECONDS
	# One file more than the CPUs: a file often waits (for a server to come up, in its sleeps
	# of the hostile tests, or on the lock while another file builds a shared fixture such as
	# the demo), and a core would wait with it.
	CADRE_TEST_JOBS=${CADRE_TEST_JOBS:-$((jobs + 1))} CADRE_TEST_DIR=$(
		IFS=:
		echo "${pool[*]}"
	) tests/cli/run.sh build/san/cadre >"$log/suites.log" 2>&1
	rc=$?
	for d in "${pool[@]}"; do
		s=$(basename "$d")
		line=$(grep -E "^suite $s: [0-9]+ passed, [0-9]+ failed" "$log/suites.log" | tail -1)
		p=$(echo "$line" | awk '{print $3}')
		f=$(echo "$line" | awk '{print $5}')
		cpu=$(echo "$line" | sed -n 's/.*(CPU \([0-9]*\) s).*/\1/p')
		p=${p:-0}
		f=${f:-1}
		passed=$((passed + p))
		failed=$((failed + f))
		if [ "$f" -ne 0 ]; then
			failures+=("tests/$s (see $log/suites.log)")
			# The suite's block: from its heading to its count.
			sed -n "/^cadre tests ($s):/,/^suite $s:/p" "$log/suites.log" | grep -E 'FAIL' | head -40
		fi
		printf '%-40s %4d passed, %d failed (CPU %s s)\n' "tests/$s (sanitized)" "$p" "$f" "${cpu:-?}"
	done
	# A failure outside the files (the runner itself) still fails the run.
	if [ $rc -ne 0 ] && ! grep -qE '^suite [a-z]+: [0-9]+ passed, [1-9]' "$log/suites.log"; then
		failed=$((failed + 1))
		failures+=("the suites' runner, exit $rc (see $log/suites.log)")
	fi
	printf '%-40s (%d s)\n' "the sanitized suites, in one pool" $((SECONDS - t0))
fi
unset CADRE_TEST_SHARED
if [ -n "$browser_pid" ]; then
	wait "$browser_pid"
	read -r brc bsecs <"$log/browser.rc" 2>/dev/null || { brc=1; bsecs=0; }
	rm -f "$log/browser.rc"
	suite_result "tests/browser (Chromium, beside the pool)" "$log/browser.log" "$brc" "$bsecs"
fi

# Fuzz targets: a short run over each corpus (longer runs: make fuzz; tests/fuzz/replay.sh).
[ -n "$fuzz_build_pid" ] && wait "$fuzz_build_pid"
if [ -n "$fuzz_build_pid" ] && [ "$(cat "$log/fuzz-build.rc" 2>/dev/null)" = 0 ]; then
	FUZZ_JOBS=${FUZZ_JOBS:-$jobs} FUZZ_SECONDS=${FUZZ_SECONDS:-3} tests/fuzz/replay.sh build/fuzz >"$log/fuzz.log" 2>&1
	p=$(grep -c ': ok$' "$log/fuzz.log")
	f=$(grep -c ': FAILED' "$log/fuzz.log")
	passed=$((passed + p))
	failed=$((failed + f))
	[ "$f" -ne 0 ] && failures+=("fuzz (see $log/fuzz.log)")
	printf '%-40s %4d passed, %d failed\n' "fuzz targets" "$p" "$f"
else
	failed=$((failed + 1))
	failures+=("fuzz build (see $log/fuzz-build.log)")
fi

# The manual page is generated from the command table: it must be current.
if build/cadre --man | cmp -s - docs/cadre.1; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
	failures+=("docs/cadre.1 is stale: run 'build/cadre --man > docs/cadre.1'")
fi

# The catalogue: every message of the sources has its Vietnamese (docs/i18n.md).
if scripts/i18n-check.sh >"$log/i18n.log" 2>&1; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
	failures+=("i18n catalogue check (see $log/i18n.log)")
	head -40 "$log/i18n.log"
fi

# Layering and banned functions.
if scripts/lint.sh >"$log/lint.log" 2>&1; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
	failures+=("lint (see $log/lint.log)")
	cat "$log/lint.log"
fi

if [ ${#failures[@]} -ne 0 ]; then
	echo
	echo "failures:"
	for f in "${failures[@]}"; do echo "  $f"; done
fi
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
