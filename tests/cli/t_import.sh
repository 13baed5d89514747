#!/bin/bash
# t_import.sh - CSV import and export (docs/csv.md): round trip byte for byte, every malformed
# file refused with the line (and column) named and the database unchanged, --skip-bad,
# standard input.
. "$(dirname "$0")/lib.sh"

# Rows in no particular order (a child before its parent); every column; quotes and commas.
cat >orgs.csv <<'EOF'
code,parent_code,name,kind,grassroots_type,standing_board,local_committee,militia,self_defence,reserve,established
C1,D1,Chi bộ Đại đội 1,cell,,1,,,,,2013-01-01
ROOT,,Quân ủy Trung ương,committee,,0,,,,,2010-01-01
QK2,ROOT,"Đảng ủy Quân khu 2, ""Thủ đô gió ngàn""",committee,,0,,,,,2012-01-01
BCH,QK2,Đảng ủy Bộ CHQS tỉnh Hà Giang,committee,,0,Tỉnh ủy Hà Giang,1200,800,3000,2012-02-01
E98,QK2,Đảng ủy Trung đoàn 98,grassroots,combat,0,,,,,2012-01-01
D1,E98,Đảng ủy bộ phận Tiểu đoàn 1,subcommittee,,0,,,,,2012-01-01
BCHX,BCH,Chi bộ Quân sự xã Lũng Cú,cell,local_military,0,Đảng ủy xã Lũng Cú,45,0,120,2014-01-01
C2,E98,Chi bộ Đại đội 2,cell,,0,,,,,2013-01-01
EOF
printf '%s\n' \
	'id,org_code,full_name,sex,birth_date,ethnicity,religion,hometown,citizen_id,education,theory_level,rank,category,post,history_no,card_no,phone,admission_decision_date,admission_ceremony_date,official_date,status' \
	'12,C1,Nguyễn Văn Hùng,male,1990-05-01,Tày,Phật giáo,"Hà Giang, Việt Nam",002090001234,12/12,intermediate,Đại úy,officer,"Chính trị viên ""Đại đội 1""",012345HG,12345678,0912345678,2015-03-01,2015-03-15,2016-03-15,official' \
	'5,C1,Lê Thị Ánh,female,1995-02-28,Kinh,,Cao Bằng,,12/12,,Thượng sĩ,professional,"Nhân viên' \
	'quân y",,,,2025-06-01,2025-06-15,,probationary' \
	'9,C2,Hoàng Văn Pủa,male,1988-12-31,H'"'"'Mông,,Lũng Cú,,9/12,primary,Trung úy,officer,Trung đội trưởng,000777HG,,,2010-03-01,2010-03-15,2011-03-15,exempt' \
	',BCHX,Vàng Thị Dợ,female,1992-07-07,Dao,,Đồng Văn,,12/12,,,militia,Xã đội phó,,,,2018-03-01,2018-03-20,2019-03-20,suspended' \
	>members.csv
build_db "$WORK/base.db" orgs.csv members.csv

MH='org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status'
OH='code,parent_code,name,kind,established'

# ---------------------------------------------------------------------------------------------
tcase "import, export, import again: the same bytes" "$WORK/base.db"
expect_exit 0 export orgs orgs-1.csv
expect_exit 0 export members members-1.csv
expect_py 'sorted(tuple(sorted(r.items())) for r in rows("orgs-1.csv")) == sorted(tuple(sorted(r.items())) for r in rows("orgs.csv"))' \
	"the orgs export holds exactly the imported rows"
expect_py '[r["id"] for r in rows("members-1.csv")] == ["5", "9", "12", "13"]' \
	"members exported by id; given ids kept, the missing one assigned"
expect_py '{k: v for k, v in rows("members-1.csv")[2].items()} == {k: v for k, v in rows("members.csv")[0].items()}' \
	"every field of a member survives, quotes and commas included"
expect_py '[r["post"] for r in rows("members-1.csv")][0] == "Nhân viên\nquân y"' "a line break in a field"
expect_py '[r["status"] for r in rows("members-1.csv")] == ["probationary", "exempt", "official", "suspended"]'
expect_py 'read("orgs-1.csv").splitlines()[0] == b"code,parent_code,name,kind,grassroots_type,standing_board,local_committee,militia,self_defence,reserve,established"' \
	"the orgs header has every column"
