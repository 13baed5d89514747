/* api_audit.c - the audit log entries within the actor's subtree. */
#include <stdlib.h>

#include "api.h"

#define AUDIT_LIMIT 100
#define AUDIT_LIMIT_MAX 1000

static int audit_item(void *ctx, const struct audit_entry *en)
{
	json_t *before = en->before && en->before[0] ? json_loads(en->before, 0, NULL) : NULL;
	json_t *after = en->after && en->after[0] ? json_loads(en->after, 0, NULL) : NULL;
	char hex[2 * AUDIT_HASH_BYTES + 1];

	audit_hex(en->hash, hex);
	json_array_append_new(ctx, json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:o,s:o,s:s}", "id",
		(json_int_t)en->id, "at", en->at, "actor", en->actor, "address", en->address,
		"action", en->action, "subject", en->subject, "before",
		before ? before : json_null(), "after", after ? after : json_null(), "hash", hex));
	return 0;
}

/* GET /api/v1/audit?org=CODE&limit=N: the latest entries, newest first. */
void api_audit_list(struct req *r)
{
	const char *org = req_query(r, "org");
	long limit = req_query_long(r, "limit", AUDIT_LIMIT, 1, AUDIT_LIMIT_MAX);
	json_t *items;

	if (r->e.code) {
		reply_problem(r);
		return;
	}
	items = json_array();
	if (app_audit_list(r->app, &r->actor, org && org[0] ? org : NULL, limit, audit_item, items,
			   &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	reply_json(r, 200, json_pack("{s:o}", "items", items));
}
