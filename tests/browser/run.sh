#!/bin/bash
# Browser tests: Debian's Chromium, headless, driven by playwright-core (npm) through the pages
# of a real server on a fresh demo database. Screenshots of every page visited go to
# build/screenshots/. Ends with "N passed, N failed"; exits non-zero when a test failed.
# Usage: tests/browser/run.sh [CADRE_BINARY]   (default build/cadre)
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cadre=$(cd "$(dirname "${1:-$root/build/cadre}")" && pwd)/$(basename "${1:-build/cadre}")
shots=$root/build/screenshots
work=$(mktemp -d "${TMPDIR:-/tmp}/cadre-browser.XXXXXX")
server_pid=

finish() {
	local passed=$1 failed=$2

	if [ -n "$server_pid" ]; then
		kill -TERM "$server_pid" 2>/dev/null
		wait "$server_pid" 2>/dev/null
	fi
	if [ "$failed" -ne 0 ] && [ -s "$work/server.log" ]; then
		echo "--- the last lines of the server's log:"
		tail -20 "$work/server.log"
	fi
	rm -rf "$work"
	echo
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}

fail_setup() {
	echo "FAIL setup: $*"
	finish 0 1
}

if [ ! -d "$here/node_modules/playwright-core" ]; then
	(cd "$here" && npm ci --silent --no-audit --no-fund >"$work/npm.log" 2>&1) ||
		{ cat "$work/npm.log"; fail_setup "npm ci in tests/browser failed"; }
fi
[ -x /usr/bin/chromium ] || fail_setup "/usr/bin/chromium is missing (scripts/deps.sh installs it)"
[ -x "$cadre" ] || fail_setup "no cadre binary at $cadre"

# A fresh database: the demo region, an administrator, a clerk of one province and the
# secretary of one of its grassroots organisations.
db=$work/browser.db
export CADRE_NO_PROGRESS=1
"$cadre" --db "$db" --quiet demo >"$work/setup.log" 2>&1 || fail_setup "cadre demo: $(cat "$work/setup.log")"
admin_pw=browser-admin-$RANDOM$RANDOM
clerk_pw=browser-clerk-$RANDOM$RANDOM
secretary_pw=browser-secretary-$RANDOM$RANDOM
printf '%s\n' "$admin_pw" | "$cadre" --db "$db" --quiet user add admin --role sys_admin \
	>>"$work/setup.log" 2>&1 || fail_setup "user add admin: $(cat "$work/setup.log")"
printf '%s\n' "$clerk_pw" | "$cadre" --db "$db" --quiet user add clerk.hg --role clerk --org HG \
	>>"$work/setup.log" 2>&1 || fail_setup "user add clerk.hg: $(cat "$work/setup.log")"
# The secretary of a district's grassroots organisation (the review scenario).
printf '%s\n' "$secretary_pw" | "$cadre" --db "$db" --quiet user add secretary.hgdv --role clerk \
	--org HG-DV >>"$work/setup.log" 2>&1 || fail_setup "user add secretary.hgdv: $(cat "$work/setup.log")"

# A free port (asked of the kernel, then given back): retried when another process takes it
# in between.
for attempt in 1 2 3; do
	port=$(node -e 'const s = require("net").createServer();
		s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')
	"$cadre" --db "$db" serve --listen "127.0.0.1:$port" >"$work/server.log" 2>&1 &
	server_pid=$!
	for _ in $(seq 100); do
		curl -s -o /dev/null "http://127.0.0.1:$port/login" && break
		kill -0 "$server_pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -0 "$server_pid" 2>/dev/null && break
	wait "$server_pid" 2>/dev/null
	server_pid=
done
[ -n "$server_pid" ] || fail_setup "the server did not start: $(cat "$work/server.log")"

mkdir -p "$shots"
rm -f "$shots"/*.png
CADRE_URL=http://127.0.0.1:$port CADRE_DB=$db CADRE_BINARY=$cadre SCREENSHOTS=$shots \
	ADMIN_PASSWORD=$admin_pw CLERK_PASSWORD=$clerk_pw SECRETARY_PASSWORD=$secretary_pw \
	RESULT=$work/result WORK=$work \
	node "$here/scenarios.js"
rc=$?
if [ -s "$work/result" ]; then
	read -r passed failed <"$work/result"
else
	passed=0
	failed=1
	echo "FAIL scenarios.js stopped before its end (exit $rc)"
fi
[ $rc -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
finish "$passed" "$failed"
