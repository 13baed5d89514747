/* app_io.c - importing and exporting organisations and members as CSV (docs/csv.md). */
#include <errno.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../lib/csv.h"
#include "../lib/mem.h"
#include "../core/vi_codes.h"
#include "../lib/progress.h"
#include "app_int.h"

/* ---- a small string -> index map (open addressing, FNV-1a) ------------------------- */

struct strmap {
	char **keys;
	long *vals;
	size_t cap, n;
};

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static void strmap_grow(struct strmap *m);

static void strmap_put(struct strmap *m, const char *k, long v)
{
	size_t i;

	if ((m->n + 1) * 2 > m->cap)
		strmap_grow(m);
	for (i = hash_str(k) & (m->cap - 1); m->keys[i]; i = (i + 1) & (m->cap - 1))
		if (strcmp(m->keys[i], k) == 0) {
			m->vals[i] = v;
			return;
		}
	m->keys[i] = xstrdup(k);
	m->vals[i] = v;
	m->n++;
}

static void strmap_grow(struct strmap *m)
{
	struct strmap old = *m;
	size_t i;

	m->cap = m->cap ? m->cap * 2 : 1024;
	m->keys = xcalloc(m->cap, sizeof *m->keys);
	m->vals = xcalloc(m->cap, sizeof *m->vals);
	m->n = 0;
	for (i = 0; i < old.cap; i++)
		if (old.keys[i]) {
			strmap_put(m, old.keys[i], old.vals[i]);
			free(old.keys[i]);
		}
	free(old.keys);
	free(old.vals);
}

static long strmap_get(const struct strmap *m, const char *k)
{
	size_t i;

	if (!m->cap)
		return -1;
	for (i = hash_str(k) & (m->cap - 1); m->keys[i]; i = (i + 1) & (m->cap - 1))
		if (strcmp(m->keys[i], k) == 0)
			return m->vals[i];
	return -1;
}

static void strmap_free(struct strmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

/* ---- reading a CSV with its header ------------------------------------------------- */

long app_csv_read(void *ctx, char *p, size_t n)
{
	FILE *f = ctx;
	size_t got = fread(p, 1, n, f);

	if (got == 0 && ferror(f))
		return -1;
	return (long)got;
}

const char *app_csv_col_name(const struct csv_columns *c, size_t col)
{
	return col >= 1 && col <= c->nfile && col <= 64 ? c->hdr[col - 1] : "";
}

int app_csv_header(struct csv_columns *c, const struct csv_record *h, struct err *e)
{
	size_t i, k;
	int bad = 0;

	c->nfile = h->nfields;
	for (k = 0; c->names[k]; k++)
		c->idx[k] = -1;
	for (i = 0; i < h->nfields && i < 64; i++)
		snprintf(c->hdr[i], sizeof c->hdr[i], "%s", h->field[i]);
	for (i = 0; i < h->nfields; i++) {
		for (k = 0; c->names[k]; k++)
			if (strcmp(h->field[i], c->names[k]) == 0)
				break;
		if (!c->names[k]) {
			err_add(e, ERR_INPUT, h->line, h->field[i], h->field[i], NULL,
				"column %zu '%s' is not a known column; see docs/csv.md", i + 1,
				h->field[i]);
			bad = 1;
		} else if (c->idx[k] >= 0) {
			err_add(e, ERR_INPUT, h->line, h->field[i], h->field[i], NULL,
				"column '%s' appears twice in the header", h->field[i]);
			bad = 1;
		} else {
			c->idx[k] = (int)i;
		}
	}
	for (i = 0; c->required[i]; i++) {
		for (k = 0; c->names[k]; k++)
			if (strcmp(c->names[k], c->required[i]) == 0)
				break;
		if (c->idx[k] < 0) {
			err_add(e, ERR_INPUT, h->line, c->required[i], NULL, NULL,
				"the header has no '%s' column, which is required", c->required[i]);
			bad = 1;
		}
	}
	return bad ? -1 : 0;
}

const char *app_csv_col(const struct csv_columns *c, const struct csv_record *r, int k)
{
	return c->idx[k] >= 0 && (size_t)c->idx[k] < r->nfields ? r->field[c->idx[k]] : "";
}

/* Write a rejected row: its fields then the reasons. */
static void write_reject(FILE *f, const struct csv_record *r, const struct err *e, size_t from,
			 long line)
{
	struct buf b, why;
	size_t i;

	buf_init(&b, 0);
	buf_init(&why, 0);
	for (i = 0; i < r->nfields; i++) {
		csv_write_field(&b, r->field[i]);
		buf_addc(&b, ',');
	}
	for (i = from; i < e->n; i++) {
		if (e->items[i].line != line)
			continue;
		if (why.len)
			buf_adds(&why, "; ");
		if (e->items[i].field[0])
			buf_printf(&why, "%s: ", e->items[i].field);
		buf_adds(&why, e->items[i].msg);
	}
	csv_write_field(&b, buf_str(&why));
	buf_addc(&b, '\n');
	fwrite(b.s, 1, b.len, f);
	buf_cleanup(&b);
	buf_cleanup(&why);
}

static void write_reject_header(FILE *f, const struct csv_record *h)
{
	struct buf b;
	size_t i;

	buf_init(&b, 0);
	for (i = 0; i < h->nfields; i++) {
		csv_write_field(&b, h->field[i]);
		buf_addc(&b, ',');
	}
	buf_adds(&b, "error\n");
	fwrite(b.s, 1, b.len, f);
	buf_cleanup(&b);
}

static int parse_count(const char *s, long *out)
{
	char *end;
	long v;

	if (!s[0]) {
		*out = -1;
		return 0;
	}
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || v < 0 || v > 100000000)
		return -1;
	*out = v;
	return 0;
}

static int parse_date_field(const char *s, date_t *out, const char *name, struct err *e,
			    long line)
{
	const char *why;

	if (!s[0]) {
		*out = DATE_NONE;
		return 0;
	}
	if (date_parse(s, out, &why)) {
		err_add(e, ERR_INPUT, line, name, s, NULL, "%s %s", s, err_tr(why));
		return -1;
	}
	return 0;
}

static int first_org(void *ctx, const struct org *o)
{
	*(struct org *)ctx = *o;
	return 1;
}

/* An import is one audit entry (not one a row): which file, how many rows, under whose
 * scope. */
static enum err_code audit_import(struct app *a, const struct actor *ac, const char *action,
				  const struct import_opts *opts, const struct import_result *res,
				  struct err *e)
{
	struct org scope;
	char subject[64];
	char *after;
	enum err_code rc;
	struct err tmp;

	err_init(&tmp);
	memset(&scope, 0, sizeof scope);
	if (ac->scope_code[0])
		store_org_by_code(a->st, ac->scope_code, &scope, &tmp);
	else
		store_org_walk(a->st, 1, 1, 0, first_org, &scope, &tmp);
	err_cleanup(&tmp);
	snprintf(subject, sizeof subject, "file:%s", opts->in_name ? opts->in_name : "-");
	after = app_json("{s:I,s:I,s:I}", "rows", (json_int_t)res->rows, "imported",
			 (json_int_t)res->imported, "rejected", (json_int_t)res->rejected);
	rc = app_audit(a, ac, action, subject, scope.id, NULL, after, e);
	free(after);
	/* A signed checkpoint at the end of every import (docs/audit.md). */
	if (!rc)
		rc = app_audit_checkpoint(a, e);
	return rc;
}

/* ---- organisations ------------------------------------------------------------------ */

static const char *const org_cols[] = {
	"code", "parent_code", "name", "kind", "grassroots_type", "standing_board",
	"local_committee", "militia", "self_defence", "reserve", "established", NULL,
};
static const char *const org_required[] = {"code", "parent_code", "name", "kind", NULL};
enum { OC_CODE, OC_PARENT, OC_NAME, OC_KIND, OC_GTYPE, OC_BOARD, OC_LOCAL, OC_MILITIA,
       OC_SELFDEF, OC_RESERVE, OC_ESTABLISHED };

