#!/bin/bash
# bench/meetings.sh: a year of monthly meetings for every cell loaded through cadre's imports
# (issue 12; bench/README.md, "Meetings"), beside sqlite3's .import of the same rows.
#
# Usage: bench/meetings.sh CADRE_DB [RESULTS]   (called by bench/run.sh with the imported
# national roll; RESULTS gets the lines appended)
#
# From CADRE_DB (read only) the shell generates, with SQL, twelve monthly meetings (July 2025 to
# June 2026, each the 10th, 07:30-09:30) for every cell, and the attendance of every member on
# each cell's roll (the generated roll changes before July 2025 only, so the roll of each day
# is today's): present, one in 23 excused with a reason, one in 31 absent. At scale 1.0 about
# 47,000 cells: 560,000 meetings and 61 million attendance rows. Then, on a copy of CADRE_DB,
# it times `cadre import meetings` and `cadre import attendance` (every row checked against
# the roll of its day, all or nothing, one audit entry a file), and sqlite3's .import of the
# same two files into bare tables (every column TEXT, no key, no index, no check), and prints
#   meetings sqlite3_import seconds=... cpu_s=... rows=...
#   meetings cadre_import seconds=... cpu_s=... meetings_s=... attendance_s=... rows=... ...
#   meetings ratio wall=... cpu=...   (cadre / sqlite3; the target is under 4; on a shared
#   machine the processor seconds are the steadier of the two)
# Environment: CADRE_TODAY (default 2026-11-23: after the generated year).
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:?usage: bench/meetings.sh CADRE_DB [RESULTS]}
out=${2:-build/bench/meet-results.txt}
export CADRE_TODAY=${CADRE_TODAY:-2026-11-23}
export CADRE_NO_PROGRESS=1
dir=$(dirname "$src")
db=$dir/meet_$(basename "$src")
base=$dir/meet_baseline.db
meetings=$dir/meet_meetings.csv
attendance=$dir/meet_attendance.csv
log=$(mktemp)
cleanup() { rm -f "$db" "$db-wal" "$db-shm" "$db.auditkey" "$base" "$log"; }
trap cleanup EXIT
mkdir -p "$(dirname "$out")"
make -s build/cadre

secs() { # the wall seconds of a /usr/bin/time -v log
	awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0
		for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$1"
}
cpu() { # user + system seconds of a /usr/bin/time -v log
	awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$1"
}
rss() { awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$1"; }

echo "bench: meetings: generating a year of monthly meetings of every cell ..."
# The cells in id order, twelve months each: the meeting ids cadre gives are the rows' order.
sqlite3 -csv -header "file:$src?mode=ro" >"$meetings" <<'SQL'
WITH RECURSIVE months(m) AS (SELECT 0 UNION ALL SELECT m + 1 FROM months WHERE m < 11)
SELECT o.code AS org, date('2025-07-10', '+' || m || ' months') AS date, 'monthly' AS kind,
       '07:30' AS starts, '09:30' AS ends
FROM org o JOIN months WHERE o.kind = 'cell' AND o.dissolved IS NULL
ORDER BY o.id, m;
SQL
sqlite3 -csv -header "file:$src?mode=ro" >"$attendance" <<'SQL'
WITH RECURSIVE months(m) AS (SELECT 0 UNION ALL SELECT m + 1 FROM months WHERE m < 11),
 cells(id, n) AS (SELECT id, row_number() OVER (ORDER BY id) - 1 FROM org
                  WHERE kind = 'cell' AND dissolved IS NULL)
SELECT c.n * 12 + m + 1 AS meeting_id, x.id AS member_id,
       CASE WHEN (x.id + m) % 23 = 0 THEN 'excused' WHEN (x.id + m) % 31 = 0 THEN 'absent'
            ELSE 'present' END AS status,
       CASE WHEN (x.id + m) % 23 = 0 THEN 'đi công tác' ELSE '' END AS reason
FROM cells c JOIN months JOIN member x ON x.org_id = c.id
WHERE x.status IN ('probationary', 'official', 'exempt', 'suspended')
ORDER BY c.id, m, x.id;
SQL
nmeet=$(($(wc -l <"$meetings") - 1))
natt=$(($(wc -l <"$attendance") - 1))
echo "bench: meetings: $nmeet meetings, $natt attendance rows"

echo "bench: meetings: sqlite3 .import into bare tables ..."
rm -f "$base"
/usr/bin/time -v sqlite3 "$base" ".mode csv" ".import \"$meetings\" meeting" \
	".import \"$attendance\" attendance" 2>"$log" >/dev/null
plain=$(secs "$log")
plain_cpu=$(cpu "$log")
echo "meetings sqlite3_import seconds=$plain cpu_s=$plain_cpu rows=$((nmeet + natt)) peak_rss_mb=$(rss "$log")" |
	tee -a "$out"

echo "bench: meetings: cadre import meetings, import attendance ..."
sqlite3 "$src" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$src" "$db"
cp "$src.auditkey" "$db.auditkey"
# The copy's pages are written out before the clock starts: else the import's first
# checkpoint (fdatasync) waits for the whole copy, gigabytes cadre did not write.
sync
/usr/bin/time -v build/cadre --db "$db" --quiet import meetings "$meetings" >/dev/null 2>"$log"
ms=$(secs "$log")
mc=$(cpu "$log")
/usr/bin/time -v build/cadre --db "$db" --quiet import attendance "$attendance" >/dev/null 2>"$log"
as=$(secs "$log")
ac=$(cpu "$log")
got=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM meeting) + (SELECT count(*) FROM meeting_attendance)")
if [ "$got" != $((nmeet + natt)) ]; then
	echo "bench: meetings: cadre stored $got rows of $((nmeet + natt))" >&2
	exit 1
fi
total=$(awk -v a="$ms" -v b="$as" 'BEGIN { printf "%.2f", a + b }')
total_cpu=$(awk -v a="$mc" -v b="$ac" 'BEGIN { printf "%.2f", a + b }')
echo "meetings cadre_import seconds=$total cpu_s=$total_cpu meetings_s=$ms attendance_s=$as rows=$got peak_rss_mb=$(rss "$log")" |
	tee -a "$out"
ratio() { awk -v c="$1" -v p="$2" 'BEGIN { printf "%.2f", (p > 0) ? c / p : 0 }'; }
echo "meetings ratio wall=$(ratio "$total" "$plain") cpu=$(ratio "$total_cpu" "$plain_cpu") (target: under 4)" |
	tee -a "$out"
