/* app_transfer.c - what transfers need beyond sending and receiving: the public holidays that
 * working days skip (a table of dated days an administrator keeps), the deadlines of open
 * transfers (R-TRANSFER-COMPLETE-WORKING-DAYS, the end of a temporary stay) and the redirect
 * of open transfers when an organisation is merged, split or dissolved. */
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "app_int.h"

/* ---- holidays ----------------------------------------------------------------------- */

static int hol_take(void *ctx, const struct holiday *h)
{
	struct app_holidays *v = ctx;

	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 128;
		v->days = xrealloc(v->days, v->cap * sizeof *v->days);
	}
	v->days[v->n++] = h->day;
	return 0;
}

enum err_code app_holidays_load(struct app *a, struct app_holidays *h, struct err *e)
{
	memset(h, 0, sizeof *h);
	if (store_holiday_list(a->st, 0, hol_take, h, e)) {
		app_holidays_cleanup(h);
		return e->code;
	}
	return ERR_OK;
}

void app_holidays_cleanup(struct app_holidays *h)
{
	free(h->days);
	memset(h, 0, sizeof *h);
}

enum err_code app_holiday_list(struct app *a, const struct actor *ac, int year,
			       store_holiday_cb cb, void *ctx, struct err *e)
{
	(void)ac; /* the calendar is public: every account reads it */
	if (year && (year < 1900 || year > 2199))
		return err_add(e, ERR_INPUT, 0, "year", NULL, NULL,
			       "the year must be between 1900 and 2199");
	return store_holiday_list(a->st, year, cb, ctx, e);
}

enum err_code app_holiday_add(struct app *a, const struct actor *ac, date_t day,
			      const char *name, struct err *e)
{
	struct holiday h;
	enum err_code rc;
	char d[DATE_STR], subject[32], *after;

	if (app_sys_admin_only(ac, "edit the public holidays", e))
		return e->code;
	if (day == DATE_NONE)
		return err_add(e, ERR_USAGE, 0, "date", NULL, NULL, "give the holiday's date");
	if (!name || !name[0])
		return err_add(e, ERR_INPUT, 0, "name", NULL, NULL,
			       "give the holiday's name (--name), e.g. 'Tết Nguyên đán'");
	memset(&h, 0, sizeof h);
	if (text_accept(name, sizeof h.name - 1, 0, h.name, sizeof h.name, e, 0, "name",
			"the holiday's name"))
		return e->code;
	if (date_weekday(day) >= 5)
		err_add(&a->warn, ERR_OK, 0, "date", date_format(day, d), NULL,
			"%s is a weekend day: working days skip it anyway", d);
	if ((rc = app_begin(a, e)))
		return rc;
	h.day = day;
	snprintf(h.added_by, sizeof h.added_by, "%s", ac->name);
	date_format(day, d);
	snprintf(subject, sizeof subject, "holiday:%s", d);
	after = app_json("{s:s,s:s}", "date", d, "name", h.name);
	if (!(rc = store_holiday_add(a->st, &h, e)))
		rc = app_audit(a, ac, "holiday.add", subject, 0, NULL, after, e);
	free(after);
	return app_end(a, rc, e);
}

struct hol_find {
	date_t day;
	struct holiday h;
	int found;
};

static int hol_match(void *ctx, const struct holiday *h)
{
	struct hol_find *f = ctx;

	if (h->day == f->day) {
		f->h = *h;
		f->found = 1;
		return 1;
	}
	return 0;
}

enum err_code app_holiday_remove(struct app *a, const struct actor *ac, date_t day,
				 struct err *e)
{
	struct hol_find f;
	enum err_code rc;
	char d[DATE_STR], subject[32], *before = NULL;
	int y, m, dd;

	if (app_sys_admin_only(ac, "edit the public holidays", e))
		return e->code;
	if (day == DATE_NONE)
		return err_add(e, ERR_USAGE, 0, "date", NULL, NULL, "give the holiday's date");
	if ((rc = app_begin(a, e)))
		return rc;
	memset(&f, 0, sizeof f);
	f.day = day;
	date_to_ymd(day, &y, &m, &dd);
	date_format(day, d);
	if ((rc = store_holiday_list(a->st, y, hol_match, &f, e)))
		goto out;
	if (!f.found) {
		rc = err_add(e, ERR_NOTFOUND, 0, "date", d, NULL, "%s is not a holiday", d);
		goto out;
	}
	/* The removed day is kept in the audit log: the history of the calendar. */
	snprintf(subject, sizeof subject, "holiday:%s", d);
	before = app_json("{s:s,s:s,s:s}", "date", d, "name", f.h.name, "added_by",
			  f.h.added_by);
	if (!(rc = store_holiday_remove(a->st, day, e)))
		rc = app_audit(a, ac, "holiday.remove", subject, 0, before, NULL, e);
out:
	free(before);
	return app_end(a, rc, e);
}

/* ---- deadlines ---------------------------------------------------------------------- */

