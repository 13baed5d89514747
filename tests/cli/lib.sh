# lib.sh - a tiny assertion library for the cadre CLI tests (sourced by tests/cli/t_*.sh).
#
# Every test file runs the real binary ($CADRE, set by run.sh) against databases inside one
# mktemp -d directory ($WORK) that is removed on exit. A test case starts with
#     tcase NAME [FIXTURE.db]
# which gives it a fresh database ($DB; a copy of FIXTURE when given). Then:
#     cadre ARGS...                  run cadre --db $DB ARGS; sets RC, OUT, ERR (OUTF, ERRF files)
#     expect_exit CODE ARGS...       run and check the exit code
#     expect_exit_in "3 5" ARGS...   run and check the exit code is one of a list
#     expect_refused CODE TEXT ARGS...   run; check the exit code, that stderr holds TEXT,
#                                    and that 'export orgs' and 'export members' are
#                                    byte-for-byte what they were before (see below)
#     expect_refused_in "3 5" TEXT ARGS...   the same with a choice of exit codes
#     STDIN=FILE expect_exit ...     feed FILE to cadre's standard input (default /dev/null)
#     expect_out_contains TEXT, expect_out_lacks TEXT, expect_err_contains TEXT,
#     expect_err_lacks TEXT, expect_out_eq TEXT        on the last run
#     expect_json PYEXPR [DESC]      the last stdout is JSON and PYEXPR (python, d = the JSON)
#                                    is true
#     json_val PYEXPR                set JV to a value computed from the last stdout's JSON
#     expect_py PYEXPR [DESC]        a python check on files (rows(F): a CSV as dicts)
#     expect_err_word WORD           stderr holds WORD as a whole word
#     expect_eq DESC EXPECTED GOT, expect_true DESC CMD...
# Counts go to $CADRE_TEST_RESULT ("PASSED FAILED") when the file ends; failures are printed
# with the command, what was expected and what came.
set -u

: "${CADRE:?set CADRE to the cadre binary (tests/cli/run.sh does)}"
export CADRE_TODAY=${CADRE_TODAY:-2026-11-23}
export CADRE_NO_PROGRESS=1
export CADRE_USER=clitest
export LC_ALL=C.UTF-8
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
unset CADRE_DB

T_FILE=$(basename "$0")
T_PASS=0
T_FAIL=0
T_NAME="(setup)"
T_DONE=0
T_CASES=0
RC=0
OUT=""
ERR=""
LAST_CMD=""
BEFORE_EXPORTED=0
JV=""
MID=""
WORK=$(mktemp -d "${CADRE_TEST_TMP:-${TMPDIR:-/tmp}}/${T_FILE%.sh}.XXXXXX") || exit 70
OUTF=$WORK/.out
ERRF=$WORK/.err
DB=$WORK/none.db
# One audit key for every database of a test file (docs/audit.md): a copied fixture keeps
# working without carrying its key file along.
export CADRE_AUDIT_KEY_FILE=$WORK/.auditkey
# Under run.sh every file of the run has the run's key (so a fixture one file built works in
# another: see fixture_shared).
if [ -n "${CADRE_TEST_SHARED:-}" ] && [ -s "$CADRE_TEST_SHARED/audit.key" ]; then
	cp -p "$CADRE_TEST_SHARED/audit.key" "$WORK/.auditkey"
fi
: >"$OUTF"
: >"$ERRF"
cd "$WORK" || exit 70

lib_finish() {
	local rc=$1
	if [ "$T_DONE" != 1 ]; then
		T_NAME="(end of file)"
		fail "the test file ran to its end" "done_testing reached" \
			"stopped early with exit status $rc"
	fi
	if [ -n "${CADRE_TEST_RESULT:-}" ]; then
		echo "$T_PASS $T_FAIL" >"$CADRE_TEST_RESULT"
	fi
	printf '%s: ok %d, failed %d\n' "$T_FILE" "$T_PASS" "$T_FAIL"
	[ -n "${PYJ_PID:-}" ] && kill "$PYJ_PID" 2>/dev/null
	cd / && rm -rf "$WORK"
}
trap 'lib_finish $?' EXIT

