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
expect_exit 0 --json token add e98.pers
json_val 'd["token"]'
TOK[e98.pers]=$JV
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
cp "$DB" "$WORK/accounts.db"


# ---------------------------------------------------------------------------------------------
tcase "training records: add, show, edit, delete, list, export, figures; every problem at once" "$WORK/accounts.db"
madd C1 "Nguyễn Văn An"
A=$MID
madd C1 "Trần Thị Bình" --sex female
B=$MID
madd F99 "Lê Văn Cường"
F=$MID
expect_exit 0 --json training add --member "$A" --course "  Cao cấp   lý luận chính trị " \
	--school "Học viện Chính trị" --kind long_term --from 2025-09-01 --to 2026-06-30 \
	--result "Giỏi" --certificate "CC-123"
expect_json 'd["course"] == "Cao cấp lý luận chính trị" and d["kind"] == "long_term" and d["to"] == "2026-06-30" and d["org"] == "C1"' "recorded, the text normalised"
json_val 'd["id"]'
T1=$JV
expect_exit 0 --json training add --member "$A" --course "Bồi dưỡng cán bộ chủ trì" --school "Quân khu 2" --kind short --from 2025-03-01 --to 2025-03-10
expect_exit 0 --json training add --member "$A" --course "Bồi dưỡng kiến thức quốc phòng" --school "Quân khu 2" --kind short --from 2025-11-01
expect_json 'd["to"] is None' "under way: no end"
expect_exit 0 --json training add --member "$B" --course "Trung cấp lý luận" --school "Trường Quân sự Quân khu 2" --kind in_service --from 2025-02-01 --to 2025-12-20
expect_exit 0 --json training add --member "$F" --course "Trung cấp lý luận" --school "Trường Quân sự Quân khu 2" --kind school --from 2025-02-01
expect_exit 0 --json training add --member "$B" --course "Cũ" --school "X" --kind short --from 2024-05-01
# Every problem at once.
expect_refused 3 "give the course" training add --member "$A" --course "" --school "" --kind weekly --from 2025-02-30 --to 2024-01-01
expect_err_contains "give the school"
expect_err_contains "long_term, in_service, school, short"
expect_err_contains "2025-02-30"
expect_refused 3 "before it starts" training add --member "$A" --course "K" --school "S" --kind short --from 2025-02-10 --to 2025-02-09
expect_refused 4 "no member has the id" training add --member 9999 --course "K" --school "S" --kind short --from 2025-02-10
# edit: the old values stay in the audit entry
expect_exit 0 --json training edit "$T1" --result "Xuất sắc" --to 2026-07-15
expect_json 'd["result"] == "Xuất sắc" and d["to"] == "2026-07-15" and d["course"] == "Cao cấp lý luận chính trị"' "changed, the rest kept"
expect_refused 3 "before it starts" training edit "$T1" --to 2020-01-01
expect_exit 0 --json audit list --limit 5
expect_json '[x for x in d if x["action"] == "training.edit"][0]["before"]["result"] == "Giỏi"' "the old value kept in the log"
expect_exit 0 --json training show "$T1"
expect_json 'd["certificate"] == "CC-123" and d["full_name"] == "Nguyễn Văn An"' "shown"
expect_exit 0 --json training list --member "$A"
expect_json '[x["kind"] for x in d] == ["short", "long_term", "short"]' "a member's records by start date"
expect_exit 0 --json training list --org E98 --year 2025
expect_json 'len(d) == 4' "the subtree's records of the year"
expect_exit 0 --json training list --org E98 --year 2025 --kind short
expect_json 'len(d) == 2' "by kind"
expect_refused 2 "long_term, in_service" training list --kind weekly
expect_exit 0 training list --org E98 --csv out.csv
expect_py 'read("out.csv").decode().splitlines()[0] == "id,member_id,full_name,org,course,school,kind,from,to,result,certificate,note" and len(read("out.csv").decode().splitlines()) == 6' "the CSV of the list"
expect_exit 0 training list --org E98 --xlsx out.xlsx
expect_py 'read("out.xlsx")[:2] == b"PK"' "an XLSX workbook"
# The figure: a member with two courses in a year counts once in all, once per kind.
expect_exit 0 --json training figures --org ROOT --year 2025
expect_json 'd[0]["org"] == "ROOT" and d[0]["total"] == 3 and d[0]["short"] == 1 and d[0]["long_term"] == 1 and d[0]["in_service"] == 1 and d[0]["school"] == 1' "ROOT in 2025: three cadres sent"
expect_json '{x["org"]: x["total"] for x in d[1:]} == {"E98": 2, "F99": 1}' "by child"
expect_exit 0 --json training figures --org E98 --year 2024
expect_json 'd[0]["total"] == 1' "2024"
expect_refused 2 "year" training figures --org E98
expect_exit 0 training delete "$T1"
expect_refused 4 "no training record" training show "$T1"
expect_exit 0 --json training figures --org ROOT --year 2025
expect_json 'd[0]["long_term"] == 0 and d[0]["total"] == 3' "the deleted record no longer counts"
cp "$DB" "$WORK/records.db"

