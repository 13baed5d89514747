/* store_insp_fig.c - the counting behind the footnote-7 report (store_insp_fig.h): the SQL
 * functions the counters' triggers call (schema.c, migration 43), the sum of the counters
 * over a subtree's whole months with the edge days counted from the rows, the plain count,
 * the drill-down lists and the worklist's counts. One function maps a row to its cell
 * (row_cell_*) for the triggers, the edges and the plain way alike. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_insp_fig.h"
#include "store_int.h"

const char *const insp_fig_bodies[] = {"committee", "inspection", NULL};
const char *const insp_fig_acts[] = {"inspection", "signs", "supervision", NULL};
const char *const insp_fig_targets[] = {"orgs", "members", NULL};
const char *const insp_fig_results[] = {"violation", "no_violation", "open", NULL};
const char *const insp_fig_forms[] = {"reprimand", "warning", "removal", "expulsion",
				      "dissolution", NULL};
const char *const insp_fig_levels[] = {"committee", "grassroots", "subcommittee", "cell", NULL};
const char *const insp_fig_kinds[] = {"complaint", "denunciation", NULL};
const char *const insp_fig_outcomes[] = {"kept", "reduced", "annulled", "raised", "founded",
					 "partly_founded", "unfounded", NULL};

int insp_fig_word(const char *const *list, const char *word)
{
	int i;

	if (!word)
		return -1;
	for (i = 0; list[i]; i++)
		if (!strcmp(list[i], word))
			return i;
	return -1;
}

int insp_fig_act_of(const char *k)
{
	if (!k)
		return -1;
	if (!strcmp(k, "plan") || !strcmp(k, "discipline_exec") || !strcmp(k, "finance"))
		return 0;
	if (!strcmp(k, "signs"))
		return 1;
	if (!strcmp(k, "regular") || !strcmp(k, "thematic"))
		return 2;
	return -1;
}

static long month_of(date_t d)
{
	int y, m, day;

	date_to_ymd(d, &y, &m, &day);
	return (long)y * 12 + m - 1;
}

static date_t month_start(long mi)
{
	return date_from_ymd((int)(mi / 12), (int)(mi % 12) + 1, 1);
}

/* ---- a row's cell (-1: not counted) ---------------------------------------------------- */

static int row_cell_case(const char *body, const char *kind, int is_org, const char *concl)
{
	int b = insp_fig_word(insp_fig_bodies, body), a = insp_fig_act_of(kind), r;

	if (b < 0 || a < 0)
		return -1;
	r = !concl ? 2 : !strcmp(concl, "no_violation") ? 1 : 0;
	return IF_CASE(b, a, is_org ? 0 : 1, r);
}

static int row_cell_disc(int is_org, const char *form, const char *level, const char *body,
			 const char *state)
{
	int f = insp_fig_word(insp_fig_forms, form), l = insp_fig_word(insp_fig_levels, level);
	int b = insp_fig_word(insp_fig_bodies, body);

	if (f < 0 || l < 0 || b < 0 || !state || strcmp(state, "in_force"))
		return -1;
	return IF_DISC(is_org ? 0 : 1, f, l, b);
}

static int row_cell_recv(const char *kind, int is_org)
{
	int k = insp_fig_word(insp_fig_kinds, kind);

	return k < 0 ? -1 : IF_RECV(k, is_org ? 0 : 1);
}

static int row_cell_settled(const char *kind, int is_org, const char *outcome, const char *state)
{
	int k = insp_fig_word(insp_fig_kinds, kind), o = insp_fig_word(insp_fig_outcomes, outcome);

	if (k < 0 || o < 0 || !state || strcmp(state, "settled"))
		return -1;
	return IF_SETTLED(k, is_org ? 0 : 1, o);
}

/* ---- counting from the rows --------------------------------------------------------------- */

/* The grouped counts of the rows of [pre, last] dated in [from, to], added to out's cells:
 * by_date reads each table by its date index and checks the organisation (a few days of the
 * whole country), else by each organisation's (org_id, date) index (a subtree). */
#define ORG_RANGE " o.pre BETWEEN ?1 AND ?2 "
#define Q_CASES(idx_org, join)                                                               \
	"SELECT c.body, c.kind, c.member_id IS NULL, c.conclusion, count(*) FROM " join        \
	" WHERE" ORG_RANGE "AND c.decision_on BETWEEN ?3 AND ?4 GROUP BY 1, 2, 3, 4"
