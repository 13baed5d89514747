#!/bin/bash
# t_review.sh - the yearly quality review from the command line (docs/reviews.md): each
# R-REVIEW-* rule refused with exit 5 and the message naming the rule, the count and the limit
# (the deciders with exit 7: a role question), R-DISCIPLINE-FORMS, locked decisions and their
# revisions, review imports all or nothing, rule versions applied by date, the counters
# checked after a mix of changes, and --help of every new command.
. "$(dirname "$0")/lib.sh"

# ROOT > E98 (grassroots) > C1 (members 1-6), C2 (7-11, 12 probationary);
# ROOT > E99 (grassroots) > C31 (13-17), C32 .. C35 (empty cells).
cat >orgs.csv <<'XEOF'
code,parent_code,name,kind,established
ROOT,,Quân ủy Trung ương,committee,2010-01-01
E98,ROOT,Đảng ủy Trung đoàn 98,grassroots,2012-01-01
C1,E98,Chi bộ Đại đội 1,cell,2012-01-01
C2,E98,Chi bộ Đại đội 2,cell,2012-01-01
E99,ROOT,Đảng ủy Trung đoàn 99,grassroots,2012-01-01
C31,E99,Chi bộ Đại đội 31,cell,2012-01-01
C32,E99,Chi bộ Đại đội 32,cell,2012-01-01
C33,E99,Chi bộ Đại đội 33,cell,2012-01-01
C34,E99,Chi bộ Đại đội 34,cell,2012-01-01
C35,E99,Chi bộ Đại đội 35,cell,2012-01-01
XEOF
{
	echo 'id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status'
	i=0
	for name in "Nguyễn Văn An" "Trần Văn Bình" "Lê Văn Cường" "Phạm Văn Dũng" "Hoàng Văn Hải" \
		"Vũ Văn Hùng" "Đặng Văn Khánh" "Bùi Văn Long" "Đỗ Văn Minh" "Hồ Văn Nam" \
		"Ngô Văn Phong"; do
		i=$((i + 1))
		org=C1
		[ $i -gt 6 ] && org=C2
		echo "$i,$org,$name,male,1990-01-0$(((i % 9) + 1)),Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official"
	done
	echo '12,C2,Lý Thị Quyên,female,2000-05-05,Tày,Cao Bằng,2026-03-01,2026-03-15,,probationary'
	i=12
	for name in "Dương Văn Sơn" "Lương Văn Tâm" "Trịnh Văn Thắng" "Mai Văn Tuấn" "Đinh Văn Việt"; do
		i=$((i + 1))
		echo "$i,C31,$name,male,1985-02-0$(((i % 9) + 1)),Kinh,Tuyên Quang,2010-03-01,2010-03-15,2011-03-15,official"
	done
} >members.csv
build_db "$WORK/base.db" orgs.csv members.csv
printf 'một mật khẩu đủ dài\n' >pw.txt

# decide ID GRADE [OPTIONS]: a decision for 2026 that must be accepted.
decide() {
	local id=$1 grade=$2
	shift 2
	expect_exit 0 review member "$id" --year 2026 --grade "$grade" "$@"
}

# token_for ACCOUNT ROLE ORG: make an account and an API token for it; TOKEN is set.
token_for() {
	STDIN=pw.txt expect_exit 0 user add "$1" --role "$2" --org "$3"
	expect_exit 0 --json token add "$1"
	json_val 'd["token"]'
	TOKEN=$JV
}

# ---------------------------------------------------------------------------------------------
tcase "R-REVIEW-EXCELLENT-QUOTA: exactly 20% excellent is accepted, one over is refused and nothing stored" "$WORK/base.db"
for id in 1 2 3 4 5 6 7 8; do decide $id good; done
decide 9 excellent
decide 10 excellent
expect_out_contains "decision for 2026 recorded: excellent, revision 1, decided by E98"
expect_refused 5 "R-REVIEW-EXCELLENT-QUOTA" review member 11 --year 2026 --grade excellent
expect_err_contains "3 members of E98 would be excellent"
expect_err_contains "at most 20% of the 11 rated good or better may be, that is 2"
expect_exit 0 --json review history 11
expect_json 'd == []' "the refused decision is not stored"
decide 11 good
expect_exit 0 review sheet C2 --year 2026
expect_out_contains "excellent so far in E98: 2 of 11 rated good or better (limit 20%)"

tcase "R-REVIEW-EXCELLENT-QUOTA is counted per grassroots organisation" "$WORK/base.db"
for id in 1 2 3 4; do decide $id good; done
decide 5 excellent
# E99 has its own count: one excellent of one rated is over 20% there, whatever E98 has.
expect_refused 5 "R-REVIEW-EXCELLENT-QUOTA" review member 13 --year 2026 --grade excellent
expect_err_contains "1 members of E99 would be excellent"
# Another year is another count.
expect_refused 5 "R-REVIEW-EXCELLENT-QUOTA" review member 1 --year 2025 --grade excellent

