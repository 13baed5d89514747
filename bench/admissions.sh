#!/bin/bash
# bench/admissions.sh: the admission pipeline's reads (issue 11) at scale, cadre beside the
# plain SQL way (bench/README.md, "Admissions").
#
# Usage: bench/admissions.sh CADRE_DB [RESULTS]   (called by bench/run.sh; RESULTS gets the
# table appended, RESULTS.raw the lines)
#
# On a copy of CADRE_DB (the imported national roll), bench/adm_gen.sql generates a pipeline of
# BENCH_ADM_CASES cases (default 300,000 x BENCH_SCALE) over every cell, at every stage, with
# their steps and due dates; the roll's probationary members are the probationers without a
# case. Then bench/adm_bench (through src/app, as the CLI and the server call it) times, reps
# times each after a warm-up: a province's due list (app_adm_due), the whole country's, and a
# province's admission figures (app_adm_figures), each beside the same question asked the
# plain way (the subtree by recursive CTE, the tables read NOT INDEXED). Targets: a province's
# due list under 5 ms, the country's under 100 ms, a province's figures under 5 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
cadre_db=$1
out=${2:-build/bench/adm-results.txt}
scale=${BENCH_SCALE:-1.0}
reps=${BENCH_REPS:-21}
provinces=${BENCH_PROVINCES:-P014,P179,P325,P415,P577}
cases=${BENCH_ADM_CASES:-$(awk -v s="$scale" 'BEGIN { printf "%d", 300000 * s }')}
# The national roll bench/gen.c writes is the roll as of 30 June 2025 (its AS_OF: the
# probationers are those admitted in the year before). The pipeline is generated, and the due
# list and the figures asked, as of that day (cadre's today through CADRE_TODAY), so that the
# roll's probationers are what a roll on that day holds, not a year and a half overdue.
today=${CADRE_TODAY:-2025-06-30}
export CADRE_TODAY=$today
db=$(dirname "$cadre_db")/adm_$(basename "$cadre_db")
# BENCH_ADM_KEEP=1 keeps the generated database (adm_NAME beside CADRE_DB) for adm_bench runs
# of one's own (its generation is the long part at national scale).
cleanup() { [ "${BENCH_ADM_KEEP:-0}" = 1 ] || rm -f "$db" "$db-wal" "$db-shm" "$db.auditkey"; }
trap cleanup EXIT
mkdir -p "$(dirname "$out")"
make -s build/bench/adm_bench build/cadre

sqlite3 "$cadre_db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$cadre_db" "$db"
cp "$cadre_db.auditkey" "$db.auditkey" 2>/dev/null || true
# The schema of this tree (opening the database runs the migrations it lacks: 19 and later),
# then the generated pipeline.
build/cadre --db "$db" --quiet rules >/dev/null
echo "bench: generating $cases admission cases ..."
t0=$(date +%s.%N)
{
	echo "CREATE TEMP TABLE gen_p(n INTEGER, today INTEGER);"
	echo "INSERT INTO gen_p VALUES ($cases, CAST(julianday('$today') - 2440587.5 AS INTEGER));"
	cat bench/adm_gen.sql
} | sqlite3 "$db"
t1=$(date +%s.%N)
n=$(sqlite3 "$db" "SELECT count(*) FROM admission")
steps=$(sqlite3 "$db" "SELECT count(*) FROM admission_step")
probationers=$(sqlite3 "$db" "SELECT count(*) FROM member WHERE status = 'probationary'")
echo "adm_gen cases=$n steps=$steps probationers=$probationers seconds=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')" |
	tee -a "$out.raw"
build/bench/adm_bench --db "$db" --provinces "$provinces" --reps "$reps" --as-of "$today" \
	--year "${today%%-*}" --plain-reps "${BENCH_ADM_PLAIN_REPS:-5}" |
	tee -a "$out.raw" | tee "$out.adm.tmp"

awk '
function v(line, key,   i, n, f) { n = split(line, f, " "); for (i = 1; i <= n; i++)
	if (index(f[i], key "=") == 1) return substr(f[i], length(key) + 2); return "" }
/^adm_gen / { cases = v($0, "cases"); probs = v($0, "probationers") }
/^cadre adm_due_province / { cd = v($0, "median_ms"); cdr = v($0, "rows") }
/^plain adm_due_province_scan / { pd = v($0, "median_ms") }
/^cadre adm_due_country / { cc = v($0, "median_ms"); ccr = v($0, "rows") }
/^cadre adm_due_country_whole / { cw = v($0, "median_ms") }
/^plain adm_due_country_scan / { pc = v($0, "median_ms") }
/^cadre adm_figures_province / { cf = v($0, "median_ms") }
/^plain adm_figures_province_scan / { pf = v($0, "median_ms") }
END {
	printf "\n| admissions (%s cases, %s probationers on the rolls) | plain way (recursive CTE, NOT INDEXED) | cadre | cadre vs plain | target |\n", cases, probs
	printf "|---|---|---|---|---|\n"
	printf "| a province'"'"'s due list (ms; %s items) | %s | %s | %.0fx faster | under 5 |\n", cdr, pd, cd, pd / cd
	printf "| the whole country'"'"'s due list (ms; %s items) | %s | %s | %.0fx faster | under 100 |\n", ccr, pc, cc, pc / cc
	printf "| the whole country'"'"'s due list, every item read whole (ms) | %s | %s | %.1fx faster | |\n", pc, cw, pc / cw
	printf "| a province'"'"'s admission figures (ms) | %s | %s | %.0fx faster | under 5 |\n", pf, cf, pf / cf
}' "$out.raw" | tee -a "$out"
rm -f "$out.adm.tmp"
