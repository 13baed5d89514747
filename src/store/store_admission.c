/* store_admission.c - the SQL of admissions (docs/admissions.md): cases, their steps and
 * introducers, the lists by subtree, the due index, the official members of a cell on a
 * date, and the duplicate lookups. Every value bound; standard SQL where it can be. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "store_int.h"

#define ADM_COLS                                                                            \
	"a.id, a.org_id, o.code, a.full_name, a.sex, a.birth_date, a.ethnicity, a.religion,"  \
	" a.hometown, a.citizen_id, a.education, a.theory_level, a.rank, a.category, a.post," \
	" a.phone, a.source, a.listed_on, a.stage, a.stage_since, a.failed_votes,"            \
	" coalesce(a.member_id, 0), coalesce(a.former_member_id, 0),"                        \
	" coalesce(a.mentor_id, 0), a.due_kind, a.due_on, a.recorded_by,"                    \
	" a.decision_on, a.ceremony_on, a.cell_vote_on," /* kept by admission_step_dates */    \
	" o.pre"
#define ADM_FROM " FROM admission a JOIN org o ON o.id = a.org_id"

static void read_adm(sqlite3_stmt *s, struct admission *c, long *pre)
{
	char buf[32];
	int k;

	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(s, 0);
	c->p.org_id = sqlite3_column_int64(s, 1);
	sq_col_copy(s, 2, c->p.org_code, sizeof c->p.org_code);
	sq_col_copy(s, 3, c->p.full_name, sizeof c->p.full_name);
	sq_col_copy(s, 4, c->p.sex, sizeof c->p.sex);
	c->p.birth_date = sq_col_date(s, 5);
	sq_col_copy(s, 6, c->p.ethnicity, sizeof c->p.ethnicity);
	sq_col_copy(s, 7, c->p.religion, sizeof c->p.religion);
	sq_col_copy(s, 8, c->p.hometown, sizeof c->p.hometown);
	sq_col_copy(s, 9, c->p.citizen_id, sizeof c->p.citizen_id);
	sq_col_copy(s, 10, c->p.education, sizeof c->p.education);
	sq_col_copy(s, 11, c->p.theory_level, sizeof c->p.theory_level);
	sq_col_copy(s, 12, c->p.rank, sizeof c->p.rank);
	sq_col_copy(s, 13, c->p.category, sizeof c->p.category);
	sq_col_copy(s, 14, c->p.post, sizeof c->p.post);
	sq_col_copy(s, 15, c->p.phone, sizeof c->p.phone);
	sq_col_copy(s, 16, buf, sizeof buf);
	k = adm_source_parse(buf);
	c->source = k < 0 ? ASRC_OTHER : (enum adm_source)k;
	c->listed_on = sq_col_date(s, 17);
	sq_col_copy(s, 18, buf, sizeof buf);
	k = adm_stage_parse(buf);
	c->stage = k < 0 ? AST_CANDIDATE : (enum adm_stage)k;
	c->stage_since = sq_col_date(s, 19);
	c->failed_votes = sqlite3_column_int(s, 20);
	c->member_id = sqlite3_column_int64(s, 21);
	c->former_member_id = sqlite3_column_int64(s, 22);
	c->mentor_id = sqlite3_column_int64(s, 23);
	sq_col_copy(s, 24, buf, sizeof buf);
	c->due_kind = DK_NONE;
	for (k = 1; k < DK__COUNT; k++)
		if (strcmp(buf, adm_due_name(k)) == 0)
			c->due_kind = k;
	c->due_on = sq_col_date(s, 25);
	c->due_from = DATE_NONE;
	sq_col_copy(s, 26, c->recorded_by, sizeof c->recorded_by);
	c->decision_on = sq_col_date(s, 27);
	c->ceremony_on = sq_col_date(s, 28);
	c->cell_vote_on = sq_col_date(s, 29);
	if (pre)
		*pre = sqlite3_column_type(s, 30) == SQLITE_NULL ? 0 : (long)sqlite3_column_int64(s, 30);
	c->p.status = MS_PROBATIONARY;
	c->p.status_since = c->p.org_since = c->p.temp_until = DATE_NONE;
	c->p.admission_decision_date = c->decision_on;
	c->p.admission_ceremony_date = c->ceremony_on;
	c->p.official_date = DATE_NONE;
}

