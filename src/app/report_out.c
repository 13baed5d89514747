/* report_out.c - a report as JSON, CSV and an XLSX workbook (report_out.h). */
#include "report_out.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <strings.h>

#include <xlsxwriter.h>

#include "../lib/buf.h"
#include "../lib/csv.h"
#include "../lib/mem.h"
#include "app_json.h"

/* Whether a cell has a percentage (and a base worth showing): the one test of every output. */
static int cell_has_pct(const struct report_cell *c)
{
	return c->base > 0;
}

/* Whether any row of t has a percentage in column k. */
static int col_has_pct(const struct report_table *t, size_t k)
{
	size_t i;

	for (i = 0; i < t->nrow; i++)
		if (cell_has_pct(&t->rows[i].c[k]))
			return 1;
	return 0;
}

/* ---- JSON ------------------------------------------------------------------------------ */

static json_t *cell_json(const struct report_cell *c)
{
	json_t *j = json_object();

	json_object_set_new(j, "count", json_integer(c->count));
	if (cell_has_pct(c)) {
		json_object_set_new(j, "base", json_integer(c->base));
		json_object_set_new(j, "percent",
				    json_real((double)report_pct100(c->count, c->base) / 100.0));
	}
	return j;
}

static json_t *row_json(const struct report_table *t, const struct report_row *w)
{
	/* "records": what the filter selects, the members or the organisations behind it. */
	json_t *j = json_pack("{s:s,s:s,s:s,s:s}", "key", w->key, "label", w->label, "filter",
			      w->filter, "records", report_row_records(w));
	size_t k;

	for (k = 0; k < t->ncol; k++)
		json_object_set_new(j, t->col[k], cell_json(&w->c[k]));
	return j;
}

static json_t *table_json(const struct report_table *t)
{
	json_t *cols = json_array(), *rows = json_array();
	size_t i;

	for (i = 0; i < t->ncol; i++)
		json_array_append_new(cols, json_pack("{s:s,s:s}", "name", t->col[i], "label",
						      t->col_label[i]));
	for (i = 0; i < t->nrow; i++)
		json_array_append_new(rows, row_json(t, &t->rows[i]));
	return json_pack("{s:s,s:s,s:o,s:o}", "title", t->title, "note", t->note, "columns", cols,
			 "rows", rows);
}

json_t *report_json(const struct report *r)
{
	json_t *tables = json_object();
	size_t i;

	for (i = 0; i < r->n; i++)
		json_object_set_new(tables, r->t[i].name, table_json(&r->t[i]));
	return json_pack("{s:{s:s,s:s},s:o,s:i,s:s,s:s,s:o}", "org", "code", r->org_code, "name",
			 r->org_name, "as_of", json_date(r->as_of), "year", r->year, "made_by",
			 r->made_by, "made_at", r->made_at, "tables", tables);
}

/* ---- CSV ------------------------------------------------------------------------------- */

/* Write b's bytes to out and empty b. Returns 0, or -1 when out did not take them all. */
static int flush_buf(struct buf *b, FILE *out)
{
	int rc = fwrite(buf_str(b), 1, b->len, out) == b->len ? 0 : -1;

	buf_reset(b);
	return rc;
}

/* One record: column k of row w of t. */
static void csv_cell(struct buf *b, const struct report_table *t, const struct report_row *w,
		     size_t k)
{
	char count[24], base[24] = "", pct[16];
	const char *f[7];

	snprintf(count, sizeof count, "%ld", w->c[k].count);
	if (cell_has_pct(&w->c[k]))
		snprintf(base, sizeof base, "%ld", w->c[k].base);
	report_pct_str(w->c[k].count, w->c[k].base, pct, sizeof pct);
	f[0] = t->name;
	f[1] = w->key;
	f[2] = w->label;
	f[3] = t->col[k];
	f[4] = count;
	f[5] = base;
	f[6] = pct;
	csv_write_record(b, f, 7);
}

