# lib_worklist.sh - the hand-made data of the worklist tests (tests/api/t_worklist.sh,
# tests/web/t_home.sh), on top of http_fixture (ROOT > A > A1 > A1C, ROOT > B > B1 > B1C):
#   a branch C (C > C1 > C1C) with a viewer cview and its token TOKEN_cview;
#   in A1C: WL_A1 (decided 2026: good), WL_A2 (its number clashes: the one flagged record),
#   WL_A3 (sent to B1C on 2026-06-01: overdue by today, 2026-11-23); with MEMBER_A, four on
#   A's rolls, three of them not yet reviewed for 2026;
#   in B1C: WL_B1, WL_B2, each sent to A1C on 2026-11-20 (to receive by A, not yet due):
#   TR_IN1, TR_IN2; WL_B1's and WL_B2's 2026 reviews decided, so B has MEMBER_B undecided;
#   no admission case nor probationer (worklist_admissions, below, adds them to a copy).
# worklist_fixture FILE: made once (FILE.env holds the ids), like http_fixture.
worklist_fixture() {
	local f=$1
	if [ -s "$f" ] && [ -s "$f.env" ] && grep -q '^TR_OUT=' "$f.env"; then
		. "$f.env"
		return
	fi
	if fixture_shared worklist "$f" worklist_fixture_build; then
		http_fixture_orgs
		. "$f.env"
		return
	fi
	worklist_fixture_build "$f"
}

# worklist_fixture_build FILE: build worklist_fixture's database at FILE (no cache).
worklist_fixture_build() {
	local f=$1 save=$DB
	rm -f "$f" "$f.env"
	http_fixture "$f"
	DB=$f
	cadre org add C --parent ROOT --name "Đảng bộ Sư đoàn C" --kind committee --date 2001-01-01
	cadre org add C1 --parent C --name "Đảng bộ Trung đoàn C1" --kind grassroots --date 2001-01-01
	cadre org add C1C --parent C1 --name "Chi bộ Đại đội C1C" --kind cell --date 2001-01-01
	madd C1C "Đinh Văn Chiến"
	printf '%s\n' "$PW" >"$WORK/.pw"
	STDIN=$WORK/.pw cadre user add cview --role viewer --org C
	cadre --json token add cview --label test
	json_val 'd["token"]'
	echo "TOKEN_cview=$JV" >>"$f.env"
	# Added at the start of the year, so that a transfer may be dated in June.
	CADRE_TODAY=2026-01-05 madd A1C "Lương Văn Một"
	echo "WL_A1=$MID" >>"$f.env"
	CADRE_TODAY=2026-01-05 madd A1C "Lương Văn Hai" --citizen-id 001090000002
	echo "WL_A2=$MID" >>"$f.env"
	CADRE_TODAY=2026-01-05 madd A1C "Lương Văn Ba"
	echo "WL_A3=$MID" >>"$f.env"
	CADRE_TODAY=2026-01-05 madd B1C "Kiều Văn Bốn"
	echo "WL_B1=$MID" >>"$f.env"
	CADRE_TODAY=2026-01-05 madd B1C "Kiều Văn Năm"
	echo "WL_B2=$MID" >>"$f.env"
	. "$f.env"
	CADRE_TODAY=2026-06-01 cadre --json member transfer "$WL_A3" --to B1C --date 2026-06-01
	json_val 'd["id"]'
	echo "TR_OUT=$JV" >>"$f.env"
	cadre --json member transfer "$WL_B1" --to A1C --date 2026-11-20
	json_val 'd["id"]'
	echo "TR_IN1=$JV" >>"$f.env"
	cadre --json member transfer "$WL_B2" --to A1C --date 2026-11-20
	json_val 'd["id"]'
	echo "TR_IN2=$JV" >>"$f.env"
	printf 'member_id,year,grade\n%s,2026,good\n%s,2026,good\n%s,2026,complete\n' \
		"$WL_A1" "$WL_B1" "$WL_B2" >"$WORK/wl_reviews.csv"
	cadre import reviews "$WORK/wl_reviews.csv"
	[ "$RC" = 0 ] || fail "worklist fixture: import reviews" "exit 0" "exit $RC: $ERR"
	# A number two members shared before R-MEMBER-UNIQUE-NUMBERS came: the migration marks
	# the later holder (schema.c, migration 11); here marked by hand, as the data it left.
	sqlite3 "$f" "UPDATE member SET number_clash = id WHERE id = $WL_A2"
	DB=$save
	. "$f.env"
	[ -n "$TR_OUT" ] && [ -n "$TR_IN1" ] && [ -n "$TR_IN2" ] && [ -n "$TOKEN_cview" ] ||
		fail "worklist fixture" "members, transfers and a token made" "$(cat "$f.env")"
}

# worklist_admissions: in $DB (a copy of the fixture), what the worklist's admission items
# count, one of each: in A1C two probationers added without a case, WL_PROB_DUE (ceremony
# 2025-11-10: probation ended 2026-11-10, the recognition vote due by late December) and
# WL_PROB_LATE (ceremony 2025-03-15: the vote overdue); in C1C a case decided on 2026-09-01,
# WL_CASE_DECIDED (its ceremony not held in the 30 working days), and WL_CASE_UPPER, passed
# by the grassroots committee (the committee above's decision awaited).
worklist_admissions() {
	local id
	madd_p A1C "Tòng Văn Đến" --decision-date 2025-10-20 --ceremony-date 2025-11-10
	WL_PROB_DUE=$MID
	madd_p A1C "Tòng Văn Muộn"
	WL_PROB_LATE=$MID
	for id in DECIDED UPPER; do
		cadre --json admission add --org C1C --name "Cầm Văn $id" --sex male \
			--birth-date 2000-01-0$([ $id = UPPER ] && echo 2 || echo 1) --ethnicity Thái \
			--hometown "Sơn La" --source soldier --listed-on 2026-01-05
		json_val 'd["id"]'
		eval "WL_CASE_$id=$JV"
		cadre admission step "$JV" class --date 2026-02-02 --course "Lớp 1/2026" --result passed
		cadre admission step "$JV" application --date 2026-03-02 \
			--introducer "$MEMBER_A:2020-01-01" --introducer "$MEMBER_B:2020-01-01"
		cadre admission step "$JV" verification --date 2026-04-01 --verifier "Ban Tổ chức" \
			--conclusion "rõ ràng"
		cadre admission step "$JV" cell_vote --date 2026-05-04 --present 1 --for 1 --against 0
		cadre admission step "$JV" committee_vote --date 2026-05-11 --members 3 --present 3 \
			--for 3 --against 0
		[ "$RC" = 0 ] || fail "worklist_admissions: case $id to the committee" "exit 0" "exit $RC: $ERR"
	done
	cadre admission step "$WL_CASE_DECIDED" decision --date 2026-09-01 --number "7-QĐ/ĐU"
	[ "$RC" = 0 ] || fail "worklist_admissions: the decision" "exit 0" "exit $RC: $ERR"
}
