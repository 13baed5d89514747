/* app_insp.c - inspection and supervision: programmes and their items, cases opened from
 * them or outside them, each step of a case with its history, lists and exports, the CSV
 * imports of past records. Every call needs the inspection right (app_inspection_check). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/text.h"
#include "app_insp.h"
#include "app_int.h"

/* ---- JSON ---------------------------------------------------------------------------- */

static json_t *date_or_null(date_t d)
{
	char s[DATE_STR];

	return d == DATE_NONE ? json_null() : json_string(date_format(d, s));
}

static json_t *id_or_null(int64_t id)
{
	return id ? json_integer((json_int_t)id) : json_null();
}

json_t *app_insp_programme_json(const struct insp_programme *p)
{
	return json_pack("{s:I,s:s,s:s,s:s,s:i,s:s,s:s,s:o,s:s,s:I,s:I}", "id", (json_int_t)p->id,
			 "org", p->org_code, "org_name", p->org_name, "body",
			 insp_body_name(p->body), "year", p->year, "kind", insp_pkind_name(p->kind),
			 "title", p->title, "approved_on", date_or_null(p->approved_on), "doc_no",
			 p->doc_no, "items", (json_int_t)p->items, "cases", (json_int_t)p->cases);
}

json_t *app_insp_item_json(const struct insp_item *it)
{
	return json_pack("{s:I,s:I,s:s,s:s,s:o,s:s,s:s,s:o,s:o,s:s,s:I}", "id", (json_int_t)it->id,
			 "programme_id", (json_int_t)it->programme_id, "org", it->org_code,
			 "org_name", it->org_name, "member_id", id_or_null(it->member_id),
			 "full_name", it->member_name, "kind", insp_kind_name(it->kind),
			 "planned_from", date_or_null(it->planned_from), "planned_to",
			 date_or_null(it->planned_to), "content", it->content, "cases",
			 (json_int_t)it->cases);
}

int app_insp_case_late(struct app *a, const struct insp_case *c)
{
	return c->state == IS_OPEN && c->period_to < app_date(a, DATE_NONE);
}

json_t *app_insp_case_json(struct app *a, const struct insp_case *c)
{
	json_t *j = json_pack(
		"{s:I,s:o,s:o,s:s,s:s,s:o,s:s,s:s,s:s,s:s,s:s,s:s,s:o,s:s,s:o,s:o,s:s,s:s,s:s}",
		"id", (json_int_t)c->id, "item_id", id_or_null(c->item_id), "programme_id",
		id_or_null(c->programme_id), "org", c->org_code, "org_name", c->org_name,
		"member_id", id_or_null(c->member_id), "full_name", c->member_name, "body_org",
		c->body_code, "body_org_name", c->body_name, "body", insp_body_name(c->body),
		"kind", insp_kind_name(c->kind), "decision_no", c->decision_no, "decision_on",
		date_or_null(c->decision_on), "team", c->team, "period_from",
		date_or_null(c->period_from), "period_to", date_or_null(c->period_to), "content",
		c->content, "findings", c->findings, "state", insp_state_name(c->state));

	if (!j)
		return NULL;
	json_object_set_new(j, "conclusion", c->conclusion == ICN_NONE
						     ? json_null()
						     : json_string(insp_conclusion_name(c->conclusion)));
	json_object_set_new(j, "concluded_on", date_or_null(c->concluded_on));
	json_object_set_new(j, "conclusion_no", json_string(c->conclusion_no));
	json_object_set_new(j, "proposal", json_string(c->proposal));
	json_object_set_new(j, "notice_no", json_string(c->notice_no));
	json_object_set_new(j, "notified_on", date_or_null(c->notified_on));
	json_object_set_new(j, "followup", json_string(c->followup));
	json_object_set_new(j, "followup_on", date_or_null(c->followup_on));
	json_object_set_new(j, "closed_on", date_or_null(c->closed_on));
	json_object_set_new(j, "late", json_boolean(app_insp_case_late(a, c)));
	return j;
}

json_t *app_insp_event_json(const struct insp_event *ev)
{
	return json_pack("{s:I,s:s,s:o,s:s,s:s,s:s,s:s}", "id", (json_int_t)ev->id, "state",
			 ev->state, "on", date_or_null(ev->on_date), "doc_no", ev->doc_no, "note",
			 ev->note, "by", ev->recorded_by, "at", ev->recorded_at);
}

/* j as compact text for the audit log (caller frees; j is released). */
static char *dump(json_t *j)
{
	char *s;

	if (!j) {
		app_json_failed();
		return NULL;
	}
	s = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	if (!s)
		app_json_failed();
	return s;
}

/* ---- inputs -------------------------------------------------------------------------- */

static int given(const char *v)
{
	return v && v[0];
}

/* A text field: required ones must be given. Returns 0 or -1 (a problem in e). */
static int text_in(const char *v, int required, size_t max, unsigned flags, char *dst,
		   size_t cap, long line, const char *field, const char *what, struct err *e)
{
	dst[0] = 0;
	if (!given(v)) {
		if (!required)
			return 0;
		err_add(e, ERR_INPUT, line, field, NULL, NULL, "give %s", err_tr(what));
		return -1;
	}
	return text_accept(v, max, flags, dst, cap, e, line, field, what) ? -1 : 0;
}

/* A record's id as typed (a whole number > 0); 0 when not given. */
static int id_in(const char *v, int64_t *id, long line, const char *field, struct err *e)
{
	long long n;
	char *end = NULL;

	*id = 0;
	if (!given(v))
		return 0;
	errno = 0;
	n = strtoll(v, &end, 10);
	if (*end || n <= 0 || errno) {
		err_add(e, ERR_INPUT, line, field, v, NULL, "%s is not an id (a whole number)", v);
		return -1;
	}
	*id = (int64_t)n;
	return 0;
}

/* Whether organisation o lies in the subtree of b (b itself counts when self). */
static int org_under(const struct org *b, const struct org *o, int self)
{
	if (b->id == o->id)
		return self;
	return o->pre > b->pre && o->pre <= b->last;
}

