#!/bin/bash
# t_study.sh - the pages of documents and their study (docs/study.md): the register searched
# without accents and downloaded as CSV and XLSX, the form registering a document (a number
# that cannot be read comes back with the byte beside the field, in Vietnamese on a
# Vietnamese page), a document with what replaces it both ways, its plans, sessions and
# coverage, the coverage's drill-down to the organisations and the members not covered, the
# action programmes; for an editor, a viewer and an account of another branch; every page
# valid, escaped and small.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"
. "$HERE/lib_forms.sh"

FX=$WORK/fx.db
web_fixture "$FX"
DB=$WORK/study.db
cp "$FX" "$DB"
# a document of ROOT titled with $EVIL, one of A replacing it, a session of A1 with
# MEMBER_A present (A1C's other members and AX's not covered), a programme of A1
cadre --json doc add '21-NQ/TW' --title "Nghị quyết $EVIL" --issued-on 2016-10-30 --org ROOT
json_val 'd["id"]'
D=$JV
cadre --json doc add '168-KH/ĐU' --title 'Kế hoạch học tập' --issued-on 2021-04-01 --org A --replaces 21-NQ/TW
json_val 'd["id"]'
D2=$JV
cadre --json doc add '243-CTr/ĐU' --title 'Chương trình của Sư đoàn B' --issued-on 2021-05-01 --org B
json_val 'd["id"]'
DB_B=$JV
cadre study plan 21-NQ/TW --org A --audience A1 --tier regiment_up --deadline 2026-12-31
cadre --json study session 21-NQ/TW --org A1 --date 2026-10-01
json_val 'd["id"]'
S=$JV
cadre study attend "$S" "$MEMBER_A"
cadre --json action programme 21-NQ/TW --org A1 --year 2026 --title "Chương trình hành động $EVIL"
json_val 'd["id"]'
P=$JV
cadre action item "$P" --text 'Quán triệt' --owner 'Bí thư' --due 2026-12-01
cadre action result "$P" 1 --done --result 'Hoàn thành'
[ -n "$D" ] && [ -n "$S" ] && [ -n "$P" ] || fail "fixture" "a document, a session, a programme" "$D $S $P"

tcase "the register, a document, its coverage and programmes, for an editor" "$WORK/study.db"
SDB=$DB
server_start
login aclerk
expect_page /documents
expect_out_contains "21-NQ/TW"
expect_out_contains "168-KH/ĐU"
expect_out_lacks "243-CTr"
page GET "/documents?q=nghi%20quyet%2021"
expect_status 200
expect_out_contains "/documents/$D\""
expect_out_lacks "/documents/$D2\""
page GET "/documents?q=168-kh"
expect_out_contains "/documents/$D2\""
expect_out_lacks "/documents/$D\""
page GET "/documents?format=csv"
expect_status 200
expect_header '^content-type: text/csv'
expect_out_contains "168-KH/ĐU,KH,ĐU,2021-04-01,Kế hoạch học tập,21-NQ/TW,A"
page GET "/documents?format=xlsx"
expect_status 200
expect_header '^content-disposition: attachment; filename="documents.xlsx"'
expect_page "/documents/$D"
expect_out_contains "168-KH/ĐU"
expect_out_contains 'id="cov-members">1 / '
expect_out_contains "cadres of regiment level and above"
expect_page "/documents/$D2"
expect_out_contains 'id="doc-replaces"><a href="/documents/'"$D"'">21-NQ/TW</a>'
expect_page "/documents/$D/coverage?org=A1C"
expect_out_contains "Members of its own roll not yet covered"
expect_out_contains 'class="missing"'
expect_out_lacks "/members/$MEMBER_A\""
expect_out_contains "/members/$MEMBER_SQL\""
expect_page "/documents/$D/coverage?org=A&as_of=2026-09-30"
expect_out_contains 'id="cov-members">0 / '
expect_page "/action-programmes"
expect_out_contains "/action-programmes/$P\""
expect_page "/action-programmes/$P"
expect_out_contains "Hoàn thành"
expect_page /documents/new
# a number that cannot be read: the byte beside the field; nothing written
post /documents/new --data-urlencode number=21-XX/TW --data-urlencode issued_on=2020-01-01 \
	--data-urlencode title=x --data-urlencode org=A
expect_status 422
expect_valid_html
expect_beside number "byte 3"
expect_value number "21-XX/TW"
HTTP_LANG=vi
post /lang --data-urlencode lang=vi --data-urlencode next=/
post /documents/new --data-urlencode number=21-XX/TW --data-urlencode issued_on=2020-01-01 \
	--data-urlencode title=x --data-urlencode org=A
expect_status 422
expect_beside number "byte 3"
expect_beside number "loại văn bản"
HTTP_LANG=en
post /lang --data-urlencode lang=en --data-urlencode next=/
expect_eq "nothing registered" 3 "$(sqlite3 "$SDB" 'SELECT count(*) FROM document')"
post /documents/new --data-urlencode number='35 - ct / tw' --data-urlencode issued_on=2019-05-01 \
	--data-urlencode title='Chỉ thị về bảo vệ' --data-urlencode org=A
expect_status 303
expect_header '^location: /documents/[0-9]+'
expect_eq "registered in its canonical spelling" "35-CT/TW" "$(sqlite3 "$SDB" "SELECT number FROM document WHERE title = 'Chỉ thị về bảo vệ'")"
server_stop

tcase "a viewer reads, may not register; another branch sees nothing of A's" "$WORK/study.db"
SDB=$DB
server_start
login aview
expect_page "/documents/$D"
page GET /documents/new
expect_status 403
post /documents/new --data-urlencode number=36-CT/TW --data-urlencode issued_on=2019-05-01 \
	--data-urlencode title=x --data-urlencode org=A
expect_status 403
login bclerk
for p in "/documents/$D2" "/documents/$D2/coverage" "/documents/$D/coverage?org=A1" \
	"/action-programmes/$P" "/documents/999999"; do
	page GET "$p"
	expect_status 404
done
expect_page /documents
expect_out_lacks "168-KH" "Kế hoạch học tập"
expect_out_contains "243-CTr/ĐU"
expect_page "/documents/$D"
expect_out_lacks "A1C"
expect_page /action-programmes
expect_out_lacks "/action-programmes/$P\""
server_stop

done_testing
