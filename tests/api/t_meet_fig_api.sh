#!/bin/bash
# t_meet_fig_api.sh - the meeting figures in the API (api_meet_fig.c; docs/meetings.md "Figures
# in the API"): GET /api/v1/orgs/{code}/meeting-figures and the lists behind it (.../cells
# ?show=cells|missed_monthly|missed_thematic, .../absentees?year=) as JSON, CSV and XLSX, on a
# small fixture of hand-placed meetings with every number worked by hand; the report's JSON
# carries the meeting table with the rows' filters.
. "$(dirname "$0")/lib_api.sh"

# CADRE_TODAY is 2026-11-23: months counted are January to October 2026 (November has not
# ended), quarters Q1 to Q3.
FX=$WORK/fx.db
http_fixture "$FX"
MF=$WORK/mf.db
cp "$FX" "$MF"
DB=$MF
madd A1C "Lê Văn Vắng"
MEMBER_A2=$MID
[ -n "$MEMBER_A2" ] || fail "fixture: a second member of A1C" "an id" "$ERR"
# A1C (MEMBER_A, MEMBER_A2): monthly meetings on the 15th of January to October but June (9
#   held); thematic on 02-20 (Q1) and 08-20 (Q3), none in Q2. MEMBER_A present at the nine;
#   MEMBER_A2 absent without reason January to April (4 times), present after.
# B1C (MEMBER_B): monthly on the 5th of January to October (10), thematic on 03-10, 05-10 and
#   09-10 (one a quarter); MEMBER_B absent without reason in January and February (2 times),
#   present after. A cancelled monthly meeting of B1C in November counts for nothing.
# Attendance is recorded at monthly meetings only.
sqlite3 "$MF" >/dev/null <<SQL || fail "fixture: the meetings" "inserted" "sqlite3 failed"
CREATE TEMP TABLE plan(org TEXT, d TEXT, kind TEXT, state TEXT);
INSERT INTO plan VALUES
 ('A1C','2026-01-15','monthly','held'),('A1C','2026-02-15','monthly','held'),
 ('A1C','2026-03-15','monthly','held'),('A1C','2026-04-15','monthly','held'),
 ('A1C','2026-05-15','monthly','held'),('A1C','2026-07-15','monthly','held'),
 ('A1C','2026-08-15','monthly','held'),('A1C','2026-09-15','monthly','held'),
 ('A1C','2026-10-15','monthly','held'),
 ('A1C','2026-02-20','thematic','held'),('A1C','2026-08-20','thematic','held'),
 ('B1C','2026-01-05','monthly','held'),('B1C','2026-02-05','monthly','held'),
 ('B1C','2026-03-05','monthly','held'),('B1C','2026-04-05','monthly','held'),
 ('B1C','2026-05-05','monthly','held'),('B1C','2026-06-05','monthly','held'),
 ('B1C','2026-07-05','monthly','held'),('B1C','2026-08-05','monthly','held'),
 ('B1C','2026-09-05','monthly','held'),('B1C','2026-10-05','monthly','held'),
 ('B1C','2026-11-05','monthly','cancelled'),
 ('B1C','2026-03-10','thematic','held'),('B1C','2026-05-10','thematic','held'),
 ('B1C','2026-09-10','thematic','held');
INSERT INTO meeting(org_id, on_date, starts_min, ends_min, kind, topic, state, recorded_by)
 SELECT o.id, CAST(julianday(p.d) - 2440587.5 AS INTEGER), 480, 600, p.kind, 'x', p.state, 'test'
 FROM plan p JOIN org o ON o.code = p.org;
INSERT INTO meeting_attendance(meeting_id, member_id, status, reason)
 SELECT m.id, $MEMBER_A, 'present', '' FROM meeting m JOIN org o ON o.id = m.org_id
  WHERE o.code = 'A1C' AND m.kind = 'monthly';
INSERT INTO meeting_attendance(meeting_id, member_id, status, reason)
 SELECT m.id, $MEMBER_A2,
  CASE WHEN date(m.on_date * 86400, 'unixepoch') < '2026-05-01' THEN 'absent' ELSE 'present' END, ''
 FROM meeting m JOIN org o ON o.id = m.org_id WHERE o.code = 'A1C' AND m.kind = 'monthly';
INSERT INTO meeting_attendance(meeting_id, member_id, status, reason)
 SELECT m.id, $MEMBER_B,
  CASE WHEN date(m.on_date * 86400, 'unixepoch') < '2026-03-01' THEN 'absent' ELSE 'present' END, ''
 FROM meeting m JOIN org o ON o.id = m.org_id
  WHERE o.code = 'B1C' AND m.kind = 'monthly' AND m.state = 'held';
SQL

