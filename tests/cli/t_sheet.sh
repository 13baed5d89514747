#!/bin/bash
# t_sheet.sh - the cadre's own yearly assessment (revisions, the health class, every problem at
# once) and the cadre's sheet from the command line (docs/cadres.md "The cadre's sheet and
# assessment"): every part of the sheet, --as-of, the audit entry cadre.sheet, the personnel
# right and the scope.
. "$(dirname "$0")/lib.sh"

cat >orgs.csv <<'EOF'
code,parent_code,name,kind,established
ROOT,,Quân ủy Trung ương,committee,2010-01-01
QK2,ROOT,Đảng ủy Quân khu 2,committee,2010-01-01
F316,QK2,Đảng ủy Sư đoàn 316,committee,2010-01-01
E98,F316,Đảng ủy Trung đoàn 98,grassroots,2012-01-01
C1,E98,Chi bộ Đại đội 1,cell,2012-01-01
TQ,QK2,Đảng ủy Bộ CHQS tỉnh Hà Giang,committee,2010-01-01
HG,TQ,Đảng ủy Ban CHQS huyện Đồng Văn,grassroots,2012-01-01
C5,HG,Chi bộ Cơ quan,cell,2012-01-01
EOF
{
	echo 'id,org_code,full_name,sex,birth_date,ethnicity,hometown,education,theory_level,rank,admission_decision_date,admission_ceremony_date,official_date,status'
	echo '1,C1,Nguyễn Văn An,male,1980-06-01,Kinh,Hà Giang,12/12,advanced,Trung tá,2005-03-01,2005-03-15,2006-03-15,official'
	echo '2,C1,Trần Văn Bình,male,1981-01-02,Kinh,Hà Giang,12/12,,,2005-03-01,2005-03-15,2006-03-15,official'
	echo '3,C5,Hoàng Văn Hải,male,1984-01-05,Mông,Hà Giang,12/12,,,2005-03-01,2005-03-15,2006-03-15,official'
} >members.csv
build_db "$WORK/base.db" orgs.csv members.csv
printf 'một mật khẩu đủ dài\n' >pw.txt
DEC=(--decision '12/QĐ-BTL' --decided-on 2020-01-10 --body QK2)

tcase "the own assessment: revisions, health, every problem at once, the audit" "$WORK/base.db"
cadre position add --org E98 --kind deputy_commander --on 2015-01-01
cadre position add --org HG --kind commander --on 2015-01-01
cadre org flag HG border --on 2015-01-01
expect_exit 0 appoint 1 E98:deputy_commander "${DEC[@]}" --on 2020-02-01
expect_exit 0 --json rotate 1 E98:deputy_commander HG:commander --decision '30/QĐ-BTL' --decided-on 2025-05-20 --body QK2 --on 2025-06-01
json_val 'd["position_id"]'
HGC=$JV
expect_exit 0 --json assessment add --member 1 --year 2024 --text "  Hoàn thành tốt   nhiệm vụ " --health 2 --strengths "Sâu sát"
expect_json 'd["year"] == 2024 and d["revision"] == 0 and d["current"] and d["health"] == 2 and d["self_text"] == "Hoàn thành tốt nhiệm vụ" and d["position"] == "E98:deputy_commander"' "recorded, the text normalised, the position held at the year's end"
json_val 'd["id"]'
A24=$JV
expect_exit 0 --json assessment add --member 1 --year 2025 --text "Lần đầu"
expect_json 'd["position"] == "HG:commander" and d["health"] is None' "2025: the post rotated to"
json_val 'd["id"]'
A25=$JV
expect_exit 0 --json assessment add --member 1 --year 2025 --text "Bản sửa" --health 1 --position "$HGC"
expect_json 'd["revision"] == 1 and d["current"] and d["health"] == 1' "a new revision of 2025"
expect_exit 0 --json assessment show "$A25"
expect_json 'd["revision"] == 0 and not d["current"] and d["self_text"] == "Lần đầu"' "the old revision kept"
expect_exit 0 --json assessment list --member 1
expect_json '[(x["year"], x["revision"]) for x in d] == [(2025, 1), (2024, 0)]' "the current ones, newest first"
expect_exit 0 --json assessment list --member 1 --all
expect_json '[(x["year"], x["revision"], x["current"]) for x in d] == [(2025, 1, True), (2025, 0, False), (2024, 0, True)]' "every revision"
expect_exit 0 assessment list --member 1
expect_out_contains "HG:commander"
expect_exit 0 --json audit list --limit 6
expect_json '[x for x in d if x["action"] == "assessment.add"][0]["before"]["self_text"] == "Lần đầu" and [x for x in d if x["action"] == "assessment.add"][0]["subject"] == "member:1"' "the replaced revision in the audit entry"
# every problem at once
expect_refused 3 "give the year assessed" assessment add --member 1 --year 2030 --health 9 --position abc
expect_err_contains "health class is a number from 1"
expect_err_contains "give the cadre's own assessment"
expect_err_contains "position is a position's id"
expect_refused 3 "did not hold position" assessment add --member 2 --year 2025 --text X --position "$HGC"
expect_refused 4 "no member has the id" assessment add --member 99 --year 2025 --text X
expect_refused 2 "--member" assessment add --year 2025 --text X
expect_refused 4 "no assessment has the id" assessment show 9999
cp "$DB" "$WORK/assessed.db"

