#!/bin/bash
# t_account.sh - accounts and API tokens from the command line: the password comes on standard
# input and is stored as argon2id only; tokens are printed once and kept as hashes.
. "$(dirname "$0")/lib.sh"

cat >orgs.csv <<'XEOF'
code,parent_code,name,kind,established
ROOT,,Quân ủy Trung ương,committee,2010-01-01
E98,ROOT,Đảng ủy Trung đoàn 98,grassroots,2012-01-01
XEOF
build_db "$WORK/base.db" orgs.csv

tcase "an account with a role on a subtree" "$WORK/base.db"
printf 'một mật khẩu đủ dài\n' >pw.txt
STDIN=pw.txt expect_exit 0 user add clerk.e98 --role clerk --org E98
expect_out_contains "clerk on E98"
STDIN=pw.txt expect_exit 0 --json user list
expect_json 'd == [{"account": "clerk.e98", "role": "clerk", "org": "E98", "disabled": False, "personnel": False, "inspection": False}]' "the account and its role"
expect_py 'b"$argon2id$" in read("case1.db") and "một mật khẩu".encode() not in read("case1.db")' "argon2id only, never the password"

tcase "bad accounts are refused with every reason" "$WORK/base.db"
printf 'short\n' >short.txt
STDIN=short.txt expect_refused 3 "R-PASSWORD-MIN-LENGTH" user add "Thu Hà" --role clerk --org E98
expect_err_contains "account name holds only"
STDIN=pw.txt expect_refused 2 "--role is one of" user add someone --role chief --org E98
expect_refused 2 "standard input" user add someone --role clerk --org E98
STDIN=pw.txt expect_refused 4 "no organisation has the code" user add someone --role clerk --org NOPE

tcase "tokens are shown once and revocable" "$WORK/base.db"
STDIN=pw.txt expect_exit 0 user add api.e98 --role viewer --org E98
expect_exit 0 --json token add api.e98 --label "nightly export"
expect_json 'd["token"].startswith("cdr_") and len(d["token"]) > 40 and d["id"] == 1' "a token"
json_val 'd["token"]'
TOKEN=$JV
expect_py "'$TOKEN'.encode() not in read('case3.db')" "only its hash is stored"
expect_exit 0 token revoke 1
expect_refused 4 "no active token" token revoke 1
expect_exit 0 --json audit list
expect_json '[x["action"] for x in d[:3]] == ["token.revoke", "token.add", "account.add"]' "each step audited"

# ---------------------------------------------------------------------------------------------
# Account management for every role, on a subtree and on the root: each function checks the
# TARGET account against the actor's subtree (issue 9, item 19).
cat >orgs2.csv <<'XEOF'
code,parent_code,name,kind,established
ROOT,,Quân ủy Trung ương,committee,2010-01-01
E98,ROOT,Đảng ủy Trung đoàn 98,grassroots,2012-01-01
F99,ROOT,Đảng ủy Trung đoàn 99,grassroots,2012-01-01
XEOF
build_db "$WORK/scoped.db" orgs2.csv
tcase "account management for every role on a subtree and on the root" "$WORK/scoped.db"
declare -A TOK
n=0
for spec in root.adm:sys_admin: e98.sys:sys_admin:E98 e98.adm:org_admin:E98 \
	e98.clerk:clerk:E98 e98.view:viewer:E98 f99.clerk:clerk:F99; do
	IFS=: read -r name role org <<<"$spec"
	if [ -n "$org" ]; then
		STDIN=pw.txt expect_exit 0 user add "$name" --role "$role" --org "$org"
	else
		STDIN=pw.txt expect_exit 0 user add "$name" --role "$role"
	fi
	expect_exit 0 --json token add "$name"
	json_val 'd["token"]'
	TOK[$name]=$JV
	n=$((n + 1))
