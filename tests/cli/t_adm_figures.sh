#!/bin/bash
# t_adm_figures.sh - the admission figures of the report (docs/admissions.md "Figures"):
# hand-worked counts for a small tree this year, a past year (the stages then, replayed from
# the steps) and a subtree; the tables in JSON and CSV; the people behind each figure (cases
# and members), audited; scope.
. "$(dirname "$0")/lib.sh"

# ROOT > F1 (committee above) > E98 (grassroots) > C1 (members 1-9 official, 10 probationary
# admitted 2026-03-01), C2 (11-13); ROOT > E99 (grassroots) > C31 (14-16). Today 2026-11-23.
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
} >members.csv
printf 'một mật khẩu đủ dài\n' >pw.txt

# cand ORG NAME SOURCE LISTED: list a candidate; CID is its id.
cand() {
	cadre --json admission add --org "$1" --name "$2" --sex male --birth-date 2000-02-02 \
		--ethnicity Kinh --hometown "Hà Giang" --source "$3" --listed-on "$4"
	[ "$RC" = 0 ] || fail "list $2" "exit 0" "exit $RC: $ERR"
	json_val 'd["id"]'
	CID=$JV
}
# step ID STEP ARGS...: a step that must be taken.
step() {
	cadre admission step "$@"
	[ "$RC" = 0 ] || fail "step $2 of case $1" "exit 0" "exit $RC: $ERR"
}
# to_ceremony ID CLASS APPLICATION VERIFICATION CELL_VOTE COMMITTEE DECISION CEREMONY
to_ceremony() {
	step "$1" class --date "$2" --course "Lớp nhận thức" --certificate "BD-$1" --result passed
	step "$1" application --date "$3" --introducer 1:2020-01-01 --introducer 2:2020-01-01
	step "$1" verification --date "$4" --verifier "Đ/c Hải" --conclusion "lý lịch rõ ràng"
	step "$1" cell_vote --date "$5" --present 9 --for 9 --against 0
	step "$1" committee_vote --date "$6" --members 7 --present 7 --for 7 --against 0
	step "$1" decision --date "$7" --number "QĐ-$1"
	step "$1" ceremony --date "$8" --mentor 3
}

# The cases (E98 unless said): A official on time in 2026; B a failed vote in 2025 and
# recognised late in 2026; H three failed votes (two in 2025, one in 2026) and removed by the
# ruling above in 2026; C, D, E candidates of 2026 (D failed its class, E withdrew); F in C2
# passed its class in 2026; G in C31 (another grassroots organisation).
build_fx() {
	local save=$DB
	DB=$1
	build_db "$DB" orgs.csv members.csv
	STDIN=pw.txt cadre user add clerk2 --role clerk --org C2
	cadre --json token add clerk2
	json_val 'd["token"]'
	printf '%s' "$JV" >"$1.token"
	cand C1 "Trần Văn Ứng" soldier 2025-01-10
	to_ceremony "$CID" 2025-02-01 2025-03-01 2025-04-01 2025-05-02 2025-05-10 2025-05-20 2025-06-02
	step "$CID" recognition_vote --date 2026-06-10 --present 9 --for 9 --against 0
	printf '%s ' "$CID" >"$1.cases"
	cand C1 "Lê Văn Bảo" soldier 2024-06-03
	to_ceremony "$CID" 2024-07-01 2024-08-01 2024-09-02 2024-10-01 2024-10-10 2024-10-21 2024-11-04
	step "$CID" recognition_vote --date 2025-11-10 --present 9 --for 2 --against 7
	step "$CID" recognition_vote --date 2026-02-10 --present 9 --for 9 --against 0
	printf '%s ' "$CID" >>"$1.cases"
	cand C1 "Cao Văn Rớt" squad_leader 2024-05-06
	to_ceremony "$CID" 2024-06-03 2024-07-01 2024-08-01 2024-09-02 2024-09-10 2024-09-20 2024-10-01
	step "$CID" recognition_vote --date 2025-10-06 --present 9 --for 2 --against 7
	step "$CID" recognition_vote --date 2025-12-01 --present 9 --for 2 --against 7
	step "$CID" recognition_vote --date 2026-01-12 --present 9 --for 2 --against 7
	step "$CID" upper_ruling --date 2026-02-02 --number 7-QĐ --result failed --reason "không đủ tư cách"
	printf '%s ' "$CID" >>"$1.cases"
	cand C1 "Đoàn Thị Cúc" youth_union 2026-03-02
	printf '%s ' "$CID" >>"$1.cases"
	cand C1 "Hà Văn Đông" squad_leader 2026-03-02
	step "$CID" class --date 2026-04-01 --course "Lớp nhận thức" --result failed
	printf '%s ' "$CID" >>"$1.cases"
	cand C1 "Kiều Văn Em" other 2026-01-15
	step "$CID" withdrawal --date 2026-05-04 --reason "chuyển công tác"
	printf '%s ' "$CID" >>"$1.cases"
	cand C2 "Lâm Văn Phúc" soldier 2026-02-02
	step "$CID" class --date 2026-03-02 --course "Lớp nhận thức" --result passed
	printf '%s ' "$CID" >>"$1.cases"
	cand C31 "Mạc Văn Giang" other 2026-01-05
	printf '%s\n' "$CID" >>"$1.cases"
	DB=$save
}
build_fx "$WORK/fx.db"
read -r A B H C D E F G <"$WORK/fx.db.cases"
T_C2=$(cat "$WORK/fx.db.token")

