/* app_discipline.c - discipline made right (DOMAIN §8; docs/inspection.md "Discipline"): a
 * decision checked by the rules of core/discipline.h and applied (expulsion on the roll,
 * removal from every post, dissolution in the tree), reviews of the year flagged for revision
 * where its grade no longer stands, the notice recorded, and the register read with the
 * inspection right (without it, a member's record shows only the discipline in force). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/discipline.h"
#include "../core/docnum.h"
#include "../lib/mem.h"
#include "app_cadres.h"
#include "app_int.h"
#include "app_json.h"
#include "app_report.h"
#include "table_out.h"

static void rec_from_row(struct discipline_rec *o, const struct discipline_row *d, int full)
{
	memset(o, 0, sizeof *o);
	o->id = d->id;
	o->member_id = d->member_id;
	snprintf(o->member_name, sizeof o->member_name, "%s", d->member_name);
	snprintf(o->org_code, sizeof o->org_code, "%s", d->org_code);
	snprintf(o->org_name, sizeof o->org_name, "%s", d->org_name);
	o->form = (enum discipline_form)d->form;
	o->date = d->date;
	snprintf(o->body, sizeof o->body, "%s", d->body_code);
	snprintf(o->body_kind, sizeof o->body_kind, "%s", d->body_kind);
	o->inspection = d->inspection;
	o->effective_on = d->effective_on;
	snprintf(o->state, sizeof o->state, "%s", d->state);
	o->full = full;
	if (!full)
		return;
	snprintf(o->reason, sizeof o->reason, "%s", d->reason);
	snprintf(o->by, sizeof o->by, "%s", d->by);
	o->act_date = d->act_date;
	o->notified_on = d->notified_on;
	o->ended_on = d->ended_on;
	snprintf(o->decision_no, sizeof o->decision_no, "%s", d->decision_no);
	snprintf(o->notice_no, sizeof o->notice_no, "%s", d->notice_no);
	o->case_id = d->case_id;
	o->replaces_id = d->replaces_id;
}

/* A document number as typed into its canonical spelling (out, DOCNUM_MAX); "" stays "". */
static int doc_number(const char *in, const char *field, long line, char *out, size_t cap,
		      struct err *e)
{
	struct docnum dn;
	struct docnum_error pe = {0, NULL};

	out[0] = '\0';
	if (!in || !in[0])
		return 0;
	if (docnum_parse(in, strlen(in), &dn, &pe)) {
		err_add(e, ERR_INPUT, line, field, in, NULL,
			"the number '%s' cannot be read at byte %zu: expected %s (as written on "
			"the decision: 12-QĐ/UBKT)", in, pe.offset, err_tr(pe.expected));
		return -1;
	}
	snprintf(out, cap, "%s", dn.number);
	return 0;
}

static date_t given(date_t d)
{
	return d == 0 ? DATE_NONE : d;
}

/* Flag rv for revision after discipline row d when its grade breaks rule. */
static enum err_code flag(struct app *a, const struct actor *ac, const struct review_row *rv,
			  const struct discipline_row *d, const char *rule, struct err *e)
{
	char subject[48], *after;
	int moved;
	enum err_code rc;

	if ((rc = store_review_revision_flag(a->st, rv, d->id, rule, d->date, &moved, e)))
		return rc;
	snprintf(subject, sizeof subject, "review:%lld", (long long)rv->id);
	after = app_json("{s:I,s:s,s:i,s:s}", "discipline_id", (json_int_t)d->id, "rule", rule,
			 "year", rv->year, "grade", grade_name((enum grade)rv->grade));
	rc = app_audit(a, ac, "review.flag_revision", subject, rv->org_id, NULL, after, e);
	free(after);
	return rc;
}

/* The decision in force for year on member_id (or org org_id): 1 found, 0 none. */
static int current_review(struct app *a, int64_t member_id, int64_t org_id, int year,
			  struct review_row *rv)
{
	struct err tmp;
	int found;

