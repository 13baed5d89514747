#!/bin/bash
# t_cadres_io.sh - key cadres in and out of files through the API (docs/cadres.md "Imports
# and lists"): POST /api/v1/import/holdings and /import/committees (all or nothing, every bad
# row with its line and field, ?create_positions=1, Idempotency-Key replays, Prefer:
# respond-async jobs) and every cadres list as CSV and XLSX (?format=).
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
tcase "cadres imports and lists through the API" "$FX"
cadre position add --org A1 --kind commander --on 2020-01-01
server_start
TOKEN=$TOKEN_admin
H=org,kind,member_id,from,decision,decided_on,body,acting
printf '%s\nA1,commander,%s,2025-02-01,12/QĐ-BTL,2025-01-10,A,\nA1,commissar,%s,2025-02-01,13/QĐ-BTL,2025-01-10,ROOT,\nA1,general,%s,2025-02-01,13/QĐ-BTL,,ROOT,\n' \
	"$H" "$MEMBER_A" "$MEMBER_A" "$MEMBER_A" >"$WORK/bad.csv"
capi POST /api/v1/import/holdings "$WORK/bad.csv"
expect_status 409
expect_json 'sorted({e["line"] for e in d["errors"]}) == [2, 3, 4]' "every bad row with its line"
expect_json 'any(e.get("field") == "body" and e.get("rule") == "R-POS-DECIDER-LEVEL" for e in d["errors"]) and any(e.get("field") == "kind" and "create-positions" in e["detail"] for e in d["errors"]) and any(e.get("field") == "decided_on" for e in d["errors"])' \
	"the rule, the missing position and the missing date, each in its column"
api GET /api/v1/orgs/A1/positions
expect_json '[p["holders"] for p in d["items"]] == [[]]' "nothing imported"
printf '%s\nA1,commander,%s,2025-02-01,12/QĐ-BTL,2025-01-10,ROOT,\nA1,commissar,%s,2025-02-01,13/QĐ-BTL,2025-01-10,ROOT,yes\n' \
	"$H" "$MEMBER_A" "$MEMBER_B" >"$WORK/good.csv"
capi POST /api/v1/import/holdings "$WORK/good.csv" -H 'Idempotency-Key: ho-1'
expect_status 404
expect_json 'any(e.get("line") == 3 and e.get("field") == "kind" for e in d["errors"])' "no commissar without create_positions"
capi POST "/api/v1/import/holdings?create_positions=1" "$WORK/good.csv" -H 'Idempotency-Key: ho-2'
expect_status 200
expect_json 'd["imported"] == "holdings" and d["imported_rows"] == 2 and d["rows"] == 2' "imported"
capi POST "/api/v1/import/holdings?create_positions=1" "$WORK/good.csv" -H 'Idempotency-Key: ho-2'
expect_status 200
expect_header '^idempotent-replayed: true'
api GET /api/v1/orgs/A1/positions
expect_json 'sorted((p["kind"], [(h["member_id"], h["acting"]) for h in p["holders"]]) for p in d["items"]) == [("commander", [('"$MEMBER_A"', False)]), ("commissar", [('"$MEMBER_B"', True)])]' \
	"the holders, the acting one marked (a holder may come from elsewhere)"
capi POST "/api/v1/import/holdings?skip_bad=1" "$WORK/good.csv"
expect_problem 400 skip_bad

# committees: a row a seat
C=org,term_start,seats,standing_seats,body,decision,member,role,how
printf '%s\nA1,2025-01-01,3,1,A,05-QĐ/ĐU,%s,secretary,election\nA1,2025-01-01,,,,,%s,member,election\n' \
	"$C" "$MEMBER_A" "$MEMBER_B" >"$WORK/cbad.csv"
capi POST /api/v1/import/committees "$WORK/cbad.csv"
expect_status 409
expect_json '[(e.get("line"), e.get("field")) for e in d["errors"]] == [(3, "member")] and "not on the rolls of A1" in d["errors"][0]["detail"]' \
	"a member from another subtree is refused, at its line"
api GET /api/v1/orgs/A1/committees
expect_json 'd["items"] == []' "nothing kept"
printf '%s\nA1,2025-01-01,3,1,A,05-QĐ/ĐU,%s,secretary,election\n' "$C" "$MEMBER_A" >"$WORK/cgood.csv"
capi POST /api/v1/import/committees "$WORK/cgood.csv" -H 'Prefer: respond-async'
expect_status 202
expect_json 'd["kind"] == "committees"' "an import of committees as a job"
json_val 'd["url"]'
JOB=$JV
n=0
api GET "$JOB"
while json_val 'd["state"]' && { [ "$JV" = queued ] || [ "$JV" = running ]; } && [ $n -lt 3000 ]; do
	api GET "$JOB"
	n=$((n + 1))
done
expect_json 'd["state"] == "done" and d["result"]["imported"] == "committees" and d["result"]["imported_rows"] == 1' \
	"the job seated the secretary"
api GET /api/v1/orgs/A1/committees
expect_json 'len(d["items"]) == 1 and d["items"][0]["seats"] == 3' "the committee made"
json_val 'd["items"][0]["id"]'
CID=$JV

# the lists as CSV and XLSX
api GET "/api/v1/orgs/A1/positions?format=csv"
expect_status 200
expect_header '^Content-Type: text/csv'
expect_true "the positions' CSV header" [ "$(printf '%s' "$OUT" | head -1)" = "id,org,org_name,kind,kind_vi,kind_en,side,key,seats,from,to,holders" ]
expect_out_contains "Nguyễn Văn An ($MEMBER_A)"
api GET "/api/v1/orgs/A1/positions?format=xlsx"
expect_status 200
expect_header '^Content-Type: application/vnd.openxmlformats'
api GET "/api/v1/orgs/A1/positions"
json_val 'd["items"][0]["id"]'
api GET "/api/v1/positions/$JV?format=csv"
expect_status 200
expect_out_contains "12/QĐ-BTL"
api GET "/api/v1/members/$MEMBER_B/holdings?format=csv"
expect_status 200
expect_true "a member's holdings: the commissar, acting" [ "$(printf '%s' "$OUT" | sed -n 2p | cut -d, -f3,4,7)" = "A1,commissar,1" ]
api GET "/api/v1/members/$MEMBER_B/holdings"
expect_json 'd["member_id"] == '"$MEMBER_B"' and [h["kind"] for h in d["items"]] == ["commissar"]'
api GET "/api/v1/orgs/ROOT/rotations?year=2025&format=csv"
expect_status 200
expect_true "the rotations' CSV header" [ "$(printf '%s' "$OUT" | head -1 | cut -d, -f1-5)" = "id,position_id,org,kind,member_id" ]
api GET "/api/v1/orgs/A1/committees?format=csv"
expect_status 200
expect_out_contains "2025-01-01,2030-01-01,3,1,05-QĐ/ĐU,A"
api GET "/api/v1/committees/$CID?format=xlsx"
expect_status 200
expect_header '^Content-Disposition: .*committee.xlsx'
api GET "/api/v1/committees/$CID?format=csv&as_of=2025-06-01"
expect_out_contains "secretary"
api GET "/api/v1/orgs/ROOT/vacancies?format=xlsx&as_of=2025-06-01"
expect_status 200
expect_header '^Content-Type: application/vnd.openxmlformats'
api GET "/api/v1/orgs/A1/committees?format=pdf"
expect_problem 400 format
server_stop
done_testing
