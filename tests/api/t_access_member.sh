#!/bin/bash
# t_access_member.sh - the role member (docs/handbook.md) over every endpoint of
# src/http/openapi.json: a member's own account can do nothing it could not do before but its
# handbook. Every other endpoint answers it as an actor outside every subtree: records (its own
# cell and its own record among them) the very 404 of a record that does not exist, actions 403
# or 404, lists nothing; nothing changes and nothing is logged. Its /api/v1/me/... answer the
# member's own rows only, and no other account has them (403).
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
DB=$FX
cadre --json handbook accounts --org A1C
json_val '[a["login"] for a in d["accounts"] if a["member_id"] == '"$MEMBER_A"'][0]'
M_LOGIN=$JV
cadre --json handbook accounts --org B1C
cadre --json token add "$M_LOGIN"
json_val 'd["token"]'
TOKEN_member=$JV
DB=$WORK/none.db
[ -n "$TOKEN_member" ] || fail "fixture: a member account's token" "a token" "none"

# The entries of reads, which are not changes (t_access.sh).
READS='("member.read", "export.members", "report.members", "report.download", "members.list", "members.search", "admissions.due", "admissions.list")'
last_audit() {
	local save=$TOKEN
	TOKEN=$TOKEN_admin
	api GET "/api/v1/audit?limit=1000"
	json_val 'max(x["id"] for x in d["items"])'
	LAST_AUDIT=$JV
	TOKEN=$save
}

# Every operation of the OpenAPI description but the handbook's own and the public ones, as
# "METHOD PATH CONTENT-TYPE BODY" lines: the path's parameters the member's own cell (A1C) or
# its own id, the body's required fields filled with values an administrator could send.
python3 - "$(dirname "$0")/../../src/http/openapi.json" "$MEMBER_A" >"$WORK/ops.txt" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
me = int(sys.argv[2])
def val(name, s):
    t = s.get("type")
    t = [x for x in t if x != "null"][0] if isinstance(t, list) else t
    if name in ("member_id",):
        return me
    if "enum" in s:
        return [x for x in s["enum"] if x is not None][0]
    if t == "integer":
        return 2025
    if t == "boolean":
        return False
    if t == "array":
        return []
    if t == "object":
        return {}
    if s.get("format") == "date":
        return "2026-01-05"
    if name.endswith("code") or name in ("to", "into", "org", "body"):
        return "A1C"
    return "x"
for path, ops in d["paths"].items():
    for method, op in ops.items():
        if path.startswith("/api/v1/me") or op.get("security") == []:
            continue
        p = path.replace("{code}", "A1C").replace("{id}", str(me)).replace("{year}", "2026")
        p = p.replace("{date}", "2026-02-17")
        ct, body = "-", "-"
        content = op.get("requestBody", {}).get("content", {})
        if "application/json" in content:
            sch = content["application/json"].get("schema", {})
            props = sch.get("properties", {})
            body = json.dumps({k: val(k, props.get(k, {})) for k in sch.get("required", [])},
                              separators=(",", ":"))
            ct = "application/json"
        elif "text/csv" in content:
            ct, body = "text/csv", "code,parent_code,name,kind"
        print(method.upper(), p, ct, body)
PY
N_OPS=$(wc -l <"$WORK/ops.txt")

tcase "a member account over every endpoint: 404 for records, 403 or 404 for actions, lists empty" "$FX"
server_start
expect_true "the OpenAPI description lists the endpoints ($N_OPS)" test "$N_OPS" -gt 50
snapshot before
last_audit
was=$LAST_AUDIT
TOKEN=$TOKEN_member
LEAKS=("Nguyễn Văn An" "Trần Thị Bình" '"A1C"' '"B1C"' '"A1"' "Sư đoàn" "member:$MEMBER_A" "$M_LOGIN")
# send METHOD PATH CT BODY: one operation of ops.txt as $TOKEN.
send() {
	if [ "$3" = - ]; then
		api "$1" "$2"
	else
		api "$1" "$2" -H "Content-Type: $3" --data-binary "$4"
	fi
	LAST_CMD="$1 $2 $4"
}
: >"$WORK/input.txt"
while read -r method path ct body; do
	send "$method" "$path" "$ct" "$body"
	case "$method:$STATUS" in
	GET:200)
		# A list of nothing, the rules, the holidays: nothing of any record.
		expect_lacks "${LEAKS[@]}"
		;;
	*:403 | *:404) pass ;;
	*:400 | *:422)
		# Input refused before any record is looked at: checked below against an actor
		# outside the subtree sending the same.
		echo "$STATUS $method $path $ct $body" >>"$WORK/input.txt"
		;;
	*) fail "$LAST_CMD: as an actor outside the subtree" "403 or 404 (GET: 200 with nothing)" \
		"$STATUS: $(head -c 300 "$OUTF")" ;;
	esac
