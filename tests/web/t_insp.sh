#!/bin/bash
# t_insp.sh - the inspection pages (page_insp.c; docs/inspection.md): an organisation's
# programmes and cases (filters, CSV and XLSX), the forms recording a programme, adding an item
# and opening a case (every problem beside its field, the values kept), a case's page with its
# history, the discipline on it and the form of its next step taken to the end; the accounts
# page showing and granting the inspection right; without the right the pages answer 403, out
# of the subtree 404; escaping and Vietnamese.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"
. "$HERE/lib_forms.sh"

FX=$WORK/fx.db
web_fixture "$FX"
IN=$WORK/in.db
cp "$FX" "$IN"
DB=$IN
for spec in ainsp:clerk:A aviewi:viewer:A binsp:clerk:B; do
	IFS=: read -r name role org <<<"$spec"
	printf '%s\n' "$PW" >"$WORK/.pw"
	STDIN=$WORK/.pw cadre user add "$name" --role "$role" --org "$org" --inspection
	[ "$RC" = 0 ] || fail "fixture: user add $name" "exit 0" "exit $RC: $ERR"
done
cadre --json inspection programme add --org A --body inspection --year 2026 --kind inspection --title "$EVIL"
json_val 'd["id"]'
P=$JV
cadre --json inspection case open --member "$MEMBER_EVIL" --body-org A1 --body inspection --kind signs --decision-no 2-QĐ/UBKT --decision-on 2026-02-01 --from 2026-02-01 --to 2026-02-20 --content "$EVIL"
json_val 'd["id"]'
KE=$JV
DB=$WORK/none.db

tcase "with the inspection right: programmes, items, a case from signs of violation to its end" "$IN"
server_start
login ainsp
expect_page "/orgs/A"
expect_out_contains 'href="/orgs/A/inspection"'
expect_page "/orgs/A/inspection"
expect_out_contains 'id="programme-list"'
expect_out_contains "$EVIL_ESC"
expect_out_contains '<p id="case-count">1 cases</p>'
expect_out_contains 'late'
# a programme: every problem beside its field, then recorded
expect_page "/orgs/A/inspection/programmes/new"
post /orgs/A/inspection/programmes --data-urlencode body=inspection --data-urlencode kind=inspection \
	--data-urlencode year=2026 --data-urlencode "title=Kiểm tra năm 2026" --data-urlencode doc_no=05-CTr/UBKT
expect_status 422
expect_valid_html
expect_beside year "already has its inspection programme of 2026" 
post /orgs/A/inspection/programmes --data-urlencode body=committee --data-urlencode kind=supervision \
	--data-urlencode year=2026 --data-urlencode "title=Giám sát năm 2026" --data-urlencode doc_no=05-XX/ĐU
expect_status 422
expect_beside doc_no "cannot be read at byte"
expect_value title "Giám sát năm 2026"
post /orgs/A/inspection/programmes --data-urlencode body=committee --data-urlencode kind=supervision \
	--data-urlencode year=2026 --data-urlencode "title=Giám sát năm 2026" --data-urlencode doc_no=05-ctr/đu
