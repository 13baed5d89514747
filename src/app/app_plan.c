/* app_plan.c - personnel planning (app_plan.h): periods, versions, ranked successors with the
 * rules, targets, criteria as data, the candidates judged in batches (core/plan.c) for the
 * plan's view and the vacancy report. */
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "app_json.h"
#include "app_plan.h"
#include "../lib/buf.h"

#define YEAR_MIN 1990
#define YEAR_MAX 2100

static int year_of(date_t d)
{
	int y, m, day;

	date_to_ymd(d, &y, &m, &day);
	return y;
}

/* ---- the candidates' records, judged in one batch ------------------------------------------ */

struct ev {
	int64_t id;
	struct plan_span *spans;
	size_t ns, cap;
	char grades[PLAN_YEARS_MAX][16];
	int health;
};

struct evset {
	struct ev *v;
	size_t n;
	int year; /* of the day judged: grades[i] is year - 1 - i */
	int oom;
};

static int ev_cmp(const void *x, const void *y)
{
	const struct ev *a = x, *b = y;

	return a->id < b->id ? -1 : a->id > b->id;
}

static struct ev *ev_find(struct evset *s, int64_t id)
{
	struct ev key;

	key.id = id;
	return s->n ? bsearch(&key, s->v, s->n, sizeof *s->v, ev_cmp) : NULL;
}

static int ev_span(void *ctx, int64_t id, const struct plan_span *sp)
{
	struct evset *s = ctx;
	struct ev *x = ev_find(s, id);
	struct plan_span *nv;

	if (!x)
		return 0;
	if (x->ns == x->cap) {
		size_t cap = x->cap ? x->cap * 2 : 4;

		if (!(nv = realloc(x->spans, cap * sizeof *nv))) {
			s->oom = 1;
			return 0;
		}
		x->spans = nv;
		x->cap = cap;
	}
	x->spans[x->ns++] = *sp;
	return 0;
}

static int ev_grade(void *ctx, int64_t id, int year, const char *grade)
{
	struct evset *s = ctx;
	struct ev *x = ev_find(s, id);
	int i = s->year - 1 - year;

	if (x && i >= 0 && i < PLAN_YEARS_MAX)
		snprintf(x->grades[i], sizeof x->grades[i], "%s", grade);
	return 0;
}

static int ev_health(void *ctx, int64_t id, int health)
{
	struct ev *x = ev_find(ctx, id);

	if (x)
		x->health = health; /* the rows come oldest first: the latest stays */
	return 0;
}

static void evset_free(struct evset *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i].spans);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

static int id_cmp(const void *x, const void *y)
{
	const int64_t *a = x, *b = y;

	return *a < *b ? -1 : *a > *b;
}

/* Read the records of the members ids[0..n) (sorted and made unique here) as of on. */
static enum err_code evset_read(struct app *a, int64_t *ids, size_t n, date_t on,
				struct evset *s, struct err *e)
{
	struct buf b;
	size_t i, k = 0;
	enum err_code rc;

	memset(s, 0, sizeof *s);
	s->year = year_of(on);
	if (!n)
		return ERR_OK;
	qsort(ids, n, sizeof *ids, id_cmp);
	if (!(s->v = calloc(n, sizeof *s->v)))
		return err_set(e, ERR_INTERNAL, "out of memory");
	buf_init(&b, 0);
	buf_addc(&b, '[');
	for (i = 0; i < n; i++) {
		char num[24];
		int len;

		if (i && ids[i] == ids[i - 1])
			continue;
		s->v[k++].id = ids[i];
		len = snprintf(num, sizeof num, "%s%lld", k > 1 ? "," : "", (long long)ids[i]);
		buf_add(&b, num, (size_t)len);
	}
	buf_addc(&b, ']');
	s->n = k;
	rc = store_plan_evidence(a->st, buf_str(&b), s->year - PLAN_YEARS_MAX, s->year - 1, ev_span,
				 ev_grade, ev_health, s, e);
	buf_cleanup(&b);
	if (!rc && s->oom)
		rc = err_set(e, ERR_INTERNAL, "out of memory");
	return rc;
}

/* The criteria of a kind, read once per kind in a batch. */
struct crit_cache {
	char kind[8][CADRE_KIND_MAX];
	struct plan_criteria cr[8];
	int n;
};

static enum err_code crit_for(struct app *a, struct crit_cache *cc, const char *kind,
			      date_t on, const struct plan_criteria **out, struct err *e)
{
	int i;

	for (i = 0; i < cc->n; i++)
		if (!strcmp(cc->kind[i], kind)) {
			*out = &cc->cr[i];
			return ERR_OK;
		}
	i = cc->n < 8 ? cc->n++ : 7;
	snprintf(cc->kind[i], sizeof cc->kind[i], "%s", kind);
	if (store_plan_criteria(a->st, kind, on, &cc->cr[i], e))
		return e->code;
	*out = &cc->cr[i];
	return ERR_OK;
}

/* Judge successor r with the records in s. */
static enum err_code judge(struct app *a, struct crit_cache *cc, struct evset *s,
			   const struct plan_successor *r, int from_year, date_t on,
			   struct plan_judgement *j, struct err *e)
{
	const struct plan_criteria *cr = NULL;
	struct plan_candidate c;
	struct ev *x = ev_find(s, r->member_id);
	int i;

	if (crit_for(a, cc, r->pos_kind, on, &cr, e))
		return e->code;
	memset(&c, 0, sizeof c);
	c.birth_date = r->birth_date;
	c.rank = r->mil_rank;
	c.theory_level = r->theory_level;
	c.education = r->education;
	if (x) {
		c.spans = x->spans;
		c.nspans = x->ns;
		for (i = 0; i < PLAN_YEARS_MAX; i++)
			c.grades[i] = x->grades[i];
		c.health = x->health;
	}
	plan_judge(cr, &c, from_year, on, j);
	return ERR_OK;
}

/* ---- the plan's context -------------------------------------------------------------------- */

/* The period (by code, else the latest covering today) and the organisation of a plan, with
 * the personnel right over it (and an editing role when edit). */
