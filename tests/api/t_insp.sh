#!/bin/bash
# t_insp.sh - the inspection endpoints (docs/inspection.md): a programme and its items, a case
# opened on signs of violation and taken through every step, each problem answered with its
# field, a refused step leaving the case as it was, the lists as JSON, CSV and XLSX, the
# imports' answers; the inspection right on accounts (GET shows it, POST grants and revokes
# it, only by those who manage the account, audited).
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
tcase "inspection through the API" "$FX"
for spec in atarget:viewer:A1 btarget:clerk:B1; do
	IFS=: read -r name role org <<<"$spec"
	printf '%s\n' "$PW" >"$WORK/.pw"
	STDIN=$WORK/.pw cadre user add "$name" --role "$role" --org "$org"
done
server_start
TOKEN=$TOKEN_admin
japi POST /api/v1/inspection/programmes '{"org":"A","body":"ubkt","year":1999,"kind":"audit","title":"","doc_no":"5-XX/UBKT"}'
expect_problem 422 body year kind title doc_no
japi POST /api/v1/inspection/programmes '{"org":"A","body":"inspection","year":2026,"kind":"inspection","title":"Chương trình kiểm tra 2026","approved_on":"2026-01-05","doc_no":"05-ctr/ubkt","x":1}'
expect_problem 422 x
japi POST /api/v1/inspection/programmes '{"org":"A","body":"inspection","year":2026,"kind":"inspection","title":"Chương trình kiểm tra 2026","approved_on":"2026-01-05","doc_no":"05-ctr/ubkt"}'
expect_status 201
expect_header '^Location: /api/v1/inspection/programmes/[0-9]+'
expect_json 'd["doc_no"] == "05-CTr/UBKT" and d["items_list"] == [] and d["org"] == "A"' "stored canonical"
json_val 'd["id"]'
P=$JV
japi POST "/api/v1/inspection/programmes/$P/items" '{"org":"A","kind":"regular","from":"2025-01-01","to":"2024-01-01","content":""}'
expect_problem 422 org kind from to content
japi POST "/api/v1/inspection/programmes/$P/items" '{"org":"A1","kind":"plan","from":"2026-03-01","to":"2026-03-31","content":"Kiểm tra lãnh đạo"}'
expect_status 201
json_val 'd["id"]'
I=$JV
api GET "/api/v1/inspection/programmes/$P"
expect_json 'd["items"] == 1 and d["items_list"][0]["org"] == "A1"'
# A case on signs of violation, outside the programme, on a member.
japi POST /api/v1/inspection/cases '{"member_id":'"$MEMBER_A"',"body_org":"A1","body":"inspection","kind":"signs","decision_no":"12-QĐ/XX-","decision_on":"2026-04-01","from":"2026-04-02","to":"2026-04-30"}'
expect_problem 422 decision_no
expect_json '"cannot be read at byte" in d["errors"][0]["detail"]' "the parser's message"
japi POST /api/v1/inspection/cases '{"member_id":'"$MEMBER_A"',"body_org":"B","body":"inspection","kind":"signs","decision_no":"12-QĐ/UBKT","decision_on":"2026-04-01","from":"2026-04-02","to":"2026-04-30"}'
expect_problem 422 body_org
japi POST /api/v1/inspection/cases '{"member_id":'"$MEMBER_A"',"body_org":"A1","body":"inspection","kind":"signs","decision_no":"12-QĐ/UBKT","decision_on":"2026-04-01","from":"2026-04-02","to":"2026-04-30","team":"Tổ kiểm tra","content":"Dấu hiệu vi phạm"}'
expect_status 201
expect_json 'd["state"] == "open" and d["item_id"] is None and d["org"] == "A1C" and [h["state"] for h in d["history"]] == ["open"]'
json_val 'd["id"]'
K=$JV
api GET "/api/v1/inspection/cases/$K"
BEFORE=$OUT
japi POST "/api/v1/inspection/cases/$K/notify" '{"on":"2026-05-01","doc_no":"3-TB/UBKT"}'
expect_problem 409 state
expect_json '"the case is open" in d["errors"][0]["detail"]' "says what state the case is in"
japi POST "/api/v1/inspection/cases/$K/conclude" '{"on":"2026-03-01","conclusion":"violation_discipline"}'
expect_problem 422 on proposal
api GET "/api/v1/inspection/cases/$K"
expect_eq "a refused step leaves the case as it was" "$BEFORE" "$OUT"
japi POST "/api/v1/inspection/cases/$K/conclude" '{"on":"2026-05-01","conclusion":"violation_discipline","proposal":"warning","findings":"Vi phạm","doc_no":"7-KL/UBKT"}'
expect_status 200
expect_json 'd["state"] == "concluded" and d["proposal"] == "warning" and d["conclusion_no"] == "7-KL/UBKT"'
japi POST "/api/v1/inspection/cases/$K/notify" '{"on":"2026-05-03","doc_no":"3-TB/UBKT"}'
expect_json 'd["state"] == "notified" and d["notified_on"] == "2026-05-03"'
japi POST "/api/v1/inspection/cases/$K/followup" '{"on":"2026-06-01","text":"Đã sửa chữa"}'
japi POST "/api/v1/inspection/cases/$K/close" '{"on":"2026-06-02"}'
expect_json 'd["state"] == "closed" and [(h["state"], h["on"], h["by"]) for h in d["history"]] == [("open", "2026-04-01", "admin"), ("concluded", "2026-05-01", "admin"), ("notified", "2026-05-03", "admin"), ("followup", "2026-06-01", "admin"), ("closed", "2026-06-02", "admin")]' "the history"
japi POST /api/v1/inspection/cases '{"item_id":'"$I"',"decision_no":"13-QĐ/UBKT","decision_on":"2026-03-01","from":"2026-03-01","to":"2026-03-20"}'
expect_status 201
expect_json 'd["item_id"] == '"$I"' and d["programme_id"] == '"$P"' and d["kind"] == "plan" and d["body_org"] == "A" and d["late"] is True'
api GET "/api/v1/inspection/cases?late=1"
expect_json '[c["decision_no"] for c in d["items"]] == ["13-QĐ/UBKT"] and d["total"] == 1' "--late"
api GET "/api/v1/inspection/cases?org=A&kind=signs&year=2026&state=closed"
expect_json '[c["id"] for c in d["items"]] == ['"$K"']'
api GET "/api/v1/inspection/cases?state=done"
expect_problem 400 state
api GET "/api/v1/inspection/cases?format=csv"
expect_status 200
expect_header '^Content-Type: text/csv'
expect_true "the CSV's header" [ "$(printf '%s' "$OUT" | head -1)" = "id,org,member_id,full_name,body_org,body,kind,decision_no,decision_on,from,to,team,state,conclusion,proposal,concluded_on,conclusion_no,notice_no,notified_on,late" ]
api GET "/api/v1/inspection/cases?format=xlsx"
expect_status 200
api DELETE "/api/v1/inspection/items/$I"
expect_problem 409 id
# Imports: every bad row, then all of them.
printf 'body_org,body,decision_no,decision_on,org,kind,from,to\nA,committee,1-QĐ/ĐU,2021-03-01,A1,plan,2021-03-01,2021-03-20\nA,committee,2-QĐ/ĐU,2019-03-01,A1,plan,2019-03-01,2019-03-20\nA,committee,3-QĐ/ĐU,2021-03-01,A,plan,2021-03-01,2021-03-20\n' >"$WORK/bad.csv"
capi POST /api/v1/import/cases "$WORK/bad.csv"
expect_status 422
expect_json 'sorted({e["line"] for e in d["errors"]}) == [3, 4]' "every bad row with its line"
api GET "/api/v1/inspection/cases?year=2021"
expect_json 'd["total"] == 0' "nothing imported"
printf 'org,body,year,kind,title\nA,committee,2021,supervision,Giám sát 2021\n' >"$WORK/p.csv"
capi POST /api/v1/import/programmes "$WORK/p.csv"
expect_status 200
expect_json 'd["imported_rows"] == 1'