	err_init(&tmp);
	found = store_review_current(a->st, member_id, org_id, year, rv, &tmp) == ERR_OK;
	err_cleanup(&tmp);
	return found;
}

/* R-REVIEW-DISCIPLINED-MEMBER, R-REVIEW-ORG-NOT-COMPLETE after discipline d: the decided
 * reviews of its year that no longer stand are flagged. */
static enum err_code flag_reviews(struct app *a, const struct actor *ac,
				  const struct discipline_row *d, const struct org *target,
				  struct err *e)
{
	struct review_row rv;
	const struct rule_version *v;
	date_t from, to;
	long pct, subs, disc;
	int y, m, dd, best;

	date_to_ymd(d->date, &y, &m, &dd);
	if (d->member_id) {
		if (!current_review(a, d->member_id, 0, y, &rv))
			return ERR_OK;
		v = ruleset_find(&a->rules, R_REVIEW_DISCIPLINED_MEMBER, rv.date);
		if (v && (best = grade_parse(v->value)) >= 0 && rv.grade >= 0 && rv.grade < best)
			return flag(a, ac, &rv, d, R_REVIEW_DISCIPLINED_MEMBER, e);
		return ERR_OK;
	}
	if (current_review(a, 0, target->id, y, &rv) && rv.grade != G_NOT_COMPLETE &&
	    ruleset_find(&a->rules, R_REVIEW_ORG_NOT_COMPLETE, rv.date) &&
	    flag(a, ac, &rv, d, R_REVIEW_ORG_NOT_COMPLETE, e))
		return e->code;
	/* The parent: its share of disciplined sub-units may now pass the rule's percentage. */
	if (!target->parent_id || !current_review(a, 0, target->parent_id, y, &rv) ||
	    rv.grade == G_NOT_COMPLETE ||
	    !ruleset_int(&a->rules, R_REVIEW_ORG_NOT_COMPLETE, rv.date, &pct))
		return ERR_OK;
	from = date_from_ymd(y, 1, 1);
	to = date_from_ymd(y, 12, 31);
	if (store_discipline_subunits(a->st, target->parent_id, from, to, &subs, &disc, e))
		return e->code;
	if (subs && disc * 100 > pct * subs)
		return flag(a, ac, &rv, d, R_REVIEW_ORG_NOT_COMPLETE, e);
	return ERR_OK;
}

enum err_code app_discipline_add_tx(struct app *a, const struct actor *ac,
				    const struct discipline_in *d, long line, int64_t *id,
				    struct err *e)
{
	struct discipline_row row;
	struct discipline_facts f;
	struct member m;
	struct org target, body;
	const char *kind = "org";
	date_t on = app_date(a, d->date);
	char subject[64], *after, why[TEXT_REASON_MAX + 64], ds[DATE_STR], as[DATE_STR];
	enum err_code rc;

