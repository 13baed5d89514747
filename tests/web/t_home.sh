#!/bin/bash
# t_home.sh - the start page (GET /) is the worklist of the signed-in account's subtree: the
# counts of the hand-made data of tests/api/lib_worklist.sh (A: 2 transfers to receive, 1
# overdue, 3 members not yet reviewed for 2026, 1 record whose number clashes), each a link
# to a list that holds those rows; another subtree sees none of them; in Vietnamese too. And
# the tree page opens two levels, is small, and links to the levels below.
. "$(dirname "$0")/lib_web.sh"
. "$(dirname "$0")/../api/lib_worklist.sh"

FX=$WORK/fx.db
worklist_fixture "$FX"
DB=$FX
cadre member show "$WL_A1" --json
json_val 'd["full_name"]'
NAME_A1=$JV
server_start

# count ID: the count shown for item ID on the last page, into JV.
count() {
	JV=$(python3 - "$OUTF" "$1" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<li id="wl-%s"[^>]*><a href="([^"]*)"><span class="count">([0-9]+)</span>' % sys.argv[2], s)
print(m.group(2) + " " + m.group(1).replace("&amp;", "&") if m else "none")
PY
)
}

tcase "the home page of an account of branch A"
login aclerk
expect_page /
expect_out_contains "What waits for you"
expect_out_contains "Đảng bộ Sư đoàn A"
count transfers_to_receive; expect_eq "transfers to receive, and their list" "2 /transfers" "$JV"
count transfers_overdue; expect_eq "overdue transfers" "1 /transfers" "$JV"
count reviews_undecided
expect_eq "undecided reviews" "3 /orgs/A/report/members?year=2026&filter=grade%3Dnone" "$JV"
count members_number_clash; expect_eq "records with problems" "1 /worklist/number-clash" "$JV"
# A's one cell has no meeting recorded: it missed October's and the third quarter's.
count meet_monthly_missed
expect_eq "cells without last month's meeting" "1 /orgs/A/meetings/figures?from=2026-10-01&to=2026-10-31&show=missed_monthly" "$JV"
count meet_thematic_missed
expect_eq "cells without last quarter's thematic meeting" "1 /orgs/A/meetings/figures?from=2026-07-01&to=2026-09-30&show=missed_thematic" "$JV"
expect_out_count 6 'class="waits"'

tcase "the links lead to lists with those rows"
expect_page /transfers
expect_out_contains "id=\"transfer-$TR_IN1\""
expect_out_contains "id=\"transfer-$TR_IN2\""
expect_out_contains "id=\"transfer-$TR_OUT\""
expect_out_contains "<strong class=\"flag\">Overdue</strong> since"
expect_page "/orgs/A/report/members?year=2026&filter=grade%3Dnone"
expect_out_contains "/members/$MEMBER_A\""
expect_out_contains "/members/$WL_A2\""
expect_out_contains "/members/$WL_A3\""
expect_out_lacks "/members/$WL_A1\""
expect_page /worklist/number-clash
expect_out_contains "/members/$WL_A2\""
expect_out_count 1 'href="/members/'

tcase "in Vietnamese"
HTTP_LANG=vi
login aclerk
expect_page /
expect_out_contains "Việc cần làm"
expect_out_contains "Chuyển sinh hoạt đến cần tiếp nhận"
expect_out_contains "Đảng viên chưa được đánh giá, xếp loại trong năm"
HTTP_LANG=en

tcase "an account of another subtree sees none of them"
login cview
expect_page /
count transfers_to_receive; expect_eq "no transfer to receive" "0 /transfers" "$JV"
count transfers_overdue; expect_eq "no overdue transfer" "0 /transfers" "$JV"
count members_number_clash; expect_eq "no clash" "0 /worklist/number-clash" "$JV"
count reviews_undecided
expect_eq "its own member only" "1 /orgs/C/report/members?year=2026&filter=grade%3Dnone" "$JV"
expect_page /worklist/number-clash
expect_out_lacks "/members/$WL_A2\""
expect_out_contains 'id="no-members"'

tcase "signed out: to the sign-in page"
rm -f "$JAR"
page GET /
expect_status 303
expect_header '^location: /login\?next=(/|%2F)'

tcase "the tree opens two levels, links deeper, and stays small"
login admin
expect_page /tree
# ROOT, and A, B, C below it: open; their organisations (A1, B1, C1) shown, not opened.
expect_out_count 4 '<details class="tree" open>'
expect_out_contains 'href="/tree?root=A1"'
expect_out_lacks '/orgs/A1C"'
n=$(wc -c <"$OUTF")
expect_true "the tree page is under 30 KB ($n bytes)" test "$n" -lt 30720
expect_page "/tree?root=A1"
expect_out_contains '/orgs/A1C"'

server_stop
done_testing
