#!/bin/bash
# t_report.sh - the report of figures: every table as HTML with its counts linked to the
# records behind them, charts, the year and date chosen, CSV and XLSX downloads; the figures
# right after grading on the review form; the records behind a figure a page at a time; 404
# outside the subtree; hostile names escaped; both languages; pages under 100 KB on the demo.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"
. "$HERE/lib_forms.sh"

FX=$WORK/fx.db
review_fixture "$FX"
Y=2026 # CADRE_TODAY is 2026-11-23
A=$MEMBER_A S=$MEMBER_SQL A2=$MEMBER_A2 P1=$MEMBER_P1 P2=$MEMBER_P2 P3=$MEMBER_P3

# The grades of the report's fixture: one excellent, four good, one complete in A1C, and the
# cell A1C graded good by A1's committee.
GRADED=$WORK/graded.db
cp "$FX" "$GRADED"
DB=$GRADED
server_start
login aclerk
grade A1C $Y "$A=excellent" "$S=good" "$A2=good" "$P1=good" "$P2=good" "$P3=complete"
[ "$STATUS" = 303 ] || fail "fixture: the review form grades A1C" 303 "$STATUS"
post /orgs/A1C/review-org --data-urlencode year=$Y --data-urlencode grade=good
[ "$STATUS" = 303 ] || fail "fixture: A1C graded good" 303 "$STATUS"
server_stop

# row TABLE KEY: the HTML of row KEY of table TABLE on the last page (in ROW).
row() {
	ROW=$(python3 - "$OUTF" "$1" "$2" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
sec = re.search(r'<section class="rtable[^"]*" id="t-%s">(.*?)</section>' % re.escape(sys.argv[2]), s, re.S)
row = sec and re.search(r'<tr data-key="%s">(.*?)</tr>' % re.escape(sys.argv[3]), sec.group(1), re.S)
print(row.group(1) if row else "<no row>", end="")
PY
)
}

# ---------------------------------------------------------------------------------------------
tcase "every report page: 200, valid, escaped, under 100 KB, with charts" "$GRADED"
server_start
login admin
for p in /orgs/ROOT/report /orgs/A/report "/orgs/A1/report?year=$Y" /orgs/A1C/report /orgs/AX/report \
	"/orgs/A1/report?year=2025&as_of=2020-06-01" "/orgs/A1C/report/members?filter=grade%3Dexcellent&year=$Y" \
	"/orgs/A1C/report/members" "/orgs/A/report/members?filter=status%3Dofficial" \
	"/orgs/A/report/orgs?filter=kind%3Dcell" "/orgs/AX/report/orgs?filter=kind%3Dcell"; do
	expect_page "$p"
done
page GET "/orgs/A1/report?year=$Y"
expect_out_contains '<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-stacked"'
expect_out_contains 'class="chart chart-trend"'
expect_out_contains 'class="chart chart-bars"'
expect_out_contains 'id="t-reviews_by_suborg"'
expect_out_contains 'id="t-review_trend"'
expect_out_contains "<option selected>$Y</option>"
expect_out_contains 'id="csv" href="/orgs/A1/report.csv?year=2026"'
expect_out_contains 'id="xlsx" href="/orgs/A1/report.xlsx?year=2026"'
htmlq text printed
[[ $HQ == "admin at 2026-"*" UTC" ]] && pass || fail "printed by whom and when" "admin at DATE TIME UTC" "$HQ"
htmlq text report-as-of
expect_eq "the date of the figures" 2026-11-23 "$HQ"
page GET /orgs/A1
expect_out_contains 'id="report" href="/orgs/A1/report"'
http GET /static/cadre.css
expect_out_contains '@page{size:A4'
expect_out_contains 'section.rtable{break-inside:avoid}'
expect_out_contains 'thead{display:table-header-group}'
server_stop