# ---------------------------------------------------------------------------------------------
tcase "R-REVIEW-SCORE-EXCELLENT, -GOOD, -COMPLETE: a score gives the grade; a contradicting grade is refused" "$WORK/base.db"
for pair in 90:excellent 89:good 70:good 69:complete 50:complete 49:not_complete 100:excellent 0:not_complete; do
	expect_exit 0 --json review member 1 --year 2026 --step self --score "${pair%%:*}"
	expect_json "d['grade'] == '${pair#*:}' and d['score'] == ${pair%%:*} and d['step'] == 'self'" \
		"score ${pair%%:*} gives ${pair#*:}"
done
expect_refused 5 "R-REVIEW-SCORE-" review member 2 --year 2026 --score 95 --grade good
expect_err_contains "a score of 95 gives the grade excellent, not good"
expect_refused 5 "R-REVIEW-SCORE-" review member 2 --year 2026 --score 60 --grade good
expect_err_contains "a score of 60 gives the grade complete, not good"
expect_exit 0 --json review member 2 --year 2026 --score 89
expect_json 'd["step"] == "decision" and d["grade"] == "good" and d["revision"] == 1 and d["current"]' \
	"a decision by score 89 is good"
expect_refused 2 "0 to 100" review member 3 --year 2026 --score 101
expect_refused 2 "--grade" review member 3 --year 2026
expect_refused 2 "excellent, good, complete, not_complete" review member 3 --year 2026 --grade great
expect_refused 2 "self, proposal, decision" review member 3 --year 2026 --grade good --step final
expect_refused 2 "--year YEAR is required" review member 3 --grade good
expect_refused 4 "no member has the id 99" review member 99 --year 2026 --grade good
expect_refused 5 "after today (2026-11-23); record a change once it has taken effect [R-MEMBER-DATES]" review member 3 --year 2026 --grade good --date 2026-12-01

# ---------------------------------------------------------------------------------------------
tcase "R-REVIEW-DISCIPLINED-MEMBER: a member disciplined in the year is at best not complete" "$WORK/base.db"
expect_exit 0 discipline add --act-date 2026-01-15 --member 3 --form warning --body E98 --reason "bỏ sinh hoạt hai kỳ" --date 2026-03-01
expect_out_contains "discipline 1 recorded: warning of member 3"
expect_refused 5 "R-REVIEW-DISCIPLINED-MEMBER" review member 3 --year 2026 --grade complete
expect_err_contains "can be at best not_complete"
decide 3 not_complete
# The discipline of 2026 does not touch 2025.
expect_exit 0 review member 3 --year 2025 --grade good
expect_exit 0 review sheet C1 --year 2026
expect_out_contains "disciplined this year"

tcase "R-DISCIPLINE-FORMS: a probationary member cannot be expelled; forms by target" "$WORK/base.db"
expect_refused 5 "R-DISCIPLINE-FORMS" discipline add --act-date 2026-03-20 --member 12 --form expulsion --body E98 --reason "vi phạm"
expect_err_contains "expulsion does not apply to a member on probation"
expect_exit 0 discipline add --act-date 2026-03-20 --member 12 --form warning --body C2 --reason "vi phạm"
expect_exit 0 discipline add --act-date 2026-01-15 --member 7 --form expulsion --body E98 --reason "vi phạm nghiêm trọng"
expect_refused 5 "R-DISCIPLINE-FORMS" discipline add --act-date 2026-01-15 --member 7 --form dissolution --body E98 --reason "x"
expect_refused 5 "R-DISCIPLINE-FORMS" discipline add --act-date 2026-01-15 --org C1 --form expulsion --body E98 --reason "x"
expect_refused 3 "deciding body" discipline add --act-date 2026-01-15 --org C1 --form reprimand --body C1 --reason "x"
expect_refused 3 "say why" discipline add --act-date 2026-01-15 --org C1 --form reprimand --body E98
expect_refused 2 "one of them" discipline add --act-date 2026-01-15 --member 7 --org C1 --form warning --body E98 --reason x
expect_refused 2 "--form is one of" discipline add --act-date 2026-01-15 --member 7 --form scolding --body E98 --reason x
expect_exit 0 --json discipline list --org C2 --year 2026
expect_json '[(x["member_id"], x["form"], x["body"]) for x in d] == [(7, "expulsion", "E98"), (12, "warning", "C2")]' \
	"the list, newest first"
expect_exit 0 --json discipline list --year 2025
expect_json 'd == []'
expect_exit 0 discipline list
expect_out_contains "member 12 Lý Thị Quyên"

