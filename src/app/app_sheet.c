/* app_sheet.c - the cadre's own yearly assessment (in revisions) and the cadre's sheet
 * (app_sheet.h, docs/cadres.md "The cadre's sheet and assessment"). The sheet is one read
 * per part, each by an index on the member, and one audit entry. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/text.h"
#include "../lib/mem.h"
#include "../store/store_training.h"
#include "app_int.h"
#include "app_sheet.h"
#include "app_training.h"

/* ---- assessments ----------------------------------------------------------------------- */

static char *assessment_text(const struct assessment *x)
{
	return app_json("{s:I,s:i,s:i,s:I,s:i,s:s,s:s,s:s}", "id", (json_int_t)x->id, "year",
			x->year, "revision", x->revision, "position_id", (json_int_t)x->position_id,
			"health", x->health, "self_text", x->self_text, "strengths", x->strengths,
			"weaknesses", x->weaknesses);
}

json_t *app_assessment_json(const struct assessment *x)
{
	char pos[ORG_CODE_MAX + CADRE_KIND_MAX + 2];

	snprintf(pos, sizeof pos, "%s:%s", x->pos_org_code, x->pos_kind);
	return json_pack("{s:I,s:I,s:i,s:i,s:b,s:o,s:o,s:o,s:s,s:s,s:s,s:s,s:s}", "id",
			 (json_int_t)x->id, "member_id", (json_int_t)x->member_id, "year", x->year,
			 "revision", x->revision, "current", x->current, "position_id",
			 x->position_id ? json_integer(x->position_id) : json_null(), "position",
			 x->position_id ? json_string(pos) : json_null(), "health",
			 x->health ? json_integer(x->health) : json_null(), "self_text",
			 x->self_text, "strengths", x->strengths, "weaknesses", x->weaknesses,
			 "recorded_by", x->recorded_by, "recorded_at", x->recorded_at);
}

/* member_id in the actor's subtree, with the personnel right over its roll. */
static enum err_code member_for(struct app *a, const struct actor *ac, int64_t member_id,
				struct member *m, struct err *e)
{
	if (app_personnel_check(a, ac, 0, e) || app_member_get(a, ac, member_id, m, e))
		return e->code;
	return app_personnel_check(a, ac, m->org_id, e);
}

/* A whole number from text (-1 when not one, or out of [lo, hi]). */
static long whole(const char *v, long lo, long hi)
{
	char *end;
	long n;

	if (!v || !v[0])
		return -1;
	n = strtol(v, &end, 10);
	return *end || n < lo || n > hi ? -1 : n;
}

struct pick {
	date_t first, last;   /* the year's first and last days */
	int64_t want;         /* a position asked for (0: pick one) */
	int64_t found;        /* the position picked */
	int found_key, found_open;
};

/* A holding overlapping the year: the one asked for, else the best (held at the year's end,
 * key) one. */
static int pick_post(void *ctx, const struct sheet_post *p)
{
	struct pick *k = ctx;
	int open = p->to == DATE_NONE || p->to > k->last;

	if (p->to != DATE_NONE && p->to <= k->first)
		return 0;
	if (k->want) {
		if (p->position_id == k->want)
			k->found = p->position_id;
		return 0;
	}
	if (!k->found || open > k->found_open ||
	    (open == k->found_open && p->is_key >= k->found_key)) {
		k->found = p->position_id;
		k->found_key = p->is_key;
		k->found_open = open;
	}
	return 0;
}

/* Check in into x (every problem at once); the position as the holdings say. */
static enum err_code assessment_apply(struct app *a, const struct member *m,
				      const struct assessment_input *in, struct assessment *x,
				      struct err *e)
{
	int y, mo, d;
	long year, health = 0;
	struct pick k;

