/* app_cadres_io.c - the imports of position holders and committees, and the cadres lists as
 * CSV or XLSX (app_cadres_io.h, docs/cadres.md "Imports and lists"). An import runs every row
 * through the function of the single event (app_appoint, app_committee_add,
 * app_committee_fill) as a savepoint of one transaction, so a rule is checked once, in one
 * place, and a file with any bad row leaves nothing behind. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "app_cadres_io.h"
#include "app_int.h"
#include "app_json.h"
#include "../lib/buf.h"

/* ---- the shared import loop ------------------------------------------------------------ */

/* One renaming of a problem's field, from the single event's word to the file's column. */
struct col_alias {
	const char *from, *to;
};

/* Move the problems of a row from src to dst, each at line (the single events number their
 * own items, which mean nothing in a file), its field renamed by alias (NULL-ended). */
static void take_row(struct err *dst, struct err *src, long line, const struct col_alias *alias)
{
	size_t i;

	for (i = 0; i < src->n; i++) {
		const struct err_item *it = &src->items[i];
		const char *field = it->field[0] ? it->field : NULL;
		const struct col_alias *al;
		size_t j;

		/* a store's "not found" repeated by the event with its field: once is enough */
		for (j = 0; !field && j < src->n; j++)
			if (j != i && src->items[j].field[0] && !strcmp(src->items[j].msg, it->msg))
				break;
		if (!field && j < src->n)
			continue;
		for (al = alias; field && al && al->from; al++)
			if (!strcmp(field, al->from)) {
				field = al->to;
				break;
			}
		err_add(dst, src->code ? src->code : ERR_INPUT, line, field,
			it->value[0] ? it->value : NULL, it->rule[0] ? it->rule : NULL, "%s",
			it->msg);
	}
	if (src->code && !src->n)
		err_add(dst, src->code, line, NULL, NULL, NULL, "the row could not be stored");
	err_clear(src);
}

typedef void (*import_row_fn)(struct app *a, const struct actor *ac,
			      const struct import_opts *opts, const struct csv_columns *c,
			      const struct csv_record *r, struct err *row);

struct import_kind {
	const char *what;       /* "holdings", "committees" */
	const char *nothing;    /* the message of a header without rows */
	const char *const *names, *const *required;
	const char *one_of[2];  /* one of these two columns must be in the header */
	import_row_fn row;
	const struct col_alias *alias;
};

static int first_org(void *ctx, const struct org *o)
{
	*(struct org *)ctx = *o;
	return 1;
}

static int col_index(const struct csv_columns *c, const char *name)
{
	int k;

	for (k = 0; c->names[k]; k++)
		if (!strcmp(c->names[k], name))
			return k;
	return -1;
}

/* Whether column name is in the file's header. */
static int has_col(const struct csv_columns *c, const char *name)
{
	int k = col_index(c, name);

	return k >= 0 && c->idx[k] >= 0;
}

static const char *col(const struct csv_columns *c, const struct csv_record *r, const char *name)
{
	int k = col_index(c, name);

	return k < 0 ? "" : app_csv_col(c, r, k);
}

static enum err_code run_import(struct app *a, const struct actor *ac,
				const struct import_kind *k, const struct import_opts *opts,
				struct import_result *res, struct err *e)
{
	struct csv_columns cols;
	struct csv_reader *rd;
	struct csv_record rec;
	struct csv_error ce;
	struct err row;
	struct org scope;
	char subject[300], action[40], *after;
	enum err_code rc;
	int got, once, fatal = 0;

