#!/bin/bash
# The audit log's admission entries on the page: each action in words (Vietnamese too), the
# subject "admission:ID" named by the candidate and linked to the case's record within the
# reader's subtree, the raw reference outside it.
. "$(dirname "$0")/lib_web.sh"

FX=$WORK/fx.db
web_fixture "$FX"

tcase "admission entries in words; the case named by its candidate within the subtree only" "$FX"
cadre --json admission add --org A1C --name "Hà Văn Ứng" --sex male --birth-date 2001-01-01 \
	--ethnicity Kinh --hometown "Hà Giang" --source soldier --listed-on 2026-02-02
expect_eq "the candidate listed" 0 "$RC"
json_val 'd["id"]'
G=$JV
cadre admission step "$G" class --date 2026-03-02 --course "Lớp 1" --result passed
expect_eq "the class recorded" 0 "$RC"
cadre --json admission add --org B1C --name "Tô Văn Xa" --sex male --birth-date 2001-01-01 \
	--ethnicity Kinh --hometown "Hà Giang" --source other --listed-on 2026-02-02
json_val 'd["id"]'
H=$JV
server_start
login aview
page GET "/audit?subject=admission:$G"
expect_status 200
expect_html_valid
expect_out_contains "<a href=\"/admissions/$G\" title=\"admission:$G\">Hà Văn Ứng</a>"
expect_out_contains "Candidate for admission added"
expect_out_contains "Admission: awareness class recorded"
# The entries' keys and values in words, the step's detail as pairs (not raw JSON).
expect_out_contains "Stage: Awareness class passed"
expect_out_contains "Passed: yes"
expect_out_contains "Details: Course: Lớp 1"
expect_out_contains "Listed on: 2026-02-02"
expect_out_lacks "listed_on"
HTTP_LANG=vi
login aview
page GET "/audit?subject=admission:$G"
expect_out_contains "Thêm quần chúng ưu tú vào danh sách"
expect_out_contains "Kết nạp: ghi kết quả lớp bồi dưỡng nhận thức về Đảng"
expect_out_contains "Giai đoạn: Đã học lớp bồi dưỡng nhận thức về Đảng"
expect_out_contains "Lớp bồi dưỡng: Lớp 1"
HTTP_LANG=en
login admin
page GET "/audit?subject=admission:$H"
expect_out_contains "title=\"admission:$H\">Tô Văn Xa</a>"
server_stop
# A reader of A who sees an entry about a case now kept outside A: the raw reference.
cadre admission step "$G" transfer --date 2026-03-03 --body B1C --reason "điều động"
expect_eq "the case moved to B1C" 0 "$RC"
server_start
login aview
page GET "/audit?subject=admission:$G"
expect_status 200
expect_out_lacks "href=\"/admissions/$G\""
expect_out_lacks ">Hà Văn Ứng</a>"
expect_out_contains "<td>admission:$G</td>"
server_stop

done_testing
