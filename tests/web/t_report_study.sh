#!/bin/bash
# t_report_study.sh - the study of documents in the report of figures (app_report.c's
# study_coverage table; docs/study.md "In the report"): for the report's year, each document
# with a study plan reaching the subtree, with the party committees and organisations that
# have studied it and the members covered, from the kept counters; "All party committees have
# studied it (100%)" only when true; the counts link to the organisations not yet studied
# (the document's coverage page, missing=1); the same rows in the page to print, the CSV and
# the API's JSON. Every number worked by hand on a small tree.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"

# The tree: ROOT > A (committee) > A1 (grassroots) > A1C, A2C (cells); ROOT > B > B1 > B1C.
# Rolls: A1C {MEMBER_A, X1}, A2C {Y1}, B1C {MEMBER_B, Z1}: 5 members.
FX=$WORK/fx.db
http_fixture "$FX"
DB=$WORK/rs.db
cp "$FX" "$DB"
cadre org add A2C --parent A1 --name "Chi bộ Đại đội A2C" --kind cell --date 2001-01-01
[ "$RC" = 0 ] || fail "fixture: org add A2C" "exit 0" "exit $RC: $ERR"
madd A1C "Hoàng Văn Xuân"
X1=$MID
madd A2C "Vũ Thị Yến"
Y1=$MID
madd B1C "Đỗ Văn Dũng"
Z1=$MID
# D1 (21-NQ/TW): planned for the whole tree, deadline in 2026. A1's session: MEMBER_A, X1, Y1
#   present (A's subtree all covered); B1's session: MEMBER_B present, Z1 absent.
# D2 (35-CT/TW): planned for B's subtree in 2026, no session (reaches ROOT and B, not A).
# D3 (769-NQ/QUTW): planned for the whole tree with a deadline in 2025: not in 2026's report.
# D4 (2008/HD-CT): planned for B only by B, in 2026, registered by B: not in A's report.
cadre --json doc add '21-NQ/TW' --title 'Nghị quyết về xây dựng Đảng' --issued-on 2016-10-30 --org ROOT
json_val 'd["id"]'
D1=$JV
cadre --json doc add '35-CT/TW' --title 'Chỉ thị về đại hội đảng bộ' --issued-on 2024-06-14 --org ROOT
json_val 'd["id"]'
D2=$JV
cadre --json doc add '769-NQ/QUTW' --title 'Nghị quyết của Quân ủy Trung ương' --issued-on 2012-12-21 --org ROOT
json_val 'd["id"]'
D3=$JV
cadre study plan 21-NQ/TW --org ROOT --audience ROOT --tier all --deadline 2026-10-31
cadre study plan 35-CT/TW --org ROOT --audience B --tier grassroots_members --deadline 2026-09-30
cadre study plan 769-NQ/QUTW --org ROOT --audience ROOT --tier all --deadline 2025-12-31
cadre --json study session 21-NQ/TW --org A1 --date 2026-03-10
json_val 'd["id"]'
SA=$JV
cadre study attend "$SA" "$MEMBER_A" "$X1" "$Y1"
cadre --json study session 21-NQ/TW --org B1 --date 2026-03-12
json_val 'd["id"]'
SB=$JV
cadre study attend "$SB" "$MEMBER_B"
cadre study attend "$SB" "$Z1" --status absent
[ -n "$D1" ] && [ -n "$D2" ] && [ -n "$D3" ] && [ -n "$SA" ] && [ -n "$SB" ] ||
	fail "fixture" "documents and sessions" "$D1 $D2 $D3 $SA $SB"
RS=$DB

# cells KEY: the cells (count|%) of row data-key=KEY of the study table, in CELLS.
cells() {
	CELLS=$(python3 - "$OUTF" "$1" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
t = re.search(r'<section class="rtable" id="t-study_coverage">(.*?)</section>', s, re.S)
row = t and re.search(r'<tr data-key="%s">(.*?)</tr>' % re.escape(sys.argv[2]), t.group(1), re.S)
if not row:
    print("<no row>", end=""); sys.exit()
cells = re.findall(r'<td class="n">(.*?)</td>', row.group(1), re.S)
print("|".join(re.sub(r'<[^>]*>', '', c) for c in cells), end="")
PY
)
}

