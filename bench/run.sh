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
#   - reviews and figures (issue 4): a year of reviews of every member loaded through the
#     app layer (once, into a copy of the imported database) and with sqlite3 .import into
#     the plain database; one province's report and the whole country's roll-up, cadre beside
#     the recursive CTE and the careful SQL way (pre-order intervals, covering indexes); the
#     figures of one province from both sides, checked equal (the run fails if they are not);
#   - the server (bench/http.sh): wrk at 64 connections on a member record, a province's
#     organisation and a search, beside the same lookups in the sqlite3 shell;
#   - the organisation pages, the tree and the home page's worklist (bench/org_pages.sh), and
#     the year-end import of a year's review decisions (bench/import_reviews.sh);
#   - a document's coverage (bench/study.sh): a study session in every grassroots organisation,
#     the whole tree's coverage from the kept counters beside the attendance scanned;
#   - the admission pipeline (bench/admissions.sh): 300,000 generated cases; a province's and
#     the country's due list and a province's admission figures beside the plain SQL way;
#   - a year of meetings (bench/meetings.sh): cadre's imports of meetings and attendance beside
#     sqlite3's .import of the same rows;
#   - the server under abuse (bench/abuse.sh): its memory under 20 anonymous 64 MiB uploads,
#     others' p99 while one address holds 1,100 half-open connections, and writers' answers
#     during an import of the national roll in another process.
# Environment: BENCH_SCALE (default 1.0), BENCH_SEED (1), BENCH_REPS (21),
# BENCH_FRESH=1 to rebuild the plain database too (and reload the reviews), BENCH_HTTP=0 to
# leave out the server, BENCH_ABUSE=0 to leave out the server under abuse (BENCH_ABUSE_ROWS:
# the rows of its import, default all), BENCH_SOAK=1 to add its 5-minute soak, BENCH_REVIEWS=0 to leave out
# the reviews and figures, BENCH_REVIEWS_FRESH=1 to reload the reviews into cadre,
# BENCH_ROLLUP_REPS (11), BENCH_CTE_TIMEOUT (seconds for the recursive-CTE roll-up, 900;
# 0 leaves it out), BENCH_CTE_RERUN=1 to run it again (it is kept from the last run),
# BENCH_FIGURES_ORG (the organisation whose figures are compared; the first province).
# Results: build/bench/results.txt.
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
make -s build/bench/cadre_bench build/bench/load_reviews build/cadre

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
	rm -f "$db" "$db-wal" "$db-shm" "$db-journal" "$db.auditkey"
	build/cadre --db "$db" --quiet init >/dev/null
	build/cadre --db "$db" --quiet import orgs "$orgs" >/dev/null
	log=$(mktemp)
	/usr/bin/time -v build/cadre --db "$db" --quiet import members --allow-duplicates "$members" >/dev/null 2>"$log"
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
echo "bench: the search of names beside FTS5, the organisation picker (issue 10) ..."
bench/search.sh "$db" "$reps" | tee -a "$out.raw"

