/* app_cadres.c - key cadres (app_cadres.h, docs/cadres.md): positions, flags, holdings and
 * their events, committees and the vacancy report; each change checks the actor's scope and
 * role and writes its audit entry in the same transaction. */
#include <stdlib.h>
#include <string.h>

#include "../core/text.h"
#include "../lib/mem.h"
#include "app_cadres.h"
#include "app_int.h"
#include "app_json.h"
#include "app_plan.h"

/* ---- lookups ----------------------------------------------------------------------- */

/* The organisation of a position, seen by the actor (ERR_NOTFOUND "no position" otherwise). */
static enum err_code position_seen(struct app *a, const struct actor *ac, int64_t id,
				   struct position *p, struct err *e)
{
	long spre, slast;
	struct org o;
	enum err_code rc;

	if (app_scope(a, ac, &spre, &slast, e))
		return e->code;
	rc = store_position_get(a->st, id, p, e);
	if (rc == ERR_NOTFOUND || (!rc && (store_org_by_code(a->st, p->org_code, &o, e) ||
					  !app_org_visible(a, spre, slast, &o))))
		return err_add(e, ERR_NOTFOUND, 0, "position", NULL, NULL,
			       "no position has the id %lld; 'cadre position list --org CODE' "
			       "lists them",
			       (long long)id);
	return rc;
}

enum err_code app_position_ref(struct app *a, const struct actor *ac, const char *ref, date_t on,
			       struct position *p, struct err *e)
{
	const char *colon = ref ? strchr(ref, ':') : NULL;
	char code[ORG_CODE_MAX + 1];
	struct org o;
	char *end;
	long long id;

	if (!ref || !ref[0])
		return err_add(e, ERR_USAGE, 0, "position", NULL, NULL,
			       "say which position: its id, or ORG:KIND (E98:commander)");
	if (!colon) {
		id = strtoll(ref, &end, 10);
		if (*end || id <= 0)
			return err_add(e, ERR_NOTFOUND, 0, "position", ref, NULL,
				       "no position is '%s': give its id, or ORG:KIND "
				       "(E98:commander)",
				       ref);
		return position_seen(a, ac, (int64_t)id, p, e);
	}
	if ((size_t)(colon - ref) > ORG_CODE_MAX)
		return err_add(e, ERR_NOTFOUND, 0, "position", ref, NULL,
			       "no organisation has the code in '%s'", ref);
	memcpy(code, ref, (size_t)(colon - ref));
	code[colon - ref] = 0;
	if (app_org_lookup(a, ac, code, &o, 0, "position", e))
		return e->code;
	if (store_position_find(a->st, o.id, colon + 1, app_date(a, on), p, e) == ERR_NOTFOUND) {
		char d[DATE_STR];

		return err_add(e, ERR_NOTFOUND, 0, "position", ref, NULL,
			       "organisation %s has no position %s on %s; 'cadre position add' "
			       "creates it",
			       code, colon + 1, date_format(app_date(a, on), d));
	}
	return e->code;
}

/* The deciding body of d, existing on its date, allowed by R-POS-DECIDER-LEVEL to decide p. */
static enum err_code check_body(struct app *a, const struct cadre_decision *d,
				const struct position *p, struct org *body, struct err *e)
{
	const struct rule_version *rv;
	long levels;
	int anc, up = 0;
	char ds[DATE_STR];

	if (!d->body_code || !d->body_code[0])
		return err_add(e, ERR_INPUT, 0, "body", NULL, NULL,
			       "the deciding body is required: --body CODE of the committee that "
			       "decided");
	if (store_org_by_code(a->st, d->body_code, body, e))
		return err_add(e, ERR_NOTFOUND, 0, "body", d->body_code, NULL,
			       "no organisation has the code '%s'; 'cadre org tree' lists them",
			       d->body_code);
	rv = ruleset_find(&a->rules, R_POS_DECIDER_LEVEL, d->decided_on);
	if (!rv || cadre_decider_levels(rv->value, p->kind, p->org_kind, &levels))
		return err_add(e, ERR_RULE, 0, "body", d->body_code, R_POS_DECIDER_LEVEL,
			       "no version of R-POS-DECIDER-LEVEL in force on %s says who decides "
			       "a %s of a %s",
			       date_format(d->decided_on, ds), p->kind, p->org_kind);
	/* how far up the parent links the body is (a dissolved organisation keeps its last
	 * parent, so that the decision ending its holdings is checked as any other) */
	{
		struct org cur;
		int64_t id = p->org_id;

		anc = 0;
		while (id && up < 64) {
			if (store_org_by_id(a->st, id, &cur, e))
				return e->code;
			if (up > 0 && cur.id == body->id) {
				anc = 1;
				break;
			}
			id = cur.parent_id;
			up++;
		}
	}
	/* the position `up` levels below the body; the root (no parent) decides any */
	if (cadre_decider_ok(anc, body->parent_id ? up + 1 : up, body->parent_id ? 1 : 0, levels))
		return ERR_OK;
	return err_add(e, ERR_RULE, 0, "body", d->body_code, R_POS_DECIDER_LEVEL,
		       "%s may not decide the %s of %s: the deciding body must be a "
		       "committee above it, at least %ld level(s) up (R-POS-DECIDER-LEVEL)",
		       d->body_code, p->kind, p->org_code, levels);
}

/* The decision's number and date; on the event's day, not after today. */
static void check_decision(struct app *a, const struct cadre_decision *d, date_t on,
			   struct err *e)
{
	const char *why;

	if (cadre_decision_check(d->number, &why))
		err_add(e, ERR_INPUT, 0, "decision", d->number, NULL, "%s", err_tr(why));
	if (d->decided_on == DATE_NONE)
		err_add(e, ERR_INPUT, 0, "decided_on", NULL, NULL,
			"the decision's date is required (YYYY-MM-DD)");
	else
		app_check_date(a, d->decided_on, "decided_on", e);
	app_check_date(a, on, "on", e);
}