# The inspection right on accounts.
api GET /api/v1/accounts
expect_json '{a["account"]: a["inspection"] for a in d["items"] if a["account"] in ("admin", "atarget", "btarget")} == {"admin": True, "atarget": False, "btarget": False}' "shown"
TOKEN=$TOKEN_aadmin
japi POST /api/v1/accounts/atarget/inspection '{"org":"A1","grant":true}'
expect_status 200
expect_json 'd["inspection"] is True and d["personnel"] is False and d["account"] == "atarget"'
japi POST /api/v1/accounts/btarget/inspection '{"org":"B1","grant":true}'
expect_status 404
TOKEN=$TOKEN_aclerk
japi POST /api/v1/accounts/atarget/inspection '{"grant":false}'
expect_status 403
TOKEN=$TOKEN_aadmin
japi POST /api/v1/accounts/atarget/inspection '{"org":"A","grant":false}'
expect_problem 422 org
japi POST /api/v1/accounts/atarget/inspection '{"grant":"yes"}'
expect_problem 422 grant
api GET /api/v1/accounts
expect_json '[a["inspection"] for a in d["items"] if a["account"] == "atarget"] == [True]' "granted"
japi POST /api/v1/accounts/atarget/inspection '{"org":"A1","grant":false}'
expect_json 'd["inspection"] is False'
TOKEN=$TOKEN_admin
api GET "/api/v1/audit?action=account.inspection.grant"
expect_json 'd["items"][0]["subject"] == "account:atarget"' "audited"
server_stop
done_testing
