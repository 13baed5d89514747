#!/bin/bash
# t_admission.sh - the admission pages (issue 11; docs/admissions.md, "Pages"): the board of a
# grassroots organisation and of a cell (its counts, a case past its deadline marked by the
# word as well as the colour), a case's record with the form of its next step (a step recorded
# shows in the timeline; a refused one comes back with its error beside the field, in
# Vietnamese on a Vietnamese page, with the rule's ID, and nothing written), the form adding a
# candidate, the due list with its filters, "as of" and CSV, the worklist's admission items,
# the case of a probationer opened from the member's record; for an editor, a viewer, a cell's
# clerk (the steps above the cell are not theirs) and an account of another branch (nothing
# exists for it); every page valid, escaped and small; the print stylesheet.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"
. "$HERE/lib_forms.sh"

FX=$WORK/fx.db
review_fixture "$FX"
# CADRE_TODAY is 2026-11-23. A1C: six official members (since 2016) besides hosted ones.
DB=$WORK/adm.db
cp "$FX" "$DB"

# cand NAME BIRTH [OPTIONS]: a candidate of A1C listed on 2026-01-05; CID its id.
cand() {
	local name=$1 birth=$2
	shift 2
	cadre --json admission add --org A1C --name "$name" --sex male --birth-date "$birth" \
		--ethnicity Kinh --hometown "Hà Giang" --source soldier --listed-on 2026-01-05 "$@"
	[ "$RC" = 0 ] || fail "admission add $name" "exit 0" "exit $RC: $ERR"
	json_val 'd["id"]'
	CID=$JV
}
# step ID STEP ARGS...: a step recorded from the command line (the file's owner).
step() {
	cadre admission step "$@"
	[ "$RC" = 0 ] || fail "admission step $*" "exit 0" "exit $RC: $ERR"
}
# to_committee ID: class, application, verification, the cell's and the committee's votes.
to_committee() {
	step "$1" class --date 2026-02-02 --course "Lớp 1/2026" --result passed
	step "$1" application --date 2026-03-02 --introducer "$MEMBER_P1:2020-01-01" \
		--introducer "$MEMBER_P2:2020-01-01"
	step "$1" verification --date 2026-04-01 --verifier "Ban Tổ chức" --conclusion "rõ ràng"
	step "$1" cell_vote --date 2026-05-04 --present 5 --for 5 --against 0
	step "$1" committee_vote --date 2026-05-11 --members 5 --present 5 --for 5 --against 0
}
# steps_of ID: the number of steps stored for case ID in the database served, in STEPS.
steps_of() { STEPS=$(sqlite3 "$SDB" "SELECT count(*) FROM admission_step WHERE admission_id = $1"); }
# beside NAME [TEXT]: the last page has the error span.err#e-NAME (holding TEXT) inside the
# field of control f-NAME, which is marked bad (a field is one line of the page).
beside() {
	local line
	line=$(grep -F "<div class=\"field bad\"><label for=\"f-$1\">" "$OUTF")
	if [[ $line == *"<span class=\"err\" id=\"e-$1\">"*"${2:-}"* ]]; then pass; else
		fail "$LAST_CMD: an error beside f-$1" "span.err#e-$1 in its field${2:+ saying $2}" "${line:-<no bad field>}"
	fi
}
# lang LANG: the session's language switched (as the header's button does).
lang() {
	HTTP_LANG=$1
	post /lang --data-urlencode "lang=$1" --data-urlencode next=/
}
# serve: start the server on this case's database (SDB: the file the later cases of the same
# server read).
serve() {
	SDB=$DB
	HTTP_LANG=en
	server_start
}

cand "Hà Văn Ứng" 2001-03-04
X1=$CID # a candidate: its steps are taken on the pages
cand "$EVIL" 1999-09-09
X2=$CID # decided on 2026-09-01: its ceremony was due within 30 working days, now overdue
to_committee "$X2"
step "$X2" decision --date 2026-09-01 --number "12-QĐ/ĐU"
cand "Lò Văn Ba" 2000-01-01
X3=$CID # passed by the grassroots committee: the decision of the committee above awaited
to_committee "$X3"
# A probationer added without a case (ceremony 2025-03-15): the recognition vote overdue.
madd_p A1C "Sầm Văn Dự"
PROB=$MID
FXA=$WORK/adm_fx.db
cp "$DB" "$FXA"

