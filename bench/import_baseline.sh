#!/bin/sh
# import_baseline.sh - the floor for loading: sqlite3's own CSV import into a bare table.
#
# Usage: bench/import_baseline.sh MEMBERS.csv [DB]
#   DB defaults to build/bench/data/import_baseline.db; it is replaced, and kept afterwards.
# Times `sqlite3 DB ".mode csv" ".import MEMBERS.csv member"` into a table that does not
# exist yet (the shell creates it from the header: every column TEXT, no key, no index, no
# check), under /usr/bin/time -v, and prints one machine-readable line:
#   baseline sqlite3_import seconds=... peak_rss_mb=... rows=... db_mb=...
set -eu

csv=${1:?usage: bench/import_baseline.sh MEMBERS.csv [DB]}
db=${2:-build/bench/data/import_baseline.db}
[ -r "$csv" ] || { echo "import_baseline: cannot read $csv" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "import_baseline: sqlite3 is not installed" >&2; exit 2; }
if [ ! -x /usr/bin/time ]; then
	echo "import_baseline: /usr/bin/time is not installed (Debian package: time)" >&2
	exit 2
fi

mkdir -p "$(dirname "$db")"
rm -f "$db" "$db-journal" "$db-wal"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# The shell's dot-commands take double-quoted arguments, so a path with spaces works.
if ! /usr/bin/time -v sqlite3 "$db" ".mode csv" ".import \"$csv\" member" 2>"$log"; then
	cat "$log" >&2
	echo "import_baseline: sqlite3 .import failed" >&2
	exit 1
fi

# "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.34" -> seconds.
seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {
	n = split($2, p, ":"); s = 0
	for (i = 1; i <= n; i++) s = s * 60 + p[i]
	printf "%.2f", s }' "$log")
rss_mb=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$log")
rows=$(sqlite3 "$db" "SELECT count(*) FROM member")
db_mb=$(du -m "$db" | cut -f1)
echo "baseline sqlite3_import seconds=$seconds peak_rss_mb=$rss_mb rows=$rows db_mb=$db_mb"
