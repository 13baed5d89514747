#!/bin/bash
# The figures: a report as JSON (named tables, counts and percentages), CSV and XLSX
# downloads (by ?format= and by Accept); the report read right after a grade, a status and a
# transfer changes; the members and organisations behind a figure, a page at a time; the
# roll-up of the scope.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
DB=$FX
madd A1C "Lê Thị Cúc"
A2=$MID
madd A1C "Phạm Văn Dũng" --category militia
A3=$MID
cadre org add A1X --parent A1 --name "Chi bộ đã giải thể" --kind cell --date 2005-01-01
cadre org dissolve A1X --date 2020-01-01
DB=$WORK/none.db
[ -n "$A2" ] && [ -n "$A3" ] || fail "fixture: two more members" "ids" "$A2 $A3"

# row TABLE KEY [COLUMN]: the python expression of a row's cell in the last report.
row() { printf '[r for r in d["tables"]["%s"]["rows"] if r["key"] == "%s"][0]["%s"]' "$1" "$2" "${3:-count}"; }
# figure TABLE KEY: FIG = "count percent" of the row (percent "-" when none).
figure() {
	json_val "(lambda c: '%d %s' % (c['count'], c.get('percent', '-')))($(row "$1" "$2"))"
	FIG=$JV
}
report() {
	api GET "/api/v1/orgs/$1/report?year=${2:-2025}"
	expect_status 200
}

tcase "GET /orgs/{code}/report: the tables by name, with counts and percentages" "$FX"
server_start
TOKEN=$TOKEN_aclerk
japi PATCH /api/v1/orgs/A1C '{"militia":7}'
expect_status 200
japi POST "/api/v1/members/$A2/status" '{"status":"exempt","date":"2026-03-01","reason":"ốm dài ngày"}'
expect_status 200
japi POST "/api/v1/members/$MEMBER_A/reviews" '{"year":2025,"step":"decision","grade":"good"}'
expect_status 201
japi POST /api/v1/orgs/A1/reviews '{"year":2025,"step":"decision","grade":"good"}'
expect_status 201
report A
expect_eq "JSON" "application/json" "$CTYPE"
expect_header '^Vary: Accept'
expect_json 'd["org"] == {"code": "A", "name": "Đảng bộ Sư đoàn A"} and d["year"] == 2025 and d["as_of"] == "2026-11-23" and d["made_by"] == "aclerk"'
expect_json 'all(t in d["tables"] for t in ["members_by_status", "members_by_category", "members_by_sex", "members_by_ethnicity", "members_by_age", "members_by_seniority", "admissions", "member_reviews", "org_reviews", "grassroots_reviews", "reviews_by_suborg", "review_trend", "standing_boards", "leadership_ratio", "discipline", "transfers"])' \
	"every table by its stable name"
expect_json 'all(t["title"] and t["columns"] and isinstance(t["rows"], list) for t in d["tables"].values())'
expect_json "$(row members_by_status official) == {'count': 2, 'base': 3, 'percent': 66.67}"
expect_json "$(row members_by_status exempt) == {'count': 1, 'base': 3, 'percent': 33.33}"
expect_json "$(row members_by_status total) == {'count': 3}" "a total has no percentage"
expect_json "$(row members_by_status official filter) == 'status=official'"
expect_json "$(row member_reviews good) == {'count': 1, 'base': 1, 'percent': 100.0}"
expect_json "$(row member_reviews not_reviewed) == {'count': 2, 'base': 3, 'percent': 66.67}"
expect_json "$(row grassroots_reviews good)['count'] == 1"
expect_json "$(row leadership_ratio militia) == {'count': 1, 'base': 8, 'percent': 12.5}" \
	"one party member of the militia over 1 + 7"
expect_json "$(row reviews_by_suborg A1 good) == {'count': 1, 'base': 1, 'percent': 100.0}"
if [[ $OUT == *'"percent":33.33}'* && $OUT == *'"percent":12.5}'* && $OUT != *3333333* && $OUT != *9999999* ]]; then
	pass
