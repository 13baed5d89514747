#!/bin/bash
# t_adm_import.sh - cadre import candidates FILE (docs/csv.md): a good file opens a case a row;
# a file with several bad rows is refused whole with every bad row named (line, column) and
# nothing imported, a duplicate of a case among them; --skip-bad imports the good rows and
# writes the bad ones with their reasons; --once imports a file once. cadre admission export
# writes the lists as CSV or XLSX.
. "$(dirname "$0")/lib.sh"

cat >orgs.csv <<'EOF'
code,parent_code,name,kind,established
ROOT,,Đảng bộ Quân khu thử,committee,2000-01-01
G1,ROOT,Đảng bộ Trung đoàn 1,grassroots,2000-01-01
C1,G1,Chi bộ Đại đội 1,cell,2000-01-01
C2,G1,Chi bộ Đại đội 2,cell,2000-01-01
EOF
build_db "$WORK/base.db" orgs.csv

cat >good.csv <<'EOF'
org,full_name,sex,birth_date,source,listed_on,ethnicity,hometown,phone
C1,Lò Văn Minh,male,2003-04-12,soldier,2026-03-02,Thái,Sơn La,0912000111
C2,Hoàng Thị Lan,nữ,2004-09-30,youth_union,2026-03-02,Tày,Cao Bằng,
EOF
cat >bad.csv <<'EOF'
org,full_name,sex,birth_date,source,listed_on,ethnicity,hometown
C1,Vi Văn Tú,male,2003-02-30,soldier,2026-03-02,Kinh,Huế
C1,Ma Thị Mai,female,2002-01-01,army,2026-03-02,Kinh,Huế
NOPE,Nông Văn Sơn,male,2001-06-01,other,2026-03-02,Kinh,Huế
C2,Lương Văn Hải,male,2001-06-01,other,2026-03-02,Kinh,Huế
C1,Lò Văn Minh,male,2003-04-12,soldier,2026-03-02,Thái,Sơn La
EOF

# cases [STAGE]: NCASES = the cases written by 'admission export' (every stage by default).
cases() {
	cadre admission export cases.csv --stage "${1:-all}"
	[ "$RC" = 0 ] || fail "admission export" "exit 0" "exit $RC: $ERR"
	NCASES=$(($(wc -l <cases.csv) - 1))
}

tcase "a good file: a case a row, as CSV and XLSX" "$WORK/base.db"
expect_exit 0 import candidates good.csv
expect_out_contains "imported 2 candidates of 2 rows"
cases
expect_eq "two cases" 2 "$NCASES"
expect_py '[(r["org"], r["full_name"], r["sex"], r["source"], r["stage"], r["listed_on"]) for r in rows("cases.csv")] == [("C2", "Hoàng Thị Lan", "female", "youth_union", "candidate", "2026-03-02"), ("C1", "Lò Văn Minh", "male", "soldier", "candidate", "2026-03-02")]' \
	"the cases as the file gave them, in name order"
expect_exit 0 admission export - --org C1
expect_out_contains "Lò Văn Minh"
expect_out_lacks "Hoàng Thị Lan"
expect_exit 0 admission export cases.xlsx --org G1
expect_py 'read("cases.xlsx")[:2] == b"PK"' "an XLSX workbook"
expect_exit 0 admission export due.csv --due --as-of 2026-12-01
expect_py 'open("due.csv").readline().startswith("id,org,full_name")' "the due list's header"
expect_exit 2 admission export x.csv --stage nonsense
expect_err_contains "stage"
STDIN=good.csv expect_exit 5 import candidates -
expect_err_contains "already candidate"

tcase "a file with several bad rows: all of them named, nothing imported" "$WORK/base.db"
expect_exit 0 import candidates good.csv
cadre import candidates bad.csv
expect_eq "exit code of a refused file" 3 "$RC"
expect_err_contains "line 2"
expect_err_contains "birth_date"
expect_err_contains "line 3"
expect_err_contains "source"
expect_err_contains "line 4"
expect_err_contains "NOPE"
expect_err_contains "line 6"
expect_err_contains "already candidate"
expect_err_contains "nothing was imported: 4 of 5 rows have problems"
expect_err_lacks "line 5"
cases
expect_eq "nothing imported (not the good row on line 5 either)" 2 "$NCASES"
expect_exit 0 import candidates bad.csv --skip-bad rejects.csv
expect_out_contains "imported 1 candidates of 5 rows; 4 rejected rows"
expect_py 'rows("rejects.csv")[0].keys() >= {"org", "error"} and [r["full_name"] for r in rows("rejects.csv")] == ["Vi Văn Tú", "Ma Thị Mai", "Nông Văn Sơn", "Lò Văn Minh"] and "source" in rows("rejects.csv")[1]["error"]' \
	"the rejects file: the bad rows with their reasons"
cases
expect_eq "the good row imported" 3 "$NCASES"
printf 'org,full_name,sex\nC1,x,male\n' >short.csv
expect_exit 3 import candidates short.csv
expect_err_contains "birth_date"
expect_exit 2 import people good.csv
expect_err_contains "candidates"

tcase "--once: the same file imported once" "$WORK/base.db"
expect_exit 0 import candidates good.csv --once
expect_exit 0 import candidates good.csv --once
expect_out_contains "already imported"
cases
expect_eq "two cases, not four" 2 "$NCASES"

done_testing
