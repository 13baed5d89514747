#!/bin/bash
# t_words.sh - the CSV reader's problems and the command line's help in the locale's language
# (vi_VN.UTF-8 Vietnamese, C/en English), and the manual page staying English (issue 10's
# leftovers: src/lib/csv.c through the catalogue, the command table's texts marked N_()).
. "$(dirname "$0")/lib.sh"
unset LC_ALL LC_MESSAGES LANGUAGE
export LANG=C.UTF-8
ROOTDIR=$(cd "$(dirname "$0")/../.." && pwd)

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
HDR=id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status
ROW=',C1,Lê Văn Một,male,1990-02-03,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official'

# ---------------------------------------------------------------------------------------------
tcase "a quote left open: the reader's problem in Vietnamese, and in English under C" "$WORK/base.db"
printf '%s\n%s\n,C1,"Lê Văn Hai,male,1990-02-03\n' "$HDR" "$ROW" >open.csv
LANG=vi_VN.UTF-8 expect_refused 3 "dòng 3: dấu ngoặc kép mở ở dòng 3 không bao giờ được đóng; hãy đóng hoặc xóa nó" import members open.csv
expect_err_contains "cadre: chưa nhập gì"
expect_err_lacks "never closed"
expect_refused 3 "line 3: quote opened on line 3 is never closed; close it or remove it" import members open.csv
expect_err_lacks "ngoặc kép"
LANG=en_US.UTF-8 expect_refused 3 "quote opened on line 3 is never closed" import members open.csv

# ---------------------------------------------------------------------------------------------
tcase "bad encoding, NUL, a stray quote, text after a quote, too many fields" "$WORK/base.db"
printf '%s\n,C1,L\xe9 V\xe3n,male,1990-02-03,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official\n' "$HDR" >latin1.csv
LANG=vi_VN.UTF-8 expect_refused 3 "mã UTF-8 không hợp lệ ở cột 3 (ký tự nhiều byte bị cắt cụt, byte 0xE9); hãy lưu tệp dưới dạng UTF-8" import members latin1.csv
expect_err_lacks "invalid UTF-8"
expect_refused 3 "invalid UTF-8 in column 3 (a multi-byte character cut short, byte 0xE9); save the file as UTF-8" import members latin1.csv
printf '%s\n,C1,A\0B,male\n' "$HDR" >nul.csv
LANG=vi_VN.UTF-8 expect_refused 3 "byte NUL ở cột 3; tệp có thể là UTF-16 hoặc tệp nhị phân: hãy lưu lại dưới dạng văn bản UTF-8" import members nul.csv
printf '%s\n,C1,Lê "Út" Văn,male,1990-02-03,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official\n' "$HDR" >stray.csv
LANG=vi_VN.UTF-8 expect_refused 3 "dấu ngoặc kép nằm trong trường không được đặt trong ngoặc kép ở cột 3; hãy đặt cả trường trong ngoặc kép và nhân đôi các dấu ngoặc kép bên trong" import members stray.csv
printf '%s\n,C1,"Lê Văn" Ba,male,1990-02-03,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official\n' "$HDR" >after.csv
LANG=vi_VN.UTF-8 expect_refused 3 "có chữ sau dấu ngoặc kép đóng ở cột 3; hãy nhân đôi từng dấu ngoặc kép bên trong trường đặt trong ngoặc kép" import members after.csv
{ printf '%s\n,C1' "$HDR"; printf ',x%.0s' {1..4100}; printf '\n'; } >wide.csv
LANG=vi_VN.UTF-8 expect_refused 3 "dòng dữ liệu có hơn 4096 trường; hãy kiểm tra các dấu phẩy trong dòng" import members wide.csv
expect_refused 3 "record has more than 4096 fields; check the commas in it" import members wide.csv
# The organisations' import (its own reader loop in the CLI) speaks the same language.
printf 'code,parent_code,name,kind,established\nC2,E98,"Chi bộ 2,cell,2012-01-01\n' >orgopen.csv
LANG=vi_VN.UTF-8 expect_refused 3 "dấu ngoặc kép mở ở dòng 2 không bao giờ được đóng" import orgs orgopen.csv
# A byte-order mark is no problem in either language: the file imports.
printf '\xef\xbb\xbf%s\n%s\n' "$HDR" "$ROW" >bom.csv
LANG=vi_VN.UTF-8 expect_exit 0 import members bom.csv
expect_err_lacks "lỗi"

