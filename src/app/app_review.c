/* app_review.c - the yearly quality review (DOMAIN §6) and discipline records (emulation
 * models and ratings are in app_emulation.c): who may record which step, and every
 * R-REVIEW-* rule checked before anything is stored. A member's review counts in the grassroots organisation whose roll the member is on
 * when the step is recorded (a member transferred mid-year is reviewed and counted where they
 * are at the year's review, see docs/reviews.md). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "app_int.h"
#include "app_report.h"

/* The grassroots organisation of o: o itself when it is a grassroots committee or a cell
 * right under a committee; else the nearest such ancestor; a committee with none above it
 * counts for itself. */
static enum err_code grassroots_of(struct app *a, const struct org *o, struct org *g,
				   struct err *e)
{
	struct org cur = *o, parent;
	int guard = 0;

	while (guard++ < 64) {
		if (cur.kind == OK_GRASSROOTS || cur.kind == OK_COMMITTEE || !cur.parent_id)
			break;
		if (store_org_by_id(a->st, cur.parent_id, &parent, e))
			return e->code;
		if (cur.kind == OK_CELL && parent.kind == OK_COMMITTEE)
			break;
		cur = parent;
	}
	*g = cur;
	return ERR_OK;
}

static int is_grassroots(struct app *a, const struct org *o)
{
	struct org g;
	struct err tmp;
	int yes;

	err_init(&tmp);
	yes = !grassroots_of(a, o, &g, &tmp) && g.id == o->id && o->kind != OK_COMMITTEE;
	err_cleanup(&tmp);
	return yes;
}

/* Whether the actor's scope holds the organisation at pre-order number o_pre as a whole (it
 * is the scope or under it). */
static int scope_holds(struct app *a, const struct actor *ac, long o_pre)
{
	long pre, last;
	struct err tmp;
	int yes;

	err_init(&tmp);
	yes = !app_scope(a, ac, &pre, &last, &tmp) && o_pre >= pre && o_pre <= last;
	err_cleanup(&tmp);
	return yes;
}

static void year_bounds(int year, date_t *from, date_t *to)
{
	*from = date_from_ymd(year, 1, 1);
	*to = date_from_ymd(year, 12, 31);
}

/* R-REVIEW-LOCKED: whether a decided review is locked on date on. */
static int locked(struct app *a, date_t on)
{
	long v = 1;

	ruleset_int(&a->rules, R_REVIEW_LOCKED, on, &v);
	return v != 0;
}

/* Append "ID vN" of the rule in force on to the list of rules a decision applied. */
static void rule_used(struct app *a, date_t on, const char *id, char *list, size_t n)
{
	const struct rule_version *v = ruleset_find(&a->rules, id, on);
	size_t len = strlen(list);

	if (v && len + 1 < n)
		snprintf(list + len, n - len, "%s%s v%d", len ? "; " : "", id, v->version);
}

/* The checks of one step that do not depend on the rest of a batch. */
static enum err_code check_step(struct app *a, const struct review_in *r, date_t on,
				enum grade *g, struct err *e)
{
	int y, mo, d;

	date_to_ymd(a->today, &y, &mo, &d);
	if (r->year < 1930 || r->year > y)
		err_add(e, ERR_INPUT, r->line, "year", NULL, NULL,
			"the review year must be between 1930 and %d", y);
	if (r->step >= RS__COUNT)
		err_add(e, ERR_INPUT, r->line, "step", NULL, NULL,
			"the step must be self, proposal or decision");
	if (r->score < -1 || r->score > 100)
		err_add(e, ERR_INPUT, r->line, "score", NULL, NULL,
			"the score is out of 100: give 0 to 100, or none");
	*g = r->grade;
	if (r->score >= 0) {
		enum grade sg = review_score_grade(&a->rules, on, r->score);

		if (*g == G_NONE)
			*g = sg;
		else if (sg != G_NONE && sg != *g)
			err_add(e, ERR_RULE, r->line, "grade", grade_name(*g),
				sg < *g ? R_REVIEW_SCORE_EXCELLENT : R_REVIEW_SCORE_COMPLETE,
				"a score of %d gives the grade %s, not %s (R-REVIEW-SCORE-EXCELLENT,"
				" -GOOD, -COMPLETE)", r->score, err_tr(grade_name(sg)),
				err_tr(grade_name(*g)));
	}
	if (*g == G_NONE && r->score >= 0)
		err_add(e, ERR_INPUT, r->line, "grade", NULL, R_REVIEW_SCORE_EXCELLENT,
			"no score rule (R-REVIEW-SCORE-*) was in force on that date, so a score "
			"gives no grade: give the grade (excellent, good, complete, not_complete)");
	else if (*g == G_NONE)
		err_add(e, ERR_INPUT, r->line, "grade", NULL, NULL,
			"give a grade (excellent, good, complete, not_complete) or a score");
	/* R-REVIEW-DATES: never before the year reviewed began (nor, as that year is in the
	 * past or this one, for a year not yet begun). Every step comes through here: the CLI,
	 * the API, the pages and the imports. */
	if (r->year >= 1930 && r->year <= y)
		review_check_date(r->year, on, r->line, e);
	{
		/* R-MEMBER-DATES, as for every dated change; with the step's line. */
		size_t k = e->n;

		app_check_date(a, on, "date", e);
		for (; k < e->n; k++)
			e->items[k].line = r->line;
	}
	return e->code;
}

/* One member's step, prepared: the member, where it counts, and the row to store. */
struct org_ref {
	int64_t id;
	char code[ORG_CODE_MAX + 1];
	long pre;
};

