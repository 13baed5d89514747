#!/bin/bash
# The server under load and abuse (issue 9): bodies before sign-in, half-open connections,
# writers during a long write, control bytes in addresses, report filters, sign-in's next,
# parallel guesses, the lockout's words, sessions that outlive their account, the stop.
# No timings are asserted: waits are generous and only outcomes are checked.
. "$(dirname "$0")/../http/lib.sh"

FX=$WORK/fx.db
http_fixture "$FX"

# rss_kb FIELD: the server's VmRSS or VmHWM in kB.
rss_kb() {
	awk -v f="$1:" '$1 == f {print $2}' "/proc/$SERVER_PID/status"
}

# The sign-in form's pre-session token (cookie jar $JAR) into PRE.
pre_csrf() {
	rm -f "$JAR"
	http GET /login -c "$JAR"
	PRE=$(grep -o 'name="csrf" value="[^"]*"' "$OUTF" | head -1 | sed 's/.*value="//; s/"$//')
}

# post_login NAME PASSWORD [NEXT]: one sign-in with the jar's pre-session token.
post_login() {
	http POST /login -b "$JAR" --data-urlencode "csrf=$PRE" --data-urlencode "name=$1" \
		--data-urlencode "password=$2" --data-urlencode "next=${3:-/}"
}

# The error line of a sign-in page.
login_error() {
	python3 -c 'import re,sys; m=re.search(r"role=\"alert\"><p>(.*?)</p>", open(sys.argv[1]).read()); print(m.group(1) if m else "")' "$OUTF"
}

# ---- item 5: bodies ------------------------------------------------------------------------

tcase "an anonymous body above the small limit is refused from its Content-Length (413)" "$FX"
server_start
head -c $((8 << 20)) /dev/zero | tr '\0' 'a' >"$WORK/big.bin"
http POST /login -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "@$WORK/big.bin"
expect_status 413
expect_out_contains "before signing in"
http POST /api/v1/orgs -H 'Content-Type: application/json' --data-binary "@$WORK/big.bin"
expect_status 401
expect_eq "a problem" "application/problem+json" "$CTYPE"
# A viewer may not import: no large body either.
TOKEN=$TOKEN_aview
api POST /api/v1/import/members -H 'Content-Type: text/csv' --data-binary "@$WORK/big.bin"
expect_status 413
expect_eq "a problem" "application/problem+json" "$CTYPE"
server_stop

tcase "six anonymous 8 MiB uploads (declared and chunked) leave the server's memory small" "$FX"
server_start --threads 8
idle=$(rss_kb VmRSS)
pids=""
for i in 1 2 3; do
	curl -s -o /dev/null -X POST -H 'Content-Type: text/csv' \
		--data-binary "@$WORK/big.bin" "$BASE/login" &
	pids="$pids $!"
	curl -s -o /dev/null -X POST -H 'Content-Type: text/csv' \
		-H 'Transfer-Encoding: chunked' --data-binary "@$WORK/big.bin" "$BASE/login" &
	pids="$pids $!"
done
wait $pids
peak=$(rss_kb VmHWM)
expect_true "the peak stays within 16 MB of idle (idle ${idle} kB, peak ${peak} kB)" \
	test $((peak - idle)) -lt 16384
http GET /login
expect_status 200
server_stop

tcase "the uploads' memory is shared: one too many waits, then 503 with Retry-After" "$FX"
CADRE_UPLOAD_MIB=64 server_start
# A clerk's import declares 60 MiB and sends nothing: it holds its reservation.
python3 - "$PORT" "$TOKEN_aclerk" "$WORK/held" >"$WORK/hold.out" 2>&1 <<'PY' &
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(("POST /api/v1/import/members HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"
           "Content-Type: text/csv\r\nContent-Length: %d\r\n\r\n" % (sys.argv[2], 60 << 20)).encode())
s.sendall(b"org_code,full_name\n")
open(sys.argv[3], "w").close()
time.sleep(30)
PY
hold=$!
for _ in $(seq 1 200); do
	[ -e "$WORK/held" ] && break
	sleep 0.1
done
sleep 2
head -c $((6 << 20)) "$WORK/big.bin" >"$WORK/six.bin"
TOKEN=$TOKEN_aclerk
api POST /api/v1/import/members -H 'Content-Type: text/csv' --data-binary "@$WORK/six.bin"
expect_status 503
expect_header '^Retry-After: [0-9]+'
kill "$hold" 2>/dev/null
wait "$hold" 2>/dev/null
server_stop

