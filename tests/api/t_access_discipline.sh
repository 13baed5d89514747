#!/bin/bash
# The access suite of the discipline endpoints (docs/inspection.md "Discipline"): every new or
# changed endpoint for every role (the member's own account; viewer, clerk, org_admin on branch
# A and clerk on B, each without and with the inspection right; the system administrator), in
# and out of the subtree. Without the right: the register, a record, a new decision and a notice
# answer 403 (the member's record shows only the discipline in force: form, dates, body); out
# of the subtree the record answers the very 404 of one that does not exist. With the right in
# scope: a viewer reads and its writes are refused (403), a clerk or an administrator writes.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
tcase "every discipline endpoint for every role, with and without the inspection right" "$FX"
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
cadre --json discipline add --member "$MEMBER_A" --form warning --body A1 --act-date 2026-01-05 --date 2026-02-01 --decision-no "7-QĐ/ĐU" --reason "vắng sinh hoạt nhiều kỳ"
json_val 'd["id"]'
DA=$JV
cadre --json discipline add --member "$MEMBER_B" --form reprimand --body B1 --act-date 2026-01-05 --date 2026-02-02 --reason "vi phạm của nhánh B"
json_val 'd["id"]'
DB_ID=$JV
server_start

# check WHO WANT...: the endpoints on branch A's records in order, each answering its WANT.
check() {
	local who=$1 want got i=0
	shift
	local -a calls=(
		"GET /api/v1/discipline?org=A"
		"GET /api/v1/discipline/$DA"
		"POST /api/v1/discipline"
		"POST /api/v1/discipline/$DA/notify"
		"GET /api/v1/members/$MEMBER_A"
	)
	for want in "$@"; do
		set -- ${calls[$i]}
		case $1:$2 in
		POST:/api/v1/discipline)
			japi POST "$2" '{"member_id":'"$MEMBER_A"',"form":"reprimand","body":"A1","act_date":"2026-03-01","date":"2026-03-10","reason":"x"}' ;;
		POST:*) japi POST "$2" '{"date":"2026-02-05","number":"3-TB/ĐU"}' ;;
		*) api "$1" "$2" ;;
		esac
		got=$STATUS
		if [ "$want" = "$got" ]; then pass; else
			fail "$who: ${calls[$i]}" "$want" "$got: $(head -c 200 "$OUTF")"
		fi
		i=$((i + 1))
	done
}
# the member's record as seen by the last token: only in force and only the public fields
# (public 1), or every field (0)
record_fields() {
	api GET "/api/v1/members/$MEMBER_A"
	if [ "$1" = 1 ]; then
		expect_json 'all(sorted(x) == ["body", "body_kind", "by_body", "date", "effective_on", "form", "id", "member_id", "member_name", "org_code", "org_name", "state"] for x in d["discipline"]) and len(d["discipline"]) >= 1' "$2: the discipline in force, form, dates and body only"
		expect_lacks "vắng sinh hoạt" "7-QĐ/ĐU"
	else
		expect_json 'any(x.get("reason") == "vắng sinh hoạt nhiều kỳ" and x.get("decision_no") == "7-QĐ/ĐU" for x in d["discipline"])' "$2: the whole record"
	fi
}

# Without the right, in scope: the register, the record and the writes refused; the member's
# record shows the discipline in force.
for who in aview aclerk aadmin; do
	eval "TOKEN=\$TOKEN_$who"
	check "$who" 403 403 403 403 200
	record_fields 1 "$who"
	api GET /api/v1/discipline
	expect_problem 403
	expect_json '"inspection right" in d["detail"]' "$who: the refusal names the right"
done
# The member's own account reads its handbook (/api/v1/hb), not the records: none of these
# exists for it.
TOKEN=$TOKEN_member
check member 404 404 404 404 404
# Out of the subtree, with or without the right: the records do not exist.
for who in bclerk bclerk_i; do
	eval "TOKEN=\$TOKEN_$who"
	api GET /api/v1/discipline/999999
	GHOST=$OUT
	api GET "/api/v1/discipline/$DA"
	expect_status 404
	expect_eq "$who: the same 404 as for no record" "${GHOST//999999/$DA}" "$OUT"
	api GET "/api/v1/members/$MEMBER_A"
	expect_status 404
	japi POST "/api/v1/discipline/$DA/notify" '{"date":"2026-02-05"}'
	expect_status 404
	japi POST /api/v1/discipline '{"member_id":'"$MEMBER_A"',"form":"reprimand","body":"A1","act_date":"2026-03-01","reason":"x"}'
	expect_status 404
	api GET "/api/v1/discipline?org=A"
	expect_status 404
done
TOKEN=$TOKEN_bclerk
check bclerk 404 404 404 404 404
TOKEN=$TOKEN_bclerk_i
check bclerk.i 404 404 404 404 404
api GET /api/v1/discipline
expect_status 200
expect_json '[x["id"] for x in d["items"]] == ['"$DB_ID"']' "its own branch's register only"
expect_lacks "vắng sinh hoạt"
api GET "/api/v1/discipline/$DB_ID"
expect_status 200
# With the right, in scope: a viewer reads, its writes refused; a clerk, an org admin and the
# system administrator write.
TOKEN=$TOKEN_aview_i
check aview.i 200 200 403 403 200
expect_json '"reason" in d["discipline"][0]' "the whole record on the member's page"
record_fields 0 aview.i
api GET /api/v1/discipline
expect_status 200
expect_lacks "vi phạm của nhánh B"
api GET "/api/v1/discipline?org=ROOT"
expect_status 404
TOKEN=$TOKEN_aclerk_i
check aclerk.i 200 200 201 200 200
record_fields 0 aclerk.i
TOKEN=$TOKEN_aadmin_i
check aadmin.i 200 200 201 200 200
TOKEN=$TOKEN_admin
check admin 200 200 201 200 200
api GET /api/v1/discipline
expect_json 'len(d["items"]) == 5' "the administrator's register: the whole tree"
server_stop
done_testing
