#!/bin/bash
# The access suite of POST /api/v1/import/documents (t_access.sh's rules): a viewer and a
# member's own account are refused (403, nothing written), a clerk or an organisation's
# administrator imports documents of an organisation in its subtree, a file naming an
# organisation of the other branch is refused as one that does not exist (404, the same
# answer but for the code) and writes nothing, and the system administrator imports for both.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"

tcase "the documents import for every role" "$FX"
cadre --json handbook accounts --org A1C
json_val '[a["login"] for a in d["accounts"] if a["member_id"] == '"$MEMBER_A"'][0]'
cadre --json token add "$JV"
json_val 'd["token"]'
TOKEN_member=$JV
[ -n "$TOKEN_member" ] || fail "fixture: a member account's token" "a token" "none"
server_start
# ndocs: the documents of the whole register (N)
ndocs() {
	local save=$TOKEN
	TOKEN=$TOKEN_admin
	api GET "/api/v1/documents?limit=1000"
	json_val 'd["total"]'
	N=$JV
	TOKEN=$save
}
n=0
file() { # file ORG: a file of one new document registered by ORG ($F)
	n=$((n + 1))
	F=$WORK/d$n.csv
	printf 'number,issued_on,title,org\n%s-CT/TW,2020-01-01,Chỉ thị %s,%s\n' "$n" "$n" "$1" >"$F"
}
# refused and nothing written
for role in aview member; do
	TOKEN=$(eval echo "\$TOKEN_$role")
	for org in A1C A B1C; do
		file "$org"
		ndocs
		before=$N
		capi POST /api/v1/import/documents "$F"
		expect_problem 403
		expect_json 'd["type"] == "/api/v1/problems/denied"'
		ndocs
		expect_eq "$role: nothing written" "$before" "$N"
	done
done
# the other branch: 404 as for a code that does not exist, nothing written
for spec in aclerk:B1C aadmin:B bclerk:A1; do
	IFS=: read -r role org <<<"$spec"
	TOKEN=$(eval echo "\$TOKEN_$role")
	file QQ9
	capi POST /api/v1/import/documents "$F"
	two=${OUT//QQ9/$org}
	ndocs
	before=$N
	file "$org"
	capi POST /api/v1/import/documents "$F"
	expect_problem 404 org
	two=${two//Chỉ thị $((n - 1))/Chỉ thị $n}
	two=${two//$((n - 1))-CT/$n-CT}
	if [ "$OUT" = "$two" ]; then pass; else
		fail "$role: the same 404 as for an organisation that does not exist" "$two" "$OUT"
	fi
	ndocs
	expect_eq "$role: nothing written" "$before" "$N"
done
# in scope: written
for spec in aclerk:A1C aclerk:A aadmin:A1 bclerk:B1C admin:A admin:B; do
	IFS=: read -r role org <<<"$spec"
	TOKEN=$(eval echo "\$TOKEN_$role")
	file "$org"
	ndocs
	before=$N
	capi POST /api/v1/import/documents "$F"
	expect_status 200
	expect_json 'd["imported_rows"] == 1'
	ndocs
	expect_eq "$role in its scope: one more document" "$((before + 1))" "$N"
done
# a clerk's default organisation is its scope
TOKEN=$TOKEN_bclerk
printf 'number,issued_on,title\n900-CT/TW,2020-01-01,Mặc định\n' >"$WORK/def.csv"
capi POST /api/v1/import/documents "$WORK/def.csv"
expect_status 200
api GET "/api/v1/documents?q=900"
expect_json 'd["items"][0]["org"] == "B"'
TOKEN=$TOKEN_aclerk
api GET "/api/v1/documents?q=900"
expect_json 'd["items"] == []' "the other branch's document is not seen"
server_stop

done_testing
