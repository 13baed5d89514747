#!/bin/bash
# t_i18n.sh - the command line in the locale's language (LC_ALL, LC_MESSAGES, LANG:
# vi_VN.UTF-8 gives Vietnamese errors), Vietnamese values in imported CSV files (nam/nữ,
# chính thức/dự bị, the grade and step names), and the catalogue check failing on a message
# without its Vietnamese (issue 10).
. "$(dirname "$0")/lib.sh"
unset LC_ALL LC_MESSAGES LANGUAGE
export LANG=C.UTF-8
ROOTDIR=$(cd "$(dirname "$0")/../.." && pwd)

# The catalogue from the po files of this tree (the binary under test is a copy).
if [ -z "${CADRE_LOCALEDIR:-}" ]; then
	mkdir -p "$WORK/locale/vi/LC_MESSAGES"
	msgcat --use-first -o "$WORK/locale/vi.po" "$ROOTDIR"/po/vi*.po &&
		msgfmt -o "$WORK/locale/vi/LC_MESSAGES/cadre.mo" "$WORK/locale/vi.po"
	export CADRE_LOCALEDIR=$WORK/locale
fi

cat >orgs.csv <<'XEOF'
code,parent_code,name,kind,established
ROOT,,Quân ủy Trung ương,committee,2010-01-01
E98,ROOT,Đảng ủy Trung đoàn 98,grassroots,2012-01-01
C1,E98,Chi bộ Đại đội 1,cell,2012-01-01
XEOF
build_db "$WORK/base.db" orgs.csv

# ---------------------------------------------------------------------------------------------
tcase "errors follow LC_ALL, LC_MESSAGES and LANG" "$WORK/base.db"
LANG=vi_VN.UTF-8 expect_exit 4 member show 999
expect_err_contains "cadre: lỗi: không có đảng viên nào mã 999"
expect_err_lacks "no member"
expect_exit 4 member show 999
expect_err_contains "cadre: error: no member has the id 999"
run_raw env LC_MESSAGES=vi_VN.UTF-8 "$CADRE" --db "$DB" member show 999
expect_eq "exit code" 4 "$RC"
expect_err_contains "không có đảng viên nào mã 999"
run_raw env LANG=vi_VN.UTF-8 LC_ALL=C "$CADRE" --db "$DB" member show 999
expect_err_contains "no member has the id 999"
run_raw env LANG=en_US.UTF-8 LC_MESSAGES=vi_VN "$CADRE" --db "$DB" member show 999
expect_err_contains "không có đảng viên nào mã 999"
# a rule of core and the line of a file, in Vietnamese
printf 'id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status\n,C1,Lê Văn Một,male,1990-02-30,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official\n,NOPE,,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official\n' >bad.csv
LANG=vi_VN.UTF-8 expect_refused 3 "dòng 2: birth_date '1990-02-30': 1990-02-30 không phải là một ngày có thật trên lịch" import members bad.csv
expect_err_contains "dòng 3: org_code 'NOPE': không có tổ chức đang hoạt động nào mang mã này"
expect_err_contains "thiếu họ và tên"
expect_err_contains "cadre: chưa nhập gì: 2 trong 2 dòng có lỗi"
expect_err_lacks "is not a real" "no active organisation" "nothing was imported"

# ---------------------------------------------------------------------------------------------
tcase "members imported with Vietnamese sex and status, accents or none, any case" "$WORK/base.db"
cat >vi.csv <<'XEOF'
id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status
1,C1,Nguyễn Thị An,nữ,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,chính thức
2,C1,Trần Văn Bình,Nam,1991-01-01,Kinh,Hà Giang,2025-06-01,2025-06-15,,Dự bị
3,C1,Lê Thị Cúc,NU,1992-01-01,Tày,Cao Bằng,2015-03-01,2015-03-15,2016-03-15,CHINH THUC
4,C1,Phạm Văn Dũng,nam,1993-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,miễn sinh hoạt
5,C1,Hoàng Văn Em,male,1994-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,đình chỉ sinh hoạt
XEOF
expect_exit 0 import members vi.csv
expect_out_contains "imported 5"
expect_exit 0 export members out.csv
expect_py '[(r["sex"], r["status"]) for r in rows("out.csv")] == [("female","official"),("male","probationary"),("female","official"),("male","exempt"),("male","suspended")]' \
	"stored and exported as their codes"
