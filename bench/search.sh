#!/bin/bash
# search.sh - the search of names (issue 10, docs/search.md) beside SQLite FTS5 on the same
# data, and the organisation picker's search, on an imported cadre database.
#
# Usage: bench/search.sh CADRE_DB [REPS]
#   CADRE_DB is read only; the FTS5 table is built in a database of its own beside it
#   (CADRE_DB.fts5.db, replaced). Prints machine-readable lines:
#     cadre national_search[_one] ...   bench/cadre_bench --find (the app layer, as the API)
#     cadre national_search_kept[_one] the same with the lists a server keeps (--kept)
#     cadre org_search ...              bench/cadre_bench --org-find, over every organisation
#     fts5 build seconds=... rows=...
#     fts5 search median_ms=... p90_ms=... p99_ms=... queries=N   the same texts, prefix on the last word,
#                                       the members on the rolls, first 50 by name, and the count
#     fts5 dang cadre=N fts5=M          "dang" through each: FTS5's unicode61 tokenizer keeps
#                                       đ apart from d (remove_diacritics folds marks only)
# The 64-connection figures of the same search through the HTTP API are bench/http.sh's
# search_api line (median and p99 from wrk).
set -eu

db=${1:?usage: bench/search.sh CADRE_DB [REPS]}
reps=${2:-11}
fts=$db.fts5.db
queries=${BENCH_SEARCHES:-van hung,nguyen thi lan,tran duc,le thi hoa,pham van minh,hoang anh,do thi mai,vu van thanh,nguyen thi,dang,van d,nguyen}
org_queries=${BENCH_ORG_SEARCHES:-phin ngan,hung dao,thong nhat,dai doi 23,quan khu 2,tien phong,hoa binh,co quan}

make -s build/bench/cadre_bench
build/bench/cadre_bench --db "$db" --find "$queries" --org-find "$org_queries" --reps "$reps"
# The same search with the lists a server keeps in memory (docs/search.md): its lines again,
# named national_search_kept[_one].
build/bench/cadre_bench --db "$db" --find "$queries" --reps "$reps" --kept |
	sed 's/^cadre national_search/cadre national_search_kept/'

rm -f "$fts" "$fts-journal"
t0=$(date +%s.%N)
sqlite3 "$fts" <<SQL
ATTACH '$db' AS c;
CREATE VIRTUAL TABLE name USING fts5(full_name, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO name(rowid, full_name) SELECT id, full_name FROM c.member;
SQL
t1=$(date +%s.%N)
echo "fts5 build seconds=$(echo "$t1 - $t0" | bc) rows=$(sqlite3 "$fts" 'SELECT count(*) FROM name')"

# Each query reps times in one shell, timed by the shell itself (.timer, in seconds).
IFS=, read -ra qs <<<"$queries"
{
	echo "ATTACH '$db' AS c;"
	echo ".timer on"
	for q in "${qs[@]}"; do
		# "van hung" -> 'van hung*': every word, the last as a prefix, as cadre matches.
		m="${q}*"
		for _ in $(seq "$reps"); do
			echo "SELECT count(*) FROM name JOIN c.member m ON m.id = name.rowid WHERE name MATCH '$m'" \
				"AND m.status IN ('probationary','official','exempt','suspended');"
			echo "SELECT m.id FROM name JOIN c.member m ON m.id = name.rowid WHERE name MATCH '$m'" \
				"AND m.status IN ('probationary','official','exempt','suspended')" \
				"ORDER BY m.sort_key, m.id LIMIT 50;"
		done
	done
} | sqlite3 "$fts" 2>&1 | awk '
	/^Run Time:/ { t = $4 * 1000; if (odd) { print last + t; odd = 0 } else { last = t; odd = 1 } }' |
	sort -n | awk -v n="${#qs[@]}" '{ v[NR] = $1 } END {
		printf "fts5 search median_ms=%.3f p90_ms=%.3f p99_ms=%.3f queries=%d\n", v[int(NR / 2) + 1],
			v[int(NR * 9 / 10) + 1], v[int(NR * 99 / 100) + 1], n }'

cadre_dang=$(sqlite3 "$db" "SELECT count(*) FROM member_word w JOIN name_word n ON n.id = w.word_id WHERE n.folded = 'dang'")
fts_dang=$(sqlite3 "$fts" "SELECT count(*) FROM name WHERE name MATCH 'dang'")
echo "fts5 dang cadre=$cadre_dang fts5=$fts_dang"