# ---------------------------------------------------------------------------------------------
tcase "R-REVIEW-ORG-EXCELLENT: every member at least complete and 80% good or better" "$WORK/base.db"
for id in 1 2 3 4 5; do decide $id good; done
expect_refused 5 "R-REVIEW-ORG-EXCELLENT" review org C1 --year 2026 --grade excellent
expect_err_contains "all of its 6 members or sub-units are at least complete: 0 are not complete and 1 not yet graded"
decide 6 complete
# 5 of 6 good or better: 83% >= 80%.
expect_exit 0 --json review org C1 --year 2026 --grade excellent
expect_json 'd["grade"] == "excellent" and d["body"] == "E98" and "R-REVIEW-ORG-EXCELLENT v1" in d["rules"]'
# C2: 2 of 5 good (40%), the rest complete.
for id in 7 8; do decide $id good; done
for id in 9 10 11; do decide $id complete; done
decide 12 complete
expect_refused 5 "R-REVIEW-ORG-EXCELLENT" review org C2 --year 2026 --grade excellent
expect_err_contains "at least 80% of its members or sub-units are good or better: 2 of 6 are"
expect_exit 0 review org C2 --year 2026 --grade good

tcase "R-REVIEW-ORG-NOT-COMPLETE: leadership disciplined" "$WORK/base.db"
expect_exit 0 discipline add --act-date 2026-01-15 --org C2 --form reprimand --body E98 --reason "buông lỏng lãnh đạo" --date 2026-04-01
expect_refused 5 "R-REVIEW-ORG-NOT-COMPLETE" review org C2 --year 2026 --grade complete
expect_err_contains "its leadership was disciplined during the year"
expect_exit 0 review org C2 --year 2026 --grade not_complete

tcase "R-REVIEW-ORG-NOT-COMPLETE: more than 20% of the sub-units disciplined" "$WORK/base.db"
# E99 has five cells: one disciplined is 20%, not more.
expect_exit 0 discipline add --act-date 2026-01-15 --org C31 --form warning --body E99 --reason "x" --date 2026-02-01
expect_exit 0 review org E99 --year 2026 --grade good
expect_exit 0 discipline add --act-date 2026-01-15 --org C32 --form reprimand --body E99 --reason "y" --date 2026-05-01
expect_refused 5 "R-REVIEW-ORG-NOT-COMPLETE" review org E99 --year 2026 --grade good --reason "xét lại"
expect_err_contains "2 of its 5 sub-units were disciplined during the year, more than 20%"
expect_exit 0 --json review org E99 --year 2026 --grade not_complete --reason "xét lại"
expect_json 'd["revision"] == 2 and d["body"] == "ROOT"'

# ---------------------------------------------------------------------------------------------
tcase "R-REVIEW-MEMBER-DECIDER and R-REVIEW-ORG-DECIDER: a clerk of a cell proposes, the grassroots committee decides" "$WORK/base.db"
token_for clerk.c1 clerk C1
T_C1=$TOKEN
token_for clerk.e98 clerk E98
T_E98=$TOKEN
token_for viewer.e98 viewer E98
T_VIEW=$TOKEN
CADRE_TOKEN=$T_C1 expect_refused 7 "R-REVIEW-MEMBER-DECIDER" review member 1 --year 2026 --grade good
expect_err_contains "decided by the grassroots organisation, which your role does not cover whole"
expect_err_lacks "E98"
expect_err_contains "record a proposal instead"
CADRE_TOKEN=$T_C1 expect_exit 0 --json review member 1 --year 2026 --grade good --step proposal
expect_json 'd["step"] == "proposal" and d["by"] == "clerk.c1" and d["body"] == "C1"' "the cell proposes"
CADRE_TOKEN=$T_C1 expect_exit 0 review sheet C1 --year 2026
expect_out_contains "the grassroots committee decides"
CADRE_TOKEN=$T_C1 expect_refused 7 "R-REVIEW-ORG-DECIDER" review org C1 --year 2026 --grade good
expect_err_contains "decided by the standing committee of the organisation above it"
expect_err_lacks "E98"
# Out of sight is not found, as for anything outside a scope.
CADRE_TOKEN=$T_C1 expect_refused 4 "no member has the id 7" review member 7 --year 2026 --grade good
CADRE_TOKEN=$T_E98 expect_exit 0 --json review member 1 --year 2026 --grade good
expect_json 'd["by"] == "clerk.e98" and d["body"] == "E98"' "the grassroots committee decides"
CADRE_TOKEN=$T_E98 expect_exit 0 review org C1 --year 2026 --grade good
CADRE_TOKEN=$T_E98 expect_refused 7 "R-REVIEW-ORG-DECIDER" review org E98 --year 2026 --grade good
expect_err_contains "decided by the standing committee of the organisation above it"
expect_err_lacks "ROOT"
CADRE_TOKEN=$T_VIEW expect_refused 7 "viewer" review member 2 --year 2026 --grade good
expect_exit 0 --json review history 1
expect_json '[(x["step"], x["by"]) for x in d] == [("proposal", "clerk.c1"), ("decision", "clerk.e98")]' \
	"only the allowed steps are stored"
expect_exit 0 --json review history --org C1
expect_json '[(x["grade"], x["by"]) for x in d] == [("good", "clerk.e98")]'
run_raw env CADRE_TOKEN=cdr_not_a_token "$CADRE" --db "$DB" review history 1
expect_eq "a bad token is refused" 7 "$RC"
expect_err_contains "the token is not valid"

