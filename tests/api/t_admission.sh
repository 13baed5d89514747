#!/bin/bash
# The admissions API (docs/admissions.md "API"): a candidate added and read back, every step
# of a case from candidate to official member with a failed cell vote on the way, the
# timeline, the due list and the board; bad input answered with every field's problem and
# nothing written; the import of candidates (a good file; a file with several bad rows, all
# listed, nothing imported; --skip-bad); the list as CSV and XLSX.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
DB=$FX
# Two more official members of A1C (madd: official since 2016-03-15): the cell has three
# official members, so a vote passes with 2 for (3 * 2 >= 2 * 3) and fails with 1.
madd A1C "Lê Thị Cúc"
M2=$MID
madd A1C "Phạm Văn Dũng"
M3=$MID
cadre org add A1D --parent A1 --name "Chi bộ Đại đội A1D" --kind cell --date 2005-01-01
[ "$RC" = 0 ] || fail "fixture: org add A1D" "exit 0" "exit $RC: $ERR"
DB=$WORK/none.db
[ -n "$M2" ] && [ -n "$M3" ] || fail "fixture: two members" "ids" "$M2 $M3"

# The newest audit entry that is a change (reads are entries too: docs/audit.md).
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
# cases ORG: CASES = the number of cases (every stage) of ORG, as the administrator sees them.
cases() {
	local save=$TOKEN
	TOKEN=$TOKEN_admin
	api GET "/api/v1/admissions?org=$1&stage=all&limit=500"
	json_val 'd["total"]'
	CASES=$JV
	TOKEN=$save
}
# step ID JSON [STATUS]: record a step of case ID as $TOKEN, expecting STATUS (201).
step() {
	japi POST "/api/v1/admissions/$1/steps" "$2"
	expect_status "${3:-201}"
}

CAND='{"org":"A1C","full_name":"Lò Văn Minh","sex":"male","birth_date":"2000-04-12","ethnicity":"Thái","hometown":"Sơn La","source":"soldier","listed_on":"2024-01-05"}'

tcase "a candidate added, read back, listed (JSON page, CSV, XLSX), on the board" "$FX"
server_start
TOKEN=$TOKEN_aclerk
japi POST /api/v1/admissions "$CAND"
expect_status 201
expect_header '^location: /api/v1/admissions/[0-9]+'
expect_json 'd["stage"] == "candidate" and d["org"] == "A1C" and d["name"] == "Lò Văn Minh" and d["source"] == "soldier" and d["listed_on"] == "2024-01-05" and d["member_id"] == 0 and d["closed"] is False' \
	"the case as stored"
json_val 'd["id"]'
ID=$JV
api GET "/api/v1/admissions/$ID"
expect_status 200
expect_json 'd["id"] == '"$ID"' and d["ethnicity"] == "Thái" and d["hometown"] == "Sơn La" and d["stage"] == "candidate"'
api GET "/api/v1/admissions?org=A1C"
expect_status 200
expect_json 'd["total"] == 1 and [c["id"] for c in d["items"]] == ['"$ID"'] and d["next"] is None and d["offset"] == 0' \
	"the list holds the case, a page of it"
api GET "/api/v1/admissions?org=A1C&stage=class"
expect_json 'd["total"] == 0 and d["items"] == []' "no case at stage class"
api GET "/api/v1/admissions?org=A1C&stage=nonsense"
expect_problem 400 stage
api GET "/api/v1/admissions?org=A1C" -H 'Accept: text/csv'
expect_status 200
expect_eq "CSV content type" "text/csv; charset=utf-8" "$CTYPE"
expect_header '^content-disposition: attachment; filename="admissions-A1C.csv"'
expect_py 'read("'"$OUTF"'").decode().splitlines()[0] == "id,org,full_name,sex,birth_date,source,listed_on,stage,stage_since,due,due_from,due_on,overdue,failed_votes,member_id"' \
	"the CSV's header"
