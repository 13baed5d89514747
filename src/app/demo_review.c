/* demo_review.c - the demo's yearly reviews (DOMAIN §6): three years of decisions for every
 * member and every organisation from the grassroots down, with a few discipline records, so
 * that a new user sees the figures, the charts and the trend at once. Deterministic (its own
 * random sequence), and every decision goes through the same app functions and rules as a
 * user's. Grades follow seed 004's shares: about 18% of members excellent (never over
 * R-REVIEW-EXCELLENT-QUOTA), most good, a few complete or not complete. */
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "../lib/rng.h"
#include "app_int.h"
#include "app_report.h"

#define DEMO_REVIEW_SEED 0x5245564945573235ULL /* "REVIEW25" */
#define FIRST_YEAR 2023
#define LAST_YEAR 2025

struct d_org {
	char code[ORG_CODE_MAX + 1];
	long pre, last;
	int depth, grassroots;
};

struct orgs {
	struct d_org *v;
	size_t n, cap;
};

static int org_seen(void *ctx, const struct fig_org *o)
{
	struct orgs *s = ctx;

	if (o->dissolved != DATE_NONE)
		return 0;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 1024;
		s->v = xrealloc(s->v, s->cap * sizeof *s->v);
	}
	memset(&s->v[s->n], 0, sizeof s->v[0]);
	snprintf(s->v[s->n].code, sizeof s->v[0].code, "%s", o->code);
	s->v[s->n].pre = o->pre;
	s->v[s->n].last = o->last;
	s->v[s->n].depth = o->depth;
	s->v[s->n].grassroots = o->grassroots;
	s->n++;
	return 0;
}

struct roll {
	struct review_in *v;
	size_t n, cap;
	int year;
	int64_t *disciplined;
	size_t ndisc;
};

static int on_roll(void *ctx, const struct member *m)
{
	struct roll *r = ctx;
	int y, mo, d;

	date_to_ymd(m->admission_decision_date, &y, &mo, &d);
	if (m->temp_org_id || y > r->year)
		return 0; /* hosted here, or not yet a member that year */
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->v = xrealloc(r->v, r->cap * sizeof *r->v);
	}
	memset(&r->v[r->n], 0, sizeof r->v[0]);
	r->v[r->n].member_id = m->id;
	r->n++;
	return 0;
}

static int was_disciplined(const struct roll *r, int64_t id)
{
	size_t i;

	for (i = 0; i < r->ndisc; i++)
		if (r->disciplined[i] == id)
			return 1;
	return 0;
}

/* Grade one grassroots organisation's members for a year. */
static enum err_code grade_members(struct app *a, const struct actor *ac, struct rng *rg,
				   struct roll *r, const char *code, struct err *e)
{
	size_t i, good = 0, excellent;

	r->n = 0;
	if (app_member_list(a, ac, code, DATE_NONE, 0, -1, on_roll, r, e))
		return e->code;
	for (i = 0; i < r->n; i++) {
		unsigned u = (unsigned)rng_range(rg, 0, 999);
		struct review_in *v = &r->v[i];

		v->year = r->year;
		v->step = RS_DECISION;
		v->score = -1;
		v->date = date_from_ymd(r->year, 12, 20);
		v->grade = u < 15 ? G_NOT_COMPLETE : u < 85 ? G_COMPLETE : G_GOOD;
		if (r->year == LAST_YEAR && was_disciplined(r, v->member_id))
			v->grade = G_NOT_COMPLETE;
		good += v->grade == G_GOOD;
	}
	/* About 18% of all excellent, within the quota: at most 20% of those good or better,
	 * which the excellent ones still are. */
	excellent = r->n * 18 / 100;
	if (excellent > good / 5)
		excellent = good / 5;
	for (i = 0; i < r->n && excellent; i++)
		if (r->v[i].grade == G_GOOD && rng_range(rg, 0, 99) < 40) {
			r->v[i].grade = G_EXCELLENT;
			excellent--;
		}
	return r->n ? app_review_members(a, ac, r->v, r->n, e) : ERR_OK;
}

