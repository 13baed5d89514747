#!/bin/bash
# Feedback after a change: the confirmation on the page each change lands on (carried by the
# redirect as a key of a fixed table, never text from the address), the confirmation step
# before a receipt, overdue transfers marked, the error summary at the top of a form linking
# to its fields, each error on its own field, and every problem of an import row listed.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"
. "$HERE/lib_forms.sh"

FX=$WORK/fx.db
web_fixture "$FX"

# flash: the text of the last page's confirmation (#flash), "<none>" without one.
flash() {
	python3 -c '
import html, re, sys
h = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"<p class=\"ok flash\" role=\"status\" id=\"flash\">(.*?)</p>", h, re.S)
print(html.unescape(re.sub(r"<[^>]+>", "", m.group(1))) if m else "<none>")' "$OUTF"
}
# land: follow the last answer's redirect (303) and read the confirmation.
land() {
	expect_status 303
	LOC=$(location)
	page GET "$LOC"
	expect_status 200
	FLASH=$(flash)
}
open_transfer() {
	cadre --json member transfers
	json_val '[t["id"] for t in d if t["member_id"] == '"$1"'][0]'
	TID=$JV
}

tcase "a confirmation on the page each change lands on, naming the member" "$FX"
server_start
login aclerk
post /orgs/A1C/members/new --data-urlencode "full_name=Đinh Thị Hoa" --data-urlencode sex=female \
	--data-urlencode birth_date=1992-02-28 --data-urlencode ethnicity=Kinh \
	--data-urlencode "hometown=Hà Giang" --data-urlencode admission_decision_date=2018-03-01 \
	--data-urlencode admission_ceremony_date=2018-03-15 --data-urlencode official_date=2019-03-15 \
	--data-urlencode status=official
