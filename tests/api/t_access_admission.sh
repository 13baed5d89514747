#!/bin/bash
# The access suite of the admissions endpoints (t_access.sh's rules, for /api/v1/admissions
# and /api/v1/import/candidates): for every role (aview, aclerk, aadmin on branch A; bclerk on
# B; cclerk on the cell A1C; gclerk on the grassroots organisation A1), the cases of the other
# branch reached for by id, by organisation, in lists, downloads, the due list and the board
# answer the very 404 of a case that does not exist, and lists hold nothing of them; a viewer's
# writes are refused with 403 and change nothing; a cell's clerk keeps its candidates and
# records the cell's steps but not the grassroots committee's vote nor the decision of the
# committee above; a role over the grassroots organisation records its vote but not the
# decision; a role over the committee above (A) decides.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
DB=$FX
# Two more official members of A1C: introducers, and a cell of three official members.
madd A1C "Lê Thị Cúc"
M2=$MID
madd A1C "Phạm Văn Dũng"
printf '%s\n' "$PW" >"$WORK/.pw"
for spec in cclerk:A1C gclerk:A1; do
	IFS=: read -r name org <<<"$spec"
	STDIN=$WORK/.pw cadre user add "$name" --role clerk --org "$org"
	cadre --json token add "$name" --label test
	json_val 'd["token"]'
	eval "TOKEN_$name=\$JV"
done
DB=$WORK/none.db
[ -n "$M2" ] && [ -n "$TOKEN_cclerk" ] && [ -n "$TOKEN_gclerk" ] || fail "fixture" "a member, two tokens" "$M2"

# send METHOD PATH [JSON] [CURL ARGS]: a request, with a JSON body when given ("" for none).
send() {
	local method=$1 path=$2 json=${3:-}
	shift 2
	[ $# -ge 1 ] && shift
	if [ -n "$json" ]; then japi "$method" "$path" "$json" "$@"; else api "$method" "$path" "$@"; fi
}
# probe FOREIGN GHOST METHOD PATH [JSON|-H HEADER]: @ replaced by FOREIGN (a record of the
# other branch), then by GHOST (none): both 404, the same answer but for the name.
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
		fail "$LAST_CMD: the same 404 as for a case that does not exist" "$two" "$OUT"
	fi
}
cand() { # cand ORG NAME: the JSON of a candidate
	printf '{"org":"%s","full_name":"%s","sex":"male","birth_date":"2000-04-12","ethnicity":"Kinh","hometown":"Hà Giang","source":"soldier","listed_on":"2024-01-05"}' "$1" "$2"
}
# add ORG NAME: a case opened as $TOKEN (expecting 201); CASE = its id.
add() {
	japi POST /api/v1/admissions "$(cand "$1" "$2")"
	expect_status 201
	json_val 'd["id"]'
	CASE=$JV
}
# steps ID STEP...: record the steps named, as $TOKEN, each expecting 201.
steps() {
	local id=$1 s
	shift
	for s in "$@"; do
		case $s in
		class) japi POST "/api/v1/admissions/$id/steps" '{"step":"class","date":"2024-03-01","detail":{"course":"K1","result":"passed"}}' ;;
		application) japi POST "/api/v1/admissions/$id/steps" '{"step":"application","date":"2024-06-01","introducers":[{"member_id":'"$MEMBER_A"',"worked_since":"2020-01-01"},{"member_id":'"$M2"',"worked_since":"2020-01-01"}]}' ;;
		verification) japi POST "/api/v1/admissions/$id/steps" '{"step":"verification","date":"2024-07-01","detail":{"verifier":"Hà","conclusion":"clear"}}' ;;
		cell_vote) japi POST "/api/v1/admissions/$id/steps" '{"step":"cell_vote","date":"2024-08-01","present":3,"for":3,"against":0}' ;;
		committee_vote) japi POST "/api/v1/admissions/$id/steps" '{"step":"committee_vote","date":"2024-08-15","eligible":7,"present":7,"for":7,"against":0}' ;;
		decision) japi POST "/api/v1/admissions/$id/steps" '{"step":"decision","date":"2024-09-01","number":"QĐ-1","passed":true}' ;;
		esac
		expect_status 201
	done
}
# The changes in the audit log (reads are entries too).
READS='("member.read", "export.members", "report.members", "report.download", "members.list", "members.search", "admission.read", "admissions.list", "admissions.due", "admissions.export")'
last_change() {
	local save=$TOKEN
	TOKEN=$TOKEN_admin
	api GET "/api/v1/audit?limit=1000"
	json_val 'max(x["id"] for x in d["items"] if x["action"] not in '"$READS"')'
	LAST_CHANGE=$JV
	TOKEN=$save
}
expect_no_change() {
	local was=$LAST_CHANGE
	last_change
	expect_eq "${1:-nothing was written}: the newest change is still $was" "$was" "$LAST_CHANGE"
}

