/* app_org.c - what users do with organisations: establish, edit, rename, move, merge,
 * split, dissolve, and read the tree and its history. */
#include <stdlib.h>
#include <string.h>

#include "../core/fig.h"
#include "../lib/mem.h"
#include "app_int.h"

/* ---- subtree counts from the figures' counters ------------------------------------------- */

/* The members of the subtree [pre, last] on the rolls by status, and the members hosted at
 * its organisations (from anywhere: those from within are taken off by store_org_hosted). */
struct sub_sum {
	long pre, last;
	long st[MS__COUNT];
	long hosted_at;
};

struct sub_walk {
	struct sub_sum *v;
	size_t n, next;
	size_t stack[64];
	int depth;
	int bad;
};

static int sub_row(void *ctx, long pre, long last, const void *core, size_t len)
{
	struct sub_walk *w = ctx;
	long st[MS__COUNT] = {0}, hosted = 0;
	int i, k;

	(void)last;
	/* The nodes asked for are nested in pre-order: those open around pre are a stack. */
	while (w->depth && w->v[w->stack[w->depth - 1]].last < pre)
		w->depth--;
	while (w->next < w->n && w->v[w->next].pre <= pre) {
		while (w->depth && w->v[w->stack[w->depth - 1]].last < w->v[w->next].pre)
			w->depth--;
		if (w->depth < (int)(sizeof w->stack / sizeof w->stack[0]))
			w->stack[w->depth++] = w->next;
		w->next++;
	}
	while (w->depth && w->v[w->stack[w->depth - 1]].last < pre)
		w->depth--;
	if (!w->depth || !core)
		return 0;
	if (fig_blob_status(core, len, st, MS__COUNT, &hosted)) {
		w->bad = 1;
		return 1;
	}
	for (k = 0; k < w->depth; k++) {
		struct sub_sum *x = &w->v[w->stack[k]];

		for (i = 0; i < MS__COUNT; i++)
			x->st[i] += st[i];
		x->hosted_at += hosted;
	}
	return 0;
}

/* Fill v[0..n) (intervals nested in pre-order, v[0] holding the others) in one pass of the
 * counters of v[0]'s subtree: each organisation's own members added to every node around
 * it. The counters are those the store keeps with every change (core/fig.h), so no member
 * is read; hosted_at says whether store_org_hosted must be asked. */
static enum err_code sub_sums(struct app *a, struct sub_sum *v, size_t n, struct err *e)
{
	struct sub_walk w;

	if (!n)
		return ERR_OK;
	memset(&w, 0, sizeof w);
	w.v = v;
	w.n = n;
	if (store_fig_walk_pre(a->st, v[0].pre, v[0].last, sub_row, &w, e))
		return e->code;
	if (w.bad)
		return err_set(e, ERR_INTERNAL, "the figures' counters are damaged; run "
			       "'cadre figures check --rebuild'");
	return ERR_OK;
}

/* The hosted count of a subtree as store_org_counts gives it: asked of the store only when
 * some member is hosted there at all. */
static enum err_code sub_hosted(struct app *a, const struct sub_sum *x, long *hosted,
				struct err *e)
{
	*hosted = 0;
	if (x->hosted_at <= 0)
		return ERR_OK;
	return store_org_hosted(a->st, x->pre, x->last, hosted, e);
}

/* A restructuring date must not precede the state it changes (R-MEMBER-DATES applies the
 * same principle to members): the organisation's current version start. */
static enum err_code check_org_date(struct app *a, const struct org *o, date_t date,
				    struct err *e)
{
	date_t since;
	char d1[DATE_STR], d2[DATE_STR];

	if (store_org_version_since(a->st, o->id, &since, e))
		return e->code;
	if (since != DATE_NONE && date < since)
		return err_add(e, ERR_RULE, 0, "date", date_format(date, d1), R_MEMBER_DATES,
			       "organisation '%s' changed last on %s; a restructuring must be dated "
			       "on or after that", o->code, date_format(since, d2));
	return ERR_OK;
}

/* Record a restructuring event in the organisation's history and in the audit log; frees
 * detail. */
static enum err_code event(struct app *a, const struct actor *ac, date_t date, const char *kind,
			   int64_t org_id, int64_t other, char *detail, int64_t *ev, struct err *e)
{
	enum err_code rc = store_org_event_add(a->st, date, kind, org_id, other, detail, ac->name,
					       ev, e);
	struct org o;
	char action[32], subject[48];

	if (!rc && (rc = store_org_by_id(a->st, org_id, &o, e)) == ERR_OK) {
		snprintf(action, sizeof action, "org.%s", kind);
		snprintf(subject, sizeof subject, "org:%s", o.code);
		rc = app_audit(a, ac, action, subject, org_id, NULL, detail, e);
	}
	free(detail);
	return rc;
}

enum err_code app_org_add(struct app *a, const struct actor *ac, struct org *o, struct err *e)
{
	struct org parent, dup;
	struct err tmp;
	long n = 0;
	enum err_code rc;
	char d1[DATE_STR], d2[DATE_STR];

