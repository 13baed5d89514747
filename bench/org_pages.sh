#!/bin/bash
# bench/org_pages.sh: the organisation pages and the home page's worklist (issue 10), the
# server's processor time a request beside the numbers before (bench/README.md).
#
# Usage: bench/org_pages.sh CADRE_DB [RESULTS]   (called by bench/run.sh; RESULTS gets the lines
# appended, RESULTS.raw too)
#
# The server runs on a copy of CADRE_DB with a system administrator (API token and a signed-in
# session, the tree being a page for people). wrk at 64 connections (-t2 -c64) for
# BENCH_ORG_SECONDS (20) on each of: a province's API (GET /api/v1/orgs/{code}) and page, a
# region's page (the level above the provinces), the tree of a region and of a province
# (/tree?root=), the worklist (GET /api/v1/worklist, the whole country) and the home page, in
# turn over the provinces and regions. Each line: wrk's rate and latencies, and
# cpu_ms_per_req, the server's user and system time over the requests answered; the tree
# lines add the largest tree page's bytes. No plain way: the plain numbers of a province's
# counts are bench/http.sh's.
set -euo pipefail
cd "$(dirname "$0")/.."
cadre_db=$1
out=${2:-build/bench/org-results.txt}
cadre=${CADRE_BIN:-build/cadre}
secs=${BENCH_ORG_SECONDS:-20}
work=$(mktemp -d "${TMPDIR:-/tmp}/cadre-org-bench.XXXXXX")
db=$(dirname "$cadre_db")/org_$(basename "$cadre_db")
server_pid=
cleanup() {
	if [ -n "$server_pid" ]; then
		kill -TERM "$server_pid" 2>/dev/null || true
		wait "$server_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
	rm -f "$db" "$db-wal" "$db-shm" "$db.auditkey"
}
trap cleanup EXIT
for tool in wrk sqlite3 python3 curl; do
	command -v $tool >/dev/null || { echo "bench/org_pages.sh: $tool is missing (scripts/deps.sh)"; exit 1; }
done
mkdir -p "$(dirname "$out")"

sqlite3 "$cadre_db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$cadre_db" "$db"
if [ -f "$cadre_db.auditkey" ]; then cp -p "$cadre_db.auditkey" "$db.auditkey"; fi
pw=bench-org-password
printf '%s\n' "$pw" | "$cadre" --db "$db" --quiet user add benchorg --role sys_admin >/dev/null
token=$("$cadre" --db "$db" --quiet token add benchorg)
# The provinces are the level under the regions (depth 2), the regions depth 1.
provinces=$(sqlite3 "$db" "SELECT group_concat(code) FROM (SELECT code FROM org WHERE depth = 2
	AND dissolved IS NULL ORDER BY pre)")
regions=$(sqlite3 "$db" "SELECT group_concat(code) FROM (SELECT code FROM org WHERE depth = 1
	AND dissolved IS NULL ORDER BY pre)")
big_region=$(sqlite3 "$db" "SELECT code FROM org WHERE depth = 1 AND dissolved IS NULL
	ORDER BY last - pre DESC LIMIT 1")

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port
"$cadre" --db "$db" serve --listen "127.0.0.1:$port" --quiet --max-per-address 256 >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
	curl -s -o /dev/null "$url/login" && break
	sleep 0.1
done
kill -0 "$server_pid" || { cat "$work/server.log"; exit 1; }
# A session for the pages that take no token (the tree, the home page).
csrf=$(curl -s -c "$work/jar" "$url/login" | grep -o 'name="csrf" value="[^"]*"' | head -1 |
	sed 's/.*value="//; s/"$//')
curl -s -b "$work/jar" -c "$work/jar" -o /dev/null --data-urlencode "csrf=$csrf" \
	--data-urlencode "name=benchorg" --data-urlencode "password=$pw" --data-urlencode "next=/" "$url/login"
cookie=$(awk '$6 == "sid" { print $6 "=" $7 }' "$work/jar" | head -1)
[ -n "$cookie" ] || { echo "bench/org_pages.sh: no session cookie"; exit 1; }

server_cpu() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }

# load NAME PATH VALUES [cookie]: as bench/http.sh's load.
load() {
	local name=$1 path=$2 values=$3 auth=${4:-} c0 line
	c0=$(server_cpu)
	line=$(BENCH_NAME=$name BENCH_PATH=$path BENCH_VALUES=$values BENCH_MAX_ID=1 \
		CADRE_TOKEN=$token CADRE_COOKIE=$auth \
		wrk -t2 -c64 -d"${secs}s" --timeout 10s -s bench/http.lua "$url" | grep '^http ') ||
		line="http $name failed"
	echo "$line" | awk -v c="$(($(server_cpu) - c0))" -v hz="$(getconf CLK_TCK)" '{
		n = 0; for (i = 1; i <= NF; i++) if ($i ~ /^requests=/) n = substr($i, 10)
		printf "%s server_cpu_s=%.1f", $0, c / hz
		if (n > 0) printf " cpu_ms_per_req=%.3f", c / hz * 1000 / n
		printf "\n" }'
}
bytes() { curl -s -o /dev/null -w '%{size_download}' -b "$work/jar" "$url$1"; }

# A warm-up: each of the server's connections reads the upper pages of the tables once.
secs=$((secs / 4 + 1)) load warmup '/api/v1/orgs/{}' "$provinces" >/dev/null
{
	echo "org_env cores=$(nproc) orgs=$(sqlite3 "$db" "SELECT count(*) FROM org") provinces=$(echo "$provinces" | tr ',' '\n' | wc -l) regions=$(echo "$regions" | tr ',' '\n' | wc -l) seconds=$secs"
	load org_api '/api/v1/orgs/{}' "$provinces"
	load org_page '/orgs/{}' "$provinces"
	load region_page '/orgs/{}' "$regions"
	echo "$(load tree_region '/tree?root={}' "$regions" "$cookie") bytes_largest=$(bytes "/tree?root=$big_region")"
	load tree_province '/tree?root={}' "$provinces" "$cookie"
	load worklist_api '/api/v1/worklist' "x"
	load home_page '/' "x" "$cookie"
} | tee -a "$out.raw" "$out"
