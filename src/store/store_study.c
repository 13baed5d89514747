/* store_study.c - the SQL of the study of documents (store_study.h, docs/study.md): the
 * register, plans, study sessions and attendance, confirmations, coverage from the kept
 * counters (and the plain way beside it), and action programmes. Every value bound. */
#include <stdio.h>
#include <string.h>

#include "../core/fig.h"
#include "store_int.h"
#include "store_study.h"

#define ON_ROLL "('probationary','official','exempt','suspended')"

#define DOC_COLS                                                                         \
	"d.id, d.number, d.num, d.type, d.issuer, d.issued_on, d.title,"                 \
	" coalesce(d.replaces_id, 0), coalesce(r.number, ''), d.org_id, o.code, o.pre,"   \
	" o.last, d.recorded_by"
#define DOC_FROM                                                                         \
	" FROM document d JOIN org o ON o.id = d.org_id"                                  \
	" LEFT JOIN document r ON r.id = d.replaces_id"

static void read_doc(sqlite3_stmt *s, struct doc *d)
{
	memset(d, 0, sizeof *d);
	d->id = sqlite3_column_int64(s, 0);
	sq_col_copy(s, 1, d->number, sizeof d->number);
	sq_col_copy(s, 2, d->num, sizeof d->num);
	sq_col_copy(s, 3, d->type, sizeof d->type);
	sq_col_copy(s, 4, d->issuer, sizeof d->issuer);
	d->issued_on = sq_col_date(s, 5);
	sq_col_copy(s, 6, d->title, sizeof d->title);
	d->replaces_id = sqlite3_column_int64(s, 7);
	sq_col_copy(s, 8, d->replaces_number, sizeof d->replaces_number);
	d->org_id = sqlite3_column_int64(s, 9);
	sq_col_copy(s, 10, d->org_code, sizeof d->org_code);
	d->org_pre = (long)sqlite3_column_int64(s, 11);
	d->org_last = (long)sqlite3_column_int64(s, 12);
	sq_col_copy(s, 13, d->recorded_by, sizeof d->recorded_by);
}

enum err_code store_doc_insert(struct store *st, struct doc *d, const char *folded,
			       struct err *e)
{
	static const char sql[] =
		"INSERT INTO document(number, num, type, issuer, issued_on, title, folded,"
		" replaces_id, org_id, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	enum err_code rc;

	if (!s)
		return e->code;
	sq_bind_text(s, 1, d->number);
	sq_bind_text(s, 2, d->num);
	sq_bind_text(s, 3, d->type);
	sq_bind_text(s, 4, d->issuer);
	sq_bind_date(s, 5, d->issued_on);
	sq_bind_text(s, 6, d->title);
	sq_bind_text(s, 7, folded);
	sq_bind_id_or_null(s, 8, d->replaces_id);
	sqlite3_bind_int64(s, 9, d->org_id);
	sq_bind_text(s, 10, d->recorded_by);
	if ((rc = sq_step_done(st, s, e, "storing a document")))
		return rc;
	d->id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

static enum err_code doc_one(struct store *st, sqlite3_stmt *s, struct doc *d, struct err *e)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW) {
		read_doc(s, d);
		sq_done(st, s);
		return ERR_OK;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE ? ERR_NOTFOUND : sq_db_error(st, e, "reading a document");
}

enum err_code store_doc_get(struct store *st, int64_t id, struct doc *d, struct err *e)
{
	static const char sql[] = "SELECT " DOC_COLS DOC_FROM " WHERE d.id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	return doc_one(st, s, d, e);
}

enum err_code store_doc_by_number(struct store *st, const char *number, struct doc *d,
				  struct err *e)
{
	static const char sql[] = "SELECT " DOC_COLS DOC_FROM
				  " WHERE d.number = ?1 ORDER BY d.issued_on DESC, d.id DESC LIMIT 1";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sq_bind_text(s, 1, number);
	return doc_one(st, s, d, e);
}

enum err_code store_doc_by_number_on(struct store *st, const char *number, date_t on,
				     struct doc *d, struct err *e)
{
	static const char sql[] = "SELECT " DOC_COLS DOC_FROM
				  " WHERE d.number = ?1 AND d.issued_on = ?2 ORDER BY d.id LIMIT 1";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sq_bind_text(s, 1, number);
	sq_bind_date(s, 2, on);
	return doc_one(st, s, d, e);
}

