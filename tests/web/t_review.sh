#!/bin/bash
# t_review.sh - the review pages: a cell's roll graded on one form (R-REVIEW-EXCELLENT-QUOTA
# refused with its message and nothing stored, then corrected; every value kept; errors beside
# their rows; a locked decision changed only with a reason; R-REVIEW-DISCIPLINED-MEMBER
# explained), the cell's secretary proposing where the grassroots organisation decides, an
# organisation's grade decided by the committee above (R-REVIEW-ORG-DECIDER) with its
# revisions kept, a member's reviews on the record, discipline and rules with their forms;
# CSRF on every form, 404 outside the subtree, hostile text escaped, both languages.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"
. "$HERE/lib_forms.sh"

FX=$WORK/fx.db
review_fixture "$FX"
Y=2026 # CADRE_TODAY is 2026-11-23
A=$MEMBER_A S=$MEMBER_SQL A2=$MEMBER_A2 P1=$MEMBER_P1 P2=$MEMBER_P2 P3=$MEMBER_P3

# ---------------------------------------------------------------------------------------------
tcase "the review form: every member of the roll, the quota, the script as a file" "$FX"
server_start
login aclerk
page GET /orgs/A1C/review
expect_status 200
expect_valid_html
for id in $A $S $A2 $P1 $P2 $P3; do
	expect_value "g-$id" ""
done
htmlq value "g-$MEMBER_EVIL"
expect_eq "a member of another cell is not on A1C's form" "<no control>" "$HQ"
expect_out_contains '<script src="/static/review.js" defer></script>'
expect_out_contains 'R-REVIEW-EXCELLENT-QUOTA'
expect_out_contains 'data-quota="20"'
expect_out_contains 'data-over="{n} excellent of {m} good or better: over the limit of {p}% (at most {k})"'
htmlq text quota-live
expect_eq "the count as the page is loaded" "0 excellent of 0 good or better: within the limit of 20% (at most 0)" "$HQ"
expect_out_contains 'Record the decisions'
expect_out_contains '<a href="/orgs/A1">Đảng bộ Trung đoàn A1</a>'
expect_header "content-security-policy: .*script-src 'self'"
http GET /static/review.js
expect_status 200
expect_header '^content-type: text/javascript'
expect_out_contains "getElementById('review-form')"
expect_out_contains "data"
page GET "/orgs/A1C/review?year=2027"
expect_status 400
page GET "/orgs/A1C/review?year=abc"
expect_status 400
page GET "/orgs/A1C/review?year=2024"
expect_status 200
expect_out_contains '<option selected>2024</option>'
server_stop

# ---------------------------------------------------------------------------------------------
tcase "over the quota: refused with the count and the limit, nothing stored, every choice kept; corrected: accepted" "$FX"
server_start
login aclerk
reviews
before=$REVIEWS
grade A1C $Y "$A=excellent" "$S=excellent" "$A2=good" "$P1=good" "$P2=good" "$P3=complete"
expect_status 422
expect_valid_html
htmlq text quota-refused
expect_eq "the quota's refusal at the top" "2 excellent of 5 good or better: over the limit of 20% (at most 1)" "$HQ"
expect_out_contains '<code>R-REVIEW-EXCELLENT-QUOTA</code>'
expect_out_contains 'at most 20% of the 5 rated good or better may be, that is 1'
htmlq text quota-live
expect_eq "the live count says the same" "2 excellent of 5 good or better: over the limit of 20% (at most 1)" "$HQ"
expect_out_contains 'class="live over"'
expect_value "g-$A" excellent
expect_value "g-$S" excellent
expect_value "g-$A2" good
expect_value "g-$P1" good
expect_value "g-$P2" good
expect_value "g-$P3" complete
reviews
expect_eq "nothing stored (all or nothing)" "$before" "$REVIEWS"
# corrected: one excellent of five
grade A1C $Y "$A=excellent" "$S=good" "$A2=good" "$P1=good" "$P2=good" "$P3=complete"
expect_status 303
expect_eq "back to the form with the count saved" "/orgs/A1C/review?year=$Y&saved=6" "$(location)"
reviews
expect_eq "six decisions stored" "$((before + 6))" "$REVIEWS"
page GET "/orgs/A1C/review?year=$Y&saved=6"
expect_status 200
expect_valid_html
htmlq text saved
expect_eq "the page says how many were recorded" "Grades recorded: 6" "$HQ"
expect_value "g-$A" excellent
expect_value "g-$S" good
expect_value "g-$P3" complete
expect_out_contains '<td class="decided">Excellent</td>'
htmlq text quota-live
expect_eq "the count of the decisions in force" "1 excellent of 5 good or better: within the limit of 20% (at most 1)" "$HQ"
# decided rows: no empty choice, and a reason field each
expect_out_lacks "<option value=\"\">—</option>"
htmlq value "r-$A"
expect_eq "a reason field beside a decided row" "" "$HQ"
# the same form sent again changes nothing
grade A1C $Y "$A=excellent" "$S=good" "$A2=good" "$P1=good" "$P2=good" "$P3=complete"
expect_status 303
expect_eq "nothing sent again" "/orgs/A1C/review?year=$Y&saved=0" "$(location)"
reviews
expect_eq "no new step for unchanged rows" "$((before + 6))" "$REVIEWS"
server_stop

