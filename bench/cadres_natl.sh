#!/bin/bash
# bench/cadres_natl.sh: key cadres (issue 13, docs/cadres.md) at national scale: generate the
# cadres' records on a copy of a national database, then time the vacancy report of the whole
# country and of provinces, cadre beside the plain SQL way (bench/vac_bench.c).
#
# Usage: bench/cadres_natl.sh SRC_DB DB [RESULTS] [PROVINCES]
#   SRC_DB  a database with a national roll (never written: copied to DB when DB is missing)
#   DB      the database to generate into and measure (kept: the cadre's sheet bench runs on
#           it too); generation is skipped when DB already holds holdings
#   RESULTS gets the table appended (RESULTS.raw the raw lines); PROVINCES defaults to
#           P014,P179,P325,P415,P577
# BENCH_REPS (21) runs of cadre after a warm-up, BENCH_VAC_PLAIN_REPS (3) of the plain way
# (the country's takes about 10 s a run).
#
# The copy is migrated with build/cadre, then one transaction of INSERT ... SELECT writes, as
# of CADRE_TODAY (default today): a committee for every organisation for the term started
# 2025-06-01 (cells 3 seats, sub-committees 5, grassroots 9 with 3 standing, committees 15
# with 5 standing; the grassroots and committees a previous term too), seated from the roll
# of the first organisation of its subtree holding members, one committee in twelve a seat
# short; key positions for every organisation (cells and sub-committees: secretary and
# deputy secretary; grassroots and committees: those and commander, commissar, inspection
# chair, plus a deputy commander that is not key), each with one or two earlier holders
# ended and, for one in twenty, no holder since (vacant), one in twenty an acting holder, the
# rest a full holder (one holder in 400 leaves the rolls: removed, through `cadre member status`); a planning
# period 2025-2030 with version 1 for every organisation above the cells, three ranked
# successors for each of their key positions and one for two cells' secretaries in five;
# training records for one member in eleven; flags border (provinces whose number ends in 3)
# and difficult (ending in 7) on every organisation of those provinces' subtrees.
# Goals: the whole country's report under 100 ms, a province's under 5 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$1
db=$2
out=${3:-/dev/null}
provinces=${4:-P014,P179,P325,P415,P577}
reps=${BENCH_REPS:-21}
today=${CADRE_TODAY:-$(date -u +%F)}

make -s build/cadre build/bench/vac_bench
if [ ! -f "$db" ]; then
	echo "bench: copying $src to $db ..."
	sqlite3 "$src" ".backup '$db'"
	[ -f "$src.auditkey" ] && cp "$src.auditkey" "$db.auditkey"
fi
[ -f "$db.auditkey" ] && export CADRE_AUDIT_KEY_FILE=$db.auditkey
build/cadre --db "$db" --quiet rules >/dev/null # the migrations this tree adds

held=$(sqlite3 "$db" "SELECT count(*) FROM holding")
if [ "$held" = 0 ]; then
	echo "bench: generating the key cadres' records ..."
	t0=$(date +%s.%N)
	sqlite3 -bail "$db" <<SQL
PRAGMA journal_mode = WAL;
PRAGMA cache_size = -1048576;
PRAGMA temp_store = MEMORY;
BEGIN;
CREATE TEMP TABLE d(name TEXT PRIMARY KEY, v INTEGER);
INSERT INTO d VALUES
 ('today', CAST(julianday('$today') - 2440587.5 AS INTEGER)),
 ('pos_from', CAST(julianday('2015-01-01') - 2440587.5 AS INTEGER)),
 ('h0_from', CAST(julianday('2015-03-01') - 2440587.5 AS INTEGER)),
 ('h1_from', CAST(julianday('2018-01-15') - 2440587.5 AS INTEGER)),
 ('cur_from', CAST(julianday('2021-03-01') - 2440587.5 AS INTEGER)),
 ('acting_from', CAST(julianday('2023-05-01') - 2440587.5 AS INTEGER)),
 ('left_on', CAST(julianday('2026-06-01') - 2440587.5 AS INTEGER)),
 ('term', CAST(julianday('2025-06-01') - 2440587.5 AS INTEGER)),
 ('term_end', CAST(julianday('2030-06-01') - 2440587.5 AS INTEGER)),
 ('prev_term', CAST(julianday('2020-06-01') - 2440587.5 AS INTEGER)),
 ('flag_from', CAST(julianday('2020-01-01') - 2440587.5 AS INTEGER)),
 ('plan_on', CAST(julianday('2025-09-01') - 2440587.5 AS INTEGER));
