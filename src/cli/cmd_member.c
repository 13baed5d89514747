/* cmd_member.c - cadre member add|show|edit|list|search|status|transfer|receive|return|
 * transfers|where. */
#include <string.h>

#include "../app/app_report.h"
#include "cli.h"

/* Command-line option names and the record fields they set, in one table. */
static const struct {
	const char *opt, *field;
} field_opts[] = {
	{"name", "full_name"}, {"sex", "sex"}, {"birth-date", "birth_date"},
	{"ethnicity", "ethnicity"}, {"religion", "religion"}, {"hometown", "hometown"},
	{"citizen-id", "citizen_id"}, {"education", "education"},
	{"theory-level", "theory_level"}, {"rank", "rank"}, {"category", "category"},
	{"post", "post"}, {"history-no", "history_no"}, {"card-no", "card_no"},
	{"phone", "phone"}, {"decision-date", "admission_decision_date"},
	{"ceremony-date", "admission_ceremony_date"}, {"official-date", "official_date"},
	{NULL, NULL},
};

void member_table_init(struct table *t)
{
	table_init(t, 5);
	table_row(t, "ID", "NAME", "BORN", "ORG", "STATUS");
}

static void print_member_line(struct table *t, const struct member *m)
{
	char id[24], bd[DATE_STR], st[64];

	snprintf(id, sizeof id, "%lld", (long long)m->id);
	snprintf(st, sizeof st, "%s%s%s", member_status_name(m->status),
		 m->temp_org_id ? ", hosted at " : "", m->temp_org_id ? m->temp_org_code : "");
	table_row(t, id, m->full_name, date_format(m->birth_date, bd), m->org_code, st);
}

