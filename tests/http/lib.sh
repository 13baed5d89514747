# lib.sh - helpers for the tests of the server (tests/api, tests/web), on top of the CLI test
# library (tests/cli/lib.sh: tcase, expect_*, json_val, madd ...). Sourced by t_*.sh files.
#
#   http_fixture FILE             a database with two branches and one account per role:
#                                 orgs ROOT > A (committee) > A1 (grassroots) > A1C (cell),
#                                           ROOT > B > B1 > B1C; members in A1C and B1C
#                                 (MEMBER_A, MEMBER_B are their ids); accounts (password
#                                 $PW): admin (sys_admin), aview/aclerk/aadmin on A,
#                                 bclerk on B; tokens TOKEN_admin, TOKEN_aview, TOKEN_aclerk,
#                                 TOKEN_aadmin, TOKEN_bclerk (written to FILE.env, sourced)
#   server_start                  serve $DB on a free port ($BASE = http://127.0.0.1:PORT)
#   server_stop                   SIGTERM; the server must exit 0 with no sanitizer report
#   http METHOD PATH [CURL ARGS]  one request: STATUS, CTYPE, HDRF (headers file); the body
#                                 in $OUTF/$OUT, so expect_json and json_val work on it
#   api METHOD PATH [ARGS]        the same with "Authorization: Bearer $TOKEN"
#   login NAME [PASSWORD]         sign in with a cookie jar ($JAR); sets CSRF (the session's)
#   page METHOD PATH [ARGS]       a request with the cookie jar of the last login
#   HTTP_LANG=vi                  the language cookie sent (default en)
#   expect_status CODE            the last request's status
#   expect_header REGEX           a response header line matches (case-insensitive)
. "$(dirname "${BASH_SOURCE[0]}")/../cli/lib.sh"

PW="correct horse battery"
STATUS=0
CTYPE=""
HDRF=$WORK/.hdr
JAR=$WORK/.jar
CSRF=""
SERVER_PID=""
SERVER_LOG=$WORK/server.log
TOKEN=""
HTTP_LANG=${HTTP_LANG:-en} # pages in English unless a test asks for Vietnamese

http_fixture() {
	local f=$1
	if [ -s "$f" ] && [ -s "$f.env" ]; then
		. "$f.env"
		return
	fi
	if fixture_shared http "$f" http_fixture_build; then
		http_fixture_orgs
		. "$f.env"
		return
	fi
	http_fixture_build "$f"
}

# http_fixture_orgs: the fixture's organisations as CSV in $WORK/fx_orgs.csv (tests import it
# into databases of their own, so it is written whether the fixture was built or copied).
http_fixture_orgs() {
	cat >"$WORK/fx_orgs.csv" <<'CSV'
code,parent_code,name,kind,established
ROOT,,Đảng bộ Quân khu thử,committee,2000-01-01
A,ROOT,Đảng bộ Sư đoàn A,committee,2000-01-01
A1,A,Đảng bộ Trung đoàn A1,grassroots,2000-01-01
A1C,A1,Chi bộ Đại đội A1C,cell,2000-01-01
B,ROOT,Đảng bộ Sư đoàn B,committee,2000-01-01
B1,B,Đảng bộ Trung đoàn B1,grassroots,2000-01-01
B1C,B1,Chi bộ Đại đội B1C,cell,2000-01-01
CSV
}

# http_fixture_build FILE: build http_fixture's database at FILE (no cache).
http_fixture_build() {
	local f=$1 save=$DB
	http_fixture_orgs
	build_db "$f" "$WORK/fx_orgs.csv"
	DB=$f
	madd A1C "Nguyễn Văn An"
	MEMBER_A=$MID
	madd B1C "Trần Thị Bình"
	MEMBER_B=$MID
	{
		echo "MEMBER_A=$MEMBER_A"
		echo "MEMBER_B=$MEMBER_B"
	} >"$f.env"
	local spec name role org
	for spec in admin:sys_admin: aview:viewer:A aclerk:clerk:A aadmin:org_admin:A bclerk:clerk:B; do
		IFS=: read -r name role org <<<"$spec"
		printf '%s\n' "$PW" >"$WORK/.pw"
		if [ -n "$org" ]; then
			STDIN=$WORK/.pw cadre user add "$name" --role "$role" --org "$org"
		else
			STDIN=$WORK/.pw cadre user add "$name" --role "$role"
		fi
		[ "$RC" = 0 ] || fail "fixture: user add $name" "exit 0" "exit $RC: $ERR"
		cadre --json token add "$name" --label test
		json_val 'd["token"]'
		[ -n "$JV" ] || fail "fixture: token add $name" "a token" "$OUT"
		echo "TOKEN_$name=$JV" >>"$f.env"
	done
	DB=$save
	. "$f.env"
}

