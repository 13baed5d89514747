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
#define ROLLS_AT_JOIN                                                                             \
	" FROM (SELECT m.id AS member_id FROM org o JOIN member m ON m.org_id = o.id"            \
	"        WHERE o.pre BETWEEN ?1 AND ?2 AND m.org_since <= ?3"                              \
	"       UNION ALL"                                                                         \
	"       SELECT p.member_id FROM org o JOIN member_period p ON p.org_id = o.id"             \
	"        WHERE o.pre BETWEEN ?1 AND ?2 AND p.temporary = 0"                                 \
	"          AND p.valid_from <= ?3 AND p.valid_to > ?3) r"                                  \
	" JOIN member m ON m.id = r.member_id"
#define ROLLS_AT_STATUS                                                                           \
	"(CASE WHEN m.status_since <= ?3 THEN m.status"                                            \
	"  ELSE coalesce((SELECT s.status FROM member_status s WHERE s.member_id = m.id"           \
	"                  AND s.valid_from <= ?3 AND s.valid_to > ?3"                             \
	"                  ORDER BY s.valid_from, s.rowid LIMIT 1),"                               \
	"                CASE WHEN m.admission_decision_date > ?3 THEN NULL"                       \
	"                     WHEN m.official_date <= ?3 THEN 'official'"                          \
	"                     ELSE 'probationary' END) END)"
#define ROLLS_AT_FROM ROLLS_AT_JOIN " WHERE " ROLLS_AT_STATUS " IN " ACTIVE_STATUSES

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
	/* The same members as ROLLS_AT_FROM, counted in three parts so that the largest, those
	 * on their roll with their status since before d, is read from member_since alone. */
	static const char sql[] =
		"SELECT (SELECT count(*) FROM org o JOIN member m ON m.org_id = o.id"
		"        WHERE o.pre BETWEEN ?1 AND ?2 AND m.org_since <= ?3"
		"          AND m.status_since <= ?3 AND m.status IN " ACTIVE_STATUSES ")"
		" + (SELECT count(*) FROM org o JOIN member m ON m.org_id = o.id"
		"    WHERE o.pre BETWEEN ?1 AND ?2 AND m.org_since <= ?3 AND m.status_since > ?3"
		"      AND " ROLLS_AT_STATUS " IN " ACTIVE_STATUSES ")"
		" + (SELECT count(*) FROM org o JOIN member_period p ON p.org_id = o.id"
		"    JOIN member m ON m.id = p.member_id"
		"    WHERE o.pre BETWEEN ?1 AND ?2 AND p.temporary = 0"
		"      AND p.valid_from <= ?3 AND p.valid_to > ?3"
		"      AND " ROLLS_AT_STATUS " IN " ACTIVE_STATUSES ")";
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

enum err_code store_rolls_at_status(struct store *st, long pre, long last, date_t d,
				    const char *status, store_id_cb cb, void *ctx, long *n,
				    struct err *e)
{
	static const char sql[] = "SELECT m.id" ROLLS_AT_JOIN " WHERE " ROLLS_AT_STATUS " = ?4"
				  " ORDER BY m.sort_key, m.id";
	sqlite3_stmt *s = rolls_prep(st, sql, pre, last, d, e);
	int rc;

	*n = 0;
	if (!s)
		return e->code;
	sq_bind_text(s, 4, status);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		++*n;
		if (cb && cb(ctx, sqlite3_column_int64(s, 0)))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW
		       ? ERR_OK
		       : sq_db_error(st, e, "reading the members on the rolls on a date");
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

/* ---- the cases and steps of a subtree ------------------------------------------------- */

enum err_code store_adm_fig_stages(struct store *st, long pre, long last,
				   store_adm_count_cb cb, void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT a.stage, a.source, count(*) FROM org o JOIN admission a ON a.org_id = o.id"
		" WHERE o.pre BETWEEN ?1 AND ?2 GROUP BY a.stage, a.source";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (cb(ctx, (const char *)sqlite3_column_text(s, 0),
		       (const char *)sqlite3_column_text(s, 1), (long)sqlite3_column_int64(s, 2)))
			break;
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						     : sq_db_error(st, e, "counting the cases by stage");
}

/* One row of a case (columns 0-3: id, source, listed_on, member_id) into f. */
static void fig_case_cols(sqlite3_stmt *s, struct adm_fig_step *f)
{
	memset(f, 0, sizeof *f);
	f->case_id = sqlite3_column_int64(s, 0);
	f->source = (const char *)sqlite3_column_text(s, 1);
	f->listed_on = sq_col_date(s, 2);
	f->member_id = sqlite3_column_int64(s, 3);
}

static enum err_code fig_step_rows(struct store *st, sqlite3_stmt *s, store_adm_fig_step_cb cb,
				   void *ctx, const char *what, struct err *e)
{
	struct adm_fig_step f;
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		fig_case_cols(s, &f);
		f.step = (const char *)sqlite3_column_text(s, 4);
		f.on = sq_col_date(s, 5);
		f.passed = sqlite3_column_type(s, 6) == SQLITE_NULL ? -1 : sqlite3_column_int(s, 6);
		f.ceremony = sq_col_date(s, 7);
		f.detail = sqlite3_column_count(s) > 8 ? (const char *)sqlite3_column_text(s, 8)
						       : NULL;
		if (cb(ctx, &f))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, what);
}

