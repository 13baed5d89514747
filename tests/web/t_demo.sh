#!/bin/bash
# The pages on the demo data (about 30,000 members, 1,700 organisations): every page stays
# under 100 KB (lists are paged, the tree cut with links to the levels below) and valid.
. "$(dirname "$0")/lib_web.sh"

tcase "the demo database and an account"
cadre demo
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
server_stop

done_testing
