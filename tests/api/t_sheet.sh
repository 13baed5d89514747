#!/bin/bash
# t_sheet.sh - the assessment and sheet endpoints (docs/cadres.md "The cadre's sheet and
# assessment"): an assessment added with every problem answered at once, a second of the same
# year becoming the current revision, the list, the sheet with its parts and as_of, and the
# audit entries (assessment.add with the replaced revision, cadre.sheet for every opening).
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
tcase "assessments and the sheet through the API" "$FX"
cadre position add --org A --kind commander --on 2015-01-01
cadre appoint "$MEMBER_A" A:commander --decision 1/QĐ --decided-on 2020-01-01 --body ROOT --on 2020-01-15 --acting
cadre training add --member "$MEMBER_A" --course "Cao cấp lý luận chính trị" --school "Học viện Chính trị" --kind long_term --from 2024-09-01 --to 2025-06-30
server_start
TOKEN=$TOKEN_admin
japi POST "/api/v1/members/$MEMBER_A/assessments" '{"year":2099,"self_text":"","health":7,"position_id":999}'
expect_problem 422 year self_text health
japi POST "/api/v1/members/$MEMBER_A/assessments" '{"year":2025,"self_text":"X","position_id":999}'
expect_problem 422 position
japi POST "/api/v1/members/$MEMBER_A/assessments" '{"year":2025,"self_text":"X","extra":1}'
expect_problem 422 extra
japi POST "/api/v1/members/$MEMBER_A/assessments" '{"year":"2025","self_text":"X"}'
expect_problem 422 year
japi POST /api/v1/members/999999/assessments '{"year":2025,"self_text":"X"}'
expect_status 404
japi POST "/api/v1/members/$MEMBER_A/assessments" '{"year":2025,"self_text":"Hoàn thành  tốt","health":2,"strengths":"Sâu sát"}'
expect_status 201
expect_header "^Location: /api/v1/members/$MEMBER_A/assessments"
expect_json 'd["revision"] == 0 and d["current"] and d["health"] == 2 and d["self_text"] == "Hoàn thành tốt" and d["position"] == "A:commander"' "recorded, normalised, the post held"
japi POST "/api/v1/members/$MEMBER_A/assessments" '{"year":2025,"self_text":"Bản sửa","health":1}'
expect_status 201
expect_json 'd["revision"] == 1' "a second revision"
api GET "/api/v1/audit?action=assessment.add"
expect_json 'd["items"][0]["before"]["self_text"] == "Hoàn thành tốt" and d["items"][0]["after"]["self_text"] == "Bản sửa" and d["items"][0]["subject"] == "member:'"$MEMBER_A"'"' "the replaced revision in the audit log"
api GET "/api/v1/members/$MEMBER_A/assessments"
expect_json '[(x["year"], x["revision"]) for x in d["items"]] == [(2025, 1)]' "the current one"
api GET "/api/v1/members/$MEMBER_A/assessments?all=1"
expect_json '[x["revision"] for x in d["items"]] == [1, 0]' "every revision"
api GET "/api/v1/members/$MEMBER_A/cadre-sheet"
expect_status 200
expect_json 'd["member"]["id"] == '"$MEMBER_A"' and [(p["org"], p["kind"], p["acting"], p["to"]) for p in d["positions"]] == [("A", "commander", True, None)]' "the acting post"
expect_json '[t["course"] for t in d["training"]] == ["Cao cấp lý luận chính trị"] and d["health"] == 1 and d["years"][-1]["year"] == 2025 and d["years"][-1]["assessment"]["revision"] == 1' "training, the years, health"
api GET "/api/v1/audit?action=cadre.sheet"
expect_json 'd["items"][0]["subject"] == "member:'"$MEMBER_A"'" and d["items"][0]["actor"] == "admin"' "the opening audited"
api GET "/api/v1/members/$MEMBER_A/cadre-sheet?as_of=2020-01-01"
expect_json 'd["positions"] == [] and d["training"] == [] and d["as_of"] == "2020-01-01"' "as of a date before it all"
api GET "/api/v1/members/$MEMBER_A/cadre-sheet?as_of=2020-13-01"
expect_problem 400 as_of
api GET "/api/v1/members/$MEMBER_A/cadre-sheet?foo=1"
expect_status 400
server_stop
done_testing
