#!/bin/bash
# The access suite of the meetings endpoints (t_access.sh's rules, for /api/v1/meetings and
# /api/v1/import/meetings|attendance): for every role (aview, aclerk, aadmin on branch A;
# bclerk on B; the system administrator over all), a meeting of the other branch reached for
# by id, by organisation, in lists and downloads answers the very 404 of a meeting that does
# not exist, and lists hold nothing of it; a viewer reads and its writes are refused with 403
# and change nothing; the system administrator reads and writes both branches.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
TODAY=$CADRE_TODAY

# send METHOD PATH [JSON] [CURL ARGS]
send() {
	local method=$1 path=$2 json=${3:-}
	shift 2
	[ $# -ge 1 ] && shift
	if [ -n "$json" ]; then japi "$method" "$path" "$json" "$@"; else api "$method" "$path" "$@"; fi
}
# probe FOREIGN GHOST METHOD PATH [JSON|-H HEADER]: 404 for FOREIGN, the same answer as for
# GHOST (nothing) but for the name.
probe() {
	local foreign=$1 ghost=$2 method=$3 path=$4 json="" two
	shift 4
	if [ $# -ge 1 ] && [ "$1" != -H ]; then
		json=$1
		shift
	fi
	send "$method" "${path//@/$ghost}" "${json//@/$ghost}" "$@"
	two=${OUT//$ghost/$foreign}
	send "$method" "${path//@/$foreign}" "${json//@/$foreign}" "$@"
	expect_status 404
	if [ "$OUT" = "$two" ]; then pass; else
		fail "$LAST_CMD: the same 404 as for a meeting that does not exist" "$two" "$OUT"
	fi
}
mjson() { # mjson ORG MEMBER: a monthly meeting of ORG today with MEMBER present
	printf '{"org":"%s","date":"%s","kind":"monthly","starts":"07:30","ends":"09:00","attendance":[{"member_id":%s,"status":"present"}]}' "$1" "$TODAY" "$2"
}
# reach MEETING ORG MEMBER: every meetings endpoint aimed at the other branch.
reach() {
	local id=$1 org=$2 mem=$3
	probe "$id" 999999 GET /api/v1/meetings/@
	probe "$id" 999999 GET /api/v1/meetings/@/roll
	probe "$id" 999999 PUT /api/v1/meetings/@/attendance '{"attendance":[{"member_id":'"$mem"',"status":"present"}]}'
	probe "$id" 999999 POST /api/v1/meetings/@/resolutions '{"text":"x","for":1,"against":0}'
	probe "$id" 999999 POST /api/v1/meetings/@/cancel '{"reason":"x"}'
	probe "$org" QQ9 GET "/api/v1/meetings?org=@"
	probe "$org" QQ9 GET "/api/v1/meetings?org=@&format=csv"
	probe "$org" QQ9 GET "/api/v1/meetings?org=@&format=xlsx"
	probe "$org" QQ9 POST /api/v1/meetings "$(mjson @ "$mem")"
	printf 'org,date,kind,starts,ends\n%s,%s,monthly,07:30,09:00\n' "$org" "$TODAY" >"$WORK/other.csv"
	capi POST /api/v1/import/meetings "$WORK/other.csv"
	case $STATUS in 403 | 404) pass ;; *) fail "$LAST_CMD: a file of the other branch's cell" "403 or 404" "$STATUS" ;; esac
	expect_lacks "Chi bộ Đại đội"
	printf 'meeting_id,member_id,status\n%s,%s,present\n' "$id" "$mem" >"$WORK/other.csv"
	capi POST /api/v1/import/attendance "$WORK/other.csv"
	case $STATUS in 403 | 404) pass ;; *) fail "$LAST_CMD: attendance of the other branch's meeting" "403 or 404" "$STATUS" ;; esac
}
lists() { # lists LEAKS...: the lists and downloads hold nothing of the other branch
	local p
	for p in /api/v1/meetings "/api/v1/meetings?format=csv" "/api/v1/meetings?state=cancelled"; do
		api GET "$p"
		expect_status 200
		expect_lacks "$@"
	done
}

tcase "every role reaches for the other branch's meetings: 404 as for nothing" "$FX"
server_start
TOKEN=$TOKEN_admin
japi POST /api/v1/meetings "$(mjson A1C "$MEMBER_A")"
expect_status 201
json_val 'd["id"]'
MA=$JV
japi POST /api/v1/meetings "$(mjson B1C "$MEMBER_B")"
expect_status 201
json_val 'd["id"]'
MB=$JV
api GET /api/v1/meetings
expect_json 'd["total"] == 2' "the system administrator sees both"
for role in aview aclerk aadmin; do
	TOKEN=$(eval echo "\$TOKEN_$role")
	reach "$MB" B1C "$MEMBER_B"
	lists "B1C" "\"id\":$MB,"
	api GET "/api/v1/meetings/$MA"
	expect_status 200
done
TOKEN=$TOKEN_bclerk
reach "$MA" A1C "$MEMBER_A"
lists "A1C" "\"id\":$MA,"
api GET "/api/v1/meetings/$MB"
expect_status 200
server_stop

tcase "a viewer reads and may not write: 403, nothing changes; clerks and admins write" "$FX"
server_start
TOKEN=$TOKEN_admin
japi POST /api/v1/meetings "$(mjson A1C "$MEMBER_A")"
json_val 'd["id"]'
MA=$JV
TOKEN=$TOKEN_aview
w() {
	send "$@"
	expect_problem 403
	expect_json 'd["type"] == "/api/v1/problems/denied"'
}
w POST /api/v1/meetings "$(mjson A1C "$MEMBER_A")"
w PUT "/api/v1/meetings/$MA/attendance" '{"attendance":[{"member_id":'"$MEMBER_A"',"status":"absent"}]}'
w POST "/api/v1/meetings/$MA/resolutions" '{"text":"x","for":1,"against":0}'
w POST "/api/v1/meetings/$MA/cancel" '{"reason":"x"}'
printf 'org,date,kind,starts,ends\nA1C,%s,monthly,07:30,09:00\n' "$TODAY" >"$WORK/v.csv"
capi POST /api/v1/import/meetings "$WORK/v.csv"
expect_problem 403
for p in "/api/v1/meetings/$MA" "/api/v1/meetings/$MA/roll" "/api/v1/meetings?org=A1C" "/api/v1/meetings?org=A1C&format=csv"; do
	api GET "$p"
	expect_status 200
done
api GET "/api/v1/meetings/$MA"
expect_json 'd["state"] == "held" and d["counts"]["present"] == 1 and d["resolutions"] == []' "nothing changed"
for role in aclerk aadmin admin; do
	TOKEN=$(eval echo "\$TOKEN_$role")
	japi POST "/api/v1/meetings/$MA/resolutions" '{"text":"'"$role"'","for":1,"against":0}'
	expect_status 201
done
TOKEN=$TOKEN_admin
japi POST /api/v1/meetings "$(mjson B1C "$MEMBER_B")"
expect_status 201
server_stop

done_testing
