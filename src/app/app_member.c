/* app_member.c - what users do with members: add, edit, read, list, search, change status,
 * transfer and receive, and ask where a member was on a date. */
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "app_int.h"

/* Whether the actor may see member m: its roll, or its temporary host, is in scope. */
static int member_visible(struct app *a, long pre, long last, const struct member *m)
{
	struct org o;
	struct err tmp;
	int vis = 0;

	err_init(&tmp);
	if (store_org_by_id(a->st, m->org_id, &o, &tmp) == ERR_OK)
		vis = app_org_visible(a, pre, last, &o);
	if (!vis && m->temp_org_id && store_org_by_id(a->st, m->temp_org_id, &o, &tmp) == ERR_OK)
		vis = app_org_visible(a, pre, last, &o);
	err_cleanup(&tmp);
	return vis;
}

int app_member_visible(struct app *a, long pre, long last, const struct member *m)
{
	return member_visible(a, pre, last, m);
}

static enum err_code member_lookup(struct app *a, const struct actor *ac, int64_t id,
				   struct member *m, struct err *e)
{
	long pre, last;
	struct err tmp;

	if (app_scope(a, ac, &pre, &last, e))
		return e->code;
	err_init(&tmp);
	if (store_member_get(a->st, id, m, &tmp) || !member_visible(a, pre, last, m)) {
		enum err_code c = tmp.code == ERR_STORAGE ? ERR_STORAGE : ERR_NOTFOUND;

		if (c == ERR_STORAGE)
			err_merge(e, &tmp);
		else
			err_add(e, ERR_NOTFOUND, 0, "id", NULL, NULL,
				"no member has the id %lld; 'cadre member search NAME' finds ids",
				(long long)id);
		err_cleanup(&tmp);
		return c;
	}
	err_cleanup(&tmp);
	return ERR_OK;
}

enum err_code app_member_get(struct app *a, const struct actor *ac, int64_t id, struct member *m,
			     struct err *e)
{
	return member_lookup(a, ac, id, m, e);
}

struct dup_ctx {
	const struct member *m;
	struct err *warn;
	const char *dup_key;
};

static int dup_found(void *ctx, const struct member *other)
{
	struct dup_ctx *d = ctx;

	if (other->id != d->m->id && app_same_person(other, d->dup_key, d->m->hometown))
		err_add(d->warn, ERR_OK, 0, "full_name", d->m->full_name, NULL,
			"possible duplicate of member %lld (%s, same birth date and home town); "
			"check before keeping both", (long long)other->id, other->full_name);
	return 0;
}

int app_check_numbers(struct app *a, const struct member *m, long pre, long last, long line,
		      struct err *e)
{
	static const struct {
		enum member_number k;
		const char *field, *what;
	} nums[] = {
		{MN_CITIZEN_ID, "citizen_id", "citizen ID"},
		{MN_CARD_NO, "card_no", "party card number"},
		{MN_HISTORY_NO, "history_no", "personal-history number"},
	};
	size_t i;
	int bad = 0;

	for (i = 0; i < sizeof nums / sizeof nums[0]; i++) {
		const char *v = nums[i].k == MN_CITIZEN_ID ? m->citizen_id
				: nums[i].k == MN_CARD_NO  ? m->card_no : m->history_no;
		int64_t holder;
		long hpre;

		if (!v[0])
			continue;
		if (store_member_number_holder(a->st, nums[i].k, v, m->id, &holder, &hpre, e))
			return -1;
		if (!holder)
			continue;
		bad = 1;
		/* Outside the actor's scope the holder is not named (item 12 of issue 9). */
		if (hpre >= pre && hpre <= last)
			err_add(e, ERR_RULE, line, nums[i].field, v, "R-MEMBER-UNIQUE-NUMBERS",
				"this %s is already used by member %lld; a number stays with the "
				"person who held it", nums[i].what, (long long)holder);
		else
			err_add(e, ERR_RULE, line, nums[i].field, v, "R-MEMBER-UNIQUE-NUMBERS",
				"this %s is already used", nums[i].what);
	}
	return bad ? -1 : 0;
}

enum err_code app_member_add(struct app *a, const struct actor *ac, struct member *m,
			     struct err *e)
{
	enum err_code rc;
	struct err fixed;

	if (!member_status_active(m->status))
		return err_add(e, ERR_INPUT, 0, "status", member_status_name(m->status), NULL,
			       "a member is added as probationary or official (or exempt, "
			       "suspended); record later changes with 'cadre member status'");
	/* An official date past the end of probation: official exactly then (R-PROBATION-MONTHS);
	 * the warning is kept until the transaction begins (which clears the warnings). */
	err_init(&fixed);
	member_fix_official_date(m, &a->rules, &fixed, 0);
	member_validate(m, &a->rules, e, 0);
	member_check_age(m, &a->rules, e, 0);
	app_check_date(a, m->admission_decision_date, "admission_decision_date", e);
	app_check_date(a, m->admission_ceremony_date, "admission_ceremony_date", e);
	app_check_date(a, m->official_date, "official_date", e);
	if (e->code || (rc = app_begin(a, e))) {
		err_cleanup(&fixed);
		return e->code;
	}
	err_merge(&a->warn, &fixed);
	err_cleanup(&fixed);
	{
		struct app_holidays h = {0};

		if (app_holidays_load(a, &h, e))
			return app_end(a, e->code, e);
		member_warnings(m, &a->rules, h.days, h.n, &a->warn, 0);
		app_holidays_cleanup(&h);
	}
	rc = app_member_add_tx(a, ac, m, e);
	return app_end(a, rc, e);
}

enum err_code app_member_add_tx(struct app *a, const struct actor *ac, struct member *m,
				struct err *e)
{
	struct org o;
	struct name_keys nk;
	enum err_code rc;
	struct dup_ctx dc = {m, &a->warn, NULL};
	char *detail;

	name_keys_init(&nk);
	if ((rc = app_org_lookup(a, ac, m->org_code, &o, 1, "org_code", e)))
		goto out;
	/* The role is asked only of a record in sight: outside the scope it does not exist. */
	if ((rc = app_can_edit(ac, e)))
		goto out;
	m->org_id = o.id;
	m->temp_org_id = 0;
	m->temp_until = DATE_NONE;
	/* On this roll since admission, or since the organisation was established if later. */
	if (m->org_since == DATE_NONE)
		m->org_since = m->admission_decision_date > o.established ? m->admission_decision_date
									  : o.established;
	if (m->status_since == DATE_NONE)
		m->status_since = m->status == MS_PROBATIONARY ? m->admission_decision_date
							       : m->official_date;
	if (name_keys_compute(&nk, m)) {
		rc = err_add(e, ERR_INPUT, 0, "full_name", m->full_name, NULL,
			     "the name cannot be collated");
		goto out;
	}
	dc.dup_key = buf_str(&nk.dup);
	{
		long pre, last;

		if ((rc = app_scope(a, ac, &pre, &last, e)))
			goto out;
		if (app_check_numbers(a, m, pre, last, 0, e)) {
			rc = e->code;
			goto out;
		}
	}
	if ((rc = store_member_dups(a->st, nk.k.dup_hash, m->birth_date, dup_found, &dc, e)) ||
	    (rc = store_member_insert(a->st, m, &nk.k, e)))
		goto out;
	detail = app_member_json(m);
	rc = app_member_event(a, ac, m, a->today, "add", detail, e);
	free(detail);
out:
	name_keys_cleanup(&nk);
	return rc;
}

