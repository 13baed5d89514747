#!/bin/bash
# t_plan.sh - the planning endpoints (docs/cadres.md "Planning"): a period, a plan approved
# and reviewed through the API, successors added (ranked), re-ranked and removed with the
# rules' answers (R-PLAN-PER-POSITION at its boundary, every problem named), a version read
# back, the criteria and a dated row, the targets (one missed), the vacancy report's columns
# and the audit entries.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
tcase "planning through the API" "$FX"
for n in "Lê Văn Cường" "Phạm Thị Dung" "Hoàng Văn Em"; do
	madd A1C "$n" --sex "$([ "$n" = "Phạm Thị Dung" ] && echo female || echo male)"
	M+=("$MID")
done
cadre position add --org A1 --kind commander --on 2020-01-01
cadre position add --org A1 --kind deputy_commander --on 2020-01-01
server_start
TOKEN=$TOKEN_admin
japi POST /api/v1/plan-periods '{"code":"2025-2030","from_year":2025,"to_year":2030}'
expect_status 201
expect_json 'd["code"] == "2025-2030"'
japi POST /api/v1/plan-periods '{"code":"bad code","from_year":2030,"to_year":2025}'
expect_problem 422 code to_year
japi POST /api/v1/orgs/A1/plan/successors '{"position":"A1:commander","member_id":'"$MEMBER_A"',"reason":"r"}'
expect_status 409
expect_json '"approve it first" in d["detail"]'
japi POST /api/v1/orgs/A1/plan/versions '{"decision":"15/QĐ","decided_on":"2025-03-01","body":"A","note":"phê duyệt"}'
expect_status 201
expect_header '^Location: /api/v1/orgs/A1/plan/versions'
expect_json 'd["version"] == 1 and d["year"] == 2025 and d["body"] == "A"'
japi POST /api/v1/orgs/A1/plan/versions '{"review":true}'
expect_problem 400 year
japi POST /api/v1/orgs/A1/plan/successors '{"position":"A1:commander","member_id":'"$MEMBER_A"',"reason":"r","extra":1}'
expect_problem 422 extra
japi POST /api/v1/orgs/A1/plan/successors '{"position":"A1:deputy_commander","member_id":'"$MEMBER_A"',"reason":"r"}'
expect_status 409
expect_json '"not a key position" in d["detail"]'
for m in "$MEMBER_A" "${M[0]}" "${M[1]}"; do
	japi POST /api/v1/orgs/A1/plan/successors '{"position":"A1:commander","member_id":'"$m"',"rank":1,"reason":"đủ điều kiện"}'
	expect_status 201