# ---- item 6: connections -------------------------------------------------------------------

tcase "one address's half-open connections: beyond the cap refused at once, the rest timed out" "$FX"
# The refusals come at once: once 32 are seen, they are counted 1.5 s later, well before the
# header timeout (4 s) closes the 8 let in (with 2 s, a busy machine raced the timeout).
CADRE_MAX_PER_ADDRESS=8 CADRE_HEADER_TIMEOUT=4 server_start
python3 - "$PORT" >"$WORK/half.out" 2>&1 <<'PY'
import socket, sys, time, select
port = int(sys.argv[1])
socks = []
for i in range(40):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /login HTTP/1.1\r\nHost: x\r\n")  # never finished
    socks.append(s)
def closed(s):
    r, _, _ = select.select([s], [], [], 0)
    if not r:
        return False
    try:
        return s.recv(1) == b""
    except OSError:
        return True
start = time.time()
shut = set()
while len(shut) < 32 and time.time() < start + 3:
    shut.update(i for i, s in enumerate(socks) if i not in shut and closed(s))
    time.sleep(0.05)
# The 8 let in are still open 1.5 s on (as long as before), well within their timeout.
time.sleep(1.5)
print("refused", sum(closed(s) for s in socks))
# Another address meanwhile (127.0.0.2 is this machine too).
o = socket.socket()
o.bind(("127.0.0.2", 0))
o.settimeout(20)
o.connect(("127.0.0.1", port))
o.sendall(b"GET /login HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
print("other", o.recv(12).decode())
deadline = time.time() + 20
while time.time() < deadline and not all(closed(s) for s in socks):
    time.sleep(0.2)
print("open", sum(not closed(s) for s in socks))
PY
slurp "$WORK/half.out" OUT
expect_out_contains "refused 32"
expect_out_contains "other HTTP/1.1 200"
expect_out_contains "open 0"
http GET /login
expect_status 200
server_stop

tcase "headers trickled a byte at a time do not hold a connection past the header timeout" "$FX"
CADRE_HEADER_TIMEOUT=2 server_start
python3 - "$PORT" >"$WORK/slow.out" 2>&1 <<'PY'
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"GET /login HTTP/1.1\r\nHost: x\r\nX-Slow: ")
s.settimeout(1)
state = "open"
for i in range(30):  # up to 30 s, a byte a second
    try:
        s.sendall(b"a")
        if s.recv(1) == b"":
            state = "closed"
            break
    except socket.timeout:
        continue
    except OSError:
        state = "closed"
        break
print("slow", state)
PY
slurp "$WORK/slow.out" OUT
expect_out_contains "slow closed"
http GET /login
expect_status 200
server_stop

tcase "serve --help names the limits" "$FX"
cadre serve --help
expect_out_contains "--max-per-address"
expect_out_contains "--header-timeout"
expect_out_contains "--session-hours"

# ---- item 7: writers during a long write -----------------------------------------------------

# hold_lock SECONDS: another process holds the database's write lock (as an import does).
hold_lock() {
	python3 - "$DB" "$1" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
c.execute("BEGIN IMMEDIATE")
c.execute("UPDATE org SET name = name WHERE id = (SELECT min(id) FROM org)")
open(sys.argv[1] + ".held", "w").close()
time.sleep(float(sys.argv[2]))
c.execute("ROLLBACK")
PY
	HOLD=$!
	for _ in $(seq 1 100); do
		[ -e "$DB.held" ] && break
		sleep 0.1
	done
	rm -f "$DB.held"
}

tcase "a write while another holds the database: 503 with Retry-After and words, not a hang" "$FX"
CADRE_SERVE_WAIT=2 server_start
hold_lock 25
TOKEN=$TOKEN_aclerk
api PATCH /api/v1/orgs/A1C -H 'Content-Type: application/json' --data-binary '{"militia":12}'
expect_status 503
expect_header '^Retry-After: [0-9]+'
expect_out_contains "another import or a server"
expect_out_lacks "database is locked"
kill "$HOLD" 2>/dev/null
wait "$HOLD" 2>/dev/null
server_stop

