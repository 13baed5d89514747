/* app_worklist.c - the worklist's providers and the call that runs them (app_worklist.h). */
#include "app_worklist.h"

#include <stdio.h>
#include <string.h>

#include "../core/fig.h"
#include "app_admission.h"
#include "../lib/buf.h"
#include "app_int.h"
#include "app_cadres.h"
#include "app_meet_fig.h"
#include "app_insp_fig.h"
#include "app_sheet.h"
#include "app_plan.h"

/* What the providers share: the actor's subtree, the year, and the open transfers read once
 * for the two transfer items. */
struct wl_env {
	struct app *a;
	const struct actor *ac;
	long pre, last;
	int year;
	const char *top;
	int transfers_read;
	long to_receive, overdue;
	/* the admissions' due list, read once for its four items */
	int adm_read;
	long adm_ceremony_late, adm_recognition_due, adm_recognition_late, adm_upper;
	/* the meeting figures of the previous month and quarter, read once for their items */
	int meet_read;
	long meet_monthly_missed, meet_thematic_missed, meet_absentees;
	date_t meet_month, meet_quarter; /* the first days of that month and quarter */
	/* the inspection work due, read once for its four items */
	int insp_read;
	struct insp_fig_work insp;
};

/* A provider: id and title as in struct worklist_item, the count for the actor, and the link
 * to the list (written into b). */
struct wl_provider {
	const char *id;
	const char *title;
	enum err_code (*count)(struct wl_env *w, long *n, struct err *e);
	void (*link)(const struct wl_env *w, struct buf *b);
	/* NULL: always shown; else whether the item is shown to this actor */
	int (*shown)(struct wl_env *w);
};

/* ---- transfers ------------------------------------------------------------------------- */

static int wl_transfer(void *ctx, const struct transfer *t)
{
	struct wl_env *w = ctx;
	struct org to;
	struct err tmp;

	if (t->overdue)
		w->overdue++;
	if (t->state != TS_SENT)
		return 0;
	/* Sent and not received: the actor's to receive when it goes into the subtree. */
	err_init(&tmp);
	if (!store_org_by_id(w->a->st, t->to_org_id, &to, &tmp) && to.pre >= w->pre &&
	    to.pre <= w->last)
		w->to_receive++;
	err_cleanup(&tmp);
	return 0;
}

static enum err_code wl_transfers_read(struct wl_env *w, struct err *e)
{
	if (w->transfers_read)
		return ERR_OK;
	w->transfers_read = 1;
	return app_transfer_list(w->a, w->ac, NULL, wl_transfer, w, e);
}

static enum err_code wl_to_receive(struct wl_env *w, long *n, struct err *e)
{
	enum err_code rc = wl_transfers_read(w, e);

	*n = w->to_receive;
	return rc;
}

static enum err_code wl_overdue(struct wl_env *w, long *n, struct err *e)
{
	enum err_code rc = wl_transfers_read(w, e);

	*n = w->overdue;
	return rc;
}

static void wl_transfers_link(const struct wl_env *w, struct buf *b)
{
	(void)w;
	buf_adds(b, "/transfers");
}

/* ---- reviews --------------------------------------------------------------------------- */

struct wl_figs {
	int year;
	long on_roll, decided;
	int bad;
};

static int wl_fig(void *ctx, const struct fig_core_row *r)
{
	struct wl_figs *f = ctx;
	long s = fig_blob_sum(r->core, r->core_len, FIG_KEY(FD_STATUS, 0),
			      FIG_KEY(FD_STATUS, MS__COUNT - 1));
	long g = fig_blob_sum(r->core, r->core_len,
			      FIG_KEY(FD_MEMBER_GRADE, FIG_YG(f->year, 0)),
			      FIG_KEY(FD_MEMBER_GRADE, FIG_YG(f->year, FIG_GRADE_REVISION)));

	if (s < 0 || g < 0) {
		f->bad = 1;
		return 1;
	}
	f->on_roll += s;
	f->decided += g;
	return 0;
}

/* The members on the rolls of the subtree less the member reviews of the year decided there
 * (both from the figures' counters, kept by the store with every change). */
static enum err_code wl_reviews(struct wl_env *w, long *n, struct err *e)
{
	struct wl_figs f = {w->year, 0, 0, 0};

	*n = 0;
	if (store_fig_walk_core(w->a->st, w->pre, w->last, wl_fig, &f, e))
		return e->code;
	if (f.bad)
		return err_set(e, ERR_INTERNAL, "the figures' counters are damaged; run "
			       "'cadre figures check --rebuild'");
	*n = f.on_roll > f.decided ? f.on_roll - f.decided : 0;
	return ERR_OK;
}

