#!/bin/bash
# t_meeting_pages.sh - the meeting pages (page_meeting.c, page_form_meeting.c): recording a
# meeting through its form (R-MEETING-MINUTES refused beside the field), the attendance form
# listing every member on the roll (an excused absence without a reason refused), the
# meeting's page with its counts and resolutions (R-MEETING-QUORUM named with the count
# used), the minutes as an A4 page in the Vietnamese layout, the list by month; scope (404
# outside the subtree, 403 for a viewer's form), escaping and Vietnamese.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"
. "$HERE/lib_forms.sh"

FX=$WORK/fx.db
web_fixture "$FX"
MP=$WORK/mp.db
cp "$FX" "$MP"
DB=$MP
# A meeting of the cell AX (named $EVIL) with a topic of markup, for the escaping checks.
cadre --json meeting add --org AX --date 2026-10-05 --kind monthly --starts 07:30 --ends 09:30 \
	--topic "$EVIL"
[ "$RC" = 0 ] || fail "fixture: a meeting of AX" "exit 0" "exit $RC: $ERR"
DB=$WORK/none.db

tcase "a clerk records a meeting of A1C through the form, then its attendance" "$MP"
server_start
login aclerk
expect_page "/orgs/A1C/meetings/new"
expect_out_contains 'name="csrf"'
expect_out_contains "<option value=\"$MEMBER_A\">Nguyễn Văn An</option>"
# 60 minutes: R-MEETING-MINUTES (90) refused, the form again with the values kept.
post "/orgs/A1C/meetings/new" --data-urlencode date=2026-11-10 --data-urlencode starts=07:30 \
	--data-urlencode ends=08:30 --data-urlencode kind=monthly --data-urlencode "topic=Sinh hoạt tháng 11" \
	--data-urlencode "chair_id=$MEMBER_A" --data-urlencode "secretary_id=$MEMBER_SQL"
expect_status 422
expect_valid_html
expect_out_contains 'R-MEETING-MINUTES'
expect_value topic "Sinh hoạt tháng 11"
post "/orgs/A1C/meetings/new" --data-urlencode date=2026-11-10 --data-urlencode starts=07:30 \
	--data-urlencode ends=09:30 --data-urlencode kind=monthly --data-urlencode "topic=Sinh hoạt tháng 11" \
	--data-urlencode "agenda=1. Kiểm điểm tháng 10
2. Phương hướng tháng 11" --data-urlencode "content=Chi bộ đánh giá kết quả tháng 10." \
	--data-urlencode "chair_id=$MEMBER_A" --data-urlencode "secretary_id=$MEMBER_SQL"
expect_status 303
LOC=$(location)
MID_=$(sed -n 's|^/meetings/\([0-9]*\)/attendance$|\1|p' <<<"$LOC")
[ -n "$MID_" ] && pass || fail "the post leads to the attendance form" "/meetings/ID/attendance" "$LOC"
# Without the CSRF token: refused.
page POST "/orgs/A1C/meetings/new" --data-urlencode date=2026-11-11 --data-urlencode starts=07:30 \
	--data-urlencode ends=09:30 --data-urlencode kind=monthly
expect_status 403
expect_page "/meetings/$MID_/attendance"
expect_out_contains "id=\"m-$MEMBER_A\""
expect_out_contains "id=\"m-$MEMBER_SQL\""
expect_out_contains 'R-MEETING-QUORUM'
# Excused without a reason: refused, beside the reason.
post "/meetings/$MID_/attendance" --data-urlencode "s-$MEMBER_A=present" \
	--data-urlencode "s-$MEMBER_SQL=excused" --data-urlencode "r-$MEMBER_SQL=" \
	--data-urlencode "s-$MEMBER_A2=present"
expect_status 422
expect_valid_html
post "/meetings/$MID_/attendance" --data-urlencode "s-$MEMBER_A=present" \
	--data-urlencode "s-$MEMBER_SQL=excused" --data-urlencode "r-$MEMBER_SQL=ốm" \
	--data-urlencode "s-$MEMBER_A2=present"
expect_status 303
expect_eq "back to the meeting's attendance" "/meetings/$MID_#attendance" "$(location)"
expect_page "/meetings/$MID_"
expect_out_contains '<strong id="quorum-base">'
expect_out_contains 'Sinh hoạt tháng 11'
expect_out_contains "<tr data-member=\"$MEMBER_SQL\" class=\"att-excused\">"
expect_out_contains '<td>ốm</td>'
server_stop
cp "$DB" "$WORK/mp2.db"

