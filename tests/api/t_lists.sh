#!/bin/bash
# The API's lists: every list answers total, offset, limit and next and honours offset and
# limit; every endpoint refuses a query parameter it does not declare (400 naming it); the
# audit log is read whole through its cursor; counts.official has the subtree's definition.
. "$(dirname "$0")/lib_api.sh"
. "$(dirname "$0")/../http/lib_lists.sh"

FX=$WORK/fx.db
http_fixture "$FX"
DB=$FX
madd A1C "Lê Văn Bảo"
madd A1C "Phạm Thị Ánh"
DB=$WORK/none.db
FXL=$WORK/fx_lists.db

# The list endpoints, as the admin reads them (each has more than one item).
LISTS="/api/v1/orgs /api/v1/orgs/A/members /api/v1/transfers /api/v1/holidays
/api/v1/members/$MEMBER_A/reviews /api/v1/orgs/A1C/reviews /api/v1/discipline /api/v1/rules
/api/v1/emulation-models /api/v1/orgs/A1C/emulation /api/v1/rollup /api/v1/orgs/A/history
/api/v1/orgs/A/report/members?filter=status%3Dofficial /api/v1/orgs/A/report/orgs?filter=grassroots_grade%3Dgood"

tcase "every list: total, offset, limit and next; offset and limit honoured" "$FX"
cadre member transfer "$MEMBER_B" --to A1C --date 2026-11-02
cadre member transfer "$MEMBER_A" --to B1C --date 2026-11-03
cadre holiday add 2026-09-02 --name "Quốc khánh"
cadre holiday add 2026-04-30 --name "Giải phóng miền Nam"
cadre --json member show "$MEMBER_A"
server_start
TOKEN=$TOKEN_admin
for path in $LISTS; do
	sep='?'
	[[ $path == *'?'* ]] && sep='&'
	api GET "$path${sep}limit=1"
	expect_status 200
	expect_json 'all(k in d for k in ("items", "total", "offset", "limit", "next")) and d["limit"] == 1 and len(d["items"]) == min(1, d["total"]) and (d["next"] is None) == (d["total"] <= 1)' \
		"$path: one item, total, offset, limit, and next while there are more"
	json_val 'd["next"] or ""'
	if [ -n "$JV" ]; then
		api GET "$JV"
		expect_json "d['offset'] == 1 and len(d['items']) == 1" "$path: the next page"
	fi
done
for path in /api/v1/rules /api/v1/orgs/A/members /api/v1/discipline /api/v1/rollup; do
	api GET "$path?offset=100000"
	expect_json "d['items'] == [] and d['next'] is None" "$path: past the end, nothing"
	api GET "$path?limit=0"
	expect_problem 400 limit
done
# The tree in pages adds up to the whole tree, in order.
api GET /api/v1/orgs
json_val '" ".join(n["code"] for n in d["items"])'
whole=$JV
api GET "/api/v1/orgs?limit=2"
expect_json 'len(d["items"]) == 2 and d["total"] == 7' "/orgs?limit=2 gives two of seven"
pages=""
next="/api/v1/orgs?limit=3"
while [ -n "$next" ] && [ "$next" != None ]; do
	api GET "$next"
	json_val '" ".join(n["code"] for n in d["items"])'
	pages="$pages${pages:+ }$JV"
	json_val 'd["next"]'
	next=$JV
done
expect_eq "the pages of /orgs, followed by next, are the whole tree" "$whole" "$pages"
server_stop

tcase "every endpoint refuses an undeclared query parameter, naming it" "$FX"
server_start
TOKEN=$TOKEN_admin
for path in $LISTS /api/v1/orgs/A /api/v1/members/$MEMBER_A /api/v1/members/$MEMBER_A/where \
	/api/v1/audit /api/v1/orgs/A/report /api/v1/orgs/A/lineage /api/v1/export/orgs \
	/api/v1/orgs/A1C/review-sheet /api/v1/openapi.json; do
	sep='?'
	[[ $path == *'?'* ]] && sep='&'
	api GET "$path${sep}limt=2&colour=red"
	expect_problem 400 limt colour
	expect_json 'any("\x27limt\x27 is not a parameter of GET" in e["detail"] for e in d["errors"])' \
		"$path: the problem names the parameter"
