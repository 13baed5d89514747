#!/bin/bash
# t_admission.sh - admissions from the command line (docs/admissions.md): a candidate taken to
# an official member, votes counted on the roll (2/3 exactly and one short), the age, the
# introducers, the ceremony's and the recognition's deadlines, failed votes referred and the
# ruling above, re-admission, who may record what, a merge taking cases along, the due list
# as of a past date. Each rule is named by its ID in the refusals checked.
. "$(dirname "$0")/lib.sh"

# ROOT > F1 (committee above) > E98 (grassroots) > C1 (members 1-9 official, 10 probationary),
# C2 (11-13); ROOT > E99 (grassroots) > C31 (14-16).
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
	echo 'id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status'
	i=0
	for name in "Nguyễn Văn An" "Trần Văn Bình" "Lê Văn Cường" "Phạm Văn Dũng" "Hoàng Văn Hải" \
		"Vũ Văn Hùng" "Đặng Văn Khánh" "Bùi Văn Long" "Đỗ Văn Minh"; do
		i=$((i + 1))
		echo "$i,C1,$name,male,1990-01-0$i,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official"
	done
	echo '10,C1,Lý Thị Quyên,female,2000-05-05,Tày,Cao Bằng,2026-03-01,2026-03-15,,probationary'
	echo '11,C2,Hồ Văn Nam,male,1988-02-02,Kinh,Hà Giang,2012-03-01,2012-03-15,2013-03-15,official'
	echo '12,C2,Ngô Văn Phong,male,1988-03-03,Kinh,Hà Giang,2012-03-01,2012-03-15,2013-03-15,official'
	echo '13,C2,Dương Văn Sơn,male,1988-04-04,Kinh,Hà Giang,2012-03-01,2012-03-15,2013-03-15,official'
	echo '14,C31,Lương Văn Tâm,male,1985-02-02,Kinh,Tuyên Quang,2010-03-01,2010-03-15,2011-03-15,official'
	echo '15,C31,Trịnh Văn Thắng,male,1985-03-03,Kinh,Tuyên Quang,2010-03-01,2010-03-15,2011-03-15,official'
	echo '16,C31,Mai Văn Tuấn,male,1985-04-04,Kinh,Tuyên Quang,2010-03-01,2010-03-15,2011-03-15,official'
	echo '17,C31,Đinh Văn Việt,male,1980-06-06,Kinh,Tuyên Quang,2005-03-01,2005-03-15,2006-03-15,official'
} >members.csv
build_db "$WORK/base.db" orgs.csv members.csv
printf 'một mật khẩu đủ dài\n' >pw.txt
# The former member of the re-admission: member 17 left the rolls on 2023-06-01.
DB=$WORK/base.db
expect_exit 0 member status 17 removed --date 2023-06-01 --reason "vi phạm tư cách"
# Two accounts: a clerk of C1 (a cell editor) and a clerk of C31 (another subtree).
STDIN=pw.txt expect_exit 0 user add clerk1 --role clerk --org C1
expect_exit 0 --json token add clerk1
json_val 'd["token"]'
T_C1=$JV
STDIN=pw.txt expect_exit 0 user add clerk31 --role clerk --org C31
expect_exit 0 --json token add clerk31
json_val 'd["token"]'
T_C31=$JV

# cand NAME BIRTH LISTED [OPTIONS]: list a candidate in C1; CID is its id.
cand() {
	local name=$1 birth=$2 listed=$3
	shift 3
	cadre --json admission add --org C1 --name "$name" --sex male --birth-date "$birth" \
		--ethnicity Kinh --hometown "Hà Giang" --source soldier --listed-on "$listed" "$@"
	CID=""
	if [ "$RC" = 0 ]; then
		json_val 'd["id"]'
		CID=$JV
	fi
}
# to_verified ID D1 D2 D3: the class, the application and the verification on those dates.
to_verified() {
	expect_exit 0 admission step "$1" class --date "$2" --course "Lớp nhận thức 1" \
		--certificate "BD-$1" --result passed
	expect_exit 0 admission step "$1" application --date "$3" --introducer 1:2020-01-01 \
		--introducer 2:2020-01-01
	expect_exit 0 admission step "$1" verification --date "$4" --verifier "Đ/c Hải" \
		--conclusion "lý lịch rõ ràng"
}