struct org_row {
	struct org o;
	long line;
	int bad;
	long parent_row;   /* index of the parent row in the file, or -1 */
	struct csv_record rec; /* kept only with --skip-bad, for the rejects file */
	char **fields;
};

static void keep_record(struct org_row *r, const struct csv_record *rec)
{
	size_t i;

	r->rec.nfields = rec->nfields;
	r->rec.line = rec->line;
	r->rec.field = xmalloc((rec->nfields ? rec->nfields : 1) * sizeof(char *));
	r->rec.len = NULL;
	for (i = 0; i < rec->nfields; i++)
		r->rec.field[i] = xstrdup(rec->field[i]);
}

static void free_record(struct csv_record *r)
{
	size_t i;

	for (i = 0; i < r->nfields; i++)
		free(r->field[i]);
	free(r->field);
}

static void parse_org_row(struct org_row *row, const struct csv_columns *c,
			  const struct csv_record *r, date_t today, struct err *e)
{
	struct org *o = &row->o;
	const char *v, *why;
	size_t before = e->n + e->dropped;

	memset(o, 0, sizeof *o);
	o->militia = o->self_defence = o->reserve = -1;
	o->dissolved = DATE_NONE;
	row->line = r->line;
	row->parent_row = -1;
	if (r->nfields != c->nfile) {
		err_add(e, ERR_INPUT, r->line, NULL, NULL, NULL,
			"the row has %zu fields but the header has %zu; check for a missing or "
			"extra comma", r->nfields, c->nfile);
		row->bad = 1;
		return;
	}
	v = app_csv_col(c, r, OC_CODE);
	if (org_code_check(v, &why))
		err_add(e, ERR_INPUT, r->line, "code", v, NULL, "%s", err_tr(why));
	snprintf(o->code, sizeof o->code, "%s", v);
	v = app_csv_col(c, r, OC_PARENT);
	if (v[0] && org_code_check(v, &why))
		err_add(e, ERR_INPUT, r->line, "parent_code", v, NULL, "%s", err_tr(why));
	snprintf(o->parent_code, sizeof o->parent_code, "%s", v);
	v = app_csv_col(c, r, OC_NAME);
	{
		struct buf n;

		buf_init(&n, 0);
		if (!v[0])
			err_add(e, ERR_INPUT, r->line, "name", "", NULL, "the name is missing");
		else if (vname_normalize(v, &n, &why))
			err_add(e, ERR_INPUT, r->line, "name", v, NULL, "%s", err_tr(why));
		else
			snprintf(o->name, sizeof o->name, "%s", buf_str(&n));
		buf_cleanup(&n);
	}
	v = app_csv_col(c, r, OC_KIND);
	if (org_kind_parse(v, &o->kind))
		err_add(e, ERR_INPUT, r->line, "kind", v, NULL,
			"kind must be one of committee, grassroots, subcommittee, cell");
	text_accept(app_csv_col(c, r, OC_GTYPE), sizeof o->grassroots_type - 1, 0,
		    o->grassroots_type, sizeof o->grassroots_type, e, r->line, "grassroots_type",
		    NULL);
	v = app_csv_col(c, r, OC_BOARD);
	if (v[0] && strcmp(v, "0") && strcmp(v, "1"))
		err_add(e, ERR_INPUT, r->line, "standing_board", v, NULL,
			"standing_board is 1 (has a cell committee) or 0");
	o->standing_board = v[0] == '1';
	v = app_csv_col(c, r, OC_LOCAL);
	text_accept(v, ORG_NAME_MAX, 0, o->local_committee, sizeof o->local_committee, e, r->line,
		    "local_committee", NULL);
	if (parse_count(app_csv_col(c, r, OC_MILITIA), &o->militia))
		err_add(e, ERR_INPUT, r->line, "militia", app_csv_col(c, r, OC_MILITIA), NULL,
			"a headcount is a whole number, 0 or more");
	if (parse_count(app_csv_col(c, r, OC_SELFDEF), &o->self_defence))
		err_add(e, ERR_INPUT, r->line, "self_defence", app_csv_col(c, r, OC_SELFDEF), NULL,
			"a headcount is a whole number, 0 or more");
	if (parse_count(app_csv_col(c, r, OC_RESERVE), &o->reserve))
		err_add(e, ERR_INPUT, r->line, "reserve", app_csv_col(c, r, OC_RESERVE), NULL,
			"a headcount is a whole number, 0 or more");
	parse_date_field(app_csv_col(c, r, OC_ESTABLISHED), &o->established, "established", e, r->line);
	if (o->established == DATE_NONE)
		o->established = today;
	if (o->grassroots_type[0]) {
		struct err tmp;

		err_init(&tmp);
		org_validate(o, &tmp, r->line);
		for (size_t i = 0; i < tmp.n; i++)
			if (strcmp(tmp.items[i].field, "grassroots_type") == 0)
				err_add(e, tmp.items[i].line ? ERR_INPUT : ERR_INPUT, r->line,
					"grassroots_type", o->grassroots_type, NULL, "%s",
					tmp.items[i].msg);
		err_cleanup(&tmp);
	}
	if (e->n + e->dropped > before)
		row->bad = 1;
}

/* Mark a row bad with a reason, once. */
static void org_row_bad(struct org_row *row, struct err *e, const char *field, const char *value,
			const char *rule, const char *msg)
{
	err_add(e, rule ? ERR_RULE : ERR_INPUT, row->line, field, value, rule, "%s", msg);
	row->bad = 1;
}

enum err_code app_import_orgs(struct app *a, const struct actor *ac,
			      const struct import_opts *opts, struct import_result *res,
			      struct err *e)
{
	struct csv_reader *rd;
	struct csv_record rec;
	struct csv_error ce;
	struct csv_columns c = {.names = org_cols, .required = org_required};
	struct org_row *rows = NULL;
	size_t n = 0, cap = 0, i;
	struct strmap codes = {0};
	struct progress pg;
	long existing = 0, pre, last, roots = 0;
	long *parent = NULL;
	struct tree tr;
	int got, have_header = 0, changed = 1;
	enum err_code rc = ERR_OK;
	char msg[300];

	memset(res, 0, sizeof *res);
	if (app_can_edit(ac, e))
		return e->code;
	if (app_scope(a, ac, &pre, &last, e))
		return e->code;
	rd = csv_reader_new(app_csv_read, opts->in, 0);
	if (!a->quiet)
		progress_start(&pg, "reading organisations", (unsigned long long)opts->in_size);
	while ((got = csv_next(rd, &rec, &ce)) != 0) {
		if (got == -2) {
			err_add(e, ERR_INPUT, ce.line, NULL, NULL, NULL, "%s", ce.msg);
			rc = ERR_INPUT;
			break;
		}
		if (!have_header) {
			if (got < 0) {
				err_add(e, ERR_INPUT, ce.line, NULL, NULL, NULL, "header: %s", ce.msg);
				rc = ERR_INPUT;
				break;
			}
			if (app_csv_header(&c, &rec, e)) {
				rc = ERR_INPUT;
				break;
			}
			if (opts->rejects)
				write_reject_header(opts->rejects, &rec);
			have_header = 1;
			continue;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			rows = xrealloc(rows, cap * sizeof *rows);
		}
		memset(&rows[n], 0, sizeof rows[n]);
		res->rows++;
		if (got < 0) {
			rows[n].line = ce.line;
			rows[n].bad = 1;
			rows[n].parent_row = -1;
			err_add(e, ERR_INPUT, ce.line, app_csv_col_name(&c, ce.column), NULL, NULL, "%s",
				ce.msg);
			n++;
			continue;
		}
		parse_org_row(&rows[n], &c, &rec, a->today, e);
		if (!rows[n].bad && rows[n].o.established > a->today) {
			char d1[DATE_STR], d2[DATE_STR];

			snprintf(msg, sizeof msg, "established on %s, after today (%s)",
				 date_format(rows[n].o.established, d1), date_format(a->today, d2));
			org_row_bad(&rows[n], e, "established", d1, R_MEMBER_DATES, msg);
		}
		if (opts->rejects)
			keep_record(&rows[n], &rec);
		n++;
		if (!a->quiet)
			progress_update(&pg, csv_offset(rd));
	}
	if (!a->quiet)
		progress_end(&pg);
	csv_reader_free(rd);
	if (rc)
		goto out;
	if (!have_header) {
		rc = err_add(e, ERR_INPUT, 1, NULL, NULL, NULL,
			     "the file is empty; it needs a header row (see docs/csv.md)");
		goto out;
	}

