#!/bin/bash
# t_adm_fixes.sh - issue 11's fixes through the API: an official date later than the end of
# probation is corrected to it (R-PROBATION-MONTHS) with a warning on POST and PATCH
# /members; the admission age is counted in months (R-ADMIT-AGE-MAX-MONTHS).
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"

tcase "POST and PATCH /members: the official date is the end of probation" "$FX"
server_start
TOKEN=$TOKEN_aclerk
japi POST /api/v1/members '{"org_code":"A1C","full_name":"Muộn Thị Chính","sex":"female","birth_date":"1992-05-06","ethnicity":"Tày","hometown":"Cao Bằng","admission_decision_date":"2023-01-05","admission_ceremony_date":"2023-01-20","official_date":"2024-03-01"}'
expect_status 201
json_val 'd["id"]'
NEW=$JV
expect_json 'd["official_date"] == "2024-01-20" and d["status"] == "official"' "official exactly 12 months after the ceremony"
expect_json 'len(d["warnings"]) == 1 and d["warnings"][0]["field"] == "official_date" and d["warnings"][0]["rule"] == "R-PROBATION-MONTHS" and "2024-01-20" in d["warnings"][0]["detail"]'
japi PATCH "/api/v1/members/$NEW" '{"official_date":"2025-01-01"}'
expect_status 200
expect_json 'd["official_date"] == "2024-01-20" and d["warnings"][0]["rule"] == "R-PROBATION-MONTHS"'
japi PATCH "/api/v1/members/$NEW" '{"official_date":"2024-01-20"}'
expect_status 200
expect_json '"warnings" not in d' "on the day: nothing to correct"
japi POST /api/v1/members '{"org_code":"A1C","full_name":"Già Thị Tháng","sex":"female","birth_date":"1963-07-16","ethnicity":"Tày","hometown":"Cao Bằng","admission_decision_date":"2024-06-15","admission_ceremony_date":"2024-06-20"}'
expect_problem 409 admission_decision_date
expect_json 'any(i.get("rule") == "R-ADMIT-AGE-MAX-MONTHS" for i in d["errors"])'
server_stop

done_testing