printf 'id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status\n,C1,Đỗ Văn Giang,ông,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,chính thức\n' >badsex.csv
expect_refused 3 "sex must be 'male' or 'female'" import members badsex.csv

# ---------------------------------------------------------------------------------------------
tcase "reviews imported with the Vietnamese grade and step names" "$WORK/base.db"
expect_exit 0 import members vi.csv
cat >rv.csv <<'XEOF'
member_id,year,grade,score,step,date,reason
1,2025,Hoàn thành tốt nhiệm vụ,,quyết định,2025-12-20,
3,2025,hoan thanh nhiem vu,,Quyết định,2025-12-20,
4,2025,Không hoàn thành nhiệm vụ,,,2025-12-20,
1,2024,Hoàn thành xuất sắc nhiệm vụ,,tự đánh giá,2024-12-10,
XEOF
expect_exit 0 import reviews rv.csv
expect_exit 0 --json review history 1
expect_json 'sorted((x["year"], x["grade"], x["step"]) for x in d) == [(2024, "excellent", "self"), (2025, "good", "decision")]'
expect_exit 0 --json review history 4
expect_json '[x["grade"] for x in d] == ["not_complete"]'
printf 'member_id,year,grade\n1,2023,giỏi\n' >badgrade.csv
LANG=vi_VN.UTF-8 expect_refused 3 "mức xếp loại không rõ" import reviews badgrade.csv

# ---------------------------------------------------------------------------------------------
tcase "the catalogue check fails naming a message without Vietnamese, and passes again"
# check: run the catalogue check of the copied tree (RC, OUT)
check() {
	LAST_CMD="scripts/i18n-check.sh"
	tree/scripts/i18n-check.sh >"$OUTF" 2>"$ERRF"
	RC=$?
	slurp "$OUTF" OUT
}
mkdir -p tree/scripts tree/src tree/po
cp "$ROOTDIR/scripts/i18n-check.sh" tree/scripts/
cp -r "$ROOTDIR"/src/* tree/src/
cp "$ROOTDIR"/po/*.po tree/po/
check
expect_eq "the check passes on this tree" 0 "$RC"
expect_out_contains "i18n: ok"
# remove the translation of one message made in src/core (its msgstr emptied)
python3 - tree/po/vi-10-i18n.po <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
old = 'msgstr "thiếu ngày sinh; hãy ghi dạng YYYY-MM-DD"'
assert old in s
open(p, "w", encoding="utf-8").write(s.replace(old, 'msgstr ""'))
PY
check
expect_eq "the check fails" 1 "$RC"
expect_out_contains 'no Vietnamese: src/core/member.c'
expect_out_contains '"the birth date is missing; write it as YYYY-MM-DD"'
expect_out_contains "1 of"
# a fuzzy translation fails too
cp "$ROOTDIR"/po/vi-10-i18n.po tree/po/
python3 - tree/po/vi-10-i18n.po <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
old = 'msgid "the home town is missing"'
assert old in s
open(p, "w", encoding="utf-8").write(s.replace(old, '#, fuzzy\n' + old))
PY
check
expect_eq "a fuzzy entry fails the check" 1 "$RC"
expect_out_contains 'fuzzy: src/core/member.c'
# a translation that drops a printf conversion fails
cp "$ROOTDIR"/po/vi-10-i18n.po tree/po/
python3 - tree/po/vi-10-i18n.po <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
old = 'msgstr "không có đảng viên nào mã %lld"'
assert old in s
open(p, "w", encoding="utf-8").write(s.replace(old, 'msgstr "không có đảng viên này"', 1))
PY
check
expect_eq "a translation without the msgid's %lld fails" 1 "$RC"
cp "$ROOTDIR"/po/vi-10-i18n.po tree/po/
check
expect_eq "restored: the check passes" 0 "$RC"

done_testing
