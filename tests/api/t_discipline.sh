#!/bin/bash
# t_discipline.sh - the discipline API (docs/inspection.md "Discipline"): POST with every new
# field and its checks named by rule (R-DISCIPLINE-AUTHORITY, R-DISCIPLINE-LIMITATION, the
# dates, the decision's number), nothing stored on a refusal, the effects (expulsion on the
# member's record), GET one record, the notice, the register's filters, the review flagged.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
tcase "POST, GET, notify and the register of /api/v1/discipline" "$FX"
expect_exit 0 user grant aclerk --inspection
madd A1C "Lê Văn Cường"
M2=$MID
expect_exit 0 review member "$MEMBER_A" --year 2026 --grade good
server_start
TOKEN=$TOKEN_aclerk
japi POST /api/v1/discipline '{"member_id":'"$MEMBER_A"',"form":"warning","body":"A1C","inspection":true,"reason":"x","date":"2026-03-10","act_date":"2026-02-01"}'
expect_problem 409 body
expect_json 'd["errors"][0]["rule"] == "R-DISCIPLINE-AUTHORITY"' "a cell has no inspection committee that decides"
japi POST /api/v1/discipline '{"member_id":'"$MEMBER_A"',"form":"removal","body":"A1","inspection":true,"reason":"x","date":"2026-03-10","act_date":"2026-02-01"}'
expect_problem 409 body
expect_json 'd["errors"][0]["rule"] == "R-DISCIPLINE-AUTHORITY"' "removal is not the grassroots inspection committee's"
japi POST /api/v1/discipline '{"member_id":'"$MEMBER_A"',"form":"reprimand","body":"A1","reason":"x","date":"2026-03-10"}'
expect_problem 422 act_date
expect_json 'd["errors"][0]["rule"] == "R-DISCIPLINE-LIMITATION"' "the act's date is required"
japi POST /api/v1/discipline '{"member_id":'"$MEMBER_A"',"form":"reprimand","body":"A1","reason":"x","date":"2026-03-10","act_date":"2021-03-09"}'
expect_problem 409 act_date
expect_json 'd["errors"][0]["rule"] == "R-DISCIPLINE-LIMITATION" and "by 2026-03-09" in d["errors"][0]["detail"]'
japi POST /api/v1/discipline '{"member_id":'"$MEMBER_A"',"form":"reprimand","body":"A1","reason":"x","date":"2026-03-10","act_date":"2026-02-01","decision_no":"QĐ"}'
expect_problem 422 decision_no
expect_eq "nothing stored" 0 "$(sqlite3 "$DB" 'SELECT count(*) FROM discipline')"
japi POST /api/v1/discipline '{"member_id":'"$MEMBER_A"',"form":"reprimand","body":"A1","inspection":true,"reason":"vắng sinh hoạt","date":"2026-03-10","act_date":"2021-03-10","decision_no":"Số 4-qd/ubkt","notified_on":"2026-03-12"}'
expect_status 201
expect_header '^location: /api/v1/discipline/1'
expect_json 'd["by_body"] == "inspection" and d["body_kind"] == "grassroots" and d["decision_no"] == "4-QĐ/UBKT" and d["act_date"] == "2021-03-10" and d["notified_on"] == "2026-03-12" and d["effective_on"] == "2026-03-10" and d["state"] == "in_force"'
expect_eq "the decided review flagged for revision" "R-REVIEW-DISCIPLINED-MEMBER" "$(sqlite3 "$DB" 'SELECT rule_id FROM review_revision')"
api GET "/api/v1/orgs/A1C/review-sheet?year=2026"
expect_json '[(r["decided"], r["under_revision"], r["discipline"]) for r in d["rows"] if r["member_id"] == '"$MEMBER_A"'] == [("good", True, {"form": "reprimand", "date": "2026-03-10"})]'
api GET /api/v1/discipline/1
expect_status 200
expect_json 'd["reason"] == "vắng sinh hoạt" and d["member_id"] == '"$MEMBER_A"
japi POST /api/v1/discipline/1/notify '{"date":"2026-03-09"}'
expect_problem 409 date
japi POST /api/v1/discipline/1/notify '{"date":"2026-03-15","number":"9-TB/UBKT"}'
expect_status 200
expect_json 'd["notified_on"] == "2026-03-15" and d["notice_no"] == "9-TB/UBKT"'
japi POST /api/v1/discipline/1/notify '{"number":"9-TB/UBKT"}'
expect_problem 422 date
api GET /api/v1/discipline/77
expect_problem 404
# an expulsion: the member expelled on the effective date
japi POST /api/v1/discipline '{"member_id":'"$M2"',"form":"expulsion","body":"A1","reason":"vi phạm nghiêm trọng","date":"2026-04-01","act_date":"2026-01-15","effective_on":"2026-04-05"}'
expect_status 201
api GET "/api/v1/members/$M2"
expect_json 'd["status"] == "expelled" and [x["form"] for x in d["discipline"]] == ["expulsion"]'
# an organisation: dissolution refused without members_to while members remain
japi POST /api/v1/discipline '{"org_code":"A1C","form":"dissolution","body":"A","reason":"x","act_date":"2026-01-15"}'
expect_problem 409 members_to
japi POST /api/v1/discipline '{"org_code":"A1C","form":"warning","body":"A1","reason":"buông lỏng","date":"2026-05-01","act_date":"2026-01-15"}'
expect_status 201
api GET "/api/v1/discipline?form=expulsion"
expect_json '[x["member_id"] for x in d["items"]] == ['"$M2"']'
api GET "/api/v1/discipline?state=in_force&year=2026"
expect_json 'd["total"] == 3'
api GET "/api/v1/discipline?state=changed"
expect_json 'd["items"] == []'
api GET "/api/v1/discipline?form=scolding"
expect_problem 400 form
api GET "/api/v1/discipline?format=csv&form=expulsion"
expect_status 200
expect_header '^content-type: text/csv'
expect_out_contains "id,date,form,member_id,member_name,org_code,body,by_body,act_date,decision_no,notified_on,notice_no,effective_on,state,ended_on,reason"
expect_out_contains "expulsion,$M2,Lê Văn Cường,A1C,A1,committee,2026-01-15"
api GET "/api/v1/discipline?format=xlsx"
expect_status 200
expect_header '^content-type: application/vnd.openxmlformats'
api GET "/api/v1/discipline?format=pdf"
expect_problem 400 format
server_stop
done_testing
