/* app_study.c - documents and their study (app_study.h, docs/study.md): the register, plans,
 * sessions and attendance, confirmations, coverage and action programmes; each call checks
 * the actor's scope and role and writes its audit entry in the same transaction. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/account.h"
#include "../core/text.h"
#include "../core/vname.h"
#include "../lib/buf.h"
#include "../lib/mem.h"
#include "app_int.h"
#include "app_json.h"
#include "app_meeting.h"
#include "app_study.h"
#include "app_study_int.h"
#include "table_out.h"

static const char *const tiers[] = {"all", "regiment_up", "grassroots_members", "militia",
				    "reserve", NULL};

/* Whether the actor's scope sees a document of organisation [pre, last]: inside the scope,
 * or above it. */
static int doc_seen(long spre, long slast, const struct doc *d)
{
	return (d->org_pre >= spre && d->org_pre <= slast) ||
	       (d->org_pre <= spre && spre <= d->org_last);
}

static enum err_code doc_notfound(struct err *e, const char *ref)
{
	return err_add(e, ERR_NOTFOUND, 0, "document", ref, NULL,
		       "no document has the number or id '%s'; 'cadre doc list' lists them", ref);
}

/* A document by id or number, seen by the actor, inside a transaction or not. */
static enum err_code doc_find(struct app *a, const struct actor *ac, const char *ref,
			      struct doc *d, struct err *e)
{
	struct docnum dn;
	long spre, slast;
	enum err_code rc;
	char *end;
	long long id;

	if (app_scope(a, ac, &spre, &slast, e))
		return e->code;
	id = strtoll(ref, &end, 10);
	if (ref[0] >= '0' && ref[0] <= '9' && !*end && id > 0)
		rc = store_doc_get(a->st, (int64_t)id, d, e);
	else if (docnum_parse(ref, strlen(ref), &dn, NULL) == 0)
		rc = store_doc_by_number(a->st, dn.number, d, e);
	else
		rc = ERR_NOTFOUND;
	if (rc == ERR_NOTFOUND || (!rc && !doc_seen(spre, slast, d)))
		return doc_notfound(e, ref);
	return rc;
}

enum err_code app_doc_find(struct app *a, const struct actor *ac, const char *ref,
			   struct doc *d, struct err *e)
{
	return doc_find(a, ac, ref ? ref : "", d, e);
}

enum err_code app_doc_get(struct app *a, const struct actor *ac, int64_t id, struct doc *d,
			  struct err *e)
{
	char ref[24];

	snprintf(ref, sizeof ref, "%lld", (long long)id);
	return doc_find(a, ac, ref, d, e);
}

/* The organisation an action belongs to: org_code, else the actor's scope (the root for the
 * whole tree). */
static enum err_code org_or_scope(struct app *a, const struct actor *ac, const char *org_code,
				  struct org *o, const char *field, struct err *e)
{
	if (org_code && org_code[0])
		return app_org_lookup(a, ac, org_code, o, 1, field, e);
	if (ac->scope_code[0])
		return app_org_lookup(a, ac, ac->scope_code, o, 1, field, e);
	return err_add(e, ERR_USAGE, 0, field, NULL, NULL,
		       "say which organisation registers it: --org CODE");
}

/* Move the problems of src into dst, each with line when it names none. */
static void doc_row_problems(struct err *dst, struct err *src, long line)
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