	memset(x, 0, sizeof *x);
	x->member_id = m->id;
	date_to_ymd(a->today, &y, &mo, &d);
	year = whole(in->year, 1945, y);
	if (year < 0)
		err_add(e, ERR_INPUT, 0, "year", in->year, NULL,
			"give the year assessed, from 1945 to %d", y);
	if (in->health && in->health[0] && (health = whole(in->health, 1, 6)) < 0)
		err_add(e, ERR_INPUT, 0, "health", in->health, NULL,
			"the health class is a number from 1 (best) to 6; leave it empty when "
			"not known");
	if (!in->self_text || !in->self_text[0])
		err_add(e, ERR_INPUT, 0, "self_text", NULL, NULL,
			"give the cadre's own assessment in post");
	else
		text_accept(in->self_text, ASSESS_TEXT_MAX, TEXT_LINES, x->self_text,
			    sizeof x->self_text, e, 0, "self_text", "the own assessment");
	if (in->strengths)
		text_accept(in->strengths, ASSESS_NOTE_MAX, TEXT_LINES, x->strengths,
			    sizeof x->strengths, e, 0, "strengths", "the strengths");
	if (in->weaknesses)
		text_accept(in->weaknesses, ASSESS_NOTE_MAX, TEXT_LINES, x->weaknesses,
			    sizeof x->weaknesses, e, 0, "weaknesses", "the weaknesses");
	memset(&k, 0, sizeof k);
	if (in->position && in->position[0] &&
	    (k.want = (int64_t)whole(in->position, 1, 0x7fffffffL)) < 0)
		err_add(e, ERR_INPUT, 0, "position", in->position, NULL,
			"the position is a position's id; leave it empty to take the one held at "
			"the year's end");
	if (e->code)
		return e->code;
	x->year = (int)year;
	x->health = (int)health;
	k.first = date_from_ymd(x->year, 1, 1);
	k.last = date_from_ymd(x->year, 12, 31);
	if (store_sheet_posts(a->st, m->id, k.last, pick_post, &k, e))
		return e->code;
	if (k.want && !k.found)
		return err_add(e, ERR_INPUT, 0, "position", in->position, NULL,
			       "member %lld did not hold position %s in %d; give a position held "
			       "that year or none", (long long)m->id, in->position, x->year);
	x->position_id = k.found;
	return ERR_OK;
}

enum err_code app_assessment_store(struct app *a, const struct actor *ac, const struct member *m,
				   const struct assessment_input *in, struct assessment *x,
				   struct err *e)
{
	if (assessment_apply(a, m, in, x, e))
		return e->code;
	return store_assessment_insert(a->st, x, ac->name, e);
}

static int keep_current(void *ctx, const struct assessment *x)
{
	struct assessment *out = ctx;

	if (x->current)
		*out = *x;
	return 1;
}

enum err_code app_assessment_add(struct app *a, const struct actor *ac, int64_t member_id,
				 const struct assessment_input *in, struct assessment *out,
				 struct err *e)
{
	struct assessment *x = xmalloc(sizeof *x), *old = xmalloc(sizeof *old);
	struct member m;
	char subject[48], *before = NULL, *after = NULL;
	enum err_code rc;

	if (app_personnel_check(a, ac, 0, e) || app_can_edit(ac, e)) {
		rc = e->code;
		goto done;
	}
	if ((rc = app_begin(a, e)))
		goto done;
	if ((rc = member_for(a, ac, member_id, &m, e)) ||
	    (rc = assessment_apply(a, &m, in, x, e)))
		goto out;
	old->id = 0;
	if ((rc = store_assessments(a->st, m.id, 0, x->year, keep_current, old, e)))
		goto out;
	if (old->id && old->year == x->year)
		before = assessment_text(old);
	if ((rc = store_assessment_insert(a->st, x, ac->name, e)))
		goto out;
	after = assessment_text(x);
	snprintf(subject, sizeof subject, "member:%lld", (long long)m.id);
	rc = app_audit(a, ac, "assessment.add", subject, m.org_id, before, after, e);
out:
	free(before);
	free(after);
	rc = app_end(a, rc, e);
	if (!rc && out)
		rc = store_assessment_get(a->st, x->id, out, e);
done:
	free(x);
	free(old);
	return rc;
}

enum err_code app_assessment_get(struct app *a, const struct actor *ac, int64_t id,
				 struct assessment *out, struct err *e)
{
	struct member m;
	struct err tmp;
	char subject[48];