done
japi POST "/api/v1/members?dry_run=1" "$(member_json A1C "Đỗ Văn Thử")"
expect_problem 400 dry_run
japi POST "/api/v1/import/members?skip_bad=1&force=1" ''
expect_problem 400 force
expect_json '"its parameters are: skip_bad allow_duplicates" in d["detail"]' "the declared ones are named"
api GET "/api/v1/orgs?limit=2&depth=1"
expect_status 200
server_stop

tcase "counts.official: the subtree's definition (official, exempt and suspended), in both" "$FX"
expect_exit 0 member status "$MEMBER_A" exempt --date 2026-11-01
server_start
TOKEN=$TOKEN_admin
api GET /api/v1/orgs/A1C
expect_status 200
expect_json 'd["counts"]["exempt"] == 1 and d["counts"]["official"] == d["subtree"]["official"]' \
	"counts.official == subtree.official with an exempt member"
expect_json 'd["counts"]["official"] + d["counts"]["probationary"] == d["subtree"]["members"]'
api GET "/api/v1/orgs?root=A1C"
expect_json 'd["items"][0]["official"] == '"$(sqlite3 "$DB" "SELECT count(*) FROM member m JOIN org o ON o.id = m.org_id WHERE o.code = 'A1C' AND m.status IN ('official','exempt','suspended')")"
server_stop

lists_fixture "$FXL" "$FX"
tcase "audit: filters, and the cursor through all of it (over 5,100 entries)" "$FXL"
server_start
TOKEN=$TOKEN_admin
all=$(sqlite3 "$DB" 'SELECT count(*) FROM audit')
expect_true "the fixture's log holds over 5,100 entries ($all)" test "$all" -gt 5100
api GET "/api/v1/audit?limit=1000"
expect_status 200
expect_json "d['total'] == $all and len(d['items']) == 1000 and 'before=' in d['next']"
ids=$WORK/ids
: >"$ids"
next="/api/v1/audit?limit=1000"
n=0
while [ -n "$next" ] && [ "$next" != None ] && [ $n -lt 20 ]; do
	api GET "$next"
	expect_status 200
	python3 -c 'import json,sys; [print(i["id"]) for i in json.load(open(sys.argv[1]))["items"]]' "$OUTF" >>"$ids"
	json_val 'd["next"]'
	next=$JV
	n=$((n + 1))
done
expect_eq "the cursor reads every entry once" "$all" "$(sort -u "$ids" | wc -l)"
expect_eq "newest first, all the way down" "$(sort -rn "$ids" | tr '\n' ' ')" "$(tr '\n' ' ' <"$ids")"
expect_eq "down to the first entry" 1 "$(tail -1 "$ids")"
api GET "/api/v1/audit?action=review.member.decision&limit=5"
expect_json 'd["total"] == 5100 and all(i["action"] == "review.member.decision" for i in d["items"])'
api GET "/api/v1/audit?action=review.&limit=5"
expect_json 'd["total"] == 5100' "an action prefix ending in a dot"
api GET "/api/v1/audit?subject=member:$MEMBER_A"
expect_json "d['total'] >= 1 and all(i['subject'] == 'member:$MEMBER_A' for i in d['items'])"
api GET "/api/v1/audit?actor=cli:nobody"
expect_json 'd["total"] == 0 and d["items"] == [] and d["next"] is None'
# The fixture may have been written before midnight (UTC) and read after it:
# the days come from the log itself, not from the clock.
first=$(sqlite3 "$DB" 'SELECT substr(min(at), 1, 10) FROM audit')
last=$(sqlite3 "$DB" 'SELECT substr(max(at), 1, 10) FROM audit')
api GET "/api/v1/audit?from=$first&to=$last&limit=1"
expect_json "d['total'] == $all" "every entry lies between its first and last day (UTC)"
onlast=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE at >= '$last'")
api GET "/api/v1/audit?from=$last&to=$last&limit=1"
expect_json "d['total'] == $onlast" "one day counts that day's entries only (UTC)"
api GET "/api/v1/audit?to=2000-01-01"
expect_json 'd["total"] == 0'
api GET "/api/v1/audit?from=2026-02-30"
expect_problem 400 from
api GET "/api/v1/audit?org=B&limit=1000"
expect_json 'd["total"] < 10 and all(i["subject"] != "member:'"$MEMBER_A"'" for i in d["items"])' \
	"B's entries only"
api GET "/api/v1/audit?before=0"
expect_problem 400 before
TOKEN=$TOKEN_bclerk
api GET "/api/v1/audit?action=review.member.decision"
expect_json 'd["total"] == 0' "B's clerk sees none of A's entries"
server_stop

done_testing