expect_py '[(r["id"], r["full_name"], r["stage"], r["source"]) for r in rows("'"$OUTF"'")] == [("'"$ID"'", "Lò Văn Minh", "candidate", "soldier")]' \
	"one record, the candidate's"
api GET "/api/v1/admissions?org=A1C&format=xlsx"
expect_status 200
expect_eq "XLSX content type" "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" "$CTYPE"
expect_eq "an XLSX is a zip" "PK" "$(head -c 2 "$OUTF")"
api GET "/api/v1/admissions/board?org=A1"
expect_status 200
expect_json '[s["count"] for s in d["stages"] if s["stage"] == "candidate"] == [1] and d["total"] == 1' \
	"the board counts the candidate"
api GET /api/v1/admissions/board
expect_problem 400 org
TOKEN=$TOKEN_admin
api GET "/api/v1/audit?limit=50"
expect_json 'any(e["action"] == "admissions.list" and e["subject"] == "org:A1C" for e in d["items"])' \
	"a page of the list is an audit entry"
expect_json 'any(e["action"] == "admissions.export" and "csv" in json.dumps(e.get("after")) for e in d["items"])' \
	"a CSV download is an audit entry"
expect_json 'any(e["action"] == "admission.read" and e["subject"] == "admission:'"$ID"'" for e in d["items"])' \
	"opening the case is an audit entry"
server_stop

tcase "bad input: every field's problem at once, nothing written" "$FX"
server_start
TOKEN=$TOKEN_aclerk
last_change
japi POST /api/v1/admissions '{"org":"A1C","full_name":"Lò Văn Minh","sex":"male","birth_date":"2000-04-12","source":"soldier","colour":"red","listed_on":5}'
expect_problem 422 colour listed_on
japi POST /api/v1/admissions '{"full_name":"","sex":"","birth_date":"2001-02-30","source":"army","listed_on":"2024-13-01"}'
expect_problem 422 org full_name sex birth_date source listed_on
expect_json 'len(d["errors"]) >= 6' "six problems, one answer"
japi POST /api/v1/admissions '{"org":"A1C","full_name":"Lò Văn Minh","sex":"male","birth_date":"2000-04-12","ethnicity":"Kinh","hometown":"Huế","source":"soldier","listed_on":"2030-01-01"}'
expect_status_in() { case " $1 " in *" $STATUS "*) pass ;; *) fail "$LAST_CMD: status" "$1" "$STATUS: $(head -c 300 "$OUTF")" ;; esac; }
expect_status_in "409 422"
japi POST /api/v1/admissions '{"org":"B1C","full_name":"Lò Văn Minh","sex":"male","birth_date":"2000-04-12","ethnicity":"Kinh","hometown":"Huế","source":"soldier","listed_on":"2024-01-05"}'
expect_problem 404
japi POST /api/v1/admissions/999999/steps '{"step":"class","date":"2024-03-01","detail":{"course":"K1","result":"passed"}}'
expect_problem 404
expect_no_change
cases A1C
expect_eq "no case was opened" 0 "$CASES"
# A step with bad input: the case is unchanged.
japi POST /api/v1/admissions "$CAND"
expect_status 201
json_val 'd["id"]'
ID=$JV
last_change
step "$ID" '{"step":"class","date":"2024-03-01","for":-1,"mentor_id":0,"detail":[]}' 422
expect_problem 422 for mentor_id detail
step "$ID" '{"step":"class","date":"2024-02-30"}' 422
expect_problem 422 date
step "$ID" '{"step":"vote","number":"'"$(printf 'x%.0s' $(seq 1 80))"'"}' 422
expect_problem 422 step number
step "$ID" '{"step":"cell_vote","date":"2024-03-01","present":3,"for":2,"against":0}' 409
expect_json 'len(d["errors"]) >= 1' "a step out of order is refused"
step "$ID" '{"step":"application","date":"2024-03-01","introducers":[{"member_id":1},{"member_id":2},{"member_id":3}]}' 422
expect_problem 422 introducers
expect_no_change "refused steps"
api GET "/api/v1/admissions/$ID/steps"
expect_json '[s["step"] for s in d["items"]] == ["listed"]' "only the listing in the timeline"
server_stop