/* Grade an organisation: the best the rules allow of a drawn grade. */
static enum err_code grade_org(struct app *a, const struct actor *ac, struct rng *rg,
			       const char *code, int year, struct err *e)
{
	struct review_in r;
	unsigned u = (unsigned)rng_range(rg, 0, 99);
	int g;

	memset(&r, 0, sizeof r);
	snprintf(r.org_code, sizeof r.org_code, "%s", code);
	r.year = year;
	r.step = RS_DECISION;
	r.score = -1;
	r.date = date_from_ymd(year, 12, 28);
	for (g = u < 20 ? G_EXCELLENT : u < 94 ? G_GOOD : G_COMPLETE; g < G__COUNT; g++) {
		struct err one;
		enum err_code rc;

		err_init(&one);
		r.grade = (enum grade)g;
		rc = app_review_org(a, ac, &r, &one);
		if (rc != ERR_RULE) {
			err_merge(e, &one);
			err_cleanup(&one);
			return rc;
		}
		err_cleanup(&one);
	}
	return ERR_OK;
}

/* A few members reprimanded during the last year, before its reviews. */
static enum err_code discipline(struct app *a, const struct actor *ac, struct rng *rg,
				const struct orgs *os, struct roll *r, struct err *e)
{
	size_t i, tries;
	struct member m;

	for (tries = 0; tries < 400 && r->ndisc < 24; tries++) {
		const struct d_org *o = &os->v[rng_range(rg, 0, (long)os->n - 1)];
		struct discipline_in d;

		if (!o->grassroots)
			continue;
		r->n = 0;
		r->year = LAST_YEAR;
		if (app_member_list(a, ac, o->code, DATE_NONE, 0, -1, on_roll, r, e))
			return e->code;
		if (!r->n)
			continue;
		memset(&d, 0, sizeof d);
		d.member_id = r->v[rng_range(rg, 0, (long)r->n - 1)].member_id;
		for (i = 0; i < r->ndisc; i++)
			if (r->disciplined[i] == d.member_id)
				d.member_id = 0;
		if (!d.member_id)
			continue;
		d.form = rng_range(rg, 0, 3) ? DF_REPRIMAND : DF_WARNING;
		d.date = date_from_ymd(LAST_YEAR, 3 + (int)rng_range(rg, 0, 7), 10);
		/* The act some weeks before the decision, while a member (R-DISCIPLINE-LIMITATION
		 * and the dates: docs/inspection.md "Discipline"). */
		d.act_date = d.date - 20 - (date_t)rng_range(rg, 0, 40);
		if (app_member_get(a, ac, d.member_id, &m, e))
			return e->code;
		if (m.admission_decision_date == DATE_NONE || m.admission_decision_date > d.act_date)
			continue;
		snprintf(d.decision_no, sizeof d.decision_no, "%d-QĐ/ĐU", (int)r->ndisc + 11);
		/* the grassroots committee decides reprimand and warning (R-DISCIPLINE-AUTHORITY) */
		snprintf(d.body, sizeof d.body, "%s", o->code);
		snprintf(d.reason, sizeof d.reason, "%s",
			 d.form == DF_REPRIMAND ? "vắng sinh hoạt chi bộ nhiều lần không lý do"
						: "vi phạm quy định quản lý vũ khí");
		if (app_discipline_add(a, ac, &d, NULL, e))
			return e->code;
		r->disciplined = xrealloc(r->disciplined, (r->ndisc + 1) * sizeof *r->disciplined);
		r->disciplined[r->ndisc++] = d.member_id;
	}
	return ERR_OK;
}

enum err_code demo_reviews(struct app *a, const struct actor *ac, struct err *e)
{
	struct orgs os;
	struct roll r;
	struct rng rg;
	int year;
	size_t i;
	enum err_code rc = ERR_OK;

	memset(&os, 0, sizeof os);
	memset(&r, 0, sizeof r);
	rng_seed(&rg, DEMO_REVIEW_SEED);
	if ((rc = store_fig_walk(a->st, 1, 1L << 40, 0, org_seen, &os, e)))
		goto out;
	if ((rc = discipline(a, ac, &rg, &os, &r, e)))
		goto out;
	for (year = FIRST_YEAR; year <= LAST_YEAR && !rc; year++) {
		r.year = year;
		for (i = 0; i < os.n && !rc; i++)
			if (os.v[i].grassroots)
				rc = grade_members(a, ac, &rg, &r, os.v[i].code, e);
		/* Organisations from the grassroots down, sub-units before the units they
		 * make up (the grade of a committee rests on theirs). */
		for (i = os.n; i-- > 0 && !rc;) {
			long j, inside = 0;

			for (j = 0; j < (long)os.n && !inside; j++)
				inside = os.v[j].grassroots && os.v[j].pre <= os.v[i].pre &&
					 os.v[i].pre <= os.v[j].last;
			if (inside)
				rc = grade_org(a, ac, &rg, os.v[i].code, year, e);
		}
	}
out:
	free(os.v);
	free(r.v);
	free(r.disciplined);
	return rc;
}
