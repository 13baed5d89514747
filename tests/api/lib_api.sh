# lib_api.sh - helpers of the API tests, on top of tests/http/lib.sh (sourced by t_*.sh).
#   japi METHOD PATH JSON         a request with a JSON body (Content-Type: application/json)
#   capi METHOD PATH FILE         a request with a CSV file as the body (text/csv)
#   expect_problem STATUS [FIELD...]  the last answer is application/problem+json with that
#                                 status in the body too, a type, a title, a detail, and an
#                                 errors[] entry naming each FIELD
#   expect_lacks TEXT...          the last body holds none of the texts
#   snapshot NAME                 the admin's exports of orgs and members into NAME.orgs/.members
#   expect_same_snapshot NAME     the exports now are byte-for-byte those of NAME
. "$(dirname "${BASH_SOURCE[0]}")/../http/lib.sh"

japi() {
	local method=$1 path=$2 json=$3
	shift 3
	printf '%s' "$json" >"$WORK/.body"
	api "$method" "$path" -H 'Content-Type: application/json' --data-binary "@$WORK/.body" "$@"
	LAST_CMD="$method $path $json"
}

capi() {
	local method=$1 path=$2 file=$3
	shift 3
	api "$method" "$path" -H 'Content-Type: text/csv' --data-binary "@$file" "$@"
}

expect_problem() {
	local want=$1 f
	shift
	expect_status "$want"
	expect_eq "$LAST_CMD: problem content type" "application/problem+json" "$CTYPE"
	expect_json "d['status'] == $want and d['type'] and d['title'] and d['detail'] and isinstance(d['errors'], list) and len(d['errors']) >= 1 and all(e['detail'] for e in d['errors'])" \
		"a problem+json body with status $want"
	for f in "$@"; do
		expect_json "any(e.get('field') == '$f' for e in d['errors'])" "errors[] names the field $f"
	done
}

expect_lacks() {
	local t
	for t in "$@"; do
		if [[ $OUT == *"$t"* ]]; then
			fail "$LAST_CMD: the answer does not hold '$t'" "no '$t'" "$(head -c 300 "$OUTF")"
		else
			pass
		fi
	done
}

snapshot() {
	local save=$TOKEN
	TOKEN=$TOKEN_admin
	api GET /api/v1/export/orgs
	cp "$OUTF" "$WORK/$1.orgs"
	api GET /api/v1/export/members
	cp "$OUTF" "$WORK/$1.members"
	TOKEN=$save
}

expect_same_snapshot() {
	local save=$TOKEN what
	TOKEN=$TOKEN_admin
	for what in orgs members; do
		api GET /api/v1/export/$what
		if cmp -s "$OUTF" "$WORK/$1.$what"; then pass; else
			fail "the $what are unchanged" "the export of $1" \
				"$(diff "$WORK/$1.$what" "$OUTF" | head -4 | tr '\n' ' ')"
		fi
	done
	TOKEN=$save
}

# The body of a member added through the API in org ORG named NAME (official).
member_json() {
	printf '{"org_code":"%s","full_name":"%s","sex":"female","birth_date":"1992-05-06","ethnicity":"Tày","hometown":"Cao Bằng","admission_decision_date":"2014-01-10","admission_ceremony_date":"2014-02-01","official_date":"2015-02-01"%s}' \
		"$1" "$2" "${3:-}"
}
