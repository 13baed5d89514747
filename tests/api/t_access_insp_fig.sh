#!/bin/bash
# The access suite of the footnote-7 report (docs/inspection.md "The footnote-7 report"):
# every endpoint (the report as JSON and CSV, the list behind a number as JSON and XLSX) for
# every role (a member's own account; viewer, clerk, org_admin on branch A and clerk on B,
# each without and with the inspection right; the system administrator), in and out of
# scope. Without the right: 403 whatever the organisation. With it: in scope 200; out of
# scope the very 404 of an organisation that does not exist. The main report's inspection
# table and the worklist's inspection items appear only with the right.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
tcase "every footnote-7 endpoint for every role, with and without the inspection right" "$FX"
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
# one case in each branch (A1C and B1C), opened by their grassroots committees
sqlite3 "$DB" >/dev/null <<'SQL' || fail "fixture: the cases" "inserted" "sqlite3 failed"
INSERT INTO insp_case(org_id, body_org_id, body, kind, decision_no, decision_on, period_from,
 period_to, conclusion, state, recorded_by)
 SELECT t.id, b.id, 'committee', 'plan', '1-QĐ/ĐU', CAST(julianday('2025-05-05') - 2440587.5 AS INTEGER),
  0, 1, 'violation', 'closed', 'test'
 FROM org t JOIN org b ON b.code = substr(t.code, 1, 2) WHERE t.code IN ('A1C', 'B1C');
SQL
server_start

# check WHO WANT...: the endpoints in order, each answering its WANT.
check() {
	local who=$1 want i=0
	shift
	local -a calls=(
		"/api/v1/reports/inspection?org=A"
		"/api/v1/reports/inspection?org=A1C&format=csv"
		"/api/v1/reports/inspection?org=B"
		"/api/v1/reports/inspection"
		"/api/v1/reports/inspection/list?org=A&what=cases"
		"/api/v1/reports/inspection/list?org=A1&what=discipline&format=xlsx"
		"/api/v1/reports/inspection/list?org=B&what=cases"
		"/api/v1/reports/inspection/list?what=complaints&stage=overdue"
	)
	for want in "$@"; do
		api GET "${calls[$i]}"
		if [ "$want" = "$STATUS" ]; then pass; else
			fail "$who: GET ${calls[$i]}" "$want" "$STATUS: $(head -c 300 "$OUTF")"
		fi
		i=$((i + 1))
	done
}
# Without the right: refused, whatever the organisation.
for who in member aview aclerk aadmin bclerk; do
	eval "TOKEN=\$TOKEN_$who"
	check "$who" 403 403 403 403 403 403 403 403
	expect_json '"inspection right" in d["detail"]' "$who: the refusal names the right"
done
# The main report and the worklist without the right: no inspection table, no items.
TOKEN=$TOKEN_aview
api GET "/api/v1/orgs/A/report?year=2025"
expect_status 200
expect_json '"inspection" not in d["tables"]' "aview: the main report without the inspection table"
api GET /api/v1/worklist
expect_json 'not any(i["id"] in ("insp_cases_late", "insp_notice_due", "complaints_due", "reviews_to_revise") for i in d["items"])' "aview: no inspection item"
# With the right, in scope (A): read; out of scope (B): the 404 of no organisation.
for who in aview aclerk aadmin; do
	eval "TOKEN=\$TOKEN_${who}_i"
	check "$who.i" 200 200 404 200 200 200 404 200
done
TOKEN=$TOKEN_aview_i
api GET "/api/v1/reports/inspection?org=NOPE"
GHOST=$OUT
api GET "/api/v1/reports/inspection?org=B"
expect_eq "the same 404 as for no organisation" "${GHOST//NOPE/B}" "$OUT"
api GET "/api/v1/reports/inspection"
expect_json 'd["org"]["code"] == "A" and {w["key"]: w for w in d["tables"]["insp_cases"]["rows"]}["committee.inspection.orgs"]["violation"]["count"] == 1' "aview.i's scope: A, its one case"
api GET "/api/v1/orgs/A/report?year=2025"
expect_json '[{w["key"]: w["count"]["count"] for w in d["tables"]["inspection"]["rows"]}[k] for k in ("inspected", "inspected_signs", "supervised", "with_violation", "disciplined")] == [1, 0, 0, 1, 0] and d["tables"]["inspection"]["rows"][0]["records"] == "inspection"' "aview.i: the main report's inspection table, 2025's one case"
api GET /api/v1/worklist
expect_json '[i["id"] for i in d["items"]][-4:] == ["insp_cases_late", "insp_notice_due", "complaints_due", "reviews_to_revise"]' "aview.i: the four inspection items"
TOKEN=$TOKEN_bclerk_i
check bclerk.i 404 404 200 200 404 404 200 200
TOKEN=$TOKEN_admin
check admin 200 200 200 200 200 200 200 200
api GET "/api/v1/reports/inspection"
expect_json 'sum(w["total"]["count"] for w in d["tables"]["insp_cases"]["rows"]) == 2' "the administrator: both branches"
server_stop
done_testing
