/* store_complaint.c - the SQL of the register of complaints and denunciations (a subtree's by
 * the organisations' pre interval, one discipline's by its index), and of the discipline rows
 * a settlement ends or reads. */
#include <string.h>

#include "store_complaint.h"
#include "store_int.h"

#define COMPLAINT_SQL                                                                        \
	"SELECT c.id, c.kind, coalesce(c.discipline_id, 0), c.org_id, coalesce(c.member_id, 0),"  \
	" c.from_name, c.to_body_org_id, c.lodged_on, c.due_on, c.content, c.state,"         \
	" coalesce(c.outcome, ''), coalesce(c.settled_on, 0), c.settlement_no, c.settlement,"  \
	" coalesce(c.new_discipline_id, 0), c.recorded_by, c.recorded_at, o.code, o.name,"    \
	" b.code, b.name, coalesce(m.full_name, ''), o.pre"                                   \
	" FROM complaint c JOIN org o ON o.id = c.org_id JOIN org b ON b.id = c.to_body_org_id" \
	" LEFT JOIN member m ON m.id = c.member_id"

static void read_complaint(sqlite3_stmt *s, struct complaint_row *c)
{
	char buf[32];

	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(s, 0);
	sq_col_copy(s, 1, buf, sizeof buf);
	c->kind = complaint_kind_parse(buf);
	c->discipline_id = sqlite3_column_int64(s, 2);
	c->org_id = sqlite3_column_int64(s, 3);
	c->member_id = sqlite3_column_int64(s, 4);
	sq_col_copy(s, 5, c->from_name, sizeof c->from_name);
	c->to_body_org_id = sqlite3_column_int64(s, 6);
	c->lodged_on = sq_col_date(s, 7);
	c->due_on = sq_col_date(s, 8);
	sq_col_copy(s, 9, c->content, sizeof c->content);
	sq_col_copy(s, 10, buf, sizeof buf);
	c->state = complaint_state_parse(buf);
	sq_col_copy(s, 11, buf, sizeof buf);
	c->outcome = buf[0] ? complaint_outcome_parse(buf) : -1;
	c->settled_on = (date_t)sqlite3_column_int(s, 12);
	sq_col_copy(s, 13, c->settlement_no, sizeof c->settlement_no);
	sq_col_copy(s, 14, c->settlement, sizeof c->settlement);
	c->new_discipline_id = sqlite3_column_int64(s, 15);
	sq_col_copy(s, 16, c->by, sizeof c->by);
	sq_col_copy(s, 17, c->recorded_at, sizeof c->recorded_at);
	sq_col_copy(s, 18, c->org_code, sizeof c->org_code);
	sq_col_copy(s, 19, c->org_name, sizeof c->org_name);
	sq_col_copy(s, 20, c->body_code, sizeof c->body_code);
	sq_col_copy(s, 21, c->body_name, sizeof c->body_name);
	sq_col_copy(s, 22, c->member_name, sizeof c->member_name);
	c->org_pre = (long)sqlite3_column_int64(s, 23);
}

