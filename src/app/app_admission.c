/* app_admission.c - admissions (issue 11; DOMAIN §5; docs/admissions.md): a candidate's case
 * from the cell's list to an official member, each step checked against its rules and the
 * actor's role, one transaction and one audit entry a change; the due list and the board; and
 * where admissions meet the rest (a move, a restructuring, a status changed elsewhere). The
 * stage of a case is derived from its steps (apply_step); the case row keeps it, with the
 * next deadline, for the lists and the due index. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "app_admission.h"
#include "app_int.h"
#include "app_json.h"

/* ---- the organisations of a case ---------------------------------------------------- */

/* The cell keeping a case, its grassroots committee (the nearest ancestor-or-self of kind
 * grassroots; the cell itself when there is none) and the committee above (the grassroots
 * organisation's parent: the body that decides). grassroots_cell: the cell is the grassroots
 * organisation itself (chi bộ cơ sở), so there is no committee vote. */
struct case_orgs {
	struct org cell, g, above;
	int grassroots_cell;
};

static enum err_code case_orgs_of(struct app *a, int64_t cell_id, struct case_orgs *k,
				  struct err *e)
{
	struct org cur;
	int guard = 0;

	if (store_org_by_id(a->st, cell_id, &k->cell, e))
		return e->code;
	cur = k->cell;
	while (cur.kind != OK_GRASSROOTS && cur.parent_id && guard++ < 64)
		if (store_org_by_id(a->st, cur.parent_id, &cur, e))
			return e->code;
	k->g = cur.kind == OK_GRASSROOTS ? cur : k->cell;
	k->above = k->g;
	if (k->g.parent_id && store_org_by_id(a->st, k->g.parent_id, &k->above, e))
		return e->code;
	k->grassroots_cell = k->g.id == k->cell.id;
	return ERR_OK;
}

static int any_child(void *ctx, const struct org *o)
{
	(void)o;
	*(int *)ctx = 1;
	return 1;
}

/* A case is kept by a cell, or by a grassroots organisation with no cells under it. */
static enum err_code check_case_cell(struct app *a, const struct org *o, struct err *e)
{
	int children = 0;

	if (o->kind == OK_CELL)
		return ERR_OK;
	if (o->kind == OK_GRASSROOTS) {
		if (store_org_children(a->st, o->id, any_child, &children, e))
			return e->code;
		if (!children)
			return ERR_OK;
	}
	return err_add(e, ERR_INPUT, 0, "org_code", o->code, NULL,
		       "candidates are kept by a cell (or a grassroots organisation with no cells "
		       "under it); '%s' is not one", o->code);
}

static int in_scope(long spre, long slast, const struct org *o)
{
	return o->dissolved == DATE_NONE && o->pre >= spre && o->pre <= slast;
}

/* ---- steps and the stage they lead to ------------------------------------------------ */

struct step_vec {
	struct adm_step *v;
	size_t n, cap;
};

/* A JSON detail's string value of key ("" when none). */
static void detail_str(const char *detail, const char *key, char *out, size_t cap)
{
	json_t *j = json_loads(detail, 0, NULL);
	json_t *v = j ? json_object_get(j, key) : NULL;

	snprintf(out, cap, "%s", json_is_string(v) ? json_string_value(v) : "");
	json_decref(j);
}

/* A step's detail as a JSON object for its audit entry (a new reference; {} when none). */
static json_t *detail_obj(const char *detail)
{
	json_t *j = detail[0] ? json_loads(detail, 0, NULL) : NULL;

	if (json_is_object(j))
		return j;
	json_decref(j);
	return json_object();
}

static int64_t detail_int(const char *detail, const char *key)
{
	json_t *j = json_loads(detail, 0, NULL);
	json_t *v = j ? json_object_get(j, key) : NULL;
	int64_t n = json_is_integer(v) ? (int64_t)json_integer_value(v) : 0;

	json_decref(j);
	return n;
}

static int steps_take(void *ctx, const struct adm_step *s)
{
	struct step_vec *l = ctx;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n] = *s;
	if (s->kind == ASK_CEREMONY)
		l->v[l->n].mentor_id = detail_int(s->detail, "mentor_id");
	l->n++;
	return 0;
}

/* The case after step s (the stage, its date, the dates that set deadlines). */
static void apply_step(struct app *a, struct admission *c, const struct adm_step *s)
{
	enum adm_stage before = c->stage;
	char as[24];

	switch (s->kind) {
	case ASK_LISTED:
		/* A case opened for a probationary member added without one starts in probation
		 * (app_adm_of_member). */
		detail_str(s->detail, "opened_at", as, sizeof as);
		c->stage = strcmp(as, "probation") == 0 ? AST_PROBATION : AST_CANDIDATE;
		c->p.org_id = s->org_id;
		snprintf(c->p.org_code, sizeof c->p.org_code, "%s", s->org_code);
		break;
	case ASK_CLASS:
		if (s->passed == 1)
			c->stage = AST_CLASS;
		break;
	case ASK_APPLICATION:
		c->stage = AST_APPLIED;
		break;
	case ASK_VERIFICATION:
		if (s->passed != 0)
			c->stage = AST_VERIFIED;
		break;
	case ASK_CELL_VOTE:
		if (s->passed == 1) {
			c->stage = AST_CELL_PASSED;
			c->cell_vote_on = s->on;
		}
		break;
	case ASK_COMMITTEE_VOTE:
		if (s->passed == 1)
			c->stage = AST_COMMITTEE_PASSED;
		break;
	case ASK_DECISION:
		c->stage = s->passed == 0 ? AST_REFUSED : AST_DECIDED;
		if (s->passed != 0)
			c->decision_on = s->on;
		break;
	case ASK_CEREMONY:
		c->stage = AST_PROBATION;
		c->ceremony_on = s->on;
		c->mentor_id = s->mentor_id;
		break;
	case ASK_RECOGNITION_VOTE:
		if (s->passed == 1) {
			c->stage = AST_OFFICIAL;
		} else {
			c->failed_votes++;
			if (adm_referred(&a->rules, s->on, c->failed_votes))
				c->stage = AST_REFERRED;
		}
		break;
	case ASK_UPPER_RULING:
		c->stage = s->passed == 1 ? AST_OFFICIAL : AST_REMOVED;
		break;
	case ASK_WITHDRAWAL:
		detail_str(s->detail, "closes_as", as, sizeof as);
		c->stage = strcmp(as, "official") == 0  ? AST_OFFICIAL
			   : strcmp(as, "removed") == 0 ? AST_REMOVED
							: AST_WITHDRAWN;
		break;
	case ASK_TRANSFER:
		c->p.org_id = s->org_id;
		snprintf(c->p.org_code, sizeof c->p.org_code, "%s", s->org_code);
		break;
	default:
		break;
	}
	if (c->stage != before)
		c->stage_since = s->on;
}

/* The next deadline of c (adm_next_due), and for a grassroots cell the decision of the
 * committee above awaited right after the cell's vote. */
static void next_due(struct app *a, struct admission *c, const struct app_holidays *h,
		     int grassroots_cell)
{
	adm_next_due(&a->rules, c, h->days, h->n);
	if (c->stage == AST_CELL_PASSED && grassroots_cell) {
		c->due_kind = DK_UPPER_DECISION;
		c->due_from = c->due_on = c->stage_since;
	}
}

/* ---- reading a case ------------------------------------------------------------------- */

static enum err_code not_found(struct err *e, int64_t id)
{
	return err_add(e, ERR_NOTFOUND, 0, "id", NULL, NULL,
		       "no admission case has the id %lld; 'cadre admission list' lists them",
		       (long long)id);
}

/* Case id if its cell lies in the actor's scope (else ERR_NOTFOUND, as for an id never
 * used); the ceremony date of a case opened for a member from the member. */
static enum err_code case_lookup(struct app *a, const struct actor *ac, int64_t id,
				 struct admission *c, struct err *e)
{
	long spre, slast, pre = 0;
	struct err tmp;
	enum err_code rc;

	if (app_scope(a, ac, &spre, &slast, e))
		return e->code;
	err_init(&tmp);
	rc = store_adm_get(a->st, id, c, &pre, &tmp);
	if (rc == ERR_STORAGE) {
		err_merge(e, &tmp);
		err_cleanup(&tmp);
		return rc;
	}
	err_cleanup(&tmp);
	if (rc)
		return not_found(e, id);
	if (!pre || pre < spre || pre > slast) {
		/* A closed case of a dissolved cell is seen where the cell's last parent is. */
		struct org o;
		int vis = 0;

		err_init(&tmp);
		if (!pre && store_org_by_id(a->st, c->p.org_id, &o, &tmp) == ERR_OK)
			vis = app_org_visible(a, spre, slast, &o);
		err_cleanup(&tmp);
		if (!vis)
			return not_found(e, id);
	}
	if (c->member_id && (c->ceremony_on == DATE_NONE || c->decision_on == DATE_NONE)) {
		struct member m;

		err_init(&tmp);
		if (store_member_get(a->st, c->member_id, &m, &tmp) == ERR_OK) {
			if (c->ceremony_on == DATE_NONE)
				c->ceremony_on = m.admission_ceremony_date;
			if (c->decision_on == DATE_NONE)
				c->decision_on = m.admission_decision_date;
		}
		err_cleanup(&tmp);
	}
	return ERR_OK;
}

/* The due fields of a case read from the store (due_from is not stored). */
static enum err_code fill_due(struct app *a, struct admission *c, const struct app_holidays *h,
			      struct err *e)
{
	struct case_orgs k;

	if (c->stage == AST_CELL_PASSED) {
		if (case_orgs_of(a, c->p.org_id, &k, e))
			return e->code;
		next_due(a, c, h, k.grassroots_cell);
	} else {
		next_due(a, c, h, 0);
	}
	return ERR_OK;
}

enum err_code app_adm_get(struct app *a, const struct actor *ac, int64_t id,
			  struct admission *c, struct err *e)
{
	struct app_holidays h;
	enum err_code rc;

