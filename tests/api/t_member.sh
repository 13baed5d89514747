#!/bin/bash
# The member endpoints: search, record, where, add, edit, status; transfers sent, listed,
# received and returned; bodies that are not JSON, unknown and mistyped fields.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
DB=$FX
cadre org add A1D --parent A1 --name "Chi bộ Đại đội A1D" --kind cell --date 2005-01-01
DB=$WORK/none.db

tcase "GET /members?q: accent-free search, org, limit, errors" "$FX"
server_start
TOKEN=$TOKEN_admin
api GET "/api/v1/members?q=nguyen%20van%20an"
expect_status 200
expect_json '[m["id"] for m in d["items"]] == ['"$MEMBER_A"'] and d["q"] == "nguyen van an"'
api GET "/api/v1/members?q=Tr%E1%BA%A7n"
expect_json '[m["full_name"] for m in d["items"]] == ["Trần Thị Bình"]'
api GET "/api/v1/members?q=binh&org=A"
expect_json 'd["items"] == []'
api GET "/api/v1/members?q=a&limit=1"
expect_json 'len(d["items"]) == 1'
api GET "/api/v1/members"
expect_problem 400 q
api GET "/api/v1/members?q=an&limit=9999"
expect_problem 400 limit
api GET "/api/v1/members?q=an&org=NOPE"
expect_problem 404 org
server_stop

tcase "GET /members/{id}: record and history, audited; where; 404s" "$FX"
server_start
TOKEN=$TOKEN_aclerk
api GET "/api/v1/members/$MEMBER_A"
expect_status 200
expect_json 'd["id"] == '"$MEMBER_A"' and d["full_name"] == "Nguyễn Văn An" and d["org_code"] == "A1C" and d["status"] == "official"'
expect_json 'd["rolls"][0]["org_code"] == "A1C" and [s["status"] for s in d["statuses"]] == ["probationary","official"] and d["transfers"] == []'
api GET "/api/v1/audit?limit=1"
expect_json 'd["items"][0]["action"] == "member.read" and d["items"][0]["subject"] == "member:'"$MEMBER_A"'" and d["items"][0]["actor"] == "aclerk" and d["items"][0]["address"] == "127.0.0.1"' \
	"the opening is in the audit log"
api GET "/api/v1/members/$MEMBER_A/where?date=2015-06-01"
expect_status 200
expect_json 'd == {"id": '"$MEMBER_A"', "date": "2015-06-01", "org_code": "A1C", "status": "probationary", "hosted_at": None}'
api GET "/api/v1/members/$MEMBER_A/where?date=2010-01-01"
expect_json 'd["org_code"] is None and d["status"] is None'
api GET "/api/v1/members/$MEMBER_A/where"
expect_json 'd["date"] == "2026-11-23" and d["status"] == "official"'
api GET "/api/v1/members/$MEMBER_A/where?date=2015-13-01"
expect_problem 400 date
api GET /api/v1/members/999999
expect_problem 404 id
api GET /api/v1/members/abc
expect_problem 404 id
api GET /api/v1/members/999999/where
expect_problem 404
server_stop

tcase "POST /members: 201 with Location; every problem at once; duplicates warned" "$FX"
server_start
TOKEN=$TOKEN_aclerk
japi POST /api/v1/members "$(member_json A1D "Hà Thị Lan" ',"phone":"0912345678","category":"officer"')"
expect_status 201
json_val 'd["id"]'
NEW=$JV
expect_header "^Location: /api/v1/members/$NEW"
expect_json 'd["full_name"] == "Hà Thị Lan" and d["given_name"] == "Lan" and d["org_code"] == "A1D" and d["status"] == "official" and d["phone"] == "0912345678" and d["ethnicity"] == "Tày"'
expect_json '"warnings" not in d'
api GET "/api/v1/members/$NEW"
expect_json 'd["category"] == "officer" and d["hometown"] == "Cao Bằng"'
japi POST /api/v1/members "$(member_json A1D "Hà Thị Lan")"
expect_status 201
expect_json 'len(d["warnings"]) == 1 and d["warnings"][0]["field"] == "full_name" and "duplicate" in d["warnings"][0]["detail"]'
japi POST /api/v1/members '{"org_code":"A1D","full_name":"Hà Thị Mai","sex":"other","birth_date":"1990-02-30","hometown":"","admission_decision_date":"2014-01-10","admission_ceremony_date":"2014-02-01","category":"general"}'
expect_problem 422 sex birth_date ethnicity hometown category
japi POST /api/v1/members '{"org_code":"A1D","full_name":7,"id":5,"sex":["male"]}'
expect_problem 422 full_name id sex
japi POST /api/v1/members "$(member_json NOPE "Hà Thị Mai")"
expect_problem 404 org_code
japi POST /api/v1/members "$(member_json A1D "Hà Thị Mai" ',"status":"deceased"')"
expect_problem 422 status
server_stop

