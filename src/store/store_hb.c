/* store_hb.c - the SQL of the members' handbook: member accounts and their activation codes,
 * the individual action plans, a member's own review state (docs/handbook.md). Every query
 * reads one member's rows by an index (the handbook's home page stays cheap at national
 * scale) or one cell's roll (the clerk's bulk creation, the review sheet). */
#include <string.h>

#include "../core/review.h"
#include "store_hb.h"
#include "store_int.h"

enum err_code store_hb_roll(struct store *st, int64_t org_id, store_hb_roll_cb cb, void *ctx,
			    struct err *e)
{
	static const char sql[] =
		"SELECT m.id, m.full_name, '', coalesce(ma.account_id, 0),"
		" coalesce(a.name, ''), ma.activated_at IS NOT NULL"
		" FROM member m LEFT JOIN member_account ma ON ma.member_id = m.id"
		" LEFT JOIN account a ON a.id = ma.account_id"
		" WHERE m.org_id = ?1 AND m.status IN " ACTIVE_STATUSES
		" ORDER BY m.sort_key, m.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct hb_roll_row r;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.member_id = sqlite3_column_int64(s, 0);
		sq_col_copy(s, 1, r.full_name, sizeof r.full_name);
		sq_col_copy(s, 2, r.given, sizeof r.given);
		r.account_id = sqlite3_column_int64(s, 3);
		sq_col_copy(s, 4, r.login, sizeof r.login);
		r.activated = sqlite3_column_int(s, 5);
		if (cb(ctx, &r))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						     : sq_db_error(st, e, "reading a cell's roll");
}

enum err_code store_hb_bind(struct store *st, int64_t account_id, int64_t member_id,
			    const unsigned char hash[HB_CODE_HASH], date_t expires,
			    const char *by, struct err *e)
{
	static const char sql[] =
		"INSERT INTO member_account(account_id, member_id, code_hash, code_expires,"
		" created_by) VALUES (?1, ?2, ?3, ?4, ?5)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, account_id);
	sqlite3_bind_int64(s, 2, member_id);
	sqlite3_bind_blob(s, 3, hash, HB_CODE_HASH, SQLITE_STATIC);
	sq_bind_date(s, 4, expires);
	sq_bind_text(s, 5, by);
	return sq_step_done(st, s, e, "binding an account to a member");
}

enum err_code store_hb_code_set(struct store *st, int64_t account_id,
				const unsigned char hash[HB_CODE_HASH], date_t expires,
				struct err *e)
{
	static const char sql[] =
		"UPDATE member_account SET code_hash = ?2, code_expires = ?3"
		" WHERE account_id = ?1 AND activated_at IS NULL";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, account_id);
	sqlite3_bind_blob(s, 2, hash, HB_CODE_HASH, SQLITE_STATIC);
	sq_bind_date(s, 3, expires);
	if (sq_step_done(st, s, e, "renewing an activation code"))
		return e->code;
	if (sqlite3_changes(st->db) != 1)
		return err_set(e, ERR_NOTFOUND, "the account is already activated");
	return ERR_OK;
}

enum err_code store_hb_binding(struct store *st, int64_t account_id, struct hb_binding *b,
			       struct err *e)
{
	static const char sql[] =
		"SELECT member_id, code_hash, coalesce(code_expires, 0), activated_at IS NOT NULL"
		" FROM member_account WHERE account_id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	memset(b, 0, sizeof *b);
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, account_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const void *h = sqlite3_column_blob(s, 1);

		b->account_id = account_id;
		b->member_id = sqlite3_column_int64(s, 0);
		if (h && sqlite3_column_bytes(s, 1) == HB_CODE_HASH) {
			memcpy(b->code_hash, h, HB_CODE_HASH);
			b->has_code = 1;
		}
		b->code_expires = (date_t)sqlite3_column_int(s, 2);
		b->activated = sqlite3_column_int(s, 3);
	}
	sq_done(st, s);
	if (rc == SQLITE_DONE)
		return err_set(e, ERR_NOTFOUND, "no member account");
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading a member account");
}

