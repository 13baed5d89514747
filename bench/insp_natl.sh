#!/bin/bash
# bench/insp_natl.sh: seed 004's footnote 7 (issue 14, docs/inspection.md "The footnote-7
# report") at national scale: generate six years of inspection work on a copy of a national
# database, then time the report of the whole country and of provinces, 2020 to date, cadre
# beside the plain SQL way (bench/insp_bench.c), and check both give every cell the same.
#
# Usage: bench/insp_natl.sh SRC_DB DB [RESULTS] [PROVINCES]
#   SRC_DB  a database with a national roll (never written: copied to DB when DB is missing)
#   DB      the database to generate into and measure (kept); generation is skipped when DB
#           already holds cases
#   RESULTS gets the table appended (RESULTS.raw the raw lines); PROVINCES defaults to
#           P014,P179,P325,P415,P577
# BENCH_REPS (21) runs of cadre after a warm-up, BENCH_INSP_PLAIN_REPS (3) of the plain way;
# BENCH_INSP_SCALE (1.0) scales the records generated (0.01 for a small run).
#
# The copy is migrated with build/cadre, then one transaction, run by insp_bench on cadre's
# own connection (so that every trigger runs and the counters are kept as in use), writes as
# of CADRE_TODAY (default today): for every grassroots organisation and committee a
# programme of inspection and one of supervision by its committee for each year 2020-2025
# (and by its inspection committee for the committees); 400,000 cases spread over every
# organisation from 2020-01-01 to today (two in three on a member of the organisation when it
# has members, the body its parent; by plan half, on signs one in ten, supervision two in ten,
# discipline execution and finances one in ten each; one in four by the inspection committee;
# a tenth not yet concluded, six no violation, two violation, one violation requiring
# discipline; one plan case in four from an item of its body's programme); 50,000 discipline
# decisions (members mostly, one in twenty an organisation; one in twenty-five annulled, one
# in thirty-three changed with its new decision); 4,000 complaints against them and 1,000
# denunciations (seven in ten settled, each outcome).
# Goals: the whole country's report under 100 ms, a province's under 5 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$1
db=$2
out=${3:-/dev/null}
provinces=${4:-P014,P179,P325,P415,P577}
reps=${BENCH_REPS:-21}
today=${CADRE_TODAY:-$(date -u +%F)}
scale=${BENCH_INSP_SCALE:-1.0}
export CADRE_TODAY=$today

make -s build/cadre build/bench/insp_bench
if [ ! -f "$db" ]; then
	echo "bench: copying $src to $db ..."
	sqlite3 "$src" ".backup '$db'"
	[ -f "$src.auditkey" ] && cp "$src.auditkey" "$db.auditkey"
fi
[ -f "$db.auditkey" ] && export CADRE_AUDIT_KEY_FILE=$db.auditkey
build/cadre --db "$db" --quiet rules >/dev/null # the migrations this tree adds

n_cases=$(awk -v s="$scale" 'BEGIN { printf "%d", 400000 * s }')
n_disc=$(awk -v s="$scale" 'BEGIN { printf "%d", 50000 * s }')
n_compl=$(awk -v s="$scale" 'BEGIN { printf "%d", 4000 * s }')
n_denun=$(awk -v s="$scale" 'BEGIN { printf "%d", 1000 * s }')
have=$(sqlite3 "$db" "SELECT count(*) FROM insp_case")
if [ "$have" = 0 ]; then
	echo "bench: generating the inspection records ..."
	t0=$(date +%s.%N)
	gen=$(mktemp "${TMPDIR:-/tmp}/insp_gen.XXXXXX.sql")
	cat >"$gen" <<SQL
PRAGMA cache_size = -1048576;
PRAGMA temp_store = MEMORY;
BEGIN;
CREATE TEMP TABLE d(name TEXT PRIMARY KEY, v INTEGER);
INSERT INTO d VALUES ('from', CAST(julianday('2020-01-01') - 2440587.5 AS INTEGER)),
 ('span', CAST(julianday('$today') - julianday('2020-01-01') AS INTEGER));
