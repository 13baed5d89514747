#!/bin/bash
# t_audit.sh - the audit log against someone who holds the database file (issue 9, items 9
# and 10): truncation, a wipe, a consistent rewrite with recomputed hashes and a forged entry
# are all found (the MAC chain under a key kept outside the database, signed checkpoints,
# --head); the key file is private; and bulk reads of personal data (exports, the records
# behind a figure, report downloads, API pages of member lists) write ONE entry each with the
# subtree and the row count. Tampering is done with the sqlite3 command-line tool, as an
# attacker would.
. "$(dirname "$0")/../http/lib.sh"

if ! command -v sqlite3 >/dev/null; then
	fail "the sqlite3 command-line tool is installed (scripts/debian-packages.txt)" "sqlite3" "missing"
	done_testing
fi

# rehash.py DB FROM ACTOR: SQL that sets entry FROM's actor to ACTOR and recomputes the plain
# hash chain from there on (BLAKE2b-256 over length-prefixed fields, as src/core/audit.c
# does), leaving any MAC as it was: the rewrite a reader of the source can do without a key.
# forge.py DB: SQL that appends an entry with a correct plain hash and no MAC.
cat >rehash.py <<'PY'
import hashlib, sqlite3, sys
def put(h, b):
    h.update(len(b).to_bytes(8, "little")); h.update(b)
def entry_hash(prev, r):
    h = hashlib.blake2b(digest_size=32)
    put(h, prev); put(h, (r["id"] & (2**64 - 1)).to_bytes(8, "little"))
    for k in ("at", "actor", "address", "action", "subject"):
        put(h, r[k].encode())
    put(h, (r["org_id"] & (2**64 - 1)).to_bytes(8, "little"))
    put(h, r["before"].encode()); put(h, r["after"].encode())
    return h.digest()
def q(s):
    return "'" + s.replace("'", "''") + "'"
db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
db.row_factory = sqlite3.Row
rows = [dict(r) for r in db.execute("SELECT id, at, actor, address, action, subject, org_id, before, after, prev, hash FROM audit ORDER BY id")]
mode = sys.argv[2]
if mode == "check":
    prev = bytes(32)
    for r in rows:
        if entry_hash(prev, r) != r["hash"]:
            print("MISMATCH", r["id"]); sys.exit(1)
        prev = r["hash"]
    print("OK", len(rows)); sys.exit(0)
out = ["DROP TRIGGER IF EXISTS audit_no_update;"]
if mode == "rewrite":
    start, actor = int(sys.argv[3]), sys.argv[4]
    prev = bytes(32)
    for r in rows:
        if r["id"] >= start:
            if r["id"] == start:
                r["actor"] = actor
            r["prev"] = prev
            r["hash"] = entry_hash(prev, r)
            out.append("UPDATE audit SET actor = %s, prev = X'%s', hash = X'%s' WHERE id = %d;"
                       % (q(r["actor"]), r["prev"].hex(), r["hash"].hex(), r["id"]))
        prev = r["hash"]
elif mode == "forge":
    last = rows[-1]
    r = {"id": last["id"] + 1, "at": last["at"], "actor": "admin", "address": "local",
         "action": "member.edit", "subject": "member:1", "org_id": last["org_id"],
         "before": "", "after": '{"note":"forged"}'}
    h = entry_hash(last["hash"], r)
    out.append("INSERT INTO audit(id, at, actor, address, action, subject, org_id, before, after, prev, hash)"
               " VALUES (%d, %s, 'admin', 'local', 'member.edit', 'member:1', %d, '', %s, X'%s', X'%s');"
               % (r["id"], q(r["at"]), r["org_id"], q(r["after"]), last["hash"].hex(), h.hex()))
print("\n".join(out))
PY

# A fixture with well over a hundred entries (a signed checkpoint every 100): the accounts,
# then 130 openings of a member's record through the API.
FX=$WORK/fx.db
http_fixture "$FX"
DB=$FX
server_start
reads=()
for i in $(seq 1 130); do reads+=(-o /dev/null "$BASE/api/v1/members/$MEMBER_A"); done
curl -s -H "Authorization: Bearer $TOKEN_admin" "${reads[@]}"
server_stop
cadre --json audit list --limit 1000
json_val 'len(d)'
ENTRIES=$JV
expect_true "the fixture's log has more than 130 entries" [ "${ENTRIES:-0}" -gt 130 ]

