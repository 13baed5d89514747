#!/bin/bash
# t_cli.sh - the command line itself: help for every command, usage errors, the missing
# database, JSON output (valid, UTF-8 unescaped, the fields scripts rely on), rules.
. "$(dirname "$0")/lib.sh"

MAIN_C=$(cd "$(dirname "$0")/../.." && pwd)/src/cli/main.c

cat >orgs.csv <<'EOF'
code,parent_code,name,kind,grassroots_type,established
ROOT,,Quân ủy Trung ương,committee,,2010-01-01
QK2,ROOT,Đảng ủy Quân khu 2,committee,,2012-01-01
E98,QK2,Đảng ủy Trung đoàn 98,grassroots,combat,2012-01-01
C1,E98,Chi bộ Đại đội 1,cell,,2012-01-01
C2,E98,Chi bộ Đại đội 2,cell,,2012-01-01
EOF
cat >members.csv <<'EOF'
id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status
1,C1,Đặng Văn Đức,male,1990-04-02,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,official
2,C1,Nguyễn Thị Hường,female,1994-11-20,Tày,Cao Bằng,2025-06-01,2025-06-15,,probationary
3,C2,Đặng Thị Đào,female,1993-01-09,Kinh,Tuyên Quang,2016-03-01,2016-03-15,2017-03-15,official
EOF
build_db "$WORK/base.db" orgs.csv members.csv

