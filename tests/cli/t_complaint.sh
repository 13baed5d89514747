#!/bin/bash
# t_complaint.sh - complaints against discipline decisions and denunciations from the command
# line (docs/inspection.md "Complaints and denunciations"): R-COMPLAINT-DAYS at its boundary
# (day 30 accepted, day 31 refused, no notice date: a warning), the body above, the due dates
# (R-COMPLAINT-SETTLE-DAYS, R-DENUNCIATION-SETTLE-DAYS), every settlement and its effect on
# the discipline rows (kept, reduced and raised as new rows naming the old one, annulled, an
# expulsion annulled restoring the member's status), R-DISCIPLINE-FORMS and
# R-DISCIPLINE-AUTHORITY on the new form, withdrawal, the list's filters, CSV, the import (all
# or nothing), the inspection right; every refusal leaves the database as it was.
. "$(dirname "$0")/lib.sh"

cat >orgs.csv <<'CSV'
code,parent_code,name,kind,established
ROOT,,Quân ủy Trung ương,committee,2010-01-01
E98,ROOT,Đảng ủy Trung đoàn 98,grassroots,2012-01-01
D1,E98,Đảng ủy bộ phận Tiểu đoàn 1,subcommittee,2012-01-01
C1,D1,Chi bộ Đại đội 1,cell,2012-01-01
F99,ROOT,Đảng ủy Trung đoàn 99,grassroots,2012-01-01
C9,F99,Chi bộ Đại đội 9,cell,2012-01-01
CSV
build_db "$WORK/base.db" orgs.csv
printf 'một mật khẩu đủ dài\n' >pw.txt

# The register's rows, the discipline rows and the members' statuses: what a refused call
# must leave as it was.
snap() { sqlite3 "$DB" "SELECT * FROM complaint; SELECT id, form, state, ended_on, replaces_id FROM discipline; SELECT id, status, status_since FROM member;"; }
refused() {
	local want=$1 text=$2 before
	shift 2
	before=$(snap)
	cadre "$@"
	expect_eq "exit code of $*" "$want" "$RC"
	expect_err_contains "$text"
	expect_eq "the database as it was after: $*" "$before" "$(snap)"
}
# The decision's notice date: 'discipline notify' where it exists, else set in the row (the
# command comes with the discipline part of this issue).
notify() {
	cadre discipline notify "$1" --date "$2"
	if [ "$RC" != 0 ]; then
		sqlite3 "$DB" "UPDATE discipline SET notified_on = CAST(julianday('$2') - 2440587.5 AS INTEGER) WHERE id = $1"
	fi
}
# disc ARGS...: record a discipline decision (DID its id); the act's date 30 days before the
# decision where the command takes it (--act-date comes with the discipline part of this issue).
disc() {
	local a prev="" d=""
	for a in "$@"; do
		[ "$prev" = --date ] && d=$a
		prev=$a
	done
	cadre --json discipline add "$@" --act-date "$(date -u -d "$d -30 days" +%F)"
	[ "$RC" = 2 ] && cadre --json discipline add "$@"
	json_val 'd["id"]'
	DID=$JV
}

tcase "lodging: R-COMPLAINT-DAYS at day 30 and 31, the body above, the due date" "$WORK/base.db"
madd C1 "Nguyễn Văn An"
A=$MID
disc --member "$A" --form warning --body C1 --reason "vắng sinh hoạt" --date 2026-08-20
D=$DID
notify "$D" 2026-09-01
refused 5 "R-COMPLAINT-DAYS" complaint add --discipline "$D" --date 2026-10-02 --content "Tôi không đồng ý"
expect_err_contains "within 30 days"
expect_exit 0 --json complaint add --discipline "$D" --date 2026-10-01 --content "Tôi không đồng ý" --from "Nguyễn Văn An"
expect_json 'd["state"] == "open" and d["lodged_on"] == "2026-10-01" and d["due_on"] == "2026-12-30"' "day 30 accepted, due 90 days later"
expect_json 'd["to_body"] == "D1" and d["org"] == "C1" and d["member_id"] == '"$A" "lodged with the body above the cell"
expect_json 'd["overdue"] is False and d["history"][0]["state"] == "in_force"' "the decision applies meanwhile"
json_val 'd["id"]'
K=$JV
refused 5 "already has an open complaint" complaint add --discipline "$D" --date 2026-10-01 --content "lần nữa"
# The body must be above the one that decided.
disc --member "$A" --form reprimand --body C1 --reason "lần hai" --date 2026-08-21
D2=$DID
refused 3 "to_body" complaint add --discipline "$D2" --to C1 --content x --date 2026-09-01
refused 3 "is not" complaint add --discipline "$D2" --to C9 --content x --date 2026-09-01
refused 3 "content" complaint add --discipline "$D2" --date 2026-09-01
refused 3 "after the decision" complaint add --discipline "$D2" --date 2026-08-01 --content x
refused 5 "after today" complaint add --discipline "$D2" --date 2027-01-01 --content x
# No notice date recorded: accepted with a warning naming the rule.
expect_exit 0 --json complaint add --discipline "$D2" --date 2026-11-20 --content "khiếu nại" --to E98
expect_err_contains "notice date is not recorded"
expect_err_contains "R-COMPLAINT-DAYS"
expect_json 'd["to_body"] == "E98" and d["due_on"] == "2027-02-18"' "a body further up, 90 days"
expect_exit 0 complaint show "$K"
expect_out_contains "lodged on:  2026-10-01"
expect_out_contains "history of the decision:"
expect_exit 0 --json audit list --limit 5
expect_json 'any(x["action"] == "complaint.add" for x in d)' "audited"