static enum err_code plan_ctx(struct app *a, const struct actor *ac, const char *period,
			      const char *org_code, int edit, struct plan_period *p,
			      struct org *o, struct err *e)
{
	/* without the right: refused whatever the organisation (a refusal tells nothing) */
	if (app_personnel_check(a, ac, 0, e))
		return e->code;
	if (!org_code || !*org_code)
		return err_add(e, ERR_USAGE, 0, "org", NULL, NULL, "give the plan's organisation");
	if (app_org_get(a, ac, org_code, o, e))
		return e->code;
	if (app_personnel_check(a, ac, o->id, e))
		return e->code;
	if (edit && (app_can_edit(ac, e) || o->dissolved != DATE_NONE)) {
		if (!e->code)
			err_add(e, ERR_RULE, 0, "org", org_code, NULL,
				"organisation %s is dissolved", org_code);
		return e->code;
	}
	if (period && *period)
		return store_plan_period_get(a->st, period, p, e);
	return store_plan_period_at(a->st, year_of(a->today), p, e);
}

static void subject_plan(char *out, size_t cap, const struct plan_period *p,
			 const struct org *o)
{
	snprintf(out, cap, "plan:%s:%s", p->code, o->code);
}

json_t *app_plan_period_json(const struct plan_period *p)
{
	return json_pack("{s:I,s:s,s:i,s:i}", "id", (json_int_t)p->id, "code", p->code,
			 "from_year", p->from_year, "to_year", p->to_year);
}

json_t *app_plan_version_json(const struct plan_version *v)
{
	return json_pack("{s:i,s:i,s:s,s:o,s:s,s:s,s:s,s:s}", "version", v->version, "year",
			 v->year, "decision", v->decision, "decided_on", json_date(v->decided_on),
			 "body", v->body_code, "note", v->note, "by", v->created_by, "at",
			 v->created_at);
}

json_t *app_plan_criterion_json(const struct plan_criterion_row *r)
{
	return json_pack("{s:s,s:s,s:s,s:o,s:s,s:s}", "kind", r->kind, "criterion",
			 r->criterion, "value", r->value, "from", json_date(r->effective_from),
			 "source", r->source, "added_by", r->added_by);
}

enum err_code app_plan_period_add(struct app *a, const struct actor *ac, const char *code,
				  int from_year, int to_year, struct plan_period *p,
				  struct err *e)
{
	char *after;
	enum err_code rc;
	size_t i;

	if (app_personnel_check(a, ac, 0, e) || app_sys_admin_only(ac, "add a planning period", e))
		return e->code;
	memset(p, 0, sizeof *p);
	if (!code || !*code || strlen(code) > PLAN_CODE_MAX)
		err_add(e, ERR_INPUT, 0, "code", code, NULL,
			"give the period's code, 1 to %d characters, as 2025-2030", PLAN_CODE_MAX);
	else
		for (i = 0; code[i]; i++)
			if ((unsigned char)code[i] <= ' ' || code[i] == ':') {
				err_add(e, ERR_INPUT, 0, "code", code, NULL,
					"a period's code has no spaces or ':'");
				break;
			}
	if (from_year < YEAR_MIN || from_year > YEAR_MAX || to_year <= from_year ||
	    to_year > YEAR_MAX)
		err_add(e, ERR_INPUT, 0, "to_year", NULL, NULL,
			"the years must run from %d to %d, the end after the start (%d-%d given)",
			YEAR_MIN, YEAR_MAX, from_year, to_year);
	if (e->code)
		return e->code;
	snprintf(p->code, sizeof p->code, "%s", code);
	p->from_year = from_year;
	p->to_year = to_year;
	if ((rc = app_begin(a, e)))
		return rc;
	if (!(rc = store_plan_period_insert(a->st, p, ac->name, e))) {
		after = app_json("{s:s,s:i,s:i}", "code", p->code, "from_year", from_year,
				 "to_year", to_year);
		rc = app_audit(a, ac, "plan.period.add", "plan_period", 0, NULL, after, e);
		free(after);
	}
	return app_end(a, rc, e);
}

enum err_code app_plan_periods(struct app *a, const struct actor *ac, store_plan_period_cb cb,
			       void *ctx, struct err *e)
{
	if (app_personnel_check(a, ac, 0, e))
		return e->code;
	return store_plan_periods(a->st, cb, ctx, e);
}

enum err_code app_plan_version_add(struct app *a, const struct actor *ac, const char *period,
				   const char *org_code, int review, int year,
				   const struct cadre_decision *d, const char *note,
				   struct plan_version *v, struct err *e)
{
	struct plan_period p;
	struct plan_version last;
	struct org o, body;
	char subject[96], *after;
	enum err_code rc;
	int have;