/* doc_add_tx without the line: every problem into e. */
static enum err_code doc_add_body(struct app *a, const struct actor *ac, const char *number_text,
				  date_t issued_on, const char *title, const char *replaces,
				  const char *org_code, struct doc *d, struct err *e)
{
	struct docnum dn;
	struct docnum_error pe;
	struct org o;
	struct doc old;
	struct buf fold, f2;
	enum err_code rc;
	char nf[DOCNUM_MAX];
	const char *tn;

	memset(d, 0, sizeof *d);
	if (!number_text || !number_text[0])
		err_add(e, ERR_INPUT, 0, "number", NULL, NULL,
			"the number is required, as written on the document: 21-NQ/TW");
	else if (docnum_parse(number_text, strlen(number_text), &dn, &pe))
		err_add(e, ERR_INPUT, 0, "number", number_text, NULL,
			"the number '%s' cannot be read at byte %zu: expected %s", number_text,
			pe.offset, err_tr(pe.expected));
	if (!title || !title[0])
		err_add(e, ERR_INPUT, 0, "title", NULL, NULL, "the title is required");
	else
		text_accept(title, DOC_TITLE_MAX, 0, d->title, sizeof d->title, e, 0, "title",
			    "the title");
	if (issued_on == DATE_NONE)
		err_add(e, ERR_INPUT, 0, "issued_on", NULL, NULL,
			"the date of issue is required (YYYY-MM-DD)");
	else
		app_check_date(a, issued_on, "issued_on", e);
	if (e->code)
		return e->code;
	if ((rc = org_or_scope(a, ac, org_code, &o, "org", e)) || (rc = app_can_edit(ac, e)))
		return rc;
	if (replaces && replaces[0]) {
		if ((rc = doc_find(a, ac, replaces, &old, e))) {
			if (rc == ERR_NOTFOUND && e->n)
				snprintf(e->items[e->n - 1].field, sizeof e->items[e->n - 1].field,
					 "replaces");
			return rc;
		}
		d->replaces_id = old.id;
		snprintf(d->replaces_number, sizeof d->replaces_number, "%s", old.number);
	}
	if (store_doc_by_number_on(a->st, dn.number, issued_on, &old, e) == ERR_OK)
		return err_add(e, ERR_RULE, 0, "number", dn.number, NULL,
			       "document %s of that date is already registered (id %lld)",
			       dn.number, (long long)old.id);
	if (e->code)
		return e->code;
	snprintf(d->number, sizeof d->number, "%s", dn.number);
	snprintf(d->num, sizeof d->num, "%s", dn.num);
	snprintf(d->type, sizeof d->type, "%s", dn.type);
	snprintf(d->issuer, sizeof d->issuer, "%s", dn.issuer);
	d->issued_on = issued_on;
	d->org_id = o.id;
	snprintf(d->org_code, sizeof d->org_code, "%s", o.code);
	d->org_pre = o.pre;
	d->org_last = o.last;
	snprintf(d->recorded_by, sizeof d->recorded_by, "%s", ac->name);
	/* what search reads: the number folded, the type's names and the title folded */
	buf_init(&fold, 0);
	buf_init(&f2, 0);
	docnum_fold(d->number, nf, sizeof nf);
	tn = docnum_types[dn.type_index].vi;
	buf_printf(&fold, "%s %s %s %s %s", nf, tn, docnum_types[dn.type_index].en, d->title,
		   d->issuer);
	vname_fold(buf_str(&fold), &f2);
	rc = store_doc_insert(a->st, d, buf_str(&f2), e);
	buf_cleanup(&f2);
	buf_cleanup(&fold);
	return rc;
}

enum err_code doc_add_tx(struct app *a, const struct actor *ac, const char *number_text,
			 date_t issued_on, const char *title, const char *replaces,
			 const char *org_code, long line, struct doc *d, struct err *e)
{
	struct err tmp;
	enum err_code rc;

	if (line <= 0)
		return doc_add_body(a, ac, number_text, issued_on, title, replaces, org_code, d, e);
	err_init(&tmp);
	rc = doc_add_body(a, ac, number_text, issued_on, title, replaces, org_code, d, &tmp);
	doc_row_problems(e, &tmp, line);
	err_cleanup(&tmp);
	return rc;
}

enum err_code app_doc_add(struct app *a, const struct actor *ac, const char *number_text,
			  date_t issued_on, const char *title, const char *replaces,
			  const char *org_code, struct doc *d, struct err *e)
{
	enum err_code rc;
	char subject[40], *after;

	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = doc_add_tx(a, ac, number_text, issued_on, title, replaces, org_code, 0, d, e)))
		goto out;
	snprintf(subject, sizeof subject, "document:%lld", (long long)d->id);
	after = app_json("{s:s,s:s,s:s,s:I}", "number", d->number, "title", d->title, "org",
			 d->org_code, "replaces_id", (json_int_t)d->replaces_id);
	rc = app_audit(a, ac, "doc.add", subject, d->org_id, NULL, after, e);
	free(after);
out:
	return app_end(a, rc, e);
}

struct seen_ctx {
	long spre, slast;
	store_doc_cb cb;
	void *ctx;
};

static int seen_cb(void *ctx, const struct doc *d)
{
	struct seen_ctx *s = ctx;

	return doc_seen(s->spre, s->slast, d) ? s->cb(s->ctx, d) : 0;
}

