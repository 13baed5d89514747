/* app_adm_fig.c - the admission figures of a subtree for a year (app_admission.h
 * app_adm_figures; DOMAIN §5, §11; docs/admissions.md "Figures") and the people behind each.
 *
 * How they are counted:
 *  - candidates by stage: the cases kept by the subtree's cells on the figures' date (31
 *    December of the year, or today when earlier): today's stages when that date is today,
 *    else the stages replayed from the steps dated up to it (so a past year is as it was);
 *    by source: those of them not yet admitted (candidate to decided);
 *  - classes completed: awareness class steps of the year whose result is not a failure;
 *  - admitted: members on the rolls whose admission decision falls in the year (the report's
 *    counters, so imported members count); the development rate divides them by the members
 *    on the rolls on 1 January (store_rolls_at_count);
 *  - probationers at the end: members probationary on the figures' date;
 *  - recognitions of the year: the cell's recognition votes passed, on time when held by the
 *    due date (the end of probation + R-PROBATION-VOTE-WORKING-DAYS working days), late
 *    after; failed votes: the recognition votes that failed; removals: the cases closed as
 *    removed in the year.
 * Every count starts from the subtree's organisations (their pre range) and the indexes on
 * org_id of migration 19; nothing reads the whole admission table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../core/fig.h"
#include "../core/report.h"
#include "../lib/mem.h"
#include "app_admission.h"
#include "app_adm_fig.h"
#include "app_int.h"

/* What a walk over the cases collects: the counts, and (for the people behind a figure)
 * the ids of the cases that make the one figure asked for. */
enum want {
	W_NONE = 0,
	W_STAGE,        /* arg: the stage */
	W_SOURCE,       /* arg: the source */
	W_CLASS,
	W_ON_TIME,
	W_LATE,
	W_FAILED,
	W_REMOVED
};

struct walk {
	struct app *a;
	struct adm_figures *f;
	const struct app_holidays *hol;
	enum want want;
	int arg;
	int64_t *ids;
	size_t n, cap;
	/* the case being replayed */
	int64_t cur;
	int stage, source, failed;
};

static void take(struct walk *w, int64_t id)
{
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 64;
		w->ids = xrealloc(w->ids, w->cap * sizeof *w->ids);
	}
	w->ids[w->n++] = id;
}

static int stage_now(void *ctx, const char *stage, const char *source, long n)
{
	struct walk *w = ctx;
	int st = adm_stage_parse(stage), src = adm_source_parse(source);

	if (st < 0)
		return 0;
	w->f->by_stage[st] += n;
	if (src >= 0 && st <= AST_DECIDED)
		w->f->by_source[src] += n;
	return 0;
}

/* The replayed case w->cur is complete: count it. */
static void case_done(struct walk *w)
{
	if (!w->cur || w->stage < 0)
		return;
	w->f->by_stage[w->stage]++;
	if (w->source >= 0 && w->stage <= AST_DECIDED)
		w->f->by_source[w->source]++;
	if ((w->want == W_STAGE && w->stage == w->arg) ||
	    (w->want == W_SOURCE && w->stage <= AST_DECIDED && w->source == w->arg))
		take(w, w->cur);
}

/* The text of key in the JSON object text (a step's detail), or "" (in out, n bytes). */
static const char *detail_text(const char *text, const char *key, char *out, size_t n)
{
	json_t *j = text ? json_loads(text, 0, NULL) : NULL;
	const char *v = j ? json_string_value(json_object_get(j, key)) : NULL;

	snprintf(out, n, "%s", v ? v : "");
	json_decref(j);
	return out;
}

/* The stage after step s, from the stage before it: as app_admission.c applies a step (the
 * pipeline of docs/admissions.md), so a past date reads as the stored stage read then. */
static int stage_after(struct walk *w, int stage, const struct adm_fig_step *s)
{
	char as[24];

	switch (adm_step_parse(s->step)) {
	case ASK_LISTED:
		/* A case opened for a probationary member starts in probation. */
		return !strcmp(detail_text(s->detail, "opened_at", as, sizeof as), "probation")
			       ? AST_PROBATION
			       : AST_CANDIDATE;
	case ASK_CLASS:
		return s->passed == 1 ? AST_CLASS : stage;
	case ASK_APPLICATION:
		return AST_APPLIED;
	case ASK_VERIFICATION:
		return s->passed == 0 ? stage : AST_VERIFIED;
	case ASK_CELL_VOTE:
		return s->passed == 1 ? AST_CELL_PASSED : stage;
	case ASK_COMMITTEE_VOTE:
		return s->passed == 1 ? AST_COMMITTEE_PASSED : stage;
	case ASK_DECISION:
		return s->passed == 0 ? AST_REFUSED : AST_DECIDED;
	case ASK_CEREMONY:
		return AST_PROBATION;
	case ASK_RECOGNITION_VOTE:
		if (s->passed == 1)
			return AST_OFFICIAL;
		w->failed++;
		return adm_referred(&w->a->rules, s->on, w->failed) ? AST_REFERRED : AST_PROBATION;
	case ASK_UPPER_RULING:
		return s->passed == 0 ? AST_REMOVED : AST_OFFICIAL;
	case ASK_WITHDRAWAL:
		/* A death or a removal mid-probation closes the case as removed (or official). */
		detail_text(s->detail, "closes_as", as, sizeof as);
		return !strcmp(as, "official")  ? AST_OFFICIAL
		       : !strcmp(as, "removed") ? AST_REMOVED
						: AST_WITHDRAWN;
	default: /* listed, transfer: the stage stays */
		return stage;
	}
}