/* The member, on the rolls on on. */
static enum err_code member_on_roll(struct app *a, int64_t member_id, date_t on,
				    struct member *m, struct err *e)
{
	int st;
	char d[DATE_STR];

	if (store_member_get(a->st, member_id, m, e))
		return err_add(e, ERR_NOTFOUND, 0, "member", NULL, NULL,
			       "no member has the id %lld", (long long)member_id);
	if (app_status_at(a, m, on, &st, e))
		return e->code;
	if (st < 0 || !member_status_active((enum member_status)st))
		return err_add(e, ERR_RULE, 0, "member", NULL, NULL,
			       "member %lld (%s) is not on the rolls on %s", (long long)member_id,
			       m->full_name, date_format(on, d));
	return ERR_OK;
}

/* The position in force on on, its organisation active then, editable by the actor. */
static enum err_code position_for_change(struct app *a, const struct actor *ac, int64_t id,
					 date_t on, struct position *p, struct err *e)
{
	char d[DATE_STR];

	if (position_seen(a, ac, id, p, e) || app_can_edit(ac, e))
		return e->code;
	date_format(on, d);
	if (p->valid_from > on || (p->valid_to != DATE_NONE && p->valid_to <= on))
		return err_add(e, ERR_RULE, 0, "on", d, NULL,
			       "position %lld (%s of %s) is not in force on %s", (long long)p->id,
			       p->kind, p->org_code, d);
	if (p->org_dissolved != DATE_NONE && p->org_dissolved <= on)
		return err_add(e, ERR_RULE, 0, "position", p->org_code, NULL,
			       "organisation '%s' was dissolved by %s", p->org_code, d);
	return ERR_OK;
}

static char *holding_audit(const struct holding *h)
{
	char f[DATE_STR], t[DATE_STR], dd[DATE_STR];

	return app_json("{s:I,s:I,s:s,s:s,s:b,s:s,s:s?,s:s,s:s,s:s,s:b,s:b,s:s?,s:s?}",
			"position_id", (json_int_t)h->position_id, "member_id",
			(json_int_t)h->member_id, "org", h->org_code, "kind", h->pos_kind, "acting",
			h->acting, "from", date_format(h->valid_from, f), "to",
			h->valid_to == DATE_NONE ? NULL : date_format(h->valid_to, t), "how",
			h->how, "decision", h->decision, "decided_on",
			date_format(h->decided_on, dd), "to_difficult", h->to_difficult,
			"to_border", h->to_border, "end_reason",
			h->end_reason[0] ? h->end_reason : NULL, "end_decision",
			h->end_decision[0] ? h->end_decision : NULL);
}

static enum err_code audit_holding(struct app *a, const struct actor *ac, const char *action,
				   const struct holding *before, const struct holding *after,
				   int64_t org_id, struct err *e)
{
	char subject[40], *b = before ? holding_audit(before) : NULL;
	char *af = after ? holding_audit(after) : NULL;
	enum err_code rc;

	snprintf(subject, sizeof subject, "holding:%lld",
		 (long long)(after ? after->id : before->id));
	rc = app_audit(a, ac, action, subject, org_id, b, af, e);
	free(b);
	free(af);
	return rc;
}

/* ---- the catalogue and positions ------------------------------------------------------ */

enum err_code app_pkinds(struct app *a, store_pkind_cb cb, void *ctx, struct err *e)
{
	return store_pkinds(a->st, cb, ctx, e);
}

enum err_code app_position_add(struct app *a, const struct actor *ac, const char *org_code,
			       const char *kind, long seats, int key, date_t on,
			       struct position *p, struct err *e)
{
	struct position_kind k;
	struct position old;
	struct org o;
	enum err_code rc;
	char subject[40], *after, d[DATE_STR];

	on = app_date(a, on);
	memset(p, 0, sizeof *p);
	if ((rc = app_begin(a, e)))
		return rc;
	/* the organisation and the role first: outside the scope nothing else is told */
	if ((rc = app_org_lookup(a, ac, org_code ? org_code : "", &o, 1, "org", e)) ||
	    (rc = app_can_edit(ac, e)))
		goto out;
	if (!kind || !kind[0] || store_pkind_get(a->st, kind, &k, e) == ERR_NOTFOUND) {
		e->code = ERR_OK;
		err_add(e, ERR_INPUT, 0, "kind", kind, NULL,
			"'%s' is not a position kind; 'cadre position kinds' lists them",
			kind ? kind : "");
	} else if (seats > 1 && !k.multi)
		err_add(e, ERR_INPUT, 0, "seats", NULL, NULL,
			"a %s has one seat; only deputies and members may have several", kind);
	if (seats < 0)
		err_add(e, ERR_INPUT, 0, "seats", NULL, NULL, "the seats must be 1 or more");
	app_check_date(a, on, "on", e);
	if (e->code || (rc = app_check_exists_on(&o, on, "on", e))) {
		rc = e->code;
		goto out;
	}
	if (store_position_find(a->st, o.id, kind, on, &old, e) == ERR_OK ||
	    store_position_find(a->st, o.id, kind, DATE_NONE, &old, e) == ERR_OK) {
		rc = err_add(e, ERR_RULE, 0, "kind", kind, NULL,
			     "organisation %s already has the position %s (id %lld)", o.code, kind,
			     (long long)old.id);
		goto out;
	}
	err_clear(e);
	p->org_id = o.id;
	snprintf(p->kind, sizeof p->kind, "%s", kind);
	p->is_key = key < 0 ? k.key : key != 0;
	p->seats = seats > 0 ? seats : 1;
	p->valid_from = on;
	if ((rc = store_position_insert(a->st, p, ac->name, e)) ||
	    (rc = store_position_get(a->st, p->id, p, e)))
		goto out;
	snprintf(subject, sizeof subject, "position:%lld", (long long)p->id);
	after = app_json("{s:s,s:s,s:b,s:I,s:s}", "org", o.code, "kind", kind, "key", p->is_key,
			 "seats", (json_int_t)p->seats, "from", date_format(on, d));
	rc = app_audit(a, ac, "position.add", subject, o.id, NULL, after, e);
	free(after);
out:
	return app_end(a, rc, e);
}

