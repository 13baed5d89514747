/* table_out.c - a list as a CSV or XLSX download, written row by row into a temporary file
 * (an audit log of millions of entries never sits in memory: the workbook is written in
 * libxlsxwriter's constant-memory mode, a row at a time). */
#include "table_out.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "../lib/buf.h"
#include "../lib/csv.h"
#include "../lib/mem.h"

struct table_out {
	enum table_format f;
	FILE *csv;           /* TABLE_CSV: the unlinked temporary file */
	struct buf row;      /* TABLE_CSV: the row being written */
	int cells;
	lxw_workbook *wb;    /* TABLE_XLSX */
	lxw_worksheet *ws;
	lxw_row_t r;
	lxw_col_t c;
	int failed;          /* sticky: a write failed */
	char dir[512], path[560];
};

struct table_out *table_out_new(enum table_format f, const char *sheet, struct err *e)
{
	struct table_out *t = xcalloc(1, sizeof *t);
	const char *tmp = getenv("TMPDIR");
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE};

	t->f = f;
	if (f == TABLE_CSV) {
		if (!(t->csv = tmpfile()))
			goto fail;
		buf_init(&t->row, 0);
		return t;
	}
	snprintf(t->dir, sizeof t->dir, "%s/cadre-list-XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
	if (!mkdtemp(t->dir))
		goto fail;
	snprintf(t->path, sizeof t->path, "%s/list.xlsx", t->dir);
	opt.tmpdir = t->dir;
	if (!(t->wb = workbook_new_opt(t->path, &opt)) ||
	    !(t->ws = workbook_add_worksheet(t->wb, sheet))) {
		if (t->wb)
			workbook_close(t->wb);
		unlink(t->path);
		rmdir(t->dir);
		goto fail;
	}
	return t;
fail:
	err_set(e, ERR_STORAGE, "cannot make a temporary file for the download: %s",
		strerror(errno));
	free(t);
	return NULL;
}

void table_out_text(struct table_out *t, const char *s)
{
	if (t->f == TABLE_CSV) {
		if (t->cells++)
			buf_addc(&t->row, ',');
		csv_write_field(&t->row, s ? s : "");
		return;
	}
	if (s && s[0] && worksheet_write_string(t->ws, t->r, t->c, s, NULL))
		t->failed = 1;
	t->c++;
}

void table_out_int(struct table_out *t, long long v)
{
	char s[32];

	if (t->f == TABLE_CSV) {
		snprintf(s, sizeof s, "%lld", v);
		table_out_text(t, s);
		return;
	}
	if (worksheet_write_number(t->ws, t->r, t->c, (double)v, NULL))
		t->failed = 1;
	t->c++;
}

void table_out_row(struct table_out *t)
{
	if (t->f == TABLE_CSV) {
		buf_addc(&t->row, '\n');
		if (fwrite(t->row.s, 1, t->row.len, t->csv) != t->row.len)
			t->failed = 1;
		buf_reset(&t->row);
		t->cells = 0;
		return;
	}
	t->r++;
	t->c = 0;
}

enum err_code table_out_finish(struct table_out *t, int *fd, long long *len, struct err *e)
{
	struct stat st;
	int failed = t->failed;

	*fd = -1;
	*len = 0;
	if (t->f == TABLE_CSV) {
		if (fflush(t->csv) || (*fd = dup(fileno(t->csv))) < 0 || fstat(*fd, &st))
			failed = 1;
		fclose(t->csv);
		buf_cleanup(&t->row);
	} else {
		if (workbook_close(t->wb) != LXW_NO_ERROR ||
		    (*fd = open(t->path, O_RDONLY | O_CLOEXEC)) < 0 || fstat(*fd, &st))
			failed = 1;
		unlink(t->path);
		rmdir(t->dir);
	}
	free(t);
	if (failed) {
		if (*fd >= 0)
			close(*fd);
		*fd = -1;
		return err_set(e, ERR_STORAGE, "cannot write the download to a temporary file: the "
			       "disk may be full");
	}
	lseek(*fd, 0, SEEK_SET);
	*len = (long long)st.st_size;
	return ERR_OK;
}

enum err_code table_out_save(int fd, const char *path, struct err *e)
{
	FILE *out;
	char chunk[65536];
	ssize_t n;
	int to_stdout = !strcmp(path, "-"), bad = 0;

	out = to_stdout ? stdout : fopen(path, "wb");
	if (!out) {
		close(fd);
		return err_add(e, ERR_USAGE, 0, NULL, path, NULL, "cannot write %s: %s", path,
			       strerror(errno));
	}
	while ((n = read(fd, chunk, sizeof chunk)) > 0)
		if (fwrite(chunk, 1, (size_t)n, out) != (size_t)n)
			bad = 1;
	if (n < 0)
		bad = 1;
	close(fd);
	if (to_stdout ? fflush(out) != 0 : fclose(out) != 0)
		bad = 1;
	if (bad) {
		if (!to_stdout)
			remove(path);
		return err_set(e, ERR_STORAGE, "cannot finish writing %s", path);
	}
	return ERR_OK;
}
