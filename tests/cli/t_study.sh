#!/bin/bash
# t_study.sh - documents and their study from the command line (docs/study.md): numbers typed
# every way offices type them stored in one spelling, a number that cannot be read refused
# with the byte and what was expected, search without accents, what replaces what shown both
# ways, study plans, sessions with attendance and make-up sessions, confirmations, the
# coverage of a subtree (members, organisations, "100% of party committees" only when true,
# the missing ones listed, as of a past date, a member moving taking the count along) and
# action programmes with their year-end results.
. "$(dirname "$0")/lib.sh"

# ROOT > QK2 > E98 (grassroots) > C1 (members 1-3), C2 (4-5); ROOT > E99 > C31 (6).
cat >orgs.csv <<'XEOF'
code,parent_code,name,kind,established
ROOT,,Quân ủy Trung ương,committee,2010-01-01
QK2,ROOT,Đảng ủy Quân khu 2,committee,2010-01-01
E98,QK2,Đảng ủy Trung đoàn 98,grassroots,2012-01-01
C1,E98,Chi bộ Đại đội 1,cell,2012-01-01
C2,E98,Chi bộ Đại đội 2,cell,2012-01-01
E99,ROOT,Đảng ủy Trung đoàn 99,grassroots,2012-01-01
C31,E99,Chi bộ Đại đội 31,cell,2012-01-01
XEOF
{
	echo 'id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status'
	echo '1,C1,Nguyễn Văn An,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official'
	echo '2,C1,Trần Văn Bình,male,1990-01-02,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official'
	echo '3,C1,Lê Văn Cường,male,1990-01-03,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official'
	echo '4,C2,Phạm Văn Dũng,male,1990-01-04,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official'
	echo '5,C2,Hoàng Văn Hải,male,1990-01-05,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official'
	echo '6,C31,Vũ Văn Hùng,male,1990-01-06,Kinh,Tuyên Quang,2015-03-01,2015-03-15,2016-03-15,official'
} >members.csv
build_db "$WORK/base.db" orgs.csv members.csv

tcase "numbers typed every way are stored in one spelling" "$WORK/base.db"
expect_exit 0 --json doc add ' 21 – nq / tw ' --title 'Nghị quyết Hội nghị Trung ương 4 khóa XII' \
	--issued-on 2016-10-30 --org ROOT
expect_json 'd["number"] == "21-NQ/TW" and d["type"] == "NQ" and d["issuer"] == "TW" and d["num"] == "21"'
expect_json 'd["type_en"] == "resolution" and d["type_vi"] == "Nghị quyết"'
expect_exit 0 --json doc add '168-kh/DU' --title 'Kế hoạch học tập, quán triệt' --issued-on 2021-04-01 \
	--org QK2 --replaces 21-NQ/TW
expect_json 'd["number"] == "168-KH/ĐU" and d["replaces"]["number"] == "21-NQ/TW"'
expect_exit 0 --json doc add 'Số: 54/2017/tt-bqp' --title 'Thông tư về công tác đảng' --issued-on 2017-03-20 --org QK2
expect_json 'd["number"] == "54/2017/TT-BQP" and d["num"] == "54/2017" and d["type_en"] == "circular"'
expect_exit 0 --json doc add '2008/HD—CT' --title 'Hướng dẫn của Tổng cục Chính trị' --issued-on 2021-12-01 --org ROOT
expect_json 'd["number"] == "2008/HD-CT" and d["issuer"] == "CT"'
expect_exit 0 --json doc add '126-QD/TW' --title 'Quy định một số vấn đề về bảo vệ chính trị nội bộ' --issued-on 2023-02-28 --org ROOT
expect_json 'd["number"] == "126-QĐ/TW" and d["type"] == "QĐ"'
expect_exit 0 --json doc add '243-CTR/đu' --title 'Chương trình hành động' --issued-on 2021-05-01 --org E99
expect_json 'd["number"] == "243-CTr/ĐU" and d["type_en"] == "programme"'
# a number that cannot be read: the byte and what was expected
expect_refused 3 "byte 3: expected a known type of document" doc add '21-XX/TW' --title x --issued-on 2020-01-01 --org ROOT
expect_refused 3 "byte 5: expected '/' between the type and the issuer" doc add '21-NQ' --title x --issued-on 2020-01-01 --org ROOT
expect_refused 3 "byte 3: expected a year of four digits" doc add '54/17/TT-BQP' --title x --issued-on 2020-01-01 --org ROOT
expect_refused 3 "the title is required" doc add '35-CT/TW' --issued-on 2020-01-01 --org ROOT
expect_refused 5 "R-MEMBER-DATES" doc add '35-CT/TW' --title x --issued-on 2027-01-01 --org ROOT
# the same number and date twice
expect_refused 5 "already registered" doc add '21-NQ/TW' --title again --issued-on 2016-10-30 --org ROOT
expect_refused 4 "no document has the number" doc add '35-CT/TW' --title x --issued-on 2020-01-01 --org ROOT --replaces 99-NQ/TW
expect_refused 4 "no organisation" doc add '35-CT/TW' --title x --issued-on 2020-01-01 --org NOPE