struct prepared {
	int64_t member_id, member_org;
	struct org_ref cell, g;
	struct review_row row;
	enum grade prev;        /* the decision it replaces (G_NONE: none) */
	struct review_row cur;  /* that decision, when prev is not G_NONE */
	int bad;                /* the row has a problem */
};

static void org_ref_set(struct org_ref *r, const struct org *o)
{
	r->id = o->id;
	snprintf(r->code, sizeof r->code, "%s", o->code);
	r->pre = o->pre;
}

static enum err_code prepare_step(struct app *a, const struct actor *ac,
				  const struct review_in *r, struct prepared *p, date_t on,
				  enum grade g, long spre, long slast, struct err *e);

/* A member's step, the member read whole (app_member_get: its scope check and its words
 * for a member out of sight), every check of prepare_step after it. */
static enum err_code prepare_member(struct app *a, const struct actor *ac,
				    const struct review_in *r, struct prepared *p, struct err *e)
{
	date_t on = app_date(a, r->date);
	enum grade g;
	struct member mm, *m = &mm;
	struct org cell, gr;
	long spre, slast;

	memset(p, 0, sizeof *p);
	p->prev = G_NONE;
	if (app_member_get(a, ac, r->member_id, m, e))
		return e->code;
	p->member_id = m->id;
	p->member_org = m->org_id;
	if (app_can_edit(ac, e) || check_step(a, r, on, &g, e))
		return e->code;
	if (!member_status_active(m->status))
		return err_add(e, ERR_RULE, r->line, "member_id", NULL, NULL,
			       "member %lld is %s, not on a roll: only members on a roll are "
			       "reviewed", (long long)m->id, err_tr(member_status_name(m->status)));
	{
		int ay, am, ad;

		date_to_ymd(m->admission_decision_date, &ay, &am, &ad);
		if (ay > r->year)
			return err_add(e, ERR_INPUT, r->line, "year", NULL, NULL,
				       "member %lld was admitted in %d, after the year %d under "
				       "review", (long long)m->id, ay, r->year);
	}
	if (store_org_by_id(a->st, m->org_id, &cell, e) || grassroots_of(a, &cell, &gr, e))
		return e->code;
	org_ref_set(&p->cell, &cell);
	org_ref_set(&p->g, &gr);
	if (app_scope(a, ac, &spre, &slast, e))
		return e->code;
	return prepare_step(a, ac, r, p, on, g, spre, slast, e);
}

/* The row of a member's step and the checks that rest on it (R-REVIEW-MEMBER-DECIDER within
 * the actor's scope [spre, slast], R-REVIEW-LOCKED, R-REVIEW-DISCIPLINED-MEMBER), once the
 * member is known to be on a roll in sight: p->member_id, p->member_org, p->cell and p->g
 * set, the step's own checks passed (g its grade). */
static enum err_code prepare_step(struct app *a, const struct actor *ac,
				  const struct review_in *r, struct prepared *p, date_t on,
				  enum grade g, long spre, long slast, struct err *e)
{
	date_t from, to;
	struct review_row cur;
	struct err tmp;
	long disc = 0;
	char field[24];
	int64_t mid = p->member_id;

	p->row.member_id = mid;
	p->row.org_id = p->cell.id;
	p->row.grassroots_id = p->g.id;
	p->row.year = r->year;
	p->row.step = (int)r->step;
	p->row.score = r->score;
	p->row.grade = (int)g;
	p->row.date = on;
	if (text_accept(r->reason, TEXT_REASON_MAX, TEXT_LINES, p->row.reason,
			sizeof p->row.reason, e, r->line, "reason", "the reason"))
		return e->code;
	snprintf(p->row.by, sizeof p->row.by, "%s", ac->name);
	if (r->step == RS_SELF)
		return ERR_OK;
	if (r->step == RS_PROPOSAL) {
		p->row.body_org_id = p->cell.id;
		return ERR_OK;
	}
	/* A decision: by the body R-REVIEW-MEMBER-DECIDER names, the grassroots committee
	 * ("grassroots") or the member's own cell ("cell"). */
	{
		const struct rule_version *v = ruleset_find(&a->rules, R_REVIEW_MEMBER_DECIDER, on);
		const struct org_ref *body = v && !strcmp(v->value, "cell") ? &p->cell : &p->g;

		p->row.body_org_id = body->id;
		rule_used(a, on, R_REVIEW_MEMBER_DECIDER, p->row.rules, sizeof p->row.rules);
		if (body->pre < spre || body->pre > slast)
			return err_add(e, ERR_DENIED, r->line, "member_id", NULL,
				       R_REVIEW_MEMBER_DECIDER,
				       "a member's grade is decided by the %s, which your role "
				       "does not cover whole; record a proposal instead",
				       body == &p->cell ? "member's cell" : "grassroots organisation");
	}
	err_init(&tmp);
	if (!store_review_current(a->st, mid, 0, r->year, &cur, &tmp)) {
		p->prev = (enum grade)cur.grade;
		p->cur = cur;
		if (!p->row.reason[0] && locked(a, on)) {
			err_cleanup(&tmp);
			return err_add(e, ERR_RULE, r->line, "reason", NULL, R_REVIEW_LOCKED,
				       "member %lld's review of %d was decided on %s as %s and is "
				       "locked; to change it give a reason: the change becomes "
				       "revision %d and the old decision stays visible",
				       (long long)mid, r->year, date_format(cur.date, field),
				       err_tr(grade_name((enum grade)cur.grade)), cur.revision + 1);
		}
	}
	err_cleanup(&tmp);
	year_bounds(r->year, &from, &to);
	if (store_discipline_count(a->st, mid, 0, from, to, &disc, e))
		return e->code;
	rule_used(a, on, R_REVIEW_DISCIPLINED_MEMBER, p->row.rules, sizeof p->row.rules);
	rule_used(a, on, R_REVIEW_EXCELLENT_QUOTA, p->row.rules, sizeof p->row.rules);
	return review_check_disciplined(&a->rules, on, g, disc > 0, "grade", r->line, e);
}

