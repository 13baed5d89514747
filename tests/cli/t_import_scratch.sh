#!/bin/bash
# t_import_scratch.sh - a first load stores the members' numbers into a scratch database beside
# the database (DB-scratch, on a thread of its own) and copies them in: member_number holds
# exactly the members' numbers and the file is gone after the load; a file a killed load left is removed
# at the next open, but never while another connection holds the write lock (a load may be
# using it); kill -9 during a first load, at several moments, leaves a sound database, all or
# nothing, and no scratch file once it is opened again.
. "$(dirname "$0")/lib.sh"

printf '%s\n' 'code,parent_code,name,kind,established' \
	'ROOT,,Đảng bộ thử,committee,2000-01-01' \
	'C1,ROOT,Chi bộ một,cell,2000-01-01' >orgs.csv
build_db "$WORK/orgs.db" orgs.csv
# members.py N FILE: N members of C1, distinct names, every member with three numbers.
python3 - 8000 "$WORK/members.csv" <<'PY'
import sys
n, out = int(sys.argv[1]), sys.argv[2]
fam = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
giv = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Khánh", "Lan"]
with open(out, "w") as f:
    f.write("org_code,full_name,sex,birth_date,ethnicity,hometown,citizen_id,history_no,card_no,"
            "admission_decision_date,admission_ceremony_date,official_date,status\n")
    for i in range(n):
        name = "%s Văn %s %s %s" % (fam[i % 10], giv[(i // 10) % 10], giv[(i // 100) % 10],
                                    giv[(i // 1000) % 10])
        f.write("C1,%s,male,%04d-%02d-%02d,Kinh,Hà Giang,%012d,%06dHG,%08d,"
                "2015-03-01,2015-03-15,2016-03-15,official\n"
                % (name, 1950 + i % 40, 1 + (i // 40) % 12, 1 + (i // 480) % 28,
                   1090000000 + (i * 7919) % 1000003, i, 99999999 - i))
PY
N=8000

# numbers: member_number as lines, and the members' own numbers in the same order.
numbers() {
	NUMS=$(sqlite3 "$DB" "SELECT kind, value, clash, member_id FROM member_number ORDER BY 1, 2")
	HELD=$(sqlite3 "$DB" "SELECT 0, citizen_id, 0, id FROM member WHERE citizen_id <> ''
		UNION ALL SELECT 1, card_no, 0, id FROM member WHERE card_no <> ''
		UNION ALL SELECT 2, history_no, 0, id FROM member WHERE history_no <> '' ORDER BY 1, 2")
}
# no_scratch: the scratch file is not there.
no_scratch() {
	[ ! -e "$DB-scratch" ]
}
members_now() {
	sqlite3 "$DB" "SELECT count(*) FROM member" 2>/dev/null
}
# stale FILE: a database such as a killed load leaves, with a number no member holds.
stale() {
	rm -f "$1"
	sqlite3 "$1" "CREATE TABLE member_number (kind INTEGER, value TEXT, clash INTEGER,
		member_id INTEGER, PRIMARY KEY (kind, value, clash)) WITHOUT ROWID;
		INSERT INTO member_number VALUES (0, 'STALE-NUMBER', 0, 1);"
}

tcase "a first load copies its numbers in and removes its scratch file" "$WORK/orgs.db"
expect_exit 0 import members members.csv
numbers
expect_eq "member_number holds the members' numbers" "$HELD" "$NUMS"
expect_eq "three numbers a member" $((3 * N)) "$(printf '%s\n' "$NUMS" | wc -l)"
expect_true "no scratch file is left" no_scratch
expect_eq "PRAGMA integrity_check" ok "$(sqlite3 "$DB" 'PRAGMA integrity_check')"
madd C1 "Mai Văn Một" --citizen-id "$(sqlite3 "$DB" 'SELECT citizen_id FROM member WHERE id = 7')"
expect_eq "a number of the load is held: a second holder is refused" "" "$MID"
expect_err_contains "citizen"

tcase "a scratch file left behind is removed at the next open, and never read" "$WORK/orgs.db"
stale "$DB-scratch"
expect_exit 0 export members out.csv
expect_true "the stale scratch file is removed" no_scratch
stale "$DB-scratch"
expect_exit 0 import members members.csv
numbers
expect_eq "member_number holds the members' numbers, nothing of the stale file" "$HELD" "$NUMS"
expect_eq "roll_word holds the members' words, nothing of the stale file" \
	"$(sqlite3 "$DB" "SELECT count(*) FROM member_word")" "$(sqlite3 "$DB" "SELECT count(*) FROM roll_word")"
expect_true "no scratch file is left" no_scratch

tcase "a scratch file is left alone while another connection holds the write lock" "$WORK/orgs.db"
stale "$DB-scratch"
# A sqlite3 shell holds the write lock, fed and read through two fifos.
mkfifo lock.in lock.out
sqlite3 "$DB" <lock.in >lock.out &
lockpid=$!
exec {LW}>lock.in {LR}<lock.out
echo "BEGIN IMMEDIATE; SELECT 'locked';" >&"$LW"
IFS= read -r got <&"$LR"
expect_eq "the write lock is held" locked "$got"
# (an export writes its audit entry: with --wait 0 it gives up at once, having opened)
cadre --wait 0 export members out.csv
expect_true "the scratch file is still there" test -e "$DB-scratch"
echo "COMMIT; SELECT 'free';" >&"$LW"
IFS= read -r got <&"$LR"
expect_eq "the write lock is released" free "$got"
exec {LW}>&- {LR}<&-
wait "$lockpid"
expect_exit 0 export members out.csv
expect_true "then it is removed" no_scratch

# Whether a kill lands while the rows are read, while the numbers are stored or copied, or
# after the end depends on the machine's load: every check holds in each case.
tcase "kill -9 during a first load, at several moments: all or nothing, no scratch file kept"
for delay in 0.2 0.6 1.5; do
	cp "$WORK/orgs.db" "$DB"
	rm -f "$DB-scratch" "$DB-journal" "$DB-wal" "$DB-shm"
	"$CADRE" --db "$DB" --quiet import members "$WORK/members.csv" >"$WORK/imp.out" 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	expect_exit 0 export members out.csv
	expect_true "after a kill at ${delay}s no scratch file is kept" no_scratch
	now=$(members_now)
	if [ "$now" = 0 ] || [ "$now" = "$N" ]; then pass; else
		fail "after a kill at ${delay}s the load is all or nothing" "0 or $N members" "$now"
	fi
	expect_eq "after a kill at ${delay}s: PRAGMA integrity_check" ok \
		"$(sqlite3 "$DB" 'PRAGMA integrity_check')"
	[ "$now" = 0 ] && expect_exit 0 import members members.csv
	numbers
	expect_eq "after a kill at ${delay}s member_number holds the members' numbers" "$HELD" "$NUMS"
	expect_eq "after a kill at ${delay}s: $N members" "$N" "$(members_now)"
done

done_testing
