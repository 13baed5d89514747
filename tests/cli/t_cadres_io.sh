#!/bin/bash
# t_cadres_io.sh - key cadres in and out of files from the command line (docs/cadres.md
# "Imports and lists"): the imports of position holders and of committees (all or nothing,
# every bad row with its line, column and reason, through the checks of the single events:
# R-POS-DECIDER-LEVEL, seats, the rolls; --create-positions; personal-history numbers), and
# every cadres list as CSV and XLSX.
. "$(dirname "$0")/lib.sh"

# ROOT > QK2 > F316 > E98 > C1, C2; QK2 > TQ > HG > C5
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
	echo 'id,org_code,full_name,sex,birth_date,ethnicity,hometown,history_no,admission_decision_date,admission_ceremony_date,official_date,status'
	echo '1,C1,Nguyễn Văn An,male,1980-01-01,Kinh,Hà Giang,000001HG,2005-03-01,2005-03-15,2006-03-15,official'
	echo '2,C1,Trần Văn Bình,male,1981-01-02,Kinh,Hà Giang,000002HG,2005-03-01,2005-03-15,2006-03-15,official'
	echo '3,C2,Lê Văn Cường,male,1982-01-03,Tày,Hà Giang,000003HG,2005-03-01,2005-03-15,2006-03-15,official'
	echo '4,C2,Phạm Văn Dũng,male,1983-01-04,Kinh,Hà Giang,000004HG,2005-03-01,2005-03-15,2006-03-15,official'
	echo '5,C5,Hoàng Văn Hải,male,1984-01-05,Mông,Hà Giang,000005HG,2005-03-01,2005-03-15,2006-03-15,official'
} >members.csv
build_db "$WORK/base.db" orgs.csv members.csv
DB=$WORK/base.db
cadre position add --org E98 --kind commander --on 2020-01-01
cadre position add --org E98 --kind deputy_commander --seats 2 --on 2020-01-01
cp "$WORK/base.db" "$WORK/pos.db"

H=org,kind,member_id,history_no,from,decision,decided_on,body,acting
cat >hold_ok.csv <<EOF
$H
E98,commander,1,,2024-02-01,12/QĐ-BTL,2024-01-10,QK2,
E98,deputy_commander,,000003HG,2024-02-01,13/QĐ-BTL,2024-01-10,QK2,no
E98,deputy_commander,4,,2024-03-01,14/QĐ-BTL,2024-02-20,QK2,yes
EOF

tcase "holdings: a good file is imported, each row an appointment" "$WORK/pos.db"
expect_exit 0 --json import holdings hold_ok.csv
expect_json 'd["imported"] == "holdings" and d["rows"] == 3 and d["imported_rows"] == 3'
expect_exit 0 --json position show E98:deputy_commander --as-of 2024-06-01
expect_json 'sorted((h["member_id"], h["acting"]) for h in d["holders"]) == [(3, False), (4, True)]' \
	"the deputies: member 3 by history_no, member 4 acting"
expect_exit 0 --json audit list
expect_json 'len([x for x in d if x["action"] == "cadre.appoint"]) == 3 and [x["subject"] for x in d if x["action"] == "import.holdings"] == ["file:hold_ok.csv"]' \
	"an audit entry per appointment and one for the import"

tcase "holdings: every bad row reported with its line and column, nothing kept" "$WORK/pos.db"
cat >hold_bad.csv <<EOF
$H
E98,commander,1,,2024-02-01,12/QĐ-BTL,2024-01-10,F316,
E98,general,2,,2024-02-01,12/QĐ-BTL,2024-01-10,QK2,
E98,deputy_commander,,999999HG,2024-02-01,12/QĐ-BTL,2024-01-10,QK2,
E98,deputy_commander,2,,2024-02-30,12/QĐ-BTL,,QK2,maybe
HG,commander,5,,2024-02-01,12/QĐ-BTL,2024-01-10,QK2,
E98,deputy_commander,2,,2024-02-01,15/QĐ-BTL,2024-01-10,QK2,
EOF
expect_refused_in "3 5" "nothing was imported: 5 of 6 rows have problems" import holdings hold_bad.csv
expect_err_contains "line 2"
expect_err_contains "R-POS-DECIDER-LEVEL"
expect_err_contains "'general' is not a position kind"
expect_err_contains "no member has the personal-history number '999999HG'"
expect_err_contains "line 5"
expect_err_word decided_on
expect_err_word acting
expect_err_contains "organisation HG has no position commander on 2024-02-01"
expect_err_contains "--create-positions"
expect_exit 0 --json position show E98:deputy_commander --as-of 2024-06-01
expect_json 'd["holders"] == []' "the good row (line 7) is not kept either"
expect_refused 2 "all or nothing" import holdings hold_bad.csv --skip-bad "$WORK/rej.csv"

tcase "holdings: seats and a member twice through the file" "$WORK/pos.db"
cat >hold_seats.csv <<EOF
$H
E98,commander,1,,2024-02-01,12/QĐ-BTL,2024-01-10,QK2,
E98,commander,2,,2024-02-01,12/QĐ-BTL,2024-01-10,QK2,
EOF
expect_refused 5 "every seat of commander of E98 is held" import holdings hold_seats.csv
expect_err_contains "line 3"