	memset(v, 0, sizeof *v);
	if (plan_ctx(a, ac, period, org_code, 1, &p, &o, e))
		return e->code;
	if (d && d->number && *d->number) {
		const char *why;

		if (cadre_decision_check(d->number, &why))
			return err_add(e, ERR_INPUT, 0, "decision", NULL, NULL, "%s", why);
		snprintf(v->decision, sizeof v->decision, "%s", d->number);
	}
	if (d && d->body_code && *d->body_code) {
		if (app_org_get(a, ac, d->body_code, &body, e))
			return e->code;
		v->body_org_id = body.id;
	}
	v->decided_on = d ? d->decided_on : DATE_NONE;
	if (v->decided_on != DATE_NONE && app_check_date(a, v->decided_on, "decided_on", e))
		return e->code;
	if (!year)
		year = year_of(v->decided_on != DATE_NONE ? v->decided_on : a->today);
	if (year < p.from_year - 1 || year > p.to_year)
		return err_add(e, ERR_INPUT, 0, "year", NULL, NULL,
			       "the year %d lies outside the period %s (%d-%d)", year, p.code,
			       p.from_year, p.to_year);
	if ((rc = app_begin(a, e)))
		return rc;
	have = store_plan_version_latest(a->st, p.id, o.id, &last, e) == ERR_OK;
	if (e->code == ERR_NOTFOUND)
		err_clear(e);
	if (e->code) {
		rc = e->code;
		goto out;
	}
	if (!review && have) {
		rc = err_add(e, ERR_RULE, 0, "version", NULL, NULL,
			     "the plan of %s for %s is approved already (version %d); review it "
			     "instead",
			     o.code, p.code, last.version);
		goto out;
	}
	if (review && !have) {
		rc = err_add(e, ERR_RULE, 0, "version", NULL, NULL,
			     "the plan of %s for %s is not approved yet; approve it first", o.code,
			     p.code);
		goto out;
	}
	if (review && year <= last.year) {
		rc = err_add(e, ERR_RULE, 0, "year", NULL, NULL,
			     "the plan was last approved or reviewed in %d; a review is yearly, give "
			     "a later year",
			     last.year);
		goto out;
	}
	v->period_id = p.id;
	v->org_id = o.id;
	v->version = have ? last.version + 1 : 1;
	v->year = year;
	snprintf(v->note, sizeof v->note, "%s", note ? note : "");
	snprintf(v->org_code, sizeof v->org_code, "%s", o.code);
	if (v->body_org_id)
		snprintf(v->body_code, sizeof v->body_code, "%s", body.code);
	snprintf(v->created_by, sizeof v->created_by, "%s", ac->name);
	if ((rc = store_plan_version_insert(a->st, v, ac->name, e)))
		goto out;
	subject_plan(subject, sizeof subject, &p, &o);
	after = app_json("{s:i,s:i,s:s,s:s}", "version", v->version, "year", year, "decision",
			 v->decision, "note", v->note);
	rc = app_audit(a, ac, review ? "plan.review" : "plan.approve", subject, o.id, NULL, after,
		       e);
	free(after);
out:
	return app_end(a, rc, e);
}

/* ---- successors ---------------------------------------------------------------------------- */

struct succ_list {
	struct plan_successor *v;
	size_t n, cap;
	int64_t position_id; /* 0: every row */
	int oom;
};

static int succ_push(void *ctx, const struct plan_successor *s)
{
	struct succ_list *l = ctx;
	struct plan_successor *nv;

	if (l->position_id && s->position_id != l->position_id)
		return 0;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;

		if (!(nv = realloc(l->v, cap * sizeof *nv))) {
			l->oom = 1;
			return 1;
		}
		l->v = nv;
		l->cap = cap;
	}
	l->v[l->n++] = *s;
	return 0;
}

/* What a change needs: the plan's period and organisation, its latest version, the position
 * (a key position in force today in the organisation's subtree) and its open rows by rank. */
struct change {
	struct plan_period p;
	struct org o;
	struct plan_version v;
	struct position pos;
	struct succ_list rows;
};

static enum err_code change_ctx(struct app *a, const struct actor *ac, const char *period,
				const char *org_code, const char *position, struct change *c,
				struct err *e)
{
	memset(c, 0, sizeof *c);
	if (plan_ctx(a, ac, period, org_code, 1, &c->p, &c->o, e))
		return e->code;
	if (!position || !*position)
		return err_add(e, ERR_USAGE, 0, "position", NULL, NULL,
			       "give the position: its id or ORG:KIND");
	if (app_position_ref(a, ac, position, a->today, &c->pos, e))
		return e->code;
	if (!c->pos.is_key || c->pos.org_pre < c->o.pre || c->pos.org_pre > c->o.last ||
	    (c->pos.valid_to != DATE_NONE && c->pos.valid_to <= a->today))
		return err_add(e, ERR_RULE, 0, "position", position, NULL,
			       "%s of %s is not a key position in force of %s's subtree",
			       c->pos.kind, c->pos.org_code, c->o.code);
	if (store_plan_version_latest(a->st, c->p.id, c->o.id, &c->v, e)) {
		if (e->code == ERR_NOTFOUND) {
			err_clear(e);
			return err_add(e, ERR_RULE, 0, "version", NULL, NULL,
				       "the plan of %s for %s is not approved yet; approve it "
				       "first (version 1)",
				       c->o.code, c->p.code);
		}
		return e->code;
	}
	c->rows.position_id = c->pos.id;
	if (store_plan_successors(a->st, c->p.id, c->o.id, 0, succ_push, &c->rows, e))
		return e->code;
	if (c->rows.oom)
		return err_set(e, ERR_INTERNAL, "out of memory");
	return ERR_OK;
}

/* Rows whose place in c->rows no longer matches their rank are closed in the latest version
 * and reopened with rank = place (a new row, id 0, is inserted at its place). */
static enum err_code renumber(struct app *a, const struct actor *ac, struct change *c,
			      struct err *e)
{
	size_t i;
	struct plan_successor r;

	for (i = 0; i < c->rows.n; i++) {
		r = c->rows.v[i];
		if (r.id && r.rank == (int)i + 1)
			continue;
		if (r.id && store_plan_successor_close(a->st, r.id, c->v.version, NULL, e))
			return e->code;
		r.rank = (int)i + 1;
		r.from_version = c->v.version;
		r.to_version = 0;
		r.period_id = c->p.id;
		r.plan_org_id = c->o.id;
		r.position_id = c->pos.id;
		if (store_plan_successor_insert(a->st, &r, ac->name, e))
			return e->code;
	}
	return ERR_OK;
}

static long find_member(const struct succ_list *l, int64_t member_id)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->v[i].member_id == member_id)
			return (long)i;
	return -1;
}

static enum err_code audit_change(struct app *a, const struct actor *ac, const char *action,
				  const struct change *c, int64_t member_id, int rank,
				  const char *reason, struct err *e)
{
	char subject[48], *after;
	enum err_code rc;

	snprintf(subject, sizeof subject, "member:%lld", (long long)member_id);
	after = app_json("{s:s,s:s,s:I,s:s,s:s,s:i,s:i,s:s}", "period", c->p.code, "plan",
			 c->o.code, "position_id", (json_int_t)c->pos.id, "position_org",
			 c->pos.org_code, "kind", c->pos.kind, "rank", rank, "version",
			 c->v.version, "reason", reason ? reason : "");
	rc = app_audit(a, ac, action, subject, c->o.id, NULL, after, e);
	free(after);
	return rc;
}

