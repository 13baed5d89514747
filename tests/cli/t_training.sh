#!/bin/bash
# t_training.sh - the personnel right (granted and revoked by those who manage the account,
# audited, shown in the listing) and the training records of members from the command line
# (docs/cadres.md "Training", "The personnel right").
. "$(dirname "$0")/lib.sh"

cat >orgs.csv <<'EOF'
code,parent_code,name,kind,established
ROOT,,Quân ủy Trung ương,committee,2010-01-01
E98,ROOT,Đảng ủy Trung đoàn 98,grassroots,2012-01-01
C1,E98,Chi bộ Đại đội 1,cell,2012-01-01
F99,ROOT,Đảng ủy Trung đoàn 99,grassroots,2012-01-01
EOF
build_db "$WORK/base.db" orgs.csv
printf 'một mật khẩu đủ dài\n' >pw.txt

tcase "the personnel right: granted, revoked, audited, listed; only by account managers" "$WORK/base.db"
declare -A TOK
for spec in e98.adm:org_admin:E98 e98.clerk:clerk:E98 e98.view:viewer:E98 f99.adm:org_admin:F99; do
	IFS=: read -r name role org <<<"$spec"
	STDIN=pw.txt expect_exit 0 user add "$name" --role "$role" --org "$org"
	expect_exit 0 --json token add "$name"
	json_val 'd["token"]'
	TOK[$name]=$JV
done
STDIN=pw.txt expect_exit 0 --json user add e98.pers --role clerk --org E98 --personnel
expect_json 'd["personnel"] == True' "added with the right"
expect_exit 0 --json user list
expect_json '{a["account"]: a["personnel"] for a in d} == {"e98.adm": False, "e98.clerk": False, "e98.pers": True, "e98.view": False, "f99.adm": False}' "the right in the listing"
expect_exit 0 user list
expect_out_contains "personnel"
# A clerk may not grant it; an administrator of another subtree does not find the account.
CADRE_TOKEN=${TOK[e98.clerk]} cadre user grant e98.view --personnel
expect_eq "a clerk grants no right" 7 "$RC"
CADRE_TOKEN=${TOK[f99.adm]} cadre user grant e98.view --personnel
expect_eq "another subtree's administrator finds no such account" 4 "$RC"
expect_refused 2 "--personnel" user grant e98.view
CADRE_TOKEN=${TOK[e98.adm]} expect_exit 0 user grant e98.view --personnel
expect_out_contains "personnel right granted"
CADRE_TOKEN=${TOK[e98.adm]} expect_exit 0 user grant e98.view --personnel
CADRE_TOKEN=${TOK[e98.adm]} expect_exit 0 user revoke e98.pers --personnel
expect_exit 0 --json user list
expect_json '[a["account"] for a in d if a["personnel"]] == ["e98.view"]' "granted and revoked"
expect_exit 0 --json audit list
expect_json '[x["action"] for x in d[:2]] == ["account.personnel.revoke", "account.personnel.grant"]' "both audited (the repeat grant changes nothing)"
expect_json 'd[0]["subject"] == "account:e98.pers"' "the account named"

done_testing
