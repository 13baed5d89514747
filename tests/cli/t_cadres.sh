#!/bin/bash
# t_cadres.sh - key cadres from the command line (docs/cadres.md): the catalogue of position
# kinds, positions of organisations, the flags difficult and border (dated), appointments,
# dismissals, transfers and rotations with their decisions (R-POS-DECIDER-LEVEL at its
# boundary), the history answered as of a date, a holder leaving the rolls, committees per term
# (R-COMMITTEE-TERM-YEARS) and their seats, the rotations of a year and the vacancy report in
# priority order, with the audit entries.
. "$(dirname "$0")/lib.sh"

# ROOT(0) > QK2(1) > F316(2) > E98(3) > C1, C2(4); QK2 > TQ(2) > HG(3) > C5(4)
cat >orgs.csv <<'EOF'
code,parent_code,name,kind,established
ROOT,,Quân ủy Trung ương,committee,2010-01-01
QK2,ROOT,Đảng ủy Quân khu 2,committee,2010-01-01
F316,QK2,Đảng ủy Sư đoàn 316,committee,2010-01-01
E98,F316,Đảng ủy Trung đoàn 98,grassroots,2012-01-01
C1,E98,Chi bộ Đại đội 1,cell,2012-01-01
C2,E98,Chi bộ Đại đội 2,cell,2012-01-01
TQ,QK2,Đảng ủy Bộ CHQS tỉnh Hà Giang,committee,2010-01-01
HG,TQ,Đảng ủy Ban CHQS huyện Đồng Văn,grassroots,2012-01-01
C5,HG,Chi bộ Cơ quan,cell,2012-01-01
EOF
{
	echo 'id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status'
	echo '1,C1,Nguyễn Văn An,male,1980-01-01,Kinh,Hà Giang,2005-03-01,2005-03-15,2006-03-15,official'
	echo '2,C1,Trần Văn Bình,male,1981-01-02,Kinh,Hà Giang,2005-03-01,2005-03-15,2006-03-15,official'
	echo '3,C2,Lê Văn Cường,male,1982-01-03,Tày,Hà Giang,2005-03-01,2005-03-15,2006-03-15,official'
	echo '4,C2,Phạm Văn Dũng,male,1983-01-04,Kinh,Hà Giang,2005-03-01,2005-03-15,2006-03-15,official'
	echo '5,C5,Hoàng Văn Hải,male,1984-01-05,Mông,Hà Giang,2005-03-01,2005-03-15,2006-03-15,official'
} >members.csv
build_db "$WORK/base.db" orgs.csv members.csv
DEC=(--decision '12/QĐ-BTL' --decided-on 2024-01-10)

tcase "the catalogue of position kinds" "$WORK/base.db"
expect_exit 0 --json position kinds
expect_json 'len(d) == 11 and [k["code"] for k in d if k["key"]] == ["secretary", "deputy_secretary", "inspection_chair", "commander", "commissar"]'
expect_json '[k for k in d if k["code"] == "commissar"][0]["pair"] == "secretary" and [k for k in d if k["code"] == "commissar"][0]["name_vi"] == "Chính ủy / Chính trị viên"'
expect_exit 0 position kinds --help
expect_out_contains "--json"

