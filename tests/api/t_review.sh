#!/bin/bash
# The review endpoints: a member's steps and history, the locked decision and its revisions,
# batches (all or nothing, every problem with its index), organisations' reviews, the cell's
# form; discipline records; rule versions. Each with its error statuses, and "nothing
# stored" read back after every refusal.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
DB=$FX
# Five more members in A1C (the quota counts in A1, a grassroots organisation), one who
# died, and a clerk whose scope is the cell alone (it may propose, not decide).
A=("$MEMBER_A")
for name in "Lê Thị Cúc" "Phạm Văn Dũng" "Hoàng Thị Hoa" "Vũ Văn Giang" "Đặng Thị Hằng"; do
	madd A1C "$name"
	A+=("$MID")
done
madd A1C "Bùi Văn Khải"
GONE=$MID
cadre member status "$GONE" deceased --date 2026-01-10
[ "$RC" = 0 ] || fail "fixture: member status deceased" "exit 0" "exit $RC: $ERR"
cadre org add A1X --parent A1 --name "Chi bộ đã giải thể" --kind cell --date 2005-01-01
cadre org dissolve A1X --date 2020-01-01
[ "$RC" = 0 ] || fail "fixture: dissolve A1X" "exit 0" "exit $RC: $ERR"
printf '%s\n' "$PW" >"$WORK/.pw"
STDIN=$WORK/.pw cadre user add cclerk --role clerk --org A1C
cadre --json token add cclerk --label test
json_val 'd["token"]'
TOKEN_cclerk=$JV
DB=$WORK/none.db
[ ${#A[@]} = 6 ] && [ -n "$GONE" ] && [ -n "$TOKEN_cclerk" ] || fail "fixture" "six members, a token" "${A[*]} $GONE"

# last_audit: LAST_AUDIT = the newest audit entry's id (every change writes one).
last_audit() {
	local save=$TOKEN
	TOKEN=$TOKEN_admin
	api GET "/api/v1/audit?limit=1"
	json_val 'd["items"][0]["id"]'
	LAST_AUDIT=$JV
	TOKEN=$save
}
# expect_no_write: no audit entry since last_audit, so nothing was stored.
expect_no_write() {
	local was=$LAST_AUDIT
	last_audit
	expect_eq "${1:-nothing was stored}: the newest audit entry is still $was" "$was" "$LAST_AUDIT"
}
# decisions ID: the member's decisions as "year:grade:revision:current" (current 1/0).
decisions() {
	local save=$TOKEN
	TOKEN=$TOKEN_admin
	api GET "/api/v1/members/$1/reviews"
	json_val '" ".join("%d:%s:%d:%d" % (v["year"], v["grade"], v["revision"], v["current"]) for v in d["items"] if v["step"] == "decision")'
	DECISIONS=$JV
	TOKEN=$save
}

tcase "POST /members/{id}/reviews: self, proposal, decision; the step stored comes back" "$FX"
server_start
TOKEN=$TOKEN_aclerk
japi POST "/api/v1/members/${A[1]}/reviews" '{"year":2025,"step":"self","score":92,"date":"2025-12-01"}'
expect_status 201
expect_header "^Location: /api/v1/members/${A[1]}/reviews"
expect_json 'd["step"] == "self" and d["score"] == 92 and d["grade"] == "excellent" and d["year"] == 2025 and d["date"] == "2025-12-01" and d["by"] == "aclerk" and d["revision"] == 0' \
	"a score of 92 gives excellent (R-REVIEW-SCORE-EXCELLENT)"
expect_json 'd["member_id"] == '"${A[1]}"' and d["member_name"] == "Lê Thị Cúc" and d["org_code"] == "A1C"'
japi POST "/api/v1/members/${A[1]}/reviews" '{"year":2025,"step":"proposal","grade":"good"}'
expect_status 201
expect_json 'd["step"] == "proposal" and d["grade"] == "good" and d["body"] == "A1C" and d["score"] is None'
japi POST "/api/v1/members/${A[1]}/reviews" '{"year":2025,"step":"decision","grade":"good","date":"2025-12-20"}'
expect_status 201
expect_json 'd["step"] == "decision" and d["body"] == "A1" and d["revision"] == 1 and d["current"] is True and "R-REVIEW-EXCELLENT-QUOTA v1" in d["rules"]'
api GET "/api/v1/members/${A[1]}/reviews"
expect_status 200
expect_json '[v["step"] for v in d["items"]] == ["self", "proposal", "decision"] and d["member_id"] == '"${A[1]}"
server_stop

tcase "the quota: one excellent alone is refused with 409 R-REVIEW-EXCELLENT-QUOTA, nothing stored" "$FX"
server_start
TOKEN=$TOKEN_aclerk
last_audit
japi POST "/api/v1/members/$MEMBER_A/reviews" '{"year":2025,"step":"decision","grade":"excellent"}'
expect_problem 409 grade
expect_json 'd["type"] == "/api/v1/problems/rule" and [e.get("rule") for e in d["errors"]] == ["R-REVIEW-EXCELLENT-QUOTA"]'
expect_json '"at most 20%" in d["detail"] and "A1" in d["detail"]'
decisions "$MEMBER_A"
expect_eq "no decision stored" "" "$DECISIONS"
expect_no_write
server_stop

tcase "a locked decision changes only with a reason: revision 2, the history shows both" "$FX"
server_start
TOKEN=$TOKEN_aclerk
japi POST "/api/v1/members/$MEMBER_A/reviews" '{"year":2025,"step":"decision","grade":"good","date":"2025-12-20"}'
expect_status 201
last_audit
japi POST "/api/v1/members/$MEMBER_A/reviews" '{"year":2025,"step":"decision","grade":"complete"}'
expect_problem 409 reason
expect_json '"locked" in d["detail"] and "revision 2" in d["detail"]'
expect_no_write "the locked decision stands"
decisions "$MEMBER_A"
expect_eq "one decision" "2025:good:1:1" "$DECISIONS"
japi POST "/api/v1/members/$MEMBER_A/reviews" '{"year":2025,"step":"decision","grade":"complete","reason":"kết quả kiểm tra lại"}'
expect_status 201
expect_json 'd["revision"] == 2 and d["current"] is True and d["grade"] == "complete" and d["reason"] == "kết quả kiểm tra lại"'
decisions "$MEMBER_A"
expect_eq "both decisions, the second in force" "2025:good:1:0 2025:complete:2:1" "$DECISIONS"
TOKEN=$TOKEN_admin
api GET "/api/v1/audit?limit=1"
expect_json 'd["items"][0]["action"] == "review.member.decision" and d["items"][0]["before"] == {"year": 2025, "grade": "good", "revision": 1} and d["items"][0]["after"]["revision"] == 2' \
	"the change is audited with the grade it replaced"
server_stop

tcase "POST /members/{id}/reviews: 400, 403, 404, 409, 415, 422; nothing stored" "$FX"
server_start
TOKEN=$TOKEN_aclerk
last_audit
m=${A[2]}
japi POST "/api/v1/members/$m/reviews" '{"year":2025,"step":"decision","grade":"good","score":-1,"colour":"red"}'
expect_problem 422 score colour
japi POST "/api/v1/members/$m/reviews" '{"year":2025,"step":"verdict","grade":"superb"}'
expect_problem 422 step grade
japi POST "/api/v1/members/$m/reviews" '{"grade":"good"}'
expect_problem 422 year step
japi POST "/api/v1/members/$m/reviews" '{"year":"2025","step":"decision","grade":"good"}'
expect_problem 422 year
japi POST "/api/v1/members/$m/reviews" '{"year":2025,"step":"decision"}'
expect_problem 422 grade
japi POST "/api/v1/members/$m/reviews" '{"year":1900,"step":"decision","grade":"good"}'
expect_problem 422 year
japi POST "/api/v1/members/$m/reviews" '{"year":4294969321,"step":"decision","grade":"good"}'
expect_problem 422 year
japi POST "/api/v1/members/$m/reviews" '{"year":2025,"step":"self","score":101}'
expect_problem 422 score
japi POST "/api/v1/members/$m/reviews" '{"year":2025,"step":"decision","grade":"good","date":"2027-01-01"}'
expect_problem 409 date
expect_json '[e.get("rule") for e in d["errors"]] == ["R-MEMBER-DATES"]' "a date after today breaks R-MEMBER-DATES, as for discipline"
japi POST "/api/v1/members/$m/reviews" '{"year":2025,"step":"self","grade":"excellent","score":60}'
expect_problem 409 grade
expect_json 'any(e.get("rule", "").startswith("R-REVIEW-SCORE-") for e in d["errors"])' "the score rule is named"
japi POST "/api/v1/members/$GONE/reviews" '{"year":2025,"step":"decision","grade":"good"}'
expect_problem 409 member_id
expect_json '"deceased" in d["detail"]'
japi POST "/api/v1/members/$m/reviews" '{"year":2025,'
expect_problem 400 body
api POST "/api/v1/members/$m/reviews" -H 'Content-Type: text/plain' --data-binary 'good'
expect_problem 415
japi POST /api/v1/members/999999/reviews '{"year":2025,"step":"decision","grade":"good"}'
expect_problem 404 id
japi POST /api/v1/members/abc/reviews '{"year":2025,"step":"decision","grade":"good"}'
expect_problem 404 id
api GET /api/v1/members/999999/reviews
expect_problem 404 id
TOKEN=$TOKEN_aview
japi POST "/api/v1/members/$m/reviews" '{"year":2025,"step":"self","grade":"good"}'
expect_problem 403
expect_json 'd["type"] == "/api/v1/problems/denied" and "viewer" in d["detail"]'
api GET "/api/v1/members/$m/reviews"
expect_status 200
TOKEN=$TOKEN_cclerk
japi POST "/api/v1/members/$m/reviews" '{"year":2025,"step":"decision","grade":"good"}'
expect_problem 403 member_id
expect_json 'd["errors"][0]["rule"] == "R-REVIEW-MEMBER-DECIDER" and "proposal" in d["detail"]' \
	"a cell's clerk is told the grassroots organisation decides"
expect_no_write
japi POST "/api/v1/members/$m/reviews" '{"year":2025,"step":"proposal","grade":"good"}'
expect_status 201
expect_json 'd["body"] == "A1C"'
decisions "$m"
expect_eq "no decision stored" "" "$DECISIONS"
server_stop

tcase "POST /reviews: a batch is all or nothing; every problem with its index" "$FX"
server_start
TOKEN=$TOKEN_aclerk
last_audit
item() { printf '{"member_id":%s,"year":2025,"grade":"%s"}' "$1" "$2"; }
japi POST /api/v1/reviews "{\"reviews\":[$(item "${A[1]}" excellent),$(item "${A[2]}" excellent),$(item "${A[3]}" good),$(item "${A[4]}" good),$(item "${A[5]}" good)]}"
expect_problem 409 grade
expect_json '[e.get("rule") for e in d["errors"]] == ["R-REVIEW-EXCELLENT-QUOTA"] and "2 members of A1" in d["detail"]' \
	"two excellent of five good or better is over 20%"
expect_no_write "the batch over the quota stored nothing"
for m in "${A[@]:1}"; do
	decisions "$m"
	expect_eq "no decision for $m" "" "$DECISIONS"
done
japi POST /api/v1/reviews "{\"reviews\":[{\"member_id\":${A[1]},\"year\":2025,\"grade\":\"superb\"},{\"member_id\":${A[2]},\"year\":2025,\"grade\":\"good\",\"colour\":1},7,{\"year\":2025,\"grade\":\"good\"},$(item "${A[3]}" good)]}"
expect_problem 422 grade colour reviews member_id
expect_json 'sorted((e["index"], e["line"], e["field"]) for e in d["errors"]) == [(0, 1, "grade"), (1, 2, "colour"), (2, 3, "reviews"), (3, 4, "member_id")]' \
	"each problem names its item's index (and 1-based line)"
japi POST /api/v1/reviews "{\"reviews\":[$(item 999999 good),$(item "$MEMBER_B" good),$(item "${A[1]}" good),$(item "$GONE" good),$(item "${A[1]}" complete)]}"
expect_problem 404
expect_json 'sorted(e["index"] for e in d["errors"]) == [0, 1, 3, 4]' "every problem of the batch, each with its index"
expect_json '[e["detail"].replace("999999", "X") for e in d["errors"] if e["index"] == 0] == [e["detail"].replace("'"$MEMBER_B"'", "X") for e in d["errors"] if e["index"] == 1]' \
	"another branch's member is not found, in the words used for a member that does not exist"
expect_json 'any(e["index"] == 4 and "twice" in e["detail"] for e in d["errors"])'
japi POST /api/v1/reviews '{"reviews":[]}'
expect_problem 422 reviews
japi POST /api/v1/reviews '{"reviews":{"member_id":1}}'
expect_problem 422 reviews
japi POST /api/v1/reviews '{}'
expect_problem 422 reviews
api POST /api/v1/reviews -H 'Content-Type: text/csv' --data-binary 'member_id,year'
expect_problem 415
japi POST /api/v1/reviews '[1,2]'
expect_problem 400 body
expect_no_write "no refused batch stored anything"
TOKEN=$TOKEN_aview
japi POST /api/v1/reviews "{\"reviews\":[$(item "${A[1]}" good)]}"
expect_problem 403
TOKEN=$TOKEN_aclerk
japi POST /api/v1/reviews "{\"reviews\":[$(item "${A[1]}" excellent),$(item "${A[2]}" good),$(item "${A[3]}" good),$(item "${A[4]}" good),$(item "${A[5]}" good)]}"
expect_status 200
expect_json 'd["recorded"] == 5'
decisions "${A[1]}"
expect_eq "the batch stored" "2025:excellent:1:1" "$DECISIONS"
api GET "/api/v1/orgs/A1C/review-sheet?year=2025"
expect_json 'sorted(r["decided"] or "-" for r in d["rows"]) == ["-", "excellent", "good", "good", "good", "good"]'
server_stop

tcase "POST /import/reviews and /import/org-reviews: CSV files, all or nothing" "$FX"
server_start
TOKEN=$TOKEN_aclerk
csv() { printf 'member_id,year,grade,score,step,date,reason\n' >"$WORK/r.csv"; printf '%s\n' "$@" >>"$WORK/r.csv"; }
last_audit
csv "${A[1]},2025,excellent,,,2025-12-15," "${A[2]},2025,excellent,,,2025-12-15," "${A[3]},2025,good,,,2025-12-15," \
	"${A[4]},2025,good,,,2025-12-15," "${A[5]},2025,good,,,2025-12-15,"
capi POST /api/v1/import/reviews "$WORK/r.csv"
expect_problem 409 grade
expect_json '[e.get("rule") for e in d["errors"]] == ["R-REVIEW-EXCELLENT-QUOTA"]'
csv "${A[1]},2025,superb,,,2025-12-15," "${A[2]},2025,good,,verdict,2025-12-15," "${A[3]},2025,good,,,2025-13-15,"
capi POST /api/v1/import/reviews "$WORK/r.csv"
expect_problem 422 grade step date
expect_json 'sorted(e["line"] for e in d["errors"]) == [2, 3, 4]' "each malformed row with its line"
csv "999999,2025,good,,,," "$MEMBER_B,2025,good,,,,"
capi POST /api/v1/import/reviews "$WORK/r.csv"
expect_problem 404
expect_json '[e["detail"].replace("999999", "X") for e in d["errors"] if e["line"] == 2] == [e["detail"].replace("'"$MEMBER_B"'", "X") for e in d["errors"] if e["line"] == 3]' \
	"another branch's member is not found, as one that does not exist"
csv "${A[1]},2025,good,,,,"
capi POST "/api/v1/import/reviews?skip_bad=1" "$WORK/r.csv"
expect_problem 400 skip_bad
api POST /api/v1/import/reviews -H 'Content-Type: application/json' --data-binary '{}'
expect_problem 415
TOKEN=$TOKEN_aview
capi POST /api/v1/import/reviews "$WORK/r.csv"
expect_problem 403
expect_no_write "no refused file stored anything"
for m in "${A[@]:1}"; do
	decisions "$m"
	expect_eq "no decision for $m" "" "$DECISIONS"
done
TOKEN=$TOKEN_aclerk
csv "${A[1]},2025,excellent,93,,2025-12-15," "${A[2]},2025,good,,,2025-12-15," "${A[3]},2025,good,,,2025-12-15," \
	"${A[4]},2025,good,,,2025-12-15," "${A[5]},2025,good,,,2025-12-15,"
capi POST /api/v1/import/reviews "$WORK/r.csv"
expect_status 200
expect_json 'd["imported"] == "reviews" and d["rows"] == 5 and d["imported_rows"] == 5 and d["rejected"] == 0 and d["errors"] == []'
decisions "${A[1]}"
expect_eq "the file stored" "2025:excellent:1:1" "$DECISIONS"
printf 'org_code,year,grade\nA1C,2025,good\n' >"$WORK/o.csv"
capi POST /api/v1/import/org-reviews "$WORK/o.csv"
expect_status 200
expect_json 'd["imported"] == "org-reviews" and d["imported_rows"] == 1'
api GET /api/v1/orgs/A1C/reviews
expect_json '[(v["step"], v["grade"]) for v in d["items"]] == [("decision", "good")]'
printf 'org_code,year,grade\nB1C,2025,good\n' >"$WORK/o.csv"
capi POST /api/v1/import/org-reviews "$WORK/o.csv"
expect_problem 404 org_code
printf 'org_code,year,grade\nA,2025,good\n' >"$WORK/o.csv"
capi POST /api/v1/import/org-reviews "$WORK/o.csv"
expect_problem 403
expect_json 'd["errors"][0]["rule"] == "R-REVIEW-ORG-DECIDER"'
server_stop

tcase "POST and GET /orgs/{code}/reviews: the standing committee above decides" "$FX"
server_start
TOKEN=$TOKEN_aclerk
japi POST /api/v1/orgs/A1C/reviews '{"year":2025,"step":"self","grade":"good"}'
expect_status 201
expect_header "^Location: /api/v1/orgs/A1C/reviews"
expect_json 'd["member_id"] is None and d["org_code"] == "A1C" and d["step"] == "self"'
japi POST /api/v1/orgs/A1C/reviews '{"year":2025,"step":"decision","grade":"complete"}'
expect_status 201
expect_json 'd["body"] == "A1" and d["revision"] == 1 and "R-REVIEW-ORG-DECIDER v1" in d["rules"]'
api GET /api/v1/orgs/A1C/reviews
expect_status 200
expect_json 'd["code"] == "A1C" and [(v["step"], v["grade"]) for v in d["items"]] == [("self", "good"), ("decision", "complete")]'
last_audit
japi POST /api/v1/orgs/A1C/reviews '{"year":2024,"step":"decision","grade":"excellent"}'
expect_problem 409 grade
expect_json 'd["errors"][0]["rule"] == "R-REVIEW-ORG-EXCELLENT"' "excellent needs its members graded"
japi POST /api/v1/orgs/A1C/reviews '{"year":2025,"step":"decision","grade":"good"}'
expect_problem 409 reason
japi POST /api/v1/orgs/A/reviews '{"year":2025,"step":"decision","grade":"good"}'
expect_problem 403 org_code
expect_json 'd["errors"][0]["rule"] == "R-REVIEW-ORG-DECIDER"' "A is decided above aclerk's scope"
japi POST /api/v1/orgs/A1X/reviews '{"year":2019,"step":"decision","grade":"good"}'
expect_problem 409 org_code
expect_json '"dissolved" in d["detail"]'
japi POST /api/v1/orgs/A1C/reviews '{"year":2025,"step":"decision","grade":"great"}'
expect_problem 422 grade
japi POST /api/v1/orgs/QQ9/reviews '{"year":2025,"step":"decision","grade":"good"}'
expect_problem 404 org_code
japi POST "/api/v1/orgs/$(printf 'Q%.0s' {1..40})/reviews" '{"year":2025,"step":"decision","grade":"good"}'
expect_problem 404 org_code
api GET /api/v1/orgs/QQ9/reviews
expect_problem 404 org
api POST /api/v1/orgs/A1C/reviews -H 'Content-Type: text/plain' --data-binary 'x'
expect_problem 415
TOKEN=$TOKEN_aview
japi POST /api/v1/orgs/A1C/reviews '{"year":2025,"step":"self","grade":"good"}'
expect_problem 403
api GET /api/v1/orgs/A1C/reviews
expect_status 200
expect_no_write
server_stop

tcase "GET /orgs/{code}/review-sheet: the cell's roll with each step, the quota" "$FX"
server_start
TOKEN=$TOKEN_aclerk
japi POST "/api/v1/members/${A[1]}/reviews" '{"year":2025,"step":"self","score":75}'
japi POST "/api/v1/members/${A[1]}/reviews" '{"year":2025,"step":"proposal","grade":"good"}'
japi POST "/api/v1/members/${A[2]}/reviews" '{"year":2025,"step":"decision","grade":"complete"}'
expect_status 201
api GET "/api/v1/orgs/A1C/review-sheet?year=2025"
expect_status 200
expect_json 'd["org_code"] == "A1C" and d["grassroots_code"] == "A1" and d["year"] == 2025 and d["can_decide"] is True'
expect_json 'd["quota"] == {"percent": 20, "excellent_outside": 0, "good_or_better_outside": 0}'
expect_json 'len(d["rows"]) == 6 and '"$GONE"' not in [r["member_id"] for r in d["rows"]]' "the roll, without the deceased"
expect_json '[(r["self_score"], r["self_grade"], r["proposed"], r["decided"], r["disciplined"]) for r in d["rows"] if r["member_id"] == '"${A[1]}"'] == [(75, "good", "good", None, False)]'
expect_json '[r["decided"] for r in d["rows"] if r["member_id"] == '"${A[2]}"'] == ["complete"]'
api GET /api/v1/orgs/A1C/review-sheet
expect_json 'd["year"] == 2026 and all(r["decided"] is None for r in d["rows"])' "this year by default"
TOKEN=$TOKEN_cclerk
api GET "/api/v1/orgs/A1C/review-sheet?year=2025"
expect_json 'd["can_decide"] is False' "a cell's clerk only proposes"
TOKEN=$TOKEN_aview
api GET "/api/v1/orgs/A1C/review-sheet?year=2025"
expect_json 'd["can_decide"] is False and len(d["rows"]) == 6'
api GET "/api/v1/orgs/A1C/review-sheet?year=twenty"
expect_problem 400 year
api GET "/api/v1/orgs/A1C/review-sheet?year=1800"
expect_problem 400 year
api GET /api/v1/orgs/QQ9/review-sheet
expect_problem 404 org
api GET /api/v1/orgs/A1X/review-sheet
expect_problem 409
server_stop

tcase "POST and GET /discipline: members and organisations; every error status" "$FX"
# the register and the records need the inspection right (docs/inspection.md "Discipline")
expect_exit 0 user grant aclerk --inspection
expect_exit 0 user grant aview --inspection
expect_exit 0 user grant bclerk --inspection
server_start
TOKEN=$TOKEN_aclerk
m=${A[3]}
japi POST /api/v1/discipline '{"member_id":'"$m"',"form":"reprimand","body":"A1C","reason":"vi phạm kỷ luật","date":"2025-05-02","act_date":"2025-04-20"}'
expect_status 201
expect_json 'd["member_id"] == '"$m"' and d["member_name"] == "Hoàng Thị Hoa" and d["form"] == "reprimand" and d["date"] == "2025-05-02" and d["body"] == "A1C" and d["org_code"] == "A1C" and d["by"] == "aclerk" and d["id"] > 0'
japi POST /api/v1/discipline '{"org_code":"A1C","form":"warning","body":"A1","reason":"không hoàn thành nhiệm vụ","date":"2026-02-01","act_date":"2026-01-20"}'
expect_status 201
expect_json 'd["member_id"] is None and d["member_name"] is None and d["org_code"] == "A1C" and d["form"] == "warning"'
api GET /api/v1/discipline
expect_status 200
expect_json '[x["form"] for x in d["items"]] == ["warning", "reprimand"]' "newest first"
api GET "/api/v1/discipline?year=2025"
expect_json '[x["member_id"] for x in d["items"]] == ['"$m"']'
api GET "/api/v1/discipline?org=A1C&year=2026"
expect_json '[x["form"] for x in d["items"]] == ["warning"]'
api GET "/api/v1/discipline?org=B1"
expect_problem 404 org
api GET "/api/v1/discipline?year=last"
expect_problem 400 year
japi POST "/api/v1/members/$m/reviews" '{"year":2025,"step":"decision","grade":"good"}'
expect_problem 409 grade
expect_json 'd["errors"][0]["rule"] == "R-REVIEW-DISCIPLINED-MEMBER"' "a member disciplined in the year is graded at best not complete"
last_audit
d='"reason":"x","date":"2026-01-05","act_date":"2026-01-02"'
japi POST /api/v1/discipline '{"member_id":'"$m"',"org_code":"A1C","form":"reprimand","body":"A1",'"$d"'}'
expect_problem 422 member_id
japi POST /api/v1/discipline '{"form":"reprimand","body":"A1",'"$d"'}'
expect_problem 422 member_id
japi POST /api/v1/discipline '{"member_id":'"$m"',"form":"scolding","body":"A1",'"$d"'}'
expect_problem 422 form
japi POST /api/v1/discipline '{"member_id":'"$m"',"form":"reprimand",'"$d"'}'
expect_problem 422 body
japi POST /api/v1/discipline '{"member_id":'"$m"',"form":"reprimand","body":"A1","date":"2026-01-05","act_date":"2026-01-02"}'
expect_problem 422 reason
japi POST /api/v1/discipline '{"member_id":'"$m"',"form":"reprimand","body":"A1","reason":"x","date":"2027-01-05","act_date":"2026-01-02"}'
expect_problem 409 date
expect_json 'd["errors"][0]["rule"] == "R-MEMBER-DATES"' "a decision is recorded once taken"
japi POST /api/v1/discipline '{"org_code":"A1","form":"reprimand","body":"A1C",'"$d"'}'
expect_problem 422 body
japi POST /api/v1/discipline '{"member_id":'"$m"',"form":"dissolution","body":"A1",'"$d"'}'
expect_problem 409 form
expect_json 'd["errors"][0]["rule"] == "R-DISCIPLINE-FORMS"'
japi POST /api/v1/discipline '{"org_code":"A1C","form":"expulsion","body":"A1",'"$d"'}'
expect_problem 409 form
japi POST /api/v1/discipline '{"member_id":999999,"form":"reprimand","body":"A1",'"$d"'}'
expect_problem 404 id
japi POST /api/v1/discipline '{"org_code":"QQ9","form":"reprimand","body":"A1",'"$d"'}'
expect_problem 404 org_code
japi POST /api/v1/discipline '{"member_id":'"$m"',"form":"reprimand","body":"QQ9",'"$d"'}'
expect_problem 404 body
api POST /api/v1/discipline -H 'Content-Type: text/plain' --data-binary 'x'
expect_problem 415
TOKEN=$TOKEN_aview
japi POST /api/v1/discipline '{"member_id":'"$m"',"form":"reprimand","body":"A1",'"$d"'}'
expect_problem 403
api GET /api/v1/discipline
expect_json 'len(d["items"]) == 2' "a viewer with the inspection right reads the register"
TOKEN=$TOKEN_bclerk
japi POST /api/v1/discipline '{"member_id":'"$MEMBER_B"',"form":"reprimand","body":"A1",'"$d"'}'
expect_problem 404 body
api GET /api/v1/discipline
expect_json 'd["items"] == []' "branch B sees none of A's records"
expect_no_write
server_stop

tcase "rules: every version; a new one only by a system administrator, in force from its date" "$FX"
server_start
TOKEN=$TOKEN_aview
api GET /api/v1/rules
expect_status 200
expect_json 'd["today"] == "2026-11-23" and len(d["items"]) > 20 and all(set(v) == {"id","version","value","effective_from","source","description","in_force"} for v in d["items"])'
expect_json '[(v["version"], v["value"], v["in_force"]) for v in d["items"] if v["id"] == "R-REVIEW-EXCELLENT-QUOTA"] == [(1, "20", True)]'
api GET "/api/v1/rules?id=R-REVIEW-EXCELLENT-QUOTA"
expect_json 'len(d["items"]) == 1 and d["items"][0]["source"]'
api GET "/api/v1/rules?id=R-NOPE"
expect_problem 404 id
last_audit
body='{"id":"R-REVIEW-EXCELLENT-QUOTA","value":"100","from":"2025-01-01","source":"HD 99 (thử)"}'
for who in aview aclerk aadmin bclerk; do
	TOKEN=$(eval echo "\$TOKEN_$who")
	japi POST /api/v1/rules "$body"
	expect_problem 403
	expect_json '"system administrator" in d["detail"]'
done
expect_no_write
TOKEN=$TOKEN_admin
japi POST /api/v1/rules '{"id":"R-REVIEW-EXCELLENT-QUOTA","value":"many","from":"2025-01-01","source":"x"}'
expect_problem 422 value
japi POST /api/v1/rules '{"id":"R-REVIEW-EXCELLENT-QUOTA","value":"30"}'
expect_problem 422 from source
japi POST /api/v1/rules '{"id":"R-REVIEW-EXCELLENT-QUOTA","value":"30","from":"2025-02-30","source":"x"}'
expect_problem 422 from
japi POST /api/v1/rules '{"id":"R-NOPE","value":"30","from":"2025-01-01","source":"x"}'
expect_problem 404 id
api POST /api/v1/rules -H 'Content-Type: text/plain' --data-binary 'x'
expect_problem 415
expect_no_write
japi POST /api/v1/rules "$body"
expect_status 201
expect_header "^Location: /api/v1/rules\?id=R-REVIEW-EXCELLENT-QUOTA"
expect_json 'd["id"] == "R-REVIEW-EXCELLENT-QUOTA" and d["version"] == 2 and d["value"] == "100" and d["effective_from"] == "2025-01-01" and d["in_force"] is True and d["description"]'
TOKEN=$TOKEN_aview
api GET "/api/v1/rules?id=R-REVIEW-EXCELLENT-QUOTA"
expect_json '[(v["version"], v["in_force"]) for v in d["items"]] == [(1, False), (2, True)]' "any worker lists the new version"
server_stop
# A fresh server: every worker holds the new value.
server_start
TOKEN=$TOKEN_aclerk
japi POST "/api/v1/members/$MEMBER_A/reviews" '{"year":2025,"step":"decision","grade":"excellent"}'
expect_status 201
expect_json '"R-REVIEW-EXCELLENT-QUOTA v2" in d["rules"]' "the quota of 100% lets one excellent member be"
server_stop

tcase "emulation models: every version; a new one only by a system administrator, with every problem at once" "$FX"
server_start
TOKEN=$TOKEN_aview
api GET /api/v1/emulation-models
expect_status 200
expect_json 'd["today"] == "2026-11-23" and [m["code"] for m in d["items"]] == ["4-tot-3-khong", "chi-bo-4-tot"] and d["items"][1]["in_force_version"] == 1'
expect_json 'set(d["items"][1]["versions"][0]) == {"code","version","name","criteria","required","effective_from","source","added_by","added_at","in_force"} and len(d["items"][1]["versions"][0]["criteria"]) == 4'
api GET "/api/v1/emulation-models?code=chi-bo-4-tot"
expect_json '[m["code"] for m in d["items"]] == ["chi-bo-4-tot"]'
api GET "/api/v1/emulation-models?code=nope"
expect_problem 404 model
last_audit
body='{"code":"chi-bo-4-tot","name":"Chi bộ 4 tốt (2026)","criteria":["Tốt về chính trị","Tốt về lãnh đạo","Không có vi phạm"],"required":2,"from":"2026-06-01","source":"09-CT/ĐU"}'
for who in aview aclerk aadmin bclerk; do
	TOKEN=$(eval echo "\$TOKEN_$who")
	japi POST /api/v1/emulation-models "$body"
	expect_problem 403
	expect_json '"system administrator" in d["detail"]'
done
TOKEN=$TOKEN_admin
japi POST /api/v1/emulation-models '{"code":"Bad Code","name":"","criteria":["", "ok"],"required":0}'
expect_problem 422 code name criteria required
expect_json '"criterion 1 is empty" in " ".join(e["detail"] for e in d["errors"])'
japi POST /api/v1/emulation-models '{"code":"chi-bo-4-tot","name":"x","criteria":["a"],"required":1,"from":"2011-01-19"}'
expect_problem 422 from
expect_json '"version 1 is in force from 2011-01-19" in d["detail"]'
japi POST /api/v1/emulation-models '{"code":"big","name":"x","criteria":["a","b","c","d","e","f","g","h","i","j","k","l","m","n","o","p","q","r","s","t","u"],"required":1}'
expect_problem 422 criteria
japi POST /api/v1/emulation-models '{"code":"x1","name":"x","criteria":"a","required":1,"colour":"red"}'
expect_problem 422 criteria colour
japi POST /api/v1/emulation-models '{"code":"x1","name":"x","criteria":["a"]}'
expect_problem 422 required
japi POST /api/v1/emulation-models '{"code":"x1",'
expect_problem 400 body
api POST /api/v1/emulation-models -H 'Content-Type: text/plain' --data-binary 'x'
expect_problem 415
expect_no_write
japi POST /api/v1/emulation-models "$body"
expect_status 201
expect_header "^Location: /api/v1/emulation-models\?code=chi-bo-4-tot"
expect_json 'd["code"] == "chi-bo-4-tot" and d["version"] == 2 and d["in_force"] is True and d["required"] == 2 and d["criteria"] == ["Tốt về chính trị", "Tốt về lãnh đạo", "Không có vi phạm"] and d["added_by"] == "admin" and d["effective_from"] == "2026-06-01"'
TOKEN=$TOKEN_aview
api GET "/api/v1/emulation-models?code=chi-bo-4-tot"
expect_json '[(v["version"], v["in_force"]) for v in d["items"][0]["versions"]] == [(1, False), (2, True)] and d["items"][0]["name"] == "Chi bộ 4 tốt (2026)"'
TOKEN=$TOKEN_admin
api GET "/api/v1/audit?limit=1"
expect_json 'd["items"][0]["action"] == "emulation.model.add" and d["items"][0]["before"]["version"] == 1 and d["items"][0]["after"]["version"] == 2' \
	"the new version is audited with the one it follows"
server_stop

tcase "emulation ratings: a cell rated against the version of its year; every error status; out of sight is 404" "$FX"
server_start
TOKEN=$TOKEN_admin
japi POST /api/v1/emulation-models '{"code":"chi-bo-4-tot","name":"Chi bộ 4 tốt (2026)","criteria":["Tốt về chính trị","Tốt về lãnh đạo","Không có vi phạm"],"required":2,"from":"2026-06-01"}'
expect_status 201
TOKEN=$TOKEN_aclerk
japi POST /api/v1/orgs/A1C/emulation '{"model":"chi-bo-4-tot","year":2025,"met":[true,true,false,true]}'
expect_status 201
expect_header "^Location: /api/v1/orgs/A1C/emulation\?year=2025"
expect_json 'd["org_code"] == "A1C" and d["year"] == 2025 and d["version"] == 1 and d["criteria_met"] == 3 and d["required"] == 4 and d["earned"] is False and d["current"] is True and d["by"] == "aclerk"'
japi POST /api/v1/orgs/A1C/emulation '{"model":"chi-bo-4-tot","year":2026,"met":[true,true,false]}'
expect_status 201
expect_json 'd["version"] == 2 and d["earned"] is True and d["criteria"][2] == {"text": "Không có vi phạm", "met": False}' \
	"2026 is judged against version 2 (in force from 2026-06-01)"
api GET "/api/v1/orgs/A1/emulation?year=2025"
expect_status 200
expect_json 'd["org_code"] == "A1" and d["year"] == 2025 and [(r["org_code"], r["version"], len(r["criteria"])) for r in d["items"]] == [("A1C", 1, 4)]'
api GET /api/v1/orgs/A1C/emulation
expect_json 'd["year"] is None and [r["year"] for r in d["items"]] == [2025, 2026]'
last_audit
japi POST /api/v1/orgs/A1C/emulation '{"model":"chi-bo-4-tot","year":2026,"met":[true,true,true,true]}'
expect_problem 422 met
expect_json '"has 3 criteria" in d["detail"]'
japi POST /api/v1/orgs/A1C/emulation '{"model":"chi-bo-4-tot","year":2026,"met":[1,0,1]}'
expect_problem 422 met
japi POST /api/v1/orgs/A1C/emulation '{"model":"chi-bo-4-tot","year":2026}'
expect_problem 422 met
japi POST /api/v1/orgs/A1C/emulation '{"model":"chi-bo-4-tot","year":2027,"met":[true,true,true]}'
expect_problem 422 year
japi POST /api/v1/orgs/A1C/emulation '{"model":"chi-bo-4-tot","year":2010,"met":[true,true,true,true]}'
expect_problem 422 year
expect_json '"applies from 2011-01-19" in d["detail"]'
japi POST /api/v1/orgs/A1/emulation '{"model":"chi-bo-4-tot","year":2026,"met":[true,true,true]}'
expect_problem 422 org
expect_json '"not a cell" in d["detail"]'
japi POST /api/v1/orgs/A1X/emulation '{"model":"chi-bo-4-tot","year":2026,"met":[true,true,true]}'
expect_problem 409 org
expect_json '"dissolved" in d["detail"]'
japi POST /api/v1/orgs/A1C/emulation '{"model":"nope","year":2026,"met":[true]}'
expect_problem 404 model
japi POST /api/v1/orgs/A1C/emulation '{"model":"chi-bo-4-tot","year":2026,'
expect_problem 400 body
api POST /api/v1/orgs/A1C/emulation -H 'Content-Type: text/plain' --data-binary 'x'
expect_problem 415
api GET "/api/v1/orgs/A1C/emulation?year=last"
expect_problem 400 year
japi POST /api/v1/orgs/B1C/emulation '{"model":"chi-bo-4-tot","year":2026,"met":[true,true,true]}'
expect_problem 404 org
expect_lacks "B1C is" "Chi bộ Đại đội B1C"
api GET /api/v1/orgs/B1C/emulation
expect_problem 404 org
TOKEN=$TOKEN_aview
japi POST /api/v1/orgs/A1C/emulation '{"model":"chi-bo-4-tot","year":2026,"met":[true,true,true]}'
expect_problem 403
japi POST /api/v1/orgs/B1C/emulation '{"model":"chi-bo-4-tot","year":2026,"met":[true,true,true]}'
expect_problem 404 org
api GET /api/v1/orgs/A1C/emulation
expect_json 'len(d["items"]) == 2' "a viewer reads the ratings"
expect_no_write
TOKEN=$TOKEN_bclerk
api GET /api/v1/orgs/B/emulation
expect_json 'd["items"] == []' "branch B sees none of A's ratings"
server_stop

done_testing
