/* table_out.h - a list as a download, CSV or XLSX, written a cell at a time in the order of
 * the list (the web's list pages write exactly the rows and columns they show). */
#ifndef CADRE_TABLE_OUT_H
#define CADRE_TABLE_OUT_H

#include "../core/err.h"

enum table_format { TABLE_CSV, TABLE_XLSX };

struct table_out;

/* A new table in a private temporary file (an XLSX workbook of one sheet named sheet).
 * NULL with e set when the file cannot be made. The caller ends it with table_out_finish. */
struct table_out *table_out_new(enum table_format f, const char *sheet, struct err *e);
/* Add a cell of text, or of a whole number, to the current row. */
void table_out_text(struct table_out *t, const char *s);
void table_out_int(struct table_out *t, long long v);
/* End the current row. */
void table_out_row(struct table_out *t);
/* Finish and free t: *fd is the file opened for reading at its start (the caller closes it;
 * the file has no name left on disk), *len its size. Errors of any earlier call (a full disk)
 * are reported here. */
enum err_code table_out_finish(struct table_out *t, int *fd, long long *len, struct err *e);
/* Copy a finished download (fd, as table_out_finish gives it) into path ("-": standard
 * output) and close fd; a file left half-written is removed. What every list's
 * "export to a file" of the command line ends with. */
enum err_code table_out_save(int fd, const char *path, struct err *e);

#endif