# ---------------------------------------------------------------------------------------------
tcase "errors beside their rows: a locked decision needs a reason, a grade by hand is refused" "$FX"
server_start
login aclerk
grade A1C $Y "$A=excellent" "$S=good" "$A2=good" "$P1=good" "$P2=good" "$P3=complete"
expect_status 303
reviews
before=$REVIEWS
grade A1C $Y "$A=excellent" "$S=good" "$A2=good" "$P1=good" "$P2=brilliant" "$P3=not_complete" \
	-- --data-urlencode "r-$P1=$EVIL"
expect_status 422
expect_valid_html
expect_beside "g-$P2" "Choose one of the four grades"
expect_value "g-$P2" brilliant
expect_value "r-$P1" "$EVIL"
expect_out_lacks "$EVIL"
reviews
expect_eq "nothing stored" "$before" "$REVIEWS"
grade A1C $Y "$A=excellent" "$S=good" "$A2=good" "$P1=good" "$P2=good" "$P3=not_complete"
expect_status 422
expect_beside "r-$P3" "locked"
expect_not_beside "g-$P1"
expect_value "g-$P3" not_complete
reviews
expect_eq "nothing stored" "$before" "$REVIEWS"
grade A1C $Y "$A=excellent" "$S=good" "$A2=good" "$P1=good" "$P2=good" "$P3=not_complete" \
	-- --data-urlencode "r-$P3=Vi phạm kỷ luật phát hiện sau"
expect_status 303
reviews
expect_eq "one new revision" "$((before + 1))" "$REVIEWS"
# the member's record: both decisions, the old one marked replaced
page GET "/members/$P3"
expect_status 200
expect_valid_html
expect_out_contains 'id="member-reviews"'
expect_out_contains '<tr class="old"><td>2026</td><td>Decision</td><td><del>Complete</del></td>'
expect_out_contains '(replaced)'
expect_out_contains '<td>Not complete</td>'
expect_out_contains 'Vi phạm kỷ luật phát hiện sau'
expect_out_contains '<a href="/orgs/A1">Đảng bộ Trung đoàn A1</a>'
page GET "/members/$MEMBER_EVIL"
expect_out_contains 'id="no-reviews"'
server_stop

# ---------------------------------------------------------------------------------------------
tcase "discipline: recorded by its form; the member is marked on the review form and graded at best as the rule says" "$FX"
expect_exit 0 user grant aclerk --inspection # the register: docs/inspection.md
server_start
login aclerk
page GET /discipline
expect_status 200
expect_valid_html
expect_out_contains 'id="no-discipline"'
page GET "/discipline?member=$P2"
expect_value member_id "$P2"
snap_before
post /discipline --data-urlencode "member_id=$P2" --data-urlencode form=expulsion \
	--data-urlencode date=2026-13-01 --data-urlencode body=A1 --data-urlencode "reason=$EVIL"
