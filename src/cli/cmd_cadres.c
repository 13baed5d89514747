/* cmd_cadres.c - key cadres from the command line (docs/cadres.md): cadre position
 * kinds|list|add|show, cadre org flag, cadre appoint|dismiss|transfer|rotate, cadre rotations,
 * cadre committee add|list|show|seat|leave, cadre vacancy. */
#include <stdlib.h>
#include <string.h>

#include "../app/app_cadres_io.h"
#include "../app/app_plan.h"
#include "../lib/buf.h"
#include "../lib/csv.h"
#include "cli.h"

#define DECISION_OPTS                                                                       \
	{"decision", 1, N_("the decision's number, as written on it"), NULL, 0},             \
	{"decided-on", 1, N_("the decision's date, YYYY-MM-DD"), NULL, 0},                   \
	{"body", 1, N_("code of the deciding body (R-POS-DECIDER-LEVEL)"), NULL, 0},          \
	{"on", 1, N_("the day it takes effect, YYYY-MM-DD (default today)"), NULL, 0}
#define EXPORT_OPTS                                                                          \
	{"csv", 1, N_("write the list as CSV to FILE ('-': standard output)"), NULL, 0},      \
	{"xlsx", 1, N_("write the list as an XLSX workbook to FILE ('-': standard output)"), NULL, 0}