enum err_code store_adm_fig_steps_until(struct store *st, long pre, long last, date_t d,
					store_adm_fig_step_cb cb, void *ctx, struct err *e)
{
	/* Each case kept in the subtree, listed by d, with its steps up to d (a case with none
	 * yet: one row without a step). */
	static const char sql[] =
		"SELECT a.id, a.source, a.listed_on, a.member_id, s.step, s.on_date, s.passed, NULL,"
		"  s.detail"
		" FROM org o JOIN admission a ON a.org_id = o.id"
		" LEFT JOIN admission_step s ON s.admission_id = a.id AND s.on_date <= ?3"
		" WHERE o.pre BETWEEN ?1 AND ?2 AND a.listed_on <= ?3"
		" ORDER BY a.id, s.on_date, s.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sq_bind_date(s, 3, d);
	return fig_step_rows(st, s, cb, ctx, "reading the cases' steps", e);
}

enum err_code store_adm_fig_steps_in(struct store *st, long pre, long last, const char *step,
				     date_t from, date_t to, store_adm_fig_step_cb cb, void *ctx,
				     struct err *e)
{
	/* Steps recorded by the subtree's organisations, with the ceremony of the case (the
	 * member's date, or the ceremony step's). The whole tree reads the year's steps of the
	 * kind (admission_step_date); a subtree its organisations' one by one
	 * (admission_step_org: org_id, step, on_date), the organisations first (CROSS JOIN keeps
	 * that order: by the date index a province would read the country's steps). */
#define STEPS_IN_COLS                                                                          \
	"SELECT a.id, a.source, a.listed_on, a.member_id, s.step, s.on_date, s.passed,"        \
	"  coalesce((SELECT m.admission_ceremony_date FROM member m WHERE m.id = a.member_id),"  \
	"           (SELECT c.on_date FROM admission_step c WHERE c.admission_id = a.id"        \
	"              AND c.step = 'ceremony' ORDER BY c.on_date DESC LIMIT 1))"
	static const char sql[] =
		STEPS_IN_COLS
		" FROM org o JOIN admission_step s ON s.org_id = o.id AND s.step = ?3"
		"  AND s.on_date BETWEEN ?4 AND ?5"
		" JOIN admission a ON a.id = s.admission_id"
		" WHERE o.pre BETWEEN ?1 AND ?2 ORDER BY s.on_date, s.id";
	static const char ssql[] =
		STEPS_IN_COLS
		" FROM org o CROSS JOIN admission_step s ON s.org_id = o.id AND s.step = ?3"
		"  AND s.on_date BETWEEN ?4 AND ?5"
		" JOIN admission a ON a.id = s.admission_id"
		" WHERE o.pre BETWEEN ?1 AND ?2 ORDER BY s.on_date, s.id";
#undef STEPS_IN_COLS
	sqlite3_stmt *s = sq_prep(st, pre <= 1 ? sql : ssql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sq_bind_text(s, 3, step);
	sq_bind_date(s, 4, from);
	sq_bind_date(s, 5, to);
	return fig_step_rows(st, s, cb, ctx, "reading the steps of a year", e);
}

enum err_code store_adm_fig_stage_in(struct store *st, long pre, long last, const char *stage,
				     date_t from, date_t to, store_adm_fig_step_cb cb, void *ctx,
				     struct err *e)
{
	/* A closed stage does not change again: the cases that reached it within the dates
	 * (admission_org: org_id, stage). */
	static const char sql[] =
		"SELECT a.id, a.source, a.listed_on, a.member_id, a.stage, a.stage_since, NULL, NULL"
		" FROM org o JOIN admission a ON a.org_id = o.id AND a.stage = ?3"
		" WHERE o.pre BETWEEN ?1 AND ?2 AND a.stage_since BETWEEN ?4 AND ?5"
		" ORDER BY a.stage_since, a.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sq_bind_text(s, 3, stage);
	sq_bind_date(s, 4, from);
	sq_bind_date(s, 5, to);
	return fig_step_rows(st, s, cb, ctx, "reading the cases closed in a year", e);
}

enum err_code store_adm_fig_person(struct store *st, int64_t id, struct adm_fig_person *p,
				   struct err *e)
{
	static const char sql[] =
		"SELECT a.id, a.full_name, o.code, o.name, a.stage, a.source, a.listed_on,"
		"  a.member_id, a.birth_date, a.sex"
		" FROM admission a JOIN org o ON o.id = a.org_id WHERE a.id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	memset(p, 0, sizeof *p);
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		p->id = sqlite3_column_int64(s, 0);
		sq_col_copy(s, 1, p->full_name, sizeof p->full_name);
		sq_col_copy(s, 2, p->org_code, sizeof p->org_code);
		sq_col_copy(s, 3, p->org_name, sizeof p->org_name);
		sq_col_copy(s, 4, p->stage, sizeof p->stage);
		sq_col_copy(s, 5, p->source, sizeof p->source);
		p->listed_on = sq_col_date(s, 6);
		p->member_id = sqlite3_column_int64(s, 7);
		p->birth_date = sq_col_date(s, 8);
		sq_col_copy(s, 9, p->sex, sizeof p->sex);
	}
	sq_done(st, s);
	if (rc == SQLITE_ROW)
		return ERR_OK;
	if (rc == SQLITE_DONE)
		return err_set(e, ERR_NOTFOUND, "no case has the id %lld", (long long)id);
	return sq_db_error(st, e, "reading a case");
}

enum err_code store_adm_fig_cases(struct store *st, long pre, long last,
				  store_adm_fig_step_cb cb, void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT a.id, a.source, a.listed_on, a.member_id, a.stage, a.stage_since, NULL, NULL"
		" FROM org o JOIN admission a ON a.org_id = o.id"
		" WHERE o.pre BETWEEN ?1 AND ?2 ORDER BY a.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	return fig_step_rows(st, s, cb, ctx, "reading the cases", e);
}
