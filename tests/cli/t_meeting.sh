#!/bin/bash
# t_meeting.sh - meetings from the command line (docs/meetings.md): the length rule at 89/90
# minutes (R-MEETING-MINUTES), the attendance of the roll of the day with the members not
# counted (temporary transfer elsewhere, suspended, exempt and absent) and excused absentees,
# the quorum at exactly half and half + 1 (R-MEETING-QUORUM), a past date's roll, a study
# session across a subtree with its make-up, cancel, minutes, scope, the imports (all or
# nothing, each bad line reported) and the CSV/XLSX list; where features meet: a member
# transferred after a meeting stays in its attendance, a dissolved cell's meetings stay
# readable from above.
. "$(dirname "$0")/lib.sh"

# ROOT > F1 > E98 (grassroots) > C1 (1-8 official, 9 probationary), C2 (11-13);
# ROOT > E99 > C31 (14).
cat >orgs.csv <<'XEOF'
code,parent_code,name,kind,established
ROOT,,Quân ủy Trung ương,committee,2010-01-01
F1,ROOT,Đảng ủy Sư đoàn 1,committee,2010-01-01
E98,F1,Đảng ủy Trung đoàn 98,grassroots,2012-01-01
C1,E98,Chi bộ Đại đội 1,cell,2012-01-01
C2,E98,Chi bộ Đại đội 2,cell,2012-01-01
E99,ROOT,Đảng ủy Trung đoàn 99,grassroots,2012-01-01
C31,E99,Chi bộ Đại đội 31,cell,2012-01-01
XEOF
{
	echo 'id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status,history_no'
	i=0
	for name in "Nguyễn Văn An" "Trần Văn Bình" "Lê Văn Cường" "Phạm Văn Dũng" "Hoàng Văn Hải" \
		"Vũ Văn Hùng" "Đặng Văn Khánh" "Bùi Văn Long"; do
		i=$((i + 1))
		echo "$i,C1,$name,male,1990-01-0$i,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official,10000${i}HG"
	done
	echo '9,C1,Lý Thị Quyên,female,2000-05-05,Tày,Cao Bằng,2026-03-01,2026-03-15,,probationary,100009HG'
	echo '11,C2,Hồ Văn Nam,male,1988-02-02,Kinh,Hà Giang,2012-03-01,2012-03-15,2013-03-15,official,100011HG'
	echo '12,C2,Ngô Văn Phong,male,1988-03-03,Kinh,Hà Giang,2012-03-01,2012-03-15,2013-03-15,official,100012HG'
	echo '13,C2,Dương Văn Sơn,male,1988-04-04,Kinh,Hà Giang,2012-03-01,2012-03-15,2013-03-15,official,100013HG'
	echo '14,C31,Lương Văn Tâm,male,1985-02-02,Kinh,Tuyên Quang,2010-03-01,2010-03-15,2011-03-15,official,100014HG'
} >members.csv
build_db "$WORK/base.db" orgs.csv members.csv
DB=$WORK/base.db
# 7 exempt, 8 suspended from January; 6 on temporary transfer to C31 from 5 February; 11 moved
# from C2 to C1 on 3 June.
expect_exit 0 member status 7 exempt --date 2026-01-10 --reason "sức khỏe"
expect_exit 0 member status 8 suspended --date 2026-01-10 --reason "kỷ luật"
expect_exit 0 --json member transfer 6 --to C31 --temporary --until 2026-12-01 --date 2026-02-01 --reason "học tập"
json_val 'd["id"]'
expect_exit 0 member receive "$JV" --date 2026-02-05
expect_exit 0 --json member transfer 11 --to C1 --date 2026-06-01
json_val 'd["id"]'
expect_exit 0 member receive "$JV" --date 2026-06-03
printf 'một mật khẩu đủ dài\n' >pw.txt
STDIN=pw.txt expect_exit 0 user add clerk31 --role clerk --org C31
expect_exit 0 --json token add clerk31
json_val 'd["token"]'
T_C31=$JV
STDIN=pw.txt expect_exit 0 user add clerk98 --role clerk --org E98
expect_exit 0 --json token add clerk98
json_val 'd["token"]'
T_E98=$JV
STDIN=pw.txt expect_exit 0 user add viewer1 --role viewer --org C1
expect_exit 0 --json token add viewer1
json_val 'd["token"]'
T_VIEW=$JV