/* Store a member's prepared step and its audit entry (bulk: an import, whose one audit entry
 * is written at its end, as for members; each decision keeps who recorded it, when, and the
 * rules it applied in its row). */
static enum err_code store_member_step(struct app *a, const struct actor *ac,
				       struct prepared *p, int bulk, struct err *e)
{
	char subject[48], action[48], *after, *before = NULL;
	enum err_code rc;

	if (bulk)
		return store_review_insert_after(a->st, &p->row,
						 p->row.step == RS_DECISION && p->prev != G_NONE ? &p->cur
												 : NULL,
						 e);
	if ((rc = store_review_insert(a->st, &p->row, e)))
		return rc;
	snprintf(subject, sizeof subject, "member:%lld", (long long)p->member_id);
	snprintf(action, sizeof action, "review.member.%s",
		 review_step_name((enum review_step)p->row.step));
	after = app_json("{s:i,s:s,s:i,s:s,s:i,s:s,s:s}", "year", p->row.year, "grade",
			 grade_name((enum grade)p->row.grade), "score", p->row.score, "body",
			 p->row.step == RS_DECISION ? p->g.code : p->cell.code, "revision",
			 p->row.revision, "reason", p->row.reason, "rules", p->row.rules);
	/* The audit log holds JSON: the decision replaced, as an object like "after". */
	if (p->prev != G_NONE)
		before = app_json("{s:i,s:s,s:i}", "year", p->row.year, "grade",
				  grade_name(p->prev), "revision", p->row.revision - 1);
	rc = app_audit(a, ac, action, subject, p->member_org, before, after, e);
	free(before);
	free(after);
	return rc;
}

/* A member decided twice for a year in one chunk of a batch: sorted by member and year, so a
 * chunk is checked in n log n, not n squared (the earlier chunks are in the batch's seen set). */
struct dup_key {
	int64_t member;
	int year;
	size_t at;
};

static int cmp_dup(const void *x, const void *y)
{
	const struct dup_key *a = x, *b = y;

	if (a->member != b->member)
		return a->member < b->member ? -1 : 1;
	if (a->year != b->year)
		return a->year - b->year;
	return a->at < b->at ? -1 : a->at > b->at;
}

/* ---- organisations ------------------------------------------------------------------- */

static enum err_code prepare_org(struct app *a, const struct actor *ac, const struct review_in *r,
				 struct org *o, struct review_row *row, enum grade *prev,
				 struct err *e)
{
	date_t on = app_date(a, r->date), from, to;
	struct org body;
	struct org_review_basis b;
	struct review_row cur;
	struct err tmp;
	enum grade g;
	long up = 1, i, disc = 0;
	char d[DATE_STR];

	*prev = G_NONE;
	memset(row, 0, sizeof *row);
	if (app_org_lookup(a, ac, r->org_code, o, 1, "org_code", e))
		return e->code;
	if (app_can_edit(ac, e) || check_step(a, r, on, &g, e))
		return e->code;
	row->org_id = row->grassroots_id = o->id;
	row->grassroots = is_grassroots(a, o);
	row->year = r->year;
	row->step = (int)r->step;
	row->score = r->score;
	row->grade = (int)g;
	row->date = on;
	if (text_accept(r->reason, TEXT_REASON_MAX, TEXT_LINES, row->reason, sizeof row->reason,
			e, r->line, "reason", "the reason"))
		return e->code;
	snprintf(row->by, sizeof row->by, "%s", ac->name);
	if (r->step != RS_DECISION)
		return ERR_OK;
	/* R-REVIEW-ORG-DECIDER: the standing committee that many levels up decides. */
	ruleset_int(&a->rules, R_REVIEW_ORG_DECIDER, on, &up);
	body = *o;
	for (i = 0; i < up && body.parent_id; i++)
		if (store_org_by_id(a->st, body.parent_id, &body, e))
			return e->code;
	row->body_org_id = body.id;
	rule_used(a, on, R_REVIEW_ORG_DECIDER, row->rules, sizeof row->rules);
	if (body.id == o->id)
		return err_add(e, ERR_RULE, r->line, "org_code", o->code, R_REVIEW_ORG_DECIDER,
			       "%s has no organisation above it in this tree, so no body here "
			       "decides its grade; record its self-assessment only", o->code);
	if (!scope_holds(a, ac, body.pre))
		return err_add(e, ERR_DENIED, r->line, "org_code", o->code, R_REVIEW_ORG_DECIDER,
			       "%s's grade is decided by the standing committee of the "
			       "organisation above it, which your role does not cover; record a "
			       "self-assessment or proposal instead", o->code);
	err_init(&tmp);
	if (!store_review_current(a->st, 0, o->id, r->year, &cur, &tmp)) {
		*prev = (enum grade)cur.grade;
		if (!row->reason[0] && locked(a, on)) {
			err_cleanup(&tmp);
			return err_add(e, ERR_RULE, r->line, "reason", NULL, R_REVIEW_LOCKED,
				       "%s's review of %d was decided on %s as %s and is locked; to "
				       "change it give a reason: the change becomes revision %d and "
				       "the old decision stays visible", o->code, r->year,
				       date_format(cur.date, d), err_tr(grade_name((enum grade)cur.grade)),
				       cur.revision + 1);
		}
	}
	err_cleanup(&tmp);
	/* What the grade depends on: the sub-units when there are any, else the members. */
	memset(&b, 0, sizeof b);
	year_bounds(r->year, &from, &to);
	if (store_discipline_subunits(a->st, o->id, from, to, &b.sub_units, &b.sub_disciplined, e) ||
	    store_review_unit_grades(a->st, o->id, r->year, b.sub_units > 0, b.graded, &b.units, e) ||
	    store_discipline_count(a->st, 0, o->id, from, to, &disc, e))
		return e->code;
	b.leadership_disciplined = disc > 0;
	rule_used(a, on, R_REVIEW_ORG_EXCELLENT, row->rules, sizeof row->rules);
	rule_used(a, on, R_REVIEW_ORG_NOT_COMPLETE, row->rules, sizeof row->rules);
	return review_check_org(&a->rules, on, g, &b, "grade", r->line, e);
}

