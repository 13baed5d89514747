/* app_review_io.c - reading reviews from CSV a chunk at a time and importing them as one batch
 * (docs/csv.md). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "../core/vi_codes.h"
#include "../lib/progress.h"
#include "app_int.h"
#include "app_review_io.h"

static const char *const member_review_cols[] = {"member_id", "year", "grade", "score",
						 "step", "date", "reason", NULL};
static const char *const org_review_cols[] = {"org_code", "year", "grade", "score", "step",
					      "date", "reason", NULL};
static const char *const member_review_required[] = {"member_id", "year", "grade", NULL};
static const char *const org_review_required[] = {"org_code", "year", "grade", NULL};
/* The known columns by index (the same in both lists; column 0 names who is reviewed). */
enum { RC_WHO, RC_YEAR, RC_GRADE, RC_SCORE, RC_STEP, RC_DATE, RC_REASON };

/* A whole number lo..hi in s; -1 when s is not one. */
static int parse_int(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (!s[0] || errno || *end || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* One data record into r. Adds every problem of the record to e; returns 0 when it had none. */
static int parse_review_row(const struct csv_columns *c, const struct csv_record *rec,
			    enum review_csv_kind kind, struct review_in *r, struct err *e)
{
	size_t before = e->n + e->dropped;
	const char *v;
	long k;
	int g = -1;

	memset(r, 0, sizeof *r);
	r->line = rec->line;
	r->score = -1;
	r->grade = G_NONE;
	r->step = RS_DECISION;
	r->date = DATE_NONE;
	if (rec->nfields != c->nfile) {
		err_add(e, ERR_INPUT, rec->line, NULL, NULL, NULL,
			"the row has %zu fields but the header has %zu; check for a missing or "
			"extra comma", rec->nfields, c->nfile);
		return -1;
	}
	v = app_csv_col(c, rec, RC_WHO);
	if (kind == REVIEW_CSV_MEMBERS) {
		char *end;
		long long id;

		errno = 0;
		id = strtoll(v, &end, 10);
		if (!v[0] || errno || *end || id <= 0)
			err_add(e, ERR_INPUT, rec->line, "member_id", v, NULL,
				"a member id is a whole number above 0 ('cadre member list' shows "
				"them)");
		else
			r->member_id = id;
	} else if (!v[0] || strlen(v) >= sizeof r->org_code) {
		err_add(e, ERR_INPUT, rec->line, "org_code", v, NULL,
			v[0] ? "an organisation code has at most %zu bytes"
			     : "the organisation code is missing", sizeof r->org_code - 1);
	} else {
		memcpy(r->org_code, v, strlen(v) + 1);
	}
	v = app_csv_col(c, rec, RC_YEAR);
	if (parse_int(v, 1900, 9999, &k))
		err_add(e, ERR_INPUT, rec->line, "year", v, NULL,
			"the year is a whole number such as 2025");
	else
		r->year = (int)k;
	v = app_csv_col(c, rec, RC_SCORE);
	if (v[0] && parse_int(v, 0, 100, &k))
		err_add(e, ERR_INPUT, rec->line, "score", v, NULL,
			"the score is a whole number from 0 to 100, or empty");
	else if (v[0])
		r->score = (int)k;
	v = app_csv_col(c, rec, RC_GRADE);
	if (v[0] && (g = grade_parse(vi_code_or("grade", v))) < 0)
		err_add(e, ERR_INPUT, rec->line, "grade", v, NULL,
			"unknown grade: give excellent, good, complete or not_complete");
	else if (v[0])
		r->grade = (enum grade)g;
	else if (r->score < 0 && !app_csv_col(c, rec, RC_SCORE)[0])
		err_add(e, ERR_INPUT, rec->line, "grade", NULL, NULL,
			"the grade is missing: give excellent, good, complete or not_complete, or "
			"a score");
	v = app_csv_col(c, rec, RC_STEP);
	if (v[0] && (g = review_step_parse(vi_code_or("step", v))) < 0)
		err_add(e, ERR_INPUT, rec->line, "step", v, NULL,
			"unknown step: give self, proposal or decision (empty: decision)");
	else if (v[0])
		r->step = (enum review_step)g;
	v = app_csv_col(c, rec, RC_DATE);
	if (v[0]) {
		const char *why;

		if (date_parse(v, &r->date, &why))
			err_add(e, ERR_INPUT, rec->line, "date", v, NULL, "%s %s", v, err_tr(why));
	}
	v = app_csv_col(c, rec, RC_REASON);
	if (strlen(v) >= sizeof r->reason)
		err_add(e, ERR_INPUT, rec->line, "reason", NULL, NULL,
			"the reason is %zu bytes of UTF-8; the limit is %zu bytes: shorten it",
			strlen(v), sizeof r->reason - 1);
	else
		memcpy(r->reason, v, strlen(v) + 1);
	return e->n + e->dropped > before ? -1 : 0;
}

struct review_reader {
	struct csv_reader *rd;
	struct csv_columns c;
	enum review_csv_kind kind;
	long records;         /* data records read */
	int have_header, done;
	enum err_code rc;     /* ERR_INPUT once the file has had a problem */
};

struct review_reader *app_review_reader_new(FILE *in, enum review_csv_kind kind)
{
	struct review_reader *r = xcalloc(1, sizeof *r);

	r->rd = csv_reader_new(app_csv_read, in, 0);
	r->kind = kind;
	r->c.names = kind == REVIEW_CSV_MEMBERS ? member_review_cols : org_review_cols;
	r->c.required = kind == REVIEW_CSV_MEMBERS ? member_review_required : org_review_required;
	return r;
}

void app_review_reader_free(struct review_reader *r)
{
	if (!r)
		return;
	csv_reader_free(r->rd);
	free(r);
}

long app_review_reader_records(const struct review_reader *r)
{
	return r->records;
}

unsigned long long app_review_reader_offset(const struct review_reader *r)
{
	return csv_offset(r->rd);
}

enum err_code app_review_read(struct review_reader *r, struct review_in *rows, size_t max,
			      size_t *n, struct err *e)
{
	struct csv_record rec;
	struct csv_error ce;
	int got;

	*n = 0;
	while (!r->done && *n < max) {
		got = csv_next(r->rd, &rec, &ce);
		if (got == 0) {
			r->done = 1;
			if (!r->have_header && r->rc == ERR_OK)
				r->rc = err_add(e, ERR_INPUT, 1, NULL, NULL, NULL,
						"the file is empty: it needs a header line (%s) and a "
						"row per review", r->kind == REVIEW_CSV_MEMBERS
						? "member_id,year,grade" : "org_code,year,grade");
			break;
		}
		if (got == -2 || (!r->have_header && got < 0)) {
			r->rc = err_add(e, ERR_INPUT, ce.line, NULL, NULL, NULL, "%s%s",
					r->have_header ? "" : "header: ", ce.msg);
			r->done = 1;
			break;
		}
		if (!r->have_header) {
			r->have_header = 1;
			if (app_csv_header(&r->c, &rec, e)) {
				r->rc = ERR_INPUT;
				r->done = 1;
			}
			continue;
		}
		r->records++;
		if (got < 0) {
			r->rc = err_add(e, ERR_INPUT, ce.line, app_csv_col_name(&r->c, ce.column),
					NULL, NULL, "%s", ce.msg);
			continue;
		}
		if (parse_review_row(&r->c, &rec, r->kind, &rows[*n], e))
			r->rc = ERR_INPUT;
		else
			++*n;
	}
	return r->rc;
}

/* Rows a chunk holds: REVIEW_CHUNK_ROWS, or CADRE_REVIEW_CHUNK. */
static size_t chunk_rows(void)
{
	const char *s = getenv("CADRE_REVIEW_CHUNK");
	long v;

	if (s && !parse_int(s, 1, 1L << 20, &v))
		return (size_t)v;
	return REVIEW_CHUNK_ROWS;
}

enum err_code app_import_reviews(struct app *a, const struct actor *ac,
				 const struct import_opts *opts, enum review_csv_kind kind,
				 struct import_result *res, struct err *e)
{
	struct review_reader *rd = NULL;
	struct review_batch *b = NULL;
	struct review_in *rows = NULL;
	struct progress pg;
	size_t max = chunk_rows(), n;
	long good = 0, bad = 0;
	int pg_on = 0;
	enum err_code rc, read_rc = ERR_OK;

	memset(res, 0, sizeof *res);
	if (opts->rejects)
		return err_add(e, ERR_USAGE, 0, "skip-bad", NULL, NULL,
			       "reviews are imported all or nothing (the quota is counted over the "
			       "whole file): fix the bad rows instead of skipping them");
	if (app_can_edit(ac, e))
		return e->code;
	/* Members' decisions come as a bulk (app_review_batch_import) whose every reference the
	 * batch checks itself (the member read, its organisations from the tree): the store
	 * does not look each up again. Set outside the transaction, as SQLite wants. */
	if (kind == REVIEW_CSV_MEMBERS)
		app_foreign_keys(a, 0);
	if ((rc = app_review_batch_begin(a, ac, kind == REVIEW_CSV_ORGS, &b, e))) {
		app_foreign_keys(a, 1);
		return rc;
	}
	if ((rc = app_review_batch_import(b, opts->in_name, max, e))) {
		app_review_batch_abort(b);
		app_foreign_keys(a, 1);
		return rc;
	}
	rd = app_review_reader_new(opts->in, kind);
	rows = xmalloc(max * sizeof *rows);
	if (!a->quiet) {
		progress_start(&pg, kind == REVIEW_CSV_MEMBERS ? "importing reviews"
							       : "importing org reviews",
			       opts->in_size > 0 ? (unsigned long long)opts->in_size : 0);
		pg_on = 1;
	}
	for (;;) {
		read_rc = app_review_read(rd, rows, max, &n, e);
		if (read_rc && b) {
			/* A malformed row: the rest of the file is only read, to report every
			 * malformed row; the checks against the database wait for a good file. */
			app_review_batch_abort(b);
			b = NULL;
		}
		if (!n)
			break;
		good += (long)n;
		if (b && app_review_batch_add(b, rows, n) == ERR_STORAGE)
			break;
		if (pg_on)
			progress_update(&pg, app_review_reader_offset(rd));
	}
	if (pg_on)
		progress_end(&pg);
	res->rows = app_review_reader_records(rd);
	if (!b) {
		res->rejected = res->rows - good;
		rc = read_rc ? read_rc : e->code;
		goto out;
	}
	if (!good) {
		app_review_batch_abort(b);
		rc = e->code ? e->code
			     : err_add(e, ERR_INPUT, 0, NULL, NULL, NULL,
				       "the file has a header but no reviews");
		goto out;
	}
	rc = app_review_batch_finish(b, &bad, e);
	if (rc)
		res->rejected = bad; /* 0 when only the batch as a whole was refused */
	else
		res->imported = good;
out:
	app_foreign_keys(a, 1);
	free(rows);
	app_review_reader_free(rd);
	return rc;
}
