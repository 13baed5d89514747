#!/bin/bash
# The access suite of the training endpoints (docs/cadres.md "The personnel right"): every
# endpoint for every role (member; viewer, clerk, org_admin on branch A and clerk on B, each
# without and with the personnel right; the system administrator), in and out of scope.
# Without the right: 403 whatever the record (a member's own account cannot hold it). With
# it: in scope a viewer reads and its writes are refused (403), a clerk or administrator
# writes; out of scope the record answers the very 404 of one that does not exist.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
tcase "every training endpoint for every role, with and without the personnel right" "$FX"
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
cadre --json training add --member "$MEMBER_A" --course "Cao cấp lý luận" --school "Học viện Chính trị" --kind long_term --from 2025-09-01
json_val 'd["id"]'
TA=$JV
cadre --json training add --member "$MEMBER_B" --course "Trung cấp lý luận" --school "Trường Quân sự" --kind short --from 2025-03-01 --to 2025-03-20
json_val 'd["id"]'
TB=$JV
printf 'member_id,course,school,kind,from\n%s,Khóa nhập,Trường A,short,2025-05-01\n' "$MEMBER_A" >"$WORK/in_a.csv"
server_start

# run ROLE WANT...: the endpoints on branch A's record in order, each answering its WANT
# (r: a read, w: a write; the code or "4xx" for 403-or-404).
check() {
	local who=$1 want got i=0
	shift
	local -a calls=(
		"GET /api/v1/training?member=$MEMBER_A"
		"GET /api/v1/training?org=A"
		"GET /api/v1/training?org=A&format=csv"
		"GET /api/v1/training/$TA"
		"GET /api/v1/orgs/A/training-figures?year=2025"
		"POST /api/v1/training"
		"PATCH /api/v1/training/$TA"
		"POST /api/v1/import/training"
		"DELETE /api/v1/training/$TA"
	)
	for want in "$@"; do
		set -- ${calls[$i]}
		case $1:$2 in
		POST:/api/v1/training)
			japi POST "$2" '{"member_id":'"$MEMBER_A"',"course":"Bồi dưỡng","school":"Quân khu","kind":"short","from":"2025-06-01"}' ;;
		PATCH:*) japi PATCH "$2" '{"result":"Khá"}' ;;
		POST:/api/v1/import/training) capi POST "$2" "$WORK/in_a.csv" ;;
		*) api "$1" "$2" ;;
		esac
		got=$STATUS
		if [ "$want" = "$got" ]; then pass; else
			fail "$who: ${calls[$i]}" "$want" "$got: $(head -c 200 "$OUTF")"
		fi
		i=$((i + 1))
	done
}
# Without the right: refused, whatever the record.
for who in member aview aclerk aadmin bclerk; do
	eval "TOKEN=\$TOKEN_$who"
	check "$who" 403 403 403 403 403 403 403 403 403
	expect_json '"personnel right" in d["detail"]' "$who: the refusal names the right"
done
# With the right, out of scope: the record does not exist for it.
TOKEN=$TOKEN_bclerk_p
check bclerk.p 404 404 404 404 404 404 404 404 404
api GET /api/v1/training/999999
GHOST=$OUT
api GET "/api/v1/training/$TA"
expect_eq "the same 404 as for no record" "${GHOST//999999/$TA}" "$OUT"
api GET "/api/v1/training?member=$MEMBER_B"
expect_status 200
expect_json '[x["id"] for x in d["items"]] == ['"$TB"']' "its own branch's record"
# With the right, in scope: a viewer reads; its writes are refused.
TOKEN=$TOKEN_aview_p
check aview.p 200 200 200 200 200 403 403 403 403
expect_json '"may read" in d["detail"]' "the viewer's refusal"
api GET "/api/v1/training?org=ROOT"
expect_status 404
api GET "/api/v1/training"
expect_status 200
expect_lacks "Trung cấp lý luận"
TOKEN=$TOKEN_aclerk_p
check aclerk.p 200 200 200 200 200 201 200 200 200
TOKEN=$TOKEN_aadmin_p
cadre --json training add --member "$MEMBER_A" --course "Lại" --school "S" --kind short --from 2025-02-01
json_val 'd["id"]'
TA=$JV
check aadmin.p 200 200 200 200 200 201 200 200 200
TOKEN=$TOKEN_admin
cadre --json training add --member "$MEMBER_A" --course "Lại nữa" --school "S" --kind short --from 2025-02-01
json_val 'd["id"]'
TA=$JV
check admin 200 200 200 200 200 201 200 200 200
api GET "/api/v1/orgs/ROOT/training-figures?year=2025"
expect_json 'd["items"][0]["org"] == "ROOT" and {x["org"]: x["total"] for x in d["items"][1:]} == {"A": 1, "B": 1}' "the figure by branch, a member once"
server_stop
done_testing
