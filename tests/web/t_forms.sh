#!/bin/bash
# t_forms.sh - the forms that add, edit and change members: CSRF on every form, errors beside
# their fields with the typed values kept, corrections, history kept, status changes, and
# hostile text shown literally.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"
. "$HERE/lib_forms.sh"

FX=$WORK/fx.db
http_fixture "$FX"

# The fields of a correct new member (curl arguments).
GOOD=(--data-urlencode "full_name=Phạm Văn Chiến" --data-urlencode sex=male
	--data-urlencode birth_date=1992-04-05 --data-urlencode ethnicity=Tày
	--data-urlencode "hometown=Cao Bằng" --data-urlencode admission_decision_date=2018-03-01
	--data-urlencode admission_ceremony_date=2018-03-15 --data-urlencode official_date=2019-03-15
	--data-urlencode status=official --data-urlencode "rank=Thượng úy"
	--data-urlencode category=officer --data-urlencode theory_level=intermediate)

# ---------------------------------------------------------------------------------------------
tcase "every form post without the CSRF token, or with a wrong one, is 403 and changes nothing" "$FX"
cadre --json member transfer "$MEMBER_A" --to B1C --date 2026-11-02
json_val 'd["id"]'
TID=$JV
server_start
login aclerk
printf 'id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status\n,A1C,Lý Văn Sáu,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official\n' >good.csv
for token in none wrong; do
	if [ $token = none ]; then tok=(); else tok=(--data-urlencode "csrf=wrong$CSRF"); fi
	snap_before
	page POST /orgs/A1C/members/new "${tok[@]}" "${GOOD[@]}"
	expect_status 403
	expect_out_contains "expired"
	page POST "/members/$MEMBER_A/edit" "${tok[@]}" --data-urlencode "hometown=Nơi khác"
	expect_status 403
	page POST "/members/$MEMBER_A/status" "${tok[@]}" --data-urlencode status=suspended
	expect_status 403
	page POST "/members/$MEMBER_A/transfer" "${tok[@]}" --data-urlencode to=A1 \
		--data-urlencode kind=official
	expect_status 403
	page POST "/transfers/$TID/receive" "${tok[@]}" --data-urlencode date=
	expect_status 403
	page POST "/transfers/$TID/return" "${tok[@]}" --data-urlencode date=
	expect_status 403
	if [ $token = none ]; then
		page POST /import -F kind=members -F "file=@good.csv"
	else
		page POST /import -F "csrf=wrong$CSRF" -F kind=members -F "file=@good.csv"
	fi
	expect_status 403
	expect_unchanged
	cadre --json member transfers
	expect_json '[t["state"] for t in d if t["id"] == '"$TID"'] == ["sent"]' "the transfer is still only sent ($token)"
done
# The same post with the token goes through: the refusals above were the token's doing.
post "/members/$MEMBER_A/edit" --data-urlencode "hometown=Nơi khác"
expect_status 303
cadre --json member show "$MEMBER_A"
expect_json 'd["hometown"] == "Nơi khác"'
server_stop

# ---------------------------------------------------------------------------------------------
tcase "adding a member with mistakes: 422, each error beside its field, the input kept; then corrected" "$FX"
server_start
login aclerk
page GET /orgs/A1C/members/new
expect_status 200
expect_valid_html
for f in full_name sex birth_date ethnicity religion hometown citizen_id education theory_level \
	rank category post history_no card_no phone admission_decision_date admission_ceremony_date \
	official_date status; do
	htmlq value "$f"
	[ "$HQ" != "<no control>" ] && pass || fail "the add form has f-$f" "a control f-$f" "$HQ"
done
expect_out_contains 'type="date"'
snap_before
post /orgs/A1C/members/new --data-urlencode "full_name=" --data-urlencode sex=female \
	--data-urlencode birth_date=1992-02-30 --data-urlencode "ethnicity=$SQLISH" \
	--data-urlencode "hometown=$EVIL" --data-urlencode admission_decision_date=2018-03-01 \
	--data-urlencode admission_ceremony_date=2018-03-15 --data-urlencode official_date=2018-03-01 \
	--data-urlencode status=official --data-urlencode "post=Chính trị viên"