tcase "the sheet: every part, as of a date, audited" "$WORK/assessed.db"
expect_exit 0 committee add --org E98 --term-start 2020-10-01 --seats 3 --standing-seats 1 --body F316
expect_exit 0 committee seat 1 --seat 1=deputy_secretary
expect_exit 0 training add --member 1 --course "Cao cấp lý luận chính trị" --school "Học viện Chính trị" --kind long_term --from 2023-09-01 --to 2024-06-30 --result Giỏi
expect_exit 0 training add --member 1 --course "Bồi dưỡng" --school "Quân khu 2" --kind short --from 2026-12-01
expect_exit 0 review member 1 --year 2023 --grade good
expect_exit 0 review member 1 --year 2025 --grade complete
expect_exit 0 position add --org E98 --kind commander --on 2015-01-01
sqlite3 "$DB" "INSERT INTO plan_period(code, from_year, to_year, created_by) VALUES ('2025-2030', 2025, 2030, 't');
	INSERT INTO plan_successor(period_id, position_id, member_id, rank, from_version, recorded_by)
	 SELECT 1, p.id, 1, 2, 1, 't' FROM position p JOIN org o ON o.id = p.org_id WHERE o.code = 'E98' AND p.kind = 'commander';
	INSERT INTO plan_successor(period_id, position_id, member_id, rank, from_version, to_version, removed_reason, recorded_by)
	 SELECT 1, p.id, 1, 1, 1, 2, 'x', 't' FROM position p WHERE p.kind = 'commander' AND p.id = $HGC;"
