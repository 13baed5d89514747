#!/bin/bash
# t_handbook.sh - every member's own handbook (docs/handbook.md): activation with the one-time
# code (a wrong code refused and counted, single use, an expired code refused with
# R-HB-CODE-DAYS, a new code with --reissue), then the member's pages: own record only (another
# member's id, the staff's pages: 404 as for nothing), the action plan written and its results
# reported (shown on the secretary's review sheet), the self-assessment in the review period
# (R-HB-SELF-PERIOD) through the review's own checks; every handbook page valid, escaped,
# under 30 KB and without <script>; a staff account has no handbook; the clerk's sheet of codes.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"
. "$HERE/lib_forms.sh"

FX=$WORK/fx.db
web_fixture "$FX"
HB=$WORK/hb.db
cp "$FX" "$HB"
DB=$HB
# AX (MEMBER_EVIL, named <script>"'&) gets its code on 1 November: it expires on the 15th.
CADRE_TODAY=2026-11-01 cadre --json handbook accounts --org AX
json_val 'd["accounts"][0]["login"] + " " + d["accounts"][0]["code"]'
read -r EVIL_LOGIN EVIL_CODE <<<"$JV"
cadre --json handbook accounts --org A1C
json_val '" ".join(a["login"] + " " + a["code"] for a in d["accounts"] if a["member_id"] == '"$MEMBER_A"')'
read -r A_LOGIN A_CODE <<<"$JV"
json_val '" ".join(a["login"] + " " + a["code"] for a in d["accounts"] if a["member_id"] == '"$MEMBER_SQL"')'
read -r S_LOGIN S_CODE <<<"$JV"
DB=$WORK/none.db
[ -n "$A_CODE" ] && [ -n "$S_CODE" ] && [ -n "$EVIL_CODE" ] || fail "fixture: three codes" "codes" "$A_CODE $S_CODE $EVIL_CODE"
MPW="mật khẩu của đảng viên"

# activate LOGIN CODE [PASSWORD [PASSWORD2]]: the activation form sent with a fresh jar.
activate() {
	local pre
	rm -f "$JAR"
	http GET /activate -c "$JAR"
	pre=$(grep -o 'name="csrf" value="[^"]*"' "$OUTF" | head -1 | sed 's/.*value="//; s/"$//')
	http POST /activate -b "$JAR" -c "$JAR" --data-urlencode "csrf=$pre" \
		--data-urlencode "login=$1" --data-urlencode "code=$2" \
		--data-urlencode "password=${3:-$MPW}" --data-urlencode "password2=${4:-${3:-$MPW}}"
}
# expect_phone: the last page is for a phone on a slow link: under 30 KB, no script.
expect_phone() {
	local n
	n=$(wc -c <"$OUTF")
	if [ "$n" -lt 30720 ]; then pass; else
		fail "$LAST_CMD: the page is under 30 KB" "< 30720 bytes" "$n bytes"
	fi
	expect_out_lacks "<script"
}

tcase "activation: a wrong code is refused, the right one once, an expired one never" "$HB"
server_start
http GET /activate
expect_status 200
expect_html_valid
expect_phone
activate "$A_LOGIN" "ABCD-EFGH-JKLM"
expect_status 401
expect_out_contains "the login or the activation code is wrong"
activate nobody.1 "$A_CODE"
expect_status 401
expect_out_contains "the login or the activation code is wrong"
activate "$A_LOGIN" "$A_CODE" "$MPW" "another password"
expect_status 422
expect_out_contains "The two passwords differ"
activate "$A_LOGIN" "$A_CODE" short
expect_status 422
expect_out_contains "R-PASSWORD-MIN-LENGTH"
# The code typed in lower case without its dashes is the same code.
activate "$A_LOGIN" "$(printf '%s' "$A_CODE" | tr -d - | tr 'A-Z' 'a-z')"
expect_status 303
expect_header '^location: /hb'
page GET /hb
expect_status 200
expect_out_contains "Nguyễn Văn An"
activate "$A_LOGIN" "$A_CODE" "một mật khẩu khác hẳn"
expect_status 401
expect_out_contains "the code was used already"
login "$A_LOGIN" "$MPW"
expect_status 200
expect_out_contains "Party member&#39;s handbook"
activate "$EVIL_LOGIN" "$EVIL_CODE"
expect_status 422
expect_out_contains "R-HB-CODE-DAYS"
expect_out_contains "has expired"
server_stop
cadre --json handbook accounts --org AX --reissue
json_val 'd["accounts"][0]["code"]'
EVIL_CODE2=$JV
cadre --json audit list
expect_json '[x["action"] for x in d[:3]] == ["account.code", "account.activate", "account.add"] or "account.activate" in [x["action"] for x in d]' "activation and new codes audited"
expect_py "'$MPW'.encode() not in read('$DB')" "the password is never stored as such"
server_start
activate "$EVIL_LOGIN" "$EVIL_CODE"
expect_status 401
activate "$EVIL_LOGIN" "$EVIL_CODE2"
expect_status 303
server_stop
# The cases below start from here: two members activated.
cp "$DB" "$WORK/hb2.db"
[ ! -e "$DB-wal" ] || cp "$DB-wal" "$WORK/hb2.db-wal"
HB=$WORK/hb2.db