# ---------------------------------------------------------------------------------------------
tcase "the right decides: without it refused, with it in scope only" "$WORK/records.db"
# The accounts of the first case: e98.pers (clerk, right revoked), e98.view (viewer with the
# right); e98.clerk and f99.adm get it now.
expect_exit 0 user grant e98.clerk --personnel
expect_exit 0 user grant f99.adm --personnel
CADRE_TOKEN=${TOK[e98.pers]} expect_refused 7 "personnel right" training list --member "$A"
CADRE_TOKEN=${TOK[e98.pers]} expect_refused 7 "personnel right" training add --member "$A" --course K --school S --kind short --from 2025-01-01
CADRE_TOKEN=${TOK[e98.pers]} expect_refused 7 "personnel right" training figures --year 2025
CADRE_TOKEN=${TOK[e98.clerk]} expect_exit 0 --json training list --member "$A"
expect_json 'len(d) == 2' "with the right"
CADRE_TOKEN=${TOK[e98.clerk]} expect_exit 0 training add --member "$A" --course K --school S --kind short --from 2025-01-01
CADRE_TOKEN=${TOK[e98.clerk]} expect_refused 4 "no member" training list --member "$F"
CADRE_TOKEN=${TOK[f99.adm]} expect_refused 4 "no member" training add --member "$A" --course K --school S --kind short --from 2025-01-01
CADRE_TOKEN=${TOK[e98.view]} expect_exit 0 training list --org E98
CADRE_TOKEN=${TOK[e98.view]} expect_refused 7 "may read" training add --member "$A" --course K --school S --kind short --from 2025-01-01
CADRE_TOKEN=${TOK[f99.adm]} expect_exit 0 --json training figures --year 2025
expect_json 'd[0]["org"] == "F99" and d[0]["total"] == 1' "a scope's own figure"
cp "$DB" "$WORK/rights.db"

# ---------------------------------------------------------------------------------------------
tcase "import training: all or nothing, every bad row" "$WORK/rights.db"
cat >good.csv <<EOF
member_id,course,school,kind,from,to,result,certificate,note
$A,Bồi dưỡng chính ủy,Học viện Chính trị,short,2025-04-01,2025-04-20,Khá,BD-1,
$B,Cao cấp lý luận,Học viện Chính trị,long_term,2025-09-01,,,,đang học
EOF
cat >bad.csv <<EOF
member_id,course,school,kind,from,to
$A,Khóa 1,Trường A,short,2025-04-01,2025-04-20
x,Khóa 2,Trường B,short,2025-04-01,
9999,Khóa 3,Trường C,weekly,2025-04-01,2025-03-01
EOF
expect_refused 3 "line 3" import training bad.csv
expect_err_contains "line 4"
expect_err_contains "2 of 3 rows"
CADRE_TOKEN=${TOK[e98.pers]} expect_refused 7 "personnel right" import training good.csv
expect_exit 0 --json import training good.csv
expect_json 'd["imported_rows"] == 2' "imported"
expect_exit 0 --json training list --member "$B"
expect_json 'd[-1]["course"] == "Cao cấp lý luận" and d[-1]["to"] is None and d[-1]["note"] == "đang học"' "as in the file"
expect_refused 2 "all or nothing" import training good.csv --skip-bad rej.csv

done_testing
