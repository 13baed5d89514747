#!/bin/bash
# Import (CSV bodies, the per-row report, all or nothing, skip_bad), export, the audit log,
# the OpenAPI description, and requests without a token.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"

cat >"$WORK/orgs_bad.csv" <<'CSV'
code,parent_code,name,kind
A1X,A1,Chi bộ X,cell
A1Y,NOPE,Chi bộ Y,cell
A1Z,A1,,cell
CSV
head -2 "$WORK/orgs_bad.csv" >"$WORK/orgs_good.csv"
cat >"$WORK/members.csv" <<'CSV'
org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status
A1C,Lò Văn Páo,male,1991-04-04,Thái,Điện Biên,2016-01-01,2016-02-01,2017-02-01,official
A1C,Sùng Thị Dở,female,1993-13-01,H'Mông,Hà Giang,2016-01-01,2016-02-01,,probationary
A1C,Giàng A Sử,man,1993-01-01,H'Mông,Hà Giang,2016-01-01,2016-02-01,,probationary
CSV

tcase "POST /import/orgs: all or nothing with every bad row; skip_bad imports the good ones" "$FX"
server_start
TOKEN=$TOKEN_aclerk
capi POST /api/v1/import/orgs "$WORK/orgs_bad.csv"
expect_problem 422 parent_code name
expect_json 'sorted({e["line"] for e in d["errors"]}) == [3, 4]' "the bad rows' lines"
expect_json 'any(e.get("value") == "NOPE" for e in d["errors"])'
api GET /api/v1/orgs/A1X
expect_problem 404
capi POST "/api/v1/import/orgs?skip_bad=1" "$WORK/orgs_bad.csv"
expect_status 200
expect_json 'd["rows"] == 3 and d["imported_rows"] == 1 and d["rejected"] == 2'
expect_json 'sorted({e["line"] for e in d["errors"]}) == [3, 4] and d["rejected_csv"].startswith("code,parent_code,name,kind,error\n")'
api GET /api/v1/orgs/A1X
expect_status 200
capi POST "/api/v1/import/orgs?skip_bad=maybe" "$WORK/orgs_good.csv"
expect_problem 400 skip_bad
api POST /api/v1/import/orgs -H 'Content-Type: application/json' --data-binary '{}'
expect_problem 415
capi POST /api/v1/import/orgs /dev/null
expect_problem 422 body
printf 'code,parent_code,name,kind\n"A1Q,A1,x,cell\n' >"$WORK/broken.csv"
capi POST /api/v1/import/orgs "$WORK/broken.csv"
expect_problem 422
expect_json 'd["errors"][0]["line"] >= 2'
server_stop

tcase "POST /import/members: the per-row report; then good rows alone import" "$FX"
server_start
TOKEN=$TOKEN_aclerk
capi POST /api/v1/import/members "$WORK/members.csv"
expect_problem 422 sex birth_date
expect_json '{(e["line"], e["field"]) for e in d["errors"]} == {(3, "birth_date"), (4, "sex")}' "each problem with its line and field"
api GET "/api/v1/members?q=pao"
expect_json 'd["items"] == []' "nothing imported"
head -2 "$WORK/members.csv" >"$WORK/members_good.csv"
capi POST /api/v1/import/members "$WORK/members_good.csv"
expect_status 200
expect_json 'd["imported"] == "members" and d["imported_rows"] == 1 and d["rejected"] == 0 and d["errors"] == [] and d["rejected_csv"] is None'
api GET "/api/v1/members?q=pao"
expect_json '[m["full_name"] for m in d["items"]] == ["Lò Văn Páo"]'
api GET "/api/v1/audit?limit=2"
expect_json '[x["action"] for x in d["items"]] == ["members.search", "import.members"]' "the import, then the search (a bulk read) after it"
server_stop