	if ((rc = store_read_begin(a->st, e)))
		return rc;
	if (!(rc = case_lookup(a, ac, id, c, e)) && !(rc = app_holidays_load(a, &h, e))) {
		rc = fill_due(a, c, &h, e);
		app_holidays_cleanup(&h);
	}
	store_read_end(a->st);
	return rc;
}

enum err_code app_adm_steps(struct app *a, const struct actor *ac, int64_t id, adm_step_cb cb,
			    void *ctx, struct err *e)
{
	struct admission c;
	struct step_vec l = {0};
	enum err_code rc;
	char subject[40];
	size_t i;

	if ((rc = store_read_begin(a->st, e)))
		return rc;
	rc = case_lookup(a, ac, id, &c, e);
	if (!rc)
		rc = store_adm_steps(a->st, id, steps_take, &l, e);
	store_read_end(a->st);
	if (rc)
		goto out;
	snprintf(subject, sizeof subject, "admission:%lld", (long long)id);
	if ((rc = app_audit_read(a, ac, "admission.read", subject, c.p.org_id, e)))
		goto out;
	for (i = 0; i < l.n; i++)
		if (cb(ctx, &l.v[i]))
			break;
out:
	free(l.v);
	return rc;
}

/* ---- opening a case ------------------------------------------------------------------- */

/* What the duplicate check found: members (on the rolls or former) and cases. */
struct dup_seen {
	struct app *a;
	const char *dup_key;
	const struct member *p;
	int64_t on_roll, open_case, former;
	date_t left;
	int former_records;
	int readmitted;
};

static int dup_member(void *ctx, const struct member *m)
{
	struct dup_seen *d = ctx;

	/* The name key and the birth date match (the store compared the hash): compare the
	 * accent-keeping key itself, as a hash may collide. */
	if (d->dup_key && !app_same_person(m, d->dup_key, m->hometown))
		return 0;
	if (member_status_active(m->status)) {
		if (!d->on_roll)
			d->on_roll = m->id;
		return 0;
	}
	d->former_records++;
	if (!d->former || m->status_since > d->left) {
		d->former = m->id;
		d->left = m->status_since;
	}
	return 0;
}

static int dup_case(void *ctx, const struct admission *c)
{
	struct dup_seen *d = ctx;

	if (!adm_stage_closed(c->stage) && !d->open_case)
		d->open_case = c->id;
	return 0;
}

/* member_validate of m without the age in whole years (an admission's age is counted in
 * months at the cell's vote, R-ADMIT-AGE-MIN-MONTHS) and, when dates is 0, without the
 * admission dates a candidate does not have yet. Returns the number of problems added. */
static int validate_person(struct app *a, const struct member *m, int dates, struct err *e)
{
	struct err all;
	size_t i;
	int n = 0;

	err_init(&all);
	member_validate(m, &a->rules, &all, 0);
	for (i = 0; i < all.n; i++) {
		const struct err_item *it = &all.items[i];

		if (!strcmp(it->rule, R_ADMIT_AGE_MIN) || !strcmp(it->rule, R_ADMIT_AGE_MAX))
			continue;
		if (!dates && (!strncmp(it->field, "admission_", 10) ||
			       !strcmp(it->field, "official_date") ||
			       !strcmp(it->rule, R_MEMBER_DATES)))
			continue;
		err_add(e, it->rule[0] ? ERR_RULE : ERR_INPUT, 0, it->field, it->value,
			it->rule[0] ? it->rule : NULL, "%s", it->msg);
		n++;
	}
	err_cleanup(&all);
	return n;
}

/* The person's data checked as a member's (validate_person), and born before listed. */
static void check_person(struct app *a, const struct admission *c, struct err *e)
{
	struct member m = c->p;
	char d1[DATE_STR];

	m.admission_decision_date = m.admission_ceremony_date = c->listed_on;
	m.official_date = DATE_NONE;
	m.status = MS_PROBATIONARY;
	validate_person(a, &m, 0, e);
	if (c->p.birth_date != DATE_NONE && c->listed_on != DATE_NONE &&
	    c->p.birth_date >= c->listed_on)
		err_add(e, ERR_INPUT, 0, "birth_date", date_format(c->p.birth_date, d1), NULL,
			"the birth date is not before the date listed");
}

enum err_code app_adm_add(struct app *a, const struct actor *ac, struct admission *c,
			  int allow_duplicate, struct err *e)
{
	struct org o;
	struct name_keys nk;
	struct dup_seen d;
	struct adm_step s;
	struct app_holidays h = {0};
	enum err_code rc;
	long spre, slast;
	char subject[40], *after;

	if ((unsigned)c->source >= ASRC__COUNT)
		err_add(e, ERR_INPUT, 0, "source", NULL, NULL,
			"the source is soldier, squad_leader, youth_union or other");
	if (c->listed_on == DATE_NONE)
		c->listed_on = a->today;
	if (c->p.full_name[0]) {
		char typed[sizeof c->p.full_name];

		/* The name as typed, normalised and split as a member's (a copy: the function
		 * writes the field it would read). */
		snprintf(typed, sizeof typed, "%s", c->p.full_name);
		member_set_name(&c->p, typed, e, 0);
	}
	check_person(a, c, e);
	app_check_date(a, c->listed_on, "listed_on", e);
	if (e->code)
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	name_keys_init(&nk);
	if ((rc = app_org_lookup(a, ac, c->p.org_code, &o, 1, "org_code", e)))
		goto out;
	if ((rc = app_can_edit(ac, e)) || (rc = check_case_cell(a, &o, e)) ||
	    (rc = app_check_exists_on(&o, c->listed_on, "listed_on", e)) ||
	    (rc = app_scope(a, ac, &spre, &slast, e)))
		goto out;
	c->p.org_id = o.id;
	snprintf(c->p.org_code, sizeof c->p.org_code, "%s", o.code);
	if (name_keys_compute(&nk, &c->p)) {
		rc = err_add(e, ERR_INPUT, 0, "full_name", c->p.full_name, NULL,
			     "the name cannot be collated");
		goto out;
	}
	/* The duplicate check: members (on the rolls, or former members: a re-admission) and
	 * cases, by the accent-keeping name key and birth date, and by the citizen ID. */
	memset(&d, 0, sizeof d);
	d.a = a;
	d.p = &c->p;
	d.dup_key = buf_str(&nk.dup);
	d.left = DATE_NONE;
	if ((rc = store_member_dups(a->st, nk.k.dup_hash, c->p.birth_date, dup_member, &d, e)))
		goto out;
	if (c->p.citizen_id[0]) {
		int64_t holder;
		long hpre;
		struct member hm;

		if ((rc = store_member_number_holder(a->st, MN_CITIZEN_ID, c->p.citizen_id, 0,
						     &holder, &hpre, e)))
			goto out;
		if (holder && holder != d.on_roll && holder != d.former &&
		    !(rc = store_member_get(a->st, holder, &hm, e))) {
			d.dup_key = NULL;
			dup_member(&d, &hm);
		}
		if (rc)
			goto out;
	}
	if ((rc = store_adm_dups(a->st, nk.k.dup_hash, c->p.birth_date, c->p.citizen_id, 0,
				 dup_case, &d, e)))
		goto out;
	if (d.on_roll || d.open_case) {
		if (!allow_duplicate) {
			rc = d.on_roll ? err_add(e, ERR_RULE, 0, "full_name", c->p.full_name, NULL,
						 "this person is already member %lld on a roll (same "
						 "name and birth date, or citizen ID); check before "
						 "listing, or give --allow-duplicate",
						 (long long)d.on_roll)
				       : err_add(e, ERR_RULE, 0, "full_name", c->p.full_name, NULL,
						 "this person is already candidate %lld (same name and "
						 "birth date, or citizen ID); check before listing, or "
						 "give --allow-duplicate", (long long)d.open_case);
			goto out;
		}
		if (d.on_roll)
			err_add(&a->warn, ERR_OK, 0, "full_name", c->p.full_name, NULL,
				"possible duplicate of member %lld; kept as asked",
				(long long)d.on_roll);
		else
			err_add(&a->warn, ERR_OK, 0, "full_name", c->p.full_name, NULL,
				"possible duplicate of candidate %lld; kept as asked",
				(long long)d.open_case);
	}
	if (d.former && !d.on_roll) {
		long again = 0;

		/* R-READMIT-TIMES / R-READMIT-MONTHS: a former member is a re-admission. */
		if ((rc = store_adm_readmitted(a->st, d.former, &again, e)))
			goto out;
		if ((rc = adm_check_readmit(&a->rules, d.left,
					    d.former_records + (again ? 1 : 0), c->listed_on, e)))
			goto out;
		c->former_member_id = d.former;
	}
	c->stage = AST_CANDIDATE;
	c->stage_since = c->listed_on;
	c->failed_votes = 0;
	c->member_id = c->mentor_id = 0;
	c->due_kind = DK_NONE;
	c->due_on = c->due_from = DATE_NONE;
	c->decision_on = c->ceremony_on = c->cell_vote_on = DATE_NONE;
	snprintf(c->recorded_by, sizeof c->recorded_by, "%s", ac->name);
	/* R-ADMIT-AGE-MIN-MONTHS: counted at the cell's vote; a young candidate is only told. */
	{
		struct err young;

		err_init(&young);
		if (adm_check_age(&a->rules, c->p.birth_date, c->listed_on, "birth_date", 0, &young) &&
		    young.n && !strcmp(young.items[0].rule, R_ADMIT_AGE_MIN_MONTHS))
			err_add(&a->warn, ERR_OK, 0, "birth_date", NULL, R_ADMIT_AGE_MIN_MONTHS, "%s",
				young.items[0].msg);
		err_cleanup(&young);
	}
	if ((rc = store_adm_insert(a->st, c, &nk.k, e)))
		goto out;
	memset(&s, 0, sizeof s);
	s.admission_id = c->id;
	s.kind = ASK_LISTED;
	s.on = c->listed_on;
	s.org_id = o.id;
	s.passed = -1;
	s.eligible = s.present = s.votes_for = s.votes_against = -1;
	if (c->former_member_id)
		snprintf(s.detail, sizeof s.detail, "{\"former_member_id\":%lld}",
			 (long long)c->former_member_id);
	snprintf(s.recorded_by, sizeof s.recorded_by, "%s", ac->name);
	if ((rc = store_adm_step_insert(a->st, &s, e)))
		goto out;
	if ((rc = app_holidays_load(a, &h, e)))
		goto out;
	next_due(a, c, &h, 0);
	snprintf(subject, sizeof subject, "admission:%lld", (long long)c->id);
	after = app_json("{s:s,s:s,s:s,s:s,s:s,s:I}", "name", c->p.full_name, "org", o.code,
			 "source", adm_source_name(c->source), "listed_on",
			 date_format(c->listed_on, (char[DATE_STR]){0}), "birth_date",
			 date_format(c->p.birth_date, (char[DATE_STR]){0}), "former_member_id",
			 (json_int_t)c->former_member_id);
	rc = app_audit(a, ac, "admission.add", subject, o.id, NULL, after, e);
	free(after);
out:
	app_holidays_cleanup(&h);
	name_keys_cleanup(&nk);
	return app_end(a, rc, e);
}

