#!/bin/bash
# t_org.sh - the organisation tree: init, add (nesting, codes), rename, move, merge, split,
# dissolve, history, effective dates.
. "$(dirname "$0")/lib.sh"

cat >orgs.csv <<'EOF'
code,parent_code,name,kind,grassroots_type,established
ROOT,,Quân ủy Trung ương,committee,,2015-01-01
QK2,ROOT,Đảng ủy Quân khu 2,committee,,2015-01-01
F316,QK2,Đảng ủy Sư đoàn 316,committee,,2015-01-01
E98,F316,Đảng ủy Trung đoàn 98,grassroots,combat,2015-01-01
D1,E98,Đảng ủy bộ phận Tiểu đoàn 1,subcommittee,,2015-01-01
C1,D1,Chi bộ Đại đội 1,cell,,2015-01-01
C2,D1,Chi bộ Đại đội 2,cell,,2015-01-01
C3,E98,Chi bộ Đại đội 3,cell,,2015-01-01
E174,F316,Đảng ủy Trung đoàn 174,grassroots,combat,2015-01-01
C4,E174,Chi bộ Đại đội 4,cell,,2015-01-01
EOF
cat >members.csv <<'EOF'
id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status
1,C1,Nguyễn Văn An,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official
2,C1,Trần Văn Bình,male,1991-01-01,Tày,Cao Bằng,2015-03-01,2015-03-15,2016-03-15,official
3,C1,Lê Thị Cúc,female,1995-01-01,Kinh,Lào Cai,2025-06-01,2025-06-15,,probationary
4,C2,Phạm Văn Dũng,male,1992-01-01,Kinh,Yên Bái,2015-03-01,2015-03-15,2016-03-15,official
5,C2,Hoàng Văn Em,male,1993-01-01,Nùng,Lạng Sơn,2015-03-01,2015-03-15,2016-03-15,official
6,C3,Đặng Văn Giang,male,1994-01-01,Kinh,Tuyên Quang,2015-03-01,2015-03-15,2016-03-15,official
7,C4,Vũ Thị Hoa,female,1996-01-01,Thái,Sơn La,2018-03-01,2018-03-15,2019-03-15,official
EOF
build_db "$WORK/base.db" orgs.csv members.csv

# ---------------------------------------------------------------------------------------------
tcase "init"
expect_exit 0 init
expect_out_contains "schema version"
expect_true "init creates the database file" test -s "$DB"
expect_exit 0 --json org tree
expect_json 'd == []' "an empty database has an empty tree"

# ---------------------------------------------------------------------------------------------
tcase "org add"
expect_exit 0 init
expect_exit 0 org add ROOT --name "Quân ủy Trung ương" --kind committee --date 2015-01-01
expect_out_contains "established ROOT"
expect_exit 0 --json org show ROOT
expect_json 'd["code"] == "ROOT" and d["parent_code"] is None and d["kind"] == "committee"'
expect_json 'd["established"] == "2015-01-01" and d["dissolved"] is None'
expect_refused_in "3 5" "root" org add ROOT2 --name "Gốc thứ hai" --kind committee --date 2015-01-01
expect_exit 0 org add QK2 --parent ROOT --name "Đảng ủy Quân khu 2" --kind committee --date 2015-01-01
expect_exit 0 org add E98 --parent QK2 --name "Đảng ủy Trung đoàn 98" --kind grassroots \
	--type combat --militia 120 --local-committee "Tỉnh ủy Hà Giang" --date 2015-01-01
expect_exit 0 org add D1 --parent E98 --name "Tiểu đoàn 1" --kind subcommittee --date 2015-01-01
expect_exit 0 org add C1 --parent D1 --name "Chi bộ Đại đội 1" --kind cell --standing-board \
	--date 2015-01-01
# A grassroots cell directly under a committee is allowed.
expect_exit 0 org add C9 --parent QK2 --name "Chi bộ cơ quan" --kind cell --date 2015-01-01
expect_exit 0 org add C8 --parent E98 --name "Chi bộ Đại đội 8" --kind cell --date 2015-01-01
expect_exit 0 --json org show E98
expect_json 'd["parent_code"] == "QK2" and d["kind"] == "grassroots" and d["grassroots_type"] == "combat"'
expect_json 'd["militia"] == 120 and d["local_committee"] == "Tỉnh ủy Hà Giang"'
expect_exit 0 --json org show C1
expect_json 'd["standing_board"] is True and d["parent_code"] == "D1"'
expect_exit 0 --json org tree
expect_json '[(n["code"], n["depth"]) for n in d] == [("ROOT",0),("QK2",1),("C9",2),("E98",2),("C8",3),("D1",3),("C1",4)]' \
	"pre-order, siblings by code"
