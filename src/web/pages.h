/* pages.h - the handlers of the web pages, one file each, and the pieces they share. */
#ifndef CADRE_PAGES_H
#define CADRE_PAGES_H

#include "../app/app_report.h"
#include "web.h"

void web_home(struct req *r);
void web_worklist_clashes(struct req *r);
void web_login_get(struct req *r);
void web_login_post(struct req *r);
void web_logout(struct req *r);
void web_lang(struct req *r);
void web_static_css(struct req *r);
/* The review form's live count of excellent grades (static.c): a file, since the
 * Content-Security-Policy allows no inline script. */
void web_static_review_js(struct req *r);
/* The organisation picker (picker.c): its page GET /pick?q&return&field, its script, and the
 * small search form a page puts beside a field that takes an organisation's code (ret: the
 * page's own path, field: the field's name). A page with such a field loads the script. */
void web_org_pick(struct req *r);
void web_static_picker_js(struct req *r);
void web_pick_form(struct req *r, const char *ret, const char *field);
#define WEB_PICKER_SCRIPT "<script src=\"/static/picker.js\" defer></script>"
/* Names, not codes (crumbs.c): the breadcrumb of org_code's path from the top of the user's
 * scope (the organisation as the current page, or linked and followed by here when here is
 * not NULL); nothing when the organisation is out of sight. An organisation as its linked
 * name with its code beside it. */
void web_crumbs(struct req *r, const char *org_code, const char *here);
void web_org_named(struct req *r, const char *code, const char *name);

/* The record pages (page_tree.c, page_org.c, page_member.c, page_search.c,
 * page_transfers.c, page_audit.c). */
void web_tree(struct req *r);
void web_org(struct req *r);
void web_member(struct req *r);
/* page_plan.c: personnel planning (docs/cadres.md "Planning"; the personnel right). */
void web_org_plan(struct req *r);
void web_org_plan_post(struct req *r);
/* page_insp.c: inspection and supervision (docs/inspection.md; the inspection right). */
void web_org_inspection(struct req *r);
void web_insp_programme(struct req *r);
void web_insp_case(struct req *r);
void web_insp_programme_new_get(struct req *r);
void web_insp_case_new_get(struct req *r);
/* page_training.c: a member's training (the section of the member's page, shown only with
 * the personnel right), the form adding a record, an organisation's list. */
void web_member_training(struct req *r, const struct member *m);
void web_org_training(struct req *r);
void web_training_new_get(struct req *r);
void web_training_new_post(struct req *r);
/* page_complaint.c: complaints and denunciations (docs/inspection.md; the inspection right):
 * an organisation's register and its downloads, the lodge form, a complaint's page with the
 * decision's history, the settle and withdraw forms. */
void web_org_complaints(struct req *r);
void web_org_complaints_csv(struct req *r);
void web_org_complaints_xlsx(struct req *r);
void web_complaint_new_get(struct req *r);
void web_complaint_new_post(struct req *r);
void web_complaint(struct req *r);
void web_complaint_settle_post(struct req *r);
void web_complaint_withdraw_post(struct req *r);
/* page_sheet.c: the cadre's sheet and the form of the cadre's own assessment (the personnel
 * right); web_member_sheet_link: the member page's link to the sheet, shown only with it. */
void web_cadre_sheet(struct req *r);
void web_assessment_new_get(struct req *r);
void web_assessment_new_post(struct req *r);
void web_member_sheet_link(struct req *r, const struct member *m);
void web_org_assessments_due(struct req *r);
void web_search(struct req *r);
void web_transfers(struct req *r);
void web_audit(struct req *r);

/* The roll of o's subtree on its page, filtered, sorted and paged by the query (page_roll.c);
 * with ?format=csv|xlsx the whole list as a download instead. 0, or -1 with r->e set. */
int web_org_roll(struct req *r, const struct org *o);

/* Figures and reviews (page_report.c, page_review.c, page_discipline.c, page_rules.c,
 * page_emulation.c); the
 * handlers of their form posts are in page_form.h. */
