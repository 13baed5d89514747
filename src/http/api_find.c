/* api_find.c - GET /api/v1/orgs?q=TEXT: organisations by part of their name, accent-free,
 * for the organisation picker (docs/search.md). */
#include "api.h"

#define ORG_FIND_LIMIT 20
#define ORG_FIND_LIMIT_MAX 100

static int org_item(void *ctx, const struct org *o)
{
	json_array_append_new(ctx, json_org(o));
	return 0;
}

void api_org_find(struct req *r)
{
	const char *q = req_query(r, "q"), *open = req_query(r, "open");
	long limit = req_query_long(r, "limit", ORG_FIND_LIMIT, 1, ORG_FIND_LIMIT_MAX);
	json_t *items;
	int more = 0;

	if (r->e.code) {
		reply_problem(r);
		return;
	}
	items = json_array();
	if (app_org_find(r->app, &r->actor, q, open && open[0] == '1', limit, org_item, items,
			 &more, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	reply_json(r, 200, json_pack("{s:s,s:o,s:b}", "q", q, "items", items, "more", more));
}
