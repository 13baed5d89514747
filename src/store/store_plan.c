/* store_plan.c - the SQL of personnel planning (store_plan.h): periods, versions, ranked
 * successors as intervals of versions, criteria as dated data, targets, and the batch reads
 * of the candidates' records for the plan's page and the vacancy report. */
#include <string.h>

#include "store_int.h"
#include "store_plan.h"

/* ---- periods ------------------------------------------------------------------------------- */

static void read_period(sqlite3_stmt *s, struct plan_period *p)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(s, 0);
	sq_col_copy(s, 1, p->code, sizeof p->code);
	p->from_year = sqlite3_column_int(s, 2);
	p->to_year = sqlite3_column_int(s, 3);
}

enum err_code store_plan_period_insert(struct store *st, struct plan_period *p, const char *by,
				       struct err *e)
{
	static const char sql[] = "INSERT INTO plan_period(code, from_year, to_year, created_by)"
				  " VALUES (?1, ?2, ?3, ?4)";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sq_bind_text(s, 1, p->code);
	sqlite3_bind_int(s, 2, p->from_year);
	sqlite3_bind_int(s, 3, p->to_year);
	sq_bind_text(s, 4, by);
	rc = sqlite3_step(s);
	sq_done(st, s);
	if (rc == SQLITE_CONSTRAINT)
		return err_add(e, ERR_INPUT, 0, "code", p->code, NULL,
			       "a planning period %s exists already", p->code);
	if (rc != SQLITE_DONE)
		return sq_db_error(st, e, "adding a planning period");
	p->id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

static enum err_code period_one(struct store *st, const char *sql, const char *code, int year,
				struct plan_period *p, struct err *e)
{
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	if (code)
		sq_bind_text(s, 1, code);
	else
		sqlite3_bind_int(s, 1, year);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_period(s, p);
	sq_done(st, s);
	if (rc == SQLITE_DONE)
		return code ? err_add(e, ERR_NOTFOUND, 0, "period", code, NULL,
				      "no planning period %s (see cadre succession periods)", code)
			    : err_set(e, ERR_NOTFOUND, "no planning period covers %d", year);
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading a planning period");
}

enum err_code store_plan_period_get(struct store *st, const char *code, struct plan_period *p,
				    struct err *e)
{
	return period_one(st,
			  "SELECT id, code, from_year, to_year FROM plan_period WHERE code = ?1",
			  code, 0, p, e);
}

enum err_code store_plan_period_at(struct store *st, int year, struct plan_period *p,
				   struct err *e)
{
	return period_one(st,
			  "SELECT id, code, from_year, to_year FROM plan_period"
			  " WHERE from_year <= ?1 AND to_year >= ?1 ORDER BY from_year DESC, id DESC"
			  " LIMIT 1",
			  NULL, year, p, e);
}

enum err_code store_plan_periods(struct store *st, store_plan_period_cb cb, void *ctx,
				 struct err *e)
{
	static const char sql[] =
		"SELECT id, code, from_year, to_year FROM plan_period ORDER BY from_year, code";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct plan_period p;
	int rc;