tcase "help of every meeting command"
for c in add show list attend resolution cancel minutes; do
	run_raw "$CADRE" meeting "$c" --help
	expect_eq "meeting $c --help exits 0" 0 "$RC"
	expect_out_contains "--json"
done

tcase "R-MEETING-MINUTES: 89 minutes refused, 90 accepted; other kinds shorter" "$WORK/base.db"
expect_refused 5 "R-MEETING-MINUTES" meeting add --org C1 --date 2026-10-10 --kind monthly \
	--starts 07:30 --ends 08:59
expect_err_contains "lasted 89 minutes"
expect_refused 5 "R-MEETING-MINUTES" meeting add --org C1 --date 2026-10-12 --kind thematic \
	--starts 13:00 --ends 14:29
expect_exit 0 --json meeting add --org C1 --date 2026-10-10 --kind monthly --starts 07:30 --ends 09:00
expect_json 'd["minutes"] == 90 and d["state"] == "held" and d["quorum_base"] is None'
expect_exit 0 --json meeting add --org C1 --date 2026-10-20 --kind extraordinary --starts 07:30 --ends 08:00
expect_json 'd["minutes"] == 30'
expect_refused 3 "must end after it starts" meeting add --org C1 --date 2026-10-21 \
	--kind extraordinary --starts 08:00 --ends 08:00
expect_refused 3 "not a time" meeting add --org C1 --date 2026-10-21 --kind monthly \
	--starts 25:00 --ends 26:00

tcase "attendance: not counted, excused, the quorum at half and half + 1" "$WORK/base.db"
# The roll of C1 on 2026-10-10: 1-9 and 11 (moved in June). 6 (away), 7 (exempt, absent),
# 8 (suspended) are not counted; 5 excused; base = 10 - 3 - 1 = 6.
expect_exit 0 --json meeting add --org C1 --date 2026-10-10 --kind monthly --starts 07:30 \
	--ends 09:00 --chair 1 --secretary 2 --all-present --excused "5=ốm" --absent 4,7
expect_json 'd["quorum_base"] == 6 and d["counts"] == {"present": 5, "excused": 1, "absent": 1, "not_counted": 3}'
expect_json '{a["member_id"]: a["status"] for a in d["attendance"]} == {1: "present", 2: "present", 3: "present", 4: "absent", 5: "excused", 6: "not_counted", 7: "not_counted", 8: "not_counted", 9: "present", 11: "present"}'
expect_json '[a["reason"] for a in d["attendance"] if a["member_id"] in (6, 7, 8)] == ["on temporary transfer elsewhere", "exempt from activity", "suspended"]'
json_val 'd["id"]'
M1=$JV
expect_exit 0 --json meeting resolution "$M1" --text "Nghị quyết tháng 10" --for 3 --against 2
expect_json 'd["base"] == 6 and d["passed"] is False and d["seq"] == 1 and d["rule"] == "R-MEETING-QUORUM"' "3 of 6 (exactly half) does not pass"
expect_exit 0 --json meeting resolution "$M1" --text "Nghị quyết thứ hai" --for 4 --against 1
expect_json 'd["base"] == 6 and d["passed"] is True and d["seq"] == 2' "4 of 6 passes"
expect_refused 3 "6 votes (for, against, abstaining) is more than the 5 members present" \
	meeting resolution "$M1" --text "x" --for 3 --against 2 --abstain 1