	memset(res, 0, sizeof *res);
	memset(&cols, 0, sizeof cols);
	cols.names = k->names;
	cols.required = k->required;
	if (opts->rejects)
		return err_add(e, ERR_USAGE, 0, "skip-bad", NULL, NULL,
			       "%s are imported all or nothing: fix the bad rows instead of "
			       "skipping them",
			       k->what);
	if (app_can_edit(ac, e))
		return e->code;
	if ((rc = app_nest_begin(a, e)))
		return rc;
	once = app_import_once_check(a, ac, k->what, opts, res, e);
	if (once)
		return app_nest_end(a, once > 0 ? ERR_OK : e->code ? e->code : ERR_STORAGE, e);
	err_init(&row);
	rd = csv_reader_new(app_csv_read, opts->in, 0);
	got = csv_next(rd, &rec, &ce);
	if (got == 0) {
		err_add(e, ERR_INPUT, 1, NULL, NULL, NULL,
			"the file is empty; it needs a header row (see docs/cadres.md)");
		goto done;
	}
	if (got < 0) {
		err_add(e, ERR_INPUT, ce.line, NULL, NULL, NULL, "%s", ce.msg);
		goto done;
	}
	if (app_csv_header(&cols, &rec, e))
		goto done;
	if (!has_col(&cols, k->one_of[0]) && !has_col(&cols, k->one_of[1])) {
		err_add(e, ERR_INPUT, rec.line, k->one_of[0], NULL, NULL,
			"name the member: a %s or a %s column", k->one_of[0], k->one_of[1]);
		goto done;
	}
	while (!fatal && (got = csv_next(rd, &rec, &ce)) != 0) {
		res->rows++;
		if (got < 0) {
			err_add(e, ERR_INPUT, ce.line, NULL, NULL, NULL, "%s", ce.msg);
			res->rejected++;
			fatal = got == -2;
			continue;
		}
		if (rec.nfields != cols.nfile)
			err_add(&row, ERR_INPUT, rec.line, NULL, NULL, NULL,
				"the row has %zu fields but the header has %zu; check for a missing "
				"or extra comma",
				rec.nfields, cols.nfile);
		else
			k->row(a, ac, opts, &cols, &rec, &row);
		if (row.code == ERR_STORAGE || row.code == ERR_INTERNAL)
			fatal = 1;
		if (row.code) {
			res->rejected++;
			take_row(e, &row, rec.line, k->alias);
		} else {
			res->imported++;
		}
	}
	if (!e->code && !res->rows)
		err_add(e, ERR_INPUT, 0, NULL, NULL, NULL, "%s", k->nothing);
	if (e->code || app_import_finish(a, ac, k->what, opts, res, e))
		goto done;
	memset(&scope, 0, sizeof scope);
	{
		struct err tmp;

		err_init(&tmp);
		if (ac->scope_code[0])
			store_org_by_code(a->st, ac->scope_code, &scope, &tmp);
		else
			store_org_walk(a->st, 1, 1, 0, first_org, &scope, &tmp);
		err_cleanup(&tmp);
	}
	snprintf(subject, sizeof subject, "file:%s", opts->in_name ? opts->in_name : "-");
	snprintf(action, sizeof action, "import.%s", k->what);
	after = app_json("{s:I,s:I}", "rows", (json_int_t)res->rows, "imported",
			 (json_int_t)res->imported);
	app_audit(a, ac, action, subject, scope.id, NULL, after, e);
	free(after);
done:
	rc = app_nest_end(a, e->code, e);
	if (rc)
		res->imported = 0;
	csv_reader_free(rd);
	err_cleanup(&row);
	return rc;
}

/* ---- fields of a row ------------------------------------------------------------------- */

/* A date column (required: a problem when empty). */
static date_t row_date(const struct csv_record *r, const char *name, const char *v, int required,
		       struct err *row)
{
	const char *why = NULL;
	date_t d = DATE_NONE;

	if (!v[0]) {
		if (required)
			err_add(row, ERR_INPUT, r->line, name, NULL, NULL,
				"the %s is required (YYYY-MM-DD)", name);
		return DATE_NONE;
	}
	if (date_parse(v, &d, &why)) {
		err_add(row, ERR_INPUT, r->line, name, v, NULL,
			"'%s' is not a date: %s (write YYYY-MM-DD)", v, why ? err_tr(why) : "");
		return DATE_NONE;
	}
	return d;
}

/* A whole number column >= 0 (-1 when empty; -2 after a problem). */
static long row_count(const struct csv_record *r, const char *name, const char *v,
		      struct err *row)
{
	char *end = NULL;
	long n;

	if (!v[0])
		return -1;
	errno = 0;
	n = strtol(v, &end, 10);
	if (*end || n < 0 || n > 10000 || errno) {
		err_add(row, ERR_INPUT, r->line, name, v, NULL,
			"the %s is a whole number (0 to 10000)", name);
		return -2;
	}
	return n;
}

/* The member of a row: its id in column id_col, else its personal-history number in
 * history_no (0 after a problem). */
