/* app_doc_import.c - the register of documents imported from CSV (docs/study.md): all or
 * nothing, every bad row reported with its line and field, one audit entry for the file. A
 * row may replace a document of the file (before or after it: an export lists the newest
 * first) or one already registered; each row is stored by doc_add_tx, the check of `doc add`.
 * And the register written to a file (cadre doc list --csv|--xlsx). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/text.h"
#include "../lib/buf.h"
#include "../lib/mem.h"
#include "app_int.h"
#include "app_study_int.h"
#include "table_out.h"

static const char *const doc_names[] = {
	"number", "type", "issuer", "issued_on", "title", "replaces", "org", NULL,
};
static const char *const doc_required[] = {"number", "issued_on", "title", NULL};
enum { DC_NUMBER, DC_TYPE, DC_ISSUER, DC_ISSUED, DC_TITLE, DC_REPLACES, DC_ORG };

/* A row of the file. state: 0 not stored yet, 1 being stored (on the chain of what it
 * replaces), 2 stored, 3 refused. */
struct doc_row {
	long line;
	char number[DOCNUM_INPUT_MAX + 1]; /* as written, normalised */
	char canon[DOCNUM_MAX];
	date_t on;
	char title[DOC_TITLE_MAX + 1];
	char replaces[DOCNUM_INPUT_MAX + 1];
	char org[ORG_CODE_MAX + 1];
	long target; /* the row of the file it replaces, or -1 */
	int bad, state;
	int64_t id;
};

struct doc_import {
	struct doc_row *rows;
	size_t n, cap;
};

/* Clean v (NFC, trimmed, one line) into dst of cap bytes (max bytes of text); 0 or -1 with a
 * problem for line and field. */
static int clean_col(const char *v, size_t max, char *dst, size_t cap, long line,
		     const char *field, const char *what, struct err *e)
{
	dst[0] = 0;
	return text_accept(v, max, 0, dst, cap, e, line, field, what);
}

/* Read the row's columns into r and check what needs no database: the number parsed, the
 * type and issuer (when given) agreeing with it, the date, the title. */
static void parse_row(const struct csv_columns *c, const struct csv_record *rec,
		      struct doc_row *r, struct err *e)
{
	struct docnum dn;
	struct docnum_error pe;
	const char *v, *why;
	size_t before = e->n;
	long ln = rec->line;

	memset(&dn, 0, sizeof dn);
	memset(r, 0, sizeof *r);
	r->line = ln;
	r->target = -1;
	r->on = DATE_NONE;
	if (rec->nfields != c->nfile) {
		err_add(e, ERR_INPUT, ln, NULL, NULL, NULL,
			"the row has %zu fields but the header has %zu; check for a missing or "
			"extra comma",
			rec->nfields, c->nfile);
		r->bad = 1;
		return;
	}
	if (!clean_col(app_csv_col(c, rec, DC_NUMBER), DOCNUM_INPUT_MAX, r->number,
		       sizeof r->number, ln, "number", "the number", e)) {
		if (!r->number[0])
			err_add(e, ERR_INPUT, ln, "number", NULL, NULL,
				"the number is required, as written on the document: 21-NQ/TW");
		else if (docnum_parse(r->number, strlen(r->number), &dn, &pe))
			err_add(e, ERR_INPUT, ln, "number", r->number, NULL,
				"the number '%s' cannot be read at byte %zu: expected %s", r->number,
				pe.offset, err_tr(pe.expected));
		else
			snprintf(r->canon, sizeof r->canon, "%s", dn.number);
	}
	if (r->canon[0] && (v = app_csv_col(c, rec, DC_TYPE))[0]) {
		const struct docnum_type *t = docnum_type_find(v);

		if (!t || strcmp(t->code, dn.type))
			err_add(e, ERR_INPUT, ln, "type", v, NULL,
				"the type %s is not that of the number %s (%s): correct one of them",
				v, r->canon, dn.type);
	}
	if (r->canon[0] && (v = app_csv_col(c, rec, DC_ISSUER))[0]) {
		char f1[DOCNUM_MAX], f2[DOCNUM_MAX];

		docnum_fold(v, f1, sizeof f1);
		docnum_fold(dn.issuer, f2, sizeof f2);
		if (strcmp(f1, f2))
			err_add(e, ERR_INPUT, ln, "issuer", v, NULL,
				"the issuer %s is not that of the number %s (%s): correct one of "
				"them",
				v, r->canon, dn.issuer);
	}
	v = app_csv_col(c, rec, DC_ISSUED);
	if (!v[0])
		err_add(e, ERR_INPUT, ln, "issued_on", NULL, NULL,
			"the date of issue is required (YYYY-MM-DD)");
	else if (date_parse(v, &r->on, &why))
		err_add(e, ERR_INPUT, ln, "issued_on", v, NULL, "%s %s", v, err_tr(why));
	if (!clean_col(app_csv_col(c, rec, DC_TITLE), DOC_TITLE_MAX, r->title, sizeof r->title,
		       ln, "title", "the title", e) &&
	    !r->title[0])
		err_add(e, ERR_INPUT, ln, "title", NULL, NULL, "the title is required");
	clean_col(app_csv_col(c, rec, DC_REPLACES), DOCNUM_INPUT_MAX, r->replaces,
		  sizeof r->replaces, ln, "replaces", "the number it replaces", e);
	clean_col(app_csv_col(c, rec, DC_ORG), ORG_CODE_MAX, r->org, sizeof r->org, ln, "org",
		  "the organisation's code", e);
	r->bad = e->n > before;
}

