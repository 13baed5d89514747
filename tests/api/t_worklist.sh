#!/bin/bash
# t_worklist.sh - GET /api/v1/worklist: the home page's worklist as JSON. The counts match the
# hand-made data of lib_worklist.sh for each subtree (A: 2 transfers to receive, 1 overdue,
# 3 members not yet reviewed for 2026, 1 record whose number clashes; B sees its own; C none
# of them), and each link names the list that holds those rows; the admissions' four items
# counted on a copy with one of each (lib_worklist.sh: worklist_admissions).
. "$(dirname "$0")/lib_api.sh"
. "$(dirname "$0")/lib_worklist.sh"

FX=$WORK/fx.db
worklist_fixture "$FX"
DB=$FX
server_start

# wl ID: the count of item ID in the last answer, into JV.
wl() { json_val "[i['count'] for i in d['items'] if i['id'] == '$1'][0]"; }

tcase "an account of branch A: its subtree's work"
TOKEN=$TOKEN_aclerk
api GET /api/v1/worklist
expect_status 200
expect_json "d['org'] == 'A' and d['year'] == 2026" "the scope's top and the review year"
expect_json "[i['id'] for i in d['items']] == ['transfers_to_receive', 'transfers_overdue', 'reviews_undecided', 'members_number_clash', 'adm_ceremony_late', 'adm_recognition_due', 'adm_recognition_late', 'adm_upper_awaited', 'meet_monthly_missed', 'meet_thematic_missed', 'meet_absentees', 'cadre_vacancies']" "the providers in order"
wl transfers_to_receive; expect_eq "transfers to receive" 2 "$JV"
wl transfers_overdue; expect_eq "overdue transfers" 1 "$JV"
wl reviews_undecided; expect_eq "members not yet reviewed for 2026 (4 on the rolls, 1 decided)" 3 "$JV"
wl members_number_clash; expect_eq "members whose numbers clash" 1 "$JV"
expect_json "all(i['title'] and i['link'].startswith('/') for i in d['items'])" "every item has a title and a link"
expect_json "[i['link'] for i in d['items'] if i['id'] == 'reviews_undecided'][0] == '/orgs/A/report/members?year=2026&filter=grade%3Dnone'" "the undecided reviews link to the members without a grade"
expect_json "[i['link'] for i in d['items'] if i['id'] == 'transfers_to_receive'][0] == '/transfers'" "the transfers link to the open transfers"
expect_json "[i['title'] for i in d['items'] if i['id'] == 'transfers_to_receive'][0] == 'Transfers to receive'" "English titles by default"

tcase "the links' lists hold those rows"
api GET /api/v1/transfers
expect_status 200
expect_json "sorted(t['id'] for t in d['items']) == sorted([$TR_OUT, $TR_IN1, $TR_IN2])" "the open transfers are the three counted"
TOKEN=$TOKEN_admin
api GET "/api/v1/orgs/A/report?year=2026"
expect_status 200

tcase "branch B sees its own: the overdue transfer comes to it, and one member undecided"
TOKEN=$TOKEN_bclerk
api GET /api/v1/worklist
expect_status 200
expect_json "d['org'] == 'B'" "B's top"
wl transfers_to_receive; expect_eq "B receives the overdue one" 1 "$JV"
wl transfers_overdue; expect_eq "overdue, seen from B" 1 "$JV"
wl reviews_undecided; expect_eq "B's undecided: MEMBER_B (WL_B1, WL_B2 decided)" 1 "$JV"
wl members_number_clash; expect_eq "no clash in B" 0 "$JV"

tcase "an account of another subtree (C) sees none of them"
TOKEN=$TOKEN_cview
api GET /api/v1/worklist
expect_status 200
expect_json "d['org'] == 'C'" "C's top"
expect_json "[i['count'] for i in d['items']] == [0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0]" "0 transfers, 1 undecided (C's own member), 0 clashes, no admission; its one cell without meetings recorded"

tcase "a system administrator: the whole tree"
TOKEN=$TOKEN_admin
api GET /api/v1/worklist
expect_status 200
expect_json "d['org'] == 'ROOT'" "the root"
wl transfers_to_receive; expect_eq "every transfer sent is to be received somewhere" 3 "$JV"
wl transfers_overdue; expect_eq "overdue" 1 "$JV"
wl members_number_clash; expect_eq "clashes" 1 "$JV"
wl reviews_undecided; expect_eq "undecided: A 3, B 1, C 1" 5 "$JV"

tcase "without a token: 401"
TOKEN=""
http GET /api/v1/worklist
expect_status 401
server_stop

tcase "the admissions' items: each subtree's due cases and probationers, linked to the due list" "$FX"
worklist_admissions
server_start
TOKEN=$TOKEN_aclerk
api GET /api/v1/worklist
expect_status 200
wl adm_recognition_due; expect_eq "A: a probationer's recognition vote due" 1 "$JV"
wl adm_recognition_late; expect_eq "A: one overdue" 1 "$JV"
wl adm_ceremony_late; expect_eq "A: no ceremony late" 0 "$JV"
wl adm_upper_awaited; expect_eq "A: nothing awaited above" 0 "$JV"
expect_json "[i['link'] for i in d['items'] if i['id'] == 'adm_recognition_late'][0] == '/admissions/due?org=A&kind=recognition_overdue'" "linked to the due list filtered"
TOKEN=$TOKEN_cview
api GET /api/v1/worklist
expect_status 200
expect_json "[i['count'] for i in d['items']][4:8] == [1, 0, 0, 1]" "C: the late ceremony and the case awaiting the committee above"
TOKEN=$TOKEN_bclerk
api GET /api/v1/worklist
expect_json "[i['count'] for i in d['items']][4:8] == [0, 0, 0, 0]" "B: none of them"
server_stop
done_testing