tcase "settlement: kept, reduced, raised, annulled and their effect on the decision" "$WORK/base.db"
madd C1 "Trần Văn Bình"
B=$MID
madd_p C1 "Lê Văn Cường"
P=$MID
disc --member "$B" --form warning --body C1 --reason "vi phạm" --date 2026-09-01
DW=$DID
expect_exit 0 --json complaint add --discipline "$DW" --date 2026-09-10 --content "xin giảm"
json_val 'd["id"]'
K=$JV
refused 3 "lighter than warning" complaint settle "$K" --outcome reduced --form removal --date 2026-10-01
refused 3 "new form" complaint settle "$K" --outcome reduced --date 2026-10-01
refused 3 "settled as kept, reduced" complaint settle "$K" --outcome founded --date 2026-10-01
refused 3 "on or after" complaint settle "$K" --outcome kept --date 2026-09-01
# D1 is a subcommittee: it decides reprimand or warning on a member, not removal.
refused 5 "R-DISCIPLINE-AUTHORITY" complaint settle "$K" --outcome raised --form removal --date 2026-10-01
expect_exit 0 --json complaint settle "$K" --outcome reduced --form reprimand --date 2026-10-01 --decision-no "05-qd/du" --text "Giảm xuống khiển trách"
expect_json 'd["state"] == "settled" and d["outcome"] == "reduced" and d["settled_on"] == "2026-10-01"' "settled"
expect_json 'd["settlement_no"] == "05-QĐ/ĐU"' "the number in its canonical spelling"
expect_json '[(h["id"], h["form"], h["state"], h["ended_on"], h["replaces_id"], h["body"]) for h in d["history"]] == [('"$DW"', "warning", "changed", "2026-10-01", None, "C1"), (d["new_discipline_id"], "reprimand", "in_force", None, '"$DW"', "D1")]' "the old row changed, a new row by the settling body naming it"
NEW=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["new_discipline_id"])' "$OUTF")
expect_eq "the new row's decision date and act" "2026-10-01|reprimand|in_force|$DW" "$(sqlite3 "$DB" "SELECT date(decided_on*86400,'unixepoch'), form, state, replaces_id FROM discipline WHERE id = $NEW")"
refused 5 "already" complaint settle "$K" --outcome kept --date 2026-10-02
refused 5 "no longer in force" complaint add --discipline "$DW" --date 2026-10-05 --content x
expect_exit 0 --json audit list --limit 10
expect_json 'any(x["action"] == "complaint.settle" and x["before"]["state"] == "open" and x["after"]["outcome"] == "reduced" and x["after"]["discipline_state"] == "changed" and x["after"]["new_form"] == "reprimand" for x in d)' "the settlement audited with before and after"
expect_json 'any(x["action"] == "discipline.change" and x["before"]["state"] == "in_force" and x["after"]["state"] == "changed" and x["after"]["ended_on"] == "2026-10-01" for x in d)' "the decision's change audited"
# raised: a probationary member gets reprimand or warning only (R-DISCIPLINE-FORMS).
disc --member "$P" --form reprimand --body E98 --reason "vi phạm" --date 2026-09-01
DP=$DID
expect_exit 0 --json complaint add --discipline "$DP" --date 2026-09-05 --content "tố giác thêm" --to ROOT
json_val 'd["id"]'
KP=$JV
refused 5 "R-DISCIPLINE-FORMS" complaint settle "$KP" --outcome raised --form removal --date 2026-10-01
expect_exit 0 --json complaint settle "$KP" --outcome raised --form warning --date 2026-10-01
expect_json 'd["outcome"] == "raised" and d["history"][-1]["form"] == "warning" and d["history"][-1]["body"] == "ROOT" and d["history"][0]["state"] == "changed"' "raised to warning by the committee above"
# kept: nothing changes.
disc --member "$B" --form reprimand --body E98 --reason "lần hai" --date 2026-09-02
DK=$DID
expect_exit 0 --json complaint add --discipline "$DK" --date 2026-09-05 --content x
json_val 'd["id"]'
expect_exit 0 --json complaint settle "$JV" --outcome kept --date 2026-10-01
expect_json 'd["outcome"] == "kept" and d["new_discipline_id"] is None and [h["state"] for h in d["history"]] == ["in_force"]' "kept: the decision stays"

