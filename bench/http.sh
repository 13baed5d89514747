#!/bin/bash
# bench/http.sh: the server under load, on the national-scale database, beside the plain way.
#
# Usage: bench/http.sh CADRE_DB PLAIN_DB [RESULTS]   (called by bench/run.sh; RESULTS gets the
# table appended, RESULTS.raw the raw lines)
#
# The server runs on a copy of CADRE_DB (the audit entries it writes stay out of the database
# the other benchmarks use) with a system administrator's API token, and --max-per-address 256
# (wrk's 64 connections all come from one address, more than the default cap of 32). wrk, a second process,
# loads it at 64 connections (-t2 -c64) for BENCH_HTTP_SECONDS (30) per work:
#   - the static stylesheet: the floor of the HTTP layer itself, no database;
#   - a member's record, GET /api/v1/members/{id} and the page /members/{id}, over ids drawn at
#     random from the whole roll; every opening writes its audit entry;
#   - an organisation of province level, GET /api/v1/orgs/{code} and the page /orgs/{code}, in
#     turn over the 620 provinces;
#   - an accent-free search over the whole roll, GET /api/v1/members?q=TEXT (the page /search
#     takes the session cookie only, not a token).
# A work whose route the server does not have yet is reported as "not served".
# The plain way is the same lookups in the sqlite3 shell on the plain database (bench/plain's:
# one table per kind, parent ids, an index on org_id), two shells at once for the two cores,
# no HTTP and no audit entry; its p99 comes from the shell's timer (1 ms resolution).
# BENCH_SOAK=1 adds the soak: BENCH_SOAK_SECONDS (300) on the member record with the server's
# resident memory sampled every 10 s.
# BENCH_HTTP_REPORT_DB=PATH (run.sh sets it to the database holding a year of reviews) adds
# the report of figures (issue 4): the server restarted on a copy of PATH, then the page
# /orgs/{code}/report?year=2025 and GET /api/v1/orgs/{code}/report?year=2025 under wrk over
# the provinces, and the page of one province (BENCH_FIGURES_ORG, P014) one request at a time
# (51 after a warm-up); the plain way is the province's counts (members by status and grade,
# organisation grades, the forces' headcounts) by recursive CTE in the sqlite3 shell.
set -euo pipefail
cd "$(dirname "$0")/.."
cadre_db=$1
plain_db=$2
out=${3:-build/bench/http-results.txt}
cadre=${CADRE_BIN:-build/cadre}
secs=${BENCH_HTTP_SECONDS:-30}
soak_secs=${BENCH_SOAK_SECONDS:-300}
raw=$out.raw
work=$(mktemp -d "${TMPDIR:-/tmp}/cadre-http-bench.XXXXXX")
db=$(dirname "$cadre_db")/http_$(basename "$cadre_db")
report_src=${BENCH_HTTP_REPORT_DB:-}
report_db=
[ -n "$report_src" ] && report_db=$(dirname "$report_src")/http_$(basename "$report_src")
server_pid=

cleanup() {
	if [ -n "$server_pid" ]; then
		kill -TERM "$server_pid" 2>/dev/null || true
		wait "$server_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
	rm -f "$db" "$db-wal" "$db-shm"
	[ -z "$report_db" ] || rm -f "$report_db" "$report_db-wal" "$report_db-shm"
}
trap cleanup EXIT

for tool in wrk sqlite3 python3 curl; do
	command -v $tool >/dev/null || { echo "bench/http.sh: $tool is missing (scripts/deps.sh)"; exit 1; }
done

echo "bench: server: copying the database for the server ..."
rm -f "$db" "$db-wal" "$db-shm" "$db.auditkey"
sqlite3 "$cadre_db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$cadre_db" "$db"
# The audit key travels with its database (docs/audit.md).
if [ -f "$cadre_db.auditkey" ]; then cp -p "$cadre_db.auditkey" "$db.auditkey"; fi
printf 'bench-http-password\n' | "$cadre" --db "$db" --quiet user add bench --role sys_admin >/dev/null
token=$("$cadre" --db "$db" --quiet token add bench)
max_id=$(sqlite3 "$db" "SELECT max(id) FROM member")
provinces=$(sqlite3 "$db" "SELECT group_concat(code) FROM (SELECT code FROM org
	WHERE code GLOB 'P[0-9][0-9][0-9]' ORDER BY code)")