	if (app_personnel_check(a, ac, 0, e))
		return e->code;
	err_init(&tmp);
	if (store_assessment_get(a->st, id, out, &tmp) ||
	    app_member_get(a, ac, out->member_id, &m, &tmp)) {
		enum err_code rc = tmp.code;

		if (rc == ERR_STORAGE)
			err_merge(e, &tmp);
		err_cleanup(&tmp);
		if (rc == ERR_STORAGE)
			return e->code;
		return err_add(e, ERR_NOTFOUND, 0, "id", NULL, NULL,
			       "no assessment has the id %lld within your scope", (long long)id);
	}
	err_cleanup(&tmp);
	if (app_personnel_check(a, ac, m.org_id, e))
		return e->code;
	snprintf(subject, sizeof subject, "member:%lld", (long long)m.id);
	return app_audit_read(a, ac, "assessment.read", subject, m.org_id, e);
}

enum err_code app_assessments(struct app *a, const struct actor *ac, int64_t member_id, int all,
			      store_assessment_cb cb, void *ctx, struct err *e)
{
	struct member m;
	char subject[48];

	if (member_for(a, ac, member_id, &m, e))
		return e->code;
	if (store_assessments(a->st, m.id, all, 0, cb, ctx, e))
		return e->code;
	snprintf(subject, sizeof subject, "member:%lld", (long long)m.id);
	return app_audit_read(a, ac, "assessment.list", subject, m.org_id, e);
}

enum err_code app_assessment_missing(struct app *a, const struct actor *ac, long pre, long last,
				     long *n, struct err *e)
{
	struct err tmp;
	int y, mo, d, may;

	err_init(&tmp);
	may = app_personnel_check(a, ac, 0, &tmp) == ERR_OK;
	err_cleanup(&tmp);
	if (!may) {
		*n = -1;
		return ERR_OK;
	}
	date_to_ymd(a->today, &y, &mo, &d);
	return store_assessment_missing(a->st, pre, last, a->today, y - 1, n, e);
}

enum err_code app_assessments_due(struct app *a, const struct actor *ac, const char *org_code,
				  int year, store_key_holder_cb cb, void *ctx, int *year_out,
				  struct err *e)
{
	long pre, last;
	struct org o;
	int y, mo, d;

	if (app_personnel_check(a, ac, 0, e))
		return e->code;
	if (org_code && org_code[0]) {
		if (app_org_get(a, ac, org_code, &o, e) ||
		    app_personnel_check(a, ac, o.id, e))
			return e->code;
		pre = o.pre;
		last = o.last;
	} else if (app_scope(a, ac, &pre, &last, e)) {
		return e->code;
	}
	date_to_ymd(a->today, &y, &mo, &d);
	if (!year)
		year = y - 1;
	if (year_out)
		*year_out = year;
	return store_key_holders(a->st, pre, last, a->today, year, 1, cb, ctx, e);
}

/* ---- the sheet ------------------------------------------------------------------------- */

/* Append one element of size sz to *arr (of *n). */
static void *grow(void *arr, size_t *n, size_t sz, const void *elem)
{
	char *p = xrealloc(arr, (*n + 1) * sz);

	memcpy(p + *n * sz, elem, sz);
	(*n)++;
	return p;
}

static int take_post(void *ctx, const struct sheet_post *p)
{
	struct cadre_sheet *s = ctx;

	s->posts = grow(s->posts, &s->nposts, sizeof *p, p);
	return 0;
}

static int take_seat(void *ctx, const struct sheet_seat *c)
{
	struct cadre_sheet *s = ctx;

	s->seats = grow(s->seats, &s->nseats, sizeof *c, c);
	return 0;
}

static int take_plan(void *ctx, const struct sheet_plan *p)
{
	struct cadre_sheet *s = ctx;

	s->plans = grow(s->plans, &s->nplans, sizeof *p, p);
	return 0;
}

static int take_training(void *ctx, const struct training *t)
{
	struct cadre_sheet *s = ctx;

	s->training = grow(s->training, &s->ntraining, sizeof *t, t);
	return 0;
}

static int take_review(void *ctx, const struct sheet_review *r)
{
	struct cadre_sheet *s = ctx;
	int i = r->year - s->years[0].year;

	if (i >= 0 && i < SHEET_YEARS) {
		snprintf(s->years[i].grade, sizeof s->years[i].grade, "%s", r->grade);
		snprintf(s->years[i].step, sizeof s->years[i].step, "%s", r->step);
	}
	return 0;
}