/* Store an organisation's prepared step and its audit entry. */
static enum err_code store_org_step(struct app *a, const struct actor *ac, const struct org *o,
				    struct review_row *row, enum grade prev, struct err *e)
{
	char subject[48], action[48], *after, *before = NULL;
	enum err_code rc;

	if ((rc = store_review_insert(a->st, row, e)))
		return rc;
	snprintf(subject, sizeof subject, "org:%s", o->code);
	snprintf(action, sizeof action, "review.org.%s",
		 review_step_name((enum review_step)row->step));
	after = app_json("{s:i,s:s,s:i,s:i,s:s,s:s}", "year", row->year, "grade",
			 grade_name((enum grade)row->grade), "score", row->score, "revision",
			 row->revision, "reason", row->reason, "rules", row->rules);
	if (prev != G_NONE)
		before = app_json("{s:i,s:s,s:i}", "year", row->year, "grade", grade_name(prev),
				  "revision", row->revision - 1);
	rc = app_audit(a, ac, action, subject, o->id, before, after, e);
	free(before);
	free(after);
	return rc;
}

/* ---- batches: one transaction, fed in chunks ----------------------------------------- */

/* R-REVIEW-EXCELLENT-QUOTA of one grassroots organisation and year over a batch's result: the
 * decisions in force when it was first met, plus the batch's. */
struct quota {
	int64_t g;
	char code[ORG_CODE_MAX + 1];
	int year;
	date_t on;
	long counts[4];
	long line;
};

/* A decision already in the batch, kept for the rest of it: who, for which year, and the line
 * it came from. 16 bytes, member 0 for an empty slot. */
struct seen_slot {
	int64_t member;
	int32_t year;
	uint32_t line;
};

/* The batch's decisions as a hash set with linear probing, at most three quarters full:
 * 16 bytes a slot, so about 21 to 43 bytes a decision (128 MiB for 5.6 million). */
struct seen_set {
	struct seen_slot *v;
	size_t cap, n;
};

struct review_batch {
	struct app *a;
	const struct actor *ac;
	int orgs;                  /* organisations' steps, else members' */
	struct err e;              /* the problems of the rows added so far */
	long rows, bad;            /* rows added, and of them rows with a problem */
	struct quota *qs;          /* in the order first met (the order they are checked in) */
	size_t nq, capq;
	size_t *qidx, qidx_cap;    /* hash index of qs: index + 1, 0 for an empty slot */
	struct seen_set seen;      /* members' decisions of the earlier chunks */
	struct prepared *ps;       /* the chunk being added (members) */
	struct dup_key *keys;
	size_t cap;
	/* An import (app_review_batch_import): the set-based way of a year's decisions. */
	int bulk;
	const char *file;          /* the file's name, for the import's audit entry */
	long spre, slast;          /* the actor's scope, read once */
	struct org_memo *memo;     /* by organisation id: its cell and grassroots refs */
	size_t nmemo;
	struct fact_slot *facts;   /* by member id, once the file is large (read_facts) */
	int64_t nfacts;
	int facts_tried;
	size_t facts_rows;         /* a first chunk this long reads every member at once */
};

/* A member as an import needs it, 12 bytes: read for every member in one pass. */
struct fact_slot {
	uint32_t org_id;  /* 0: no such member */
	int32_t admitted;
	uint8_t status;
};

/* Where a member of organisation id counts: its cell and grassroots organisation, found once
 * per organisation for the whole import (grassroots_of climbs the tree). */
struct org_memo {
	int known;
	struct org_ref cell, g;
};

static size_t mix(uint64_t a, uint64_t b)
{
	uint64_t h = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL) * 0xC2B2AE3D27D4EB4FULL;

	return (size_t)(h ^ h >> 31);
}

/* The line of member's decision for year in s, or 0 when there is none. */
static long seen_find(const struct seen_set *s, int64_t member, int year)
{
	size_t i;

	if (!s->cap)
		return 0;
	for (i = mix((uint64_t)member, (uint64_t)year) & (s->cap - 1); s->v[i].member;
	     i = (i + 1) & (s->cap - 1))
		if (s->v[i].member == member && s->v[i].year == year)
			return s->v[i].line;
	return 0;
}

/* Add a decision that seen_find does not find (member > 0). */
static void seen_add(struct seen_set *s, int64_t member, int year, long line)
{
	size_t i;

	if ((s->n + 1) * 4 > s->cap * 3) {
		struct seen_set old = *s;

		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = xcalloc(s->cap, sizeof *s->v);
		s->n = 0;
		for (i = 0; i < old.cap; i++)
			if (old.v[i].member)
				seen_add(s, old.v[i].member, old.v[i].year, old.v[i].line);
		free(old.v);
	}
	for (i = mix((uint64_t)member, (uint64_t)year) & (s->cap - 1); s->v[i].member;
	     i = (i + 1) & (s->cap - 1))
		;
	s->v[i].member = member;
	s->v[i].year = year;
	s->v[i].line = line > 0 && line <= (long)UINT32_MAX ? (uint32_t)line : UINT32_MAX;
	s->n++;
}

