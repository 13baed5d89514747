#!/bin/bash
# The access suite of the complaint endpoints (docs/inspection.md "Complaints and
# denunciations"): every endpoint for every role (a member's own account; viewer, clerk,
# org_admin on branch A and clerk on B, each without and with the inspection right; the
# system administrator), in and out of the subtree. Without the right: 403 (a row outside the
# subtree: the 404 of one that does not exist). With it: in the subtree a viewer reads and its
# writes are refused (403), a clerk or administrator writes; outside it the row answers the
# very 404 of one that does not exist. A refused write leaves the row as it was.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
tcase "every complaint endpoint for every role, with and without the inspection right" "$FX"
cadre --json handbook accounts --org A1C
json_val '[a["login"] for a in d["accounts"] if a["member_id"] == '"$MEMBER_A"'][0]'
cadre --json token add "$JV"
json_val 'd["token"]'
TOKEN_member=$JV
for spec in aview.i:viewer:A aclerk.i:clerk:A aadmin.i:org_admin:A bclerk.i:clerk:B; do
	IFS=: read -r name role org <<<"$spec"
	printf '%s\n' "$PW" >"$WORK/.pw"
	STDIN=$WORK/.pw cadre user add "$name" --role "$role" --org "$org" --inspection
	cadre --json token add "$name"
	json_val 'd["token"]'
	printf -v "TOKEN_${name%.i}_i" '%s' "$JV"
done
N=0
# fresh: a new decision on member A with an open complaint (KA) and another decision without
# one (DA), so that every writer finds something to write.
fresh() {
	N=$((N + 1))
	cadre --json discipline add --member "$MEMBER_A" --form reprimand --body A1 --reason "lần $N" --date 2026-10-01 --act-date 2026-09-01
	json_val 'd["id"]'
	local d1=$JV
	cadre --json discipline add --member "$MEMBER_A" --form reprimand --body A1 --reason "lần $N b" --date 2026-10-01 --act-date 2026-09-01
	json_val 'd["id"]'
	DA=$JV
	cadre --json complaint add --discipline "$d1" --date 2026-10-05 --content "khiếu nại $N"
	json_val 'd["id"]'
	KA=$JV
	cadre --json complaint add --kind denunciation --member "$MEMBER_A" --date 2026-10-06 --content "tố cáo $N"
	json_val 'd["id"]'
	KW=$JV
}
cadre --json complaint add --kind denunciation --member "$MEMBER_B" --date 2026-10-01 --content "tố cáo ở B"
json_val 'd["id"]'
KB=$JV
fresh
server_start

check() {
	local who=$1 want got i=0
	shift
	local -a calls=(
		"GET /api/v1/complaints?org=A"
		"GET /api/v1/complaints?org=A&format=csv"
		"GET /api/v1/complaints/$KA"
		"POST /api/v1/complaints"
		"POST /api/v1/complaints/$KA/settle"
		"POST /api/v1/complaints/$KW/withdraw"
	)
	for want in "$@"; do
		set -- ${calls[$i]}
		case $1:$2 in
		POST:/api/v1/complaints)
			japi POST "$2" '{"discipline_id":'"$DA"',"lodged_on":"2026-10-07","content":"qua API"}' ;;
		POST:*/settle) japi POST "$2" '{"outcome":"kept","settled_on":"2026-10-20"}' ;;
		POST:*/withdraw) japi POST "$2" '{"date":"2026-10-21","reason":"rút"}' ;;
		*) api "$1" "$2" ;;
		esac
		got=$STATUS
		if [ "$want" = "$got" ]; then pass; else
			fail "$who: ${calls[$i]}" "$want" "$got: $(head -c 200 "$OUTF")"
		fi
		i=$((i + 1))
	done
}
state_of() { cadre --json complaint show "$1"; json_val 'd["state"]'; }
# Without the right: 403 in the subtree; a member's own account sees no subtree.
for who in aview aclerk aadmin; do
	eval "TOKEN=\$TOKEN_$who"
	check "$who" 403 403 403 403 403 403
	expect_json '"inspection right" in d["detail"]' "$who: the refusal names the right"
done
TOKEN=$TOKEN_member
check member 403 403 404 403 404 404
TOKEN=$TOKEN_bclerk
check bclerk 403 403 404 403 404 404
api GET /api/v1/complaints/999999
expect_status 404
state_of "$KA"
expect_eq "refused writes left the complaint open" open "$JV"
state_of "$KW"
expect_eq "refused writes left the denunciation open" open "$JV"
# With the right, outside the subtree: the row does not exist for it.
TOKEN=$TOKEN_bclerk_i
check bclerk.i 404 404 404 404 404 404
api GET /api/v1/complaints/999999
GHOST=$OUT
api GET "/api/v1/complaints/$KA"
expect_eq "the same 404 as for no row" "${GHOST//999999/$KA}" "$OUT"
api GET "/api/v1/complaints"
expect_status 200
expect_json '[x["id"] for x in d["items"]] == ['"$KB"']' "its own branch's register"
# With the right, in the subtree: a viewer reads; its writes are refused.
TOKEN=$TOKEN_aview_i
check aview.i 200 200 200 403 403 403
expect_json '"may read" in d["detail"]' "the viewer's refusal"
state_of "$KA"
expect_eq "the viewer's refused settlement left it open" open "$JV"
api GET "/api/v1/complaints?org=ROOT"
expect_status 404
api GET "/api/v1/complaints?org=A"
expect_lacks "tố cáo ở B"
TOKEN=$TOKEN_aclerk_i
check aclerk.i 200 200 200 201 200 200
state_of "$KA"
expect_eq "the clerk settled it" settled "$JV"
fresh
TOKEN=$TOKEN_aadmin_i
check aadmin.i 200 200 200 201 200 200
fresh
TOKEN=$TOKEN_admin
check admin 200 200 200 201 200 200
state_of "$KW"
expect_eq "the administrator withdrew it" withdrawn "$JV"
server_stop
done_testing