tcase "an untouched log is intact, keyed, with signed checkpoints" "$FX"
expect_exit 0 audit verify
expect_out_contains "intact"
expect_exit 0 --json audit verify
expect_json 'd["intact"] is True and d["keyed"] is True and d["checkpoints"] >= 1 and d["entries"] == '"$ENTRIES"
python3 rehash.py "$DB" check >"$WORK/.chk"
expect_eq "the test's own hash is the program's (so the rewrite below is consistent)" "OK $ENTRIES" "$(cat "$WORK/.chk")"

tcase "the last 50 entries deleted: found" "$FX"
sqlite3 "$DB" "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id > (SELECT max(id) - 50 FROM audit);"
expect_exit 6 audit verify
expect_err_contains "deleted from the end"
expect_exit 6 --json audit verify
expect_json 'd["intact"] is False and d["entries"] == '"$((ENTRIES - 50))"

tcase "every entry deleted: found" "$FX"
sqlite3 "$DB" "DROP TRIGGER audit_no_delete; DELETE FROM audit;"
expect_exit 6 audit verify
expect_err_contains "deleted from the end"
expect_exit 6 --json audit verify
expect_json 'd["intact"] is False and d["entries"] == 0'

tcase "every entry, checkpoint and the key record deleted: found (the key file remains)" "$FX"
sqlite3 "$DB" "DROP TRIGGER IF EXISTS audit_no_delete; DELETE FROM audit;
DROP TRIGGER IF EXISTS audit_checkpoint_no_delete; DELETE FROM audit_checkpoint;
DROP TRIGGER IF EXISTS audit_key_no_delete; DELETE FROM audit_key;" 2>/dev/null
expect_exit 6 audit verify
expect_err_contains "no record of its audit key"

tcase "a wipe of everything, key file gone too: an empty log on a database with records" "$FX"
sqlite3 "$DB" "DROP TRIGGER IF EXISTS audit_no_delete; DELETE FROM audit;
DROP TRIGGER IF EXISTS audit_checkpoint_no_delete; DELETE FROM audit_checkpoint;
DROP TRIGGER IF EXISTS audit_key_no_delete; DELETE FROM audit_key;" 2>/dev/null
CADRE_AUDIT_KEY_FILE=$WORK/no-such.key expect_exit 6 audit verify
expect_err_contains "the log was wiped"

tcase "a rewrite with recomputed plain hashes: found at the entry rewritten" "$FX"
python3 rehash.py "$DB" rewrite 20 "someone else" | sqlite3 "$DB"
python3 rehash.py "$DB" check >"$WORK/.chk"
expect_eq "the plain chain is consistent after the rewrite" "OK $ENTRIES" "$(cat "$WORK/.chk")"
expect_exit 6 audit verify
expect_err_contains "audit entry 20 has a wrong MAC"
expect_exit 6 --json audit verify
expect_json 'd["first_bad_entry"] == 20'

tcase "a forged entry appended with a correct plain hash: found" "$FX"
python3 rehash.py "$DB" forge | sqlite3 "$DB"
expect_exit 6 audit verify
expect_err_contains "audit entry $((ENTRIES + 1)) has no MAC"
sqlite3 "$DB" "DROP TRIGGER IF EXISTS audit_no_update; UPDATE audit SET mac = randomblob(32) WHERE id = $((ENTRIES + 1));" 2>/dev/null
expect_exit 6 --json audit verify
expect_json 'd["intact"] is False and d["first_bad_entry"] == '"$((ENTRIES + 1))"

