#!/bin/bash
# t_cadres_io.sh - key cadres in and out of files and the committee forms on the web
# (docs/cadres.md "Imports and lists"): the import page takes position holders and committees
# (all or nothing, every bad row with its line and column), the cadres and vacancy pages give
# their lists as CSV and XLSX, and /orgs/CODE/cadres/committee adds a committee for a term,
# seats several members at once (all or nothing, each problem beside its row) and records a
# departure; valid HTML, read-only accounts refused.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"
. "$HERE/lib_forms.sh"

FX=$WORK/fx.db
web_fixture "$FX"
CD=$WORK/cd.db
cp "$FX" "$CD"
DB=$CD
cadre position add --org A1 --kind commander --on 2020-01-01
DB=$WORK/none.db

tcase "the import page: position holders and committees, all or nothing" "$CD"
printf 'org,kind,member_id,from,decision,decided_on,body,acting\nA1,commander,%s,2024-02-01,12/QĐ-BTL,2024-01-10,ROOT,\n' "$MEMBER_A" >good.csv
printf 'org,kind,member_id,from,decision,decided_on,body,acting\nA1,commander,%s,2024-02-01,12/QĐ-BTL,2024-01-10,A,\nA1,commissar,%s,2024-02-01,13/QĐ-BTL,2024-01-10,ROOT,\n' "$MEMBER_A" "$MEMBER_SQL" >bad.csv
printf 'org,term_start,seats,standing_seats,body,member,role,how\nA1,2025-10-01,3,1,A,%s,secretary,election\n' "$MEMBER_SQL" >com.csv
server_start
login aclerk
page GET /import
expect_status 200
expect_out_contains 'value="holdings"'
expect_out_contains 'value="committees"'
page POST /import -F "csrf=$CSRF" -F kind=holdings -F "file=@bad.csv;type=text/csv"
expect_status 422
expect_valid_html
htmlq text imported
expect_eq "rows imported" 0 "$HQ"
expect_out_contains "Fix the rows below and import the whole file again."
expect_true "the report names line 2, body, the rule" grep -q '<td class="line">2</td><td class="col">body</td><td class="val">A</td>.*R-POS-DECIDER-LEVEL' "$OUTF"
expect_true "the report names line 3, kind" grep -q '<td class="line">3</td><td class="col">kind</td><td class="val">commissar</td>' "$OUTF"
page POST /import -F "csrf=$CSRF" -F kind=holdings -F create_positions=1 -F skip_bad=1 -F "file=@good.csv;type=text/csv"
expect_status 422
expect_out_contains "all or nothing"
page POST /import -F "csrf=$CSRF" -F kind=holdings -F "file=@good.csv;type=text/csv"
expect_status 200
htmlq text imported
expect_eq "rows imported" 1 "$HQ"
page POST /import -F "csrf=$CSRF" -F kind=committees -F "file=@com.csv;type=text/csv"
expect_status 200
expect_valid_html
htmlq text imported
expect_eq "seats imported" 1 "$HQ"
page GET /orgs/A1/cadres
expect_status 200
expect_out_contains '1 / 3'

# the lists as downloads
page GET "/orgs/A1/cadres"
expect_out_contains 'id="positions-download"'
expect_out_contains 'href="?list=committees&amp;format=xlsx"'
page GET "/orgs/A1/cadres?list=positions&format=csv"
expect_status 200
expect_header '^Content-Type: text/csv'
expect_header '^Content-Disposition: attachment; filename="positions.csv"'
expect_true "the positions' CSV: the holder" grep -q "^[0-9]*,A1,.*,commander,.*,Nguyễn Văn An ($MEMBER_A)" "$OUTF"
page GET "/orgs/A1/cadres?list=committees&format=xlsx"
expect_status 200
expect_header '^Content-Type: application/vnd.openxmlformats'
page GET "/orgs/A1/cadres?list=rotations&year=2024&format=csv"
expect_status 200
expect_true "the rotations' header" [ "$(head -1 "$OUTF" | cut -d, -f1-3)" = "id,position_id,org" ]
page GET "/orgs/A/vacancies"
expect_out_contains 'id="vacancies-download"'
page GET "/orgs/A/vacancies?format=csv&as_of=2023-01-01"
expect_status 200
expect_true "the vacancy report as CSV: A1's commander vacant" grep -q "^[0-9],A1,.*,position,commander,vacant" "$OUTF"
page GET "/orgs/A1/cadres?list=nope&format=csv"
expect_status 400
page GET "/orgs/B1/cadres?list=positions&format=csv"
expect_status 404
server_stop

