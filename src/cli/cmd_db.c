/* cmd_db.c - cadre init, cadre demo, cadre rules, cadre rules add. */
#include <string.h>

#include "../app/app_report.h"
#include "cli.h"

int cmd_init(struct cli *c, int npos, char **pos)
{
	const char *key = NULL;

	(void)npos;
	(void)pos;
	if (app_audit_key_init(&c->app, &key, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_pack("{s:s,s:i,s:s}", "database", c->db, "schema_version",
				       app_schema_version(&c->app), "audit_key_file", key));
	else
		printf("database %s is ready (schema version %d); its audit key is in %s (keep "
		       "it with the database, private: docs/audit.md)\n", c->db,
		       app_schema_version(&c->app), key);
	return 0;
}

int cmd_demo(struct cli *c, int npos, char **pos)
{
	long n = 0;

	(void)npos;
	(void)pos;
	if (!c->quiet && !c->json)
		fprintf(stderr, "building the sample Military Region 2 into %s ...\n", c->db);
	if (app_demo(&c->app, &c->actor, &c->e))
		return cli_fail(c);
	if (app_org_total(&c->app, &n, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_pack("{s:s,s:I}", "database", c->db, "organisations",
				       (json_int_t)n));
	else
		printf("demo database %s built: %ld organisations\n", c->db, n);
	return 0;
}

int cmd_rules(struct cli *c, int npos, char **pos)
{
	const struct ruleset *rs = &c->app.rules;
	date_t as_of = DATE_NONE;
	size_t i;
	json_t *arr = NULL;
	struct table t;
	char d[DATE_STR];

	(void)npos;
	(void)pos;
	if (cli_date(c, "as-of", OPT(c, "as-of"), &as_of))
		return cli_fail(c);
	if (as_of == DATE_NONE)
		as_of = c->app.today;
	if (c->json)
		arr = json_array();
	table_init(&t, 5);
	table_row(&t, "RULE", "VERSION", "VALUE", "IN FORCE FROM", "SOURCE");
	for (i = 0; i < rs->n; i++) {
		const struct rule_version *v = &rs->v[i];
		const struct rule_version *cur = ruleset_find(rs, v->id, as_of);
		char ver[40];

		if (c->json) {
			cli_json_push(
				arr, json_pack("{s:s,s:i,s:s,s:s,s:s,s:s,s:b}", "id", v->id, "version",
					       v->version, "value", v->value, "effective_from",
					       date_format(v->effective_from, d), "source", v->source,
					       "description", v->description, "in_force", cur == v));
			continue;
		}
		snprintf(ver, sizeof ver, "%d%s", v->version, cur == v ? "" : " (not in force)");
		{
			/* Long list values are cut for the table; --json has them whole. */
			char val[64];

			if (strlen(v->value) < sizeof val)
				snprintf(val, sizeof val, "%.63s", v->value);
			else
				snprintf(val, sizeof val, "%.56s ...", v->value);
			table_row(&t, v->id, ver, val, date_format(v->effective_from, d), v->source);
		}
	}
	if (c->json)
		cli_json_out(arr);
	else
		table_print(&t, stdout);
	table_cleanup(&t);
	return 0;
}

int cmd_rules_add(struct cli *c, int npos, char **pos)
{
	date_t from;
	int version = 0;
	char d[DATE_STR];

	(void)npos;
	if (!OPT(c, "value"))
		err_add(&c->e, ERR_USAGE, 0, "value", NULL, NULL, "--value is required");
	if (!OPT(c, "from"))
		err_add(&c->e, ERR_USAGE, 0, "from", NULL, NULL,
			"--from DATE is required: the date from which the value applies");
	if (!OPT(c, "source"))
		err_add(&c->e, ERR_USAGE, 0, "source", NULL, NULL,
			"--source is required: the document that sets the value");
	if (cli_date(c, "from", OPT(c, "from"), &from) || c->e.code)
		return cli_fail(c);
	if (app_rule_add(&c->app, &c->actor, pos[0], OPT(c, "value"), from, OPT(c, "source"),
			 OPT(c, "description"), &version, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_pack("{s:s,s:i,s:s,s:s,s:s}", "id", pos[0], "version", version,
				       "value", OPT(c, "value"), "effective_from",
				       date_format(from, d), "source", OPT(c, "source")));
	else
		printf("%s version %d: %s from %s (%s)\n", pos[0], version, OPT(c, "value"),
		       date_format(from, d), OPT(c, "source"));
	return 0;
}
