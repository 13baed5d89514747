#!/bin/bash
# The access suite: for every endpoint and every role (aview, aclerk, aadmin on branch A;
# bclerk on B), records of the other branch are reached for by code, by id, in search, in
# counts, in lists, in exports, in history, in the audit log, in transfers, in reviews and
# discipline, and in the figures (reports, the records behind them, the roll-up). Each answer
# must be the very 404 that a record which does not exist gets (the same body, the code or
# id aside), lists must not hold the other branch, and nothing may change. A viewer's writes
# within sight are refused with 403 and change nothing.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
DB=$FX
cadre org add A1D --parent A1 --name "Chi bộ Đại đội A1D" --kind cell --date 2005-01-01
cadre org add B1D --parent B1 --name "Chi bộ Đại đội B1D" --kind cell --date 2005-01-01
cadre --json member transfer "$MEMBER_A" --to A1D --date 2026-10-01
json_val 'd["id"]'
TRANSFER_A=$JV
cadre --json member transfer "$MEMBER_B" --to B1D --date 2026-10-01
json_val 'd["id"]'
TRANSFER_B=$JV
# An import job of each branch's clerk, finished (docs/web.md, Import jobs).
job_row() {
	sqlite3 "$FX" "INSERT INTO import_job(kind, account, account_id, scope, file_name, sha256, state, bytes_done, bytes_total, started, ended, result) SELECT 'members', name, id, '$2', 'members-$2.csv', '', 'done', 10, 10, '2026-10-01T00:00:00Z', '2026-10-01T00:00:01Z', '{\"imported\":\"members\",\"rows\":0,\"imported_rows\":0,\"rejected\":0,\"warnings\":0,\"errors\":[],\"errors_more\":false,\"rejected_csv\":null,\"warning_items\":[],\"warnings_more\":false,\"report\":null}' FROM account WHERE name = '$1'; SELECT last_insert_rowid();"
}
JOB_A=$(job_row aclerk A)
JOB_B=$(job_row bclerk B)
DB=$WORK/none.db
[ -n "$TRANSFER_A" ] && [ -n "$TRANSFER_B" ] || fail "fixture: two transfers" "ids" "$TRANSFER_A $TRANSFER_B"
[ -n "$JOB_A" ] && [ -n "$JOB_B" ] || fail "fixture: two import jobs" "ids" "$JOB_A $JOB_B"

