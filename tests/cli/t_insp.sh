#!/bin/bash
# t_insp.sh - inspection and supervision from the command line (docs/inspection.md
# "Programmes", "Cases"): programmes and items, cases from an item and on signs of violation,
# every step in order with its history, refusals that leave the records as they were, the
# inspection right and the subtree, the list's filters and exports, the imports of past
# records (all or nothing, every bad row named).
. "$(dirname "$0")/lib.sh"

cat >orgs.csv <<'EOF2'
code,parent_code,name,kind,established
ROOT,,Quân ủy Trung ương,committee,2010-01-01
E98,ROOT,Đảng ủy Trung đoàn 98,grassroots,2012-01-01
C1,E98,Chi bộ Đại đội 1,cell,2012-01-01
F99,ROOT,Đảng ủy Trung đoàn 99,grassroots,2012-01-01
C9,F99,Chi bộ Đại đội 9,cell,2012-01-01
EOF2
build_db "$WORK/base.db" orgs.csv
printf 'một mật khẩu đủ dài\n' >pw.txt

# insp_refused CODE TEXT ARGS...: refused with CODE and TEXT, and the database file is byte for
# byte as it was (every table, the inspection records and the audit log included).
insp_refused() {
	cp "$DB" "$WORK/.insp.before"
	expect_refused "$@"
	if [ ! -e "$DB-wal" ] && cmp -s "$DB" "$WORK/.insp.before"; then pass; else
		fail "the database is unchanged" "the same file" "it changed"
	fi
}

tcase "programmes and items: recorded, listed, shown; every problem at once" "$WORK/base.db"
madd C1 "Nguyễn Văn An"
A=$MID
madd C9 "Lê Văn Cường"
F=$MID
expect_exit 0 --json inspection programme add --org E98 --body inspection --year 2026 \
	--kind inspection --title "Chương trình kiểm tra năm 2026" --approved-on 2025-12-20 \
	--doc-no "05 - ctr/ubkt"
expect_json 'd["doc_no"] == "05-CTr/UBKT" and d["year"] == 2026 and d["body"] == "inspection" and d["kind"] == "inspection" and d["org"] == "E98"' "stored canonical"
json_val 'd["id"]'
P=$JV
expect_exit 0 --json inspection programme add --org E98 --body committee --year 2026 \
	--kind supervision --title "Chương trình giám sát năm 2026"
json_val 'd["id"]'
PS=$JV
insp_refused 5 "E98 already has its inspection programme of 2026 (programme $P)" \
	inspection programme add --org E98 --body inspection --year 2026 --kind inspection --title X
insp_refused 3 "cannot be read at byte" inspection programme add --org E98 --body inspection \
	--year 2025 --kind inspection --title X --doc-no "05-XX/UBKT"
insp_refused 3 "the body is committee" inspection programme add --org E98 --body ubkt \
	--year 2025 --kind audit --approved-on 2023-01-01
expect_err_contains "the kind of programme is inspection or supervision"
expect_err_contains "give the programme's title"
insp_refused 3 "is approved in 2025 or at the end of 2024" inspection programme add --org E98 \
	--body inspection --year 2025 --kind inspection --title X --approved-on 2023-12-31
expect_exit 0 --json inspection item add --programme "$P" --org C1 --kind plan \
	--from 2026-03-01 --to 2026-03-31 --content "Kiểm tra việc chấp hành Điều lệ"
expect_json 'd["org"] == "C1" and d["member_id"] is None and d["kind"] == "plan"' "an organisation's item"
json_val 'd["id"]'
I1=$JV
expect_exit 0 --json inspection item add --programme "$P" --member "$A" --kind finance \
	--from 2026-05-01 --to 2026-05-01 --content "Thu nộp đảng phí"
expect_json 'd["member_id"] == '"$A"' and d["org"] == "C1"' "a member's item carries the member's organisation"
json_val 'd["id"]'
I2=$JV
insp_refused 3 "a programme of inspection takes items of kind plan, signs, discipline_exec, finance" \
	inspection item add --programme "$P" --org C1 --kind thematic --from 2026-03-01 --to 2026-03-31 --content X