# ---------------------------------------------------------------------------------------------
tcase "the figures of the whole tree and of a branch, worked by hand" "$MF"
server_start
TOKEN=$TOKEN_admin
api GET "/api/v1/orgs/ROOT/meeting-figures?from=2026-01-01&to=2026-11-23"
expect_status 200
expect_json 'd["org"] == "ROOT" and d["from"] == "2026-01-01" and d["to"] == "2026-11-23" and d["end"] == "2026-11-23"' "the period"
# Months January-October: A1C 9 of 10 (June missed), B1C 10 of 10.
expect_json '(d["cells"], d["cells_every_month"], d["cell_months"], d["cell_months_held"]) == (2, 1, 20, 19)' "monthly: 1 of 2 cells every month, 19 of 20 cell-months"
# Quarters Q1-Q3: A1C 2 of 3 (Q2 missed), B1C 3 of 3.
expect_json '(d["cells_q"], d["cells_every_quarter"], d["cell_quarters"], d["cell_quarters_thematic"]) == (2, 1, 6, 5)' "thematic: 1 of 2 cells every quarter, 5 of 6 cell-quarters"
# Held: A1C 9 + 2, B1C 10 + 3 (the cancelled one not).
expect_json '(d["meetings"], d["monthly"], d["thematic"]) == (24, 19, 5)' "meetings held 24: 19 monthly, 5 thematic"
# Expected: A1C 9 x 2 = 18, B1C 10; present A 9 + A2 5 + B 8 = 22; absent 4 + 2.
expect_json '(d["present"], d["expected"], d["excused"], d["absent"], d["attendance_percent"]) == (22, 28, 0, 6, "78.57")' "attendance 22 of 28 (78.57%)"
# MEMBER_A2 4 times (listed), MEMBER_B 2 (not): R-MEETING-ABSENT-MAX 3.
expect_json '(d["absent_max"], d["absentees"], d["year"]) == (3, 1, 2026)' "one member absent without reason 3 times or more"
expect_json 'd["behind"]["missed_monthly"] == "/api/v1/orgs/ROOT/meeting-figures/cells?show=missed_monthly&from=2026-01-01&to=2026-11-23" and d["behind"]["absentees"] == "/api/v1/orgs/ROOT/meeting-figures/absentees?year=2026"' "the addresses of the lists behind"
# The second quarter alone: April-June, one quarter.
api GET "/api/v1/orgs/ROOT/meeting-figures?from=2026-04-01&to=2026-06-30"
expect_json '(d["cell_months"], d["cell_months_held"], d["cell_quarters"], d["cell_quarters_thematic"]) == (6, 5, 2, 1)' "Q2: 5 of 6 cell-months, 1 of 2 cell-quarters"
# Q2 attendance: A1C April (A present, A2 absent), May (both present); B1C April-June present.
# Held: A1C April and May, B1C April to June and its thematic of 05-10.
expect_json '(d["present"], d["expected"], d["absent"], d["meetings"], d["thematic"]) == (6, 7, 1, 6, 1)' "Q2: 6 of 7 present; 6 meetings held, 1 thematic"
# A branch: A alone.
api GET "/api/v1/orgs/A/meeting-figures?from=2026-01-01&to=2026-11-23"
expect_json '(d["cells"], d["cells_every_month"], d["cell_months_held"], d["cell_months"], d["cell_quarters_thematic"], d["present"], d["expected"], d["absentees"]) == (1, 0, 9, 10, 2, 14, 18, 1)' "A: A1C alone"
# Defaults: 1 January of this year to today.
api GET "/api/v1/orgs/B/meeting-figures"
expect_json 'd["from"] == "2026-01-01" and d["to"] == "2026-11-23" and d["cells_every_month"] == 1 and d["absentees"] == 0' "B by default: this year, every month held, no absentee"
api GET "/api/v1/orgs/ROOT/meeting-figures?from=2026-05-01&to=2026-04-01"
expect_problem 422 to
api GET "/api/v1/orgs/ROOT/meeting-figures?from=2026-02-30"
expect_problem 400 from
api GET "/api/v1/orgs/ROOT/meeting-figures?year=2026"
expect_status 400
server_stop