	if ((rc = app_begin(a, e)))
		goto out;
	switch (app_import_once_check(a, ac, "orgs", opts, res, e)) {
	case 1:
		rc = app_end(a, ERR_OK, e);
		goto out;
	case -1:
		rc = app_end(a, e->code ? e->code : ERR_STORAGE, e);
		goto out;
	}
	if ((rc = store_org_count(a->st, &existing, e)))
		goto rollback;
	/* Codes: unique in the file and new to the database. */
	for (i = 0; i < n; i++) {
		struct org tmp;
		struct err te;

		if (!rows[i].o.code[0])
			continue;
		if (strmap_get(&codes, rows[i].o.code) >= 0) {
			snprintf(msg, sizeof msg, "the code '%s' appears again (first on line %ld)",
				 rows[i].o.code, rows[strmap_get(&codes, rows[i].o.code)].line);
			org_row_bad(&rows[i], e, "code", rows[i].o.code, NULL, msg);
			continue;
		}
		strmap_put(&codes, rows[i].o.code, (long)i);
		err_init(&te);
		if (existing && store_org_by_code(a->st, rows[i].o.code, &tmp, &te) == ERR_OK) {
			/* Not a word of an organisation outside the actor's scope (issue 9,
			 * item 12): only that the code cannot be used. */
			if (tmp.pre >= pre && tmp.pre <= last)
				snprintf(msg, sizeof msg, "the code '%s' is already used in the "
					 "database", rows[i].o.code);
			else
				snprintf(msg, sizeof msg, "the code '%s' cannot be used; choose "
					 "another code", rows[i].o.code);
			org_row_bad(&rows[i], e, "code", rows[i].o.code, NULL, msg);
		}
		err_cleanup(&te);
	}
	/* Parents: in the file, or an active organisation in the database within scope. */
	parent = xmalloc((n ? n : 1) * sizeof *parent);
	for (i = 0; i < n; i++) {
		struct org *o = &rows[i].o;
		long pi;

		parent[i] = -1;
		if (rows[i].bad && !o->code[0])
			continue;
		if (!o->parent_code[0]) {
			roots++;
			if (existing || ac->scope_code[0] || roots > 1)
				org_row_bad(&rows[i], e, "parent_code", "", NULL,
					    existing || ac->scope_code[0]
						    ? "the tree already has a root; give the code of "
						      "the parent"
						    : "a second root: only one organisation may have "
						      "an empty parent_code");
			continue;
		}
		pi = strmap_get(&codes, o->parent_code);
		if (pi >= 0) {
			if (pi == (long)i) {
				org_row_bad(&rows[i], e, "parent_code", o->parent_code, NULL,
					    "an organisation cannot be its own parent");
				continue;
			}
			parent[i] = pi;
			rows[i].parent_row = pi;
		} else {
			struct org p;
			struct err te;

			err_init(&te);
			if (store_org_by_code(a->st, o->parent_code, &p, &te) ||
			    p.dissolved != DATE_NONE || p.pre < pre || p.pre > last) {
				snprintf(msg, sizeof msg,
					 "the parent '%s' is neither in this file nor in the database",
					 o->parent_code);
				org_row_bad(&rows[i], e, "parent_code", o->parent_code, NULL, msg);
			} else {
				o->parent_id = p.id;
				if (!rows[i].bad &&
				    org_check_nesting(p.kind, o->kind, o->established, &a->rules, e,
						      rows[i].line, p.code))
					rows[i].bad = 1;
				else if (!rows[i].bad && o->established < p.established) {
					char d1[DATE_STR], d2[DATE_STR];

					snprintf(msg, sizeof msg, "established on %s, before its parent "
						 "'%s' (established %s)", date_format(o->established, d1),
						 p.code, date_format(p.established, d2));
					org_row_bad(&rows[i], e, "established", d1, R_MEMBER_DATES, msg);
				}
			}
			err_cleanup(&te);
		}
	}
	/* Cycles among the file's rows. */
	{
		long cyc = -1;

		if (tree_build(&tr, parent, n, NULL, NULL, &cyc)) {
			/* Report every row on a cycle, then cut them out. */
			for (i = 0; i < n; i++) {
				long v = (long)i, steps = 0;

				while (v >= 0 && steps <= (long)n) {
					v = parent[v];
					steps++;
					if (v == (long)i)
						break;
				}
				if (v == (long)i) {
					snprintf(msg, sizeof msg,
						 "'%s' is its own ancestor through parent '%s': the "
						 "parent links form a cycle", rows[i].o.code,
						 rows[i].o.parent_code);
					org_row_bad(&rows[i], e, "parent_code", rows[i].o.parent_code,
						    NULL, msg);
				}
			}
			for (i = 0; i < n; i++)
				if (rows[i].bad)
					parent[i] = -1;
			tree_cleanup(&tr);
			tree_build(&tr, parent, n, NULL, NULL, &cyc);
		}
	}
	/* Nesting within the file, and bad parents make bad children (with --skip-bad). */
	for (i = 0; i < n; i++) {
		long v = tr.order[i], p = rows[v].parent_row;

		if (p < 0)
			continue;
		if (rows[p].bad && !rows[v].bad) {
			snprintf(msg, sizeof msg, "its parent '%s' (line %ld) was rejected",
				 rows[v].o.parent_code, rows[p].line);
			org_row_bad(&rows[v], e, "parent_code", rows[v].o.parent_code, NULL, msg);
			continue;
		}
		if (!rows[v].bad && !rows[p].bad &&
		    org_check_nesting(rows[p].o.kind, rows[v].o.kind, rows[v].o.established,
				      &a->rules, e, rows[v].line, rows[p].o.code))
			rows[v].bad = 1;
		else if (!rows[v].bad && rows[v].o.established < rows[p].o.established) {
			char d1[DATE_STR], d2[DATE_STR];

			snprintf(msg, sizeof msg, "established on %s, before its parent '%s' "
				 "(established %s on line %ld)", date_format(rows[v].o.established, d1),
				 rows[p].o.code, date_format(rows[p].o.established, d2), rows[p].line);
			org_row_bad(&rows[v], e, "established", d1, R_MEMBER_DATES, msg);
		}
	}
	for (i = 0; i < n; i++)
		if (rows[i].bad)
			res->rejected++;
	if (res->rejected && !opts->rejects) {
		tree_cleanup(&tr);
		rc = ERR_INPUT;
		goto rollback;
	}
	/* Insert in pre-order, so each parent has its id before its children. */
	for (i = 0; i < n && !rc; i++) {
		long v = tr.order[i];
		char *detail;

		if (rows[v].bad) {
			if (opts->rejects && rows[v].rec.field)
				write_reject(opts->rejects, &rows[v].rec, e, 0, rows[v].line);
			continue;
		}
		if (rows[v].parent_row >= 0)
			rows[v].o.parent_id = rows[rows[v].parent_row].o.id;
		if ((rc = store_org_insert(a->st, &rows[v].o, e)))
			break;
		detail = app_json("{s:s,s:s,s:s}", "name", rows[v].o.name, "kind",
				  org_kind_name(rows[v].o.kind), "source", "import");
		rc = store_org_event_add(a->st, rows[v].o.established, "establish", rows[v].o.id,
					 rows[v].o.parent_id, detail, ac->name, NULL, e);
		free(detail);
		res->imported++;
	}
	tree_cleanup(&tr);
	if (!rc && res->imported)
		rc = store_org_renumber(a->st, e);
	if (!rc)
		rc = app_import_finish(a, ac, "orgs", opts, res, e);
	if (!rc && res->imported)
		rc = audit_import(a, ac, "import.orgs", opts, res, e);
	(void)changed;
rollback:
	if (rc == ERR_OK && opts->rejects)
		e->code = ERR_OK; /* rejected rows are reported, the good ones kept */
	rc = app_end(a, rc, e);
	if (opts->rejects && rc == ERR_INPUT && res->imported)
		rc = ERR_OK;
out:
	for (i = 0; i < n; i++)
		if (rows[i].rec.field)
			free_record(&rows[i].rec);
	free(rows);
	free(parent);
	strmap_free(&codes);
	return rc;
}