# ---------------------------------------------------------------------------------------------
tcase "the whole pipeline: candidate to official member, a failed cell vote on the way" "$WORK/base.db"
cand "Trần Văn Ứng" 2000-02-02 2025-01-10
expect_json 'd["stage"] == "candidate" and d["org"] == "C1" and d["source"] == "soldier"' "listed"
A=$CID
expect_exit 0 --json admission step "$A" class --date 2025-02-01 --course "Lớp 1/2025" \
	--certificate 123 --result passed
expect_json 'd["stage"] == "class" and d["step"]["number"] == "123" and d["step"]["detail"]["course"] == "Lớp 1/2025"'
expect_exit 0 --json admission step "$A" application --date 2025-03-01 \
	--introducer 1:2023-01-01 --introducer 2:2024-03-01
expect_json 'd["stage"] == "applied" and [i["member_id"] for i in d["step"]["introducers"]] == [1, 2]'
expect_exit 0 admission step "$A" verification --date 2025-04-01 --verifier "Đ/c Hùng" \
	--conclusion "lý lịch rõ ràng"
# R-ADMIT-VOTE-FRACTION: 9 official members on the roll (the probationary member 10 does not
# count): 5 of 9 is one short, 6 of 9 is 2/3 exactly.
expect_exit 0 --json admission step "$A" cell_vote --date 2025-05-01 --present 9 --for 5 --against 4
expect_json 'd["step"]["eligible"] == 9 and d["step"]["passed"] is False and d["stage"] == "verified"' \
	"5 of 9 fails (R-ADMIT-VOTE-FRACTION)"
expect_refused 3 "the last step of the case is dated 2025-05-01" admission step "$A" cell_vote \
	--date 2025-04-30 --present 9 --for 6 --against 3
expect_exit 0 --json admission step "$A" cell_vote --date 2025-05-02 --present 9 --for 6 --against 3
expect_json 'd["step"]["eligible"] == 9 and d["step"]["passed"] is True and d["stage"] == "cell_passed"' \
	"6 of 9 passes (R-ADMIT-VOTE-FRACTION)"
expect_refused 3 "more than the 9 members who may vote" admission step "$A" committee_vote \
	--date 2025-05-10 --members 9 --present 10 --for 9 --against 0
expect_exit 0 --json admission step "$A" committee_vote --date 2025-05-10 --members 9 --present 9 --for 9 --against 0
expect_json 'd["step"]["org"] == "E98" and d["stage"] == "committee_passed" and d["due"]["kind"] == "upper_decision"'
expect_exit 0 --json admission step "$A" decision --date 2025-05-20 --number "123-QĐ/ĐU"
expect_json 'd["step"]["org"] == "F1" and d["stage"] == "decided" and d["due"]["kind"] == "ceremony"'
expect_exit 0 --json admission step "$A" ceremony --date 2025-06-02 --mentor 3
expect_json 'd["stage"] == "probation" and d["member_id"] > 0 and d["mentor_id"] == 3 and d["due"]["kind"] == "recognition" and d["due"]["from"] == "2026-06-02"'
json_val 'd["member_id"]'
MA=$JV
expect_exit 0 --json member show "$MA"
expect_json 'd["status"] == "probationary" and d["org_code"] == "C1" and d["admission_decision_date"] == "2025-05-20" and d["admission_ceremony_date"] == "2025-06-02"' \
	"the ceremony made the probationary member with the three dates"
# R-PROBATION-MONTHS: the recognition vote before month 12 is refused.
expect_refused 5 "R-PROBATION-MONTHS" admission step "$A" recognition_vote --date 2026-06-01 \
	--present 9 --for 9 --against 0
# R-PROBATION-VOTE-WORKING-DAYS: a late vote is a warning; official from month 12 all the same.
expect_exit 0 --json admission step "$A" recognition_vote --date 2026-08-20 --present 9 --for 7 --against 2
expect_json 'd["stage"] == "official" and d["due"] is None'
expect_err_contains "R-PROBATION-VOTE-WORKING-DAYS"
expect_exit 0 --json member show "$MA"
expect_json 'd["status"] == "official" and d["official_date"] == "2026-06-02"' \
	"official from the end of probation (R-PROBATION-MONTHS), not from the late vote"