/* The quota of p's grassroots organisation and year, made (with the counts in force) when p
 * is the first decision of the batch there; NULL on a storage failure. */
static struct quota *quota_for(struct review_batch *b, const struct prepared *p, long line)
{
	size_t i, mask;
	struct quota *q;

	if ((b->nq + 1) * 2 > b->qidx_cap) {
		b->qidx_cap = b->qidx_cap ? b->qidx_cap * 2 : 64;
		free(b->qidx);
		b->qidx = xcalloc(b->qidx_cap, sizeof *b->qidx);
		mask = b->qidx_cap - 1;
		for (i = 0; i < b->nq; i++) {
			size_t k = mix((uint64_t)b->qs[i].g, (uint64_t)b->qs[i].year) & mask;

			while (b->qidx[k])
				k = (k + 1) & mask;
			b->qidx[k] = i + 1;
		}
	}
	mask = b->qidx_cap - 1;
	for (i = mix((uint64_t)p->g.id, (uint64_t)p->row.year) & mask; b->qidx[i];
	     i = (i + 1) & mask) {
		q = &b->qs[b->qidx[i] - 1];
		if (q->g == p->g.id && q->year == p->row.year)
			return q;
	}
	if (b->nq == b->capq) {
		b->capq = b->capq ? b->capq * 2 : 16;
		b->qs = xrealloc(b->qs, b->capq * sizeof *b->qs);
	}
	q = &b->qs[b->nq];
	memset(q, 0, sizeof *q);
	q->g = p->g.id;
	snprintf(q->code, sizeof q->code, "%s", p->g.code);
	q->year = p->row.year;
	q->on = p->row.date;
	q->line = line;
	if (store_review_quota_counts(b->a->st, q->g, q->year, q->counts, &b->e))
		return NULL;
	b->qidx[i] = ++b->nq;
	return q;
}

/* Keep the problems of one row, collected in one, in the batch, giving line to those without
 * one (lookups_only: only when the row failed a lookup, not found or denied, as the members'
 * batches always did). Returns 1 when the row had a problem. */
static int keep_problems(struct review_batch *b, struct err *one, long line, int lookups_only)
{
	int had = one->code != ERR_OK;

	if (had && line && (!lookups_only || one->code == ERR_NOTFOUND || one->code == ERR_DENIED)) {
		/* Say which line: a batch names every problem with its place. */
		size_t k;

		for (k = 0; k < one->n; k++)
			if (!one->items[k].line)
				one->items[k].line = line;
	}
	err_merge(&b->e, one);
	return had;
}

static void facts_size(void *ctx, int64_t max_id)
{
	struct review_batch *b = ctx;

	if (max_id > 0 && max_id < (1LL << 31)) {
		b->nfacts = max_id + 1;
		b->facts = xcalloc_big((size_t)b->nfacts, sizeof *b->facts);
	}
}

static int facts_put(void *ctx, int64_t id, const struct member_review_facts *f)
{
	struct review_batch *b = ctx;
	struct fact_slot *x;

	if (id < 1 || id >= b->nfacts || f->org_id < 1 || f->org_id > UINT32_MAX)
		return 0; /* left empty: such a member goes the whole way */
	x = &b->facts[id];
	x->org_id = (uint32_t)f->org_id;
	x->admitted = (int32_t)f->admitted;
	x->status = (uint8_t)f->status;
	return 0;
}

/* A large import reads every member's roll, status and admission once, in one pass of the
 * table, instead of a page of it a decision (the decisions come grouped by grassroots
 * organisation, the members by when they were added). */
static enum err_code read_facts(struct review_batch *b, struct err *e)
{
	b->facts_tried = 1;
	if (store_member_review_facts_all(b->a->st, facts_size, facts_put, b, e)) {
		xfree_big(b->facts, (size_t)b->nfacts, sizeof *b->facts);
		b->facts = NULL;
		b->nfacts = 0;
		return e->code;
	}
	return ERR_OK;
}

/* The cell and grassroots organisation of members of organisation id, from the memo. */
static const struct org_memo *org_memo_get(struct review_batch *b, int64_t id, struct err *e)
{
	struct org cell, gr;
	struct org_memo *m;

	if (id < 1 || id > (1 << 26))
		return NULL;
	if ((size_t)id >= b->nmemo) {
		size_t n = (size_t)id * 2 + 64;

		b->memo = xrealloc(b->memo, n * sizeof *b->memo);
		memset(b->memo + b->nmemo, 0, (n - b->nmemo) * sizeof *b->memo);
		b->nmemo = n;
	}
	m = &b->memo[id];
	if (!m->known) {
		if (store_org_by_id(b->a->st, id, &cell, e) || grassroots_of(b->a, &cell, &gr, e))
			return NULL;
		org_ref_set(&m->cell, &cell);
		org_ref_set(&m->g, &gr);
		m->known = 1;
	}
	return m;
}

/* A member's step in an import: the member read lean (its roll, status and admission
 * decision, one lookup) and where it counts from the memo, then the same checks as
 * prepare_member (prepare_step). A member not found, out of sight, not on a roll or
 * admitted after the year goes the whole way (prepare_member), so that every refusal is
 * worded as it always was. */
static enum err_code prepare_member_fast(struct review_batch *b, const struct review_in *r,
					 struct prepared *p, struct err *e)
{
	struct app *a = b->a;
	struct member_review_facts f;
	const struct org_memo *om;
	date_t on = app_date(a, r->date);
	enum grade g;
	enum err_code rc;
	int ay, am, ad;