enum err_code store_complaint_insert(struct store *st, struct complaint_row *c, struct err *e)
{
	static const char sql[] =
		"INSERT INTO complaint(kind, discipline_id, org_id, member_id, from_name,"
		" to_body_org_id, lodged_on, content, due_on, recorded_by)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sq_bind_text(s, 1, complaint_kind_name((enum complaint_kind)c->kind));
	sq_bind_id_or_null(s, 2, c->discipline_id);
	sqlite3_bind_int64(s, 3, c->org_id);
	sq_bind_id_or_null(s, 4, c->member_id);
	sq_bind_text(s, 5, c->from_name);
	sqlite3_bind_int64(s, 6, c->to_body_org_id);
	sq_bind_date(s, 7, c->lodged_on);
	sq_bind_text(s, 8, c->content);
	sq_bind_date(s, 9, c->due_on);
	sq_bind_text(s, 10, c->by);
	if (sq_step_done(st, s, e, "recording a complaint"))
		return e->code;
	c->id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

enum err_code store_complaint_get(struct store *st, int64_t id, struct complaint_row *c,
				  struct err *e)
{
	static const char sql[] = COMPLAINT_SQL " WHERE c.id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_complaint(s, c);
	sq_done(st, s);
	if (rc == SQLITE_DONE)
		return err_set(e, ERR_NOTFOUND, "no complaint has the id %lld", (long long)id);
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading a complaint");
}

enum err_code store_complaint_close(struct store *st, const struct complaint_row *c,
				    struct err *e)
{
	static const char sql[] =
		"UPDATE complaint SET state = ?2, outcome = ?3, settled_on = ?4, settlement_no = ?5,"
		" settlement = ?6, new_discipline_id = ?7 WHERE id = ?1 AND state = 'open'";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, c->id);
	sq_bind_text(s, 2, complaint_state_name((enum complaint_state)c->state));
	if (c->outcome >= 0)
		sq_bind_text(s, 3, complaint_outcome_name((enum complaint_outcome)c->outcome));
	else
		sqlite3_bind_null(s, 3);
	sq_bind_date(s, 4, c->settled_on);
	sq_bind_text(s, 5, c->settlement_no);
	sq_bind_text(s, 6, c->settlement);
	sq_bind_id_or_null(s, 7, c->new_discipline_id);
	if (sq_step_done(st, s, e, "settling a complaint"))
		return e->code;
	if (sqlite3_changes(st->db) != 1)
		return err_add(e, ERR_RULE, 0, "state", NULL, NULL,
			       "the complaint is no longer open: it was settled or withdrawn");
	return ERR_OK;
}

enum err_code store_complaint_walk(struct store *st, const struct complaint_filter *f,
				   store_complaint_cb cb, void *ctx, struct err *e)
{
	static const char by_tree[] = COMPLAINT_SQL
		" WHERE ?8 = 0 AND c.org_id IN (SELECT id FROM org WHERE pre BETWEEN ?1 AND ?2)"
		" AND (?3 IS NULL OR c.kind = ?3) AND (?4 IS NULL OR c.state = ?4)"
		" AND (?5 IS NULL OR c.lodged_on >= ?5) AND (?6 IS NULL OR c.lodged_on <= ?6)"
		" AND (?7 IS NULL OR (c.state = 'open' AND c.due_on < ?7))"
		" ORDER BY c.lodged_on DESC, c.id DESC";
	static const char by_disc[] = COMPLAINT_SQL
		" WHERE c.discipline_id = ?8 AND ?1 IS NOT NULL AND ?2 IS NOT NULL"
		" AND (?3 IS NULL OR c.kind = ?3) AND (?4 IS NULL OR c.state = ?4)"
		" AND (?5 IS NULL OR c.lodged_on >= ?5) AND (?6 IS NULL OR c.lodged_on <= ?6)"
		" AND (?7 IS NULL OR (c.state = 'open' AND c.due_on < ?7))"
		" ORDER BY c.lodged_on DESC, c.id DESC";
	sqlite3_stmt *s = sq_prep(st, f->discipline_id ? by_disc : by_tree, e);
	struct complaint_row c;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, f->pre);
	sqlite3_bind_int64(s, 2, f->last);
	if (f->kind >= 0)
		sq_bind_text(s, 3, complaint_kind_name((enum complaint_kind)f->kind));
	else
		sqlite3_bind_null(s, 3);
	if (f->state >= 0)
		sq_bind_text(s, 4, complaint_state_name((enum complaint_state)f->state));
	else
		sqlite3_bind_null(s, 4);
	if (f->from)
		sq_bind_date(s, 5, f->from);
	else
		sqlite3_bind_null(s, 5);
	if (f->to)
		sq_bind_date(s, 6, f->to);
	else
		sqlite3_bind_null(s, 6);
	if (f->overdue_on)
		sq_bind_date(s, 7, f->overdue_on);
	else
		sqlite3_bind_null(s, 7);
	sqlite3_bind_int64(s, 8, f->discipline_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_complaint(s, &c);
		if (cb(ctx, &c))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						     : sq_db_error(st, e, "reading complaints");
}

/* ---- the discipline rows a settlement reads and ends ------------------------------------ */

