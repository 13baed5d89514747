#!/bin/bash
# plain_reviews.sh PLAIN_DB ORGS_CSV REVIEWS_CSV ORG_REVIEWS_CSV
#
# The plain way of keeping a year of reviews (issue 4): the files bench/gen writes loaded
# into the plain database with the sqlite3 shell's .import, into the tables a developer
# would make for them: review(member_id, year, grade) with an index on (member_id, year),
# org_review(org_code, year, grade). The organisations' non-party headcounts (militia,
# self-defence, reserve: the leadership ratio's denominators) come from the organisations
# file into three new columns of org. Prints one line:
#     plain reviews_import seconds=... rows=... org_rows=...
set -euo pipefail
db=$1 orgs=$2 reviews=$3 org_reviews=$4
# The headcount columns once (a reload of the reviews keeps them).
forces="ALTER TABLE org ADD COLUMN militia INTEGER;
ALTER TABLE org ADD COLUMN self_defence INTEGER;
ALTER TABLE org ADD COLUMN reserve INTEGER;"
if [ "$(sqlite3 "$db" "SELECT count(*) FROM pragma_table_info('org') WHERE name = 'militia'")" = 1 ]; then
	forces=
fi
t0=$(date +%s.%N)
sqlite3 "$db" <<EOF
.bail on
CREATE TABLE review(member_id INTEGER, year INTEGER, grade TEXT);
CREATE TABLE org_review(org_code TEXT, year INTEGER, grade TEXT);
.import --csv --skip 1 $reviews review
.import --csv --skip 1 $org_reviews org_review
CREATE INDEX review_member ON review(member_id, year);
CREATE TEMP TABLE org_csv(code TEXT, parent_code TEXT, name TEXT, kind TEXT,
  grassroots_type TEXT, standing_board TEXT, local_committee TEXT, militia TEXT,
  self_defence TEXT, reserve TEXT, established TEXT);
.import --csv --skip 1 $orgs org_csv
$forces
UPDATE org SET militia = nullif(c.militia, ''), self_defence = nullif(c.self_defence, ''),
  reserve = nullif(c.reserve, '') FROM org_csv c WHERE c.code = org.code;
ANALYZE review; ANALYZE org_review; ANALYZE org;
EOF
t1=$(date +%s.%N)
counts=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM review) || ' ' || (SELECT count(*) FROM org_review)")
echo "plain reviews_import seconds=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')" \
	"rows=${counts% *} org_rows=${counts#* }"
