/* store_meeting.c - the SQL of meetings (docs/meetings.md): meetings, attendance, resolutions,
 * the lists by subtree and period, and the roll of a day. Every value bound. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/buf.h"
#include "../lib/mem.h"
#include "schema.h"
#include "store_int.h"
#include "store_meeting.h"

#define MEET_COLS                                                                            \
	"g.id, g.org_id, o.code, o.name, g.on_date, g.starts_min, g.ends_min, g.kind,"          \
	" g.topic, g.agenda, g.content, coalesce(g.chair_id, 0), coalesce(g.secretary_id, 0),"  \
	" coalesce((SELECT full_name FROM member WHERE id = g.chair_id), ''),"                  \
	" coalesce((SELECT full_name FROM member WHERE id = g.secretary_id), ''),"              \
	" g.guests, coalesce(g.document_id, 0), coalesce(g.makeup_of, 0),"                      \
	" coalesce(g.quorum_base, -1), g.state, g.rules, g.recorded_by, g.recorded_at,"         \
	" g.cancel_reason,"                                                                      \
	" (SELECT count(*) FROM meeting_attendance WHERE meeting_id = g.id AND status = 'present'),"   \
	" (SELECT count(*) FROM meeting_attendance WHERE meeting_id = g.id AND status = 'excused'),"   \
	" (SELECT count(*) FROM meeting_attendance WHERE meeting_id = g.id AND status = 'absent'),"    \
	" (SELECT count(*) FROM meeting_attendance WHERE meeting_id = g.id"                      \
	"   AND status = 'not_counted'), coalesce(o.pre, 0)"
#define MEET_FROM " FROM meeting g JOIN org o ON o.id = g.org_id"

static void read_meeting(sqlite3_stmt *s, struct meeting *m, long *pre)
{
	char buf[32];
	int k;

	m->id = sqlite3_column_int64(s, 0);
	m->org_id = sqlite3_column_int64(s, 1);
	sq_col_copy(s, 2, m->org_code, sizeof m->org_code);
	sq_col_copy(s, 3, m->org_name, sizeof m->org_name);
	m->on = sq_col_date(s, 4);
	m->starts_min = sqlite3_column_int(s, 5);
	m->ends_min = sqlite3_column_int(s, 6);
	sq_col_copy(s, 7, buf, sizeof buf);
	k = meeting_kind_parse(buf);
	m->kind = k < 0 ? MK_MONTHLY : (enum meeting_kind)k;
	sq_col_copy(s, 8, m->topic, sizeof m->topic);
	sq_col_copy(s, 9, m->agenda, sizeof m->agenda);
	sq_col_copy(s, 10, m->content, sizeof m->content);
	m->chair_id = sqlite3_column_int64(s, 11);
	m->secretary_id = sqlite3_column_int64(s, 12);
	sq_col_copy(s, 13, m->chair_name, sizeof m->chair_name);
	sq_col_copy(s, 14, m->secretary_name, sizeof m->secretary_name);
	sq_col_copy(s, 15, m->guests, sizeof m->guests);
	m->document_id = sqlite3_column_int64(s, 16);
	m->makeup_of = sqlite3_column_int64(s, 17);
	m->quorum_base = (long)sqlite3_column_int64(s, 18);
	sq_col_copy(s, 19, buf, sizeof buf);
	k = meeting_state_parse(buf);
	m->state = k < 0 ? MST_HELD : (enum meeting_state)k;
	sq_col_copy(s, 20, m->rules, sizeof m->rules);
	sq_col_copy(s, 21, m->recorded_by, sizeof m->recorded_by);
	sq_col_copy(s, 22, m->recorded_at, sizeof m->recorded_at);
	sq_col_copy(s, 23, m->cancel_reason, sizeof m->cancel_reason);
	m->n_present = (long)sqlite3_column_int64(s, 24);
	m->n_excused = (long)sqlite3_column_int64(s, 25);
	m->n_absent = (long)sqlite3_column_int64(s, 26);
	m->n_not_counted = (long)sqlite3_column_int64(s, 27);
	if (pre)
		*pre = (long)sqlite3_column_int64(s, 28);
}

enum err_code store_meeting_insert(struct store *st, struct meeting *m, struct err *e)
{
	static const char sql[] =
		"INSERT INTO meeting(org_id, on_date, starts_min, ends_min, kind, topic, agenda,"
		" content, chair_id, secretary_id, guests, document_id, makeup_of, quorum_base, state,"
		" rules, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
		" ?14, ?15, ?16, ?17)";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	enum err_code rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, m->org_id);
	sq_bind_date(s, 2, m->on);
	sqlite3_bind_int(s, 3, m->starts_min);
	sqlite3_bind_int(s, 4, m->ends_min);
	sq_bind_text(s, 5, meeting_kind_name(m->kind));
	sq_bind_text(s, 6, m->topic);
	sq_bind_text(s, 7, m->agenda);
	sq_bind_text(s, 8, m->content);
	sq_bind_id_or_null(s, 9, m->chair_id);
	sq_bind_id_or_null(s, 10, m->secretary_id);
	sq_bind_text(s, 11, m->guests);
	sq_bind_id_or_null(s, 12, m->document_id);
	sq_bind_id_or_null(s, 13, m->makeup_of);
	if (m->quorum_base >= 0)
		sqlite3_bind_int64(s, 14, m->quorum_base);
	else
		sqlite3_bind_null(s, 14);
	sq_bind_text(s, 15, meeting_state_name(m->state));
	sq_bind_text(s, 16, m->rules);
	sq_bind_text(s, 17, m->recorded_by);
	rc = sq_step_done(st, s, e, "storing a meeting");
	if (!rc)
		m->id = sqlite3_last_insert_rowid(st->db);
	return rc;
}

enum err_code store_meeting_get(struct store *st, int64_t id, struct meeting *m, long *org_pre,
				struct err *e)
{
	static const char sql[] = "SELECT " MEET_COLS MEET_FROM " WHERE g.id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int step;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW)
		read_meeting(s, m, org_pre);
	sq_done(st, s);
	if (step == SQLITE_ROW)
		return ERR_OK;
	if (step == SQLITE_DONE)
		return err_set(e, ERR_NOTFOUND, "no meeting has the id %lld", (long long)id);
	return sq_db_error(st, e, "reading a meeting");
}

enum err_code store_meeting_set_state(struct store *st, int64_t id, enum meeting_state state,
				      long quorum_base, const char *cancel_reason, struct err *e)
{
	static const char sql[] = "UPDATE meeting SET state = ?2, quorum_base = ?3,"
				  " cancel_reason = coalesce(?4, cancel_reason) WHERE id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	sq_bind_text(s, 2, meeting_state_name(state));
	if (quorum_base >= 0)
		sqlite3_bind_int64(s, 3, quorum_base);
	else
		sqlite3_bind_null(s, 3);
	sq_bind_text_or_null(s, 4, cancel_reason);
	return sq_step_done(st, s, e, "updating a meeting");
}

enum err_code store_meeting_att_read(struct store *st, int64_t id, struct meeting *m,
				     struct err *e)
{
	static const char sql[] =
		"SELECT a.member_id, a.status, a.reason, m.full_name, coalesce(o.code, '')"
		" FROM meeting_attendance a JOIN member m ON m.id = a.member_id"
		" LEFT JOIN org o ON o.id = m.org_id"
		" WHERE a.meeting_id = ?1 ORDER BY m.sort_key, m.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct meet_attendance r;
	char buf[24];
	int rc, k;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.member_id = sqlite3_column_int64(s, 0);
		sq_col_copy(s, 1, buf, sizeof buf);
		k = attend_status_parse(buf);
		r.status = k < 0 ? AT_ABSENT : (enum attend_status)k;
		sq_col_copy(s, 2, r.reason, sizeof r.reason);
		sq_col_copy(s, 3, r.name, sizeof r.name);
		sq_col_copy(s, 4, r.org_code, sizeof r.org_code);
		r.member_status = MS_OFFICIAL;
		meeting_att_push(m, &r);
	}
	sq_done(st, s);
	return rc == SQLITE_DONE ? ERR_OK : sq_db_error(st, e, "reading attendance");
}

enum err_code store_meeting_att_replace(struct store *st, int64_t id,
					const struct meet_attendance *rows, size_t n,
					struct err *e)
{
	struct store_att_bulk *b = store_att_bulk_new(st, e);
	enum err_code rc;
	size_t i;

	if (!b)
		return e->code;
	rc = store_att_bulk_clear(b, id, e);
	for (i = 0; i < n && !rc; i++)
		rc = store_att_bulk_put(b, id, &rows[i], e);
	if (!rc)
		rc = store_att_bulk_end(b, e);
	store_att_bulk_free(b);
	return rc;
}

enum err_code store_meeting_res_read(struct store *st, int64_t id, struct meeting *m,
				     struct err *e)
{
	static const char sql[] = "SELECT seq, text, votes_for, votes_against, abstain, base, passed"
				  " FROM meeting_resolution WHERE meeting_id = ?1 ORDER BY seq";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct meet_resolution *r = xmalloc(sizeof *r);
	int rc;

	if (!s) {
		free(r);
		return e->code;
	}
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(r, 0, sizeof *r);
		r->seq = sqlite3_column_int(s, 0);
		sq_col_copy(s, 1, r->text, sizeof r->text);
		r->votes_for = (long)sqlite3_column_int64(s, 2);
		r->against = (long)sqlite3_column_int64(s, 3);
		r->abstain = (long)sqlite3_column_int64(s, 4);
		r->base = (long)sqlite3_column_int64(s, 5);
		r->passed = sqlite3_column_int(s, 6);
		meeting_res_push(m, r);
	}
	sq_done(st, s);
	free(r);
	return rc == SQLITE_DONE ? ERR_OK : sq_db_error(st, e, "reading resolutions");
}

enum err_code store_meeting_res_insert(struct store *st, int64_t id,
				       const struct meet_resolution *r, struct err *e)
{
	static const char sql[] =
		"INSERT INTO meeting_resolution(meeting_id, seq, text, votes_for, votes_against,"
		" abstain, base, passed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, r->seq);
	sq_bind_text(s, 3, r->text);
	sqlite3_bind_int64(s, 4, r->votes_for);
	sqlite3_bind_int64(s, 5, r->against);
	sqlite3_bind_int64(s, 6, r->abstain);
	sqlite3_bind_int64(s, 7, r->base);
	sqlite3_bind_int(s, 8, r->passed ? 1 : 0);
	return sq_step_done(st, s, e, "storing a resolution");
}

/* The roll of a day: the current roll since org_since and the closed periods covering ?2, at
 * one organisation (?1 > 0) or at those with pre in [?3, ?4]. The status that day as
 * store_adm_official_count reads it. */