enum err_code app_doc_list(struct app *a, const struct actor *ac, const char *q,
			   store_doc_cb cb, void *ctx, struct err *e)
{
	struct buf f;
	const char *words[6];
	char *p, *copy = NULL;
	long spre, slast;
	int n = 0;
	enum err_code rc;

	if (app_scope(a, ac, &spre, &slast, e))
		return e->code;
	buf_init(&f, 0);
	if (q && q[0]) {
		vname_fold(q, &f);
		copy = buf_steal(&f);
		/* words split on spaces; each must be in the folded text */
		for (p = copy; *p && n < 6;) {
			p += strspn(p, " \t");
			if (!*p)
				break;
			words[n++] = p;
			p += strcspn(p, " \t");
			if (*p)
				*p++ = 0;
		}
	}
	rc = store_doc_list(a->st, spre, slast, words, n, cb, ctx, e);
	free(copy);
	buf_cleanup(&f);
	return rc;
}

enum err_code app_doc_replaced_by(struct app *a, const struct actor *ac, int64_t id,
				  store_doc_cb cb, void *ctx, struct err *e)
{
	struct seen_ctx s;

	if (app_scope(a, ac, &s.spre, &s.slast, e))
		return e->code;
	s.cb = cb;
	s.ctx = ctx;
	return store_doc_replaced_by(a->st, id, seen_cb, &s, e);
}

json_t *app_doc_json(const struct doc *d)
{
	const struct docnum_type *t = docnum_type_find(d->type);

	return json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:o,s:s,s:o,s:s}", "id", (json_int_t)d->id,
			 "number", d->number, "num", d->num, "type", d->type, "type_vi",
			 t ? t->vi : "", "type_en", t ? t->en : "", "issuer", d->issuer,
			 "issued_on", json_date(d->issued_on), "title", d->title, "replaces",
			 d->replaces_id ? json_pack("{s:I,s:s}", "id", (json_int_t)d->replaces_id,
						    "number", d->replaces_number)
					: json_null(),
			 "org", d->org_code);
}

/* ---- plans ---------------------------------------------------------------------------- */

enum err_code app_study_plan_add(struct app *a, const struct actor *ac, int64_t doc_id,
				 struct study_plan *p, struct err *e)
{
	struct doc d;
	struct org o, aud;
	enum err_code rc;
	char subject[40], *after, note[sizeof p->note];
	int i, ok = 0;

	for (i = 0; tiers[i]; i++)
		ok |= !strcmp(tiers[i], p->tier);
	if (!ok)
		err_add(e, ERR_INPUT, 0, "tier", p->tier, NULL,
			"the tier is one of all, regiment_up, grassroots_members, militia or "
			"reserve");
	if (!p->org_code[0])
		err_add(e, ERR_INPUT, 0, "org", NULL, NULL,
			"say who introduces the document: --org CODE");
	for (i = 0, ok = !p->category[0]; member_categories[i]; i++)
		ok |= !strcmp(member_categories[i], p->category);
	if (!ok)
		err_add(e, ERR_INPUT, 0, "category", p->category, NULL,
			"the category is one of the member categories (docs/csv.md)");
	if (text_accept(p->note, sizeof p->note - 1, 0, note, sizeof note, e, 0, "note",
			"the note") == 0)
		memcpy(p->note, note, sizeof note);
	if (e->code)
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = app_doc_get(a, ac, doc_id, &d, e)) ||
	    (rc = app_org_lookup(a, ac, p->org_code, &o, 1, "org", e)) ||
	    (rc = app_org_lookup(a, ac, p->audience_code[0] ? p->audience_code : p->org_code, &aud,
				 1, "audience", e)) ||
	    (rc = app_can_edit(ac, e)))
		goto out;
	if (aud.pre < o.pre || aud.pre > o.last) {
		rc = err_add(e, ERR_RULE, 0, "audience", aud.code, NULL,
			     "the audience %s is not in the subtree of %s, which introduces the "
			     "document: an organisation introduces a document to its own members",
			     aud.code, o.code);
		goto out;
	}
	p->document_id = d.id;
	p->org_id = o.id;
	p->audience_org_id = aud.id;
	snprintf(p->audience_code, sizeof p->audience_code, "%s", aud.code);
	if ((rc = store_plan_insert(a->st, p, ac->name, e)))
		goto out;
	snprintf(subject, sizeof subject, "study_plan:%lld", (long long)p->id);
	after = app_json("{s:s,s:s,s:s,s:s,s:s}", "document", d.number, "org", o.code, "audience",
			 aud.code, "tier", p->tier, "category", p->category);
	rc = app_audit(a, ac, "study.plan", subject, o.id, NULL, after, e);
	free(after);