expect_status 422
expect_valid_html
expect_beside date "2026-13-01"
expect_value reason "$EVIL"
expect_value form expulsion
post /discipline --data-urlencode "member_id=$P2" --data-urlencode "org_code=A1C" \
	--data-urlencode form=warning --data-urlencode body=A1 --data-urlencode "reason=x"
expect_status 422
expect_beside org_code "not both"
post /discipline --data-urlencode "member_id=$MEMBER_B" --data-urlencode form=warning \
	--data-urlencode body=A1 --data-urlencode "reason=x"
expect_status 422
expect_beside member_id
expect_out_lacks "Trần Thị Bình"
expect_eq "nothing recorded" 0 "$(sqlite3 "$DB" 'SELECT count(*) FROM discipline')"
post /discipline --data-urlencode "member_id=$P2" --data-urlencode form=reprimand \
	--data-urlencode date=2026-03-01 --data-urlencode act_date=2026-02-10 --data-urlencode body=A1 \
	--data-urlencode "reason=$EVIL"
expect_status 303
expect_eq "to the record" "/discipline/1?done=discipline-added&of=$P2" "$(location)"
expect_eq "one recorded" 1 "$(sqlite3 "$DB" 'SELECT count(*) FROM discipline')"
page GET "/discipline?year=2026"
expect_status 200
expect_valid_html
expect_out_contains "<a href=\"/members/$P2\">Đỗ Thị Quyên</a>"
expect_out_contains '<td>Reprimand</td>'
expect_out_contains "$EVIL_ESC"
expect_out_lacks "$EVIL"
page GET "/discipline?org=AX"
expect_out_contains 'id="no-discipline"'
page GET "/orgs/A1C/report?year=2026"
expect_out_contains '<tr data-key="members"><th scope="row">members</th><td class="n"><a href="/orgs/A1C/report/members?filter=disciplined%3Dmember&amp;year=2026">1</a></td>'
page GET "/orgs/A1C/report/members?filter=disciplined%3Dmember&year=2026"
expect_out_count 1 '<tr><td><a href="/members/'
expect_out_contains "<a href=\"/members/$P2\">Đỗ Thị Quyên</a>"
htmlq text filter
expect_eq "the figure in words" "Members disciplined in the year" "$HQ"
page GET /orgs/A1C/review
expect_out_contains "<tr id=\"m-$P2\" class=\"disciplined\">"
expect_out_contains 'Disciplined this year'
expect_out_contains 'graded at best Not complete <code>R-REVIEW-DISCIPLINED-MEMBER</code>'
grade A1C $Y "$P2=good"
expect_status 422
expect_beside "g-$P2" "R-REVIEW-DISCIPLINED-MEMBER"
server_stop

# ---------------------------------------------------------------------------------------------
tcase "the cell's secretary proposes (the grassroots organisation decides), and is not shown what is above" "$FX"
server_start
login cclerk
page GET /orgs/A1C/review
expect_status 200
expect_valid_html
expect_out_contains 'Record the proposals'
expect_out_contains 'Grade to propose'
expect_out_lacks 'Đảng bộ Trung đoàn A1'
expect_out_lacks '/orgs/A1"'
reviews
before=$REVIEWS
grade A1C $Y "$A=excellent" "$S=excellent"
expect_status 303
reviews
expect_eq "two proposals stored" "$((before + 2))" "$REVIEWS"
expect_eq "as proposals" 2 "$(sqlite3 "$DB" "SELECT count(*) FROM review WHERE step = 'proposal'")"
page GET /orgs/A1C/review
expect_value "g-$A" excellent
expect_out_contains '<td>Excellent</td><td class="decided">—</td>'
page GET /orgs/A1/review
expect_status 404
page GET /orgs/AX/review
expect_status 404
server_stop
# the self-assessment a member gives (recorded by the command line) is shown beside the proposal
cadre review member "$A" --year $Y --step self --score 92
expect_eq "a self-assessment recorded" 0 "$RC"
server_start
login aclerk
page GET /orgs/A1C/review
expect_out_contains '<td>92 · Excellent</td><td>Excellent</td>'
expect_value "g-$A" excellent
expect_out_contains 'Record the decisions'
server_stop

