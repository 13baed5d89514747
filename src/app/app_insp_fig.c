/* app_insp_fig.c - seed 004's footnote 7 for a subtree and period, the records behind each
 * number, the worklist's inspection counts and the main report's inspection table
 * (app_insp_fig.h; docs/inspection.md "The footnote-7 report"). The counting is the store's
 * (store_insp_fig.c); here the right, the period and the tables. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app_insp_fig.h"
#include "app_int.h"
#include "table_out.h"

static const char *const case_cols[] = {"total", "violation", "no_violation", "open"};
static const char *const case_col_labels[] = {"cases", "with violation", "without violation",
					      "not yet concluded"};
static const char *const disc_cols[] = {"total", "committee", "committee_inspection",
					"grassroots", "grassroots_inspection", "subcommittee",
					"cell"};
static const char *const disc_col_labels[] = {
	"all", "committees above the grassroots", "their inspection committees",
	"grassroots organisations", "their inspection committees", "sub-committees", "cells"};
static const char *const compl_cols[] = {"received", "settled", "overdue"};
static const char *const compl_col_labels[] = {"received", "settled", "open past due"};
static const char *const outcome_labels[] = {"kept",	       "reduced",
					     "annulled",       "raised",
					     "founded",	       "partly founded",
					     "unfounded"};

static const char *const case_row_labels[2][3][2] = {
	{{"committees inspected party organisations", "committees inspected party members"},
	 {"committees inspected party organisations on signs of violation",
	  "committees inspected party members on signs of violation"},
	 {"committees supervised party organisations", "committees supervised party members"}},
	{{"inspection committees inspected party organisations",
	  "inspection committees inspected party members"},
	 {"inspection committees inspected party organisations on signs of violation",
	  "inspection committees inspected party members on signs of violation"},
	 {"inspection committees supervised party organisations",
	  "inspection committees supervised party members"}}};
static const char *const disc_row_labels[2][5] = {
	{"party organisations: reprimand", "party organisations: warning", NULL, NULL,
	 "party organisations: dissolution"},
	{"party members: reprimand", "party members: warning", "party members: removal from post",
	 "party members: expulsion", NULL}};
static const char *const compl_row_labels[2][2] = {
	{"complaints against the discipline of party organisations",
	 "complaints against the discipline of party members"},
	{"denunciations of party organisations", "denunciations of party members"}};

void insp_fig_tables(struct report *r, const struct insp_fig_counts *c)
{
	struct report_table *t;
	struct report_row *w;
	char key[REPORT_NAME_MAX], filter[REPORT_NAME_MAX + 24];
	int b, a, g, x, f, l, k, o;

	t = report_table_add(r, "insp_cases", "Inspection and supervision", RC_NONE, 4, case_cols,
			     case_col_labels);
	snprintf(t->note, sizeof t->note, "%s",
		 "cases by the date of the decision opening them; a case counts once (an "
		 "organisation inspected twice counts twice)");
	for (b = 0; b < 2; b++)
		for (a = 0; a < 3; a++)
			for (g = 0; g < 2; g++) {
				snprintf(key, sizeof key, "%s.%s.%s", insp_fig_bodies[b],
					 insp_fig_acts[a], insp_fig_targets[g]);
				snprintf(filter, sizeof filter, "what=cases&body=%s&act=%s&target=%s",
					 insp_fig_bodies[b], insp_fig_acts[a], insp_fig_targets[g]);
				w = report_row_add(t, key, case_row_labels[b][a][g], filter);
				for (x = 0; x < 3; x++) {
					w->c[x + 1].count = c->cell[IF_CASE(b, a, g, x)];
					w->c[0].count += w->c[x + 1].count;
				}
			}
	t = report_table_add(r, "insp_discipline", "Discipline", RC_NONE, 7, disc_cols,
			     disc_col_labels);
	snprintf(t->note, sizeof t->note, "%s",
		 "decisions in force by the date decided (an annulled one is not counted, a "
		 "changed one counts as its new decision), by the deciding organisation's level "
		 "and body");
	for (g = 1; g >= 0; g--)
		for (f = 0; f < 5; f++) {
			if (!disc_row_labels[g][f])
				continue;
			snprintf(key, sizeof key, "%s.%s", insp_fig_targets[g], insp_fig_forms[f]);
			snprintf(filter, sizeof filter, "what=discipline&target=%s&form=%s",
				 insp_fig_targets[g], insp_fig_forms[f]);
			w = report_row_add(t, key, disc_row_labels[g][f], filter);
			for (l = 0; l < 4; l++)
				for (b = 0; b < 2; b++) {
					long n = c->cell[IF_DISC(g, f, l, b)];
					/* columns: committee, its UBKT, grassroots, its UBKT,
					 * subcommittee, cell (their bodies together) */
					int col = l < 2 ? 1 + l * 2 + b : 3 + l;

					w->c[col].count += n;
					w->c[0].count += n;
				}
		}
	t = report_table_add(r, "insp_complaints", "Complaints and denunciations", RC_NONE, 3,
			     compl_cols, compl_col_labels);
	snprintf(t->note, sizeof t->note, "%s",
		 "received by the date lodged, settled by the date settled; open past due: not "
		 "settled by the period's end and past the date due");
	for (k = 0; k < 2; k++)
		for (g = 0; g < 2; g++) {
			snprintf(key, sizeof key, "%s.%s", insp_fig_kinds[k], insp_fig_targets[g]);
			snprintf(filter, sizeof filter, "what=complaints&kind=%s&target=%s",
				 insp_fig_kinds[k], insp_fig_targets[g]);
			w = report_row_add(t, key, compl_row_labels[k][g], filter);
			w->c[0].count = c->cell[IF_RECV(k, g)];
			for (o = 0; o < 7; o++)
				w->c[1].count += c->cell[IF_SETTLED(k, g, o)];
			w->c[2].count = c->overdue[k][g];
		}
	t = report_table_add(r, "insp_settlements", "Settlements by outcome", RC_NONE, 7,
			     insp_fig_outcomes, outcome_labels);
	for (k = 0; k < 2; k++)
		for (g = 0; g < 2; g++) {
			snprintf(key, sizeof key, "%s.%s", insp_fig_kinds[k], insp_fig_targets[g]);
			snprintf(filter, sizeof filter,
				 "what=complaints&kind=%s&target=%s&stage=settled",
				 insp_fig_kinds[k], insp_fig_targets[g]);
			w = report_row_add(t, key, compl_row_labels[k][g], filter);
			for (o = 0; o < 7; o++)
				w->c[o].count = c->cell[IF_SETTLED(k, g, o)];
		}
}

