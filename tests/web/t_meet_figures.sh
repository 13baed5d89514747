#!/bin/bash
# t_meet_figures.sh - the meeting figures (app_meet_fig.c, /orgs/CODE/meetings/figures) on a
# small fixture of hand-placed meetings, every number worked by hand; the drill-down to the
# cells and members behind them; the worklist's three meeting items (scoped); the emulation
# cross-check (R-EMULATION-COUNTED) refusing a rating the records contradict.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"

# CADRE_TODAY is 2026-11-23: months counted are January to October 2026 (November has not
# ended), quarters Q1 to Q3.
FX=$WORK/fx.db
web_fixture "$FX"
MF=$WORK/mf.db
cp "$FX" "$MF"
# A1C (members MEMBER_A, MEMBER_SQL): monthly meetings January to October on the 15th;
#   thematic on 02-20 and 08-20 (none in Q2). MEMBER_A present at all ten; MEMBER_SQL
#   absent without reason in January, February, March, excused in April, present after.
# AX (MEMBER_EVIL): monthly January to September (October only planned), thematic
#   in February, May, August; MEMBER_EVIL present at the nine.
# B1C (MEMBER_B, MEMBER_B2): monthly January to June, a second in March; MEMBER_B present,
#   MEMBER_B2 not counted. No thematic meeting. A cancelled one in July counts for nothing.
sqlite3 "$MF" >/dev/null <<SQL || fail "fixture: the meetings" "inserted" "sqlite3 failed"
CREATE TEMP TABLE plan(org TEXT, d TEXT, kind TEXT, state TEXT);
INSERT INTO plan VALUES
 ('A1C','2026-01-15','monthly','held'),('A1C','2026-02-15','monthly','held'),
 ('A1C','2026-03-15','monthly','held'),('A1C','2026-04-15','monthly','held'),
 ('A1C','2026-05-15','monthly','held'),('A1C','2026-06-15','monthly','held'),
 ('A1C','2026-07-15','monthly','held'),('A1C','2026-08-15','monthly','held'),
 ('A1C','2026-09-15','monthly','held'),('A1C','2026-10-15','monthly','held'),
 ('A1C','2026-02-20','thematic','held'),('A1C','2026-08-20','thematic','held'),
 ('AX','2026-01-10','monthly','held'),('AX','2026-02-10','monthly','held'),
 ('AX','2026-03-10','monthly','held'),('AX','2026-04-10','monthly','held'),
 ('AX','2026-05-10','monthly','held'),('AX','2026-06-10','monthly','held'),
 ('AX','2026-07-10','monthly','held'),('AX','2026-08-10','monthly','held'),
 ('AX','2026-09-10','monthly','held'),('AX','2026-10-10','monthly','planned'),
 ('AX','2026-02-25','thematic','held'),('AX','2026-05-25','thematic','held'),
 ('AX','2026-08-25','thematic','held'),
 ('B1C','2026-01-05','monthly','held'),('B1C','2026-02-05','monthly','held'),
 ('B1C','2026-03-05','monthly','held'),('B1C','2026-03-25','monthly','held'),
 ('B1C','2026-04-05','monthly','held'),('B1C','2026-05-05','monthly','held'),
 ('B1C','2026-06-05','monthly','held'),('B1C','2026-07-05','monthly','cancelled');
INSERT INTO meeting(org_id, on_date, starts_min, ends_min, kind, topic, state, recorded_by)
 SELECT o.id, CAST(julianday(p.d) - 2440587.5 AS INTEGER), 480, 600, p.kind, 'x', p.state, 'test'
 FROM plan p JOIN org o ON o.code = p.org;
INSERT INTO meeting_attendance(meeting_id, member_id, status, reason)
 SELECT m.id, $MEMBER_A, 'present', '' FROM meeting m JOIN org o ON o.id = m.org_id
  WHERE o.code = 'A1C' AND m.kind = 'monthly';