/* ---- recording a step ---------------------------------------------------------------- */

/* Append "ID vN" of the rule in force on date on to list. */
static void rule_used(struct app *a, date_t on, const char *id, char *list, size_t n)
{
	const struct rule_version *v = ruleset_find(&a->rules, id, on);
	size_t len = strlen(list);

	if (v && len + 1 < n)
		snprintf(list + len, n - len, "%s%s v%d", len ? "; " : "", id, v->version);
}

/* The step's detail as given (a JSON object, "" for none): every string value accepted as
 * text (core/text), the required keys present. NULL (e filled) when not acceptable. */
static json_t *detail_in(const char *text, const char *const *required, struct err *e)
{
	json_t *d, *v;
	const char *key;
	size_t before = e->n + e->dropped, i;

	d = text && text[0] ? json_loads(text, 0, NULL) : json_object();
	if (!json_is_object(d)) {
		json_decref(d);
		err_add(e, ERR_INPUT, 0, "detail", NULL, NULL, "the step's detail is not a JSON object");
		return NULL;
	}
	json_object_foreach(d, key, v) {
		char clean[512];

		if (json_is_string(v)) {
			if (text_accept(json_string_value(v), 400, 0, clean, sizeof clean, e, 0, key,
					key) == 0)
				json_object_set_new(d, key, json_string(clean));
		} else if (!json_is_integer(v) && !json_is_null(v)) {
			err_add(e, ERR_INPUT, 0, key, NULL, NULL, "%s is not a text or a number", key);
		}
	}
	for (i = 0; required && required[i]; i++) {
		v = json_object_get(d, required[i]);
		if (!json_is_string(v) || !json_string_value(v)[0])
			err_add(e, ERR_INPUT, 0, required[i], NULL, NULL, "give the %s (--%s)",
				required[i], required[i]);
	}
	if (e->n + e->dropped > before) {
		json_decref(d);
		return NULL;
	}
	return d;
}

/* What may follow stage st: the steps in order (ADM.md). */
static int step_allowed(enum adm_step_kind k, enum adm_stage st, int grassroots_cell,
			int has_member)
{
	switch (k) {
	case ASK_CLASS:
		return st == AST_CANDIDATE;
	case ASK_APPLICATION:
		return st == AST_CLASS;
	case ASK_VERIFICATION:
		return st == AST_APPLIED;
	case ASK_CELL_VOTE:
		return st == AST_VERIFIED;
	case ASK_COMMITTEE_VOTE:
		return st == AST_CELL_PASSED && !grassroots_cell;
	case ASK_DECISION:
		return st == AST_COMMITTEE_PASSED || (st == AST_CELL_PASSED && grassroots_cell);
	case ASK_CEREMONY:
		return st == AST_DECIDED;
	case ASK_RECOGNITION_VOTE:
		return st == AST_PROBATION;
	case ASK_UPPER_RULING:
		return st == AST_REFERRED;
	case ASK_WITHDRAWAL:
		return st <= AST_DECIDED;
	case ASK_TRANSFER:
		return !adm_stage_closed(st) && !has_member;
	default:
		return 0;
	}
}

static const char *next_step_hint(enum adm_stage st, int grassroots_cell)
{
	switch (st) {
	case AST_CANDIDATE: return "class";
	case AST_CLASS: return "application";
	case AST_APPLIED: return "verification";
	case AST_VERIFIED: return "cell_vote";
	case AST_CELL_PASSED: return grassroots_cell ? "decision" : "committee_vote";
	case AST_COMMITTEE_PASSED: return "decision";
	case AST_DECIDED: return "ceremony";
	case AST_PROBATION: return "recognition_vote";
	case AST_REFERRED: return "upper_ruling";
	default: return "none";
	}
}

/* A vote of the cell: eligible from the roll (the official members that day), the counts
 * checked, passed by R-ADMIT-VOTE-FRACTION. */
static enum err_code cell_vote(struct app *a, const struct case_orgs *k, struct adm_step *s,
			       struct err *e)
{
	char d1[DATE_STR];
	int p;

	if (store_adm_official_count(a->st, k->cell.id, s->on, 0, &s->eligible, e))
		return e->code;
	if (adm_check_vote_counts(s->eligible, s->present, s->votes_for, s->votes_against, e))
		return e->code;
	p = adm_vote_passes(&a->rules, s->on, s->eligible, s->votes_for);
	if (p < 0)
		return err_add(e, ERR_RULE, 0, "date", date_format(s->on, d1), R_ADMIT_VOTE_FRACTION,
			       "no R-ADMIT-VOTE-FRACTION was in force on %s", d1);
	s->passed = p;
	rule_used(a, s->on, R_ADMIT_VOTE_FRACTION, s->rules, sizeof s->rules);
	return ERR_OK;
}

/* The member of case c official from the end of probation (R-PROBATION-MONTHS), through the
 * status path every other recognition takes. */
static enum err_code make_official(struct app *a, const struct actor *ac,
				   const struct admission *c, date_t on, const char *why,
				   struct err *e)
{
	return app_member_status_tx(a, ac, c->member_id, MS_OFFICIAL, on, why, e);
}

/* The ceremony: the probationary member on the cell's roll, made as every member is. */
static enum err_code make_member(struct app *a, const struct actor *ac, struct admission *c,
				 const struct case_orgs *k, date_t on, struct err *e)
{
	struct member m = c->p;
	struct name_keys nk;
	enum err_code rc;

	m.id = 0;
	m.org_id = k->cell.id;
	snprintf(m.org_code, sizeof m.org_code, "%s", k->cell.code);
	m.status = MS_PROBATIONARY;
	m.status_since = m.org_since = DATE_NONE;
	m.temp_org_id = 0;
	m.temp_until = DATE_NONE;
	m.admission_decision_date = c->decision_on;
	m.admission_ceremony_date = on;
	m.official_date = DATE_NONE;
	if (validate_person(a, &m, 1, e))
		return e->code;
	if (c->former_member_id) {
		/* A re-admission: the citizen ID goes from the former record to the new one (a
		 * number stays with the person, R-MEMBER-UNIQUE-NUMBERS). */
		struct member f;

		if ((rc = store_member_get(a->st, c->former_member_id, &f, e)))
			return rc;
		if (f.citizen_id[0] && !strcmp(f.citizen_id, m.citizen_id)) {
			char *detail;

			f.citizen_id[0] = 0;
			name_keys_init(&nk);
			rc = name_keys_compute(&nk, &f) ? err_set(e, ERR_INTERNAL,
								  "cannot compute the name keys")
							: store_member_update(a->st, &f, &nk.k, e);
			name_keys_cleanup(&nk);
			if (rc)
				return rc;
			detail = app_json("{s:I,s:s}", "admission", (json_int_t)c->id, "citizen_id",
					  m.citizen_id);
			rc = app_member_event(a, ac, &f, on, "readmitted", detail, e);
			free(detail);
			if (rc)
				return rc;
		}
	}
	if ((rc = app_member_add_tx(a, ac, &m, e)))
		return rc;
	c->member_id = m.id;
	return ERR_OK;
}

static enum err_code of_member_tx(struct app *a, const struct actor *ac, int64_t member_id,
				  struct admission *c, struct err *e);

/* app_adm_step; member_id > 0: the case of that probationary member, opened in the same
 * transaction when there is none (so a step refused opens nothing). */
static enum err_code adm_step(struct app *a, const struct actor *ac, int64_t id,
			      int64_t member_id, struct adm_step *s, struct admission *out,
			      struct err *e)
{
	static const char *const req_class[] = {"course", NULL};
	static const char *const req_verif[] = {"verifier", "conclusion", NULL};
	static const char *const req_reason[] = {"reason", NULL};
	static const char *const reserved_keys[] = {"mentor_id", "late", "closes_as", "opened_at",
						    "member_status", "from", "former_member_id",
						    "member_id", NULL};
	struct admission c, was;
	struct case_orgs k;
	struct app_holidays h = {0};
	struct org body;
	json_t *detail = NULL;
	enum err_code rc;
	long spre, slast;
	char d1[DATE_STR], d2[DATE_STR], subject[40], action[48], *after, *dj;
	char body_in[ORG_CODE_MAX + 1];
	int i;