static int step_until(void *ctx, const struct adm_fig_step *s)
{
	struct walk *w = ctx;

	if (s->case_id != w->cur) {
		case_done(w);
		w->cur = s->case_id;
		w->stage = AST_CANDIDATE;
		w->source = adm_source_parse(s->source);
		w->failed = 0;
	}
	if (s->step)
		w->stage = stage_after(w, w->stage, s);
	return 0;
}

static int case_now(void *ctx, const struct adm_fig_step *s)
{
	struct walk *w = ctx;

	w->cur = s->case_id;
	w->stage = adm_stage_parse(s->step);
	w->source = adm_source_parse(s->source);
	case_done(w);
	w->cur = 0;
	return 0;
}

static int step_class(void *ctx, const struct adm_fig_step *s)
{
	struct walk *w = ctx;

	if (s->passed != 1)
		return 0;
	w->f->classes++;
	if (w->want == W_CLASS)
		take(w, s->case_id);
	return 0;
}

static int step_recognition(void *ctx, const struct adm_fig_step *s)
{
	struct walk *w = ctx;
	date_t due;

	if (s->passed == 0) {
		w->f->failed_votes++;
		if (w->want == W_FAILED)
			take(w, s->case_id);
		return 0;
	}
	if (s->passed != 1)
		return 0;
	due = s->ceremony == DATE_NONE ? DATE_NONE
	      : adm_recognition_due(&w->a->rules, s->ceremony, w->hol->days, w->hol->n);
	if (due == DATE_NONE || s->on <= due) {
		w->f->recognised_on_time++;
		if (w->want == W_ON_TIME)
			take(w, s->case_id);
	} else {
		w->f->recognised_late++;
		if (w->want == W_LATE)
			take(w, s->case_id);
	}
	return 0;
}

static int step_removed(void *ctx, const struct adm_fig_step *s)
{
	struct walk *w = ctx;

	w->f->removed++;
	if (w->want == W_REMOVED)
		take(w, s->case_id);
	return 0;
}

/* The counters of the subtree: members admitted in year and probationary now. */
struct counters {
	int year;
	long admitted, probationary;
};

static int counters_org(void *ctx, const struct fig_org *o)
{
	struct counters *c = ctx;

	if (o->dissolved != DATE_NONE)
		return 0;
	c->admitted += fig_map_get(&o->hist, FIG_KEY(FD_ADMIT_YEAR, c->year));
	c->probationary += fig_map_get(&o->core, FIG_KEY(FD_STATUS, MS_PROBATIONARY));
	return 0;
}

/* The figures' date of year: 31 December, or today when earlier. */
static date_t fig_end(struct app *a, int year)
{
	date_t end = date_from_ymd(year, 12, 31);

	return end < a->today ? end : a->today;
}

/* Walk the figures of [pre, last] for year into f; w->want picks the people of one figure
 * (W_NONE: only the counts). */
static enum err_code fig_walk(struct app *a, long pre, long last, int year, struct walk *w,
			      struct err *e)
{
	struct adm_figures *f = w->f;
	struct app_holidays hol = {0};
	date_t from = date_from_ymd(year, 1, 1), to = date_from_ymd(year, 12, 31);
	date_t end = fig_end(a, year);
	struct counters c = {year, 0, 0};

	memset(f, 0, sizeof *f);
	f->year = year;
	w->a = a;
	w->hol = &hol;
	w->stage = -1;
	if (app_holidays_load(a, &hol, e))
		goto out;
	/* Candidates by stage and source on the figures' date: today's stages as stored, a
	 * past date's replayed from the steps. */
	if (end >= a->today && w->want == W_NONE) {
		if (store_adm_fig_stages(a->st, pre, last, stage_now, w, e))
			goto out;
	} else if (end >= a->today) {
		if (store_adm_fig_cases(a->st, pre, last, case_now, w, e))
			goto out;
	} else {
		if (store_adm_fig_steps_until(a->st, pre, last, end, step_until, w, e))
			goto out;
		case_done(w);
	}
	if (store_adm_fig_steps_in(a->st, pre, last, adm_step_name(ASK_CLASS), from, to,
				   step_class, w, e) ||
	    store_adm_fig_steps_in(a->st, pre, last, adm_step_name(ASK_RECOGNITION_VOTE), from,
				   to, step_recognition, w, e) ||
	    store_adm_fig_stage_in(a->st, pre, last, adm_stage_name(AST_REMOVED), from, to,
				   step_removed, w, e))
		goto out;
	if (w->want != W_NONE)
		goto out;
	if (store_fig_walk(a->st, pre, last, 1, counters_org, &c, e) ||
	    store_rolls_at_count(a->st, pre, last, from, &f->members_jan1, e))
		goto out;
	f->admitted = c.admitted;
	f->rate_bp = report_pct100(f->admitted, f->members_jan1);
	if (end >= a->today)
		f->probationers = c.probationary;
	else if (store_rolls_at_status(a->st, pre, last, end,
				       member_status_name(MS_PROBATIONARY), NULL, NULL,
				       &f->probationers, e))
		goto out;
out:
	app_holidays_cleanup(&hol);
	return e->code;
}