expect_exit 0 --json admission show "$A"
expect_json '[s["step"] for s in d["steps"]] == ["listed", "class", "application", "verification", "cell_vote", "cell_vote", "committee_vote", "decision", "ceremony", "recognition_vote"]' \
	"the timeline holds every step in order"
expect_refused 5 "the next step is none" admission step "$A" withdrawal --reason "x"
expect_exit 0 --json audit list
expect_json 'sum(1 for x in d if x["action"].startswith("admission.") and x["subject"] == "admission:'"$A"'") >= 11' \
	"every step is in the audit log"
# As of a past date the due list answers from the steps: on 2025-05-25 the ceremony was due.
expect_exit 0 --json admission due --org E98 --as-of 2025-05-25
expect_json '[(x["id"], x["due"]["kind"], x["due"]["overdue"]) for x in d if x["id"]] == [('"$A"', "ceremony", False)]' \
	"as of 2025-05-25 the ceremony of case $A was due"
expect_exit 0 --json admission due --org E98 --as-of 2025-07-30
expect_json 'not [x for x in d if x["id"] == '"$A"']' "after the ceremony nothing was due on it"

# ---------------------------------------------------------------------------------------------
tcase "R-ADMIT-AGE-MAX-MONTHS: 60 years 10 months refused at the cell vote; the day of 720 months accepted" "$WORK/base.db"
cand "Phan Văn Già" 1963-07-16 2023-01-05
G=$CID
to_verified "$G" 2023-02-01 2023-03-01 2023-04-01
expect_refused 5 "R-ADMIT-AGE-MAX-MONTHS" admission step "$G" cell_vote --date 2024-06-15 \
	--present 9 --for 9 --against 0
expect_err_contains "60 years 10 months"
expect_exit 0 --json admission step "$G" cell_vote --date 2023-07-16 --present 9 --for 9 --against 0
expect_json 'd["stage"] == "cell_passed"' "720 months on the day of the vote is accepted"
# The age is the cell vote's: 61 at the decision and the ceremony does not refuse the member.
expect_exit 0 admission step "$G" committee_vote --date 2024-07-01 --members 5 --present 5 --for 4 --against 1
expect_exit 0 admission step "$G" decision --date 2024-08-01 --number 3-QĐ
expect_exit 0 --json admission step "$G" ceremony --date 2024-08-15 --mentor 2
expect_json 'd["stage"] == "probation" and d["member_id"] > 0'

# ---------------------------------------------------------------------------------------------
tcase "R-ADMIT-INTRODUCER-MONTHS: a probationary introducer, 11 months refused; 12 months accepted" "$WORK/base.db"
cand "Tạ Văn Giới" 1999-09-09 2026-07-01
I=$CID
expect_exit 0 admission step "$I" class --date 2026-07-10 --course "Lớp 2/2026" --result passed
expect_refused 5 "a probationary member cannot introduce" admission step "$I" application \
	--date 2026-08-03 --introducer 10:2020-01-01 --introducer 1:2020-01-01
expect_err_contains "R-ADMIT-INTRODUCER-MONTHS"
expect_refused 5 "R-ADMIT-INTRODUCER-MONTHS" admission step "$I" application \
	--date 2026-08-03 --introducer 1:2025-09-03 --introducer 2:2020-01-01
expect_err_contains "less than 12 months"
expect_refused 5 "two introducers" admission step "$I" application --date 2026-08-03 \
	--introducer 1:2020-01-01
expect_exit 0 --json admission step "$I" application --date 2026-08-03 \
	--introducer 1:2025-08-03 --introducer 2:2020-01-01
expect_json 'd["stage"] == "applied" and d["step"]["introducers"][0]["worked_since"] == "2025-08-03"' \
	"12 months to the day is accepted"

# ---------------------------------------------------------------------------------------------
tcase "R-ADMIT-CEREMONY-WORKING-DAYS: a ceremony not held in time is overdue, then late with a warning" "$WORK/base.db"
cand "Kiều Văn Lễ" 1998-08-08 2026-01-05
L=$CID
to_verified "$L" 2026-02-02 2026-03-02 2026-04-01
# The cell's clerk records the cell's vote, not the grassroots committee's.
CADRE_TOKEN=$T_C1 expect_exit 0 --json admission step "$L" cell_vote --date 2026-05-04 --present 9 --for 9 --against 0
expect_json 'd["stage"] == "cell_passed"'
CADRE_TOKEN=$T_C1 expect_refused 7 "grassroots committee 'E98'" admission step "$L" committee_vote \
	--date 2026-05-11 --members 7 --present 7 --for 5 --against 2
