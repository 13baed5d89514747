#!/bin/bash
# t_plan.sh - personnel planning from the command line (docs/cadres.md "Planning"): periods,
# a plan approved (version 1) and reviewed (version 2), successors added, removed and
# re-ranked with their reasons, each version answerable; R-PLAN-MAX-POSITIONS and
# R-PLAN-PER-POSITION at their boundaries; the criteria as dated data (a row switching one
# off); a candidate judged from the records (age at the ceiling, months in the lower post,
# decided reviews) with each criterion not met shown; the targets red when missed; the
# vacancy report's successors and ready; the personnel right; the audit entries; CSV.
. "$(dirname "$0")/lib.sh"

# ROOT > QK2 > F316 > E98 > C1; QK2 > TQ
cat >orgs.csv <<'EOF2'
code,parent_code,name,kind,established
ROOT,,Quân ủy Trung ương,committee,2010-01-01
QK2,ROOT,Đảng ủy Quân khu 2,committee,2010-01-01
F316,QK2,Đảng ủy Sư đoàn 316,committee,2010-01-01
E98,F316,Đảng ủy Trung đoàn 98,grassroots,2012-01-01
C1,E98,Chi bộ Đại đội 1,cell,2012-01-01
TQ,QK2,Đảng ủy Bộ CHQS tỉnh Tuyên Quang,committee,2010-01-01
EOF2
{
	echo 'id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status,rank,theory_level,education'
	echo '1,C1,Nguyễn Văn An,male,1985-01-01,Kinh,Hà Giang,2005-03-01,2005-03-15,2006-03-15,official,Đại úy,advanced,12/12'
	echo '2,C1,Trần Thị Bình,female,1984-06-01,Tày,Hà Giang,2005-03-01,2005-03-15,2006-03-15,official,Đại úy,intermediate,12/12'
	echo '3,C1,Lê Văn Cường,male,1990-01-03,Kinh,Hà Giang,2010-03-01,2010-03-15,2011-03-15,official,Thượng úy,primary,9/12'
	echo '4,C1,Phạm Văn Dũng,male,1983-01-04,Kinh,Hà Giang,2005-03-01,2005-03-15,2006-03-15,official,Thiếu tá,advanced,12/12'
	echo '5,C1,Hoàng Văn Hải,male,1984-12-31,Mông,Hà Giang,2005-03-01,2005-03-15,2006-03-15,official,Đại úy,advanced,12/12'
	echo '6,C1,Vũ Văn Khánh,male,1983-12-31,Kinh,Hà Giang,2005-03-01,2005-03-15,2006-03-15,official,Đại úy,advanced,12/12'
} >members.csv
build_db "$WORK/base.db" orgs.csv members.csv
DB=$WORK/base.db
cadre position add --org E98 --kind commander --on 2020-01-01
cadre position add --org E98 --kind commissar --on 2020-01-01
cadre position add --org E98 --kind deputy_commander --seats 2 --on 2020-01-01
cadre position add --org E98 --kind secretary --on 2020-01-01
cadre position add --org TQ --kind commander --on 2020-01-01
# 1 holds the lower post 34 months by today (2026-11-23); 5 exactly 24 months, 6 23 months
expect_exit 0 appoint 1 E98:deputy_commander --decision 1/QĐ --decided-on 2024-01-10 --body QK2 --on 2024-01-20
expect_exit 0 appoint 5 E98:deputy_commander --decision 2/QĐ --decided-on 2024-11-10 --body QK2 --on 2024-11-23
cp "$DB" "$WORK/pos.db"