tcase "positions, flags, appointments and the history as of a date" "$WORK/base.db"
expect_exit 0 --json position add --org E98 --kind commander --on 2020-01-01
expect_json 'd["kind"] == "commander" and d["key"] and d["seats"] == 1 and d["history"] == []'
json_val 'd["id"]'
CMD_ID=$JV
expect_exit 0 position add --org E98 --kind commissar --on 2020-01-01
expect_exit 0 --json position add --org E98 --kind deputy_commander --seats 2 --on 2020-01-01
expect_json 'd["seats"] == 2 and not d["key"]'
expect_exit 0 position add --org HG --kind commander --on 2020-01-01
expect_exit 0 position add --org HG --kind commissar --on 2020-01-01
expect_refused 3 "is not a position kind" position add --org E98 --kind general --on 2020-01-01
expect_refused 3 "has one seat" position add --org E98 --kind secretary --seats 2 --on 2020-01-01
expect_refused 5 "already has the position commander" position add --org E98 --kind commander
expect_refused 4 "no organisation has the code 'NOPE'" position add --org NOPE --kind commander
# flags, dated
expect_exit 0 org flag HG border --on 2020-01-01 --decision '45/QĐ-TTg'
expect_refused 5 "already flagged border" org flag HG border --on 2021-01-01
expect_refused 3 "is not a flag" org flag HG mountain
# R-POS-DECIDER-LEVEL: a regiment's commander by a body two levels up at least
expect_refused 5 "R-POS-DECIDER-LEVEL" appoint 1 E98:commander "${DEC[@]}" --body F316 --on 2024-02-01
expect_refused 5 "at least 2 level(s) up" appoint 1 E98:commander "${DEC[@]}" --body F316 --on 2024-02-01
expect_refused 5 "R-POS-DECIDER-LEVEL" appoint 1 E98:commander "${DEC[@]}" --body E98 --on 2024-02-01
expect_refused 5 "R-POS-DECIDER-LEVEL" appoint 1 E98:commander "${DEC[@]}" --body TQ --on 2024-02-01
expect_refused 3 "the decision's number is required" appoint 1 E98:commander --decided-on 2024-01-10 --body QK2
expect_refused 3 "the deciding body is required" appoint 1 E98:commander "${DEC[@]}"
expect_refused 4 "no member has the id 99" appoint 99 E98:commander "${DEC[@]}" --body QK2
expect_refused 4 "has no position secretary" appoint 1 E98:secretary "${DEC[@]}" --body QK2
expect_exit 0 --json appoint 1 E98:commander "${DEC[@]}" --body QK2 --on 2024-02-01
expect_json 'd["member_id"] == 1 and d["how"] == "appoint" and d["body"] == "QK2" and d["from"] == "2024-02-01" and d["to"] is None and not d["acting"]'
# one level is enough for a deputy: the division decides it
expect_exit 0 appoint 3 E98:deputy_commander "${DEC[@]}" --body F316 --on 2024-02-01
expect_refused 5 "every seat of commander of E98 is held" appoint 2 E98:commander "${DEC[@]}" --body QK2 --on 2024-03-01
expect_refused 5 "already holds commander" appoint 1 E98:commander "${DEC[@]}" --body QK2 --on 2024-03-01
expect_exit 0 --json position list --org E98 --as-of 2024-01-31
expect_json '[p["holders"] for p in d if p["kind"] == "commander"] == [[]]' "nobody before the appointment"
expect_exit 0 --json position list --org E98 --as-of 2024-02-01
expect_json '[h["member_name"] for p in d if p["kind"] == "commander" for h in p["holders"]] == ["Nguyễn Văn An"]'
expect_exit 0 position list --org E98
expect_out_contains "Nguyễn Văn An (1)"
expect_out_contains "(vacant)"

