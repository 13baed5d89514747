#!/bin/bash
# t_lint.sh - the layering checks of scripts/lint.sh hold on the tree, and each of the checks of
# the house (src/app knows no CLI name, src/http reaches the store only through src/app, src/web
# never calls into the server) fails on a planted violation in a copy of the tree. The checks
# are independent, so one copy carries one violation of each, and each must be named.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)

# A copy of the sources and the checker: each case plants one violation in a fresh copy.
fresh() {
	rm -rf "$WORK/tree"
	mkdir -p "$WORK/tree/scripts" "$WORK/tree/bench"
	cp -r "$ROOT/src" "$WORK/tree/src"
	cp "$ROOT/scripts/lint.sh" "$WORK/tree/scripts/"
}
# run_raw would take lint's exit 1 for a crash of cadre's: run it plainly.
lint() {
	sh "$WORK/tree/scripts/lint.sh" >"$OUTF" 2>"$ERRF"
	RC=$?
	OUT=$(cat "$OUTF")
	ERR=$(cat "$ERRF")
	LAST_CMD="sh scripts/lint.sh"
}

tcase "the tree as it is passes"
fresh
lint
expect_eq "lint exits 0" 0 "$RC"
expect_out_contains "lint: ok"

tcase "each check of the house fails on its planted violation"
# src/app calling a table function of the CLI (what report_out.c's table_row looked like)
printf 'void planted(void);\nvoid planted(void) { table_row(0); }\n' >>"$WORK/tree/src/app/report_out.c"
# src/http calling the store directly
printf 'static void planted(struct app *a) { store_checkpoint(a->st); }\n' >>"$WORK/tree/src/http/server.c"
# a request accessor moved back into the server (html.c calls req_query)
sed -n '/^const char \*req_query/,/^}/p' "$WORK/tree/src/http/req.c" >"$WORK/acc.c"
sed -i '/^const char \*req_query/,/^}/d' "$WORK/tree/src/http/req.c"
cat "$WORK/acc.c" >>"$WORK/tree/src/http/server.c"
# src/http including src/web outside the server, the routing table and the API handlers
sed -i '1a #include "../web/web.h"' "$WORK/tree/src/http/session.c"
lint
expect_eq "lint exits 1" 1 "$RC"
expect_out_contains "src/app uses a name of src/cli"
expect_out_contains "src/app/report_out.c"
expect_out_contains "src/http calls the store directly"
expect_out_contains "store_checkpoint(a->st)"
expect_out_contains "src/web calls into the server"
expect_out_contains "src/web/html.c"
expect_out_contains "src/http includes src/web"
expect_out_contains "src/http/session.c"
expect_out_lacks "lint: ok"

done_testing