/* The target of an item or a case: an organisation by code or a member by id (exactly one),
 * visible and active; *org is the member's organisation for a member. */
static int target_in(struct app *a, const struct actor *ac, const char *org_code,
		     const char *member_text, long line, struct org *o, struct member *m,
		     struct err *e)
{
	int64_t mid = 0;
	struct err tmp;

	memset(m, 0, sizeof *m);
	memset(o, 0, sizeof *o);
	if (id_in(member_text, &mid, line, "member_id", e))
		return -1;
	if (given(org_code) && mid) {
		err_add(e, ERR_INPUT, line, "member_id", member_text, NULL,
			"give the target once: an organisation (org) or a member (member_id), not "
			"both");
		return -1;
	}
	if (!given(org_code) && !mid) {
		err_add(e, ERR_INPUT, line, "org", NULL, NULL,
			"give the target: an organisation (org) or a member (member_id)");
		return -1;
	}
	err_init(&tmp);
	if (mid) {
		if (app_member_get(a, ac, mid, m, &tmp) ||
		    store_org_by_id(a->st, m->org_id, o, &tmp)) {
			err_add(e, tmp.code ? tmp.code : ERR_INPUT, line,
				"member_id", member_text, NULL,
				"no member has the id %s within your scope", member_text);
			err_cleanup(&tmp);
			return -1;
		}
	} else if (app_org_lookup(a, ac, org_code, o, 1, "org", &tmp)) {
		err_add(e, tmp.code ? tmp.code : ERR_INPUT, line, "org", org_code,
			NULL, "%s", tmp.n ? tmp.items[0].msg : "no such organisation");
		err_cleanup(&tmp);
		return -1;
	}
	err_cleanup(&tmp);
	return 0;
}

/* The body b may act on target o (a member's organisation when member): its own
 * organisation or an ancestor, a proper ancestor for an organisation. */
static int body_covers(const struct org *b, const struct org *o, int member, long line,
		       const char *field, struct err *e)
{
	if (org_under(b, o, member))
		return 0;
	if (b->id == o->id)
		err_add(e, ERR_INPUT, line, field, b->code, NULL,
			"an organisation is inspected by a body above it: %s cannot be its own "
			"inspecting body",
			b->code);
	else
		err_add(e, ERR_INPUT, line, field, b->code, NULL,
			"%s is not above %s: the body must be the target's own organisation or "
			"one above it",
			b->code, o->code);
	return -1;
}

/* ---- programmes ---------------------------------------------------------------------- */

/* The programme id if its organisation lies in the actor's subtree. */
static enum err_code programme_lookup(struct app *a, const struct actor *ac, int64_t id,
				      struct insp_programme *p, struct err *e)
{
	long pre, last;
	struct org o;
	struct err tmp;
	int vis = 0;

	if (app_inspection_check(a, ac, 0, e) || app_scope(a, ac, &pre, &last, e))
		return e->code;
	err_init(&tmp);
	if (store_insp_programme_get(a->st, id, p, &tmp) == ERR_OK &&
	    store_org_by_id(a->st, p->org_id, &o, &tmp) == ERR_OK)
		vis = app_org_visible(a, pre, last, &o);
	if (tmp.code == ERR_STORAGE) {
		err_merge(e, &tmp);
		err_cleanup(&tmp);
		return e->code;
	}
	err_cleanup(&tmp);
	if (!vis)
		return err_add(e, ERR_NOTFOUND, 0, "id", NULL, NULL,
			       "no programme has the id %lld within your scope", (long long)id);
	return ERR_OK;
}

static enum err_code programme_add_tx(struct app *a, const struct actor *ac,
				      const struct insp_programme_in *in, long line,
				      struct insp_programme *p, struct err *e)
{
	struct org o;
	struct err tmp;
	date_t today = app_date(a, DATE_NONE);
	int64_t other = 0, y;
	int ty, dm_, dd_;
	char subject[48], *after;
	enum err_code rc;

	memset(p, 0, sizeof *p);
	p->approved_on = DATE_NONE;
	date_to_ymd(today, &ty, &dm_, &dd_);
	err_init(&tmp);
	if (!given(in->org))
		err_add(e, ERR_INPUT, line, "org", NULL, NULL,
			"give the organisation whose committee carries the programme");
	else if (app_org_lookup(a, ac, in->org, &o, 1, "org", &tmp))
		err_add(e, tmp.code ? tmp.code : ERR_INPUT, line, "org", in->org,
			NULL, "%s", tmp.n ? tmp.items[0].msg : "no such organisation");
	else
		p->org_id = o.id;
	err_cleanup(&tmp);
	if (!given(in->body) || insp_body_parse(in->body, &p->body))
		err_add(e, ERR_INPUT, line, "body", in->body, NULL,
			"the body is committee (the party committee) or inspection (its inspection "
			"committee)");
	if (!given(in->kind) || insp_pkind_parse(in->kind, &p->kind))
		err_add(e, ERR_INPUT, line, "kind", in->kind, NULL,
			"the kind of programme is inspection or supervision");
	if (id_in(in->year, &y, line, "year", e) == 0) {
		if (y < 2000 || y > ty + 1)
			err_add(e, ERR_INPUT, line, "year", in->year, NULL,
				"give the programme's year, from 2000 to %d", ty + 1);
		else
			p->year = (int)y;
	}
	text_in(in->title, 1, INSP_TITLE_MAX, 0, p->title, sizeof p->title, line, "title",
		"the programme's title", e);
	insp_docnum(in->doc_no, 0, p->doc_no, sizeof p->doc_no, line, "doc_no", e);
	if (insp_date_in(in->approved_on, &p->approved_on, line, "approved_on", e) == 0 &&
	    p->approved_on != DATE_NONE &&
	    insp_date_check(p->approved_on, 1, DATE_NONE, NULL, today, line, "approved_on",
			    "the approval", e) == 0 &&
	    p->year) {
		int ay;

		date_to_ymd(p->approved_on, &ay, &dm_, &dd_);
		if (ay < p->year - 1 || ay > p->year)
			err_add(e, ERR_INPUT, line, "approved_on", in->approved_on, NULL,
				"a programme of %d is approved in %d or at the end of %d", p->year,
				p->year, p->year - 1);
	}
	if (e->code)
		return e->code;
	if ((rc = store_insp_programme_find(a->st, p->org_id, p->body, p->year, p->kind, &other,
					    e)))
		return rc;
	if (other)
		return err_add(e, ERR_RULE, line, "year", in->year, NULL,
			       "%s already has its %s programme of %d (programme %lld): add items to "
			       "it",
			       o.code, insp_pkind_name(p->kind), p->year, (long long)other);
	if ((rc = store_insp_programme_insert(a->st, p, ac->name, e)))
		return rc;
	if ((rc = store_insp_programme_get(a->st, p->id, p, e)))
		return rc;
	snprintf(subject, sizeof subject, "inspection_programme:%lld", (long long)p->id);
	after = dump(app_insp_programme_json(p));
	rc = app_audit(a, ac, "inspection.programme.add", subject, p->org_id, NULL, after, e);
	free(after);
	return rc;
}