# reach CASE CELL BODY [all]: every admissions endpoint aimed at the other branch (its case
# CASE, its cell CELL, its body above BODY); with "all", the downloads and the other
# variants of each too (once: they take the same way in).
reach() {
	local id=$1 cell=$2 body=$3 all=${4:-}
	probe "$id" 999999 GET /api/v1/admissions/@
	probe "$id" 999999 GET /api/v1/admissions/@/steps
	probe "$id" 999999 POST /api/v1/admissions/@/steps '{"step":"class","date":"2024-03-01","detail":{"course":"K1","result":"passed"}}'
	probe "$id" 999999 POST /api/v1/admissions/@/steps '{"step":"decision","date":"2024-09-01","number":"x","passed":true}'
	probe "$cell" QQ9 GET "/api/v1/admissions?org=@"
	probe "$body" QQ9 GET "/api/v1/admissions?org=@&stage=all"
	probe "$cell" QQ9 GET "/api/v1/admissions/due?org=@"
	probe "$body" QQ9 GET "/api/v1/admissions/board?org=@"
	probe "$cell" QQ9 POST /api/v1/admissions "$(cand @ "Hà Văn Mới")"
	if [ -n "$all" ]; then
		probe "$id" 999999 POST /api/v1/admissions/@/steps '{"step":"withdrawal","date":"2024-09-01","detail":{"reason":"x"}}'
		probe "$cell" QQ9 GET "/api/v1/admissions?org=@&format=csv"
		probe "$cell" QQ9 GET "/api/v1/admissions?org=@" -H 'Accept: text/csv'
		probe "$cell" QQ9 GET "/api/v1/admissions?org=@&format=xlsx"
		probe "$cell" QQ9 GET "/api/v1/admissions/due?org=@&format=csv"
		probe "$cell" QQ9 GET "/api/v1/admissions/board?org=@"
	fi
	# A file naming the other branch's cell: refused (a viewer: 403), nothing imported.
	printf 'org,full_name,sex,birth_date,source,listed_on,ethnicity,hometown\n%s,Hà Văn Mới,male,2000-01-01,other,2024-01-05,Kinh,Huế\n' "$cell" >"$WORK/other.csv"
	capi POST /api/v1/import/candidates "$WORK/other.csv"
	case $STATUS in 403 | 404) pass ;; *) fail "$LAST_CMD: a file of the other branch's cell" "403 or 404" "$STATUS" ;; esac
}
# lists LEAKS...: the lists and downloads hold nothing of the other branch.
lists() {
	local p
	for p in "/api/v1/admissions?stage=all" "/api/v1/admissions?format=csv" \
		"/api/v1/admissions/due?as_of=2030-01-01"; do
		api GET "$p"
		expect_status 200
		expect_lacks "$@"
	done
}

tcase "every role reaches for the other branch's cases: 404 as for nothing, no trace in lists" "$FX"
server_start
TOKEN=$TOKEN_admin
add A1C "Lò Văn Minh"
CASE_A=$CASE
add B1C "Trịnh Văn Bảo"
CASE_B=$CASE
all=all
for role in aview aclerk aadmin cclerk gclerk; do
	TOKEN=$(eval echo "\$TOKEN_$role")
	reach "$CASE_B" B1C B1 $all
	all=""
	lists "Trịnh" "B1C" "\"id\":$CASE_B,"
	api GET "/api/v1/admissions/$CASE_A"
	expect_status 200
done
TOKEN=$TOKEN_bclerk
reach "$CASE_A" A1C A all
lists "Lò Văn" "A1C" "\"id\":$CASE_A,"
api GET "/api/v1/admissions/$CASE_B"
expect_status 200
server_stop