tcase "--head: a head kept elsewhere finds a cut the checkpoints cannot" "$FX"
expect_exit 0 audit head
HEAD=$OUT
expect_true "audit head prints ENTRIES:HEX" [ "${HEAD%%:*}" = "$ENTRIES" ]
expect_exit 0 member show "$MEMBER_A"
expect_exit 0 member show "$MEMBER_B"
expect_exit 0 audit verify --head "$HEAD"
expect_out_contains "intact"
CUT=$((ENTRIES - 5))
sqlite3 "$DB" "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id > $CUT;
DROP TRIGGER IF EXISTS audit_checkpoint_no_delete; DELETE FROM audit_checkpoint WHERE entries > $CUT;" 2>/dev/null
expect_exit 6 audit verify --head "$HEAD"
expect_err_contains "the head you kept"
expect_err_contains "cut short or rewritten"
expect_exit 6 audit verify --head "${HEAD%%:*}:$(printf '%064d' 0)"
expect_exit 2 audit verify --head "not-a-head"

tcase "a rewrite under the kept head is found by --head alone when the key is lost" "$FX"
expect_exit 0 audit head
HEAD=$OUT
python3 rehash.py "$DB" rewrite 30 "someone else" | sqlite3 "$DB"
expect_exit 6 audit verify --head "$HEAD"

tcase "the key file: beside the database, mode 0600, never readable by others"
unset CADRE_AUDIT_KEY_FILE
expect_exit 0 --json init
expect_json 'd["audit_key_file"].endswith(".auditkey")'
expect_true "the key file lies beside the database" [ -f "$DB.auditkey" ]
expect_eq "the key file's mode" "600" "$(stat -c %a "$DB.auditkey" 2>/dev/null)"
cadre import orgs "$WORK/fx_orgs.csv"
expect_exit 0 audit verify
chmod 644 "$DB.auditkey"
expect_exit 6 member add --org A1C --name "Lê Văn Mới" --sex male --birth-date 1990-01-01 \
	--ethnicity Kinh --hometown "Hà Giang" --decision-date 2015-03-01 \
	--ceremony-date 2015-03-15 --official-date 2016-03-15
expect_err_contains "may be read by others"
chmod 600 "$DB.auditkey"
mv "$DB.auditkey" "$DB.auditkey.away"
expect_exit 6 member add --org A1C --name "Lê Văn Mới" --sex male --birth-date 1990-01-01 \
	--ethnicity Kinh --hometown "Hà Giang" --decision-date 2015-03-01 \
	--ceremony-date 2015-03-15 --official-date 2016-03-15
expect_err_contains "audit key file"
expect_err_contains "is missing"
expect_exit 6 audit verify
expect_err_contains "is missing"
mv "$DB.auditkey.away" "$DB.auditkey"
expect_exit 0 audit verify
export CADRE_AUDIT_KEY_FILE=$WORK/.auditkey

tcase "a database from before the key gets one at its first write; its old entries are legacy"
export CADRE_AUDIT_KEY_FILE=$WORK/legacy-was.key
cadre init
cadre import orgs "$WORK/fx_orgs.csv"
# Make it what a database of the earlier version looks like: no key, no MACs, no checkpoints.
sqlite3 "$DB" "DROP TRIGGER audit_key_no_delete; DELETE FROM audit_key;
DROP TRIGGER audit_checkpoint_no_delete; DELETE FROM audit_checkpoint;
DROP TRIGGER audit_no_update; UPDATE audit SET mac = NULL;" 2>/dev/null
rm -f "$WORK/legacy-was.key"
unset CADRE_AUDIT_KEY_FILE
expect_exit 0 audit verify
expect_out_contains "legacy"
cadre --json audit verify
json_val 'd["entries"]'
OLD=$JV
madd A1C "Lê Văn Cũ"
expect_eq "a write works on the old database" "0" "$RC"
expect_eq "its key file was made, mode 0600" "600" "$(stat -c %a "$DB.auditkey" 2>/dev/null)"
expect_exit 0 --json audit verify
expect_json 'd["intact"] is True and d["keyed"] is True and d["legacy_entries"] == '"$OLD"
sqlite3 "$DB" "DROP TRIGGER IF EXISTS audit_no_delete; DELETE FROM audit;
DROP TRIGGER IF EXISTS audit_checkpoint_no_delete; DELETE FROM audit_checkpoint;"
expect_exit 6 audit verify
expect_err_contains "when the database got its audit key"
export CADRE_AUDIT_KEY_FILE=$WORK/.auditkey

tcase "the record of the key cannot be changed without the key" "$FX"
sqlite3 "$DB" "DROP TRIGGER audit_key_no_update; UPDATE audit_key SET legacy = legacy + 1000;" 2>/dev/null
expect_exit 6 audit verify
expect_err_contains "was altered"

