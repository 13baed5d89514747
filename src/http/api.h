/* api.h - the handlers of the JSON API (/api/v1), one file per resource, and the helpers
 * they share (api_util.c): declared request bodies, path and query values, and the rule that
 * a refusal never reveals a record outside the actor's subtree. */
#ifndef CADRE_API_H
#define CADRE_API_H

#include "../app/app_api.h"
#include "http.h"

/* ---- the body of a request: a JSON object whose members are declared ---------------- */
enum api_type {
	AT_STRING,  /* a string; null clears it where a field may be cleared */
	AT_DATE,    /* "YYYY-MM-DD" or null */
	AT_COUNT,   /* a whole number >= 0, or null (unknown) */
	AT_ID,      /* a whole number > 0 */
	AT_BOOL,    /* true or false */
	AT_CODES,   /* an array of strings */
	AT_ARRAY,   /* an array; its items are checked by the handler */
	AT_OBJECT   /* an object; its members are checked by the handler */
};
struct api_field {
	const char *name;
	enum api_type type;
	int required;
};
/* Read the body of r as a JSON object holding only the fields of spec (ended by a NULL
 * name), each of its type, the required ones present. An empty body is the object {}.
 * Returns the object (the caller owns the reference), or NULL after answering the problem:
 * 415 when the body is not sent as application/json, 400 when it is not a JSON object, 422
 * naming every unknown, mistyped or missing field at once. ("...OrReply" in Redis.) */
json_t *api_body_or_reply(struct req *r, const struct api_field *spec);
/* Check the object obj against spec as api_body_or_reply does (unknown, mistyped and missing
 * fields), each problem added to r->e with line (0: none; a batch gives each item's 1-based
 * position). Returns r->e's code: nothing is answered. */
enum err_code api_check_fields(struct req *r, json_t *obj, const struct api_field *spec,
			       long line);
/* A string member of a checked body: NULL when absent, "" when null. */
const char *api_str(json_t *body, const char *name);
/* A date member: DATE_NONE when absent or null. */
date_t api_date(json_t *body, const char *name);
/* A count member: def when absent, -1 when null. */
long api_count(json_t *body, const char *name, long def);
/* A boolean member: def when absent. */
int api_bool(json_t *body, const char *name, int def);

/* ---- the path and the query ---------------------------------------------------------- */
/* The i-th {parameter} of the path as a record id; ERR_NOTFOUND in r->e ("no <what> has
 * the id <text>") when it is not a positive whole number: such an id names no record. */
int api_path_id(struct req *r, int i, const char *what, int64_t *id);
/* A date from the query: DATE_NONE when absent; -1 and a problem (400) when not a date. */
int api_query_date(struct req *r, const char *name, date_t *d);

/* ---- lists: every list answer has "items", "total", "offset", "limit" and "next" -------- */
/* The largest page (?limit=) of a list held whole in memory. */
#define API_LIST_MAX 100000
/* A page of a list: offset and limit from the query (limit 0: the whole list from offset),
 * total counted as the items go by. */
struct api_page {
	long offset, limit, total;
};
/* Read ?offset= and ?limit= (limit at most max; def when absent, 0 for the whole list).
 * Returns 0, or -1 with a problem in r->e (400). */
int api_page_init(struct req *r, struct api_page *p, long def, long max);
/* Count one more item of the whole list; 1 when it falls in the page. */
int api_page_take(struct api_page *p);
/* Keep, of the whole list items, only the page p (p->total set to its size). */
void api_page_slice(struct api_page *p, json_t *items);
/* Set "total", "offset", "limit" and "next" of j: next is the address of the following
 * page (this request's path and query with the offset moved on), null on the last. */
void api_page_set(struct req *r, const struct api_page *p, json_t *j);
/* Answer 200 with j (reference stolen), its "items" cut to the page of the query's offset
 * and limit (default: the whole list) and the page's fields set; 400 when they are wrong. */
void api_reply_list(struct req *r, json_t *j);
/* The address of this request with ?name=value set (replacing any), as a new string. */
json_t *api_self_url(struct req *r, const char *name, const char *value);

/* ---- refusals -------------------------------------------------------------------------- */
/* After an app call refused with ERR_DENIED (a viewer's write): when the record it aimed at
 * is outside the actor's subtree, make the answer the 404 that a lookup gives, so a refusal
 * never tells that a record exists out of sight. */
void api_hide_org(struct req *r, const char *code);
void api_hide_member(struct req *r, int64_t id);
void api_hide_transfer(struct req *r, int64_t id);

