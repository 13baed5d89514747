/* store_scratch.c - a first load's scratch database: tables built on a second connection (on
 * a thread of their own, beside the load) and copied in by SQLite's transfer.
 *
 * Each file is the main database's path with "-scratch" (the members' numbers) appended.
 * It exists only while a first load holds the
 * database's write transaction: made empty at the start of its use, attached to the load's
 * connection as cadre_scratchI for the copy, removed as the transaction ends (before
 * its commit or rollback releases the write lock, so that it is never another load's) and
 * detached after. A file left by a process killed in
 * between holds nothing of the database's data (the load it belonged to was rolled back):
 * store_open removes it whenever no write transaction is open (store_scratch_sweep). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../lib/mem.h"
#include "store_int.h"

static const char *const suffix[SCRATCH_N] = {"-scratch"};

/* The path of scratch file i for the database of db (malloc'd), or NULL for a database with
 * no file (in memory, temporary). */
static char *scratch_path(sqlite3 *db, int i)
{
	const char *main = sqlite3_db_filename(db, "main");
	size_t n, k = strlen(suffix[i]) + 1;
	char *p;

	if (!main || !main[0])
		return NULL;
	n = strlen(main);
	p = xmalloc(n + k);
	memcpy(p, main, n);
	memcpy(p + n, suffix[i], k);
	return p;
}

void store_scratch_sweep(struct store *st)
{
	char *path[SCRATCH_N];
	int i, any = 0;

	for (i = 0; i < SCRATCH_N; i++) {
		path[i] = scratch_path(st->db, i);
		any |= path[i] && access(path[i], F_OK) == 0;
	}
	if (any) {
		/* Only when no load is under way (a load holds the write lock while its scratch
		 * files exist): no waiting for one. */
		sqlite3_busy_handler(st->db, NULL, NULL);
		if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK) {
			for (i = 0; i < SCRATCH_N; i++)
				if (path[i])
					unlink(path[i]);
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		}
		store_busy_restore(st);
	}
	for (i = 0; i < SCRATCH_N; i++)
		free(path[i]);
}

sqlite3 *store_scratch_open(struct store *st, int which, const char *const *tables)
{
	static const char schema[] =
		"SELECT sql FROM sqlite_master WHERE tbl_name = ?1 AND type IN ('table', 'index')"
		" AND sql IS NOT NULL ORDER BY type = 'index'";
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	int ok;

	if (!st->scratch[which] && !(st->scratch[which] = scratch_path(st->db, which)))
		return NULL;
	/* Whatever a killed load left there is not taken for a start. */
	unlink(st->scratch[which]);
	ok = sqlite3_open_v2(st->scratch[which], &db,
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
		unlink(st->scratch[which]);
		return NULL;
	}
	return db;
}

enum err_code store_scratch_copy(struct store *st, int which, const char *table,
				 struct err *e)
{
	char sql[160];
	sqlite3_stmt *s;

	if (!(st->scratch_attached & 1 << which)) {
		int rc;

		snprintf(sql, sizeof sql, "ATTACH ?1 AS cadre_scratch%d", which);
		if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
			return sq_db_error(st, e, "building indexes");
		sqlite3_bind_text(s, 1, st->scratch[which], -1, SQLITE_STATIC);
		rc = sqlite3_step(s);
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE)
			return sq_db_error(st, e, "building indexes");
		st->scratch_attached |= 1 << which;
	}
	/* A plain copy of a table of the same declaration into an empty one: SQLite copies
	 * its records as they are (the transfer optimisation), without decoding them. */
	snprintf(sql, sizeof sql, "INSERT INTO main.%s SELECT * FROM cadre_scratch%d.%s", table,
		 which, table);
	return sq_exec(st, sql, e, "building indexes");
}

void store_scratch_unlink(struct store *st)
{
	int i;

	for (i = 0; i < SCRATCH_N; i++)
		if (st->scratch[i])
			unlink(st->scratch[i]);
}

void store_scratch_drop(struct store *st)
{
	int i;

	for (i = 0; i < SCRATCH_N; i++) {
		if (!st->scratch[i])
			continue;
		if ((st->scratch_attached & 1 << i) && sqlite3_get_autocommit(st->db)) {
			char sql[40];

			snprintf(sql, sizeof sql, "DETACH cadre_scratch%d", i);
			sqlite3_exec(st->db, sql, NULL, NULL, NULL);
		}
		unlink(st->scratch[i]);
		free(st->scratch[i]);
		st->scratch[i] = NULL;
	}
	st->scratch_attached = 0;
}
