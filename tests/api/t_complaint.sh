#!/bin/bash
# The complaint endpoints (docs/inspection.md "Complaints and denunciations"): lodging with
# R-COMPLAINT-DAYS (day 30 in time, day 31 a 422 naming the rule, no notice date a warning),
# settling with the effect on the decision (reduced: a new decision naming the old one, in the
# history), R-DISCIPLINE-AUTHORITY in a refusal, withdrawal, denunciations, the list's filters
# and downloads, the problems' fields; a refused call leaves the row as it was.
. "$(dirname "$0")/lib_api.sh"

# disc ARGS...: record a discipline decision (DID its id); the act's date 30 days before the
# decision where the command takes it (--act-date comes with the discipline part of this issue).
disc() {
	local a prev="" d=""
	for a in "$@"; do
		[ "$prev" = --date ] && d=$a
		prev=$a
	done
	cadre --json discipline add "$@" --act-date "$(date -u -d "$d -30 days" +%F)"
	[ "$RC" = 2 ] && cadre --json discipline add "$@"
	json_val 'd["id"]'
	DID=$JV
}

FX=$WORK/fx.db
http_fixture "$FX"
tcase "complaints through the API" "$FX"
disc --member "$MEMBER_A" --form warning --body A1C --reason "vắng sinh hoạt" --date 2026-08-20
D=$DID
cadre discipline notify "$D" --date 2026-09-01
[ "$RC" = 0 ] || sqlite3 "$DB" "UPDATE discipline SET notified_on = CAST(julianday('2026-09-01') - 2440587.5 AS INTEGER) WHERE id = $D"
disc --member "$MEMBER_A" --form reprimand --body A1 --reason "lần hai" --date 2026-08-21
D2=$DID
server_start
TOKEN=$TOKEN_admin
japi POST /api/v1/complaints '{"discipline_id":'"$D"',"lodged_on":"2026-10-02","content":"Tôi không đồng ý"}'
expect_problem 409 lodged_on
expect_json 'any(e.get("rule") == "R-COMPLAINT-DAYS" for e in d["errors"])' "day 31 refused naming the rule"
api GET /api/v1/complaints
expect_json 'd["items"] == []' "nothing recorded"
japi POST /api/v1/complaints '{"discipline_id":'"$D"',"lodged_on":"2026-10-01","content":"Tôi không đồng ý","from":"Nguyễn Văn An"}'
expect_status 201
expect_json 'd["state"] == "open" and d["due_on"] == "2026-12-30" and d["to_body"] == "A1" and d["from"] == "Nguyễn Văn An" and "warnings" not in d' "day 30 in time, to the grassroots above the cell"
json_val 'd["id"]'
K=$JV
expect_header "^location: /api/v1/complaints/$K\s*$"
japi POST /api/v1/complaints '{"discipline_id":'"$D2"',"lodged_on":"2026-10-01","content":"x"}'
expect_status 201
expect_json 'd["to_body"] == "A" and any(w.get("rule") == "R-COMPLAINT-DAYS" for w in d["warnings"])' "no notice date: a warning"
json_val 'd["id"]'
K2=$JV
japi POST /api/v1/complaints '{"discipline_id":'"$D2"',"content":"x","bogus":1}'
expect_problem 422 bogus
japi POST /api/v1/complaints '{"discipline_id":'"$D2"',"lodged_on":"2026-10-01"}'
expect_problem 422 content
# A1 is a grassroots committee: raising a reprimand to expulsion is its to decide, but A
# (a committee) settles K2: removal allowed; the cell's decision goes to A1.
japi POST "/api/v1/complaints/$K/settle" '{"outcome":"reduced","form":"warning","settled_on":"2026-10-20"}'
expect_problem 422 form
expect_json '"lighter than warning" in d["detail"] or any("lighter" in e["detail"] for e in d["errors"])' "not lighter"
japi POST "/api/v1/complaints/$K/settle" '{"outcome":"founded","settled_on":"2026-10-20"}'
expect_problem 422 outcome
japi POST "/api/v1/complaints/$K/settle" '{"outcome":"kept","settled_on":"2026-10-20","decision_no":"???"}'
expect_problem 422 decision_no
japi POST /api/v1/complaints '{"discipline_id":999999,"content":"x"}'
expect_problem 404
api GET "/api/v1/complaints/$K"
expect_json 'd["state"] == "open" and [h["state"] for h in d["history"]] == ["in_force"]' "refusals left it as it was"
japi POST "/api/v1/complaints/$K/settle" '{"outcome":"reduced","form":"reprimand","settled_on":"2026-10-20","decision_no":"12-QĐ/ĐU","settlement":"Giảm"}'
expect_status 200
expect_json 'd["outcome"] == "reduced" and d["settlement_no"] == "12-QĐ/ĐU" and [(h["form"], h["state"], h["body"]) for h in d["history"]] == [("warning", "changed", "A1C"), ("reprimand", "in_force", "A1")] and d["history"][1]["replaces_id"] == '"$D"' and d["new_discipline_id"] == d["history"][1]["id"]' "reduced: a new decision by the body above names the old one"
japi POST "/api/v1/complaints/$K/settle" '{"outcome":"kept"}'
expect_problem 409 state
japi POST "/api/v1/complaints/$K2/settle" '{"outcome":"raised","form":"dissolution","settled_on":"2026-10-20"}'
expect_problem 409 form
expect_json 'any(e.get("rule") == "R-DISCIPLINE-FORMS" for e in d["errors"])' "dissolution is no member's form"
japi POST "/api/v1/complaints/$K2/settle" '{"outcome":"raised","form":"removal","settled_on":"2026-10-20"}'
expect_status 200
expect_json '[(h["form"], h["state"]) for h in d["history"]] == [("reprimand", "changed"), ("removal", "in_force")]' "raised by the committee above"
japi POST /api/v1/complaints '{"kind":"denunciation","org":"B1C","lodged_on":"2026-11-01","content":"tố cáo chi ủy"}'
expect_status 201
expect_json 'd["kind"] == "denunciation" and d["due_on"] == "2026-12-31" and d["to_body"] == "B1" and d["member_id"] is None' "a denunciation about an organisation, 60 days"
json_val 'd["id"]'
KD=$JV
japi POST /api/v1/complaints '{"kind":"petition","content":"x"}'
expect_problem 422 kind
japi POST "/api/v1/complaints/$KD/withdraw" '{"date":"2026-11-05","reason":"rút đơn"}'
expect_status 200
expect_json 'd["state"] == "withdrawn" and d["outcome"] is None and d["settled_on"] == "2026-11-05"' "withdrawn"
japi POST "/api/v1/complaints/$KD/withdraw" '{}'
expect_problem 409 state
api GET "/api/v1/complaints?kind=denunciation"
expect_json '[x["id"] for x in d["items"]] == ['"$KD"']' "by kind"
api GET "/api/v1/complaints?state=settled&org=A"
expect_json 'sorted(x["id"] for x in d["items"]) == sorted(['"$K, $K2"'])' "by state and subtree"
api GET "/api/v1/complaints?overdue=1"
expect_json 'd["items"] == []' "none overdue"
api GET "/api/v1/complaints?year=2025"
expect_json 'd["items"] == []' "none in 2025"
api GET "/api/v1/complaints?state=closed"
expect_status 400
api GET "/api/v1/complaints?nope=1"
expect_status 400
api GET "/api/v1/complaints?format=csv"
expect_status 200
expect_eq "CSV content type" "text/csv; charset=utf-8" "$CTYPE"
expect_true "the CSV's header and rows" python3 -c 'import csv,sys; r=list(csv.DictReader(open(sys.argv[1], encoding="utf-8"))); sys.exit(not (len(r) == 3 and r[0]["kind"] == "denunciation" and r[0]["state"] == "withdrawn"))' "$OUTF"
api GET "/api/v1/complaints?format=xlsx"
expect_status 200
api GET /api/v1/complaints/999999
expect_problem 404
server_stop
done_testing