done_testing() {
	T_DONE=1
	exit 0
}

# ---- reporting ----------------------------------------------------------------------------

pass() { T_PASS=$((T_PASS + 1)); }

# fail WHAT EXPECTED GOT
fail() {
	T_FAIL=$((T_FAIL + 1))
	{
		printf 'FAIL %s [%s]: %s\n' "$T_FILE" "$T_NAME" "$1"
		printf '  command:  %s\n' "$LAST_CMD"
		printf '  expected: %s\n' "$2"
		printf '  got:      %s\n' "$3"
		if [ -s "$ERRF" ]; then
			printf '  stderr:   %s\n' "$(head -c 800 "$ERRF" | head -6 | sed '2,$s/^/            /')"
		fi
	} >&2
}

# ---- running ------------------------------------------------------------------------------

tcase() {
	T_NAME=$1
	T_CASES=$((T_CASES + 1))
	DB=$WORK/case$T_CASES.db
	rm -f "$DB"
	if [ $# -ge 2 ]; then
		cp "$2" "$DB" || fail "copy the fixture database" "a copy of $2" "cp failed"
	fi
}

# slurp FILE VAR: read a whole file into VAR without a fork (forks are slow on small VMs),
# dropping one final newline as $(...) would.
slurp() {
	IFS= read -r -d '' "$2" <"$1"
	printf -v "$2" '%s' "${!2%$'\n'}"
}

# run_raw ARGV... : run a command, capture exit code, stdout, stderr. $STDIN (a file) feeds it.
run_raw() {
	printf -v LAST_CMD '%q ' "$@"
	LAST_CMD=${LAST_CMD% }
	LAST_CMD=${LAST_CMD//"$CADRE"/cadre}
	LAST_CMD=${LAST_CMD//"$WORK"\//}
	"$@" <"${STDIN:-/dev/null}" >"$OUTF" 2>"$ERRF"
	RC=$?
	slurp "$OUTF" OUT
	slurp "$ERRF" ERR
	case $ERR in
	*AddressSanitizer* | *LeakSanitizer* | *"runtime error:"* | *UndefinedBehaviorSanitizer*)
		fail "no sanitizer report" "a clean run" "$(grep -m3 -E 'ERROR|runtime error|SUMMARY' "$ERRF" | tr '\n' ' ')"
		;;
	esac
	case $RC in
	0 | 2 | 3 | 4 | 5 | 6 | 7 | 70) ;;
	*) fail "an exit code from cadre's list (no crash)" "0, 2, 3, 4, 5, 6, 7 or 70" "exit $RC" ;;
	esac
}

cadre() {
	run_raw "$CADRE" --db "$DB" "$@"
}

expect_exit() {
	local want=$1
	shift
	cadre "$@"
	if [ "$RC" = "$want" ]; then pass; else fail "exit code" "exit $want" "exit $RC"; fi
}

expect_exit_in() {
	local want=$1 w
	shift
	cadre "$@"
	for w in $want; do
		if [ "$RC" = "$w" ]; then
			pass
			return 0
		fi
	done
	fail "exit code" "exit one of: $want" "exit $RC"
}

# ---- "the database is unchanged" --------------------------------------------------------------
# A refused change must leave 'cadre export orgs' and 'cadre export members' as they were.
# Before the command the database file is copied; afterwards, when the file is byte-for-byte
# the same (and no write-ahead log is left), the exports are necessarily the same too, and two
# runs of cadre are saved (they are what makes the sanitizer build slow). Otherwise both
# databases are exported and the exports compared. CADRE_TEST_EXPORT_ALWAYS=1 always exports.

# export_both DBFILE PREFIX: export orgs and members of DBFILE into PREFIX.orgs/.members.
# (Leak checking is off for these bookkeeping runs; export is leak-checked where it is tested.)
export_both() {
	ASAN_OPTIONS=$ASAN_OPTIONS:detect_leaks=0 "$CADRE" --db "$1" export orgs "$2.orgs" \
		>/dev/null 2>&1 &&
		ASAN_OPTIONS=$ASAN_OPTIONS:detect_leaks=0 "$CADRE" --db "$1" export members \
			"$2.members" >/dev/null 2>&1
}

