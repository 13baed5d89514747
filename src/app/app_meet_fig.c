/* app_meet_fig.c - the meeting figures of a subtree and period, the cells and members behind
 * them, and one cell's year for the emulation cross-check (app_meet_fig.h; DOMAIN §7;
 * docs/meetings.md "Figures"). The cells come from the tree walk, their meetings from one
 * read of the subtree's held meetings (store_meet_fig.c, per organisation through
 * meeting_org); the months and quarters are counted here against the rules in force on
 * each one's last day. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../lib/mem.h"
#include "../store/store_meet_fig.h"
#include "app_int.h"
#include "app_meet_fig.h"

#define MAX_MONTHS 120

struct cell_acc {
	struct meet_fig_cell c;
	date_t established;
	unsigned char monthly[MAX_MONTHS + 3];   /* monthly meetings a month (capped at 255) */
	unsigned char thematic[MAX_MONTHS / 3 + 2]; /* thematic meetings a quarter */
};

struct walk {
	struct app *a;
	struct meet_figures *f;
	date_t from, count_to; /* months and quarters ending in [from, count_to] are counted */
	int base;              /* y * 12 + (m - 1) of the first month read */
	struct cell_acc *cells;
	size_t n, cap;
	struct id_ix {
		int64_t id;
		size_t i;
	} *by_id;              /* the cells' ids, sorted, with their indexes */
};

static int month_index(const struct walk *w, date_t d)
{
	int y, m, dd;

	date_to_ymd(d, &y, &m, &dd);
	return y * 12 + (m - 1) - w->base;
}

static int cell_add(void *ctx, const struct org *o)
{
	struct walk *w = ctx;
	struct cell_acc *c;

	if (o->kind != OK_CELL)
		return 0;
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 64;
		w->cells = xrealloc(w->cells, w->cap * sizeof *w->cells);
	}
	c = &w->cells[w->n++];
	memset(c, 0, sizeof *c);
	c->c.id = o->id;
	snprintf(c->c.code, sizeof c->c.code, "%s", o->code);
	snprintf(c->c.name, sizeof c->c.name, "%s", o->name);
	c->established = o->established;
	return 0;
}

static int by_id_cmp(const void *x, const void *y)
{
	int64_t a = ((const struct id_ix *)x)->id, b = ((const struct id_ix *)y)->id;

	return (a > b) - (a < b);
}

static struct cell_acc *cell_find(struct walk *w, int64_t id)
{
	size_t lo = 0, hi = w->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int64_t v = w->by_id[mid].id;

