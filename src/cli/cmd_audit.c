/* cmd_audit.c - cadre audit list, cadre audit verify. */
#include <string.h>

#include "cli.h"

struct audit_out {
	json_t *arr;
	struct table *t;
	struct audit_namer nm;
};

static int audit_row(void *ctx, const struct audit_entry *en)
{
	struct audit_out *o = ctx;
	char id[24], hex[2 * AUDIT_HASH_BYTES + 1];
	struct audit_subject sj;

	snprintf(id, sizeof id, "%lld", (long long)en->id);
	app_audit_subject(&o->nm, en->subject, &sj);
	if (o->arr) {
		json_t *before = en->before && en->before[0] ? json_loads(en->before, 0, NULL) : NULL;
		json_t *after = en->after && en->after[0] ? json_loads(en->after, 0, NULL) : NULL;

		audit_hex(en->hash, hex);
		cli_json_push(o->arr, json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:o,s:o,s:o,s:s}",
			"id", (json_int_t)en->id, "at", en->at, "actor", en->actor, "address",
			en->address, "action", en->action, "subject", en->subject, "subject_name",
			sj.name[0] ? json_string(sj.name) : json_null(), "before",
			before ? before : json_null(), "after", after ? after : json_null(), "hash",
			hex));
		return 0;
	}
	table_row(o->t, id, en->at, en->actor, en->address, en->action, en->subject, sj.name);
	return 0;
}

int cmd_audit_list(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct audit_out o;
	long limit;

	(void)npos;
	(void)pos;
	memset(&o, 0, sizeof o);
	o.t = &t;
	if (cli_count(c, "limit", OPT(c, "limit"), &limit) ||
	    app_audit_namer_init(&o.nm, &c->app, &c->actor, &c->e))
		return cli_fail(c);
	table_init(&t, 7);
	table_row(&t, "ENTRY", "AT (UTC)", "WHO", "FROM", "ACTION", "RECORD", "NAME");
	if (c->json)
		o.arr = json_array();
	return cli_list_end(c, &t, o.arr,
			    app_audit_list(&c->app, &c->actor, OPT(c, "org"), limit, audit_row, &o,
					   &c->e), "no entries");
}

int cmd_audit_verify(struct cli *c, int npos, char **pos)
{
	struct audit_verdict v;
	char hex[2 * AUDIT_HASH_BYTES + 1];
	enum err_code rc;

	(void)npos;
	(void)pos;
	if (app_audit_may_verify(&c->actor, &c->e))
		return cli_fail(c);
	rc = app_audit_verify(&c->app, OPT(c, "head"), &v, &c->e);
	audit_hex(v.head, hex);
	if (c->json && rc != ERR_USAGE) {
		char head[2 * AUDIT_HASH_BYTES + 24];

		snprintf(head, sizeof head, "%lld:%s", (long long)v.head_entries, hex);
		cli_json_out(json_pack("{s:b,s:I,s:I,s:I,s:b,s:o,s:s,s:s}", "intact", rc == ERR_OK,
				       "entries", (json_int_t)v.entries, "legacy_entries",
				       (json_int_t)v.legacy, "checkpoints",
				       (json_int_t)v.checkpoints, "keyed", v.keyed,
				       "first_bad_entry", v.bad_id ? json_integer(v.bad_id)
								   : json_null(),
				       "reason", rc ? (v.why[0] ? v.why : c->e.n ? c->e.items[0].msg : "") : "", "head", rc ? "" : head));
		return rc ? err_exit_code(rc) : 0;
	}
	if (rc)
		return cli_fail(c);
	printf("the audit log is intact: %ld entries, each chained to the one before", v.entries);
	if (v.keyed && v.legacy)
		printf(" and keyed after the first %ld (legacy, written before the key)", v.legacy);
	else if (v.keyed)
		printf(" and keyed");
	else
		printf(" (legacy: the database has no audit key yet; its next write makes one)");
	printf("; %ld signed checkpoints match\n", v.checkpoints);
	printf("head %lld:%s (keep it elsewhere; 'cadre audit verify --head' with it shows a log "
	       "cut short or rewritten)\n", (long long)v.head_entries, hex);
	return 0;
}

int cmd_audit_head(struct cli *c, int npos, char **pos)
{
	unsigned char head[AUDIT_HASH_BYTES];
	char hex[2 * AUDIT_HASH_BYTES + 1];
	int64_t n;

	(void)npos;
	(void)pos;
	/* The head holds the number of entries of the whole log. */
	if (app_audit_may_verify(&c->actor, &c->e) || app_audit_head(&c->app, &n, head, &c->e))
		return cli_fail(c);
	audit_hex(head, hex);
	if (c->json)
		cli_json_out(json_pack("{s:I,s:s}", "entries", (json_int_t)n, "mac", hex));
	else
		printf("%lld:%s\n", (long long)n, hex);
	return 0;
}