/* ---- members ------------------------------------------------------------------------ */

static const char *const member_cols[] = {
	"id", "org_code", "full_name", "sex", "birth_date", "ethnicity", "religion", "hometown",
	"citizen_id", "education", "theory_level", "rank", "category", "post", "history_no",
	"card_no", "phone", "admission_decision_date", "admission_ceremony_date",
	"official_date", "status", NULL,
};
static const char *const member_required[] = {
	"org_code", "full_name", "sex", "birth_date", "ethnicity", "hometown",
	"admission_decision_date", "admission_ceremony_date", "official_date", "status", NULL,
};
enum { MC_ID, MC_ORG, MC_NAME };

struct org_info {
	int64_t id;
	int visible;
	date_t established;
};

struct org_map_ctx {
	struct strmap *codes;
	struct org_info **info;
	size_t *n, *cap;
	long pre, last;
};

static int org_map_add(void *ctx, const struct org *o)
{
	struct org_map_ctx *c = ctx;

	if (*c->n == *c->cap) {
		*c->cap = *c->cap ? *c->cap * 2 : 1024;
		*c->info = xrealloc(*c->info, *c->cap * sizeof **c->info);
	}
	(*c->info)[*c->n].id = o->id;
	(*c->info)[*c->n].visible = o->pre >= c->pre && o->pre <= c->last;
	(*c->info)[*c->n].established = o->established;
	strmap_put(c->codes, o->code, (long)*c->n);
	(*c->n)++;
	return 0;
}

/* Parse one member row into m; every problem goes to e. Returns 0 when the row is good. */
/* The text columns and where they go in struct member. */
static const struct {
	int col;
	size_t off, cap;
} member_text_cols[] = {
#define T(c, f) {c, offsetof(struct member, f), sizeof(((struct member *)0)->f)}
	T(3, sex), T(5, ethnicity), T(6, religion), T(7, hometown), T(8, citizen_id),
	T(9, education), T(10, theory_level), T(11, rank), T(12, category), T(13, post),
	T(14, history_no), T(15, card_no), T(16, phone),
#undef T
};
enum { MC_BIRTH = 4, MC_DECISION = 17, MC_CEREMONY = 18, MC_OFFICIAL = 19, MC_STATUS = 20 };

static int parse_member_row(struct app *a, const struct csv_columns *c,
			    const struct csv_record *r, const struct strmap *codes,
			    const struct org_info *info, struct member *m, struct err *e)
{
	static const int date_cols[] = {MC_BIRTH, MC_DECISION, MC_CEREMONY, MC_OFFICIAL};
	size_t before = e->n + e->dropped, i;
	int bad_status = 0;
	const char *v;
	long k;

	memset(m, 0, sizeof *m);
	m->org_since = m->status_since = m->temp_until = DATE_NONE;
	if (r->nfields != c->nfile) {
		err_add(e, ERR_INPUT, r->line, NULL, NULL, NULL,
			"the row has %zu fields but the header has %zu; check for a missing or "
			"extra comma", r->nfields, c->nfile);
		return -1;
	}
	v = app_csv_col(c, r, MC_ID);
	if (v[0]) {
		char *end;
		long long id;

		errno = 0;
		id = strtoll(v, &end, 10);
		if (errno || *end || id <= 0)
			err_add(e, ERR_INPUT, r->line, "id", v, NULL,
				"an id is a positive whole number; leave it empty to have one assigned");
		else
			m->id = id;
	}
	v = app_csv_col(c, r, MC_ORG);
	k = strmap_get(codes, v);
	if (k < 0 || !info[k].visible)
		err_add(e, ERR_INPUT, r->line, "org_code", v, NULL,
			v[0] ? "no active organisation has this code; import the organisations first"
			     : "the organisation code is missing");
	else {
		m->org_id = info[k].id;
		snprintf(m->org_code, sizeof m->org_code, "%s", v);
	}
	member_set_name(m, app_csv_col(c, r, MC_NAME), e, r->line);
	for (i = 0; i < sizeof member_text_cols / sizeof member_text_cols[0]; i++) {
		char *dst = (char *)m + member_text_cols[i].off;

		/* As typed in a form: NFC, trimmed, no control or bidi character (core/text). */
		v = app_csv_col(c, r, member_text_cols[i].col);
		text_accept(v, member_text_cols[i].cap - 1,
			    member_text_cols[i].cap == M_TEXT ? TEXT_LINES : 0, dst,
			    member_text_cols[i].cap, e, r->line,
			    member_cols[member_text_cols[i].col], NULL);
	}
	for (i = 0; i < sizeof date_cols / sizeof date_cols[0]; i++) {
		date_t *dp = date_cols[i] == MC_BIRTH ? &m->birth_date :
			     date_cols[i] == MC_DECISION ? &m->admission_decision_date :
			     date_cols[i] == MC_CEREMONY ? &m->admission_ceremony_date :
							    &m->official_date;

		parse_date_field(app_csv_col(c, r, date_cols[i]), dp, member_cols[date_cols[i]], e,
				 r->line);
	}
	/* A clerk may write the sex and the status in Vietnamese ("nữ", "chính thức"). */
	if (vi_code("sex", m->sex))
		snprintf(m->sex, sizeof m->sex, "%s", vi_code("sex", m->sex));
	v = app_csv_col(c, r, MC_STATUS);
	if (member_status_parse(vi_code_or("status", v), &m->status) ||
	    !member_status_active(m->status)) {
		err_add(e, ERR_INPUT, r->line, "status", v, NULL,
			"status must be probationary, official, exempt or suspended");
		m->status = MS_OFFICIAL;
		bad_status = 1;
	}
	if (e->n + e->dropped == before) {
		/* An official date past the end of probation: official exactly then, as 'member
		 * status ... official' and 'member add' count it (R-PROBATION-MONTHS). */
		member_fix_official_date(m, &a->rules, &a->warn, r->line);
		member_validate(m, &a->rules, e, r->line);
		member_check_age(m, &a->rules, e, r->line);
		if (app_check_date(a, m->admission_decision_date, "admission_decision_date", e) ||
		    app_check_date(a, m->admission_ceremony_date, "admission_ceremony_date", e) ||
		    app_check_date(a, m->official_date, "official_date", e))
			e->items[e->n - 1].line = r->line;
	} else {
		/* Every problem of the row at once: the record's own checks too, except about
		 * the fields already named as unreadable (a date that is not one reads as
		 * missing) and, after an unknown status, the official date that depends on it. */
		struct err more;
		size_t q, j;

		err_init(&more);
		member_validate(m, &a->rules, &more, r->line);
		member_check_age(m, &a->rules, &more, r->line);
		for (q = 0; q < more.n; q++) {
			const struct err_item *it = &more.items[q];
			int seen = bad_status && !strcmp(it->field, "official_date");

			for (j = before; j < e->n && !seen; j++)
				if (!strcmp(e->items[j].field, it->field))
					seen = 1;
			if (!seen)
				err_add(e, it->rule[0] ? ERR_RULE : ERR_INPUT, r->line, it->field,
					it->value, it->rule[0] ? it->rule : NULL, "%s", it->msg);
		}
		err_cleanup(&more);
	}
	if (e->n + e->dropped > before)
		return -1;
	/* On this roll since admission, or since the organisation was established if later. */
	m->org_since = m->admission_decision_date > info[k].established ? m->admission_decision_date
									: info[k].established;
	m->status_since = m->status == MS_PROBATIONARY ? m->admission_decision_date
						       : m->official_date;
	return 0;
}