enum err_code store_hb_activate(struct store *st, int64_t account_id, const char *password_hash,
				struct err *e)
{
	static const char use[] =
		"UPDATE member_account SET code_hash = NULL, code_expires = NULL,"
		" activated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
		" WHERE account_id = ?1 AND code_hash IS NOT NULL";
	static const char pw[] =
		"UPDATE account SET password_hash = ?2, failed_logins = 0, locked_until = 0"
		" WHERE id = ?1";
	sqlite3_stmt *s = sq_prep(st, use, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, account_id);
	if (sq_step_done(st, s, e, "using an activation code"))
		return e->code;
	if (sqlite3_changes(st->db) != 1)
		return err_set(e, ERR_NOTFOUND, "the activation code was used");
	if (!(s = sq_prep(st, pw, e)))
		return e->code;
	sqlite3_bind_int64(s, 1, account_id);
	sq_bind_text(s, 2, password_hash);
	return sq_step_done(st, s, e, "setting a password");
}

#define PLAN_SQL                                                                          \
	"SELECT member_id, year, commitments, results, written_on, reported_on, updated_by" \
	" FROM member_plan"

static void read_plan(sqlite3_stmt *s, struct hb_plan *p)
{
	memset(p, 0, sizeof *p);
	p->member_id = sqlite3_column_int64(s, 0);
	p->year = sqlite3_column_int(s, 1);
	sq_col_copy(s, 2, p->commitments, sizeof p->commitments);
	sq_col_copy(s, 3, p->results, sizeof p->results);
	p->written_on = sq_col_date(s, 4);
	p->reported_on = sq_col_date(s, 5);
	sq_col_copy(s, 6, p->updated_by, sizeof p->updated_by);
}

enum err_code store_hb_plan_get(struct store *st, int64_t member_id, int year,
				struct hb_plan *p, struct err *e)
{
	static const char sql[] = PLAN_SQL " WHERE member_id = ?1 AND year = ?2";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	sqlite3_bind_int(s, 2, year);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_plan(s, p);
	sq_done(st, s);
	if (rc == SQLITE_DONE)
		return err_set(e, ERR_NOTFOUND, "no action plan for %d", year);
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading an action plan");
}

enum err_code store_hb_plan_write(struct store *st, int64_t member_id, int year,
				  const char *commitments, date_t on, const char *by,
				  struct err *e)
{
	static const char sql[] =
		"INSERT INTO member_plan(member_id, year, commitments, written_on, updated_by)"
		" VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (member_id, year) DO UPDATE SET"
		" commitments = excluded.commitments, updated_by = excluded.updated_by,"
		" updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	sqlite3_bind_int(s, 2, year);
	sq_bind_text(s, 3, commitments);
	sq_bind_date(s, 4, on);
	sq_bind_text(s, 5, by);
	return sq_step_done(st, s, e, "writing an action plan");
}

enum err_code store_hb_plan_report(struct store *st, int64_t member_id, int year,
				   const char *results, date_t on, const char *by,
				   struct err *e)
{
	static const char sql[] =
		"UPDATE member_plan SET results = ?3, reported_on = ?4, updated_by = ?5,"
		" updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
		" WHERE member_id = ?1 AND year = ?2";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	sqlite3_bind_int(s, 2, year);
	sq_bind_text(s, 3, results);
	sq_bind_date(s, 4, on);
	sq_bind_text(s, 5, by);
	if (sq_step_done(st, s, e, "reporting an action plan's results"))
		return e->code;
	if (sqlite3_changes(st->db) != 1)
		return err_set(e, ERR_NOTFOUND, "no action plan for %d", year);
	return ERR_OK;
}

enum err_code store_hb_plans(struct store *st, int64_t member_id, store_hb_plan_cb cb,
			     void *ctx, struct err *e)
{
	static const char sql[] = PLAN_SQL " WHERE member_id = ?1 ORDER BY year DESC";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct hb_plan p;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_plan(s, &p);
		if (cb(ctx, &p))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						     : sq_db_error(st, e, "reading action plans");
}

