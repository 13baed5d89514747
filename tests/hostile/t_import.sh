#!/bin/bash
# Imports and their answers (issue 9, items 1, 2, 3, 4, 12, 18 and 25): a huge member id, an
# answer too large for its buffer, repeated requests (Idempotency-Key, --once), duplicates,
# numbers held by two members, spreadsheet formulas in exports, records outside the actor's
# scope named in refusals, a full disk under --skip-bad, too many ethnicities in a first load.
. "$(dirname "$0")/../http/lib.sh"

capi() {
	local method=$1 path=$2 file=$3
	shift 3
	api "$method" "$path" -H 'Content-Type: text/csv' --data-binary "@$file" "$@"
}

FX=$WORK/fx.db
http_fixture "$FX"

HDR=org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status
# row ORG NAME [HOMETOWN]: an official member's row (the fixture's MEMBER_A is "Nguyễn Văn An"
# of A1C, born 1990-01-01 in Hà Giang).
row() {
	printf '%s,%s,male,1990-01-01,Kinh,%s,2015-03-01,2015-03-15,2016-03-15,official\n' \
		"$1" "$2" "${3:-Hà Giang}"
}
# fetch PATH FILE: GET with the token into FILE (a large report: not read into the shell).
fetch() {
	LAST_CMD="GET $1"
	STATUS=$(curl -s -o "$2" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE$1")
}
count_members() { # the number of members the whole-tree export lists
	local save=$DB
	cadre export members "$WORK/.count.csv"
	N_MEMBERS=$(($(wc -l <"$WORK/.count.csv") - 1))
	DB=$save
}

# ---- item 18: no allocation sized by a value from the input --------------------------------

tcase "item 18: a member id of 9000000000000000000 is one row like another (no abort)" "$FX"
{
	echo "id,$HDR"
	echo "9000000000000000000,$(row A1C 'Lê Văn Lớn' 'Yên Bái')"
} >"$WORK/huge_id.csv"
expect_exit 0 import members "$WORK/huge_id.csv"
expect_exit 0 member show 9000000000000000000
expect_out_contains "Lê Văn Lớn"
# Found by name too: an id beyond the packed lists' 2^40 sends the search of the whole roll
# the subtree's way rather than missing the member.
expect_exit 0 member search "le van lon"
expect_out_contains "9000000000000000000"
{
	echo "id,$HDR"
	echo "9000000000000000001,$(row A1C 'Lê Văn Một' 'Yên Bái')"
	echo "9000000000000000001,$(row A1C 'Lê Văn Hai' 'Lào Cai')"
} >"$WORK/huge_twice.csv"
expect_refused 3 "appears twice in the file (first on line 2)" import members "$WORK/huge_twice.csv"

tcase "item 18: one API import with a huge id does not take the server down" "$FX"
server_start
TOKEN=$TOKEN_aclerk
{
	echo "id,$HDR"
	echo "9000000000000000000,$(row A1C 'Lê Văn Lớn' 'Yên Bái')"
	echo "4611686018427387904,$(row A1C 'Lê Văn Nhỏ' 'Lào Cai')"
} >"$WORK/huge_api.csv"
capi POST /api/v1/import/members "$WORK/huge_api.csv"
expect_status 200
expect_json 'd["imported_rows"] == 2'
api GET /api/v1/members/9000000000000000000
expect_status 200
server_stop

# ---- item 1: an import that commits answers 200, whatever the size of its report -----------

tcase "item 1: 40,000 rejected rows with skip_bad: 200 with the first 1000, the rest in the report" "$FX"
python3 - "$WORK/many_bad.csv" "$HDR" <<'PY'
import sys
path, hdr = sys.argv[1], sys.argv[2]
town = "Thôn Nà Hẩu, xã Phúc Sơn, huyện Văn Chấn, tỉnh Yên Bái " * 3
with open(path, "w") as f:
    f.write(hdr + "\n")
    f.write("A1C,Lò Văn Tốt,male,1991-04-04,Thái,Điện Biên,2016-01-01,2016-02-01,2017-02-01,official\n")
    for i in range(40000):
        f.write(f"A1C,Lò Văn Số {i},m,1991-04-04,Thái,{town}{i},2016-01-01,2016-02-01,2017-02-01,official\n")
PY
server_start
TOKEN=$TOKEN_aclerk
capi POST "/api/v1/import/members?skip_bad=1" "$WORK/many_bad.csv"
expect_status 200
expect_json 'd["imported_rows"] == 1 and d["rejected"] == 40000' "the counts, all of them"
expect_json 'len(d["errors"]) == 1000 and d["errors_more"] is True' "the first 1000 problems and a flag"
expect_json 'd["rejected_csv"] is None and d["rejected_csv_more"] is True' "the rejected rows only in the report"
json_val 'd["report"]["url"]'
REPORT=$JV
fetch "$REPORT" "$WORK/report.json"
expect_status 200
expect_py 'len(json.load(open("report.json"))["errors"]) == 40000' "every problem in the report"
expect_py 'json.load(open("report.json"))["rejected_csv"].count("\n") == 40001' "every rejected row in the report"
TOKEN=$TOKEN_bclerk
fetch "$REPORT" "$WORK/report2.json"
expect_status 404
server_stop

tcase "item 1: a refusal with more than 1000 problems carries the first 1000 and its report" "$FX"
head -1502 "$WORK/many_bad.csv" >"$WORK/bad_1500.csv"
server_start
TOKEN=$TOKEN_aclerk
capi POST /api/v1/import/members "$WORK/bad_1500.csv"
expect_status 422
expect_json 'len(d["errors"]) == 1000 and d["errors_more"] is True and d["report"]["url"]' "the first 1000 and the report"
json_val 'd["report"]["url"]'
fetch "$JV" "$WORK/report.json"
expect_status 200
expect_py 'len(json.load(open("report.json"))["errors"]) == 1500' "every problem in the report"
server_stop

tcase "item 1: warnings past 1000 are flagged, every one in the report" "$FX"
{
	echo "$HDR"
	for i in $(seq 1 1200); do row A1C "Hà Văn Số $i" "Xã $i"; done
} >"$WORK/roll.csv"
expect_exit 0 import members "$WORK/roll.csv"
server_start
TOKEN=$TOKEN_aclerk
capi POST "/api/v1/import/members?allow_duplicates=1" "$WORK/roll.csv"
expect_status 200
expect_json 'd["imported_rows"] == 1200 and d["warnings"] >= 1200' "committed with its warnings counted"
expect_json 'len(d["warning_items"]) == 1000 and d["warnings_more"] is True' "the first 1000 warnings and a flag"
json_val 'd["report"]["url"]'
fetch "$JV" "$WORK/report.json"
expect_status 200
expect_py 'len(json.load(open("report.json"))["warning_items"]) >= 1200' "every warning in the report"
server_stop

tcase "item 1: an Idempotency-Key makes a repeat answer the first answer without importing" "$FX"
{
	echo "$HDR"
	row A1C "Đinh Văn Một" "Sơn La"
	row A1C "Đinh Văn Hai" "Sơn La"
} >"$WORK/two.csv"
count_members
before=$N_MEMBERS
server_start
TOKEN=$TOKEN_aclerk
capi POST /api/v1/import/members "$WORK/two.csv" -H 'Idempotency-Key: 5b7c6e0e-roll-0001'
expect_status 200
expect_json 'd["imported_rows"] == 2 and "replayed" not in d'
first=$OUT
capi POST /api/v1/import/members "$WORK/two.csv" -H 'Idempotency-Key: 5b7c6e0e-roll-0001'
expect_status 200
expect_json 'd["imported_rows"] == 2 and d["replayed"] is True and d["first_imported_at"]' "the first answer, marked replayed"
expect_header '^Idempotent-Replayed: true'
head -2 "$WORK/two.csv" >"$WORK/one.csv"
capi POST /api/v1/import/members "$WORK/one.csv" -H 'Idempotency-Key: 5b7c6e0e-roll-0001'
expect_status 409
expect_json '"another file" in d["errors"][0]["detail"]' "a key names one file"
server_stop
count_members
expect_eq "two members more, not four" $((before + 2)) "$N_MEMBERS"

tcase "item 1: import --once keys on the file's SHA-256 and says when it was imported" "$FX"
{
	echo "$HDR"
	row A1C "Vi Văn Một" "Lạng Sơn"
} >"$WORK/once.csv"
count_members
before=$N_MEMBERS
expect_exit 0 import members --once "$WORK/once.csv"
expect_exit 0 import members --once "$WORK/once.csv"
expect_out_contains "was already imported on 20"
expect_out_contains "nothing was imported again"
cp "$WORK/once.csv" "$WORK/once_copy.csv"
expect_exit 0 import members --once "$WORK/once_copy.csv"
expect_out_contains "was already imported"
count_members
expect_eq "one member more" $((before + 1)) "$N_MEMBERS"
STDIN=$WORK/once.csv expect_refused 2 "--once needs a file" import members --once -

# ---- item 2: duplicates refused unless allowed ---------------------------------------------

tcase "item 2: a row like a member on the roll, or like another row, is refused with the line and id" "$FX"
{
	echo "$HDR"
	row A1C "Nguyễn Văn An"
	row A1C "Phạm Văn Đôi" "Bắc Kạn"
	row A1C "Phạm Văn Đôi" "Bắc Kạn"
} >"$WORK/dups.csv"
expect_refused 5 "duplicate of member $MEMBER_A" import members "$WORK/dups.csv"
expect_err_contains "line 3 of this file has the same name"
expect_err_contains "--allow-duplicates"
expect_exit 0 import members --allow-duplicates "$WORK/dups.csv"
cadre member search "Phạm Văn Đôi"
expect_out_contains "Phạm Văn Đôi"

tcase "item 2 and 12: the API refuses a duplicate; outside the scope it names no member" "$FX"
{
	echo "$HDR"
	row B1C "Nguyễn Văn An"
} >"$WORK/dup_b.csv"
server_start
TOKEN=$TOKEN_bclerk
capi POST /api/v1/import/members "$WORK/dup_b.csv"
expect_status 409
expect_json 'd["errors"][0]["line"] == 2 and "same name, birth date and home town" in d["errors"][0]["detail"]'
expect_json "'member $MEMBER_A' not in str(d) and 'A1C' not in str(d)" "no word of the member in A"
capi POST "/api/v1/import/members?allow_duplicates=1" "$WORK/dup_b.csv"
expect_status 200
expect_json 'd["imported_rows"] == 1 and len(d["warning_items"]) == 1'
server_stop

tcase "item 2: the web import lists the duplicates, then keeps them with the box ticked" "$FX"
{
	echo "$HDR"
	row A1C "Nguyễn Văn An"
} >"$WORK/dup_web.csv"
server_start
login aclerk
page POST /import -F "csrf=$CSRF" -F kind=members -F "file=@$WORK/dup_web.csv;type=text/csv"
expect_status 422
expect_out_contains "duplicate of member $MEMBER_A"
expect_out_contains 'name="allow_duplicates"'
page POST /import -F "csrf=$CSRF" -F kind=members -F allow_duplicates=1 -F "file=@$WORK/dup_web.csv;type=text/csv"
expect_status 200
expect_out_contains 'id="warning-items"'
expect_out_contains "possible duplicate of member $MEMBER_A"
expect_out_lacks "Every row was imported."
server_stop

# ---- item 3: citizen ID, card and personal-history numbers belong to one member -------------

tcase "item 3: member add and edit refuse a number another member (or a former one) holds" "$FX"
madd A1C "Lý Văn Số" --citizen-id 001090000111 --card-no 12345678 --history-no 000111HG
first=$MID
expect_eq "the first holder is added" 1 "$([ -n "$first" ] && echo 1)"
madd A1C "Lý Văn Khác" --hometown "Lai Châu" --citizen-id 001090000111
expect_eq "a second holder of the citizen ID is refused" "" "$MID"
expect_err_contains "already used by member $first"
madd A1C "Lý Văn Khác" --hometown "Lai Châu" --card-no 12345678
expect_err_contains "party card number is already used by member $first"
madd A1C "Lý Văn Khác" --hometown "Lai Châu" --citizen-id 001090000222
second=$MID
expect_refused 5 "personal-history number is already used by member $first" \
	member edit "$second" --history-no 000111HG
expect_exit 0 member status "$first" deceased --date 2026-01-01 --reason "a test"
expect_refused 5 "already used by member $first" member edit "$second" --citizen-id 001090000111
expect_exit 0 member edit "$second" --hometown "Điện Biên"

tcase "item 3: imports and the API refuse a held number; out of scope it is only 'already used'" "$FX"
madd A1C "Lý Văn Số" --citizen-id 001090000111 --card-no 12345678
first=$MID
{
	echo "$HDR,citizen_id,card_no"
	echo "$(row A1C 'Mai Văn Một' 'Hòa Bình'),001090000111,"
	echo "$(row A1C 'Mai Văn Hai' 'Hòa Bình'),001090000333,87654321"
	echo "$(row A1C 'Mai Văn Ba' 'Sơn La'),001090000444,87654321"
} >"$WORK/nums.csv"
expect_refused 5 "already used by member $first" import members "$WORK/nums.csv"
expect_err_contains "also on line 3 of the file"
server_start
TOKEN=$TOKEN_bclerk
printf '%s\n' "$HDR,card_no" "$(row B1C 'Mai Văn Bốn' 'Sơn La'),12345678" >"$WORK/nums_b.csv"
capi POST /api/v1/import/members "$WORK/nums_b.csv"
expect_status 409
expect_json '"already used" in d["errors"][0]["detail"] and "'"$first"'" not in d["errors"][0]["detail"]' "no holder named outside the scope"
printf '{"org_code":"B1C","full_name":"Mai Văn Năm","sex":"male","birth_date":"1990-01-01","ethnicity":"Kinh","hometown":"Sơn La","admission_decision_date":"2015-03-01","admission_ceremony_date":"2015-03-15","official_date":"2016-03-15","citizen_id":"001090000111"}' >"$WORK/m.json"
api POST /api/v1/members -H 'Content-Type: application/json' --data-binary "@$WORK/m.json"
expect_status 409
expect_json '"already used" in d["errors"][0]["detail"] and "'"$first"'" not in str(d)'
server_stop

tcase "item 3: a first load refuses a number given to two rows of the file"
build_db "$DB" "$WORK/fx_orgs.csv"
{
	echo "$HDR,card_no"
	echo "$(row A1C 'Mai Văn Một' 'Hòa Bình'),87654321"
	echo "$(row A1C 'Mai Văn Hai' 'Sơn La'),87654321"
} >"$WORK/nums_first.csv"
expect_refused 5 "given to two members of the file" import members "$WORK/nums_first.csv"
expect_err_contains "card_no"

# A database written before the rule, with two members sharing a number: by the binary of
# before when there is one ($CADRE_BEFORE), as the upgrade meets it.
CADRE_BEFORE=${CADRE_BEFORE:-/work/wt/cadre-before}
tcase "item 3: numbers two members shared before the rule stay with both; a third is refused"
if [ -x "$CADRE_BEFORE" ]; then
	{
		echo "code,parent_code,name,kind,established"
		echo "ROOT,,Đảng bộ thử,committee,2000-01-01"
		echo "C1,ROOT,Chi bộ một,cell,2000-01-01"
	} >"$WORK/old_orgs.csv"
	{
		echo "$HDR,citizen_id"
		echo "$(row C1 'Tô Văn Một' 'Hà Nam'),001090000555"
		echo "$(row C1 'Tô Văn Hai' 'Nam Định'),001090000555"
	} >"$WORK/old_members.csv"
	# A database of the old code has no audit key yet: it gets its own at its first write.
	save_key=$CADRE_AUDIT_KEY_FILE
	export CADRE_AUDIT_KEY_FILE=$WORK/old.auditkey
	"$CADRE_BEFORE" --db "$DB" init >/dev/null 2>&1
	"$CADRE_BEFORE" --db "$DB" import orgs "$WORK/old_orgs.csv" >/dev/null 2>&1
	"$CADRE_BEFORE" --db "$DB" import members "$WORK/old_members.csv" >/dev/null 2>&1
	expect_exit 0 export members "$WORK/after.csv"
	expect_py 'sum(1 for r in rows("after.csv") if r["citizen_id"] == "001090000555") == 2' "both holders kept as they were"
	madd C1 "Tô Văn Ba" --hometown "Thái Bình" --citizen-id 001090000555
	expect_eq "a third holder is refused" "" "$MID"
	expect_err_contains "already used by member"
	expect_exit 0 member search "Tô Văn Hai"
	expect_out_contains "Tô Văn Hai"
	export CADRE_AUDIT_KEY_FILE=$save_key
fi

# ---- item 4: formulas neutralised in CSV exports, read back exactly --------------------------

tcase "item 4: exports write formulas as text; the importer reads them back exactly" "$FX"
cat >"$WORK/formula.csv" <<'CSV'
org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status,phone
A1C,Hồ Văn Công,male,1990-01-01,Kinh,"=HYPERLINK(""http://x.example"",""y"")",2015-03-01,2015-03-15,2016-03-15,official,+84912000111
A1C,Hồ Văn Trừ,male,1990-01-01,Kinh,"-Xóm Trại, Hà Nam",2015-03-01,2015-03-15,2016-03-15,official,
A1C,Hồ Văn Móc,male,1990-01-01,Kinh,@SUM(A1:A9),2015-03-01,2015-03-15,2016-03-15,official,
A1C,Hồ Văn Tộc,male,1990-01-01,@Dân tộc khác,Hà Nam,2015-03-01,2015-03-15,2016-03-15,official,
CSV
expect_exit 0 import members "$WORK/formula.csv"
expect_exit 0 export members "$WORK/exp1.csv"
expect_py 'all(not (v or " ")[0] in "=+-@\t\r" for r in rows("exp1.csv") for v in r.values())' "no field of the export starts a formula"
expect_py 'any(r["hometown"] == "'"'"'-Xóm Trại, Hà Nam" for r in rows("exp1.csv"))' "a leading apostrophe"
expect_py 'any(r["phone"] == "'"'"'+84912000111" for r in rows("exp1.csv"))'
expect_exit 0 report --csv
expect_out_contains ",'@Dân tộc khác,"
expect_out_lacks ",@Dân tộc khác,"
cp "$DB" "$WORK/keep.db"
tcase "item 4: the round trip of an export is exact"
build_db "$DB" "$WORK/fx_orgs.csv"
expect_exit 0 import members "$WORK/exp1.csv"
expect_exit 0 member search "Hồ Văn Trừ" --json
expect_out_contains '"-Xóm Trại, Hà Nam"'
expect_exit 0 export members "$WORK/exp2.csv"
expect_py 'sorted((r["full_name"], r["hometown"], r["phone"]) for r in rows("exp1.csv")) == sorted((r["full_name"], r["hometown"], r["phone"]) for r in rows("exp2.csv"))' "the same fields after a round trip"
DB=$WORK/keep.db
server_start
TOKEN=$TOKEN_admin
api GET /api/v1/export/members
expect_status 200
expect_out_contains "'=HYPERLINK"
expect_out_contains "'@SUM(A1:A9)"
server_stop

# ---- item 12: no word of a record outside the actor's scope ----------------------------------

tcase "item 12: an import's 'code used' and 'id in use' are neutral outside the scope" "$FX"
server_start
TOKEN=$TOKEN_bclerk
printf 'code,parent_code,name,kind\nA1,B1,Chi bộ trùng,cell\n' >"$WORK/code_a1.csv"
capi POST /api/v1/import/orgs "$WORK/code_a1.csv"
expect_status 422
expect_json '"cannot be used" in d["errors"][0]["detail"] and "already used" not in str(d)' "a neutral refusal"
printf '%s\n' "id,$HDR" "$MEMBER_A,$(row B1C 'Chu Văn Id' 'Hà Nam')" >"$WORK/id_a.csv"
capi POST /api/v1/import/members "$WORK/id_a.csv"
expect_json 'any("cannot be used" in e["detail"] for e in d["errors"]) and "already in use" not in str(d)' "a neutral refusal"
TOKEN=$TOKEN_aclerk
capi POST /api/v1/import/members "$WORK/id_a.csv"
expect_json '"already in use" in str(d) or "B1C" in str(d)' "in scope the plain reason"
server_stop

# ---- item 25: a full disk under --skip-bad; too many ethnicities in a first load --------------

tcase "item 25: a rejects file that cannot be written fails the import" "$FX"
{
	echo "$HDR"
	row A1C "Đào Văn Tốt" "Hà Nam"
	echo "A1C,Đào Văn Xấu,m,1990-01-01,Kinh,Hà Nam,2015-03-01,2015-03-15,2016-03-15,official"
} >"$WORK/skip.csv"
expect_refused 6 "cannot write the rejected rows" import members --skip-bad /dev/full "$WORK/skip.csv"
expect_exit 0 member search "Đào Văn Tốt"
expect_out_lacks "Đào Văn Tốt"

tcase "item 25: a first load with too many ethnicities fails and says so"
build_db "$DB" "$WORK/fx_orgs.csv"
python3 - "$WORK/eth.csv" "$HDR" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write(sys.argv[2] + "\n")
    for i in range(600):
        f.write(f"A1C,Đỗ Văn Số {i},male,1990-01-01,Dân tộc {i},Xã {i},2015-03-01,2015-03-15,2016-03-15,official\n")
PY
expect_refused 3 "different ethnicities" import members "$WORK/eth.csv"
expect_err_contains "ethnicity"

tcase "a workbook written to a pipe or a device goes into it, never renamed over it" "$FX"
mkfifo "$WORK/pipe"
timeout 60 cat "$WORK/pipe" >"$WORK/from-pipe.xlsx" &
reader=$!
expect_exit 0 report --org A --xlsx "$WORK/pipe"
[ -p "$WORK/pipe" ] || kill "$reader" 2>/dev/null
wait "$reader" 2>/dev/null
expect_true "the pipe is still a pipe (not replaced by a regular file)" test -p "$WORK/pipe"
expect_py 'read("from-pipe.xlsx")[:2] == b"PK"' "the reader got the workbook"

done_testing