void app_insp_fig_cell_filter(const char *table, const struct report_row *w, const char *col,
			      char *out, size_t n)
{
	const char *extra = "";
	char buf[64] = "";

	if (!strcmp(table, "insp_cases") && strcmp(col, "total")) {
		snprintf(buf, sizeof buf, "&result=%s", col);
		extra = buf;
	} else if (!strcmp(table, "insp_discipline") && strcmp(col, "total")) {
		const char *u = strchr(col, '_');

		if (u)
			snprintf(buf, sizeof buf, "&level=%.*s&body=inspection", (int)(u - col), col);
		else if (!strcmp(col, "committee") || !strcmp(col, "grassroots"))
			snprintf(buf, sizeof buf, "&level=%s&body=committee", col);
		else
			snprintf(buf, sizeof buf, "&level=%s", col);
		extra = buf;
	} else if (!strcmp(table, "insp_complaints")) {
		snprintf(buf, sizeof buf, "&stage=%s", col);
		extra = buf;
	} else if (!strcmp(table, "insp_settlements")) {
		snprintf(buf, sizeof buf, "&outcome=%s", col);
		extra = buf;
	}
	snprintf(out, n, "%s%s", w->filter, extra);
}

static enum err_code period(struct app *a, date_t *from, date_t *to, struct err *e)
{
	char d1[DATE_STR], d2[DATE_STR];