	if (!s)
		return e->code;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_period(s, &p);
		if (cb(ctx, &p))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						     : sq_db_error(st, e, "reading planning periods");
}

/* ---- versions ------------------------------------------------------------------------------ */

#define VERSION_SQL                                                                          \
	"SELECT v.id, v.period_id, v.org_id, o.code, v.version, v.year, v.decision,"         \
	" v.decided_on, v.body_org_id, coalesce(b.code, ''), v.note, v.created_by,"          \
	" v.created_at FROM plan_version v JOIN org o ON o.id = v.org_id"                    \
	" LEFT JOIN org b ON b.id = v.body_org_id WHERE v.period_id = ?1 AND v.org_id = ?2"

static void read_version(sqlite3_stmt *s, struct plan_version *v)
{
	memset(v, 0, sizeof *v);
	v->id = sqlite3_column_int64(s, 0);
	v->period_id = sqlite3_column_int64(s, 1);
	v->org_id = sqlite3_column_int64(s, 2);
	sq_col_copy(s, 3, v->org_code, sizeof v->org_code);
	v->version = sqlite3_column_int(s, 4);
	v->year = sqlite3_column_int(s, 5);
	sq_col_copy(s, 6, v->decision, sizeof v->decision);
	v->decided_on = sq_col_date(s, 7);
	v->body_org_id = sqlite3_column_int64(s, 8);
	sq_col_copy(s, 9, v->body_code, sizeof v->body_code);
	sq_col_copy(s, 10, v->note, sizeof v->note);
	sq_col_copy(s, 11, v->created_by, sizeof v->created_by);
	sq_col_copy(s, 12, v->created_at, sizeof v->created_at);
}

enum err_code store_plan_version_insert(struct store *st, struct plan_version *v,
					const char *by, struct err *e)
{
	static const char sql[] =
		"INSERT INTO plan_version(period_id, org_id, version, year, decision, decided_on,"
		" body_org_id, note, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, v->period_id);
	sqlite3_bind_int64(s, 2, v->org_id);
	sqlite3_bind_int(s, 3, v->version);
	sqlite3_bind_int(s, 4, v->year);
	sq_bind_text(s, 5, v->decision);
	sq_bind_date(s, 6, v->decided_on);
	if (v->body_org_id)
		sqlite3_bind_int64(s, 7, v->body_org_id);
	else
		sqlite3_bind_null(s, 7);
	sq_bind_text(s, 8, v->note);
	sq_bind_text(s, 9, by);
	if (sq_step_done(st, s, e, "recording a plan version"))
		return e->code;
	v->id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

enum err_code store_plan_version_latest(struct store *st, int64_t period_id, int64_t org_id,
					struct plan_version *v, struct err *e)
{
	static const char sql[] = VERSION_SQL " ORDER BY v.version DESC LIMIT 1";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, period_id);
	sqlite3_bind_int64(s, 2, org_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_version(s, v);
	sq_done(st, s);
	if (rc == SQLITE_DONE)
		return err_set(e, ERR_NOTFOUND, "the plan has no version yet");
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading a plan version");
}

enum err_code store_plan_versions(struct store *st, int64_t period_id, int64_t org_id,
				  store_plan_version_cb cb, void *ctx, struct err *e)
{
	static const char sql[] = VERSION_SQL " ORDER BY v.version";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct plan_version v;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, period_id);
	sqlite3_bind_int64(s, 2, org_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_version(s, &v);
		if (cb(ctx, &v))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						     : sq_db_error(st, e, "reading plan versions");
}

/* ---- successors ---------------------------------------------------------------------------- */

#define SUCC_SQL                                                                             \
	"SELECT s.id, s.period_id, s.position_id, s.member_id,"                              \
	" coalesce(s.plan_org_id, p.org_id), s.rank, s.from_version,"                        \
	" coalesce(s.to_version, 0), s.added_reason, coalesce(s.removed_reason, ''), p.kind,"\
	" o.code, p.org_id, m.full_name, m.sex, m.ethnicity, m.rank, m.theory_level,"        \
	" m.education, m.birth_date, m.status IN " ACTIVE_STATUSES                            \
	" FROM plan_successor s JOIN position p ON p.id = s.position_id"                     \
	" JOIN org o ON o.id = p.org_id JOIN member m ON m.id = s.member_id"                 \
	" LEFT JOIN position_kind k ON k.code = p.kind"

static void read_succ(sqlite3_stmt *s, struct plan_successor *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	r->period_id = sqlite3_column_int64(s, 1);
	r->position_id = sqlite3_column_int64(s, 2);
	r->member_id = sqlite3_column_int64(s, 3);
	r->plan_org_id = sqlite3_column_int64(s, 4);
	r->rank = sqlite3_column_int(s, 5);
	r->from_version = sqlite3_column_int(s, 6);
	r->to_version = sqlite3_column_int(s, 7);
	sq_col_copy(s, 8, r->added_reason, sizeof r->added_reason);
	sq_col_copy(s, 9, r->removed_reason, sizeof r->removed_reason);
	sq_col_copy(s, 10, r->pos_kind, sizeof r->pos_kind);
	sq_col_copy(s, 11, r->pos_org_code, sizeof r->pos_org_code);
	r->pos_org_id = sqlite3_column_int64(s, 12);
	sq_col_copy(s, 13, r->member_name, sizeof r->member_name);
	sq_col_copy(s, 14, r->sex, sizeof r->sex);
	sq_col_copy(s, 15, r->ethnicity, sizeof r->ethnicity);
	sq_col_copy(s, 16, r->mil_rank, sizeof r->mil_rank);
	sq_col_copy(s, 17, r->theory_level, sizeof r->theory_level);
	sq_col_copy(s, 18, r->education, sizeof r->education);
	r->birth_date = sq_col_date(s, 19);
	r->on_rolls = sqlite3_column_int(s, 20);
}

static enum err_code walk_succ(struct store *st, sqlite3_stmt *s, store_plan_successor_cb cb,
			       void *ctx, struct err *e)
{
	struct plan_successor r;
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_succ(s, &r);
		if (cb(ctx, &r))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						     : sq_db_error(st, e, "reading planned successors");
}

enum err_code store_plan_successors(struct store *st, int64_t period_id, int64_t org_id,
				    int version, store_plan_successor_cb cb, void *ctx,
				    struct err *e)
{
	static const char sql[] =
		SUCC_SQL
		" WHERE s.period_id = ?1 AND (s.plan_org_id = ?2 OR (s.plan_org_id IS NULL AND"
		" p.org_id = ?2)) AND (?3 = -1 OR (?3 = 0 AND s.to_version IS NULL) OR"
		" (?3 > 0 AND s.from_version <= ?3 AND (s.to_version IS NULL OR"
		" s.to_version > ?3)))"
		" ORDER BY o.pre, k.ord, p.id, s.rank, s.from_version, s.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, period_id);
	sqlite3_bind_int64(s, 2, org_id);
	sqlite3_bind_int(s, 3, version);
	return walk_succ(st, s, cb, ctx, e);
}

enum err_code store_plan_successor_open(struct store *st, int64_t period_id,
					int64_t position_id, int64_t member_id,
					struct plan_successor *r, struct err *e)
{
	static const char sql[] = SUCC_SQL " WHERE s.position_id = ?2 AND s.period_id = ?1"
					   " AND s.member_id = ?3 AND s.to_version IS NULL";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, period_id);
	sqlite3_bind_int64(s, 2, position_id);
	sqlite3_bind_int64(s, 3, member_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_succ(s, r);
	sq_done(st, s);
	if (rc == SQLITE_DONE)
		return err_set(e, ERR_NOTFOUND, "member %lld is not planned for that position",
			       (long long)member_id);
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading a planned successor");
}

enum err_code store_plan_successor_insert(struct store *st, struct plan_successor *r,
					  const char *by, struct err *e)
{
	static const char sql[] =
		"INSERT INTO plan_successor(period_id, position_id, member_id, rank, from_version,"
		" added_reason, recorded_by, plan_org_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, r->period_id);
	sqlite3_bind_int64(s, 2, r->position_id);
	sqlite3_bind_int64(s, 3, r->member_id);
	sqlite3_bind_int(s, 4, r->rank);
	sqlite3_bind_int(s, 5, r->from_version);
	sq_bind_text(s, 6, r->added_reason);
	sq_bind_text(s, 7, by);
	sqlite3_bind_int64(s, 8, r->plan_org_id);
	if (sq_step_done(st, s, e, "planning a successor"))
		return e->code;
	r->id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

enum err_code store_plan_successor_close(struct store *st, int64_t id, int to_version,
					 const char *reason, struct err *e)
{
	static const char del[] =
		"DELETE FROM plan_successor WHERE id = ?1 AND from_version >= ?2";
	static const char upd[] =
		"UPDATE plan_successor SET to_version = ?2, removed_reason = ?3"
		" WHERE id = ?1 AND to_version IS NULL";
	sqlite3_stmt *s;

	if (!(s = sq_prep(st, del, e)))
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, to_version);
	if (sq_step_done(st, s, e, "removing a planned successor"))
		return e->code;
	if (sqlite3_changes(st->db) > 0)
		return ERR_OK;
	if (!(s = sq_prep(st, upd, e)))
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, to_version);
	sq_bind_text_or_null(s, 3, reason && *reason ? reason : NULL);
	return sq_step_done(st, s, e, "removing a planned successor");
}

enum err_code store_plan_open_counts(struct store *st, int64_t period_id, int64_t member_id,
				     int64_t position_id, long *by_member, long *by_position,
				     struct err *e)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM plan_successor WHERE member_id = ?2 AND"
		"  period_id = ?1 AND to_version IS NULL),"
		" (SELECT count(*) FROM plan_successor WHERE position_id = ?3 AND"
		"  period_id = ?1 AND to_version IS NULL)";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	*by_member = *by_position = 0;
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, period_id);
	sqlite3_bind_int64(s, 2, member_id);
	sqlite3_bind_int64(s, 3, position_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*by_member = (long)sqlite3_column_int64(s, 0);
		*by_position = (long)sqlite3_column_int64(s, 1);
	}
	sq_done(st, s);
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "counting planned successors");
}