# An exempt member who attends is counted; with 5 excused too the base is 10 - 2 - 1 = 7.
expect_exit 0 --json meeting attend "$M1" --all-present --excused "5=công tác"
expect_json 'd["quorum_base"] == 7 and {a["member_id"]: a["status"] for a in d["attendance"]}[7] == "present"'
# The resolutions keep the base they were measured against.
expect_json '[r["base"] for r in d["resolutions"]] == [6, 6]'
expect_exit 0 --json meeting resolution "$M1" --text "Nghị quyết thứ ba" --for 4 --against 0
expect_json 'd["base"] == 7 and d["passed"] is True' "4 of 7 passes"
# Excused without a reason, a member missing, a member of another cell: each named.
expect_refused 3 "member 5 is excused: give the reason" meeting attend "$M1" --all-present --excused "5="
expect_refused 3 "Phạm Văn Dũng (member 4) was on the roll that day" meeting attend "$M1" \
	--present 1,2,3,5,6,7,8,9,11
expect_refused 3 "member 12 was not on the roll of C1" meeting attend "$M1" --all-present --present 12
expect_refused 3 "member 2 is named twice" meeting attend "$M1" --all-present --present 2 --absent 2
# A meeting added with a refused attendance is not kept: one transaction, nothing half-written.
expect_exit 0 --json meeting list --org C1 --from 2026-10-13 --to 2026-10-13
expect_json 'd == []' "no meeting on 2026-10-13 yet"
expect_refused 3 "member 12 was not on the roll of C1" meeting add --org C1 --date 2026-10-13 \
	--kind monthly --starts 07:30 --ends 09:00 --all-present --present 12
expect_exit 0 --json meeting list --org C1 --from 2026-10-13 --to 2026-10-13
expect_json 'd == []' \
	"the refused attendance left no meeting behind"
# Chair or secretary off the roll that day.
expect_refused 3 "the chair (member 12) was not on the roll of C1" meeting add --org C1 \
	--date 2026-10-11 --kind monthly --starts 07:30 --ends 09:00 --chair 12
expect_exit 0 --json meeting show "$M1"
expect_json 'len(d["resolutions"]) == 3 and d["chair"]["name"] == "Nguyễn Văn An"'
expect_exit 0 meeting minutes "$M1"
expect_out_contains "BIÊN BẢN sinh hoạt thường kỳ"
expect_out_contains "Ngày 10 tháng 10 năm 2026, từ 07:30 đến 09:00 (90 phút)"
expect_out_contains "Vũ Văn Hùng - không tính: đang chuyển sinh hoạt tạm thời"
expect_out_contains "Tán thành 3, không tán thành 2, không biểu quyết 0, trên 6 đảng viên được tính (R-MEETING-QUORUM): không thông qua."
expect_out_contains "Tán thành 4, không tán thành 1, không biểu quyết 0, trên 6 đảng viên được tính (R-MEETING-QUORUM): thông qua."
expect_exit 0 --json audit list
expect_json 'sum(1 for x in (d if isinstance(d, list) else d.get("items", [])) if x.get("action") == "meeting.resolution") == 3'

tcase "the roll of a past date; a member transferred after the meeting stays in it" "$WORK/base.db"
# C2 on 2026-05-10: 11, 12, 13 (11 left in June). C1 then: not 11.
expect_exit 0 --json meeting add --org C2 --date 2026-05-10 --kind monthly --starts 07:30 \
	--ends 09:30 --all-present
expect_json 'sorted(a["member_id"] for a in d["attendance"]) == [11, 12, 13] and d["quorum_base"] == 3'
json_val 'd["id"]'
M2=$JV
expect_exit 0 --json meeting add --org C1 --date 2026-05-10 --kind monthly --starts 07:30 \
	--ends 09:30 --all-present
expect_json '11 not in [a["member_id"] for a in d["attendance"]] and 6 in [a["member_id"] for a in d["attendance"]]'
# In January, before the temporary stay, member 6 is counted; 7 and 8 too (statuses from 10 Jan).
expect_exit 0 --json meeting add --org C1 --date 2026-01-05 --kind monthly --starts 07:30 \
	--ends 09:30 --all-present
expect_json 'd["counts"]["not_counted"] == 0 and d["quorum_base"] == 8'
# Member 11 is on C1's roll now; C2's May meeting still lists him.
expect_exit 0 --json meeting show "$M2"
expect_json '[a["name"] for a in d["attendance"] if a["member_id"] == 11] == ["Hồ Văn Nam"]'

