#!/bin/bash
# t_records.sh - records that were wrong (issue 9, items 13-17): a transfer open to an
# organisation that is merged or dissolved, cancelling a transfer sent by mistake, the report
# of a dissolved organisation as of a date in its life, members hosted on temporary transfer on
# past dates, official transfers overdue after R-TRANSFER-COMPLETE-WORKING-DAYS with the public
# holidays as data, and review steps dated before the year they review (R-REVIEW-DATES).
# Today is 2026-11-23 (CADRE_TODAY, a Monday).
. "$(dirname "$0")/../api/lib_api.sh"

cat >orgs.csv <<'EOF'
code,parent_code,name,kind,grassroots_type,established
ROOT,,Quân ủy Trung ương,committee,,2010-01-01
QK2,ROOT,Đảng ủy Quân khu 2,committee,,2012-01-01
E98,QK2,Đảng ủy Trung đoàn 98,grassroots,combat,2012-01-01
C1,E98,Chi bộ Đại đội 1,cell,,2012-01-01
C2,E98,Chi bộ Đại đội 2,cell,,2012-01-01
C3,E98,Chi bộ Đại đội 3,cell,,2012-01-01
C4,E98,Chi bộ Đại đội 4,cell,,2012-01-01
EOF
cat >members.csv <<'EOF'
id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status
1,C1,Nguyễn Văn An,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official
2,C1,Trần Văn Bình,male,1991-01-01,Tày,Cao Bằng,2015-03-01,2015-03-15,2016-03-15,official
3,C2,Đặng Văn Cường,male,1992-01-01,Kinh,Yên Bái,2015-03-01,2015-03-15,2016-03-15,official
4,C2,Lê Văn Dũng,male,1993-01-01,Kinh,Lào Cai,2015-03-01,2015-03-15,2016-03-15,official
5,C4,Phạm Văn Em,male,1994-01-01,Kinh,Tuyên Quang,2015-03-01,2015-03-15,2016-03-15,official
EOF
build_db "$WORK/base.db" orgs.csv members.csv

# ---- item 13: merges, dissolutions and cancelling ------------------------------------------
tcase "13: a transfer sent to an organisation that is then merged is received by the successor" "$WORK/base.db"
expect_exit 0 --json member transfer 1 --to C2 --date 2026-05-04 --reason "nhận nhiệm vụ mới"
json_val 'd["id"]'
tid=$JV
expect_exit 0 org merge C2 --into C3 --date 2026-06-01
expect_exit 0 --json member transfers
expect_json '[(t["id"], t["from"], t["to"], t["state"]) for t in d] == [('"$tid"', "C1", "C3", "sent")]' \
	"the open transfer now goes to the successor"
expect_exit 0 member receive "$tid" --date 2026-06-10
expect_out_contains "on the roll of C3"
expect_exit 0 --json member show 1
expect_json '[e["detail"]["to"] for e in d["events"] if e["kind"] == "transfer_redirected"] == ["C3"]' \
	"the redirect is in the member's history"
expect_exit 0 --json audit list
expect_json 'any(e["action"] == "member.transfer_redirected" and e["subject"] == "member:1" for e in d)' \
	"and in the audit log"

tcase "13: a hosted stay at a merged organisation goes on at the successor, its first part kept" "$WORK/base.db"
expect_exit 0 --json member transfer 5 --to C2 --temporary --date 2026-01-05 --until 2026-12-01
json_val 'd["id"]'
tid=$JV
expect_exit 0 member receive "$tid" --date 2026-01-06
expect_exit 0 org merge C2 --into C3 --date 2026-06-01
expect_exit 0 --json member where 5 --date 2026-03-02
expect_json 'd["org_code"] == "C4" and d["hosted_at"] == "C2"' "before the merge: hosted at C2"
expect_exit 0 --json member where 5 --date 2026-07-01
expect_json 'd["hosted_at"] == "C3"' "after it: hosted at C3"
expect_exit 0 member return "$tid" --date 2026-08-03
expect_exit 0 --json member list --org C3 --as-of 2026-07-01
expect_json '[m["id"] for m in d if m["id"] == 5] == [5]'

tcase "13: dissolving an organisation with a transfer open to it is refused, naming it and the ways out" "$WORK/base.db"
expect_exit 0 --json member transfer 1 --to C3 --date 2026-05-04
json_val 'd["id"]'
tid=$JV
expect_refused 5 "transfer $tid (member 1, C1 to C3) is open" org dissolve C3 --date 2026-06-01
expect_err_contains "transfer-cancel"
expect_err_contains "--members-to"
expect_exit 0 org dissolve C3 --members-to C2 --date 2026-06-01
expect_exit 0 --json member transfers
expect_json '[(t["id"], t["to"]) for t in d] == [('"$tid"', "C2")]' "with --members-to, redirected"