else
	fail "percentages are written as read (33.33, 12.5)" '"percent":33.33' "$(head -c 600 "$OUTF")"
fi
report A1C
expect_json "$(row members_by_status official)['count'] == 2 and d['org']['code'] == 'A1C'"
api GET "/api/v1/orgs/A/report?year=2025&as_of=2015-06-01"
expect_status 200
expect_json "d['as_of'] == '2015-06-01' and $(row members_by_status probationary)['count'] == 3 and $(row members_by_status official)['count'] == 0" \
	"as of a past date the members are counted as they were"
api GET /api/v1/orgs/A/report
expect_json 'd["year"] == 2026' "the year of as_of by default"
api GET "/api/v1/orgs/A/report?year=25"
expect_problem 400 year
api GET "/api/v1/orgs/A/report?as_of=2026-02-30"
expect_problem 400 as_of
api GET "/api/v1/orgs/A/report?format=pdf"
expect_problem 400 format
api GET /api/v1/orgs/QQ9/report
expect_problem 404 org
api GET /api/v1/orgs/A1X/report
expect_problem 409
expect_json '"dissolved" in d["detail"]'
TOKEN=$TOKEN_aview
report A
expect_json "$(row members_by_status total)['count'] == 3" "a viewer reads the figures"
server_stop

tcase "the report as CSV and XLSX downloads, by ?format= and by Accept" "$FX"
mkdir -p "$WORK/srvtmp"
TMPDIR=$WORK/srvtmp server_start
TOKEN=$TOKEN_aclerk
api GET "/api/v1/orgs/A1/report?year=2025&format=csv"
expect_status 200
expect_eq "CSV" "text/csv; charset=utf-8" "$CTYPE"
expect_header '^Content-Disposition: attachment; filename="report-A1-2025\.csv"'
expect_py 'rows(".out")[0] == {"table": "members_by_status", "row_key": "official", "row_label": "official", "column": "count", "count": "3", "base": "3", "percent": "100.00"}'
expect_py '{r["table"] for r in rows(".out")} >= {"members_by_status", "member_reviews", "grassroots_reviews", "leadership_ratio"}'
cp "$OUTF" "$WORK/by_format.csv"
api GET "/api/v1/orgs/A1/report?year=2025" -H 'Accept: text/csv'
expect_eq "CSV by Accept" "text/csv; charset=utf-8" "$CTYPE"
expect_py 'read("by_format.csv").split(b"\n")[1:] == read(".out").split(b"\n")[1:]' "the same CSV both ways"
api GET "/api/v1/orgs/A1/report?year=2025&format=xlsx"
expect_status 200
expect_eq "XLSX" "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" "$CTYPE"
expect_header '^Content-Disposition: attachment; filename="report-A1-2025\.xlsx"'
expect_py 'read(".out")[:4] == b"PK\x03\x04" and len(read(".out")) > 2000' "a zip (XLSX) file"
expect_py '__import__("zipfile").ZipFile(".out").testzip() is None and "xl/workbook.xml" in __import__("zipfile").ZipFile(".out").namelist()' \
	"a whole workbook"
api GET "/api/v1/orgs/A1/report?year=2025" -H 'Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
expect_py 'read(".out")[:2] == b"PK"' "XLSX by Accept"
api GET "/api/v1/orgs/A1/report?year=2025" -H 'Accept: text/csv;q=0.5, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
expect_py 'read(".out")[:2] == b"PK"' "the higher q wins"
api GET "/api/v1/orgs/A1/report?year=2025" -H 'Accept: text/html,application/xhtml+xml,*/*;q=0.8'
expect_eq "JSON for anything else" "application/json" "$CTYPE"
api GET "/api/v1/orgs/A1/report?year=2025&format=json" -H 'Accept: text/csv'
expect_eq "?format= over Accept" "application/json" "$CTYPE"
api GET "/api/v1/orgs/QQ9/report?format=xlsx"
expect_problem 404
expect_lacks "PK"
expect_eq "no workbook is left behind in the temporary directory" "" "$(ls -A "$WORK/srvtmp")"
server_stop

