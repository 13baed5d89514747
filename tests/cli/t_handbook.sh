#!/bin/bash
# t_handbook.sh - a cell's member accounts from the command line (docs/handbook.md): one
# account per member of the roll without one, each with a one-time code shown only then
# (stored as a hash), a second run makes none, --reissue gives new codes to accounts not yet
# activated; a clerk of the cell or above only; a member account is never made by 'user add'.
. "$(dirname "$0")/lib.sh"

cat >orgs.csv <<'XEOF'
code,parent_code,name,kind,established
ROOT,,Quân ủy Trung ương,committee,2010-01-01
E98,ROOT,Đảng ủy Trung đoàn 98,grassroots,2012-01-01
C1,E98,Chi bộ Đại đội 1,cell,2012-01-01
C2,E98,Chi bộ Đại đội 2,cell,2012-01-01
XEOF
{
	echo 'id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status'
	echo '1,C1,Nguyễn Văn An,male,1990-01-02,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official'
	echo '2,C1,Đặng Thị Bình,female,1991-01-02,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official'
	echo '3,C1,Lò Văn Cường,male,1992-01-02,Thái,Sơn La,2015-03-01,2015-03-15,2016-03-15,official'
	echo '4,C2,Trần Văn Dũng,male,1993-01-02,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official'
} >members.csv
build_db "$WORK/base.db" orgs.csv members.csv
printf 'một mật khẩu đủ dài\n' >pw.txt

tcase "a cell's accounts: one per member, codes shown once and stored hashed" "$WORK/base.db"
expect_exit 0 --json handbook accounts --org C1
expect_json 'd["org"] == "C1" and d["made"] == 3 and d["new_codes"] == 0 and d["had_account"] == 0' "three made"
expect_json 'sorted(a["login"] for a in d["accounts"]) == ["annv.1", "binhdt.2", "cuonglv.3"]' "logins from the names and ids"
expect_json 'all(__import__("re").fullmatch(r"[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}", a["code"]) for a in d["accounts"])' "codes of 12 unambiguous characters"
expect_json 'len({a["code"] for a in d["accounts"]}) == 3' "each its own code"
expect_json 'd["expires"] == "2026-12-07"' "good for R-HB-CODE-DAYS (14) days"
json_val 'd["accounts"][0]["code"]'
CODE1=$JV
expect_py "'$CODE1'.encode() not in read('case1.db') and '$CODE1'.replace('-','').encode() not in read('case1.db')" "the code itself is never stored"
expect_exit 0 --json user list
expect_json 'sorted((a["account"], a["role"], a["org"]) for a in d) == [("annv.1","member","C1"),("binhdt.2","member","C1"),("cuonglv.3","member","C1")]' "member accounts on the cell"
expect_exit 0 --json audit list
expect_json '[x["action"] for x in d[:3]] == ["account.add"] * 3' "each account audited"
expect_out_lacks "$CODE1"
expect_exit 0 --json handbook accounts --org C1
expect_json 'd["made"] == 0 and d["had_account"] == 3 and all(a["code"] is None and a["state"] == "had_account" for a in d["accounts"])' "a second run makes none and shows no code"
expect_exit 0 --json handbook accounts --org C1 --reissue
expect_json 'd["new_codes"] == 3 and all(a["state"] == "new_code" and a["code"] for a in d["accounts"])' "--reissue: new codes"
expect_json '"'"$CODE1"'" not in [a["code"] for a in d["accounts"]]' "the old code replaced"
expect_exit 0 handbook accounts --org C2
expect_out_contains "dungtv.4"
expect_out_contains "1 accounts made"

tcase "who may make them, and what is refused" "$WORK/base.db"
expect_refused 2 "--org CODE" handbook accounts
expect_refused 4 "no organisation has the code" handbook accounts --org NOPE
STDIN=pw.txt expect_refused 3 "handbook accounts" user add someone --role member --org C1
for spec in v.e98:viewer:E98 k.c2:clerk:C2 k.e98:clerk:E98; do
	IFS=: read -r name role org <<<"$spec"
	STDIN=pw.txt expect_exit 0 user add "$name" --role "$role" --org "$org"
done
tok() {
	cadre --json token add "$1"
	json_val 'd["token"]'
}
tok v.e98
CADRE_TOKEN=$JV expect_refused 7 "may not make the members' accounts" handbook accounts --org C1
tok k.c2
CADRE_TOKEN=$JV expect_refused 4 "no organisation has the code 'C1'" handbook accounts --org C1
tok k.e98
CADRE_TOKEN=$JV expect_exit 0 --json handbook accounts --org C1
expect_json 'd["made"] == 3' "a clerk of the subtree makes them"
expect_exit 0 --json audit list
expect_json 'len([e for e in d if e["action"] == "account.add" and e["actor"] == "k.e98" and (e["after"] or {}).get("role") == "member"]) == 3' "audited as the clerk"

done_testing