static void wl_reviews_link(const struct wl_env *w, struct buf *b)
{
	buf_adds(b, "/orgs/");
	buf_adds(b, w->top); /* a code is of A-Z a-z 0-9 . _ - (org_code_check): safe in a URL */
	buf_printf(b, "/report/members?year=%d&filter=grade%%3Dnone", w->year);
}

/* ---- records with problems -------------------------------------------------------------- */

static enum err_code wl_clashes(struct wl_env *w, long *n, struct err *e)
{
	return store_member_clash_count(w->a->st, w->pre, w->last, n, e);
}

static void wl_clashes_link(const struct wl_env *w, struct buf *b)
{
	(void)w;
	buf_adds(b, "/worklist/number-clash");
}

/* ---- admissions ------------------------------------------------------------------------ */

/* app_adm_due_sel's first pass: each item counted from its deadline alone, none read whole. */
static int wl_adm(void *ctx, const struct admission *c)
{
	struct wl_env *w = ctx;
	int late = adm_overdue(c, w->a->today);

	switch (c->due_kind) {
	case DK_CEREMONY:
		w->adm_ceremony_late += late;
		break;
	case DK_RECOGNITION:
		if (late)
			w->adm_recognition_late++;
		else
			w->adm_recognition_due++;
		break;
	case DK_UPPER_DECISION:
	case DK_UPPER_RULING:
		w->adm_upper++;
		break;
	default:
		break;
	}
	return 0;
}

/* The due list of the subtree as of today, once for the four items: app_adm_due_sel counts
 * its items from the due indexes alone (admission_org_due_keys, member_probation), never
 * reading a case or the roll. */
static enum err_code wl_adm_read(struct wl_env *w, struct err *e)
{
	if (w->adm_read)
		return ERR_OK;
	w->adm_read = 1;
	return app_adm_due_sel(w->a, w->ac, w->top, DATE_NONE, wl_adm, NULL, w, e);
}

static enum err_code wl_adm_ceremony_late(struct wl_env *w, long *n, struct err *e)
{
	enum err_code rc = wl_adm_read(w, e);

	*n = w->adm_ceremony_late;
	return rc;
}

static enum err_code wl_adm_recognition_due(struct wl_env *w, long *n, struct err *e)
{
	enum err_code rc = wl_adm_read(w, e);

	*n = w->adm_recognition_due;
	return rc;
}

static enum err_code wl_adm_recognition_late(struct wl_env *w, long *n, struct err *e)
{
	enum err_code rc = wl_adm_read(w, e);

	*n = w->adm_recognition_late;
	return rc;
}

static enum err_code wl_adm_upper(struct wl_env *w, long *n, struct err *e)
{
	enum err_code rc = wl_adm_read(w, e);

	*n = w->adm_upper;
	return rc;
}

/* The due list of the subtree's top filtered to the item (the page's ?kind=). */
static void wl_adm_link(const struct wl_env *w, struct buf *b, const char *kind)
{
	buf_adds(b, "/admissions/due?org=");
	buf_adds(b, w->top); /* a code is URL-safe (org_code_check) */
	buf_adds(b, "&kind=");
	buf_adds(b, kind);
}

static void wl_adm_ceremony_link(const struct wl_env *w, struct buf *b)
{
	wl_adm_link(w, b, "ceremony_overdue");
}

static void wl_adm_recognition_due_link(const struct wl_env *w, struct buf *b)
{
	wl_adm_link(w, b, "recognition_due");
}

static void wl_adm_recognition_late_link(const struct wl_env *w, struct buf *b)
{
	wl_adm_link(w, b, "recognition_overdue");
}

static void wl_adm_upper_link(const struct wl_env *w, struct buf *b)
{
	wl_adm_link(w, b, "upper");
}

/* ---- meetings -------------------------------------------------------------------------- */

/* The meeting figures of the subtree (app_meet_fig.c: its cells and their meetings through
 * meeting_org) for the previous month (cells without their monthly meeting) and the
 * previous quarter (cells without a thematic meeting), and the members absent without
 * reason R-MEETING-ABSENT-MAX times this year. */
static enum err_code wl_meet_read(struct wl_env *w, struct err *e)
{
	struct meet_figures f;
	date_t t = w->a->today;
	int y, m, d, qm;