/* ---- criteria ------------------------------------------------------------------------------ */

/* The rows in force on ?2 of kind ?1 and of '*' (?1 NULL: every kind), the specific after the
 * general so that a reader overwriting by criterion keeps the specific. */
#define CRIT_SQL                                                                             \
	"SELECT c.kind, c.criterion, c.value, c.effective_from, c.source, c.added_by"         \
	" FROM plan_criterion c WHERE (?1 IS NULL OR c.kind IN (?1, '*'))"                    \
	" AND c.effective_from = (SELECT max(c2.effective_from) FROM plan_criterion c2"       \
	"   WHERE c2.kind = c.kind AND c2.criterion = c.criterion AND c2.effective_from <= ?2)" \
	" ORDER BY c.kind <> '*', c.kind, c.criterion"

static void read_crit(sqlite3_stmt *s, struct plan_criterion_row *r)
{
	memset(r, 0, sizeof *r);
	sq_col_copy(s, 0, r->kind, sizeof r->kind);
	sq_col_copy(s, 1, r->criterion, sizeof r->criterion);
	sq_col_copy(s, 2, r->value, sizeof r->value);
	r->effective_from = sq_col_date(s, 3);
	sq_col_copy(s, 4, r->source, sizeof r->source);
	sq_col_copy(s, 5, r->added_by, sizeof r->added_by);
}

