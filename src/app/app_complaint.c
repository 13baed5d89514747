/* app_complaint.c - complaints against discipline decisions and denunciations: lodged with
 * the body above (R-COMPLAINT-DAYS), due by R-COMPLAINT-SETTLE-DAYS /
 * R-DENUNCIATION-SETTLE-DAYS, settled with their effects on the discipline rows (never
 * overwritten: rows change state, a changed decision is a new row naming the old one),
 * withdrawn, listed and read with the inspection right (docs/inspection.md). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/docnum.h"
#include "../core/text.h"
#include "app_complaint.h"
#include "app_int.h"

/* Whether organisation org_id lies in the actor's scope: ERR_NOTFOUND (as for an id that
 * does not exist: of a complaint, or of a discipline decision when decision is set)
 * otherwise, then the inspection right over it. */
static enum err_code complaint_access(struct app *a, const struct actor *ac, int64_t org_id,
				      int64_t id, int decision, struct err *e)
{
	long pre, last;
	struct org o;
	struct err tmp;
	int in = 0;

	err_init(&tmp);
	if (app_scope(a, ac, &pre, &last, &tmp) == ERR_OK &&
	    store_org_by_id(a->st, org_id, &o, &tmp) == ERR_OK)
		in = app_org_visible(a, pre, last, &o);
	err_cleanup(&tmp);
	if (!in && decision)
		return err_add(e, ERR_NOTFOUND, 0, "discipline_id", NULL, NULL,
			       "no discipline decision has the id %lld", (long long)id);
	if (!in)
		return err_set(e, ERR_NOTFOUND, "no complaint has the id %lld", (long long)id);
	return app_inspection_check(a, ac, org_id, e);
}

/* Whether anc is o itself (self) or a proper ancestor of o in the current tree. */
static int org_above(const struct org *anc, const struct org *o, int self)
{
	if (anc->id == o->id)
		return self;
	return anc->pre && o->pre && anc->pre < o->pre && o->pre <= anc->last;
}

/* A document number in its canonical spelling into out ("" stays ""), or a problem. */
static void docnum_accept(const char *in, const char *field, char *out, size_t cap,
			  struct err *e)
{
	struct docnum dn;
	struct docnum_error pe;

	out[0] = 0;
	if (!in || !in[0])
		return;
	if (strlen(in) > DOCNUM_INPUT_MAX || docnum_parse(in, strlen(in), &dn, &pe)) {
		err_add(e, ERR_INPUT, 0, field, in, NULL,
			"the number '%s' cannot be read at byte %zu: expected %s", in,
			strlen(in) > DOCNUM_INPUT_MAX ? (size_t)DOCNUM_INPUT_MAX : pe.offset,
			strlen(in) > DOCNUM_INPUT_MAX ? err_tr(N_("at most 200 bytes"))
						      : err_tr(pe.expected));
		return;
	}
	snprintf(out, cap, "%s", dn.number);
}

static int first_id(void *ctx, const struct complaint_row *c)
{
	*(int64_t *)ctx = c->id;
	return 1;
}

static char *complaint_json(const struct complaint_row *c)
{
	char d1[DATE_STR], d2[DATE_STR], d3[DATE_STR];

	return app_json("{s:I,s:s,s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:I}", "id",
			(json_int_t)c->id, "kind", complaint_kind_name((enum complaint_kind)c->kind),
			"discipline_id", (json_int_t)c->discipline_id, "org", c->org_code, "to_body",
			c->body_code, "lodged_on", date_format(c->lodged_on, d1), "due_on",
			date_format(c->due_on, d2), "state",
			complaint_state_name((enum complaint_state)c->state), "outcome",
			c->outcome >= 0 ? complaint_outcome_name((enum complaint_outcome)c->outcome)
					: "",
			"settled_on", c->settled_on ? date_format(c->settled_on, d3) : "",
			"settlement_no", c->settlement_no, "new_discipline_id",
			(json_int_t)c->new_discipline_id);
}