-- the first 96 members (by id) of each organisation holding members, and for every
-- organisation the first organisation of its subtree holding members: where its cadres and
-- committee members come from (slot = depth * 16 + n keeps the levels apart)
CREATE TEMP TABLE om(org_id INTEGER, rn INTEGER, member_id INTEGER, PRIMARY KEY (org_id, rn))
 WITHOUT ROWID;
INSERT INTO om SELECT org_id, rn, id FROM (SELECT org_id, id,
 row_number() OVER (PARTITION BY org_id ORDER BY id) AS rn FROM member) WHERE rn <= 96;
CREATE TEMP TABLE cnt(org_id INTEGER PRIMARY KEY, n INTEGER);
INSERT INTO cnt SELECT org_id, max(rn) FROM om GROUP BY org_id;
CREATE TEMP TABLE wm(pre INTEGER PRIMARY KEY, org_id INTEGER, n INTEGER);
INSERT INTO wm SELECT o.pre, o.id, c.n FROM org o JOIN cnt c ON c.org_id = o.id WHERE c.n >= 15;
CREATE TEMP TABLE src(org_id INTEGER PRIMARY KEY, from_org INTEGER, n INTEGER, depth INTEGER,
 kind TEXT, parent INTEGER);
INSERT INTO src SELECT o.id, w.org_id, w.n, o.depth, o.kind, coalesce(o.parent_id, o.id)
 FROM org o JOIN wm w ON w.pre = (SELECT min(x.pre) FROM wm x WHERE x.pre BETWEEN o.pre AND
 o.last) WHERE o.dissolved IS NULL;

-- flags
INSERT INTO org_flag(org_id, flag, valid_from, decision, recorded_by)
 SELECT o.id, CASE WHEN substr(p.code, -1) = '3' THEN 'border' ELSE 'difficult' END,
  (SELECT v FROM d WHERE name = 'flag_from'), 'QĐ bench', 'bench'
 FROM org p JOIN org o ON o.pre BETWEEN p.pre AND p.last
 WHERE p.depth = 2 AND p.code GLOB 'P*' AND substr(p.code, -1) IN ('3', '7');

-- positions: the key posts of each level and a deputy commander that is not key
CREATE TEMP TABLE pk(org_kind TEXT, kind TEXT, k INTEGER);
INSERT INTO pk VALUES ('cell', 'secretary', 1), ('cell', 'deputy_secretary', 2),
 ('subcommittee', 'secretary', 1), ('subcommittee', 'deputy_secretary', 2);
INSERT INTO pk SELECT x.column1, y.column1, y.column2 FROM (VALUES ('grassroots'),
 ('committee')) x, (VALUES ('secretary', 1), ('deputy_secretary', 2), ('inspection_chair', 5),
 ('commander', 7), ('commissar', 8), ('deputy_commander', 3)) y;
INSERT INTO position(org_id, kind, is_key, seats, valid_from, created_by)
 SELECT s.org_id, pk.kind, k.key, 1, (SELECT v FROM d WHERE name = 'pos_from'), 'bench'
 FROM src s JOIN pk ON pk.org_kind = s.kind JOIN position_kind k ON k.code = pk.kind
 ORDER BY s.org_id, pk.k;

-- holdings: earlier holders ended, then the current one (full, acting, or none)
CREATE TEMP TABLE ph(position_id INTEGER PRIMARY KEY, org_id INTEGER, from_org INTEGER,
 n INTEGER, slot INTEGER, body INTEGER);
INSERT INTO ph SELECT p.id, p.org_id, s.from_org, s.n, s.depth * 16 + pk.k, s.parent
 FROM position p JOIN src s ON s.org_id = p.org_id JOIN pk ON pk.org_kind = s.kind
 AND pk.kind = p.kind;
INSERT INTO holding(position_id, member_id, acting, valid_from, valid_to, how, decision,
 decided_on, body_org_id, end_how, end_reason, end_decision, end_decided_on, end_body_org_id,
 recorded_by)
 SELECT ph.position_id, om.member_id, 0, d0.v, d1.v, 'appoint', 'QĐ-' || ph.position_id || '/a',
  d0.v, ph.body, 'dismiss', 'hết nhiệm kỳ', 'QĐ-' || ph.position_id || '/b', d1.v, ph.body,
  'bench'
 FROM ph JOIN om ON om.org_id = ph.from_org AND om.rn = ph.slot % ph.n + 1
 JOIN d d0 ON d0.name = 'h0_from' JOIN d d1 ON d1.name = 'h1_from'
 WHERE ph.position_id % 2 = 0;