INSERT INTO meeting_attendance(meeting_id, member_id, status, reason)
 SELECT m.id, $MEMBER_SQL,
  CASE WHEN date(m.on_date * 86400, 'unixepoch') < '2026-04-01' THEN 'absent'
       WHEN date(m.on_date * 86400, 'unixepoch') < '2026-05-01' THEN 'excused' ELSE 'present' END,
  CASE WHEN date(m.on_date * 86400, 'unixepoch') BETWEEN '2026-04-01' AND '2026-04-30'
       THEN 'ốm' ELSE '' END
 FROM meeting m JOIN org o ON o.id = m.org_id WHERE o.code = 'A1C' AND m.kind = 'monthly';
INSERT INTO meeting_attendance(meeting_id, member_id, status, reason)
 SELECT m.id, $MEMBER_EVIL, 'present', '' FROM meeting m JOIN org o ON o.id = m.org_id
  WHERE o.code = 'AX' AND m.kind = 'monthly' AND m.state = 'held';
INSERT INTO meeting_attendance(meeting_id, member_id, status, reason)
 SELECT m.id, $MEMBER_B, 'present', '' FROM meeting m JOIN org o ON o.id = m.org_id
  WHERE o.code = 'B1C' AND m.state = 'held';
INSERT INTO meeting_attendance(meeting_id, member_id, status, reason)
 SELECT m.id, $MEMBER_B2, 'not_counted', 'đi học' FROM meeting m JOIN org o ON o.id = m.org_id
  WHERE o.code = 'B1C' AND m.state = 'held';
SQL

# fig KEY: the cells of row KEY of the figures table (count|of|%), in FIG.
fig() {
	FIG=$(python3 - "$OUTF" "$1" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
row = re.search(r'<tr data-key="%s">(.*?)</tr>' % re.escape(sys.argv[2]), s, re.S)
if not row:
    print("<no row>", end=""); sys.exit()
cells = re.findall(r'<td class="n">(.*?)</td>', row.group(1), re.S)
print("|".join(re.sub(r'<[^>]*>', '', c) for c in cells), end="")
PY
)
}