out:
	return app_end(a, rc, e);
}

enum err_code app_study_plans(struct app *a, const struct actor *ac, int64_t doc_id,
			      store_plan_cb cb, void *ctx, struct err *e)
{
	struct doc d;
	long spre, slast;

	if (app_doc_get(a, ac, doc_id, &d, e) || app_scope(a, ac, &spre, &slast, e))
		return e->code;
	return store_plan_list(a->st, doc_id, spre, slast, cb, ctx, e);
}

/* ---- sessions ------------------------------------------------------------------------- */

enum err_code app_study_session_add(struct app *a, const struct actor *ac,
				    struct study_session *s, struct err *e)
{
	struct doc d;
	struct org o;
	struct study_session orig;
	struct meeting *m;
	enum err_code rc;
	long opre, spre, slast;

	if (s->on_date == DATE_NONE)
		err_add(e, ERR_INPUT, 0, "date", NULL, NULL, "the date is required (YYYY-MM-DD)");
	else
		app_check_date(a, s->on_date, "date", e);
	if (s->starts_min < 0 || s->starts_min >= 1440 || s->ends_min <= s->starts_min ||
	    s->ends_min > 1440)
		err_add(e, ERR_INPUT, 0, "ends", NULL, NULL,
			"a session starts and ends within the day, the end after the start (HH:MM)");
	if (e->code)
		return e->code;
	/* what the meeting's record does not say: the document seen by the actor, and a make-up
	 * session after the session of the same document it makes up */
	if (app_doc_get(a, ac, s->document_id, &d, e) ||
	    app_org_lookup(a, ac, s->org_code, &o, 1, "org", e) || app_scope(a, ac, &spre, &slast, e))
		return e->code;
	if (s->makeup_of) {
		rc = store_session_get(a->st, s->makeup_of, &orig, &opre, e);
		if (rc == ERR_NOTFOUND || (!rc && (opre < spre || opre > slast)))
			return err_add(e, ERR_NOTFOUND, 0, "makeup_of", NULL, NULL,
				       "no study session has the id %lld", (long long)s->makeup_of);
		if (rc)
			return rc;
		if (orig.document_id != d.id)
			return err_add(e, ERR_RULE, 0, "makeup_of", NULL, NULL,
				       "session %lld is a session of another document: a make-up "
				       "session makes up a session of the same document",
				       (long long)s->makeup_of);
		if (orig.on_date > s->on_date)
			return err_add(e, ERR_RULE, 0, "date", NULL, NULL,
				       "a make-up session comes after the session it makes up");
	}
	/* the session is a meeting of kind study, recorded by the meetings' code (app_meeting.h:
	 * its checks, its audit entry meeting.add) */
	m = xmalloc(sizeof *m);
	meeting_init(m);
	snprintf(m->org_code, sizeof m->org_code, "%s", o.code);
	m->kind = MK_STUDY;
	m->state = MST_HELD;
	m->on = s->on_date;
	m->starts_min = s->starts_min;
	m->ends_min = s->ends_min;
	snprintf(m->topic, sizeof m->topic, "%s", s->topic);
	m->document_id = d.id;
	m->makeup_of = s->makeup_of;
	rc = app_meeting_add(a, ac, m, e);
	if (!rc) {
		s->id = m->id;
		s->org_id = m->org_id;
		snprintf(s->org_code, sizeof s->org_code, "%s", m->org_code);
		snprintf(s->topic, sizeof s->topic, "%s", m->topic);
		snprintf(s->state, sizeof s->state, "%s", meeting_state_name(m->state));
	}
	meeting_cleanup(m);
	free(m);
	return rc;
}

enum err_code app_study_session_get(struct app *a, const struct actor *ac, int64_t id,
				    struct study_session *s, struct err *e)
{
	long spre, slast, opre;
	enum err_code rc;

	if (app_scope(a, ac, &spre, &slast, e))
		return e->code;
	rc = store_session_get(a->st, id, s, &opre, e);
	if (rc == ERR_NOTFOUND || (!rc && (opre < spre || opre > slast)))
		return err_add(e, ERR_NOTFOUND, 0, "session", NULL, NULL,
			       "no study session has the id %lld", (long long)id);
	return rc;
}