tcase "an annulled expulsion restores the member's status; open revisions resolved" "$WORK/base.db"
madd E98 "Phạm Văn Dũng"
X=$MID
expect_exit 0 review member "$X" --year 2026 --grade complete --date 2026-09-01
disc --member "$X" --form expulsion --body E98 --reason "vi phạm nghiêm trọng" --date 2026-09-10
DX=$DID
# Expelled on the roll (by the discipline itself where it applies its effects).
cadre --json member show "$X"
json_val 'd["status"]'
expect_eq "expelled by the discipline itself" expelled "$JV"
notify "$DX" 2026-09-12
# The review decided "complete" before is flagged for revision by the expulsion
# (R-REVIEW-DISCIPLINED-MEMBER) and counted under revision.
expect_eq "the review flagged for revision" "1" "$(sqlite3 "$DB" "SELECT count(*) FROM review_revision WHERE discipline_id = $DX AND resolved_on IS NULL AND rule_id = 'R-REVIEW-DISCIPLINED-MEMBER'")"
expect_exit 0 --json complaint add --discipline "$DX" --date 2026-10-12 --content "xin xem xét lại"
expect_json 'd["to_body"] == "ROOT"' "the committee above the grassroots"
json_val 'd["id"]'
KX=$JV
expect_exit 0 --json complaint settle "$KX" --outcome annulled --date 2026-11-02
expect_json 'd["history"][0]["state"] == "annulled" and d["history"][0]["ended_on"] == "2026-11-02" and d["new_discipline_id"] is None' "annulled, never deleted"
expect_exit 0 --json member show "$X"
expect_json 'd["status"] == "official"' "the status before the expulsion restored"
expect_eq "the open revision resolved" "1" "$(sqlite3 "$DB" "SELECT count(*) FROM review_revision WHERE discipline_id = $DX AND resolved_on = CAST(julianday('2026-11-02') - 2440587.5 AS INTEGER) AND resolved_review_id IS NULL")"
# The grade is counted back under "complete": the kept counters agree with a recount.
expect_exit 0 figures check
expect_exit 0 --json audit list --limit 10
expect_json 'any(x["action"] == "complaint.settle" and x["after"].get("restored_status") == "official" for x in d)' "the restoration in the audit"

tcase "withdrawal, denunciations, the list's filters, CSV" "$WORK/base.db"
madd C1 "Hoàng Văn Em"
H=$MID
madd C9 "Vũ Văn Giang"
G=$MID
disc --member "$H" --form reprimand --body C1 --reason x --date 2026-01-10
expect_exit 0 --json complaint add --discipline "$DID" --date 2026-01-20 --content "khiếu nại cũ"
json_val 'd["id"]'
KO=$JV
expect_exit 0 --json complaint add --kind denunciation --member "$G" --date 2026-11-01 --content "tố cáo vi phạm" --from "Quần chúng"
expect_json 'd["kind"] == "denunciation" and d["due_on"] == "2026-12-31" and d["to_body"] == "F99" and d["org"] == "C9"' "60 days, to the body above"
json_val 'd["id"]'
KD=$JV
expect_exit 0 --json complaint add --kind denunciation --org C9 --date 2025-05-01 --content "tố cáo cấp ủy"
expect_json 'd["to_body"] == "F99" and d["member_id"] is None' "about an organisation"
json_val 'd["id"]'
KD2=$JV
refused 3 "member or an organisation" complaint add --kind denunciation --date 2026-11-01 --content x
refused 2 "denunciation" complaint add --member "$G" --content x
refused 3 "settled as founded" complaint settle "$KD" --outcome kept --date 2026-11-10
expect_exit 0 --json complaint settle "$KD" --outcome partly_founded --date 2026-11-10
expect_json 'd["outcome"] == "partly_founded"' "a denunciation settled"
expect_exit 0 --json complaint withdraw "$KD2" --date 2025-06-01 --reason "rút đơn"
expect_json 'd["state"] == "withdrawn" and d["outcome"] is None and d["settled_on"] == "2025-06-01" and d["settlement"] == "rút đơn"' "withdrawn"
refused 5 "withdrawn already" complaint settle "$KD2" --outcome founded --date 2025-07-01
expect_exit 0 --json complaint list
expect_json '[x["id"] for x in d] == ['"$KD, $KO, $KD2"']' "newest first"
expect_exit 0 --json complaint list --overdue
expect_json '[x["id"] for x in d] == ['"$KO"'] and d[0]["overdue"] is True' "open past due"
expect_exit 0 --json complaint list --kind denunciation --state settled
expect_json '[x["id"] for x in d] == ['"$KD"']' "kind and state"
expect_exit 0 --json complaint list --year 2025
expect_json '[x["id"] for x in d] == ['"$KD2"']' "year"
expect_exit 0 --json complaint list --org F99
expect_json 'sorted(x["id"] for x in d) == sorted(['"$KD, $KD2"'])' "a subtree"
expect_exit 0 complaint list --overdue
expect_out_contains "open (overdue)"
expect_exit 0 complaint list --csv out.csv
expect_py 'len(rows("out.csv")) == 3 and rows("out.csv")[0]["kind"] == "denunciation" and rows("out.csv")[0]["outcome"] == "partly_founded"' "CSV"
expect_exit 0 complaint list --xlsx out.xlsx
expect_true "an XLSX workbook" test -s out.xlsx
expect_exit 2 complaint list --state closed