expect_exit 0 admission step "$L" committee_vote --date 2026-05-11 --members 7 --present 7 --for 5 --against 2
# A cell editor cannot record the decision of the committee above.
CADRE_TOKEN=$T_C1 expect_refused 7 "committee above" admission step "$L" decision --date 2026-09-01 --number 9-QĐ
expect_exit 0 admission step "$L" decision --date 2026-09-01 --number 9-QĐ
expect_exit 0 --json admission due --org C1
expect_json '[(x["due"]["kind"], x["due"]["on"], x["due"]["overdue"]) for x in d if x["id"] == '"$L"'] == [("ceremony", "2026-10-14", True)]' \
	"the ceremony due 30 working days after 2026-09-01 (2 September a holiday) is overdue"
expect_exit 0 --json admission step "$L" ceremony --date 2026-11-02 --mentor 4
expect_err_contains "R-ADMIT-CEREMONY-WORKING-DAYS"
expect_json 'd["stage"] == "probation" and d["step"]["detail"]["late"] is True'
expect_exit 0 --json admission due --org C1
expect_json 'not [x for x in d if x["id"] == '"$L"']' "held: no longer due"
# The probationary member 10, added without a case, is due for recognition from 2027-03-15 on.
expect_exit 0 --json admission due --org C1 --as-of 2027-03-16
expect_json '[(x["member_id"], x["due"]["kind"]) for x in d if x["id"] == 0] == [(10, "recognition")]' \
	"a probationer without a case is on the due list past month 12"
expect_exit 0 --json admission due --org C1 --as-of 2027-03-14
expect_json 'not [x for x in d if x["member_id"] == 10]' "not before the end of probation"
# A probationer added with 'member add' (ceremony 2025-03-15): its case opened by the step.
madd_p C1 "Vương Văn Dự"
P=$MID
expect_exit 0 --json admission due --org C1
expect_json '[(x["id"], x["due"]["kind"], x["due"]["overdue"]) for x in d if x["member_id"] == '"$P"'] == [(0, "recognition", True)]'
expect_exit 0 --json admission step "m$P" recognition_vote --date 2026-04-01 --present 9 --for 9 --against 0
expect_json 'd["stage"] == "official" and d["member_id"] == '"$P"' and d["id"] > 0'
expect_exit 0 --json member show "$P"
expect_json 'd["status"] == "official" and d["official_date"] == "2026-03-15"'

# ---------------------------------------------------------------------------------------------
tcase "R-PROBATION-FAILED-VOTES: three failed votes go up; the ruling above removes the member" "$WORK/base.db"
cand "Cao Văn Rớt" 1997-07-07 2025-01-06
R=$CID
to_verified "$R" 2025-02-03 2025-03-03 2025-04-01
expect_exit 0 admission step "$R" cell_vote --date 2025-05-05 --present 9 --for 9 --against 0
expect_exit 0 admission step "$R" committee_vote --date 2025-05-12 --members 7 --present 7 --for 7 --against 0
expect_exit 0 admission step "$R" decision --date 2025-05-20 --number 5-QĐ
expect_exit 0 --json admission step "$R" ceremony --date 2025-06-02 --mentor 5
json_val 'd["member_id"]'
MR=$JV
expect_exit 0 --json admission step "$R" recognition_vote --date 2026-06-03 --present 9 --for 2 --against 7
expect_json 'd["stage"] == "probation" and d["failed_votes"] == 1'
expect_exit 0 --json admission step "$R" recognition_vote --date 2026-06-10 --present 9 --for 5 --against 4
expect_json 'd["stage"] == "probation" and d["failed_votes"] == 2'
expect_exit 0 --json admission step "$R" recognition_vote --date 2026-06-17 --present 9 --for 5 --against 4
expect_json 'd["stage"] == "referred" and d["failed_votes"] == 3 and d["due"]["kind"] == "upper_ruling"' \
	"the third failed vote refers the case (R-PROBATION-FAILED-VOTES)"
CADRE_TOKEN=$T_C1 expect_refused 7 "committee above" admission step "$R" upper_ruling \
	--date 2026-07-01 --number 7-QĐ --result failed --reason "không đủ tư cách"
