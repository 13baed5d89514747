/* discipline.h - the rules of a discipline decision as pure checks (DOMAIN §8; docs/inspection.md
 * "Discipline"): which form applies to whom (R-DISCIPLINE-FORMS), which body may decide it
 * (R-DISCIPLINE-AUTHORITY), within how long after the act (R-DISCIPLINE-LIMITATION), and the
 * order of the dates (act, decision, notice, effect, the member's admission, today). Every
 * refusal names the rule and says how to fix the input. No I/O: the caller reads the facts. */
#ifndef CADRE_DISCIPLINE_H
#define CADRE_DISCIPLINE_H

#include "date.h"
#include "err.h"
#include "review.h"
#include "rules.h"

/* The facts of one decision as the checks need them. */
struct discipline_facts {
	enum discipline_form form;
	const char *target;       /* "official", "probationary" or "org" (R-DISCIPLINE-FORMS) */
	const char *body_kind;    /* the deciding organisation's kind: cell, subcommittee,
				   * grassroots, committee (core/org.h org_kind_name) */
	int inspection;           /* decided by the body's inspection committee */
	date_t decided;           /* the decision's date */
	date_t act;               /* the act's date (DATE_NONE: not given, refused) */
	date_t admitted;          /* the member's admission decision (DATE_NONE: an org, or
				   * not known) */
	date_t notified;          /* DATE_NONE: not yet */
	date_t effective;         /* DATE_NONE: the decision's date */
	date_t today;
};

/* R-DISCIPLINE-FORMS: f applies to target. ERR_OK, or ERR_RULE on field "form". */
enum err_code discipline_check_form(const struct ruleset *rs, const struct discipline_facts *f,
				    long line, struct err *e);
/* R-DISCIPLINE-AUTHORITY: the pair "KIND[/inspection]:TARGET" > form is in the rule in force
 * on the decision's date (TARGET "member" or "org"). ERR_OK, or ERR_RULE on field "body". */
enum err_code discipline_check_authority(const struct ruleset *rs,
					 const struct discipline_facts *f, long line,
					 struct err *e);
/* R-DISCIPLINE-LIMITATION: the decision no later than the act's anniversary after the
 * form's number of years (the anniversary itself still within; 0 years: no limit; a rule
 * not in force on the decision's date: no limit). ERR_OK, or ERR_RULE on field "act_date". */
enum err_code discipline_check_limitation(const struct ruleset *rs,
					  const struct discipline_facts *f, long line,
					  struct err *e);
/* The last day on which f's form may be decided for an act of f->act: DATE_NONE when there
 * is no limit. */
date_t discipline_limit_day(const struct ruleset *rs, const struct discipline_facts *f);
/* The dates: the act given, not after the decision, not in the future, not before the
 * member's admission; the decision not in the future nor before the admission; the notice
 * and the effect not before the decision nor in the future. Adds every problem found. */
enum err_code discipline_check_dates(const struct discipline_facts *f, long line,
				     struct err *e);
/* Every check above, every problem added. */
enum err_code discipline_check(const struct ruleset *rs, const struct discipline_facts *f,
			       long line, struct err *e);

#endif
