#!/bin/bash
# t_discipline.sh - the discipline pages (docs/inspection.md "Discipline"): the add form with
# the new fields and an error beside each field it concerns (the act's date, the body's
# authority, the decision's number), every value kept; a decision recorded goes to its record
# page; the register's filters; the member's record shows the discipline in force to whoever
# sees the member and the whole of it with the inspection right; the register needs the right
# (403), a record outside the subtree is not found (404); both languages; valid HTML.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"
. "$HERE/lib_forms.sh"

FX=$WORK/fx.db
review_fixture "$FX"
P2=$MEMBER_P2

tcase "the form, its errors beside their fields, the record page, the member's record, the register" "$FX"
expect_exit 0 user grant aclerk --inspection
server_start
login aclerk
page GET "/discipline?member=$P2"
expect_status 200
expect_valid_html
expect_value member_id "$P2"
expect_out_contains 'name="act_date"'
expect_out_contains 'name="decision_no"'
expect_out_contains 'name="inspection"'
snap_before
post /discipline --data-urlencode "member_id=$P2" --data-urlencode form=removal \
	--data-urlencode date=2026-03-01 --data-urlencode body=A1C --data-urlencode "reason=vắng sinh hoạt" \
	--data-urlencode decision_no="QĐ?" --data-urlencode members_to=A1C
expect_status 422
expect_valid_html
expect_beside act_date "R-DISCIPLINE-LIMITATION"
expect_beside body "R-DISCIPLINE-AUTHORITY"
expect_beside decision_no "cannot be read at byte"
expect_beside members_to "dissolution only"
expect_value reason "vắng sinh hoạt"
expect_value form removal
expect_value decision_no "QĐ?"
post /discipline --data-urlencode "member_id=$P2" --data-urlencode form=reprimand \
	--data-urlencode date=2026-03-01 --data-urlencode act_date=2020-01-01 --data-urlencode body=A1 \
	--data-urlencode "reason=x"
expect_status 422
expect_beside act_date "within 5 years"
expect_eq "nothing recorded" 0 "$(sqlite3 "$DB" 'SELECT count(*) FROM discipline')"
post /discipline --data-urlencode "member_id=$P2" --data-urlencode form=reprimand \
	--data-urlencode date=2026-03-01 --data-urlencode act_date=2026-02-10 --data-urlencode body=A1 \
	--data-urlencode inspection=1 --data-urlencode decision_no="Số 7-qd/ubkt" \
	--data-urlencode notified_on=2026-03-03 --data-urlencode "reason=vắng sinh hoạt ba kỳ"
expect_status 303
expect_eq "to the record" "/discipline/1?done=discipline-added&of=$P2" "$(location)"
page GET /discipline/1
expect_status 200
expect_valid_html
htmlq text r-decision
expect_eq "the number canonical" "Decision number7-QĐ/UBKT" "$HQ"
expect_out_contains '(inspection committee)'
expect_out_contains 'vắng sinh hoạt ba kỳ'
page GET "/members/$P2"
expect_valid_html
expect_out_contains 'id="member-discipline"'
expect_out_contains '<a href="/discipline/1">'
expect_out_contains 'vắng sinh hoạt ba kỳ'
page GET "/discipline?form=reprimand&state=in_force&year=2026"
expect_out_contains 'id="discipline-1"'
page GET "/discipline?form=warning"
expect_out_contains 'id="no-discipline"'
page GET "/discipline?form=scolding"
expect_status 422
HTTP_LANG=vi
login aclerk
page GET /discipline/1
expect_out_contains "Số quyết định"
expect_out_contains "ủy ban kiểm tra"
HTTP_LANG=en
# without the right: the member's record shows the discipline in force only; the register
# and the record page refused
login aview
page GET "/members/$P2"
expect_status 200
expect_out_contains 'id="member-discipline"'
expect_out_contains 'Reprimand'
expect_out_lacks 'vắng sinh hoạt ba kỳ'
expect_out_lacks '7-QĐ/UBKT'
page GET /discipline
expect_status 403
expect_out_contains "inspection right"
page GET /discipline/1
expect_status 403
# out of the subtree: not found
login bclerk
page GET /discipline/1
expect_status 404
page GET /discipline/999
expect_status 404
server_stop
done_testing