snap_before() {
	rm -f "$WORK/.before.db" "$WORK/.before.db-wal" "$WORK/.before.db-shm"
	if [ -e "$DB-wal" ] || [ "${CADRE_TEST_EXPORT_ALWAYS:-0}" = 1 ]; then
		# Not a quiet file: export now.
		if ! export_both "$DB" "$WORK/.before"; then
			fail "export the database before a refused change" "exit 0" "export failed"
			return 1
		fi
		BEFORE_EXPORTED=1
	else
		cp "$DB" "$WORK/.before.db" || return 1
		BEFORE_EXPORTED=0
	fi
}

expect_unchanged() {
	local what
	if [ "$BEFORE_EXPORTED" = 0 ] && [ ! -e "$DB-wal" ] && cmp -s "$DB" "$WORK/.before.db"; then
		pass
		pass
		return
	fi
	if [ "$BEFORE_EXPORTED" = 0 ] && ! export_both "$WORK/.before.db" "$WORK/.before"; then
		fail "export the database as it was before the refused change" "exit 0" "export failed"
		return
	fi
	if ! export_both "$DB" "$WORK/.after"; then
		fail "export the database after a refused change" "exit 0" "export failed"
		return
	fi
	for what in orgs members; do
		if cmp -s "$WORK/.before.$what" "$WORK/.after.$what"; then pass; else
			fail "the database is unchanged ('export $what' before and after)" \
				"the same export as before" \
				"$(diff "$WORK/.before.$what" "$WORK/.after.$what" | head -6 | tr '\n' ' ')"
		fi
	done
}

# expect_refused CODE TEXT ARGS...: run; the exit code is CODE, stderr holds TEXT, and the
# database is unchanged.
expect_refused() {
	local want=$1 text=$2
	shift 2
	snap_before || return
	cadre "$@"
	if [ "$RC" = "$want" ]; then pass; else fail "exit code" "exit $want" "exit $RC"; fi
	expect_err_contains "$text"
	expect_unchanged
}

# expect_refused_in "3 5" TEXT ARGS...: the same, with a choice of exit codes.
expect_refused_in() {
	local want=$1 text=$2 w ok=0
	shift 2
	snap_before || return
	cadre "$@"
	for w in $want; do [ "$RC" = "$w" ] && ok=1; done
	if [ $ok = 1 ]; then pass; else fail "exit code" "exit one of: $want" "exit $RC"; fi
	expect_err_contains "$text"
	expect_unchanged
}

# ---- checks on the last run -----------------------------------------------------------------

expect_out_contains() {
	if [[ $OUT == *"$1"* ]]; then pass; else
		fail "stdout contains '$1'" "'$1' in stdout" "$(head -c 600 "$OUTF" | tr '\n' '|')"
	fi
}
expect_out_lacks() {
	if [[ $OUT == *"$1"* ]]; then
		fail "stdout does not contain '$1'" "no '$1' in stdout" "$(grep -F -m2 -- "$1" "$OUTF")"
	else pass; fi
}
expect_err_contains() {
	if [[ $ERR == *"$1"* ]]; then pass; else
		fail "stderr contains '$1'" "'$1' in stderr" "$(head -c 600 "$ERRF" | tr '\n' '|')"
	fi
}
expect_err_lacks() {
	if [[ $ERR == *"$1"* ]]; then
		fail "stderr does not contain '$1'" "no '$1' in stderr" "$(grep -F -m2 -- "$1" "$ERRF")"
	else pass; fi
}
expect_out_eq() {
	if [ "$OUT" = "$1" ]; then pass; else
		fail "stdout is exactly the expected text" "$(printf '%s' "$1" | tr '\n' '|')" \
			"$(printf '%s' "$OUT" | head -c 600 | tr '\n' '|')"
	fi
}