enum err_code store_plan_criterion_rows(struct store *st, const char *kind, date_t on,
					store_plan_criterion_cb cb, void *ctx, struct err *e)
{
	static const char sql[] = CRIT_SQL;
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct plan_criterion_row r;
	int rc;

	if (!s)
		return e->code;
	sq_bind_text_or_null(s, 1, kind && *kind ? kind : NULL);
	sq_bind_date(s, 2, on);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_crit(s, &r);
		if (cb(ctx, &r))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						     : sq_db_error(st, e, "reading planning criteria");
}

static int crit_fill(void *ctx, const struct plan_criterion_row *r)
{
	struct plan_criteria *cr = ctx;
	int c = plan_crit_parse(r->criterion);

	if (c >= 0)
		memcpy(cr->value[c], r->value, sizeof cr->value[c]);
	return 0;
}

enum err_code store_plan_criteria(struct store *st, const char *kind, date_t on,
				  struct plan_criteria *cr, struct err *e)
{
	memset(cr, 0, sizeof *cr);
	return store_plan_criterion_rows(st, kind && *kind ? kind : "*", on, crit_fill, cr, e);
}

enum err_code store_plan_criterion_insert(struct store *st, const struct plan_criterion_row *r,
					  struct err *e)
{
	static const char sql[] =
		"INSERT OR REPLACE INTO plan_criterion(kind, criterion, value, effective_from,"
		" source, added_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sq_bind_text(s, 1, r->kind);
	sq_bind_text(s, 2, r->criterion);
	sq_bind_text(s, 3, r->value);
	sq_bind_date(s, 4, r->effective_from);
	sq_bind_text(s, 5, r->source);
	sq_bind_text(s, 6, r->added_by);
	return sq_step_done(st, s, e, "recording a planning criterion");
}

/* ---- targets ------------------------------------------------------------------------------- */

enum err_code store_plan_targets(struct store *st, int64_t period_id, int64_t org_id,
				 store_plan_target_cb cb, void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT target, pct_min, coalesce(age_under, 0) FROM plan_target"
		" WHERE period_id = ?1 AND org_id = ?2 ORDER BY CASE target WHEN 'young' THEN 0"
		" WHEN 'ethnic_minority' THEN 1 ELSE 2 END";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct plan_target t;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, period_id);
	sqlite3_bind_int64(s, 2, org_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&t, 0, sizeof t);
		sq_col_copy(s, 0, t.target, sizeof t.target);
		t.pct_min = sqlite3_column_int(s, 1);
		t.age_under = sqlite3_column_int(s, 2);
		if (cb(ctx, &t))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						     : sq_db_error(st, e, "reading plan targets");
}

