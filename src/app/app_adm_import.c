/* app_adm_import.c - candidates (quần chúng ưu tú) imported from CSV (docs/csv.md): each row
 * opened as a case by app_adm_add, the whole file one transaction, all or nothing. */
#include <stdlib.h>
#include <string.h>

#include "../core/vi_codes.h"
#include "../lib/buf.h"
#include "../lib/mem.h"
#include "app_adm_io.h"
#include "app_int.h"

static const char *const cand_cols[] = {
	"org", "full_name", "sex", "birth_date", "source", "listed_on", "ethnicity", "religion",
	"hometown", "citizen_id", "education", "theory_level", "rank", "category", "post",
	"phone", NULL,
};
static const char *const cand_required[] = {
	"org", "full_name", "sex", "birth_date", "source", "listed_on", NULL,
};
enum { CC_ORG, CC_NAME, CC_SEX, CC_BIRTH, CC_SOURCE, CC_LISTED, CC_PERSON };

struct adm_reader {
	struct csv_reader *rd;
	struct csv_columns c;
	struct csv_record rec;   /* the record just read (the reader's storage) */
	int have_rec;            /* rec is the record just read (not when it was unreadable) */
	long line;               /* the line of the record just read */
	long records;
	int have_header, done;
};

struct adm_reader *app_adm_reader_new(FILE *in)
{
	struct adm_reader *r = xcalloc(1, sizeof *r);

	r->rd = csv_reader_new(app_csv_read, in, 0);
	r->c.names = cand_cols;
	r->c.required = cand_required;
	return r;
}

void app_adm_reader_free(struct adm_reader *r)
{
	if (!r)
		return;
	csv_reader_free(r->rd);
	free(r);
}

const struct csv_record *app_adm_reader_record(const struct adm_reader *r)
{
	return r->have_rec ? &r->rec : NULL;
}

long app_adm_reader_line(const struct adm_reader *r)
{
	return r->line;
}

long app_adm_reader_records(const struct adm_reader *r)
{
	return r->records;
}

int app_adm_reader_has_header(const struct adm_reader *r)
{
	return r->have_header;
}

/* One data record into c; every problem goes to e with the record's line. */
/* An empty case: every date unknown. */
static void cand_init(struct admission *c)
{
	memset(c, 0, sizeof *c);
	c->p.birth_date = c->p.admission_decision_date = c->p.admission_ceremony_date = DATE_NONE;
	c->p.official_date = c->p.org_since = c->p.status_since = c->p.temp_until = DATE_NONE;
	c->listed_on = c->stage_since = c->due_on = c->due_from = DATE_NONE;
	c->decision_on = c->ceremony_on = c->cell_vote_on = DATE_NONE;
	c->source = ASRC_OTHER;
}

/* One data record into c; every problem goes to e with the record's line. Returns 0, or -1
 * when the record does not have the header's width (nothing of it is read). */
static int parse_cand_row(const struct csv_columns *cols, const struct csv_record *rec,
			  struct admission *c, struct err *e)
{
	const char *v;
	const char *why;
	int k;

	cand_init(c);
	if (rec->nfields != cols->nfile) {
		err_add(e, ERR_INPUT, rec->line, NULL, NULL, NULL,
			"the row has %zu fields but the header has %zu; check for a missing or "
			"extra comma", rec->nfields, cols->nfile);
		return -1;
	}
	v = app_csv_col(cols, rec, CC_ORG);
	if (!v[0] || strlen(v) > ORG_CODE_MAX)
		err_add(e, ERR_INPUT, rec->line, "org", v, NULL,
			v[0] ? "not an organisation code: give the code of the cell that keeps the "
			       "candidate" : "the cell is missing: give the code of the cell that "
			       "keeps the candidate");
	else
		snprintf(c->p.org_code, sizeof c->p.org_code, "%s", v);
	member_set_name(&c->p, app_csv_col(cols, rec, CC_NAME), e, rec->line);
	/* A clerk may write the sex in Vietnamese ("nữ"). */
	v = app_csv_col(cols, rec, CC_SEX);
	text_accept(vi_code_or("sex", v), sizeof c->p.sex - 1, 0, c->p.sex, sizeof c->p.sex, e,
		    rec->line, "sex", NULL);
	member_set_field(&c->p, "birth_date", app_csv_col(cols, rec, CC_BIRTH), e, rec->line);
	if (c->p.birth_date == DATE_NONE && !app_csv_col(cols, rec, CC_BIRTH)[0])
		err_add(e, ERR_INPUT, rec->line, "birth_date", NULL, NULL,
			"the birth date is missing: give it as YYYY-MM-DD");
	v = app_csv_col(cols, rec, CC_SOURCE);
	if ((k = adm_source_parse(v)) < 0)
		err_add(e, ERR_INPUT, rec->line, "source", v, NULL,
			"source must be soldier, squad_leader, youth_union or other");
	else
		c->source = (enum adm_source)k;
	v = app_csv_col(cols, rec, CC_LISTED);
	if (!v[0])
		err_add(e, ERR_INPUT, rec->line, "listed_on", NULL, NULL,
			"the date listed is missing: give it as YYYY-MM-DD");
	else if (date_parse(v, &c->listed_on, &why))
		err_add(e, ERR_INPUT, rec->line, "listed_on", v, NULL, "%s %s", v, err_tr(why));
	for (k = CC_PERSON; cand_cols[k]; k++) {
		v = app_csv_col(cols, rec, k);
		if (v[0])
			member_set_field(&c->p, cand_cols[k], v, e, rec->line);
	}
	return 0;
}

