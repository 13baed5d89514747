#!/bin/bash
# t_doc_import.sh - the register of documents imported from the import page (/import, kind
# documents; docs/study.md): a good file imported with its counts, a bad one refused whole
# with each bad row's line, column and reason and nothing written, skipping bad rows refused.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"
. "$HERE/lib_forms.sh"

FX=$WORK/fx.db
http_fixture "$FX"

tcase "import documents from the page: good, bad rows reported, nothing written" "$FX"
printf 'number,issued_on,title,replaces,org\n168-kh/DU,2021-04-01,Kế hoạch học tập,21-NQ/TW,A1\n21-NQ/TW,2016-10-30,Nghị quyết Trung ương 4,,A\n' >good.csv
printf 'number,issued_on,title,org\n21-XX/TW,2016-10-30,a,A\n35-CT/TW,2019-05-30,b,A\n21-NQ/TW,2016-10-30,dup,A\n' >bad.csv
server_start
login aclerk
page GET /import
expect_status 200
expect_out_contains 'value="documents"'
page POST /import -F "csrf=$CSRF" -F kind=documents -F "file=@good.csv;type=text/csv"
expect_status 200
expect_valid_html
htmlq text imported
expect_eq "rows imported" 2 "$HQ"
expect_out_contains "Every row was imported."
cadre --json doc list
expect_json '[x["number"] for x in d] == ["168-KH/ĐU", "21-NQ/TW"] and d[0]["replaces"]["number"] == "21-NQ/TW"'
page POST /import -F "csrf=$CSRF" -F kind=documents -F "file=@bad.csv;type=text/csv"
expect_status 422
expect_valid_html
htmlq text imported
expect_eq "rows imported" 0 "$HQ"
htmlq text rejected
expect_eq "rows rejected" 2 "$HQ"
expect_out_contains "Fix the rows below and import the whole file again."
expect_true "the report names line 2, number" grep -q '<td class="line">2</td><td class="col">number</td><td class="val">21-XX/TW</td>' "$OUTF"
expect_true "the report names line 4, number" grep -q '<td class="line">4</td><td class="col">number</td><td class="val">21-NQ/TW</td>' "$OUTF"
cadre --json doc list
expect_json 'len(d) == 2' "nothing written"
page POST /import -F "csrf=$CSRF" -F kind=documents -F skip_bad=1 -F "file=@good.csv;type=text/csv"
expect_status 422
expect_out_contains "all or nothing"
server_stop

done_testing
