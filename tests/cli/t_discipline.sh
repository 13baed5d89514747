#!/bin/bash
# t_discipline.sh - discipline made right from the command line (docs/inspection.md
# "Discipline"): R-DISCIPLINE-AUTHORITY by body kind and inspection committee,
# R-DISCIPLINE-LIMITATION at its boundary, the dates, the decision's number, the effects
# (expulsion on the roll and in the figures, removal from every post, dissolution with or
# without members_to), nothing written on a refusal, reviews flagged for revision and counted
# apart until a new decision, the notice, the register with the inspection right and its
# filters, CSV, the member's record.
. "$(dirname "$0")/lib.sh"

# ROOT > E98 (grassroots) > C1 (1-4), C2 (5, 6; 7 probationary since 2026-03-01);
# ROOT > E99 (grassroots) > C31 (8), C32 .. C35 (empty).
cat >orgs.csv <<'EOF'
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
EOF
{
	echo 'id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status'
	i=0
	for name in "Nguyễn Văn An" "Trần Văn Bình" "Lê Văn Cường" "Phạm Văn Dũng" "Hoàng Văn Hải" "Vũ Văn Hùng"; do
		i=$((i + 1))
		org=C1
		[ $i -gt 4 ] && org=C2
		echo "$i,$org,$name,male,1990-01-0$i,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official"
	done
	echo '7,C2,Lý Thị Quyên,female,2000-05-05,Tày,Cao Bằng,2026-03-01,2026-03-15,,probationary'
	echo '8,C31,Dương Văn Sơn,male,1985-02-02,Kinh,Tuyên Quang,2010-03-01,2010-03-15,2011-03-15,official'
} >members.csv
build_db "$WORK/base.db" orgs.csv members.csv
printf 'một mật khẩu đủ dài\n' >pw.txt

# disc ARGS...: a discipline that must be recorded; DID is its id.
disc() {
	expect_exit 0 --json discipline add "$@"
	json_val 'd["id"]'
	DID=$JV
}
count() { sqlite3 "$DB" "SELECT count(*) FROM discipline"; }

# ---------------------------------------------------------------------------------------------
tcase "R-DISCIPLINE-AUTHORITY: which body kind decides which form, the inspection committee apart" "$WORK/base.db"
expect_refused 5 "R-DISCIPLINE-AUTHORITY" discipline add --member 1 --form removal --body C1 --act-date 2026-01-10 --reason "x"
expect_err_contains "the committee of a cell organisation may not decide removal for a member"
disc --member 1 --form warning --body C1 --act-date 2026-01-10 --reason "bỏ sinh hoạt" --decision-no "12-QĐ/ĐU" --date 2026-02-01
expect_json 'd["body_kind"] == "cell" and d["by_body"] == "committee" and d["state"] == "in_force"'
expect_refused 5 "R-DISCIPLINE-AUTHORITY" discipline add --member 1 --form warning --body C1 --inspection --act-date 2026-01-10 --reason "x"
expect_refused 5 "R-DISCIPLINE-AUTHORITY" discipline add --member 1 --form removal --body E98 --inspection --act-date 2026-01-10 --reason "x"
expect_err_contains "the inspection committee of a grassroots organisation may not decide removal"
disc --member 1 --form reprimand --body E98 --inspection --act-date 2026-01-10 --reason "x" --date 2026-02-02
expect_json 'd["by_body"] == "inspection" and d["body"] == "E98"'
expect_refused 5 "R-DISCIPLINE-AUTHORITY" discipline add --org C1 --form dissolution --body E98 --act-date 2026-01-10 --reason "x"
expect_refused 5 "R-DISCIPLINE-AUTHORITY" discipline add --org C1 --form reprimand --body ROOT --inspection --act-date 2026-01-10 --reason "x" --form dissolution
expect_refused 3 "deciding body must be an organisation above C1" discipline add --org C1 --form reprimand --body C1 --act-date 2026-01-10 --reason "x"
expect_eq "only the two accepted" 2 "$(count)"

tcase "R-DISCIPLINE-LIMITATION: the anniversary still within, the day after refused; none for expulsion" "$WORK/base.db"
disc --member 3 --form reprimand --body E98 --act-date 2021-03-10 --date 2026-03-10 --reason "x"
expect_refused 5 "R-DISCIPLINE-LIMITATION" discipline add --member 3 --form reprimand --body E98 --act-date 2021-03-10 --date 2026-03-11 --reason "x"
expect_err_contains "may be decided within 5 years of the act, that is by 2026-03-10, not on 2026-03-11"
expect_refused 5 "R-DISCIPLINE-LIMITATION" discipline add --member 3 --form warning --body E98 --act-date 2016-03-10 --date 2026-03-11 --reason "x"
disc --member 3 --form warning --body E98 --act-date 2016-03-11 --date 2026-03-11 --reason "x"
disc --member 4 --form expulsion --body E98 --act-date 2015-03-02 --date 2026-03-11 --reason "x"
expect_eq "three recorded" 3 "$(count)"

