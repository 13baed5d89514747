#!/bin/bash
# t_insp_fig.sh - seed 004's footnote 7 in the API (docs/inspection.md "The footnote-7
# report"): GET /api/v1/reports/inspection on hand-placed records (the counts, the period's
# boundaries, the address of the list behind every number, CSV and XLSX, a period refused),
# and GET /api/v1/reports/inspection/list (the records of a number, a page at a time with its
# next page, CSV and XLSX, a bad filter refused, one audit entry a list).
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
tcase "the report and its lists" "$FX"
# A1C: cases on 2025-01-01 (from) and 2025-06-30 (to), one the day before and one after;
# B1C: one case in the period (outside A); complaints: one overdue as of to in A1C.
sqlite3 "$DB" >/dev/null <<'SQL' || fail "fixture: the records" "inserted" "sqlite3 failed"
CREATE TEMP TABLE c(n INTEGER, org TEXT, body TEXT, kind TEXT, d TEXT, concl TEXT);
INSERT INTO c VALUES (1, 'A1C', 'committee', 'plan', '2025-01-01', 'violation'),
 (2, 'A1C', 'inspection', 'signs', '2025-06-30', NULL),
 (3, 'A1C', 'committee', 'plan', '2024-12-31', 'violation'),
 (4, 'A1C', 'committee', 'plan', '2025-07-01', 'violation'),
 (5, 'B1C', 'committee', 'regular', '2025-03-03', 'no_violation'),
 (6, 'A1C', 'committee', 'thematic', '2025-02-02', 'no_violation');
INSERT INTO insp_case(org_id, body_org_id, body, kind, decision_no, decision_on, period_from,
 period_to, conclusion, state, recorded_by)
 SELECT t.id, b.id, c.body, c.kind, c.n || '-QĐ/ĐU', CAST(julianday(c.d) - 2440587.5 AS INTEGER),
  CAST(julianday(c.d) - 2440587.5 AS INTEGER), CAST(julianday(c.d) - 2440587.5 AS INTEGER) + 20,
  c.concl, CASE WHEN c.concl IS NULL THEN 'open' ELSE 'closed' END, 'test'
 FROM c JOIN org t ON t.code = c.org JOIN org b ON b.code = substr(c.org, 1, 2);
INSERT INTO complaint(kind, org_id, to_body_org_id, lodged_on, content, due_on, recorded_by)
 SELECT 'denunciation', t.id, b.id, CAST(julianday('2025-03-01') - 2440587.5 AS INTEGER), 'x',
  CAST(julianday('2025-04-30') - 2440587.5 AS INTEGER), 'test'
 FROM org t JOIN org b ON b.code = 'A' WHERE t.code = 'A1C';
SQL
server_start
TOKEN=$TOKEN_admin
api GET "/api/v1/reports/inspection?org=A&from=2025-01-01&to=2025-06-30"
expect_status 200
expect_json 'd["org"]["code"] == "A" and d["from"] == "2025-01-01" and d["to"] == "2025-06-30"' "the organisation and the period"
json_val '" ".join(sorted("%s/%s=%d" % (w["key"], c, w[c]["count"]) for w in d["tables"]["insp_cases"]["rows"] for c in ("total", "violation", "no_violation", "open") if w[c]["count"]))'
expect_eq "A's cases: 1 (on from), 2 (on to), 6; not 3, 4 (a day out), 5 (in B)" \
	"committee.inspection.orgs/total=1 committee.inspection.orgs/violation=1 committee.supervision.orgs/no_violation=1 committee.supervision.orgs/total=1 inspection.signs.orgs/open=1 inspection.signs.orgs/total=1" "$JV"
json_val '[{w["key"]: w for w in d["tables"]["insp_complaints"]["rows"]}["denunciation.orgs"][c]["count"] for c in ("received", "settled", "overdue")]'
expect_eq "the denunciation: received, open past due as of to" "[1, 0, 1]" "$JV"
json_val '{w["key"]: w for w in d["tables"]["insp_cases"]["rows"]}["committee.inspection.orgs"]["lists"]["violation"]'
expect_eq "the address of the records behind a number" \
	"/api/v1/reports/inspection/list?org=A&from=2025-01-01&to=2025-06-30&what=cases&body=committee&act=inspection&target=orgs&result=violation" "$JV"
api GET "$JV"
expect_status 200
expect_json 'd["total"] == 1 and d["items"][0]["doc_no"] == "1-QĐ/ĐU" and d["items"][0]["date"] == "2025-01-01" and d["items"][0]["org"] == "A1C" and d["items"][0]["result"] == "violation"' "the number's one case"
json_val '{w["key"]: w for w in d["tables"]["insp_complaints"]["rows"]}["denunciation.orgs"]["lists"]["overdue"]' 
api GET "/api/v1/reports/inspection?org=A&from=2025-01-01&to=2025-06-30"
json_val '{w["key"]: w for w in d["tables"]["insp_complaints"]["rows"]}["denunciation.orgs"]["lists"]["overdue"]'
api GET "$JV"
expect_json 'd["total"] == 1 and d["items"][0]["kind"] == "denunciation" and d["items"][0]["state"] == "open"' "the overdue denunciation"
api GET "/api/v1/reports/inspection?org=A&from=2025-01-01&to=2025-06-30&format=csv"
expect_status 200
expect_header '^content-type: text/csv'
expect_out_contains "insp_cases,inspection.signs.orgs,inspection committees inspected party organisations on signs of violation,open,1,,"
api GET "/api/v1/reports/inspection?org=A" -H "Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
expect_status 200
expect_header '^content-disposition: attachment; filename="inspection-A-2020-01-01-2026-11-23.xlsx"'
api GET "/api/v1/reports/inspection?org=A&from=2025-07-01&to=2025-01-01"
expect_problem 422 to
api GET "/api/v1/reports/inspection?org=A&from=2025-13-01"
expect_problem 400 from
api GET "/api/v1/reports/inspection?org=A&year=2025"
expect_status 400

T_NAME="the list: pages, downloads, refusals, the audit" # the same database and server
api GET "/api/v1/reports/inspection/list?org=ROOT&what=cases&limit=2"
expect_json 'd["total"] == 6 and [i["date"] for i in d["items"]] == ["2024-12-31", "2025-01-01"] and d["next"].endswith("offset=2")' "a page of two, by date, with the next"
api GET "${OUT:+$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["next"])' "$OUTF")}"
expect_json 'd["offset"] == 2 and [i["date"] for i in d["items"]] == ["2025-02-02", "2025-03-03"]' "the next page"
api GET "/api/v1/reports/inspection/list?org=ROOT&what=cases&act=signs&format=csv"
expect_status 200
expect_out_contains "id,date,org_code,org_name,member_id,member_name,body_org,body,kind,state,result,doc_no"
expect_out_contains ",2025-06-30,A1C,"
api GET "/api/v1/reports/inspection/list?org=ROOT&what=cases&format=xlsx"
expect_status 200
expect_header '^content-type: application/vnd.openxmlformats'
api GET "/api/v1/reports/inspection/list?org=ROOT&what=people"
expect_problem 422 what
api GET "/api/v1/reports/inspection/list?org=ROOT"
expect_problem 422 what
api GET "/api/v1/reports/inspection/list?org=ROOT&what=cases&colour=red"
expect_status 400
api GET "/api/v1/audit?action=report.inspection_list"
expect_json 'len(d["items"]) >= 5 and d["items"][0]["actor"] == "admin"' "every list read is one audit entry"
server_stop
done_testing
