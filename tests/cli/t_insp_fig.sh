#!/bin/bash
# t_insp_fig.sh - seed 004's footnote 7 from the command line (docs/inspection.md "The
# footnote-7 report"): 'cadre report inspection' on hand-placed cases, discipline and
# complaints, every cell worked by hand: the period's boundaries (a record on from and on to
# counted, the day before and after not), the subtree (a record outside not counted), an
# annulled discipline not counted and a changed one counted as its new decision, a complaint
# open past due as of the period's end; the counters after a conclusion, a state and a
# settlement change, an organisation moved and a deciding organisation's kind changed (always
# equal to the count from the rows over a period of whole months and one of edge days); the
# list behind a number (--filter, --json, --csv, --xlsx); the right.
. "$(dirname "$0")/lib.sh"

# ROOT > F1 (committee) > E98 (grassroots) > C1 (cell: members 1, 2, 3)
#                                         > S1 (subcommittee) > C2 (cell: member 4)
# ROOT > E99 (grassroots) > C31 (cell: member 5)
cat >orgs.csv <<'XEOF'
code,parent_code,name,kind,established
ROOT,,Quân ủy Trung ương,committee,2010-01-01
F1,ROOT,Đảng ủy Sư đoàn 1,committee,2010-01-01
E98,F1,Đảng ủy Trung đoàn 98,grassroots,2012-01-01
C1,E98,Chi bộ Đại đội 1,cell,2012-01-01
S1,E98,Đảng bộ bộ phận Tiểu đoàn 1,subcommittee,2012-01-01
C2,S1,Chi bộ Đại đội 2,cell,2012-01-01
E99,ROOT,Đảng ủy Trung đoàn 99,grassroots,2012-01-01
C31,E99,Chi bộ Đại đội 31,cell,2012-01-01
XEOF
{
	echo 'id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status,history_no'
	echo '1,C1,Nguyễn Văn An,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official,100001HG'
	echo '2,C1,Trần Văn Bình,male,1990-01-02,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official,100002HG'
	echo '3,C1,Lê Văn Cường,male,1990-01-03,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official,100003HG'
	echo '4,C2,Phạm Văn Dũng,male,1990-01-04,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official,100004HG'
	echo '5,C31,Lương Văn Tâm,male,1985-02-02,Kinh,Tuyên Quang,2010-03-01,2010-03-15,2011-03-15,official,100005HG'
} >members.csv
build_db "$WORK/base.db" orgs.csv members.csv

# sql_raw DB: run standard input's SQL with sqlite3; the triggers that call cadre's own SQL
# functions (the member figures' counters, which the sqlite3 shell lacks) are put aside for
# it and restored after. The footnote-7 counters are plain SQL and stay.
sql_raw() {
	local db=$1
	sqlite3 "$db" "SELECT sql || ';' FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%cadre\_%' ESCAPE '\\'" >"$WORK/trig.sql"
	{
		echo "BEGIN;"
		sqlite3 "$db" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%cadre\_%' ESCAPE '\\'"
		cat
		cat "$WORK/trig.sql"
		echo "COMMIT;"
	} | sqlite3 -bail "$db" >/dev/null || fail "sql_raw" "the SQL ran" "sqlite3 failed"
}

# The records. d(): a date as stored (days since 1970-01-01).
sql_raw "$WORK/base.db" <<'SQL'
CREATE TEMP TABLE o AS SELECT id, code FROM org;
-- cases: id, target org, member, body org, body, kind, decision date, conclusion
CREATE TEMP TABLE c(id INTEGER, org TEXT, member INTEGER, bodyorg TEXT, body TEXT, kind TEXT, d TEXT, concl TEXT, state TEXT);
INSERT INTO c VALUES
 (1, 'C1', NULL, 'E98', 'committee', 'plan', '2024-03-10', 'violation', 'closed'),
 (2, 'C1', NULL, 'E98', 'committee', 'plan', '2024-03-09', 'violation', 'closed'),
 (3, 'C1', 1, 'E98', 'inspection', 'signs', '2025-06-20', NULL, 'open'),
 (4, 'C1', 1, 'E98', 'inspection', 'signs', '2025-06-21', NULL, 'open'),
 (5, 'C1', 2, 'E98', 'committee', 'thematic', '2024-08-15', 'no_violation', 'notified'),
 (6, 'S1', NULL, 'E98', 'committee', 'discipline_exec', '2024-08-16', 'violation_discipline', 'concluded'),
 (7, 'C2', 4, 'S1', 'inspection', 'finance', '2024-09-01', 'no_violation', 'closed'),
 (8, 'C2', NULL, 'S1', 'inspection', 'regular', '2024-10-01', NULL, 'open'),
 (9, 'C1', NULL, 'E98', 'committee', 'signs', '2024-11-11', 'violation', 'concluded'),
 (10, 'C31', 5, 'E99', 'committee', 'plan', '2024-12-12', 'no_violation', 'closed'),
 (11, 'C1', NULL, 'E98', 'committee', 'plan', '2025-01-05', 'no_violation', 'closed');