enum err_code app_insp_programme_add(struct app *a, const struct actor *ac,
				     const struct insp_programme_in *in, struct insp_programme *out,
				     struct err *e)
{
	struct insp_programme p;
	enum err_code rc;

	if (app_inspection_check(a, ac, 0, e) || app_can_edit(ac, e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	rc = programme_add_tx(a, ac, in, 0, &p, e);
	rc = app_end(a, rc, e);
	if (!rc && out)
		*out = p;
	return rc;
}

enum err_code app_insp_programme_get(struct app *a, const struct actor *ac, int64_t id,
				     struct insp_programme *p, struct err *e)
{
	char subject[48];

	if (programme_lookup(a, ac, id, p, e))
		return e->code;
	snprintf(subject, sizeof subject, "inspection_programme:%lld", (long long)id);
	return app_audit_read(a, ac, "inspection.programme.read", subject, p->org_id, e);
}

enum err_code app_insp_programme_items(struct app *a, const struct actor *ac, int64_t id,
				       store_insp_item_cb cb, void *ctx, struct err *e)
{
	struct insp_programme p;

	if (programme_lookup(a, ac, id, &p, e))
		return e->code;
	return store_insp_item_walk(a->st, id, cb, ctx, e);
}

enum err_code app_insp_programme_list(struct app *a, const struct actor *ac,
				      const struct insp_programme_query *q,
				      store_insp_programme_cb cb, void *ctx, struct err *e)
{
	struct insp_programme_filter f;
	enum insp_pkind k;
	enum insp_body b;

	memset(&f, 0, sizeof f);
	f.kind = f.body = -1;
	f.year = q->year;
	if (app_inspection_check(a, ac, 0, e))
		return e->code;
	if (given(q->kind)) {
		if (insp_pkind_parse(q->kind, &k))
			return err_add(e, ERR_USAGE, 0, "kind", q->kind, NULL,
				       "the kind of programme is inspection or supervision");
		f.kind = (int)k;
	}
	if (given(q->body)) {
		if (insp_body_parse(q->body, &b))
			return err_add(e, ERR_USAGE, 0, "body", q->body, NULL,
				       "the body is committee or inspection");
		f.body = (int)b;
	}
	if (app_subtree(a, ac, q->org, 1, &f.pre, &f.last, e))
		return e->code;
	return store_insp_programme_walk(a->st, &f, cb, ctx, e);
}

/* ---- items --------------------------------------------------------------------------- */

enum err_code app_insp_item_add(struct app *a, const struct actor *ac, int64_t programme_id,
				const struct insp_item_in *in, struct insp_item *out,
				struct err *e)
{
	struct insp_programme p;
	struct insp_item it;
	struct org po, o;
	struct member m;
	char subject[48], *after;
	enum err_code rc;
	int py, dm_, dd_;

	if (app_inspection_check(a, ac, 0, e) || app_can_edit(ac, e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	memset(&it, 0, sizeof it);
	if ((rc = programme_lookup(a, ac, programme_id, &p, e)) ||
	    (rc = store_org_by_id(a->st, p.org_id, &po, e)))
		goto out;
	it.programme_id = p.id;
	if (target_in(a, ac, in->org, in->member_id, 0, &o, &m, e) == 0 &&
	    body_covers(&po, &o, m.id != 0, 0, in->member_id && in->member_id[0] ? "member_id"
										: "org",
			e) == 0) {
		it.org_id = o.id;
		it.member_id = m.id;
	}
	if (!given(in->kind) || insp_kind_parse(in->kind, &it.kind))
		err_add(e, ERR_INPUT, 0, "kind", in->kind, NULL,
			"the kind is one of plan, signs, regular, thematic, discipline_exec, "
			"finance");
	else if (!insp_kind_fits(p.kind, it.kind))
		err_add(e, ERR_INPUT, 0, "kind", in->kind, NULL,
			"a programme of %s takes items of kind %s", insp_pkind_name(p.kind),
			insp_kinds_of(p.kind));
	text_in(in->content, 1, INSP_CONTENT_MAX, TEXT_LINES, it.content, sizeof it.content, 0,
		"content", "the content", e);
	if (insp_date_in(in->from, &it.planned_from, 0, "from", e) == 0 &&
	    it.planned_from == DATE_NONE)
		err_add(e, ERR_INPUT, 0, "from", NULL, NULL,
			"give the planned start (YYYY-MM-DD)");
	else if (it.planned_from != DATE_NONE) {
		date_to_ymd(it.planned_from, &py, &dm_, &dd_);
		if (py != p.year)
			err_add(e, ERR_INPUT, 0, "from", in->from, NULL,
				"the item of a programme of %d is planned in %d", p.year, p.year);
	}
	if (insp_date_in(in->to, &it.planned_to, 0, "to", e) == 0) {
		if (it.planned_to == DATE_NONE)
			err_add(e, ERR_INPUT, 0, "to", NULL, NULL,
				"give the planned end (YYYY-MM-DD)");
		else if (it.planned_from != DATE_NONE && it.planned_to < it.planned_from)
			err_add(e, ERR_INPUT, 0, "to", in->to, NULL,
				"the planned end is before the planned start");
	}
	if ((rc = e->code))
		goto out;
	if ((rc = store_insp_item_insert(a->st, &it, ac->name, e)) ||
	    (rc = store_insp_item_get(a->st, it.id, &it, e)))
		goto out;
	snprintf(subject, sizeof subject, "inspection_item:%lld", (long long)it.id);
	after = dump(app_insp_item_json(&it));
	rc = app_audit(a, ac, "inspection.item.add", subject, it.org_id, NULL, after, e);
	free(after);
out:
	rc = app_end(a, rc, e);
	if (!rc && out)
		*out = it;
	return rc;
}

enum err_code app_insp_item_remove(struct app *a, const struct actor *ac, int64_t id,
				   struct err *e)
{
	struct insp_programme p;
	struct insp_item it;
	struct err tmp;
	char subject[48], *before;
	enum err_code rc;

	if (app_inspection_check(a, ac, 0, e) || app_can_edit(ac, e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	err_init(&tmp);
	if (store_insp_item_get(a->st, id, &it, &tmp) || it.deleted ||
	    programme_lookup(a, ac, it.programme_id, &p, &tmp)) {
		if (tmp.code == ERR_STORAGE || tmp.code == ERR_DENIED)
			err_merge(e, &tmp);
		else
			err_add(e, ERR_NOTFOUND, 0, "id", NULL, NULL,
				"no programme item has the id %lld within your scope",
				(long long)id);
		err_cleanup(&tmp);
		rc = e->code;
		goto out;
	}
	err_cleanup(&tmp);
	if (it.cases) {
		rc = err_add(e, ERR_RULE, 0, "id", NULL, NULL,
			     "a case was opened from item %lld: it stays in the programme",
			     (long long)id);
		goto out;
	}
	if ((rc = store_insp_item_delete(a->st, id, e)))
		goto out;
	snprintf(subject, sizeof subject, "inspection_item:%lld", (long long)id);
	before = dump(app_insp_item_json(&it));
	rc = app_audit(a, ac, "inspection.item.remove", subject, it.org_id, before, NULL, e);
	free(before);
out:
	return app_end(a, rc, e);
}

/* ---- cases --------------------------------------------------------------------------- */

/* The case id if its target's organisation lies in the actor's subtree. */
static enum err_code case_lookup(struct app *a, const struct actor *ac, int64_t id,
				 struct insp_case *c, struct err *e)
{
	long pre, last;
	struct org o;
	struct err tmp;
	int vis = 0;

	if (app_inspection_check(a, ac, 0, e) || app_scope(a, ac, &pre, &last, e))
		return e->code;
	err_init(&tmp);
	if (store_insp_case_get(a->st, id, c, &tmp) == ERR_OK &&
	    store_org_by_id(a->st, c->org_id, &o, &tmp) == ERR_OK)
		vis = app_org_visible(a, pre, last, &o);
	if (tmp.code == ERR_STORAGE) {
		err_merge(e, &tmp);
		err_cleanup(&tmp);
		return e->code;
	}
	err_cleanup(&tmp);
	if (!vis)
		return err_add(e, ERR_NOTFOUND, 0, "id", NULL, NULL,
			       "no case has the id %lld within your scope", (long long)id);
	return ERR_OK;
}

static enum err_code add_event(struct app *a, const struct actor *ac, int64_t case_id,
			       const char *state, date_t on, const char *doc_no, const char *note,
			       struct err *e)
{
	struct insp_event ev;

	memset(&ev, 0, sizeof ev);
	ev.case_id = case_id;
	snprintf(ev.state, sizeof ev.state, "%s", state);
	ev.on_date = on;
	snprintf(ev.doc_no, sizeof ev.doc_no, "%s", doc_no ? doc_no : "");
	snprintf(ev.note, sizeof ev.note, "%s", note ? note : "");
	return store_insp_event_insert(a->st, &ev, ac->name, e);
}

static enum err_code open_tx(struct app *a, const struct actor *ac,
			     const struct insp_open_in *in, long line, int since_2020,
			     struct insp_case *c, struct err *e)
{
	struct org b, o;
	struct member m;
	struct err tmp;
	date_t today = app_date(a, DATE_NONE);
	int64_t item_id = 0, other = 0;
	char subject[48], *after;
	enum err_code rc;

	memset(c, 0, sizeof *c);
	memset(&b, 0, sizeof b);
	c->decision_on = c->period_from = c->period_to = DATE_NONE;
	c->concluded_on = c->notified_on = c->followup_on = c->closed_on = DATE_NONE;
	c->state = IS_OPEN;
	if (id_in(in->item_id, &item_id, line, "item_id", e))
		return e->code;
	err_init(&tmp);
	if (item_id) {
		struct insp_item it;
		struct insp_programme p;
		static const char *const names[] = {"org", "member_id", "body_org", "body", "kind"};
		const char *vals[5];
		int i;

		vals[0] = in->org;
		vals[1] = in->member_id;
		vals[2] = in->body_org;
		vals[3] = in->body;
		vals[4] = in->kind;
		for (i = 0; i < 5; i++)
			if (given(vals[i]))
				err_add(e, ERR_INPUT, line, names[i], vals[i], NULL,
					"a case opened from an item takes its target, kind and body "
					"from the item: leave %s out",
					names[i]);
		if (store_insp_item_get(a->st, item_id, &it, &tmp) || it.deleted ||
		    programme_lookup(a, ac, it.programme_id, &p, &tmp) ||
		    store_org_by_id(a->st, p.org_id, &b, &tmp)) {
			if (tmp.code == ERR_STORAGE || tmp.code == ERR_DENIED)
				err_merge(e, &tmp);
			else
				err_add(e, ERR_NOTFOUND, line, "item_id", in->item_id, NULL,
					"no programme item has the id %s within your scope",
					in->item_id);
			err_cleanup(&tmp);
			return e->code;
		}
		c->item_id = it.id;
		c->org_id = it.org_id;
		c->member_id = it.member_id;
		c->kind = it.kind;
		c->body = p.body;
		c->body_org_id = p.org_id;
	} else {
		if (target_in(a, ac, in->org, in->member_id, line, &o, &m, e) == 0) {
			c->org_id = o.id;
			c->member_id = m.id;
		}
		if (!given(in->body_org))
			err_add(e, ERR_INPUT, line, "body_org", NULL, NULL,
				"give the organisation whose committee or inspection committee "
				"decided (body_org)");
		else if (app_org_lookup(a, ac, in->body_org, &b, 0, "body_org", &tmp))
			err_add(e, tmp.code ? tmp.code : ERR_INPUT, line,
				"body_org", in->body_org, NULL, "%s",
				tmp.n ? tmp.items[0].msg : "no such organisation");
		else if (c->org_id)
			body_covers(&b, &o, m.id != 0, line, "body_org", e);
		c->body_org_id = b.id;
		if (!given(in->body) || insp_body_parse(in->body, &c->body))
			err_add(e, ERR_INPUT, line, "body", in->body, NULL,
				"the body is committee (the party committee) or inspection (its "
				"inspection committee)");
		if (!given(in->kind) || insp_kind_parse(in->kind, &c->kind))
			err_add(e, ERR_INPUT, line, "kind", in->kind, NULL,
				"the kind is one of plan, signs, regular, thematic, "
				"discipline_exec, finance");
	}
	err_cleanup(&tmp);
	insp_docnum(in->decision_no, 1, c->decision_no, sizeof c->decision_no, line,
		    "decision_no", e);
	if (insp_date_in(in->decision_on, &c->decision_on, line, "decision_on", e) == 0 &&
	    insp_date_check(c->decision_on, 1, DATE_NONE, NULL, today, line, "decision_on",
			    "the decision opening the case", e) == 0 &&
	    since_2020 && c->decision_on < date_from_ymd(2020, 1, 1))
		err_add(e, ERR_INPUT, line, "decision_on", in->decision_on, NULL,
			"past cases are imported from 2020 on");
	if (insp_date_in(in->from, &c->period_from, line, "from", e) == 0)
		insp_date_check(c->period_from, 1, c->decision_on, "the decision opening the case",
				DATE_NONE, line, "from", "the start of the case", e);
	if (insp_date_in(in->to, &c->period_to, line, "to", e) == 0)
		insp_date_check(c->period_to, 1, c->period_from, "the start of the case",
				DATE_NONE, line, "to", "the end of the case", e);
	text_in(in->team, 0, INSP_TEAM_MAX, 0, c->team, sizeof c->team, line, "team", "the team",
		e);
	text_in(in->content, 0, INSP_CONTENT_MAX, TEXT_LINES, c->content, sizeof c->content,
		line, "content", "the content", e);
	if (e->code)
		return e->code;
	if ((rc = store_insp_case_find(a->st, c->body_org_id, c->decision_no, &other, e)))
		return rc;
	if (other)
		return err_add(e, ERR_RULE, line, "decision_no", c->decision_no, NULL,
			       "decision %s of %s already opened case %lld", c->decision_no,
			       b.code, (long long)other);
	if ((rc = store_insp_case_insert(a->st, c, ac->name, e)) ||
	    (rc = add_event(a, ac, c->id, "open", c->decision_on, c->decision_no, c->content,
			    e)) ||
	    (rc = store_insp_case_get(a->st, c->id, c, e)))
		return rc;
	snprintf(subject, sizeof subject, "inspection_case:%lld", (long long)c->id);
	after = dump(app_insp_case_json(a, c));
	rc = app_audit(a, ac, "inspection.case.open", subject, c->org_id, NULL, after, e);
	free(after);
	return rc;
}

enum err_code app_insp_case_open(struct app *a, const struct actor *ac,
				 const struct insp_open_in *in, struct insp_case *out,
				 struct err *e)
{
	struct insp_case c;
	enum err_code rc;

	if (app_inspection_check(a, ac, 0, e) || app_can_edit(ac, e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	rc = open_tx(a, ac, in, 0, 0, &c, e);
	rc = app_end(a, rc, e);
	if (!rc && out)
		*out = c;
	return rc;
}

/* The proposal of a violation_discipline conclusion: a form the target may receive. */
static void proposal_in(struct insp_case *c, const char *v, long line, struct err *e)
{
	int f;

	if (c->conclusion != ICN_VIOLATION_DISCIPLINE) {
		if (given(v))
			err_add(e, ERR_INPUT, line, "proposal", v, NULL,
				"a proposal of discipline goes with the conclusion "
				"violation_discipline only");
		return;
	}
	if (!given(v) || (f = discipline_form_parse(v)) < 0) {
		err_add(e, ERR_INPUT, line, "proposal", v, NULL,
			"give the proposed form of discipline: reprimand, warning, removal, "
			"expulsion (members) or dissolution (organisations)");
		return;
	}
	if (c->member_id ? f == DF_DISSOLUTION : (f == DF_REMOVAL || f == DF_EXPULSION)) {
		err_add(e, ERR_INPUT, line, "proposal", v, "R-DISCIPLINE-FORMS",
			c->member_id ? "a member is not dissolved: propose reprimand, warning, "
				       "removal or expulsion"
				     : "an organisation is disciplined by reprimand, warning or "
				       "dissolution");
		return;
	}
	snprintf(c->proposal, sizeof c->proposal, "%s",
		 discipline_form_name((enum discipline_form)f));
}

static enum err_code step_tx(struct app *a, const struct actor *ac, struct insp_case *c,
			     enum insp_action act, const struct insp_step_in *in, long line,
			     struct err *e)
{
	date_t today = app_date(a, DATE_NONE), on = DATE_NONE;
	char subject[48], doc[INSP_DOC_MAX] = "", note[INSP_NOTE_MAX + 1] = "";
	char *before, *after;
	const char *state = insp_state_name(insp_action_to(act));
	enum err_code rc;

	if (insp_action_check(c->state, act, e))
		return e->code;
	before = dump(app_insp_case_json(a, c));
	insp_date_in(in->on, &on, line, "on", e);
	switch (act) {
	case IA_CONCLUDE:
		text_in(in->findings, 0, INSP_FINDINGS_MAX, TEXT_LINES, c->findings,
			sizeof c->findings, line, "findings", "the findings", e);
		if (!given(in->conclusion) || insp_conclusion_parse(in->conclusion, &c->conclusion))
			err_add(e, ERR_INPUT, line, "conclusion", in->conclusion, NULL,
				"the conclusion is no_violation, violation or "
				"violation_discipline");
		else
			proposal_in(c, in->proposal, line, e);
		insp_docnum(in->doc_no, 0, c->conclusion_no, sizeof c->conclusion_no, line,
			    "doc_no", e);
		insp_date_check(on, 1, c->decision_on,
				"the decision opening the case", today, line, "on",
				"the conclusion", e);
		c->concluded_on = on;
		snprintf(doc, sizeof doc, "%s", c->conclusion_no);
		snprintf(note, sizeof note, "%s%s%s", insp_conclusion_name(c->conclusion),
			 c->proposal[0] ? ": " : "", c->proposal);
		break;
	case IA_NOTIFY:
		insp_docnum(in->doc_no, 1, c->notice_no, sizeof c->notice_no, line, "doc_no", e);
		insp_date_check(on, 1, c->concluded_on, "the conclusion", today, line, "on",
				"the notice", e);
		c->notified_on = on;
		snprintf(doc, sizeof doc, "%s", c->notice_no);
		text_in(in->text, 0, INSP_NOTE_MAX, TEXT_LINES, note, sizeof note, line, "text",
			"the note", e);
		break;
	case IA_FOLLOWUP:
		text_in(in->text, 1, INSP_NOTE_MAX, TEXT_LINES, c->followup, sizeof c->followup,
			line, "text", "the follow-up of the conclusions", e);
		insp_date_check(on, 1, c->followup_on != DATE_NONE ? c->followup_on : c->notified_on,
				c->followup_on != DATE_NONE ? "the last follow-up" : "the notice",
				today, line, "on", "the follow-up", e);
		c->followup_on = on;
		snprintf(note, sizeof note, "%s", c->followup);
		break;
	default:
		text_in(in->text, 0, INSP_NOTE_MAX, TEXT_LINES, note, sizeof note, line, "text",
			"the note", e);
		insp_date_check(on, 1, c->followup_on != DATE_NONE ? c->followup_on : c->notified_on,
				c->followup_on != DATE_NONE ? "the last follow-up" : "the notice",
				today, line, "on", "the closing", e);
		break;
	}
	if (e->code) {
		free(before);
		return e->code;
	}
	c->state = insp_action_to(act);
	if ((rc = store_insp_case_update(a->st, c, e)) ||
	    (rc = add_event(a, ac, c->id, act == IA_FOLLOWUP ? "followup" : state, on, doc, note,
			    e)) ||
	    (rc = store_insp_case_get(a->st, c->id, c, e))) {
		free(before);
		return rc;
	}
	after = dump(app_insp_case_json(a, c));
	snprintf(subject, sizeof subject, "inspection_case:%lld", (long long)c->id);
	{
		char action[48];

		snprintf(action, sizeof action, "inspection.case.%s", insp_action_name(act));
		rc = app_audit(a, ac, action, subject, c->org_id, before, after, e);
	}
	free(before);
	free(after);
	return rc;
}

enum err_code app_insp_case_step(struct app *a, const struct actor *ac, int64_t id,
				 enum insp_action act, const struct insp_step_in *in,
				 struct insp_case *out, struct err *e)
{
	struct insp_case c;
	enum err_code rc;

	if (app_inspection_check(a, ac, 0, e) || app_can_edit(ac, e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	if (!(rc = case_lookup(a, ac, id, &c, e)))
		rc = step_tx(a, ac, &c, act, in, 0, e);
	rc = app_end(a, rc, e);
	if (!rc && out)
		*out = c;
	return rc;
}

enum err_code app_insp_case_get(struct app *a, const struct actor *ac, int64_t id,
				struct insp_case *c, struct err *e)
{
	char subject[48];

	if (case_lookup(a, ac, id, c, e))
		return e->code;
	snprintf(subject, sizeof subject, "inspection_case:%lld", (long long)id);
	return app_audit_read(a, ac, "inspection.case.read", subject, c->org_id, e);
}

enum err_code app_insp_case_history(struct app *a, const struct actor *ac, int64_t id,
				    store_insp_event_cb cb, void *ctx, struct err *e)
{
	struct insp_case c;

	if (case_lookup(a, ac, id, &c, e))
		return e->code;
	return store_insp_event_walk(a->st, id, cb, ctx, e);
}

struct count_ctx {
	store_insp_case_cb cb;
	void *ctx;
	long rows;
};

static int count_row(void *ctx, const struct insp_case *c)
{
	struct count_ctx *x = ctx;

	x->rows++;
	return x->cb(x->ctx, c);
}

enum err_code app_insp_case_list(struct app *a, const struct actor *ac,
				 const struct insp_case_query *q, store_insp_case_cb cb, void *ctx,
				 struct err *e)
{
	struct insp_case_filter f;
	struct count_ctx x = {cb, ctx, 0};
	enum insp_kind k;
	enum insp_state s;

	memset(&f, 0, sizeof f);
	f.kind = f.state = -1;
	if (app_inspection_check(a, ac, 0, e))
		return e->code;
	if (given(q->kind)) {
		if (insp_kind_parse(q->kind, &k))
			return err_add(e, ERR_USAGE, 0, "kind", q->kind, NULL,
				       "the kind is one of plan, signs, regular, thematic, "
				       "discipline_exec, finance");
		f.kind = (int)k;
	}
	if (given(q->state)) {
		if (insp_state_parse(q->state, &s))
			return err_add(e, ERR_USAGE, 0, "state", q->state, NULL,
				       "the state is open, concluded, notified or closed");
		f.state = (int)s;
	}
	if (q->year && (q->year < 1900 || q->year > 2199))
		return err_add(e, ERR_USAGE, 0, "year", NULL, NULL, "the year is from 1900 to 2199");
	f.year = q->year;
	f.late = q->late;
	f.today = app_date(a, DATE_NONE);
	f.programme_id = q->programme_id;
	f.item_id = q->item_id;
	if (app_subtree(a, ac, q->org, 1, &f.pre, &f.last, e))
		return e->code;
	if (store_insp_case_walk(a->st, &f, count_row, &x, e))
		return e->code;
	return app_audit_bulk(a, ac, "inspection.case.list", given(q->org) ? q->org : NULL, x.rows,
			      NULL, NULL, e);
}

static const char *const export_cols[] = {
	"id", "org", "member_id", "full_name", "body_org", "body", "kind", "decision_no",
	"decision_on", "from", "to", "team", "state", "conclusion", "proposal", "concluded_on",
	"conclusion_no", "notice_no", "notified_on", "late", NULL,
};

struct export_ctx {
	struct app *a;
	struct table_out *t;
};

static int export_row(void *ctx, const struct insp_case *c)
{
	struct export_ctx *x = ctx;
	char d[DATE_STR];

	table_out_int(x->t, c->id);
	table_out_text(x->t, c->org_code);
	if (c->member_id)
		table_out_int(x->t, c->member_id);
	else
		table_out_text(x->t, "");
	table_out_text(x->t, c->member_name);
	table_out_text(x->t, c->body_code);
	table_out_text(x->t, insp_body_name(c->body));
	table_out_text(x->t, insp_kind_name(c->kind));
	table_out_text(x->t, c->decision_no);
	table_out_text(x->t, date_format(c->decision_on, d));
	table_out_text(x->t, date_format(c->period_from, d));
	table_out_text(x->t, date_format(c->period_to, d));
	table_out_text(x->t, c->team);
	table_out_text(x->t, insp_state_name(c->state));
	table_out_text(x->t, insp_conclusion_name(c->conclusion));
	table_out_text(x->t, c->proposal);
	table_out_text(x->t, date_format(c->concluded_on, d));
	table_out_text(x->t, c->conclusion_no);
	table_out_text(x->t, c->notice_no);
	table_out_text(x->t, date_format(c->notified_on, d));
	table_out_text(x->t, app_insp_case_late(x->a, c) ? "yes" : "");
	table_out_row(x->t);
	return 0;
}

enum err_code app_insp_case_export(struct app *a, const struct actor *ac,
				   const struct insp_case_query *q, enum table_format f, int *fd,
				   long long *len, struct err *e)
{
	struct export_ctx x;
	const char *const *col;
	enum err_code rc;

	*fd = -1;
	*len = 0;
	x.a = a;
	if (app_inspection_check(a, ac, 0, e))
		return e->code;
	if (!(x.t = table_out_new(f, "cases", e)))
		return e->code;
	for (col = export_cols; *col; col++)
		table_out_text(x.t, *col);
	table_out_row(x.t);
	rc = app_insp_case_list(a, ac, q, export_row, &x, e);
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

enum err_code app_insp_case_export_file(struct app *a, const struct actor *ac,
					const struct insp_case_query *q, enum table_format f,
					const char *path, struct err *e)
{
	long long len;
	int fd;

	if (app_insp_case_export(a, ac, q, f, &fd, &len, e))
		return e->code;
	return table_out_save(fd, path, e);
}

/* ---- imports ------------------------------------------------------------------------- */

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

static const char *const prog_names[] = {"org", "body", "year", "kind", "title", "approved_on",
					 "doc_no", NULL};
static const char *const prog_required[] = {"org", "body", "year", "kind", "title", NULL};

static const char *const case_names[] = {
	"body_org", "body", "decision_no", "decision_on", "org", "member_id", "kind", "team",
	"from", "to", "content", "findings", "conclusion", "proposal", "concluded_on",
	"conclusion_no", "notice_no", "notified_on", "followup", "followup_on", "closed_on", NULL,
};
static const char *const case_required[] = {"body_org", "body", "decision_no", "decision_on",
					    "kind", "from", "to", NULL};
enum {
	CC_BODY_ORG, CC_BODY, CC_DECISION_NO, CC_DECISION_ON, CC_ORG, CC_MEMBER, CC_KIND, CC_TEAM,
	CC_FROM, CC_TO, CC_CONTENT, CC_FINDINGS, CC_CONCLUSION, CC_PROPOSAL, CC_CONCLUDED_ON,
	CC_CONCLUSION_NO, CC_NOTICE_NO, CC_NOTIFIED_ON, CC_FOLLOWUP, CC_FOLLOWUP_ON, CC_CLOSED_ON
};

static void programme_row(struct app *a, const struct actor *ac, const struct csv_columns *c,
			  const struct csv_record *r, struct err *row)
{
	struct insp_programme_in in;
	struct insp_programme p;
	int y;

	in.org = app_csv_col(c, r, 0);
	in.body = app_csv_col(c, r, 1);
	in.year = app_csv_col(c, r, 2);
	in.kind = app_csv_col(c, r, 3);
	in.title = app_csv_col(c, r, 4);
	in.approved_on = app_csv_col(c, r, 5);
	in.doc_no = app_csv_col(c, r, 6);
	y = (int)strtol(in.year, NULL, 10);
	if (given(in.year) && y > 0 && y < 2020) {
		err_add(row, ERR_INPUT, r->line, "year", in.year, NULL,
			"past programmes are imported from 2020 on");
		return;
	}
	programme_add_tx(a, ac, &in, r->line, &p, row);
}

static void case_row(struct app *a, const struct actor *ac, const struct csv_columns *c,
		     const struct csv_record *r, struct err *row)
{
	struct insp_open_in in;
	struct insp_step_in st;
	struct insp_case k;

	memset(&in, 0, sizeof in);
	in.body_org = app_csv_col(c, r, CC_BODY_ORG);
	in.body = app_csv_col(c, r, CC_BODY);
	in.decision_no = app_csv_col(c, r, CC_DECISION_NO);
	in.decision_on = app_csv_col(c, r, CC_DECISION_ON);
	in.org = app_csv_col(c, r, CC_ORG);
	in.member_id = app_csv_col(c, r, CC_MEMBER);
	in.kind = app_csv_col(c, r, CC_KIND);
	in.team = app_csv_col(c, r, CC_TEAM);
	in.from = app_csv_col(c, r, CC_FROM);
	in.to = app_csv_col(c, r, CC_TO);
	in.content = app_csv_col(c, r, CC_CONTENT);
	if (open_tx(a, ac, &in, r->line, 1, &k, row))
		return;
	memset(&st, 0, sizeof st);
	st.on = app_csv_col(c, r, CC_CONCLUDED_ON);
	st.conclusion = app_csv_col(c, r, CC_CONCLUSION);
	st.findings = app_csv_col(c, r, CC_FINDINGS);
	st.proposal = app_csv_col(c, r, CC_PROPOSAL);
	st.doc_no = app_csv_col(c, r, CC_CONCLUSION_NO);
	if (!given(st.conclusion) && !given(st.on)) {
		static const int later[] = {CC_PROPOSAL, CC_CONCLUSION_NO, CC_NOTICE_NO,
					    CC_NOTIFIED_ON, CC_FOLLOWUP, CC_FOLLOWUP_ON, CC_CLOSED_ON};
		size_t i;

		for (i = 0; i < sizeof later / sizeof later[0]; i++)
			if (given(app_csv_col(c, r, later[i])))
				err_add(row, ERR_INPUT, r->line, case_names[later[i]],
					app_csv_col(c, r, later[i]), NULL,
					"the case has no conclusion: give conclusion and "
					"concluded_on first");
		return;
	}
	if (step_tx(a, ac, &k, IA_CONCLUDE, &st, r->line, row))
		return;
	memset(&st, 0, sizeof st);
	st.on = app_csv_col(c, r, CC_NOTIFIED_ON);
	st.doc_no = app_csv_col(c, r, CC_NOTICE_NO);
	if (!given(st.on) && !given(st.doc_no)) {
		if (given(app_csv_col(c, r, CC_FOLLOWUP)) || given(app_csv_col(c, r, CC_CLOSED_ON)))
			err_add(row, ERR_INPUT, r->line, "notified_on", NULL, NULL,
				"the conclusion was not notified: give notice_no and notified_on "
				"before a follow-up or a closing");
		return;
	}
	if (step_tx(a, ac, &k, IA_NOTIFY, &st, r->line, row))
		return;
	memset(&st, 0, sizeof st);
	st.text = app_csv_col(c, r, CC_FOLLOWUP);
	st.on = app_csv_col(c, r, CC_FOLLOWUP_ON);
	if ((given(st.text) || given(st.on)) && step_tx(a, ac, &k, IA_FOLLOWUP, &st, r->line, row))
		return;
	memset(&st, 0, sizeof st);
	st.on = app_csv_col(c, r, CC_CLOSED_ON);
	if (given(st.on))
		step_tx(a, ac, &k, IA_CLOSE, &st, r->line, row);
}

typedef void (*row_fn)(struct app *a, const struct actor *ac, const struct csv_columns *c,
		       const struct csv_record *r, struct err *row);

static enum err_code import_csv(struct app *a, const struct actor *ac, const char *what,
				const char *const *names, const char *const *required, row_fn fn,
				const struct import_opts *opts, struct import_result *res,
				struct err *e)
{
	struct csv_columns cols;
	struct csv_reader *rd;
	struct csv_record rec;
	struct csv_error ce;
	struct err row;
	char subject[300], action[48], *after;
	enum err_code rc;
	int got, once, fatal = 0;
	long pre, last;

	memset(res, 0, sizeof *res);
	memset(&cols, 0, sizeof cols);
	cols.names = names;
	cols.required = required;
	if (opts->rejects)
		return err_add(e, ERR_USAGE, 0, "skip-bad", NULL, NULL,
			       "%s are imported all or nothing: fix the bad rows instead of "
			       "skipping them",
			       what);
	if (app_inspection_check(a, ac, 0, e) || app_can_edit(ac, e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	once = app_import_once_check(a, ac, what, opts, res, e);
	if (once)
		return app_end(a, once > 0 ? ERR_OK : e->code ? e->code : ERR_STORAGE, e);
	err_init(&row);
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
		if (rec.nfields != cols.nfile)
			err_add(&row, ERR_INPUT, rec.line, NULL, NULL, NULL,
				"the row has %zu fields but the header has %zu; check for a "
				"missing or extra comma",
				rec.nfields, cols.nfile);
		else
			fn(a, ac, &cols, &rec, &row);
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
		err_add(e, ERR_INPUT, 0, NULL, NULL, NULL, "the file has a header but no rows");
	if (e->code || app_import_finish(a, ac, what, opts, res, e))
		goto done;
	snprintf(subject, sizeof subject, "file:%s", opts->in_name ? opts->in_name : "-");
	snprintf(action, sizeof action, "import.%s", what);
	after = app_json("{s:I,s:I}", "rows", (json_int_t)res->rows, "imported",
			 (json_int_t)res->imported);
	if (!app_scope(a, ac, &pre, &last, e)) {
		struct err tmp;
		struct org scope;

		err_init(&tmp);
		memset(&scope, 0, sizeof scope);
		if (ac->scope_code[0])
			store_org_by_code(a->st, ac->scope_code, &scope, &tmp);
		err_cleanup(&tmp);
		app_audit(a, ac, action, subject, scope.id, NULL, after, e);
	}
	free(after);
done:
	rc = app_end(a, e->code, e);
	if (rc)
		res->imported = 0;
	csv_reader_free(rd);
	err_cleanup(&row);
	return rc;
}

enum err_code app_import_programmes(struct app *a, const struct actor *ac,
				    const struct import_opts *opts, struct import_result *res,
				    struct err *e)
{
	return import_csv(a, ac, "programmes", prog_names, prog_required, programme_row, opts,
			  res, e);
}

enum err_code app_import_cases(struct app *a, const struct actor *ac,
			       const struct import_opts *opts, struct import_result *res,
			       struct err *e)
{
	return import_csv(a, ac, "cases", case_names, case_required, case_row, opts, res, e);
}
