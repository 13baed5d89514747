/* cmd_training.c - cadre training add|list|show|edit|delete|figures: members' training
 * records (docs/cadres.md "Training"); every command needs the personnel right. */
#include <string.h>

#include "../app/app_training.h"
#include "cli.h"

struct opt training_add_opts[] = {
	{"member", 1, N_("the member's id"), NULL, 0},
	{"course", 1, N_("the course's name"), NULL, 0},
	{"school", 1, N_("the school or body that gives it"), NULL, 0},
	{"kind", 1, N_("long_term, in_service, school or short"), NULL, 0},
	{"from", 1, N_("the day it starts (YYYY-MM-DD)"), NULL, 0},
	{"to", 1, N_("the day it ends (YYYY-MM-DD; omit while under way)"), NULL, 0},
	{"result", 1, N_("the result (grade, classification)"), NULL, 0},
	{"certificate", 1, N_("the certificate's number"), NULL, 0},
	{"note", 1, N_("a note"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt training_edit_opts[] = {
	{"course", 1, N_("the course's name"), NULL, 0},
	{"school", 1, N_("the school or body that gives it"), NULL, 0},
	{"kind", 1, N_("long_term, in_service, school or short"), NULL, 0},
	{"from", 1, N_("the day it starts (YYYY-MM-DD)"), NULL, 0},
	{"to", 1, N_("the day it ends (YYYY-MM-DD; \"\" while under way)"), NULL, 0},
	{"result", 1, N_("the result (grade, classification)"), NULL, 0},
	{"certificate", 1, N_("the certificate's number"), NULL, 0},
	{"note", 1, N_("a note"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt training_list_opts[] = {
	{"member", 1, N_("one member's records (by id)"), NULL, 0},
	{"org", 1, N_("the records of members sent by this organisation's subtree"), NULL, 0},
	{"year", 1, N_("only courses starting in this year"), NULL, 0},
	{"kind", 1, N_("only this kind: long_term, in_service, school or short"), NULL, 0},
	{"csv", 1, N_("write the list as CSV to FILE ('-': standard output)"), NULL, 0},
	{"xlsx", 1, N_("write the list as an XLSX workbook to FILE"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt training_figures_opts[] = {
	{"org", 1, N_("the organisation (default: your scope)"), NULL, 0},
	{"year", 1, N_("the year (required)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};

static void input_of(struct cli *c, struct training_input *in)
{
	in->course = OPT(c, "course");
	in->school = OPT(c, "school");
	in->kind = OPT(c, "kind");
	in->from = OPT(c, "from");
	in->to = OPT(c, "to");
	in->result = OPT(c, "result");
	in->certificate = OPT(c, "certificate");
	in->note = OPT(c, "note");
}

static void print_one(struct cli *c, const struct training *t, const char *what)
{
	char f[DATE_STR], to[DATE_STR];

	if (c->json) {
		cli_json_out(app_training_json(t));
		return;
	}
	if (what)
		printf("%s %lld\n", what, (long long)t->id);
	printf("member:      %lld %s (%s)\ncourse:      %s\nschool:      %s\nkind:        %s\n"
	       "from:        %s\nto:          %s\nresult:      %s\ncertificate: %s\nnote:        %s\n",
	       (long long)t->member_id, t->member_name, t->org_code, t->course, t->school,
	       training_kind_name(t->kind), date_format(t->from, f),
	       t->to == DATE_NONE ? "(under way)" : date_format(t->to, to), t->result,
	       t->certificate, t->note);
}

int cmd_training_add(struct cli *c, int npos, char **pos)
{
	struct training_input in;
	struct training t;
	int64_t member = 0;

	(void)npos;
	(void)pos;
	if (!OPT(c, "member")) {
		err_add(&c->e, ERR_USAGE, 0, "member", NULL, NULL, "give the member: --member ID");
		return cli_fail(c);
	}
	if (cli_id(c, "member", OPT(c, "member"), &member))
		return cli_fail(c);
	input_of(c, &in);
	if (app_training_add(&c->app, &c->actor, member, &in, &t, &c->e))
		return cli_fail(c);
	if (app_training_get(&c->app, &c->actor, t.id, &t, &c->e))
		return cli_fail(c);
	print_one(c, &t, "training recorded:");
	return 0;
}

int cmd_training_show(struct cli *c, int npos, char **pos)
{
	struct training t;
	int64_t id;

	(void)npos;
	if (cli_id(c, "id", pos[0], &id) || app_training_get(&c->app, &c->actor, id, &t, &c->e))
		return cli_fail(c);
	print_one(c, &t, "training");
	return 0;
}

int cmd_training_edit(struct cli *c, int npos, char **pos)
{
	struct training_input in;
	struct training t;
	int64_t id;

	(void)npos;
	if (cli_id(c, "id", pos[0], &id))
		return cli_fail(c);
	input_of(c, &in);
	if (app_training_edit(&c->app, &c->actor, id, &in, &t, &c->e) ||
	    app_training_get(&c->app, &c->actor, id, &t, &c->e))
		return cli_fail(c);
	print_one(c, &t, "training changed:");
	return 0;
}

int cmd_training_delete(struct cli *c, int npos, char **pos)
{
	int64_t id;

	(void)npos;
	if (cli_id(c, "id", pos[0], &id) || app_training_delete(&c->app, &c->actor, id, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_pack("{s:s,s:I}", "done", "deleted", "id", (json_int_t)id));
	else
		printf("training %lld deleted (kept in the history)\n", (long long)id);
	return 0;
}

struct list_out {
	json_t *arr;
	struct table *t;
};

static int list_row(void *ctx, const struct training *t)
{
	struct list_out *o = ctx;
	char id[24], mid[24], f[DATE_STR], to[DATE_STR];

	if (o->arr) {
		cli_json_push(o->arr, app_training_json(t));
		return 0;
	}
	snprintf(id, sizeof id, "%lld", (long long)t->id);
	snprintf(mid, sizeof mid, "%lld", (long long)t->member_id);
	table_row(o->t, id, mid, t->member_name, t->course, t->school, training_kind_name(t->kind),
		  date_format(t->from, f), date_format(t->to, to), t->result);
	return 0;
}

int cmd_training_list(struct cli *c, int npos, char **pos)
{
	struct training_query q;
	struct table t;
	struct list_out o = {NULL, &t};

	(void)npos;
	(void)pos;
	memset(&q, 0, sizeof q);
	if (OPT(c, "member") && cli_id(c, "member", OPT(c, "member"), &q.member_id))
		return cli_fail(c);
	if (cli_year(c, "year", OPT(c, "year"), 0, &q.year))
		return cli_fail(c);
	q.org_code = OPT(c, "org");
	q.kind = OPT(c, "kind");
	if (OPT(c, "csv") || OPT(c, "xlsx")) {
		int x = OPT(c, "xlsx") != NULL;

		if (app_training_export_file(&c->app, &c->actor, &q, x ? TABLE_XLSX : TABLE_CSV,
					     x ? OPT(c, "xlsx") : OPT(c, "csv"), &c->e))
			return cli_fail(c);
		return 0;
	}
	table_init(&t, 9);
	table_row(&t, "ID", "MEMBER", "NAME", "COURSE", "SCHOOL", "KIND", "FROM", "TO", "RESULT");
	if (c->json)
		o.arr = json_array();
	return cli_list_end(c, &t, o.arr, app_training_list(&c->app, &c->actor, &q, list_row, &o,
							    &c->e),
			    "no training records");
}

struct fig_out {
	json_t *arr;
	struct table *t;
};

static int fig_row(void *ctx, const struct training_fig_row *r)
{
	struct fig_out *o = ctx;
	char n[TK__COUNT + 1][24];
	int k;

	if (o->arr) {
		json_t *j = json_pack("{s:s,s:s,s:i,s:I}", "org", r->code, "name", r->name, "depth",
				      r->depth, "total", (json_int_t)r->total);

		for (k = 0; j && k < TK__COUNT; k++)
			json_object_set_new(j, training_kind_name((enum training_kind)k),
					    json_integer(r->counts[k]));
		cli_json_push(o->arr, j);
		return 0;
	}
	for (k = 0; k < TK__COUNT; k++)
		snprintf(n[k], sizeof n[k], "%ld", r->counts[k]);
	snprintf(n[TK__COUNT], sizeof n[TK__COUNT], "%ld", r->total);
	table_row(o->t, r->depth ? "  " : "", r->code, r->name, n[TK__COUNT], n[0], n[1], n[2],
		  n[3]);
	return 0;
}

int cmd_training_figures(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct fig_out o = {NULL, &t};
	int year = 0;

	(void)npos;
	(void)pos;
	if (cli_year(c, "year", OPT(c, "year"), 1, &year))
		return cli_fail(c);
	table_init(&t, 8);
	table_row(&t, "", "ORG", "NAME", "SENT", "LONG_TERM", "IN_SERVICE", "SCHOOL", "SHORT");
	if (c->json)
		o.arr = json_array();
	return cli_list_end(c, &t, o.arr,
			    app_training_figures(&c->app, &c->actor, OPT(c, "org"), year, fig_row,
						 &o, &c->e),
			    NULL);
}