# ---------------------------------------------------------------------------------------------
tcase "an organisation's grade: decided by the committee above, refused by the rules, revised with a reason" "$FX"
server_start
login aclerk
grade A1C $Y "$A=excellent" "$S=good" "$A2=good" "$P1=good" "$P2=good" "$P3=not_complete"
expect_status 303
page GET /orgs/A1C/review-org
expect_status 200
expect_valid_html
expect_out_contains 'id="review-org-form"'
expect_out_contains 'R-REVIEW-ORG-DECIDER'
htmlq text org-grade-now
expect_eq "nothing decided yet" "No grade decided for the year yet." "$HQ"
expect_out_contains 'id="org-basis"'
reviews
before=$REVIEWS
post /orgs/A1C/review-org --data-urlencode year=$Y --data-urlencode grade=excellent
expect_status 422
expect_valid_html
expect_beside grade "R-REVIEW-ORG-EXCELLENT"
expect_value grade excellent
post /orgs/A1C/review-org --data-urlencode year=$Y --data-urlencode grade=
expect_status 422
expect_beside grade "Choose a grade"
reviews
expect_eq "nothing stored" "$before" "$REVIEWS"
post /orgs/A1C/review-org --data-urlencode year=$Y --data-urlencode grade=good
expect_status 303
expect_eq "back to the organisation's review" "/orgs/A1C/review-org?year=$Y&done=review-org-saved" "$(location)"
page GET "/orgs/A1C/review-org?year=$Y"
htmlq text org-grade
expect_eq "the grade decided" "Good" "$HQ"
post /orgs/A1C/review-org --data-urlencode year=$Y --data-urlencode grade=complete
expect_status 422
expect_beside reason "locked"
post /orgs/A1C/review-org --data-urlencode year=$Y --data-urlencode grade=complete \
	--data-urlencode "reason=$EVIL"
expect_status 303
page GET "/orgs/A1C/review-org?year=$Y"
expect_valid_html
htmlq text org-grade
expect_eq "the grade revised" "Complete" "$HQ"
expect_out_contains 'revision 2'
expect_out_contains '<tr class="old"><td>2026</td><td>Decision</td><td><del>Good</del></td>'
expect_out_contains "$EVIL_ESC"
expect_out_lacks "$EVIL"
server_stop
# the cell's own secretary is not the committee above: refused, and told who decides
server_start
login cclerk
page GET /orgs/A1C/review-org
expect_status 200
expect_valid_html
reviews
before=$REVIEWS
post /orgs/A1C/review-org --data-urlencode year=$Y --data-urlencode grade=good \
	--data-urlencode reason=x
expect_status 403
expect_valid_html
expect_out_contains 'R-REVIEW-ORG-DECIDER'
expect_value grade good
reviews
expect_eq "nothing stored" "$before" "$REVIEWS"
server_stop

# ---------------------------------------------------------------------------------------------
tcase "rules: every version listed; a system administrator adds one, others may not" "$FX"
server_start
login aclerk
page GET /rules
expect_status 200
expect_valid_html
expect_out_contains 'id="rule-R-REVIEW-EXCELLENT-QUOTA"'
expect_out_contains 'HD 21-HD/BTCTW (2019)'
expect_out_contains 'in force today'
expect_out_lacks 'id="rule-form"'
post /rules --data-urlencode id=R-REVIEW-EXCELLENT-QUOTA --data-urlencode value=25 \
	--data-urlencode from=2027-01-01 --data-urlencode source=x