/* ---- answers ----------------------------------------------------------------------------- */
/* Add "warnings" (those of the last app call: possible duplicates, late arrivals) to j when
 * there are any. */
void api_warnings(struct req *r, json_t *j);
/* Answer 201 Created with j and a Location header of location. */
void api_created(struct req *r, const char *location, json_t *j);
/* Answer the bytes written to f, a temporary file (tmpfile(): unlinked, mode 0600), as the
 * body with Content-Type ctype, sent from the disk so that no answer is capped by memory;
 * download, when not NULL, is the attachment's file name (copied). f is closed here, after a
 * failure too. Returns 0, or -1 after answering the problem (503). */
int api_reply_file(struct req *r, FILE *f, const char *ctype, const char *download);
/* The same for an open descriptor of len bytes (owned from here on, closed by the server). */
void api_reply_fd(struct req *r, int fd, unsigned long long len, const char *ctype,
		  const char *download);

/* ---- handlers ------------------------------------------------------------------------- */
/* api_hb.c: the members' handbook (docs/handbook.md). */
void api_hb_home(struct req *r);
void api_hb_record(struct req *r);
void api_hb_reviews(struct req *r);
void api_hb_self(struct req *r);
void api_hb_plans(struct req *r);
void api_hb_plan(struct req *r);
void api_hb_plan_put(struct req *r);
void api_hb_plan_results(struct req *r);
void api_hb_accounts(struct req *r);
void api_hb_meetings(struct req *r);
void api_hb_docs(struct req *r);
void api_hb_studied(struct req *r);
void api_hb_meeting(struct req *r);
void api_org_tree(struct req *r);
void api_org_get(struct req *r);
void api_org_members(struct req *r);
void api_org_history(struct req *r);
void api_org_lineage(struct req *r);
void api_org_add(struct req *r);
void api_org_edit(struct req *r);
void api_org_rename(struct req *r);
void api_org_move(struct req *r);
void api_org_merge(struct req *r);
void api_org_split(struct req *r);
void api_org_dissolve(struct req *r);

void api_member_search(struct req *r);
/* GET /api/v1/orgs?q=TEXT[&open=1][&limit=N]: organisations by part of their name. */
void api_org_find(struct req *r);
void api_member_get(struct req *r);
void api_member_where(struct req *r);
void api_member_add(struct req *r);
void api_member_edit(struct req *r);
void api_member_status(struct req *r);
void api_member_transfer(struct req *r);
void api_transfer_list(struct req *r);
/* api_worklist.c */
void api_worklist(struct req *r);
void api_transfer_get(struct req *r);
void api_transfer_receive(struct req *r);
void api_transfer_return(struct req *r);
void api_transfer_cancel(struct req *r);
void api_holiday_list(struct req *r);
void api_holiday_add(struct req *r);
void api_holiday_remove(struct req *r);

void api_import_orgs(struct req *r);
void api_import_members(struct req *r);
void api_import_reviews(struct req *r);
void api_import_org_reviews(struct req *r);
void api_import_report(struct req *r);
void api_import_job(struct req *r);
void api_import_jobs(struct req *r);
void api_export_orgs(struct req *r);
void api_export_members(struct req *r);

void api_audit_list(struct req *r);

