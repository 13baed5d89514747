#!/bin/bash
# t_study.sh - documents and their study through the API (docs/study.md): a number that
# cannot be read answered 422 naming the byte, the register searched without accents and
# downloaded as CSV and XLSX, a study plan, a session with its attendance and a make-up,
# confirmations (201, then 200), the coverage with its drill-down, an action programme with
# its result; every answer as documented in openapi.json.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"

tcase "documents, sessions, coverage and programmes over HTTP" "$FX"
DB=$WORK/case1.db
madd A1C "Lê Thị Cúc"
M2=$MID
server_start
TOKEN=$TOKEN_aclerk
japi POST /api/v1/documents '{"number":"21-XX/TW","issued_on":"2016-10-30","title":"x","org":"A"}'
expect_problem 422 number
expect_json 'any("byte 3" in e["detail"] and "known type" in e["detail"] for e in d["errors"])'
japi POST /api/v1/documents '{"number":"21-nq/tw","issued_on":"2016-10-30","title":"Nghị quyết Hội nghị Trung ương 4","org":"A","extra":1}'
expect_problem 422 extra
japi POST /api/v1/documents '{"number":"21-nq/tw","issued_on":"2016-10-30","title":"Nghị quyết Hội nghị Trung ương 4","org":"A"}'
expect_status 201
expect_header '^location: /api/v1/documents/[0-9]+'
expect_json 'd["number"] == "21-NQ/TW" and d["replaced_by"] == [] and d["plans"] == []'
json_val 'd["id"]'
D=$JV
japi POST /api/v1/documents '{"number":"168-KH/DU","issued_on":"2021-04-01","title":"Kế hoạch","org":"A1","replaces":"21-NQ/TW"}'
expect_status 201
expect_json 'd["number"] == "168-KH/ĐU" and d["replaces"]["id"] == '"$D"
api GET "/api/v1/documents?q=nghi%20quyet%2021"
expect_status 200
expect_json '[x["number"] for x in d["items"]] == ["21-NQ/TW"] and d["total"] == 1'
api GET "/api/v1/documents?q=168-kh"
expect_json '[x["number"] for x in d["items"]] == ["168-KH/ĐU"]'
api GET "/api/v1/documents?format=csv"
expect_status 200
expect_header '^content-type: text/csv'
expect_py 'open("'"$OUTF"'", encoding="utf-8").read().splitlines()[0] == "number,type,issuer,issued_on,title,replaces,org"'
expect_py '"168-KH/ĐU,KH,ĐU,2021-04-01,Kế hoạch,21-NQ/TW,A1" in open("'"$OUTF"'", encoding="utf-8").read()'
api GET "/api/v1/documents?format=xlsx"
expect_status 200
expect_py 'read("'"$OUTF"'")[:2] == b"PK"' "an XLSX workbook"
api GET "/api/v1/documents?format=pdf"
expect_problem 400 format
api GET "/api/v1/documents/$D"
expect_json 'd["replaced_by"][0]["number"] == "168-KH/ĐU"'
japi POST "/api/v1/documents/$D/plans" '{"org":"A1","tier":"grassroots_members","deadline":"2026-12-31"}'
expect_status 201
expect_json 'd["audience"] == "A1" and d["deadline"] == "2026-12-31"'
japi POST "/api/v1/documents/$D/plans" '{"org":"A1","tier":"majors"}'
expect_problem 422 tier
japi POST "/api/v1/documents/$D/sessions" '{"org":"A1","date":"2026-10-01","starts":"7h"}'
expect_problem 422 starts
japi POST "/api/v1/documents/$D/sessions" '{"org":"A1","date":"2026-10-01","starts":"13:30","ends":"17:00"}'
expect_status 201
expect_json 'd["starts"] == "13:30" and d["ends"] == "17:00" and d["present"] == 0'
json_val 'd["id"]'
S=$JV
japi POST "/api/v1/study-sessions/$S/attendance" '{"member_id":'"$MEMBER_A"',"status":"present"}'
expect_status 200
japi POST "/api/v1/study-sessions/$S/attendance" '{"member_id":'"$M2"',"status":"excused"}'
expect_problem 422 reason
japi POST "/api/v1/study-sessions/$S/attendance" '{"member_id":'"$M2"',"status":"excused","reason":"ốm"}'
expect_status 200
expect_json 'd["present"] == 1 and d["excused"] == 1'
api GET "/api/v1/documents/$D/coverage?org=A"
expect_status 200
expect_json 'd["members"] == 2 and d["covered"] == 1 and sorted(d["missing"]) == ["A", "A1", "A1C"] and d["all_committees_studied"] is False'
expect_json '[(o["org"], o["members"], o["covered"], o["studied"]) for o in d["orgs"] if o["org"] == "A1C"] == [("A1C", 2, 1, False)]'
japi POST "/api/v1/documents/$D/sessions" '{"org":"A1C","date":"2026-10-15","makeup_of":'"$S"'}'
expect_status 201
expect_json 'd["makeup_of"] == '"$S"
json_val 'd["id"]'
MK=$JV
japi POST "/api/v1/documents/$D/confirmations" '{"member_id":'"$M2"',"date":"2026-10-20"}'
expect_status 201
expect_json 'd["added"] is True'
japi POST "/api/v1/documents/$D/confirmations" '{"member_id":'"$M2"'}'
expect_status 200
expect_json 'd["added"] is False'
api GET "/api/v1/documents/$D/coverage?org=A"
expect_json 'd["members"] == 2 and d["covered"] == 2 and d["missing"] == [] and d["all_committees_studied"] is True and d["committees"] == 2'
api GET "/api/v1/documents/$D/coverage?org=A&as_of=2026-10-05"
expect_json 'd["covered"] == 1 and d["as_of"] == "2026-10-05"'
api GET "/api/v1/documents/$D/coverage?as_of=2026-13-01"
expect_problem 400 as_of
api GET "/api/v1/documents/$D"
expect_json '[s["id"] for s in d["sessions"]] == ['"$S"', '"$MK"'] and d["plans"][0]["tier"] == "grassroots_members"'
japi POST /api/v1/action-programmes '{"org":"A1","document_id":'"$D"',"year":2026,"title":"Chương trình hành động"}'
expect_status 201
expect_header '^location: /api/v1/action-programmes/[0-9]+'
json_val 'd["id"]'
P=$JV
japi POST /api/v1/action-programmes '{"org":"A1","document_id":'"$D"',"year":2026,"title":"again"}'
expect_problem 409
japi POST "/api/v1/action-programmes/$P/items" '{"text":"Quán triệt","owner":"Bí thư","due_on":"2026-12-01"}'
expect_status 201
expect_json 'd["items"] == [{"seq": 1, "text": "Quán triệt", "owner": "Bí thư", "due_on": "2026-12-01", "done": None, "result": ""}]'
japi POST "/api/v1/action-programmes/$P/items/2/result" '{"done":true}'
expect_problem 404
japi POST "/api/v1/action-programmes/$P/items/1/result" '{"done":false,"result":"chưa xong"}'
expect_status 200
expect_json 'd["items"][0]["done"] is False and d["items"][0]["result"] == "chưa xong"'
api GET "/api/v1/action-programmes?org=A&year=2026"
expect_json '[(p["id"], p["items"], p["done"]) for p in d["items"]] == [('"$P"', 1, 0)]'
api GET "/api/v1/action-programmes?year=x"
expect_problem 400 year
server_stop

done_testing