/* Sets of 64-bit keys seen in the file, each with the line it was first seen on: the hashes
 * of (dup key, birth date, home town) for in-file duplicates, the member ids, the hashes of
 * the unique numbers. Open addressing; the table grows with the rows actually read, never
 * with a value read (an id of 9000000000000000000 is one entry like any other). */
struct hashset {
	uint64_t *v;
	uint32_t *line;
	size_t cap, n;
};

/* Free the set's tables. */
static void hashset_free(struct hashset *h)
{
	xfree_big(h->v, h->cap, sizeof *h->v);
	xfree_big(h->line, h->cap, sizeof *h->line);
	memset(h, 0, sizeof *h);
}

static size_t hashset_slot(uint64_t x)
{
	/* The slot from all the bits of x (splitmix64's finaliser): the rows' hashes are
	 * built from few distinct home towns and birth dates. */
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return (size_t)x;
}

/* Add x first seen on line; returns 0 when it is new, else the line it was first seen on
 * (at least 1), or -1 when the set cannot grow (no memory: the import fails, the process
 * goes on). */
static long hashset_add(struct hashset *h, uint64_t x, long line)
{
	size_t i;

	if (x == 0)
		x = 1;
	if ((h->n + 1) * 2 > h->cap) {
		struct hashset old = *h;
		size_t cap = h->cap ? h->cap * 2 : 4096;
		uint64_t *v = calloc_big(cap, sizeof *v);
		uint32_t *ln = v ? calloc_big(cap, sizeof *ln) : NULL;

		if (!ln) {
			xfree_big(v, cap, sizeof *v);
			return -1;
		}
		h->cap = cap;
		h->v = v;
		h->line = ln;
		h->n = 0;
		for (i = 0; i < old.cap; i++)
			if (old.v[i])
				hashset_add(h, old.v[i], old.line[i]);
		hashset_free(&old);
	}
	for (i = hashset_slot(x) & (h->cap - 1); h->v[i]; i = (i + 1) & (h->cap - 1))
		if (h->v[i] == x)
			return h->line[i] ? (long)h->line[i] : 1;
	h->v[i] = x;
	h->line[i] = line > 0 && line < (long)UINT32_MAX ? (uint32_t)line : 0;
	h->n++;
	return 0;
}

/* Most rows a set is sized for up front: a bigger file grows the set as its rows come. */
#define HASHSET_RESERVE_MAX (1u << 23)

/* Size a hash set for about n entries up front (at most HASHSET_RESERVE_MAX), so a large
 * import rarely rehashes. */
static void hashset_reserve(struct hashset *h, size_t n)
{
	size_t cap = 4096;

	if (n > HASHSET_RESERVE_MAX)
		n = HASHSET_RESERVE_MAX;
	while (cap < n * 2)
		cap *= 2;
	if (cap <= h->cap)
		return;
	hashset_free(h);
	h->v = calloc_big(cap, sizeof *h->v);
	h->line = h->v ? calloc_big(cap, sizeof *h->line) : NULL;
	if (!h->line) {
		/* No room up front: the set grows as the rows come (or the import fails). */
		xfree_big(h->v, cap, sizeof *h->v);
		memset(h, 0, sizeof *h);
		return;
	}
	h->cap = cap;
	h->n = 0;
}

/* How a refused duplicate is kept after all. */
#define DUP_HINT "; if they are two people, import with --allow-duplicates (API: " \
		 "allow_duplicates=1)"

/* Ids below IDBITS_MAX seen in the file, as bits (a national roll's ids are dense): the
 * bitmap grows with the largest of them, at most IDBITS_MAX / 8 bytes (32 MiB) whatever the
 * file says; larger ids go to a hash set. */
#define IDBITS_MAX (1ULL << 28)
struct idbits {
	uint64_t *bits;
	size_t words;
};

/* Mark id (below IDBITS_MAX); 1 if it was marked already, -1 when the bitmap cannot grow. */
static int idbits_add(struct idbits *m, uint64_t id)
{
	size_t w = (size_t)(id >> 6);

	if (w >= m->words) {
		size_t nw = m->words ? m->words : 1024;
		uint64_t *b;

		while (nw <= w)
			nw *= 2;
		if (!(b = realloc(m->bits, nw * sizeof *b)))
			return -1;
		memset(b + m->words, 0, (nw - m->words) * sizeof *b);
		m->bits = b;
		m->words = nw;
	}
	if (m->bits[w] >> (id & 63) & 1)
		return 1;
	m->bits[w] |= 1ULL << (id & 63);
	return 0;
}

struct dup_warn {
	struct err *warn;     /* where a duplicate goes when duplicates are allowed */
	struct err *e;        /* where it goes when they are refused (the default) */
	int allow;
	const struct strmap *codes;
	const struct org_info *info;
	const struct member *m;
	long line;
	const char *dup_key;
};

/* Whether the organisation of code is in the actor's scope (info[].visible). */
static int org_code_visible(const struct strmap *codes, const struct org_info *info,
			    const char *code)
{
	long k = strmap_get(codes, code);

	return k >= 0 && info[k].visible;
}

static int dup_warn_cb(void *ctx, const struct member *other)
{
	struct dup_warn *d = ctx;

	if (!app_same_person(other, d->dup_key, d->m->hometown))
		return 0;
	if (d->allow)
		err_add(d->warn, ERR_OK, d->line, "full_name", d->m->full_name, NULL,
			"possible duplicate of member %lld (%s): same name, birth date and home "
			"town", (long long)other->id, other->full_name);
	else if (org_code_visible(d->codes, d->info, other->org_code))
		err_add(d->e, ERR_RULE, d->line, "full_name", d->m->full_name, NULL,
			"duplicate of member %lld (%s): same name, birth date and home town%s",
			(long long)other->id, other->full_name, DUP_HINT);
	else
		err_add(d->e, ERR_RULE, d->line, "full_name", d->m->full_name, NULL,
			"a member with the same name, birth date and home town is already on a "
			"roll%s", DUP_HINT);
	return 1; /* one report a row */
}

/* The unique numbers of m against the rows before it in the file (R-MEMBER-UNIQUE-NUMBERS).
 * Returns -1 when the set cannot grow (no memory). */
static int numbers_in_file(struct hashset *nums, const struct member *m, long line,
			   struct err *e)
{
	static const char *const field[] = {"citizen_id", "card_no", "history_no"};
	static const char *const what[] = {"citizen ID", "party card number",
					   "personal-history number"};
	const char *v[3] = {m->citizen_id, m->card_no, m->history_no};
	int i;

	for (i = 0; i < 3; i++) {
		long prev;

		if (!v[i][0])
			continue;
		prev = hashset_add(nums, hash_str(v[i]) * 3 + (uint64_t)i, line);
		if (prev < 0)
			return -1;
		if (prev)
			err_add(e, ERR_RULE, line, field[i], v[i], "R-MEMBER-UNIQUE-NUMBERS",
				"this %s is also on line %ld of the file; a number belongs to one "
				"member", what[i], prev);
	}
	return 0;
}


/* ---- the member import: a reader that prepares rows, a writer that stores them -------
 *
 * Preparing a row (CSV, validation, the ICU name keys) and storing it (SQLite) each take about
 * half the time. When the roll is empty (a first load, the bulk case) the two run on two
 * threads joined by a small queue of batches; otherwise they alternate on one thread, which
 * also lets the reader ask the database about duplicates. Only the reader touches e, a->warn
 * and the rejects file while the writer runs; the writer keeps its own problems. */

#define BATCH_ROWS 512
#define NBATCH 4