void api_report(struct req *r);
void api_report_members(struct req *r);
void api_report_cases(struct req *r);
void api_report_orgs(struct req *r);
void api_rollup(struct req *r);
void api_review_member_add(struct req *r);
void api_review_member_list(struct req *r);
void api_review_batch(struct req *r);
void api_review_org_add(struct req *r);
void api_review_org_list(struct req *r);
void api_review_sheet(struct req *r);
/* api_discipline.c */
void api_discipline_add(struct req *r);
void api_discipline_list(struct req *r);
void api_discipline_get(struct req *r);
void api_discipline_notify(struct req *r);
void api_rule_list(struct req *r);
void api_rule_add(struct req *r);
void api_emulation_models(struct req *r);
void api_emulation_model_add(struct req *r);
void api_emulation_ratings(struct req *r);
void api_emulation_rate(struct req *r);
/* api_admission.c */
void api_adm_list(struct req *r);
void api_adm_add(struct req *r);
void api_adm_get(struct req *r);
void api_adm_steps(struct req *r);
void api_adm_step(struct req *r);
void api_adm_due(struct req *r);
void api_adm_board(struct req *r);
void api_import_candidates(struct req *r);
/* api_study.c */
/* api_cadres.c: key cadres (docs/cadres.md). */
void api_pkinds(struct req *r);
void api_org_positions(struct req *r);
void api_org_position_add(struct req *r);
void api_position_get(struct req *r);
void api_position_appoint(struct req *r);
void api_position_dismiss(struct req *r);
void api_position_transfer(struct req *r);
void api_org_flags(struct req *r);
void api_org_flag_set(struct req *r);
void api_org_rotations(struct req *r);
void api_org_committees(struct req *r);
void api_org_committee_add(struct req *r);
void api_committee_get(struct req *r);
void api_committee_seat(struct req *r);
void api_committee_leave(struct req *r);
void api_org_vacancies(struct req *r);
void api_doc_list(struct req *r);
void api_doc_add(struct req *r);
void api_doc_get(struct req *r);
void api_doc_coverage(struct req *r);
void api_doc_plan_add(struct req *r);
void api_doc_session_add(struct req *r);
void api_doc_confirm(struct req *r);
void api_session_attend(struct req *r);
void api_action_list(struct req *r);
void api_action_add(struct req *r);
void api_action_get(struct req *r);
void api_action_item_add(struct req *r);
void api_action_result(struct req *r);
/* api_meeting.c (docs/meetings.md) */
void api_meeting_list(struct req *r);
void api_meeting_add(struct req *r);
void api_meeting_get(struct req *r);
void api_meeting_roll(struct req *r);
void api_meeting_attend(struct req *r);
void api_meeting_resolution(struct req *r);
void api_meeting_cancel(struct req *r);
void api_import_meetings(struct req *r);
/* api_plan.c: personnel planning (docs/cadres.md "Planning"). */
void api_plan_periods(struct req *r);
void api_plan_period_add(struct req *r);
void api_plan_get(struct req *r);
void api_plan_versions(struct req *r);
void api_plan_version_add(struct req *r);
void api_plan_successor_add(struct req *r);
void api_plan_successor_remove(struct req *r);
void api_plan_successor_rerank(struct req *r);
void api_plan_criteria(struct req *r);
void api_plan_criterion_add(struct req *r);
void api_plan_targets(struct req *r);
void api_plan_target_set(struct req *r);
/* api_insp.c: inspection and supervision (docs/inspection.md). */
void api_insp_programme_list(struct req *r);
void api_insp_programme_get(struct req *r);
void api_insp_programme_add(struct req *r);
void api_insp_item_add(struct req *r);
void api_insp_item_remove(struct req *r);
void api_insp_case_list(struct req *r);
void api_insp_case_get(struct req *r);
void api_insp_case_open(struct req *r);
void api_insp_case_conclude(struct req *r);
void api_insp_case_notify(struct req *r);
void api_insp_case_followup(struct req *r);
void api_insp_case_close(struct req *r);
void api_import_programmes(struct req *r);
void api_import_cases(struct req *r);
void api_account_inspection(struct req *r);
/* api_complaint.c: complaints and denunciations (docs/inspection.md). */
void api_complaint_list(struct req *r);
void api_complaint_get(struct req *r);
void api_complaint_add(struct req *r);
void api_complaint_settle(struct req *r);
void api_complaint_withdraw(struct req *r);
/* api_training.c: training records (docs/cadres.md). */
void api_training_list(struct req *r);
void api_import_holdings(struct req *r);
void api_import_committees(struct req *r);
void api_member_holdings(struct req *r);
void api_accounts(struct req *r);
void api_account_personnel(struct req *r);
void api_training_get(struct req *r);
void api_training_add(struct req *r);
void api_training_edit(struct req *r);
void api_training_delete(struct req *r);
void api_training_figures(struct req *r);
void api_import_training(struct req *r);
/* api_sheet.c: the cadre's own assessments and the cadre's sheet (docs/cadres.md). */
void api_assessment_list(struct req *r);
void api_assessment_add(struct req *r);
void api_cadre_sheet(struct req *r);
void api_import_attendance(struct req *r);
void api_import_documents(struct req *r);
/* A report's JSON (reference stolen), or its XLSX workbook as the download file (api_review.c;
 * the inspection report answers with them too). */
struct report;
void reply_report_json(struct req *r, json_t *j);
void reply_xlsx(struct req *r, const struct report *rep, const char *file);
/* api_insp_fig.c (docs/inspection.md "The footnote-7 report") */
void api_insp_report(struct req *r);
void api_insp_report_list(struct req *r);
/* api_meet_fig.c (docs/meetings.md "Figures in the API") */
void api_meet_figures(struct req *r);
void api_meet_fig_cells(struct req *r);
void api_meet_fig_absentees(struct req *r);

/* The OpenAPI 3 description, src/http/openapi.json as built into the program (NUL-ended). */
extern const char api_openapi_json[];
void api_openapi(struct req *r);

#endif
