#!/bin/bash
# t_import_roll.sh - the roll's lists of words (roll_word, roll_block) after a first load,
# which builds them in memory from the words of names collected while the rows were stored
# (store_roll_bulk): they must be exactly what the SQL definition (the migration's, and
# store_roll_rebuild's) gives. Ids across three blocks of 65,536, one name twice (the same
# key: the id decides), a word twice in one name, names one a prefix of another.
. "$(dirname "$0")/lib.sh"

printf '%s\n' 'code,parent_code,name,kind,established' \
	'ROOT,,Đảng bộ thử,committee,2000-01-01' \
	'C1,ROOT,Chi bộ một,cell,2000-01-01' \
	'C2,ROOT,Chi bộ hai,cell,2000-01-01' >orgs.csv
build_db "$WORK/orgs.db" orgs.csv
H=id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status
# row ID ORG NAME BIRTH STATUS
row() {
	local off=2016-03-15
	[ "$5" = probationary ] && off=
	printf '%s,%s,%s,male,%s,Kinh,Hà Giang,2015-03-01,2015-03-15,%s,%s\n' "$1" "$2" "$3" "$4" "$off" "$5"
}
EXPECT_WORDS="SELECT w.word_id, hex(m.sort_key), m.id FROM member_word w JOIN member m
	ON m.id = w.member_id WHERE m.status IN ('probationary','official','exempt','suspended')
	ORDER BY 1, 2, 3"
EXPECT_BLOCKS="SELECT (word_id << 24) | (member_id >> 16),
	group_concat(printf('%02X%02X', member_id & 255, (member_id >> 8) & 255), '')
	FROM (SELECT word_id, member_id FROM roll_word ORDER BY word_id, member_id)
	GROUP BY word_id, member_id >> 16 ORDER BY 1"

tcase "a first load's roll lists are the SQL definition's, row for row" "$WORK/orgs.db"
{
	echo "$H"
	row 70000 C1 'Nguyễn Văn An' 1990-01-01 official
	row 3 C1 'Nguyễn Văn An' 1991-02-02 probationary
	row 65536 C2 'Nguyễn Văn Anh' 1992-03-03 exempt
	row 65535 C2 'Lê Thị Văn Văn' 1980-04-04 suspended
	row 131072 C1 'Đặng Văn Ân' 1970-05-05 official
	row 1 C2 'Trần Anh' 1985-06-06 official
	row 200000 C1 'NGUYỄN văn an' 1993-07-07 official
	row 9 C1 'Hoàng Thị Đào' 1994-08-08 official
} >first.csv
expect_exit 0 import members --allow-duplicates first.csv
GOT=$(sqlite3 "$DB" "SELECT word_id, hex(sort_key), member_id FROM roll_word")
WANT=$(sqlite3 "$DB" "$EXPECT_WORDS")
expect_eq "roll_word is member_word joined with the members' keys" "$WANT" "$GOT"
expect_eq "23 rows (a word twice in a name once)" 23 "$(printf '%s\n' "$GOT" | wc -l)"
GOT=$(sqlite3 "$DB" "SELECT key, hex(ids) FROM roll_block ORDER BY key")
WANT=$(sqlite3 "$DB" "$EXPECT_BLOCKS")
expect_eq "roll_block packs each word's ids by block" "$WANT" "$GOT"
expect_true "the blocks span four ranges of ids" test \
	"$(sqlite3 "$DB" "SELECT count(DISTINCT key & 16777215) FROM roll_block")" = 4
expect_eq "the database is whole" ok "$(sqlite3 "$DB" "PRAGMA integrity_check")"
# A later change keeps the lists by the row-by-row way: the same definition holds.
madd C1 "Nguyễn Văn Bình"
expect_true "a member added" test -n "$MID"
GOT=$(sqlite3 "$DB" "SELECT word_id, hex(sort_key), member_id FROM roll_word")
WANT=$(sqlite3 "$DB" "$EXPECT_WORDS")
expect_eq "roll_word after an addition" "$WANT" "$GOT"
GOT=$(sqlite3 "$DB" "SELECT key, hex(ids) FROM roll_block ORDER BY key")
WANT=$(sqlite3 "$DB" "$EXPECT_BLOCKS")
expect_eq "roll_block after an addition" "$WANT" "$GOT"

done_testing