static int64_t row_member(struct app *a, const struct csv_columns *c, const struct csv_record *r,
			  const char *id_col, struct err *row)
{
	const char *v = col(c, r, id_col), *h = col(c, r, "history_no");
	long long id = 0;
	char *end = NULL;

	if (v[0]) {
		errno = 0;
		id = strtoll(v, &end, 10);
		if (*end || id <= 0 || errno) {
			err_add(row, ERR_INPUT, r->line, id_col, v, NULL,
				"give the member's id (a whole number; 'cadre member search NAME' "
				"finds it)");
			return 0;
		}
		return (int64_t)id;
	}
	if (h[0]) {
		int64_t holder = 0;
		long pre = 0;

		if (store_member_number_holder(a->st, MN_HISTORY_NO, h, 0, &holder, &pre, row))
			return 0;
		if (!holder)
			err_add(row, ERR_NOTFOUND, r->line, "history_no", h, NULL,
				"no member has the personal-history number '%s'; check it, or give "
				"the %s",
				h, id_col);
		return holder;
	}
	err_add(row, ERR_INPUT, r->line, id_col, NULL, NULL,
		"name the member: the %s or the history_no (personal-history number)", id_col);
	return 0;
}

/* ---- holdings ----------------------------------------------------------------------------- */

static const char *const hold_names[] = {
	"org", "kind", "member_id", "history_no", "from", "decision", "decided_on", "body",
	"acting", NULL,
};
static const char *const hold_required[] = {"org", "kind", "from", "decision", "decided_on",
					    "body", NULL};
static const struct col_alias hold_alias[] = {
	{"on", "from"}, {"member", "member_id"}, {"position", "kind"}, {NULL, NULL},
};

/* acting: empty, 0/no/false, or 1/yes/true (-1: none of them). */
static int parse_acting(const char *v)
{
	static const char *const no[] = {"", "0", "no", "false", "n", NULL};
	static const char *const yes[] = {"1", "yes", "true", "y", "acting", NULL};
	size_t i;

	for (i = 0; no[i]; i++)
		if (!strcasecmp(v, no[i]))
			return 0;
	for (i = 0; yes[i]; i++)
		if (!strcasecmp(v, yes[i]))
			return 1;
	return -1;
}

static void holding_row(struct app *a, const struct actor *ac, const struct import_opts *opts,
			const struct csv_columns *c, const struct csv_record *r, struct err *row)
{
	const char *org = col(c, r, "org"), *kind = col(c, r, "kind");
	const char *acting_v = col(c, r, "acting");
	struct cadre_decision d;
	struct position_kind pk;
	struct position p;
	struct holding h;
	struct org o;
	date_t from;
	int64_t member;
	int acting;
	char ds[DATE_STR];

	from = row_date(r, "from", col(c, r, "from"), 1, row);
	d.number = col(c, r, "decision");
	d.decided_on = row_date(r, "decided_on", col(c, r, "decided_on"), 1, row);
	d.body_code = col(c, r, "body");
	if ((acting = parse_acting(acting_v)) < 0)
		err_add(row, ERR_INPUT, r->line, "acting", acting_v, NULL,
			"acting is yes or no (1 or 0; empty: no)");
	member = row_member(a, c, r, "member_id", row);
	if (!kind[0] || store_pkind_get(a->st, kind, &pk, row) == ERR_NOTFOUND) {
		if (row->code == ERR_NOTFOUND)
			row->code = ERR_OK;
		err_add(row, ERR_INPUT, r->line, "kind", kind, NULL,
			"'%s' is not a position kind; 'cadre position kinds' lists them", kind);
	}
	if (row->code)
		return;
	if (app_org_lookup(a, ac, org, &o, 1, "org", row))
		return;
	if (store_position_find(a->st, o.id, kind, from, &p, row) == ERR_NOTFOUND) {
		row->code = ERR_OK;
		if (!opts->create_positions) {
			err_add(row, ERR_NOTFOUND, r->line, "kind", kind, NULL,
				"organisation %s has no position %s on %s: add it first ('cadre "
				"position add') or import with --create-positions",
				o.code, kind, date_format(from, ds));
			return;
		}
		if (app_position_add(a, ac, o.code, kind, 0, -1, from, &p, row))
			return;
	}
	if (row->code)
		return;
	app_appoint(a, ac, member, p.id, &d, acting, from, &h, row);
}