enum err_code app_member_add_fields(struct app *a, const struct actor *ac,
				    const char *const *names, const char *const *values, size_t n,
				    struct member *m, struct err *e)
{
	size_t i, k, j;
	int status_given = 0, has_official = 0, has_name = 0;
	struct err more;

	memset(m, 0, sizeof *m);
	m->birth_date = m->admission_decision_date = m->admission_ceremony_date = DATE_NONE;
	m->official_date = m->org_since = m->status_since = m->temp_until = DATE_NONE;
	m->status = MS_PROBATIONARY;
	for (i = 0; i < n; i++) {
		if (strcmp(names[i], "org_code") == 0) {
			if (strlen(values[i]) > ORG_CODE_MAX)
				err_add(e, ERR_INPUT, 0, "org_code", values[i], NULL,
					"not an organisation code");
			else
				snprintf(m->org_code, sizeof m->org_code, "%s", values[i]);
		} else if (strcmp(names[i], "status") == 0) {
			status_given = 1;
			if (member_status_parse(values[i], &m->status))
				err_add(e, ERR_INPUT, 0, "status", values[i], NULL,
					"status must be probationary or official");
		} else {
			if (strcmp(names[i], "official_date") == 0 && values[i][0])
				has_official = 1;
			if (strcmp(names[i], "full_name") == 0)
				has_name = 1;
			member_set_field(m, names[i], values[i], e, 0);
		}
	}
	if (!m->org_code[0])
		err_add(e, ERR_INPUT, 0, "org_code", NULL, NULL,
			"the organisation is missing: give its code");
	if (!has_name)
		err_add(e, ERR_INPUT, 0, "full_name", NULL, NULL, "the full name is missing");
	if (!status_given)
		m->status = has_official ? MS_OFFICIAL : MS_PROBATIONARY;
	if (!e->code)
		return app_member_add(a, ac, m, e);
	/* Report every problem at once: the record's own checks too, except for the fields
	 * already named as unreadable. */
	err_init(&more);
	member_validate(m, &a->rules, &more, 0);
	member_check_age(m, &a->rules, &more, 0);
	for (k = 0; k < more.n; k++) {
		int seen = 0;

		for (j = 0; j < e->n; j++)
			if (strcmp(e->items[j].field, more.items[k].field) == 0)
				seen = 1;
		if (!seen)
			err_add(e, more.items[k].rule[0] ? ERR_RULE : ERR_INPUT, 0,
				more.items[k].field, more.items[k].value,
				more.items[k].rule[0] ? more.items[k].rule : NULL, "%s",
				more.items[k].msg);
	}
	err_cleanup(&more);
	return e->code;
}

