#!/bin/bash
# bench/import_reviews.sh: the office's year-end import (issue 10), 'cadre import reviews' of a
# year's decisions into a copy of the imported database, beside sqlite3's .import of the same
# rows into a bare table (the floor: no check, no index but the table's).
#
# Usage: bench/import_reviews.sh CADRE_DB REVIEWS_CSV [RESULTS] [ROWS]   (called by bench/run.sh;
# ROWS: only the first ROWS decisions, for a run at a smaller scale; RESULTS gets the lines)
# Prints:
#   import_reviews decisions=N seconds=S cpu_s=C us_per_decision=U peak_rss_mb=M
#   import_reviews_plain decisions=N seconds=S
set -euo pipefail
cd "$(dirname "$0")/.."
cadre_db=$1
reviews=$2
out=${3:-build/bench/import-reviews-results.txt}
rows=${4:-}
cadre=${CADRE_BIN:-build/cadre}
work=$(mktemp -d "${TMPDIR:-/tmp}/cadre-import-reviews.XXXXXX")
db=$(dirname "$cadre_db")/import_reviews_$(basename "$cadre_db")
trap 'rm -rf "$work"; rm -f "$db" "$db-wal" "$db-shm" "$db.auditkey"' EXIT
mkdir -p "$(dirname "$out")"

file=$reviews
if [ -n "$rows" ]; then
	file=$work/reviews.csv
	head -n "$((rows + 1))" "$reviews" >"$file"
fi
n=$(($(wc -l <"$file") - 1))
sqlite3 "$cadre_db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$cadre_db" "$db"
if [ -f "$cadre_db.auditkey" ]; then cp -p "$cadre_db.auditkey" "$db.auditkey"; fi
cat "$db" "$file" >/dev/null # both in the page cache, as for the floor below

/usr/bin/time -f '%e %U %S %M' -o "$work/time" \
	"$cadre" --db "$db" --quiet import reviews "$file" >"$work/out" 2>"$work/err" ||
	{ cat "$work/err"; exit 1; }
read -r wall user sys rss <"$work/time"
{
	awk -v n="$n" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
		printf "import_reviews decisions=%d seconds=%.2f cpu_s=%.2f us_per_decision=%.1f peak_rss_mb=%.0f\n",
			n, w, u + s, (u + s) * 1e6 / n, r / 1024 }'
	rm -f "$work/plain.db"
	t0=$(date +%s.%N)
	sqlite3 "$work/plain.db" "CREATE TABLE review(member_id INTEGER, year INTEGER, grade TEXT)" \
		".import --csv --skip 1 $file review"
	t1=$(date +%s.%N)
	awk -v n="$n" -v a="$t0" -v b="$t1" 'BEGIN { printf "import_reviews_plain decisions=%d seconds=%.2f\n", n, b - a }'
} | tee -a "$out"