# ---------------------------------------------------------------------------------------------
tcase "the board of the grassroots organisation: counts, the next step, the overdue marked in words" "$FXA"
serve
login aclerk
page GET "/admissions?org=A1"
expect_status 200
expect_valid_html
expect_out_contains '<span class="count" id="count-candidate">1</span>'
expect_out_contains '<span class="count" id="count-decided">1</span>'
expect_out_contains '<span class="count" id="count-committee_passed">1</span>'
expect_out_contains '<strong class="flag" id="overdue-decided">1 overdue</strong>'
expect_out_contains "<li class=\"case overdue\" id=\"case-$X2\"><a class=\"name\" href=\"/admissions/$X2\">$EVIL_ESC</a>"
expect_out_contains '<span class="due overdue"><strong class="flag">Overdue</strong> deadline was 2026-10-'
expect_out_contains "<li class=\"case\" id=\"case-$X3\">"
expect_out_contains 'awaited since 2026-05-11'
expect_out_lacks 'id="overdue-committee_passed"'
expect_out_contains 'Next: Admission decision of the committee above'
expect_out_contains '<a href="/orgs/A1C">Chi bộ Đại đội A1C</a>'
expect_out_lacks 'id="add-candidate"'
expect_out_contains '<p class="print-only" id="printed">Admission pipeline'
# a cell's board; one stage alone; the closed ones
page GET "/admissions?org=A1C&stage=decided"
expect_status 200
expect_out_contains "id=\"case-$X2\""
expect_out_lacks "id=\"case-$X1\""
expect_out_contains 'id="add-candidate" href="/admissions/new?org=A1C"'
page GET "/admissions?org=A1C&stage=official"
expect_status 200
expect_out_contains 'None.'
page GET "/admissions?org=A1C&stage=nope"
expect_status 400
# the organisation's page links to its board
page GET /orgs/A1
expect_out_contains '<a class="action" id="admissions" href="/admissions?org=A1">Admissions</a>'
page GET /orgs/A
expect_out_contains 'id="admissions" href="/admissions/due?org=A"'
page GET /admissions
expect_status 303
expect_eq "the board of the account's scope" "/admissions?org=A" "$(location)"

tcase "a case's record: person, stage, deadline, timeline; the next step's form"
page GET "/admissions/$X2"
expect_status 200
expect_valid_html
expect_out_contains '<span id="stage">Admission decided</span>'
expect_out_contains '<span id="next">The admission ceremony</span>'
expect_out_contains '<strong class="flag">Overdue</strong> deadline was'
expect_out_count 7 '<tr id="step-'
expect_out_contains 'class="step-cell_vote" data-eligible="6"'
expect_out_contains 'official members 6, present 5, for 5, against 0'
expect_out_contains '<span class="passed">Admitted</span>'
expect_out_contains '12-QĐ/ĐU'
expect_out_contains 'R-ADMIT-VOTE-FRACTION'
expect_out_contains 'command line (clitest)'
expect_out_contains '<input type="hidden" name="step" value="ceremony">'
expect_out_contains '<select id="f-mentor" name="mentor" required>'
expect_out_contains "Hoàng Văn Phúc ($MEMBER_P1)"
expect_out_contains 'R-ADMIT-CEREMONY-WORKING-DAYS'
expect_out_contains "href=\"/admissions/$X2?step=withdrawal#step-form\""
expect_out_contains '<p class="print-only" id="printed">Admission record'
page GET "/admissions/$X2?step=withdrawal"
expect_status 200
expect_out_contains '<input type="hidden" name="step" value="withdrawal">'
expect_out_contains 'name="reason" type="text" value=""'
page GET "/admissions/$X3"
expect_out_contains '<input id="f-body" name="body" type="text" value="A" required>'
page GET "/admissions/$X2?step=nope"
expect_status 400
page GET /admissions/999999
expect_status 404
page GET /admissions/abc
expect_status 404

tcase "steps on the pages: recorded ones in the timeline, a refused one beside its field, nothing written"
steps_of "$X1"
expect_eq "listed only" 1 "$STEPS"
post "/admissions/$X1/steps" --data-urlencode step=class --data-urlencode date=2026-02-10 \
	--data-urlencode "course=Lớp 2/2026" --data-urlencode certificate=GCN-7 --data-urlencode result=passed
