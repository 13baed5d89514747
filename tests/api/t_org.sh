#!/bin/bash
# The organisation endpoints: the tree, one organisation, its members a page at a time, its
# history and lineage; establishing, editing and each restructuring, with their errors.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
# More members in A1C, for pages and Vietnamese order.
DB=$FX
for n in "Lê Văn Bảo" "Phạm Thị Ánh" "Vũ Đức Anh" "Đỗ Minh Ân" "Hoàng Văn Ba"; do madd A1C "$n"; done
DB=$WORK/none.db

tcase "GET /orgs: the tree of the caller's scope, root, depth and as_of" "$FX"
server_start
TOKEN=$TOKEN_admin
api GET /api/v1/orgs
expect_status 200
expect_eq "content type" "application/json" "$CTYPE"
expect_json '[n["code"] for n in d["items"]] == ["ROOT","A","A1","A1C","B","B1","B1C"]'
expect_json 'd["items"][0]["members"] == 7 and d["items"][0]["orgs"] == 7 and d["items"][0]["depth"] == 0'
api GET "/api/v1/orgs?root=A&depth=1"
expect_status 200
expect_json '[(n["code"], n["depth"]) for n in d["items"]] == [("A",0),("A1",1)]'
expect_json 'd["items"][0]["members"] == 6 and d["items"][0]["official"] == 6'
api GET "/api/v1/orgs?depth=-2"
expect_problem 400 depth
api GET "/api/v1/orgs?as_of=2020-02-30"
expect_problem 400 as_of
api GET "/api/v1/orgs?root=NOPE"
expect_problem 404 org
# Before anything existed: a clear 404, not a crash (an empty list was once sorted).
api GET "/api/v1/orgs?as_of=1999-06-01"
expect_problem 404 org
expect_json '"did not exist on 1999-06-01" in d["detail"]'
api GET "/api/v1/orgs/A/members?as_of=2000-02-01"
expect_status 200
expect_json 'd["items"] == []'
TOKEN=$TOKEN_aview
api GET /api/v1/orgs
expect_json '[n["code"] for n in d["items"]] == ["A","A1","A1C"]'
server_stop

tcase "GET /orgs/{code}: counts, children, lineage; as_of; 404 with a problem" "$FX"
server_start
TOKEN=$TOKEN_aclerk
api GET /api/v1/orgs/A1
expect_status 200
expect_json 'd["code"] == "A1" and d["kind"] == "grassroots" and d["parent_code"] == "A"'
expect_json 'd["counts"]["official"] == 6 and d["counts"]["probationary"] == 0 and d["counts"]["hosted"] == 0'
expect_json '[c["code"] for c in d["children"]] == ["A1C"] and d["children"][0]["members"] == 6'
expect_json 'd["subtree"]["members"] == 6 and d["predecessors"] == [] and d["successors"] == [] and d["as_of"] is None'
api GET "/api/v1/orgs/A1?as_of=2015-03-10"
expect_status 200
expect_json 'd["counts"] is None and d["as_of"] == "2015-03-10" and d["subtree"]["probationary"] == 6 and d["subtree"]["official"] == 0'
api GET "/api/v1/orgs/A1?as_of=yesterday"
expect_problem 400 as_of
api GET /api/v1/orgs/NOPE
expect_problem 404 org
expect_json 'd["type"] == "/api/v1/problems/not-found" and d["title"] == "Not found" and d["instance"] == "/api/v1/orgs/NOPE"'
api DELETE /api/v1/orgs/A1
expect_problem 405
server_stop

tcase "GET /orgs/{code}/members: Vietnamese order, pages with next, limits" "$FX"
server_start
TOKEN=$TOKEN_aview
api GET /api/v1/orgs/A/members
expect_status 200
# Vietnamese order: by given name, letters a < ă < â before tones (An, Anh, Ánh, Ân, Ba, Bảo).
expect_json '[m["full_name"] for m in d["items"]] == ["Nguyễn Văn An","Vũ Đức Anh","Phạm Thị Ánh","Đỗ Minh Ân","Hoàng Văn Ba","Lê Văn Bảo"]' \
	"members in Vietnamese name order"