enum err_code store_adm_insert(struct store *st, struct admission *c, const struct member_keys *k,
			       struct err *e)
{
	static const char sql[] =
		"INSERT INTO admission(org_id, full_name, sort_key, folded, dup_hash, sex,"
		" birth_date, ethnicity, religion, hometown, citizen_id, education, theory_level,"
		" rank, category, post, phone, source, listed_on, stage, stage_since, failed_votes,"
		" member_id, former_member_id, mentor_id, due_kind, due_on, recorded_by)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
		" ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	enum err_code rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, c->p.org_id);
	sq_bind_text(s, 2, c->p.full_name);
	sqlite3_bind_blob(s, 3, k->sort_key, (int)k->sort_key_len, SQLITE_TRANSIENT);
	sq_bind_text(s, 4, k->folded);
	sqlite3_bind_int64(s, 5, k->dup_hash);
	sq_bind_text(s, 6, c->p.sex);
	sq_bind_date(s, 7, c->p.birth_date);
	sq_bind_text(s, 8, c->p.ethnicity);
	sq_bind_text(s, 9, c->p.religion);
	sq_bind_text(s, 10, c->p.hometown);
	sq_bind_text(s, 11, c->p.citizen_id);
	sq_bind_text(s, 12, c->p.education);
	sq_bind_text(s, 13, c->p.theory_level);
	sq_bind_text(s, 14, c->p.rank);
	sq_bind_text(s, 15, c->p.category);
	sq_bind_text(s, 16, c->p.post);
	sq_bind_text(s, 17, c->p.phone);
	sq_bind_text(s, 18, adm_source_name(c->source));
	sq_bind_date(s, 19, c->listed_on);
	sq_bind_text(s, 20, adm_stage_name(c->stage));
	sq_bind_date(s, 21, c->stage_since);
	sqlite3_bind_int(s, 22, c->failed_votes);
	sq_bind_id_or_null(s, 23, c->member_id);
	sq_bind_id_or_null(s, 24, c->former_member_id);
	sq_bind_id_or_null(s, 25, c->mentor_id);
	sq_bind_text_or_null(s, 26, c->due_kind != DK_NONE ? adm_due_name(c->due_kind) : NULL);
	sq_bind_date(s, 27, c->due_kind != DK_NONE ? c->due_on : DATE_NONE);
	sq_bind_text(s, 28, c->recorded_by);
	if ((rc = sq_step_done(st, s, e, "storing an admission case")))
		return rc;
	c->id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

static enum err_code adm_one(struct store *st, sqlite3_stmt *s, struct admission *c, long *pre,
			     struct err *e)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW) {
		read_adm(s, c, pre);
		sq_done(st, s);
		return ERR_OK;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE ? ERR_NOTFOUND : sq_db_error(st, e, "reading an admission case");
}

enum err_code store_adm_get(struct store *st, int64_t id, struct admission *c, long *org_pre,
			    struct err *e)
{
	static const char sql[] = "SELECT " ADM_COLS ADM_FROM " WHERE a.id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	return adm_one(st, s, c, org_pre, e);
}

enum err_code store_adm_by_member(struct store *st, int64_t member_id, struct admission *c,
				  struct err *e)
{
	static const char sql[] = "SELECT " ADM_COLS ADM_FROM " WHERE a.member_id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	return adm_one(st, s, c, NULL, e);
}

