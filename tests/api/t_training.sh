#!/bin/bash
# t_training.sh - the training endpoints (docs/cadres.md "Training"): a record added with
# every problem answered at once, read, changed (the old values in the audit log), deleted
# (kept), listed as JSON, CSV and XLSX, the figure of a year, and the import's answer (all or
# nothing, every bad row; Idempotency-Key replays).
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
tcase "training through the API" "$FX"
server_start
TOKEN=$TOKEN_admin
japi POST /api/v1/training '{"member_id":'"$MEMBER_A"',"course":"","school":"","kind":"weekly","from":"2025-13-01","to":"2024-01-01"}'
expect_problem 422 course school kind from
japi POST /api/v1/training '{"member_id":'"$MEMBER_A"',"course":"K","school":"S","kind":"short","from":"2025-03-02","to":"2025-03-01"}'
expect_problem 422 to
japi POST /api/v1/training '{"member_id":'"$MEMBER_A"',"course":"K","school":"S","kind":"short","from":"2025-03-02","extra":1}'
expect_problem 422 extra
japi POST /api/v1/training '{"member_id":999999,"course":"K","school":"S","kind":"short","from":"2025-03-02"}'
expect_status 404
japi POST /api/v1/training '{"member_id":'"$MEMBER_A"',"course":"Cao cấp  lý luận chính trị","school":"Học viện Chính trị","kind":"long_term","from":"2025-09-01","to":"2026-06-30","result":"Giỏi","certificate":"CC-1"}'
expect_status 201
expect_header '^Location: /api/v1/training/[0-9]+'
expect_json 'd["course"] == "Cao cấp lý luận chính trị" and d["org"] == "A1C" and d["to"] == "2026-06-30"' "the record, normalised"
json_val 'd["id"]'
T=$JV
japi PATCH "/api/v1/training/$T" '{"result":"Xuất sắc","to":null}'
expect_status 200
expect_json 'd["result"] == "Xuất sắc" and d["to"] is None and d["certificate"] == "CC-1"' "changed; null clears the end"
japi PATCH "/api/v1/training/$T" '{"member_id":5}'
expect_problem 422 member_id
api GET "/api/v1/audit?action=training.edit"
expect_json 'd["items"][0]["before"]["result"] == "Giỏi" and d["items"][0]["after"]["result"] == "Xuất sắc"' "the history in the audit log"
api GET "/api/v1/training?org=A&year=2025"
expect_status 200
expect_json 'd["total"] == 1 and d["items"][0]["id"] == '"$T" "the list"
api GET "/api/v1/training?org=A&format=csv"
expect_status 200
expect_header '^Content-Type: text/csv'
expect_true "the CSV's header and row" [ "$(printf '%s' "$OUT" | head -1)" = "id,member_id,full_name,org,course,school,kind,from,to,result,certificate,note" ]
api GET "/api/v1/training?org=A&format=xlsx"
expect_status 200
api GET "/api/v1/training?kind=weekly"
expect_problem 400 kind
api GET "/api/v1/orgs/ROOT/training-figures?year=2025"
expect_status 200
expect_json 'd["year"] == 2025 and d["items"][0]["total"] == 1 and d["items"][0]["long_term"] == 1' "the figure"
api GET "/api/v1/orgs/ROOT/training-figures"
expect_problem 400 year
# the import: every bad row, then all at once, then a replay
printf 'member_id,course,school,kind,from,to\n%s,Khóa 1,Trường A,short,2025-04-01,2025-04-20\n0,Khóa 2,Trường B,short,2025-04-01,\n%s,,Trường C,weekly,2025-04-01,2025-03-01\n' "$MEMBER_A" "$MEMBER_B" >"$WORK/bad.csv"
capi POST /api/v1/import/training "$WORK/bad.csv"
expect_status 422
expect_json 'sorted({e["line"] for e in d["errors"]}) == [3, 4] and any(e.get("field") == "kind" for e in d["errors"])' "every bad row with its line"
api GET "/api/v1/training?org=ROOT"
expect_json 'd["total"] == 1' "nothing imported"
printf 'member_id,course,school,kind,from,to\n%s,Khóa 1,Trường A,short,2025-04-01,2025-04-20\n%s,Khóa 2,Trường B,in_service,2025-04-01,\n' "$MEMBER_A" "$MEMBER_B" >"$WORK/good.csv"
capi POST /api/v1/import/training "$WORK/good.csv" -H 'Idempotency-Key: tr-1'
expect_status 200
expect_json 'd["imported_rows"] == 2 and d["rows"] == 2' "imported"
capi POST /api/v1/import/training "$WORK/good.csv" -H 'Idempotency-Key: tr-1'
expect_status 200
expect_json 'd["replayed"] is True' "replayed, not imported again"
capi POST "/api/v1/import/training?skip_bad=1" "$WORK/good.csv"
expect_status 400
api GET "/api/v1/orgs/ROOT/training-figures?year=2025"
expect_json 'd["items"][0]["total"] == 2 and d["items"][0]["short"] == 1 and d["items"][0]["in_service"] == 1' "a member with two courses counted once"
api DELETE "/api/v1/training/$T"
expect_status 200
api GET "/api/v1/training/$T"
expect_status 404
server_stop
done_testing