expect_status 403
expect_eq "no version added" 1 "$(sqlite3 "$DB" "SELECT count(*) FROM rule WHERE id = 'R-REVIEW-EXCELLENT-QUOTA'")"
login admin
page GET /rules
expect_out_contains 'id="rule-form"'
expect_valid_html
post /rules --data-urlencode id=R-REVIEW-EXCELLENT-QUOTA --data-urlencode value=many \
	--data-urlencode from= --data-urlencode "source=$EVIL"
expect_status 422
expect_valid_html
expect_beside value "whole number"
expect_beside from
expect_value source "$EVIL"
expect_value id R-REVIEW-EXCELLENT-QUOTA
post /rules --data-urlencode id=R-NO-SUCH --data-urlencode value=1 \
	--data-urlencode from=2027-01-01 --data-urlencode source=x
expect_status 422
expect_beside id "no rule"
post /rules --data-urlencode id=R-REVIEW-EXCELLENT-QUOTA --data-urlencode value=25 \
	--data-urlencode from=2027-01-01 --data-urlencode "source=$EVIL"
expect_status 303
expect_eq "to the rule" "/rules?done=rule-added#rule-R-REVIEW-EXCELLENT-QUOTA" "$(location)"
page GET /rules
expect_valid_html
expect_out_contains 'not yet in force'
expect_out_contains "<td>2027-01-01</td><td>$EVIL_ESC</td>"
expect_out_lacks "$EVIL"
expect_eq "version 2 added" 2 "$(sqlite3 "$DB" "SELECT max(version) FROM rule WHERE id = 'R-REVIEW-EXCELLENT-QUOTA'")"
server_stop

# ---------------------------------------------------------------------------------------------
tcase "every new form refuses a post without the CSRF token or with a wrong one, and changes nothing" "$FX"
server_start
login admin
for token in none wrong; do
	if [ $token = none ]; then tok=(); else tok=(--data-urlencode "csrf=wrong$CSRF"); fi
	reviews
	before=$REVIEWS
	page POST /orgs/A1C/review "${tok[@]}" --data-urlencode year=$Y --data-urlencode "g-$A=good"
	expect_status 403
	expect_out_contains "expired"
	page POST /orgs/A1C/review-org "${tok[@]}" --data-urlencode year=$Y --data-urlencode grade=good
	expect_status 403
	page POST /discipline "${tok[@]}" --data-urlencode "member_id=$A" --data-urlencode form=warning \
		--data-urlencode body=A1 --data-urlencode reason=x
	expect_status 403
	page POST /rules "${tok[@]}" --data-urlencode id=R-ORG-MIN-OFFICIAL --data-urlencode value=4 \
		--data-urlencode from=2027-01-01 --data-urlencode source=x
	expect_status 403
	reviews
	expect_eq "no review stored ($token)" "$before" "$REVIEWS"
	expect_eq "no discipline ($token)" 0 "$(sqlite3 "$DB" 'SELECT count(*) FROM discipline')"
	expect_eq "no rule version ($token)" 1 "$(sqlite3 "$DB" "SELECT count(*) FROM rule WHERE id = 'R-ORG-MIN-OFFICIAL'")"
done
# the same post with the token goes through
grade A1C $Y "$A=good"
expect_status 303
server_stop

# ---------------------------------------------------------------------------------------------
tcase "outside the subtree nothing exists (404), and a viewer gets no form" "$FX"
expect_exit 0 user grant aview --inspection # the register: docs/inspection.md
server_start
login aclerk
for p in /orgs/B1C/review /orgs/B1C/review-org "/discipline?org=B" /orgs/NOPE/review; do
	page GET "$p"
	expect_status 404
	expect_html_valid
	expect_out_lacks "Trần Thị Bình"