static int reason_ok(const char *reason, struct err *e)
{
	if (!reason || !*reason) {
		err_add(e, ERR_INPUT, 0, "reason", NULL, NULL, "give the reason");
		return 0;
	}
	if (strlen(reason) > PLAN_TEXT_MAX) {
		err_add(e, ERR_INPUT, 0, "reason", NULL, NULL,
			"the reason is longer than %d bytes", PLAN_TEXT_MAX);
		return 0;
	}
	return 1;
}

enum err_code app_plan_add(struct app *a, const struct actor *ac, const char *period,
			   const char *org_code, const char *position, int64_t member_id,
			   int rank, const char *reason, struct err *e)
{
	struct change c;
	struct member m;
	long by_member, by_pos, mn, mx, maxpos;
	const struct rule_version *rv;
	enum err_code rc;
	int st;

	if (!reason_ok(reason, e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = change_ctx(a, ac, period, org_code, position, &c, e)))
		goto out;
	if (store_member_get(a->st, member_id, &m, e)) {
		err_clear(e);
		rc = err_add(e, ERR_NOTFOUND, 0, "member", NULL, NULL, "no member has the id %lld",
			     (long long)member_id);
		goto out;
	}
	if ((rc = app_status_at(a, &m, a->today, &st, e)))
		goto out;
	if (st < 0 || !member_status_active((enum member_status)st)) {
		rc = err_add(e, ERR_RULE, 0, "member", NULL, NULL,
			     "member %lld (%s) is not on the rolls", (long long)member_id,
			     m.full_name);
		goto out;
	}
	if (find_member(&c.rows, member_id) >= 0) {
		rc = err_add(e, ERR_RULE, 0, "member", NULL, NULL,
			     "member %lld (%s) is planned for %s of %s already", (long long)member_id,
			     m.full_name, c.pos.kind, c.pos.org_code);
		goto out;
	}
	if ((rc = store_plan_open_counts(a->st, c.p.id, member_id, c.pos.id, &by_member, &by_pos,
					 e)))
		goto out;
	if (ruleset_int(&a->rules, "R-PLAN-MAX-POSITIONS", a->today, &maxpos))
		maxpos = 3;
	if (by_member >= maxpos) {
		rc = err_add(e, ERR_RULE, 0, "member", NULL, "R-PLAN-MAX-POSITIONS",
			     "member %lld (%s) is planned for %ld positions in %s already, the most "
			     "one person may be (R-PLAN-MAX-POSITIONS)",
			     (long long)member_id, m.full_name, by_member, c.p.code);
		goto out;
	}
	rv = ruleset_find(&a->rules, "R-PLAN-PER-POSITION", a->today);
	if (!rv || plan_per_position(rv->value, &mn, &mx))
		mx = 3;
	if (by_pos >= mx) {
		rc = err_add(e, ERR_RULE, 0, "position", NULL, "R-PLAN-PER-POSITION",
			     "%s of %s has %ld planned successors already, the most a position "
			     "may have (R-PLAN-PER-POSITION)",
			     c.pos.kind, c.pos.org_code, by_pos);
		goto out;
	}
	if (rank < 0 || rank > (int)c.rows.n + 1) {
		rc = err_add(e, ERR_INPUT, 0, "rank", NULL, NULL,
			     "the rank must be from 1 to %d", (int)c.rows.n + 1);
		goto out;
	}
	if (!rank)
		rank = (int)c.rows.n + 1;
	{
		struct plan_successor r, *nv;

		memset(&r, 0, sizeof r);
		r.member_id = member_id;
		snprintf(r.added_reason, sizeof r.added_reason, "%s", reason);
		if (!(nv = realloc(c.rows.v, (c.rows.n + 1) * sizeof *nv))) {
			rc = err_set(e, ERR_INTERNAL, "out of memory");
			goto out;
		}
		c.rows.v = nv;
		memmove(&nv[rank], &nv[rank - 1], (c.rows.n - (size_t)(rank - 1)) * sizeof *nv);
		nv[rank - 1] = r;
		c.rows.n++;
	}
	if ((rc = renumber(a, ac, &c, e)))
		goto out;
	rc = audit_change(a, ac, "plan.add", &c, member_id, rank, reason, e);
out:
	free(c.rows.v);
	return app_end(a, rc, e);
}

enum err_code app_plan_remove(struct app *a, const struct actor *ac, const char *period,
			      const char *org_code, const char *position, int64_t member_id,
			      const char *reason, struct err *e)
{
	struct change c;
	enum err_code rc;
	long i;
	int rank;

	if (!reason_ok(reason, e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = change_ctx(a, ac, period, org_code, position, &c, e)))
		goto out;
	if ((i = find_member(&c.rows, member_id)) < 0) {
		rc = err_add(e, ERR_NOTFOUND, 0, "member", NULL, NULL,
			     "member %lld is not planned for %s of %s", (long long)member_id,
			     c.pos.kind, c.pos.org_code);
		goto out;
	}
	rank = c.rows.v[i].rank;
	if ((rc = store_plan_successor_close(a->st, c.rows.v[i].id, c.v.version, reason, e)))
		goto out;
	memmove(&c.rows.v[i], &c.rows.v[i + 1], (c.rows.n - (size_t)i - 1) * sizeof *c.rows.v);
	c.rows.n--;
	if ((rc = renumber(a, ac, &c, e)))
		goto out;
	rc = audit_change(a, ac, "plan.remove", &c, member_id, rank, reason, e);
out:
	free(c.rows.v);
	return app_end(a, rc, e);
}