void app_transfer_deadline(struct app *a, const struct app_holidays *h, struct transfer *t)
{
	long days;

	t->due_date = DATE_NONE;
	t->overdue = 0;
	if (t->state == TS_SENT && !t->temporary &&
	    ruleset_int(&a->rules, R_TRANSFER_COMPLETE_WORKING_DAYS, t->sent_date, &days))
		/* R-TRANSFER-COMPLETE-WORKING-DAYS: weekends and public holidays skipped. */
		t->due_date = date_add_working_days_hol(t->sent_date, (int)days, h->days, h->n);
	else if (t->state == TS_RECEIVED && t->temporary)
		t->due_date = t->until_date;
	t->overdue = t->due_date != DATE_NONE && a->today > t->due_date;
}

/* ---- open transfers when an organisation goes ------------------------------------------ */

struct tr_list {
	struct transfer *v;
	size_t n, cap;
};

static int tr_take(void *ctx, const struct transfer *t)
{
	struct tr_list *l = ctx;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = *t;
	return 0;
}

enum err_code app_transfers_refuse_open(struct app *a, const struct org *o, const char *how,
					struct err *e)
{
	struct tr_list l = {0};
	size_t i;

	if (store_transfer_open_at(a->st, o->id, tr_take, &l, e))
		goto out;
	for (i = 0; i < l.n; i++)
		err_add(e, ERR_RULE, 0, "transfer", NULL, NULL,
			"'%s' cannot be %s while transfer %lld (member %lld, %s to %s) is open; %s",
			o->code, how, (long long)l.v[i].id, (long long)l.v[i].member_id,
			l.v[i].from_code, l.v[i].to_code,
			l.v[i].state == TS_SENT && l.v[i].to_org_id == o->id ?
				"receive it, or the sending side cancels it ('cadre member "
				"transfer-cancel'), or give --members-to CODE to redirect it" :
			l.v[i].state == TS_SENT ?
				"have it received, or cancel it ('cadre member transfer-cancel'), "
				"or give --members-to CODE" :
				"end the stay ('cadre member return'), or give --members-to CODE");
out:
	free(l.v);
	return e->code;
}

enum err_code app_transfers_redirect(struct app *a, const struct actor *ac,
				     const struct org *src, const struct org *succ, date_t date,
				     const char *why, struct err *e)
{
	struct tr_list l = {0};
	struct name_keys nk;
	enum err_code rc;
	size_t i;

	name_keys_init(&nk);
	if ((rc = store_transfer_open_at(a->st, src->id, tr_take, &l, e)))
		goto out;
	for (i = 0; i < l.n && !rc; i++) {
		struct transfer *t = &l.v[i];
		struct member m;
		char old_from[ORG_CODE_MAX + 1], old_to[ORG_CODE_MAX + 1], *detail;

		if ((rc = store_member_get(a->st, t->member_id, &m, e)))
			break;
		snprintf(old_from, sizeof old_from, "%s", t->from_code);
		snprintf(old_to, sizeof old_to, "%s", t->to_code);
		if (t->to_org_id == src->id) {
			/* Sent to the source, or hosted there: the successor receives or hosts. */
			if (t->state == TS_RECEIVED && date > t->received_date &&
			    (rc = store_member_period_add(a->st, m.id, src->id, t->received_date, date,
							  1, e)))
				break;
			t->to_org_id = succ->id;
			snprintf(t->to_code, sizeof t->to_code, "%s", succ->code);
			if (t->state == TS_RECEIVED && m.temp_org_id == src->id) {
				m.temp_org_id = succ->id;
				snprintf(m.temp_org_code, sizeof m.temp_org_code, "%s", succ->code);
				if (name_keys_compute(&nk, &m)) {
					rc = err_set(e, ERR_INTERNAL, "cannot compute the name keys");
					break;
				}
				if ((rc = store_member_update(a->st, &m, &nk.k, e)))
					break;
			}
		}
		if (t->from_org_id == src->id) {
			/* Sent from the source: the member's roll is now where the restructuring put
			 * them (the caller moved them first), and that is the sending side. */
			t->from_org_id = m.org_id != src->id ? m.org_id : succ->id;
			snprintf(t->from_code, sizeof t->from_code, "%s",
				 m.org_id != src->id ? m.org_code : succ->code);
		}
		if (t->from_org_id == t->to_org_id) {
			rc = err_add(e, ERR_RULE, 0, "transfer", NULL, NULL,
				     "transfer %lld (member %lld, %s to %s) would go from and to '%s' "
				     "after the %s; receive it, end it or cancel it first",
				     (long long)t->id, (long long)t->member_id, old_from, old_to,
				     t->to_code, why);
			break;
		}
		detail = app_json("{s:I,s:s,s:s,s:s,s:s,s:s}", "transfer", (json_int_t)t->id, "by",
				  why, "from_was", old_from, "to_was", old_to, "from", t->from_code,
				  "to", t->to_code);
		rc = app_member_event(a, ac, &m, date, "transfer_redirected", detail, e);
		free(detail);
		if (!rc)
			rc = store_transfer_update(a->st, t, e);
	}
out:
	name_keys_cleanup(&nk);
	free(l.v);
	return rc;
}
