/* store_sheet.c - the SQL of the cadre's own assessment and of the cadre's sheet
 * (store_sheet.h): every read goes by an index on the member (holding_member,
 * committee_member_member, plan_successor_member, review_one_member, cadre_assessment_member,
 * training_member). Every value bound. */
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "store_int.h"
#include "store_sheet.h"

/* ---- assessments ----------------------------------------------------------------------- */
#define ASSESS_COLS                                                                        \
	"a.id, a.member_id, coalesce(a.position_id, 0), a.year, coalesce(a.health, 0),"    \
	" a.revision, a.current, coalesce(p.kind, ''), coalesce(o.code, ''), a.self_text,"  \
	" a.strengths, a.weaknesses, a.recorded_by, a.recorded_at"
#define ASSESS_FROM                                                                        \
	" FROM cadre_assessment a LEFT JOIN position p ON p.id = a.position_id"             \
	" LEFT JOIN org o ON o.id = p.org_id"

static void read_assessment(sqlite3_stmt *s, struct assessment *a)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(s, 0);
	a->member_id = sqlite3_column_int64(s, 1);
	a->position_id = sqlite3_column_int64(s, 2);
	a->year = sqlite3_column_int(s, 3);
	a->health = sqlite3_column_int(s, 4);
	a->revision = sqlite3_column_int(s, 5);
	a->current = sqlite3_column_int(s, 6);
	sq_col_copy(s, 7, a->pos_kind, sizeof a->pos_kind);
	sq_col_copy(s, 8, a->pos_org_code, sizeof a->pos_org_code);
	sq_col_copy(s, 9, a->self_text, sizeof a->self_text);
	sq_col_copy(s, 10, a->strengths, sizeof a->strengths);
	sq_col_copy(s, 11, a->weaknesses, sizeof a->weaknesses);
	sq_col_copy(s, 12, a->recorded_by, sizeof a->recorded_by);
	sq_col_copy(s, 13, a->recorded_at, sizeof a->recorded_at);
}

enum err_code store_assessment_insert(struct store *st, struct assessment *a, const char *by,
				      struct err *e)
{
	static const char next_sql[] =
		"SELECT coalesce(max(revision) + 1, 0) FROM cadre_assessment"
		" WHERE member_id = ?1 AND year = ?2";
	static const char old_sql[] =
		"UPDATE cadre_assessment SET current = 0"
		" WHERE member_id = ?1 AND year = ?2 AND current";
	static const char ins_sql[] =
		"INSERT INTO cadre_assessment(member_id, year, position_id, self_text, strengths,"
		" weaknesses, health, revision, current, recorded_by)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9)";
	sqlite3_stmt *s = sq_prep(st, next_sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, a->member_id);
	sqlite3_bind_int(s, 2, a->year);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		a->revision = sqlite3_column_int(s, 0);
	sq_done(st, s);
	if (rc != SQLITE_ROW)
		return sq_db_error(st, e, "numbering an assessment");
	if (!(s = sq_prep(st, old_sql, e)))
		return e->code;
	sqlite3_bind_int64(s, 1, a->member_id);
	sqlite3_bind_int(s, 2, a->year);
	if (sq_step_done(st, s, e, "keeping an assessment's earlier revision"))
		return e->code;
	if (!(s = sq_prep(st, ins_sql, e)))
		return e->code;
	sqlite3_bind_int64(s, 1, a->member_id);
	sqlite3_bind_int(s, 2, a->year);
	sq_bind_id_or_null(s, 3, a->position_id);
	sq_bind_text(s, 4, a->self_text);
	sq_bind_text(s, 5, a->strengths);
	sq_bind_text(s, 6, a->weaknesses);
	if (a->health)
		sqlite3_bind_int(s, 7, a->health);
	else
		sqlite3_bind_null(s, 7);
	sqlite3_bind_int(s, 8, a->revision);
	sq_bind_text(s, 9, by);
	if (sq_step_done(st, s, e, "recording an assessment"))
		return e->code;
	a->id = sqlite3_last_insert_rowid(st->db);
	a->current = 1;
	return ERR_OK;
}

enum err_code store_assessment_get(struct store *st, int64_t id, struct assessment *a,
				   struct err *e)
{
	static const char sql[] = "SELECT " ASSESS_COLS ASSESS_FROM " WHERE a.id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_assessment(s, a);
	sq_done(st, s);
	if (rc == SQLITE_DONE)
		return err_set(e, ERR_NOTFOUND, "no assessment has the id %lld", (long long)id);
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading an assessment");
}

enum err_code store_assessments(struct store *st, int64_t member_id, int all, int max_year,
				store_assessment_cb cb, void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT " ASSESS_COLS ASSESS_FROM " WHERE a.member_id = ?1 AND (?2 OR a.current)"
		" AND (?3 = 0 OR a.year <= ?3) ORDER BY a.year DESC, a.current DESC,"
		" a.revision DESC";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct assessment *a;
	int step;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	sqlite3_bind_int(s, 2, all ? 1 : 0);
	sqlite3_bind_int(s, 3, max_year);
	a = xmalloc(sizeof *a);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		read_assessment(s, a);
		if (cb(ctx, a))
			break;
	}
	free(a);
	sq_done(st, s);
	if (step != SQLITE_DONE && step != SQLITE_ROW)
		return sq_db_error(st, e, "reading assessments");
	return ERR_OK;
}