tcase "the member's pages: own record only, plan, self-assessment, meetings, documents" "$HB"
# ---- own record only: another member's id and the staff's pages answer 404
server_start
login "$A_LOGIN" "$MPW"
page GET /
expect_status 303
expect_header '^location: /hb'
for p in /hb /hb/record /hb/self /hb/reviews /hb/plan "/hb/plan?year=2025"; do
	page GET "$p"
	expect_status 200
	expect_html_valid
	expect_phone
done
page GET /hb/record
expect_out_contains "Nguyễn Văn An"
expect_out_lacks "$SQLISH"
expect_out_lacks "Trần Thị Bình"
for p in "/members/$MEMBER_SQL" "/members/$MEMBER_A" "/members/$MEMBER_B" /orgs/A1C /orgs/AX \
	/orgs/A1C/report /orgs/A1C/review "/members/$MEMBER_SQL/edit" /orgs/A1C/accounts; do
	page GET "$p"
	expect_status 404
	expect_out_lacks "Nguyễn Văn An"
done
page GET "/search?q=an"
expect_out_lacks "Robert"
expect_out_lacks "/members/$MEMBER_SQL"
page POST /orgs/A1C/accounts --data-urlencode "csrf=$CSRF"
expect_status 404

# ---- the action plan: written, results reported, on the secretary's review sheet
login "$A_LOGIN" "$MPW"
page POST /hb/plan --data-urlencode "csrf=$CSRF" --data-urlencode "year=2026" \
	--data-urlencode "commitments=Học tập Nghị quyết 21-NQ/TW; rèn luyện thể lực"
expect_status 303
page GET /hb/plan
expect_out_contains "Học tập Nghị quyết 21-NQ/TW"
expect_out_contains "Report the results"
page POST /hb/plan --data-urlencode "csrf=$CSRF" --data-urlencode "year=2024" \
	--data-urlencode "commitments=x"
expect_status 422
expect_out_contains "a plan is written for this year (2026) or the next"
page POST /hb/plan/results --data-urlencode "csrf=$CSRF" --data-urlencode "year=2025" \
	--data-urlencode "results=x"
expect_status 422
expect_out_contains "you have no action plan for 2025"
page POST /hb/plan/results --data-urlencode "year=2026" --data-urlencode "results=x"
expect_status 403
page GET /hb
expect_out_contains "Report the results of your action plan"
login aclerk
page GET /orgs/A1C/review
expect_status 200
expect_out_contains "Action plan"
expect_out_contains "written, results not reported"
page GET /hb
expect_status 403
login "$A_LOGIN" "$MPW"
page POST /hb/plan/results --data-urlencode "csrf=$CSRF" --data-urlencode "year=2026" \
	--data-urlencode "results=Đã học xong; đạt loại giỏi"
expect_status 303
page GET /hb
expect_out_contains "Your action plan: results reported"
login aclerk
page GET /orgs/A1C/review
expect_out_contains "results reported"
expect_out_count 0 "written, results not reported</td>"

# ---- the self-assessment: the member's own, in the review period, through the review's checks
login "$A_LOGIN" "$MPW"
page GET /hb/self
expect_out_contains 'name="score"'
page POST /hb/self --data-urlencode "csrf=$CSRF" --data-urlencode "year=2026" \
	--data-urlencode "score=85" --data-urlencode "grade=excellent"
