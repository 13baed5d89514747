#!/bin/bash
# t_audit.sh - the audit log: every change and every opening of a record is there, and
# 'cadre audit verify' passes on an untouched log and names the first entry edited, deleted
# or reordered by hand.
. "$(dirname "$0")/lib.sh"

cat >orgs.csv <<'XEOF'
code,parent_code,name,kind,established
ROOT,,Quân ủy Trung ương,committee,2010-01-01
E98,ROOT,Đảng ủy Trung đoàn 98,grassroots,2012-01-01
C1,E98,Chi bộ Đại đội 1,cell,2012-01-01
C2,E98,Chi bộ Đại đội 2,cell,2012-01-01
XEOF
cat >members.csv <<'XEOF'
id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status
1,C1,Đặng Văn Đức,male,1990-04-02,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official
2,C2,Lò Văn Tấn,male,1992-06-30,Thái,Lai Châu,2018-04-02,2018-04-16,2019-04-16,official
XEOF
build_db "$WORK/base.db" orgs.csv members.csv

tcase "changes and readings are recorded" "$WORK/base.db"
expect_exit 0 member edit 1 --hometown "Lào Cai" --date 2026-01-05
expect_exit 0 member show 2
expect_exit 0 --json audit list
expect_json 'd[0]["action"] == "member.read" and d[0]["subject"] == "member:2" and d[0]["address"] == "local"' "newest first: the reading of member 2"
expect_json 'any(x["action"] == "member.edit" and x["after"]["after"]["hometown"] == "Lào Cai" and x["after"]["before"]["hometown"] == "Hà Giang" for x in d)' "the edit with its before and after"
expect_json 'sum(1 for x in d if x["action"].startswith("import.")) == 2' "the imports, one entry each"
expect_exit 0 audit list --org C1
expect_out_contains "member:1"
expect_out_lacks "member:2"
expect_exit 0 audit verify
expect_out_contains "intact"

tcase "an edit by hand is found" "$WORK/base.db"
expect_exit 0 member show 1
sqlite3 "$DB" "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'someone' WHERE id = 2;"
expect_exit 6 audit verify
expect_err_contains "audit entry 2 was edited"
expect_exit 6 --json audit verify
expect_json 'd["intact"] is False and d["first_bad_entry"] == 2' "JSON names the entry"

tcase "a deletion by hand is found" "$WORK/base.db"
expect_exit 0 member show 1
sqlite3 "$DB" "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 2;"
expect_exit 6 audit verify
expect_err_contains "audit entry 2 is missing"

tcase "a reordering by hand is found" "$WORK/base.db"
expect_exit 0 member show 1
expect_exit 0 member show 2
sqlite3 "$DB" "DROP TRIGGER audit_no_delete; DROP TRIGGER audit_no_update;
CREATE TEMP TABLE t AS SELECT * FROM audit WHERE id IN (3, 4);
DELETE FROM audit WHERE id IN (3, 4);
INSERT INTO audit SELECT 7 - id, at, actor, address, action, subject, org_id, before, after, prev, hash, mac FROM t;"
expect_exit 6 audit verify
expect_err_contains "audit entry 3 does not follow"

tcase "the log cannot be changed through SQL" "$WORK/base.db"
if sqlite3 "$DB" "UPDATE audit SET actor = 'x'" 2>/dev/null; then
	fail "an UPDATE of the audit table is refused" "refused" "accepted"
else
	pass
fi

done_testing