INSERT INTO insp_case(id, org_id, member_id, body_org_id, body, kind, decision_no, decision_on,
 period_from, period_to, conclusion, state, recorded_by)
 SELECT c.id, o.id, c.member, b.id, c.body, c.kind, c.id || '-QĐ/UBKT',
  CAST(julianday(c.d) - 2440587.5 AS INTEGER), CAST(julianday(c.d) - 2440587.5 AS INTEGER),
  CAST(julianday(c.d) - 2440587.5 AS INTEGER) + 30, c.concl, c.state, 'test'
 FROM c JOIN o ON o.code = c.org JOIN o b ON b.code = c.bodyorg;
-- discipline: id, member (or NULL: the org), org, form, body org, body, date, state, replaces
CREATE TEMP TABLE d(id INTEGER, member INTEGER, org TEXT, form TEXT, bodyorg TEXT, body TEXT, dt TEXT, state TEXT, repl INTEGER);
INSERT INTO d VALUES
 (1, 1, 'C1', 'warning', 'E98', 'inspection', '2024-03-10', 'in_force', NULL),
 (2, 2, 'C1', 'reprimand', 'E98', 'committee', '2024-03-09', 'in_force', NULL),
 (3, 3, 'C1', 'reprimand', 'C1', 'committee', '2025-06-20', 'in_force', NULL),
 (4, 4, 'C2', 'reprimand', 'S1', 'committee', '2025-06-21', 'in_force', NULL),
 (5, NULL, 'C2', 'warning', 'F1', 'committee', '2024-07-07', 'in_force', NULL),
 (6, 2, 'C1', 'expulsion', 'E98', 'committee', '2024-09-09', 'annulled', NULL),
 (7, 1, 'C1', 'removal', 'F1', 'committee', '2024-10-10', 'changed', NULL),
 (8, 1, 'C1', 'warning', 'F1', 'inspection', '2024-12-01', 'in_force', 7),
 (9, 5, 'C31', 'reprimand', 'E99', 'committee', '2024-05-05', 'in_force', NULL);
INSERT INTO discipline(id, member_id, org_id, form, decided_on, body_org_id, reason, body, state,
 replaces_id, act_on, recorded_by)
 SELECT d.id, d.member, o.id, d.form, CAST(julianday(d.dt) - 2440587.5 AS INTEGER), b.id, 'x',
  d.body, d.state, d.repl, CAST(julianday(d.dt) - 2440587.5 AS INTEGER) - 30, 'test'
 FROM d JOIN o ON o.code = d.org JOIN o b ON b.code = d.bodyorg;
-- complaints: id, kind, member, org, lodged, due, state, outcome, settled
CREATE TEMP TABLE p(id INTEGER, kind TEXT, member INTEGER, org TEXT, lodged TEXT, due TEXT, state TEXT, outcome TEXT, settled TEXT);
INSERT INTO p VALUES
 (1, 'complaint', 1, 'C1', '2024-03-10', '2024-06-08', 'settled', 'kept', '2024-05-01'),
 (2, 'complaint', NULL, 'C2', '2024-03-09', '2024-06-07', 'settled', 'reduced', '2024-04-01'),
 (3, 'denunciation', 4, 'C2', '2025-06-20', '2025-08-19', 'open', NULL, NULL),
 (4, 'denunciation', NULL, 'C1', '2025-01-01', '2025-03-02', 'open', NULL, NULL),
 (5, 'complaint', 2, 'C1', '2025-02-01', '2025-05-02', 'settled', 'annulled', '2025-06-21'),
 (6, 'complaint', 5, 'C31', '2024-04-01', '2024-06-30', 'open', NULL, NULL),
 (7, 'denunciation', 3, 'C1', '2024-04-04', '2024-06-03', 'settled', 'partly_founded', '2024-05-05'),
 (8, 'denunciation', NULL, 'C1', '2024-06-06', '2024-08-05', 'withdrawn', NULL, NULL);
