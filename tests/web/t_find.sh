#!/bin/bash
# Finding people and organisations on the pages (docs/search.md): the search page's count,
# each person's organisation by name, rank and post, numbered pages; the breadcrumb on
# organisation, member and report pages; the organisation picker without JavaScript, from the
# transfer form and back, and its script.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"
. "$HERE/lib_forms.sh"

FX=$WORK/fx.db
web_fixture "$FX"
DB=$FX
madd A1C "Nguyễn Văn Hùng" --birth-date 1980-01-01 --rank "Đại úy" --post "Chính trị viên"
HUNG1=$MID
madd B1C "Nguyễn Văn Hùng" --birth-date 1981-01-01 --rank "Thượng úy" --post "Đại đội phó"
HUNG2=$MID
# 51 namesakes (one import): more than a page of results.
{
	echo "org_code,status,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date"
	for i in $(seq 0 50); do
		printf 'A1C,official,Lò Văn Pằn,male,1990-%02d-%02d,Thái,Sơn La,2015-03-01,2015-03-15,2016-03-15\n' \
			$((i / 28 + 1)) $((i % 28 + 1))
	done
} >"$WORK/pan.csv"
cadre import members "$WORK/pan.csv"
[ "$RC" = 0 ] || fail "import of the namesakes" "exit 0" "exit $RC: $ERR"
DB=$WORK/none.db

tcase "search: the count, organisation by name with its code, rank and post" "$FX"
server_start
login admin
page GET "/search?q=nguyen+van+hung"
expect_status 200
expect_out_contains '<p class="count" id="found" role="status"><b>2</b> results</p>'
expect_out_contains "<a href=\"/members/$HUNG1\">Nguyễn Văn Hùng</a>"
expect_out_contains '<a href="/orgs/A1C">Chi bộ Đại đội A1C</a> <span class="code">A1C</span>'
expect_out_contains '<a href="/orgs/B1C">Chi bộ Đại đội B1C</a> <span class="code">B1C</span>'
expect_out_contains "<td>Đại úy</td><td>Chính trị viên</td>"
expect_out_contains "<td>Thượng úy</td><td>Đại đội phó</td>"
expect_html_valid
expect_escaped
page GET "/search?q=Hưng"
expect_out_contains '<b>0</b> results'
expect_out_contains 'id="no-results"'
HTTP_LANG=vi
login admin
page GET "/search?q=nguyen+van+hung"
expect_out_contains '<b>2</b> kết quả</p>'
HTTP_LANG=en
login aclerk
page GET "/search?q=nguyen+van+hung"
expect_out_contains '<b>1</b> result</p>'
expect_out_count 0 "/members/$HUNG2\""
server_stop

tcase "search: numbered pages of results" "$FX"
server_start
login admin
page GET "/search?q=pan"
expect_out_contains '<b>51</b> results'
expect_out_count 50 '<tr><td><a href="/members/'
expect_out_contains '<span class="here">1</span>'
expect_out_contains 'href="/search?q=pan&amp;page=2" rel="next">2</a>'
page GET "/search?q=pan&page=2"
expect_out_count 1 '<tr><td><a href="/members/'
expect_out_contains 'href="/search?q=pan&amp;page=1" rel="prev">1</a>'
expect_out_contains '<span class="here">2</span>'
expect_html_valid
page GET "/search?q=pan&page=0"
expect_status 400
server_stop

tcase "the breadcrumb: organisation, member and report pages, within the user's scope" "$FX"
server_start
login admin
page GET /orgs/A1C
expect_out_contains '<nav class="crumbs" aria-label="Breadcrumb"><ol><li><a href="/orgs/ROOT">Đảng bộ Quân khu thử</a></li><li><a href="/orgs/A">Đảng bộ Sư đoàn A</a></li><li><a href="/orgs/A1">Đảng bộ Trung đoàn A1</a></li><li><span class="here">Chi bộ Đại đội A1C</span></li></ol></nav>'
page GET "/members/$HUNG1"
expect_out_contains '<li><a href="/orgs/A1C">Chi bộ Đại đội A1C</a></li><li><span class="here">Nguyễn Văn Hùng</span></li></ol></nav>'
expect_out_contains '<li><a href="/orgs/ROOT">Đảng bộ Quân khu thử</a></li>'
expect_html_valid
page GET /orgs/A1/report
expect_out_contains '<li><a href="/orgs/A1">Đảng bộ Trung đoàn A1</a></li><li><span class="here">Report of figures</span></li>'
page GET /orgs/AX
expect_out_contains "<li><span class=\"here\">$EVIL_ESC</span></li>"
expect_escaped
expect_html_valid
login aclerk
page GET /orgs/A1C
expect_out_contains '<nav class="crumbs" aria-label="Breadcrumb"><ol><li><a href="/orgs/A">Đảng bộ Sư đoàn A</a></li>'
expect_out_count 0 '/orgs/ROOT"'
server_stop

tcase "the picker without JavaScript: from the transfer form, by name, and back with the code" "$FX"
server_start
login aclerk
page GET "/members/$HUNG1/transfer"
expect_status 200
expect_out_contains '<form class="pick-find inline" method="get" action="/pick" data-for="to">'
expect_out_contains "<input type=\"hidden\" name=\"return\" value=\"/members/$HUNG1/transfer\">"
expect_out_contains '<script src="/static/picker.js" defer></script>'
expect_valid_html
page GET "/pick?q=dai+doi+b1c&return=/members/$HUNG1/transfer&field=to"
expect_status 200
expect_out_contains "No organisation found."
page GET "/pick?q=dai+doi&return=/members/$HUNG1/transfer&field=to"
expect_out_contains "<a class=\"pick\" href=\"/members/$HUNG1/transfer?to=A1C\">Chi bộ Đại đội A1C</a> <span class=\"code\">A1C</span>"
expect_out_count 0 'to=B1C"'
expect_valid_html
login admin
page GET "/pick?q=dai+doi+b1&return=/members/$HUNG1/transfer&field=to"
expect_out_contains "<a class=\"pick\" href=\"/members/$HUNG1/transfer?to=B1C\">Chi bộ Đại đội B1C</a>"
page GET "/members/$HUNG1/transfer?to=B1C"
expect_value to B1C
post "/members/$HUNG1/transfer" --data-urlencode to=B1C --data-urlencode kind=official \
	--data-urlencode date=2026-11-10
expect_status 303
cadre --json member transfers
expect_json 'any(t["member_id"] == '"$HUNG1"' and t["to"] == "B1C" for t in d)' "the transfer went to B1C"
# Elsewhere than a path of this site, the picker returns to the search.
page GET "/pick?q=dai+doi&return=//evil.example/x&field=to"
expect_out_contains '<a class="pick" href="/search?org=A1C">'
expect_out_count 0 'evil.example/x?'
page GET "/pick?q=dai+doi&return=/search&field=to%22"
expect_out_contains 'href="/search?org='
page GET /static/picker.js
expect_status 200
expect_header '^content-type: text/javascript'
expect_out_contains "/api/v1/orgs?limit=20"
server_stop

done_testing