enum err_code app_complaint_add(struct app *a, const struct actor *ac,
				const struct complaint_in *in, int64_t *id, struct err *e)
{
	struct complaint_row c;
	struct discipline_row d;
	struct org target, body, to;
	struct member m;
	enum err_code rc;
	int own_ok = 0;
	char subject[48], *after;

	if ((rc = app_begin(a, e)))
		return rc;
	memset(&c, 0, sizeof c);
	c.kind = in->kind;
	if (in->kind == CK_COMPLAINT) {
		if (!in->discipline_id) {
			err_add(e, ERR_INPUT, 0, "discipline_id", NULL, NULL,
				"a complaint names the discipline decision it is against");
			return app_end(a, e->code, e);
		}
		if (store_complaint_discipline(a->st, in->discipline_id, &d, e))
			return app_end(a, e->code, e);
		if (complaint_access(a, ac, d.org_id, in->discipline_id, 1, e) || app_can_edit(ac, e))
			return app_end(a, e->code, e);
		if (e->code == ERR_OK && strcmp(d.state, "in_force"))
			err_add(e, ERR_RULE, 0, "discipline_id", d.state, NULL,
				"the discipline decision %lld is no longer in force (%s): there is "
				"nothing to complain against",
				(long long)d.id, d.state);
		if (store_org_by_id(a->st, d.body_org_id, &body, e))
			return app_end(a, e->code, e);
		c.discipline_id = d.id;
		c.org_id = d.org_id;
		c.member_id = d.member_id;
		/* The body above the one that decided; its committee when its inspection
		 * committee decided. */
		own_ok = d.inspection;
		target = body;
	} else if (in->kind == CK_DENUNCIATION) {
		if (!!in->member_id == !!(in->org_code && in->org_code[0])) {
			err_add(e, ERR_INPUT, 0, "member_id", NULL, NULL,
				"a denunciation is about a member or an organisation: give one of "
				"them");
			return app_end(a, e->code, e);
		}
		if (in->member_id) {
			if (app_member_get(a, ac, in->member_id, &m, e) ||
			    store_org_by_id(a->st, m.org_id, &target, e))
				return app_end(a, e->code, e);
			c.member_id = m.id;
			own_ok = 1;
		} else if (app_org_lookup(a, ac, in->org_code, &target, 0, "org", e)) {
			return app_end(a, e->code, e);
		}
		c.org_id = target.id;
		if (app_inspection_check(a, ac, target.id, e) || app_can_edit(ac, e))
			return app_end(a, e->code, e);
	} else {
		err_add(e, ERR_INPUT, 0, "kind", NULL, NULL,
			"the kind must be complaint or denunciation");
		return app_end(a, e->code, e);
	}
	if (in->to_body && in->to_body[0]) {
		if (app_org_lookup(a, ac, in->to_body, &to, 1, "to_body", e))
			return app_end(a, e->code, e);
		if (!org_above(&to, &target, own_ok)) {
			if (own_ok)
				err_add(e, ERR_INPUT, 0, "to_body", in->to_body, NULL,
					"it is lodged with %s or an organisation above it: %s is not",
					target.code, in->to_body);
			else
				err_add(e, ERR_INPUT, 0, "to_body", in->to_body, NULL,
					"it is lodged with an organisation above %s: %s is not",
					target.code, in->to_body);
		}
	} else if (in->kind == CK_COMPLAINT && own_ok) {
		to = target;
	} else if (target.parent_id) {
		if (store_org_by_id(a->st, target.parent_id, &to, e))
			return app_end(a, e->code, e);
	} else if (own_ok) {
		to = target;
	} else {
		err_add(e, ERR_INPUT, 0, "to_body", NULL, NULL,
			"%s has no organisation above it: name the body it is lodged with (to_body)",
			target.code);
	}
	c.lodged_on = app_date(a, in->lodged_on);
	app_check_date(a, c.lodged_on, "lodged_on", e);
	if (in->kind == CK_COMPLAINT && c.lodged_on < d.date) {
		char d1[DATE_STR];

		err_add(e, ERR_INPUT, 0, "lodged_on", NULL, NULL,
			"a complaint is lodged after the decision (decided on %s)",
			date_format(d.date, d1));
	} else if (in->kind == CK_COMPLAINT &&
		   complaint_check_lodged(&a->rules, d.notified_on, c.lodged_on, 0, e) == 1) {
		err_add(&a->warn, ERR_OK, 0, "notified_on", NULL, R_COMPLAINT_DAYS,
			"the decision's notice date is not recorded: the complaint is accepted, "
			"its deadline cannot be checked");
	}
	if (!text_accept(in->content ? in->content : "", TEXT_REASON_MAX, TEXT_LINES, c.content,
			 sizeof c.content, e, 0, "content", "the content") &&
	    !c.content[0])
		err_add(e, ERR_INPUT, 0, "content", NULL, NULL,
			"say what is complained of: the content is part of the record");
	text_accept(in->from_name ? in->from_name : "", COMPLAINT_NAME_MAX, 0, c.from_name,
		    sizeof c.from_name, e, 0, "from", "the name");
	if (e->code)
		return app_end(a, e->code, e);
	if (in->kind == CK_COMPLAINT) {
		struct complaint_filter f = {0, 0, CK_COMPLAINT, CS_OPEN, 0, 0, 0, d.id};
		int64_t open = 0;

		if (store_complaint_walk(a->st, &f, first_id, &open, e))
			return app_end(a, e->code, e);
		if (open) {
			err_add(e, ERR_RULE, 0, "discipline_id", NULL, NULL,
				"the decision already has an open complaint (%lld): settle or "
				"withdraw it first",
				(long long)open);
			return app_end(a, e->code, e);
		}
	}
	c.to_body_org_id = to.id;
	if (complaint_due(&a->rules, (enum complaint_kind)c.kind, c.lodged_on, &c.due_on)) {
		err_set(e, ERR_INTERNAL, "the settlement deadline rule is missing");
		return app_end(a, e->code, e);
	}
	snprintf(c.by, sizeof c.by, "%s", ac->name);
	if (store_complaint_insert(a->st, &c, e) || store_complaint_get(a->st, c.id, &c, e))
		return app_end(a, e->code, e);
	if (id)
		*id = c.id;
	snprintf(subject, sizeof subject, "complaint:%lld", (long long)c.id);
	after = complaint_json(&c);
	app_audit(a, ac, "complaint.add", subject, c.org_id, NULL, after, e);
	free(after);
	return app_end(a, e->code, e);
}

