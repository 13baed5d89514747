#!/bin/bash
# run.sh [CADRE_BINARY] - the server's own tests (start, stop, HTTPS, sessions, limits).
here=$(cd "$(dirname "$0")" && pwd)
CADRE_TEST_DIR=$here exec "$here/../cli/run.sh" "$@"