tcase "POST /members: bodies that are not JSON objects, not sent as JSON" "$FX"
server_start
TOKEN=$TOKEN_aclerk
japi POST /api/v1/members '{"org_code": "A1D",'
expect_problem 400 body
expect_json '"not JSON" in d["detail"]'
japi POST /api/v1/members '["A1D"]'
expect_problem 400 body
japi POST /api/v1/members '{"org_code":"A1D","org_code":"A1C"}'
expect_problem 400 body
api POST /api/v1/members -H 'Content-Type: text/plain' --data-binary '{"org_code":"A1D"}'
expect_problem 415
api POST /api/v1/members --data-urlencode 'org_code=A1D'
expect_problem 415
japi POST /api/v1/members '{"org_code":"A1D","full_name":"Nul\u0000Byte"}'
expect_problem 400 body
server_stop

tcase "PATCH /members/{id}: fields change with history kept; errors" "$FX"
server_start
TOKEN=$TOKEN_aclerk
japi PATCH "/api/v1/members/$MEMBER_A" '{"hometown":"Đồng Văn, Hà Giang","rank":"Thiếu úy","date":"2026-01-01"}'
expect_status 200
expect_json 'd["hometown"] == "Đồng Văn, Hà Giang" and d["rank"] == "Thiếu úy"'
api GET "/api/v1/audit?limit=1"
expect_json 'd["items"][0]["action"] == "member.edit" and d["items"][0]["after"]["before"]["hometown"] == "Hà Giang" and d["items"][0]["after"]["after"]["hometown"] == "Đồng Văn, Hà Giang"'
japi PATCH "/api/v1/members/$MEMBER_A" '{"rank":null}'
expect_status 200
expect_json 'd["rank"] == ""'
japi PATCH "/api/v1/members/$MEMBER_A" '{}'
expect_problem 422
japi PATCH "/api/v1/members/$MEMBER_A" '{"org_code":"A1D","status":"official"}'
expect_problem 422 org_code status
japi PATCH "/api/v1/members/$MEMBER_A" '{"birth_date":"1990-02-31","official_date":"x","sex":"x"}'
expect_problem 422 birth_date official_date
japi PATCH "/api/v1/members/$MEMBER_A" '{"sex":"x"}'
expect_problem 422 sex
japi PATCH "/api/v1/members/$MEMBER_A" '{"rank":"x","date":"2999-01-01"}'
expect_problem 422 date
japi PATCH /api/v1/members/999999 '{"rank":"x"}'
expect_problem 404
server_stop

tcase "POST /members/{id}/status: a change of status; its rules" "$FX"
server_start
TOKEN=$TOKEN_aclerk
japi POST "/api/v1/members/$MEMBER_A/status" '{"status":"exempt","date":"2026-05-01","reason":"sức khỏe"}'
expect_status 200
expect_json 'd["status"] == "exempt" and d["status_since"] == "2026-05-01"'
japi POST "/api/v1/members/$MEMBER_A/status" '{"status":"probationary"}'
expect_problem 409
japi POST "/api/v1/members/$MEMBER_A/status" '{"status":"retired"}'
expect_problem 422 status
japi POST "/api/v1/members/$MEMBER_A/status" '{"reason":"x"}'
expect_problem 422 status
japi POST /api/v1/members/999999/status '{"status":"official"}'
expect_problem 404
server_stop

