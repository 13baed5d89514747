#!/bin/bash
# t_complaint.sh - the complaint pages (page_complaint.c; docs/inspection.md "Complaints and
# denunciations"): an organisation's register with its filters and downloads, the lodge form
# (every problem beside its field, R-COMPLAINT-DAYS named, the values kept), a complaint's
# page with the decision and its history, the settle form (a reduced discipline becomes a new
# decision in the history) and the withdraw form; the inspection right needed (403), another
# subtree's complaint not found (404); escaping and Vietnamese.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"
. "$HERE/lib_forms.sh"

# disc ARGS...: record a discipline decision (DID its id); the act's date 30 days before the
# decision where the command takes it (--act-date comes with the discipline part of this issue).
disc() {
	local a prev="" d=""
	for a in "$@"; do
		[ "$prev" = --date ] && d=$a
		prev=$a
	done
	cadre --json discipline add "$@" --act-date "$(date -u -d "$d -30 days" +%F)"
	[ "$RC" = 2 ] && cadre --json discipline add "$@"
	json_val 'd["id"]'
	DID=$JV
}

FX=$WORK/fx.db
web_fixture "$FX"
CP=$WORK/cp.db
cp "$FX" "$CP"
DB=$CP
for spec in ainsp:clerk:A aviewi:viewer:A binsp:clerk:B; do
	IFS=: read -r name role org <<<"$spec"
	printf '%s\n' "$PW" >"$WORK/.pw"
	STDIN=$WORK/.pw cadre user add "$name" --role "$role" --org "$org" --inspection
	[ "$RC" = 0 ] || fail "fixture: user add $name" "exit 0" "exit $RC: $ERR"
done
disc --member "$MEMBER_A" --form warning --body A1C --reason "vắng sinh hoạt" --date 2026-08-20
D=$DID
cadre discipline notify "$D" --date 2026-09-01
[ "$RC" = 0 ] || sqlite3 "$DB" "UPDATE discipline SET notified_on = CAST(julianday('2026-09-01') - 2440587.5 AS INTEGER) WHERE id = $D"
cadre --json complaint add --kind denunciation --member "$MEMBER_EVIL" --date 2026-11-01 --content "$EVIL" --from "$SQLISH"
json_val 'd["id"]'
KE=$JV
cadre --json complaint add --kind denunciation --member "$MEMBER_B" --date 2026-06-01 --content "tố cáo ở B"
json_val 'd["id"]'
KB=$JV
DB=$WORK/none.db

tcase "with the inspection right: the register, lodging, settling, the history" "$CP"
server_start
login ainsp
expect_page "/orgs/A/complaints"
expect_out_contains 'id="complaints"'
expect_out_contains "$(printf '%s' '&lt;script&gt;')"
expect_out_contains 'href="/orgs/A/complaints/new"'
expect_out_lacks "tố cáo ở B"
expect_page "/orgs/A/complaints/new"
expect_out_contains 'name="discipline_id"'
expect_out_contains "R-COMPLAINT-DAYS"
post "/orgs/A/complaints" --data-urlencode kind=complaint --data-urlencode "discipline_id=$D" \
	--data-urlencode lodged_on=2026-10-02 --data-urlencode "content=Tôi không đồng ý" --data-urlencode "from=Nguyễn Văn An"
expect_status 422
expect_valid_html
expect_beside lodged_on "R-COMPLAINT-DAYS"
expect_value content "Tôi không đồng ý"
post "/orgs/A/complaints" --data-urlencode kind=complaint --data-urlencode "discipline_id=$D" \
	--data-urlencode lodged_on=2026-10-01 --data-urlencode content=
expect_status 422
expect_beside content
post "/orgs/A/complaints" --data-urlencode kind=complaint --data-urlencode "discipline_id=$D" \
	--data-urlencode lodged_on=2026-10-01 --data-urlencode "content=Tôi không đồng ý"
expect_status 303
LOC=$(location)
K=${LOC#/complaints/}
K=${K%%\?*}
expect_eq "to the complaint's page" "/complaints/$K?done=complaint-added" "$LOC"
expect_page "$LOC"
expect_out_contains "The complaint was recorded."
expect_out_contains 'id="decision-history"'
expect_out_contains 'id="settle-form"'
post "/complaints/$K/settle" --data-urlencode outcome=reduced --data-urlencode form=removal --data-urlencode settled_on=2026-10-20
expect_status 422
expect_valid_html
expect_beside form "lighter"
post "/complaints/$K/settle" --data-urlencode outcome=reduced --data-urlencode form=reprimand \
	--data-urlencode settled_on=2026-10-20 --data-urlencode "decision_no=12-QĐ/ĐU" --data-urlencode "settlement=Giảm xuống khiển trách"
expect_status 303
expect_page "$(location)"
expect_out_contains "The settlement was recorded."
expect_out_contains '<dd id="complaint-state">settled'
expect_out_contains '<dd id="complaint-outcome">reduced (a lighter form)'
expect_out_contains '<tr id="decision-'"$D"'">'
expect_out_contains '<td class="state">changed</td>'
expect_out_contains '<td class="state">in force</td>'
expect_out_contains "12-QĐ/ĐU"
expect_out_lacks 'id="settle-form"'
expect_page "/orgs/A/complaints?kind=complaint&state=settled"
expect_out_contains '<tr id="complaint-'"$K"'">'
expect_out_lacks '<tr id="complaint-'"$KE"'">'
expect_page "/orgs/A/complaints?overdue=1"
expect_out_contains 'id="no-complaints"'
page GET "/orgs/A/complaints.csv?kind=denunciation"
expect_status 200
expect_eq "one denunciation in the CSV" 2 "$(python3 -c 'import csv,sys; print(len(list(csv.reader(open(sys.argv[1], encoding="utf-8")))))' "$OUTF")"
page GET "/orgs/A/complaints.xlsx"
expect_status 200
expect_page "/complaints/$KE"
expect_out_contains "$(printf '%s' '&lt;script&gt;')"
post "/complaints/$KE/withdraw" --data-urlencode date=2026-11-05 --data-urlencode "reason=rút đơn"
expect_status 303
expect_page "$(location)"
expect_out_contains '<dd id="complaint-state">withdrawn'
HTTP_LANG=vi
login ainsp
expect_page "/orgs/A/complaints"
expect_out_contains "Khiếu nại và tố cáo"
expect_page "/complaints/$K"
expect_out_contains "giảm"
HTTP_LANG=en
login aviewi
expect_page "/orgs/A/complaints"
expect_out_lacks 'complaints/new'
page GET "/orgs/A/complaints/new"
expect_status 403
page GET "/complaints/$KB"
expect_status 404

tcase "without the right: refused; outside the subtree: not found" "$CP"
login aclerk
page GET "/orgs/A/complaints"
expect_status 403
page GET "/complaints/$KE"
expect_status 403
page GET "/orgs/A/complaints/new"
expect_status 403
post "/orgs/A/complaints" --data-urlencode kind=complaint --data-urlencode "discipline_id=$D" --data-urlencode content=x
expect_status 403
post "/complaints/$KE/withdraw" --data-urlencode date=2026-11-05
expect_status 403
login binsp
page GET "/complaints/$KE"
expect_status 404
page GET "/orgs/A/complaints"
expect_status 404
server_stop
done_testing