tcase "every step from candidate to official member, with a failed cell vote on the way" "$FX"
server_start
TOKEN=$TOKEN_aclerk
japi POST /api/v1/admissions "$CAND"
expect_status 201
json_val 'd["id"]'
ID=$JV
step "$ID" '{"step":"class","date":"2024-03-01","number":"GCN-0042","detail":{"course":"Lớp K12","result":"passed"}}'
expect_json 'd["step"] == "class" and d["number"] == "GCN-0042" and d["detail"]["course"] == "Lớp K12" and d["admission"]["stage"] == "class"'
step "$ID" '{"step":"application","date":"2024-06-01","introducers":[{"member_id":'"$MEMBER_A"',"worked_since":"2020-01-01"},{"member_id":'"$M2"',"worked_since":"2021-05-01"}]}'
expect_json 'd["admission"]["stage"] == "applied" and sorted(i["member_id"] for i in d["introducers"]) == sorted(['"$MEMBER_A"', '"$M2"'])'
step "$ID" '{"step":"verification","date":"2024-07-01","detail":{"verifier":"Đồng chí Hà","conclusion":"clear"}}'
expect_json 'd["admission"]["stage"] == "verified"'
# A failed cell vote: 1 of the 3 official members for; recorded, the case stays verified.
step "$ID" '{"step":"cell_vote","date":"2024-08-01","present":3,"for":1,"against":2}'
expect_json 'd["passed"] is False and d["eligible"] == 3 and d["for"] == 1 and d["admission"]["stage"] == "verified"' \
	"a failed vote: eligible counted (3), the case stays verified"
# More votes than the cell's official members: refused with the counts' field.
step "$ID" '{"step":"cell_vote","date":"2024-09-01","present":4,"for":4,"against":0}' 422
step "$ID" '{"step":"cell_vote","date":"2024-09-01","present":3,"for":2,"against":1}'
expect_json 'd["passed"] is True and d["admission"]["stage"] == "cell_passed"' "2 of 3 passes"
# The committee's vote needs a role covering A1: aclerk (scope A) has it.
step "$ID" '{"step":"committee_vote","date":"2024-09-15","org":"A1","eligible":9,"present":9,"for":7,"against":2}'
expect_json 'd["passed"] is True and d["admission"]["stage"] == "committee_passed"'
step "$ID" '{"step":"decision","date":"2024-10-01","org":"A","number":"QĐ-123","passed":true}'
expect_json 'd["passed"] is True and d["number"] == "QĐ-123" and d["admission"]["stage"] == "decided"'
api GET "/api/v1/admissions/due?org=A1C&as_of=2024-10-02"
expect_status 200
expect_json '[(c["id"], c["due"]["kind"], c["due"]["overdue"]) for c in d["items"]] == [('"$ID"', "ceremony", False)]' \
	"the ceremony is due"
# A page of the due list: the total counts every item, only the page's are given.
api GET "/api/v1/admissions/due?org=A1C&as_of=2024-10-02&limit=1"
expect_json 'd["total"] == 1 and d["limit"] == 1 and d["next"] is None and [c["id"] for c in d["items"]] == ['"$ID"']' \
	"a page of one: the total and the one item"
api GET "/api/v1/admissions/due?org=A1C&as_of=2024-10-02&offset=1&limit=1"
expect_json 'd["total"] == 1 and d["items"] == []' "past the end: no item, the same total"
api GET "/api/v1/admissions/due?org=A1C&limit=0"
expect_status 400
api GET "/api/v1/admissions/due?org=A"
json_val '[[c["id"], c.get("member_id"), c["due"]["kind"]] for c in d["items"]]'
ALLDUE=$JV
api GET "/api/v1/admissions/due?org=A&offset=0&limit=1"
expect_json 'len(json.loads('"'$ALLDUE'"')) >= 1 and d["total"] == len(json.loads('"'$ALLDUE'"')) and [[c["id"], c.get("member_id"), c["due"]["kind"]] for c in d["items"]] == json.loads('"'$ALLDUE'"')[0:1]' \
	"today's due list a page at a time: the same items in the same order as the whole list"