# ---------------------------------------------------------------------------------------------
tcase "a locked decision changes only with a reason: revision 2, the history shows both" "$WORK/base.db"
decide 1 good
expect_refused 5 "is locked" review member 1 --year 2026 --grade complete
expect_err_contains "give a reason: the change becomes revision 2"
expect_exit 0 --json review history 1
expect_json 'len(d) == 1' "the refused change is not stored"
expect_exit 0 review member 1 --year 2026 --grade complete --reason "khiếu nại được chấp nhận"
expect_out_contains "complete, revision 2"
expect_exit 0 --json review history 1
expect_json '[(x["revision"], x["grade"], x["current"], x["reason"]) for x in d] == [(1, "good", False, ""), (2, "complete", True, "khiếu nại được chấp nhận")]' \
	"both decisions, the second in force"
expect_json 'all("R-REVIEW-EXCELLENT-QUOTA v1" in x["rules"] and "R-REVIEW-MEMBER-DECIDER v1" in x["rules"] for x in d)' \
	"the rules applied are kept with each decision"
expect_exit 0 review history 1
expect_out_contains "REVISION"
expect_out_contains "khiếu nại được chấp nhận"
expect_exit 0 --json audit list
expect_json '[x["action"] for x in d[:2]] == ["review.member.decision", "review.member.decision"]' "each decision audited"
expect_refused 2 "one of them" review history 1 --org C1
expect_refused 2 "one of them" review history

# ---------------------------------------------------------------------------------------------
tcase "review sheet: the cell's roll with each step, and the quota line" "$WORK/base.db"
expect_exit 0 review member 1 --year 2026 --step self --score 92
expect_exit 0 review member 1 --year 2026 --step proposal --grade excellent
for id in 2 3 4 5 7; do decide $id good; done
decide 1 excellent
expect_exit 0 review sheet C1 --year 2026
expect_out_contains "excellent (92)"
expect_out_contains "excellent so far in E98: 1 of 6 rated good or better (limit 20%)"
expect_out_contains "your role may decide these grades"
expect_exit 0 --json review sheet C1 --year 2026
expect_json '[(r["member_id"], r["self"], r["proposal"], r["decision"]) for r in d["rows"]][:1] == [(1, "excellent", "excellent", "excellent")] and len(d["rows"]) == 6' \
	"each member of the cell with self, proposal, decision"
expect_json 'd["quota"] == {"limit_pct": 20, "excellent": 1, "good_or_better": 6} and d["grassroots_code"] == "E98"'
expect_refused 4 "NOPE" review sheet NOPE --year 2026

# ---------------------------------------------------------------------------------------------
tcase "emulation rate: criteria of a model" "$WORK/base.db"
expect_exit 0 emulation rate C1 --model chi-bo-4-tot --year 2026 --met 1,0,1,1
expect_out_contains "3 of 4 criteria met, 4 required: the title is not earned"
expect_out_contains "(version 1)"
expect_refused 3 "has 4 criteria" emulation rate C1 --model chi-bo-4-tot --year 2026 --met 1,1
expect_refused 4 "no emulation model nope; 'cadre emulation models' lists them" emulation rate C1 --model nope --year 2026 --met 1
expect_refused 2 "--met" emulation rate C1 --model chi-bo-4-tot --year 2026 --met 1,2,1,1
expect_refused 3 "E98 is a grassroots organisation, not a cell" emulation rate E98 --model chi-bo-4-tot --year 2026 --met 1,1,1,1
expect_refused 3 "between 1930 and 2026" emulation rate C1 --model chi-bo-4-tot --year 2027 --met 1,1,1,1
expect_refused 4 "no organisation has the code 'C99'" emulation rate C99 --model chi-bo-4-tot --year 2026 --met 1,1,1,1
expect_exit 0 --json emulation rate C1 --model 4-tot-3-khong --year 2026 --met 1,1,1,1,1,1,1
expect_json 'd["org_code"] == "C1" and d["model"] == "4-tot-3-khong" and d["year"] == 2026 and d["version"] == 1 and d["criteria_met"] == 7 and d["required"] == 7 and d["earned"] is True and d["current"] is True and len(d["criteria"]) == 7'

