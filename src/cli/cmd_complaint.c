/* cmd_complaint.c - cadre complaint add|list|show|settle|withdraw: complaints against
 * discipline decisions and denunciations (docs/inspection.md "Complaints and
 * denunciations"); every command needs the inspection right. */
#include <string.h>

#include "../app/app_complaint.h"
#include "cli.h"

struct opt complaint_add_opts[] = {
	{"kind", 1, N_("complaint (the default) or denunciation"), NULL, 0},
	{"discipline", 1, N_("a complaint: the discipline decision's id"), NULL, 0},
	{"member", 1, N_("a denunciation: the member's id"), NULL, 0},
	{"org", 1, N_("a denunciation: the organisation's code"), NULL, 0},
	{"from", 1, N_("who lodged it (default: the one disciplined)"), NULL, 0},
	{"to", 1, N_("the body it is lodged with (default: the body above the one that decided)"),
	 NULL, 0},
	{"date", 1, N_("the day it was lodged (YYYY-MM-DD; default today)"), NULL, 0},
	{"content", 1, N_("what is complained of or denounced"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt complaint_list_opts[] = {
	{"org", 1, N_("the register of this organisation's subtree (default: your scope)"), NULL,
	 0},
	{"state", 1, N_("only open, settled or withdrawn"), NULL, 0},
	{"kind", 1, N_("only complaint or denunciation"), NULL, 0},
	{"overdue", 0, N_("only the open ones past their due date"), NULL, 0},
	{"year", 1, N_("only those lodged in this year"), NULL, 0},
	{"csv", 1, N_("write the list as CSV to FILE ('-': standard output)"), NULL, 0},
	{"xlsx", 1, N_("write the list as an XLSX workbook to FILE"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt complaint_settle_opts[] = {
	{"outcome", 1, N_("kept, reduced, annulled, raised (a complaint); founded, partly_founded, "
			  "unfounded (a denunciation)"), NULL, 0},
	{"form", 1, N_("reduced or raised: the new form"), NULL, 0},
	{"date", 1, N_("the day it was settled (YYYY-MM-DD; default today)"), NULL, 0},
	{"decision-no", 1, N_("the settlement decision's number (12-QĐ/UBKT)"), NULL, 0},
	{"text", 1, N_("the settlement's content"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt complaint_withdraw_opts[] = {
	{"date", 1, N_("the day it was withdrawn (YYYY-MM-DD; default today)"), NULL, 0},
	{"reason", 1, N_("why"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};

static int history_json(void *ctx, const struct discipline_row *d)
{
	cli_json_push(ctx, app_complaint_discipline_json(d));
	return 0;
}

static int history_text(void *ctx, const struct discipline_row *d)
{
	char d1[DATE_STR], d2[DATE_STR];

	(void)ctx;
	printf("  %lld  %-10s %s  %s%s  %s%s%s\n", (long long)d->id,
	       discipline_form_name((enum discipline_form)d->form), date_format(d->date, d1),
	       d->body_code, d->inspection ? " (UBKT)" : "", d->state[0] ? d->state : "in_force",
	       d->ended_on ? " " : "", d->ended_on ? date_format(d->ended_on, d2) : "");
	return 0;
}

static int print_one(struct cli *c, int64_t id, const char *what)
{
	struct complaint_row r;
	char d1[DATE_STR], d2[DATE_STR], d3[DATE_STR];

	if (app_complaint_get(&c->app, &c->actor, id, &r, &c->e))
		return cli_fail(c);
	if (c->json) {
		json_t *j = app_complaint_json(&c->app, &r);

		if (j && r.discipline_id) {
			json_t *h = json_array();

			if (app_complaint_history(&c->app, r.discipline_id, history_json, h, &c->e)) {
				json_decref(h);
				json_decref(j);
				return cli_fail(c);
			}
			json_object_set_new(j, "history", h);
		}
		cli_json_out(j);
		return 0;
	}
	if (what)
		printf("%s %lld\n", what, (long long)r.id);
	printf("kind:       %s\n", complaint_kind_name((enum complaint_kind)r.kind));
	if (r.discipline_id)
		printf("discipline: %lld\n", (long long)r.discipline_id);
	if (r.member_id)
		printf("member:     %lld %s\n", (long long)r.member_id, r.member_name);
	printf("org:        %s %s\nto body:    %s %s\nfrom:       %s\nlodged on:  %s\n"
	       "due on:     %s%s\nstate:      %s\n",
	       r.org_code, r.org_name, r.body_code, r.body_name, r.from_name,
	       date_format(r.lodged_on, d1), date_format(r.due_on, d2),
	       r.state == CS_OPEN && r.due_on < c->app.today ? " (overdue)" : "",
	       complaint_state_name((enum complaint_state)r.state));
	if (r.state != CS_OPEN)
		printf("outcome:    %s\nsettled on: %s\nnumber:     %s\nsettlement: %s\n",
		       r.outcome >= 0 ? complaint_outcome_name((enum complaint_outcome)r.outcome)
				      : "",
		       date_format(r.settled_on, d3), r.settlement_no, r.settlement);
	if (r.new_discipline_id)
		printf("new decision: %lld\n", (long long)r.new_discipline_id);
	printf("content:    %s\n", r.content);
	if (r.discipline_id) {
		printf("history of the decision:\n");
		if (app_complaint_history(&c->app, r.discipline_id, history_text, NULL, &c->e))
			return cli_fail(c);
	}
	return 0;
}

int cmd_complaint_add(struct cli *c, int npos, char **pos)
{
	struct complaint_in in;
	int64_t id = 0;
	const char *k = OPT(c, "kind");

	(void)npos;
	(void)pos;
	memset(&in, 0, sizeof in);
	in.kind = k ? complaint_kind_parse(k) : CK_COMPLAINT;
	if (in.kind < 0) {
		err_add(&c->e, ERR_USAGE, 0, "kind", k, NULL,
			"the kind is complaint or denunciation");
		return cli_fail(c);
	}
	if ((OPT(c, "discipline") && cli_id(c, "discipline", OPT(c, "discipline"),
					    &in.discipline_id)) ||
	    (OPT(c, "member") && cli_id(c, "member", OPT(c, "member"), &in.member_id)) ||
	    cli_date(c, "date", OPT(c, "date"), &in.lodged_on))
		return cli_fail(c);
	if (in.kind == CK_COMPLAINT && (in.member_id || OPT(c, "org"))) {
		err_add(&c->e, ERR_USAGE, 0, "kind", NULL, NULL,
			"--member and --org name whom a denunciation is about: add --kind "
			"denunciation (a complaint names its decision: --discipline ID)");
		return cli_fail(c);
	}
	in.org_code = OPT(c, "org");
	in.from_name = OPT(c, "from");
	in.to_body = OPT(c, "to");
	in.content = OPT(c, "content");
	if (app_complaint_add(&c->app, &c->actor, &in, &id, &c->e))
		return cli_fail(c);
	return print_one(c, id, in.kind == CK_COMPLAINT ? "complaint lodged:"
							 : "denunciation lodged:");
}

int cmd_complaint_show(struct cli *c, int npos, char **pos)
{
	int64_t id;

	(void)npos;
	if (cli_id(c, "id", pos[0], &id))
		return cli_fail(c);
	return print_one(c, id, "complaint");
}

int cmd_complaint_settle(struct cli *c, int npos, char **pos)
{
	struct complaint_settle_in in;
	const char *o = OPT(c, "outcome"), *f = OPT(c, "form");

	(void)npos;
	memset(&in, 0, sizeof in);
	if (cli_id(c, "id", pos[0], &in.id) || cli_date(c, "date", OPT(c, "date"), &in.on))
		return cli_fail(c);
	if (!o || (in.outcome = complaint_outcome_parse(o)) < 0) {
		err_add(&c->e, ERR_USAGE, 0, "outcome", o, NULL,
			"give the outcome: --outcome kept, reduced, annulled or raised (a "
			"complaint), founded, partly_founded or unfounded (a denunciation)");
		return cli_fail(c);
	}
	in.form = -1;
	if (f && (in.form = discipline_form_parse(f)) < 0) {
		err_add(&c->e, ERR_USAGE, 0, "form", f, NULL,
			"the form is reprimand, warning, removal, expulsion or dissolution");
		return cli_fail(c);
	}
	in.decision_no = OPT(c, "decision-no");
	in.text = OPT(c, "text");
	if (app_complaint_settle(&c->app, &c->actor, &in, NULL, &c->e))
		return cli_fail(c);
	return print_one(c, in.id, "complaint settled:");
}

int cmd_complaint_withdraw(struct cli *c, int npos, char **pos)
{
	int64_t id;
	date_t on;

	(void)npos;
	if (cli_id(c, "id", pos[0], &id) || cli_date(c, "date", OPT(c, "date"), &on) ||
	    app_complaint_withdraw(&c->app, &c->actor, id, on, OPT(c, "reason"), &c->e))
		return cli_fail(c);
	return print_one(c, id, "complaint withdrawn:");
}

struct list_out {
	struct app *a;
	json_t *arr;
	struct table *t;
};

static int list_row(void *ctx, const struct complaint_row *r)
{
	struct list_out *o = ctx;
	char id[24], did[24], d1[DATE_STR], d2[DATE_STR], d3[DATE_STR];

	if (o->arr) {
		cli_json_push(o->arr, app_complaint_json(o->a, r));
		return 0;
	}
	snprintf(id, sizeof id, "%lld", (long long)r->id);
	snprintf(did, sizeof did, "%lld", (long long)r->discipline_id);
	table_row(o->t, id, complaint_kind_name((enum complaint_kind)r->kind),
		  r->discipline_id ? did : "", r->org_code, r->member_name, r->body_code,
		  date_format(r->lodged_on, d1), date_format(r->due_on, d2),
		  r->state == CS_OPEN && r->due_on < o->a->today
			  ? "open (overdue)"
			  : complaint_state_name((enum complaint_state)r->state),
		  r->outcome >= 0 ? complaint_outcome_name((enum complaint_outcome)r->outcome) : "",
		  r->settled_on ? date_format(r->settled_on, d3) : "");
	return 0;
}

int cmd_complaint_list(struct cli *c, int npos, char **pos)
{
	struct complaint_filter f;
	struct table t;
	struct list_out o = {&c->app, NULL, &t};
	const char *k = OPT(c, "kind"), *s = OPT(c, "state");
	int year = 0;

	(void)npos;
	(void)pos;
	memset(&f, 0, sizeof f);
	f.kind = f.state = -1;
	if (cli_year(c, "year", OPT(c, "year"), 0, &year))
		return cli_fail(c);
	if (k && (f.kind = complaint_kind_parse(k)) < 0) {
		err_add(&c->e, ERR_USAGE, 0, "kind", k, NULL, "the kind is complaint or denunciation");
		return cli_fail(c);
	}
	if (s && (f.state = complaint_state_parse(s)) < 0) {
		err_add(&c->e, ERR_USAGE, 0, "state", s, NULL,
			"the state is open, settled or withdrawn");
		return cli_fail(c);
	}
	if (year) {
		f.from = date_from_ymd(year, 1, 1);
		f.to = date_from_ymd(year, 12, 31);
	}
	if (OPT_SET(c, "overdue"))
		f.overdue_on = c->app.today;
	if (OPT(c, "csv") || OPT(c, "xlsx")) {
		int x = OPT(c, "xlsx") != NULL;

		if (app_complaint_export_file(&c->app, &c->actor, OPT(c, "org"), &f,
					      x ? TABLE_XLSX : TABLE_CSV,
					      x ? OPT(c, "xlsx") : OPT(c, "csv"), &c->e))
			return cli_fail(c);
		return 0;
	}
	table_init(&t, 11);
	table_row(&t, "ID", "KIND", "DISCIPLINE", "ORG", "MEMBER", "TO", "LODGED", "DUE", "STATE",
		  "OUTCOME", "SETTLED");
	if (c->json)
		o.arr = json_array();
	return cli_list_end(c, &t, o.arr,
			    app_complaint_list(&c->app, &c->actor, OPT(c, "org"), &f, list_row, &o,
					       &c->e),
			    "no complaints");
}