tcase "the CLI says another import or server holds the database, waits --wait, exits 6" "$FX"
hold_lock 25
cadre --wait 2 org rename A1C "Chi bộ mới" --date 2026-01-01
expect_eq "exit code" 6 "$RC"
expect_err_contains "another import or a server is writing"
expect_err_contains "waiting up to 2 s"
expect_err_lacks "database is locked"
kill "$HOLD" 2>/dev/null
wait "$HOLD" 2>/dev/null
hold_lock 2
CADRE_WAIT=60 cadre org rename A1C "Chi bộ mới" --date 2026-01-01
expect_eq "exit code after the other writer ended" 0 "$RC"
wait "$HOLD" 2>/dev/null

# ---- item 8: control bytes and report filters ----------------------------------------------

tcase "%00 and other control bytes in a path or parameter are 400, not truncated" "$FX"
server_start
TOKEN=$TOKEN_admin
api GET /api/v1/orgs/A1C%00xyz
expect_status 400
expect_eq "a problem" "application/problem+json" "$CTYPE"
api GET /api/v1/orgs/A1C%0axyz
expect_status 400
api GET "/api/v1/members?org=A1C%00&limit=5"
expect_status 400
api GET /api/v1/orgs/A1C
expect_status 200
login admin
page GET /orgs/A1C%00xyz
expect_status 400
expect_true "an HTML page" grep -q '^text/html' <<<"$CTYPE"
page GET "/orgs/A1C%09"
expect_status 400
server_stop

tcase "report filters: an unknown value or a malformed band is 422 with the filter named" "$FX"
server_start
TOKEN=$TOKEN_admin
api GET "/api/v1/orgs/ROOT/report/members?filter=status%3Dbogus"
expect_status 422
expect_json 'd["errors"][0]["field"] == "filter" and "status=" in d["errors"][0]["detail" if "detail" in d["errors"][0] else "message"]' "the filter named"
api GET "/api/v1/orgs/ROOT/report/members?filter=age%3D30-39xyz"
expect_status 422
expect_out_contains "age="
api GET "/api/v1/orgs/ROOT/report/members?filter=sex%3Dother"
expect_status 422
api GET "/api/v1/orgs/ROOT/report/orgs?filter=org_grade%3Dsplendid"
expect_status 422
api GET "/api/v1/orgs/ROOT/report/members?filter=status%3Dofficial"
expect_status 200
api GET "/api/v1/orgs/ROOT/report/members?filter=age%3D30-39"
expect_status 200
server_stop

# ---- item 21: next --------------------------------------------------------------------------

tcase "sign-in's next refuses a tab or a backslash anywhere" "$FX"
server_start
pre_csrf
post_login aview "$PW" $'/\t/evil.example/x'
expect_status 303
expect_header '^Location: /[[:space:]]*$'
pre_csrf
post_login aview "$PW" '/a\b/../\evil.example'
expect_status 303
expect_header '^Location: /[[:space:]]*$'
http GET "/login?next=/%09/evil.example/x"
expect_out_lacks "evil.example"
pre_csrf
post_login aview "$PW" /tree
expect_header '^Location: /tree[[:space:]]*$'
server_stop

# ---- item 22 and 12: parallel guesses, the lockout's words -------------------------------------

tcase "eight parallel wrong passwords lock the account (each one counted)" "$FX"
server_start --threads 16
pre_csrf
pids=""
for i in $(seq 1 8); do
	curl -s -o /dev/null -b "$JAR" --data-urlencode "csrf=$PRE" --data-urlencode "name=aclerk" \
		--data-urlencode "password=wrong guess $i" "$BASE/login" &
	pids="$pids $!"
done
wait $pids
post_login aclerk "$PW"
expect_status 401
expect_true "the account is locked: $(login_error)" grep -q "locked" <<<"$(login_error)"
server_stop

tcase "thirty parallel wrong sign-ins from one address: exactly the limit gets through" "$FX"
server_start --threads 16
pre_csrf
pids=""
for i in $(seq 1 30); do
	curl -s -o /dev/null -w '%{http_code}\n' -b "$JAR" --data-urlencode "csrf=$PRE" \
		--data-urlencode "name=nobody$i" --data-urlencode "password=wrong guess $i" \
		"$BASE/login" >>"$WORK/codes" &
	pids="$pids $!"
done
wait $pids
expect_eq "answers 429" 10 "$(grep -c 429 "$WORK/codes")"
expect_eq "answers 401" 20 "$(grep -c 401 "$WORK/codes")"
server_stop