tcase "the dates: the act required, not after the decision, not before the admission; the decision not in the future" "$WORK/base.db"
expect_refused 3 "the date of the act is required" discipline add --member 1 --form warning --body E98 --reason "x"
expect_err_contains "R-DISCIPLINE-LIMITATION"
expect_refused 5 "is after the decision (2026-03-01)" discipline add --member 1 --form warning --body E98 --act-date 2026-03-02 --date 2026-03-01 --reason "x"
expect_refused 5 "R-MEMBER-DATES" discipline add --member 1 --form warning --body E98 --act-date 2026-03-02 --date 2026-11-24 --reason "x"
expect_refused 5 "before the member's admission (2026-03-01)" discipline add --member 7 --form warning --body E98 --act-date 2026-02-28 --reason "x"
expect_refused 5 "R-DISCIPLINE-FORMS" discipline add --member 7 --form removal --body E98 --act-date 2026-04-01 --reason "x"
expect_err_contains "removal does not apply to a member on probation (reprimand or warning only)"
disc --member 7 --form warning --body E98 --act-date 2026-03-01 --reason "x"
expect_refused 5 "the notice (2026-02-28) cannot come before the decision" discipline add --member 1 --form warning --body E98 --act-date 2026-01-02 --date 2026-03-01 --notified 2026-02-28 --reason "x"
expect_refused 5 "cannot take effect" discipline add --member 1 --form warning --body E98 --act-date 2026-01-02 --date 2026-03-01 --effective 2026-02-28 --reason "x"
expect_refused 3 "cannot be read at byte" discipline add --member 1 --form warning --body E98 --act-date 2026-01-02 --decision-no "QĐ 12" --reason "x"
disc --member 1 --form warning --body E98 --act-date 2026-01-02 --date 2026-03-01 --decision-no "Số 12-qd/ubkt" --notified 2026-03-05 --reason "x"
expect_json 'd["decision_no"] == "12-QĐ/UBKT" and d["notified_on"] == "2026-03-05" and d["act_date"] == "2026-01-02" and d["effective_on"] == "2026-03-01"' "the number stored canonical"
expect_refused 3 "not a case" discipline add --member 1 --form warning --body E98 --act-date 2026-01-02 --case 77 --reason "x"
expect_eq "two recorded" 2 "$(count)"

# ---------------------------------------------------------------------------------------------
tcase "expulsion: the member expelled on the effective date, off the roll and out of the figures" "$WORK/base.db"
expect_exit 0 --json report --org C1
expect_json '[r["count"]["count"] for r in d["tables"]["members_by_status"]["rows"] if r["key"] == "official"] == [4]'
disc --member 2 --form expulsion --body E98 --act-date 2025-11-02 --date 2026-05-20 --effective 2026-06-01 --decision-no "40-QĐ/ĐU" --reason "vi phạm nghiêm trọng"
expect_exit 0 --json member show 2
expect_json 'd["status"] == "expelled" and d["status_since"] == "2026-06-01"' "expelled from the effective date"
expect_json '[(x["form"], x["date"], x["body"], x["reason"]) for x in d["discipline"]] == [("expulsion", "2026-05-20", "E98", "vi phạm nghiêm trọng")]' "on the record, whole for the local user"
expect_exit 0 --json report --org C1
expect_json '[r["count"]["count"] for r in d["tables"]["members_by_status"]["rows"] if r["key"] == "official"] == [3]' "no longer counted"
expect_exit 0 figures check
expect_refused 5 "no longer on the rolls" discipline add --member 2 --form warning --body E98 --act-date 2026-01-02 --reason "x"
# a refusal leaves nothing written: an expulsion refused by its date keeps member 3 official
expect_refused 5 "R-MEMBER-DATES" discipline add --member 3 --form expulsion --body E98 --act-date 2026-01-02 --date 2026-05-20 --effective 2026-12-01 --reason "x"
expect_exit 0 --json member show 3
expect_json 'd["status"] == "official" and d["discipline"] == []'