	if (w->meet_read)
		return ERR_OK;
	w->meet_read = 1;
	date_to_ymd(t, &y, &m, &d);
	w->meet_month = date_add_months(date_from_ymd(y, m, 1), -1);
	qm = (m - 1) / 3 * 3 + 1;
	w->meet_quarter = date_add_months(date_from_ymd(y, qm, 1), -3);
	if (app_meet_figures_range(w->a, w->pre, w->last, w->meet_month,
				   date_from_ymd(y, m, 1) - 1, MF_ABSENTEES, &f, NULL, NULL, e))
		return e->code;
	w->meet_monthly_missed = f.cells - f.cells_every_month;
	w->meet_absentees = f.absentees;
	if (app_meet_figures_range(w->a, w->pre, w->last, w->meet_quarter,
				   date_from_ymd(y, qm, 1) - 1, 0, &f, NULL, NULL, e))
		return e->code;
	w->meet_thematic_missed = f.cells_q - f.cells_every_quarter;
	/* The absentees of this year (the month before may be last year's). */
	if (m == 1 &&
	    app_meet_figures_range(w->a, w->pre, w->last, t, t, MF_ABSENTEES, &f, NULL, NULL,
				   e))
		return e->code;
	if (m == 1)
		w->meet_absentees = f.absentees;
	return ERR_OK;
}

static enum err_code wl_meet_monthly(struct wl_env *w, long *n, struct err *e)
{
	enum err_code rc = wl_meet_read(w, e);

	*n = w->meet_monthly_missed;
	return rc;
}

static enum err_code wl_meet_thematic(struct wl_env *w, long *n, struct err *e)
{
	enum err_code rc = wl_meet_read(w, e);

	*n = w->meet_thematic_missed;
	return rc;
}

static enum err_code wl_meet_absent(struct wl_env *w, long *n, struct err *e)
{
	enum err_code rc = wl_meet_read(w, e);

	*n = w->meet_absentees;
	return rc;
}

/* The figures' page of the subtree's top for a period, the cells that missed it. */
static void wl_meet_link(const struct wl_env *w, struct buf *b, date_t from, date_t to,
			 const char *show)
{
	char d1[DATE_STR], d2[DATE_STR];

	buf_adds(b, "/orgs/");
	buf_adds(b, w->top); /* a code is URL-safe (org_code_check) */
	buf_printf(b, "/meetings/figures?from=%s&to=%s&show=%s", date_format(from, d1),
		   date_format(to, d2), show);
}

static void wl_meet_monthly_link(const struct wl_env *w, struct buf *b)
{
	wl_meet_link(w, b, w->meet_month, date_add_months(w->meet_month, 1) - 1, "missed_monthly");
}

static void wl_meet_thematic_link(const struct wl_env *w, struct buf *b)
{
	wl_meet_link(w, b, w->meet_quarter, date_add_months(w->meet_quarter, 3) - 1,
		     "missed_thematic");
}

static void wl_meet_absent_link(const struct wl_env *w, struct buf *b)
{
	int y, m, d;

	date_to_ymd(w->a->today, &y, &m, &d);
	wl_meet_link(w, b, date_from_ymd(y, 1, 1), w->a->today, "absentees");
}

/* ---- key cadres ------------------------------------------------------------------------ */

static enum err_code wl_vacancies(struct wl_env *w, long *n, struct err *e)
{
	return app_vacancy_count(w->a, w->pre, w->last, n, e);
}

static void wl_vacancies_link(const struct wl_env *w, struct buf *b)
{
	buf_adds(b, "/orgs/");
	buf_adds(b, w->top); /* a code is URL-safe (org_code_check) */
	buf_adds(b, "/vacancies");
}

/* The holders of key posts without an own assessment of last year: only for an actor with the
 * personnel right (-1 otherwise: no item). */
static enum err_code wl_assessments(struct wl_env *w, long *n, struct err *e)
{
	return app_assessment_missing(w->a, w->ac, w->pre, w->last, n, e);
}

static void wl_assessments_link(const struct wl_env *w, struct buf *b)
{
	buf_adds(b, "/orgs/");
	buf_adds(b, w->top);
	buf_adds(b, "/assessments-due");
}

/* The key positions of the subtree short of planned successors in the current period
 * (docs/cadres.md "Planning"): for an actor with the personnel right, when a period covers
 * today. */
static int wl_plan_shown(struct wl_env *w)
{
	struct plan_period p;
	struct err tmp;
	int shown;

	err_init(&tmp);
	shown = app_personnel_check(w->a, w->ac, 0, &tmp) == ERR_OK &&
		store_plan_period_at(w->a->st, w->year, &p, &tmp) == ERR_OK;
	err_cleanup(&tmp);
	return shown;
}