	memset(p, 0, sizeof *p);
	p->prev = G_NONE;
	if (b->facts) {
		const struct fact_slot *x = r->member_id > 0 && r->member_id < b->nfacts
						    ? &b->facts[r->member_id] : NULL;

		rc = x && x->org_id ? ERR_OK : ERR_NOTFOUND;
		if (!rc) {
			memset(&f, 0, sizeof f);
			f.org_id = x->org_id;
			f.admitted = x->admitted;
			f.status = (enum member_status)x->status;
		}
	} else {
		rc = store_member_review_facts(a->st, r->member_id, &f, e);
		if (rc && rc != ERR_NOTFOUND)
			return rc;
	}
	if (rc)
		return prepare_member(a, b->ac, r, p, e);
	if (!(om = org_memo_get(b, f.org_id, e)))
		return e->code ? e->code : prepare_member(a, b->ac, r, p, e);
	date_to_ymd(f.admitted, &ay, &am, &ad);
	f.org_pre = om->cell.pre;
	if (f.org_pre < b->spre || f.org_pre > b->slast || !f.org_pre ||
	    !member_status_active(f.status) || ay > r->year)
		return prepare_member(a, b->ac, r, p, e);
	p->member_id = r->member_id;
	p->member_org = f.org_id;
	p->cell = om->cell;
	p->g = om->g;
	if (check_step(a, r, on, &g, e))
		return e->code;
	return prepare_step(a, b->ac, r, p, on, g, b->spre, b->slast, e);
}

/* Members' steps: prepare each row against the store, find a member decided twice (in this
 * chunk by sorting it, against the earlier chunks in the seen set), then, while the batch has
 * no problem, count the decisions into the quotas and store the chunk. */
static void add_members(struct review_batch *b, const struct review_in *rs, size_t n)
{
	size_t i, m = 0;

	for (i = 0; i < n; i++) {
		struct prepared *p = &b->ps[i];
		struct err one;
		long at;

		memset(p, 0, sizeof *p);
		/* Decided on an earlier chunk, which may be stored by now: say so, rather than
		 * judge the row against it. */
		if (rs[i].step == RS_DECISION &&
		    (at = seen_find(&b->seen, rs[i].member_id, rs[i].year))) {
			err_add(&b->e, ERR_INPUT, rs[i].line, "member_id", NULL, NULL,
				"member %lld is graded twice for %d (also on line %ld)",
				(long long)rs[i].member_id, rs[i].year, at);
			p->bad = 1;
			continue;
		}
		err_init(&one);
		if (b->bulk)
			prepare_member_fast(b, &rs[i], p, &one);
		else
			prepare_member(b->a, b->ac, &rs[i], p, &one);
		p->bad = keep_problems(b, &one, rs[i].line, 1);
		err_cleanup(&one);
	}
	/* Twice in this chunk: sorted by member and year, n log n. */
	for (i = 0; i < n; i++)
		if (b->ps[i].member_id && b->ps[i].row.step == RS_DECISION)
			b->keys[m++] = (struct dup_key){b->ps[i].member_id, b->ps[i].row.year, i};
	qsort(b->keys, m, sizeof *b->keys, cmp_dup);
	for (i = 0; i < m; i++) {
		const struct dup_key *k = &b->keys[i];

		if (i && k->member == k[-1].member && k->year == k[-1].year) {
			err_add(&b->e, ERR_INPUT, rs[k->at].line, "member_id", NULL, NULL,
				"member %lld is graded twice for %d (also on line %ld)",
				(long long)k->member, k->year, rs[k[-1].at].line);
			b->ps[k->at].bad = 1;
		} else {
			seen_add(&b->seen, k->member, k->year, rs[k->at].line);
		}
	}
	for (i = 0; i < n; i++)
		b->bad += b->ps[i].bad;
	/* R-REVIEW-EXCELLENT-QUOTA is checked at the end, on the counts of the whole batch; a
	 * batch with a problem is not stored, so its counts no longer matter. */
	for (i = 0; i < n && !b->e.code; i++) {
		struct prepared *p = &b->ps[i];
		struct quota *q;

		if (p->row.step != RS_DECISION)
			continue;
		if (!(q = quota_for(b, p, rs[i].line)))
			break;
		if (p->prev != G_NONE)
			q->counts[p->prev]--;
		q->counts[p->row.grade]++;
	}
	for (i = 0; i < n && !b->e.code; i++)
		store_member_step(b->a, b->ac, &b->ps[i], b->bulk, &b->e);
}

/* Organisations' steps, in the order given: a grassroots organisation's grade may rest on
 * its sub-units' grades decided earlier in the batch. Every row is still checked; rows are
 * stored while the batch has no problem. */
static void add_orgs(struct review_batch *b, const struct review_in *rs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct org o;
		struct review_row row;
		enum grade prev;
		struct err one;

		err_init(&one);
		if (!prepare_org(b->a, b->ac, &rs[i], &o, &row, &prev, &one) && !b->e.code)
			store_org_step(b->a, b->ac, &o, &row, prev, &one);
		b->bad += keep_problems(b, &one, rs[i].line, 0);
		err_cleanup(&one);
	}
}

enum err_code app_review_batch_begin(struct app *a, const struct actor *ac, int orgs,
				     struct review_batch **out, struct err *e)
{
	struct review_batch *b;
	enum err_code rc;

	*out = NULL;
	if ((rc = app_begin(a, e)))
		return rc;
	b = xcalloc(1, sizeof *b);
	b->a = a;
	b->ac = ac;
	b->orgs = orgs;
	err_init(&b->e);
	*out = b;
	return ERR_OK;
}

