/* page_admission.h - what the admission pages share (issue 11; docs/admissions.md, "Pages"):
 * page_admission.c draws the pipeline board (GET /admissions?org=) and the due list (GET
 * /admissions/due?org=), page_form_admission.c a case's record with the form of its next step
 * (GET /admissions/{id}, POST /admissions/{id}/steps) and the form adding a candidate (GET and
 * POST /admissions/new?org=). Stages, steps, sources and deadlines in words, in the request's
 * language; a deadline passed is marked by a word as well as by its colour. */
#ifndef CADRE_PAGE_ADMISSION_H
#define CADRE_PAGE_ADMISSION_H

#include "../app/app_admission.h"
#include "web.h"

/* The handlers (routed in forms.c). */
void web_adm_board(struct req *r);
void web_adm_due(struct req *r);
void web_adm_new_get(struct req *r);
void web_adm_new_post(struct req *r);
void web_adm_record(struct req *r);
void web_adm_step_post(struct req *r);
void web_adm_of_member(struct req *r);

/* Labels in the request's language (static strings; "" for a value out of range). */
const char *adm_web_stage(const struct req *r, int stage);
const char *adm_web_step(const struct req *r, int step);
const char *adm_web_source(const struct req *r, int source);
const char *adm_web_due_kind(const struct req *r, int kind);

/* The step a case at its stage waits for next (ASK_WITHDRAWAL... never; -1 when closed):
 * after the cell's vote, the committee's vote, or the decision when the case's cell is itself
 * the grassroots organisation (the case's due_kind says DK_UPPER_DECISION then). */
int adm_web_next_step(const struct admission *c);

/* Whether the case's deadline has passed on as_of (adm_overdue: only the ceremony and the
 * recognition vote have one, R-ADMIT-CEREMONY-WORKING-DAYS, R-PROBATION-VOTE-WORKING-DAYS; a
 * decision or ruling of the committee above is awaited, never late). */
int adm_web_overdue(const struct admission *c, date_t as_of);

/* The deadline of the case on the page: "by D", "awaited since D", or the overdue marker
 * (span.flag "Overdue", text and not colour alone) then "since D"; nothing when none. */
void adm_web_deadline(struct req *r, const struct admission *c, date_t as_of);

/* The cell (or organisation) of code as its linked name when the user sees it, else its
 * code alone. */
void adm_web_org(struct req *r, const char *code);

#endif
