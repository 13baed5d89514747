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

/* A reviews CSV read a chunk at a time: the reader holds one record, never the file. */
struct review_reader;
/* A reader of in (its header first, columns in any order). The caller owns it and frees it
 * with app_review_reader_free; in stays the caller's. */
struct review_reader *app_review_reader_new(FILE *in, enum review_csv_kind kind);
void app_review_reader_free(struct review_reader *r);
/* Read on until max rows without a problem are in rows[0..*n), each with its line, or the
 * file ends (*n == 0 then, and on every later call). Every problem is added to e with its
 * line, column and value: an unknown, repeated or missing column, a malformed record, a row
 * with too many or too few fields, a bad integer (member id, year, score), an unknown grade or
 * step, a bad date, a reason too long, an empty file. Only the file is checked here, not the
 * database; a bad row is skipped and reading goes on (a bad header or a quote left open ends
 * the file). Returns ERR_OK while the file so far has had no problem, then ERR_INPUT. */
enum err_code app_review_read(struct review_reader *r, struct review_in *rows, size_t max,
			      size_t *n, struct err *e);
/* Data records read so far (good and bad), and bytes of the file consumed (for a progress
 * bar). */
long app_review_reader_records(const struct review_reader *r);
unsigned long long app_review_reader_offset(const struct review_reader *r);

/* Rows a chunk of an import holds (CADRE_REVIEW_CHUNK, 1 or more, overrides it: tests make
 * small files span chunks). */
#define REVIEW_CHUNK_ROWS 4096

/* Import a reviews file as one batch (app_review_batch_begin): read a chunk of rows with
 * app_review_read, check and store it (app_review_batch_add), and so on to the end, in one
 * transaction; then the whole-file checks (the quota per grassroots organisation over the
 * whole file) and commit. Memory does not grow with the file beyond the batch's quotas and
 * set of decided members. All or nothing: any problem leaves the database as it was, and
 * every problem is reported; when a row is malformed only the malformed rows are reported
 * (the checks against the database wait for a well-formed file). opts->rejects must be NULL
 * (a review file is never split). res->rows is the number of data rows, res->imported those
 * recorded, res->rejected those with a problem. A progress bar is drawn unless a->quiet. */
enum err_code app_import_reviews(struct app *a, const struct actor *ac,
				 const struct import_opts *opts, enum review_csv_kind kind,
				 struct import_result *res, struct err *e);

#endif