# ---- reviews and figures (issue 4) --------------------------------------------------------
year=2025
revdb=$D/cadre_${tag}_reviews.db
if [ "${BENCH_REVIEWS:-1}" = 1 ]; then
	reviews=$D/reviews_$tag.csv
	org_reviews=$D/org_reviews_$tag.csv
	if [ ! -s "$reviews" ] || [ ! -s "$org_reviews" ]; then
		echo "bench: generating a year of reviews ($year) ..."
		build/bench/gen --seed "$seed" --scale "$scale" --review-year "$year" \
			--reviews-out "$reviews" --org-reviews-out "$org_reviews"
	fi
	# cadre: once, into a copy of the imported database, through the app layer (a batch
	# per grassroots organisation, each checked against the quota, audited and counted).
	# Reused afterwards: the load takes a while and does not change with the queries.
	if [ ! -s "$revdb" ] || [ ! -s "$D/reviews_load_$tag.txt" ] || [ "${BENCH_FRESH:-0}" = 1 ] ||
		[ "${BENCH_REVIEWS_FRESH:-0}" = 1 ]; then
		echo "bench: loading the reviews into cadre (app_review_members per grassroots organisation) ..."
		rm -f "$revdb" "$revdb-wal" "$revdb-shm" "$revdb-journal" "$revdb.auditkey"
		sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
		cp "$db" "$revdb"
		cp "$db.auditkey" "$revdb.auditkey" # the copy's audit key (docs/audit.md)
		build/bench/load_reviews --db "$revdb" --reviews "$reviews" \
			--org-reviews "$org_reviews" | tee "$D/reviews_load_$tag.txt"
		sqlite3 "$revdb" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	fi
	sed 's/$/ measured=once/' "$D/reviews_load_$tag.txt" >>"$out.raw"
	# The plain way: sqlite3 .import into plain tables (once per plain database).
	if [ "$(sqlite3 "$plaindb" "SELECT count(*) FROM sqlite_schema WHERE name = 'review'")" != 1 ] ||
		[ ! -s "$D/plain_reviews_import_$tag.txt" ]; then
		echo "bench: loading the reviews into the plain database (sqlite3 .import) ..."
		if [ "$(sqlite3 "$plaindb" "SELECT count(*) FROM sqlite_schema WHERE name = 'review'")" = 1 ]; then
			sqlite3 "$plaindb" "DROP TABLE review; DROP TABLE org_review"
		fi
		bench/plain_reviews.sh "$plaindb" "$orgs" "$reviews" "$org_reviews" |
			tee "$D/plain_reviews_import_$tag.txt"
	fi
	sed 's/$/ measured=once/' "$D/plain_reviews_import_$tag.txt" >>"$out.raw"
	figorg=${BENCH_FIGURES_ORG:-${provinces%%,*}}
	rreps=${BENCH_ROLLUP_REPS:-11}
	echo "bench: figures, the plain way ..."
	build/bench/plain --db "$plaindb" --reuse --reviews "$year" --provinces "$provinces" \
		--reps "$reps" --figures "$figorg" --rollup-reps "$rreps" --cte-timeout 0 |
		tee -a "$out.raw"
	# The recursive-CTE roll-up takes minutes: run once per plain database and kept (like
	# the loads above), again with BENCH_CTE_RERUN=1; BENCH_CTE_TIMEOUT=0 leaves it out.
	cte_out=$D/plain_rollup_cte_$tag.txt
	cte_timeout=${BENCH_CTE_TIMEOUT:-900}
	if [ "$cte_timeout" != 0 ]; then
		if [ ! -s "$cte_out" ] || [ "${BENCH_CTE_RERUN:-0}" = 1 ] || [ "$cte_out" -ot "$D/plain_reviews_import_$tag.txt" ]; then
			echo "bench: the whole-country roll-up by recursive CTE, once (up to $cte_timeout s) ..."
			build/bench/plain --db "$plaindb" --reuse --reviews "$year" --provinces "$provinces" \
				--figures "$figorg" --cte-only --cte-timeout "$cte_timeout" |
				grep -v '^plain \(config\|provinces\)' | tee "$cte_out"
		fi
		sed 's/$/ measured=once/' "$cte_out" >>"$out.raw"
	fi
	echo "bench: figures, cadre ..."
	build/bench/cadre_bench --db "$revdb" --reviews "$year" --provinces "$provinces" \
		--reps "$reps" --figures "$figorg" --rollup-reps "$rreps" | tee -a "$out.raw"
	# Exactness: the figures of one organisation, and the whole country's totals, the same
	# from every side (cadre's report and roll-up, the plain CTE, the careful SQL).
	echo "bench: the figures of $figorg side by side:"
	if ! awk '
	function payload(line,   i, n, f, s) { n = split(line, f, " "); s = ""
		for (i = 3; i <= n; i++) if (f[i] !~ /^measured=/) s = s " " f[i]; return s }
	/^(cadre|plain) (figures|figures_rollup|figures_cte|figures_intervals|figures_rollup_intervals|figures_rollup_cte) / {
		name = $1 " " $2; fig[++nf] = name; pay[name] = payload($0) }
	/^(cadre rollup_root|plain rollup_root_intervals|plain rollup_root_cte) / {
		name = $1 " " $2; root[++nr] = name; rpay[name] = payload($0) }
	END {
		if (nf < 2) { print "bench: no figures to compare"; exit 1 }
		label["cadre figures"] = "cadre report"; label["cadre figures_rollup"] = "cadre roll-up"
		label["plain figures_cte"] = "plain CTE"; label["plain figures_intervals"] = "careful SQL"
		label["plain figures_rollup_intervals"] = "careful roll-up"
		label["plain figures_rollup_cte"] = "plain CTE roll-up"
		printf "%-20s", "figure"; for (i = 1; i <= nf; i++) printf " %17s", label[fig[i]]; printf "\n"
		n = split(pay[fig[1]], k0, " ")
		for (j = 1; j <= n; j++) {
			split(k0[j], kv, "="); printf "%-20s", kv[1]
			for (i = 1; i <= nf; i++) { split(pay[fig[i]], kk, " "); split(kk[j], vv, "=")
				printf " %17s", vv[2] }
			printf "\n"
		}
		bad = 0
		for (i = 2; i <= nf; i++) if (pay[fig[i]] != pay[fig[1]]) {
			printf "bench: FIGURES DIFFER: %s has%s\n       %s has%s\n", fig[1], pay[fig[1]], fig[i], pay[fig[i]]; bad = 1 }
		for (i = 2; i <= nr; i++) if (rpay[root[i]] != rpay[root[1]]) {
			printf "bench: WHOLE-COUNTRY FIGURES DIFFER: %s has%s\n       %s has%s\n", root[1], rpay[root[1]], root[i], rpay[root[i]]; bad = 1 }
		if (!bad) printf "bench: figures equal: %d views of %s, %d of the whole country\n", nf, "the organisation", nr
		exit bad
	}' "$out.raw"; then
		echo "figures_check equal=0" >>"$out.raw"
		echo "bench: FAILED: cadre's figures differ from the plain SQL's (see above)" >&2
		exit 1
	fi
	echo "figures_check equal=1" >>"$out.raw"