api GET "/api/v1/admissions/due?org=A1C&as_of=2024-10-02" -H 'Accept: text/csv'
expect_eq "the due list as CSV" "text/csv; charset=utf-8" "$CTYPE"
expect_py '[(r["id"], r["due"], r["overdue"]) for r in rows("'"$OUTF"'")] == [("'"$ID"'", "ceremony", "no")]'
step "$ID" '{"step":"ceremony","date":"2024-10-15","mentor_id":'"$MEMBER_A"'}'
expect_json 'd["admission"]["stage"] == "probation" and d["admission"]["member_id"] > 0 and d["admission"]["mentor_id"] == '"$MEMBER_A"
json_val 'd["admission"]["member_id"]'
NEW=$JV
api GET "/api/v1/members/$NEW"
expect_json 'd["status"] == "probationary" and d["admission_decision_date"] == "2024-10-01" and d["admission_ceremony_date"] == "2024-10-15"' \
	"the ceremony made the probationary member with the roll's dates"
step "$ID" '{"step":"recognition_vote","date":"2025-10-20","present":3,"for":3,"against":0}'
expect_json 'd["passed"] is True and d["admission"]["stage"] == "official" and d["admission"]["closed"] is True'
api GET "/api/v1/members/$NEW"
expect_json 'd["status"] == "official" and d["official_date"] == "2025-10-15"' \
	"official from the end of probation"
api GET "/api/v1/admissions/$ID/steps"
expect_status 200
expect_json '[s["step"] for s in d["items"]] == ["listed", "class", "application", "verification", "cell_vote", "cell_vote", "committee_vote", "decision", "ceremony", "recognition_vote"]' \
	"the timeline in order"
expect_json '[s["passed"] for s in d["items"] if s["step"] == "cell_vote"] == [False, True] and all(s["recorded_by"] for s in d["items"])'
api GET "/api/v1/admissions?org=A1C"
expect_json 'd["total"] == 0' "an official member's case is closed: not among the open ones"
api GET "/api/v1/admissions?org=A1C&stage=official"
expect_json '[c["id"] for c in d["items"]] == ['"$ID"']'
server_stop

# to_probation ID: as $TOKEN, the steps of case ID up to its ceremony on 2024-10-15.
to_probation() {
	local id=$1 b
	for b in '{"step":"class","date":"2024-03-01","detail":{"course":"K12","result":"passed"}}' \
		'{"step":"application","date":"2024-06-01","introducers":[{"member_id":'"$MEMBER_A"',"worked_since":"2020-01-01"},{"member_id":'"$M2"',"worked_since":"2020-01-01"}]}' \
		'{"step":"verification","date":"2024-07-01","detail":{"verifier":"Hà","conclusion":"clear"}}' \
		'{"step":"cell_vote","date":"2024-09-01","present":3,"for":3,"against":0}' \
		'{"step":"committee_vote","date":"2024-09-15","eligible":9,"present":9,"for":9,"against":0}' \
		'{"step":"decision","date":"2024-10-01","number":"QĐ-7","passed":true}' \
		'{"step":"ceremony","date":"2024-10-15","mentor_id":'"$M2"'}'; do
		step "$id" "$b"
	done
}