	if (app_can_edit(ac, e))
		return e->code;
	o->established = app_date(a, o->established);
	o->dissolved = DATE_NONE;
	if (org_clean(o, e, 0) || org_validate(o, e, 0) || app_check_date(a, o->established, "date", e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	err_init(&tmp);
	if (store_org_by_code(a->st, o->code, &dup, &tmp) == ERR_OK) {
		rc = err_add(e, ERR_RULE, 0, "code", o->code, NULL,
			     "the code '%s' is already used; choose another", o->code);
		goto out;
	}
	if (!o->parent_code[0]) {
		if ((rc = store_org_count(a->st, &n, e)))
			goto out;
		if (n > 0 || ac->scope_code[0]) {
			rc = err_add(e, ERR_INPUT, 0, "parent_code", "", NULL,
				     "the tree already has a root; give the code of the parent");
			goto out;
		}
		o->parent_id = 0;
	} else {
		if ((rc = app_org_lookup(a, ac, o->parent_code, &parent, 1, "parent_code", e)))
			goto out;
		if (org_check_nesting(parent.kind, o->kind, o->established, &a->rules, e, 0,
				      parent.code)) {
			rc = e->code;
			goto out;
		}
		if (parent.established != DATE_NONE && o->established < parent.established) {
			rc = err_add(e, ERR_RULE, 0, "established", date_format(o->established, d1),
				     R_MEMBER_DATES,
				     "the parent '%s' was established on %s, after this date",
				     parent.code, date_format(parent.established, d2));
			goto out;
		}
		o->parent_id = parent.id;
	}
	if ((rc = store_org_insert(a->st, o, e)) || (rc = store_org_renumber(a->st, e)))
		goto out;
	rc = event(a, ac, o->established, "establish", o->id, o->parent_id,
		   app_json("{s:s,s:s,s:s}", "name", o->name, "kind", org_kind_name(o->kind),
			    "parent", o->parent_code),
		   NULL, e);
out:
	err_cleanup(&tmp);
	return app_end(a, rc, e);
}

enum err_code app_org_edit(struct app *a, const struct actor *ac, const struct org *o,
			   date_t date, struct err *e)
{
	struct org cur, in = *o;
	enum err_code rc;

	date = app_date(a, date);
	o = &in;
	if (org_clean(&in, e, 0) || org_validate(o, e, 0) || app_check_date(a, date, "date", e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = app_org_lookup(a, ac, o->code, &cur, 1, "code", e)))
		goto out;
	/* The role is asked only of a record in sight: outside the scope it does not exist. */
	if ((rc = app_can_edit(ac, e)))
		goto out;
	{
		char *detail = app_json(
			"{s:{s:s,s:i,s:s,s:I,s:I,s:I},s:{s:s,s:i,s:s,s:I,s:I,s:I}}", "before",
			"grassroots_type", cur.grassroots_type, "standing_board", cur.standing_board,
			"local_committee", cur.local_committee, "militia", (json_int_t)cur.militia,
			"self_defence", (json_int_t)cur.self_defence, "reserve",
			(json_int_t)cur.reserve, "after", "grassroots_type", o->grassroots_type,
			"standing_board", o->standing_board, "local_committee", o->local_committee,
			"militia", (json_int_t)o->militia, "self_defence",
			(json_int_t)o->self_defence, "reserve", (json_int_t)o->reserve);

		memcpy(cur.grassroots_type, o->grassroots_type, sizeof cur.grassroots_type);
		cur.standing_board = o->standing_board;
		memcpy(cur.local_committee, o->local_committee, sizeof cur.local_committee);
		cur.militia = o->militia;
		cur.self_defence = o->self_defence;
		cur.reserve = o->reserve;
		if ((rc = store_org_update(a->st, &cur, 0, date, e))) {
			free(detail);
			goto out;
		}
		rc = event(a, ac, date, "edit", cur.id, 0, detail, NULL, e);
	}
out:
	return app_end(a, rc, e);
}

enum err_code app_org_rename(struct app *a, const struct actor *ac, const char *code,
			     const char *name, date_t date, struct err *e)
{
	struct org o;
	char old[sizeof o.name], clean[sizeof o.name];
	enum err_code rc;

	date = app_date(a, date);
	if (app_check_date(a, date, "date", e))
		return e->code;
	if (text_accept(name, ORG_NAME_MAX, 0, clean, sizeof clean, e, 0, "name", "the new name"))
		return e->code;
	name = clean;
	if (!name[0])
		return err_add(e, ERR_INPUT, 0, "name", "", NULL, "the new name is empty");
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = app_org_lookup(a, ac, code, &o, 1, "code", e)) ||
	    (rc = check_org_date(a, &o, date, e)))
		goto out;
	/* The role is asked only of a record in sight: outside the scope it does not exist. */
	if ((rc = app_can_edit(ac, e)))
		goto out;
	if (strcmp(o.name, name) == 0) {
		rc = err_add(e, ERR_INPUT, 0, "name", name, NULL,
			     "organisation '%s' already has that name", code);
		goto out;
	}
	snprintf(old, sizeof old, "%s", o.name);
	snprintf(o.name, sizeof o.name, "%s", name);
	if ((rc = store_org_update(a->st, &o, 1, date, e)))
		goto out;
	rc = event(a, ac, date, "rename", o.id, 0,
		   app_json("{s:s,s:s}", "before", old, "after", name), NULL, e);
out:
	return app_end(a, rc, e);
}

