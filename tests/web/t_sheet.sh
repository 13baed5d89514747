#!/bin/bash
# t_sheet.sh - the cadre's sheet page and the own assessment's form (page_sheet.c;
# docs/cadres.md "The cadre's sheet and assessment"): the link from the member's page and from
# the holders on the cadres page only with the personnel right, the sheet's parts (a rotation to
# a border area, an acting post, the years of reviews beside the own assessments), each opening
# audited, the form (every problem beside its field, the values kept; a revision), as_of,
# "not allowed" without the right, not found out of scope; escaping and Vietnamese.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"
. "$HERE/lib_forms.sh"

FX=$WORK/fx.db
web_fixture "$FX"
SH=$WORK/sh.db
cp "$FX" "$SH"
DB=$SH
for spec in apers:clerk:A aviewp:viewer:A; do
	IFS=: read -r name role org <<<"$spec"
	printf '%s\n' "$PW" >"$WORK/.pw"
	STDIN=$WORK/.pw cadre user add "$name" --role "$role" --org "$org" --personnel
	[ "$RC" = 0 ] || fail "fixture: user add $name" "exit 0" "exit $RC: $ERR"
done
cadre position add --org A --kind commander --on 2015-01-01
cadre position add --org A --kind commissar --on 2015-01-01
cadre org flag A border --on 2015-01-01
cadre appoint "$MEMBER_A" A:commissar --decision 1/QĐ --decided-on 2020-01-01 --body ROOT --on 2020-01-15
cadre rotate "$MEMBER_A" A:commissar A:commander --decision 2/QĐ --decided-on 2024-01-01 --body ROOT --on 2024-02-01 --acting
[ "$RC" = 0 ] || fail "fixture: the rotation" "exit 0" "exit $RC: $ERR"
cadre appoint "$MEMBER_EVIL" A:commissar --decision 3/QĐ --decided-on 2024-01-01 --body ROOT --on 2024-03-01
cadre assessment add --member "$MEMBER_EVIL" --year 2025 --text "$EVIL" --health 3
[ "$RC" = 0 ] || fail "fixture: an assessment named EVIL" "exit 0" "exit $RC: $ERR"
cadre training add --member "$MEMBER_A" --course "Cao cấp lý luận chính trị" --school "Học viện Chính trị" --kind long_term --from 2024-09-01 --to 2025-06-30
DB=$WORK/none.db

tcase "with the personnel right: the links, the sheet, the form, the audit" "$SH"
server_start
login apers
expect_page "/"
expect_out_contains 'id="wl-cadre_assessments_missing"'
expect_out_contains 'href="/orgs/A/assessments-due"'
expect_page "/orgs/A/assessments-due"
expect_out_contains '<p id="assessments-due-year">Year 2025</p>'
expect_out_count 1 'cadre-sheet">'
expect_out_contains 'href="/members/'"$MEMBER_A"'/cadre-sheet">Nguyễn Văn An</a>'
expect_page "/members/$MEMBER_A"
expect_out_contains 'id="cadre-sheet-link" href="/members/'"$MEMBER_A"'/cadre-sheet"'
expect_page "/orgs/A/cadres"
expect_out_contains 'class="sheet-link" href="/members/'"$MEMBER_A"'/cadre-sheet"'
expect_page "/members/$MEMBER_A/cadre-sheet"
expect_out_contains 'id="cadre-sheet"'
expect_out_contains 'data-area="border"'
expect_out_contains "Cao cấp lý luận chính trị"
expect_out_contains '<span class="flag">acting</span>'
expect_out_contains 'href="/members/'"$MEMBER_A"'/assessments/new"'
n=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'cadre.sheet' AND subject = 'member:$MEMBER_A' AND actor = 'apers'")
expect_eq "the opening audited" 1 "$n"
expect_page "/members/$MEMBER_EVIL/cadre-sheet"
expect_out_contains "$(printf '%s' '&lt;script&gt;')"
expect_page "/members/$MEMBER_A/assessments/new"
post "/members/$MEMBER_A/assessments" --data-urlencode year=2099 --data-urlencode self_text= \
	--data-urlencode health=9 --data-urlencode "strengths=Sâu sát cơ sở"
expect_status 422
expect_valid_html
expect_beside year
expect_beside self_text
expect_beside health
expect_out_contains "Sâu sát cơ sở"
post "/members/$MEMBER_A/assessments" --data-urlencode year=2025 --data-urlencode "self_text=Hoàn thành tốt nhiệm vụ" \
	--data-urlencode health=2
expect_status 303
expect_eq "back to the sheet" "/members/$MEMBER_A/cadre-sheet" "$(location)"
post "/members/$MEMBER_A/assessments" --data-urlencode year=2025 --data-urlencode "self_text=Hoàn thành xuất sắc nhiệm vụ" \
	--data-urlencode health=1
expect_status 303
expect_page "/members/$MEMBER_A/cadre-sheet"
expect_out_contains "Hoàn thành xuất sắc nhiệm vụ"
expect_out_lacks "Hoàn thành tốt nhiệm vụ"
expect_out_contains "class 1 (2025)"
n=$(sqlite3 "$DB" "SELECT count(*) || '/' || sum(current) FROM cadre_assessment WHERE member_id = $MEMBER_A AND year = 2025")
expect_eq "two revisions, one current" "2/1" "$n"
expect_page "/orgs/A/assessments-due"
expect_out_lacks 'cadre-sheet">'
expect_page "/members/$MEMBER_A/cadre-sheet?as_of=2023-12-31"
expect_out_lacks 'data-area="border"'
page GET "/members/$MEMBER_A/cadre-sheet?as_of=2023-13-01"
expect_status 400
HTTP_LANG=vi
login apers
expect_page "/members/$MEMBER_A/cadre-sheet"
expect_out_contains "Lý lịch cán bộ"
expect_out_contains "Luân chuyển"
expect_out_contains "biên giới"
HTTP_LANG=en
# a viewer with the right reads; the form is refused
login aviewp
expect_page "/members/$MEMBER_A/cadre-sheet"
expect_out_lacks 'assessments/new'
page GET "/members/$MEMBER_A/assessments/new"
expect_status 403
# out of scope with the right: not found
login apers
page GET "/members/$MEMBER_B/cadre-sheet"
expect_status 404
page GET "/members/999999/cadre-sheet"
expect_status 404

tcase "without the right: no link, the pages not allowed" "$SH"
login aclerk
expect_page "/"
expect_out_lacks 'wl-cadre_assessments_missing'
page GET "/orgs/A/assessments-due"
expect_status 403
expect_page "/members/$MEMBER_A"
expect_out_lacks 'cadre-sheet'
expect_page "/orgs/A/cadres"
expect_out_lacks 'sheet-link'
page GET "/members/$MEMBER_A/cadre-sheet"
expect_status 403
page GET "/members/999999/cadre-sheet"
expect_status 403
page GET "/members/$MEMBER_A/assessments/new"
expect_status 403
post "/members/$MEMBER_A/assessments" --data-urlencode year=2025 --data-urlencode self_text=X
expect_status 403
n=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'cadre.sheet' AND actor = 'aclerk'")
expect_eq "nothing opened, nothing audited" 0 "$n"
server_stop
done_testing
