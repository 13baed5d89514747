#!/bin/bash
# t_member.sh - members: add (validation, rules), show, edit, Vietnamese order, accent-free
# search, duplicate warnings, status transitions, where.
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
build_db "$WORK/base.db" orgs.csv

# Twelve names on C2, in a scrambled order; NAMES_SORTED is the Vietnamese order: given name,
# then middle, then family; a ă â b c d đ e ê ...; tones after letters; no middle name first.
cat >names.csv <<'EOF'
id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status
11,C2,Vũ Văn Hưng,male,1990-01-01,Kinh,Nam Định,2015-03-01,2015-03-15,2016-03-15,official
12,C2,Trần Văn Anh,male,1990-01-01,Kinh,Nam Định,2015-03-01,2015-03-15,2016-03-15,official
13,C2,Đặng Văn Đức,male,1990-01-01,Kinh,Nam Định,2015-03-01,2015-03-15,2016-03-15,official
14,C2,Hoàng Thị Ánh,female,1990-01-01,Kinh,Nam Định,2015-03-01,2015-03-15,2016-03-15,official
15,C2,Lý Văn Ân,male,1990-01-01,Kinh,Nam Định,2015-03-01,2015-03-15,2016-03-15,official
16,C2,Phạm Văn Hùng,male,1990-01-01,Kinh,Nam Định,2015-03-01,2015-03-15,2016-03-15,official
17,C2,Đỗ Văn Anh,male,1990-01-01,Kinh,Nam Định,2015-03-01,2015-03-15,2016-03-15,official
18,C2,Lê Văn Dũng,male,1990-01-01,Kinh,Nam Định,2015-03-01,2015-03-15,2016-03-15,official
19,C2,Bùi Văn An,male,1990-01-01,Kinh,Nam Định,2015-03-01,2015-03-15,2016-03-15,official
20,C2,Ngô Thị Anh,female,1990-01-01,Kinh,Nam Định,2015-03-01,2015-03-15,2016-03-15,official
21,C2,Mai Văn Bảo,male,1990-01-01,Kinh,Nam Định,2015-03-01,2015-03-15,2016-03-15,official
22,C2,Nguyễn Anh,male,1990-01-01,Kinh,Nam Định,2015-03-01,2015-03-15,2016-03-15,official
23,C3,Đinh Văn Đạt,male,1990-01-01,Kinh,Nam Định,2015-03-01,2015-03-15,2016-03-15,official
EOF
NAMES_SORTED='["Bùi Văn An", "Nguyễn Anh", "Ngô Thị Anh", "Đỗ Văn Anh", "Trần Văn Anh", "Hoàng Thị Ánh", "Lý Văn Ân", "Mai Văn Bảo", "Lê Văn Dũng", "Đặng Văn Đức", "Phạm Văn Hùng", "Vũ Văn Hưng"]'
build_db "$WORK/names.db" orgs.csv names.csv

# expect_err_either A B: stderr holds A or B (a field named one way or the other).
expect_err_either() {
	if [[ $ERR == *"$1"* || $ERR == *"$2"* ]]; then pass; else
		fail "stderr names '$1' (or '$2')" "'$1' or '$2' in stderr" "$(head -c 600 "$ERRF" | tr '\n' '|')"
	fi
}

# ---------------------------------------------------------------------------------------------
tcase "add and show" "$WORK/base.db"
expect_exit 0 member add --org C1 --name "Nguyễn Văn Hùng" --sex male --birth-date 1990-05-01 \
	--ethnicity "Tày" --religion "Phật giáo" --hometown "Hà Giang" --citizen-id 002090001234 \
	--education 12/12 --theory-level intermediate --rank "Đại úy" --category officer \
	--post "Chính trị viên" --history-no 012345HG --card-no 12345678 --phone 0912345678 \
	--decision-date 2015-03-01 --ceremony-date 2015-03-15 --official-date 2016-03-15