tcase "dismiss, acting holders, transfers, rotations and the vacancy report" "$WORK/base.db"
for k in commander commissar; do cadre position add --org E98 --kind $k --on 2020-01-01; cadre position add --org HG --kind $k --on 2020-01-01; done
cadre position add --org E98 --kind deputy_commander --seats 2 --on 2020-01-01
cadre org flag HG border --on 2020-01-01
cadre org flag HG difficult --on 2025-06-02
expect_exit 0 appoint 1 E98:commander "${DEC[@]}" --body QK2 --on 2024-02-01
expect_exit 0 appoint 2 E98:commissar "${DEC[@]}" --body QK2 --on 2024-02-01
expect_exit 0 appoint 3 E98:deputy_commander "${DEC[@]}" --body F316 --on 2024-02-01
expect_exit 0 appoint 5 HG:commissar "${DEC[@]}" --body QK2 --on 2024-02-01
expect_refused 3 "the reason is required" dismiss 1 E98:commander --decision '7/QĐ-BTL' --decided-on 2024-12-20 --body QK2 --on 2025-01-01
expect_refused 5 "can end only after" dismiss 1 E98:commander --decision '7/QĐ-BTL' --decided-on 2024-01-20 --body QK2 --on 2024-02-01 --reason 'nghỉ hưu'
expect_refused 5 "does not hold commander" dismiss 2 E98:commander --decision '7/QĐ-BTL' --decided-on 2024-12-20 --body QK2 --on 2025-01-01 --reason 'nghỉ hưu'
expect_exit 0 dismiss 1 E98:commander --decision '7/QĐ-BTL' --decided-on 2024-12-20 --body QK2 --on 2025-01-01 --reason 'nghỉ hưu'
expect_exit 0 --json position show E98:commander
expect_json 'len(d["history"]) == 1 and d["history"][0]["to"] == "2025-01-01" and d["history"][0]["end"]["reason"] == "nghỉ hưu" and d["history"][0]["end"]["how"] == "dismiss" and d["history"][0]["end"]["decision"] == "7/QĐ-BTL"'
expect_exit 0 --json position show E98:commander --as-of 2024-12-31
expect_json '[h["member_id"] for h in d["holders"]] == [1]'
expect_exit 0 --json position show E98:commander --as-of 2025-01-01
expect_json 'd["holders"] == []'
# the commander's post vacant from the dismissal (days to 2026-11-23)
expect_exit 0 --json vacancy --org QK2
expect_json '[(v["org"], v["kind"], v["state"], v["since"], v["days"]) for v in d] == [("HG", "commander", "vacant", "2020-01-01", 2518), ("E98", "commander", "vacant", "2025-01-01", 691)]'
# rotate the deputy to the border district's commander: flagged border and difficult that day
expect_refused 5 "R-POS-DECIDER-LEVEL" rotate 3 E98:deputy_commander HG:commander --decision '30/QĐ-BTL' --decided-on 2025-05-20 --body F316 --on 2025-06-01
expect_exit 0 --json rotate 3 E98:deputy_commander HG:commander --decision '30/QĐ-BTL' --decided-on 2025-05-20 --body QK2 --on 2025-06-01
expect_json 'd["how"] == "rotate" and d["to_border"] and not d["to_difficult"] and d["previous"] is not None and d["org"] == "HG"'
expect_exit 0 --json position show E98:deputy_commander
expect_json 'd["history"][0]["end"]["how"] == "rotate" and d["history"][0]["to"] == "2025-06-01"'
# an acting commander at the regiment
expect_exit 0 --json appoint 4 E98:commander --decision '31/QĐ-BTL' --decided-on 2025-06-20 --body QK2 --on 2025-07-01 --acting
expect_json 'd["acting"]'
expect_refused 5 "every seat" appoint 2 E98:commander --decision '32/QĐ-BTL' --decided-on 2025-06-20 --body QK2 --on 2025-07-02 --acting
# a transfer between posts (not a rotation)
cadre position add --org HG --kind deputy_commissar --on 2020-01-01
expect_refused 5 "every seat of commissar of HG is held" transfer 2 E98:commissar HG:commissar --decision '33/QĐ-BTL' --decided-on 2025-06-20 --body QK2 --on 2025-07-01
expect_exit 0 --json transfer 2 E98:commissar HG:deputy_commissar --decision '33/QĐ-BTL' --decided-on 2025-06-20 --body QK2 --on 2025-07-01
expect_json 'd["how"] == "transfer" and d["org"] == "HG" and d["kind"] == "deputy_commissar" and not d["to_border"]'
expect_refused 5 "does not hold commissar" transfer 2 E98:commissar HG:deputy_commissar --decision '33/QĐ-BTL' --decided-on 2025-06-20 --body QK2 --on 2025-07-02
# the holder of HG's commissar leaves the rolls: the post counts as vacant from that day
cadre member status 5 deceased --date 2026-01-05
expect_exit 0 --json position show HG:commissar --as-of 2026-02-01
expect_json '[h["holder_left"] for h in d["holders"]] == [True]'
expect_exit 0 --json rotations --org QK2 --year 2025
expect_json 'd["rotations"] == 1 and d["to_border"] == 1 and d["to_difficult_or_border"] == 1 and d["items"][0]["member_id"] == 3'
expect_exit 0 --json rotations --org QK2 --year 2024
expect_json 'd["rotations"] == 0'
expect_exit 0 --json vacancy --org QK2
expect_json '[(v["org"], v["kind"], v["state"], v["since"]) for v in d] == [("HG", "commissar", "vacant", "2026-01-05"), ("E98", "commander", "acting", "2025-07-01"), ("E98", "commissar", "vacant", "2025-07-01")]' "border first, then the longest vacant"
expect_json 'd[0]["border"] and d[0]["difficult"] and d[0]["priority"] == 0 and d[1]["priority"] == 2'
# as of a past date: before the dismissal, only HG's commander was vacant
expect_exit 0 --json vacancy --org QK2 --as-of 2024-06-01
expect_json '[(v["org"], v["kind"], v["state"], v["since"]) for v in d] == [("HG", "commander", "vacant", "2020-01-01")]'
# the report's table: 4 key posts (the deputies are not key), as the vacancy report counts them
expect_exit 0 --json report --org QK2 --year 2025
expect_json '{r["key"]: (r["count"]["count"], r["count"].get("base"), r["filter"]) for r in d["tables"]["key_cadres"]["rows"]} == {"key_positions": (4, None, ""), "vacant": (2, 4, "cadre_state=vacant"), "acting": (1, 4, "cadre_state=acting"), "committees": (0, None, ""), "understaffed": (0, None, "cadre_state=understaffed"), "rotations": (1, None, "cadre_rotation=all"), "rotations_border": (1, 1, "cadre_rotation=border"), "rotations_difficult": (0, 1, "cadre_rotation=difficult")}' "key_cadres: the figures hand-counted"
expect_json 'all(r["records"] == ("cadres" if r["filter"] else "") for r in d["tables"]["key_cadres"]["rows"])'
expect_exit 0 --json report --org QK2 --year 2024 --as-of 2024-06-01
expect_json '[(r["key"], r["count"]["count"]) for r in d["tables"]["key_cadres"]["rows"]][:3] == [("key_positions", 4), ("vacant", 1), ("acting", 0)] and [r["count"]["count"] for r in d["tables"]["key_cadres"]["rows"] if r["key"] == "rotations"] == [0]' "as of a past date"
expect_exit 0 --json report --org E98 --year 2025
expect_json '[(r["key"], r["count"]["count"]) for r in d["tables"]["key_cadres"]["rows"]][:3] == [("key_positions", 2), ("vacant", 1), ("acting", 1)] and [r["count"]["count"] for r in d["tables"]["key_cadres"]["rows"] if r["key"] == "rotations"] == [0]' "a subtree: the rotation went to HG, outside E98"
expect_exit 0 vacancy --org QK2 --csv vac.csv
expect_py 'rows("vac.csv")[0]["org"] == "HG" and rows("vac.csv")[0]["state"] == "vacant" and len(rows("vac.csv")) == 3'
expect_exit 0 vacancy --org E98
expect_out_contains "acting"
expect_exit 0 --json audit list --org QK2
expect_json 'sorted(set(x["action"] for x in (d if isinstance(d, list) else d["items"]) if x["action"].startswith(("cadre.", "position.", "org.flag")))) == ["cadre.appoint", "cadre.dismiss", "cadre.rotate", "cadre.transfer", "org.flag", "position.add"]'

