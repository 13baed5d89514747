#!/bin/bash
# t_jobs.sh - imports as jobs (Prefer: respond-async): 202 with the job's address, its state
# and progress, the answer once done (the very answer of the same import made at once), a
# failed job's problems, the owner check (another account gets the 404 of a job that does
# not exist; an administrator over the subtree sees it), the list of one's jobs, jobs a
# stopped server left running marked interrupted when it starts again, and a server stopped
# during a job (interrupted with nothing written, or done with every row).
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
python3 - "$WORK/many.csv" "$WORK/bad.csv" <<'PY'
import sys
head = "org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status\n"
with open(sys.argv[1], "w") as f:
    f.write(head)
    for i in range(300):
        f.write("A1C,Vũ Văn Nhập %d,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,"
                "2016-03-15,official\n" % i)
with open(sys.argv[2], "w") as f:
    f.write(head)
    f.write("A1C,Vũ Văn Sai,male,1990-02-30,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official\n")
    f.write("A1C,Vũ Văn Đúng,male,1990-02-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official\n")
PY

# follow URL: ask for the job until it is neither queued nor running (bounded, no sleep).
follow() {
	local n=0
	api GET "$1"
	while json_val 'd["state"]' && { [ "$JV" = queued ] || [ "$JV" = running ]; } && [ $n -lt 3000 ]; do
		api GET "$1"
		n=$((n + 1))
	done
}

tcase "the answer at once: the same import made synchronously, on a copy of the database"
DB=$WORK/sync.db
cp "$FX" "$DB"
server_start
TOKEN=$TOKEN_aclerk
capi POST /api/v1/import/members "$WORK/many.csv"
expect_status 200
cp "$OUTF" "$WORK/sync.json"
capi POST /api/v1/import/members "$WORK/bad.csv"
expect_problem 422 birth_date
cp "$OUTF" "$WORK/sync_bad.json"
server_stop

tcase "Prefer: respond-async: 202, Location, then the state, the progress and the same answer"
cp "$FX" "$WORK/job.db"
JOBDB=$WORK/job.db
DB=$JOBDB
server_start
TOKEN=$TOKEN_aclerk
capi POST /api/v1/import/members "$WORK/many.csv" -H 'Prefer: respond-async'
expect_status 202
expect_header '^location: /api/v1/import/jobs/[0-9]+'
expect_header '^preference-applied: respond-async'
expect_json "d['kind'] == 'members' and d['state'] in ('queued', 'running', 'done') and d['total'] == $(stat -c %s "$WORK/many.csv")" "the job: its kind, state and size"
json_val 'd["url"]'
JOB=$JV
expect_eq "Location is the job's url" "$JOB" "$(grep -i -m1 '^location:' "$HDRF" | sed 's/^[^:]*: *//; s/\r$//')"
follow "$JOB"
expect_status 200
expect_json "d['state'] == 'done' and d['done'] == d['total'] and d['ended'] and d['error'] is None" "done, all of it read"
expect_json "d['result']['imported_rows'] == 300 and d['result']['rows'] == 300" "300 imported"
python3 - "$WORK/sync.json" "$OUTF" <<'PY' && pass || fail "the job's result is the synchronous answer" "equal" "$(head -c 300 "$OUTF")"
import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
sys.exit(0 if a == b["result"] and b["report"] == a["report"] else 1)
PY
expect_eq "on the roll" 300 "$(sqlite3 "$DB" "SELECT count(*) FROM member WHERE full_name LIKE 'Vũ Văn Nhập %'")"
expect_eq "the row in import_job" "done|aclerk|A|members" "$(sqlite3 "$DB" "SELECT state, account, scope, kind FROM import_job WHERE id = ${JOB##*/}")"

tcase "a failed job: the synchronous problem, nothing imported"
DB=$JOBDB
capi POST /api/v1/import/members "$WORK/bad.csv" -H 'Prefer: respond-async'
expect_status 202
json_val 'd["url"]'
BAD=$JV
follow "$BAD"
expect_json "d['state'] == 'failed' and d['result'] is None and d['error']['status'] == 422" "failed with a 422 problem"
python3 - "$WORK/sync_bad.json" "$OUTF" <<'PY' && pass || fail "the job's problems are the synchronous ones" "equal" "$(head -c 300 "$OUTF")"
import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))["error"]
sys.exit(0 if a["errors"] == b["errors"] and a["type"] == b["type"] and a["detail"] == b["detail"] else 1)
PY
expect_eq "nothing of the bad file" 0 "$(sqlite3 "$DB" "SELECT count(*) FROM member WHERE full_name LIKE 'Vũ Văn Đúng'")"