static struct doc_row *sort_rows;

/* Rows by canonical number, then date of issue, then line. */
static int row_cmp(const void *p, const void *q)
{
	const struct doc_row *a = &sort_rows[*(const size_t *)p],
			     *b = &sort_rows[*(const size_t *)q];
	int c = strcmp(a->canon, b->canon);

	if (c)
		return c;
	if (a->on != b->on)
		return a->on < b->on ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

/* The file's own duplicates (the same number and date of issue twice: refused as `doc add`
 * refuses a document already registered), and each row's replaces resolved to a row of the
 * file when one has that number (the newest of them, as a number names the newest). */
static void link_rows(struct doc_import *x, struct err *e)
{
	size_t *ix = xmalloc((x->n ? x->n : 1) * sizeof *ix), i, k = 0;

	for (i = 0; i < x->n; i++)
		if (x->rows[i].canon[0])
			ix[k++] = i;
	sort_rows = x->rows;
	qsort(ix, k, sizeof *ix, row_cmp);
	for (i = 1; i < k; i++) {
		struct doc_row *p = &x->rows[ix[i - 1]], *r = &x->rows[ix[i]];
		char day[DATE_STR];

		if (!strcmp(p->canon, r->canon) && p->on == r->on && r->on != DATE_NONE) {
			err_add(e, ERR_INPUT, r->line, "number", r->canon, NULL,
				"document %s of %s is also on line %ld: a document is registered "
				"once",
				r->canon, date_format(r->on, day), p->line);
			r->bad = 1;
		}
	}
	for (i = 0; i < x->n; i++) {
		struct doc_row *r = &x->rows[i];
		struct docnum dn;
		size_t lo = 0, hi = k;

		if (!r->replaces[0] || strspn(r->replaces, "0123456789") == strlen(r->replaces) ||
		    docnum_parse(r->replaces, strlen(r->replaces), &dn, NULL))
			continue; /* an id, or not a number: looked up in the register */
		/* the last row of that number in the sorted order: the newest */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (strcmp(x->rows[ix[mid]].canon, dn.number) <= 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == 0 || strcmp(x->rows[ix[lo - 1]].canon, dn.number))
			continue;
		/* a row refused as a duplicate of another is not the one meant */
		hi = lo - 1;
		while (hi > 0 && x->rows[ix[hi]].bad && !strcmp(x->rows[ix[hi - 1]].canon, dn.number))
			hi--;
		r->target = (long)ix[x->rows[ix[hi]].bad ? lo - 1 : hi];
		if (r->target == (long)i) {
			err_add(e, ERR_INPUT, r->line, "replaces", r->replaces, NULL,
				"a document cannot replace itself");
			r->bad = 1;
			r->target = -1;
		}
	}
	sort_rows = NULL;
	free(ix);
}

/* Store row i after the rows of the file it replaces (stack: room for every row). */
static enum err_code store_chain(struct app *a, const struct actor *ac, struct doc_import *x,
				 size_t i, size_t *stack, struct err *e)
{
	size_t n = 0;
	long j = (long)i;
	enum err_code rc = ERR_OK;

	while (j >= 0 && x->rows[j].state == 0 && !x->rows[j].bad) {
		x->rows[j].state = 1;
		stack[n++] = (size_t)j;
		j = x->rows[j].target;
	}
	while (n > 0) {
		struct doc_row *r = &x->rows[stack[--n]];
		struct doc d;
		char ref[24];
		const char *rep = r->replaces;

		if (r->target >= 0) {
			struct doc_row *t = &x->rows[r->target];

			if (t->state != 2) {
				if (t->state == 1)
					err_add(e, ERR_INPUT, r->line, "replaces", r->replaces,
						NULL, "the documents on lines %ld and %ld replace "
						"each other in a circle", r->line, t->line);
				else
					err_add(e, ERR_INPUT, r->line, "replaces", r->replaces,
						NULL, "it replaces the document on line %ld, which "
						"cannot be registered: fix that row first",
						t->line);
				r->state = 3;
				continue;
			}
			snprintf(ref, sizeof ref, "%lld", (long long)t->id);
			rep = ref;
		}
		rc = doc_add_tx(a, ac, r->number, r->on, r->title, rep, r->org, r->line, &d, e);
		r->state = rc ? 3 : 2;
		r->id = d.id;
		if (rc == ERR_STORAGE || rc == ERR_INTERNAL)
			return rc;
	}
	return ERR_OK;
}

struct ordered {
	struct err_item it;
	size_t at;
};

static int ordered_cmp(const void *p, const void *q)
{
	const struct ordered *a = p, *b = q;

	if (a->it.line != b->it.line)
		return a->it.line < b->it.line ? -1 : 1;
	return a->at < b->at ? -1 : a->at > b->at;
}

/* The problems in the order of the file's lines (the duplicates and the references are
 * found after every row was read), those of one line in the order found. */
static void problems_by_line(struct err *e)
{
	struct ordered *v;
	size_t i;

	if (e->n < 2)
		return;
	v = xmalloc(e->n * sizeof *v);
	for (i = 0; i < e->n; i++) {
		v[i].it = e->items[i];
		v[i].at = i;
	}
	qsort(v, e->n, sizeof *v, ordered_cmp);
	for (i = 0; i < e->n; i++)
		e->items[i] = v[i].it;
	free(v);
}

static int first_org(void *ctx, const struct org *o)
{
	*(struct org *)ctx = *o;
	return 1;
}

/* The one audit entry of the file: its name, its rows, under the actor's scope. */
static enum err_code audit_file(struct app *a, const struct actor *ac,
				const struct import_opts *opts, const struct import_result *res,
				struct err *e)
{
	struct org scope;
	struct err tmp;
	char subject[300], *after;
	enum err_code rc;

	err_init(&tmp);
	memset(&scope, 0, sizeof scope);
	if (ac->scope_code[0])
		store_org_by_code(a->st, ac->scope_code, &scope, &tmp);
	else
		store_org_walk(a->st, 1, 1, 0, first_org, &scope, &tmp);
	err_cleanup(&tmp);
	snprintf(subject, sizeof subject, "file:%s", opts->in_name ? opts->in_name : "-");
	after = app_json("{s:I,s:I}", "rows", (json_int_t)res->rows, "imported",
			 (json_int_t)res->imported);
	rc = app_audit(a, ac, "import.documents", subject, scope.id, NULL, after, e);
	free(after);
	return rc;
}

enum err_code app_import_documents(struct app *a, const struct actor *ac,
				   const struct import_opts *opts, struct import_result *res,
				   struct err *e)
{
	struct csv_columns cols = {doc_names, doc_required, {0}, 0, {{0}}};
	struct doc_import x;
	struct csv_reader *rd = NULL;
	struct csv_record rec;
	struct csv_error ce;
	size_t i, *stack = NULL;
	enum err_code rc;
	int got, once;

	memset(res, 0, sizeof *res);
	memset(&x, 0, sizeof x);
	if (opts->rejects)
		return err_add(e, ERR_USAGE, 0, "skip-bad", NULL, NULL,
			       "documents are imported all or nothing: fix the bad rows instead "
			       "of skipping them");
	if (app_can_edit(ac, e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	once = app_import_once_check(a, ac, "documents", opts, res, e);
	if (once)
		return app_end(a, once > 0 ? ERR_OK : e->code ? e->code : ERR_STORAGE, e);
	rd = csv_reader_new(app_csv_read, opts->in, 0);
	got = csv_next(rd, &rec, &ce);
	if (got == 0) {
		err_add(e, ERR_INPUT, 1, NULL, NULL, NULL,
			"the file is empty; it needs a header row (see docs/study.md)");
		goto done;
	}
	if (got < 0) {
		err_add(e, ERR_INPUT, ce.line, NULL, NULL, NULL, "%s", ce.msg);
		goto done;
	}
	if (app_csv_header(&cols, &rec, e))
		goto done;
	while ((got = csv_next(rd, &rec, &ce)) != 0) {
		res->rows++;
		if (got < 0) {
			err_add(e, ERR_INPUT, ce.line, app_csv_col_name(&cols, ce.column), NULL,
				NULL, "%s", ce.msg);
			if (got == -2)
				break;
			continue;
		}
		if (x.n == x.cap) {
			x.cap = x.cap ? x.cap * 2 : 64;
			x.rows = xrealloc(x.rows, x.cap * sizeof *x.rows);
		}
		parse_row(&cols, &rec, &x.rows[x.n++], e);
	}
	if (!e->code && !res->rows) {
		err_add(e, ERR_INPUT, 0, NULL, NULL, NULL, "the file has a header but no documents");
		goto done;
	}
	link_rows(&x, e);
	stack = xmalloc((x.n ? x.n : 1) * sizeof *stack);
	for (i = 0; i < x.n; i++)
		if (store_chain(a, ac, &x, i, stack, e))
			break;
	for (i = 0; i < x.n; i++)
		res->imported += x.rows[i].state == 2;
	/* every row that is not stored said why (a bad CSV record has no row) */
	res->rejected = res->rows - res->imported;
	if (!e->code && !app_import_finish(a, ac, "documents", opts, res, e))
		audit_file(a, ac, opts, res, e);
	problems_by_line(e);
done:
	rc = app_end(a, e->code, e);
	if (rc)
		res->imported = 0;
	else
		res->rejected = 0;
	csv_reader_free(rd);
	free(stack);
	free(x.rows);
	return rc;
}

enum err_code app_doc_export_file(struct app *a, const struct actor *ac, const char *q, int xlsx,
				  const char *path, struct err *e)
{
	long long len;
	int fd;

	if (app_doc_export(a, ac, q, xlsx, &fd, &len, e))
		return e->code;
	return table_out_save(fd, path, e);
}