expect_status 422
expect_out_contains "R-REVIEW-SCORE-EXCELLENT"
page POST /hb/self --data-urlencode "csrf=$CSRF" --data-urlencode "year=2025" \
	--data-urlencode "score=85"
expect_status 422
expect_out_contains "R-HB-SELF-PERIOD"
page POST /hb/self --data-urlencode "csrf=$CSRF" --data-urlencode "year=2026" \
	--data-urlencode "score=85"
expect_status 303
page GET /hb/reviews
expect_out_contains "Self-assessment"
expect_out_contains "Good (85)"
login aclerk
page GET /orgs/A1C/review
expect_out_contains "85 · Good"
TOKEN=$TOKEN_admin
api POST "/api/v1/members/$MEMBER_A/reviews" -H 'Content-Type: application/json' -d '{"year":2026,"step":"decision","grade":"good"}'
expect_status 201
login "$A_LOGIN" "$MPW"
page GET /hb
expect_out_contains "Your review of the year is decided"
page POST /hb/self --data-urlencode "csrf=$CSRF" --data-urlencode "year=2026" \
	--data-urlencode "score=95"
expect_status 422
expect_out_contains "is decided"

# ---- hostile names escaped, both languages, the clerk's sheet of codes
login "$EVIL_LOGIN" "$MPW"
for p in /hb /hb/record /hb/plan; do
	page GET "$p"
	expect_status 200
	expect_escaped
	expect_html_valid
done
HTTP_LANG=vi
login "$EVIL_LOGIN" "$MPW"
page GET /hb
expect_out_contains "Sổ tay đảng viên"
expect_out_contains "Việc đến hạn"
HTTP_LANG=en
login aview
page GET /orgs/A1C/accounts
expect_status 403
login aclerk
page GET /orgs/A1C/accounts
expect_status 200
expect_html_valid
page POST /orgs/A1C/accounts --data-urlencode "csrf=$CSRF"
expect_status 200
expect_html_valid
expect_out_contains "has an account"
expect_out_contains "$S_LOGIN"
expect_out_lacks "$S_CODE"
page POST /orgs/A1C/accounts --data-urlencode "csrf=$CSRF" --data-urlencode "reissue=1"
expect_status 200
expect_out_count 1 "has an account"
login bclerk
page GET /orgs/A1C/accounts
expect_status 404

# ---- meetings: the cell's and the member's own, the roll only of a meeting attended
# Meetings written as the meetings' code stores them (the table of schema 24).
sqlite3 "$DB" <<SQL
INSERT INTO meeting(id, org_id, on_date, starts_min, ends_min, kind, topic, agenda, state, recorded_by)
SELECT 901, id, CAST(julianday('2026-10-10') - 2440587.5 AS INTEGER), 450, 570, 'monthly', 'Sinh hoạt tháng 10', '', 'held', 't' FROM org WHERE code = 'A1C';
INSERT INTO meeting(id, org_id, on_date, starts_min, ends_min, kind, topic, agenda, state, recorded_by)
SELECT 902, id, CAST(julianday('2026-09-12') - 2440587.5 AS INTEGER), 450, 570, 'thematic', 'Chuyên đề quý III', '', 'held', 't' FROM org WHERE code = 'A1C';
INSERT INTO meeting(id, org_id, on_date, starts_min, ends_min, kind, topic, agenda, state, recorded_by)
SELECT 903, id, CAST(julianday('2026-12-10') - 2440587.5 AS INTEGER), 450, 570, 'monthly', 'Sinh hoạt tháng 12', '1. Kiểm điểm cuối năm', 'planned', 't' FROM org WHERE code = 'A1C';
INSERT INTO meeting(id, org_id, on_date, starts_min, ends_min, kind, topic, agenda, state, recorded_by)
SELECT 904, id, CAST(julianday('2026-10-11') - 2440587.5 AS INTEGER), 450, 570, 'monthly', 'Chi bộ B họp', '', 'held', 't' FROM org WHERE code = 'B1C';
INSERT INTO meeting(id, org_id, on_date, starts_min, ends_min, kind, topic, agenda, state, recorded_by)
SELECT 905, id, CAST(julianday('2026-08-01') - 2440587.5 AS INTEGER), 450, 600, 'study', 'Học tập nghị quyết của Đảng ủy', '', 'held', 't' FROM org WHERE code = 'A1';
INSERT INTO meeting(id, org_id, on_date, starts_min, ends_min, kind, topic, agenda, state, recorded_by)
SELECT 906, id, CAST(julianday('2026-07-01') - 2440587.5 AS INTEGER), 450, 570, 'monthly', 'Buổi đã hủy', '', 'cancelled', 't' FROM org WHERE code = 'A1C';
INSERT INTO meeting_attendance VALUES (901, $MEMBER_A, 'present', ''), (901, $MEMBER_SQL, 'absent', ''),
	(902, $MEMBER_A, 'excused', 'đi công tác'), (902, $MEMBER_SQL, 'present', ''),
	(904, $MEMBER_B, 'present', ''), (905, $MEMBER_A, 'present', ''), (905, $MEMBER_B, 'present', '');
