#!/bin/bash
# The record pages: tree, organisation, member, search, transfers, audit. Each is rendered
# with an organisation and a member named <script>"'&, checked for escaping and validated;
# the values that matter (counts, rows, links, forms) are asserted.
. "$(dirname "$0")/lib_web.sh"

FX=$WORK/fx.db
web_fixture "$FX"

tcase "every page: 200, valid HTML, escaped, under 100 KB (administrator)" "$FX"
server_start
login admin
for p in /tree "/tree?root=A" "/tree?as_of=2010-06-01" /orgs/ROOT /orgs/A /orgs/A1 /orgs/AX \
	/orgs/A1C "/members/$MEMBER_EVIL" "/members/$MEMBER_SQL" "/members/$MEMBER_A" \
	"/members/$MEMBER_A2" "/search?q=%3Cscript%3E" "/search?q=robert&org=A" \
	"/search?q=nobody+at+all" /transfers "/transfers?org=AX" /audit "/audit?org=AX"; do
	expect_page "$p"
done
server_stop

tcase "the organisation named <script>\"'&: escaped in tree, page, search, transfers, audit" "$FX"
server_start
login admin
page GET "/tree?root=A"
expect_out_contains "<a href=\"/orgs/AX\">$EVIL_ESC</a>"
page GET /orgs/AX
expect_out_contains "<h1>$EVIL_ESC</h1>"
expect_out_contains "<title>$EVIL_ESC · cadre</title>"
page GET "/members/$MEMBER_EVIL"
expect_out_contains "<h1>$EVIL_ESC</h1>"
expect_out_contains "<a href=\"/orgs/AX\">$EVIL_ESC</a>"
page GET "/search?q=$(printf '%s' "$EVIL" | python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.stdin.read()))')"
expect_status 200
expect_out_contains "<a href=\"/members/$MEMBER_EVIL\">$EVIL_ESC</a>"
expect_escaped
expect_html_valid
expect_out_contains "value=\"$EVIL_ESC\""
page GET "/transfers?org=AX"
expect_out_contains "<a href=\"/orgs/AX\">AX</a>"
page GET /audit
expect_out_contains "$EVIL_ESC"
expect_escaped
server_stop

tcase "SQL-looking text is shown literally" "$FX"
server_start
login aview
page GET "/members/$MEMBER_SQL"
expect_status 200
expect_out_contains "<h1>Robert&#39;); DROP TABLE member;--</h1>"
expect_out_contains "<dd>Robert&#39;); DROP TABLE member;--</dd>"
page GET "/search?q=$(printf '%s' "$SQLISH" | python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.stdin.read()))')"
expect_status 200
expect_out_contains "<a href=\"/members/$MEMBER_SQL\">Robert&#39;); DROP TABLE member;--</a>"
expect_html_valid
page GET "/search?q=robert"
expect_out_contains "/members/$MEMBER_SQL\""
server_stop
cadre member show "$MEMBER_A"
expect_out_contains "Nguyễn Văn An"

tcase "the tree: counts, links, two levels open, deeper levels by link, as of a date" "$FX"
server_start
login aview
page GET /tree
expect_status 200
expect_out_contains '<div class="branch"><div class="line"><a href="/orgs/A">Đảng bộ Sư đoàn A</a>'
expect_out_contains '<div class="branch"><div class="line"><a href="/orgs/A1">Đảng bộ Trung đoàn A1</a>'
expect_out_contains '<details class="tree" open><summary><span class="vh">Organisations below: Đảng bộ Trung đoàn A1</span></summary>'
# A1C: one official member (MEMBER_A, MEMBER_SQL; MEMBER_A2 is on its way out but still on
# the roll): three.
python3 - "$OUTF" <<'PY' >"$WORK/a1c.txt"
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<a href="/orgs/A1C">[^<]*</a>.*?<b class="official">(\d+)</b>.*?<b class="probationary">(\d+)</b>', s)
print(m.group(1) + " " + m.group(2) if m else "none")
PY
expect_eq "A1C counts in the tree (official probationary)" "3 0" "$(cat "$WORK/a1c.txt")"
expect_out_lacks '/orgs/B'
expect_out_lacks '/orgs/ROOT'
page GET "/tree?as_of=2000-06-01"
expect_status 200
expect_out_lacks '/orgs/AX'
expect_out_contains '/orgs/A1C'
page GET "/tree?as_of=2026-13-45"
expect_status 400
page GET "/tree?root=B"
expect_status 404
server_stop

