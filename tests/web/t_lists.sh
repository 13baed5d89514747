#!/bin/bash
# The list pages: the roll of an organisation (filters, sortable columns, totals, page
# numbers, CSV and XLSX of what the list shows), the open transfers (the same, and overdue
# marked as the CLI marks it), the audit log (filters, paging through all of it beyond 5,000
# entries, by page number and by its keyset "next").
. "$(dirname "$0")/lib_web.sh"
. "$(dirname "$0")/../http/lib_lists.sh"

FX=$WORK/fx.db
web_fixture "$FX"
FXL=$WORK/fx_lists.db
lists_fixture "$FXL" "$FX"

# ids [TABLE_ID]: the member ids of the rows of the last page's table (default roll), in order.
ids() {
	python3 - "$OUTF" "${1:-roll}" <<'PY'
import re, sys
h = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<table[^>]*id="%s".*?<tbody>(.*?)</tbody>' % sys.argv[2], h, re.S)
rows = re.findall(r'<tr[^>]*>(.*?)</tr>', m.group(1), re.S) if m else []
out = []
for r in rows:
    k = re.search(r'href="/members/(\d+)"', r)
    out.append(k.group(1) if k else "-")
print(" ".join(out))
PY
}
# total: the "N in all" of the last page's list.
total() { sed -n 's/.*id="list-total">[^<]*\/ \([0-9]*\) .*/\1/p' "$OUTF" | head -1; }
# sq SQL: one value from the database under test.
sq() { sqlite3 "$DB" "$1"; }
ROLL="FROM member m JOIN org o ON o.id = m.org_id WHERE o.code = 'A1C' AND m.status IN ('probationary','official','exempt','suspended')"
# The birth dates of an age band on 2026-11-23 (CADRE_TODAY) as day numbers: after, until.
band() {
	python3 -c '
import datetime, sys
lo, hi = int(sys.argv[1]), int(sys.argv[2])
d0 = datetime.date(1970, 1, 1)
until = (datetime.date(2026 - lo, 11, 23) - d0).days
after = (datetime.date(2026 - hi - 1, 11, 23) - d0).days
print(after, until)' "$1" "$2"
}

tcase "roll: filters change the totals by the right numbers; sorting by the rows" "$FXL"
server_start
login admin
page GET "/orgs/A1C?offset=0"
expect_status 200
all=$(sq "SELECT count(*) $ROLL")
expect_eq "the roll's total" "$all" "$(total)"
expect_true "over 5,100 on the roll ($all)" test "$all" -gt 5100
page GET "/orgs/A1C?sex=female"
female=$(total)
expect_eq "women" "$(sq "SELECT count(*) $ROLL AND m.sex = 'female'")" "$female"
page GET "/orgs/A1C?sex=male"
expect_eq "men and women are the whole roll" "$all" "$(($(total) + female))"
page GET "/orgs/A1C?status=probationary"
expect_eq "probationary" "$(sq "SELECT count(*) $ROLL AND m.status = 'probationary'")" "$(total)"
page GET "/orgs/A1C?status=probationary&sex=female"
expect_eq "probationary women" "$(sq "SELECT count(*) $ROLL AND m.status = 'probationary' AND m.sex = 'female'")" "$(total)"
page GET "/orgs/A1C?category=officer"
expect_eq "officers" "$(sq "SELECT count(*) $ROLL AND m.category = 'officer'")" "$(total)"
read -r after until <<<"$(band 31 40)"
page GET "/orgs/A1C?age=31-40"
expect_eq "aged 31-40" "$(sq "SELECT count(*) $ROLL AND m.birth_date > $after AND m.birth_date <= $until")" "$(total)"
sum=0
for b in 18-30 31-40 41-50 51-60 61-; do
	page GET "/orgs/A1C?age=$b"
	sum=$((sum + $(total)))
done
young=$(sq "SELECT count(*) $ROLL AND m.birth_date > $(band 18 18 | cut -d' ' -f2)")
expect_eq "the age bands cover the roll (but those under 18)" "$all" "$((sum + young))"
page GET "/orgs/A?kind=cell"
expect_eq "members of cells under A" "$(sq "SELECT count(*) FROM member m JOIN org o ON o.id = m.org_id WHERE o.kind = 'cell' AND o.code IN ('A1C','AX') AND m.status IN ('probationary','official','exempt','suspended')")" "$(total)"
page GET "/orgs/A?kind=grassroots"
expect_eq "nobody on a grassroots roll" 0 "$(total)"
expect_out_contains 'No member on this page.'
page GET "/orgs/A1C?sort=birth"
expect_eq "by date of birth (then name)" \
	"$(sq "SELECT group_concat(id, ' ') FROM (SELECT m.id $ROLL ORDER BY m.birth_date, m.sort_key, m.id LIMIT 50)")" "$(ids)"