enum err_code store_hb_plan_states(struct store *st, int64_t org_id, int year,
				   int (*cb)(void *ctx, int64_t member_id, int reported),
				   void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT p.member_id, p.reported_on IS NOT NULL AND p.results <> ''"
		" FROM member m JOIN member_plan p ON p.member_id = m.id AND p.year = ?2"
		" WHERE m.org_id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	sqlite3_bind_int(s, 2, year);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (cb(ctx, sqlite3_column_int64(s, 0), sqlite3_column_int(s, 1)))
			break;
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						     : sq_db_error(st, e, "reading action plans");
}

enum err_code store_hb_review_state(struct store *st, int64_t member_id, int year, int *score,
				    int *grade, int *decided, struct err *e)
{
	static const char sql[] =
		"SELECT step, coalesce(score, -1), grade, current FROM review"
		" WHERE member_id = ?1 AND year = ?2 ORDER BY id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	*score = -1;
	*grade = -1;
	*decided = 0;
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	sqlite3_bind_int(s, 2, year);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *step = (const char *)sqlite3_column_text(s, 0);
		const char *g = (const char *)sqlite3_column_text(s, 2);

		if (step && !strcmp(step, "self")) {
			*score = sqlite3_column_int(s, 1);
			*grade = g ? grade_parse(g) : -1;
		} else if (step && !strcmp(step, "decision") && sqlite3_column_int(s, 3)) {
			*decided = 1;
		}
	}
	sq_done(st, s);
	return rc == SQLITE_DONE ? ERR_OK : sq_db_error(st, e, "reading a member's review");
}

#define HB_MEETING_COLS                                                                   \
	"m.id, m.on_date, m.starts_min, m.ends_min, m.kind, m.state, m.topic, m.agenda,"     \
	" o.name, coalesce(a.status, ''), coalesce(a.reason, '')"

static void read_meeting(sqlite3_stmt *s, struct hb_meeting *m)
{
	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(s, 0);
	m->on_date = sq_col_date(s, 1);
	m->starts_min = sqlite3_column_int(s, 2);
	m->ends_min = sqlite3_column_int(s, 3);
	sq_col_copy(s, 4, m->kind, sizeof m->kind);
	sq_col_copy(s, 5, m->state, sizeof m->state);
	sq_col_copy(s, 6, m->topic, sizeof m->topic);
	sq_col_copy(s, 7, m->agenda, sizeof m->agenda);
	sq_col_copy(s, 8, m->org_name, sizeof m->org_name);
	sq_col_copy(s, 9, m->status, sizeof m->status);
	sq_col_copy(s, 10, m->reason, sizeof m->reason);
}

enum err_code store_hb_meetings(struct store *st, int64_t member_id, int64_t org_id,
				date_t from, date_t to, int desc, long limit,
				store_hb_meeting_cb cb, void *ctx, struct err *e)
{
	/* The cell's by meeting_org, the member's elsewhere by meeting_attendance_member. */
	static const char asc[] =
		"SELECT * FROM (SELECT " HB_MEETING_COLS " FROM meeting m JOIN org o ON o.id = m.org_id"
		" LEFT JOIN meeting_attendance a ON a.meeting_id = m.id AND a.member_id = ?1"
		" WHERE m.org_id = ?2 AND m.on_date BETWEEN ?3 AND ?4 AND m.state <> 'cancelled'"
		" UNION ALL SELECT " HB_MEETING_COLS " FROM meeting_attendance a"
		" JOIN meeting m ON m.id = a.meeting_id JOIN org o ON o.id = m.org_id"
		" WHERE a.member_id = ?1 AND m.org_id <> ?2 AND m.on_date BETWEEN ?3 AND ?4"
		" AND m.state <> 'cancelled') ORDER BY 2, 3, 1 LIMIT ?5";
	static const char dsc[] =
		"SELECT * FROM (SELECT " HB_MEETING_COLS " FROM meeting m JOIN org o ON o.id = m.org_id"
		" LEFT JOIN meeting_attendance a ON a.meeting_id = m.id AND a.member_id = ?1"
		" WHERE m.org_id = ?2 AND m.on_date BETWEEN ?3 AND ?4 AND m.state <> 'cancelled'"
		" UNION ALL SELECT " HB_MEETING_COLS " FROM meeting_attendance a"
		" JOIN meeting m ON m.id = a.meeting_id JOIN org o ON o.id = m.org_id"
		" WHERE a.member_id = ?1 AND m.org_id <> ?2 AND m.on_date BETWEEN ?3 AND ?4"
		" AND m.state <> 'cancelled') ORDER BY 2 DESC, 3 DESC, 1 DESC LIMIT ?5";
	sqlite3_stmt *s = sq_prep(st, desc ? dsc : asc, e);
	struct hb_meeting m;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	sqlite3_bind_int64(s, 2, org_id);
	sqlite3_bind_int(s, 3, from);
	sqlite3_bind_int(s, 4, to);
	sqlite3_bind_int64(s, 5, limit > 0 ? limit : -1);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_meeting(s, &m);
		if (cb(ctx, &m))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						     : sq_db_error(st, e, "reading meetings");
}

