/* app_insp.h - inspection and supervision (docs/inspection.md "Programmes", "Cases"): the
 * programmes of a committee or its inspection committee, their items, the cases opened from
 * them or on signs of violation, and each case's steps. Every call needs the inspection
 * right (app_inspection_check); a change needs also a role that may change records
 * (app_can_edit). A record outside the actor's subtree does not exist (ERR_NOTFOUND): a
 * programme lies where its organisation does, an item and a case where their target's
 * organisation does. */
#ifndef CADRE_APP_INSP_H
#define CADRE_APP_INSP_H

#include "../core/insp.h"
#include "../store/store_insp.h"
#include "app.h"
#include "table_out.h"

/* The fields as typed (CLI options, JSON members, CSV columns, form fields); NULL or "" is
 * not given. Dates YYYY-MM-DD; numbers as written on the document (core/docnum.h). */
struct insp_programme_in {
	const char *org, *body, *year, *kind, *title, *approved_on, *doc_no;
};
struct insp_item_in {
	const char *org, *member_id, *kind, *from, *to, *content;
};
/* A case opened from an item (item_id: kind, target and body taken from it and its
 * programme; org, member_id, body_org, body and kind must then be left out) or outside the
 * programme (org or member_id, body_org, body, kind all given). */
struct insp_open_in {
	const char *item_id, *org, *member_id, *body_org, *body, *kind, *decision_no,
		*decision_on, *team, *from, *to, *content;
};
/* A step: on (its date), doc_no (the conclusion's or the notice's number), findings,
 * conclusion and proposal (conclude), text (the follow-up, or a note on closing). */
struct insp_step_in {
	const char *on, *doc_no, *findings, *conclusion, *proposal, *text;
};

/* JSON objects (new references; NULL when jansson fails). A case has "late": open past its
 * period as of today. */
json_t *app_insp_programme_json(const struct insp_programme *p);
json_t *app_insp_item_json(const struct insp_item *it);
json_t *app_insp_case_json(struct app *a, const struct insp_case *c);
json_t *app_insp_event_json(const struct insp_event *ev);
/* Whether case c is late: open with its period ended before today. */
int app_insp_case_late(struct app *a, const struct insp_case *c);

/* Record a programme (every problem at once; one per organisation, body, year and kind:
 * ERR_RULE naming the one there). Audited as inspection.programme.add. */
enum err_code app_insp_programme_add(struct app *a, const struct actor *ac,
				     const struct insp_programme_in *in, struct insp_programme *out,
				     struct err *e);
/* The programme id (its organisation in the subtree, else ERR_NOTFOUND). */
enum err_code app_insp_programme_get(struct app *a, const struct actor *ac, int64_t id,
				     struct insp_programme *p, struct err *e);
/* Its live items to cb (after app_insp_programme_get's checks). */
enum err_code app_insp_programme_items(struct app *a, const struct actor *ac, int64_t id,
				       store_insp_item_cb cb, void *ctx, struct err *e);
/* The programmes of org's subtree (NULL/"": the actor's scope), year 0: all, kind and body
 * NULL/"": all (ERR_USAGE naming them when unknown). */
struct insp_programme_query {
	const char *org, *kind, *body;
	int year;
};
enum err_code app_insp_programme_list(struct app *a, const struct actor *ac,
				      const struct insp_programme_query *q,
				      store_insp_programme_cb cb, void *ctx, struct err *e);

/* Add an item to programme programme_id: its kind fits the programme's
 * (insp_kind_fits), the target lies under the programme's organisation (a proper
 * descendant for an organisation), the planned period starts in the programme's year.
 * Audited as inspection.item.add. */
enum err_code app_insp_item_add(struct app *a, const struct actor *ac, int64_t programme_id,
				const struct insp_item_in *in, struct insp_item *out,
				struct err *e);
/* Remove item id (marked deleted, kept; refused once a case was opened from it). */
enum err_code app_insp_item_remove(struct app *a, const struct actor *ac, int64_t id,
				   struct err *e);

/* Open a case by a decision (its history starts with "open"). The decision number is
 * stored canonical and is unique per body; the body's organisation is the target's own or
 * an ancestor (a proper ancestor for an organisation); the decision not in the future, the
 * period starting on or after it. Audited as inspection.case.open. */
enum err_code app_insp_case_open(struct app *a, const struct actor *ac,
				 const struct insp_open_in *in, struct insp_case *out,
				 struct err *e);
/* Take step act on case id (conclude, notify, followup, close): refused out of order
 * saying the state the case is in (insp_action_check), dates after the previous step and
 * not in the future; a history row with who. Audited as inspection.case.ACTION. */
enum err_code app_insp_case_step(struct app *a, const struct actor *ac, int64_t id,
				 enum insp_action act, const struct insp_step_in *in,
				 struct insp_case *out, struct err *e);
/* The case id (ERR_NOTFOUND outside the subtree); the reading is audited. */
enum err_code app_insp_case_get(struct app *a, const struct actor *ac, int64_t id,
				struct insp_case *c, struct err *e);
/* Its history, oldest first (after app_insp_case_get's checks, not audited again). */
enum err_code app_insp_case_history(struct app *a, const struct actor *ac, int64_t id,
				    store_insp_event_cb cb, void *ctx, struct err *e);
/* The cases of org's subtree (NULL/"": the actor's scope): year of the opening decision (0:
 * all), kind and state (NULL/"": all), late (open past its period), programme (0: all). */
struct insp_case_query {
	const char *org, *kind, *state;
	int year, late;
	int64_t programme_id, item_id;
};
enum err_code app_insp_case_list(struct app *a, const struct actor *ac,
				 const struct insp_case_query *q, store_insp_case_cb cb, void *ctx,
				 struct err *e);
/* The list as CSV or XLSX in a temporary file (*fd, *len) or to path ("-": stdout). */
enum err_code app_insp_case_export(struct app *a, const struct actor *ac,
				   const struct insp_case_query *q, enum table_format f, int *fd,
				   long long *len, struct err *e);
enum err_code app_insp_case_export_file(struct app *a, const struct actor *ac,
					const struct insp_case_query *q, enum table_format f,
					const char *path, struct err *e);

/* Import past programmes (org, body, year, kind, title, approved_on, doc_no) or cases
 * (body_org, body, decision_no, decision_on, org or member_id, kind, team, from, to,
 * content, then optionally findings, conclusion, proposal, concluded_on, conclusion_no,
 * notice_no, notified_on, followup, followup_on, closed_on: each step recorded in order with
 * the same checks), since 2020: all or nothing, every bad row with its line, column, value
 * and reason. */
enum err_code app_import_programmes(struct app *a, const struct actor *ac,
				    const struct import_opts *opts, struct import_result *res,
				    struct err *e);
enum err_code app_import_cases(struct app *a, const struct actor *ac,
			       const struct import_opts *opts, struct import_result *res,
			       struct err *e);

#endif
