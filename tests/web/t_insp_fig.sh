#!/bin/bash
# t_insp_fig.sh - seed 004's footnote 7 on the web (/orgs/CODE/inspection-report,
# docs/inspection.md "The footnote-7 report"): the page in English and Vietnamese on
# hand-placed records (counts, the period form), every number linked to its list, the list
# page (rows, pages, CSV/XLSX), the print view (organisation, period, who printed it on every
# page), the downloads, the main report's inspection table linking to the list, the home
# page's inspection items, and the right (403 without it, 404 outside the subtree).
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"

FX=$WORK/fx.db
web_fixture "$FX"
tcase "the inspection report's pages" "$FX"
# A1C: 55 cases by plan (2025-01-01 ..) with violation, one on signs of violation in AX (the
# organisation named $EVIL) on 2025-06-30; B1C: one (outside A); a discipline of MEMBER_A by
# A1's inspection committee.
sqlite3 "$DB" >/dev/null <<SQL || fail "fixture: the records" "inserted" "sqlite3 failed"
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 55)
INSERT INTO insp_case(org_id, body_org_id, body, kind, decision_no, decision_on, period_from,
 period_to, conclusion, state, recorded_by)
 SELECT t.id, b.id, 'committee', 'plan', n.i || '-QĐ/ĐU',
  CAST(julianday('2025-01-01') - 2440587.5 AS INTEGER) + n.i, 0, 1, 'violation', 'closed', 'test'
 FROM n, org t JOIN org b ON b.code = 'A1' WHERE t.code = 'A1C';
INSERT INTO insp_case(org_id, body_org_id, body, kind, decision_no, decision_on, period_from,
 period_to, state, recorded_by)
 SELECT t.id, b.id, 'inspection', 'signs', '9-QĐ/UBKT', CAST(julianday('2025-06-30') - 2440587.5 AS INTEGER),
  CAST(julianday('2025-06-30') - 2440587.5 AS INTEGER), CAST(julianday('2025-07-30') - 2440587.5 AS INTEGER),
  'open', 'test' FROM org t JOIN org b ON b.code = 'A1' WHERE t.code = 'AX';
INSERT INTO insp_case(org_id, body_org_id, body, kind, decision_no, decision_on, period_from,
 period_to, state, recorded_by)
 SELECT t.id, b.id, 'committee', 'regular', '1-QĐ/ĐU', CAST(julianday('2025-03-03') - 2440587.5 AS INTEGER),
  0, 1, 'open', 'test' FROM org t JOIN org b ON b.code = 'B1' WHERE t.code = 'B1C';
