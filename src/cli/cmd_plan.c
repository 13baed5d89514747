/* cmd_plan.c - cadre succession periods|period|plan|approve|review|add|remove|rerank|
 * criteria|targets: personnel planning (quy hoạch, docs/cadres.md "Planning"); every command
 * needs the personnel right. */
#include <stdlib.h>
#include <string.h>

#include "../app/app_plan.h"
#include "cli.h"

#define PLAN_OPTS                                                                            \
	{"org", 1, N_("the plan's organisation (its code)"), NULL, 0},                       \
	{"period", 1, N_("the planning period's code (default: the latest covering today)"),  \
	 NULL, 0}

struct opt plan_periods_opts[] = {
	{NULL, 0, NULL, NULL, 0},
};
struct opt plan_show_opts[] = {
	PLAN_OPTS,
	{"version", 1, N_("an older version of the plan (default: the latest)"), NULL, 0},
	{"csv", 1, N_("write the list as CSV to FILE ('-': standard output)"), NULL, 0},
	{"xlsx", 1, N_("write the list as an XLSX workbook to FILE"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt plan_version_opts[] = {
	PLAN_OPTS,
	{"year", 1, N_("the year of the approval or review (default: that of the decision, "
		       "else this year)"), NULL, 0},
	{"decision", 1, N_("the decision's number"), NULL, 0},
	{"decided-on", 1, N_("the decision's date (YYYY-MM-DD)"), NULL, 0},
	{"body", 1, N_("the approving body (an organisation's code)"), NULL, 0},
	{"note", 1, N_("a note"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt plan_change_opts[] = {
	PLAN_OPTS,
	{"position", 1, N_("the position: its id or ORG:KIND"), NULL, 0},
	{"member", 1, N_("the member's id"), NULL, 0},
	{"rank", 1, N_("the rank among the position's successors (1 first)"), NULL, 0},
	{"reason", 1, N_("why"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt plan_criteria_opts[] = {
	{"kind", 1, N_("one position kind's criteria (with those for every kind)"), NULL, 0},
	{"as-of", 1, N_("the criteria in force on this date (YYYY-MM-DD)"), NULL, 0},
	{"set", 0, N_("add a dated row: KIND CRITERION VALUE (system administrator)"), NULL, 0},
	{"from", 1, N_("with --set: the day the row takes effect (default: today)"), NULL, 0},
	{"source", 1, N_("with --set: the document it comes from"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt plan_targets_opts[] = {
	PLAN_OPTS,
	{"set", 1, N_("set a target: young, ethnic_minority or women"), NULL, 0},
	{"pct", 1, N_("with --set: the lowest percentage of the people planned"), NULL, 0},
	{"age-under", 1, N_("with --set young: the age they are under"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};

/* A whole number option ("" or absent: def). */
static int int_opt(struct cli *c, const char *name, int def, int *out)
{
	const char *s = OPT(c, name);
	char *end;
	long v;

	*out = def;
	if (!s || !*s)
		return 0;
	v = strtol(s, &end, 10);
	if (*end || v < 0 || v > 100000) {
		err_add(&c->e, ERR_USAGE, 0, name, s, NULL, "--%s takes a whole number", name);
		return -1;
	}
	*out = (int)v;
	return 0;
}

static int period_row(void *ctx, const struct plan_period *p)
{
	struct list_ctx {
		json_t *arr;
		struct table *t;
	} *o = ctx;
	char f[16], t[16];

	if (o->arr) {
		cli_json_push(o->arr, app_plan_period_json(p));
		return 0;
	}
	snprintf(f, sizeof f, "%d", p->from_year);
	snprintf(t, sizeof t, "%d", p->to_year);
	table_row(o->t, p->code, f, t);
	return 0;
}

int cmd_plan_periods(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct {
		json_t *arr;
		struct table *t;
	} o = {NULL, &t};

	(void)npos;
	(void)pos;
	table_init(&t, 3);
	table_row(&t, err_tr("PERIOD"), err_tr("FROM"), err_tr("TO"));
	if (c->json)
		o.arr = json_array();
	return cli_list_end(c, &t, o.arr,
			    app_plan_periods(&c->app, &c->actor, period_row, &o, &c->e),
			    N_("no planning periods"));
}

int cmd_plan_period(struct cli *c, int npos, char **pos)
{
	struct plan_period p;
	int from = 0, to = 0;

	if (npos != 4 || strcmp(pos[0], "add")) {
		err_add(&c->e, ERR_USAGE, 0, NULL, NULL, NULL,
			"write: cadre succession period add CODE FROM_YEAR TO_YEAR");
		return cli_fail(c);
	}
	if (cli_year(c, "from_year", pos[2], 1, &from) || cli_year(c, "to_year", pos[3], 1, &to) ||
	    app_plan_period_add(&c->app, &c->actor, pos[1], from, to, &p, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(app_plan_period_json(&p));
	else
		printf("%s %s (%d-%d)\n", err_tr("planning period added:"), p.code, p.from_year,
		       p.to_year);
	return 0;
}

static void print_plan(const struct plan_view *v)
{
	size_t k, i;
	int t;

	printf("%s %s, %s %s (%d-%d), %s %d/%d\n", err_tr("plan of"), v->org.code,
	       err_tr("period"), v->period.code, v->period.from_year, v->period.to_year,
	       err_tr("version"), v->version, v->latest);
	for (i = 0; i < v->nversions; i++)
		printf("  v%d %d %s %s\n", v->versions[i].version, v->versions[i].year,
		       v->versions[i].decision, v->versions[i].note);
	for (k = 0; k < v->npos; k++) {
		const struct plan_view_pos *p = &v->pos[k];

		printf("%s %s (%ld/%ld)%s\n", p->p.org_code, p->p.kind, p->n, v->min,
		       p->is_short ? err_tr(" SHORT") : "");
		for (i = 0; i < v->nrows; i++) {
			const struct plan_view_row *r = &v->rows[i];

			if (r->s.position_id != p->p.id)
				continue;
			printf("  %d. %lld %s: %s", r->s.rank, (long long)r->s.member_id,
			       r->s.member_name, r->j.nfail ? err_tr("not ready") : err_tr("ready"));
			for (t = 0; t < r->j.nfail; t++)
				printf("%s%s %s (%s %s)", t ? "; " : " - ",
				       plan_crit_name(r->j.fail[t].crit), r->j.fail[t].found,
				       err_tr("needed"), r->j.fail[t].needed);
			printf("\n");
		}
	}
	printf("%s %ld, %s %ld\n", err_tr("people planned:"), v->people, err_tr("positions short:"),
	       v->short_n);
	for (t = 0; t < v->ntargets; t++)
		printf("%s %s %d%% (%ld) / %d%%%s\n", err_tr("target"), v->targets[t].t.target,
		       v->targets[t].pct, v->targets[t].count, v->targets[t].t.pct_min,
		       v->targets[t].missed ? err_tr(" MISSED") : "");
}

int cmd_plan_show(struct cli *c, int npos, char **pos)
{
	struct plan_view v;
	int version;

	(void)npos;
	(void)pos;
	if (int_opt(c, "version", 0, &version) ||
	    app_plan_get(&c->app, &c->actor, OPT(c, "period"), OPT(c, "org"), version, &v, &c->e))
		return cli_fail(c);
	if (OPT(c, "csv") || OPT(c, "xlsx")) {
		int x = OPT(c, "xlsx") != NULL;
		enum err_code rc = app_plan_export_file(&c->app, &v, x ? TABLE_XLSX : TABLE_CSV,
							 x ? OPT(c, "xlsx") : OPT(c, "csv"), &c->e);

		plan_view_free(&v);
		return rc ? cli_fail(c) : 0;
	}
	if (c->json)
		cli_json_out(app_plan_json(&v));
	else
		print_plan(&v);
	plan_view_free(&v);
	return 0;
}

static int version_cmd(struct cli *c, int review)
{
	struct cadre_decision d;
	struct plan_version v;
	int year;

	memset(&d, 0, sizeof d);
	d.number = OPT(c, "decision");
	d.body_code = OPT(c, "body");
	if (int_opt(c, "year", 0, &year) ||
	    cli_date(c, "decided-on", OPT(c, "decided-on"), &d.decided_on) ||
	    app_plan_version_add(&c->app, &c->actor, OPT(c, "period"), OPT(c, "org"), review,
				 year, &d, OPT(c, "note"), &v, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(app_plan_version_json(&v));
	else
		printf("%s %s: %s %d (%d)\n", review ? err_tr("plan reviewed") : err_tr("plan approved"),
		       v.org_code, err_tr("version"), v.version, v.year);
	return 0;
}

int cmd_plan_approve(struct cli *c, int npos, char **pos)
{
	(void)npos;
	(void)pos;
	return version_cmd(c, 0);
}

int cmd_plan_review(struct cli *c, int npos, char **pos)
{
	(void)npos;
	(void)pos;
	if (!OPT(c, "year")) {
		err_add(&c->e, ERR_USAGE, 0, "year", NULL, NULL, "give the year reviewed: --year Y");
		return cli_fail(c);
	}
	return version_cmd(c, 1);
}

/* add (0), remove (1), rerank (2). */
static int change_cmd(struct cli *c, int what)
{
	int64_t member = 0;
	int rank = 0;
	enum err_code rc;

	if (!OPT(c, "member")) {
		err_add(&c->e, ERR_USAGE, 0, "member", NULL, NULL, "give the member: --member ID");
		return cli_fail(c);
	}
	if (what == 2 && !OPT(c, "rank")) {
		err_add(&c->e, ERR_USAGE, 0, "rank", NULL, NULL, "give the new rank: --rank N");
		return cli_fail(c);
	}
	if (cli_id(c, "member", OPT(c, "member"), &member) || int_opt(c, "rank", 0, &rank))
		return cli_fail(c);
	if (what == 0)
		rc = app_plan_add(&c->app, &c->actor, OPT(c, "period"), OPT(c, "org"),
				  OPT(c, "position"), member, rank, OPT(c, "reason"), &c->e);
	else if (what == 1)
		rc = app_plan_remove(&c->app, &c->actor, OPT(c, "period"), OPT(c, "org"),
				     OPT(c, "position"), member, OPT(c, "reason"), &c->e);
	else
		rc = app_plan_rerank(&c->app, &c->actor, OPT(c, "period"), OPT(c, "org"),
				     OPT(c, "position"), member, rank, OPT(c, "reason"), &c->e);
	if (rc)
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_pack("{s:b}", "ok", 1));
	else
		printf("%s\n", what == 0 ? err_tr("successor planned")
			       : what == 1 ? err_tr("successor removed")
					   : err_tr("successor re-ranked"));
	return 0;
}

int cmd_plan_add(struct cli *c, int npos, char **pos)
{
	(void)npos;
	(void)pos;
	return change_cmd(c, 0);
}

int cmd_plan_remove(struct cli *c, int npos, char **pos)
{
	(void)npos;
	(void)pos;
	return change_cmd(c, 1);
}

int cmd_plan_rerank(struct cli *c, int npos, char **pos)
{
	(void)npos;
	(void)pos;
	return change_cmd(c, 2);
}

struct crit_out {
	json_t *arr;
	struct table *t;
};

static int crit_row(void *ctx, const struct plan_criterion_row *r)
{
	struct crit_out *o = ctx;
	char d[DATE_STR];

	if (o->arr)
		cli_json_push(o->arr, app_plan_criterion_json(r));
	else
		table_row(o->t, r->kind, r->criterion, r->value[0] ? r->value : "-",
			  date_format(r->effective_from, d), r->source);
	return 0;
}

int cmd_plan_criteria(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct crit_out o = {NULL, &t};
	date_t on;

	if (OPT_SET(c, "set")) {
		if (npos != 3) {
			err_add(&c->e, ERR_USAGE, 0, "set", NULL, NULL,
				"write: cadre succession criteria --set KIND CRITERION VALUE "
				"[--from DATE]");
			return cli_fail(c);
		}
		if (cli_date(c, "from", OPT(c, "from"), &on) ||
		    app_plan_criterion_set(&c->app, &c->actor, pos[0], pos[1], pos[2], on,
					   OPT(c, "source"), &c->e))
			return cli_fail(c);
		if (c->json)
			cli_json_out(json_pack("{s:b}", "ok", 1));
		else
			printf("%s\n", err_tr("criterion recorded"));
		return 0;
	}
	if (npos) {
		err_add(&c->e, ERR_USAGE, 0, NULL, NULL, NULL,
			"arguments are taken only with --set KIND CRITERION VALUE");
		return cli_fail(c);
	}
	if (cli_date(c, "as-of", OPT(c, "as-of"), &on))
		return cli_fail(c);
	table_init(&t, 5);
	table_row(&t, err_tr("KIND"), err_tr("CRITERION"), err_tr("VALUE"), err_tr("FROM"),
		  err_tr("SOURCE"));
	if (c->json)
		o.arr = json_array();
	return cli_list_end(c, &t, o.arr,
			    app_plan_criteria(&c->app, &c->actor, OPT(c, "kind"), on, crit_row, &o,
					      &c->e),
			    N_("no criteria"));
}

int cmd_plan_targets(struct cli *c, int npos, char **pos)
{
	struct plan_view v;
	json_t *arr;
	int pct, age, t;

	(void)npos;
	(void)pos;
	if (OPT(c, "set")) {
		if (!OPT(c, "pct")) {
			err_add(&c->e, ERR_USAGE, 0, "pct", NULL, NULL,
				"give the percentage: --pct N");
			return cli_fail(c);
		}
		if (int_opt(c, "pct", 0, &pct) || int_opt(c, "age-under", 0, &age) ||
		    app_plan_target_set(&c->app, &c->actor, OPT(c, "period"), OPT(c, "org"),
					OPT(c, "set"), pct, age, &c->e))
			return cli_fail(c);
	}
	if (app_plan_get(&c->app, &c->actor, OPT(c, "period"), OPT(c, "org"), 0, &v, &c->e))
		return cli_fail(c);
	if (c->json) {
		json_t *j = app_plan_json(&v);

		arr = j ? json_incref(json_object_get(j, "targets")) : NULL;
		json_decref(j);
		cli_json_out(arr);
	} else {
		printf("%s %ld\n", err_tr("people planned:"), v.people);
		for (t = 0; t < v.ntargets; t++)
			printf("%s: %d%% (%ld), %s %d%%%s\n", v.targets[t].t.target,
			       v.targets[t].pct, v.targets[t].count, err_tr("target"),
			       v.targets[t].t.pct_min, v.targets[t].missed ? err_tr(" MISSED") : "");
	}
	plan_view_free(&v);
	return 0;
}