/* The current assessments, newest first: into their years, and the latest health class. */
static int take_assessment(void *ctx, const struct assessment *x)
{
	struct cadre_sheet *s = ctx;
	int i = x->year - s->years[0].year;

	if (x->health && !s->health) {
		s->health = x->health;
		s->health_year = x->year;
	}
	if (i >= 0 && i < SHEET_YEARS) {
		s->assessments[i] = *x;
		s->years[i].assessment = &s->assessments[i];
		s->years[i].has_assessment = 1;
	}
	/* Older rows matter only while no health class was found. */
	return i < 0 && s->health;
}

enum err_code app_cadre_sheet(struct app *a, const struct actor *ac, int64_t member_id,
			      date_t as_of, struct cadre_sheet *s, struct err *e)
{
	struct training_filter f;
	struct org o;
	char subject[48];
	int y, mo, d, last, i;

	memset(s, 0, sizeof *s);
	s->as_of = as_of == DATE_NONE ? a->today : as_of;
	if (member_for(a, ac, member_id, &s->m, e))
		return e->code;
	if (store_org_by_id(a->st, s->m.org_id, &o, e))
		return e->code;
	snprintf(s->org_name, sizeof s->org_name, "%s", o.name);
	s->age = s->m.birth_date == DATE_NONE ? -1
					      : date_years_between(s->m.birth_date, s->as_of);
	date_to_ymd(s->as_of, &y, &mo, &d);
	if (store_sheet_last_year(a->st, s->m.id, y, &last, e))
		return e->code;
	if (!last)
		last = y - 1;
	for (i = 0; i < SHEET_YEARS; i++)
		s->years[i].year = last - SHEET_YEARS + 1 + i;
	s->assessments = xcalloc(SHEET_YEARS, sizeof *s->assessments);
	memset(&f, 0, sizeof f);
	f.member_id = s->m.id;
	f.from = DATE_NONE;
	f.to = s->as_of;
	f.kind = -1;
	if (store_sheet_posts(a->st, s->m.id, s->as_of, take_post, s, e) ||
	    store_sheet_seats(a->st, s->m.id, s->as_of, take_seat, s, e) ||
	    store_sheet_plans(a->st, s->m.id, y, take_plan, s, e) ||
	    store_training_walk(a->st, &f, take_training, s, e) ||
	    store_sheet_reviews(a->st, s->m.id, s->years[0].year, last, take_review, s, e) ||
	    store_assessments(a->st, s->m.id, 0, y, take_assessment, s, e))
		return e->code;
	snprintf(subject, sizeof subject, "member:%lld", (long long)s->m.id);
	return app_audit_read(a, ac, "cadre.sheet", subject, s->m.org_id, e);
}

void app_cadre_sheet_cleanup(struct cadre_sheet *s)
{
	free(s->posts);
	free(s->seats);
	free(s->plans);
	free(s->training);
	free(s->assessments);
	memset(s, 0, sizeof *s);
}

static json_t *date_or_null(date_t d)
{
	char b[DATE_STR];

	return d == DATE_NONE ? json_null() : json_string(date_format(d, b));
}

static json_t *post_json(const struct sheet_post *p)
{
	return json_pack("{s:I,s:I,s:s,s:s,s:s,s:s,s:s,s:b,s:b,s:o,s:o,s:s,s:s,s:s,s:b,s:b}",
			 "holding_id", (json_int_t)p->holding_id, "position_id",
			 (json_int_t)p->position_id, "kind", p->kind, "kind_vi", p->kind_vi,
			 "kind_en", p->kind_en, "org", p->org_code, "org_name", p->org_name,
			 "key", p->is_key, "acting", p->acting, "from", date_or_null(p->from), "to",
			 date_or_null(p->to), "how", p->how, "decision", p->decision, "end_how",
			 p->end_how, "to_difficult", p->to_difficult, "to_border", p->to_border);
}

/* The holding s->posts[] with id (NULL when not on the sheet). */
static const struct sheet_post *post_by_id(const struct cadre_sheet *s, int64_t id)
{
	size_t i;

	for (i = 0; id && i < s->nposts; i++)
		if (s->posts[i].holding_id == id)
			return &s->posts[i];
	return NULL;
}

