#!/bin/sh
# make run: create the demo database if there is none, show its top levels, suggest commands.
set -eu
cadre=${1:-build/cadre}
db=${CADRE_DB:-cadre.db}
if [ ! -f "$db" ]; then
	echo "creating the demo database $db (the sample Military Region 2) ..."
	if ! "$cadre" --db "$db" demo; then
		rm -f "$db" "$db-wal" "$db-shm"
		exit 1
	fi
fi
echo
"$cadre" --db "$db" org tree --depth 2
cat <<EOT

Try next:
  $cadre --db $db org tree QK2 --depth 2          the region's committees with member counts
  $cadre --db $db org show HG                     an organisation: facts, counts, lineage
  $cadre --db $db member search "dang van duc"    accent-free search
  $cadre --db $db member list --org HG --limit 20 a roll in Vietnamese name order
  $cadre --db $db org tree QK2 --depth 2 --as-of 2018-06-30   the tree as it was then
  $cadre --db $db member transfers                open transfers
  $cadre --db $db export members -                the rolls as CSV
  $cadre --help                                   every command; 'man docs/cadre.1'
EOT