land
expect_eq "member added" "Member added to the roll. Đinh Thị Hoa" "$FLASH"
NEW=${LOC##*of=}
post "/members/$NEW/edit" --data-urlencode "full_name=Đinh Thị Hoa" --data-urlencode sex=female \
	--data-urlencode birth_date=1992-02-28 --data-urlencode ethnicity=Kinh \
	--data-urlencode "hometown=Tuyên Quang" --data-urlencode admission_decision_date=2018-03-01 \
	--data-urlencode admission_ceremony_date=2018-03-15 --data-urlencode official_date=2019-03-15 \
	--data-urlencode date=2026-11-20
land
expect_eq "record edited" "The member's record was saved. Đinh Thị Hoa" "$FLASH"
post "/members/$NEW/transfer" --data-urlencode to=B1C --data-urlencode kind=temporary \
	--data-urlencode date= --data-urlencode until=2027-06-30
land
expect_eq "transfer sent, on the sending side's list" "Party activity transfer sent. Đinh Thị Hoa" "$FLASH"
expect_eq "to the list of A1C's transfers" "/transfers?org=A1C&done=transfer-sent&of=$NEW" "$LOC"
open_transfer "$NEW"
post "/transfers/$TID/cancel" --data-urlencode "reason=gửi nhầm"
land
expect_eq "transfer cancelled" "The transfer was cancelled. Đinh Thị Hoa" "$FLASH"
post "/members/$NEW/status" --data-urlencode status=exempt --data-urlencode date=2026-11-20 \
	--data-urlencode "reason=ốm dài ngày"
land
expect_eq "status changed" "The member's status was changed. Đinh Thị Hoa" "$FLASH"
HTTP_LANG=vi login aclerk
page GET "/transfers?done=transfer-sent&of=$NEW"
expect_eq "in Vietnamese" "Đã chuyển sinh hoạt đảng. Đinh Thị Hoa" "$(flash)"
login aclerk
page GET "/transfers?done=%3Cscript%3Ealert(1)%3C/script%3E"
expect_eq "an unknown key shows nothing" "<none>" "$(flash)"
expect_out_lacks "alert(1)"
page GET "/transfers?done=transfer-sent&of=$MEMBER_B2"
expect_eq "a member out of sight is not named" "Party activity transfer sent." "$(flash)"
expect_out_lacks "Lê Văn Cường"
page GET "/transfers?done=transfer-sent&of=x"
expect_eq "of that is not an id" "Party activity transfer sent." "$(flash)"
expect_valid_html
server_stop

tcase "receiving: a confirmation page first, then the arrival with its confirmation" "$FX"
server_start
login admin
page GET /transfers
expect_out_contains "<form class=\"inline\" method=\"get\" action=\"/transfers/$TRANSFER_A/receive\">"
page GET "/transfers/$TRANSFER_A/receive?date=2026-11-21"
expect_status 200
expect_valid_html
expect_out_contains 'id="receive-facts"'
expect_out_contains "<a href=\"/members/$MEMBER_A2\">Phạm Thị Dung</a>"
expect_out_contains "<form method=\"post\" class=\"record\" id=\"receive-form\" action=\"/transfers/$TRANSFER_A/receive\"><input type=\"hidden\" name=\"csrf\" value=\"$CSRF\">"
expect_value date 2026-11-21
cadre --json member show "$MEMBER_A2"
expect_json 'd["org_code"] == "A1C"' "nothing recorded by the confirmation page"
post "/transfers/$TRANSFER_A/receive" --data-urlencode date=2026-11-21
land
expect_eq "arrival confirmed" "Arrival recorded: the member is on the roll. Phạm Thị Dung" "$FLASH"
cadre --json member show "$MEMBER_A2"
expect_json 'd["org_code"] == "AX"' "received into AX"
page GET "/transfers/$TRANSFER_A/receive"
expect_status 404
login bclerk
page GET "/transfers/$TRANSFER_B/receive"
expect_status 200
login aclerk
page GET "/transfers/$TRANSFER_B/receive"
expect_status 404
login aview
page GET "/transfers/$TRANSFER_B/receive"
expect_status 404
server_stop

tcase "overdue transfers marked on the page as the CLI flags them" "$FX"
expect_exit 0 member transfer "$MEMBER_A" --to B1C --date 2026-06-01
cadre --json member transfers
json_val 'sorted(str(t["id"]) for t in d if t["overdue"])'
overdue=$JV
expect_true "the fixture has an overdue transfer ($overdue)" test "$overdue" != "[]"
server_start
login admin
page GET /transfers
expect_eq "the same overdue rows" "$overdue" "$(python3 -c '
import json, re, sys
h = open(sys.argv[1], encoding="utf-8").read()
rows = re.findall(r"<tr id=\"transfer-(\d+)\">(.*?)</tr>", h, re.S)
print(json.dumps(sorted(i for i, r in rows if "<strong class=\"flag\">Overdue</strong>" in r)))' "$OUTF")"
server_stop

tcase "a long form: an error summary linking to the fields, each error on its own field" "$FX"
server_start
login aclerk
post /orgs/A1C/members/new --data-urlencode "full_name=Đinh Văn Nam" --data-urlencode sex=male \
	--data-urlencode birth_date=2030-01-01 --data-urlencode ethnicity= \
	--data-urlencode "hometown=Hà Giang" --data-urlencode admission_decision_date=2018-03-01 \
	--data-urlencode admission_ceremony_date=2018-03-15 --data-urlencode official_date=2019-03-15 \
	--data-urlencode status=official --data-urlencode phone=12
expect_status 422
expect_valid_html
expect_out_contains '<div class="errors" role="alert" id="error-summary">'
expect_out_contains '<a href="#f-birth_date">Date of birth</a>'
expect_out_contains '<a href="#f-ethnicity">'
expect_out_contains '<a href="#f-phone">'
expect_beside birth_date "2030-01-01"
expect_beside ethnicity
expect_beside phone
expect_not_beside admission_decision_date
HTTP_LANG=vi login aclerk
post /orgs/A1C/members/new --data-urlencode "full_name=Đinh Văn Nam" --data-urlencode sex=male \
	--data-urlencode birth_date=2030-01-01 --data-urlencode ethnicity=Kinh \
	--data-urlencode "hometown=Hà Giang" --data-urlencode admission_decision_date=2018-03-01 \
	--data-urlencode admission_ceremony_date=2018-03-15 --data-urlencode official_date=2019-03-15 \
	--data-urlencode status=official
expect_status 422
expect_out_contains 'Ngày sinh</a>'
expect_beside birth_date
server_stop

tcase "import: every problem of each row listed on the result page" "$FX"
cat >"$WORK/rows.csv" <<'CSV'
org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status,category
A1C,Lê Văn Bé,male,1990-13-01,,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official,cook
A1C,Lê Văn Cả,xx,1990-11-01,Kinh,,2015-03-01,2015-03-xx,2016-03-15,official,soldier
CSV
server_start
login aclerk
page POST /import -F "csrf=$CSRF" -F kind=members -F "file=@$WORK/rows.csv;type=text/csv"
expect_status 422
expect_valid_html
problems=$(python3 -c '
import re, sys
h = open(sys.argv[1], encoding="utf-8").read()
t = re.search(r"id=\"problems\".*?<tbody>(.*?)</tbody>", h, re.S).group(1)
print(" ".join(sorted("%s:%s" % (l, c) for l, c in re.findall(r"<td class=\"line\">(\d+)</td><td class=\"col\">([^<]*)</td>", t))))' "$OUTF")
expect_eq "each row's every problem" \
	"2:birth_date 2:category 2:ethnicity 3:admission_ceremony_date 3:hometown 3:sex" "$problems"
server_stop

tcase "a large import: a job whose page follows its progress (Refresh, no script), then the report" "$FX"
python3 - "$WORK/many.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,"
            "admission_ceremony_date,official_date,status\n")
    for i in range(300):
        f.write("A1C,Vũ Văn Nhập %d,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,"
                "2016-03-15,official\n" % i)
PY
export CADRE_WEB_IMPORT_JOB_BYTES=1000
server_start
unset CADRE_WEB_IMPORT_JOB_BYTES
login aclerk
page POST /import -F "csrf=$CSRF" -F kind=members -F "file=@$WORK/many.csv;type=text/csv"
expect_status 303
job=$(location)
expect_true "to the job's page ($job)" test -n "$job" -a -z "${job##/import/jobs/*}"
n=0
page GET "$job"
while grep -qi '^refresh:' "$HDRF" && [ $n -lt 2000 ]; do
	expect_out_contains '<progress id="job-progress"'
	page GET "$job"
	n=$((n + 1))
done
expect_status 200
expect_out_contains '<dd id="imported">300</dd>'
expect_out_contains 'Every row was imported.'
expect_eq "on the roll" 300 "$(sqlite3 "$DB" "SELECT count(*) FROM member WHERE full_name LIKE 'Vũ Văn Nhập %'")"
page GET "$job"
expect_out_contains '<dd id="imported">300</dd>'
login bclerk
page GET "$job"
expect_status 404
login aclerk
page GET /import/jobs/999
expect_status 404
page POST /import -F "csrf=$CSRF" -F kind=members -F "file=@$WORK/many.csv;type=text/csv"
job=$(location)
n=0
page GET "$job"
while grep -qi '^refresh:' "$HDRF" && [ $n -lt 2000 ]; do
	page GET "$job"
	n=$((n + 1))
done
expect_status 422
expect_out_contains 'Nothing was imported'
expect_out_contains 'id="problems"'
server_stop

done_testing