# search without accents, by number or by words
expect_exit 0 --json doc list nghi quyet 21
expect_json '[x["number"] for x in d] == ["21-NQ/TW"]'
expect_exit 0 --json doc list 21-nq
expect_json '[x["number"] for x in d] == ["21-NQ/TW"]'
expect_exit 0 --json doc list 168-kh/du
expect_json '[x["number"] for x in d] == ["168-KH/ĐU"]'
expect_exit 0 --json doc list thong tu
expect_json '[x["number"] for x in d] == ["54/2017/TT-BQP"]'
expect_exit 0 --json doc list
expect_json 'len(d) == 6 and d[0]["number"] == "126-QĐ/TW"' "newest first"
expect_exit 0 doc list khong co
expect_err_contains "no document found"
# replaces, both ways; found by number typed loosely
expect_exit 0 --json doc show '21-nq/tw'
expect_json 'd["replaced_by"] == [{"id": 2, "number": "168-KH/ĐU"}] and d["replaces"] is None'
expect_exit 0 doc show 2
expect_out_contains "replaces        21-NQ/TW (1)"
expect_exit 0 doc show 1
expect_out_contains "replaced by     168-KH/ĐU (2)"
expect_refused 4 "no document has the number or id '99'" doc show 99
cp "$DB" "$WORK/docs.db"

tcase "study plans: tiers and audiences" "$WORK/docs.db"
expect_exit 0 --json study plan 21-NQ/TW --org QK2 --audience E98 --tier regiment_up --deadline 2026-12-31
expect_json 'd["org"] == "QK2" and d["audience"] == "E98"'
expect_exit 0 study plan 21-NQ/TW --org E98 --tier grassroots_members
expect_exit 0 study plan 21-NQ/TW --org E99 --tier reserve --category reserve
expect_refused 3 "the tier is one of" study plan 21-NQ/TW --org E98 --tier colonels
expect_refused 3 "category" study plan 21-NQ/TW --org E98 --category generals
expect_refused 5 "not in the subtree of E98" study plan 21-NQ/TW --org E98 --audience C31
expect_exit 0 --json study plan 21-NQ/TW
expect_json '[(p["org"], p["audience"], p["tier"]) for p in d] == [("E99", "E99", "reserve"), ("QK2", "E98", "regiment_up"), ("E98", "E98", "grassroots_members")]'

