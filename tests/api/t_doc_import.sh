#!/bin/bash
# t_doc_import.sh - the register of documents imported through the API (POST
# /api/v1/import/documents, docs/study.md): a good file answered with its counts, every kind
# of bad row answered 422/404/409 with its line and field and nothing written (the register
# and the audit counted), ?skip_bad refused, an Idempotency-Key replayed, and the round trip:
# GET /api/v1/documents?format=csv imported into an empty register gives the same file.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"

# ndocs: the documents the system administrator sees (N)
ndocs() {
	local save=$TOKEN
	TOKEN=$TOKEN_admin
	api GET "/api/v1/documents?limit=1000"
	json_val 'd["total"]'
	N=$JV
	TOKEN=$save
}
# naudit: the audit entries (NA)
naudit() {
	NA=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM audit").fetchone()[0])' "$DB")
}

tcase "import the register: good, bad rows, nothing written, replay, round trip" "$FX"
DB=$WORK/case1.db
server_start
TOKEN=$TOKEN_aclerk
printf 'number,issued_on,title,replaces,org\n168-kh/DU,2021-04-01, Kế hoạch học tập ,21-NQ/TW,A1\n21-NQ/TW,2016-10-30,Nghị quyết Trung ương 4,,A\n' >"$WORK/good.csv"
capi POST /api/v1/import/documents "$WORK/good.csv"
expect_status 200
expect_json 'd["imported"] == "documents" and d["rows"] == 2 and d["imported_rows"] == 2 and d["rejected"] == 0 and d["errors"] == []'
ndocs
expect_eq "two documents" 2 "$N"
api GET "/api/v1/documents?q=168"
expect_json 'd["items"][0]["replaces"]["number"] == "21-NQ/TW" and d["items"][0]["title"] == "Kế hoạch học tập" and d["items"][0]["org"] == "A1"'
# every kind of bad row; nothing written
cat >"$WORK/bad.csv" <<'XEOF'
number,issued_on,title,replaces,org
21-XX/TW,2016-10-30,a,,A
36-CT/TW,2016-13-01,b,,A
37-CT/TW,2016-02-01,c,,NOPE
38-CT/TW,2016-02-01,d,,A
38-CT/TW,2016-02-01,d,,A
21-NQ/TW,2016-10-30,dup,,A
39-CT/TW,2016-02-01,e,99-NQ/TW,A
XEOF
naudit
A0=$NA
capi POST /api/v1/import/documents "$WORK/bad.csv"
expect_problem 422 number issued_on org replaces
expect_json 'any(e["line"] == 2 and e["field"] == "number" and "byte 3" in e["detail"] for e in d["errors"])' "the number's byte"
expect_json 'any(e["line"] == 3 and e["field"] == "issued_on" for e in d["errors"])'
expect_json 'any(e["line"] == 4 and e["field"] == "org" and "NOPE" in e["detail"] for e in d["errors"])'
expect_json 'any(e["line"] == 6 and e["field"] == "number" and "also on line 5" in e["detail"] for e in d["errors"])'
expect_json 'any(e["line"] == 7 and e["field"] == "number" and "already registered" in e["detail"] for e in d["errors"])'
expect_json 'any(e["line"] == 8 and e["field"] == "replaces" for e in d["errors"])'
expect_json 'not any(e["line"] == 5 for e in d["errors"])' "the good row has no problem"
ndocs
expect_eq "nothing written" 2 "$N"
naudit
expect_eq "no audit entry" "$A0" "$NA"
# a document of a sibling branch out of scope: refused, nothing written
printf 'number,issued_on,title,org\n40-CT/TW,2016-02-01,x,B1\n' >"$WORK/out.csv"
capi POST /api/v1/import/documents "$WORK/out.csv"
case $STATUS in 403 | 404) pass ;; *) fail "an organisation of the other branch" "403 or 404" "$STATUS" ;; esac
ndocs
expect_eq "nothing written" 2 "$N"
capi POST "/api/v1/import/documents?skip_bad=1" "$WORK/good.csv"
expect_problem 400 skip_bad
# an Idempotency-Key: the same file once
printf 'number,issued_on,title,org\n35-CT/TW,2019-05-30,Chỉ thị 35,A\n' >"$WORK/once.csv"
capi POST /api/v1/import/documents "$WORK/once.csv" -H 'Idempotency-Key: doc-once-1'
expect_status 200
expect_json 'd["imported_rows"] == 1'
capi POST /api/v1/import/documents "$WORK/once.csv" -H 'Idempotency-Key: doc-once-1'
expect_status 200
expect_header '^idempotent-replayed: true'
expect_json 'd["replayed"] is True and d["imported_rows"] == 1'
ndocs
expect_eq "imported once" 3 "$N"
naudit
expect_eq "one audit entry for the file" "$((A0 + 1))" "$NA"
# the round trip: the register's CSV into an empty register
api GET "/api/v1/documents?format=csv"
expect_status 200
cp "$OUTF" "$WORK/reg.csv"
server_stop
cp "$FX" "$WORK/case2.db"
DB=$WORK/case2.db
server_start
TOKEN=$TOKEN_aclerk
capi POST /api/v1/import/documents "$WORK/reg.csv"
expect_status 200
expect_json 'd["imported_rows"] == 3'
api GET "/api/v1/documents?format=csv"
expect_true "the same register back" cmp "$OUTF" "$WORK/reg.csv"
server_stop

done_testing