tcase "the report reflects a grade, a status and a transfer right after each change" "$FX"
server_start
TOKEN=$TOKEN_aclerk
report A
figure member_reviews good
expect_eq "no grade yet" "0 -" "$FIG"
figure members_by_status official
expect_eq "three official" "3 100.0" "$FIG"
japi POST "/api/v1/members/$A2/reviews" '{"year":2025,"step":"decision","grade":"good"}'
expect_status 201
report A
figure member_reviews good
expect_eq "the decision counts at once" "1 100.0" "$FIG"
figure member_reviews not_reviewed
expect_eq "the others are not yet decided" "2 66.67" "$FIG"
japi POST "/api/v1/members/$A2/reviews" '{"year":2025,"step":"decision","grade":"complete","reason":"xét lại"}'
expect_status 201
report A
figure member_reviews good
expect_eq "the replaced grade no longer counts" "0 0.0" "$FIG"
figure member_reviews complete
expect_eq "its revision does" "1 100.0" "$FIG"
japi POST "/api/v1/members/$A3/status" '{"status":"suspended","date":"2026-06-01","reason":"tạm đình chỉ"}'
expect_status 200
report A
figure members_by_status suspended
expect_eq "the status change counts at once" "1 33.33" "$FIG"
figure members_by_status official
expect_eq "one fewer official" "2 66.67" "$FIG"
TOKEN=$TOKEN_admin
japi POST "/api/v1/members/$A2/transfers" '{"to":"B1C","date":"2026-10-01"}'
expect_status 201
json_val 'd["id"]'
T=$JV
japi POST "/api/v1/transfers/$T/receive" '{"date":"2026-10-05"}'
expect_status 200
TOKEN=$TOKEN_aclerk
report A 2026
figure members_by_status total
expect_eq "the member left A's rolls" "2 -" "$FIG"
figure transfers official_out
expect_eq "and counts as a transfer out" "1 -" "$FIG"
TOKEN=$TOKEN_bclerk
report B 2026
figure members_by_status total
expect_eq "and joined B's" "2 -" "$FIG"
figure transfers official_in
expect_eq "as a transfer in" "1 -" "$FIG"
report B 2025
figure member_reviews complete
expect_eq "the review stays where it was decided" "0 -" "$FIG"
server_stop

tcase "GET /orgs/{code}/report/members: the records behind a figure, a page at a time" "$FX"
expect_exit 0 user grant aclerk --inspection
server_start
TOKEN=$TOKEN_aclerk
japi POST "/api/v1/members/$A2/reviews" '{"year":2025,"step":"decision","grade":"good"}'
expect_status 201
japi POST /api/v1/discipline '{"member_id":'"$A3"',"form":"reprimand","body":"A1","reason":"x","date":"2025-03-01","act_date":"2025-02-20"}'
expect_status 201
api GET "/api/v1/orgs/A/report/members?filter=status%3Dofficial&limit=2"
expect_status 200
expect_json 'd["filter"] == "status=official" and d["total"] == 3 and len(d["items"]) == 2 and d["offset"] == 0 and d["limit"] == 2'
expect_json 'd["next"] == "/api/v1/orgs/A/report/members?filter=status%3Dofficial&offset=2&limit=2"'
json_val '[m["id"] for m in d["items"]]'
first=$JV
json_val 'd["next"]'
api GET "$JV"
expect_json 'len(d["items"]) == 1 and d["next"] is None and d["total"] == 3'
expect_json 'sorted('"$first"' + [d["items"][0]["id"]]) == sorted(['"$MEMBER_A,$A2,$A3"'])' \
	"the second page holds the member the first did not"
