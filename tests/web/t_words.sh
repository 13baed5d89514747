#!/bin/bash
# The audit log names its records: a member by name (linked to the member's page), an
# organisation by name with its code beside it; a record outside the reader's subtree keeps
# its raw reference and no name (issue 10's leftover). Page, CSV and XLSX.
. "$(dirname "$0")/lib_web.sh"

FX=$WORK/fx.db
web_fixture "$FX"

tcase "audit subjects as names within the subtree, the raw reference outside it" "$FX"
# A member of A1C sent to B1C and received there: A's entries about them (the member's
# addition, the sending) stay in A's log, but the member now lives outside A.
madd A1C "Đặng Văn Đức"
MOVED=$MID
cadre --json member transfer "$MOVED" --to B1C --date 2026-11-03
json_val 'd["id"]'
cadre member receive "$JV" --date 2026-11-04
expect_eq "the member received in B1C" 0 "$RC"
cadre org add AW --parent A1 --name "Chi bộ Đại đội Ê Đê" --kind cell --date 2001-01-01
expect_eq "AW established" 0 "$RC"
server_start
login aview
page GET "/audit?subject=member:$MEMBER_A2"
expect_status 200
expect_html_valid
expect_out_contains "<a href=\"/members/$MEMBER_A2\" title=\"member:$MEMBER_A2\">Phạm Thị Dung</a>"
expect_out_lacks ">member:$MEMBER_A2<"
page GET "/audit?subject=org:AW"
expect_out_contains '<a href="/orgs/AW">Chi bộ Đại đội Ê Đê</a> <span class="code">AW</span>'
page GET "/audit?subject=member:$MEMBER_EVIL"
expect_escaped
expect_out_contains "title=\"member:$MEMBER_EVIL\">$EVIL_ESC</a>"
page GET "/audit?subject=member:$MOVED"
expect_status 200
expect_html_valid
expect_out_contains "<td>member:$MOVED</td>"
expect_out_lacks "title=\"member:$MOVED\""
expect_out_lacks "href=\"/members/$MOVED\""
# The download: the raw reference and, beside it, the name the reader may see.
page GET "/audit?format=csv"
cp "$OUTF" "$WORK/audit.csv"
expect_py "{(x[5], x[6]) for x in list(csv.reader(open('$WORK/audit.csv', encoding='utf-8')))[1:]} >= {('member:$MEMBER_A2', 'Phạm Thị Dung'), ('org:AW', 'Chi bộ Đại đội Ê Đê'), ('member:$MOVED', '')} and ('member:$MOVED', 'Đặng Văn Đức') not in {(x[5], x[6]) for x in csv.reader(open('$WORK/audit.csv', encoding='utf-8'))}" "the CSV names what the reader may see and leaves the rest raw"
# The system administrator sees the moved member's name (within the whole tree).
login admin
page GET "/audit?subject=member:$MOVED"
expect_out_contains "title=\"member:$MOVED\">Đặng Văn Đức</a>"
server_stop

tcase "a web import run as a job speaks the page's language: the CSV reader's problem in Vietnamese" "$FX"
{
	printf 'org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status\n'
	printf 'A1C,Vũ Văn Nhập,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official\n'
	printf 'A1C,"Vũ Văn Mở,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official\n'
} >"$WORK/open.csv"
export CADRE_WEB_IMPORT_JOB_BYTES=100
server_start
unset CADRE_WEB_IMPORT_JOB_BYTES
HTTP_LANG=vi
login aclerk
page POST /import -F "csrf=$CSRF" -F kind=members -F "file=@$WORK/open.csv;type=text/csv"
expect_status 303
job=$(grep -i -m1 '^location:' "$HDRF" | sed 's/^[^:]*: *//; s/\r$//')
expect_true "to the job's page ($job)" test -n "$job" -a -z "${job##/import/jobs/*}"
n=0
page GET "$job"
while grep -qi '^refresh:' "$HDRF" && [ $n -lt 2000 ]; do
	page GET "$job"
	n=$((n + 1))
done
expect_status 422
expect_out_contains "dấu ngoặc kép mở ở dòng 3 không bao giờ được đóng; hãy đóng hoặc xóa nó"
expect_out_lacks "never closed"
HTTP_LANG=en
server_stop

done_testing