fi

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
/^cadre reviews_load / { rl = v($0, "seconds"); rlm = v($0, "members"); rlu = v($0, "per_member_us"); rlc = v($0, "cpu_seconds") }
/^plain reviews_import / { pri = v($0, "seconds") }
/^plain province_report_cte / { prc = v($0, "median_ms") }
/^plain province_report_intervals / { pri2 = v($0, "median_ms") }
/^cadre province_report / { crp = v($0, "median_ms") }
/^plain rollup_cte / { ruc = v($0, "seconds"); ruto = v($0, "timed_out"); rutl = v($0, "timeout_s") }
/^plain rollup_intervals / { rui = v($0, "median_ms") }
/^cadre rollup / { cru = v($0, "median_ms"); cruo = v($0, "orgs") }
/^figures_check / { fc = v($0, "equal") }
END {
	rt = median(ratio, nc); bi = median(b, nb); ci = median(c, nc)
	printf "\n| work | plain way | careful SQL | cadre | cadre vs plain | target |\n"
	printf "|---|---|---|---|---|---|\n"
	printf "| import 5.6M members (s, median of %d pairs) | %.2f (sqlite3 .import, bare table) | | %.2f | %.2fx (median pair ratio) | within 2x |\n", nc, bi, ci, rt
	printf "| import peak memory (MB, largest) | | | %s | | under 1024 |\n", crss
	printf "| province counts (ms) | %s (recursive CTE) | %s (covering index) | %s | %.0fx faster | under 5 |\n", pc, pcc, cc, pc / cc
	printf "| list page, offset 8000 (ms) | %s (COLLATE NOCASE) | %s (stored ICU key) | %s | %.0fx faster | under 5 |\n", pl, pls, cl, pl / cl
	printf "| accent-free search (ms) | %s (LIKE on folded) | | %s | %.0fx faster | under 5 |\n", ps, cs, ps / cs
	if (cru != "") {
		if (ruto == 1) { cte = sprintf("over %d s (stopped; recursive CTE)", rutl); rr = sprintf("over %.0fx faster", rutl * 1000 / cru) }
		else if (ruc != "") { cte = sprintf("%.1f s (recursive CTE)", ruc); rr = sprintf("%.0fx faster", ruc * 1000 / cru) }
		else { cte = "not run"; rr = sprintf("%.0fx faster than careful SQL", rui / cru) }
		printf "| load a year of reviews, %s decisions (s, once) | %s (sqlite3 .import + index) | | %s wall%s (%s us a decision) | %.0fx slower | |\n", rlm, pri, rl, rlc != "" ? ", " rlc " CPU" : "", rlu, rl / pri
		printf "| whole-country roll-up, %s organisations (ms) | %s | %s (intervals, covering indexes) | %s | %s; %.0fx faster than careful SQL | under 100 |\n", cruo, cte, rui, cru, rr, rui / cru
		printf "| province report (ms) | %s (recursive CTE, counts only) | %s (intervals, counts only) | %s (app_report, every table) | %.0fx faster | under 10 |\n", prc, pri2, crp, prc / crp
		printf "| figures of %s equal to the plain SQL | | | %s | | exact |\n", figorg, fc == 1 ? "yes" : "NO"
	}
}' figorg="${figorg:-}" "$out.raw" | tee "$out"

