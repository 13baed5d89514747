#!/bin/bash
# Search of names through the API (docs/search.md): total, next, offset and limit; accents
# typed match those accents, none fold them (đ as d); apostrophes and hyphens split words;
# the actor's subtree bounds what is found and counted; the index follows edits, transfers,
# imports and merges; GET /api/v1/orgs?q= finds organisations by part of their name.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
DB=$FX
cadre org add A1D --parent A1 --name "Chi bộ Đại đội Bắc Mê" --kind cell --date 2005-01-01
for d in 01 02 03 04 05; do
	madd A1C "Nguyễn Văn Hùng" --birth-date 1980-$d-01
done
HUNG_A=$MID
madd B1C "Nguyễn Văn Hùng" --birth-date 1981-01-01
HUNG_B=$MID
madd A1D "Nguyễn Văn Hưng"
HUNG2=$MID
madd A1D "H'Hen Niê" --ethnicity "Ê Đê"
HHEN=$MID
madd A1D "H’Nga Byă" --ethnicity "Ê Đê"
HNGA=$MID
madd A1D "Đặng Thị Thu-Hà"
DANG=$MID
madd A1D "Dang Van Dung"
DANG2=$MID
DB=$WORK/none.db

tcase "GET /members?q: total, next, offset, limit" "$FX"
server_start
TOKEN=$TOKEN_admin
# Six Nguyễn Văn Hùng and one Nguyễn Văn Hưng: "hung" typed without accents is both.
api GET "/api/v1/members?q=nguyen%20van%20hung&limit=3"
expect_status 200
expect_json 'd["total"] == 7 and len(d["items"]) == 3 and d["offset"] == 0 and d["limit"] == 3' \
	"seven found, three shown"
expect_json 'd["next"] == "/api/v1/members?q=nguyen%20van%20hung&offset=3&limit=3"' "next page"
IDS1=$(python3 -c 'import json,sys; print(" ".join(str(m["id"]) for m in json.load(open(sys.argv[1]))["items"]))' "$OUTF")
api GET "/api/v1/members?q=nguyen%20van%20hung&offset=3&limit=3"
expect_json 'd["total"] == 7 and len(d["items"]) == 3 and d["next"].endswith("offset=6&limit=3")'
expect_json 'not set(m["id"] for m in d["items"]) & set(int(x) for x in "'"$IDS1"'".split())' \
	"the second page holds others"
api GET "/api/v1/members?q=nguyen%20van%20hung&offset=6&limit=3"
expect_json 'd["total"] == 7 and len(d["items"]) == 1 and d["next"] is None' "the last page"
api GET "/api/v1/members?q=nguyen%20van%20hung&limit=50"
expect_json 'len(set(m["id"] for m in d["items"])) == 7 and d["next"] is None' "all seven, once each"
expect_json '[m["given_name"] for m in d["items"]] == ["Hùng"] * 6 + ["Hưng"]' "in list order"
api GET "/api/v1/members?q=nguyen%20van%20hung&offset=9&limit=2"
expect_json 'd["total"] == 7 and d["items"] == [] and d["next"] is None' "past the end"
api GET "/api/v1/members?q=hung&offset=-1"
expect_problem 400 offset
server_stop

tcase "GET /members?q: accents typed match exactly, none fold (đ as d)" "$FX"
server_start
TOKEN=$TOKEN_admin
api GET "/api/v1/members?q=H%C6%B0ng"
expect_json '[m["id"] for m in d["items"]] == ['"$HUNG2"'] and d["total"] == 1' "Hưng finds Hưng only"
api GET "/api/v1/members?q=H%C3%B9ng"
expect_json 'd["total"] == 6 and '"$HUNG2"' not in [m["id"] for m in d["items"]]' "Hùng is not Hưng"
api GET "/api/v1/members?q=hung"
expect_json 'd["total"] == 7' "hung folds: Hùng and Hưng"
api GET "/api/v1/members?q=dang"
expect_json 'sorted(m["id"] for m in d["items"]) == sorted(['"$DANG"', '"$DANG2"'])' "dang finds Đặng and Dang"
api GET "/api/v1/members?q=%C4%90%E1%BA%B7ng"
expect_json '[m["id"] for m in d["items"]] == ['"$DANG"']' "Đặng finds Đặng, not Dang"
api GET "/api/v1/members?q=d"
expect_json '{'"$DANG"', '"$DANG2"'} <= set(m["id"] for m in d["items"])' "d finds đ"
api GET "/api/v1/members?q=hen"
expect_json '[m["id"] for m in d["items"]] == ['"$HHEN"']' "hen finds H'Hen Niê"
api GET "/api/v1/members?q=nga"
expect_json '[m["id"] for m in d["items"]] == ['"$HNGA"']' "nga finds H’Nga (right quote)"
api GET "/api/v1/members?q=h%27hen%20nie"
expect_json '[m["id"] for m in d["items"]] == ['"$HHEN"']' "h'hen nie"
api GET "/api/v1/members?q=ha"
expect_json ''"$DANG"' in [m["id"] for m in d["items"]]' "ha finds Thu-Hà (hyphen)"
api GET "/api/v1/members?q=thu%20ha"
expect_json '[m["id"] for m in d["items"]] == ['"$DANG"']'
api GET "/api/v1/members?q=van%20hu"
expect_json 'd["total"] == 7' "the last word is a beginning"
api GET "/api/v1/members?q=va%20hung"
expect_json 'd["total"] == 0' "an earlier word is whole"
api GET "/api/v1/members?q=hung%20nguyen"
expect_json 'd["total"] == 7' "words in any order"
api GET "/api/v1/members?q=%27%27--"
expect_problem 422 q
server_stop

