#!/bin/bash
# The access suite of the inspection endpoints (docs/inspection.md "The inspection right"):
# every endpoint for every role (a member's own account; viewer, clerk, org_admin on branch A
# and clerk on B, each without and with the inspection right; the system administrator), in
# and out of scope. Without the right: 403 whatever the record. With it: in scope a viewer
# reads and its writes are refused (403), a clerk or administrator writes; out of scope the
# record answers the very 404 of one that does not exist, and a refusal changes nothing.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
tcase "every inspection endpoint for every role, with and without the inspection right" "$FX"
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
cadre --json inspection programme add --org A --body inspection --year 2026 --kind inspection --title "Chương trình kiểm tra 2026"
json_val 'd["id"]'
P=$JV
cadre --json inspection programme add --org B --body inspection --year 2026 --kind inspection --title "Chương trình kiểm tra B"
json_val 'd["id"]'
PB=$JV
cadre --json inspection case open --org B1C --body-org B --body inspection --kind signs --decision-no 1-QĐ/UBKT --decision-on 2026-02-01 --from 2026-02-01 --to 2026-02-20
json_val 'd["id"]'
KB=$JV
N=0
server_start

# fresh: a new item and a new open case on branch A for the next check (the local command
# line records them), and the files its imports send.
fresh() {
	N=$((N + 1))
	cadre --json inspection item add --programme "$P" --org A1 --kind plan --from 2026-03-01 --to 2026-03-31 --content "Kiểm tra $N"
	json_val 'd["id"]'
	I=$JV
	cadre --json inspection case open --org A1C --body-org A --body inspection --kind signs --decision-no "$((100 + N))-QĐ/UBKT" --decision-on 2026-03-01 --from 2026-03-01 --to 2026-03-20
	json_val 'd["id"]'
	K=$JV
	local orgs=(A A1 A1C)
	printf 'org,body,year,kind,title\n%s,committee,%s,inspection,Nhập %s\n' "${orgs[N / 7]}" "$((2020 + N % 7))" "$N" >"$WORK/in_p.csv"
	printf 'body_org,body,decision_no,decision_on,org,kind,from,to\nA,committee,%s-QĐ/ĐU,2024-03-01,A1,plan,2024-03-01,2024-03-20\n' "$((200 + N))" >"$WORK/in_c.csv"
}