tcase "a dissolved cell's meetings stay readable from above" "$WORK/base.db"
expect_exit 0 --json meeting add --org C2 --date 2026-07-10 --kind thematic --starts 07:30 \
	--ends 09:30 --all-present --topic "Học tập và làm theo tư tưởng Hồ Chí Minh"
json_val 'd["id"]'
M3=$JV
expect_exit 0 org dissolve C2 --members-to C1 --date 2026-11-01
expect_exit 0 --json meeting show "$M3"
expect_json 'd["org"] == "C2" and sorted(a["member_id"] for a in d["attendance"]) == [12, 13]'
expect_exit 0 --json meeting list --org E98
expect_json '[m["id"] for m in d] == ['"$M3"']'
CADRE_TOKEN=$T_C31 expect_refused 4 "no meeting has the id $M3" meeting show "$M3"
# The committee above (a clerk of E98) reads it and lists it under E98.
CADRE_TOKEN=$T_E98 expect_exit 0 --json meeting show "$M3"
expect_json 'd["org"] == "C2" and d["topic"].startswith("Học tập")'
CADRE_TOKEN=$T_E98 expect_exit 0 --json meeting list
expect_json '[m["id"] for m in d] == ['"$M3"']'

tcase "a study session across the subtree, its make-up" "$WORK/base.db"
run_raw sqlite3 "$DB" "INSERT INTO document(number, num, type, issuer, issued_on, title, folded, org_id, recorded_by) VALUES ('21-NQ/TW', '21', 'NQ', 'TW', 19000, 'Nghị quyết 21', '21-nq/tw', 1, 't')"
expect_exit 0 --json meeting add --org E98 --date 2026-09-01 --kind study --starts 08:00 \
	--ends 09:00 --document 1 --present 1,2,12 --excused "3=trực"
expect_json 'd["document_id"] == 1 and d["counts"]["present"] == 3 and d["quorum_base"] == 3'
json_val 'd["id"]'
S1=$JV
expect_exit 0 --json meeting add --org E98 --date 2026-09-15 --kind study --starts 08:00 \
	--ends 09:00 --document 1 --makeup-of "$S1" --present 3
expect_json 'd["makeup_of"] == '"$S1"
expect_refused 3 "member 14 was not on a roll of E98 or below" meeting add --org E98 \
	--date 2026-09-16 --kind study --starts 08:00 --ends 09:00 --document 1 --present 14
expect_refused 3 "names the document studied" meeting add --org E98 --date 2026-09-16 \
	--kind study --starts 08:00 --ends 09:00 --present 3
expect_refused 3 "no document has the id 7" meeting add --org E98 --date 2026-09-16 \
	--kind study --starts 08:00 --ends 09:00 --document 7
expect_refused 3 "only a study session names a document" meeting add --org C1 \
	--date 2026-09-16 --kind monthly --starts 08:00 --ends 09:30 --document 1
expect_exit 0 --json meeting list --document 1
expect_json 'len(d) == 2'

tcase "cancel, planned meetings, scope and roles" "$WORK/base.db"
expect_exit 0 --json meeting add --org C1 --date 2026-11-10 --kind monthly --starts 07:30 --ends 09:00
json_val 'd["id"]'
M4=$JV
expect_exit 0 --json meeting add --org C1 --date 2026-12-10 --kind monthly --starts 07:30 --ends 09:00 --planned
expect_json 'd["state"] == "planned"'
json_val 'd["id"]'
expect_refused 5 "planned for a later date" meeting attend "$JV" --all-present
expect_refused 3 "say why" meeting cancel "$M4" --reason ""
expect_exit 0 --json meeting cancel "$M4" --reason "trùng lịch diễn tập"
expect_json 'd["state"] == "cancelled" and d["cancel_reason"] == "trùng lịch diễn tập"'
expect_refused 5 "already cancelled" meeting cancel "$M4" --reason "x"
expect_refused 5 "was cancelled" meeting attend "$M4" --all-present
CADRE_TOKEN=$T_C31 expect_refused 4 "no meeting has the id $M4" meeting show "$M4"
CADRE_TOKEN=$T_C31 expect_refused 4 "no meeting has the id $M4" meeting attend "$M4" --present 1
CADRE_TOKEN=$T_C31 expect_refused 4 "no meeting has the id $M4" meeting minutes "$M4"
CADRE_TOKEN=$T_C31 expect_exit 0 --json meeting list
expect_json 'd == []'
CADRE_TOKEN=$T_C31 expect_refused 4 "C1" meeting add --org C1 --date 2026-11-11 --kind monthly --starts 07:30 --ends 09:00
CADRE_TOKEN=$T_VIEW expect_refused 7 "" meeting cancel "$M4" --reason "x"
CADRE_TOKEN=$T_VIEW expect_exit 0 --json meeting show "$M4"
expect_refused 4 "no meeting has the id 999" meeting show 999