# JSON checks go to one python3 process per test file (starting python costs more than
# running cadre): it reads three lines (mode, file, expression) and answers one line.
PY_SERVER='
import csv, json, sys
def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))
def read(path):
    with open(path, "rb") as f:
        return f.read()
def svg_check(s):
    # Every inline <svg> parses as XML on its own (tests/web/lib_web.sh: expect_html_valid).
    import re
    import xml.etree.ElementTree as ET
    for m in re.finditer(r"<svg[ >].*?</svg>", s, re.S):
        try:
            ET.fromstring(m.group(0))
        except ET.ParseError as e:
            return "an <svg> is not well-formed XML: %s" % e
    return ""
def escaped_check(s):
    # Nothing of the data comes out raw (tests/web/lib_web.sh: expect_escaped). No apostrophe
    # in this program: it is a single-quoted shell string (\x27 is one).
    import re
    bad = []
    if "<script>\"\x27&" in s:
        bad.append("the raw text <script>\"\x27&")
    # The one script allowed is a file of our own (the Content-Security-Policy forbids inline
    # ones): <script src="/static/NAME.js" defer></script>, with nothing inside.
    if re.search(r"<script", re.sub("<script src=\"/static/[a-z]+\\.js\" defer></script>", "", s), re.I):
        bad.append("a <script element")
    # Outside tags, no raw ampersand in text.
    text = re.sub(r"<[^>]*>", "", s)
    if re.search(r"&(?![a-zA-Z]+;|#[0-9]+;|#x[0-9a-fA-F]+;)", text):
        bad.append("a raw & in text: " + re.search(r".{0,30}&(?![a-zA-Z]+;|#[0-9]+;).{0,30}", text).group(0))
    return "; ".join(bad)
PAGE_CHECKS = {"svg": svg_check, "escaped": escaped_check}
def reply(s):
    sys.stdout.write(s.replace("\n", " ") + "\n")
    sys.stdout.flush()
while True:
    mode = sys.stdin.readline()
    if not mode:
        break
    mode = mode.rstrip("\n")
    path = sys.stdin.readline().rstrip("\n")
    expr = sys.stdin.readline().rstrip("\n")
    if mode in PAGE_CHECKS:
        try:
            bad = PAGE_CHECKS[mode](open(path, encoding="utf-8").read())
        except Exception as ex:
            bad = "%s: %s" % (type(ex).__name__, ex)
        reply("FAIL " + bad if bad else "OK")
        continue
    if mode == "run":
        # A python script run in this process (its start saved): its output into the file.
        import contextlib, io, runpy
        buf = io.StringIO()
        argv = sys.argv
        try:
            sys.argv = expr.split("\x1f")
            with contextlib.redirect_stdout(buf):
                runpy.run_path(sys.argv[0], run_name="__main__")
        except SystemExit:
            pass
        except Exception as ex:
            buf.write("%s: %s" % (type(ex).__name__, ex))
        finally:
            sys.argv = argv
        with open(path, "w", encoding="utf-8") as f:
            f.write(buf.getvalue())
        reply("OK")
        continue
    if mode == "py":
        try:
            ok = eval(expr, {"json": json, "csv": csv, "rows": rows, "read": read})
        except Exception as ex:
            reply("FAIL %s: %s" % (type(ex).__name__, ex))
            continue
        reply("OK" if ok else "FAIL false")
        continue
    try:
        d = json.load(open(path, encoding="utf-8"))
    except Exception as ex:
        reply("FAIL stdout is not JSON (%s): %r" % (ex, open(path, "rb").read()[:300]))
        continue
    try:
        v = eval(expr, {"d": d, "json": json})
    except Exception as ex:
        reply("FAIL %s: %s; the JSON: %s" % (type(ex).__name__, ex,
              json.dumps(d, ensure_ascii=False)[:700]))
        continue
    if mode == "val":
        reply("OK " + (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else str(v)))
    elif v:
        reply("OK")
    else:
        reply("FAIL false; the JSON: %s" % json.dumps(d, ensure_ascii=False)[:700])