		if (v == id)
			return &w->cells[w->by_id[mid].i];
		if (v < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int meeting_row(void *ctx, const struct meet_fig_row *r)
{
	struct walk *w = ctx;
	struct meet_figures *f = w->f;
	struct cell_acc *c = cell_find(w, r->org_id);
	int k = month_index(w, r->on_date);
	int counted = r->on_date >= f->from; /* before from: read only for its month/quarter */

	if (c && k >= 0 && k < MAX_MONTHS + 3) {
		if (!strcmp(r->kind, "monthly") && c->monthly[k] < 255)
			c->monthly[k]++;
		if (!strcmp(r->kind, "thematic") && c->thematic[k / 3] < 255)
			c->thematic[k / 3]++;
	}
	if (!counted)
		return 0;
	f->meetings++;
	f->monthly += !strcmp(r->kind, "monthly");
	f->thematic += !strcmp(r->kind, "thematic");
	f->present += r->present;
	f->excused += r->excused;
	f->absent += r->absent;
	f->expected += r->present + r->excused + r->absent;
	if (c) {
		c->c.meetings++;
		c->c.present += r->present;
		c->c.expected += r->present + r->excused + r->absent;
	}
	return 0;
}

/* The months and quarters of one cell counted against the rules. */
static void cell_count(struct walk *w, struct cell_acc *c)
{
	const struct ruleset *rs = &w->a->rules;
	int k, q, nm = month_index(w, w->count_to) + 1;
	long need;

	for (k = 0; k < nm && k < MAX_MONTHS + 3; k++) {
		int y = (w->base + k) / 12, m = (w->base + k) % 12 + 1;
		date_t lastday = date_add_months(date_from_ymd(y, m, 1), 1) - 1;

		if (lastday < w->from || lastday > w->count_to || c->established > lastday)
			continue;
		if (!ruleset_int(rs, R_MEETING_MONTHLY, lastday, &need))
			continue;
		c->c.months++;
		if (c->monthly[k] >= need)
			c->c.months_held++;
		else if (!c->c.first_missed_month[0])
			snprintf(c->c.first_missed_month, sizeof c->c.first_missed_month,
				 "%04d-%02d", y % 10000, m);
	}
	for (q = 0; q * 3 < nm && q < MAX_MONTHS / 3 + 2; q++) {
		int k0 = q * 3, y = (w->base + k0) / 12, m = (w->base + k0) % 12 + 1;
		date_t lastday = date_add_months(date_from_ymd(y, m, 1), 3) - 1;

		if (lastday < w->from || lastday > w->count_to || c->established > lastday)
			continue;
		if (!ruleset_int(rs, R_MEETING_THEMATIC_QUARTER, lastday, &need))
			continue;
		c->c.quarters++;
		if (c->thematic[q] >= need)
			c->c.quarters_thematic++;
		else if (!c->c.first_missed_quarter[0])
			snprintf(c->c.first_missed_quarter, sizeof c->c.first_missed_quarter,
				 "%04d-Q%d", y % 10000, (m - 1) / 3 + 1);
	}
}

static int count_only(void *ctx, const struct meet_fig_absentee *r)
{
	(void)r;
	++*(long *)ctx;
	return 0;
}

enum err_code app_meet_figures_range(struct app *a, long pre, long last, date_t from,
				     date_t to, int what, struct meet_figures *f,
				     meet_fig_cell_cb cell_cb,
				     void *ctx, struct err *e)
{
	struct walk w;
	date_t read_from, yfrom;
	int y, m, d;
	size_t i;

	memset(f, 0, sizeof *f);
	memset(&w, 0, sizeof w);
	f->from = from;
	f->to = to;
	f->end = to < a->today ? to : a->today;
	w.a = a;
	w.f = f;
	w.from = from;
	/* A month or quarter is over the day after its last: today's is not counted yet. */
	w.count_to = to < a->today - 1 ? to : a->today - 1;
	/* Read from the first day of from's quarter: the meetings of a month or quarter that
	 * ends in the period count for it even when dated before from. */
	date_to_ymd(from, &y, &m, &d);
	m = (m - 1) / 3 * 3 + 1;
	read_from = date_from_ymd(y, m, 1);
	w.base = y * 12 + (m - 1);
	if (store_org_walk(a->st, pre, last, -1, cell_add, &w, e))
		goto out;
	w.by_id = xcalloc(w.n ? w.n : 1, sizeof *w.by_id);
	for (i = 0; i < w.n; i++) {
		w.by_id[i].id = w.cells[i].c.id;
		w.by_id[i].i = i;
	}
	qsort(w.by_id, w.n, sizeof *w.by_id, by_id_cmp);
	if (f->end >= read_from &&
	    store_meet_fig_meetings(a->st, pre, last, read_from, f->end, NULL,
				    what & MF_ATTENDANCE, meeting_row, &w, e))
		goto out;
	for (i = 0; i < w.n; i++) {
		struct cell_acc *c = &w.cells[i];

		if (w.count_to >= from)
			cell_count(&w, c);
		if (c->c.months) {
			f->cells++;
			f->cells_every_month += c->c.months_held == c->c.months;
		}
		if (c->c.quarters) {
			f->cells_q++;
			f->cells_every_quarter += c->c.quarters_thematic == c->c.quarters;
		}
		f->cell_months += c->c.months;
		f->cell_months_held += c->c.months_held;
		f->cell_quarters += c->c.quarters;
		f->cell_quarters_thematic += c->c.quarters_thematic;
		if (cell_cb && cell_cb(ctx, &c->c))
			cell_cb = NULL;
	}
	/* The absentees of the year of end. */
	date_to_ymd(f->end, &y, &m, &d);
	f->year = y;
	yfrom = date_from_ymd(y, 1, 1);
	if ((what & MF_ABSENTEES) &&
	    ruleset_int(&a->rules, R_MEETING_ABSENT_MAX, f->end, &f->absent_max) &&
	    f->absent_max > 0 &&
	    store_meet_fig_absentees(a->st, pre, last, yfrom, date_from_ymd(y, 12, 31), "monthly",
				     f->absent_max, count_only, &f->absentees, e))
		goto out;
out:
	free(w.cells);
	free(w.by_id);
	return e->code;
}

enum err_code app_meet_figures(struct app *a, const struct actor *ac, const char *org_code,
			       date_t from, date_t to, struct meet_figures *f,
			       meet_fig_cell_cb cell_cb, void *ctx, struct err *e)
{
	long pre, last;
	int y, m, d;
	char d1[DATE_STR], d2[DATE_STR];

	date_to_ymd(a->today, &y, &m, &d);
	if (from == DATE_NONE)
		from = date_from_ymd(y, 1, 1);
	if (to == DATE_NONE)
		to = a->today;
	if (to < from)
		return err_add(e, ERR_INPUT, 0, "to", date_format(to, d1), NULL,
			       "the period ends (%s) before it starts (%s): give an end on or "
			       "after the start", d1, date_format(from, d2));
	if (to - from > 3660)
		return err_add(e, ERR_INPUT, 0, "to", date_format(to, d1), NULL,
			       "the period spans more than 10 years: ask for a shorter one");
	if (app_subtree(a, ac, org_code ? org_code : "", 0, &pre, &last, e))
		return e->code;
	return app_meet_figures_range(a, pre, last, from, to, MF_ALL, f, cell_cb, ctx, e);
}

struct absentee_fwd {
	meet_fig_absentee_cb cb;
	void *ctx;
	long n;
};

static int absentee_fwd(void *ctx, const struct meet_fig_absentee *r)
{
	struct absentee_fwd *f = ctx;

	f->n++;
	return f->cb ? f->cb(f->ctx, r) : 0;
}

enum err_code app_meet_fig_absentees(struct app *a, const struct actor *ac,
				     const char *org_code, int year, meet_fig_absentee_cb cb,
				     void *ctx, long *max, struct err *e)
{
	struct absentee_fwd fw = {cb, ctx, 0};
	long pre, last, mx = 0;
	int y, m, d;
	date_t end;

	date_to_ymd(a->today, &y, &m, &d);
	if (!year)
		year = y;
	if (year < 1930 || year > y)
		return err_add(e, ERR_INPUT, 0, "year", NULL, NULL,
			       "give a year between 1930 and %d", y);
	if (app_subtree(a, ac, org_code ? org_code : "", 0, &pre, &last, e))
		return e->code;
	end = date_from_ymd(year, 12, 31);
	if (end > a->today)
		end = a->today;
	if (max)
		*max = 0;
	if (!ruleset_int(&a->rules, R_MEETING_ABSENT_MAX, end, &mx) || mx <= 0)
		return ERR_OK;
	if (max)
		*max = mx;
	if (store_meet_fig_absentees(a->st, pre, last, date_from_ymd(year, 1, 1),
				     date_from_ymd(year, 12, 31), "monthly", mx, absentee_fwd, &fw,
				     e))
		return e->code;
	return app_audit_bulk(a, ac, "report.meeting_absentees", org_code, fw.n, NULL, NULL, e);
}

enum err_code app_meet_cell_year(struct app *a, const struct org *cell, int year,
				 struct meet_cell_year *y, struct err *e)
{
	struct meet_figures f;
	date_t from = date_from_ymd(year, 1, 1), to = date_from_ymd(year, 12, 31);

	memset(y, 0, sizeof *y);
	if (app_meet_figures_range(a, cell->pre, cell->last, from, to, 0, &f, NULL, NULL, e))
		return e->code;
	y->months = f.cell_months;
	y->months_held = f.cell_months_held;
	y->quarters = f.cell_quarters;
	y->quarters_thematic = f.cell_quarters_thematic;
	y->meetings = f.meetings;
	return store_meet_fig_disciplined(a->st, cell->id, from, to, &y->disciplined, e);
}

/* The check R-EMULATION-COUNTED's value (v) names for criterion text c: the first entry
 * "words=check" whose words occur in c, ignoring case (ASCII: the words are the English
 * parts of the criteria). */
static enum meet_check check_of(const char *v, const char *c)
{
	static const struct {
		const char *name;
		enum meet_check check;
	} checks[] = {{"no_discipline", MC_NO_DISCIPLINE}, {"monthly", MC_MONTHLY},
		      {"thematic", MC_THEMATIC}, {"meetings", MC_MEETINGS}};
	const char *p = v;

	while (*p) {
		size_t len = strcspn(p, ";"), wl;
		const char *eq = memchr(p, '=', len);

		if (eq && eq > p) {
			const char *h;
			size_t cl = (size_t)(p + len - eq - 1), k;

			wl = (size_t)(eq - p);
			for (h = c; *h; h++)
				if (!strncasecmp(h, p, wl))
					break;
			if (*h)
				for (k = 0; k < sizeof checks / sizeof checks[0]; k++)
					if (strlen(checks[k].name) == cl &&
					    !strncmp(eq + 1, checks[k].name, cl))
						return checks[k].check;
		}
		p += len + (p[len] ? 1 : 0);
	}
	return MC_NONE;
}

enum err_code app_meet_counted(struct app *a, const struct org *cell, int year,
			       const char *const *criteria, size_t n, struct meet_counted *out,
			       struct meet_cell_year *y, struct err *e)
{
	const struct rule_version *v =
		ruleset_find(&a->rules, R_EMULATION_COUNTED, date_from_ymd(year, 12, 31));
	size_t i;
	int any = 0;

	memset(y, 0, sizeof *y);
	for (i = 0; i < n; i++) {
		out[i].check = v ? check_of(v->value, criteria[i]) : MC_NONE;
		out[i].met = -1;
		any |= out[i].check != MC_NONE;
	}
	if (!any || app_meet_cell_year(a, cell, year, y, e))
		return e->code;
	for (i = 0; i < n; i++) {
		int monthly = y->months_held == y->months;
		int thematic = y->quarters_thematic == y->quarters;

		switch (out[i].check) {
		case MC_NO_DISCIPLINE:
			out[i].met = y->disciplined == 0;
			break;
		case MC_MONTHLY:
			out[i].met = y->meetings ? monthly : -1;
			break;
		case MC_THEMATIC:
			out[i].met = y->meetings ? thematic : -1;
			break;
		case MC_MEETINGS:
			out[i].met = y->meetings ? monthly && thematic : -1;
			break;
		default:
			break;
		}
	}
	return ERR_OK;
}