enum err_code app_positions(struct app *a, const struct actor *ac, const char *org_code,
			    date_t as_of, store_position_cb cb, void *ctx, struct err *e)
{
	struct org o;

	if (app_org_lookup(a, ac, org_code ? org_code : "", &o, 0, "org", e))
		return e->code;
	return store_positions(a->st, o.id, app_date(a, as_of), cb, ctx, e);
}

enum err_code app_holdings(struct app *a, const struct actor *ac, int64_t position_id,
			   date_t as_of, store_holding_cb cb, void *ctx, struct err *e)
{
	struct position p;

	if (position_seen(a, ac, position_id, &p, e))
		return e->code;
	return store_holdings(a->st, position_id, as_of, cb, ctx, e);
}

enum err_code app_member_holdings(struct app *a, const struct actor *ac, int64_t member_id,
				  store_holding_cb cb, void *ctx, struct err *e)
{
	struct member m;

	if (app_member_get(a, ac, member_id, &m, e))
		return e->code;
	return store_member_holdings(a->st, member_id, cb, ctx, e);
}

/* ---- flags ----------------------------------------------------------------------------- */

enum err_code app_org_flag(struct app *a, const struct actor *ac, const char *org_code,
			   const char *flag, int set, date_t on, const char *decision,
			   struct err *e)
{
	struct org_flag f;
	struct org o;
	enum err_code rc;
	int cur;
	char subject[48], *after, d[DATE_STR];

	on = app_date(a, on);
	if (!cadre_org_flag_ok(flag))
		err_add(e, ERR_INPUT, 0, "flag", flag, NULL,
			"'%s' is not a flag: difficult or border", flag ? flag : "");
	app_check_date(a, on, "on", e);
	if (decision && strlen(decision) > CADRE_DECISION_MAX)
		err_add(e, ERR_INPUT, 0, "decision", NULL, NULL,
			"the decision's number is longer than 80 bytes");
	if (e->code)
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = app_org_lookup(a, ac, org_code ? org_code : "", &o, 1, "org", e)) ||
	    (rc = app_can_edit(ac, e)) || (rc = store_flag_at(a->st, o.id, flag, on, &cur, e)))
		goto out;
	if (cur == set) {
		rc = err_add(e, ERR_RULE, 0, "flag", flag, NULL,
			     set ? "organisation %s is already flagged %s on %s"
				 : "organisation %s is not flagged %s on %s",
			     o.code, flag, date_format(on, d));
		goto out;
	}
	memset(&f, 0, sizeof f);
	f.org_id = o.id;
	snprintf(f.flag, sizeof f.flag, "%s", flag);
	f.valid_from = on;
	snprintf(f.decision, sizeof f.decision, "%s", decision ? decision : "");
	if ((rc = store_flag_set(a->st, &f, set, ac->name, e)))
		goto out;
	snprintf(subject, sizeof subject, "org:%s", o.code);
	after = app_json("{s:s,s:b,s:s,s:s}", "flag", flag, "set", set, "on",
			 date_format(on, d), "decision", f.decision);
	rc = app_audit(a, ac, "org.flag", subject, o.id, NULL, after, e);
	free(after);
out:
	return app_end(a, rc, e);
}

enum err_code app_org_flags(struct app *a, const struct actor *ac, const char *org_code,
			    store_flag_cb cb, void *ctx, struct err *e)
{
	struct org o;

	if (app_org_lookup(a, ac, org_code ? org_code : "", &o, 0, "org", e))
		return e->code;
	return store_flags(a->st, o.id, cb, ctx, e);
}

/* ---- holdings ---------------------------------------------------------------------------- */

/* The seat check: member m not already at p, a seat free on on for a full (or acting)
 * holder. */
static enum err_code seat_free(struct app *a, const struct position *p, int64_t member_id,
			       int acting, date_t on, struct err *e)
{
	struct holding h;
	long full, act;

	if (store_holding_open(a->st, member_id, p->id, &h, e) == ERR_OK)
		return err_add(e, ERR_RULE, 0, "member", NULL, NULL,
			       "member %lld already holds %s of %s (since holding %lld)",
			       (long long)member_id, p->kind, p->org_code, (long long)h.id);
	err_clear(e);
	if (store_holding_counts(a->st, p->id, on, &full, &act, e))
		return e->code;
	if ((!acting && full >= p->seats) || (acting && full + act >= p->seats))
		return err_add(e, ERR_RULE, 0, "position", NULL, NULL,
			       "every seat of %s of %s is held (%ld of %ld); dismiss or transfer "
			       "the holder first",
			       p->kind, p->org_code, full + (acting ? act : 0), p->seats);
	return ERR_OK;
}

static void fill_holding(struct holding *h, const struct position *p, int64_t member_id,
			 const struct cadre_decision *d, const struct org *body, int acting,
			 date_t on, const char *how, const char *by)
{
	memset(h, 0, sizeof *h);
	h->position_id = p->id;
	h->member_id = member_id;
	h->acting = acting != 0;
	h->valid_from = on;
	h->valid_to = DATE_NONE;
	snprintf(h->how, sizeof h->how, "%s", how);
	snprintf(h->decision, sizeof h->decision, "%s", d->number);
	h->decided_on = d->decided_on;
	h->body_org_id = body->id;
	snprintf(h->recorded_by, sizeof h->recorded_by, "%s", by);
	snprintf(h->org_code, sizeof h->org_code, "%s", p->org_code);
	snprintf(h->pos_kind, sizeof h->pos_kind, "%s", p->kind);
}