	memset(&row, 0, sizeof row);
	if (d->member_id) {
		if (app_member_get(a, ac, d->member_id, &m, e) ||
		    store_org_by_id(a->st, m.org_id, &target, e))
			return e->code;
		kind = m.status == MS_PROBATIONARY ? "probationary" : "official";
		row.member_id = m.id;
	} else if (app_org_lookup(a, ac, d->org_code, &target, 1, "org_code", e)) {
		return e->code;
	}
	/* The body is looked up before the role is asked: outside the scope it does not exist. */
	if (app_org_lookup(a, ac, d->body, &body, 1, "body", e) || app_can_edit(ac, e) ||
	    app_inspection_check(a, ac, target.id, e))
		return e->code;
	if (d->member_id && !member_status_active(m.status))
		err_add(e, ERR_RULE, line, "member_id", member_status_name(m.status),
			       R_STATUS_TRANSITION,
			       "member %lld is %s, no longer on the rolls: discipline is decided "
			       "on a member on the rolls", (long long)m.id,
			       member_status_name(m.status));
	if (target.pre < body.pre || target.pre > body.last ||
	    (!d->member_id && body.id == target.id))
		err_add(e, ERR_INPUT, line, "body", d->body, NULL,
			"the deciding body must be %s organisation above %s",
			d->member_id ? "the member's own or an" : "an", target.code);
	memset(&f, 0, sizeof f);
	f.form = d->form;
	f.target = kind;
	f.body_kind = org_kind_name(body.kind);
	f.inspection = d->inspection;
	f.decided = on;
	f.act = given(d->act_date);
	f.admitted = d->member_id ? m.admission_decision_date : DATE_NONE;
	f.notified = given(d->notified_on);
	f.effective = given(d->effective_on);
	f.today = a->today;
	discipline_check(&a->rules, &f, line, e);
	if (!text_accept(d->reason, TEXT_REASON_MAX, TEXT_LINES, row.reason, sizeof row.reason, e,
			 line, "reason", "the reason") && !row.reason[0])
		err_add(e, ERR_INPUT, line, "reason", NULL, NULL,
			"say why: the reason is part of the record");
	doc_number(d->decision_no, "decision_no", line, row.decision_no, sizeof row.decision_no, e);
	if (d->case_id) {
		int64_t case_org = 0;

		if (store_discipline_case_org(a->st, d->case_id, &case_org, e) == ERR_NOTFOUND ||
		    (!e->code && case_org != target.id &&
		     !(d->member_id && case_org == m.org_id)))
			err_add(e, ERR_INPUT, line, "case", NULL, NULL,
				"case %lld is not a case on %s: give the id of the inspection case "
				"this discipline concludes, or none", (long long)d->case_id,
				d->member_id ? "this member's organisation" : target.code);
	}
	if (d->form != DF_DISSOLUTION && d->members_to && d->members_to[0])
		err_add(e, ERR_USAGE, line, "members_to", d->members_to, NULL,
			"members_to is for a dissolution only: leave it out");
	if (e->code)
		return e->code;
	row.org_id = target.id;
	row.body_org_id = body.id;
	row.form = (int)d->form;
	row.date = on;
	row.act_date = f.act;
	row.inspection = d->inspection;
	row.case_id = d->case_id;
	row.notified_on = f.notified == DATE_NONE ? 0 : f.notified;
	row.effective_on = f.effective == DATE_NONE ? on : f.effective;
	snprintf(row.by, sizeof row.by, "%s", ac->name);
	if ((rc = store_discipline_insert(a->st, &row, e)))
		return rc;
	if (id)
		*id = row.id;
	snprintf(why, sizeof why, "%s by discipline %lld%s%s", discipline_form_name(d->form),
		 (long long)row.id, row.decision_no[0] ? " " : "", row.decision_no);
	/* The effects, on the effective date. */
	if (d->form == DF_EXPULSION) {
		if ((rc = app_member_status_tx(a, ac, m.id, MS_EXPELLED, row.effective_on, why, e)) ||
		    (rc = app_adm_member_status(a, ac, m.id, MS_EXPELLED, row.effective_on, why, e)))
			return rc;
	} else if (d->form == DF_REMOVAL) {
		long ended;

		snprintf(why, sizeof why, "removal from post by discipline %lld%s%s",
			 (long long)row.id, row.decision_no[0] ? " " : "", row.decision_no);
		if ((rc = app_holdings_end_tx(a, ac, m.id, &body, row.decision_no, on,
					      row.effective_on, why, &ended, e)))
			return rc;
	} else if (d->form == DF_DISSOLUTION) {
		if ((rc = app_org_dissolve(a, ac, target.code,
					   d->members_to && d->members_to[0] ? d->members_to : NULL,
					   row.effective_on, e))) {
			/* name the field of this input */
			size_t i;

			for (i = 0; i < e->n; i++)
				if (!strcmp(e->items[i].field, "code"))
					snprintf(e->items[i].field, sizeof e->items[i].field, "%s",
						 "members_to");
			return rc;
		}
	}
	if ((rc = flag_reviews(a, ac, &row, &target, e)))
		return rc;
	if (d->member_id)
		snprintf(subject, sizeof subject, "member:%lld", (long long)d->member_id);
	else
		snprintf(subject, sizeof subject, "org:%s", target.code);
	after = app_json("{s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "id", (json_int_t)row.id, "form",
			 discipline_form_name(d->form), "date", date_format(on, ds), "body",
			 body.code, "by", d->inspection ? "inspection" : "committee", "act_date",
			 date_format(row.act_date, as), "decision_no", row.decision_no, "reason",
			 row.reason);
	rc = app_audit(a, ac, "discipline.add", subject, target.id, NULL, after, e);
	free(after);
	return rc;
}