INSERT INTO holding(position_id, member_id, acting, valid_from, valid_to, how, decision,
 decided_on, body_org_id, end_how, end_reason, end_decision, end_decided_on, end_body_org_id,
 recorded_by)
 SELECT ph.position_id, om.member_id, 0, d0.v, d1.v, 'appoint', 'QĐ-' || ph.position_id || '/c',
  d0.v, ph.body, 'dismiss', 'chuyển công tác', 'QĐ-' || ph.position_id || '/d', d1.v, ph.body,
  'bench'
 FROM ph JOIN om ON om.org_id = ph.from_org AND om.rn = (ph.slot + 7) % ph.n + 1
 JOIN d d0 ON d0.name = 'h1_from' JOIN d d1 ON d1.name = 'cur_from';
INSERT INTO holding(position_id, member_id, acting, valid_from, how, decision, decided_on,
 body_org_id, recorded_by)
 SELECT ph.position_id, om.member_id, ph.position_id % 20 = 1,
  CASE WHEN ph.position_id % 20 = 1 THEN da.v ELSE dc.v END, 'appoint',
  'QĐ-' || ph.position_id || '/e', CASE WHEN ph.position_id % 20 = 1 THEN da.v ELSE dc.v END,
  ph.body, 'bench'
 FROM ph JOIN om ON om.org_id = ph.from_org AND om.rn = (ph.slot - 1) % ph.n + 1
 JOIN d dc ON dc.name = 'cur_from' JOIN d da ON da.name = 'acting_from'
 WHERE ph.position_id % 20 <> 0;

-- committees of the current term (and the previous one above the cells), seated
INSERT INTO committee(org_id, term_start, term_end, seats, standing_seats, decision,
 body_org_id, created_by)
 SELECT s.org_id, t.v, te.v,
  CASE s.kind WHEN 'cell' THEN 3 WHEN 'subcommittee' THEN 5 WHEN 'grassroots' THEN 9 ELSE 15 END,
  CASE s.kind WHEN 'grassroots' THEN 3 WHEN 'committee' THEN 5 ELSE 0 END,
  'NQ bench', s.parent, 'bench'
 FROM src s JOIN d t ON t.name = 'term' JOIN d te ON te.name = 'term_end';
INSERT INTO committee(org_id, term_start, term_end, seats, standing_seats, decision,
 body_org_id, created_by)
 SELECT s.org_id, t.v, te.v, CASE s.kind WHEN 'grassroots' THEN 9 ELSE 15 END,
  CASE s.kind WHEN 'grassroots' THEN 3 ELSE 5 END, 'NQ bench', s.parent, 'bench'
 FROM src s JOIN d t ON t.name = 'prev_term' JOIN d te ON te.name = 'term'
 WHERE s.kind IN ('grassroots', 'committee');
CREATE TEMP TABLE n(i INTEGER PRIMARY KEY);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 15)
 INSERT INTO n SELECT i FROM c;
INSERT INTO committee_member(committee_id, member_id, role, valid_from, valid_to, how,
 decision, end_reason, recorded_by)
 SELECT c.id, om.member_id,
  CASE WHEN n.i = 1 THEN 'secretary' WHEN n.i = 2 THEN 'deputy_secretary'
   WHEN n.i <= c.standing_seats THEN 'standing_member' ELSE 'member' END,
  c.term_start, CASE WHEN c.term_end <= t.v THEN c.term_end END, 'election', '',
  CASE WHEN c.term_end <= t.v THEN 'hết nhiệm kỳ' END, 'bench'
 FROM committee c JOIN src s ON s.org_id = c.org_id JOIN d t ON t.name = 'term'
 JOIN n ON n.i <= c.seats - (c.org_id % 12 = 0 AND c.term_end > t.v)
 JOIN om ON om.org_id = s.from_org AND om.rn = (s.depth * 16 + n.i - 1) % s.n + 1;

-- planning: period 2025-2030, version 1 of every organisation above the cells
INSERT INTO plan_period(code, from_year, to_year, created_by) VALUES ('2025-2030', 2025, 2030, 'bench');
INSERT INTO plan_version(period_id, org_id, version, year, decision, decided_on, body_org_id,
 created_by)
 SELECT (SELECT id FROM plan_period WHERE code = '2025-2030'), s.org_id, 1, 2025,
  'QĐ quy hoạch bench', d.v, s.parent, 'bench' FROM src s JOIN d ON d.name = 'plan_on'
 WHERE s.kind <> 'cell';
