# lib_web.sh - helpers of the page tests (tests/web/t_*.sh), on top of tests/http/lib.sh.
# Stable for every file of tests/web (the form tests source it too):
#
#   EVIL                      the text <script>"'& (a name that must always come out escaped)
#   EVIL_ESC                  how it looks escaped: &lt;script&gt;&quot;&#39;&amp;
#   SQLISH                    Robert'); DROP TABLE member;--
#   web_fixture FILE          http_fixture FILE plus: organisation AX (cell under A1) named
#                             $EVIL; members MEMBER_EVIL (named $EVIL, in AX), MEMBER_SQL
#                             (named $SQLISH, home town $SQLISH, in A1C), MEMBER_B2 (in B1C,
#                             sent on a transfer to B1: TRANSFER_B), MEMBER_A2 (in A1C, sent
#                             to AX: TRANSFER_A); cached like http_fixture (FILE.env)
#   review_fixture FILE       web_fixture FILE plus three official members of A1C (MEMBER_P1,
#                             MEMBER_P2, MEMBER_P3: with MEMBER_A, MEMBER_SQL and MEMBER_A2 the
#                             cell's roll is six) and an account cclerk, clerk of the cell A1C
#                             alone (below its grassroots organisation A1); cached likewise
#   expect_html_valid         the last body is valid HTML (tidy, see below)
#   expect_escaped            the last body never holds $EVIL raw (nor its pieces <script>,
#                             "'&) outside markup of our own
#   expect_small              the last body is under 100 KB
#   expect_page PATH          page GET PATH: 200, valid, escaped, small (four checks)
#   expect_out_count N TEXT   TEXT occurs exactly N times in the last body
. "$(dirname "${BASH_SOURCE[0]}")/../http/lib.sh"

# The pages' catalogue from the po files of this tree (the binary under test is a copy,
# away from its build folder's locale).
if [ -z "${CADRE_LOCALEDIR:-}" ]; then
	mkdir -p "$WORK/locale/vi/LC_MESSAGES"
	msgcat --use-first -o "$WORK/locale/vi.po" "$(dirname "${BASH_SOURCE[0]}")"/../../po/vi*.po &&
		msgfmt -o "$WORK/locale/vi/LC_MESSAGES/cadre.mo" "$WORK/locale/vi.po"
	export CADRE_LOCALEDIR=$WORK/locale
fi

EVIL='<script>"'"'"'&'
EVIL_ESC='&lt;script&gt;&quot;&#39;&amp;'
SQLISH="Robert'); DROP TABLE member;--"

web_fixture() {
	local f=$1
	if [ -s "$f" ] && [ -s "$f.env" ] && grep -q '^TRANSFER_A=' "$f.env"; then
		. "$f.env"
		return
	fi
	if fixture_shared web "$f" web_fixture_build; then
		http_fixture_orgs
		. "$f.env"
		return
	fi
	web_fixture_build "$f"
}

# web_fixture_build FILE: build web_fixture's database at FILE (no cache).
web_fixture_build() {
	local f=$1 save=$DB
	rm -f "$f" "$f.env"
	http_fixture "$f"
	DB=$f
	cadre org add AX --parent A1 --name "$EVIL" --kind cell --date 2001-01-01
	[ "$RC" = 0 ] || fail "web fixture: org add AX" "exit 0" "exit $RC: $ERR"
	madd AX "$EVIL"
	echo "MEMBER_EVIL=$MID" >>"$f.env"
	madd A1C "$SQLISH" --hometown "$SQLISH"
	echo "MEMBER_SQL=$MID" >>"$f.env"
	madd B1C "Lê Văn Cường"
	echo "MEMBER_B2=$MID" >>"$f.env"
	cadre --json member transfer "$MID" --to B1 --date 2026-11-01
	json_val 'd["id"]'
	echo "TRANSFER_B=$JV" >>"$f.env"
	madd A1C "Phạm Thị Dung"
	echo "MEMBER_A2=$MID" >>"$f.env"
	cadre --json member transfer "$MID" --to AX --date 2026-11-02
	json_val 'd["id"]'
	echo "TRANSFER_A=$JV" >>"$f.env"
	DB=$save
	. "$f.env"
	[ -n "$TRANSFER_A" ] && [ -n "$TRANSFER_B" ] && [ -n "$MEMBER_SQL" ] ||
		fail "web fixture" "members and transfers made" "$(cat "$f.env")"
}