/* The roll of a day as rows (id, org_id) of ORGS (a condition on an org id column), then each
 * member's status that day and whether a temporary stay elsewhere was under way. UNION ALL
 * (a closed period at an organisation where the member is again now is left out), so that
 * SQLite streams the rows instead of building a temporary table a call. */
#define ROLL_SQL(ORGS_M, ORGS_P)                                                              \
	"WITH roll(id, org_id) AS ("                                                          \
	"  SELECT m.id, m.org_id FROM member m WHERE " ORGS_M " AND m.org_since <= ?2"       \
	"  UNION ALL SELECT p.member_id, p.org_id FROM member_period p"                       \
	"   WHERE " ORGS_P " AND p.temporary = 0 AND p.valid_from <= ?2 AND ?2 < p.valid_to"  \
	"   AND NOT EXISTS (SELECT 1 FROM member x WHERE x.id = p.member_id"                  \
	"    AND x.org_id = p.org_id AND x.org_since <= ?2))"                                 \
	" SELECT m.id, r.org_id, o.code, m.full_name, m.history_no, CASE"                    \
	"  WHEN m.status_since <= ?2 THEN m.status"                                           \
	"  ELSE coalesce((SELECT s.status FROM member_status s WHERE s.member_id = m.id"      \
	"    AND s.valid_from <= ?2 AND ?2 < s.valid_to ORDER BY s.valid_from DESC LIMIT 1)," \
	"   CASE WHEN m.official_date IS NOT NULL AND m.official_date <= ?2 THEN 'official'"  \
	"    WHEN m.admission_decision_date <= ?2 THEN 'probationary' ELSE '' END) END,"      \
	"  EXISTS (SELECT 1 FROM transfer t WHERE t.member_id = m.id AND t.temporary = 1"     \
	"   AND t.cancelled = 0 AND t.received_date IS NOT NULL AND t.received_date <= ?2"   \
	"   AND (t.ended_date IS NULL OR ?2 < t.ended_date) AND t.to_org_id <> r.org_id)"     \
	" FROM roll r JOIN member m ON m.id = r.id JOIN org o ON o.id = r.org_id"