# ---------------------------------------------------------------------------------------------
tcase "emulation models and add: a newer version from a date; ratings keep the version they were judged against" "$WORK/base.db"
expect_exit 0 emulation models
expect_out_contains "chi-bo-4-tot"
expect_out_contains "1. Tốt về chính trị, tư tưởng"
expect_exit 0 --json emulation models
expect_json '[(m["code"], m["in_force_version"], len(m["versions"])) for m in d] == [("4-tot-3-khong", 1, 1), ("chi-bo-4-tot", 1, 1)]'
expect_json 'd[1]["versions"][0]["required"] == 4 and len(d[1]["versions"][0]["criteria"]) == 4 and d[1]["versions"][0]["effective_from"] == "2011-01-19"'
expect_exit 0 emulation rate C1 --model chi-bo-4-tot --year 2025 --met 1,1,1,1
printf 'Tốt về chính trị\n\nTốt về lãnh đạo\r\nKhông có vi phạm\n' >crit.txt
expect_exit 0 emulation add chi-bo-4-tot --name "Chi bộ 4 tốt (2026)" --criteria-file crit.txt --required 2 --from 2026-06-01 --source "09-CT/ĐU"
expect_out_contains "emulation model chi-bo-4-tot version 2 added: 3 criteria, 2 to meet, in force from 2026-06-01"
expect_exit 0 --json emulation models
expect_json '[(v["version"], v["in_force"], v["effective_from"]) for v in d[1]["versions"]] == [(1, False, "2011-01-19"), (2, True, "2026-06-01")] and d[1]["name"] == "Chi bộ 4 tốt (2026)"'
expect_json 'd[1]["versions"][1]["criteria"] == ["Tốt về chính trị", "Tốt về lãnh đạo", "Không có vi phạm"] and d[1]["versions"][1]["added_by"] == "cli:clitest" and d[1]["versions"][1]["source"] == "09-CT/ĐU"'
expect_refused 3 "has 3 criteria" emulation rate C1 --model chi-bo-4-tot --year 2026 --met 1,1,1,1
expect_exit 0 emulation rate C1 --model chi-bo-4-tot --year 2026 --met 1,1,0
expect_out_contains "rated against chi-bo-4-tot (version 2) for 2026: 2 of 3 criteria met, 2 required: the title is earned"
expect_exit 0 emulation rate C1 --model chi-bo-4-tot --year 2026 --met 1,0,0
expect_exit 0 emulation ratings --org E98
expect_out_contains "ORG  YEAR  MODEL"
expect_exit 0 --json emulation ratings
expect_json '[(r["year"], r["version"], r["criteria_met"], r["earned"], r["current"]) for r in d] == [(2025, 1, 4, True, True), (2026, 2, 2, True, False), (2026, 2, 1, False, True)]' \
	"2025 judged against version 1, 2026 against version 2; the newer 2026 rating is current"
expect_json 'd[0]["criteria"][0] == {"text": "Tốt về chính trị, tư tưởng (good in politics and thought)", "met": True}' \
	"a rating keeps the criteria of its version"
expect_exit 0 --json emulation ratings --org C1 --year 2025
expect_json 'len(d) == 1 and d[0]["year"] == 2025'
expect_exit 0 emulation ratings --org C31
expect_err_contains "no emulation rating"
expect_refused 4 "C99" emulation ratings --org C99
expect_exit 0 emulation add 3-tot-3-khong --name "3 tốt 3 không" --criterion "Tốt A" --criterion "Tốt B" --required 1
expect_out_contains "version 1 added: 2 criteria, 1 to meet, in force from 2026-11-23"

tcase "emulation add: every mistake at once, and only a system administrator" "$WORK/base.db"
expect_refused 3 "the code holds a character other than a-z" emulation add "Bad Code" --name " " --criterion "" --criterion "ok" --required 5
expect_err_contains "give the model's name"
expect_err_contains "criterion 1 is empty"
expect_err_contains "give how many of the 2 criteria a cell must meet to earn the title: 1 to 2"
expect_refused 3 "chi-bo-4-tot version 1 is in force from 2011-01-19; a newer version starts after that date" emulation add chi-bo-4-tot --name x --criterion a --required 1 --from 2011-01-19
expect_refused 3 "a model has 1 to 20 criteria, not 21" emulation add big --name x --required 1 $(for i in $(seq 21); do printf -- '--criterion c%d ' "$i"; done)
expect_refused 3 "criterion 1 is 201 bytes long; shorten it to at most 200" emulation add long --name x --criterion "$(printf 'a%.0s' $(seq 201))" --required 1
expect_refused 2 "not both" emulation add x1 --name x --criterion a --criteria-file crit.txt --required 1
expect_refused 2 "--required is required" emulation add x1 --name x --criterion a
expect_refused 2 "cannot read the criteria file" emulation add x1 --name x --criteria-file /nonexistent --required 1
token_for admin.root org_admin ROOT
CADRE_TOKEN=$TOKEN expect_refused 7 "only a system administrator may add an emulation model version" emulation add chi-bo-4-tot --name x --criterion a --required 1 --from 2026-01-01
token_for clerk.c1 clerk C1
CADRE_TOKEN=$TOKEN expect_exit 0 emulation rate C1 --model chi-bo-4-tot --year 2026 --met 1,1,1,1
CADRE_TOKEN=$TOKEN expect_refused 4 "no organisation has the code 'C31'" emulation rate C31 --model chi-bo-4-tot --year 2026 --met 1,1,1,1
CADRE_TOKEN=$TOKEN expect_refused 4 "C31" emulation ratings --org C31
CADRE_TOKEN=$TOKEN expect_exit 0 --json emulation models
expect_json 'len(d) == 2' "any role reads the models"
expect_exit 0 --json emulation models
expect_json 'all(len(m["versions"]) == 1 for m in d)' "nothing added by the refused commands"