enum err_code store_hb_meeting(struct store *st, int64_t member_id, int64_t org_id, int64_t id,
			       struct hb_meeting *m, struct err *e)
{
	static const char sql[] =
		"SELECT " HB_MEETING_COLS " FROM meeting m JOIN org o ON o.id = m.org_id"
		" LEFT JOIN meeting_attendance a ON a.meeting_id = m.id AND a.member_id = ?1"
		" WHERE m.id = ?3 AND (m.org_id = ?2 OR a.member_id IS NOT NULL)";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	sqlite3_bind_int64(s, 2, org_id);
	sqlite3_bind_int64(s, 3, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_meeting(s, m);
	sq_done(st, s);
	if (rc == SQLITE_DONE)
		return err_set(e, ERR_NOTFOUND, "no meeting has the id %lld", (long long)id);
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading a meeting");
}

enum err_code store_hb_meeting_att(struct store *st, int64_t id,
				   int (*cb)(void *ctx, const char *name, const char *status),
				   void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT m.full_name, a.status FROM meeting_attendance a JOIN member m"
		" ON m.id = a.member_id WHERE a.meeting_id = ?1 ORDER BY m.sort_key, m.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (cb(ctx, (const char *)sqlite3_column_text(s, 0),
		       (const char *)sqlite3_column_text(s, 1)))
			break;
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						     : sq_db_error(st, e, "reading an attendance");
}

enum err_code store_hb_docs(struct store *st, int64_t member_id, int64_t cell_id,
			    store_hb_doc_cb cb, void *ctx, struct err *e)
{
	/* The cell and its ancestors (a handful, by key), then their plans by
	 * study_plan_audience: no scan, whatever the country's number of plans. */
	static const char sql[] =
		"WITH RECURSIVE up(id, parent) AS (SELECT id, parent_id FROM org WHERE id = ?2"
		" UNION ALL SELECT o.id, o.parent_id FROM org o JOIN up ON o.id = up.parent)"
		" SELECT d.id, d.number, d.title, d.issued_on, min(p.deadline),"
		" EXISTS (SELECT 1 FROM study_covered c WHERE c.document_id = d.id"
		" AND c.member_id = ?1),"
		" (SELECT sc.on_date FROM study_confirm sc WHERE sc.document_id = d.id"
		" AND sc.member_id = ?1)"
		" FROM up JOIN study_plan p ON p.audience_org_id = up.id"
		" JOIN document d ON d.id = p.document_id"
		" WHERE p.tier IN ('all', 'grassroots_members')"
		" GROUP BY d.id ORDER BY d.issued_on DESC, d.id DESC";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct hb_doc d;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	sqlite3_bind_int64(s, 2, cell_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&d, 0, sizeof d);
		d.id = sqlite3_column_int64(s, 0);
		sq_col_copy(s, 1, d.number, sizeof d.number);
		sq_col_copy(s, 2, d.title, sizeof d.title);
		d.issued_on = sq_col_date(s, 3);
		d.deadline = sq_col_date(s, 4);
		d.covered = sqlite3_column_int(s, 5);
		d.confirmed_on = sq_col_date(s, 6);
		if (cb(ctx, &d))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						     : sq_db_error(st, e, "reading documents to study");
}