	s->on = app_date(a, s->on);
	if ((unsigned)s->kind >= ASK__COUNT || s->kind == ASK_LISTED)
		return err_add(e, ERR_INPUT, 0, "step", adm_step_name(s->kind), NULL,
			       "the step is class, application, verification, cell_vote, "
			       "committee_vote, decision, ceremony, recognition_vote, upper_ruling, "
			       "withdrawal or transfer");
	if (app_check_date(a, s->on, "date", e))
		return e->code;
	detail = detail_in(s->detail, s->kind == ASK_CLASS ? req_class
				      : s->kind == ASK_VERIFICATION ? req_verif
				      : s->kind == ASK_WITHDRAWAL ? req_reason
				      : (s->kind == ASK_UPPER_RULING && s->passed == 0) ? req_reason
				      : NULL, e);
	if (!detail)
		return e->code;
	/* Keys cadre writes itself are not taken from the caller. */
	for (i = 0; reserved_keys[i]; i++)
		json_object_del(detail, reserved_keys[i]);
	if ((rc = app_begin(a, e)))
		goto done;
	if (member_id > 0) {
		if ((rc = of_member_tx(a, ac, member_id, &c, e)))
			goto out;
		id = c.id;
	}
	if ((rc = case_lookup(a, ac, id, &c, e)) || (rc = app_scope(a, ac, &spre, &slast, e)))
		goto out;
	if ((rc = app_can_edit(ac, e)) || (rc = case_orgs_of(a, c.p.org_id, &k, e)))
		goto out;
	was = c;
	if (!step_allowed(s->kind, c.stage, k.grassroots_cell, c.member_id != 0)) {
		rc = err_add(e, ERR_RULE, 0, "step", adm_step_name(s->kind), NULL,
			     "case %lld is at stage %s: %s cannot be recorded now; the next step is "
			     "%s", (long long)id, adm_stage_name(c.stage), adm_step_name(s->kind),
			     next_step_hint(c.stage, k.grassroots_cell));
		goto out;
	}
	{
		/* Steps follow each other in time: not before the last one recorded. */
		struct step_vec prev = {0};
		date_t last = c.stage_since;

		if ((rc = store_adm_steps(a->st, id, steps_take, &prev, e))) {
			free(prev.v);
			goto out;
		}
		if (prev.n && prev.v[prev.n - 1].on > last)
			last = prev.v[prev.n - 1].on;
		free(prev.v);
		if (s->on < last) {
			rc = err_add(e, ERR_INPUT, 0, "date", date_format(s->on, d1), NULL,
				     "the last step of the case is dated %s; a step is dated on or "
				     "after it", date_format(last, d2));
			goto out;
		}
	}
	s->admission_id = id;
	snprintf(body_in, sizeof body_in, "%s", s->org_code);
	s->org_id = k.cell.id;
	snprintf(s->org_code, sizeof s->org_code, "%s", k.cell.code);
	s->rules[0] = 0;
	snprintf(s->recorded_by, sizeof s->recorded_by, "%s", ac->name);
	if (s->kind != ASK_CELL_VOTE && s->kind != ASK_RECOGNITION_VOTE &&
	    s->kind != ASK_COMMITTEE_VOTE)
		s->eligible = s->present = s->votes_for = s->votes_against = -1;
	if (s->kind != ASK_APPLICATION)
		s->n_intro = 0;
	switch (s->kind) {
	case ASK_CLASS:
		if (s->passed < 0) {
			rc = err_add(e, ERR_INPUT, 0, "result", NULL, NULL,
				     "give the class's result: passed or failed (--result)");
			goto out;
		}
		break;
	case ASK_VERIFICATION:
		if (s->passed < 0)
			s->passed = 1;
		break;
	case ASK_APPLICATION:
		s->passed = -1;
		if (s->n_intro < 0 || s->n_intro > ADM_INTRODUCERS_MAX) {
			rc = err_add(e, ERR_INPUT, 0, "introducers", NULL, NULL,
				     "an application has two introducers (or the Youth Union "
				     "committee's resolution and one official member), not %d",
				     s->n_intro);
			goto out;
		}
		for (i = 0; i < s->n_intro; i++) {
			struct adm_introducer *in = &s->intro[i];
			struct member m;
			struct err tmp;
			char clean[M_TEXT];
			int st = -1;

			in->official_on_date = 0;
			in->name[0] = 0;
			if (in->resolution[0] &&
			    text_accept(in->resolution, sizeof in->resolution - 1, 0, clean,
					sizeof clean, e, 0, "resolution", "the resolution") == 0)
				snprintf(in->resolution, sizeof in->resolution, "%s", clean);
			if (!in->member_id)
				continue;
			err_init(&tmp);
			if (store_member_get(a->st, in->member_id, &m, &tmp) ||
			    !app_member_visible(a, spre, slast, &m)) {
				err_cleanup(&tmp);
				err_add(e, ERR_INPUT, 0, "introducers", NULL, NULL,
					"no member has the id %lld", (long long)in->member_id);
				continue;
			}
			err_cleanup(&tmp);
			snprintf(in->name, sizeof in->name, "%s", m.full_name);
			if ((rc = app_status_at(a, &m, s->on, &st, e)))
				goto out;
			in->official_on_date = st == MS_OFFICIAL;
		}
		if (e->code ||
		    adm_check_introducers(&a->rules, s->on, c.source, s->intro, s->n_intro, e)) {
			rc = e->code;
			goto out;
		}
		rule_used(a, s->on, R_ADMIT_INTRODUCER_MONTHS, s->rules, sizeof s->rules);
		break;
	case ASK_CELL_VOTE:
		/* R-ADMIT-AGE-MIN-MONTHS / R-ADMIT-AGE-MAX-MONTHS at the cell's vote. */
		if (adm_check_age(&a->rules, c.p.birth_date, s->on, "date", 0, e)) {
			rc = e->code;
			goto out;
		}
		rule_used(a, s->on, R_ADMIT_AGE_MIN_MONTHS, s->rules, sizeof s->rules);
		rule_used(a, s->on, R_ADMIT_AGE_MAX_MONTHS, s->rules, sizeof s->rules);
		if ((rc = cell_vote(a, &k, s, e)))
			goto out;
		break;
	case ASK_COMMITTEE_VOTE:
		if (!in_scope(spre, slast, &k.g)) {
			rc = err_add(e, ERR_DENIED, 0, "step", "committee_vote", NULL,
				     "the vote of the grassroots committee '%s' is recorded by a role "
				     "covering it; yours does not", k.g.code);
			goto out;
		}
		s->org_id = k.g.id;
		snprintf(s->org_code, sizeof s->org_code, "%s", k.g.code);
		if (s->eligible <= 0) {
			rc = err_add(e, ERR_INPUT, 0, "members", NULL, NULL,
				     "give the number of the committee's members (--members N)");
			goto out;
		}
		if (adm_check_vote_counts(s->eligible, s->present, s->votes_for, s->votes_against,
					  e)) {
			rc = e->code;
			goto out;
		}
		s->passed = adm_vote_passes(&a->rules, s->on, s->eligible, s->votes_for);
		if (s->passed < 0) {
			rc = err_add(e, ERR_RULE, 0, "date", date_format(s->on, d1),
				     R_ADMIT_VOTE_FRACTION, "no R-ADMIT-VOTE-FRACTION was in force on "
				     "%s", d1);
			goto out;
		}
		rule_used(a, s->on, R_ADMIT_VOTE_FRACTION, s->rules, sizeof s->rules);
		break;
	case ASK_DECISION:
	case ASK_UPPER_RULING:
		body = k.above;
		if (body_in[0] && strcmp(body_in, k.cell.code) != 0) {
			/* --body: the committee above, or a body above it. */
			if ((rc = app_org_lookup(a, ac, body_in, &body, 1, "body", e)))
				goto out;
			if (!(k.g.pre > body.pre && k.g.pre <= body.last) && body.id != k.above.id) {
				rc = err_add(e, ERR_INPUT, 0, "body", body.code, NULL,
					     "the decision is taken by the committee above the "
					     "grassroots organisation '%s' ('%s'), or a body above it",
					     k.g.code, k.above.code);
				goto out;
			}
		}
		if (!in_scope(spre, slast, &body)) {
			rc = s->kind == ASK_DECISION
				     ? err_add(e, ERR_DENIED, 0, "step", "decision", NULL,
					       "the admission decision is recorded by a role covering "
					       "the committee above, '%s'; yours does not", body.code)
				     : err_add(e, ERR_DENIED, 0, "step", "upper_ruling", NULL,
					       "the ruling on a referred case is recorded by a role "
					       "covering the committee above, '%s'; yours does not",
					       body.code);
			goto out;
		}
		s->org_id = body.id;
		snprintf(s->org_code, sizeof s->org_code, "%s", body.code);
		if (!s->number[0]) {
			rc = err_add(e, ERR_INPUT, 0, "number", NULL, NULL,
				     "give the decision's number (--number)");
			goto out;
		}
		if (s->passed < 0)
			s->passed = 1;
		if (s->kind == ASK_UPPER_RULING && s->passed == 1) {
			date_t end = adm_probation_end(&a->rules, c.ceremony_on);

			if (end != DATE_NONE && s->on < end) {
				rc = err_add(e, ERR_RULE, 0, "date", date_format(s->on, d1),
					     R_PROBATION_MONTHS,
					     "probation ends on %s: the member is recognised as official "
					     "from then (R-PROBATION-MONTHS)", date_format(end, d2));
				goto out;
			}
		}
		break;
	case ASK_CEREMONY: {
		long is_official = 0, days = 0;
		date_t due;

		s->passed = -1;
		if (s->mentor_id <= 0) {
			rc = err_add(e, ERR_INPUT, 0, "mentor", NULL, NULL,
				     "give the mentor, an official member of the cell (--mentor ID)");
			goto out;
		}
		if ((rc = store_adm_official_count(a->st, k.cell.id, s->on, s->mentor_id,
						   &is_official, e)))
			goto out;
		if (!is_official) {
			rc = err_add(e, ERR_RULE, 0, "mentor", NULL, NULL,
				     "member %lld is not an official member of '%s' on %s; the "
				     "mentor is one", (long long)s->mentor_id, k.cell.code,
				     date_format(s->on, d1));
			goto out;
		}
		json_object_set_new(detail, "mentor_id", json_integer((json_int_t)s->mentor_id));
		if ((rc = app_holidays_load(a, &h, e)))
			goto out;
		due = adm_ceremony_due(&a->rules, c.decision_on, h.days, h.n);
		rule_used(a, s->on, R_ADMIT_CEREMONY_WORKING_DAYS, s->rules, sizeof s->rules);
		ruleset_int(&a->rules, R_ADMIT_CEREMONY_WORKING_DAYS, c.decision_on, &days);
		if (due != DATE_NONE && s->on > due) {
			err_add(&a->warn, ERR_OK, 0, "date", date_format(s->on, d1),
				R_ADMIT_CEREMONY_WORKING_DAYS,
				"the ceremony is late: it was due by %s, %ld working days after the "
				"decision (R-ADMIT-CEREMONY-WORKING-DAYS)", date_format(due, d2), days);
			json_object_set_new(detail, "late", json_true());
		}
		if ((rc = make_member(a, ac, &c, &k, s->on, e)))
			goto out;
		break;
	}
	case ASK_RECOGNITION_VOTE: {
		date_t end = adm_probation_end(&a->rules, c.ceremony_on);

		if (end != DATE_NONE && s->on < end) {
			rc = err_add(e, ERR_RULE, 0, "date", date_format(s->on, d1), R_PROBATION_MONTHS,
				     "probation ends on %s: the cell votes on recognition from then "
				     "(R-PROBATION-MONTHS)", date_format(end, d2));
			goto out;
		}
		rule_used(a, s->on, R_PROBATION_MONTHS, s->rules, sizeof s->rules);
		if ((rc = cell_vote(a, &k, s, e)))
			goto out;
		if ((rc = app_holidays_load(a, &h, e)))
			goto out;
		{
			date_t due = adm_recognition_due(&a->rules, c.ceremony_on, h.days, h.n);

			if (due != DATE_NONE && s->on > due)
				err_add(&a->warn, ERR_OK, 0, "date", date_format(s->on, d1),
					R_PROBATION_VOTE_WORKING_DAYS,
					"the recognition vote is late: it was due by %s "
					"(R-PROBATION-VOTE-WORKING-DAYS); the member is official "
					"from the end of probation all the same", date_format(due, d2));
		}
		if (s->passed == 0)
			rule_used(a, s->on, R_PROBATION_FAILED_VOTES, s->rules, sizeof s->rules);
		break;
	}
	case ASK_WITHDRAWAL:
		s->passed = -1;
		break;
	case ASK_TRANSFER: {
		struct org to;

		s->passed = -1;
		if (!body_in[0] || !strcmp(body_in, k.cell.code)) {
			rc = err_add(e, ERR_INPUT, 0, "body", NULL, NULL,
				     "give the cell the case moves to (--body CODE)");
			goto out;
		}
		if ((rc = app_org_lookup(a, ac, body_in, &to, 1, "body", e)) ||
		    (rc = check_case_cell(a, &to, e)) ||
		    (rc = app_check_exists_on(&to, s->on, "date", e)))
			goto out;
		s->org_id = to.id;
		snprintf(s->org_code, sizeof s->org_code, "%s", to.code);
		json_object_set_new(detail, "from", json_string(k.cell.code));
		break;
	}
	default:
		break;
	}
	dj = json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS);
	if (!dj || strlen(dj) >= sizeof s->detail) {
		free(dj);
		rc = err_add(e, ERR_INPUT, 0, "detail", NULL, NULL, "the step's detail is too long");
		goto out;
	}
	snprintf(s->detail, sizeof s->detail, "%s", dj);
	free(dj);
	if ((rc = store_adm_step_insert(a->st, s, e)))
		goto out;
	apply_step(a, &c, s);
	/* A recognition or a favourable ruling: official from the end of probation; an
	 * unfavourable ruling: removed from the rolls with the reason and the decision. */
	if (c.stage == AST_OFFICIAL && was.stage != AST_OFFICIAL && c.member_id) {
		char why[300];

		snprintf(why, sizeof why, "admission case %lld: %s %s", (long long)id,
			 adm_step_name(s->kind), s->number);
		if ((rc = make_official(a, ac, &c, s->on, why, e)))
			goto out;
	} else if (c.stage == AST_REMOVED && c.member_id) {
		char why[600], reason[400];

		detail_str(s->detail, "reason", reason, sizeof reason);
		snprintf(why, sizeof why, "%s (decision %s, admission case %lld)", reason, s->number,
			 (long long)id);
		if ((rc = app_member_status_tx(a, ac, c.member_id, MS_REMOVED, s->on, why, e)))
			goto out;
	}
	if (!h.days && (rc = app_holidays_load(a, &h, e)))
		goto out;
	next_due(a, &c, &h, k.grassroots_cell);
	if ((rc = store_adm_update(a->st, &c, e)))
		goto out;
	snprintf(subject, sizeof subject, "admission:%lld", (long long)id);
	snprintf(action, sizeof action, "admission.%s", adm_step_name(s->kind));
	after = app_json("{s:s,s:s,s:s,s:o,s:s,s:o,s:I}", "date", date_format(s->on, d1), "org",
			 s->org_code, "stage", adm_stage_name(c.stage), "passed",
			 s->passed < 0 ? json_null() : json_boolean(s->passed), "number", s->number,
			 "detail", detail_obj(s->detail), "member_id", (json_int_t)c.member_id);
	rc = app_audit(a, ac, action, subject, k.cell.id, NULL, after, e);
	free(after);
	if (!rc && out)
		*out = c;