insp_refused 3 "E98 cannot be its own inspecting body" inspection item add --programme "$P" \
	--org E98 --kind plan --from 2026-03-01 --to 2026-03-31 --content X
insp_refused 3 "E98 is not above C9" inspection item add --programme "$P" --org C9 --kind plan \
	--from 2026-03-01 --to 2026-03-31 --content X
insp_refused 3 "the item of a programme of 2026 is planned in 2026" inspection item add \
	--programme "$P" --org C1 --kind plan --from 2025-12-01 --to 2025-11-30 --content X
expect_err_contains "the planned end is before the planned start"
expect_exit 0 --json inspection item add --programme "$PS" --org C1 --kind thematic \
	--from 2026-06-01 --to 2026-06-30 --content "Giám sát chuyên đề"
json_val 'd["id"]'
I3=$JV
expect_exit 0 inspection item remove "$I3"
expect_out_contains "removed"
expect_exit 4 inspection item remove "$I3"
expect_exit 0 --json inspection programme show "$P"
expect_json 'd["items"] == 2 and [i["kind"] for i in d["items_list"]] == ["plan", "finance"]' "the programme with its live items"
expect_exit 0 --json inspection programme list --year 2026 --kind supervision
expect_json '[p["id"] for p in d] == ['"$PS"'] and d[0]["items"] == 0' "filtered; the removed item is not counted"
expect_exit 2 inspection programme list --kind audit
cp "$DB" "$WORK/progs.db"

tcase "cases: from an item, on signs of violation; each step in order, dated, with who" "$WORK/progs.db"
expect_exit 0 --json inspection case open --item "$I1" --decision-no "số 12-qd/ubkt" \
	--decision-on 2026-03-01 --from 2026-03-02 --to 2026-03-20 --team "Đồng chí Hoàng Văn Tư"
expect_json 'd["decision_no"] == "12-QĐ/UBKT" and d["kind"] == "plan" and d["org"] == "C1" and d["body_org"] == "E98" and d["body"] == "inspection" and d["item_id"] == '"$I1"' and d["state"] == "open" and d["late"] is True' "kind, target and body from the item; late past its period"
json_val 'd["id"]'
K1=$JV
insp_refused 5 "decision 12-QĐ/UBKT of E98 already opened case $K1" inspection case open \
	--item "$I2" --decision-no "12-QĐ/UBKT" --decision-on 2026-03-01 --from 2026-03-02 --to 2026-03-20
insp_refused 3 "leave kind out" inspection case open --item "$I2" --kind signs \
	--decision-no "14-QĐ/UBKT" --decision-on 2026-03-01 --from 2026-03-02 --to 2026-03-20
expect_exit 0 --json inspection case open --member "$A" --body-org E98 --body inspection \
	--kind signs --decision-no "13-QĐ/UBKT" --decision-on 2026-04-01 --from 2026-04-02 \
	--to 2026-12-20 --content "Dấu hiệu vi phạm"
expect_json 'd["item_id"] is None and d["member_id"] == '"$A"' and d["org"] == "C1" and d["late"] is False' "outside the programme, on a member"
json_val 'd["id"]'
K2=$JV
insp_refused 3 "is before that of the decision opening the case" inspection case open --org C1 \
	--body-org E98 --body inspection --kind signs --decision-no "15-QĐ/UBKT" \
	--decision-on 2026-04-01 --from 2026-03-31 --to 2026-04-20
insp_refused 3 "is in the future" inspection case open --org C1 --body-org E98 --body committee \
	--kind signs --decision-no "15-QĐ/UBKT" --decision-on 2026-11-24 --from 2026-11-24 --to 2026-12-20
