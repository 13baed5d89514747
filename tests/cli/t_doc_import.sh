#!/bin/bash
# t_doc_import.sh - the register of documents imported from CSV (cadre import documents,
# docs/study.md): a good file (numbers typed loosely, text normalised, a row replacing one
# before or after it or one already registered), every kind of bad row reported with its line
# and field (a number that cannot be read with the byte, a date, an unknown organisation, the
# same document twice in the file or already registered, what it replaces unknown, a circle),
# nothing written on any error (rows of document and audit counted), one audit entry per file,
# and the round trip: doc list --csv imported into an empty register gives the same list.
. "$(dirname "$0")/lib.sh"

cat >orgs.csv <<'XEOF'
code,parent_code,name,kind,established
ROOT,,Quân ủy Trung ương,committee,2010-01-01
QK2,ROOT,Đảng ủy Quân khu 2,committee,2010-01-01
E99,ROOT,Đảng ủy Trung đoàn 99,grassroots,2012-01-01
XEOF
build_db "$WORK/base.db" orgs.csv

# count TABLE: the rows of TABLE in $DB (CNT)
count() { CNT=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM " + sys.argv[2]).fetchone()[0])' "$DB" "$1"); }

tcase "a good file: numbers in one spelling, text normalised, replaces before or after" "$WORK/base.db"
expect_exit 0 --json doc add '35-CT/TW' --title 'Chỉ thị 35' --issued-on 2019-05-30 --org ROOT
# line 2 replaces line 3 (after it), line 4 one already registered; NFD title and spaces
printf 'number,issued_on,title,replaces,org\n168-kh/DU,2021-04-01,  Kế hoạch  học tập ,21-NQ/TW,QK2\n 21 – nq / tw ,2016-10-30,Nghị quyết Trung ương 4,,ROOT\n243-CTr/ĐU,2021-05-01,Ke\xcc\x82\xcc\x81 hoa\xcc\xa3ch,35-CT/TW,E99\n' >good.csv
expect_exit 0 --json import documents good.csv
expect_json 'd == {"imported": "documents", "rows": 3, "imported_rows": 3, "rejected": 0, "warnings": 0}'
expect_exit 0 --json doc list
expect_json '[x["number"] for x in d] == ["243-CTr/ĐU", "168-KH/ĐU", "35-CT/TW", "21-NQ/TW"]'
expect_json 'd[1]["replaces"]["number"] == "21-NQ/TW" and d[1]["title"] == "Kế hoạch học tập" and d[1]["org"] == "QK2"'
expect_json 'd[0]["replaces"]["number"] == "35-CT/TW" and d[0]["title"] == "Kế hoạch"' "a decomposed title stored in NFC"
count document
expect_eq "documents registered" 4 "$CNT"
expect_exit 0 --json audit list
expect_json 'len([x for x in d if x["action"] == "import.documents"]) == 1 and not [x for x in d if x["action"] == "doc.add" and x["subject"] != "document:1"]' "one audit entry for the file"
# the same file again: every row a duplicate of the register
count audit
AUD=$CNT
expect_refused 5 "already registered" import documents good.csv
count document
expect_eq "nothing added" 4 "$CNT"
count audit
expect_eq "no audit entry" "$AUD" "$CNT"

tcase "every bad row with its line and field; nothing written" "$WORK/base.db"
expect_exit 0 doc add '21-NQ/TW' --title 'Nghị quyết' --issued-on 2016-10-30 --org ROOT
cat >bad.csv <<'XEOF'
number,issued_on,title,replaces,org
21-XX/TW,2016-10-30,a,,ROOT
36-CT/TW,2016-02-30,b,,ROOT
37-CT/TW,2016-02-01,c,,NOPE
38-CT/TW,2016-02-01,d,,ROOT
38-CT/TW,2016-02-01,d again,,ROOT
21-NQ/TW,2016-10-30,dup,,ROOT
39-CT/TW,2016-02-01,e,99-NQ/TW,ROOT
40-CT/TW,2016-02-01,,,ROOT
41-CT/TW,2016-02-01,f,42-CT/TW,ROOT
42-CT/TW,2016-02-01,g,41-CT/TW,ROOT
43-CT/TW,2016-02-01,h,36-CT/TW,ROOT
44-CT/TW,2016-02-01,i,,ROOT
XEOF
count document
DOCS=$CNT
count audit
AUD=$CNT
expect_refused 3 "nothing was imported: 10 of 12 rows have problems" import documents bad.csv
expect_err_contains "line 2: number '21-XX/TW': the number '21-XX/TW' cannot be read at byte 3: expected a known type of document"
expect_err_contains "line 3: issued_on '2016-02-30': 2016-02-30 is not a real calendar date"
expect_err_contains "line 4: org 'NOPE': no organisation has the code 'NOPE'"
expect_err_contains "line 6: number '38-CT/TW': document 38-CT/TW of 2016-02-01 is also on line 5"
expect_err_contains "line 7: number '21-NQ/TW': document 21-NQ/TW of that date is already registered (id 1)"
expect_err_contains "line 8: replaces '99-NQ/TW': no document has the number or id '99-NQ/TW'"
expect_err_contains "line 9: title: the title is required"
expect_err_contains "line 11: replaces '41-CT/TW': the documents on lines 11 and 10 replace each other in a circle"
expect_err_contains "line 10: replaces '42-CT/TW': it replaces the document on line 11"
expect_err_contains "line 12: replaces '36-CT/TW': it replaces the document on line 3, which cannot be registered"
expect_err_lacks "line 13"
count document
expect_eq "no document written" "$DOCS" "$CNT"
count audit
expect_eq "no audit entry written" "$AUD" "$CNT"
# the JSON report names every problem too
expect_refused 3 "nothing was imported" --json import documents bad.csv
# the type and issuer columns of an export are checked against the number
printf 'number,type,issuer,issued_on,title\n45-CT/TW,NQ,TW,2016-02-01,x\n46-CT/TW,CT,BQP,2016-02-01,y\n' >ti.csv
expect_refused 3 "line 2: type 'NQ': the type NQ is not that of the number 45-CT/TW (CT)" import documents ti.csv
expect_err_contains "line 3: issuer 'BQP': the issuer BQP is not that of the number 46-CT/TW (TW)"
# header problems, a file with no rows, a future date, --skip-bad refused
printf 'number,title\n1-NQ/TW,x\n' >h.csv
expect_refused 3 "the header has no 'issued_on' column" import documents h.csv
printf 'number,issued_on,title\n' >empty.csv
expect_refused 3 "the file has a header but no documents" import documents empty.csv
printf 'number,issued_on,title,org\n47-CT/TW,2027-01-01,x,ROOT\n' >fut.csv
expect_refused 5 "R-MEMBER-DATES" import documents fut.csv
expect_refused 2 "all or nothing" import documents good.csv --skip-bad rej.csv

tcase "round trip: the register's CSV imported into an empty register" "$WORK/base.db"
expect_exit 0 doc add '35-CT/TW' --title 'Chỉ thị 35' --issued-on 2019-05-30 --org ROOT
expect_exit 0 import documents good.csv
expect_exit 0 doc add '769-NQ/QUTW' --title 'Nghị quyết, "Quân ủy"' --issued-on 2012-12-21 --org ROOT
expect_exit 0 doc add '54/2017/TT-BQP' --title 'Thông tư' --issued-on 2017-03-20 --org QK2 --replaces 769-NQ/QUTW
expect_exit 0 doc list --csv "$WORK/reg.csv"
expect_exit 0 doc list --xlsx "$WORK/reg.xlsx"
expect_py 'open("'"$WORK/reg.xlsx"'", "rb").read(2) == b"PK"' "an XLSX workbook"
expect_py 'len(rows("'"$WORK/reg.csv"'")) == 6 and rows("'"$WORK/reg.csv"'")[-1]["number"] == "769-NQ/QUTW"'
cp "$WORK/base.db" "$WORK/empty.db"
DB=$WORK/empty.db
expect_exit 0 --json import documents "$WORK/reg.csv"
expect_json 'd["imported_rows"] == 6'
expect_exit 0 doc list --csv "$WORK/back.csv"
expect_true "the export of the imported register is the same file" cmp "$WORK/reg.csv" "$WORK/back.csv"
# --once: the same file a second time imports nothing and says so
cp "$WORK/base.db" "$WORK/once.db"
DB=$WORK/once.db
expect_exit 0 import documents "$WORK/reg.csv" --once
expect_exit 0 import documents "$WORK/reg.csv" --once
expect_out_contains "was already imported"

done_testing
