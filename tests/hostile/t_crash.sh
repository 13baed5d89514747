#!/bin/bash
# t_crash.sh - crash consistency (issue 9): kill -9 during a CLI import and during API writes,
# at several moments, then the database passes PRAGMA integrity_check, 'figures check' and
# 'audit verify' (its keyed chain and checkpoints), the import is all or nothing, and every
# write the server acknowledged is there. Whether a kill lands early, late or after the end
# depends on the machine's load: every check holds in each case, none depends on timing.
. "$(dirname "$0")/../http/lib.sh"

if ! command -v sqlite3 >/dev/null; then
	fail "the sqlite3 command-line tool is installed (scripts/debian-packages.txt)" "sqlite3" "missing"
	done_testing
fi

# names.py N FILE: N members in A1C with distinct names and birth dates (no duplicates).
cat >names.py <<'PY'
import sys
fam = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Lò", "Vàng"]
mid = ["Văn", "Thị", "Đức", "Minh", "Quang", "Hữu", "Ngọc", "Thanh", "Xuân", "Công"]
giv = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thắng", "Thảo", "Trung", "Tuấn", "Việt", "Yến"]
def name(i):
    return "%s %s %s %s" % (fam[i % 15], mid[(i // 15) % 10], giv[(i // 150) % 25], giv[(i // 3750) % 25])
def birth(i):
    return "%04d-%02d-%02d" % (1960 + i % 40, 1 + (i // 40) % 12, 1 + (i // 480) % 28)
if __name__ == "__main__":
    n, out = int(sys.argv[1]), sys.argv[2]
    with open(out, "w") as f:
        f.write("org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status\n")
        for i in range(n):
            f.write("A1C,%s,male,%s,Kinh,Hà Giang,2010-03-01,2010-03-15,2011-03-15,official\n" % (name(i), birth(i)))
PY

# writer.py BASE TOKEN OUT START: add members (and edit some) through the API until the server
# goes away, appending each acknowledged write to OUT: "add ID NAME" on 201, "edit ID N" on
# 200 (hometown "Quê N", N growing).
cat >writer.py <<'PY'
import json, sys, urllib.request, urllib.error
sys.path.insert(0, ".")
from names import name, birth
base, token, out, start = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
acked = open(out, "a")
ids, i, errors = [], start, 0
def call(method, path, body):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method=method,
                                 headers={"Authorization": "Bearer " + token,
                                          "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return r.status, json.loads(r.read() or b"{}")
while True:
    i += 1
    try:
        if ids and i % 3 == 0:
            mid = ids[i % len(ids)]
            st, _ = call("PATCH", "/api/v1/members/%d" % mid, {"hometown": "Quê %d" % i})
            if st == 200:
                acked.write("edit %d %d\n" % (mid, i))
        else:
            nm = name(i)
            st, d = call("POST", "/api/v1/members", {"org_code": "A1C", "full_name": nm, "sex": "male",
                         "birth_date": birth(i), "ethnicity": "Kinh", "hometown": "Quê 0",
                         "admission_decision_date": "2010-03-01", "admission_ceremony_date": "2010-03-15",
                         "official_date": "2011-03-15"})
            if st == 201:
                acked.write("add %d %s\n" % (d["id"], nm))
                ids.append(d["id"])
        acked.flush()
    except urllib.error.HTTPError as e:
        errors += 1   # a refusal (503 when busy): not acknowledged, go on
        if errors > 1000:
            break
    except Exception as ex:
        print("writer: %d written, stops on %r" % (len(ids), ex), file=sys.stderr)
        break         # the server is gone
PY

# present.py EXPORT ACKED: every acknowledged add is in the export with its name, and every
# acknowledged edit's hometown is there or a later one (an edit sent but unanswered may land).
cat >present.py <<'PY'
import csv, sys
rows = {int(r["id"]): r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
missing, last = [], {}
for line in open(sys.argv[2], encoding="utf-8").read().splitlines():
    kind, mid, v = line.split(" ", 2)
    mid = int(mid)
    if kind == "add":
        if mid not in rows or rows[mid]["full_name"] != v:
            missing.append(("add", mid, v))
    else:
        last[mid] = max(last.get(mid, 0), int(v))
for mid, n in last.items():
    got = rows.get(mid, {}).get("hometown", "")
    if not got.startswith("Quê ") or int(got[4:]) < n:
        missing.append(("edit", mid, n, got))
print("OK" if not missing else "missing: %r" % missing[:5])
PY

# check_db WHAT: the database after a kill: integrity, figures, the audit log.
check_db() {
	LAST_CMD="sqlite3 $DB 'PRAGMA integrity_check'"
	local ic
	ic=$(sqlite3 "$DB" "PRAGMA integrity_check" 2>&1)
	expect_eq "$1: PRAGMA integrity_check" "ok" "$ic"
	expect_exit 0 figures check
	expect_exit 0 audit verify
	expect_out_contains "intact"
}

members_now() {
	sqlite3 "$DB" "SELECT count(*) FROM member" 2>/dev/null
}

FX=$WORK/fx.db
http_fixture "$FX"
python3 names.py 30000 "$WORK/big.csv"

tcase "kill -9 during a CLI import, at several moments: all or nothing, and every check holds" "$FX"
before=$(members_now)
for delay in 0.2 0.6 1.2 2.5 5; do
	"$CADRE" --db "$DB" --quiet import members "$WORK/big.csv" >"$WORK/imp.out" 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	now=$(members_now)
	if [ "$now" = "$before" ] || [ "$now" = "$((before + 30000))" ]; then pass; else
		fail "after a kill at ${delay}s the import is all or nothing" "$before or $((before + 30000)) members" "$now"
	fi
	check_db "import killed after ${delay}s"
	before=$now
	# Each trial starts from a roll without the file (an import that completed is a
	# duplicate of the next one otherwise).
	if [ "$now" != "$(sqlite3 "$FX" "SELECT count(*) FROM member")" ]; then
		cp "$FX" "$DB"
		rm -f "$DB-wal" "$DB-shm"
		before=$(members_now)
	fi
done

tcase "kill -9 of the server under API writes, at several moments: every acknowledged write is there" "$FX"
: >"$WORK/acked"
start=100000
for delay in 1 2 4; do
	server_start || break
	had=$(wc -l <"$WORK/acked")
	python3 writer.py "$BASE" "$TOKEN_aclerk" "$WORK/acked" "$start" 2>>"$WORK/writer.log" &
	wpid=$!
	# The delay counts from the first acknowledged write (python may start slowly on a
	# loaded machine); at most a minute's wait for it.
	for i in $(seq 1 600); do
		[ "$(wc -l <"$WORK/acked")" -gt "$had" ] && break
		kill -0 "$wpid" 2>/dev/null || break
		sleep 0.1
	done
	sleep "$delay"
	kill -9 "$SERVER_PID" 2>/dev/null
	wait "$SERVER_PID" 2>/dev/null
	SERVER_PID=""
	wait "$wpid"
	start=$((start + 100000))
	check_db "server killed after ${delay}s"
	cadre export members "$WORK/after.csv"
	LAST_CMD="python3 present.py after.csv acked"
	expect_eq "every acknowledged add and edit is in the database after the kill at ${delay}s" \
		"OK" "$(python3 present.py "$WORK/after.csv" "$WORK/acked" 2>&1)"
done
acked_n=$(wc -l <"$WORK/acked")
expect_true "the server acknowledged writes before it was killed ($acked_n)" [ "$acked_n" -gt 0 ]

done_testing
