/* app_complaint.h - complaints against discipline decisions and denunciations (tố cáo): lodge,
 * settle (with the settlement's effects on the discipline), withdraw, list, read, import
 * (docs/inspection.md "Complaints and denunciations"). Every call needs the inspection right
 * over the organisation (app_inspection_check); writing needs a role that edits. */
#ifndef CADRE_APP_COMPLAINT_H
#define CADRE_APP_COMPLAINT_H

#include "../store/store_complaint.h"
#include "app.h"
#include "table_out.h"

/* A complaint (kind CK_COMPLAINT: discipline_id) or a denunciation (CK_DENUNCIATION: about
 * member_id, or the organisation org_code) as lodged. to_body "" or NULL: the body above the
 * one that decided (its committee when its inspection committee decided), for a denunciation
 * the parent of the organisation concerned. lodged_on DATE_NONE: today. */
struct complaint_in {
	int kind;
	int64_t discipline_id;
	int64_t member_id;
	const char *org_code;
	const char *from_name;
	const char *to_body;
	date_t lodged_on;
	const char *content;
};
/* Lodge it: R-COMPLAINT-DAYS (refused after, naming the rule; a warning in a->warn when the
 * decision's notice date is not recorded); the body checked (a proper ancestor of the
 * deciding organisation, or that organisation when its inspection committee decided); one
 * open complaint a decision; due_on by R-COMPLAINT-SETTLE-DAYS / R-DENUNCIATION-SETTLE-DAYS.
 * The decision stays in force meanwhile. Audited (complaint.add). *id receives the new id. */
enum err_code app_complaint_add(struct app *a, const struct actor *ac,
				const struct complaint_in *in, int64_t *id, struct err *e);

/* A settlement: outcome (a complaint's kept/reduced/annulled/raised, a denunciation's
 * founded/partly_founded/unfounded), form the new form of a reduced or raised discipline
 * (-1 otherwise), on DATE_NONE today, decision_no (core/docnum.h, "" none), text. */
struct complaint_settle_in {
	int64_t id;
	int outcome;
	int form;
	date_t on;
	const char *decision_no;
	const char *text;
};
/* Settle the open complaint in->id in one transaction: kept changes nothing; annulled ends
 * the decision (state annulled, ended_on) and resolves its open review_revision rows;
 * reduced/raised ends it (state changed) and records the new decision by the settling body
 * (replaces_id, R-DISCIPLINE-FORMS, R-DISCIPLINE-AUTHORITY; stored directly, not through
 * app_discipline_add); an annulled or reduced expulsion restores the member's status before
 * it (from the status history) on the settlement date, a raise to expulsion expels. Audited
 * (complaint.settle, discipline.change) with before and after. *new_id (may be NULL) gets
 * the new decision's id or 0. */
enum err_code app_complaint_settle(struct app *a, const struct actor *ac,
				   const struct complaint_settle_in *in, int64_t *new_id,
				   struct err *e);
/* Withdraw the open complaint id on date on (DATE_NONE today): state withdrawn, settled_on
 * the withdrawal date, no outcome; why kept as the settlement text. Audited. */
enum err_code app_complaint_withdraw(struct app *a, const struct actor *ac, int64_t id,
				     date_t on, const char *why, struct err *e);
/* The row id, when it lies in the actor's subtree (else ERR_NOTFOUND) and the actor holds
 * the inspection right over it (else ERR_DENIED). */
enum err_code app_complaint_get(struct app *a, const struct actor *ac, int64_t id,
				struct complaint_row *c, struct err *e);
/* The history of the discipline decision id (the first decision and every change, oldest
 * first), for a complaint the actor may read (call app_complaint_get first). */
enum err_code app_complaint_history(struct app *a, int64_t discipline_id,
				    store_discipline_cb cb, void *ctx, struct err *e);
/* The register of the subtree of org_code ("" the actor's scope) as f's kind, state, dates
 * and overdue_on pick (f->pre/last are set here), newest first. overdue_on: pass a->today
 * for "open past due". */
enum err_code app_complaint_list(struct app *a, const struct actor *ac, const char *org_code,
				 struct complaint_filter *f, store_complaint_cb cb, void *ctx,
				 struct err *e);
/* A row as the API and the command line give it (new reference; NULL when jansson fails):
 * id, kind, discipline_id, member_id, member_name, org, org_name, to_body, to_body_name,
 * from, lodged_on, due_on, overdue (open and past due as of today), content, state, outcome,
 * settled_on, settlement_no, settlement, new_discipline_id, recorded_by. */
json_t *app_complaint_json(struct app *a, const struct complaint_row *c);
/* A discipline row (a complaint's decision and its history) as JSON. */
json_t *app_complaint_discipline_json(const struct discipline_row *d);
/* The register as app_complaint_list picks it, as a CSV or XLSX download (table_out.h);
 * one audit entry for the read (complaints.export). */
enum err_code app_complaint_export(struct app *a, const struct actor *ac, const char *org_code,
				   struct complaint_filter *f, enum table_format fmt, int *fd,
				   long long *len, struct err *e);
/* The same into a file (path "-": standard output). */
enum err_code app_complaint_export_file(struct app *a, const struct actor *ac,
					const char *org_code, struct complaint_filter *f,
					enum table_format fmt, const char *path, struct err *e);
/* Import past complaints and denunciations from CSV (docs/inspection.md): columns kind,
 * discipline_id, member_id, org, from, to_body, lodged_on, content (required: kind,
 * lodged_on, content), outcome (a settlement's, or "withdrawn"), form, settled_on,
 * settlement_no, settlement. Each row is lodged (and settled or withdrawn) as the calls above
 * do, with every rule; all or nothing: every bad row is reported (line, column, value,
 * reason). */
enum err_code app_import_complaints(struct app *a, const struct actor *ac,
				    const struct import_opts *opts, struct import_result *res,
				    struct err *e);

#endif