expect_status 303
expect_eq "back to the record" "/admissions/$X1?done=admission-step#timeline" "$(location)"
page GET "/admissions/$X1?done=admission-step"
expect_valid_html
expect_out_contains 'The step was recorded.'
expect_out_contains 'class="step-class"'
expect_out_contains 'GCN-7'
expect_out_contains 'Course: Lớp 2/2026'
expect_out_contains '<span id="stage">Awareness class passed</span>'
# the same introducer twice: refused, beside the field, with the rule, the values kept
steps_of "$X1"
before=$STEPS
post "/admissions/$X1/steps" --data-urlencode step=application --data-urlencode date=2026-03-02 \
	--data-urlencode "introducer1=$MEMBER_P1" --data-urlencode since1=2020-01-01 \
	--data-urlencode "introducer2=$MEMBER_P1" --data-urlencode since2=2020-01-01
expect_status 422
expect_valid_html
beside introducer1 "two different members"
expect_out_contains '<code>R-ADMIT-INTRODUCER-MONTHS</code>'
expect_out_contains 'name="since2" type="date" value="2020-01-01"'
expect_out_count 2 "<option value=\"$MEMBER_P1\" selected>"
steps_of "$X1"
expect_eq "nothing written" "$before" "$STEPS"
# worked together for less than 12 months
post "/admissions/$X1/steps" --data-urlencode step=application --data-urlencode date=2026-03-02 \
	--data-urlencode "introducer1=$MEMBER_P1" --data-urlencode since1=2025-06-01 \
	--data-urlencode "introducer2=$MEMBER_P2" --data-urlencode since2=2020-01-01
expect_status 422
beside introducer1 "less than 12 months"
post "/admissions/$X1/steps" --data-urlencode step=application --data-urlencode date=2026-03-02 \
	--data-urlencode "introducer1=$MEMBER_P1" --data-urlencode since1=2020-01-01 \
	--data-urlencode "introducer2=$MEMBER_P2" --data-urlencode since2=2020-01-01
expect_status 303
post "/admissions/$X1/steps" --data-urlencode step=verification --data-urlencode date=2026-04-02 \
	--data-urlencode "verifier=Ban Tổ chức" --data-urlencode "conclusion=rõ ràng" \
	--data-urlencode result=passed
expect_status 303
# the cell's vote: more votes than present is refused beside the field
post "/admissions/$X1/steps" --data-urlencode step=cell_vote --data-urlencode date=2026-05-04 \
	--data-urlencode present=3 --data-urlencode for=4 --data-urlencode against=0
expect_status 422
expect_valid_html
beside for "more votes than the 3 present"
expect_out_contains '<b id="eligible">6</b>'
expect_out_contains 'name="present" type="number" value="3"'
# a vote short of two thirds (3 of 6 official members): recorded, failed, the stage stays
post "/admissions/$X1/steps" --data-urlencode step=cell_vote --data-urlencode date=2026-05-04 \
	--data-urlencode present=6 --data-urlencode for=3 --data-urlencode against=3
expect_status 303
page GET "/admissions/$X1"
expect_out_contains '<span class="failed">Not passed</span>'
expect_out_contains '<span id="stage">Personal history verified</span>'
expect_out_contains '<input type="hidden" name="step" value="cell_vote">'

# ---------------------------------------------------------------------------------------------
tcase "in Vietnamese: the board, the record, the errors beside the fields"
lang vi
page GET "/admissions?org=A1"
expect_status 200
expect_valid_html
expect_out_contains 'Kết nạp đảng viên: Đảng bộ Trung đoàn A1'
expect_out_contains 'Quần chúng ưu tú'
expect_out_contains '<strong class="flag">Quá hạn</strong>'
expect_out_contains 'Đã có quyết định kết nạp'
page GET "/admissions/$X2"
expect_out_contains 'Lễ kết nạp'
expect_out_contains 'Đảng viên hướng dẫn'
steps_of "$X1"
before=$STEPS
post "/admissions/$X1/steps" --data-urlencode step=cell_vote --data-urlencode date=2026-05-04 \
	--data-urlencode present=6 --data-urlencode for=abc --data-urlencode against=0