tcase "round trip into an empty database"
expect_exit 0 init
expect_exit 0 import orgs "$WORK/orgs-1.csv"
expect_out_contains "imported 8"
expect_exit 0 import members "$WORK/members-1.csv"
expect_out_contains "imported 4"
expect_exit 0 export orgs orgs-2.csv
expect_exit 0 export members members-2.csv
expect_true "orgs: export, import, export gives the same bytes" cmp -s orgs-1.csv orgs-2.csv
expect_true "members: export, import, export gives the same bytes" cmp -s members-1.csv members-2.csv
expect_exit 0 export members -
expect_true "export to - writes the same bytes" cmp -s "$OUTF" members-1.csv
expect_exit 0 --json member show 9
expect_json 'd["ethnicity"] == "H'"'"'Mông" and d["status"] == "exempt" and d["org_code"] == "C2"'

# ---------------------------------------------------------------------------------------------
tcase "standard input, CRLF, header only"
expect_exit 0 init
STDIN=orgs.csv expect_exit 0 import orgs -
expect_out_contains "imported 8"
tr -d '\r' <members.csv | sed 's/$/\r/' >members-crlf.csv
STDIN=members-crlf.csv expect_exit 0 import members -
expect_out_contains "imported 4"
expect_exit 0 --json member show 12
expect_json 'd["status"] == "official" and "\r" not in json.dumps(d)' "CRLF line ends are not part of the values"
printf '%s\n' "$OH" >header-only.csv
expect_exit 0 import orgs header-only.csv
expect_out_contains "imported 0"
printf '%s\n' "$MH" >header-only-m.csv
expect_exit 0 --json import members header-only-m.csv
expect_json 'd["rows"] == 0 and d["imported_rows"] == 0'

# ---------------------------------------------------------------------------------------------
tcase "malformed organisation files" "$WORK/base.db"
printf '%s\nC7,E98,Chi bộ 7,cell,2015-01-01\nC8,E98,Chi bộ 8,cell,2015-01-01,thừa\n' "$OH" >bad-count.csv
expect_refused 3 "line 3" import orgs bad-count.csv
expect_err_contains "6 fields"
printf '%s\nC7,E98,"Chi bộ 7,cell,2015-01-01\nC8,E98,Chi bộ 8,cell,2015-01-01\n' "$OH" >bad-quote.csv
expect_refused 3 "line 2" import orgs bad-quote.csv
expect_err_contains "quote"
printf '%s\nC7,NOPE,Chi bộ 7,cell,2015-01-01\n' "$OH" >bad-parent.csv
expect_refused 3 "line 2" import orgs bad-parent.csv
expect_err_contains "NOPE"
printf '%s\nA1,B1,Đảng ủy A,committee,2015-01-01\nB1,A1,Đảng ủy B,committee,2015-01-01\n' "$OH" >bad-cycle.csv
expect_refused 3 "cycle" import orgs bad-cycle.csv
expect_err_contains "line 2"
expect_err_contains "A1"
printf '%s\nC7,E98,Chi bộ 7,cell,2015-01-01\nC7,E98,Chi bộ 7 bis,cell,2015-01-01\n' "$OH" >bad-dup.csv
expect_refused 3 "line 3" import orgs bad-dup.csv
expect_err_contains "C7"
printf '%s\nC1,E98,Chi bộ 1 lần nữa,cell,2015-01-01\n' "$OH" >bad-dup-db.csv
expect_refused_in "3 5" "line 2" import orgs bad-dup-db.csv
expect_err_contains "C1"
printf '%s,colour\nC7,E98,Chi bộ 7,cell,2015-01-01,đỏ\n' "$OH" >bad-unknown-col.csv
expect_refused 3 "colour" import orgs bad-unknown-col.csv
expect_err_contains "line 1"
printf 'code,parent_code,name,established\nC7,E98,Chi bộ 7,2015-01-01\n' >bad-missing-col.csv
expect_refused 3 "kind" import orgs bad-missing-col.csv
expect_err_contains "line 1"
: >empty.csv
expect_refused 3 "empty" import orgs empty.csv
printf '%s\nC7,E98,Chi bộ 7,cell,2019-02-30\n' "$OH" >bad-date.csv
expect_refused 3 "line 2" import orgs bad-date.csv
expect_err_contains "2019-02-30"
expect_err_word "established"
printf '%s\nC7,C1,Chi bộ trong chi bộ,cell,2015-01-01\n' "$OH" >bad-nesting.csv
expect_refused_in "3 5" "R-ORG-NESTING" import orgs bad-nesting.csv
expect_err_contains "line 2"
expect_refused 3 "no-such-file.csv" import orgs no-such-file.csv
expect_refused 2 "orgs" import people orgs.csv

