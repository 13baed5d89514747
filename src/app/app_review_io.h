/* app_review_io.h - yearly reviews imported from CSV (docs/csv.md): a year's review steps for
 * many members, or many organisations, in one file, all or nothing. */
#ifndef CADRE_APP_REVIEW_IO_H
#define CADRE_APP_REVIEW_IO_H

#include <stdio.h>

#include "app.h"
#include "app_report.h"

/* What a reviews file is about: members (member_id,year,grade) or organisations
 * (org_code,year,grade); both may add score, step, date and reason. */
enum review_csv_kind { REVIEW_CSV_MEMBERS, REVIEW_CSV_ORGS };

/* Read a reviews CSV from in, with its header (columns in any order). Every record is read
 * and every problem added to e with its line, column and value: an unknown, repeated or
 * missing column, a malformed record, a row with too many or too few fields, a bad integer
 * (member id, year, score), an unknown grade or step, a bad date, a reason too long. Only
 * the file is checked here, not the database. *rows receives the rows read without a
 * problem, in file order, each with its line (the caller frees the array with free(); NULL
 * when there is none), *n their number, *nrows the number of data records in the file.
 * Returns ERR_OK when the file has no problem, else ERR_INPUT. */
enum err_code app_review_csv_read(FILE *in, enum review_csv_kind kind, struct review_in **rows,
				  size_t *n, long *nrows, struct err *e);

/* Import a reviews file: read it with app_review_csv_read, then, when every row is well
 * formed, record the whole file as one batch of app_review_members (members: every
 * R-REVIEW-* rule, the quota counted per grassroots organisation over the whole file) or
 * app_review_orgs. All or nothing: any problem leaves the database as it was, and every
 * problem is reported. opts->rejects must be NULL (a review file is never split).
 * res->rows is the number of data rows, res->imported those recorded. */
enum err_code app_import_reviews(struct app *a, const struct actor *ac,
				 const struct import_opts *opts, enum review_csv_kind kind,
				 struct import_result *res, struct err *e);

#endif