enum err_code app_discipline_add(struct app *a, const struct actor *ac,
				 const struct discipline_in *d, int64_t *id, struct err *e)
{
	/* The effects call functions that open their own transaction (a dissolution): they
	 * nest as savepoints inside this one. */
	int outer = !a->nested;
	enum err_code rc = outer ? app_nest_begin(a, e) : app_begin(a, e);

	if (rc)
		return rc;
	rc = app_discipline_add_tx(a, ac, d, 0, id, e);
	return outer ? app_nest_end(a, rc, e) : app_end(a, rc, e);
}

/* ---- the register ----------------------------------------------------------------------- */

struct disc_fwd {
	discipline_cb cb;
	void *ctx;
	int form;
	const char *state;
};

static int disc_forward(void *ctx, const struct discipline_row *d)
{
	struct disc_fwd *f = ctx;
	struct discipline_rec o;

	if (f->form >= 0 && d->form != f->form)
		return 0;
	if (f->state && f->state[0] && strcmp(f->state, d->state))
		return 0;
	rec_from_row(&o, d, 1);
	return f->cb(f->ctx, &o);
}

enum err_code app_discipline_list(struct app *a, const struct actor *ac,
				  const struct discipline_filter *flt, discipline_cb cb, void *ctx,
				  struct err *e)
{
	long pre, last;
	date_t from = 0, to = 1 << 30;
	struct disc_fwd f = {cb, ctx, flt->form, flt->state};
	const char *org = flt->org_code ? flt->org_code : "";
	struct org o;

	if (flt->state && flt->state[0] && strcmp(flt->state, "in_force") &&
	    strcmp(flt->state, "annulled") && strcmp(flt->state, "changed"))
		return err_add(e, ERR_INPUT, 0, "state", flt->state, NULL,
			       "the state is in_force, annulled or changed");
	if (app_subtree(a, ac, org, 0, &pre, &last, e))
		return e->code;
	if (org[0]) {
		if (app_org_get(a, ac, org, &o, e) || app_inspection_check(a, ac, o.id, e))
			return e->code;
	} else if (app_inspection_check(a, ac, 0, e)) {
		return e->code;
	}
	if (flt->year)
		from = date_from_ymd(flt->year, 1, 1), to = date_from_ymd(flt->year, 12, 31);
	return store_discipline_list(a->st, pre, last, from, to, disc_forward, &f, e);
}

/* The record id within sight (ERR_NOTFOUND outside the subtree, as if it did not exist). */
static enum err_code disc_seen(struct app *a, const struct actor *ac, int64_t id,
			       struct discipline_row *d, struct err *e)
{
	long pre, last;
	struct org o;

	if (store_discipline_get(a->st, id, d, e) || app_scope(a, ac, &pre, &last, e))
		return e->code;
	if (store_org_by_id(a->st, d->org_id, &o, e))
		return e->code;
	/* a dissolved organisation is in sight through its last parent */
	if (o.dissolved != DATE_NONE && o.parent_id && store_org_by_id(a->st, o.parent_id, &o, e))
		return e->code;
	if (!app_org_visible(a, pre, last, &o))
		return err_add(e, ERR_NOTFOUND, 0, "id", NULL, NULL,
			       "no discipline record has the id %lld", (long long)id);
	return ERR_OK;
}

enum err_code app_discipline_get(struct app *a, const struct actor *ac, int64_t id,
				 struct discipline_rec *out, struct err *e)
{
	struct discipline_row d;

