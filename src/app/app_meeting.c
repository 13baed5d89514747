/* app_meeting.c - meetings (issue 12; DOMAIN §7; docs/meetings.md): record a meeting, its
 * attendance against the roll of its day, its resolutions against the quorum (R-MEETING-*),
 * cancel it; read, list, the JSON and the text minutes. Each change one transaction with its
 * audit entry; outside the actor's subtree a meeting does not exist. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/text.h"
#include "../lib/mem.h"
#include "../store/store_meeting.h"
#include "app_int.h"
#include "app_meet_int.h"
#include "app_meeting.h"

static enum err_code not_found(struct err *e, int64_t id)
{
	return err_add(e, ERR_NOTFOUND, 0, "id", NULL, NULL,
		       "no meeting has the id %lld; 'cadre meeting list' lists them",
		       (long long)id);
}

/* Meeting id's row if its organisation is visible to the actor (a dissolved one where its
 * last parent is), else ERR_NOTFOUND as for an id never used. */
enum err_code meet_lookup(struct app *a, const struct actor *ac, int64_t id,
				 struct meeting *m, struct err *e)
{
	long spre, slast, pre = 0;
	struct org o;
	struct err tmp;
	enum err_code rc;
	int vis = 0;

	if (app_scope(a, ac, &spre, &slast, e))
		return e->code;
	err_init(&tmp);
	rc = store_meeting_get(a->st, id, m, &pre, &tmp);
	if (rc == ERR_STORAGE) {
		err_merge(e, &tmp);
		err_cleanup(&tmp);
		return rc;
	}
	if (!rc && store_org_by_id(a->st, m->org_id, &o, &tmp) == ERR_OK)
		vis = app_org_visible(a, spre, slast, &o);
	err_cleanup(&tmp);
	if (rc || !vis)
		return not_found(e, id);
	return ERR_OK;
}

/* ---- the roll of a day ------------------------------------------------------------------ */

static int roll_take(void *ctx, const struct meet_roll_row *r)
{
	struct roll_vec *l = ctx;

	if (!l->all && !meeting_expected(r->r.status))
		return 0;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = *r;
	return 0;
}

int meet_roll_cmp_id(const void *x, const void *y)
{
	const struct meet_roll_row *a = x, *b = y;

	return a->r.member_id < b->r.member_id ? -1 : a->r.member_id > b->r.member_id;
}

/* The members expected at meeting m (its organisation's roll that day; a study session: the
 * rolls of the organiser's subtree that day), in list order. */
enum err_code meet_roll_of(struct app *a, const struct meeting *m, struct roll_vec *l,
			     struct err *e)
{
	struct org o;

	if (m->kind != MK_STUDY)
		return store_meeting_roll(a->st, m->org_id, 0, 0, m->on, l->sorted, roll_take, l,
					  e);
	if (store_org_by_id(a->st, m->org_id, &o, e))
		return e->code;
	if (o.dissolved != DATE_NONE)
		return store_meeting_roll(a->st, m->org_id, 0, 0, m->on, l->sorted, roll_take, l,
					  e);
	return store_meeting_roll(a->st, 0, o.pre, o.last, m->on, l->sorted, roll_take, l, e);
}

static const struct meet_roll_row *roll_find(const struct meet_roll_row *sorted, size_t n,
					     int64_t id)
{
	struct meet_roll_row key;

	key.r.member_id = id;
	return n ? bsearch(&key, sorted, n, sizeof *sorted, meet_roll_cmp_id) : NULL;
}

static const char *not_counted_why(const struct meet_roll_entry *r)
{
	if (r->temp_away)
		return "on temporary transfer elsewhere";
	if (r->status == MS_SUSPENDED)
		return "suspended";
	return "exempt from activity";
}

/* ---- checks of a meeting's record -------------------------------------------------------- */

static void clean_text(const char *field, const char *what, char *dst, size_t cap, int lines,
		       long line, struct err *e)
{
	char *tmp = xmalloc(cap);

	if (text_accept(dst, cap - 1, lines ? TEXT_LINES : 0, tmp, cap, e, line, field, what) == 0)
		snprintf(dst, cap, "%s", tmp);
	free(tmp);
}

/* Check m's fields (not its attendance): kind, times, text, chair and secretary on the roll
 * (roll sorted by id), document and make-up. Every problem into e. */