# cell TABLE ROW: a python expression for the count cell of a row of the last --json report.
cell() {
	printf '[r for r in d["tables"]["%s"]["rows"] if r["key"] == "%s"][0]["count"]' "$1" "$2"
}
stages() {
	printf '{r["key"]: r["count"]["count"] for r in d["tables"]["admission_stages"]["rows"] if r["count"]["count"]}'
}

# ---------------------------------------------------------------------------------------------
tcase "this year: the grassroots organisation's figures, counted by hand" "$WORK/fx.db"
expect_exit 0 --json report --org E98 --year 2026
expect_json "list(d['tables'])[6:10] == ['admissions', 'admission_stages', 'admission_sources', 'admission_year']" \
	"the admission tables follow the admissions"
expect_json "$(stages) == {'candidate': 2, 'class': 1, 'official': 2, 'removed': 1, 'withdrawn': 1, 'open': 3}" \
	"C and D candidates, F at the class, A and B official, H removed, E withdrawn"
expect_json "$(cell admission_stages candidate) == {'count': 2, 'base': 3, 'percent': 66.67}" "percentages of the open cases"
expect_json "[(r['key'], r['count']['count']) for r in d['tables']['admission_sources']['rows']] == [('soldier', 1), ('squad_leader', 1), ('youth_union', 1), ('other', 0)]" \
	"candidates not yet admitted by source (F, D, C; E withdrew)"
expect_json "$(cell admission_year classes) == {'count': 1}" "F's class; D failed its class"
expect_json "$(cell admission_year admitted) == {'count': 1}" "member 10, admitted 2026-03-01"
expect_json "$(cell admission_year probationers) == {'count': 1}" "member 10"
expect_json "$(cell admission_year recognised_on_time) == {'count': 1, 'base': 2, 'percent': 50.0} and $(cell admission_year recognised_late) == {'count': 1, 'base': 2, 'percent': 50.0}" \
	"A on time, B late (due 30 working days after 2025-11-04)"
expect_json "$(cell admission_year failed_votes) == {'count': 1} and $(cell admission_year removed) == {'count': 1}" \
	"H's third failed vote and removal"
# 15 on the rolls on 1 January: 1-9, 11-13 and the members A, B and H had become.
expect_json "$(cell admissions members_at_start) == {'count': 15} and $(cell admissions development_rate) == {'count': 1, 'base': 15, 'percent': 6.67}"
expect_json "[r['filter'] for r in d['tables']['admission_year']['rows']] == ['adm_class=2026', 'admitted=2026', 'probationers=2026', 'adm_on_time=2026', 'adm_late=2026', 'adm_failed=2026', 'adm_removed=2026']"
expect_json "[r['records'] for r in d['tables']['admission_year']['rows']] == ['cases', 'members', 'members', 'cases', 'cases', 'cases', 'cases']" \
	"each row says whether its records are cases or members"
expect_exit 0 report --org E98 --year 2026 --csv
expect_out_contains $'\nadmission_stages,candidate,listed candidates,count,2,3,66.67\n'
expect_out_contains $'\nadmission_year,recognised_late,recognised as official late,count,1,2,50.00\n'

# ---------------------------------------------------------------------------------------------
tcase "a past year: the stages on 31 December 2025, replayed from the steps" "$WORK/fx.db"
expect_exit 0 --json report --org E98 --year 2025
expect_json "$(stages) == {'probation': 3, 'open': 3}" "A, B and H on probation; the 2026 cases not yet listed"
expect_json "$(cell admission_year classes) == {'count': 1} and $(cell admission_year failed_votes) == {'count': 3}" \
	"A's class; B's and two of H's failed votes"