enum err_code store_doc_list(struct store *st, long spre, long slast, const char *const *words,
			     int n, store_doc_cb cb, void *ctx, struct err *e)
{
	/* up to 6 words, each a substring of the folded number, type name and title */
	static const char sql[] =
		"SELECT " DOC_COLS DOC_FROM
		" WHERE ((o.pre <= ?1 AND ?1 <= o.last) OR o.pre BETWEEN ?1 AND ?2)"
		"  AND (?3 IS NULL OR instr(d.folded, ?3)) AND (?4 IS NULL OR instr(d.folded, ?4))"
		"  AND (?5 IS NULL OR instr(d.folded, ?5)) AND (?6 IS NULL OR instr(d.folded, ?6))"
		"  AND (?7 IS NULL OR instr(d.folded, ?7)) AND (?8 IS NULL OR instr(d.folded, ?8))"
		" ORDER BY d.issued_on DESC, d.id DESC";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct doc d;
	int i;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, spre);
	sqlite3_bind_int64(s, 2, slast);
	for (i = 0; i < n && i < 6; i++)
		sq_bind_text(s, 3 + i, words[i]);
	WALK(st, s, e, "listing documents", {
		read_doc(s, &d);
		if (cb(ctx, &d)) {
			step_ = SQLITE_DONE;
			break;
		}
	});
	return ERR_OK;
}

enum err_code store_doc_replaced_by(struct store *st, int64_t id, store_doc_cb cb, void *ctx,
				    struct err *e)
{
	static const char sql[] = "SELECT " DOC_COLS DOC_FROM " WHERE d.replaces_id = ?1"
				  " ORDER BY d.issued_on, d.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct doc d;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	WALK(st, s, e, "reading documents", {
		read_doc(s, &d);
		if (cb(ctx, &d)) {
			step_ = SQLITE_DONE;
			break;
		}
	});
	return ERR_OK;
}