/* Put o under parent p on date (versioned), checking nesting and cycles. */
static enum err_code reparent(struct app *a, struct org *o, const struct org *p, date_t date,
			      struct err *e)
{
	if (p->pre >= o->pre && p->pre <= o->last)
		return err_add(e, ERR_RULE, 0, "parent_code", p->code, NULL,
			       "'%s' lies inside '%s'; an organisation cannot move under its own "
			       "subtree", p->code, o->code);
	if (org_check_nesting(p->kind, o->kind, date, &a->rules, e, 0, p->code))
		return e->code;
	if (app_check_exists_on(p, date, "parent_code", e))
		return e->code;
	o->parent_id = p->id;
	snprintf(o->parent_code, sizeof o->parent_code, "%s", p->code);
	return store_org_update(a->st, o, 1, date, e);
}

enum err_code app_org_move(struct app *a, const struct actor *ac, const char *code,
			   const char *parent_code, date_t date, struct err *e)
{
	struct org o, p;
	char old[ORG_CODE_MAX + 1];
	enum err_code rc;

	date = app_date(a, date);
	if (app_check_date(a, date, "date", e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = app_org_lookup(a, ac, code, &o, 1, "code", e)) ||
	    (rc = app_org_lookup(a, ac, parent_code, &p, 1, "parent_code", e)) ||
	    (rc = check_org_date(a, &o, date, e)))
		goto out;
	/* The role is asked only of a record in sight: outside the scope it does not exist. */
	if ((rc = app_can_edit(ac, e)))
		goto out;
	if (!o.parent_id) {
		rc = err_add(e, ERR_RULE, 0, "code", code, NULL, "the root cannot be moved");
		goto out;
	}
	if (o.parent_id == p.id) {
		rc = err_add(e, ERR_INPUT, 0, "parent_code", parent_code, NULL,
			     "'%s' is already under '%s'", code, parent_code);
		goto out;
	}
	snprintf(old, sizeof old, "%s", o.parent_code);
	if ((rc = reparent(a, &o, &p, date, e)) || (rc = store_org_renumber(a->st, e)))
		goto out;
	rc = event(a, ac, date, "move", o.id, p.id,
		   app_json("{s:s,s:s}", "from", old, "to", parent_code), NULL, e);
out:
	return app_end(a, rc, e);
}

struct collect_members {
	struct member *v;
	size_t n, cap;
};

static int collect_member(void *ctx, const struct member *m)
{
	struct collect_members *c = ctx;

	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->v = xrealloc(c->v, c->cap * sizeof *c->v);
	}
	c->v[c->n++] = *m;
	return 0;
}

struct collect_orgs {
	struct org *v;
	size_t n, cap;
};

static int collect_org(void *ctx, const struct org *o)
{
	struct collect_orgs *c = ctx;

	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->v = xrealloc(c->v, c->cap * sizeof *c->v);
	}
	c->v[c->n++] = *o;
	return 0;
}

enum err_code app_move_member(struct app *a, const struct actor *ac, struct member *m,
			      const struct org *to, date_t date, const char *kind,
			      const char *why, struct err *e)
{
	struct name_keys nk;
	enum err_code rc;
	char *detail;
	char d1[DATE_STR], d2[DATE_STR];

	if (m->org_since != DATE_NONE && date < m->org_since)
		return err_add(e, ERR_RULE, 0, "date", date_format(date, d1), R_MEMBER_DATES,
			       "member %lld has been on the roll of '%s' since %s; the move must be "
			       "dated on or after that", (long long)m->id, m->org_code,
			       date_format(m->org_since, d2));
	if (m->org_since != DATE_NONE && date > m->org_since &&
	    (rc = store_member_period_add(a->st, m->id, m->org_id, m->org_since, date, 0, e)))
		return rc;
	detail = app_json("{s:s,s:s,s:s}", "from", m->org_code, "to", to->code, "reason",
			  why ? why : "");
	rc = app_member_event(a, ac, m, date, kind, detail, e);
	free(detail);
	if (rc)
		return rc;
	m->org_id = to->id;
	snprintf(m->org_code, sizeof m->org_code, "%s", to->code);
	m->org_since = date;
	name_keys_init(&nk);
	if (name_keys_compute(&nk, m))
		rc = err_set(e, ERR_INTERNAL, "cannot compute the name keys of member %lld",
			     (long long)m->id);
	else
		rc = store_member_update(a->st, m, &nk.k, e);
	name_keys_cleanup(&nk);
	/* A probationer's admission case goes with the member (docs/admissions.md). */
	if (!rc)
		rc = app_adm_follow_member(a, ac, m, to, date, kind, e);
	return rc;
}

/* Move hosted temporary members of org from to org to (their host changes). */
static enum err_code move_hosted(struct app *a, const struct org *from, const struct org *to,
				 struct err *e)
{
	struct collect_members cm = {0};
	struct name_keys nk;
	enum err_code rc;
	size_t i;

	if ((rc = store_member_hosted(a->st, from->id, collect_member, &cm, e)))
		goto out;
	name_keys_init(&nk);
	for (i = 0; i < cm.n && !rc; i++) {
		cm.v[i].temp_org_id = to->id;
		if (name_keys_compute(&nk, &cm.v[i]) == 0)
			rc = store_member_update(a->st, &cm.v[i], &nk.k, e);
	}
	name_keys_cleanup(&nk);
out:
	free(cm.v);
	return rc;
}

