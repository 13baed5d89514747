#!/bin/bash
# The access suite of documents, study and action programmes (t_access.sh's rules, for
# /api/v1/documents, /api/v1/study-sessions and /api/v1/action-programmes): for every role
# (aview, aclerk, aadmin on branch A; bclerk on B), the other branch's documents, sessions,
# programmes, organisations and members reached for by id or code answer the very 404 of a
# record that does not exist, and lists hold nothing of them; a document of the organisation
# above (ROOT) is seen by both branches; a viewer's writes are refused with 403 and change
# nothing.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"

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
# id JSON-PATH: JV from the last answer, expecting STATUS 201.
created() {
	expect_status 201
	json_val "$1"
}

tcase "every role reaches for the other branch's study records: 404 as for nothing" "$FX"
server_start
TOKEN=$TOKEN_admin
japi POST /api/v1/documents '{"number":"21-NQ/TW","issued_on":"2016-10-30","title":"Nghị quyết Trung ương","org":"ROOT"}'
created 'd["id"]'
D_ROOT=$JV
japi POST /api/v1/documents '{"number":"168-KH/ĐU","issued_on":"2021-04-01","title":"Kế hoạch Sư đoàn A","org":"A"}'
created 'd["id"]'
D_A=$JV
japi POST /api/v1/documents '{"number":"243-CTr/ĐU","issued_on":"2021-05-01","title":"Chương trình Sư đoàn B","org":"B"}'
created 'd["id"]'
D_B=$JV
japi POST "/api/v1/documents/$D_ROOT/sessions" '{"org":"A1","date":"2026-10-01"}'
created 'd["id"]'
S_A=$JV
japi POST "/api/v1/documents/$D_ROOT/sessions" '{"org":"B1","date":"2026-10-01"}'
created 'd["id"]'
S_B=$JV
japi POST "/api/v1/study-sessions/$S_B/attendance" '{"member_id":'"$MEMBER_B"',"status":"present"}'
expect_status 200
japi POST /api/v1/action-programmes '{"org":"A1","document_id":'"$D_ROOT"',"year":2026,"title":"CTHĐ A1"}'
created 'd["id"]'
P_A=$JV
japi POST /api/v1/action-programmes '{"org":"B1","document_id":'"$D_ROOT"',"year":2026,"title":"CTHĐ B1"}'
created 'd["id"]'
P_B=$JV
japi POST "/api/v1/action-programmes/$P_B/items" '{"text":"Quán triệt"}'
expect_status 201

# reach DOC SESSION PROG ORG MEMBER: every endpoint aimed at the other branch's records.
reach() {
	local doc=$1 ses=$2 prog=$3 org=$4 mem=$5
	probe "$doc" 999999 GET /api/v1/documents/@
	probe "$doc" 999999 GET /api/v1/documents/@/coverage
	probe "$doc" 999999 POST /api/v1/documents/@/plans '{"org":"'"$org"'"}'
	probe "$doc" 999999 POST /api/v1/documents/@/sessions '{"org":"'"$org"'","date":"2026-10-02"}'
	probe "$doc" 999999 POST /api/v1/documents/@/confirmations '{"member_id":'"$mem"'}'
	probe "$ses" 999999 POST /api/v1/study-sessions/@/attendance '{"member_id":'"$mem"',"status":"present"}'
	probe "$prog" 999999 GET /api/v1/action-programmes/@
	probe "$prog" 999999 POST /api/v1/action-programmes/@/items '{"text":"x"}'
	probe "$prog" 999999 POST /api/v1/action-programmes/@/items/1/result '{"done":true}'
	probe "$org" QQ9 GET "/api/v1/documents/$D_ROOT/coverage?org=@"
	probe "$org" QQ9 GET "/api/v1/action-programmes?org=@"
	probe "$org" QQ9 POST /api/v1/documents '{"number":"9-NQ/ĐU","issued_on":"2021-01-01","title":"x","org":"@"}'
	probe "$org" QQ9 POST "/api/v1/documents/$D_ROOT/plans" '{"org":"@"}'
	probe "$org" QQ9 POST "/api/v1/documents/$D_ROOT/sessions" '{"org":"@","date":"2026-10-02"}'
	probe "$org" QQ9 POST /api/v1/action-programmes '{"org":"@","document_id":'"$D_ROOT"',"year":2026,"title":"x"}'
	probe "$mem" 999999 POST "/api/v1/documents/$D_ROOT/confirmations" '{"member_id":@}'
}
lists() {
	local p
	for p in /api/v1/documents "/api/v1/documents?format=csv" "/api/v1/documents?format=xlsx" \
		/api/v1/action-programmes "/api/v1/documents/$D_ROOT" "/api/v1/documents/$D_ROOT/coverage"; do
		api GET "$p"
		expect_status 200
		expect_lacks "$@"
	done
}
for role in aview aclerk aadmin; do
	TOKEN=$(eval echo "\$TOKEN_$role")
	if [ "$role" = aadmin ]; then
		# the same scope as aclerk's, a higher role: the reads and one write of each kind
		probe "$D_B" 999999 GET /api/v1/documents/@
		probe "$D_B" 999999 POST /api/v1/documents/@/sessions '{"org":"B1","date":"2026-10-02"}'
		probe "$S_B" 999999 POST /api/v1/study-sessions/@/attendance '{"member_id":'"$MEMBER_B"',"status":"present"}'
		probe "$P_B" 999999 GET /api/v1/action-programmes/@
		probe B1 QQ9 POST /api/v1/action-programmes '{"org":"@","document_id":'"$D_ROOT"',"year":2026,"title":"x"}'
	else
		reach "$D_B" "$S_B" "$P_B" B1 "$MEMBER_B"
	fi
	lists "243-CTr" "Sư đoàn B" "CTHĐ B1" '"B1"'
	api GET "/api/v1/documents/$D_ROOT"
	expect_status 200
	expect_json '[s["org"] for s in d["sessions"]] == ["A1"]' "the sessions of its own subtree only"
	api GET "/api/v1/documents/$D_A"
	expect_status 200
	api GET "/api/v1/action-programmes/$P_A"
	expect_status 200