enum err_code app_plan_rerank(struct app *a, const struct actor *ac, const char *period,
			      const char *org_code, const char *position, int64_t member_id,
			      int rank, const char *reason, struct err *e)
{
	struct change c;
	struct plan_successor r;
	enum err_code rc;
	long i;

	if (reason && strlen(reason) > PLAN_TEXT_MAX)
		return err_add(e, ERR_INPUT, 0, "reason", NULL, NULL,
			       "the reason is longer than %d bytes", PLAN_TEXT_MAX);
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = change_ctx(a, ac, period, org_code, position, &c, e)))
		goto out;
	if ((i = find_member(&c.rows, member_id)) < 0) {
		rc = err_add(e, ERR_NOTFOUND, 0, "member", NULL, NULL,
			     "member %lld is not planned for %s of %s", (long long)member_id,
			     c.pos.kind, c.pos.org_code);
		goto out;
	}
	if (rank < 1 || rank > (int)c.rows.n) {
		rc = err_add(e, ERR_INPUT, 0, "rank", NULL, NULL, "the rank must be from 1 to %d",
			     (int)c.rows.n);
		goto out;
	}
	if (rank == c.rows.v[i].rank) {
		rc = err_add(e, ERR_RULE, 0, "rank", NULL, NULL,
			     "member %lld is ranked %d already", (long long)member_id, rank);
		goto out;
	}
	r = c.rows.v[i];
	memmove(&c.rows.v[i], &c.rows.v[i + 1], (c.rows.n - (size_t)i - 1) * sizeof r);
	memmove(&c.rows.v[rank], &c.rows.v[rank - 1], (c.rows.n - 1 - (size_t)(rank - 1)) * sizeof r);
	c.rows.v[rank - 1] = r;
	if ((rc = renumber(a, ac, &c, e)))
		goto out;
	rc = audit_change(a, ac, "plan.rerank", &c, member_id, rank, reason, e);
out:
	free(c.rows.v);
	return app_end(a, rc, e);
}

enum err_code app_plan_target_set(struct app *a, const struct actor *ac, const char *period,
				  const char *org_code, const char *target, int pct_min,
				  int age_under, struct err *e)
{
	struct plan_period p;
	struct org o;
	struct plan_target t;
	char subject[96], *after;
	enum err_code rc;

	if (plan_ctx(a, ac, period, org_code, 1, &p, &o, e))
		return e->code;
	if (!target || (strcmp(target, "young") && strcmp(target, "ethnic_minority") &&
			strcmp(target, "women")))
		err_add(e, ERR_INPUT, 0, "target", target, NULL,
			"the target must be young, ethnic_minority or women");
	if (pct_min < 0 || pct_min > 100)
		err_add(e, ERR_INPUT, 0, "pct", NULL, NULL, "the percentage must be from 0 to 100");
	if (target && !strcmp(target, "young") && (age_under < 18 || age_under > 80))
		err_add(e, ERR_INPUT, 0, "age_under", NULL, NULL,
			"a target of young cadres needs the age they are under (18 to 80)");
	if (target && strcmp(target, "young") && age_under)
		err_add(e, ERR_INPUT, 0, "age_under", NULL, NULL,
			"only the target of young cadres takes an age");
	if (e->code)
		return e->code;
	memset(&t, 0, sizeof t);
	snprintf(t.target, sizeof t.target, "%s", target);
	t.pct_min = pct_min;
	t.age_under = age_under;
	if ((rc = app_begin(a, e)))
		return rc;
	if (!(rc = store_plan_target_set(a->st, p.id, o.id, &t, ac->name, e))) {
		subject_plan(subject, sizeof subject, &p, &o);
		after = app_json("{s:s,s:i,s:i}", "target", t.target, "pct_min", pct_min,
				 "age_under", age_under);
		rc = app_audit(a, ac, "plan.target.set", subject, o.id, NULL, after, e);
		free(after);
	}
	return app_end(a, rc, e);
}

/* ---- criteria ------------------------------------------------------------------------------ */

/* kind is '*' or a position kind of the catalogue. */
static enum err_code kind_check(struct app *a, const char *kind, struct position_kind *k,
				struct err *e)
{
	enum err_code rc;

	if (!strcmp(kind, "*"))
		return ERR_OK;
	rc = store_pkind_get(a->st, kind, k, e);
	if (rc == ERR_NOTFOUND)
		return err_add(e, ERR_NOTFOUND, 0, "kind", kind, NULL,
			       "'%s' is not a position kind ('cadre position kinds' lists them)",
			       kind);
	return rc;
}

enum err_code app_plan_criteria(struct app *a, const struct actor *ac, const char *kind,
				date_t on, store_plan_criterion_cb cb, void *ctx, struct err *e)
{
	struct position_kind k;

	if (app_personnel_check(a, ac, 0, e))
		return e->code;
	if (kind && *kind && kind_check(a, kind, &k, e))
		return e->code;
	return store_plan_criterion_rows(a->st, kind && strcmp(kind, "*") ? kind : NULL,
					 app_date(a, on), cb, ctx, e);
}

enum err_code app_plan_criterion_set(struct app *a, const struct actor *ac, const char *kind,
				     const char *criterion, const char *value, date_t from,
				     const char *source, struct err *e)
{
	struct plan_criterion_row r;
	struct position_kind k;
	const char *why;
	char *after;
	int c;
	enum err_code rc;

	if (app_personnel_check(a, ac, 0, e) ||
	    app_sys_admin_only(ac, "set a planning criterion", e))
		return e->code;
	if (!kind || !*kind)
		return err_add(e, ERR_USAGE, 0, "kind", NULL, NULL,
			       "give the position kind, or * for every kind");
	if (kind_check(a, kind, &k, e))
		return e->code;
	if ((c = plan_crit_parse(criterion)) < 0)
		return err_add(e, ERR_INPUT, 0, "criterion", criterion, NULL,
			       "no such criterion; write max_age, theory_level, education, "
			       "lower_post_months, review_grades or health");
	if (!value)
		value = "";
	if (strlen(value) >= PLAN_VALUE_MAX || plan_value_check((enum plan_crit)c, value, &why))
		return err_add(e, ERR_INPUT, 0, "value", value, NULL, "%s",
			       strlen(value) >= PLAN_VALUE_MAX ? "the value is too long" : why);
	memset(&r, 0, sizeof r);
	snprintf(r.kind, sizeof r.kind, "%s", kind);
	snprintf(r.criterion, sizeof r.criterion, "%s", criterion);
	snprintf(r.value, sizeof r.value, "%s", value);
	r.effective_from = app_date(a, from);
	snprintf(r.source, sizeof r.source, "%s", source && *source ? source : "");
	snprintf(r.added_by, sizeof r.added_by, "%s", ac->name);
	if ((rc = app_begin(a, e)))
		return rc;
	if (!(rc = store_plan_criterion_insert(a->st, &r, e))) {
		json_t *j = app_plan_criterion_json(&r);
		char *txt = j ? json_dumps(j, JSON_COMPACT) : NULL;

		json_decref(j);
		after = txt;
		rc = app_audit(a, ac, "plan.criterion.set", "plan_criterion", 0, NULL, after, e);
		free(after);
	}
	return app_end(a, rc, e);
}

