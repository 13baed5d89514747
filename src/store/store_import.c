/* store_import.c - import reports: the counts, answer and whole report of an import, and the
 * idempotency keys that let a client repeat an import without importing twice. */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

static void read_report(sqlite3_stmt *s, struct import_report *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	sq_col_copy(s, 1, r->account, sizeof r->account);
	sq_col_copy(s, 2, r->what, sizeof r->what);
	sq_col_copy(s, 3, r->created, sizeof r->created);
	sq_col_copy(s, 4, r->sha256, sizeof r->sha256);
	r->rows = (long)sqlite3_column_int64(s, 5);
	r->imported = (long)sqlite3_column_int64(s, 6);
	r->rejected = (long)sqlite3_column_int64(s, 7);
	r->warnings = (long)sqlite3_column_int64(s, 8);
	r->has_answer = sqlite3_column_type(s, 9) != SQLITE_NULL;
}

#define REPORT_COLS \
	"id, account, what, created, sha256, rows, imported, rejected, warnings, answer IS NOT NULL"

enum err_code store_import_report_add(struct store *st, const struct import_report *r,
				      const char *key, int64_t *id, struct err *e)
{
	static const char sql[] =
		"INSERT INTO import_report(account, what, key, sha256, rows, imported, rejected,"
		" warnings) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sq_bind_text(s, 1, r->account);
	sq_bind_text(s, 2, r->what);
	sq_bind_text_or_null(s, 3, key);
	sq_bind_text(s, 4, r->sha256);
	sqlite3_bind_int64(s, 5, r->rows);
	sqlite3_bind_int64(s, 6, r->imported);
	sqlite3_bind_int64(s, 7, r->rejected);
	sqlite3_bind_int64(s, 8, r->warnings);
	if (sq_step_done(st, s, e, "recording the import's report"))
		return e->code;
	*id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

enum err_code store_import_report_by_key(struct store *st, const char *account,
					 const char *key, struct import_report *r, struct err *e)
{
	static const char sql[] =
		"SELECT " REPORT_COLS " FROM import_report WHERE account = ?1 AND key = ?2";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sq_bind_text(s, 1, account);
	sq_bind_text(s, 2, key);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_report(s, r);
	sq_done(st, s);
	if (rc == SQLITE_ROW)
		return ERR_OK;
	if (rc != SQLITE_DONE)
		return sq_db_error(st, e, "looking up an import's key");
	return ERR_NOTFOUND; /* not an error the caller reports: e untouched */
}

enum err_code store_import_report_set(struct store *st, int64_t id, const char *answer,
				      const char *report, struct err *e)
{
	static const char sql[] = "UPDATE import_report SET answer = ?2, report = ?3 WHERE id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	sq_bind_text_or_null(s, 2, answer);
	sq_bind_text_or_null(s, 3, report);
	return sq_step_done(st, s, e, "storing the import's report");
}

static char *col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	size_t n = (size_t)sqlite3_column_bytes(s, i);
	char *p;

	if (!t)
		return NULL;
	p = malloc(n + 1);
	if (!p)
		return NULL;
	memcpy(p, t, n);
	p[n] = 0;
	return p;
}

enum err_code store_import_report_get(struct store *st, int64_t id, const char *account,
				      struct import_report *r, char **answer, char **report,
				      struct err *e)
{
	static const char sql[] = "SELECT " REPORT_COLS ", answer, report FROM import_report"
				  " WHERE id = ?1 AND account = ?2";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (answer)
		*answer = NULL;
	if (report)
		*report = NULL;
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	sq_bind_text(s, 2, account);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		read_report(s, r);
		if (answer)
			*answer = col_dup(s, 10);
		if (report)
			*report = col_dup(s, 11);
	}
	sq_done(st, s);
	if (rc == SQLITE_ROW)
		return ERR_OK;
	if (rc != SQLITE_DONE)
		return sq_db_error(st, e, "reading an import's report");
	return err_add(e, ERR_NOTFOUND, 0, "id", NULL, NULL,
		       "no import report %lld of yours; the answer of an import names its report",
		       (long long)id);
}

/* ---- import jobs ---- */

#define JOB_COLS \
	"id, kind, account, account_id, scope, file_name, sha256, state, bytes_done," \
	" bytes_total, started, ended, report_id"

static void read_job(sqlite3_stmt *s, struct import_job *j)
{
	memset(j, 0, sizeof *j);
	j->id = sqlite3_column_int64(s, 0);
	sq_col_copy(s, 1, j->kind, sizeof j->kind);
	sq_col_copy(s, 2, j->account, sizeof j->account);
	j->account_id = sqlite3_column_int64(s, 3);
	sq_col_copy(s, 4, j->scope, sizeof j->scope);
	sq_col_copy(s, 5, j->file_name, sizeof j->file_name);
	sq_col_copy(s, 6, j->sha256, sizeof j->sha256);
	sq_col_copy(s, 7, j->state, sizeof j->state);
	j->done = sqlite3_column_int64(s, 8);
	j->total = sqlite3_column_int64(s, 9);
	sq_col_copy(s, 10, j->started, sizeof j->started);
	sq_col_copy(s, 11, j->ended, sizeof j->ended);
	j->report_id = sqlite3_column_int64(s, 12);
}

