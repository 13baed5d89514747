#!/bin/bash
# t_adm_fixes.sh - the three fixes of issue 11: the admission age counted in months
# (R-ADMIT-AGE-MIN-MONTHS / R-ADMIT-AGE-MAX-MONTHS) on member add, edit and import; an official
# date later than the end of probation corrected to it with a warning (R-PROBATION-MONTHS) on
# member add, edit and import; the development rate divided by the members on the rolls on
# 1 January (a cell of 10, 5 moved away and 1 deceased during the year, 1 admitted: 10%, not
# the 25% of the members still there), in JSON, CSV and the records behind it.
. "$(dirname "$0")/lib.sh"

cat >orgs.csv <<'XEOF'
code,parent_code,name,kind,grassroots_type,established
ROOT,,Quân ủy Trung ương,committee,,2010-01-01
E1,ROOT,Đảng ủy Trung đoàn 1,grassroots,combat,2012-01-01
C1,E1,Chi bộ Đại đội 1,cell,,2012-01-01
E2,ROOT,Đảng ủy Trung đoàn 2,grassroots,combat,2012-01-01
C9,E2,Chi bộ Đại đội 9,cell,,2012-01-01
XEOF
# C1: ten members on 1 January 2026 (ids 1-10), C9: three (ids 11-13).
{
	echo 'id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status'
	i=0
	for name in "Nguyễn Văn An" "Trần Văn Bình" "Lê Văn Cường" "Phạm Văn Dũng" "Hoàng Văn Hải" \
		"Vũ Văn Hòa" "Đặng Văn Khánh" "Bùi Văn Long" "Đỗ Văn Minh" "Hồ Văn Nam" \
		"Ngô Văn Phong" "Lý Văn Quang" "Mai Văn Sơn"; do
		i=$((i + 1))
		org=C1
		[ $i -gt 10 ] && org=C9
		echo "$i,$org,$name,male,1990-01-$(printf %02d $i),Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official"
	done
} >members.csv
build_db "$WORK/base.db" orgs.csv members.csv
MH='org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status'

# ---------------------------------------------------------------------------------------------
tcase "the admission age in months: 60 years 10 months is refused" "$WORK/base.db"
expect_refused 5 "R-ADMIT-AGE-MAX-MONTHS" member add --org C1 --name "Già Văn Tháng" --sex male \
	--birth-date 1963-07-16 --ethnicity Kinh --hometown "Hà Giang" --decision-date 2024-06-15 \
	--ceremony-date 2024-06-20
expect_err_contains "60 years 10 months old (730 months)"
expect_err_contains "720 months (60 years)"
# 720 months on the day of the decision: the last month allowed.
madd_p C1 "Đúng Sáu Mươi" --birth-date 1963-07-16 --decision-date 2023-07-16 --ceremony-date 2023-07-20
expect_eq "admitted the day the age reaches 720 months" 0 "$RC"
# A month later: 721 months.
expect_refused 5 "R-ADMIT-AGE-MAX-MONTHS" member add --org C1 --name "Quá Một Tháng" --sex male \
	--birth-date 1963-07-16 --ethnicity Kinh --hometown "Hà Giang" --decision-date 2023-08-16 \
	--ceremony-date 2023-08-20
expect_err_contains "(721 months)"
# 216 months (18 years) on the day: allowed; a day before: refused.
madd_p C1 "Vừa Mười Tám" --birth-date 2007-03-01 --decision-date 2025-03-01 --ceremony-date 2025-03-15
expect_eq "admitted at 216 months" 0 "$RC"
expect_refused 5 "R-ADMIT-AGE-MIN-MONTHS" member add --org C1 --name "Thiếu Một Ngày" --sex male \
	--birth-date 2007-03-02 --ethnicity Kinh --hometown "Hà Giang" --decision-date 2025-03-01 \
	--ceremony-date 2025-03-15
expect_err_contains "(215 months)"
# An edit that makes the age 721 months is refused too.
expect_exit 0 --json member search "Đúng Sáu Mươi"
json_val 'd[0]["id"]'
expect_refused 5 "R-ADMIT-AGE-MAX-MONTHS" member edit "$JV" --birth-date 1963-06-15
# The import: line 2 refused with the rule, nothing imported.
printf '%s\nC1,Già Văn Nhập,male,1963-07-16,Kinh,Hà Giang,2024-06-15,2024-06-20,,probationary\n' "$MH" >old.csv
expect_refused_in "3 5" "R-ADMIT-AGE-MAX-MONTHS" import members old.csv
expect_err_contains "line 2"

# ---------------------------------------------------------------------------------------------
tcase "an official date past the end of probation is corrected, with a warning" "$WORK/base.db"
cadre --json member add --org C1 --name "Muộn Văn Chính" --sex male --birth-date 1995-01-01 \
	--ethnicity Kinh --hometown "Hà Giang" --decision-date 2023-01-05 --ceremony-date 2023-01-20 \
	--official-date 2024-03-01