tcase "13: a split redirects open transfers: those to the source go to its first successor, those from it leave from the member's new roll" "$WORK/base.db"
expect_exit 0 --json member transfer 1 --to C2 --date 2026-05-04
json_val 'd["id"]'
tin=$JV
expect_exit 0 --json member transfer 3 --to C4 --date 2026-05-04
json_val 'd["id"]'
tout=$JV
printf 'member_id,org_code\n3,C3\n4,C1\n' >split.csv
expect_exit 0 org split C2 --assign split.csv --date 2026-06-01
expect_exit 0 --json member transfers
expect_json 'sorted((t["id"], t["from"], t["to"]) for t in d) == sorted([('"$tin"', "C1", "C3"), ('"$tout"', "C3", "C4")])' \
	"redirected (to C3, the first organisation of the assignment), none left at the dissolved source"
expect_exit 0 member receive "$tout" --date 2026-06-10
expect_out_contains "on the roll of C4"

tcase "13: transfer-cancel: the sending side cancels before receipt; kept in the history, audited" "$WORK/base.db"
expect_exit 0 --json member transfer 2 --to C3 --date 2026-11-02 --reason "nhầm người"
json_val 'd["id"]'
tid=$JV
expect_refused_in "2 3" "reason" member transfer-cancel "$tid"
expect_refused 5 "2026-11-02" member transfer-cancel "$tid" --reason "gửi nhầm" --date 2026-11-01
expect_exit 0 --json member transfer-cancel "$tid" --reason "gửi nhầm" --date 2026-11-03
expect_json 'd["state"] == "cancelled" and d["cancel_reason"] == "gửi nhầm" and d["cancelled"] == "2026-11-03"'
expect_exit 0 --json member transfers
expect_json 'd == []' "no longer open"
expect_exit 0 --json member show 2
expect_json '[(t["id"], t["state"]) for t in d["transfers"]] == [('"$tid"', "cancelled")]' \
	"kept in the history, not deleted"
expect_json 'd["org_code"] == "C1"' "the member stays where it was"
expect_exit 0 --json audit list
expect_json 'any(e["action"] == "member.transfer_cancelled" and e["subject"] == "member:2" for e in d)'
expect_refused 5 "already cancelled" member receive "$tid" --date 2026-11-04
expect_refused 5 "already cancelled" member transfer-cancel "$tid" --reason "lần nữa"
expect_exit 0 --json member transfer 2 --to C3 --date 2026-11-05
json_val 'd["id"]'
expect_exit 0 member receive "$JV" --date 2026-11-06
expect_refused 5 "only a transfer not yet received" member transfer-cancel "$JV" --reason "muộn"

tcase "13: API: POST /api/v1/transfers/{id}/cancel" "$WORK/base.db"
cadre --json member transfer 4 --to C1 --date 2026-11-02
json_val 'd["id"]'
tid=$JV
printf '%s\n' "$PW" >"$WORK/.pw"
STDIN=$WORK/.pw cadre user add admin --role sys_admin
cadre --json token add admin --label test
json_val 'd["token"]'
TOKEN=$JV
STDIN=$WORK/.pw cadre user add c1clerk --role clerk --org C1
cadre --json token add c1clerk --label test
json_val 'd["token"]'
TOKEN_c1=$JV
server_start
save=$TOKEN
TOKEN=$TOKEN_c1
japi POST "/api/v1/transfers/$tid/cancel" '{"reason":"x"}'
expect_problem 404
TOKEN=$save
japi POST "/api/v1/transfers/$tid/cancel" '{}'
expect_problem 422 reason
japi POST "/api/v1/transfers/$tid/cancel" '{"reason":"gửi nhầm"}'
expect_status 200
expect_json 'd["state"] == "cancelled" and d["cancel_reason"] == "gửi nhầm"'
japi POST "/api/v1/transfers/$tid/cancel" '{"reason":"gửi nhầm"}'
expect_problem 409
api GET "/api/v1/transfers/$tid"
expect_json 'd["state"] == "cancelled"'
server_stop

# ---- item 14: the report of a dissolved organisation -------------------------------------
tcase "14: report --org X --as-of D works for any date in the life of a dissolved organisation" "$WORK/base.db"
expect_exit 0 org dissolve C2 --members-to C3 --date 2026-06-01
expect_exit 0 --json member list --org C2 --as-of 2026-03-01
expect_json 'sorted(m["id"] for m in d) == [3, 4]'
expect_exit 0 --json report --org C2 --as-of 2026-03-01
expect_json '[r["count"]["count"] for r in d["tables"]["members_by_status"]["rows"] if r["key"] == "total"] == [2]' \
	"its two members then"
