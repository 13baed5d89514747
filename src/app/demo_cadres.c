/* demo_cadres.c - the demo region's key cadres (docs/cadres.md): the border provinces and
 * their border posts flagged border (and difficult), commander and commissar posts (and a
 * secretary's) in every committee and grassroots organisation down to the regiment level,
 * held by members of their subtree with the decision of the body two levels up, about one in
 * eight left vacant and one in twelve held by an acting holder; committees of the region and
 * its provinces and divisions for the previous term (2020-2025) and the current one
 * (2025-2030), a few below their seats; and deputies of inland units rotated to the border
 * posts' commanders in 2025 and 2026. Everything goes through app_cadres.h, as any user's
 * changes would; a step the records refuse (a member not on the rolls that day) is skipped. */
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "../lib/rng.h"
#include "app_cadres.h"
#include "app_int.h"

#define DEMO_CADRES_SEED 0xcad4e5ULL
#define DEPTH_MAX 3  /* positions down to this depth (the root is 0) */
#define STACK 16

struct dorg {
	struct org o;
	char anc[STACK][ORG_CODE_MAX + 1]; /* anc[k]: the ancestor at depth k */
	int border_post, border_province;
};

struct demo_cad {
	struct app *a;
	const struct actor *ac;
	struct rng r;
	struct dorg *v;
	size_t n, cap;
	char anc[STACK][ORG_CODE_MAX + 1];
	int64_t *used;
	size_t nused, capused;
	int64_t pick[64];
	size_t npick;
};

static int collect(void *ctx, const struct org *o)
{
	struct demo_cad *d = ctx;
	struct dorg *x;

	if (o->depth >= STACK)
		return 0;
	snprintf(d->anc[o->depth], sizeof d->anc[0], "%s", o->code);
	if (o->depth > DEPTH_MAX && strcmp(o->grassroots_type, "border_post"))
		return 0;
	if (o->kind == OK_CELL || o->kind == OK_SUBCOMMITTEE)
		return 0;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 256;
		d->v = xrealloc(d->v, d->cap * sizeof *d->v);
	}
	x = &d->v[d->n++];
	memset(x, 0, sizeof *x);
	x->o = *o;
	memcpy(x->anc, d->anc, sizeof x->anc);
	x->border_post = !strcmp(o->grassroots_type, "border_post");
	return 0;
}

static int used(const struct demo_cad *d, int64_t id)
{
	size_t i;

	for (i = 0; i < d->nused; i++)
		if (d->used[i] == id)
			return 1;
	return 0;
}

static void use(struct demo_cad *d, int64_t id)
{
	if (d->nused == d->capused) {
		d->capused = d->capused ? d->capused * 2 : 256;
		d->used = xrealloc(d->used, d->capused * sizeof *d->used);
	}
	d->used[d->nused++] = id;
}

static int take(void *ctx, const struct member *m)
{
	struct demo_cad *d = ctx;

	if (m->status != MS_OFFICIAL || used(d, m->id))
		return 0;
	d->pick[d->npick++] = m->id;
	return d->npick == sizeof d->pick / sizeof d->pick[0];
}

/* Up to 64 official members of o's subtree not yet holding a post, into d->pick. */
static enum err_code candidates(struct demo_cad *d, const struct org *o, struct err *e)
{
	d->npick = 0;
	return store_member_list(d->a->st, o->pre, o->last, 0, 0, 400, take, d, e);
}

/* The body two levels above an organisation at depth k (the root for the top levels). */
static const char *body_of(const struct dorg *x)
{
	int k = x->o.depth - 2;

	return x->anc[k > 0 ? k : 0];
}

/* Create kind at x and, unless it stays vacant, appoint the next candidate from on. */
static enum err_code post(struct demo_cad *d, const struct dorg *x, const char *kind, date_t on,
			  int vacant_per_mille, struct position *p, int64_t *holder, struct err *e)
{
	struct cadre_decision dec;
	struct holding h;
	char num[40];
	size_t i;

	*holder = 0;
	p->id = 0;
	if (app_position_add(d->a, d->ac, x->o.code, kind, 0, -1,
			     x->o.established > date_from_ymd(2015, 1, 1) ? x->o.established
									 : date_from_ymd(2015, 1, 1),
			     p, e)) {
		if (e->code == ERR_STORAGE)
			return e->code;
		err_clear(e);
		return ERR_OK;
	}
	if (on < p->valid_from)
		on = p->valid_from;
	if (rng_chance(&d->r, (unsigned)vacant_per_mille))
		return ERR_OK;
	for (i = 0; i < d->npick; i++) {
		if (used(d, d->pick[i]))
			continue;
		snprintf(num, sizeof num, "%u/QĐ-BTL", 100 + (unsigned)rng_below(&d->r, 900));
		dec.number = num;
		dec.decided_on = on - 10;
		dec.body_code = body_of(x);
		if (app_appoint(d->a, d->ac, d->pick[i], p->id, &dec, rng_chance(&d->r, 80), on,
				&h, e) == ERR_OK) {
			use(d, d->pick[i]);
			*holder = d->pick[i];
			return ERR_OK;
		}
		if (e->code == ERR_STORAGE)
			return e->code;
		err_clear(e);
	}
	return ERR_OK;
}

