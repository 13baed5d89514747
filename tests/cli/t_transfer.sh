#!/bin/bash
# t_transfer.sh - transfers: official (send, receive, where), temporary (3 months to under a
# year; hosted, not counted on the host's roll; return), late arrival warning.
. "$(dirname "$0")/lib.sh"

cat >orgs.csv <<'EOF'
code,parent_code,name,kind,grassroots_type,established
ROOT,,Quân ủy Trung ương,committee,,2010-01-01
QK2,ROOT,Đảng ủy Quân khu 2,committee,,2012-01-01
E98,QK2,Đảng ủy Trung đoàn 98,grassroots,combat,2012-01-01
C1,E98,Chi bộ Đại đội 1,cell,,2012-01-01
C2,E98,Chi bộ Đại đội 2,cell,,2012-01-01
C3,E98,Chi bộ Đại đội 3,cell,,2012-01-01
EOF
cat >members.csv <<'EOF'
id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status
1,C1,Nguyễn Văn An,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official
2,C1,Trần Văn Bình,male,1991-01-01,Tày,Cao Bằng,2015-03-01,2015-03-15,2016-03-15,official
3,C2,Đặng Văn Cường,male,1992-01-01,Kinh,Yên Bái,2015-03-01,2015-03-15,2016-03-15,official
4,C1,Lê Thị Dung,female,1995-01-01,Kinh,Lào Cai,2025-06-01,2025-06-15,,probationary
EOF
build_db "$WORK/base.db" orgs.csv members.csv

# ---------------------------------------------------------------------------------------------
tcase "official transfer" "$WORK/base.db"
expect_exit 0 --json member transfer 1 --to C2 --date 2026-05-04 --reason "nhận nhiệm vụ mới" \
	--letter "123/GGT"
expect_json 'd["member_id"] == 1 and d["kind"] == "official" and d["from"] == "C1" and d["to"] == "C2"'
expect_json 'd["state"] == "sent" and d["sent"] == "2026-05-04" and d["received"] is None'
json_val 'd["id"]'
tid=$JV
expect_exit 0 --json member list --org C1
expect_json '[m["org_code"] for m in d if m["id"] == 1] == ["C1"]' "sent, not received: still on the old roll"
expect_exit 0 --json member list --org C2
expect_json '1 not in [m["id"] for m in d]'
expect_exit 0 --json member transfers
expect_json '[(t["id"], t["member_id"], t["state"]) for t in d] == [('"$tid"', 1, "sent")]'
expect_exit 0 --json member transfers --org C2
expect_json '[t["id"] for t in d] == ['"$tid"']' "listed for the receiving organisation"
expect_exit 0 --json member transfers --org C3
expect_json 'd == []'
expect_exit 0 member transfers
expect_out_contains "official"
expect_out_contains "C1"
expect_out_contains "sent"
expect_refused_in "3 5" "2026-05-04" member receive "$tid" --date 2026-05-01
expect_exit 0 member receive "$tid" --date 2026-05-11
expect_out_contains "on the roll of C2"
expect_err_lacks "R-TRANSFER-PRESENT-DAYS"
expect_exit 0 --json member list --org C2
expect_json '[m["org_code"] for m in d if m["id"] == 1] == ["C2"]' "received: on the new roll"
expect_exit 0 --json member list --org C1
expect_json '1 not in [m["id"] for m in d]'
expect_exit 0 --json member where 1 --date 2026-05-08
expect_json 'd["org_code"] == "C1" and d["status"] == "official"' "between sending and receipt"
expect_exit 0 --json member where 1 --date 2026-05-11
expect_json 'd["org_code"] == "C2"'
expect_exit 0 --json member list --org C1 --as-of 2026-05-08
expect_json '1 in [m["id"] for m in d]'
expect_exit 0 --json member list --org C2 --as-of 2026-05-08
expect_json '1 not in [m["id"] for m in d]'
expect_exit 0 --json member transfers
expect_json 'd == []' "a received official transfer is no longer open"
expect_exit 0 --json org show C2
expect_json 'd["members"]["total_on_roll"] == 2'
expect_exit 0 --json member show 1
expect_json '[(t["state"], t["received"]) for t in d["transfers"]] == [("received", "2026-05-11")]'
expect_json '[(r["org_code"], r["to"]) for r in d["rolls"]] == [("C1", "2026-05-11"), ("C2", None)]'
expect_refused_in "3 5" "received" member receive "$tid" --date 2026-05-12
expect_refused 4 "999" member receive 999 --date 2026-05-12
expect_refused_in "3 5" "$tid" member return "$tid" --date 2026-06-01

# ---------------------------------------------------------------------------------------------
tcase "transfer refusals" "$WORK/base.db"
expect_refused_in "3 5" "C1" member transfer 2 --to C1 --date 2026-05-04
expect_refused 4 "NOPE" member transfer 2 --to NOPE --date 2026-05-04
expect_refused 4 "999" member transfer 999 --to C2 --date 2026-05-04
expect_refused 2 "--to" member transfer 2 --date 2026-05-04
expect_refused_in "3 5" "2015-03-01" member transfer 2 --to C2 --date 2014-05-04
expect_exit 0 member transfer 2 --to C2 --date 2026-05-04
expect_refused_in "3 5" "transfer" member transfer 2 --to C3 --date 2026-05-05
expect_exit 0 member status 3 removed --date 2026-04-01
expect_refused_in "3 5" "removed" member transfer 3 --to C1 --date 2026-05-04