done
post /orgs/B1C/review --data-urlencode year=$Y --data-urlencode "g-$MEMBER_B=good"
expect_status 404
post /orgs/B1C/review-org --data-urlencode year=$Y --data-urlencode grade=good
expect_status 404
expect_eq "nothing stored for B" 0 "$(sqlite3 "$DB" 'SELECT count(*) FROM review')"
login bclerk
page GET /orgs/A1C/review
expect_status 404
page GET "/members/$MEMBER_B"
expect_out_contains 'id="no-reviews"'
login aview
page GET /orgs/A1C/review
expect_status 403
expect_out_contains "may read these records but not change them"
page GET /orgs/A1C/review-org
expect_status 200
expect_out_lacks 'id="review-org-form"'
page GET /discipline
expect_status 200
expect_out_lacks 'id="discipline-form"'
post /orgs/A1C/review --data-urlencode year=$Y --data-urlencode "g-$A=good"
expect_status 403
server_stop

# ---------------------------------------------------------------------------------------------
tcase "hostile names: the cell named <script>\"'& and its member, escaped on every page" "$FX"
expect_exit 0 user grant aclerk --inspection # the register: docs/inspection.md
server_start
login aclerk
grade AX $Y "$MEMBER_EVIL=good"
expect_status 303
for p in /orgs/AX/review "/orgs/AX/review?year=$Y" /orgs/AX/review-org "/members/$MEMBER_EVIL" \
	/discipline /rules /orgs/AX; do
	page GET "$p"
	expect_status 200
	expect_valid_html
done
page GET /orgs/AX/review
expect_out_contains "<h1>Review of members: $EVIL_ESC</h1>"
expect_out_contains "<a href=\"/members/$MEMBER_EVIL\">$EVIL_ESC</a>"
expect_out_contains "Grade to record for $EVIL_ESC</label>"
page GET /orgs/AX
expect_out_contains 'id="review" href="/orgs/AX/review"'
expect_out_contains 'id="review-org" href="/orgs/AX/review-org"'
expect_out_contains 'id="report" href="/orgs/AX/report"'
server_stop

# ---------------------------------------------------------------------------------------------
tcase "Vietnamese by default, English by the switch" "$FX"
expect_exit 0 user grant aclerk --inspection # the register: docs/inspection.md
server_start
HTTP_LANG=vi
login aclerk
page GET /orgs/A1C/review
expect_status 200
expect_valid_html
for t in "Đánh giá, xếp loại đảng viên" "Hoàn thành xuất sắc nhiệm vụ" "Không hoàn thành nhiệm vụ" \
	"Ghi quyết định xếp loại" "Năm đánh giá" 'data-over="{n} hoàn thành xuất sắc trên {m} hoàn thành tốt trở lên: vượt giới hạn {p}% (tối đa {k})"'; do
	expect_out_contains "$t"
done
expect_out_lacks ">Record the decisions<"
grade A1C $Y "$A=excellent" "$S=excellent" "$A2=good" "$P1=good" "$P2=good" "$P3=complete"
expect_status 422
htmlq text quota-refused
expect_eq "the refusal in Vietnamese" "2 hoàn thành xuất sắc trên 5 hoàn thành tốt trở lên: vượt giới hạn 20% (tối đa 1)" "$HQ"
page GET /orgs/A1C/review-org
expect_out_contains "Quyết định xếp loại"
page GET /discipline
expect_out_contains "Hình thức kỷ luật"
expect_out_contains "Khiển trách"
page GET /rules
expect_out_contains "Văn bản quy định"
expect_out_contains "đang có hiệu lực"
page POST /lang --data-urlencode "csrf=$CSRF" --data-urlencode lang=en --data-urlencode next=/orgs/A1C/review
expect_status 303
page GET /orgs/A1C/review
expect_out_contains ">Record the decisions<"
expect_out_contains "Review of members"
HTTP_LANG=en
server_stop