expect_exit 0 --json admission step "$R" upper_ruling --date 2026-07-01 --number 7-QĐ \
	--result failed --reason "không đủ tư cách"
expect_json 'd["stage"] == "removed" and d["step"]["org"] == "F1"'
expect_exit 0 --json member show "$MR"
expect_json 'd["status"] == "removed" and any(e["kind"] == "status" and "7-QĐ" in json.dumps(e["detail"], ensure_ascii=False) and "không đủ tư cách" in json.dumps(e["detail"], ensure_ascii=False) for e in d["events"])' \
	"the member is removed with the reason and the decision's number"

# ---------------------------------------------------------------------------------------------
tcase "R-READMIT-MONTHS and R-READMIT-TIMES: at 35 months refused, at 36 accepted, a second time refused" "$WORK/base.db"
cadre --json admission add --org C1 --name "Đinh Văn Việt" --sex male --birth-date 1980-06-06 \
	--ethnicity Kinh --hometown "Tuyên Quang" --source other --listed-on 2026-05-31
expect_eq "a re-admission at 35 months is refused" 5 "$RC"
expect_err_contains "R-READMIT-MONTHS"
expect_err_contains "from 2026-06-01"
cadre --json admission add --org C1 --name "Đinh Văn Việt" --sex male --birth-date 1980-06-06 \
	--ethnicity Kinh --hometown "Tuyên Quang" --source other --listed-on 2026-06-01
expect_eq "a re-admission at 36 months is accepted" 0 "$RC"
expect_json 'd["former_member_id"] == 17 and d["stage"] == "candidate"'
json_val 'd["id"]'
V=$JV
# A person on a roll or an open case is a duplicate.
expect_refused 5 "already candidate $V" admission add --org C1 --name "Đinh Văn Việt" --sex male \
	--birth-date 1980-06-06 --ethnicity Kinh --hometown "Tuyên Quang" --source other --listed-on 2026-06-02
expect_refused 5 "already member 3" admission add --org C1 --name "Lê Văn Cường" --sex male \
	--birth-date 1990-01-03 --ethnicity Kinh --hometown "Hà Giang" --source other
expect_exit 0 admission add --org C1 --name "Lê Văn Cường" --sex male --birth-date 1990-01-03 \
	--ethnicity Kinh --hometown "Hà Giang" --source other --allow-duplicate
expect_err_contains "possible duplicate of member 3"
# The re-admitted person goes through again; the citizen of the ceremony is a new member.
expect_exit 0 admission step "$V" class --date 2026-06-05 --course "Lớp 3/2026" --result passed
expect_exit 0 admission step "$V" application --date 2026-06-10 --introducer 1:2020-01-01 --introducer 2:2020-01-01
expect_exit 0 admission step "$V" verification --date 2026-06-15 --verifier x --conclusion y
expect_exit 0 admission step "$V" cell_vote --date 2026-06-20 --present 9 --for 9 --against 0
expect_exit 0 admission step "$V" committee_vote --date 2026-06-25 --members 5 --present 5 --for 5 --against 0
expect_exit 0 admission step "$V" decision --date 2026-07-01 --number 11-QĐ
expect_exit 0 --json admission step "$V" ceremony --date 2026-07-10 --mentor 6
json_val 'd["member_id"]'
MV=$JV
expect_exit 0 member status "$MV" removed --date 2026-08-01 --reason "chuyển ngành"
expect_exit 0 --json admission show "$V"
expect_json 'd["stage"] == "removed" and d["steps"][-1]["step"] == "withdrawal"' \
	"removed mid-probation: the case is closed"
expect_refused 5 "R-READMIT-TIMES" admission add --org C1 --name "Đinh Văn Việt" --sex male \
	--birth-date 1980-06-06 --ethnicity Kinh --hometown "Tuyên Quang" --source other

# ---------------------------------------------------------------------------------------------
tcase "scope: outside the subtree a case does not exist; a merge takes the open cases along" "$WORK/base.db"
cadre --json admission add --org C2 --name "Mạc Văn Hợp" --sex male --birth-date 2001-01-01 \
	--ethnicity Kinh --hometown "Hà Giang" --source squad_leader --listed-on 2026-02-02