enum err_code app_import_holdings(struct app *a, const struct actor *ac,
				  const struct import_opts *opts, struct import_result *res,
				  struct err *e)
{
	static const struct import_kind k = {
		"holdings", "the file has a header but no holdings", hold_names, hold_required,
		{"member_id", "history_no"}, holding_row, hold_alias,
	};

	return run_import(a, ac, &k, opts, res, e);
}

/* ---- committees --------------------------------------------------------------------------- */

static const char *const com_names[] = {
	"org", "term_start", "seats", "standing_seats", "body", "decision", "member", "history_no",
	"role", "how", NULL,
};
static const char *const com_required[] = {"org", "term_start", "role", "how", NULL};
static const struct col_alias com_alias[] = {
	{"on", "term_start"}, {"members", "member"}, {NULL, NULL},
};

struct term_find {
	date_t start;
	struct committee *c;
	int found;
};

static int term_cb(void *ctx, const struct committee *c)
{
	struct term_find *t = ctx;

	if (c->term_start == t->start) {
		*t->c = *c;
		t->found = 1;
		return 1;
	}
	return 0;
}

static void committee_row(struct app *a, const struct actor *ac,
			  const struct import_opts *opts, const struct csv_columns *c,
			  const struct csv_record *r, struct err *row)
{
	const char *org = col(c, r, "org"), *how = col(c, r, "how");
	const char *decision = col(c, r, "decision"), *body = col(c, r, "body");
	struct committee_seat s;
	struct committee cm;
	struct term_find t;
	struct org o;
	long seats, standing;
	date_t start;
	char ds[DATE_STR];

	(void)opts;
	start = row_date(r, "term_start", col(c, r, "term_start"), 1, row);
	seats = row_count(r, "seats", col(c, r, "seats"), row);
	standing = row_count(r, "standing_seats", col(c, r, "standing_seats"), row);
	s.member_id = row_member(a, c, r, "member", row);
	s.role = col(c, r, "role");
	if (row->code)
		return;
	if (app_org_lookup(a, ac, org, &o, 0, "org", row))
		return;
	t.start = start;
	t.c = &cm;
	t.found = 0;
	if (store_committees(a->st, o.id, term_cb, &t, row))
		return;
	if (!t.found) {
		struct cadre_decision d;

		if (seats < 0) {
			err_add(row, ERR_INPUT, r->line, "seats", NULL, NULL,
				"%s has no committee for the term from %s: give its seats (and "
				"standing_seats) on this row, its first",
				o.code, date_format(start, ds));
			return;
		}
		d.number = decision;
		d.decided_on = start;
		d.body_code = body;
		if (app_committee_add(a, ac, o.code, start, seats, standing < 0 ? 0 : standing,
				      &d, &cm, row))
			return;
	} else if ((seats >= 0 && seats != cm.seats) ||
		   (standing >= 0 && standing != cm.standing_seats)) {
		err_add(row, ERR_INPUT, r->line, seats >= 0 && seats != cm.seats ? "seats"
										: "standing_seats",
			NULL, NULL,
			"the committee of %s for the term from %s has %ld seats, %ld of them "
			"standing: give the same numbers or leave them empty",
			o.code, date_format(start, ds), cm.seats, cm.standing_seats);
		return;
	}
	app_committee_fill(a, ac, cm.id, &s, 1, DATE_NONE, how, decision, row);
}

enum err_code app_import_committees(struct app *a, const struct actor *ac,
				    const struct import_opts *opts, struct import_result *res,
				    struct err *e)
{
	static const struct import_kind k = {
		"committees", "the file has a header but no seats", com_names, com_required,
		{"member", "history_no"}, committee_row, com_alias,
	};

	return run_import(a, ac, &k, opts, res, e);
}

/* ---- the lists as CSV or XLSX ------------------------------------------------------------- */