int app_adm_read(struct adm_reader *r, struct admission *c, struct err *e)
{
	struct csv_error ce;
	int got;

	r->have_rec = 0;
	while (!r->done) {
		got = csv_next(r->rd, &r->rec, &ce);
		if (got == 0) {
			r->done = 1;
			if (!r->have_header)
				err_add(e, ERR_INPUT, 1, NULL, NULL, NULL,
					"the file is empty: it needs a header line "
					"(org,full_name,sex,birth_date,source,listed_on) and a row "
					"per candidate");
			return 0;
		}
		if (got == -2 || (!r->have_header && got < 0)) {
			err_add(e, ERR_INPUT, ce.line, NULL, NULL, NULL, "%s%s",
				r->have_header ? "" : "header: ", ce.msg);
			r->done = 1;
			return 0;
		}
		if (!r->have_header) {
			r->have_header = 1;
			if (app_csv_header(&r->c, &r->rec, e)) {
				r->done = 1;
				return 0;
			}
			continue;
		}
		r->records++;
		if (got < 0) {
			r->line = ce.line;
			/* The record is unreadable (its line and column said): nothing of it. */
			cand_init(c);
			err_add(e, ERR_INPUT, ce.line, app_csv_col_name(&r->c, ce.column), NULL, NULL,
				"%s", ce.msg);
			return 2;
		}
		r->have_rec = 1;
		r->line = r->rec.line;
		return parse_cand_row(&r->c, &r->rec, c, e) ? 2 : 1;
	}
	return 0;
}

/* ---- one candidate ------------------------------------------------------------------------ */

enum err_code app_adm_add_input(struct app *a, const struct actor *ac, struct admission *c,
				int allow_duplicate, struct err *e)
{
	size_t before = e->n, i, j, k;
	enum err_code rc;

	/* With problems in e, app_adm_add only checks: it refuses before its transaction. */
	rc = app_adm_add(a, ac, c, allow_duplicate, e);
	for (i = before; i < e->n; i++)
		if (!strcmp(e->items[i].field, "org_code"))
			snprintf(e->items[i].field, sizeof e->items[i].field, "org");
	if (!before || e->n == before)
		return rc;
	/* Keep the first problem of each field: a date the reader could not read is not also
	 * "missing". */
	for (i = k = before; i < e->n; i++) {
		int seen = 0;

		for (j = 0; j < k && !seen; j++)
			seen = e->items[i].field[0] && !strcmp(e->items[j].field, e->items[i].field);
		if (!seen)
			e->items[k++] = e->items[i];
	}
	e->n = k;
	return e->code;
}

/* ---- the import --------------------------------------------------------------------------- */

/* Write the header of the rejects file: the file's columns and "error". */
static void reject_header(FILE *f, const struct adm_reader *r)
{
	struct buf b;
	size_t i;

	buf_init(&b, 0);
	for (i = 0; i < r->c.nfile && i < 64; i++) {
		csv_write_field(&b, r->c.hdr[i]);
		buf_addc(&b, ',');
	}
	buf_adds(&b, "error\n");
	fwrite(b.s, 1, b.len, f);
	buf_cleanup(&b);
}

/* Write a rejected record: its fields (ncols empty ones for a record that could not be
 * read), then its problems (e's items from `from`). */