#define DISC_SQL                                                                             \
	"SELECT d.id, coalesce(d.member_id, 0), d.org_id, d.body_org_id, d.form, d.decided_on,"  \
	" d.reason, d.recorded_by, coalesce(m.full_name, ''), o.code, o.name, b.code,"        \
	" coalesce(d.act_on, 0), coalesce(d.notified_on, 0), coalesce(d.effective_on, 0),"    \
	" coalesce(d.ended_on, 0), d.decision_no, d.body = 'inspection',"                     \
	" coalesce(d.case_id, 0), coalesce(d.replaces_id, 0), d.state"                        \
	" FROM discipline d JOIN org o ON o.id = d.org_id JOIN org b ON b.id = d.body_org_id" \
	" LEFT JOIN member m ON m.id = d.member_id"

static void read_discipline(sqlite3_stmt *s, struct discipline_row *d)
{
	memset(d, 0, sizeof *d);
	d->id = sqlite3_column_int64(s, 0);
	d->member_id = sqlite3_column_int64(s, 1);
	d->org_id = sqlite3_column_int64(s, 2);
	d->body_org_id = sqlite3_column_int64(s, 3);
	d->form = discipline_form_parse((const char *)sqlite3_column_text(s, 4));
	d->date = sq_col_date(s, 5);
	sq_col_copy(s, 6, d->reason, sizeof d->reason);
	sq_col_copy(s, 7, d->by, sizeof d->by);
	sq_col_copy(s, 8, d->member_name, sizeof d->member_name);
	sq_col_copy(s, 9, d->org_code, sizeof d->org_code);
	sq_col_copy(s, 10, d->org_name, sizeof d->org_name);
	sq_col_copy(s, 11, d->body_code, sizeof d->body_code);
	d->act_date = (date_t)sqlite3_column_int(s, 12);
	d->notified_on = (date_t)sqlite3_column_int(s, 13);
	d->effective_on = (date_t)sqlite3_column_int(s, 14);
	d->ended_on = (date_t)sqlite3_column_int(s, 15);
	sq_col_copy(s, 16, d->decision_no, sizeof d->decision_no);
	d->inspection = sqlite3_column_int(s, 17);
	d->case_id = sqlite3_column_int64(s, 18);
	d->replaces_id = sqlite3_column_int64(s, 19);
	sq_col_copy(s, 20, d->state, sizeof d->state);
}

enum err_code store_complaint_discipline(struct store *st, int64_t id, struct discipline_row *d,
				   struct err *e)
{
	static const char sql[] = DISC_SQL " WHERE d.id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_discipline(s, d);
	sq_done(st, s);
	if (rc == SQLITE_DONE)
		return err_add(e, ERR_NOTFOUND, 0, "discipline_id", NULL, NULL,
			       "no discipline decision has the id %lld", (long long)id);
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading a discipline decision");
}

enum err_code store_discipline_history(struct store *st, int64_t id, store_discipline_cb cb,
				       void *ctx, struct err *e)
{
	static const char sql[] =
		"WITH RECURSIVE up(id, rid) AS (SELECT id, replaces_id FROM discipline WHERE id = ?1"
		" UNION SELECT d.id, d.replaces_id FROM discipline d JOIN up ON d.id = up.rid),"
		" down(id) AS (SELECT id FROM up WHERE rid IS NULL"
		" UNION SELECT d.id FROM discipline d JOIN down ON d.replaces_id = down.id)"
		" " DISC_SQL " WHERE d.id IN (SELECT id FROM down) ORDER BY d.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct discipline_row d;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_discipline(s, &d);
		if (cb(ctx, &d))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW
		       ? ERR_OK
		       : sq_db_error(st, e, "reading a discipline decision's history");
}

enum err_code store_discipline_end(struct store *st, int64_t id, const char *state,
				   date_t ended_on, struct err *e)
{
	static const char sql[] =
		"UPDATE discipline SET state = ?2, ended_on = ?3 WHERE id = ?1 AND state = 'in_force'";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	sq_bind_text(s, 2, state);
	sq_bind_date(s, 3, ended_on);
	if (sq_step_done(st, s, e, "ending a discipline decision"))
		return e->code;
	if (sqlite3_changes(st->db) != 1)
		return err_add(e, ERR_RULE, 0, "discipline_id", NULL, NULL,
			       "the discipline decision is no longer in force");
	return ERR_OK;
}