#define Q_DISC(join)                                                                         \
	"SELECT d.member_id IS NULL, d.form, b.kind, d.body, count(*) FROM " join              \
	" JOIN org b ON b.id = d.body_org_id WHERE" ORG_RANGE                                   \
	"AND d.decided_on BETWEEN ?3 AND ?4 AND d.state = 'in_force' GROUP BY 1, 2, 3, 4"
#define Q_RECV(join)                                                                         \
	"SELECT p.kind, p.member_id IS NULL, count(*) FROM " join " WHERE" ORG_RANGE             \
	"AND p.lodged_on BETWEEN ?3 AND ?4 GROUP BY 1, 2"
#define Q_SETTLED(join)                                                                      \
	"SELECT p.kind, p.member_id IS NULL, p.outcome, count(*) FROM " join " WHERE" ORG_RANGE  \
	"AND p.settled_on BETWEEN ?3 AND ?4 AND p.state = 'settled' GROUP BY 1, 2, 3"

static const char *const q_org[4] = {
	Q_CASES(0, "org o JOIN insp_case c INDEXED BY insp_case_org ON c.org_id = o.id"),
	Q_DISC("org o JOIN discipline d INDEXED BY discipline_org ON d.org_id = o.id"),
	Q_RECV("org o JOIN complaint p INDEXED BY complaint_org ON p.org_id = o.id"),
	Q_SETTLED("org o JOIN complaint p INDEXED BY complaint_org ON p.org_id = o.id"),
};
static const char *const q_date[4] = {
	Q_CASES(1, "insp_case c INDEXED BY insp_case_date JOIN org o ON o.id = c.org_id"),
	Q_DISC("discipline d INDEXED BY discipline_date JOIN org o ON o.id = d.org_id"),
	Q_RECV("complaint p INDEXED BY complaint_lodged JOIN org o ON o.id = p.org_id"),
	Q_SETTLED("complaint p INDEXED BY complaint_settled JOIN org o ON o.id = p.org_id"),
};

static enum err_code count_rows(struct store *st, long pre, long last, date_t from, date_t to,
				int by_date, long *cell, struct err *e)
{
	const char *const *q = by_date ? q_date : q_org;
	sqlite3_stmt *s;
	int i, c;

	if (from > to)
		return ERR_OK;
	for (i = 0; i < 4; i++) {
		if (!(s = sq_prep(st, q[i], e)))
			return e->code;
		sqlite3_bind_int64(s, 1, pre);
		sqlite3_bind_int64(s, 2, last);
		sq_bind_date(s, 3, from);
		sq_bind_date(s, 4, to);
#define T(k) ((const char *)sqlite3_column_text(s, k))
		WALK(st, s, e, "counting the inspection records", {
			if (i == 0)
				c = row_cell_case(T(0), T(1), sqlite3_column_int(s, 2), T(3));
			else if (i == 1)
				c = row_cell_disc(sqlite3_column_int(s, 0), T(1), T(2), T(3),
						  "in_force");
			else if (i == 2)
				c = row_cell_recv(T(0), sqlite3_column_int(s, 1));
			else
				c = row_cell_settled(T(0), sqlite3_column_int(s, 1), T(2),
						     "settled");
			if (c >= 0)
				cell[c] += sqlite3_column_int64(s, i == 0 || i == 1 ? 4 : i == 2 ? 2 : 3);
		});
#undef T
	}
	return ERR_OK;
}

/* The complaints and denunciations of [pre, last] open past their due date as of to: by each
 * organisation's complaints (a subtree), or by_date over every complaint lodged by to (a
 * large subtree: a few thousand complaints beat tens of thousands of organisations). */