struct prepared {
	struct member m;
	size_t key_off, key_len, folded_off;
	int64_t dup_hash;
	long line;
};

struct batch {
	struct prepared *rows;
	size_t n;
	struct buf arena;
	int full;
};

struct member_import {
	struct app *a;
	const struct import_opts *opts;
	struct import_result *res;
	struct err *e;
	struct csv_reader *rd;
	struct csv_columns c;
	struct strmap codes;
	struct org_info *info;
	struct hashset seen;
	struct idbits dense;    /* member ids of the file below IDBITS_MAX */
	struct hashset ids;     /* the others */
	struct hashset nums;    /* its citizen, card and personal-history numbers */
	struct app_holidays hol; /* for the ceremony's deadline (member_warnings) */
	long pre, last;         /* the actor's scope */
	struct name_keys nk;
	struct progress pg;
	int pg_on, have_header, inserting, bulk, threaded, fatal;
	enum err_code rc;          /* the reader's result */
	/* the queue */
	struct batch b[NBATCH];
	int head, tail, done, stop;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	/* the writer's own problems */
	struct err werr;
	long wrote, wfailed;
	double wcpu, wwait, rwait; /* CADRE_TRACE: the writer's CPU seconds; waits on the queue */
};

/* Prepare one good row into batch b. */
/* Keep the row just parsed into the batch's next slot (m points at it). */
static void batch_put(struct batch *b, const struct name_keys *nk, long line)
{
	struct prepared *p = &b->rows[b->n++];

	p->line = line;
	p->key_off = b->arena.len;
	p->key_len = nk->k.sort_key_len;
	buf_add(&b->arena, nk->k.sort_key, nk->k.sort_key_len);
	p->folded_off = b->arena.len;
	buf_add(&b->arena, nk->k.folded, strlen(nk->k.folded) + 1);
	p->dup_hash = nk->k.dup_hash;
}

/* Store the rows of a batch; problems go to mi->werr. Returns -1 on a storage failure. */
static int batch_store(struct member_import *mi, struct batch *b)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		struct prepared *p = &b->rows[i];
		struct member_keys k;
		struct err ie;

		k.sort_key = (const unsigned char *)b->arena.s + p->key_off;
		k.sort_key_len = p->key_len;
		k.folded = b->arena.s + p->folded_off;
		k.dup_hash = p->dup_hash;
		err_init(&ie);
		if (store_member_insert(mi->a->st, &p->m, &k, &ie)) {
			size_t j;

			for (j = 0; j < ie.n; j++)
				ie.items[j].line = p->line;
			err_merge(&mi->werr, &ie);
			err_cleanup(&ie);
			mi->wfailed++;
			if (mi->werr.code == ERR_STORAGE)
				return -1;
			continue;
		}
		err_cleanup(&ie);
		mi->wrote++;
	}
	return 0;
}

/* Seconds on the monotonic clock, for CADRE_TRACE's phase timings. */
static double mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU seconds of the calling thread, for CADRE_TRACE. */
static double thread_cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Hand a full batch to the writer (threaded) or store it at once. */
static void batch_flush(struct member_import *mi)
{
	struct batch *b = &mi->b[mi->head];

	if (!b->n)
		return;
	if (!mi->threaded) {
		if (mi->inserting && batch_store(mi, b))
			mi->fatal = 1;
		b->n = 0;
		buf_reset(&b->arena);
		return;
	}
	double w0 = mono();

	pthread_mutex_lock(&mi->mu);
	b->full = 1;
	mi->head = (mi->head + 1) % NBATCH;
	pthread_cond_broadcast(&mi->cv);
	while (mi->b[mi->head].full && !mi->stop)
		pthread_cond_wait(&mi->cv, &mi->mu);
	pthread_mutex_unlock(&mi->mu);
	mi->rwait += mono() - w0;
}

/* The writer thread: store batches as they fill, until the reader is done. */
static void *writer_main(void *arg)
{
	struct member_import *mi = arg;

	for (;;) {
		struct batch *b;
		double w0 = mono();

		pthread_mutex_lock(&mi->mu);
		while (!mi->b[mi->tail].full && !mi->done)
			pthread_cond_wait(&mi->cv, &mi->mu);
		mi->wwait += mono() - w0;
		if (!mi->b[mi->tail].full && mi->done) {
			pthread_mutex_unlock(&mi->mu);
			break;
		}
		b = &mi->b[mi->tail];
		pthread_mutex_unlock(&mi->mu);
		if (mi->inserting && !mi->stop && batch_store(mi, b))
			mi->stop = 1;
		pthread_mutex_lock(&mi->mu);
		b->n = 0;
		buf_reset(&b->arena);
		b->full = 0;
		mi->tail = (mi->tail + 1) % NBATCH;
		pthread_cond_broadcast(&mi->cv);
		pthread_mutex_unlock(&mi->mu);
	}
	mi->wcpu = thread_cpu();
	return NULL;
}

/* The import ran out of memory for its checks: it fails alone (503 through the API). */
static void import_no_memory(struct member_import *mi, long line)
{
	mi->rc = err_add(mi->e, ERR_STORAGE, line, NULL, NULL, NULL,
			 "not enough memory to check the rows of this file; import it in parts "
			 "or try again later");
	mi->fatal = 1;
}

