#!/bin/bash
# t_jobs.sh - the page of an import job (/import/jobs/{id}), read from the jobs kept in the
# database (src/app/app_job.c): the progress of one under way (a Refresh header, no script),
# who may see it (its account and the administrators over it; anyone else the 404 of a job
# that does not exist), and after a restart the job left running shown as interrupted, with
# nothing imported and the form to import the file again, in English and Vietnamese. The
# whole run of a real job and its report: t_feedback.sh. And the worklist (the home page) as a
# CSV or XLSX download.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"
. "$HERE/lib_forms.sh"

FX=$WORK/fx.db
http_fixture "$FX"

tcase "the progress of a job under way, for its account and the administrators over it" "$FX"
server_start
AC=$(sqlite3 "$DB" "SELECT id FROM account WHERE name = 'aclerk'")
JOB=$(sqlite3 "$DB" "INSERT INTO import_job(kind, account, account_id, scope, file_name, sha256, state, bytes_done, bytes_total, started) VALUES ('members', 'aclerk', $AC, 'A', '${EVIL//\'/\'\'}', '', 'running', 500, 2000, '2026-12-07T01:00:00Z'); SELECT last_insert_rowid();")
login aclerk
page GET "/import/jobs/$JOB"
expect_status 200
expect_header '^refresh: 2'
expect_out_contains '<progress id="job-progress" max="2000" value="500"></progress>'
expect_out_contains '<span id="job-percent">25%</span>'
expect_out_contains 'The import is under way; this page follows it.'
expect_out_contains "<p id=\"job-file\">$EVIL_ESC</p>"
expect_html_valid
expect_escaped
for who in aadmin admin; do
	login "$who"
	page GET "/import/jobs/$JOB"
	expect_status 200
	expect_out_contains 'value="500"'
done
login bclerk
page GET /import/jobs/999999
expect_status 404
ghost=$(grep -o '<main.*</main>' "$OUTF" | head -c 2000)
page GET "/import/jobs/$JOB"
expect_status 404
expect_eq "bclerk: the 404 of a job that does not exist" "${ghost//999999/$JOB}" "$(grep -o '<main.*</main>' "$OUTF" | head -c 2000)"
login aview
page GET "/import/jobs/$JOB"
expect_status 404

tcase "the worklist's page offers its items as CSV and XLSX"
DB=$WORK/case1.db
login aclerk
page GET /
expect_status 200
expect_out_contains '<a id="list-csv" href="/?format=csv">CSV</a> <a id="list-xlsx" href="/?format=xlsx">XLSX</a>'
page GET "/?format=csv"
expect_status 200
expect_header '^content-disposition: attachment; filename="worklist.csv"'
expect_eq "the worklist as CSV" "Organisation,Review year,Item,Count,Link
A,2026,Transfers to receive,0,/transfers
A,2026,Overdue transfers,0,/transfers
A,2026,Members not yet reviewed for the year,1,/orgs/A/report/members?year=2026&filter=grade%3Dnone
A,2026,Members whose numbers clash with another member's,0,/worklist/number-clash
A,2026,Admission ceremonies not held in time,0,/admissions/due?org=A&kind=ceremony_overdue
A,2026,Recognition votes due within 30 working days,0,/admissions/due?org=A&kind=recognition_due
A,2026,Recognition votes overdue,0,/admissions/due?org=A&kind=recognition_overdue
A,2026,Admission cases awaiting the committee above,0,/admissions/due?org=A&kind=upper
A,2026,Cells without last month's monthly meeting,1,/orgs/A/meetings/figures?from=2026-10-01&to=2026-10-31&show=missed_monthly
A,2026,Cells without a thematic meeting last quarter,1,/orgs/A/meetings/figures?from=2026-07-01&to=2026-09-30&show=missed_thematic
A,2026,Members absent without reason too often,0,/orgs/A/meetings/figures?from=2026-01-01&to=2026-11-23&show=absentees
A,2026,\"Key posts vacant or acting, committees short\",0,/orgs/A/vacancies" "$(tr -d '\r' <"$OUTF")"
page GET "/?format=xlsx"
expect_status 200
expect_true "an XLSX workbook (a zip)" test "$(head -c 2 "$OUTF")" = PK
page GET "/?format=pdf"
expect_status 400
server_stop

tcase "after a restart: interrupted, nothing imported, the form to import again"
DB=$WORK/case1.db
server_start
login aclerk
page GET "/import/jobs/$JOB"
expect_status 200
if grep -qi '^refresh:' "$HDRF"; then fail "no Refresh on an interrupted job" "none" "refresh"; else pass; fi
expect_out_contains '<p id="job-interrupted" role="alert">This import was interrupted: the server stopped before it ended. An import is all or nothing, so nothing of this file was imported. Choose the file again to run the import again.</p>'
expect_out_contains 'id="import-form"'
expect_html_valid
expect_escaped
expect_eq "the row" "interrupted" "$(sqlite3 "$DB" "SELECT state FROM import_job WHERE id = $JOB")"
HTTP_LANG=vi
login aclerk
page GET "/import/jobs/$JOB"
expect_out_contains 'Việc nhập này đã bị gián đoạn'
HTTP_LANG=en
server_stop

done_testing
