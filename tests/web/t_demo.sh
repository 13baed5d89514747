#!/bin/bash
# The pages on the demo data (about 30,000 members, 1,700 organisations): every page stays
# under 100 KB (lists are paged, the tree cut with links to the levels below) and valid.
. "$(dirname "$0")/lib_web.sh"

tcase "the demo database and an account"
demo_fixture "$DB" # a copy of the run's one demo database
expect_eq "demo built" 0 "$RC"
DEMO=$DB
cadre --json org tree --depth 1
json_val 'd[1]["code"]'
ROOT2=$JV
expect_eq "the military region under the root" QK2 "$ROOT2"
cadre --json member search nguyen --limit 1
json_val 'd[0]["id"]'
MEMBER=$JV
printf '%s\n' "$PW" >"$WORK/.pw"
STDIN=$WORK/.pw cadre user add chief --role viewer --org QK2
expect_eq "account added" 0 "$RC"
cadre --json member transfers --org QK2
json_val 'len(d)'
NTRANSFERS=$JV

tcase "every page under 100 KB and valid on the demo data"
DB=$DEMO
server_start
login chief
for p in /tree /tree?root=QK2 "/tree?as_of=2020-01-01" /orgs/QK2 "/orgs/QK2?offset=50" \
	"/members/$MEMBER" "/search?q=nguyen" "/search?q=nguyen&page=2" /transfers /audit; do
	expect_page "$p"
done
page GET /tree
expect_out_contains '<a class="deeper" href="/tree?root='
expect_true "the tree page holds at most 300 organisations" \
	test "$(grep -o '<a href="/orgs/' "$OUTF" | wc -l)" -le 300
# A region's roll is listed on demand (its counts come from the figures): a link, then pages.
page GET /orgs/QK2
expect_out_count 0 '<tr><td><a href="/members/'
expect_out_contains '<p id="members-on-demand"><a href="/orgs/QK2?offset=0#members">'
page GET "/orgs/QK2?offset=0"
expect_out_count 50 '<tr><td><a href="/members/'
expect_out_contains '<a rel="next" href="/orgs/QK2?offset=50">'
page GET "/orgs/QK2?offset=50"
expect_out_contains '<a rel="prev" href="/orgs/QK2?offset=0">'
page GET "/search?q=nguyen"
expect_out_count 50 '<tr><td><a href="/members/'
expect_out_contains '<a href="/search?q=nguyen&amp;page=2" rel="next">2</a>'
page GET /transfers
if [ "$NTRANSFERS" -gt 50 ]; then
	expect_out_count 50 '<tr id="transfer-'
else
	expect_out_count "$NTRANSFERS" '<tr id="transfer-'
fi
# The home page works on the demo: each item of the worklist waits (transfers to receive and
# overdue, the year's reviews, members sharing a number, recognition votes due after
# probation), and a name with đ of the numbers' list is found typed without
# accents.
expect_page /
for item in transfers_to_receive transfers_overdue reviews_undecided members_number_clash \
	adm_recognition_due; do
	expect_out_contains "<li id=\"wl-$item\" class=\"waits\">"
done
page GET /worklist/number-clash
expect_out_count 3 '<tr><td><a href="/members/'
name=$(grep -o '<tr><td><a href="/members/[0-9]*">[^<]*' "$OUTF" | sed 's/.*">//' | grep -m1 '[Đđ]')
expect_true "a clashing member's name holds đ" test -n "$name"
plain=$(printf '%s' "$name" | python3 -c 'import sys, unicodedata; s = sys.stdin.read().replace("đ", "d").replace("Đ", "D"); print("".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).lower())')
page GET "/search?q=${plain// /+}"
expect_out_contains ">$name</a>"
server_stop

done_testing