tcase "who sees a job: its account and the administrators over it; others get the 404 of no job"
DB=$JOBDB
api GET /api/v1/import/jobs/999999
expect_problem 404
ghost=$OUT
for who in bclerk aview; do
	TOKEN=$(eval echo "\$TOKEN_$who")
	api GET "$JOB"
	expect_problem 404
	expect_eq "$who: the same 404 as a job that does not exist" "${ghost//999999/${JOB##*/}}" "$OUT"
	api GET /api/v1/import/jobs
	expect_json "d['total'] == 0 and d['items'] == []" "$who has no jobs"
done
for who in aadmin admin; do
	TOKEN=$(eval echo "\$TOKEN_$who")
	api GET "$JOB"
	expect_status 200
	expect_json "d['state'] == 'done' and d['account'] == 'aclerk'" "$who (an administrator over A) sees it"
done
TOKEN=$TOKEN_aclerk
api GET /api/v1/import/jobs
expect_status 200
expect_json "d['total'] == 2 and [j['state'] for j in d['items']] == ['failed', 'done'] and d['next'] is None" "aclerk's two jobs, newest first"
api GET "/api/v1/import/jobs?limit=1"
expect_json "d['total'] == 2 and len(d['items']) == 1 and d['next'].endswith('offset=1')" "a page of one"
api GET "/api/v1/import/jobs?color=red"
expect_problem 400

tcase "a viewer cannot start a job: 403, no job"
DB=$JOBDB
TOKEN=$TOKEN_aview
capi POST /api/v1/import/members "$WORK/many.csv" -H 'Prefer: respond-async'
expect_problem 403
expect_eq "no third job" 2 "$(sqlite3 "$DB" "SELECT count(*) FROM import_job")"

tcase "progress of a job under way (a row as a running job leaves it)"
DB=$JOBDB
AC=$(sqlite3 "$DB" "SELECT id FROM account WHERE name = 'aclerk'")
RUN=$(sqlite3 "$DB" "INSERT INTO import_job(kind, account, account_id, scope, file_name, sha256, state, bytes_done, bytes_total, started) VALUES ('members', 'aclerk', $AC, 'A', 'big.csv', '', 'running', 500, 2000, '2026-12-07T01:00:00Z'); SELECT last_insert_rowid();")
TOKEN=$TOKEN_aclerk
api GET "/api/v1/import/jobs/$RUN"
expect_status 200
expect_json "d['state'] == 'running' and d['done'] == 500 and d['total'] == 2000 and d['ended'] is None and d['result'] is None" "running, 500 of 2000 bytes"
server_stop

tcase "a restart marks the jobs left running interrupted"
DB=$JOBDB
server_start
api GET "/api/v1/import/jobs/$RUN"
expect_status 200
expect_json "d['state'] == 'interrupted' and d['ended'] and d['result'] is None" "interrupted, with its end"
api GET "$JOB"
expect_json "d['state'] == 'done'" "a finished job stays done"
python3 - "$WORK/more.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status\n")
    for i in range(3000):
        f.write("A1C,Lò Văn Dừng %d,male,1991-01-01,Thái,Sơn La,2015-03-01,2015-03-15,2016-03-15,official\n" % i)
PY
capi POST /api/v1/import/members "$WORK/more.csv" -H 'Prefer: respond-async'
expect_status 202
json_val 'd["id"]'
STOPPED=$JV
server_stop
state=$(sqlite3 "$DB" "SELECT state FROM import_job WHERE id = $STOPPED")
n=$(sqlite3 "$DB" "SELECT count(*) FROM member WHERE full_name LIKE 'Lò Văn Dừng %'")
expect_true "stopped during its job: interrupted with nothing, or done with all ($state, $n)" \
	test "$state:$n" = interrupted:0 -o "$state:$n" = done:3000

done_testing