'
coproc PYJ { exec python3 -I -S -c "$PY_SERVER"; }

# py_eval MODE EXPR: sets PYR to the answer line.
py_eval() {
	PYR="FAIL the python3 helper is gone"
	printf '%s\n%s\n%s\n' "$1" "$OUTF" "${2//$'\n'/ }" >&"${PYJ[1]}" 2>/dev/null || return
	IFS= read -r PYR <&"${PYJ[0]}" || PYR="FAIL the python3 helper is gone"
}

# py_run SCRIPT ARGS...: PYOUT = what the python script prints (trailing newlines dropped, as
# $(python3 SCRIPT ARGS...) would), run inside the file's python3 helper: no interpreter to
# start for each call. The arguments may not hold a newline or the byte 0x1f.
py_run() {
	local IFS=$'\x1f' out=$WORK/.pyrun
	PYOUT=""
	printf '%s\n%s\n%s\n' run "$out" "$*" >&"${PYJ[1]}" 2>/dev/null &&
		IFS= read -r PYR <&"${PYJ[0]}" || PYR="FAIL the python3 helper is gone"
	if [ "$PYR" = OK ]; then
		slurp "$out" PYOUT
		while [[ $PYOUT == *$'\n' ]]; do PYOUT=${PYOUT%$'\n'}; done
	else
		PYOUT=$PYR
	fi
}

# expect_json PYEXPR [DESC]: the last stdout is JSON and PYEXPR (d = that JSON) is true.
expect_json() {
	py_eval check "$1"
	if [ "$PYR" = OK ]; then pass; else
		fail "JSON check: ${2:-$1}" "$1" "${PYR#FAIL }"
	fi
}

# expect_py PYEXPR [DESC]: a python expression is true; it may use rows(FILE) (a CSV file as a
# list of dicts), read(FILE) (bytes), csv and json. Relative paths are inside $WORK.
expect_py() {
	py_eval py "$1"
	if [ "$PYR" = OK ]; then pass; else
		fail "check: ${2:-$1}" "$1" "${PYR#FAIL }"
	fi
}

# expect_err_word WORD: stderr holds WORD as a whole word (e.g. a column name).
expect_err_word() {
	if [[ $ERR =~ (^|[^A-Za-z0-9_])$1([^A-Za-z0-9_]|$) ]]; then pass; else
		fail "stderr names '$1'" "the word '$1' in stderr" "$(head -c 600 "$ERRF" | tr '\n' '|')"
	fi
}

# json_val PYEXPR: sets JV to the value computed from the last stdout's JSON ("" on error).
json_val() {
	py_eval val "$1"
	case $PYR in
	"OK "*) JV=${PYR#OK } ;;
	*) JV="" ;;
	esac
}

expect_eq() {
	if [ "$2" = "$3" ]; then pass; else fail "$1" "$2" "$3"; fi
}

expect_true() {
	local desc=$1
	shift
	if "$@"; then pass; else fail "$desc" "true: $*" "false"; fi
}

# ---- data helpers --------------------------------------------------------------------------