searches=${BENCH_HTTP_SEARCHES:-'van%20hung,nguyen%20thi%20lan,tran%20duc,le%20thi%20hoa,pham%20van%20minh,hoang%20anh,do%20thi%20mai,vu%20van%20thanh,nguyen%20thi,dang,van%20d,nguyen'}

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port
"$cadre" --db "$db" serve --listen "127.0.0.1:$port" --quiet --max-per-address 256 >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
	curl -s -o /dev/null "$url/login" && break
	sleep 0.1
done
kill -0 "$server_pid" || { cat "$work/server.log"; exit 1; }
export CADRE_TOKEN=$token

# load NAME PATH [VALUES]: one wrk run of BENCH_HTTP_SECONDS; PATH's {} is a random member id,
# or the next of the comma-separated VALUES. Prints wrk's line, or "not served".
load() {
	local name=$1 path=$2 values=${3:-} probe status
	probe=${path//\{\}/${values%%,*}}
	[ -z "$values" ] && probe=${path//\{\}/1}
	status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url$probe")
	if [ "$status" != 200 ]; then
		echo "http $name not_served status=$status path=$probe"
		return
	fi
	local c0 line
	c0=$(server_cpu)
	line=$(BENCH_NAME=$name BENCH_PATH=$path BENCH_VALUES=$values BENCH_MAX_ID=$max_id \
		wrk -t2 -c64 -d"${4:-$secs}s" --timeout 10s -s bench/http.lua "$url" | grep '^http ') ||
		line="http $name failed"
	# The server's processor time per answer: what the work costs, whatever else the
	# machine was doing (the request rate depends on that too).
	echo "$line" | awk -v c="$(($(server_cpu) - c0))" -v hz="$(getconf CLK_TCK)" '{
		n = 0; for (i = 1; i <= NF; i++) if ($i ~ /^requests=/) n = substr($i, 10)
		printf "%s server_cpu_s=%.1f", $0, c / hz
		if (n > 0) printf " cpu_ms_per_req=%.3f", c / hz * 1000 / n
		printf "\n" }'
}

# The server's user and system time so far, in clock ticks.
server_cpu() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }

audit_rows() { sqlite3 "$db" "SELECT count(*) FROM audit"; }

echo "bench: server: warming up ..."
load warmup '/api/v1/members/{}' '' 10 >/dev/null
{
	echo "http_env cores=$(nproc) members=$max_id provinces=$(echo "$provinces" | tr ',' '\n' | wc -l) seconds=$secs"
	load static '/static/cadre.css'
	a0=$(audit_rows)
	line=$(load member_api '/api/v1/members/{}')
	a1=$(audit_rows)
	echo "$line audit_entries=$((a1 - a0))"
	load member_page '/members/{}'
	load org_api '/api/v1/orgs/{}' "$provinces"
	load org_page '/orgs/{}' "$provinces"
	load search_api '/api/v1/members?q={}' "$searches"
	# The search once more, one request at a time: its own latency, without the queue.
	for q in ${searches//,/ }; do
		curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" \
			"$url/api/v1/members?q=$q"
	done | sort -n | awk '{ t[NR] = $1 * 1000 } END {
		printf "http search_alone requests=%d p50_ms=%.0f max_ms=%.0f\n", NR, t[int(NR / 2) + 1], t[NR] }'
} | tee -a "$raw" "$work/lines"