int report_csv(const struct report *r, FILE *out)
{
	static const char *const head[] = {"table", "row_key", "row_label", "column", "count",
					   "base", "percent"};
	struct buf b;
	size_t i, j, k;
	int rc;

	buf_init(&b, 0);
	csv_write_record(&b, head, 7);
	rc = flush_buf(&b, out);
	/* A table at a time: memory stays bounded by the largest table. */
	for (i = 0; !rc && i < r->n; i++) {
		const struct report_table *t = &r->t[i];

		for (j = 0; j < t->nrow; j++)
			for (k = 0; k < t->ncol; k++)
				csv_cell(&b, t, &t->rows[j], k);
		rc = flush_buf(&b, out);
	}
	buf_cleanup(&b);
	if (fflush(out))
		rc = -1;
	return rc;
}

/* ---- XLSX ------------------------------------------------------------------------------ */

#define SHEET_MAX LXW_SHEETNAME_MAX /* Excel's limit on a sheet name, in characters */
#define TABLE_ROW 5                 /* the table's header row: after the 4 head rows and a gap */

struct xlsx {
	const struct report *r;
	lxw_workbook *wb;
	lxw_format *bold, *pct;
	/* The sheet names: [0] the summary, [1 + i] table i. */
	char (*names)[SHEET_MAX + 1];
	size_t nnames;
	lxw_error rc; /* the first failure; later writes go on, the workbook is closed anyway */
};

static void keep(struct xlsx *x, lxw_error rc)
{
	if (!x->rc)
		x->rc = rc;
}

static void put_s(struct xlsx *x, lxw_worksheet *ws, size_t row, lxw_col_t col, const char *s,
		  lxw_format *f)
{
	keep(x, worksheet_write_string(ws, (lxw_row_t)row, col, s, f));
}

static void put_n(struct xlsx *x, lxw_worksheet *ws, size_t row, lxw_col_t col, double v,
		  lxw_format *f)
{
	keep(x, worksheet_write_number(ws, (lxw_row_t)row, col, v, f));
}

/* The length of s cut to at most max bytes, never inside a UTF-8 sequence. */
static size_t utf8_cut(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

/* Whether name is taken: by a sheet already named, or by Excel itself ("History"). Excel
 * compares sheet names ignoring case. */
static int name_taken(const struct xlsx *x, const char *name)
{
	size_t i;

	if (!strcasecmp(name, "History"))
		return 1;
	for (i = 0; i < x->nnames; i++)
		if (!strcasecmp(x->names[i], name))
			return 1;
	return 0;
}

/* Name the next sheet after want: the characters Excel refuses (and the apostrophe, which
 * would need quoting in a link) replaced by "_", cut to 31 characters, made unique by a
 * "~2", "~3"... suffix. */
static void name_sheet(struct xlsx *x, const char *want)
{
	char base[SHEET_MAX + 1], *out = x->names[x->nnames], *p;
	unsigned k;

	if (!want[0])
		want = "table";
	snprintf(base, sizeof base, "%.*s", (int)utf8_cut(want, SHEET_MAX), want);
	for (p = base; *p; p++)
		if (strchr("[]:*?/\\'", *p))
			*p = '_';
	snprintf(out, SHEET_MAX + 1, "%s", base);
	for (k = 2; name_taken(x, out); k++) {
		char suffix[16];
		int n = snprintf(suffix, sizeof suffix, "~%u", k);

		snprintf(out, SHEET_MAX + 1, "%.*s%s", (int)utf8_cut(base, SHEET_MAX - (size_t)n),
			 base, suffix);
	}
	x->nnames++;
}

/* The four rows that start every sheet: whose figures, as of when, by whom. */
static void head_rows(struct xlsx *x, lxw_worksheet *ws)
{
	const struct report *r = x->r;
	char d[DATE_STR], by[sizeof r->made_by + sizeof r->made_at + 8];

	snprintf(by, sizeof by, "%s at %s", r->made_by, r->made_at);
	put_s(x, ws, 0, 0, "Organisation", x->bold);
	put_s(x, ws, 0, 1, r->org_code, NULL);
	put_s(x, ws, 0, 2, r->org_name, NULL);
	put_s(x, ws, 1, 0, "As of", x->bold);
	put_s(x, ws, 1, 1, date_format(r->as_of, d), NULL);
	put_s(x, ws, 2, 0, "Year", x->bold);
	put_n(x, ws, 2, 1, r->year, NULL);
	put_s(x, ws, 3, 0, "Made by", x->bold);
	put_s(x, ws, 3, 1, by, NULL);
}

/* Add the sheet named x->names[i] with its head rows, laid out for A4 paper. */
static lxw_worksheet *add_sheet(struct xlsx *x, size_t i)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, x->names[i]);

	if (!ws) {
		keep(x, LXW_ERROR_PARAMETER_VALIDATION);
		return NULL;
	}
	keep(x, worksheet_set_column(ws, 0, 0, 40, NULL));
	keep(x, worksheet_set_column(ws, 1, 2 * REPORT_COLS_MAX, 12, NULL));
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	keep(x, worksheet_repeat_rows(ws, TABLE_ROW, TABLE_ROW));
	head_rows(x, ws);
	return ws;
}