-- the organisations in force, numbered, with their parent (the deciding body) and the first
-- member of those holding members
CREATE TEMP TABLE og(rn INTEGER PRIMARY KEY, id INTEGER, parent INTEGER, kind TEXT, m1 INTEGER);
INSERT INTO og(id, parent, kind) SELECT id, coalesce(parent_id, id), kind FROM org
 WHERE dissolved IS NULL ORDER BY id;
CREATE TEMP TABLE fm(org_id INTEGER PRIMARY KEY, m INTEGER);
INSERT INTO fm SELECT org_id, min(id) FROM member GROUP BY org_id;
UPDATE og SET m1 = (SELECT m FROM fm WHERE fm.org_id = og.id);
CREATE TEMP TABLE k(n INTEGER PRIMARY KEY);
INSERT INTO k SELECT rn FROM og;
CREATE TEMP TABLE n(i INTEGER PRIMARY KEY);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < $n_cases)
 INSERT INTO n SELECT i FROM c;
-- programmes 2020-2025
CREATE TEMP TABLE y(y INTEGER);
INSERT INTO y VALUES (2020), (2021), (2022), (2023), (2024), (2025);
INSERT INTO insp_programme(org_id, body, year, kind, title, approved_on, doc_no, recorded_by)
 SELECT og.id, b.column1, y.y, p.column1, 'Chương trình ' || y.y, CAST(julianday(y.y || '-01-15')
  - 2440587.5 AS INTEGER), og.id || '-CTr/ĐU', 'bench'
 FROM og, y, (VALUES ('inspection'), ('supervision')) p, (VALUES ('committee'), ('inspection')) b
 WHERE og.kind IN ('grassroots', 'committee') AND (b.column1 = 'committee' OR og.kind = 'committee');
-- the cases, first in a table of their own
CREATE TEMP TABLE tc(i INTEGER PRIMARY KEY, org INTEGER, member INTEGER, body_org INTEGER,
 body TEXT, kind TEXT, on_d INTEGER, concl TEXT);
INSERT INTO tc SELECT n.i, og.id, CASE WHEN n.i % 3 <> 0 THEN og.m1 END, og.parent,
 CASE WHEN n.i % 4 = 0 THEN 'inspection' ELSE 'committee' END,
 CASE n.i % 10 WHEN 5 THEN 'signs' WHEN 6 THEN 'regular' WHEN 7 THEN 'thematic'
  WHEN 8 THEN 'discipline_exec' WHEN 9 THEN 'finance' ELSE 'plan' END,
 (SELECT v FROM d WHERE name = 'from') + (n.i * 7919) % (SELECT v FROM d WHERE name = 'span'),
 CASE n.i % 10 WHEN 0 THEN NULL WHEN 7 THEN 'violation' WHEN 8 THEN 'violation'
  WHEN 9 THEN 'violation_discipline' ELSE 'no_violation' END
 FROM n JOIN og ON og.rn = (n.i * 7) % (SELECT count(*) FROM k) + 1;
-- one plan case in four from an item of its body's programme of the year
INSERT INTO insp_item(id, programme_id, org_id, member_id, kind, planned_from, planned_to,
 content, recorded_by)
 SELECT tc.i, p.id, tc.org, tc.member, 'plan', tc.on_d, tc.on_d + 30, 'Kiểm tra theo kế hoạch',
  'bench'
 FROM tc JOIN insp_programme p ON p.org_id = tc.body_org AND p.body = tc.body
  AND p.kind = 'inspection' AND p.year = CAST(strftime('%Y', tc.on_d * 86400, 'unixepoch') AS INTEGER)
 WHERE tc.kind = 'plan' AND tc.i % 4 = 1;
INSERT INTO insp_case(org_id, item_id, member_id, body_org_id, body, kind, decision_no,
 decision_on, team, period_from, period_to, content, findings, state, conclusion, concluded_on,
 notified_on, recorded_by)
 SELECT tc.org, (SELECT id FROM insp_item WHERE id = tc.i), tc.member, tc.body_org, tc.body,
  tc.kind, tc.i || '-QĐ/' || CASE tc.body WHEN 'inspection' THEN 'UBKT' ELSE 'ĐU' END, tc.on_d,
  'Tổ kiểm tra', tc.on_d, tc.on_d + 20 + tc.i % 40, 'bench', '',
  CASE WHEN tc.concl IS NULL THEN 'open' WHEN tc.i % 17 = 0 THEN 'concluded' ELSE 'closed' END,
  tc.concl, CASE WHEN tc.concl IS NOT NULL THEN tc.on_d + 25 END,
  CASE WHEN tc.concl IS NOT NULL AND tc.i % 17 <> 0 THEN tc.on_d + 30 END, 'bench'
 FROM tc ORDER BY tc.i;