# ---------------------------------------------------------------------------------------------
tcase "the figures after grading: counts, percentages, and links to the records behind them" "$GRADED"
server_start
login aclerk
page GET "/orgs/A1C/report?year=$Y"
expect_status 200
row member_reviews excellent
expect_eq "excellent: 1 of 6 decided" '<th scope="row">excellent</th><td class="n"><a href="/orgs/A1C/report/members?filter=grade%3Dexcellent&amp;year=2026">1</a></td><td class="n">16.67%</td>' "$ROW"
row member_reviews good
expect_eq "good: 4 of 6" '<th scope="row">good</th><td class="n"><a href="/orgs/A1C/report/members?filter=grade%3Dgood&amp;year=2026">4</a></td><td class="n">66.67%</td>' "$ROW"
row member_reviews complete
expect_eq "complete: 1 of 6" '<th scope="row">complete</th><td class="n"><a href="/orgs/A1C/report/members?filter=grade%3Dcomplete&amp;year=2026">1</a></td><td class="n">16.67%</td>' "$ROW"
row member_reviews not_complete
expect_eq "not complete: none, not linked" '<th scope="row">not_complete</th><td class="n">0</td><td class="n">0.00%</td>' "$ROW"
row member_reviews good_or_better
expect_eq "good or better: 5 of 6" '<th scope="row">good or better</th><td class="n"><a href="/orgs/A1C/report/members?filter=grade%3Dgood_or_better&amp;year=2026">5</a></td><td class="n">83.33%</td>' "$ROW"
row member_reviews reviewed
expect_eq "reviewed: a total, not linked, no percentage" '<th scope="row">reviewed</th><td class="n">6</td><td class="n"></td>' "$ROW"
row members_by_status official
expect_eq "official members" '<th scope="row">official</th><td class="n"><a href="/orgs/A1C/report/members?filter=status%3Dofficial&amp;year=2026">6</a></td><td class="n">100.00%</td>' "$ROW"
# the grades by sub-organisation and over the years: each count links to its grade there / then
page GET "/orgs/A1/report?year=$Y"
row reviews_by_suborg A1C
expect_eq "A1C's grades in A1's report" '<th scope="row">Chi bộ Đại đội A1C</th><td class="n"><a href="/orgs/A1C/report/members?filter=grade%3Dexcellent&amp;year=2026">1</a></td><td class="n">16.67%</td><td class="n"><a href="/orgs/A1C/report/members?filter=grade%3Dgood&amp;year=2026">4</a></td><td class="n">66.67%</td><td class="n"><a href="/orgs/A1C/report/members?filter=grade%3Dcomplete&amp;year=2026">1</a></td><td class="n">16.67%</td><td class="n">0</td><td class="n">0.00%</td>' "$ROW"
row review_trend 2025
expect_eq "no grades in 2025: no data yet, not zeros" '<th scope="row">2025</th><td class="nodata" colspan="8">no data yet</td>' "$ROW"
row review_trend 2026
[[ $ROW == *'href="/orgs/A1/report/members?filter=grade%3Dgood&amp;year=2026">4</a>'* ]] && pass ||
	fail "the trend's 2026 row links its counts" "a link to the good of 2026" "$ROW"
row org_reviews good
expect_eq "A1C graded good, linked to the organisations behind" '<th scope="row">good</th><td class="n"><a href="/orgs/A1/report/orgs?filter=org_grade%3Dgood&amp;year=2026">1</a></td><td class="n">100.00%</td>' "$ROW"
page GET "/orgs/A1/report/orgs?filter=org_grade%3Dgood&year=$Y"
expect_status 200
expect_valid_html
expect_out_contains '<tr><td><a href="/orgs/A1C">Chi bộ Đại đội A1C</a></td><td><code>A1C</code></td><td>Party cell</td></tr>'
htmlq text filter
expect_eq "the organisations' figure in words" "Grade of the organisation: Good" "$HQ"
htmlq text page-of
expect_eq "one organisation" "Page 1 / 1 · 1 organisations" "$HQ"
page GET "/orgs/A1/report/orgs?filter=kind%3Dcell&year=$Y"
expect_out_contains '<a href="/orgs/A1C">'
expect_out_contains '<a href="/orgs/AX">'
page GET "/orgs/A1/report/orgs?filter=status%3Dofficial"
expect_status 400
page GET "/orgs/A1/report/orgs?filter=org_grade%3Dexcellent&year=$Y"
expect_out_contains 'id="no-orgs"'
# the records behind a figure
page GET "/orgs/A1C/report/members?filter=grade%3Dexcellent&year=$Y"
expect_status 200
expect_valid_html
expect_out_count 1 '<tr><td><a href="/members/'
expect_out_contains "<a href=\"/members/$A\">Nguyễn Văn An</a>"
htmlq text filter
expect_eq "the figure in words" "Grade decided: Excellent" "$HQ"
htmlq text page-of
expect_eq "where the list is" "Page 1 / 1 · 1 members" "$HQ"
page GET "/orgs/A1C/report/members?filter=grade%3Dgood&year=$Y"
expect_out_count 4 '<tr><td><a href="/members/'
expect_out_contains "<a href=\"/members/$S\">Robert&#39;); DROP TABLE member;--</a>"
page GET "/orgs/A1/report/members?filter=org%3DA1C&year=$Y"
expect_out_count 6 '<tr><td><a href="/members/'
page GET "/orgs/A1C/report/members?filter=grade%3Dnone&year=$Y"
expect_out_contains 'id="no-members"'
page GET "/orgs/A1C/report/members?filter=nonsense%3D1"
expect_status 400
expect_html_valid
page GET "/orgs/A1C/report/members?filter=status%3Dofficial&page=0"
expect_status 400
server_stop

