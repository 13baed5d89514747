/* store_scratch.c - a first load's scratch database: tables built on a second connection (on
 * a thread of their own, beside the load) and copied in by SQLite's transfer.
 *
 * The file is the main database's path with "-scratch" appended. It exists only while a
 * first load holds the database's write transaction: made empty at the start of its use,
 * attached to the load's connection as cadre_scratch for the copy, detached and removed once
 * the transaction ends (committed or rolled back). A file left by a process killed in
 * between holds nothing of the database's data (the load it belonged to was rolled back):
 * store_open removes it whenever no write transaction is open (store_scratch_sweep). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../lib/mem.h"
#include "store_int.h"

/* The scratch file's path for the database of db (malloc'd), or NULL for a database with
 * no file (in memory, temporary). */
static char *scratch_path(sqlite3 *db)
{
	const char *main = sqlite3_db_filename(db, "main");
	size_t n;
	char *p;

	if (!main || !main[0])
		return NULL;
	n = strlen(main);
	p = xmalloc(n + sizeof "-scratch");
	memcpy(p, main, n);
	memcpy(p + n, "-scratch", sizeof "-scratch");
	return p;
}

void store_scratch_sweep(struct store *st)
{
	char *path = scratch_path(st->db);

	if (path && access(path, F_OK) == 0) {
		/* Only when no load is under way (a load holds the write lock while its scratch
		 * file exists): no waiting for one. */
		sqlite3_busy_handler(st->db, NULL, NULL);
		if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK) {
			unlink(path);
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		}
		store_busy_restore(st);
	}
	free(path);
}

sqlite3 *store_scratch_open(struct store *st, const char *const *tables)
{
	static const char schema[] =
		"SELECT sql FROM sqlite_master WHERE tbl_name = ?1 AND type IN ('table', 'index')"
		" AND sql IS NOT NULL ORDER BY type = 'index'";
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	int ok;

	if (!st->scratch && !(st->scratch = scratch_path(st->db)))
		return NULL;
	/* Whatever a killed load left there is not taken for a start. */
	unlink(st->scratch);
	ok = sqlite3_open_v2(st->scratch, &db,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
			     NULL) == SQLITE_OK &&
	     sqlite3_exec(db, "PRAGMA page_size=16384; PRAGMA journal_mode=OFF;"
			  " PRAGMA synchronous=OFF; PRAGMA cache_size=-4096; BEGIN",
			  NULL, NULL, NULL) == SQLITE_OK &&
	     sqlite3_prepare_v2(st->db, schema, -1, &s, NULL) == SQLITE_OK;
	/* Each table as the main database declares it, with its indexes: the transfer needs
	 * them identical. */
	for (; ok && *tables; tables++) {
		int n = 0;

		sqlite3_reset(s);
		sqlite3_bind_text(s, 1, *tables, -1, SQLITE_STATIC);
		while (ok && sqlite3_step(s) == SQLITE_ROW) {
			ok = sqlite3_exec(db, (const char *)sqlite3_column_text(s, 0), NULL, NULL,
					  NULL) == SQLITE_OK;
			n++;
		}
		ok = ok && n > 0;
	}
	sqlite3_finalize(s);
	if (!ok) {
		sqlite3_close(db);
		unlink(st->scratch);
		return NULL;
	}
	return db;
}

enum err_code store_scratch_copy(struct store *st, const char *table, struct err *e)
{
	char sql[160];
	sqlite3_stmt *s;

	if (!st->scratch_attached) {
		int rc;

		if (sqlite3_prepare_v2(st->db, "ATTACH ?1 AS cadre_scratch", -1, &s, NULL) !=
		    SQLITE_OK)
			return sq_db_error(st, e, "building indexes");
		sqlite3_bind_text(s, 1, st->scratch, -1, SQLITE_STATIC);
		rc = sqlite3_step(s);
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE)
			return sq_db_error(st, e, "building indexes");
		st->scratch_attached = 1;
	}
	/* A plain copy of a table of the same declaration into an empty one: SQLite copies
	 * its records as they are (the transfer optimisation), without decoding them. */
	snprintf(sql, sizeof sql, "INSERT INTO main.%s SELECT * FROM cadre_scratch.%s", table,
		 table);
	return sq_exec(st, sql, e, "building indexes");
}

void store_scratch_drop(struct store *st)
{
	if (!st->scratch)
		return;
	if (st->scratch_attached && sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "DETACH cadre_scratch", NULL, NULL, NULL);
	st->scratch_attached = 0;
	unlink(st->scratch);
	free(st->scratch);
	st->scratch = NULL;
}
