/* store_insp.c - the SQL of inspection and supervision: programmes by their organisation,
 * items by their programme, cases by their target's organisation (a subtree by the pre
 * interval), a case's history by its case. */
#include <string.h>

#include "store_insp.h"
#include "store_int.h"

/* ---- programmes ---------------------------------------------------------------------- */

#define PROG_SQL                                                                             \
	"SELECT p.id, p.org_id, p.body, p.year, p.kind, p.title, p.approved_on, p.doc_no,"   \
	" p.recorded_by, coalesce(o.code, ''), coalesce(o.name, ''),"                         \
	" (SELECT count(*) FROM insp_item i WHERE i.programme_id = p.id"                      \
	"   AND i.deleted_at IS NULL),"                                                       \
	" (SELECT count(*) FROM insp_case c JOIN insp_item i ON i.id = c.item_id"            \
	"   WHERE i.programme_id = p.id)"                                                     \
	" FROM insp_programme p LEFT JOIN org o ON o.id = p.org_id"

static void read_programme(sqlite3_stmt *s, struct insp_programme *p)
{
	const unsigned char *t;

	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(s, 0);
	p->org_id = sqlite3_column_int64(s, 1);
	t = sqlite3_column_text(s, 2);
	if (!t || insp_body_parse((const char *)t, &p->body))
		p->body = IB_COMMITTEE;
	p->year = sqlite3_column_int(s, 3);
	t = sqlite3_column_text(s, 4);
	if (!t || insp_pkind_parse((const char *)t, &p->kind))
		p->kind = IPK_INSPECTION;
	sq_col_copy(s, 5, p->title, sizeof p->title);
	p->approved_on = sq_col_date(s, 6);
	sq_col_copy(s, 7, p->doc_no, sizeof p->doc_no);
	sq_col_copy(s, 8, p->recorded_by, sizeof p->recorded_by);
	sq_col_copy(s, 9, p->org_code, sizeof p->org_code);
	sq_col_copy(s, 10, p->org_name, sizeof p->org_name);
	p->items = (long)sqlite3_column_int64(s, 11);
	p->cases = (long)sqlite3_column_int64(s, 12);
}