struct prev_status {
	date_t until;
	int status;
	date_t best;
};

static int prev_status_cb(void *ctx, int64_t member_id, const struct member_status_period *p)
{
	struct prev_status *ps = ctx;

	(void)member_id;
	if (p->to != DATE_NONE && p->to <= ps->until && (ps->status < 0 || p->to >= ps->best)) {
		ps->status = (int)p->status;
		ps->best = p->to;
	}
	return 0;
}

/* The status member m held before its current one (from the status history), or -1. */
static int status_before(struct app *a, const struct member *m, struct err *e)
{
	struct prev_status ps = {m->status_since, -1, 0};

	if (store_member_statuses(a->st, m->id, prev_status_cb, &ps, e))
		return -1;
	return ps.status;
}

/* An annulled or reduced expulsion: member_id, expelled, gets back the status it held before
 * on date on (the expelled period kept in the history, an event in the timeline). *restored
 * names it ("" when nothing changed). */
static enum err_code restore_status(struct app *a, const struct actor *ac, int64_t member_id,
				    date_t on, int64_t complaint_id, char *restored, size_t cap,
				    struct err *e)
{
	struct member m;
	struct name_keys nk;
	enum err_code rc;
	int prev;
	char *detail, d1[DATE_STR], why[96];

	restored[0] = 0;
	if (store_member_get(a->st, member_id, &m, e))
		return e->code;
	if (m.status != MS_EXPELLED)
		return ERR_OK;
	if ((prev = status_before(a, &m, e)) < 0) {
		if (e->code)
			return e->code;
		prev = MS_OFFICIAL;
	}
	if (m.status_since != DATE_NONE && on > m.status_since &&
	    store_member_status_add(a->st, m.id, m.status, m.status_since, on, e))
		return e->code;
	snprintf(why, sizeof why, "expulsion annulled or reduced on complaint %lld",
		 (long long)complaint_id);
	detail = app_json("{s:s,s:s,s:s,s:s}", "from", member_status_name(m.status), "to",
			  member_status_name((enum member_status)prev), "effective",
			  date_format(on, d1), "reason", why);
	rc = app_member_event(a, ac, &m, on, "status", detail, e);
	free(detail);
	if (rc)
		return rc;
	m.status = (enum member_status)prev;
	m.status_since = on;
	name_keys_init(&nk);
	if (name_keys_compute(&nk, &m))
		rc = err_set(e, ERR_INTERNAL, "cannot compute the name keys");
	else
		rc = store_member_update(a->st, &m, &nk.k, e);
	name_keys_cleanup(&nk);
	if (!rc)
		snprintf(restored, cap, "%s", member_status_name(m.status));
	return rc;
}

static char *discipline_json(const struct discipline_row *d)
{
	char d1[DATE_STR];

	return app_json("{s:I,s:s,s:s,s:s}", "id", (json_int_t)d->id, "form",
			discipline_form_name((enum discipline_form)d->form), "state",
			d->state[0] ? d->state : "in_force", "ended_on",
			d->ended_on ? date_format(d->ended_on, d1) : "");
}

enum err_code app_complaint_settle(struct app *a, const struct actor *ac,
				   const struct complaint_settle_in *in, int64_t *new_id,
				   struct err *e)
{
	struct complaint_row c, before;
	struct discipline_row d, nd;
	struct org to;
	struct member m;
	enum err_code rc;
	date_t on = app_date(a, in->on);
	char subject[48], restored[24] = "", *jb, *ja, *jd, *jn;
	int changed = 0;