struct opt cadre_position_list_opts[] = {
	{"org", 1, N_("code of the organisation"), NULL, 0},
	{"as-of", 1, N_("as things were on this date, YYYY-MM-DD"), NULL, 0},
	EXPORT_OPTS,
	{NULL, 0, NULL, NULL, 0},
};
struct opt cadre_position_add_opts[] = {
	{"org", 1, N_("code of the organisation"), NULL, 0},
	{"kind", 1, N_("the position kind ('cadre position kinds' lists them)"), NULL, 0},
	{"seats", 1, N_("how many seats (deputies and members only; default 1)"), NULL, 0},
	{"key", 1, N_("yes or no: a key position (default: as the catalogue says)"), NULL, 0},
	{"on", 1, N_("the day it exists from, YYYY-MM-DD (default today)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt cadre_position_show_opts[] = {
	{"as-of", 1, N_("the holders of this date only, YYYY-MM-DD"), NULL, 0},
	EXPORT_OPTS,
	{NULL, 0, NULL, NULL, 0},
};
struct opt cadre_flag_opts[] = {
	{"off", 0, N_("clear the flag instead of setting it"), NULL, 0},
	{"on", 1, N_("the day it takes effect, YYYY-MM-DD (default today)"), NULL, 0},
	{"decision", 1, N_("the decision's number"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt cadre_appoint_opts[] = {
	DECISION_OPTS,
	{"acting", 0, N_("as an acting holder (quyền)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt cadre_dismiss_opts[] = {
	DECISION_OPTS,
	{"reason", 1, N_("why the holding ends"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt cadre_transfer_opts[] = {
	DECISION_OPTS,
	{"acting", 0, N_("as an acting holder of the new post"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt cadre_rotations_opts[] = {
	{"org", 1, N_("the subtree of this organisation (default: your scope)"), NULL, 0},
	{"year", 1, N_("the year the rotations began"), NULL, 0},
	EXPORT_OPTS,
	{NULL, 0, NULL, NULL, 0},
};
struct opt cadre_committee_add_opts[] = {
	{"org", 1, N_("code of the organisation"), NULL, 0},
	{"term-start", 1, N_("the first day of the term (the congress), YYYY-MM-DD"), NULL, 0},
	{"seats", 1, N_("members set by the upper committee"), NULL, 0},
	{"standing-seats", 1, N_("standing committee members set by the upper committee"), NULL,
	 0},
	{"decision", 1, N_("the upper committee's decision setting the seats"), NULL, 0},
	{"body", 1, N_("code of the upper committee that set the seats"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt cadre_committee_list_opts[] = {
	{"org", 1, N_("code of the organisation"), NULL, 0},
	EXPORT_OPTS,
	{NULL, 0, NULL, NULL, 0},
};
struct opt cadre_committee_show_opts[] = {
	{"as-of", 1, N_("the members of this date, YYYY-MM-DD (default today)"), NULL, 0},
	{"history", 0, N_("every seat of the term, past ones too"), NULL, 0},
	EXPORT_OPTS,
	{NULL, 0, NULL, NULL, 0},
};
struct opt cadre_committee_seat_opts[] = {
	{"seat", 2, N_("a member and the role: MEMBER_ID=secretary|deputy_secretary|"
		       "standing_member|member (repeatable)"), NULL, 0},
	{"how", 1, N_("election (default) or appointment"), NULL, 0},
	{"decision", 1, N_("the decision's number (required for an appointment)"), NULL, 0},
	{"on", 1, N_("the day they take their seats (default: the term's start)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt cadre_committee_leave_opts[] = {
	{"reason", 1, N_("why the member leaves"), NULL, 0},
	{"on", 1, N_("the day the seat ends (default today)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt cadre_member_holdings_opts[] = {
	EXPORT_OPTS,
	{NULL, 0, NULL, NULL, 0},
};
struct opt cadre_vacancy_opts[] = {
	{"org", 1, N_("the subtree of this organisation (default: your scope)"), NULL, 0},
	{"as-of", 1, N_("as things were on this date, YYYY-MM-DD"), NULL, 0},
	{"csv", 1, N_("write the report as CSV to FILE ('-': standard output)"), NULL, 0},
	{"xlsx", 1, N_("write the report as an XLSX workbook to FILE ('-': standard output)"),
	 NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};

/* With --csv FILE or --xlsx FILE: write the list q names there (*rc: 0 or the exit code)
 * and return 1; else 0 (the caller prints the list). */
static int exported(struct cli *c, const struct cadres_list_query *q, int *rc)
{
	int x = OPT(c, "xlsx") != NULL;

	if (!OPT(c, "csv") && !x)
		return 0;
	*rc = app_cadres_export_file(&c->app, &c->actor, q, x ? TABLE_XLSX : TABLE_CSV,
				     x ? OPT(c, "xlsx") : OPT(c, "csv"), &c->e)
		      ? cli_fail(c)
		      : 0;
	return 1;
}

static int push_out(json_t *arr, json_t *j)
{
	cli_json_push(arr, j);
	return 0;
}

/* ---- position ------------------------------------------------------------------------ */

struct out {
	struct cli *c;
	json_t *arr;
	struct table *t;
};

static int kind_row(void *ctx, const struct position_kind *k)
{
	struct out *o = ctx;

	if (o->arr)
		return push_out(o->arr, json_pack("{s:s,s:s,s:b,s:s?,s:b,s:s,s:s}", "code",
						  k->code, "side", k->side, "key", k->key, "pair",
						  k->pair[0] ? k->pair : NULL, "several", k->multi,
						  "name_vi", k->name_vi, "name_en", k->name_en));
	table_row(o->t, k->code, k->side, k->key ? err_tr("key") : "", k->pair, k->name_vi,
		  k->name_en);
	return 0;
}

int cmd_position_kinds(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct out o = {c, NULL, NULL};
	enum err_code rc;

	(void)npos;
	(void)pos;
	table_init(&t, 6);
	table_row(&t, err_tr("KIND"), err_tr("SIDE"), err_tr("KEY"), err_tr("PAIR"),
		  err_tr("NAME (VI)"), err_tr("NAME (EN)"));
	o.t = &t;
	o.arr = c->json ? json_array() : NULL;
	rc = app_pkinds(&c->app, kind_row, &o, &c->e);
	return cli_list_end(c, &t, o.arr, rc, NULL);
}

struct pos_out {
	struct cli *c;
	json_t *arr;
	struct table *t;
	date_t on;
	json_t *holders;
	struct buf names;
};

static int holder_name(void *ctx, const struct holding *h)
{
	struct pos_out *o = ctx;

	if (o->holders) {
		cli_json_push(o->holders, app_holding_json(h));
		return 0;
	}
	if (o->names.len)
		buf_adds(&o->names, "; ");
	buf_printf(&o->names, "%s%s (%lld)%s", h->acting ? err_tr("acting ") : "", h->member_name,
		   (long long)h->member_id, h->holder_left ? err_tr(" [left the rolls]") : "");
	return 0;
}

static int pos_row(void *ctx, const struct position *p)
{
	struct pos_out *o = ctx;
	char id[24], seats[24];
	json_t *j = NULL;

	if (o->arr) {
		j = app_position_json(p);
		o->holders = json_array();
	} else {
		buf_init(&o->names, 0);
	}
	if (app_holdings(&o->c->app, &o->c->actor, p->id, o->on, holder_name, o, &o->c->e)) {
		json_decref(j);
		json_decref(o->holders);
		return 1;
	}
	if (o->arr) {
		json_object_set_new(j, "holders", o->holders);
		cli_json_push(o->arr, j);
		o->holders = NULL;
		return 0;
	}
	snprintf(id, sizeof id, "%lld", (long long)p->id);
	snprintf(seats, sizeof seats, "%ld", p->seats);
	table_row(o->t, id, p->kind, p->kind_vi, p->is_key ? err_tr("key") : "", seats,
		  o->names.len ? buf_str(&o->names) : err_tr("(vacant)"));
	buf_cleanup(&o->names);
	return 0;
}

int cmd_position_list(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct pos_out o;
	date_t as_of;
	enum err_code rc;

	(void)npos;
	(void)pos;
	if (cli_date(c, "as-of", OPT(c, "as-of"), &as_of))
		return cli_fail(c);
	if (!OPT(c, "org")) {
		err_add(&c->e, ERR_USAGE, 0, "org", NULL, NULL, "--org is required");
		return cli_fail(c);
	}
	{
		struct cadres_list_query q = {CL_POSITIONS, OPT(c, "org"), 0, as_of, 0};
		int xrc;

		if (exported(c, &q, &xrc))
			return xrc;
	}
	memset(&o, 0, sizeof o);
	o.c = c;
	o.on = as_of == DATE_NONE ? c->app.today : as_of;
	table_init(&t, 6);
	table_row(&t, err_tr("ID"), err_tr("KIND"), err_tr("POSITION"), err_tr("KEY"),
		  err_tr("SEATS"), err_tr("HOLDERS"));
	o.t = &t;
	o.arr = c->json ? json_array() : NULL;
	rc = app_positions(&c->app, &c->actor, OPT(c, "org"), as_of, pos_row, &o, &c->e);
	return cli_list_end(c, &t, o.arr, rc, N_("no positions"));
}

/* Print a position with its holders (as_of: of that day; DATE_NONE: its whole history). */
static int position_print(struct cli *c, const struct position *p, date_t as_of)
{
	struct pos_out o;
	json_t *j;
	size_t i;
	char f[DATE_STR], t[DATE_STR];

	memset(&o, 0, sizeof o);
	o.c = c;
	o.holders = json_array();
	if (app_holdings(&c->app, &c->actor, p->id, as_of, holder_name, &o, &c->e)) {
		json_decref(o.holders);
		return cli_fail(c);
	}
	if (c->json) {
		j = app_position_json(p);
		json_object_set_new(j, as_of == DATE_NONE ? "history" : "holders", o.holders);
		cli_json_out(j);
		return cli_json_broken ? 70 : 0;
	}
	printf("%lld  %s:%s  %s / %s%s  %s %ld\n", (long long)p->id, p->org_code, p->kind,
	       p->kind_vi, p->kind_en, p->is_key ? err_tr(" (key)") : "", err_tr("seats"),
	       p->seats);
	for (i = 0; i < json_array_size(o.holders); i++) {
		json_t *h = json_array_get(o.holders, i);
		const char *to = json_string_value(json_object_get(h, "to"));

		snprintf(f, sizeof f, "%s", json_string_value(json_object_get(h, "from")));
		snprintf(t, sizeof t, "%s", to ? to : "");
		printf("  %s..%s  %s%s (%lld)  %s %s %s%s\n", f, t,
		       json_is_true(json_object_get(h, "acting")) ? err_tr("acting ") : "",
		       json_string_value(json_object_get(h, "member_name")),
		       (long long)json_integer_value(json_object_get(h, "member_id")),
		       json_string_value(json_object_get(h, "how")),
		       json_string_value(json_object_get(h, "decision")),
		       json_string_value(json_object_get(h, "body")),
		       json_is_true(json_object_get(h, "holder_left")) ? err_tr(" [left the rolls]")
								       : "");
	}
	if (!json_array_size(o.holders))
		printf("  %s\n", err_tr("(vacant)"));
	json_decref(o.holders);
	return 0;
}

int cmd_position_add(struct cli *c, int npos, char **pos)
{
	struct position p;
	date_t on;
	long seats = 0;
	int key = -1;
	const char *k = OPT(c, "key");

	(void)npos;
	(void)pos;
	if (cli_date(c, "on", OPT(c, "on"), &on) ||
	    (OPT(c, "seats") && cli_count(c, "seats", OPT(c, "seats"), &seats)))
		return cli_fail(c);
	if (k && strcmp(k, "yes") && strcmp(k, "no")) {
		err_add(&c->e, ERR_USAGE, 0, "key", k, NULL, "--key is yes or no");
		return cli_fail(c);
	}
	if (k)
		key = !strcmp(k, "yes");
	if (!OPT(c, "org") || !OPT(c, "kind")) {
		err_add(&c->e, ERR_USAGE, 0, "org", NULL, NULL, "--org and --kind are required");
		return cli_fail(c);
	}
	if (app_position_add(&c->app, &c->actor, OPT(c, "org"), OPT(c, "kind"), seats, key, on, &p,
			     &c->e))
		return cli_fail(c);
	if (c->json)
		return position_print(c, &p, DATE_NONE);
	printf(err_tr("position %lld: %s of %s\n"), (long long)p.id, p.kind, p.org_code);
	return 0;
}

int cmd_position_show(struct cli *c, int npos, char **pos)
{
	struct position p;
	date_t as_of;

	(void)npos;
	if (cli_date(c, "as-of", OPT(c, "as-of"), &as_of) ||
	    app_position_ref(&c->app, &c->actor, pos[0], as_of, &p, &c->e))
		return cli_fail(c);
	{
		struct cadres_list_query q = {CL_HOLDINGS, NULL, p.id, as_of, 0};
		int xrc;

		if (exported(c, &q, &xrc))
			return xrc;
	}
	return position_print(c, &p, as_of);
}

int cmd_org_flag(struct cli *c, int npos, char **pos)
{
	date_t on;
	int set = !OPT_SET(c, "off");

	(void)npos;
	if (cli_date(c, "on", OPT(c, "on"), &on) ||
	    app_org_flag(&c->app, &c->actor, pos[0], pos[1], set, on, OPT(c, "decision"), &c->e))
		return cli_fail(c);
	if (c->json) {
		cli_json_out(json_pack("{s:s,s:s,s:b}", "org", pos[0], "flag", pos[1], "set", set));
		return 0;
	}
	printf(set ? err_tr("%s flagged %s\n") : err_tr("%s no longer flagged %s\n"), pos[0],
	       pos[1]);
	return 0;
}

/* ---- events ----------------------------------------------------------------------------- */

static int read_decision(struct cli *c, struct cadre_decision *d, date_t *on)
{
	d->number = OPT(c, "decision") ? OPT(c, "decision") : "";
	d->body_code = OPT(c, "body");
	return cli_date(c, "decided-on", OPT(c, "decided-on"), &d->decided_on) ||
	       cli_date(c, "on", OPT(c, "on"), on);
}

static int holding_done(struct cli *c, const struct holding *h, const char *what)
{
	if (c->json) {
		cli_json_out(app_holding_json(h));
		return cli_json_broken ? 70 : 0;
	}
	printf(err_tr("%s: member %lld holds %s of %s from %s (holding %lld)%s%s\n"), err_tr(what),
	       (long long)h->member_id, h->pos_kind, h->org_code,
	       date_format(h->valid_from, (char[DATE_STR]){0}), (long long)h->id,
	       h->to_border ? err_tr(", to a border area") : "",
	       h->to_difficult ? err_tr(", to a difficult area") : "");
	return 0;
}

int cmd_appoint(struct cli *c, int npos, char **pos)
{
	struct cadre_decision d;
	struct position p;
	struct holding h;
	int64_t mid;
	date_t on;

	(void)npos;
	if (cli_id(c, "member", pos[0], &mid) || read_decision(c, &d, &on) ||
	    app_position_ref(&c->app, &c->actor, pos[1], on, &p, &c->e) ||
	    app_appoint(&c->app, &c->actor, mid, p.id, &d, OPT_SET(c, "acting"), on, &h, &c->e))
		return cli_fail(c);
	return holding_done(c, &h, N_("appointed"));
}

int cmd_dismiss(struct cli *c, int npos, char **pos)
{
	struct cadre_decision d;
	struct position p;
	int64_t mid;
	date_t on;

	(void)npos;
	if (cli_id(c, "member", pos[0], &mid) || read_decision(c, &d, &on) ||
	    app_position_ref(&c->app, &c->actor, pos[1], DATE_NONE, &p, &c->e) ||
	    app_dismiss(&c->app, &c->actor, mid, p.id, &d, OPT(c, "reason"), on, &c->e))
		return cli_fail(c);
	if (c->json) {
		cli_json_out(json_pack("{s:I,s:I,s:s}", "member_id", (json_int_t)mid, "position_id",
				       (json_int_t)p.id, "ended", "dismiss"));
		return 0;
	}
	printf(err_tr("dismissed: member %lld from %s of %s\n"), (long long)mid, p.kind,
	       p.org_code);
	return 0;
}

static int move(struct cli *c, char **pos, int rotate)
{
	struct cadre_decision d;
	struct position from, to;
	struct holding h;
	int64_t mid;
	date_t on;

	if (cli_id(c, "member", pos[0], &mid) || read_decision(c, &d, &on) ||
	    app_position_ref(&c->app, &c->actor, pos[1], DATE_NONE, &from, &c->e) ||
	    app_position_ref(&c->app, &c->actor, pos[2], on, &to, &c->e) ||
	    app_post_transfer(&c->app, &c->actor, mid, from.id, to.id, &d, rotate,
			      OPT_SET(c, "acting"), on, &h, &c->e))
		return cli_fail(c);
	return holding_done(c, &h, rotate ? N_("rotated") : N_("transferred"));
}

int cmd_post_transfer(struct cli *c, int npos, char **pos)
{
	(void)npos;
	return move(c, pos, 0);
}

int cmd_rotate(struct cli *c, int npos, char **pos)
{
	(void)npos;
	return move(c, pos, 1);
}

static int rot_row(void *ctx, const struct holding *h)
{
	struct out *o = ctx;
	char f[DATE_STR], mid[24];

	if (o->arr)
		return push_out(o->arr, app_holding_json(h));
	snprintf(mid, sizeof mid, "%lld", (long long)h->member_id);
	table_row(o->t, date_format(h->valid_from, f), mid, h->member_name, h->org_code,
		  h->pos_kind,
		  h->to_border && h->to_difficult ? err_tr("border, difficult")
		  : h->to_border		  ? err_tr("border")
		  : h->to_difficult		  ? err_tr("difficult")
						  : "",
		  h->decision);
	return 0;
}

int cmd_rotations(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct out o = {c, NULL, NULL};
	long n = 0, dif = 0, bor = 0, fl = 0;
	int year;
	enum err_code rc;

	(void)npos;
	(void)pos;
	if (cli_year(c, "year", OPT(c, "year"), 1, &year))
		return cli_fail(c);
	{
		struct cadres_list_query q = {CL_ROTATIONS, OPT(c, "org"), 0, DATE_NONE, year};
		int xrc;

		if (exported(c, &q, &xrc))
			return xrc;
	}
	table_init(&t, 7);
	table_row(&t, err_tr("FROM"), err_tr("MEMBER"), err_tr("NAME"), err_tr("ORG"),
		  err_tr("POSITION"), err_tr("AREA"), err_tr("DECISION"));
	o.t = &t;
	o.arr = c->json ? json_array() : NULL;
	rc = app_rotations(&c->app, &c->actor, OPT(c, "org"), year, rot_row, &o, &n, &dif, &bor,
			   &fl, &c->e);
	if (!rc && c->json) {
		cli_json_out(json_pack("{s:i,s:I,s:I,s:I,s:I,s:o}", "year", year, "rotations",
				       (json_int_t)n, "to_difficult_or_border", (json_int_t)fl,
				       "to_difficult", (json_int_t)dif, "to_border",
				       (json_int_t)bor, "items", o.arr));
		table_cleanup(&t);
		return cli_json_broken ? 70 : 0;
	}
	if (!rc)
		printf(err_tr("%ld rotations in %d, %ld of them to difficult or border areas\n"), n,
		       year, fl);
	return cli_list_end(c, &t, o.arr, rc, NULL);
}

/* ---- committees ---------------------------------------------------------------------------- */

static int cm_push(void *ctx, const struct committee_member *m)
{
	cli_json_push(ctx, app_cmember_json(m));
	return 0;
}

/* Print committee id with its members on on (history: every seat of the term). */
static int committee_print(struct cli *c, int64_t id, date_t on, int history)
{
	struct committee cm;
	json_t *j, *mem = json_array();
	size_t i;
	char s1[DATE_STR], s2[DATE_STR];

	on = on == DATE_NONE ? c->app.today : on;
	if (app_committee_get(&c->app, &c->actor, id, &cm, &c->e) ||
	    app_committee_seated(&c->app, &c->actor, id, on, &cm.members, &cm.standing, &c->e) ||
	    app_cmembers(&c->app, &c->actor, id, history ? DATE_NONE : on, cm_push, mem, &c->e)) {
		json_decref(mem);
		return cli_fail(c);
	}
	if (c->json) {
		j = app_committee_json(&cm);
		json_object_set_new(j, "as_of", json_date(on));
		json_object_set_new(j, "seated", json_integer(cm.members));
		json_object_set_new(j, "standing", json_integer(cm.standing));
		json_object_set_new(j, "vacant", json_integer(cm.seats > cm.members
								  ? cm.seats - cm.members
								  : 0));
		json_object_set_new(j, "members", mem);
		cli_json_out(j);
		return cli_json_broken ? 70 : 0;
	}
	printf(err_tr("committee %lld of %s, term %s to %s: %ld of %ld seats, standing %ld of "
		      "%ld\n"),
	       (long long)cm.id, cm.org_code, date_format(cm.term_start, s1),
	       date_format(cm.term_end, s2), cm.members, cm.seats, cm.standing, cm.standing_seats);
	for (i = 0; i < json_array_size(mem); i++) {
		json_t *m = json_array_get(mem, i);
		const char *to = json_string_value(json_object_get(m, "to"));

		printf("  %-16s %s (%lld)  %s%s%s\n", json_string_value(json_object_get(m, "role")),
		       json_string_value(json_object_get(m, "member_name")),
		       (long long)json_integer_value(json_object_get(m, "member_id")),
		       json_string_value(json_object_get(m, "from")), to ? ".." : "", to ? to : "");
	}
	json_decref(mem);
	return 0;
}

int cmd_committee_add(struct cli *c, int npos, char **pos)
{
	struct cadre_decision d = {NULL, DATE_NONE, NULL};
	struct committee cm;
	date_t start;
	long seats = 0, standing = 0;

	(void)npos;
	(void)pos;
	if (cli_date(c, "term-start", OPT(c, "term-start"), &start) ||
	    (OPT(c, "seats") && cli_count(c, "seats", OPT(c, "seats"), &seats)) ||
	    (OPT(c, "standing-seats") &&
	     cli_count(c, "standing-seats", OPT(c, "standing-seats"), &standing)))
		return cli_fail(c);
	d.number = OPT(c, "decision");
	d.body_code = OPT(c, "body");
	if (app_committee_add(&c->app, &c->actor, OPT(c, "org"), start, seats, standing, &d, &cm,
			      &c->e))
		return cli_fail(c);
	if (c->json)
		return committee_print(c, cm.id, cm.term_start, 0);
	printf(err_tr("committee %lld of %s: term %s to %s\n"), (long long)cm.id, cm.org_code,
	       date_format(cm.term_start, (char[DATE_STR]){0}),
	       date_format(cm.term_end, (char[DATE_STR]){0}));
	return 0;
}

static int cm_row(void *ctx, const struct committee *cm)
{
	struct out *o = ctx;
	char id[24], s1[DATE_STR], s2[DATE_STR], seats[48];

	if (o->arr)
		return push_out(o->arr, app_committee_json(cm));
	snprintf(id, sizeof id, "%lld", (long long)cm->id);
	snprintf(seats, sizeof seats, "%ld/%ld", cm->seats, cm->standing_seats);
	table_row(o->t, id, date_format(cm->term_start, s1), date_format(cm->term_end, s2), seats,
		  cm->decision, cm->body_code);
	return 0;
}

int cmd_committee_list(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct out o = {c, NULL, NULL};
	enum err_code rc;

	(void)npos;
	(void)pos;
	{
		struct cadres_list_query q = {CL_COMMITTEES, OPT(c, "org"), 0, DATE_NONE, 0};
		int xrc;

		if (exported(c, &q, &xrc))
			return xrc;
	}
	table_init(&t, 6);
	table_row(&t, err_tr("ID"), err_tr("TERM START"), err_tr("TERM END"),
		  err_tr("SEATS/STANDING"), err_tr("DECISION"), err_tr("BODY"));
	o.t = &t;
	o.arr = c->json ? json_array() : NULL;
	rc = app_committees(&c->app, &c->actor, OPT(c, "org"), cm_row, &o, &c->e);
	return cli_list_end(c, &t, o.arr, rc, N_("no committees"));
}

int cmd_committee_show(struct cli *c, int npos, char **pos)
{
	int64_t id;
	date_t on;

	(void)npos;
	if (cli_id(c, "id", pos[0], &id) || cli_date(c, "as-of", OPT(c, "as-of"), &on))
		return cli_fail(c);
	{
		struct cadres_list_query q = {CL_CMEMBERS, NULL, id,
					      OPT_SET(c, "history") ? DATE_NONE
								    : on == DATE_NONE ? c->app.today
										      : on,
					      0};
		int xrc;

		if (exported(c, &q, &xrc))
			return xrc;
	}
	return committee_print(c, id, on, OPT_SET(c, "history"));
}

int cmd_committee_seat(struct cli *c, int npos, char **pos)
{
	const char *v[CLI_REPEAT_MAX];
	struct committee_seat s[CLI_REPEAT_MAX];
	char roles[CLI_REPEAT_MAX][24];
	size_t n, i;
	int64_t id;
	date_t on;

	(void)npos;
	if (cli_id(c, "id", pos[0], &id) || cli_date(c, "on", OPT(c, "on"), &on))
		return cli_fail(c);
	n = cli_opt_all(c, "seat", v, CLI_REPEAT_MAX);
	for (i = 0; i < n; i++) {
		const char *eq = strchr(v[i], '=');
		char mid[24];

		if (!eq || (size_t)(eq - v[i]) >= sizeof mid || strlen(eq + 1) >= sizeof roles[i]) {
			err_add(&c->e, ERR_USAGE, 0, "seat", v[i], NULL,
				"--seat is MEMBER_ID=ROLE (12=secretary)");
			return cli_fail(c);
		}
		memcpy(mid, v[i], (size_t)(eq - v[i]));
		mid[eq - v[i]] = 0;
		if (cli_id(c, "seat", mid, &s[i].member_id))
			return cli_fail(c);
		snprintf(roles[i], sizeof roles[i], "%s", eq + 1);
		s[i].role = roles[i];
	}
	if (app_committee_fill(&c->app, &c->actor, id, s, n, on,
			       OPT(c, "how") ? OPT(c, "how") : "election", OPT(c, "decision"),
			       &c->e))
		return cli_fail(c);
	return committee_print(c, id, on, 0);
}

int cmd_committee_leave(struct cli *c, int npos, char **pos)
{
	int64_t id, mid;
	date_t on;

	(void)npos;
	if (cli_id(c, "id", pos[0], &id) || cli_id(c, "member", pos[1], &mid) ||
	    cli_date(c, "on", OPT(c, "on"), &on) ||
	    app_committee_leave(&c->app, &c->actor, id, mid, on, OPT(c, "reason"), &c->e))
		return cli_fail(c);
	if (c->json)
		return committee_print(c, id, on, 0);
	printf(err_tr("member %lld left committee %lld\n"), (long long)mid, (long long)id);
	return 0;
}

/* ---- the vacancy report ----------------------------------------------------------------- */

int cmd_vacancy(struct cli *c, int npos, char **pos)
{
	struct vacancy *v;
	struct table t;
	json_t *arr;
	size_t n, i;
	date_t as_of;
	const char *csv = OPT(c, "csv");

	(void)npos;
	(void)pos;
	if (OPT(c, "xlsx")) {
		struct cadres_list_query q = {CL_VACANCIES, OPT(c, "org"), 0, DATE_NONE, 0};
		int xrc;

		if (cli_date(c, "as-of", OPT(c, "as-of"), &q.as_of))
			return cli_fail(c);
		exported(c, &q, &xrc);
		return xrc;
	}
	if (cli_date(c, "as-of", OPT(c, "as-of"), &as_of) ||
	    app_vacancies(&c->app, &c->actor, OPT(c, "org"), as_of, &v, &n, &c->e))
		return cli_fail(c);
	/* the command line shows every row: every row's planning columns */
	if (app_plan_vacancy_fill(&c->app, &c->actor, v, n, as_of, &c->e)) {
		free(v);
		return cli_fail(c);
	}
	as_of = as_of == DATE_NONE ? c->app.today : as_of;
	if (csv) {
		static const char *const head[] = {"priority", "org", "org_name", "what", "kind",
						   "state", "seats", "filled", "acting", "since",
						   "days", "border", "difficult"};
		struct buf b;
		FILE *f = strcmp(csv, "-") ? fopen(csv, "w") : stdout;

		if (!f) {
			free(v);
			err_add(&c->e, ERR_USAGE, 0, "csv", csv, NULL, "cannot write %s", csv);
			return cli_fail(c);
		}
		buf_init(&b, 0);
		csv_write_record(&b, head, 13);
		for (i = 0; i < n; i++) {
			char cells[8][24];
			const char *row[13];

			snprintf(cells[0], 24, "%d", v[i].priority);
			snprintf(cells[1], 24, "%ld", v[i].seats);
			snprintf(cells[2], 24, "%ld", v[i].filled);
			snprintf(cells[3], 24, "%ld", v[i].acting);
			date_format(v[i].since, cells[4]);
			snprintf(cells[5], 24, "%ld", (long)(as_of - v[i].since));
			snprintf(cells[6], 24, "%d", v[i].border);
			snprintf(cells[7], 24, "%d", v[i].difficult);
			row[0] = cells[0];
			row[1] = v[i].org_code;
			row[2] = v[i].org_name;
			row[3] = v[i].what;
			row[4] = v[i].kind;
			row[5] = v[i].state;
			row[6] = cells[1];
			row[7] = cells[2];
			row[8] = cells[3];
			row[9] = cells[4];
			row[10] = cells[5];
			row[11] = cells[6];
			row[12] = cells[7];
			csv_write_record(&b, row, 13);
		}
		fwrite(buf_str(&b), 1, b.len, f);
		buf_cleanup(&b);
		if (f != stdout)
			fclose(f);
		free(v);
		return 0;
	}
	arr = c->json ? json_array() : NULL;
	table_init(&t, 8);
	table_row(&t, err_tr("ORG"), err_tr("WHAT"), err_tr("STATE"), err_tr("FILLED"),
		  err_tr("SINCE"), err_tr("DAYS"), err_tr("AREA"), err_tr("SUCCESSORS/READY"));
	for (i = 0; i < n; i++) {
		char filled[48], since[DATE_STR], days[24], succ[48];

		if (arr) {
			cli_json_push(arr, app_vacancy_json(&v[i], as_of));
			continue;
		}
		snprintf(filled, sizeof filled, "%ld/%ld", v[i].filled, v[i].seats);
		snprintf(days, sizeof days, "%ld", (long)(as_of - v[i].since));
		succ[0] = '\0';
		if (v[i].successors >= 0)
			snprintf(succ, sizeof succ, "%ld/%ld", v[i].successors, v[i].ready);
		table_row(&t, v[i].org_code, v[i].what[0] == 'c' ? err_tr("committee") : v[i].kind,
			  err_tr(v[i].state), filled, date_format(v[i].since, since), days,
			  v[i].border ? err_tr("border")
			  : v[i].difficult ? err_tr("difficult")
			  : v[i].combat	   ? err_tr("combat-ready")
					   : "",
			  succ);
	}
	free(v);
	return cli_list_end(c, &t, arr, ERR_OK, N_("no vacancies"));
}

/* ---- a member's holdings ------------------------------------------------------------------- */

static int mh_row(void *ctx, const struct holding *h)
{
	struct out *o = ctx;
	char f[DATE_STR], t[DATE_STR];

	if (o->arr)
		return push_out(o->arr, app_holding_json(h));
	table_row(o->t, h->org_code, h->pos_kind, h->acting ? err_tr("acting") : "",
		  date_format(h->valid_from, f), h->valid_to == DATE_NONE ? "" : date_format(h->valid_to, t),
		  h->how, h->decision);
	return 0;
}

int cmd_member_holdings(struct cli *c, int npos, char **pos)
{
	struct cadres_list_query q = {CL_MEMBER, NULL, 0, DATE_NONE, 0};
	struct table t;
	struct out o = {c, NULL, NULL};
	int xrc;

	(void)npos;
	if (cli_id(c, "id", pos[0], &q.id))
		return cli_fail(c);
	if (exported(c, &q, &xrc))
		return xrc;
	table_init(&t, 7);
	table_row(&t, err_tr("ORG"), err_tr("POSITION"), err_tr("ACTING"), err_tr("FROM"),
		  err_tr("TO"), err_tr("HOW"), err_tr("DECISION"));
	o.t = &t;
	o.arr = c->json ? json_array() : NULL;
	return cli_list_end(c, &t, o.arr,
			    app_member_holdings(&c->app, &c->actor, q.id, mh_row, &o, &c->e),
			    N_("no positions held"));
}
