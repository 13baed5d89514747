/* app_study.h - documents and their study (issue 12; DOMAIN §9; seed 003; docs/study.md): the
 * register of documents, study plans, study sessions and their attendance, the members'
 * confirmations, the coverage of any subtree, and the action programmes of organisations.
 *
 * Scope: a document registered by an organisation is seen by that organisation's subtree,
 * and a document of an organisation above the actor's scope is seen too (a resolution of the
 * centre reaches every cell); a sibling branch's own documents do not exist for the actor
 * (ERR_NOTFOUND, as for an id never used). Plans, sessions, coverage and programmes are read
 * within the actor's subtree. Writes need an editing role (clerk and above) over the
 * organisation that registers, organises or owns the record. Every change is one transaction
 * with its audit entry (doc.add, study.plan, study.session, study.attend, study.confirm,
 * action.add, action.item, action.result). */
#ifndef CADRE_APP_STUDY_H
#define CADRE_APP_STUDY_H

#include "../store/store_study.h"
#include "app.h"

/* Register a document: number_text as typed (docnum_parse: a refusal names the byte and what
 * was expected), issued_on, title (required), replaces ("" or NULL: none; else the number or
 * the id of a document the actor sees), registered by org_code (NULL or "": the actor's
 * scope, the root for the whole tree). *d receives the record. */
enum err_code app_doc_add(struct app *a, const struct actor *ac, const char *number_text,
			  date_t issued_on, const char *title, const char *replaces,
			  const char *org_code, struct doc *d, struct err *e);
/* A document by id or by number ("21-NQ/TW", typed any way docnum accepts; the newest of
 * that number) that the actor sees. */
enum err_code app_doc_find(struct app *a, const struct actor *ac, const char *ref,
			   struct doc *d, struct err *e);
enum err_code app_doc_get(struct app *a, const struct actor *ac, int64_t id, struct doc *d,
			  struct err *e);
/* The documents the actor sees matching q (accent-free words of the number, the type's name
 * or the title: "nghi quyet 21", "21-nq"; NULL or "": all), newest first. */
enum err_code app_doc_list(struct app *a, const struct actor *ac, const char *q,
			   store_doc_cb cb, void *ctx, struct err *e);
/* The documents (seen by the actor) that replace d. */
enum err_code app_doc_replaced_by(struct app *a, const struct actor *ac, int64_t id,
				  store_doc_cb cb, void *ctx, struct err *e);
/* The JSON of a document: {"id", "number", "num", "type", "type_vi", "type_en", "issuer",
 * "issued_on", "title", "replaces": {"id", "number"} or null, "org"}. A new reference. */
json_t *app_doc_json(const struct doc *d);

/* A study plan: document doc_id is introduced by p->org_code to the members of
 * p->audience_code's subtree of tier p->tier (STUDY_TIERS) and category p->category ("":
 * any), by p->deadline (optional). p->id set. */
enum err_code app_study_plan_add(struct app *a, const struct actor *ac, int64_t doc_id,
				 struct study_plan *p, struct err *e);
enum err_code app_study_plans(struct app *a, const struct actor *ac, int64_t doc_id,
			      store_plan_cb cb, void *ctx, struct err *e);

/* A study session of document s->document_id held by s->org_code on s->on_date (a meeting
 * row of kind 'study', state held; s->makeup_of: the session it makes up, of the same
 * document). Not after today. s->id set. */
enum err_code app_study_session_add(struct app *a, const struct actor *ac,
				    struct study_session *s, struct err *e);
enum err_code app_study_session_get(struct app *a, const struct actor *ac, int64_t id,
				    struct study_session *s, struct err *e);
enum err_code app_study_sessions(struct app *a, const struct actor *ac, int64_t doc_id,
				 store_session_cb cb, void *ctx, struct err *e);
/* Attendance of member_id at session_id: present, excused (reason required), absent. The
 * member must be on a roll of the organiser's subtree. */
enum err_code app_study_attend(struct app *a, const struct actor *ac, int64_t session_id,
			       int64_t member_id, const char *status, const char *reason,
			       struct err *e);
/* A member confirms having studied doc_id on on (DATE_NONE: today; not after today). The
 * handbook calls it for the member's own account (the actor's scope must see the member);
 * a second confirmation changes nothing (*added 0). */
enum err_code app_study_confirm(struct app *a, const struct actor *ac, int64_t doc_id,
				int64_t member_id, date_t on, int *added, struct err *e);

/* The coverage of doc_id over org_code's subtree (NULL: the actor's scope). Today from the
 * kept counters; as_of a past date the plain way (members on the rolls that day, covered by
 * then), without the per-organisation lines. */
