/* cmd_insp.c - cadre inspection programme|item|case ...: inspection and supervision
 * (docs/inspection.md "Programmes", "Cases"); every command needs the inspection right. */
#include <string.h>

#include "../app/app_insp.h"
#include "cli.h"

struct opt insp_programme_add_opts[] = {
	{"org", 1, N_("the organisation whose committee carries the programme"), NULL, 0},
	{"body", 1, N_("committee (the party committee) or inspection (its inspection committee)"),
	 NULL, 0},
	{"year", 1, N_("the programme's year"), NULL, 0},
	{"kind", 1, N_("inspection or supervision"), NULL, 0},
	{"title", 1, N_("the programme's title"), NULL, 0},
	{"approved-on", 1, N_("the day it was approved (YYYY-MM-DD)"), NULL, 0},
	{"doc-no", 1, N_("the number of the document approving it (05-CTr/UBKT)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt insp_programme_list_opts[] = {
	{"org", 1, N_("the programmes of this organisation's subtree"), NULL, 0},
	{"year", 1, N_("only this year"), NULL, 0},
	{"kind", 1, N_("only inspection or supervision"), NULL, 0},
	{"body", 1, N_("only committee or inspection"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt insp_item_add_opts[] = {
	{"programme", 1, N_("the programme's id"), NULL, 0},
	{"org", 1, N_("the target organisation"), NULL, 0},
	{"member", 1, N_("the target member (by id)"), NULL, 0},
	{"kind", 1, N_("plan, signs, discipline_exec, finance (inspection) or regular, thematic "
		       "(supervision)"),
	 NULL, 0},
	{"from", 1, N_("the planned start (YYYY-MM-DD)"), NULL, 0},
	{"to", 1, N_("the planned end (YYYY-MM-DD)"), NULL, 0},
	{"content", 1, N_("what is inspected or supervised"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt insp_case_open_opts[] = {
	{"item", 1, N_("the programme item it carries out (target, kind and body from it)"), NULL,
	 0},
	{"org", 1, N_("outside the programme: the target organisation"), NULL, 0},
	{"member", 1, N_("outside the programme: the target member (by id)"), NULL, 0},
	{"body-org", 1, N_("outside the programme: the organisation whose body decided"), NULL, 0},
	{"body", 1, N_("outside the programme: committee or inspection"), NULL, 0},
	{"kind", 1, N_("outside the programme: the kind (signs on signs of violation)"), NULL, 0},
	{"decision-no", 1, N_("the number of the decision opening it (12-QĐ/UBKT)"), NULL, 0},
	{"decision-on", 1, N_("the decision's date (YYYY-MM-DD)"), NULL, 0},
	{"team", 1, N_("the team (names)"), NULL, 0},
	{"from", 1, N_("the start of the period (YYYY-MM-DD)"), NULL, 0},
	{"to", 1, N_("the end of the period (YYYY-MM-DD)"), NULL, 0},
	{"content", 1, N_("the content"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt insp_case_conclude_opts[] = {
	{"on", 1, N_("the conclusion's date (YYYY-MM-DD)"), NULL, 0},
	{"conclusion", 1, N_("no_violation, violation or violation_discipline"), NULL, 0},
	{"proposal", 1, N_("with violation_discipline: the proposed form (reprimand, warning, "
			   "removal, expulsion, dissolution)"),
	 NULL, 0},
	{"findings", 1, N_("what was found"), NULL, 0},
	{"doc-no", 1, N_("the conclusion's number (07-KL/UBKT)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt insp_case_notify_opts[] = {
	{"on", 1, N_("the day the target was notified (YYYY-MM-DD)"), NULL, 0},
	{"doc-no", 1, N_("the notice's number (05-TB/UBKT)"), NULL, 0},
	{"note", 1, N_("a note"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt insp_case_followup_opts[] = {
	{"on", 1, N_("the day (YYYY-MM-DD)"), NULL, 0},
	{"text", 1, N_("how the conclusions were carried out"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt insp_case_close_opts[] = {
	{"on", 1, N_("the day (YYYY-MM-DD)"), NULL, 0},
	{"note", 1, N_("a note"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt insp_case_list_opts[] = {
	{"org", 1, N_("the cases on this organisation's subtree"), NULL, 0},
	{"year", 1, N_("only cases opened in this year"), NULL, 0},
	{"kind", 1, N_("only this kind (plan, signs, regular, thematic, discipline_exec, finance)"),
	 NULL, 0},
	{"state", 1, N_("only this state (open, concluded, notified, closed)"), NULL, 0},
	{"late", 0, N_("only open cases past their period"), NULL, 0},
	{"programme", 1, N_("only the cases of this programme"), NULL, 0},
	{"csv", 1, N_("write the list as CSV to FILE ('-': standard output)"), NULL, 0},
	{"xlsx", 1, N_("write the list as an XLSX workbook to FILE"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};

static void print_programme(struct cli *c, const struct insp_programme *p, const char *what)
{
	char d[DATE_STR];

	if (what)
		printf("%s %lld\n", what, (long long)p->id);
	printf("organisation: %s %s\nbody:         %s\nyear:         %d\nkind:         %s\n"
	       "title:        %s\napproved:     %s %s\nitems:        %ld\ncases:        %ld\n",
	       p->org_code, p->org_name, insp_body_name(p->body), p->year,
	       insp_pkind_name(p->kind), p->title, date_format(p->approved_on, d), p->doc_no,
	       p->items, p->cases);
	(void)c;
}

int cmd_insp_programme_add(struct cli *c, int npos, char **pos)
{
	struct insp_programme_in in;
	struct insp_programme p;

	(void)npos;
	(void)pos;
	in.org = OPT(c, "org");
	in.body = OPT(c, "body");
	in.year = OPT(c, "year");
	in.kind = OPT(c, "kind");
	in.title = OPT(c, "title");
	in.approved_on = OPT(c, "approved-on");
	in.doc_no = OPT(c, "doc-no");
	if (app_insp_programme_add(&c->app, &c->actor, &in, &p, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(app_insp_programme_json(&p));
	else
		print_programme(c, &p, "programme recorded:");
	return 0;
}

struct out {
	struct cli *c;
	json_t *arr;
	struct table *t;
};

static int item_row(void *ctx, const struct insp_item *it)
{
	struct out *o = ctx;
	char id[24], f[DATE_STR], t[DATE_STR], n[24];

	if (o->arr) {
		cli_json_push(o->arr, app_insp_item_json(it));
		return 0;
	}
	snprintf(id, sizeof id, "%lld", (long long)it->id);
	snprintf(n, sizeof n, "%ld", it->cases);
	table_row(o->t, id, insp_kind_name(it->kind), it->org_code,
		  it->member_id ? it->member_name : "", date_format(it->planned_from, f),
		  date_format(it->planned_to, t), n, it->content);
	return 0;
}

int cmd_insp_programme_show(struct cli *c, int npos, char **pos)
{
	struct insp_programme p;
	struct table t;
	struct out o = {c, NULL, &t};
	json_t *j = NULL;
	int64_t id;

	(void)npos;
	if (cli_id(c, "id", pos[0], &id) ||
	    app_insp_programme_get(&c->app, &c->actor, id, &p, &c->e))
		return cli_fail(c);
	table_init(&t, 8);
	table_row(&t, "ITEM", "KIND", "ORG", "MEMBER", "FROM", "TO", "CASES", "CONTENT");
	if (c->json)
		o.arr = json_array();
	if (app_insp_programme_items(&c->app, &c->actor, id, item_row, &o, &c->e)) {
		json_decref(o.arr);
		table_cleanup(&t);
		return cli_fail(c);
	}
	if (c->json) {
		j = app_insp_programme_json(&p);
		if (j)
			json_object_set_new(j, "items_list", o.arr);
		else
			json_decref(o.arr);
		cli_json_out(j);
	} else {
		print_programme(c, &p, "programme");
		putchar('\n');
		table_print(&t, stdout);
	}
	table_cleanup(&t);
	return 0;
}

static int programme_row(void *ctx, const struct insp_programme *p)
{
	struct out *o = ctx;
	char id[24], y[16], n[24], k[24];

	if (o->arr) {
		cli_json_push(o->arr, app_insp_programme_json(p));
		return 0;
	}
	snprintf(id, sizeof id, "%lld", (long long)p->id);
	snprintf(y, sizeof y, "%d", p->year);
	snprintf(n, sizeof n, "%ld", p->items);
	snprintf(k, sizeof k, "%ld", p->cases);
	table_row(o->t, id, y, p->org_code, insp_body_name(p->body), insp_pkind_name(p->kind), n,
		  k, p->title);
	return 0;
}

int cmd_insp_programme_list(struct cli *c, int npos, char **pos)
{
	struct insp_programme_query q;
	struct table t;
	struct out o = {c, NULL, &t};

	(void)npos;
	(void)pos;
	memset(&q, 0, sizeof q);
	if (cli_year(c, "year", OPT(c, "year"), 0, &q.year))
		return cli_fail(c);
	q.org = OPT(c, "org");
	q.kind = OPT(c, "kind");
	q.body = OPT(c, "body");
	table_init(&t, 8);
	table_row(&t, "ID", "YEAR", "ORG", "BODY", "KIND", "ITEMS", "CASES", "TITLE");
	if (c->json)
		o.arr = json_array();
	return cli_list_end(c, &t, o.arr,
			    app_insp_programme_list(&c->app, &c->actor, &q, programme_row, &o,
						    &c->e),
			    "no programmes");
}

int cmd_insp_item_add(struct cli *c, int npos, char **pos)
{
	struct insp_item_in in;
	struct insp_item it;
	int64_t pid = 0;
	char f[DATE_STR], t[DATE_STR];

	(void)npos;
	(void)pos;
	if (!OPT(c, "programme")) {
		err_add(&c->e, ERR_USAGE, 0, "programme", NULL, NULL,
			"give the programme: --programme ID");
		return cli_fail(c);
	}
	if (cli_id(c, "programme", OPT(c, "programme"), &pid))
		return cli_fail(c);
	in.org = OPT(c, "org");
	in.member_id = OPT(c, "member");
	in.kind = OPT(c, "kind");
	in.from = OPT(c, "from");
	in.to = OPT(c, "to");
	in.content = OPT(c, "content");
	if (app_insp_item_add(&c->app, &c->actor, pid, &in, &it, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(app_insp_item_json(&it));
	else
		printf("item recorded: %lld (%s, %s%s%s, %s to %s)\n", (long long)it.id,
		       insp_kind_name(it.kind), it.org_code, it.member_id ? " " : "",
		       it.member_name, date_format(it.planned_from, f),
		       date_format(it.planned_to, t));
	return 0;
}

int cmd_insp_item_remove(struct cli *c, int npos, char **pos)
{
	int64_t id;

	(void)npos;
	if (cli_id(c, "id", pos[0], &id) || app_insp_item_remove(&c->app, &c->actor, id, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_pack("{s:s,s:I}", "done", "removed", "id", (json_int_t)id));
	else
		printf("item %lld removed (kept, marked deleted)\n", (long long)id);
	return 0;
}

static void print_case(struct cli *c, const struct insp_case *k, const char *what)
{
	char d1[DATE_STR], d2[DATE_STR], d3[DATE_STR];

	if (what)
		printf("%s %lld\n", what, (long long)k->id);
	printf("target:     %s %s%s%s\nbody:       %s (%s)\nkind:       %s\n"
	       "decision:   %s of %s\nperiod:     %s to %s\nteam:       %s\ncontent:    %s\n"
	       "state:      %s%s\n",
	       k->org_code, k->org_name, k->member_id ? " / " : "", k->member_name, k->body_code,
	       insp_body_name(k->body), insp_kind_name(k->kind), k->decision_no,
	       date_format(k->decision_on, d1), date_format(k->period_from, d2),
	       date_format(k->period_to, d3), k->team, k->content, insp_state_name(k->state),
	       app_insp_case_late(&c->app, k) ? " (late)" : "");
	if (k->conclusion != ICN_NONE)
		printf("conclusion: %s%s%s, %s %s\nfindings:   %s\n",
		       insp_conclusion_name(k->conclusion), k->proposal[0] ? " proposing " : "",
		       k->proposal, date_format(k->concluded_on, d1), k->conclusion_no,
		       k->findings);
	if (k->notified_on != DATE_NONE)
		printf("notified:   %s %s\n", date_format(k->notified_on, d1), k->notice_no);
	if (k->followup_on != DATE_NONE)
		printf("follow-up:  %s %s\n", date_format(k->followup_on, d1), k->followup);
}

int cmd_insp_case_open(struct cli *c, int npos, char **pos)
{
	struct insp_open_in in;
	struct insp_case k;

	(void)npos;
	(void)pos;
	in.item_id = OPT(c, "item");
	in.org = OPT(c, "org");
	in.member_id = OPT(c, "member");
	in.body_org = OPT(c, "body-org");
	in.body = OPT(c, "body");
	in.kind = OPT(c, "kind");
	in.decision_no = OPT(c, "decision-no");
	in.decision_on = OPT(c, "decision-on");
	in.team = OPT(c, "team");
	in.from = OPT(c, "from");
	in.to = OPT(c, "to");
	in.content = OPT(c, "content");
	if (app_insp_case_open(&c->app, &c->actor, &in, &k, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(app_insp_case_json(&c->app, &k));
	else
		print_case(c, &k, "case opened:");
	return 0;
}

static int step(struct cli *c, char **pos, enum insp_action act, const char *done)
{
	struct insp_step_in in;
	struct insp_case k;
	int64_t id;

	memset(&in, 0, sizeof in);
	in.on = OPT(c, "on");
	if (act == IA_CONCLUDE) {
		in.conclusion = OPT(c, "conclusion");
		in.proposal = OPT(c, "proposal");
		in.findings = OPT(c, "findings");
	}
	if (act == IA_CONCLUDE || act == IA_NOTIFY)
		in.doc_no = OPT(c, "doc-no");
	in.text = act == IA_FOLLOWUP ? OPT(c, "text") : act == IA_CONCLUDE ? NULL : OPT(c, "note");
	if (cli_id(c, "id", pos[0], &id) ||
	    app_insp_case_step(&c->app, &c->actor, id, act, &in, &k, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(app_insp_case_json(&c->app, &k));
	else
		print_case(c, &k, done);
	return 0;
}

int cmd_insp_case_conclude(struct cli *c, int npos, char **pos)
{
	(void)npos;
	return step(c, pos, IA_CONCLUDE, "case concluded:");
}

int cmd_insp_case_notify(struct cli *c, int npos, char **pos)
{
	(void)npos;
	return step(c, pos, IA_NOTIFY, "case notified:");
}

int cmd_insp_case_followup(struct cli *c, int npos, char **pos)
{
	(void)npos;
	return step(c, pos, IA_FOLLOWUP, "follow-up recorded:");
}

int cmd_insp_case_close(struct cli *c, int npos, char **pos)
{
	(void)npos;
	return step(c, pos, IA_CLOSE, "case closed:");
}

static int event_row(void *ctx, const struct insp_event *ev)
{
	struct out *o = ctx;
	char d[DATE_STR];

	if (o->arr) {
		cli_json_push(o->arr, app_insp_event_json(ev));
		return 0;
	}
	table_row(o->t, date_format(ev->on_date, d), ev->state, ev->doc_no, ev->recorded_by,
		  ev->note);
	return 0;
}

int cmd_insp_case_show(struct cli *c, int npos, char **pos)
{
	struct insp_case k;
	struct table t;
	struct out o = {c, NULL, &t};
	int64_t id;

	(void)npos;
	if (cli_id(c, "id", pos[0], &id) || app_insp_case_get(&c->app, &c->actor, id, &k, &c->e))
		return cli_fail(c);
	table_init(&t, 5);
	table_row(&t, "DATE", "STEP", "DOCUMENT", "BY", "NOTE");
	if (c->json)
		o.arr = json_array();
	if (app_insp_case_history(&c->app, &c->actor, id, event_row, &o, &c->e)) {
		json_decref(o.arr);
		table_cleanup(&t);
		return cli_fail(c);
	}
	if (c->json) {
		json_t *j = app_insp_case_json(&c->app, &k);

		if (j)
			json_object_set_new(j, "history", o.arr);
		else
			json_decref(o.arr);
		cli_json_out(j);
	} else {
		print_case(c, &k, "case");
		putchar('\n');
		table_print(&t, stdout);
	}
	table_cleanup(&t);
	return 0;
}

static int case_row(void *ctx, const struct insp_case *k)
{
	struct out *o = ctx;
	char id[24], d[DATE_STR], t[DATE_STR];

	if (o->arr) {
		cli_json_push(o->arr, app_insp_case_json(&o->c->app, k));
		return 0;
	}
	snprintf(id, sizeof id, "%lld", (long long)k->id);
	table_row(o->t, id, date_format(k->decision_on, d), k->decision_no, k->body_code,
		  insp_kind_name(k->kind), k->org_code, k->member_name, date_format(k->period_to, t),
		  insp_state_name(k->state), insp_conclusion_name(k->conclusion));
	return 0;
}

int cmd_insp_case_list(struct cli *c, int npos, char **pos)
{
	struct insp_case_query q;
	struct table t;
	struct out o = {c, NULL, &t};

	(void)npos;
	(void)pos;
	memset(&q, 0, sizeof q);
	if (cli_year(c, "year", OPT(c, "year"), 0, &q.year))
		return cli_fail(c);
	if (OPT(c, "programme") && cli_id(c, "programme", OPT(c, "programme"), &q.programme_id))
		return cli_fail(c);
	q.org = OPT(c, "org");
	q.kind = OPT(c, "kind");
	q.state = OPT(c, "state");
	q.late = OPT_SET(c, "late");
	if (OPT(c, "csv") || OPT(c, "xlsx")) {
		int x = OPT(c, "xlsx") != NULL;

		if (app_insp_case_export_file(&c->app, &c->actor, &q, x ? TABLE_XLSX : TABLE_CSV,
					      x ? OPT(c, "xlsx") : OPT(c, "csv"), &c->e))
			return cli_fail(c);
		return 0;
	}
	table_init(&t, 10);
	table_row(&t, "ID", "DECIDED", "DECISION", "BODY", "KIND", "ORG", "MEMBER", "UNTIL",
		  "STATE", "CONCLUSION");
	if (c->json)
		o.arr = json_array();
	return cli_list_end(c, &t, o.arr,
			    app_insp_case_list(&c->app, &c->actor, &q, case_row, &o, &c->e),
			    "no cases");
}