tcase "the other steps: withdrawal, transfer, three failed recognition votes and the ruling above" "$FX"
server_start
TOKEN=$TOKEN_aclerk
japi POST /api/v1/admissions "$CAND"
json_val 'd["id"]'
W=$JV
step "$W" '{"step":"withdrawal","date":"2024-02-01"}' 422
expect_problem 422 reason
step "$W" '{"step":"withdrawal","date":"2024-02-01","detail":{"reason":"chuyển công tác"}}'
expect_json 'd["step"] == "withdrawal" and d["admission"]["stage"] == "withdrawn" and d["admission"]["closed"] is True'
step "$W" '{"step":"class","date":"2024-03-01","detail":{"course":"K12","result":"passed"}}' 409
japi POST /api/v1/admissions '{"org":"A1C","full_name":"Đèo Văn Long","sex":"male","birth_date":"1999-01-01","ethnicity":"Thái","hometown":"Lai Châu","source":"squad_leader","listed_on":"2024-01-05"}'
json_val 'd["id"]'
T=$JV
step "$T" '{"step":"transfer","date":"2024-02-01","org":"A1D"}'
expect_json 'd["step"] == "transfer" and d["org"] == "A1D" and d["admission"]["org"] == "A1D" and d["admission"]["stage"] == "candidate"'
step "$T" '{"step":"transfer","date":"2024-02-02","org":"B1C"}' 404
api GET "/api/v1/admissions?org=A1D"
expect_json '[c["id"] for c in d["items"]] == ['"$T"']' "the case is kept by A1D now"
japi POST /api/v1/admissions '{"org":"A1C","full_name":"Lù Văn Páo","sex":"male","birth_date":"1998-05-05","ethnicity":"H'"'"'Mông","hometown":"Hà Giang","source":"soldier","listed_on":"2024-01-05"}'
json_val 'd["id"]'
R=$JV
to_probation "$R"
json_val 'd["admission"]["member_id"]'
RM=$JV
for day in 2025-10-20 2025-11-20 2025-12-22; do
	step "$R" '{"step":"recognition_vote","date":"'"$day"'","present":3,"for":1,"against":2}'
	expect_json 'd["passed"] is False' "a failed recognition vote on $day"
done
api GET "/api/v1/admissions/$R"
expect_json 'd["stage"] == "referred" and d["failed_votes"] == 3' "three failed votes: referred to the committee above"
TOKEN=$TOKEN_aclerk
step "$R" '{"step":"upper_ruling","date":"2026-01-10","number":"QĐ-99","passed":false}' 422
expect_problem 422 reason
step "$R" '{"step":"upper_ruling","date":"2026-01-10","number":"QĐ-99","passed":false,"detail":{"reason":"không đủ tư cách đảng viên"}}'
expect_json 'd["passed"] is False and d["admission"]["stage"] == "removed" and d["admission"]["closed"] is True'
api GET "/api/v1/members/$RM"
expect_json 'd["status"] == "removed"' "the probationer removed from the rolls"
api GET "/api/v1/admissions/$R/steps"
expect_json '[s["step"] for s in d["items"]][-4:] == ["recognition_vote", "recognition_vote", "recognition_vote", "upper_ruling"]'
server_stop

tcase "the import of candidates: a good file; a file of bad rows, all listed, nothing imported" "$FX"
server_start
TOKEN=$TOKEN_aclerk
cat >"$WORK/good.csv" <<'CSV'
org,full_name,sex,birth_date,source,listed_on,ethnicity,hometown
A1C,Lò Văn Minh,male,2003-04-12,soldier,2026-03-02,Thái,Sơn La
A1C,Hoàng Thị Lan,nữ,2004-09-30,youth_union,2026-03-02,Tày,Cao Bằng
CSV
capi POST /api/v1/import/candidates "$WORK/good.csv"
expect_status 200
expect_json 'd["imported"] == "candidates" and d["rows"] == 2 and d["imported_rows"] == 2 and d["rejected"] == 0'
cases A1C
expect_eq "two cases opened" 2 "$CASES"
api GET "/api/v1/admissions?org=A1C"
expect_json 'sorted(c["name"] for c in d["items"]) == ["Hoàng Thị Lan", "Lò Văn Minh"] and [c["sex"] for c in d["items"] if c["name"] == "Hoàng Thị Lan"] == ["female"]'
cat >"$WORK/bad.csv" <<'CSV'
org,full_name,sex,birth_date,source,listed_on,ethnicity,hometown
A1C,Vi Văn Tú,male,2003-02-30,soldier,2026-03-02,Kinh,Huế
A1C,Ma Thị Mai,female,2002-01-01,army,2026-03-02,Kinh,Huế
A1C,Nông Văn Sơn,male,2001-06-01,other,,Kinh,Huế
A1C,Lương Văn Hải,male,2001-06-01,other,2026-03-02,Kinh,Huế
A1C,Lò Văn Minh,male,2003-04-12,soldier,2026-03-02,Thái,Sơn La
CSV
last_change
capi POST /api/v1/import/candidates "$WORK/bad.csv"
expect_problem 422 birth_date source listed_on
expect_json 'sorted({e["line"] for e in d["errors"]}) == [2, 3, 4, 6]' \
	"every bad row listed with its line (line 6: already a case)"