#define ONE_M "m.org_id = ?1"
#define ONE_P "p.org_id = ?1"
#define TREE_M "m.org_id IN (SELECT id FROM org WHERE pre BETWEEN ?3 AND ?4)"
#define TREE_P "p.org_id IN (SELECT id FROM org WHERE pre BETWEEN ?3 AND ?4)"

enum err_code store_meeting_roll(struct store *st, int64_t org_id, long pre, long last, date_t d,
				 int sorted, store_meet_roll_cb cb, void *ctx, struct err *e)
{
	static const char one_sorted[] = ROLL_SQL(ONE_M, ONE_P) " ORDER BY m.sort_key, m.id";
	static const char one[] = ROLL_SQL(ONE_M, ONE_P);
	static const char tree_sorted[] = ROLL_SQL(TREE_M, TREE_P) " ORDER BY m.sort_key, m.id";
	static const char tree[] = ROLL_SQL(TREE_M, TREE_P);
	const char *sql = org_id > 0 ? (sorted ? one_sorted : one) : (sorted ? tree_sorted : tree);
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct meet_roll_row row;
	char buf[24];
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	sq_bind_date(s, 2, d);
	sqlite3_bind_int64(s, 3, pre);
	sqlite3_bind_int64(s, 4, last);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&row, 0, sizeof row);
		row.r.member_id = sqlite3_column_int64(s, 0);
		row.org_id = sqlite3_column_int64(s, 1);
		sq_col_copy(s, 2, row.org_code, sizeof row.org_code);
		sq_col_copy(s, 3, row.name, sizeof row.name);
		sq_col_copy(s, 4, row.history_no, sizeof row.history_no);
		sq_col_copy(s, 5, buf, sizeof buf);
		if (member_status_parse(buf, &row.r.status))
			row.r.status = MS_REMOVED;
		row.r.temp_away = sqlite3_column_int(s, 6);
		if (cb(ctx, &row))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						     : sq_db_error(st, e, "reading the roll");
}