tcase "the meeting's page: resolutions with the count used; the minutes to print; the list" "$WORK/mp2.db"
cadre --json meeting show "$MID_"
json_val 'd["quorum_base"]'
QB=$JV
json_val 'd["counts"]["present"]'
PRESENT=$JV
expect_eq "excused is outside the count (R-MEETING-QUORUM)" "$PRESENT" "$QB"
cadre --json meeting resolution "$MID_" --text "Thông qua phương hướng tháng 11" --for "$PRESENT" --against 0
[ "$RC" = 0 ] && pass || fail "a resolution" "exit 0" "exit $RC: $ERR"
server_start
login aclerk
expect_page "/meetings/$MID_"
expect_out_contains 'Thông qua phương hướng tháng 11'
expect_out_contains "adopted ($PRESENT / $QB, R-MEETING-QUORUM)"
expect_page "/meetings/$MID_/minutes"
expect_out_contains '<u>ĐẢNG CỘNG SẢN VIỆT NAM</u>'
expect_out_contains '<h1>BIÊN BẢN SINH HOẠT CHI BỘ</h1>'
expect_out_contains 'Sinh hoạt thường kỳ tháng 11/2026: Sinh hoạt tháng 11'
expect_out_contains 'Đảng bộ Trung đoàn A1<br><strong>Chi bộ Đại đội A1C</strong>'
expect_out_contains 'Hôm nay, vào lúc 07:30 ngày 10 tháng 11 năm 2026'
expect_out_contains 'Chủ trì: Nguyễn Văn An.'
expect_out_contains "Vắng có lý do: Robert&#39;); DROP TABLE member;-- (ốm)."
expect_out_contains 'Vắng không có lý do: —.'
expect_out_contains 'kết thúc vào lúc 09:30'
expect_out_contains "Biểu quyết: tán thành $PRESENT/$QB"
expect_out_contains 'Nghị quyết được thông qua'
expect_out_contains '<strong>CHỦ TRÌ</strong>'
expect_out_contains '<strong>THƯ KÝ</strong>'
expect_out_contains 'href="/static/minutes.css"'
page GET /static/minutes.css
expect_status 200
expect_out_contains '@page{size:A4'
expect_page "/orgs/A1C/meetings?year=2026"
expect_out_contains 'id="m-2026-11"'
expect_out_contains "<tr data-id=\"$MID_\">"
expect_out_contains "/orgs/A1C/meetings/new"
# A's list: the subtree, with the organisation named (AX's name is markup: escaped).
expect_page "/orgs/A/meetings?year=2026"
expect_out_contains 'id="m-2026-10"'
expect_out_contains "$EVIL_ESC"
expect_page "/orgs/A/meetings?year=2026&kind=thematic"
expect_out_contains 'id="no-meetings"'
page GET "/orgs/A/meetings?kind=napping"
expect_status 400
# The menu and the organisation's page lead there.
expect_out_contains '<a href="/meetings">Meetings</a>'
page GET "/meetings"
expect_status 303
expect_eq "the menu's meetings: the scope's" "/orgs/A/meetings" "$(location)"
expect_page "/orgs/A1C"
expect_out_contains 'id="meetings" href="/orgs/A1C/meetings"'
server_stop
cp "$DB" "$WORK/mp3.db"

tcase "scope: out of sight is not found; a viewer gets no form" "$WORK/mp3.db"
server_start
login bclerk
page GET "/meetings/$MID_"
expect_status 404
page GET "/meetings/$MID_/minutes"
expect_status 404
page GET "/orgs/A1C/meetings"
expect_status 404
login aview
expect_page "/meetings/$MID_"
page GET "/orgs/A1C/meetings/new"
expect_status 403
page GET "/meetings/$MID_/attendance"
expect_status 403
HTTP_LANG=vi
login aclerk
expect_page "/meetings/$MID_"
expect_out_contains 'Biên bản để in'
expect_out_contains 'Sinh hoạt thường kỳ'
expect_page "/orgs/A1C/meetings?year=2026"
expect_out_contains 'Ghi buổi sinh hoạt'
HTTP_LANG=en
server_stop

done_testing
