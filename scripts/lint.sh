#!/bin/sh
# Layering and banned-function checks (STYLE.md): dependencies point inward, SQL lives only in
# src/store, the CLI and the server reach the store only through src/app, src/app knows nothing
# of the CLI, src/web does not call into the server, and no banned C function is used.
set -u
cd "$(dirname "$0")/.."
fail=0
bad() { echo "lint: $*"; fail=1; }

# src/core: pure rules, no I/O, no SQL, no reaching outward.
if grep -nE '#include +["<](\.\./)?(store|app|cli|http|web)/|#include +<sqlite3\.h>|#include +<(microhttpd|jansson)\.h>' src/core/*.[ch]; then
	bad "src/core includes an outer layer or an I/O library"
fi
if grep -nwE '(fopen|fprintf|printf|puts|fputs|fwrite|fread|getenv|time|open|read|write)\(' src/core/*.c | grep -v '^\S*:\s*/\?\*'; then
	bad "src/core does I/O"
fi
# src/store: no app, cli.
if grep -nE '#include +"(\.\./)?(app|cli|http|web)/' src/store/*.[ch]; then
	bad "src/store includes an outer layer"
fi
# src/app: no cli, no sqlite.
if grep -nE '#include +"(\.\./)?(cli|http|web)/|#include +<sqlite3\.h>' src/app/*.[ch]; then
	bad "src/app includes an outer layer or sqlite3.h"
fi
# src/cli: only through the app layer.
if grep -nE '\bstore_[a-z_]+\(|#include +<sqlite3\.h>|#include +"\.\./store/' src/cli/*.[ch]; then
	bad "src/cli calls the store directly; go through src/app"
fi
# src/app: not even a name of the CLI's (its tables, its terminal helpers): the app layer does
# not know the terminal, and a function of the same name would read as borrowed.
cli_names=$(sed -nE 's/^[a-z][a-z_ ]*[ *]([a-z_][a-z0-9_]*)\(.*/\1/p' src/cli/cli.h | sort -u | paste -sd'|')
if [ -n "$cli_names" ] && grep -nE "(^|[^a-z0-9_])($cli_names)\(" src/app/*.[ch]; then
	bad "src/app uses a name of src/cli (cli.h); move what it needs into src/app or src/lib"
fi
# src/http: the server reaches the store only through src/app.
if grep -nE '(^|[^a-z_])store_[a-z_]+\(' src/http/*.[ch] | grep -vE ':\s*(/\*|\*)'; then
	bad "src/http calls the store directly; go through src/app"
fi
# src/http -> src/web, one way: the server (server.c, route.c) dispatches to the pages; the
# pages read the request through req.c (and answer through problem.c, session.c), never
# through a function of the server.
srv_names=$(grep -hE '^[a-z]' src/http/server.c src/http/route.c | grep -v '^static' | sed -nE 's/^[a-z][a-z_ ]*[ *]([a-z_][a-z0-9_]*)\(.*/\1/p' | sort -u | paste -sd'|')
if [ -n "$srv_names" ] && grep -nE "(^|[^a-z0-9_])($srv_names)\(" src/web/*.[ch]; then
	bad "src/web calls into the server (src/http/server.c, route.c); the request accessors live in src/http/req.c"
fi
if grep -nE '#include +"(\.\./)?(web)/' src/http/*.[ch] | grep -vE '^src/http/(server|route|api_[a-z_]+)\.c:'; then
	bad "src/http includes src/web outside the server, the routing table and the API handlers"
fi
# SQL text only in src/store.
if grep -nE '"[^"]*\b(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|CREATE (TABLE|INDEX)|DROP (TABLE|INDEX)|PRAGMA)\b' $(ls src/*/*.c src/*/*.h | grep -v '^src/store/'); then
	bad "SQL outside src/store"
fi
# Banned functions (curl's list).
if grep -nE '(^|[^a-z_])(sprintf|strcat|strncpy|strtok|atoi|gets)\(' src/*/*.c src/*/*.h bench/*.c 2>/dev/null; then
	bad "a banned function is used (sprintf, strcat, strncpy, strtok, atoi, gets)"
fi
# Every C file starts with a one-line purpose comment.
for f in src/*/*.c src/*/*.h; do
	head -1 "$f" | grep -q '^/\* ' || bad "$f: the first line is not a purpose comment"
done
if [ $fail -eq 0 ]; then echo "lint: ok"; fi
exit $fail