# ---- the plain way: the same lookups in the sqlite3 shell, two shells at once ------------
# plain NAME FILE...: run each FILE of statements in its own sqlite3 shell, at once; print the
# statements per second and the 99th percentile of the shell's timer.
plain() {
	local name=$1 f t0 t1 n
	shift
	t0=$(date +%s.%N)
	for f in "$@"; do
		sqlite3 -cmd ".timer on" "$plain_db" <"$f" 2>&1 | grep '^Run Time' >"$f.times" &
	done
	wait
	t1=$(date +%s.%N)
	cat "${@/%/.times}" | awk '{ print $4 }' | sort -n | awk -v name="$name" -v t0="$t0" -v t1="$t1" '
		{ v[NR] = $1 + 0 }
		END { n = NR; s = t1 - t0
		      printf "plain %s statements=%d seconds=%.1f rps=%.1f p50_ms=%.1f p99_ms=%.1f\n",
			name, n, s, n / s, v[int(n * 0.50) + 1] * 1000, v[int(n * 0.99) + 1] * 1000 }'
}

echo "bench: server: the plain way (sqlite3 shell) ..."
cat "$plain_db" >/dev/null # in the page cache, as the server's copy is
python3 - "$work" "$max_id" "$provinces" "$searches" <<'EOF'
import random, sys, urllib.parse
work, max_id, provinces, searches = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(','), sys.argv[4].split(',')
rng = random.Random(1)
for part in (0, 1):
    with open(f"{work}/member{part}.sql", "w") as f:
        for _ in range(20000):
            f.write(f"SELECT * FROM member WHERE id = {rng.randint(1, max_id)};\n")
    with open(f"{work}/org{part}.sql", "w") as f:
        for code in provinces[part::2][:50]:
            f.write("WITH RECURSIVE sub(id) AS (SELECT id FROM org WHERE code = '%s' UNION ALL "
                    "SELECT o.id FROM org o JOIN sub ON o.parent_id = sub.id) "
                    "SELECT status, count(*) FROM member WHERE org_id IN sub GROUP BY status;\n" % code)
    with open(f"{work}/search{part}.sql", "w") as f:
        for q in searches[part::2]:
            q = urllib.parse.unquote(q)
            f.write("SELECT id, full_name FROM member WHERE folded_name LIKE '%%%s%%' "
                    "ORDER BY given_name COLLATE NOCASE, full_name COLLATE NOCASE LIMIT 50;\n" % q)
EOF
{
	plain member "$work/member0.sql" "$work/member1.sql"
	plain org "$work/org0.sql" "$work/org1.sql"
	plain search "$work/search0.sql" "$work/search1.sql"
} | tee -a "$raw" "$work/lines"

# ---- the soak ----------------------------------------------------------------------------
if [ "${BENCH_SOAK:-0}" = 1 ]; then
	echo "bench: server: soak, ${soak_secs} s on the member record, memory every 10 s ..."
	load soak '/api/v1/members/{}' '' "$soak_secs" >"$work/soak.txt" &
	soak_pid=$!
	# VmRSS counts the database pages the server has mapped (shared, the page cache);
	# RssAnon is the server's own memory, where a leak would show.
	rss=()
	anon=()
	while kill -0 "$soak_pid" 2>/dev/null; do
		rss+=("$(awk '/^VmRSS/ { print $2 }' "/proc/$server_pid/status")")
		anon+=("$(awk '/^RssAnon/ { print $2 }' "/proc/$server_pid/status")")
		sleep 10
	done
	wait "$soak_pid"
	echo "$(cat "$work/soak.txt") rss_kb=$(IFS=,; echo "${rss[*]}") anon_kb=$(IFS=,; echo "${anon[*]}")" |
		tee -a "$raw" "$work/lines"
fi

kill -TERM "$server_pid"
wait "$server_pid" || true
server_pid=

