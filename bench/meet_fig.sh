#!/bin/bash
# bench/meet_fig.sh: a province's meeting figures (issue 12) at scale, cadre beside the plain
# SQL way (bench/meet_fig_bench.c).
#
# Usage: bench/meet_fig.sh CADRE_DB [RESULTS] [PROVINCES]   (called by bench/run.sh; RESULTS
# gets the raw lines and a table; PROVINCES defaults to the bench's five)
#
# On a copy of CADRE_DB: when it holds no held meeting of the year, one is generated in SQL
# for every cell (a monthly meeting on the 10th of each month up to the last one ended, one
# cell-month in eleven missed; a thematic meeting in the middle month of each quarter, one
# cell in five without; attendance of every member on the cell's roll, about one in
# nineteen excused and one in twenty-three absent without reason). Then meet_fig_bench
# times app_meet_figures on each province, 21 runs after a warm-up, beside the same counts
# as plain SQL (recursive CTE, meeting NOT INDEXED; each run reads the country's every
# meeting and attendance row: BENCH_MEET_FIG_PLAIN_REPS runs, default 3). Goal: a
# province's figures under 50 ms.
set -eu
src=$1
out=${2:-/dev/null}
provinces=${3:-P014,P179,P325,P415,P577}
dir=$(dirname "$src")
db=$dir/meet_fig.db
year=$(date +%Y)

make -s build/bench/meet_fig_bench
rm -f "$db" "$db-wal" "$db-shm"
sqlite3 "$src" ".backup '$db'"
[ -f "$src.auditkey" ] && cp "$src.auditkey" "$db.auditkey"
held=$(sqlite3 "$db" "SELECT count(*) FROM meeting WHERE state = 'held' AND
	on_date >= CAST(julianday('$year-01-01') - 2440587.5 AS INTEGER)")
if [ "$held" = 0 ]; then
	echo "bench: generating a year ($year) of meetings for every cell ..."
	sqlite3 "$db" <<SQL
PRAGMA journal_mode = WAL;
PRAGMA cache_size = -1048576;
BEGIN;
-- The attendance goes in in key order; the index by member and the study trigger (no study
-- session here) are set aside and put back after, as cadre's own bulk path does.
CREATE TEMP TABLE trg AS SELECT sql FROM sqlite_master WHERE name = 'study_attend_ins';
DROP TRIGGER IF EXISTS study_attend_ins;
DROP INDEX IF EXISTS meeting_attendance_member;
CREATE TEMP TABLE mon(m INTEGER PRIMARY KEY);
WITH RECURSIVE k(m) AS (SELECT 1 UNION ALL SELECT m + 1 FROM k WHERE m < 12) INSERT INTO mon SELECT m FROM k;
INSERT INTO meeting(org_id, on_date, starts_min, ends_min, kind, topic, state, recorded_by)
 SELECT o.id, CAST(julianday(printf('%04d-%02d-10', $year, mon.m)) - 2440587.5 AS INTEGER),
  450, 570, 'monthly', 'bench', 'held', 'bench'
 FROM org o JOIN mon WHERE o.kind = 'cell' AND o.dissolved IS NULL AND (o.id + mon.m) % 11 <> 0
  AND julianday(printf('%04d-%02d-10', $year, mon.m)) < julianday('now');
INSERT INTO meeting(org_id, on_date, starts_min, ends_min, kind, topic, state, recorded_by)
 SELECT o.id, CAST(julianday(printf('%04d-%02d-20', $year, mon.m)) - 2440587.5 AS INTEGER),
  450, 570, 'thematic', 'bench', 'held', 'bench'
 FROM org o JOIN mon WHERE o.kind = 'cell' AND o.dissolved IS NULL AND mon.m % 3 = 2
  AND o.id % 5 <> 0 AND julianday(printf('%04d-%02d-20', $year, mon.m)) < julianday('now');
INSERT INTO meeting_attendance(meeting_id, member_id, status, reason)
 SELECT mt.id, mb.id,
  CASE WHEN (mb.id * 7 + mt.on_date) % 23 = 0 THEN 'absent'
       WHEN (mb.id * 7 + mt.on_date) % 19 = 0 THEN 'excused' ELSE 'present' END,
  CASE WHEN (mb.id * 7 + mt.on_date) % 23 <> 0 AND (mb.id * 7 + mt.on_date) % 19 = 0
       THEN 'công tác' ELSE '' END
 FROM meeting mt JOIN member mb ON mb.org_id = mt.org_id
 WHERE mt.recorded_by = 'bench'
   AND mb.status IN ('probationary', 'official', 'exempt', 'suspended');
CREATE INDEX meeting_attendance_member ON meeting_attendance(member_id, meeting_id);
.once $dir/meet_fig_trg.sql
SELECT sql || ';' FROM temp.trg;
.read $dir/meet_fig_trg.sql
COMMIT;
SQL
	rm -f "$dir/meet_fig_trg.sql"
fi
n=$(sqlite3 "$db" "SELECT count(*) FROM meeting")
na=$(sqlite3 "$db" "SELECT count(*) FROM meeting_attendance")
echo "bench: a province's meeting figures ($n meetings, $na attendance rows) ..."
raw=$(build/bench/meet_fig_bench --db "$db" --provinces "$provinces" --year "$year" --plain-reps "${BENCH_MEET_FIG_PLAIN_REPS:-3}")
printf '%s\n' "$raw"
printf '%s\n' "$raw" >>"$out.raw"
printf '%s\n' "$raw" | awk -v n="$n" -v na="$na" '
function v(line, key,   i, a, k) { k = split(line, a, " "); for (i = 1; i <= k; i++) if (index(a[i], key "=") == 1) return substr(a[i], length(key) + 2); return "" }
/^cadre meet_figures_province / { c = v($0, "median_ms"); cr = v($0, "rows") }
/^plain meet_figures_province_scan / { p = v($0, "median_ms") }
END {
	printf "\n| meeting figures (%s meetings, %s attendance rows) | plain way (recursive CTE, NOT INDEXED) | cadre | cadre vs plain | target |\n", n, na
	printf "|---|---|---|---|---|\n"
	printf "| a province'"'"'s meeting figures (ms; %s meetings) | %s | %s | %.1fx | under 50 |\n", cr, p, c, p / c
}' | tee -a "$out"
[ -n "${BENCH_KEEP:-}" ] || rm -f "$db" "$db-wal" "$db-shm" "$db.auditkey"
