/* app_find.c - where an organisation stands: its path from the top of the actor's scope, for
 * the breadcrumb of every organisation, member and report page (docs/search.md). */
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "app_int.h"

/* Deeper than any tree cadre keeps (the national one has 6 levels): a loop stops here. */
#define ORG_PATH_MAX 32

enum err_code app_org_path(struct app *a, const struct actor *ac, const char *code,
			   store_org_cb cb, void *ctx, struct err *e)
{
	struct org *path;
	struct org o;
	long pre, last;
	size_t n = 0, i;
	struct err tmp;

	if (app_org_lookup(a, ac, code, &o, 0, "org", e))
		return e->code;
	if (app_scope(a, ac, &pre, &last, e))
		return e->code;
	path = xcalloc(ORG_PATH_MAX, sizeof *path);
	err_init(&tmp);
	path[n++] = o;
	/* Up by the parents while they are within the actor's scope. */
	while (n < ORG_PATH_MAX && path[n - 1].parent_id) {
		struct org p;

		if (store_org_by_id(a->st, path[n - 1].parent_id, &p, &tmp) ||
		    !app_org_visible(a, pre, last, &p))
			break;
		path[n++] = p;
	}
	err_cleanup(&tmp);
	for (i = n; i > 0; i--)
		if (cb(ctx, &path[i - 1]))
			break;
	free(path);
	return ERR_OK;
}
