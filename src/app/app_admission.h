/* app_admission.h - admissions (issue 11; DOMAIN §5; docs/admissions.md): candidates kept by
 * cells, every step of their case with its rules, the due list, the board's counts and the
 * figures. Access is as for members and reviews: a case belongs to its cell, outside the
 * actor's subtree it does not exist (ERR_NOTFOUND, as for an id never used); an editor of the
 * cell's subtree keeps its candidates and records the cell's votes; the grassroots committee's
 * vote needs a role covering that committee, the decision of the committee above (and its
 * ruling on a referred case) a role covering that body. Every change is one transaction with
 * its audit entry ("admission.add", "admission.STEP"); reading a case's record is audited as a
 * member's record is. */
#ifndef CADRE_APP_ADMISSION_H
#define CADRE_APP_ADMISSION_H

#include "../core/admission.h"
#include "app.h"

/* Open a case: a->p holds the person (name rules as for a member), a->p.org_code the cell,
 * a->source and a->listed_on. The duplicate check runs against members, former members and
 * open cases (the accent-keeping name key and birth date, and the citizen ID): a former member
 * is a re-admission (R-READMIT-TIMES, R-READMIT-MONTHS; a->former_member_id is set), anything
 * else refuses unless allow_duplicate (a warning then). Sets a->id. */
enum err_code app_adm_add(struct app *a, const struct actor *ac, struct admission *c,
			  int allow_duplicate, struct err *e);

/* Read case id (with its next deadline as of today). */
enum err_code app_adm_get(struct app *a, const struct actor *ac, int64_t id,
			  struct admission *c, struct err *e);

/* The case opened for a probationary member (a member added or imported as probationary
 * has none until a step is recorded for it: this opens it at stage probation). */
enum err_code app_adm_of_member(struct app *a, const struct actor *ac, int64_t member_id,
				struct admission *c, struct err *e);

typedef int (*adm_step_cb)(void *ctx, const struct adm_step *s);
/* The case's steps in the order taken (the timeline), audited as a record view. */
enum err_code app_adm_steps(struct app *a, const struct actor *ac, int64_t id, adm_step_cb cb,
			    void *ctx, struct err *e);

/* Record step s->kind for case id (s->on, the counts, number, detail, introducers, mentor as
 * the step needs; s->org_code: the body when it is not the case's own). Checks the order of
 * the steps, every rule (age at the cell's vote, introducers, the 2/3 of the cell's official
 * members that day, who may record it), and for the ceremony makes the probationary member on
 * the cell's roll (the three dates), for a recognition the member official from the end of
 * probation even when the vote is late, for a removal the member removed with the reason and
 * the decision. On success s->id and s->passed are set and *c (if not NULL) is the case after
 * the step. Bad input: ERR_INPUT / ERR_RULE with every problem, nothing written. */
enum err_code app_adm_step(struct app *a, const struct actor *ac, int64_t id,
			   struct adm_step *s, struct admission *c, struct err *e);

/* app_adm_step on the case of probationary member member_id, opened (app_adm_of_member) in
 * the step's own transaction when there is none: a step refused leaves no case behind. */
enum err_code app_adm_step_member(struct app *a, const struct actor *ac, int64_t member_id,
				  struct adm_step *s, struct admission *c, struct err *e);

typedef int (*adm_cb)(void *ctx, const struct admission *c);
/* The cases of org_code's subtree (NULL: the actor's scope) at stage (-1: every open stage;
 * AST__COUNT: every stage, closed ones too), in list order of the names, a page at a time
 * (limit 0: all; *total set when not NULL). */
enum err_code app_adm_list(struct app *a, const struct actor *ac, const char *org_code,
			   int stage, long offset, long limit, adm_cb cb, void *ctx, long *total,
			   struct err *e);

/* app_adm_list as the cases stood on as_of (DATE_NONE or today: app_adm_list): the cases that
 * existed that day (listed on or before it) kept by a cell of org_code's subtree that day,
 * each with its stage, its step dates and its next deadline replayed from the steps taken up
 * to it; stage picks among the stages of that day (-1: open then, AST__COUNT: all). */