expect_exit 0 --json org tree QK2 --depth 1
expect_json '[n["code"] for n in d] == ["QK2","C9","E98"]' "--depth 1"
# R-ORG-NESTING: committee > committee,grassroots,cell; grassroots > subcommittee,cell;
# subcommittee > cell.
expect_refused 5 R-ORG-NESTING org add X1 --parent C1 --name "Đảng ủy sai" --kind committee --date 2016-01-01
expect_err_contains "committee"
# The message names the parent the rule is about, not the new code as if it were the parent.
expect_err_contains "C1"
expect_err_lacks "parent_code 'X1'"
expect_refused 5 R-ORG-NESTING org add X2 --parent C1 --name "Chi bộ con" --kind cell --date 2016-01-01
expect_refused 5 R-ORG-NESTING org add X3 --parent D1 --name "Sai" --kind grassroots --date 2016-01-01
expect_refused 5 R-ORG-NESTING org add X4 --parent QK2 --name "Sai" --kind subcommittee --date 2016-01-01
expect_refused 5 R-ORG-NESTING org add X5 --parent D1 --name "Sai" --kind subcommittee --date 2016-01-01
expect_refused 5 R-ORG-NESTING org add X6 --parent E98 --name "Sai" --kind committee --date 2016-01-01
# Duplicate code, unknown parent, bad codes.
expect_refused_in "3 5" "C1" org add C1 --parent D1 --name "Trùng mã" --kind cell --date 2016-01-01
expect_err_contains "already used"
expect_refused 4 "NOPE" org add X7 --parent NOPE --name "Không cha" --kind cell --date 2016-01-01
for code in "C 9" "C1!" "Đ1" "C/1" "$(printf 'A%.0s' {1..33})" ""; do
	expect_refused 3 "code" org add "$code" --parent D1 --name "Mã sai" --kind cell --date 2016-01-01
done
expect_exit 0 org add "$(printf 'B%.0s' {1..32})" --parent D1 --name "Mã 32 ký tự" --kind cell \
	--date 2016-01-01
expect_exit 0 org add "a.b_c-9" --parent D1 --name "Mã hợp lệ" --kind cell --date 2016-01-01
# Missing or bad options.
expect_refused 2 "--name" org add X8 --parent D1 --kind cell
expect_refused_in "2 3" "kind" org add X9 --parent D1 --name "Sai loại" --kind platoon
expect_refused_in "2 3" "2016-02-30" org add X10 --parent D1 --name "Ngày sai" --kind cell --date 2016-02-30
# Established before its parent was.
expect_refused_in "3 5" "2015-01-01" org add X11 --parent D1 --name "Quá sớm" --kind cell --date 2014-12-31

# ---------------------------------------------------------------------------------------------
tcase "org edit" "$WORK/base.db"
expect_exit 0 org edit C1 --standing-board 1 --militia 12 --reserve 30 --date 2020-01-01
expect_exit 0 --json org show C1
expect_json 'd["standing_board"] is True and d["militia"] == 12 and d["reserve"] == 30'
expect_refused_in "2 3" "standing-board" org edit C1 --standing-board yes
expect_refused_in "2 3" "militia" org edit C1 --militia -4
expect_refused 4 "NOPE" org edit NOPE --militia 3