int cmd_member_add(struct cli *c, int npos, char **pos)
{
	struct member m;
	const char *names[40], *values[40];
	size_t n = 0, i;
	const char *v;

	(void)npos;
	(void)pos;
	if (!OPT(c, "org"))
		err_add(&c->e, ERR_USAGE, 0, "org", NULL, NULL, "--org CODE is required");
	if (!OPT(c, "name"))
		err_add(&c->e, ERR_USAGE, 0, "name", NULL, NULL, "--name is required");
	if (c->e.code)
		return cli_fail(c);
	if ((v = OPT(c, "org"))) {
		names[n] = "org_code";
		values[n++] = v;
	}
	if ((v = OPT(c, "status"))) {
		names[n] = "status";
		values[n++] = v;
	}
	for (i = 0; field_opts[i].opt; i++)
		if ((v = OPT(c, field_opts[i].opt))) {
			names[n] = field_opts[i].field;
			values[n++] = v;
		}
	if (app_member_add_fields(&c->app, &c->actor, names, values, n, &m, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_member(&m));
	else
		printf("added member %lld: %s, on the roll of %s\n", (long long)m.id, m.full_name,
		       m.org_code);
	return 0;
}

/* The member's discipline (app_member_discipline: in force, or all with the inspection
 * right), as JSON items or printed lines. */
static int show_disc(void *ctx, const struct discipline_rec *d)
{
	char d1[DATE_STR];

	if (ctx) {
		cli_json_push(ctx, app_discipline_json(d));
		return 0;
	}
	printf("  %s  %-11s decided by %s (%s)", date_format(d->date, d1),
	       discipline_form_name(d->form), d->body,
	       d->inspection ? "inspection committee" : "committee");
	if (d->full)
		printf("  %s  %s  %s", d->state, d->decision_no, d->reason);
	printf("\n");
	return 0;
}

int cmd_member_show(struct cli *c, int npos, char **pos)
{
	struct member m;
	struct member_history h;
	int64_t id;
	size_t i;
	char d1[DATE_STR], d2[DATE_STR];

	(void)npos;
	if (cli_id(c, "id", pos[0], &id) ||
	    app_member_record(&c->app, &c->actor, id, &m, &h, &c->e))
		return cli_fail(c);
	if (c->json) {
		json_t *j = json_member(&m), *disc = json_array();

		json_history_add(j, &h);
		member_history_cleanup(&h);
		if (app_member_discipline(&c->app, &c->actor, id, show_disc, disc, &c->e)) {
			json_decref(disc);
			json_decref(j);
			return cli_fail(c);
		}
		json_object_set_new(j, "discipline", disc);
		cli_json_out(j);
		return 0;
	}
	printf("%lld  %s\n", (long long)m.id, m.full_name);
	printf("%-24s%s / %s / %s\n", "family / middle / given", m.family,
	       m.middle[0] ? m.middle : "-", m.given);
	printf("%-24s%s, born %s\n", "sex, birth", m.sex, date_format(m.birth_date, d1));
	printf("%-24s%s%s%s\n", "ethnicity, religion", m.ethnicity, m.religion[0] ? ", " : "",
	       m.religion);
	printf("%-24s%s\n", "home town", m.hometown);
	for (i = 0; member_text_fields[i]; i++) {
		size_t cap;
		const char *f = member_text_fields[i];
		const char *v = member_text_field(&m, f, &cap);

		if (!strcmp(f, "sex") || !strcmp(f, "ethnicity") || !strcmp(f, "religion") ||
		    !strcmp(f, "hometown") || !v[0])
			continue;
		printf("%-24s%s\n", f, v);
	}
	printf("%-24s%s\n", "admission decision", date_format(m.admission_decision_date, d1));
	printf("%-24s%s\n", "admission ceremony", date_format(m.admission_ceremony_date, d1));
	if (m.official_date != DATE_NONE)
		printf("%-24s%s\n", "official since", date_format(m.official_date, d1));
	printf("%-24s%s since %s\n", "status", member_status_name(m.status),
	       date_format(m.status_since, d1));
	printf("%-24s%s since %s\n", "roll", m.org_code, date_format(m.org_since, d1));
	if (m.temp_org_id)
		printf("%-24s%s until %s (temporary transfer)\n", "hosted at", m.temp_org_code,
		       date_format(m.temp_until, d1));
	printf("\nrolls:\n");
	for (i = 0; i < h.nperiods; i++)
		printf("  %s .. %-10s  %s%s\n", date_format(h.periods[i].from, d1),
		       h.periods[i].to == DATE_NONE ? "now" : date_format(h.periods[i].to, d2),
		       h.periods[i].org_code, h.periods[i].temporary ? " (temporary)" : "");
	printf("statuses:\n");
	for (i = 0; i < h.nstatuses; i++)
		printf("  %s .. %-10s  %s\n", date_format(h.statuses[i].from, d1),
		       h.statuses[i].to == DATE_NONE ? "now" : date_format(h.statuses[i].to, d2),
		       member_status_name(h.statuses[i].status));
	if (h.nevents) {
		printf("events:\n");
		for (i = 0; i < h.nevents; i++)
			printf("  %s  %-18s %s  (%s)\n", date_format(h.events[i].date, d1),
			       h.events[i].kind, h.events[i].detail, h.events[i].actor);
	}
	member_history_cleanup(&h);
	printf("discipline:\n");
	if (app_member_discipline(&c->app, &c->actor, id, show_disc, NULL, &c->e))
		return cli_fail(c);
	return 0;
}

int cmd_member_edit(struct cli *c, int npos, char **pos)
{
	const char *names[32], *values[32];
	size_t n = 0, i;
	int64_t id;
	date_t d;
	struct member m;
	const char *v;

	(void)npos;
	if (cli_id(c, "id", pos[0], &id) || cli_date(c, "date", OPT(c, "date"), &d))
		return cli_fail(c);
	for (i = 0; field_opts[i].opt; i++)
		if ((v = OPT(c, field_opts[i].opt))) {
			names[n] = field_opts[i].field;
			values[n++] = v;
		}
	if (!n) {
		err_add(&c->e, ERR_USAGE, 0, NULL, NULL, NULL,
			"say what to change, e.g. --hometown 'Hà Giang'; see --help");
		return cli_fail(c);
	}
	if (app_member_edit(&c->app, &c->actor, id, names, values, n, d, &c->e) ||
	    app_member_get(&c->app, &c->actor, id, &m, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_member(&m));
	else
		printf("updated member %lld (%zu field%s)\n", (long long)id, n, n == 1 ? "" : "s");
	return 0;
}

int member_out(void *ctx, const struct member *m)
{
	struct member_out *l = ctx;

	if (l->arr)
		cli_json_push(l->arr, json_member(m));
	else
		print_member_line(l->t, m);
	return 0;
}


int cmd_member_list(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct member_out l = {NULL, &t};
	date_t as_of;
	long offset, limit;

	(void)npos;
	(void)pos;
	if (cli_date(c, "as-of", OPT(c, "as-of"), &as_of) ||
	    cli_count(c, "offset", OPT(c, "offset"), &offset) ||
	    cli_count(c, "limit", OPT(c, "limit"), &limit))
		return cli_fail(c);
	member_table_init(&t);
	if (c->json)
		l.arr = json_array();
	return cli_list_end(c, &t, l.arr,
			    app_member_list(&c->app, &c->actor, OPT(c, "org") ? OPT(c, "org") : "",
					    as_of, offset < 0 ? 0 : offset, limit, member_out, &l,
					    &c->e), "no members");
}

int cmd_member_search(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct member_out l = {NULL, &t};
	long limit;

	(void)npos;
	if (cli_count(c, "limit", OPT(c, "limit"), &limit))
		return cli_fail(c);
	member_table_init(&t);
	if (c->json)
		l.arr = json_array();
	return cli_list_end(c, &t, l.arr,
			    app_member_search(&c->app, &c->actor, pos[0], OPT(c, "org"),
					      limit < 0 ? 50 : limit, member_out, &l, &c->e),
			    "no members");
}

int cmd_member_status(struct cli *c, int npos, char **pos)
{
	int64_t id;
	enum member_status st;
	date_t d;
	struct member m;

	(void)npos;
	if (cli_id(c, "id", pos[0], &id) || cli_date(c, "date", OPT(c, "date"), &d))
		return cli_fail(c);
	if (member_status_parse(pos[1], &st)) {
		err_add(&c->e, ERR_USAGE, 0, "status", pos[1], NULL,
			"status must be one of official, exempt, suspended, removed, expelled, "
			"deceased, transferred_out");
		return cli_fail(c);
	}
	if (app_member_status(&c->app, &c->actor, id, st, d, OPT(c, "reason"), &c->e) ||
	    app_member_get(&c->app, &c->actor, id, &m, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_member(&m));
	else {
		char d1[DATE_STR];

		printf("member %lld is %s from %s\n", (long long)id, member_status_name(m.status),
		       date_format(m.status_since, d1));
	}
	return 0;
}

int cmd_member_transfer(struct cli *c, int npos, char **pos)
{
	int64_t id;
	date_t d, until;
	struct transfer t;

	(void)npos;
	if (!OPT(c, "to"))
		err_add(&c->e, ERR_USAGE, 0, "to", NULL, NULL, "--to CODE is required");
	if (cli_id(c, "id", pos[0], &id) || cli_date(c, "date", OPT(c, "date"), &d) ||
	    cli_date(c, "until", OPT(c, "until"), &until) || c->e.code)
		return cli_fail(c);
	if (app_member_transfer(&c->app, &c->actor, id, OPT(c, "to"), OPT_SET(c, "temporary"), d,
				until, OPT(c, "reason"), OPT(c, "letter"), &t, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_transfer(&t));
	else
		printf("transfer %lld sent: member %lld from %s to %s (%s); the receiving "
		       "organisation records arrival with 'cadre member receive %lld'\n",
		       (long long)t.id, (long long)id, t.from_code, t.to_code,
		       t.temporary ? "temporary" : "official", (long long)t.id);
	return 0;
}

int cmd_member_receive(struct cli *c, int npos, char **pos)
{
	int64_t id;
	date_t d;
	struct transfer t;

	(void)npos;
	if (cli_id(c, "transfer id", pos[0], &id) || cli_date(c, "date", OPT(c, "date"), &d) ||
	    app_member_receive(&c->app, &c->actor, id, d, &t, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_transfer(&t));
	else
		printf("transfer %lld received: member %lld is %s %s\n", (long long)t.id,
		       (long long)t.member_id, t.temporary ? "hosted temporarily at" :
		       "on the roll of", t.to_code);
	return 0;
}

int cmd_member_return(struct cli *c, int npos, char **pos)
{
	int64_t id;
	date_t d;

	(void)npos;
	if (cli_id(c, "transfer id", pos[0], &id) || cli_date(c, "date", OPT(c, "date"), &d) ||
	    app_member_return(&c->app, &c->actor, id, d, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_pack("{s:s,s:I}", "done", "returned", "transfer", (json_int_t)id));
	else
		printf("temporary transfer %lld ended\n", (long long)id);
	return 0;
}

int cmd_member_transfer_cancel(struct cli *c, int npos, char **pos)
{
	int64_t id;
	date_t d;
	struct transfer t;

	(void)npos;
	if (cli_id(c, "transfer id", pos[0], &id) || cli_date(c, "date", OPT(c, "date"), &d) ||
	    app_member_transfer_cancel(&c->app, &c->actor, id, d, OPT(c, "reason"), &t, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_transfer(&t));
	else
		printf("transfer %lld cancelled: member %lld stays on the roll of %s (kept in the "
		       "history)\n", (long long)t.id, (long long)t.member_id, t.from_code);
	return 0;
}

struct tr_ctx {
	json_t *arr;
	struct table *t;
	date_t today;
};

static int tr_row(void *ctx, const struct transfer *t)
{
	struct tr_ctx *x = ctx;
	char id[24], mid[24], d1[DATE_STR], d2[DATE_STR];

	if (x->arr) {
		cli_json_push(x->arr, json_transfer(t));
		return 0;
	}
	snprintf(id, sizeof id, "%lld", (long long)t->id);
	snprintf(mid, sizeof mid, "%lld", (long long)t->member_id);
	/* DUE: the deadline (R-TRANSFER-COMPLETE-WORKING-DAYS for an official transfer not yet
	 * received, the planned end of a stay); past it, the state says overdue. */
	table_row(x->t, id, mid, t->temporary ? "temporary" : "official", t->from_code, t->to_code,
		  date_format(t->sent_date, d1),
		  t->state == TS_SENT ? (t->overdue ? "sent, overdue" : "sent") :
		  t->overdue ? "hosted, overdue" : "hosted",
		  date_format(t->due_date, d2));
	return 0;
}

int cmd_member_transfers(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct tr_ctx x = {NULL, &t, c->app.today};

	(void)npos;
	(void)pos;
	table_init(&t, 8);
	table_row(&t, "TRANSFER", "MEMBER", "KIND", "FROM", "TO", "SENT", "STATE", "DUE");
	if (c->json)
		x.arr = json_array();
	return cli_list_end(c, &t, x.arr,
			    app_transfer_list(&c->app, &c->actor, OPT(c, "org"), tr_row, &x, &c->e),
			    "no open transfers");
}

int cmd_member_where(struct cli *c, int npos, char **pos)
{
	int64_t id;
	date_t d;
	struct member_period w;
	int status;
	char d1[DATE_STR];

	(void)npos;
	if (cli_id(c, "id", pos[0], &id) || cli_date(c, "date", OPT(c, "date"), &d))
		return cli_fail(c);
	if (d == DATE_NONE)
		d = c->app.today;
	if (app_member_where(&c->app, &c->actor, id, d, &w, &status, &c->e))
		return cli_fail(c);
	if (c->json) {
		cli_json_out(json_pack("{s:I,s:s,s:o,s:o,s:o}", "id", (json_int_t)id, "date",
				       date_format(d, d1), "org_code",
				       w.org_code[0] ? json_string(w.org_code) : json_null(),
				       "status", status >= 0 ? json_string(member_status_name(
							      (enum member_status)status))
							: json_null(),
				       "hosted_at",
				       w.host_code[0] ? json_string(w.host_code) : json_null()));
		return 0;
	}
	if (status < 0)
		printf("on %s member %lld was not yet a party member\n", date_format(d, d1),
		       (long long)id);
	else if (!w.org_code[0])
		printf("on %s member %lld was %s, on no roll\n", date_format(d, d1), (long long)id,
		       member_status_name((enum member_status)status));
	else if (w.host_code[0])
		printf("on %s member %lld was %s on the roll of %s, hosted at %s on temporary "
		       "transfer\n", date_format(d, d1), (long long)id,
		       member_status_name((enum member_status)status), w.org_code, w.host_code);
	else
		printf("on %s member %lld was %s on the roll of %s\n", date_format(d, d1),
		       (long long)id, member_status_name((enum member_status)status), w.org_code);
	return 0;
}

/* ---- public holidays ------------------------------------------------------------------ */

struct hol_ctx {
	json_t *arr;
	struct table *t;
};

static int hol_row(void *ctx, const struct holiday *h)
{
	struct hol_ctx *x = ctx;
	char d[DATE_STR];
	static const char *const wd[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

	date_format(h->day, d);
	if (x->arr)
		json_array_append_new(x->arr, json_pack("{s:s,s:s,s:s}", "date", d, "name",
							h->name, "added_by", h->added_by));
	else
		table_row(x->t, d, wd[date_weekday(h->day)], h->name);
	return 0;
}

int cmd_holiday_list(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct hol_ctx x = {NULL, &t};
	int year = 0;

	(void)npos;
	(void)pos;
	if (cli_year(c, "year", OPT(c, "year"), 0, &year))
		return cli_fail(c);
	table_init(&t, 3);
	table_row(&t, "DATE", "DAY", "NAME");
	if (c->json)
		x.arr = json_array();
	return cli_list_end(c, &t, x.arr,
			    app_holiday_list(&c->app, &c->actor, year, hol_row, &x, &c->e),
			    "no public holidays recorded");
}

int cmd_holiday_add(struct cli *c, int npos, char **pos)
{
	date_t d;
	char s[DATE_STR];

	(void)npos;
	if (cli_date(c, "date", pos[0], &d) ||
	    app_holiday_add(&c->app, &c->actor, d, OPT(c, "name"), &c->e))
		return cli_fail(c);
	cli_warnings(c);
	if (c->json)
		cli_json_out(json_pack("{s:s,s:s}", "date", date_format(d, s), "name",
				       OPT(c, "name")));
	else
		printf("holiday %s added: %s\n", date_format(d, s), OPT(c, "name"));
	return 0;
}

int cmd_holiday_remove(struct cli *c, int npos, char **pos)
{
	date_t d;
	char s[DATE_STR];

	(void)npos;
	if (cli_date(c, "date", pos[0], &d) ||
	    app_holiday_remove(&c->app, &c->actor, d, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_pack("{s:s,s:s}", "removed", date_format(d, s), "done", "removed"));
	else
		printf("holiday %s removed (kept in the audit log)\n", date_format(d, s));
	return 0;
}