# ---------------------------------------------------------------------------------------------
tcase "bad UTF-8 and a 10 MB field: line and column named" "$WORK/base.db"
printf '%s\nC7,E98,Chi b\xff,cell,2015-01-01\n' "$OH" >bad-utf8.csv
expect_refused 3 "line 2" import orgs bad-utf8.csv
expect_err_contains "UTF-8"
expect_err_word "name"
{
	printf '%s\nC7,E98,' "$OH"
	head -c 10485760 /dev/zero | tr '\0' x
	printf ',cell,2015-01-01\nC8,E98,Chi bộ 8,cell,2015-01-01\n'
} >bad-big.csv
expect_refused 3 "line 2" import orgs bad-big.csv
expect_err_word "name"

tcase "an organisation established before its parent" "$WORK/base.db"
# org add refuses the same (R-MEMBER-DATES).
printf '%s\nC7,E98,Chi bộ sớm,cell,2011-06-01\n' "$OH" >bad-before-parent.csv
expect_refused_in "3 5" "line 2" import orgs bad-before-parent.csv
expect_err_contains "2012-01-01"
printf '%s\nP2,P1,Chi bộ P2,cell,2015-01-01\nP1,E98,Tiểu đoàn P1,subcommittee,2016-01-01\n' "$OH" >bad-before-parent-2.csv
expect_refused_in "3 5" "line 2" import orgs bad-before-parent-2.csv
expect_err_contains "2016-01-01"

tcase "a bad kind is not also a nesting error" "$WORK/base.db"
# A row with a bad kind is reported for its kind, not for a nesting it does not have.
printf '%s\nC7,E98,Chi bộ 7,cel,2015-01-01\n' "$OH" >bad-kind.csv
expect_refused 3 "line 2" import orgs bad-kind.csv
expect_err_word "kind"
expect_err_lacks "cannot be placed"

# ---------------------------------------------------------------------------------------------
tcase "malformed member files" "$WORK/base.db"
printf '%s\nZZ,Nguyễn Văn Tư,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official\n' "$MH" >bad-org.csv
expect_refused 3 "line 2" import members bad-org.csv
expect_err_contains "ZZ"
expect_err_word "org_code"
printf '%s\nC1,Nguyễn Văn Tư,male,1990-01-01,Kinh,Hà Giang,2025-03-01,2025-03-15,2026-03-15,probationary\n' "$MH" >bad-prob.csv
expect_refused 3 "line 2" import members bad-prob.csv
expect_err_word "official_date"
printf '%s\nC1,Nguyễn Văn Tư,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,,official\n' "$MH" >bad-official.csv
expect_refused 3 "line 2" import members bad-official.csv
expect_err_word "official_date"
printf '%s\nC1,Nguyễn Văn Tư,male,1990-02-30,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official\n' "$MH" >bad-mdate.csv
expect_refused 3 "line 2" import members bad-mdate.csv
expect_err_contains "1990-02-30"
printf 'org_code,full_name,sex,birth_date,ethnicity,admission_decision_date,admission_ceremony_date,official_date,status\nC1,Nguyễn Văn Tư,male,1990-01-01,Kinh,2015-03-01,2015-03-15,2016-03-15,official\n' >bad-mcol.csv
expect_refused 3 "hometown" import members bad-mcol.csv
printf '%s\nC1,Nguyễn Văn Tư,male,2010-01-01,Kinh,Hà Giang,2025-03-01,2025-03-15,,probationary\n' "$MH" >bad-age.csv
expect_refused_in "3 5" "R-ADMIT-AGE-MIN-MONTHS" import members bad-age.csv
expect_err_contains "line 2"
printf '%s\nC1,Nguyễn Văn Tư,male,1990-01-01,Kinh,Hà Giang,2025-03-01,2025-03-15,,retired\n' "$MH" >bad-status.csv
expect_refused 3 "line 2" import members bad-status.csv
expect_err_contains "retired"
: >empty.csv
expect_refused 3 "empty" import members empty.csv