# ---- the report of figures (issue 4), on a database holding a year of reviews ------------
if [ -n "$report_src" ]; then
	echo "bench: server: the report of figures, on a copy of $report_src ..."
	rm -f "$db" "$db-wal" "$db-shm"  # room on the disk
	rm -f "$report_db" "$report_db-wal" "$report_db-shm" "$report_db.auditkey"
	sqlite3 "$report_src" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	cp "$report_src" "$report_db"
	if [ -f "$report_src.auditkey" ]; then cp -p "$report_src.auditkey" "$report_db.auditkey"; fi
	unset CADRE_TOKEN  # the command line would sign in with the other database's token
	printf 'bench-http-password\n' | "$cadre" --db "$report_db" --quiet user add bench --role sys_admin >/dev/null
	token=$("$cadre" --db "$report_db" --quiet token add bench)
	export CADRE_TOKEN=$token
	"$cadre" --db "$report_db" serve --listen "127.0.0.1:$port" --quiet --max-per-address 256 >"$work/server.log" 2>&1 &
	server_pid=$!
	for _ in $(seq 100); do
		curl -s -o /dev/null "$url/login" && break
		sleep 0.1
	done
	kill -0 "$server_pid" || { cat "$work/server.log"; exit 1; }
	one=${BENCH_FIGURES_ORG:-P014}
	{
		load report_page '/orgs/{}/report?year=2025' "$provinces"
		load report_api '/api/v1/orgs/{}/report?year=2025' "$provinces"
		# One province's page, one request at a time: what a user waits for.
		for i in $(seq 52); do
			curl -s -o /dev/null -w '%{http_code} %{time_total}\n' \
				-H "Authorization: Bearer $token" "$url/orgs/$one/report?year=2025"
		done | tail -n +2 | sort -k2,2n | awk -v org="$one" '$1 != 200 { bad++ } { t[NR] = $2 * 1000 }
			END { n = NR; printf "http report_alone org=%s requests=%d p50_ms=%.2f p90_ms=%.2f max_ms=%.2f non2xx=%d\n",
				org, n, t[int(n / 2) + 1], t[int(n * 0.9) + 1], t[n], bad + 0 }'
	} | tee -a "$raw" "$work/lines"
	kill -TERM "$server_pid"
	wait "$server_pid" || true
	server_pid=
	python3 - "$work" "$provinces" <<'EOF'
import sys
work, provinces = sys.argv[1], sys.argv[2].split(',')
for part in (0, 1):
    with open(f"{work}/report{part}.sql", "w") as f:
        for code in provinces[part::2][:50]:
            f.write("WITH RECURSIVE sub(id) AS (SELECT id FROM org WHERE code = '%s' UNION ALL "
                    "SELECT o.id FROM org o JOIN sub ON o.parent_id = sub.id) "
                    "SELECT m.status, m.category, r.grade, count(*) FROM member m "
                    "LEFT JOIN review r ON r.member_id = m.id AND r.year = 2025 "
                    "WHERE m.org_id IN sub GROUP BY 1, 2, 3 "
                    "UNION ALL SELECT 'org', NULL, v.grade, count(*) FROM org_review v "
                    "JOIN org o ON o.code = v.org_code WHERE v.year = 2025 AND o.id IN sub GROUP BY 3 "
                    "UNION ALL SELECT 'forces', sum(militia), sum(self_defence), sum(reserve) "
                    "FROM org WHERE id IN sub;\n" % code)
EOF
	if [ "$(sqlite3 "$plain_db" "SELECT count(*) FROM sqlite_schema WHERE name = 'review'")" = 1 ]; then
		plain report "$work/report0.sql" "$work/report1.sql" | tee -a "$raw" "$work/lines"
	fi
fi

# ---- the table -------------------------------------------------------------------------
awk '
function v(line, key,   i, n, f) { n = split(line, f, " "); for (i = 1; i <= n; i++)
	if (index(f[i], key "=") == 1) return substr(f[i], length(key) + 2); return "" }