tcase "a viewer reads and may not write: 403 with a problem, nothing changes" "$FX"
server_start
TOKEN=$TOKEN_admin
add A1C "Lò Văn Minh"
CASE_A=$CASE
steps "$CASE_A" class application verification cell_vote committee_vote
last_change
TOKEN=$TOKEN_aview
w() {
	send "$@"
	expect_problem 403
	expect_json 'd["type"] == "/api/v1/problems/denied"'
}
w POST /api/v1/admissions "$(cand A1C "Hà Văn Mới")"
w POST "/api/v1/admissions/$CASE_A/steps" '{"step":"decision","date":"2024-09-01","number":"x","passed":true}'
w POST "/api/v1/admissions/$CASE_A/steps" '{"step":"withdrawal","date":"2024-09-01","detail":{"reason":"x"}}'
printf 'org,full_name,sex,birth_date,source,listed_on,ethnicity,hometown\nA1C,Hà Văn Mới,male,2000-01-01,other,2024-01-05,Kinh,Huế\n' >"$WORK/v.csv"
capi POST /api/v1/import/candidates "$WORK/v.csv"
expect_problem 403
for p in "/api/v1/admissions/$CASE_A" "/api/v1/admissions/$CASE_A/steps" "/api/v1/admissions?org=A1C" \
	"/api/v1/admissions?org=A1C&format=csv" "/api/v1/admissions/due?org=A1" "/api/v1/admissions/board?org=A1C"; do
	api GET "$p"
	expect_status 200
done
expect_no_change "a viewer's refused writes"
server_stop

tcase "who records which step: the cell's clerk, the grassroots clerk, the committee above" "$FX"
server_start
TOKEN=$TOKEN_admin
add A1C "Lò Văn Minh"
CASE_A=$CASE
add A1C "Vi Văn Tú"
CASE_T=$CASE
# The cell's clerk keeps its candidates and records the cell's steps.
TOKEN=$TOKEN_cclerk
add A1C "Hoàng Văn Hùng"
CASE_C=$CASE
steps "$CASE_C" class application verification cell_vote
steps "$CASE_A" class application verification cell_vote
steps "$CASE_T" class application verification cell_vote
# ... an organisation above its cell does not exist for it.
japi POST /api/v1/admissions "$(cand A1 "Hà Văn Mới")"
expect_problem 404
last_change
# ... but neither the grassroots committee's vote nor the decision of the committee above.
japi POST "/api/v1/admissions/$CASE_C/steps" '{"step":"committee_vote","date":"2024-08-15","eligible":7,"present":7,"for":7,"against":0}'
expect_problem 403
expect_json 'd["type"] == "/api/v1/problems/denied"'
expect_no_change "the cell's clerk's committee vote"
# The grassroots organisation's clerk votes for A1 but does not decide for A.
TOKEN=$TOKEN_gclerk
steps "$CASE_C" committee_vote
steps "$CASE_A" committee_vote
steps "$CASE_T" committee_vote
TOKEN=$TOKEN_cclerk
last_change
japi POST "/api/v1/admissions/$CASE_C/steps" '{"step":"decision","date":"2024-09-01","number":"QĐ-9","passed":true}'
expect_problem 403
TOKEN=$TOKEN_gclerk
japi POST "/api/v1/admissions/$CASE_C/steps" '{"step":"decision","date":"2024-09-01","number":"QĐ-9","passed":true}'
expect_problem 403
expect_no_change "decisions by roles below the committee above"
api GET "/api/v1/admissions/$CASE_C"
expect_json 'd["stage"] == "committee_passed"'
# A role over the committee above decides: the administrator of A, and A's clerk.
TOKEN=$TOKEN_aadmin
steps "$CASE_C" decision
api GET "/api/v1/admissions/$CASE_C"
expect_json 'd["stage"] == "decided"'
TOKEN=$TOKEN_aclerk
steps "$CASE_A" decision
# A refusal by the committee above closes the case.
TOKEN=$TOKEN_aadmin
japi POST "/api/v1/admissions/$CASE_T/steps" '{"step":"decision","date":"2024-09-01","number":"QĐ-10","passed":false}'
expect_status 201
expect_json 'd["passed"] is False and d["admission"]["stage"] == "refused" and d["admission"]["closed"] is True'
# The other branch's clerk sees none of it.
TOKEN=$TOKEN_bclerk
for id in "$CASE_A" "$CASE_C" "$CASE_T"; do
	api GET "/api/v1/admissions/$id"
	expect_status 404
done
server_stop

done_testing
