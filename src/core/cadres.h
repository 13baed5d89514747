/* cadres.h - the rules of key cadres (issue 13, DOMAIN §4, docs/cadres.md) as pure C: which
 * body may decide a position (R-POS-DECIDER-LEVEL), the length of a committee's term
 * (R-COMMITTEE-TERM-YEARS), the names of committee roles and organisation flags, and the
 * priority of a vacancy. No I/O, no SQL. */
#ifndef CADRE_CADRES_H
#define CADRE_CADRES_H

#include "date.h"

#define CADRE_DECISION_MAX 80
#define CADRE_KIND_MAX 24

/* The committee roles, highest first ("secretary", "deputy_secretary", "standing_member",
 * "member"); NULL-terminated. Those before "member" sit on the standing committee. */
extern const char *const cadre_committee_roles[];
/* The index of role in cadre_committee_roles, or -1. */
int cadre_committee_role(const char *role);
/* The flags an organisation may carry ("difficult", "border"); NULL-terminated. */
extern const char *const cadre_org_flags[];
int cadre_org_flag_ok(const char *flag);

/* R-POS-DECIDER-LEVEL: the number of levels above the position's organisation at which the
 * deciding body must sit at least, read from the rule's value ("KIND@ORGKIND=N;...", '*' for
 * any; the most specific entry wins: kind and org kind, then kind@*, then *@orgkind, then
 * *@*). Returns 0 and sets *levels, or -1 when no entry applies or the value cannot be read. */
int cadre_decider_levels(const char *rule_value, const char *pos_kind, const char *org_kind,
			 long *levels);
/* Whether a body at depth body_depth, an ancestor of the position's organisation (is_ancestor
 * 1, itself excluded) at depth pos_depth, may decide it when the rule asks for levels: the
 * root (depth 0) always may; otherwise pos_depth - body_depth >= levels. */
int cadre_decider_ok(int is_ancestor, int pos_depth, int body_depth, long levels);

/* The end of a committee's term starting on start, lasting years (R-COMMITTEE-TERM-YEARS):
 * the same day years later (29 February: the last day of February). */
date_t cadre_term_end(date_t start, long years);

/* The priority of a vacancy in an organisation (lower first): 0 for one flagged border or
 * difficult on the day, 1 for a combat-ready unit (grassroots type "combat"), 2 otherwise. */
int cadre_vacancy_priority(int border, int difficult, int combat);

/* Check a decision's number as typed (1..CADRE_DECISION_MAX bytes, no control characters);
 * 0, or -1 with *why set. */
int cadre_decision_check(const char *number, const char **why);

#endif
