#!/bin/sh
# Layering and banned-function checks (STYLE.md): dependencies point inward, SQL lives only in
# src/store, the CLI reaches the store only through src/app, and no banned C function is used.
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