expect_status 422
expect_valid_html
beside for "Nhập một số nguyên."
expect_out_contains 'Chi bộ xét kết nạp'
expect_out_contains 'Số đảng viên chính thức của chi bộ hôm nay'
steps_of "$X1"
expect_eq "nothing written" "$before" "$STEPS"
post "/admissions/$X2/steps" --data-urlencode step=withdrawal --data-urlencode date=2026-11-20 \
	--data-urlencode "reason="
expect_status 422
beside reason
post "/admissions/$X2/steps" --data-urlencode step=ceremony --data-urlencode date=2026-11-20 \
	--data-urlencode mentor=abc
expect_status 422
beside mentor "Chọn một đảng viên chính thức của chi bộ."
page GET "/admissions/new?org=A1C"
expect_status 200
expect_valid_html
expect_out_contains 'Nguồn phát triển đảng'

# ---------------------------------------------------------------------------------------------
tcase "a new candidate: errors beside the fields, then added"
lang en
page GET "/admissions/new?org=A1C"
expect_status 200
expect_out_contains 'name="listed_on" type="date" value="2026-11-23"'
post "/admissions/new?org=A1C" --data-urlencode "full_name=" --data-urlencode sex=female \
	--data-urlencode birth_date=2002-02-30 --data-urlencode ethnicity=Tày \
	--data-urlencode "hometown=Cao Bằng" --data-urlencode source=nope --data-urlencode listed_on=2026-11-01
expect_status 422
expect_valid_html
beside full_name
beside birth_date
beside source
expect_out_contains 'name="hometown" type="text" value="Cao Bằng"'
post "/admissions/new?org=A1C" --data-urlencode "full_name=Nông Thị Mai" --data-urlencode sex=female \
	--data-urlencode birth_date=2002-02-20 --data-urlencode ethnicity=Tày \
	--data-urlencode "hometown=Cao Bằng" --data-urlencode source=youth_union --data-urlencode listed_on=2026-11-01
expect_status 303
NEW=$(location | sed 's/^\/admissions\/\([0-9]*\).*/\1/')
page GET "$(location)"
expect_status 200
expect_out_contains 'The candidate was added.'
expect_out_contains 'Youth Union member'
# the same person again: refused as a duplicate, beside the name
post "/admissions/new?org=A1C" --data-urlencode "full_name=Nông Thị Mai" --data-urlencode sex=female \
	--data-urlencode birth_date=2002-02-20 --data-urlencode ethnicity=Tày \
	--data-urlencode "hometown=Cao Bằng" --data-urlencode source=youth_union --data-urlencode listed_on=2026-11-01
expect_status 422
beside full_name
page GET "/admissions?org=A1C"
expect_out_contains '<span class="count" id="count-candidate">1</span>'
expect_out_contains "id=\"case-$NEW\""
page GET "/admissions/new?org=B1C"
expect_status 404

