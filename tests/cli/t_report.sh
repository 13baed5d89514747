#!/bin/bash
# t_report.sh - the figures from the command line (docs/reports.md): 'cadre report' as text,
# JSON, CSV and XLSX with the numbers after reviews; the records behind a figure; the roll-up
# of every organisation; a member transferred mid-year counted where the step was recorded;
# a clerk's report limited to their subtree; the bands taken from the R-REPORT-* rules.
. "$(dirname "$0")/lib.sh"

# ROOT > E98 (grassroots) > C1 (members 1-6, officers), C2 (7-11 soldiers, 12 probationary);
# ROOT > BCH (committee) > BCHX (a commune's military cell: militia 17, reserve 120; members
# 13-17 of the militia).
cat >orgs.csv <<'XEOF'
code,parent_code,name,kind,grassroots_type,standing_board,militia,self_defence,reserve,established
ROOT,,Quân ủy Trung ương,committee,,0,,,,2010-01-01
E98,ROOT,Đảng ủy Trung đoàn 98,grassroots,combat,0,,,,2012-01-01
C1,E98,Chi bộ Đại đội 1,cell,,1,,,,2012-01-01
C2,E98,Chi bộ Đại đội 2,cell,,0,,,,2012-01-01
BCH,ROOT,Đảng ủy Bộ CHQS tỉnh Hà Giang,committee,,0,,,,2012-01-01
BCHX,BCH,Chi bộ Quân sự xã Lũng Cú,cell,local_military,0,17,0,120,2014-01-01
XEOF
{
	echo 'id,org_code,full_name,sex,birth_date,ethnicity,hometown,category,admission_decision_date,admission_ceremony_date,official_date,status'
	i=0
	for name in "Nguyễn Văn An" "Trần Văn Bình" "Lê Văn Cường" "Phạm Văn Dũng" "Hoàng Văn Hải" \
		"Vũ Thị Hoa" "Đặng Văn Khánh" "Bùi Văn Long" "Đỗ Văn Minh" "Hồ Văn Nam" \
		"Ngô Văn Phong"; do
		i=$((i + 1))
		org=C1 cat=officer sex=male eth=Kinh
		[ $i -gt 6 ] && org=C2 cat=soldier
		[ $i = 6 ] && sex=female
		[ $((i % 3)) = 0 ] && eth=Tày
		echo "$i,$org,$name,$sex,1990-01-0$(((i % 9) + 1)),$eth,Hà Giang,$cat,2015-03-01,2015-03-15,2016-03-15,official"
	done
	echo '12,C2,Lý Thị Quyên,female,2000-05-05,Tày,Cao Bằng,soldier,2026-03-01,2026-03-15,,probationary'
	i=12
	for name in "Vàng Văn Sơn" "Lò Văn Tâm" "Sùng Văn Thắng" "Giàng Văn Tuấn" "Thào Thị Vân"; do
		i=$((i + 1))
		echo "$i,BCHX,$name,male,1980-02-0$(((i % 9) + 1)),H'Mông,Đồng Văn,militia,2005-03-01,2005-03-15,2006-03-15,official"
	done
} >members.csv
build_db "$WORK/base.db" orgs.csv members.csv

# The reviews of 2026 in E98: 2 excellent, 8 good, 1 complete (member 12 not yet decided);
# C1, C2 and E98 good; one member disciplined.
cat >reviews.csv <<'XEOF'
member_id,year,grade
1,2026,excellent
2,2026,good
3,2026,good
4,2026,good
5,2026,good
6,2026,good
7,2026,excellent
8,2026,good
9,2026,good
10,2026,good
11,2026,complete
XEOF
printf 'org_code,year,grade\nC1,2026,good\nC2,2026,good\nE98,2026,good\n' >org-reviews.csv
reviewed_db() {
	local save=$DB
	DB=$1
	cp "$WORK/base.db" "$DB"
	cadre import reviews "$WORK/reviews.csv"
	[ "$RC" = 0 ] || fail "import the fixture reviews" "exit 0" "exit $RC"
	cadre import org-reviews "$WORK/org-reviews.csv"
	[ "$RC" = 0 ] || fail "import the fixture organisation reviews" "exit 0" "exit $RC"
	cadre discipline add --member 11 --form warning --body E98 --reason "vi phạm kỷ luật" --date 2026-04-01 --act-date 2026-03-01
	[ "$RC" = 0 ] || fail "record the fixture discipline" "exit 0" "exit $RC"
	DB=$save
}
reviewed_db "$WORK/reviewed.db"
printf 'một mật khẩu đủ dài\n' >pw.txt

