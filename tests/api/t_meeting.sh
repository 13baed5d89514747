#!/bin/bash
# The meetings API (docs/meetings.md "API"): a meeting recorded with its attendance and read
# back, the roll of the day, the attendance replaced, resolutions at the quorum's boundary
# (R-MEETING-QUORUM), the length rule (R-MEETING-MINUTES), bad input answered with every
# field's problem and nothing written, cancel, the list as JSON pages, CSV and XLSX, and the
# imports of meetings and attendance (all or nothing).
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
DB=$FX
# A1C: MEMBER_A and three more official members (on the roll from today: the meetings are
# held today).
madd A1C "Lê Thị Cúc"
M2=$MID
madd A1C "Phạm Văn Dũng"
M3=$MID
madd A1C "Hoàng Văn Em"
M4=$MID
DB=$WORK/none.db
[ -n "$M2" ] && [ -n "$M3" ] && [ -n "$M4" ] || fail "fixture: three members" "ids" "$M2 $M3 $M4"
TODAY=$CADRE_TODAY
meeting() { # meeting ENDS [ATTENDANCE]: the JSON of a monthly meeting of A1C today
	printf '{"org":"A1C","date":"%s","kind":"monthly","starts":"07:30","ends":"%s","topic":"Tháng 11","chair_id":%s%s}' \
		"$TODAY" "$1" "$MEMBER_A" "${2:+,\"attendance\":$2}"
}

tcase "a meeting with its attendance; resolutions at half and half + 1" "$FX"
server_start
TOKEN=$TOKEN_aclerk
japi POST /api/v1/meetings "$(meeting 08:59)"
expect_problem 409 ends
expect_json 'any(e.get("rule") == "R-MEETING-MINUTES" for e in d["errors"])'
japi POST /api/v1/meetings '{"org":"A1C","date":"'"$TODAY"'","kind":"weekly","starts":"7h","ends":"09:00","chair_id":999999}'
expect_problem 422 kind starts
ATT='[{"member_id":'"$MEMBER_A"',"status":"present"},{"member_id":'"$M2"',"status":"present"},{"member_id":'"$M3"',"status":"absent"},{"member_id":'"$M4"',"status":"excused","reason":"ốm"}]'
japi POST /api/v1/meetings "$(meeting 09:00 "$ATT")"
expect_status 201
expect_json 'd["quorum_base"] == 3 and d["counts"] == {"present": 2, "excused": 1, "absent": 1, "not_counted": 0} and d["minutes"] == 90 and d["chair"]["id"] == '"$MEMBER_A"
json_val 'd["id"]'
MT=$JV
expect_eq "Location" "/api/v1/meetings/$MT" "$(grep -i '^location:' "$WORK/.hdr" 2>/dev/null | tr -d '\r' | cut -d' ' -f2)"
japi POST "/api/v1/meetings/$MT/resolutions" '{"text":"Nghị quyết","for":2,"against":0}'
expect_status 201
expect_json 'd["base"] == 3 and d["passed"] is True and d["seq"] == 1' "2 of 3 passes"
japi POST "/api/v1/meetings/$MT/resolutions" '{"text":"Nghị quyết 2","for":3,"against":0}'
expect_problem 422 for
# Member 4 present too: base 4; 2 of 4 (exactly half) fails, 3 of 4 passes.
ATT2=${ATT/\"excused\",\"reason\":\"ốm\"/\"present\"}
japi PUT "/api/v1/meetings/$MT/attendance" '{"attendance":'"$ATT2"'}'
expect_status 200
expect_json 'd["quorum_base"] == 4 and d["resolutions"][0]["base"] == 3'
japi POST "/api/v1/meetings/$MT/resolutions" '{"text":"Nghị quyết 2","for":2,"against":1,"abstain":0}'
expect_json 'd["base"] == 4 and d["passed"] is False and d["seq"] == 2' "2 of 4 fails"
japi POST "/api/v1/meetings/$MT/resolutions" '{"text":"Nghị quyết 3","for":3,"against":0}'
expect_json 'd["base"] == 4 and d["passed"] is True' "3 of 4 passes"
# Every member of the roll must be named.
japi PUT "/api/v1/meetings/$MT/attendance" '{"attendance":[{"member_id":'"$MEMBER_A"',"status":"present"}]}'
expect_problem 422 member_id
expect_json 'sum(1 for e in d["errors"] if "was on the roll that day" in e["detail"]) == 3'
japi PUT "/api/v1/meetings/$MT/attendance" '{"attendance":[{"member_id":'"$MEMBER_B"',"status":"present"}]}'
expect_problem 422
api GET "/api/v1/meetings/$MT"
expect_status 200
expect_json 'd["quorum_base"] == 4 and len(d["resolutions"]) == 3 and len(d["attendance"]) == 4'
api GET "/api/v1/meetings/$MT/roll"
expect_status 200
expect_json 'sorted(a["member_id"] for a in d["attendance"]) == sorted(['"$MEMBER_A,$M2,$M3,$M4"'])'
api GET "/api/v1/meetings?org=A1C"
expect_status 200
expect_json 'd["total"] == 1 and d["items"][0]["id"] == '"$MT"
api GET "/api/v1/meetings?org=A1C&format=csv"
expect_status 200
expect_eq "CSV header" "id,org,date,starts,ends,minutes,kind,state,topic,chair_id,secretary_id,document_id,makeup_of,present,excused,absent,not_counted,quorum_base" "$(head -1 "$OUTF" | tr -d '\r')"
api GET "/api/v1/meetings?format=xlsx"
expect_status 200
api GET "/api/v1/meetings?kind=weekly"
expect_problem 400 kind
japi POST "/api/v1/meetings/$MT/cancel" '{"reason":"nhập nhầm"}'
expect_status 200
expect_json 'd["state"] == "cancelled" and d["cancel_reason"] == "nhập nhầm" and len(d["attendance"]) == 4'
japi POST "/api/v1/meetings/$MT/cancel" '{"reason":"lần nữa"}'
expect_problem 409
server_stop

tcase "imports of meetings and attendance: all or nothing" "$FX"
server_start
TOKEN=$TOKEN_aclerk
printf 'org,date,kind,starts,ends\nA1C,%s,monthly,07:30,09:00\nA1C,%s,thematic,07:30,08:00\n' "$TODAY" "$TODAY" >"$WORK/m.csv"
capi POST /api/v1/import/meetings "$WORK/m.csv"
expect_problem 409
expect_json 'any(e.get("line") == 3 and e.get("rule") == "R-MEETING-MINUTES" for e in d["errors"])'
api GET /api/v1/meetings
expect_json 'd["total"] == 0' "nothing imported"
printf 'org,date,kind,starts,ends\nA1C,%s,monthly,07:30,09:00\n' "$TODAY" >"$WORK/m.csv"
capi POST /api/v1/import/meetings "$WORK/m.csv"
expect_status 200
api GET /api/v1/meetings
json_val 'd["items"][0]["id"]'
MI=$JV
printf 'meeting_id,member_id,status,reason\n' >"$WORK/a.csv"
for m in "$MEMBER_A" "$M2" "$M3" "$M4"; do echo "$MI,$m,present," >>"$WORK/a.csv"; done
capi POST /api/v1/import/attendance "$WORK/a.csv"
expect_status 200
api GET "/api/v1/meetings/$MI"
expect_json 'd["quorum_base"] == 4 and d["counts"]["present"] == 4'
capi POST "/api/v1/import/attendance?skip_bad=1" "$WORK/a.csv"
expect_problem 400
server_stop

done_testing