INSERT INTO plan_successor(period_id, position_id, member_id, rank, from_version, added_reason,
 recorded_by)
 SELECT (SELECT id FROM plan_period WHERE code = '2025-2030'), ph.position_id, om.member_id,
  r.i, 1, 'bench', 'bench'
 FROM ph JOIN position p ON p.id = ph.position_id AND p.is_key = 1
 JOIN src s ON s.org_id = ph.org_id JOIN n r ON r.i <= 3
 JOIN om ON om.org_id = ph.from_org
  AND om.rn = ((ph.slot / 16) * 16 + 8 + (ph.slot % 16 + r.i) % 8) % ph.n + 1
 WHERE s.kind <> 'cell'
 UNION ALL
 SELECT (SELECT id FROM plan_period WHERE code = '2025-2030'), ph.position_id, om.member_id,
  1, 1, 'bench', 'bench'
 FROM ph JOIN position p ON p.id = ph.position_id AND p.kind = 'secretary'
 JOIN src s ON s.org_id = ph.org_id
 JOIN om ON om.org_id = ph.from_org AND om.rn = ((ph.slot / 16) * 16 + 8) % ph.n + 1
 WHERE s.kind = 'cell' AND ph.org_id % 5 < 2;

-- training: one member in eleven
INSERT INTO training(member_id, org_id, course, school, kind, from_date, to_date, result,
 certificate, recorded_by)
 SELECT m.id, m.org_id,
  CASE m.id % 4 WHEN 0 THEN 'Trung cấp lý luận chính trị' WHEN 1 THEN 'Bồi dưỡng cán bộ chủ trì'
   WHEN 2 THEN 'Chỉ huy tham mưu cấp phân đội' ELSE 'Bồi dưỡng nghiệp vụ công tác đảng' END,
  CASE m.id % 3 WHEN 0 THEN 'Học viện Chính trị' WHEN 1 THEN 'Trường Quân sự Quân khu 2'
   ELSE 'Trường Sĩ quan Chính trị' END,
  CASE m.id % 4 WHEN 0 THEN 'long_term' WHEN 1 THEN 'in_service' WHEN 2 THEN 'school'
   ELSE 'short' END,
  d.v - 400 - m.id % 2000, d.v - 300 - m.id % 2000, 'Khá', 'CC-' || m.id, 'bench'
 FROM member m JOIN d ON d.name = 'today' WHERE m.id % 11 = 0;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
	# one holder in 400 leaves the rolls (removed), through cadre: the member's kept
	# figures follow
	for m in $(sqlite3 "$db" "SELECT DISTINCT member_id FROM holding WHERE valid_to IS NULL
		AND id % 400 = 0"); do
		build/cadre --db "$db" --quiet member status "$m" removed --date 2026-06-01 \
			--reason bench >/dev/null
	done
	sqlite3 "$db" "ANALYZE" >/dev/null
	t1=$(date +%s.%N)
	echo "cadres_gen seconds=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')" \
		"$(sqlite3 "$db" "SELECT 'committees=' || (SELECT count(*) FROM committee) ||
		' seats=' || (SELECT count(*) FROM committee_member) ||
		' positions=' || (SELECT count(*) FROM position) ||
		' holdings=' || (SELECT count(*) FROM holding) ||
		' successors=' || (SELECT count(*) FROM plan_successor) ||
		' training=' || (SELECT count(*) FROM training) ||
		' flags=' || (SELECT count(*) FROM org_flag)")" | tee -a "$out.raw"
fi

build/bench/vac_bench --db "$db" --reps "$reps" --plain-reps "${BENCH_VAC_PLAIN_REPS:-3}" \
	--provinces "$provinces" --as-of "$today" |
	tee -a "$out.raw" | tee "$out.tmp"
awk '
function v(line, key,   i, n, f) { n = split(line, f, " "); for (i = 1; i <= n; i++)
	if (index(f[i], key "=") == 1) return substr(f[i], length(key) + 2); return "" }
/^cadre vac_country / { cc = v($0, "median_ms"); ccc = v($0, "cpu_median_ms"); cr = v($0, "rows") }
/^plain vac_country / { pc = v($0, "median_ms"); pcc = v($0, "cpu_median_ms"); pr = v($0, "rows") }
/^cadre vac_province / { cp = v($0, "median_ms"); cpc = v($0, "cpu_median_ms") }
/^plain vac_province / { pp = v($0, "median_ms"); ppc = v($0, "cpu_median_ms") }
/^check / { ok = v($0, "same") }
END {
	printf "\nKey cadres: the vacancy report (app_vacancies, in process; %s rows for the country)\n", cr
	printf "  medians, wall (processor) ms\n"
	printf "  %-36s %20s %22s %8s\n", "", "cadre", "plain", "goal"
	printf "  %-36s %11s (%6s) %13s (%6s) %8s\n", "the whole country", cc, ccc, pc, pcc, "< 100"
	printf "  %-36s %11s (%6s) %13s (%6s) %8s\n", "a province (all provinces runs)", cp, cpc, pp, ppc, "< 5"
	if (ok != "1" || cr != pr) { printf "  MISMATCH: cadre %s rows, plain %s\n", cr, pr; exit 1 }
	printf "  both ways give the same rows\n"
}' "$out.tmp" | tee -a "$out"
rm -f "$out.tmp"