# ---------------------------------------------------------------------------------------------
tcase "the report as of a past date, and a bad year or date" "$GRADED"
server_start
login aclerk
page GET "/orgs/A1C/report?year=$Y&as_of=2010-01-01"
expect_status 200
expect_valid_html
htmlq text report-as-of
expect_eq "the date asked" 2010-01-01 "$HQ"
expect_out_lacks '/report/members?'
expect_out_contains 'the counts are not linked'
expect_out_contains 'id="csv" href="/orgs/A1C/report.csv?year=2026&amp;as_of=2010-01-01"'
page GET "/orgs/A1C/report?as_of=2024-06-30"
htmlq text report-year-shown
expect_eq "the year of the date when none is asked" 2024 "$HQ"
page GET "/orgs/A1C/report?as_of=2026-02-30"
expect_status 400
page GET "/orgs/A1C/report?year=1900"
expect_status 400
page GET "/orgs/A1C/report?year=2027"
expect_status 400
server_stop

# ---------------------------------------------------------------------------------------------
tcase "the report as CSV and as an XLSX workbook (in the page's language)" "$GRADED"
# the server's temporary files in a folder of this test's own, to see that none is left
mkdir -p "$WORK/tmp"
SAVED_TMPDIR=${TMPDIR-}
export TMPDIR=$WORK/tmp
server_start
TMPDIR=$SAVED_TMPDIR
login aclerk
page GET "/orgs/A1C/report.csv?year=$Y"
expect_status 200
expect_header '^content-type: text/csv'
expect_header '^content-disposition: attachment; filename="report-A1C-2026.csv"'
expect_out_contains 'table,row_key,row_label,column,count,base,percent'
expect_out_contains 'member_reviews,excellent,excellent,count,1,6,16.67'
expect_out_contains "review_trend,2026,2026,excellent,1,6,16.67"
page GET "/orgs/A1C/report.xlsx?year=$Y"
expect_status 200
expect_header '^content-type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
expect_header '^content-disposition: attachment; filename="report-A1C-2026.xlsx"'
cp "$OUTF" "$WORK/en.xlsx"
expect_py "__import__('zipfile').ZipFile('$WORK/en.xlsx').read('xl/sharedStrings.xml').decode().count('Members by status') > 0" "the workbook holds the tables"
HTTP_LANG=vi
login aclerk
page GET "/orgs/A1C/report.xlsx?year=$Y"
expect_status 200
cp "$OUTF" "$WORK/vi.xlsx"
expect_py "'Đảng viên theo tình trạng' in __import__('zipfile').ZipFile('$WORK/vi.xlsx').read('xl/sharedStrings.xml').decode()" "the workbook in Vietnamese"
page GET "/orgs/A1C/report.csv?year=$Y"
expect_out_contains 'members_by_status,official,official,count,6,6,100.00'
HTTP_LANG=en
expect_true "nothing left in the server's temporary folder" test -z "$(ls -A "$WORK/tmp")"
# scripts fetch the report with a token
TOKEN=$TOKEN_aview
api GET "/orgs/A1C/report.csv?year=$Y"
expect_status 200
expect_out_contains 'member_reviews,good,good,count,4,6,66.67'
api GET "/orgs/A/report"
expect_status 200
server_stop

# ---------------------------------------------------------------------------------------------
tcase "outside the subtree the report does not exist (404)" "$GRADED"
server_start
login aview
for p in /orgs/B/report /orgs/B1C/report.csv /orgs/B1C/report.xlsx "/orgs/B1/report/members?filter=status%3Dofficial" \
	"/orgs/B/report/orgs?filter=kind%3Dcell" \
	/orgs/ROOT/report /orgs/NOPE/report "/orgs/A/report/members?filter=org%3DB1"; do
	page GET "$p"
	expect_status 404
	expect_out_lacks "Trần Thị Bình"
	expect_out_lacks "Sư đoàn B"