/* ---- the sheet ------------------------------------------------------------------------- */

enum err_code store_sheet_posts(struct store *st, int64_t member_id, date_t on,
				store_sheet_post_cb cb, void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT h.id, h.position_id, coalesce(h.prev_holding_id, 0), p.kind, k.name_vi,"
		" k.name_en, o.code, o.name, p.is_key, h.acting, h.to_difficult, h.to_border,"
		" h.valid_from, CASE WHEN h.valid_to > ?2 THEN NULL ELSE h.valid_to END, h.how,"
		" h.decision, CASE WHEN h.valid_to > ?2 THEN '' ELSE coalesce(h.end_how, '') END"
		" FROM holding h JOIN position p ON p.id = h.position_id"
		" JOIN position_kind k ON k.code = p.kind JOIN org o ON o.id = p.org_id"
		" WHERE h.member_id = ?1 AND h.valid_from <= ?2 ORDER BY h.valid_from, h.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct sheet_post p;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	sq_bind_date(s, 2, on);
	WALK(st, s, e, "reading the positions held", {
		memset(&p, 0, sizeof p);
		p.holding_id = sqlite3_column_int64(s, 0);
		p.position_id = sqlite3_column_int64(s, 1);
		p.prev_holding_id = sqlite3_column_int64(s, 2);
		sq_col_copy(s, 3, p.kind, sizeof p.kind);
		sq_col_copy(s, 4, p.kind_vi, sizeof p.kind_vi);
		sq_col_copy(s, 5, p.kind_en, sizeof p.kind_en);
		sq_col_copy(s, 6, p.org_code, sizeof p.org_code);
		sq_col_copy(s, 7, p.org_name, sizeof p.org_name);
		p.is_key = sqlite3_column_int(s, 8);
		p.acting = sqlite3_column_int(s, 9);
		p.to_difficult = sqlite3_column_int(s, 10);
		p.to_border = sqlite3_column_int(s, 11);
		p.from = sq_col_date(s, 12);
		p.to = sq_col_date(s, 13);
		sq_col_copy(s, 14, p.how, sizeof p.how);
		sq_col_copy(s, 15, p.decision, sizeof p.decision);
		sq_col_copy(s, 16, p.end_how, sizeof p.end_how);
		if (cb(ctx, &p))
			break;
	});
	return ERR_OK;
}

enum err_code store_sheet_seats(struct store *st, int64_t member_id, date_t on,
				store_sheet_seat_cb cb, void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT c.id, o.code, o.name, c.term_start, c.term_end, cm.valid_from,"
		" CASE WHEN cm.valid_to > ?2 THEN NULL ELSE cm.valid_to END, cm.role, cm.how"
		" FROM committee_member cm JOIN committee c ON c.id = cm.committee_id"
		" JOIN org o ON o.id = c.org_id"
		" WHERE cm.member_id = ?1 AND cm.valid_from <= ?2 ORDER BY cm.valid_from, cm.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct sheet_seat c;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	sq_bind_date(s, 2, on);
	WALK(st, s, e, "reading the committee seats", {
		memset(&c, 0, sizeof c);
		c.committee_id = sqlite3_column_int64(s, 0);
		sq_col_copy(s, 1, c.org_code, sizeof c.org_code);
		sq_col_copy(s, 2, c.org_name, sizeof c.org_name);
		c.term_start = sq_col_date(s, 3);
		c.term_end = sq_col_date(s, 4);
		c.from = sq_col_date(s, 5);
		c.to = sq_col_date(s, 6);
		sq_col_copy(s, 7, c.role, sizeof c.role);
		sq_col_copy(s, 8, c.how, sizeof c.how);
		if (cb(ctx, &c))
			break;
	});
	return ERR_OK;
}

enum err_code store_sheet_plans(struct store *st, int64_t member_id, int year,
				store_sheet_plan_cb cb, void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT pp.code, pp.from_year, pp.to_year, ps.position_id, p.kind, k.name_vi,"
		" k.name_en, o.code, o.name, ps.rank, ps.from_version"
		" FROM plan_successor ps JOIN plan_period pp ON pp.id = ps.period_id"
		" JOIN position p ON p.id = ps.position_id JOIN position_kind k ON k.code = p.kind"
		" JOIN org o ON o.id = p.org_id"
		" WHERE ps.member_id = ?1 AND ps.to_version IS NULL AND pp.to_year >= ?2"
		" ORDER BY pp.from_year, ps.rank, k.ord";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct sheet_plan p;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	sqlite3_bind_int(s, 2, year);
	WALK(st, s, e, "reading the plans", {
		memset(&p, 0, sizeof p);
		sq_col_copy(s, 0, p.period, sizeof p.period);
		p.from_year = sqlite3_column_int(s, 1);
		p.to_year = sqlite3_column_int(s, 2);
		p.position_id = sqlite3_column_int64(s, 3);
		sq_col_copy(s, 4, p.kind, sizeof p.kind);
		sq_col_copy(s, 5, p.kind_vi, sizeof p.kind_vi);
		sq_col_copy(s, 6, p.kind_en, sizeof p.kind_en);
		sq_col_copy(s, 7, p.org_code, sizeof p.org_code);
		sq_col_copy(s, 8, p.org_name, sizeof p.org_name);
		p.rank = sqlite3_column_int(s, 9);
		p.from_version = sqlite3_column_int(s, 10);
		if (cb(ctx, &p))
			break;
	});
	return ERR_OK;
}

