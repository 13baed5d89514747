# lib_lists.sh - the fixture of the list tests (tests/api/t_lists.sh, tests/web/t_lists.sh),
# sourced after lib.sh (api) or lib_web.sh (web):
#   lists_fixture FILE BASE   a copy of BASE (an http_fixture: the same accounts and tokens)
#                        plus 5,100 members in A1C (sexes, birth years,
#                        statuses and categories in a fixed pattern: see lists_members) and a
#                        decided 2025 review of each, imported through the CLI, and an audit
#                        entry of each decision written into the log directly (the import
#                        writes one for its file): the log holds more than 5,100 entries
lists_members() {
	python3 - "$1" <<'PY'
import sys
cats = ["soldier", "officer", "worker", "professional"]
with open(sys.argv[1], "w") as f:
    f.write("org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,"
            "admission_ceremony_date,official_date,status,category\n")
    fam = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng"]
    giv = ["An", "Bình", "Cường", "Dũng", "Hà", "Lan"]
    for i in range(5100):
        sex = "female" if i % 3 == 0 else "male"
        born = "%d-%02d-%02d" % (1960 + i % 35, 1 + i % 12, 1 + i % 28)
        prob = i % 10 == 0
        f.write("A1C,%s Văn %s %d,%s,%s,Kinh,Hà Giang,2021-03-01,2021-03-15,%s,%s,%s\n" % (
            fam[i % 5], giv[i % 6], i, sex, born, "" if prob else "2022-03-15",
            "probationary" if prob else "official", cats[i % 4]))
PY
}

lists_fixture() {
	local f=$1 base=$2
	if [ -s "$f" ] && [ -s "$f.lists" ]; then
		return
	fi
	# Shared by the files whose BASE is byte-for-byte the same (a copy of one run fixture).
	LISTS_BASE=$base
	if fixture_shared "lists-$(cksum <"$base" | tr ' ' -)" "$f" lists_fixture_build; then
		return
	fi
	lists_fixture_build "$f"
}

# lists_fixture_build FILE: build lists_fixture's database at FILE from $LISTS_BASE.
lists_fixture_build() {
	local f=$1 base=$LISTS_BASE save=$DB
	rm -f "$f" "$f.lists"
	cp "$base" "$f"
	DB=$f
	lists_members "$WORK/lists_members.csv"
	cadre import members "$WORK/lists_members.csv"
	[ "$RC" = 0 ] || fail "lists fixture: import members" "exit 0" "exit $RC: $ERR"
	sqlite3 "$f" "SELECT id || ',2025,good' FROM member WHERE org_id = (SELECT id FROM org WHERE code = 'A1C') AND full_name LIKE '% Văn % %'" |
		{ echo "member_id,year,grade"; cat; } >"$WORK/lists_reviews.csv"
	cadre import reviews "$WORK/lists_reviews.csv"
	[ "$RC" = 0 ] || fail "lists fixture: import reviews" "exit 0" "exit $RC: $ERR"
	# The review import writes one audit entry for its whole file, so the 5,100 entries the
	# list tests page through (one a decision, as deciding them one by one writes them) go
	# into the log directly. The tests read the log; they do not verify its chain.
	sqlite3 "$f" "INSERT INTO audit(at, actor, address, action, subject, org_id, before, after, prev, hash)
		SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'cli:root', 'local', 'review.member.decision',
		'member:' || id, org_id, '', '{\"year\":2025,\"grade\":\"good\",\"score\":-1,\"body\":\"A1\",\"revision\":0,\"reason\":\"\",\"rules\":\"\"}',
		zeroblob(32), randomblob(32) FROM member
		WHERE org_id = (SELECT id FROM org WHERE code = 'A1C') AND full_name LIKE '% Văn % %' ORDER BY id"
	echo done >"$f.lists"
	DB=$save
}
