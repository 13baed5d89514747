#!/bin/bash
# t_i18n.sh - problem+json in the client's language (Accept-Language: vi gives Vietnamese, none
# or English gives English), details that name no CLI command, and problem types that resolve
# to a page explaining them (issue 10).
. "$(dirname "$0")/lib_api.sh"

# The catalogue from the po files of this tree (the binary under test is a copy, away from its
# build folder's locale), as tests/web/lib_web.sh makes it.
if [ -z "${CADRE_LOCALEDIR:-}" ]; then
	mkdir -p "$WORK/locale/vi/LC_MESSAGES"
	msgcat --use-first -o "$WORK/locale/vi.po" "$(dirname "$0")"/../../po/vi*.po &&
		msgfmt -o "$WORK/locale/vi/LC_MESSAGES/cadre.mo" "$WORK/locale/vi.po"
	export CADRE_LOCALEDIR=$WORK/locale
fi

FX=$WORK/fx.db
http_fixture "$FX"

# ---------------------------------------------------------------------------------------------
tcase "detail and title follow Accept-Language" "$FX"
server_start
TOKEN=$TOKEN_admin
api GET /api/v1/orgs/NOPE
expect_problem 404
expect_json 'd["title"] == "Not found" and d["detail"].startswith("no organisation has the code")' \
	"English without Accept-Language"
api GET /api/v1/orgs/NOPE -H "Accept-Language: vi"
expect_problem 404
expect_json 'd["title"] == "Không tìm thấy" and d["detail"].startswith("không có tổ chức nào mang mã") and d["errors"][0]["detail"] == d["detail"]' \
	"Vietnamese with Accept-Language: vi"
api GET /api/v1/orgs/NOPE -H "Accept-Language: vi-VN,vi;q=0.9,en-US;q=0.8"
expect_json 'd["detail"].startswith("không có tổ chức")' "vi-VN first: Vietnamese"
api GET /api/v1/orgs/NOPE -H "Accept-Language: en-GB,en;q=0.9,vi;q=0.5"
expect_json 'd["detail"].startswith("no organisation")' "English preferred over Vietnamese: English"
api GET /api/v1/orgs/NOPE -H "Accept-Language: fr"
expect_json 'd["detail"].startswith("no organisation")' "a language cadre does not speak: English"
# a form-like error list: each item in Vietnamese
japi POST /api/v1/members "$(member_json A1C "" )" -H "Accept-Language: vi"
expect_problem 422 full_name
expect_json 'any(e.get("field") == "full_name" and e["detail"].startswith("thiếu họ và tên") for e in d["errors"])'
expect_lacks "is missing" "the name is empty"
server_stop

# ---------------------------------------------------------------------------------------------
tcase "details never tell an API client to run a CLI command" "$FX"
server_start
TOKEN=$TOKEN_admin
for lang in en vi; do
	api GET /api/v1/orgs/NOPE -H "Accept-Language: $lang"
	expect_lacks "'cadre " "cadre org tree"
	api GET /api/v1/members/999999 -H "Accept-Language: $lang"
	expect_problem 404
	expect_lacks "'cadre " "cadre member search"
done
TOKEN=
api GET /api/v1/orgs
expect_problem 401
expect_lacks "cadre token add" "'cadre "
server_stop

# ---------------------------------------------------------------------------------------------
tcase "415 and every problem type resolve to a page that explains them, in both languages" "$FX"
server_start
TOKEN=$TOKEN_admin
api POST /api/v1/orgs -H 'Content-Type: text/plain' --data-binary '{"code":"X"}'
expect_problem 415
expect_json 'd["type"] == "/api/v1/problems/unsupported-media-type" and d["title"] == "Unsupported media type"'
type=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["type"])' "$OUTF")
http GET "$type?lang=en"
expect_status 200
expect_eq "an HTML page" "text/html; charset=utf-8" "$CTYPE"
expect_out_contains "415"
expect_out_contains "application/json"
expect_out_contains "What to do:"
http GET "$type?lang=vi"
expect_status 200
expect_out_contains "Kiểu dữ liệu không được hỗ trợ"
expect_out_contains "Cách xử lý:"
for t in bad-request unauthenticated denied forbidden not-found method-not-allowed rule too-large \
	unsupported-media-type invalid-input too-many-attempts internal storage unavailable; do
	http GET "/api/v1/problems/$t"
	expect_status 200
	expect_out_contains "<code>/api/v1/problems/$t</code>"
done
http GET /api/v1/problems
expect_status 200
expect_out_contains 'href="/api/v1/problems/rule"'
http GET /api/v1/problems/no-such-problem
expect_status 404
# the types the server answers with are among them
api GET /api/v1/orgs/NOPE
expect_json 'd["type"] == "/api/v1/problems/not-found"'
api GET "/api/v1/orgs?depth=x"
expect_json 'd["type"] == "/api/v1/problems/bad-request"'
server_stop

done_testing