review_fixture() {
	local f=$1
	if [ -s "$f" ] && [ -s "$f.env" ] && grep -q '^MEMBER_P3=' "$f.env"; then
		. "$f.env"
		return
	fi
	if fixture_shared review "$f" review_fixture_build; then
		http_fixture_orgs
		. "$f.env"
		return
	fi
	review_fixture_build "$f"
}

# review_fixture_build FILE: build review_fixture's database at FILE (no cache).
review_fixture_build() {
	local f=$1 save=$DB
	rm -f "$f" "$f.env"
	web_fixture "$f"
	DB=$f
	madd A1C "Hoàng Văn Phúc"
	echo "MEMBER_P1=$MID" >>"$f.env"
	madd A1C "Đỗ Thị Quyên" --sex female
	echo "MEMBER_P2=$MID" >>"$f.env"
	madd A1C "Vũ Văn Sơn"
	echo "MEMBER_P3=$MID" >>"$f.env"
	printf '%s\n' "$PW" >"$WORK/.pw"
	STDIN=$WORK/.pw cadre user add cclerk --role clerk --org A1C
	[ "$RC" = 0 ] || fail "review fixture: user add cclerk" "exit 0" "exit $RC: $ERR"
	DB=$save
	. "$f.env"
	[ -n "$MEMBER_P3" ] || fail "review fixture" "members P1-P3 added" "$(cat "$f.env")"
}

# HTML validation with Debian's tidy. tidy reports broken structure (a tag left open or
# closed in the wrong order, an element where it may not be, an id used twice, an unknown
# entity, a bad doctype) as warnings, so warnings are on and any line it prints fails the
# page; only empty elements are allowed (an empty table cell is normal), which is why
# --drop-empty-elements is off. tidy 5.6 does not know SVG's attributes: it calls the font
# attributes of an inline <svg> and the id of its <title> "proprietary", though SVG defines
# them (and the href of a link inside an <svg>), nor ARIA 1.1's aria-current (a pager's page);
# those reports alone are left out, and every <svg> of the page must then parse as
# XML on its own.
expect_html_valid() {
	local report="" line
	local allowed='<svg> proprietary attribute "font-(size|family)"|<title> proprietary attribute "id"|<a> proprietary attribute "href"|<strong> proprietary attribute "aria-current"'
	# tidy's report filtered in bash (a grep would be one more process for every page).
	tidy -q -e --drop-empty-elements no --tidy-mark no "$OUTF" >"$WORK/.tidy" 2>&1
	while IFS= read -r line || [ -n "$line" ]; do
		[[ $line =~ $allowed ]] || report+=$line$'\n'
	done <"$WORK/.tidy"
	while [[ $report == *$'\n' ]]; do report=${report%$'\n'}; done
	if [ -z "$report" ]; then
		# The <svg> check runs in the file's python3 helper (tests/cli/lib.sh: PAGE_CHECKS).
		py_eval svg ""
		[ "$PYR" = OK ] || report=${PYR#FAIL }
	fi
	if [ -z "$report" ]; then pass; else
		fail "$LAST_CMD: valid HTML (tidy)" "no report" "$(printf '%s' "$report" | head -5 | tr '\n' '|')"
	fi
}

expect_escaped() {
	local bad
	# In the file's python3 helper (tests/cli/lib.sh: PAGE_CHECKS, escaped_check).
	py_eval escaped ""
	[ "$PYR" = OK ] || bad=${PYR#FAIL }
	if [ -z "${bad:-}" ]; then pass; else
		fail "$LAST_CMD: everything escaped" "no raw markup from data" "$bad"
	fi
}

# Pages under 100 KB (before gzip). The one exception: a region's whole report (every table
# of the subtree, 24 on the demo, with the inspection figures of issue 14) may take 110 KB;
# it travels as about 15 KB gzip'd.
expect_small() {
	local n max=102400
	n=$(wc -c <"$OUTF")
	case $LAST_CMD in *"/orgs/QK2/report"|*"/orgs/QK2/report?year="*) max=112640 ;; esac
	if [ "$n" -lt "$max" ]; then pass; else
		fail "$LAST_CMD: the page is under $((max / 1024)) KB" "< $max bytes" "$n bytes"
	fi
}

expect_page() {
	page GET "$1"
	expect_status 200
	expect_html_valid
	expect_escaped
	expect_small
}

expect_out_count() {
	local n=$1 got
	got=$(grep -o -F -- "$2" "$OUTF" | wc -l)
	if [ "$got" = "$n" ]; then pass; else
		fail "$LAST_CMD: '$2' occurs $n times" "$n" "$got"
	fi
}
