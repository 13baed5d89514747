/* demo_plan.c - the demo region's personnel planning (docs/cadres.md "Planning"): the period
 * 2025-2030; the region's plan approved in 2025 (version 1) with ranked successors for the
 * key posts of the region and of its provinces and divisions, taken from the holders of key posts below them
 * (the way a department plans: the commanders of the regiments for the division's commander)
 * and, where too few, from their officials; some posts left with one successor (short); the
 * structure targets (one of them missed); the yearly review of 2026 (version 2) with one
 * removal and one addition, each with its reason. Everything goes through app_plan.h; a step
 * the rules refuse (a person planned for three posts already) is skipped. Candidates who do
 * not meet a criterion stay in the plan and are shown with it. */
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "app_int.h"
#include "app_plan.h"

#define DEMO_PLAN_PERIOD "2025-2030"
#define DEMO_PLAN_ORGS 12   /* provinces and divisions planned for */
#define DEMO_PLAN_PICK 24
#define DEMO_PLAN_POOL 400

struct dp {
	struct app *a;
	const struct actor *ac;
	struct org top[DEMO_PLAN_ORGS + 1]; /* [0]: the region */
	size_t ntop;
	struct plan_pos *pos;
	size_t npos, cap;
	int64_t pick[DEMO_PLAN_POOL];
	size_t npick;
	int deputy; /* the member being looked at held a deputy's post */
	int64_t skip; /* the organisation whose own posts are not candidates' */
};

static int top_org(void *ctx, const struct org *o)
{
	struct dp *d = ctx;

	/* the region: the first committee below the root; then its own committees */
	if (o->kind != OK_COMMITTEE || d->ntop >= DEMO_PLAN_ORGS + 1)
		return 0;
	if (!d->ntop ? o->depth == 1 : o->depth == 2 && o->pre > d->top[0].pre &&
							     o->pre <= d->top[0].last)
		d->top[d->ntop++] = *o;
	return 0;
}

static int pos_take(void *ctx, const struct plan_pos *p)
{
	struct dp *d = ctx;

	if (d->npos == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->pos = xrealloc(d->pos, d->cap * sizeof *d->pos);
	}
	d->pos[d->npos++] = *p;
	return 0;
}

static int picked(const struct dp *d, int64_t id)
{
	size_t i;

	for (i = 0; i < d->npick; i++)
		if (d->pick[i] == id)
			return 1;
	return 0;
}

static int holder_take(void *ctx, const struct holding *h)
{
	struct dp *d = ctx;

	if (d->npick < DEMO_PLAN_POOL && !h->holder_left && !picked(d, h->member_id))
		d->pick[d->npick++] = h->member_id;
	return d->npick == DEMO_PLAN_POOL;
}

static int member_take(void *ctx, const struct member *m)
{
	struct dp *d = ctx;

	if (m->status == MS_OFFICIAL && d->npick < DEMO_PLAN_PICK && !picked(d, m->id))
		d->pick[d->npick++] = m->id;
	return d->npick == DEMO_PLAN_PICK;
}

/* A successor ready in the plan's latest version (0: none), and the post: the one the yearly
 * review takes out (the browser scenario plans him again for a vacant post of that kind). */
static int64_t ready_one(struct app *a, const struct actor *ac, const char *region,
			       char *ref, size_t cap, struct err *e)
{
	struct plan_view v;
	size_t i;
	int64_t id = 0;

	if (app_plan_get(a, ac, DEMO_PLAN_PERIOD, region, 0, &v, e))
		return 0;
	for (i = 0; i < v.nrows && !id; i++)
		if (!v.rows[i].j.nfail) {
			id = v.rows[i].s.member_id;
			snprintf(ref, cap, "%lld", (long long)v.rows[i].s.position_id);
		}
	plan_view_free(&v);
	return id;
}

static int deputy_seen(void *ctx, const struct holding *h)
{
	struct dp *d = ctx;

	if (!strncmp(h->pos_kind, "deputy_", 7))
		d->deputy = 1;
	return 0;
}

/* The candidates for the posts of o: holders of the key posts below it (those who held a
 * deputy's post first: the lower post the criteria ask for), then officials. */
static enum err_code candidates(struct dp *d, const struct org *o, struct err *e)
{
	size_t i;

	d->npick = 0;
	d->npos = 0;
	if (store_plan_key_positions(d->a->st, o->pre, o->last, d->a->today, pos_take, d, e))
		return e->code;
	size_t front = 0;

	for (i = 0; i < d->npos && d->npick < DEMO_PLAN_POOL; i++)
		if (d->pos[i].org_id != o->id &&
		    app_holdings(d->a, d->ac, d->pos[i].id, d->a->today, holder_take, d, e))
			return e->code;
	for (i = 0; i < d->npick; i++) {
		d->deputy = 0;
		if (app_member_holdings(d->a, d->ac, d->pick[i], deputy_seen, d, e))
			return e->code;
		if (d->deputy) {
			int64_t x = d->pick[front];

			d->pick[front++] = d->pick[i];
			d->pick[i] = x;
		}
	}
	if (d->npick > DEMO_PLAN_PICK)
		d->npick = DEMO_PLAN_PICK;
	if (d->npick < 8 &&
	    store_member_list(d->a->st, o->pre, o->last, 0, 0, 200, member_take, d, e))
		return e->code;
	/* their own assessment's health class (the sheet records it; a stand-in here) */
	for (i = 0; i < d->npick; i++)
		if (store_plan_demo_health(d->a->st, d->pick[i], 2025, i % 5 == 4 ? 3 : 1 + (int)(i % 2),
					   d->ac->name, e))
			return e->code;
	return ERR_OK;
}