# cell TABLE ROW [COLUMN]: a python expression for one cell of the last --json report.
cell() {
	printf '[r for r in d["tables"]["%s"]["rows"] if r["key"] == "%s"][0]["%s"]' "$1" "$2" "${3:-count}"
}

# ---------------------------------------------------------------------------------------------
tcase "report --json: the numbers after reviews" "$WORK/reviewed.db"
expect_exit 0 --json report --org E98 --year 2026 --as-of 2026-11-23
expect_json 'd["org"] == {"code": "E98", "name": "Đảng ủy Trung đoàn 98"} and d["as_of"] == "2026-11-23" and d["year"] == 2026 and d["made_by"] == "cli:clitest" and d["made_at"].endswith("Z")' \
	"whose figures, as of when, made by whom"
expect_json 'list(d["tables"]) == ["members_by_status", "members_by_category", "members_by_sex", "members_by_ethnicity", "members_by_age", "members_by_seniority", "admissions", "admission_stages", "admission_sources", "admission_year", "meetings", "study_coverage", "training", "key_cadres", "member_reviews", "org_reviews", "grassroots_reviews", "reviews_by_suborg", "review_trend", "standing_boards", "leadership_ratio", "discipline", "inspection", "transfers"]' \
	"every table, in the documented order (docs/reports.md)"
expect_json "$(cell members_by_status official) == {'count': 11, 'base': 12, 'percent': 91.67}"
expect_json "$(cell members_by_status probationary) == {'count': 1, 'base': 12, 'percent': 8.33}"
expect_json "$(cell members_by_status total) == {'count': 12}" "a total has no percentage"
expect_json "$(cell member_reviews excellent) == {'count': 2, 'base': 11, 'percent': 18.18}" "2 of 11 decided are excellent"
expect_json "$(cell member_reviews good) == {'count': 8, 'base': 11, 'percent': 72.73}"
# member 11, decided complete, was disciplined after the decision: counted under revision
# until decided again, not complete (R-REVIEW-DISCIPLINED-MEMBER, docs/inspection.md)
expect_json "$(cell member_reviews complete) == {'count': 0, 'base': 11, 'percent': 0.0}"
expect_json "$(cell member_reviews under_revision) == {'count': 1, 'base': 11, 'percent': 9.09}"
expect_json "$(cell member_reviews good_or_better) == {'count': 10, 'base': 11, 'percent': 90.91}"
expect_json "$(cell member_reviews reviewed) == {'count': 11}"
expect_json "$(cell member_reviews not_reviewed) == {'count': 1, 'base': 12, 'percent': 8.33}"
expect_json "$(cell member_reviews excellent filter) == 'grade=excellent'" "a row names the records behind it"
expect_json "$(cell reviews_by_suborg C1 excellent) == {'count': 1, 'base': 6, 'percent': 16.67} and $(cell reviews_by_suborg C2 complete) == {'count': 0, 'base': 4, 'percent': 0.0}" \
	"grades by sub-organisation"
expect_json "$(cell org_reviews good) == {'count': 3, 'base': 3, 'percent': 100.0}" "C1, C2 and E98"
expect_json "$(cell grassroots_reviews good) == {'count': 1, 'base': 1, 'percent': 100.0}" "E98 alone is grassroots"
expect_json "$(cell review_trend 2026 good) == {'count': 8, 'base': 10, 'percent': 80.0} and $(cell review_trend 2025 good) == {'count': 0}"
expect_json "$(cell discipline members) == {'count': 1} and $(cell discipline organisations) == {'count': 0}"
expect_json "$(cell members_by_sex female) == {'count': 2, 'base': 12, 'percent': 16.67}"
expect_json "$(cell members_by_ethnicity 'Tày') == {'count': 4, 'base': 12, 'percent': 33.33}"
expect_json "$(cell members_by_category officer) == {'count': 6, 'base': 12, 'percent': 50.0}"
expect_json "$(cell members_by_age 30_39) == {'count': 11, 'base': 12, 'percent': 91.67} and $(cell members_by_age under_30) == {'count': 1, 'base': 12, 'percent': 8.33}"
expect_json "$(cell members_by_seniority 10_19)['count'] == 11 and $(cell members_by_seniority under_5)['count'] == 1"
expect_json "$(cell admissions admitted) == {'count': 1} and $(cell admissions development_rate) == {'count': 1, 'base': 11, 'percent': 9.09}" \
	"the development rate: admitted in the year over the members on the rolls on 1 January"