enum err_code app_study_sessions(struct app *a, const struct actor *ac, int64_t doc_id,
				 store_session_cb cb, void *ctx, struct err *e)
{
	struct doc d;
	long spre, slast;

	if (app_doc_get(a, ac, doc_id, &d, e) || app_scope(a, ac, &spre, &slast, e))
		return e->code;
	return store_session_list(a->st, doc_id, spre, slast, cb, ctx, e);
}

enum err_code app_study_attend(struct app *a, const struct actor *ac, int64_t session_id,
			       int64_t member_id, const char *status, const char *reason,
			       struct err *e)
{
	struct study_session s;
	struct meeting *m;
	struct meet_attendance *rows;
	enum err_code rc;
	size_t i, n = 0;
	int st = status ? attend_status_parse(status) : -1;

	if (st < 0 || st > AT_ABSENT)
		err_add(e, ERR_INPUT, 0, "status", status, NULL,
			"the attendance is present, excused or absent");
	else if (st == AT_EXCUSED && (!reason || !reason[0]))
		err_add(e, ERR_INPUT, 0, "reason", NULL, NULL,
			"an excused absence needs its reason (--reason)");
	if (e->code)
		return e->code;
	if (app_study_session_get(a, ac, session_id, &s, e))
		return e->code;
	/* the meetings' code records a session's whole attendance at once: the rows kept, with
	 * this member's added or replaced */
	m = xmalloc(sizeof *m);
	meeting_init(m);
	if ((rc = app_meeting_get(a, ac, session_id, m, e)))
		goto out;
	rows = xcalloc(m->n_att + 1, sizeof *rows);
	for (i = 0; i < m->n_att; i++)
		if (m->att[i].member_id != member_id)
			rows[n++] = m->att[i];
	memset(&rows[n], 0, sizeof rows[n]);
	rows[n].member_id = member_id;
	rows[n].status = (enum attend_status)st;
	snprintf(rows[n].reason, sizeof rows[n].reason, "%s", reason ? reason : "");
	n++;
	rc = app_meeting_attend(a, ac, session_id, rows, n, e);
	free(rows);
out:
	meeting_cleanup(m);
	free(m);
	return rc;
}

enum err_code app_study_confirm(struct app *a, const struct actor *ac, int64_t doc_id,
				int64_t member_id, date_t on, int *added, struct err *e)
{
	struct doc d;
	struct member m;
	enum err_code rc;
	char subject[40], *after;
	int dummy;

	if (!added)
		added = &dummy;
	*added = 0;
	on = app_date(a, on);
	if (app_check_date(a, on, "date", e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = app_doc_get(a, ac, doc_id, &d, e)) ||
	    (rc = app_member_get(a, ac, member_id, &m, e)) || (rc = app_can_edit(ac, e)))
		goto out;
	if (!member_status_active(m.status)) {
		rc = err_add(e, ERR_RULE, 0, "member", NULL, NULL,
			     "member %lld is not on a roll (%s)", (long long)m.id,
			     member_status_name(m.status));
		goto out;
	}
	if ((rc = store_study_confirm(a->st, d.id, m.id, on, ac->name, added, e)) || !*added)
		goto out;
	snprintf(subject, sizeof subject, "member:%lld", (long long)m.id);
	after = app_json("{s:s,s:o}", "document", d.number, "date", json_date(on));
	rc = app_audit(a, ac, "study.confirm", subject, m.org_id, NULL, after, e);
	free(after);
out:
	return app_end(a, rc, e);
}

/* ---- coverage ------------------------------------------------------------------------- */

#define COV_DEPTH 64

/* The walk of a coverage in pre-order: the committees still open (whose subtree is being
 * read) on a stack, each adding up its subtree; one is finished when a line past its last
 * comes, and given to the callback then (after its organisations). */
struct cov_walk {
	struct study_coverage *cov;
	store_cov_cb cb;
	void *ctx;
	struct study_org_cov open[COV_DEPTH];
	int n;
	int stop;
};

static void cov_emit(struct cov_walk *w, struct study_org_cov *c)
{
	int committee = strcmp(c->kind, "cell") != 0;

	if (c->sub_members <= 0)
		return;
	c->studied = c->sub_covered >= c->sub_members;
	w->cov->orgs++;
	w->cov->orgs_studied += c->studied;
	if (committee) {
		w->cov->committees++;
		w->cov->committees_studied += c->studied;
	}
	if (w->cb && !w->stop)
		w->stop = w->cb(w->ctx, c);
}

