#!/bin/bash
# t_review_import.sh - the set-based way of 'cadre import reviews' (docs/reviews.md: an import
# reads every member at once when its first chunk is full, counts the figures in memory, and
# writes one audit entry): every rule is still checked on it, each bad row reported with its
# line, all or nothing, the figures right after (and the review triggers back after a refused
# import), revisions counted. CADRE_REVIEW_CHUNK=2 puts these small files on that way.
. "$(dirname "$0")/lib.sh"

export CADRE_REVIEW_CHUNK=2
# ROOT > E98 (grassroots) > C1 (members 1-6), C2 (7-10); 11 removed; 12 admitted in 2026.
cat >orgs.csv <<'XEOF'
code,parent_code,name,kind,established
ROOT,,Quân ủy Trung ương,committee,2010-01-01
E98,ROOT,Đảng ủy Trung đoàn 98,grassroots,2012-01-01
C1,E98,Chi bộ Đại đội 1,cell,2012-01-01
C2,E98,Chi bộ Đại đội 2,cell,2012-01-01
XEOF
{
	echo 'id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status'
	i=0
	for name in "Nguyễn Văn An" "Trần Văn Bình" "Lê Văn Cường" "Phạm Văn Dũng" "Hoàng Văn Hải" \
		"Vũ Văn Hùng" "Đặng Văn Khánh" "Bùi Văn Long" "Đỗ Văn Minh" "Hồ Văn Nam" "Ngô Văn Phong"; do
		i=$((i + 1))
		org=C1
		[ $i -gt 6 ] && org=C2
		echo "$i,$org,$name,male,1990-01-0$(((i % 9) + 1)),Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official"
	done
	echo '12,C2,Lý Thị Quyên,female,2000-05-05,Tày,Cao Bằng,2026-03-01,2026-03-15,,probationary'
} >members.csv
build_db "$WORK/base.db" orgs.csv members.csv
DB=$WORK/base.db
expect_exit 0 member status 11 removed --date 2026-02-01 --reason "xóa tên"
expect_exit 0 discipline add --member 3 --form reprimand --body E98 --reason "vi phạm" --date 2026-05-04 --act-date 2026-04-01
expect_exit 0 review member 4 --year 2025 --grade good
DB=$WORK/none.db

tcase "every rule on the set-based way: each bad row reported with its line, nothing stored" "$WORK/base.db"
# line 2: member 3 was disciplined in 2026 (R-REVIEW-DISCIPLINED-MEMBER); line 3: member 11 is
# not on a roll; line 4: 99 does not exist; line 5: member 12 was admitted after 2025;
# line 6: member 4's 2025 decision is locked without a reason (R-REVIEW-LOCKED); line 8: a
# score against its grade (R-REVIEW-SCORE-*); line 9: 1 twice for 2026.
cat >bad.csv <<'XEOF'
member_id,year,grade,score,step,date,reason
3,2026,excellent,,,,
11,2026,good,,,,
99,2026,good,,,,
12,2025,good,,,,
4,2025,complete,,,,
1,2026,good,,,,
2,2026,good,60,,,
1,2026,complete,,,,
XEOF
expect_refused_in "3 4 5" "nothing was imported" import reviews bad.csv
expect_err_contains "line 2"
expect_err_contains "R-REVIEW-DISCIPLINED-MEMBER"
expect_err_contains "line 3: member_id: member 11 is removed, not on a roll"
expect_err_contains "line 4"
expect_err_contains "no member has the id 99"
expect_err_contains "line 5"
expect_err_contains "member 12 was admitted in 2026, after the year 2025 under review"
expect_err_contains "line 6"
expect_err_contains "R-REVIEW-LOCKED"
expect_err_contains "line 8"
expect_err_contains "line 9: member_id: member 1 is graded twice for 2026 (also on line 7)"
expect_exit 0 --json review history 1
expect_json 'd == []' "all or nothing: no row stored"
expect_exit 0 figures check
expect_out_contains "match"

tcase "the quota over the whole file on the set-based way; the triggers back after the refusal" "$WORK/base.db"
printf 'member_id,year,grade\n1,2026,excellent\n2,2026,excellent\n5,2026,good\n6,2026,good\n7,2026,good\n' >over.csv
expect_refused 5 "R-REVIEW-EXCELLENT-QUOTA" import reviews over.csv
expect_err_contains "2 members of E98 would be excellent"
expect_exit 0 --json review history 1
expect_json 'd == []' "nothing stored"
# A decision made one at a time after the refused bulk is counted by the triggers.
expect_exit 0 review member 1 --year 2026 --grade good
expect_exit 0 figures check
expect_out_contains "match"

tcase "a good file: stored, counted, revised, one audit entry for the import" "$WORK/base.db"
cat >ok.csv <<'XEOF'
member_id,year,grade,score,step,date,reason
1,2026,excellent,,,,
2,2026,good,,,,
3,2026,not_complete,,,,
4,2026,good,,,,
5,2026,good,,,,
6,2026,good,,,,
7,2026,good,,,,
8,2026,good,,,,
9,2026,complete,,,,
10,2026,good,85,self,,
4,2025,complete,,,,khiếu nại được chấp nhận
XEOF
expect_exit 0 import reviews ok.csv
expect_out_contains "imported 11 reviews of 11 rows"
expect_exit 0 --json audit list --limit 5
expect_json 'd[0]["action"] == "import.reviews" and d[0]["subject"] == "file:ok.csv" and d[0]["after"]["imported"] == 11' "one entry for the import"
expect_json 'not any(x["action"].startswith("review.member") for x in d[:1])' "no entry a decision"
expect_exit 0 --json review history 4
expect_json '[(v["year"], v["grade"], v["revision"], v["current"]) for v in d if v["step"] == "decision"] == [(2025, "good", 1, False), (2025, "complete", 2, True), (2026, "good", 1, True)]' \
	"the locked 2025 decision revised with its reason"
expect_exit 0 --json review sheet C1 --year 2026
expect_json 'd["quota"]["excellent"] == 1 and d["quota"]["good_or_better"] == 7' "the quota counts of E98"
expect_exit 0 figures check
expect_out_contains "match"
expect_exit 0 --json report --org E98 --year 2026
expect_json '[r["count"]["count"] for r in d["tables"]["member_reviews"]["rows"] if r["key"] in ("excellent", "good", "complete", "not_complete")] == [1, 6, 1, 1]' \
	"the figures count the decisions (the self-assessment not)"
expect_exit 0 --json report --org E98 --year 2025
expect_json '[r["count"]["count"] for r in d["tables"]["member_reviews"]["rows"] if r["key"] in ("good", "complete")] == [0, 1]' \
	"the revised decision replaced in the figures"
expect_exit 0 audit verify

done_testing
