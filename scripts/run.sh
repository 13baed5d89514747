#!/bin/sh
# make run: create the demo database if there is none and an administrator account 'admin'
# (its generated password printed once, when it is created), then serve the web application
# and the JSON API. CADRE_DB names the database (cadre.db), CADRE_LISTEN the address
# (127.0.0.1:8080). The database's audit key is made beside it ($db.auditkey, docs/audit.md).
set -eu
cadre=${1:-build/cadre}
db=${CADRE_DB:-cadre.db}
listen=${CADRE_LISTEN:-127.0.0.1:8080}

if [ ! -f "$db" ]; then
	echo "creating the demo database $db (the sample Military Region 2) ..."
	if ! "$cadre" --db "$db" demo; then
		rm -f "$db" "$db-wal" "$db-shm" "$db.auditkey"
		exit 1
	fi
fi
echo
"$cadre" --db "$db" org tree --depth 2

# The administrator: created once, with 20 random letters and digits as its password. The
# password is not kept anywhere else; a lost one is replaced by creating another account.
if ! "$cadre" --db "$db" --json user list | grep -q '"account": "admin"'; then
	password=$(tr -dc 'A-Za-z0-9' </dev/urandom | head -c 20)
	printf '%s\n' "$password" | "$cadre" --db "$db" --quiet user add admin --role sys_admin >/dev/null
	cat <<EOT

  ================================================================
    Administrator account created (the password is shown only now)
      account:   admin
      password:  $password
  ================================================================
EOT
fi

# The address to open: a wildcard listen address is reached through the loopback.
case $listen in
:*) open="127.0.0.1$listen" ;;
0.0.0.0:*) open="127.0.0.1:${listen#0.0.0.0:}" ;;
*) open=$listen ;;
esac
cat <<EOT

Open http://$open/ and sign in as admin (the language switch is in the header): the home
page lists what waits (transfers to receive and overdue, the year's reviews, clashing numbers).
Try next, in another terminal:
  $cadre --db $db org tree QK2 --depth 2          the region's committees with member counts
  $cadre --db $db org show HG                     an organisation: facts, counts, lineage
  $cadre --db $db member search "dang van duc"    accent-free search
  $cadre --db $db member list --org HG --limit 20 a roll in Vietnamese name order
  $cadre --db $db org tree QK2 --depth 2 --as-of 2018-06-30   the tree as it was then
  $cadre --db $db member transfers                open transfers
  $cadre --db $db audit list                      who did what (the opening of a record too)
  TOKEN=\$($cadre --db $db token add admin)      an API token for scripts (shown once)
  curl -H "Authorization: Bearer \$TOKEN" http://$open/api/v1/orgs/HG     the JSON API
  $cadre --db $db vacancy --org QK2               key posts vacant or acting, committees short
  $cadre --db $db succession plan --org QK2       the region's succession plan 2025-2030
  $cadre --help                                   every command; 'man docs/cadre.1'

Key cadres (docs/cadres.md): http://$open/orgs/QK2/cadres (positions, the committee),
/orgs/QK2/vacancies, /orgs/QK2/plan and a cadre's sheet need the personnel right: sign in as
tochuc.demo with the password canbo-tochuc-2026 (the region's organisation department).

Inspection and supervision (docs/inspection.md): http://$open/orgs/QK2/inspection (programmes
and cases since 2020, each case's history) needs the inspection right: sign in as kiemtra.demo
with the password uykiemtra-2026 (the region's inspection committee).

A member's own handbook (docs/handbook.md), made for a phone: sign in as dv01.demo with the
password sotay-dangvien-2026, or activate dv02.demo at http://$open/activate with the code
HBDM-SAMP-AB22 (dv03.demo HBDM-SAMP-AC22, ... dv10.demo HBDM-SAMP-AK22; 14 days after the demo
was built, then: $cadre --db $db handbook accounts --org E98-D1-CQ --reissue).

EOT
exec "$cadre" --db "$db" serve --listen "$listen"