done
expect_json '[c["member_id"] for p in d["positions"] for c in p["candidates"]] == ['"${M[1]}, ${M[0]}, $MEMBER_A"']' "each at rank 1 moves the others down"
expect_json 'd["positions"][0]["short"] is False and all(not c["ready"] and c["failed"] for c in d["positions"][0]["candidates"])' "judged, with the criteria not met"
japi POST /api/v1/orgs/A1/plan/successors '{"position":"A1:commander","member_id":'"${M[2]}"',"reason":"r"}'
expect_status 409
expect_json '"R-PLAN-PER-POSITION" in d["detail"]'
japi POST /api/v1/orgs/A1/plan/versions '{"review":true,"year":2026,"note":"rà soát"}'
expect_status 201
expect_json 'd["version"] == 2'
japi POST /api/v1/orgs/A1/plan/successors/remove '{"position":"A1:commander","member_id":'"${M[0]}"'}'
expect_problem 422 reason
japi POST /api/v1/orgs/A1/plan/successors/remove '{"position":"A1:commander","member_id":'"${M[0]}"',"reason":"chuyển công tác"}'
expect_status 200
japi POST /api/v1/orgs/A1/plan/successors/rerank '{"position":"A1:commander","member_id":'"$MEMBER_A"',"rank":1}'
expect_status 200
expect_json 'd["version"] == 2 and [(c["member_id"], c["rank"]) for p in d["positions"] for c in p["candidates"]] == [('"$MEMBER_A"', 1), ('"${M[1]}"', 2)]'
expect_json 'd["positions"][0]["short"] is False and d["people"] == 2'
api GET "/api/v1/orgs/A1/plan?version=1"
expect_json '[c["member_id"] for p in d["positions"] for c in p["candidates"]] == ['"${M[1]}, ${M[0]}, $MEMBER_A"']' "version 1 unchanged"
# the plan as a download: a row a planned successor, whether ready, the criteria not met
api GET "/api/v1/orgs/A1/plan?version=1&format=csv"
expect_status 200
expect_header '^Content-Type: text/csv'
expect_true "the plan's CSV header" [ "$(printf '%s' "$OUT" | head -1)" = "org,kind,rank,member_id,full_name,from_version,reason,ready,failed" ]
expect_eq "the plan's CSV: three rows of version 1, ranked" "1 2 3" "$(printf '%s\n' "$OUT" | python3 -c 'import csv,sys; print(" ".join(r["rank"] for r in csv.DictReader(sys.stdin)))')"
api GET "/api/v1/orgs/A1/plan?format=xlsx"
expect_status 200
expect_header '^Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
api GET "/api/v1/orgs/A1/plan?format=pdf"
expect_status 400
api GET "/api/v1/orgs/A1/plan?version=9"
expect_status 404
api GET "/api/v1/orgs/A1/plan?period=1990-1995"
expect_status 404
api GET "/api/v1/orgs/A1/plan?bogus=1"
expect_status 400
# criteria: a dated row switching review_grades off for commanders
japi POST /api/v1/plan-criteria '{"kind":"commander","criterion":"review_grades","value":"x:y"}'
expect_problem 422 value
japi POST /api/v1/plan-criteria '{"kind":"commander","criterion":"review_grades","value":"","from":"2026-01-01","source":"thử"}'
expect_status 201
api GET "/api/v1/plan-criteria?kind=commander"
expect_json '{(r["kind"], r["criterion"]): r["value"] for r in d["items"]}[("commander", "review_grades")] == ""'
api GET "/api/v1/plan-criteria?kind=commander&as_of=2025-12-31"
expect_json '("commander", "review_grades") not in {(r["kind"], r["criterion"]) for r in d["items"]}' "not yet in force then"
# targets
japi POST /api/v1/orgs/A1/plan/targets '{"target":"women","pct_min":60}'
expect_status 200
expect_json '[(t["target"], t["count"], t["pct"], t["missed"]) for t in d["items"]] == [("women", 1, 50, True)] and d["people"] == 2' "50% of women, 60 wanted: missed"
japi POST /api/v1/orgs/A1/plan/targets '{"target":"young","pct_min":10}'
expect_problem 422 age_under
api GET /api/v1/orgs/A1/plan/targets
expect_json 'len(d["items"]) == 1'
# the vacancy report
api GET /api/v1/orgs/A1/vacancies
expect_json '[(v["kind"], v["successors"], v["ready"]) for v in d["items"]] == [("commander", 2, 0)]'
# a page of the report: its rows carry the planning columns (judged for the page's rows)
api GET "/api/v1/orgs/A1/vacancies?offset=0&limit=1"
expect_json 'd["total"] == 1 and [(v["kind"], v["successors"], v["ready"]) for v in d["items"]] == [("commander", 2, 0)]'
api GET "/api/v1/orgs/A1/vacancies?offset=1&limit=1"
expect_json 'd["total"] == 1 and d["items"] == []'
api GET "/api/v1/audit?action=plan.remove"
expect_json 'd["items"][0]["after"]["reason"] == "chuyển công tác" and d["items"][0]["subject"] == "member:'"${M[0]}"'"'
server_stop
done_testing
