#!/bin/bash
# t_screens.sh - answers compressed with gzip when the client takes it (Content-Encoding,
# Vary, the same body once decompressed, small answers left alone); the report opened on the
# last year with decided reviews, "chưa có dữ liệu" for a year without figures; the report
# whole on the page to print for a province and the region of the demo (every row of every
# table and the transfer table), its charts' labels telling Bắc Mê from Bắc Quang, full
# legends, totals not drawn as bars, bars linked to their records.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"
. "$HERE/lib_forms.sh"

FX=$WORK/fx.db
review_fixture "$FX"
A=$MEMBER_A S=$MEMBER_SQL

# gz PATH [ACCEPT-ENCODING [CURL ARGS]]: GET PATH asking for gzip (or what is given); the raw
# answer in $WORK/gz.raw, its headers in $WORK/gz.hdr.
gz() {
	local p=$1 ae=${2:-gzip, deflate}
	shift 2 2>/dev/null || shift
	LAST_CMD="GET $p (Accept-Encoding: $ae)"
	curl -s -o "$WORK/gz.raw" -D "$WORK/gz.hdr" -b "lang=$HTTP_LANG" -b "$JAR" \
		-H "Accept-Encoding: $ae" "$@" "$BASE$p"
}
hdr() { grep -i -m1 "^$1:" "$WORK/gz.hdr" | sed 's/^[^:]*: *//; s/\r$//'; }