function cadre(name, what, target) {
	if (!(name in h)) return
	if (h[name] ~ /not_served/) { printf "| %s | %s | not served yet | | | | %s |\n", what, p[name], target; return }
	if (h[name] ~ /failed/) { printf "| %s | %s | wrk failed | | | | %s |\n", what, p[name], target; return }
	if (v(h[name], "p99_ms") + 0 == 0 && v(h[name], "errors") + 0 > 0) {
		printf "| %s | %s | %s | every request over 10 s (timed out) | %s | %s | %s |\n", what, p[name],
			v(h[name], "rps"), v(h[name], "cpu_ms_per_req"), v(h[name], "non2xx") + v(h[name], "errors"), target; return }
	printf "| %s | %s | %s | %s | %s | %s | %s |\n", what, p[name], v(h[name], "rps"), v(h[name], "p99_ms"),
		v(h[name], "cpu_ms_per_req"), v(h[name], "non2xx") + v(h[name], "errors"), target }
/^http_env/ { env = $0 }
/^http / { h[$2] = $0 }
/^plain / { p[$2] = sprintf("%s/s, p99 %s ms", v($0, "rps"), v($0, "p99_ms")) }
END {
	plainm = p["member"]; p["member_api"] = plainm; p["member_page"] = plainm
	p["org_api"] = p["org"]; p["org_page"] = p["org"]
	p["search_api"] = p["search"]
	p["report_page"] = p["report"] " (counts only)"; p["report_api"] = p["report_page"]
	if (!("report" in p)) { p["report_page"] = ""; p["report_api"] = "" }
	p["static"] = ""
	printf "\n| server work, 64 connections | plain way (sqlite3 shell x2) | cadre req/s | cadre p99 (ms) | server CPU ms per request | errors | target |\n"
	printf "|---|---|---|---|---|---|---|\n"
	cadre("static", "static stylesheet (the HTTP floor)", "")
	cadre("member_api", "member record, API (audit entry each)", "5,000 req/s, p99 under 20 ms")
	cadre("member_page", "member record, page (audit entry each)", "5,000 req/s, p99 under 20 ms")
	cadre("org_api", "province organisation, API", "")
	cadre("org_page", "province organisation, page", "")
	cadre("search_api", "accent-free search, API", "")
	cadre("report_page", "province report of figures, page (2025)", "")
	cadre("report_api", "province report of figures, API (2025)", "")
	if ("member_api" in h) printf "\naudit entries written during the member record run: %s for %s requests\n",
		v(h["member_api"], "audit_entries"), v(h["member_api"], "requests")
	if ("soak" in h) {
		n = split(v(h["soak"], "rss_kb"), r, ",")
		split(v(h["soak"], "anon_kb"), an, ",")
		for (i = 1; i <= n; i++) { if (r[i] + 0 > mx) mx = r[i] + 0; if (an[i] + 0 > amx) amx = an[i] + 0 }
		printf "soak: %s s, %s requests, %s req/s, p99 %s ms, %d errors (non-2xx or socket)\n",
			v(h["soak"], "seconds"), v(h["soak"], "requests"), v(h["soak"], "rps"), v(h["soak"], "p99_ms"),
			v(h["soak"], "non2xx") + v(h["soak"], "errors")
		printf "soak memory (%d samples, every 10 s): VmRSS %.1f MB after 10 s, %.1f MB at the end, %.1f MB at most; " \
			"RssAnon %.1f MB after 10 s, %.1f MB at the end, %.1f MB at most\n",
			n, r[2] / 1024, r[n] / 1024, mx / 1024, an[2] / 1024, an[n] / 1024, amx / 1024
	}
	if ("report_alone" in h)
		printf "report page alone (%s, one request at a time, %s requests): median %s ms, p90 %s ms, slowest %s ms\n",
			v(h["report_alone"], "org"), v(h["report_alone"], "requests"), v(h["report_alone"], "p50_ms"),
			v(h["report_alone"], "p90_ms"), v(h["report_alone"], "max_ms")
	if ("search_alone" in h)
		printf "search alone (one request at a time, %s queries): median %s ms, slowest %s ms\n",
			v(h["search_alone"], "requests"), v(h["search_alone"], "p50_ms"), v(h["search_alone"], "max_ms")
}' "$work/lines" | tee -a "$out"