	if (new_id)
		*new_id = 0;
	if ((rc = app_begin(a, e)))
		return rc;
	memset(&nd, 0, sizeof nd);
	if (store_complaint_get(a->st, in->id, &c, e) ||
	    complaint_access(a, ac, c.org_id, in->id, 0, e) || app_can_edit(ac, e))
		return app_end(a, e->code, e);
	before = c;
	if (c.state != CS_OPEN) {
		err_add(e, ERR_RULE, 0, "state", complaint_state_name((enum complaint_state)c.state),
			NULL, "the complaint is %s already: only an open one is settled",
			complaint_state_name((enum complaint_state)c.state));
		return app_end(a, e->code, e);
	}
	if (in->outcome < 0 || in->outcome >= CO__COUNT ||
	    !complaint_outcome_fits((enum complaint_kind)c.kind, (enum complaint_outcome)in->outcome))
		err_add(e, ERR_INPUT, 0, "outcome", NULL, NULL,
			c.kind == CK_COMPLAINT
				? "a complaint is settled as kept, reduced, annulled or raised"
				: "a denunciation is settled as founded, partly_founded or unfounded");
	app_check_date(a, on, "settled_on", e);
	if (on < c.lodged_on) {
		char d1[DATE_STR];

		err_add(e, ERR_INPUT, 0, "settled_on", NULL, NULL,
			"the settlement is dated on or after the complaint (lodged on %s)",
			date_format(c.lodged_on, d1));
	}
	docnum_accept(in->decision_no, "decision_no", c.settlement_no, sizeof c.settlement_no, e);
	text_accept(in->text ? in->text : "", TEXT_REASON_MAX, TEXT_LINES, c.settlement,
		    sizeof c.settlement, e, 0, "settlement", "the settlement");
	if (e->code)
		return app_end(a, e->code, e);
	c.state = CS_SETTLED;
	c.outcome = in->outcome;
	c.settled_on = on;
	if (c.kind == CK_COMPLAINT && in->outcome != CO_KEPT) {
		if (store_complaint_discipline(a->st, c.discipline_id, &d, e) ||
		    store_org_by_id(a->st, c.to_body_org_id, &to, e))
			return app_end(a, e->code, e);
		if (strcmp(d.state, "in_force")) {
			err_add(e, ERR_RULE, 0, "discipline_id", d.state, NULL,
				"the discipline decision %lld is no longer in force (%s)",
				(long long)d.id, d.state);
			return app_end(a, e->code, e);
		}
		if (in->outcome == CO_REDUCED || in->outcome == CO_RAISED) {
			const char *target = "org";
			int st;

			if (d.member_id) {
				if (store_member_get(a->st, d.member_id, &m, e))
					return app_end(a, e->code, e);
				st = (int)m.status;
				if (st == MS_EXPELLED && (st = status_before(a, &m, e)) < 0)
					st = MS_OFFICIAL;
				target = st == MS_PROBATIONARY ? "probationary" : "official";
			}
			if (complaint_check_new_form(&a->rules, on, (enum complaint_outcome)in->outcome,
						     (enum discipline_form)d.form, in->form, target,
						     org_kind_name(to.kind), 0, e))
				return app_end(a, e->code, e);
		}
		jd = discipline_json(&d);
		if (in->outcome == CO_ANNULLED) {
			long n;

			if (store_discipline_end(a->st, d.id, "annulled", on, e) ||
			    store_review_revision_drop(a->st, d.id, on, &n, e)) {
				free(jd);
				return app_end(a, e->code, e);
			}
			snprintf(d.state, sizeof d.state, "annulled");
		} else {
			if (store_discipline_end(a->st, d.id, "changed", on, e)) {
				free(jd);
				return app_end(a, e->code, e);
			}
			snprintf(d.state, sizeof d.state, "changed");
			/* The new decision: the settling body's, dated by the settlement, the act
			 * as before (stored directly: app_discipline_add would judge the
			 * limitation and the body as for a first decision). */
			nd.member_id = d.member_id;
			nd.org_id = d.org_id;
			nd.body_org_id = to.id;
			nd.form = in->form;
			nd.date = on;
			nd.effective_on = on;
			nd.act_date = d.act_date;
			nd.replaces_id = d.id;
			snprintf(nd.decision_no, sizeof nd.decision_no, "%s", c.settlement_no);
			if (c.settlement[0])
				snprintf(nd.reason, sizeof nd.reason, "%s", c.settlement);
			else
				snprintf(nd.reason, sizeof nd.reason, "%.1900s (complaint %lld)",
					 d.reason, (long long)c.id);
			snprintf(nd.by, sizeof nd.by, "%s", ac->name);
			if (store_discipline_insert(a->st, &nd, e)) {
				free(jd);
				return app_end(a, e->code, e);
			}
			c.new_discipline_id = nd.id;
			if (new_id)
				*new_id = nd.id;
		}
		d.ended_on = on;
		changed = 1;
		if (d.member_id && d.form == DF_EXPULSION &&
		    (in->outcome == CO_ANNULLED || in->outcome == CO_REDUCED) &&
		    restore_status(a, ac, d.member_id, on, c.id, restored, sizeof restored, e)) {
			free(jd);
			return app_end(a, e->code, e);
		}
		if (d.member_id && in->outcome == CO_RAISED && in->form == DF_EXPULSION &&
		    store_member_get(a->st, d.member_id, &m, e) == ERR_OK &&
		    m.status != MS_EXPELLED &&
		    app_member_status_tx(a, ac, d.member_id, MS_EXPELLED, on,
					 "expulsion on a complaint's settlement", e)) {
			free(jd);
			return app_end(a, e->code, e);
		}
		if (e->code) {
			free(jd);
			return app_end(a, e->code, e);
		}
		snprintf(subject, sizeof subject, "discipline:%lld", (long long)d.id);
		ja = discipline_json(&d);
		app_audit(a, ac, "discipline.change", subject, d.org_id, jd, ja, e);
		free(jd);
		free(ja);
		if (e->code)
			return app_end(a, e->code, e);
	}
	if (store_complaint_close(a->st, &c, e) || store_complaint_get(a->st, c.id, &c, e))
		return app_end(a, e->code, e);
	snprintf(subject, sizeof subject, "complaint:%lld", (long long)c.id);
	jb = complaint_json(&before);
	ja = complaint_json(&c);
	jn = NULL;
	if (changed) {
		json_t *o = json_loads(ja, 0, NULL);

		if (o) {
			json_object_set_new(o, "discipline_state", json_string(d.state));
			if (nd.id)
				json_object_set_new(o, "new_form",
						    json_string(discipline_form_name(
							    (enum discipline_form)nd.form)));
			if (restored[0])
				json_object_set_new(o, "restored_status", json_string(restored));
			jn = json_dumps(o, JSON_COMPACT);
			json_decref(o);
		}
	}
	app_audit(a, ac, "complaint.settle", subject, c.org_id, jb, jn ? jn : ja, e);
	free(jb);
	free(ja);
	free(jn);
	return app_end(a, e->code, e);
}