struct study_coverage {
	long members, covered;   /* on the rolls of the subtree, and covered */
	long orgs, orgs_studied; /* organisations with members on their own roll, and those whose
				  * every member is covered (docs/study.md) */
	long committees, committees_studied; /* those of kind committee, grassroots or
					      * subcommittee */
};
/* cb (may be NULL) gets every organisation of the subtree with a member on its own roll, in
 * pre-order (drill-down: its own roll and covered). */
enum err_code app_study_coverage(struct app *a, const struct actor *ac, int64_t doc_id,
				 const char *org_code, date_t as_of, struct study_coverage *cov,
				 store_cov_cb cb, void *ctx, struct err *e);
/* app_study_coverage of today over the subtree [pre, last] (the caller has checked the
 * actor's scope and the document): the report's study table (app_report.c). */
enum err_code app_study_coverage_range(struct app *a, int64_t doc_id, long pre, long last,
				       struct study_coverage *cov, store_cov_cb cb, void *ctx,
				       struct err *e);
/* The coverage's two totals the plain way (store_study_coverage_plain: the rolls and the
 * attendance scanned, no counter): the check of the kept counters and the bench's floor. */
enum err_code app_study_coverage_plain(struct app *a, const struct actor *ac, int64_t doc_id,
				       const char *org_code, date_t as_of, long *members,
				       long *covered, struct err *e);
/* The members of org_code's own roll not covered (covered 0) or covered (1) for doc_id. */
enum err_code app_study_members(struct app *a, const struct actor *ac, int64_t doc_id,
				const char *org_code, int covered, store_idname_cb cb, void *ctx,
				struct err *e);

/* An action programme of p->org_code for document p->document_id and year p->year (title
 * required); one per organisation, document and year. p->id set. */
enum err_code app_action_add(struct app *a, const struct actor *ac, struct action_programme *p,
			     struct err *e);
enum err_code app_action_get(struct app *a, const struct actor *ac, int64_t id,
			     struct action_programme *p, struct err *e);
enum err_code app_action_list(struct app *a, const struct actor *ac, const char *org_code,
			      int64_t doc_id, int year, store_action_cb cb, void *ctx,
			      struct err *e);
enum err_code app_action_item_add(struct app *a, const struct actor *ac, int64_t prog_id,
				  struct action_item *it, struct err *e);
/* The year-end result of item seq: done (1) or not (0), with a text. */
enum err_code app_action_result(struct app *a, const struct actor *ac, int64_t prog_id,
				int seq, int done, const char *result, date_t on, struct err *e);
enum err_code app_action_items(struct app *a, const struct actor *ac, int64_t prog_id,
			       store_item_cb cb, void *ctx, struct err *e);

/* The JSON of the records, as the command line's --json and the API give them (new
 * references): a plan {"id", "org", "audience", "tier", "category", "deadline", "note"}; a
 * session {"id", "document_id", "org", "date", "starts", "ends", "topic", "makeup_of",
 * "present", "excused", "absent"}; a programme {"id", "org", "document", "year", "title",
 * "items", "done"}; an item {"seq", "text", "owner", "due_on", "done" (null: not reported),
 * "result"}; a coverage line {"org", "name", "kind", "members", "covered", "studied"} (its
 * subtree's). */
json_t *app_study_plan_json(const struct study_plan *p);
json_t *app_study_session_json(const struct study_session *s);
json_t *app_action_json(const struct action_programme *p);
json_t *app_action_item_json(const struct action_item *it);
json_t *app_study_cov_json(const struct study_org_cov *c);

/* The documents app_doc_list gives for q, as a CSV or XLSX table (number, type, issuer,
 * issued_on, title, replaces, org) in a private temporary file: *fd open at its start, *len its
 * size. */
enum err_code app_doc_export(struct app *a, const struct actor *ac, const char *q, int xlsx,
			     int *fd, long long *len, struct err *e);

/* app_doc_export written to path ('-': standard output); a file left half written is
 * removed. */
enum err_code app_doc_export_file(struct app *a, const struct actor *ac, const char *q, int xlsx,
				  const char *path, struct err *e);
/* Import the register from opts->in (CSV: number, issued_on, title required; type, issuer
 * (checked against the number), replaces (a number of the file, before or after the row, or
 * a number or id already registered), org (default: the actor's scope); docs/study.md): all
 * or nothing (opts->rejects refused), every bad row reported with its line and field, a
 * document of the same number and date of issue (registered, or twice in the file) refused;
 * opts->once_key honoured; one audit entry (import.documents) for the file. */
enum err_code app_import_documents(struct app *a, const struct actor *ac,
				   const struct import_opts *opts, struct import_result *res,
				   struct err *e);

/* The demo's documents, study plans, sessions (about 95% covered) and action programmes
 * (demo_study.c); after the demo's members and their history. */
enum err_code demo_study(struct app *a, const struct actor *ac, struct err *e);

#endif