static enum err_code dissolve_one(struct app *a, struct org *o, date_t date, struct err *e)
{
	o->dissolved = date;
	return store_org_update(a->st, o, 1, date, e);
}

enum err_code app_org_merge(struct app *a, const struct actor *ac, const char *const *srcs,
			    size_t n, const char *dst, date_t date, struct err *e)
{
	struct org d, s;
	enum err_code rc;
	size_t i, j;
	int64_t ev;

	date = app_date(a, date);
	if (app_check_date(a, date, "date", e))
		return e->code;
	if (n == 0)
		return err_add(e, ERR_USAGE, 0, "from", "", NULL,
			       "name at least one organisation to merge");
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = app_org_lookup(a, ac, dst, &d, 1, "into", e)) ||
	    (rc = app_check_exists_on(&d, date, "into", e)) ||
	    (rc = check_org_date(a, &d, date, e)))
		goto out;
	/* The role is asked only of a record in sight: outside the scope it does not exist. */
	if ((rc = app_can_edit(ac, e)))
		goto out;
	for (i = 0; i < n && !rc; i++) {
		struct collect_members cm = {0};
		struct collect_orgs co = {0};

		if ((rc = app_org_lookup(a, ac, srcs[i], &s, 1, "from", e)) ||
		    (rc = check_org_date(a, &s, date, e)))
			break;
		if (s.id == d.id || (d.pre >= s.pre && d.pre <= s.last)) {
			rc = err_add(e, ERR_RULE, 0, "into", dst, NULL,
				     "'%s' cannot be merged into '%s', which lies inside it",
				     srcs[i], dst);
			break;
		}
		if ((rc = store_org_children(a->st, s.id, collect_org, &co, e)) ||
		    (rc = store_member_of_org(a->st, s.id, 1, collect_member, &cm, e))) {
			free(co.v);
			free(cm.v);
			break;
		}
		for (j = 0; j < co.n && !rc; j++) {
			if ((rc = check_org_date(a, &co.v[j], date, e)))
				break;
			rc = reparent(a, &co.v[j], &d, date, e);
		}
		for (j = 0; j < cm.n && !rc; j++)
			rc = app_move_member(a, ac, &cm.v[j], &d, date, "merge", s.code, e);
		free(co.v);
		free(cm.v);
		/* Open transfers to or from the source now go to or from the successor (docs/web.md,
		 * "Restructuring and open transfers"). */
		if (rc || (rc = app_transfers_redirect(a, ac, &s, &d, date, "merge", e)) ||
		    (rc = app_adm_org_moved(a, ac, &s, &d, date, "merge", e)) ||
		    (rc = move_hosted(a, &s, &d, e)) || (rc = dissolve_one(a, &s, date, e)))
			break;
		if ((rc = event(a, ac, date, "merge", s.id, d.id,
				app_json("{s:s,s:i}", "into", dst, "members", (int)cm.n), &ev, e)) ||
		    (rc = store_org_lineage_add(a->st, s.id, d.id, ev, "merge", e)))
			break;
	}
	if (!rc)
		rc = store_org_renumber(a->st, e);
out:
	return app_end(a, rc, e);
}

enum err_code app_org_split(struct app *a, const struct actor *ac, const char *src,
			    const struct split_assign *as, size_t n, int keep_source, date_t date,
			    struct err *e)
{
	struct org s, t;
	struct collect_members cm = {0};
	struct collect_orgs co = {0}, targets = {0};
	enum err_code rc;
	size_t i, j;
	int64_t ev;
	char *assigned = NULL;