# ---------------------------------------------------------------------------------------------
tcase "rename" "$WORK/base.db"
expect_exit 0 org rename C1 "Chi bộ Đại đội 1 (mới)" --date 2020-06-01
expect_out_contains "renamed"
expect_exit 0 --json org show C1
expect_json 'd["name"] == "Chi bộ Đại đội 1 (mới)"'
expect_exit 0 org tree --as-of 2019-01-01
expect_out_contains "C1  Chi bộ Đại đội 1  ["
expect_out_lacks "(mới)"
expect_exit 0 --json org tree D1 --as-of 2020-05-31
expect_json '[n["name"] for n in d if n["code"] == "C1"] == ["Chi bộ Đại đội 1"]' "the day before the rename"
expect_exit 0 --json org tree D1 --as-of 2020-06-01
expect_json '[n["name"] for n in d if n["code"] == "C1"] == ["Chi bộ Đại đội 1 (mới)"]' "the day of the rename"
expect_exit 0 org tree
expect_out_contains "C1  Chi bộ Đại đội 1 (mới)"
expect_exit 0 --json org history C1
expect_json '[e["kind"] for e in d] == ["establish", "rename"]'
expect_json 'd[1]["date"] == "2020-06-01" and "Chi bộ Đại đội 1" in json.dumps(d[1]["detail"], ensure_ascii=False)' \
	"the history keeps the old name"
# A change dated before the current version is refused.
expect_refused_in "3 5" "2020-06-01" org rename C1 "Tên lùi ngày" --date 2019-01-01
expect_refused 4 "NOPE" org rename NOPE "Không có"
expect_refused_in "2 3" "name" org rename C1 ""
# Renamed twice on one day: the later name wins, both are in the history.
expect_exit 0 org rename C2 "Tên A" --date 2021-03-01
expect_exit 0 org rename C2 "Tên B" --date 2021-03-01
expect_exit 0 --json org show C2
expect_json 'd["name"] == "Tên B"'
expect_exit 0 --json org history C2
expect_json '[e["kind"] for e in d] == ["establish", "rename", "rename"]'

# ---------------------------------------------------------------------------------------------
tcase "move" "$WORK/base.db"
expect_refused 5 "subtree" org move QK2 --to F316 --date 2021-01-01
expect_refused 5 "subtree" org move F316 --to F316 --date 2021-01-01
expect_refused 5 R-ORG-NESTING org move D1 --to F316 --date 2021-01-01
expect_refused 4 "NOPE" org move C3 --to NOPE --date 2021-01-01
expect_refused 2 "--to" org move C3 --date 2021-01-01
expect_refused_in "3 5" "2015-01-01" org move C3 --to E174 --date 2014-06-01
expect_exit 0 org move C3 --to E174 --date 2021-01-01
expect_out_contains "moved"
expect_exit 0 --json org show C3
expect_json 'd["parent_code"] == "E174"'
expect_exit 0 --json org tree
expect_json '[(n["code"], n["depth"]) for n in d] == [("ROOT",0),("QK2",1),("F316",2),("E174",3),("C3",4),("C4",4),("E98",3),("D1",4),("C1",5),("C2",5)]' \
	"the tree after the move"
expect_json '{n["code"]: (n["members"], n["organisations"]) for n in d}["E174"] == (2, 3)' "E174 counts"
expect_json '{n["code"]: (n["members"], n["organisations"]) for n in d}["E98"] == (5, 4)' "E98 counts"
expect_json '{n["code"]: (n["members"], n["organisations"]) for n in d}["F316"] == (7, 8)' "F316 counts"
expect_exit 0 --json org show E174
expect_json 'd["members"]["total_on_roll"] == 2 and d["members"]["official"] == 2'
expect_exit 0 --json org tree E98 --as-of 2020-12-31
expect_json '"C3" in [n["code"] for n in d] and [n["members"] for n in d if n["code"] == "E98"] == [5]' \
	"before the move C3 was under E98"
expect_exit 0 --json org tree E174 --as-of 2020-12-31
expect_json '"C3" not in [n["code"] for n in d]' "before the move C3 was not under E174"
expect_exit 0 --json org show E98 --as-of 2020-12-31
expect_json 'sorted(c["code"] for c in d["children"]) == ["C3", "D1"]' "org show --as-of: the children then"
expect_exit 0 --json org show E98
expect_json '[c["code"] for c in d["children"]] == ["D1"]'
expect_exit 0 --json member where 6 --date 2021-06-01
expect_json 'd["org_code"] == "C3"'
expect_exit 0 --json org history C3
expect_json '[(e["kind"], e["date"]) for e in d] == [("establish","2015-01-01"), ("move","2021-01-01")]'
expect_refused_in "3 5" "2021-01-01" org move C3 --to E98 --date 2020-06-01