tcase "after five tries an unknown name gets the same lockout answer as an account" "$FX"
server_start
pre_csrf
for i in 1 2 3 4 5; do post_login aview "wrong $i"; done
post_login aview "wrong 6"
known=$(login_error)
for i in 1 2 3 4 5; do post_login nosuchname "wrong $i"; done
post_login nosuchname "wrong 6"
unknown=$(login_error)
expect_true "the account's answer speaks of a lock: $known" grep -q "locked" <<<"$known"
expect_eq "the same answer for an unknown name" "$known" "$unknown"
server_stop

# ---- item 24: sessions -----------------------------------------------------------------------

tcase "a disabled account's session and a changed scope take effect within seconds" "$FX"
server_start
login aview
page GET /orgs/A1C
expect_status 200
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("UPDATE account_role SET org_id=(SELECT id FROM org WHERE code=\"B\") WHERE account_id=(SELECT id FROM account WHERE name=\"aview\")"); c.commit()' "$DB"
sleep 3
page GET /orgs/A1C
expect_status 404
page GET /orgs/B1C
expect_status 200
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("UPDATE account SET disabled=1 WHERE name=\"aview\""); c.commit()' "$DB"
sleep 3
page GET /orgs/B1C
expect_status 303
expect_header '^Location: /login'
server_stop

tcase "a session ends at its absolute lifetime, however much it is used" "$FX"
CADRE_SESSION_SECONDS=4 server_start
login aview
for i in 1 2 3 4 5 6 7; do
	page GET /orgs/A1C
	sleep 1
done
page GET /orgs/A1C
expect_status 303
expect_header '^Location: /login'
server_stop

# ---- item 25: stopping during an import --------------------------------------------------------

tcase "SIGTERM interrupts a running import: it rolls back and the server stops" "$FX"
python3 - >"$WORK/many.csv" <<'PY'
fam = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý".split()
mid = "Văn Hữu Đức Minh Quang Thanh Ngọc Xuân Hồng Kim Bảo Gia Anh Thu Hải Tiến".split()
giv = ("An Bình Cường Dũng Giang Hà Hải Hiền Hùng Hương Khánh Lan Linh Long Mai Minh Nam Nga "
       "Phong Phúc Quân Sơn Tâm Thảo Thắng Trang Trung Tuấn Việt Yến").split()
towns = ["Hà Nội", "Nam Định", "Thái Bình", "Nghệ An", "Hà Tĩnh", "Huế", "Đà Nẵng",
         "Quảng Nam", "Bình Định", "Cần Thơ", "Hải Phòng", "Thanh Hóa", "Hà Giang",
         "Cao Bằng", "Lạng Sơn", "Lào Cai", "Yên Bái", "Sơn La", "Điện Biên", "Lai Châu",
         "Tuyên Quang", "Thái Nguyên", "Bắc Giang", "Bắc Ninh", "Hưng Yên", "Hải Dương",
         "Ninh Bình", "Quảng Bình", "Quảng Trị", "Quảng Ngãi", "Phú Yên", "Khánh Hòa"]
print("org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,"
      "admission_ceremony_date,official_date,status")
i = 0
for t in towns:
    for f in fam:
        for m in mid:
            for g in giv:
                y = 1960 + i % 30
                print(f"A1C,{f} {m} {g},male,{y}-{1 + i % 12:02d}-{1 + i % 28:02d},Kinh,{t},"
                      "2016-01-01,2016-02-01,2017-02-01,official")
                i += 1
PY
cadre --json member list --org ROOT
json_val 'len(d) if isinstance(d, list) else len(d.get("items", d.get("members", [])))'
before=$JV
server_start
curl -s -o "$WORK/imp.out" -w '%{http_code}' -H "Authorization: Bearer $TOKEN_admin" \
	-H 'Content-Type: text/csv' --data-binary "@$WORK/many.csv" \
	"$BASE/api/v1/import/members" >"$WORK/imp.code" &
imp=$!
# Once the import writes (its log grows), stop the server.
for _ in $(seq 1 600); do
	[ "$(cat "$DB-wal" "$DB-journal" 2>/dev/null | wc -c)" -gt 1000000 ] && break
	sleep 0.1
done
server_stop
wait "$imp"
expect_eq "the import was answered 503" 503 "$(cat "$WORK/imp.code")"
expect_true "it says the server stopped" grep -q "stopping" "$WORK/imp.out"
cadre --json member list --org ROOT
json_val 'len(d) if isinstance(d, list) else len(d.get("items", d.get("members", [])))'
expect_eq "no member of the interrupted import was kept" "$before" "$JV"

done_testing