expect_json "$(cell standing_boards with_standing_board) == {'count': 1, 'base': 2, 'percent': 50.0}"

tcase "report --json after a change: the figures follow at once (no stale counters)" "$WORK/reviewed.db"
expect_exit 0 review member 12 --year 2026 --grade good
expect_exit 0 --json report --org E98
expect_json "$(cell member_reviews good) == {'count': 9, 'base': 12, 'percent': 75.0} and $(cell member_reviews not_reviewed)['count'] == 0"
expect_exit 0 review member 2 --year 2026 --grade complete --reason "xét lại"
expect_exit 0 --json report --org E98
expect_json "$(cell member_reviews good)['count'] == 8 and $(cell member_reviews complete)['count'] == 1 and $(cell member_reviews under_revision)['count'] == 1" "a revision replaces the decision it changes"
expect_exit 0 member status 10 removed --date 2026-11-01 --reason "chuyển ngành"
expect_exit 0 --json report --org E98
expect_json "$(cell members_by_status official)['count'] == 10 and $(cell members_by_status total)['count'] == 11"

tcase "the leadership ratio: party members of the force over them and the non-party headcount" "$WORK/reviewed.db"
expect_exit 0 --json report --org BCH
expect_json "$(cell leadership_ratio militia) == {'count': 5, 'base': 22, 'percent': 22.73}" "5 of 5 + 17: 22.73%"
expect_json "$(cell leadership_ratio reserve) == {'count': 0, 'base': 120, 'percent': 0.0}"
expect_json "$(cell leadership_ratio self_defence) == {'count': 0}" "no headcount: no percentage"

# ---------------------------------------------------------------------------------------------
tcase "report --csv: the header and a row" "$WORK/reviewed.db"
expect_exit 0 report --org E98 --year 2026 --as-of 2026-11-23 --csv
expect_eq "the CSV header" "table,row_key,row_label,column,count,base,percent" "${OUT%%$'\n'*}"
expect_out_contains $'\nmember_reviews,excellent,excellent,count,2,11,18.18\n'
expect_out_contains $'\nmembers_by_status,total,total,count,12,,\n'
expect_out_contains $'\nreviews_by_suborg,C1,Chi bộ Đại đội 1,excellent,1,6,16.67\n'
cp "$OUTF" report.csv
expect_py 'len(rows("report.csv")) > 80 and all(set(r) == {"table", "row_key", "row_label", "column", "count", "base", "percent"} for r in rows("report.csv"))' \
	"every record has the seven fields"

tcase "report --xlsx writes a workbook (a zip); a missing directory is an error" "$WORK/reviewed.db"
expect_exit 0 report --org E98 --xlsx "$WORK/e98.xlsx"
expect_out_contains "report of E98 written to"
expect_py 'read("e98.xlsx")[:4] == b"PK\x03\x04" and len(read("e98.xlsx")) > 4000' "an XLSX file is a zip archive"
expect_py '__import__("zipfile").ZipFile("e98.xlsx").testzip() is None and "xl/workbook.xml" in __import__("zipfile").ZipFile("e98.xlsx").namelist()' \
	"a whole zip with a workbook in it"
expect_exit 6 report --org E98 --xlsx "$WORK/no/such/dir/e98.xlsx"
expect_true "no partial file" test ! -e "$WORK/no/such/dir/e98.xlsx"
expect_refused 2 "choose one output" --json report --org E98 --csv
expect_refused 2 "choose one output" report --org E98 --csv --xlsx x.xlsx
expect_true "nothing written when refused" test ! -e x.xlsx

