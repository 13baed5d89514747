/* schema.c - the numbered migrations that build cadre's SQLite schema, newest last. */
#include "schema.h"

#include <stddef.h>

/* The triggers that keep org_fig (core/fig.h) exact. The member's keys are taken by
 * cadre_fig_member and cadre_fig_hist, which skip members not on a roll. */
#define FIG_UPSERT(org, col, expr_new, expr_old) \
	"INSERT INTO org_fig(org_id, " col ") SELECT " org ", " expr_new " WHERE " org " IS NOT NULL" \
	" ON CONFLICT(org_id) DO UPDATE SET " col " = " expr_old ";"
#define FIG_MEMBER(r, d) \
	"INSERT OR IGNORE INTO fig_ethnic(name) VALUES (" r ".ethnicity);" \
	FIG_UPSERT(r ".org_id", "core", \
		"cadre_fig_member(x'', " d ", " r ".status, " r ".sex, " r ".category)", \
		"cadre_fig_member(core, " d ", " r ".status, " r ".sex, " r ".category)") \
	FIG_UPSERT(r ".org_id", "hist", \
		"cadre_fig_hist(x'', " d ", " r ".status, (SELECT id FROM fig_ethnic WHERE name = " \
		r ".ethnicity), " r ".birth_date, " r ".admission_decision_date)", \
		"cadre_fig_hist(hist, " d ", " r ".status, (SELECT id FROM fig_ethnic WHERE name = " \
		r ".ethnicity), " r ".birth_date, " r ".admission_decision_date)") \
	FIG_UPSERT(r ".temp_org_id", "core", "cadre_fig_hosted(x'', " d ", " r ".status)", \
		"cadre_fig_hosted(core, " d ", " r ".status)")
#define FIG_REVIEW(r, d) \
	FIG_UPSERT(r ".org_id", "core", \
		"cadre_fig_review(x'', " d ", " r ".member_id IS NULL, " r ".grassroots, " r \
		".year, " r ".grade)", \
		"cadre_fig_review(core, " d ", " r ".member_id IS NULL, " r ".grassroots, " r \
		".year, " r ".grade)")
#define FIG_MEMBER_TRIGGERS \
	"CREATE TRIGGER member_fig_ins AFTER INSERT ON member BEGIN " FIG_MEMBER("new", "1") " END;" \
	"CREATE TRIGGER member_fig_del AFTER DELETE ON member BEGIN " FIG_MEMBER("old", "-1") " END;" \
	"CREATE TRIGGER member_fig_upd AFTER UPDATE OF org_id, status, sex, category, ethnicity," \
	" birth_date, admission_decision_date, temp_org_id ON member BEGIN " \
	FIG_MEMBER("old", "-1") FIG_MEMBER("new", "1") " END;"
#define FIG_REVIEW_TRIGGERS \
	"CREATE TRIGGER review_fig_ins AFTER INSERT ON review WHEN new.current AND" \
	" new.step = 'decision' BEGIN " FIG_REVIEW("new", "1") " END;" \
	"CREATE TRIGGER review_fig_upd AFTER UPDATE OF current ON review WHEN" \
	" old.current <> new.current AND new.step = 'decision' BEGIN " \
	FIG_REVIEW("new", "new.current - old.current") " END;"
#define FIG_REVIEW_TRIGGERS_DROP \
	"DROP TRIGGER IF EXISTS review_fig_ins; DROP TRIGGER IF EXISTS review_fig_upd;"
#define FIG_TRIGGERS \
	FIG_MEMBER_TRIGGERS \
	FIG_REVIEW_TRIGGERS \
	"CREATE TRIGGER discipline_fig_ins AFTER INSERT ON discipline BEGIN " \
	FIG_UPSERT("new.org_id", "core", \
		"cadre_fig_discipline(x'', 1, new.decided_on, new.member_id IS NULL)", \
		"cadre_fig_discipline(core, 1, new.decided_on, new.member_id IS NULL)") " END;"
#define FIG_MEMBER_TRIGGERS_DROP \
	"DROP TRIGGER IF EXISTS member_fig_ins; DROP TRIGGER IF EXISTS member_fig_del;" \
	" DROP TRIGGER IF EXISTS member_fig_upd;"

/* The footnote-7 counters (store_insp_fig.h), plain SQL so that any client's change keeps
 * them: a row's month (y * 12 + m - 1 of its date) and cell (NULL: not counted), added to
 * insp_fig (per organisation) and insp_fig_all (the whole tree) by IF_ADD. The cells'
 * numbering is store_insp_fig.h's (IF_CASE, IF_DISC, IF_RECV, IF_SETTLED). */
#define IF_MONTH(d) "(CAST(strftime('%Y', (" d ") * 86400, 'unixepoch') AS INTEGER) * 12" \
	" + CAST(strftime('%m', (" d ") * 86400, 'unixepoch') AS INTEGER) - 1)"
#define IF_BODY(r) "(" r ".body = 'inspection')"
#define IF_CASE_CELL(r) "(((" IF_BODY(r) " * 3 + CASE " r ".kind WHEN 'signs' THEN 1" \
	" WHEN 'regular' THEN 2 WHEN 'thematic' THEN 2 ELSE 0 END) * 2 + (" r ".member_id IS NOT" \
	" NULL)) * 3 + CASE WHEN " r ".conclusion IS NULL THEN 2 WHEN " r ".conclusion =" \
	" 'no_violation' THEN 1 ELSE 0 END)"
#define IF_LEVEL(k) "CASE " k " WHEN 'committee' THEN 0 WHEN 'grassroots' THEN 1" \
	" WHEN 'subcommittee' THEN 2 ELSE 3 END"
#define IF_DISC_CELL_K(r, k) "CASE WHEN " r ".state = 'in_force' THEN 64 + (((" r ".member_id" \
	" IS NOT NULL) * 5 + CASE " r ".form WHEN 'reprimand' THEN 0 WHEN 'warning' THEN 1" \
	" WHEN 'removal' THEN 2 WHEN 'expulsion' THEN 3 ELSE 4 END) * 4 + " IF_LEVEL(k) ") * 2 + " \
	IF_BODY(r) " END"
#define IF_DISC_CELL(r) IF_DISC_CELL_K(r, "(SELECT kind FROM org WHERE id = " r ".body_org_id)")
#define IF_KIND_TGT(r) "((" r ".kind = 'denunciation') * 2 + (" r ".member_id IS NOT NULL))"
#define IF_RECV_CELL(r) "(160 + " IF_KIND_TGT(r) ")"
#define IF_SETTLED_CELL(r) "CASE WHEN " r ".state = 'settled' AND " r ".settled_on IS NOT NULL" \
	" AND " r ".outcome IS NOT NULL THEN 168 + " IF_KIND_TGT(r) " * 7 + CASE " r ".outcome" \
	" WHEN 'kept' THEN 0 WHEN 'reduced' THEN 1 WHEN 'annulled' THEN 2 WHEN 'raised' THEN 3" \
	" WHEN 'founded' THEN 4 WHEN 'partly_founded' THEN 5 ELSE 6 END END"
/* Add delta to the counters of organisation org for the row dated d in cell (when not NULL);
 * a counter that falls to 0 is removed. */
#define IF_ADD(org, delta, d, cell) \
	"INSERT INTO insp_fig(org_id, month, cell, n) SELECT " org ", " IF_MONTH(d) ", x.c, " delta \
	" FROM (SELECT " cell " AS c) x WHERE x.c IS NOT NULL AND " d " IS NOT NULL" \
	" ON CONFLICT(org_id, month, cell) DO UPDATE SET n = n + excluded.n;" \
	"INSERT INTO insp_fig_all(month, cell, n) SELECT " IF_MONTH(d) ", x.c, " delta \
	" FROM (SELECT " cell " AS c) x WHERE x.c IS NOT NULL AND " d " IS NOT NULL" \
	" ON CONFLICT(month, cell) DO UPDATE SET n = n + excluded.n;"
/* Take the row dated d in cell away from org's counters, removing a counter left at 0. */
#define IF_SUB(org, d, cell) IF_ADD(org, "-1", d, cell) \
	"DELETE FROM insp_fig WHERE org_id = " org " AND month = " IF_MONTH(d) " AND cell = (" \
	cell ") AND n = 0;" \
	"DELETE FROM insp_fig_all WHERE month = " IF_MONTH(d) " AND cell = (" cell ") AND n = 0;"
#define IF_CASE_ADD(r) IF_ADD(r ".org_id", "1", r ".decision_on", IF_CASE_CELL(r))
#define IF_CASE_SUB(r) IF_SUB(r ".org_id", r ".decision_on", IF_CASE_CELL(r))
#define IF_DISC_ADD(r) IF_ADD(r ".org_id", "1", r ".decided_on", IF_DISC_CELL(r))
#define IF_DISC_SUB(r) IF_SUB(r ".org_id", r ".decided_on", IF_DISC_CELL(r))
#define IF_COMPL_ADD(r) IF_ADD(r ".org_id", "1", r ".lodged_on", IF_RECV_CELL(r)) \
	IF_ADD(r ".org_id", "1", r ".settled_on", IF_SETTLED_CELL(r))
#define IF_COMPL_SUB(r) IF_SUB(r ".org_id", r ".lodged_on", IF_RECV_CELL(r)) \
	IF_SUB(r ".org_id", r ".settled_on", IF_SETTLED_CELL(r))
/* An organisation whose kind changes: its discipline decisions in force move from the old
 * level's cells to the new one's (k: old.kind or new.kind). */
#define IF_REKIND(k, sign) \
	"INSERT INTO insp_fig(org_id, month, cell, n) SELECT d.org_id, " IF_MONTH("d.decided_on") \
	", " IF_DISC_CELL_K("d", k) ", " sign "count(*) FROM discipline d WHERE d.body_org_id =" \
	" new.id AND d.state = 'in_force' GROUP BY 1, 2, 3" \
	" ON CONFLICT(org_id, month, cell) DO UPDATE SET n = n + excluded.n;" \
	"INSERT INTO insp_fig_all(month, cell, n) SELECT " IF_MONTH("d.decided_on") \
	", " IF_DISC_CELL_K("d", k) ", " sign "count(*) FROM discipline d WHERE d.body_org_id =" \
	" new.id AND d.state = 'in_force' GROUP BY 1, 2" \
	" ON CONFLICT(month, cell) DO UPDATE SET n = n + excluded.n;"
/* The counters from the rows (the migration's first fill). */
#define IF_FILL(tbl, sel_org, grp) \
	"INSERT INTO " tbl " SELECT " sel_org "month, cell, count(*) FROM (" \
	"SELECT c.org_id, " IF_MONTH("c.decision_on") " AS month, " IF_CASE_CELL("c") " AS cell" \
	" FROM insp_case c UNION ALL SELECT d.org_id, " IF_MONTH("d.decided_on") ", " \
	IF_DISC_CELL("d") " FROM discipline d UNION ALL SELECT p.org_id, " IF_MONTH("p.lodged_on") \
	", " IF_RECV_CELL("p") " FROM complaint p UNION ALL SELECT p.org_id, " \
	IF_MONTH("p.settled_on") ", " IF_SETTLED_CELL("p") " FROM complaint p)" \
	" WHERE cell IS NOT NULL AND month IS NOT NULL GROUP BY " grp ";"

/* (study) A member's presence at a study session taken back (old.*: the attendance row): the
 * member is covered for its document no more, unless present at another session of it (or a
 * make-up) not cancelled, or confirmed having studied it. */
#define STUDY_UNCOVER \
	" DELETE FROM study_covered WHERE member_id = old.member_id AND document_id =" \
	"  (SELECT coalesce(g.document_id, o.document_id) FROM meeting g" \
	"   LEFT JOIN meeting o ON o.id = g.makeup_of WHERE g.id = old.meeting_id)" \
	"  AND NOT EXISTS (SELECT 1 FROM study_confirm c WHERE c.member_id = old.member_id" \
	"   AND c.document_id = study_covered.document_id)" \
	"  AND NOT EXISTS (SELECT 1 FROM meeting_attendance t JOIN meeting g ON g.id = t.meeting_id" \
	"   LEFT JOIN meeting o ON o.id = g.makeup_of WHERE t.member_id = old.member_id" \
	"   AND t.status = 'present' AND g.state <> 'cancelled'" \
	"   AND coalesce(g.document_id, o.document_id) = study_covered.document_id);"

/* The study's triggers on attendance (migration 29): a presence at a study session (or its
 * make-up) covers the member for the document; one taken back uncovers. A large attendance
 * import drops them and brings the coverage of the documents it touched up to date at its end
 * (store_att_bulk_big, store_att_bulk_end). */
#define STUDY_ATTEND_TRIGGERS \
	"CREATE TRIGGER study_attend_ins AFTER INSERT ON meeting_attendance" \
	" WHEN new.status = 'present' BEGIN" \
	" INSERT INTO study_covered(document_id, member_id, first_on)" \
	"  SELECT coalesce(g.document_id, o.document_id), new.member_id, g.on_date" \
	"  FROM meeting g LEFT JOIN meeting o ON o.id = g.makeup_of" \
	"  WHERE g.id = new.meeting_id AND g.state <> 'cancelled'" \
	"   AND coalesce(g.document_id, o.document_id) IS NOT NULL AND true" \
	"  ON CONFLICT(document_id, member_id) DO UPDATE SET first_on = min(first_on, excluded.first_on);" \
	" END;" \
	"CREATE TRIGGER study_attend_upd AFTER UPDATE OF status ON meeting_attendance" \
	" WHEN new.status = 'present' AND old.status <> 'present' BEGIN" \
	" INSERT INTO study_covered(document_id, member_id, first_on)" \
	"  SELECT coalesce(g.document_id, o.document_id), new.member_id, g.on_date" \
	"  FROM meeting g LEFT JOIN meeting o ON o.id = g.makeup_of" \
	"  WHERE g.id = new.meeting_id AND g.state <> 'cancelled'" \
	"   AND coalesce(g.document_id, o.document_id) IS NOT NULL AND true" \
	"  ON CONFLICT(document_id, member_id) DO UPDATE SET first_on = min(first_on, excluded.first_on);" \
	" END;" \
	"CREATE TRIGGER study_attend_del AFTER DELETE ON meeting_attendance" \
	" WHEN old.status = 'present' BEGIN" STUDY_UNCOVER " END;" \
	"CREATE TRIGGER study_attend_away AFTER UPDATE OF status ON meeting_attendance" \
	" WHEN old.status = 'present' AND new.status <> 'present' BEGIN" STUDY_UNCOVER " END;"
#define STUDY_ATTEND_TRIGGERS_DROP \
	"DROP TRIGGER IF EXISTS study_attend_ins; DROP TRIGGER IF EXISTS study_attend_upd;" \
	" DROP TRIGGER IF EXISTS study_attend_del; DROP TRIGGER IF EXISTS study_attend_away;"

/* Migration N brings the schema from version N-1 to N. Never edit a released migration:
 * add a new one. The default rule set ships here, as data (DOMAIN.md; docs/rules.md). */
/* Migration 37: a position's (a committee's) kept state, from its holdings (seats):
 * kept_at the latest start or end of any of them; open_full and open_acting the open ones,
 * full and acting (open_filled, open_standing: the open seats, and of them the standing
 * committee's); acting_since the latest start of an open acting holding; last_end the
 * latest end; full_since kept_at when the open ones, acting holders aside, fill its seats
 * (and standing seats), else 2147483647. Evaluated in an UPDATE of that table. */
#define POSITION_KEPT_SET                                                                     \
	"UPDATE position SET (kept_at, open_full, open_acting, acting_since, last_end,"          \
	" full_since) = (SELECT max(coalesce(h.valid_to, h.valid_from)),"                      \
	" count(CASE WHEN h.valid_to IS NULL AND h.acting = 0 THEN 1 END),"                    \
	" count(CASE WHEN h.valid_to IS NULL AND h.acting = 1 THEN 1 END),"                    \
	" max(CASE WHEN h.valid_to IS NULL AND h.acting = 1 THEN h.valid_from END),"           \
	" max(h.valid_to),"                                                                    \
	" CASE WHEN count(CASE WHEN h.valid_to IS NULL AND h.acting = 0 THEN 1 END)"           \
	"  >= position.seats THEN max(coalesce(h.valid_to, h.valid_from)) ELSE 2147483647 END" \
	" FROM holding h WHERE h.position_id = position.id)"
#define POSITION_KEPT(id) POSITION_KEPT_SET " WHERE id = " id ";"
#define COMMITTEE_KEPT_SET                                                                    \
	"UPDATE committee SET (kept_at, open_filled, open_standing, last_end, full_since) ="   \
	" (SELECT max(coalesce(cm.valid_to, cm.valid_from)),"                                  \
	" count(CASE WHEN cm.valid_to IS NULL THEN 1 END),"                                    \
	" count(CASE WHEN cm.valid_to IS NULL AND cm.role <> 'member' THEN 1 END),"            \
	" max(cm.valid_to),"                                                                   \
	" CASE WHEN count(CASE WHEN cm.valid_to IS NULL THEN 1 END) >= committee.seats AND"    \
	"  count(CASE WHEN cm.valid_to IS NULL AND cm.role <> 'member' THEN 1 END)"            \
	"  >= committee.standing_seats THEN max(coalesce(cm.valid_to, cm.valid_from))"         \
	"  ELSE 2147483647 END"                                                                \
	" FROM committee_member cm WHERE cm.committee_id = committee.id)"
