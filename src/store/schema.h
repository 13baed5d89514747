/* schema.h - the numbered migrations of the SQLite schema. */
#ifndef CADRE_SCHEMA_H
#define CADRE_SCHEMA_H

/* The newest schema version (the number of migrations). */
int schema_latest(void);
/* The SQL of migration n (1-based), which brings version n-1 to n; NULL when out of range. */
const char *schema_migration(int n);
/* The SQL that creates (create) or drops the triggers keeping the members' counters
 * (a first load drops them and counts once at the end: store_fig_rebuild). */
const char *schema_fig_member_triggers(int create);
/* The same for the review triggers (a bulk of review decisions counts them itself). */
const char *schema_fig_review_triggers(int create);
/* The same for the study's triggers on attendance (a large attendance import brings the
 * coverage of the documents it touched up to date at its end: store_att_bulk_end). */
const char *schema_study_attend_triggers(int create);

/* R-MEMBER-UNIQUE-NUMBERS: a citizen ID, party card number or personal-history number belongs
 * to one member (former members included). number_clash is 0 for every member but the later
 * holders of a number already shared when the rule came (by its migration), so those stay as they
 * were while no new holder can be added. A first load drops the indexes and builds them at the
 * end, as it does member_roll. */
#define MEMBER_NUMBER_INDEXES                                                                   \
	"CREATE UNIQUE INDEX IF NOT EXISTS member_citizen_id ON member(citizen_id, number_clash)" \
	" WHERE citizen_id <> '';"                                                              \
	"CREATE UNIQUE INDEX IF NOT EXISTS member_card_no ON member(card_no, number_clash)"      \
	" WHERE card_no <> '';"                                                                 \
	"CREATE UNIQUE INDEX IF NOT EXISTS member_history_no ON member(history_no, number_clash)" \
	" WHERE history_no <> '';"
#define MEMBER_NUMBER_INDEXES_DROP                                                              \
	"DROP INDEX IF EXISTS member_citizen_id; DROP INDEX IF EXISTS member_card_no;"          \
	" DROP INDEX IF EXISTS member_history_no;"

/* Since migration 13 the numbers are kept in member_number, one row a number (kind 0 citizen
 * ID, 1 party card, 2 personal history), whose primary key (kind, value, clash) is the unique
 * constraint; these triggers keep it with every change of a member. A first load drops them,
 * and fills the table at the end from the numbers sorted in memory, in key order (which costs
 * a tenth of what sorting three indexes in SQLite did). */
#define MEMBER_NUMBER_ROWS(r)                                                                   \
	" INSERT INTO member_number(kind, value, clash, member_id) SELECT 0, " r ".citizen_id, " \
	r ".number_clash, " r ".id WHERE " r ".citizen_id <> '';"                                \
	" INSERT INTO member_number(kind, value, clash, member_id) SELECT 1, " r ".card_no, "    \
	r ".number_clash, " r ".id WHERE " r ".card_no <> '';"                                   \
	" INSERT INTO member_number(kind, value, clash, member_id) SELECT 2, " r ".history_no, " \
	r ".number_clash, " r ".id WHERE " r ".history_no <> '';"
#define MEMBER_NUMBER_GONE                                                                      \
	" DELETE FROM member_number WHERE kind = 0 AND value = old.citizen_id"                   \
	" AND clash = old.number_clash AND member_id = old.id;"                                  \
	" DELETE FROM member_number WHERE kind = 1 AND value = old.card_no"                      \
	" AND clash = old.number_clash AND member_id = old.id;"                                  \
	" DELETE FROM member_number WHERE kind = 2 AND value = old.history_no"                   \
	" AND clash = old.number_clash AND member_id = old.id;"
#define MEMBER_NUMBER_TRIGGERS                                                                  \
	"CREATE TRIGGER IF NOT EXISTS member_number_insert AFTER INSERT ON member BEGIN"         \
	MEMBER_NUMBER_ROWS("new") " END;"                                                        \
	"CREATE TRIGGER IF NOT EXISTS member_number_update AFTER UPDATE OF citizen_id, card_no," \
	" history_no, number_clash ON member BEGIN" MEMBER_NUMBER_GONE                           \
	MEMBER_NUMBER_ROWS("new") " END;"                                                        \
	"CREATE TRIGGER IF NOT EXISTS member_number_delete AFTER DELETE ON member BEGIN"         \
	MEMBER_NUMBER_GONE " END;"
#define MEMBER_NUMBER_TRIGGERS_DROP                                                             \
	"DROP TRIGGER IF EXISTS member_number_insert; DROP TRIGGER IF EXISTS"                    \
	" member_number_update; DROP TRIGGER IF EXISTS member_number_delete;"

#endif