	if (disc_seen(a, ac, id, &d, e) || app_inspection_check(a, ac, d.org_id, e))
		return e->code;
	rec_from_row(out, &d, 1);
	return ERR_OK;
}

enum err_code app_discipline_notify(struct app *a, const struct actor *ac, int64_t id, date_t on,
				    const char *number, struct err *e)
{
	struct discipline_row d;
	char num[DOCNUM_MAX], subject[48], *before, *after, ds[DATE_STR], dd[DATE_STR];
	enum err_code rc;

	on = app_date(a, on);
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = disc_seen(a, ac, id, &d, e)) || (rc = app_can_edit(ac, e)) ||
	    (rc = app_inspection_check(a, ac, d.org_id, e)))
		goto out;
	if (on < d.date)
		err_add(e, ERR_RULE, 0, "date", date_format(on, ds), R_MEMBER_DATES,
			"the notice cannot come before the decision (%s)", date_format(d.date, dd));
	app_check_date(a, on, "date", e);
	doc_number(number, "number", 0, num, sizeof num, e);
	if (strcmp(d.state, "in_force"))
		err_add(e, ERR_RULE, 0, "id", NULL, NULL,
			"discipline %lld is %s: only a decision in force is notified",
			(long long)id, d.state);
	if ((rc = e->code))
		goto out;
	before = app_json("{s:s,s:s}", "notified_on", date_format(d.notified_on ? d.notified_on :
				DATE_NONE, ds), "notice_no", d.notice_no);
	if (!(rc = store_discipline_notify(a->st, id, on, num, e))) {
		after = app_json("{s:s,s:s}", "notified_on", date_format(on, ds), "notice_no", num);
		snprintf(subject, sizeof subject, "discipline:%lld", (long long)id);
		rc = app_audit(a, ac, "discipline.notify", subject, d.org_id, before, after, e);
		free(after);
	}
	free(before);
out:
	return app_end(a, rc, e);
}

struct member_fwd {
	discipline_cb cb;
	void *ctx;
	int full;
};

static int member_forward(void *ctx, const struct discipline_row *d)
{
	struct member_fwd *f = ctx;
	struct discipline_rec o;

	if (!f->full && strcmp(d->state, "in_force"))
		return 0;
	rec_from_row(&o, d, f->full);
	return f->cb(f->ctx, &o);
}

enum err_code app_member_discipline(struct app *a, const struct actor *ac, int64_t member_id,
				    discipline_cb cb, void *ctx, struct err *e)
{
	struct member m;
	struct member_fwd f = {cb, ctx, 0};
	struct err tmp;

	if (app_member_get(a, ac, member_id, &m, e))
		return e->code;
	err_init(&tmp);
	f.full = app_inspection_check(a, ac, m.org_id, &tmp) == ERR_OK;
	err_cleanup(&tmp);
	return store_discipline_of_member(a->st, member_id, member_forward, &f, e);
}

static json_t *jdate(date_t d)
{
	return json_date(d == 0 ? DATE_NONE : d);
}

json_t *app_discipline_json(const struct discipline_rec *d)
{
	json_t *j = json_pack("{s:I,s:o,s:o,s:s,s:s,s:s,s:o,s:o,s:s,s:s,s:s,s:s}", "id",
			      (json_int_t)d->id, "member_id",
			      d->member_id ? json_integer(d->member_id) : json_null(),
			      "member_name", d->member_id ? json_string(d->member_name) : json_null(),
			      "org_code", d->org_code, "org_name", d->org_name, "form",
			      discipline_form_name(d->form), "date", jdate(d->date), "effective_on",
			      jdate(d->effective_on), "body", d->body, "body_kind", d->body_kind,
			      "by_body", d->inspection ? "inspection" : "committee", "state",
			      d->state);

	if (!j || !d->full)
		return j;
	json_object_set_new(j, "act_date", jdate(d->act_date));
	json_object_set_new(j, "decision_no", json_string(d->decision_no));
	json_object_set_new(j, "notified_on", jdate(d->notified_on));
	json_object_set_new(j, "notice_no", json_string(d->notice_no));
	json_object_set_new(j, "ended_on", jdate(d->ended_on));
	json_object_set_new(j, "case_id", d->case_id ? json_integer(d->case_id) : json_null());
	json_object_set_new(j, "replaces_id",
			    d->replaces_id ? json_integer(d->replaces_id) : json_null());
	json_object_set_new(j, "reason", json_string(d->reason));
	json_object_set_new(j, "by", json_string(d->by));
	return j;
}