done
TOKEN=$TOKEN_bclerk
reach "$D_A" "$S_A" "$P_A" A1 "$MEMBER_A"
lists "168-KH" "Sư đoàn A" "CTHĐ A1" '"A1"'
api GET "/api/v1/documents/$D_ROOT/coverage"
expect_status 200
expect_json 'd["members"] == 1 and d["covered"] == 1 and d["all_committees_studied"] is True' "B's own coverage"
server_stop

tcase "a viewer reads and may not write: 403 with a problem, nothing changes" "$FX"
server_start
TOKEN=$TOKEN_admin
japi POST /api/v1/documents '{"number":"21-NQ/TW","issued_on":"2016-10-30","title":"Nghị quyết","org":"ROOT"}'
created 'd["id"]'
D=$JV
japi POST "/api/v1/documents/$D/sessions" '{"org":"A1","date":"2026-10-01"}'
created 'd["id"]'
S=$JV
japi POST /api/v1/action-programmes '{"org":"A1","document_id":'"$D"',"year":2026,"title":"CTHĐ"}'
created 'd["id"]'
P=$JV
japi POST "/api/v1/action-programmes/$P/items" '{"text":"Quán triệt"}'
expect_status 201
TOKEN=$TOKEN_admin
api GET "/api/v1/audit?limit=1000"
json_val 'max(x["id"] for x in d["items"])'
BEFORE=$JV
TOKEN=$TOKEN_aview
w() {
	send "$@"
	expect_problem 403
	expect_json 'd["type"] == "/api/v1/problems/denied"'
}
w POST /api/v1/documents '{"number":"35-CT/TW","issued_on":"2019-01-01","title":"x","org":"A"}'
w POST "/api/v1/documents/$D/plans" '{"org":"A1"}'
w POST "/api/v1/documents/$D/sessions" '{"org":"A1","date":"2026-10-02"}'
w POST "/api/v1/documents/$D/confirmations" '{"member_id":'"$MEMBER_A"'}'
w POST "/api/v1/study-sessions/$S/attendance" '{"member_id":'"$MEMBER_A"',"status":"present"}'
w POST /api/v1/action-programmes '{"org":"A1","document_id":'"$D"',"year":2027,"title":"x"}'
w POST "/api/v1/action-programmes/$P/items" '{"text":"x"}'
w POST "/api/v1/action-programmes/$P/items/1/result" '{"done":true}'
for p in /api/v1/documents "/api/v1/documents/$D" "/api/v1/documents/$D/coverage?org=A1" \
	/api/v1/action-programmes "/api/v1/action-programmes/$P" "/api/v1/documents?format=csv"; do
	api GET "$p"
	expect_status 200
done
TOKEN=$TOKEN_admin
api GET "/api/v1/audit?limit=1000"
json_val 'max(x["id"] for x in d["items"] if x["action"].split(".")[0] in ("doc", "study", "action"))'
expect_true "a viewer's refused writes wrote nothing" [ "$JV" -le "$BEFORE" ]
# a clerk of A writes in A
TOKEN=$TOKEN_aclerk
japi POST "/api/v1/documents/$D/confirmations" '{"member_id":'"$MEMBER_A"'}'
expect_status 201
japi POST "/api/v1/action-programmes/$P/items/1/result" '{"done":true,"result":"xong"}'
expect_status 200
expect_json 'd["items"][0]["done"] is True and d["done"] == 1'
server_stop

done_testing