tcase "holdings: --create-positions creates a missing position of a valid kind" "$WORK/pos.db"
cat >hold_new.csv <<EOF
$H
HG,commander,5,,2024-02-01,16/QĐ-BTL,2024-01-10,QK2,
EOF
expect_refused 4 "has no position commander" import holdings hold_new.csv
expect_exit 0 --json import holdings hold_new.csv --create-positions
expect_json 'd["imported_rows"] == 1'
expect_exit 0 --json position list --org HG
expect_json '[p["kind"] for p in d] == ["commander"] and d[0]["from"] == "2024-02-01"'
expect_refused 2 "for 'import holdings' only" import committees hold_new.csv --create-positions
expect_exit 0 import --help
expect_out_contains "--create-positions"

C=org,term_start,seats,standing_seats,body,decision,member,history_no,role,how
cat >com_ok.csv <<EOF
$C
E98,2020-10-01,3,1,F316,101-QĐ/ĐU,1,,secretary,election
E98,2020-10-01,,,,,,000002HG,member,election
E98,2020-10-01,3,1,,,3,,member,election
HG,2020-09-01,2,0,TQ,,5,,secretary,election
EOF
tcase "committees: a good file makes each committee once and seats its members" "$WORK/base.db"
expect_exit 0 --json import committees com_ok.csv
expect_json 'd["imported"] == "committees" and d["rows"] == 4 and d["imported_rows"] == 4'
expect_exit 0 --json committee list --org E98
expect_json 'len(d) == 1 and d[0]["seats"] == 3 and d[0]["standing_seats"] == 1 and d[0]["body"] == "F316"'
json_val 'd[0]["id"]'
CID=$JV
expect_exit 0 --json committee show "$CID" --as-of 2021-01-01
expect_json 'sorted((m["member_id"], m["role"]) for m in d["members"]) == [(1, "secretary"), (2, "member"), (3, "member")]'
expect_exit 0 --json audit list
expect_json 'len([x for x in d if x["action"] == "committee.seat"]) == 4 and len([x for x in d if x["action"] == "committee.add"]) == 2 and [x["subject"] for x in d if x["action"] == "import.committees"] == ["file:com_ok.csv"]'


tcase "committees: every bad row reported, nothing kept" "$WORK/base.db"
cat >com_bad.csv <<EOF
$C
E98,2020-10-01,3,2,F316,,1,,secretary,election
E98,2020-10-01,,,,,2,,secretary,election
E98,2020-10-01,4,,,,3,,member,election
E98,2020-10-01,3,1,,,3,,member,election
E98,2020-10-01,,,,,5,,member,election
E98,2020-10-01,,,,,4,,chief,election
E98,2020-10-01,,,,,4,,member,vote
C1,2021-01-01,,,,,1,,member,election
C2,2021-01-01,2,,,,3,,member,appointment
EOF
expect_refused_in "3 4 5" "nothing was imported: 8 of 9 rows have problems" import committees com_bad.csv
expect_err_contains "line 3"
expect_err_contains "a committee has one secretary"
expect_err_contains "has 3 seats, 2 of them standing"
expect_err_contains "line 5"
expect_err_contains "is not on the rolls of E98"
expect_err_contains "is not a committee role"
expect_err_contains "give its seats"
expect_err_contains "needs the decision's number"
expect_exit 0 --json committee list --org E98
expect_json 'd == []' "no committee was kept"

tcase "lists as CSV and XLSX" "$WORK/pos.db"
cadre import holdings hold_ok.csv
cadre import committees com_ok.csv
expect_exit 0 position list --org E98 --csv "$WORK/pos.csv"
expect_py 'sorted(r["kind"] for r in rows("pos.csv")) == ["commander", "deputy_commander"]'
expect_exit 0 position show E98:deputy_commander --csv "$WORK/holders.csv"
expect_py '[(r["member_id"], r["acting"]) for r in rows("holders.csv")] == [("3", "0"), ("4", "1")]'
expect_exit 0 --json member holdings 1
expect_json '[(h["org"], h["kind"], h["acting"], h["to"]) for h in d] == [("E98", "commander", False, None)]'
expect_exit 0 member holdings 1 --csv "$WORK/mh.csv"
expect_py '[(r["org"], r["kind"], r["decision"]) for r in rows("mh.csv")] == [("E98", "commander", "12/QĐ-BTL")]'
expect_exit 0 committee list --org E98 --csv "$WORK/com.csv"
expect_py '[(r["org"], r["term_start"], r["seats"]) for r in rows("com.csv")] == [("E98", "2020-10-01", "3")]'
cadre --json committee list --org E98
json_val 'd[0]["id"]'
expect_exit 0 committee show "$JV" --as-of 2021-01-01 --csv "$WORK/cm.csv"
expect_py 'sorted(r["role"] for r in rows("cm.csv")) == ["member", "member", "secretary"]'
expect_exit 0 vacancy --org QK2 --as-of 2021-01-01 --xlsx "$WORK/vac.xlsx"
expect_py 'read("vac.xlsx")[:2] == b"PK"'
expect_exit 0 vacancy --org QK2 --as-of 2021-01-01 --csv "$WORK/vac.csv"
expect_py 'sorted((r["org"], r["what"], r["state"]) for r in rows("vac.csv")) == [("E98", "position", "vacant"), ("HG", "committee", "understaffed")]'
expect_exit 0 rotations --year 2024 --csv "$WORK/rot.csv"
expect_py 'read("rot.csv").startswith(b"id,")'
expect_exit 0 position list --org E98 --xlsx "$WORK/pos.xlsx"
expect_py 'read("pos.xlsx")[:2] == b"PK"'
expect_exit 0 vacancy --org E98 --xlsx -
expect_true "an XLSX on standard output" test "${OUT:0:2}" = PK

done_testing