/* ---- import (cadre import discipline FILE) ---------------------------------------------- */

static const char *const imp_names[] = {
	"member_id", "org_code", "form", "body", "inspection", "date", "act_date", "decision_no",
	"case_id", "notified_on", "effective_on", "members_to", "reason", NULL,
};
static const char *const imp_required[] = {"form", "body", "date", "act_date", "reason", NULL};
enum { DC_MEMBER, DC_ORG, DC_FORM, DC_BODY, DC_INSP, DC_DATE, DC_ACT, DC_NO, DC_CASE,
       DC_NOTIFIED, DC_EFFECTIVE, DC_MEMBERS_TO, DC_REASON };

/* A date column: 0 when empty; a problem (line, column, value) when not a date. */
static date_t col_date(const struct csv_columns *c, const struct csv_record *r, int k,
		       int required, struct err *row)
{
	const char *v = app_csv_col(c, r, k), *why;
	date_t d;

	if (!v[0]) {
		if (required)
			err_add(row, ERR_INPUT, r->line, imp_names[k], NULL, NULL,
				"%s is required (YYYY-MM-DD)", imp_names[k]);
		return 0;
	}
	if (date_parse(v, &d, &why)) {
		err_add(row, ERR_INPUT, r->line, imp_names[k], v, NULL,
			"%s must be a date, YYYY-MM-DD (%s)", imp_names[k], err_tr(why));
		return 0;
	}
	return d;
}

/* A whole number column > 0 (0 when empty). */
static int64_t col_id(const struct csv_columns *c, const struct csv_record *r, int k,
		      struct err *row)
{
	const char *v = app_csv_col(c, r, k);
	char *end;
	long long n;

	if (!v[0])
		return 0;
	n = strtoll(v, &end, 10);
	if (*end || n <= 0 || v[0] < '0' || v[0] > '9') {
		err_add(row, ERR_INPUT, r->line, imp_names[k], v, NULL,
			"%s is a whole number (an id)", imp_names[k]);
		return 0;
	}
	return (int64_t)n;
}

/* Copy a text column into dst (cap bytes), a problem when it does not fit. */
static void col_text(const struct csv_columns *c, const struct csv_record *r, int k, char *dst,
		     size_t cap, struct err *row)
{
	const char *v = app_csv_col(c, r, k);

	if (strlen(v) >= cap) {
		err_add(row, ERR_INPUT, r->line, imp_names[k], NULL, NULL,
			"%s is %zu bytes; the limit is %zu: shorten it", imp_names[k], strlen(v),
			cap - 1);
		dst[0] = '\0';
		return;
	}
	memcpy(dst, v, strlen(v) + 1);
}

/* One row: parsed, then recorded by app_discipline_add_tx in a savepoint of its own (a row
 * refused leaves nothing of it). Problems to row. */