/* Read, check and prepare every row; good ones go to the batches. */
static void read_members(struct member_import *mi)
{
	struct csv_record rec;
	struct csv_error ce;
	struct member *m;
	struct err *e = mi->e;
	struct app *a = mi->a;
	int got;

	while ((got = csv_next(mi->rd, &rec, &ce)) != 0 && !mi->fatal && !mi->stop) {
		size_t before;
		uint64_t h;

		if (got == -2) {
			mi->rc = err_add(e, ERR_INPUT, ce.line, NULL, NULL, NULL, "%s", ce.msg);
			break;
		}
		if (!mi->have_header) {
			if (got < 0) {
				mi->rc = err_add(e, ERR_INPUT, ce.line, NULL, NULL, NULL, "header: %s",
						 ce.msg);
				break;
			}
			if (app_csv_header(&mi->c, &rec, e)) {
				mi->rc = ERR_INPUT;
				break;
			}
			if (mi->opts->rejects)
				write_reject_header(mi->opts->rejects, &rec);
			mi->have_header = 1;
			continue;
		}
		mi->res->rows++;
		before = e->n;
		if (got < 0) {
			err_add(e, ERR_INPUT, ce.line, app_csv_col_name(&mi->c, ce.column), NULL, NULL, "%s",
				ce.msg);
			mi->res->rejected++;
			if (!mi->opts->rejects)
				mi->inserting = 0;
			continue; /* the record is unreadable: nothing to write back */
		}
		/* Parse straight into the batch's next slot; it is kept only if good. */
		m = &mi->b[mi->head].rows[mi->b[mi->head].n].m;
		if (parse_member_row(a, &mi->c, &rec, &mi->codes, mi->info, m, e) == 0) {
			long prev;

			member_warnings(m, &a->rules, mi->hol.days, mi->hol.n, &a->warn, rec.line);
			prev = !m->id ? 0
			       : (uint64_t)m->id < IDBITS_MAX ? idbits_add(&mi->dense, (uint64_t)m->id)
			       : hashset_add(&mi->ids, (uint64_t)m->id, rec.line);
			if (prev < 0) {
				import_no_memory(mi, rec.line);
				break;
			} else if (prev && (uint64_t)m->id < IDBITS_MAX)
				err_add(e, ERR_INPUT, rec.line, "id", NULL, NULL,
					"member id %lld appears twice in the file",
					(long long)m->id);
			else if (prev)
				err_add(e, ERR_INPUT, rec.line, "id", NULL, NULL,
					"member id %lld appears twice in the file (first on line "
					"%ld)", (long long)m->id, prev);
			else if (name_keys_compute(&mi->nk, m)) {
				err_add(e, ERR_INPUT, rec.line, "full_name", m->full_name, NULL,
					"the name cannot be collated");
			} else {
				/* In-file duplicates: name (accents kept), birth date, home town. */
				h = hash_str(buf_str(&mi->nk.dup)) * 31 + (uint64_t)m->birth_date;
				h = h * 1099511628211ULL ^ hash_str(m->hometown);
				/* (A first load checks its numbers by the unique indexes it
				 * builds at the end: a set of them all would not fit the memory
				 * of a national roll.) */
				if ((!mi->bulk && numbers_in_file(&mi->nums, m, rec.line, e)) ||
				    (prev = hashset_add(&mi->seen, h, rec.line)) < 0) {
					import_no_memory(mi, rec.line);
					break;
				}
				if (prev)
					err_add(mi->opts->allow_duplicates ? &a->warn : e,
						mi->opts->allow_duplicates ? ERR_OK : ERR_RULE,
						rec.line, "full_name", m->full_name, NULL,
						"%s duplicate: line %ld of this file has the same name, "
						"birth date and home town%s",
						mi->opts->allow_duplicates ? "possible" : "a",
						prev, mi->opts->allow_duplicates ? "" : DUP_HINT);
				else if (!mi->bulk) {
					struct dup_warn dw = {&a->warn, e, mi->opts->allow_duplicates,
							      &mi->codes, mi->info, m, rec.line,
							      buf_str(&mi->nk.dup)};

					if (store_member_dups(a->st, mi->nk.k.dup_hash, m->birth_date,
							      dup_warn_cb, &dw, e)) {
						mi->fatal = 1;
						mi->rc = ERR_STORAGE;
						break;
					}
				}
				if (!mi->bulk) {
					struct err te;

					/* Numbers held by a member on the roll (or a former one). */
					err_init(&te);
					if (app_check_numbers(a, m, mi->pre, mi->last, rec.line, &te) &&
					    te.code == ERR_STORAGE) {
						mi->fatal = 1;
						mi->rc = ERR_STORAGE;
					}
					err_merge(e, &te);
					err_cleanup(&te);
					if (mi->fatal)
						break;
				}
				if (!mi->bulk && m->id) {
					struct member other;
					struct err te;

					err_init(&te);
					if (store_member_get(a->st, m->id, &other, &te) == ERR_OK) {
						if (org_code_visible(&mi->codes, mi->info,
								     other.org_code))
							err_add(e, ERR_RULE, rec.line, "id", NULL, NULL,
								"member id %lld is already in use; "
								"leave the id empty to have one "
								"assigned", (long long)m->id);
						else
							/* Not a word of a record outside the
							 * actor's scope (issue 9, item 12). */
							err_add(e, ERR_RULE, rec.line, "id", NULL, NULL,
								"member id %lld cannot be used; "
								"leave the id empty to have one "
								"assigned", (long long)m->id);
					}
					err_cleanup(&te);
				}
				if (e->n == before) {
					/* A first load counts the figures here, beside the
					 * storing thread rather than on it; an ethnicity too many
					 * fails the load rather than count rows under none. */
					if (mi->bulk && mi->inserting &&
					    store_member_bulk_count(a->st, m, e)) {
						e->items[e->n - 1].line = rec.line;
						snprintf(e->items[e->n - 1].field,
							 sizeof e->items[e->n - 1].field, "ethnicity");
						mi->rc = ERR_INPUT;
						mi->fatal = 1;
						break;
					}
					batch_put(&mi->b[mi->head], &mi->nk, rec.line);
					if (mi->b[mi->head].n == BATCH_ROWS)
						batch_flush(mi);
				}
			}
		}
		if (e->n > before || e->dropped) {
			mi->res->rejected++;
			if (mi->opts->rejects)
				write_reject(mi->opts->rejects, &rec, e, before, rec.line);
			else
				mi->inserting = 0;
		}
		if (mi->pg_on && (mi->res->rows & 1023) == 0)
			progress_update(&mi->pg, csv_offset(mi->rd));
	}
	batch_flush(mi);
}

static void trace(const char *what, double t0)
{
	if (getenv("CADRE_TRACE"))
		fprintf(stderr, "cadre: trace: %-28s %8.2f s\n", what, mono() - t0);
}

enum err_code app_import_members(struct app *a, const struct actor *ac,
				 const struct import_opts *opts, struct import_result *res,
				 struct err *e)
{
	double t0 = mono();
	struct member_import *mi = xcalloc(1, sizeof *mi);
	struct org_map_ctx mc;
	size_t ninfo = 0, capinfo = 0;
	long pre, last;
	int64_t max_id = 0;
	pthread_t writer;
	int i, journal_bulk = 0;
	enum err_code rc = ERR_OK;

	memset(res, 0, sizeof *res);
	if (app_can_edit(ac, e)) {
		free(mi);
		return e->code;
	}
	mi->a = a;
	mi->opts = opts;
	mi->res = res;
	mi->e = e;
	mi->c.names = member_cols;
	mi->c.required = member_required;
	mi->inserting = 1;
	err_init(&mi->werr);
	name_keys_init(&mi->nk);
	pthread_mutex_init(&mi->mu, NULL);
	pthread_cond_init(&mi->cv, NULL);
	for (i = 0; i < NBATCH; i++) {
		mi->b[i].rows = xmalloc(BATCH_ROWS * sizeof *mi->b[i].rows);
		buf_init(&mi->b[i].arena, 0);
	}
	if ((rc = app_scope(a, ac, &pre, &last, e)))
		goto out;
	/* A first load writes the new pages once: no write-ahead log for it. */
	if ((rc = store_member_max_id(a->st, &max_id, e)))
		goto out;
	if (max_id == 0 && store_journal_bulk(a->st, 1) == ERR_OK)
		journal_bulk = 1;
	if ((rc = app_begin(a, e)))
		goto out;
	if ((rc = app_holidays_load(a, &mi->hol, e))) {
		app_end(a, rc, e);
		goto out;
	}
	switch (app_import_once_check(a, ac, "members", opts, res, e)) {
	case 1:
		rc = app_end(a, ERR_OK, e);
		goto out;
	case -1:
		rc = app_end(a, e->code ? e->code : ERR_STORAGE, e);
		goto out;
	}
	mi->pre = pre;
	mi->last = last;
	mc.codes = &mi->codes;
	mc.info = &mi->info;
	mc.n = &ninfo;
	mc.cap = &capinfo;
	mc.pre = pre;
	mc.last = last;
	if ((rc = store_org_walk(a->st, 1, 1L << 40, -1, org_map_add, &mc, e)) ||
	    (rc = store_member_max_id(a->st, &max_id, e)))
		goto end;
	if (max_id == 0) {
		/* An empty roll: load without the secondary indexes and build them once. */
		if ((rc = store_bulk_begin(a->st, e)))
			goto end;
		mi->bulk = 1;
		mi->threaded = 1;
	}
	/* About 230 bytes a row in practice: size the duplicate set once. */
	if (opts->in_size > 0)
		hashset_reserve(&mi->seen, (size_t)(opts->in_size / 200));
	mi->rd = csv_reader_new(app_csv_read, opts->in, 0);
	if (!a->quiet) {
		progress_start(&mi->pg, "importing members", (unsigned long long)opts->in_size);
		mi->pg_on = 1;
	}
	if (mi->threaded && pthread_create(&writer, NULL, writer_main, mi) != 0)
		mi->threaded = 0;
	read_members(mi);
	trace("rows read and checked", t0);
	if (getenv("CADRE_TRACE"))
		fprintf(stderr, "cadre: trace: reader %.2f s CPU, %.2f s waiting\n", thread_cpu(),
			mi->rwait);
	if (mi->threaded) {
		pthread_mutex_lock(&mi->mu);
		mi->done = 1;
		pthread_cond_broadcast(&mi->cv);
		pthread_mutex_unlock(&mi->mu);
		pthread_join(writer, NULL);
		if (getenv("CADRE_TRACE"))
			fprintf(stderr, "cadre: trace: writer %.2f s CPU, %.2f s waiting\n",
				mi->wcpu, mi->wwait);
	}
	trace("rows stored", t0);
	if (mi->pg_on)
		progress_end(&mi->pg);
	rc = mi->rc;
	/* The writer's problems, each with the line its row came from. */
	if (mi->werr.code == ERR_STORAGE && !rc)
		rc = ERR_STORAGE;
	err_merge(e, &mi->werr);
	res->imported = mi->wrote;
	res->rejected += mi->wfailed;
	if (!rc && !mi->have_header)
		rc = err_add(e, ERR_INPUT, 1, NULL, NULL, NULL,
			     "the file is empty; it needs a header row (see docs/csv.md)");
	if (!rc && res->rejected && !opts->rejects)
		rc = ERR_INPUT;
	res->warnings = (long)a->warn.n;
	if (!rc)
		rc = app_import_finish(a, ac, "members", opts, res, e);
	if (!rc && res->imported)
		rc = audit_import(a, ac, "import.members", opts, res, e);
	/* The duplicate set is done with: give its memory to the index build. */
	hashset_free(&mi->seen);
	hashset_free(&mi->ids);
	hashset_free(&mi->nums);
	free(mi->dense.bits);
	memset(&mi->dense, 0, sizeof mi->dense);
	if (!rc && mi->bulk) {
		if (mi->pg_on)
			fprintf(stderr, "building the indexes of %ld members ...\n", mi->wrote);
		rc = store_bulk_end(a->st, e);
		trace("indexes built", t0);
	}
end:
	res->warnings = (long)a->warn.n;
	if (rc == ERR_OK && opts->rejects)
		e->code = ERR_OK;
	rc = app_end(a, rc, e);
	trace("committed", t0);
	if (rc)
		res->imported = 0;
out:
	if (journal_bulk)
		store_journal_bulk(a->st, 0);
	csv_reader_free(mi->rd);
	strmap_free(&mi->codes);
	free(mi->info);
	hashset_free(&mi->seen);
	hashset_free(&mi->ids);
	hashset_free(&mi->nums);
	free(mi->dense.bits);
	app_holidays_cleanup(&mi->hol);
	name_keys_cleanup(&mi->nk);
	for (i = 0; i < NBATCH; i++) {
		free(mi->b[i].rows);
		buf_cleanup(&mi->b[i].arena);
	}
	err_cleanup(&mi->werr);
	pthread_mutex_destroy(&mi->mu);
	pthread_cond_destroy(&mi->cv);
	free(mi);
	return rc;
}