expect_json 'any(e["line"] == 2 and e["field"] == "birth_date" for e in d["errors"]) and any(e["line"] == 3 and e["field"] == "source" for e in d["errors"]) and any(e["line"] == 4 and e["field"] == "listed_on" for e in d["errors"])'
cases A1C
expect_eq "nothing imported (the good row on line 5 neither)" 2 "$CASES"
expect_no_change "a refused import"
capi POST "/api/v1/import/candidates?skip_bad=1" "$WORK/bad.csv"
expect_status 200
expect_json 'd["imported_rows"] == 1 and d["rejected"] == 4 and d["rejected_csv"].splitlines()[0].endswith(",error") and len(d["rejected_csv"].splitlines()) == 5' \
	"skip_bad: the good row in, the bad ones back with their reasons"
cases A1C
expect_eq "one more case" 3 "$CASES"
# An Idempotency-Key: the same import sent twice is done once.
printf 'org,full_name,sex,birth_date,source,listed_on,ethnicity,hometown\nA1C,Đinh Văn Quý,male,2002-02-02,other,2026-04-01,Mường,Hòa Bình\n' >"$WORK/once.csv"
capi POST /api/v1/import/candidates "$WORK/once.csv" -H 'Idempotency-Key: adm-once-1'
expect_status 200
expect_json 'd["imported_rows"] == 1'
capi POST /api/v1/import/candidates "$WORK/once.csv" -H 'Idempotency-Key: adm-once-1'
expect_status 200
expect_header '^idempotent-replayed: true'
expect_json 'd["replayed"] is True and d["imported_rows"] == 1'
cases A1C
expect_eq "imported once" 4 "$CASES"
# Prefer: respond-async: a job of kind candidates, whose result is the import's answer.
printf 'org,full_name,sex,birth_date,source,listed_on,ethnicity,hometown\nA1C,Sầm Văn Hoan,male,2002-03-03,other,2026-04-01,Thái,Nghệ An\n' >"$WORK/job.csv"
capi POST /api/v1/import/candidates "$WORK/job.csv" -H 'Prefer: respond-async'
expect_status 202
expect_header '^preference-applied: respond-async'
expect_json 'd["kind"] == "candidates"'
json_val 'd["url"]'
JOB=$JV
n=0
api GET "$JOB"
while json_val 'd["state"]' && { [ "$JV" = queued ] || [ "$JV" = running ]; } && [ $n -lt 3000 ]; do
	api GET "$JOB"
	n=$((n + 1))
done
expect_json 'd["state"] == "done" and d["result"]["imported"] == "candidates" and d["result"]["imported_rows"] == 1' \
	"the job imported the candidate"
cases A1C
expect_eq "one more case by the job" 5 "$CASES"
printf 'org,full_name\nA1C,x\n' >"$WORK/short.csv"
capi POST /api/v1/import/candidates "$WORK/short.csv"
expect_problem 422 sex birth_date source listed_on
TOKEN=$TOKEN_aview
capi POST /api/v1/import/candidates "$WORK/good.csv"
expect_problem 403
server_stop

done_testing