static void check_record(struct app *a, const struct actor *ac, struct meeting *m,
			 const struct meet_roll_row *roll, size_t nroll, long line, struct err *e)
{
	if (m->on == DATE_NONE)
		err_add(e, ERR_INPUT, line, "date", NULL, NULL, "give the meeting's date");
	else if (m->state != MST_PLANNED && m->on > a->today)
		err_add(e, ERR_INPUT, line, "date", NULL, NULL,
			"a meeting held is recorded on or after its date; a later date is a "
			"planned meeting");
	if (m->on != DATE_NONE)
		meeting_check_minutes(&a->rules, m->on, m->kind, m->starts_min, m->ends_min, line,
				      e);
	clean_text("topic", "the topic", m->topic, sizeof m->topic, 0, line, e);
	clean_text("agenda", "the agenda", m->agenda, sizeof m->agenda, 1, line, e);
	clean_text("content", "the content", m->content, sizeof m->content, 1, line, e);
	clean_text("guests", "the guests", m->guests, sizeof m->guests, 0, line, e);
	if (m->chair_id && !roll_find(roll, nroll, m->chair_id))
		err_add(e, ERR_INPUT, line, "chair_id", NULL, NULL,
			"the chair (member %lld) was not on the roll of %s on the meeting's date",
			(long long)m->chair_id, m->org_code);
	if (m->secretary_id && !roll_find(roll, nroll, m->secretary_id))
		err_add(e, ERR_INPUT, line, "secretary_id", NULL, NULL,
			"the secretary (member %lld) was not on the roll of %s on the meeting's "
			"date",
			(long long)m->secretary_id, m->org_code);
	if (m->kind == MK_STUDY) {
		int yes = 0;
		struct err tmp;

		if (!m->document_id)
			err_add(e, ERR_INPUT, line, "document_id", NULL, NULL,
				"a study session names the document studied (document_id)");
		else if (!store_meeting_document_exists(a->st, m->document_id, &yes, e) && !yes)
			err_add(e, ERR_INPUT, line, "document_id", NULL, NULL,
				"no document has the id %lld", (long long)m->document_id);
		if (m->makeup_of) {
			struct meeting *o = xmalloc(sizeof *o);

			meeting_init(o);
			err_init(&tmp);
			if (meet_lookup(a, ac, m->makeup_of, o, &tmp))
				err_add(e, ERR_INPUT, line, "makeup_of", NULL, NULL,
					"no meeting has the id %lld", (long long)m->makeup_of);
			else if (o->kind != MK_STUDY || o->document_id != m->document_id)
				err_add(e, ERR_INPUT, line, "makeup_of", NULL, NULL,
					"a make-up session makes up a study session of the same "
					"document; meeting %lld is not one",
					(long long)m->makeup_of);
			err_cleanup(&tmp);
			meeting_cleanup(o);
			free(o);
		}
	} else if (m->document_id || m->makeup_of) {
		err_add(e, ERR_INPUT, line, "document_id", NULL, NULL,
			"only a study session names a document or the session it makes up");
	}
}

/* ---- attendance ---------------------------------------------------------------------- */

/* Check rows against the roll and work out what is stored (out, in roll order for a meeting
 * of the roll, as given for a study session) and the quorum's base. */
/* Copy src into dst (cap > 0 bytes), cut at cap - 1 bytes as snprintf("%s") would: an
 * import copies a few fields of every row, which snprintf's format machinery makes slow. */