json_val 'd["id"]'
M=$JV
CADRE_TOKEN=$T_C31 expect_refused 4 "no admission case has the id $M" admission show "$M"
CADRE_TOKEN=$T_C31 expect_refused 4 "no admission case has the id $M" admission step "$M" class \
	--date 2026-03-01 --course x --result passed
CADRE_TOKEN=$T_C31 expect_exit 0 --json admission list
expect_json 'd == []' "another subtree lists none"
CADRE_TOKEN=$T_C1 expect_refused 4 "no admission case" admission show "$M"
cadre --json admission add --org C2 --name "Mạc Văn Thôi" --sex male --birth-date 2001-03-03 \
	--ethnicity Kinh --hometown "Hà Giang" --source other --listed-on 2026-02-02
json_val 'd["id"]'
W=$JV
expect_refused 3 "give the reason" admission step "$W" withdrawal --date 2026-03-01
expect_exit 0 admission step "$W" withdrawal --date 2026-03-01 --reason "chuyển công tác ra ngoài quân đội"
expect_exit 0 org merge C2 --into C1 --date 2026-10-01
expect_exit 0 --json admission show "$W"
expect_json 'd["stage"] == "withdrawn" and d["org"] == "C2" and d["steps"][-1]["detail"]["reason"] == "chuyển công tác ra ngoài quân đội"' \
	"a closed case stays with the dissolved cell, still seen from above"
expect_exit 0 --json admission show "$M"
expect_json 'd["org"] == "C1" and d["steps"][-1]["step"] == "transfer" and d["steps"][-1]["detail"]["from"] == "C2"' \
	"the merged cell's case moved with a transfer step"
CADRE_TOKEN=$T_C1 expect_exit 0 --json admission list --org C1
expect_json '[x["id"] for x in d] == ['"$M"']' "now kept by C1"
expect_exit 0 --json admission list --org E98 --stage all
expect_json 'len(d) == 1'
expect_refused 2 "the stage is one of" admission list --stage ripe

# ---------------------------------------------------------------------------------------------
tcase "a probationer transferred takes the case along; a death closes it; a cell with open cases is not dissolved" "$WORK/base.db"
cand "Quách Văn Đi" 1996-06-06 2025-01-06
T=$CID
to_verified "$T" 2025-02-03 2025-03-03 2025-04-01
expect_exit 0 admission step "$T" cell_vote --date 2025-05-05 --present 9 --for 9 --against 0
expect_exit 0 admission step "$T" committee_vote --date 2025-05-12 --members 7 --present 7 --for 7 --against 0
expect_exit 0 admission step "$T" decision --date 2025-05-20 --number 6-QĐ
expect_exit 0 --json admission step "$T" ceremony --date 2025-06-02 --mentor 5
json_val 'd["member_id"]'
MT=$JV
expect_exit 0 --json member transfer "$MT" --to C31 --date 2025-09-01 --reason "điều động"
json_val 'd["id"]'
expect_exit 0 member receive "$JV" --date 2025-09-05
expect_exit 0 --json admission show "$T"
expect_json 'd["org"] == "C31" and d["stage"] == "probation" and d["steps"][-1]["step"] == "transfer" and d["steps"][-1]["date"] == "2025-09-05"' \
	"the case went with the member to C31"
CADRE_TOKEN=$T_C1 expect_refused 4 "no admission case" admission show "$T"
CADRE_TOKEN=$T_C31 expect_exit 0 --json admission list
expect_json '[x["id"] for x in d] == ['"$T"']' "C31 keeps it now"
# The recognition is voted by C31's official members that day (3: member 17 left in 2023).
expect_exit 0 --json admission step "$T" recognition_vote --date 2026-06-02 --present 3 --for 1 --against 2
expect_json 'd["step"]["eligible"] == 3 and d["step"]["passed"] is False and d["failed_votes"] == 1' \
	"1 of 3 is short of 2/3"
expect_exit 0 member status "$MT" deceased --date 2026-06-20 --reason "tai nạn"
expect_exit 0 --json admission show "$T"
expect_json 'd["stage"] == "withdrawn" and d["due"] is None and d["steps"][-1]["detail"]["member_status"] == "deceased"' \
	"a death mid-probation closes the case"
expect_exit 0 org add C3 --parent E98 --kind cell --name "Chi bộ Đại đội 3" --date 2020-01-01
cadre --json admission add --org C3 --name "Lò Văn Mới" --sex male --birth-date 2002-02-02 \
	--ethnicity Thái --hometown "Sơn La" --source youth_union --listed-on 2026-03-03