tcase "GET /members?q: the actor's subtree; people out of sight are neither shown nor counted" "$FX"
server_start
TOKEN=$TOKEN_aclerk
api GET "/api/v1/members?q=nguyen%20van%20hung"
expect_json 'd["total"] == 6 and '"$HUNG_B"' not in [m["id"] for m in d["items"]]' \
	"A's five and its Hưng, not B's"
TOKEN=$TOKEN_bclerk
api GET "/api/v1/members?q=nguyen%20van%20hung"
expect_json 'd["total"] == 1 and [m["id"] for m in d["items"]] == ['"$HUNG_B"']' "B's one only"
api GET "/api/v1/members?q=hen"
expect_json 'd["total"] == 0 and d["items"] == []'
TOKEN=$TOKEN_admin
api GET "/api/v1/members?q=nguyen%20van%20hung&org=B"
expect_json 'd["total"] == 1'
TOKEN=$TOKEN_bclerk
api GET "/api/v1/members?q=nguyen%20van%20hung&org=A"
expect_problem 404 org
server_stop

tcase "GET /orgs?q: organisations by part of their name, accent-free, within the scope" "$FX"
server_start
TOKEN=$TOKEN_admin
api GET "/api/v1/orgs?q=bac%20me"
expect_status 200
expect_json '[o["code"] for o in d["items"]] == ["A1D"] and d["more"] is False' "bac me finds Bắc Mê"
api GET "/api/v1/orgs?q=dai%20doi"
expect_json 'sorted(o["code"] for o in d["items"]) == ["A1C", "A1D", "B1C"]'
api GET "/api/v1/orgs?q=dai%20doi&limit=1"
expect_json 'len(d["items"]) == 1 and d["more"] is True'
api GET "/api/v1/orgs?q=su%20doan"
expect_json '[o["code"] for o in d["items"]] == ["A", "B"]' "nearest the root first"
TOKEN=$TOKEN_bclerk
api GET "/api/v1/orgs?q=dai%20doi"
expect_json '[o["code"] for o in d["items"]] == ["B1C"]' "only the scope"
api GET "/api/v1/orgs?q="
expect_problem 422 q
server_stop

tcase "the index follows a change of name, a transfer, an import and a merge" "$FX"
DB=$WORK/change.db
cp "$FX" "$DB"
cadre member edit "$HUNG2" --name "Nguyễn Văn Hương"
[ "$RC" = 0 ] && pass || fail "exit status" "0" "$RC: $ERR"
cadre --json member search "huong"
expect_json '[m["id"] for m in d] == ['"$HUNG2"'] or [m["id"] for m in d.get("items", d)] == ['"$HUNG2"']' "the new name is found"
cadre --json member search "Hưng"
expect_json 'len(d if isinstance(d, list) else d["items"]) == 0' "the old one is not"
cadre --json member transfer "$HHEN" --to B1C --date 2026-11-03
[ "$RC" = 0 ] && pass || fail "exit status" "0" "$RC: $ERR"
cadre --json member search "hen"
expect_json '[m["org_code"] for m in (d if isinstance(d, list) else d["items"])] == ["A1D"]' \
	"sent, still on A1D's roll"
cat >"$WORK/more.csv" <<'CSV'
org_code,status,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date
B1C,official,Y Bih Ayŭn,male,1990-04-04,Ê Đê,Đắk Lắk,2015-03-01,2015-03-15,2016-03-15
B1C,official,Ksor H'Luân,female,1991-05-05,Gia Rai,Gia Lai,2015-03-01,2015-03-15,2016-03-15
CSV
cadre import members "$WORK/more.csv"
[ "$RC" = 0 ] && pass || fail "exit status" "0" "$RC: $ERR"
cadre --json member search "luan"
expect_json '[m["full_name"] for m in (d if isinstance(d, list) else d["items"])] == ["Ksor H'"'"'Luân"]' "imported, found"
cadre org merge A1D --into A1C --date 2026-11-05
[ "$RC" = 0 ] && pass || fail "exit status" "0" "$RC: $ERR"
cadre --json member search "dang thi"
expect_json '[m["org_code"] for m in (d if isinstance(d, list) else d["items"])] == ["A1C"]' \
	"after the merge, found on the roll merged into"
cadre --json member search "nga"
expect_json '[m["id"] for m in (d if isinstance(d, list) else d["items"])] == ['"$HNGA"']'
DB=$FX

tcase "a first load (bulk) indexes every name, as one at a time does" "$FX"
DB=$WORK/bulk.db
rm -f "$DB"
cadre init
cadre import orgs "$WORK/fx_orgs.csv"
[ "$RC" = 0 ] && pass || fail "exit status" "0" "$RC: $ERR"
cat >"$WORK/bulk.csv" <<'CSV'
org_code,status,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date
A1C,official,H'Hen Niê,female,1990-04-04,Ê Đê,Đắk Lắk,2015-03-01,2015-03-15,2016-03-15
A1C,official,Nguyễn Văn Hưng,male,1991-05-05,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15
B1C,official,Nguyễn Văn Hùng,male,1992-05-05,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15
B1C,official,Đặng Văn Hùng Hùng,male,1993-05-05,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15
CSV
cadre import members "$WORK/bulk.csv"
[ "$RC" = 0 ] && pass || fail "exit status" "0" "$RC: $ERR"
cadre --json member search "hen"
expect_json 'len(d if isinstance(d, list) else d["items"]) == 1'
cadre --json member search "hung"
expect_json 'len(d if isinstance(d, list) else d["items"]) == 3' "Hùng Hùng counted once"
cadre --json member search "Hùng"
expect_json 'len(d if isinstance(d, list) else d["items"]) == 2'
cadre --json member search "dang"
expect_json 'len(d if isinstance(d, list) else d["items"]) == 1'
DB=$FX
done_testing
