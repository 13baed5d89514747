#!/bin/bash
# t_forms_io.sh - the forms that move members and load files: transfers sent, received and
# returned, the import with its per-row report, and who may use the forms (a viewer: 403; a
# clerk of another branch: 404, the same page as a record that does not exist).
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"
. "$HERE/lib_forms.sh"

FX=$WORK/fx.db
http_fixture "$FX"
# open_transfer MEMBER: TID = the id of the member's open transfer ("" when none).
open_transfer() {
	cadre --json member transfers
	json_val '[t["id"] for t in d if t["member_id"] == '"$1"'][0]'
	TID=$JV
}

# ---------------------------------------------------------------------------------------------
tcase "official transfer: sent from A's form, received by B's clerk, the member changes rolls" "$FX"
server_start
login aclerk
page GET "/members/$MEMBER_A/transfer"
expect_status 200
expect_valid_html
for f in to kind date until reason letter_no; do
	htmlq value "$f"
	[ "$HQ" != "<no control>" ] && pass || fail "the transfer form has f-$f" "a control f-$f" "$HQ"
done
snap_before
post "/members/$MEMBER_A/transfer" --data-urlencode to=NOWHERE --data-urlencode kind=official \
	--data-urlencode date=2026-11-02 --data-urlencode "reason=$EVIL"
expect_status 422
expect_valid_html
expect_beside to "NOWHERE"
expect_value to NOWHERE
expect_value reason "$EVIL"
expect_out_lacks "$EVIL"
post "/members/$MEMBER_A/transfer" --data-urlencode to=B1C --data-urlencode kind=temporary \
	--data-urlencode date=2026-11-02
expect_status 422
expect_beside until
expect_value kind temporary
post "/members/$MEMBER_A/transfer" --data-urlencode to=B1C --data-urlencode kind=sideways \
	--data-urlencode date=2026-11-31
expect_status 422
expect_beside kind
expect_beside date
expect_unchanged
post "/members/$MEMBER_A/transfer" --data-urlencode to=B1C --data-urlencode kind=official \
	--data-urlencode date=2026-11-02 --data-urlencode "reason=nhận nhiệm vụ mới" \
	--data-urlencode "letter_no=123/GGT"
expect_status 303
expect_eq "to the transfers of the sending organisation" \
	"/transfers?org=A1C&done=transfer-sent&of=$MEMBER_A" "$(location)"
open_transfer "$MEMBER_A"
expect_true "an open transfer" test -n "$TID"
cadre --json member transfers
expect_json '[(t["from"], t["to"], t["kind"], t["state"]) for t in d if t["id"] == '"$TID"'] == [("A1C", "B1C", "official", "sent")]'
# A's clerk cannot receive into B: to A the transfer's arrival side does not exist
post "/transfers/$TID/receive" --data-urlencode date=2026-11-05
expect_status 404
login bclerk
post "/transfers/$TID/receive" --data-urlencode date=2026-10-01
expect_status 409
expect_valid_html
expect_out_contains "before being sent"
expect_out_contains 'href="/transfers"'
post "/transfers/$TID/receive" --data-urlencode date=2026-11-05
expect_status 303
expect_eq "back to the transfers" "/transfers?done=transfer-received&of=$MEMBER_A" "$(location)"
cadre --json member where "$MEMBER_A"
expect_json 'd["org_code"] == "B1C"' "the member is on B1C's roll"
cadre --json member where "$MEMBER_A" --date 2026-11-03
expect_json 'd["org_code"] == "A1C"' "and was on A1C's before"
post "/transfers/$TID/receive" --data-urlencode date=2026-11-06
expect_status 409
expect_out_contains "already received"
server_stop

# ---------------------------------------------------------------------------------------------
tcase "temporary transfer: received, then returned with the form's button" "$FX"
server_start
login aclerk
post "/members/$MEMBER_A/transfer" --data-urlencode to=B1C --data-urlencode kind=temporary \
	--data-urlencode date=2026-05-04 --data-urlencode until=2026-11-04