/* ---- the plan's view ----------------------------------------------------------------------- */

struct vlist {
	struct plan_version *v;
	size_t n, cap;
	int oom;
};

static int version_push(void *ctx, const struct plan_version *v)
{
	struct vlist *l = ctx;
	struct plan_version *nv;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 4;

		if (!(nv = realloc(l->v, cap * sizeof *nv))) {
			l->oom = 1;
			return 1;
		}
		l->v = nv;
		l->cap = cap;
	}
	l->v[l->n++] = *v;
	return 0;
}

struct plist {
	struct plan_view_pos *v;
	size_t n, cap;
	int oom;
};

static int pos_push(void *ctx, const struct plan_pos *p)
{
	struct plist *l = ctx;
	struct plan_view_pos *nv;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;

		if (!(nv = realloc(l->v, cap * sizeof *nv))) {
			l->oom = 1;
			return 1;
		}
		l->v = nv;
		l->cap = cap;
	}
	memset(&l->v[l->n], 0, sizeof *l->v);
	l->v[l->n++].p = *p;
	return 0;
}

static int target_push(void *ctx, const struct plan_target *t)
{
	struct plan_view *v = ctx;

	if (v->ntargets < 3)
		v->targets[v->ntargets++].t = *t;
	return 0;
}

void plan_view_free(struct plan_view *v)
{
	free(v->versions);
	free(v->pos);
	free(v->rows);
	memset(v, 0, sizeof *v);
}

/* The targets' counts over the distinct people of v's rows. */
static void count_targets(struct plan_view *v)
{
	size_t i, k;
	int t;

	v->people = 0;
	for (t = 0; t < v->ntargets; t++)
		v->targets[t].count = 0;
	for (i = 0; i < v->nrows; i++) {
		const struct plan_successor *s = &v->rows[i].s;

		for (k = 0; k < i; k++)
			if (v->rows[k].s.member_id == s->member_id)
				break;
		if (k < i)
			continue;
		v->people++;
		for (t = 0; t < v->ntargets; t++) {
			const struct plan_target *pt = &v->targets[t].t;
			int age = plan_age_on_jan1(s->birth_date, v->period.from_year);

			if ((!strcmp(pt->target, "young") && age >= 0 && age < pt->age_under) ||
			    (!strcmp(pt->target, "women") && !strcmp(s->sex, "female")) ||
			    (!strcmp(pt->target, "ethnic_minority") && s->ethnicity[0] &&
			     strcmp(s->ethnicity, "Kinh")))
				v->targets[t].count++;
		}
	}
	for (t = 0; t < v->ntargets; t++) {
		struct plan_view_target *x = &v->targets[t];

		x->pct = v->people ? (int)(x->count * 100 / v->people) : 0;
		x->missed = x->count * 100 < (long)x->t.pct_min * v->people ||
			    (!v->people && x->t.pct_min > 0);
	}
}

enum err_code app_plan_get(struct app *a, const struct actor *ac, const char *period,
			   const char *org_code, int version, struct plan_view *v,
			   struct err *e)
{
	struct vlist vl = {NULL, 0, 0, 0};
	struct plist pl = {NULL, 0, 0, 0};
	struct succ_list sl = {NULL, 0, 0, 0, 0};
	struct evset es;
	struct crit_cache cc;
	const struct rule_version *rv;
	int64_t *ids = NULL;
	size_t i, k;
	enum err_code rc = ERR_OK;

	memset(v, 0, sizeof *v);
	memset(&es, 0, sizeof es);
	cc.n = 0;
	if (plan_ctx(a, ac, period, org_code, 0, &v->period, &v->org, e))
		return e->code;
	v->on = a->today;
	rv = ruleset_find(&a->rules, "R-PLAN-PER-POSITION", v->on);
	if (!rv || plan_per_position(rv->value, &v->min, &v->max)) {
		v->min = 2;
		v->max = 3;
	}
	if ((rc = store_plan_versions(a->st, v->period.id, v->org.id, version_push, &vl, e)))
		goto out;
	v->versions = vl.v;
	v->nversions = vl.n;
	v->latest = vl.n ? vl.v[vl.n - 1].version : 0;
	if (version < 0 || (version > v->latest)) {
		rc = err_add(e, ERR_NOTFOUND, 0, "version", NULL, NULL,
			     "the plan of %s for %s has no version %d (versions 1 to %d)",
			     v->org.code, v->period.code, version, v->latest);
		goto out;
	}
	v->version = version ? version : v->latest;
	if ((rc = store_plan_key_positions(a->st, v->org.pre, v->org.last, v->on, pos_push, &pl,
					   e)))
		goto out;
	v->pos = pl.v;
	v->npos = pl.n;
	if (v->version &&
	    (rc = store_plan_successors(a->st, v->period.id, v->org.id, v->version, succ_push,
					&sl, e)))
		goto out;
	if (vl.oom || pl.oom || sl.oom) {
		rc = err_set(e, ERR_INTERNAL, "out of memory");
		goto out;
	}
	if (sl.n && !(v->rows = calloc(sl.n, sizeof *v->rows))) {
		rc = err_set(e, ERR_INTERNAL, "out of memory");
		goto out;
	}
	if (sl.n && !(ids = calloc(sl.n, sizeof *ids))) {
		rc = err_set(e, ERR_INTERNAL, "out of memory");
		goto out;
	}
	for (i = 0; i < sl.n; i++)
		ids[i] = sl.v[i].member_id;
	if ((rc = evset_read(a, ids, sl.n, v->on, &es, e)))
		goto out;
	/* the rows in the positions' order (a position no longer key or in force last) */
	for (k = 0; k < v->npos; k++)
		for (i = 0; i < sl.n; i++)
			if (sl.v[i].position_id == v->pos[k].p.id) {
				v->rows[v->nrows].s = sl.v[i];
				sl.v[i].position_id = 0;
				v->pos[k].n++;
				if ((rc = judge(a, &cc, &es, &v->rows[v->nrows].s,
						v->period.from_year, v->on, &v->rows[v->nrows].j, e)))
					goto out;
				v->nrows++;
			}
	for (i = 0; i < sl.n; i++)
		if (sl.v[i].position_id) {
			v->rows[v->nrows].s = sl.v[i];
			if ((rc = judge(a, &cc, &es, &v->rows[v->nrows].s, v->period.from_year,
					v->on, &v->rows[v->nrows].j, e)))
				goto out;
			v->nrows++;
		}
	for (k = 0; k < v->npos; k++)
		if ((v->pos[k].is_short = v->pos[k].n < v->min))
			v->short_n++;
	if ((rc = store_plan_targets(a->st, v->period.id, v->org.id, target_push, v, e)))
		goto out;
	count_targets(v);
out:
	free(sl.v);
	free(ids);
	evset_free(&es);
	if (rc) {
		if (!v->versions)
			free(vl.v);
		if (!v->pos)
			free(pl.v);
		plan_view_free(v);
	}
	return rc;
}