tcase "import meetings and attendance: all or nothing, every bad line" "$WORK/base.db"
cat >meet.csv <<'XEOF'
org,date,kind,starts,ends,topic
C1,2026-03-10,monthly,07:30,09:00,
C1,2026-03-25,thematic,07:30,08:59,Chuyên đề quý I
C9,2026-03-10,monthly,07:30,09:00,
C1,2026-02-30,monthly,07:30,09:00,
C1,2026-04-10,weekly,07:30,09:00,
XEOF
expect_refused 5 "line 3" import meetings meet.csv
expect_err_contains "R-MEETING-MINUTES"
expect_err_contains "line 4"
expect_err_contains "line 5"
expect_err_contains "line 6"
expect_err_contains "nothing was imported"
expect_refused 2 "all or nothing" import meetings meet.csv --skip-bad rej.csv
cat >meet.csv <<'XEOF'
org,date,kind,starts,ends,topic,chair_id
C1,2026-03-10,monthly,07:30,09:00,,1
C1,2026-03-25,thematic,07:30,09:00,Chuyên đề quý I,2
C2,2026-03-10,monthly,07:30,09:00,,
XEOF
expect_exit 0 import meetings meet.csv
expect_exit 0 --json meeting list --from 2026-03-01 --to 2026-03-31
expect_json 'len(d) == 3 and all(m["quorum_base"] is None for m in d)'
# Attendance by the meeting's org/date/kind and member numbers; C1's March meeting misses
# member 9 (line 11 names the problem), C2's names a member of C1.
{
	echo 'org,date,kind,member_no,status,reason'
	for i in 1 2 3 4 5 6 7 8; do echo "C1,2026-03-10,monthly,10000${i}HG,present,"; done
	echo 'C2,2026-03-10,monthly,100011HG,present,'
	echo 'C2,2026-03-10,monthly,100001HG,absent,'
	echo 'C2,2026-03-10,monthly,100013HG,excused,'
} >att.csv
expect_refused 3 "Lý Thị Quyên (member 9) was on the roll that day" import attendance att.csv
expect_err_contains "line 11"
expect_err_contains "line 12"
expect_err_contains "member 1 was not on the roll of C2"
expect_exit 0 --json meeting list --from 2026-03-01 --to 2026-03-31
expect_json 'all(m["quorum_base"] is None for m in d)' "nothing was stored"
{
	echo 'org,date,kind,member_no,status,reason'
	for i in 1 2 3 4 5 6 7 8 9; do echo "C1,2026-03-10,monthly,10000${i}HG,present,"; done
	echo 'C2,2026-03-10,monthly,100011HG,present,'
	echo 'C2,2026-03-10,monthly,100012HG,absent,'
	echo 'C2,2026-03-10,monthly,100013HG,excused,đi viện'
} >att.csv
expect_exit 0 import attendance att.csv
expect_exit 0 --json meeting list --org C2 --only --from 2026-03-01
expect_json 'd[0]["counts"] == {"present": 1, "excused": 1, "absent": 1, "not_counted": 0} and d[0]["quorum_base"] == 2'
expect_exit 0 --json meeting list --org C1 --only --from 2026-03-10 --to 2026-03-10
# 7 (exempt) attended and is counted; 6 (away) and 8 (suspended) are not.
expect_json 'd[0]["counts"] == {"present": 7, "excused": 0, "absent": 0, "not_counted": 2} and d[0]["quorum_base"] == 7'
# The rows of one meeting must be together.
json_val 'd[0]["id"]'
printf 'meeting_id,member_id,status\n%s,1,present\n%s,2,present\n' "$JV" "$JV" >att2.csv
for i in 3 4 5 6 7 8 9; do echo "$JV,$i,present"; done >>att2.csv
sed -i '3i 999,1,present' att2.csv
expect_refused 3 "no meeting has the id 999" import attendance att2.csv
expect_exit 0 --json audit list
expect_json 'sum(1 for x in (d if isinstance(d, list) else d.get("items", [])) if x.get("action") == "import.attendance") == 1'

