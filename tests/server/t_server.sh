#!/bin/bash
# The server itself: start and graceful stop, the listen address, sessions, sign-in limits,
# CSRF on the sign-in form, security headers.
. "$(dirname "$0")/../http/lib.sh"

FX=$WORK/fx.db
http_fixture "$FX"

tcase "a token reads an organisation; no token is 401 with a problem" "$FX"
server_start
TOKEN=$TOKEN_admin
api GET /api/v1/orgs/A1C
expect_status 200
expect_json 'd["code"] == "A1C" and d["kind"] == "cell"'
http GET /api/v1/orgs/A1C
expect_status 401
expect_eq "problem content type" "application/problem+json" "$CTYPE"
expect_header '^WWW-Authenticate: Bearer'
TOKEN=not-a-token
api GET /api/v1/orgs/A1C
expect_status 401
expect_json '"revoked" in d["detail"]'
server_stop

tcase "sign in, the session cookie, sign out" "$FX"
server_start
http GET /login
expect_status 200
expect_header '^Set-Cookie: pcsrf=[^;]+; Path=/; HttpOnly; SameSite=Strict'
expect_header '^Content-Security-Policy: default-src .self.'
expect_header '^X-Content-Type-Options: nosniff'
login aview
expect_true "the session cookie is HttpOnly" grep -q '^#HttpOnly_127.0.0.1.*[[:space:]]sid[[:space:]]' "$JAR"
expect_true "a CSRF token in the page" test -n "$CSRF"
page POST /logout --data-urlencode "csrf=$CSRF"
expect_status 303
page GET /tree
expect_status 303
expect_header '^Location: /login\?next=/tree'
server_stop

tcase "the sign-in form without its token is refused (403)" "$FX"
server_start
http POST /login --data-urlencode "name=aview" --data-urlencode "password=$PW"
expect_status 403
http GET /login -c "$JAR"
http POST /login -b "$JAR" --data-urlencode "csrf=wrong" --data-urlencode "name=aview" \
	--data-urlencode "password=$PW"
expect_status 403
server_stop

tcase "a wrong password: 401, the same words for an unknown account" "$FX"
server_start
login aview "wrong password!!" 2>/dev/null
T_FAIL=$((T_FAIL - 1)) # login() counts the refusal as a failure; here it is expected
expect_status 401
expect_out_contains "wrong"
server_stop

tcase "R-LOGIN-ADDRESS-MAX-FAILS: an address that fails too often must wait (429)" "$FX"
cadre rules --json
json_val '[r["value"] for r in d if r["id"] == "R-LOGIN-ADDRESS-MAX-FAILS"][0]'
expect_eq "the rule's value" 20 "$JV"
server_start
http GET /login -c "$JAR"
pre=$(grep -o 'name="csrf" value="[^"]*"' "$OUTF" | head -1 | sed 's/.*value="//; s/"$//')
for i in $(seq 1 20); do
	http POST /login -b "$JAR" --data-urlencode "csrf=$pre" --data-urlencode "name=nobody$i" \
		--data-urlencode "password=wrong password $i"
done
expect_status 401
http POST /login -b "$JAR" --data-urlencode "csrf=$pre" --data-urlencode "name=aview" \
	--data-urlencode "password=$PW"
expect_status 429
expect_out_contains "try again"
server_stop

tcase "a bad listen address and a taken port are refused with a message" "$FX"
cadre serve --listen nonsense
expect_eq "exit code" 2 "$RC"
expect_err_contains "ADDR:PORT"
server_start
cadre serve --listen "127.0.0.1:$PORT"
expect_eq "exit code" 2 "$RC"
expect_err_contains "cannot listen"
cadre serve --cert /nonexistent.pem --key /nonexistent.key --listen 127.0.0.1:1
expect_eq "exit code" 2 "$RC"
expect_err_contains "certificate"
server_stop

tcase "unknown paths: 404 page and 404 problem; wrong method 405" "$FX"
server_start
TOKEN=$TOKEN_admin
api GET /api/v1/nothing
expect_status 404
expect_eq "problem content type" "application/problem+json" "$CTYPE"
api DELETE /api/v1/orgs/A1C
expect_status 405
http GET /no/such/page
expect_status 404
expect_out_contains "<!DOCTYPE html>"
server_stop

done_testing