static void summary_sheet(struct xlsx *x)
{
	lxw_worksheet *ws = add_sheet(x, 0);
	size_t i;

	if (!ws)
		return;
	put_s(x, ws, TABLE_ROW, 0, "Table", x->bold);
	put_s(x, ws, TABLE_ROW, 1, "Title", x->bold);
	put_s(x, ws, TABLE_ROW, 2, "Note", x->bold);
	for (i = 0; i < x->r->n; i++) {
		const struct report_table *t = &x->r->t[i];
		size_t row = TABLE_ROW + 1 + i;
		char url[SHEET_MAX + 32];

		snprintf(url, sizeof url, "internal:'%s'!A1", x->names[1 + i]);
		keep(x, worksheet_write_url_opt(ws, (lxw_row_t)row, 0, url, NULL, x->names[1 + i],
						NULL));
		put_s(x, ws, row, 1, t->title, NULL);
		put_s(x, ws, row, 2, t->note, NULL);
	}
}

/* One row of a table's sheet: the label, then each column's count and percentage. */
static void xlsx_table_row(struct xlsx *x, lxw_worksheet *ws, const struct report_table *t, size_t i,
		      const int *has_pct)
{
	const struct report_row *w = &t->rows[i];
	size_t row = TABLE_ROW + 1 + i, k;
	lxw_col_t col = 1;

	put_s(x, ws, row, 0, w->label, NULL);
	for (k = 0; k < t->ncol; k++) {
		const struct report_cell *c = &w->c[k];

		put_n(x, ws, row, col++, (double)c->count, NULL);
		if (has_pct[k] && cell_has_pct(c))
			put_n(x, ws, row, col, (double)report_pct100(c->count, c->base) / 10000.0,
			      x->pct);
		col += (lxw_col_t)has_pct[k];
	}
}

static void table_sheet(struct xlsx *x, size_t ti)
{
	const struct report_table *t = &x->r->t[ti];
	lxw_worksheet *ws = add_sheet(x, 1 + ti);
	int has_pct[REPORT_COLS_MAX];
	char head[REPORT_NAME_MAX + 4];
	lxw_col_t col = 1;
	size_t i, k;

	if (!ws)
		return;
	put_s(x, ws, TABLE_ROW, 0, t->title, x->bold);
	for (k = 0; k < t->ncol; k++) {
		has_pct[k] = col_has_pct(t, k);
		put_s(x, ws, TABLE_ROW, col++, t->col_label[k], x->bold);
		if (has_pct[k]) {
			snprintf(head, sizeof head, "%s %%", t->col_label[k]);
			put_s(x, ws, TABLE_ROW, col++, head, x->bold);
		}
	}
	for (i = 0; i < t->nrow; i++)
		xlsx_table_row(x, ws, t, i, has_pct);
	if (t->note[0])
		put_s(x, ws, TABLE_ROW + t->nrow + 2, 0, t->note, NULL);
	worksheet_freeze_panes(ws, TABLE_ROW + 1, 1);
}

/* Whether path can be created, asked before the work and answered in the system's words
 * (libxlsxwriter finds out only when it closes the workbook, and then says it on stderr). */
