#!/bin/bash
# bench/study.sh: a document's coverage (issue 12, docs/study.md) at scale, cadre's kept
# counters beside the plain SQL way (bench/README.md, "Study of documents").
#
# Usage: bench/study.sh CADRE_DB [RESULTS]   (a database with a roll imported, e.g. the one
# bench/run.sh imports; RESULTS gets the table appended, RESULTS.raw the lines)
#
# On a copy of CADRE_DB, one document is registered and every grassroots organisation holds a
# study session of it (a meeting of kind study) where its members are present but one in
# twenty (generated in SQL, the coverage triggers keeping study_covered and study_fig as any
# attendance written does). Then `cadre study coverage DOC --bench REPS` times in one process,
# after a warm-up, the whole tree's coverage from the kept counters (what the command and the
# API answer) and the same two totals the plain way (every member on the rolls scanned, its
# attendance at the document's sessions and its confirmations looked up), and checks they
# agree. Target: a document's national coverage under 50 ms.
#   Small scale: BENCH_SCALE=0.01 ... an imported s.db;  bench/study.sh s.db
set -euo pipefail
cd "$(dirname "$0")/.."
cadre_db=$1
out=${2:-build/bench/study-results.txt}
reps=${BENCH_REPS:-21}
db=$(dirname "$cadre_db")/study_$(basename "$cadre_db")
cleanup() { rm -f "$db" "$db-wal" "$db-shm" "$db.auditkey"; }
trap cleanup EXIT
mkdir -p "$(dirname "$out")"
make -s build/cadre

sqlite3 "$cadre_db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$cadre_db" "$db"
cp "$cadre_db.auditkey" "$db.auditkey" 2>/dev/null || true
export CADRE_AUDIT_KEY_FILE=$db.auditkey
build/cadre --db "$db" --quiet rules >/dev/null # the migrations this tree adds
root=$(sqlite3 "$db" "SELECT code FROM org WHERE parent_id IS NULL LIMIT 1")
today=${CADRE_TODAY:-$(date -u +%F)}
echo "bench: generating the study sessions ..."
t0=$(date +%s.%N)
sqlite3 "$db" <<SQL
PRAGMA cache_size = -1048576;
INSERT INTO document(number, num, type, issuer, issued_on, title, folded, org_id, recorded_by)
 SELECT '999-NQ/TW', '999', 'NQ', 'TW', CAST(julianday('2022-06-16') - 2440587.5 AS INTEGER),
  'bench', '999-nq/tw nghi quyet bench', id, 'bench' FROM org WHERE code = '$root';
INSERT INTO meeting(org_id, on_date, starts_min, ends_min, kind, topic, document_id, state,
 recorded_by)
 SELECT id, CAST(julianday('$today') - 2440587.5 AS INTEGER) - 30, 450, 660, 'study', 'bench',
  (SELECT max(id) FROM document), 'held', 'bench' FROM org WHERE kind = 'grassroots'
  AND dissolved IS NULL;
INSERT INTO meeting_attendance(meeting_id, member_id, status)
 SELECT g.id, m.id, CASE WHEN m.id % 20 = 0 THEN 'absent' ELSE 'present' END
 FROM meeting g JOIN org s ON s.id = g.org_id JOIN org o ON o.pre BETWEEN s.pre AND s.last
 JOIN member m ON m.org_id = o.id
 WHERE g.document_id = (SELECT max(id) FROM document) AND m.status IN ('probationary','official','exempt','suspended');
SQL
t1=$(date +%s.%N)
rows=$(sqlite3 "$db" "SELECT count(*) FROM meeting_attendance t JOIN meeting g ON g.id = t.meeting_id WHERE g.document_id = (SELECT max(id) FROM document)")
echo "study_gen attendance=$rows seconds=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')" |
	tee -a "$out.raw"
doc=$(sqlite3 "$db" "SELECT max(id) FROM document")
build/cadre --db "$db" study coverage "$doc" --bench "$reps" | tee -a "$out.raw" | tee "$out.tmp"

awk '
function v(line, key,   i, n, f) { n = split(line, f, " "); for (i = 1; i <= n; i++)
	if (index(f[i], key "=") == 1) return substr(f[i], length(key) + 2); return "" }
/^cadre study_coverage / { c = v($0, "median_ms"); cm = v($0, "members"); cc = v($0, "covered") }
/^plain study_coverage_scan / { p = v($0, "median_ms"); pm = v($0, "members"); pc = v($0, "covered") }
END {
	printf "\nStudy of documents: one document'"'"'s coverage of the whole tree (%s members)\n", cm
	printf "  %-44s %10s %10s\n", "", "cadre ms", "plain ms"
	printf "  %-44s %10s %10s\n", "coverage (kept counters vs attendance scan)", c, p
	printf "  %-44s %10s\n", "goal", "< 50"
	if (cm != pm || cc != pc) { printf "  MISMATCH: cadre %s/%s, plain %s/%s\n", cc, cm, pc, pm; exit 1 }
	printf "  both ways agree: %s of %s covered\n", cc, cm
}' "$out.tmp" | tee -a "$out"
rm -f "$out.tmp"