static json_t *failed_json(const struct plan_judgement *j)
{
	json_t *arr = json_array();
	int i;

	for (i = 0; arr && i < j->nfail; i++)
		json_array_append_new(arr, json_pack("{s:s,s:s,s:s}", "criterion",
						     plan_crit_name(j->fail[i].crit), "found",
						     j->fail[i].found, "needed",
						     j->fail[i].needed));
	return arr;
}

json_t *app_plan_json(const struct plan_view *v)
{
	json_t *o, *vs, *ps, *ts;
	size_t i, k;
	int t;

	o = json_pack("{s:s,s:s,s:s,s:i,s:i,s:i,s:i,s:I,s:I,s:I,s:o}", "period", v->period.code,
		      "org", v->org.code, "org_name", v->org.name, "from_year",
		      v->period.from_year, "to_year", v->period.to_year, "version", v->version,
		      "latest", v->latest, "min", (json_int_t)v->min, "max", (json_int_t)v->max,
		      "people", (json_int_t)v->people, "judged_on", json_date(v->on));
	if (!o)
		return NULL;
	json_object_set_new(o, "short", json_integer(v->short_n));
	vs = json_array();
	for (i = 0; vs && i < v->nversions; i++)
		json_array_append_new(vs, app_plan_version_json(&v->versions[i]));
	json_object_set_new(o, "versions", vs);
	ps = json_array();
	for (k = 0; ps && k <= v->npos; k++) {
		json_t *p, *cs = json_array();
		int64_t pid = k < v->npos ? v->pos[k].p.id : 0;

		if (k < v->npos) {
			const struct plan_pos *pp = &v->pos[k].p;

			p = json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:I,s:b}", "id", (json_int_t)pp->id,
				      "org", pp->org_code, "org_name", pp->org_name, "kind",
				      pp->kind, "kind_vi", pp->kind_vi, "kind_en", pp->kind_en,
				      "successors", (json_int_t)v->pos[k].n, "short",
				      v->pos[k].is_short);
		} else {
			p = NULL;
		}
		for (i = 0; cs && i < v->nrows; i++) {
			const struct plan_view_row *r = &v->rows[i];
			int in = 1;
			size_t q;

			if (pid)
				in = r->s.position_id == pid;
			else
				for (q = 0; q < v->npos; q++)
					if (v->pos[q].p.id == r->s.position_id)
						in = 0;
			if (!in)
				continue;
			if (!p)
				p = json_pack("{s:I,s:s,s:s,s:I,s:b}", "id",
					      (json_int_t)r->s.position_id, "org", r->s.pos_org_code,
					      "kind", r->s.pos_kind, "successors", (json_int_t)0,
					      "short", 0);
			json_array_append_new(
				cs, json_pack("{s:I,s:s,s:i,s:i,s:o,s:s,s:s,s:b,s:o}", "member_id",
					      (json_int_t)r->s.member_id, "name", r->s.member_name,
					      "rank", r->s.rank, "from_version", r->s.from_version,
					      "to_version",
					      r->s.to_version ? json_integer(r->s.to_version)
							      : json_null(),
					      "reason", r->s.added_reason, "removed_reason",
					      r->s.removed_reason, "ready", r->j.nfail == 0,
					      "failed", failed_json(&r->j)));
		}
		if (p) {
			json_object_set_new(p, "candidates", cs);
			json_array_append_new(ps, p);
		} else {
			json_decref(cs);
		}
	}
	json_object_set_new(o, "positions", ps);
	ts = json_array();
	for (t = 0; ts && t < v->ntargets; t++) {
		const struct plan_view_target *x = &v->targets[t];

		json_array_append_new(
			ts, json_pack("{s:s,s:i,s:o,s:I,s:i,s:b}", "target", x->t.target, "pct_min",
				      x->t.pct_min,
				      "age_under", x->t.age_under ? json_integer(x->t.age_under)
								  : json_null(),
				      "count", (json_int_t)x->count, "pct", x->pct, "missed",
				      x->missed));
	}
	json_object_set_new(o, "targets", ts);
	return o;
}

enum err_code app_plan_export_file(struct app *a, const struct plan_view *v,
				   enum table_format f, const char *path, struct err *e)
{
	long long len;
	int fd;
	enum err_code rc;

	if ((rc = app_plan_export(a, v, f, &fd, &len, e)))
		return rc;
	return table_out_save(fd, path, e);
}