expect_status 303
open_transfer "$MEMBER_A"
login bclerk
post "/transfers/$TID/receive" --data-urlencode date=2026-05-06
expect_status 303
cadre --json member show "$MEMBER_A"
expect_json 'd["org_code"] == "A1C" and d.get("temporary_host") == "B1C"' "hosted at B1C, still on A1C's roll"
post "/transfers/$TID/return" --data-urlencode date=2026-13-01
expect_status 422
expect_out_contains "2026-13-01"
post "/transfers/$TID/return" --data-urlencode date=2026-11-04
expect_status 303
expect_eq "back to the transfers" "/transfers?done=transfer-returned" "$(location)"
cadre --json member show "$MEMBER_A"
expect_json 'd["org_code"] == "A1C" and "temporary_host" not in d' "the stay has ended"
# the stay is over: to B the member is out of sight again; A is told it is not under way
post "/transfers/$TID/return" --data-urlencode date=
expect_status 404
login aclerk
post "/transfers/$TID/return" --data-urlencode date=
expect_status 409
expect_out_contains "not a temporary stay under way"
post /transfers/999999/return --data-urlencode date=
expect_status 404
post /transfers/x1/receive --data-urlencode date=
expect_status 404
server_stop

# ---------------------------------------------------------------------------------------------
tcase "import: every bad row reported with its column and reason, nothing imported; skip_bad keeps the good" "$FX"
cat >bad.csv <<'CSV'
id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status
,A1C,Lý Văn Sáu,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official
,A1C,Hoàng Thị Bảy,female,1991-02-30,Tày,Cao Bằng,2015-03-01,2015-03-15,2016-03-15,official
,A1C,"<script>""'&",male,1990-01-01,Kinh,"Robert'); DROP TABLE member;--",2015-03-01,2015-03-15,2016-03-15,official
,NOWHERE,Vũ Văn Tám,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official
CSV
server_start
login aclerk
page GET /import
expect_status 200
expect_valid_html
expect_out_contains 'enctype="multipart/form-data"'
expect_out_contains 'type="file"'
expect_value kind members
expect_value skip_bad ""
snap_before
page POST /import -F "csrf=$CSRF" -F kind=members -F "file=@bad.csv;type=text/csv"
expect_status 422
expect_valid_html
htmlq text rows
expect_eq "rows read" 4 "$HQ"
htmlq text imported
expect_eq "rows imported" 0 "$HQ"
htmlq text rejected
expect_eq "rows rejected" 2 "$HQ"
expect_out_contains "Nothing was imported"
expect_true "the report names line 3, birth_date" grep -q '<td class="line">3</td><td class="col">birth_date</td><td class="val">1991-02-30</td>' "$OUTF"
expect_true "the report names line 5, org_code" grep -q '<td class="line">5</td><td class="col">org_code</td><td class="val">NOWHERE</td>' "$OUTF"
expect_true "each bad row has a reason" grep -q '<td class="line">3</td>.*<td class="why">[^<]' "$OUTF"
expect_unchanged
# an empty upload and a wrong kind: beside their fields
: >empty.csv
page POST /import -F "csrf=$CSRF" -F kind=people -F "file=@empty.csv"
expect_status 422
expect_beside kind
expect_beside file
expect_unchanged
page POST /import -F "csrf=$CSRF" -F kind=members -F skip_bad=1 -F "file=@bad.csv;type=text/csv"
expect_status 200
expect_valid_html
htmlq text imported
expect_eq "rows imported" 2 "$HQ"
htmlq text rejected
expect_eq "rows rejected" 2 "$HQ"
expect_out_lacks "$EVIL"
cadre --json member list --org A1C
expect_json 'sorted(m["full_name"] for m in d) == sorted(["Nguyễn Văn An", "Lý Văn Sáu", """'"$EVIL"'"""])' "the good rows, hostile text literally"
expect_json '[m["hometown"] for m in d if m["full_name"].startswith("<")] == ["Robert'"'"'); DROP TABLE member;--"]'
# organisations too
printf 'code,parent_code,name,kind,established\nA1D,A1,Chi bộ Đại đội A1D,cell,2020-01-01\nA1E,ZZZ,Chi bộ E,cell,2020-01-01\n' >orgs.csv
page POST /import -F "csrf=$CSRF" -F kind=orgs -F "file=@orgs.csv"
expect_status 422
expect_true "the report names line 3, parent_code" grep -q '<td class="line">3</td><td class="col">parent_code</td>' "$OUTF"
cadre org show A1D
expect_eq "nothing imported" 4 "$RC"
server_stop