enum err_code store_insp_programme_insert(struct store *st, struct insp_programme *p,
					  const char *by, struct err *e)
{
	static const char sql[] =
		"INSERT INTO insp_programme(org_id, body, year, kind, title, approved_on, doc_no,"
		" recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, p->org_id);
	sq_bind_text(s, 2, insp_body_name(p->body));
	sqlite3_bind_int(s, 3, p->year);
	sq_bind_text(s, 4, insp_pkind_name(p->kind));
	sq_bind_text(s, 5, p->title);
	sq_bind_date(s, 6, p->approved_on);
	sq_bind_text(s, 7, p->doc_no);
	sq_bind_text(s, 8, by);
	if (sq_step_done(st, s, e, "recording a programme"))
		return e->code;
	p->id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

enum err_code store_insp_programme_get(struct store *st, int64_t id, struct insp_programme *p,
				       struct err *e)
{
	static const char sql[] = PROG_SQL " WHERE p.id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_programme(s, p);
	sq_done(st, s);
	if (rc == SQLITE_DONE)
		return err_set(e, ERR_NOTFOUND, "no programme has the id %lld", (long long)id);
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading a programme");
}

enum err_code store_insp_programme_find(struct store *st, int64_t org_id, enum insp_body body,
					int year, enum insp_pkind kind, int64_t *id,
					struct err *e)
{
	static const char sql[] = "SELECT id FROM insp_programme WHERE org_id = ?1 AND body = ?2"
				  " AND year = ?3 AND kind = ?4";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	*id = 0;
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	sq_bind_text(s, 2, insp_body_name(body));
	sqlite3_bind_int(s, 3, year);
	sq_bind_text(s, 4, insp_pkind_name(kind));
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(s, 0);
	sq_done(st, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ERR_OK
						     : sq_db_error(st, e, "reading a programme");
}

enum err_code store_insp_programme_walk(struct store *st, const struct insp_programme_filter *f,
					store_insp_programme_cb cb, void *ctx, struct err *e)
{
	static const char sql[] =
		PROG_SQL " WHERE p.org_id IN (SELECT id FROM org WHERE pre BETWEEN ?1 AND ?2)"
		" AND (?3 = 0 OR p.year = ?3) AND (?4 IS NULL OR p.kind = ?4)"
		" AND (?5 IS NULL OR p.body = ?5)"
		" ORDER BY p.year DESC, o.code, p.body, p.kind";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct insp_programme p;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, f->pre);
	sqlite3_bind_int64(s, 2, f->last);
	sqlite3_bind_int(s, 3, f->year);
	if (f->kind >= 0)
		sq_bind_text(s, 4, insp_pkind_name((enum insp_pkind)f->kind));
	if (f->body >= 0)
		sq_bind_text(s, 5, insp_body_name((enum insp_body)f->body));
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_programme(s, &p);
		if (cb(ctx, &p))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						     : sq_db_error(st, e, "reading programmes");
}

/* ---- items --------------------------------------------------------------------------- */

#define ITEM_SQL                                                                             \
	"SELECT i.id, i.programme_id, i.org_id, coalesce(i.member_id, 0), i.kind,"           \
	" i.planned_from, i.planned_to, i.content, i.deleted_at IS NOT NULL,"                 \
	" coalesce(o.code, ''), coalesce(o.name, ''), coalesce(m.full_name, ''),"             \
	" (SELECT count(*) FROM insp_case c WHERE c.item_id = i.id)"                          \
	" FROM insp_item i LEFT JOIN org o ON o.id = i.org_id"                                \
	" LEFT JOIN member m ON m.id = i.member_id"

static void read_item(sqlite3_stmt *s, struct insp_item *it)
{
	const unsigned char *t;

	memset(it, 0, sizeof *it);
	it->id = sqlite3_column_int64(s, 0);
	it->programme_id = sqlite3_column_int64(s, 1);
	it->org_id = sqlite3_column_int64(s, 2);
	it->member_id = sqlite3_column_int64(s, 3);
	t = sqlite3_column_text(s, 4);
	if (!t || insp_kind_parse((const char *)t, &it->kind))
		it->kind = IK_PLAN;
	it->planned_from = sq_col_date(s, 5);
	it->planned_to = sq_col_date(s, 6);
	sq_col_copy(s, 7, it->content, sizeof it->content);
	it->deleted = sqlite3_column_int(s, 8);
	sq_col_copy(s, 9, it->org_code, sizeof it->org_code);
	sq_col_copy(s, 10, it->org_name, sizeof it->org_name);
	sq_col_copy(s, 11, it->member_name, sizeof it->member_name);
	it->cases = (long)sqlite3_column_int64(s, 12);
}

enum err_code store_insp_item_insert(struct store *st, struct insp_item *it, const char *by,
				     struct err *e)
{
	static const char sql[] =
		"INSERT INTO insp_item(programme_id, org_id, member_id, kind, planned_from,"
		" planned_to, content, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, it->programme_id);
	sqlite3_bind_int64(s, 2, it->org_id);
	sq_bind_id_or_null(s, 3, it->member_id);
	sq_bind_text(s, 4, insp_kind_name(it->kind));
	sq_bind_date(s, 5, it->planned_from);
	sq_bind_date(s, 6, it->planned_to);
	sq_bind_text(s, 7, it->content);
	sq_bind_text(s, 8, by);
	if (sq_step_done(st, s, e, "recording a programme item"))
		return e->code;
	it->id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

enum err_code store_insp_item_get(struct store *st, int64_t id, struct insp_item *it,
				  struct err *e)
{
	static const char sql[] = ITEM_SQL " WHERE i.id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_item(s, it);
	sq_done(st, s);
	if (rc == SQLITE_DONE)
		return err_set(e, ERR_NOTFOUND, "no programme item has the id %lld", (long long)id);
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading a programme item");
}

enum err_code store_insp_item_delete(struct store *st, int64_t id, struct err *e)
{
	static const char sql[] =
		"UPDATE insp_item SET deleted_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
		" WHERE id = ?1 AND deleted_at IS NULL";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	return sq_step_done(st, s, e, "removing a programme item");
}

enum err_code store_insp_item_walk(struct store *st, int64_t programme_id,
				   store_insp_item_cb cb, void *ctx, struct err *e)
{
	static const char sql[] = ITEM_SQL " WHERE i.programme_id = ?1 AND i.deleted_at IS NULL"
				  " ORDER BY i.planned_from, i.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct insp_item it;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, programme_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_item(s, &it);
		if (cb(ctx, &it))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						     : sq_db_error(st, e, "reading programme items");
}

/* ---- cases --------------------------------------------------------------------------- */

#define CASE_SQL                                                                             \
	"SELECT c.id, coalesce(c.item_id, 0), c.org_id, coalesce(c.member_id, 0),"           \
	" c.body_org_id, coalesce(i.programme_id, 0), c.body, c.kind, c.decision_no,"         \
	" c.decision_on, c.team, c.period_from, c.period_to, c.content, c.findings, c.state," \
	" coalesce(c.conclusion, ''), c.concluded_on, c.conclusion_no, c.proposal,"           \
	" c.notice_no, c.notified_on, c.followup, c.followup_on,"                             \
	" (SELECT max(on_date) FROM insp_case_event v WHERE v.case_id = c.id"                 \
	"   AND v.state = 'closed'),"                                                         \
	" c.recorded_by, coalesce(o.code, ''), coalesce(o.name, ''),"                         \
	" coalesce(m.full_name, ''), coalesce(b.code, ''), coalesce(b.name, '')"              \
	" FROM insp_case c LEFT JOIN insp_item i ON i.id = c.item_id"                         \
	" LEFT JOIN org o ON o.id = c.org_id LEFT JOIN member m ON m.id = c.member_id"        \
	" LEFT JOIN org b ON b.id = c.body_org_id"

static void read_case(sqlite3_stmt *s, struct insp_case *c)
{
	const unsigned char *t;

	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(s, 0);
	c->item_id = sqlite3_column_int64(s, 1);
	c->org_id = sqlite3_column_int64(s, 2);
	c->member_id = sqlite3_column_int64(s, 3);
	c->body_org_id = sqlite3_column_int64(s, 4);
	c->programme_id = sqlite3_column_int64(s, 5);
	t = sqlite3_column_text(s, 6);
	if (!t || insp_body_parse((const char *)t, &c->body))
		c->body = IB_COMMITTEE;
	t = sqlite3_column_text(s, 7);
	if (!t || insp_kind_parse((const char *)t, &c->kind))
		c->kind = IK_PLAN;
	sq_col_copy(s, 8, c->decision_no, sizeof c->decision_no);
	c->decision_on = sq_col_date(s, 9);
	sq_col_copy(s, 10, c->team, sizeof c->team);
	c->period_from = sq_col_date(s, 11);
	c->period_to = sq_col_date(s, 12);
	sq_col_copy(s, 13, c->content, sizeof c->content);
	sq_col_copy(s, 14, c->findings, sizeof c->findings);
	t = sqlite3_column_text(s, 15);
	if (!t || insp_state_parse((const char *)t, &c->state))
		c->state = IS_OPEN;
	t = sqlite3_column_text(s, 16);
	if (!t || insp_conclusion_parse((const char *)t, &c->conclusion))
		c->conclusion = ICN_NONE;
	c->concluded_on = sq_col_date(s, 17);
	sq_col_copy(s, 18, c->conclusion_no, sizeof c->conclusion_no);
	sq_col_copy(s, 19, c->proposal, sizeof c->proposal);
	sq_col_copy(s, 20, c->notice_no, sizeof c->notice_no);
	c->notified_on = sq_col_date(s, 21);
	sq_col_copy(s, 22, c->followup, sizeof c->followup);
	c->followup_on = sq_col_date(s, 23);
	c->closed_on = sq_col_date(s, 24);
	sq_col_copy(s, 25, c->recorded_by, sizeof c->recorded_by);
	sq_col_copy(s, 26, c->org_code, sizeof c->org_code);
	sq_col_copy(s, 27, c->org_name, sizeof c->org_name);
	sq_col_copy(s, 28, c->member_name, sizeof c->member_name);
	sq_col_copy(s, 29, c->body_code, sizeof c->body_code);
	sq_col_copy(s, 30, c->body_name, sizeof c->body_name);
}

/* The fields that change after the opening, on ?10..?21. */
static void bind_case_rest(sqlite3_stmt *s, const struct insp_case *c)
{
	sq_bind_text(s, 10, c->findings);
	sq_bind_text(s, 11, insp_state_name(c->state));
	if (c->conclusion != ICN_NONE)
		sq_bind_text(s, 12, insp_conclusion_name(c->conclusion));
	else
		sqlite3_bind_null(s, 12);
	sq_bind_date(s, 13, c->concluded_on);
	sq_bind_text(s, 14, c->conclusion_no);
	sq_bind_text(s, 15, c->proposal);
	sq_bind_text(s, 16, c->notice_no);
	sq_bind_date(s, 17, c->notified_on);
	sq_bind_text(s, 18, c->followup);
	sq_bind_date(s, 19, c->followup_on);
}

enum err_code store_insp_case_insert(struct store *st, struct insp_case *c, const char *by,
				     struct err *e)
{
	static const char sql[] =
		"INSERT INTO insp_case(item_id, org_id, member_id, body_org_id, body, kind,"
		" decision_no, decision_on, team, findings, state, conclusion, concluded_on,"
		" conclusion_no, proposal, notice_no, notified_on, followup, followup_on,"
		" period_from, period_to, content, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
		" ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sq_bind_id_or_null(s, 1, c->item_id);
	sqlite3_bind_int64(s, 2, c->org_id);
	sq_bind_id_or_null(s, 3, c->member_id);
	sqlite3_bind_int64(s, 4, c->body_org_id);
	sq_bind_text(s, 5, insp_body_name(c->body));
	sq_bind_text(s, 6, insp_kind_name(c->kind));
	sq_bind_text(s, 7, c->decision_no);
	sq_bind_date(s, 8, c->decision_on);
	sq_bind_text(s, 9, c->team);
	bind_case_rest(s, c);
	sq_bind_date(s, 20, c->period_from);
	sq_bind_date(s, 21, c->period_to);
	sq_bind_text(s, 22, c->content);
	sq_bind_text(s, 23, by);
	if (sq_step_done(st, s, e, "opening a case"))
		return e->code;
	c->id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

enum err_code store_insp_case_update(struct store *st, const struct insp_case *c,
				     struct err *e)
{
	static const char sql[] =
		"UPDATE insp_case SET findings = ?10, state = ?11, conclusion = ?12,"
		" concluded_on = ?13, conclusion_no = ?14, proposal = ?15, notice_no = ?16,"
		" notified_on = ?17, followup = ?18, followup_on = ?19 WHERE id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, c->id);
	bind_case_rest(s, c);
	return sq_step_done(st, s, e, "changing a case");
}

enum err_code store_insp_case_get(struct store *st, int64_t id, struct insp_case *c,
				  struct err *e)
{
	static const char sql[] = CASE_SQL " WHERE c.id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_case(s, c);
	sq_done(st, s);
	if (rc == SQLITE_DONE)
		return err_set(e, ERR_NOTFOUND, "no case has the id %lld", (long long)id);
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading a case");
}

enum err_code store_insp_case_find(struct store *st, int64_t body_org_id,
				   const char *decision_no, int64_t *id, struct err *e)
{
	static const char sql[] =
		"SELECT id FROM insp_case WHERE body_org_id = ?1 AND decision_no = ?2";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	*id = 0;
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, body_org_id);
	sq_bind_text(s, 2, decision_no);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(s, 0);
	sq_done(st, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ERR_OK : sq_db_error(st, e, "reading a case");
}

enum err_code store_insp_case_walk(struct store *st, const struct insp_case_filter *f,
				   store_insp_case_cb cb, void *ctx, struct err *e)
{
	static const char sql[] =
		CASE_SQL " WHERE c.org_id IN (SELECT id FROM org WHERE pre BETWEEN ?1 AND ?2)"
		" AND (?3 IS NULL OR c.decision_on BETWEEN ?3 AND ?4)"
		" AND (?5 IS NULL OR c.kind = ?5) AND (?6 IS NULL OR c.state = ?6)"
		" AND (?7 = 0 OR (c.state = 'open' AND c.period_to < ?8))"
		" AND (?9 = 0 OR c.item_id = ?9) AND (?10 = 0 OR i.programme_id = ?10)"
		" AND (?11 = 0 OR c.member_id = ?11)"
		" ORDER BY c.decision_on DESC, c.id DESC";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct insp_case c;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, f->pre);
	sqlite3_bind_int64(s, 2, f->last);
	if (f->year) {
		sq_bind_date(s, 3, date_from_ymd(f->year, 1, 1));
		sq_bind_date(s, 4, date_from_ymd(f->year, 12, 31));
	}
	if (f->kind >= 0)
		sq_bind_text(s, 5, insp_kind_name((enum insp_kind)f->kind));
	if (f->state >= 0)
		sq_bind_text(s, 6, insp_state_name((enum insp_state)f->state));
	sqlite3_bind_int(s, 7, f->late);
	sq_bind_date(s, 8, f->today);
	sqlite3_bind_int64(s, 9, f->item_id);
	sqlite3_bind_int64(s, 10, f->programme_id);
	sqlite3_bind_int64(s, 11, f->member_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_case(s, &c);
		if (cb(ctx, &c))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading cases");
}

/* ---- history ------------------------------------------------------------------------- */

enum err_code store_insp_event_insert(struct store *st, struct insp_event *ev, const char *by,
				      struct err *e)
{
	static const char sql[] =
		"INSERT INTO insp_case_event(case_id, state, on_date, doc_no, note, recorded_by)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, ev->case_id);
	sq_bind_text(s, 2, ev->state);
	sq_bind_date(s, 3, ev->on_date);
	sq_bind_text(s, 4, ev->doc_no);
	sq_bind_text(s, 5, ev->note);
	sq_bind_text(s, 6, by);
	if (sq_step_done(st, s, e, "recording a case's history"))
		return e->code;
	ev->id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

enum err_code store_insp_event_walk(struct store *st, int64_t case_id, store_insp_event_cb cb,
				    void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT id, case_id, state, on_date, doc_no, note, recorded_by, recorded_at"
		" FROM insp_case_event WHERE case_id = ?1 ORDER BY id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct insp_event ev;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, case_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&ev, 0, sizeof ev);
		ev.id = sqlite3_column_int64(s, 0);
		ev.case_id = sqlite3_column_int64(s, 1);
		sq_col_copy(s, 2, ev.state, sizeof ev.state);
		ev.on_date = sq_col_date(s, 3);
		sq_col_copy(s, 4, ev.doc_no, sizeof ev.doc_no);
		sq_col_copy(s, 5, ev.note, sizeof ev.note);
		sq_col_copy(s, 6, ev.recorded_by, sizeof ev.recorded_by);
		sq_col_copy(s, 7, ev.recorded_at, sizeof ev.recorded_at);
		if (cb(ctx, &ev))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						     : sq_db_error(st, e, "reading a case's history");
}