	date = app_date(a, date);
	if (app_check_date(a, date, "date", e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = app_org_lookup(a, ac, src, &s, 1, "code", e)) ||
	    (rc = check_org_date(a, &s, date, e)) ||
	    (rc = store_org_children(a->st, s.id, collect_org, &co, e)) ||
	    (rc = store_member_of_org(a->st, s.id, 1, collect_member, &cm, e)))
		goto out;
	/* The role is asked only of a record in sight: outside the scope it does not exist. */
	if ((rc = app_can_edit(ac, e)))
		goto out;
	if (co.n) {
		rc = err_add(e, ERR_RULE, 0, "code", src, NULL,
			     "'%s' still has %zu sub-organisations (first: '%s'); move them first "
			     "with 'cadre org move'", src, co.n, co.v[0].code);
		goto out;
	}
	assigned = xcalloc(cm.n ? cm.n : 1, 1);
	/* Check every assignment line, reporting all problems. */
	for (i = 0; i < n; i++) {
		int found = 0;

		for (j = 0; j < cm.n; j++)
			if (cm.v[j].id == as[i].member_id) {
				found = 1;
				if (assigned[j])
					err_add(e, ERR_INPUT, as[i].line, "member_id", NULL, NULL,
						"member %lld is assigned twice",
						(long long)as[i].member_id);
				assigned[j] = 1;
			}
		if (!found)
			err_add(e, ERR_INPUT, as[i].line, "member_id", NULL, NULL,
				"member %lld is not on the roll of '%s'",
				(long long)as[i].member_id, src);
		if (strcmp(as[i].org_code, src) == 0 && !keep_source)
			err_add(e, ERR_INPUT, as[i].line, "org_code", as[i].org_code, NULL,
				"members cannot stay in '%s', which is dissolved by the split; "
				"use --keep-source to keep it", src);
		else if (strcmp(as[i].org_code, src) != 0) {
			struct err tmp;

			err_init(&tmp);
			if (app_org_lookup(a, ac, as[i].org_code, &t, 1, "org_code", &tmp)) {
				if (tmp.n) {
					tmp.items[0].line = as[i].line;
				}
				err_merge(e, &tmp);
			} else if (app_check_exists_on(&t, date, "org_code", &tmp) == ERR_OK) {
				for (j = 0; j < targets.n; j++)
					if (targets.v[j].id == t.id)
						break;
				if (j == targets.n)
					collect_org(&targets, &t);
			} else {
				tmp.items[0].line = as[i].line;
				err_merge(e, &tmp);
			}
			err_cleanup(&tmp);
		}
	}
	for (j = 0; j < cm.n; j++)
		if (!assigned[j])
			err_add(e, ERR_INPUT, 0, "member_id", NULL, NULL,
				"member %lld (%s) on the roll of '%s' is not assigned; every member "
				"must be given a destination", (long long)cm.v[j].id,
				cm.v[j].full_name, src);
	if (e->code) {
		rc = e->code;
		goto out;
	}
	for (i = 0; i < n && !rc; i++) {
		if (strcmp(as[i].org_code, src) == 0)
			continue;
		for (j = 0; j < cm.n; j++)
			if (cm.v[j].id == as[i].member_id)
				break;
		for (size_t k = 0; k < targets.n; k++)
			if (strcmp(targets.v[k].code, as[i].org_code) == 0) {
				rc = app_move_member(a, ac, &cm.v[j], &targets.v[k], date, "split",
						     src, e);
				break;
			}
	}
	if (rc)
		goto out;
	if (!keep_source) {
		struct org host = targets.n ? targets.v[0] : s;

		if (targets.n ? (rc = app_transfers_redirect(a, ac, &s, &host, date, "split", e)) ||
				    (rc = app_adm_org_moved(a, ac, &s, &host, date, "split", e)) ||
				    (rc = move_hosted(a, &s, &host, e))
			      : (rc = app_transfers_refuse_open(a, &s, "split away", e)) ||
				    (rc = app_adm_org_moved(a, ac, &s, NULL, date, "split", e)))
			goto out;
		if ((rc = dissolve_one(a, &s, date, e)))
			goto out;
	}
	if ((rc = event(a, ac, date, "split", s.id, 0,
			app_json("{s:i,s:b}", "members", (int)cm.n, "source_kept", keep_source),
			&ev, e)))
		goto out;
	for (j = 0; j < targets.n && !rc; j++)
		rc = store_org_lineage_add(a->st, s.id, targets.v[j].id, ev, "split", e);
	if (!rc)
		rc = store_org_renumber(a->st, e);
out:
	free(assigned);
	free(cm.v);
	free(co.v);
	free(targets.v);
	return app_end(a, rc, e);
}

enum err_code app_org_dissolve(struct app *a, const struct actor *ac, const char *code,
			       const char *members_to, date_t date, struct err *e)
{
	struct org o, to;
	struct collect_members cm = {0}, hosted = {0};
	struct collect_orgs co = {0};
	enum err_code rc;
	size_t j;
	int64_t ev;
	long allowed = 0;

	date = app_date(a, date);
	if (app_check_date(a, date, "date", e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = app_org_lookup(a, ac, code, &o, 1, "code", e)) ||
	    (rc = check_org_date(a, &o, date, e)) ||
	    (rc = store_org_children(a->st, o.id, collect_org, &co, e)) ||
	    (rc = store_member_of_org(a->st, o.id, 1, collect_member, &cm, e)) ||
	    (rc = store_member_hosted(a->st, o.id, collect_member, &hosted, e)))
		goto out;
	/* The role is asked only of a record in sight: outside the scope it does not exist. */
	if ((rc = app_can_edit(ac, e)))
		goto out;
	if (!o.parent_id) {
		rc = err_add(e, ERR_RULE, 0, "code", code, NULL, "the root cannot be dissolved");
		goto out;
	}
	if (co.n) {
		rc = err_add(e, ERR_RULE, 0, "code", code, R_ORG_DISSOLVE_EMPTY,
			     "'%s' still has %zu sub-organisations (first: '%s'); move or dissolve "
			     "them first", code, co.n, co.v[0].code);
		goto out;
	}
	ruleset_int(&a->rules, R_ORG_DISSOLVE_EMPTY, date, &allowed);
	if ((long)cm.n > allowed && !members_to) {
		rc = err_add(e, ERR_RULE, 0, "code", code, R_ORG_DISSOLVE_EMPTY,
			     "'%s' still has %zu members on its roll; give --members-to CODE to "
			     "say where they go, or transfer them first", code, cm.n);
		goto out;
	}
	if (members_to) {
		if ((rc = app_org_lookup(a, ac, members_to, &to, 1, "members_to", e)) ||
		    (rc = app_check_exists_on(&to, date, "members_to", e)))
			goto out;
		if (to.id == o.id) {
			rc = err_add(e, ERR_INPUT, 0, "members_to", members_to, NULL,
				     "the members cannot go to the organisation being dissolved");
			goto out;
		}
		for (j = 0; j < cm.n && !rc; j++)
			rc = app_move_member(a, ac, &cm.v[j], &to, date, "dissolve", code, e);
		if (!rc)
			rc = app_transfers_redirect(a, ac, &o, &to, date, "dissolve", e);
		if (!rc)
			rc = app_adm_org_moved(a, ac, &o, &to, date, "dissolve", e);
		if (!rc)
			rc = move_hosted(a, &o, &to, e);
		if (rc)
			goto out;
	} else if ((rc = app_transfers_refuse_open(a, &o, "dissolved", e)) ||
		   (rc = app_adm_org_moved(a, ac, &o, NULL, date, "dissolve", e))) {
		goto out;
	} else if (hosted.n) {
		rc = err_add(e, ERR_RULE, 0, "code", code, R_ORG_DISSOLVE_EMPTY,
			     "'%s' hosts %zu members on temporary transfer; end those transfers or "
			     "give --members-to CODE", code, hosted.n);
		goto out;
	}
	if ((rc = dissolve_one(a, &o, date, e)) ||
	    (rc = event(a, ac, date, "dissolve", o.id, members_to ? to.id : 0,
			app_json("{s:i,s:s}", "members", (int)cm.n, "members_to",
				 members_to ? members_to : ""),
			&ev, e)))
		goto out;
	if (members_to && (rc = store_org_lineage_add(a->st, o.id, to.id, ev, "dissolve", e)))
		goto out;
	rc = store_org_renumber(a->st, e);
out:
	free(cm.v);
	free(hosted.v);
	free(co.v);
	return app_end(a, rc, e);
}

