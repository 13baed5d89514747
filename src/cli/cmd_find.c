/* cmd_find.c - the worklist (what waits for the acting account, as the home page and
 * GET /api/v1/worklist show it) and the organisation search by name (the picker's), on the
 * command line. The acting account is the file's owner over the whole tree, or the account of
 * CADRE_TOKEN with its role and scope (as for every command). */
#include <stdio.h>
#include <string.h>

#include "../app/app_worklist.h"
#include "cli.h"

int cmd_worklist(struct cli *c, int npos, char **pos)
{
	struct worklist w;
	struct table t;
	int year = 0;
	size_t i;

	(void)npos;
	(void)pos;
	if (cli_year(c, "year", OPT(c, "year"), 0, &year) ||
	    app_worklist_of(&c->app, &c->actor, OPT(c, "org"), year, &w, &c->e))
		return cli_fail(c);
	if (c->json) {
		json_t *items = json_array();

		for (i = 0; i < w.n; i++)
			cli_json_push(items, json_pack("{s:s,s:s,s:I,s:s}", "id", w.items[i].id,
						       "title", err_tr(w.items[i].title), "count",
						       (json_int_t)w.items[i].count, "link",
						       w.items[i].link));
		cli_json_out(json_pack("{s:s,s:i,s:o}", "org", w.top, "year", w.year, "items",
				       items));
		return 0;
	}
	printf("%s %s, %d\n", w.top, w.top_name, w.year);
	table_init(&t, 4);
	table_row(&t, "COUNT", "ITEM", "ID", "LINK");
	for (i = 0; i < w.n; i++) {
		char n[24];

		snprintf(n, sizeof n, "%ld", w.items[i].count);
		table_row(&t, n, err_tr(w.items[i].title), w.items[i].id, w.items[i].link);
	}
	table_print(&t, stdout);
	table_cleanup(&t);
	return 0;
}

struct find_out {
	json_t *arr;
	struct table *t;
};

static int find_row(void *ctx, const struct org *o)
{
	struct find_out *f = ctx;

	if (f->arr) {
		cli_json_push(f->arr, json_org(o));
	} else {
		table_row(f->t, o->code, o->name, o->dissolved != DATE_NONE ? "dissolved" :
			  org_kind_name(o->kind), o->parent_code);
	}
	return 0;
}

int cmd_org_find(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct find_out f = {NULL, &t};
	long limit;
	int more = 0;
	enum err_code rc;

	(void)npos;
	if (cli_count(c, "limit", OPT(c, "limit"), &limit))
		return cli_fail(c);
	if (limit == 0 || limit > 1000) {
		err_add(&c->e, ERR_USAGE, 0, "limit", OPT(c, "limit"), NULL,
			"--limit is a number from 1 to 1000");
		return cli_fail(c);
	}
	table_init(&t, 4);
	table_row(&t, "CODE", "NAME", "KIND", "PARENT");
	if (c->json)
		f.arr = json_array();
	rc = app_org_find(&c->app, &c->actor, pos[0], OPT_SET(c, "open"), limit < 0 ? 20 : limit,
			  find_row, &f, &more, &c->e);
	if (rc == ERR_OK && c->json) {
		cli_json_out(json_pack("{s:s,s:o,s:b}", "q", pos[0], "items", f.arr, "more", more));
		table_cleanup(&t);
		return 0;
	}
	if (rc == ERR_OK && more)
		fprintf(stderr, "%s\n", err_tr("more organisations match: type more of the name, or "
					       "give a larger --limit"));
	return cli_list_end(c, &t, NULL, rc, err_tr("no organisation has these words in its "
						    "name"));
}