# ---------------------------------------------------------------------------------------------
tcase "the lists behind: cells, the missed ones, the absentees; JSON, CSV, XLSX" "$MF"
server_start
TOKEN=$TOKEN_admin
api GET "/api/v1/orgs/ROOT/meeting-figures/cells?from=2026-01-01&to=2026-11-23"
expect_status 200
expect_json 'd["show"] == "cells" and d["total"] == 2 and [x["org"] for x in d["items"]] == ["A1C", "B1C"]' "every cell counted, in pre-order"
expect_json 'd["items"][0] == {"org": "A1C", "name": "Chi bộ Đại đội A1C", "months": 10, "months_held": 9, "first_missed_month": "2026-06", "quarters": 3, "quarters_thematic": 2, "first_missed_quarter": "2026-Q2", "meetings": 11, "present": 14, "expected": 18}' "A1C's line, worked by hand"
expect_json 'd["items"][1]["first_missed_month"] == "" and d["items"][1]["first_missed_quarter"] == "" and (d["items"][1]["meetings"], d["items"][1]["present"], d["items"][1]["expected"]) == (13, 8, 10)' "B1C's line: nothing missed"
api GET "/api/v1/orgs/ROOT/meeting-figures/cells?show=missed_monthly&from=2026-01-01&to=2026-11-23"
expect_json '[x["org"] for x in d["items"]] == ["A1C"] and d["total"] == 1' "the cells that missed a monthly meeting: A1C"
api GET "/api/v1/orgs/ROOT/meeting-figures/cells?show=missed_thematic&from=2026-01-01&to=2026-11-23"
expect_json '[(x["org"], x["first_missed_quarter"]) for x in d["items"]] == [("A1C", "2026-Q2")]' "the cells that missed a quarter's thematic meeting: A1C, from Q2"
api GET "/api/v1/orgs/ROOT/meeting-figures/cells?show=missed_thematic&from=2026-07-01&to=2026-09-30"
expect_json 'd["items"] == [] and d["total"] == 0' "Q3: no cell missed"
api GET "/api/v1/orgs/ROOT/meeting-figures/cells?from=2026-01-01&to=2026-11-23&limit=1&offset=1"
expect_json '[x["org"] for x in d["items"]] == ["B1C"] and d["total"] == 2' "a page of one"
api GET "/api/v1/orgs/ROOT/meeting-figures/absentees?year=2026"
expect_status 200
expect_json 'd["year"] == 2026 and d["absent_max"] == 3 and d["total"] == 1' "one absentee in 2026"
expect_json '(d["items"][0]["member_id"], d["items"][0]["name"], d["items"][0]["times"], d["items"][0]["last"], d["items"][0]["org"]) == ('"$MEMBER_A2"', "Lê Văn Vắng", 4, "2026-04-15", "A1C")' "MEMBER_A2: 4 times, last on 15 April, in A1C"
api GET "/api/v1/orgs/B/meeting-figures/absentees"
expect_json 'd["year"] == 2026 and d["items"] == []' "B: none (MEMBER_B was absent twice)"
api GET "/api/v1/orgs/ROOT/meeting-figures/absentees?year=2025"
expect_json 'd["items"] == []' "2025: none"
api GET "/api/v1/orgs/ROOT/meeting-figures/absentees?year=2027"
expect_problem 422 year
api GET "/api/v1/orgs/ROOT/meeting-figures/cells?show=absentees"
expect_problem 400 show
api GET "/api/v1/orgs/ROOT/meeting-figures/cells?format=pdf"
expect_problem 400 format
# Downloads.
api GET "/api/v1/orgs/ROOT/meeting-figures/cells?show=missed_monthly&from=2026-01-01&to=2026-11-23&format=csv"
expect_status 200
expect_eq "CSV content type" "text/csv; charset=utf-8" "$CTYPE"
cp "$OUTF" "$WORK/missed.csv"
expect_py 'rows("missed.csv") == [{"org": "A1C", "name": "Chi bộ Đại đội A1C", "months": "10", "months_held": "9", "first_missed_month": "2026-06", "quarters": "3", "quarters_thematic": "2", "first_missed_quarter": "2026-Q2", "meetings": "11", "present": "14", "expected": "18"}]' "the CSV of the missed monthly meetings"
api GET "/api/v1/orgs/ROOT/meeting-figures/absentees?year=2026" -H "Accept: text/csv"
cp "$OUTF" "$WORK/absent.csv"
expect_py '[(r["member_id"], r["name"], r["times"], r["last"], r["org"]) for r in rows("absent.csv")] == [("'"$MEMBER_A2"'", "Lê Văn Vắng", "4", "2026-04-15", "A1C")]' "the CSV of the absentees (by Accept)"
api GET "/api/v1/orgs/ROOT/meeting-figures/cells?format=xlsx"
expect_status 200
expect_eq "XLSX content type" "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" "$CTYPE"
cp "$OUTF" "$WORK/cells.xlsx"
expect_py 'read("cells.xlsx")[:2] == b"PK"' "an XLSX workbook"
api GET "/api/v1/audit?action=meeting_figures.export&limit=10"
expect_json 'len(d["items"]) == 3 and all(x["actor"] == "admin" for x in d["items"])' "one audit entry a download"
api GET "/api/v1/audit?action=report.meeting_absentees&limit=10"
expect_json 'len(d["items"]) >= 4' "the absentees' lists are audited"
server_stop

# ---------------------------------------------------------------------------------------------
tcase "the report's JSON carries the meeting table with the rows' filters" "$MF"
server_start
TOKEN=$TOKEN_admin
api GET "/api/v1/orgs/ROOT/report?year=2026"
expect_status 200
expect_json 'd["tables"]["meetings"]["rows"][0]["key"] == "cells_every_month"' "the meetings table"
expect_json '[(w["key"], w["count"]["count"], w["count"].get("base", 0), w["filter"]) for w in d["tables"]["meetings"]["rows"] if w["key"] in ("cells_every_month", "absentees", "attendance")] == [("cells_every_month", 1, 2, "meet_show=missed_monthly"), ("attendance", 22, 28, ""), ("absentees", 1, 0, "meet_show=absentees")]' "its counts and filters match the figures"
server_stop

done_testing