	if (*from == DATE_NONE)
		*from = date_from_ymd(2020, 1, 1);
	if (*to == DATE_NONE)
		*to = a->today;
	if (*to < *from)
		return err_add(e, ERR_INPUT, 0, "to", date_format(*to, d1), NULL,
			       "the period ends (%s) before it starts (%s): give an end on or "
			       "after the start", d1, date_format(*from, d2));
	if (*to > a->today)
		return err_add(e, ERR_INPUT, 0, "to", date_format(*to, d1), NULL,
			       "the period ends after today (%s): give an end on or before today",
			       date_format(a->today, d2));
	return ERR_OK;
}

/* The subtree of org_code (or the actor's scope) for an inspection read: the right first
 * (403 for an actor without it, wherever the organisation is), then the organisation (404
 * outside the actor's scope). */
static enum err_code insp_subtree(struct app *a, const struct actor *ac, const char *org_code,
				  struct org *o, struct err *e)
{
	if (app_inspection_check(a, ac, 0, e))
		return e->code;
	if (org_code && org_code[0]) {
		if (app_org_lookup(a, ac, org_code, o, 0, "org", e))
			return e->code;
	} else {
		memset(o, 0, sizeof *o);
		if (app_subtree(a, ac, "", 0, &o->pre, &o->last, e))
			return e->code;
		if (ac->scope_code[0] ? app_org_lookup(a, ac, ac->scope_code, o, 0, "org", e)
				      : store_org_by_id(a->st, 1, o, e))
			return e->code;
	}
	return app_inspection_check(a, ac, o->id, e);
}