# ---------------------------------------------------------------------------------------------
tcase "the due list: what is due, filtered, as of a past date, as CSV; the worklist's items"
page GET "/admissions/due?org=A"
expect_status 200
expect_valid_html
expect_out_contains "<tr id=\"due-$X2\" class=\"overdue\">"
expect_out_contains "<tr id=\"due-m$PROB\" class=\"overdue\">"
expect_out_contains "<tr id=\"due-$X3\">"
expect_out_contains "href=\"/members/$PROB\""
expect_out_contains '<b id="due-overdue">2</b>'
page GET "/admissions/due?org=A&kind=ceremony_overdue"
expect_status 200
expect_out_contains "id=\"due-$X2\""
expect_out_lacks "id=\"due-$X3\"" "id=\"due-m$PROB\""
page GET "/admissions/due?org=A&kind=recognition_overdue"
expect_out_contains "id=\"due-m$PROB\""
expect_out_lacks "id=\"due-$X2\""
page GET "/admissions/due?org=A&kind=upper"
expect_out_contains "id=\"due-$X3\""
expect_out_lacks "id=\"due-$X2\""
page GET "/admissions/due?org=A&as_of=2026-09-15&kind=ceremony"
expect_status 200
expect_out_contains "<tr id=\"due-$X2\">"
expect_out_lacks 'class="overdue"'
page GET "/admissions/due?org=A&kind=nope"
expect_status 400
page GET "/admissions/due?org=A&as_of=2026-02-30"
expect_status 400
page GET "/admissions/due?org=A&format=csv"
expect_status 200
expect_header '^content-type: text/csv'
expect_out_contains 'Full name,Cell,Stage,What is due,Shown from,Due by,Deadline'
expect_out_contains 'Lò Văn Ba,A1C,Passed by the grassroots committee,Decision of the committee above awaited,2026-05-11,2026-05-11,'
expect_out_contains "Sầm Văn Dự,A1C,"
page GET "/admissions/due?org=A&format=xlsx"
expect_status 200
expect_header 'spreadsheetml'
# the home page's worklist: counts from the due list, links to it filtered
page GET /
expect_out_contains '<li id="wl-adm_ceremony_late" class="waits"><a href="/admissions/due?org=A&amp;kind=ceremony_overdue"><span class="count">1</span>'
expect_out_contains '<li id="wl-adm_recognition_due"><a href="/admissions/due?org=A&amp;kind=recognition_due"><span class="count">0</span>'
expect_out_contains '<li id="wl-adm_recognition_late" class="waits"><a href="/admissions/due?org=A&amp;kind=recognition_overdue"><span class="count">1</span>'
expect_out_contains '<li id="wl-adm_upper_awaited" class="waits"><a href="/admissions/due?org=A&amp;kind=upper"><span class="count">1</span>'
# the probationer's case, opened from the member's record
page GET "/members/$PROB"
expect_out_contains "<form class=\"inline actions\" method=\"post\" id=\"admission-case\" action=\"/members/$PROB/admission\">"
post "/members/$PROB/admission"
expect_status 303
CASE=$(location | sed 's/^\/admissions\///')
page GET "/admissions/$CASE"
expect_status 200
expect_out_contains '<span id="stage">Probationary members</span>'
expect_out_contains '<input type="hidden" name="step" value="recognition_vote">'
post "/members/$MEMBER_P1/admission"
expect_status 409
# the audit log names the steps in words
page GET "/audit?org=A1C"
expect_out_contains 'Admission: awareness class recorded'
expect_out_contains 'Admission record opened'

# ---------------------------------------------------------------------------------------------
tcase "who sees and records what: a viewer, the cell's clerk, another branch"
login aview
page GET "/admissions?org=A1"
expect_status 200
expect_out_lacks 'id="add-candidate"'
page GET "/admissions/$X2"
expect_status 200
expect_out_lacks 'id="adm-step"'
expect_out_contains 'id="not-yours"'
post "/admissions/$X1/steps" --data-urlencode step=class --data-urlencode date=2026-02-10 \
	--data-urlencode "course=K" --data-urlencode result=passed
expect_status 403
page GET "/admissions/new?org=A1C"
expect_status 403
page GET "/admissions/due?org=A1"
expect_status 200
login cclerk
page GET "/admissions?org=A1C"
expect_status 200
page GET "/admissions/$X3"
expect_status 200
expect_out_lacks 'id="adm-step"'
expect_out_contains 'id="not-yours"'
steps_of "$X3"
before=$STEPS
post "/admissions/$X3/steps" --data-urlencode step=decision --data-urlencode date=2026-11-20 \
	--data-urlencode number=1-QĐ --data-urlencode result=passed
expect_status 403
steps_of "$X3"
expect_eq "nothing written" "$before" "$STEPS"
page GET "/admissions?org=A1"
expect_status 404
login bclerk
for p in "/admissions?org=A1" "/admissions?org=A1C" "/admissions/$X1" "/admissions/$X2?step=withdrawal" \
	"/admissions/due?org=A1" "/admissions/new?org=A1C"; do
	page GET "$p"
	expect_status 404
done
post "/admissions/$X1/steps" --data-urlencode step=class --data-urlencode date=2026-02-10 \
	--data-urlencode "course=K" --data-urlencode result=passed
expect_status 404
page GET "/admissions/due?org=B"
expect_status 200
expect_out_lacks "$EVIL_ESC" "Lò Văn Ba"
# a form without the session's token
page POST "/admissions/$X1/steps" --data-urlencode step=class
expect_status 403

# ---------------------------------------------------------------------------------------------
tcase "on paper: the stylesheet's print rules for the board"
http GET /static/cadre.css
expect_status 200
expect_out_contains '@media print{'
expect_out_contains '.board{display:block}.board .stage{border:0;border-top:1px solid #000'
expect_out_contains 'li.case.overdue{border-left:4px solid var(--bad)'
server_stop

done_testing