tcase "removal from post: every position the member holds ends on the effective date" "$WORK/base.db"
expect_exit 0 position add --org E98 --kind commander --on 2020-01-01
expect_exit 0 position add --org C1 --kind secretary --on 2020-01-01
expect_exit 0 appoint 3 E98:commander --decision '12/QĐ-BTL' --decided-on 2024-01-10 --body ROOT --on 2024-02-01
expect_exit 0 appoint 3 C1:secretary --decision '13-QĐ/ĐU' --decided-on 2024-01-10 --body E98 --on 2024-02-01
disc --member 3 --form removal --body ROOT --act-date 2026-02-01 --date 2026-04-10 --effective 2026-04-15 --decision-no "21-QĐ/QUTW" --reason "thiếu trách nhiệm"
expect_exit 0 --json member holdings 3
expect_json 'sorted((h["kind"], h["to"], h["end"]["how"], h["end"]["decision"]) for h in d) == [("commander", "2026-04-15", "dismiss", "21-QĐ/QUTW"), ("secretary", "2026-04-15", "dismiss", "21-QĐ/QUTW")]'
expect_json 'all(h["end"]["reason"] == "removal from post by discipline '"$DID"' 21-QĐ/QUTW" for h in d)'
expect_exit 0 --json member show 3
expect_json 'd["status"] == "official"' "removal keeps the member on the rolls"

tcase "dissolution: refused while members remain and none given, nothing written; with --members-to they move" "$WORK/base.db"
expect_refused 5 "R-ORG-DISSOLVE-EMPTY" discipline add --org C2 --form dissolution --body ROOT --act-date 2026-01-02 --reason "mất sức chiến đấu"
expect_err_contains "give --members-to CODE"
expect_eq "nothing recorded" 0 "$(count)"
expect_refused 2 "for a dissolution only" discipline add --org C2 --form warning --body E98 --act-date 2026-01-02 --reason "x" --members-to C1
disc --org C2 --form dissolution --body ROOT --act-date 2026-01-02 --date 2026-06-01 --members-to C1 --reason "mất sức chiến đấu"
expect_exit 0 --json org show C2
expect_json 'd["dissolved"] == "2026-06-01"'
expect_exit 0 --json member show 5
expect_json 'd["org_code"] == "C1"'
disc --org C35 --form dissolution --body ROOT --act-date 2026-01-02 --reason "x"

# ---------------------------------------------------------------------------------------------
tcase "review revision: a member decided complete then reprimanded is flagged, counted under revision until decided again" "$WORK/base.db"
expect_exit 0 review member 1 --year 2026 --grade complete
expect_exit 0 --json report --org E98 --year 2026
expect_json '{r["key"]: r["count"]["count"] for r in d["tables"]["member_reviews"]["rows"]}["complete"] == 1'
disc --member 1 --form reprimand --body E98 --act-date 2026-05-02 --date 2026-06-10 --reason "x"
expect_eq "flagged" "R-REVIEW-DISCIPLINED-MEMBER|E98|" "$(sqlite3 "$DB" "SELECT v.rule_id, b.code, coalesce(v.resolved_on, '') FROM review_revision v JOIN org b ON b.id = v.body_org_id")"
expect_exit 0 --json report --org E98 --year 2026
expect_json '{r["key"]: r["count"]["count"] for r in d["tables"]["member_reviews"]["rows"]} | {} == {**{r["key"]: r["count"]["count"] for r in d["tables"]["member_reviews"]["rows"]}} and {r["key"]: r["count"]["count"] for r in d["tables"]["member_reviews"]["rows"]}["complete"] == 0' "no longer complete"
expect_json '{r["key"]: r["count"]["count"] for r in d["tables"]["member_reviews"]["rows"]}["under_revision"] == 1 and {r["key"]: r["count"]["count"] for r in d["tables"]["member_reviews"]["rows"]}["reviewed"] == 1' "one under revision"
expect_exit 0 figures check
expect_exit 0 --json review sheet C1 --year 2026
expect_json '[(r["decision"], r["under_revision"], r["discipline"]) for r in d["rows"] if r["member_id"] == 1] == [("complete", True, {"form": "reprimand", "date": "2026-06-10"})]'
expect_exit 0 review sheet C1 --year 2026
expect_out_contains "complete (under revision)"
expect_out_contains "disciplined this year: reprimand 2026-06-10"
expect_refused 5 "R-REVIEW-DISCIPLINED-MEMBER" review member 1 --year 2026 --grade complete --reason "xét lại"
expect_exit 0 review member 1 --year 2026 --grade not_complete --reason "xét lại sau kỷ luật"
expect_eq "resolved" "1" "$(sqlite3 "$DB" "SELECT count(*) FROM review_revision WHERE resolved_on IS NOT NULL AND resolved_review_id IS NOT NULL")"
expect_exit 0 --json report --org E98 --year 2026
expect_json '[(r["key"], r["count"]["count"]) for r in d["tables"]["member_reviews"]["rows"] if r["key"] in ("not_complete", "under_revision", "complete")] == [("complete", 0), ("not_complete", 1), ("under_revision", 0)]'
expect_exit 0 figures check
# a discipline of another year flags nothing; a grade already at the rule's best flags nothing
disc --member 1 --form reprimand --body E98 --act-date 2025-05-02 --date 2025-06-10 --reason "x"
disc --member 1 --form warning --body E98 --act-date 2026-05-02 --date 2026-07-10 --reason "x"
expect_eq "still one flag" 1 "$(sqlite3 "$DB" "SELECT count(*) FROM review_revision")"

