#!/bin/bash
# t_plan.sh - the succession plan page (page_plan.c; docs/cadres.md "Planning"): an
# organisation's plan approved, a successor added, re-ranked, removed and the yearly review
# through its forms (a refusal answered on the page with the values kept), the failed
# criteria and a missed target in red, an older version read back, the vacancy report's
# successors column leading to the plan; the personnel right (403 without it, 404 out of
# scope); escaping and Vietnamese.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"
. "$HERE/lib_forms.sh"

FX=$WORK/fx.db
web_fixture "$FX"
PL=$WORK/pl.db
cp "$FX" "$PL"
DB=$PL
for spec in apers:clerk:A aviewp:viewer:A; do
	IFS=: read -r name role org <<<"$spec"
	printf '%s\n' "$PW" >"$WORK/.pw"
	STDIN=$WORK/.pw cadre user add "$name" --role "$role" --org "$org" --personnel
	[ "$RC" = 0 ] || fail "fixture: user add $name" "exit 0" "exit $RC: $ERR"
done
cadre position add --org A1 --kind commander --on 2020-01-01
cadre position add --org B1 --kind commander --on 2020-01-01
cadre succession period add 2025-2030 2025 2030
cadre succession targets --org A1 --set women --pct 50
[ "$RC" = 0 ] || fail "fixture: the plan" "exit 0" "exit $RC: $ERR"
DB=$WORK/none.db

tcase "the plan page and its forms, with the personnel right" "$PL"
server_start
login apers
expect_page "/orgs/A1/plan"
expect_out_contains "Not approved yet."
expect_out_contains 'id="plan-approve"'
expect_out_lacks 'id="plan-add"'
post "/orgs/A1/plan?period=2025-2030" --data-urlencode action=approve --data-urlencode ap_decision=15/QĐ \
	--data-urlencode ap_decided_on=2025-03-01 --data-urlencode ap_body=A --data-urlencode "ap_note=phê duyệt"
expect_status 303
expect_eq "back to the plan" "/orgs/A1/plan?period=2025-2030" "$(location)"
post "/orgs/A1/plan" --data-urlencode action=add --data-urlencode add_position=A1:commander \
	--data-urlencode "add_member=$MEMBER_EVIL" --data-urlencode add_reason=
expect_status 422
expect_valid_html
expect_out_contains "give the reason"
expect_value add_member "$MEMBER_EVIL"
for m in "$MEMBER_EVIL" "$MEMBER_A"; do
	post "/orgs/A1/plan" --data-urlencode action=add --data-urlencode add_position=A1:commander \
		--data-urlencode "add_member=$m" --data-urlencode "add_reason=đủ điều kiện"
	expect_status 303
done
expect_page "/orgs/A1/plan"
expect_out_contains '<span id="plan-version">1</span>'
expect_out_contains "$(printf '%s' '&lt;script&gt;')"
expect_out_lacks "<script>\""
expect_out_contains 'class="err failed" data-criterion="review_grades"'
expect_out_contains 'not ready'
expect_out_contains '<span id="plan-short">0</span>'
expect_out_contains 'class="err missed"'
expect_out_contains '<span class="downloads" id="plan-download"><a href="/orgs/A1/plan?period=2025-2030&amp;version=1&amp;format=csv">CSV</a>'
page GET "/orgs/A1/plan?period=2025-2030&version=1&format=csv"
expect_status 200
expect_out_contains 'org,kind,rank,member_id,full_name,from_version,reason,ready,failed'
expect_out_contains 'review_grades'
page GET "/orgs/A1/plan?period=2025-2030&format=doc"
expect_status 400
post "/orgs/A1/plan" --data-urlencode action=review --data-urlencode rv_year=2026 --data-urlencode "rv_note=rà soát"
expect_status 303
post "/orgs/A1/plan" --data-urlencode action=rerank --data-urlencode rr_position=A1:commander \
	--data-urlencode "rr_member=$MEMBER_A" --data-urlencode rr_rank=1
expect_status 303
post "/orgs/A1/plan" --data-urlencode action=remove --data-urlencode rm_position=A1:commander \
	--data-urlencode "rm_member=$MEMBER_EVIL" --data-urlencode "rm_reason=chuyển công tác"
expect_status 303
expect_page "/orgs/A1/plan"
expect_out_contains '<span id="plan-version">2</span>'
expect_out_contains '<span class="err short">short</span>'
expect_out_lacks 'data-member="'"$MEMBER_EVIL"'"'
expect_page "/orgs/A1/plan?period=2025-2030&version=1"
expect_out_contains 'data-member="'"$MEMBER_EVIL"'"'
expect_out_lacks 'id="plan-add"'
expect_page "/orgs/A1/vacancies"
expect_out_contains "Successors (ready)"
expect_out_contains '<td class="successors">1 (0 successor ready)</td>'
expect_page "/orgs/A1/report"
expect_out_contains "Planning of key cadres"
expect_out_contains 'href="/orgs/A1/plan"'
HTTP_LANG=vi
login apers
expect_page "/orgs/A1/plan"
expect_out_contains "Quy hoạch cán bộ"
expect_out_contains "chưa đạt"
HTTP_LANG=en
login aviewp
expect_page "/orgs/A1/plan"
expect_out_lacks 'id="plan-add"'
post "/orgs/A1/plan" --data-urlencode action=review --data-urlencode rv_year=2027
expect_status 403

tcase "without the right: refused; out of scope: not found" "$PL"
login aclerk
page GET "/orgs/A1/plan"
expect_status 403
post "/orgs/A1/plan" --data-urlencode action=approve
expect_status 403
expect_page "/orgs/A1/vacancies"
expect_out_lacks "Successors (ready)"
expect_page "/orgs/A1/report"
expect_out_lacks "Planning of key cadres"
login apers
page GET "/orgs/B1/plan"
expect_status 404
server_stop
done_testing