enum err_code store_plan_insert(struct store *st, struct study_plan *p, const char *by,
				struct err *e)
{
	static const char sql[] =
		"INSERT INTO study_plan(document_id, org_id, audience_org_id, tier, category,"
		" deadline, note, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	enum err_code rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, p->document_id);
	sqlite3_bind_int64(s, 2, p->org_id);
	sqlite3_bind_int64(s, 3, p->audience_org_id);
	sq_bind_text(s, 4, p->tier);
	sq_bind_text(s, 5, p->category);
	sq_bind_date(s, 6, p->deadline);
	sq_bind_text(s, 7, p->note);
	sq_bind_text(s, 8, by);
	if ((rc = sq_step_done(st, s, e, "storing a study plan")))
		return rc;
	p->id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

enum err_code store_plan_list(struct store *st, int64_t doc_id, long spre, long slast,
			      store_plan_cb cb, void *ctx, struct err *e)
{
	/* the plans whose organiser or audience the scope sees, or that introduce to it */
	static const char sql[] =
		"SELECT p.id, p.document_id, p.org_id, o.code, p.audience_org_id, a.code, p.tier,"
		" p.category, p.deadline, p.note FROM study_plan p JOIN org o ON o.id = p.org_id"
		" JOIN org a ON a.id = p.audience_org_id WHERE p.document_id = ?1"
		" AND (o.pre BETWEEN ?2 AND ?3 OR a.pre BETWEEN ?2 AND ?3"
		"  OR (a.pre <= ?2 AND ?2 <= a.last)) ORDER BY o.pre, p.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct study_plan p;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, doc_id);
	sqlite3_bind_int64(s, 2, spre);
	sqlite3_bind_int64(s, 3, slast);
	WALK(st, s, e, "listing study plans", {
		memset(&p, 0, sizeof p);
		p.id = sqlite3_column_int64(s, 0);
		p.document_id = sqlite3_column_int64(s, 1);
		p.org_id = sqlite3_column_int64(s, 2);
		sq_col_copy(s, 3, p.org_code, sizeof p.org_code);
		p.audience_org_id = sqlite3_column_int64(s, 4);
		sq_col_copy(s, 5, p.audience_code, sizeof p.audience_code);
		sq_col_copy(s, 6, p.tier, sizeof p.tier);
		sq_col_copy(s, 7, p.category, sizeof p.category);
		p.deadline = sq_col_date(s, 8);
		sq_col_copy(s, 9, p.note, sizeof p.note);
		if (cb(ctx, &p)) {
			step_ = SQLITE_DONE;
			break;
		}
	});
	return ERR_OK;
}

#define SESSION_COLS                                                                       \
	"g.id, coalesce(g.document_id, mo.document_id), g.org_id, o.code,"                 \
	" coalesce(g.makeup_of, 0), g.on_date, g.starts_min, g.ends_min, g.topic, g.state,"  \
	" (SELECT count(*) FROM meeting_attendance t WHERE t.meeting_id = g.id"            \
	"   AND t.status = 'present'),"                                                    \
	" (SELECT count(*) FROM meeting_attendance t WHERE t.meeting_id = g.id"            \
	"   AND t.status = 'excused'),"                                                    \
	" (SELECT count(*) FROM meeting_attendance t WHERE t.meeting_id = g.id"            \
	"   AND t.status = 'absent'), o.pre"
#define SESSION_FROM                                                                       \
	" FROM meeting g JOIN org o ON o.id = g.org_id LEFT JOIN meeting mo ON mo.id = g.makeup_of"

static void read_session(sqlite3_stmt *s, struct study_session *ss)
{
	memset(ss, 0, sizeof *ss);
	ss->id = sqlite3_column_int64(s, 0);
	ss->document_id = sqlite3_column_int64(s, 1);
	ss->org_id = sqlite3_column_int64(s, 2);
	sq_col_copy(s, 3, ss->org_code, sizeof ss->org_code);
	ss->makeup_of = sqlite3_column_int64(s, 4);
	ss->on_date = sq_col_date(s, 5);
	ss->starts_min = sqlite3_column_int(s, 6);
	ss->ends_min = sqlite3_column_int(s, 7);
	sq_col_copy(s, 8, ss->topic, sizeof ss->topic);
	sq_col_copy(s, 9, ss->state, sizeof ss->state);
	ss->present = (long)sqlite3_column_int64(s, 10);
	ss->excused = (long)sqlite3_column_int64(s, 11);
	ss->absent = (long)sqlite3_column_int64(s, 12);
}

enum err_code store_session_get(struct store *st, int64_t id, struct study_session *ss,
				long *org_pre, struct err *e)
{
	static const char sql[] = "SELECT " SESSION_COLS SESSION_FROM
				  " WHERE g.id = ?1 AND coalesce(g.document_id, mo.document_id)"
				  " IS NOT NULL";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		read_session(s, ss);
		if (org_pre)
			*org_pre = (long)sqlite3_column_int64(s, 13);
		sq_done(st, s);
		return ERR_OK;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE ? ERR_NOTFOUND : sq_db_error(st, e, "reading a study session");
}

enum err_code store_session_list(struct store *st, int64_t doc_id, long spre, long slast,
				 store_session_cb cb, void *ctx, struct err *e)
{
	static const char sql[] = "SELECT " SESSION_COLS SESSION_FROM
				  " WHERE coalesce(g.document_id, mo.document_id) = ?1"
				  " AND o.pre BETWEEN ?2 AND ?3 ORDER BY g.on_date, g.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct study_session ss;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, doc_id);
	sqlite3_bind_int64(s, 2, spre);
	sqlite3_bind_int64(s, 3, slast);
	WALK(st, s, e, "listing study sessions", {
		read_session(s, &ss);
		if (cb(ctx, &ss)) {
			step_ = SQLITE_DONE;
			break;
		}
	});
	return ERR_OK;
}

enum err_code store_study_confirm(struct store *st, int64_t doc_id, int64_t member_id,
				  date_t on, const char *by, int *added, struct err *e)
{
	static const char sql[] =
		"INSERT INTO study_confirm(document_id, member_id, on_date, recorded_by)"
		" VALUES (?1, ?2, ?3, ?4) ON CONFLICT(document_id, member_id) DO NOTHING";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	enum err_code rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, doc_id);
	sqlite3_bind_int64(s, 2, member_id);
	sq_bind_date(s, 3, on);
	sq_bind_text(s, 4, by);
	if ((rc = sq_step_done(st, s, e, "storing a confirmation")))
		return rc;
	*added = sqlite3_changes(st->db) > 0;
	return ERR_OK;
}