enum err_code store_adm_update(struct store *st, const struct admission *c, struct err *e)
{
	static const char sql[] =
		"UPDATE admission SET org_id = ?2, stage = ?3, stage_since = ?4, failed_votes = ?5,"
		" member_id = ?6, mentor_id = ?7, due_kind = ?8, due_on = ?9 WHERE id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, c->id);
	sqlite3_bind_int64(s, 2, c->p.org_id);
	sq_bind_text(s, 3, adm_stage_name(c->stage));
	sq_bind_date(s, 4, c->stage_since);
	sqlite3_bind_int(s, 5, c->failed_votes);
	sq_bind_id_or_null(s, 6, c->member_id);
	sq_bind_id_or_null(s, 7, c->mentor_id);
	sq_bind_text_or_null(s, 8, c->due_kind != DK_NONE ? adm_due_name(c->due_kind) : NULL);
	sq_bind_date(s, 9, c->due_kind != DK_NONE ? c->due_on : DATE_NONE);
	return sq_step_done(st, s, e, "updating an admission case");
}

enum err_code store_adm_step_insert(struct store *st, struct adm_step *x, struct err *e)
{
	static const char sql[] =
		"INSERT INTO admission_step(admission_id, step, on_date, org_id, passed, eligible,"
		" present, votes_for, votes_against, number, detail, rules, recorded_by)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
	static const char isql[] =
		"INSERT INTO admission_introducer(step_id, member_id, worked_since, resolution)"
		" VALUES (?1, ?2, ?3, ?4)";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	enum err_code rc;
	int i;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, x->admission_id);
	sq_bind_text(s, 2, adm_step_name(x->kind));
	sq_bind_date(s, 3, x->on);
	sqlite3_bind_int64(s, 4, x->org_id);
	if (x->passed < 0)
		sqlite3_bind_null(s, 5);
	else
		sqlite3_bind_int(s, 5, x->passed ? 1 : 0);
	sq_bind_count(s, 6, x->eligible);
	sq_bind_count(s, 7, x->present);
	sq_bind_count(s, 8, x->votes_for);
	sq_bind_count(s, 9, x->votes_against);
	sq_bind_text(s, 10, x->number);
	sq_bind_text(s, 11, x->detail[0] ? x->detail : "{}");
	sq_bind_text(s, 12, x->rules);
	sq_bind_text(s, 13, x->recorded_by);
	if ((rc = sq_step_done(st, s, e, "storing an admission step")))
		return rc;
	x->id = sqlite3_last_insert_rowid(st->db);
	for (i = 0; i < x->n_intro; i++) {
		if (!(s = sq_prep(st, isql, e)))
			return e->code;
		sqlite3_bind_int64(s, 1, x->id);
		sq_bind_id_or_null(s, 2, x->intro[i].member_id);
		sq_bind_date(s, 3, x->intro[i].worked_since);
		sq_bind_text(s, 4, x->intro[i].resolution);
		if ((rc = sq_step_done(st, s, e, "storing an introducer")))
			return rc;
	}
	return ERR_OK;
}

