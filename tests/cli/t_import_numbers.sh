#!/bin/bash
# t_import_numbers.sh - R-MEMBER-UNIQUE-NUMBERS in a first load (an empty roll): the numbers
# collected as the rows are stored and sorted at the end, those that do not pack (a party card
# number longer than 16 bytes: read back and sorted by SQLite) and a number held twice of
# every kind, each named; member_number holds exactly the members' numbers afterwards.
. "$(dirname "$0")/lib.sh"

printf '%s\n' 'code,parent_code,name,kind,established' \
	'ROOT,,Đảng bộ thử,committee,2000-01-01' \
	'C1,ROOT,Chi bộ một,cell,2000-01-01' >orgs.csv
build_db "$WORK/orgs.db" orgs.csv
H=org_code,full_name,sex,birth_date,ethnicity,hometown,citizen_id,history_no,card_no,admission_decision_date,admission_ceremony_date,official_date,status
# row NAME CITIZEN HISTORY CARD
row() {
	printf 'C1,%s,male,1990-01-01,Kinh,Hà Giang,%s,%s,%s,2015-03-01,2015-03-15,2016-03-15,official\n' "$@"
}
# numbers: member_number as "kind value clash member_id" lines, then the members' own.
numbers() {
	NUMS=$(sqlite3 "$DB" "SELECT kind, value, clash, member_id FROM member_number ORDER BY 1, 2")
	HELD=$(sqlite3 "$DB" "SELECT 0, citizen_id, 0, id FROM member WHERE citizen_id <> ''
		UNION ALL SELECT 1, card_no, 0, id FROM member WHERE card_no <> ''
		UNION ALL SELECT 2, history_no, 0, id FROM member WHERE history_no <> '' ORDER BY 1, 2")
}

tcase "a first load stores every number, a card number of 20 bytes among them" "$WORK/orgs.db"
{
	echo "$H"
	row 'Mai Văn Một' 001090000001 000001HG 12345678
	row 'Mai Văn Hai' 001090000002 000002HG CARD-0000000000000002
	row 'Mai Văn Ba' 001090000003 '' ''
	row 'Mai Văn Bốn' '' 000004HG 00000004
} >first.csv
expect_exit 0 import members first.csv
numbers
expect_eq "member_number holds the members' numbers" "$HELD" "$NUMS"
expect_eq "nine numbers" 9 "$(printf '%s\n' "$NUMS" | wc -l)"
expect_true "the long card number is among them" grep -q 'CARD-0000000000000002' <<<"$NUMS"
madd C1 "Mai Văn Năm" --card-no CARD-0000000000000002
expect_eq "a second holder of the long card number is refused" "" "$MID"
expect_err_contains "already used"
madd C1 "Mai Văn Sáu" --citizen-id 001090000003
expect_eq "a second holder of a citizen ID of the load is refused" "" "$MID"
expect_err_contains "citizen"
madd C1 "Mai Văn Bảy" --citizen-id 001090000007 --card-no 00000007
expect_true "a new number is accepted" test -n "$MID"

tcase "a first load refuses a number held twice, of every kind, naming each" "$WORK/orgs.db"
{
	echo "$H"
	row 'Lê Văn Một' 001090000011 000011HG CARD-0000000000000011
	row 'Lê Văn Hai' 001090000011 000012HG 00000012
	row 'Lê Văn Ba' 001090000013 000012HG CARD-0000000000000011
	row 'Lê Văn Bốn' 001090000014 000014HG 00000014
} >twice.csv
expect_refused 5 "given to two members of the file" import members twice.csv
expect_err_contains "001090000011"
expect_err_contains "000012HG"
expect_err_contains "CARD-0000000000000011"
expect_err_contains "ids 1 and 2"
expect_err_contains "ids 2 and 3"
expect_err_contains "ids 1 and 3"

tcase "a first load with short numbers only refuses a card number held twice" "$WORK/orgs.db"
{
	echo "$H"
	row 'Đỗ Văn Một' 001090000021 000021HG 00000021
	row 'Đỗ Văn Hai' 001090000022 000022HG 00000021
} >card.csv
expect_refused 5 "given to two members of the file" import members card.csv
expect_err_contains "card_no"
expect_err_contains "00000021"

tcase "after a refused first load, the same file without the second holder loads" "$WORK/orgs.db"
expect_refused 5 "given to two members of the file" import members card.csv
head -2 card.csv >card1.csv
expect_exit 0 import members card1.csv
numbers
expect_eq "member_number holds the one member's numbers" "$HELD" "$NUMS"
expect_eq "three numbers" 3 "$(printf '%s\n' "$NUMS" | wc -l)"

done_testing