tcase "review revision: an excellent cell reprimanded is flagged; the parent when its disciplined share passes the rule" "$WORK/base.db"
expect_exit 0 review member 8 --year 2026 --grade good
expect_exit 0 review org C31 --year 2026 --grade excellent
expect_exit 0 review org E99 --year 2026 --grade good
disc --org C31 --form reprimand --body E99 --act-date 2026-03-02 --date 2026-04-01 --reason "buông lỏng lãnh đạo"
expect_eq "the cell flagged, not yet the parent (1 of 5 is 20%)" "C31|R-REVIEW-ORG-NOT-COMPLETE|E99" "$(sqlite3 "$DB" "SELECT o.code, v.rule_id, b.code FROM review_revision v JOIN org o ON o.id = v.org_id JOIN org b ON b.id = v.body_org_id")"
expect_exit 0 --json report --org E99 --year 2026
expect_json '{r["key"]: r["count"]["count"] for r in d["tables"]["org_reviews"]["rows"]}["excellent"] == 0 and {r["key"]: r["count"]["count"] for r in d["tables"]["org_reviews"]["rows"]}["under_revision"] == 1'
disc --org C32 --form warning --body E99 --act-date 2026-03-02 --date 2026-04-02 --reason "x"
expect_eq "the parent flagged (2 of 5)" "E99|ROOT" "$(sqlite3 "$DB" "SELECT o.code, b.code FROM review_revision v JOIN org o ON o.id = v.org_id JOIN org b ON b.id = v.body_org_id WHERE o.code = 'E99'")"
expect_exit 0 figures check
expect_exit 0 review org C31 --year 2026 --grade not_complete --reason "xét lại"
expect_exit 0 review org E99 --year 2026 --grade not_complete --reason "xét lại"
expect_eq "both resolved" 0 "$(sqlite3 "$DB" "SELECT count(*) FROM review_revision WHERE resolved_on IS NULL")"
expect_exit 0 figures check