enum err_code store_study_coverage(struct store *st, int64_t doc_id, long pre, long last,
				   int names, store_cov_cb cb, void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT o.id, o.code, o.name, o.kind, o.pre, o.last, o.depth, f.core,"
		" coalesce(c.covered, 0) FROM org o LEFT JOIN org_fig f ON f.org_id = o.id"
		" LEFT JOIN study_fig c ON c.document_id = ?1 AND c.org_id = o.id"
		" WHERE o.pre BETWEEN ?2 AND ?3 ORDER BY o.pre";
	/* the totals alone (names): no text read but the kind */
	static const char lean_sql[] =
		"SELECT o.id, '', '', o.kind, o.pre, o.last, o.depth, f.core,"
		" coalesce(c.covered, 0) FROM org o LEFT JOIN org_fig f ON f.org_id = o.id"
		" LEFT JOIN study_fig c ON c.document_id = ?1 AND c.org_id = o.id"
		" WHERE o.pre BETWEEN ?2 AND ?3 ORDER BY o.pre";
	sqlite3_stmt *s = sq_prep(st, names ? sql : lean_sql, e);
	struct study_org_cov c;

	if (!s)
		return e->code;
	memset(&c, 0, sizeof c);
	sqlite3_bind_int64(s, 1, doc_id);
	sqlite3_bind_int64(s, 2, pre);
	sqlite3_bind_int64(s, 3, last);
	WALK(st, s, e, "reading the coverage", {
		const void *blob = sqlite3_column_blob(s, 7);
		long n = 0;

		c.sub_members = c.sub_covered = 0;
		c.studied = 0;
		c.org_id = sqlite3_column_int64(s, 0);
		sq_col_copy(s, 1, c.code, sizeof c.code);
		sq_col_copy(s, 2, c.name, sizeof c.name);
		sq_col_copy(s, 3, c.kind, sizeof c.kind);
		c.pre = (long)sqlite3_column_int64(s, 4);
		c.last = (long)sqlite3_column_int64(s, 5);
		c.depth = sqlite3_column_int(s, 6);
		if (blob)
			n = fig_blob_sum(blob, (size_t)sqlite3_column_bytes(s, 7),
					 FIG_KEY(FD_STATUS, 0), FIG_KEY(FD_STATUS, 0xffffff));
		c.members = n < 0 ? 0 : n;
		c.covered = (long)sqlite3_column_int64(s, 8);
		if (cb(ctx, &c)) {
			step_ = SQLITE_DONE;
			break;
		}
	});
	return ERR_OK;
}

enum err_code store_study_coverage_plain(struct store *st, int64_t doc_id, long pre, long last,
					 date_t as_of, long *members, long *covered,
					 struct err *e)
{
	/* today: the rolls as they are; a date: the members' periods on a roll (not temporary)
	 * that held the day, and the current roll when it began by then and the member is on
	 * it still */
	/* covered: present at a study session of the document (or its make-up) not cancelled,
	 * or confirmed; by a date: on or before it. The attendance scanned, not the counters. */
#define PLAIN_COVERED(member, day)                                                          \
	"(EXISTS (SELECT 1 FROM meeting_attendance t JOIN meeting g ON g.id = t.meeting_id"  \
	"  LEFT JOIN meeting mk ON mk.id = g.makeup_of WHERE t.member_id = " member            \
	"  AND t.status = 'present' AND g.state <> 'cancelled' AND g.on_date <= " day          \
	"  AND coalesce(g.document_id, mk.document_id) = ?1)"                                   \
	" OR EXISTS (SELECT 1 FROM study_confirm c WHERE c.document_id = ?1"                    \
	"  AND c.member_id = " member " AND c.on_date <= " day "))"
	static const char today[] =
		"SELECT count(*), coalesce(sum(" PLAIN_COVERED("m.id", "1e9") "), 0)"
		" FROM org o JOIN member m ON m.org_id = o.id"
		" WHERE o.pre BETWEEN ?2 AND ?3 AND m.status IN " ON_ROLL;
	static const char past[] =
		"WITH onroll(member_id) AS ("
		" SELECT p.member_id FROM member_period p JOIN org o ON o.id = p.org_id"
		"  WHERE o.pre BETWEEN ?2 AND ?3 AND NOT p.temporary AND p.valid_from <= ?4"
		"  AND ?4 < p.valid_to"
		" UNION SELECT m.id FROM member m JOIN org o ON o.id = m.org_id"
		"  WHERE o.pre BETWEEN ?2 AND ?3 AND m.org_since <= ?4 AND m.status IN " ON_ROLL
		"  AND m.admission_ceremony_date <= ?4)"
		" SELECT count(*), coalesce(sum(" PLAIN_COVERED("r.member_id", "?4") "), 0)"
		" FROM onroll r";
	sqlite3_stmt *s = sq_prep(st, as_of == DATE_NONE ? today : past, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, doc_id);
	sqlite3_bind_int64(s, 2, pre);
	sqlite3_bind_int64(s, 3, last);
	if (as_of != DATE_NONE)
		sq_bind_date(s, 4, as_of);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*members = (long)sqlite3_column_int64(s, 0);
		*covered = (long)sqlite3_column_int64(s, 1);
	}
	sq_done(st, s);
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "counting the coverage");
}