# ---------------------------------------------------------------------------------------------
tcase "import reviews: all or nothing, every bad line reported" "$WORK/base.db"
cat >bad.csv <<'XEOF'
member_id,year,grade,score,step,date,reason
1,2026,good,,,,
x2,2026,good,,,,
3,20x6,good,,,,
4,2026,great,,,,
5,2026,good,101,,,
6,2026,good,,final,,
7,2026,good,,,2026-02-30,
8,2026,good,,,
XEOF
expect_refused 3 "line 3: member_id 'x2'" import reviews bad.csv
expect_err_contains "line 4: year '20x6'"
expect_err_contains "line 5: grade 'great': unknown grade"
expect_err_contains "line 6: score '101'"
expect_err_contains "line 7: step 'final': unknown step"
expect_err_contains "line 8: date '2026-02-30'"
expect_err_contains "line 9: the row has 6 fields but the header has 7"
expect_err_lacks "line 2:"
expect_err_contains "nothing was imported: 7 of 8 rows have problems"
expect_exit 0 --json review history 1
expect_json 'd == []' "the good line is not stored either"
printf 'member_id,year,grade,mark\n1,2026,good,x\n' >unknown.csv
expect_refused 3 "column 4 'mark' is not a known column" import reviews unknown.csv
printf 'member_id,year\n1,2026\n' >missing.csv
expect_refused 3 "the header has no 'grade' column" import reviews missing.csv
printf 'member_id,year,grade\n1,2026,good\n99,2026,good\n2,2026,good\n' >nobody.csv
expect_refused 4 "line 3: id: no member has the id 99" import reviews nobody.csv
expect_exit 0 --json review history 1
expect_json 'd == []' "a file with one unknown member stores nothing"
expect_refused 2 "all or nothing" import reviews nobody.csv --skip-bad rejects.csv
expect_true "no rejects file is written" test ! -e rejects.csv

tcase "import reviews: the quota over the whole file, per grassroots organisation" "$WORK/base.db"
# The excellent rows first: row by row they would be over the quota; the file as a whole is not.
cat >ok.csv <<'XEOF'
member_id,year,grade,score,step,date,reason
9,2026,excellent,,,,
10,2026,,95,decision,2026-11-01,
1,2026,good,,,,
2,2026,good,,,,
3,2026,good,,,,
4,2026,good,,,,
5,2026,good,,,,
6,2026,good,,,,
7,2026,good,,,,
8,2026,good,,,,
11,2026,good,85,self,,
XEOF
STDIN=ok.csv expect_exit 0 import reviews -
expect_out_contains "imported 11 reviews of 11 rows"
expect_exit 0 --json review sheet C2 --year 2026
expect_json '[(r["member_id"], r["self"], r["decision"]) for r in d["rows"] if r["member_id"] in (9, 10, 11)] == [(9, None, "excellent"), (10, None, "excellent"), (11, "good", None)]' \
	"decisions and a self-assessment stored"
expect_json 'd["quota"]["excellent"] == 2 and d["quota"]["good_or_better"] == 10' "exactly 20% in E98"

tcase "import reviews: one grassroots organisation over the quota refuses the whole file" "$WORK/base.db"
cat >over.csv <<'XEOF'
member_id,year,grade
1,2026,good
2,2026,good
3,2026,good
4,2026,good
9,2026,excellent
13,2026,good
14,2026,good
15,2026,good
16,2026,excellent
17,2026,excellent
XEOF
expect_refused 5 "R-REVIEW-EXCELLENT-QUOTA" import reviews over.csv
expect_err_contains "2 members of E99 would be excellent, but at most 20% of the 5 rated good or better may be, that is 1"
expect_err_lacks "members of E98"
expect_exit 0 --json review history 1
expect_json 'd == []' "E98's rows, within its quota, are not stored either"
expect_exit 0 --json review history 13
expect_json 'd == []'

tcase "import reviews: a file over several chunks is one batch (CADRE_REVIEW_CHUNK=3)" "$WORK/base.db"
# ok.csv's 11 rows in 4 chunks: the two excellent ones come first, the good ones that keep them
# within E98's quota come in the later chunks; the quota is counted at the end, over them all.
CADRE_REVIEW_CHUNK=3 STDIN=ok.csv expect_exit 0 import reviews -
expect_out_contains "imported 11 reviews of 11 rows"
expect_exit 0 --json review sheet C2 --year 2026
expect_json 'd["quota"]["excellent"] == 2 and d["quota"]["good_or_better"] == 10' "every chunk stored"
expect_json '[(r["member_id"], r["self"], r["decision"]) for r in d["rows"] if r["member_id"] in (9, 10, 11)] == [(9, None, "excellent"), (10, None, "excellent"), (11, "good", None)]'
expect_exit 0 --json review history 1
expect_json '[(v["grade"], v["revision"]) for v in d] == [("good", 1)]' "the first chunk's rows too"