# ---------------------------------------------------------------------------------------------
tcase "a command's --help in Vietnamese under vi_VN, English under C and en" "$WORK/base.db"
LANG=vi_VN.UTF-8 expect_exit 0 member add --help
expect_out_contains "cách dùng: cadre [--db TỆP] member add"
expect_out_contains "Thêm một đảng viên vào danh sách sinh hoạt."
expect_out_contains "tùy chọn:"
expect_out_contains "  --org GIÁ_TRỊ              mã của tổ chức đảng nơi đảng viên sinh hoạt"
expect_out_contains "  --name GIÁ_TRỊ             họ và tên, họ viết trước"
expect_out_contains "probationary (dự bị) hoặc official (chính thức)"
expect_out_contains "  --json                     in kết quả dưới dạng JSON"
expect_out_contains "  --help                     hiện hướng dẫn này"
expect_out_lacks "usage:"
expect_out_lacks "family name first"
expect_exit 0 member add --help
expect_out_contains "usage: cadre [--db FILE] member add"
expect_out_contains "Add a member to a roll."
expect_out_contains "  --org VALUE                code of the organisation whose roll the member joins"
expect_out_lacks "đảng viên"
LANG=en_US.UTF-8 expect_exit 0 member transfer --help
expect_out_contains "Send a member to another organisation (official or temporary)."
LANG=vi_VN.UTF-8 expect_exit 0 member transfer --help
expect_out_contains "Chuyển sinh hoạt đảng của đảng viên sang tổ chức khác (chính thức hoặc tạm thời)."
expect_out_contains "chuyển sinh hoạt tạm thời (từ 3 tháng đến dưới một năm)"

# ---------------------------------------------------------------------------------------------
tcase "every command's summary in the general help has its Vietnamese" "$WORK/base.db"
# (Every option's help has its Vietnamese too: scripts/i18n-check.sh extracts the N_() marks
# of the command table; the case above shows the help printing them translated.)
LANG=vi_VN.UTF-8 expect_exit 0 --help
expect_out_contains "cách dùng: cadre [--db TỆP] [--json] LỆNH [THAM_SỐ]"
expect_out_contains "các lệnh:"
expect_out_contains "Thành lập một tổ chức đảng."
expect_out_contains "tùy chọn chung:"
expect_out_contains "mã thoát: 0 thành công, 2 sai cách dùng"
expect_out_lacks "commands:"
vi_help=$OUT
expect_exit 0 --help
en_help=$OUT
same=$(python3 - "$en_help" "$vi_help" <<'XEOF'
import sys
en = [l for l in sys.argv[1].split('\n') if l.startswith('  ') and not l.startswith('  --')]
vi = set(sys.argv[2].split('\n'))
print(sum(1 for l in en if l in vi))
XEOF
)
expect_eq "command lines of the help left in English under vi" 0 "$same"

# ---------------------------------------------------------------------------------------------
tcase "usage mistakes in Vietnamese; the manual page stays English" "$WORK/base.db"
LANG=vi_VN.UTF-8 expect_exit 2 member add --nope
expect_err_contains "cadre: không có tùy chọn '--nope' cho 'member add'; xem 'cadre member add --help'"
LANG=vi_VN.UTF-8 expect_exit 2 member show
expect_err_contains "cadre: 'member show' nhận các tham số ID; xem --help"
LANG=vi_VN.UTF-8 expect_exit 2 frobnicate
expect_err_contains "cadre: không có lệnh 'frobnicate'; xem 'cadre --help'"
expect_exit 2 member show
expect_err_contains "cadre: 'member show' takes the arguments ID; see --help"
expect_exit 2 member add extra
expect_err_contains "cadre: 'member add' takes no arguments; see --help"
run_raw env LANG=vi_VN.UTF-8 "$CADRE" --man
vi_man=$OUT
run_raw env LANG=C "$CADRE" --man
expect_eq "the manual page under vi_VN is the English one" "$OUT" "$vi_man"
expect_out_contains "Add a member to a roll."
expect_out_contains "full name, family name first"
expect_out_lacks "đảng viên"
expect_out_contains ".SS member add"

done_testing