enum err_code store_sheet_reviews(struct store *st, int64_t member_id, int from_year,
				  int to_year, store_sheet_review_cb cb, void *ctx,
				  struct err *e)
{
	static const char sql[] =
		"SELECT year, grade, step FROM review WHERE member_id = ?1 AND current"
		" AND year BETWEEN ?2 AND ?3 ORDER BY year";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct sheet_review r;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	sqlite3_bind_int(s, 2, from_year);
	sqlite3_bind_int(s, 3, to_year);
	WALK(st, s, e, "reading the reviews", {
		memset(&r, 0, sizeof r);
		r.year = sqlite3_column_int(s, 0);
		sq_col_copy(s, 1, r.grade, sizeof r.grade);
		sq_col_copy(s, 2, r.step, sizeof r.step);
		if (cb(ctx, &r))
			break;
	});
	return ERR_OK;
}

enum err_code store_sheet_last_year(struct store *st, int64_t member_id, int to_year, int *year,
				    struct err *e)
{
	static const char sql[] =
		"SELECT max(coalesce((SELECT max(year) FROM review WHERE member_id = ?1 AND current"
		" AND year <= ?2), 0), coalesce((SELECT max(year) FROM cadre_assessment"
		" WHERE member_id = ?1 AND current AND year <= ?2), 0))";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	*year = 0;
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	sqlite3_bind_int(s, 2, to_year);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*year = sqlite3_column_int(s, 0);
	sq_done(st, s);
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading the last year reviewed");
}

enum err_code store_assessment_missing(struct store *st, long pre, long last, date_t on,
				       int year, long *n, struct err *e)
{
	static const char sql[] =
		"SELECT count(DISTINCT h.member_id) FROM org o CROSS JOIN position p ON p.org_id = o.id"
		" CROSS JOIN holding h ON h.position_id = p.id"
		" WHERE o.pre BETWEEN ?1 AND ?2 AND p.is_key AND p.valid_to IS NULL"
		" AND h.valid_from <= ?3"
		" AND (h.valid_to IS NULL OR h.valid_to > ?3)"
		" AND NOT EXISTS (SELECT 1 FROM cadre_assessment a WHERE a.member_id = h.member_id"
		" AND a.year = ?4 AND a.current)";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	*n = 0;
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sq_bind_date(s, 3, on);
	sqlite3_bind_int(s, 4, year);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*n = (long)sqlite3_column_int64(s, 0);
	sq_done(st, s);
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "counting assessments missing");
}

enum err_code store_key_holders(struct store *st, long pre, long last, date_t on, int year,
				int missing, store_key_holder_cb cb, void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT h.member_id, p.id, m.full_name, p.kind, k.name_vi, k.name_en, o.code, o.name,"
		" EXISTS (SELECT 1 FROM cadre_assessment a WHERE a.member_id = h.member_id"
		" AND a.year = ?4 AND a.current) AS done"
		" FROM org o CROSS JOIN position p ON p.org_id = o.id"
		" JOIN position_kind k ON k.code = p.kind CROSS JOIN holding h ON h.position_id = p.id"
		" JOIN member m ON m.id = h.member_id"
		" WHERE o.pre BETWEEN ?1 AND ?2 AND p.is_key AND p.valid_to IS NULL"
		" AND h.valid_from <= ?3"
		" AND (h.valid_to IS NULL OR h.valid_to > ?3) AND (?5 = 0 OR NOT done)"
		" ORDER BY o.pre, k.ord, h.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct key_holder k;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sq_bind_date(s, 3, on);
	sqlite3_bind_int(s, 4, year);
	sqlite3_bind_int(s, 5, missing ? 1 : 0);
	WALK(st, s, e, "reading the key positions' holders", {
		memset(&k, 0, sizeof k);
		k.member_id = sqlite3_column_int64(s, 0);
		k.position_id = sqlite3_column_int64(s, 1);
		sq_col_copy(s, 2, k.full_name, sizeof k.full_name);
		sq_col_copy(s, 3, k.kind, sizeof k.kind);
		sq_col_copy(s, 4, k.kind_vi, sizeof k.kind_vi);
		sq_col_copy(s, 5, k.kind_en, sizeof k.kind_en);
		sq_col_copy(s, 6, k.org_code, sizeof k.org_code);
		sq_col_copy(s, 7, k.org_name, sizeof k.org_name);
		k.assessed = sqlite3_column_int(s, 8);
		if (cb(ctx, &k))
			break;
	});
	return ERR_OK;
}