out:
	app_holidays_cleanup(&h);
	rc = app_end(a, rc, e);
done:
	json_decref(detail);
	return rc;
}

enum err_code app_adm_step(struct app *a, const struct actor *ac, int64_t id,
			   struct adm_step *s, struct admission *out, struct err *e)
{
	return adm_step(a, ac, id, 0, s, out, e);
}

enum err_code app_adm_step_member(struct app *a, const struct actor *ac, int64_t member_id,
				  struct adm_step *s, struct admission *out, struct err *e)
{
	return adm_step(a, ac, 0, member_id, s, out, e);
}

/* app_adm_of_member inside the caller's transaction. */
static enum err_code of_member_tx(struct app *a, const struct actor *ac, int64_t member_id,
				  struct admission *c, struct err *e)
{
	struct member m;
	struct name_keys nk;
	struct adm_step s;
	struct app_holidays h = {0};
	struct err tmp;
	enum err_code rc;
	long spre, slast;
	char subject[40], *after;

	name_keys_init(&nk);
	if ((rc = app_scope(a, ac, &spre, &slast, e)))
		goto out;
	err_init(&tmp);
	if (store_member_get(a->st, member_id, &m, &tmp) || !app_member_visible(a, spre, slast, &m)) {
		err_cleanup(&tmp);
		rc = err_add(e, ERR_NOTFOUND, 0, "id", NULL, NULL,
			     "no member has the id %lld; 'cadre member search NAME' finds ids",
			     (long long)member_id);
		goto out;
	}
	err_cleanup(&tmp);
	err_init(&tmp);
	rc = store_adm_by_member(a->st, member_id, c, &tmp);
	if (rc == ERR_STORAGE)
		err_merge(e, &tmp);
	err_cleanup(&tmp);
	if (rc != ERR_NOTFOUND) {
		if (!rc)
			rc = case_lookup(a, ac, c->id, c, e);
		goto out;
	}
	rc = ERR_OK;
	if (m.status != MS_PROBATIONARY) {
		rc = err_add(e, ERR_RULE, 0, "id", NULL, NULL,
			     "member %lld is %s: a case is opened only for a probationary member",
			     (long long)member_id, err_tr(member_status_name(m.status)));
		goto out;
	}
	if ((rc = app_can_edit(ac, e)))
		goto out;
	memset(c, 0, sizeof *c);
	c->p = m;
	c->source = ASRC_OTHER;
	c->listed_on = c->stage_since = m.admission_ceremony_date;
	c->stage = AST_PROBATION;
	c->member_id = m.id;
	c->decision_on = m.admission_decision_date;
	c->ceremony_on = m.admission_ceremony_date;
	c->cell_vote_on = DATE_NONE;
	snprintf(c->recorded_by, sizeof c->recorded_by, "%s", ac->name);
	if ((rc = app_holidays_load(a, &h, e)))
		goto out;
	next_due(a, c, &h, 0);
	if (name_keys_compute(&nk, &c->p)) {
		rc = err_set(e, ERR_INTERNAL, "cannot compute the name keys");
		goto out;
	}
	if ((rc = store_adm_insert(a->st, c, &nk.k, e)))
		goto out;
	memset(&s, 0, sizeof s);
	s.admission_id = c->id;
	s.kind = ASK_LISTED;
	s.on = c->listed_on;
	s.org_id = m.org_id;
	s.passed = -1;
	s.eligible = s.present = s.votes_for = s.votes_against = -1;
	snprintf(s.detail, sizeof s.detail,
		 "{\"member_id\":%lld,\"opened_at\":\"probation\"}", (long long)m.id);
	snprintf(s.recorded_by, sizeof s.recorded_by, "%s", ac->name);
	if ((rc = store_adm_step_insert(a->st, &s, e)))
		goto out;
	snprintf(subject, sizeof subject, "admission:%lld", (long long)c->id);
	after = app_json("{s:I,s:s,s:s}", "member_id", (json_int_t)m.id, "org", m.org_code,
			 "stage", "probation");
	rc = app_audit(a, ac, "admission.add", subject, m.org_id, NULL, after, e);
	free(after);
out:
	app_holidays_cleanup(&h);
	name_keys_cleanup(&nk);
	return rc;
}

enum err_code app_adm_of_member(struct app *a, const struct actor *ac, int64_t member_id,
				struct admission *c, struct err *e)
{
	enum err_code rc;

	if ((rc = app_begin(a, e)))
		return rc;
	rc = of_member_tx(a, ac, member_id, c, e);
	return app_end(a, rc, e);
}

/* ---- lists, the due list and the board ------------------------------------------------- */

struct adm_vec {
	struct admission *v;
	size_t n, cap;
};

static void adm_push(struct adm_vec *l, const struct admission *c)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = *c;
}

static int adm_take(void *ctx, const struct admission *c)
{
	adm_push(ctx, c);
	return 0;
}

enum err_code app_adm_list(struct app *a, const struct actor *ac, const char *org_code,
			   int stage, long offset, long limit, adm_cb cb, void *ctx, long *total,
			   struct err *e)
{
	struct adm_vec l = {0};
	struct app_holidays h = {0};
	enum err_code rc;
	long pre, last;
	size_t i;