enum err_code app_plan_export(struct app *a, const struct plan_view *v, enum table_format f,
			      int *fd, long long *len, struct err *e)
{
	static const char *const head[] = {"org", "kind", "rank", "member_id", "full_name",
					   "from_version", "reason", "ready", "failed", NULL};
	struct table_out *t = table_out_new(f, "plan", e);
	size_t i;
	int k;

	(void)a;
	if (!t)
		return e->code;
	for (k = 0; head[k]; k++)
		table_out_text(t, head[k]);
	table_out_row(t);
	for (i = 0; i < v->nrows; i++) {
		const struct plan_view_row *r = &v->rows[i];
		char failed[1024];
		size_t used = 0;

		failed[0] = '\0';
		for (k = 0; k < r->j.nfail; k++) {
			int n = snprintf(failed + used, sizeof failed - used, "%s%s: %s (%s)",
					 k ? "; " : "", plan_crit_name(r->j.fail[k].crit),
					 r->j.fail[k].found, r->j.fail[k].needed);

			if (n < 0 || (size_t)n >= sizeof failed - used)
				break;
			used += (size_t)n;
		}
		table_out_text(t, r->s.pos_org_code);
		table_out_text(t, r->s.pos_kind);
		table_out_int(t, r->s.rank);
		table_out_int(t, r->s.member_id);
		table_out_text(t, r->s.member_name);
		table_out_int(t, r->s.from_version);
		table_out_text(t, r->s.added_reason);
		table_out_text(t, r->j.nfail ? "no" : "yes");
		table_out_text(t, failed);
		table_out_row(t);
	}
	return table_out_finish(t, fd, len, e);
}

/* ---- the vacancy report and the counts ----------------------------------------------------- */

struct pos_row {
	int64_t id;
	size_t row;
};

static int pos_row_cmp(const void *x, const void *y)
{
	const struct pos_row *a = x, *b = y;

	return a->id < b->id ? -1 : a->id > b->id;
}

enum err_code app_plan_vacancy_fill(struct app *a, const struct actor *ac, struct vacancy *v,
				    size_t n, date_t as_of, struct err *e)
{
	struct pos_row *idx = NULL;
	struct plan_period p;
	struct succ_list sl = {NULL, 0, 0, 0, 0};
	struct evset es;
	struct crit_cache cc;
	struct plan_judgement j;
	struct err tmp;
	struct buf b;
	int64_t *ids = NULL;
	size_t i, k, np = 0;
	enum err_code rc = ERR_OK;
	int allowed;

	for (i = 0; i < n; i++)
		v[i].successors = v[i].ready = -1;
	err_init(&tmp);
	allowed = app_personnel_check(a, ac, 0, &tmp) == ERR_OK;
	err_clear(&tmp);
	if (!allowed || !n ||
	    store_plan_period_at(a->st, year_of(app_date(a, as_of)), &p, &tmp) != ERR_OK) {
		rc = tmp.code == ERR_NOTFOUND || tmp.code == ERR_OK ? ERR_OK : tmp.code;
		if (rc)
			err_merge(e, &tmp);
		err_cleanup(&tmp);
		return rc;
	}
	err_cleanup(&tmp);
	memset(&es, 0, sizeof es);
	cc.n = 0;
	buf_init(&b, 0);
	buf_addc(&b, '[');
	for (i = 0; i < n; i++) {
		char num[24];
		int len;

		if (strcmp(v[i].what, "position"))
			continue;
		v[i].successors = v[i].ready = 0;
		len = snprintf(num, sizeof num, "%s%lld", np++ ? "," : "", (long long)v[i].id);
		buf_add(&b, num, (size_t)len);
	}
	buf_addc(&b, ']');
	if (np)
		rc = store_plan_for_positions(a->st, p.id, buf_str(&b), succ_push, &sl, e);
	buf_cleanup(&b);
	if (rc)
		goto out;
	if (sl.oom || (sl.n && !(ids = calloc(sl.n, sizeof *ids)))) {
		rc = err_set(e, ERR_INTERNAL, "out of memory");
		goto out;
	}
	for (i = 0; i < sl.n; i++)
		ids[i] = sl.v[i].member_id;
	if ((rc = evset_read(a, ids, sl.n, app_date(a, as_of), &es, e)))
		goto out;
	/* the report's position rows by id, for the rows read (by position id) to find theirs */
	if (sl.n && !(idx = calloc(np, sizeof *idx))) {
		rc = err_set(e, ERR_INTERNAL, "out of memory");
		goto out;
	}
	for (i = 0, k = 0; sl.n && i < n; i++)
		if (!strcmp(v[i].what, "position")) {
			idx[k].id = v[i].id;
			idx[k++].row = i;
		}
	if (sl.n)
		qsort(idx, np, sizeof *idx, pos_row_cmp);
	for (k = 0; k < sl.n; k++) {
		struct pos_row key, *hit;
		int ready;

		if ((rc = judge(a, &cc, &es, &sl.v[k], p.from_year, app_date(a, as_of), &j, e)))
			goto out;
		ready = j.nfail == 0 && sl.v[k].on_rolls;
		key.id = sl.v[k].position_id;
		if ((hit = bsearch(&key, idx, np, sizeof *idx, pos_row_cmp))) {
			v[hit->row].successors++;
			v[hit->row].ready += ready;
		}
	}
out:
	free(idx);
	free(sl.v);
	free(ids);
	evset_free(&es);
	return rc;
}

enum err_code app_plan_counts(struct app *a, long pre, long last, long *positions,
			      long *short_n, long *people, long *min, int *has_period,
			      struct err *e)
{
	struct plan_period p;
	const struct rule_version *rv;
	long mx = 3;

	*positions = *short_n = 0;
	*has_period = 0;
	*min = 2;
	if (people)
		*people = 0;
	if (store_plan_period_at(a->st, year_of(a->today), &p, e)) {
		if (e->code != ERR_NOTFOUND)
			return e->code;
		err_clear(e);
		return ERR_OK;
	}
	*has_period = 1;
	rv = ruleset_find(&a->rules, "R-PLAN-PER-POSITION", a->today);
	if (!rv || plan_per_position(rv->value, min, &mx))
		*min = 2;
	return store_plan_short(a->st, p.id, pre, last, a->today, *min, positions, short_n,
				people, e);
}