enum err_code app_org_advice(struct app *a, const struct actor *ac, const char *code,
			     struct org_advice *adv, struct err *e)
{
	struct org o;
	long counts[MS__COUNT], min_official = 0, board_min = 0;

	memset(adv, 0, sizeof *adv);
	if (app_org_lookup(a, ac, code, &o, 1, "org", e) ||
	    store_org_direct_counts(a->st, o.id, counts, e))
		return e->code;
	if (o.kind != OK_CELL)
		return ERR_OK;
	adv->official = counts[MS_OFFICIAL] + counts[MS_EXEMPT] + counts[MS_SUSPENDED];
	if (ruleset_int(&a->rules, R_ORG_MIN_OFFICIAL, a->today, &min_official) &&
	    adv->official < min_official)
		adv->min_official = min_official;
	if (ruleset_int(&a->rules, R_CELL_STANDING_BOARD_MIN, a->today, &board_min) &&
	    adv->official >= board_min && !o.standing_board)
		adv->board_min = board_min;
	return ERR_OK;
}

enum err_code app_org_counts(struct app *a, const struct actor *ac, const char *code,
			     long counts[MS__COUNT], long *hosted, struct err *e)
{
	struct org o;

	if (app_org_counts_on_roll(a, ac, code, counts, hosted, e) ||
	    app_org_lookup(a, ac, code, &o, 1, "org", e))
		return e->code;
	/* The figures count the members on the rolls; the few off them are counted by seeks. */
	return store_org_counts_off_roll(a->st, o.pre, o.last, counts, e);
}

enum err_code app_org_counts_on_roll(struct app *a, const struct actor *ac, const char *code,
				     long counts[MS__COUNT], long *hosted, struct err *e)
{
	struct org o;
	struct sub_sum x;
	int i;

	if (app_org_lookup(a, ac, code, &o, 1, "org", e))
		return e->code;
	memset(&x, 0, sizeof x);
	x.pre = o.pre;
	x.last = o.last;
	if (sub_sums(a, &x, 1, e))
		return e->code;
	for (i = 0; i < MS__COUNT; i++)
		counts[i] = x.st[i];
	if (!hosted)
		return ERR_OK;
	return sub_hosted(a, &x, hosted, e);
}

struct lineage_filter {
	struct app *a;
	long pre, last;
	store_org_cb cb;
	void *ctx;
};

static int lineage_visible(void *ctx, const struct org *o)
{
	struct lineage_filter *f = ctx;

	if (!app_org_visible(f->a, f->pre, f->last, o))
		return 0;
	return f->cb(f->ctx, o);
}

enum err_code app_org_lineage(struct app *a, const struct actor *ac, const char *code, int dir,
			      store_org_cb cb, void *ctx, struct err *e)
{
	struct org o;
	struct lineage_filter f = {a, 0, 0, cb, ctx};

	if (app_org_lookup(a, ac, code, &o, 0, "org", e) || app_scope(a, ac, &f.pre, &f.last, e))
		return e->code;
	return store_org_lineage(a->st, o.id, dir, lineage_visible, &f, e);
}

enum err_code app_org_total(struct app *a, long *n, struct err *e)
{
	return store_org_count(a->st, n, e);
}

int app_schema_latest(void)
{
	return store_schema_latest();
}

int app_schema_version(struct app *a)
{
	return store_schema_version(a->st);
}

