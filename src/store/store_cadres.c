/* store_cadres.c - the SQL of key cadres (store_cadres.h, docs/cadres.md): the catalogue,
 * positions, flags, holdings, committees and the vacancy report's rows. Every value bound. */
#include <stdio.h>
#include <string.h>

#include "store_cadres.h"
#include "store_int.h"

/* A holder has left the rolls by date ?N when the status is off the rolls since then. */
#define LEFT(n) "(m.status NOT IN " ACTIVE_STATUSES " AND m.status_since <= ?" n ")"
/* An interval [valid_from, valid_to) of alias t covering date ?N. */
#define COVERS(t, n) "(" t ".valid_from <= ?" n " AND (" t ".valid_to IS NULL OR " t ".valid_to > ?" n "))"

/* Read one row with read, or ERR_NOTFOUND. */
#define ONE(st, s, e, what, read)                                                   \
	do {                                                                        \
		int step_ = sqlite3_step(s);                                        \
		if (step_ == SQLITE_ROW) {                                          \
			read;                                                       \
			sq_done(st, s);                                             \
			return ERR_OK;                                              \
		}                                                                   \
		sq_done(st, s);                                                     \
		return step_ == SQLITE_DONE ? ERR_NOTFOUND : sq_db_error(st, e, what); \
	} while (0)

/* ---- the catalogue ----------------------------------------------------------------- */
#define PKIND_COLS "code, side, key, coalesce(pair, ''), multi, name_vi, name_en, ord"

static void read_pkind(sqlite3_stmt *s, struct position_kind *k)
{
	memset(k, 0, sizeof *k);
	sq_col_copy(s, 0, k->code, sizeof k->code);
	sq_col_copy(s, 1, k->side, sizeof k->side);
	k->key = sqlite3_column_int(s, 2);
	sq_col_copy(s, 3, k->pair, sizeof k->pair);
	k->multi = sqlite3_column_int(s, 4);
	sq_col_copy(s, 5, k->name_vi, sizeof k->name_vi);
	sq_col_copy(s, 6, k->name_en, sizeof k->name_en);
	k->ord = sqlite3_column_int(s, 7);
}

enum err_code store_pkinds(struct store *st, store_pkind_cb cb, void *ctx, struct err *e)
{
	sqlite3_stmt *s = sq_prep(st, "SELECT " PKIND_COLS " FROM position_kind ORDER BY ord", e);
	struct position_kind k;

	if (!s)
		return e->code;
	WALK(st, s, e, "reading the position kinds", read_pkind(s, &k);
	     if (cb(ctx, &k)) break;);
	return ERR_OK;
}

enum err_code store_pkind_get(struct store *st, const char *code, struct position_kind *k,
			      struct err *e)
{
	sqlite3_stmt *s =
		sq_prep(st, "SELECT " PKIND_COLS " FROM position_kind WHERE code = ?1", e);

	if (!s)
		return e->code;
	sq_bind_text(s, 1, code);
	ONE(st, s, e, "reading a position kind", read_pkind(s, k));
}

/* ---- positions ----------------------------------------------------------------------- */
#define POS_COLS                                                                           \
	"p.id, p.org_id, o.code, o.name, o.kind, coalesce(o.grassroots_type, ''),"         \
	" coalesce(o.pre, 0), coalesce(o.last, 0), coalesce(o.depth, 0), o.dissolved,"     \
	" p.kind, k.side, k.name_vi, k.name_en, p.is_key, p.seats, p.valid_from, p.valid_to"
#define POS_FROM                                                                           \
	" FROM position p JOIN org o ON o.id = p.org_id JOIN position_kind k ON k.code = p.kind"

static void read_position(sqlite3_stmt *s, struct position *p)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(s, 0);
	p->org_id = sqlite3_column_int64(s, 1);
	sq_col_copy(s, 2, p->org_code, sizeof p->org_code);
	sq_col_copy(s, 3, p->org_name, sizeof p->org_name);
	sq_col_copy(s, 4, p->org_kind, sizeof p->org_kind);
	sq_col_copy(s, 5, p->grassroots_type, sizeof p->grassroots_type);
	p->org_pre = (long)sqlite3_column_int64(s, 6);
	p->org_last = (long)sqlite3_column_int64(s, 7);
	p->org_depth = sqlite3_column_int(s, 8);
	p->org_dissolved = sq_col_date(s, 9);
	sq_col_copy(s, 10, p->kind, sizeof p->kind);
	sq_col_copy(s, 11, p->side, sizeof p->side);
	sq_col_copy(s, 12, p->kind_vi, sizeof p->kind_vi);
	sq_col_copy(s, 13, p->kind_en, sizeof p->kind_en);
	p->is_key = sqlite3_column_int(s, 14);
	p->seats = (long)sqlite3_column_int64(s, 15);
	p->valid_from = sq_col_date(s, 16);
	p->valid_to = sq_col_date(s, 17);
}