api GET "/api/v1/orgs/A/report/members?filter=grade%3Dgood&year=2025"
expect_json '[m["id"] for m in d["items"]] == ['"$A2"'] and d["year"] == 2025'
api GET "/api/v1/orgs/A/report/members?filter=grade%3Dnone&year=2025"
expect_json 'sorted(m["id"] for m in d["items"]) == sorted(['"$MEMBER_A,$A3"'])'
api GET "/api/v1/orgs/A/report/members?filter=year%3D2025"
expect_json '[m["id"] for m in d["items"]] == ['"$A2"']' "a row of review_trend: the members decided that year"
api GET "/api/v1/orgs/A/report/members?filter=disciplined%3Dmember&year=2025"
expect_json '[m["id"] for m in d["items"]] == ['"$A3"']' "a row of the discipline table"
api GET "/api/v1/orgs/A/report/members?filter=category%3Dmilitia"
expect_json '[m["id"] for m in d["items"]] == ['"$A3"']'
api GET "/api/v1/orgs/A/report/members?filter=org%3DA1C"
expect_json 'd["total"] == 3'
api GET "/api/v1/orgs/A/report/members"
expect_json 'd["total"] == 3 and d["filter"] == ""' "no filter: every member of the subtree"
report A
json_val '[r["filter"] for t in d["tables"].values() for r in t["rows"] if r["records"] == "members"]'
filters=$JV
json_val '[r["filter"] for t in d["tables"].values() for r in t["rows"] if r["records"] == "cases"]'
case_filters=$JV
expect_json "len($filters) > 30"
expect_json "len($case_filters) > 15"
printf '%s' "$filters" | python3 -c 'import json,sys,urllib.parse; [print(urllib.parse.quote(f, safe="")) for f in json.load(sys.stdin)]' >"$WORK/filters"
bad=""
while read -r f; do
	api GET "/api/v1/orgs/A/report/members?filter=$f&year=2025"
	[ "$STATUS" = 200 ] || bad="$bad $f:$STATUS"
done <"$WORK/filters"
expect_eq "every member row's filter of the report can be followed" "" "$bad"
printf '%s' "$case_filters" | python3 -c 'import json,sys,urllib.parse; [print(urllib.parse.quote(f, safe="")) for f in json.load(sys.stdin)]' >"$WORK/filters"
bad=""
while read -r f; do
	api GET "/api/v1/orgs/A/report/cases?filter=$f&year=2025"
	[ "$STATUS" = 200 ] || bad="$bad $f:$STATUS"
done <"$WORK/filters"
expect_eq "every case row's filter of the report can be followed (report/cases)" "" "$bad"
api GET "/api/v1/orgs/A/report/members?filter=colour%3Dred"
expect_problem 422 filter
api GET "/api/v1/orgs/A/report/members?filter=age%3Dold"
expect_problem 422 filter
api GET "/api/v1/orgs/A1C/report/members?filter=org%3DA1"
expect_problem 422 filter
api GET "/api/v1/orgs/A/report/members?filter=org%3DQQ9"
expect_problem 404 org
api GET "/api/v1/orgs/A/report/members?limit=0"
expect_problem 400 limit
api GET "/api/v1/orgs/A/report/members?offset=-1"
expect_problem 400 offset
api GET "/api/v1/orgs/A/report/members?year=abc"
expect_problem 400 year
api GET /api/v1/orgs/QQ9/report/members
expect_problem 404 org
TOKEN=$TOKEN_admin
api GET "/api/v1/orgs/A/report/members?filter=org%3DB1"
expect_problem 422 filter
expect_json '"not within" in d["detail"]' "a sub-organisation must lie within the report's"
server_stop

tcase "GET /orgs/{code}/report/orgs: the organisations behind a figure of an organisation table" "$FX"
server_start
TOKEN=$TOKEN_aclerk
japi POST /api/v1/orgs/A1C/reviews '{"year":2025,"step":"decision","grade":"complete"}'
expect_status 201
japi POST /api/v1/orgs/A1/reviews '{"year":2025,"step":"decision","grade":"good"}'
expect_status 201
report A
expect_json "$(row grassroots_reviews good)['count'] == 1 and $(row grassroots_reviews good filter) == 'grassroots_grade=good'"
json_val '[r["filter"] for t in ("org_reviews", "grassroots_reviews", "standing_boards") for r in d["tables"][t]["rows"] if r["filter"]]'
filters=$JV
expect_json "len($filters) >= 12"
printf '%s' "$filters" | python3 -c 'import json,sys,urllib.parse; [print(urllib.parse.quote(f, safe="")) for f in json.load(sys.stdin)]' >"$WORK/filters"
bad=""
while read -r f; do
	api GET "/api/v1/orgs/A/report/orgs?filter=$f&year=2025"
	[ "$STATUS" = 200 ] || bad="$bad $f:$STATUS"
