#!/bin/bash
# bench/cadre_sheet.sh: the cadre's sheet (docs/cadres.md "The cadre's sheet and assessment")
# under load, beside the plain way.
#
# Usage: bench/cadre_sheet.sh CADRE_DB [RESULTS]   (on a copy of CADRE_DB)
#
# Goal (issue 13): one cadre's sheet under 2 ms of server processor time, at 64 connections.
# The server runs on a copy of CADRE_DB; an account with the personnel right on the root is
# made and an API token issued; wrk (bench/http.lua) loads GET /api/v1/members/{}/cadre-sheet
# over up to 200 holders of key positions (BENCH_VALUES, in turn) at -t2 -c64 for
# BENCH_HTTP_SECONDS (30). Each answer also writes its audit entry cadre.sheet, as in use.
# The server's processor time per answer comes from /proc/PID/stat. The plain way is the same
# eight reads by index in the sqlite3 shell (the member, its organisation, holdings with their
# positions, committee seats, plans, training, reviews, own assessments), for each member in
# turn, 2,000 sheets, with no audit entry and no JSON.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$1
out=${2:-build/bench/sheet-results.txt}
cadre=${CADRE_BIN:-build/cadre}
secs=${BENCH_HTTP_SECONDS:-30}
work=$(mktemp -d "${TMPDIR:-/tmp}/cadre-sheet-bench.XXXXXX")
db=$work/sheet.db
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
root=$(sqlite3 "$db" "SELECT code FROM org WHERE parent_id IS NULL ORDER BY id LIMIT 1")
ids=$(sqlite3 "$db" "SELECT h.member_id FROM holding h JOIN position p ON p.id = h.position_id
	WHERE p.is_key AND h.valid_to IS NULL GROUP BY h.member_id ORDER BY h.member_id LIMIT 200" | paste -sd, -)
if [ -z "$ids" ]; then
	echo "bench/cadre_sheet.sh: no holder of a key position in $src; skipped" | tee -a "$out"
	exit 0
fi
printf 'bench-sheet-password-2026\n' >"$work/pw"
# (The first command on the copy brings it to this binary's schema.)
"$cadre" --db "$db" user add bench.sheet --role clerk --org "$root" --personnel <"$work/pw" >/dev/null
token=$("$cadre" --db "$db" --json token add bench.sheet | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port
"$cadre" --db "$db" serve --listen "127.0.0.1:$port" --max-per-address 256 >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 200); do curl -s -o /dev/null "$url/login" && break; sleep 0.1; done
first=${ids%%,*}
status=$(curl -s -o "$work/one.json" -w '%{http_code}' -H "Authorization: Bearer $token" "$url/api/v1/members/$first/cadre-sheet")
[ "$status" = 200 ] || { echo "bench/cadre_sheet.sh: the sheet of $first answers $status"; exit 1; }
server_cpu() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
load() {
	local name=$1 path=$2 c0 line
	c0=$(server_cpu)
	line=$(CADRE_TOKEN=$token BENCH_NAME=$name BENCH_PATH=$path BENCH_VALUES=$ids \
		wrk -t2 -c64 -d"${secs}s" --timeout 10s -s bench/http.lua "$url" | grep '^http ') ||
		line="http $name failed"
	echo "$line" | awk -v c="$(($(server_cpu) - c0))" -v hz="$(getconf CLK_TCK)" '{
		n = 0; for (i = 1; i <= NF; i++) if ($i ~ /^requests=/) n = substr($i, 10)
		printf "%s server_cpu_s=%.1f", $0, c / hz
		if (n > 0) printf " cpu_ms_per_req=%.3f", c / hz * 1000 / n
		printf "\n" }'
}
plain() {
	local i m year n
	year=$(date +%Y)
	IFS=, read -r -a list <<<"$ids"
	n=${#list[@]}
	{
		echo ".timer off"
		for i in $(seq 2000); do
			m=${list[$((i % n))]}
			echo "SELECT * FROM member WHERE id = $m;"
			echo "SELECT o.code, o.name FROM org o JOIN member m ON m.org_id = o.id WHERE m.id = $m;"
			echo "SELECT h.*, p.kind, k.name_vi, o.code, o.name FROM holding h JOIN position p ON p.id = h.position_id JOIN position_kind k ON k.code = p.kind JOIN org o ON o.id = p.org_id WHERE h.member_id = $m ORDER BY h.valid_from;"
			echo "SELECT cm.*, o.code, o.name, c.term_start FROM committee_member cm JOIN committee c ON c.id = cm.committee_id JOIN org o ON o.id = c.org_id WHERE cm.member_id = $m;"
			echo "SELECT ps.*, pp.code, p.kind, o.code FROM plan_successor ps JOIN plan_period pp ON pp.id = ps.period_id JOIN position p ON p.id = ps.position_id JOIN org o ON o.id = p.org_id WHERE ps.member_id = $m AND ps.to_version IS NULL;"
			echo "SELECT * FROM training WHERE member_id = $m AND deleted_at IS NULL ORDER BY from_date;"
			echo "SELECT year, grade, step FROM review WHERE member_id = $m AND current AND year BETWEEN $((year - 5)) AND $year;"
			echo "SELECT * FROM cadre_assessment WHERE member_id = $m AND current ORDER BY year DESC;"
		done
	} >"$work/plain.sql"
	local t0 t1
	t0=$(date +%s%N)
	sqlite3 "$db" <"$work/plain.sql" >/dev/null
	t1=$(date +%s%N)
	awk -v ns=$((t1 - t0)) 'BEGIN { printf "sheet plain_eight_reads ms_per_sheet=%.3f (sqlite3 shell, one core)\n", ns / 2000 / 1e6 }'
}
{
	echo "sheet_env holders=$(printf '%s' "$ids" | tr ',' '\n' | wc -l) seconds=$secs cores=$(nproc) bytes=$(wc -c <"$work/one.json")"
	load sheet_api /api/v1/members/{}/cadre-sheet
	plain
	echo "sheet_audit entries=$(sqlite3 "$db" "SELECT count(*) FROM audit WHERE action = 'cadre.sheet'")"
} | tee -a "$out.raw" | tee "$work/lines"
awk '/^http sheet_/ { for (i = 1; i <= NF; i++) { if ($i ~ /^cpu_ms_per_req=/) c = substr($i, 16);
	if ($i ~ /^rps=/) r = substr($i, 5); if ($i ~ /^p99_ms=/) p = substr($i, 8) }
	printf "| cadre sheet, API (audit entry each) | %s ms server CPU a request, %s req/s, p99 %s ms | goal 2 ms |\n", c, r, p }
	/^sheet plain/ { for (i = 1; i <= NF; i++) if ($i ~ /^ms_per_sheet=/) q = substr($i, 14);
	printf "| plain: the same eight reads         | %s ms a sheet (sqlite3 shell) | |\n", q }' "$work/lines" | tee -a "$out"