enum err_code store_adm_steps(struct store *st, int64_t id, store_adm_step_cb cb, void *ctx,
			      struct err *e)
{
	static const char sql[] =
		"SELECT s.id, s.step, s.on_date, s.org_id, o.code, s.passed, s.eligible, s.present,"
		" s.votes_for, s.votes_against, s.number, s.detail, s.rules, s.recorded_by,"
		" s.recorded_at FROM admission_step s JOIN org o ON o.id = s.org_id"
		" WHERE s.admission_id = ?1 ORDER BY s.on_date, s.id";
	static const char isql[] =
		"SELECT coalesce(i.member_id, 0), i.worked_since, i.resolution,"
		" coalesce(m.full_name, '') FROM admission_introducer i"
		" LEFT JOIN member m ON m.id = i.member_id WHERE i.step_id = ?1"
		" ORDER BY i.member_id IS NULL, i.rowid";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct adm_step *v = NULL;
	size_t n = 0, cap = 0, k;
	enum err_code rc = ERR_OK;
	int step;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct adm_step *x;
		char kind[32];
		int kk;

		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xrealloc(v, cap * sizeof *v);
		}
		x = &v[n++];
		memset(x, 0, sizeof *x);
		x->id = sqlite3_column_int64(s, 0);
		x->admission_id = id;
		sq_col_copy(s, 1, kind, sizeof kind);
		kk = adm_step_parse(kind);
		x->kind = kk < 0 ? ASK_LISTED : (enum adm_step_kind)kk;
		x->on = sq_col_date(s, 2);
		x->org_id = sqlite3_column_int64(s, 3);
		sq_col_copy(s, 4, x->org_code, sizeof x->org_code);
		x->passed = sqlite3_column_type(s, 5) == SQLITE_NULL ? -1 : sqlite3_column_int(s, 5);
		x->eligible = sq_col_count(s, 6);
		x->present = sq_col_count(s, 7);
		x->votes_for = sq_col_count(s, 8);
		x->votes_against = sq_col_count(s, 9);
		sq_col_copy(s, 10, x->number, sizeof x->number);
		sq_col_copy(s, 11, x->detail, sizeof x->detail);
		sq_col_copy(s, 12, x->rules, sizeof x->rules);
		sq_col_copy(s, 13, x->recorded_by, sizeof x->recorded_by);
		sq_col_copy(s, 14, x->recorded_at, sizeof x->recorded_at);
	}
	sq_done(st, s);
	if (step != SQLITE_DONE) {
		free(v);
		return sq_db_error(st, e, "reading admission steps");
	}
	for (k = 0; k < n && !rc; k++) {
		if (v[k].kind != ASK_APPLICATION)
			continue;
		if (!(s = sq_prep(st, isql, e))) {
			rc = e->code;
			break;
		}
		sqlite3_bind_int64(s, 1, v[k].id);
		while ((step = sqlite3_step(s)) == SQLITE_ROW && v[k].n_intro < ADM_INTRODUCERS_MAX) {
			struct adm_introducer *in = &v[k].intro[v[k].n_intro++];

			in->member_id = sqlite3_column_int64(s, 0);
			in->worked_since = sq_col_date(s, 1);
			sq_col_copy(s, 2, in->resolution, sizeof in->resolution);
			sq_col_copy(s, 3, in->name, sizeof in->name);
			in->official_on_date = in->member_id ? 1 : 0;
		}
		sq_done(st, s);
		if (step != SQLITE_DONE && step != SQLITE_ROW)
			rc = sq_db_error(st, e, "reading introducers");
	}
	for (k = 0; k < n && !rc; k++)
		if (cb(ctx, &v[k]))
			break;
	free(v);
	return rc;
}

/* Read every row of s into an array first, then give them to cb: cb may use the store. */
static enum err_code adm_rows(struct store *st, sqlite3_stmt *s, store_adm_cb cb, void *ctx,
			      struct err *e)
{
	struct admission *v = NULL;
	size_t n = 0, cap = 0, k;
	int step;

	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xrealloc(v, cap * sizeof *v);
		}
		read_adm(s, &v[n++], NULL);
	}
	sq_done(st, s);
	if (step != SQLITE_DONE) {
		free(v);
		return sq_db_error(st, e, "listing admission cases");
	}
	for (k = 0; k < n; k++)
		if (cb(ctx, &v[k]))
			break;
	free(v);
	return ERR_OK;
}

#define OPEN_STAGES                                                                          \
	"('candidate','class','applied','verified','cell_passed','committee_passed','decided',"  \
	"'probation','referred')"