insp_refused 3 "cannot be read at byte 3" inspection case open --org C1 --body-org E98 \
	--body committee --kind signs --decision-no "15-XX/UBKT" --decision-on 2026-04-01 \
	--from 2026-04-01 --to 2026-04-20
insp_refused 3 "F99 is not above C1" inspection case open --org C1 --body-org F99 --body committee \
	--kind signs --decision-no "15-QĐ/ĐU" --decision-on 2026-04-01 --from 2026-04-01 --to 2026-04-20
# Out of order: each refusal says the state the case is in.
insp_refused 5 "the case is open: only a concluded case can be notified" inspection case notify "$K2" \
	--on 2026-05-05 --doc-no "09-TB/UBKT"
insp_refused 5 "the case is open: only a notified case can be closed" inspection case close "$K2" --on 2026-05-05
insp_refused 3 "give the proposed form of discipline" inspection case conclude "$K2" --on 2026-05-01 \
	--conclusion violation_discipline
insp_refused 3 "a member is not dissolved" inspection case conclude "$K2" --on 2026-05-01 \
	--conclusion violation_discipline --proposal dissolution
insp_refused 3 "the date of the conclusion (2026-03-31) is before that of the decision opening the case (2026-04-01)" \
	inspection case conclude "$K2" --on 2026-03-31 --conclusion violation
insp_refused 3 "a proposal of discipline goes with the conclusion violation_discipline only" \
	inspection case conclude "$K2" --on 2026-05-01 --conclusion violation --proposal warning
expect_exit 0 --json inspection case conclude "$K2" --on 2026-04-01 --conclusion violation_discipline \
	--proposal warning --findings "Vi phạm quy định về những điều đảng viên không được làm" \
	--doc-no "07-kl/ubkt"
expect_json 'd["state"] == "concluded" and d["conclusion"] == "violation_discipline" and d["proposal"] == "warning" and d["conclusion_no"] == "07-KL/UBKT" and d["concluded_on"] == "2026-04-01"' "concluded the day it was opened"
insp_refused 5 "the case is concluded: only an open case can be concluded" inspection case conclude \
	"$K2" --on 2026-05-01 --conclusion violation
insp_refused 3 "give the document's number" inspection case notify "$K2" --on 2026-05-05
insp_refused 5 "the case is concluded: a follow-up is recorded on a notified case" inspection case \
	followup "$K2" --on 2026-05-05 --text X
expect_exit 0 --json inspection case notify "$K2" --on 2026-05-05 --doc-no "09-TB/UBKT"
expect_json 'd["state"] == "notified" and d["notice_no"] == "09-TB/UBKT" and d["notified_on"] == "2026-05-05"'
insp_refused 3 "the date of the follow-up (2026-05-04) is before that of the notice (2026-05-05)" \
	inspection case followup "$K2" --on 2026-05-04 --text "Đã khắc phục"
