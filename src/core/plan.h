/* plan.h - personnel planning (quy hoạch, issue 13, DOMAIN §4, docs/cadres.md "Planning") as
 * pure C: the criteria of a position kind read from their values (data: the plan_criterion
 * table, formats in schema 36's comment) and a candidate judged against them. A candidate who
 * does not meet a criterion is not dropped: each failed criterion is returned with what was
 * found and what was needed. No I/O, no SQL. */
#ifndef CADRE_PLAN_H
#define CADRE_PLAN_H

#include <stddef.h>

#include "cadres.h"
#include "date.h"

/* The criteria, in the order they are checked and shown. */
enum plan_crit {
	PC_MAX_AGE,      /* "RANK=AGE;...;*=AGE": age on the period's first 1 January, at most */
	PC_THEORY,       /* the lowest theory level (primary < intermediate < advanced < senior) */
	PC_EDUCATION,    /* the accepted education values, comma separated */
	PC_LOWER_POST,   /* "KIND,KIND:MONTHS": months held in those kinds, in total, at least */
	PC_REVIEWS,      /* "YEARS:GRADE": each of the last YEARS decided grades GRADE or better */
	PC_HEALTH,       /* the highest health class accepted (1 best) */
	PC__COUNT
};

/* "max_age", "theory_level", "education", "lower_post_months", "review_grades", "health". */
const char *plan_crit_name(enum plan_crit c);
/* -1 when name is no criterion's. */
int plan_crit_parse(const char *name);

#define PLAN_VALUE_MAX 512
#define PLAN_YEARS_MAX 10

/* The criteria in force for one position kind: value[c] "" when criterion c is off. */
struct plan_criteria {
	char value[PC__COUNT][PLAN_VALUE_MAX];
};

/* Check a value as typed for criterion c: 0, or -1 with *why (English) saying what is wrong.
 * "" (switching the criterion off) is accepted. */
int plan_value_check(enum plan_crit c, const char *value, const char **why);

/* One holding of a candidate: the position kind held over [from, to) (to DATE_NONE: open). */
struct plan_span {
	char kind[CADRE_KIND_MAX];
	date_t from, to;
};

/* What the records say of a candidate. grades[i] is the decided grade of year (year of on) -
 * 1 - i ("excellent", "good", "complete", "not_complete"; "" when none was decided). health:
 * the class of the latest current own assessment, 0 when none. */
struct plan_candidate {
	date_t birth_date;
	const char *rank, *theory_level, *education;
	const struct plan_span *spans;
	size_t nspans;
	const char *grades[PLAN_YEARS_MAX];
	int health;
};

/* One criterion not met: what was found and what was needed, as short language-neutral texts
 * ("36", "<= 35"; "primary", ">= intermediate"; "2025: none", "2 years good or better"). */
struct plan_fail {
	enum plan_crit crit;
	char found[96];
	char needed[PLAN_VALUE_MAX + 48];
};

struct plan_judgement {
	int nfail;
	struct plan_fail fail[PC__COUNT];
};

/* Judge candidate c against the criteria cr for a period starting in period_from_year, on
 * date on (the holdings are counted up to it; the review years are the YEARS before its
 * year). Each criterion not met, and each whose value cannot be read (found "?"), goes to j
 * in the order of enum plan_crit. Returns j->nfail (0: the candidate is ready). */
int plan_judge(const struct plan_criteria *cr, const struct plan_candidate *c,
	       int period_from_year, date_t on, struct plan_judgement *j);

/* The age in whole years on 1 January of year of someone born on birth (-1 when unknown). */
int plan_age_on_jan1(date_t birth, int year);

/* R-PLAN-PER-POSITION's value "MIN-MAX" (or "MAX"): 0 and *min, *max; -1 when unreadable. */
int plan_per_position(const char *value, long *min, long *max);

#endif