expect_out_contains "added member 1: Nguyễn Văn Hùng"
expect_exit 0 --json member show 1
expect_json 'd["id"] == 1 and d["full_name"] == "Nguyễn Văn Hùng" and d["org_code"] == "C1"'
expect_json '(d["family_name"], d["middle_name"], d["given_name"]) == ("Nguyễn", "Văn", "Hùng")' "name parts"
expect_json 'd["status"] == "official" and d["sex"] == "male" and d["birth_date"] == "1990-05-01"'
expect_json 'd["ethnicity"] == "Tày" and d["religion"] == "Phật giáo" and d["hometown"] == "Hà Giang"'
expect_json 'd["citizen_id"] == "002090001234" and d["theory_level"] == "intermediate" and d["category"] == "officer"'
expect_json 'd["rank"] == "Đại úy" and d["post"] == "Chính trị viên" and d["history_no"] == "012345HG"'
expect_json 'd["card_no"] == "12345678" and d["phone"] == "0912345678" and d["education"] == "12/12"'
expect_json '(d["admission_decision_date"], d["admission_ceremony_date"], d["official_date"]) == ("2015-03-01", "2015-03-15", "2016-03-15")'
expect_json '[(r["org_code"], r["to"]) for r in d["rolls"]] == [("C1", None)]' "one open roll period"
expect_json '[s["status"] for s in d["statuses"]] == ["probationary", "official"] and d["statuses"][1]["from"] == "2016-03-15"'
expect_exit 0 member show 1
expect_out_contains "Nguyễn Văn Hùng"
expect_out_contains "Hà Giang"
expect_out_contains "official"
madd_p C1 "Lê Thị Lan" --sex female
expect_eq "a probationary member is added" 0 "$RC"
expect_json 'd["status"] == "probationary" and d["official_date"] is None'
expect_refused 4 "NOPE" member add --org NOPE --name "Không Có Chi Bộ" --sex male \
	--birth-date 1990-01-01 --ethnicity Kinh --hometown "Hà Giang" --decision-date 2015-03-01 \
	--ceremony-date 2015-03-15
expect_refused 2 "--org" member add --name "Thiếu Chi Bộ" --sex male --birth-date 1990-01-01 \
	--ethnicity Kinh --hometown "Hà Giang" --decision-date 2015-03-01 --ceremony-date 2015-03-15
expect_refused 4 "999" member show 999
expect_refused 2 "id" member show abc

# ---------------------------------------------------------------------------------------------
tcase "every problem reported at once" "$WORK/base.db"
# A bad sex, a birth date that is not a date and a missing home town, in one call.
expect_refused 3 "sex" member add --org C1 --name "Trần Văn Bình" --sex nam --birth-date 1990-02-30 \
	--ethnicity Kinh --decision-date 2015-03-01 --ceremony-date 2015-03-15 --official-date 2016-03-15
expect_err_contains "nam"
expect_err_either "birth_date" "birth date"
expect_err_contains "1990-02-30"
expect_err_either "hometown" "home town"
# Bad values that all parse: sex, citizen id, theory level, missing ethnicity and home town,
# ceremony before decision.
expect_refused_in "3 5" "sex" member add --org C1 --name "Trần Văn Bình" --sex nam --birth-date 1990-02-03 \
	--citizen-id 12345 --theory-level expert --decision-date 2015-03-01 --ceremony-date 2015-02-15
expect_err_either "hometown" "home town"
expect_err_contains "ethnicity"
expect_err_either "citizen_id" "citizen ID"
expect_err_either "theory_level" "theory level"
expect_err_contains "R-MEMBER-DATES"
expect_refused_in "2 3" "name" member add --org C1 --name "" --sex male --birth-date 1990-01-01 \
	--ethnicity Kinh --hometown "Hà Giang" --decision-date 2015-03-01 --ceremony-date 2015-03-15

# ---------------------------------------------------------------------------------------------
tcase "admission rules" "$WORK/base.db"
# R-ADMIT-AGE-MIN-MONTHS: 216 months (18 years) at the admission decision.
expect_refused 5 "R-ADMIT-AGE-MIN-MONTHS" member add --org C1 --name "Trẻ Văn Quá" --sex male \
	--birth-date 2008-01-01 --ethnicity Kinh --hometown "Hà Giang" --decision-date 2025-03-01 \
	--ceremony-date 2025-03-15
expect_err_contains "18"
expect_refused 5 "R-ADMIT-AGE-MIN-MONTHS" member add --org C1 --name "Thiếu Một Ngày" --sex male \
	--birth-date 2007-03-02 --ethnicity Kinh --hometown "Hà Giang" --decision-date 2025-03-01 \
	--ceremony-date 2025-03-15
