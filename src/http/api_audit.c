/* api_audit.c - the audit log entries within the actor's subtree. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"

#define AUDIT_LIMIT 100
#define AUDIT_LIMIT_MAX 1000

struct audit_items {
	json_t *items;
	struct audit_namer nm;
};

static int audit_item(void *ctx, const struct audit_entry *en)
{
	struct audit_items *c = ctx;
	struct audit_subject sj;
	json_t *before = en->before && en->before[0] ? json_loads(en->before, 0, NULL) : NULL;
	json_t *after = en->after && en->after[0] ? json_loads(en->after, 0, NULL) : NULL;
	char hex[2 * AUDIT_HASH_BYTES + 1];

	audit_hex(en->hash, hex);
	/* subject stays the raw reference; subject_name is its name when the reader may see
	 * the record (null otherwise). */
	app_audit_subject(&c->nm, en->subject, &sj);
	json_array_append_new(c->items, json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:o,s:o,s:o,s:s}",
		"id", (json_int_t)en->id, "at", en->at, "actor", en->actor, "address",
		en->address, "action", en->action, "subject", en->subject, "subject_name",
		sj.name[0] ? json_string(sj.name) : json_null(), "before",
		before ? before : json_null(), "after", after ? after : json_null(), "hash", hex));
	return 0;
}

/* GET /api/v1/audit?org=&actor=&action=&subject=&from=&to=&before=&limit=: the entries of
 * the subtree that the filters pick, newest first, a page at a time. "next" carries the
 * cursor (before=the id of the page's last entry), so a script reads the whole log page by
 * page however large it is; "total" counts every entry the filters pick. */
void api_audit_list(struct req *r)
{
	const char *org = req_query(r, "org");
	long limit = req_query_long(r, "limit", AUDIT_LIMIT, 1, AUDIT_LIMIT_MAX);
	long before = req_query_long(r, "before", 0, 1, LONG_MAX);
	struct audit_filter f;
	struct audit_items c;
	json_t *items;
	struct audit_counts n;
	json_t *next = json_null();

	if (r->e.code) {
		reply_problem(r);
		return;
	}
	memset(&f, 0, sizeof f);
	f.actor = req_query(r, "actor");
	f.action = req_query(r, "action");
	f.subject = req_query(r, "subject");
	f.from = req_query(r, "from");
	f.until = req_query(r, "to");
	f.before = before;
	if (app_audit_namer_init(&c.nm, r->app, &r->actor, &r->e)) {
		reply_problem(r);
		return;
	}
	items = c.items = json_array();
	/* One more than asked: whether a next page exists. */
	if (app_audit_find(r->app, &r->actor, org && org[0] ? org : NULL, &f, 0, limit + 1,
			   audit_item, &c, &n, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	if (json_array_size(items) > (size_t)limit) {
		char v[32];
		json_t *last;

		json_array_remove(items, (size_t)limit);
		last = json_array_get(items, (size_t)limit - 1);
		snprintf(v, sizeof v, "%lld",
			 (long long)json_integer_value(json_object_get(last, "id")));
		next = api_self_url(r, "before", v);
	}
	reply_json(r, 200, json_pack("{s:o,s:I,s:I,s:o,s:o}", "items", items, "total",
				     (json_int_t)n.total, "limit", (json_int_t)limit, "before",
				     before ? json_integer(before) : json_null(), "next", next));
}
