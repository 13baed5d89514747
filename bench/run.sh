#!/bin/bash
# make bench: the national-scale benchmarks, cadre beside the plain way, in one run.
#
# Generates (once, seeded) about 60,000 organisations and 5.6 million members, then measures:
#   - importing the members: sqlite3's .import into a bare table vs 'cadre import members'
#     (wall time and peak memory);
#   - for five provinces (~8,400-12,500 members each): subtree counts, a list page deep in
#     Vietnamese name order (offset 8,000), and an accent-free name search, each the plain way
#     (bench/plain: parent_id + recursive CTE; then a careful developer's covering index) and
#     through cadre's app layer (bench/cadre_bench). Medians of 21 runs after a warm-up;
#   - the server (bench/http.sh): wrk at 64 connections on a member record, a province's
#     organisation and a search, beside the same lookups in the sqlite3 shell.
# Environment: BENCH_SCALE (default 1.0), BENCH_SEED (1), BENCH_REPS (21),
# BENCH_FRESH=1 to rebuild the plain database too, BENCH_HTTP=0 to leave out the server,
# BENCH_SOAK=1 to add its 5-minute soak. Results: build/bench/results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${BENCH_SCALE:-1.0}
seed=${BENCH_SEED:-1}
reps=${BENCH_REPS:-21}
provinces=${BENCH_PROVINCES:-P014,P179,P325,P415,P577}
D=build/bench/data
out=build/bench/results.txt
mkdir -p "$D"
export CADRE_NO_PROGRESS=1

make -s -f bench/Makefile
make -s build/bench/cadre_bench build/cadre

tag="s${seed}_x${scale}"
orgs=$D/orgs_$tag.csv
members=$D/members_$tag.csv
if [ ! -s "$members" ]; then
	echo "bench: generating the data set (seed $seed, scale $scale) ..."
	build/bench/gen --seed "$seed" --scale "$scale" --orgs-out "$orgs" --members-out "$members"
fi
rows=$(($(wc -l <"$members") - 1))
echo "bench: $rows members in $members"

: >"$out.raw"
# The import is measured in alternating pairs (the floor, then cadre), several times: this
# machine is shared and a single pair can be off by a third either way. The table quotes
# the medians and the median of the pairs' ratios.
runs=${BENCH_IMPORT_RUNS:-3}
db=$D/cadre_$tag.db
for i in $(seq "$runs"); do
	echo "bench: import, pair $i of $runs: sqlite3 .import into a bare table ..."
	bench/import_baseline.sh "$members" "$D/baseline.db" | tee -a "$out.raw"
	rm -f "$D/baseline.db"
	echo "bench: import, pair $i of $runs: cadre import ..."
	rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
	build/cadre --db "$db" --quiet init >/dev/null
	build/cadre --db "$db" --quiet import orgs "$orgs" >/dev/null
	log=$(mktemp)
	/usr/bin/time -v build/cadre --db "$db" --quiet import members "$members" >/dev/null 2>"$log"
	secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0
		for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$log")
	rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$log")
	rm -f "$log"
	echo "cadre import seconds=$secs peak_rss_mb=$rss rows=$rows db_mb=$(du -m "$db" | cut -f1)" |
		tee -a "$out.raw"
done

echo "bench: the plain way ..."
plaindb=$D/plain_$tag.db
reuse=()
if [ -s "$plaindb" ] && [ "${BENCH_FRESH:-0}" != 1 ]; then reuse=(--reuse); fi
build/bench/plain --orgs "$orgs" --members "$members" --db "$plaindb" "${reuse[@]}" \
	--reps "$reps" --provinces "$provinces" --offset 8000 --search "van hung" --no-fts |
	tee -a "$out.raw"

echo "bench: cadre queries ..."
build/bench/cadre_bench --db "$db" --provinces "$provinces" --reps "$reps" --offset 8000 \
	--search "van hung" | tee -a "$out.raw"

# The table: each measurement beside the plain way, with the target.
awk '
function v(line, key,   i, n, f) { n = split(line, f, " "); for (i = 1; i <= n; i++)
	if (index(f[i], key "=") == 1) return substr(f[i], length(key) + 2); return "" }
function median(a, n,   i, j, t) { for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) {
	t = a[j]; a[j] = a[j-1]; a[j-1] = t }; return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
/^baseline sqlite3_import/ { b[++nb] = v($0, "seconds") }
/^cadre import/ { c[++nc] = v($0, "seconds"); r = v($0, "peak_rss_mb"); if (r > crss) crss = r
	ratio[nc] = c[nc] / b[nc] }
/^plain counts_cte / { pc = v($0, "median_ms") }
/^plain counts_covering_index / { pcc = v($0, "median_ms") }
/^plain list_page_nocase / { pl = v($0, "median_ms") }
/^plain list_page_sortkey / { pls = v($0, "median_ms") }
/^plain search_like / { ps = v($0, "median_ms") }
/^cadre province_counts / { cc = v($0, "median_ms") }
/^cadre province_list_page / { cl = v($0, "median_ms") }
/^cadre province_search / { cs = v($0, "median_ms") }
END {
	rt = median(ratio, nc); bi = median(b, nb); ci = median(c, nc)
	printf "\n| work | plain way | careful SQL | cadre | cadre vs plain | target |\n"
	printf "|---|---|---|---|---|---|\n"
	printf "| import 5.6M members (s, median of %d pairs) | %.2f (sqlite3 .import, bare table) | | %.2f | %.2fx (median pair ratio) | within 2x |\n", nc, bi, ci, rt
	printf "| import peak memory (MB, largest) | | | %s | | under 1024 |\n", crss
	printf "| province counts (ms) | %s (recursive CTE) | %s (covering index) | %s | %.0fx faster | under 5 |\n", pc, pcc, cc, pc / cc
	printf "| list page, offset 8000 (ms) | %s (COLLATE NOCASE) | %s (stored ICU key) | %s | %.0fx faster | under 5 |\n", pl, pls, cl, pl / cl
	printf "| accent-free search (ms) | %s (LIKE on folded) | | %s | %.0fx faster | under 5 |\n", ps, cs, ps / cs
}' "$out.raw" | tee "$out"

# The server under load: its own table, appended to the results.
if [ "${BENCH_HTTP:-1}" = 1 ]; then
	bench/http.sh "$db" "$plaindb" "$out"
fi
