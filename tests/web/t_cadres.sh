#!/bin/bash
# t_cadres.sh - the pages of key cadres (docs/cadres.md): an organisation's positions with
# their holders and history, its flags and committee (/orgs/CODE/cadres), the vacancy report
# (/orgs/CODE/vacancies) in priority order, in Vietnamese and English, valid and escaped (a
# holder named <script>"'&), scoped (another branch's pages are the 404 of nothing); and the
# worklist's item of vacancies linking to the report.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"
. "$HERE/lib_forms.sh"

FX=$WORK/fx.db
web_fixture "$FX"
CD=$WORK/cd.db
cp "$FX" "$CD"
DB=$CD
cadre position add --org A1 --kind commander --on 2020-01-01
cadre position add --org A1 --kind commissar --on 2020-01-01
cadre position add --org B1 --kind commander --on 2020-01-01
cadre org flag B1 border --on 2020-01-01
cadre appoint "$MEMBER_EVIL" A1:commander --decision '12/QĐ-BTL' --decided-on 2024-01-10 --body ROOT --on 2024-02-01
expect_eq "fixture: appointed" 0 "$RC"
cadre --json committee add --org A1 --term-start 2025-10-01 --seats 3 --standing-seats 1 --body A
json_val 'd["id"]'
cadre committee seat "$JV" --seat "$MEMBER_A=secretary"
expect_eq "fixture: seated" 0 "$RC"
DB=$WORK/none.db

tcase "the positions and committee page, the vacancy report, in two languages" "$CD"
server_start
login aclerk
expect_page /orgs/A1/cadres
expect_out_contains 'id="position-'
expect_out_contains '<a id="rotations" href="/orgs/A1/rotations">'
expect_out_lacks 'id="plan"' # the plan needs the personnel right
expect_out_contains "$EVIL_ESC"
expect_out_contains '12/QĐ-BTL (ROOT)'
expect_out_contains 'Nguyễn Văn An'
expect_out_contains 'Commander'
expect_out_contains '1 / 3'
expect_page "/orgs/A1/cadres?as_of=2024-01-01"
expect_page /orgs/A/vacancies
expect_out_contains '<table id="vacancy-list">'
expect_out_count 2 'href="/orgs/A1/cadres"'
expect_out_contains 'commissar'
expect_out_contains 'Committee'
expect_out_lacks 'B1'
page GET /orgs/B1/vacancies
expect_status 404
page GET /orgs/B1/cadres
expect_status 404
page GET "/orgs/A1/vacancies?as_of=2024-13-01"
expect_status 400
# the worklist's item, with its count and link
page GET /
expect_status 200
expect_out_contains 'href="/orgs/A/vacancies"'
HTTP_LANG=vi
post /lang --data-urlencode lang=vi --data-urlencode next=/
expect_page /orgs/A1/cadres
expect_out_contains 'Chỉ huy trưởng'
expect_out_contains 'Cấp ủy'
expect_page /orgs/A/vacancies
expect_out_contains 'Báo cáo khuyết cán bộ'
expect_out_contains 'khuyết'
HTTP_LANG=en
login admin
expect_page /orgs/A1/cadres
expect_out_contains '<a id="plan" href="/orgs/A1/plan">'
expect_page /orgs/ROOT/vacancies
# B1 is a border area: its vacant commander first
expect_true "border first" python3 -c "import sys; s=open('$OUTF').read(); sys.exit(0 if s.index('/orgs/B1/cadres') < s.index('/orgs/A1/cadres') else 1)"
server_stop

tcase "the clerk's form: appoint, refused beside the field, rotate; a viewer may not" "$CD"
server_start
login aclerk
expect_page /orgs/A1/cadres
expect_out_contains 'id="cadre-event"'
expect_page /orgs/A1/cadres/event
expect_out_contains '<form method="post" class="record" id="cadre-form"'
# the division may not decide a regiment's commissar (R-POS-DECIDER-LEVEL): beside the body
post /orgs/A1/cadres/event --data-urlencode action=appoint --data-urlencode member="$MEMBER_SQL" \
	--data-urlencode position=commissar --data-urlencode decision=14/QĐ-BTL \
	--data-urlencode decided_on=2026-01-10 --data-urlencode body=A --data-urlencode on=2026-02-01
expect_status 422
expect_valid_html
expect_beside body "R-POS-DECIDER-LEVEL"
expect_value decision "14/QĐ-BTL"
post /orgs/A1/cadres/event --data-urlencode action=appoint --data-urlencode member="$MEMBER_SQL" \
	--data-urlencode position=general --data-urlencode decision=14/QĐ-BTL \
	--data-urlencode decided_on=2026-01-10 --data-urlencode body=ROOT
expect_status 422
expect_beside position "no position general"
post /orgs/A1/cadres/event --data-urlencode action=appoint --data-urlencode member="$MEMBER_SQL" \
	--data-urlencode position=commissar --data-urlencode decision=14/QĐ-BTL \
	--data-urlencode decided_on=2026-01-10 --data-urlencode body=ROOT --data-urlencode on=2026-02-01
expect_status 303
expect_header '^location: /orgs/A1/cadres'
expect_page /orgs/A/vacancies
expect_out_lacks 'commissar'
# a rotation to a post out of sight is the 404 of nothing; to B1 as admin it is to a border area
post /orgs/A1/cadres/event --data-urlencode action=rotate --data-urlencode member="$MEMBER_SQL" \
	--data-urlencode position=commissar --data-urlencode to=B1:commander --data-urlencode decision=15/QĐ-BTL \
	--data-urlencode decided_on=2026-03-10 --data-urlencode body=ROOT --data-urlencode on=2026-04-01