done <"$WORK/filters"
expect_eq "every organisation row's filter of the report can be followed" "" "$bad"
api GET "/api/v1/orgs/A/report/orgs?filter=grassroots_grade%3Dgood&year=2025"
expect_status 200
expect_json '[o["code"] for o in d["items"]] == ["A1"] and d["total"] == 1 and d["year"] == 2025 and d["next"] is None'
api GET "/api/v1/orgs/A/report/orgs?filter=org_grade%3Dcomplete&year=2025"
expect_json '[o["code"] for o in d["items"]] == ["A1C"]'
api GET "/api/v1/orgs/A/report/orgs?filter=kind%3Dcell"
expect_json '[o["code"] for o in d["items"]] == ["A1C"]' "the active cells"
api GET "/api/v1/orgs/A/report/orgs?filter=org_grade%3Dnone&year=2024&limit=2"
expect_json '[o["code"] for o in d["items"]] == ["A", "A1"] and d["total"] == 3 and d["next"] == "/api/v1/orgs/A/report/orgs?filter=org_grade%3Dnone&year=2024&offset=2&limit=2"' \
	"in pre-order, a page at a time"
json_val 'd["next"]'
api GET "$JV"
expect_json '[o["code"] for o in d["items"]] == ["A1C"] and d["next"] is None'
api GET /api/v1/orgs/A/report/orgs
expect_problem 422 filter
api GET "/api/v1/orgs/A/report/orgs?filter=status%3Dofficial"
expect_problem 422 filter
api GET "/api/v1/orgs/A/report/orgs?year=x"
expect_problem 400 year
api GET "/api/v1/orgs/QQ9/report/orgs?filter=kind%3Dcell"
expect_problem 404
server_stop

tcase "GET /rollup: every organisation of the scope with its subtree's figures" "$FX"
server_start
TOKEN=$TOKEN_aclerk
japi POST "/api/v1/members/$A2/reviews" '{"year":2025,"step":"decision","grade":"good"}'
expect_status 201
api GET "/api/v1/rollup?year=2025"
expect_status 200
expect_eq "JSON" "application/json" "$CTYPE"
expect_json 'd["total"] == 3 and d["next"] is None and [r["code"] for r in d["items"]] == ["A", "A1", "A1C"]' \
	"the active organisations of the scope in pre-order"
expect_json 'd["items"][0]["members"] == {"probationary": 0, "official": 3, "exempt": 0, "suspended": 0} and d["items"][0]["member_grades"]["good"] == 1 and d["items"][2]["member_grades"]["good"] == 1'
expect_json 'd["items"][2]["party_militia"] == 1 and d["items"][0]["depth"] + 2 == d["items"][2]["depth"]'
expect_lacks '"B' "Trần"
api GET /api/v1/rollup
expect_json 'd["items"][0]["member_grades"]["good"] == 0' "this year by default"
TOKEN=$TOKEN_admin
api GET "/api/v1/rollup?year=2025"
expect_json '[r["code"] for r in d["items"]] == ["ROOT", "A", "A1", "A1C", "B", "B1", "B1C"] and d["items"][0]["members"]["official"] == 4 and d["items"][0]["member_grades"]["good"] == 1'
TOKEN=$TOKEN_bclerk
api GET "/api/v1/rollup?year=2025"
expect_json '[r["code"] for r in d["items"]] == ["B", "B1", "B1C"] and d["items"][0]["member_grades"]["good"] == 0'
TOKEN=$TOKEN_aview
api GET "/api/v1/rollup?year=2025"
expect_json '[r["code"] for r in d["items"]] == ["A", "A1", "A1C"]' "a viewer reads it too"
api GET "/api/v1/rollup?year=MMXXV"
expect_problem 400 year
server_stop

done_testing