static void cov_pop(struct cov_walk *w, long upto_pre)
{
	while (w->n > 0 && (upto_pre < 0 || w->open[w->n - 1].last < upto_pre)) {
		w->n--;
		cov_emit(w, &w->open[w->n]);
	}
}

static int cov_line(void *ctx, const struct study_org_cov *c)
{
	struct cov_walk *w = ctx;
	struct study_org_cov line = *c;
	int i;

	cov_pop(w, c->pre);
	w->cov->members += c->members;
	w->cov->covered += c->covered;
	for (i = 0; i < w->n; i++) {
		w->open[i].sub_members += c->members;
		w->open[i].sub_covered += c->covered;
	}
	line.sub_members = c->members;
	line.sub_covered = c->covered;
	if (line.last > line.pre && w->n < COV_DEPTH)
		w->open[w->n++] = line;
	else
		cov_emit(w, &line);
	return w->stop;
}

enum err_code app_study_coverage(struct app *a, const struct actor *ac, int64_t doc_id,
				 const char *org_code, date_t as_of, struct study_coverage *cov,
				 store_cov_cb cb, void *ctx, struct err *e)
{
	struct doc d;
	long pre, last;

	memset(cov, 0, sizeof *cov);
	if (app_doc_get(a, ac, doc_id, &d, e) ||
	    app_subtree(a, ac, org_code, 0, &pre, &last, e))
		return e->code;
	if (as_of != DATE_NONE && as_of != a->today) {
		if (app_check_date(a, as_of, "as_of", e))
			return e->code;
		return store_study_coverage_plain(a->st, d.id, pre, last, as_of, &cov->members,
						  &cov->covered, e);
	}
	return app_study_coverage_range(a, d.id, pre, last, cov, cb, ctx, e);
}

enum err_code app_study_coverage_range(struct app *a, int64_t doc_id, long pre, long last,
				       struct study_coverage *cov, store_cov_cb cb, void *ctx,
				       struct err *e)
{
	struct cov_walk *w;
	enum err_code rc;

	memset(cov, 0, sizeof *cov);
	w = xcalloc(1, sizeof *w);
	w->cov = cov;
	w->cb = cb;
	w->ctx = ctx;
	rc = store_study_coverage(a->st, doc_id, pre, last, cb != NULL, cov_line, w, e);
	if (!rc)
		cov_pop(w, -1);
	free(w);
	return rc;
}

enum err_code app_study_coverage_plain(struct app *a, const struct actor *ac, int64_t doc_id,
				       const char *org_code, date_t as_of, long *members,
				       long *covered, struct err *e)
{
	struct doc d;
	long pre, last;

	if (app_doc_get(a, ac, doc_id, &d, e) ||
	    app_subtree(a, ac, org_code, 0, &pre, &last, e))
		return e->code;
	return store_study_coverage_plain(a->st, d.id, pre, last, as_of, members, covered, e);
}

enum err_code app_study_members(struct app *a, const struct actor *ac, int64_t doc_id,
				const char *org_code, int covered, store_idname_cb cb, void *ctx,
				struct err *e)
{
	struct doc d;
	struct org o;

	if (app_doc_get(a, ac, doc_id, &d, e) ||
	    app_org_lookup(a, ac, org_code ? org_code : "", &o, 0, "org", e))
		return e->code;
	return store_study_members(a->st, d.id, o.id, covered, cb, ctx, e);
}

/* ---- action programmes ---------------------------------------------------------------- */

enum err_code app_action_add(struct app *a, const struct actor *ac, struct action_programme *p,
			     struct err *e)
{
	struct doc d;
	struct org o;
	enum err_code rc;
	char subject[40], *after, title[sizeof p->title];

