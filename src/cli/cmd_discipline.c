/* cmd_discipline.c - cadre discipline add|list|show|notify (docs/inspection.md "Discipline"):
 * a decision recorded with every check and its effects, the register (the inspection right),
 * one record, the notice given to the target. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../app/app_report.h"
#include "../app/table_out.h"
#include "cli.h"

/* Text of an option into a fixed buffer; refused when it does not fit (never cut). */
static int opt_text(struct cli *c, const char *name, char *out, size_t cap)
{
	const char *v = OPT(c, name);

	out[0] = 0;
	if (!v)
		return 0;
	if (strlen(v) >= cap) {
		err_add(&c->e, ERR_INPUT, 0, name, NULL, NULL,
			"--%s is %zu bytes of UTF-8; the limit is %zu bytes: shorten it", name,
			strlen(v), cap - 1);
		return -1;
	}
	memcpy(out, v, strlen(v) + 1);
	return 0;
}

int cmd_discipline_add(struct cli *c, int npos, char **pos)
{
	struct discipline_in d;
	struct discipline_rec rec;
	const char *form = OPT(c, "form");
	int64_t id = 0;
	int k;
	char ds[DATE_STR];

	(void)npos;
	(void)pos;
	memset(&d, 0, sizeof d);
	if ((OPT(c, "member") != NULL) == (OPT(c, "org") != NULL))
		err_add(&c->e, ERR_USAGE, 0, "member", NULL, NULL,
			"give --member ID or --org CODE (one of them)");
	else if (OPT(c, "member"))
		cli_id(c, "member", OPT(c, "member"), &d.member_id);
	else
		opt_text(c, "org", d.org_code, sizeof d.org_code);
	if (!form)
		err_add(&c->e, ERR_USAGE, 0, "form", NULL, NULL,
			"--form is required: reprimand, warning, removal, expulsion or dissolution");
	else if ((k = discipline_form_parse(form)) < 0)
		err_add(&c->e, ERR_USAGE, 0, "form", form, NULL,
			"--form is one of reprimand, warning, removal, expulsion, dissolution");
	else
		d.form = (enum discipline_form)k;
	if (!OPT(c, "body"))
		err_add(&c->e, ERR_USAGE, 0, "body", NULL, NULL,
			"--body CODE is required: the organisation whose committee (or, with "
			"--inspection, whose inspection committee) decided");
	else
		opt_text(c, "body", d.body, sizeof d.body);
	opt_text(c, "reason", d.reason, sizeof d.reason);
	opt_text(c, "decision-no", d.decision_no, sizeof d.decision_no);
	d.inspection = OPT_SET(c, "inspection");
	cli_date(c, "date", OPT(c, "date"), &d.date);
	cli_date(c, "act-date", OPT(c, "act-date"), &d.act_date);
	cli_date(c, "notified", OPT(c, "notified"), &d.notified_on);
	cli_date(c, "effective", OPT(c, "effective"), &d.effective_on);
	if (OPT(c, "case"))
		cli_id(c, "case", OPT(c, "case"), &d.case_id);
	d.members_to = OPT(c, "members-to");
	if (d.act_date == DATE_NONE)
		d.act_date = 0;
	if (d.notified_on == DATE_NONE)
		d.notified_on = 0;
	if (d.effective_on == DATE_NONE)
		d.effective_on = 0;
	if (c->e.code || app_discipline_add(&c->app, &c->actor, &d, &id, &c->e))
		return cli_fail(c);
	cli_warnings(c);
	if (app_discipline_get(&c->app, &c->actor, id, &rec, &c->e))
		return cli_fail(c);
	if (c->json) {
		cli_json_out(app_discipline_json(&rec));
	} else if (d.member_id) {
		printf("discipline %lld recorded: %s of member %lld, decided by %s on %s\n",
		       (long long)id, discipline_form_name(rec.form), (long long)d.member_id,
		       rec.body, date_format(rec.date, ds));
	} else {
		printf("discipline %lld recorded: %s of %s, decided by %s on %s\n", (long long)id,
		       discipline_form_name(rec.form), rec.org_code, rec.body,
		       date_format(rec.date, ds));
	}
	return 0;
}

static const char *const list_cols[] = {"ID", "DATE", "FORM", "WHO", "ORG", "DECIDED BY",
					"BODY", "ACT", "DECISION", "NOTIFIED", "EFFECTIVE",
					"STATE", "REASON"};
#define NCOLS (sizeof list_cols / sizeof list_cols[0])

struct disc_out {
	json_t *arr;
	struct table *t;
	struct table_out *file;
};

static void cells(const struct discipline_rec *d, char v[NCOLS][VNAME_MAX + 40],
		  const char *cv[NCOLS])
{
	size_t i;

	snprintf(v[0], sizeof v[0], "%lld", (long long)d->id);
	date_format(d->date, v[1]);
	snprintf(v[2], sizeof v[2], "%s", discipline_form_name(d->form));
	if (d->member_id)
		snprintf(v[3], sizeof v[3], "member %lld %s", (long long)d->member_id,
			 d->member_name);
	else
		snprintf(v[3], sizeof v[3], "the organisation");
	snprintf(v[4], sizeof v[4], "%s", d->org_code);
	snprintf(v[5], sizeof v[5], "%s", d->body);
	snprintf(v[6], sizeof v[6], "%s", d->inspection ? "inspection" : "committee");
	date_format(d->act_date ? d->act_date : DATE_NONE, v[7]);
	snprintf(v[8], sizeof v[8], "%s", d->decision_no);
	date_format(d->notified_on ? d->notified_on : DATE_NONE, v[9]);
	date_format(d->effective_on ? d->effective_on : DATE_NONE, v[10]);
	snprintf(v[11], sizeof v[11], "%s", d->state);
	for (i = 0; i < 12; i++)
		cv[i] = v[i];
	cv[12] = d->reason;
}