enum err_code store_adm_list(struct store *st, long pre, long last, int stage, long offset,
			     long limit, store_adm_cb cb, void *ctx, long *total, struct err *e)
{
	static const char sql[] =
		"SELECT " ADM_COLS ADM_FROM " WHERE o.pre BETWEEN ?1 AND ?2"
		" AND (?3 = 'all' OR (?3 = 'open' AND a.stage IN " OPEN_STAGES ") OR a.stage = ?3)"
		" ORDER BY a.sort_key, a.id LIMIT ?4 OFFSET ?5";
	static const char csql[] =
		"SELECT count(*)" ADM_FROM " WHERE o.pre BETWEEN ?1 AND ?2"
		" AND (?3 = 'all' OR (?3 = 'open' AND a.stage IN " OPEN_STAGES ") OR a.stage = ?3)";
	const char *which = stage < 0		 ? "open"
			    : stage >= AST__COUNT ? "all"
						  : adm_stage_name((enum adm_stage)stage);
	sqlite3_stmt *s;

	if (total) {
		int step;

		if (!(s = sq_prep(st, csql, e)))
			return e->code;
		sqlite3_bind_int64(s, 1, pre);
		sqlite3_bind_int64(s, 2, last);
		sq_bind_text(s, 3, which);
		step = sqlite3_step(s);
		*total = step == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
		sq_done(st, s);
		if (step != SQLITE_ROW)
			return sq_db_error(st, e, "counting admission cases");
	}
	if (!(s = sq_prep(st, sql, e)))
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sq_bind_text(s, 3, which);
	sqlite3_bind_int64(s, 4, limit > 0 ? limit : -1);
	sqlite3_bind_int64(s, 5, offset > 0 ? offset : 0);
	return adm_rows(st, s, cb, ctx, e);
}