# ---------------------------------------------------------------------------------------------
tcase "merge" "$WORK/base.db"
expect_refused_in "3 5" "C3" org merge C3 --into C3 --date 2026-09-01
expect_refused 4 "NOPE" org merge C3 --into NOPE --date 2026-09-01
expect_refused 2 "--into" org merge C3 --date 2026-09-01
expect_refused_in "3 5" "2015-01-01" org merge C2 --into C1 --date 2014-01-01
expect_exit 0 org merge C2 --into C1 --date 2026-09-01
expect_exit 0 --json member list --org C1
expect_json 'sorted(m["id"] for m in d) == [1,2,3,4,5] and {m["org_code"] for m in d} == {"C1"}' \
	"the members went to the successor"
expect_exit 0 --json org show C2
expect_json 'd["dissolved"] == "2026-09-01" and d["successors"] == ["C1"]'
expect_exit 0 org show C2
expect_out_contains "dissolved"
expect_exit 0 --json org show C1
expect_json 'd["predecessors"] == ["C2"] and d["dissolved"] is None'
expect_json 'd["members"]["total_on_roll"] == 5 and d["members"]["probationary"] == 1'
expect_exit 0 --json member list --org C2 --as-of 2026-08-31
expect_json 'sorted(m["id"] for m in d) == [4,5] and {m["org_code"] for m in d} == {"C2"}' \
	"before the merge the members were at the source"
expect_exit 0 --json member list --org C1 --as-of 2026-08-31
expect_json 'sorted(m["id"] for m in d) == [1,2,3]'
expect_exit 0 --json member where 4 --date 2026-08-31
expect_json 'd["org_code"] == "C2"'
expect_exit 0 --json member where 4 --date 2026-09-01
expect_json 'd["org_code"] == "C1"'
expect_exit 0 --json org tree
expect_json '"C2" not in [n["code"] for n in d]'
expect_json '{n["code"]: n["members"] for n in d}["D1"] == 5'
expect_exit 0 --json org history C2
expect_json '[(e["kind"], e["date"]) for e in d][-1] == ("merge", "2026-09-01")'
# A dissolved organisation can neither be merged nor take a merge.
expect_refused_in "3 4 5" "C2" org merge C2 --into C1 --date 2026-10-01
expect_refused_in "3 4 5" "C2" org merge C3 --into C2 --date 2026-10-01
expect_refused_in "3 4 5" "C2" org rename C2 "Đã giải thể" --date 2026-10-01

tcase "merge with sub-organisations, several sources" "$WORK/base.db"
expect_exit 0 org merge E98 --into E174 --date 2026-09-01
expect_exit 0 --json org tree E174
expect_json '[(n["code"], n["depth"]) for n in d] == [("E174",0),("C3",1),("C4",1),("D1",1),("C1",2),("C2",2)]' \
	"the sub-organisations went to the successor"
expect_json 'd[0]["members"] == 7 and d[0]["organisations"] == 6'
expect_exit 0 --json org show E174
expect_json 'd["predecessors"] == ["E98"]'
expect_exit 0 org merge C1 C2 --into C4 --date 2026-10-01
expect_exit 0 --json member list --org C4
expect_json 'sorted(m["id"] for m in d) == [1,2,3,4,5,7]'
expect_exit 0 --json org show C4
expect_json 'sorted(d["predecessors"]) == ["C1", "C2"]'