expect_json 'd["offset"] == 0 and d["limit"] == 50 and d["next"] is None'
expect_json 'set(d["items"][0]) >= {"id","full_name","family_name","middle_name","given_name","org_code","status","birth_date","hometown","admission_decision_date","official_date","on_roll_since"}' \
	"a member carries the CLI's fields"
api GET "/api/v1/orgs/A/members?limit=4"
expect_json '[m["given_name"] for m in d["items"]] == ["An","Anh","Ánh","Ân"] and d["next"] == "/api/v1/orgs/A/members?limit=4&offset=4"'
api GET "/api/v1/orgs/A/members?offset=4&limit=4"
expect_json '[m["given_name"] for m in d["items"]] == ["Ba","Bảo"] and d["next"] is None and d["offset"] == 4'
api GET "/api/v1/orgs/A/members?limit=2&as_of=2020-01-01"
expect_json 'd["next"] == "/api/v1/orgs/A/members?limit=2&as_of=2020-01-01&offset=2"'
api GET "/api/v1/orgs/A/members?as_of=2015-03-10"
expect_json 'len(d["items"]) == 6 and all(m["status"] == "probationary" for m in d["items"])' "the status then"
api GET "/api/v1/orgs/A/members?limit=501"
expect_problem 400 limit
api GET "/api/v1/orgs/A/members?limit=0&offset=x"
expect_problem 400 limit offset
api GET "/api/v1/orgs/B/members"
expect_problem 404
server_stop

tcase "POST /orgs establishes (201, Location); every invalid field at once; rule conflicts" "$FX"
server_start
TOKEN=$TOKEN_aclerk
japi POST /api/v1/orgs '{"code":"A1D","parent_code":"A1","name":"Chi bộ Đại đội A1D","kind":"cell","standing_board":true,"militia":12,"established":"2010-05-01"}'
expect_status 201
expect_header '^Location: /api/v1/orgs/A1D'
expect_json 'd["code"] == "A1D" and d["parent_code"] == "A1" and d["standing_board"] is True and d["militia"] == 12 and d["established"] == "2010-05-01"'
api GET /api/v1/orgs/A1D
expect_status 200
japi POST /api/v1/orgs '{"code":"A1D","parent_code":"A1","name":"x","kind":"cell"}'
expect_problem 409 code
japi POST /api/v1/orgs '{"code":"X","parent_code":"A1","kind":"regiment","militia":-3,"standing_board":"yes","colour":"red"}'
expect_problem 422 name militia standing_board colour
expect_json 'd["detail"] == "4 problems; each is listed in errors" and len(d["errors"]) == 4'
japi POST /api/v1/orgs '{"code":"X","parent_code":"A1","name":"x","kind":"regiment"}'
expect_problem 422 kind
japi POST /api/v1/orgs '{"code":"A1E","parent_code":"A1C","name":"x","kind":"cell"}'
expect_problem 409 parent_code
japi POST /api/v1/orgs '{"code":"A1E","parent_code":"NOPE","name":"x","kind":"cell"}'
expect_problem 404 parent_code
japi POST /api/v1/orgs '{"code":"A1E","parent_code":"A1","name":"x","kind":"cell","established":"2999-01-01"}'
expect_problem 422 established
japi POST /api/v1/orgs '{"code":"A1E","parent_code":"A1","name":"x","kind":"cell","established":"2030-01-01"}'
expect_problem 409 established
expect_json 'd["errors"][0]["rule"] == "R-MEMBER-DATES"'
server_stop

tcase "PATCH /orgs/{code}: attributes change, null clears, errors" "$FX"
server_start
TOKEN=$TOKEN_aclerk
japi PATCH /api/v1/orgs/A1 '{"grassroots_type":"combat","local_committee":"Huyện ủy Đồng Văn","militia":40}'
expect_status 200
expect_json 'd["grassroots_type"] == "combat" and d["local_committee"] == "Huyện ủy Đồng Văn" and d["militia"] == 40'
japi PATCH /api/v1/orgs/A1 '{"local_committee":null,"militia":null}'
expect_status 200
expect_json 'd["grassroots_type"] == "combat" and d["local_committee"] is None and d["militia"] is None'
japi PATCH /api/v1/orgs/A1 '{"grassroots_type":"navy"}'
expect_problem 422 grassroots_type
japi PATCH /api/v1/orgs/A1 '{"name":"renamed"}'
expect_problem 422 name
japi PATCH /api/v1/orgs/NOPE '{"militia":1}'
expect_problem 404
server_stop