# check WHO WANT...: the endpoints on branch A's records in order, each answering its WANT.
check() {
	local who=$1 want got i=0
	shift
	# a new item and case only when the last check used them up (a write succeeded)
	[[ " $* " == *" 201 "* ]] || [ -z "${K:-}" ] && fresh
	local -a calls=(
		"GET /api/v1/inspection/programmes?org=A"
		"GET /api/v1/inspection/programmes/$P"
		"GET /api/v1/inspection/cases?org=A"
		"GET /api/v1/inspection/cases?org=A&format=csv"
		"GET /api/v1/inspection/cases/$K"
		"POST /api/v1/inspection/programmes"
		"POST /api/v1/inspection/programmes/$P/items"
		"DELETE /api/v1/inspection/items/$I"
		"POST /api/v1/inspection/cases"
		"POST /api/v1/inspection/cases/$K/conclude"
		"POST /api/v1/inspection/cases/$K/notify"
		"POST /api/v1/inspection/cases/$K/followup"
		"POST /api/v1/inspection/cases/$K/close"
		"POST /api/v1/import/programmes"
		"POST /api/v1/import/cases"
	)
	for want in "$@"; do
		set -- ${calls[$i]}
		case $1:$2 in
		POST:/api/v1/inspection/programmes)
			japi POST "$2" '{"org":"A","body":"committee","year":'"$((2000 + N))"',"kind":"supervision","title":"Giám sát"}' ;;
		POST:*/items)
			japi POST "$2" '{"org":"A1C","kind":"finance","from":"2026-04-01","to":"2026-04-30","content":"Tài chính"}' ;;
		POST:/api/v1/inspection/cases)
			japi POST "$2" '{"member_id":'"$MEMBER_A"',"body_org":"A1","body":"committee","kind":"signs","decision_no":"'"$((300 + N))"'-QĐ/ĐU","decision_on":"2026-05-01","from":"2026-05-02","to":"2026-05-30"}' ;;
		POST:*/conclude)
			japi POST "$2" '{"on":"2026-03-25","conclusion":"violation_discipline","proposal":"warning","doc_no":"'"$N"'-KL/UBKT"}' ;;
		POST:*/notify) japi POST "$2" '{"on":"2026-03-30","doc_no":"'"$N"'-TB/UBKT"}' ;;
		POST:*/followup) japi POST "$2" '{"on":"2026-04-15","text":"Đã khắc phục"}' ;;
		POST:*/close) japi POST "$2" '{"on":"2026-04-20"}' ;;
		POST:/api/v1/import/programmes) capi POST "$2" "$WORK/in_p.csv" ;;
		POST:/api/v1/import/cases) capi POST "$2" "$WORK/in_c.csv" ;;
		*) api "$1" "$2" ;;
		esac
		got=$STATUS
		if [ "$want" = "$got" ]; then pass; else
			fail "$who: ${calls[$i]}" "$want" "$got: $(head -c 200 "$OUTF")"
		fi
		i=$((i + 1))
	done
}
# Without the right: refused, whatever the record, and nothing changes.
snapshot before
cadre --json inspection case list
CASES_BEFORE=$OUT
for who in member aview aclerk aadmin bclerk; do
	eval "TOKEN=\$TOKEN_$who"
	check "$who" 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403
	expect_json '"inspection right" in d["detail"]' "$who: the refusal names the right"
done
# With the right, out of scope: the record does not exist for it.
TOKEN=$TOKEN_bclerk_i
check bclerk.i 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404
api GET /api/v1/inspection/cases/999999
GHOST=$OUT
api GET "/api/v1/inspection/cases/$K"
expect_eq "the same 404 as for no case" "${GHOST//999999/$K}" "$OUT"
api GET "/api/v1/inspection/programmes/999999"
GHOST=$OUT
api GET "/api/v1/inspection/programmes/$P"
expect_eq "the same 404 as for no programme" "${GHOST//999999/$P}" "$OUT"
api GET /api/v1/inspection/cases
expect_status 200
expect_json '[x["id"] for x in d["items"]] == ['"$KB"']' "its own branch's case only"
api GET /api/v1/inspection/programmes
expect_json '[x["id"] for x in d["items"]] == ['"$PB"']' "its own branch's programme only"
# Every refusal so far left the records as they were (the cases made by 'fresh' aside).
cadre --json inspection case list --state concluded
expect_json 'd == []' "no case was concluded by a refused call"
cadre --json inspection programme list
expect_json 'sorted(p["id"] for p in d) == sorted(['"$P"', '"$PB"'])' "no programme was recorded by a refused call"
expect_same_snapshot before
# With the right, in scope: a viewer reads; its writes are refused.
TOKEN=$TOKEN_aview_i
check aview.i 200 200 200 200 200 403 403 403 403 403 403 403 403 403 403
expect_json '"may read" in d["detail"]' "the viewer's refusal"
api GET "/api/v1/inspection/cases?org=ROOT"
expect_status 404
TOKEN=$TOKEN_aclerk_i
check aclerk.i 200 200 200 200 200 201 201 200 201 200 200 200 200 200 200
api GET "/api/v1/inspection/cases/$K"
expect_json 'd["state"] == "closed" and [h["by"] for h in d["history"]][1:] == ["aclerk.i"] * 4' "every step by the clerk, named"
TOKEN=$TOKEN_aadmin_i
check aadmin.i 200 200 200 200 200 201 201 200 201 200 200 200 200 200 200
TOKEN=$TOKEN_admin
check admin 200 200 200 200 200 201 201 200 201 200 200 200 200 200 200
server_stop
done_testing