tcase "import reviews: over the quota in a later chunk refuses the whole file (CADRE_REVIEW_CHUNK=3)" "$WORK/base.db"
# E99's two excellent members are in the third and fourth chunks; E98's rows, stored with the
# first chunks, are rolled back with the rest.
CADRE_REVIEW_CHUNK=3 expect_refused 5 "R-REVIEW-EXCELLENT-QUOTA" import reviews over.csv
expect_err_contains "2 members of E99 would be excellent, but at most 20% of the 5 rated good or better may be, that is 1"
expect_err_contains "nothing was imported"
expect_exit 0 --json review history 1
expect_json 'd == []' "the first chunk is not stored"
expect_exit 0 --json review history 17
expect_json 'd == []'

tcase "import reviews: a member decided twice, the second time in a later chunk (CADRE_REVIEW_CHUNK=3)" "$WORK/base.db"
cat >twice.csv <<'XEOF'
member_id,year,grade,score,step,date,reason
1,2026,good,,,,
2,2026,good,,,,
3,2026,good,,,,
4,2026,good,,,,
5,2026,good,,,,
6,2026,good,,,,
7,2026,good,,,,
8,2026,good,,,,
1,2026,complete,,,,khiếu nại được chấp nhận
XEOF
CADRE_REVIEW_CHUNK=3 expect_refused 3 "line 10: member_id: member 1 is graded twice for 2026 (also on line 2)" import reviews twice.csv
expect_err_contains "nothing was imported: 1 of 9 rows have problems"
expect_exit 0 --json review history 1
expect_json 'd == []' "neither decision is stored"
expect_exit 0 --json review history 8
expect_json 'd == []'

tcase "import reviews: a malformed row in a later chunk; only the malformed rows are reported (CADRE_REVIEW_CHUNK=3)" "$WORK/base.db"
printf 'member_id,year,grade\n99,2026,good\n1,2026,good\n2,2026,good\n3,2026,good\n4,2026,good\n5,2026,great\n6,2026,good\n' >late.csv
CADRE_REVIEW_CHUNK=3 expect_refused 3 "line 7: grade 'great': unknown grade" import reviews late.csv
expect_err_lacks "no member has the id 99"
expect_err_contains "nothing was imported: 1 of 7 rows have problems"
expect_exit 0 --json review history 1
expect_json 'd == []'

tcase "import org-reviews: in file order, all or nothing" "$WORK/base.db"
for id in 1 2 3 4 5 6; do decide $id good; done
cat >orgs-ok.csv <<'XEOF'
org_code,year,grade,reason
C1,2026,excellent,
C2,2026,good,
E98,2026,good,
XEOF
expect_exit 0 import org-reviews orgs-ok.csv
expect_out_contains "imported 3 org-reviews of 3 rows"
expect_exit 0 --json review history --org E98
expect_json 'd[0]["grade"] == "good" and d[0]["body"] == "ROOT"'
printf 'org_code,year,grade\nC31,2026,good\nNOPE,2026,good\nROOT,2026,good\n' >orgs-bad.csv
expect_refused_in "4 7" "line 3" import org-reviews orgs-bad.csv
expect_err_contains "NOPE"
expect_err_contains "line 4"
expect_err_contains "R-REVIEW-ORG-DECIDER"
expect_exit 0 --json review history --org C31
expect_json 'd == []' "C31's good line is not stored"

# ---------------------------------------------------------------------------------------------
tcase "rules add: a new value applies from its date; a decision dated before keeps the old one" "$WORK/base.db"
expect_exit 0 --json rules add R-REVIEW-EXCELLENT-QUOTA --value 30 --from 2026-06-01 --source "thử nghiệm (test)"
expect_json 'd["version"] == 2 and d["value"] == "30" and d["effective_from"] == "2026-06-01"'
expect_exit 0 --json rules
expect_json '[(r["version"], r["value"], r["in_force"]) for r in d if r["id"] == "R-REVIEW-EXCELLENT-QUOTA"] == [(1, "20", False), (2, "30", True)]' \
	"both versions listed, the new one in force"