static int disc_row(void *ctx, const struct discipline_rec *d)
{
	struct disc_out *o = ctx;
	char v[NCOLS][VNAME_MAX + 40];
	const char *cv[NCOLS];
	size_t i;

	if (o->arr) {
		cli_json_push(o->arr, app_discipline_json(d));
		return 0;
	}
	cells(d, v, cv);
	if (o->file) {
		for (i = 0; i < NCOLS; i++)
			table_out_text(o->file, cv[i]);
		table_out_row(o->file);
		return 0;
	}
	table_rowv(o->t, cv);
	return 0;
}

/* The filter from --org --year --form --state. */
static int list_filter(struct cli *c, struct discipline_filter *f)
{
	const char *form = OPT(c, "form");

	memset(f, 0, sizeof *f);
	f->org_code = OPT(c, "org") ? OPT(c, "org") : "";
	f->state = OPT(c, "state");
	f->form = -1;
	if (form && (f->form = discipline_form_parse(form)) < 0)
		err_add(&c->e, ERR_USAGE, 0, "form", form, NULL,
			"--form is one of reprimand, warning, removal, expulsion, dissolution");
	cli_year(c, "year", OPT(c, "year"), 0, &f->year);
	return c->e.code;
}

int cmd_discipline_list(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct disc_out o = {NULL, &t, NULL};
	struct discipline_filter f;
	const char *csv = OPT(c, "csv"), *xlsx = OPT(c, "xlsx");
	size_t i;

	(void)npos;
	(void)pos;
	if (list_filter(c, &f))
		return cli_fail(c);
	if (csv || xlsx) {
		int fd;
		long long len;
		struct err tmp;

		if (csv && xlsx) {
			err_add(&c->e, ERR_USAGE, 0, "csv", NULL, NULL, "give --csv or --xlsx, not both");
			return cli_fail(c);
		}
		if (!(o.file = table_out_new(csv ? TABLE_CSV : TABLE_XLSX, "discipline", &c->e)))
			return cli_fail(c);
		for (i = 0; i < NCOLS; i++)
			table_out_text(o.file, list_cols[i]);
		table_out_row(o.file);
		app_discipline_list(&c->app, &c->actor, &f, disc_row, &o, &c->e);
		err_init(&tmp);
		if (table_out_finish(o.file, &fd, &len, &tmp)) {
			if (!c->e.code)
				err_merge(&c->e, &tmp);
			err_cleanup(&tmp);
			return cli_fail(c);
		}
		err_cleanup(&tmp);
		if (c->e.code) {
			close(fd);
			return cli_fail(c);
		}
		if (table_out_save(fd, csv ? csv : xlsx, &c->e))
			return cli_fail(c);
		return 0;
	}
	table_init(&t, NCOLS);
	table_rowv(&t, list_cols);
	if (c->json)
		o.arr = json_array();
	return cli_list_end(c, &t, o.arr,
			    app_discipline_list(&c->app, &c->actor, &f, disc_row, &o, &c->e),
			    "no discipline recorded");
}

int cmd_discipline_show(struct cli *c, int npos, char **pos)
{
	struct discipline_rec d;
	int64_t id;
	char v[NCOLS][VNAME_MAX + 40];
	const char *cv[NCOLS];
	size_t i;

	(void)npos;
	if (cli_id(c, "id", pos[0], &id) ||
	    app_discipline_get(&c->app, &c->actor, id, &d, &c->e))
		return cli_fail(c);
	if (c->json) {
		cli_json_out(app_discipline_json(&d));
		return 0;
	}
	cells(&d, v, cv);
	for (i = 0; i < NCOLS; i++)
		printf("%-11s %s\n", list_cols[i], cv[i]);
	if (d.notice_no[0])
		printf("%-11s %s\n", "NOTICE", d.notice_no);
	if (d.case_id)
		printf("%-11s %lld\n", "CASE", (long long)d.case_id);
	if (d.replaces_id)
		printf("%-11s %lld\n", "REPLACES", (long long)d.replaces_id);
	if (d.ended_on)
		printf("%-11s %s\n", "ENDED", date_format(d.ended_on, v[0]));
	printf("%-11s %s\n", "RECORDED BY", d.by);
	return 0;
}

int cmd_discipline_notify(struct cli *c, int npos, char **pos)
{
	struct discipline_rec d;
	int64_t id;
	date_t on = DATE_NONE;

	(void)npos;
	cli_id(c, "id", pos[0], &id);
	if (!OPT(c, "date"))
		err_add(&c->e, ERR_USAGE, 0, "date", NULL, NULL,
			"--date YYYY-MM-DD is required: the day the target was notified");
	else
		cli_date(c, "date", OPT(c, "date"), &on);
	if (c->e.code ||
	    app_discipline_notify(&c->app, &c->actor, id, on, OPT(c, "number"), &c->e) ||
	    app_discipline_get(&c->app, &c->actor, id, &d, &c->e))
		return cli_fail(c);
	if (c->json) {
		cli_json_out(app_discipline_json(&d));
	} else {
		char ds[DATE_STR];

		printf("discipline %lld: notified on %s%s%s\n", (long long)id,
		       date_format(d.notified_on, ds), d.notice_no[0] ? " by " : "", d.notice_no);
	}
	return 0;
}
