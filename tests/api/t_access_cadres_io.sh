#!/bin/bash
# The access suite of the cadres' imports, lists and accounts endpoints (docs/cadres.md
# "Imports and lists", "Accounts and the right"): every endpoint for every role (a member's
# own account; viewer, clerk, org_admin on branch A and clerk on B, each without and with the
# personnel right; the system administrator), in and out of scope. A member's own account
# sees none of the tree (404) and may not import or manage accounts (403). Positions and committees
# need no right: viewers read them and their writes are refused (403), clerks and
# administrators import; out of scope a record answers the 404 of one that does not exist.
# The accounts and the right are for those who manage accounts: 403 for the others, an
# account outside the subtree the 404 of none.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
tcase "every cadres import, list and accounts endpoint for every role" "$FX"
cadre --json handbook accounts --org A1C
json_val '[a["login"] for a in d["accounts"] if a["member_id"] == '"$MEMBER_A"'][0]'
cadre --json token add "$JV"
json_val 'd["token"]'
TOKEN_member=$JV
for spec in aview.p:viewer:A aclerk.p:clerk:A aadmin.p:org_admin:A bclerk.p:clerk:B atarget:viewer:A1 btarget:viewer:B1; do
	IFS=: read -r name role org <<<"$spec"
	printf '%s\n' "$PW" >"$WORK/.pw"
	if [ "${name%.p}" != "$name" ]; then
		STDIN=$WORK/.pw cadre user add "$name" --role "$role" --org "$org" --personnel
		cadre --json token add "$name"
		json_val 'd["token"]'
		printf -v "TOKEN_${name%.p}_p" '%s' "$JV"
	else
		STDIN=$WORK/.pw cadre user add "$name" --role "$role" --org "$org"
	fi
done
cadre --json position add --org A1 --kind deputy_commander --seats 40 --on 2020-01-01
json_val 'd["id"]'
PA=$JV
cadre --json committee add --org A1 --term-start 2025-01-01 --seats 40 --standing-seats 5 --body A
json_val 'd["id"]'
CA=$JV
cadre committee seat "$CA" --seat "$MEMBER_A=secretary"
# a fresh member of A1C for each role's imports (ids 101..), made in one import
{
	echo 'id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status'
	for i in $(seq 101 112); do
		echo "$i,A1C,Cán Bộ Số $i,male,1985-01-01,Kinh,Hà Giang,2010-03-01,2010-03-15,2011-03-15,official"
	done
} >"$WORK/fresh.csv"
cadre import members "$WORK/fresh.csv"
expect_eq "fresh members imported" 0 "$RC"
NEXT=101
server_start

# fresh_files: the next fresh member of A1C appointed (holdings) and seated (committees) by a
# file
fresh_files() {
	MID=$NEXT
	NEXT=$((NEXT + 1))
	printf 'org,kind,member_id,from,decision,decided_on,body\nA1,deputy_commander,%s,2025-02-01,12/QĐ-BTL,2025-01-10,ROOT\n' "$MID" >"$WORK/h.csv"
	printf 'org,term_start,member,role,how\nA1,2025-01-01,%s,member,election\n' "$MID" >"$WORK/c.csv"
}

