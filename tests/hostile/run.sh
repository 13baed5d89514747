#!/bin/bash
# run.sh [CADRE_BINARY] - the hostile suite: every finding of the hardening review (issue 9)
# replayed with the attack that found it, and the crash-consistency trials. One file per area:
#   t_import.sh   imports and their answers (duplicates, unique numbers, formulas, huge ids)
#   t_server.sh   the server under load and abuse (bodies, connections, locks, bytes in paths)
#   t_audit.sh    the audit chain (MAC, checkpoints, truncation) and audited bulk reads
#   t_records.sh  records that were wrong (merges with open transfers, past dates, holidays)
#   t_text.sh     text as it comes in (NFC, control and bidi bytes, lengths), account scope
#   t_crash.sh    kill -9 during imports and API writes, then every check
here=$(cd "$(dirname "$0")" && pwd)
CADRE_TEST_DIR=$here exec "$here/../cli/run.sh" "$@"