expect_json 'd["org"]["code"] == "C2" if isinstance(d["org"], dict) else d["org"] == "C2"'
expect_exit 0 report --org C2 --as-of 2026-05-31
expect_refused 5 "dissolved on 2026-06-01" report --org C2 --as-of 2026-06-01
expect_refused 5 "dissolved on 2026-06-01" report --org C2

# ---- item 15: hosted members on past dates -----------------------------------------------
tcase "15: members hosted on temporary transfer are in the host's list, count and where for past dates" "$WORK/base.db"
expect_exit 0 --json member transfer 3 --to C1 --temporary --date 2026-01-05 --until 2026-09-01
json_val 'd["id"]'
t1=$JV
expect_exit 0 member receive "$t1" --date 2026-01-06
expect_exit 0 member return "$t1" --date 2026-06-01
expect_exit 0 --json member transfer 4 --to C3 --temporary --date 2026-03-02 --until 2026-12-01
json_val 'd["id"]'
t2=$JV
expect_exit 0 member receive "$t2" --date 2026-03-03
# today: member 4 hosted at C3 (as before)
expect_exit 0 --json member list --org C3
expect_json '[m["id"] for m in d] == [4]'
# a stay that has ended, on a date inside it
expect_exit 0 --json member list --org C1 --as-of 2026-03-01
expect_json 'sorted(m["id"] for m in d) == [1, 2, 3]' "member 3 was hosted at C1 then"
expect_exit 0 member list --org C1 --as-of 2026-03-01
expect_out_contains "hosted at C1"
expect_exit 0 --json member list --org C1 --as-of 2026-07-01
expect_json 'sorted(m["id"] for m in d) == [1, 2]' "and not after it ended"
expect_exit 0 --json member list --org C1 --as-of 2026-01-05
expect_json 'sorted(m["id"] for m in d) == [1, 2]' "nor before it began"
# a stay under way, on a past date inside it
expect_exit 0 --json member list --org C3 --as-of 2026-04-01
expect_json '[m["id"] for m in d] == [4]'
expect_exit 0 --json member list --org C3 --as-of 2026-03-02
expect_json 'd == []'
expect_exit 0 --json member where 3 --date 2026-03-01
expect_json 'd["org_code"] == "C2" and d["hosted_at"] == "C1"'
expect_exit 0 --json member where 4 --date 2026-04-01
expect_json 'd["org_code"] == "C2" and d["hosted_at"] == "C3"'
expect_exit 0 --json member where 3 --date 2026-07-01
expect_json 'd["hosted_at"] is None'
expect_exit 0 --json report --org C1 --as-of 2026-03-01
expect_json '[r["count"]["count"] for r in d["tables"]["members_by_status"]["rows"] if r["key"] in ("total", "hosted")] == [2, 1]' \
	"the report counts the hosted member apart, not on the roll"
expect_exit 0 --json report --org C1
expect_json '[r["count"]["count"] for r in d["tables"]["members_by_status"]["rows"] if r["key"] in ("total", "hosted")] == [2, 0]'
expect_exit 0 --json org tree E98 --as-of 2026-04-01
expect_json '[(n["code"], n["hosted"]) for n in d] == [("E98", 2), ("C1", 1), ("C2", 0), ("C3", 1), ("C4", 0)]'

# ---- item 16: overdue official transfers, working days and holidays -----------------------
tcase "16: official transfers past R-TRANSFER-COMPLETE-WORKING-DAYS are overdue; holidays are skipped" "$WORK/base.db"
# Sent 2026-08-14: 60 working days end 2026-11-10 (1 and 2 September are holidays): overdue.
expect_exit 0 member transfer 1 --to C2 --date 2026-08-14
# Sent 2026-08-28: weekends alone would end on 2026-11-20; the two September holidays make it
# 2026-11-24, so on 2026-11-23 it is not yet overdue.
expect_exit 0 member transfer 2 --to C3 --date 2026-08-28
expect_exit 0 --json member transfers
expect_json '[(t["member_id"], t["due"], t["overdue"]) for t in d] == [(1, "2026-11-10", True), (2, "2026-11-24", False)]'
expect_exit 0 member transfers
expect_out_contains "sent, overdue"
expect_exit 0 --json holiday list --year 2026
expect_json '{"2026-01-01", "2026-02-17", "2026-04-27", "2026-04-30", "2026-05-01", "2026-09-02"} <= set(h["date"] for h in d)' \
	"Vietnam's holidays are shipped as data"