# ---------------------------------------------------------------------------------------------
tcase "the figures of the whole tree, worked by hand" "$MF"
server_start
login admin
expect_page "/orgs/ROOT/meetings/figures?from=2026-01-01&to=2026-11-23"
# 3 cells; A1C 10 of 10 months, AX 9 of 10, B1C 6 of 10 (two in March make no April).
fig cells; expect_eq "cells counted" "3||" "$FIG"
fig every_month; expect_eq "cells with every monthly meeting" "1|3|33.33%" "$FIG"
fig months_held; expect_eq "cell-months held (10+9+6 of 30)" "25|30|83.33%" "$FIG"
# Quarters Q1-Q3: A1C 2 of 3, AX 3 of 3, B1C 0 of 3.
fig every_quarter; expect_eq "cells with a thematic meeting every quarter" "1|3|33.33%" "$FIG"
fig quarters_thematic; expect_eq "cell-quarters with a thematic meeting (2+3+0 of 9)" "5|9|55.56%" "$FIG"
# Held: A1C 10+2, AX 9+3, B1C 7 (the planned and the cancelled are not held).
fig meetings; expect_eq "meetings held" "31||" "$FIG"
fig monthly; expect_eq "monthly meetings held" "26||" "$FIG"
fig thematic; expect_eq "thematic meetings held" "5||" "$FIG"
# Expected: A1C 10x2, AX 9, B1C 7 (MEMBER_B2 not counted) = 36; present 16+9+7 = 32.
fig attendance; expect_eq "attendance rate" "32|36|88.89%" "$FIG"
fig excused; expect_eq "excused" "1|36|2.78%" "$FIG"
fig absent; expect_eq "absent without reason" "3|36|8.33%" "$FIG"
fig absentees; expect_eq "members absent 3 times (R-MEETING-ABSENT-MAX 3)" "1||" "$FIG"
expect_out_contains 'R-MEETING-ABSENT-MAX: 3 (2026)'
expect_out_contains 'href="/orgs/ROOT/meetings/figures?from=2026-01-01&amp;to=2026-11-23&amp;show=missed_monthly#behind"'
# A shorter period: the second quarter alone (April to June: 3 months, 1 quarter).
expect_page "/orgs/ROOT/meetings/figures?from=2026-04-01&to=2026-06-30"
fig months_held; expect_eq "Q2: cell-months held (3+3+3)" "9|9|100.00%" "$FIG"
fig quarters_thematic; expect_eq "Q2: thematic (AX only)" "1|3|33.33%" "$FIG"
fig attendance; expect_eq "Q2: attendance (A1C 5 of 6, AX 3, B1C 3)" "11|12|91.67%" "$FIG"
# The drill-down: cells that missed a monthly meeting, with their first missed month.
expect_page "/orgs/ROOT/meetings/figures?from=2026-01-01&to=2026-11-23&show=missed_monthly"
expect_out_contains '<tr data-key="AX">'
expect_out_contains '<tr data-key="B1C">'
expect_out_lacks '<tr data-key="A1C">'
expect_out_contains '2026-10</td>'
expect_out_contains '2026-07</td>'
expect_page "/orgs/ROOT/meetings/figures?from=2026-01-01&to=2026-11-23&show=missed_thematic"
expect_out_contains '<tr data-key="A1C">'
expect_out_contains '2026-Q2</td>'
expect_out_lacks '<tr data-key="AX">'
expect_page "/orgs/ROOT/meetings/figures?from=2026-01-01&to=2026-11-23&show=absentees"
expect_out_contains "<tr data-key=\"$MEMBER_SQL\">"
expect_out_contains '<td class="n">3</td>'
page GET "/orgs/ROOT/meetings/figures?show=napping"
expect_status 400
page GET "/orgs/ROOT/meetings/figures?from=2026-05-01&to=2026-04-01"
expect_status 422
server_stop

# ---------------------------------------------------------------------------------------------
tcase "scoped: a clerk of A sees A1C and AX only; B's clerk does not see A" "$MF"
server_start
login aclerk
expect_page "/orgs/A/meetings/figures?from=2026-01-01&to=2026-11-23"
fig every_month; expect_eq "A: every month (A1C)" "1|2|50.00%" "$FIG"
fig months_held; expect_eq "A: months (10+9)" "19|20|95.00%" "$FIG"
fig absentees; expect_eq "A: absentees" "1||" "$FIG"
page GET "/orgs/ROOT/meetings/figures"
expect_status 404
login bclerk
page GET "/orgs/A/meetings/figures"
expect_status 404
expect_page "/orgs/B/meetings/figures?from=2026-01-01&to=2026-11-23"
fig absentees; expect_eq "B: no absentee" "0||" "$FIG"
fig attendance; expect_eq "B: attendance" "7|7|100.00%" "$FIG"
HTTP_LANG=vi
login bclerk
expect_page "/orgs/B/meetings/figures?from=2026-01-01&to=2026-11-23"
expect_out_contains 'Số liệu sinh hoạt'
expect_out_contains 'Chi bộ sinh hoạt thường kỳ đủ các tháng (R-MEETING-MONTHLY)'
HTTP_LANG=en
server_stop