void web_report(struct req *r);
void web_report_csv(struct req *r);
void web_report_xlsx(struct req *r);
void web_report_members(struct req *r);
void web_report_cases(struct req *r);
void web_report_orgs(struct req *r);
/* page_insp_fig.c: seed 004's footnote 7 and the records behind its numbers. */
void web_insp_report(struct req *r);
void web_insp_report_csv(struct req *r);
void web_insp_report_xlsx(struct req *r);
void web_insp_report_list(struct req *r);
void web_insp_report_list_csv(struct req *r);
void web_insp_report_list_xlsx(struct req *r);
void web_rules(struct req *r);
/* page_cadres.c: key cadres (docs/cadres.md). */
extern const char *const cadre_page_words[];
void web_org_cadres(struct req *r);
void web_org_vacancies(struct req *r);
void web_org_rotations(struct req *r);
void web_discipline(struct req *r);
void web_discipline_record(struct req *r);
/* The member's discipline on the record: in force (form, date, body) for whoever sees the
 * member, every record with its number, state and reason with the inspection right. */
void web_member_discipline(struct req *r, const struct member *m);
void web_emulation(struct req *r);
/* GET /api/v1/problems[/NAME]: the problem types of the API explained (page_problem.c). */
void web_problem(struct req *r);
/* Meetings (issue 12): the figures of a subtree and period (page_meeting_fig.c). */
void web_meeting_figures(struct req *r);
/* The member page's table of a member's reviews (years, steps, grades, revisions); nothing
 * when there is none. */
void web_member_reviews(struct req *r, int64_t member_id);

/* ---- shared by the record pages (page_common.c) ------------------------------------ */
/* Rows per page of a list, and the size past which a page stops adding rows (and offers
 * the next page instead), so that every page stays under 100 KB on a slow link. */
#define WEB_PAGE_ROWS 50
#define WEB_PAGE_BUDGET (80 * 1024)
/* A status or an organisation kind in the request's language (static strings). */
const char *web_status_label(const struct req *r, enum member_status s);
const char *web_kind_label(const struct req *r, enum org_kind k);
/* The label of a stored word (an event kind, a field name) in the request's language, or
 * key itself when it is not one of them. */
const char *web_word(const struct req *r, const char *key);
/* <a href="/orgs/CODE">name</a> (code when name is NULL or ""); <a href="/members/ID">. */
void web_org_link(struct req *r, const char *code, const char *name);
void web_member_link(struct req *r, int64_t id, const char *name);
/* The error page of r->e: status from its code (404 outside the user's subtree). */
void web_fail(struct req *r);
/* Whether the page has passed WEB_PAGE_BUDGET: a list stops there and offers a next page. */
int web_page_full(const struct req *r);
/* Previous/next links of a list: prefix is the URL up to the offset argument, already
 * %-encoded and ending in '?' or '&' (it is escaped for the attribute here). shown rows were
 * shown from offset; more: there are rows after them. Nothing when all fit on one page. */
void web_pager(struct req *r, const char *prefix, long offset, long shown, int more);
/* web_pager for a list page at path filtered by an organisation ("" or NULL: none). */
void web_pager_org(struct req *r, const char *path, const char *org, long offset, long shown,
		   int more);
/* A stored JSON detail (of an event or an audit entry) as readable text: "field: value"
 * pairs, an edit as "field: old → new". Text that is not JSON is shown as it is. */
void web_json_detail(struct req *r, const char *json);
/* A table of members: the head, then one row per member (name linked to the record, birth
 * date, status and host, roll organisation); the caller closes it with </tbody></table>. */
void web_member_rows_head(struct req *r);
void web_member_row(struct req *r, const struct member *m);
/* The review year of the query's "year": this year when absent; -1 with a problem in r->e
 * (ERR_USAGE) when it is not a year from 1930 to this one. */
int web_query_year(struct req *r);
/* The label of a grade ("Excellent" ...), of a review step and of a discipline form in the
 * request's language ("" for none). */
const char *web_grade_label(const struct req *r, enum grade g);
const char *web_step_label(const struct req *r, enum review_step s);
const char *web_discipline_label(const struct req *r, enum discipline_form f);
/* <select> options for the review years: this year and the nine before it, selected
 * marking one (kept as an extra choice when older). */
void web_year_options(struct req *r, int selected);
/* Codes in words, in the request's language (web_words.c): an audit action ("member.read"),
 * an actor written as its account, or "cli:USER" for the command line; a key of a stored
 * detail that web_word does not know; a coded value stored under key (grade, step, form,
 * role, source, category, ...). Each returns its input when it has no words for it. */
const char *web_action_label(const struct req *r, const char *action);
void web_actor(struct req *r, const char *actor);
const char *web_word_more(const struct req *r, const char *key);
const char *web_code_value(const struct req *r, const char *key, const char *value);

#endif