static void reject_row(FILE *f, const struct csv_record *rec, size_t ncols, const struct err *e,
		       size_t from)
{
	struct buf b, why;
	size_t i;

	buf_init(&b, 0);
	buf_init(&why, 0);
	for (i = 0; i < (rec ? rec->nfields : ncols); i++) {
		if (rec)
			csv_write_field(&b, rec->field[i]);
		buf_addc(&b, ',');
	}
	for (i = from; i < e->n; i++) {
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

/* Move the problems of row (line) from src to dst, each with the line (an app call names
 * none). */
static void take_row_problems(struct err *dst, struct err *src, long line)
{
	size_t i;

	for (i = 0; i < src->n; i++) {
		const struct err_item *it = &src->items[i];

		err_add(dst, src->code ? src->code : ERR_INPUT, it->line ? it->line : line,
			it->field[0] ? it->field : NULL, it->value[0] ? it->value : NULL,
			it->rule[0] ? it->rule : NULL, "%s", it->msg);
	}
	if (src->code && !src->n)
		err_add(dst, src->code, line, NULL, NULL, NULL,
			"the candidate could not be added");
	err_clear(src);
}

static int first_org(void *ctx, const struct org *o)
{
	*(struct org *)ctx = *o;
	return 1;
}

/* The import is one audit entry of its own besides each case's (which file, how many rows,
 * under whose scope), and a signed checkpoint, as the other imports. */
static enum err_code audit_import(struct app *a, const struct actor *ac,
				  const struct import_opts *opts, const struct import_result *res,
				  struct err *e)
{
	struct org scope;
	char subject[300];
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
	rc = app_audit(a, ac, "import.candidates", subject, scope.id, NULL, after, e);
	free(after);
	if (!rc)
		rc = app_audit_checkpoint(a, e);
	return rc;
}

enum err_code app_import_candidates(struct app *a, const struct actor *ac,
				    const struct import_opts *opts, struct import_result *res,
				    struct err *e)
{
	struct adm_reader *rd = NULL;
	struct admission c;
	struct err row;
	enum err_code rc;
	size_t wbefore;
	int once, file_bad = 0;

	memset(res, 0, sizeof *res);
	if (app_can_edit(ac, e))
		return e->code;
	if ((rc = app_nest_begin(a, e)))
		return rc;
	once = app_import_once_check(a, ac, "candidates", opts, res, e);
	if (once)
		return app_nest_end(a, once > 0 ? ERR_OK : e->code ? e->code : ERR_STORAGE, e);
	err_init(&row);
	rd = app_adm_reader_new(opts->in);
	for (;;) {
		size_t from = e->n, i;
		long line;
		int got = app_adm_read(rd, &c, &row);

		if (!got) {
			/* A problem of the header or of the file as a whole. */
			file_bad = row.code != ERR_OK;
			take_row_problems(e, &row, 0);
			break;
		}
		line = app_adm_reader_line(rd);
		wbefore = a->warn.n;
		/* A record read as fields gets every check, the case's too (nothing is written
		 * for a row with a problem). */
		if (got == 1 && app_adm_add_input(a, ac, &c, opts->allow_duplicates, &row) ==
				ERR_OK && !row.code) {
			/* Warnings (a possible duplicate kept) name the row. */
			for (i = wbefore; i < a->warn.n; i++)
				if (!a->warn.items[i].line)
					a->warn.items[i].line = line;
			res->imported++;
			continue;
		}
		/* A failure of the database, not of the row: the import stops, nothing kept. */
		if (row.code == ERR_STORAGE || row.code == ERR_INTERNAL)
			file_bad = 1;
		/* The row is not imported: its warnings go with it. */
		a->warn.n = wbefore;
		take_row_problems(e, &row, line);
		if (file_bad) {
			res->rejected++;
			break;
		}
		if (opts->rejects) {
			if (!res->rejected)
				reject_header(opts->rejects, rd);
			reject_row(opts->rejects, app_adm_reader_record(rd), rd->c.nfile, e, from);
		}
		res->rejected++;
	}
	res->rows = app_adm_reader_records(rd);
	res->warnings = (long)a->warn.n;
	rc = e->code;
	if (!rc && !app_adm_reader_has_header(rd))
		rc = err_add(e, ERR_INPUT, 1, NULL, NULL, NULL,
			     "the file is empty; it needs a header row (see docs/csv.md)");
	if (!rc && !res->rows)
		rc = err_add(e, ERR_INPUT, 0, NULL, NULL, NULL,
			     "the file has a header but no candidates");
	/* With a rejects file the bad rows are set aside; a problem of the file as a whole
	 * (its header) still refuses it. */
	if (rc && opts->rejects && res->rejected && !file_bad)
		rc = ERR_OK;
	if (!rc)
		rc = app_import_finish(a, ac, "candidates", opts, res, e);
	if (!rc && res->imported)
		rc = audit_import(a, ac, opts, res, e);
	if (rc == ERR_OK && opts->rejects)
		e->code = ERR_OK;
	rc = app_nest_end(a, rc, e);
	if (rc)
		res->imported = 0;
	err_cleanup(&row);
	app_adm_reader_free(rd);
	return rc;
}