enum err_code app_review_batch_import(struct review_batch *b, const char *file, size_t facts_rows,
				      struct err *e)
{
	if (b->orgs)
		return ERR_OK; /* organisations' steps rest on each other: row by row */
	if (app_scope(b->a, b->ac, &b->spre, &b->slast, e))
		return e->code;
	/* The review table's indexes grow by millions of entries in one transaction: a cache
	 * that holds them keeps the pages from being written out and read back. */
	store_cache_mib(b->a->st, 192);
	if (store_review_bulk_begin(b->a->st, e))
		return e->code;
	b->bulk = 1;
	b->file = file;
	b->facts_rows = facts_rows;
	return ERR_OK;
}

enum err_code app_review_batch_add(struct review_batch *b, const struct review_in *rs, size_t n)
{
	if (b->e.code == ERR_STORAGE || !n)
		return b->e.code;
	b->rows += (long)n;
	if (b->orgs) {
		add_orgs(b, rs, n);
		return b->e.code;
	}
	if (b->bulk && !b->facts_tried && n >= b->facts_rows && read_facts(b, &b->e))
		return b->e.code;
	if (n > b->cap) {
		free(b->ps);
		free(b->keys);
		b->ps = xmalloc(n * sizeof *b->ps);
		b->keys = xmalloc(n * sizeof *b->keys);
		b->cap = n;
	}
	add_members(b, rs, n);
	return b->e.code;
}

static void batch_free(struct review_batch *b)
{
	if (b->bulk)
		store_cache_mib(b->a->st, 16);
	free(b->memo);
	xfree_big(b->facts, (size_t)b->nfacts, sizeof *b->facts);
	err_cleanup(&b->e);
	free(b->qs);
	free(b->qidx);
	free(b->seen.v);
	free(b->ps);
	free(b->keys);
	free(b);
}

/* The organisation at the top of the tree (the subject of an import by the whole tree). */
static int top_org(void *ctx, const struct org *o)
{
	*(struct org *)ctx = *o;
	return 1;
}

/* The end of an import's bulk: the figures counted in memory written, and the import's one
 * audit entry (which file, how many decisions, under whose scope) with a checkpoint. */
static void import_audit(struct review_batch *b, struct err *e)
{
	struct app *a = b->a;
	struct org scope;
	char subject[300], *after;
	struct err tmp;

	if (store_review_bulk_end(a->st, e))
		return;
	err_init(&tmp);
	memset(&scope, 0, sizeof scope);
	if (b->ac->scope_code[0])
		store_org_by_code(a->st, b->ac->scope_code, &scope, &tmp);
	else
		store_org_walk(a->st, 1, 1, 0, top_org, &scope, &tmp);
	err_cleanup(&tmp);
	snprintf(subject, sizeof subject, "file:%s", b->file ? b->file : "-");
	after = app_json("{s:I,s:I}", "rows", (json_int_t)b->rows, "imported",
			 (json_int_t)(b->rows - b->bad));
	if (!app_audit(a, b->ac, "import.reviews", subject, scope.id, NULL, after, e))
		app_audit_checkpoint(a, e);
	free(after);
}

enum err_code app_review_batch_finish(struct review_batch *b, long *bad, struct err *e)
{
	struct app *a = b->a;
	size_t i;
	enum err_code rc;

	/* R-REVIEW-EXCELLENT-QUOTA on the result of the whole batch, per grassroots
	 * organisation and year; a single step names its line. */
	for (i = 0; i < b->nq && !b->e.code && !e->code; i++)
		review_check_quota(&a->rules, b->qs[i].on, b->qs[i].code,
				   b->qs[i].counts[G_EXCELLENT],
				   b->qs[i].counts[G_EXCELLENT] + b->qs[i].counts[G_GOOD], "grade",
				   b->rows > 1 ? 0 : b->qs[i].line, &b->e);
	if (bad)
		*bad = b->bad;
	err_merge(e, &b->e);
	if (b->bulk && !e->code)
		import_audit(b, e);
	rc = app_end(a, e->code, e);
	batch_free(b);
	return rc;
}

void app_review_batch_abort(struct review_batch *b)
{
	struct err tmp;

	err_init(&tmp);
	app_end(b->a, ERR_INTERNAL, &tmp);
	err_cleanup(&tmp);
	batch_free(b);
}

enum err_code app_review_members(struct app *a, const struct actor *ac,
				 const struct review_in *rs, size_t n, struct err *e)
{
	struct review_batch *b;
	enum err_code rc;

	if ((rc = app_review_batch_begin(a, ac, 0, &b, e)))
		return rc;
	app_review_batch_add(b, rs, n);
	return app_review_batch_finish(b, NULL, e);
}

enum err_code app_review_member(struct app *a, const struct actor *ac, const struct review_in *r,
				struct err *e)
{
	return app_review_members(a, ac, r, 1, e);
}

enum err_code app_review_orgs(struct app *a, const struct actor *ac, const struct review_in *rs,
			      size_t n, struct err *e)
{
	struct review_batch *b;
	enum err_code rc;

	if ((rc = app_review_batch_begin(a, ac, 1, &b, e)))
		return rc;
	app_review_batch_add(b, rs, n);
	return app_review_batch_finish(b, NULL, e);
}

enum err_code app_review_org(struct app *a, const struct actor *ac, const struct review_in *r,
			     struct err *e)
{
	return app_review_orgs(a, ac, r, 1, e);
}

/* ---- reading reviews ----------------------------------------------------------------- */

struct rev_fwd {
	review_cb cb;
	void *ctx;
};