/* A committee of x for the term from start, seated from the candidates but `missing`. */
static enum err_code committee(struct demo_cad *d, const struct dorg *x, date_t start,
			       int missing, struct err *e)
{
	struct cadre_decision dec = {"25-QĐ/ĐU", DATE_NONE, NULL};
	struct committee_seat s[9];
	struct committee c;
	size_t i, n = 0;

	dec.body_code = x->o.depth > 0 ? x->anc[x->o.depth - 1] : NULL;
	if (app_committee_add(d->a, d->ac, x->o.code, start, 9, 3, &dec, &c, e)) {
		if (e->code == ERR_STORAGE)
			return e->code;
		err_clear(e);
		return ERR_OK;
	}
	for (i = 0; i < d->npick && n < (size_t)(9 - missing); i++) {
		s[n].member_id = d->pick[d->npick - 1 - i];
		s[n].role = n == 0 ? "secretary" : n < 3 ? "deputy_secretary" : "member";
		n++;
	}
	if (n && app_committee_fill(d->a, d->ac, c.id, s, n, start, "election", NULL, e)) {
		if (e->code == ERR_STORAGE)
			return e->code;
		err_clear(e);
	}
	return ERR_OK;
}

enum err_code demo_cadres(struct app *a, const struct actor *ac, struct err *e)
{
	struct demo_cad d;
	struct position p;
	long spre, slast;
	size_t i, k;
	int64_t holder;
	enum err_code rc;
	/* the inland deputies to rotate, and the border posts' commanders left for them */
	int64_t *dep_member = NULL, *dep_pos = NULL, *bp_pos = NULL;
	size_t ndep = 0, nbp = 0;

	memset(&d, 0, sizeof d);
	d.a = a;
	d.ac = ac;
	rng_seed(&d.r, DEMO_CADRES_SEED);
	if ((rc = app_scope(a, ac, &spre, &slast, e)) ||
	    (rc = store_org_walk(a->st, spre, slast, -1, collect, &d, e)))
		goto out;
	/* the provinces holding border posts are border provinces (and difficult areas) */
	for (i = 0; i < d.n; i++)
		if (d.v[i].border_post)
			for (k = 0; k < d.n; k++)
				if (d.v[k].o.id == d.v[i].o.parent_id)
					d.v[k].border_province = 1;
	for (i = 0; i < d.n; i++) {
		struct dorg *x = &d.v[i];

		if (x->border_province || x->border_post) {
			if ((rc = app_org_flag(a, ac, x->o.code, "border", 1,
					       date_from_ymd(2015, 1, 1), "45/QĐ-TTg", e)) ||
			    (rc = app_org_flag(a, ac, x->o.code, "difficult", 1,
					       date_from_ymd(2018, 7, 1), "", e)))
				goto out;
		}
	}
	dep_member = xcalloc(d.n + 1, sizeof *dep_member);
	dep_pos = xcalloc(d.n + 1, sizeof *dep_pos);
	bp_pos = xcalloc(d.n + 1, sizeof *bp_pos);
	for (i = 0; i < d.n; i++) {
		struct dorg *x = &d.v[i];
		date_t on = date_from_ymd(2019 + (int)rng_below(&d.r, 6), 1 + (int)rng_below(&d.r, 12),
					  1);

		if (x->o.depth == 0)
			continue;
		if ((rc = candidates(&d, &x->o, e)))
			goto out;
		if ((rc = post(&d, x, "commander", on, x->border_post ? 1000 : 125, &p, &holder,
			       e)))
			goto out;
		if (x->border_post && p.id)
			bp_pos[nbp++] = p.id;
		if ((rc = post(&d, x, "commissar", on, 125, &p, &holder, e)))
			goto out;
		if (x->o.kind == OK_COMMITTEE &&
		    (rc = post(&d, x, "secretary", on, 60, &p, &holder, e)))
			goto out;
		if (!x->border_province && !x->border_post && x->o.kind == OK_GRASSROOTS &&
		    ndep < nbp + 16) {
			if ((rc = post(&d, x, "deputy_commander", on, 0, &p, &holder, e)))
				goto out;
			if (holder) {
				dep_member[ndep] = holder;
				dep_pos[ndep++] = p.id;
			}
		}
		if (x->o.depth <= 2 && x->o.kind == OK_COMMITTEE) {
			if ((rc = committee(&d, x, date_from_ymd(2020, 10, 1), 0, e)) ||
			    (rc = committee(&d, x, date_from_ymd(2025, 10, 1),
					    rng_chance(&d.r, 300) ? 2 : 0, e)))
				goto out;
		}
	}
	/* rotations: inland deputies to the border posts' commanders, 2025 and 2026 */
	for (i = 0; i < nbp && i < ndep; i++) {
		struct cadre_decision dec;
		struct holding h;
		char num[40];
		date_t on = date_from_ymd(2025 + (int)(i % 2), 3 + (int)(i % 8), 1);

		if (on > a->today)
			on = a->today;
		snprintf(num, sizeof num, "%zu/QĐ-BTL", 300 + i);
		dec.number = num;
		dec.decided_on = on - 14;
		dec.body_code = d.v[0].o.code; /* the root decides any post */
		if (app_post_transfer(a, ac, dep_member[i], dep_pos[i], bp_pos[i], &dec, 1, 0, on,
				      &h, e)) {
			if (e->code == ERR_STORAGE) {
				rc = e->code;
				goto out;
			}
			err_clear(e);
		}
	}
	rc = ERR_OK;
out:
	free(dep_member);
	free(dep_pos);
	free(bp_pos);
	free(d.v);
	free(d.used);
	return rc;
}