madd_p C1 "Vừa Đủ Tuổi" --birth-date 2007-03-01
expect_eq "admitted on the 18th birthday" 0 "$RC"
# R-ADMIT-AGE-MAX-MONTHS: 720 months (60 years).
expect_refused 5 "R-ADMIT-AGE-MAX-MONTHS" member add --org C1 --name "Già Văn Quá" --sex male \
	--birth-date 1960-01-01 --ethnicity Kinh --hometown "Hà Giang" --decision-date 2025-03-01 \
	--ceremony-date 2025-03-15
# R-MEMBER-DATES: the ceremony is not before the decision.
expect_refused_in "3 5" "R-MEMBER-DATES" member add --org C1 --name "Lễ Trước Quyết" --sex male \
	--birth-date 1990-01-01 --ethnicity Kinh --hometown "Hà Giang" --decision-date 2025-03-01 \
	--ceremony-date 2025-02-27
expect_err_contains "2025-02-27"
# R-PROBATION-MONTHS: official no earlier than 12 months after the ceremony.
expect_refused 5 "R-PROBATION-MONTHS" member add --org C1 --name "Chính Thức Sớm" --sex male \
	--birth-date 1990-01-01 --ethnicity Kinh --hometown "Hà Giang" --decision-date 2025-03-01 \
	--ceremony-date 2025-03-15 --official-date 2026-03-14
expect_err_contains "2025-03-15"
madd C1 "Đúng Mười Hai Tháng" --decision-date 2025-03-01 --ceremony-date 2025-03-15 \
	--official-date 2026-03-15
expect_eq "official at exactly 12 months" 0 "$RC"
expect_json 'd["official_date"] == "2026-03-15" and d["status"] == "official"'

# ---------------------------------------------------------------------------------------------
tcase "edit keeps the old value" "$WORK/base.db"
madd C1 "Nguyễn Văn Hùng" --hometown "Hà Giang"
id=$MID
expect_exit 0 member edit "$id" --hometown "Tuyên Quang" --date 2026-06-01
expect_out_contains "updated member $id"
expect_exit 0 --json member show "$id"
expect_json 'd["hometown"] == "Tuyên Quang"'
expect_json 'any(e["kind"] == "edit" and "Hà Giang" in json.dumps(e["detail"], ensure_ascii=False) and "Tuyên Quang" in json.dumps(e["detail"], ensure_ascii=False) for e in d["events"])' \
	"the edit event keeps the old and the new home town"
expect_json '[e["date"] for e in d["events"] if e["kind"] == "edit"] == ["2026-06-01"]'
expect_exit 0 member edit "$id" --name "Nguyễn Văn Tám"
expect_exit 0 --json member show "$id"
expect_json 'd["given_name"] == "Tám" and d["full_name"] == "Nguyễn Văn Tám"'
expect_json 'any("Nguyễn Văn Hùng" in json.dumps(e["detail"], ensure_ascii=False) for e in d["events"])' \
	"the old name is kept"
expect_exit 0 --json member search "nguyen van tam"
expect_json '[m["id"] for m in d] == ['"$id"']'
expect_refused 3 "sex" member edit "$id" --sex nu
expect_refused 4 "999" member edit 999 --hometown "Hà Nội"
expect_refused 2 "" member edit "$id"
expect_refused 5 "R-PROBATION-MONTHS" member edit "$id" --official-date 2015-06-01
expect_refused 5 "R-ADMIT-AGE-MIN-MONTHS" member edit "$id" --birth-date 2000-01-01
expect_refused_in "3 5" "R-MEMBER-DATES" member edit "$id" --ceremony-date 2015-02-01

# ---------------------------------------------------------------------------------------------
tcase "Vietnamese order" "$WORK/names.db"
expect_exit 0 --json member list --org C2
expect_json '[m["full_name"] for m in d] == '"$NAMES_SORTED" "given, middle, family; a ă â ... d đ; tones after letters"
expect_exit 0 member list --org C2
expect_true "the text list is in the same order" python3 -c '
import sys, json
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()[1:]
names = [n for l in lines for n in json.loads(sys.argv[2]) if "  " + n + "  " in l]
assert names == json.loads(sys.argv[2]), names' "$OUTF" "$NAMES_SORTED"
expect_exit 0 --json member list --org C2 --offset 2 --limit 3
expect_json '[m["full_name"] for m in d] == '"$NAMES_SORTED"'[2:5]' "--offset 2 --limit 3"
expect_exit 0 --json member list
expect_json 'len(d) == 13' "the whole tree"