enum err_code app_member_edit(struct app *a, const struct actor *ac, int64_t id,
			      const char *const *names, const char *const *values, size_t n,
			      date_t date, struct err *e)
{
	struct member m, old;
	struct name_keys nk;
	enum err_code rc;
	size_t i;
	json_t *before, *after;
	char *detail;

	date = app_date(a, date);
	if (app_check_date(a, date, "date", e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	name_keys_init(&nk);
	before = json_object();
	after = json_object();
	if ((rc = member_lookup(a, ac, id, &m, e)))
		goto out;
	/* The role is asked only of a record in sight: outside the scope it does not exist. */
	if ((rc = app_can_edit(ac, e)))
		goto out;
	old = m;
	for (i = 0; i < n; i++)
		member_set_field(&m, names[i], values[i], e, 0);
	if (e->code) {
		rc = e->code;
		goto out;
	}
	/* The official date typed or kept past the end of probation after a change of either
	 * date: official exactly then (R-PROBATION-MONTHS), shown in the edit's record. */
	for (i = 0; i < n; i++)
		if (!strcmp(names[i], "official_date") || !strcmp(names[i], "admission_ceremony_date"))
			break;
	if (i < n && member_fix_official_date(&m, &a->rules, &a->warn, 0)) {
		for (i = 0; i < n && strcmp(names[i], "official_date"); i++)
			;
		if (i == n) {
			char d[DATE_STR];

			json_object_set_new(before, "official_date",
					    json_string(date_format(old.official_date, d)));
			json_object_set_new(after, "official_date",
					    json_string(date_format(m.official_date, d)));
		}
	}
	member_validate(&m, &a->rules, e, 0);
	member_check_age(&m, &a->rules, e, 0);
	app_check_date(a, m.admission_decision_date, "admission_decision_date", e);
	app_check_date(a, m.admission_ceremony_date, "admission_ceremony_date", e);
	app_check_date(a, m.official_date, "official_date", e);
	if (e->code) {
		rc = e->code;
		goto out;
	}
	for (i = 0; i < n; i++) {
		struct member *pm[2] = {&old, &m};
		json_t *side[2] = {before, after};
		int k;

		for (k = 0; k < 2; k++) {
			char d[DATE_STR];
			size_t cap;
			const char *v = member_text_field(pm[k], names[i], &cap);

			if (strcmp(names[i], "full_name") == 0)
				v = pm[k]->full_name;
			else if (!v) {
				date_t dv = strcmp(names[i], "birth_date") == 0 ? pm[k]->birth_date :
					    strcmp(names[i], "admission_decision_date") == 0 ?
					    pm[k]->admission_decision_date :
					    strcmp(names[i], "admission_ceremony_date") == 0 ?
					    pm[k]->admission_ceremony_date : pm[k]->official_date;
				v = date_format(dv, d);
			}
			json_object_set_new(side[k], names[i], json_string(v));
		}
	}
	if (name_keys_compute(&nk, &m)) {
		rc = err_set(e, ERR_INPUT, "the name cannot be collated");
		goto out;
	}
	if (strcmp(old.full_name, m.full_name) || old.birth_date != m.birth_date ||
	    strcmp(old.hometown, m.hometown)) {
		struct dup_ctx dc = {&m, &a->warn, buf_str(&nk.dup)};

		if ((rc = store_member_dups(a->st, nk.k.dup_hash, m.birth_date, dup_found, &dc, e)))
			goto out;
	}
	if (strcmp(old.citizen_id, m.citizen_id) || strcmp(old.card_no, m.card_no) ||
	    strcmp(old.history_no, m.history_no)) {
		struct member changed = m;
		long pre, last;

		/* Only a number that changes is checked: one shared before the rule came stays. */
		if (!strcmp(old.citizen_id, m.citizen_id))
			changed.citizen_id[0] = 0;
		if (!strcmp(old.card_no, m.card_no))
			changed.card_no[0] = 0;
		if (!strcmp(old.history_no, m.history_no))
			changed.history_no[0] = 0;
		if ((rc = app_scope(a, ac, &pre, &last, e)))
			goto out;
		if (app_check_numbers(a, &changed, pre, last, 0, e)) {
			rc = e->code;
			goto out;
		}
	}
	if ((rc = store_member_update(a->st, &m, &nk.k, e)))
		goto out;
	{
		json_t *j = json_pack("{s:O,s:O}", "before", before, "after", after);

		detail = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
		json_decref(j);
	}
	rc = app_member_event(a, ac, &m, date, "edit", detail, e);
	free(detail);
out:
	json_decref(before);
	json_decref(after);
	name_keys_cleanup(&nk);
	return app_end(a, rc, e);
}

/* ---- status at a date --------------------------------------------------------------- */

struct status_find {
	date_t d;
	int status;
};

static int status_cover(void *ctx, int64_t member_id, const struct member_status_period *p)
{
	struct status_find *f = ctx;

	(void)member_id;
	if (p->from <= f->d && f->d < p->to) {
		f->status = (int)p->status;
		return 1;
	}
	return 0;
}

enum err_code app_status_at(struct app *a, const struct member *m, date_t d, int *status,
			    struct err *e)
{
	struct status_find f = {d, -2};

	if (m->status_since == DATE_NONE || m->status_since <= d) {
		*status = (int)m->status;
		return ERR_OK;
	}
	if (store_member_statuses(a->st, m->id, status_cover, &f, e))
		return e->code;
	*status = f.status != -2 ? f.status : member_status_from_dates(m, d);
	return ERR_OK;
}

/* ---- lists ------------------------------------------------------------------------- */

struct asof_list {
	struct app *a;
	date_t d;
	struct member *v;
	size_t n, cap;
	struct err *e;
	int failed;
};

static int asof_take_temp(struct asof_list *l, const struct member *m, int hosted)
{
	int st = -1;

	if (app_status_at(l->a, m, l->d, &st, l->e)) {
		l->failed = 1;
		return 1;
	}
	if (st < 0 || !member_status_active((enum member_status)st))
		return 0;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n] = *m;
	l->v[l->n].status = (enum member_status)st;
	if (!hosted) {
		l->v[l->n].temp_org_id = 0;
		l->v[l->n].temp_org_code[0] = 0;
	}
	l->n++;
	return 0;
}

static int asof_take(struct asof_list *l, const struct member *m)
{
	return asof_take_temp(l, m, 0);
}

static int asof_hosted(void *ctx, const struct member *m)
{
	return asof_take_temp(ctx, m, 1);
}

/* ---- stays on temporary transfer ------------------------------------------------------ */

struct stay_find {
	date_t recv, since;
};

static int stay_transfer(void *ctx, const struct transfer *t)
{
	struct stay_find *f = ctx;

	if (t->temporary && t->state == TS_RECEIVED)
		f->recv = t->received_date;
	return 0;
}

static int stay_period(void *ctx, int64_t member_id, const struct member_period *p)
{
	struct stay_find *f = ctx;

	(void)member_id;
	if (p->temporary && f->recv != DATE_NONE && p->from >= f->recv && p->to > f->since)
		f->since = p->to;
	return 0;
}

/* Since when member m is hosted where it is now (DATE_NONE: not hosted): the arrival, or the
 * end of the part of the stay spent at a host that a restructuring replaced. */
static enum err_code stay_since(struct app *a, const struct member *m, date_t *since,
				struct err *e)
{
	struct stay_find f = {DATE_NONE, DATE_NONE};

	*since = DATE_NONE;
	if (!m->temp_org_id)
		return ERR_OK;
	if (store_transfer_list(a->st, m->id, 0, 0, stay_transfer, &f, e))
		return e->code;
	f.since = f.recv;
	if (f.recv != DATE_NONE && store_member_periods(a->st, m->id, stay_period, &f, e))
		return e->code;
	*since = f.since;
	return ERR_OK;
}

struct hosted_walk {
	struct app *a;
	date_t d;
	store_member_cb cb;
	void *ctx;
	struct err *e;
	int failed, stop;
};

static int hosted_period(void *ctx, int64_t member_id, const struct member_period *p)
{
	struct hosted_walk *w = ctx;
	struct member m;

	if (!p->temporary)
		return 0;
	if (store_member_get(w->a->st, member_id, &m, w->e)) {
		w->failed = 1;
		return 1;
	}
	m.temp_org_id = p->org_id;
	snprintf(m.temp_org_code, sizeof m.temp_org_code, "%s", p->org_code);
	m.temp_until = p->to;
	if (w->cb(w->ctx, &m))
		w->stop = 1;
	return w->stop;
}

struct member_vec {
	struct member *v;
	size_t n, cap;
};

static int member_vec_take(void *ctx, const struct member *m)
{
	struct member_vec *l = ctx;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = *m;
	return 0;
}

enum err_code app_hosted_at(struct app *a, int64_t org_id, date_t d, int closed,
			    store_member_cb cb, void *ctx, struct err *e)
{
	struct hosted_walk w = {a, d, cb, ctx, e, 0, 0};
	struct member_vec now = {0};
	enum err_code rc = ERR_OK;
	size_t i;

	/* Stays that ended (a return, leaving the rolls, a restructuring of the host). */
	if (closed &&
	    (store_member_periods_at(a->st, org_id, d, hosted_period, &w, e) || w.failed)) {
		rc = e->code ? e->code : ERR_STORAGE;
		goto out;
	}
	if (w.stop)
		goto out;
	/* Stays under way, from their start. */
	if ((rc = store_member_hosted(a->st, org_id, member_vec_take, &now, e)))
		goto out;
	for (i = 0; i < now.n; i++) {
		date_t since;

		if ((rc = stay_since(a, &now.v[i], &since, e)))
			break;
		if (since != DATE_NONE && since <= d && cb(ctx, &now.v[i]))
			break;
	}
out:
	free(now.v);
	return rc;
}

static int asof_current(void *ctx, const struct member *m)
{
	struct asof_list *l = ctx;

	if (m->org_since != DATE_NONE && m->org_since > l->d)
		return 0;
	return asof_take(l, m);
}

static int asof_period(void *ctx, int64_t member_id, const struct member_period *p)
{
	struct asof_list *l = ctx;
	struct member m;

	if (store_member_get(l->a->st, member_id, &m, l->e)) {
		l->failed = 1;
		return 1;
	}
	if (p->temporary) {
		/* A stay here that has ended: hosted then (the roll is the member's own). */
		m.temp_org_id = p->org_id;
		snprintf(m.temp_org_code, sizeof m.temp_org_code, "%s", p->org_code);
		m.temp_until = p->to;
		return asof_take_temp(l, &m, 1);
	}
	m.org_id = p->org_id;
	snprintf(m.org_code, sizeof m.org_code, "%s", p->org_code);
	return asof_take(l, &m);
}

static int cmp_member_name(const void *x, const void *y)
{
	const struct member *a = x, *b = y;
	int c = vname_compare(a->full_name, b->full_name);

	if (c)
		return c;
	return a->id < b->id ? -1 : a->id > b->id;
}

struct at_ids {
	int64_t *v;
	size_t n, cap;
};

/* The organisations in the subtree of root (0: the top) as of date d. */
static enum err_code subtree_as_of(struct app *a, int64_t root, date_t d, struct at_ids *out,
				  struct err *e)
{
	struct asof_tree t;
	size_t i;

	if (app_tree_as_of(a, d, root, &t, e))
		return e->code;
	for (i = 0; t.root >= 0 && i < t.n; i++)
		if (tree_within(&t.tr, (long)i, t.root)) {
			if (out->n == out->cap) {
				out->cap = out->cap ? out->cap * 2 : 64;
				out->v = xrealloc(out->v, out->cap * sizeof *out->v);
			}
			out->v[out->n++] = t.v[i].id;
		}
	asof_tree_cleanup(&t);
	return ERR_OK;
}

enum err_code app_member_list(struct app *a, const struct actor *ac, const char *org_code,
			      date_t as_of, long offset, long limit, store_member_cb cb, void *ctx,
			      struct err *e)
{
	struct org o;
	long pre, last;
	struct asof_list l = {0};
	struct at_ids ids = {0};
	size_t i;
	enum err_code rc = ERR_OK;
	const char *code = org_code && org_code[0] ? org_code : ac->scope_code;

	if (app_scope(a, ac, &pre, &last, e))
		return e->code;
	memset(&o, 0, sizeof o);
	if (code[0] && app_org_lookup(a, ac, code, &o, 0, "org", e))
		return e->code;
	if (!code[0]) {
		o.pre = pre;
		o.last = last;
	}
	if (as_of == DATE_NONE || as_of >= a->today) {
		if (o.id && o.dissolved != DATE_NONE) {
			char d[DATE_STR];

			return err_add(e, ERR_RULE, 0, "org", o.code, NULL,
				       "'%s' was dissolved on %s; ask with --as-of an earlier date",
				       o.code, date_format(o.dissolved, d));
		}
		rc = store_member_list(a->st, o.pre, o.last, 1, offset, limit, cb, ctx, e);
		a->list_total = store_member_list_total(a->st);
		return rc;
	}
	/* The past: the tree then, the rolls then, sorted in memory. */
	l.a = a;
	l.d = as_of;
	l.e = e;
	if ((rc = subtree_as_of(a, o.id, as_of, &ids, e)))
		goto out;
	if (ids.n == 0 && o.id) {
		char d[DATE_STR];

		rc = err_add(e, ERR_NOTFOUND, 0, "org", code, NULL, "'%s' did not exist on %s",
			     code, date_format(as_of, d));
		goto out;
	}
	for (i = 0; i < ids.n && !l.failed; i++) {
		/* The rolls then, and those hosted then, as today's list has both. */
		if (store_member_of_org(a->st, ids.v[i], 0, asof_current, &l, e) ||
		    store_member_periods_at(a->st, ids.v[i], as_of, asof_period, &l, e) ||
		    app_hosted_at(a, ids.v[i], as_of, 0, asof_hosted, &l, e))
			l.failed = 1;
	}
	if (l.failed) {
		rc = e->code ? e->code : ERR_STORAGE;
		goto out;
	}
	a->list_total = (long)l.n;
	if (l.n)
		qsort(l.v, l.n, sizeof *l.v, cmp_member_name);
	for (i = (size_t)(offset > 0 ? offset : 0); i < l.n; i++) {
		if (limit >= 0 && (long)i >= offset + limit)
			break;
		if (cb(ctx, &l.v[i]))
			break;
	}
out:
	free(ids.v);
	free(l.v);
	return rc;
}

const char *const app_age_bands[] = {"18-30", "31-40", "41-50", "51-60", "61-", NULL};
const char *const app_roll_sorts[] = {"name", "birth", "status", "org", "category", NULL};

/* The index of s in the NULL-ended words, or -1. */
static int word_index(const char *const *words, const char *s)
{
	int i;

	for (i = 0; words[i]; i++)
		if (!strcmp(words[i], s))
			return i;
	return -1;
}

static enum err_code roll_bad(struct err *e, const char *name, const char *v,
			      const char *const *words)
{
	struct buf b;
	int i;

	buf_init(&b, 0);
	for (i = 0; words[i]; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", words[i]);
	err_add(e, ERR_USAGE, 0, name, v, NULL, "%s must be one of: %s", name, buf_str(&b));
	buf_cleanup(&b);
	return e->code;
}

enum err_code app_member_roll(struct app *a, const struct actor *ac, const char *org_code,
			      const struct roll_query *q, long offset, long limit, store_member_cb cb,
			      void *ctx, long *total, struct err *e)
{
	static const char *const statuses[] = {"probationary", "official", "exempt", "suspended",
					       NULL};
	static const char *const sexes[] = {"male", "female", NULL};
	static const char *const kinds[] = {"committee", "grassroots", "subcommittee", "cell",
					    NULL};
	static const int band_lo[] = {18, 31, 41, 51, 61}, band_hi[] = {30, 40, 50, 60, -1};
	struct member_filter f;
	const char *sort = q->sort && q->sort[0] ? q->sort : "name";
	int i;

	memset(&f, 0, sizeof f);
	f.born_after = f.born_until = DATE_NONE;
	if (q->status && q->status[0] && word_index(statuses, q->status) < 0)
		return roll_bad(e, "status", q->status, statuses);
	if (q->category && q->category[0] && word_index(member_categories, q->category) < 0)
		return roll_bad(e, "category", q->category, member_categories);
	if (q->sex && q->sex[0] && word_index(sexes, q->sex) < 0)
		return roll_bad(e, "sex", q->sex, sexes);
	if (q->kind && q->kind[0] && word_index(kinds, q->kind) < 0)
		return roll_bad(e, "kind", q->kind, kinds);
	if (q->age && q->age[0]) {
		int y, m, d;

		if ((i = word_index(app_age_bands, q->age)) < 0)
			return roll_bad(e, "age", q->age, app_age_bands);
		/* Aged at least lo today: born on or before today lo years ago; at most hi: born
		 * after today hi + 1 years ago. */
		date_to_ymd(a->today, &y, &m, &d);
		if (m == 2 && d == 29)
			d = 28;
		f.born_until = date_from_ymd(y - band_lo[i], m, d);
		if (band_hi[i] >= 0)
			f.born_after = date_from_ymd(y - band_hi[i] - 1, m, d);
	}
	f.desc = sort[0] == '-';
	if ((i = word_index(app_roll_sorts, sort + f.desc)) < 0)
		return roll_bad(e, "sort", sort, app_roll_sorts);
	f.sort = (enum member_sort)i;
	f.status = q->status;
	f.category = q->category;
	f.sex = q->sex;
	f.org_kind = q->kind;
	if (app_subtree(a, ac, org_code, 0, &f.pre, &f.last, e))
		return e->code;
	return store_member_roll(a->st, &f, offset, limit, cb, ctx, total, e);
}

/* The words of a search text (core/vname), kept for the store. */
#define QUERY_WORDS_MAX 8

struct query_words {
	struct search_word w[QUERY_WORDS_MAX];
	char text[QUERY_WORDS_MAX][VNAME_MAX + 1], folded[QUERY_WORDS_MAX][VNAME_MAX + 1];
	size_t n;
	int too_many;
};

static void query_word(void *ctx, const char *raw, size_t rawlen, const char *lower,
		       const char *folded)
{
	struct query_words *q = ctx;
	int accented = strcmp(lower, folded) != 0;
	const char *t = accented ? lower : folded;

	(void)raw;
	(void)rawlen;
	if (!folded[0] || strlen(t) > VNAME_MAX || strlen(folded) > VNAME_MAX)
		return;
	if (q->n == QUERY_WORDS_MAX) {
		q->too_many = 1;
		return;
	}
	memcpy(q->text[q->n], t, strlen(t) + 1);
	memcpy(q->folded[q->n], folded, strlen(folded) + 1);
	q->w[q->n].text = q->text[q->n];
	q->w[q->n].folded = q->folded[q->n];
	q->w[q->n].accented = accented;
	q->w[q->n].prefix = 0;
	q->n++;
}

enum err_code app_member_find(struct app *a, const struct actor *ac, const char *text,
			      const char *org_code, long offset, long limit, long *total,
			      store_member_cb cb, void *ctx, struct err *e)
{
	struct query_words *q;
	long pre, last;
	enum err_code rc;

	*total = 0;
	if (app_subtree(a, ac, org_code, 0, &pre, &last, e))
		return e->code;
	q = xcalloc(1, sizeof *q);
	if (text && strlen(text) <= 4 * VNAME_MAX)
		vname_words(text, query_word, q);
	if (!q->n || q->too_many) {
		free(q);
		return err_add(e, ERR_INPUT, 0, "q", text, NULL,
			       "type part of a name to search for (accents are optional), at most "
			       "%d words", QUERY_WORDS_MAX);
	}
	/* The last word may be the beginning of one: the name as it is being typed. */
	q->w[q->n - 1].prefix = 1;
	rc = store_member_find(a->st, pre, last, q->w, q->n, offset, limit, total, cb, ctx, e);
	free(q);
	return rc;
}

enum err_code app_member_search(struct app *a, const struct actor *ac, const char *text,
				const char *org_code, long limit, store_member_cb cb, void *ctx,
				struct err *e)
{
	long total;

	return app_member_find(a, ac, text, org_code, 0, limit, &total, cb, ctx, e);
}

enum err_code app_org_find(struct app *a, const struct actor *ac, const char *text,
			   int open_only, long limit, store_org_cb cb, void *ctx, int *more,
			   struct err *e)
{
	struct buf q;
	long pre, last;
	enum err_code rc;

	*more = 0;
	if (app_subtree(a, ac, "", 0, &pre, &last, e))
		return e->code;
	buf_init(&q, 4096);
	vname_fold(text ? text : "", &q);
	/* Apostrophes and hyphens part words here as in the names (store_words_org). */
	{
		char *p;

		for (p = q.s; p && *p; p++)
			if (*p == '\'' || *p == '-')
				*p = ' ';
	}
	if (q.overflow || !buf_str(&q)[0]) {
		buf_cleanup(&q);
		return err_add(e, ERR_INPUT, 0, "q", text, NULL,
			       "type part of an organisation's name (accents are optional)");
	}
	rc = store_org_find(a->st, pre, last, buf_str(&q), open_only, limit, cb, ctx, more, e);
	buf_cleanup(&q);
	return rc;
}

/* A page handed out: rows counted, at most limit of them. */
struct page_count {
	store_member_cb cb;
	void *ctx;
	long limit, n;
	int more;
};

static int page_row(void *ctx, const struct member *m)
{
	struct page_count *p = ctx;

	if (p->limit >= 0 && p->n >= p->limit) {
		p->more = 1;
		return 1;
	}
	p->n++;
	return p->cb(p->ctx, m);
}

enum err_code app_member_page(struct app *a, const struct actor *ac, const char *org_code,
			      date_t as_of, long offset, long limit, store_member_cb cb, void *ctx,
			      int *more, struct err *e)
{
	struct page_count p = {cb, ctx, limit, 0, 0};
	char d[DATE_STR];

	/* One more than asked: whether a next page exists without counting the subtree. */
	if (app_member_list(a, ac, org_code, as_of, offset, limit < 0 ? -1 : limit + 1, page_row,
			    &p, e))
		return e->code;
	if (more)
		*more = p.more;
	return app_audit_bulk(a, ac, "members.list", org_code, p.n, "as_of",
			      as_of == DATE_NONE ? "" : date_format(as_of, d), e);
}

enum err_code app_member_search_page(struct app *a, const struct actor *ac, const char *text,
				     const char *org_code, long offset, long limit, long *total,
				     store_member_cb cb, void *ctx, struct err *e)
{
	struct page_count p = {cb, ctx, -1, 0, 0};

	if (app_member_find(a, ac, text, org_code, offset, limit, total, page_row, &p, e))
		return e->code;
	return app_audit_bulk(a, ac, "members.search", org_code, p.n, "q", text, e);
}

/* ---- status ------------------------------------------------------------------------ */

struct open_list {
	struct transfer *v;
	size_t n;
};

/* Collect a member's open transfers: sent and not received, or a temporary stay under way. */
static int collect_open(void *ctx, const struct transfer *t)
{
	struct open_list *l = ctx;

	if (t->state == TS_SENT || (t->state == TS_RECEIVED && t->temporary)) {
		l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
		l->v[l->n++] = *t;
	}
	return 0;
}

enum err_code app_member_status(struct app *a, const struct actor *ac, int64_t id,
				enum member_status status, date_t date, const char *reason,
				struct err *e)
{
	enum err_code rc;
	char why[TEXT_REASON_MAX + 1] = "";

	date = app_date(a, date);
	if (text_accept(reason, TEXT_REASON_MAX, TEXT_LINES, why, sizeof why, e, 0, "reason",
			"the reason") ||
	    app_check_date(a, date, "date", e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	rc = app_member_status_tx(a, ac, id, status, date, why, e);
	/* An admission case still open for the member closes with it (docs/admissions.md). */
	if (!rc)
		rc = app_adm_member_status(a, ac, id, status, date, why, e);
	return app_end(a, rc, e);
}

enum err_code app_member_status_tx(struct app *a, const struct actor *ac, int64_t id,
				   enum member_status status, date_t date, const char *why,
				   struct err *e)
{
	struct member m;
	struct name_keys nk;
	enum err_code rc;
	date_t since;
	char *detail;
	char d1[DATE_STR];
	long months;

	name_keys_init(&nk);
	if ((rc = member_lookup(a, ac, id, &m, e)))
		goto out;
	/* The role is asked only of a record in sight: outside the scope it does not exist. */
	if ((rc = app_can_edit(ac, e)))
		goto out;
	if (member_check_transition(&m, status, date, &a->rules, e)) {
		rc = e->code;
		goto out;
	}
	since = date;
	if (status == MS_OFFICIAL && m.status == MS_PROBATIONARY &&
	    ruleset_int(&a->rules, R_PROBATION_MONTHS, m.admission_ceremony_date, &months)) {
		/* R-PROBATION-MONTHS: official at exactly the end of probation, even when the
		 * cell's vote is later. */
		since = date_add_months(m.admission_ceremony_date, (int)months);
		m.official_date = since;
	} else if (status == MS_OFFICIAL && m.official_date == DATE_NONE) {
		m.official_date = date;
	}
	if (m.status_since != DATE_NONE && since > m.status_since &&
	    (rc = store_member_status_add(a->st, m.id, m.status, m.status_since, since, e)))
		goto out;
	detail = app_json("{s:s,s:s,s:s,s:s}", "from", member_status_name(m.status), "to",
			  member_status_name(status), "effective", date_format(since, d1),
			  "reason", why);
	rc = app_member_event(a, ac, &m, date, "status", detail, e);
	free(detail);
	if (rc)
		goto out;
	if (!member_status_active(status)) {
		/* Leaving the rolls closes every open transfer: a stay elsewhere ends on this date,
		 * a letter sent but not presented is void. */
		struct open_list ol = {0};
		size_t i;

		if ((rc = store_transfer_list(a->st, m.id, 0, 0, collect_open, &ol, e)))
			goto out;
		for (i = 0; i < ol.n && !rc; i++) {
			struct transfer *t = &ol.v[i];

			if (t->state == TS_RECEIVED && t->temporary && date > t->received_date)
				rc = store_member_period_add(a->st, m.id, t->to_org_id,
							     t->received_date, date, 1, e);
			t->ended_date = date;
			t->state = TS_ENDED;
			if (!rc)
				rc = store_transfer_update(a->st, t, e);
		}
		free(ol.v);
		if (rc)
			goto out;
		m.temp_org_id = 0;
		m.temp_until = DATE_NONE;
	}
	m.status = status;
	m.status_since = since;
	if (name_keys_compute(&nk, &m)) {
		rc = err_set(e, ERR_INTERNAL, "cannot compute the name keys");
		goto out;
	}
	rc = store_member_update(a->st, &m, &nk.k, e);
out:
	name_keys_cleanup(&nk);
	return rc;
}

/* ---- transfers --------------------------------------------------------------------- */

struct open_find {
	int found;
	int64_t id;
};

static int open_transfer(void *ctx, const struct transfer *t)
{
	struct open_find *f = ctx;

	if (t->state == TS_SENT || (t->state == TS_RECEIVED && t->temporary)) {
		f->found = 1;
		f->id = t->id;
		return 1;
	}
	return 0;
}

enum err_code app_member_transfer(struct app *a, const struct actor *ac, int64_t id,
				  const char *to_code, int temporary, date_t date, date_t until,
				  const char *reason, const char *letter_no, struct transfer *t,
				  struct err *e)
{
	struct member m;
	struct org to;
	struct err tmp;
	struct open_find of = {0, 0};
	enum err_code rc;
	char d1[DATE_STR], d2[DATE_STR];
	char *detail;
	long lo, hi;

	date = app_date(a, date);
	memset(t, 0, sizeof *t);
	text_accept(reason, TEXT_REASON_MAX, TEXT_LINES, t->reason, sizeof t->reason, e, 0,
		    "reason", "the reason");
	text_accept(letter_no, sizeof t->letter_no - 1, 0, t->letter_no, sizeof t->letter_no, e,
		    0, "letter", "the letter number");
	if (e->code || app_check_date(a, date, "date", e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	err_init(&tmp);
	if ((rc = member_lookup(a, ac, id, &m, e)))
		goto out;
	/* The role is asked only of a record in sight: outside the scope it does not exist. */
	if ((rc = app_can_edit(ac, e)))
		goto out;
	/* The destination may lie outside the sender's scope: a transfer goes to another unit.
	 * Only its existence by exact code is used here. */
	if (store_org_by_code(a->st, to_code, &to, &tmp) || to.dissolved != DATE_NONE) {
		rc = err_add(e, ERR_NOTFOUND, 0, "to", to_code, NULL,
			     "no active organisation has the code '%s'", to_code);
		goto out;
	}
	if (!member_status_active(m.status)) {
		rc = err_add(e, ERR_RULE, 0, "status", member_status_name(m.status), NULL,
			     "member %lld is %s and not on a roll; only members on a roll are "
			     "transferred", (long long)id, err_tr(member_status_name(m.status)));
		goto out;
	}
	if ((rc = app_check_exists_on(&to, date, "to", e)))
		goto out;
	if (to.id == m.org_id) {
		rc = err_add(e, ERR_INPUT, 0, "to", to_code, NULL,
			     "member %lld is already on the roll of '%s'", (long long)id, to_code);
		goto out;
	}
	if ((rc = store_transfer_list(a->st, m.id, 0, 0, open_transfer, &of, e)))
		goto out;
	if (of.found) {
		rc = err_add(e, ERR_RULE, 0, "id", NULL, NULL,
			     "member %lld already has transfer %lld open; receive or end it first",
			     (long long)id, (long long)of.id);
		goto out;
	}
	if (m.org_since != DATE_NONE && date < m.org_since) {
		rc = err_add(e, ERR_RULE, 0, "date", date_format(date, d1), R_MEMBER_DATES,
			     "the member joined the current roll on %s, after this date",
			     date_format(m.org_since, d2));
		goto out;
	}
	if (temporary) {
		if (until == DATE_NONE) {
			rc = err_add(e, ERR_INPUT, 0, "until", "", NULL,
				     "a temporary transfer needs --until DATE, its planned end");
			goto out;
		}
		if (ruleset_int(&a->rules, R_TRANSFER_TEMP_MIN_MONTHS, date, &lo) &&
		    until < date_add_months(date, (int)lo)) {
			rc = err_add(e, ERR_RULE, 0, "until", date_format(until, d1),
				     R_TRANSFER_TEMP_MIN_MONTHS,
				     "a temporary transfer lasts at least %ld months; for a shorter "
				     "absence the member stays on the roll", lo);
			goto out;
		}
		if (ruleset_int(&a->rules, R_TRANSFER_TEMP_MAX_MONTHS, date, &hi) &&
		    until >= date_add_months(date, (int)hi)) {
			rc = err_add(e, ERR_RULE, 0, "until", date_format(until, d1),
				     R_TRANSFER_TEMP_MAX_MONTHS,
				     "a temporary transfer lasts less than %ld months; make an "
				     "official transfer instead", hi);
			goto out;
		}
	} else if (until != DATE_NONE) {
		rc = err_add(e, ERR_USAGE, 0, "until", date_format(until, d1), NULL,
			     "--until applies only to a temporary transfer");
		goto out;
	}
	t->member_id = m.id;
	t->temporary = temporary;
	t->from_org_id = m.org_id;
	t->to_org_id = to.id;
	snprintf(t->from_code, sizeof t->from_code, "%s", m.org_code);
	snprintf(t->to_code, sizeof t->to_code, "%s", to.code);
	t->sent_date = date;
	t->received_date = DATE_NONE;
	t->until_date = temporary ? until : DATE_NONE;
	t->ended_date = DATE_NONE;
	t->state = TS_SENT;
	if ((rc = store_transfer_insert(a->st, t, e)))
		goto out;
	detail = app_json("{s:I,s:s,s:s,s:s,s:s}", "transfer", (json_int_t)t->id, "kind",
			  temporary ? "temporary" : "official", "from", m.org_code, "to", to.code,
			  "reason", t->reason);
	rc = app_member_event(a, ac, &m, date, "transfer_sent", detail, e);
	free(detail);
out:
	err_cleanup(&tmp);
	return app_end(a, rc, e);
}

enum err_code app_member_receive(struct app *a, const struct actor *ac, int64_t transfer_id,
				 date_t date, struct transfer *t, struct err *e)
{
	struct member m;
	struct org to;
	struct name_keys nk;
	enum err_code rc;
	char d1[DATE_STR], d2[DATE_STR];
	char *detail;
	long days;
	struct app_holidays hol = {0};

	date = app_date(a, date);
	if (app_check_date(a, date, "date", e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	name_keys_init(&nk);
	if ((rc = store_transfer_get(a->st, transfer_id, t, e)))
		goto out;
	/* The receiving side acts: the destination must be in the actor's scope. */
	if ((rc = app_org_lookup(a, ac, t->to_code, &to, 1, "to", e))) {
		err_clear(e);
		rc = err_add(e, ERR_NOTFOUND, 0, "transfer", NULL, NULL,
			     "no transfer has the id %lld", (long long)transfer_id);
		goto out;
	}
	/* The role is asked only of a record in sight: outside the scope it does not exist. */
	if ((rc = app_can_edit(ac, e)))
		goto out;
	if (t->state == TS_RECEIVED || (t->state == TS_ENDED && t->received_date != DATE_NONE)) {
		rc = err_add(e, ERR_RULE, 0, "transfer", NULL, NULL,
			     "transfer %lld was already received on %s", (long long)transfer_id,
			     date_format(t->received_date, d1));
		goto out;
	}
	if (t->state == TS_ENDED) {
		rc = err_add(e, ERR_RULE, 0, "transfer", NULL, NULL, t->cancelled ?
			     "transfer %lld was already cancelled on %s by the sending side" :
			     "transfer %lld was closed on %s without being received, when the "
			     "member left the rolls", (long long)transfer_id,
			     date_format(t->ended_date, d1));
		goto out;
	}
	if (date < t->sent_date) {
		rc = err_add(e, ERR_RULE, 0, "date", date_format(date, d1), R_MEMBER_DATES,
			     "the member cannot be received before being sent on %s",
			     date_format(t->sent_date, d2));
		goto out;
	}
	if ((rc = app_holidays_load(a, &hol, e)))
		goto out;
	if (ruleset_int(&a->rules, R_TRANSFER_PRESENT_DAYS, t->sent_date, &days) &&
	    date > date_add_working_days_hol(t->sent_date, (int)days, hol.days, hol.n))
		err_add(&a->warn, ERR_OK, 0, "date", date_format(date, d1), R_TRANSFER_PRESENT_DAYS,
			"the letter was presented more than %ld working days after it was sent on "
			"%s", days, date_format(t->sent_date, d2));
	if ((rc = store_member_get(a->st, t->member_id, &m, e)))
		goto out;
	if (!member_status_active(m.status)) {
		rc = err_add(e, ERR_RULE, 0, "status", member_status_name(m.status), NULL,
			     "member %lld is %s and can no longer be received",
			     (long long)m.id, err_tr(member_status_name(m.status)));
		goto out;
	}
	t->received_date = date;
	t->state = TS_RECEIVED;
	if (t->temporary) {
		m.temp_org_id = to.id;
		snprintf(m.temp_org_code, sizeof m.temp_org_code, "%s", to.code);
		m.temp_until = t->until_date;
		detail = app_json("{s:I,s:s,s:s}", "transfer", (json_int_t)t->id, "kind",
				  "temporary", "host", to.code);
		rc = app_member_event(a, ac, &m, date, "transfer_received", detail, e);
		free(detail);
		if (rc)
			goto out;
		if (name_keys_compute(&nk, &m)) {
			rc = err_set(e, ERR_INTERNAL, "cannot compute the name keys");
			goto out;
		}
		if ((rc = store_member_update(a->st, &m, &nk.k, e)))
			goto out;
	} else {
		if ((rc = app_move_member(a, ac, &m, &to, date, "transfer_received", t->from_code,
					  e)))
			goto out;
	}
	rc = store_transfer_update(a->st, t, e);
out:
	app_holidays_cleanup(&hol);
	name_keys_cleanup(&nk);
	return app_end(a, rc, e);
}

enum err_code app_member_transfer_cancel(struct app *a, const struct actor *ac,
					 int64_t transfer_id, date_t date, const char *reason,
					 struct transfer *t, struct err *e)
{
	struct member m;
	enum err_code rc;
	char d1[DATE_STR], d2[DATE_STR], why[TEXT_REASON_MAX + 1];
	char *detail;

	date = app_date(a, date);
	if (app_check_date(a, date, "date", e))
		return e->code;
	if (!reason || !reason[0])
		return err_add(e, ERR_USAGE, 0, "reason", NULL, NULL,
			       "say why the transfer is cancelled (--reason): it stays in the "
			       "member's history");
	if (text_accept(reason, TEXT_REASON_MAX, TEXT_LINES, why, sizeof why, e, 0, "reason",
			"the reason"))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	/* The sending side acts: the member, on the sender's roll, must be in the actor's scope. */
	if ((rc = store_transfer_get(a->st, transfer_id, t, e)) ||
	    (rc = member_lookup(a, ac, t->member_id, &m, e))) {
		if (rc == ERR_NOTFOUND) {
			err_clear(e);
			rc = err_add(e, ERR_NOTFOUND, 0, "transfer", NULL, NULL,
				     "no transfer has the id %lld", (long long)transfer_id);
		}
		goto out;
	}
	/* The role is asked only of a record in sight: outside the scope it does not exist. */
	if ((rc = app_can_edit(ac, e)))
		goto out;
	if (t->state != TS_SENT) {
		rc = err_add(e, ERR_RULE, 0, "transfer", NULL, NULL,
			     t->cancelled ? "transfer %lld was already cancelled on %s" :
			     t->state == TS_ENDED && t->received_date == DATE_NONE ?
			     "transfer %lld was closed on %s without being received" :
			     "transfer %lld was received on %s; only a transfer not yet received "
			     "can be cancelled (send the member back with a new transfer, or end "
			     "the stay)", (long long)transfer_id,
			     date_format(t->cancelled || t->received_date == DATE_NONE ?
					 t->ended_date : t->received_date, d1));
		goto out;
	}
	if (date < t->sent_date) {
		rc = err_add(e, ERR_RULE, 0, "date", date_format(date, d1), R_MEMBER_DATES,
			     "the transfer was sent on %s, after this date",
			     date_format(t->sent_date, d2));
		goto out;
	}
	t->state = TS_ENDED;
	t->ended_date = date;
	t->cancelled = 1;
	snprintf(t->cancel_reason, sizeof t->cancel_reason, "%s", why);
	snprintf(t->cancelled_by, sizeof t->cancelled_by, "%s", ac->name);
	detail = app_json("{s:I,s:s,s:s,s:s,s:s}", "transfer", (json_int_t)t->id, "kind",
			  t->temporary ? "temporary" : "official", "from", t->from_code, "to",
			  t->to_code, "reason", reason);
	rc = app_member_event(a, ac, &m, date, "transfer_cancelled", detail, e);
	free(detail);
	if (!rc)
		rc = store_transfer_update(a->st, t, e);
out:
	return app_end(a, rc, e);
}

enum err_code app_member_return(struct app *a, const struct actor *ac, int64_t transfer_id,
				date_t date, struct err *e)
{
	struct transfer t;
	struct member m;
	struct name_keys nk;
	enum err_code rc;
	char d1[DATE_STR], d2[DATE_STR];
	char *detail;

	date = app_date(a, date);
	if (app_check_date(a, date, "date", e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	name_keys_init(&nk);
	if ((rc = store_transfer_get(a->st, transfer_id, &t, e)) ||
	    (rc = member_lookup(a, ac, t.member_id, &m, e))) {
		if (rc == ERR_NOTFOUND) {
			err_clear(e);
			rc = err_add(e, ERR_NOTFOUND, 0, "transfer", NULL, NULL,
				     "no transfer has the id %lld", (long long)transfer_id);
		}
		goto out;
	}
	/* The role is asked only of a record in sight: outside the scope it does not exist. */
	if ((rc = app_can_edit(ac, e)))
		goto out;
	if (!t.temporary || t.state != TS_RECEIVED) {
		rc = err_add(e, ERR_RULE, 0, "transfer", NULL, NULL,
			     "transfer %lld is not a temporary stay under way; only those end "
			     "with a return", (long long)transfer_id);
		goto out;
	}
	if (date < t.received_date) {
		rc = err_add(e, ERR_RULE, 0, "date", date_format(date, d1), R_MEMBER_DATES,
			     "the stay began on %s, after this date",
			     date_format(t.received_date, d2));
		goto out;
	}
	if (date > t.received_date &&
	    (rc = store_member_period_add(a->st, m.id, t.to_org_id, t.received_date, date, 1, e)))
		goto out;
	m.temp_org_id = 0;
	m.temp_org_code[0] = 0;
	m.temp_until = DATE_NONE;
	t.ended_date = date;
	t.state = TS_ENDED;
	detail = app_json("{s:I,s:s}", "transfer", (json_int_t)t.id, "host", t.to_code);
	rc = app_member_event(a, ac, &m, date, "transfer_returned", detail, e);
	free(detail);
	if (rc)
		goto out;
	if (name_keys_compute(&nk, &m)) {
		rc = err_set(e, ERR_INTERNAL, "cannot compute the name keys");
		goto out;
	}
	if ((rc = store_member_update(a->st, &m, &nk.k, e)))
		goto out;
	rc = store_transfer_update(a->st, &t, e);
out:
	name_keys_cleanup(&nk);
	return app_end(a, rc, e);
}

struct deadline_ctx {
	struct app *a;
	struct app_holidays hol;
	store_transfer_cb cb;
	void *ctx;
};

static int with_deadline(void *ctx, const struct transfer *t)
{
	struct deadline_ctx *c = ctx;
	struct transfer x = *t;

	app_transfer_deadline(c->a, &c->hol, &x);
	return c->cb(c->ctx, &x);
}

enum err_code app_transfer_list(struct app *a, const struct actor *ac, const char *org_code,
				store_transfer_cb cb, void *ctx, struct err *e)
{
	long pre, last;
	struct deadline_ctx c = {a, {0}, cb, ctx};
	enum err_code rc;

	if (app_subtree(a, ac, org_code, 1, &pre, &last, e) || app_holidays_load(a, &c.hol, e))
		return e->code;
	rc = store_transfer_list(a->st, 0, pre, last, with_deadline, &c, e);
	app_holidays_cleanup(&c.hol);
	return rc;
}

/* ---- history ----------------------------------------------------------------------- */

static int hist_period(void *ctx, int64_t member_id, const struct member_period *p)
{
	struct member_history *h = ctx;

	(void)member_id;
	h->periods = xrealloc(h->periods, (h->nperiods + 1) * sizeof *h->periods);
	h->periods[h->nperiods++] = *p;
	return 0;
}

static int hist_status(void *ctx, int64_t member_id, const struct member_status_period *p)
{
	struct member_history *h = ctx;

	(void)member_id;
	h->statuses = xrealloc(h->statuses, (h->nstatuses + 1) * sizeof *h->statuses);
	h->statuses[h->nstatuses++] = *p;
	return 0;
}

static int hist_event(void *ctx, const struct member_event *ev)
{
	struct member_history *h = ctx;

	h->events = xrealloc(h->events, (h->nevents + 1) * sizeof *h->events);
	h->events[h->nevents++] = *ev;
	return 0;
}

static int hist_transfer(void *ctx, const struct transfer *t)
{
	struct member_history *h = ctx;

	h->transfers = xrealloc(h->transfers, (h->ntransfers + 1) * sizeof *h->transfers);
	h->transfers[h->ntransfers++] = *t;
	return 0;
}

enum err_code app_member_history(struct app *a, const struct actor *ac, int64_t id,
				 struct member_history *h, struct err *e)
{
	struct member m;

	return app_member_record(a, ac, id, &m, h, e);
}

enum err_code app_member_record(struct app *a, const struct actor *ac, int64_t id,
				struct member *mp, struct member_history *h, struct err *e)
{
	struct member m;
	struct member_period cur;
	struct member_status_period cs;

	memset(h, 0, sizeof *h);
	/* One snapshot for the whole record. */
	if (store_read_begin(a->st, e))
		return e->code;
	if (member_lookup(a, ac, id, &m, e) ||
	    store_member_periods(a->st, id, hist_period, h, e) ||
	    store_member_statuses(a->st, id, hist_status, h, e) ||
	    store_member_events(a->st, id, hist_event, h, e) ||
	    store_transfer_list(a->st, id, 0, 0, hist_transfer, h, e)) {
		store_read_end(a->st);
		member_history_cleanup(h);
		return e->code;
	}
	store_read_end(a->st);
	/* Opening a member's full record is itself recorded (DOMAIN §12); no entry, no record. */
	{
		char subject[48];

		snprintf(subject, sizeof subject, "member:%lld", (long long)id);
		if (app_audit_read(a, ac, "member.read", subject, m.org_id, e)) {
			member_history_cleanup(h);
			return e->code;
		}
	}
	memset(&cur, 0, sizeof cur);
	cur.org_id = m.org_id;
	snprintf(cur.org_code, sizeof cur.org_code, "%s", m.org_code);
	cur.from = m.org_since;
	cur.to = member_status_active(m.status) ? DATE_NONE : m.status_since;
	hist_period(h, id, &cur);
	cs.status = m.status;
	cs.from = m.status_since;
	cs.to = DATE_NONE;
	/* Before the first recorded status: what the admission dates say. */
	if (h->nstatuses == 0 && m.status != MS_PROBATIONARY && m.official_date != DATE_NONE &&
	    m.admission_decision_date != DATE_NONE && m.status_since > m.official_date) {
		struct member_status_period p0 = {MS_OFFICIAL, m.official_date, m.status_since};

		hist_status(h, id, &p0);
	}
	if (h->nstatuses == 0 || h->statuses[0].from > m.admission_decision_date) {
		date_t first = h->nstatuses ? h->statuses[0].from : m.status_since;
		date_t off = m.official_date;

		if (m.admission_decision_date != DATE_NONE && first > m.admission_decision_date) {
			struct member_status_period pp = {MS_PROBATIONARY, m.admission_decision_date,
							  off != DATE_NONE && off < first ? off : first};

			h->statuses = xrealloc(h->statuses, (h->nstatuses + 1) * sizeof *h->statuses);
			memmove(h->statuses + 1, h->statuses, h->nstatuses * sizeof *h->statuses);
			h->statuses[0] = pp;
			h->nstatuses++;
		}
	}
	hist_status(h, id, &cs);
	*mp = m;
	return ERR_OK;
}

void member_history_cleanup(struct member_history *h)
{
	free(h->periods);
	free(h->statuses);
	free(h->events);
	free(h->transfers);
	memset(h, 0, sizeof *h);
}

struct where_find {
	date_t d;
	struct member_period *p;
	int found;
};

static int where_cover(void *ctx, int64_t member_id, const struct member_period *p)
{
	struct where_find *f = ctx;

	(void)member_id;
	if (!p->temporary && p->from <= f->d && f->d < p->to) {
		*f->p = *p;
		f->found = 1;
		return 1;
	}
	return 0;
}

/* A closed stay on temporary transfer covering the date where->from asks about. */
struct where_host {
	date_t d;
	struct member_period *w;
};

static int where_hosted_cb(void *ctx, int64_t member_id, const struct member_period *p)
{
	struct where_host *h = ctx;

	(void)member_id;
	if (p->temporary && p->from <= h->d && h->d < p->to) {
		h->w->host_id = p->org_id;
		snprintf(h->w->host_code, sizeof h->w->host_code, "%s", p->org_code);
		return 1;
	}
	return 0;
}

enum err_code app_member_where(struct app *a, const struct actor *ac, int64_t id, date_t d,
			       struct member_period *where, int *status, struct err *e)
{
	struct member m;
	struct where_find f = {d, where, 0};

	memset(where, 0, sizeof *where);
	if (member_lookup(a, ac, id, &m, e) || app_status_at(a, &m, d, status, e))
		return e->code;
	if (*status < 0 || !member_status_active((enum member_status)*status))
		return ERR_OK; /* not on any roll then */
	if (m.org_since == DATE_NONE || m.org_since <= d) {
		where->org_id = m.org_id;
		snprintf(where->org_code, sizeof where->org_code, "%s", m.org_code);
		where->from = m.org_since;
		where->to = DATE_NONE;
	} else if (store_member_periods(a->st, id, where_cover, &f, e)) {
		return e->code;
	}
	/* Hosted elsewhere on temporary transfer then: a stay that has ended, or this one. */
	{
		struct where_host h = {d, where};

		if (store_member_periods(a->st, id, where_hosted_cb, &h, e))
			return e->code;
	}
	if (!where->host_id && m.temp_org_id) {
		date_t since;

		if (stay_since(a, &m, &since, e))
			return e->code;
		if (since != DATE_NONE && since <= d) {
			where->host_id = m.temp_org_id;
			snprintf(where->host_code, sizeof where->host_code, "%s", m.temp_org_code);
		}
	}
	return ERR_OK;
}
