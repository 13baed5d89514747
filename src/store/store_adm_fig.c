/* store_adm_fig.c - the queries behind the admission figures (app/app_adm_fig.c, the report's
 * development rate): the members on the rolls of a subtree on a date (the rate's divisor,
 * from the history of rolls and statuses), and the cases and steps of a subtree counted by
 * stage, source and year. A subtree is the organisations whose pre lies in [pre, last]; every
 * query starts from those organisations and reads the admission tables through their
 * org_id indexes (admission_org, admission_step_org: migration 19), never the whole table. */
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "store_int.h"

/* ---- the members on the rolls on a date ----------------------------------------------- */

/* The members on a roll (not hosted) of an organisation of [?1, ?2] on day ?3, with their
 * status that day one of those on the rolls: the roll they are on now when they joined it on
 * or before the day, or a roll they have left whose period covers it; the status from the
 * member row when it began on or before the day, else from the status history, else (a
 * record without history) from the admission dates, as app_status_at reads it. */
#define ROLLS_AT_FROM                                                                             \
	" FROM (SELECT m.id AS member_id FROM org o JOIN member m ON m.org_id = o.id"            \
	"        WHERE o.pre BETWEEN ?1 AND ?2 AND m.org_since <= ?3"                              \
	"       UNION ALL"                                                                         \
	"       SELECT p.member_id FROM org o JOIN member_period p ON p.org_id = o.id"             \
	"        WHERE o.pre BETWEEN ?1 AND ?2 AND p.temporary = 0"                                 \
	"          AND p.valid_from <= ?3 AND p.valid_to > ?3) r"                                  \
	" JOIN member m ON m.id = r.member_id"                                                     \
	" WHERE (CASE WHEN m.status_since <= ?3 THEN m.status"                                     \
	"        ELSE coalesce((SELECT s.status FROM member_status s WHERE s.member_id = m.id"     \
	"                        AND s.valid_from <= ?3 AND s.valid_to > ?3"                       \
	"                        ORDER BY s.valid_from, s.rowid LIMIT 1),"                         \
	"                      CASE WHEN m.admission_decision_date > ?3 THEN NULL"                 \
	"                           WHEN m.official_date <= ?3 THEN 'official'"                    \
	"                           ELSE 'probationary' END) END) IN " ACTIVE_STATUSES

static sqlite3_stmt *rolls_prep(struct store *st, const char *sql, long pre, long last, date_t d,
				struct err *e)
{
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return NULL;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sq_bind_date(s, 3, d);
	return s;
}

enum err_code store_rolls_at_count(struct store *st, long pre, long last, date_t d, long *n,
				   struct err *e)
{
	static const char sql[] = "SELECT count(*)" ROLLS_AT_FROM;
	sqlite3_stmt *s = rolls_prep(st, sql, pre, last, d, e);

	*n = 0;
	if (!s)
		return e->code;
	if (sqlite3_step(s) != SQLITE_ROW) {
		sq_done(st, s);
		return sq_db_error(st, e, "counting the members on the rolls on a date");
	}
	*n = (long)sqlite3_column_int64(s, 0);
	sq_done(st, s);
	return ERR_OK;
}

enum err_code store_rolls_at(struct store *st, long pre, long last, date_t d,
			     store_id_cb cb, void *ctx, struct err *e)
{
	static const char sql[] = "SELECT m.id" ROLLS_AT_FROM " ORDER BY m.sort_key, m.id";
	sqlite3_stmt *s = rolls_prep(st, sql, pre, last, d, e);
	int rc;

	if (!s)
		return e->code;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (cb(ctx, sqlite3_column_int64(s, 0)))
			break;
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW
		       ? ERR_OK
		       : sq_db_error(st, e, "reading the members on the rolls on a date");
}