enum err_code app_insp_fig(struct app *a, const struct actor *ac, const char *org_code,
			   date_t from, date_t to, struct insp_report *out, struct err *e)
{
	struct org o;
	time_t now = time(NULL);
	struct tm tm;

	memset(out, 0, sizeof *out);
	report_init(&out->r);
	if (period(a, &from, &to, e) || insp_subtree(a, ac, org_code, &o, e))
		return e->code;
	out->from = from;
	out->to = to;
	if (store_insp_fig(a->st, o.pre, o.last, from, to, &out->c, e))
		return e->code;
	snprintf(out->r.org_code, sizeof out->r.org_code, "%s", o.code);
	snprintf(out->r.org_name, sizeof out->r.org_name, "%s", o.name);
	out->r.as_of = to;
	{
		int y, m, d;

		date_to_ymd(to, &y, &m, &d);
		out->r.year = y;
	}
	snprintf(out->r.made_by, sizeof out->r.made_by, "%s", ac->name);
	gmtime_r(&now, &tm);
	strftime(out->r.made_at, sizeof out->r.made_at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	insp_fig_tables(&out->r, &out->c);
	return ERR_OK;
}

void insp_report_cleanup(struct insp_report *r)
{
	report_cleanup(&r->r);
}

/* ---- the records behind a number -------------------------------------------------------- */

static enum err_code param_word(insp_fig_param_fn get, void *ctx, const char *name,
				const char *const *list, int *out, struct err *e)
{
	const char *v = get(ctx, name);
	char words[200] = "";
	size_t i;

	*out = -1;
	if (!v || !v[0])
		return ERR_OK;
	if ((*out = insp_fig_word(list, v)) >= 0)
		return ERR_OK;
	for (i = 0; list[i]; i++) {
		size_t len = strlen(words);

		snprintf(words + len, sizeof words - len, "%s%s", i ? ", " : "", list[i]);
	}
	return err_add(e, ERR_INPUT, 0, name, v, NULL, "%s must be one of: %s", name, words);
}

static const char *const whats[] = {"cases", "discipline", "complaints", "late", "notice",
				    "revisions", NULL};
static const char *const stages[] = {"received", "settled", "overdue", NULL};

enum err_code app_insp_fig_filter(insp_fig_param_fn get, void *ctx, struct insp_fig_filter *f,
				  struct err *e)
{
	const char *w = get(ctx, "what");

	memset(f, 0, sizeof *f);
	if (!w || !w[0])
		return err_add(e, ERR_INPUT, 0, "what", NULL, NULL,
			       "what must be one of: cases, discipline, complaints, late, notice, "
			       "revisions");
	param_word(get, ctx, "what", whats, &f->what, e);
	param_word(get, ctx, "body", insp_fig_bodies, &f->body, e);
	param_word(get, ctx, "act", insp_fig_acts, &f->act, e);
	param_word(get, ctx, "target", insp_fig_targets, &f->target, e);
	param_word(get, ctx, "result", insp_fig_results, &f->result, e);
	param_word(get, ctx, "form", insp_fig_forms, &f->form, e);
	param_word(get, ctx, "level", insp_fig_levels, &f->level, e);
	param_word(get, ctx, "kind", insp_fig_kinds, &f->kind, e);
	param_word(get, ctx, "stage", stages, &f->stage, e);
	param_word(get, ctx, "outcome", insp_fig_outcomes, &f->outcome, e);
	return e->code;
}

void app_insp_fig_filter_str(const struct insp_fig_filter *f, char *out, size_t n)
{
	size_t len;

	snprintf(out, n, "what=%s", f->what >= 0 ? whats[f->what] : "cases");
#define ADD(name, list, v)                                                                   \
	if ((v) >= 0) {                                                                      \
		len = strlen(out);                                                           \
		snprintf(out + len, n - len, "&%s=%s", name, list[v]);                       \
	}
	ADD("body", insp_fig_bodies, f->body);
	ADD("act", insp_fig_acts, f->act);
	ADD("target", insp_fig_targets, f->target);
	ADD("result", insp_fig_results, f->result);
	ADD("form", insp_fig_forms, f->form);
	ADD("level", insp_fig_levels, f->level);
	ADD("kind", insp_fig_kinds, f->kind);
	ADD("stage", stages, f->stage);
	ADD("outcome", insp_fig_outcomes, f->outcome);
#undef ADD
}

enum err_code app_insp_fig_list(struct app *a, const struct actor *ac, const char *org_code,
				date_t from, date_t to, const struct insp_fig_filter *f,
				long limit, long offset, long *total, store_insp_fig_item_cb cb,
				void *ctx, struct err *e)
{
	struct org o;
	char fs[200];

	*total = 0;
	if (period(a, &from, &to, e) || insp_subtree(a, ac, org_code, &o, e))
		return e->code;
	if (store_insp_fig_list(a->st, o.pre, o.last, from, to, f, limit, offset, total, cb, ctx,
				e))
		return e->code;
	app_insp_fig_filter_str(f, fs, sizeof fs);
	return app_audit_bulk(a, ac, "report.inspection_list", o.code, *total, "filter", fs, e);
}

static const char *const list_cols[] = {"id", "date", "org_code", "org_name", "member_id",
					"member_name", "body_org", "body", "kind", "state",
					"result", "doc_no", NULL};

static int list_row(void *ctx, const struct insp_fig_item *r)
{
	struct table_out *t = ctx;
	char d[DATE_STR];

	table_out_int(t, (long long)r->id);
	table_out_text(t, date_format(r->on, d));
	table_out_text(t, r->org_code);
	table_out_text(t, r->org_name);
	if (r->member_id)
		table_out_int(t, (long long)r->member_id);
	else
		table_out_text(t, "");
	table_out_text(t, r->member_name);
	table_out_text(t, r->body_code);
	table_out_text(t, r->body);
	table_out_text(t, r->kind);
	table_out_text(t, r->state);
	table_out_text(t, r->result);
	table_out_text(t, r->doc_no);
	table_out_row(t);
	return 0;
}

enum err_code app_insp_fig_list_table(struct app *a, const struct actor *ac,
				      const char *org_code, date_t from, date_t to,
				      const struct insp_fig_filter *f, int xlsx, int *fd,
				      long long *len, struct err *e)
{
	struct table_out *t;
	const char *const *c;
	long total;
	enum err_code rc;

	*fd = -1;
	*len = 0;
	if (!(t = table_out_new(xlsx ? TABLE_XLSX : TABLE_CSV, whats[f->what], e)))
		return e->code;
	for (c = list_cols; *c; c++)
		table_out_text(t, *c);
	table_out_row(t);
	rc = app_insp_fig_list(a, ac, org_code, from, to, f, -1, 0, &total, list_row, t, e);
	if (rc) {
		int tfd;
		long long tlen;
		struct err tmp;

		err_init(&tmp);
		if (!table_out_finish(t, &tfd, &tlen, &tmp))
			close(tfd);
		err_cleanup(&tmp);
		return rc;
	}
	return table_out_finish(t, fd, len, e);
}

/* ---- the worklist and the main report --------------------------------------------------- */

enum err_code app_insp_fig_work(struct app *a, const struct actor *ac, long pre, long last,
				struct insp_fig_work *w, struct err *e)
{
	struct err tmp;
	int may;

	memset(w, 0, sizeof *w);
	err_init(&tmp);
	may = app_inspection_check(a, ac, 0, &tmp) == ERR_OK;
	err_cleanup(&tmp);
	if (!may)
		return ERR_OK;
	return store_insp_fig_work(a->st, pre, last, a->today, w, e);
}

enum err_code app_insp_fig_year(struct app *a, const struct actor *ac, int64_t org_id,
				long pre, long last, int year, struct report *r, struct err *e)
{
	static const char *const cols[] = {"count"};
	struct insp_fig_counts c;
	struct report_table *t;
	struct report_row *w;
	date_t from = date_from_ymd(year, 1, 1), to = date_from_ymd(year, 12, 31);
	long n[8] = {0};
	struct err tmp;
	int may, b, x, g, f, l, k, o, i;
	static const char *const keys[8] = {"inspected", "inspected_signs", "supervised",
					    "with_violation", "disciplined", "complaints_received",
					    "complaints_settled", "complaints_overdue"};
	static const char *const labels[8] = {
		"organisations and members inspected", "inspected on signs of violation",
		"organisations and members supervised", "cases concluded with violation",
		"discipline decisions in force", "complaints and denunciations received",
		"complaints and denunciations settled", "complaints and denunciations open past due"};
	static const char *const filters[8] = {
		"what=cases&act=inspection", "what=cases&act=signs", "what=cases&act=supervision",
		"what=cases&result=violation", "what=discipline", "what=complaints&stage=received",
		"what=complaints&stage=settled", "what=complaints&stage=overdue"};

	err_init(&tmp);
	may = app_inspection_check(a, ac, org_id, &tmp) == ERR_OK;
	err_cleanup(&tmp);
	if (!may)
		return ERR_OK;
	if (to > a->today)
		to = a->today;
	if (from > to)
		from = to;
	if (store_insp_fig(a->st, pre, last, from, to, &c, e))
		return e->code;
	for (b = 0; b < 2; b++)
		for (i = 0; i < 3; i++)
			for (g = 0; g < 2; g++)
				for (x = 0; x < 3; x++) {
					long v = c.cell[IF_CASE(b, i, g, x)];

					n[i] += v; /* inspection, signs, supervision: as the
						    * rows' lists filter them */
					if (x == 0)
						n[3] += v;
				}
	for (g = 0; g < 2; g++)
		for (f = 0; f < 5; f++)
			for (l = 0; l < 4; l++)
				for (b = 0; b < 2; b++)
					n[4] += c.cell[IF_DISC(g, f, l, b)];
	for (k = 0; k < 2; k++)
		for (g = 0; g < 2; g++) {
			n[5] += c.cell[IF_RECV(k, g)];
			for (o = 0; o < 7; o++)
				n[6] += c.cell[IF_SETTLED(k, g, o)];
			n[7] += c.overdue[k][g];
		}
	t = report_table_add(r, "inspection", "Inspection, supervision and discipline", RC_NONE, 1,
			     cols, NULL);
	snprintf(t->note, sizeof t->note, "%s",
		 "the year's cases, discipline in force and complaints (seed 004's footnote 7: "
		 "see the inspection report for the whole table)");
	for (i = 0; i < 8; i++) {
		w = report_row_add(t, keys[i], labels[i], filters[i]);
		w->c[0].count = n[i];
	}
	return ERR_OK;
}