# ---------------------------------------------------------------------------------------------
tcase "emulation models: every version listed; a system administrator adds one, every mistake beside its field, the input kept" "$FX"
server_start
login aclerk
page GET /emulation
expect_status 200
expect_valid_html
expect_out_contains 'id="model-chi-bo-4-tot"'
expect_out_contains '<li>Tốt về chính trị, tư tưởng (good in politics and thought)</li>'
expect_out_contains 'in force today'
expect_out_lacks 'id="emulation-form"'
post /emulation --data-urlencode code=x1 --data-urlencode name=x --data-urlencode criteria=a --data-urlencode required=1
expect_status 403
expect_eq "no version added" 2 "$(sqlite3 "$DB" 'SELECT count(*) FROM emulation_model')"
page GET /rules
expect_out_contains 'id="emulation-models" href="/emulation"'
login admin
page GET /emulation
expect_out_contains 'id="emulation-form"'
expect_valid_html
post /emulation --data-urlencode "code=Bad Code" --data-urlencode "name=$EVIL" \
	--data-urlencode "criteria=$(printf 'Tốt A\r\n\r\nTốt B')" --data-urlencode required=5 \
	--data-urlencode from=2026-02-30 --data-urlencode "source=$EVIL"
expect_status 422
expect_valid_html
expect_beside code "a-z"
expect_beside required "1 to 2"
expect_beside from
expect_value code "Bad Code"
expect_value name "$EVIL"
expect_value source "$EVIL"
htmlq text f-criteria
expect_eq "the criteria kept as typed" "$(printf 'Tốt A\n\nTốt B')" "$(printf '%s' "$HQ" | tr -d '\r')"
post /emulation --data-urlencode code=chi-bo-4-tot --data-urlencode name=x --data-urlencode criteria=a \
	--data-urlencode required=1 --data-urlencode from=2011-01-19
expect_status 422
expect_beside from "version 1 is in force from 2011-01-19"
expect_eq "nothing added" 2 "$(sqlite3 "$DB" 'SELECT count(*) FROM emulation_model')"
post /emulation --data-urlencode code=evil-model --data-urlencode "name=$EVIL" \
	--data-urlencode "criteria=$(printf 'Tốt về chính trị\n%s tiêu chí' "$EVIL")" --data-urlencode required=1 \
	--data-urlencode "source=$EVIL"
expect_status 303
expect_eq "to the model" "/emulation?done=model-added#model-evil-model" "$(location)"
page GET /emulation
expect_valid_html
expect_out_contains "<li>$EVIL_ESC tiêu chí</li>"
expect_out_lacks "$EVIL"
expect_eq "version 1 of the new model" 1 "$(sqlite3 "$DB" "SELECT version FROM emulation_model WHERE code = 'evil-model'")"
server_stop

# ---------------------------------------------------------------------------------------------
tcase "a cell rated on a form: a checkbox per criterion of the year's version, CSRF required, errors beside, ticks kept" "$FX"
ratings() { sqlite3 "$DB" 'SELECT count(*) FROM emulation_rating'; }
server_start
login admin
post /emulation --data-urlencode code=evil-model --data-urlencode "name=$EVIL" \
	--data-urlencode "criteria=$(printf '%s one\nTwo' "$EVIL")" --data-urlencode required=2
expect_status 303
login aclerk
page GET /orgs/A1C
expect_out_contains 'id="emulation" href="/orgs/A1C/emulation"'
page GET /orgs/A1C/emulation
expect_status 200
expect_valid_html
expect_out_contains 'id="emulation-rate-form"'
expect_out_contains 'id="no-ratings"'
page GET "/orgs/A1C/emulation?model=chi-bo-4-tot&year=2025"
expect_valid_html
expect_out_contains '<option value="chi-bo-4-tot" selected>chi-bo-4-tot</option>'
expect_out_contains 'Tốt về sinh hoạt và quản lý đảng viên (good in meetings and managing members)</label>'
htmlq value c-4
expect_eq "four checkboxes, unticked" "" "$HQ"
htmlq value c-5
expect_eq "no fifth" "<no control>" "$HQ"
for token in none wrong; do
	if [ $token = none ]; then tok=(); else tok=(--data-urlencode "csrf=wrong$CSRF"); fi
	page POST /orgs/A1C/emulation "${tok[@]}" --data-urlencode model=chi-bo-4-tot --data-urlencode year=2025 \
		--data-urlencode n=4 --data-urlencode c-1=1
	expect_status 403
	page POST /emulation "${tok[@]}" --data-urlencode code=x2 --data-urlencode name=x \
		--data-urlencode criteria=a --data-urlencode required=1
	expect_status 403
