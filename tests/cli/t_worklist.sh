#!/bin/bash
# t_worklist.sh - `cadre worklist` (the same items as GET /api/v1/worklist, for the account of
# CADRE_TOKEN or the file's owner over the whole tree, narrowed by --org) and `cadre org find`
# (the picker's search of organisations by name, within the actor's scope), on the hand-made
# data of tests/api/lib_worklist.sh; the admissions' four items on cases and probationers
# made for them (lib_worklist.sh: worklist_admissions).
. "$(dirname "$0")/../http/lib.sh"
. "$(dirname "$0")/../api/lib_worklist.sh"
ROOTDIR=$(cd "$(dirname "$0")/../.." && pwd)
if [ -z "${CADRE_LOCALEDIR:-}" ]; then
	mkdir -p "$WORK/locale/vi/LC_MESSAGES"
	msgcat --use-first -o "$WORK/locale/vi.po" "$ROOTDIR"/po/vi*.po &&
		msgfmt -o "$WORK/locale/vi/LC_MESSAGES/cadre.mo" "$WORK/locale/vi.po"
	export CADRE_LOCALEDIR=$WORK/locale
fi
unset LC_ALL LC_MESSAGES LANGUAGE
export LANG=C.UTF-8

FX=$WORK/fx.db
worklist_fixture "$FX"

tcase "cadre worklist: the API's items, for the account of the token" "$FX"
CADRE_TOKEN=$TOKEN_aclerk cadre --json worklist
expect_exit_ok() { if [ "$RC" = 0 ]; then pass; else fail "$LAST_CMD: exit" "exit 0" "exit $RC: $ERR"; fi; }
expect_exit_ok
cp "$OUTF" "$WORK/cli_a.json"
expect_json "d['org'] == 'A' and d['year'] == 2026" "A's top and the review year"
expect_json "[(i['id'], i['count']) for i in d['items']] == [('transfers_to_receive', 2), ('transfers_overdue', 1), ('reviews_undecided', 3), ('members_number_clash', 1), ('adm_ceremony_late', 0), ('adm_recognition_due', 0), ('adm_recognition_late', 0), ('adm_upper_awaited', 0), ('meet_monthly_missed', 1), ('meet_thematic_missed', 1), ('meet_absentees', 0), ('cadre_vacancies', 0)]" "A's counts (no meeting recorded: every cell of A missed October and the third quarter)"
CADRE_TOKEN=$TOKEN_aclerk cadre worklist
expect_exit_ok
expect_out_contains "A Đảng bộ Sư đoàn A, 2026"
expect_out_contains "3      Members not yet reviewed for the year              reviews_undecided     /orgs/A/report/members?year=2026&filter=grade%3Dnone"
server_start
for who in aclerk bclerk admin; do
	TOKEN=$(eval echo "\$TOKEN_$who")
	api GET /api/v1/worklist
	cp "$OUTF" "$WORK/api.json"
	CADRE_TOKEN=$TOKEN cadre --json worklist
	python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1])) == json.load(open(sys.argv[2])) else 1)' "$WORK/api.json" "$OUTF" &&
		pass || fail "$who: cadre worklist --json is GET /api/v1/worklist" "$(cat "$WORK/api.json")" "$OUT"
done
server_stop

tcase "--org narrows to a subtree in sight; out of sight is not found" "$FX"
cadre --json worklist --org B
expect_json "d['org'] == 'B' and [i['count'] for i in d['items']] == [1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]" "B's subtree (its one cell without meetings recorded; the command line holds the personnel right: no key cadre unassessed; and the inspection right: no case, complaint or review to revise)"
cadre --json worklist --org C1C
expect_json "d['org'] == 'C1C' and [i['count'] for i in d['items']] == [0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]" "C1C: its one member undecided, no meeting recorded"
CADRE_TOKEN=$TOKEN_aclerk expect_exit 4 worklist --org B
expect_err_contains "B"
CADRE_TOKEN=$TOKEN_aclerk cadre worklist --org NOPE
expect_eq "the same exit for one that does not exist" 4 "$RC"
expect_exit 2 worklist --year 12
LANG=vi_VN.UTF-8 CADRE_TOKEN=$TOKEN_aclerk cadre --json worklist
expect_json "[i['title'] for i in d['items']][0] == 'Chuyển sinh hoạt đến cần tiếp nhận'" "titles in Vietnamese under LANG=vi_VN.UTF-8"

tcase "the admissions' items: counted from the due list of each subtree, linked to it filtered" "$FX"
worklist_admissions
cadre --json worklist
expect_json "[(i['id'], i['count']) for i in d['items']][4:8] == [('adm_ceremony_late', 1), ('adm_recognition_due', 1), ('adm_recognition_late', 1), ('adm_upper_awaited', 1)]" "the whole tree: one of each"
expect_json "[i['link'] for i in d['items']][4:8] == ['/admissions/due?org=ROOT&kind=ceremony_overdue', '/admissions/due?org=ROOT&kind=recognition_due', '/admissions/due?org=ROOT&kind=recognition_overdue', '/admissions/due?org=ROOT&kind=upper']" "each links to the due list filtered to it"
CADRE_TOKEN=$TOKEN_aclerk cadre --json worklist
expect_json "[i['count'] for i in d['items']][4:8] == [0, 1, 1, 0]" "A: its two probationers, one due, one overdue"
cadre --json worklist --org C
expect_json "[i['count'] for i in d['items']][4:8] == [1, 0, 0, 1]" "C: the ceremony not held in time, the case awaiting the committee above"
cadre --json worklist --org B
expect_json "[i['count'] for i in d['items']][4:8] == [0, 0, 0, 0]" "B: none"
cadre --json admission due --org C
expect_json "sorted(c['id'] for c in d) == sorted([$WL_CASE_DECIDED, $WL_CASE_UPPER])" "the due list holds the cases counted"
LANG=vi_VN.UTF-8 cadre --json worklist --org C
expect_json "[i['title'] for i in d['items']][4] == 'Lễ kết nạp chưa tổ chức đúng hạn'" "in Vietnamese"

tcase "cadre org find: words of the name, accents optional, within the scope" "$FX"
cadre --json org find "dai doi"
expect_json "[o['code'] for o in d['items']] == ['A1C', 'B1C', 'C1C'] and d['more'] is False" "every company cell, for the owner"
CADRE_TOKEN=$TOKEN_aclerk cadre --json org find "dai doi"
expect_json "[o['code'] for o in d['items']] == ['A1C']" "A's clerk finds A's only"
CADRE_TOKEN=$TOKEN_aclerk cadre org find "Đại"
expect_eq "the table" "CODE  NAME                KIND  PARENT
A1C   Chi bộ Đại đội A1C  cell  A1" "$OUT"
cadre --json org find "su doan" --limit 2
expect_json "len(d['items']) == 2 and d['more'] is True" "--limit 2 of three, more set"
cadre org find "su doan" --limit 2
expect_err_contains "more organisations match"
cadre org find "khong co"
expect_eq "nothing found: no table" "" "$OUT"
expect_err_contains "no organisation has these words in its name"
expect_exit 2 org find x --limit 0
cadre org find --help
expect_out_contains "usage: cadre [--db FILE] org find TEXT"
expect_out_contains "--limit VALUE"
cadre worklist --help
expect_out_contains "usage: cadre [--db FILE] worklist"
expect_out_contains "--org VALUE"

done_testing