tcase "periods, approval, review: versions with their rules" "$WORK/pos.db"
expect_exit 0 --json succession periods
expect_json 'd == []'
expect_exit 0 --json succession period add 2025-2030 2025 2030
expect_json 'd["code"] == "2025-2030" and d["from_year"] == 2025'
expect_refused 3 "exists already" succession period add 2025-2030 2025 2030
expect_refused 3 "the end after the start" succession period add X 2030 2025
expect_refused 2 "period add CODE" succession period drop X 1 2
expect_refused 5 "not approved yet" succession add --org E98 --position E98:commander --member 1 --reason r
expect_refused 5 "not approved yet" succession review --org E98 --year 2026
expect_exit 0 --json succession approve --org E98 --decision 15/QĐ --decided-on 2025-03-01 --body QK2 --note "phê duyệt"
expect_json 'd["version"] == 1 and d["year"] == 2025 and d["decision"] == "15/QĐ" and d["body"] == "QK2"'
expect_refused 5 "approved already" succession approve --org E98
expect_refused 2 "--year" succession review --org E98
expect_refused 5 "give a later year" succession review --org E98 --year 2025
expect_refused 3 "outside the period" succession review --org E98 --year 2031
expect_refused 4 "no planning period NOPE" succession plan --org E98 --period NOPE
expect_exit 0 --json succession plan --org E98
expect_json 'd["version"] == 1 and d["latest"] == 1 and [p["kind"] for p in d["positions"]] == ["secretary", "commander", "commissar"] and d["short"] == 3' "the key positions of the subtree, all short"
cp "$DB" "$WORK/approved.db"

tcase "successors: add at a rank, the rules at their boundaries, remove, re-rank, versions" "$WORK/approved.db"
expect_refused 3 "give the reason" succession add --org E98 --position E98:commander --member 1
expect_refused 5 "not a key position" succession add --org E98 --position E98:deputy_commander --member 1 --reason r
expect_refused 5 "not a key position in force of E98's subtree" succession add --org E98 --position TQ:commander --member 1 --reason r
expect_refused 4 "no member has the id 99" succession add --org E98 --position E98:commander --member 99 --reason r
expect_exit 0 succession add --org E98 --position E98:commander --member 1 --reason "đủ tiêu chuẩn"
expect_out_contains "successor planned"
expect_refused 5 "planned for commander of E98 already" succession add --org E98 --position E98:commander --member 1 --reason r
expect_refused 3 "the rank must be from 1 to 2" succession add --org E98 --position E98:commander --member 2 --reason r --rank 3
expect_exit 0 succession add --org E98 --position E98:commander --member 2 --reason "nữ, dân tộc Tày" --rank 1
expect_exit 0 succession add --org E98 --position E98:commander --member 4 --reason "r"
# R-PLAN-PER-POSITION: 3 is the most; the fourth is refused
expect_refused 5 "R-PLAN-PER-POSITION" succession add --org E98 --position E98:commander --member 3 --reason r
# R-PLAN-MAX-POSITIONS: member 1 planned for 3 positions, not a fourth
expect_exit 0 succession add --org E98 --position E98:commissar --member 1 --reason r
expect_exit 0 succession add --org E98 --position E98:secretary --member 1 --reason r
cadre position add --org F316 --kind commander --on 2020-01-01
expect_exit 0 succession approve --org F316 --year 2025
expect_refused 5 "R-PLAN-MAX-POSITIONS" succession add --org F316 --position F316:commander --member 1 --reason r
expect_exit 0 --json succession plan --org E98
expect_json '[(c["member_id"], c["rank"]) for p in d["positions"] if p["kind"] == "commander" for c in p["candidates"]] == [(2, 1), (1, 2), (4, 3)]' "ranked, 2 inserted first"
expect_json '[p["short"] for p in d["positions"]] == [True, False, True] and d["short"] == 2 and d["people"] == 3'
# the yearly review: version 2, a removal and an addition with reasons
expect_exit 0 --json succession review --org E98 --year 2026 --decision 20/QĐ --note "rà soát năm 2026"
expect_json 'd["version"] == 2'
expect_exit 0 succession remove --org E98 --position E98:commander --member 2 --reason "chuyển công tác"
expect_refused 4 "is not planned for commander of E98" succession remove --org E98 --position E98:commander --member 2 --reason r
expect_refused 3 "give the reason" succession remove --org E98 --position E98:commander --member 1
expect_exit 0 succession add --org E98 --position E98:commissar --member 3 --reason "cán bộ trẻ" --rank 1
expect_exit 0 succession rerank --org E98 --position E98:commander --member 4 --rank 1
expect_refused 5 "ranked 1 already" succession rerank --org E98 --position E98:commander --member 4 --rank 1
expect_refused 3 "the rank must be from 1 to 2" succession rerank --org E98 --position E98:commander --member 4 --rank 3
expect_exit 0 --json succession plan --org E98
expect_json 'd["version"] == 2 and [(c["member_id"], c["rank"]) for p in d["positions"] if p["kind"] == "commander" for c in p["candidates"]] == [(4, 1), (1, 2)]' "version 2: removed, re-ranked"
expect_json '[(c["member_id"], c["rank"], c["from_version"]) for p in d["positions"] if p["kind"] == "commissar" for c in p["candidates"]] == [(3, 1, 2), (1, 2, 2)]' "an addition in version 2 moves the others down"
expect_exit 0 --json succession plan --org E98 --version 1
expect_json 'd["version"] == 1 and [(c["member_id"], c["rank"]) for p in d["positions"] if p["kind"] == "commander" for c in p["candidates"]] == [(2, 1), (1, 2), (4, 3)]' "version 1 as it was"
expect_json '[c["member_id"] for p in d["positions"] if p["kind"] == "commissar" for c in p["candidates"]] == [1]'
expect_refused 4 "has no version 3" succession plan --org E98 --version 3
expect_exit 0 --json audit list
expect_json '[x["action"] for x in d[:4]] == ["plan.rerank", "plan.add", "plan.remove", "plan.review"]' "every change audited"
expect_json '[x["subject"] for x in d if x["action"] == "plan.remove"] == ["member:2"]'
expect_exit 0 succession plan --org E98 --csv plan.csv
expect_py 'len(rows("plan.csv")) == 5 and rows("plan.csv")[1]["kind"] == "commander" and rows("plan.csv")[1]["member_id"] == "4" and rows("plan.csv")[1]["ready"] == "no"' "the plan as CSV"
cp "$DB" "$WORK/planned.db"