enum err_code app_appoint(struct app *a, const struct actor *ac, int64_t member_id,
			  int64_t position_id, const struct cadre_decision *d, int acting,
			  date_t on, struct holding *h, struct err *e)
{
	struct position p;
	struct member m;
	struct org body;
	enum err_code rc;

	on = app_date(a, on);
	check_decision(a, d, on, e);
	if (e->code)
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = position_for_change(a, ac, position_id, on, &p, e)) ||
	    (rc = member_on_roll(a, member_id, on, &m, e)) ||
	    (rc = check_body(a, d, &p, &body, e)) ||
	    (rc = seat_free(a, &p, member_id, acting, on, e)))
		goto out;
	fill_holding(h, &p, member_id, d, &body, acting, on, "appoint", ac->name);
	if ((rc = store_holding_insert(a->st, h, e)) ||
	    (rc = store_holding_get(a->st, h->id, h, e)))
		goto out;
	rc = audit_holding(a, ac, "cadre.appoint", NULL, h, p.org_id, e);
out:
	return app_end(a, rc, e);
}

/* End holding h (open) on on by decision d from body, how and why; 0 or the error. */
static enum err_code end_holding(struct app *a, struct holding *h, const struct cadre_decision *d,
				 const struct org *body, const char *how, const char *reason,
				 date_t on, struct err *e)
{
	char ds[DATE_STR], fs[DATE_STR];

	if (on <= h->valid_from)
		return err_add(e, ERR_RULE, 0, "on", date_format(on, ds), NULL,
			       "the holding began on %s: it can end only after that day",
			       date_format(h->valid_from, fs));
	h->valid_to = on;
	snprintf(h->end_how, sizeof h->end_how, "%s", how);
	snprintf(h->end_reason, sizeof h->end_reason, "%s", reason ? reason : "");
	snprintf(h->end_decision, sizeof h->end_decision, "%s", d->number);
	h->end_decided_on = d->decided_on;
	h->end_body_org_id = body->id;
	return store_holding_end(a->st, h, e);
}

/* The open holding of member_id at p (ERR_RULE naming the member otherwise). */
static enum err_code open_holding(struct app *a, int64_t member_id, const struct position *p,
				  struct holding *h, struct err *e)
{
	if (store_holding_open(a->st, member_id, p->id, h, e) == ERR_NOTFOUND) {
		err_clear(e);
		return err_add(e, ERR_RULE, 0, "member", NULL, NULL,
			       "member %lld does not hold %s of %s", (long long)member_id, p->kind,
			       p->org_code);
	}
	return e->code;
}

enum err_code app_dismiss(struct app *a, const struct actor *ac, int64_t member_id,
			  int64_t position_id, const struct cadre_decision *d, const char *reason,
			  date_t on, struct err *e)
{
	struct position p;
	struct holding h, before;
	struct org body;
	char why[401];
	enum err_code rc;

	on = app_date(a, on);
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = position_seen(a, ac, position_id, &p, e)) || (rc = app_can_edit(ac, e)))
		goto out;
	check_decision(a, d, on, e);
	if (!reason || !reason[0])
		err_add(e, ERR_INPUT, 0, "reason", NULL, NULL,
			"the reason is required (--reason: retired, moved to another post ...)");
	else
		text_accept(reason, 400, 0, why, sizeof why, e, 0, "reason", "the reason");
	if (e->code) {
		rc = e->code;
		goto out;
	}
	if ((rc = open_holding(a, member_id, &p, &h, e)) ||
	    (rc = check_body(a, d, &p, &body, e)))
		goto out;
	before = h;
	if ((rc = end_holding(a, &h, d, &body, "dismiss", why, on, e)))
		goto out;
	rc = audit_holding(a, ac, "cadre.dismiss", &before, &h, p.org_id, e);
out:
	return app_end(a, rc, e);
}

enum err_code app_post_transfer(struct app *a, const struct actor *ac, int64_t member_id,
				int64_t from_id, int64_t to_id, const struct cadre_decision *d,
				int rotate, int acting, date_t on, struct holding *h,
				struct err *e)
{
	struct position pf, pt;
	struct holding old, before;
	struct member m;
	struct org body;
	enum err_code rc;
	const char *how = rotate ? "rotate" : "transfer";

	on = app_date(a, on);
	check_decision(a, d, on, e);
	if (from_id == to_id)
		err_add(e, ERR_INPUT, 0, "to", NULL, NULL,
			"the new post is the same as the old one");
	if (e->code)
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = position_seen(a, ac, from_id, &pf, e)) ||
	    (rc = position_for_change(a, ac, to_id, on, &pt, e)) ||
	    (rc = open_holding(a, member_id, &pf, &old, e)) ||
	    (rc = member_on_roll(a, member_id, on, &m, e)) ||
	    (rc = check_body(a, d, &pf, &body, e)) || (rc = check_body(a, d, &pt, &body, e)) ||
	    (rc = seat_free(a, &pt, member_id, acting, on, e)))
		goto out;
	before = old;
	if ((rc = end_holding(a, &old, d, &body, how, rotate ? "rotation" : "transfer", on, e)) ||
	    (rc = audit_holding(a, ac, rotate ? "cadre.rotate" : "cadre.transfer", &before, &old,
				pf.org_id, e)))
		goto out;
	fill_holding(h, &pt, member_id, d, &body, acting, on, how, ac->name);
	h->prev_holding_id = old.id;
	if (rotate && ((rc = store_flag_at(a->st, pt.org_id, "difficult", on, &h->to_difficult,
					  e)) ||
		       (rc = store_flag_at(a->st, pt.org_id, "border", on, &h->to_border, e))))
		goto out;
	if ((rc = store_holding_insert(a->st, h, e)) ||
	    (rc = store_holding_get(a->st, h->id, h, e)))
		goto out;
	rc = audit_holding(a, ac, rotate ? "cadre.rotate" : "cadre.transfer", NULL, h, pt.org_id,
			   e);
out:
	return app_end(a, rc, e);
}

struct rot_ctx {
	store_holding_cb cb;
	void *ctx;
	long n, dif, bor, flagged;
};

