/* sorted_vtab.c - one virtual table module for the sorted arrays of a first load (the
 * duplicate keys, the members' numbers, the words of names): see sorted_vtab.h. */
#include <stdlib.h>
#include <string.h>

#include "sorted_vtab.h"

/* What a registered module reads: the table's description and its context. */
struct sv_aux {
	const struct sorted_vtab *t;
	void *ctx;
};

struct sv_vtab {
	sqlite3_vtab base;
	const struct sv_aux *aux;
};

struct sv_cursor {
	sqlite3_vtab_cursor base;
	size_t i, n;
};

static int sv_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
		      sqlite3_vtab **out, char **err)
{
	const struct sv_aux *a = aux;
	struct sv_vtab *v;
	int rc;

	(void)argc;
	(void)argv;
	(void)err;
	if ((rc = sqlite3_declare_vtab(db, a->t->schema)) != SQLITE_OK)
		return rc;
	if (!(v = sqlite3_malloc(sizeof *v)))
		return SQLITE_NOMEM;
	memset(v, 0, sizeof *v);
	v->aux = a;
	*out = &v->base;
	return SQLITE_OK;
}

static int sv_disconnect(sqlite3_vtab *v)
{
	sqlite3_free(v);
	return SQLITE_OK;
}

static int sv_best_index(sqlite3_vtab *v, sqlite3_index_info *info)
{
	int i, nsorted = ((struct sv_vtab *)v)->aux->t->nsorted;

	info->estimatedCost = 1e6;
	/* An ORDER BY of the sorted columns in their order, ascending, needs no sort. */
	for (i = 0; i < info->nOrderBy; i++)
		if (i >= nsorted || info->aOrderBy[i].desc || info->aOrderBy[i].iColumn != i)
			break;
	if (info->nOrderBy > 0 && i == info->nOrderBy)
		info->orderByConsumed = 1;
	return SQLITE_OK;
}

static int sv_open(sqlite3_vtab *v, sqlite3_vtab_cursor **out)
{
	struct sv_cursor *c = sqlite3_malloc(sizeof *c);

	(void)v;
	if (!c)
		return SQLITE_NOMEM;
	memset(c, 0, sizeof *c);
	*out = &c->base;
	return SQLITE_OK;
}

static int sv_close(sqlite3_vtab_cursor *c)
{
	sqlite3_free(c);
	return SQLITE_OK;
}

static int sv_filter(sqlite3_vtab_cursor *cur, int idx, const char *idxs, int argc,
		     sqlite3_value **argv)
{
	struct sv_cursor *c = (struct sv_cursor *)cur;
	const struct sv_aux *a = ((struct sv_vtab *)cur->pVtab)->aux;

	(void)idx;
	(void)idxs;
	(void)argc;
	(void)argv;
	c->i = 0;
	c->n = a->t->count(a->ctx);
	return SQLITE_OK;
}

static int sv_next(sqlite3_vtab_cursor *c)
{
	((struct sv_cursor *)c)->i++;
	return SQLITE_OK;
}

static int sv_eof(sqlite3_vtab_cursor *cur)
{
	struct sv_cursor *c = (struct sv_cursor *)cur;

	return c->i >= c->n;
}

static int sv_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col)
{
	const struct sv_aux *a = ((struct sv_vtab *)cur->pVtab)->aux;

	a->t->column(a->ctx, ((struct sv_cursor *)cur)->i, col, ctx);
	return SQLITE_OK;
}

static int sv_rowid(sqlite3_vtab_cursor *c, sqlite3_int64 *id)
{
	*id = (sqlite3_int64)((struct sv_cursor *)c)->i;
	return SQLITE_OK;
}

static const sqlite3_module sv_module = {
	.xConnect = sv_connect,
	.xBestIndex = sv_best_index,
	.xDisconnect = sv_disconnect,
	.xOpen = sv_open,
	.xClose = sv_close,
	.xFilter = sv_filter,
	.xNext = sv_next,
	.xEof = sv_eof,
	.xColumn = sv_column,
	.xRowid = sv_rowid,
};

int sorted_vtab_register(sqlite3 *db, const char *name, const struct sorted_vtab *t, void *ctx)
{
	struct sv_aux *a = malloc(sizeof *a);

	if (!a)
		return SQLITE_NOMEM;
	a->t = t;
	a->ctx = ctx;
	/* SQLite frees a when the module goes (the connection closes), or at once on failure. */
	return sqlite3_create_module_v2(db, name, &sv_module, a, free);
}