tcase "the organisation page: facts, figures, children, members, actions, history" "$FX"
server_start
login aclerk
page GET /orgs/A1
expect_status 200
expect_out_contains '<dd><code>A1</code></dd>'
expect_out_contains '<a href="/orgs/A">Đảng bộ Sư đoàn A</a>'
expect_out_contains 'id="add-member" href="/orgs/A1/members/new"'
expect_out_contains 'id="transfers" href="/transfers?org=A1"'
expect_out_contains '<td class="n" id="total">4</td>'
expect_out_contains '<a href="/orgs/A1C">Chi bộ Đại đội A1C</a>'
expect_out_contains "<a href=\"/members/$MEMBER_A\">Nguyễn Văn An</a>"
expect_out_count 4 '<tr><td><a href="/members/'
page GET /orgs/A
# the parent of the user's own scope is above it: not named, not linked
expect_out_lacks '/orgs/ROOT'
expect_out_lacks 'Quân khu thử'
cadre org rename A1C "Chi bộ Đại đội A1C mới" --date 2026-11-10
page GET /orgs/A1C
expect_out_contains 'Restructuring history'
expect_out_contains '<td>2026-11-10</td><td>Renamed</td>'
page GET "/orgs/A1?offset=abc"
expect_status 400
page GET /orgs/NOPE
expect_status 404
server_stop

tcase "the member page: record, timeline, actions, audit entry of the opening" "$FX"
server_start
login aclerk
page GET "/members/$MEMBER_A2"
expect_status 200
expect_out_contains '<dd id="status">Official (since'
expect_out_contains "href=\"/members/$MEMBER_A2/edit\""
expect_out_contains "href=\"/members/$MEMBER_A2/transfer\""
expect_out_contains "href=\"/members/$MEMBER_A2/status\""
expect_out_contains '<td>2026-11-02</td><td>Transfer sent</td>'
expect_out_contains 'id="member-transfers"'
expect_out_contains 'id="printed"'
expect_out_contains 'printed by aclerk'
cadre --json audit list --limit 5
expect_json "any(x['action'] == 'member.read' and x['subject'] == 'member:$MEMBER_A2' and x['actor'] == 'aclerk' and x['address'] == '127.0.0.1' for x in d)" \
	"the opening is in the audit log, with who and from where"
page GET /members/0
expect_status 404
page GET /members/12abc
expect_status 404
page GET /members/999999
expect_status 404
server_stop

tcase "search: accent-free, within an organisation, no result" "$FX"
server_start
login aview
page GET "/search?q=nguyen+van+an"
expect_status 200
expect_out_contains "<a href=\"/members/$MEMBER_A\">Nguyễn Văn An</a>"
page GET "/search?q=pham&org=AX"
expect_out_lacks "/members/$MEMBER_A2\""
page GET "/search?q=pham&org=A1C"
expect_out_contains "/members/$MEMBER_A2\""
page GET "/search?q=zzzz"
expect_out_contains 'id="no-results"'
page GET "/search"
expect_status 200
expect_html_valid
server_stop

tcase "transfers: the open ones with a receive form (date) each, leading to a confirmation" "$FX"
server_start
login aclerk
page GET /transfers
expect_status 200
expect_out_contains "<tr id=\"transfer-$TRANSFER_A\">"
expect_out_contains "<form class=\"inline\" method=\"get\" action=\"/transfers/$TRANSFER_A/receive\">"
expect_out_contains "id=\"date-$TRANSFER_A-receive\" name=\"date\" type=\"date\" required value=\"2026-11-23\""
expect_out_contains "<a href=\"/members/$MEMBER_A2\">Phạm Thị Dung</a>"
cadre member transfer "$MEMBER_A" --to AX --temporary --date 2026-06-01 --until 2026-12-31
cadre --json member transfers
json_val "[t['id'] for t in d if t['member_id'] == $MEMBER_A][0]"
tmp_id=$JV
cadre member receive "$tmp_id" --date 2026-06-05
page GET /transfers
expect_out_contains "action=\"/transfers/$tmp_id/return\""
expect_html_valid
page GET /transfers?org=B
expect_status 404
server_stop

tcase "audit: entries of the subtree, newest first, with who and from where" "$FX"
server_start
login aview
page GET "/members/$MEMBER_A"
page GET /audit
expect_status 200
python3 - "$OUTF" <<'PY' >"$WORK/first.txt"
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
rows = re.findall(r'<tr><td class="n">(\d+)</td><td><time[^>]*>[^<]*</time></td><td>([^<]*)</td><td>([^<]*)</td><td><span title="([^"]*)">', s)
ids = [int(r[0]) for r in rows]
print(rows[0][1], rows[0][2], rows[0][3], "sorted" if ids == sorted(ids, reverse=True) else "unsorted", len(rows))
PY
read -r who addr action order nrows <"$WORK/first.txt"
expect_eq "the newest entry's author" aview "$who"
expect_eq "the newest entry's address" 127.0.0.1 "$addr"
expect_eq "the newest entry's action" member.read "$action"
expect_eq "newest first" sorted "$order"
expect_true "several entries shown" test "$nrows" -ge 5
page GET "/audit?org=A1C&offset=1"
expect_status 200
expect_html_valid
server_stop

done_testing
