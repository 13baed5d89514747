/* rules.h - the party's rules as data: named, versioned values with effective dates.
 *
 * Every threshold, quota and deadline is a rule with an ID (R-PROBATION-MONTHS), a value and
 * the date from which that value applies. The defaults ship in the database's first migration;
 * an administrator adds newer versions. Code asks for the value in force on the date of the
 * act it checks, and names the rule ID in any message. No threshold is a literal in C. */
#ifndef CADRE_RULES_H
#define CADRE_RULES_H

#include <stddef.h>

#include "date.h"

/* Rule IDs used by the code (the values live in the database). */
#define R_ORG_NESTING "R-ORG-NESTING"
#define R_ORG_DISSOLVE_EMPTY "R-ORG-DISSOLVE-EMPTY"
#define R_ORG_MIN_OFFICIAL "R-ORG-MIN-OFFICIAL"
#define R_CELL_STANDING_BOARD_MIN "R-CELL-STANDING-BOARD-MIN"
#define R_STATUS_TRANSITION "R-STATUS-TRANSITION"
#define R_PROBATION_MONTHS "R-PROBATION-MONTHS"
#define R_ADMIT_AGE_MIN "R-ADMIT-AGE-MIN"
#define R_ADMIT_AGE_MAX "R-ADMIT-AGE-MAX"
#define R_CEREMONY_DAYS "R-CEREMONY-DAYS"
#define R_TRANSFER_TEMP_MIN_MONTHS "R-TRANSFER-TEMP-MIN-MONTHS"
#define R_TRANSFER_TEMP_MAX_MONTHS "R-TRANSFER-TEMP-MAX-MONTHS"
#define R_TRANSFER_PRESENT_DAYS "R-TRANSFER-PRESENT-DAYS"
#define R_TRANSFER_COMPLETE_WORKING_DAYS "R-TRANSFER-COMPLETE-WORKING-DAYS"
#define R_MEMBER_DATES "R-MEMBER-DATES"
#define R_PASSWORD_MIN_LENGTH "R-PASSWORD-MIN-LENGTH"
#define R_LOGIN_MAX_FAILS "R-LOGIN-MAX-FAILS"
#define R_LOGIN_LOCK_MINUTES "R-LOGIN-LOCK-MINUTES"
#define R_SESSION_IDLE_MINUTES "R-SESSION-IDLE-MINUTES"
#define R_LOGIN_ADDRESS_MAX_FAILS "R-LOGIN-ADDRESS-MAX-FAILS"
#define R_REVIEW_SCORE_EXCELLENT "R-REVIEW-SCORE-EXCELLENT"
#define R_REVIEW_SCORE_GOOD "R-REVIEW-SCORE-GOOD"
#define R_REVIEW_SCORE_COMPLETE "R-REVIEW-SCORE-COMPLETE"
#define R_REVIEW_EXCELLENT_QUOTA "R-REVIEW-EXCELLENT-QUOTA"
#define R_REVIEW_DISCIPLINED_MEMBER "R-REVIEW-DISCIPLINED-MEMBER"
#define R_REVIEW_ORG_EXCELLENT "R-REVIEW-ORG-EXCELLENT"
#define R_REVIEW_ORG_NOT_COMPLETE "R-REVIEW-ORG-NOT-COMPLETE"
#define R_REVIEW_MEMBER_DECIDER "R-REVIEW-MEMBER-DECIDER"
#define R_REVIEW_ORG_DECIDER "R-REVIEW-ORG-DECIDER"
#define R_REVIEW_LOCKED "R-REVIEW-LOCKED"
#define R_REVIEW_DATES "R-REVIEW-DATES"
#define R_DISCIPLINE_FORMS "R-DISCIPLINE-FORMS"
#define R_REPORT_AGE_BANDS "R-REPORT-AGE-BANDS"
#define R_REPORT_SENIORITY_BANDS "R-REPORT-SENIORITY-BANDS"
#define R_ADMIT_AGE_MIN_MONTHS "R-ADMIT-AGE-MIN-MONTHS"
#define R_ADMIT_AGE_MAX_MONTHS "R-ADMIT-AGE-MAX-MONTHS"
#define R_ADMIT_INTRODUCER_MONTHS "R-ADMIT-INTRODUCER-MONTHS"
#define R_ADMIT_VOTE_FRACTION "R-ADMIT-VOTE-FRACTION"
#define R_ADMIT_CEREMONY_WORKING_DAYS "R-ADMIT-CEREMONY-WORKING-DAYS"
#define R_PROBATION_VOTE_WORKING_DAYS "R-PROBATION-VOTE-WORKING-DAYS"
#define R_PROBATION_FAILED_VOTES "R-PROBATION-FAILED-VOTES"
#define R_READMIT_TIMES "R-READMIT-TIMES"
#define R_READMIT_MONTHS "R-READMIT-MONTHS"
#define R_MEETING_MINUTES "R-MEETING-MINUTES"
#define R_MEETING_QUORUM "R-MEETING-QUORUM"
#define R_MEETING_MONTHLY "R-MEETING-MONTHLY"
#define R_MEETING_THEMATIC_QUARTER "R-MEETING-THEMATIC-QUARTER"
#define R_MEETING_ABSENT_MAX "R-MEETING-ABSENT-MAX"
#define R_POS_DECIDER_LEVEL "R-POS-DECIDER-LEVEL"
#define R_COMMITTEE_TERM_YEARS "R-COMMITTEE-TERM-YEARS"
#define R_PLAN_MAX_POSITIONS "R-PLAN-MAX-POSITIONS"
#define R_PLAN_PER_POSITION "R-PLAN-PER-POSITION"
#define R_DISCIPLINE_LIMITATION "R-DISCIPLINE-LIMITATION"
#define R_DISCIPLINE_AUTHORITY "R-DISCIPLINE-AUTHORITY"
#define R_COMPLAINT_DAYS "R-COMPLAINT-DAYS"
#define R_COMPLAINT_SETTLE_DAYS "R-COMPLAINT-SETTLE-DAYS"
#define R_DENUNCIATION_SETTLE_DAYS "R-DENUNCIATION-SETTLE-DAYS"

/* One version of a rule. */
struct rule_version {
	char id[40];
	int version;
	char value[512];
	date_t effective_from;
	char source[160];
	char description[400];
};

/* All versions of all rules, ordered by id then version (ruleset_add keeps the order). Owns
 * its array: ruleset_cleanup. */
struct ruleset {
	struct rule_version *v;
	size_t n, cap;
};

void ruleset_init(struct ruleset *rs);
void ruleset_cleanup(struct ruleset *rs);
/* Append a copy of one version. */
void ruleset_add(struct ruleset *rs, const struct rule_version *v);

/* The version of rule id in force on date on: the one with the latest effective_from <= on
 * (the highest version number among equals). NULL when none is in force then. */
const struct rule_version *ruleset_find(const struct ruleset *rs, const char *id, date_t on);

/* The integer value of rule id on date on. Returns 1 and sets *out when the rule is in force
 * and its value is an integer, 0 when the rule is not in force on that date. */
int ruleset_int(const struct ruleset *rs, const char *id, date_t on, long *out);

/* Whether the list rule id, in force on date on, holds the pair "a>b" among its
 * semicolon-separated entries of the form "a>b1,b2;c>d" (used for R-ORG-NESTING and
 * R-STATUS-TRANSITION). Returns 1 allowed, 0 not allowed, -1 when the rule is not in force. */
int ruleset_pair_allowed(const struct ruleset *rs, const char *id, date_t on, const char *a,
			 const char *b);

#endif