# ---------------------------------------------------------------------------------------------
tcase "gzip: pages and assets over 1 KB compressed for a client that takes it, the same once unpacked" "$FX"
server_start
login admin
for p in /static/cadre.css /tree /orgs/A1 "/members/$A" /audit; do
	page GET "$p"
	expect_status 200
	plain=$(wc -c <"$OUTF")
	expect_true "$p: the plain answer is over 1 KB ($plain bytes)" test "$plain" -gt 1024
	expect_header '^vary: accept-encoding'
	expect_true "$p: not compressed unasked" test -z "$(grep -i '^content-encoding' "$HDRF")"
	gz "$p"
	expect_eq "$p: Content-Encoding" gzip "$(hdr content-encoding)"
	expect_eq "$p: Vary" Accept-Encoding "$(hdr vary)"
	expect_eq "$p: Content-Length is the compressed size" "$(wc -c <"$WORK/gz.raw")" "$(hdr content-length)"
	expect_true "$p: smaller compressed" test "$(wc -c <"$WORK/gz.raw")" -lt "$plain"
	gunzip -c <"$WORK/gz.raw" >"$WORK/gz.body" 2>"$WORK/gz.err"
	expect_eq "$p: a valid gzip stream" "" "$(cat "$WORK/gz.err")"
	if [ "$p" = /static/cadre.css ]; then
		cp "$OUTF" "$WORK/plain.css"
		expect_true "$p: unpacked, the same body" cmp -s "$WORK/gz.body" "$OUTF"
	else
		# Pages carry a fresh form token each time: the same page but for it.
		expect_eq "$p: unpacked, the same page" \
			"$(sed 's/name="csrf" value="[^"]*"//g' "$OUTF" | md5sum)" \
			"$(sed 's/name="csrf" value="[^"]*"//g' "$WORK/gz.body" | md5sum)"
	fi
done
# Refused by q=0, or another coding only: sent plain.
gz /static/cadre.css 'gzip;q=0, br'
expect_eq "gzip;q=0: not compressed" "" "$(hdr content-encoding)"
expect_true "gzip;q=0: the plain stylesheet" cmp -s "$WORK/gz.raw" "$WORK/plain.css"
gz /static/cadre.css identity
expect_eq "identity: not compressed" "" "$(hdr content-encoding)"
# Small answers go out as they are.
gz /api/v1/orgs/NO-SUCH gzip -H "Authorization: Bearer $TOKEN_admin"
expect_true "a small answer is small" test "$(wc -c <"$WORK/gz.raw")" -lt 1024
expect_eq "a small answer is not compressed" "" "$(hdr content-encoding)"
expect_eq "a small answer still varies by Accept-Encoding" Accept-Encoding "$(hdr vary)"
# JSON of the API over 1 KB is compressed too.
gz /api/v1/openapi.json
expect_eq "the OpenAPI document compressed" gzip "$(hdr content-encoding)"
expect_true "the OpenAPI document unpacks to JSON" \
	python3 -c 'import gzip,json,sys; json.loads(gzip.open(sys.argv[1]).read())' "$WORK/gz.raw"
server_stop

# ---------------------------------------------------------------------------------------------
tcase "the report opens on the last year with decided reviews; a year without any says chưa có dữ liệu" "$FX"
server_start
login admin
page GET /orgs/A1/report
htmlq text report-year-shown
expect_eq "nothing decided yet: the current year" 2026 "$HQ"
server_stop
GRADED=$WORK/graded.db
cp "$FX" "$GRADED"
DB=$GRADED
server_start
login aclerk
grade A1C 2025 "$A=excellent" "$S=good" "$MEMBER_A2=good" "$MEMBER_P1=good" "$MEMBER_P2=good" "$MEMBER_P3=complete"
expect_status 303
HTTP_LANG=vi
login admin
page GET /orgs/A1/report
htmlq text report-year-shown
expect_eq "grades decided in 2025 only: the report opens on 2025" 2025 "$HQ"
expect_out_contains "<option selected>2025</option>"
expect_out_contains 'id="print" href="/orgs/A1/report?year=2025&amp;print=1"'
page GET /orgs/A1/report?year=2026
expect_status 200
expect_html_valid
htmlq text report-year-shown
expect_eq "the year asked for" 2026 "$HQ"
python3 - "$OUTF" >"$WORK/empty.txt" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
def sec(name):
    m = re.search(r'<section class="rtable[^"]*" id="t-%s">(.*?)</section>' % name, s, re.S)
    return m.group(1) if m else ""
out = []
# The year's reviews: a note, no chart of zeros.
mr = sec("member_reviews")
out.append("note" if 'class="note nodata">Năm này chưa có kết quả đánh giá, xếp loại nào được quyết định: chưa có dữ liệu.</p>' in mr else "no note")
out.append("chart" if "<svg" in mr else "no chart")
# The trend: 2026 and 2022-2024 without figures say so; 2025 has its counts.
tr = sec("review_trend")
for y in ("2022", "2025", "2026"):
    row = re.search(r'<tr data-key="%s">(.*?)</tr>' % y, tr, re.S)
    out.append(y + (":nodata" if row and 'class="nodata" colspan="8">chưa có dữ liệu</td>' in row.group(1) else ":figures"))
svg = re.search(r"<svg.*?</svg>", tr, re.S)
svg = svg.group(0) if svg else ""
# One point per grade for 2025 alone, no line drawn down to 0.
out.append("points=%d" % svg.count("<circle "))
out.append("nodata-labels=%d" % svg.count('class="more nodata"'))
print(" ".join(out))
PY
expect_eq "an empty year: chưa có dữ liệu, not zeros plotted" \
	"note no chart 2022:nodata 2025:figures 2026:nodata points=4 nodata-labels=4" "$(cat "$WORK/empty.txt")"
HTTP_LANG=en
server_stop
DB=$FX

# ---------------------------------------------------------------------------------------------
# check_whole CODE: the page to print of CODE's report for 2025 holds every row of every table
# of the CSV of the same report, the transfer table among them, and no control.
check_whole() {
	local code=$1
	page GET "/orgs/$code/report.csv?year=2025"
	expect_status 200
	cp "$OUTF" "$WORK/$code.csv"
	page GET "/orgs/$code/report?year=2025&print=1"
	expect_status 200
	expect_html_valid
	expect_out_lacks 'left-out'
	expect_out_lacks 'id="report-year"'
	expect_out_contains '<table class="print-frame" role="presentation"><thead><tr><td><div class="run"><b>'
	expect_out_contains '<tfoot><tr><td><div class="run">cadre · '"$code"' · '
	python3 - "$WORK/$code.csv" "$OUTF" >"$WORK/whole.txt" <<'PY'
import csv, html, re, sys
want = {}
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    want.setdefault(row["table"], set()).add(row["row_key"])
s = open(sys.argv[2], encoding="utf-8").read()
bad = []
for t, keys in want.items():
    m = re.search(r'<section class="rtable[^"]*" id="t-%s">(.*?)</section>' % t, s, re.S)
    got = set(html.unescape(k) for k in re.findall(r'<tr data-key="([^"]*)">', m.group(1))) if m else set()
    if got != keys:
        bad.append("%s: %d of %d rows" % (t, len(got & keys), len(keys)))
if "transfers" not in want:
    bad.append("no transfer table in the CSV")
print("; ".join(bad) or "whole (%d tables)" % len(want))
PY
	# 24 with the training and planning tables (the administrator holds the personnel right),
	# key_cadres and inspection (and the inspection right)
	expect_eq "$code: every row of every table on the page to print" "whole (24 tables)" "$(cat "$WORK/whole.txt")"
}

tcase "the demo: the region's and a province's report whole to print; charts that tell names apart and link"
demo_fixture "$DB" # a copy of the run's one demo database
expect_eq "demo built" 0 "$RC"
printf '%s\n' "$PW" >"$WORK/.pw"
STDIN=$WORK/.pw cadre user add admin --role sys_admin
expect_eq "account added" 0 "$RC"
server_start
login admin
check_whole QK2
check_whole HG
page GET "/orgs/HG/report?year=2025"
python3 - "$OUTF" >"$WORK/charts.txt" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
def svg(name):
    m = re.search(r'<section class="rtable[^"]*" id="t-%s">.*?(<svg.*?</svg>)' % name, s, re.S)
    return m.group(1) if m else ""
out = []
sub = svg("reviews_by_suborg")
labels = re.findall(r'<text x="\d+" y="\d+" text-anchor="end">([^<]*)</text>', sub)
out.append("BacMe" if any(l.endswith("Bắc Mê") for l in labels) else "no Bắc Mê in %r" % labels[:6])
out.append("BacQuang" if any(l.endswith("Bắc Quang") for l in labels) else "no Bắc Quang")
out.append("distinct" if len(set(labels)) == len(labels) > 10 else "same labels: %r" % labels)
out.append("linked" if sub.count('<rect class="bar ') == sub.count('<a href="/orgs/') > 0 else
           "bars %d links %d" % (sub.count('<rect class="bar '), sub.count('<a href="/orgs/')))
out.append("link-ok" if '<a href="/orgs/HG-BM/report/members?filter=grade%3Dexcellent&amp;year=2025">' in sub else "no HG-BM link")
# The legend: the grades' whole names, as the table's columns name them.
sec = re.search(r'<section class="rtable[^"]*" id="t-reviews_by_suborg">(.*?)</section>', s, re.S).group(1)
cols = re.findall(r'<th scope="col" class="n">([^<%]+)</th>', sec)
out.append("legend" if len(cols) == 4 and all(">%s</text>" % g in sub for g in cols) else "legend cut: %r" % cols)
mr = svg("member_reviews")
out.append("totals drawn" if ("good or better" in mr or ">reviewed" in mr) else "no totals")
st = svg("members_by_status")
out.append("total drawn" if ">total<" in st or "total:" in st else "no total")
print(" ".join(out))
PY
expect_eq "HG's charts" "BacMe BacQuang distinct linked link-ok legend no totals no total" "$(cat "$WORK/charts.txt")"
server_stop

done_testing