tcase "rename, move, history and lineage" "$FX"
server_start
TOKEN=$TOKEN_admin
japi POST /api/v1/orgs/A1C/rename '{"name":"Chi bộ Đại đội 1","date":"2020-01-01"}'
expect_status 200
expect_json 'd["code"] == "A1C" and d["name"] == "Chi bộ Đại đội 1"'
japi POST /api/v1/orgs/A1C/rename '{}'
expect_problem 422 name
japi POST /api/v1/orgs/A1C/move '{"to":"B1","date":"2021-01-01"}'
expect_status 200
expect_json 'd["parent_code"] == "B1"'
japi POST /api/v1/orgs/A1C/move '{"to":"A1C"}'
expect_problem 409
japi POST /api/v1/orgs/A1C/move '{"to":"NOPE"}'
expect_problem 404
api GET /api/v1/orgs/A1C/history
expect_status 200
expect_json '[e["kind"] for e in d["items"]] == ["establish","rename","move"] and d["items"][2]["other"] == "B1"' "the events in order"
expect_json 'd["items"][1]["date"] == "2020-01-01" and d["items"][1]["actor"] == "admin"'
api GET /api/v1/orgs/NOPE/history
expect_problem 404
server_stop

tcase "merge, split and dissolve, with their rule conflicts" "$FX"
DB=$WORK/case$T_CASES.db
cadre org add A1D --parent A1 --name "Chi bộ A1D" --kind cell --date 2005-01-01
cadre org add A1E --parent A1 --name "Chi bộ A1E" --kind cell --date 2005-01-01
server_start
TOKEN=$TOKEN_aclerk
japi POST /api/v1/orgs/A1C/dissolve '{}'
expect_problem 409
expect_json 'any(e.get("rule") == "R-ORG-DISSOLVE-EMPTY" or "member" in e["detail"] for e in d["errors"])'
japi POST /api/v1/orgs/A1C/merge '{"into":"A1D","date":"2022-02-01"}'
expect_status 200
expect_json 'd["code"] == "A1C" and d["dissolved"] == "2022-02-01"'
api GET /api/v1/orgs/A1C/lineage
expect_json 'd["successors"] == ["A1D"] and d["predecessors"] == []'
api GET /api/v1/orgs/A1D/lineage
expect_json 'd["predecessors"] == ["A1C"]'
api GET /api/v1/orgs/A1D
expect_json 'd["counts"]["official"] == 6 and d["predecessors"] == ["A1C"]'
japi POST /api/v1/orgs/A1C/merge '{"into":"A1D"}'
expect_problem 409
japi POST /api/v1/orgs/A1E/merge '{"into":"A1D","also":["A1C", 7]}'
expect_problem 422 also
api GET "/api/v1/orgs/A1D/members?limit=2"
json_val '[m["id"] for m in d["items"]]'
ids=$JV
api GET "/api/v1/orgs/A1D/members"
json_val '",".join("{\"member_id\":%d,\"org_code\":\"%s\"}" % (m["id"], "A1E" if i % 2 else "A1D") for i, m in enumerate(d["items"]))'
assign=$JV
japi POST /api/v1/orgs/A1D/split '{"assign":[{"member_id":1,"org_code":"A1E"}]}'
expect_problem 422 member_id
japi POST /api/v1/orgs/A1D/split '{"assign":[{"member_id":"one"}]}'
expect_problem 422 assign
expect_json 'd["errors"][0]["line"] == 1'
japi POST /api/v1/orgs/A1D/split "{\"assign\":[$assign],\"keep_source\":true,\"date\":\"2023-01-01\"}"
expect_status 200
expect_json 'd["code"] == "A1D" and d["dissolved"] is None'
api GET /api/v1/orgs/A1E
expect_json 'd["counts"]["official"] == 3 and d["predecessors"] == ["A1D"]'
japi POST /api/v1/orgs/A1E/dissolve '{"members_to":"A1D","date":"2024-01-01"}'
expect_status 200
expect_json 'd["dissolved"] == "2024-01-01"'
api GET /api/v1/orgs/A1D
expect_json 'd["counts"]["official"] == 6'
server_stop

done_testing