static const char *const pos_cols[] = {
	"id", "org", "org_name", "kind", "kind_vi", "kind_en", "side", "key", "seats", "from",
	"to", "holders", NULL,
};
static const char *const hold_cols[] = {
	"id", "position_id", "org", "kind", "member_id", "member_name", "acting", "from", "to",
	"how", "decision", "decided_on", "body", "to_difficult", "to_border", "holder_left",
	"end_how", "end_reason", "end_decision", "end_decided_on", "end_body", NULL,
};
static const char *const com_cols[] = {
	"id", "org", "term_start", "term_end", "seats", "standing_seats", "decision", "body", NULL,
};
static const char *const cm_cols[] = {
	"member_id", "member_name", "role", "from", "to", "how", "decision", "end_reason", NULL,
};
static const char *const vac_cols[] = {
	"priority", "org", "org_name", "what", "kind", "state", "seats", "filled", "acting",
	"standing_seats", "standing", "since", "days", "border", "difficult", "combat", NULL,
};

struct xo {
	struct app *a;
	const struct actor *ac;
	struct table_out *t;
	date_t on;
	struct buf names;
	struct err *e;
};

static void cell_date(struct table_out *t, date_t d)
{
	char s[DATE_STR];

	table_out_text(t, d == DATE_NONE ? "" : date_format(d, s));
}

static int x_holder_name(void *ctx, const struct holding *h)
{
	struct xo *x = ctx;

	if (x->names.len)
		buf_adds(&x->names, "; ");
	buf_printf(&x->names, "%s%s (%lld)", h->acting ? "acting " : "", h->member_name,
		   (long long)h->member_id);
	return 0;
}

static int x_position(void *ctx, const struct position *p)
{
	struct xo *x = ctx;
	int rc;

	buf_init(&x->names, 0);
	rc = app_holdings(x->a, x->ac, p->id, x->on, x_holder_name, x, x->e);
	table_out_int(x->t, p->id);
	table_out_text(x->t, p->org_code);
	table_out_text(x->t, p->org_name);
	table_out_text(x->t, p->kind);
	table_out_text(x->t, p->kind_vi);
	table_out_text(x->t, p->kind_en);
	table_out_text(x->t, p->side);
	table_out_int(x->t, p->is_key);
	table_out_int(x->t, p->seats);
	cell_date(x->t, p->valid_from);
	cell_date(x->t, p->valid_to);
	table_out_text(x->t, x->names.len ? buf_str(&x->names) : "");
	table_out_row(x->t);
	buf_cleanup(&x->names);
	return rc != ERR_OK;
}

static int x_holding(void *ctx, const struct holding *h)
{
	struct xo *x = ctx;

	table_out_int(x->t, h->id);
	table_out_int(x->t, h->position_id);
	table_out_text(x->t, h->org_code);
	table_out_text(x->t, h->pos_kind);
	table_out_int(x->t, h->member_id);
	table_out_text(x->t, h->member_name);
	table_out_int(x->t, h->acting);
	cell_date(x->t, h->valid_from);
	cell_date(x->t, h->valid_to);
	table_out_text(x->t, h->how);
	table_out_text(x->t, h->decision);
	cell_date(x->t, h->decided_on);
	table_out_text(x->t, h->body_code);
	table_out_int(x->t, h->to_difficult);
	table_out_int(x->t, h->to_border);
	table_out_int(x->t, h->holder_left);
	table_out_text(x->t, h->end_how);
	table_out_text(x->t, h->end_reason);
	table_out_text(x->t, h->end_decision);
	cell_date(x->t, h->valid_to == DATE_NONE ? DATE_NONE : h->end_decided_on);
	table_out_text(x->t, h->end_body_code);
	table_out_row(x->t);
	return 0;
}

static int x_committee(void *ctx, const struct committee *c)
{
	struct xo *x = ctx;

	table_out_int(x->t, c->id);
	table_out_text(x->t, c->org_code);
	cell_date(x->t, c->term_start);
	cell_date(x->t, c->term_end);
	table_out_int(x->t, c->seats);
	table_out_int(x->t, c->standing_seats);
	table_out_text(x->t, c->decision);
	table_out_text(x->t, c->body_code);
	table_out_row(x->t);
	return 0;
}

static int x_cmember(void *ctx, const struct committee_member *m)
{
	struct xo *x = ctx;

	table_out_int(x->t, m->member_id);
	table_out_text(x->t, m->member_name);
	table_out_text(x->t, m->role);
	cell_date(x->t, m->valid_from);
	cell_date(x->t, m->valid_to);
	table_out_text(x->t, m->how);
	table_out_text(x->t, m->decision);
	table_out_text(x->t, m->end_reason);
	table_out_row(x->t);
	return 0;
}

