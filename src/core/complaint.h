/* complaint.h - the rules of complaints against discipline decisions and of denunciations
 * (tố cáo): the deadline to lodge (R-COMPLAINT-DAYS), the settlement's due date
 * (R-COMPLAINT-SETTLE-DAYS, R-DENUNCIATION-SETTLE-DAYS), the outcomes and the new form a
 * settlement may give (R-DISCIPLINE-FORMS, R-DISCIPLINE-AUTHORITY). Pure C
 * (docs/inspection.md "Complaints and denunciations"). */
#ifndef CADRE_COMPLAINT_H
#define CADRE_COMPLAINT_H

#include "date.h"
#include "err.h"
#include "review.h"
#include "rules.h"

enum complaint_kind { CK_COMPLAINT = 0, CK_DENUNCIATION, CK__COUNT };

/* Outcomes: a complaint's (kept, reduced, annulled, raised), a denunciation's (founded,
 * partly_founded, unfounded). */
enum complaint_outcome {
	CO_KEPT = 0, CO_REDUCED, CO_ANNULLED, CO_RAISED,
	CO_FOUNDED, CO_PARTLY_FOUNDED, CO_UNFOUNDED, CO__COUNT
};

enum complaint_state { CS_OPEN = 0, CS_SETTLED, CS_WITHDRAWN, CS__COUNT };

/* Names as stored and in the CSV and JSON ("complaint", "kept", "open" ...); parse answers
 * -1 for an unknown name. */
const char *complaint_kind_name(enum complaint_kind k);
int complaint_kind_parse(const char *s);
const char *complaint_outcome_name(enum complaint_outcome o);
int complaint_outcome_parse(const char *s);
const char *complaint_state_name(enum complaint_state s);
int complaint_state_parse(const char *s);
/* Whether outcome o settles a complaint of kind k. */
int complaint_outcome_fits(enum complaint_kind k, enum complaint_outcome o);

/* R-COMPLAINT-DAYS: a complaint lodged on lodged_on against a decision notified on
 * notified_on (0: the notice date is not recorded) is in time when lodged_on <= notified_on +
 * the rule's days (the last day itself is in time). Returns 0 in time, 1 accepted without a
 * notice date (the caller warns), -1 late: a problem naming the rule (field "lodged_on",
 * line) is added to e. The rule in force on the notice date applies. */
int complaint_check_lodged(const struct ruleset *rs, date_t notified_on, date_t lodged_on,
			   long line, struct err *e);

/* The settlement's due date of a complaint or denunciation lodged on lodged_on:
 * lodged_on + R-COMPLAINT-SETTLE-DAYS (R-DENUNCIATION-SETTLE-DAYS) days, the version in force
 * on lodged_on, or the rule's first version for an older one (the register goes back to
 * 2020, before the rule's first version). Returns 0, or -1 when the rule is missing. */
int complaint_due(const struct ruleset *rs, enum complaint_kind k, date_t lodged_on,
		  date_t *due);

/* R-DISCIPLINE-AUTHORITY: whether a body of organisation kind body_kind ("committee",
 * "grassroots", "subcommittee", "cell"; its inspection committee when inspection) decides
 * form f on target "member" or "org". 1 yes, 0 no, -1 the rule is not in force on on.
 * (Helper DISC's core/discipline.c carries the full check; this is the small one a
 * settlement needs.) */
int complaint_authority_allowed(const struct ruleset *rs, date_t on, const char *body_kind,
				int inspection, const char *target, enum discipline_form f);

/* The new form of a reduced (lighter) or raised (heavier) discipline of form old on target
 * ("official", "probationary", "org"), decided by a body of kind body_kind (its committee):
 * every problem to e (field "form", line): not lighter or heavier, R-DISCIPLINE-FORMS,
 * R-DISCIPLINE-AUTHORITY. Returns the number of problems. */
int complaint_check_new_form(const struct ruleset *rs, date_t on, enum complaint_outcome o,
			     enum discipline_form old, int new_form, const char *target,
			     const char *body_kind, long line, struct err *e);

#endif