enum err_code store_adm_list_since(struct store *st, long pre, long last, date_t d,
				   store_adm_cb cb, void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT " ADM_COLS ADM_FROM " WHERE a.id IN ("
		"  SELECT k.id FROM org g CROSS JOIN admission k ON k.org_id = g.id"
		"  WHERE g.pre BETWEEN ?1 AND ?2"
		"  UNION SELECT admission_id FROM admission_step WHERE step = 'transfer'"
		"   AND on_date > ?3)"
		" ORDER BY a.sort_key, a.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sq_bind_date(s, 3, d);
	return adm_rows(st, s, cb, ctx, e);
}

enum err_code store_adm_open_at(struct store *st, int64_t org_id, store_adm_cb cb, void *ctx,
				struct err *e)
{
	static const char sql[] = "SELECT " ADM_COLS ADM_FROM
				  " WHERE a.org_id = ?1 AND a.stage IN " OPEN_STAGES " ORDER BY a.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	return adm_rows(st, s, cb, ctx, e);
}

/* Members ids[0..n) as cases with id 0 at stage probation (member_id and the admission
 * dates set), kept by orgs[k] when orgs is not NULL (the roll on a past date). */
static enum err_code probationer_cases(struct store *st, const int64_t *ids, const int64_t *orgs,
				       size_t n, store_adm_cb cb, void *ctx, struct err *e)
{
	enum err_code rc = ERR_OK;
	size_t k;

	for (k = 0; k < n && !rc; k++) {
		struct admission c;

		memset(&c, 0, sizeof c);
		if ((rc = store_member_get(st, ids[k], &c.p, e)))
			break;
		if (orgs && orgs[k] != c.p.org_id) {
			struct org o;

			if ((rc = store_org_by_id(st, orgs[k], &o, e)))
				break;
			c.p.org_id = o.id;
			snprintf(c.p.org_code, sizeof c.p.org_code, "%s", o.code);
		}
		c.source = ASRC_OTHER;
		c.listed_on = c.stage_since = c.p.admission_ceremony_date;
		c.stage = AST_PROBATION;
		c.member_id = c.p.id;
		c.decision_on = c.p.admission_decision_date;
		c.ceremony_on = c.p.admission_ceremony_date;
		c.cell_vote_on = DATE_NONE;
		c.due_kind = DK_NONE;
		c.due_on = c.due_from = DATE_NONE;
		if (cb(ctx, &c))
			break;
	}
	return rc;
}

enum err_code store_adm_due(struct store *st, long pre, long last, date_t due_until,
			    date_t ceremony_until, store_adm_cb cb, void *ctx, struct err *e)
{
	/* The whole tree: the admission_due_keys index (only cases waiting for something have
	 * due_on), in date order. */
	static const char sql[] = "SELECT " ADM_COLS ADM_FROM
				  " WHERE a.due_on IS NOT NULL AND a.due_on <= ?3"
				  " AND o.pre BETWEEN ?1 AND ?2 ORDER BY a.due_on, a.id";
	/* A subtree: its organisations by pre-order, each one's due cases (admission_org_due_keys). */
	static const char ssql[] = "SELECT " ADM_COLS " FROM org o CROSS JOIN admission a"
				   " ON a.org_id = o.id WHERE o.pre BETWEEN ?1 AND ?2"
				   " AND a.due_on IS NOT NULL AND a.due_on <= ?3";
	/* The probationary members: the whole tree through the member_probation index (only
	 * probationary members are in it), a subtree through each organisation's roll. */
	static const char psql[] =
		"SELECT m.id FROM member m JOIN org o ON o.id = m.org_id"
		" WHERE m.status = 'probationary' AND m.admission_ceremony_date <= ?3"
		" AND o.pre BETWEEN ?1 AND ?2"
		" AND NOT EXISTS (SELECT 1 FROM admission a WHERE a.member_id = m.id)"
		" ORDER BY m.admission_ceremony_date, m.id";
	static const char spsql[] =
		"SELECT m.id FROM org o CROSS JOIN member m ON m.org_id = o.id"
		" WHERE o.pre BETWEEN ?1 AND ?2 AND m.status = 'probationary'"
		" AND m.admission_ceremony_date <= ?3"
		" AND NOT EXISTS (SELECT 1 FROM admission a WHERE a.member_id = m.id)";
	int whole = pre <= 1;
	sqlite3_stmt *s = sq_prep(st, whole ? sql : ssql, e);
	enum err_code rc;
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	int step;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sq_bind_date(s, 3, due_until);
	if ((rc = adm_rows(st, s, cb, ctx, e)))
		return rc;
	if (!(s = sq_prep(st, whole ? psql : spsql, e)))
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sq_bind_date(s, 3, ceremony_until);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			ids = xrealloc(ids, cap * sizeof *ids);
		}
		ids[n++] = sqlite3_column_int64(s, 0);
	}
	sq_done(st, s);
	if (step != SQLITE_DONE) {
		free(ids);
		return sq_db_error(st, e, "listing probationary members");
	}
	rc = probationer_cases(st, ids, NULL, n, cb, ctx, e);
	free(ids);
	return rc;
}