tcase "import: all or nothing, every bad row with line, column, value and reason" "$WORK/base.db"
madd C1 "Đỗ Văn Hải"
I=$MID
disc --member "$I" --form warning --body C1 --reason x --date 2021-03-01
DI=$DID
notify "$DI" 2021-03-05
disc --member "$I" --form reprimand --body C1 --reason y --date 2022-03-01
DJ=$DID
cat >bad.csv <<CSV
kind,discipline_id,member_id,org,from,to_body,lodged_on,content,outcome,form,settled_on,settlement_no,settlement
complaint,$DI,,,,,2021-04-20,trễ hạn,,,,,
complaint,$DJ,,,,,2022-03-10,x,reduced,removal,2022-04-01,,
petition,,,,,,2022-01-01,x,,,,,
denunciation,,$I,,,,2022-13-01,x,,,,,
CSV
refused 5 "" import complaints bad.csv
expect_err_contains "line 2"
expect_err_contains "R-COMPLAINT-DAYS"
expect_err_contains "line 3"
expect_err_contains "lighter than reprimand"
expect_err_contains "line 4"
expect_err_contains "kind"
expect_err_contains "line 5"
expect_err_contains "2022-13-01"
expect_err_contains "nothing was imported"
cat >good.csv <<CSV
kind,discipline_id,member_id,org,from,to_body,lodged_on,content,outcome,form,settled_on,settlement_no,settlement
complaint,$DI,,,,,2021-04-04,đúng hạn,reduced,reprimand,2021-05-01,3-QĐ/ĐU,giảm
complaint,$DJ,,,,,2022-03-10,x,,,,,
denunciation,,$I,,,,2020-05-01,tố cáo,unfounded,,2020-06-01,,
denunciation,,,C1,,,2021-05-01,tố cáo chi ủy,withdrawn,,2021-05-20,,rút
CSV
expect_exit 0 import complaints good.csv
expect_out_contains "imported 4 complaints of 4 rows"
expect_exit 0 --json complaint list
expect_json 'sorted((x["kind"], x["state"], x["outcome"]) for x in d) == sorted([("complaint", "settled", "reduced"), ("complaint", "open", None), ("denunciation", "settled", "unfounded"), ("denunciation", "withdrawn", None)])' "the rows as the file says"
expect_json '[x["due_on"] for x in d if x["lodged_on"] == "2020-05-01"] == ["2020-06-30"]' "due by the rule's first version before it was in force"
expect_eq "the imported reduction changed the decision" "changed|1" "$(sqlite3 "$DB" "SELECT state, (SELECT count(*) FROM discipline WHERE replaces_id = $DI) FROM discipline WHERE id = $DI")"

tcase "the inspection right: needed to see or write (tests/api/t_access_complaint.sh: every role)" "$WORK/base.db"
madd C1 "Ngô Văn Khoa"
disc --member "$MID" --form reprimand --body C1 --reason x --date 2026-10-01
expect_exit 0 --json complaint add --discipline "$DID" --date 2026-10-05 --content x
json_val 'd["id"]'
K=$JV
STDIN=pw.txt expect_exit 0 user add e98.clerk --role clerk --org E98
expect_exit 0 --json token add e98.clerk
json_val 'd["token"]'
export CADRE_TOKEN=$JV
refused 7 "inspection right" complaint list
refused 7 "inspection right" complaint settle "$K" --outcome kept --date 2026-10-10
unset CADRE_TOKEN
expect_exit 0 user grant e98.clerk --inspection
expect_exit 0 --json token add e98.clerk
json_val 'd["token"]'
export CADRE_TOKEN=$JV
expect_exit 0 --json complaint withdraw "$K" --date 2026-10-08
expect_json 'd["state"] == "withdrawn"' "a clerk with the right writes"
unset CADRE_TOKEN

done_testing