#define COMMITTEE_KEPT(id) COMMITTEE_KEPT_SET " WHERE id = " id ";"

static const char *const migrations[] = {
	/* 1: the organisation tree, members, their history, transfers, rules. Dates are day
	 * numbers (days since 1970-01-01; date(d * 86400, 'unixepoch') shows one); times of
	 * recording are UTC text. */
	"CREATE TABLE rule ("
	"  id TEXT NOT NULL,"
	"  version INTEGER NOT NULL,"
	"  value TEXT NOT NULL,"
	"  effective_from INTEGER NOT NULL,"
	"  source TEXT NOT NULL,"
	"  description TEXT NOT NULL,"
	"  added_by TEXT NOT NULL DEFAULT 'cadre',"
	"  added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  PRIMARY KEY (id, version)"
	");"
	"CREATE TABLE org ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  parent_id INTEGER REFERENCES org(id),"
	"  name TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('committee','grassroots','subcommittee','cell')),"
	"  grassroots_type TEXT,"
	"  standing_board INTEGER NOT NULL DEFAULT 0,"
	"  local_committee TEXT,"
	"  militia INTEGER, self_defence INTEGER, reserve INTEGER,"
	"  established INTEGER NOT NULL,"
	"  dissolved INTEGER,"
	"  pre INTEGER, last INTEGER, depth INTEGER"
	");"
	"CREATE INDEX org_parent ON org(parent_id);"
	"CREATE UNIQUE INDEX org_pre ON org(pre, id);"
	/* The fields that change with restructuring, over time: [valid_from, valid_to). */
	"CREATE TABLE org_version ("
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  valid_from INTEGER NOT NULL,"
	"  valid_to INTEGER,"
	"  parent_id INTEGER REFERENCES org(id),"
	"  name TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  PRIMARY KEY (org_id, valid_from)"
	") WITHOUT ROWID;"
	"CREATE TABLE org_event ("
	"  id INTEGER PRIMARY KEY,"
	"  date INTEGER NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  other_org_id INTEGER REFERENCES org(id),"
	"  detail TEXT,"
	"  actor TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"CREATE INDEX org_event_org ON org_event(org_id);"
	"CREATE INDEX org_event_other ON org_event(other_org_id) WHERE other_org_id IS NOT NULL;"
	"CREATE TABLE org_lineage ("
	"  predecessor_id INTEGER NOT NULL REFERENCES org(id),"
	"  successor_id INTEGER NOT NULL REFERENCES org(id),"
	"  event_id INTEGER NOT NULL REFERENCES org_event(id),"
	"  kind TEXT NOT NULL,"
	"  PRIMARY KEY (predecessor_id, successor_id, event_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX org_lineage_succ ON org_lineage(successor_id);"
	/* The member's record as it is now; the past lives in member_period, member_status and
	 * member_event, never overwritten. */
	"CREATE TABLE member ("
	"  id INTEGER PRIMARY KEY,"
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  org_since INTEGER NOT NULL,"
	"  status TEXT NOT NULL CHECK (status IN ('probationary','official','exempt','suspended',"
	"    'removed','expelled','deceased','transferred_out')),"
	"  status_since INTEGER NOT NULL,"
	"  temp_org_id INTEGER REFERENCES org(id),"
	"  temp_until INTEGER,"
	"  full_name TEXT NOT NULL,"
	/* Derived from full_name (core/vname): the list-order key, the accent-folded name for
	 * search, and a 64-bit hash of the accent-keeping duplicate key. */
	"  sort_key BLOB NOT NULL,"
	"  folded TEXT NOT NULL,"
	"  dup_hash INTEGER NOT NULL,"
	"  sex TEXT NOT NULL CHECK (sex IN ('male','female')),"
	"  birth_date INTEGER NOT NULL,"
	"  ethnicity TEXT NOT NULL, religion TEXT NOT NULL, hometown TEXT NOT NULL,"
	"  citizen_id TEXT NOT NULL, education TEXT NOT NULL, theory_level TEXT NOT NULL,"
	"  rank TEXT NOT NULL, category TEXT NOT NULL, post TEXT NOT NULL,"
	"  history_no TEXT NOT NULL, card_no TEXT NOT NULL, phone TEXT NOT NULL,"
	"  admission_decision_date INTEGER NOT NULL,"
	"  admission_ceremony_date INTEGER NOT NULL,"
	"  official_date INTEGER"
	");"
	"CREATE INDEX member_roll ON member(org_id, status, sort_key, folded);"
	/* Duplicate detection: the hash of the accent-keeping name key, by member. A table of
	 * its own (not an index on member) so that a first load fills it from a sorted array
	 * instead of scanning the whole member table once more. */
	"CREATE TABLE member_dupkey ("
	"  dup_hash INTEGER NOT NULL,"
	"  member_id INTEGER NOT NULL REFERENCES member(id),"
	"  PRIMARY KEY (dup_hash, member_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX member_temp ON member(temp_org_id) WHERE temp_org_id IS NOT NULL;"
	"CREATE TABLE member_period ("
	"  member_id INTEGER NOT NULL REFERENCES member(id),"
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  valid_from INTEGER NOT NULL,"
	"  valid_to INTEGER NOT NULL,"
	"  temporary INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE INDEX member_period_member ON member_period(member_id);"
	"CREATE INDEX member_period_org ON member_period(org_id, valid_from);"
	"CREATE TABLE member_status ("
	"  member_id INTEGER NOT NULL REFERENCES member(id),"
	"  status TEXT NOT NULL,"
	"  valid_from INTEGER NOT NULL,"
	"  valid_to INTEGER NOT NULL"
	");"
	"CREATE INDEX member_status_member ON member_status(member_id);"
	"CREATE TABLE member_event ("
	"  id INTEGER PRIMARY KEY,"
	"  member_id INTEGER NOT NULL REFERENCES member(id),"
	"  date INTEGER NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  detail TEXT,"
	"  actor TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"CREATE INDEX member_event_member ON member_event(member_id);"
	"CREATE TABLE transfer ("
	"  id INTEGER PRIMARY KEY,"
	"  member_id INTEGER NOT NULL REFERENCES member(id),"
	"  temporary INTEGER NOT NULL,"
	"  from_org_id INTEGER NOT NULL REFERENCES org(id),"
	"  to_org_id INTEGER NOT NULL REFERENCES org(id),"
	"  sent_date INTEGER NOT NULL,"
	"  received_date INTEGER,"
	"  until_date INTEGER,"
	"  ended_date INTEGER,"
	"  state TEXT NOT NULL CHECK (state IN ('sent','received','ended')),"
	"  reason TEXT NOT NULL DEFAULT '',"
	"  letter_no TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE INDEX transfer_member ON transfer(member_id);"
	"CREATE INDEX transfer_open ON transfer(state) WHERE state <> 'ended';"
	/* The default rule set (DOMAIN.md, docs/rules.md). */
	"INSERT INTO rule(id, version, value, effective_from, source, description) VALUES"
	" ('R-ORG-NESTING', 1,"
	"  'committee>committee,grassroots,cell;grassroots>subcommittee,cell;subcommittee>cell',"
	"  CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER), 'Điều lệ Đảng (Party Charter, 2011), Điều 21-24; 42-QĐ/TW',"
	"  'Which kinds of organisation may sit under which: committees above grassroots hold"
	" committees, grassroots committees and grassroots cells; a grassroots committee holds"
	" sub-committees and cells; a sub-committee holds cells.'),"
	" ('R-ORG-DISSOLVE-EMPTY', 1, '0', CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER), 'Điều lệ Đảng (2011), Điều 21',"
	"  'An organisation is dissolved only when no member remains on its roll (value: members"
	" allowed to remain), unless a destination for them is given.'),"
	" ('R-ORG-MIN-OFFICIAL', 1, '3', CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER), 'Điều lệ Đảng (2011), Điều 21',"
	"  'A unit with at least this many official members forms a party organisation.'),"
	" ('R-CELL-STANDING-BOARD-MIN', 1, '9', CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER), 'Điều lệ Đảng (2011), Điều 24',"
	"  'A cell with at least this many official members elects a cell committee (standing"
	" board).'),"
	" ('R-STATUS-TRANSITION', 1,"
	"  'probationary>official,removed,deceased,transferred_out;"
	"official>exempt,suspended,removed,expelled,deceased,transferred_out;"
	"exempt>official,removed,expelled,deceased,transferred_out;"
	"suspended>official,removed,expelled,deceased',"
	"  CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER), 'Điều lệ Đảng (2011), Điều 5, 8, 35; 01-QĐ/TW (2026)',"
	"  'The status changes a member may go through. A probationary member who fails"
	" probation is removed (only reprimand or warning apply to probationary members, so"
	" not expulsion).'),"
	" ('R-PROBATION-MONTHS', 1, '12', CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER), 'Điều lệ Đảng (2011), Điều 5',"
	"  'Months of probation from the admission ceremony; a qualified member is official at"
	" exactly this many months.'),"
	" ('R-ADMIT-AGE-MIN', 1, '18', CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER), 'Điều lệ Đảng (2011), Điều 1',"
	"  'Youngest age, in whole years, at which a person may be admitted.'),"
	" ('R-ADMIT-AGE-MAX', 1, '60', CAST(julianday('2021-06-01') - 2440587.5 AS INTEGER), '24-QĐ/TW (2021), 1.1',"
	"  'Oldest age, in whole years, at which a person may be admitted.'),"
	" ('R-CEREMONY-DAYS', 1, '30', CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER), 'Điều lệ Đảng (2011), Điều 5',"
	"  'Working days after the admission decision within which the ceremony is held.'),"
	" ('R-TRANSFER-TEMP-MIN-MONTHS', 1, '3', CAST(julianday('2021-06-01') - 2440587.5 AS INTEGER), '24-QĐ/TW (2021), 8.1',"
	"  'Shortest temporary transfer, in months.'),"
	" ('R-TRANSFER-TEMP-MAX-MONTHS', 1, '12', CAST(julianday('2021-06-01') - 2440587.5 AS INTEGER), '24-QĐ/TW (2021), 8.1',"
	"  'A temporary transfer lasts less than this many months.'),"
	" ('R-TRANSFER-PRESENT-DAYS', 1, '30', CAST(julianday('2021-06-01') - 2440587.5 AS INTEGER), '24-QĐ/TW (2021), 8.2',"
	"  'Working days within which a member presents the transfer letter to the new cell.'),"
	" ('R-MEMBER-DATES', 1, '1', CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER), 'Điều lệ Đảng (2011), Điều 5',"
	"  'Dates follow each other: birth, admission decision, ceremony, official; a change is"
	" not dated before the state it changes began.');",

	/* 2: the audit log, append-only and chained by hash (core/audit.c). Triggers refuse
	 * updates and deletes through SQL, and the chain shows any done around them. */
	"CREATE TABLE audit ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  address TEXT NOT NULL,"
	"  action TEXT NOT NULL,"
	"  subject TEXT NOT NULL,"
	"  org_id INTEGER NOT NULL,"
	"  before TEXT NOT NULL,"
	"  after TEXT NOT NULL,"
	"  prev BLOB NOT NULL,"
	"  hash BLOB NOT NULL"
	");"
	"CREATE INDEX audit_org ON audit(org_id, id);"
	"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
	" BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
	" BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;",

	/* 3: accounts, their roles on organisations (history kept), API tokens (only their
	 * hashes), and the rules of signing in. */
	"CREATE TABLE account ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  password_hash TEXT NOT NULL,"
	"  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  disabled INTEGER NOT NULL DEFAULT 0,"
	"  failed_logins INTEGER NOT NULL DEFAULT 0,"
	"  locked_until TEXT"
	");"
	"CREATE TABLE account_role ("
	"  id INTEGER PRIMARY KEY,"
	"  account_id INTEGER NOT NULL REFERENCES account(id),"
	"  role TEXT NOT NULL CHECK (role IN ('viewer','clerk','org_admin','sys_admin')),"
	"  org_id INTEGER REFERENCES org(id),"
	"  granted_by TEXT NOT NULL,"
	"  granted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  revoked_at TEXT"
	");"
	"CREATE INDEX account_role_account ON account_role(account_id);"
	"CREATE TABLE api_token ("
	"  id INTEGER PRIMARY KEY,"
	"  account_id INTEGER NOT NULL REFERENCES account(id),"
	"  label TEXT NOT NULL,"
	"  token_hash BLOB NOT NULL UNIQUE,"
	"  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  revoked_at TEXT"
	");"
	"INSERT INTO rule(id, version, value, effective_from, source, description) VALUES"
	" ('R-PASSWORD-MIN-LENGTH', 1, '12', CAST(julianday('2026-01-01') - 2440587.5 AS INTEGER), 'cadre security policy',"
	"  'Shortest password, in characters.'),"
	" ('R-LOGIN-MAX-FAILS', 1, '5', CAST(julianday('2026-01-01') - 2440587.5 AS INTEGER), 'cadre security policy',"
	"  'Failed sign-ins in a row after which an account is locked for a while.'),"
	" ('R-LOGIN-LOCK-MINUTES', 1, '15', CAST(julianday('2026-01-01') - 2440587.5 AS INTEGER), 'cadre security policy',"
	"  'Minutes an account stays locked after too many failed sign-ins.');",
	/* 4: the web server's rules (sessions, sign-in attempts per address). */
	"INSERT INTO rule(id, version, value, effective_from, source, description) VALUES"
	" ('R-SESSION-IDLE-MINUTES', 1, '30', CAST(julianday('2026-01-01') - 2440587.5 AS INTEGER), 'cadre security policy',"
	"  'Minutes without a request after which a web session ends.'),"
	" ('R-LOGIN-ADDRESS-MAX-FAILS', 1, '20', CAST(julianday('2026-01-01') - 2440587.5 AS INTEGER), 'cadre security policy',"
	"  'Failed sign-ins from one network address within R-LOGIN-LOCK-MINUTES after which that address must wait.');",
	/* 5: no index of the audit log by organisation. Every audited reading wrote an entry
	 * into it at a random place (a 16 KiB page per entry, the server's biggest write), and
	 * no query used it: a subtree's entries are read newest first by id. */
	"DROP INDEX audit_org;",
	/* 6: the yearly quality review, discipline records, emulation models, and the counters
	 * behind the figures (core/fig.h), kept by triggers so that no change can miss them. */
	"CREATE TABLE discipline ("
	"  id INTEGER PRIMARY KEY,"
	"  member_id INTEGER REFERENCES member(id),"
	/* the member's organisation when decided, or the organisation disciplined */
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  form TEXT NOT NULL CHECK (form IN ('reprimand','warning','removal','expulsion',"
	"    'dissolution')),"
	"  decided_on INTEGER NOT NULL,"
	"  body_org_id INTEGER NOT NULL REFERENCES org(id),"
	"  reason TEXT NOT NULL,"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"CREATE INDEX discipline_member ON discipline(member_id, decided_on)"
	"  WHERE member_id IS NOT NULL;"
	"CREATE INDEX discipline_org ON discipline(org_id, decided_on);"
	/* Every step of a review is a row: self-assessment, proposal, decision. A decision
	 * changed after it was taken is a new row (revision + 1); the old one stays, no longer
	 * current. org_id: the member's organisation at the step (the figures count it there),
	 * or the organisation reviewed; grassroots_id: where the quota is counted. */
	"CREATE TABLE review ("
	"  id INTEGER PRIMARY KEY,"
	"  member_id INTEGER REFERENCES member(id),"
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  grassroots_id INTEGER NOT NULL REFERENCES org(id),"
	"  grassroots INTEGER NOT NULL DEFAULT 0,"
	"  year INTEGER NOT NULL,"
	"  step TEXT NOT NULL CHECK (step IN ('self','proposal','decision')),"
	"  score INTEGER,"
	"  grade TEXT NOT NULL CHECK (grade IN ('excellent','good','complete','not_complete')),"
	"  on_date INTEGER NOT NULL,"
	"  body_org_id INTEGER REFERENCES org(id),"
	"  revision INTEGER NOT NULL DEFAULT 0,"
	"  current INTEGER NOT NULL DEFAULT 0,"
	"  reason TEXT NOT NULL DEFAULT '',"
	"  rules TEXT NOT NULL DEFAULT '',"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"CREATE INDEX review_member ON review(member_id, year) WHERE member_id IS NOT NULL;"
	"CREATE INDEX review_org ON review(org_id, year, step);"
	"CREATE INDEX review_grassroots ON review(grassroots_id, year) WHERE current;"
	"CREATE UNIQUE INDEX review_one_member ON review(member_id, year)"
	"  WHERE current AND member_id IS NOT NULL;"
	"CREATE UNIQUE INDEX review_one_org ON review(org_id, year) WHERE current AND member_id IS NULL;"
	"CREATE TRIGGER review_no_delete BEFORE DELETE ON review"
	" BEGIN SELECT RAISE(ABORT, 'reviews are kept: record a new decision instead'); END;"
	/* Emulation models: criteria sets a cell is rated against each year. */
	"CREATE TABLE emulation_model ("
	"  code TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  criteria TEXT NOT NULL,"
	"  required INTEGER NOT NULL,"
	"  effective_from INTEGER NOT NULL,"
	"  source TEXT NOT NULL"
	");"
	"CREATE TABLE emulation_rating ("
	"  id INTEGER PRIMARY KEY,"
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  year INTEGER NOT NULL,"
	"  model TEXT NOT NULL REFERENCES emulation_model(code),"
	"  met TEXT NOT NULL,"
	"  earned INTEGER NOT NULL,"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"CREATE INDEX emulation_rating_org ON emulation_rating(org_id, year);"
	"INSERT INTO emulation_model VALUES ('chi-bo-4-tot', 'Chi bộ 4 tốt (four good cells)',"
	"  'Tốt về chính trị, tư tưởng (good in politics and thought)\n"
	"Tốt về lãnh đạo thực hiện nhiệm vụ (good in leading the unit''s tasks)\n"
	"Tốt về xây dựng đội ngũ đảng viên (good in building its membership)\n"
	"Tốt về sinh hoạt và quản lý đảng viên (good in meetings and managing members)',"
	"  4, CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER),"
	"  'the armed forces'' four good cells movement (chi bộ 4 tốt)'),"
	" ('4-tot-3-khong', '4 tốt 3 không (four good, three no)',"
	"  'Tốt về chính trị (good in politics)\nTốt về lãnh đạo (good in leadership)\n"
	"Tốt về tổ chức (good in organisation)\nTốt về sinh hoạt (good in meetings)\n"
	"Không có đảng viên vi phạm kỷ luật (no member disciplined)\n"
	"Không có đảng viên không hoàn thành nhiệm vụ (no member not complete)\n"
	"Không có vụ việc mất an toàn (no safety incident)',"
	"  7, CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER),"
	"  'the armed forces'' emulation movement (4 tốt 3 không)');"
	/* The counters: two blobs per organisation (core/fig.h). */
	"CREATE TABLE org_fig ("
	"  org_id INTEGER PRIMARY KEY,"
	"  core BLOB NOT NULL DEFAULT x'',"
	"  hist BLOB NOT NULL DEFAULT x''"
	");"
	"CREATE TABLE fig_ethnic (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
	"INSERT INTO rule(id, version, value, effective_from, source, description) VALUES"
	" ('R-REVIEW-SCORE-EXCELLENT', 1, '90', CAST(julianday('2025-01-01') - 2440587.5 AS INTEGER), '366-QĐ/TW (2025)',"
	"  'Lowest score of 100 graded excellent (hoàn thành xuất sắc nhiệm vụ).'),"
	" ('R-REVIEW-SCORE-GOOD', 1, '70', CAST(julianday('2025-01-01') - 2440587.5 AS INTEGER), '366-QĐ/TW (2025)',"
	"  'Lowest score of 100 graded good (hoàn thành tốt nhiệm vụ).'),"
	" ('R-REVIEW-SCORE-COMPLETE', 1, '50', CAST(julianday('2025-01-01') - 2440587.5 AS INTEGER), '366-QĐ/TW (2025)',"
	"  'Lowest score of 100 graded complete (hoàn thành nhiệm vụ); below it, not complete.'),"
	" ('R-REVIEW-EXCELLENT-QUOTA', 1, '20', CAST(julianday('2019-01-01') - 2440587.5 AS INTEGER), 'HD 21-HD/BTCTW (2019)',"
	"  'Excellent members are at most this percentage of the members rated good or better"
	" (excellent and good), counted per grassroots organisation and year.'),"
	" ('R-REVIEW-DISCIPLINED-MEMBER', 1, 'not_complete', CAST(julianday('2019-01-01') - 2440587.5 AS INTEGER), 'HD 21-HD/BTCTW (2019)',"
	"  'The best grade a member disciplined during the year may get.'),"
	" ('R-REVIEW-ORG-EXCELLENT', 1, '80', CAST(julianday('2019-01-01') - 2440587.5 AS INTEGER), 'HD 21-HD/BTCTW (2019)',"
	"  'An organisation is excellent only when all its members (or sub-units) are at least"
	" complete and at least this percentage of them good or better.'),"
	" ('R-REVIEW-ORG-NOT-COMPLETE', 1, '20', CAST(julianday('2019-01-01') - 2440587.5 AS INTEGER), 'HD 21-HD/BTCTW (2019)',"
	"  'An organisation is not complete when its leadership was disciplined during the year,"
	" or more than this percentage of its sub-units were.'),"
	" ('R-REVIEW-MEMBER-DECIDER', 1, 'grassroots', CAST(julianday('2019-01-01') - 2440587.5 AS INTEGER), 'HD 21-HD/BTCTW (2019)',"
	"  'Who decides a member''s grade: the grassroots party committee (the cell proposes).'),"
	" ('R-REVIEW-ORG-DECIDER', 1, '1', CAST(julianday('2019-01-01') - 2440587.5 AS INTEGER), 'HD 21-HD/BTCTW (2019)',"
	"  'An organisation''s grade is decided by the standing committee this many levels up.'),"
	" ('R-DISCIPLINE-FORMS', 1,"
	"  'official>reprimand,warning,removal,expulsion;probationary>reprimand,warning;"
	"org>reprimand,warning,dissolution',"
	"  CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER), 'Điều lệ Đảng (2011), Điều 35-36',"
	"  'The forms of discipline for an official member, a probationary member (reprimand or"
	" warning only) and an organisation.'),"
	" ('R-REPORT-AGE-BANDS', 1, '30,40,50,60', CAST(julianday('2011-01-01') - 2440587.5 AS INTEGER), 'party statistics forms (độ tuổi đảng viên)',"
	"  'Where the age bands of the figures start (age = the year of the figures minus the"
	" year of birth): under 30, 30-39, ..., 60 and over.'),"
	" ('R-REPORT-SENIORITY-BANDS', 1, '5,10,20,30,40', CAST(julianday('2011-01-01') - 2440587.5 AS INTEGER), 'party statistics forms (tuổi đảng)',"
	"  'Where the party-seniority bands start (years since the admission decision, by"
	" year): under 5, 5-9, ..., 40 and over.');",
	/* 7: the triggers that keep the counters (store.c registers the cadre_fig_* functions
	 * on every connection). A first load drops them and counts once at the end. */
	FIG_TRIGGERS
	/* Review rows are history: only whether a decision is the current one may change. */
	"CREATE TRIGGER review_no_update BEFORE UPDATE OF member_id, org_id, grassroots_id,"
	" year, step, score, grade, on_date, body_org_id, revision, reason, rules ON review"
	" BEGIN SELECT RAISE(ABORT, 'reviews are kept: record a new decision instead'); END;",
	/* 8: a decided review is locked. */
	"INSERT INTO rule(id, version, value, effective_from, source, description) VALUES"
	" ('R-REVIEW-LOCKED', 1, '1', CAST(julianday('2019-01-01') - 2440587.5 AS INTEGER), 'HD 21-HD/BTCTW (2019); DOMAIN §6',"
	"  'A decided review is locked (1): a change after it is a new decision, with its reason,"
	" and the old one stays visible.');",
	/* 9: emulation models in versions, as rules are: a model is changed by adding a version
	 * in force from a later date, each with its name, criteria (one a line), required count
	 * and source, who added it and when. A rating keeps the version it was judged against
	 * (the one in force on 31 December of the year rated), so its criteria stay readable
	 * after the model changes. The shipped models become version 1 and every rating already
	 * recorded points at its model's version 1 (the only one there was); a rating whose model
	 * is missing stops the migration (model_version_id NOT NULL) rather than being lost.
	 * Versions and ratings are history: never updated or deleted. */
	"ALTER TABLE emulation_rating RENAME TO emulation_rating_v8;"
	"ALTER TABLE emulation_model RENAME TO emulation_model_v8;"
	"CREATE TABLE emulation_model ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL,"
	"  version INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  criteria TEXT NOT NULL,"
	"  required INTEGER NOT NULL,"
	"  effective_from INTEGER NOT NULL,"
	"  source TEXT NOT NULL,"
	"  added_by TEXT NOT NULL DEFAULT 'cadre',"
	"  added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  UNIQUE (code, effective_from),"
	"  UNIQUE (code, version)"
	");"
	"INSERT INTO emulation_model(code, version, name, criteria, required, effective_from, source)"
	"  SELECT code, 1, name, criteria, required, effective_from, source FROM emulation_model_v8"
	"  ORDER BY code;"
	"CREATE TABLE emulation_rating ("
	"  id INTEGER PRIMARY KEY,"
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  year INTEGER NOT NULL,"
	"  model TEXT NOT NULL,"
	"  model_version_id INTEGER NOT NULL REFERENCES emulation_model(id),"
	"  met TEXT NOT NULL,"
	"  earned INTEGER NOT NULL,"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"INSERT INTO emulation_rating(id, org_id, year, model, model_version_id, met, earned,"
	"  recorded_by, recorded_at)"
	"  SELECT r.id, r.org_id, r.year, r.model,"
	"    (SELECT m.id FROM emulation_model m WHERE m.code = r.model AND m.version = 1),"
	"    r.met, r.earned, r.recorded_by, r.recorded_at FROM emulation_rating_v8 r ORDER BY r.id;"
	"DROP TABLE emulation_rating_v8;"
	"DROP TABLE emulation_model_v8;"
	"CREATE INDEX emulation_rating_org ON emulation_rating(org_id, year, model);"
	"CREATE TRIGGER emulation_model_no_update BEFORE UPDATE ON emulation_model"
	" BEGIN SELECT RAISE(ABORT, 'emulation model versions are kept: add a newer version'); END;"
	"CREATE TRIGGER emulation_model_no_delete BEFORE DELETE ON emulation_model"
	" BEGIN SELECT RAISE(ABORT, 'emulation model versions are kept: add a newer version'); END;"
	"CREATE TRIGGER emulation_rating_no_update BEFORE UPDATE ON emulation_rating"
	" BEGIN SELECT RAISE(ABORT, 'emulation ratings are kept: rate the cell again'); END;"
	"CREATE TRIGGER emulation_rating_no_delete BEFORE DELETE ON emulation_rating"
	" BEGIN SELECT RAISE(ABORT, 'emulation ratings are kept: rate the cell again'); END;",
	/* 10 (issue 9, records): (a) a transfer sent by mistake is cancelled by the sending side before
	 * receipt: it stays, ended, with cancelled = 1, the reason and who cancelled it; (b) the
	 * public holidays as data (working days skip them: R-TRANSFER-COMPLETE-WORKING-DAYS,
	 * R-TRANSFER-PRESENT-DAYS), shipped with Vietnam's days off of 2020-2027 as the
	 * government set them (Tết five working days, Hùng Kings' day, 30/4, 1/5, 2/9 and its
	 * neighbour, with the days in lieu), edited by a system administrator (cadre holiday);
	 * (c) the rules R-TRANSFER-COMPLETE-WORKING-DAYS and R-REVIEW-DATES. */
	"ALTER TABLE transfer ADD COLUMN cancelled INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE transfer ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE transfer ADD COLUMN cancelled_by TEXT NOT NULL DEFAULT '';"
	"CREATE TABLE holiday ("
	"  day INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  added_by TEXT NOT NULL DEFAULT 'cadre',"
	"  added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"INSERT INTO holiday(day, name) SELECT CAST(julianday(column1) - 2440587.5 AS INTEGER),"
	" column2 FROM (VALUES"
	" ('2020-01-01', 'Tết Dương lịch (New Year)'),"
	" ('2020-01-23', 'Tết Nguyên đán'),"
	" ('2020-01-24', 'Tết Nguyên đán'),"
	" ('2020-01-27', 'Tết Nguyên đán'),"
	" ('2020-01-28', 'Tết Nguyên đán'),"
	" ('2020-01-29', 'Tết Nguyên đán'),"
	" ('2020-04-02', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),"
	" ('2020-04-30', 'Ngày Giải phóng miền Nam (30/4)'),"
	" ('2020-05-01', 'Ngày Quốc tế Lao động (1/5)'),"
	" ('2020-09-02', 'Quốc khánh (2/9)'),"
	" ('2021-01-01', 'Tết Dương lịch (New Year)'),"
	" ('2021-02-10', 'Tết Nguyên đán'),"
	" ('2021-02-11', 'Tết Nguyên đán'),"
	" ('2021-02-12', 'Tết Nguyên đán'),"
	" ('2021-02-15', 'Tết Nguyên đán'),"
	" ('2021-02-16', 'Tết Nguyên đán'),"
	" ('2021-04-21', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),"
	" ('2021-04-30', 'Ngày Giải phóng miền Nam (30/4)'),"
	" ('2021-05-03', 'Ngày Quốc tế Lao động (1/5, nghỉ bù)'),"
	" ('2021-09-02', 'Quốc khánh (2/9)'),"
	" ('2021-09-03', 'Quốc khánh (ngày liền kề)'),"
	" ('2022-01-03', 'Tết Dương lịch (nghỉ bù)'),"
	" ('2022-01-31', 'Tết Nguyên đán'),"
	" ('2022-02-01', 'Tết Nguyên đán'),"
	" ('2022-02-02', 'Tết Nguyên đán'),"
	" ('2022-02-03', 'Tết Nguyên đán'),"
	" ('2022-02-04', 'Tết Nguyên đán'),"
	" ('2022-04-11', 'Giỗ Tổ Hùng Vương (nghỉ bù)'),"
	" ('2022-05-02', 'Ngày Giải phóng miền Nam (30/4, nghỉ bù)'),"
	" ('2022-05-03', 'Ngày Quốc tế Lao động (1/5, nghỉ bù)'),"
	" ('2022-09-01', 'Quốc khánh (ngày liền kề)'),"
	" ('2022-09-02', 'Quốc khánh (2/9)'),"
	" ('2023-01-02', 'Tết Dương lịch (nghỉ bù)'),"
	" ('2023-01-20', 'Tết Nguyên đán'),"
	" ('2023-01-23', 'Tết Nguyên đán'),"
	" ('2023-01-24', 'Tết Nguyên đán'),"
	" ('2023-01-25', 'Tết Nguyên đán'),"
	" ('2023-01-26', 'Tết Nguyên đán'),"
	" ('2023-05-01', 'Ngày Quốc tế Lao động (1/5)'),"
	" ('2023-05-02', 'Giỗ Tổ Hùng Vương (nghỉ bù)'),"
	" ('2023-05-03', 'Ngày Giải phóng miền Nam (nghỉ bù)'),"
	" ('2023-09-01', 'Quốc khánh (ngày liền kề)'),"
	" ('2023-09-04', 'Quốc khánh (nghỉ bù)'),"
	" ('2024-01-01', 'Tết Dương lịch (New Year)'),"
	" ('2024-02-08', 'Tết Nguyên đán'),"
	" ('2024-02-09', 'Tết Nguyên đán'),"
	" ('2024-02-12', 'Tết Nguyên đán'),"
	" ('2024-02-13', 'Tết Nguyên đán'),"
	" ('2024-02-14', 'Tết Nguyên đán'),"
	" ('2024-04-18', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),"
	" ('2024-04-29', 'Nghỉ hoán đổi (30/4)'),"
	" ('2024-04-30', 'Ngày Giải phóng miền Nam (30/4)'),"
	" ('2024-05-01', 'Ngày Quốc tế Lao động (1/5)'),"
	" ('2024-09-02', 'Quốc khánh (2/9)'),"
	" ('2024-09-03', 'Quốc khánh (ngày liền kề)'),"
	" ('2025-01-01', 'Tết Dương lịch (New Year)'),"
	" ('2025-01-27', 'Tết Nguyên đán'),"
	" ('2025-01-28', 'Tết Nguyên đán'),"
	" ('2025-01-29', 'Tết Nguyên đán'),"
	" ('2025-01-30', 'Tết Nguyên đán'),"
	" ('2025-01-31', 'Tết Nguyên đán'),"
	" ('2025-04-07', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),"
	" ('2025-04-30', 'Ngày Giải phóng miền Nam (30/4)'),"
	" ('2025-05-01', 'Ngày Quốc tế Lao động (1/5)'),"
	" ('2025-05-02', 'Nghỉ hoán đổi (1/5)'),"
	" ('2025-09-01', 'Quốc khánh (ngày liền kề)'),"
	" ('2025-09-02', 'Quốc khánh (2/9)'),"
	" ('2026-01-01', 'Tết Dương lịch (New Year)'),"
	" ('2026-02-16', 'Tết Nguyên đán'),"
	" ('2026-02-17', 'Tết Nguyên đán'),"
	" ('2026-02-18', 'Tết Nguyên đán'),"
	" ('2026-02-19', 'Tết Nguyên đán'),"
	" ('2026-02-20', 'Tết Nguyên đán'),"
	" ('2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)'),"
	" ('2026-04-30', 'Ngày Giải phóng miền Nam (30/4)'),"
	" ('2026-05-01', 'Ngày Quốc tế Lao động (1/5)'),"
	" ('2026-09-01', 'Quốc khánh (ngày liền kề)'),"
	" ('2026-09-02', 'Quốc khánh (2/9)'),"
	" ('2027-01-01', 'Tết Dương lịch (New Year)'),"
	" ('2027-02-05', 'Tết Nguyên đán'),"
	" ('2027-02-08', 'Tết Nguyên đán'),"
	" ('2027-02-09', 'Tết Nguyên đán'),"
	" ('2027-02-10', 'Tết Nguyên đán (nghỉ bù)'),"
	" ('2027-02-11', 'Tết Nguyên đán (nghỉ bù)'),"
	" ('2027-04-16', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),"
	" ('2027-04-30', 'Ngày Giải phóng miền Nam (30/4)'),"
	" ('2027-05-03', 'Ngày Quốc tế Lao động (1/5, nghỉ bù)'),"
	" ('2027-09-02', 'Quốc khánh (2/9)'),"
	" ('2027-09-03', 'Quốc khánh (ngày liền kề)'));"
	"INSERT INTO rule(id, version, value, effective_from, source, description) VALUES"
	" ('R-TRANSFER-COMPLETE-WORKING-DAYS', 1, '60', CAST(julianday('2021-06-01') - 2440587.5 AS INTEGER), '24-QĐ/TW (2021), 8.2; DOMAIN §3',"
	"  'Working days (weekends and public holidays skipped) within which an official transfer"
	" is completed: one sent and not received after that is overdue.'),"
	" ('R-REVIEW-DATES', 1, '1', CAST(julianday('2019-01-01') - 2440587.5 AS INTEGER), 'HD 21-HD/BTCTW (2019); DOMAIN §6',"
	"  'A step of a year''s review (self-assessment, proposal, decision) is dated on or after"
	" 1 January of the year it reviews: never for a year that has not begun.');",
	/* 11: R-MEMBER-UNIQUE-NUMBERS (issue 9): citizen ID, party card and personal-history numbers
	 * are unique among members, former members included. A number two members already
	 * share stays with both (nothing is changed or lost): the later holders get number_clash
	 * = their id, which keeps them out of the unique indexes' way, while any new holder
	 * (number_clash 0) is refused. Found by sorting (window functions), not by a scan a
	 * row. */
	"ALTER TABLE member ADD COLUMN number_clash INTEGER NOT NULL DEFAULT 0;"
	"UPDATE member SET number_clash = id WHERE id IN ("
	"  SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY citizen_id ORDER BY id) AS k"
	"    FROM member WHERE citizen_id <> '') WHERE k > 1"
	"  UNION SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY card_no ORDER BY id)"
	"    AS k FROM member WHERE card_no <> '') WHERE k > 1"
	"  UNION SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY history_no ORDER BY id)"
	"    AS k FROM member WHERE history_no <> '') WHERE k > 1);"
	MEMBER_NUMBER_INDEXES
	/* Import reports (issue 9): one row a committed import (and a refused one whose
	 * problems did not fit its answer), with its counts, the answer given and the whole
	 * report, readable by the account that imported; key is the client's Idempotency-Key
	 * (or "sha256:" and the file's hash for the command line's --once), unique per account. */
	"CREATE TABLE import_report ("
	"  id INTEGER PRIMARY KEY,"
	"  account TEXT NOT NULL,"
	"  what TEXT NOT NULL,"
	"  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  key TEXT,"
	"  sha256 TEXT NOT NULL DEFAULT '',"
	"  rows INTEGER NOT NULL DEFAULT 0, imported INTEGER NOT NULL DEFAULT 0,"
	"  rejected INTEGER NOT NULL DEFAULT 0, warnings INTEGER NOT NULL DEFAULT 0,"
	"  answer TEXT,"
	"  report TEXT"
	");"
	"CREATE UNIQUE INDEX import_report_key ON import_report(account, key) WHERE key IS NOT NULL;",
	/* 12: the audit log keyed (docs/audit.md): each entry's MAC under a key kept outside the
	 * database (NULL for the legacy entries written before the database had a key); the
	 * database's record of its key (the public signing key and how many entries are legacy,
	 * bound to the key by a MAC); and signed checkpoints of the chain's head. */
	"ALTER TABLE audit ADD COLUMN mac BLOB;"
	"CREATE TABLE audit_key ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  public_key BLOB NOT NULL,"
	"  legacy INTEGER NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  tag BLOB NOT NULL"
	");"
	"CREATE TABLE audit_checkpoint ("
	"  id INTEGER PRIMARY KEY,"
	"  entries INTEGER NOT NULL,"
	"  head BLOB NOT NULL,"
	"  at TEXT NOT NULL,"
	"  signature BLOB NOT NULL"
	");"
	"CREATE TRIGGER audit_key_no_update BEFORE UPDATE ON audit_key"
	" BEGIN SELECT RAISE(ABORT, 'the audit key record is kept'); END;"
	"CREATE TRIGGER audit_key_no_delete BEFORE DELETE ON audit_key"
	" BEGIN SELECT RAISE(ABORT, 'the audit key record is kept'); END;"
	"CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE ON audit_checkpoint"
	" BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;"
	"CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint"
	" BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;",
	/* 13: R-MEMBER-UNIQUE-NUMBERS kept in a table of its own rather than by three unique
	 * indexes on member (schema.h): the same constraint, but a first load of millions of
	 * members fills it from numbers sorted in memory instead of sorting three indexes. */
	"CREATE TABLE member_number ("
	"  kind INTEGER NOT NULL CHECK (kind IN (0, 1, 2)),"
	"  value TEXT NOT NULL CHECK (value <> ''),"
	"  clash INTEGER NOT NULL,"
	"  member_id INTEGER NOT NULL REFERENCES member(id),"
	"  PRIMARY KEY (kind, value, clash)"
	") WITHOUT ROWID;"
	"INSERT INTO member_number(kind, value, clash, member_id)"
	" SELECT 0, citizen_id, number_clash, id FROM member WHERE citizen_id <> ''"
	" UNION ALL SELECT 1, card_no, number_clash, id FROM member WHERE card_no <> ''"
	" UNION ALL SELECT 2, history_no, number_clash, id FROM member WHERE history_no <> '';"
	MEMBER_NUMBER_INDEXES_DROP
	MEMBER_NUMBER_TRIGGERS,
	/* 14: the home page's worklist (issue 10): the members whose numbers clash, by organisation,
	 * in an index that holds only them, so that counting a subtree's reads a handful of
	 * entries, never the roll. */
	"CREATE INDEX IF NOT EXISTS member_clash ON member(org_id) WHERE number_clash <> 0;",
	/* 15: the search indexes of names (issue 10; docs/search.md), filled from the names already
	 * stored by store_words_rebuild when this migration runs. name_word: each word of a
	 * member's name once, lower-case with its accents (word) and folded (no accents, đ as
	 * d), with the number of members whose names have it (n, which picks the rarest word of
	 * a search); member_word: which members have which word. org.folded: the organisation's
	 * name folded, its words split as the members'; org_word: each of those words. All
	 * written by src/store in the transaction that changes the name. */
	"CREATE TABLE name_word ("
	"  id INTEGER PRIMARY KEY,"
	"  word TEXT NOT NULL UNIQUE,"
	"  folded TEXT NOT NULL,"
	"  n INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE INDEX name_word_folded ON name_word(folded);"
	"CREATE TABLE member_word ("
	"  word_id INTEGER NOT NULL,"
	"  member_id INTEGER NOT NULL,"
	"  PRIMARY KEY (word_id, member_id)"
	") WITHOUT ROWID;"
	"ALTER TABLE org ADD COLUMN folded TEXT NOT NULL DEFAULT '';"
	"CREATE TABLE org_word ("
	"  folded TEXT NOT NULL,"
	"  org_id INTEGER NOT NULL,"
	"  PRIMARY KEY (folded, org_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX org_word_org ON org_word(org_id);"
	/* The organisations in the order the picker shows them, for searches of common words. */
	"CREATE INDEX org_find ON org(depth, folded, code, pre, dissolved);",
	/* Import jobs (issue 10's leftover): a large import run in the background, for the web
	 * and the API (Prefer: respond-async), kept here so that the API and the pages read the
	 * same progress and a restart does not lose them. account/account_id and scope are the
	 * actor that started it (who may read it: that account, or an administrator whose
	 * subtree holds scope); done/total count bytes of the file; result is the answer a
	 * synchronous import gives (JSON), error the problem of a failed one (JSON). The times
	 * are written by the app (UTC, ISO 8601), so the SQL is plain SQL for PostgreSQL too. */
	"CREATE TABLE import_job ("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL CHECK (kind IN ('orgs', 'members', 'reviews', 'org-reviews')),"
	"  account TEXT NOT NULL,"
	"  account_id INTEGER NOT NULL,"
	"  scope TEXT NOT NULL,"
	"  file_name TEXT NOT NULL,"
	"  sha256 TEXT NOT NULL,"
	"  state TEXT NOT NULL"
	"    CHECK (state IN ('queued', 'running', 'done', 'failed', 'interrupted')),"
	"  bytes_done BIGINT NOT NULL DEFAULT 0,"
	"  bytes_total BIGINT NOT NULL DEFAULT 0,"
	"  started TEXT NOT NULL,"
	"  ended TEXT,"
	"  report_id INTEGER,"
	"  result TEXT,"
	"  error TEXT"
	");"
	"CREATE INDEX import_job_account ON import_job(account_id, account, id);"
	"CREATE INDEX import_job_state ON import_job(state);",
	/* The roll's lists of words (issue 10's search of the whole roll; docs/search.md): for
	 * each member on a current roll (ACTIVE_STATUSES), each dictionary word of the name
	 * with the member's list key, so that a word's list is in the order a list shows and
	 * a search reads its first page without a member's row. Written
	 * by src/store in the transaction of every change of a name, key or status, and after
	 * a first load; filled here from the words already indexed. */
	"CREATE TABLE roll_word ("
	"  word_id INTEGER NOT NULL,"
	"  sort_key BLOB NOT NULL,"
	"  member_id INTEGER NOT NULL,"
	"  PRIMARY KEY (word_id, sort_key, member_id)"
	") WITHOUT ROWID;"
	"INSERT INTO roll_word(word_id, sort_key, member_id)"
	" SELECT w.word_id, m.sort_key, m.id FROM member_word w CROSS JOIN member m"
	" ON m.id = w.member_id"
	" WHERE m.status IN ('probationary','official','exempt','suspended') ORDER BY 1, 2, 3;"
	/* The same lists by member id, packed for counting: a row a word and 65,536 ids (key
	 * word id << 24 | id >> 16), the low 16 bits of each id, ascending, 2 bytes each. Filled
	 * from roll_word by store_roll_blocks_rebuild when this migration runs. */
	"CREATE TABLE roll_block ("
	"  key INTEGER PRIMARY KEY,"
	"  ids BLOB NOT NULL"
	");",
	/* The version of each word's packed lists (roll_block), moved on by every change of one
	 * of its rows in the same transaction, whoever makes it (the server, the command line,
	 * an import): a server keeps the bitmaps of the long lists built once and shared by
	 * its searches, each good while its word's version is the one it was built at
	 * (docs/search.md). A word without a row is at version 0. */
	"CREATE TABLE roll_gen ("
	"  word_id INTEGER PRIMARY KEY,"
	"  gen INTEGER NOT NULL"
	");"
	"CREATE TRIGGER roll_gen_insert AFTER INSERT ON roll_block BEGIN"
	"  INSERT INTO roll_gen(word_id, gen) VALUES (NEW.key >> 24, 1)"
	"  ON CONFLICT(word_id) DO UPDATE SET gen = gen + 1;"
	" END;"
	"CREATE TRIGGER roll_gen_update AFTER UPDATE ON roll_block BEGIN"
	"  INSERT INTO roll_gen(word_id, gen) VALUES (NEW.key >> 24, 1)"
	"  ON CONFLICT(word_id) DO UPDATE SET gen = gen + 1;"
	"  INSERT INTO roll_gen(word_id, gen) VALUES (OLD.key >> 24, 1)"
	"  ON CONFLICT(word_id) DO UPDATE SET gen = gen + 1;"
	" END;"
	"CREATE TRIGGER roll_gen_delete AFTER DELETE ON roll_block BEGIN"
	"  INSERT INTO roll_gen(word_id, gen) VALUES (OLD.key >> 24, 1)"
	"  ON CONFLICT(word_id) DO UPDATE SET gen = gen + 1;"
	" END;",
	/* 19: admissions (issue 11; DOMAIN §5; docs/admissions.md). A case (admission) follows one
	 * person from the list of candidates kept by a cell to an official member, a removal or a
	 * withdrawal. Its person data is a member's (the same name keys for lists, search and the
	 * duplicate check); member_id is the member the ceremony made (or the probationary member
	 * the case was opened for), former_member_id the member record of a re-admission. stage,
	 * stage_since, due_kind and due_on are derived from the steps by src/app at every step (the
	 * next deadline, for the due list and the worklist: an index reads only what is due).
	 * Every step is a row, never updated or deleted: a vote taken again is a new row. The
	 * figures read steps by date, so "as of" a past date is a query over the steps. */
	"CREATE TABLE admission ("
	"  id INTEGER PRIMARY KEY,"
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  full_name TEXT NOT NULL,"
	"  sort_key BLOB NOT NULL,"
	"  folded TEXT NOT NULL,"
	"  dup_hash INTEGER NOT NULL,"
	"  sex TEXT NOT NULL CHECK (sex IN ('male','female')),"
	"  birth_date INTEGER NOT NULL,"
	"  ethnicity TEXT NOT NULL DEFAULT '', religion TEXT NOT NULL DEFAULT '',"
	"  hometown TEXT NOT NULL DEFAULT '', citizen_id TEXT NOT NULL DEFAULT '',"
	"  education TEXT NOT NULL DEFAULT '', theory_level TEXT NOT NULL DEFAULT '',"
	"  rank TEXT NOT NULL DEFAULT '', category TEXT NOT NULL DEFAULT '',"
	"  post TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',"
	"  source TEXT NOT NULL CHECK (source IN ('soldier','squad_leader','youth_union','other')),"
	"  listed_on INTEGER NOT NULL,"
	"  stage TEXT NOT NULL CHECK (stage IN ('candidate','class','applied','verified',"
	"    'cell_passed','committee_passed','decided','probation','referred','official',"
	"    'removed','withdrawn','refused')),"
	"  stage_since INTEGER NOT NULL,"
	"  failed_votes INTEGER NOT NULL DEFAULT 0,"
	"  member_id INTEGER REFERENCES member(id),"
	"  former_member_id INTEGER REFERENCES member(id),"
	"  mentor_id INTEGER REFERENCES member(id),"
	"  due_kind TEXT,"
	"  due_on INTEGER,"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"CREATE INDEX admission_org ON admission(org_id, stage);"
	"CREATE INDEX admission_due ON admission(due_on, org_id) WHERE due_on IS NOT NULL;"
	"CREATE INDEX admission_dup ON admission(dup_hash);"
	"CREATE UNIQUE INDEX admission_member ON admission(member_id) WHERE member_id IS NOT NULL;"
	"CREATE INDEX admission_former ON admission(former_member_id)"
	"  WHERE former_member_id IS NOT NULL;"
	"CREATE TABLE admission_step ("
	"  id INTEGER PRIMARY KEY,"
	"  admission_id INTEGER NOT NULL REFERENCES admission(id),"
	"  step TEXT NOT NULL CHECK (step IN ('listed','class','application','verification',"
	"    'cell_vote','committee_vote','decision','ceremony','recognition_vote','upper_ruling',"
	"    'withdrawal','transfer')),"
	"  on_date INTEGER NOT NULL,"
	/* the body that acted: the cell (its votes), the grassroots committee, the committee above
	 * (decision, ruling); the cell for the other steps */
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  passed INTEGER,"
	"  eligible INTEGER, present INTEGER, votes_for INTEGER, votes_against INTEGER,"
	/* decision or certificate number, course name, verifier, conclusion, reason ... as JSON
	 * (docs/admissions.md lists the keys of each step) */
	"  number TEXT NOT NULL DEFAULT '',"
	"  detail TEXT NOT NULL DEFAULT '{}',"
	"  rules TEXT NOT NULL DEFAULT '',"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"CREATE INDEX admission_step_case ON admission_step(admission_id, on_date);"
	"CREATE INDEX admission_step_org ON admission_step(org_id, step, on_date);"
	"CREATE INDEX admission_step_date ON admission_step(step, on_date);"
	/* The introducers of an application: two official members, or one and the Youth Union
	 * committee's resolution (member_id NULL, resolution set). */
	"CREATE TABLE admission_introducer ("
	"  step_id INTEGER NOT NULL REFERENCES admission_step(id),"
	"  member_id INTEGER REFERENCES member(id),"
	"  worked_since INTEGER,"
	"  resolution TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (step_id, member_id)"
	");"
	"CREATE INDEX admission_introducer_member ON admission_introducer(member_id);"
	"CREATE TRIGGER admission_step_no_update BEFORE UPDATE ON admission_step"
	" BEGIN SELECT RAISE(ABORT, 'admission steps are kept: record a new step instead'); END;"
	"CREATE TRIGGER admission_step_no_delete BEFORE DELETE ON admission_step"
	" BEGIN SELECT RAISE(ABORT, 'admission steps are kept: record a new step instead'); END;"
	/* The probationary members by ceremony date, for the recognition votes due (a handful of
	 * entries: only probationers are in it). */
	"CREATE INDEX member_probation ON member(admission_ceremony_date, org_id)"
	"  WHERE status = 'probationary';"
	"INSERT INTO rule(id, version, value, effective_from, source, description) VALUES"
	" ('R-ADMIT-AGE-MIN-MONTHS', 1, '216', CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER),"
	"  'Điều lệ Đảng (2011), Điều 1; 24-QĐ/TW (2021), 1.1 (tính theo tháng)',"
	"  'Youngest age, in whole months on the date of the cell''s vote (or of the admission"
	" decision when no vote is recorded), at which a person may be admitted: 18 years.'),"
	" ('R-ADMIT-AGE-MAX-MONTHS', 1, '720', CAST(julianday('2021-06-01') - 2440587.5 AS INTEGER),"
	"  '24-QĐ/TW (2021), 1.1 (tính theo tháng)',"
	"  'Oldest age, in whole months on the date of the cell''s vote (or of the admission"
	" decision), at which a person may be admitted: 60 years (60 years and 1 month is refused).'),"
	" ('R-ADMIT-INTRODUCER-MONTHS', 1, '12', CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER),"
	"  'Điều lệ Đảng (2011), Điều 4; 24-QĐ/TW (2021), 3.1',"
	"  'Months an introducer (an official member on the date of the application) has worked"
	" with the applicant.'),"
	" ('R-ADMIT-VOTE-FRACTION', 1, '2/3', CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER),"
	"  'Điều lệ Đảng (2011), Điều 4, 5',"
	"  'Share of the official members of the cell (or of the members of the grassroots"
	" committee) who must vote for an admission or a recognition as official; the denominator"
	" is the body''s official members that day, not those present.'),"
	" ('R-ADMIT-CEREMONY-WORKING-DAYS', 1, '30', CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER),"
	"  'Điều lệ Đảng (2011), Điều 5; 24-QĐ/TW (2021), 4.1',"
	"  'Working days after the admission decision within which the ceremony is held.'),"
	" ('R-PROBATION-VOTE-WORKING-DAYS', 1, '30', CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER),"
	"  'Điều lệ Đảng (2011), Điều 5; 24-QĐ/TW (2021), 5.1',"
	"  'Working days after the end of probation within which the cell votes on recognising"
	" the member as official.'),"
	" ('R-PROBATION-FAILED-VOTES', 1, '3', CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER),"
	"  'DOMAIN §5; 24-QĐ/TW (2021), 5',"
	"  'Failed recognition votes after which the case goes to the committee above.'),"
	" ('R-READMIT-TIMES', 1, '1', CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER),"
	"  'Điều lệ Đảng (2011), Điều 4; 24-QĐ/TW (2021), 3.5',"
	"  'Times a person who left the party may be admitted again.'),"
	" ('R-READMIT-MONTHS', 1, '36', CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER),"
	"  '24-QĐ/TW (2021), 3.5',"
	"  'Months after leaving the party before a person may be admitted again.');",
	/* 20: admissions: the duplicate check of a new candidate looks the citizen ID up among
	 * the cases too (docs/admissions.md), by an index; the due list of a subtree reads the
	 * due cases of its organisations one organisation at a time (admission_org_due), that
	 * of the whole tree the admission_due index in date order. */
	"CREATE INDEX admission_citizen ON admission(citizen_id);"
	"CREATE INDEX admission_org_due ON admission(org_id, due_on) WHERE due_on IS NOT NULL;",
	/* 21: an import job may be an import of candidates for admission (import candidates,
	 * POST /api/v1/import/candidates with Prefer: respond-async): import_job's CHECK names
	 * the kinds, and SQLite changes a CHECK only by building the table again (its rows and
	 * ids kept). */
	"CREATE TABLE import_job_21 ("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL"
	"    CHECK (kind IN ('orgs', 'members', 'reviews', 'org-reviews', 'candidates')),"
	"  account TEXT NOT NULL,"
	"  account_id INTEGER NOT NULL,"
	"  scope TEXT NOT NULL,"
	"  file_name TEXT NOT NULL,"
	"  sha256 TEXT NOT NULL,"
	"  state TEXT NOT NULL"
	"    CHECK (state IN ('queued', 'running', 'done', 'failed', 'interrupted')),"
	"  bytes_done BIGINT NOT NULL DEFAULT 0,"
	"  bytes_total BIGINT NOT NULL DEFAULT 0,"
	"  started TEXT NOT NULL,"
	"  ended TEXT,"
	"  report_id INTEGER,"
	"  result TEXT,"
	"  error TEXT"
	");"
	"INSERT INTO import_job_21 SELECT id, kind, account, account_id, scope, file_name, sha256,"
	" state, bytes_done, bytes_total, started, ended, report_id, result, error FROM import_job;"
	"DROP TABLE import_job;"
	"ALTER TABLE import_job_21 RENAME TO import_job;"
	"CREATE INDEX import_job_account ON import_job(account_id, account, id);"
	"CREATE INDEX import_job_state ON import_job(state);",
	/* 22: the members on the rolls of a subtree on a date (the development rate's divisor on
	 * 1 January, docs/admissions.md "Figures"): those who joined their roll and took their
	 * status before it are counted from this index alone, a province's in a millisecond;
	 * only the few whose status changed since read their history. A first load builds it
	 * after the rows, with member_roll. */
	"CREATE INDEX member_since ON member(org_id, org_since, status_since, status);",
	/* 23: admissions: the due list as of a past date finds the probationers of that day who
	 * have since been recognised, removed or have left through their status changes recorded
	 * after it (a recognition's status history starts at the end of probation, before the
	 * vote that recorded it, so the history alone would hide a vote still awaited). */
	"CREATE INDEX member_event_status ON member_event(date, member_id) WHERE kind = 'status';",
	/* 24: cell life (issue 12, docs/meetings.md, docs/study.md): the register of documents
	 * (a number as written, parsed into number, type and issuer), the meetings of an
	 * organisation (a cell's monthly and thematic meetings, extraordinary ones, and the
	 * sessions where a document is studied, a make-up session pointing at the one it makes
	 * up) with the attendance of each member and the resolutions passed, and the rules of
	 * their rhythm and quorum. */
	"CREATE TABLE document ("
	"  id INTEGER PRIMARY KEY,"
	/* as written: 21-NQ/TW, 769-NQ/QUTW, 2008/HD-CT, 54/2017/TT-BQP */
	"  number TEXT NOT NULL,"
	"  num TEXT NOT NULL,"                /* 21, 2008, 54/2017 */
	"  type TEXT NOT NULL,"               /* NQ, CT, KL, QĐ, HD, KH, CTr, TT ... */
	"  issuer TEXT NOT NULL,"             /* TW, QUTW, CT, ĐU, BQP ... */
	"  issued_on INTEGER NOT NULL,"
	"  title TEXT NOT NULL,"
	/* the number and title folded (no accents, lower case) for search */
	"  folded TEXT NOT NULL,"
	"  replaces_id INTEGER REFERENCES document(id),"
	/* the organisation that registered it (its subtree sees it with the documents of the
	 * organisations above) */
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"CREATE UNIQUE INDEX document_number ON document(number, issued_on);"
	"CREATE INDEX document_type ON document(type, issuer, num);"
	"CREATE TABLE meeting ("
	"  id INTEGER PRIMARY KEY,"
	/* the organisation that holds it (a cell, or any committee holding a study session) */
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  on_date INTEGER NOT NULL,"
	"  starts_min INTEGER NOT NULL,"      /* minutes after midnight */
	"  ends_min INTEGER NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('monthly','thematic','extraordinary','study')),"
	"  topic TEXT NOT NULL DEFAULT '',"
	"  agenda TEXT NOT NULL DEFAULT '',"
	"  content TEXT NOT NULL DEFAULT '',"
	"  chair_id INTEGER REFERENCES member(id),"
	"  secretary_id INTEGER REFERENCES member(id),"
	"  guests TEXT NOT NULL DEFAULT '',"
	/* a study session: the document studied; a make-up session: the session it makes up */
	"  document_id INTEGER REFERENCES document(id),"
	"  makeup_of INTEGER REFERENCES meeting(id),"
	/* the count R-MEETING-QUORUM used (the roll less those not counted), kept as recorded */
	"  quorum_base INTEGER,"
	/* planned: announced, not yet held (attendance empty); held: recorded */
	"  state TEXT NOT NULL DEFAULT 'held' CHECK (state IN ('planned','held','cancelled')),"
	"  rules TEXT NOT NULL DEFAULT '',"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"CREATE INDEX meeting_org ON meeting(org_id, on_date);"
	"CREATE INDEX meeting_document ON meeting(document_id, org_id) WHERE document_id IS NOT NULL;"
	"CREATE INDEX meeting_makeup ON meeting(makeup_of) WHERE makeup_of IS NOT NULL;"
	"CREATE TABLE meeting_attendance ("
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id),"
	"  member_id INTEGER NOT NULL REFERENCES member(id),"
	/* present; excused (with reason); absent (without reason); not_counted (on temporary
	 * transfer elsewhere, exempted and absent, suspended: outside the quorum's count) */
	"  status TEXT NOT NULL CHECK (status IN ('present','excused','absent','not_counted')),"
	"  reason TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (meeting_id, member_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX meeting_attendance_member ON meeting_attendance(member_id, meeting_id);"
	"CREATE TABLE meeting_resolution ("
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id),"
	"  seq INTEGER NOT NULL,"
	"  text TEXT NOT NULL,"
	"  votes_for INTEGER NOT NULL, votes_against INTEGER NOT NULL, abstain INTEGER NOT NULL,"
	"  base INTEGER NOT NULL,"            /* the quorum's count the vote was measured against */
	"  passed INTEGER NOT NULL,"
	"  PRIMARY KEY (meeting_id, seq)"
	");"
	"INSERT INTO rule(id, version, value, effective_from, source, description) VALUES"
	" ('R-MEETING-MINUTES', 1, '90', CAST(julianday('2018-10-18') - 2440587.5 AS INTEGER),"
	"  'Hướng dẫn 12-HD/BTCTW (2018) về nâng cao chất lượng sinh hoạt chi bộ; DOMAIN §7',"
	"  'Shortest length, in minutes, of a cell''s regular (monthly) or thematic meeting.'),"
	" ('R-MEETING-QUORUM', 1, '1/2', CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER),"
	"  'Điều lệ Đảng (2011), Điều 10; DOMAIN §7',"
	"  'A resolution of the meeting passes with MORE than this share of the members counted:"
	" the roll that day less members on temporary transfer elsewhere, exempted members who are"
	" absent, suspended members and excused absentees.'),"
	" ('R-MEETING-MONTHLY', 1, '1', CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER),"
	"  'Điều lệ Đảng (2011), Điều 24; DOMAIN §7',"
	"  'Regular meetings a cell holds each calendar month.'),"
	" ('R-MEETING-THEMATIC-QUARTER', 1, '1', CAST(julianday('2018-10-18') - 2440587.5 AS INTEGER),"
	"  'Hướng dẫn 12-HD/BTCTW (2018); DOMAIN §7',"
	"  'Thematic meetings a cell holds each calendar quarter, besides (not instead of) the"
	" monthly meetings.'),"
	" ('R-MEETING-ABSENT-MAX', 1, '3', CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER),"
	"  'Điều lệ Đảng (2011), Điều 8.2 (bỏ sinh hoạt đảng ba tháng trong năm không có lý do"
	" chính đáng)',"
	"  'Absences without reason from the cell''s regular meetings in a calendar year at which"
	" the member is listed for the cell to consider removal from the party.');",
	/* 25: admissions: a case's row carries the dates of the steps that set its deadlines
	 * (the last passed decision, the last ceremony, the last passed cell vote), kept by a
	 * trigger as steps are recorded (steps are never changed or deleted), so that a due list
	 * reads one row a case instead of three searches of its steps (docs/admissions.md). */
	"ALTER TABLE admission ADD COLUMN decision_on INTEGER;"
	"ALTER TABLE admission ADD COLUMN ceremony_on INTEGER;"
	"ALTER TABLE admission ADD COLUMN cell_vote_on INTEGER;"
	"UPDATE admission SET"
	" decision_on = (SELECT max(s.on_date) FROM admission_step s WHERE s.admission_id = admission.id"
	"  AND s.step = 'decision' AND s.passed = 1),"
	" ceremony_on = (SELECT max(s.on_date) FROM admission_step s WHERE s.admission_id = admission.id"
	"  AND s.step = 'ceremony'),"
	" cell_vote_on = (SELECT max(s.on_date) FROM admission_step s WHERE s.admission_id = admission.id"
	"  AND s.step = 'cell_vote' AND s.passed = 1);"
	"CREATE TRIGGER admission_step_dates AFTER INSERT ON admission_step"
	" WHEN new.step IN ('decision', 'ceremony', 'cell_vote') BEGIN"
	" UPDATE admission SET"
	"  decision_on = CASE WHEN new.step = 'decision' AND new.passed = 1"
	"   AND (decision_on IS NULL OR decision_on < new.on_date) THEN new.on_date"
	"   ELSE decision_on END,"
	"  ceremony_on = CASE WHEN new.step = 'ceremony'"
	"   AND (ceremony_on IS NULL OR ceremony_on < new.on_date) THEN new.on_date"
	"   ELSE ceremony_on END,"
	"  cell_vote_on = CASE WHEN new.step = 'cell_vote' AND new.passed = 1"
	"   AND (cell_vote_on IS NULL OR cell_vote_on < new.on_date) THEN new.on_date"
	"   ELSE cell_vote_on END"
	" WHERE id = new.admission_id;"
	" END;",
	/* 26: admissions: the due list is read from the indexes alone (store_adm_due_keys):
	 * each due case's stage and the dates its deadline is counted from ride in the index, by
	 * date (the whole tree) and by organisation (a subtree), so that the country's 40,000
	 * items read no row of admission; the two indexes they extend are dropped. */
	"CREATE INDEX admission_due_keys ON admission(due_on, org_id, stage, stage_since,"
	"  decision_on, ceremony_on, member_id) WHERE due_on IS NOT NULL;"
	"CREATE INDEX admission_org_due_keys ON admission(org_id, due_on, stage, stage_since,"
	"  decision_on, ceremony_on, member_id) WHERE due_on IS NOT NULL;"
	"DROP INDEX admission_due;"
	"DROP INDEX admission_org_due;"
	/* a subtree's probationers whose probation has ended, organisation by organisation,
	 * without reading the others' rows */
	"CREATE INDEX member_probation_org ON member(org_id, admission_ceremony_date,"
	"  admission_decision_date) WHERE status = 'probationary';",
	/* 27: the ceremony's deadline of a member added or imported with its admission dates is
	 * the admission pipeline's (R-ADMIT-CEREMONY-WORKING-DAYS, holidays skipped too); the
	 * older rule stays in the table, with its history, marked as read by nothing. */
	"UPDATE rule SET description = 'Superseded by R-ADMIT-CEREMONY-WORKING-DAYS (which also"
	" skips holidays) for members added or imported with their admission dates; no longer"
	" read. Working days after the admission decision within which the ceremony is held.'"
	" WHERE id = 'R-CEREMONY-DAYS';",
	/* 28 (issue 12, meetings): why a meeting was cancelled (the record stays, in state
	 * cancelled, with its attendance and resolutions). */
	"ALTER TABLE meeting ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT '';",
	/* 29 (study) the study of documents (issue 12, docs/study.md): the study plans (which
	 * audience studies a document, introduced by which organisation, by when), the members'
	 * own confirmations of having studied one (written by the handbook), and the coverage
	 * kept as rows are written: study_covered holds each member covered for a document (the
	 * first day: present at a held session of it or its make-up, or confirmed), study_fig
	 * counts them by the member's current roll, so that a document's coverage of a subtree
	 * sums its organisations' counters instead of scanning attendance. The triggers keep both
	 * in step with attendance, confirmations and members moving or leaving the rolls. Then
	 * the action programmes of organisations per document, with their items and results. */
	"CREATE TABLE study_plan ("
	"  id INTEGER PRIMARY KEY,"
	"  document_id INTEGER NOT NULL REFERENCES document(id),"
	/* who introduces it (the organiser of the sessions) */
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	/* to whom: the members of this subtree, of a tier and a category */
	"  audience_org_id INTEGER NOT NULL REFERENCES org(id),"
	"  tier TEXT NOT NULL CHECK (tier IN ('all','regiment_up','grassroots_members','militia',"
	"    'reserve')),"
	"  category TEXT NOT NULL DEFAULT '',"
	"  deadline INTEGER,"
	"  note TEXT NOT NULL DEFAULT '',"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"CREATE INDEX study_plan_document ON study_plan(document_id, org_id);"
	"CREATE TABLE study_confirm ("
	"  document_id INTEGER NOT NULL REFERENCES document(id),"
	"  member_id INTEGER NOT NULL REFERENCES member(id),"
	"  on_date INTEGER NOT NULL,"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  PRIMARY KEY (document_id, member_id)"
	") WITHOUT ROWID;"
	"CREATE TABLE study_covered ("
	"  document_id INTEGER NOT NULL,"
	"  member_id INTEGER NOT NULL,"
	"  first_on INTEGER NOT NULL,"
	"  PRIMARY KEY (document_id, member_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX study_covered_member ON study_covered(member_id);"
	"CREATE TABLE study_fig ("
	"  document_id INTEGER NOT NULL,"
	"  org_id INTEGER NOT NULL,"
	"  covered INTEGER NOT NULL,"
	"  PRIMARY KEY (document_id, org_id)"
	") WITHOUT ROWID;"
	/* a member newly covered: counted at the roll, when on one */
	"CREATE TRIGGER study_covered_ins AFTER INSERT ON study_covered BEGIN"
	" INSERT INTO study_fig(document_id, org_id, covered)"
	"  SELECT new.document_id, m.org_id, 1 FROM member m WHERE m.id = new.member_id"
	"   AND m.status IN ('probationary','official','exempt','suspended')"
	"  ON CONFLICT(document_id, org_id) DO UPDATE SET covered = covered + 1;"
	" END;"
	"CREATE TRIGGER study_covered_del AFTER DELETE ON study_covered BEGIN"
	" UPDATE study_fig SET covered = covered - 1 WHERE document_id = old.document_id"
	"  AND org_id = (SELECT m.org_id FROM member m WHERE m.id = old.member_id"
	"   AND m.status IN ('probationary','official','exempt','suspended'));"
	" END;"
	/* a member moving to another roll or leaving (joining) the rolls takes the counts along */
	"CREATE TRIGGER study_member_upd AFTER UPDATE OF org_id, status ON member"
	" WHEN (old.org_id <> new.org_id OR old.status <> new.status)"
	"  AND EXISTS (SELECT 1 FROM study_covered c WHERE c.member_id = new.id) BEGIN"
	" UPDATE study_fig SET covered = covered - 1 WHERE org_id = old.org_id"
	"  AND old.status IN ('probationary','official','exempt','suspended')"
	"  AND document_id IN (SELECT c.document_id FROM study_covered c WHERE c.member_id = old.id);"
	" INSERT INTO study_fig(document_id, org_id, covered)"
	"  SELECT c.document_id, new.org_id, 1 FROM study_covered c WHERE c.member_id = new.id"
	"   AND new.status IN ('probationary','official','exempt','suspended') AND true"
	"  ON CONFLICT(document_id, org_id) DO UPDATE SET covered = covered + 1;"
	" END;"
	/* present at a study session not cancelled (or its make-up): covered from its date; a
	 * presence taken back (the attendance replaced or changed): covered no more unless
	 * another presence or a confirmation remains */
	STUDY_ATTEND_TRIGGERS
	"CREATE TRIGGER study_confirm_ins AFTER INSERT ON study_confirm BEGIN"
	" INSERT INTO study_covered(document_id, member_id, first_on)"
	"  VALUES (new.document_id, new.member_id, new.on_date)"
	"  ON CONFLICT(document_id, member_id) DO UPDATE SET first_on = min(first_on, excluded.first_on);"
	" END;"
	"CREATE TABLE action_programme ("
	"  id INTEGER PRIMARY KEY,"
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  document_id INTEGER NOT NULL REFERENCES document(id),"
	"  year INTEGER NOT NULL,"
	"  title TEXT NOT NULL,"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  UNIQUE (org_id, document_id, year)"
	");"
	"CREATE TABLE action_item ("
	"  programme_id INTEGER NOT NULL REFERENCES action_programme(id),"
	"  seq INTEGER NOT NULL,"
	"  text TEXT NOT NULL,"
	"  owner TEXT NOT NULL DEFAULT '',"
	"  due_on INTEGER,"
	/* the result at the year's end: done 1, not done 0, NULL not yet reported */
	"  done INTEGER CHECK (done IN (0, 1)),"
	"  result TEXT NOT NULL DEFAULT '',"
	"  result_on INTEGER,"
	"  PRIMARY KEY (programme_id, seq)"
	");",
	/* 30 (mweb, issue 12): the emulation cross-check. The criteria of an emulation model that
	 * the records can count, each as "words in the criterion=check" (no_discipline: no
	 * member of the cell disciplined in the year; monthly: the monthly meeting held every
	 * month, R-MEETING-MONTHLY; thematic: a thematic meeting every quarter,
	 * R-MEETING-THEMATIC-QUARTER; meetings: both). A rating that ticks such a criterion as
	 * met when the records say otherwise is refused (app_emulation_rate). */
	"INSERT INTO rule(id, version, value, effective_from, source, description) VALUES"
	" ('R-EMULATION-COUNTED', 1,"
	"  'no member disciplined=no_discipline;good in meetings=meetings;"
	"monthly meeting=monthly;thematic meeting=thematic',"
	"  CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER),"
	"  'Hướng dẫn 12-HD/BTCTW (2018); phong trào thi đua chi bộ 4 tốt, 4 tốt 3 không; DOMAIN §6, §7',"
	"  'Criteria of an emulation model counted from the records, as \"words in the"
	" criterion=check\" separated by semicolons (checks: no_discipline, monthly, thematic,"
	" meetings). A rating that ticks such a criterion as met when the records of the year say"
	" otherwise is refused; the meeting checks count only when the cell has a meeting of the"
	" year recorded.');"
	/* The members absent without reason (R-MEETING-ABSENT-MAX: the figures, the worklist)
	 * read through the absences alone, meeting by meeting, not the whole attendance. */
	"CREATE INDEX meeting_attendance_absent ON meeting_attendance(meeting_id, member_id)"
	"  WHERE status = 'absent';",
	/* 31 (hb, issue 12: every member's own handbook, docs/handbook.md): the role 'member' (the
	 * role's CHECK is rebuilt to hold it), the member an account is bound to with its
	 * one-time activation code (hashed; single use; expiring by R-HB-CODE-DAYS), the
	 * individual action plan of a member and year, the plans to study by their audience, and
	 * the period in which a member writes the self-assessment (R-HB-SELF-PERIOD). Comes after
	 * the study's migration (it indexes study_plan). */
	"CREATE TABLE account_role_new ("
	"  id INTEGER PRIMARY KEY,"
	"  account_id INTEGER NOT NULL REFERENCES account(id),"
	"  role TEXT NOT NULL CHECK (role IN ('member','viewer','clerk','org_admin','sys_admin')),"
	"  org_id INTEGER REFERENCES org(id),"
	"  granted_by TEXT NOT NULL,"
	"  granted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  revoked_at TEXT"
	");"
	"INSERT INTO account_role_new SELECT id, account_id, role, org_id, granted_by, granted_at,"
	" revoked_at FROM account_role;"
	"DROP TABLE account_role;"
	"ALTER TABLE account_role_new RENAME TO account_role;"
	"CREATE INDEX account_role_account ON account_role(account_id);"
	"CREATE TABLE member_account ("
	"  account_id INTEGER PRIMARY KEY REFERENCES account(id),"
	"  member_id INTEGER NOT NULL UNIQUE REFERENCES member(id),"
	/* BLAKE2b of the code keyed by nothing secret but salted with the account's id; NULL
	 * once used */
	"  code_hash BLOB,"
	"  code_expires INTEGER,"          /* the last day the code is good for (day number) */
	"  activated_at TEXT,"
	"  created_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"CREATE TABLE member_plan ("
	"  member_id INTEGER NOT NULL REFERENCES member(id),"
	"  year INTEGER NOT NULL,"
	"  commitments TEXT NOT NULL,"
	"  results TEXT NOT NULL DEFAULT '',"
	"  written_on INTEGER NOT NULL,"   /* day numbers */
	"  reported_on INTEGER,"
	"  updated_by TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  PRIMARY KEY (member_id, year)"
	") WITHOUT ROWID;"
	/* a member's documents to study: the plans of the cell's ancestors by audience (the
	 * study's table, made by the study's migration before this one) */
	"CREATE INDEX study_plan_audience ON study_plan(audience_org_id);"
	"INSERT INTO rule(id, version, value, effective_from, source, description) VALUES"
	" ('R-HB-CODE-DAYS', 1, '14', CAST(julianday('2026-01-01') - 2440587.5 AS INTEGER),"
	"  'cadre security policy (docs/handbook.md)',"
	"  'Days a member account''s one-time activation code stays good, counted from the day it"
	" is issued (the code works up to and including the last day).'),"
	" ('R-HB-SELF-PERIOD', 1, '11-15..01-31', CAST(julianday('2019-01-01') - 2440587.5 AS INTEGER),"
	"  'Hướng dẫn 21-HD/BTCTW (2019) về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm;"
	" DOMAIN §6', 'When a member writes the self-assessment of year Y in the handbook: from"
	" MM-DD of Y to MM-DD of Y+1 (the review period), and only until the year is decided.');",
	/* 32: a province's admission figures read indexes, not rows: the members on the rolls
	 * on 1 January whose status changed since are told from member_since with their
	 * admission dates (a first load builds it so too: store.c), the cases by stage and
	 * source and those closed in a year from admission_org. */
	"DROP INDEX member_since;"
	"CREATE INDEX member_since ON member(org_id, org_since, status_since, status,"
	"  admission_decision_date, official_date);"
	"DROP INDEX admission_org;"
	"CREATE INDEX admission_org ON admission(org_id, stage, source, stage_since);",
	/* 33 (cadres, issue 13: key cadres, docs/cadres.md) the catalogue of position kinds (data:
	 * the party posts and the command posts they pair with, each with its side, whether it
	 * is a key post (cán bộ chủ trì), whether an organisation may have several seats of it,
	 * its names); the positions of organisations (dated); the organisations' flags
	 * 'difficult' and 'border' (dated intervals, so a rotation is judged by the flag of its
	 * day); holdings of positions as dated intervals [valid_from, valid_to) with the decision
	 * that began and ended each (appoint, transfer between posts, rotate; acting holders);
	 * committees (cấp ủy) per organisation and term with the seats set by the upper
	 * committee and their members by role; the rules R-POS-DECIDER-LEVEL and
	 * R-COMMITTEE-TERM-YEARS. */
	"CREATE TABLE position_kind ("
	"  code TEXT PRIMARY KEY,"
	"  side TEXT NOT NULL CHECK (side IN ('party','command')),"
	"  key INTEGER NOT NULL CHECK (key IN (0, 1)),"
	"  pair TEXT,"                      /* the post it pairs with on the other side */
	"  multi INTEGER NOT NULL DEFAULT 0," /* several seats of it in one organisation */
	"  name_vi TEXT NOT NULL,"
	"  name_en TEXT NOT NULL,"
	"  ord INTEGER NOT NULL"
	") WITHOUT ROWID;"
	"INSERT INTO position_kind(code, side, key, pair, multi, name_vi, name_en, ord) VALUES"
	" ('secretary', 'party', 1, 'commissar', 0, 'Bí thư', 'Secretary', 1),"
	" ('deputy_secretary', 'party', 1, 'commander', 1, 'Phó Bí thư', 'Deputy secretary', 2),"
	" ('standing_member', 'party', 0, NULL, 1, 'Ủy viên Ban Thường vụ',"
	"  'Standing committee member', 3),"
	" ('committee_member', 'party', 0, NULL, 1, 'Cấp ủy viên', 'Committee member', 4),"
	" ('inspection_chair', 'party', 1, NULL, 0, 'Chủ nhiệm Ủy ban Kiểm tra',"
	"  'Inspection committee chair', 5),"
	" ('inspection_member', 'party', 0, NULL, 1, 'Ủy viên Ủy ban Kiểm tra',"
	"  'Inspection committee member', 6),"
	" ('commander', 'command', 1, 'deputy_secretary', 0, 'Chỉ huy trưởng', 'Commander', 7),"
	" ('commissar', 'command', 1, 'secretary', 0, 'Chính ủy / Chính trị viên',"
	"  'Political commissar / commissar', 8),"
	" ('deputy_commander', 'command', 0, NULL, 1, 'Phó Chỉ huy trưởng', 'Deputy commander', 9),"
	" ('deputy_commissar', 'command', 0, NULL, 1, 'Phó Chính ủy / Phó Chính trị viên',"
	"  'Deputy commissar', 10),"
	" ('head_of_office', 'command', 0, NULL, 0, 'Chánh Văn phòng', 'Head of office', 11);"
	"CREATE TABLE position ("
	"  id INTEGER PRIMARY KEY,"
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  kind TEXT NOT NULL REFERENCES position_kind(code),"
	"  is_key INTEGER NOT NULL CHECK (is_key IN (0, 1)),"
	"  seats INTEGER NOT NULL DEFAULT 1 CHECK (seats >= 1),"
	"  valid_from INTEGER NOT NULL,"
	"  valid_to INTEGER,"
	"  created_by TEXT NOT NULL"
	");"
	"CREATE UNIQUE INDEX position_org_kind ON position(org_id, kind) WHERE valid_to IS NULL;"
	"CREATE TABLE org_flag ("
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  flag TEXT NOT NULL CHECK (flag IN ('difficult','border')),"
	"  valid_from INTEGER NOT NULL,"
	"  valid_to INTEGER,"
	"  decision TEXT NOT NULL DEFAULT '',"
	"  recorded_by TEXT NOT NULL,"
	"  PRIMARY KEY (org_id, flag, valid_from)"
	") WITHOUT ROWID;"
	"CREATE TABLE holding ("
	"  id INTEGER PRIMARY KEY,"
	"  position_id INTEGER NOT NULL REFERENCES position(id),"
	"  member_id INTEGER NOT NULL REFERENCES member(id),"
	"  acting INTEGER NOT NULL DEFAULT 0 CHECK (acting IN (0, 1)),"
	"  valid_from INTEGER NOT NULL,"
	"  valid_to INTEGER,"
	"  how TEXT NOT NULL CHECK (how IN ('appoint','transfer','rotate')),"
	"  decision TEXT NOT NULL,"
	"  decided_on INTEGER NOT NULL,"
	"  body_org_id INTEGER NOT NULL REFERENCES org(id),"
	"  prev_holding_id INTEGER REFERENCES holding(id),"
	"  to_difficult INTEGER NOT NULL DEFAULT 0,"
	"  to_border INTEGER NOT NULL DEFAULT 0,"
	"  end_how TEXT CHECK (end_how IN ('dismiss','transfer','rotate')),"
	"  end_reason TEXT,"
	"  end_decision TEXT,"
	"  end_decided_on INTEGER,"
	"  end_body_org_id INTEGER REFERENCES org(id),"
	"  recorded_by TEXT NOT NULL"
	");"
	"CREATE INDEX holding_position ON holding(position_id, valid_from);"
	"CREATE INDEX holding_member ON holding(member_id, valid_from);"
	"CREATE INDEX holding_rotation ON holding(valid_from) WHERE how = 'rotate';"
	"CREATE TABLE committee ("
	"  id INTEGER PRIMARY KEY,"
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  term_start INTEGER NOT NULL,"
	"  term_end INTEGER NOT NULL,"
	"  seats INTEGER NOT NULL CHECK (seats >= 1),"
	"  standing_seats INTEGER NOT NULL DEFAULT 0 CHECK (standing_seats >= 0),"
	"  decision TEXT NOT NULL DEFAULT '',"
	"  body_org_id INTEGER REFERENCES org(id),"
	"  created_by TEXT NOT NULL,"
	"  UNIQUE (org_id, term_start)"
	");"
	"CREATE TABLE committee_member ("
	"  id INTEGER PRIMARY KEY,"
	"  committee_id INTEGER NOT NULL REFERENCES committee(id),"
	"  member_id INTEGER NOT NULL REFERENCES member(id),"
	"  role TEXT NOT NULL"
	"    CHECK (role IN ('secretary','deputy_secretary','standing_member','member')),"
	"  valid_from INTEGER NOT NULL,"
	"  valid_to INTEGER,"
	"  how TEXT NOT NULL CHECK (how IN ('election','appointment')),"
	"  decision TEXT NOT NULL DEFAULT '',"
	"  end_reason TEXT,"
	"  recorded_by TEXT NOT NULL"
	");"
	"CREATE INDEX committee_member_committee ON committee_member(committee_id, valid_from);"
	"CREATE INDEX committee_member_member ON committee_member(member_id);"
	"INSERT INTO rule(id, version, value, effective_from, source, description) VALUES"
	" ('R-POS-DECIDER-LEVEL', 1,"
	"  '*@*=1;commander@*=2;commissar@*=2;secretary@grassroots=2;secretary@committee=2',"
	"  CAST(julianday('2017-03-20') - 2440587.5 AS INTEGER),"
	"  'Quy định 105-QĐ/TW (2017) về phân cấp quản lý cán bộ; Thông tư 54/2017/TT-BQP; DOMAIN §4',"
	"  'Which body may decide a position: entries POSITION_KIND@ORG_KIND=N separated by"
	" semicolons (* any; the most specific entry wins: kind and org kind, then kind, then org"
	" kind, then *@*). The deciding body must be an ancestor of the position''s organisation"
	" at least N levels above it (the root decides any position).'),"
	" ('R-COMMITTEE-TERM-YEARS', 1, '5', CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER),"
	"  'Điều lệ Đảng (2011), Điều 13 và 15: nhiệm kỳ đại hội 5 năm',"
	"  'Years of a committee''s term (cấp ủy): a term starting on D ends on D plus this many"
	" years; a committee may not be set with another length.');",
	/* 34 (training, issue 13: docs/cadres.md "The personnel right"): the right 'personnel' on
	 * a role grant, 0 or 1. Granting or revoking it closes the grant in force and opens a copy
	 * with the new value, so the history of who held it when is kept like the roles'. */
	"ALTER TABLE account_role ADD COLUMN personnel INTEGER NOT NULL DEFAULT 0"
	"  CHECK (personnel IN (0, 1));",
	/* 35 (training, issue 13: docs/cadres.md "Training"): members' training records. org_id
	 * is the organisation that sent the member (the member's roll when recorded): the figure
	 * "cadres sent to training" counts by it. An edit changes the row and keeps the old
	 * values in the audit entry; a delete only marks the row (deleted_at), so that what was
	 * recorded stays readable. */
	"CREATE TABLE training ("
	"  id INTEGER PRIMARY KEY,"
	"  member_id INTEGER NOT NULL REFERENCES member(id),"
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  course TEXT NOT NULL,"
	"  school TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('long_term','in_service','school','short')),"
	"  from_date INTEGER NOT NULL,"
	"  to_date INTEGER CHECK (to_date IS NULL OR to_date >= from_date),"
	"  result TEXT NOT NULL DEFAULT '',"
	"  certificate TEXT NOT NULL DEFAULT '',"
	"  note TEXT NOT NULL DEFAULT '',"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  deleted_at TEXT"
	");"
	"CREATE INDEX training_member ON training(member_id, from_date);"
	"CREATE INDEX training_org ON training(org_id, from_date) WHERE deleted_at IS NULL;",
	/* 36 (issue 13: docs/cadres.md "Planning" and "The cadre's sheet") personnel planning
	 * (quy hoạch, Thông tư 54/2017/TT-BQP): planning periods (2025-2030); an organisation's
	 * plan for a period in numbered versions, version 1 its approval and each later one a
	 * yearly review (plan_version); the ranked planned successors of its positions as
	 * intervals of versions [from_version, to_version), so that every version stays
	 * answerable and a re-ranking or a removal closes a row with its reason; the criteria per
	 * position kind as dated data (plan_criterion: kind or '*', criterion, value; the most
	 * recent row on or before the date wins, an empty value switches a criterion off); the
	 * structure targets of a plan (young, ethnic minority, women) in percent; the cadre's
	 * own yearly assessment in post with the health class, kept in revisions like the
	 * reviews; the rules R-PLAN-MAX-POSITIONS and R-PLAN-PER-POSITION. */
	"CREATE TABLE plan_period ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  from_year INTEGER NOT NULL,"
	"  to_year INTEGER NOT NULL CHECK (to_year > from_year),"
	"  created_by TEXT NOT NULL"
	");"
	"CREATE TABLE plan_version ("
	"  id INTEGER PRIMARY KEY,"
	"  period_id INTEGER NOT NULL REFERENCES plan_period(id),"
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  version INTEGER NOT NULL CHECK (version >= 1),"
	"  year INTEGER NOT NULL,"
	"  decision TEXT NOT NULL DEFAULT '',"
	"  decided_on INTEGER,"
	"  body_org_id INTEGER REFERENCES org(id),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  created_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  UNIQUE (period_id, org_id, version)"
	");"
	"CREATE TABLE plan_successor ("
	"  id INTEGER PRIMARY KEY,"
	"  period_id INTEGER NOT NULL REFERENCES plan_period(id),"
	"  position_id INTEGER NOT NULL REFERENCES position(id),"
	"  member_id INTEGER NOT NULL REFERENCES member(id),"
	"  rank INTEGER NOT NULL CHECK (rank >= 1),"
	"  from_version INTEGER NOT NULL CHECK (from_version >= 1),"
	"  to_version INTEGER CHECK (to_version IS NULL OR to_version > from_version),"
	"  added_reason TEXT NOT NULL DEFAULT '',"
	"  removed_reason TEXT,"
	"  recorded_by TEXT NOT NULL"
	");"
	"CREATE INDEX plan_successor_position ON plan_successor(position_id, period_id, from_version);"
	"CREATE INDEX plan_successor_member ON plan_successor(member_id, period_id);"
	"CREATE TABLE plan_criterion ("
	"  kind TEXT NOT NULL,"              /* a position_kind code, or '*' for every kind */
	"  criterion TEXT NOT NULL CHECK (criterion IN ('max_age','theory_level','education',"
	"    'lower_post_months','review_grades','health')),"
	"  value TEXT NOT NULL,"
	"  effective_from INTEGER NOT NULL,"
	"  source TEXT NOT NULL,"
	"  added_by TEXT NOT NULL DEFAULT 'cadre',"
	"  PRIMARY KEY (kind, criterion, effective_from)"
	") WITHOUT ROWID;"
	/* Values: max_age 'RANK=AGE;...;*=AGE' (age on the plan period's first 1 January, by
	 * the member's rank, * otherwise); theory_level the lowest level (primary < intermediate
	 * < advanced < senior); education the accepted values, comma separated; lower_post_months
	 * 'KIND,KIND:MONTHS' (months held, in total, any of those kinds, acting included);
	 * review_grades 'YEARS:GRADE' (each of the last YEARS reviews decided at GRADE or better);
	 * health the highest health class accepted (1 best). */
	"INSERT INTO plan_criterion(kind, criterion, value, effective_from, source) VALUES"
	" ('*', 'max_age', 'Thiếu úy=35;Trung úy=35;Thượng úy=38;Đại úy=40;Thiếu tá=43;"
	"Trung tá=46;Thượng tá=50;Đại tá=53;*=50', CAST(julianday('2017-05-01') - 2440587.5 AS INTEGER),"
	"  'Thông tư 54/2017/TT-BQP; Luật Sĩ quan QĐND (2014): tuổi quy hoạch lần đầu còn đủ một nhiệm kỳ'),"
	" ('*', 'theory_level', 'intermediate', CAST(julianday('2017-05-01') - 2440587.5 AS INTEGER),"
	"  'Thông tư 54/2017/TT-BQP: trình độ lý luận chính trị'),"
	" ('*', 'education', '12/12,10/10', CAST(julianday('2017-05-01') - 2440587.5 AS INTEGER),"
	"  'Thông tư 54/2017/TT-BQP: trình độ học vấn'),"
	" ('*', 'review_grades', '2:good', CAST(julianday('2017-05-01') - 2440587.5 AS INTEGER),"
	"  'Quy định 50-QĐ/TW (2021): hoàn thành tốt nhiệm vụ trở lên những năm gần nhất'),"
	" ('*', 'health', '2', CAST(julianday('2017-05-01') - 2440587.5 AS INTEGER),"
	"  'Thông tư 54/2017/TT-BQP: sức khỏe loại 1, 2'),"
	" ('secretary', 'lower_post_months', 'deputy_secretary,standing_member,commissar,"
	"deputy_commissar:24', CAST(julianday('2017-05-01') - 2440587.5 AS INTEGER),"
	"  'Thông tư 54/2017/TT-BQP: thời gian giữ chức vụ thấp hơn liền kề'),"
	" ('deputy_secretary', 'lower_post_months', 'standing_member,committee_member,"
	"deputy_commander,deputy_commissar:24', CAST(julianday('2017-05-01') - 2440587.5 AS INTEGER),"
	"  'Thông tư 54/2017/TT-BQP: thời gian giữ chức vụ thấp hơn liền kề'),"
	" ('commander', 'lower_post_months', 'deputy_commander:24',"
	"  CAST(julianday('2017-05-01') - 2440587.5 AS INTEGER),"
	"  'Thông tư 54/2017/TT-BQP: thời gian giữ chức vụ thấp hơn liền kề'),"
	" ('commissar', 'lower_post_months', 'deputy_commissar:24',"
	"  CAST(julianday('2017-05-01') - 2440587.5 AS INTEGER),"
	"  'Thông tư 54/2017/TT-BQP: thời gian giữ chức vụ thấp hơn liền kề'),"
	" ('inspection_chair', 'lower_post_months', 'inspection_member,committee_member:24',"
	"  CAST(julianday('2017-05-01') - 2440587.5 AS INTEGER),"
	"  'Thông tư 54/2017/TT-BQP: thời gian giữ chức vụ thấp hơn liền kề');"
	"CREATE TABLE plan_target ("
	"  period_id INTEGER NOT NULL REFERENCES plan_period(id),"
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  target TEXT NOT NULL CHECK (target IN ('young','ethnic_minority','women')),"
	"  pct_min INTEGER NOT NULL CHECK (pct_min BETWEEN 0 AND 100),"
	"  age_under INTEGER,"                /* young: under this age on the period's start */
	"  set_by TEXT NOT NULL,"
	"  PRIMARY KEY (period_id, org_id, target)"
	") WITHOUT ROWID;"
	"CREATE TABLE cadre_assessment ("
	"  id INTEGER PRIMARY KEY,"
	"  member_id INTEGER NOT NULL REFERENCES member(id),"
	"  year INTEGER NOT NULL,"
	"  position_id INTEGER REFERENCES position(id),"
	"  self_text TEXT NOT NULL,"          /* the cadre's own assessment in post */
	"  strengths TEXT NOT NULL DEFAULT '',"
	"  weaknesses TEXT NOT NULL DEFAULT '',"
	"  health INTEGER CHECK (health IS NULL OR health BETWEEN 1 AND 6),"
	"  revision INTEGER NOT NULL DEFAULT 0,"
	"  current INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1)),"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"CREATE UNIQUE INDEX cadre_assessment_one ON cadre_assessment(member_id, year) WHERE current;"
	"INSERT INTO rule(id, version, value, effective_from, source, description) VALUES"
	" ('R-PLAN-MAX-POSITIONS', 1, '3', CAST(julianday('2021-07-09') - 2440587.5 AS INTEGER),"
	"  'Quy định 50-QĐ/TW (2021) về công tác quy hoạch cán bộ; Thông tư 54/2017/TT-BQP',"
	"  'The most positions one person may be planned for in one planning period; one more is"
	" refused.'),"
	" ('R-PLAN-PER-POSITION', 1, '2-3', CAST(julianday('2021-07-09') - 2440587.5 AS INTEGER),"
	"  'Quy định 50-QĐ/TW (2021): mỗi chức danh quy hoạch không quá 3 người, không quy hoạch"
	" một người cho một chức danh',"
	"  'MIN-MAX planned successors of one position in one plan version: more than MAX is"
	" refused; fewer than MIN is shown as short in the plan and the vacancy report.');",
	/* 37 (issue 13: docs/cadres.md "The cadre's sheet and assessment") every revision of a
	 * cadre's own assessment by member and year: the list of a member's revisions and the
	 * sheet's read of the current ones go by it (cadre_assessment_one holds the current rows
	 * only). */
	"CREATE INDEX cadre_assessment_member ON cadre_assessment(member_id, year, revision);",
	/* 38: import jobs of every kind an import takes (Prefer: respond-async on the API, the
	 * web's large uploads): import_job's CHECK named the kinds up to candidates only, so a
	 * job importing meetings, attendance, documents, training records, position holdings or
	 * committees was refused by the database. SQLite changes a CHECK only by building the
	 * table again (its rows and ids kept). */
	"CREATE TABLE import_job_38 ("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL"
	"    CHECK (kind IN ('orgs', 'members', 'reviews', 'org-reviews', 'candidates',"
	"                    'meetings', 'attendance', 'documents', 'training', 'holdings',"
	"                    'committees')),"
	"  account TEXT NOT NULL,"
	"  account_id INTEGER NOT NULL,"
	"  scope TEXT NOT NULL,"
	"  file_name TEXT NOT NULL,"
	"  sha256 TEXT NOT NULL,"
	"  state TEXT NOT NULL"
	"    CHECK (state IN ('queued', 'running', 'done', 'failed', 'interrupted')),"
	"  bytes_done BIGINT NOT NULL DEFAULT 0,"
	"  bytes_total BIGINT NOT NULL DEFAULT 0,"
	"  started TEXT NOT NULL,"
	"  ended TEXT,"
	"  report_id INTEGER,"
	"  result TEXT,"
	"  error TEXT"
	");"
	"INSERT INTO import_job_38 SELECT id, kind, account, account_id, scope, file_name, sha256,"
	" state, bytes_done, bytes_total, started, ended, report_id, result, error FROM import_job;"
	"DROP TABLE import_job;"
	"ALTER TABLE import_job_38 RENAME TO import_job;"
	"CREATE INDEX import_job_account ON import_job(account_id, account, id);"
	"CREATE INDEX import_job_state ON import_job(state);",
	/* 39 (issue 13, nbench: the vacancy report at national scale, bench/README.md "Key
	 * cadres") the kept state of every position and committee (POSITION_KEPT_SET above):
	 * from the day kept_at on, what its holdings (seats) say on any day is what the kept
	 * columns say, and full_since is the first day it is certainly full (2147483647: not
	 * full on any day from kept_at). Triggers keep them on every change of holdings, seats
	 * and the number of seats, whoever writes them. The report of a day D reads only the
	 * positions and committees with full_since > D (most are full and never read) and
	 * those with a holder or member who left the rolls by D (member_left: the few members
	 * off the rolls); it takes their state from the kept columns when kept_at <= D and no
	 * one left, else from the holdings. The covering indexes position_vac, position_key
	 * and committee_vac hold what the report reads of them. */
	"ALTER TABLE position ADD COLUMN full_since INTEGER NOT NULL DEFAULT 2147483647;"
	"ALTER TABLE position ADD COLUMN kept_at INTEGER;"
	"ALTER TABLE position ADD COLUMN open_full INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE position ADD COLUMN open_acting INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE position ADD COLUMN acting_since INTEGER;"
	"ALTER TABLE position ADD COLUMN last_end INTEGER;"
	"ALTER TABLE committee ADD COLUMN full_since INTEGER NOT NULL DEFAULT 2147483647;"
	"ALTER TABLE committee ADD COLUMN kept_at INTEGER;"
	"ALTER TABLE committee ADD COLUMN open_filled INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE committee ADD COLUMN open_standing INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE committee ADD COLUMN last_end INTEGER;"
	"CREATE INDEX member_left ON member(id, status_since)"
	"  WHERE status NOT IN ('probationary','official','exempt','suspended');"
	"CREATE INDEX position_vac ON position(full_since, org_id, kind, seats, valid_from,"
	"  valid_to, kept_at, open_full, open_acting, acting_since, last_end, is_key) WHERE is_key = 1;"
	"CREATE INDEX position_key ON position(org_id, full_since, kind, seats, valid_from,"
	"  valid_to, kept_at, open_full, open_acting, acting_since, last_end, is_key) WHERE is_key = 1;"
	"CREATE INDEX committee_vac ON committee(full_since, org_id, term_start, term_end, seats,"
	"  standing_seats, kept_at, open_filled, open_standing, last_end);"
	"CREATE INDEX holding_open ON holding(position_id, valid_to, acting, valid_from, member_id);"
	"CREATE INDEX committee_member_open ON committee_member(committee_id, valid_to, role,"
	"  valid_from, member_id);"
	"CREATE TRIGGER holding_kept_ins AFTER INSERT ON holding BEGIN "
	POSITION_KEPT("new.position_id") " END;"
	"CREATE TRIGGER holding_kept_upd AFTER UPDATE OF position_id, acting, valid_from, valid_to"
	"  ON holding BEGIN " POSITION_KEPT("old.position_id") POSITION_KEPT("new.position_id")
	" END;"
	"CREATE TRIGGER holding_kept_del AFTER DELETE ON holding BEGIN "
	POSITION_KEPT("old.position_id") " END;"
	"CREATE TRIGGER position_kept_seats AFTER UPDATE OF seats ON position BEGIN "
	POSITION_KEPT("new.id") " END;"
	"CREATE TRIGGER cmember_kept_ins AFTER INSERT ON committee_member BEGIN "
	COMMITTEE_KEPT("new.committee_id") " END;"
	"CREATE TRIGGER cmember_kept_upd AFTER UPDATE OF committee_id, role, valid_from, valid_to"
	"  ON committee_member BEGIN " COMMITTEE_KEPT("old.committee_id")
	COMMITTEE_KEPT("new.committee_id") " END;"
	"CREATE TRIGGER cmember_kept_del AFTER DELETE ON committee_member BEGIN "
	COMMITTEE_KEPT("old.committee_id") " END;"
	"CREATE TRIGGER committee_kept_seats AFTER UPDATE OF seats, standing_seats ON committee"
	"  BEGIN " COMMITTEE_KEPT("new.id") " END;"
	POSITION_KEPT_SET ";" COMMITTEE_KEPT_SET ";",
	/* 40 (issue 13: docs/cadres.md "Planning") the plan a successor row belongs to: the
	 * organisation whose plan (period, organisation) lists it, which may be an ancestor of
	 * the position's organisation (a region's plan lists the key positions of its
	 * subtree). NULL: the position's own organisation's plan (rows written before, or by
	 * the national benches' generator). */
	"ALTER TABLE plan_successor ADD COLUMN plan_org_id INTEGER REFERENCES org(id);"
	"CREATE INDEX plan_successor_plan ON plan_successor(plan_org_id, period_id)"
	"  WHERE plan_org_id IS NOT NULL;",
	/* 41 (issue 14: docs/inspection.md) inspection, supervision, discipline and complaints.
	 * The right 'inspection' on a role grant (like 'personnel', migration 34): cases and
	 * complaints need it. A programme: one committee's (body 'committee') or its inspection
	 * committee's ('inspection') yearly programme of inspection or of supervision, with its
	 * items (a target organisation, or a member with the member's organisation then). A
	 * case: opened by a decision (canonical document number, core/docnum.h), from an item or
	 * outside the programme (item_id NULL: on signs of violation), with its team, period,
	 * findings, conclusion, notice and follow-up; every state change is a row of
	 * insp_case_event, dated, with who. org_id is always the target organisation (or the
	 * member's organisation when opened), so that a subtree counts by it. */
	"ALTER TABLE account_role ADD COLUMN inspection INTEGER NOT NULL DEFAULT 0"
	"  CHECK (inspection IN (0, 1));"
	"CREATE TABLE insp_programme ("
	"  id INTEGER PRIMARY KEY,"
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  body TEXT NOT NULL CHECK (body IN ('committee','inspection')),"
	"  year INTEGER NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('inspection','supervision')),"
	"  title TEXT NOT NULL DEFAULT '',"
	"  approved_on INTEGER,"
	"  doc_no TEXT NOT NULL DEFAULT '',"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  UNIQUE (org_id, body, year, kind)"
	");"
	"CREATE TABLE insp_item ("
	"  id INTEGER PRIMARY KEY,"
	"  programme_id INTEGER NOT NULL REFERENCES insp_programme(id),"
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  member_id INTEGER REFERENCES member(id),"
	"  kind TEXT NOT NULL CHECK (kind IN ('plan','signs','regular','thematic',"
	"    'discipline_exec','finance')),"
	"  planned_from INTEGER NOT NULL,"
	"  planned_to INTEGER NOT NULL CHECK (planned_to >= planned_from),"
	"  content TEXT NOT NULL,"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  deleted_at TEXT"
	");"
	"CREATE INDEX insp_item_programme ON insp_item(programme_id);"
	"CREATE TABLE insp_case ("
	"  id INTEGER PRIMARY KEY,"
	"  item_id INTEGER REFERENCES insp_item(id),"
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  member_id INTEGER REFERENCES member(id),"
	"  body_org_id INTEGER NOT NULL REFERENCES org(id),"
	"  body TEXT NOT NULL CHECK (body IN ('committee','inspection')),"
	"  kind TEXT NOT NULL CHECK (kind IN ('plan','signs','regular','thematic',"
	"    'discipline_exec','finance')),"
	"  decision_no TEXT NOT NULL,"
	"  decision_on INTEGER NOT NULL,"
	"  team TEXT NOT NULL DEFAULT '',"
	"  period_from INTEGER NOT NULL,"
	"  period_to INTEGER NOT NULL CHECK (period_to >= period_from),"
	"  content TEXT NOT NULL DEFAULT '',"
	"  findings TEXT NOT NULL DEFAULT '',"
	"  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','concluded','notified',"
	"    'closed')),"
	"  conclusion TEXT CHECK (conclusion IN ('no_violation','violation','violation_discipline')),"
	"  concluded_on INTEGER,"
	"  conclusion_no TEXT NOT NULL DEFAULT '',"
	"  proposal TEXT NOT NULL DEFAULT '',"
	"  notice_no TEXT NOT NULL DEFAULT '',"
	"  notified_on INTEGER,"
	"  followup TEXT NOT NULL DEFAULT '',"
	"  followup_on INTEGER,"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"CREATE INDEX insp_case_org ON insp_case(org_id, decision_on);"
	"CREATE INDEX insp_case_member ON insp_case(member_id) WHERE member_id IS NOT NULL;"
	"CREATE INDEX insp_case_open ON insp_case(period_to) WHERE state IN ('open','concluded');"
	"CREATE UNIQUE INDEX insp_case_decision ON insp_case(body_org_id, decision_no);"
	"CREATE TABLE insp_case_event ("
	"  id INTEGER PRIMARY KEY,"
	"  case_id INTEGER NOT NULL REFERENCES insp_case(id),"
	"  state TEXT NOT NULL,"
	"  on_date INTEGER NOT NULL,"
	"  doc_no TEXT NOT NULL DEFAULT '',"
	"  note TEXT NOT NULL DEFAULT '',"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"CREATE INDEX insp_case_event_case ON insp_case_event(case_id, id);"
	"CREATE TRIGGER insp_case_event_keep BEFORE DELETE ON insp_case_event"
	" BEGIN SELECT RAISE(ABORT, 'a case''s history is kept'); END;"
	/* Discipline made right: the act's date beside the decision's (the limitation period
	 * counts from it), the decision's number, the deciding body's kind (the committee or its
	 * inspection committee: footnote 7 counts them apart), the case it came from, the date
	 * the target was notified (a complaint's 30 days count from it), the date it takes effect
	 * (expulsion changes the roll then), and its history: a decision annulled or changed by
	 * the body above on a complaint is never overwritten, its state says so and the changed
	 * decision is a new row naming it (replaces_id). */
	"ALTER TABLE discipline ADD COLUMN act_on INTEGER;"
	"ALTER TABLE discipline ADD COLUMN decision_no TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE discipline ADD COLUMN body TEXT NOT NULL DEFAULT 'committee'"
	"  CHECK (body IN ('committee','inspection'));"
	"ALTER TABLE discipline ADD COLUMN case_id INTEGER REFERENCES insp_case(id);"
	"ALTER TABLE discipline ADD COLUMN notified_on INTEGER;"
	"ALTER TABLE discipline ADD COLUMN effective_on INTEGER;"
	"ALTER TABLE discipline ADD COLUMN state TEXT NOT NULL DEFAULT 'in_force'"
	"  CHECK (state IN ('in_force','annulled','changed'));"
	"ALTER TABLE discipline ADD COLUMN ended_on INTEGER;"
	"ALTER TABLE discipline ADD COLUMN replaces_id INTEGER REFERENCES discipline(id);"
	"CREATE INDEX discipline_case ON discipline(case_id) WHERE case_id IS NOT NULL;"
	/* A review decision left standing by a discipline recorded after it
	 * (R-REVIEW-DISCIPLINED-MEMBER, R-REVIEW-ORG-NOT-COMPLETE): flagged for revision to the
	 * body that decided the grade; resolved by the next decision on that review. */
	"CREATE TABLE review_revision ("
	"  id INTEGER PRIMARY KEY,"
	"  review_id INTEGER NOT NULL REFERENCES review(id),"
	"  member_id INTEGER REFERENCES member(id),"
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  year INTEGER NOT NULL,"
	"  discipline_id INTEGER NOT NULL REFERENCES discipline(id),"
	"  rule_id TEXT NOT NULL,"
	"  body_org_id INTEGER REFERENCES org(id),"
	"  flagged_on INTEGER NOT NULL,"
	"  resolved_review_id INTEGER REFERENCES review(id),"
	"  resolved_on INTEGER"
	");"
	"CREATE INDEX review_revision_open ON review_revision(org_id, year) WHERE resolved_on IS NULL;"
	"CREATE INDEX review_revision_review ON review_revision(review_id);"
	/* Complaints against a discipline decision (kind 'complaint', discipline_id set) and
	 * denunciations (tố cáo, kind 'denunciation', about a member or an organisation), in one
	 * register. org_id: the organisation of the complainant or of the one denounced, for
	 * scope and counting; to_body_org_id: the body it is lodged with (for a complaint, above
	 * the one that decided). due_on: when the settlement is due (R-COMPLAINT-SETTLE-DAYS,
	 * R-DENUNCIATION-SETTLE-DAYS). The settlement: outcome, date, number, and for a changed
	 * or raised discipline the new decision (discipline.replaces_id names the old one). */
	"CREATE TABLE complaint ("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL CHECK (kind IN ('complaint','denunciation')),"
	"  discipline_id INTEGER REFERENCES discipline(id),"
	"  org_id INTEGER NOT NULL REFERENCES org(id),"
	"  member_id INTEGER REFERENCES member(id),"
	"  from_name TEXT NOT NULL DEFAULT '',"
	"  to_body_org_id INTEGER NOT NULL REFERENCES org(id),"
	"  lodged_on INTEGER NOT NULL,"
	"  content TEXT NOT NULL,"
	"  due_on INTEGER NOT NULL,"
	"  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','settled','withdrawn')),"
	"  outcome TEXT CHECK (outcome IN ('kept','reduced','annulled','raised',"
	"    'founded','partly_founded','unfounded')),"
	"  settled_on INTEGER,"
	"  settlement_no TEXT NOT NULL DEFAULT '',"
	"  settlement TEXT NOT NULL DEFAULT '',"
	"  new_discipline_id INTEGER REFERENCES discipline(id),"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"CREATE INDEX complaint_org ON complaint(org_id, lodged_on);"
	"CREATE INDEX complaint_open ON complaint(due_on) WHERE state = 'open';"
	"CREATE INDEX complaint_discipline ON complaint(discipline_id) WHERE discipline_id IS NOT NULL;"
	"INSERT INTO rule(id, version, value, effective_from, source, description) VALUES"
	" ('R-DISCIPLINE-LIMITATION', 1, 'reprimand>5;warning>10;removal>10;expulsion>0;dissolution>0',"
	"  CAST(julianday('2022-07-28') - 2440587.5 AS INTEGER), 'Quy định 69-QĐ/TW (2022), Điều 4 (thời hiệu xử lý kỷ luật)',"
	"  'Years after the act within which a discipline of each form may be decided (0: no"
	" limit, for expulsion-level acts and dissolution). An older act is refused.'),"
	" ('R-DISCIPLINE-AUTHORITY', 1,"
	"  'cell:member>reprimand,warning;subcommittee:member>reprimand,warning;"
	"grassroots:member>reprimand,warning,removal,expulsion;grassroots:org>reprimand,warning;"
	"committee:member>reprimand,warning,removal,expulsion;"
	"committee:org>reprimand,warning,dissolution;grassroots/inspection:member>reprimand,warning;"
	"committee/inspection:member>reprimand,warning,removal,expulsion;"
	"committee/inspection:org>reprimand,warning',"
	"  CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER), 'Điều lệ Đảng (2011), Điều 36; Quy định 22-QĐ/TW (2021)',"
	"  'Which body decides which form for whom: KIND[/inspection]:TARGET>forms, KIND the"
	" deciding organisation''s kind (cell, subcommittee, grassroots, committee), /inspection"
	" its inspection committee, TARGET member or org (R-DISCIPLINE-FORMS limits a"
	" probationary member to reprimand or warning).'),"
	" ('R-COMPLAINT-DAYS', 1, '30', CAST(julianday('2011-01-19') - 2440587.5 AS INTEGER),"
	"  'Điều lệ Đảng (2011), Điều 37; Quy định 22-QĐ/TW (2021)',"
	"  'Days after the notice of a discipline decision within which a complaint may be"
	" lodged, with the body above the one that decided.'),"
	" ('R-COMPLAINT-SETTLE-DAYS', 1, '90', CAST(julianday('2021-07-28') - 2440587.5 AS INTEGER), 'Quy định 22-QĐ/TW (2021), Điều 15',"
	"  'Days after a complaint is lodged by which it must be settled.'),"
	" ('R-DENUNCIATION-SETTLE-DAYS', 1, '60', CAST(julianday('2021-07-28') - 2440587.5 AS INTEGER), 'Quy định 22-QĐ/TW (2021), Điều 10',"
	"  'Days after a denunciation (tố cáo) is received by which it must be settled.');",
	/* 42 (issue 14, docs/inspection.md "Discipline"): the number of the notice by which the
	 * target of a discipline was told of it ('cadre discipline notify ID --date D --number
	 * NO'), beside its date (notified_on, migration 41). */
	"ALTER TABLE discipline ADD COLUMN notice_no TEXT NOT NULL DEFAULT '';",
	/* 43 (issue 14: docs/inspection.md, "The footnote-7 report") the counters of seed 004's
	 * footnote 7 (store_insp_fig.h): per organisation, month and cell, how many cases,
	 * discipline decisions in force, complaints received and settled; and the same for the
	 * whole tree (insp_fig_all: the country's report reads a few thousand rows). Kept by the
	 * triggers below in the same transaction as every change, in plain SQL so that every
	 * client keeps them; an organisation moved or merged keeps its id, so its counters stay
	 * right; a deciding organisation whose kind changes moves its decisions' cells. The
	 * date indexes (covering) count a report's partial edge months from the rows. */
	"CREATE TABLE insp_fig (org_id INTEGER NOT NULL, month INTEGER NOT NULL,"
	"  cell INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (org_id, month, cell)) WITHOUT ROWID;"
	"CREATE TABLE insp_fig_all (month INTEGER NOT NULL, cell INTEGER NOT NULL,"
	"  n INTEGER NOT NULL, PRIMARY KEY (month, cell)) WITHOUT ROWID;"
	/* covering: a few days of the whole country read from the index alone */
	"CREATE INDEX insp_case_date ON insp_case(decision_on, org_id, body, kind, member_id,"
	"  conclusion);"
	"CREATE INDEX discipline_date ON discipline(decided_on, org_id, state, member_id, form,"
	"  body_org_id, body);"
	"CREATE INDEX complaint_lodged ON complaint(lodged_on, org_id, kind, member_id);"
	"CREATE INDEX complaint_settled ON complaint(settled_on, org_id, kind, member_id, state,"
	"  outcome) WHERE settled_on IS NOT NULL;"
	"CREATE TRIGGER insp_case_fig_ins AFTER INSERT ON insp_case BEGIN "
	IF_CASE_ADD("new") " END;"
	"CREATE TRIGGER insp_case_fig_del AFTER DELETE ON insp_case BEGIN "
	IF_CASE_SUB("old") " END;"
	"CREATE TRIGGER insp_case_fig_upd AFTER UPDATE OF org_id, decision_on, body, kind, member_id,"
	" conclusion ON insp_case BEGIN " IF_CASE_SUB("old") IF_CASE_ADD("new") " END;"
	"CREATE TRIGGER discipline_insp_fig_ins AFTER INSERT ON discipline BEGIN "
	IF_DISC_ADD("new") " END;"
	"CREATE TRIGGER discipline_insp_fig_del AFTER DELETE ON discipline BEGIN "
	IF_DISC_SUB("old") " END;"
	/* old's level is read from the body's kind of now: a kind changes only through the
	 * org trigger below, which moves the cells itself. */
	"CREATE TRIGGER discipline_insp_fig_upd AFTER UPDATE OF org_id, decided_on, member_id, form,"
	" body_org_id, body, state ON discipline BEGIN " IF_DISC_SUB("old") IF_DISC_ADD("new")
	" END;"
	"CREATE TRIGGER complaint_insp_fig_ins AFTER INSERT ON complaint BEGIN "
	IF_COMPL_ADD("new") " END;"
	"CREATE TRIGGER complaint_insp_fig_del AFTER DELETE ON complaint BEGIN "
	IF_COMPL_SUB("old") " END;"
	"CREATE TRIGGER complaint_insp_fig_upd AFTER UPDATE OF org_id, kind, member_id, lodged_on,"
	" settled_on, outcome, state ON complaint BEGIN " IF_COMPL_SUB("old") IF_COMPL_ADD("new")
	" END;"
	"CREATE TRIGGER org_insp_fig_kind AFTER UPDATE OF kind ON org WHEN old.kind IS NOT new.kind"
	" BEGIN " IF_REKIND("old.kind", "-") IF_REKIND("new.kind", "")
	" DELETE FROM insp_fig WHERE org_id IN (SELECT org_id FROM discipline WHERE body_org_id = new.id)"
	" AND n = 0; DELETE FROM insp_fig_all WHERE n = 0; END;"
	IF_FILL("insp_fig", "org_id, ", "org_id, month, cell")
	IF_FILL("insp_fig_all", "", "month, cell"),
};

const char *schema_fig_member_triggers(int create)
{
	return create ? FIG_MEMBER_TRIGGERS : FIG_MEMBER_TRIGGERS_DROP;
}

const char *schema_study_attend_triggers(int create)
{
	return create ? STUDY_ATTEND_TRIGGERS : STUDY_ATTEND_TRIGGERS_DROP;
}

const char *schema_fig_review_triggers(int create)
{
	return create ? FIG_REVIEW_TRIGGERS : FIG_REVIEW_TRIGGERS_DROP;
}

int schema_latest(void)
{
	return (int)(sizeof migrations / sizeof migrations[0]);
}

const char *schema_migration(int n)
{
	if (n < 1 || n > schema_latest())
		return NULL;
	return migrations[n - 1];
}
