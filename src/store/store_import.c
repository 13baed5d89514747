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