enum err_code app_adm_list_as_of(struct app *a, const struct actor *ac, const char *org_code,
				 int stage, date_t as_of, long offset, long limit, adm_cb cb,
				 void *ctx, long *total, struct err *e);

/* What is due or overdue as of as_of (DATE_NONE: today) in org_code's subtree: ceremonies
 * due and overdue, recognition votes due and overdue (probationers past R-PROBATION-MONTHS
 * without a vote, with or without a case), decisions and rulings awaited from the committee
 * above; each case with due_kind / due_on set (overdue: adm_overdue); in order of due_on. Reads only the due index (admission.due_on, member_probation), never the roll.
 * A past date answers what was due that day: the cases replayed from their steps, and the
 * probationers without a case who were on the subtree's rolls that day and still on
 * probation as recorded then (recognised, removed or gone since too), found through today's
 * probationers and the status changes recorded after it. */
enum err_code app_adm_due(struct app *a, const struct actor *ac, const char *org_code,
			  date_t as_of, adm_cb cb, void *ctx, struct err *e);

/* The due list in two passes, for a page of a long list and for counts: sel(ctx, c) sees
 * every item in due order with only the fields its deadline needs (id, member_id, p.org_id,
 * stage, stage_since, decision_on, ceremony_on, due_kind, due_on, due_from: no name nor person)
 * and answers ADM_SEL_SKIP, ADM_SEL_TAKE (cb gets the item read in full) or ADM_SEL_STOP; then
 * cb (may be NULL) receives the items taken, in the same order, as app_adm_due gives them.
 * Today's list is read from the indexes alone (store_adm_due_keys) and only the items taken
 * are read whole; a past date reads every item whole (as app_adm_due). */
enum { ADM_SEL_SKIP = 0, ADM_SEL_TAKE = 1, ADM_SEL_STOP = 2 };
enum err_code app_adm_due_sel(struct app *a, const struct actor *ac, const char *org_code,
			      date_t as_of, adm_cb sel, adm_cb cb, void *ctx, struct err *e);

/* The board of org_code (a grassroots organisation or a cell): open cases by stage, and
 * how many of each are overdue, as of as_of (DATE_NONE: today; a past date from the steps). */
struct adm_board {
	long count[AST__COUNT];
	long overdue[AST__COUNT];
};
enum err_code app_adm_board(struct app *a, const struct actor *ac, const char *org_code,
			    date_t as_of, struct adm_board *b, struct err *e);

/* The JSON of a case, as the command line's --json and the API give it: {"id", "org", "name",
 * "sex", "birth_date", the person's other fields (as a member's), "source", "listed_on",
 * "stage", "stage_since", "failed_votes", "member_id", "former_member_id", "mentor_id" (0:
 * none), "decision_date", "ceremony_date", "cell_vote_date", "due": {"kind", "from", "on",
 * "overdue"} or null}; overdue as of as_of. A new reference. */
json_t *app_adm_json(const struct admission *c, date_t as_of);
/* The JSON of a step (docs/admissions.md): {"id", "step", "date", "org", "passed" (true,
 * false or null), "eligible", "present", "for", "against" (null when not a vote), "number",
 * "detail": {...}, "introducers": [{"member_id", "name", "worked_since", "resolution"}],
 * "mentor_id", "rules", "recorded_by", "recorded_at"}. A new reference. */
json_t *app_adm_step_json(const struct adm_step *s);

/* The admission figures of org_code's subtree for year (report, DOMAIN §5/§11): candidates by
 * stage and by source on 31 December (or as_of when earlier), classes completed, admissions
 * in the year (by decision date), the members on the rolls on 1 January, the development
 * rate (admissions / members on 1 January, in hundredths of a percent), probationers at the
 * end, recognitions on time and late, failed votes and removals in the year. */
struct adm_figures {
	int year;
	long by_stage[AST__COUNT];
	long by_source[ASRC__COUNT];
	long classes, admitted, members_jan1, rate_bp;
	long probationers, recognised_on_time, recognised_late, failed_votes, removed;
};
enum err_code app_adm_figures(struct app *a, const struct actor *ac, const char *org_code,
			      int year, struct adm_figures *f, struct err *e);

#endif