expect_exit 0 --json inspection case followup "$K2" --on 2026-06-01 --text "Đã khắc phục"
expect_json 'd["state"] == "notified" and d["followup"] == "Đã khắc phục"' "a follow-up keeps the state"
expect_exit 0 --json inspection case close "$K2" --on 2026-06-02 --note "Kết thúc"
expect_json 'd["state"] == "closed" and d["closed_on"] == "2026-06-02"'
expect_exit 0 --json inspection case show "$K2"
expect_json '[(h["state"], h["on"], h["doc_no"]) for h in d["history"]] == [("open", "2026-04-01", "13-QĐ/UBKT"), ("concluded", "2026-04-01", "07-KL/UBKT"), ("notified", "2026-05-05", "09-TB/UBKT"), ("followup", "2026-06-01", ""), ("closed", "2026-06-02", "")] and all(h["by"].startswith("cli:") for h in d["history"])' "the whole history"
expect_exit 0 inspection case show "$K2"
expect_out_contains "violation_discipline proposing warning"
expect_exit 0 --json audit list
expect_json '[x["action"] for x in d[:6]] == ["inspection.case.read", "inspection.case.read", "inspection.case.close", "inspection.case.followup", "inspection.case.notify", "inspection.case.conclude"]' "every step audited"
# Lists and their filters.
expect_exit 0 --json inspection case list --late
expect_json '[c["id"] for c in d] == ['"$K1"']' "--late: open past the period"
expect_exit 0 --json inspection case list --kind signs --year 2026 --state closed
expect_json '[c["id"] for c in d] == ['"$K2"']'
expect_exit 0 --json inspection case list --org F99
expect_json 'd == []' "another subtree's cases"
expect_exit 0 --json inspection case list --programme "$P"
expect_json '[c["id"] for c in d] == ['"$K1"']' "the programme's cases"
expect_exit 2 inspection case list --state done
expect_exit 0 inspection case list --csv "$WORK/cases.csv"
expect_py '[(r["id"], r["decision_no"], r["state"], r["late"]) for r in rows("cases.csv")] == [("'"$K2"'", "13-QĐ/UBKT", "closed", ""), ("'"$K1"'", "12-QĐ/UBKT", "open", "yes")]' "the CSV export"
expect_exit 0 inspection case list --xlsx "$WORK/cases.xlsx"
expect_py 'read("cases.xlsx")[:2] == b"PK"' "an XLSX workbook"
insp_refused 5 "a case was opened from item $I1" inspection item remove "$I1"
cp "$DB" "$WORK/cases.db"

tcase "the inspection right and the subtree" "$WORK/cases.db"
declare -A TOK
for spec in e98.insp:clerk:E98:--inspection e98.view:viewer:E98:--inspection e98.clerk:clerk:E98: f99.insp:clerk:F99:--inspection; do
	IFS=: read -r name role org right <<<"$spec"
	STDIN=pw.txt expect_exit 0 user add "$name" --role "$role" --org "$org" $right
	expect_exit 0 --json token add "$name"
	json_val 'd["token"]'
	TOK[$name]=$JV
done
CADRE_TOKEN=${TOK[e98.clerk]} insp_refused 7 "need the inspection right" inspection case show "$K2"
CADRE_TOKEN=${TOK[e98.clerk]} expect_exit 7 inspection case list
CADRE_TOKEN=${TOK[e98.clerk]} expect_exit 7 inspection programme list
CADRE_TOKEN=${TOK[e98.view]} expect_exit 0 --json inspection case show "$K2"
expect_json 'd["id"] == '"$K2"
CADRE_TOKEN=${TOK[e98.view]} insp_refused 7 "" inspection case open --org C1 --body-org E98 \
	--body committee --kind signs --decision-no "20-QĐ/ĐU" --decision-on 2026-04-01 --from 2026-04-01 --to 2026-04-20
CADRE_TOKEN=${TOK[f99.insp]} insp_refused 4 "no case has the id $K2 within your scope" inspection case show "$K2"
CADRE_TOKEN=${TOK[f99.insp]} insp_refused 4 "no case has the id $K1 within your scope" inspection case conclude "$K1" \
	--on 2026-04-01 --conclusion violation
CADRE_TOKEN=${TOK[f99.insp]} insp_refused 4 "no programme has the id $P" inspection programme show "$P"
CADRE_TOKEN=${TOK[f99.insp]} expect_exit 0 --json inspection case list
expect_json 'd == []' "nothing outside the subtree"
CADRE_TOKEN=${TOK[e98.insp]} expect_exit 0 --json inspection case conclude "$K1" --on 2026-03-20 \
	--conclusion no_violation --doc-no "08-KL/UBKT"
expect_json 'd["state"] == "concluded" and d["conclusion"] == "no_violation" and d["late"] is False'
CADRE_TOKEN=${TOK[e98.insp]} expect_exit 0 --json inspection case show "$K1"
expect_json 'd["history"][-1]["by"] == "e98.insp"' "the history names who"