done
expect_eq "nothing rated without the token" 0 "$(ratings)"
post /orgs/A1C/emulation --data-urlencode model=chi-bo-4-tot --data-urlencode year=2025 --data-urlencode n=3 \
	--data-urlencode c-1=1 --data-urlencode c-3=1
expect_status 422
expect_valid_html
htmlq text e-met
expect_true "the refusal names the criteria count" test -n "$(printf '%s' "$HQ" | grep 'has 4 criteria')"
htmlq value c-1
expect_eq "tick kept" 1 "$HQ"
htmlq value c-2
expect_eq "no tick kept" "" "$HQ"
post /orgs/A1C/emulation --data-urlencode model=chi-bo-4-tot --data-urlencode year=2025 --data-urlencode n=4 \
	--data-urlencode c-1=1 --data-urlencode c-3=1
expect_status 303
expect_eq "back to the ratings" "/orgs/A1C/emulation?year=2025&model=chi-bo-4-tot&done=emulation-saved#ratings" "$(location)"
page GET "$(location)"
expect_valid_html
expect_out_contains 'id="ratings"'
expect_eq "one rating" "1,0,1,0" "$(sqlite3 "$DB" 'SELECT met FROM emulation_rating')"
post /orgs/A1C/emulation --data-urlencode model=no-such --data-urlencode year=2025 --data-urlencode n=1 --data-urlencode c-1=1
expect_status 422
expect_valid_html
expect_out_contains "no emulation model no-such"
post /orgs/A1C/emulation --data-urlencode model=chi-bo-4-tot --data-urlencode year=2027 --data-urlencode n=4
expect_status 400
page GET /orgs/A1/emulation
expect_status 200
expect_out_contains 'id="not-a-cell"'
expect_out_lacks 'id="emulation-rate-form"'
page GET "/orgs/A1C/emulation?model=evil-model&year=$Y"
expect_valid_html
expect_out_contains "$EVIL_ESC one</label>"
post /orgs/A1C/emulation --data-urlencode model=evil-model --data-urlencode year=$Y --data-urlencode n=2 \
	--data-urlencode c-1=1 --data-urlencode c-2=1
expect_status 303
page GET /orgs/A1C/emulation
expect_valid_html
expect_out_contains "$EVIL_ESC (version 1)"
expect_eq "two ratings" 2 "$(ratings)"
page GET /orgs/AX/emulation
expect_status 200
expect_valid_html
expect_out_contains "<h1>Emulation: $EVIL_ESC</h1>"
page GET /orgs/B1C/emulation
expect_status 404
expect_out_lacks "Chi bộ Đại đội B1C"
post /orgs/B1C/emulation --data-urlencode model=chi-bo-4-tot --data-urlencode year=2025 --data-urlencode n=4 --data-urlencode c-1=1
expect_status 404
login aview
page GET /orgs/A1C/emulation
expect_status 200
expect_out_lacks 'id="emulation-rate-form"'
expect_out_contains 'id="ratings"'
post /orgs/A1C/emulation --data-urlencode model=chi-bo-4-tot --data-urlencode year=2025 --data-urlencode n=4 --data-urlencode c-1=1
expect_status 403
expect_eq "nothing more rated" 2 "$(ratings)"
HTTP_LANG=vi
login aview
page GET /emulation
expect_out_contains "Mô hình thi đua"
page GET "/orgs/A1C/emulation?model=chi-bo-4-tot&year=2025"
expect_out_contains "Kết quả đánh giá của chi bộ"
HTTP_LANG=en
server_stop

done_testing