INSERT INTO complaint(id, kind, member_id, org_id, to_body_org_id, lodged_on, content, due_on,
 state, outcome, settled_on, recorded_by)
 SELECT p.id, p.kind, p.member, o.id, (SELECT id FROM org WHERE code = 'F1'),
  CAST(julianday(p.lodged) - 2440587.5 AS INTEGER), 'x',
  CAST(julianday(p.due) - 2440587.5 AS INTEGER), p.state, p.outcome,
  CAST(julianday(p.settled) - 2440587.5 AS INTEGER), 'test'
 FROM p JOIN o ON o.code = p.org;
SQL

# cells NAME: the non-zero cells of the last JSON report as "table/row/column=n" sorted, one
# line (every other cell is 0: comparing the whole line checks every cell).
cells() {
	json_val '" ".join(sorted("%s/%s/%s=%d" % (t, w["key"], c, w[c]["count"]) for t, x in d["tables"].items() for w in x["rows"] for c in [k["name"] for k in x["columns"]] if w[c]["count"]))'
	CELLS=$JV
}

# What F1's subtree counts for 2024-03-10 .. 2025-06-20 (by hand, from the tables above).
F1_CASES="insp_cases/committee.inspection.orgs/no_violation=1 insp_cases/committee.inspection.orgs/total=3 insp_cases/committee.inspection.orgs/violation=2 insp_cases/committee.signs.orgs/total=1 insp_cases/committee.signs.orgs/violation=1 insp_cases/committee.supervision.members/no_violation=1 insp_cases/committee.supervision.members/total=1 insp_cases/inspection.inspection.members/no_violation=1 insp_cases/inspection.inspection.members/total=1 insp_cases/inspection.signs.members/open=1 insp_cases/inspection.signs.members/total=1 insp_cases/inspection.supervision.orgs/open=1 insp_cases/inspection.supervision.orgs/total=1"
F1_COMPL="insp_complaints/complaint.members/overdue=1 insp_complaints/complaint.members/received=2 insp_complaints/complaint.members/settled=1 insp_complaints/complaint.orgs/settled=1 insp_complaints/denunciation.members/received=2 insp_complaints/denunciation.members/settled=1 insp_complaints/denunciation.orgs/overdue=1 insp_complaints/denunciation.orgs/received=2"
F1_DISC="insp_discipline/members.reprimand/cell=1 insp_discipline/members.reprimand/total=1 insp_discipline/members.warning/committee_inspection=1 insp_discipline/members.warning/grassroots_inspection=1 insp_discipline/members.warning/total=2 insp_discipline/orgs.warning/committee=1 insp_discipline/orgs.warning/total=1"
F1_SETTLE="insp_settlements/complaint.members/kept=1 insp_settlements/complaint.orgs/reduced=1 insp_settlements/denunciation.members/partly_founded=1"
sorted_words() { tr ' ' '\n' | sort | tr '\n' ' ' | sed 's/ $//'; }

tcase "F1 for 2024-03-10 .. 2025-06-20: every cell by hand" "$WORK/base.db"
expect_exit 0 --json report inspection --org F1 --from 2024-03-10 --to 2025-06-20
expect_json 'd["from"] == "2024-03-10" and d["to"] == "2025-06-20" and d["org"]["code"] == "F1"' "the period and the organisation"
expect_json 'list(d["tables"]) == ["insp_cases", "insp_discipline", "insp_complaints", "insp_settlements"]' "the four tables"
cells
expect_eq "every cell (cases on from and to counted, the day before/after not; E99's not; annulled not, changed as its new row; overdue as of to)" \
	"$(echo "$F1_CASES $F1_DISC $F1_COMPL $F1_SETTLE" | sorted_words)" "$CELLS"

tcase "the counters equal the rows for whole months, edge days and one day" "$WORK/base.db"
for period in "2024-03-01 2025-05-31" "2024-03-10 2025-06-20" "2024-08-16 2024-08-16" "2020-01-01 2026-11-23" "2024-03-11 2024-04-30"; do
	set -- $period
	expect_exit 0 --json report inspection --org ROOT --from "$1" --to "$2"
	cells
	fast=$CELLS
	# the same period one day at a time is counted from the rows alone (no whole month)
	python3 - "$DB" "$1" "$2" >"$WORK/plain.txt" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