expect_eq "added" 0 "$RC"
expect_err_contains "R-PROBATION-MONTHS"
expect_err_contains "corrected to 2024-01-20"
json_val 'd["id"]'
late=$JV
expect_exit 0 --json member show "$late"
expect_json 'd["official_date"] == "2024-01-20" and d["status"] == "official"' "official exactly 12 months after the ceremony"
# Exactly the end of probation: no warning.
madd C1 "Đúng Hạn Văn" --decision-date 2023-01-05 --ceremony-date 2023-01-20 --official-date 2024-01-20
expect_eq "added" 0 "$RC"
expect_err_lacks "R-PROBATION-MONTHS"
# An edit of the official date: corrected, and the edit's record shows the date kept.
expect_exit 0 member edit "$late" --official-date 2024-06-30
expect_err_contains "corrected to 2024-01-20"
expect_exit 0 --json member show "$late"
expect_json 'd["official_date"] == "2024-01-20"'
expect_json '[e["detail"]["after"]["official_date"] for e in d["events"] if e["kind"] == "edit"] == ["2024-01-20"]' \
	"the edit's record has the corrected date"
# An edit of the ceremony moves the end of probation: the official date follows it.
expect_exit 0 member edit "$late" --ceremony-date 2023-01-10
expect_err_contains "corrected to 2024-01-10"
expect_exit 0 --json member show "$late"
expect_json 'd["official_date"] == "2024-01-10"'
# The import: corrected, counted as a warning.
printf '%s\nC1,Nhập Văn Muộn,male,1995-01-01,Kinh,Hà Giang,2023-01-05,2023-01-20,2024-03-01,official\n' "$MH" >late.csv
expect_exit 0 --json import members late.csv
expect_json 'd["imported_rows"] == 1 and d["warnings"] == 1'
expect_err_contains "R-PROBATION-MONTHS"
expect_exit 0 --json member search "Nhập Văn Muộn"
json_val 'd[0]["id"]'
expect_exit 0 --json member show "$JV"
expect_json 'd["official_date"] == "2024-01-20"' "imported official exactly 12 months after the ceremony"

# ---------------------------------------------------------------------------------------------
tcase "the development rate divides by the members on the rolls on 1 January" "$WORK/base.db"
# During 2026: members 1-3 move to C9 (another grassroots organisation), 4 and 5 leave the
# party's rolls as transferred out, 6 dies; one person is admitted to C1.
for m in 1 2 3; do
	cadre --json member transfer "$m" --to C9 --date 2026-03-02 --reason "chuyển đơn vị"
	json_val 'd["id"]'
	cadre member receive "$JV" --date 2026-03-10
	expect_eq "member $m received in C9" 0 "$RC"
done
expect_exit 0 member status 4 transferred_out --date 2026-04-01
expect_exit 0 member status 5 transferred_out --date 2026-05-01
expect_exit 0 member status 6 deceased --date 2026-06-01
madd_p C1 "Mới Văn Vào" --decision-date 2026-07-01 --ceremony-date 2026-07-10
expect_eq "admitted in 2026" 0 "$RC"
expect_exit 0 --json report --org C1 --year 2026
expect_json '[(r["key"], r["count"]) for r in d["tables"]["admissions"]["rows"]] == [("admitted", {"count": 1}), ("members_at_start", {"count": 10}), ("development_rate", {"count": 1, "base": 10, "percent": 10.0})]' \
	"1 admitted over the 10 on the rolls on 1 January: 10% (not 1 over the 4 still there)"
expect_json '[r["filter"] for r in d["tables"]["admissions"]["rows"]] == ["admitted=2026", "on_rolls=2026", "admitted=2026"]'
expect_exit 0 report --org C1 --year 2026 --csv
expect_out_contains "admissions,development_rate,development rate,count,1,10,10.00"
expect_out_contains "admissions,members_at_start,members on the rolls on 1 January,count,10,,"
# The grassroots organisation E2 (C9 had 3, got 3 during the year): 0 admitted over 3.
expect_exit 0 --json report --org E2 --year 2026
expect_json '[r["count"] for r in d["tables"]["admissions"]["rows"] if r["key"] == "development_rate"] == [{"count": 0, "base": 3, "percent": 0.0}]'
# The records behind the divisor: the ten of 1 January, those who left included.
expect_exit 0 --json report members --org C1 --filter on_rolls=2026
expect_json 'sorted(m["id"] for m in d) == list(range(1, 11))'
expect_exit 0 --json report members --org C1 --filter on_rolls=2026 --offset 8 --limit 5
expect_json 'len(d) == 2'
expect_refused 3 "on_rolls" report members --org C1 --filter on_rolls=soon
# The year before: the same ten, no admission.
expect_exit 0 --json report --org C1 --year 2025
expect_json '[r["count"] for r in d["tables"]["admissions"]["rows"] if r["key"] == "development_rate"] == [{"count": 0, "base": 10, "percent": 0.0}]'

done_testing