# ---------------------------------------------------------------------------------------------
tcase "split" "$WORK/base.db"
expect_exit 0 org add C1A --parent D1 --name "Chi bộ Trung đội 1" --kind cell --date 2016-01-01
expect_exit 0 org add C1B --parent D1 --name "Chi bộ Trung đội 2" --kind cell --date 2016-01-01
printf 'member_id,org_code\n1,C1A\n2,C1B\n' >split-missing.csv
expect_refused_in "3 5" "member 3" org split C1 --assign split-missing.csv --date 2026-10-01
expect_err_contains "Lê Thị Cúc"
printf 'member_id,org_code\n1,C1A\n2,C1B\n3,NOPE\n' >split-unknown.csv
expect_refused_in "3 4 5" "NOPE" org split C1 --assign split-unknown.csv --date 2026-10-01
printf 'member_id,org_code\n1,C1A\n2,C1B\n3,C1B\n6,C1A\n' >split-stranger.csv
expect_refused_in "3 5" "6" org split C1 --assign split-stranger.csv --date 2026-10-01
printf 'id,org\n1,C1A\n2,C1B\n3,C1B\n' >split-header.csv
expect_refused 3 "member_id,org_code" org split C1 --assign split-header.csv --date 2026-10-01
printf 'member_id,org_code\n' >split-empty.csv
expect_refused 5 "sub-organisation" org split D1 --assign split-empty.csv --date 2026-10-01
expect_refused 2 "--assign" org split C1 --date 2026-10-01
printf 'member_id,org_code\n1,C1A\n2,C1B\n3,C1B\n' >split-ok.csv
expect_exit 0 org split C1 --assign split-ok.csv --date 2026-10-01
expect_exit 0 --json member list --org C1A
expect_json '[m["id"] for m in d] == [1]'
expect_exit 0 --json member list --org C1B
expect_json 'sorted(m["id"] for m in d) == [2,3] and {m["org_code"] for m in d} == {"C1B"}'
expect_exit 0 --json org show C1
expect_json 'd["dissolved"] == "2026-10-01" and sorted(d["successors"]) == ["C1A", "C1B"]'
expect_exit 0 --json org show C1B
expect_json 'd["predecessors"] == ["C1"]'
expect_exit 0 --json member list --org C1 --as-of 2026-09-30
expect_json 'sorted(m["id"] for m in d) == [1,2,3]' "before the split the members were at the source"
expect_exit 0 --json org history C1
expect_json '[e["kind"] for e in d][-1] == "split"'
# --keep-source keeps the source.
printf 'member_id,org_code\n4,C1A\n5,C1A\n' >split-keep.csv
expect_exit 0 org split C2 --assign split-keep.csv --keep-source --date 2026-10-02
expect_exit 0 --json org show C2
expect_json 'd["dissolved"] is None and d["members"]["total_on_roll"] == 0 and d["successors"] == ["C1A"]'
expect_exit 0 --json member list --org C1A
expect_json 'sorted(m["id"] for m in d) == [1,4,5]'

# ---------------------------------------------------------------------------------------------
tcase "dissolve" "$WORK/base.db"
expect_refused 5 R-ORG-DISSOLVE-EMPTY org dissolve C1 --date 2026-10-01
expect_err_contains "3 members"
expect_refused 5 R-ORG-DISSOLVE-EMPTY org dissolve D1 --date 2026-10-01
expect_err_contains "sub-organisation"
expect_refused 4 "NOPE" org dissolve C1 --members-to NOPE --date 2026-10-01
expect_refused_in "3 5" "C1" org dissolve C1 --members-to C1 --date 2026-10-01
expect_exit 0 org dissolve C1 --members-to C2 --date 2026-10-01
expect_out_contains "dissolved"
expect_exit 0 --json member list --org C2
expect_json 'sorted(m["id"] for m in d) == [1,2,3,4,5]'
expect_exit 0 --json org show C1
expect_json 'd["dissolved"] == "2026-10-01"'
expect_exit 0 --json member list --org C1 --as-of 2026-09-30
expect_json 'sorted(m["id"] for m in d) == [1,2,3]'
expect_exit 0 --json org tree D1
expect_json '[n["code"] for n in d] == ["D1", "C2"]'
expect_refused_in "3 4 5" "C1" org dissolve C1 --date 2026-10-02
expect_refused_in "3 4 5" "C1" org rename C1 "Không còn" --date 2026-10-02
expect_refused_in "3 4 5" "C1" member add --org C1 --name "Nguyễn Văn Mới" --sex male \
	--birth-date 1990-01-01 --ethnicity Kinh --hometown "Hà Giang" --decision-date 2026-10-05 \
	--ceremony-date 2026-10-10
expect_exit 0 org add C5 --parent E174 --name "Chi bộ trống" --kind cell --date 2016-01-01
expect_exit 0 org dissolve C5 --date 2026-10-01
expect_exit 0 --json org show C5
expect_json 'd["dissolved"] == "2026-10-01"'
expect_exit 0 org dissolve C2 --members-to C4 --date 2026-10-03
expect_exit 0 org dissolve D1 --date 2026-10-04
expect_exit 0 --json org tree E98
expect_json '[n["code"] for n in d] == ["E98", "C3"]'