tcase "report as text: whose figures, then each table with counts and percentages" "$WORK/reviewed.db"
expect_exit 0 report --org E98 --year 2026
expect_out_contains $'E98  Đảng ủy Trung đoàn 98\nas of 2026-11-23, year 2026\nmade by cli:clitest at '
expect_out_contains "Members' reviews [member_reviews]"
expect_out_contains "COUNT  PERCENT"
expect_true "the excellent row: 2 and 18.18%" grep -qE '^excellent +2 +18\.18%$' "$OUTF"
expect_true "a total without a percentage" grep -qE '^total +12 *$' "$OUTF"
expect_out_contains "Members' grades by sub-organisation [reviews_by_suborg]"
expect_true "grades by sub-organisation: a count and a percentage per grade" \
	grep -qE '^Chi bộ Đại đội 1 +1 +16\.67% +5 +83\.33% +0 +0\.00% +0 +0\.00%$' "$OUTF"
expect_refused 4 "NOPE" report --org NOPE

tcase "report --as-of a past date: the rolls then; --year another year" "$WORK/reviewed.db"
expect_exit 0 --json report --org E98 --as-of 2026-01-01
expect_json "d['as_of'] == '2026-01-01' and d['year'] == 2026 and $(cell members_by_status total)['count'] == 11" \
	"member 12, admitted in March, not yet counted"
expect_exit 0 --json report --org E98 --year 2025
expect_json "d['year'] == 2025 and $(cell member_reviews reviewed)['count'] == 0 and $(cell review_trend 2025 good)['count'] == 0"
expect_refused 2 "must be a year" report --org E98 --year twenty
expect_refused 2 "not a real calendar date" report --org E98 --as-of 2026-02-30

# ---------------------------------------------------------------------------------------------
tcase "report members: the records behind a figure, in the shape of member list" "$WORK/reviewed.db"
expect_exit 0 --json member list --org E98
json_val 'sorted(d[0])'
LIST_KEYS=$JV
expect_exit 0 --json report members --org E98 --filter status=probationary
expect_json '[m["id"] for m in d] == [12]'
json_val 'sorted(d[0])'
expect_eq "the same fields as member list" "$LIST_KEYS" "$JV"
expect_exit 0 --json report members --org E98 --filter grade=excellent --year 2026
expect_json 'sorted(m["id"] for m in d) == [1, 7]' "the two excellent members"
expect_exit 0 --json report members --org E98 --filter grade=none --year 2026
expect_json '[m["id"] for m in d] == [12]' "the one not yet decided"
expect_exit 0 --json report members --org E98 --filter age=30-39
expect_json 'len(d) == 11 and 12 not in [m["id"] for m in d]'
expect_exit 0 --json report members --org E98 --filter org=C1
expect_json 'sorted(m["id"] for m in d) == [1, 2, 3, 4, 5, 6]'
expect_exit 0 --json report members --org E98 --filter category=officer --offset 2 --limit 3
expect_json 'len(d) == 3'
expect_exit 0 report members --org E98 --filter category=officer --offset 2 --limit 3
expect_out_contains "ID  NAME"
expect_err_contains "6 members match category=officer in all"
expect_refused 3 "the filter must be one of" report members --org E98 --filter colour=red
expect_refused 3 "LO-HI" report members --org E98 --filter age=thirty
expect_refused 2 "--filter NAME=VALUE is required" report members --org E98

# ---------------------------------------------------------------------------------------------
tcase "rollup: every organisation's subtree totals, one line each" "$WORK/reviewed.db"
expect_exit 0 --json rollup --year 2026
expect_json '[(r["code"], r["depth"]) for r in d] == [("ROOT", 0), ("BCH", 1), ("BCHX", 2), ("E98", 1), ("C1", 2), ("C2", 2)]' \
	"pre-order, siblings by code"
expect_json 'd[0]["members"] == {"official": 16, "probationary": 1, "exempt": 0, "suspended": 0} and d[0]["hosted"] == 0' \
	"the root holds everyone"
expect_json 'd[3]["member_grades"] == {"excellent": 2, "good": 8, "complete": 0, "not_complete": 0} and d[3]["org_grades"]["good"] == 3' \
	"E98's subtree grades"
expect_json 'd[2]["leadership_ratio"]["militia"] == {"party": 5, "non_party": 17, "percent": 22.73} and d[1]["leadership_ratio"]["militia"]["party"] == 5' \
	"the militia ratio of BCHX, and of BCH above it"