enum err_code store_job_add(struct store *st, const struct import_job *j, int64_t *id,
			    struct err *e)
{
	static const char sql[] =
		"INSERT INTO import_job(kind, account, account_id, scope, file_name, sha256, state,"
		" bytes_done, bytes_total, started) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sq_bind_text(s, 1, j->kind);
	sq_bind_text(s, 2, j->account);
	sqlite3_bind_int64(s, 3, j->account_id);
	sq_bind_text(s, 4, j->scope);
	sq_bind_text(s, 5, j->file_name);
	sq_bind_text(s, 6, j->sha256);
	sq_bind_text(s, 7, j->state);
	sqlite3_bind_int64(s, 8, j->done);
	sqlite3_bind_int64(s, 9, j->total);
	sq_bind_text(s, 10, j->started);
	if (sq_step_done(st, s, e, "recording the import job"))
		return e->code;
	*id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

enum err_code store_job_state(struct store *st, int64_t id, const char *state,
			      const char *ended, struct err *e)
{
	static const char sql[] =
		"UPDATE import_job SET state = ?2, ended = COALESCE(?3, ended) WHERE id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	sq_bind_text(s, 2, state);
	sq_bind_text_or_null(s, 3, ended);
	return sq_step_done(st, s, e, "recording the import job's state");
}

enum err_code store_job_finish(struct store *st, const struct import_job *j,
			       const char *result, const char *error, struct err *e)
{
	static const char sql[] =
		"UPDATE import_job SET state = ?2, bytes_done = ?3, bytes_total = ?4, ended = ?5,"
		" report_id = ?6, result = ?7, error = ?8 WHERE id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, j->id);
	sq_bind_text(s, 2, j->state);
	sqlite3_bind_int64(s, 3, j->done);
	sqlite3_bind_int64(s, 4, j->total);
	sq_bind_text(s, 5, j->ended);
	sq_bind_id_or_null(s, 6, j->report_id);
	sq_bind_text_or_null(s, 7, result);
	sq_bind_text_or_null(s, 8, error);
	return sq_step_done(st, s, e, "recording how the import job ended");
}

enum err_code store_job_get(struct store *st, int64_t id, struct import_job *j, char **result,
			    char **error, struct err *e)
{
	static const char sql[] = "SELECT " JOB_COLS ", result, error FROM import_job WHERE id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (result)
		*result = NULL;
	if (error)
		*error = NULL;
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		read_job(s, j);
		if (result)
			*result = col_dup(s, 13);
		if (error)
			*error = col_dup(s, 14);
	}
	sq_done(st, s);
	if (rc == SQLITE_ROW)
		return ERR_OK;
	if (rc != SQLITE_DONE)
		return sq_db_error(st, e, "reading an import job");
	return ERR_NOTFOUND;
}

enum err_code store_job_list(struct store *st, int64_t account_id, const char *account,
			     long offset, long limit, store_job_cb cb, void *ctx, long *total,
			     struct err *e)
{
	static const char sql[] = "SELECT " JOB_COLS " FROM import_job WHERE account_id = ?1 AND"
				  " account = ?2 ORDER BY id DESC LIMIT ?3 OFFSET ?4";
	static const char count_sql[] =
		"SELECT count(*) FROM import_job WHERE account_id = ?1 AND account = ?2";
	sqlite3_stmt *s;
	int rc;

	if (total) {
		if (!(s = sq_prep(st, count_sql, e)))
			return e->code;
		sqlite3_bind_int64(s, 1, account_id);
		sq_bind_text(s, 2, account);
		rc = sqlite3_step(s);
		*total = rc == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
		sq_done(st, s);
		if (rc != SQLITE_ROW)
			return sq_db_error(st, e, "counting import jobs");
	}
	if (!(s = sq_prep(st, sql, e)))
		return e->code;
	sqlite3_bind_int64(s, 1, account_id);
	sq_bind_text(s, 2, account);
	sqlite3_bind_int64(s, 3, limit < 0 ? -1 : limit);
	sqlite3_bind_int64(s, 4, offset);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct import_job j;

		read_job(s, &j);
		if (cb(ctx, &j))
			break;
	}
	sq_done(st, s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sq_db_error(st, e, "listing import jobs");
	return ERR_OK;
}

enum err_code store_job_interrupt(struct store *st, const char *ended, long *n, struct err *e)
{
	static const char sql[] = "UPDATE import_job SET state = 'interrupted', ended = ?1"
				  " WHERE state IN ('queued', 'running')";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	*n = 0;
	if (!s)
		return e->code;
	sq_bind_text(s, 1, ended);
	if (sq_step_done(st, s, e, "marking interrupted import jobs"))
		return e->code;
	*n = (long)sqlite3_changes(st->db);
	return ERR_OK;
}