f, t = sys.argv[2], sys.argv[3]
D = "CAST(julianday(?) - 2440587.5 AS INTEGER)"
out = []
acts = {"plan": "inspection", "discipline_exec": "inspection", "finance": "inspection", "signs": "signs", "regular": "supervision", "thematic": "supervision"}
cnt = {}
def add(k, n=1): cnt[k] = cnt.get(k, 0) + n
for body, kind, mem, concl in db.execute("SELECT body, kind, member_id, conclusion FROM insp_case WHERE decision_on BETWEEN %s AND %s" % (D, D), (f, t)):
    row = "%s.%s.%s" % (body, acts[kind], "members" if mem else "orgs")
    add("insp_cases/%s/total" % row)
    add("insp_cases/%s/%s" % (row, "open" if concl is None else "no_violation" if concl == "no_violation" else "violation"))
for mem, form, level, body in db.execute("SELECT d.member_id, d.form, b.kind, d.body FROM discipline d JOIN org b ON b.id = d.body_org_id WHERE d.state = 'in_force' AND d.decided_on BETWEEN %s AND %s" % (D, D), (f, t)):
    row = "%s.%s" % ("members" if mem else "orgs", form)
    add("insp_discipline/%s/total" % row)
    col = level if level in ("subcommittee", "cell") else level + ("_inspection" if body == "inspection" else "")
    add("insp_discipline/%s/%s" % (row, col))
for kind, mem in db.execute("SELECT kind, member_id FROM complaint WHERE lodged_on BETWEEN %s AND %s" % (D, D), (f, t)):
    add("insp_complaints/%s.%s/received" % (kind, "members" if mem else "orgs"))
for kind, mem, outc in db.execute("SELECT kind, member_id, outcome FROM complaint WHERE state = 'settled' AND settled_on BETWEEN %s AND %s" % (D, D), (f, t)):
    add("insp_complaints/%s.%s/settled" % (kind, "members" if mem else "orgs"))
    add("insp_settlements/%s.%s/%s" % (kind, "members" if mem else "orgs", outc))
for kind, mem in db.execute("SELECT kind, member_id FROM complaint WHERE lodged_on <= %s AND due_on < %s AND state <> 'withdrawn' AND (settled_on IS NULL OR settled_on > %s)" % (D, D, D), (t, t, t)):
    add("insp_complaints/%s.%s/overdue" % (kind, "members" if mem else "orgs"))
print(" ".join(sorted("%s=%d" % kv for kv in cnt.items() if kv[1])))
PY
	expect_eq "ROOT $1 .. $2: the counters and the rows agree" "$(cat "$WORK/plain.txt")" "$fast"
done

tcase "changes move the counters: a conclusion, a state, a settlement, a move, a kind" "$WORK/base.db"
sql_raw "$DB" <<'SQL'
UPDATE insp_case SET conclusion = 'violation', state = 'concluded' WHERE id = 8;
UPDATE discipline SET state = 'annulled' WHERE id = 5;
UPDATE complaint SET state = 'settled', outcome = 'unfounded', settled_on = CAST(julianday('2025-06-01') - 2440587.5 AS INTEGER) WHERE id = 4;
UPDATE org SET kind = 'committee' WHERE code = 'E98';
SQL
expect_exit 0 --json report inspection --org F1 --from 2024-03-10 --to 2025-06-20
json_val '[{w["key"]: w for w in d["tables"]["insp_cases"]["rows"]}["inspection.supervision.orgs"][c]["count"] for c in ("total", "violation", "no_violation", "open")]'
expect_eq "case 8 concluded with violation: from open to with violation" "[1, 1, 0, 0]" "$JV"
json_val '{w["key"]: w for w in d["tables"]["insp_discipline"]["rows"]}["orgs.warning"]["total"]["count"]'
expect_eq "C2's warning annulled: not counted" 0 "$JV"
json_val '[{w["key"]: w for w in d["tables"]["insp_discipline"]["rows"]}["members.warning"][c]["count"] for c in ("committee_inspection", "grassroots_inspection")]'
expect_eq "E98 now a committee: its inspection committee's warning counts there" "[2, 0]" "$JV"
json_val '[{w["key"]: w for w in d["tables"]["insp_complaints"]["rows"]}["denunciation.orgs"][c]["count"] for c in ("received", "settled", "overdue")]'
expect_eq "the denunciation of C1 settled before to: no longer overdue" "[2, 1, 0]" "$JV"
json_val '{w["key"]: w for w in d["tables"]["insp_settlements"]["rows"]}["denunciation.orgs"]["unfounded"]["count"]'
expect_eq "settled as unfounded" 1 "$JV"
# C1 moves under E99: its records leave F1's subtree and count in E99's
expect_exit 0 org move C1 --to E99 --date 2026-01-01
expect_exit 0 --json report inspection --org F1 --from 2024-03-10 --to 2025-06-20
json_val 'sum(w["total"]["count"] for w in d["tables"]["insp_cases"]["rows"])'
expect_eq "F1 keeps S1's and C2's cases (6, 7, 8)" 3 "$JV"
expect_exit 0 --json report inspection --org E99 --from 2024-03-10 --to 2025-06-20
json_val 'sum(w["total"]["count"] for w in d["tables"]["insp_cases"]["rows"])'
expect_eq "E99 counts C1's (1, 3, 5, 9, 11) and its own (10)" 6 "$JV"