expect_status 303
LOC=$(location)
expect_true "to the programme's page" [ "${LOC%%\?*}" != "$LOC" ]
expect_page "${LOC%#*}"
expect_out_contains "The programme was recorded."
expect_out_contains "05-CTr/ĐU"
PS=${LOC#/inspection/programmes/}
PS=${PS%%\?*}
post "/inspection/programmes/$PS/items" --data-urlencode org=A1 --data-urlencode kind=plan \
	--data-urlencode from=2026-04-01 --data-urlencode to=2026-03-01 --data-urlencode content=
expect_status 422
expect_beside kind "takes items of kind regular, thematic"
expect_beside to "before the planned start"
expect_beside content
post "/inspection/programmes/$PS/items" --data-urlencode org=A1 --data-urlencode kind=thematic \
	--data-urlencode from=2026-04-01 --data-urlencode to=2026-04-30 --data-urlencode "content=Giám sát chuyên đề"
expect_status 303
expect_page "/inspection/programmes/$PS"
expect_out_contains "Giám sát chuyên đề"
expect_out_contains "/orgs/A1/inspection/cases/new?item="
# a case on signs of violation, outside the programme
expect_page "/orgs/A1C/inspection/cases/new"
post /orgs/A1C/inspection/cases --data-urlencode org=A1C --data-urlencode body_org=AX \
	--data-urlencode body=inspection --data-urlencode kind=signs --data-urlencode decision_no=12-QĐ/UB-KT- \
	--data-urlencode decision_on=2026-04-01 --data-urlencode from=2026-03-01 --data-urlencode to=2026-04-30
expect_status 422
expect_valid_html
expect_beside decision_no "cannot be read at byte"
expect_beside from "before that of the decision opening the case"
expect_beside body_org "AX is not above A1C"
post /orgs/A1C/inspection/cases --data-urlencode org=A1C --data-urlencode body_org=A1 \
	--data-urlencode body=inspection --data-urlencode kind=signs --data-urlencode decision_no=12-qđ/ubkt \
	--data-urlencode decision_on=2026-04-01 --data-urlencode from=2026-04-02 --data-urlencode to=2026-04-30 \
	--data-urlencode "team=Tổ kiểm tra" --data-urlencode "content=Dấu hiệu vi phạm"
expect_status 303
LOC=$(location)
K=${LOC#/inspection/cases/}
K=${K%%\?*}
expect_page "${LOC%#*}"
expect_out_contains "The case was opened."
expect_out_contains "12-QĐ/UBKT"
expect_out_contains 'id="step-form"'
post "/inspection/cases/$K/step" --data-urlencode action=notify --data-urlencode on=2026-05-01 --data-urlencode doc_no=3-TB/UBKT
expect_status 422
expect_out_contains "the case is open: only a concluded case can be notified"
post "/inspection/cases/$K/step" --data-urlencode action=conclude --data-urlencode on=2026-05-01 \
	--data-urlencode conclusion=violation_discipline --data-urlencode findings=Sai
expect_status 422
expect_beside proposal "give the proposed form of discipline"
expect_value findings Sai
post "/inspection/cases/$K/step" --data-urlencode action=conclude --data-urlencode on=2026-05-01 \
	--data-urlencode conclusion=violation_discipline --data-urlencode proposal=warning --data-urlencode findings=Sai \
	--data-urlencode doc_no=7-KL/UBKT
expect_status 303
post "/inspection/cases/$K/step" --data-urlencode action=notify --data-urlencode on=2026-05-03 --data-urlencode doc_no=3-TB/UBKT
expect_status 303
post "/inspection/cases/$K/step" --data-urlencode action=followup --data-urlencode on=2026-06-01 --data-urlencode "text=Đã sửa chữa"
expect_status 303
post "/inspection/cases/$K/step" --data-urlencode action=close --data-urlencode on=2026-06-02
expect_status 303
expect_page "/inspection/cases/$K"
expect_out_contains '<dd id="case-state">closed</dd>'
expect_out_contains 'violation requiring discipline (proposed: warning)'
expect_out_count 5 '<tr><td>2026-0'
expect_out_lacks 'id="step-form"'
expect_out_contains 'No discipline recorded on this case.'
expect_page "/orgs/A/inspection?state=closed"
expect_out_contains '<p id="case-count">1 cases</p>'
page GET "/orgs/A/inspection?format=csv"
expect_status 200
expect_true "the CSV download" [ "$(printf '%s' "$OUT" | head -1 | cut -d, -f1-3)" = "id,org,member_id" ]
page GET "/orgs/A/inspection?format=xlsx"
expect_status 200
HTTP_LANG=vi
login ainsp
expect_page "/inspection/cases/$K"
expect_out_contains "vi phạm đến mức phải xem xét kỷ luật"
expect_page "/orgs/A/inspection"
expect_out_contains "Kiểm tra, giám sát"
HTTP_LANG=en
# a viewer with the right reads; the forms are refused
login aviewi
expect_page "/inspection/cases/$KE"
expect_out_lacks 'id="step-form"'
page GET "/orgs/A/inspection/programmes/new"
expect_status 403
post "/inspection/cases/$KE/step" --data-urlencode action=conclude --data-urlencode on=2026-05-01 --data-urlencode conclusion=violation
expect_status 403
# out of scope with the right: not found
login binsp
page GET "/inspection/cases/$K"
expect_status 404
page GET "/inspection/programmes/$P"
expect_status 404
page GET "/orgs/A/inspection"
expect_status 404
server_stop

tcase "without the right: the link left out, the pages refused; the accounts page grants it" "$IN"
server_start
login aclerk
expect_page "/orgs/A"
expect_out_lacks 'href="/orgs/A/inspection"'
page GET "/orgs/A/inspection"
expect_status 403
page GET "/inspection/cases/$KE"
expect_status 403
post "/inspection/cases/$KE/step" --data-urlencode action=conclude --data-urlencode on=2026-05-01 --data-urlencode conclusion=violation
expect_status 403
login aadmin
expect_page /accounts
expect_out_contains 'Grant the inspection right'
post /accounts/aclerk/inspection -d grant=1
expect_status 303
expect_page "$(location)"
expect_out_contains "The inspection right was granted."
cadre --json user list
expect_json '[a["inspection"] for a in d if a["account"] == "aclerk"] == [True]' "granted"
expect_page /accounts
expect_out_contains 'Revoke the inspection right'
post /accounts/aclerk/inspection -d grant=0
expect_status 303
cadre --json user list
expect_json '[a["inspection"] for a in d if a["account"] == "aclerk"] == [False]' "revoked"
post /accounts/bclerk/inspection -d grant=1
expect_status 404
post /accounts/aclerk/inspection -d grant=maybe
expect_status 422
server_stop
done_testing