	if (stage > AST__COUNT)
		return err_add(e, ERR_INPUT, 0, "stage", NULL, NULL, "no such stage");
	if ((rc = store_read_begin(a->st, e)))
		return rc;
	if (!(rc = app_subtree(a, ac, org_code, 1, &pre, &last, e)) &&
	    !(rc = app_holidays_load(a, &h, e)) &&
	    !(rc = store_adm_list(a->st, pre, last, stage, offset, limit, adm_take, &l, total, e)))
		for (i = 0; i < l.n && !rc; i++)
			rc = fill_due(a, &l.v[i], &h, e);
	store_read_end(a->st);
	for (i = 0; i < l.n && !rc; i++)
		if (cb(ctx, &l.v[i]))
			break;
	app_holidays_cleanup(&h);
	free(l.v);
	return rc;
}

/* The case as it stood on date d, replayed from its steps up to d; 0 when it did not exist
 * yet. */
static enum err_code case_as_of(struct app *a, struct admission *c, date_t d,
				const struct app_holidays *h, int *existed, struct err *e)
{
	struct step_vec l = {0};
	struct admission r;
	struct case_orgs k;
	size_t i;

	*existed = 0;
	if (store_adm_steps(a->st, c->id, steps_take, &l, e)) {
		free(l.v);
		return e->code;
	}
	r = *c;
	r.stage = AST_CANDIDATE;
	r.failed_votes = 0;
	r.mentor_id = 0;
	r.decision_on = r.ceremony_on = r.cell_vote_on = DATE_NONE;
	for (i = 0; i < l.n && l.v[i].on <= d; i++) {
		*existed = 1;
		apply_step(a, &r, &l.v[i]);
	}
	free(l.v);
	if (!*existed)
		return ERR_OK;
	if (r.stage == AST_PROBATION && r.ceremony_on == DATE_NONE)
		r.ceremony_on = c->ceremony_on; /* opened for a probationary member */
	if (case_orgs_of(a, r.p.org_id, &k, e))
		return e->code;
	next_due(a, &r, h, k.grassroots_cell);
	*c = r;
	return ERR_OK;
}

/* The first status change recorded after a date: what the member's status was before it. */
struct status_after {
	date_t d;
	int found;
	char from[24];
};

static int first_status_after(void *ctx, const struct member_event *ev)
{
	struct status_after *f = ctx;

	if (strcmp(ev->kind, "status") != 0 || ev->date <= f->d)
		return 0;
	detail_str(ev->detail, "from", f->from, sizeof f->from);
	f->found = 1;
	return 1;
}

/* Whether member m was a probationer on the past date d as the rolls recorded it then: the
 * status its first status change after d left (a recognition voted after d leaves
 * probationary, though its status history counts it official from the end of probation),
 * else its status today. */
static enum err_code probationary_on(struct app *a, const struct member *m, date_t d, int *yes,
				     struct err *e)
{
	struct status_after f = {d, 0, ""};

	if (store_member_events(a->st, m->id, first_status_after, &f, e))
		return e->code;
	*yes = f.found ? !strcmp(f.from, member_status_name(MS_PROBATIONARY))
		       : m->status == MS_PROBATIONARY;
	return ERR_OK;
}

/* The cases kept in [pre, last] on the past date d, as they stood then (replayed from their
 * steps): those that existed then and whose cell that day lies in [pre, last] (moved in or
 * out since, too), in list order. */
static enum err_code cases_as_of(struct app *a, long pre, long last, date_t d,
				 const struct app_holidays *h, struct adm_vec *out, struct err *e)
{
	struct adm_vec all = {0};
	enum err_code rc;
	size_t i;

	rc = store_adm_list_since(a->st, pre, last, d, adm_take, &all, e);
	for (i = 0; i < all.n && !rc; i++) {
		struct org o;
		int64_t now = all.v[i].p.org_id;
		int existed;

		if ((rc = case_as_of(a, &all.v[i], d, h, &existed, e)))
			break;
		if (!existed)
			continue;
		/* A case moved after d was where its cell was that day (in the subtree or not). */
		if (all.v[i].p.org_id != now &&
		    ((rc = store_org_by_id(a->st, all.v[i].p.org_id, &o, e)) || o.pre < pre ||
		     o.pre > last))
			continue;
		adm_push(out, &all.v[i]);
	}
	free(all.v);
	return rc;
}

enum err_code app_adm_list_as_of(struct app *a, const struct actor *ac, const char *org_code,
				 int stage, date_t as_of, long offset, long limit, adm_cb cb,
				 void *ctx, long *total, struct err *e)
{
	struct adm_vec l = {0};
	struct app_holidays h = {0};
	enum err_code rc;
	long pre, last, n = 0;
	size_t i;

	as_of = app_date(a, as_of);
	if (as_of >= a->today)
		return app_adm_list(a, ac, org_code, stage, offset, limit, cb, ctx, total, e);
	if (stage > AST__COUNT)
		return err_add(e, ERR_INPUT, 0, "stage", NULL, NULL, "no such stage");
	if ((rc = store_read_begin(a->st, e)))
		return rc;
	if (!(rc = app_subtree(a, ac, org_code, 1, &pre, &last, e)) &&
	    !(rc = app_holidays_load(a, &h, e)))
		rc = cases_as_of(a, pre, last, as_of, &h, &l, e);
	store_read_end(a->st);
	for (i = 0; i < l.n && !rc; i++) {
		const struct admission *c = &l.v[i];

		if (stage < 0 ? adm_stage_closed(c->stage)
			      : stage < AST__COUNT && c->stage != (enum adm_stage)stage)
			continue;
		if (n++ < offset || (limit > 0 && n > offset + limit))
			continue;
		if (cb(ctx, c))
			break;
	}
	if (total && !rc) {
		/* Counted to the end, even past the page the callback took. */
		for (n = 0, i = 0; i < l.n; i++)
			n += stage < 0 ? !adm_stage_closed(l.v[i].stage)
				       : stage == AST__COUNT || l.v[i].stage == (enum adm_stage)stage;
		*total = n;
	}
	app_holidays_cleanup(&h);
	free(l.v);
	return rc;
}

static int due_cmp(const void *x, const void *y)
{
	/* entries of the kept list: pointers into the list read (2 KiB rows are not moved) */
	const struct admission *p = *(struct admission *const *)x, *q = *(struct admission *const *)y;

	if (p->due_on != q->due_on)
		return p->due_on < q->due_on ? -1 : 1;
	if (p->id != q->id)
		return p->id < q->id ? -1 : 1;
	return (p->member_id > q->member_id) - (p->member_id < q->member_id);
}

/* Everything due in [pre, last] as of as_of, sorted by due_on, into out. */
/* What is due in the subtree on as_of: *all receives the cases and probationers read (the
 * caller frees all->v), *keep (the caller frees it) n_keep pointers into it, those shown on the
 * due list, in due order. */
static enum err_code due_list(struct app *a, long pre, long last, date_t as_of,
			      const struct app_holidays *h, struct adm_vec *all,
			      struct admission ***keep, size_t *n_keep, struct err *e)
{
	struct adm_vec l = {0};
	size_t n = 0;
	enum err_code rc;
	long cd = 0, vd = 0, months = 0;
	date_t until, cer_until;
	size_t i;

	ruleset_int(&a->rules, R_ADMIT_CEREMONY_WORKING_DAYS, as_of, &cd);
	ruleset_int(&a->rules, R_PROBATION_VOTE_WORKING_DAYS, as_of, &vd);
	ruleset_int(&a->rules, R_PROBATION_MONTHS, as_of, &months);
	/* Due items show from their due_from, at most the working days before their due_on:
	 * read a little more from the index and keep exactly those shown by as_of. */
	until = as_of + (date_t)((cd > vd ? cd : vd) * 2 + 60);
	cer_until = date_add_months(as_of, -(int)months) + 3;
	if (as_of >= a->today) {
		rc = store_adm_due(a->st, pre, last, until, cer_until, adm_take, &l, e);
	} else {
		/* A past date: the cases replayed from their steps up to it, and the probationers
		 * without a case on the rolls that day (recognised or gone since, too). */
		struct adm_vec past = {0};

		rc = cases_as_of(a, pre, last, as_of, h, &l, e);
		if (!rc)
			rc = store_adm_probationers_on(a->st, pre, last, as_of,
						       cer_until < as_of ? cer_until : as_of,
						       adm_take, &past, e);
		for (i = 0; i < past.n && !rc; i++) {
			int yes = 0;

			if (!(rc = probationary_on(a, &past.v[i].p, as_of, &yes, e)) && yes)
				adm_push(&l, &past.v[i]);
		}
		free(past.v);
	}
	for (i = 0; i < l.n && !rc; i++) {
		struct admission *c = &l.v[i];

		if (c->id && as_of >= a->today)
			rc = fill_due(a, c, h, e);
		else if (!c->id)
			next_due(a, c, h, 0);
		if (!rc && c->due_kind != DK_NONE && c->due_from != DATE_NONE && c->due_from <= as_of)
			n++;
	}
	*all = l;
	*keep = NULL;
	*n_keep = 0;
	if (rc || !n)
		return rc;
	*keep = xcalloc(n, sizeof **keep);
	for (i = 0; i < l.n; i++) {
		struct admission *c = &l.v[i];

		if (c->due_kind != DK_NONE && c->due_from != DATE_NONE && c->due_from <= as_of)
			(*keep)[(*n_keep)++] = c;
	}
	qsort(*keep, *n_keep, sizeof **keep, due_cmp);
	return rc;
}

/* ---- the due list from the indexes ----------------------------------------------------- */

struct key_vec {
	struct adm_due_key *v;
	size_t n, cap;
};

/* Whether a cell is a grassroots organisation's only level (its vote goes straight to the
 * committee above), cached by organisation for one due list. */
struct gcell_cache {
	int64_t *id;
	signed char *yes;
	size_t cap, n; /* cap a power of two, kept at least twice n */
};

static void gcell_put(struct gcell_cache *g, int64_t org_id, int yes)
{
	size_t i;

	for (i = (size_t)org_id & (g->cap - 1); g->id[i]; i = (i + 1) & (g->cap - 1))
		;
	g->id[i] = org_id;
	g->yes[i] = (signed char)yes;
	g->n++;
}

static enum err_code gcell_of(struct app *a, struct gcell_cache *g, int64_t org_id, int *yes,
			      struct err *e)
{
	struct case_orgs k;
	size_t i;