expect_exit 0 rollup --csv --year 2026
expect_eq "the CSV header" "code,depth,official,probationary,exempt,suspended,hosted,members_excellent,members_good,members_complete,members_not_complete,orgs_excellent,orgs_good,orgs_complete,orgs_not_complete,party_militia,militia,militia_ratio,party_self_defence,self_defence,self_defence_ratio,party_reserve,reserve,reserve_ratio" \
	"${OUT%%$'\n'*}"
expect_out_contains $'\nE98,1,11,1,0,0,0,2,8,0,0,0,3,0,0,0,0,,0,0,,0,0,\n'
expect_out_contains $'\nBCHX,2,5,0,0,0,0,0,0,0,0,0,0,0,0,5,17,22.73,0,0,,0,120,0.00\n'
cp "$OUTF" rollup.csv
expect_py 'len(rows("rollup.csv")) == 6' "one record per organisation"
expect_exit 0 rollup --year 2025
expect_true "the text roll-up: one line per organisation, indented by depth" \
	test "$(grep -cE '^(ROOT|  BCH|    BCHX|  E98|    C1|    C2) ' "$OUTF")" = 6
expect_refused 2 "choose one output" --json rollup --csv

# ---------------------------------------------------------------------------------------------
tcase "a member transferred mid-year: the review counts where the member is when it is recorded" "$WORK/base.db"
expect_exit 0 review member 2 --year 2026 --grade good --date 2026-05-01
expect_exit 0 --json member transfer 2 --to BCHX --date 2026-06-01
json_val 'd["id"]'
expect_exit 0 member receive "$JV" --date 2026-06-05
expect_exit 0 --json member transfer 1 --to BCHX --date 2026-06-01
json_val 'd["id"]'
expect_exit 0 member receive "$JV" --date 2026-06-05
expect_exit 0 --json review member 1 --year 2026 --grade good
expect_json 'd["org_code"] == "BCHX" and d["body"] == "BCHX"' "decided by the cell's own committee, right under a committee"
expect_exit 0 --json report --org E98
expect_json "$(cell member_reviews good)['count'] == 1" "E98 keeps member 2's decision, taken there"
expect_exit 0 --json report --org BCH
expect_json "$(cell member_reviews good)['count'] == 1" "BCH counts member 1's, taken after the move"
expect_exit 0 figures check

tcase "a clerk's report and roll-up cover only their subtree" "$WORK/reviewed.db"
STDIN=pw.txt expect_exit 0 user add clerk.c1 --role clerk --org C1
expect_exit 0 --json token add clerk.c1
json_val 'd["token"]'
CADRE_TOKEN=$JV expect_exit 0 --json report
expect_json "d['org']['code'] == 'C1' and d['made_by'] == 'clerk.c1' and $(cell members_by_status total)['count'] == 6" \
	"the default is the clerk's own scope"
CADRE_TOKEN=$JV expect_refused 4 "E98" report --org E98
CADRE_TOKEN=$JV expect_exit 0 --json rollup
expect_json '[r["code"] for r in d] == ["C1"]'
CADRE_TOKEN=$JV expect_refused 4 "" report members --org E98 --filter status=official

# ---------------------------------------------------------------------------------------------
tcase "R-REPORT-AGE-BANDS and R-REPORT-SENIORITY-BANDS: the bands come from the rules" "$WORK/base.db"
expect_exit 0 --json report --org E98
expect_json '[r["key"] for r in d["tables"]["members_by_age"]["rows"]] == ["under_30", "30_39", "40_49", "50_59", "60_and_over"]'
expect_json '[r["key"] for r in d["tables"]["members_by_seniority"]["rows"]] == ["under_5", "5_9", "10_19", "20_29", "30_39", "40_and_over"]'
expect_exit 0 rules add R-REPORT-AGE-BANDS --value 35,45 --from 2026-01-01 --source "thử nghiệm (test)"
expect_exit 0 --json report --org E98
expect_json '[(r["key"], r["count"]["count"]) for r in d["tables"]["members_by_age"]["rows"]] == [("under_35", 1), ("35_44", 11), ("45_and_over", 0)]'
expect_json "$(cell members_by_age 35_44 filter) == 'age=35-44'"

done_testing
