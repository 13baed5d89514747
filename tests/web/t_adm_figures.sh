#!/bin/bash
# t_adm_figures.sh - the admission figures on the report page: the three tables, a count linked
# to the people behind it (/orgs/CODE/report/cases), that page valid and escaped with a name of
# markup, in Vietnamese too; the same people through the API (/api/v1/orgs/CODE/report/cases),
# 404 outside the subtree.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"

FX=$WORK/fx.db
web_fixture "$FX"
# A candidate named $EVIL in the cell AX (under the grassroots organisation A1), past the
# awareness class in 2026; another in A1C still a candidate.
DB=$FX
cadre --json admission add --org AX --name "$EVIL" --sex male --birth-date 2001-01-01 \
	--ethnicity Kinh --hometown "Hà Giang" --source youth_union --listed-on 2026-02-02
[ "$RC" = 0 ] || fail "fixture: list a candidate in AX" "exit 0" "exit $RC: $ERR"
json_val 'd["id"]'
CEVIL=$JV
cadre admission step "$CEVIL" class --date 2026-03-02 --course "Lớp 1" --result passed
[ "$RC" = 0 ] || fail "fixture: the class" "exit 0" "exit $RC: $ERR"
cadre admission add --org A1C --name "Trịnh Văn Ưu" --sex male --birth-date 2001-02-02 \
	--ethnicity Kinh --hometown "Hà Giang" --source soldier --listed-on 2026-04-01
[ "$RC" = 0 ] || fail "fixture: list a candidate in A1C" "exit 0" "exit $RC: $ERR"
DB=$WORK/none.db

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
tcase "the report page: admission tables with links to the people behind them" "$FX"
server_start
login aclerk
expect_page "/orgs/A1/report?year=2026"
expect_out_contains 'id="t-admission_stages"'
expect_out_contains 'id="t-admission_sources"'
expect_out_contains 'id="t-admission_year"'
row admission_stages class
expect_eq "one case past its class, linked" '<th scope="row">awareness class passed</th><td class="n"><a href="/orgs/A1/report/cases?filter=adm_stage%3Dclass&amp;year=2026">1</a></td><td class="n">50.00%</td>' "$ROW"
row admission_year classes
expect_out_contains '/orgs/A1/report/cases?filter=adm_class%3D2026&amp;year=2026'
expect_page "/orgs/A1/report/cases?filter=adm_stage%3Dclass&year=2026"
expect_out_contains "<a href=\"/admissions/$CEVIL\">$EVIL_ESC</a>"
expect_out_contains 'Youth Union member'
expect_out_contains '1 cases'
expect_page "/orgs/A1/report/cases?filter=adm_stage%3Dcandidate&year=2026"
expect_out_contains 'Trịnh Văn Ưu'
expect_out_lacks "$EVIL_ESC</a></td>"
page GET "/orgs/A1/report/cases?filter=adm_stage%3Dnapping&year=2026"
expect_status 400
HTTP_LANG=vi
login aclerk
page GET "/orgs/A1/report/cases?filter=adm_stage%3Dclass&year=2026"
expect_out_contains 'Hồ sơ kết nạp ở bước'
expect_out_contains 'đã học lớp bồi dưỡng nhận thức về Đảng'
page GET "/orgs/A1/report?year=2026"
expect_out_contains 'Hồ sơ kết nạp đảng theo bước'
HTTP_LANG=en
server_stop

# ---------------------------------------------------------------------------------------------
tcase "the API: the people behind an admission figure; out of sight elsewhere" "$FX"
server_start
TOKEN=$TOKEN_aclerk
api GET "/api/v1/orgs/A1/report/cases?filter=adm_stage%3Dclass&year=2026"
expect_status 200
expect_json "d['total'] == 1 and [c['id'] for c in d['items']] == [$CEVIL] and d['items'][0]['stage_now'] == 'class' and d['items'][0]['source'] == 'youth_union' and d['next'] is None"
api GET "/api/v1/orgs/A1/report/cases?filter=adm_stage%3Dclass&year=2026&limit=1&offset=0"
expect_json "len(d['items']) == 1"
api GET "/api/v1/orgs/A1/report?year=2026"
expect_json "[r['records'] for r in d['tables']['admission_stages']['rows'] if r['key'] == 'class'] == ['cases']"
api GET "/api/v1/orgs/A1/report/cases?filter=status%3Dofficial"
expect_status 422
TOKEN=$TOKEN_bclerk
api GET "/api/v1/orgs/A1/report/cases?filter=adm_stage%3Dclass&year=2026"
expect_status 404
server_stop

done_testing