# ---------------------------------------------------------------------------------------------
tcase "the worklist: cells that missed last month's and last quarter's meetings, absentees" "$MF"
DB=$MF
cadre --json worklist
expect_json "[(i['id'], i['count']) for i in d['items'] if i['id'].startswith('meet_')] == [('meet_monthly_missed', 2), ('meet_thematic_missed', 1), ('meet_absentees', 1)]"
expect_json "[i['link'] for i in d['items'] if i['id'] == 'meet_monthly_missed'] == ['/orgs/ROOT/meetings/figures?from=2026-10-01&to=2026-10-31&show=missed_monthly']"
cadre --json worklist --org A
expect_json "[(i['id'], i['count']) for i in d['items'] if i['id'].startswith('meet_')] == [('meet_monthly_missed', 1), ('meet_thematic_missed', 0), ('meet_absentees', 1)]"
cadre --json worklist --org B1C
expect_json "[(i['id'], i['count']) for i in d['items'] if i['id'].startswith('meet_')] == [('meet_monthly_missed', 1), ('meet_thematic_missed', 1), ('meet_absentees', 0)]"
server_start
login aclerk
expect_page "/"
expect_out_contains "Cells without last month&#39;s monthly meeting"
server_stop

# ---------------------------------------------------------------------------------------------
tcase "cadre meeting figures: the same numbers, --json and --show" "$MF"
DB=$MF
cadre --json meeting figures --from 2026-01-01 --to 2026-11-23
expect_json "(d['cells'], d['cells_every_month'], d['cell_months'], d['cell_months_held'], d['cell_quarters'], d['cell_quarters_thematic'], d['meetings'], d['present'], d['expected'], d['absentees'], d['absent_max']) == (3, 1, 30, 25, 9, 5, 31, 32, 36, 1, 3)"
cadre --json meeting figures --org A --from 2026-01-01 --to 2026-11-23 --show missed_monthly
expect_json "[(x['org'], x['months_held'], x['months'], x['first_missed_month']) for x in d['behind']] == [('AX', 9, 10, '2026-10')]"
cadre --json meeting figures --show absentees
expect_json "[(x['member_id'], x['times']) for x in d['behind']] == [($MEMBER_SQL, 3)]"
cadre meeting figures --org B --from 2026-04-01 --to 2026-06-30
expect_out_contains "cell-months with the monthly meeting held: 3 of 3"
expect_refused 2 "--show must be one of" meeting figures --show napping
expect_refused 4 "C99" meeting figures --org C99

# ---------------------------------------------------------------------------------------------
tcase "emulation: a rating the records contradict is refused (R-EMULATION-COUNTED)" "$MF"
DB=$MF
# A1C missed the thematic meeting of Q2: "good in meetings" cannot be ticked.
expect_refused 5 "the monthly meeting held in 10 of 10 months, a thematic meeting in 2 of 3 quarters" emulation rate A1C --model chi-bo-4-tot --year 2026 --met 1,1,1,1
expect_err_contains "R-EMULATION-COUNTED"
expect_exit 0 emulation rate A1C --model chi-bo-4-tot --year 2026 --met 1,1,1,0
# No meeting of 2025 recorded: the meeting criteria are not counted.
expect_exit 0 emulation rate A1C --model chi-bo-4-tot --year 2025 --met 1,1,1,1
# AX held every thematic meeting and 9 of 10 monthly ones.
expect_refused 5 "in 9 of 10 months" emulation rate AX --model chi-bo-4-tot --year 2026 --met 1,1,1,1
# A member of B1C disciplined in 2026: "no member disciplined" cannot be ticked.
expect_exit 0 discipline add --member "$MEMBER_B" --form reprimand --body B1 --reason "vi phạm" --date 2026-03-01 --act-date 2026-02-01
expect_refused 5 "1 disciplinary decision(s) on members of B1C are recorded in 2026" emulation rate B1C --model 4-tot-3-khong --year 2026 --met 1,1,1,0,1,1,1
expect_exit 0 emulation rate B1C --model 4-tot-3-khong --year 2026 --met 1,1,1,0,0,1,1
server_start
login aclerk
expect_page "/orgs/A1C/emulation?year=2026&model=chi-bo-4-tot"
expect_out_contains 'id="counted-4"'
expect_out_contains 'Counted from the records: not met'
server_stop

done_testing