enum err_code store_study_members(struct store *st, int64_t doc_id, int64_t org_id, int covered,
				  store_idname_cb cb, void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT m.id, m.full_name, o.code FROM member m JOIN org o ON o.id = m.org_id"
		" WHERE m.org_id = ?2 AND m.status IN " ON_ROLL
		" AND (EXISTS (SELECT 1 FROM study_covered c WHERE c.document_id = ?1"
		"  AND c.member_id = m.id)) = ?3 ORDER BY m.sort_key";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	char name[256], code[ORG_CODE_MAX + 1];

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, doc_id);
	sqlite3_bind_int64(s, 2, org_id);
	sqlite3_bind_int(s, 3, covered ? 1 : 0);
	WALK(st, s, e, "listing members", {
		sq_col_copy(s, 1, name, sizeof name);
		sq_col_copy(s, 2, code, sizeof code);
		if (cb(ctx, sqlite3_column_int64(s, 0), name, code)) {
			step_ = SQLITE_DONE;
			break;
		}
	});
	return ERR_OK;
}

enum err_code store_action_insert(struct store *st, struct action_programme *p, const char *by,
				  struct err *e)
{
	static const char sql[] =
		"INSERT INTO action_programme(org_id, document_id, year, title, recorded_by)"
		" VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(org_id, document_id, year) DO NOTHING";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	enum err_code rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, p->org_id);
	sqlite3_bind_int64(s, 2, p->document_id);
	sqlite3_bind_int(s, 3, p->year);
	sq_bind_text(s, 4, p->title);
	sq_bind_text(s, 5, by);
	if ((rc = sq_step_done(st, s, e, "storing an action programme")))
		return rc;
	if (sqlite3_changes(st->db) == 0)
		return ERR_RULE;
	p->id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

#define ACTION_COLS                                                                         \
	"p.id, p.org_id, o.code, p.document_id, d.number, p.year, p.title,"                 \
	" (SELECT count(*) FROM action_item i WHERE i.programme_id = p.id),"                 \
	" (SELECT count(*) FROM action_item i WHERE i.programme_id = p.id AND i.done = 1), o.pre"
#define ACTION_FROM                                                                         \
	" FROM action_programme p JOIN org o ON o.id = p.org_id"                            \
	" JOIN document d ON d.id = p.document_id"

static void read_action(sqlite3_stmt *s, struct action_programme *p)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(s, 0);
	p->org_id = sqlite3_column_int64(s, 1);
	sq_col_copy(s, 2, p->org_code, sizeof p->org_code);
	p->document_id = sqlite3_column_int64(s, 3);
	sq_col_copy(s, 4, p->doc_number, sizeof p->doc_number);
	p->year = sqlite3_column_int(s, 5);
	sq_col_copy(s, 6, p->title, sizeof p->title);
	p->items = (long)sqlite3_column_int64(s, 7);
	p->done = (long)sqlite3_column_int64(s, 8);
}

enum err_code store_action_get(struct store *st, int64_t id, struct action_programme *p,
			       long *org_pre, struct err *e)
{
	static const char sql[] = "SELECT " ACTION_COLS ACTION_FROM " WHERE p.id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		read_action(s, p);
		*org_pre = (long)sqlite3_column_int64(s, 9);
		sq_done(st, s);
		return ERR_OK;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE ? ERR_NOTFOUND : sq_db_error(st, e, "reading an action programme");
}

enum err_code store_action_list(struct store *st, long pre, long last, int64_t doc_id, int year,
				store_action_cb cb, void *ctx, struct err *e)
{
	static const char sql[] = "SELECT " ACTION_COLS ACTION_FROM
				  " WHERE o.pre BETWEEN ?1 AND ?2 AND (?3 = 0 OR p.document_id = ?3)"
				  " AND (?4 = 0 OR p.year = ?4) ORDER BY o.pre, p.year, p.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct action_programme p;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sqlite3_bind_int64(s, 3, doc_id);
	sqlite3_bind_int(s, 4, year);
	WALK(st, s, e, "listing action programmes", {
		read_action(s, &p);
		if (cb(ctx, &p)) {
			step_ = SQLITE_DONE;
			break;
		}
	});
	return ERR_OK;
}

