#!/bin/bash
# t_access_mfig.sh - the access suite of the meeting figures' endpoints (api_meet_fig.c): for
# every role (aview, aclerk, aadmin on branch A; bclerk on B; the system administrator over
# all; a member's own account of cell A1C), the figures and the lists behind them of an
# organisation outside the caller's subtree answer the very 404 of an organisation that does
# not exist, in JSON and in the downloads; inside the subtree they answer 200 with nothing of
# the other branch. A member's account has no subtree: its own cell is outside it too.
. "$(dirname "$0")/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"
MF=$WORK/mf.db
cp "$FX" "$MF"
DB=$MF
cadre --json handbook accounts --org A1C
json_val '[a["login"] for a in d["accounts"] if a["member_id"] == '"$MEMBER_A"'][0]'
M_LOGIN=$JV
cadre --json token add "$M_LOGIN"
json_val 'd["token"]'
TOKEN_member=$JV
[ -n "$TOKEN_member" ] || fail "fixture: a member account's token" "a token" "none"
# One monthly meeting a cell in January, each member absent without reason 3 times in B1C.
sqlite3 "$MF" >/dev/null <<SQL || fail "fixture: the meetings" "inserted" "sqlite3 failed"
INSERT INTO meeting(org_id, on_date, starts_min, ends_min, kind, topic, state, recorded_by)
 SELECT o.id, CAST(julianday(d.d) - 2440587.5 AS INTEGER), 480, 600, 'monthly', 'x', 'held', 'test'
 FROM org o, (SELECT '2026-01-15' AS d UNION ALL SELECT '2026-02-15' UNION ALL SELECT '2026-03-15') d
 WHERE o.code IN ('A1C', 'B1C');
INSERT INTO meeting_attendance(meeting_id, member_id, status, reason)
 SELECT m.id, CASE o.code WHEN 'A1C' THEN $MEMBER_A ELSE $MEMBER_B END,
  CASE o.code WHEN 'A1C' THEN 'present' ELSE 'absent' END, ''
 FROM meeting m JOIN org o ON o.id = m.org_id;
SQL

ENDPOINTS=("/api/v1/orgs/@/meeting-figures?from=2026-01-01&to=2026-11-23"
	"/api/v1/orgs/@/meeting-figures/cells?from=2026-01-01&to=2026-11-23"
	"/api/v1/orgs/@/meeting-figures/cells?show=missed_monthly"
	"/api/v1/orgs/@/meeting-figures/cells?show=missed_thematic&format=csv"
	"/api/v1/orgs/@/meeting-figures/cells?format=xlsx"
	"/api/v1/orgs/@/meeting-figures/absentees?year=2026"
	"/api/v1/orgs/@/meeting-figures/absentees?format=csv")

# outside ORG...: every endpoint aimed at each ORG answers the 404 of an organisation that does
# not exist (QQ9), but for the name.
outside() {
	local org p two
	for org in "$@"; do
		for p in "${ENDPOINTS[@]}"; do
			api GET "${p//@/QQ9}"
			two=${OUT//QQ9/$org}
			api GET "${p//@/$org}"
			expect_status 404
			if [ "$OUT" = "$two" ]; then pass; else
				fail "$LAST_CMD: the same 404 as for an organisation that does not exist" "$two" "$OUT"
			fi
		done
	done
}
# inside ORG LEAKS...: every endpoint aimed at ORG answers 200 and holds none of LEAKS.
inside() {
	local org=$1 p
	shift
	for p in "${ENDPOINTS[@]}"; do
		api GET "${p//@/$org}"
		expect_status 200
		expect_lacks "$@"
	done
}

tcase "every role: its subtree's figures, the 404 of nothing outside it" "$MF"
server_start
TOKEN=$TOKEN_admin
inside ROOT "QQ9"
api GET "/api/v1/orgs/ROOT/meeting-figures/absentees"
expect_json '[x["member_id"] for x in d["items"]] == ['"$MEMBER_B"']' "the system administrator sees B1C's absentee"
# Each role of A at another level of its subtree, and another organisation outside it.
for spec in aview:A:ROOT aclerk:A1C:B aadmin:A1:B1C; do
	IFS=: read -r role in out <<<"$spec"
	TOKEN=$(eval echo "\$TOKEN_$role")
	inside "$in" "B1C" "Trần Thị Bình" "Sư đoàn B"
	api GET "/api/v1/orgs/A/meeting-figures"
	expect_json 'd["cells"] == 1 and d["present"] == 3 and d["absentees"] == 0' "$role: A's figures hold A1C alone"
	outside "$out"
done
TOKEN=$TOKEN_bclerk
inside B1C "A1C" "Nguyễn Văn An" "Sư đoàn A"
api GET "/api/v1/orgs/B/meeting-figures/absentees"
expect_json '[(x["member_id"], x["times"]) for x in d["items"]] == [('"$MEMBER_B"', 3)]' "bclerk: B1C's absentee"
outside A A1C
TOKEN=$TOKEN_member
outside A1C ROOT B1C
server_stop

tcase "the member's account leaves no trace of figures read" "$MF"
server_start
TOKEN=$TOKEN_member
api GET "/api/v1/orgs/A1C/meeting-figures/absentees"
expect_status 404
api GET "/api/v1/orgs/A1C/meeting-figures/cells?format=csv"
expect_status 404
TOKEN=$TOKEN_admin
api GET "/api/v1/audit?actor=$M_LOGIN&limit=100"
expect_json 'not any(x["action"] in ("report.meeting_absentees", "meeting_figures.export") for x in d["items"])' "no read of figures logged for the member"
server_stop

done_testing