static int rot_count(void *ctx, const struct holding *h)
{
	struct rot_ctx *r = ctx;

	r->n++;
	r->dif += h->to_difficult;
	r->bor += h->to_border;
	r->flagged += h->to_difficult || h->to_border;
	return r->cb ? r->cb(r->ctx, h) : 0;
}

enum err_code app_rotations(struct app *a, const struct actor *ac, const char *org_code,
			    int year, store_holding_cb cb, void *ctx, long *n, long *to_difficult,
			    long *to_border, long *flagged, struct err *e)
{
	struct rot_ctx r = {cb, ctx, 0, 0, 0, 0};
	long pre, last;

	if (app_subtree(a, ac, org_code, 0, &pre, &last, e))
		return e->code;
	if (year < 1900 || year > 9999)
		return err_add(e, ERR_INPUT, 0, "year", NULL, NULL, "the year is required: 2025");
	if (store_rotations(a->st, pre, last, date_from_ymd(year, 1, 1),
			    date_from_ymd(year + 1, 1, 1), rot_count, &r, e))
		return e->code;
	*n = r.n;
	*to_difficult = r.dif;
	*to_border = r.bor;
	*flagged = r.flagged;
	return ERR_OK;
}

/* ---- committees ------------------------------------------------------------------------ */

struct overlap {
	date_t start, end;
	int64_t id;
};

static int overlap_cb(void *ctx, const struct committee *c)
{
	struct overlap *o = ctx;

	if (c->term_start < o->end && o->start < c->term_end) {
		o->id = c->id;
		return 1;
	}
	return 0;
}

enum err_code app_committee_add(struct app *a, const struct actor *ac, const char *org_code,
				date_t term_start, long seats, long standing_seats,
				const struct cadre_decision *d, struct committee *c,
				struct err *e)
{
	struct org o, body;
	struct overlap ov;
	long years;
	enum err_code rc;
	char subject[40], *after, s1[DATE_STR], s2[DATE_STR];

	memset(c, 0, sizeof *c);
	if (term_start == DATE_NONE)
		err_add(e, ERR_INPUT, 0, "term_start", NULL, NULL,
			"the term's start is required (the congress's day, YYYY-MM-DD)");
	if (seats < 1)
		err_add(e, ERR_INPUT, 0, "seats", NULL, NULL,
			"the seats are required: how many members the upper committee set");
	if (standing_seats < 0 || (seats >= 1 && standing_seats >= seats))
		err_add(e, ERR_INPUT, 0, "standing_seats", NULL, NULL,
			"the standing committee's seats must be fewer than the committee's");
	if (d && d->number && d->number[0] && strlen(d->number) > CADRE_DECISION_MAX)
		err_add(e, ERR_INPUT, 0, "decision", NULL, NULL,
			"the decision's number is longer than 80 bytes");
	if (e->code)
		return e->code;
	if (!ruleset_int(&a->rules, R_COMMITTEE_TERM_YEARS, term_start, &years) || years < 1)
		return err_add(e, ERR_RULE, 0, "term_start", date_format(term_start, s1),
			       R_COMMITTEE_TERM_YEARS,
			       "no version of R-COMMITTEE-TERM-YEARS is in force on %s", s1);
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = app_org_lookup(a, ac, org_code ? org_code : "", &o, 1, "org", e)) ||
	    (rc = app_can_edit(ac, e)) || (rc = app_check_exists_on(&o, term_start, "term_start", e)))
		goto out;
	c->org_id = o.id;
	snprintf(c->org_code, sizeof c->org_code, "%s", o.code);
	c->term_start = term_start;
	c->term_end = cadre_term_end(term_start, years);
	c->seats = seats;
	c->standing_seats = standing_seats;
	if (d && d->body_code && d->body_code[0]) {
		if (store_org_by_code(a->st, d->body_code, &body, e) ||
		    !(body.pre > 0 && body.pre < o.pre && o.pre <= body.last)) {
			err_clear(e);
			rc = err_add(e, ERR_RULE, 0, "body", d->body_code, NULL,
				     "the seats are set by a committee above %s; '%s' is not one",
				     o.code, d->body_code);
			goto out;
		}
		c->body_org_id = body.id;
	}
	if (d && d->number)
		snprintf(c->decision, sizeof c->decision, "%s", d->number);
	ov.start = c->term_start;
	ov.end = c->term_end;
	ov.id = 0;
	if ((rc = store_committees(a->st, o.id, overlap_cb, &ov, e)))
		goto out;
	if (ov.id) {
		rc = err_add(e, ERR_RULE, 0, "term_start", date_format(term_start, s1),
			     R_COMMITTEE_TERM_YEARS,
			     "the term %s to %s overlaps the term of committee %lld of %s", s1,
			     date_format(c->term_end, s2), (long long)ov.id, o.code);
		goto out;
	}
	if ((rc = store_committee_insert(a->st, c, ac->name, e)) ||
	    (rc = store_committee_get(a->st, c->id, c, e)))
		goto out;
	snprintf(subject, sizeof subject, "committee:%lld", (long long)c->id);
	after = app_json("{s:s,s:s,s:s,s:I,s:I,s:s,s:s}", "org", o.code, "term_start",
			 date_format(c->term_start, s1), "term_end", date_format(c->term_end, s2),
			 "seats", (json_int_t)seats, "standing_seats", (json_int_t)standing_seats,
			 "decision", c->decision, "body", c->body_code);
	rc = app_audit(a, ac, "committee.add", subject, o.id, NULL, after, e);
	free(after);
out:
	return app_end(a, rc, e);
}

enum err_code app_committee_get(struct app *a, const struct actor *ac, int64_t id,
				struct committee *c, struct err *e)
{
	long spre, slast;
	struct org o;

	if (app_scope(a, ac, &spre, &slast, e))
		return e->code;
	if (store_committee_get(a->st, id, c, e) || store_org_by_code(a->st, c->org_code, &o, e) ||
	    !app_org_visible(a, spre, slast, &o)) {
		if (e->code == ERR_STORAGE)
			return e->code;
		err_clear(e);
		return err_add(e, ERR_NOTFOUND, 0, "committee", NULL, NULL,
			       "no committee has the id %lld; 'cadre committee list --org CODE' "
			       "lists them",
			       (long long)id);
	}
	return store_committee_count(a->st, id, app_date(a, DATE_NONE), &c->members,
				     &c->standing, e);
}