/* Every date the roll query compares with ?2, for the members at ?1 now or in a closed
 * period there (a member twice is harmless: only the nearest dates count): four columns a
 * row, NULL where a column has no date. */
#define ROLL_SPAN_SQL                                                                          \
	"WITH mem(id) AS (SELECT id FROM member WHERE org_id = ?1"                            \
	"  UNION ALL SELECT member_id FROM member_period WHERE org_id = ?1 AND temporary = 0)"\
	" SELECT m.org_since, m.status_since, m.official_date, m.admission_decision_date"    \
	" FROM mem JOIN member m ON m.id = mem.id"                                            \
	" UNION ALL SELECT valid_from, valid_to, NULL, NULL FROM member_period"                \
	"  WHERE org_id = ?1 AND temporary = 0"                                                \
	" UNION ALL SELECT s.valid_from, s.valid_to, NULL, NULL"                               \
	"  FROM mem JOIN member_status s ON s.member_id = mem.id"                             \
	" UNION ALL SELECT t.received_date, t.ended_date, NULL, NULL"                          \
	"  FROM mem JOIN transfer t ON t.member_id = mem.id"                                  \
	"  WHERE t.temporary = 1 AND t.cancelled = 0"

enum err_code store_meeting_roll_span(struct store *st, int64_t org_id, date_t d, date_t *lo,
				      date_t *hi, struct err *e)
{
	sqlite3_stmt *s = sq_prep(st, ROLL_SPAN_SQL, e);
	int rc, i;

	*lo = DATE_NONE;
	*hi = INT32_MAX;
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		for (i = 0; i < 4; i++) {
			sqlite3_int64 x;

			if (sqlite3_column_type(s, i) == SQLITE_NULL)
				continue;
			x = sqlite3_column_int64(s, i);
			if (x <= d && x > *lo)
				*lo = (date_t)x;
			else if (x > d && x < *hi)
				*hi = (date_t)x;
		}
	sq_done(st, s);
	return rc == SQLITE_DONE ? ERR_OK : sq_db_error(st, e, "reading the roll's dates");
}