tcase "the records behind a number" "$WORK/base.db"
expect_exit 0 --json report inspection-list --org F1 --from 2024-03-10 --to 2025-06-20 --filter "what=cases&body=committee&act=inspection&target=orgs&result=violation"
expect_json 'd["total"] == 2 and [r["id"] for r in d["rows"]] == [1, 6] and d["rows"][0]["doc_no"] == "1-QĐ/UBKT" and d["rows"][0]["org"] == "C1"' "cases 1 and 6, by date"
expect_exit 0 --json report inspection-list --org F1 --from 2024-03-10 --to 2025-06-20 --what discipline --target members
expect_json '[r["id"] for r in d["rows"]] == [1, 8, 3] and d["rows"][1]["kind"] == "warning" and d["rows"][1]["body"] == "inspection"' "in force: 1, 8 (the changed 7's new row), 3"
expect_exit 0 --json report inspection-list --org F1 --from 2024-03-10 --to 2025-06-20 --what complaints --stage overdue
expect_json '[r["id"] for r in d["rows"]] == [4, 5]' "open past due as of to: 4 and 5"
expect_exit 0 --json report inspection-list --org F1 --from 2024-03-10 --to 2025-06-20 --what complaints --stage settled --outcome kept
expect_json '[r["id"] for r in d["rows"]] == [1]' "settled as kept: 1"
expect_exit 0 --json report inspection-list --org F1 --from 2024-03-10 --to 2025-06-20 --what cases --limit 2 --offset 1
expect_json 'd["total"] == 8 and [r["id"] for r in d["rows"]] == [5, 6]' "a page: 2 from the second of 8 (1, 3, 5, 6, 7, 8, 9, 11)"
expect_exit 0 report inspection-list --org F1 --from 2024-03-10 --to 2025-06-20 --what cases --csv
expect_out_contains "id,date,org_code,org_name,member_id,member_name,body_org,body,kind,state,result,doc_no"
expect_out_contains "1,2024-03-10,C1,Chi bộ Đại đội 1,,,E98,committee,plan,closed,violation,1-QĐ/UBKT"
expect_exit 0 report inspection-list --org F1 --what discipline --xlsx "$WORK/l.xlsx"
expect_true "the list as a workbook" test -s "$WORK/l.xlsx"
expect_exit 0 --json report inspection-list --org ROOT --what late
expect_json '[r["id"] for r in d["rows"]] == [8, 3, 4]' "open past their period (CADRE_TODAY 2026-11-23), by the period's end: cases 8, 3, 4"
expect_refused 3 "what must be one of" report inspection-list --org F1 --what people
expect_refused 3 "form must be one of" report inspection-list --org F1 --what discipline --form fine

tcase "outputs and the period" "$WORK/base.db"
expect_exit 0 report inspection --org F1 --from 2024-03-10 --to 2025-06-20
expect_out_contains "period 2024-03-10 .. 2025-06-20"
expect_out_contains "inspection committees inspected party members on signs of violation"
expect_exit 0 report inspection --org F1 --csv
expect_out_contains "table,row_key,row_label,column,count,base,percent"
expect_out_contains "insp_cases,committee.signs.orgs,committees inspected party organisations on signs of violation,total,1,,"
expect_exit 0 report inspection --org F1 --xlsx "$WORK/r.xlsx"
expect_true "the workbook" test -s "$WORK/r.xlsx"
expect_exit 0 --json report inspection --org F1
expect_json 'd["from"] == "2020-01-01" and d["to"] == "2026-11-23"' "default: 2020 to date"
expect_refused 3 "before it starts" report inspection --org F1 --from 2025-01-01 --to 2024-01-01
expect_refused 3 "after today" report inspection --org F1 --to 2027-01-01
expect_refused 4 "no organisation has the code" report inspection --org NOPE

done_testing
