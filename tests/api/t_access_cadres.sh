#!/bin/bash
# The access suite of key cadres (t_access.sh's rules, for the endpoints of docs/cadres.md):
# for every role (aview, aclerk, aadmin on branch A; bclerk on B; a member's own account), the
# other branch's positions, committees and organisations reached by id or code answer the very
# 404 of a record that does not exist, whether read or written, and the lists and the vacancy
# report hold nothing of them; a transfer to a post out of sight is that 404 too; a viewer's
# and a member's writes are refused and change nothing; a clerk writes within the subtree.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
DB=$FX
cadre --json handbook accounts --org A1C
json_val '[a["login"] for a in d["accounts"] if a["member_id"] == '"$MEMBER_A"'][0]'
cadre --json token add "$JV"
json_val 'd["token"]'
TOKEN_member=$JV
DB=$WORK/none.db
[ -n "$TOKEN_member" ] || fail "fixture: a member account's token" "a token" "none"

send() {
	local method=$1 path=$2 json=${3:-}
	if [ -n "$json" ]; then japi "$method" "$path" "$json"; else api "$method" "$path"; fi
}
# probe FOREIGN GHOST METHOD PATH [JSON]: @ replaced by FOREIGN, then by GHOST: both 404, the
# same answer but for the name.
probe() {
	local foreign=$1 ghost=$2 method=$3 path=$4 json=${5:-} two
	send "$method" "${path//@/$ghost}" "${json//@/$ghost}"
	two=${OUT//$ghost/$foreign}
	send "$method" "${path//@/$foreign}" "${json//@/$foreign}"
	expect_status 404
	if [ "$OUT" = "$two" ]; then pass; else
		fail "$LAST_CMD: the same 404 as for a record that does not exist" "$two" "$OUT"
	fi
}
created() {
	expect_status 201
	json_val "$1"
}
DEC='"decision":"12/QĐ-BTL","decided_on":"2024-01-10","body":"ROOT"'

tcase "every role reaches for the other branch's cadres: 404 as for nothing" "$FX"
server_start
TOKEN=$TOKEN_admin
japi POST /api/v1/orgs/A1/positions '{"kind":"commander","on":"2020-01-01"}'
created 'd["id"]'
P_A=$JV
japi POST /api/v1/orgs/A1/positions '{"kind":"deputy_commander","seats":2,"on":"2020-01-01"}'
created 'd["id"]'
P_A2=$JV
japi POST /api/v1/orgs/B1/positions '{"kind":"commander","on":"2020-01-01"}'
created 'd["id"]'
P_B=$JV
japi POST "/api/v1/positions/$P_A/appointments" '{"member_id":'"$MEMBER_A"','"$DEC"',"on":"2024-02-01"}'
expect_status 201
japi POST "/api/v1/positions/$P_B/appointments" '{"member_id":'"$MEMBER_B"','"$DEC"',"on":"2024-02-01"}'
expect_status 201
japi POST /api/v1/orgs/A1/committees '{"term_start":"2025-10-01","seats":3,"standing_seats":1}'
created 'd["id"]'
C_A=$JV
japi POST /api/v1/orgs/B1/committees '{"term_start":"2025-10-01","seats":3,"standing_seats":1}'
created 'd["id"]'
C_B=$JV
japi POST "/api/v1/committees/$C_B/members" '{"seats":[{"member_id":'"$MEMBER_B"',"role":"secretary"}]}'
expect_status 200
japi POST /api/v1/orgs/B1/flags '{"flag":"border","on":"2024-01-01"}'
expect_status 200

# reach POS COMMITTEE ORG MEMBER: every endpoint aimed at the other branch's records.
reach() {
	local pos=$1 com=$2 org=$3 mem=$4
	probe "$pos" 999999 GET /api/v1/positions/@
	probe "$pos" 999999 POST /api/v1/positions/@/appointments '{"member_id":'"$mem"','"$DEC"'}'
	probe "$pos" 999999 POST /api/v1/positions/@/dismissals '{"member_id":'"$mem"','"$DEC"',"reason":"x"}'
	probe "$pos" 999999 POST /api/v1/positions/@/transfers '{"member_id":'"$mem"',"to":'"$pos"','"$DEC"'}'
	probe "$com" 999999 GET /api/v1/committees/@
	probe "$com" 999999 POST /api/v1/committees/@/members '{"seats":[{"member_id":'"$mem"',"role":"member"}]}'
	probe "$com" 999999 POST /api/v1/committees/@/departures '{"member_id":'"$mem"',"reason":"x"}'
	for p in positions flags rotations?year=2025 committees vacancies; do
		probe "$org" QQ9 GET "/api/v1/orgs/@/$p"
	done
	probe "$org" QQ9 POST /api/v1/orgs/@/positions '{"kind":"commissar"}'
	probe "$org" QQ9 POST /api/v1/orgs/@/flags '{"flag":"difficult"}'
	probe "$org" QQ9 POST /api/v1/orgs/@/committees '{"term_start":"2020-10-01","seats":3}'
}
for role in aview aclerk aadmin bclerk; do
	TOKEN=$(eval echo "\$TOKEN_$role")
	if [ "$role" = bclerk ]; then
		reach "$P_A" "$C_A" A1 "$MEMBER_A"
		mine=B1 theirs=A1
	else
		reach "$P_B" "$C_B" B1 "$MEMBER_B"
		mine=A1 theirs=B1
	fi
	# the own subtree reads; the whole scope's report lacks the other branch
	for p in positions flags rotations?year=2025 committees vacancies; do
		api GET "/api/v1/orgs/$mine/$p"
		expect_status 200
	done
	api GET /api/v1/orgs/ROOT/vacancies
	expect_status 404
	api GET /api/v1/position-kinds
	expect_status 200
done
# the A's scope's vacancy report: A1's posts and committee, nothing of B
TOKEN=$TOKEN_aview
api GET /api/v1/orgs/A/vacancies
expect_status 200
expect_json '[(v["org"], v["what"]) for v in d["items"]] == [("A1", "committee")]'
expect_lacks '"B1"' "Trần Thị Bình"
api GET "/api/v1/positions/$P_A"
expect_status 200
expect_lacks "Trần Thị Bình"
# a transfer to a post out of sight: the 404 of nothing
TOKEN=$TOKEN_aclerk
probe "$P_B" 999999 POST "/api/v1/positions/$P_A/transfers" '{"member_id":'"$MEMBER_A"',"to":@,'"$DEC"',"on":"2025-01-01"}'
server_stop

tcase "a viewer and a member's own account may not write: 403 or 404, nothing changes; a clerk writes" "$FX"
server_start
TOKEN=$TOKEN_admin
japi POST /api/v1/orgs/A1/positions '{"kind":"commander","on":"2020-01-01"}'
created 'd["id"]'
P=$JV
japi POST /api/v1/orgs/A1/positions '{"kind":"commissar","on":"2020-01-01"}'
created 'd["id"]'
P2=$JV
japi POST /api/v1/orgs/A1/committees '{"term_start":"2025-10-01","seats":3}'
created 'd["id"]'
C=$JV
api GET "/api/v1/audit?limit=1000"
json_val 'max(x["id"] for x in d["items"])'
BEFORE=$JV
for who in aview member; do
	TOKEN=$(eval echo "\$TOKEN_$who")
	for req in "POST /api/v1/orgs/A1/positions {\"kind\":\"deputy_commander\"}" \
		"POST /api/v1/orgs/A1/flags {\"flag\":\"border\"}" \
		"POST /api/v1/orgs/A1/committees {\"term_start\":\"2020-10-01\",\"seats\":3}" \
		"POST /api/v1/positions/$P/appointments {\"member_id\":$MEMBER_A,$DEC}" \
		"POST /api/v1/positions/$P/dismissals {\"member_id\":$MEMBER_A,$DEC,\"reason\":\"x\"}" \
		"POST /api/v1/positions/$P/transfers {\"member_id\":$MEMBER_A,\"to\":$P2,$DEC}" \
		"POST /api/v1/committees/$C/members {\"seats\":[{\"member_id\":$MEMBER_A,\"role\":\"member\"}]}" \
		"POST /api/v1/committees/$C/departures {\"member_id\":$MEMBER_A,\"reason\":\"x\"}"; do
		read -r m p j <<<"$req"
		send "$m" "$p" "$j"
		if [ "$who" = aview ]; then
			expect_problem 403
			expect_json 'd["type"] == "/api/v1/problems/denied"'
		else
			case $STATUS in 403 | 404) pass ;; *) fail "$LAST_CMD: a member's write" "403 or 404" "$STATUS" ;; esac
		fi
	done
	for p in "/api/v1/positions/$P" "/api/v1/committees/$C" /api/v1/orgs/A1/positions \
		/api/v1/orgs/A1/vacancies /api/v1/orgs/A1/committees /api/v1/orgs/A1/flags \
		"/api/v1/orgs/A1/rotations?year=2025"; do
		api GET "$p"
		if [ "$who" = aview ]; then expect_status 200; else expect_status 404; fi
	done
done
TOKEN=$TOKEN_admin
api GET "/api/v1/audit?limit=1000"
json_val 'max(x["id"] for x in d["items"])'
expect_true "the refused writes wrote nothing" [ "$JV" -le "$BEFORE" ]
TOKEN=$TOKEN_aclerk
japi POST "/api/v1/positions/$P/appointments" '{"member_id":'"$MEMBER_A"','"$DEC"',"on":"2024-02-01"}'
expect_status 201
japi POST "/api/v1/committees/$C/members" '{"seats":[{"member_id":'"$MEMBER_A"',"role":"secretary"}]}'
expect_status 200
japi POST /api/v1/orgs/A1/flags '{"flag":"difficult","on":"2024-01-01"}'
expect_status 200
server_stop

done_testing
