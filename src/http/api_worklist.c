/* api_worklist.c - GET /api/v1/worklist: the home page's worklist as JSON (app_worklist.h). */
#include "../app/app_worklist.h"
#include "../web/web.h"
#include "api.h"

void api_worklist(struct req *r)
{
	struct worklist w;
	json_t *items;
	size_t i;

	if (app_worklist(r->app, &r->actor, 0, &w, &r->e)) {
		reply_problem(r);
		return;
	}
	items = json_array();
	for (i = 0; i < w.n; i++)
		json_array_append_new(items, json_pack("{s:s,s:s,s:I,s:s}", "id", w.items[i].id,
						       "title", web_tr(r, w.items[i].title),
						       "count", (json_int_t)w.items[i].count,
						       "link", w.items[i].link));
	reply_json(r, 200, json_pack("{s:s,s:i,s:o}", "org", w.top, "year", w.year, "items", items));
}