static enum err_code wl_plan_short(struct wl_env *w, long *n, struct err *e)
{
	long positions, min;
	int has;

	return app_plan_counts(w->a, w->pre, w->last, &positions, n, NULL, &min, &has, e);
}

static void wl_plan_link(const struct wl_env *w, struct buf *b)
{
	buf_adds(b, "/orgs/");
	buf_adds(b, w->top);
	buf_adds(b, "/plan");
}

/* ---- inspection (docs/inspection.md "The footnote-7 report") ---------------------------- */

/* The four items of the inspection work, for an actor holding the inspection right only
 * (inspection records are confidential): cases open past their period, conclusions not yet
 * notified, complaints and denunciations open past their due date, reviews to revise after a
 * discipline. Each links to the list of the report's records with its filter. */
static int wl_insp_shown(struct wl_env *w)
{
	struct err tmp;
	int shown;

	err_init(&tmp);
	shown = app_inspection_check(w->a, w->ac, 0, &tmp) == ERR_OK;
	err_cleanup(&tmp);
	return shown;
}

static enum err_code wl_insp_read(struct wl_env *w, struct err *e)
{
	if (w->insp_read)
		return ERR_OK;
	w->insp_read = 1;
	return app_insp_fig_work(w->a, w->ac, w->pre, w->last, &w->insp, e);
}

static enum err_code wl_insp_late(struct wl_env *w, long *n, struct err *e)
{
	enum err_code rc = wl_insp_read(w, e);

	*n = w->insp.cases_late;
	return rc;
}

static enum err_code wl_insp_notice(struct wl_env *w, long *n, struct err *e)
{
	enum err_code rc = wl_insp_read(w, e);

	*n = w->insp.notice_due;
	return rc;
}

static enum err_code wl_insp_complaints(struct wl_env *w, long *n, struct err *e)
{
	enum err_code rc = wl_insp_read(w, e);

	*n = w->insp.complaints_due;
	return rc;
}

static enum err_code wl_insp_revise(struct wl_env *w, long *n, struct err *e)
{
	enum err_code rc = wl_insp_read(w, e);

	*n = w->insp.reviews_to_revise;
	return rc;
}

static void wl_insp_link(const struct wl_env *w, struct buf *b, const char *what)
{
	buf_adds(b, "/orgs/");
	buf_adds(b, w->top);
	buf_adds(b, "/inspection-report/list?what=");
	buf_adds(b, what);
}

static void wl_insp_late_link(const struct wl_env *w, struct buf *b)
{
	wl_insp_link(w, b, "late");
}

static void wl_insp_notice_link(const struct wl_env *w, struct buf *b)
{
	wl_insp_link(w, b, "notice");
}

static void wl_insp_complaints_link(const struct wl_env *w, struct buf *b)
{
	wl_insp_link(w, b, "complaints&stage=overdue");
}

static void wl_insp_revise_link(const struct wl_env *w, struct buf *b)
{
	wl_insp_link(w, b, "revisions");
}

/* ---- the table ------------------------------------------------------------------------- */

static const struct wl_provider providers[] = {
	{"transfers_to_receive", "Transfers to receive", wl_to_receive, wl_transfers_link, NULL},
	{"transfers_overdue", "Overdue transfers", wl_overdue, wl_transfers_link, NULL},
	{"reviews_undecided", "Members not yet reviewed for the year", wl_reviews,
	 wl_reviews_link, NULL},
	{"members_number_clash", "Members whose numbers clash with another member's",
	 wl_clashes, wl_clashes_link, NULL},
	{"adm_ceremony_late", "Admission ceremonies not held in time",
	 wl_adm_ceremony_late, wl_adm_ceremony_link, NULL},
	{"adm_recognition_due", "Recognition votes due within 30 working days",
	 wl_adm_recognition_due, wl_adm_recognition_due_link, NULL},
	{"adm_recognition_late", "Recognition votes overdue", wl_adm_recognition_late,
	 wl_adm_recognition_late_link, NULL},
	{"adm_upper_awaited", "Admission cases awaiting the committee above", wl_adm_upper,
	 wl_adm_upper_link, NULL},
	{"meet_monthly_missed", "Cells without last month's monthly meeting",
	 wl_meet_monthly, wl_meet_monthly_link, NULL},
	{"meet_thematic_missed", "Cells without a thematic meeting last quarter",
	 wl_meet_thematic, wl_meet_thematic_link, NULL},
	{"meet_absentees", "Members absent without reason too often",
	 wl_meet_absent, wl_meet_absent_link, NULL},
	{"cadre_vacancies", "Key posts vacant or acting, committees short",
	 wl_vacancies, wl_vacancies_link, NULL},
	{"cadre_assessments_missing", "Key cadres without their own assessment of last year",
	 wl_assessments, wl_assessments_link, NULL},
	{"plan_short", "Key posts short of planned successors", wl_plan_short, wl_plan_link,
	 wl_plan_shown},
	{"insp_cases_late", "Inspection cases open past their period", wl_insp_late,
	 wl_insp_late_link, wl_insp_shown},
	{"insp_notice_due", "Inspection conclusions not yet notified", wl_insp_notice,
	 wl_insp_notice_link, wl_insp_shown},
	{"complaints_due", "Complaints and denunciations past their due date",
	 wl_insp_complaints, wl_insp_complaints_link, wl_insp_shown},
	{"reviews_to_revise", "Reviews to revise after a discipline", wl_insp_revise,
	 wl_insp_revise_link, wl_insp_shown},
};