done
page GET /orgs/A/report
expect_status 200
expect_out_lacks 'Sư đoàn B'
expect_out_lacks 'Quân khu thử'
TOKEN=$TOKEN_aview
api GET /orgs/B/report.csv
expect_status 404
server_stop

# ---------------------------------------------------------------------------------------------
tcase "hostile names in the report: the cell named <script>\"'& as a row, a title, a chart label" "$GRADED"
server_start
login aclerk
page GET "/orgs/AX/report?year=$Y"
expect_out_contains "<h1>Report of figures: $EVIL_ESC</h1>"
expect_out_contains "<dd id=\"report-org\">$EVIL_ESC (<code>AX</code>)</dd>"
expect_escaped
expect_html_valid
page GET "/orgs/A1/report?year=$Y"
row reviews_by_suborg AX
[[ $ROW == "<th scope=\"row\">$EVIL_ESC</th>"* ]] && pass ||
	fail "AX's row named escaped" "<th scope=\"row\">$EVIL_ESC</th>..." "$ROW"
expect_out_lacks "$EVIL"
expect_escaped
expect_html_valid
page GET "/orgs/AX/report/members?filter=status%3Dofficial"
expect_out_contains "<a href=\"/members/$MEMBER_EVIL\">$EVIL_ESC</a>"
expect_escaped
server_stop

# ---------------------------------------------------------------------------------------------
tcase "Vietnamese by default, English by the switch" "$GRADED"
server_start
HTTP_LANG=vi
login aclerk
page GET "/orgs/A1/report?year=$Y"
expect_status 200
expect_valid_html
for t in "<h1>Báo cáo thống kê: Đảng bộ Trung đoàn A1</h1>" "<h2>Đảng viên theo tình trạng</h2>" \
	'<th scope="row">chính thức</th>' '<th scope="col" class="n">hoàn thành xuất sắc</th>' \
	"<h2>Xếp loại đảng viên qua các năm</h2>" '<th scope="row">dưới 30</th>' \
	'<th scope="row">60 trở lên</th>' "Tải về CSV" "Người in"; do
	expect_out_contains "$t"
done
expect_out_lacks "<h2>Members by status</h2>"
page GET "/orgs/A1C/report/members?filter=grade%3Dexcellent&year=$Y"
htmlq text filter
expect_eq "the figure in Vietnamese" "Xếp loại đã quyết định: Hoàn thành xuất sắc nhiệm vụ" "$HQ"
page POST /lang --data-urlencode "csrf=$CSRF" --data-urlencode lang=en --data-urlencode "next=/orgs/A1/report"
expect_status 303
page GET "/orgs/A1/report?year=$Y"
expect_out_contains "<h2>Members by status</h2>"
expect_out_contains "<h1>Report of figures: Đảng bộ Trung đoàn A1</h1>"
HTTP_LANG=en
server_stop

# ---------------------------------------------------------------------------------------------
tcase "the demo: a region's, a province's and a cell's report, a cell's form, under 100 KB and valid"
demo_fixture "$DB" # a copy of the run's one demo database
expect_eq "demo built" 0 "$RC"
printf '%s\n' "$PW" >"$WORK/.pw"
STDIN=$WORK/.pw cadre user add chief --role clerk --org QK2 --inspection
expect_eq "account added" 0 "$RC"
server_start
for lang in vi en; do
	HTTP_LANG=$lang
	login chief
	for p in "/orgs/QK2/report?year=2025" /orgs/QK2/report "/orgs/HG/report?year=2025" \
		"/orgs/HG-DV-CQ/report?year=2025" "/orgs/HG-DV-CQ/review?year=2025" /orgs/HG-DV-CQ/review \
		"/orgs/HG-DV-CQ/review-org?year=2025" "/orgs/QK2/report/members?filter=grade%3Dexcellent&year=2025" \
		/discipline /rules; do
		expect_page "$p"
	done
done
page GET "/orgs/HG/report/members?filter=grade%3Dexcellent&year=2025"
expect_out_count 50 '<tr><td><a href="/members/'
expect_out_contains '<a rel="next" href="/orgs/HG/report/members?filter=grade%3Dexcellent&amp;year=2025&amp;page=2">'
page GET "/orgs/HG/report/members?filter=grade%3Dexcellent&year=2025&page=2"
expect_out_contains '<a rel="prev" href="/orgs/HG/report/members?filter=grade%3Dexcellent&amp;year=2025&amp;page=1">'
HTTP_LANG=en
server_stop

done_testing