SQL
cadre discipline add --member "$MEMBER_A" --form warning --body A1 --reason "vi phạm" --date 2025-05-05 --act-date 2025-04-01
sqlite3 "$DB" "UPDATE discipline SET body = 'inspection' WHERE member_id = $MEMBER_A"
server_start
login admin
expect_page "/orgs/A/inspection-report?from=2025-01-01&to=2025-06-30"
expect_out_contains 'id="insp-period"'
expect_out_contains '<input id="from" name="from" type="date" value="2025-01-01">'
expect_out_contains '<tr data-key="committee.inspection.orgs"><th scope="row">committees inspected party organisations</th><td class="n" data-col="total"><a href="/orgs/A/inspection-report/list?from=2025-01-01&amp;to=2025-06-30&amp;what=cases&amp;body=committee&amp;act=inspection&amp;target=orgs">55</a></td><td class="n" data-col="violation"><a href="/orgs/A/inspection-report/list?from=2025-01-01&amp;to=2025-06-30&amp;what=cases&amp;body=committee&amp;act=inspection&amp;target=orgs&amp;result=violation">55</a></td><td class="n" data-col="no_violation">0</td>'
expect_out_contains '<tr data-key="inspection.signs.orgs"><th scope="row">inspection committees inspected party organisations on signs of violation</th><td class="n" data-col="total"><a href="'
expect_out_contains 'data-col="grassroots_inspection"><a href="/orgs/A/inspection-report/list?from=2025-01-01&amp;to=2025-06-30&amp;what=discipline&amp;target=members&amp;form=warning&amp;level=grassroots&amp;body=inspection">1</a>'
expect_out_lacks 'B1C'
# the period narrowed: the case of 2025-06-30 falls out
expect_page "/orgs/A/inspection-report?from=2025-01-01&to=2025-06-29"
expect_out_contains '<tr data-key="inspection.signs.orgs"><th scope="row">inspection committees inspected party organisations on signs of violation</th><td class="n" data-col="total">0</td>'
# the list behind a number: 55 cases, 50 a page
expect_page "/orgs/A/inspection-report/list?from=2025-01-01&to=2025-06-30&what=cases&body=committee&act=inspection&target=orgs&result=violation"
expect_out_count 50 '<td>inspection by plan</td>'
expect_out_contains 'Page 1 / 2 · 55'
expect_out_contains '<a rel="next" href="/orgs/A/inspection-report/list?from=2025-01-01&amp;to=2025-06-30&amp;what=cases&amp;body=committee&amp;act=inspection&amp;target=orgs&amp;result=violation&amp;page=2">'
expect_out_contains 'id="list-csv" href="/orgs/A/inspection-report/list.csv?from=2025-01-01&amp;to=2025-06-30&amp;what=cases'
expect_page "/orgs/A/inspection-report/list?from=2025-01-01&to=2025-06-30&what=cases&body=committee&act=inspection&target=orgs&result=violation&page=2"
expect_out_count 5 '<td>inspection by plan</td>'
expect_page "/orgs/A/inspection-report/list?from=2025-01-01&to=2025-06-30&what=cases&act=signs"
expect_out_contains "$EVIL_ESC"
expect_out_contains '9-QĐ/UBKT'
page GET "/orgs/A/inspection-report/list.csv?from=2025-01-01&to=2025-06-30&what=cases&act=signs"
expect_status 200
expect_header '^content-type: text/csv'
expect_out_contains ',2025-06-30,AX,'
page GET "/orgs/A/inspection-report/list.xlsx?from=2025-01-01&to=2025-06-30&what=discipline"
expect_status 200
expect_header '^content-disposition: attachment; filename="inspection-list.xlsx"'
page GET "/orgs/A/inspection-report/list?what=people"
expect_status 422
# the print view: complete, with the organisation, the period and who printed it
expect_page "/orgs/A/inspection-report?from=2025-01-01&to=2025-06-30&print=1"
expect_out_lacks 'id="insp-period"'
expect_out_contains '<table class="print-frame" role="presentation"><thead><tr><td><div class="run"><b>Đảng bộ Sư đoàn A</b> (A) · Inspection report · '
expect_out_contains '<tfoot><tr><td><div class="run">cadre · A · Printed by admin at '
expect_out_contains '<dd id="report-period">'
expect_out_count 4 '<section class="rtable" id="t-insp_'
page GET "/orgs/A/inspection-report.csv?from=2025-01-01&to=2025-06-30"
expect_status 200
expect_out_contains 'insp_cases,committee.inspection.orgs,committees inspected party organisations,total,55,,'
page GET "/orgs/A/inspection-report.xlsx"
expect_status 200
expect_header '^content-type: application/vnd.openxmlformats'
# the main report's inspection table links to the list of the year
expect_page "/orgs/A/report?year=2025"
expect_out_contains '<section class="rtable narrow" id="t-inspection">'
expect_out_contains '/orgs/A/inspection-report/list?from=2025-01-01&amp;to=2025-12-31&amp;what=cases&amp;act=inspection'
# the home page's inspection items
expect_page "/"
expect_out_contains '/orgs/ROOT/inspection-report/list?what=late'
# Vietnamese
HTTP_LANG=vi
login admin
expect_page "/orgs/A/inspection-report?from=2025-01-01&to=2025-06-30"
expect_out_contains 'Báo cáo công tác kiểm tra, giám sát'
expect_out_contains 'ủy ban kiểm tra kiểm tra tổ chức đảng khi có dấu hiệu vi phạm'
expect_out_contains 'đảng viên: cảnh cáo'
expect_out_contains 'Khiếu nại và tố cáo'
expect_page "/orgs/A/inspection-report/list?from=2025-01-01&to=2025-06-30&what=cases&act=signs"
expect_out_contains 'kiểm tra khi có dấu hiệu vi phạm'
HTTP_LANG=en
# the right: a viewer of A without it is refused; bclerk's subtree does not hold A
login aview
page GET "/orgs/A/inspection-report"
expect_status 403
page GET "/orgs/A/inspection-report/list?what=cases"
expect_status 403
page GET "/orgs/A/report?year=2025"
expect_out_lacks 'id="t-inspection"'
cadre user grant bclerk --inspection
login bclerk
page GET "/orgs/A/inspection-report"
expect_status 404
expect_page "/orgs/B/inspection-report?from=2025-01-01&to=2025-06-30"
expect_out_contains '<tr data-key="committee.supervision.orgs"><th scope="row">committees supervised party organisations</th><td class="n" data-col="total"><a href="'
server_stop
done_testing