enum err_code app_complaint_withdraw(struct app *a, const struct actor *ac, int64_t id,
				     date_t on, const char *why, struct err *e)
{
	struct complaint_row c, before;
	enum err_code rc;
	char subject[48], *jb, *ja;

	if ((rc = app_begin(a, e)))
		return rc;
	if (store_complaint_get(a->st, id, &c, e) || complaint_access(a, ac, c.org_id, id, 0, e) ||
	    app_can_edit(ac, e))
		return app_end(a, e->code, e);
	before = c;
	if (c.state != CS_OPEN) {
		err_add(e, ERR_RULE, 0, "state", complaint_state_name((enum complaint_state)c.state),
			NULL, "the complaint is %s already: only an open one is withdrawn",
			complaint_state_name((enum complaint_state)c.state));
		return app_end(a, e->code, e);
	}
	c.settled_on = app_date(a, on);
	app_check_date(a, c.settled_on, "date", e);
	if (c.settled_on < c.lodged_on)
		err_add(e, ERR_INPUT, 0, "date", NULL, NULL,
			"a complaint is withdrawn on or after the day it was lodged");
	text_accept(why ? why : "", TEXT_REASON_MAX, TEXT_LINES, c.settlement, sizeof c.settlement,
		    e, 0, "reason", "the reason");
	if (e->code)
		return app_end(a, e->code, e);
	c.state = CS_WITHDRAWN;
	c.outcome = -1;
	if (store_complaint_close(a->st, &c, e) || store_complaint_get(a->st, id, &c, e))
		return app_end(a, e->code, e);
	snprintf(subject, sizeof subject, "complaint:%lld", (long long)id);
	jb = complaint_json(&before);
	ja = complaint_json(&c);
	app_audit(a, ac, "complaint.withdraw", subject, c.org_id, jb, ja, e);
	free(jb);
	free(ja);
	return app_end(a, e->code, e);
}

enum err_code app_complaint_get(struct app *a, const struct actor *ac, int64_t id,
				struct complaint_row *c, struct err *e)
{
	if (store_complaint_get(a->st, id, c, e))
		return e->code;
	return complaint_access(a, ac, c->org_id, id, 0, e);
}

enum err_code app_complaint_history(struct app *a, int64_t discipline_id,
				    store_discipline_cb cb, void *ctx, struct err *e)
{
	return store_discipline_history(a->st, discipline_id, cb, ctx, e);
}

enum err_code app_complaint_list(struct app *a, const struct actor *ac, const char *org_code,
				 struct complaint_filter *f, store_complaint_cb cb, void *ctx,
				 struct err *e)
{
	struct org o;
	int64_t org_id = 0;

	/* Without the right the register is refused whatever organisation it names. */
	if (app_inspection_check(a, ac, 0, e) ||
	    app_subtree(a, ac, org_code, 1, &f->pre, &f->last, e))
		return e->code;
	if (org_code && org_code[0]) {
		if (app_org_lookup(a, ac, org_code, &o, 0, "org", e))
			return e->code;
		org_id = o.id;
	}
	if (app_inspection_check(a, ac, org_id, e))
		return e->code;
	f->discipline_id = 0;
	return store_complaint_walk(a->st, f, cb, ctx, e);
}