struct at_ctx {
	date_t on;
	struct committee *c;
	int found;
};

static int at_cb(void *ctx, const struct committee *c)
{
	struct at_ctx *x = ctx;

	if (c->term_start <= x->on && x->on < c->term_end) {
		*x->c = *c;
		x->found = 1;
		return 1;
	}
	return 0;
}

enum err_code app_committee_at(struct app *a, const struct actor *ac, const char *org_code,
			       date_t on, struct committee *c, struct err *e)
{
	struct org o;
	struct at_ctx x;
	char d[DATE_STR];

	on = app_date(a, on);
	x.on = on;
	x.c = c;
	x.found = 0;
	if (app_org_lookup(a, ac, org_code ? org_code : "", &o, 0, "org", e) ||
	    store_committees(a->st, o.id, at_cb, &x, e))
		return e->code;
	if (!x.found)
		return err_add(e, ERR_NOTFOUND, 0, "org", o.code, NULL,
			       "%s has no committee whose term covers %s", o.code,
			       date_format(on, d));
	return store_committee_count(a->st, c->id, on, &c->members, &c->standing, e);
}

enum err_code app_committees(struct app *a, const struct actor *ac, const char *org_code,
			     store_committee_cb cb, void *ctx, struct err *e)
{
	struct org o;

	if (app_org_lookup(a, ac, org_code ? org_code : "", &o, 0, "org", e))
		return e->code;
	return store_committees(a->st, o.id, cb, ctx, e);
}

enum err_code app_committee_seated(struct app *a, const struct actor *ac, int64_t committee_id,
				   date_t on, long *members, long *standing, struct err *e)
{
	struct committee c;

	if (app_committee_get(a, ac, committee_id, &c, e))
		return e->code;
	return store_committee_count(a->st, committee_id, app_date(a, on), members, standing, e);
}

enum err_code app_cmembers(struct app *a, const struct actor *ac, int64_t committee_id,
			   date_t on, store_cmember_cb cb, void *ctx, struct err *e)
{
	struct committee c;

	if (app_committee_get(a, ac, committee_id, &c, e))
		return e->code;
	return store_cmembers(a->st, committee_id, on, cb, ctx, e);
}

static int secretary_cb(void *ctx, const struct committee_member *m)
{
	*(long *)ctx += !strcmp(m->role, "secretary");
	return 0;
}

enum err_code app_committee_fill(struct app *a, const struct actor *ac, int64_t committee_id,
				 const struct committee_seat *s, size_t n, date_t on,
				 const char *how, const char *decision, struct err *e)
{
	struct committee c;
	struct committee_member cm;
	struct org o;
	long members, standing, secretaries = 0;
	enum err_code rc;
	size_t i, j;
	char subject[40], *after, d[DATE_STR];

	if (!how || (strcmp(how, "election") && strcmp(how, "appointment")))
		return err_add(e, ERR_INPUT, 0, "how", how, NULL,
			       "how the members came: election or appointment");
	if (!strcmp(how, "appointment") && (!decision || !decision[0]))
		return err_add(e, ERR_INPUT, 0, "decision", NULL, NULL,
			       "an appointment to a committee needs the decision's number");
	if (decision && strlen(decision) > CADRE_DECISION_MAX)
		return err_add(e, ERR_INPUT, 0, "decision", NULL, NULL,
			       "the decision's number is longer than 80 bytes");
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = app_committee_get(a, ac, committee_id, &c, e)) || (rc = app_can_edit(ac, e)) ||
	    (rc = store_org_by_code(a->st, c.org_code, &o, e)))
		goto out;
	if (!n) {
		rc = err_add(e, ERR_INPUT, 0, "members", NULL, NULL,
			     "no member given: --seat MEMBER_ID=ROLE");
		goto out;
	}
	on = on == DATE_NONE ? c.term_start : on;
	if (on < c.term_start || on >= c.term_end) {
		rc = err_add(e, ERR_RULE, 0, "on", date_format(on, d), NULL,
			     "%s is outside the committee's term", d);
		goto out;
	}
	/* the secretary already seated that day counts too: seats come one call at a time */
	if ((rc = app_check_date(a, on, "on", e)) ||
	    (rc = store_committee_count(a->st, c.id, on, &members, &standing, e)) ||
	    (rc = store_cmembers(a->st, c.id, on, secretary_cb, &secretaries, e)))
		goto out;
	for (i = 0; i < n; i++) {
		struct member m;
		int role = cadre_committee_role(s[i].role);
		long line = (long)i + 1;

		if (role < 0) {
			err_add(e, ERR_INPUT, line, "role", s[i].role, NULL,
				"'%s' is not a committee role: secretary, deputy_secretary, "
				"standing_member or member",
				s[i].role ? s[i].role : "");
			continue;
		}
		for (j = 0; j < i; j++)
			if (s[j].member_id == s[i].member_id)
				err_add(e, ERR_INPUT, line, "member", NULL, NULL,
					"member %lld is given twice", (long long)s[i].member_id);
		if (store_member_get(a->st, s[i].member_id, &m, e) != ERR_OK) {
			if (e->code == ERR_STORAGE)
				goto out;
			e->code = ERR_OK;
			err_add(e, ERR_NOTFOUND, line, "member", NULL, NULL,
				"no member has the id %lld", (long long)s[i].member_id);
			continue;
		}
		{
			struct org mo;
			int st = -1;

			if (app_status_at(a, &m, on, &st, e))
				goto out;
			if (store_org_by_code(a->st, m.org_code, &mo, e))
				goto out;
			if (st < 0 || !member_status_active((enum member_status)st) ||
			    mo.pre < o.pre || mo.pre > o.last)
				err_add(e, ERR_RULE, line, "member", NULL, NULL,
					"member %lld (%s) is not on the rolls of %s on %s",
					(long long)m.id, m.full_name, o.code, date_format(on, d));
		}
		if (store_cmember_open(a->st, c.id, m.id, &cm, e) == ERR_OK)
			err_add(e, ERR_RULE, line, "member", NULL, NULL,
				"member %lld already sits on this committee (as %s)",
				(long long)m.id, cm.role);
		else if (e->code == ERR_NOTFOUND)
			e->code = ERR_OK;
		members++;
		standing += role < 3;
		secretaries += role == 0;
	}
	if (e->code) {
		rc = e->code;
		goto out;
	}
	if (members > c.seats)
		err_add(e, ERR_RULE, 0, "members", NULL, NULL,
			"the committee would have %ld members; the upper committee set %ld",
			members, c.seats);
	if (standing > c.standing_seats && c.standing_seats > 0)
		err_add(e, ERR_RULE, 0, "members", NULL, NULL,
			"the standing committee would have %ld members; the upper committee set %ld",
			standing, c.standing_seats);
	if (secretaries > 1)
		err_add(e, ERR_RULE, 0, "members", NULL, NULL, "a committee has one secretary");
	if (e->code) {
		rc = e->code;
		goto out;
	}
	for (i = 0; i < n; i++) {
		memset(&cm, 0, sizeof cm);
		cm.committee_id = c.id;
		cm.member_id = s[i].member_id;
		snprintf(cm.role, sizeof cm.role, "%s", s[i].role);
		cm.valid_from = on;
		snprintf(cm.how, sizeof cm.how, "%s", how);
		snprintf(cm.decision, sizeof cm.decision, "%s", decision ? decision : "");
		if ((rc = store_cmember_insert(a->st, &cm, ac->name, e)))
			goto out;
		snprintf(subject, sizeof subject, "committee:%lld", (long long)c.id);
		after = app_json("{s:I,s:s,s:s,s:s,s:s}", "member_id", (json_int_t)cm.member_id,
				 "role", cm.role, "from", date_format(on, d), "how", how, "decision",
				 cm.decision);
		rc = app_audit(a, ac, "committee.seat", subject, c.org_id, NULL, after, e);
		free(after);
		if (rc)
			goto out;
	}