tcase "imports of past programmes and cases: all or nothing, every bad row named" "$WORK/progs.db"
cat >progs.csv <<'EOF2'
org,body,year,kind,title,approved_on,doc_no
E98,inspection,2021,inspection,Chương trình kiểm tra 2021,2021-01-05,01-CTr/UBKT
E98,committee,2021,supervision,Chương trình giám sát 2021,,
EOF2
expect_exit 0 import programmes progs.csv
expect_exit 0 --json inspection programme list --year 2021
expect_json 'sorted((p["body"], p["kind"]) for p in d) == [("committee", "supervision"), ("inspection", "inspection")]'
cat >badprogs.csv <<'EOF2'
org,body,year,kind,title,approved_on,doc_no
E98,inspection,2022,inspection,Chương trình kiểm tra 2022,,
E98,inspection,2019,inspection,Cũ,,
NOPE,ubkt,2022,inspection,X,,
EOF2
insp_refused 3 "line 3" import programmes badprogs.csv
expect_err_contains "past programmes are imported from 2020 on"
expect_err_contains "line 4"
expect_err_word body
cat >cases.csv <<'EOF2'
body_org,body,decision_no,decision_on,org,member_id,kind,team,from,to,content,findings,conclusion,proposal,concluded_on,conclusion_no,notice_no,notified_on,followup,followup_on,closed_on
E98,inspection,03-QĐ/UBKT,2021-03-01,C1,,plan,Tổ kiểm tra,2021-03-02,2021-03-30,Kiểm tra,Tốt,no_violation,,2021-04-01,03-KL/UBKT,03-TB/UBKT,2021-04-05,,,2021-04-10
E98,inspection,04-QĐ/UBKT,2022-05-01,,$A,signs,,2022-05-02,2022-05-30,Dấu hiệu,Vi phạm,violation_discipline,reprimand,2022-06-01,04-KL/UBKT,,,,,
E98,committee,05-QĐ/ĐU,2023-01-10,C1,,regular,,2023-01-10,2023-12-31,,,,,,,,,,,
EOF2
sed -i "s/\$A/$A/" cases.csv
expect_exit 0 import cases cases.csv
expect_exit 0 --json inspection case list --org E98
expect_json '[(c["decision_no"], c["state"], c["conclusion"]) for c in d] == [("05-QĐ/ĐU", "open", None), ("04-QĐ/UBKT", "concluded", "violation_discipline"), ("03-QĐ/UBKT", "closed", "no_violation")]' "each step recorded in order"
cat >badcases.csv <<'EOF2'
body_org,body,decision_no,decision_on,org,member_id,kind,team,from,to,content,findings,conclusion,proposal,concluded_on,conclusion_no,notice_no,notified_on,followup,followup_on,closed_on
E98,inspection,06-QĐ/UBKT,2023-03-01,C1,,plan,,2023-03-02,2023-03-30,,,,,,,,,,,
E98,inspection,07-QĐ/UBKT,2019-03-01,C1,,plan,,2019-03-02,2019-03-30,,,,,,,,,,,
E98,inspection,08-XX/UBKT,2023-03-01,C1,,plan,,2023-03-02,2023-03-30,,,,,,,,,,,
E98,inspection,09-QĐ/UBKT,2023-03-01,C1,,plan,,2023-03-02,2023-03-30,,,no_violation,,2023-02-01,,,,,,
E98,inspection,10-QĐ/UBKT,2023-03-01,C1,,plan,,2023-03-02,2023-03-30,,,,,,,09-TB/UBKT,2023-05-01,,,
EOF2
insp_refused 3 "line 3" import cases badcases.csv
expect_err_contains "past cases are imported from 2020 on"
expect_err_contains "line 4"
expect_err_contains "cannot be read at byte 3"
expect_err_contains "line 5"
expect_err_contains "is before that of the decision opening the case"
expect_err_contains "line 6"
expect_err_contains "give conclusion and concluded_on first"
expect_refused 2 "all or nothing" import cases badcases.csv --skip-bad "$WORK/rej.csv"

done_testing