tcase "criteria from the records; a row switching one off; targets; the vacancy report" "$WORK/planned.db"
expect_exit 0 --json succession plan --org E98
expect_json '[f["criterion"] for p in d["positions"] if p["kind"] == "commander" for c in p["candidates"] if c["member_id"] == 1 for f in c["failed"]] == ["review_grades", "health"]' "age exactly at the ceiling and 34 months met; no reviews, no health"
expect_json '[f for p in d["positions"] if p["kind"] == "commander" for c in p["candidates"] if c["member_id"] == 1 for f in c["failed"]][0] == {"criterion": "review_grades", "found": "2025: none; 2024: none", "needed": "2 years good or better"}'
expect_exit 0 review member 1 --year 2025 --grade good
expect_exit 0 review member 1 --year 2024 --grade good
expect_exit 0 --json succession criteria --kind commander
expect_json '{r["criterion"]: r["value"] for r in d}["lower_post_months"] == "deputy_commander:24" and len(d) == 6'
expect_refused 3 "highest health class" succession criteria --set '*' health 9
expect_refused 3 "no such criterion" succession criteria --set '*' age 40
expect_refused 4 "general" succession criteria --set general health 2
expect_exit 0 succession criteria --set '*' health "" --from 2026-01-01 --source "thử"
expect_exit 0 --json succession criteria --kind commander --as-of 2025-12-31
expect_json '{r["criterion"]: r["value"] for r in d}["health"] == "2"' "as of a date before the row"
expect_exit 0 --json succession plan --org E98
expect_json '[c["ready"] for p in d["positions"] if p["kind"] == "commander" for c in p["candidates"] if c["member_id"] == 1] == [True]' "ready once reviewed and health off"
expect_json '[f["criterion"] for p in d["positions"] if p["kind"] == "commissar" for c in p["candidates"] if c["member_id"] == 1 for f in c["failed"]] == ["lower_post_months"]' "the commissar's lower post is another"
expect_exit 0 --json audit list
expect_json 'd[0]["action"] == "plan.criterion.set"'
# targets: women 20% missed (0 of 3), young under 40 met (member 3)
expect_exit 0 succession targets --org E98 --set women --pct 20
expect_refused 3 "needs the age" succession targets --org E98 --set young --pct 30
expect_exit 0 --json succession targets --org E98 --set young --pct 30 --age-under 40
expect_json '[(t["target"], t["count"], t["pct"], t["missed"]) for t in d] == [("young", 1, 33, False), ("women", 0, 0, True)]'
expect_exit 0 succession targets --org E98
expect_out_contains "women: 0% (0), target 20% MISSED"
# the vacancy report: commander vacant with 2 successors, 1 ready
expect_exit 0 --json vacancy --org E98
expect_json 'sorted((v["kind"], v["successors"], v["ready"]) for v in d if v["what"] == "position") == [("commander", 2, 1), ("commissar", 2, 0), ("secretary", 1, 0)]'
expect_exit 0 vacancy --org E98
expect_out_contains "SUCCESSORS/READY"
expect_out_contains "2/1"
# the report's planning table and the worklist item
expect_exit 0 --json report --org E98
expect_json '{r["key"]: (r["count"]["count"], r["records"]) for r in d["tables"]["planning"]["rows"]} == {"key_positions": (3, "plan"), "planned": (2, "plan"), "short": (1, "plan"), "people": (3, "plan")}'
expect_exit 0 --json worklist
expect_json '[(i["count"], i["link"]) for i in d["items"] if i["id"] == "plan_short"] == [(3, "/orgs/ROOT/plan")]' "E98's secretary, TQ's and F316's commanders"
cp "$DB" "$WORK/judged.db"