static enum err_code check_writable(const char *path, const char *final, struct err *e)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		return err_set(e, ERR_STORAGE, "cannot write the workbook %s: %s; give a path in "
			       "a directory that exists and that you may write to", final,
			       strerror(errno));
	fclose(f);
	return ERR_OK;
}

/* Build the workbook at tmp; returns the first failure. */
static lxw_error write_workbook(const struct report *r, const char *tmp)
{
	struct xlsx x;
	size_t i;
	lxw_error rc;

	memset(&x, 0, sizeof x);
	x.r = r;
	x.wb = workbook_new(tmp);
	if (!x.wb)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	x.bold = workbook_add_format(x.wb);
	format_set_bold(x.bold);
	x.pct = workbook_add_format(x.wb);
	format_set_num_format(x.pct, "0.00%");
	x.names = xcalloc(r->n + 1, sizeof *x.names);
	name_sheet(&x, "summary");
	for (i = 0; i < r->n; i++)
		name_sheet(&x, r->t[i].name);
	summary_sheet(&x);
	for (i = 0; i < r->n; i++)
		table_sheet(&x, i);
	/* Writes the file and frees the workbook, after a failure too. */
	rc = workbook_close(x.wb);
	free(x.names);
	return x.rc ? x.rc : rc;
}

/* Build the workbook in a temporary file and copy it into path, a device or a pipe. */
static enum err_code to_stream(const struct report *r, const char *path, struct err *e)
{
	char tmp[] = "/tmp/cadre-report-XXXXXX";
	char chunk[65536];
	enum err_code code = ERR_OK;
	FILE *in = NULL, *out = NULL;
	lxw_error rc;
	size_t got;
	int fd = mkstemp(tmp);

	if (fd < 0)
		return err_set(e, ERR_STORAGE, "cannot make a temporary file for the workbook: %s",
			       strerror(errno));
	close(fd);
	if ((rc = write_workbook(r, tmp))) {
		code = err_set(e, ERR_STORAGE, "cannot write the workbook %s: %s", path,
			       lxw_strerror(rc));
		goto out;
	}
	if (!(in = fopen(tmp, "rb")) || !(out = fopen(path, "wb"))) {
		code = err_set(e, ERR_STORAGE, "cannot write the workbook %s: %s", path,
			       strerror(errno));
		goto out;
	}
	while ((got = fread(chunk, 1, sizeof chunk, in)) > 0)
		if (fwrite(chunk, 1, got, out) != got)
			break;
	if (ferror(in) || ferror(out) || fflush(out))
		code = err_set(e, ERR_STORAGE, "cannot write the workbook %s: %s", path,
			       strerror(errno));
out:
	if (in)
		fclose(in);
	if (out && fclose(out) && !code)
		code = err_set(e, ERR_STORAGE, "cannot write the workbook %s", path);
	remove(tmp);
	return code;
}

enum err_code report_xlsx(const struct report *r, const char *path, struct err *e)
{
	/* Written beside the target and renamed at the end, so that a reader of path never
	 * sees half a workbook and a failure leaves the old file as it was. */
	size_t n = strlen(path) + sizeof ".part";
	char *tmp = xmalloc(n);
	enum err_code code;
	lxw_error rc;
	struct stat sb;

	snprintf(tmp, n, "%s.part", path);
	/* A device or a pipe (/dev/stdout, /dev/null) is not renamed over, which would replace
	 * the device node with a regular file: the workbook (whose writer needs to seek) is
	 * built in a temporary file and copied into it. */
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode)) {
		code = to_stream(r, path, e);
		goto out;
	}
	code = check_writable(tmp, path, e);
	if (code)
		goto out;
	rc = write_workbook(r, tmp);
	if (rc)
		code = err_set(e, ERR_STORAGE, "cannot write the workbook %s: %s; check that its "
			       "directory can be written and has room", path, lxw_strerror(rc));
	else if (rename(tmp, path))
		code = err_set(e, ERR_STORAGE, "cannot replace %s: %s; check that it is not a "
			       "directory and that you may write to it", path, strerror(errno));
	if (code)
		remove(tmp);
out:
	free(tmp);
	return code;
}
