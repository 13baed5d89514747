/* store_training.c - the SQL of members' training records: one member's by an index, a
 * subtree's by the sending organisations' pre interval. */
#include <string.h>

#include "store_int.h"
#include "store_training.h"

#define TRAINING_SQL                                                                         \
	"SELECT t.id, t.member_id, t.org_id, t.course, t.school, t.kind, t.from_date,"       \
	" t.to_date, t.result, t.certificate, t.note, coalesce(m.full_name, ''),"            \
	" coalesce(o.code, '')"                                                               \
	" FROM training t LEFT JOIN member m ON m.id = t.member_id"                          \
	" LEFT JOIN org o ON o.id = t.org_id"

static void read_training(sqlite3_stmt *s, struct training *t)
{
	const unsigned char *k;

	training_init(t);
	t->id = sqlite3_column_int64(s, 0);
	t->member_id = sqlite3_column_int64(s, 1);
	t->org_id = sqlite3_column_int64(s, 2);
	sq_col_copy(s, 3, t->course, sizeof t->course);
	sq_col_copy(s, 4, t->school, sizeof t->school);
	k = sqlite3_column_text(s, 5);
	if (!k || training_kind_parse((const char *)k, &t->kind))
		t->kind = TK_SHORT;
	t->from = sq_col_date(s, 6);
	t->to = sq_col_date(s, 7);
	sq_col_copy(s, 8, t->result, sizeof t->result);
	sq_col_copy(s, 9, t->certificate, sizeof t->certificate);
	sq_col_copy(s, 10, t->note, sizeof t->note);
	sq_col_copy(s, 11, t->member_name, sizeof t->member_name);
	sq_col_copy(s, 12, t->org_code, sizeof t->org_code);
}

static void bind_fields(sqlite3_stmt *s, const struct training *t)
{
	sq_bind_text(s, 2, t->course);
	sq_bind_text(s, 3, t->school);
	sq_bind_text(s, 4, training_kind_name(t->kind));
	sq_bind_date(s, 5, t->from);
	sq_bind_date(s, 6, t->to);
	sq_bind_text(s, 7, t->result);
	sq_bind_text(s, 8, t->certificate);
	sq_bind_text(s, 9, t->note);
}

enum err_code store_training_insert(struct store *st, struct training *t, const char *by,
				    struct err *e)
{
	static const char sql[] =
		"INSERT INTO training(member_id, course, school, kind, from_date, to_date, result,"
		" certificate, note, org_id, recorded_by)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, t->member_id);
	bind_fields(s, t);
	sqlite3_bind_int64(s, 10, t->org_id);
	sq_bind_text(s, 11, by);
	if (sq_step_done(st, s, e, "recording a training"))
		return e->code;
	t->id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

enum err_code store_training_update(struct store *st, const struct training *t, struct err *e)
{
	static const char sql[] =
		"UPDATE training SET course = ?2, school = ?3, kind = ?4, from_date = ?5,"
		" to_date = ?6, result = ?7, certificate = ?8, note = ?9"
		" WHERE id = ?1 AND deleted_at IS NULL";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, t->id);
	bind_fields(s, t);
	return sq_step_done(st, s, e, "changing a training record");
}

enum err_code store_training_delete(struct store *st, int64_t id, struct err *e)
{
	static const char sql[] =
		"UPDATE training SET deleted_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
		" WHERE id = ?1 AND deleted_at IS NULL";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	return sq_step_done(st, s, e, "deleting a training record");
}

enum err_code store_training_get(struct store *st, int64_t id, struct training *t,
				 struct err *e)
{
	static const char sql[] = TRAINING_SQL " WHERE t.id = ?1 AND t.deleted_at IS NULL";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_training(s, t);
	sq_done(st, s);
	if (rc == SQLITE_DONE)
		return err_set(e, ERR_NOTFOUND, "no training record has the id %lld", (long long)id);
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading a training record");
}

/* The conditions of a filter on the bound parameters ?1 member, ?2 pre, ?3 last, ?4 from, ?5
 * to, ?6 kind (NULL: any): one member's records by its index, or a subtree's by the sending
 * organisations (two texts, so that each reads its own index). */
#define TRAINING_REST                                                                        \
	" AND (?4 IS NULL OR t.from_date >= ?4) AND (?5 IS NULL OR t.from_date <= ?5)"        \
	" AND (?6 IS NULL OR t.kind = ?6)"
#define TRAINING_WHERE_MEMBER " WHERE t.member_id = ?1 AND t.deleted_at IS NULL" TRAINING_REST
#define TRAINING_WHERE_TREE                                                                  \
	" WHERE ?1 = 0 AND t.org_id IN (SELECT id FROM org WHERE pre BETWEEN ?2 AND ?3)"     \
	" AND t.deleted_at IS NULL" TRAINING_REST

static void bind_filter(sqlite3_stmt *s, const struct training_filter *f, int with_kind)
{
	sqlite3_bind_int64(s, 1, f->member_id);
	sqlite3_bind_int64(s, 2, f->pre);
	sqlite3_bind_int64(s, 3, f->last);
	sq_bind_date(s, 4, f->from);
	sq_bind_date(s, 5, f->to);
	if (with_kind && f->kind >= 0)
		sq_bind_text(s, 6, training_kind_name((enum training_kind)f->kind));
	else
		sqlite3_bind_null(s, 6);
}

enum err_code store_training_walk(struct store *st, const struct training_filter *f,
				  store_training_cb cb, void *ctx, struct err *e)
{
	static const char by_member[] =
		TRAINING_SQL TRAINING_WHERE_MEMBER " ORDER BY t.from_date, t.id";
	static const char by_tree[] = TRAINING_SQL TRAINING_WHERE_TREE " ORDER BY t.from_date, t.id";
	sqlite3_stmt *s = sq_prep(st, f->member_id ? by_member : by_tree, e);
	struct training t;
	int rc;

	if (!s)
		return e->code;
	bind_filter(s, f, 1);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_training(s, &t);
		if (cb(ctx, &t))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						     : sq_db_error(st, e, "reading training records");
}

enum err_code store_training_figures(struct store *st, const struct training_filter *f,
				     long counts[TK__COUNT], long *total, struct err *e)
{
	static const char sql[] =
		"SELECT t.kind, count(DISTINCT t.member_id) FROM training t" TRAINING_WHERE_TREE
		" GROUP BY t.kind UNION ALL"
		" SELECT '', count(DISTINCT t.member_id) FROM training t" TRAINING_WHERE_TREE;
	sqlite3_stmt *s = sq_prep(st, sql, e);
	enum training_kind k;
	int rc;

	memset(counts, 0, sizeof(long) * TK__COUNT);
	*total = 0;
	if (!s)
		return e->code;
	bind_filter(s, f, 0);
	sqlite3_bind_int64(s, 1, 0);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *kn = sqlite3_column_text(s, 0);
		long n = (long)sqlite3_column_int64(s, 1);

		if (kn && !kn[0])
			*total = n;
		else if (kn && !training_kind_parse((const char *)kn, &k))
			counts[k] = n;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE ? ERR_OK : sq_db_error(st, e, "counting training records");
}