/* ---- the import ------------------------------------------------------------------------ */

static const char *const imp_names[] = {
	"kind", "discipline_id", "member_id", "org", "from", "to_body", "lodged_on", "content",
	"outcome", "form", "settled_on", "settlement_no", "settlement", NULL,
};
static const char *const imp_required[] = {"kind", "lodged_on", "content", NULL};
enum {
	IC_KIND, IC_DISC, IC_MEMBER, IC_ORG, IC_FROM, IC_TO, IC_LODGED, IC_CONTENT, IC_OUTCOME,
	IC_FORM, IC_SETTLED, IC_NO, IC_SETTLEMENT
};

/* Move the problems of a row from src to dst, each with line when it names none. */
static void take_row_problems(struct err *dst, struct err *src, long line)
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

static int64_t col_id(const char *v, long line, const char *field, struct err *row)
{
	long long id;
	char *end = NULL;

	if (!v[0])
		return 0;
	errno = 0;
	id = strtoll(v, &end, 10);
	if (*end || id <= 0 || errno) {
		err_add(row, ERR_INPUT, line, field, v, NULL, "%s must be a whole number", field);
		return -1;
	}
	return (int64_t)id;
}

static date_t col_date(const char *v, long line, const char *field, struct err *row)
{
	date_t d;
	const char *why = NULL;

	if (!v[0])
		return DATE_NONE;
	if (date_parse(v, &d, &why)) {
		err_add(row, ERR_INPUT, line, field, v, NULL, "%s is not a date (YYYY-MM-DD): %s", v,
			why ? err_tr(why) : "");
		return -1;
	}
	return d;
}

static void import_row(struct app *a, const struct actor *ac, const struct csv_columns *c,
		       const struct csv_record *r, struct err *row)
{
	struct complaint_in in;
	struct complaint_settle_in si;
	const char *kind = app_csv_col(c, r, IC_KIND), *oc = app_csv_col(c, r, IC_OUTCOME);
	const char *fm = app_csv_col(c, r, IC_FORM);
	int64_t id = 0;
	int outcome = -1, withdrawn = 0;
	date_t settled;

	if (r->nfields != c->nfile) {
		err_add(row, ERR_INPUT, r->line, NULL, NULL, NULL,
			"the row has %zu fields but the header has %zu; check for a missing or "
			"extra comma",
			r->nfields, c->nfile);
		return;
	}
	memset(&in, 0, sizeof in);
	if ((in.kind = complaint_kind_parse(kind)) < 0)
		err_add(row, ERR_INPUT, r->line, "kind", kind, NULL,
			"the kind must be complaint or denunciation");
	in.discipline_id = col_id(app_csv_col(c, r, IC_DISC), r->line, "discipline_id", row);
	in.member_id = col_id(app_csv_col(c, r, IC_MEMBER), r->line, "member_id", row);
	in.org_code = app_csv_col(c, r, IC_ORG);
	in.from_name = app_csv_col(c, r, IC_FROM);
	in.to_body = app_csv_col(c, r, IC_TO);
	in.content = app_csv_col(c, r, IC_CONTENT);
	in.lodged_on = col_date(app_csv_col(c, r, IC_LODGED), r->line, "lodged_on", row);
	if (in.lodged_on == DATE_NONE)
		err_add(row, ERR_INPUT, r->line, "lodged_on", NULL, NULL,
			"the date it was lodged is required (YYYY-MM-DD)");
	settled = col_date(app_csv_col(c, r, IC_SETTLED), r->line, "settled_on", row);
	if (oc[0] && !strcmp(oc, "withdrawn"))
		withdrawn = 1;
	else if (oc[0] && (outcome = complaint_outcome_parse(oc)) < 0)
		err_add(row, ERR_INPUT, r->line, "outcome", oc, NULL,
			"the outcome must be kept, reduced, annulled, raised, founded, "
			"partly_founded, unfounded or withdrawn (empty: still open)");
	if ((outcome >= 0 || withdrawn) && settled == DATE_NONE)
		err_add(row, ERR_INPUT, r->line, "settled_on", NULL, NULL,
			"a settled or withdrawn row needs its date (settled_on)");
	if (!oc[0] && settled != DATE_NONE)
		err_add(row, ERR_INPUT, r->line, "outcome", NULL, NULL,
			"settled_on is given without an outcome");
	memset(&si, 0, sizeof si);
	si.form = -1;
	if (fm[0] && (si.form = discipline_form_parse(fm)) < 0)
		err_add(row, ERR_INPUT, r->line, "form", fm, NULL,
			"the form must be reprimand, warning, removal, expulsion or dissolution");
	if (row->code)
		return;
	if (app_complaint_add(a, ac, &in, &id, row))
		return;
	if (withdrawn) {
		app_complaint_withdraw(a, ac, id, settled, app_csv_col(c, r, IC_SETTLEMENT), row);
	} else if (outcome >= 0) {
		si.id = id;
		si.outcome = outcome;
		si.on = settled;
		si.decision_no = app_csv_col(c, r, IC_NO);
		si.text = app_csv_col(c, r, IC_SETTLEMENT);
		app_complaint_settle(a, ac, &si, NULL, row);
	}
}

