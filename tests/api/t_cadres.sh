#!/bin/bash
# t_cadres.sh - key cadres through the API (docs/cadres.md): positions of an organisation,
# appointments, dismissals, transfers and rotations with their decisions (R-POS-DECIDER-LEVEL
# refused with its ID), the flags, the rotations of a year, committees per term with their
# members (all or nothing, every problem named), and the vacancy report (JSON and CSV, as of
# a date), with the problems' statuses.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"

# ROOT(0) > A(1) > A1(2) > A1C(3); ROOT > B > B1 > B1C
tcase "positions, events, flags, committees and the vacancy report" "$FX"
server_start
TOKEN=$TOKEN_admin
api GET /api/v1/position-kinds
expect_status 200
expect_json 'd["total"] == 11 and [k["code"] for k in d["items"]][:2] == ["secretary", "deputy_secretary"]'
japi POST /api/v1/orgs/A1/positions '{"kind":"commander","on":"2020-01-01"}'
expect_status 201
expect_json 'd["kind"] == "commander" and d["key"] is True and d["history"] == []'
json_val 'd["id"]'
P_CMD=$JV
expect_header Location "/api/v1/positions/$P_CMD"
japi POST /api/v1/orgs/A1/positions '{"kind":"commissar","on":"2020-01-01"}'
json_val 'd["id"]'
P_COM=$JV
japi POST /api/v1/orgs/B1/positions '{"kind":"commander","on":"2020-01-01"}'
json_val 'd["id"]'
P_BCMD=$JV
japi POST /api/v1/orgs/A1/positions '{"kind":"general"}'
expect_problem 422 kind
japi POST /api/v1/orgs/A1/positions '{"kind":"commander","colour":"red"}'
expect_problem 422 colour
# R-POS-DECIDER-LEVEL: A (one level up) may not decide A1's commander; ROOT may
japi POST "/api/v1/positions/$P_CMD/appointments" '{"member_id":'"$MEMBER_A"',"decision":"12/QĐ-BTL","decided_on":"2024-01-10","body":"A","on":"2024-02-01"}'
expect_problem 409 body
expect_json 'd["errors"][0]["rule"] == "R-POS-DECIDER-LEVEL"'
japi POST "/api/v1/positions/$P_CMD/appointments" '{"member_id":'"$MEMBER_A"',"decision":"12/QĐ-BTL","decided_on":"2024-01-10","body":"ROOT","on":"2024-02-01"}'
expect_status 201
expect_json 'd["member_id"] == '"$MEMBER_A"' and d["from"] == "2024-02-01" and d["body"] == "ROOT" and d["decision"] == "12/QĐ-BTL"'
japi POST "/api/v1/positions/$P_CMD/appointments" '{"member_id":'"$MEMBER_B"',"decision":"13/QĐ-BTL","decided_on":"2024-01-10","body":"ROOT","on":"2024-03-01"}'
expect_problem 409 position
api GET "/api/v1/positions/$P_CMD?as_of=2024-01-31"
expect_status 200
expect_json 'd["holders"] == []'
api GET "/api/v1/orgs/A1/positions?as_of=2024-02-01"
expect_status 200
expect_json '[(p["kind"], [h["member_id"] for h in p["holders"]]) for p in d["items"]] == [("commander", ['"$MEMBER_A"']), ("commissar", [])]'
# the flag on B1 from 2025-01-01; a rotation of A's commander to B1 on 2025-06-01 is to a border area
japi POST /api/v1/orgs/B1/flags '{"flag":"border","on":"2025-01-01","decision":"45/QĐ-TTg"}'
expect_status 200
expect_json '[(f["flag"], f["from"], f["to"]) for f in d["items"]] == [("border", "2025-01-01", None)]'
japi POST /api/v1/orgs/B1/flags '{"flag":"border","on":"2025-02-01"}'
expect_problem 409 flag
japi POST "/api/v1/positions/$P_CMD/transfers" '{"member_id":'"$MEMBER_A"',"to":'"$P_BCMD"',"rotate":true,"decision":"30/QĐ-BTL","decided_on":"2025-05-20","body":"ROOT","on":"2025-06-01"}'
expect_status 201
expect_json 'd["how"] == "rotate" and d["org"] == "B1" and d["to_border"] is True and d["previous"] is not None'
api GET "/api/v1/orgs/ROOT/rotations?year=2025"
expect_status 200
expect_json 'd["rotations"] == 1 and d["to_border"] == 1 and d["items"][0]["member_id"] == '"$MEMBER_A"
api GET "/api/v1/orgs/A/rotations?year=2025"
expect_json 'd["rotations"] == 0' "counted where the new post is"
api GET "/api/v1/positions/$P_CMD"
expect_json 'd["history"][0]["end"]["how"] == "rotate" and d["history"][0]["to"] == "2025-06-01"'
japi POST "/api/v1/positions/$P_BCMD/dismissals" '{"member_id":'"$MEMBER_A"',"decision":"40/QĐ-BTL","decided_on":"2026-01-10","body":"ROOT","on":"2026-02-01"}'
expect_problem 422 reason
japi POST "/api/v1/positions/$P_BCMD/dismissals" '{"member_id":'"$MEMBER_A"',"decision":"40/QĐ-BTL","decided_on":"2026-01-10","body":"ROOT","on":"2026-02-01","reason":"nghỉ hưu"}'
expect_status 200
expect_json 'd["history"][0]["end"]["reason"] == "nghỉ hưu"'
# committees
japi POST /api/v1/orgs/A1/committees '{"term_start":"2025-10-01","seats":3,"standing_seats":1,"decision":"101-QĐ/ĐU","body":"A"}'
expect_status 201
expect_json 'd["term_end"] == "2030-10-01" and d["seated"] == 0 and d["vacant"] == 3'
json_val 'd["id"]'
CM=$JV
japi POST /api/v1/orgs/A1/committees '{"term_start":"2026-01-01","seats":3}'
expect_problem 409 term_start
japi POST "/api/v1/committees/$CM/members" '{"seats":[{"member_id":'"$MEMBER_B"',"role":"member"},{"member_id":999999,"role":"chief"}]}'
expect_status 409
expect_json 'len(d["errors"]) == 2 and "not on the rolls of A1" in d["errors"][0]["detail"]' "every problem named at once"
japi POST "/api/v1/committees/$CM/members" '{"seats":[{"member_id":'"$MEMBER_A"',"role":"secretary"}]}'
expect_status 200
expect_json 'd["seated"] == 1 and d["members"][0]["role"] == "secretary" and d["members"][0]["how"] == "election"'
api GET "/api/v1/orgs/A1/committees"
expect_json '[c["id"] for c in d["items"]] == ['"$CM"']'
# the vacancy report: B1 (border) first
api GET "/api/v1/orgs/ROOT/vacancies"
expect_status 200
expect_json '[(v["org"], v["what"], v["kind"], v["state"]) for v in d["items"]] == [("B1", "position", "commander", "vacant"), ("A1", "position", "commissar", "vacant"), ("A1", "position", "commander", "vacant"), ("A1", "committee", "", "understaffed")]' "priority, then the longest vacant"
expect_json 'd["items"][0]["since"] == "2026-02-01" and d["items"][0]["border"] is True and d["items"][3]["filled"] == 1 and d["items"][3]["seats"] == 3'
api GET "/api/v1/orgs/ROOT/vacancies?as_of=2024-06-01"
expect_json '[(v["org"], v["kind"]) for v in d["items"]] == [("A1", "commissar"), ("B1", "commander")]'
api GET "/api/v1/orgs/A1/vacancies?format=csv"
expect_status 200
expect_true "the report as CSV" grep -q '^2,A1,' "$OUTF"
api GET "/api/v1/orgs/ROOT/vacancies?color=red"
expect_status 400
api GET "/api/v1/orgs/QQ9/vacancies"
expect_status 404
api GET "/api/v1/audit?limit=1000"
expect_json 'sorted(set(x["action"] for x in d["items"] if x["action"].split(".")[0] in ("cadre", "position", "committee") or x["action"] == "org.flag")) == ["cadre.appoint", "cadre.dismiss", "cadre.rotate", "committee.add", "committee.seat", "org.flag", "position.add"]'
server_stop

done_testing
