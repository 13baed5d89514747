/* app_training.h - members' training records (docs/cadres.md "Training"): every call needs
 * the personnel right (app_personnel_check) over the member's organisation. */
#ifndef CADRE_APP_TRAINING_H
#define CADRE_APP_TRAINING_H

#include "../core/training.h"
#include "../store/store_training.h"
#include "app.h"
#include "table_out.h"

/* The record as a JSON object (a new reference; NULL when jansson fails): id, member_id,
 * full_name, org, course, school, kind, from, to (null while under way), result,
 * certificate, note. The CLI and the API answer with it. */
json_t *app_training_json(const struct training *t);

/* Record a training of member member_id from the fields as typed (every problem at once).
 * The record's sending organisation is the member's roll. out (may be NULL) receives the
 * record stored. Audited as training.add (subject member:ID). */
enum err_code app_training_add(struct app *a, const struct actor *ac, int64_t member_id,
			       const struct training_input *in, struct training *out,
			       struct err *e);
/* The record id (ERR_NOTFOUND when its member and its sending organisation both lie
 * outside the actor's subtree). */
enum err_code app_training_get(struct app *a, const struct actor *ac, int64_t id,
			       struct training *t, struct err *e);
/* Change the fields in gives (NULL: unchanged); the old values go to the audit entry
 * (training.edit), which is the record's history. out (may be NULL) receives the result. */
enum err_code app_training_edit(struct app *a, const struct actor *ac, int64_t id,
				const struct training_input *in, struct training *out,
				struct err *e);
/* Delete the record id: it is marked deleted, kept in the database, audited. */
enum err_code app_training_delete(struct app *a, const struct actor *ac, int64_t id,
				  struct err *e);
/* Which records a list shows: one member's (member_id), else those sent by org_code's
 * subtree ("" or NULL: the actor's scope); year (0: all) of the start date; kind (""/NULL:
 * all, else a kind's name: ERR_USAGE naming "kind" otherwise). */
struct training_query {
	int64_t member_id;
	const char *org_code;
	int year;
	const char *kind;
};
/* The records q picks to cb, by start date; one audit entry for the read. */
enum err_code app_training_list(struct app *a, const struct actor *ac,
				const struct training_query *q, store_training_cb cb, void *ctx,
				struct err *e);
/* The list q picks as CSV or XLSX in a temporary file (*fd at its start, *len bytes), or
 * written to path ("-": standard output). */
enum err_code app_training_export(struct app *a, const struct actor *ac,
				  const struct training_query *q, enum table_format f, int *fd,
				  long long *len, struct err *e);
enum err_code app_training_export_file(struct app *a, const struct actor *ac,
				       const struct training_query *q, enum table_format f,
				       const char *path, struct err *e);
/* One row of the figure "cadres sent to training" of a year: an organisation (its subtree),
 * the members sent in each kind and in all (a member once however many courses). */
struct training_fig_row {
	char code[ORG_CODE_MAX + 1];
	char name[ORG_NAME_MAX * 2 + 1];
	int depth;           /* 0: the organisation asked for (the total), 1: its children */
	long counts[TK__COUNT];
	long total;
};
typedef int (*app_training_fig_cb)(void *ctx, const struct training_fig_row *r);
/* The figure of year for org_code ("" : the actor's scope) first, then each of its active
 * children in code order. Needs the personnel right. */
enum err_code app_training_figures(struct app *a, const struct actor *ac, const char *org_code,
				   int year, app_training_fig_cb cb, void *ctx, struct err *e);
/* Import training records from CSV (member_id, course, school, kind, from, to, result,
 * certificate, note): all or nothing, every bad row reported. */
enum err_code app_import_training(struct app *a, const struct actor *ac,
				  const struct import_opts *opts, struct import_result *res,
				  struct err *e);

#endif