# ---------------------------------------------------------------------------------------------
tcase "notify, show, the register's filters, CSV, and the inspection right" "$WORK/base.db"
disc --member 1 --form warning --body E98 --act-date 2026-01-02 --date 2026-03-01 --decision-no "12-QĐ/ĐU" --reason "bỏ sinh hoạt"
D1=$DID
disc --member 5 --form reprimand --body E98 --act-date 2025-01-02 --date 2025-03-01 --reason "x"
expect_refused 5 "cannot come before the decision" discipline notify "$D1" --date 2026-02-28
expect_refused 3 "cannot be read at byte" discipline notify "$D1" --date 2026-03-03 --number "???"
expect_refused 2 "--date YYYY-MM-DD is required" discipline notify "$D1"
expect_exit 0 --json discipline notify "$D1" --date 2026-03-03 --number "05-TB/ĐU"
expect_json 'd["notified_on"] == "2026-03-03" and d["notice_no"] == "05-TB/ĐU"'
expect_exit 0 discipline show "$D1"
expect_out_contains "05-TB/ĐU"
expect_out_contains "bỏ sinh hoạt"
expect_refused 4 "no discipline record has the id 999" discipline show 999
expect_exit 0 --json discipline list --year 2026
expect_json '[x["id"] for x in d] == ['"$D1"']'
expect_exit 0 --json discipline list --form reprimand
expect_json '[x["member_id"] for x in d] == [5]'
expect_exit 0 --json discipline list --state annulled
expect_json 'd == []'
expect_refused 3 "in_force, annulled or changed" discipline list --state gone
expect_exit 0 discipline list --org C2 --csv -
expect_out_contains "ID,DATE,FORM,WHO,ORG"
expect_out_contains "reprimand,member 5 Hoàng Văn Hải,C2,E98,committee,2025-01-02"
expect_exit 0 discipline list --xlsx disc.xlsx
expect_true "an XLSX workbook" test -s disc.xlsx
# a clerk of E98 without the right: the register and a record refused (7), the member's record
# shows the discipline in force only (form, date, body: no reason, no number)
STDIN=pw.txt expect_exit 0 user add clerk.e98 --role clerk --org E98
expect_exit 0 --json token add clerk.e98
json_val 'd["token"]'
T=$JV
CADRE_TOKEN=$T expect_refused 7 "inspection right" discipline list
CADRE_TOKEN=$T expect_refused 7 "inspection right" discipline show "$D1"
CADRE_TOKEN=$T expect_refused 7 "inspection right" discipline add --member 1 --form warning --body E98 --act-date 2026-01-02 --reason "x"
CADRE_TOKEN=$T expect_refused 7 "inspection right" discipline notify "$D1" --date 2026-03-04
CADRE_TOKEN=$T expect_exit 0 --json member show 1
expect_json '[sorted(x) for x in d["discipline"]] == [["body", "body_kind", "by_body", "date", "effective_on", "form", "id", "member_id", "member_name", "org_code", "org_name", "state"]]'
CADRE_TOKEN=$T expect_exit 0 member show 1
expect_out_contains "warning     decided by E98 (committee)"
expect_out_lacks "bỏ sinh hoạt"
expect_exit 0 user grant clerk.e98 --inspection
CADRE_TOKEN=$T expect_exit 0 --json discipline list
expect_json 'sorted(x["member_id"] for x in d) == [1, 5]'
CADRE_TOKEN=$T expect_exit 0 --json member show 1
expect_json 'd["discipline"][0]["reason"] == "bỏ sinh hoạt" and d["discipline"][0]["decision_no"] == "12-QĐ/ĐU"'
CADRE_TOKEN=$T expect_refused 4 "no organisation" discipline list --org E99

tcase "import discipline: all or nothing, every bad row named; the same checks and effects" "$WORK/base.db"
cat >disc.csv <<'EOF'
member_id,org_code,form,body,inspection,date,act_date,decision_no,case_id,notified_on,effective_on,members_to,reason
1,,reprimand,E98,,2021-05-01,2021-04-01,12-QĐ/ĐU,,2021-05-03,,,vắng sinh hoạt
2,,expulsion,E98,committee,2022-05-01,2022-04-01,13-qd/du,,,,,vi phạm nghiêm trọng
,C35,dissolution,ROOT,,2023-01-10,2022-12-01,,,,,,giải tán
3,,removal,C1,,2024-13-01,2024-01-01,,,,,,x
3,,warning,E98,inspection,2024-03-01,2014-03-01,,,,,,quá hạn
4,,reprimand,E98,,2024-03-01,,,,,,,x
EOF
expect_refused 3 "line 5: date '2024-13-01'" import discipline disc.csv
expect_err_contains "line 6: act_date '2014-03-01'"
expect_err_contains "[R-DISCIPLINE-LIMITATION]"
expect_err_contains "line 7: act_date: act_date is required"
expect_err_contains "nothing was imported: 3 of 6 rows have problems"
expect_eq "nothing imported" 0 "$(count)"
expect_exit 0 --json member show 2
expect_json 'd["status"] == "official"' "no effect of a refused import"
head -4 disc.csv >good.csv
expect_exit 0 import discipline good.csv
expect_out_contains "imported 3 discipline of 3 rows"
expect_exit 0 --json member show 2
expect_json 'd["status"] == "expelled" and d["status_since"] == "2022-05-01"'
expect_exit 0 --json discipline list
expect_json '[(x["form"], x["org_code"], x["decision_no"]) for x in d] == [("dissolution", "C35", ""), ("expulsion", "C1", "13-QĐ/ĐU"), ("reprimand", "C1", "12-QĐ/ĐU")]' "a dissolved organisation's record stays in the register"
expect_refused 2 "all or nothing" import discipline good.csv --skip-bad rej.csv

tcase "--help of every discipline command"
for cmd in "discipline add" "discipline list" "discipline show" "discipline notify"; do
	# shellcheck disable=SC2086
	expect_exit 0 $cmd --help
	expect_out_contains "usage: cadre"
done

done_testing