	if (!p->title[0])
		err_add(e, ERR_INPUT, 0, "title", NULL, NULL, "the title is required");
	else if (text_accept(p->title, sizeof p->title - 1, 0, title, sizeof title, e, 0, "title",
			     "the title") == 0)
		memcpy(p->title, title, sizeof title);
	if (p->year < 1945 || p->year > 9999)
		err_add(e, ERR_INPUT, 0, "year", NULL, NULL, "the year is required (YYYY)");
	if (e->code)
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = app_doc_get(a, ac, p->document_id, &d, e)) ||
	    (rc = app_org_lookup(a, ac, p->org_code, &o, 1, "org", e)) ||
	    (rc = app_can_edit(ac, e)))
		goto out;
	p->org_id = o.id;
	snprintf(p->org_code, sizeof p->org_code, "%s", o.code);
	snprintf(p->doc_number, sizeof p->doc_number, "%s", d.number);
	rc = store_action_insert(a->st, p, ac->name, e);
	if (rc == ERR_RULE) {
		rc = err_add(e, ERR_RULE, 0, "year", NULL, NULL,
			     "%s already has an action programme for %s in %d", o.code, d.number,
			     p->year);
		goto out;
	}
	if (rc)
		goto out;
	snprintf(subject, sizeof subject, "action_programme:%lld", (long long)p->id);
	after = app_json("{s:s,s:s,s:i,s:s}", "org", o.code, "document", d.number, "year", p->year,
			 "title", p->title);
	rc = app_audit(a, ac, "action.add", subject, o.id, NULL, after, e);
	free(after);
out:
	return app_end(a, rc, e);
}

enum err_code app_action_get(struct app *a, const struct actor *ac, int64_t id,
			     struct action_programme *p, struct err *e)
{
	long spre, slast, opre;
	enum err_code rc;

	if (app_scope(a, ac, &spre, &slast, e))
		return e->code;
	rc = store_action_get(a->st, id, p, &opre, e);
	if (rc == ERR_NOTFOUND || (!rc && (opre < spre || opre > slast)))
		return err_add(e, ERR_NOTFOUND, 0, "programme", NULL, NULL,
			       "no action programme has the id %lld", (long long)id);
	return rc;
}

enum err_code app_action_list(struct app *a, const struct actor *ac, const char *org_code,
			      int64_t doc_id, int year, store_action_cb cb, void *ctx,
			      struct err *e)
{
	long pre, last;

	if (app_subtree(a, ac, org_code, 1, &pre, &last, e))
		return e->code;
	return store_action_list(a->st, pre, last, doc_id, year, cb, ctx, e);
}

enum err_code app_action_item_add(struct app *a, const struct actor *ac, int64_t prog_id,
				  struct action_item *it, struct err *e)
{
	struct action_programme p;
	enum err_code rc;
	char subject[48], *after, buf[sizeof it->text];

	if (!it->text[0])
		err_add(e, ERR_INPUT, 0, "text", NULL, NULL, "say what is to be done (--text)");
	else if (text_accept(it->text, sizeof it->text - 1, 0, buf, sizeof buf, e, 0, "text",
			     "the item") == 0)
		memcpy(it->text, buf, sizeof buf);
	if (text_accept(it->owner, sizeof it->owner - 1, 0, buf, sizeof it->owner, e, 0, "owner",
			"the owner") == 0)
		memcpy(it->owner, buf, sizeof it->owner);
	if (e->code)
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = app_action_get(a, ac, prog_id, &p, e)) || (rc = app_can_edit(ac, e)) ||
	    (rc = store_action_item_add(a->st, prog_id, it, e)))
		goto out;
	snprintf(subject, sizeof subject, "action_programme:%lld", (long long)prog_id);
	after = app_json("{s:i,s:s,s:s,s:o}", "seq", it->seq, "text", it->text, "owner",
			 it->owner, "due_on", json_date(it->due_on));
	rc = app_audit(a, ac, "action.item", subject, p.org_id, NULL, after, e);
	free(after);
out:
	return app_end(a, rc, e);
}

enum err_code app_action_result(struct app *a, const struct actor *ac, int64_t prog_id,
				int seq, int done, const char *result, date_t on, struct err *e)
{
	struct action_programme p;
	enum err_code rc;
	char subject[48], *after, text[401] = "";

	on = app_date(a, on);
	app_check_date(a, on, "date", e);
	if (result && result[0])
		text_accept(result, sizeof text - 1, 0, text, sizeof text, e, 0, "result",
			    "the result");
	if (e->code)
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = app_action_get(a, ac, prog_id, &p, e)) || (rc = app_can_edit(ac, e)))
		goto out;
	rc = store_action_item_result(a->st, prog_id, seq, done, text, on, e);
	if (rc == ERR_NOTFOUND) {
		rc = err_add(e, ERR_NOTFOUND, 0, "item", NULL, NULL,
			     "action programme %lld has no item %d", (long long)prog_id, seq);
		goto out;
	}
	if (rc)
		goto out;
	snprintf(subject, sizeof subject, "action_programme:%lld", (long long)prog_id);
	after = app_json("{s:i,s:b,s:s}", "seq", seq, "done", done, "result", text);
	rc = app_audit(a, ac, "action.result", subject, p.org_id, NULL, after, e);
	free(after);