static void import_row(struct app *a, const struct actor *ac, const struct csv_columns *c,
		       const struct csv_record *r, struct err *row)
{
	struct discipline_in d;
	const char *v;
	int k;

	if (r->nfields != c->nfile) {
		err_add(row, ERR_INPUT, r->line, NULL, NULL, NULL,
			"the row has %zu fields but the header has %zu; check for a missing or "
			"extra comma", r->nfields, c->nfile);
		return;
	}
	memset(&d, 0, sizeof d);
	d.member_id = col_id(c, r, DC_MEMBER, row);
	col_text(c, r, DC_ORG, d.org_code, sizeof d.org_code, row);
	if (!d.member_id == !d.org_code[0] && !row->code)
		err_add(row, ERR_INPUT, r->line, "member_id", NULL, NULL,
			"give member_id (a member) or org_code (an organisation's leadership), one "
			"of the two");
	v = app_csv_col(c, r, DC_FORM);
	if ((k = discipline_form_parse(v)) < 0)
		err_add(row, ERR_INPUT, r->line, "form", v, NULL,
			"form is reprimand, warning, removal, expulsion or dissolution");
	d.form = k < 0 ? DF__COUNT : (enum discipline_form)k;
	col_text(c, r, DC_BODY, d.body, sizeof d.body, row);
	v = app_csv_col(c, r, DC_INSP);
	if (!strcmp(v, "inspection") || !strcmp(v, "1"))
		d.inspection = 1;
	else if (v[0] && strcmp(v, "committee") && strcmp(v, "0"))
		err_add(row, ERR_INPUT, r->line, "inspection", v, NULL,
			"inspection is committee (or 0, or empty) or inspection (or 1)");
	d.date = col_date(c, r, DC_DATE, 1, row);
	d.act_date = col_date(c, r, DC_ACT, 1, row);
	col_text(c, r, DC_NO, d.decision_no, sizeof d.decision_no, row);
	d.case_id = col_id(c, r, DC_CASE, row);
	d.notified_on = col_date(c, r, DC_NOTIFIED, 0, row);
	d.effective_on = col_date(c, r, DC_EFFECTIVE, 0, row);
	v = app_csv_col(c, r, DC_MEMBERS_TO);
	d.members_to = v[0] ? v : NULL;
	col_text(c, r, DC_REASON, d.reason, sizeof d.reason, row);
	if (row->code)
		return;
	if (!d.date)
		d.date = DATE_NONE;
	if (app_begin(a, row))
		return;
	app_end(a, app_discipline_add_tx(a, ac, &d, r->line, NULL, row), row);
}

/* Move the problems of a row into dst, each with line when it names none. */
static void take_row(struct err *dst, struct err *src, long line)
{
	size_t i;

	for (i = 0; i < src->n; i++) {
		const struct err_item *it = &src->items[i];

		err_add(dst, src->code ? src->code : ERR_INPUT, it->line ? it->line : line,
			it->field[0] ? it->field : NULL, it->value[0] ? it->value : NULL,
			it->rule[0] ? it->rule : NULL, "%s", it->msg);
	}
	if (src->code && !src->n)
		err_add(dst, src->code, line, NULL, NULL, NULL, "the row could not be stored");
	err_clear(src);
}

enum err_code app_import_discipline(struct app *a, const struct actor *ac,
				    const struct import_opts *opts, struct import_result *res,
				    struct err *e)
{
	struct csv_columns cols = {imp_names, imp_required, {0}, 0, {{0}}};
	struct csv_reader *rd = NULL;
	struct csv_record rec;
	struct csv_error ce;
	struct err row;
	char subject[300], *after;
	enum err_code rc;
	int got, once, fatal = 0, outer = !a->nested;

