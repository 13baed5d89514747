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
expect_json 'd == [{"account": "clerk.e98", "role": "clerk", "org": "E98", "disabled": False}]' "the account and its role"
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

done_testing