enum err_code store_action_item_add(struct store *st, int64_t prog_id, struct action_item *it,
				    struct err *e)
{
	static const char sql[] =
		"INSERT INTO action_item(programme_id, seq, text, owner, due_on)"
		" VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM action_item"
		"  WHERE programme_id = ?1), ?2, ?3, ?4) RETURNING seq";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, prog_id);
	sq_bind_text(s, 2, it->text);
	sq_bind_text(s, 3, it->owner);
	sq_bind_date(s, 4, it->due_on);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		it->seq = sqlite3_column_int(s, 0);
	if (rc == SQLITE_ROW)
		rc = sqlite3_step(s);
	sq_done(st, s);
	return rc == SQLITE_DONE ? ERR_OK : sq_db_error(st, e, "storing an action item");
}

enum err_code store_action_item_result(struct store *st, int64_t prog_id, int seq, int done,
				       const char *result, date_t on, struct err *e)
{
	static const char sql[] = "UPDATE action_item SET done = ?3, result = ?4, result_on = ?5"
				  " WHERE programme_id = ?1 AND seq = ?2";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	enum err_code rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, prog_id);
	sqlite3_bind_int(s, 2, seq);
	sqlite3_bind_int(s, 3, done ? 1 : 0);
	sq_bind_text(s, 4, result);
	sq_bind_date(s, 5, on);
	if ((rc = sq_step_done(st, s, e, "storing an action item's result")))
		return rc;
	return sqlite3_changes(st->db) ? ERR_OK : ERR_NOTFOUND;
}

enum err_code store_action_items(struct store *st, int64_t prog_id, store_item_cb cb, void *ctx,
				 struct err *e)
{
	static const char sql[] = "SELECT seq, text, owner, due_on, coalesce(done, -1), result,"
				  " result_on FROM action_item WHERE programme_id = ?1 ORDER BY seq";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct action_item it;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, prog_id);
	WALK(st, s, e, "listing action items", {
		memset(&it, 0, sizeof it);
		it.seq = sqlite3_column_int(s, 0);
		sq_col_copy(s, 1, it.text, sizeof it.text);
		sq_col_copy(s, 2, it.owner, sizeof it.owner);
		it.due_on = sq_col_date(s, 3);
		it.done = sqlite3_column_int(s, 4);
		sq_col_copy(s, 5, it.result, sizeof it.result);
		it.result_on = sq_col_date(s, 6);
		if (cb(ctx, &it)) {
			step_ = SQLITE_DONE;
			break;
		}
	});
	return ERR_OK;
}

enum err_code store_study_plan_docs(struct store *st, long pre, long last, date_t from,
				    date_t to, store_reach_cb cb, void *ctx, struct err *e)
{
	/* recorded_at is UTC text: the plan's year without a deadline is its first 4 bytes */
	static const char sql[] =
		"SELECT d.id, d.number, d.title, a.pre, a.last, a.code FROM study_plan p"
		" JOIN document d ON d.id = p.document_id JOIN org a ON a.id = p.audience_org_id"
		" WHERE (a.pre BETWEEN ?1 AND ?2 OR (a.pre <= ?1 AND ?1 <= a.last))"
		" AND (p.deadline BETWEEN ?3 AND ?4 OR (p.deadline IS NULL AND"
		"  substr(p.recorded_at, 1, 4) = strftime('%Y', ?3 * 86400, 'unixepoch')))"
		" ORDER BY d.issued_on, d.id, a.pre";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct study_reach r;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sq_bind_date(s, 3, from);
	sq_bind_date(s, 4, to);
	WALK(st, s, e, "listing the documents studied in a year", {
		memset(&r, 0, sizeof r);
		r.doc_id = sqlite3_column_int64(s, 0);
		sq_col_copy(s, 1, r.number, sizeof r.number);
		sq_col_copy(s, 2, r.title, sizeof r.title);
		r.apre = (long)sqlite3_column_int64(s, 3);
		r.alast = (long)sqlite3_column_int64(s, 4);
		sq_col_copy(s, 5, r.acode, sizeof r.acode);
		if (cb(ctx, &r)) {
			step_ = SQLITE_DONE;
			break;
		}
	});
	return ERR_OK;
}