json_val 'd["id"]'
N=$JV
expect_refused 5 "open admission cases" org dissolve C3 --date 2026-10-01
expect_exit 0 org dissolve C3 --members-to C1 --date 2026-10-01
expect_exit 0 --json admission show "$N"
expect_json 'd["org"] == "C1" and d["steps"][-1]["step"] == "transfer"'
# A Youth Union applicant: the union committee's resolution and one official member.
expect_exit 0 admission step "$N" class --date 2026-10-05 --course x --result passed
expect_exit 0 --json admission step "$N" application --date 2026-10-10 --introducer 1:2020-01-01 \
	--resolution "15-NQ/ĐTN ngày 2026-10-01"
expect_json '[(i["member_id"], i["resolution"]) for i in d["step"]["introducers"]] == [(1, ""), (0, "15-NQ/ĐTN ngày 2026-10-01")]'
expect_refused 3 "candidates are kept by a cell" admission add --org E98 --name "Lò Văn Sai" --sex male --birth-date 2002-02-02 \
	--ethnicity Thái --hometown "Sơn La" --source other

# ---------------------------------------------------------------------------------------------
tcase "as of a past date: the probationers of that day (recognised, removed, moved since), the cases at their stage then" "$WORK/base.db"
# Three probationers without a case (ceremony 2025-03-15, probation ended 2026-03-15): P1
# recognised on 2026-05-04 (official from 2026-03-15 by its history), P2 removed on
# 2026-06-01, P3 moved from C2 to C31 (E99) in July.
madd_p C1 "Tạ Văn Chờ"
P1=$MID
madd_p C2 "Kha Văn Bỏ"
P2=$MID
madd_p C2 "Lã Văn Đi"
P3=$MID
expect_exit 0 member status "$P1" official --date 2026-05-04 --reason "chi bộ xét công nhận"
expect_exit 0 member status "$P2" removed --date 2026-06-01 --reason "không đủ tư cách"
expect_exit 0 --json member transfer "$P3" --to C31 --date 2026-07-01 --reason "điều động"
json_val 'd["id"]'
expect_exit 0 member receive "$JV" --date 2026-07-03
probs() { # the (member, cell, overdue) of the probationers without a case on the due list
	expect_json "sorted((x['member_id'], x['org'], x['due']['overdue']) for x in d if x['id'] == 0 and x['member_id'] in ($P1, $P2, $P3)) == $1" "$2"
}
expect_exit 0 --json admission due --org E98 --as-of 2026-04-01
probs "[($P1, 'C1', False), ($P2, 'C2', False), ($P3, 'C2', False)]" \
	"on 2026-04-01 the three were due for recognition (P1 recognised later from 2026-03-15)"
expect_exit 0 --json admission due --org E98 --as-of 2026-05-15
probs "[($P2, 'C2', True), ($P3, 'C2', True)]" "on 2026-05-15 P1 was recognised; the others overdue"
expect_exit 0 --json admission due --org E98 --as-of 2026-06-15
probs "[($P3, 'C2', True)]" "on 2026-06-15 P2 was removed; P3 still on the roll of C2"
expect_exit 0 --json admission due --org E99 --as-of 2026-06-15
probs "[]" "P3 was not in E99 on 2026-06-15"
expect_exit 0 --json admission due --org E99
probs "[($P3, 'C31', True)]" "today P3 is in C31"
expect_exit 0 --json admission due --org C1 --as-of 2025-12-01
probs "[]" "before the end of probation nothing was due"
# The list as of a date: the cases that existed then, at their stage then.
cand "Hứa Văn Xưa" 1999-09-09 2026-01-12
X=$CID
to_verified "$X" 2026-02-02 2026-03-02 2026-04-01
expect_exit 0 admission step "$X" withdrawal --date 2026-06-01 --reason "chuyển công tác"
expect_exit 0 --json admission list --org C1 --as-of 2026-03-10
expect_json '[(x["stage"], x["stage_since"]) for x in d if x["id"] == '"$X"'] == [("applied", "2026-03-02")]' \
	"on 2026-03-10 the case was at its application"