expect_json "$(cell admission_year probationers) == {'count': 2} and $(cell admission_year removed) == {'count': 0}" \
	"A and H probationary on 31 December 2025; B's case waited for its vote, but B is official from the end of probation (2025-11-04) by the status history"
expect_json "$(cell admission_year recognised_on_time) == {'count': 0} and $(cell admission_year recognised_late) == {'count': 0}"
expect_json "$(cell admissions members_at_start) == {'count': 14} and $(cell admissions development_rate) == {'count': 1, 'base': 14, 'percent': 7.14}" \
	"A's decision in 2025 over the 14 of 1 January 2025"
expect_exit 0 --json report cases --org E98 --year 2025 --filter adm_stage=probation
expect_json "sorted(c['id'] for c in d) == sorted([$A, $B, $H])"
expect_json "all(c['stage_now'] in ('official', 'removed') for c in d)" "listed with the stage they have now"
expect_exit 0 --json report members --org E98 --filter probationers=2025
expect_json "sorted(m['full_name'] for m in d) == ['Cao Văn Rớt', 'Trần Văn Ứng']"

# ---------------------------------------------------------------------------------------------
tcase "a subtree: C2 only, and the whole tree" "$WORK/fx.db"
expect_exit 0 --json report --org C2 --year 2026
expect_json "$(stages) == {'class': 1, 'open': 1} and $(cell admission_year classes) == {'count': 1}"
expect_json "$(cell admission_year failed_votes) == {'count': 0} and $(cell admissions members_at_start) == {'count': 3}"
expect_exit 0 --json report --org ROOT --year 2026
expect_json "$(stages) == {'candidate': 3, 'class': 1, 'official': 2, 'removed': 1, 'withdrawn': 1, 'open': 4}" "G in C31 too"
expect_json "[(r['key'], r['count']['count']) for r in d['tables']['admission_sources']['rows']] == [('soldier', 1), ('squad_leader', 1), ('youth_union', 1), ('other', 1)]"

# ---------------------------------------------------------------------------------------------
tcase "the people behind a figure: cases, a page at a time, audited; scope" "$WORK/fx.db"
expect_exit 0 --json report cases --org E98 --year 2026 --filter adm_stage=candidate
expect_json "sorted(c['id'] for c in d) == sorted([$C, $D])"
expect_json "set(d[0]) >= {'id', 'full_name', 'org_code', 'stage_now', 'source', 'listed_on', 'member_id'}"
expect_exit 0 --json report cases --org E98 --year 2026 --filter adm_late=2026
expect_json "[c['id'] for c in d] == [$B] and d[0]['full_name'] == 'Lê Văn Bảo' and d[0]['member_id'] > 0"
expect_exit 0 --json report cases --org E98 --year 2026 --filter adm_removed=2026
expect_json "[c['id'] for c in d] == [$H]"
expect_exit 0 --json report cases --org E98 --year 2026 --filter adm_class=2026
expect_json "[c['id'] for c in d] == [$F]"
expect_exit 0 --json report cases --org E98 --year 2026 --filter adm_source=youth_union
expect_json "[c['id'] for c in d] == [$C]"
expect_exit 0 --json report cases --org ROOT --year 2026 --filter adm_stage=candidate --offset 1 --limit 1
expect_json "len(d) == 1"
expect_exit 0 --json audit list
expect_json 'd[0]["action"] == "report.cases" and d[0]["after"]["rows"] == 1 and d[0]["after"]["filter"] == "adm_stage=candidate"' \
	"one audit entry for the page, with the rows handed out"
expect_refused 3 "adm_stage=STAGE" report cases --org E98 --year 2026 --filter adm_stage=asleep
expect_refused 3 "adm_stage=STAGE" report cases --org E98 --year 2026 --filter adm_failed=2025
expect_refused 3 "filter" report members --org E98 --year 2026 --filter adm_late=2026
# A clerk of C2 sees C2's cases only; E98 is out of sight.
CADRE_TOKEN=$T_C2 expect_exit 0 --json report cases --org C2 --year 2026 --filter adm_stage=class
expect_json "[c['id'] for c in d] == [$F]"
CADRE_TOKEN=$T_C2 expect_refused 4 "" report cases --org E98 --year 2026 --filter adm_stage=candidate

done_testing