static void x_vacancy(struct xo *x, const struct vacancy *v, date_t as_of)
{
	table_out_int(x->t, v->priority);
	table_out_text(x->t, v->org_code);
	table_out_text(x->t, v->org_name);
	table_out_text(x->t, v->what);
	table_out_text(x->t, v->kind);
	table_out_text(x->t, v->state);
	table_out_int(x->t, v->seats);
	table_out_int(x->t, v->filled);
	table_out_int(x->t, v->acting);
	table_out_int(x->t, v->standing_seats);
	table_out_int(x->t, v->standing);
	cell_date(x->t, v->since);
	table_out_int(x->t, (long long)(as_of - v->since));
	table_out_int(x->t, v->border);
	table_out_int(x->t, v->difficult);
	table_out_int(x->t, v->combat);
	table_out_row(x->t);
}

/* The rows of q into x (the header written already). */
static enum err_code export_rows(struct xo *x, const struct cadres_list_query *q, struct err *e)
{
	struct app *a = x->a;
	const struct actor *ac = x->ac;
	long n, dif, bor, fl;

	switch (q->list) {
	case CL_POSITIONS:
		x->on = app_date(a, q->as_of);
		return app_positions(a, ac, q->org, q->as_of, x_position, x, e);
	case CL_HOLDINGS:
		return app_holdings(a, ac, q->id, q->as_of, x_holding, x, e);
	case CL_MEMBER:
		return app_member_holdings(a, ac, q->id, x_holding, x, e);
	case CL_ROTATIONS:
		return app_rotations(a, ac, q->org, q->year, x_holding, x, &n, &dif, &bor, &fl, e);
	case CL_COMMITTEES:
		return app_committees(a, ac, q->org, x_committee, x, e);
	case CL_CMEMBERS:
		return app_cmembers(a, ac, q->id, q->as_of, x_cmember, x, e);
	case CL_VACANCIES: {
		struct vacancy *v = NULL;
		size_t nv = 0, i;
		date_t on = app_date(a, q->as_of);

		if (app_vacancies(a, ac, q->org, q->as_of, &v, &nv, e))
			return e->code;
		for (i = 0; i < nv; i++)
			x_vacancy(x, &v[i], on);
		free(v);
		return ERR_OK;
	}
	}
	return err_set(e, ERR_INTERNAL, "no such list");
}

enum err_code app_cadres_export(struct app *a, const struct actor *ac,
				const struct cadres_list_query *q, enum table_format f, int *fd,
				long long *len, struct err *e)
{
	static const char *const sheets[] = {"positions", "holdings", "holdings", "rotations",
					     "committees", "committee", "vacancies"};
	const char *const *cols[] = {pos_cols, hold_cols, hold_cols, hold_cols,
				     com_cols, cm_cols, vac_cols};
	const char *const *c;
	struct xo x;
	enum err_code rc;

	*fd = -1;
	*len = 0;
	memset(&x, 0, sizeof x);
	x.a = a;
	x.ac = ac;
	x.e = e;
	if ((unsigned)q->list > CL_VACANCIES)
		return err_set(e, ERR_INTERNAL, "no such list");
	if (!(x.t = table_out_new(f, sheets[q->list], e)))
		return e->code;
	for (c = cols[q->list]; *c; c++)
		table_out_text(x.t, *c);
	table_out_row(x.t);
	rc = export_rows(&x, q, e);
	if (rc || e->code) {
		int tfd;
		long long tlen;
		struct err tmp;

		err_init(&tmp);
		if (!table_out_finish(x.t, &tfd, &tlen, &tmp))
			close(tfd);
		err_cleanup(&tmp);
		return rc ? rc : e->code;
	}
	return table_out_finish(x.t, fd, len, e);
}

enum err_code app_cadres_export_file(struct app *a, const struct actor *ac,
				     const struct cadres_list_query *q, enum table_format f,
				     const char *path, struct err *e)
{
	long long len;
	int fd;

	if (app_cadres_export(a, ac, q, f, &fd, &len, e))
		return e->code;
	return table_out_save(fd, path, e);
}
