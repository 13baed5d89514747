#!/bin/bash
# The access suite of the assessment and sheet endpoints (docs/cadres.md "The cadre's sheet
# and assessment"): every endpoint for every role (member; viewer, clerk, org_admin on branch
# A and clerk on B, each without and with the personnel right; the system administrator), in
# and out of scope. Without the right: 403 whatever the member. With it: in scope a viewer
# reads and its write is refused (403), a clerk or administrator writes; out of scope the
# member answers the very 404 of one that does not exist. Every opening of a sheet audited.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
tcase "every assessment and sheet endpoint for every role, with and without the personnel right" "$FX"
cadre --json handbook accounts --org A1C
json_val '[a["login"] for a in d["accounts"] if a["member_id"] == '"$MEMBER_A"'][0]'
cadre --json token add "$JV"
json_val 'd["token"]'
TOKEN_member=$JV
for spec in aview.p:viewer:A aclerk.p:clerk:A aadmin.p:org_admin:A bclerk.p:clerk:B; do
	IFS=: read -r name role org <<<"$spec"
	printf '%s\n' "$PW" >"$WORK/.pw"
	STDIN=$WORK/.pw cadre user add "$name" --role "$role" --org "$org" --personnel
	cadre --json token add "$name"
	json_val 'd["token"]'
	printf -v "TOKEN_${name%.p}_p" '%s' "$JV"
done
cadre assessment add --member "$MEMBER_B" --year 2025 --text "Hoàn thành tốt" --health 2
server_start

# check WHO WANT...: the endpoints on branch A's member in order, each answering its WANT.
check() {
	local who=$1 want got i=0
	shift
	local -a calls=(
		"GET /api/v1/members/$MEMBER_A/assessments"
		"GET /api/v1/members/$MEMBER_A/assessments?all=1"
		"GET /api/v1/members/$MEMBER_A/cadre-sheet"
		"GET /api/v1/members/$MEMBER_A/cadre-sheet?as_of=2025-06-01"
		"POST /api/v1/members/$MEMBER_A/assessments"
	)
	for want in "$@"; do
		set -- ${calls[$i]}
		case $1 in
		POST) japi POST "$2" '{"year":2025,"self_text":"Hoàn thành nhiệm vụ","health":1}' ;;
		*) api "$1" "$2" ;;
		esac
		got=$STATUS
		if [ "$want" = "$got" ]; then pass; else
			fail "$who: ${calls[$i]}" "$want" "$got: $(head -c 200 "$OUTF")"
		fi
		i=$((i + 1))
	done
}
# Without the right: refused, whatever the member (one that does not exist too).
for who in member aview aclerk aadmin bclerk; do
	eval "TOKEN=\$TOKEN_$who"
	check "$who" 403 403 403 403 403
	expect_json '"personnel right" in d["detail"]' "$who: the refusal names the right"
	api GET /api/v1/members/999999/cadre-sheet
	expect_status 403
done
# With the right, out of scope: the member does not exist for it.
TOKEN=$TOKEN_bclerk_p
check bclerk.p 404 404 404 404 404
api GET /api/v1/members/999999/cadre-sheet
GHOST=$OUT
api GET "/api/v1/members/$MEMBER_A/cadre-sheet"
expect_eq "the same 404 as for no member" "${GHOST//999999/$MEMBER_A}" "$OUT"
api GET /api/v1/members/999999/assessments
GHOST=$OUT
api GET "/api/v1/members/$MEMBER_A/assessments"
expect_eq "the same 404 as for no member (assessments)" "${GHOST//999999/$MEMBER_A}" "$OUT"
api GET "/api/v1/members/$MEMBER_B/assessments"
expect_status 200
expect_json '[x["year"] for x in d["items"]] == [2025]' "its own branch's member"
# With the right, in scope: a viewer reads; its write is refused.
TOKEN=$TOKEN_aview_p
check aview.p 200 200 200 200 403
expect_json '"may read" in d["detail"]' "the viewer's refusal"
TOKEN=$TOKEN_aclerk_p
check aclerk.p 200 200 200 200 201
TOKEN=$TOKEN_aadmin_p
check aadmin.p 200 200 200 200 201
TOKEN=$TOKEN_admin
check admin 200 200 200 200 201
api GET "/api/v1/members/$MEMBER_A/assessments?all=1"
expect_json '[(x["revision"], x["current"]) for x in d["items"]] == [(2, True), (1, False), (0, False)]' "three revisions of 2025, the last current"
server_stop
# Every sheet opened was audited (four roles with the right in scope, two openings each).
n=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'cadre.sheet' AND subject = 'member:$MEMBER_A'")
expect_eq "eight openings of the sheet, eight audit entries" 8 "$n"
done_testing
