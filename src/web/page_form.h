/* page_form.h - the pages that change records (one file each) and the pieces they share. */
#ifndef CADRE_PAGE_FORM_H
#define CADRE_PAGE_FORM_H

#include "web.h"

/* ---- the handlers ----------------------------------------------------------------------- */
void web_member_new_get(struct req *r);  /* page_form_member.c */
void web_member_new_post(struct req *r);
void web_member_edit_get(struct req *r);
void web_member_edit_post(struct req *r);
void web_member_status_get(struct req *r); /* page_form_status.c */
void web_member_status_post(struct req *r);
void web_transfer_send_get(struct req *r); /* page_form_transfer.c */
void web_transfer_send_post(struct req *r);
void web_transfer_receive_get(struct req *r);
void web_transfer_receive(struct req *r);
void web_transfer_return(struct req *r);
void web_transfer_cancel(struct req *r);
void web_import_get(struct req *r);       /* page_form_import.c */
void web_import_post(struct req *r);
void web_import_job(struct req *r);
void web_review_get(struct req *r);       /* page_review.c */
void web_review_post(struct req *r);
void web_review_org_get(struct req *r);
void web_review_org_post(struct req *r);
void web_discipline_post(struct req *r);  /* page_discipline.c */
void web_rules_post(struct req *r);       /* page_rules.c */
void web_emulation_post(struct req *r);   /* page_emulation.c */
void web_org_emulation_get(struct req *r);
void web_org_emulation_post(struct req *r);
void web_cadre_event_get(struct req *r);  /* page_form_cadres.c */
void web_cadre_event_post(struct req *r);
void web_committee_forms_get(struct req *r); /* page_form_committee.c */
void web_committee_forms_post(struct req *r);
void web_accounts(struct req *r);              /* page_accounts.c */
void web_account_personnel_post(struct req *r);
void web_account_inspection_post(struct req *r);
void web_insp_programme_post(struct req *r);   /* page_insp.c */
void web_insp_item_post(struct req *r);
void web_insp_case_post(struct req *r);
void web_insp_step_post(struct req *r);

/* ---- shared pieces (page_form_util.c) ---------------------------------------------------- */

/* One choice of a select: the value sent and the English label (an msgid). */
struct form_option {
	const char *value;
	const char *label;
};

/* A select field in the markup of form_input (div.field, label for f-NAME, the error of r->e
 * beside it as span.err#e-NAME). opts ends with a NULL value. A value that is none of the
 * choices (a form sent by hand) is kept as an extra choice, so the input is never lost. */
void form_select(struct req *r, const char *label, const char *name,
		 const struct form_option *opts, const char *value, int required);
/* A checkbox (value "1"), ticked when value is non-empty. */
void form_checkbox(struct req *r, const char *label, const char *name, const char *value);

/* The member id of the path's first parameter; 0 when it is not a positive whole number. */
int64_t form_path_id(const struct req *r);
/* Parse a date field of the form: DATE_NONE when absent or empty; otherwise a problem named
 * after the field is added to r->e (code ERR_INPUT) when it is not a date. */
/* Copy the text field name into dst (of size cap) whole, or add a problem naming the limit
 * (text is never cut; the app checks and normalises it). */
void form_text(struct req *r, const char *name, char *dst, size_t cap);
date_t form_date(struct req *r, const char *name);
/* A form value, "" when absent. */
const char *form_value(const struct req *r, const char *name);

/* Answer a failed lookup or change whose problems are in r->e with the error page of its
 * status (404 for a record out of sight, 403 for a role that may not change it, 503, 500).
 * Returns 1 when it answered, 0 when the problems belong in the form again (input, rule,
 * usage; r->status is then set to 422). */
int form_fail_page(struct req *r);
/* The member of the path, looked up in the actor's scope: 0 with m filled, or 1 when the
 * error page (404 for an id out of sight or not a number) has been answered. */
int form_member(struct req *r, struct member *m);
/* The end of a form: the submit button (label, an msgid already translated) and a link back
 * to the member's record. */
void form_submit_cancel(struct req *r, const char *label, int64_t member_id);
/* A role that may only read: answer 403 with a message and return 1 (the app layer refuses
 * the change anyway; this spares the user a form that cannot be sent). */
int form_read_only(struct req *r);
/* The change is made: 303 to location, or, when the app layer left warnings in r->app->warn
 * (a possible duplicate, a late arrival), a page listing them with a link to location. */
void form_done(struct req *r, const char *location);
/* form_done with the confirmation key (flash.c's table) and the member it is about (0: none)
 * carried to the page at location, where it is shown under the title. */
void form_done_flash(struct req *r, const char *location, const char *key, int64_t member_id);

#endif