# ---------------------------------------------------------------------------------------------
tcase "a viewer sees no form and changes nothing (403 with the reason)" "$FX"
cadre --json member transfer "$MEMBER_A" --to B1C --date 2026-11-02
open_transfer "$MEMBER_A"
server_start
login aview
for p in /orgs/A1C/members/new "/members/$MEMBER_A/edit" "/members/$MEMBER_A/status" \
	"/members/$MEMBER_A/transfer" /import; do
	page GET "$p"
	expect_status 403
	expect_out_contains "not change"
done
snap_before
post /orgs/A1C/members/new --data-urlencode "full_name=Phạm Văn Chiến" --data-urlencode sex=male \
	--data-urlencode birth_date=1992-04-05 --data-urlencode ethnicity=Tày \
	--data-urlencode "hometown=Cao Bằng" --data-urlencode admission_decision_date=2018-03-01 \
	--data-urlencode admission_ceremony_date=2018-03-15 --data-urlencode status=probationary
expect_status 403
expect_out_contains "may read"
post "/members/$MEMBER_A/edit" --data-urlencode "hometown=Nơi khác"
expect_status 403
post "/members/$MEMBER_A/edit" --data-urlencode "birth_date=bad"
expect_status 403
post "/members/$MEMBER_A/status" --data-urlencode status=suspended
expect_status 403
post "/members/$MEMBER_A/transfer" --data-urlencode to=A1 --data-urlencode kind=official
expect_status 403
post "/transfers/$TID/return" --data-urlencode date=
expect_status 403
page POST /import -F "csrf=$CSRF" -F kind=members -F "file=@$HERE/../../docs/csv.md"
expect_status 403
expect_unchanged
login admin
post "/transfers/$TID/receive" --data-urlencode date=2026-11-03
expect_status 303
login aview
# Received in B, the member is now outside the viewer's subtree: the transfer does not exist
# for them (404, as for none), before any question of role.
post "/transfers/$TID/return" --data-urlencode date=
expect_status 404
cadre --json member where "$MEMBER_A"
expect_json 'd["org_code"] == "B1C"' "received by the administrator, untouched by the viewer"
server_stop

# ---------------------------------------------------------------------------------------------
tcase "a clerk of A gets 404 for B's members and organisations in every form, as for none" "$FX"
cadre --json member transfer "$MEMBER_B" --to B1 --date 2026-11-02
open_transfer "$MEMBER_B"
server_start
login aclerk
# main_part: the page's <main> (the header repeats the path in the language switch).
main_part() { MAIN=${OUT#*<main}; MAIN=${MAIN#*>}; MAIN=${MAIN%%</main>*}; }
page GET /members/99999/edit
expect_status 404
main_part
missing=$MAIN
for p in /orgs/B1C/members/new /orgs/NOWHERE/members/new "/members/$MEMBER_B/edit" \
	"/members/$MEMBER_B/status" "/members/$MEMBER_B/transfer" /members/99999/status \
	/members/abc/edit; do
	page GET "$p"
	expect_status 404
	expect_out_lacks "Trần Thị Bình"
	main_part
	expect_eq "the same page as for a member that does not exist ($p)" "$missing" "$MAIN"
done
snap_before
post /orgs/B1C/members/new --data-urlencode "full_name=Phạm Văn Chiến" --data-urlencode sex=male \
	--data-urlencode birth_date=1992-04-05 --data-urlencode ethnicity=Tày \
	--data-urlencode "hometown=Cao Bằng" --data-urlencode admission_decision_date=2018-03-01 \
	--data-urlencode admission_ceremony_date=2018-03-15 --data-urlencode status=probationary
expect_status 404
for p in edit status transfer; do
	post "/members/$MEMBER_B/$p" --data-urlencode "hometown=Nơi khác" \
		--data-urlencode status=suspended --data-urlencode to=A1C --data-urlencode kind=official
	expect_status 404
	expect_out_lacks "Trần Thị Bình"
	main_part
	expect_eq "the same page as for a member that does not exist ($p)" "$missing" "$MAIN"
done
post "/transfers/$TID/receive" --data-urlencode date=
expect_status 404
post "/transfers/$TID/return" --data-urlencode date=
expect_status 404
expect_unchanged
server_stop

done_testing