enum err_code store_position_insert(struct store *st, struct position *p, const char *by,
				    struct err *e)
{
	sqlite3_stmt *s = sq_prep(st,
				  "INSERT INTO position(org_id, kind, is_key, seats, valid_from,"
				  " created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
				  e);
	enum err_code rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, p->org_id);
	sq_bind_text(s, 2, p->kind);
	sqlite3_bind_int(s, 3, p->is_key);
	sqlite3_bind_int64(s, 4, p->seats);
	sq_bind_date(s, 5, p->valid_from);
	sq_bind_text(s, 6, by);
	if ((rc = sq_step_done(st, s, e, "storing a position")))
		return rc;
	p->id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

enum err_code store_position_get(struct store *st, int64_t id, struct position *p,
				 struct err *e)
{
	sqlite3_stmt *s = sq_prep(st, "SELECT " POS_COLS POS_FROM " WHERE p.id = ?1", e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	ONE(st, s, e, "reading a position", read_position(s, p));
}

enum err_code store_position_find(struct store *st, int64_t org_id, const char *kind, date_t on,
				  struct position *p, struct err *e)
{
	sqlite3_stmt *s = sq_prep(st,
				  "SELECT " POS_COLS POS_FROM " WHERE p.org_id = ?1 AND p.kind = ?2"
				  " AND " COVERS("p", "3") " ORDER BY p.valid_from DESC LIMIT 1",
				  e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	sq_bind_text(s, 2, kind);
	sq_bind_date(s, 3, on);
	ONE(st, s, e, "reading a position", read_position(s, p));
}

enum err_code store_positions(struct store *st, int64_t org_id, date_t on, store_position_cb cb,
			      void *ctx, struct err *e)
{
	sqlite3_stmt *s = sq_prep(st,
				  "SELECT " POS_COLS POS_FROM " WHERE p.org_id = ?1 AND (?2 IS NULL"
				  " OR " COVERS("p", "2") ") ORDER BY k.ord, p.valid_from",
				  e);
	struct position p;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	sq_bind_date(s, 2, on);
	WALK(st, s, e, "reading positions", read_position(s, &p); if (cb(ctx, &p)) break;);
	return ERR_OK;
}

/* ---- holdings ------------------------------------------------------------------------ */
/* ?9 is the date of holder_left (NULL: today's status) */
#define HOLD_COLS                                                                          \
	"h.id, h.position_id, h.member_id, m.full_name,"                                   \
	" CASE WHEN m.status NOT IN " ACTIVE_STATUSES " AND (?9 IS NULL OR"                \
	" m.status_since <= ?9) THEN 1 ELSE 0 END, p.kind, o.code, h.acting, h.valid_from,"\
	" h.valid_to, h.how, h.decision, h.decided_on, h.body_org_id, b.code,"              \
	" coalesce(h.prev_holding_id, 0), h.to_difficult, h.to_border, coalesce(h.end_how, ''),"\
	" coalesce(h.end_reason, ''), coalesce(h.end_decision, ''), h.end_decided_on,"     \
	" coalesce(eb.code, ''), coalesce(h.end_body_org_id, 0), h.recorded_by"
#define HOLD_FROM                                                                          \
	" FROM holding h JOIN member m ON m.id = h.member_id"                             \
	" JOIN position p ON p.id = h.position_id JOIN org o ON o.id = p.org_id"          \
	" JOIN org b ON b.id = h.body_org_id LEFT JOIN org eb ON eb.id = h.end_body_org_id"

static void read_holding(sqlite3_stmt *s, struct holding *h)
{
	memset(h, 0, sizeof *h);
	h->id = sqlite3_column_int64(s, 0);
	h->position_id = sqlite3_column_int64(s, 1);
	h->member_id = sqlite3_column_int64(s, 2);
	sq_col_copy(s, 3, h->member_name, sizeof h->member_name);
	h->holder_left = sqlite3_column_int(s, 4);
	sq_col_copy(s, 5, h->pos_kind, sizeof h->pos_kind);
	sq_col_copy(s, 6, h->org_code, sizeof h->org_code);
	h->acting = sqlite3_column_int(s, 7);
	h->valid_from = sq_col_date(s, 8);
	h->valid_to = sq_col_date(s, 9);
	sq_col_copy(s, 10, h->how, sizeof h->how);
	sq_col_copy(s, 11, h->decision, sizeof h->decision);
	h->decided_on = sq_col_date(s, 12);
	h->body_org_id = sqlite3_column_int64(s, 13);
	sq_col_copy(s, 14, h->body_code, sizeof h->body_code);
	h->prev_holding_id = sqlite3_column_int64(s, 15);
	h->to_difficult = sqlite3_column_int(s, 16);
	h->to_border = sqlite3_column_int(s, 17);
	sq_col_copy(s, 18, h->end_how, sizeof h->end_how);
	sq_col_copy(s, 19, h->end_reason, sizeof h->end_reason);
	sq_col_copy(s, 20, h->end_decision, sizeof h->end_decision);
	h->end_decided_on = sq_col_date(s, 21);
	sq_col_copy(s, 22, h->end_body_code, sizeof h->end_body_code);
	h->end_body_org_id = sqlite3_column_int64(s, 23);
	sq_col_copy(s, 24, h->recorded_by, sizeof h->recorded_by);
}

enum err_code store_holdings(struct store *st, int64_t position_id, date_t on,
			     store_holding_cb cb, void *ctx, struct err *e)
{
	sqlite3_stmt *s = sq_prep(st,
				  "SELECT " HOLD_COLS HOLD_FROM " WHERE h.position_id = ?1 AND"
				  " (?9 IS NULL OR " COVERS("h", "9") ") ORDER BY h.valid_from, h.id",
				  e);
	struct holding h;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, position_id);
	sq_bind_date(s, 9, on);
	WALK(st, s, e, "reading holdings", read_holding(s, &h); if (cb(ctx, &h)) break;);
	return ERR_OK;
}

enum err_code store_member_holdings(struct store *st, int64_t member_id, store_holding_cb cb,
				    void *ctx, struct err *e)
{
	sqlite3_stmt *s = sq_prep(st,
				  "SELECT " HOLD_COLS HOLD_FROM " WHERE h.member_id = ?1"
				  " ORDER BY h.valid_from, h.id",
				  e);
	struct holding h;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	sqlite3_bind_null(s, 9);
	WALK(st, s, e, "reading holdings", read_holding(s, &h); if (cb(ctx, &h)) break;);
	return ERR_OK;
}

enum err_code store_holding_get(struct store *st, int64_t id, struct holding *h, struct err *e)
{
	sqlite3_stmt *s = sq_prep(st, "SELECT " HOLD_COLS HOLD_FROM " WHERE h.id = ?1", e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_null(s, 9);
	ONE(st, s, e, "reading a holding", read_holding(s, h));
}

enum err_code store_holding_open(struct store *st, int64_t member_id, int64_t position_id,
				 struct holding *h, struct err *e)
{
	sqlite3_stmt *s = sq_prep(st,
				  "SELECT " HOLD_COLS HOLD_FROM " WHERE h.member_id = ?1 AND"
				  " h.position_id = ?2 AND h.valid_to IS NULL",
				  e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	sqlite3_bind_int64(s, 2, position_id);
	sqlite3_bind_null(s, 9);
	ONE(st, s, e, "reading a holding", read_holding(s, h));
}

enum err_code store_holding_counts(struct store *st, int64_t position_id, date_t on, long *full,
				   long *acting, struct err *e)
{
	sqlite3_stmt *s = sq_prep(st,
				  "SELECT coalesce(sum(h.acting = 0), 0), coalesce(sum(h.acting), 0)"
				  " FROM holding h WHERE h.position_id = ?1 AND (" COVERS("h", "2")
				  " OR (h.valid_from > ?2 AND h.valid_to IS NULL))",
				  e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, position_id);
	sq_bind_date(s, 2, on);
	ONE(st, s, e, "counting holdings", *full = (long)sqlite3_column_int64(s, 0);
	    *acting = (long)sqlite3_column_int64(s, 1));
}

enum err_code store_holding_insert(struct store *st, struct holding *h, struct err *e)
{
	sqlite3_stmt *s = sq_prep(st,
				  "INSERT INTO holding(position_id, member_id, acting, valid_from,"
				  " how, decision, decided_on, body_org_id, prev_holding_id,"
				  " to_difficult, to_border, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5,"
				  " ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
				  e);
	enum err_code rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, h->position_id);
	sqlite3_bind_int64(s, 2, h->member_id);
	sqlite3_bind_int(s, 3, h->acting);
	sq_bind_date(s, 4, h->valid_from);
	sq_bind_text(s, 5, h->how);
	sq_bind_text(s, 6, h->decision);
	sq_bind_date(s, 7, h->decided_on);
	sqlite3_bind_int64(s, 8, h->body_org_id);
	sq_bind_id_or_null(s, 9, h->prev_holding_id);
	sqlite3_bind_int(s, 10, h->to_difficult);
	sqlite3_bind_int(s, 11, h->to_border);
	sq_bind_text(s, 12, h->recorded_by);
	if ((rc = sq_step_done(st, s, e, "storing a holding")))
		return rc;
	h->id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

enum err_code store_holding_end(struct store *st, const struct holding *h, struct err *e)
{
	sqlite3_stmt *s = sq_prep(st,
				  "UPDATE holding SET valid_to = ?2, end_how = ?3, end_reason = ?4,"
				  " end_decision = ?5, end_decided_on = ?6, end_body_org_id = ?7"
				  " WHERE id = ?1 AND valid_to IS NULL",
				  e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, h->id);
	sq_bind_date(s, 2, h->valid_to);
	sq_bind_text(s, 3, h->end_how);
	sq_bind_text(s, 4, h->end_reason);
	sq_bind_text(s, 5, h->end_decision);
	sq_bind_date(s, 6, h->end_decided_on);
	sq_bind_id_or_null(s, 7, h->end_body_org_id);
	return sq_step_done(st, s, e, "ending a holding");
}

enum err_code store_rotations(struct store *st, long pre, long last, date_t from, date_t to,
			      store_holding_cb cb, void *ctx, struct err *e)
{
	sqlite3_stmt *s = sq_prep(st,
				  "SELECT " HOLD_COLS HOLD_FROM " WHERE h.how = 'rotate' AND"
				  " h.valid_from >= ?3 AND h.valid_from < ?4 AND o.pre BETWEEN ?1"
				  " AND ?2 ORDER BY h.valid_from, h.id",
				  e);
	struct holding h;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sq_bind_date(s, 3, from);
	sq_bind_date(s, 4, to);
	sqlite3_bind_null(s, 9);
	WALK(st, s, e, "reading rotations", read_holding(s, &h); if (cb(ctx, &h)) break;);
	return ERR_OK;
}

/* ---- flags --------------------------------------------------------------------------- */
enum err_code store_flag_at(struct store *st, int64_t org_id, const char *flag, date_t on,
			    int *set, struct err *e)
{
	sqlite3_stmt *s = sq_prep(st,
				  "SELECT EXISTS (SELECT 1 FROM org_flag f WHERE f.org_id = ?1 AND"
				  " f.flag = ?2 AND " COVERS("f", "3") ")",
				  e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	sq_bind_text(s, 2, flag);
	sq_bind_date(s, 3, on);
	ONE(st, s, e, "reading a flag", *set = sqlite3_column_int(s, 0));
}

enum err_code store_flag_set(struct store *st, const struct org_flag *f, int set, const char *by,
			     struct err *e)
{
	sqlite3_stmt *s;

	if (set)
		s = sq_prep(st,
			    "INSERT INTO org_flag(org_id, flag, valid_from, decision, recorded_by)"
			    " VALUES (?1, ?2, ?3, ?4, ?5)",
			    e);
	else
		s = sq_prep(st,
			    "UPDATE org_flag SET valid_to = ?3 WHERE org_id = ?1 AND flag = ?2 AND"
			    " valid_to IS NULL AND valid_from < ?3 AND ?4 IS NOT NULL AND"
			    " ?5 IS NOT NULL",
			    e);
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, f->org_id);
	sq_bind_text(s, 2, f->flag);
	sq_bind_date(s, 3, f->valid_from);
	sq_bind_text(s, 4, f->decision);
	sq_bind_text(s, 5, by);
	return sq_step_done(st, s, e, "storing a flag");
}

enum err_code store_flags(struct store *st, int64_t org_id, store_flag_cb cb, void *ctx,
			  struct err *e)
{
	sqlite3_stmt *s = sq_prep(st,
				  "SELECT org_id, flag, valid_from, valid_to, decision FROM org_flag"
				  " WHERE org_id = ?1 ORDER BY valid_from, flag",
				  e);
	struct org_flag f;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	WALK(st, s, e, "reading flags", memset(&f, 0, sizeof f);
	     f.org_id = sqlite3_column_int64(s, 0); sq_col_copy(s, 1, f.flag, sizeof f.flag);
	     f.valid_from = sq_col_date(s, 2); f.valid_to = sq_col_date(s, 3);
	     sq_col_copy(s, 4, f.decision, sizeof f.decision); if (cb(ctx, &f)) break;);
	return ERR_OK;
}

/* ---- committees ---------------------------------------------------------------------- */
#define COMM_COLS                                                                          \
	"c.id, c.org_id, o.code, c.term_start, c.term_end, c.seats, c.standing_seats,"     \
	" c.decision, coalesce(c.body_org_id, 0), coalesce(b.code, '')"
#define COMM_FROM                                                                          \
	" FROM committee c JOIN org o ON o.id = c.org_id LEFT JOIN org b ON b.id = c.body_org_id"

static void read_committee(sqlite3_stmt *s, struct committee *c)
{
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(s, 0);
	c->org_id = sqlite3_column_int64(s, 1);
	sq_col_copy(s, 2, c->org_code, sizeof c->org_code);
	c->term_start = sq_col_date(s, 3);
	c->term_end = sq_col_date(s, 4);
	c->seats = (long)sqlite3_column_int64(s, 5);
	c->standing_seats = (long)sqlite3_column_int64(s, 6);
	sq_col_copy(s, 7, c->decision, sizeof c->decision);
	c->body_org_id = sqlite3_column_int64(s, 8);
	sq_col_copy(s, 9, c->body_code, sizeof c->body_code);
}

enum err_code store_committee_insert(struct store *st, struct committee *c, const char *by,
				     struct err *e)
{
	sqlite3_stmt *s = sq_prep(st,
				  "INSERT INTO committee(org_id, term_start, term_end, seats,"
				  " standing_seats, decision, body_org_id, created_by) VALUES (?1, ?2,"
				  " ?3, ?4, ?5, ?6, ?7, ?8)",
				  e);
	enum err_code rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, c->org_id);
	sq_bind_date(s, 2, c->term_start);
	sq_bind_date(s, 3, c->term_end);
	sqlite3_bind_int64(s, 4, c->seats);
	sqlite3_bind_int64(s, 5, c->standing_seats);
	sq_bind_text(s, 6, c->decision);
	sq_bind_id_or_null(s, 7, c->body_org_id);
	sq_bind_text(s, 8, by);
	if ((rc = sq_step_done(st, s, e, "storing a committee")))
		return rc;
	c->id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

enum err_code store_committee_get(struct store *st, int64_t id, struct committee *c,
				  struct err *e)
{
	sqlite3_stmt *s = sq_prep(st, "SELECT " COMM_COLS COMM_FROM " WHERE c.id = ?1", e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	ONE(st, s, e, "reading a committee", read_committee(s, c));
}

enum err_code store_committees(struct store *st, int64_t org_id, store_committee_cb cb,
			       void *ctx, struct err *e)
{
	sqlite3_stmt *s = sq_prep(st,
				  "SELECT " COMM_COLS COMM_FROM " WHERE c.org_id = ?1"
				  " ORDER BY c.term_start DESC",
				  e);
	struct committee c;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	WALK(st, s, e, "reading committees", read_committee(s, &c); if (cb(ctx, &c)) break;);
	return ERR_OK;
}

enum err_code store_cmembers(struct store *st, int64_t committee_id, date_t on,
			     store_cmember_cb cb, void *ctx, struct err *e)
{
	sqlite3_stmt *s = sq_prep(
		st,
		"SELECT cm.id, cm.committee_id, cm.member_id, m.full_name, cm.role, cm.valid_from,"
		" cm.valid_to, cm.how, cm.decision, coalesce(cm.end_reason, '')"
		" FROM committee_member cm JOIN member m ON m.id = cm.member_id"
		" WHERE cm.committee_id = ?1 AND (?2 IS NULL OR " COVERS("cm", "2") ")"
		" ORDER BY CASE WHEN ?2 IS NULL THEN cm.valid_from ELSE 0 END, CASE cm.role"
		" WHEN 'secretary' THEN 0 WHEN 'deputy_secretary' THEN 1 WHEN 'standing_member'"
		" THEN 2 ELSE 3 END, cm.id",
		e);
	struct committee_member m;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, committee_id);
	sq_bind_date(s, 2, on);
	WALK(st, s, e, "reading a committee's members", memset(&m, 0, sizeof m);
	     m.id = sqlite3_column_int64(s, 0); m.committee_id = sqlite3_column_int64(s, 1);
	     m.member_id = sqlite3_column_int64(s, 2);
	     sq_col_copy(s, 3, m.member_name, sizeof m.member_name);
	     sq_col_copy(s, 4, m.role, sizeof m.role); m.valid_from = sq_col_date(s, 5);
	     m.valid_to = sq_col_date(s, 6); sq_col_copy(s, 7, m.how, sizeof m.how);
	     sq_col_copy(s, 8, m.decision, sizeof m.decision);
	     sq_col_copy(s, 9, m.end_reason, sizeof m.end_reason); if (cb(ctx, &m)) break;);
	return ERR_OK;
}

enum err_code store_committee_count(struct store *st, int64_t committee_id, date_t on,
				    long *members, long *standing, struct err *e)
{
	sqlite3_stmt *s = sq_prep(st,
				  "SELECT count(*), coalesce(sum(cm.role <> 'member'), 0)"
				  " FROM committee_member cm JOIN member m ON m.id = cm.member_id"
				  " WHERE cm.committee_id = ?1 AND " COVERS("cm", "2")
				  " AND NOT " LEFT("2"),
				  e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, committee_id);
	sq_bind_date(s, 2, on);
	ONE(st, s, e, "counting a committee", *members = (long)sqlite3_column_int64(s, 0);
	    *standing = (long)sqlite3_column_int64(s, 1));
}

enum err_code store_cmember_open(struct store *st, int64_t committee_id, int64_t member_id,
				 struct committee_member *m, struct err *e)
{
	sqlite3_stmt *s = sq_prep(st,
				  "SELECT id, role, valid_from FROM committee_member WHERE"
				  " committee_id = ?1 AND member_id = ?2 AND valid_to IS NULL",
				  e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, committee_id);
	sqlite3_bind_int64(s, 2, member_id);
	memset(m, 0, sizeof *m);
	ONE(st, s, e, "reading a committee's member", m->id = sqlite3_column_int64(s, 0);
	    sq_col_copy(s, 1, m->role, sizeof m->role); m->valid_from = sq_col_date(s, 2);
	    m->committee_id = committee_id; m->member_id = member_id);
}

enum err_code store_cmember_insert(struct store *st, struct committee_member *m, const char *by,
				   struct err *e)
{
	sqlite3_stmt *s = sq_prep(st,
				  "INSERT INTO committee_member(committee_id, member_id, role,"
				  " valid_from, how, decision, recorded_by) VALUES (?1, ?2, ?3, ?4,"
				  " ?5, ?6, ?7)",
				  e);
	enum err_code rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, m->committee_id);
	sqlite3_bind_int64(s, 2, m->member_id);
	sq_bind_text(s, 3, m->role);
	sq_bind_date(s, 4, m->valid_from);
	sq_bind_text(s, 5, m->how);
	sq_bind_text(s, 6, m->decision);
	sq_bind_text(s, 7, by);
	if ((rc = sq_step_done(st, s, e, "storing a committee's member")))
		return rc;
	m->id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

enum err_code store_cmember_end(struct store *st, int64_t id, date_t on, const char *reason,
				struct err *e)
{
	sqlite3_stmt *s = sq_prep(st,
				  "UPDATE committee_member SET valid_to = ?2, end_reason = ?3"
				  " WHERE id = ?1 AND valid_to IS NULL",
				  e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	sq_bind_date(s, 2, on);
	sq_bind_text(s, 3, reason);
	return sq_step_done(st, s, e, "ending a committee seat");
}

/* ---- the vacancy report -------------------------------------------------------------- */
/* One row of store_vacancies' statement pass (0 positions, 1 committees) into v; 1 when it
 * is short of holders or members, 0 when full. */
static int read_vacancy(sqlite3_stmt *s, int pass, struct vacancy *v)
{
	date_t acting_since = DATE_NONE, d, last_end, left;
	int c = 0;

	memset(v, 0, sizeof *v);
	snprintf(v->what, sizeof v->what, "%s", pass ? "committee" : "position");
	v->id = sqlite3_column_int64(s, c++);
	v->org_id = sqlite3_column_int64(s, c++);
	sq_col_copy(s, c++, v->org_code, sizeof v->org_code);
	sq_col_copy(s, c++, v->org_name, sizeof v->org_name);
	v->org_pre = (long)sqlite3_column_int64(s, c++);
	if (!pass)
		sq_col_copy(s, c++, v->kind, sizeof v->kind);
	v->seats = (long)sqlite3_column_int64(s, c++);
	if (pass)
		v->standing_seats = (long)sqlite3_column_int64(s, c++);
	v->filled = (long)sqlite3_column_int64(s, c++);
	if (pass)
		v->standing = (long)sqlite3_column_int64(s, c++);
	else
		v->acting = (long)sqlite3_column_int64(s, c++);
	if (!pass)
		acting_since = sq_col_date(s, c++);
	/* since: the latest of the last end, a holder leaving the rolls, the start */
	last_end = sq_col_date(s, c++);
	left = sq_col_date(s, c++);
	d = sq_col_date(s, c++);
	if (last_end != DATE_NONE && last_end > d)
		d = last_end;
	if (left != DATE_NONE && left > d)
		d = left;
	v->border = (sqlite3_column_int(s, c) & 1) != 0;
	v->difficult = (sqlite3_column_int(s, c++) & 2) != 0;
	v->combat = sqlite3_column_int(s, c++);
	v->priority = cadre_vacancy_priority(v->border, v->difficult, v->combat);
	if (pass) {
		if (v->filled >= v->seats && v->standing >= v->standing_seats)
			return 0;
		snprintf(v->state, sizeof v->state, "understaffed");
		v->since = d;
		return 1;
	}
	if (v->filled >= v->seats)
		return 0;
	snprintf(v->state, sizeof v->state, "%s", v->acting > 0 ? "acting" : "vacant");
	v->since = v->acting > 0 && acting_since != DATE_NONE && acting_since > d ? acting_since : d;
	return 1;
}

long store_vacancy_wide_orgs = 4000;

/* The members off the rolls on ?3, through the small partial index member_left. */
#define LEFT_IDS "(SELECT m.id FROM member m INDEXED BY member_left WHERE " LEFT("3") ")"
/* The border (1) and difficult (2) flags of o on ?3, added. */
#define FLAGS_ON                                                                           \
	"(SELECT coalesce(sum(CASE f.flag WHEN 'border' THEN 1 ELSE 2 END), 0) FROM org_flag f" \
	" WHERE f.org_id = o.id AND " COVERS("f", "3") ")"
/* The vacancy report's columns of a position p of org o (read_vacancy): its full holders
 * still on the rolls, its acting holders, when the last acting one began, when the last
 * holding ended, when a holder still in post left the rolls; from its holdings when exact
 * (an SQL condition) holds, else from its kept state (migration 39). */
#define VAC_PCOLS(exact)                                                                   \
	"SELECT p.id, o.id, o.code, o.name, o.pre, p.kind, p.seats,"                       \
	" CASE WHEN " exact " THEN (SELECT count(*) FROM holding h INDEXED BY holding_open"  \
	"   WHERE h.position_id = p.id AND h.acting = 0 AND " COVERS("h", "3")               \
	"   AND h.member_id NOT IN " LEFT_IDS ") ELSE p.open_full END,"                       \
	" CASE WHEN " exact " THEN (SELECT count(*) FROM holding h INDEXED BY holding_open"  \
	"   WHERE h.position_id = p.id AND h.acting = 1 AND " COVERS("h", "3")               \
	"   AND h.member_id NOT IN " LEFT_IDS ") ELSE p.open_acting END,"                     \
	" CASE WHEN " exact " THEN (SELECT max(h.valid_from) FROM holding h"                 \
	"   INDEXED BY holding_open WHERE h.position_id = p.id AND h.acting = 1 AND "         \
	COVERS("h", "3") ") ELSE p.acting_since END,"                                        \
	" CASE WHEN " exact " THEN (SELECT max(h.valid_to) FROM holding h"                   \
	"   INDEXED BY holding_open WHERE h.position_id = p.id AND h.valid_to <= ?3)"         \
	"   ELSE p.last_end END,"                                                             \
	" CASE WHEN " exact " THEN (SELECT max(m.status_since) FROM holding h"               \
	"   INDEXED BY holding_open CROSS JOIN member m INDEXED BY member_left"              \
	"   ON m.id = h.member_id"                                                            \
	"   WHERE h.position_id = p.id AND " COVERS("h", "3") " AND " LEFT("3") ") END,"      \
	" p.valid_from, " FLAGS_ON ", coalesce(o.grassroots_type, '') = 'combat'"
#define VAC_CCOLS(exact)                                                                   \
	"SELECT c.id, o.id, o.code, o.name, o.pre, c.seats, c.standing_seats,"             \
	" CASE WHEN " exact " THEN (SELECT count(*) FROM committee_member cm"                \
	"   INDEXED BY committee_member_open WHERE cm.committee_id = c.id AND "               \
	COVERS("cm", "3") " AND cm.member_id NOT IN " LEFT_IDS ") ELSE c.open_filled END,"   \
	" CASE WHEN " exact " THEN (SELECT count(*) FROM committee_member cm"                \
	"   INDEXED BY committee_member_open WHERE cm.committee_id = c.id"                    \
	"   AND cm.role <> 'member' AND " COVERS("cm", "3")                                  \
	"   AND cm.member_id NOT IN " LEFT_IDS ") ELSE c.open_standing END,"                  \
	" CASE WHEN " exact " THEN (SELECT max(cm.valid_to) FROM committee_member cm"        \
	"   INDEXED BY committee_member_open WHERE cm.committee_id = c.id"                    \
	"   AND cm.valid_to <= ?3) ELSE c.last_end END,"                                      \
	" CASE WHEN " exact " THEN (SELECT max(m.status_since) FROM committee_member cm"     \
	"   INDEXED BY committee_member_open CROSS JOIN member m INDEXED BY member_left"     \
	"   ON m.id = cm.member_id WHERE cm.committee_id = c.id AND " COVERS("cm", "3")      \
	"   AND " LEFT("3") ") END,"                                                          \
	" c.term_start, " FLAGS_ON ", coalesce(o.grassroots_type, '') = 'combat'"
/* The positions (committees) with a holder (member) in post on ?3 who left the rolls. */
#define VAC_PLEFT                                                                          \
	"(SELECT h.position_id FROM holding h INDEXED BY holding_member"                   \
	" WHERE h.member_id IN " LEFT_IDS " AND " COVERS("h", "3") ")"
#define VAC_CLEFT                                                                          \
	"(SELECT cm.committee_id FROM committee_member cm INDEXED BY committee_member_member" \
	" WHERE cm.member_id IN " LEFT_IDS " AND " COVERS("cm", "3") ")"
#define VAC_PWHERE                                                                         \
	" o.pre BETWEEN ?1 AND ?2 AND o.established <= ?3 AND p.is_key = 1 AND " COVERS("p", "3")
#define VAC_CWHERE " o.pre BETWEEN ?1 AND ?2 AND c.term_start <= ?3 AND c.term_end > ?3"

enum err_code store_vacancies(struct store *st, long pre, long last, date_t on,
			      store_vacancy_cb cb, void *ctx, struct err *e)
{
	/* Two ways to the same rows. Narrow (a province): the organisations of [?1, ?2] in
	 * pre-order, their key positions and committees, the candidates among them. Wide (a
	 * large subtree): the candidates of the whole tree from the watermark's index, each
	 * kept when its organisation is in [?1, ?2]. Either way only the candidates are read
	 * exactly (the full positions, most of them, never are). The joins are CROSS JOINs, in
	 * the order written, and the indexes named: the plans must not depend on the
	 * statistics (a database analysed before any member left the rolls scanned every
	 * holding for the few who did). */
	static const char *const sql[2][2] = {
		{VAC_PCOLS("1")
		 " FROM org o CROSS JOIN position p INDEXED BY position_key ON p.org_id = o.id WHERE"
		 VAC_PWHERE " AND (p.full_since > ?3 OR EXISTS (SELECT 1 FROM holding h"
		 "  INDEXED BY holding_open WHERE h.position_id = p.id AND " COVERS("h", "3")
		 "  AND h.member_id IN " LEFT_IDS "))",
		 VAC_CCOLS("1")
		 " FROM org o CROSS JOIN committee c ON c.org_id = o.id WHERE" VAC_CWHERE
		 " AND (c.full_since > ?3 OR EXISTS (SELECT 1 FROM committee_member cm"
		 "  INDEXED BY committee_member_open WHERE cm.committee_id = c.id AND "
		 COVERS("cm", "3") " AND cm.member_id IN " LEFT_IDS "))"},
		/* wide: the candidates by the watermark's covering index, none of whose holders
		 * left, then those with a holder who left (l, read once: the left members'
		 * holdings are spread over the whole index by member), read exactly */
		{"WITH l(id) AS MATERIALIZED " VAC_PLEFT " " VAC_PCOLS("p.kept_at > ?3")
		 " FROM position p INDEXED BY position_vac CROSS JOIN org o ON o.id = p.org_id"
		 " WHERE p.full_since > ?3 AND p.id NOT IN (SELECT id FROM l) AND" VAC_PWHERE
		 " UNION ALL " VAC_PCOLS("1") " FROM position p CROSS JOIN org o ON o.id = p.org_id"
		 " WHERE p.id IN (SELECT id FROM l) AND" VAC_PWHERE,
		 "WITH l(id) AS MATERIALIZED " VAC_CLEFT " " VAC_CCOLS("c.kept_at > ?3")
		 " FROM committee c INDEXED BY committee_vac CROSS JOIN org o ON o.id = c.org_id"
		 " WHERE c.full_since > ?3 AND c.id NOT IN (SELECT id FROM l) AND" VAC_CWHERE
		 " UNION ALL " VAC_CCOLS("1") " FROM committee c CROSS JOIN org o ON o.id = c.org_id"
		 " WHERE c.id IN (SELECT id FROM l) AND" VAC_CWHERE},
	};
	int wide = last - pre + 1 > store_vacancy_wide_orgs;
	sqlite3_stmt *s;
	struct vacancy v;
	int pass, step;

	for (pass = 0; pass < 2; pass++) {
		if (!(s = sq_prep(st, sql[wide][pass], e)))
			return e->code;
		sqlite3_bind_int64(s, 1, pre);
		sqlite3_bind_int64(s, 2, last);
		sq_bind_date(s, 3, on);
		while ((step = sqlite3_step(s)) == SQLITE_ROW)
			if (read_vacancy(s, pass, &v) && cb(ctx, &v))
				break;
		sq_done(st, s);
		if (step != SQLITE_DONE && step != SQLITE_ROW)
			return sq_db_error(st, e, "reading the vacancies");
	}
	return ERR_OK;
}

enum err_code store_cadre_counts(struct store *st, long pre, long last, date_t on,
				 long *key_positions, long *committees, struct err *e)
{
	/* as store_vacancies counts them: the key positions in force of the organisations
	 * established by then, the committees whose term covers the day */
	static const char sql[] =
		"SELECT (SELECT count(*) FROM position p JOIN org o ON o.id = p.org_id"
		"   WHERE o.pre BETWEEN ?1 AND ?2 AND p.is_key = 1 AND " COVERS("p", "3")
		"   AND o.established <= ?3),"
		" (SELECT count(*) FROM committee c JOIN org o ON o.id = c.org_id"
		"   WHERE o.pre BETWEEN ?1 AND ?2 AND c.term_start <= ?3 AND c.term_end > ?3)";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int step;

	*key_positions = *committees = 0;
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sq_bind_date(s, 3, on);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		*key_positions = (long)sqlite3_column_int64(s, 0);
		*committees = (long)sqlite3_column_int64(s, 1);
	}
	sq_done(st, s);
	if (step != SQLITE_ROW)
		return sq_db_error(st, e, "counting the key positions");
	return ERR_OK;
}