# send METHOD PATH [JSON] [CURL ARGS]: a request, with a JSON body when given ("" for none).
send() {
	local method=$1 path=$2 json=${3:-}
	shift 2
	[ $# -ge 1 ] && shift
	if [ -n "$json" ]; then japi "$method" "$path" "$json" "$@"; else api "$method" "$path" "$@"; fi
}

# probe FOREIGN GHOST METHOD PATH [JSON|-H HEADER]: @ in PATH and JSON is replaced by
# FOREIGN (a record of the other branch), then by GHOST (no such record). Both answers are
# 404, and the first is the second with GHOST read as FOREIGN: nothing tells the two apart.
probe() {
	local foreign=$1 ghost=$2 method=$3 path=$4 json="" one two
	shift 4
	if [ $# -ge 1 ] && [ "$1" != -H ]; then
		json=$1
		shift
	fi
	send "$method" "${path//@/$ghost}" "${json//@/$ghost}" "$@"
	two=${OUT//$ghost/$foreign}
	send "$method" "${path//@/$foreign}" "${json//@/$foreign}" "$@"
	expect_status 404
	one=$OUT
	if [ "$one" = "$two" ]; then pass; else
		fail "$LAST_CMD: the same 404 as for a record that does not exist" "$two" "$one"
	fi
}

# reach MY_CELL OTHER_MEMBER OTHER_TRANSFER OTHER_IMPORT_JOB OTHER_CODES...: every endpoint aimed at the
# other branch, as $TOKEN.
reach() {
	local mine=$1 om=$2 ot=$3 oj=$4 x
	shift 4
	for x in "$@"; do
		probe "$x" QQ9 GET /api/v1/orgs/@
		probe "$x" QQ9 GET "/api/v1/orgs/@?as_of=2020-01-01"
		probe "$x" QQ9 GET /api/v1/orgs/@/members
		probe "$x" QQ9 GET /api/v1/orgs/@/history
		probe "$x" QQ9 GET /api/v1/orgs/@/lineage
		probe "$x" QQ9 GET "/api/v1/orgs?root=@"
		probe "$x" QQ9 GET "/api/v1/members?q=a&org=@"
		probe "$x" QQ9 GET "/api/v1/transfers?org=@"
		probe "$x" QQ9 GET "/api/v1/audit?org=@"
		probe "$x" QQ9 PATCH /api/v1/orgs/@ '{"militia":1}'
		probe "$x" QQ9 POST /api/v1/orgs/@/rename '{"name":"x"}'
		probe "$x" QQ9 POST /api/v1/orgs/@/move "{\"to\":\"$mine\"}"
		probe "$x" QQ9 POST /api/v1/orgs/@/merge "{\"into\":\"$mine\"}"
		probe "$x" QQ9 POST /api/v1/orgs/@/split '{"assign":[]}'
		probe "$x" QQ9 POST /api/v1/orgs/@/dissolve '{}'
		probe "$x" QQ9 POST /api/v1/orgs '{"code":"NEW1","parent_code":"@","name":"x","kind":"cell"}'
		probe "$x" QQ9 POST /api/v1/members "$(member_json @ "Hà Văn Mới")"
		probe "$x" QQ9 GET "/api/v1/orgs/@/report?year=2025"
		probe "$x" QQ9 GET "/api/v1/orgs/@/report?format=csv"
		probe "$x" QQ9 GET /api/v1/orgs/@/report -H 'Accept: text/csv'
		probe "$x" QQ9 GET "/api/v1/orgs/@/report?format=xlsx"
		probe "$x" QQ9 GET "/api/v1/orgs/@/report?as_of=2020-01-01"
		probe "$x" QQ9 GET /api/v1/orgs/@/report/members
		probe "$x" QQ9 GET "/api/v1/orgs/@/report/members?filter=grade%3Dgood&year=2025"
		probe "$x" QQ9 GET "/api/v1/orgs/$mine/report/members?filter=org%3D@"
		probe "$x" QQ9 GET "/api/v1/orgs/@/report/orgs?filter=org_grade%3Dcomplete&year=2025"
		probe "$x" QQ9 GET /api/v1/orgs/@/reviews
		probe "$x" QQ9 POST /api/v1/orgs/@/reviews '{"year":2025,"step":"decision","grade":"good"}'
		probe "$x" QQ9 GET "/api/v1/orgs/@/review-sheet?year=2025"
		probe "$x" QQ9 GET "/api/v1/discipline?org=@"
		probe "$x" QQ9 POST /api/v1/discipline '{"org_code":"@","form":"reprimand","body":"ROOT","reason":"x"}'
	done
	probe "$om" 999999 GET /api/v1/members/@
	probe "$om" 999999 GET /api/v1/members/@/where
	probe "$om" 999999 PATCH /api/v1/members/@ '{"rank":"x"}'
	probe "$om" 999999 POST /api/v1/members/@/status '{"status":"exempt"}'
	probe "$om" 999999 POST /api/v1/members/@/transfers "{\"to\":\"$mine\"}"
	probe "$om" 999999 GET /api/v1/members/@/reviews
	probe "$om" 999999 POST /api/v1/members/@/reviews '{"year":2025,"step":"decision","grade":"good"}'
	probe "$om" 999999 POST /api/v1/members/@/reviews '{"year":2025,"step":"self","score":80}'
	probe "$om" 999999 POST /api/v1/reviews '{"reviews":[{"member_id":@,"year":2025,"grade":"good"}]}'
	probe "$om" 999999 POST /api/v1/discipline '{"member_id":@,"form":"reprimand","body":"ROOT","reason":"x"}'
	probe "$oj" 999999 GET /api/v1/import/jobs/@
	probe "$ot" 999999 GET /api/v1/transfers/@
	probe "$ot" 999999 POST /api/v1/transfers/@/receive '{}'
	probe "$ot" 999999 POST /api/v1/transfers/@/return '{}'
	probe "$ot" 999999 POST /api/v1/transfers/@/cancel '{"reason":"x"}'
}

# lists MY_BRANCH LEAKS...: the lists, exports, counts and figures hold nothing of the other
# branch.
lists() {
	local p mine=$1
	shift
	for p in /api/v1/orgs "/api/v1/orgs?depth=1" /api/v1/transfers /api/v1/export/orgs \
		/api/v1/export/members "/api/v1/audit?limit=1000" "/api/v1/members?q=a&limit=500" \
		"/api/v1/members?q=binh" "/api/v1/members?q=nguyen" "/api/v1/members?q=tran" \
		"/api/v1/members?q=an" "/api/v1/rollup?year=2025" \
		"/api/v1/orgs/$mine/report?year=2025" \
		"/api/v1/orgs/$mine/report?year=2025&format=csv" \
		"/api/v1/orgs/$mine/report/members?filter=grade%3Dgood&year=2025" \
		"/api/v1/orgs/$mine/report/orgs?filter=org_grade%3Dnone&year=2025" \
		/api/v1/import/jobs; do
		api GET "$p"
		expect_status 200
		expect_lacks "$@"
	done
	# the discipline register needs the inspection right, which none of these accounts holds
	# (tests/api/t_access_discipline.sh: with it, the register holds only the own branch)
	for p in /api/v1/discipline "/api/v1/discipline?year=2025"; do
		api GET "$p"
		expect_problem 403
		expect_lacks "$@"
	done
}

# seed: as the system administrator, a decided review and a discipline record for a member
# of each branch, and each cell's own review (the lists and figures have both to leave out).
seed() {
	local save=$TOKEN m c
	TOKEN=$TOKEN_admin
	for m in "$MEMBER_A" "$MEMBER_B"; do
		japi POST "/api/v1/members/$m/reviews" '{"year":2025,"step":"decision","grade":"good"}'
		expect_status 201
		japi POST /api/v1/discipline '{"member_id":'"$m"',"form":"reprimand","body":"ROOT","reason":"x","date":"2025-06-01","act_date":"2025-05-20"}'
		expect_status 201
	done
	for c in A1C B1C; do
		japi POST "/api/v1/orgs/$c/reviews" '{"year":2025,"step":"decision","grade":"complete"}'
		expect_status 201
	done
	TOKEN=$save
}

# The entries of reads (a record opened, a bulk read: docs/audit.md), which are not changes.
READS='("member.read", "export.members", "report.members", "report.download", "members.list", "members.search")'
# last_audit: LAST_AUDIT = the newest audit entry of a change (every change writes one).
last_audit() {
	local save=$TOKEN
	TOKEN=$TOKEN_admin
	api GET "/api/v1/audit?limit=1000"
	json_val 'max(x["id"] for x in d["items"] if x["action"] not in '"$READS"')'
	LAST_AUDIT=$JV
	TOKEN=$save
}
expect_no_write() {
	local was=$LAST_AUDIT
	last_audit
	expect_eq "no audit entry since $was: nothing was written" "$was" "$LAST_AUDIT"
}

A_LEAKS=("B1" '"B"' "Sư đoàn B" "Trần" "Bình" "member:$MEMBER_B" "transfer:$TRANSFER_B" "members-B.csv")
B_LEAKS=("A1" '"A"' "Sư đoàn A" "Nguyễn" "An\"" "member:$MEMBER_A" "transfer:$TRANSFER_A" "members-A.csv")

for role in aview aclerk aadmin; do
	tcase "$role (branch A) reaches for branch B: 404 as for nothing, no trace in lists" "$FX"
	server_start
	seed
	snapshot before
	TOKEN=$(eval echo "\$TOKEN_$role")
	api GET "/api/v1/members/$MEMBER_A" # an audit entry of its own branch
	last_audit
	reach A1C "$MEMBER_B" "$TRANSFER_B" "$JOB_B" B B1 B1C B1D
	lists A "${A_LEAKS[@]}"
	api GET /api/v1/orgs/A
	expect_json 'd["counts"]["official"] == 1 and d["subtree"]["members"] == 1 and d["subtree"]["orgs"] == 4' \
		"the counts hold branch A only"
	api GET /api/v1/transfers
	expect_json '[t["id"] for t in d["items"]] == ['"$TRANSFER_A"']'
	api GET /api/v1/audit
	expect_json 'all(not e["subject"].startswith("member:") or e["subject"] == "member:'"$MEMBER_A"'" for e in d["items"])'
	expect_same_snapshot before
	expect_no_write
	server_stop
done

tcase "bclerk (branch B) reaches for branch A: 404 as for nothing, no trace in lists" "$FX"
server_start
seed
snapshot before
last_audit
TOKEN=$TOKEN_bclerk
reach B1C "$MEMBER_A" "$TRANSFER_A" "$JOB_A" A A1 A1C A1D
lists B "${B_LEAKS[@]}"
api GET /api/v1/orgs/B
expect_json 'd["counts"]["official"] == 1'
# Within its own branch, a body of the other one is not found either.
for body in A A1 A1C; do
	probe "$body" QQ9 POST /api/v1/discipline '{"member_id":'"$MEMBER_B"',"form":"reprimand","body":"@","reason":"x"}'
done
expect_same_snapshot before
expect_no_write
server_stop

tcase "a viewer's writes within sight: 403 with a problem, and nothing changes" "$FX"
server_start
snapshot before
last_audit
last_entry=$LAST_AUDIT
TOKEN=$TOKEN_aview
w() {
	send "$@"
	expect_problem 403
	expect_json 'd["type"] == "/api/v1/problems/denied" and "viewer" in d["detail"]'
}
w PATCH /api/v1/orgs/A1 '{"militia":3}'
w POST /api/v1/orgs '{"code":"A1N","parent_code":"A1","name":"x","kind":"cell"}'
w POST /api/v1/orgs/A1C/rename '{"name":"x"}'
w POST /api/v1/orgs/A1D/move '{"to":"A"}'
w POST /api/v1/orgs/A1D/merge '{"into":"A1C"}'
w POST /api/v1/orgs/A1D/split '{"assign":[]}'
w POST /api/v1/orgs/A1D/dissolve '{}'
w POST /api/v1/members "$(member_json A1C "Hà Văn Mới")"
w PATCH "/api/v1/members/$MEMBER_A" '{"rank":"x"}'
w POST "/api/v1/members/$MEMBER_A/status" '{"status":"exempt"}'
w POST "/api/v1/members/$MEMBER_A/transfers" '{"to":"A1C"}'
w POST "/api/v1/transfers/$TRANSFER_A/receive" '{}'
w POST "/api/v1/transfers/$TRANSFER_A/return" '{}'
w POST "/api/v1/transfers/$TRANSFER_A/cancel" '{"reason":"x"}'
w POST "/api/v1/members/$MEMBER_A/reviews" '{"year":2025,"step":"self","grade":"good"}'
w POST /api/v1/reviews '{"reviews":[{"member_id":'"$MEMBER_A"',"year":2025,"grade":"good"}]}'
w POST /api/v1/orgs/A1C/reviews '{"year":2025,"step":"self","grade":"good"}'
w POST /api/v1/discipline '{"member_id":'"$MEMBER_A"',"form":"reprimand","body":"A1","reason":"x"}'
w POST /api/v1/discipline '{"org_code":"A1C","form":"reprimand","body":"A1","reason":"x"}'
japi POST /api/v1/rules '{"id":"R-REVIEW-EXCELLENT-QUOTA","value":"50","from":"2025-01-01","source":"x"}'
expect_problem 403
printf 'code,parent_code,name,kind\nA1N,A1,x,cell\n' >"$WORK/o.csv"
capi POST /api/v1/import/orgs "$WORK/o.csv"
expect_problem 403
capi POST /api/v1/import/members "$WORK/o.csv"
expect_problem 403
expect_same_snapshot before
TOKEN=$TOKEN_admin
api GET /api/v1/transfers
expect_json 'sorted(t["state"] for t in d["items"]) == ["sent","sent"]'
last_audit
expect_eq "no audit entry for the refused writes" "$last_entry" "$LAST_AUDIT"
server_stop

tcase "public holidays: every role reads them; only the whole-tree system administrator edits them" "$FX"
server_start
snapshot before
for role in aview aclerk aadmin bclerk; do
	TOKEN=$(eval echo "\$TOKEN_$role")
	api GET "/api/v1/holidays?year=2026"
	expect_status 200
	expect_json '"2026-02-17" in [h["date"] for h in d["items"]]' "$role reads the calendar"
	japi POST /api/v1/holidays '{"date":"2026-12-24","name":"x"}'
	expect_problem 403
	api DELETE /api/v1/holidays/2026-02-17
	expect_problem 403
done
expect_same_snapshot before
TOKEN=$TOKEN_admin
japi POST /api/v1/holidays '{"date":"2026-12-24","name":"Ngày thử"}'
expect_status 201
api DELETE /api/v1/holidays/2026-12-24
expect_status 200
api GET "/api/v1/holidays?year=2026"
expect_json '"2026-12-24" not in [h["date"] for h in d["items"]]'
server_stop

done_testing