# The server under load: its own table, appended to the results.
if [ "${BENCH_HTTP:-1}" = 1 ]; then
	report_db=
	if [ "${BENCH_REVIEWS:-1}" = 1 ] && [ -s "$revdb" ]; then report_db=$revdb; fi
	BENCH_HTTP_REPORT_DB=$report_db BENCH_FIGURES_ORG=${figorg:-} bench/http.sh "$db" "$plaindb" "$out"
	# The organisation pages, the tree and the worklist (issue 10), on the reviewed database
	# when there is one (the worklist counts a year's decisions).
	bench/org_pages.sh "${report_db:-$db}" "$out"
	# A member's handbook home (issue 12): goal 2 ms of server processor time at 64
	# connections, beside the same three indexed lookups in the sqlite3 shell.
	bench/hb_home.sh "${report_db:-$db}" "$out"
	# A cadre's sheet (issue 13): goal 2 ms of server processor time at 64 connections,
	# beside the same eight indexed reads; BENCH_SHEET_DB names a database with key cadres
	# (the generated roll has none: skipped then).
	bench/cadre_sheet.sh "${BENCH_SHEET_DB:-$db}" "$out"
fi
# The year-end import (issue 10): 'cadre import reviews' of the national file, set-based,
# beside sqlite3's .import of the same rows (BENCH_IMPORT_REVIEWS=0 leaves it out).
if [ "${BENCH_REVIEWS:-1}" = 1 ] && [ "${BENCH_IMPORT_REVIEWS:-1}" = 1 ] && [ -s "${reviews:-}" ]; then
	echo "bench: cadre import reviews (the year-end import) ..."
	bench/import_reviews.sh "$db" "$reviews" "$out"
fi
# The admission pipeline (issue 11): a generated pipeline of 300,000 cases (x BENCH_SCALE) on
# a copy of the imported database; a province's and the country's due list and a province's
# admission figures beside the plain SQL way (BENCH_ADMISSIONS=0 leaves it out).
if [ "${BENCH_ADMISSIONS:-1}" = 1 ]; then
	echo "bench: the admission pipeline (issue 11) ..."
	bench/admissions.sh "$db" "$out"
fi
# Meetings (issue 12): a year of monthly meetings of every cell (560,000 meetings, 61 million
# attendance rows at scale 1.0) through cadre's imports beside sqlite3's .import of the same
# rows (BENCH_MEETINGS=0 leaves it out).
if [ "${BENCH_MEETINGS:-1}" = 1 ]; then
	echo "bench: a year of meetings (issue 12) ..."
	bench/meetings.sh "$db" "$out.raw"
fi
# A document's coverage of the whole tree from the kept counters beside the plain scan
# (bench/study.sh; BENCH_STUDY=0 leaves it out).
if [ "${BENCH_STUDY:-1}" = 1 ]; then
	bench/study.sh "$db" "$out"
fi
# A province's meeting figures (issue 12): a generated year of meetings for every cell when
# the database has none, cadre beside the plain SQL way (BENCH_MEETING_FIGURES=0 leaves it
# out).
if [ "${BENCH_MEETING_FIGURES:-1}" = 1 ]; then
	echo "bench: a province's meeting figures (issue 12) ..."
	bench/meet_fig.sh "$db" "$out"
fi
# Key cadres (issue 13): committees, key positions with their holders' history, a planning
# period, training records and flags generated on a copy of the database (kept for the
# cadre's sheet), then the vacancy report of the country and of the five provinces, cadre
# beside the plain SQL way (bench/cadres_natl.sh; BENCH_CADRES=0 leaves it out).
if [ "${BENCH_CADRES:-1}" = 1 ]; then
	echo "bench: key cadres and the vacancy report (issue 13) ..."
	bench/cadres_natl.sh "$db" "$(dirname "$db")/cadres.db" "$out"
fi
# Inspection (issue 14): six years of programmes, cases, discipline and complaints generated
# on a copy of the database, then seed 004's footnote-7 report of the country and of the five
# provinces, 2020 to date, cadre beside the plain SQL way (bench/insp_natl.sh;
# BENCH_INSPECTION=0 leaves it out).
if [ "${BENCH_INSPECTION:-1}" = 1 ]; then
	echo "bench: inspection and the footnote-7 report (issue 14) ..."
	bench/insp_natl.sh "$db" "$(dirname "$db")/insp.db" "$out"
fi
# The server under abuse (issue 9): uploads, half-open connections, writers during an import.
if [ "${BENCH_ABUSE:-1}" = 1 ]; then
	bench/abuse.sh "$orgs" "$members" "$out"
fi
