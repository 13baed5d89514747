#!/bin/bash
# t_text.sh - text as it comes in (issue 9, items 11, 20, 23, 25) and account scope (items 12,
# 19): long Vietnamese reasons never cut (and the lists that showed them still answering), NFD
# and NFC the same text, bidirectional controls refused on every way in, terminal control
# bytes never echoed raw, a subtree's administrator kept to its subtree for tokens, account
# names and the audit count, and today taken in Vietnam's zone.
. "$(dirname "$0")/../api/lib_api.sh"

FX=$WORK/fx.db
http_fixture "$FX"

# A reason of exactly 660 bytes of Vietnamese (NFC, single spaces): cut at 399 bytes it ends
# inside a letter.
R660=$(python3 -c '
s = "Vi phạm nghiêm trọng quy định về những điều đảng viên không được làm, " * 20
while len(s.encode()) > 660 or s.endswith(" "):
    s = s[:-1]
print(s)')
RLONG=$(python3 -c 'print(("Kỷ luật cảnh cáo vì vi phạm quy chế " * 50).strip())')
# 301 bytes: cut at 255 it ends inside "ễ".
RT=$(python3 -c 'print("a" + "ễ" * 100)')
RLO=$'\u202e'

# ---------------------------------------------------------------------------------------------
tcase "a 660-byte discipline reason typed in the form is stored whole; the list answers" "$FX"
expect_eq "the reason is 660 bytes" 660 "$(printf '%s' "$R660" | wc -c)"
expect_exit 0 user grant aclerk --inspection # the register: docs/inspection.md
server_start
login aclerk
page POST /discipline --data-urlencode "csrf=$CSRF" --data-urlencode "member_id=$MEMBER_A" \
	--data-urlencode form=reprimand --data-urlencode date=2026-03-01 \
	--data-urlencode act_date=2026-02-01 --data-urlencode body=A1C --data-urlencode "reason=$R660"
TOKEN=$TOKEN_aclerk
api GET /api/v1/discipline
expect_status 200
expect_json "len(d['items']) == 1 and d['items'][0]['reason'] == '$R660'" "the reason whole"
japi POST /api/v1/discipline '{"member_id":'"$MEMBER_A"',"form":"warning","body":"A1C","reason":"'"$R660"'","date":"2026-03-02","act_date":"2026-02-01"}'
expect_status 201
expect_json "d['reason'] == '$R660'" "the API keeps 660 bytes too"
api GET "/api/v1/discipline?year=2026"
expect_status 200
expect_json "[x['reason'] == '$R660' for x in d['items']] == [True, True]"
japi POST /api/v1/discipline '{"member_id":'"$MEMBER_A"',"form":"warning","body":"A1C","reason":"'"$RLONG"'","date":"2026-03-03","act_date":"2026-02-01"}'
expect_problem 422 reason
expect_json "any('the limit is 2000' in e['detail'] for e in d['errors'])" "the limit named"
server_stop
cadre --json audit list --limit 5
expect_json "[e for e in d if e['action'] == 'discipline.add'][0]['after'] not in ('', None)" \
	"the audit entry keeps its after"
expect_refused 3 "the limit is 2000" discipline add --member "$MEMBER_A" --form warning \
	--body A1C --date 2026-03-04 --act-date 2026-02-01 --reason "$RLONG"

# ---------------------------------------------------------------------------------------------
tcase "a long transfer reason is stored whole and listed in JSON" "$FX"
expect_exit 0 --json member transfer "$MEMBER_A" --to B1C --date 2026-11-02 --reason "$RT"
expect_json "d['reason'] == '$RT'"
expect_exit 0 --json member transfers
expect_json "len(d) == 1 and d[0]['reason'] == '$RT'" "the transfer listed with its reason"

# ---------------------------------------------------------------------------------------------
tcase "NFD and NFC: the same person in a CSV import is a duplicate; one Tày row" "$FX"
H='id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status'
NFD_TAY=$'Ta\xcc\x80y'
NFD_NAME=$'Hoa\xcc\x80ng Va\xcc\x86n Tu\xcc\x9b\xcc\x81'
NFD_TOWN=$'Ca\xcc\x80o Ba\xcc\x86\xcc\x80ng'
{
	echo "$H"
	echo ",A1C,Hoàng Văn Tứ,male,1991-04-04,Tày,Cào Bằng,2015-03-01,2015-03-15,2016-03-15,official"
	echo ",A1C,$NFD_NAME,male,1991-04-04,$NFD_TAY,$NFD_TOWN,2015-03-01,2015-03-15,2016-03-15,official"
} >dup.csv
cadre import members dup.csv
expect_err_contains "duplicate"
{
	echo "$H"
	echo ",A1C,Nông Văn Một,male,1990-01-01,Tày,Lạng Sơn,2015-03-01,2015-03-15,2016-03-15,official"
	echo ",A1C,Nông Văn Hai,male,1992-02-02,$NFD_TAY,Lạng Sơn,2015-03-01,2015-03-15,2016-03-15,official"
} >tay.csv
expect_exit 0 import members tay.csv
expect_exit 0 --json report --org A --as-of 2026-11-23
expect_json "[r['key'] for r in d['tables']['members_by_ethnicity']['rows'] if r['count']['count'] and __import__('unicodedata').normalize('NFC', r['key']) == 'Tày'] == ['Tày']" \
	"one Tày row (in NFC)"
expect_exit 0 --json member list --org A1C
expect_json "[m['ethnicity'] for m in d if m['full_name'].startswith('Nông')] == ['Tày', 'Tày']" "stored in NFC"

# ---------------------------------------------------------------------------------------------
tcase "a right-to-left override in a name is refused on the CLI, the API and in CSV" "$FX"
expect_refused 3 "bidirectional" member add --org A1C --name "Nguyễn Văn${RLO}An" --sex male \
	--birth-date 1990-01-01 --ethnicity Kinh --hometown "Hà Giang" --decision-date 2015-03-01 \
	--ceremony-date 2015-03-15 --official-date 2016-03-15
expect_refused 3 "bidirectional" member edit "$MEMBER_A" --hometown "Hà${RLO}Giang"
{
	echo "$H"
	echo ",A1C,Lò Văn${RLO}Ba,male,1990-01-01,Thái,Sơn La,2015-03-01,2015-03-15,2016-03-15,official"
} >bidi.csv
expect_refused 3 "bidirectional" import members bidi.csv
server_start
TOKEN=$TOKEN_aclerk
snapshot before
japi POST /api/v1/members "$(member_json A1C "Hà Thị${RLO}Lan")"
expect_problem 422 full_name
expect_json "'bidirectional' in d['errors'][0]['detail']"
expect_same_snapshot before
server_stop

# ---------------------------------------------------------------------------------------------
tcase "an ESC in a CLI value is not echoed raw" "$FX"
cadre member add --org $'A1C\x1b[2J\x07' --name "Lò Văn Ba" --sex male --birth-date 1990-01-01 \
	--ethnicity Kinh --hometown "Hà Giang" --decision-date 2015-03-01 --ceremony-date 2015-03-15
expect_eq "refused" 4 "$RC"
expect_true "no raw ESC or BEL on stderr" python3 -c 'import sys; b = open(sys.argv[1], "rb").read(); sys.exit(b"\x1b" in b or b"\x07" in b)' "$ERRF"
expect_err_contains '\x1b[2J\x07'
cadre member show $'12\x1b]0;owned\x07'
expect_true "no raw ESC on stderr (a bad id)" python3 -c 'import sys; sys.exit(b"\x1b" in open(sys.argv[1], "rb").read())' "$ERRF"

# ---------------------------------------------------------------------------------------------
tcase "a system administrator of a subtree cannot mint or revoke tokens outside it" "$FX"
printf '%s\n' "$PW" >pw
STDIN=pw expect_exit 0 user add asys --role sys_admin --org A
expect_exit 0 --json token add asys --label scoped
json_val 'd["token"]'
TOK=$JV
CADRE_TOKEN=$TOK cadre --json token add admin --label stolen
expect_eq "no token for the whole-tree administrator" 4 "$RC"
expect_out_lacks "cdr_"
expect_err_contains "no account named 'admin' within your scope"
CADRE_TOKEN=$TOK cadre token add bclerk
expect_eq "no token for an account of another subtree" 4 "$RC"
CADRE_TOKEN=$TOK cadre token add nobody
expect_eq "an unknown account: the same answer" 4 "$RC"
expect_err_contains "no account named 'nobody' within your scope"
# Tokens 1 and 5 are the admin's and bclerk's (the fixture made them in that order).
CADRE_TOKEN=$TOK cadre token revoke 1
expect_eq "the admin's token is not revoked" 4 "$RC"
CADRE_TOKEN=$TOK cadre token revoke 5
expect_eq "bclerk's token is not revoked" 4 "$RC"
CADRE_TOKEN=$TOKEN_admin expect_exit 0 org show ROOT
CADRE_TOKEN=$TOKEN_bclerk expect_exit 0 org show B
# Inside its subtree it still works.
CADRE_TOKEN=$TOK expect_exit 0 --json token add aclerk --label by-asys
json_val 'd["id"]'
CADRE_TOKEN=$TOK expect_exit 0 token revoke "$JV"
CADRE_TOKEN=$TOKEN_aclerk expect_exit 0 org show A1
# An organisation's administrator issues none.
CADRE_TOKEN=$TOKEN_aadmin cadre token add aclerk
expect_eq "an org admin issues no token" 7 "$RC"

# ---------------------------------------------------------------------------------------------
tcase "a scoped administrator learns neither names taken elsewhere nor the audit count" "$FX"
printf '%s\n' "$PW" >pw
STDIN=pw CADRE_TOKEN=$TOKEN_aadmin cadre user add admin --role viewer --org A1
expect_eq "refused" 5 "$RC"
expect_err_lacks "taken"
expect_err_contains "cannot be used"
msg_out=$ERR
STDIN=pw CADRE_TOKEN=$TOKEN_aadmin cadre user add aview --role viewer --org A1
expect_eq "a name taken inside the subtree: the same answer" "$msg_out" "${ERR//aview/admin}"
STDIN=pw CADRE_TOKEN=$TOKEN_aadmin expect_exit 0 user add newview --role viewer --org A1
CADRE_TOKEN=$TOKEN_aadmin cadre audit verify
expect_eq "audit verify is for the whole tree" 7 "$RC"
expect_out_lacks "entries"
CADRE_TOKEN=$TOKEN_aadmin cadre --json audit verify
expect_out_lacks '"entries"'
expect_exit 0 audit verify
expect_out_contains "intact"

# ---------------------------------------------------------------------------------------------
tcase "today is taken in Vietnam's zone, or in CADRE_TZ" "$FX"
vn=$(python3 -c 'import datetime; print((datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=7)).date())')
# One of UTC+14 and UTC-12 is on another date than UTC at any moment.
zone=$(python3 -c '
import datetime
u = datetime.datetime.now(datetime.timezone.utc)
print("Etc/GMT-14" if (u + datetime.timedelta(hours=14)).date() != u.date() else "Etc/GMT+12")')
far=$(python3 -c '
import datetime, sys
u = datetime.datetime.now(datetime.timezone.utc)
h = 14 if sys.argv[1] == "Etc/GMT-14" else -12
print((u + datetime.timedelta(hours=h)).date())' "$zone")
save_today=$CADRE_TODAY
unset CADRE_TODAY
TZ=UTC cadre --json report --org A1C
expect_json "d['as_of'] == '$vn'" "today in Asia/Ho_Chi_Minh on a UTC machine"
TZ=UTC CADRE_TZ=$zone cadre --json report --org A1C
expect_json "d['as_of'] == '$far'" "today in CADRE_TZ ($zone)"
TZ=UTC CADRE_TZ=Mars/Olympus cadre report --org A1C
expect_eq "an unknown zone is refused" 2 "$RC"
expect_err_contains "CADRE_TZ 'Mars/Olympus' is not a time zone"
# A change dated with today's Vietnamese date is not "after today".
TZ=UTC cadre member status "$MEMBER_A" suspended --date "$vn"
expect_eq "dated today in Vietnam" 0 "$RC"
expect_err_lacks "after today"
export CADRE_TODAY=$save_today

done_testing