enum err_code app_import_complaints(struct app *a, const struct actor *ac,
				    const struct import_opts *opts, struct import_result *res,
				    struct err *e)
{
	struct csv_columns cols = {imp_names, imp_required, {0}, 0, {{0}}};
	struct csv_reader *rd;
	struct csv_record rec;
	struct csv_error ce;
	struct err row;
	char subject[300], *after;
	enum err_code rc;
	int got, once, fatal = 0;

	memset(res, 0, sizeof *res);
	if (opts->rejects)
		return err_add(e, ERR_USAGE, 0, "skip-bad", NULL, NULL,
			       "complaints are imported all or nothing: fix the bad rows instead "
			       "of skipping them");
	if (app_inspection_check(a, ac, 0, e) || app_can_edit(ac, e))
		return e->code;
	if ((rc = app_nest_begin(a, e)))
		return rc;
	once = app_import_once_check(a, ac, "complaints", opts, res, e);
	if (once)
		return app_nest_end(a, once > 0 ? ERR_OK : e->code ? e->code : ERR_STORAGE, e);
	err_init(&row);
	rd = csv_reader_new(app_csv_read, opts->in, 0);
	got = csv_next(rd, &rec, &ce);
	if (got == 0) {
		err_add(e, ERR_INPUT, 1, NULL, NULL, NULL,
			"the file is empty; it needs a header row (docs/inspection.md)");
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
			take_row_problems(e, &row, rec.line);
		} else {
			res->imported++;
		}
	}
	if (!e->code && !res->rows)
		err_add(e, ERR_INPUT, 0, NULL, NULL, NULL,
			"the file has a header but no complaints");
	if (e->code || app_import_finish(a, ac, "complaints", opts, res, e))
		goto done;
	snprintf(subject, sizeof subject, "file:%s", opts->in_name ? opts->in_name : "-");
	after = app_json("{s:I,s:I}", "rows", (json_int_t)res->rows, "imported",
			 (json_int_t)res->imported);
	app_audit(a, ac, "import.complaints", subject, 0, NULL, after, e);
	free(after);
done:
	rc = app_nest_end(a, e->code, e);
	if (rc)
		res->imported = 0;
	csv_reader_free(rd);
	err_cleanup(&row);
	return rc;
}

/* ---- JSON and downloads ---------------------------------------------------------------- */

static json_t *jdate(date_t d)
{
	char s[DATE_STR];

	return d && d != DATE_NONE ? json_string(date_format(d, s)) : json_null();
}

json_t *app_complaint_json(struct app *a, const struct complaint_row *c)
{
	json_t *j = json_object();

	if (!j)
		return NULL;
	json_object_set_new(j, "id", json_integer(c->id));
	json_object_set_new(j, "kind", json_string(complaint_kind_name((enum complaint_kind)c->kind)));
	json_object_set_new(j, "discipline_id",
			    c->discipline_id ? json_integer(c->discipline_id) : json_null());
	json_object_set_new(j, "member_id", c->member_id ? json_integer(c->member_id) : json_null());
	json_object_set_new(j, "member_name", json_string(c->member_name));
	json_object_set_new(j, "org", json_string(c->org_code));
	json_object_set_new(j, "org_name", json_string(c->org_name));
	json_object_set_new(j, "to_body", json_string(c->body_code));
	json_object_set_new(j, "to_body_name", json_string(c->body_name));
	json_object_set_new(j, "from", json_string(c->from_name));
	json_object_set_new(j, "lodged_on", jdate(c->lodged_on));
	json_object_set_new(j, "due_on", jdate(c->due_on));
	json_object_set_new(j, "overdue", json_boolean(c->state == CS_OPEN && c->due_on < a->today));
	json_object_set_new(j, "content", json_string(c->content));
	json_object_set_new(j, "state",
			    json_string(complaint_state_name((enum complaint_state)c->state)));
	json_object_set_new(j, "outcome",
			    c->outcome >= 0 ? json_string(complaint_outcome_name(
						      (enum complaint_outcome)c->outcome))
					    : json_null());
	json_object_set_new(j, "settled_on", jdate(c->settled_on));
	json_object_set_new(j, "settlement_no", json_string(c->settlement_no));
	json_object_set_new(j, "settlement", json_string(c->settlement));
	json_object_set_new(j, "new_discipline_id",
			    c->new_discipline_id ? json_integer(c->new_discipline_id) : json_null());
	json_object_set_new(j, "recorded_by", json_string(c->by));
	return j;
}

