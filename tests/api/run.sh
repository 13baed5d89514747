#!/bin/bash
# run.sh [CADRE_BINARY] - the JSON API's tests: every endpoint, the access suite, OpenAPI.
here=$(cd "$(dirname "$0")" && pwd)
CADRE_TEST_DIR=$here exec "$here/../cli/run.sh" "$@"
