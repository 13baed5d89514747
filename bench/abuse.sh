#!/bin/bash
# bench/abuse.sh: the server under abuse (issue 9), three measures with a table of their own.
#
# Usage: bench/abuse.sh ORGS_CSV MEMBERS_CSV [RESULTS]   (called by bench/run.sh; RESULTS gets
# the table appended, RESULTS.raw the raw lines)
#
# A fresh database of the organisations (and, for the first two measures, the first
# BENCH_ABUSE_SEED_ROWS members, 20,000) is served with its defaults (32 connections an
# address, 10 s to send headers, writers wait 10 s), and:
#   - uploads: 20 anonymous clients each send a 64 MiB body to POST /login at once, half
#     with a Content-Length, half chunked; the server's peak resident memory (VmHWM) above its
#     memory before (VmRSS) is the figure (target: under 100 MB);
#   - half-open: one client (from 127.0.0.2) opens BENCH_ABUSE_HALF_OPEN (1,100) connections
#     that send half a request and wait, while wrk (from 127.0.0.1, 16 connections) reads an
#     organisation for BENCH_ABUSE_SECONDS (10); the others' p99 and errors, beside the same
#     wrk run with nobody attacking;
#   - writers during an import: 'cadre import members' of the first BENCH_ABUSE_ROWS rows of
#     MEMBERS_CSV (default: all of them, national scale) runs in another process, while a
#     writer changes an organisation through the API one request after another; the writers'
#     answers (how many, their statuses, the longest wait, whether any said "database is
#     locked"), beside the import's own time.
# Run small: BENCH_ABUSE_ROWS=200000 bench/abuse.sh ORGS MEMBERS (bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
orgs=$1
members=$2
out=${3:-build/bench/abuse-results.txt}
raw=$out.raw
cadre=${CADRE_BIN:-build/cadre}
secs=${BENCH_ABUSE_SECONDS:-10}
half_open=${BENCH_ABUSE_HALF_OPEN:-1100}
seed_rows=${BENCH_ABUSE_SEED_ROWS:-20000}
rows=${BENCH_ABUSE_ROWS:-0}
work=$(mktemp -d "${TMPDIR:-/tmp}/cadre-abuse-bench.XXXXXX")
db=$work/abuse.db
server_pid=
export CADRE_NO_PROGRESS=1

cleanup() {
	if [ -n "$server_pid" ]; then
		kill -TERM "$server_pid" 2>/dev/null || true
		wait "$server_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

for tool in wrk python3 curl; do
	command -v $tool >/dev/null || { echo "bench/abuse.sh: $tool is missing (scripts/deps.sh)"; exit 1; }
done

echo "bench: abuse: a fresh database of the organisations ..."
"$cadre" --db "$db" --quiet init >/dev/null
"$cadre" --db "$db" --quiet import orgs "$orgs" >/dev/null
head -n $((seed_rows + 1)) "$members" >"$work/seed.csv"
"$cadre" --db "$db" --quiet import members "$work/seed.csv" >/dev/null
printf 'bench-abuse-password\n' | "$cadre" --db "$db" --quiet user add bench --role sys_admin >/dev/null
token=$("$cadre" --db "$db" --quiet token add bench)
org=$("$cadre" --db "$db" --json --quiet org tree | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(next((o["code"] for o in d if o.get("kind") == "cell"), d[0]["code"]))')

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port
start_server() {
	"$cadre" --db "$db" serve --listen "127.0.0.1:$port" --quiet >"$work/server.log" 2>&1 &
	server_pid=$!
	for _ in $(seq 100); do
		curl -s -o /dev/null "$url/login" && break
		sleep 0.1
	done
	kill -0 "$server_pid" || { cat "$work/server.log"; exit 1; }
}
stop_server() {
	kill -TERM "$server_pid"
	wait "$server_pid" || true
	server_pid=
}
status_kb() { awk -v f="$1:" '$1 == f { print $2 }' "/proc/$server_pid/status"; }

start_server
{
	# ---- 20 anonymous 64 MiB uploads ---------------------------------------------------
	echo "bench: abuse: 20 anonymous uploads of 64 MiB ..." >&2
	idle=$(status_kb VmRSS)
	python3 - "$port" <<'EOF'
import socket, sys, threading
port = int(sys.argv[1])
chunk = b"a" * (1 << 20)
def upload(chunked):
    try:
        s = socket.create_connection(("127.0.0.1", port))
        head = "POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        head += "Transfer-Encoding: chunked\r\n\r\n" if chunked else "Content-Length: %d\r\n\r\n" % (64 << 20)
        s.sendall(head.encode())
        for _ in range(64):
            s.sendall(b"100000\r\n" + chunk + b"\r\n" if chunked else chunk)
        if chunked:
            s.sendall(b"0\r\n\r\n")
        s.recv(100)
    except OSError:
        pass  # refused: the connection closed under the sender
ts = [threading.Thread(target=upload, args=(i % 2 == 1,)) for i in range(20)]
for t in ts: t.start()
for t in ts: t.join()
EOF
	peak=$(status_kb VmHWM)
	echo "abuse uploads clients=20 mib_each=64 idle_kb=$idle peak_kb=$peak above_idle_mb=$(((peak - idle) / 1024))"

	# ---- 1,100 half-open connections ---------------------------------------------------
	echo "bench: abuse: ${half_open} half-open connections from one address ..." >&2
	BENCH_NAME=calm BENCH_PATH="/api/v1/orgs/$org" CADRE_TOKEN=$token \
		wrk -t2 -c16 -d"${secs}s" --timeout 10s -s bench/http.lua "$url" | grep '^http ' |
		sed 's/^http /abuse half_open_none /'
	python3 - "$port" "$half_open" "$((secs + 8))" >"$work/half.txt" <<'EOF' &
import resource, socket, sys, time
port, n, hold = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, n + 100)), hard))
socks, refused = [], 0
for i in range(n):
    try:
        s = socket.socket()
        s.bind(("127.0.0.2", 0))
        s.settimeout(2)
        s.connect(("127.0.0.1", port))
        s.sendall(b"GET /login HTTP/1.1\r\nHost: x\r\n")
        socks.append(s)
    except OSError:
        refused += 1