json_t *app_complaint_discipline_json(const struct discipline_row *d)
{
	json_t *j = json_object();

	if (!j)
		return NULL;
	json_object_set_new(j, "id", json_integer(d->id));
	json_object_set_new(j, "member_id", d->member_id ? json_integer(d->member_id) : json_null());
	json_object_set_new(j, "member_name", json_string(d->member_name));
	json_object_set_new(j, "org", json_string(d->org_code));
	json_object_set_new(j, "form",
			    json_string(discipline_form_name((enum discipline_form)d->form)));
	json_object_set_new(j, "decided_on", jdate(d->date));
	json_object_set_new(j, "body", json_string(d->body_code));
	json_object_set_new(j, "inspection", json_boolean(d->inspection));
	json_object_set_new(j, "decision_no", json_string(d->decision_no));
	json_object_set_new(j, "act_date", jdate(d->act_date));
	json_object_set_new(j, "notified_on", jdate(d->notified_on));
	json_object_set_new(j, "state", json_string(d->state[0] ? d->state : "in_force"));
	json_object_set_new(j, "ended_on", jdate(d->ended_on));
	json_object_set_new(j, "replaces_id", d->replaces_id ? json_integer(d->replaces_id)
							     : json_null());
	json_object_set_new(j, "reason", json_string(d->reason));
	return j;
}

static const char *const export_cols[] = {
	"id", "kind", "discipline_id", "member_id", "member_name", "org", "to_body", "from",
	"lodged_on", "due_on", "state", "outcome", "settled_on", "settlement_no", "content", NULL,
};

struct export_ctx {
	struct table_out *t;
	long rows;
};

static int export_row(void *ctx, const struct complaint_row *c)
{
	struct export_ctx *x = ctx;
	char d1[DATE_STR], d2[DATE_STR], d3[DATE_STR];

	table_out_int(x->t, c->id);
	table_out_text(x->t, complaint_kind_name((enum complaint_kind)c->kind));
	if (c->discipline_id)
		table_out_int(x->t, c->discipline_id);
	else
		table_out_text(x->t, "");
	if (c->member_id)
		table_out_int(x->t, c->member_id);
	else
		table_out_text(x->t, "");
	table_out_text(x->t, c->member_name);
	table_out_text(x->t, c->org_code);
	table_out_text(x->t, c->body_code);
	table_out_text(x->t, c->from_name);
	table_out_text(x->t, date_format(c->lodged_on, d1));
	table_out_text(x->t, date_format(c->due_on, d2));
	table_out_text(x->t, complaint_state_name((enum complaint_state)c->state));
	table_out_text(x->t, c->outcome >= 0 ? complaint_outcome_name(
						       (enum complaint_outcome)c->outcome)
					     : "");
	table_out_text(x->t, c->settled_on ? date_format(c->settled_on, d3) : "");
	table_out_text(x->t, c->settlement_no);
	table_out_text(x->t, c->content);
	table_out_row(x->t);
	x->rows++;
	return 0;
}

enum err_code app_complaint_export(struct app *a, const struct actor *ac, const char *org_code,
				   struct complaint_filter *f, enum table_format fmt, int *fd,
				   long long *len, struct err *e)
{
	struct export_ctx x = {NULL, 0};
	const char *const *col;
	enum err_code rc;

	*fd = -1;
	*len = 0;
	if (app_inspection_check(a, ac, 0, e))
		return e->code;
	if (!(x.t = table_out_new(fmt, "complaints", e)))
		return e->code;
	for (col = export_cols; *col; col++)
		table_out_text(x.t, *col);
	table_out_row(x.t);
	rc = app_complaint_list(a, ac, org_code, f, export_row, &x, e);
	if (!rc)
		rc = app_audit_bulk(a, ac, "complaints.export", org_code, x.rows, NULL, NULL, e);
	if (rc) {
		int tfd;
		long long tlen;
		struct err tmp;

		err_init(&tmp);
		if (!table_out_finish(x.t, &tfd, &tlen, &tmp))
			close(tfd);
		err_cleanup(&tmp);
		return rc;
	}
	return table_out_finish(x.t, fd, len, e);
}

enum err_code app_complaint_export_file(struct app *a, const struct actor *ac,
					const char *org_code, struct complaint_filter *f,
					enum table_format fmt, const char *path, struct err *e)
{
	long long len;
	int fd;

	if (app_complaint_export(a, ac, org_code, f, fmt, &fd, &len, e))
		return e->code;
	return table_out_save(fd, path, e);
}