/* The organisations of a list: org_id alone, or the pre interval with the dissolved ones
 * whose nearest active ancestor lies in it. */
#define LIST_ORGS                                                                            \
	"WITH RECURSIVE up(id, anc) AS ("                                                    \
	"  SELECT id, parent_id FROM org WHERE ?1 = 0 AND dissolved IS NOT NULL"             \
	"  UNION ALL SELECT up.id, p.parent_id FROM up JOIN org p ON p.id = up.anc"           \
	"   WHERE p.dissolved IS NOT NULL),"                                                   \
	" orgs(id) AS (SELECT ?1 WHERE ?1 > 0"                                               \
	"  UNION SELECT id FROM org WHERE ?1 = 0 AND pre BETWEEN ?2 AND ?3"                   \
	"  UNION SELECT up.id FROM up JOIN org a ON a.id = up.anc"                           \
	"   WHERE a.dissolved IS NULL AND a.pre BETWEEN ?2 AND ?3) "
#define LIST_WHERE                                                                           \
	" WHERE g.org_id IN (SELECT id FROM orgs)"                                            \
	" AND (?4 IS NULL OR g.on_date >= ?4) AND (?5 IS NULL OR g.on_date <= ?5)"           \
	" AND (?6 IS NULL OR g.kind = ?6) AND (?7 IS NULL OR g.state = ?7)"                  \
	" AND (?8 = 0 OR g.document_id = ?8)"

static void bind_list(sqlite3_stmt *s, const struct store_meet_q *q)
{
	sqlite3_bind_int64(s, 1, q->org_id);
	sqlite3_bind_int64(s, 2, q->pre);
	sqlite3_bind_int64(s, 3, q->last);
	if (q->from != DATE_NONE)
		sq_bind_date(s, 4, q->from);
	if (q->to != DATE_NONE)
		sq_bind_date(s, 5, q->to);
	if (q->kind >= 0)
		sq_bind_text(s, 6, meeting_kind_name((enum meeting_kind)q->kind));
	if (q->state >= 0)
		sq_bind_text(s, 7, meeting_state_name((enum meeting_state)q->state));
	sqlite3_bind_int64(s, 8, q->document_id);
}

enum err_code store_meeting_list(struct store *st, const struct store_meet_q *q, long offset,
				 long limit, store_meeting_cb cb, void *ctx, long *total,
				 struct err *e)
{
	static const char sql[] = LIST_ORGS "SELECT " MEET_COLS MEET_FROM LIST_WHERE
					    " ORDER BY g.on_date DESC, g.id DESC LIMIT ?9 OFFSET ?10";
	static const char count[] = LIST_ORGS "SELECT count(*) FROM meeting g" LIST_WHERE;
	sqlite3_stmt *s;
	struct meeting *m;
	int rc;