enum err_code app_adm_figures_range(struct app *a, long pre, long last, int year,
				    struct adm_figures *f, struct err *e)
{
	struct walk w;

	memset(&w, 0, sizeof w);
	w.f = f;
	return fig_walk(a, pre, last, year, &w, e);
}

enum err_code app_adm_figures(struct app *a, const struct actor *ac, const char *org_code,
			      int year, struct adm_figures *f, struct err *e)
{
	long pre, last;
	int y, m, d;

	date_to_ymd(a->today, &y, &m, &d);
	if (!year)
		year = y;
	if (year < 1900 || year > 2200)
		return err_add(e, ERR_INPUT, 0, "year", NULL, NULL, "give a year, for example %d",
			       y);
	if (app_subtree(a, ac, org_code ? org_code : "", 0, &pre, &last, e))
		return e->code;
	return app_adm_figures_range(a, pre, last, year, f, e);
}

/* ---- the people behind a figure --------------------------------------------------------- */

int app_adm_fig_filter(const char *filter)
{
	return !strncmp(filter, "adm_", 4);
}

/* The figure a filter names: want and arg; -1 when it names none. */
static int filter_parse(const char *filter, int year, enum want *want, int *arg)
{
	const char *eq = strchr(filter, '=');
	const char *v = eq ? eq + 1 : "";
	size_t nl = eq ? (size_t)(eq - filter) : 0;
	char *end;
	long y;

#define IS(s) (nl == sizeof(s) - 1 && !strncmp(filter, s, nl))
	*arg = 0;
	if (IS("adm_stage")) {
		*want = W_STAGE;
		return (*arg = adm_stage_parse(v)) < 0 ? -1 : 0;
	}
	if (IS("adm_source")) {
		*want = W_SOURCE;
		return (*arg = adm_source_parse(v)) < 0 ? -1 : 0;
	}
	*want = IS("adm_class") ? W_CLASS : IS("adm_on_time") ? W_ON_TIME : IS("adm_late") ? W_LATE
		: IS("adm_failed") ? W_FAILED : IS("adm_removed") ? W_REMOVED : W_NONE;
#undef IS
	if (*want == W_NONE)
		return -1;
	/* The year is in the value, as for admitted=YEAR: it must be the year asked. */
	y = strtol(v, &end, 10);
	return *v && !*end && y == year ? 0 : -1;
}

enum err_code app_adm_fig_people(struct app *a, const struct actor *ac, const char *org_code,
				 int year, const char *filter, long offset, long limit,
				 adm_fig_person_cb cb, void *ctx, long *total, struct err *e)
{
	struct adm_figures f;
	struct walk w;
	struct adm_fig_person p;
	long pre, last, shown = 0;
	size_t i;
	int y, m, d;

	date_to_ymd(a->today, &y, &m, &d);
	if (!year)
		year = y;
	memset(&w, 0, sizeof w);
	w.f = &f;
	if (!filter || filter_parse(filter, year, &w.want, &w.arg))
		return err_add(e, ERR_INPUT, 0, "filter", filter, NULL,
			       "the filter must be one of adm_stage=STAGE, adm_source=SOURCE, "
			       "adm_class=YEAR, adm_on_time=YEAR, adm_late=YEAR, adm_failed=YEAR, "
			       "adm_removed=YEAR (the year of the figures, %d)", year);
	if (app_subtree(a, ac, org_code ? org_code : "", 0, &pre, &last, e) ||
	    fig_walk(a, pre, last, year, &w, e))
		goto out;
	if (total)
		*total = (long)w.n;
	for (i = (size_t)(offset > 0 ? offset : 0); i < w.n; i++) {
		if (limit >= 0 && shown >= limit)
			break;
		if (store_adm_fig_person(a->st, w.ids[i], &p, e))
			goto out;
		shown++;
		if (cb(ctx, &p))
			break;
	}
	/* The people behind a figure are a bulk read: one audit entry, the rows handed out. */
	app_audit_bulk(a, ac, "report.cases", org_code, shown, "filter", filter, e);
out:
	free(w.ids);
	return e->code;
}
