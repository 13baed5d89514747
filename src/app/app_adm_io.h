/* app_adm_io.h - admissions in and out as files (docs/csv.md, docs/admissions.md): the CSV
 * import of candidates (app_adm_import.c), and every admissions list as CSV or XLSX
 * (app_adm_export.c) for the command line, the API and the pages. */
#ifndef CADRE_APP_ADM_IO_H
#define CADRE_APP_ADM_IO_H

#include <stdio.h>

#include "../lib/csv.h"
#include "app_admission.h"
#include "table_out.h"

/* ---- the candidates CSV ------------------------------------------------------------------- */

/* A candidates CSV read a record at a time (its header first, columns in any order): org,
 * full_name, sex, birth_date, source, listed_on, and the person columns of the member CSV
 * that apply to a candidate (ethnicity, religion, hometown, citizen_id, education,
 * theory_level, rank, category, post, phone). The reader holds one record, never the file;
 * in stays the caller's. */
struct adm_reader;
struct adm_reader *app_adm_reader_new(FILE *in);
void app_adm_reader_free(struct adm_reader *r);
/* Read the next data record into *c: 1 when one was read as fields (good, or bad when e
 * gained a problem, each with the record's line, its column and the value), 2 when it could
 * not be read as the header's fields (a problem in e, *c empty), 0 at the end of the file
 * (and on every later call). Only the file is checked here, not the database: an unknown,
 * repeated or missing column, a malformed record, a row of the wrong width, a name, sex,
 * date or text the member rules refuse, an unknown source, an empty organisation. A bad
 * header or a quote left open ends the file. */
int app_adm_read(struct adm_reader *r, struct admission *c, struct err *e);
/* The record just read (its fields, for the rejects file); NULL before the first and when it
 * was unreadable. Its line (of an unreadable one too). */
const struct csv_record *app_adm_reader_record(const struct adm_reader *r);
long app_adm_reader_line(const struct adm_reader *r);
/* Data records read so far, and whether a header was read. */
long app_adm_reader_records(const struct adm_reader *r);
int app_adm_reader_has_header(const struct adm_reader *r);

/* app_adm_add for input read from a form, a JSON body or a CSV row, whose reader may already
 * have put problems in e (fields it could not read): the case's own checks are then added
 * for the other fields only (one problem a field), and nothing is written. The cell is named
 * "org" in the problems, as these inputs name it. */
enum err_code app_adm_add_input(struct app *a, const struct actor *ac, struct admission *c,
				int allow_duplicate, struct err *e);

/* Import candidates from opts->in (app_import_run's "candidates"): each row opened as a case
 * by app_adm_add (its duplicate check and rules; a row that looks like a member, a former
 * member or an open case is refused unless opts->allow_duplicates, a warning then), all in
 * one transaction. All or nothing: any bad row leaves the database as it was, and every
 * problem of every row is reported (line, column, value, reason); with opts->rejects the
 * good rows are imported and the bad ones written there with their reasons (a last "error"
 * column). opts->once_key is honoured as for the other imports. res->rows counts the data
 * rows, res->imported the cases opened, res->rejected the bad rows. */
enum err_code app_import_candidates(struct app *a, const struct actor *ac,
				    const struct import_opts *opts, struct import_result *res,
				    struct err *e);

/* ---- admissions lists as files ------------------------------------------------------------ */

/* Which list: the cases of a subtree (app_adm_list) or what is due (app_adm_due). */
enum adm_list_kind { ADM_LIST_CASES, ADM_LIST_DUE };
struct adm_list_query {
	enum adm_list_kind kind;
	const char *org_code;   /* NULL or "": the actor's scope */
	int stage;              /* cases: -1 open ones, AST__COUNT every stage, else one */
	date_t as_of;           /* due: DATE_NONE for today */
};

/* The list q as a table (CSV or XLSX, table_out.h): a header row, then a row per case with
 * its id, cell, name, sex, birth date, source, listed on, stage, since, the next step's
 * deadline (what, from, due, overdue) and the member's id once admitted. The read is one
 * audit entry (app_audit_bulk: "admissions.export", the subtree, the rows, the format).
 * On success *fd is the file opened at its start (the caller closes it), *len its size. */
enum err_code app_adm_export(struct app *a, const struct actor *ac,
			     const struct adm_list_query *q, enum table_format f, int *fd,
			     long long *len, struct err *e);
/* The same written to path ("-": standard output), for the command line's --csv/--xlsx. */
enum err_code app_adm_export_file(struct app *a, const struct actor *ac,
				  const struct adm_list_query *q, enum table_format f,
				  const char *path, struct err *e);
/* Record a page of a list read through the API or a page (one audit entry, as a page of the
 * member list is): action "admissions.list" or "admissions.due", the subtree, the rows. */
enum err_code app_adm_audit_list(struct app *a, const struct actor *ac, const char *action,
				 const char *org_code, long rows, struct err *e);
/* Record that case c was opened (its record read through the API: "admission.read", as
 * app_adm_steps records the timeline's reading). */
enum err_code app_adm_audit_read(struct app *a, const struct actor *ac,
				 const struct admission *c, struct err *e);

#endif