# free_port: a port nobody listens on, below the kernel's range for outgoing connections
# (32768 and up), so that a client socket does not take it before the server binds it. In
# bash (a python3 start costs more than a sanitized cadre run).
free_port() {
	local p i
	for i in $(seq 1 100); do
		p=$((20000 + (RANDOM * 32768 + RANDOM) % 12000))
		if ! (: <>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	echo 0
}

server_start() {
	local i try
	local scheme=http probe=""
	case " $* " in *" --cert "*) scheme=https probe=-k ;; esac
	# A port found free may be taken (by another test on this machine) before the server
	# binds it: the server then stops at once saying "cannot listen", and another port is tried.
	for try in 1 2 3 4 5; do
		PORT=$(free_port)
		BASE=$scheme://127.0.0.1:$PORT
		"$CADRE" --db "$DB" serve --listen "127.0.0.1:$PORT" --threads 2 "$@" \
			>"$SERVER_LOG.out" 2>"$SERVER_LOG" &
		SERVER_PID=$!
		for ((i = 0; i < 400; i++)); do
			# A connection first, in bash (curl's start costs 35 ms of CPU, and a sanitized
			# server takes a few tries to come up), then one answer.
			if { : <>"/dev/tcp/127.0.0.1/$PORT"; } 2>/dev/null &&
				curl -s $probe -o /dev/null "$BASE/login" 2>/dev/null; then
				return 0
			fi
			if ! kill -0 "$SERVER_PID" 2>/dev/null; then
				break
			fi
			sleep 0.05
		done
		if kill -0 "$SERVER_PID" 2>/dev/null || ! grep -q "cannot listen" "$SERVER_LOG"; then
			break
		fi
		wait "$SERVER_PID" 2>/dev/null
		SERVER_PID=""
	done
	fail "the server starts" "an answer on $BASE" "$(tail -5 "$SERVER_LOG")"
	return 1
}

server_stop() {
	local rc
	[ -n "$SERVER_PID" ] || return 0
	kill -TERM "$SERVER_PID" 2>/dev/null
	wait "$SERVER_PID"
	rc=$?
	SERVER_PID=""
	if [ "$rc" != 0 ]; then
		fail "the server stops cleanly on SIGTERM" "exit 0" "exit $rc: $(tail -5 "$SERVER_LOG")"
	fi
	if grep -q -E 'AddressSanitizer|LeakSanitizer|runtime error:' "$SERVER_LOG"; then
		fail "no sanitizer report from the server" "a clean log" \
			"$(grep -m5 -E 'ERROR|runtime error|SUMMARY|#[0-9] ' "$SERVER_LOG" | tr '\n' ' ')"
	else
		pass
	fi
}
# Stop a server left running, then the CLI library's own ending (counts, clean-up).
trap 'T_RC=$?; if [ -n "$SERVER_PID" ]; then kill -TERM "$SERVER_PID" 2>/dev/null; fi; lib_finish $T_RC' EXIT

http() {
	local method=$1 path=$2
	shift 2
	LAST_CMD="$method $path"
	STATUS=$(curl -s -o "$OUTF" -D "$HDRF" -w '%{http_code}' -X "$method" -b "lang=$HTTP_LANG" \
		"$@" "$BASE$path")
	header_value content-type
	CTYPE=$HV
	slurp "$OUTF" OUT
}

# header_value NAME: HV = the value of the last answer's first NAME header ("" and status 1
# when it has none), read in bash: a grep and a sed cost more than the request itself (forks
# are slow on small VMs, and a file makes hundreds of requests).
header_value() {
	local line name=${1,,}
	HV=""
	while IFS= read -r line; do
		line=${line%$'\r'}
		if [[ ${line,,} == "$name:"* ]]; then
			HV=${line#*:}
			HV=${HV#"${HV%%[! ]*}"}
			return 0
		fi
	done <"$HDRF"
	return 1
}

# form_csrf: CSRF_FORM = the value of the first csrf field of the last body ("" when none).
form_csrf() {
	local re=$'name="csrf" value="([^"\n]*)"'
	CSRF_FORM=""
	if [[ $OUT =~ $re ]]; then
		CSRF_FORM=${BASH_REMATCH[1]}
	fi
}

api() {
	local method=$1 path=$2
	shift 2
	http "$method" "$path" -H "Authorization: Bearer $TOKEN" "$@"
}

page() {
	local method=$1 path=$2
	shift 2
	http "$method" "$path" -b "$JAR" -c "$JAR" "$@"
}

login() {
	local name=$1 pw=${2:-$PW} pre
	rm -f "$JAR"
	http GET /login -c "$JAR"
	form_csrf
	pre=$CSRF_FORM
	http POST /login -b "$JAR" -c "$JAR" --data-urlencode "csrf=$pre" \
		--data-urlencode "name=$name" --data-urlencode "password=$pw" \
		--data-urlencode "next=/"
	if [ "$STATUS" != 303 ]; then
		fail "sign in as $name" "303" "$STATUS"
		return 1
	fi
	page GET /
	header_value location
	page GET "$HV"
	form_csrf
	CSRF=$CSRF_FORM
}

expect_status() {
	if [ "$STATUS" = "$1" ]; then pass; else
		fail "$LAST_CMD: status" "$1" "$STATUS: $(head -c 400 "$OUTF" | tr '\n' ' ')"
	fi
}

expect_header() {
	if grep -qiE "$1" "$HDRF"; then pass; else
		fail "$LAST_CMD: a header matching $1" "$1" "$(tr '\r\n' '  ' <"$HDRF")"
	fi
}