# ---------------------------------------------------------------------------------------------
tcase "the whole tree's report: each document's coverage worked by hand" "$RS"
server_start
login admin
expect_page "/orgs/ROOT/report?year=2026"
expect_html_valid
expect_out_contains 'id="t-study_coverage"'
expect_out_contains "Study of documents in the year"
# D1: orgs with members: ROOT A A1 A1C A2C B B1 B1C (8); committees ROOT A A1 B B1 (5);
# studied: A A1 A1C A2C (4), of which committees A A1 (2); members 4 of 5.
cells "doc_$D1"
expect_eq "21-NQ/TW: committees 2 of 5, organisations 4 of 8, members 4 of 5" "2 / 5|40.00%|4 / 8|50.00%|4 / 5|80.00%" "$CELLS"
# D2 must be studied in B's subtree only (its audience): B B1 B1C with members, committees
# B B1, members MEMBER_B and Z1; nobody covered.
cells "doc_$D2"
expect_eq "35-CT/TW: 0 of B's 2 committees, 0 of 3 organisations, 0 of 2 members" "0 / 2|0.00%|0 / 3|0.00%|0 / 2|0.00%" "$CELLS"
expect_out_contains '<td class="n"><a href="/documents/'"$D2"'/coverage?org=B&amp;missing=1#cov-orgs-table">0</a> / 2</td><td class="n">0.00%</td><td class="n"><a'
cells "doc_$D3"
expect_eq "769-NQ/QUTW (planned for 2025) is not in 2026's report" "<no row>" "$CELLS"
expect_out_contains "21-NQ/TW Nghị quyết về xây dựng Đảng"
expect_out_contains "<li data-key=\"doc_$D1\">21-NQ/TW Nghị quyết về xây dựng Đảng: Party committees 2 / 5 have studied it</li>"
expect_out_lacks "All party committees have studied it"
# The drill-down: each count links to the organisations not yet studied.
expect_out_contains "href=\"/documents/$D1/coverage?org=ROOT&amp;missing=1#cov-orgs-table\">2</a> / 5</td>"
expect_page "/documents/$D1/coverage?org=ROOT&missing=1"
expect_html_valid
expect_out_contains 'id="cov-missing"'
for c in ROOT B B1 B1C; do expect_out_contains "<code>$c</code>"; done
for c in A A1 A1C A2C; do expect_out_lacks "<code>$c</code>"; done
# Without missing=1 the page lists every organisation, as before.
expect_page "/documents/$D1/coverage?org=ROOT"
expect_out_contains "<code>A1C</code>"
# 2025's report has D3 (nobody covered) and not D1.
expect_page "/orgs/ROOT/report?year=2025"
cells "doc_$D3"
expect_eq "769-NQ/QUTW in 2025: nothing covered" "0 / 5|0.00%|0 / 8|0.00%|0 / 5|0.00%" "$CELLS"
cells "doc_$D1"
expect_eq "21-NQ/TW is not in 2025's report" "<no row>" "$CELLS"
server_stop

# ---------------------------------------------------------------------------------------------
tcase "a branch where every committee has studied it: 100%, and only then" "$RS"
server_start
login aclerk
expect_page "/orgs/A/report?year=2026"
cells "doc_$D1"
expect_eq "A: committees 2 of 2, organisations 4 of 4, members 3 of 3" "2 / 2|100.00%|4 / 4|100.00%|3 / 3|100.00%" "$CELLS"
expect_out_contains "<li data-key=\"doc_$D1\">21-NQ/TW Nghị quyết về xây dựng Đảng: All party committees have studied it (100%)</li>"
cells "doc_$D2"
expect_eq "35-CT/TW (planned for B) is not in A's report" "<no row>" "$CELLS"
# Nothing missing: the counts do not link.
expect_out_lacks "/documents/$D1/coverage?org=A&amp;missing=1"
# Vietnamese: the same sentence in Vietnamese, 100% only when true.
HTTP_LANG=vi
login aclerk
expect_page "/orgs/A/report?year=2026"
expect_out_contains "Học tập, quán triệt văn bản trong năm"
expect_out_contains "Tất cả cấp ủy đã học tập, quán triệt (100%)"
HTTP_LANG=en
# B's clerk: B's part, nothing of A.
login bclerk
expect_page "/orgs/B/report?year=2026"
cells "doc_$D1"
expect_eq "B: committees 0 of 2, organisations 0 of 3, members 1 of 2" "0 / 2|0.00%|0 / 3|0.00%|1 / 2|50.00%" "$CELLS"
expect_page "/documents/$D1/coverage?org=B&missing=1"
for c in B B1 B1C; do expect_out_contains "<code>$c</code>"; done
expect_out_lacks "<code>A1C</code>"
page GET "/documents/$D1/coverage?org=A&missing=1"
expect_status 404
server_stop

# ---------------------------------------------------------------------------------------------
tcase "the page to print, the CSV and the API's JSON carry the same rows" "$RS"
server_start
login admin
expect_page "/orgs/ROOT/report?year=2026&print=1"
cells "doc_$D1"
expect_eq "the page to print" "2 / 5|40.00%|4 / 8|50.00%|4 / 5|80.00%" "$CELLS"
page GET "/orgs/ROOT/report.csv?year=2026"
expect_status 200
cp "$OUTF" "$WORK/r.csv"
expect_py '[(r["column"], r["count"], r["base"], r["percent"]) for r in rows("r.csv") if r["table"] == "study_coverage" and r["row_key"] == "doc_'"$D1"'"] == [("committees", "2", "5", "40.00"), ("organisations", "4", "8", "50.00"), ("members", "4", "5", "80.00")]' "the CSV's rows of 21-NQ/TW"
TOKEN=$TOKEN_admin
api GET "/api/v1/orgs/ROOT/report?year=2026"
expect_status 200
expect_json '[(w["key"], w["filter"], w["records"], w["committees"]["count"], w["committees"].get("base"), w["members"]["count"], w["members"].get("base")) for w in d["tables"]["study_coverage"]["rows"]] == [("doc_'"$D1"'", "study_missing='"$D1"',ROOT", "study", 2, 5, 4, 5), ("doc_'"$D2"'", "study_missing='"$D2"',B", "study", 0, 2, 0, 2)]' "the API's rows, oldest document first, with the drill-down's filter"
server_stop

done_testing
