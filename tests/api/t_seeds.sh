#!/bin/bash
# The seeds' figures through the API and its CSV export: a committee of 40 grassroots cells
# and 1,000 members loaded from CSV like any office's files, graded for 2025 by
# `cadre import reviews` and `import org-reviews`, gives exactly seed 002's 22.7% (militia)
# and 10.65% (reserve) and seed 004's 92.5% / 17.5% (grassroots organisations good or better,
# excellent) and 91.6% / 18.3% (members). The same figures as tests/unit/test_review.c's
# fixture, built here from files instead of through the app layer.
. "$(dirname "$0")/lib_api.sh"

DB=$WORK/seeds.db
cadre init
python3 - "$WORK" <<'PY'
import sys
w = sys.argv[1]
with open(w + "/orgs.csv", "w") as f:
    f.write("code,parent_code,name,kind,established,militia,reserve\n")
    f.write("ROOT,,Đảng bộ Quân đội,committee,2000-01-01,,\n")
    f.write("QK,ROOT,Đảng bộ Quân khu,committee,2000-01-01,,\n")
    f.write("P,QK,Đảng bộ Bộ CHQS tỉnh,committee,2000-01-01,,\n")
    for c in range(40):
        f.write("C%02d,P,Chi bộ %02d,cell,2000-01-01,%d,%d\n"
                % (c + 1, c + 1, 773 if c == 0 else 0, 1787 if c == 0 else 0))
given = ["Hùng", "Hưng", "Đức", "Lan", "Mai", "Minh", "Hoa"]
grades = []
with open(w + "/members.csv", "w") as f:
    f.write("id,org_code,full_name,sex,birth_date,ethnicity,hometown,category,"
            "admission_decision_date,admission_ceremony_date,official_date,status\n")
    for c in range(40):
        for i in range(25):
            k = c * 25 + i
            cat = "militia" if k < 227 else "reserve" if k < 440 else "soldier"
            f.write("%d,C%02d,Nguyễn Văn %s %d,male,19%02d-03-01,Kinh,Hà Giang,%s,"
                    "2010-05-01,2010-05-11,2011-05-11,official\n"
                    % (k + 1, c + 1, given[k % 7], k, 70 + k % 30, cat))
            if c < 23:
                g = "excellent" if i < 5 else "good"
            elif c < 39:
                g = "excellent" if i < 4 else "good" if i < 20 else "complete"
            else:
                g = "excellent" if i < 4 else "good" if i < 21 else "complete"
            grades.append((k + 1, g))
with open(w + "/reviews.csv", "w") as f:
    f.write("member_id,year,grade,date\n")
    for m, g in grades:
        f.write("%d,2025,%s,2025-12-20\n" % (m, g))
with open(w + "/org_reviews.csv", "w") as f:
    f.write("org_code,year,grade,date\n")
    for c in range(40):
        g = "excellent" if c < 7 else "good" if c < 37 else "complete"
        f.write("C%02d,2025,%s,2025-12-28\n" % (c + 1, g))
PY
cadre import orgs "$WORK/orgs.csv"
[ "$RC" = 0 ] || fail "fixture: import orgs" "exit 0" "exit $RC: $ERR"
cadre import members "$WORK/members.csv"
[ "$RC" = 0 ] || fail "fixture: import members" "exit 0" "exit $RC: $ERR"
cadre import reviews "$WORK/reviews.csv"
[ "$RC" = 0 ] || fail "fixture: import reviews" "exit 0" "exit $RC: $ERR"
cadre import org-reviews "$WORK/org_reviews.csv"
[ "$RC" = 0 ] || fail "fixture: import org-reviews" "exit 0" "exit $RC: $ERR"
printf '%s\n' "$PW" >"$WORK/.pw"
STDIN=$WORK/.pw cadre user add seeds --role viewer --org P
cadre --json token add seeds --label test
json_val 'd["token"]'
TOKEN=$JV

# pct TABLE KEY COUNT BASE PERCENT: the row's count, base and percent in the last report.
pct() {
	expect_json "[(r['count']['count'], r['count']['base'], r['count']['percent']) for r in d['tables']['$1']['rows'] if r['key'] == '$2'] == [($3, $4, $5)]" "$1 $2 = $3 of $4, $5%"
}

tcase "seed 002 and seed 004 figures in the report's JSON" "$DB"
server_start
api GET "/api/v1/orgs/P/report?year=2025"
expect_status 200
pct leadership_ratio militia 227 1000 22.7
pct leadership_ratio reserve 213 2000 10.65
pct grassroots_reviews good_or_better 37 40 92.5
pct grassroots_reviews excellent 7 40 17.5
pct member_reviews good_or_better 916 1000 91.6
pct member_reviews excellent 183 1000 18.3
server_stop

tcase "the same figures in the CSV export" "$DB"
server_start
api GET "/api/v1/orgs/P/report?year=2025&format=csv"
expect_status 200
for line in "leadership_ratio,militia,militia,count,227,1000,22.70" \
	"leadership_ratio,reserve,reserve,count,213,2000,10.65" \
	"grassroots_reviews,good_or_better,good or better,count,37,40,92.50" \
	"grassroots_reviews,excellent,excellent,count,7,40,17.50" \
	"member_reviews,good_or_better,good or better,count,916,1000,91.60" \
	"member_reviews,excellent,excellent,count,183,1000,18.30"; do
	expect_true "the CSV holds $line" grep -qxF "$line" "$OUTF"
done
server_stop

done_testing