expect_exit 0 --json holiday list --year 2025
expect_json '{"2025-01-29", "2025-04-07", "2025-09-02"} <= set(h["date"] for h in d)'
expect_exit 0 holiday remove 2026-09-01
expect_exit 0 --json member transfers
expect_json '[(t["member_id"], t["due"], t["overdue"]) for t in d] == [(1, "2026-11-09", True), (2, "2026-11-23", False)]' \
	"the calendar is data: one holiday fewer, one day earlier"
expect_exit 0 holiday add 2026-09-01 --name "Quốc khánh (ngày liền kề)"
expect_refused 5 "already a holiday" holiday add 2026-09-01 --name "x"
expect_refused 4 "not a holiday" holiday remove 2026-09-03
expect_exit 0 --json audit list
expect_json '[e["action"] for e in d if e["action"].startswith("holiday.")] == ["holiday.add", "holiday.remove"]' \
	"editing the calendar is audited"
expect_json '[e["before"] for e in d if e["action"] == "holiday.remove"][0]["name"] == "Quốc khánh (ngày liền kề)"' \
	"the removed day is kept in the audit log"

tcase "16: the API flags overdue transfers; only a system administrator edits the holidays" "$WORK/base.db"
cadre member transfer 1 --to C2 --date 2026-08-14
printf '%s\n' "$PW" >"$WORK/.pw"
STDIN=$WORK/.pw cadre user add admin --role sys_admin
cadre --json token add admin --label test
json_val 'd["token"]'
TOKEN_admin=$JV
STDIN=$WORK/.pw cadre user add clerk --role clerk --org E98
cadre --json token add clerk --label test
json_val 'd["token"]'
TOKEN_clerk=$JV
server_start
TOKEN=$TOKEN_clerk
api GET /api/v1/transfers
expect_json '[(t["due"], t["overdue"]) for t in d["items"]] == [("2026-11-10", True)]'
api GET "/api/v1/holidays?year=2026"
expect_status 200
expect_json '"2026-02-17" in [h["date"] for h in d["items"]]'
japi POST /api/v1/holidays '{"date":"2026-11-20","name":"x"}'
expect_problem 403
TOKEN=$TOKEN_admin
japi POST /api/v1/holidays '{"date":"2026-11-20","name":"Ngày thử"}'
expect_status 201
api DELETE /api/v1/holidays/2026-11-20
expect_status 200
api DELETE /api/v1/holidays/2026-11-20
expect_problem 404
login admin
page GET /transfers
expect_out_contains 'class="due overdue"'
expect_out_contains 'action="/transfers/1/cancel"'
page POST /transfers/1/cancel --data-urlencode "csrf=$CSRF" --data-urlencode reason=
expect_status 422
page POST /transfers/1/cancel --data-urlencode "csrf=$CSRF" --data-urlencode "reason=gửi nhầm"
expect_status 303
TOKEN=$TOKEN_admin
api GET /api/v1/transfers/1
expect_json 'd["state"] == "cancelled" and d["cancel_reason"] == "gửi nhầm"' "cancelled from the page"
server_stop

# ---- item 17: review steps dated before the year they review -------------------------------
tcase "17: a review step dated before its year is refused (R-REVIEW-DATES), everywhere" "$WORK/base.db"
expect_refused 5 "R-REVIEW-DATES" review member 1 --year 2026 --grade good --date 2025-06-01
expect_refused_in "3 5" "R-REVIEW-DATES" review member 1 --year 2025 --step self --score 80 --date 2024-12-30
expect_refused 5 "R-REVIEW-DATES" review org C1 --year 2026 --grade good --date 2025-12-31
expect_exit 0 review member 1 --year 2025 --step self --score 80 --date 2025-01-01
expect_exit 0 review member 1 --year 2025 --grade good --date 2026-01-10
cat >rv.csv <<'EOF'
member_id,year,grade,score,step,date,reason
2,2025,good,,,2025-12-20,
3,2026,good,,,2025-06-01,
EOF
expect_refused_in "3 5" "line 3" import reviews rv.csv
expect_err_contains "R-REVIEW-DATES"
printf '%s\n' "$PW" >"$WORK/.pw"
STDIN=$WORK/.pw cadre user add admin --role sys_admin
cadre --json token add admin --label test
json_val 'd["token"]'
TOKEN=$JV
server_start
japi POST /api/v1/members/4/reviews '{"year":2026,"step":"decision","grade":"good","date":"2025-06-01"}'
expect_problem 409 date
expect_json 'any(x.get("rule") == "R-REVIEW-DATES" for x in d["errors"])'
server_stop

done_testing