tcase "the personnel right: needed for every planning command" "$WORK/judged.db"
printf 'một mật khẩu đủ dài\n' >pw.txt
STDIN=pw.txt expect_exit 0 user add e98.clerk --role clerk --org E98
expect_exit 0 --json token add e98.clerk
json_val 'd["token"]'
CLERK=$JV
STDIN=pw.txt expect_exit 0 user add e98.pers --role clerk --org E98 --personnel
expect_exit 0 --json token add e98.pers
json_val 'd["token"]'
PERS=$JV
for args in "succession periods" "succession plan --org E98" "succession criteria" \
	"succession targets --org E98" "succession add --org E98 --position E98:commander --member 5 --reason r"; do
	# shellcheck disable=SC2086
	CADRE_TOKEN=$CLERK cadre $args
	expect_eq "without the right: $args" 7 "$RC"
done
CADRE_TOKEN=$CLERK expect_exit 0 --json worklist
expect_json '"plan_short" not in [i["id"] for i in d["items"]]' "no planning item without the right"
CADRE_TOKEN=$CLERK expect_exit 0 --json report --org E98
expect_json '"planning" not in d["tables"]' "no planning table without the right"
CADRE_TOKEN=$CLERK expect_exit 0 --json vacancy --org E98
expect_json 'all("successors" not in v and "ready" not in v for v in d) and len(d) == 3' "the report without the plan's columns"
CADRE_TOKEN=$PERS expect_exit 0 --json succession plan --org E98
CADRE_TOKEN=$PERS expect_exit 0 succession add --org E98 --position E98:commander --member 5 --reason "24 tháng"
expect_exit 0 review member 5 --year 2025 --grade good
expect_exit 0 review member 5 --year 2024 --grade good
CADRE_TOKEN=$PERS cadre succession criteria --set '*' health 2
expect_eq "a criterion is set by a system administrator only" 7 "$RC"
CADRE_TOKEN=$PERS cadre succession period add 2030-2035 2030 2035
expect_eq "a period is added by a system administrator only" 7 "$RC"
CADRE_TOKEN=$PERS cadre succession plan --org TQ
expect_eq "another subtree's plan does not exist for them" 4 "$RC"
expect_exit 0 --json succession plan --org E98
expect_json '[(c["member_id"], c["ready"]) for p in d["positions"] if p["kind"] == "commander" for c in p["candidates"]] == [(4, False), (1, True), (5, True)]' "24 months exactly: ready"
expect_exit 0 succession add --org E98 --position E98:secretary --member 6 --reason r
expect_exit 0 --json succession plan --org E98
expect_json '[f["criterion"] + ":" + f["found"] for p in d["positions"] if p["kind"] == "secretary" for c in p["candidates"] if c["member_id"] == 6 for f in c["failed"]] == ["max_age:41", "lower_post_months:0", "review_grades:2025: none; 2024: none"]' "a year over the ceiling"

done_testing