expect_exit 0 --json sheet 1
expect_json 'd["as_of"] == "2026-11-23" and d["member"]["full_name"] == "Nguyễn Văn An" and d["member"]["age"] == 46 and d["member"]["rank"] == "Trung tá" and d["member"]["theory_level"] == "advanced" and d["member"]["org"] == "C1" and d["member"]["org_name"] == "Chi bộ Đại đội 1" and d["member"]["official"] == "2006-03-15"' "identity"
expect_json '[(p["org"], p["kind"], p["from"], p["to"], p["how"]) for p in d["positions"]] == [("E98", "deputy_commander", "2020-02-01", "2025-06-01", "appoint"), ("HG", "commander", "2025-06-01", None, "rotate")]' "positions held, the history"
expect_json 'len(d["rotations"]) == 1 and d["rotations"][0]["to_border"] and d["rotations"][0]["from_org"] == "E98" and d["rotations"][0]["from_kind"] == "deputy_commander"' "the rotation to a border area, from where"
expect_json '[(c["org"], c["role"], c["term_start"]) for c in d["committees"]] == [("E98", "deputy_secretary", "2020-10-01")]' "the committee seat"
expect_json '[(p["period"], p["org"], p["kind"], p["rank"], p["since_version"]) for p in d["plans"]] == [("2025-2030", "E98", "commander", 2, 1)]' "planned for (a removed row not shown)"
expect_json '[t["course"] for t in d["training"]] == ["Cao cấp lý luận chính trị"]' "training begun by the date"
expect_json '[(y["year"], y["grade"], y["assessment"] and y["assessment"]["revision"]) for y in d["years"]] == [(2021, None, None), (2022, None, None), (2023, "good", None), (2024, None, 0), (2025, "complete", 1)]' "five years: reviews beside the own assessments"
expect_json 'd["health"] == 1 and d["health_year"] == 2025' "the latest health class"
expect_exit 0 --json audit list --limit 1
expect_json 'd[0]["action"] == "cadre.sheet" and d[0]["subject"] == "member:1"' "the opening audited"
expect_exit 0 --json sheet 1 --as-of 2024-12-31
expect_json '[(p["kind"], p["to"]) for p in d["positions"]] == [("deputy_commander", None)] and d["rotations"] == [] and d["member"]["age"] == 44' "as of 2024: before the rotation"
expect_json '[y["year"] for y in d["years"]] == [2020, 2021, 2022, 2023, 2024] and d["health"] == 2' "the years and health of that date"
expect_exit 0 sheet 1
expect_out_contains "HG commander [rotation, to a border area]"
expect_out_contains "rank 2 (since version 1)"
expect_out_contains "2025  complete"
expect_exit 0 --json sheet 2
expect_json 'd["positions"] == [] and d["health"] is None and [y["year"] for y in d["years"]][-1] == 2025' "a member with nothing: the year before today's last"
expect_refused 4 "no member has the id" sheet 99
expect_refused 2 "not a real calendar date" sheet 1 --as-of 2024-02-30
cp "$DB" "$WORK/sheet.db"

tcase "the personnel right and the scope" "$WORK/sheet.db"
declare -A TOK
for spec in e98.clerk:clerk:E98:0 e98.pers:clerk:E98:1 e98.view:viewer:E98:1 hg.pers:org_admin:HG:1; do
	IFS=: read -r name role org pers <<<"$spec"
	if [ "$pers" = 1 ]; then
		STDIN=pw.txt expect_exit 0 user add "$name" --role "$role" --org "$org" --personnel
	else
		STDIN=pw.txt expect_exit 0 user add "$name" --role "$role" --org "$org"
	fi
	expect_exit 0 --json token add "$name"
	json_val 'd["token"]'
	TOK[$name]=$JV
done
CADRE_TOKEN=${TOK[e98.clerk]} expect_refused 7 "personnel right" sheet 1
CADRE_TOKEN=${TOK[e98.clerk]} expect_refused 7 "personnel right" sheet 99
CADRE_TOKEN=${TOK[e98.clerk]} expect_refused 7 "personnel right" assessment list --member 1
CADRE_TOKEN=${TOK[e98.clerk]} expect_refused 7 "personnel right" assessment add --member 1 --year 2025 --text X
CADRE_TOKEN=${TOK[e98.clerk]} expect_refused 7 "personnel right" assessment show "$A24"
CADRE_TOKEN=${TOK[e98.pers]} expect_exit 0 --json sheet 1
expect_json 'd["member"]["id"] == 1'
CADRE_TOKEN=${TOK[e98.pers]} expect_exit 0 --json audit list --limit 1
expect_json 'd[0]["action"] == "cadre.sheet" and d[0]["actor"] == "e98.pers"' "audited under the account"
CADRE_TOKEN=${TOK[e98.pers]} expect_refused 4 "no member has the id" sheet 3
CADRE_TOKEN=${TOK[e98.pers]} expect_exit 0 assessment add --member 2 --year 2025 --text "Tốt"
CADRE_TOKEN=${TOK[e98.view]} expect_exit 0 assessment list --member 2
CADRE_TOKEN=${TOK[e98.view]} expect_refused 7 "may read" assessment add --member 2 --year 2025 --text "Tốt"
CADRE_TOKEN=${TOK[hg.pers]} expect_refused 4 "no member has the id" sheet 1
CADRE_TOKEN=${TOK[hg.pers]} expect_refused 4 "no assessment has the id" assessment show "$A24"
CADRE_TOKEN=${TOK[hg.pers]} expect_exit 0 sheet 3

done_testing