enum err_code store_adm_due_keys(struct store *st, long pre, long last, date_t due_until,
				 date_t ceremony_until, store_adm_key_cb cb, void *ctx,
				 struct err *e)
{
	/* The organisations of [pre, last] first (org_pre), each one's due cases from the
	 * covering index admission_org_due_keys: no row of admission is read. */
	static const char sql[] =
		"SELECT a.id, coalesce(a.member_id, 0), a.org_id, a.stage, a.stage_since,"
		" a.decision_on, a.ceremony_on"
		" FROM org o CROSS JOIN admission a ON a.org_id = o.id"
		" WHERE o.pre BETWEEN ?1 AND ?2 AND a.due_on IS NOT NULL AND a.due_on <= ?3";
	/* The probationers without a case whose probation has ended: the whole tree by
	 * member_probation (by date: only probationers are in it; CROSS JOIN keeps it first,
	 * else each organisation's roll is read), a subtree by member_probation_org. */
	static const char psql[] =
		"SELECT m.id, m.org_id, m.admission_decision_date, m.admission_ceremony_date"
		" FROM member m CROSS JOIN org o ON o.id = m.org_id"
		" WHERE m.status = 'probationary' AND m.admission_ceremony_date <= ?3"
		" AND o.pre BETWEEN ?1 AND ?2"
		" AND NOT EXISTS (SELECT 1 FROM admission a WHERE a.member_id = m.id)";
	static const char spsql[] =
		"SELECT m.id, m.org_id, m.admission_decision_date, m.admission_ceremony_date"
		" FROM org o CROSS JOIN member m ON m.org_id = o.id"
		" WHERE o.pre BETWEEN ?1 AND ?2 AND m.status = 'probationary'"
		" AND m.admission_ceremony_date <= ?3"
		" AND NOT EXISTS (SELECT 1 FROM admission a WHERE a.member_id = m.id)";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct adm_due_key k;
	int step, stop = 0;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sq_bind_date(s, 3, due_until);
	while (!stop && (step = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&k, 0, sizeof k);
		k.id = sqlite3_column_int64(s, 0);
		k.member_id = sqlite3_column_int64(s, 1);
		k.org_id = sqlite3_column_int64(s, 2);
		k.stage = adm_stage_parse((const char *)sqlite3_column_text(s, 3));
		k.stage_since = sq_col_date(s, 4);
		k.decision_on = sq_col_date(s, 5);
		k.ceremony_on = sq_col_date(s, 6);
		stop = cb(ctx, &k);
	}
	sq_done(st, s);
	if (!stop && step != SQLITE_DONE)
		return sq_db_error(st, e, "listing what is due");
	if (stop || !(s = sq_prep(st, pre <= 1 ? psql : spsql, e)))
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sq_bind_date(s, 3, ceremony_until);
	while (!stop && (step = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&k, 0, sizeof k);
		k.member_id = sqlite3_column_int64(s, 0);
		k.org_id = sqlite3_column_int64(s, 1);
		k.stage = AST_PROBATION;
		k.decision_on = sq_col_date(s, 2);
		k.ceremony_on = k.stage_since = sq_col_date(s, 3);
		stop = cb(ctx, &k);
	}
	sq_done(st, s);
	if (!stop && step != SQLITE_DONE)
		return sq_db_error(st, e, "listing probationary members");
	return ERR_OK;
}

static int probationer_copy(void *ctx, const struct admission *c)
{
	*(struct admission *)ctx = *c;
	return 1;
}

enum err_code store_adm_probationer_get(struct store *st, int64_t member_id, struct admission *c,
					struct err *e)
{
	return probationer_cases(st, &member_id, NULL, 1, probationer_copy, c, e);
}

enum err_code store_adm_probationers_on(struct store *st, long pre, long last, date_t d,
					date_t ceremony_until, store_adm_cb cb, void *ctx,
					struct err *e)
{
	/* Who may have been a probationer on d: today's probationers (member_probation) and
	 * the members whose status changed after d (member_event_status, migration 21): a
	 * recognition, a removal, a death recorded after d. Each one's roll on d: the current
	 * one from org_since, else the closed period covering d. */
	static const char sql[] =
		"WITH cand(id) AS ("
		"  SELECT id FROM member WHERE status = 'probationary'"
		"   AND admission_ceremony_date <= ?4"
		"  UNION SELECT member_id FROM member_event WHERE kind = 'status' AND date > ?3),"
		" onroll(id, org_id) AS ("
		"  SELECT m.id, CASE WHEN m.org_since <= ?3 THEN m.org_id ELSE"
		"   (SELECT p.org_id FROM member_period p WHERE p.member_id = m.id"
		"    AND p.temporary = 0 AND p.valid_from <= ?3 AND ?3 < p.valid_to"
		"    ORDER BY p.valid_from DESC LIMIT 1) END"
		"  FROM cand c JOIN member m ON m.id = c.id"
		"  WHERE m.admission_ceremony_date <= ?4"
		"   AND NOT EXISTS (SELECT 1 FROM admission a WHERE a.member_id = m.id))"
		" SELECT r.id, r.org_id FROM onroll r JOIN org o ON o.id = r.org_id"
		" WHERE o.pre BETWEEN ?1 AND ?2 ORDER BY r.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int64_t *ids = NULL, *orgs = NULL;
	size_t n = 0, cap = 0;
	enum err_code rc;
	int step;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sq_bind_date(s, 3, d);
	sq_bind_date(s, 4, ceremony_until);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			ids = xrealloc(ids, cap * sizeof *ids);
			orgs = xrealloc(orgs, cap * sizeof *orgs);
		}
		ids[n] = sqlite3_column_int64(s, 0);
		orgs[n++] = sqlite3_column_int64(s, 1);
	}
	sq_done(st, s);
	rc = step == SQLITE_DONE ? probationer_cases(st, ids, orgs, n, cb, ctx, e)
				 : sq_db_error(st, e, "listing probationary members");
	free(ids);
	free(orgs);
	return rc;
}