	memset(res, 0, sizeof *res);
	if (opts->rejects)
		return err_add(e, ERR_USAGE, 0, "skip-bad", NULL, NULL,
			       "discipline is imported all or nothing: fix the bad rows instead of "
			       "skipping them");
	if (app_can_edit(ac, e) || app_inspection_check(a, ac, 0, e))
		return e->code;
	/* nested: each row is a savepoint, and a dissolution's own transaction one more */
	if ((rc = outer ? app_nest_begin(a, e) : app_begin(a, e)))
		return rc;
	err_init(&row);
	once = app_import_once_check(a, ac, "discipline", opts, res, e);
	if (once) {
		rc = once > 0 ? ERR_OK : e->code ? e->code : ERR_STORAGE;
		goto end;
	}
	rd = csv_reader_new(app_csv_read, opts->in, 0);
	got = csv_next(rd, &rec, &ce);
	if (got == 0) {
		err_add(e, ERR_INPUT, 1, NULL, NULL, NULL,
			"the file is empty; it needs a header row (see docs/inspection.md)");
		goto done;
	}
	if (got < 0) {
		err_add(e, ERR_INPUT, ce.line, NULL, NULL, NULL, "%s", ce.msg);
		goto done;
	}
	if (app_csv_header(&cols, &rec, e))
		goto done;
	while (!fatal && (got = csv_next(rd, &rec, &ce)) != 0) {
		res->rows++;
		if (got < 0) {
			err_add(e, ERR_INPUT, ce.line, NULL, NULL, NULL, "%s", ce.msg);
			res->rejected++;
			fatal = got == -2;
			continue;
		}
		import_row(a, ac, &cols, &rec, &row);
		if (row.code == ERR_STORAGE || row.code == ERR_INTERNAL)
			fatal = 1;
		if (row.code) {
			res->rejected++;
			take_row(e, &row, rec.line);
		} else {
			res->imported++;
		}
	}
	if (!e->code && !res->rows)
		err_add(e, ERR_INPUT, 0, NULL, NULL, NULL,
			"the file has a header but no discipline records");
	if (e->code || app_import_finish(a, ac, "discipline", opts, res, e))
		goto done;
	snprintf(subject, sizeof subject, "file:%s", opts->in_name ? opts->in_name : "-");
	after = app_json("{s:I,s:I}", "rows", (json_int_t)res->rows, "imported",
			 (json_int_t)res->imported);
	app_audit(a, ac, "import.discipline", subject, 0, NULL, after, e);
	free(after);
done:
	rc = e->code;
end:
	rc = outer ? app_nest_end(a, rc, e) : app_end(a, rc, e);
	if (rc)
		res->imported = 0;
	csv_reader_free(rd);
	err_cleanup(&row);
	return rc;
}

/* ---- the register as a download ---------------------------------------------------------- */

static const char *const export_cols[] = {
	"id", "date", "form", "member_id", "member_name", "org_code", "body", "by_body", "act_date",
	"decision_no", "notified_on", "notice_no", "effective_on", "state", "ended_on", "reason",
};

static void out_date(struct table_out *t, date_t d)
{
	char ds[DATE_STR];

	table_out_text(t, d ? date_format(d, ds) : "");
}

static int export_row(void *ctx, const struct discipline_rec *d)
{
	struct table_out *t = ctx;

	table_out_int(t, (long long)d->id);
	out_date(t, d->date);
	table_out_text(t, discipline_form_name(d->form));
	if (d->member_id)
		table_out_int(t, (long long)d->member_id);
	else
		table_out_text(t, "");
	table_out_text(t, d->member_name);
	table_out_text(t, d->org_code);
	table_out_text(t, d->body);
	table_out_text(t, d->inspection ? "inspection" : "committee");
	out_date(t, d->act_date);
	table_out_text(t, d->decision_no);
	out_date(t, d->notified_on);
	table_out_text(t, d->notice_no);
	out_date(t, d->effective_on);
	table_out_text(t, d->state);
	out_date(t, d->ended_on);
	table_out_text(t, d->reason);
	table_out_row(t);
	return 0;
}

enum err_code app_discipline_export(struct app *a, const struct actor *ac,
				    const struct discipline_filter *f, int xlsx, int *fd,
				    long long *len, struct err *e)
{
	enum table_format fmt = xlsx ? TABLE_XLSX : TABLE_CSV;
	struct table_out *t;
	struct err tmp;
	size_t i;

	*fd = -1;
	if (!(t = table_out_new(fmt, "discipline", e)))
		return e->code;
	for (i = 0; i < sizeof export_cols / sizeof export_cols[0]; i++)
		table_out_text(t, export_cols[i]);
	table_out_row(t);
	app_discipline_list(a, ac, f, export_row, t, e);
	err_init(&tmp);
	if (table_out_finish(t, fd, len, &tmp) && !e->code)
		err_merge(e, &tmp);
	err_cleanup(&tmp);
	if (e->code && *fd >= 0) {
		close(*fd);
		*fd = -1;
	}
	return e->code;
}