# Open again whatever the server closed, for as long as the run lasts.
end = time.time() + hold
reopened = 0
while time.time() < end:
    time.sleep(0.5)
    for i, s in enumerate(socks):
        try:
            s.setblocking(False)
            if s.recv(1) == b"":
                raise OSError
        except BlockingIOError:
            continue
        except OSError:
            try:
                t = socket.socket(); t.bind(("127.0.0.2", 0)); t.settimeout(1)
                t.connect(("127.0.0.1", port)); t.sendall(b"GET / HTTP/1.1\r\n")
                socks[i] = t; reopened += 1
            except OSError:
                pass
print("attempted=%d refused_at_connect=%d reopened=%d" % (n, refused, reopened))
EOF
	attacker=$!
	sleep 3
	BENCH_NAME=attacked BENCH_PATH="/api/v1/orgs/$org" CADRE_TOKEN=$token \
		wrk -t2 -c16 -d"${secs}s" --timeout 10s -s bench/http.lua "$url" | grep '^http ' |
		sed 's/^http /abuse half_open_held /' | tr -d '\n'
	wait "$attacker" || true
	echo " half_open=$half_open $(cat "$work/half.txt")"
} | tee -a "$raw" "$work/lines"
stop_server

# ---- writers during a long import --------------------------------------------------------
echo "bench: abuse: writers during an import in another process ..."
last='$'
[ "$rows" -gt 0 ] && last=$((seed_rows + 1 + rows))
sed -n "1p;$((seed_rows + 2)),${last}p" "$members" >"$work/import.csv"
start_server
t0=$(date +%s.%N)
"$cadre" --db "$db" --quiet --wait 600 import members "$work/import.csv" >"$work/import.out" 2>&1 &
import_pid=$!
: >"$work/writers"
n=0
while kill -0 "$import_pid" 2>/dev/null; do
	n=$((n + 1))
	curl -s -o "$work/w.body" -D "$work/w.head" -w '%{http_code} %{time_total}\n' -X PATCH \
		-H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
		--data-binary "{\"militia\":$n}" --max-time 120 "$url/api/v1/orgs/$org" >>"$work/writers" || true
	grep -qi '^Retry-After:' "$work/w.head" && echo retry >>"$work/retry" || true
	grep -q 'database is locked' "$work/w.body" && echo locked >>"$work/locked" || true
done
wait "$import_pid" || true
t1=$(date +%s.%N)
stop_server
{
	statuses=$(awk '{ print $1 }' "$work/writers" | sort | uniq -c | awk '{ printf "%s%s:%s", (NR > 1 ? "," : ""), $2, $1 }')
	sort -k2,2n "$work/writers" | awk -v secs="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" \
		-v imported="$(($(wc -l <"$work/import.csv") - 1))" -v statuses="$statuses" \
		-v retry="$(cat "$work/retry" 2>/dev/null | wc -l)" \
		-v locked="$(cat "$work/locked" 2>/dev/null | wc -l)" '
		{ n++; t[n] = $2 * 1000 }
		END { printf "abuse writers_during_import rows=%d import_s=%.1f writes=%d p50_ms=%.0f max_ms=%.0f statuses=%s retry_after=%d database_is_locked=%d\n",
			imported, secs, n, t[int(n / 2) + 1], t[n], statuses, retry, locked }'
} | tee -a "$raw" "$work/lines"

# ---- the table -------------------------------------------------------------------------
awk '
function v(line, key,   i, n, f) { n = split(line, f, " "); for (i = 1; i <= n; i++)
	if (index(f[i], key "=") == 1) return substr(f[i], length(key) + 2); return "" }
/^abuse uploads / { up = $0 }
/^abuse half_open_none / { calm = $0 }
/^abuse half_open_held / { held = $0 }
/^abuse writers_during_import / { wr = $0 }
END {
	print ""
	print "| the server under abuse | plain way (nobody attacking) | cadre | target |"
	print "|---|---|---|---|"
	printf "| 20 anonymous 64 MiB uploads: peak memory above idle (MB) | | %s | under 100 |\n", v(up, "above_idle_mb")
	printf "| others p99 (ms) while one address holds %s half-open connections | %s | %s (errors %s, non2xx %s) | answered |\n", v(held, "half_open"), v(calm, "p99_ms"), v(held, "p99_ms"), v(held, "errors"), v(held, "non2xx")
	printf "| writers during an import of %s rows (%s s): longest answer (ms) | | %s (%s writes; %s) | under 30000, 503 with Retry-After |\n", v(wr, "rows"), v(wr, "import_s"), v(wr, "max_ms"), v(wr, "writes"), v(wr, "statuses")
}' "$work/lines" | tee -a "$out"