done <"$WORK/ops.txt"
# Its own record and its own cell through the staff's endpoints: the 404 of nothing.
probe() {
	local foreign=$1 ghost=$2 method=$3 path=$4 two
	api "$method" "${path//@/$ghost}"
	two=${OUT//$ghost/$foreign}
	api "$method" "${path//@/$foreign}"
	expect_status 404
	expect_eq "$method ${path//@/$foreign}: the same 404 as for nothing" "$two" "$OUT"
}
for p in /api/v1/members/@ /api/v1/members/@/where /api/v1/members/@/reviews; do
	probe "$MEMBER_A" 999999 GET "$p"
	probe "$MEMBER_B" 999999 GET "$p"
done
for p in /api/v1/orgs/@ /api/v1/orgs/@/members /api/v1/orgs/@/history /api/v1/orgs/@/report \
	/api/v1/orgs/@/reviews "/api/v1/orgs/@/review-sheet?year=2025"; do
	probe A1C QQ9 GET "$p"
	probe B1C QQ9 GET "$p"
done
TOKEN=$TOKEN_admin
expect_same_snapshot before
api GET "/api/v1/audit?limit=1000"
expect_json '[x["action"] for x in d["items"] if x["id"] > '"$was"' and x["action"] not in '"$READS"'] == []' "no change logged"
expect_json 'all(x["after"].get("rows", 0) == 0 for x in d["items"] if x["id"] > '"$was"' and x["actor"] == "'"$M_LOGIN"'")' "the member's reads found nothing"
# The same input refused the same way for bclerk, outside A's subtree.
TOKEN=$TOKEN_bclerk
while read -r want method path ct body; do
	send "$method" "$path" "$ct" "$body"
	expect_eq "$method $path: the member's $want is what an actor outside the subtree gets" "$want" "$STATUS"
done <"$WORK/input.txt"
expect_true "few operations refuse the input before the access check" test "$(wc -l <"$WORK/input.txt")" -lt 10
server_stop

tcase "/api/v1/me: the member's own rows; no other account has a handbook" "$FX"
server_start
TOKEN=$TOKEN_member
api GET /api/v1/me
expect_status 200
expect_json 'd["member_id"] == '"$MEMBER_A"' and d["name"] == "Nguyễn Văn An" and d["org"] == "A1C" and d["plan"] == "none" and d["self_assessment"]["open"] is True' "the member's own home"
api GET /api/v1/me/record
expect_status 200
expect_json 'd["id"] == '"$MEMBER_A"' and d["full_name"] == "Nguyễn Văn An"' "the own record"
expect_lacks "Trần Thị Bình"
japi PUT /api/v1/me/plans/2026 '{"commitments":"Học tập nghị quyết"}'
expect_status 200
expect_json 'd["year"] == 2026 and d["commitments"] == "Học tập nghị quyết" and d["reported"] is False'
japi POST /api/v1/me/plans/2026/results '{"results":"Hoàn thành"}'
expect_status 200
expect_json 'd["reported"] is True and d["reported_on"] == "2026-11-23"'
japi POST /api/v1/me/plans/2025/results '{"results":"x"}'
expect_problem 409
japi PUT /api/v1/me/plans/2024 '{"commitments":"x"}'
expect_problem 422 year
api GET /api/v1/me/plans
expect_json '[p["year"] for p in d["items"]] == [2026]'
api GET /api/v1/me/plans/2025
expect_problem 404
japi POST /api/v1/me/self-assessment '{"year":2026,"score":72}'
expect_status 201
expect_json 'd["self_assessment"]["grade"] == "good" and d["self_assessment"]["score"] == 72'
japi POST /api/v1/me/self-assessment '{"year":2025,"score":72}'
expect_problem 409
expect_json 'd["errors"][0]["rule"] == "R-HB-SELF-PERIOD"'
api GET /api/v1/me/reviews
expect_json '[(x["year"], x["step"], x["grade"]) for x in d["items"]] == [(2026, "self", "good")]'
api GET /api/v1/me/meetings
expect_json 'd == {"upcoming": [], "past": []}' "no meeting yet"
api GET /api/v1/me/meetings/1
expect_problem 404
api GET /api/v1/me/documents
expect_json 'd["items"] == []' "no document to study"
api POST /api/v1/me/documents/1/studied
expect_problem 404
# The step is the member's own: the staff see it on the member's record, recorded by the
# member's account.
TOKEN=$TOKEN_admin
api GET "/api/v1/members/$MEMBER_A/reviews"
expect_json '[(x["step"], x["by"]) for x in d["items"]] == [("self", "'"$M_LOGIN"'")]' "the self step recorded by the member's account"
api GET "/api/v1/members/$MEMBER_B/reviews"
expect_json 'd["items"] == []' "nothing on another member"
for role in admin aview aclerk aadmin bclerk; do
	TOKEN=$(eval echo "\$TOKEN_$role")
	for p in /api/v1/me /api/v1/me/record /api/v1/me/reviews /api/v1/me/plans /api/v1/me/plans/2026 \
		/api/v1/me/meetings /api/v1/me/meetings/1 /api/v1/me/documents; do
		api GET "$p"
		expect_problem 403
	done
	japi PUT /api/v1/me/plans/2026 '{"commitments":"x"}'
	expect_problem 403
	japi POST /api/v1/me/self-assessment '{"year":2026,"score":72}'
	expect_problem 403
	api POST /api/v1/me/documents/1/studied
	expect_problem 403
done
TOKEN=$TOKEN_aview
japi POST /api/v1/orgs/A1C/member-accounts '{}'
expect_problem 403
TOKEN=$TOKEN_bclerk
japi POST /api/v1/orgs/A1C/member-accounts '{}'
expect_problem 404
TOKEN=$TOKEN_aclerk
japi POST /api/v1/orgs/A1C/member-accounts '{}'
expect_status 201
expect_json 'd["made"] == 0 and d["had_account"] == 1 and d["accounts"][0]["code"] is None'
server_stop

done_testing
