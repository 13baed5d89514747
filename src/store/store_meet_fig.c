/* store_meet_fig.c - the queries behind the meeting figures (store_meet_fig.h). Each starts
 * from the organisations of a subtree through org_pre and reads their meetings through
 * meeting_org (org_id, on_date) and the attendance through its primary key (meeting_id,
 * member_id), so a province reads its own meetings only, never the national tables. */
#include <stdio.h>
#include <string.h>

#include "store_int.h"
#include "store_meet_fig.h"

static void col_text(sqlite3_stmt *s, int i, char *out, size_t n)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	snprintf(out, n, "%s", t ? (const char *)t : "");
}

enum err_code store_meet_fig_meetings(struct store *st, long pre, long last, date_t from,
				      date_t to, const char *kind, int with_att,
				      store_meet_fig_cb cb,
				      void *ctx, struct err *e)
{
	/* The attendance counted per meeting by one correlated read of its own rows (the
	 * primary key's range), the four counts packed 16 bits apart (a meeting lists fewer
	 * than 65,536 members): no GROUP BY over the subtree's attendance as a whole. */
	static const char sql[] =
		"SELECT m.id, m.org_id, m.on_date, m.kind,"
		" (SELECT sum(CASE a.status WHEN 'present' THEN 1 WHEN 'excused' THEN 65536"
		"   WHEN 'absent' THEN 4294967296 ELSE 281474976710656 END)"
		"  FROM meeting_attendance a WHERE a.meeting_id = m.id)"
		" FROM org o JOIN meeting m INDEXED BY meeting_org"
		"   ON m.org_id = o.id AND m.on_date BETWEEN ?3 AND ?4"
		" WHERE o.pre BETWEEN ?1 AND ?2 AND m.state = 'held'"
		"   AND (?5 IS NULL OR m.kind = ?5)";
	static const char sql_bare[] =
		"SELECT m.id, m.org_id, m.on_date, m.kind, 0"
		" FROM org o JOIN meeting m INDEXED BY meeting_org"
		"   ON m.org_id = o.id AND m.on_date BETWEEN ?3 AND ?4"
		" WHERE o.pre BETWEEN ?1 AND ?2 AND m.state = 'held'"
		"   AND (?5 IS NULL OR m.kind = ?5)";
	sqlite3_stmt *s = sq_prep(st, with_att ? sql : sql_bare, e);
	struct meet_fig_row r;
	uint64_t packed;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sq_bind_date(s, 3, from);
	sq_bind_date(s, 4, to);
	sq_bind_text_or_null(s, 5, kind);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.id = sqlite3_column_int64(s, 0);
		r.org_id = sqlite3_column_int64(s, 1);
		r.on_date = sq_col_date(s, 2);
		col_text(s, 3, r.kind, sizeof r.kind);
		packed = (uint64_t)sqlite3_column_int64(s, 4);
		r.present = (long)(packed & 0xffff);
		r.excused = (long)((packed >> 16) & 0xffff);
		r.absent = (long)((packed >> 32) & 0xffff);
		r.not_counted = (long)((packed >> 48) & 0xffff);
		if (cb(ctx, &r))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW
		       ? ERR_OK
		       : sq_db_error(st, e, "reading the meetings of a subtree");
}

enum err_code store_meet_fig_count(struct store *st, int64_t org_id, date_t from, date_t to,
				   const char *kind, long *n, struct err *e)
{
	static const char sql[] =
		"SELECT count(*) FROM meeting INDEXED BY meeting_org"
		" WHERE org_id = ?1 AND on_date BETWEEN ?2 AND ?3 AND state = 'held'"
		"   AND (?4 IS NULL OR kind = ?4)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	*n = 0;
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	sq_bind_date(s, 2, from);
	sq_bind_date(s, 3, to);
	sq_bind_text_or_null(s, 4, kind);
	if (sqlite3_step(s) != SQLITE_ROW) {
		sq_done(st, s);
		return sq_db_error(st, e, "counting an organisation's meetings");
	}
	*n = (long)sqlite3_column_int64(s, 0);
	sq_done(st, s);
	return ERR_OK;
}

enum err_code store_meet_fig_absentees(struct store *st, long pre, long last, date_t from,
				       date_t to, const char *kind, long min,
				       store_meet_absentee_cb cb, void *ctx, struct err *e)
{
	static const char sql[] =
		"WITH t AS (SELECT a.member_id, count(*) AS times, max(m.on_date) AS last_on"
		"  FROM org o JOIN meeting m INDEXED BY meeting_org"
		"    ON m.org_id = o.id AND m.on_date BETWEEN ?3 AND ?4"
		"  JOIN meeting_attendance a INDEXED BY meeting_attendance_absent"
		"    ON a.meeting_id = m.id AND a.status = 'absent'"
		"  WHERE o.pre BETWEEN ?1 AND ?2 AND m.state = 'held'"
		"    AND (?5 IS NULL OR m.kind = ?5)"
		"  GROUP BY a.member_id HAVING count(*) >= ?6)"
		" SELECT t.member_id, t.times, t.last_on, mb.full_name,"
		"  coalesce((SELECT o2.code FROM meeting m2 JOIN org o2 ON o2.id = m2.org_id"
		"            JOIN meeting_attendance a2 ON a2.meeting_id = m2.id"
		"            WHERE a2.member_id = t.member_id AND m2.on_date = t.last_on"
		"            LIMIT 1), ''),"
		"  coalesce((SELECT o2.name FROM meeting m2 JOIN org o2 ON o2.id = m2.org_id"
		"            JOIN meeting_attendance a2 ON a2.meeting_id = m2.id"
		"            WHERE a2.member_id = t.member_id AND m2.on_date = t.last_on"
		"            LIMIT 1), '')"
		" FROM t JOIN member mb ON mb.id = t.member_id"
		" ORDER BY t.times DESC, mb.sort_key, mb.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct meet_fig_absentee r;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sq_bind_date(s, 3, from);
	sq_bind_date(s, 4, to);
	sq_bind_text_or_null(s, 5, kind);
	sqlite3_bind_int64(s, 6, min);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.member_id = sqlite3_column_int64(s, 0);
		r.times = (long)sqlite3_column_int64(s, 1);
		r.last_on = sq_col_date(s, 2);
		col_text(s, 3, r.name, sizeof r.name);
		col_text(s, 4, r.org_code, sizeof r.org_code);
		col_text(s, 5, r.org_name, sizeof r.org_name);
		if (cb(ctx, &r))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW
		       ? ERR_OK
		       : sq_db_error(st, e, "reading the members absent without reason");
}

enum err_code store_meet_fig_disciplined(struct store *st, int64_t org_id, date_t from,
					 date_t to, long *n, struct err *e)
{
	static const char sql[] =
		"SELECT count(*) FROM discipline"
		" WHERE org_id = ?1 AND decided_on BETWEEN ?2 AND ?3 AND member_id IS NOT NULL";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	*n = 0;
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	sq_bind_date(s, 2, from);
	sq_bind_date(s, 3, to);
	if (sqlite3_step(s) != SQLITE_ROW) {
		sq_done(st, s);
		return sq_db_error(st, e, "counting the disciplined members of an organisation");
	}
	*n = (long)sqlite3_column_int64(s, 0);
	sq_done(st, s);
	return ERR_OK;
}