static int rev_forward(void *ctx, const struct review_row *r)
{
	struct rev_fwd *f = ctx;
	struct review_rec o;

	memset(&o, 0, sizeof o);
	o.id = r->id;
	o.member_id = r->member_id;
	snprintf(o.member_name, sizeof o.member_name, "%s", r->member_name);
	snprintf(o.org_code, sizeof o.org_code, "%s", r->org_code);
	snprintf(o.org_name, sizeof o.org_name, "%s", r->org_name);
	o.year = r->year;
	o.step = (enum review_step)r->step;
	o.score = r->score;
	o.grade = (enum grade)r->grade;
	o.date = r->date;
	snprintf(o.by, sizeof o.by, "%s", r->by);
	snprintf(o.body, sizeof o.body, "%s", r->body_code);
	o.revision = r->revision;
	o.current = r->current;
	snprintf(o.reason, sizeof o.reason, "%s", r->reason);
	snprintf(o.rules, sizeof o.rules, "%s", r->rules);
	return f->cb(f->ctx, &o);
}

enum err_code app_review_history(struct app *a, const struct actor *ac, int64_t member_id,
				 review_cb cb, void *ctx, struct err *e)
{
	struct member m;
	struct rev_fwd f = {cb, ctx};

	if (app_member_get(a, ac, member_id, &m, e))
		return e->code;
	return store_review_list(a->st, m.id, 0, rev_forward, &f, e);
}

enum err_code app_review_org_history(struct app *a, const struct actor *ac, const char *code,
				     review_cb cb, void *ctx, struct err *e)
{
	struct org o;
	struct rev_fwd f = {cb, ctx};

	if (app_org_lookup(a, ac, code, &o, 0, "org", e))
		return e->code;
	return store_review_list(a->st, 0, o.id, rev_forward, &f, e);
}

/* ---- the cell's form ----------------------------------------------------------------- */

struct sheet_ctx {
	struct app *a;
	struct review_sheet *s;
	date_t from, to;
	struct err *e;
};

static enum grade step_grade(struct app *a, int64_t id, int year, int step, int *score)
{
	struct review_row r;
	struct err tmp;
	enum grade g = G_NONE;

	err_init(&tmp);
	if (!store_review_latest(a->st, id, year, step, &r, &tmp)) {
		g = (enum grade)r.grade;
		if (score)
			*score = r.score;
	}
	err_cleanup(&tmp);
	return g;
}

/* The latest discipline in force decided in the sheet's year, on the row last added. */
static int sheet_disc(void *ctx, const struct discipline_row *d)
{
	struct sheet_ctx *c = ctx;
	struct review_sheet_row *w = &c->s->rows[c->s->n - 1];

	if (d->date < c->from || d->date > c->to || (d->state[0] && strcmp(d->state, "in_force")))
		return 0;
	w->disc_form = d->form;
	w->disc_date = d->date;
	return 1;
}

static int sheet_add(void *ctx, const struct member *m)
{
	struct sheet_ctx *c = ctx;
	struct review_sheet *s = c->s;
	struct review_sheet_row *w;
	struct review_row cur;
	struct err tmp;
	long disc = 0;

	if (m->org_id != c->s->rows_org)
		return 0; /* hosted here, reviewed at home */
	s->rows = xrealloc(s->rows, (s->n + 1) * sizeof *s->rows);
	w = &s->rows[s->n++];
	memset(w, 0, sizeof *w);
	w->member_id = m->id;
	snprintf(w->full_name, sizeof w->full_name, "%s", m->full_name);
	w->status = (int)m->status;
	w->self_score = -1;
	w->self_grade = step_grade(c->a, m->id, s->year, RS_SELF, &w->self_score);
	w->proposed = step_grade(c->a, m->id, s->year, RS_PROPOSAL, NULL);
	w->decided = G_NONE;
	w->disc_form = -1;
	err_init(&tmp);
	if (!store_review_current(c->a->st, m->id, 0, s->year, &cur, &tmp)) {
		w->decided = (enum grade)cur.grade;
		store_review_revision_open(c->a->st, cur.id, &w->under_revision, &tmp);
	}
	store_discipline_count(c->a->st, m->id, 0, c->from, c->to, &disc, &tmp);
	if (disc > 0)
		store_discipline_of_member(c->a->st, m->id, sheet_disc, c, &tmp);
	err_cleanup(&tmp);
	w->disciplined = disc > 0;
	return 0;
}

enum err_code app_review_sheet(struct app *a, const struct actor *ac, const char *cell_code,
			       int year, struct review_sheet *s, struct err *e)
{
	struct org cell, g;
	struct sheet_ctx c = {a, s, 0, 0, e};
	long counts[4];
	size_t i;

	memset(s, 0, sizeof *s);
	if (app_org_lookup(a, ac, cell_code, &cell, 1, "org", e) || grassroots_of(a, &cell, &g, e))
		return e->code;
	snprintf(s->org_code, sizeof s->org_code, "%s", cell.code);
	snprintf(s->org_name, sizeof s->org_name, "%s", cell.name);
	snprintf(s->grassroots_code, sizeof s->grassroots_code, "%s", g.code);
	s->year = year;
	s->rows_org = cell.id;
	year_bounds(year, &c.from, &c.to);
	if (store_member_list(a->st, cell.pre, cell.pre, 0, 0, -1, sheet_add, &c, e))
		return e->code;
	s->quota_pct = -1;
	ruleset_int(&a->rules, R_REVIEW_EXCELLENT_QUOTA, a->today, &s->quota_pct);
	if (store_review_quota_counts(a->st, g.id, year, counts, e))
		return e->code;
	/* Outside this cell: the form adds its own choices to these. */
	for (i = 0; i < s->n; i++)
		if (s->rows[i].decided != G_NONE)
			counts[s->rows[i].decided]--;
	s->excellent = counts[G_EXCELLENT];
	s->good_or_better = counts[G_EXCELLENT] + counts[G_GOOD];
	s->can_decide = role_can_edit(ac->role) && scope_holds(a, ac, g.pre);
	return ERR_OK;
}

void review_sheet_cleanup(struct review_sheet *s)
{
	free(s->rows);
	memset(s, 0, sizeof *s);
}