out:
	return app_end(a, rc, e);
}

enum err_code app_action_items(struct app *a, const struct actor *ac, int64_t prog_id,
			       store_item_cb cb, void *ctx, struct err *e)
{
	struct action_programme p;

	if (app_action_get(a, ac, prog_id, &p, e))
		return e->code;
	return store_action_items(a->st, prog_id, cb, ctx, e);
}

/* ---- representations ------------------------------------------------------------------ */

json_t *app_study_plan_json(const struct study_plan *p)
{
	return json_pack("{s:I,s:s,s:s,s:s,s:s,s:o,s:s}", "id", (json_int_t)p->id, "org",
			 p->org_code, "audience", p->audience_code, "tier", p->tier, "category",
			 p->category, "deadline", json_date(p->deadline), "note", p->note);
}

json_t *app_study_session_json(const struct study_session *s)
{
	char t1[24], t2[24];

	snprintf(t1, sizeof t1, "%02d:%02d", s->starts_min / 60, s->starts_min % 60);
	snprintf(t2, sizeof t2, "%02d:%02d", s->ends_min / 60, s->ends_min % 60);
	return json_pack("{s:I,s:I,s:s,s:o,s:s,s:s,s:s,s:o,s:I,s:I,s:I}", "id", (json_int_t)s->id,
			 "document_id", (json_int_t)s->document_id, "org", s->org_code, "date",
			 json_date(s->on_date), "starts", t1, "ends", t2, "topic", s->topic,
			 "makeup_of", s->makeup_of ? json_integer(s->makeup_of) : json_null(),
			 "present", (json_int_t)s->present, "excused", (json_int_t)s->excused,
			 "absent", (json_int_t)s->absent);
}

json_t *app_action_json(const struct action_programme *p)
{
	return json_pack("{s:I,s:s,s:s,s:i,s:s,s:I,s:I}", "id", (json_int_t)p->id, "org",
			 p->org_code, "document", p->doc_number, "year", p->year, "title",
			 p->title, "items", (json_int_t)p->items, "done", (json_int_t)p->done);
}

json_t *app_action_item_json(const struct action_item *it)
{
	return json_pack("{s:i,s:s,s:s,s:o,s:o,s:s}", "seq", it->seq, "text", it->text, "owner",
			 it->owner, "due_on", json_date(it->due_on), "done",
			 it->done < 0 ? json_null() : json_boolean(it->done), "result", it->result);
}

json_t *app_study_cov_json(const struct study_org_cov *c)
{
	return json_pack("{s:s,s:s,s:s,s:I,s:I,s:b}", "org", c->code, "name", c->name, "kind",
			 c->kind, "members", (json_int_t)c->sub_members, "covered",
			 (json_int_t)c->sub_covered, "studied", c->studied);
}

static int export_row(void *ctx, const struct doc *d)
{
	struct table_out *t = ctx;
	char day[DATE_STR];

	table_out_text(t, d->number);
	table_out_text(t, d->type);
	table_out_text(t, d->issuer);
	table_out_text(t, date_format(d->issued_on, day));
	table_out_text(t, d->title);
	table_out_text(t, d->replaces_number);
	table_out_text(t, d->org_code);
	table_out_row(t);
	return 0;
}

enum err_code app_doc_export(struct app *a, const struct actor *ac, const char *q, int xlsx,
			     int *fd, long long *len, struct err *e)
{
	static const char *const head[] = {"number", "type", "issuer", "issued_on", "title",
					   "replaces", "org", NULL};
	struct table_out *t = table_out_new(xlsx ? TABLE_XLSX : TABLE_CSV, "documents", e);
	enum err_code rc;
	size_t i;

	if (!t)
		return e->code;
	for (i = 0; head[i]; i++)
		table_out_text(t, head[i]);
	table_out_row(t);
	rc = app_doc_list(a, ac, q, export_row, t, e);
	if (rc) {
		int tfd;
		long long tl;
		struct err tmp;

		err_init(&tmp);
		if (table_out_finish(t, &tfd, &tl, &tmp) == ERR_OK)
			close(tfd);
		err_cleanup(&tmp);
		return rc;
	}
	return table_out_finish(t, fd, len, e);
}
