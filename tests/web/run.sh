#!/bin/bash
# run.sh [CADRE_BINARY] - the web pages' tests (every page rendered, escaped, valid, in scope).
here=$(cd "$(dirname "$0")" && pwd)
CADRE_TEST_DIR=$here exec "$here/../cli/run.sh" "$@"