# ---------------------------------------------------------------------------------------------
tcase "history and effective dates" "$WORK/base.db"
expect_exit 0 org rename C3 "Chi bộ Đại đội 3 (đổi tên)" --date 2019-05-01
expect_exit 0 org move C3 --to E174 --date 2021-01-01
expect_exit 0 org rename C3 "Chi bộ Đại đội 3 (E174)" --date 2022-01-01
expect_exit 0 --json org history C3
expect_json '[e["kind"] for e in d] == ["establish", "rename", "move", "rename"]' "events in order"
expect_json '[e["date"] for e in d] == ["2015-01-01", "2019-05-01", "2021-01-01", "2022-01-01"]'
expect_json 'all(e["actor"] for e in d)' "every event names its actor"
expect_exit 0 org history C3
expect_out_contains "rename"
expect_exit 0 --json org tree --as-of 2020-01-01
expect_json '[n["name"] for n in d if n["code"] == "C3"] == ["Chi bộ Đại đội 3 (đổi tên)"]'
expect_exit 0 --json org tree --as-of 2018-01-01
expect_json '[n["name"] for n in d if n["code"] == "C3"] == ["Chi bộ Đại đội 3"]'
expect_refused_in "3 5" "2022-01-01" org rename C3 "Lùi ngày" --date 2021-06-01
expect_refused_in "3 5" "2022-01-01" org move C3 --to E98 --date 2021-12-31
expect_refused_in "3 5" "2022-01-01" org merge C3 --into C4 --date 2021-12-31
expect_refused_in "3 5" "2022-01-01" org dissolve C3 --members-to C4 --date 2021-12-31
expect_refused 4 "NOPE" org history NOPE

# ---------------------------------------------------------------------------------------------
tcase "a destination must exist on the date" "$WORK/base.db"
expect_exit 0 org add C5 --parent D1 --name "Chi bộ mới lập" --kind cell --date 2026-06-01
expect_exit 0 org add E200 --parent F316 --name "Trung đoàn mới lập" --kind grassroots --date 2026-06-01
expect_refused_in "3 5" "2026-06-01" org add C6 --parent E200 --name "Chi bộ sớm" --kind cell --date 2026-05-01
expect_refused_in "3 5" "2026-06-01" org merge C3 --into C5 --date 2026-05-01
expect_refused_in "3 5" "2026-06-01" org move C3 --to E200 --date 2026-05-01
# Members cannot go, on 2026-05-01, to an organisation established on 2026-06-01.
expect_refused_in "3 5" "2026-06-01" org dissolve C2 --members-to C5 --date 2026-05-01
printf 'member_id,org_code\n1,C5\n2,C5\n3,C5\n' >split-early.csv
expect_refused_in "3 5" "2026-06-01" org split C1 --assign split-early.csv --date 2026-05-01

# ---------------------------------------------------------------------------------------------
tcase "a change dated after today" "$WORK/base.db"
# Either refused, or it takes effect on its date and not before.
snap_before
cadre org rename C3 "Tên năm 2030" --date 2030-01-01
if [ "$RC" = 0 ]; then
	pass
	expect_exit 0 --json org show C3
	expect_json 'd["name"] == "Chi bộ Đại đội 3"' "a rename dated 2030 does not show today (org show)"
	expect_exit 0 --json org tree E98
	expect_json '[n["name"] for n in d if n["code"] == "C3"] == ["Chi bộ Đại đội 3"]' \
		"a rename dated 2030 does not show today (org tree)"
	expect_exit 0 --json org tree E98 --as-of 2029-12-31
	expect_json '[n["name"] for n in d if n["code"] == "C3"] == ["Chi bộ Đại đội 3"]' \
		"a rename dated 2030 does not show on 2029-12-31"
	expect_exit 0 --json org tree E98 --as-of 2030-01-01
	expect_json '[n["name"] for n in d if n["code"] == "C3"] == ["Tên năm 2030"]'
else
	expect_true "a rename dated after today is refused with exit 3 or 5 (got $RC)" \
		test "$RC" = 3 -o "$RC" = 5
	expect_unchanged
fi

done_testing
