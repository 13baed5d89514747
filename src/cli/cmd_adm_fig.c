/* cmd_adm_fig.c - 'cadre report cases': the people behind an admission figure of the report
 * (a row's adm_... filter), as text or --json. */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "../app/app_adm_fig.h"
#include "cli.h"

struct case_out {
	json_t *arr;
	struct table *t;
};

static int case_out(void *ctx, const struct adm_fig_person *p)
{
	struct case_out *o = ctx;
	char id[24], listed[DATE_STR];

	date_format(p->listed_on, listed);
	if (o->arr) {
		json_array_append_new(o->arr,
				      json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:I}", "id",
						(json_int_t)p->id, "full_name", p->full_name,
						"org_code", p->org_code, "stage_now", p->stage,
						"source", p->source, "listed_on", listed, "member_id",
						(json_int_t)p->member_id));
		return 0;
	}
	snprintf(id, sizeof id, "%lld", (long long)p->id);
	table_row(o->t, id, p->full_name, p->org_code, p->stage, p->source, listed);
	return 0;
}

int cmd_report_cases(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct case_out o = {NULL, &t};
	const char *filter = OPT(c, "filter");
	long offset, limit, total = 0;
	int year, code;
	enum err_code rc;

	(void)npos;
	(void)pos;
	if (!filter)
		err_add(&c->e, ERR_USAGE, 0, "filter", NULL, NULL,
			"--filter NAME=VALUE is required: the filter of a row of the admission "
			"tables (--json report gives each row's), such as adm_stage=candidate");
	cli_year(c, "year", OPT(c, "year"), 0, &year);
	cli_count(c, "offset", OPT(c, "offset"), &offset);
	cli_count(c, "limit", OPT(c, "limit"), &limit);
	if (c->e.code)
		return cli_fail(c);
	table_init(&t, 6);
	table_row(&t, "ID", "NAME", "ORG", "STAGE", "SOURCE", "LISTED");
	if (c->json)
		o.arr = json_array();
	rc = app_adm_fig_people(&c->app, &c->actor, OPT(c, "org") ? OPT(c, "org") : "", year,
				filter, offset < 0 ? 0 : offset, limit, case_out, &o, &total,
				&c->e);
	code = cli_list_end(c, &t, o.arr, rc, "no cases");
	if (!rc && !c->json && (offset > 0 || limit >= 0))
		fprintf(stderr, "%ld cases match %s in all\n", total, filter);
	return code;
}