tcase "removed while in transit" "$WORK/base.db"
expect_exit 0 --json member transfer 1 --to C2 --date 2026-03-02
json_val 'd["id"]'
tid=$JV
expect_exit 0 member status 1 removed --date 2026-03-05
# The transfer can no longer be received; the message must not claim it was received.
expect_refused_in "3 5" "$tid" member receive "$tid" --date 2026-03-10
expect_err_lacks "already received"
expect_exit 0 --json member show 1
expect_json '[t["received"] for t in d["transfers"]] == [None]' "the transfer was never received"
expect_exit 0 --json member where 1 --date 2026-03-12
expect_json 'd["status"] == "removed" and d["org_code"] is None'

# ---------------------------------------------------------------------------------------------
tcase "temporary transfer" "$WORK/base.db"
expect_refused 5 "R-TRANSFER-TEMP-MIN-MONTHS" member transfer 3 --to C1 --temporary \
	--date 2026-05-01 --until 2026-07-31
expect_refused 5 "R-TRANSFER-TEMP-MAX-MONTHS" member transfer 3 --to C1 --temporary \
	--date 2026-05-01 --until 2027-05-01
expect_refused 5 "R-TRANSFER-TEMP-MAX-MONTHS" member transfer 3 --to C1 --temporary \
	--date 2026-05-01 --until 2027-09-01
expect_refused_in "2 3 5" "until" member transfer 3 --to C1 --temporary --date 2026-05-01
expect_refused_in "3 5" "2026-04-01" member transfer 3 --to C1 --temporary --date 2026-05-01 \
	--until 2026-04-01
expect_exit 0 --json member transfer 3 --to C1 --temporary --date 2026-05-01 --until 2026-11-01 \
	--reason "đi học"
expect_json 'd["kind"] == "temporary" and d["until"] == "2026-11-01" and d["from"] == "C2" and d["to"] == "C1"'
json_val 'd["id"]'
tid=$JV
expect_exit 0 member receive "$tid" --date 2026-05-08
expect_out_contains "hosted temporarily at C1"
expect_err_lacks "R-TRANSFER-PRESENT-DAYS"
expect_exit 0 --json member list --org C1
expect_json '[(m["org_code"], m.get("temporary_host"), m.get("temporary_until")) for m in d if m["id"] == 3] == [("C2", "C1", "2026-11-01")]' \
	"the host lists the member with temporary_host"
expect_exit 0 --json member list --org C2
expect_json '3 in [m["id"] for m in d]' "still on the home roll"
expect_exit 0 --json org show C1
expect_json 'd["members"]["total_on_roll"] == 3 and d["members"]["hosted_temporary"] == 1' \
	"not counted in the host's roll; counted as hosted"
expect_json 'd["members"]["official"] == 2 and d["members"]["probationary"] == 1'
expect_exit 0 --json org show C2
expect_json 'd["members"]["total_on_roll"] == 1 and d["members"]["hosted_temporary"] == 0'
expect_exit 0 --json org tree E98
expect_json '[(n["members"], n["hosted"]) for n in d if n["code"] == "C1"] == [(3, 1)]'
expect_json '[n["members"] for n in d if n["code"] == "E98"] == [4]' "the subtree counts each member once"
expect_exit 0 --json member where 3 --date 2026-06-01
expect_json 'd["org_code"] == "C2"' "a temporary transfer keeps the member on the home roll"
expect_exit 0 --json member transfers
expect_json '[(t["id"], t["state"]) for t in d] == [('"$tid"', "received")]' "a temporary stay is listed while it lasts"
expect_refused_in "3 5" "2026-05-08" member return "$tid" --date 2026-05-02
expect_exit 0 member return "$tid" --date 2026-09-01
expect_out_contains "ended"
expect_exit 0 --json org show C1
expect_json 'd["members"]["hosted_temporary"] == 0 and d["members"]["total_on_roll"] == 3'
expect_exit 0 --json member list --org C1
expect_json '3 not in [m["id"] for m in d]'
expect_exit 0 --json member transfers
expect_json 'd == []'
expect_exit 0 --json member show 3
expect_json '[t["state"] for t in d["transfers"]] == ["ended"] and d["org_code"] == "C2" and "temporary_host" not in d'
expect_refused_in "3 5" "$tid" member return "$tid" --date 2026-09-02

tcase "temporary transfer boundaries" "$WORK/base.db"
expect_exit 0 member transfer 1 --to C3 --temporary --date 2026-05-01 --until 2026-08-01
expect_exit 0 member transfer 2 --to C3 --temporary --date 2026-05-01 --until 2027-04-30

# ---------------------------------------------------------------------------------------------
tcase "the receiving organisation must exist on the date" "$WORK/base.db"
expect_exit 0 org add C9 --parent E98 --name "Chi bộ mới lập" --kind cell --date 2026-09-01
expect_refused_in "3 5" "2026-09-01" member transfer 1 --to C9 --date 2026-07-01
expect_refused_in "3 5" "2026-09-01" member transfer 2 --to C9 --temporary --date 2026-07-01 \
	--until 2026-12-01
expect_exit 0 member transfer 3 --to C9 --date 2026-09-01

# ---------------------------------------------------------------------------------------------
tcase "late receipt" "$WORK/base.db"
expect_exit 0 --json member transfer 1 --to C2 --date 2026-01-05
json_val 'd["id"]'
late=$JV
expect_exit 0 --json member transfer 2 --to C2 --date 2026-01-05
json_val 'd["id"]'
prompt=$JV
expect_exit 0 member receive "$prompt" --date 2026-01-12
expect_err_lacks "R-TRANSFER-PRESENT-DAYS"
expect_exit 0 member receive "$late" --date 2026-03-20
expect_err_contains "R-TRANSFER-PRESENT-DAYS"
expect_err_contains "warning"
expect_exit 0 --json member where 1 --date 2026-03-20
expect_json 'd["org_code"] == "C2"' "a late receipt is a warning, not a refusal"

done_testing
