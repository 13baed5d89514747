#!/bin/bash
# The access suite of the planning endpoints (docs/cadres.md "Planning"): every endpoint for
# every role (member; viewer, clerk, org_admin on branch A and clerk on B, each without and
# with the personnel right; the system administrator), in and out of scope. Without the right:
# 403 whatever the record. With it: in scope a viewer reads and its writes are refused (403),
# a clerk or administrator writes; out of scope the plan answers the very 404 of an
# organisation that does not exist; periods and criteria are written by the system
# administrator only. The vacancy report carries successors/ready only with the right.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
tcase "every planning endpoint for every role, with and without the personnel right" "$FX"
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
madd A1C "Lê Văn Cường"
MEMBER_A2=$MID
cadre position add --org A1 --kind commander --on 2020-01-01
cadre position add --org B1 --kind commander --on 2020-01-01
cadre succession period add 2025-2030 2025 2030
cadre succession approve --org A1 --year 2025
cadre succession add --org A1 --position A1:commander --member "$MEMBER_A2" --reason "có triển vọng"
expect_eq "the fixture's plan" 0 "$RC"
server_start

YEAR=2026
PERIOD=2031
# check WHO WANT...: the endpoints on branch A's plan in order, each answering its WANT.
check() {
	local who=$1 want got i=0
	shift
	local -a calls=(
		"GET /api/v1/plan-periods"
		"GET /api/v1/orgs/A1/plan"
		"GET /api/v1/orgs/A1/plan?version=1"
		"GET /api/v1/orgs/A1/plan/versions"
		"GET /api/v1/orgs/A1/plan/targets"
		"GET /api/v1/plan-criteria?kind=commander"
		"POST /api/v1/orgs/A1/plan/targets"
		"POST /api/v1/orgs/A1/plan/versions"
		"POST /api/v1/orgs/A1/plan/successors"
		"POST /api/v1/orgs/A1/plan/successors/rerank"
		"POST /api/v1/orgs/A1/plan/successors/remove"
		"POST /api/v1/plan-periods"
		"POST /api/v1/plan-criteria"
	)
	local succ='"position":"A1:commander","member_id":'"$MEMBER_A"
	for want in "$@"; do
		set -- ${calls[$i]}
		case $1:$2 in
		POST:*/targets) japi POST "$2" '{"target":"women","pct_min":20}' ;;
		POST:*/versions) japi POST "$2" '{"review":true,"year":'"$YEAR"',"note":"rà soát"}' ;;
		POST:*/successors) japi POST "$2" '{'"$succ"',"rank":1,"reason":"bổ sung"}' ;;
		POST:*/rerank) japi POST "$2" '{'"$succ"',"rank":2}' ;;
		POST:*/remove) japi POST "$2" '{'"$succ"',"reason":"chuyển công tác"}' ;;
		POST:/api/v1/plan-periods) japi POST "$2" '{"code":"'"$PERIOD"'-2035","from_year":'"$PERIOD"',"to_year":2035}' ;;
		POST:/api/v1/plan-criteria) japi POST "$2" '{"kind":"commander","criterion":"health","value":"3","from":"2026-01-01"}' ;;
		*) api "$1" "$2" ;;
		esac
		got=$STATUS
		if [ "$want" = "$got" ]; then pass; else
			fail "$who: ${calls[$i]}" "$want" "$got: $(head -c 300 "$OUTF")"
		fi
		[ "$got" = 201 ] && case ${calls[$i]} in *versions) YEAR=$((YEAR + 1)) ;; *plan-periods) PERIOD=$((PERIOD + 1)) ;; esac
		i=$((i + 1))
	done
}
# Without the right: refused, whatever the record.
for who in member aview aclerk aadmin bclerk; do
	eval "TOKEN=\$TOKEN_$who"
	check "$who" 403 403 403 403 403 403 403 403 403 403 403 403 403
	expect_json '"personnel right" in d["detail"]' "$who: the refusal names the right"
	api GET /api/v1/orgs/A1/vacancies
	if [ "$who" = member ] || [ "$who" = bclerk ]; then :; else
		expect_status 200
		expect_json 'len(d["items"]) == 1 and "successors" not in d["items"][0] and "ready" not in d["items"][0]' "$who: the report without the plan's columns"
	fi
done
# With the right, out of scope: the plan does not exist for it.
TOKEN=$TOKEN_bclerk_p
check bclerk.p 200 404 404 404 404 200 404 404 404 404 404 403 403
api GET /api/v1/orgs/NOPE/plan
GHOST=$OUT
api GET /api/v1/orgs/A1/plan
expect_eq "the same 404 as for no organisation" "${GHOST//NOPE/A1}" "$OUT"
api GET /api/v1/orgs/B1/plan
expect_status 200
expect_json 'd["latest"] == 0 and [p["org"] for p in d["positions"]] == ["B1"]' "its own branch's plan, not approved"
# With the right, in scope: a viewer reads; its writes are refused.
TOKEN=$TOKEN_aview_p
check aview.p 200 200 200 200 200 200 403 403 403 403 403 403 403
expect_json '"may read" in d["detail"] or "system administrator" in d["detail"]' "the viewer's refusal"
api GET /api/v1/orgs/A1/vacancies
expect_json 'd["items"][0]["successors"] == 1 and d["items"][0]["ready"] == 0' "the report with the plan's columns"
TOKEN=$TOKEN_aclerk_p
check aclerk.p 200 200 200 200 200 200 200 201 201 200 200 403 403
expect_json '"system administrator" in d["detail"]'
TOKEN=$TOKEN_aadmin_p
check aadmin.p 200 200 200 200 200 200 200 201 201 200 200 403 403
TOKEN=$TOKEN_admin
check admin 200 200 200 200 200 200 200 201 201 200 200 201 201
api GET /api/v1/orgs/A1/plan/versions
expect_json '[v["version"] for v in d["items"]] == [1, 2, 3, 4] and d["items"][3]["year"] == 2028' "a version for each review"
api GET "/api/v1/orgs/A1/plan?version=2"
expect_json '[(c["member_id"], c["rank"]) for p in d["positions"] for c in p["candidates"]] == [('"$MEMBER_A2"', 1)]' "the plan as of version 2: the addition and removal of the same version left nothing"
api GET /api/v1/plan-periods
expect_json '[p["code"] for p in d["items"]] == ["2025-2030", "2031-2035"]'
server_stop
done_testing