# check WHO WANT...: the endpoints in order, each answering its WANT.
check() {
	local who=$1 want got i=0
	shift
	fresh_files
	local -a calls=(
		"GET /api/v1/orgs/A1/positions?format=csv"
		"GET /api/v1/positions/$PA?format=xlsx"
		"GET /api/v1/members/$MEMBER_A/holdings?format=csv"
		"GET /api/v1/orgs/A1/committees?format=csv"
		"GET /api/v1/committees/$CA?format=csv"
		"GET /api/v1/orgs/A/rotations?year=2025&format=csv"
		"GET /api/v1/orgs/A/vacancies?format=xlsx"
		"POST /api/v1/import/holdings"
		"POST /api/v1/import/committees"
		"GET /api/v1/accounts"
		"POST /api/v1/accounts/atarget/personnel"
	)
	for want in "$@"; do
		set -- ${calls[$i]}
		case $1:$2 in
		POST:/api/v1/import/holdings) capi POST "$2" "$WORK/h.csv" ;;
		POST:/api/v1/import/committees) capi POST "$2" "$WORK/c.csv" ;;
		POST:*/personnel) japi POST "$2" '{"org":"A1","grant":true}' ;;
		*) api "$1" "$2" ;;
		esac
		got=$STATUS
		if [ "$want" = "$got" ]; then pass; else
			fail "$who: ${calls[$i]}" "$want" "$got: $(head -c 200 "$OUTF")"
		fi
		i=$((i + 1))
	done
}
#                      pos  hist mh   coms com  rot  vac  imph impc accs pers
TOKEN=$TOKEN_member
check member           404  404  404  404  404  404  404  403  403  403  403
for who in aview aview_p; do
	eval "TOKEN=\$TOKEN_$who"
	check "$who"   200  200  200  200  200  200  200  403  403  403  403
done
expect_json '"may not manage accounts" in d["detail"]' "a viewer's refusal names the accounts"
for who in aclerk aclerk_p; do
	eval "TOKEN=\$TOKEN_$who"
	check "$who"   200  200  200  200  200  200  200  200  200  403  403
done
for who in bclerk bclerk_p; do
	eval "TOKEN=\$TOKEN_$who"
	check "$who"   404  404  404  404  404  404  404  404  404  403  403
done
api GET "/api/v1/committees/999999?format=csv"
GHOST=$OUT
api GET "/api/v1/committees/$CA?format=csv"
expect_eq "out of scope: the same 404 as for no committee" "${GHOST//999999/$CA}" "$OUT"
for who in aadmin aadmin_p admin; do
	eval "TOKEN=\$TOKEN_$who"
	check "$who"   200  200  200  200  200  200  200  200  200  200  200
done
# the accounts: an administrator of A sees A's, not B's; grants within A only
TOKEN=$TOKEN_aadmin
api GET /api/v1/accounts
expect_json 'sorted(a["account"] for a in d["items"] if a["role"] != "member") == ["aadmin", "aadmin.p", "aclerk", "aclerk.p", "atarget", "aview", "aview.p"] and {a["org"] for a in d["items"] if a["role"] == "member"} == {"A1C"}' \
	"the accounts of A's subtree"
expect_json '[a["personnel"] for a in d["items"] if a["account"] == "atarget"] == [True] and [a["org"] for a in d["items"] if a["account"] == "atarget"] == ["A1"]'
japi POST /api/v1/accounts/btarget/personnel '{"org":"B1","grant":true}'
expect_status 404
api GET /api/v1/accounts
BODY_A=$OUT
japi POST /api/v1/accounts/nobody/personnel '{"org":"B1","grant":true}'
expect_status 404
japi POST /api/v1/accounts/atarget/personnel '{"org":"A","grant":false}'
expect_problem 422 org
japi POST /api/v1/accounts/atarget/personnel '{"grant":"yes"}'
expect_problem 422 grant
japi POST /api/v1/accounts/atarget/personnel '{"org":"A1","grant":false}'
expect_status 200
expect_json 'd == {"account": "atarget", "role": "viewer", "org": "A1", "disabled": False, "personnel": False, "inspection": False}'
japi POST /api/v1/accounts/aadmin/personnel '{"grant":true}'
expect_status 200
TOKEN=$TOKEN_admin
api GET "/api/v1/audit?action=account.personnel.revoke"
expect_json 'd["items"][0]["subject"] == "account:atarget" and d["items"][0]["actor"] == "aadmin"' "the revocation audited"
api GET /api/v1/accounts
expect_json '"btarget" in [a["account"] for a in d["items"]] and "admin" in [a["account"] for a in d["items"]]' "the whole tree"
japi POST /api/v1/accounts/btarget/personnel '{"org":"B1","grant":true}'
expect_status 200
expect_json 'd["personnel"] is True'
server_stop
done_testing
