#!/bin/bash
# bench/hb_home.sh: a member's handbook home (docs/handbook.md) under load, beside the plain way.
#
# Usage: bench/hb_home.sh CADRE_DB [RESULTS] [CELL]   (on a copy of CADRE_DB; CELL: the cell
# whose members get accounts, default the first cell with members)
#
# Goal (issue 12): a member's home page under 2 ms of server processor time at 64 connections.
# The server runs on a copy of CADRE_DB; member accounts are made for CELL (cadre handbook
# accounts) and an API token issued to one of them; wrk (bench/http.lua) loads GET /api/v1/me
# and the page /hb (its cookie taken by activating a second account) at -t2 -c64 for
# BENCH_HTTP_SECONDS (30). The server's processor time per answer comes from /proc/PID/stat.
# The plain way is the same three lookups by index in the sqlite3 shell (the member by id,
# the plan by member and year, the member's review steps of the year), 2,000 times.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$1
out=${2:-build/bench/hb-results.txt}
cell=${3:-}
cadre=${CADRE_BIN:-build/cadre}
secs=${BENCH_HTTP_SECONDS:-30}
work=$(mktemp -d "${TMPDIR:-/tmp}/cadre-hb-bench.XXXXXX")
db=$work/hb.db
server_pid=
cleanup() {
	if [ -n "$server_pid" ]; then
		kill -TERM "$server_pid" 2>/dev/null || true
		wait "$server_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$(dirname "$out")"
sqlite3 "$src" ".backup '$db'"
# The copy writes its audit entries with the original's key (docs/audit.md).
[ -e "$src.auditkey" ] && cp -p "$src.auditkey" "$db.auditkey"
export CADRE_NO_PROGRESS=1
if [ -z "$cell" ]; then
	cell=$(sqlite3 "$db" "SELECT o.code FROM org o WHERE o.kind = 'cell' AND o.dissolved IS NULL
		AND EXISTS (SELECT 1 FROM member m WHERE m.org_id = o.id AND m.status = 'official')
		ORDER BY o.id LIMIT 1")
fi
sheet=$("$cadre" --db "$db" --json handbook accounts --org "$cell" --reissue)
login=$(printf '%s' "$sheet" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accounts"][0]["login"])')
login2=$(printf '%s' "$sheet" | python3 -c 'import json,sys; a=[x for x in json.load(sys.stdin)["accounts"] if x["code"]]; print(a[-1]["login"], a[-1]["code"])')
member=$(sqlite3 "$db" "SELECT member_id FROM member_account ma JOIN account a ON a.id = ma.account_id WHERE a.name = '$login'")
token=$("$cadre" --db "$db" --json token add "$login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port
"$cadre" --db "$db" serve --listen "127.0.0.1:$port" --max-per-address 256 >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 200); do curl -s -o /dev/null "$url/login" && break; sleep 0.1; done
# The page takes a session: the second account activated, its cookie kept.
read -r l2 c2 <<<"$login2"
pre=$(curl -s -c "$work/jar" "$url/activate" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -b "$work/jar" -c "$work/jar" --data-urlencode "csrf=$pre" \
	--data-urlencode "login=$l2" --data-urlencode "code=$c2" \
	--data-urlencode "password=bench-member-password" --data-urlencode "password2=bench-member-password" "$url/activate"
cookie="sid=$(awk '$6 == "sid" { print $7 }' "$work/jar")"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$url/hb")
[ "$status" = 200 ] || { echo "bench/hb_home.sh: the member's session does not open /hb ($status)"; exit 1; }
server_cpu() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
load() {
	local name=$1 path=$2 c0 line
	c0=$(server_cpu)
	line=$(CADRE_TOKEN=$3 CADRE_COOKIE=$4 BENCH_NAME=$name BENCH_PATH=$path \
		wrk -t2 -c64 -d"${secs}s" --timeout 10s -s bench/http.lua "$url" | grep '^http ') ||
		line="http $name failed"
	echo "$line" | awk -v c="$(($(server_cpu) - c0))" -v hz="$(getconf CLK_TCK)" '{
		n = 0; for (i = 1; i <= NF; i++) if ($i ~ /^requests=/) n = substr($i, 10)
		printf "%s server_cpu_s=%.1f", $0, c / hz
		if (n > 0) printf " cpu_ms_per_req=%.3f", c / hz * 1000 / n
		printf "\n" }'
}
year=$(date +%Y)
plain() {
	local i
	{
		echo ".timer off"
		for i in $(seq 2000); do
			echo "SELECT full_name, org_id FROM member WHERE id = $member;"
			echo "SELECT commitments, results FROM member_plan WHERE member_id = $member AND year = $year;"
			echo "SELECT step, score, grade FROM review WHERE member_id = $member AND year = $year;"
		done
	} >"$work/plain.sql"
	local t0 t1
	t0=$(date +%s%N)
	sqlite3 "$db" <"$work/plain.sql" >/dev/null
	t1=$(date +%s%N)
	awk -v ns=$((t1 - t0)) 'BEGIN { printf "hb plain_three_lookups ms_per_home=%.3f (sqlite3 shell, one core)\n", ns / 2000 / 1e6 }'
}
{
	echo "hb_env cell=$cell member=$member seconds=$secs cores=$(nproc)"
	load hb_api_me /api/v1/me "$token" ""
	load hb_page_home /hb "" "$cookie"
	plain
} | tee -a "$out.raw" | tee "$work/lines"
awk '/^http hb_/ { for (i = 1; i <= NF; i++) if ($i ~ /^cpu_ms_per_req=/) c = substr($i, 16);
	printf "| handbook home %-18s | %s ms server CPU a request | goal 2 ms |\n", $2, c }
	/^hb plain/ { for (i = 1; i <= NF; i++) if ($i ~ /^ms_per_home=/) p = substr($i, 13);
	printf "| plain: the same three lookups   | %s ms a home (sqlite3 shell) | |\n", p }' "$work/lines" | tee -a "$out"