	if ((g->n + 1) * 2 > g->cap) {
		struct gcell_cache old = *g;

		g->cap = old.cap ? old.cap * 2 : 256;
		g->n = 0;
		g->id = xcalloc(g->cap, sizeof *g->id);
		g->yes = xcalloc(g->cap, 1);
		for (i = 0; i < old.cap; i++)
			if (old.id[i])
				gcell_put(g, old.id[i], old.yes[i]);
		free(old.id);
		free(old.yes);
	}
	for (i = (size_t)org_id & (g->cap - 1); g->id[i]; i = (i + 1) & (g->cap - 1))
		if (g->id[i] == org_id) {
			*yes = g->yes[i];
			return ERR_OK;
		}
	if (case_orgs_of(a, org_id, &k, e))
		return e->code;
	*yes = k.grassroots_cell;
	gcell_put(g, org_id, *yes);
	return ERR_OK;
}

/* next_due's answer for a stage and the date it counts from (a decision's for a ceremony, a
 * ceremony's for a recognition), remembered: the country's keys share a few hundred dates,
 * and each answer counts working days past the holidays. Direct-mapped by the date. */
#define DUE_MEMO 1024
struct due_memo {
	int stage[DUE_MEMO];
	date_t from[DUE_MEMO];
	int kind[DUE_MEMO];
	date_t due_on[DUE_MEMO], due_from[DUE_MEMO];
};

struct key_env {
	struct admission c; /* scratch for next_due */
	struct due_memo m;
	struct app *a;
	const struct app_holidays *h;
	struct gcell_cache g;
	struct key_vec *out;
	date_t as_of;
	size_t seen;
	struct err *e;
	enum err_code rc;
};

/* The fields of a key onto c, whose other fields the caller has cleared once (a case is 2 KiB:
 * not cleared again for each of the country's 50,000 keys). */
static void key_to_case(const struct adm_due_key *k, struct admission *c)
{
	c->id = k->id;
	c->member_id = k->member_id;
	c->p.id = k->id ? 0 : k->member_id;
	c->p.org_id = k->org_id;
	c->stage = (enum adm_stage)k->stage;
	c->stage_since = k->stage_since;
	c->decision_on = k->decision_on;
	c->ceremony_on = k->ceremony_on;
	c->cell_vote_on = DATE_NONE;
	c->due_kind = k->due_kind;
	c->due_on = k->due_on;
	c->due_from = k->due_from;
}

/* Each key: its next deadline as fill_due computes it (next_due, the grassroots cell from the
 * cache), kept when it shows on the list by as_of. */
static int key_take(void *ctx, const struct adm_due_key *k)
{
	struct key_env *x = ctx;
	struct admission *c = &x->c;
	int gc = 0;

	key_to_case(k, c);
	if (c->stage == AST_DECIDED || c->stage == AST_PROBATION) {
		date_t from = c->stage == AST_DECIDED ? c->decision_on : c->ceremony_on;
		size_t slot = (size_t)((uint32_t)from % DUE_MEMO);

		if (x->m.stage[slot] == (int)c->stage + 1 && x->m.from[slot] == from) {
			c->due_kind = x->m.kind[slot];
			c->due_on = x->m.due_on[slot];
			c->due_from = x->m.due_from[slot];
		} else {
			next_due(x->a, c, x->h, 0);
			x->m.stage[slot] = (int)c->stage + 1;
			x->m.from[slot] = from;
			x->m.kind[slot] = c->due_kind;
			x->m.due_on[slot] = c->due_on;
			x->m.due_from[slot] = c->due_from;
		}
	} else {
		if (c->id && c->stage == AST_CELL_PASSED &&
		    (x->rc = gcell_of(x->a, &x->g, k->org_id, &gc, x->e)))
			return 1;
		next_due(x->a, c, x->h, gc);
	}
	if (c->due_kind == DK_NONE || c->due_from == DATE_NONE || c->due_from > x->as_of)
		return 0;
	if (x->out->n == x->out->cap) {
		x->out->cap = x->out->cap ? x->out->cap * 2 : 64;
		x->out->v = xrealloc(x->out->v, x->out->cap * sizeof *x->out->v);
	}
	x->out->v[x->out->n] = *k;
	x->out->v[x->out->n].due_kind = c->due_kind;
	x->out->v[x->out->n].due_on = c->due_on;
	x->out->v[x->out->n].due_from = c->due_from;
	x->out->n++;
	return 0;
}

static int key_cmp(const void *x, const void *y)
{
	const struct adm_due_key *p = x, *q = y;

	if (p->due_on != q->due_on)
		return p->due_on < q->due_on ? -1 : 1;
	if (p->id != q->id)
		return p->id < q->id ? -1 : 1;
	return (p->member_id > q->member_id) - (p->member_id < q->member_id);
}

/* Today's due list of [pre, last] as keys, in due order (due_list's window and rules). */
static enum err_code due_keys(struct app *a, long pre, long last, date_t as_of,
			      const struct app_holidays *h, struct key_vec *out, struct err *e)
{
	struct key_env x;
	long cd = 0, vd = 0, months = 0;
	enum err_code rc;

	memset(&x, 0, sizeof x); /* once: x.c is the scratch case */
	x.a = a;
	x.h = h;
	x.out = out;
	x.as_of = as_of;
	x.e = e;
	ruleset_int(&a->rules, R_ADMIT_CEREMONY_WORKING_DAYS, as_of, &cd);
	ruleset_int(&a->rules, R_PROBATION_VOTE_WORKING_DAYS, as_of, &vd);
	ruleset_int(&a->rules, R_PROBATION_MONTHS, as_of, &months);
	rc = store_adm_due_keys(a->st, pre, last, as_of + (date_t)((cd > vd ? cd : vd) * 2 + 60),
				date_add_months(as_of, -(int)months) + 3, key_take, &x, e);
	if (!rc)
		rc = x.rc;
	free(x.g.id);
	free(x.g.yes);
	if (!rc && out->n)
		qsort(out->v, out->n, sizeof *out->v, key_cmp);
	return rc;
}

/* Key k read in full: the case (or the probationer) with its deadline from the key. */
static enum err_code key_read(struct app *a, const struct adm_due_key *k, struct admission *c,
			      struct err *e)
{
	enum err_code rc;
	long pre = 0;

	if (k->id)
		rc = store_adm_get(a->st, k->id, c, &pre, e);
	else
		rc = store_adm_probationer_get(a->st, k->member_id, c, e);
	if (rc)
		return rc;
	c->due_kind = k->due_kind;
	c->due_on = k->due_on;
	c->due_from = k->due_from;
	return ERR_OK;
}

enum err_code app_adm_due_sel(struct app *a, const struct actor *ac, const char *org_code,
			      date_t as_of, adm_cb sel, adm_cb cb, void *ctx, struct err *e)
{
	struct key_vec keys = {0};
	struct adm_vec l = {0};
	struct admission **keep = NULL;
	struct app_holidays h = {0};
	unsigned char *take = NULL;
	enum err_code rc;
	long pre, last;
	size_t i, n = 0;
	int v = 0;

	as_of = app_date(a, as_of);
	if ((rc = store_read_begin(a->st, e)))
		return rc;
	if ((rc = app_subtree(a, ac, org_code, 1, &pre, &last, e)) ||
	    (rc = app_holidays_load(a, &h, e)))
		goto out;
	if (as_of < a->today) {
		/* A past date: every item replayed whole (due_list). */
		if ((rc = due_list(a, pre, last, as_of, &h, &l, &keep, &n, e)))
			goto out;
		take = xcalloc(n ? n : 1, 1);
		for (i = 0; i < n && v != ADM_SEL_STOP; i++)
			if ((v = sel(ctx, keep[i])) == ADM_SEL_TAKE)
				take[i] = 1;
		store_read_end(a->st);
		for (i = 0; cb && i < n && !rc; i++)
			if (take[i] && cb(ctx, keep[i]))
				break;
		goto done;
	}
	if ((rc = due_keys(a, pre, last, as_of, &h, &keys, e)))
		goto out;
	take = xcalloc(keys.n ? keys.n : 1, 1);
	{
		struct admission *c = xcalloc(1, sizeof *c);

		for (i = 0; i < keys.n && v != ADM_SEL_STOP; i++) {
			key_to_case(&keys.v[i], c);
			if ((v = sel(ctx, c)) == ADM_SEL_TAKE)
				take[i] = 1;
		}
		free(c);
	}
	/* The items taken read whole inside the same read transaction; cb gets them after it
	 * (a callback may read the store itself). */
	for (i = 0; cb && i < keys.n && !rc; i++) {
		struct admission c;

		if (take[i] && !(rc = key_read(a, &keys.v[i], &c, e)))
			adm_push(&l, &c);
	}
	store_read_end(a->st);
	for (i = 0; cb && i < l.n && !rc; i++)
		if (cb(ctx, &l.v[i]))
			break;
	goto done;
out:
	store_read_end(a->st);
done:
	app_holidays_cleanup(&h);
	free(take);
	free(keys.v);
	free(keep);
	free(l.v);
	return rc;
}

static int sel_all(void *ctx, const struct admission *c)
{
	(void)ctx;
	(void)c;
	return ADM_SEL_TAKE;
}

enum err_code app_adm_due(struct app *a, const struct actor *ac, const char *org_code,
			  date_t as_of, adm_cb cb, void *ctx, struct err *e)
{
	return app_adm_due_sel(a, ac, org_code, as_of, sel_all, cb, ctx, e);
}