static void copy_str(char *dst, size_t cap, const char *src)
{
	size_t n = strlen(src);

	if (n >= cap)
		n = cap - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

void meet_check_attendance(const struct meeting *m, struct roll_vec *l,
			   const struct meet_attendance *rows, size_t n, const long *lines, long line,
			   struct meet_att_buf *b, long *base, struct err *e)
{
	struct meet_roll_row *byid = l->v;
	unsigned char *seen;
	struct meet_attendance *o;
	enum attend_status *st;
	size_t i, k = 0;

	if (n > b->cap) {
		b->cap = n * 2;
		b->out = xrealloc(b->out, b->cap * sizeof *b->out);
		b->st = xrealloc(b->st, b->cap * sizeof *b->st);
	}
	if (l->n + 1 > b->seen_cap) {
		b->seen_cap = (l->n + 1) * 2;
		b->seen = xrealloc(b->seen, b->seen_cap);
	}
	o = b->out;
	st = b->st;
	seen = b->seen;
	memset(seen, 0, l->n + 1);

	if (l->n)
		qsort(byid, l->n, sizeof *byid, meet_roll_cmp_id); /* l is left in id order */
	for (i = 0; i < n; i++) {
		const struct meet_roll_row *r = roll_find(byid, l->n, rows[i].member_id);
		char reason[MEET_LINE];
		size_t at;

		if (!r) {
			if (m->kind == MK_STUDY)
				err_add(e, ERR_INPUT, lines ? lines[i] : line, "member_id", NULL, NULL,
					"member %lld was not on a roll of %s or below on the "
					"meeting's date",
					(long long)rows[i].member_id, m->org_code);
			else
				err_add(e, ERR_INPUT, lines ? lines[i] : line, "member_id", NULL, NULL,
					"member %lld was not on the roll of %s on the meeting's date",
					(long long)rows[i].member_id, m->org_code);
			continue;
		}
		at = (size_t)(r - byid);
		if (seen[at]++) {
			err_add(e, ERR_INPUT, lines ? lines[i] : line, "member_id", NULL, NULL,
				"member %lld is named twice; give each member once",
				(long long)rows[i].member_id);
			continue;
		}
		if ((unsigned)rows[i].status > AT_ABSENT) {
			err_add(e, ERR_INPUT, lines ? lines[i] : line, "status",
				attend_status_name(rows[i].status), NULL,
				"the attendance is present, excused or absent");
			continue;
		}
		copy_str(reason, sizeof reason, rows[i].reason);
		if (reason[0] && text_accept(rows[i].reason, sizeof reason - 1, 0, reason,
					     sizeof reason, e, lines ? lines[i] : line, "reason",
					     "the reason"))
			continue;
		if (rows[i].status == AT_EXCUSED && !reason[0] &&
		    meeting_effective_status(&r->r, AT_EXCUSED) == AT_EXCUSED) {
			err_add(e, ERR_INPUT, lines ? lines[i] : line, "reason", NULL, NULL,
				"member %lld is excused: give the reason",
				(long long)rows[i].member_id);
			continue;
		}
		o[k].member_id = r->r.member_id;
		o[k].status = meeting_effective_status(&r->r, rows[i].status);
		o[k].member_status = r->r.status;
		copy_str(o[k].name, sizeof o[k].name, r->name);
		copy_str(o[k].org_code, sizeof o[k].org_code, r->org_code);
		if (o[k].status == AT_NOT_COUNTED && rows[i].status != AT_NOT_COUNTED)
			copy_str(o[k].reason, sizeof o[k].reason, not_counted_why(&r->r));
		else
			copy_str(o[k].reason, sizeof o[k].reason,
				 o[k].status == AT_PRESENT ? "" : reason);
		st[k] = o[k].status;
		k++;
	}
	if (m->kind != MK_STUDY)
		for (i = 0; i < l->n; i++)
			if (!seen[i])
				err_add(e, ERR_INPUT, line, "member_id", NULL, NULL,
					"%s (member %lld) was on the roll that day: give the "
					"attendance of every member (present, excused or absent)",
					byid[i].name, (long long)byid[i].r.member_id);
	*base = meeting_quorum_base(st, (long)k);
	b->n = k;
}

void meet_att_buf_free(struct meet_att_buf *b)
{
	free(b->out);
	free(b->st);
	free(b->seen);
	memset(b, 0, sizeof *b);
}

static json_t *att_counts_json(const struct meet_attendance *v, size_t n, long base)
{
	long c[AT__COUNT] = {0};
	size_t i;

	for (i = 0; i < n; i++)
		c[v[i].status]++;
	return json_pack("{s:i,s:i,s:i,s:i,s:i}", "present", (json_int_t)c[AT_PRESENT],
			 "excused", (json_int_t)c[AT_EXCUSED], "absent", (json_int_t)c[AT_ABSENT],
			 "not_counted", (json_int_t)c[AT_NOT_COUNTED], "quorum_base",
			 (json_int_t)base);
}

/* The attendance of meeting m inside the caller's transaction. */
static enum err_code attend_tx(struct app *a, const struct actor *ac, struct meeting *m,
			       const struct meet_attendance *rows, size_t n, struct err *e)
{
	struct roll_vec l = {0};
	struct meet_att_buf b = {0};
	long base = 0;
	char subject[40], *after = NULL;
	json_t *cj;
	enum err_code rc;

	if (m->state == MST_CANCELLED)
		return err_add(e, ERR_RULE, 0, "id", NULL, NULL,
			       "meeting %lld was cancelled; its attendance cannot be recorded",
			       (long long)m->id);
	if (m->on > a->today)
		return err_add(e, ERR_RULE, 0, "date", NULL, NULL,
			       "the meeting is planned for a later date; record its attendance "
			       "once it is held");
	if ((rc = meet_roll_of(a, m, &l, e)))
		goto out;
	meet_check_attendance(m, &l, rows, n, NULL, 0, &b, &base, e);
	if (e->code) {
		rc = e->code;
		goto out;
	}
	if ((rc = store_meeting_att_replace(a->st, m->id, b.out, b.n, e)) ||
	    (rc = store_meeting_set_state(a->st, m->id, MST_HELD, base, NULL, e)))
		goto out;
	m->quorum_base = base;
	m->state = MST_HELD;
	cj = att_counts_json(b.out, b.n, base);
	after = cj ? json_dumps(cj, JSON_COMPACT) : NULL;
	json_decref(cj);
	if (!after)
		app_json_failed();
	snprintf(subject, sizeof subject, "meeting:%lld", (long long)m->id);
	rc = app_audit(a, ac, "meeting.attend", subject, m->org_id, NULL, after, e);
out:
	free(after);
	meet_att_buf_free(&b);
	free(l.v);
	return rc;
}

/* ---- the calls ------------------------------------------------------------------------- */

enum err_code meet_add_tx(struct app *a, const struct actor *ac, struct meeting *m, long line,
			  struct err *e)
{
	struct org o;
	struct roll_vec l = {0};
	char subject[40], d[DATE_STR], *after = NULL;
	enum err_code rc;

	if ((rc = app_org_lookup(a, ac, m->org_code, &o, 1, "org", e)))
		goto out;
	m->org_id = o.id;
	snprintf(m->org_code, sizeof m->org_code, "%s", o.code);
	snprintf(m->org_name, sizeof m->org_name, "%s", o.name);
	if ((unsigned)m->kind >= MK__COUNT) {
		rc = err_add(e, ERR_INPUT, line, "kind", NULL, NULL,
			     "the kind is monthly, thematic, extraordinary or study");
		goto out;
	}
	if (m->on != DATE_NONE && app_check_exists_on(&o, m->on, "date", e)) {
		rc = e->code;
		goto out;
	}
	/* The roll of the day only when a chair or secretary is to be found on it (an import of
	 * a year's meetings names neither: no roll read a row). */
	if (m->on != DATE_NONE && (m->chair_id || m->secretary_id) &&
	    (rc = meet_roll_of(a, m, &l, e)))
		goto out;
	if (l.n)
		qsort(l.v, l.n, sizeof *l.v, meet_roll_cmp_id);
	check_record(a, ac, m, l.v, l.n, line, e);
	if (e->code) {
		rc = e->code;
		goto out;
	}
	snprintf(m->rules, sizeof m->rules, "%s %s", R_MEETING_MINUTES, R_MEETING_QUORUM);
	snprintf(m->recorded_by, sizeof m->recorded_by, "%s", ac->name);
	if (m->n_att == 0 && m->state != MST_PLANNED)
		m->state = m->on > a->today ? MST_PLANNED : MST_HELD;
	m->quorum_base = -1;
	if ((rc = store_meeting_insert(a->st, m, e)))
		goto out;
	if (line)
		goto out; /* an import: one audit entry for the file */
	after = app_json("{s:s,s:s,s:s,s:s,s:s,s:I,s:I}", "org", o.code, "date",
			 date_format(m->on, d), "kind", meeting_kind_name(m->kind), "topic",
			 m->topic, "state", meeting_state_name(m->state), "document_id",
			 (json_int_t)m->document_id, "makeup_of", (json_int_t)m->makeup_of);
	snprintf(subject, sizeof subject, "meeting:%lld", (long long)m->id);
	if ((rc = app_audit(a, ac, "meeting.add", subject, o.id, NULL, after, e)))
		goto out;
	if (m->n_att)
		rc = attend_tx(a, ac, m, m->att, m->n_att, e);
out:
	free(after);
	free(l.v);
	return rc;
}

enum err_code app_meeting_add(struct app *a, const struct actor *ac, struct meeting *m,
			      struct err *e)
{
	enum err_code rc;

	if ((rc = app_can_edit(ac, e)))
		return rc;
	if ((rc = app_begin(a, e)))
		return rc;
	rc = app_end(a, meet_add_tx(a, ac, m, 0, e), e);
	if (rc)
		return rc;
	return app_meeting_get(a, ac, m->id, m, e);
}

enum err_code app_meeting_add_present(struct app *a, const struct actor *ac, struct meeting *m,
				      struct err *e)
{
	struct meet_attendance *named = m->att;
	size_t n_named = m->n_att, i, k;
	struct meeting all;
	struct roll_vec l = {0};
	enum err_code rc;

	if ((rc = app_can_edit(ac, e)))
		return rc;
	meeting_init(&all);
	m->att = NULL;
	m->n_att = m->cap_att = 0;
	if ((rc = app_begin(a, e)))
		goto out;
	/* One transaction: the meeting, the roll of its day, its attendance (a refused
	 * attendance leaves no meeting behind). */
	rc = meet_add_tx(a, ac, m, 0, e);
	if (!rc)
		rc = meet_roll_of(a, m, &l, e);
	for (i = 0; !rc && i < n_named; i++)
		meeting_att_push(&all, &named[i]);
	for (i = 0; !rc && i < l.n; i++) {
		struct meet_attendance r;

		for (k = 0; k < n_named && named[k].member_id != l.v[i].r.member_id; k++)
			;
		if (k < n_named)
			continue;
		memset(&r, 0, sizeof r);
		r.member_id = l.v[i].r.member_id;
		r.status = AT_PRESENT;
		meeting_att_push(&all, &r);
	}
	if (!rc)
		rc = attend_tx(a, ac, m, all.att, all.n_att, e);
	rc = app_end(a, rc, e);
	if (!rc)
		rc = app_meeting_get(a, ac, m->id, m, e);
out:
	free(l.v);
	meeting_cleanup(&all);
	/* The named rows were taken over (m->att is the meeting as stored, or empty). */
	free(named);
	return rc;
}

enum err_code app_meeting_get(struct app *a, const struct actor *ac, int64_t id,
			      struct meeting *m, struct err *e)
{
	enum err_code rc;

	meeting_cleanup(m);
	meeting_init(m);
	if ((rc = store_read_begin(a->st, e)))
		return rc;
	if (!(rc = meet_lookup(a, ac, id, m, e)) && !(rc = store_meeting_att_read(a->st, id, m, e)))
		rc = store_meeting_res_read(a->st, id, m, e);
	store_read_end(a->st);
	return rc;
}

struct list_ctx {
	meeting_cb cb;
	void *ctx;
};

static int list_take(void *ctx, const struct meeting *m)
{
	struct list_ctx *c = ctx;

	return c->cb(c->ctx, m);
}

enum err_code app_meeting_list(struct app *a, const struct actor *ac, const struct meet_query *q,
			       long offset, long limit, meeting_cb cb, void *ctx, long *total,
			       struct err *e)
{
	struct store_meet_q sq = {0};
	struct list_ctx lc = {cb, ctx};
	enum err_code rc;

	sq.from = q->from;
	sq.to = q->to;
	sq.kind = q->kind;
	sq.state = q->state;
	sq.document_id = q->document_id;
	if ((rc = store_read_begin(a->st, e)))
		return rc;
	if (q->org_code && q->org_code[0]) {
		struct org o;

		if ((rc = app_org_lookup(a, ac, q->org_code, &o, 0, "org", e)))
			goto out;
		if (!q->subtree || o.dissolved != DATE_NONE) {
			sq.org_id = o.id;
		} else {
			sq.pre = o.pre;
			sq.last = o.last;
		}
	} else if ((rc = app_scope(a, ac, &sq.pre, &sq.last, e))) {
		goto out;
	}
	rc = store_meeting_list(a->st, &sq, offset, limit, list_take, &lc, total, e);
out:
	store_read_end(a->st);
	return rc;
}

enum err_code app_meeting_roll(struct app *a, const struct actor *ac, int64_t id,
			       struct meeting *m, struct err *e)
{
	struct roll_vec l = {0};

	l.sorted = 1;
	enum err_code rc;
	size_t i;

	meeting_cleanup(m);
	meeting_init(m);
	if ((rc = store_read_begin(a->st, e)))
		return rc;
	if (!(rc = meet_lookup(a, ac, id, m, e)))
		rc = meet_roll_of(a, m, &l, e);
	store_read_end(a->st);
	for (i = 0; !rc && i < l.n; i++) {
		struct meet_attendance r;

		memset(&r, 0, sizeof r);
		r.member_id = l.v[i].r.member_id;
		r.member_status = l.v[i].r.status;
		r.status = meeting_effective_status(&l.v[i].r, AT_PRESENT);
		if (r.status == AT_NOT_COUNTED)
			snprintf(r.reason, sizeof r.reason, "%s", not_counted_why(&l.v[i].r));
		snprintf(r.name, sizeof r.name, "%s", l.v[i].name);
		snprintf(r.org_code, sizeof r.org_code, "%s", l.v[i].org_code);
		meeting_att_push(m, &r);
	}
	free(l.v);
	return rc;
}

enum err_code app_meeting_attend(struct app *a, const struct actor *ac, int64_t id,
				 const struct meet_attendance *rows, size_t n, struct err *e)
{
	struct meeting *m = xmalloc(sizeof *m);
	enum err_code rc;

	meeting_init(m);
	if ((rc = app_can_edit(ac, e)))
		goto done;
	if ((rc = app_begin(a, e)))
		goto done;
	if (!(rc = meet_lookup(a, ac, id, m, e)))
		rc = attend_tx(a, ac, m, rows, n, e);
	rc = app_end(a, rc, e);
done:
	meeting_cleanup(m);
	free(m);
	return rc;
}

enum err_code app_meeting_resolution_add(struct app *a, const struct actor *ac, int64_t id,
					 struct meet_resolution *r, struct err *e)
{
	struct meeting *m = xmalloc(sizeof *m);
	char subject[40], *after = NULL, *clean = xmalloc(MEET_TEXT);
	enum err_code rc;

	meeting_init(m);
	if ((rc = app_can_edit(ac, e)) || (rc = app_begin(a, e)))
		goto done;
	if ((rc = meet_lookup(a, ac, id, m, e)) || (rc = store_meeting_res_read(a->st, id, m, e)))
		goto out;
	if (m->state == MST_CANCELLED) {
		rc = err_add(e, ERR_RULE, 0, "id", NULL, NULL,
			     "meeting %lld was cancelled; it passes no resolution", (long long)id);
		goto out;
	}
	if (m->quorum_base < 0) {
		rc = err_add(e, ERR_RULE, 0, "id", NULL, R_MEETING_QUORUM,
			     "record the meeting's attendance first: the quorum (R-MEETING-QUORUM) "
			     "is counted from it");
		goto out;
	}
	if (!r->text[0])
		err_add(e, ERR_INPUT, 0, "text", NULL, NULL, "give the resolution's text");
	else if (text_accept(r->text, MEET_TEXT - 1, TEXT_LINES, clean, MEET_TEXT, e, 0, "text",
			     "the resolution") == 0)
		snprintf(r->text, sizeof r->text, "%s", clean);
	meeting_check_votes(m->n_present, r->votes_for, r->against, r->abstain, e);
	if (e->code) {
		rc = e->code;
		goto out;
	}
	r->base = m->quorum_base;
	r->passed = meeting_passes(&a->rules, m->on, r->base, r->votes_for) == 1;
	r->seq = (int)m->n_res + 1;
	if ((rc = store_meeting_res_insert(a->st, id, r, e)))
		goto out;
	after = app_json("{s:i,s:i,s:i,s:i,s:i,s:b,s:s}", "seq", r->seq, "for",
			 (json_int_t)r->votes_for, "against", (json_int_t)r->against, "abstain",
			 (json_int_t)r->abstain, "base", (json_int_t)r->base, "passed", r->passed,
			 "rule", R_MEETING_QUORUM);
	snprintf(subject, sizeof subject, "meeting:%lld", (long long)id);
	rc = app_audit(a, ac, "meeting.resolution", subject, m->org_id, NULL, after, e);
out:
	rc = app_end(a, rc, e);
done:
	free(after);
	free(clean);
	meeting_cleanup(m);
	free(m);
	return rc;
}

enum err_code app_meeting_cancel(struct app *a, const struct actor *ac, int64_t id,
				 const char *reason, struct err *e)
{
	struct meeting *m = xmalloc(sizeof *m);
	char subject[40], clean[MEET_LINE], *before = NULL, *after = NULL;
	enum err_code rc;

	meeting_init(m);
	if ((rc = app_can_edit(ac, e)) || (rc = app_begin(a, e)))
		goto done;
	if ((rc = meet_lookup(a, ac, id, m, e)))
		goto out;
	if (m->state == MST_CANCELLED) {
		rc = err_add(e, ERR_RULE, 0, "id", NULL, NULL, "meeting %lld is already cancelled",
			     (long long)id);
		goto out;
	}
	if (!reason || !reason[0]) {
		rc = err_add(e, ERR_INPUT, 0, "reason", NULL, NULL,
			     "say why the meeting is cancelled (the reason)");
		goto out;
	}
	if (text_accept(reason, sizeof clean - 1, 0, clean, sizeof clean, e, 0, "reason",
			"the reason")) {
		rc = e->code;
		goto out;
	}
	if ((rc = store_meeting_set_state(a->st, id, MST_CANCELLED, m->quorum_base, clean, e)))
		goto out;
	before = app_json("{s:s}", "state", meeting_state_name(m->state));
	after = app_json("{s:s,s:s}", "state", "cancelled", "reason", clean);
	snprintf(subject, sizeof subject, "meeting:%lld", (long long)id);
	rc = app_audit(a, ac, "meeting.cancel", subject, m->org_id, before, after, e);
out:
	rc = app_end(a, rc, e);
done:
	free(before);
	free(after);
	meeting_cleanup(m);
	free(m);
	return rc;
}

/* ---- the JSON and the minutes ---------------------------------------------------------- */

static json_t *person_json(int64_t id, const char *name)
{
	char clean[VNAME_MAX + 1];

	if (!id)
		return json_null();
	text_copy(clean, sizeof clean, name);
	return json_pack("{s:I,s:s}", "id", (json_int_t)id, "name", clean);
}

static json_t *str_json(const char *s, size_t cap)
{
	char *clean = xmalloc(cap);
	json_t *j;

	text_copy(clean, cap, s);
	j = json_string(clean);
	free(clean);
	return j;
}

json_t *app_meeting_json(const struct meeting *m, int with_att)
{
	char d[DATE_STR], t1[6], t2[6];
	json_t *j, *res = json_array();
	size_t i;

	j = json_pack("{s:I,s:s,s:o,s:s,s:s,s:s,s:i,s:s,s:s,s:o,s:o,s:o,s:o,s:o,s:o}", "id",
		      (json_int_t)m->id, "org", m->org_code, "org_name",
		      str_json(m->org_name, sizeof m->org_name), "date", date_format(m->on, d),
		      "starts", meeting_format_time(m->starts_min, t1), "ends",
		      meeting_format_time(m->ends_min, t2), "minutes", m->ends_min - m->starts_min,
		      "kind", meeting_kind_name(m->kind), "state", meeting_state_name(m->state),
		      "topic", str_json(m->topic, sizeof m->topic), "agenda",
		      str_json(m->agenda, sizeof m->agenda), "content",
		      str_json(m->content, sizeof m->content), "guests",
		      str_json(m->guests, sizeof m->guests), "chair",
		      person_json(m->chair_id, m->chair_name), "secretary",
		      person_json(m->secretary_id, m->secretary_name));
	if (!j) {
		json_decref(res);
		return NULL;
	}
	json_object_set_new(j, "document_id",
			    m->document_id ? json_integer(m->document_id) : json_null());
	json_object_set_new(j, "makeup_of", m->makeup_of ? json_integer(m->makeup_of) : json_null());
	json_object_set_new(j, "quorum_base",
			    m->quorum_base >= 0 ? json_integer(m->quorum_base) : json_null());
	json_object_set_new(j, "counts",
			    json_pack("{s:i,s:i,s:i,s:i}", "present", (json_int_t)m->n_present,
				      "excused", (json_int_t)m->n_excused, "absent",
				      (json_int_t)m->n_absent, "not_counted",
				      (json_int_t)m->n_not_counted));
	json_object_set_new(j, "cancel_reason", str_json(m->cancel_reason, sizeof m->cancel_reason));
	if (with_att) {
		json_t *att = json_array();

		for (i = 0; i < m->n_att; i++) {
			const struct meet_attendance *r = &m->att[i];

			json_array_append_new(
				att, json_pack("{s:I,s:o,s:s,s:s,s:o}", "member_id",
					       (json_int_t)r->member_id, "name",
					       str_json(r->name, sizeof r->name), "org", r->org_code,
					       "status", attend_status_name(r->status), "reason",
					       str_json(r->reason, sizeof r->reason)));
		}
		json_object_set_new(j, "attendance", att);
	}
	for (i = 0; i < m->n_res; i++) {
		const struct meet_resolution *r = &m->res[i];

		json_array_append_new(
			res, json_pack("{s:i,s:o,s:i,s:i,s:i,s:i,s:b,s:s}", "seq", r->seq, "text",
				       str_json(r->text, sizeof r->text), "for",
				       (json_int_t)r->votes_for, "against", (json_int_t)r->against,
				       "abstain", (json_int_t)r->abstain, "base", (json_int_t)r->base,
				       "passed", r->passed, "rule", R_MEETING_QUORUM));
	}
	json_object_set_new(j, "resolutions", res);
	json_object_set_new(j, "rules", json_string(m->rules));
	json_object_set_new(j, "recorded_by", str_json(m->recorded_by, sizeof m->recorded_by));
	json_object_set_new(j, "recorded_at", json_string(m->recorded_at));
	return j;
}

static const char *kind_vi(enum meeting_kind k)
{
	switch (k) {
	case MK_MONTHLY:
		return "sinh hoạt thường kỳ";
	case MK_THEMATIC:
		return "sinh hoạt chuyên đề";
	case MK_EXTRAORDINARY:
		return "họp bất thường";
	default:
		return "học tập, quán triệt";
	}
}

static const char *status_vi(enum attend_status s)
{
	switch (s) {
	case AT_PRESENT:
		return "có mặt";
	case AT_EXCUSED:
		return "vắng có lý do";
	case AT_ABSENT:
		return "vắng không lý do";
	default:
		return "không tính";
	}
}

/* The reasons the app writes itself, in the minutes' language. */
static const char *reason_vi(const char *r)
{
	if (!strcmp(r, "on temporary transfer elsewhere"))
		return "đang chuyển sinh hoạt tạm thời";
	if (!strcmp(r, "suspended"))
		return "đang bị đình chỉ sinh hoạt";
	if (!strcmp(r, "exempt from activity"))
		return "được miễn sinh hoạt";
	return r;
}

enum err_code app_meeting_minutes(struct app *a, const struct actor *ac, int64_t id, FILE *out,
				  struct err *e)
{
	struct meeting *m = xmalloc(sizeof *m);
	char t1[6], t2[6], subject[40];
	enum err_code rc;
	size_t i;
	int y, mo, day;

	meeting_init(m);
	if ((rc = app_meeting_get(a, ac, id, m, e)))
		goto out;
	snprintf(subject, sizeof subject, "meeting:%lld", (long long)id);
	if ((rc = app_audit_read(a, ac, "meeting.read", subject, m->org_id, e)))
		goto out;
	date_to_ymd(m->on, &y, &mo, &day);
	fprintf(out, "%s\n", m->org_name);
	fprintf(out, "ĐẢNG CỘNG SẢN VIỆT NAM\n\n");
	fprintf(out, "BIÊN BẢN %s\n", kind_vi(m->kind));
	if (m->topic[0])
		fprintf(out, "%s\n", m->topic);
	fprintf(out, "\nNgày %02d tháng %02d năm %d, từ %s đến %s (%d phút)\n", day, mo, y,
		meeting_format_time(m->starts_min, t1), meeting_format_time(m->ends_min, t2),
		m->ends_min - m->starts_min);
	if (m->state == MST_CANCELLED)
		fprintf(out, "ĐÃ HỦY: %s\n", m->cancel_reason);
	fprintf(out, "Chủ trì: %s\nThư ký: %s\n", m->chair_id ? m->chair_name : "-",
		m->secretary_id ? m->secretary_name : "-");
	if (m->guests[0])
		fprintf(out, "Khách mời: %s\n", m->guests);
	fprintf(out, "\nI. THÀNH PHẦN\nTổng số đảng viên: %zu; có mặt %ld, vắng có lý do %ld, "
		     "vắng không lý do %ld, không tính %ld.\n",
		m->n_att, m->n_present, m->n_excused, m->n_absent, m->n_not_counted);
	for (i = 0; i < m->n_att; i++)
		fprintf(out, "%3zu. %s - %s%s%s\n", i + 1, m->att[i].name,
			status_vi(m->att[i].status), m->att[i].reason[0] ? ": " : "",
			reason_vi(m->att[i].reason));
	fprintf(out, "\nII. NỘI DUNG\n%s\n%s\n", m->agenda, m->content);
	fprintf(out, "\nIII. NGHỊ QUYẾT\n");
	for (i = 0; i < m->n_res; i++)
		fprintf(out, "%d. %s\nTán thành %ld, không tán thành %ld, không biểu quyết %ld, trên "
			     "%ld đảng viên được tính (%s): %s.\n",
			m->res[i].seq, m->res[i].text, m->res[i].votes_for, m->res[i].against,
			m->res[i].abstain, m->res[i].base, R_MEETING_QUORUM,
			m->res[i].passed ? "thông qua" : "không thông qua");
	if (!m->n_res)
		fprintf(out, "-\n");
	fprintf(out, "\nTHƯ KÝ\t\t\tCHỦ TRÌ\n%s\t\t\t%s\n", m->secretary_name,
		m->chair_name);
	if (fflush(out) || ferror(out))
		rc = err_set(e, ERR_STORAGE, "cannot write the minutes");
out:
	meeting_cleanup(m);
	free(m);
	return rc;
}
