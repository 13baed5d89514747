#!/bin/bash
# t_training.sh - the training pages (page_training.c; docs/cadres.md): a member's training
# on the member's page only for an account with the personnel right, the form adding a record
# (every problem beside its field, the values kept), an organisation's list by year and kind,
# the report's training table (left out without the right) leading to it; escaping and
# Vietnamese.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"
. "$HERE/lib_forms.sh"

FX=$WORK/fx.db
web_fixture "$FX"
TR=$WORK/tr.db
cp "$FX" "$TR"
DB=$TR
for spec in apers:clerk:A aviewp:viewer:A; do
	IFS=: read -r name role org <<<"$spec"
	printf '%s\n' "$PW" >"$WORK/.pw"
	STDIN=$WORK/.pw cadre user add "$name" --role "$role" --org "$org" --personnel
	[ "$RC" = 0 ] || fail "fixture: user add $name" "exit 0" "exit $RC: $ERR"
done
cadre training add --member "$MEMBER_EVIL" --course "$EVIL" --school "Học viện Chính trị" --kind long_term --from 2025-09-01
[ "$RC" = 0 ] || fail "fixture: a training of the member named EVIL" "exit 0" "exit $RC: $ERR"
DB=$WORK/none.db

tcase "with the personnel right: the member's training, the form, the list, the report" "$TR"
server_start
login apers
expect_page "/members/$MEMBER_A"
expect_out_contains 'id="member-training"'
expect_out_contains 'href="/members/'"$MEMBER_A"'/training/new"'
expect_page "/members/$MEMBER_A/training/new"
post "/members/$MEMBER_A/training" --data-urlencode course= --data-urlencode "school=Trường Quân sự Quân khu 2" \
	--data-urlencode kind=short --data-urlencode from=2025-03-10 --data-urlencode to=2025-03-01
expect_status 422
expect_valid_html
expect_beside course
expect_beside to "before it starts"
expect_value school "Trường Quân sự Quân khu 2"
post "/members/$MEMBER_A/training" --data-urlencode "course=Bồi dưỡng cán bộ chủ trì" \
	--data-urlencode "school=Trường Quân sự Quân khu 2" --data-urlencode kind=short \
	--data-urlencode from=2025-03-01 --data-urlencode to=2025-03-10 --data-urlencode result=Giỏi
expect_status 303
LOC=$(location)
expect_eq "back to the member's training" "/members/$MEMBER_A?done=training-added&of=$MEMBER_A#training" "$LOC"
expect_page "${LOC%#*}"
expect_out_contains "Bồi dưỡng cán bộ chủ trì"
expect_out_contains "The training record was saved."
expect_page "/orgs/A/training?year=2025"
expect_out_contains "Bồi dưỡng cán bộ chủ trì"
expect_out_contains "$(printf '%s' '&lt;script&gt;')"
expect_out_contains '<p id="training-count">2 records</p>'
expect_page "/orgs/A/training?year=2025&kind=short"
expect_out_contains '<p id="training-count">1 records</p>'
expect_page "/orgs/A/report?year=2025"
expect_out_contains "Cadres sent to training in the year"
expect_out_contains 'href="/orgs/A/training?year=2025&amp;kind=short"'
HTTP_LANG=vi
login apers
expect_page "/members/$MEMBER_A"
expect_out_contains "Đào tạo, bồi dưỡng"
expect_page "/orgs/A/training?year=2025"
expect_out_contains "ngắn hạn"
HTTP_LANG=en
# a viewer with the right reads; the form is refused
login aviewp
expect_page "/members/$MEMBER_A"
expect_out_contains 'id="member-training"'
expect_out_lacks 'training/new'
page GET "/members/$MEMBER_A/training/new"
expect_status 403

tcase "without the right: no section, the pages refused, the report's table left out" "$TR"
login aclerk
expect_page "/members/$MEMBER_A"
expect_out_lacks 'id="member-training"'
page GET "/members/$MEMBER_A/training/new"
expect_status 403
post "/members/$MEMBER_A/training" --data-urlencode "course=X" --data-urlencode "school=Y" \
	--data-urlencode kind=short --data-urlencode from=2025-03-01
expect_status 403
page GET "/orgs/A/training"
expect_status 403
expect_page "/orgs/A/report?year=2025"
expect_out_lacks "Cadres sent to training in the year"
# out of scope with the right: not found
login apers
page GET "/members/$MEMBER_B/training/new"
expect_status 404
page GET "/orgs/B/training"
expect_status 404
server_stop
done_testing