# ---------------------------------------------------------------------------------------------
tcase "several bad rows are all reported" "$WORK/base.db"
{
	printf '%s\n' "$MH"
	printf 'ZZ,Nguyễn Văn Một,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official\n'
	printf 'C1,Nguyễn Văn Hai,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official\n'
	printf 'C1,Nguyễn Văn Ba,male,1990-02-30,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official\n'
	printf 'C1,Nguyễn Văn Bốn,m,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official\n'
	printf 'C1,Nguyễn Văn Năm,male,1990-01-01,Kinh,Hà Giang,2025-03-01,2025-03-15,2026-03-15,probationary\n'
} >bad-several.csv
expect_refused 3 "line 2" import members bad-several.csv
expect_err_contains "line 4"
expect_err_contains "line 5"
expect_err_contains "line 6"
expect_err_lacks "line 3"
{
	printf '%s\n' "$OH"
	printf 'X1,E98,Chi bộ X1,cell,2019-02-30\n'
	printf 'X2,E98,Chi bộ X2,cell,2015-01-01\n'
	printf 'X3,NOPE,Chi bộ X3,cell,2015-01-01\n'
	printf 'X 4,E98,Chi bộ X4,cell,2015-01-01\n'
} >bad-several-orgs.csv
expect_refused 3 "line 2" import orgs bad-several-orgs.csv
expect_err_contains "line 4"
expect_err_contains "line 5"
expect_err_lacks "line 3"
# Ids already in use: each one is reported.
{
	printf 'id,%s\n' "$MH"
	printf '12,C1,Nguyễn Văn Sáu,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official\n'
	printf '40,C1,Nguyễn Văn Bảy,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official\n'
	printf '5,C1,Nguyễn Văn Tám,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official\n'
} >bad-ids.csv
expect_refused_in "3 5" "line 2" import members bad-ids.csv
expect_err_contains "line 4"
expect_err_lacks "line 3"

# ---------------------------------------------------------------------------------------------
tcase "--skip-bad" "$WORK/base.db"
{
	printf '%s\n' "$MH"
	printf 'C1,Nguyễn Văn Một,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official\n'
	printf 'C1,Nguyễn Văn Hai,male,1990-02-30,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official\n'
	printf 'C2,"Trần Thị Ba, con",female,1991-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official\n'
	printf 'ZZ,Nguyễn Văn Bốn,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official\n'
} >mixed.csv
expect_exit 0 import members mixed.csv --skip-bad rejects.csv
expect_out_contains "imported 2"
expect_out_contains "rejects.csv"
expect_py 'list(rows("rejects.csv")[0].keys()) == "'"$MH"',error".split(",")' \
	"the rejects have the input's columns and an error column"
expect_py '[r["full_name"] for r in rows("rejects.csv")] == ["Nguyễn Văn Hai", "Nguyễn Văn Bốn"]' \
	"the bad rows, as they were"
expect_py '"1990-02-30" in rows("rejects.csv")[0]["error"] or "birth_date" in rows("rejects.csv")[0]["error"]' \
	"the reason for the bad date"
expect_py '"org_code" in rows("rejects.csv")[1]["error"] or "ZZ" in rows("rejects.csv")[1]["error"]' \
	"the reason for the unknown organisation"
expect_exit 0 --json member search "nguyen van mot"
expect_json 'len(d) == 1 and d[0]["org_code"] == "C1"'
expect_exit 0 --json member search "tran thi ba"
expect_json '[m["full_name"] for m in d] == ["Trần Thị Ba, con"]'
expect_exit 0 --json member search "nguyen van bon"
expect_json 'd == []'
# An organisation whose parent is rejected is rejected too.
{
	printf '%s\n' "$OH"
	printf 'Y1,E98,Chi bộ Y1,cell,2015-01-01\n'
	printf 'Y2,BCH,Đảng ủy Y2,committee,2015-13-01\n'
	printf 'Y3,Y2,Chi bộ Y3,cell,2015-01-01\n'
} >mixed-orgs.csv
expect_exit 0 import orgs mixed-orgs.csv --skip-bad rejects-orgs.csv
expect_out_contains "imported 1"
expect_py '[r["code"] for r in rows("rejects-orgs.csv")] == ["Y2", "Y3"]'
expect_py 'all(r["error"] for r in rows("rejects-orgs.csv"))' "every reject has a reason"
expect_exit 0 --json org show Y1
expect_json 'd["parent_code"] == "E98"'
expect_refused 4 "Y3" org show Y3

done_testing