tcase "one import, one cell, three rolls: each meeting is checked against the roll of its day" "$WORK/base.db"
# C1 on 5 January (before 7 and 8 changed status, before 6 left and 9 was admitted), on 10 May
# (6 away, 8 suspended, 7 exempt, 9 probationary) and on 10 June (11 moved in on 3 June): the
# import reads a cell's roll once for the days it does not change, never across a change.
cat >meet3.csv <<'XEOF'
org,date,kind,starts,ends
C1,2026-01-05,monthly,07:30,09:00
C1,2026-05-10,monthly,07:30,09:00
C1,2026-06-10,monthly,07:30,09:00
XEOF
expect_exit 0 import meetings meet3.csv
{
	echo 'org,date,kind,member_id,status,reason'
	for i in 1 2 3 4 5 6 7 8; do echo "C1,2026-01-05,monthly,$i,present,"; done
	for i in 1 2 3 4 5 6 7 8 9; do echo "C1,2026-05-10,monthly,$i,present,"; done
	for i in 1 2 3 4 5 6 7 8 9 11; do echo "C1,2026-06-10,monthly,$i,present,"; done
} >att3.csv
expect_exit 0 import attendance att3.csv
expect_exit 0 --json meeting list --org C1 --only --from 2026-01-01 --to 2026-06-30
expect_json '[(m["date"], m["counts"]["present"], m["counts"]["not_counted"], m["quorum_base"]) for m in sorted(d, key=lambda m: m["date"])] == [("2026-01-05", 8, 0, 8), ("2026-05-10", 7, 2, 7), ("2026-06-10", 8, 2, 8)]'
# Member 11 left out of June (on C1's roll since 3 June) is refused; named in May (still at
# C2), likewise: a roll kept from another day would let one of them through.
{
	echo 'org,date,kind,member_id,status,reason'
	for i in 1 2 3 4 5 6 7 8 9 11; do echo "C1,2026-05-10,monthly,$i,present,"; done
	for i in 1 2 3 4 5 6 7 8 9; do echo "C1,2026-06-10,monthly,$i,present,"; done
} >att4.csv
expect_refused 3 "member 11 was not on the roll of C1" import attendance att4.csv
expect_err_contains "Hồ Văn Nam (member 11) was on the roll that day"

tcase "the meetings list as CSV and XLSX" "$WORK/base.db"
expect_exit 0 meeting add --org C1 --date 2026-10-10 --kind monthly --starts 07:30 --ends 09:00 --all-present --topic "Tháng 10"
expect_exit 0 meeting list --csv list.csv
expect_py 'len(rows("list.csv")) == 1 and rows("list.csv")[0]["org"] == "C1" and rows("list.csv")[0]["minutes"] == "90" and rows("list.csv")[0]["present"] == "8" and rows("list.csv")[0]["not_counted"] == "2" and rows("list.csv")[0]["topic"] == "Tháng 10" and rows("list.csv")[0]["quorum_base"] == "8"'
expect_exit 0 meeting list --xlsx list.xlsx
expect_true "an XLSX file" test "$(head -c 2 list.xlsx)" = "PK"

done_testing