/* A refusal of the records (a rule) is skipped; a failure of the database is not. */
static enum err_code soft(enum err_code rc, struct err *e)
{
	if (rc == ERR_OK || rc == ERR_STORAGE || rc == ERR_INTERNAL)
		return rc;
	err_clear(e);
	return ERR_OK;
}

static void ref_of(char *out, size_t cap, const struct plan_pos *p)
{
	snprintf(out, cap, "%lld", (long long)p->id);
}

enum err_code demo_plan(struct app *a, const struct actor *ac, struct err *e)
{
	struct dp d;
	struct plan_period per;
	struct plan_version v;
	struct cadre_decision dec;
	long pre, last;
	size_t k, i, next = 0;
	char ref[24], first_ref[24] = "", extra_ref[24] = "";
	int64_t first_member = 0, extra_member = 0;
	enum err_code rc;

	memset(&d, 0, sizeof d);
	d.a = a;
	d.ac = ac;
	if ((rc = app_scope(a, ac, &pre, &last, e)) ||
	    (rc = store_org_walk(a->st, pre, last, 2, top_org, &d, e)))
		goto out;
	if (!d.ntop)
		goto out;
	if ((rc = soft(app_plan_period_add(a, ac, DEMO_PLAN_PERIOD, 2025, 2030, &per, e), e)))
		goto out;
	dec.number = "125-QĐ/ĐU";
	dec.decided_on = date_from_ymd(2025, 4, 15);
	dec.body_code = d.top[0].code;
	if ((rc = app_plan_version_add(a, ac, DEMO_PLAN_PERIOD, d.top[0].code, 0, 2025, &dec,
				       "Phê duyệt quy hoạch cán bộ chủ trì nhiệm kỳ 2025-2030", &v,
				       e)))
		goto out;
	for (k = 0; k < d.ntop; k++) {
		const struct org *o = &d.top[k];
		size_t own = 0;

		if ((rc = candidates(&d, o, e)))
			goto out;
		next = 0;
		for (i = 0; i < d.npos; i++) {
			int n, j;

			if (d.pos[i].org_id != o->id)
				continue;
			n = ++own % 3 == 0 ? 1 : 2; /* every third post: one successor, short */
			ref_of(ref, sizeof ref, &d.pos[i]);
			for (j = 0; j < n && next < d.npick; j++, next++) {
				rc = app_plan_add(a, ac, DEMO_PLAN_PERIOD, d.top[0].code, ref,
						  d.pick[next], 0,
						  j ? "Có triển vọng, cần rèn luyện thêm ở cương vị "
						      "chủ trì"
						    : "Đủ tiêu chuẩn, có năng lực, uy tín; nguồn kế "
						      "cận",
						  e);
				if ((rc = soft(rc, e)))
					goto out;
				if (!first_member) {
					first_member = d.pick[next];
					snprintf(first_ref, sizeof first_ref, "%s", ref);
				}
			}
			if (!extra_member && n == 1 && next < d.npick) {
				extra_member = d.pick[next++];
				snprintf(extra_ref, sizeof extra_ref, "%s", ref);
			}
		}
	}
	if ((rc = soft(app_plan_target_set(a, ac, DEMO_PLAN_PERIOD, d.top[0].code, "young", 30,
					   40, e), e)) ||
	    (rc = soft(app_plan_target_set(a, ac, DEMO_PLAN_PERIOD, d.top[0].code,
					   "ethnic_minority", 25, 0, e), e)) ||
	    (rc = soft(app_plan_target_set(a, ac, DEMO_PLAN_PERIOD, d.top[0].code, "women", 15,
					   0, e), e)))
		goto out;
	/* the yearly review of 2026: one out, one in */
	if (a->today < date_from_ymd(2026, 1, 1))
		goto out;
	dec.number = "37-QĐ/ĐU";
	dec.decided_on = date_from_ymd(2026, 3, 20);
	if (dec.decided_on > a->today)
		dec.decided_on = a->today;
	if ((rc = app_plan_version_add(a, ac, DEMO_PLAN_PERIOD, d.top[0].code, 1, 2026, &dec,
				       "Rà soát, bổ sung quy hoạch năm 2026", &v, e)))
		goto out;
	{
		char rref[24];
		int64_t ready = ready_one(a, ac, d.top[0].code, rref, sizeof rref, e);

		if (e->code)
			goto fail;
		if (ready) {
			first_member = ready;
			snprintf(first_ref, sizeof first_ref, "%s", rref);
		}
	}
	if (first_member &&
	    (rc = soft(app_plan_remove(a, ac, DEMO_PLAN_PERIOD, d.top[0].code, first_ref,
				       first_member,
				       "Điều động giữ chức vụ ngoài Quân khu, đưa ra khỏi quy hoạch",
				       e), e)))
		goto out;
	if (extra_member &&
	    (rc = soft(app_plan_add(a, ac, DEMO_PLAN_PERIOD, d.top[0].code, extra_ref,
				    extra_member, 1, "Bổ sung qua rà soát năm 2026: hoàn thành "
				    "xuất sắc nhiệm vụ hai năm liền", e), e)))
		goto out;
	rc = ERR_OK;
	goto out;
fail:
	rc = e->code;
out:
	free(d.pos);
	return rc;
}