# ---------------------------------------------------------------------------------------------
tcase "accent-free search" "$WORK/names.db"
expect_exit 0 --json member search "dang van duc"
expect_json '[m["full_name"] for m in d] == ["Đặng Văn Đức"]'
expect_exit 0 --json member search "DANG VAN DUC"
expect_json '[m["full_name"] for m in d] == ["Đặng Văn Đức"]' "upper case"
expect_exit 0 --json member search "Đặng Văn Đức"
expect_json '[m["full_name"] for m in d] == ["Đặng Văn Đức"]' "typed with accents"
expect_exit 0 --json member search "d"
expect_json '{"Đặng Văn Đức", "Đỗ Văn Anh", "Lê Văn Dũng", "Đinh Văn Đạt"} <= {m["full_name"] for m in d}' \
	"'d' finds đ as well as d"
expect_exit 0 --json member search "duc"
expect_json '[m["full_name"] for m in d] == ["Đặng Văn Đức"]' "'duc' finds Đức"
expect_exit 0 --json member search "hung"
expect_json 'sorted(m["full_name"] for m in d) == ["Phạm Văn Hùng", "Vũ Văn Hưng"]' "'hung' finds Hùng and Hưng"
expect_exit 0 --json member search "hùng"
expect_json '"Phạm Văn Hùng" in [m["full_name"] for m in d]' "'hùng' finds Hùng"
expect_exit 0 --json member search "anh"
expect_json '{"Nguyễn Anh", "Ngô Thị Anh", "Đỗ Văn Anh", "Trần Văn Anh", "Hoàng Thị Ánh"} <= {m["full_name"] for m in d}'
expect_exit 0 --json member search "dat" --org C2
expect_json 'd == []' "--org limits the search"
expect_exit 0 --json member search "dat" --org C3
expect_json '[m["full_name"] for m in d] == ["Đinh Văn Đạt"]'
expect_exit 0 --json member search "xyzzy"
expect_json 'd == []' "no match is an empty array"
expect_exit 0 --json member search "van" --limit 2
expect_json 'len(d) == 2'

# ---------------------------------------------------------------------------------------------
tcase "duplicate warning" "$WORK/base.db"
madd C1 "Nguyễn Văn Hùng" --birth-date 1990-05-01 --hometown "Hà Giang"
first=$MID
expect_err_lacks "duplicate"
madd C2 "Nguyễn Văn Hùng" --birth-date 1990-05-01 --hometown "Hà Giang"
expect_eq "a possible duplicate is still added" 0 "$RC"
expect_err_contains "duplicate"
expect_err_contains "member $first"
madd C1 "Nguyễn Văn Hưng" --birth-date 1990-05-01 --hometown "Hà Giang"
expect_eq "Hưng is added" 0 "$RC"
expect_err_lacks "duplicate"
madd C1 "Nguyen Van Hung" --birth-date 1990-05-01 --hometown "Hà Giang"
expect_eq "a name without accents is added" 0 "$RC"
expect_err_lacks "duplicate"
madd C1 "Nguyễn Văn Hùng" --birth-date 1990-05-01 --hometown "Cao Bằng"
expect_err_lacks "duplicate"
madd C1 "Nguyễn Văn Hùng" --birth-date 1990-05-02 --hometown "Hà Giang"
expect_err_lacks "duplicate"

