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

#endif
