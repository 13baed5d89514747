#!/bin/bash
# Out of memory in a request (issue 9, item 18): the request fails alone with a 503 and
# Retry-After, commits nothing, and the server goes on answering others. Memory running out
# is simulated by the fault injection of src/lib/mem.c: with CADRE_FAULT_INJECTION set, a
# request carrying "X-Cadre-Fault: alloc=N" sees its N-th allocation fail.
. "$(dirname "$0")/../http/lib.sh"

FX=$WORK/fx.db
http_fixture "$FX"

# members_named NAME: how many members of the database have that full name.
members_named() {
	"$CADRE" --db "$DB" --quiet member search "$1" --json |
		python3 -c 'import json,sys; n=sys.argv[1]; d=json.load(sys.stdin); d=d.get("members", d) if isinstance(d, dict) else d; print(sum(1 for m in d if m["full_name"] == n))' "$1"
}

new_member() {
	printf '{"org_code":"A1C","full_name":"%s","sex":"female","birth_date":"1992-05-06","ethnicity":"Tày","hometown":"Cao Bằng","admission_decision_date":"2014-01-10","admission_ceremony_date":"2014-02-01","official_date":"2015-02-01"}' "$1"
}

tcase "a write that runs out of memory is answered 503 and saves nothing; the server lives on" "$FX"
CADRE_FAULT_INJECTION=1 server_start
TOKEN=$TOKEN_aclerk
api POST /api/v1/members -H 'X-Cadre-Fault: alloc=1' -H 'Content-Type: application/json' \
	--data-binary "$(new_member "Lò Thị Thiếu")"
expect_status 503
expect_eq "a problem" "application/problem+json" "$CTYPE"
expect_header '^Retry-After: [0-9]+'
expect_out_contains "short of memory"
expect_eq "nothing saved" 0 "$(members_named "Lò Thị Thiếu")"
expect_true "the log says what happened" grep -q "out of memory while answering POST /api/v1/members: answered 503" "$SERVER_LOG"
# The next request, without the fault, is served as usual (the reserve is taken back).
api POST /api/v1/members -H 'Content-Type: application/json' \
	--data-binary "$(new_member "Lò Thị Đủ")"
expect_status 201
expect_eq "saved" 1 "$(members_named "Lò Thị Đủ")"
expect_eq "the server is the same process" "" "$(kill -0 "$SERVER_PID" 2>&1)"
server_stop

tcase "whichever allocation fails, a write is either whole (201) or absent (503), never 500" "$FX"
CADRE_FAULT_INJECTION=1 server_start
TOKEN=$TOKEN_aclerk
created=0
refused=0
others=""
for n in 2 3 5 8 13 21 34 55 89 144 233 377 610 987 1597 2584 4181 6765 10946; do
	api POST /api/v1/members -H "X-Cadre-Fault: alloc=$n" -H 'Content-Type: application/json' \
		--data-binary "$(new_member "Quàng Văn Thử")"
	case $STATUS in
	201) created=$((created + 1)) ;;
	503) refused=$((refused + 1)) ;;
	*) others="$others $n:$STATUS" ;;
	esac
done
expect_eq "no answer but 201 or 503" "" "$others"
expect_eq "as many saved as answered 201" "$created" "$(members_named "Quàng Văn Thử")"
expect_true "some were refused" test "$refused" -gt 0
expect_true "the server is alive" kill -0 "$SERVER_PID"
server_stop

tcase "a page or a read that runs out of memory is a 503 page; the next is served" "$FX"
CADRE_FAULT_INJECTION=1 server_start
login aclerk
page GET "/members/$MEMBER_A" -H 'X-Cadre-Fault: alloc=3'
expect_status 503
expect_header '^Retry-After: [0-9]+'
expect_out_contains "short of memory"
page GET "/members/$MEMBER_A"
expect_status 200
expect_out_contains "Nguyễn Văn An"
TOKEN=$TOKEN_aclerk
api GET "/api/v1/members/$MEMBER_A" -H 'X-Cadre-Fault: alloc=10'
expect_status 503
expect_eq "a problem" "application/problem+json" "$CTYPE"
api GET "/api/v1/members/$MEMBER_A"
expect_status 200
server_stop

tcase "an import that runs out of memory is refused whole" "$FX"
CADRE_FAULT_INJECTION=1 server_start
TOKEN=$TOKEN_aclerk
{
	echo "org_code,full_name,sex,birth_date,ethnicity,religion,hometown,citizen_id,card_no,history_no,admission_decision_date,admission_ceremony_date,official_date,status"
	for i in $(seq 1 50); do
		echo "A1C,Vi Văn Nhập Số $i,male,1990-01-0$((i % 9 + 1)),Tày,,Lạng Sơn,,,,2012-01-01,2012-02-01,2013-02-01,official"
	done
} >"$WORK/fifty.csv"
api POST /api/v1/import/members -H 'X-Cadre-Fault: alloc=400' -H 'Content-Type: text/csv' \
	--data-binary "@$WORK/fifty.csv"
expect_status 503
expect_eq "no row of it saved" 0 "$(members_named "Vi Văn Nhập Số 7")"
api POST /api/v1/import/members -H 'Content-Type: text/csv' --data-binary "@$WORK/fifty.csv"
expect_status 200
expect_eq "all saved when sent again" 1 "$(members_named "Vi Văn Nhập Số 7")"
server_stop

tcase "without CADRE_FAULT_INJECTION the fault header is ignored" "$FX"
server_start
TOKEN=$TOKEN_aclerk
api GET "/api/v1/members/$MEMBER_A" -H 'X-Cadre-Fault: alloc=1'
expect_status 200
server_stop

done_testing