enum err_code store_plan_target_set(struct store *st, int64_t period_id, int64_t org_id,
				    const struct plan_target *t, const char *by, struct err *e)
{
	static const char sql[] =
		"INSERT OR REPLACE INTO plan_target(period_id, org_id, target, pct_min, age_under,"
		" set_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, period_id);
	sqlite3_bind_int64(s, 2, org_id);
	sq_bind_text(s, 3, t->target);
	sqlite3_bind_int(s, 4, t->pct_min);
	if (t->age_under > 0)
		sqlite3_bind_int(s, 5, t->age_under);
	else
		sqlite3_bind_null(s, 5);
	sq_bind_text(s, 6, by);
	return sq_step_done(st, s, e, "setting a plan target");
}

/* ---- the candidates' records --------------------------------------------------------------- */

enum err_code store_plan_evidence(struct store *st, const char *ids_json, int from_year,
				  int to_year, store_plan_span_cb span_cb,
				  store_plan_grade_cb grade_cb, store_plan_health_cb health_cb,
				  void *ctx, struct err *e)
{
	static const char spans[] =
		"SELECT h.member_id, p.kind, h.valid_from, h.valid_to FROM holding h"
		" JOIN position p ON p.id = h.position_id"
		" WHERE h.member_id IN (SELECT value FROM json_each(?1))";
	static const char grades[] =
		"SELECT member_id, year, grade FROM review"
		" WHERE member_id IN (SELECT value FROM json_each(?1)) AND current"
		" AND step = 'decision' AND year BETWEEN ?2 AND ?3";
	static const char health[] =
		"SELECT member_id, health FROM cadre_assessment"
		" WHERE member_id IN (SELECT value FROM json_each(?1)) AND current"
		" AND health IS NOT NULL ORDER BY member_id, year, id";
	sqlite3_stmt *s;
	struct plan_span sp;
	int rc, pass;

	for (pass = 0; pass < 3; pass++) {
		if (!(s = sq_prep(st, pass == 0 ? spans : pass == 1 ? grades : health, e)))
			return e->code;
		sq_bind_text(s, 1, ids_json);
		if (pass == 1) {
			sqlite3_bind_int(s, 2, from_year);
			sqlite3_bind_int(s, 3, to_year);
		}
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			int64_t id = sqlite3_column_int64(s, 0);

			if (pass == 0) {
				memset(&sp, 0, sizeof sp);
				sq_col_copy(s, 1, sp.kind, sizeof sp.kind);
				sp.from = sq_col_date(s, 2);
				sp.to = sq_col_date(s, 3);
				span_cb(ctx, id, &sp);
			} else if (pass == 1) {
				const unsigned char *g = sqlite3_column_text(s, 2);

				grade_cb(ctx, id, sqlite3_column_int(s, 1), g ? (const char *)g : "");
			} else {
				health_cb(ctx, id, sqlite3_column_int(s, 1));
			}
		}
		sq_done(st, s);
		if (rc != SQLITE_DONE)
			return sq_db_error(st, e, "reading the candidates' records");
	}
	return ERR_OK;
}

enum err_code store_plan_for_positions(struct store *st, int64_t period_id,
				       const char *position_ids_json, store_plan_successor_cb cb,
				       void *ctx, struct err *e)
{
	static const char sql[] =
		SUCC_SQL " WHERE s.position_id IN (SELECT value FROM json_each(?2))"
		" AND s.period_id = ?1 AND s.to_version IS NULL ORDER BY s.position_id, s.rank";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, period_id);
	sq_bind_text(s, 2, position_ids_json);
	return walk_succ(st, s, cb, ctx, e);
}