# fixture_shared NAME FILE BUILDER: give FILE (and FILE.env, FILE.lists: whatever BUILDER
# writes beside it) the run's fixture NAME, a copy of one database that the first file to ask
# built with "BUILDER PATH" (under a lock, so that it is built once per run: building one costs
# many sanitized runs of cadre and argon2id hashes). Returns 1, and the caller builds FILE
# itself, outside run.sh (no $CADRE_TEST_SHARED), when this file's audit key is no longer the
# run's, or when the shared build failed. The fixture's name carries CADRE_TODAY and the
# password, the inputs a builder takes from the environment.
fixture_shared() {
	local name=$1 f=$2 builder=$3 dir s lockfd x ok=1 fails=$T_FAIL
	[ -n "${CADRE_TEST_SHARED:-}" ] && [ -d "$CADRE_TEST_SHARED" ] || return 1
	[ "$CADRE_AUDIT_KEY_FILE" = "$WORK/.auditkey" ] &&
		cmp -s "$WORK/.auditkey" "$CADRE_TEST_SHARED/audit.key" || return 1
	dir=$CADRE_TEST_SHARED/fixtures
	mkdir -p "$dir" || return 1
	s=$dir/$name-$CADRE_TODAY-$(printf '%s' "${PW:-}" | cksum | cut -d' ' -f1)
	exec {lockfd}>"$s.lock" || return 1
	flock "$lockfd"
	if [ ! -e "$s/ok" ] && [ ! -e "$s/failed" ]; then
		rm -rf "$s"
		mkdir -p "$s"
		"$builder" "$s/fx.db"
		if [ "$T_FAIL" = "$fails" ] && [ -s "$s/fx.db" ] && [ ! -e "$s/fx.db-wal" ]; then
			: >"$s/ok"
		else
			: >"$s/failed"
		fi
	fi
	if [ -e "$s/ok" ]; then
		rm -f "$f" "$f".*
		for x in "$s"/fx.db*; do
			cp "$x" "$f${x#"$s"/fx.db}" || ok=0
		done
	else
		ok=0
	fi
	exec {lockfd}>&-
	[ $ok = 1 ]
}

# demo_fixture FILE: the demo region ('cadre demo': 1,700 organisations, 30,000 members) at
# FILE, built once per run (fixture_shared: minutes of processor time under the sanitizer) and
# copied. RC is 0 when FILE holds it (else cadre demo's exit code, when built here).
demo_fixture() {
	if fixture_shared demo "$1" demo_fixture_build; then
		RC=0
		return 0
	fi
	demo_fixture_build "$1"
}

# demo_fixture_build FILE: build demo_fixture's database at FILE (no cache). With
# CADRE_DEMO_BINARY (scripts/test.sh: the plain build) that binary builds it: the demo is the
# same bytes whichever build makes it (test_demo checks its determinism), and the sanitizer
# build spends a minute of processor time on it that the suites' own checks then do not need.
demo_fixture_build() {
	local save=$DB
	DB=$1
	if [ -n "${CADRE_DEMO_BINARY:-}" ]; then
		run_raw "$CADRE_DEMO_BINARY" --db "$DB" demo
	else
		cadre demo
	fi
	[ "$RC" = 0 ] || fail "cadre demo builds the demo region" "exit 0" "exit $RC"
	DB=$save
}

# build_db FILE ORGS_CSV [MEMBERS_CSV]: a database with the given CSV imported.
build_db() {
	local save=$DB
	DB=$1
	rm -f "$DB"
	cadre init
	[ "$RC" = 0 ] || fail "init the fixture database" "exit 0" "exit $RC"
	cadre import orgs "$2"
	[ "$RC" = 0 ] || fail "import the fixture organisations" "exit 0" "exit $RC"
	if [ $# -ge 3 ]; then
		cadre import members "$3"
		[ "$RC" = 0 ] || fail "import the fixture members" "exit 0" "exit $RC"
	fi
	DB=$save
}

# madd ORG NAME [OPTIONS]: add an official member with sensible defaults (JSON output; later
# options override the defaults: cadre keeps an option's last value). madd_p: a probationary
# one (ceremony 2025-03-15). MID is set to the new member's id ("" when refused).
madd() {
	local org=$1 name=$2
	shift 2
	cadre --json member add --org "$org" --name "$name" --sex male --birth-date 1990-01-01 \
		--ethnicity Kinh --hometown "Hà Giang" --decision-date 2015-03-01 \
		--ceremony-date 2015-03-15 --official-date 2016-03-15 "$@"
	MID=""
	if [ "$RC" = 0 ]; then
		json_val 'd["id"]'
		MID=$JV
	fi
}
madd_p() {
	local org=$1 name=$2
	shift 2
	cadre --json member add --org "$org" --name "$name" --sex male --birth-date 1995-01-01 \
		--ethnicity Kinh --hometown "Hà Giang" --decision-date 2025-03-01 \
		--ceremony-date 2025-03-15 "$@"
	MID=""
	if [ "$RC" = 0 ]; then
		json_val 'd["id"]'
		MID=$JV
	fi
}