enum err_code app_org_history(struct app *a, const struct actor *ac, const char *code,
			      store_org_event_cb cb, void *ctx, struct err *e)
{
	struct org o;

	if (app_org_lookup(a, ac, code, &o, 0, "code", e))
		return e->code;
	return store_org_history(a->st, o.id, cb, ctx, e);
}

/* ---- the tree ----------------------------------------------------------------------- */

/* The organisations of a tree, gathered before their counts are summed in one pass. */
struct tree_gather {
	struct tree_node *nodes;
	struct sub_sum *sums;
	size_t n, cap;
	int base_depth;
};

static int tree_gather(void *ctx, const struct org *o)
{
	struct tree_gather *g = ctx;
	struct tree_node *n;

	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 64;
		g->nodes = xrealloc(g->nodes, g->cap * sizeof *g->nodes);
		g->sums = xrealloc(g->sums, g->cap * sizeof *g->sums);
	}
	n = &g->nodes[g->n];
	memset(n, 0, sizeof *n);
	memset(&g->sums[g->n], 0, sizeof g->sums[g->n]);
	g->sums[g->n].pre = o->pre;
	g->sums[g->n].last = o->last;
	g->n++;
	n->id = o->id;
	n->parent_id = o->parent_id;
	snprintf(n->code, sizeof n->code, "%s", o->code);
	snprintf(n->name, sizeof n->name, "%s", o->name);
	n->kind = o->kind;
	n->depth = o->depth - g->base_depth;
	n->orgs = o->last - o->pre + 1;
	return 0;
}

/* The tree now: its organisations (store_org_walk), then every node's counts from one pass
 * of the figures' counters of the top's subtree (sub_sums), not a count of members a node. */
static enum err_code tree_now(struct app *a, const struct org *root, int max_depth,
			      app_tree_cb cb, void *ctx, struct err *e)
{
	struct tree_gather g;
	size_t i;
	enum err_code rc;

	memset(&g, 0, sizeof g);
	g.base_depth = root->id ? root->depth : 0;
	rc = store_org_walk(a->st, root->pre, root->last,
			    max_depth < 0 ? -1 : g.base_depth + max_depth, tree_gather, &g, e);
	if (!rc && g.n) {
		/* The walk of the whole tree (no root) starts at its first organisation. */
		rc = sub_sums(a, g.sums, g.n, e);
	}
	for (i = 0; !rc && i < g.n; i++) {
		struct tree_node *n = &g.nodes[i];
		const long *st = g.sums[i].st;

		if ((rc = sub_hosted(a, &g.sums[i], &n->hosted, e)))
			break;
		n->probationary = st[MS_PROBATIONARY];
		n->official = st[MS_OFFICIAL] + st[MS_EXEMPT] + st[MS_SUSPENDED];
		n->members = n->official + n->probationary;
		if (cb(ctx, n))
			break;
	}
	free(g.nodes);
	free(g.sums);
	return rc;
}

static int asof_collect(void *ctx, const struct org_at *o)
{
	struct asof_tree *t = ctx;

	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 256;
		t->v = xrealloc(t->v, t->cap * sizeof *t->v);
	}
	t->v[t->n++] = *o;
	return 0;
}

static int cmp_at_id(const void *x, const void *y)
{
	const struct org_at *a = x, *b = y;

	return a->id < b->id ? -1 : a->id > b->id;
}

static int cmp_at_code(void *ctx, long x, long y)
{
	struct asof_tree *t = ctx;

	return strcmp(t->v[x].code, t->v[y].code);
}

enum err_code app_tree_as_of(struct app *a, date_t d, int64_t root_id, struct asof_tree *t,
			     struct err *e)
{
	size_t i;
	long cyc;

	memset(t, 0, sizeof *t);
	t->root = -1;
	if (store_orgs_as_of(a->st, d, asof_collect, t, e))
		return e->code;
	if (t->n)
		qsort(t->v, t->n, sizeof *t->v, cmp_at_id);
	t->parent = xmalloc((t->n ? t->n : 1) * sizeof *t->parent);
	for (i = 0; i < t->n; i++) {
		struct org_at key, *hit;

		key.id = t->v[i].parent_id;
		hit = key.id ? bsearch(&key, t->v, t->n, sizeof *t->v, cmp_at_id) : NULL;
		t->parent[i] = hit ? (long)(hit - t->v) : -1;
		if (root_id ? t->v[i].id == root_id : t->parent[i] < 0)
			t->root = (long)i;
	}
	if (tree_build(&t->tr, t->parent, t->n, cmp_at_code, t, &cyc))
		return err_set(e, ERR_INTERNAL, "the tree as of that date has a cycle");
	return ERR_OK;
}

void asof_tree_cleanup(struct asof_tree *t)
{
	tree_cleanup(&t->tr);
	free(t->parent);
	free(t->v);
	memset(t, 0, sizeof *t);
}

struct asof_count {
	long official, probationary, hosted;
};

struct roll_ctx {
	struct app *a;
	date_t d;
	struct asof_count *c;
	struct err *e;
	int64_t org_id;
};

static int asof_count_member(void *ctx, const struct member *m)
{
	struct roll_ctx *r = ctx;
	int st = -1;

	if (m->org_since != DATE_NONE && m->org_since > r->d)
		return 0;
	if (app_status_at(r->a, m, r->d, &st, r->e))
		return 1;
	if (st < 0 || !member_status_active((enum member_status)st))
		return 0;
	if (st == MS_PROBATIONARY)
		r->c->probationary++;
	else
		r->c->official++;
	return 0;
}