expect_status 422
expect_valid_html
expect_beside full_name "name"
expect_beside birth_date "1992-02-30"
expect_beside official_date "R-PROBATION-MONTHS"
expect_not_beside hometown
expect_not_beside sex
expect_value full_name ""
expect_value sex female
expect_value birth_date 1992-02-30
expect_value ethnicity "$SQLISH"
expect_value hometown "$EVIL"
expect_value official_date 2018-03-01
expect_value status official
expect_value post "Chính trị viên"
expect_out_lacks "$EVIL"
expect_out_contains 'aria-describedby="e-birth_date"'
expect_unchanged
# corrected
post /orgs/A1C/members/new --data-urlencode "full_name=$EVIL" --data-urlencode sex=female \
	--data-urlencode birth_date=1992-02-28 --data-urlencode "ethnicity=$SQLISH" \
	--data-urlencode "hometown=$EVIL" --data-urlencode admission_decision_date=2018-03-01 \
	--data-urlencode admission_ceremony_date=2018-03-15 --data-urlencode official_date=2019-03-15 \
	--data-urlencode status=official --data-urlencode "post=Chính trị viên"
expect_status 303
loc=$(location)
NEW=${loc#/members/}
NEW=${NEW%%\?*}
expect_true "303 to /members/ID with the confirmation ($loc)" test -n "$NEW" -a \
	"$loc" = "/members/$NEW?done=member-added&of=$NEW"
loc=/members/$NEW
cadre --json member show "$NEW"
expect_json 'd["full_name"] == """'"$EVIL"'""" and d["hometown"] == d["full_name"]' "the name and home town stored literally"
expect_json 'd["ethnicity"] == "Robert'"'"'); DROP TABLE member;--"' "SQL-looking text stored literally"
expect_json 'd["org_code"] == "A1C" and d["status"] == "official" and d["sex"] == "female"'
expect_json 'd["birth_date"] == "1992-02-28" and d["official_date"] == "2019-03-15" and d["post"] == "Chính trị viên"'
cadre --json member list --org A1C
expect_json 'len(d) == 2' "the member table is still there, with both members"
# the new member's forms show the name escaped, and the value comes back as typed
page GET "/members/$NEW/edit"
expect_status 200
expect_valid_html
expect_value full_name "$EVIL"
expect_value ethnicity "$SQLISH"
expect_out_lacks "$EVIL"
expect_out_contains "&lt;script&gt;&quot;&#39;&amp;"
for p in status transfer; do
	page GET "/members/$NEW/$p"
	expect_status 200
	expect_valid_html
	expect_out_lacks "$EVIL"
done
server_stop

# ---------------------------------------------------------------------------------------------
tcase "a possible duplicate is saved and shown as a note with a link to the record" "$FX"
server_start
login aclerk
post /orgs/A1C/members/new "${GOOD[@]}"
expect_status 303
post /orgs/A1C/members/new "${GOOD[@]}"
expect_status 200
expect_valid_html
expect_out_contains "possible duplicate"
htmlq text next
expect_eq "a link onward" Continue "$HQ"
expect_out_contains 'id="next" href="/members/'
server_stop

# ---------------------------------------------------------------------------------------------
tcase "edit: only the changed fields are recorded, the old values kept in the history" "$FX"
server_start
login aclerk
page GET "/members/$MEMBER_A/edit"
expect_status 200
expect_valid_html
expect_value full_name "Nguyễn Văn An"
expect_value hometown "Hà Giang"
expect_value birth_date 1990-01-01
expect_value sex male
# the whole form sent back, one field changed
post "/members/$MEMBER_A/edit" --data-urlencode "full_name=Nguyễn Văn An" --data-urlencode sex=male \
	--data-urlencode birth_date=1990-01-01 --data-urlencode ethnicity=Kinh \
	--data-urlencode "hometown=Tuyên Quang" --data-urlencode admission_decision_date=2015-03-01 \
	--data-urlencode admission_ceremony_date=2015-03-15 --data-urlencode official_date=2016-03-15 \
	--data-urlencode religion= --data-urlencode date=2026-11-20
expect_status 303
expect_eq "back to the record" "/members/$MEMBER_A?done=member-edited&of=$MEMBER_A" "$(location)"
cadre --json member show "$MEMBER_A"
expect_json 'd["hometown"] == "Tuyên Quang" and d["full_name"] == "Nguyễn Văn An"'
expect_json 'any("Hà Giang" in json.dumps(e, ensure_ascii=False) and "Tuyên Quang" in json.dumps(e, ensure_ascii=False) for e in d["events"])' "the old and new home towns in the history"
expect_json 'not any("full_name" in json.dumps(e) for e in d["events"] if "Tuyên Quang" in json.dumps(e, ensure_ascii=False))' "only the changed field recorded"
# mistakes: beside their fields, typed values kept, nothing changed
snap_before
post "/members/$MEMBER_A/edit" --data-urlencode "full_name=Nguyễn Văn An" \
	--data-urlencode birth_date=1990-13-01 --data-urlencode "hometown=$EVIL" \
	--data-urlencode date=2026-02-30
expect_status 422
expect_valid_html
expect_beside birth_date
expect_beside date
expect_value birth_date 1990-13-01
expect_value hometown "$EVIL"
expect_value date 2026-02-30
expect_out_lacks "$EVIL"
expect_unchanged
# nothing changed: back to the record, no event
post "/members/$MEMBER_A/edit" --data-urlencode "full_name=Nguyễn Văn An"
expect_status 303
server_stop

# ---------------------------------------------------------------------------------------------
tcase "status: a change is recorded; a refused one shows the rule beside the field" "$FX"
server_start
login aclerk
page GET "/members/$MEMBER_A/status"
expect_status 200
expect_valid_html
htmlq text status-now
expect_eq "the status now, in words" Official "$HQ"
snap_before
post "/members/$MEMBER_A/status" --data-urlencode status=nonsense --data-urlencode "reason=$EVIL"
expect_status 422
expect_beside status
expect_value reason "$EVIL"
expect_out_lacks "$EVIL"
post "/members/$MEMBER_A/status" --data-urlencode status=official
expect_status 422
expect_beside status "R-STATUS-TRANSITION"
post "/members/$MEMBER_A/status" --data-urlencode status=exempt --data-urlencode date=2026-13-01
expect_status 422
expect_beside date
expect_value status exempt
expect_unchanged
post "/members/$MEMBER_A/status" --data-urlencode status=suspended \
	--data-urlencode date=2026-11-01 --data-urlencode "reason=$SQLISH"
expect_status 303
expect_eq "back to the record" "/members/$MEMBER_A?done=status-changed&of=$MEMBER_A" "$(location)"
cadre --json member show "$MEMBER_A"
expect_json 'd["status"] == "suspended" and d["status_since"] == "2026-11-01"'
expect_json 'any("DROP TABLE member" in json.dumps(e) for e in d["events"])' "the reason kept literally"
server_stop

# ---------------------------------------------------------------------------------------------
tcase "the forms in Vietnamese (the default language)" "$FX"
server_start
HTTP_LANG=vi
login aclerk
page GET /orgs/A1C/members/new
expect_status 200
expect_valid_html
for t in "Thêm đảng viên" "Họ và tên" "Ngày sinh" "Dân tộc" "Quê quán" "Ngày chính thức" "Nữ"; do
	expect_out_contains "$t"
done
expect_out_lacks ">Full name<"
page GET "/members/$MEMBER_A/transfer"
expect_out_contains "Chuyển sinh hoạt đảng"
expect_out_lacks ">Letter number<"
page GET "/members/$MEMBER_A/status"
expect_out_contains "Tình trạng mới"
page GET /import
expect_out_contains "Nhập dữ liệu từ tệp CSV"
expect_out_contains "Bỏ qua các dòng lỗi"
HTTP_LANG=en
server_stop

done_testing
