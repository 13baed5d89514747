/* sorted_vtab.h - an array in memory, already sorted, read by SQLite as a table: a first load
 * stores millions of keys with one INSERT ... SELECT ... ORDER BY that needs no sort and costs
 * one pass of SQLite's virtual machine, not a step, a reset and the bindings each.
 * Not for callers outside src/store. */
#ifndef CADRE_SORTED_VTAB_H
#define CADRE_SORTED_VTAB_H

#include <sqlite3.h>
#include <stddef.h>

struct sorted_vtab {
	/* The columns, as sqlite3_declare_vtab takes them: "CREATE TABLE x(a INTEGER, ...)". */
	const char *schema;
	/* The rows are in ascending order of their first nsorted columns: an ORDER BY of a prefix
	 * of them is consumed, any other is left to SQLite. */
	int nsorted;
	/* The number of rows now (read each time a statement starts reading; 0 when there is
	 * nothing to store). */
	size_t (*count)(void *ctx);
	/* Give column col of row i (i < count) to out with sqlite3_result_*. */
	void (*column)(void *ctx, size_t i, int col, sqlite3_context *out);
};

/* Register the table module name on db, reading t (static, not copied) with ctx. Returns an
 * SQLite result code. */
int sorted_vtab_register(sqlite3 *db, const char *name, const struct sorted_vtab *t, void *ctx);

#endif