expect_exit 0 --json admission list --org C1 --as-of 2026-01-11
expect_json 'not [x for x in d if x["id"] == '"$X"']' "the day before it was listed the case did not exist"
expect_exit 0 --json admission list --org C1 --as-of 2026-05-01 --stage verified
expect_json '[x["id"] for x in d] == ['"$X"']' "the stage of that day picks"
expect_exit 0 --json admission list --org C1 --as-of 2026-07-01
expect_json 'not [x for x in d if x["id"] == '"$X"']' "withdrawn by then: not among the open cases"
expect_exit 0 --json admission list --org C1 --as-of 2026-07-01 --stage all
expect_json '[x["stage"] for x in d if x["id"] == '"$X"'] == ["withdrawn"]'
expect_exit 0 --json admission list --org C1
expect_json 'not [x for x in d if x["id"] == '"$X"']' "today: withdrawn, not open"
expect_exit 0 admission list --org C1 --as-of 2026-03-10
expect_out_contains "Hứa Văn Xưa"
# A case moved out of the subtree since: counted where it was that day.
cand "Mạc Văn Rời" 2000-10-10 2026-01-12
Y=$CID
expect_exit 0 admission step "$Y" transfer --date 2026-04-01 --body C31 --reason "điều động"
expect_exit 0 --json admission list --org E98 --as-of 2026-03-10
expect_json '[(x["org"], x["stage"]) for x in d if x["id"] == '"$Y"'] == [("C1", "candidate")]' \
	"on 2026-03-10 the case was kept by C1 (moved to C31 since)"
expect_exit 0 --json admission list --org E99 --as-of 2026-03-10
expect_json 'not [x for x in d if x["id"] == '"$Y"']' "and not by E99 then"
expect_exit 0 --json admission list --org E99
expect_json '[x["org"] for x in d if x["id"] == '"$Y"'] == ["C31"]' "today in C31"

# ---------------------------------------------------------------------------------------------
tcase "a step refused on mMEMBER_ID leaves no case opened" "$WORK/base.db"
# expect_refused: the database unchanged (the case is opened in the step's transaction).
expect_refused 5 "R-PROBATION-MONTHS" admission step m10 recognition_vote --date 2026-11-20 \
	--present 9 --for 9 --against 0
expect_exit 0 --json admission list --org C1 --stage all
expect_json 'not [x for x in d if x["member_id"] == 10]' "no case was opened for member 10"
# A case moves only to a cell that existed on the step's date.
expect_exit 0 org add C9 --parent E98 --kind cell --name "Chi bộ Đại đội 9" --date 2026-06-01
cand "Phí Văn Dời" 2001-01-01 2026-02-02
expect_refused 5 "2026-06-01" admission step "$CID" transfer --date 2026-05-04 --body C9
expect_exit 0 --json admission step "$CID" transfer --date 2026-06-01 --body C9
expect_json 'd["org"] == "C9"'

# ---------------------------------------------------------------------------------------------
tcase "the audit log names a case by its candidate within the reader's subtree, not outside it" "$WORK/base.db"
cand "Thân Văn Ghi" 2001-01-01 2026-02-02
G=$CID
subj() { # the subject names of admission:ID's entries as the reader sees them
	expect_json "sorted({x['subject_name'] for x in d if x['subject'] == 'admission:$1'}, key=str) == $2" "$3"
}
CADRE_TOKEN=$T_C1 expect_exit 0 --json audit list
subj "$G" "['Thân Văn Ghi']" "the cell's clerk sees the candidate's name"
expect_exit 0 admission step "$G" transfer --date 2026-03-02 --body C31 --reason "điều động"
CADRE_TOKEN=$T_C1 expect_exit 0 --json audit list
subj "$G" "[None]" "moved out of C1: the raw reference only"
expect_exit 0 --json audit list
subj "$G" "['Thân Văn Ghi']" "the whole tree sees it"
expect_exit 0 audit list
expect_out_contains "admission:$G"
expect_exit 0 --json audit list
expect_json '[x["after"]["detail"] for x in d if x["subject"] == "admission:'"$G"'" and x["action"] == "admission.transfer"] == [{"from": "C1", "reason": "điều động"}]' \
	"a step's detail is an object in its audit entry"

# ---------------------------------------------------------------------------------------------
tcase "--help of every admission command" "$WORK/base.db"
for sub in add show step list due; do
	expect_exit 0 admission "$sub" --help
	expect_out_contains "usage: cadre [--db FILE] admission $sub"
done

done_testing