SQL
login "$A_LOGIN" "$MPW"
page GET /hb
expect_out_contains "Next meeting"
expect_out_contains "Sinh hoạt tháng 12"
page GET /hb/meetings
expect_status 200
expect_html_valid
expect_phone
for t in "Sinh hoạt tháng 10" "Chuyên đề quý III" "Sinh hoạt tháng 12" "Học tập nghị quyết của Đảng ủy"; do
	expect_out_contains "$t"
done
expect_out_lacks "Chi bộ B họp"
expect_out_lacks "Buổi đã hủy"
expect_out_contains "Absent with leave"
page GET /hb/meetings/901
expect_status 200
expect_html_valid
expect_escaped
expect_out_contains "Attendance"
expect_out_contains "Robert&#39;); DROP TABLE member;--"
expect_out_contains "Absent without reason"
page GET /hb/meetings/902
expect_status 200
expect_out_contains "đi công tác"
expect_out_lacks "Robert"
expect_out_lacks "<h2>Attendance"
page GET /hb/meetings/905
expect_out_contains "Trần Thị Bình"
page GET /hb/meetings/903
expect_out_contains "1. Kiểm điểm cuối năm"
expect_out_contains "Not yet held"
for id in 904 999 x; do
	page GET "/hb/meetings/$id"
	expect_status 404
	expect_out_lacks "Chi bộ B họp"
done

# ---- documents to study: the member's list, "I have studied it" through the study's confirmation
cadre --json doc add 21-NQ/TW --title "Nghị quyết về tiếp tục tăng cường củng cố, xây dựng tổ chức cơ sở đảng" --issued-on 2026-01-16 --org ROOT
json_val 'd["id"]'
DOC_A=$JV
cadre --json doc add 35-CT/TW --title "Chỉ thị về đại hội đảng bộ các cấp" --issued-on 2026-03-01 --org ROOT
json_val 'd["id"]'
DOC_B=$JV
cadre study plan "$DOC_A" --org A1 --audience A1 --tier grassroots_members --deadline 2026-12-31
expect_eq "a plan for A1's members" 0 "$RC"
cadre study plan "$DOC_B" --org B1 --audience B1 --tier all
login "$A_LOGIN" "$MPW"
page GET /hb
expect_out_contains 'Documents to study</a>: 1'
page GET /hb/study
expect_status 200
expect_html_valid
expect_phone
expect_out_contains "21-NQ/TW"
expect_out_lacks "35-CT/TW"
page POST "/hb/study/$DOC_B" --data-urlencode "csrf=$CSRF"
expect_status 404
page POST "/hb/study/$DOC_A"
expect_status 403
page POST "/hb/study/$DOC_A" --data-urlencode "csrf=$CSRF"
expect_status 303
page GET /hb/study
expect_out_contains "You confirmed having studied it on"
expect_out_lacks "I have studied it</button>"
page GET /hb
expect_out_contains "all studied"
server_stop
cadre --json audit list
expect_json '[(x["action"], x["actor"], x["subject"]) for x in d[:1]] == [("study.confirm", "'"$A_LOGIN"'", "member:'"$MEMBER_A"'")]' "confirmed by the member's account, audited by the study"
cadre --json study coverage "$DOC_A" --org A1C
expect_json 'd["covered"] >= 1' "the member counts in the coverage"

done_testing