tcase "GET /export/orgs and /export/members: CSV of the caller's subtree" "$FX"
server_start
TOKEN=$TOKEN_aclerk
api GET /api/v1/export/orgs
expect_status 200
expect_eq "content type" "text/csv; charset=utf-8" "$CTYPE"
expect_header '^Content-Disposition: attachment; filename="orgs.csv"'
cp "$OUTF" "$WORK/orgs.csv"
expect_py '[r["code"] for r in rows("orgs.csv")] == ["A","A1","A1C"]'
api GET /api/v1/export/members
expect_header '^Content-Disposition: attachment; filename="members.csv"'
cp "$OUTF" "$WORK/m.csv"
expect_py '[r["full_name"] for r in rows("m.csv")] == ["Nguyễn Văn An"]'
TOKEN=$TOKEN_admin
api GET /api/v1/export/members
cp "$OUTF" "$WORK/all.csv"
expect_py 'sorted(r["org_code"] for r in rows("all.csv")) == ["A1C","B1C"]'
cadre export members "$WORK/cli.csv"
expect_py 'read("all.csv") == read("cli.csv")' "the API's export is the CLI's, byte for byte"
server_stop

tcase "GET /export/members: an export larger than any answer kept in memory (8 MiB)" "$FX"
python3 - "$WORK/big.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,"
            "admission_ceremony_date,official_date,status,post\n")
    for i in range(60000):
        f.write("A1C,Lê Văn Thử%d,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,"
                "2016-03-15,official,Chính trị viên đại đội %d\n" % (i, i % 9 + 1))
PY
cadre import members "$WORK/big.csv"
expect_eq "fixture import" 0 "$RC"
cadre export members "$WORK/cli_big.csv"
server_start
TOKEN=$TOKEN_admin
api GET /api/v1/export/members
expect_status 200
cp "$OUTF" "$WORK/api_big.csv"
expect_py 'len(read("api_big.csv")) > 8 * 1024 * 1024' "the export is over 8 MiB"
expect_py 'read("api_big.csv") == read("cli_big.csv")' "and the CLI's, byte for byte"
server_stop

tcase "GET /audit: entries of the subtree, org and limit" "$FX"
server_start
TOKEN=$TOKEN_aclerk
api GET "/api/v1/members/$MEMBER_A"
TOKEN=$TOKEN_bclerk
api GET "/api/v1/members/$MEMBER_B"
TOKEN=$TOKEN_aclerk
api GET /api/v1/audit
expect_status 200
expect_json 'any(e["subject"] == "member:'"$MEMBER_A"'" for e in d["items"]) and all(e["subject"] != "member:'"$MEMBER_B"'" for e in d["items"])'
expect_json 'all(len(e["hash"]) == 64 for e in d["items"]) and d["items"] == sorted(d["items"], key=lambda e: -e["id"])' "newest first"
api GET "/api/v1/audit?org=A1C&limit=1"
expect_json 'len(d["items"]) == 1 and d["items"][0]["action"] == "member.read"'
api GET "/api/v1/audit?limit=0"
expect_problem 400 limit
api GET "/api/v1/audit?org=NOPE"
expect_problem 404
server_stop

tcase "GET /openapi.json is public and a valid OpenAPI 3 document" "$FX"
server_start
http GET /api/v1/openapi.json
expect_status 200
expect_eq "content type" "application/json" "$CTYPE"
expect_json 'd["openapi"].startswith("3.") and "/api/v1/orgs/{code}/members" in d["paths"] and d["paths"]["/api/v1/openapi.json"]["get"]["security"] == []'
# The validator when it is installed (exit 77 when not), imported once: its import is most of
# the cost.
cp "$OUTF" "$WORK/openapi.json"
python3 -c '
try:
    import openapi_spec_validator as v
except ImportError:
    raise SystemExit(77)
import json
v.validate(json.load(open("openapi.json")))' 2>"$WORK/oas.err"
rc=$?
if [ $rc != 77 ]; then
	LAST_CMD="openapi_spec_validator.validate(openapi.json)"
	if [ $rc = 0 ]; then pass; else
		fail "openapi.json validates" "exit 0" "exit $rc: $(tail -c 300 "$WORK/oas.err")"
	fi
fi
server_stop

tcase "every other endpoint needs a token (401 with a problem)" "$FX"
server_start
for p in /api/v1/orgs /api/v1/orgs/A /api/v1/orgs/A/members "/api/v1/members?q=a" \
	"/api/v1/members/$MEMBER_A" /api/v1/transfers /api/v1/export/members /api/v1/audit; do
	http GET "$p"
	expect_problem 401
done
http POST /api/v1/members -H 'Content-Type: application/json' --data-binary '{}'
expect_problem 401
server_stop

done_testing
