#!/bin/bash
# The audit log's subject_name beside the raw subject, in the API and the CLI's audit list: a
# member's or an organisation's name within the reader's subtree, null outside it (issue 10's
# leftover).
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"

tcase "subject_name: the name within the subtree, null outside it; subject unchanged" "$FX"
# A member of A1C sent to B1C and received there: the entries of their addition and sending
# stay in A's log, the member is now outside A.
madd A1C "Đặng Văn Đức"
MOVED=$MID
cadre --json member transfer "$MOVED" --to B1C --date 2026-11-03
json_val 'd["id"]'
cadre member receive "$JV" --date 2026-11-04
expect_eq "the member received in B1C" 0 "$RC"
cadre org add AW --parent A1 --name "Chi bộ Đại đội Ê Đê" --kind cell --date 2001-01-01
expect_eq "AW established" 0 "$RC"
server_start
TOKEN=$TOKEN_aview
api GET "/api/v1/audit?subject=member:$MEMBER_A"
expect_status 200
expect_json "d['total'] >= 1 and all(x['subject'] == 'member:$MEMBER_A' and x['subject_name'] == 'Nguyễn Văn An' for x in d['items'])" \
	"a member of the subtree by name, the raw subject kept"
api GET "/api/v1/audit?subject=org:AW"
expect_json "d['total'] == 1 and d['items'][0]['subject'] == 'org:AW' and d['items'][0]['subject_name'] == 'Chi bộ Đại đội Ê Đê'" \
	"an organisation by name"
api GET "/api/v1/audit?subject=member:$MOVED"
expect_status 200
expect_json "d['total'] >= 2 and all(x['subject'] == 'member:$MOVED' and x['subject_name'] is None for x in d['items'])" \
	"a member now outside the subtree: the raw reference, no name"
api GET "/api/v1/audit?limit=1000"
expect_json "d['items'] and all('subject_name' in x for x in d['items']) and all(x['subject_name'] is None for x in d['items'] if not x['subject'].startswith(('member:', 'org:')))" \
	"every entry has subject_name; records neither a member nor an organisation have none"
TOKEN=$TOKEN_admin
api GET "/api/v1/audit?subject=member:$MOVED"
expect_json "d['items'] and all(x['subject_name'] == 'Đặng Văn Đức' for x in d['items'])" \
	"the whole tree's administrator sees the name"
server_stop

tcase "cadre audit list: the name column and subject_name, within the token's scope" "$FX"
expect_exit 0 audit list --limit 1000
expect_out_contains "NAME"
expect_out_contains "member:$MEMBER_A"
expect_out_contains "Nguyễn Văn An"
run_raw env CADRE_TOKEN="$TOKEN_aview" "$CADRE" --db "$DB" --json audit list --limit 1000
expect_eq "exit code" 0 "$RC"
expect_json "any(x['subject'] == 'member:$MEMBER_A' and x['subject_name'] == 'Nguyễn Văn An' for x in d) and not any(x['subject_name'] == 'Trần Thị Bình' for x in d)" \
	"names of the token's subtree"

done_testing
