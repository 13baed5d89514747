/* member.h - a party member's record sheet, its validation and the status lifecycle. */
#ifndef CADRE_MEMBER_H
#define CADRE_MEMBER_H

#include <stdint.h>

#include "date.h"
#include "err.h"
#include "rules.h"
#include "vname.h"

enum member_status {
	MS_PROBATIONARY,
	MS_OFFICIAL,
	MS_EXEMPT,       /* exempt from activity */
	MS_SUSPENDED,
	MS_REMOVED,      /* removed from the rolls (xóa tên) */
	MS_EXPELLED,
	MS_DECEASED,
	MS_TRANSFERRED_OUT,
	MS__COUNT
};

/* Field sizes, in bytes with the NUL. */
#define M_SHORT 64
#define M_TEXT 256

/* One member's record sheet (forms 1-HSĐV, 2-HSĐV). Strings are UTF-8, "" when unknown. */
struct member {
	int64_t id;                /* 0 until stored */
	int64_t org_id;            /* organisation whose official roll holds the member */
	char org_code[33];
	enum member_status status;
	date_t status_since;
	date_t org_since;
	int64_t temp_org_id;       /* host organisation during a temporary transfer, else 0 */
	char temp_org_code[33];
	date_t temp_until;

	char full_name[VNAME_MAX + 1];
	char family[VNAME_MAX + 1], middle[VNAME_MAX + 1], given[VNAME_MAX + 1];
	char sex[8];               /* "male" | "female" */
	date_t birth_date;
	char ethnicity[M_SHORT];
	char religion[M_SHORT];
	char hometown[M_TEXT];
	char citizen_id[M_SHORT];
	char education[M_SHORT];
	char theory_level[M_SHORT];
	char rank[M_SHORT];
	char category[M_SHORT];
	char post[M_TEXT];
	char history_no[M_SHORT];
	char card_no[M_SHORT];
	char phone[M_SHORT];
	date_t admission_decision_date;
	date_t admission_ceremony_date;
	date_t official_date;
};

/* The statuses whose members are on a roll (probationary, official, exempt, suspended). */
int member_status_active(enum member_status s);
/* "probationary", "official", ... and back; member_status_parse returns -1 when unknown. */
const char *member_status_name(enum member_status s);
int member_status_parse(const char *s, enum member_status *out);

/* Names of the text fields a member carries, as columns of docs/csv.md, for loops over them:
 * a field name -> pointer into m and its capacity; NULL when no such text field. */
char *member_text_field(struct member *m, const char *name, size_t *cap);
extern const char *const member_text_fields[];
extern const char *const member_categories[];
extern const char *const member_theory_levels[];

/* Set m's full name from text as typed: normalised (NFC, spaces collapsed) and split into
 * family/middle/given. Adds a problem to e (field "full_name", line) and returns -1 when the
 * name is not acceptable. */
int member_set_name(struct member *m, const char *text, struct err *e, long line);

/* Set the field called name (a CSV column of docs/csv.md other than id, org_code and status)
 * from text: a name is normalised and split, a date parsed ("" clears it), other text
 * normalised (NFC, spaces collapsed). Adds a problem naming the field and returns -1 when
 * the value is not acceptable. */
int member_set_field(struct member *m, const char *name, const char *value, struct err *e,
		     long line);

/* Check a whole record and add every problem to e (never stops at the first), naming the
 * field, the value and the rule broken. on is the date at which rules are taken (for an
 * existing record, the admission decision date is used for the age rule). line is the input
 * line for messages (0 when none). Returns the number of problems added. */
int member_validate(const struct member *m, const struct ruleset *rs, struct err *e, long line);

/* R-ADMIT-AGE-MIN-MONTHS / R-ADMIT-AGE-MAX-MONTHS for a member added, edited or imported with
 * its admission dates: the age in whole months on the day of the admission decision (no cell
 * vote is recorded for such a member) from MIN to MAX inclusive; a problem naming the rule,
 * the age in years and months and the limit, at field admission_decision_date, for each
 * breach. Apart from member_validate: a case's ceremony (app_admission.c) makes a member whose
 * age was checked at the cell's vote instead. Returns the number of problems added. */
int member_check_age(const struct member *m, const struct ruleset *rs, struct err *e, long line);

/* R-PROBATION-MONTHS: a member recognised as official is official exactly the rule's months
 * after the ceremony, even when the vote came later (as 'member status ... official' counts
 * it). An official date later than that (an official, exempt or suspended member) is
 * corrected to the end of probation, with a warning (code ERR_OK) naming the rule, the date
 * typed and the right one added to warn. Returns 1 when corrected, 0 otherwise. An official
 * date before the end of probation is member_validate's problem, not corrected here. */
int member_fix_official_date(struct member *m, const struct ruleset *rs, struct err *warn,
			     long line);

/* Deadlines whose breach is recorded but does not stop the record (the facts are what they
 * are): the ceremony more than R-ADMIT-CEREMONY-WORKING-DAYS working days after the decision
 * (weekends and the holidays hol[0..nhol), sorted, skipped: adm_ceremony_due, as the admission
 * pipeline counts them). Adds a warning (code ERR_OK) to warn for each; returns their number. */
int member_warnings(const struct member *m, const struct ruleset *rs, const date_t *hol,
		    size_t nhol, struct err *warn, long line);

/* Whether a member may go from status a to status b on date on (R-STATUS-TRANSITION), with
 * b = official also requiring the probation period (R-PROBATION-MONTHS) to have run from the
 * ceremony. Adds a problem naming the rule and returns -1 otherwise. */
int member_check_transition(const struct member *m, enum member_status b, date_t on,
			    const struct ruleset *rs, struct err *e);

/* Status of a member on date d judged only from the three admission dates: -1 before the
 * admission decision (not yet a member), MS_PROBATIONARY from it, MS_OFFICIAL from the
 * official date. Used for dates before the member's first recorded status change. */
int member_status_from_dates(const struct member *m, date_t d);

#endif