done
# Token 6 is f99.clerk's, token 1 root.adm's.
for who in e98.sys e98.adm e98.clerk e98.view; do
	want=4
	[ "$who" != e98.sys ] && want=7
	CADRE_TOKEN=${TOK[$who]} cadre token add f99.clerk
	expect_eq "$who: a token for an account of another subtree" "$want" "$RC"
	CADRE_TOKEN=${TOK[$who]} cadre token add root.adm
	expect_eq "$who: a token for the whole-tree administrator" "$want" "$RC"
	CADRE_TOKEN=${TOK[$who]} cadre token revoke 6
	expect_eq "$who: revoking a token of another subtree" "$want" "$RC"
	CADRE_TOKEN=${TOK[$who]} cadre token revoke 1
	expect_eq "$who: revoking the whole-tree administrator's token" "$want" "$RC"
	STDIN=pw.txt CADRE_TOKEN=${TOK[$who]} cadre user add "x.$who" --role viewer --org F99
	want=4
	case $who in e98.clerk | e98.view) want=7 ;; esac
	expect_eq "$who: an account on another subtree" "$want" "$RC"
	STDIN=pw.txt CADRE_TOKEN=${TOK[$who]} cadre user add "y.$who" --role viewer
	expect_true "$who: no account on the whole tree" [ "$RC" != 0 ]
done
STDIN=pw.txt CADRE_TOKEN=${TOK[e98.adm]} cadre user add z.adm --role sys_admin --org E98
expect_eq "an org admin grants no role above its own" 7 "$RC"
CADRE_TOKEN=${TOK[e98.adm]} expect_exit 0 --json user list
expect_json 'sorted(a["account"] for a in d) == ["e98.adm", "e98.clerk", "e98.sys", "e98.view"]' \
	"a subtree's administrator sees its subtree's accounts only"
# Inside the subtree, and from the root, it works.
CADRE_TOKEN=${TOK[e98.sys]} expect_exit 0 --json token add e98.clerk
json_val 'd["id"]'
CADRE_TOKEN=${TOK[e98.sys]} expect_exit 0 token revoke "$JV"
STDIN=pw.txt CADRE_TOKEN=${TOK[e98.adm]} expect_exit 0 user add e98.new --role clerk --org E98
CADRE_TOKEN=${TOK[root.adm]} expect_exit 0 token add f99.clerk
CADRE_TOKEN=${TOK[root.adm]} expect_exit 0 token revoke 6
CADRE_TOKEN=${TOK[f99.clerk]} cadre user list
expect_eq "the revoked token no longer works" 7 "$RC"
CADRE_TOKEN=${TOK[e98.clerk]} expect_exit 0 org show E98

# The inspection right (docs/inspection.md): granted and revoked beside the personnel right,
# each keeping the other; one right a call.
CADRE_TOKEN=${TOK[e98.adm]} expect_exit 0 user grant e98.clerk --personnel
CADRE_TOKEN=${TOK[e98.adm]} expect_exit 0 --json user grant e98.clerk --inspection
expect_json 'd == {"account": "e98.clerk", "right": "inspection", "held": True}' "the inspection right granted"
CADRE_TOKEN=${TOK[e98.adm]} expect_exit 0 --json user list
expect_json '[(a["personnel"], a["inspection"]) for a in d if a["account"] == "e98.clerk"] == [(True, True)]' \
	"both rights held"
CADRE_TOKEN=${TOK[e98.adm]} expect_exit 0 user list
expect_out_contains "personnel,inspection"
CADRE_TOKEN=${TOK[e98.adm]} expect_exit 0 user revoke e98.clerk --inspection
CADRE_TOKEN=${TOK[e98.adm]} expect_exit 0 --json user list
expect_json '[(a["personnel"], a["inspection"]) for a in d if a["account"] == "e98.clerk"] == [(True, False)]' \
	"revoking the inspection right keeps the personnel right"
CADRE_TOKEN=${TOK[e98.adm]} cadre user grant e98.clerk --personnel --inspection
expect_eq "two rights in one call are refused" 2 "$RC"
expect_err_contains "name one right: --personnel or --inspection"
CADRE_TOKEN=${TOK[e98.clerk]} cadre user grant e98.view --inspection
expect_eq "a clerk grants no right" 7 "$RC"
expect_exit 0 audit list --limit 3
expect_out_contains "account.inspection.revoke"

done_testing