expect_status 422
expect_beside to "no organisation"
login admin
post /orgs/A1/cadres/event --data-urlencode action=rotate --data-urlencode member="$MEMBER_SQL" \
	--data-urlencode position=commissar --data-urlencode to=B1:commander --data-urlencode decision=15/QĐ-BTL \
	--data-urlencode decided_on=2026-03-10 --data-urlencode body=ROOT --data-urlencode on=2026-04-01
expect_status 303
expect_eq "a rotation to a border area" "rotate|1" "$(sqlite3 "$DB" "SELECT how, to_border FROM holding WHERE member_id = $MEMBER_SQL AND valid_to IS NULL")"
login aview
page GET /orgs/A1/cadres/event
expect_status 403
page GET /orgs/A1/cadres
expect_out_lacks 'id="cadre-event"'
server_stop

tcase "the report's key cadres table links to the vacancy report by state and to the rotations of the year" "$CD"
cadre --json committee list --org A1
json_val 'd[0]["id"]'
cadre committee seat "$JV" --seat "$MEMBER_SQL=member"
expect_eq "fixture: a committee member seated" 0 "$RC"
cadre appoint "$MEMBER_SQL" A1:commissar --decision '14/QĐ-BTL' --decided-on 2025-01-10 --body ROOT --on 2025-02-01
cadre rotate "$MEMBER_SQL" A1:commissar B1:commander --decision '15/QĐ-BTL' --decided-on 2026-03-10 --body ROOT --on 2026-04-01
expect_eq "fixture: rotated" 0 "$RC"
server_start
login admin
expect_page "/orgs/ROOT/report?year=2026"
expect_out_contains 'href="/orgs/ROOT/vacancies?state=vacant"'
expect_out_contains 'href="/orgs/ROOT/rotations?year=2026&amp;area=border"'
expect_out_lacks 'area=difficult"' # none went to a difficult area: nothing to list
expect_page "/orgs/ROOT/vacancies?state=vacant"
expect_out_count 1 '<tr data-what="'
expect_out_contains 'href="/orgs/A1/cadres"'
expect_out_lacks 'understaffed'
expect_page "/orgs/ROOT/vacancies?state=understaffed"
expect_out_count 1 '<tr data-what="committee"'
page GET "/orgs/ROOT/vacancies?state=full"
expect_status 400
expect_page "/orgs/ROOT/rotations?year=2026&area=border"
expect_out_contains '<p id="rotation-counts">Rotations begun in the year: <strong>1</strong>; to a border area: 1; to a difficult area: 0.</p>'
expect_out_contains "href=\"/members/$MEMBER_SQL\""
expect_out_contains '15/QĐ-BTL (ROOT)'
expect_page "/orgs/ROOT/rotations?year=2026&area=difficult"
expect_out_count 0 "href=\"/members/$MEMBER_SQL\""
expect_page "/orgs/ROOT/rotations?year=2025"
expect_out_contains '<strong>0</strong>'
page GET "/orgs/ROOT/rotations?year=2026&area=north"
expect_status 400
login aclerk
page GET "/orgs/B/rotations?year=2026"
expect_status 404
HTTP_LANG=vi
post /lang --data-urlencode lang=vi --data-urlencode next=/
expect_page "/orgs/A/rotations?year=2026"
expect_out_contains 'Số cán bộ luân chuyển trong năm'
expect_page "/orgs/A/report?year=2026"
expect_out_contains 'Cán bộ chủ trì'
expect_page /orgs/A1/cadres
expect_out_contains '<td>Cấp ủy viên</td>' # a seat's role "member": not "đảng viên"
expect_out_lacks '<td>đảng viên</td>'
HTTP_LANG=en
server_stop

tcase "the vacancy report in pages of 50, each page's rows whole" "$CD"
sqlite3 "$DB" "INSERT INTO position(org_id, kind, is_key, seats, valid_from, created_by)
	SELECT o.id, k.code, 1, 1, 18262, 'test' FROM org o, position_kind k WHERE
	NOT EXISTS (SELECT 1 FROM position p WHERE p.org_id = o.id AND p.kind = k.code)"
NV=$(sqlite3 "$DB" "SELECT count(*) FROM position WHERE is_key = 1") # all vacant but A1's commander
expect_true "more than a page of vacancies" [ "$NV" -gt 60 ]
server_start
login admin
expect_page /orgs/ROOT/vacancies
expect_out_count 50 '<tr data-what="'
expect_out_contains '<a rel="next" href="/orgs/ROOT/vacancies?as_of='
expect_page "/orgs/ROOT/vacancies?offset=50"
expect_out_count $((NV - 1 + 1 - 50)) '<tr data-what="' # the committee short as well, less the held post
expect_out_contains '<a rel="prev" href="/orgs/ROOT/vacancies?as_of='
server_stop

tcase "the worklist's count of vacancies, scoped" "$CD"
cadre --json worklist
expect_json '[i["count"] for i in d["items"] if i["id"] == "cadre_vacancies"] == [3]' "B1's commander, A1's commissar, A1's committee"
cadre --json worklist --org A
expect_json '[(i["count"], i["link"]) for i in d["items"] if i["id"] == "cadre_vacancies"] == [(2, "/orgs/A/vacancies")]'

done_testing