json_t *app_cadre_sheet_json(const struct cadre_sheet *s)
{
	const struct member *m = &s->m;
	json_t *j, *arr;
	size_t i;

	j = json_pack("{s:o,s:{s:I,s:s,s:o,s:o,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:o,s:o,"
		      "s:o,s:s,s:s,s:s}}",
		      "as_of", date_or_null(s->as_of), "member", "id", (json_int_t)m->id,
		      "full_name", m->full_name, "birth_date", date_or_null(m->birth_date), "age",
		      s->age < 0 ? json_null() : json_integer(s->age), "sex", m->sex, "ethnicity",
		      m->ethnicity, "religion", m->religion, "hometown", m->hometown, "rank",
		      m->rank, "education", m->education, "theory_level", m->theory_level,
		      "category", m->category, "post", m->post, "admitted",
		      date_or_null(m->admission_decision_date), "ceremony",
		      date_or_null(m->admission_ceremony_date), "official",
		      date_or_null(m->official_date), "status", member_status_name(m->status),
		      "org", m->org_code, "org_name", s->org_name);
	if (!j)
		return NULL;
	arr = json_array();
	for (i = 0; i < s->nposts; i++)
		json_array_append_new(arr, post_json(&s->posts[i]));
	json_object_set_new(j, "positions", arr);
	arr = json_array();
	for (i = 0; i < s->nposts; i++) {
		const struct sheet_post *p = &s->posts[i], *prev;
		json_t *r;

		if (strcmp(p->how, "rotate"))
			continue;
		r = post_json(p);
		prev = post_by_id(s, p->prev_holding_id);
		json_object_set_new(r, "from_org", prev ? json_string(prev->org_code) : json_null());
		json_object_set_new(r, "from_kind", prev ? json_string(prev->kind) : json_null());
		json_array_append_new(arr, r);
	}
	json_object_set_new(j, "rotations", arr);
	arr = json_array();
	for (i = 0; i < s->nseats; i++) {
		const struct sheet_seat *c = &s->seats[i];

		json_array_append_new(arr, json_pack("{s:I,s:s,s:s,s:o,s:o,s:s,s:o,s:o,s:s}",
						     "committee_id", (json_int_t)c->committee_id,
						     "org", c->org_code, "org_name", c->org_name,
						     "term_start", date_or_null(c->term_start),
						     "term_end", date_or_null(c->term_end), "role",
						     c->role, "from", date_or_null(c->from), "to",
						     date_or_null(c->to), "how", c->how));
	}
	json_object_set_new(j, "committees", arr);
	arr = json_array();
	for (i = 0; i < s->nplans; i++) {
		const struct sheet_plan *p = &s->plans[i];

		json_array_append_new(arr, json_pack("{s:s,s:i,s:i,s:I,s:s,s:s,s:s,s:s,s:s,s:i,s:i}",
						     "period", p->period, "from_year", p->from_year,
						     "to_year", p->to_year, "position_id",
						     (json_int_t)p->position_id, "kind", p->kind,
						     "kind_vi", p->kind_vi, "kind_en", p->kind_en,
						     "org", p->org_code, "org_name", p->org_name,
						     "rank", p->rank, "since_version",
						     p->from_version));
	}
	json_object_set_new(j, "plans", arr);
	arr = json_array();
	for (i = 0; i < s->ntraining; i++)
		json_array_append_new(arr, app_training_json(&s->training[i]));
	json_object_set_new(j, "training", arr);
	arr = json_array();
	for (i = 0; i < SHEET_YEARS; i++) {
		const struct sheet_year *y = &s->years[i];

		json_array_append_new(
			arr, json_pack("{s:i,s:o,s:b,s:o}", "year", y->year, "grade",
				       y->grade[0] ? json_string(y->grade) : json_null(), "decided",
				       !strcmp(y->step, "decision"), "assessment",
				       y->assessment ? app_assessment_json(y->assessment)
						     : json_null()));
	}
	json_object_set_new(j, "years", arr);
	json_object_set_new(j, "health", s->health ? json_integer(s->health) : json_null());
	json_object_set_new(j, "health_year",
			    s->health ? json_integer(s->health_year) : json_null());
	return j;
}