tcase "a forged checkpoint is found" "$FX"
sqlite3 "$DB" "INSERT INTO audit_checkpoint(entries, head, at, signature) VALUES (5, randomblob(32), '2026-01-01T00:00:00Z', randomblob(64));" 2>/dev/null
expect_exit 6 audit verify
expect_err_contains "not signed"

# ---- item 10: bulk reads are one entry each ---------------------------------------------

# count_action ACTION: AC = how many entries of ACTION the log has (as the whole-tree admin).
count_action() {
	cadre --json audit list --limit 100000
	json_val "sum(1 for x in d if x['action'] == '$1')"
	AC=${JV:-0}
}
# last_entry ACTION: the newest entry of ACTION must match PYEXPR (x = the entry).
expect_last() {
	cadre --json audit list --limit 100000
	expect_json "[x for x in d if x['action'] == '$1'][0:1] and (lambda x: $2)([x for x in d if x['action'] == '$1'][0])" "$3"
}

tcase "a member export from the command line is one entry with its rows" "$FX"
count_action export.members
N0=$AC
expect_exit 0 export members "$WORK/m.csv"
count_action export.members
expect_eq "one export.members entry more" "$((N0 + 1))" "$AC"
expect_last export.members 'x["after"]["rows"] == 2 and x["subject"] == "org:ROOT"' "rows 2, the whole tree"

tcase "the records behind a figure and report downloads from the command line" "$FX"
expect_exit 0 --json report members --filter "status=official"
count_action report.members
expect_eq "one report.members entry" "1" "$AC"
expect_last report.members 'x["after"]["rows"] == 2 and x["after"]["filter"] == "status=official"' "rows 2 with its filter"
expect_exit 0 report --csv
expect_exit 0 report --xlsx "$WORK/r.xlsx"
expect_exit 0 --json report
count_action report.download
expect_eq "one report.download entry per download" "3" "$AC"
expect_last report.download 'x["after"]["format"] == "json" and x["after"]["rows"] > 0' "the JSON download with its rows"

tcase "through the API and the pages: one entry per export, page, figure and download" "$FX"
server_start
TOKEN=$TOKEN_aclerk
api GET /api/v1/export/members
expect_status 200
api GET /api/v1/orgs/A/members
expect_status 200
api GET "/api/v1/members?q=nguyen"
expect_status 200
api GET "/api/v1/orgs/A/report/members?filter=status=official"
expect_status 200
api GET "/api/v1/orgs/A/report?format=csv"
expect_status 200
login aview
page GET /orgs/A/report.csv
expect_status 200
page GET /orgs/A/report.xlsx
expect_status 200
server_stop
cadre --json audit list --limit 100000
expect_json 'sum(1 for x in d if x["action"] == "export.members" and x["actor"] == "aclerk" and x["subject"] == "org:A" and x["after"]["rows"] == 1) == 1' "the API export: one entry, aclerk, subtree A, 1 row"
expect_json 'sum(1 for x in d if x["action"] == "members.list" and x["actor"] == "aclerk" and x["subject"] == "org:A" and x["after"]["rows"] == 1) == 1' "the API roll page: one entry, 1 row"
expect_json 'sum(1 for x in d if x["action"] == "members.search" and x["actor"] == "aclerk" and x["after"]["rows"] == 1) == 1' "the API search page: one entry, 1 row"
expect_json 'sum(1 for x in d if x["action"] == "report.members" and x["actor"] == "aclerk" and x["subject"] == "org:A" and x["after"]["rows"] == 1) == 1' "the records behind a figure: one entry, 1 row"
expect_json 'sum(1 for x in d if x["action"] == "report.download" and x["actor"] == "aclerk" and x["after"]["format"] == "csv") == 1' "the API report download"
expect_json 'sum(1 for x in d if x["action"] == "report.download" and x["actor"] == "aview" and x["subject"] == "org:A") == 2' "the two page downloads (CSV, XLSX)"
expect_json 'not any(x["action"] == "member.read" and x["actor"] == "aclerk" for x in d)' "no entry per row"
expect_exit 0 audit verify

done_testing