# ---------------------------------------------------------------------------------------------
tcase "help for cadre and for every command"
run_raw "$CADRE" --help
expect_eq "cadre --help exits 0" 0 "$RC"
expect_out_contains "usage: cadre"
expect_out_contains "exit codes"
helptext=$OUT
run_raw "$CADRE" help
expect_eq "cadre help exits 0" 0 "$RC"
expect_out_contains "usage: cadre"
run_raw "$CADRE" -h
expect_eq "cadre -h exits 0" 0 "$RC"
run_raw "$CADRE" --version
expect_eq "cadre --version exits 0" 0 "$RC"
expect_out_contains "cadre"
# The commands the help lists ("group [name] ARGS  summary").
commands=()
in_list=0
while IFS= read -r line; do
	case $line in
	commands:*) in_list=1; continue ;;
	"") [ $in_list = 1 ] && [ ${#commands[@]} -gt 0 ] && break; continue ;;
	esac
	[ $in_list = 1 ] || continue
	read -r w1 w2 _ <<<"$line"
	if [[ $w2 =~ ^[a-z][a-z-]*$ ]]; then commands+=("$w1 $w2"); else commands+=("$w1"); fi
done <<<"$helptext"
expect_true "the help lists at least 26 commands (got ${#commands[@]})" test "${#commands[@]}" -ge 26
# The command table in src/cli/main.c: every command in it is in the help.
if [ -r "$MAIN_C" ]; then
	while IFS= read -r cmd; do
		found=0
		for c in "${commands[@]}"; do [ "$c" = "$cmd" ] && found=1; done
		expect_eq "'$cmd' (src/cli/main.c) is listed by cadre --help" 1 "$found"
	done < <(sed -nE 's/^[[:space:]]*\{"([a-z]+)", (NULL|"([a-z][a-z-]*)"), "[^"]*", "[A-Z].*/\1 \3/p' "$MAIN_C" | sed 's/ $//')
fi
for cmd in "${commands[@]}"; do
	# shellcheck disable=SC2086
	run_raw "$CADRE" --db "$WORK/help-nothing.db" $cmd --help
	expect_eq "'cadre $cmd --help' exits 0" 0 "$RC"
	expect_out_contains "usage: cadre"
	expect_out_contains "$cmd"
	expect_out_contains "--help"
done
expect_true "--help creates no database" test ! -e "$WORK/help-nothing.db"
run_raw "$CADRE" --db "$WORK/help-nothing.db" member add --help
expect_out_contains "--birth-date"
expect_out_contains "--official-date"
run_raw "$CADRE" --db "$WORK/help-nothing.db" org split --help
expect_out_contains "--assign"

# ---------------------------------------------------------------------------------------------
tcase "usage errors" "$WORK/base.db"
expect_exit 2 frobnicate
expect_err_contains "frobnicate"
expect_err_contains "--help"
expect_exit 2 org frobnicate
expect_err_contains "add"
expect_err_contains "split"
expect_exit 2 org
expect_exit 2 member list --frobnicate
expect_err_contains "--frobnicate"
expect_err_contains "cadre member list --help"
expect_exit 2 --frobnicate org tree
expect_err_contains "--help"
expect_exit 2 member show 1 2
expect_err_contains "--help"
expect_exit 2 member show
expect_exit 2 org tree --depth
expect_err_contains "--depth"
expect_exit 2 org add C9 --parent E98 --name "Chi bộ" --kind cell --standing-board=1
expect_exit 2 org tree --depth many
expect_err_contains "depth"
run_raw "$CADRE"
expect_eq "cadre with no command exits 2" 2 "$RC"
expect_err_contains "usage"

# ---------------------------------------------------------------------------------------------
tcase "missing database"
expect_exit 6 org tree
expect_err_contains "init"
expect_err_contains "$DB"
expect_true "no database file is created" test ! -e "$DB"
expect_exit 6 member list
expect_exit 6 export orgs -
CADRE_DB=$WORK/env-missing.db run_raw "$CADRE" member search "duc"
expect_eq "a missing \$CADRE_DB exits 6" 6 "$RC"
expect_err_contains "env-missing.db"
expect_err_contains "init"
cp "$WORK/base.db" "$WORK/env.db"
CADRE_DB=$WORK/env.db run_raw "$CADRE" --json member search "duc"
expect_eq "\$CADRE_DB names the database" 0 "$RC"
expect_json '[m["id"] for m in d] == [1]'
run_raw "$CADRE" "--db=$WORK/env.db" --json org show C1
expect_eq "--db=FILE" 0 "$RC"
expect_json 'd["code"] == "C1"'

# ---------------------------------------------------------------------------------------------
tcase "JSON output" "$WORK/base.db"
# Each of these prints JSON that parses and keeps UTF-8 as is.
check_json_utf8() {
	expect_eq "exit code of --json $*" 0 "$RC"
	expect_json 'True' "--json $* parses"
	if [[ $OUT == *'\u'* ]]; then
		fail "UTF-8 is not escaped" "no \\u in the JSON" "$(grep -m1 -F '\u' "$OUTF")"
	else pass; fi
}
for args in "org show C1" "org tree" "org history C1" "member show 1" "member list --org C1" \
	"member search dang" "member where 1 --date 2020-01-01" "rules" "member transfers" \
	"org show E98 --as-of 2020-01-01"; do
	# shellcheck disable=SC2086
	cadre --json $args
	check_json_utf8 $args
done
cadre --json member show 1
expect_out_contains "Đặng Văn Đức"
cadre --json org show C1
expect_out_contains "Chi bộ Đại đội 1"
cadre member list --org C1 --json
expect_json '[m["full_name"] for m in d] == ["Đặng Văn Đức", "Nguyễn Thị Hường"]' "--json after the command"
madd C2 "Đặng Văn Đông"
check_json_utf8 member add
expect_out_contains "Đặng Văn Đông"
cadre --json org add C3 --parent E98 --name "Chi bộ Đại đội 3" --kind cell --date 2020-01-01
check_json_utf8 org add
expect_out_contains "Chi bộ Đại đội 3"
cadre --json member transfer 3 --to C1 --date 2026-05-04
check_json_utf8 member transfer
cadre --json member edit 3 --hometown "Hà Giang" --date 2026-05-05
check_json_utf8 member edit
expect_out_contains "Hà Giang"
cadre --json import orgs "$WORK/orgs.csv"
expect_json '"error" in d' "a failed import with --json prints a JSON error"
# An error with --json: JSON on stdout, the message on stderr.
expect_exit 4 --json member show 999
expect_json 'd["error"]["exit"] == 4 and len(d["error"]["problems"]) >= 1'
expect_err_contains "999"
expect_exit 5 --json org add X1 --parent C1 --name "Đảng ủy sai" --kind committee --date 2016-01-01
expect_json '"R-ORG-NESTING" in [p.get("rule") for p in d["error"]["problems"]]'
expect_exit 4 --json org show "Đ9"
expect_json 'd["error"]["exit"] == 4'
expect_out_contains '"Đ9"'
expect_out_lacks '\u'

# ---------------------------------------------------------------------------------------------
tcase "list and search JSON fields" "$WORK/base.db"
expect_exit 0 --json member list --org C1 --as-of 2020-01-01
expect_json '[{k: m[k] for k in ("id", "full_name", "birth_date", "org_code", "status")} for m in d] == [{"id": 1, "full_name": "Đặng Văn Đức", "birth_date": "1990-04-02", "org_code": "C1", "status": "official"}]' \
	"member list --as-of: id, full_name, birth_date, org_code, status"
expect_exit 0 --json member list --org C1 --as-of 2025-07-01
expect_json '[(m["id"], m["status"]) for m in d] == [(1, "official"), (2, "probationary")]'
expect_exit 0 --json member list --org E98 --as-of 2016-06-01
expect_json '[(m["id"], m["org_code"], m["status"]) for m in d] == [(3, "C2", "probationary"), (1, "C1", "official")]' \
	"as of a past date: the status then, in name order (Đào before Đức)"
expect_exit 0 --json member search "dang" --org C2
expect_json '[{k: m[k] for k in ("id", "full_name", "birth_date", "org_code", "status")} for m in d] == [{"id": 3, "full_name": "Đặng Thị Đào", "birth_date": "1993-01-09", "org_code": "C2", "status": "official"}]' \
	"member search --org: id, full_name, birth_date, org_code, status"
expect_exit 0 --json member search "huong" --org E98
expect_json '[(m["id"], m["org_code"], m["status"]) for m in d] == [(2, "C1", "probationary")]'
expect_refused 4 "NOPE" member list --org NOPE
expect_refused 4 "NOPE" member search "dang" --org NOPE

# ---------------------------------------------------------------------------------------------
tcase "rules" "$WORK/base.db"
expect_exit 0 --json rules
expect_json '(lambda have: all(have.get(k) == v for k, v in want.items()))({r["id"]: r["value"] for r in d if r["in_force"]}) if (want := {"R-ORG-NESTING": "committee>committee,grassroots,cell;grassroots>subcommittee,cell;subcommittee>cell", "R-ORG-DISSOLVE-EMPTY": "0", "R-ORG-MIN-OFFICIAL": "3", "R-CELL-STANDING-BOARD-MIN": "9", "R-STATUS-TRANSITION": "probationary>official,removed,deceased,transferred_out;official>exempt,suspended,removed,expelled,deceased,transferred_out;exempt>official,removed,expelled,deceased,transferred_out;suspended>official,removed,expelled,deceased", "R-PROBATION-MONTHS": "12", "R-ADMIT-AGE-MIN-MONTHS": "216", "R-ADMIT-AGE-MAX-MONTHS": "720", "R-CEREMONY-DAYS": "30", "R-TRANSFER-TEMP-MIN-MONTHS": "3", "R-TRANSFER-TEMP-MAX-MONTHS": "12", "R-TRANSFER-PRESENT-DAYS": "30", "R-MEMBER-DATES": "1"}) else False' \
	"the default rule set is in force"
expect_json 'all(r["source"] and r["description"] for r in d)' "every rule has a source and a description"
expect_exit 0 --json rules --as-of 2015-01-01
expect_json '[r["in_force"] for r in d if r["id"] == "R-ADMIT-AGE-MAX-MONTHS"] == [False]' "not yet in force in 2015"
expect_exit 0 rules
expect_out_contains "R-PROBATION-MONTHS"

done_testing
