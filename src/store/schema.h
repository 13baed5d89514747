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

#endif