/* ---- export ------------------------------------------------------------------------- */

struct export_ctx {
	FILE *out;
	struct buf b;
	struct strmap *visible;
	int failed;
	long rows; /* records written */
};

static void put_count(struct buf *b, long v)
{
	if (v >= 0)
		buf_printf(b, "%ld", v);
}

static int export_org(void *ctx, const struct org *o)
{
	struct export_ctx *x = ctx;
	char d[DATE_STR];
	const char *f[11];
	char mil[24] = "", sd[24] = "", rs[24] = "";
	struct buf t;

	buf_init(&t, 0);
	put_count(&t, o->militia);
	snprintf(mil, sizeof mil, "%s", buf_str(&t));
	buf_reset(&t);
	put_count(&t, o->self_defence);
	snprintf(sd, sizeof sd, "%s", buf_str(&t));
	buf_reset(&t);
	put_count(&t, o->reserve);
	snprintf(rs, sizeof rs, "%s", buf_str(&t));
	buf_cleanup(&t);
	f[0] = o->code;
	f[1] = o->parent_code;
	f[2] = o->name;
	f[3] = org_kind_name(o->kind);
	f[4] = o->grassroots_type;
	f[5] = o->standing_board ? "1" : "0";
	f[6] = o->local_committee;
	f[7] = mil;
	f[8] = sd;
	f[9] = rs;
	f[10] = date_format(o->established, d);
	buf_reset(&x->b);
	csv_write_record(&x->b, f, 11);
	if (fwrite(x->b.s, 1, x->b.len, x->out) != x->b.len) {
		x->failed = 1;
		return 1;
	}
	if (x->visible)
		strmap_put(x->visible, o->code, 1);
	return 0;
}

static enum err_code write_header(FILE *out, const char *const *names, struct err *e)
{
	size_t n = 0;
	struct buf b;

	while (names[n])
		n++;
	buf_init(&b, 0);
	csv_write_record(&b, names, n);
	if (fwrite(b.s, 1, b.len, out) != b.len) {
		buf_cleanup(&b);
		return err_set(e, ERR_STORAGE, "cannot write the export: %s", strerror(errno));
	}
	buf_cleanup(&b);
	return ERR_OK;
}

enum err_code app_export_orgs(struct app *a, const struct actor *ac, FILE *out, struct err *e)
{
	struct export_ctx x = {out, {0}, NULL, 0, 0};
	long pre, last;
	enum err_code rc;

	if (app_scope(a, ac, &pre, &last, e) || write_header(out, org_cols, e))
		return e->code;
	buf_init(&x.b, 0);
	rc = store_org_walk(a->st, pre, last, -1, export_org, &x, e);
	buf_cleanup(&x.b);
	if (!rc && (x.failed || fflush(out)))
		rc = err_set(e, ERR_STORAGE, "cannot write the export: %s", strerror(errno));
	return rc;
}

static int visible_org(void *ctx, const struct org *o)
{
	strmap_put(ctx, o->code, 1);
	return 0;
}

static int export_member(void *ctx, const struct member *m)
{
	struct export_ctx *x = ctx;
	char id[24], d[4][DATE_STR];
	const char *f[21];
	int i = 0;

	if (!member_status_active(m->status) || strmap_get(x->visible, m->org_code) < 0)
		return 0;
	snprintf(id, sizeof id, "%lld", (long long)m->id);
	f[i++] = id;
	f[i++] = m->org_code;
	f[i++] = m->full_name;
	f[i++] = m->sex;
	f[i++] = date_format(m->birth_date, d[0]);
	f[i++] = m->ethnicity;
	f[i++] = m->religion;
	f[i++] = m->hometown;
	f[i++] = m->citizen_id;
	f[i++] = m->education;
	f[i++] = m->theory_level;
	f[i++] = m->rank;
	f[i++] = m->category;
	f[i++] = m->post;
	f[i++] = m->history_no;
	f[i++] = m->card_no;
	f[i++] = m->phone;
	f[i++] = date_format(m->admission_decision_date, d[1]);
	f[i++] = date_format(m->admission_ceremony_date, d[2]);
	f[i++] = date_format(m->official_date, d[3]);
	f[i++] = member_status_name(m->status);
	buf_reset(&x->b);
	csv_write_record(&x->b, f, (size_t)i);
	if (fwrite(x->b.s, 1, x->b.len, x->out) != x->b.len) {
		x->failed = 1;
		return 1;
	}
	x->rows++;
	return 0;
}

enum err_code app_export_members(struct app *a, const struct actor *ac, FILE *out,
				 struct err *e)
{
	struct strmap vis = {0};
	struct export_ctx x = {out, {0}, &vis, 0, 0};
	long pre, last;
	enum err_code rc;

	if (app_scope(a, ac, &pre, &last, e) || write_header(out, member_cols, e))
		return e->code;
	buf_init(&x.b, 0);
	rc = store_org_walk(a->st, pre, last, -1, visible_org, &vis, e);
	if (!rc)
		rc = store_member_all(a->st, export_member, &x, e);
	buf_cleanup(&x.b);
	strmap_free(&vis);
	if (!rc && (x.failed || fflush(out)))
		rc = err_set(e, ERR_STORAGE, "cannot write the export: %s", strerror(errno));
	/* The export of a subtree's members is one audit entry with its count (docs/audit.md). */
	if (!rc)
		rc = app_audit_bulk(a, ac, "export.members", NULL, x.rows, NULL, NULL, e);
	return rc;
}