# ---------------------------------------------------------------------------------------------
tcase "status transitions" "$WORK/base.db"
madd_p C1 "Trần Thị Mai" --sex female
p=$MID
expect_refused 5 "R-PROBATION-MONTHS" member status "$p" official --date 2026-03-14
expect_err_contains "2025-03-15"
# The message names the first date on which it can be done: ceremony + 12 months.
expect_err_contains "2026-03-15"
expect_exit 0 member status "$p" official --date 2026-03-15
expect_exit 0 --json member show "$p"
expect_json 'd["status"] == "official" and d["official_date"] == "2026-03-15" and d["status_since"] == "2026-03-15"'
expect_json '[(s["status"], s["to"]) for s in d["statuses"]] == [("probationary", "2026-03-15"), ("official", None)]'
# Recognised late: official from exactly ceremony + 12 months all the same.
madd_p C1 "Lê Văn Muộn"
q=$MID
expect_exit 0 member status "$q" official --date 2026-05-20 --reason "họp chi bộ muộn"
expect_exit 0 --json member show "$q"
expect_json 'd["official_date"] == "2026-03-15"' "official at exactly 12 months even if the vote is late"
# official -> probationary is not a transition.
expect_refused 5 "R-STATUS-TRANSITION" member status "$p" probationary --date 2026-06-01
# A probationary member cannot be expelled (only removed).
madd_p C1 "Phạm Văn Thử"
r=$MID
expect_refused 5 "R-STATUS-TRANSITION" member status "$r" expelled --date 2026-06-01
expect_refused 2 "status" member status "$r" retired --date 2026-06-01
# A change dated before the current status began is refused.
expect_refused_in "3 5" "2026-03-15" member status "$p" exempt --date 2026-03-01
expect_exit 0 member status "$p" exempt --date 2026-04-01
expect_exit 0 member status "$p" official --date 2026-05-01
expect_exit 0 member status "$p" removed --date 2026-06-01 --reason "bỏ sinh hoạt"
expect_out_contains "removed"
# removed is terminal.
expect_refused 5 "R-STATUS-TRANSITION" member status "$p" official --date 2026-07-01
expect_refused 5 "R-STATUS-TRANSITION" member status "$p" deceased --date 2026-07-01
expect_exit 0 --json member list --org C1
expect_json '"Trần Thị Mai" not in [m["full_name"] for m in d]' "a removed member is off the roll"
expect_exit 0 export members -
expect_out_lacks "Trần Thị Mai"
expect_exit 0 --json member where "$p" --date 2026-05-15
expect_json 'd["status"] == "official" and d["org_code"] == "C1"'
expect_exit 0 --json member where "$p" --date 2026-06-15
expect_json 'd["status"] == "removed"'
expect_exit 0 --json member list --org C1 --as-of 2026-05-15
expect_json '"Trần Thị Mai" in [m["full_name"] for m in d]' "on the roll before the removal"
expect_exit 0 --json member show "$p"
expect_json '[s["status"] for s in d["statuses"]] == ["probationary", "official", "exempt", "official", "removed"]'

tcase "a status change dated after today" "$WORK/base.db"
madd C1 "Ngô Văn Tương Lai"
f=$MID
# Either refused, or it takes effect on its date and not before.
snap_before
cadre member status "$f" exempt --date 2027-01-01
if [ "$RC" = 0 ]; then
	pass
	expect_exit 0 --json member show "$f"
	expect_json 'd["status"] == "official"' "exempt from 2027 is not exempt today (member show)"
	expect_exit 0 --json member where "$f"
	expect_json 'd["status"] == "official"' "exempt from 2027 is not exempt today (member where)"
	expect_exit 0 --json org show C1
	expect_json 'd["members"]["official"] == 1 and d["members"]["exempt"] == 0' "today's counts"
	expect_exit 0 --json member where "$f" --date 2027-01-02
	expect_json 'd["status"] == "exempt"'
else
	expect_true "a status change dated after today is refused with exit 3 or 5 (got $RC)" \
		test "$RC" = 3 -o "$RC" = 5
	expect_unchanged
fi

# ---------------------------------------------------------------------------------------------
tcase "where, before and after a transfer" "$WORK/base.db"
madd C1 "Hoàng Văn Chuyển"
id=$MID
expect_exit 0 --json member transfer "$id" --to C2 --date 2026-05-04 --reason "nhận nhiệm vụ mới"
json_val 'd["id"]'
tid=$JV
expect_exit 0 member receive "$tid" --date 2026-05-11
expect_exit 0 --json member where "$id" --date 2026-05-06
expect_json 'd["org_code"] == "C1" and d["status"] == "official"' "before the receipt"
expect_exit 0 --json member where "$id" --date 2026-05-11
expect_json 'd["org_code"] == "C2"' "on the day of the receipt"
expect_exit 0 --json member where "$id" --date 2014-01-01
expect_json 'd["status"] is None and d["org_code"] is None' "before admission"
expect_exit 0 member where "$id" --date 2026-06-01
expect_out_contains "C2"
expect_refused 4 "999" member where 999

done_testing