expect_exit 0 rules
expect_out_contains "1 (not in force)"
expect_exit 0 --json rules --as-of 2026-05-31
expect_json '[(r["version"], r["in_force"]) for r in d if r["id"] == "R-REVIEW-EXCELLENT-QUOTA"] == [(1, True), (2, False)]'
for id in 1 2 3 4 5 6 7 8; do decide $id good --date 2026-05-01; done
decide 9 excellent --date 2026-05-01
decide 10 excellent --date 2026-05-01
# A third excellent of 11: over 20% (the rule of May), within 30% (that of July).
expect_refused 5 "at most 20% of the 11 rated good or better may be, that is 2" review member 11 --year 2026 --grade excellent --date 2026-05-01
expect_exit 0 --json review member 11 --year 2026 --grade excellent --date 2026-07-01
expect_json '"R-REVIEW-EXCELLENT-QUOTA v2" in d["rules"]' "the decision names the version it applied"
expect_exit 0 --json review history 10
expect_json '"R-REVIEW-EXCELLENT-QUOTA v1" in d[0]["rules"]' "the May decision applied version 1"
expect_refused 5 "at most 30% of the 12 rated good or better may be, that is 3" review member 12 --year 2026 --grade excellent
expect_refused 3 "is a number" rules add R-REVIEW-EXCELLENT-QUOTA --value lots --from 2026-07-01 --source x
expect_refused 4 "there is no rule R-NOPE" rules add R-NOPE --value 1 --from 2026-07-01 --source x
expect_refused 2 "--source is required" rules add R-REVIEW-EXCELLENT-QUOTA --value 25 --from 2026-07-01
expect_refused 2 "not a real calendar date" rules add R-REVIEW-EXCELLENT-QUOTA --value 25 --from 2026-02-30 --source x
token_for admin.e98 org_admin E98
CADRE_TOKEN=$TOKEN expect_refused 7 "only a system administrator" rules add R-REVIEW-EXCELLENT-QUOTA --value 50 --from 2026-07-01 --source x

# ---------------------------------------------------------------------------------------------
tcase "figures check passes after a mix of changes (no stale counters)" "$WORK/base.db"
madd C1 "Tạ Văn Xuân"
expect_exit 0 member status 6 exempt --date 2026-06-01
expect_exit 0 member status 12 removed --date 2026-10-01 --reason "không đủ tư cách"
expect_exit 0 --json member transfer 5 --to C31 --date 2026-07-01
json_val 'd["id"]'
expect_exit 0 member receive "$JV" --date 2026-07-10
expect_exit 0 --json member transfer 4 --to C32 --temporary --until 2027-01-10 --date 2026-07-01
json_val 'd["id"]'
expect_exit 0 member receive "$JV" --date 2026-07-05
expect_exit 0 discipline add --act-date 2026-01-15 --member 3 --form warning --body E98 --reason x --date 2026-03-01
expect_exit 0 discipline add --act-date 2026-01-15 --org C33 --form reprimand --body E99 --reason y
for id in 1 2 7 8; do decide $id good; done
decide 3 not_complete
decide 5 good
decide 1 complete --reason "xét lại"
expect_exit 0 review member 9 --year 2026 --step self --score 91
expect_exit 0 review org C2 --year 2026 --grade good
expect_exit 0 review org E98 --year 2026 --grade good
expect_exit 0 figures check
expect_out_contains "every organisation's counters match"
expect_exit 0 --json figures check
expect_json 'd == {"ok": True, "wrong": 0}'
expect_exit 0 figures rebuild
expect_out_contains "nothing to rebuild"

tcase "figures check: counters that differ are named and rebuilt" "$WORK/base.db"
decide 1 good
expect_py "(lambda c: (c.execute(\"UPDATE org_fig SET core = x'' WHERE org_id = (SELECT id FROM org WHERE code = 'C1')\"), c.commit(), c.close(), True)[-1])(__import__('sqlite3').connect('case$T_CASES.db'))" \
	"spoil C1's counters behind cadre's back"
expect_exit 6 figures check
expect_err_contains "the kept counters of 1 organisation differ from a count of the records"
expect_err_contains "cadre figures rebuild"
expect_exit 0 figures rebuild
expect_out_contains "the counters of 1 organisation were wrong and are counted again"
expect_exit 0 figures check
token_for clerk.c1 clerk C1
CADRE_TOKEN=$TOKEN expect_exit 7 figures check
expect_err_contains "only a system administrator"

# ---------------------------------------------------------------------------------------------
tcase "--help of every review, discipline, report and figures command"
for cmd in "review member" "review org" "review history" "review sheet" "discipline add" \
	"discipline list" "emulation rate" "emulation models" "emulation add" "emulation ratings" \
	"report" "report members" "rollup" "rules add" \
	"figures check" "figures rebuild"; do
	# shellcheck disable=SC2086
	run_raw "$CADRE" --db "$WORK/help-nothing.db" $cmd --help
	expect_eq "'cadre $cmd --help' exits 0" 0 "$RC"
	expect_out_contains "usage: cadre [--db FILE] $cmd"
	expect_out_contains "--json"
done
run_raw "$CADRE" review member --help
expect_out_contains "--score VALUE"
expect_out_contains "--reason VALUE"
run_raw "$CADRE" emulation add --help
expect_out_contains "--criterion VALUE"
expect_out_contains "--criteria-file VALUE"
run_raw "$CADRE" report --help
expect_out_contains "--xlsx VALUE"
expect_out_contains "--as-of VALUE"
run_raw "$CADRE" import --help
expect_out_contains "org-reviews"
expect_true "--help creates no database" test ! -e "$WORK/help-nothing.db"

done_testing