-- discipline
CREATE TEMP TABLE td(i INTEGER PRIMARY KEY, org INTEGER, member INTEGER, body_org INTEGER,
 on_d INTEGER);
INSERT INTO td SELECT n.i, og.id, CASE WHEN n.i % 20 <> 0 THEN og.m1 END, og.parent,
 (SELECT v FROM d WHERE name = 'from') + (n.i * 104729) % (SELECT v FROM d WHERE name = 'span')
 FROM n JOIN og ON og.rn = (n.i * 13) % (SELECT count(*) FROM k) + 1 WHERE n.i <= $n_disc;
INSERT INTO discipline(member_id, org_id, form, decided_on, body_org_id, reason, recorded_by,
 act_on, decision_no, body, notified_on, effective_on, state, ended_on)
 SELECT td.member, td.org,
  CASE WHEN td.member IS NULL THEN CASE WHEN td.i % 60 = 0 THEN 'dissolution'
   WHEN td.i % 3 = 0 THEN 'warning' ELSE 'reprimand' END
  ELSE CASE td.i % 10 WHEN 6 THEN 'warning' WHEN 7 THEN 'warning' WHEN 8 THEN 'removal'
   WHEN 9 THEN 'expulsion' ELSE 'reprimand' END END,
  td.on_d, td.body_org, 'bench', 'bench', td.on_d - 90, td.i || '-QĐ/KL',
  CASE WHEN td.i % 5 = 0 THEN 'inspection' ELSE 'committee' END, td.on_d + 5, td.on_d,
  CASE WHEN td.i % 25 = 0 THEN 'annulled' WHEN td.i % 33 = 0 THEN 'changed' ELSE 'in_force' END,
  CASE WHEN td.i % 25 = 0 OR td.i % 33 = 0 THEN td.on_d + 60 END
 FROM td ORDER BY td.i;
-- the changed ones' new decisions (a lighter form, by the body above)
INSERT INTO discipline(member_id, org_id, form, decided_on, body_org_id, reason, recorded_by,
 act_on, decision_no, body, notified_on, effective_on, state, replaces_id)
 SELECT x.member_id, x.org_id, 'reprimand', x.ended_on,
  coalesce((SELECT parent_id FROM org WHERE id = x.body_org_id), x.body_org_id), 'bench',
  'bench', x.act_on, x.id || '-QĐ/GQKN', 'committee', x.ended_on + 5, x.ended_on, 'in_force', x.id
 FROM discipline x WHERE x.state = 'changed' AND x.recorded_by = 'bench';
-- complaints against discipline, then denunciations
INSERT INTO complaint(kind, discipline_id, org_id, member_id, from_name, to_body_org_id,
 lodged_on, content, due_on, state, outcome, settled_on, settlement_no, recorded_by)
 SELECT 'complaint', x.id, x.org_id, x.member_id, '', coalesce((SELECT parent_id FROM org WHERE
  id = x.body_org_id), x.body_org_id), x.decided_on + 10, 'bench', x.decided_on + 100,
  CASE WHEN x.id % 10 < 7 THEN 'settled' WHEN x.id % 10 = 7 THEN 'withdrawn' ELSE 'open' END,
  CASE WHEN x.id % 10 < 7 THEN CASE x.id % 4 WHEN 0 THEN 'kept' WHEN 1 THEN 'reduced'
   WHEN 2 THEN 'annulled' ELSE 'raised' END END,
  CASE WHEN x.id % 10 < 7 THEN x.decided_on + 40 + x.id % 80 END,
  CASE WHEN x.id % 10 < 7 THEN x.id || '-QĐ/GQKN' ELSE '' END, 'bench'
 FROM discipline x WHERE x.recorded_by = 'bench' AND x.replaces_id IS NULL
 ORDER BY x.id LIMIT $n_compl;