	if (total) {
		if (!(s = sq_prep(st, count, e)))
			return e->code;
		bind_list(s, q);
		rc = sqlite3_step(s);
		*total = rc == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
		sq_done(st, s);
		if (rc != SQLITE_ROW)
			return sq_db_error(st, e, "counting meetings");
	}
	if (!(s = sq_prep(st, sql, e)))
		return e->code;
	bind_list(s, q);
	sqlite3_bind_int64(s, 9, limit > 0 ? limit : -1);
	sqlite3_bind_int64(s, 10, offset > 0 ? offset : 0);
	m = xmalloc(sizeof *m);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		meeting_init(m);
		read_meeting(s, m, NULL);
		if (cb(ctx, m))
			break;
	}
	sq_done(st, s);
	free(m);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						     : sq_db_error(st, e, "listing meetings");
}

enum err_code store_meeting_find(struct store *st, int64_t org_id, date_t d, enum meeting_kind k,
				 int64_t *id, struct err *e)
{
	static const char sql[] = "SELECT min(id) FROM meeting WHERE org_id = ?1 AND on_date = ?2"
				  " AND kind = ?3 AND state <> 'cancelled'";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	sq_bind_date(s, 2, d);
	sq_bind_text(s, 3, meeting_kind_name(k));
	rc = sqlite3_step(s);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sq_done(st, s);
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "finding a meeting");
}

enum err_code store_meeting_document_exists(struct store *st, int64_t id, int *yes,
					    struct err *e)
{
	static const char sql[] = "SELECT 1 FROM document WHERE id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	*yes = rc == SQLITE_ROW;
	sq_done(st, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ERR_OK
						     : sq_db_error(st, e, "reading a document");
}

/* ---- the bulk path ---------------------------------------------------------------------- */

/* Rows are sent ATT_CHUNK at a time in one INSERT: the CHECK of the status (an IN list) builds
 * its lookup table once a statement, which a row at a time would rebuild for every row. */
#define ATT_CHUNK 64

struct att_row {
	int64_t meeting_id, member_id;
	enum attend_status status;
	char reason[MEET_LINE];
};

struct store_att_bulk {
	struct store *st;
	sqlite3_stmt *del, *one, *many;
	struct att_row rows[ATT_CHUNK];
	int n;
	int big;
	/* a big bulk: the meetings whose attendance it wrote (their study coverage is brought
	 * up to date at the end: the study's triggers are dropped meanwhile) */
	int64_t *touched;
	size_t n_touched, cap_touched;
	int64_t last_touched;
};

static void att_touch(struct store_att_bulk *b, int64_t id)
{
	if (!b->big || id == b->last_touched)
		return;
	b->last_touched = id;
	if (b->n_touched == b->cap_touched) {
		b->cap_touched = b->cap_touched ? b->cap_touched * 2 : 256;
		b->touched = xrealloc(b->touched, b->cap_touched * sizeof *b->touched);
	}
	b->touched[b->n_touched++] = id;
}

static int cmp_id(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, c = *(const int64_t *)y;

	return (a > c) - (a < c);
}

/* The coverage of each document studied at a meeting the big bulk wrote, counted again from
 * the presences and the confirmations (study_covered; its triggers keep study_fig), as the
 * study's attendance triggers would have kept it row by row. A year of regular meetings
 * touches no document: nothing is done. */
static enum err_code att_study_catch_up(struct store_att_bulk *b, struct err *e)
{
	static const char docs[] =
		"SELECT DISTINCT coalesce(g.document_id, o.document_id) FROM meeting g"
		" LEFT JOIN meeting o ON o.id = g.makeup_of WHERE g.id = ?1"
		" AND coalesce(g.document_id, o.document_id) IS NOT NULL";
	static const char drop[] = "DELETE FROM study_covered WHERE document_id = ?1";
	static const char fill[] =
		"INSERT INTO study_covered(document_id, member_id, first_on)"
		" SELECT ?1, member_id, min(d) FROM ("
		"  SELECT c.member_id, c.on_date AS d FROM study_confirm c WHERE c.document_id = ?1"
		"  UNION ALL SELECT t.member_id, g.on_date FROM meeting g"
		"   LEFT JOIN meeting o ON o.id = g.makeup_of"
		"   JOIN meeting_attendance t ON t.meeting_id = g.id AND t.status = 'present'"
		"   WHERE g.state <> 'cancelled' AND coalesce(g.document_id, o.document_id) = ?1)"
		" GROUP BY member_id";
	int64_t *doc = NULL;
	size_t n = 0, cap = 0, i, k;
	enum err_code rc = ERR_OK;