expect_out_contains 'aria-sort="ascending"'
expect_out_contains 'href="/orgs/A1C?sort=-birth"'
page GET "/orgs/A1C?sort=-birth&sex=female"
expect_eq "women, youngest first" \
	"$(sq "SELECT group_concat(id, ' ') FROM (SELECT m.id $ROLL AND m.sex = 'female' ORDER BY m.birth_date DESC, m.sort_key, m.id LIMIT 50)")" "$(ids)"
expect_out_contains 'aria-sort="descending"'
page GET "/orgs/A1C?sort=name&status=official&offset=100"
expect_eq "page 3 by name" \
	"$(sq "SELECT group_concat(id, ' ') FROM (SELECT m.id $ROLL AND m.status = 'official' ORDER BY m.sort_key, m.id LIMIT 50 OFFSET 100)")" "$(ids)"
page GET "/orgs/A1C?sort=height"
expect_status 400
page GET "/orgs/A1C?age=100-"
expect_status 400
server_stop

tcase "roll: page numbers, and CSV and XLSX of exactly the list shown" "$FXL"
server_start
login admin
page GET "/orgs/A1C?sex=female&sort=-birth"
f=$(total)
lastp=$(((f + 49) / 50))
expect_out_contains '<strong aria-current="page">1</strong>'
expect_out_contains '<a href="/orgs/A1C?sex=female&amp;sort=-birth&amp;offset=50">2</a>'
expect_out_contains "<a href=\"/orgs/A1C?sex=female&amp;sort=-birth&amp;offset=$(((lastp - 1) * 50))\">$lastp</a>"
expect_out_contains 'rel="next"'
expect_out_contains 'href="/orgs/A1C?sex=female&amp;sort=-birth&amp;format=csv"'
shown=$(ids)
page GET "/orgs/A1C?sex=female&sort=-birth&offset=$(((lastp - 1) * 50))"
expect_out_contains "<strong aria-current=\"page\">$lastp</strong>"
expect_eq "the last page holds the rest" "$((f - (lastp - 1) * 50))" "$(ids | wc -w)"
page GET "/orgs/A1C?sex=female&sort=-birth&format=csv"
expect_status 200
expect_header '^content-type: text/csv'
expect_header 'content-disposition: attachment; filename="members.csv"'
cp "$OUTF" "$WORK/roll.csv"
expect_py "len(rows('$WORK/roll.csv')) == $f" "every row of the list, the filters kept"
page GET "/orgs/A1C?sex=female&sort=-birth"
names=$(python3 -c '
import re, sys
h = open(sys.argv[1], encoding="utf-8").read()
body = re.search(r"id=\"roll\".*?<tbody>(.*?)</tbody>", h, re.S).group(1)
print("|".join(re.findall(r"<a href=\"/members/\d+\">([^<]*)</a>", body)))' "$OUTF")
expect_eq "the CSV's first rows are the page's rows, in its order" "$names" \
	"$(python3 -c 'import csv, sys; r = list(csv.reader(open(sys.argv[1], encoding="utf-8")))[1:51]; print("|".join(x[0] for x in r))' "$WORK/roll.csv")"
page GET "/orgs/A1C?sex=female&sort=-birth&format=xlsx"
expect_status 200
expect_header 'content-type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
expect_eq "the workbook's rows: a head and every row of the list" "$((f + 1))|${names%%|*}" \
	"$(python3 -c '
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
x = z.read("xl/worksheets/sheet1.xml").decode()
rows = re.findall(r"<row [^>]*>(.*?)</row>", x, re.S)
ss = []
if "xl/sharedStrings.xml" in z.namelist():
    ss = re.findall(r"<si><t[^>]*>([^<]*)</t></si>", z.read("xl/sharedStrings.xml").decode())
c = re.search(r"<c [^>]*?(t=\"(\w+)\")?[^>]*>(.*?)</c>", rows[1], re.S)
v = re.search(r"<t[^>]*>([^<]*)</t>", c.group(3)) or re.search(r"<v>([^<]*)</v>", c.group(3))
first = ss[int(v.group(1))] if c.group(2) == "s" else v.group(1)
print("%d|%s" % (len(rows), first))' "$OUTF")"
page GET "/orgs/A1C?format=pdf"
expect_status 400
server_stop

tcase "transfers: overdue marked as the CLI flags it; filters, sorting, CSV" "$FXL"
expect_exit 0 member transfer "$MEMBER_A" --to B1C --date 2026-06-01
cadre --json member transfers
json_val 'sorted(str(t["id"]) for t in d if t["overdue"])'
overdue=$JV
json_val 'len(d)'
open=$JV
server_start
login admin
page GET /transfers
expect_status 200
expect_eq "every open transfer listed" "$open" "$(total)"
expect_eq "overdue rows marked on the page as in the CLI" "$overdue" "$(python3 -c '
import json, re, sys
h = open(sys.argv[1], encoding="utf-8").read()
rows = re.findall(r"<tr id=\"transfer-(\d+)\">(.*?)</tr>", h, re.S)
print(json.dumps(sorted(i for i, r in rows if "class=\"flag\"" in r and "due overdue" in r)))' "$OUTF")"
page GET "/transfers?overdue=1"
expect_eq "the overdue ones only" "$(python3 -c 'import ast,sys; print(len(ast.literal_eval(sys.argv[1])))' "$overdue")" "$(total)"
page GET "/transfers?kind=temporary"
expect_eq "no temporary transfer" 0 "$(total)"
page GET "/transfers?state=sent&sort=-name"
expect_eq "sent ones, by name in reverse" "$MEMBER_A2 $MEMBER_A $MEMBER_B2" "$(ids transfers)"
page GET "/transfers?sort=name&format=csv"
cp "$OUTF" "$WORK/tr.csv"
expect_py "len(rows('$WORK/tr.csv')) == $open" "the CSV holds every open transfer"
page GET "/transfers?kind=sideways"
expect_status 400
server_stop

tcase "audit: filters, page numbers beyond 5,000 entries, keyset next, CSV" "$FXL"
server_start
login admin
page GET "/audit?action=review.member.decision"
expect_status 200
expect_eq "the filtered total" 5100 "$(total)"
expect_out_contains '<a href="/audit?action=review.member.decision&amp;offset=5050">102</a>'
auditids() { grep -o '<tr><td class="n">[0-9]*' "$OUTF" | grep -o '[0-9]*$' | tr '\n' ' ' | sed 's/ $//'; }
q="SELECT group_concat(id, ' ') FROM (SELECT id FROM audit WHERE action = 'review.member.decision' ORDER BY id DESC"
expect_eq "the newest first" "$(sq "$q LIMIT 50)")" "$(auditids)"
next=$(grep -o 'rel="next" href="[^"]*"' "$OUTF" | sed 's/.*href="//; s/"$//; s/&amp;/\&/g')
expect_true "next is a keyset link ($next)" test -n "$next" -a -z "${next##*before=*}"
page GET "$next"
expect_eq "the next page by its key" "$(sq "$q LIMIT 50 OFFSET 50)")" "$(auditids)"
expect_out_contains '<strong aria-current="page">2</strong>'
page GET "/audit?action=review.member.decision&offset=5050"
expect_eq "the last page, beyond 5,000" "$(sq "$q LIMIT 50 OFFSET 5050)")" "$(auditids)"
expect_out_lacks 'rel="next"'
deep=$(sq "$q LIMIT 1 OFFSET 5000)")
page GET "/audit?action=review.member.decision&before=$deep"
expect_eq "keyset deep in the log" "$(sq "$q LIMIT 50 OFFSET 5001)")" "$(auditids)"
expect_out_contains '<strong aria-current="page">101</strong>'
page GET "/audit?action=review.member.decision&format=csv"
expect_status 200
cp "$OUTF" "$WORK/audit.csv"
expect_py "len(rows('$WORK/audit.csv')) == 5100" "the CSV holds every entry the filters pick"
expect_eq "in the page's order" "$(sq "$q LIMIT 3)")" \
	"$(python3 -c 'import csv, sys; r = list(csv.reader(open(sys.argv[1], encoding="utf-8")))[1:4]; print(" ".join(x[0] for x in r))' "$WORK/audit.csv")"
page GET "/audit?subject=member:$MEMBER_A2"
expect_eq "one record's entries" "$(sq "SELECT count(*) FROM audit WHERE subject = 'member:$MEMBER_A2'")" "$(total)"
who=$(sq "SELECT actor FROM audit WHERE action = 'import.members' LIMIT 1")
page GET "/audit?actor=$who&action=import.members"
expect_eq "an actor and an action ($who)" "$(sq "SELECT count(*) FROM audit WHERE actor = '$who' AND action = 'import.members'")" "$(total)"
expect_true "some ($who)" test "$(total)" -ge 1
page GET "/audit?from=2000-01-01&to=2000-12-31"
expect_eq "a range of days without entries" 0 "$(total)"
expect_out_contains 'id="no-entries"'
page GET "/audit?from=2026-13-01"
expect_status 400
login bclerk
page GET "/audit?action=review.member.decision"
expect_eq "B's clerk sees none of A's entries" 0 "$(total)"
server_stop

done_testing
