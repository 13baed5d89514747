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

tcase "HTTPS with a certificate and key: Secure cookies, HSTS" "$FX"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/key.pem" -out "$WORK/cert.pem" \
	-days 2 -subj "/CN=127.0.0.1" >/dev/null 2>&1
server_start --cert "$WORK/cert.pem" --key "$WORK/key.pem"
BASE=https://127.0.0.1:$PORT
http GET /login -k
expect_status 200
expect_header '^Set-Cookie: pcsrf=[^;]+; Path=/; HttpOnly; SameSite=Strict; Secure'
expect_header '^Strict-Transport-Security: max-age='
TOKEN=$TOKEN_aview
api GET /api/v1/orgs/A -k
expect_status 200
BASE=http://127.0.0.1:$PORT
http GET /login
expect_eq "plain HTTP on the HTTPS port gets no page" "000" "$STATUS"
server_stop

tcase "R-SESSION-IDLE-MINUTES: an idle session ends" "$FX"
server_start
login aview
page GET /
expect_status 200
expect_out_contains "<title>What waits for you"
# Then a rule version that makes sessions end after under a minute of idleness (the server
# reads the rules again when a version is added). Added after the sign-in, so that no case
# depends on a sign-in and the visits after it falling in one second: idleness is counted in
# whole seconds, so on a busy machine those already counted as idle.
sqlite3 "$DB" "INSERT INTO rule(id, version, value, effective_from, source, description)
	SELECT id, version + 1, '0', effective_from, 'test', description FROM rule
	WHERE id = 'R-SESSION-IDLE-MINUTES' AND version = 1"
sleep 1.2
page GET /
expect_status 303
expect_header '^Location: /login'
server_stop

tcase "SIGTERM: the answer under way is finished, then the server exits 0" "$FX"
python3 - "$WORK/many.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,"
            "admission_ceremony_date,official_date,status\n")
    for i in range(3000):
        f.write("A1C,Lê Văn Thử%d,male,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,"
                "2016-03-15,official\n" % i)
PY
cadre import members "$WORK/many.csv"
expect_eq "fixture import" 0 "$RC"
server_start
curl -s --limit-rate 150k -H "Authorization: Bearer $TOKEN_admin" -D "$WORK/slow.hdr" \
	-o "$WORK/slow.json" "$BASE/api/v1/orgs/A1C/members?limit=500" &
cpid=$!
sleep 0.3
kill -TERM "$SERVER_PID"
wait "$cpid"
expect_eq "curl finished the download" 0 "$?"
len=$(grep -i '^content-length:' "$WORK/slow.hdr" | tr -dc 0-9)
expect_eq "the whole body arrived" "$len" "$(stat -c %s "$WORK/slow.json")"
expect_py 'len(json.load(open("slow.json"))["items"]) == 500' "500 members in the answer"
server_stop


tcase "a search that waits too long for its turn is told so at once (503, Retry-After); other requests go on" "$FX"
# No search slot and no wait: every search is turned away, as when all of them are taken.
CADRE_SEARCH_SLOTS=0 CADRE_SEARCH_WAIT=0 server_start
TOKEN=$TOKEN_admin
api GET "/api/v1/members?q=an"
expect_status 503
expect_header '^Retry-After: 5'
expect_eq "problem content type" "application/problem+json" "$CTYPE"
expect_json 'd["status"] == 503 and "Too many searches are under way at once" in d["detail"]'
api GET "/api/v1/members/$MEMBER_A"
expect_status 200
login aview
page GET "/search?q=an"
expect_status 503
expect_out_contains "Too many searches are under way at once"
expect_out_contains "<html"
page GET "/orgs/A1C"
expect_status 200
server_stop
# The defaults: the same search is answered.
server_start
TOKEN=$TOKEN_admin
api GET "/api/v1/members?q=an"
expect_status 200
server_stop

done_testing