	if (!b->n_touched)
		return ERR_OK;
	qsort(b->touched, b->n_touched, sizeof *b->touched, cmp_id);
	for (i = 0; i < b->n_touched && !rc; i++) {
		sqlite3_stmt *s;
		int step;

		if (i && b->touched[i] == b->touched[i - 1])
			continue;
		if (!(s = sq_prep(b->st, docs, e)))
			return e->code;
		sqlite3_bind_int64(s, 1, b->touched[i]);
		while ((step = sqlite3_step(s)) == SQLITE_ROW) {
			int64_t d = sqlite3_column_int64(s, 0);

			for (k = 0; k < n && doc[k] != d; k++)
				;
			if (k < n)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 8;
				doc = xrealloc(doc, cap * sizeof *doc);
			}
			doc[n++] = d;
		}
		sq_done(b->st, s);
		if (step != SQLITE_DONE)
			rc = sq_db_error(b->st, e, "finding the documents studied");
	}
	for (i = 0; i < n && !rc; i++) {
		sqlite3_stmt *s;

		if (!(s = sq_prep(b->st, drop, e)))
			break;
		sqlite3_bind_int64(s, 1, doc[i]);
		if ((rc = sq_step_done(b->st, s, e, "counting a document's study again")))
			break;
		if (!(s = sq_prep(b->st, fill, e)))
			break;
		sqlite3_bind_int64(s, 1, doc[i]);
		rc = sq_step_done(b->st, s, e, "counting a document's study again");
	}
	free(doc);
	return e->code ? e->code : rc;
}

static void bind_row(sqlite3_stmt *s, int at, const struct att_row *r)
{
	sqlite3_bind_int64(s, at + 1, r->meeting_id);
	sqlite3_bind_int64(s, at + 2, r->member_id);
	sqlite3_bind_text(s, at + 3, attend_status_name(r->status), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, at + 4, r->reason, -1, SQLITE_STATIC);
}

/* Store the rows kept. */
static enum err_code att_flush(struct store_att_bulk *b, struct err *e)
{
	int i, rc = SQLITE_DONE;

	if (b->n == ATT_CHUNK) {
		for (i = 0; i < ATT_CHUNK; i++)
			bind_row(b->many, i * 4, &b->rows[i]);
		rc = sqlite3_step(b->many);
		sqlite3_reset(b->many);
	} else {
		for (i = 0; i < b->n && rc == SQLITE_DONE; i++) {
			bind_row(b->one, 0, &b->rows[i]);
			rc = sqlite3_step(b->one);
			sqlite3_reset(b->one);
		}
	}
	b->n = 0;
	return rc == SQLITE_DONE ? ERR_OK : sq_db_error(b->st, e, "storing attendance");
}

struct store_att_bulk *store_att_bulk_big(struct store *st, struct err *e)
{
	struct store_att_bulk *b;

	/* The index by member takes the rows in random order: dropped here, built again sorted
	 * at the end (store_att_bulk_end), inside the caller's transaction (a rollback keeps
	 * it); a larger cache for the rest. */
	if (sq_exec(st, "DROP INDEX IF EXISTS meeting_attendance_member", e,
		    "preparing the attendance") ||
	    sq_exec(st, schema_study_attend_triggers(0), e, "preparing the attendance"))
		return NULL;
	store_cache_mib(st, 256);
	if (!(b = store_att_bulk_new(st, e)))
		return NULL;
	b->big = 1;
	return b;
}