enum err_code app_adm_board(struct app *a, const struct actor *ac, const char *org_code,
			    date_t as_of, struct adm_board *b, struct err *e)
{
	struct adm_vec l = {0};
	struct app_holidays h = {0};
	enum err_code rc;
	long pre, last;
	size_t i;

	memset(b, 0, sizeof *b);
	as_of = app_date(a, as_of);
	if ((rc = store_read_begin(a->st, e)))
		return rc;
	/* As of a past date every case is replayed from its steps up to it. */
	if (!(rc = app_subtree(a, ac, org_code, 1, &pre, &last, e)) &&
	    !(rc = app_holidays_load(a, &h, e)) &&
	    !(rc = as_of < a->today
			   ? cases_as_of(a, pre, last, as_of, &h, &l, e)
			   : store_adm_list(a->st, pre, last, -1, 0, 0, adm_take, &l, NULL, e)))
		for (i = 0; i < l.n && !rc; i++) {
			struct admission *c = &l.v[i];

			if (as_of >= a->today && (rc = fill_due(a, c, &h, e)))
				break;
			if (adm_stage_closed(c->stage))
				continue;
			b->count[c->stage]++;
			if (adm_overdue(c, as_of))
				b->overdue[c->stage]++;
		}
	store_read_end(a->st);
	app_holidays_cleanup(&h);
	free(l.v);
	return rc;
}

/* ---- where admissions meet the rest ----------------------------------------------------- */

/* Record a step the system makes (a transfer, a closing) on case c, inside the caller's
 * transaction, with its audit entry. */
static enum err_code system_step(struct app *a, const struct actor *ac, struct admission *c,
				 enum adm_step_kind kind, const struct org *org, date_t date,
				 const char *detail, struct err *e)
{
	struct adm_step s;
	struct app_holidays h = {0};
	struct case_orgs k;
	enum err_code rc;
	char subject[40], action[48], d1[DATE_STR], *after;

	memset(&s, 0, sizeof s);
	s.admission_id = c->id;
	s.kind = kind;
	s.on = date < c->stage_since ? c->stage_since : date;
	s.org_id = org->id;
	snprintf(s.org_code, sizeof s.org_code, "%s", org->code);
	s.passed = -1;
	s.eligible = s.present = s.votes_for = s.votes_against = -1;
	snprintf(s.detail, sizeof s.detail, "%s", detail);
	snprintf(s.recorded_by, sizeof s.recorded_by, "%s", ac->name);
	if ((rc = store_adm_step_insert(a->st, &s, e)))
		return rc;
	apply_step(a, c, &s);
	if ((rc = case_orgs_of(a, c->p.org_id, &k, e)) || (rc = app_holidays_load(a, &h, e)))
		return rc;
	next_due(a, c, &h, k.grassroots_cell);
	app_holidays_cleanup(&h);
	if ((rc = store_adm_update(a->st, c, e)))
		return rc;
	snprintf(subject, sizeof subject, "admission:%lld", (long long)c->id);
	snprintf(action, sizeof action, "admission.%s", adm_step_name(kind));
	after = app_json("{s:s,s:s,s:s,s:o}", "date", date_format(s.on, d1), "org", org->code,
			 "stage", adm_stage_name(c->stage), "detail", detail_obj(s.detail));
	rc = app_audit(a, ac, action, subject, c->p.org_id, NULL, after, e);
	free(after);
	return rc;
}

static enum err_code transfer_case(struct app *a, const struct actor *ac, struct admission *c,
				   const struct org *to, date_t date, const char *why,
				   struct err *e)
{
	char *detail;
	enum err_code rc;

	if (c->p.org_id == to->id || adm_stage_closed(c->stage))
		return ERR_OK;
	detail = app_json("{s:s,s:s}", "from", c->p.org_code, "reason", why ? why : "");
	rc = system_step(a, ac, c, ASK_TRANSFER, to, date, detail ? detail : "{}", e);
	free(detail);
	return rc;
}

enum err_code app_adm_follow_member(struct app *a, const struct actor *ac,
				    const struct member *m, const struct org *to, date_t date,
				    const char *why, struct err *e)
{
	struct admission c;
	struct err tmp;
	enum err_code rc;

	err_init(&tmp);
	rc = store_adm_by_member(a->st, m->id, &c, &tmp);
	if (rc == ERR_STORAGE)
		err_merge(e, &tmp);
	err_cleanup(&tmp);
	if (rc == ERR_NOTFOUND)
		return ERR_OK;
	if (rc)
		return rc;
	return transfer_case(a, ac, &c, to, date, why, e);
}

enum err_code app_adm_org_moved(struct app *a, const struct actor *ac, const struct org *from,
				const struct org *to, date_t date, const char *why, struct err *e)
{
	struct adm_vec l = {0};
	enum err_code rc;
	size_t i;

	rc = store_adm_open_at(a->st, from->id, adm_take, &l, e);
	if (!rc && !to && l.n)
		rc = err_add(e, ERR_RULE, 0, "code", from->code, NULL,
			     "'%s' keeps %zu open admission cases (first: %lld); give where they "
			     "go, or close them first", from->code, l.n, (long long)l.v[0].id);
	for (i = 0; i < l.n && !rc && to; i++)
		rc = transfer_case(a, ac, &l.v[i], to, date, why, e);
	free(l.v);
	return rc;
}

enum err_code app_adm_member_status(struct app *a, const struct actor *ac, int64_t member_id,
				    enum member_status status, date_t date, const char *why,
				    struct err *e)
{
	struct admission c;
	struct org cell;
	struct err tmp;
	enum err_code rc;
	const char *as;
	char *detail;

	if (status == MS_EXEMPT || status == MS_SUSPENDED || status == MS_PROBATIONARY)
		return ERR_OK;
	err_init(&tmp);
	rc = store_adm_by_member(a->st, member_id, &c, &tmp);
	if (rc == ERR_STORAGE)
		err_merge(e, &tmp);
	err_cleanup(&tmp);
	if (rc == ERR_NOTFOUND)
		return ERR_OK;
	if (rc)
		return rc;
	if (adm_stage_closed(c.stage))
		return ERR_OK;
	as = status == MS_OFFICIAL					 ? "official"
	     : status == MS_REMOVED || status == MS_EXPELLED ? "removed"
							     : "withdrawn";
	if ((rc = store_org_by_id(a->st, c.p.org_id, &cell, e)))
		return rc;
	detail = app_json("{s:s,s:s,s:s}", "closes_as", as, "member_status",
			  member_status_name(status), "reason", why ? why : "");
	rc = system_step(a, ac, &c, ASK_WITHDRAWAL, &cell, date, detail ? detail : "{}", e);
	free(detail);
	return rc;
}

/* ---- JSON ------------------------------------------------------------------------------ */

static json_t *json_count(long v)
{
	return v < 0 ? json_null() : json_integer(v);
}

json_t *app_adm_json(const struct admission *c, date_t as_of)
{
	static const char *const fields[] = {
		"ethnicity", "religion", "hometown", "citizen_id", "education", "theory_level",
		"rank", "category", "post", "phone", NULL,
	};
	json_t *j = json_object();
	size_t i;

	json_object_set_new(j, "id", json_integer(c->id));
	json_object_set_new(j, "org", json_string(c->p.org_code));
	json_object_set_new(j, "name", json_string(c->p.full_name));
	json_object_set_new(j, "sex", json_string(c->p.sex));
	json_object_set_new(j, "birth_date", json_date(c->p.birth_date));
	for (i = 0; fields[i]; i++) {
		size_t cap;
		const char *v = member_text_field((struct member *)(uintptr_t)&c->p, fields[i], &cap);

		json_object_set_new(j, fields[i], json_string(v ? v : ""));
	}
	json_object_set_new(j, "source", json_string(adm_source_name(c->source)));
	json_object_set_new(j, "listed_on", json_date(c->listed_on));
	json_object_set_new(j, "stage", json_string(adm_stage_name(c->stage)));
	json_object_set_new(j, "stage_since", json_date(c->stage_since));
	json_object_set_new(j, "closed", json_boolean(adm_stage_closed(c->stage)));
	json_object_set_new(j, "failed_votes", json_integer(c->failed_votes));
	json_object_set_new(j, "member_id", json_integer(c->member_id));
	json_object_set_new(j, "former_member_id", json_integer(c->former_member_id));
	json_object_set_new(j, "mentor_id", json_integer(c->mentor_id));
	json_object_set_new(j, "decision_date", json_date(c->decision_on));
	json_object_set_new(j, "ceremony_date", json_date(c->ceremony_on));
	json_object_set_new(j, "cell_vote_date", json_date(c->cell_vote_on));
	if (c->due_kind != DK_NONE)
		json_object_set_new(j, "due",
				    json_pack("{s:s,s:o,s:o,s:b}", "kind", adm_due_name(c->due_kind),
					      "from", json_date(c->due_from), "on",
					      json_date(c->due_on), "overdue", adm_overdue(c, as_of)));
	else
		json_object_set_new(j, "due", json_null());
	return j;
}

json_t *app_adm_step_json(const struct adm_step *s)
{
	json_t *j = json_object(), *in = json_array(), *d;
	int i;

	json_object_set_new(j, "id", json_integer(s->id));
	json_object_set_new(j, "step", json_string(adm_step_name(s->kind)));
	json_object_set_new(j, "date", json_date(s->on));
	json_object_set_new(j, "org", json_string(s->org_code));
	json_object_set_new(j, "passed", s->passed < 0 ? json_null() : json_boolean(s->passed));
	json_object_set_new(j, "eligible", json_count(s->eligible));
	json_object_set_new(j, "present", json_count(s->present));
	json_object_set_new(j, "for", json_count(s->votes_for));
	json_object_set_new(j, "against", json_count(s->votes_against));
	json_object_set_new(j, "number", json_string(s->number));
	d = json_loads(s->detail[0] ? s->detail : "{}", 0, NULL);
	json_object_set_new(j, "detail", json_is_object(d) ? d : json_object());
	if (d && !json_is_object(d))
		json_decref(d);
	for (i = 0; i < s->n_intro; i++)
		json_array_append_new(in, json_pack("{s:I,s:s,s:o,s:s}", "member_id",
						    (json_int_t)s->intro[i].member_id, "name",
						    s->intro[i].name, "worked_since",
						    json_date(s->intro[i].worked_since), "resolution",
						    s->intro[i].resolution));
	json_object_set_new(j, "introducers", in);
	json_object_set_new(j, "mentor_id", json_integer(s->mentor_id));
	json_object_set_new(j, "rules", json_string(s->rules));
	json_object_set_new(j, "recorded_by", json_string(s->recorded_by));
	json_object_set_new(j, "recorded_at", json_string(s->recorded_at));
	return j;
}