/* A member hosted here on the date: counted apart, when on a roll then. */
static int asof_count_hosted(void *ctx, const struct member *m)
{
	struct roll_ctx *r = ctx;
	int st = -1;

	if (app_status_at(r->a, m, r->d, &st, r->e))
		return 1;
	if (st >= 0 && member_status_active((enum member_status)st))
		r->c->hosted++;
	return 0;
}

static int asof_count_period(void *ctx, int64_t member_id, const struct member_period *p)
{
	struct roll_ctx *r = ctx;
	struct member m;

	if (store_member_get(r->a->st, member_id, &m, r->e))
		return 1;
	if (p->temporary)
		return asof_count_hosted(ctx, &m); /* a stay here that has ended since */
	m.org_since = DATE_NONE; /* the period already covers the date */
	return asof_count_member(ctx, &m);
}

enum err_code app_org_tree(struct app *a, const struct actor *ac, const char *root_code,
			   int max_depth, date_t as_of, app_tree_cb cb, void *ctx, struct err *e)
{
	struct org root;
	long pre, last;
	struct asof_tree t = {0};
	struct asof_count *cnt = NULL;
	size_t i;
	enum err_code rc = ERR_OK;

	if (app_scope(a, ac, &pre, &last, e))
		return e->code;
	if (root_code && root_code[0]) {
		if (app_org_lookup(a, ac, root_code, &root, 0, "org", e))
			return e->code;
	} else if (ac->scope_code[0]) {
		if (app_org_lookup(a, ac, ac->scope_code, &root, 0, "org", e))
			return e->code;
	} else {
		memset(&root, 0, sizeof root);
		root.pre = 1;
		root.last = 1L << 40;
		root.depth = 0;
		root.id = 0;
	}
	if (as_of == DATE_NONE || as_of >= a->today) {
		if (root.id && root.dissolved != DATE_NONE) {
			char d[DATE_STR];

			return err_add(e, ERR_RULE, 0, "org", root.code, NULL,
				       "'%s' was dissolved on %s; ask with --as-of an earlier date",
				       root.code, date_format(root.dissolved, d));
		}
		return tree_now(a, &root, max_depth, cb, ctx, e);
	}

	/* As of a past date: the tree then, and the rolls then. */
	if ((rc = app_tree_as_of(a, as_of, root.id, &t, e)))
		goto out;
	if (t.root < 0) {
		char d[DATE_STR];

		rc = err_add(e, ERR_NOTFOUND, 0, "org", root.code, NULL,
			     "'%s' did not exist on %s", root_code && root_code[0] ? root_code :
			     "the tree", date_format(as_of, d));
		goto out;
	}
	cnt = xcalloc(t.n ? t.n : 1, sizeof *cnt);
	for (i = 0; i < t.n && !rc; i++) {
		struct roll_ctx r = {a, as_of, &cnt[i], e, t.v[i].id};

		if (!tree_within(&t.tr, (long)i, t.root))
			continue;
		if (store_member_of_org(a->st, t.v[i].id, 0, asof_count_member, &r, e) ||
		    store_member_periods_at(a->st, t.v[i].id, as_of, asof_count_period, &r, e) ||
		    app_hosted_at(a, t.v[i].id, as_of, 0, asof_count_hosted, &r, e))
			rc = e->code;
	}
	/* Sum up the subtree counts in reverse pre-order, then report in pre-order. */
	if (!rc) {
		struct asof_count *sum = xcalloc(t.n ? t.n : 1, sizeof *sum);
		long k;

		for (k = (long)t.n - 1; k >= 0; k--) {
			long v = t.tr.order[k];

			sum[v].official += cnt[v].official;
			sum[v].probationary += cnt[v].probationary;
			sum[v].hosted += cnt[v].hosted;
			if (t.parent[v] >= 0) {
				sum[t.parent[v]].official += sum[v].official;
				sum[t.parent[v]].probationary += sum[v].probationary;
				sum[t.parent[v]].hosted += sum[v].hosted;
			}
		}
		for (k = 0; k < (long)t.n; k++) {
			long v = t.tr.order[k];
			struct tree_node n;
			int depth = t.tr.depth[v] - t.tr.depth[t.root];

			if (!tree_within(&t.tr, v, t.root) || (max_depth >= 0 && depth > max_depth))
				continue;
			memset(&n, 0, sizeof n);
			n.id = t.v[v].id;
			n.parent_id = t.v[v].parent_id;
			snprintf(n.code, sizeof n.code, "%s", t.v[v].code);
			snprintf(n.name, sizeof n.name, "%s", t.v[v].name);
			n.kind = t.v[v].kind;
			n.depth = depth;
			n.official = sum[v].official;
			n.probationary = sum[v].probationary;
			n.hosted = sum[v].hosted;
			n.members = n.official + n.probationary;
			n.orgs = t.tr.last[v] - t.tr.pre[v] + 1;
			if (cb(ctx, &n))
				break;
		}
		free(sum);
	}
out:
	free(cnt);
	asof_tree_cleanup(&t);
	return rc;
}