out:
	return app_end(a, rc, e);
}

enum err_code app_committee_leave(struct app *a, const struct actor *ac, int64_t committee_id,
				  int64_t member_id, date_t on, const char *reason,
				  struct err *e)
{
	struct committee c;
	struct committee_member cm;
	enum err_code rc;
	char subject[40], *after, d[DATE_STR], why[401];

	on = app_date(a, on);
	if (!reason || !reason[0])
		err_add(e, ERR_INPUT, 0, "reason", NULL, NULL, "the reason is required (--reason)");
	else
		text_accept(reason, 400, 0, why, sizeof why, e, 0, "reason", "the reason");
	app_check_date(a, on, "on", e);
	if (e->code)
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = app_committee_get(a, ac, committee_id, &c, e)) || (rc = app_can_edit(ac, e)))
		goto out;
	if (store_cmember_open(a->st, c.id, member_id, &cm, e) != ERR_OK) {
		if (e->code == ERR_STORAGE)
			goto out;
		err_clear(e);
		rc = err_add(e, ERR_RULE, 0, "member", NULL, NULL,
			     "member %lld does not sit on committee %lld", (long long)member_id,
			     (long long)c.id);
		goto out;
	}
	if (on <= cm.valid_from) {
		rc = err_add(e, ERR_RULE, 0, "on", date_format(on, d), NULL,
			     "the seat began on %s: it can end only after that day",
			     date_format(cm.valid_from, d));
		goto out;
	}
	if ((rc = store_cmember_end(a->st, cm.id, on, why, e)))
		goto out;
	snprintf(subject, sizeof subject, "committee:%lld", (long long)c.id);
	after = app_json("{s:I,s:s,s:s,s:s}", "member_id", (json_int_t)member_id, "role", cm.role,
			 "to", date_format(on, d), "reason", why);
	rc = app_audit(a, ac, "committee.leave", subject, c.org_id, NULL, after, e);
	free(after);
out:
	return app_end(a, rc, e);
}

/* ---- the vacancy report ----------------------------------------------------------------- */

struct vac_list {
	struct vacancy *v;
	size_t n, cap;
};

static int vac_push(void *ctx, const struct vacancy *v)
{
	struct vac_list *l = ctx;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = *v;
	return 0;
}

static int vac_cmp(const void *x, const void *y)
{
	const struct vacancy *a = x, *b = y;

	if (a->priority != b->priority)
		return a->priority < b->priority ? -1 : 1;
	if (a->since != b->since)
		return a->since < b->since ? -1 : 1;
	if (a->org_pre != b->org_pre)
		return a->org_pre < b->org_pre ? -1 : 1;
	return strcmp(a->what, b->what) ? strcmp(a->what, b->what) : strcmp(a->kind, b->kind);
}

enum err_code app_vacancies(struct app *a, const struct actor *ac, const char *org_code,
			    date_t as_of, struct vacancy **out, size_t *n, struct err *e)
{
	struct vac_list l = {NULL, 0, 0};
	long pre, last;
	size_t i;

	*out = NULL;
	*n = 0;
	if (app_subtree(a, ac, org_code, 0, &pre, &last, e) ||
	    store_vacancies(a->st, pre, last, app_date(a, as_of), vac_push, &l, e)) {
		free(l.v);
		return e->code;
	}
	if (l.n)
		qsort(l.v, l.n, sizeof *l.v, vac_cmp);
	/* the planning columns are the caller's to fill for the rows it shows
	 * (app_plan_vacancy_fill): each judges the successors against their records */
	for (i = 0; i < l.n; i++)
		l.v[i].successors = l.v[i].ready = -1;
	*out = l.v;
	*n = l.n;
	return ERR_OK;
}

