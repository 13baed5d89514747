/* review.h - the yearly quality review (DOMAIN §6) as pure rules: grades, scores, the quota
 * of excellent members, the grade a disciplined member may get, and the conditions on an
 * organisation's grade. Every limit comes from a rule (rules.h), never a literal here. */
#ifndef CADRE_REVIEW_H
#define CADRE_REVIEW_H

#include <stddef.h>

#include "err.h"
#include "rules.h"

/* Grades, best first. G_NONE: not graded. */
enum grade { G_NONE = -1, G_EXCELLENT = 0, G_GOOD, G_COMPLETE, G_NOT_COMPLETE, G__COUNT };

enum review_step { RS_SELF = 0, RS_PROPOSAL, RS_DECISION, RS__COUNT };

enum discipline_form {
	DF_REPRIMAND = 0, /* khiển trách */
	DF_WARNING,       /* cảnh cáo */
	DF_REMOVAL,       /* cách chức */
	DF_EXPULSION,     /* khai trừ (members) */
	DF_DISSOLUTION,   /* giải tán (organisations) */
	DF__COUNT
};

/* Names as in the CSV and JSON ("excellent", "good", "complete", "not_complete"). */
const char *grade_name(enum grade g);
/* -1 when s is not a grade's name. */
int grade_parse(const char *s);
const char *review_step_name(enum review_step s);
int review_step_parse(const char *s);
const char *discipline_form_name(enum discipline_form f);
int discipline_form_parse(const char *s);

/* R-REVIEW-DATES: a step of the review of year is dated on or after 1 January of that year
 * (a review cannot be made, nor a decision taken, for a year that has not begun; the score
 * rules in force on the step's date are those of the year reviewed or later). Returns ERR_OK,
 * or ERR_RULE with a problem naming the rule (field "date", line). */
enum err_code review_check_date(int year, date_t on, long line, struct err *e);

/* R-REVIEW-SCORE-EXCELLENT / -GOOD / -COMPLETE: the grade a 100-point score gives on date on
 * (G_NONE when the score rules are not in force then). */
enum grade review_score_grade(const struct ruleset *rs, date_t on, int score);

/* R-REVIEW-EXCELLENT-QUOTA: excellent members are at most this percentage of the members rated
 * good or better (excellent + good), per grassroots organisation. Checks the counts after a
 * decision; on failure adds an error naming the rule, the count and the limit. field and
 * line locate it. Returns ERR_OK or ERR_RULE. */
enum err_code review_check_quota(const struct ruleset *rs, date_t on, const char *grassroots,
				 long excellent, long good_or_better, const char *field, long line,
				 struct err *e);
/* The most excellent members allowed among good_or_better (-1: no limit in force). */
long review_quota_max(const struct ruleset *rs, date_t on, long good_or_better);

/* R-REVIEW-DISCIPLINED-MEMBER: a member disciplined during the year is graded no better than
 * the rule's grade. */
enum err_code review_check_disciplined(const struct ruleset *rs, date_t on, enum grade g,
				       int disciplined, const char *field, long line,
				       struct err *e);

/* What an organisation's grade depends on: its members' (or sub-units') decided grades and
 * discipline during the year. */
struct org_review_basis {
	long units;              /* members, or sub-units for an organisation that has them */
	long graded[G__COUNT];   /* of them, decided, by grade */
	long sub_units;          /* direct sub-organisations */
	long sub_disciplined;    /* of them, disciplined during the year */
	int leadership_disciplined; /* the organisation itself (its committee) was disciplined */
};
/* R-REVIEW-ORG-EXCELLENT (every unit at least complete and at least the rule's percentage at
 * least good) and R-REVIEW-ORG-NOT-COMPLETE (leadership disciplined, or more than the rule's
 * percentage of sub-units disciplined: the grade must be not complete). */
enum err_code review_check_org(const struct ruleset *rs, date_t on, enum grade g,
			       const struct org_review_basis *b, const char *field, long line,
			       struct err *e);

/* R-DISCIPLINE-FORMS: whether form applies to a target kind ("official", "probationary",
 * "org"): 1 yes, 0 no, -1 rule not in force. */
int discipline_form_allowed(const struct ruleset *rs, date_t on, const char *target,
			    enum discipline_form f);

/* ---- emulation models (DOMAIN §6): criteria sets a cell is rated against each year ------ */

#define EMULATION_CODE_MAX 32
#define EMULATION_NAME_MAX 200
#define EMULATION_CRITERIA_MAX 20
#define EMULATION_CRITERION_MAX 200 /* bytes of UTF-8 */
#define EMULATION_SOURCE_MAX 200

/* Check a model's code: 2 to EMULATION_CODE_MAX of a-z, 0-9 and '-', starting and ending with
 * a letter or digit (chi-bo-4-tot). Returns 0, or -1 with *why set (when why is not NULL). */
int emulation_code_check(const char *code, const char **why);
/* Check a model version as given: the code, a name (one line, at most EMULATION_NAME_MAX
 * bytes), 1 to EMULATION_CRITERIA_MAX criteria each one non-empty line of at most
 * EMULATION_CRITERION_MAX bytes, required from 1 to the number of criteria, a source of at
 * most EMULATION_SOURCE_MAX bytes (may be empty). Every problem is added to e, each naming
 * its field (code, name, criteria, required, source) and how to fix it. */
enum err_code emulation_check(const char *code, const char *name, const char *const *criteria,
			      size_t n, long required, const char *source, struct err *e);
/* Split criteria as stored (one a line) into out[0..max); returns how many there are (those
 * past max are not copied). */
size_t emulation_split(const char *text, char out[][EMULATION_CRITERION_MAX + 1], size_t max);

#endif