tcase "an organisation dissolved: its posts leave the report, the holding stays for its decision" "$WORK/base.db"
expect_exit 0 position add --org C2 --kind secretary --on 2020-01-01
expect_exit 0 position add --org C2 --kind commissar --on 2020-01-01
expect_exit 0 appoint 4 C2:secretary "${DEC[@]}" --body F316 --on 2024-02-01
expect_exit 0 --json vacancy --org E98
expect_json '[(v["org"], v["kind"]) for v in d] == [("C2", "commissar")]'
expect_exit 0 org dissolve C2 --members-to C1 --date 2026-06-01
expect_exit 0 --json vacancy --org E98
expect_json 'd == []' "a dissolved organisation's posts are not vacancies"
expect_exit 0 --json position show C2:secretary
expect_json 'd["org_dissolved"] == "2026-06-01" and d["history"][0]["to"] is None and d["history"][0]["member_id"] == 4'
expect_refused 5 "was dissolved" appoint 3 C2:commissar "${DEC[@]}" --body F316 --on 2026-07-01
expect_exit 0 dismiss 4 C2:secretary --decision '9/QĐ-BTL' --decided-on 2026-06-10 --body F316 --on 2026-06-01 --reason 'giải thể chi bộ'

tcase "committees per term, their seats and members" "$WORK/base.db"
expect_exit 0 --json committee add --org E98 --term-start 2020-10-01 --seats 3 --standing-seats 1 --decision '101-QĐ/ĐU' --body F316
expect_json 'd["term_start"] == "2020-10-01" and d["term_end"] == "2025-10-01" and d["seats"] == 3 and d["standing_seats"] == 1 and d["body"] == "F316" and d["decision"] == "101-QĐ/ĐU"'
json_val 'd["id"]'
OLD=$JV
expect_refused 5 "R-COMMITTEE-TERM-YEARS" committee add --org E98 --term-start 2025-09-30 --seats 3
expect_refused 5 "is not one" committee add --org E98 --term-start 2025-10-01 --seats 3 --body C1
expect_refused 3 "fewer than the committee's" committee add --org E98 --term-start 2025-10-01 --seats 3 --standing-seats 3
expect_exit 0 --json committee add --org E98 --term-start 2025-10-01 --seats 3 --standing-seats 2 --body F316
json_val 'd["id"]'
NEW=$JV
expect_exit 0 committee seat "$OLD" --seat 1=secretary --seat 2=member --seat 3=member
expect_refused 5 "not on the rolls of E98" committee seat "$NEW" --seat 5=member
expect_refused 5 "one secretary" committee seat "$NEW" --seat 1=secretary --seat 2=secretary
expect_refused 5 "the upper committee set 3" committee seat "$NEW" --seat 1=secretary --seat 2=member --seat 3=member --seat 4=member
expect_refused 3 "is not a committee role" committee seat "$NEW" --seat 1=chief
expect_exit 0 --json committee seat "$NEW" --seat 1=secretary --seat 3=deputy_secretary
expect_json 'd["seated"] == 2 and d["standing"] == 2 and d["vacant"] == 1 and [m["role"] for m in d["members"]] == ["secretary", "deputy_secretary"]'
expect_refused 5 "already sits" committee seat "$NEW" --seat 1=member
expect_exit 0 --json committee show "$OLD" --as-of 2024-01-01
expect_json 'd["seated"] == 3 and d["vacant"] == 0'
expect_exit 0 --json committee list --org E98
expect_json '[c["term_start"] for c in d] == ["2025-10-01", "2020-10-01"]'
expect_exit 0 --json vacancy --org E98
expect_json '[(v["what"], v["filled"], v["seats"], v["since"]) for v in d] == [("committee", 2, 3, "2025-10-01")]'
expect_exit 0 --json committee leave "$NEW" 3 --reason 'chuyển công tác' --on 2026-03-01
expect_json 'd["seated"] == 1'
expect_exit 0 --json vacancy --org E98
expect_json '[(v["what"], v["filled"], v["standing"], v["since"]) for v in d] == [("committee", 1, 1, "2026-03-01")]'
expect_exit 0 --json vacancy --org E98 --as-of 2024-01-01
expect_json 'd == []'

done_testing