enum err_code store_adm_official_count(struct store *st, int64_t org_id, date_t d,
				       int64_t member_id, long *n, struct err *e)
{
	/* On the roll that day: the current roll since org_since, or a closed period covering
	 * the day. The status that day: the current one from status_since, else the closed
	 * status period covering it, else from the admission dates (member_status_from_dates). */
	static const char sql[] =
		"WITH roll(id) AS ("
		"  SELECT id FROM member WHERE org_id = ?1 AND org_since <= ?2"
		"  UNION SELECT member_id FROM member_period WHERE org_id = ?1 AND temporary = 0"
		"   AND valid_from <= ?2 AND ?2 < valid_to)"
		" SELECT count(*) FROM roll r JOIN member m ON m.id = r.id"
		" WHERE (?3 = 0 OR m.id = ?3) AND 'official' = CASE"
		"  WHEN m.status_since <= ?2 THEN m.status"
		"  ELSE coalesce((SELECT s.status FROM member_status s WHERE s.member_id = m.id"
		"    AND s.valid_from <= ?2 AND ?2 < s.valid_to ORDER BY s.valid_from DESC LIMIT 1),"
		"   CASE WHEN m.official_date IS NOT NULL AND m.official_date <= ?2 THEN 'official'"
		"    WHEN m.admission_decision_date <= ?2 THEN 'probationary' ELSE '' END) END";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int step;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	sq_bind_date(s, 2, d);
	sqlite3_bind_int64(s, 3, member_id > 0 ? member_id : 0);
	step = sqlite3_step(s);
	*n = step == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
	sq_done(st, s);
	return step == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "counting official members");
}

enum err_code store_adm_dups(struct store *st, int64_t dup_hash, date_t birth,
			     const char *citizen_id, int64_t not_id, store_adm_cb cb, void *ctx,
			     struct err *e)
{
	static const char sql[] =
		"SELECT " ADM_COLS ADM_FROM " WHERE a.id IN (SELECT id FROM admission"
		" WHERE dup_hash = ?1 AND birth_date = ?2 UNION SELECT id FROM admission"
		" WHERE ?3 <> '' AND citizen_id = ?3) AND a.id <> ?4 ORDER BY a.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, dup_hash);
	sq_bind_date(s, 2, birth);
	sq_bind_text(s, 3, citizen_id ? citizen_id : "");
	sqlite3_bind_int64(s, 4, not_id);
	return adm_rows(st, s, cb, ctx, e);
}

enum err_code store_adm_readmitted(struct store *st, int64_t former_id, long *n, struct err *e)
{
	static const char sql[] = "SELECT count(*) FROM admission WHERE member_id = ?1"
				  " AND former_member_id IS NOT NULL";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int step;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, former_id);
	step = sqlite3_step(s);
	*n = step == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
	sq_done(st, s);
	return step == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading re-admissions");
}