tcase "transfers: sent (201), listed, read, received; temporary stay returned" "$FX"
server_start
TOKEN=$TOKEN_aclerk
japi POST "/api/v1/members/$MEMBER_A/transfers" '{"to":"A1D","date":"2026-10-01","reason":"điều động","letter_no":"12/GT"}'
expect_status 201
json_val 'd["id"]'
T1=$JV
expect_header "^Location: /api/v1/transfers/$T1"
expect_json 'd["member_id"] == '"$MEMBER_A"' and d["from"] == "A1C" and d["to"] == "A1D" and d["state"] == "sent" and d["kind"] == "official"'
api GET /api/v1/transfers
expect_json '[t["id"] for t in d["items"]] == ['"$T1"']'
api GET "/api/v1/transfers?org=A1D"
expect_json '[t["id"] for t in d["items"]] == ['"$T1"']'
api GET "/api/v1/transfers/$T1"
expect_json 'd["id"] == '"$T1"' and d["sent"] == "2026-10-01"'
japi POST "/api/v1/transfers/$T1/receive" '{"date":"2026-09-01"}'
expect_problem 409 date
japi POST "/api/v1/transfers/$T1/receive" '{"date":"2026-10-05"}'
expect_status 200
expect_json 'd["state"] == "received" and d["received"] == "2026-10-05"'
api GET "/api/v1/members/$MEMBER_A"
expect_json 'd["org_code"] == "A1D" and [r["org_code"] for r in d["rolls"]] == ["A1C","A1D"]'
japi POST "/api/v1/transfers/$T1/receive" '{}'
expect_problem 409 transfer
japi POST "/api/v1/transfers/$T1/return" '{}'
expect_problem 409 transfer
japi POST "/api/v1/members/$MEMBER_A/transfers" '{"to":"A1C","temporary":true,"date":"2026-10-10","until":"2027-04-10"}'
expect_status 201
json_val 'd["id"]'
T2=$JV
expect_json 'd["kind"] == "temporary" and d["until"] == "2027-04-10"'
japi POST "/api/v1/transfers/$T2/receive" '{"date":"2026-10-12"}'
expect_status 200
api GET "/api/v1/members/$MEMBER_A"
expect_json 'd["temporary_host"] == "A1C" and d["org_code"] == "A1D"'
japi POST "/api/v1/transfers/$T2/return" '{"date":"2026-11-01"}'
expect_status 200
expect_json 'd["state"] == "ended" and d["id"] == '"$T2"
japi POST "/api/v1/members/$MEMBER_A/transfers" '{"date":"x","temporary":"yes"}'
expect_problem 422 to date temporary
japi POST "/api/v1/members/$MEMBER_A/transfers" '{"to":"NOPE"}'
expect_problem 404
japi POST "/api/v1/members/$MEMBER_A/transfers" '{"to":"A1D"}'
expect_problem 422 to
api GET /api/v1/transfers/999999
expect_problem 404 id
japi POST /api/v1/transfers/999999/receive '{}'
expect_problem 404
japi POST /api/v1/transfers/999999/return '{}'
expect_problem 404 id
api GET "/api/v1/transfers?org=NOPE"
expect_problem 404
server_stop

tcase "SQL-looking and markup input is stored and returned literally" "$FX"
server_start
TOKEN=$TOKEN_aclerk
japi POST /api/v1/members "$(member_json A1D "Robert'); DROP TABLE member;--" ',"post":"1 OR 1=1; --","rank":"<script>\"'"'"'&"')"
expect_status 201
json_val 'd["id"]'
NEW=$JV
api GET "/api/v1/members/$NEW"
expect_json 'd["full_name"] == "Robert'"'"'); DROP TABLE member;--" and d["post"] == "1 OR 1=1; --" and d["rank"] == "<script>\"'"'"'&"'
api GET "/api/v1/members?q=robert"
expect_json '[m["id"] for m in d["items"]] == ['"$NEW"']'
api GET "/api/v1/export/members"
expect_out_contains "Robert'); DROP TABLE member;--"
japi POST /api/v1/orgs '{"code":"X1","parent_code":"A1","name":"x'"'"'); DROP TABLE org;--","kind":"cell"}'
expect_status 201
api GET /api/v1/orgs/X1
expect_json 'd["name"] == "x'"'"'); DROP TABLE org;--"'
api GET "/api/v1/orgs/A/members?limit=500"
expect_json 'len(d["items"]) == 2'
server_stop

done_testing