static int vac_count(void *ctx, const struct vacancy *v)
{
	(void)v;
	(*(long *)ctx)++;
	return 0;
}

enum err_code app_vacancy_count(struct app *a, long pre, long last, long *n, struct err *e)
{
	*n = 0;
	return store_vacancies(a->st, pre, last, app_date(a, DATE_NONE), vac_count, n, e);
}

/* ---- JSON ---------------------------------------------------------------------------------- */

json_t *app_position_json(const struct position *p)
{
	return json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:b,s:I,s:o,s:o,s:o}", "id",
			 (json_int_t)p->id, "org", p->org_code, "org_name", p->org_name, "kind",
			 p->kind, "kind_vi", p->kind_vi, "kind_en", p->kind_en, "side", p->side,
			 "key", p->is_key, "seats", (json_int_t)p->seats, "from",
			 json_date(p->valid_from), "to", json_date(p->valid_to), "org_dissolved",
			 json_date(p->org_dissolved));
}

json_t *app_holding_json(const struct holding *h)
{
	json_t *j = json_pack(
		"{s:I,s:I,s:s,s:s,s:I,s:s,s:b,s:o,s:o,s:s,s:s,s:o,s:s,s:o,s:b,s:b,s:b}", "id",
		(json_int_t)h->id, "position_id", (json_int_t)h->position_id, "org", h->org_code,
		"kind", h->pos_kind, "member_id", (json_int_t)h->member_id, "member_name",
		h->member_name, "acting", h->acting, "from", json_date(h->valid_from), "to",
		json_date(h->valid_to), "how", h->how, "decision", h->decision, "decided_on",
		json_date(h->decided_on), "body", h->body_code, "previous",
		h->prev_holding_id ? json_integer(h->prev_holding_id) : json_null(), "to_difficult",
		h->to_difficult, "to_border", h->to_border, "holder_left", h->holder_left);

	if (!j)
		return NULL;
	json_object_set_new(j, "end",
			    h->end_how[0]
				    ? json_pack("{s:s,s:s,s:s,s:o,s:s}", "how", h->end_how, "reason",
						h->end_reason, "decision", h->end_decision,
						"decided_on", json_date(h->end_decided_on), "body",
						h->end_body_code)
				    : json_null());
	return j;
}

json_t *app_flag_json(const struct org_flag *f)
{
	return json_pack("{s:s,s:o,s:o,s:s}", "flag", f->flag, "from", json_date(f->valid_from),
			 "to", json_date(f->valid_to), "decision", f->decision);
}

json_t *app_committee_json(const struct committee *c)
{
	return json_pack("{s:I,s:s,s:o,s:o,s:I,s:I,s:s,s:s}", "id", (json_int_t)c->id, "org",
			 c->org_code, "term_start", json_date(c->term_start), "term_end",
			 json_date(c->term_end), "seats", (json_int_t)c->seats, "standing_seats",
			 (json_int_t)c->standing_seats, "decision", c->decision, "body",
			 c->body_code);
}

json_t *app_cmember_json(const struct committee_member *m)
{
	return json_pack("{s:I,s:s,s:s,s:o,s:o,s:s,s:s,s:s}", "member_id",
			 (json_int_t)m->member_id, "member_name", m->member_name, "role", m->role,
			 "from", json_date(m->valid_from), "to", json_date(m->valid_to), "how",
			 m->how, "decision", m->decision, "end_reason", m->end_reason);
}

json_t *app_vacancy_json(const struct vacancy *v, date_t as_of)
{
	json_t *j = json_pack(
		"{s:s,s:I,s:s,s:s,s:s,s:s,s:I,s:I,s:I,s:I,s:I,s:o,s:I,s:b,s:b,s:b,s:i}", "what", v->what, "id", (json_int_t)v->id, "org", v->org_code, "org_name",
			 v->org_name, "kind", v->kind, "state", v->state, "seats",
			 (json_int_t)v->seats, "filled", (json_int_t)v->filled, "acting",
			 (json_int_t)v->acting, "standing_seats", (json_int_t)v->standing_seats,
			 "standing", (json_int_t)v->standing, "since", json_date(v->since), "days",
			 (json_int_t)(as_of - v->since), "border", v->border, "difficult",
			 v->difficult, "combat", v->combat, "priority", v->priority);

	if (j && v->successors >= 0) {
		json_object_set_new(j, "successors", json_integer(v->successors));
		json_object_set_new(j, "ready", json_integer(v->ready));
	}
	return j;
}

/* ---- discipline (docs/inspection.md "Discipline") --------------------------------------- */

struct open_holdings {
	struct holding *v;
	size_t n, cap;
};

static int collect_open(void *ctx, const struct holding *h)
{
	struct open_holdings *o = ctx;

	if (h->valid_to != DATE_NONE)
		return 0;
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 4;
		o->v = xrealloc(o->v, o->cap * sizeof *o->v);
	}
	o->v[o->n++] = *h;
	return 0;
}

enum err_code app_holdings_end_tx(struct app *a, const struct actor *ac, int64_t member_id,
				  const struct org *body, const char *decision_no,
				  date_t decided_on, date_t on, const char *reason, long *ended,
				  struct err *e)
{
	struct open_holdings o = {NULL, 0, 0};
	struct cadre_decision d = {decision_no ? decision_no : "", decided_on, body->code};
	struct position p;
	enum err_code rc;
	size_t i;

	*ended = 0;
	if ((rc = store_member_holdings(a->st, member_id, collect_open, &o, e)))
		goto out;
	for (i = 0; i < o.n; i++) {
		struct holding before = o.v[i], h = o.v[i];

		if ((rc = store_position_get(a->st, h.position_id, &p, e)) ||
		    (rc = end_holding(a, &h, &d, body, "dismiss", reason, on, e)) ||
		    (rc = audit_holding(a, ac, "cadre.dismiss", &before, &h, p.org_id, e)))
			goto out;
		(*ended)++;
	}
out:
	free(o.v);
	return rc;
}