static enum err_code count_overdue(struct store *st, long pre, long last, date_t to,
				   int by_date, long overdue[2][2], struct err *e)
{
#define Q_OVERDUE(join)                                                                      \
	"SELECT p.kind = 'denunciation', p.member_id IS NOT NULL, count(*) FROM " join         \
	" WHERE" ORG_RANGE "AND p.lodged_on <= ?3 AND p.due_on < ?3 AND p.state <> 'withdrawn'" \
	" AND (p.settled_on IS NULL OR p.settled_on > ?3) GROUP BY 1, 2"
	static const char q_org_sql[] =
		Q_OVERDUE("org o JOIN complaint p INDEXED BY complaint_org ON p.org_id = o.id");
#undef Q_OVERDUE
	/* by date: the open ones past due (complaint_open) and those settled after to
	 * (complaint_settled), the same set as above without reading every complaint */
	static const char q_date_sql[] =
		"SELECT p.kind = 'denunciation', p.member_id IS NOT NULL, count(*) FROM ("
		" SELECT kind, member_id, org_id FROM complaint INDEXED BY complaint_open"
		"  WHERE state = 'open' AND due_on < ?3 AND lodged_on <= ?3"
		"  AND (settled_on IS NULL OR settled_on > ?3)"
		" UNION ALL SELECT kind, member_id, org_id FROM complaint INDEXED BY complaint_settled"
		"  WHERE settled_on > ?3 AND state = 'settled' AND due_on < ?3 AND lodged_on <= ?3) p"
		" JOIN org o ON o.id = p.org_id WHERE" ORG_RANGE "GROUP BY 1, 2";
	sqlite3_stmt *s = sq_prep(st, by_date ? q_date_sql : q_org_sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sq_bind_date(s, 3, to);
	WALK(st, s, e, "counting the complaints past due", {
		overdue[sqlite3_column_int(s, 0) ? 1 : 0][sqlite3_column_int(s, 1) ? 1 : 0] +=
			sqlite3_column_int64(s, 2);
	});
	return ERR_OK;
}

/* Subtrees of more organisations than this read a few edge days by the date indexes. */
static long by_date_orgs = 2000;

void store_insp_fig_tune(long orgs)
{
	by_date_orgs = orgs;
}

enum err_code store_insp_fig_plain(struct store *st, long pre, long last, date_t from,
				   date_t to, struct insp_fig_counts *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	if (count_rows(st, pre, last, from, to, 0, out->cell, e))
		return e->code;
	return count_overdue(st, pre, last, to, 0, out->overdue, e);
}

enum err_code store_insp_fig(struct store *st, long pre, long last, date_t from, date_t to,
			     struct insp_fig_counts *out, struct err *e)
{
	/* The whole tree reads insp_fig_all; a subtree its organisations' counters. */
	static const char q_whole[] =
		"SELECT (SELECT max(pre) FROM org) <= ?2 AND ?1 <= 1"
		" AND NOT EXISTS (SELECT 1 FROM org WHERE pre IS NULL)";
	static const char q_all[] = "SELECT cell, n FROM insp_fig_all WHERE month BETWEEN ?3 AND ?4";
	static const char q_sub[] =
		"SELECT f.cell, f.n FROM org o JOIN insp_fig f ON f.org_id = o.id"
		" AND f.month BETWEEN ?3 AND ?4 WHERE o.pre BETWEEN ?1 AND ?2";
	long mlo = month_of(from), mhi = month_of(to);
	int by_date = last - pre + 1 > by_date_orgs, whole = 0, c;
	date_t full_from, full_to;
	sqlite3_stmt *s;

	memset(out, 0, sizeof *out);
	if (from > to)
		return count_overdue(st, pre, last, to, by_date, out->overdue, e);
	/* the whole months inside [from, to] */
	if (month_start(mlo) != from)
		mlo++;
	if (month_start(mhi + 1) - 1 != to)
		mhi--;
	if (mlo > mhi) { /* no whole month: the rows only */
		if (count_rows(st, pre, last, from, to, by_date, out->cell, e))
			return e->code;
		return count_overdue(st, pre, last, to, by_date, out->overdue, e);
	}
	full_from = month_start(mlo);
	full_to = month_start(mhi + 1) - 1;
	if (!(s = sq_prep(st, q_whole, e)))
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	WALK(st, s, e, "reading the tree", { whole = sqlite3_column_int(s, 0); });
	if (!(s = sq_prep(st, whole ? q_all : q_sub, e)))
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sqlite3_bind_int64(s, 3, mlo);
	sqlite3_bind_int64(s, 4, mhi);
	WALK(st, s, e, "reading the inspection counters", {
		c = sqlite3_column_int(s, 0);
		if (c >= 0 && c < IF_CELLS)
			out->cell[c] += sqlite3_column_int64(s, 1);
	});
	if (count_rows(st, pre, last, from, full_from - 1, by_date, out->cell, e) ||
	    count_rows(st, pre, last, full_to + 1, to, by_date, out->cell, e))
		return e->code;
	return count_overdue(st, pre, last, to, by_date, out->overdue, e);
}

/* ---- the drill-down lists ------------------------------------------------------------------ */

struct list_ctx {
	const struct insp_fig_filter *f;
	long limit, offset, *total;
	store_insp_fig_item_cb cb;
	void *ctx;
	int stop;
};

static int want(int f, int v)
{
	return f < 0 || f == v;
}

static void emit(struct list_ctx *l, const struct insp_fig_item *it)
{
	long i = (*l->total)++;

	if (l->stop || i < l->offset || (l->limit >= 0 && i >= l->offset + l->limit))
		return;
	if (l->cb(l->ctx, it))
		l->stop = 1;
}

enum err_code store_insp_fig_list(struct store *st, long pre, long last, date_t from,
				  date_t to, const struct insp_fig_filter *f, long limit,
				  long offset, long *total, store_insp_fig_item_cb cb, void *ctx,
				  struct err *e)
{
	/* what 0: cases; 1 discipline; 2 complaints; 3 cases open past their period (as of to);
	 * 4 cases concluded and not notified; 5 review revisions not resolved. */
	static const char q_cases[] =
		"SELECT c.id, c.decision_on, o.code, o.name, coalesce(c.member_id, 0),"
		" coalesce(m.full_name, ''), b.code, c.body, c.kind, c.state, c.conclusion,"
		" c.decision_no, c.period_to"
		" FROM org o JOIN insp_case c INDEXED BY insp_case_org ON c.org_id = o.id"
		"  AND c.decision_on BETWEEN ?3 AND ?4"
		" JOIN org b ON b.id = c.body_org_id LEFT JOIN member m ON m.id = c.member_id"
		" WHERE" ORG_RANGE "ORDER BY c.decision_on, c.id";
	static const char q_disc[] =
		"SELECT d.id, d.decided_on, o.code, o.name, coalesce(d.member_id, 0),"
		" coalesce(m.full_name, ''), b.code, d.body, d.form, d.state, b.kind, d.decision_no, 0"
		" FROM org o JOIN discipline d INDEXED BY discipline_org ON d.org_id = o.id"
		"  AND d.decided_on BETWEEN ?3 AND ?4"
		" JOIN org b ON b.id = d.body_org_id LEFT JOIN member m ON m.id = d.member_id"
		" WHERE" ORG_RANGE "ORDER BY d.decided_on, d.id";
	static const char q_compl[] =
		"SELECT p.id, CASE WHEN ?5 = 1 THEN p.settled_on ELSE p.lodged_on END, o.code, o.name,"
		" coalesce(p.member_id, 0), coalesce(m.full_name, ''), b.code, '', p.kind, p.state,"
		" p.outcome, p.settlement_no, p.due_on"
		" FROM org o JOIN complaint p INDEXED BY complaint_org ON p.org_id = o.id"
		" JOIN org b ON b.id = p.to_body_org_id LEFT JOIN member m ON m.id = p.member_id"
		" WHERE" ORG_RANGE "AND CASE ?5"
		"  WHEN 0 THEN p.lodged_on BETWEEN ?3 AND ?4"
		"  WHEN 1 THEN p.state = 'settled' AND p.settled_on BETWEEN ?3 AND ?4"
		"  ELSE p.lodged_on <= ?4 AND p.due_on < ?4 AND p.state <> 'withdrawn'"
		"   AND (p.settled_on IS NULL OR p.settled_on > ?4) END"
		" ORDER BY 2, p.id";
	static const char q_late[] =
		"SELECT c.id, c.decision_on, o.code, o.name, coalesce(c.member_id, 0),"
		" coalesce(m.full_name, ''), b.code, c.body, c.kind, c.state, c.conclusion,"
		" c.decision_no, c.period_to"
		" FROM org o JOIN insp_case c INDEXED BY insp_case_org ON c.org_id = o.id"
		" JOIN org b ON b.id = c.body_org_id LEFT JOIN member m ON m.id = c.member_id"
		" WHERE" ORG_RANGE "AND CASE ?5 WHEN 3 THEN c.state = 'open'"
		"  AND c.period_to < ?4 ELSE c.state = 'concluded' AND c.notified_on IS NULL END"
		" ORDER BY c.period_to, c.id";
	static const char q_rev[] =
		"SELECT r.id, r.flagged_on, o.code, o.name, coalesce(r.member_id, 0),"
		" coalesce(m.full_name, ''), coalesce(b.code, ''), '', r.rule_id, '', '',"
		" CAST(r.year AS TEXT), r.discipline_id"
		" FROM org o JOIN review_revision r INDEXED BY review_revision_open ON r.org_id = o.id"
		"  AND r.resolved_on IS NULL"
		" LEFT JOIN org b ON b.id = r.body_org_id LEFT JOIN member m ON m.id = r.member_id"
		" WHERE" ORG_RANGE "ORDER BY r.flagged_on, r.id";
	const char *sql = f->what == 0	 ? q_cases
			  : f->what == 1 ? q_disc
			  : f->what == 2 ? q_compl
			  : f->what == 5 ? q_rev
					 : q_late;
	struct list_ctx l = {f, limit, offset, total, cb, ctx, 0};
	struct insp_fig_item it;
	sqlite3_stmt *s;
	int c, stage = f->stage < 0 ? 0 : f->stage;

	*total = 0;
	if (!(s = sq_prep(st, sql, e)))
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sq_bind_date(s, 3, from);
	sq_bind_date(s, 4, to);
	sqlite3_bind_int(s, 5, f->what == 2 ? stage : f->what);
#define T(k) ((const char *)sqlite3_column_text(s, k))
	WALK(st, s, e, "listing the inspection records", {
		memset(&it, 0, sizeof it);
		it.id = sqlite3_column_int64(s, 0);
		it.on = sq_col_date(s, 1);
		sq_col_copy(s, 2, it.org_code, sizeof it.org_code);
		sq_col_copy(s, 3, it.org_name, sizeof it.org_name);
		it.member_id = sqlite3_column_int64(s, 4);
		sq_col_copy(s, 5, it.member_name, sizeof it.member_name);
		sq_col_copy(s, 6, it.body_code, sizeof it.body_code);
		sq_col_copy(s, 7, it.body, sizeof it.body);
		sq_col_copy(s, 8, it.kind, sizeof it.kind);
		sq_col_copy(s, 9, it.state, sizeof it.state);
		sq_col_copy(s, 10, it.result, sizeof it.result);
		sq_col_copy(s, 11, it.doc_no, sizeof it.doc_no);
		if (f->what == 0) {
			c = row_cell_case(it.body, it.kind, !it.member_id, T(10));
			if (c < 0)
				continue;
			if (!want(f->body, (c / 18)) || !want(f->act, (c / 6) % 3) ||
			    !want(f->target, (c / 3) % 2) || !want(f->result, c % 3))
				continue;
		} else if (f->what == 1) {
			/* column 10 is the deciding body's kind */
			c = row_cell_disc(!it.member_id, it.kind, it.result, it.body, it.state);
			if (c < 0)
				continue;
			c -= IF_DISC0;
			if (!want(f->target, c / 40) || !want(f->form, (c / 8) % 5) ||
			    !want(f->level, (c / 2) % 4) || !want(f->body, c % 2))
				continue;
			snprintf(it.result, sizeof it.result, "%s", "");
		} else if (f->what == 2) {
			if (!want(f->kind, insp_fig_word(insp_fig_kinds, it.kind)) ||
			    !want(f->target, it.member_id ? 1 : 0))
				continue;
			if (stage == 1 && !want(f->outcome, insp_fig_word(insp_fig_outcomes, T(10))))
				continue;
		}
		emit(&l, &it);
	});
#undef T
	return ERR_OK;
}

/* ---- the worklist ------------------------------------------------------------------------ */

enum err_code store_insp_fig_work(struct store *st, long pre, long last, date_t today,
				  struct insp_fig_work *out, struct err *e)
{
	static const char sql[] =
		"SELECT"
		" (SELECT count(*) FROM org o JOIN insp_case c INDEXED BY insp_case_open"
		"   ON c.org_id = o.id WHERE c.state IN ('open', 'concluded') AND c.state = 'open' AND c.period_to < ?3"
		"   AND" ORG_RANGE "),"
		" (SELECT count(*) FROM org o JOIN insp_case c ON c.org_id = o.id"
		"   WHERE" ORG_RANGE "AND c.state = 'concluded' AND c.notified_on IS NULL),"
		" (SELECT count(*) FROM complaint p INDEXED BY complaint_open JOIN org o"
		"   ON o.id = p.org_id WHERE p.state = 'open' AND p.due_on < ?3 AND" ORG_RANGE "),"
		" (SELECT count(*) FROM org o JOIN review_revision r INDEXED BY review_revision_open"
		"   ON r.org_id = o.id AND r.resolved_on IS NULL WHERE" ORG_RANGE ")";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	memset(out, 0, sizeof *out);
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sq_bind_date(s, 3, today);
	WALK(st, s, e, "counting the inspection work due", {
		out->cases_late = sqlite3_column_int64(s, 0);
		out->notice_due = sqlite3_column_int64(s, 1);
		out->complaints_due = sqlite3_column_int64(s, 2);
		out->reviews_to_revise = sqlite3_column_int64(s, 3);
	});
	return ERR_OK;
}