/* The organisation at the top of [pre, last]: the first in pre-order. */
static int wl_top(void *ctx, const struct org *o)
{
	struct worklist *w = ctx;

	snprintf(w->top, sizeof w->top, "%s", o->code);
	snprintf(w->top_name, sizeof w->top_name, "%s", o->name);
	return 1;
}

enum err_code app_worklist(struct app *a, const struct actor *ac, int year, struct worklist *w,
			   struct err *e)
{
	struct wl_env env;
	size_t i;
	int y, m, d;

	memset(w, 0, sizeof *w);
	memset(&env, 0, sizeof env);
	date_to_ymd(a->today, &y, &m, &d);
	w->year = year > 0 ? year : y;
	if (app_scope(a, ac, &env.pre, &env.last, e))
		return e->code;
	if (store_org_walk(a->st, env.pre, env.last, -1, wl_top, w, e))
		return e->code;
	env.a = a;
	env.ac = ac;
	env.year = w->year;
	env.top = w->top;
	for (i = 0; i < sizeof providers / sizeof providers[0] && i < WORKLIST_MAX; i++) {
		const struct wl_provider *p = &providers[i];
		struct worklist_item *it;
		struct buf b;

		if (p->shown && !p->shown(&env))
			continue;
		it = &w->items[w->n++];
		it->id = p->id;
		it->title = p->title;
		if (p->count(&env, &it->count, e))
			return e->code;
		if (it->count < 0) { /* not for this actor (a right it lacks) */
			w->n--;
			continue;
		}
		buf_init(&b, 0);
		p->link(&env, &b);
		snprintf(it->link, sizeof it->link, "%s", buf_str(&b));
		buf_cleanup(&b);
	}
	return ERR_OK;
}

enum err_code app_worklist_of(struct app *a, const struct actor *ac, const char *org_code,
			      int year, struct worklist *w, struct err *e)
{
	struct actor narrow;
	struct org o;

	if (!org_code || !org_code[0])
		return app_worklist(a, ac, year, w, e);
	if (app_org_get(a, ac, org_code, &o, e))
		return e->code;
	if (o.dissolved != DATE_NONE)
		return err_add(e, ERR_NOTFOUND, 0, "org", org_code, NULL,
			       "organisation %s is dissolved: it has no work waiting", org_code);
	/* The subtree asked for lies within the actor's scope: the same actor, narrowed. */
	narrow = *ac;
	snprintf(narrow.scope_code, sizeof narrow.scope_code, "%s", o.code);
	return app_worklist(a, &narrow, year, w, e);
}

/* ---- the list behind the records with problems ------------------------------------------ */

struct wl_page {
	store_member_cb cb;
	void *ctx;
	long limit, n;
	int more;
};

static int wl_page_row(void *ctx, const struct member *m)
{
	struct wl_page *p = ctx;

	if (p->n >= p->limit) {
		p->more = 1;
		return 1;
	}
	p->n++;
	return p->cb(p->ctx, m);
}

enum err_code app_worklist_clashes(struct app *a, const struct actor *ac, long offset,
				   long limit, store_member_cb cb, void *ctx, int *more,
				   struct err *e)
{
	struct wl_page p = {cb, ctx, limit, 0, 0};
	long pre, last;

	if (app_scope(a, ac, &pre, &last, e) ||
	    store_member_clash_list(a->st, pre, last, offset, limit + 1, wl_page_row, &p, e))
		return e->code;
	if (more)
		*more = p.more;
	return app_audit_bulk(a, ac, "members.number_clash", NULL, p.n, NULL, NULL, e);
}
