#!/bin/bash
# Scope on the pages: outside one's subtree a record does not exist (404, never 403) and
# never appears in the tree, search, transfers or audit pages. Bearer tokens on the pages
# that accept them. The language of the pages.
. "$(dirname "$0")/lib_web.sh"

FX=$WORK/fx.db
web_fixture "$FX"

tcase "a user of A gets 404 (never 403) for B's organisation and member" "$FX"
server_start
login aview
for p in /orgs/B /orgs/B1 /orgs/B1C "/members/$MEMBER_B" "/members/$MEMBER_B2" /orgs/ROOT \
	"/tree?root=B" "/transfers?org=B1" "/audit?org=B" "/search?q=tran&org=B"; do
	page GET "$p"
	expect_status 404
	expect_html_valid
	expect_out_lacks "Trần Thị Bình"
	expect_out_lacks "Sư đoàn B"
done
page GET /orgs/NOSUCH
sed 's|/orgs/NOSUCH|/orgs/B1C|g' "$OUTF" >"$WORK/absent.html"
page GET /orgs/B1C
expect_true "an organisation outside the subtree answers like one that does not exist" \
	cmp -s "$OUTF" "$WORK/absent.html"
server_stop

tcase "an organisation founded above the scope and moved in: its old parent is not named" "$FX"
cadre org add AZ --parent ROOT --name "Chi bộ AZ" --kind committee --date 2001-01-01
cadre org move AZ --to A --date 2026-11-05
expect_eq "AZ moved under A" 0 "$RC"
server_start
login aview
page GET /orgs/AZ
expect_status 200
expect_out_contains '<td>2026-11-05</td><td>Moved</td>'
expect_out_lacks 'ROOT'
expect_out_lacks 'Quân khu thử'
expect_html_valid
server_stop

tcase "B's people never appear in A's search, tree, transfers or audit" "$FX"
server_start
login bclerk
page GET "/members/$MEMBER_B"
expect_status 200
login aview
page GET "/search?q=tran+thi+binh"
expect_status 200
expect_out_contains 'id="no-results"'
expect_out_lacks "/members/$MEMBER_B\""
page GET "/search?q=le+van+cuong"
expect_out_lacks "/members/$MEMBER_B2\""
expect_out_lacks "Lê Văn Cường"
page GET /tree
expect_out_lacks "/orgs/B"
expect_out_lacks "Sư đoàn B"
page GET /transfers
expect_status 200
expect_out_contains "transfer-$TRANSFER_A\""
expect_out_lacks "transfer-$TRANSFER_B\""
expect_out_lacks "Lê Văn Cường"
page GET /audit
expect_status 200
expect_out_lacks "member:$MEMBER_B<"
expect_out_lacks "member:$MEMBER_B2<"
expect_out_lacks "Trần Thị Bình"
expect_out_lacks "Lê Văn Cường"
expect_out_lacks "bclerk"
expect_out_lacks "org:B"
# and the other way round: B's clerk sees B's transfer, not A's
login bclerk
page GET /transfers
expect_out_contains "transfer-$TRANSFER_B\""
expect_out_lacks "transfer-$TRANSFER_A\""
expect_out_lacks "Phạm Thị Dung"
server_stop

tcase "pages fetched with a bearer token: /orgs/{code} and /members/{id}" "$FX"
server_start
TOKEN=$TOKEN_aview
api GET /orgs/A1C
expect_status 200
expect_out_contains '<h1>Chi bộ Đại đội A1C</h1>'
expect_html_valid
expect_out_lacks 'name="csrf"'
api GET "/members/$MEMBER_A"
expect_status 200
expect_out_contains '<h1>Nguyễn Văn An</h1>'
expect_out_contains 'printed by aview'
expect_html_valid
api GET "/members/$MEMBER_B"
expect_status 404
api GET /orgs/B
expect_status 404
# a page that does not take tokens sends the script to sign in
api GET /tree
expect_status 303
TOKEN=not-a-token
api GET /orgs/A1C
expect_status 401
cadre --json audit list --limit 20
expect_json "any(x['action'] == 'member.read' and x['subject'] == 'member:$MEMBER_A' and x['actor'] == 'aview' for x in d)" \
	"a record opened with a token is in the audit log"
server_stop

tcase "Vietnamese by default, English on request" "$FX"
server_start
HTTP_LANG=vi
login aview
for p in /tree /orgs/A1C "/members/$MEMBER_A" "/search?q=an" /transfers /audit; do
	expect_page "$p"
	expect_out_contains '<html lang="vi">'
done
page GET /tree
expect_out_contains '<h1>Cây tổ chức</h1>'
expect_out_contains 'Chính thức'
expect_out_contains 'Dự bị'
page GET /orgs/A1C
expect_out_contains 'Đảng viên'
expect_out_contains 'Thêm đảng viên'
page GET "/members/$MEMBER_A"
expect_out_contains '<dt>Ngày sinh</dt>'
expect_out_contains '<dd id="status">Chính thức'
page GET /transfers
expect_out_contains 'Tiếp nhận'
page GET /audit
expect_out_contains '<h1>Nhật ký truy cập</h1>'
HTTP_LANG=en
login aview
page GET /tree
expect_out_contains '<html lang="en">'
expect_out_contains '<h1>Organisation tree</h1>'
expect_out_contains 'Official'
expect_out_lacks 'Chính thức'
page GET "/members/$MEMBER_A"
expect_out_contains '<dt>Date of birth</dt>'
server_stop

done_testing