INSERT INTO complaint(kind, org_id, member_id, from_name, to_body_org_id, lodged_on, content,
 due_on, state, outcome, settled_on, settlement_no, recorded_by)
 SELECT 'denunciation', og.id, CASE WHEN n.i % 2 = 0 THEN og.m1 END, 'Công dân', og.parent,
  (SELECT v FROM d WHERE name = 'from') + (n.i * 6007) % (SELECT v FROM d WHERE name = 'span'),
  'bench',
  (SELECT v FROM d WHERE name = 'from') + (n.i * 6007) % (SELECT v FROM d WHERE name = 'span') + 60,
  CASE WHEN n.i % 10 < 7 THEN 'settled' ELSE 'open' END,
  CASE WHEN n.i % 10 < 7 THEN CASE n.i % 3 WHEN 0 THEN 'founded' WHEN 1 THEN 'partly_founded'
   ELSE 'unfounded' END END,
  CASE WHEN n.i % 10 < 7 THEN (SELECT v FROM d WHERE name = 'from') + (n.i * 6007) %
   (SELECT v FROM d WHERE name = 'span') + 30 END, '', 'bench'
 FROM n JOIN og ON og.rn = (n.i * 31) % (SELECT count(*) FROM k) + 1 WHERE n.i <= $n_denun;
COMMIT;
SQL
	build/bench/insp_bench --db "$db" --gen "$gen"
	rm -f "$gen"
	sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE" >/dev/null
	t1=$(date +%s.%N)
	echo "insp_gen seconds=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')" \
		"$(sqlite3 "$db" "SELECT 'programmes=' || (SELECT count(*) FROM insp_programme) ||
		' items=' || (SELECT count(*) FROM insp_item) ||
		' cases=' || (SELECT count(*) FROM insp_case) ||
		' discipline=' || (SELECT count(*) FROM discipline) ||
		' complaints=' || (SELECT count(*) FROM complaint) ||
		' counters=' || (SELECT count(*) FROM insp_fig)")" | tee -a "$out.raw"
fi

build/bench/insp_bench --db "$db" --reps "$reps" --plain-reps "${BENCH_INSP_PLAIN_REPS:-3}" \
	--provinces "$provinces" --from 2020-01-01 --to "$today" |
	tee -a "$out.raw" | tee "$out.tmp"
awk '
function v(line, key,   i, n, f) { n = split(line, f, " "); for (i = 1; i <= n; i++)
	if (index(f[i], key "=") == 1) return substr(f[i], length(key) + 2); return "" }
/^cadre insp_country / { cc = v($0, "median_ms"); c9 = v($0, "p90_ms"); ccc = v($0, "cpu_median_ms"); cn = v($0, "cells") }
/^plain insp_country / { pc = v($0, "median_ms"); p9 = v($0, "p90_ms"); pn = v($0, "cells") }
/^cadre insp_province / { cp = v($0, "median_ms"); cp9 = v($0, "p90_ms"); cpc = v($0, "cpu_median_ms") }
/^plain insp_province / { pp = v($0, "median_ms"); pp9 = v($0, "p90_ms") }
/^check / { ok = v($0, "same") }
END {
	printf "\nInspection: the footnote-7 report 2020 to date (app_insp_fig, in process; %s records counted for the country)\n", cn
	printf "  wall ms, median (p90)\n"
	printf "  %-36s %20s %20s %8s\n", "", "cadre", "plain", "goal"
	printf "  %-36s %11s (%6s) %11s (%6s) %8s\n", "the whole country", cc, c9, pc, p9, "< 100"
	printf "  %-36s %11s (%6s) %11s (%6s) %8s\n", "a province (all provinces runs)", cp, cp9, pp, pp9, "< 5"
	if (ok != "1" || cn != pn) { printf "  MISMATCH: cadre %s, plain %s\n", cn, pn; exit 1 }
	printf "  both ways give every cell the same\n"
}' "$out.tmp" | tee -a "$out"
rm -f "$out.tmp"
