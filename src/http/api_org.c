/* api_org.c - organisations: read, tree, restructuring. */
#include "api.h"

void api_org_get(struct req *r)
{
	struct org o;
	long counts[MS__COUNT], hosted = 0;
	json_t *j, *c;
	int i;

	if (app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e) ||
	    app_org_counts(r->app, &r->actor, r->pathv[0], counts, &hosted, &r->e)) {
		reply_problem(r);
		return;
	}
	j = json_org(&o);
	c = json_object();
	for (i = 0; i < MS__COUNT; i++)
		json_object_set_new(c, member_status_name((enum member_status)i),
				    json_integer(counts[i]));
	json_object_set_new(c, "hosted", json_integer(hosted));
	json_object_set_new(j, "counts", c);
	reply_json(r, 200, j);
}