tcase "sessions, make-up sessions, confirmations and coverage" "$WORK/docs.db"
expect_exit 0 --json study session 21-NQ/TW --org E98 --date 2026-10-01 --starts 07:30 --ends 11:00
expect_json 'd["id"] == 1 and d["org"] == "E98" and d["starts"] == "07:30" and d["makeup_of"] is None'
expect_exit 0 study attend 1 1 2 4
expect_out_contains "3 member(s) recorded present at session 1"
expect_refused 3 "needs its reason" study attend 1 3 --status excused
expect_exit 0 study attend 1 3 --status excused --reason "đi công tác"
expect_exit 0 study attend 1 5 --status absent
expect_refused 3 "present, excused or absent" study attend 1 5 --status late
# a member outside the organiser's subtree
expect_refused 3 "was not on a roll of E98 or below" study attend 1 6
expect_refused 4 "no study session has the id 9" study attend 9 1
expect_refused 2 "HH:MM" study session 21-NQ/TW --org E98 --date 2026-10-01 --starts 7h30
expect_refused 5 "after today" study session 21-NQ/TW --org E98 --date 2026-12-01
expect_exit 0 --json study coverage 21-NQ/TW --org E98
expect_json 'd["members"] == 5 and d["covered"] == 3 and d["orgs"] == 3 and d["orgs_studied"] == 0' "3 of 5 covered"
expect_json 'd["all_committees_studied"] is False and sorted(o["org"] for o in d["missing"]) == ["C1", "C2", "E98"]'
expect_exit 0 study coverage 21-NQ/TW --org E98
expect_out_contains "3 of 5 members covered (60.0%)"
expect_out_contains "party committees that have studied it: 0 of 1"
expect_out_lacks "100% of party committees"
# a presence taken back uncovers the member; given again, covers again
expect_exit 0 study attend 1 4 --status absent
expect_exit 0 --json study coverage 21-NQ/TW --org E98
expect_json 'd["covered"] == 2'
expect_exit 0 study attend 1 4
expect_exit 0 --json study coverage 21-NQ/TW --org E98
expect_json 'd["covered"] == 3' 
# the make-up session of the same document; another document's session is refused
expect_exit 0 study session 168-KH/ĐU --org C2 --date 2026-10-05
expect_refused 5 "another document" study session 21-NQ/TW --org C2 --date 2026-10-20 --makeup-of 2
expect_refused 5 "after the session it makes up" study session 21-NQ/TW --org C2 --date 2026-09-20 --makeup-of 1
expect_exit 0 --json study session 21-NQ/TW --org C2 --date 2026-10-20 --makeup-of 1
expect_json 'd["makeup_of"] == 1'
MK=3
expect_exit 0 study attend $MK 5
# a member confirms having studied it (the handbook's way); twice changes nothing
expect_exit 0 --json study confirm 21-NQ/TW 3 --date 2026-11-02
expect_json 'd["added"] is True'
expect_exit 0 --json study confirm 21-NQ/TW 3
expect_json 'd["added"] is False'
expect_refused 5 "after today" study confirm 21-NQ/TW 3 --date 2027-01-01
expect_exit 0 --json study coverage 21-NQ/TW --org E98
expect_json 'd["members"] == 5 and d["covered"] == 5 and d["orgs_studied"] == 3 and d["missing"] == []'
expect_json 'd["all_committees_studied"] is True and d["committees"] == 1'
expect_exit 0 study coverage 21-NQ/TW --org E98
expect_out_contains "100% of party committees have studied it (1)"
# as of a past date: what was covered then
expect_exit 0 --json study coverage 21-NQ/TW --org E98 --as-of 2026-10-10
expect_json 'd["members"] == 5 and d["covered"] == 3'
expect_exit 0 --json study coverage 21-NQ/TW --org E98 --as-of 2026-10-25
expect_json 'd["covered"] == 4'
# the whole tree: C31 has not studied it; ROOT and QK2 are committees, not all studied
expect_exit 0 --json study coverage 21-NQ/TW --orgs
expect_json 'd["members"] == 6 and d["covered"] == 5 and sorted(o["org"] for o in d["missing"]) == ["C31", "E99", "ROOT"]'
expect_json 'sorted(o["org"] for o in d["studied"]) == ["C1", "C2", "E98", "QK2"]'
expect_exit 0 study coverage 21-NQ/TW
expect_out_contains "party committees that have studied it: 2 of 4 (50.0%)"
expect_out_contains "C31            0/1"
# a covered member moving to C31 takes the count along; leaving the rolls takes it out
expect_exit 0 member transfer 1 --to C31 --date 2026-11-20
expect_exit 0 member receive 1 --date 2026-11-21
expect_exit 0 --json study coverage 21-NQ/TW --org E99
expect_json 'd["members"] == 2 and d["covered"] == 1' "the moved member counted in E99"
expect_exit 0 --json study coverage 21-NQ/TW --org E98
expect_json 'd["members"] == 4 and d["covered"] == 4'
expect_exit 0 member status 2 deceased --date 2026-11-22
expect_exit 0 --json study coverage 21-NQ/TW --org E98
expect_json 'd["members"] == 3 and d["covered"] == 3'
expect_exit 0 --json study coverage 21-NQ/TW
expect_json 'd["members"] == 5 and d["covered"] == 4'
# the document shows its plans and sessions
expect_exit 0 --json doc show 21-NQ/TW
expect_json '[(s["id"], s["present"], s["excused"], s["absent"]) for s in d["sessions"]] == [(1, 3, 1, 1), (3, 1, 0, 0)]'

tcase "action programmes: items, owners, deadlines, results" "$WORK/docs.db"
expect_exit 0 --json action programme 21-NQ/TW --org E98 --year 2026 --title 'Chương trình hành động thực hiện Nghị quyết 21'
expect_json 'd["id"] == 1 and d["org"] == "E98" and d["document"] == "21-NQ/TW" and d["items"] == 0'
expect_refused 5 "already has an action programme" action programme 21-NQ/TW --org E98 --year 2026 --title again
expect_refused 3 "the title is required" action programme 21-NQ/TW --org E99 --year 2026
expect_exit 0 action item 1 --text 'Quán triệt đến 100% đảng viên' --owner 'Bí thư' --due 2026-12-15
expect_out_contains "item 1 added"
expect_exit 0 action item 1 --text 'Sơ kết 6 tháng' --owner 'Phó Bí thư'
expect_refused 3 "say what is to be done" action item 1 --owner x
expect_exit 0 action result 1 1 --done --result 'Hoàn thành'
expect_exit 0 action result 1 2 --not-done --result 'Chưa sơ kết'
expect_refused 2 "--done or --not-done" action result 1 2
expect_refused 4 "has no item 3" action result 1 3 --done
expect_refused 4 "no action programme has the id 7" action item 7 --text x
expect_exit 0 --json action list 1
expect_json '[(i["seq"], i["done"], i["owner"]) for i in d["items"]] == [(1, True, "Bí thư"), (2, False, "Phó Bí thư")] and d["done"] == 1'
expect_exit 0 --json action list --org E98 --year 2026
expect_json 'len(d) == 1 and d[0]["items"] == 2 and d[0]["done"] == 1'
expect_exit 0 --json action list --org E99
expect_json 'd == []'

tcase "every command has its help"
for sub in "doc add" "doc show" "doc list" "study plan" "study session" "study attend" \
	"study confirm" "study coverage" "action programme" "action item" "action result" "action list"; do
	# shellcheck disable=SC2086
	expect_exit 0 $sub --help
	expect_out_contains "usage: cadre [--db FILE] $sub"
done

done_testing