enum err_code store_att_bulk_end(struct store_att_bulk *b, struct err *e)
{
	if (b->n && att_flush(b, e))
		return e->code;
	if (!b->big)
		return ERR_OK;
	b->big = 0;
	store_cache_mib(b->st, 16);
	if (sq_exec(b->st, "CREATE INDEX IF NOT EXISTS meeting_attendance_member"
			   " ON meeting_attendance(member_id, meeting_id)",
		    e, "indexing the attendance") ||
	    sq_exec(b->st, schema_study_attend_triggers(1), e, "indexing the attendance"))
		return e->code;
	return att_study_catch_up(b, e);
}

struct store_att_bulk *store_att_bulk_new(struct store *st, struct err *e)
{
	static const char del[] = "DELETE FROM meeting_attendance WHERE meeting_id = ?1";
	static const char one[] = "INSERT INTO meeting_attendance(meeting_id, member_id, status,"
				  " reason) VALUES (?, ?, ?, ?)";
	struct store_att_bulk *b = xcalloc(1, sizeof *b);
	struct buf many;
	int i, rc;

	b->st = st;
	buf_init(&many, 0);
	buf_adds(&many, "INSERT INTO meeting_attendance(meeting_id, member_id, status, reason)"
			" VALUES (?, ?, ?, ?)");
	for (i = 1; i < ATT_CHUNK; i++)
		buf_adds(&many, ", (?, ?, ?, ?)");
	rc = sqlite3_prepare_v3(st->db, del, -1, SQLITE_PREPARE_PERSISTENT, &b->del, NULL) ||
	     sqlite3_prepare_v3(st->db, one, -1, SQLITE_PREPARE_PERSISTENT, &b->one, NULL) ||
	     sqlite3_prepare_v3(st->db, buf_str(&many), -1, SQLITE_PREPARE_PERSISTENT, &b->many,
				NULL);
	buf_cleanup(&many);
	if (rc) {
		sq_db_error(st, e, "preparing the attendance");
		store_att_bulk_free(b);
		return NULL;
	}
	return b;
}

enum err_code store_att_bulk_clear(struct store_att_bulk *b, int64_t id, struct err *e)
{
	int rc, i, mine = 0;

	/* Rows kept of other meetings stay kept: the DELETE does not touch them. */
	for (i = 0; i < b->n; i++)
		mine |= b->rows[i].meeting_id == id;
	if (mine && att_flush(b, e))
		return e->code;
	att_touch(b, id);
	sqlite3_bind_int64(b->del, 1, id);
	rc = sqlite3_step(b->del);
	sqlite3_reset(b->del);
	return rc == SQLITE_DONE ? ERR_OK : sq_db_error(b->st, e, "replacing attendance");
}

enum err_code store_att_bulk_put(struct store_att_bulk *b, int64_t id,
				 const struct meet_attendance *r, struct err *e)
{
	struct att_row *w = &b->rows[b->n++];

	att_touch(b, id);
	w->meeting_id = id;
	w->member_id = r->member_id;
	w->status = r->status;
	snprintf(w->reason, sizeof w->reason, "%s", r->reason);
	return b->n == ATT_CHUNK ? att_flush(b, e) : ERR_OK;
}

void store_att_bulk_free(struct store_att_bulk *b)
{
	if (!b)
		return;
	if (b->big)
		store_cache_mib(b->st, 16);
	sqlite3_finalize(b->del);
	sqlite3_finalize(b->one);
	sqlite3_finalize(b->many);
	free(b->touched);
	free(b);
}

enum err_code store_meeting_numbers(struct store *st, store_number_cb cb, void *ctx,
				    struct err *e)
{
	static const char sql[] = "SELECT history_no, id FROM member WHERE history_no <> ''";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (cb(ctx, (const char *)sqlite3_column_text(s, 0), sqlite3_column_int64(s, 1)))
			break;
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						     : sq_db_error(st, e, "reading members' numbers");
}
