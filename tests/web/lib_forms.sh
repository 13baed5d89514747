# lib_forms.sh - helpers of the form tests (t_forms*.sh, t_review.sh, t_report.sh): what the
# HTML of the last page says about a field (t_forms_html.py), posts with the session's CSRF
# token, the review form sent and the review steps counted. Sourced after lib_web.sh.
HTMLPY=$HERE/t_forms_html.py
# htmlq MODE [NAME]: ask t_forms_html.py about the last page; the answer in HQ (the script
# runs in the file's python3 helper: tests/cli/lib.sh, py_run).
htmlq() {
	py_run "$HTMLPY" "$OUTF" "$@"
	HQ=$PYOUT
}
# expect_valid_html: balanced tags and unique ids (t_forms_html.py), valid for tidy, nothing
# from data unescaped, under 100 KB (lib_web.sh).
expect_valid_html() {
	htmlq check
	expect_eq "$LAST_CMD: the HTML is well formed" ok "$HQ"
	expect_html_valid
	expect_escaped
	expect_small
}
# expect_value NAME VALUE: control f-NAME shows VALUE.
expect_value() {
	htmlq value "$1"
	expect_eq "$LAST_CMD: the value of f-$1" "$2" "$HQ"
}
# expect_beside NAME [TEXT]: an error span.err#e-NAME in the field of f-NAME (holding TEXT).
expect_beside() {
	htmlq err "$1"
	if [ "$HQ" = "<none>" ] || [ "$HQ" = "<no field>" ]; then
		fail "$LAST_CMD: an error beside f-$1" "span.err#e-$1 in its field" "$HQ"
	elif [ -n "${2:-}" ] && [[ $HQ != *"$2"* ]]; then
		fail "$LAST_CMD: the error beside f-$1 says '$2'" "$2" "$HQ"
	else
		pass
	fi
}
expect_not_beside() {
	htmlq err "$1"
	expect_eq "$LAST_CMD: no error beside f-$1" "<none>" "$HQ"
}
# post PATH ARGS...: a form post with the session's CSRF token.
post() {
	local path=$1
	shift
	page POST "$path" --data-urlencode "csrf=$CSRF" "$@"
}
location() {
	header_value location
	printf '%s\n' "$HV"
}
# grade ORG YEAR ID=GRADE... [-- CURL ARGS]: send the review form of ORG for YEAR, each
# member's grade as the field g-ID (after --, for example --data-urlencode r-ID=REASON).
grade() {
	local org=$1 year=$2
	local args=(--data-urlencode "year=$year")
	shift 2
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		args+=(--data-urlencode "g-$1")
		shift
	done
	[ "${1:-}" = -- ] && shift
	post "/orgs/$org/review" "${args[@]}" "$@"
}
# reviews: the number of review steps stored (all members and organisations), in REVIEWS.
reviews() { REVIEWS=$(sqlite3 "$DB" 'SELECT count(*) FROM review'); }