tcase "the committee forms: a term, several members at once, a departure" "$CD"
server_start
login aclerk
expect_page /orgs/A1/cadres
expect_out_contains 'href="/orgs/A1/cadres/committee"'
page GET /orgs/A1/cadres/committee
expect_status 200
expect_valid_html
expect_out_contains 'id="no-committee"'
post /orgs/A1/cadres/committee -d action=add -d term_start=2025-09-30 -d seats=3 -d standing_seats=3 -d body=A
expect_status 422
expect_valid_html
expect_beside standing_seats
expect_value term_start 2025-09-30
post /orgs/A1/cadres/committee -d action=add -d term_start=2025-10-01 -d seats=3 -d standing_seats=1 -d body=A -d decision=05-QĐ/ĐU
expect_status 303
cadre --json committee list --org A1
expect_json 'len(d) == 1 and d[0]["seats"] == 3 and d[0]["body"] == "A"' "the committee added"
json_val 'd[0]["id"]'
CID=$JV
page GET /orgs/A1/cadres/committee
expect_valid_html
expect_out_contains 'id="committee-seat"'
post /orgs/A1/cadres/committee -d action=seat -d seat_committee="$CID" -d member_1="$MEMBER_A" -d role_1=secretary -d member_2="$MEMBER_SQL" -d role_2=member -d member_4="$MEMBER_B" -d role_4=member
expect_status 422
expect_valid_html
expect_beside member_4 "not on the rolls of A1"
expect_not_beside member_1
expect_value member_2 "$MEMBER_SQL"
cadre --json committee show "$CID" --as-of 2026-01-01
expect_json 'd["members"] == []' "nothing seated"
post /orgs/A1/cadres/committee -d action=seat -d seat_committee="$CID" -d member_1="$MEMBER_A" -d role_1=secretary -d member_2="$MEMBER_SQL" -d role_2=member
expect_status 303
cadre --json committee show "$CID" --as-of 2026-01-01
expect_json 'sorted((m["member_id"], m["role"]) for m in d["members"]) == sorted([('"$MEMBER_A"', "secretary"), ('"$MEMBER_SQL"', "member")])' "two seated at once"
post /orgs/A1/cadres/committee -d action=seat -d seat_committee="$CID" -d member_1="$MEMBER_EVIL" -d role_1=secretary
expect_status 422
expect_out_contains "a committee has one secretary"
post /orgs/A1/cadres/committee -d action=leave -d leave_committee="$CID" -d leave_member="$MEMBER_SQL" -d leave_on=2026-03-01
expect_status 422
expect_beside reason
post /orgs/A1/cadres/committee -d action=leave -d leave_committee="$CID" -d leave_member="$MEMBER_B" -d leave_on=2026-03-01 -d reason=x
expect_status 422
expect_beside leave_member "does not sit"
post /orgs/A1/cadres/committee -d action=leave -d leave_committee="$CID" -d leave_member="$MEMBER_SQL" -d leave_on=2026-03-01 -d reason="Chuyển công tác"
expect_status 303
cadre --json committee show "$CID" --as-of 2026-04-01
expect_json '[m["member_id"] for m in d["members"]] == ['"$MEMBER_A"']' "the departure recorded"
login aview
page GET /orgs/A1/cadres/committee
expect_status 403
post /orgs/A1/cadres/committee -d action=add -d term_start=2030-10-01 -d seats=3
expect_status 403
login bclerk
page GET /orgs/A1/cadres/committee
expect_status 404
server_stop

tcase "the accounts page: grant and revoke the personnel right" "$CD"
server_start
login aadmin
expect_page /accounts
expect_out_contains 'id="account-aclerk"'
expect_out_lacks 'id="account-bclerk"'
expect_out_contains 'Grant the personnel right'
post /accounts/aclerk/personnel -d grant=1
expect_status 303
expect_true "back to the list with the confirmation" [ "$(location | cut -d'?' -f1)" = /accounts ]
cadre --json user list
expect_json '[a["personnel"] for a in d if a["account"] == "aclerk"] == [True]' "granted"
expect_page /accounts
expect_out_contains 'Revoke the personnel right'
post /accounts/aclerk/personnel -d grant=0
expect_status 303
cadre --json user list
expect_json '[a["personnel"] for a in d if a["account"] == "aclerk"] == [False]' "revoked"
cadre --json audit list
expect_json '[x["action"] for x in d if x["subject"] == "account:aclerk"][:2] == ["account.personnel.revoke", "account.personnel.grant"]' "both audited"
post /accounts/bclerk/personnel -d grant=1
expect_status 404
post /accounts/aclerk/personnel -d grant=maybe
expect_status 422
HTTP_LANG=vi
post /lang --data-urlencode lang=vi --data-urlencode next=/
expect_page /accounts
expect_out_contains 'Tài khoản và quyền công tác cán bộ'
expect_out_contains 'Cấp quyền công tác cán bộ'
expect_page /orgs/A1/cadres/committee
expect_out_contains 'Thêm cấp ủy'
HTTP_LANG=en
login aclerk
page GET /accounts
expect_status 403
post /accounts/aview/personnel -d grant=1
expect_status 403
server_stop

done_testing