enum err_code store_plan_short(struct store *st, int64_t period_id, long pre, long last,
			       date_t on, long min, long *n, long *short_n, long *people,
			       struct err *e)
{
	static const char sql[] =
		"SELECT count(*), coalesce(sum(c < ?5), 0) FROM (SELECT (SELECT count(*) FROM"
		" plan_successor s WHERE s.position_id = p.id AND s.period_id = ?1 AND"
		" s.to_version IS NULL) AS c FROM position p JOIN org o ON o.id = p.org_id"
		" WHERE o.pre BETWEEN ?2 AND ?3 AND p.is_key = 1 AND p.valid_from <= ?4 AND"
		" (p.valid_to IS NULL OR p.valid_to > ?4) AND o.established <= ?4 AND"
		" (o.dissolved IS NULL OR o.dissolved > ?4))";
	static const char psql[] =
		"SELECT count(DISTINCT s.member_id) FROM position p JOIN org o ON o.id = p.org_id"
		" JOIN plan_successor s ON s.position_id = p.id AND s.period_id = ?1 AND"
		" s.to_version IS NULL WHERE o.pre BETWEEN ?2 AND ?3 AND p.is_key = 1 AND"
		" p.valid_from <= ?4 AND (p.valid_to IS NULL OR p.valid_to > ?4)";
	sqlite3_stmt *s;
	int rc, pass;

	*n = *short_n = 0;
	if (people)
		*people = 0;
	for (pass = 0; pass < (people ? 2 : 1); pass++) {
		if (!(s = sq_prep(st, pass ? psql : sql, e)))
			return e->code;
		sqlite3_bind_int64(s, 1, period_id);
		sqlite3_bind_int64(s, 2, pre);
		sqlite3_bind_int64(s, 3, last);
		sq_bind_date(s, 4, on);
		if (!pass)
			sqlite3_bind_int64(s, 5, min);
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW && !pass) {
			*n = (long)sqlite3_column_int64(s, 0);
			*short_n = (long)sqlite3_column_int64(s, 1);
		} else if (rc == SQLITE_ROW) {
			*people = (long)sqlite3_column_int64(s, 0);
		}
		sq_done(st, s);
		if (rc != SQLITE_ROW)
			return sq_db_error(st, e, "counting planned positions");
	}
	return ERR_OK;
}

enum err_code store_plan_key_positions(struct store *st, long pre, long last, date_t on,
				       store_plan_pos_cb cb, void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT p.id, o.id, o.code, o.name, p.kind, coalesce(k.name_vi, p.kind),"
		" coalesce(k.name_en, p.kind) FROM position p JOIN org o ON o.id = p.org_id"
		" LEFT JOIN position_kind k ON k.code = p.kind"
		" WHERE o.pre BETWEEN ?1 AND ?2 AND p.is_key = 1 AND p.valid_from <= ?3 AND"
		" (p.valid_to IS NULL OR p.valid_to > ?3) AND o.established <= ?3 AND"
		" (o.dissolved IS NULL OR o.dissolved > ?3) ORDER BY o.pre, k.ord, p.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct plan_pos p;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sq_bind_date(s, 3, on);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&p, 0, sizeof p);
		p.id = sqlite3_column_int64(s, 0);
		p.org_id = sqlite3_column_int64(s, 1);
		sq_col_copy(s, 2, p.org_code, sizeof p.org_code);
		sq_col_copy(s, 3, p.org_name, sizeof p.org_name);
		sq_col_copy(s, 4, p.kind, sizeof p.kind);
		sq_col_copy(s, 5, p.kind_vi, sizeof p.kind_vi);
		sq_col_copy(s, 6, p.kind_en, sizeof p.kind_en);
		if (cb(ctx, &p))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						     : sq_db_error(st, e, "reading key positions");
}

enum err_code store_plan_demo_health(struct store *st, int64_t member_id, int year, int health,
				     const char *by, struct err *e)
{
	static const char sql[] =
		"INSERT INTO cadre_assessment(member_id, year, self_text, health, recorded_by)"
		" SELECT ?1, ?2, 'Hoàn thành tốt chức trách, nhiệm vụ được giao.', ?3, ?4"
		" WHERE NOT EXISTS (SELECT 1 FROM cadre_assessment WHERE member_id = ?1 AND"
		" year = ?2 AND current)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	sqlite3_bind_int(s, 2, year);
	sqlite3_bind_int(s, 3, health);
	sq_bind_text(s, 4, by);
	return sq_step_done(st, s, e, "recording an assessment");
}
